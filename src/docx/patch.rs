//! Additions to the XML that `docx-rs` 0.4.22 cannot express:
//!
//! - `w:tblHeader` on the header rows of each table (it has no such row
//!   property), so Word, WPS and LibreOffice repeat them on every page;
//! - `w:firstLineChars` next to `w:firstLine` (it keeps the value in its model
//!   but never writes it), so the indent stays two characters if a reader
//!   changes the font size;
//! - paragraph ids (`w14:paraId`) numbered 1, 2, 3… across the parts in
//!   package order, instead of the values of its thread-local counter;
//! - nothing where the schema allows nothing: `docx-rs` puts a `w:type` on
//!   `w:gridCol` (which has only `w:w`) and an empty `w:rPr` in the `w:pPr` of
//!   styles and paragraph defaults (`CT_PPrGeneral`, which has no `w:rPr`);
//! - the document's languages (`w:lang`, East Asian zh-CN) in the default run
//!   properties (it has no language property), so that readers shape and
//!   substitute fonts for Simplified Chinese.
//!
//! The order of the children these passes add is left to [`super::order`].

use super::styles::{FIRST_LINE_CHARS, FIRST_LINE_TWIPS};
use super::xml::{Element, Node};

/// Adds `w:tblHeader` to row `r` of the `t`-th table (document order) when
/// `header_rows[t][r]` is true.
pub(super) fn mark_header_rows(root: &mut Element, header_rows: &[Vec<bool>]) {
    let mut tables = header_rows.iter();
    root.walk_mut(&mut |element| {
        if element.name() != b"w:tbl" {
            return;
        }
        let Some(flags) = tables.next() else {
            return;
        };
        let rows = element.elements_mut().filter(|e| e.name() == b"w:tr");
        for (row, _) in rows.zip(flags).filter(|(_, header)| **header) {
            append_to_child(row, "w:trPr", Element::empty("w:tblHeader"));
        }
    });
}

/// Appends `property` to the child element `name` of `parent`, creating that
/// child as the first one if missing.
fn append_to_child(parent: &mut Element, name: &str, property: Element) {
    if !parent.elements().any(|e| e.name() == name.as_bytes()) {
        parent
            .children
            .insert(0, Node::Element(Element::empty(name)));
    }
    if let Some(child) = parent.elements_mut().find(|e| e.name() == name.as_bytes()) {
        child.children.push(Node::Element(property));
    }
}

/// Adds `w:firstLineChars` to every `w:ind` whose `w:firstLine` is the
/// two-character body indent.
pub(super) fn add_first_line_chars(root: &mut Element) {
    let first_line = FIRST_LINE_TWIPS.to_string();
    root.walk_mut(&mut |element| {
        if element.name() == b"w:ind"
            && element.attribute("w:firstLine").as_deref() == Some(first_line.as_bytes())
        {
            element.set_attribute("w:firstLineChars", &FIRST_LINE_CHARS.to_string());
        }
    });
}

/// Renumbers `w14:paraId` on every paragraph, continuing from `next`.
pub(super) fn number_paragraphs(root: &mut Element, next: &mut u32) {
    root.walk_mut(&mut |element| {
        if element.name() == b"w:p" && element.attribute("w14:paraId").is_some() {
            element.set_attribute("w14:paraId", &format!("{:08X}", *next));
            *next += 1;
        }
    });
}

/// Adds `w:lang` (en-US, East Asian zh-CN) to the default run properties of
/// a styles part.
pub(super) fn add_default_language(root: &mut Element) {
    root.walk_mut(&mut |element| {
        if element.name() != b"w:rPrDefault" {
            return;
        }
        let mut language = Element::empty("w:lang");
        language.set_attribute("w:val", "en-US");
        language.set_attribute("w:eastAsia", "zh-CN");
        append_to_child(element, "w:rPr", language);
    });
}

/// Removes the `w:type` attribute of `w:gridCol`.
pub(super) fn drop_grid_column_types(root: &mut Element) {
    root.walk_mut(&mut |element| {
        if element.name() == b"w:gridCol" {
            element.remove_attribute("w:type");
        }
    });
}

/// Removes `w:rPr` from every `w:pPr` of a styles part.
pub(super) fn drop_style_paragraph_run_properties(root: &mut Element) {
    root.walk_mut(&mut |element| {
        if element.name() == b"w:pPr" {
            element
                .children
                .retain(|n| !matches!(n, Node::Element(e) if e.name() == b"w:rPr"));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::xml::Part;

    fn patched(xml: &str, patch: impl FnOnce(&mut Element)) -> String {
        let mut part = Part::parse(xml.as_bytes()).unwrap();
        patch(part.root_mut().unwrap());
        String::from_utf8(part.to_bytes()).unwrap()
    }

    #[test]
    fn header_rows_get_tbl_header() {
        let xml = "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr/></w:tbl>\
                   <w:tbl><w:tr/><w:tr/></w:tbl></w:body>";
        let out = patched(xml, |root| {
            mark_header_rows(root, &[vec![true, false], vec![false, true]])
        });
        assert_eq!(
            out,
            "<w:body><w:tbl><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr><w:tr/></w:tbl>\
             <w:tbl><w:tr/><w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></w:tbl></w:body>"
        );
    }

    #[test]
    fn body_indent_gets_first_line_chars() {
        let xml = r#"<w:p><w:ind w:left="0" w:firstLine="640"/><w:ind w:left="280"/></w:p>"#;
        let out = patched(xml, add_first_line_chars);
        assert_eq!(
            out,
            r#"<w:p><w:ind w:left="0" w:firstLine="640" w:firstLineChars="200"/><w:ind w:left="280"/></w:p>"#
        );
    }

    #[test]
    fn default_run_properties_get_the_language() {
        let xml = "<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>";
        let out = patched(xml, add_default_language);
        assert!(
            out.contains(r#"<w:sz/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#),
            "{out}"
        );
    }

    #[test]
    fn invalid_leftovers_are_dropped() {
        let grid = patched(
            r#"<w:tblGrid><w:gridCol w:w="10" w:type="dxa"/></w:tblGrid>"#,
            drop_grid_column_types,
        );
        assert_eq!(grid, r#"<w:tblGrid><w:gridCol w:w="10"/></w:tblGrid>"#);
        let style = patched(
            "<w:style><w:pPr><w:jc/><w:rPr/></w:pPr><w:rPr><w:b/></w:rPr></w:style>",
            drop_style_paragraph_run_properties,
        );
        assert_eq!(
            style,
            "<w:style><w:pPr><w:jc/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
        );
    }

    #[test]
    fn paragraph_ids_continue_across_parts() {
        let mut next = 1;
        let xml = r#"<w:body><w:p w14:paraId="0000abcd"/><w:p w14:paraId="00000002"/></w:body>"#;
        let first = patched(xml, |root| number_paragraphs(root, &mut next));
        let second = patched(xml, |root| number_paragraphs(root, &mut next));
        assert!(first.contains(r#"w14:paraId="00000001""#));
        assert!(first.contains(r#"w14:paraId="00000002""#));
        assert!(second.contains(r#"w14:paraId="00000003""#));
    }
}

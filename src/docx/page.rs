//! The page's section: its properties (`w:sectPr`: page size, margins,
//! document grid, the footers it refers to) and the “— N —” page-number
//! footers (odd pages right, even pages left, one character in from the
//! margin). The numbers are [`super::geometry`]'s.
//!
//! `docx-rs` builds the section's elements that it writes as Word does and
//! offers one by one (the footer references, `w:pgSz`, `w:pgMar`). Written
//! here: their order, which `docx-rs`'s section gets wrong (it puts the
//! footer references and the grid after `w:pgMar`, against `CT_SectPr`);
//! `w:cols`, which it writes only inside its whole section; and the grid,
//! which it spells `<w:docGrid … />` where these packages have always had
//! `<w:docGrid …/>`. The footers' content is written with the body's
//! [`Markup`] ([`footer_xml`]), whose run and paragraph properties are in
//! schema order, where `docx-rs`'s are not.

use std::sync::OnceLock;

use docx_rs::{BuildXML, FooterReference, PageMargin, PageSize};

use super::geometry::{
    FOOTER_DISTANCE, FOOTER_LINE, HEADER_DISTANCE, LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
use super::markup::{Markup, shared_namespaces};
use super::styles::{Align, Face, Format, SIZE_4, SONGTI, Spacing};

/// 空一字: the page number keeps one 4号 character from the margin.
const PAGE_NUMBER_INSET: i32 = FOOTER_LINE;

/// Which pages a footer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageSide {
    Odd,
    Even,
}

/// A footer part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Footer {
    /// Its name in the package.
    pub part: &'static str,
    side: PageSide,
    /// The id of its relationship from the document, which the section
    /// refers to it by.
    pub relationship: &'static str,
    /// The id of its one paragraph.
    pub paragraph_id: u32,
}

/// The footers, the default (odd pages) first. Their paragraphs are
/// numbered first; the body's are numbered after them.
pub(super) const FOOTERS: [Footer; 2] = [
    Footer {
        part: "word/footer1.xml",
        side: PageSide::Odd,
        relationship: "rIdFooter1",
        paragraph_id: 1,
    },
    Footer {
        part: "word/footer2.xml",
        side: PageSide::Even,
        relationship: "rIdFooter2",
        paragraph_id: 2,
    },
];

/// The section properties of the document (its last child of `w:body`),
/// children in `CT_SectPr` order: the footer references, page size,
/// margins, one column, and the GB/T 9704 grid of the body pages: 22 lines
/// of [`LINE_PITCH`]. Paragraphs that are not body text (the title, tables,
/// notes, footers) leave the grid (`w:snapToGrid w:val="0"`). Built on
/// first use.
pub(super) fn section_properties() -> &'static str {
    static SECTION: OnceLock<String> = OnceLock::new();
    SECTION.get_or_init(|| {
        let twips = |v: u32| v as i32;
        let margins = PageMargin::new()
            .top(twips(MARGIN_TOP))
            .bottom(twips(MARGIN_BOTTOM))
            .left(twips(MARGIN_LEFT))
            .right(twips(MARGIN_RIGHT))
            .header(twips(HEADER_DISTANCE))
            .footer(twips(FOOTER_DISTANCE))
            .gutter(0);
        let mut xml = Vec::with_capacity(512);
        xml.extend_from_slice(b"<w:sectPr>");
        for footer in &FOOTERS {
            let kind = match footer.side {
                PageSide::Odd => "default",
                PageSide::Even => "even",
            };
            xml.extend(FooterReference::new(kind, footer.relationship).build());
        }
        xml.extend(PageSize::new().size(PAGE_WIDTH, PAGE_HEIGHT).build());
        xml.extend(margins.build());
        xml.extend_from_slice(br#"<w:cols w:space="425" w:num="1" />"#);
        xml.extend(format!(r#"<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>"#).bytes());
        xml.extend_from_slice(b"</w:sectPr>");
        String::from_utf8(xml).expect("docx-rs writes UTF-8")
    })
}

/// The start of a footer part, as `docx-rs` writes it.
const FOOTER_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    shared_namespaces!(),
    r#" mc:Ignorable="w14 wp14">"#,
);

/// The part of `footer`: “— N —” with N a PAGE field, 4号宋体 (the digits
/// too), on the outer side of the page, off the document grid.
pub(super) fn footer_xml(footer: &Footer) -> String {
    let face = Face::new(SONGTI, SIZE_4).with_latin(SONGTI);
    let (align, sides) = match footer.side {
        PageSide::Odd => (Align::Right, (0, PAGE_NUMBER_INSET)),
        PageSide::Even => (Align::Left, (PAGE_NUMBER_INSET, 0)),
    };
    let format = Format {
        sides,
        spacing: Spacing::Exact(FOOTER_LINE),
        ..Format::text(face, align).off_grid()
    };
    let mut markup = Markup::new(footer.paragraph_id, 4096);
    markup.push(FOOTER_START);
    markup.open_paragraph();
    format.write_properties(&mut markup, false);
    face.write_run(&mut markup, "— ", false);
    write_field_char(&mut markup, face, "begin");
    write_in_run(&mut markup, face, "<w:instrText>PAGE</w:instrText>");
    write_field_char(&mut markup, face, "separate");
    face.write_run(&mut markup, "1", false);
    write_field_char(&mut markup, face, "end");
    face.write_run(&mut markup, " —", false);
    markup.push("</w:p></w:ftr>");
    markup.into_string()
}

/// A run of `face` holding a field character of `kind` (`begin`,
/// `separate`, `end`).
fn write_field_char(markup: &mut Markup, face: Face, kind: &str) {
    let field_char = format!(r#"<w:fldChar w:fldCharType="{kind}" w:dirty="false" />"#);
    write_in_run(markup, face, &field_char);
}

/// A run of `face` holding `content`.
fn write_in_run(markup: &mut Markup, face: Face, content: &str) {
    markup.push("<w:r>");
    face.write_properties(markup, false);
    markup.push(content);
    markup.push("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_properties_are_the_page_set_up_in_schema_order() {
        let section = section_properties();
        let names: Vec<&str> = section
            .split('<')
            .filter_map(|tag| tag.split([' ', '/', '>']).next())
            .filter(|name| !name.is_empty())
            .collect();
        assert_eq!(
            names,
            [
                "w:sectPr",
                "w:footerReference",
                "w:footerReference",
                "w:pgSz",
                "w:pgMar",
                "w:cols",
                "w:docGrid",
            ]
        );
        for footer in &FOOTERS {
            assert!(section.contains(&format!(r#"r:id="{}""#, footer.relationship)));
        }
        assert!(section.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
        assert!(section.contains(r#"w:top="2098" w:right="1474" w:bottom="1984" w:left="1587""#));
        assert!(section.contains(r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#));
        assert!(
            !section.contains("<?xml") && !section.contains("xmlns"),
            "{section}"
        );
    }

    #[test]
    fn footers_number_their_paragraphs_apart_and_face_outwards() {
        let odd = footer_xml(&FOOTERS[0]);
        let even = footer_xml(&FOOTERS[1]);
        assert_ne!(FOOTERS[0].paragraph_id, FOOTERS[1].paragraph_id);
        assert!(odd.contains(r#"<w:jc w:val="right" />"#), "{odd}");
        assert!(even.contains(r#"<w:jc w:val="left" />"#), "{even}");
        assert!(odd.contains("<w:instrText>PAGE</w:instrText>"));
    }
}

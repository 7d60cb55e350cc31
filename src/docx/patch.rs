//! Changes to the styles part that `docx-rs` 0.4.22 writes, applied while it
//! is rewritten ([`super::xml::rewrite`]):
//!
//! - the document's languages (`w:lang`, East Asian zh-CN) in the default run
//!   properties (it has no language property), so that readers shape and
//!   substitute fonts for Simplified Chinese;
//! - nothing where the schema allows nothing: it puts an empty `w:rPr` in the
//!   `w:pPr` of styles and paragraph defaults (`CT_PPrGeneral`, which has no
//!   `w:rPr`).
//!
//! The order of the children added is left to [`super::order`]. What
//! `docx-rs` cannot express in the body and footers (`w:tblHeader`,
//! `w:firstLineChars`, paragraph ids) is written there directly
//! ([`super::markup`]).

use super::xml::{Edit, Property};

/// The document's languages: en-US, East Asian zh-CN.
const LANGUAGE: Property = Property {
    name: "w:lang",
    xml: r#"<w:lang w:val="en-US" w:eastAsia="zh-CN"/>"#,
};

/// What to do with the element `name` (child of `parent`) of the styles part.
pub(super) fn styles(name: &[u8], parent: Option<&[u8]>) -> Edit {
    match name {
        b"w:rPrDefault" => Edit::AppendToChild {
            child: "w:rPr",
            property: LANGUAGE,
        },
        b"w:rPr" if parent == Some(b"w:pPr") => Edit::Drop,
        _ => Edit::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::xml::rewrite;

    fn patched(xml: &str) -> String {
        String::from_utf8(rewrite(xml.as_bytes(), styles).unwrap()).unwrap()
    }

    #[test]
    fn default_run_properties_get_the_language() {
        let xml = "<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz/></w:rPr></w:rPrDefault></w:docDefaults></w:styles>";
        let out = patched(xml);
        assert!(
            out.contains(r#"<w:sz/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>"#),
            "{out}"
        );
        assert_eq!(
            patched("<w:rPrDefault/>"),
            r#"<w:rPrDefault><w:rPr><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>"#
        );
    }

    #[test]
    fn run_properties_of_style_paragraph_properties_are_dropped() {
        assert_eq!(
            patched("<w:style><w:pPr><w:jc/><w:rPr/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"),
            "<w:style><w:pPr><w:jc/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"
        );
    }
}

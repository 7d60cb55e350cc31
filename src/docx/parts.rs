//! The parts of the package, in package order, and where each comes from.
//!
//! Every part but two is the same in every package: the content types and
//! relationships and `docProps/app.xml` ([`properties`]), the styles
//! ([`styles`]), the settings ([`settings`]), the font table ([`fonts`]) and
//! the two footers ([`page`]). They are written once per process and packed
//! once ([`Packed`]). The other two are the report's own: `word/document.xml`
//! (the frame below, the body from [`super::body`] and the section
//! properties from [`page`]) and `docProps/core.xml` ([`properties`]).
//!
//! None of them is `docx-rs`'s own part: the ones it writes list parts that
//! nothing refers to (numbering, comments, footnotes, custom properties) and
//! name neither the application nor the report, and its document part puts
//! the section properties out of schema order.

use std::sync::OnceLock;

use super::markup::shared_namespaces;
use super::package::Packed;
use super::page::{self, FOOTERS};
use super::{DocxError, fonts, properties, settings, styles};

/// Where the bytes of a part come from.
pub(super) enum Source {
    /// The same in every package: this function's text.
    Fixed(fn() -> String),
    /// `word/document.xml`: [`DOCUMENT_START`], the body, the section
    /// properties and [`DOCUMENT_END`].
    Document,
    /// `docProps/core.xml`, the report's own properties.
    Core,
}

/// Every part, named, in package order.
pub(super) const PARTS: [(&str, Source); 11] = [
    (
        "[Content_Types].xml",
        Source::Fixed(|| properties::CONTENT_TYPES.into()),
    ),
    (
        "_rels/.rels",
        Source::Fixed(|| properties::PACKAGE_RELATIONSHIPS.into()),
    ),
    ("docProps/app.xml", Source::Fixed(|| properties::APP.into())),
    ("docProps/core.xml", Source::Core),
    (
        "word/_rels/document.xml.rels",
        Source::Fixed(|| properties::DOCUMENT_RELATIONSHIPS.into()),
    ),
    ("word/document.xml", Source::Document),
    ("word/styles.xml", Source::Fixed(styles::styles_xml)),
    (
        "word/settings.xml",
        Source::Fixed(|| settings::SETTINGS_XML.into()),
    ),
    ("word/fontTable.xml", Source::Fixed(fonts::font_table_xml)),
    (
        "word/footer1.xml",
        Source::Fixed(|| page::footer_xml(&FOOTERS[0])),
    ),
    (
        "word/footer2.xml",
        Source::Fixed(|| page::footer_xml(&FOOTERS[1])),
    ),
];

/// The document part up to the body's content: the root element with the
/// namespaces its content and readers' extensions use.
pub(super) const DOCUMENT_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:document xmlns:o="urn:schemas-microsoft-com:office:office" "#,
    r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    shared_namespaces!(),
    r#" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" mc:Ignorable="w14 wp14">"#,
    "<w:body>",
);

/// The document part after the section properties.
pub(super) const DOCUMENT_END: &str = "</w:body></w:document>";

/// The fixed parts, in the order of [`PARTS`], packed on first use.
pub(super) fn packed() -> Result<Packed, DocxError> {
    static PACKED: OnceLock<Result<Packed, String>> = OnceLock::new();
    PACKED
        .get_or_init(|| {
            let fixed: Vec<(&str, String)> = PARTS
                .iter()
                .filter_map(|(name, source)| match source {
                    Source::Fixed(text) => Some((*name, text())),
                    _ => None,
                })
                .collect();
            Packed::new(fixed.iter().map(|(name, text)| (*name, text.as_bytes())))
                .map_err(|e| e.to_string())
        })
        .clone()
        .map_err(|message| DocxError::Package(std::io::Error::other(message).into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_a_content_type_and_the_document_refers_to_each_it_uses() {
        for (name, _) in &PARTS {
            assert!(
                name.ends_with(".rels")
                    || *name == "[Content_Types].xml"
                    || properties::CONTENT_TYPES.contains(&format!("\"/{name}\"")),
                "{name} has no content type"
            );
        }
        for name in ["styles", "settings", "fontTable"] {
            let target = format!("Target=\"{name}.xml\"");
            assert!(properties::DOCUMENT_RELATIONSHIPS.contains(&target));
        }
        for footer in &FOOTERS {
            let target = footer.part.trim_start_matches("word/");
            let relationship = format!(r#"Id="{}" "#, footer.relationship);
            let at = properties::DOCUMENT_RELATIONSHIPS.find(&relationship);
            let entry = &properties::DOCUMENT_RELATIONSHIPS[at.expect("a relationship")..];
            assert!(entry.split("/>").next().unwrap().contains(target));
        }
    }

    #[test]
    fn each_footer_is_a_fixed_part_once() {
        for footer in &FOOTERS {
            let parts: Vec<_> = PARTS.iter().filter(|(n, _)| *n == footer.part).collect();
            assert!(
                matches!(parts[..], [(_, Source::Fixed(_))]),
                "{}",
                footer.part
            );
        }
    }

    #[test]
    fn the_document_frame_is_well_formed_around_a_body() {
        let document = [DOCUMENT_START, page::section_properties(), DOCUMENT_END].concat();
        let mut reader = quick_xml::Reader::from_str(&document);
        let mut depth = 0usize;
        loop {
            match reader.read_event().expect("well-formed") {
                quick_xml::events::Event::Start(_) => depth += 1,
                quick_xml::events::Event::End(_) => depth -= 1,
                quick_xml::events::Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(depth, 0);
        assert!(DOCUMENT_START.ends_with("<w:body>"));
    }
}

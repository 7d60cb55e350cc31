//! Everything in the package but the report's own content and properties:
//! the section properties and the footers' places, which `docx-rs` builds
//! for the page set-up, with the document grid added; the content types,
//! relationships, settings, font table and styles written here instead of
//! `docx-rs`'s; the parts it packs that nothing refers to left out
//! ([`properties::UNUSED_PARTS`]). None of it depends on the report, so it
//! is built once per process and shared by every report written.

use std::sync::OnceLock;

use docx_rs::Docx;

use super::package::{self, Packed};
use super::page::{self, FOOTER_PARAGRAPH_IDS, FOOTERS};
use super::{DocxError, fonts, properties, settings, styles, xml};

/// One part of the package.
pub(super) enum Part {
    /// The same in every package: entry `.0` of [`Skeleton::packed`].
    Packed(usize),
    /// `word/document.xml`, around the place of the body's content.
    Document { head: Vec<u8>, tail: Vec<u8> },
    /// `docProps/core.xml`, the report's own properties.
    Core,
}

/// The parts of the package but the report's content.
pub(super) struct Skeleton {
    /// The parts, named, in package order.
    pub parts: Vec<(String, Part)>,
    /// The parts that are the same in every package, packed.
    pub packed: Packed,
}

/// The skeleton, built on first use.
pub(super) fn skeleton() -> Result<&'static Skeleton, DocxError> {
    static SKELETON: OnceLock<Result<Skeleton, String>> = OnceLock::new();
    SKELETON
        .get_or_init(|| build().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|message| DocxError::Xml(message.clone()))
}

fn build() -> Result<Skeleton, DocxError> {
    let docx = page::set_up(Docx::new());
    let mut fixed = Vec::new();
    let mut parts = Vec::new();
    for (name, bytes) in package::parts(docx.build()) {
        if properties::UNUSED_PARTS.contains(&name.as_str()) || is_footer_relationships(&name) {
            continue;
        }
        let part = if name == "word/document.xml" {
            // Only the section properties are there yet; they need ordering
            // and the document grid.
            split_at_body(page::with_document_grid(&xml::rewrite(&bytes)?)?)?
        } else if name == "docProps/core.xml" {
            Part::Core
        } else {
            fixed.push((name.clone(), final_bytes(&name, bytes)?));
            Part::Packed(fixed.len() - 1)
        };
        parts.push((name, part));
    }
    let packed = Packed::new(fixed.iter().map(|(n, b)| (n.as_str(), b.as_slice())))?;
    Ok(Skeleton { parts, packed })
}

/// The final bytes of part `name`, given the bytes `docx-rs` built.
fn final_bytes(name: &str, bytes: Vec<u8>) -> Result<Vec<u8>, DocxError> {
    Ok(match name {
        "[Content_Types].xml" => properties::CONTENT_TYPES.as_bytes().to_vec(),
        "_rels/.rels" => properties::PACKAGE_RELATIONSHIPS.as_bytes().to_vec(),
        "word/_rels/document.xml.rels" => properties::DOCUMENT_RELATIONSHIPS.as_bytes().to_vec(),
        "docProps/app.xml" => properties::APP.as_bytes().to_vec(),
        "word/settings.xml" => settings::SETTINGS_XML.as_bytes().to_vec(),
        "word/fontTable.xml" => fonts::font_table_xml().into_bytes(),
        "word/styles.xml" => styles::styles_xml().into_bytes(),
        _ => match FOOTERS.iter().position(|(footer, _)| *footer == name) {
            Some(i) => page::footer_xml(FOOTERS[i].1, FOOTER_PARAGRAPH_IDS[i]).into_bytes(),
            None => bytes,
        },
    })
}

/// Whether `name` is the relationships of a footer, which has none.
fn is_footer_relationships(name: &str) -> bool {
    name.starts_with("word/_rels/footer")
}

/// The document part cut just after `<w:body>`, where the content goes.
fn split_at_body(mut document: Vec<u8>) -> Result<Part, DocxError> {
    const BODY: &[u8] = b"<w:body>";
    let at = document
        .windows(BODY.len())
        .position(|w| w == BODY)
        .ok_or_else(|| DocxError::Xml("document.xml 中没有 <w:body>".into()))?
        + BODY.len();
    let tail = document.split_off(at);
    Ok(Part::Document {
        head: document,
        tail,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_goes_before_the_section_properties() {
        let skeleton = skeleton().unwrap();
        let document = skeleton.parts.iter().find_map(|(name, part)| match part {
            Part::Document { head, tail } if name == "word/document.xml" => Some((head, tail)),
            _ => None,
        });
        let (head, tail) = document.expect("a document part");
        assert!(head.ends_with(b"<w:body>"));
        assert!(tail.starts_with(b"<w:sectPr>"));
    }

    #[test]
    fn only_the_parts_the_document_uses_are_packed() {
        let skeleton = skeleton().unwrap();
        let names: Vec<&str> = skeleton.parts.iter().map(|(n, _)| n.as_str()).collect();
        for unused in properties::UNUSED_PARTS {
            assert!(!names.contains(&unused), "{unused}");
        }
        assert!(
            names.iter().all(|n| !is_footer_relationships(n)),
            "{names:?}"
        );
        for name in names {
            assert!(
                name.ends_with(".rels")
                    || name == "[Content_Types].xml"
                    || properties::CONTENT_TYPES.contains(&format!("\"/{name}\"")),
                "{name} has no content type"
            );
        }
    }

    #[test]
    fn both_footers_are_packed_once() {
        let skeleton = skeleton().unwrap();
        for (footer, _) in FOOTERS {
            let part = skeleton.parts.iter().find(|(name, _)| name == footer);
            assert!(matches!(part, Some((_, Part::Packed(_)))), "{footer}");
        }
    }
}

//! Writes a [`Document`] as a DOCX that can be submitted as is: laid out after
//! GB/T 9704-2012 (A4; margins 37/35/28/26 mm; 22 lines of 3号仿宋 per page;
//! 2号小标宋 title; “— N —” page numbers, odd pages right, even pages left) and
//! readable by Word, WPS and LibreOffice.
//!
//! The package is built in two halves:
//!
//! - `skeleton`: what does not depend on the report (page set-up, document
//!   defaults, relationships, properties), built once per process with
//!   `docx-rs` and fixed where it writes differently from what Word expects:
//!   `patch` (the document language, elements the schema forbids), `order`
//!   (property children in schema order, [`SCHEMA_SEQUENCES`]) applied by
//!   `xml` (a streaming rewrite of a part), `settings` and `fonts` (the
//!   settings part and the font table, replaced);
//! - the report's content, written directly as WordprocessingML by `markup`
//!   (`docx-rs`'s builders spent most of a build on it): `body` (blocks),
//!   `styles` (typefaces, sizes and paragraph formats of each role),
//!   `table` and `columns` (tables and column widths), `page` (page geometry
//!   and the page-number footers).
//!
//! `package` writes both into a ZIP with fixed entry order and times, so that
//! the same [`Document`] always gives the same bytes.

mod body;
mod columns;
mod error;
mod fonts;
mod markup;
mod order;
mod package;
mod page;
mod patch;
mod settings;
mod skeleton;
mod styles;
mod table;
mod xml;

use crate::document::Document;

pub use error::DocxError;
pub use order::{SCHEMA_SEQUENCES, schema_rank, schema_sequence};
use skeleton::Part;

/// The DOCX bytes of `doc`.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let body = body::write(&doc.blocks)?;
    let mut next_paragraph_id = body.next_paragraph_id();
    let body = body.into_string();
    let skeleton = skeleton::skeleton()?;
    // This package's own reader of the parts packed once.
    let mut packed = skeleton.packed.clone();
    let mut package = package::Package::new();
    for (name, part) in &skeleton.parts {
        match part {
            Part::Packed(index) => package.copy(&mut packed, *index)?,
            Part::Document { head, tail } => package.add(name, &[head, body.as_bytes(), tail])?,
            Part::Footer(side) => {
                let footer = page::footer_xml(*side, next_paragraph_id);
                next_paragraph_id += 1;
                package.add(name, &[footer.as_bytes()])?;
            }
        }
    }
    package.finish()
}

//! Writes a [`Document`] as a DOCX that can be submitted as is: laid out after
//! GB/T 9704-2012 (A4; margins 37/35/28/26 mm; 22 lines of 3号仿宋 per page;
//! 2号小标宋 title; “— N —” page numbers, odd pages right, even pages left) and
//! readable by Word, WPS and LibreOffice.
//!
//! The package is built in two halves:
//!
//! - `skeleton`: what does not depend on the report (page set-up,
//!   relationships, `properties`' fixed parts), built once per process with `docx-rs`, with
//!   the property children it writes put in schema order (`order`,
//!   [`SCHEMA_SEQUENCES`], applied by `xml`, a streaming rewrite of a part),
//!   and the parts it writes differently from what Word expects replaced:
//!   `settings`, `fonts` (the font table) and `styles` (the paragraph styles,
//!   one per kind of paragraph, with its typeface, size and format);
//! - the report's content, written directly as WordprocessingML by `markup`
//!   (`docx-rs`'s builders spent most of a build on it): `body` (blocks, each
//!   paragraph naming its style), `title` (where the title breaks),
//!   `attachment_list` (the 附件 list), `table` (tables and column
//!   widths, from `crate::document::columns`), `page` (page geometry, the
//!   document grid and the page-number footers), and `properties`
//!   (`docProps/core.xml`: title, creator, subject, keywords).
//!
//! `package` writes both into a ZIP with fixed entry order and times, so that
//! the same [`Document`] always gives the same bytes.

mod attachment_list;
mod body;
mod error;
mod fonts;
mod geometry;
mod markup;
mod order;
mod package;
mod page;
mod properties;
mod settings;
mod skeleton;
mod styles;
mod table;
mod title;
mod xml;

use crate::document::Document;

pub use error::DocxError;
pub use order::{SCHEMA_SEQUENCES, schema_rank, schema_sequence};
pub use properties::Properties;
use skeleton::Part;

/// The DOCX bytes of `doc`, with `properties` in its document properties.
pub fn write_docx(doc: &Document, properties: &Properties) -> Result<Vec<u8>, DocxError> {
    let body = body::write(&doc.blocks)?.into_string();
    let skeleton = skeleton::skeleton()?;
    // This package's own reader of the parts packed once.
    let mut packed = skeleton.packed.clone();
    let mut package = package::Package::new();
    for (name, part) in &skeleton.parts {
        match part {
            Part::Packed(index) => package.copy(&mut packed, *index)?,
            Part::Document { head, tail } => package.add(name, &[head, body.as_bytes(), tail])?,
            Part::Core => {
                let core = properties::core_xml(doc, properties);
                package.add(name, &[core.as_bytes()])?;
            }
        }
    }
    package.finish()
}

//! Writes a [`Document`] as a DOCX that can be submitted as is: laid out after
//! GB/T 9704-2012 (A4; margins 37/35/28/26 mm; 22 lines of 3号仿宋 per page;
//! 2号小标宋 title; “— N —” page numbers, odd pages right, even pages left) and
//! readable by Word, WPS and LibreOffice.
//!
//! Every part is written once, in its final form; `parts` lists them in
//! package order with where each comes from:
//!
//! - what does not depend on the report, written once per process:
//!   `properties`' content types, relationships and application, `settings`,
//!   `fonts` (the font table), `styles` (the paragraph styles, one per kind
//!   of paragraph, with its typeface, size and format) and `page`'s footers;
//! - the report's content, written directly as WordprocessingML by `markup`
//!   (`docx-rs`'s builders spent most of a build on it): `body` (blocks, each
//!   paragraph naming its style), `title` (where the title breaks),
//!   `attachment_list` (the 附件 list), `table` (tables and column widths,
//!   from `crate::document::columns`), then `page`'s section properties,
//!   whose page-set-up elements `docx-rs` builds; and `properties`'
//!   `docProps/core.xml` (title, creator, subject, keywords).
//!
//! `geometry` holds the page's numbers (A4, margins, text area, line pitch,
//! character spacing) that `page`, `styles` and the layout modules read.
//! `package` writes the parts into a ZIP with fixed entry order and times, so
//! that the same [`Document`] always gives the same bytes.

pub(crate) mod attachment_list;
mod body;
mod error;
mod fonts;
pub(crate) mod geometry;
mod markup;
mod package;
mod page;
mod parts;
mod properties;
mod settings;
pub(crate) mod styles;
pub(crate) mod table;
pub(crate) mod title;

use crate::document::Document;

pub use error::DocxError;
use parts::{DOCUMENT_END, DOCUMENT_START, PARTS, Source};
pub use properties::Properties;

/// The DOCX bytes of `doc`, with `properties` in its document properties.
pub fn write_docx(doc: &Document, properties: &Properties) -> Result<Vec<u8>, DocxError> {
    let body = body::write(&doc.blocks)?.into_string();
    let mut packed = parts::packed()?;
    let mut package = package::Package::new();
    let mut fixed = 0;
    for (name, source) in &PARTS {
        match source {
            Source::Fixed(_) => {
                package.copy(&mut packed, fixed)?;
                fixed += 1;
            }
            Source::Document => {
                let section = page::section_properties();
                let pieces = [DOCUMENT_START, &body, section, DOCUMENT_END];
                package.add(name, &pieces.map(str::as_bytes))?;
            }
            Source::Core => {
                let core = properties::core_xml(doc, properties);
                package.add(name, &[core.as_bytes()])?;
            }
        }
    }
    package.finish()
}

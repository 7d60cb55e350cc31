//! Writes a [`Document`] as a DOCX that can be submitted as is: laid out after
//! GB/T 9704-2012 (A4; margins 37/35/28/26 mm; 22 lines of 3号仿宋 per page;
//! 2号小标宋 title; “— N —” page numbers, odd pages right, even pages left) and
//! readable by Word, WPS and LibreOffice.
//!
//! The body, footers and styles are built with `docx-rs`:
//!
//! - `page`: page geometry and page-number footers;
//! - `styles`: typefaces, sizes and paragraph formats of each role;
//! - `body`, `table`, `columns`: blocks, tables and column widths.
//!
//! What `docx-rs` cannot express, or writes differently from what Word
//! expects, is fixed on its XML while the package is written again:
//!
//! - `patch`: header-row repetition, `w:firstLineChars`, paragraph ids, the
//!   document language, attributes and elements the schema forbids;
//! - `order`: property children in schema order ([`SCHEMA_SEQUENCES`]);
//! - `settings`, `fonts`: the settings part (even/odd footers) and the font
//!   table (fallback faces), replaced;
//! - `package`: the ZIP with fixed entry order and times, so that the same
//!   [`Document`] always gives the same bytes;
//! - `xml`: the small tree these passes edit.

mod body;
mod columns;
mod error;
mod fonts;
mod order;
mod package;
mod page;
mod patch;
mod settings;
mod styles;
mod table;
mod xml;

use std::io::Cursor;

use docx_rs::Docx;

use crate::document::Document;

pub use error::DocxError;
pub use order::{SCHEMA_SEQUENCES, schema_rank, schema_sequence};

/// The DOCX bytes of `doc`.
pub fn write_docx(doc: &Document) -> Result<Vec<u8>, DocxError> {
    let docx = page::set_up(styles::defaults(Docx::new()));
    let body = body::add_blocks(docx, &doc.blocks)?;
    let mut packed = Cursor::new(Vec::new());
    body.docx.build().pack(&mut packed)?;
    let mut next_paragraph_id = 1;
    package::repack(packed.get_ref(), |name, bytes| {
        rewrite_part(name, bytes, &body.header_rows, &mut next_paragraph_id)
    })
}

const DOCUMENT: &str = "word/document.xml";
const STYLES: &str = "word/styles.xml";

/// The final bytes of package part `name`.
fn rewrite_part(
    name: &str,
    bytes: Vec<u8>,
    header_rows: &[Vec<bool>],
    next_paragraph_id: &mut u32,
) -> Result<Vec<u8>, DocxError> {
    let footer = name.starts_with("word/footer") && name.ends_with(".xml");
    match name {
        "word/settings.xml" => Ok(settings::SETTINGS_XML.as_bytes().to_vec()),
        "word/fontTable.xml" => Ok(fonts::font_table_xml().into_bytes()),
        DOCUMENT | STYLES => fix_xml(name, &bytes, header_rows, next_paragraph_id),
        _ if footer => fix_xml(name, &bytes, header_rows, next_paragraph_id),
        _ => Ok(bytes),
    }
}

/// Runs the patches and the schema-order pass over a WordprocessingML part.
fn fix_xml(
    name: &str,
    bytes: &[u8],
    header_rows: &[Vec<bool>],
    next_paragraph_id: &mut u32,
) -> Result<Vec<u8>, DocxError> {
    let mut part = xml::Part::parse(bytes)?;
    if let Some(root) = part.root_mut() {
        match name {
            DOCUMENT => {
                patch::mark_header_rows(root, header_rows);
                patch::drop_grid_column_types(root);
            }
            STYLES => {
                patch::add_default_language(root);
                patch::drop_style_paragraph_run_properties(root);
            }
            _ => {}
        }
        patch::add_first_line_chars(root);
        patch::number_paragraphs(root, next_paragraph_id);
        order::apply(root);
    }
    Ok(part.to_bytes())
}

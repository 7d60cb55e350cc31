//! The document body: each [`Block`] in order as paragraphs and tables.
//!
//! A page break becomes `w:pageBreakBefore` on the paragraph that follows it,
//! so no empty line is left at the top of the new page. Only where no
//! paragraph follows directly (a table, another page break) is it carried by
//! an empty one-point paragraph; a page break at the very end is dropped, as it
//! would only add a blank page.

use docx_rs::{Docx, Paragraph};

use super::DocxError;
use super::styles::Format;
use super::table;
use crate::document::Block;

/// The body built so far and the header-row flags of its tables.
pub(super) struct Body {
    pub docx: Docx,
    pub header_rows: Vec<Vec<bool>>,
}

/// Adds `blocks` to `docx`.
pub(super) fn add_blocks(mut docx: Docx, blocks: &[Block]) -> Result<Body, DocxError> {
    let mut header_rows = Vec::new();
    let mut break_pending = false;
    let mut tables = 0;
    for block in blocks {
        let (format, content) = match block {
            Block::PageBreak => {
                if break_pending {
                    docx = docx.add_paragraph(page_break());
                }
                break_pending = true;
                continue;
            }
            Block::Table(source) => {
                tables += 1;
                if let Some(written) = table::build(source, tables)? {
                    if std::mem::take(&mut break_pending) {
                        docx = docx.add_paragraph(page_break());
                    }
                    docx = docx.add_table(written.table);
                    header_rows.push(written.header_rows);
                }
                continue;
            }
            Block::Title(content) => (Format::TITLE, content),
            Block::Heading { level, content } => (Format::heading_level(*level), content),
            Block::Paragraph { role, content } => (Format::role(*role), content),
        };
        let paragraph = format
            .with_content(content)
            .page_break_before(std::mem::take(&mut break_pending));
        docx = docx.add_paragraph(paragraph);
    }
    Ok(Body { docx, header_rows })
}

/// An empty one-point paragraph that starts a new page.
fn page_break() -> Paragraph {
    Format::PAGE_BREAK.paragraph().page_break_before(true)
}

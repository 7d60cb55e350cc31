//! The document body: each [`Block`] in order as paragraphs and tables,
//! written as WordprocessingML ([`Markup`]), paragraphs numbered after the
//! footers' ([`FOOTERS`]).
//!
//! A page break becomes `w:pageBreakBefore` on the paragraph that follows it,
//! so no empty line is left at the top of the new page. Only where no
//! paragraph follows directly (a table, another page break) is it carried by
//! an empty one-point paragraph; a page break at the very end is dropped, as it
//! would only add a blank page.
//!
//! Tables that follow one another directly are laid out together
//! ([`table::layout_run`]), with a thin paragraph between them. The list of
//! attachments is laid out by [`attachment_list`], and the paragraph before
//! it keeps with it.

use super::DocxError;
use super::markup::Markup;
use super::page::FOOTERS;
use super::styles::{Direct, Format};
use super::{attachment_list, table, title};
use crate::document::{Block, ParagraphRole};

/// Room reserved for the body's XML; a report's is a few hundred KiB.
const INITIAL_CAPACITY: usize = 256 * 1024;

/// The body's XML (the content of `w:body`, without its section properties).
pub(super) fn write(blocks: &[Block]) -> Result<Markup, DocxError> {
    let first_id = FOOTERS
        .iter()
        .map(|footer| footer.paragraph_id)
        .max()
        .map_or(1, |last| last + 1);
    let mut markup = Markup::new(first_id, INITIAL_CAPACITY);
    let mut break_pending = false;
    let mut tables = 0;
    let mut at = 0;
    while at < blocks.len() {
        let block = &blocks[at];
        at += 1;
        let (format, content) = match block {
            Block::PageBreak => {
                if break_pending {
                    write_page_break(&mut markup);
                }
                break_pending = true;
                continue;
            }
            Block::Table(first) => {
                let mut run = vec![first];
                while let Some(Block::Table(next)) = blocks.get(at) {
                    run.push(next);
                    at += 1;
                }
                let note_follows = matches!(
                    blocks.get(at),
                    Some(Block::Paragraph {
                        role: ParagraphRole::Note,
                        ..
                    })
                );
                let layouts = table::layout_run(&run, tables + 1, note_follows)?;
                tables += run.len();
                for (i, layout) in layouts.iter().enumerate() {
                    if i > 0 {
                        table::write_join(&mut markup);
                    } else if std::mem::take(&mut break_pending) {
                        write_page_break(&mut markup);
                    }
                    layout.write(&mut markup);
                }
                continue;
            }
            Block::Paragraph {
                role: ParagraphRole::AttachmentList,
                content,
            } => {
                attachment_list::write(&mut markup, content);
                continue;
            }
            Block::Title(content) => {
                let lines = title::lines(content);
                let page_break_before = std::mem::take(&mut break_pending);
                Format::TITLE.write_paragraph(&mut markup, &lines, page_break_before);
                continue;
            }
            Block::Heading { level, content } => (Format::heading_level(*level), content),
            Block::Paragraph { role, content } => (Format::role(*role), content),
        };
        let direct = Direct {
            page_break_before: std::mem::take(&mut break_pending),
            keep_next: matches!(
                blocks.get(at),
                Some(Block::Paragraph {
                    role: ParagraphRole::AttachmentList,
                    ..
                })
            ),
            ..Direct::default()
        };
        format.write_paragraph_with(&mut markup, content, direct);
    }
    Ok(markup)
}

/// An empty one-point paragraph that starts a new page.
fn write_page_break(markup: &mut Markup) {
    Format::PAGE_BREAK.write_paragraph(markup, &[], true);
}

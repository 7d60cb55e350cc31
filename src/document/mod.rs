//! The rendered report as a small structured document: what the Markdown says,
//! in a form the DOCX writer can lay out.
//!
//! The Markdown that the templates produce is the single source of both outputs.
//! [`parse()`] reads it back into a [`Document`]; `crate::docx` writes that as Word.
//!
//! Layout hints live in the Markdown as HTML comments, so that Markdown viewers
//! show nothing odd and the DOCX still gets its layout (see `docs/templates.md`):
//!
//! | comment | effect on the next block |
//! |---|---|
//! | `<!-- jixiao:page-break -->` | starts a new page (no next block needed) |
//! | `<!-- jixiao:attachment-label -->` | the paragraph is an attachment label (“附件1”, 黑体, left) |
//! | `<!-- jixiao:table-title -->` | the paragraph is a centred table title |
//! | `<!-- jixiao:note -->` | the paragraph is a note under a table (smaller, no indent) |
//! | `<!-- jixiao:right -->` | the paragraph is right-aligned (signature, date) |
//! | `<!-- jixiao:attachment-list -->` | the paragraph is the list of attachments after the body (“附件：1、…”, a line each) |

pub mod columns;
mod grid;
mod parse;
#[cfg(test)]
pub(crate) mod sample;

pub use grid::{Grid, GridError, Slot};
pub use parse::{ParseError, ParseErrorKind, TableError, check_characters, parse};

/// A whole report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
}

/// One block of the report, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The report title (Markdown `#`), centred, 2号 小标宋.
    Title(Vec<Inline>),
    /// A heading; `level` 1 is 一、 (Markdown `##`), 2 is ㈠ (`###`),
    /// 3 is 1. (`####`), 4 is ⑴ (`#####`).
    Heading { level: u8, content: Vec<Inline> },
    /// A paragraph in the given role.
    Paragraph {
        role: ParagraphRole,
        content: Vec<Inline>,
    },
    /// A table with merged cells.
    Table(Table),
    /// A forced page break.
    PageBreak,
}

/// What a paragraph is for; decides its layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphRole {
    /// Body text: 仿宋 3号, first-line indent of two characters, justified.
    Body,
    /// “附件1” at the top left of an attachment, 黑体.
    AttachmentLabel,
    /// A table's title, centred.
    TableTitle,
    /// A note under a table, smaller, no indent.
    Note,
    /// Right-aligned text (signature, date).
    Right,
    /// The list of attachments after the body, “附件：” and one line per
    /// attachment: a blank line above it, each number under the first
    /// attachment's name, kept with the end of the body (GB/T 9704-2012, 附件说明).
    AttachmentList,
}

/// A run of text with emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    /// The text; a `\n` is a line break inside the paragraph (the DOCX writer
    /// turns it into a `<w:br/>`).
    pub text: String,
    pub bold: bool,
}

/// A table: rows of cells, each cell possibly spanning rows and columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// Relative column widths from the Markdown (`<col width="N">`); empty means
    /// the writer chooses from the content.
    pub column_widths: Vec<u32>,
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// A header row (`<thead>` or `<th>` cells): repeated on every page.
    pub header: bool,
    /// The cells that start in this row (cells covered by a rowspan from above are absent,
    /// as in HTML).
    pub cells: Vec<Cell>,
}

/// A table cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The cell's lines (HTML `<br>` separates them).
    pub lines: Vec<Vec<Inline>>,
    pub rowspan: u32,
    pub colspan: u32,
    pub align: CellAlign,
}

/// Horizontal alignment of a cell's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellAlign {
    #[default]
    Left,
    Center,
    Right,
}

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            text: text.into(),
            bold: false,
        }
    }
}

/// The plain text of a run list.
pub fn plain_text(content: &[Inline]) -> String {
    content.iter().map(|i| i.text.as_str()).collect()
}

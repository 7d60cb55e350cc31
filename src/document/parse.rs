//! Reads the report Markdown back into a [`Document`].
//!
//! `pulldown-cmark` (CommonMark plus GFM pipe tables) supplies the events and
//! [`markdown`] turns them into blocks: `#` is the title, `##`–`######` are
//! headings of level 1–4; paragraphs, list items (prefixed with “1.” or “•”)
//! and code lines become body paragraphs; pipe tables and HTML `<table>`s
//! become [`Table`](super::Table)s. HTML blocks are read by [`html`].
//! A hard line break or `<br>` inside a paragraph is kept as `\n` in the text
//! of an [`Inline`](super::Inline); in a table cell it starts a new line.
//!
//! Layout hints apply to what follows them: a role hint must be followed by a
//! paragraph (the next block of any other kind is an error), and a hint must
//! not sit inside running text or inside a table.

mod characters;
mod entities;
mod error;
mod hint;
mod html;
mod html_table;
mod markdown;
mod output;
mod pipe_table;
mod runs;
#[cfg(test)]
mod tests;

use pulldown_cmark::{Options, Parser};

pub use error::{ParseError, ParseErrorKind, TableError};

use super::Document;
use markdown::MarkdownReader;

/// Checks that the report Markdown holds only characters a report can carry
/// (the first thing [`parse`] does; also run on Markdown written as is).
pub fn check_characters(markdown: &str) -> Result<(), ParseError> {
    characters::check(markdown)
}

/// Parses the report Markdown.
pub fn parse(markdown: &str) -> Result<Document, ParseError> {
    characters::check(markdown)?;
    let mut reader = MarkdownReader::new(markdown);
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    for (event, range) in parser.into_offset_iter() {
        reader.event(event, range.start)?;
    }
    reader.finish()
}

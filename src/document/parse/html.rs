//! Raw HTML inside the Markdown, read with `quick-xml` in a lenient mode:
//! whole HTML blocks (layout-hint comments, `<table>`s, loose text) and the
//! single inline tags that appear in running text (`<br>`, `<strong>`, comments).

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::entities::reference_text;
use super::error::{ParseError, ParseErrorKind, TableError};
use super::hint::Hint;
use super::html_table::TableBuilder;
use super::runs::RunsBuilder;
use crate::document::{Inline, Table};

/// What an HTML block holds, in order.
#[derive(Debug)]
pub(super) enum HtmlItem {
    Hint {
        hint: Hint,
        line: usize,
    },
    Table(Table),
    /// Text outside any table, shown by Markdown viewers as a paragraph.
    Paragraph(Vec<Inline>),
}

/// An inline HTML tag in running text.
#[derive(Debug)]
pub(super) enum InlineTag {
    LineBreak,
    BoldStart,
    BoldEnd,
    Comment(String),
    Other,
}

/// Elements that end a run of loose text in an HTML block.
const BLOCK_ELEMENTS: [&str; 15] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "hr",
    "blockquote",
    "pre",
    "section",
];

/// Reads an HTML block whose first line is line `first_line` of the Markdown.
pub(super) fn read_block(html: &str, first_line: usize) -> Result<Vec<HtmlItem>, ParseError> {
    let mut block = BlockReader::new(html, first_line);
    let mut reader = lenient_reader(html);
    loop {
        let offset = position(reader.buffer_position());
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(error) => {
                let line = block.line_at(position(reader.error_position()));
                return Err(html_error(line, error));
            }
        };
        match event {
            Event::Start(tag) => {
                let name = block.element_name(tag.name().into_inner(), offset)?;
                block.open(&name, &tag, offset)?;
            }
            Event::Empty(tag) => {
                let name = block.element_name(tag.name().into_inner(), offset)?;
                block.open(&name, &tag, offset)?;
                block.close(&name)?;
            }
            Event::End(tag) => {
                let name = block.element_name(tag.name().into_inner(), offset)?;
                block.close(&name)?;
            }
            Event::Text(text) => block.text(&text.html_content().unwrap_or_default()),
            Event::CData(text) => block.literal(&text.decode().unwrap_or_default()),
            Event::GeneralRef(reference) => block.literal(&reference_text(&reference)),
            Event::Comment(text) => block.comment(&text.decode().unwrap_or_default(), offset)?,
            Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            Event::Eof => break,
        }
    }
    block.finish()
}

/// Reads one inline HTML tag as pulldown-cmark reports it.
pub(super) fn read_inline(html: &str) -> InlineTag {
    let mut reader = lenient_reader(html);
    match reader.read_event() {
        Ok(Event::Start(tag) | Event::Empty(tag)) => {
            match tag_name(tag.name().into_inner()).as_ref() {
                "br" => InlineTag::LineBreak,
                "strong" | "b" => InlineTag::BoldStart,
                _ => InlineTag::Other,
            }
        }
        Ok(Event::End(tag)) => match tag_name(tag.name().into_inner()).as_ref() {
            "strong" | "b" => InlineTag::BoldEnd,
            _ => InlineTag::Other,
        },
        Ok(Event::Comment(text)) => InlineTag::Comment(text.decode().unwrap_or_default().into()),
        _ => InlineTag::Other,
    }
}

/// A reader that accepts HTML habits: unclosed `<br>`, optional end tags,
/// unquoted attributes, stray `&`.
fn lenient_reader(html: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(html);
    let config = reader.config_mut();
    config.check_end_names = false;
    config.allow_unmatched_ends = true;
    config.allow_dangling_amp = true;
    reader
}

/// The state of one HTML block being read.
struct BlockReader<'a> {
    html: &'a str,
    items: Vec<HtmlItem>,
    loose_text: RunsBuilder,
    /// The open table and the line of its `<table>` tag.
    table: Option<(TableBuilder, usize)>,
    /// Line of the Markdown at byte `counted` of the block.
    line: usize,
    counted: usize,
}

impl<'a> BlockReader<'a> {
    fn new(html: &'a str, first_line: usize) -> Self {
        BlockReader {
            html,
            items: Vec::new(),
            loose_text: RunsBuilder::default(),
            table: None,
            line: first_line,
            counted: 0,
        }
    }

    /// The lower-case name of the tag at `offset`. A `<` followed by something
    /// other than a letter is not a tag in HTML, but `quick-xml` would read up to
    /// the next `>` as one, losing text; it is an error instead.
    fn element_name<'n>(
        &mut self,
        name: &'n [u8],
        offset: usize,
    ) -> Result<Cow<'n, str>, ParseError> {
        let name = tag_name(name);
        if name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Ok(name);
        }
        let message = "“<”之后不是标签名（文字中的 < 应写作 &lt;）".to_owned();
        Err(ParseError::new(
            self.line_at(offset),
            ParseErrorKind::Html(message),
        ))
    }

    fn open(&mut self, name: &str, tag: &BytesStart, offset: usize) -> Result<(), ParseError> {
        let line = self.line_at(offset);
        match (&mut self.table, name) {
            (Some((_, table_line)), "table") => {
                Err(ParseError::table(*table_line, TableError::Nested))
            }
            (Some((table, table_line)), _) => table
                .open(name, tag)
                .map_err(|error| ParseError::table(*table_line, error)),
            (None, "table") => {
                self.end_paragraph();
                self.table = Some((TableBuilder::default(), line));
                Ok(())
            }
            (None, _) => {
                self.open_outside_table(name);
                Ok(())
            }
        }
    }

    fn open_outside_table(&mut self, name: &str) {
        match name {
            "br" => self.loose_text.line_break(),
            "strong" | "b" => self.loose_text.bold_start(),
            _ if BLOCK_ELEMENTS.contains(&name) => self.end_paragraph(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) -> Result<(), ParseError> {
        match (self.table.take(), name) {
            (Some((table, line)), "table") => {
                let table = table
                    .finish()
                    .map_err(|error| ParseError::table(line, error))?;
                self.items.push(HtmlItem::Table(table));
            }
            (Some((mut table, line)), _) => {
                table.close(name);
                self.table = Some((table, line));
            }
            (None, "strong" | "b") => self.loose_text.bold_end(),
            (None, _) if BLOCK_ELEMENTS.contains(&name) => self.end_paragraph(),
            (None, _) => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        match &mut self.table {
            Some((table, _)) => table.text(text),
            None => self.loose_text.push_collapsing(text),
        }
    }

    fn literal(&mut self, text: &str) {
        match &mut self.table {
            Some((table, _)) => table.literal(text),
            None => self.loose_text.push_text(text),
        }
    }

    fn comment(&mut self, comment: &str, offset: usize) -> Result<(), ParseError> {
        let line = self.line_at(offset);
        let hint = Hint::from_comment(comment)
            .map_err(|name| ParseError::new(line, ParseErrorKind::UnknownHint(name)))?;
        let Some(hint) = hint else {
            return Ok(());
        };
        if self.table.is_some() {
            let name = hint.name().to_owned();
            return Err(ParseError::new(line, ParseErrorKind::MisplacedHint(name)));
        }
        self.end_paragraph();
        self.items.push(HtmlItem::Hint { hint, line });
        Ok(())
    }

    fn end_paragraph(&mut self) {
        let content = std::mem::take(&mut self.loose_text).finish();
        if !content.is_empty() {
            self.items.push(HtmlItem::Paragraph(content));
        }
    }

    fn finish(mut self) -> Result<Vec<HtmlItem>, ParseError> {
        if let Some((_, line)) = self.table {
            return Err(ParseError::table(line, TableError::Unclosed));
        }
        self.end_paragraph();
        Ok(self.items)
    }

    /// The Markdown line of byte `offset` of the block; offsets only grow.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.clamp(self.counted, self.html.len());
        let newlines = self.html.as_bytes()[self.counted..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        self.line += newlines;
        self.counted = offset;
        self.line
    }
}

fn position(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

fn html_error(line: usize, error: quick_xml::Error) -> ParseError {
    ParseError::new(line, ParseErrorKind::Html(error.to_string()))
}

/// The lower-case name of a tag, copied only if it has upper-case letters.
fn tag_name(name: &[u8]) -> Cow<'_, str> {
    match String::from_utf8_lossy(name) {
        Cow::Borrowed(name) if !name.bytes().any(|b| b.is_ascii_uppercase()) => Cow::Borrowed(name),
        name => Cow::Owned(name.to_ascii_lowercase()),
    }
}

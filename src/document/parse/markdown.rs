//! Walks the `pulldown-cmark` events of the report and sends each block to
//! the [`Output`]: titles, headings, paragraphs, list items, code lines and
//! pipe tables directly, HTML blocks through [`html::read_block`].

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::error::{ParseError, ParseErrorKind};
use super::hint::Hint;
use super::html::{self, HtmlItem, InlineTag};
use super::output::Output;
use super::pipe_table::PipeTable;
use super::runs::RunsBuilder;
use crate::document::{Block, Document, Inline};

/// Where the text being collected goes when it is complete.
#[derive(Debug)]
enum Target {
    Title,
    Heading(u8),
    Paragraph,
    /// A pipe-table cell, with the lines already ended by `<br>`.
    Cell(Vec<Vec<Inline>>),
}

#[derive(Debug)]
struct OpenText {
    target: Target,
    runs: RunsBuilder,
}

/// A block whose text is collected as it is until the block ends.
#[derive(Debug)]
struct RawBlock {
    kind: RawKind,
    line: usize,
    text: String,
}

#[derive(Debug, Clone, Copy)]
enum RawKind {
    Html,
    Code,
}

/// Start of each line of the Markdown, to turn byte offsets into line numbers.
#[derive(Debug)]
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let ends = text.match_indices('\n').map(|(at, _)| at + 1);
        LineIndex(std::iter::once(0).chain(ends).collect())
    }

    /// The 1-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

/// The state of the walk over the Markdown events.
#[derive(Debug)]
pub(super) struct MarkdownReader {
    lines: LineIndex,
    output: Output,
    text: Option<OpenText>,
    raw: Option<RawBlock>,
    table: Option<PipeTable>,
    /// The next number of each open list (`None` for bullet lists).
    lists: Vec<Option<u64>>,
    /// The marker of a list item whose text has not started yet.
    marker: Option<String>,
}

impl MarkdownReader {
    pub(super) fn new(markdown: &str) -> Self {
        MarkdownReader {
            lines: LineIndex::new(markdown),
            output: Output::default(),
            text: None,
            raw: None,
            table: None,
            lists: Vec::new(),
            marker: None,
        }
    }

    pub(super) fn event(&mut self, event: Event, offset: usize) -> Result<(), ParseError> {
        match event {
            Event::Start(tag) => self.start(tag, offset)?,
            Event::End(tag) => self.end(tag)?,
            Event::Text(text) | Event::Html(text) => self.text(&text),
            Event::Code(code) => self.runs().push_text(&code),
            Event::InlineHtml(html) => self.inline_html(&html, offset)?,
            Event::SoftBreak => self.runs().soft_break(),
            Event::HardBreak => self.line_break(),
            Event::Rule => self.end_text()?,
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, tag: Tag, offset: usize) -> Result<(), ParseError> {
        match tag {
            Tag::Paragraph => self.open(Target::Paragraph)?,
            Tag::Heading { level, .. } => self.open(heading_target(level))?,
            Tag::Strong => self.runs().bold_start(),
            Tag::List(first) => {
                self.end_text()?;
                self.lists.push(first);
            }
            Tag::Item => {
                self.end_text()?;
                self.marker = Some(self.next_marker());
            }
            Tag::HtmlBlock => self.start_raw(RawKind::Html, offset)?,
            Tag::CodeBlock(_) => self.start_raw(RawKind::Code, offset)?,
            Tag::Table(alignments) => {
                self.end_text()?;
                let line = self.lines.line_of(offset);
                self.table = Some(PipeTable::new(line, &alignments));
            }
            Tag::TableHead => self.with_table(|table| table.start_row(true)),
            Tag::TableRow => self.with_table(|table| table.start_row(false)),
            Tag::TableCell => self.open(Target::Cell(Vec::new()))?,
            Tag::BlockQuote(_) => self.end_text()?,
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, tag: TagEnd) -> Result<(), ParseError> {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell | TagEnd::BlockQuote(_) => {
                self.end_text()?;
            }
            TagEnd::Strong => self.runs().bold_end(),
            TagEnd::Item => {
                self.end_text()?;
                self.marker = None;
            }
            TagEnd::List(_) => {
                self.end_text()?;
                self.lists.pop();
            }
            TagEnd::HtmlBlock | TagEnd::CodeBlock => self.end_raw()?,
            TagEnd::TableHead | TagEnd::TableRow => self.with_table(PipeTable::end_row),
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.output.block(Block::Table(table.finish()?))?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn text(&mut self, text: &str) {
        match &mut self.raw {
            Some(raw) => raw.text.push_str(text),
            None => self.runs().push_text(text),
        }
    }

    fn inline_html(&mut self, html: &str, offset: usize) -> Result<(), ParseError> {
        match html::read_inline(html) {
            InlineTag::LineBreak => self.line_break(),
            InlineTag::BoldStart => self.runs().bold_start(),
            InlineTag::BoldEnd => self.runs().bold_end(),
            InlineTag::Comment(comment) => {
                let line = self.lines.line_of(offset);
                let kind = match Hint::from_comment(&comment) {
                    Ok(None) => return Ok(()),
                    Ok(Some(hint)) => ParseErrorKind::MisplacedHint(hint.name().to_owned()),
                    Err(name) => ParseErrorKind::UnknownHint(name),
                };
                return Err(ParseError::new(line, kind));
            }
            InlineTag::Other => {}
        }
        Ok(())
    }

    /// A hard break: a new line of a table cell, or `\n` in other text.
    fn line_break(&mut self) {
        match &mut self.text {
            Some(OpenText {
                target: Target::Cell(lines),
                runs,
            }) => lines.push(runs.take_line()),
            _ => self.runs().line_break(),
        }
    }

    /// The runs of the open text; text outside any block (a tight list item)
    /// opens a paragraph, which takes the pending list marker.
    fn runs(&mut self) -> &mut RunsBuilder {
        let marker = &mut self.marker;
        &mut self
            .text
            .get_or_insert_with(|| paragraph_text(marker.take()))
            .runs
    }

    fn open(&mut self, target: Target) -> Result<(), ParseError> {
        self.end_text()?;
        self.text = Some(match target {
            Target::Paragraph => paragraph_text(self.marker.take()),
            target => OpenText {
                target,
                runs: RunsBuilder::default(),
            },
        });
        Ok(())
    }

    /// Ends the open text, if any, and sends it where it belongs.
    fn end_text(&mut self) -> Result<(), ParseError> {
        let Some(OpenText { target, runs }) = self.text.take() else {
            return Ok(());
        };
        match target {
            Target::Title => self.output.block(Block::Title(runs.finish())),
            Target::Heading(level) => self.output.block(Block::Heading {
                level,
                content: runs.finish(),
            }),
            Target::Paragraph => {
                self.output.paragraph(runs.finish());
                Ok(())
            }
            Target::Cell(mut lines) => {
                lines.push(runs.finish());
                self.with_table(|table| table.push_cell(lines));
                Ok(())
            }
        }
    }

    fn next_marker(&mut self) -> String {
        match self.lists.last_mut() {
            Some(Some(number)) => {
                let marker = format!("{number}.");
                *number = number.saturating_add(1);
                marker
            }
            _ => "•".to_owned(),
        }
    }

    fn start_raw(&mut self, kind: RawKind, offset: usize) -> Result<(), ParseError> {
        self.end_text()?;
        self.raw = Some(RawBlock {
            kind,
            line: self.lines.line_of(offset),
            text: String::new(),
        });
        Ok(())
    }

    fn end_raw(&mut self) -> Result<(), ParseError> {
        let Some(raw) = self.raw.take() else {
            return Ok(());
        };
        match raw.kind {
            RawKind::Html => self.html_block(&raw.text, raw.line),
            RawKind::Code => {
                self.code_block(&raw.text);
                Ok(())
            }
        }
    }

    /// A code block: one body paragraph per line that is not blank.
    fn code_block(&mut self, code: &str) {
        for line in code.lines().filter(|line| !line.trim().is_empty()) {
            self.output.paragraph(vec![Inline::plain(line)]);
        }
    }

    fn html_block(&mut self, html: &str, line: usize) -> Result<(), ParseError> {
        for item in html::read_block(html, line)? {
            match item {
                HtmlItem::Hint { hint, line } => self.output.hint(hint, line)?,
                HtmlItem::Table(table) => self.output.block(Block::Table(table))?,
                HtmlItem::Paragraph(content) => self.output.paragraph(content),
            }
        }
        Ok(())
    }

    fn with_table(&mut self, action: impl FnOnce(&mut PipeTable)) {
        if let Some(table) = &mut self.table {
            action(table);
        }
    }

    pub(super) fn finish(mut self) -> Result<Document, ParseError> {
        self.end_text()?;
        self.end_raw()?;
        self.output.finish()
    }
}

fn paragraph_text(marker: Option<String>) -> OpenText {
    let mut runs = RunsBuilder::default();
    if let Some(marker) = marker {
        runs.push_text(&marker);
        runs.push_text(" ");
    }
    OpenText {
        target: Target::Paragraph,
        runs,
    }
}

/// `#` is the title; `##` to `#####` are heading levels 1 to 4, and `######` is level 4 too.
fn heading_target(level: HeadingLevel) -> Target {
    match level {
        HeadingLevel::H1 => Target::Title,
        HeadingLevel::H2 => Target::Heading(1),
        HeadingLevel::H3 => Target::Heading(2),
        HeadingLevel::H4 => Target::Heading(3),
        HeadingLevel::H5 | HeadingLevel::H6 => Target::Heading(4),
    }
}

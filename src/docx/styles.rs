//! Typefaces, sizes and paragraph formats of each kind of paragraph, after
//! GB/T 9704-2012: title 2号方正小标宋简体, body 3号仿宋_GB2312, headings
//! 黑体 / 楷体_GB2312 / bold 仿宋_GB2312 / 仿宋_GB2312, tables 五号.
//!
//! Every run names its East Asian typeface in `w:eastAsia` and Times New Roman
//! in `w:ascii`/`w:hAnsi`, with `w:hint="eastAsia"` so that characters shared by
//! both scripts (quotation marks, dashes, ellipses) take the Chinese face.
//! Formats are written as direct formatting on every paragraph and run, so the
//! layout does not depend on how a reader resolves styles; they are written
//! here as WordprocessingML ([`Markup`]), children in schema order. Only the
//! document defaults go through `docx-rs` ([`defaults`]).

use docx_rs::{Docx, RunFonts};

use super::markup::Markup;
use super::page::LINE_PITCH;
use crate::document::{CellAlign, Inline, ParagraphRole};

/// Latin letters and digits.
pub(super) const LATIN: &str = "Times New Roman";
/// 仿宋: body text, 3rd and 4th level headings, tables.
pub(super) const FANGSONG: &str = "仿宋_GB2312";
/// 黑体: 1st level headings, attachment labels, table header rows.
pub(super) const HEITI: &str = "黑体";
/// 楷体: 2nd level headings.
pub(super) const KAITI: &str = "楷体_GB2312";
/// 小标宋: the title and table titles.
pub(super) const XIAOBIAOSONG: &str = "方正小标宋简体";
/// 宋体: page numbers.
pub(super) const SONGTI: &str = "宋体";

/// 3号 (16 pt) in half-points: body text and headings.
const SIZE_3: usize = 32;
/// 2号 (22 pt): the title.
const SIZE_2: usize = 44;
/// 小二 (18 pt): table titles.
const SIZE_SMALL_2: usize = 36;
/// 4号 (14 pt): page numbers.
pub(super) const SIZE_4: usize = 28;
/// 小四 (12 pt): notes under tables.
const SIZE_SMALL_4: usize = 24;
/// 五号 (10.5 pt): table text.
const SIZE_5: usize = 21;

/// First-line indent of body text and headings: two 3号 characters.
const FIRST_LINE_TWIPS: i32 = 2 * SIZE_3 as i32 * 10;
/// The same indent in hundredths of a character (`w:firstLineChars`), which
/// readers prefer, so that it stays two characters if the size changes.
const FIRST_LINE_CHARS: i32 = 200;

/// Typeface, size and weight of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Face {
    east_asia: &'static str,
    half_points: usize,
    bold: bool,
}

impl Face {
    pub const fn new(east_asia: &'static str, half_points: usize) -> Self {
        Face {
            east_asia,
            half_points,
            bold: false,
        }
    }

    const fn bold(self) -> Self {
        Face { bold: true, ..self }
    }

    /// The typefaces, for `docx-rs`'s document defaults.
    fn fonts(self) -> RunFonts {
        RunFonts::new()
            .ascii(LATIN)
            .hi_ansi(LATIN)
            .east_asia(self.east_asia)
            .hint("eastAsia")
    }

    /// Writes the run properties (`w:rPr`) of this face, bold if `bold`.
    pub fn write_properties(self, markup: &mut Markup, bold: bool) {
        markup.push(r#"<w:rPr><w:rFonts w:ascii=""#);
        markup.value(LATIN);
        markup.push(r#"" w:hAnsi=""#);
        markup.value(LATIN);
        markup.push(r#"" w:eastAsia=""#);
        markup.value(self.east_asia);
        markup.push(r#"" w:hint="eastAsia" />"#);
        if bold {
            markup.push("<w:b /><w:bCs />");
        }
        markup.val("w:sz", self.half_points);
        markup.val("w:szCs", self.half_points);
        markup.push("</w:rPr>");
    }

    /// Writes a run of this face (bold if the face or `bold` is) holding
    /// `text`; each `\n` in the text becomes a line break.
    pub fn write_run(self, markup: &mut Markup, text: &str, bold: bool) {
        markup.push("<w:r>");
        self.write_properties(markup, self.bold || bold);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                markup.push(r#"<w:br w:type="textWrapping" />"#);
            }
            markup.text(line);
        }
        markup.push("</w:r>");
    }
}

/// Horizontal alignment of a paragraph (`w:jc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    Left,
    Center,
    Right,
    /// Justified.
    Both,
}

impl Align {
    pub fn value(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// Line spacing of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Spacing {
    /// Exactly this many twips per line.
    Exact(i32),
    /// Single spacing of the font.
    Single,
}

/// Everything about a paragraph's layout.
#[derive(Debug, Clone, Copy)]
pub(super) struct Format {
    pub face: Face,
    pub align: Align,
    pub first_line_indent: bool,
    /// Left and right indents in twips.
    pub sides: (i32, i32),
    pub spacing: Spacing,
    /// Space after the paragraph in twips.
    pub after: u32,
    pub keep_next: bool,
    /// Outline level (0 = top) for the navigation pane.
    pub outline: Option<usize>,
}

impl Format {
    /// Text in `face` and `align` on the page's line grid, without indent.
    pub const fn text(face: Face, align: Align) -> Self {
        Format {
            face,
            align,
            first_line_indent: false,
            sides: (0, 0),
            spacing: Spacing::Exact(LINE_PITCH),
            after: 0,
            keep_next: false,
            outline: None,
        }
    }

    const fn indented(self) -> Self {
        Format {
            first_line_indent: true,
            ..self
        }
    }

    const fn heading(self, outline: usize) -> Self {
        Format {
            keep_next: true,
            outline: Some(outline),
            ..self.indented()
        }
    }

    /// The carrier of a page break that no paragraph can take: empty, one
    /// point high, starting a new page.
    pub const PAGE_BREAK: Format = Format {
        spacing: Spacing::Exact(20),
        ..Format::text(Face::new(FANGSONG, 2), Align::Left)
    };

    /// The report title: centred 2号小标宋, one blank line below.
    pub const TITLE: Format = Format {
        after: LINE_PITCH as u32,
        keep_next: true,
        ..Format::text(Face::new(XIAOBIAOSONG, SIZE_2), Align::Center)
    };

    /// Body text: 3号仿宋, justified, indented two characters.
    pub const BODY: Format = Format::text(Face::new(FANGSONG, SIZE_3), Align::Both).indented();

    /// A heading of level 1 (一、) to 4 (⑴); other levels are taken as the
    /// nearest of these.
    pub fn heading_level(level: u8) -> Format {
        let (face, outline) = match level {
            0 | 1 => (Face::new(HEITI, SIZE_3), 0),
            2 => (Face::new(KAITI, SIZE_3), 1),
            3 => (Face::new(FANGSONG, SIZE_3).bold(), 2),
            _ => (Face::new(FANGSONG, SIZE_3), 3),
        };
        Format::text(face, Align::Both).heading(outline)
    }

    /// The format of a paragraph in `role`.
    pub fn role(role: ParagraphRole) -> Format {
        match role {
            ParagraphRole::Body => Format::BODY,
            ParagraphRole::AttachmentLabel => Format {
                keep_next: true,
                ..Format::text(Face::new(HEITI, SIZE_3), Align::Left)
            },
            ParagraphRole::TableTitle => Format {
                keep_next: true,
                ..Format::text(Face::new(XIAOBIAOSONG, SIZE_SMALL_2), Align::Center)
            },
            ParagraphRole::Note => Format {
                spacing: Spacing::Single,
                ..Format::text(Face::new(FANGSONG, SIZE_SMALL_4), Align::Both)
            },
            ParagraphRole::Right => Format::text(Face::new(FANGSONG, SIZE_3), Align::Right),
        }
    }

    /// Text in a table cell: 五号, single spacing, no indent; header rows in 黑体.
    pub fn cell(header: bool, align: CellAlign) -> Format {
        let face = Face::new(if header { HEITI } else { FANGSONG }, SIZE_5);
        let align = match align {
            CellAlign::Left => Align::Left,
            CellAlign::Center => Align::Center,
            CellAlign::Right => Align::Right,
        };
        Format {
            spacing: Spacing::Single,
            ..Format::text(face, align)
        }
    }

    /// Writes a paragraph with these properties holding `content`, starting
    /// a new page if `page_break_before`.
    pub fn write_paragraph(self, markup: &mut Markup, content: &[Inline], page_break_before: bool) {
        markup.open_paragraph();
        self.write_properties(markup, page_break_before);
        for inline in content {
            self.face.write_run(markup, &inline.text, inline.bold);
        }
        markup.push("</w:p>");
    }

    /// Writes the paragraph properties (`w:pPr`); the paragraph mark carries
    /// the face (not bold), so that an empty paragraph is as tall as a line
    /// of its text.
    pub fn write_properties(self, markup: &mut Markup, page_break_before: bool) {
        markup.push("<w:pPr>");
        if self.keep_next {
            markup.push("<w:keepNext />");
        }
        if page_break_before {
            markup.push("<w:pageBreakBefore />");
        }
        let (line, rule) = match self.spacing {
            Spacing::Exact(twips) => (twips, "exact"),
            Spacing::Single => (240, "auto"),
        };
        markup.push(r#"<w:spacing w:after=""#);
        markup.value(self.after);
        markup.push(r#"" w:line=""#);
        markup.value(line);
        markup.push(r#"" w:lineRule=""#);
        markup.value(rule);
        markup.push(r#"" />"#);
        if self.first_line_indent || self.sides != (0, 0) {
            markup.push(r#"<w:ind w:left=""#);
            markup.value(self.sides.0);
            markup.push(r#"" w:right=""#);
            markup.value(self.sides.1);
            if self.first_line_indent {
                markup.push(r#"" w:firstLine=""#);
                markup.value(FIRST_LINE_TWIPS);
                markup.push(r#"" w:firstLineChars=""#);
                markup.value(FIRST_LINE_CHARS);
                markup.push(r#""/>"#);
            } else {
                markup.push(r#"" />"#);
            }
        }
        markup.val("w:jc", self.align.value());
        if let Some(level) = self.outline {
            markup.val("w:outlineLvl", level);
        }
        self.face.write_properties(markup, false);
        markup.push("</w:pPr>");
    }
}

/// Document defaults: body face and size, for anything without direct
/// formatting.
pub(super) fn defaults(docx: Docx) -> Docx {
    docx.default_fonts(Format::BODY.face.fonts())
        .default_size(SIZE_3)
}

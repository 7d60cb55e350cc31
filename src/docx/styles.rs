//! Typefaces, sizes and paragraph formats of each kind of paragraph, after
//! GB/T 9704-2012: title 2号方正小标宋简体, body 3号仿宋_GB2312, headings
//! 黑体 / 楷体_GB2312 / bold 仿宋_GB2312 / 仿宋_GB2312, tables 五号.
//!
//! Each kind of paragraph of the report is a paragraph style of the package
//! ([`STYLES`], written by [`styles_xml`]): its paragraph format and its face
//! are there once, and a paragraph names its style (`w:pStyle`) and carries
//! nothing else but a page break before it; a run carries only bold, where
//! its text is bold and the style's face is not. Word, WPS and LibreOffice
//! show the styles by their Chinese names, so an office that restyles the
//! report changes a style, not every paragraph. Nothing is left to a reader's
//! own defaults: every style is complete in itself (no `w:basedOn`), and the
//! footers, which have no style, carry their format directly.
//!
//! Every face names its East Asian typeface in `w:eastAsia` and Times New
//! Roman in `w:ascii`/`w:hAnsi`, with `w:hint="eastAsia"` so that characters
//! shared by both scripts (quotation marks, dashes, ellipses) take the Chinese
//! face. Everything is written as WordprocessingML ([`Markup`]), children in
//! schema order.

use super::geometry::{CHARACTER_SPACING, LINE_PITCH};
use super::markup::Markup;
use crate::document::{CellAlign, Inline, ParagraphRole};

/// Latin letters and digits.
pub(crate) const LATIN: &str = "Times New Roman";
/// 仿宋: body text, 3rd and 4th level headings, tables.
pub(crate) const FANGSONG: &str = "仿宋_GB2312";
/// 黑体: 1st level headings, attachment labels, table header rows.
pub(crate) const HEITI: &str = "黑体";
/// 楷体: 2nd level headings.
pub(crate) const KAITI: &str = "楷体_GB2312";
/// 小标宋: the title and table titles.
pub(crate) const XIAOBIAOSONG: &str = "方正小标宋简体";
/// 宋体: page numbers.
pub(crate) const SONGTI: &str = "宋体";

/// 3号 (16 pt) in half-points: body text and headings.
pub(crate) const SIZE_3: usize = 32;
/// 2号 (22 pt): the title.
pub(crate) const SIZE_2: usize = 44;
/// 小二 (18 pt): table titles.
pub(crate) const SIZE_SMALL_2: usize = 36;
/// 4号 (14 pt): page numbers.
pub(crate) const SIZE_4: usize = 28;
/// 小四 (12 pt): notes under tables.
pub(crate) const SIZE_SMALL_4: usize = 24;
/// 五号 (10.5 pt): table text.
pub(crate) const SIZE_5: usize = 21;

/// First-line indent of body text and headings: two 3号 characters.
const FIRST_LINE_TWIPS: i32 = 2 * SIZE_3 as i32 * 10;
/// The same indent in hundredths of a character (`w:firstLineChars`), which
/// readers prefer, so that it stays two characters if the size changes.
const FIRST_LINE_CHARS: i32 = 200;

/// Typeface, size and weight of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Face {
    east_asia: &'static str,
    /// The face of Latin letters and digits.
    latin: &'static str,
    half_points: usize,
    bold: bool,
}

impl Face {
    pub const fn new(east_asia: &'static str, half_points: usize) -> Self {
        Face {
            east_asia,
            latin: LATIN,
            half_points,
            bold: false,
        }
    }

    /// This face with Latin letters and digits in `latin`.
    pub const fn with_latin(self, latin: &'static str) -> Self {
        Face { latin, ..self }
    }

    const fn bold(self) -> Self {
        Face { bold: true, ..self }
    }

    /// Writes the run properties (`w:rPr`) of this face, bold if `bold`.
    pub fn write_properties(self, markup: &mut Markup, bold: bool) {
        markup.push("<w:rPr>");
        self.write_property_children(markup, bold, None);
        markup.push("</w:rPr>");
    }

    /// The children of `w:rPr`: faces, bold if `bold`, the character
    /// spacing of text on the page's grid or leaving the grid if `on_grid`
    /// says which, size.
    fn write_property_children(self, markup: &mut Markup, bold: bool, on_grid: Option<bool>) {
        markup.push(r#"<w:rFonts w:ascii=""#);
        markup.value(self.latin);
        markup.push(r#"" w:hAnsi=""#);
        markup.value(self.latin);
        markup.push(r#"" w:eastAsia=""#);
        markup.value(self.east_asia);
        markup.push(r#"" w:hint="eastAsia" />"#);
        if bold {
            markup.push("<w:b /><w:bCs />");
        }
        match on_grid {
            Some(true) => markup.val("w:spacing", CHARACTER_SPACING),
            Some(false) => markup.push(r#"<w:snapToGrid w:val="0" />"#),
            None => {}
        }
        markup.val("w:sz", self.half_points);
        markup.val("w:szCs", self.half_points);
    }

    /// Writes a run of this face (bold if the face or `bold` is) holding
    /// `text`, with the face written on the run.
    pub fn write_run(self, markup: &mut Markup, text: &str, bold: bool) {
        markup.push("<w:r>");
        self.write_properties(markup, self.bold || bold);
        write_text(markup, text);
        markup.push("</w:r>");
    }
}

/// Writes `text`; each `\n` becomes a line break and each tab a `w:tab`.
fn write_text(markup: &mut Markup, text: &str) {
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            markup.push(r#"<w:br w:type="textWrapping" />"#);
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                markup.push("<w:tab/>");
            }
            markup.text(piece);
        }
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

/// A paragraph style of the package: its id and the name readers show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Style {
    pub id: &'static str,
    pub name: &'static str,
    /// Not one of the styles readers know by name (Title, Body Text,
    /// heading 1…).
    pub custom: bool,
}

/// What a paragraph may carry besides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Direct {
    /// Kept on the same page as the next paragraph (or table row).
    pub keep_next: bool,
    /// Starts a new page.
    pub page_break_before: bool,
    /// Left indent and hanging indent of the first line, in twips.
    pub hanging: Option<(i32, i32)>,
}

/// Everything about a paragraph's layout.
#[derive(Debug, Clone, Copy)]
pub(super) struct Format {
    /// The style that holds this format; none for a format written directly
    /// on its paragraph (the footers).
    pub style: Option<Style>,
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
    /// On the page's document grid (lines and characters); off for text
    /// set in its own size and spacing (tables, notes, footers).
    pub on_grid: bool,
}

impl Format {
    /// Text in `face` and `align` on the page's line grid, without indent.
    pub const fn text(face: Face, align: Align) -> Self {
        Format {
            style: None,
            face,
            align,
            first_line_indent: false,
            sides: (0, 0),
            spacing: Spacing::Exact(LINE_PITCH),
            after: 0,
            keep_next: false,
            outline: None,
            on_grid: true,
        }
    }

    /// This format off the document grid.
    pub const fn off_grid(self) -> Self {
        Format {
            on_grid: false,
            ..self
        }
    }

    /// This format as a style of our own, named `name`.
    const fn styled(self, id: &'static str, name: &'static str) -> Self {
        Format {
            style: Some(Style {
                id,
                name,
                custom: true,
            }),
            ..self
        }
    }

    /// This format as the built-in style `name`.
    const fn built_in(self, id: &'static str, name: &'static str) -> Self {
        Format {
            style: Some(Style {
                id,
                name,
                custom: false,
            }),
            ..self
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

    /// Single spacing, off the document grid.
    const fn single(self) -> Self {
        Format {
            spacing: Spacing::Single,
            on_grid: false,
            ..self
        }
    }

    /// The carrier of a page break that no paragraph can take: empty, one
    /// point high, starting a new page.
    pub const PAGE_BREAK: Format = Format {
        spacing: Spacing::Exact(20),
        ..Format::text(Face::new(FANGSONG, 2), Align::Left)
            .off_grid()
            .styled("PageBreak", "分页")
    };

    /// The paragraph between two tables that follow one another: empty,
    /// 0.7 point high (the least exact spacing Word offers).
    pub const TABLE_JOIN: Format = Format {
        spacing: Spacing::Exact(14),
        ..Format::PAGE_BREAK.styled("TableJoin", "表格衔接")
    };

    /// The report title: centred 2号小标宋, one blank line below.
    pub const TITLE: Format = Format {
        after: LINE_PITCH as u32,
        keep_next: true,
        ..Format::text(Face::new(XIAOBIAOSONG, SIZE_2), Align::Center)
            .off_grid()
            .built_in("Title", "Title")
    };

    /// Body text: 3号仿宋, justified, indented two characters.
    pub const BODY: Format = Format::text(Face::new(FANGSONG, SIZE_3), Align::Both)
        .indented()
        .built_in("BodyText", "Body Text");

    /// Headings of level 1 (一、) to 4 (⑴).
    const HEADINGS: [Format; 4] = [
        Format::text(Face::new(HEITI, SIZE_3), Align::Both)
            .heading(0)
            .built_in("Heading1", "heading 1"),
        Format::text(Face::new(KAITI, SIZE_3), Align::Both)
            .heading(1)
            .built_in("Heading2", "heading 2"),
        Format::text(Face::new(FANGSONG, SIZE_3).bold(), Align::Both)
            .heading(2)
            .built_in("Heading3", "heading 3"),
        Format::text(Face::new(FANGSONG, SIZE_3), Align::Both)
            .heading(3)
            .built_in("Heading4", "heading 4"),
    ];

    /// “附件N”: 3号黑体 at the left, kept with the table title below.
    const ATTACHMENT_LABEL: Format = Format {
        keep_next: true,
        ..Format::text(Face::new(HEITI, SIZE_3), Align::Left).styled("AttachmentLabel", "附件标注")
    };

    /// A table's title: centred 小二小标宋, kept with the table.
    const TABLE_TITLE: Format = Format {
        keep_next: true,
        ..Format::text(Face::new(XIAOBIAOSONG, SIZE_SMALL_2), Align::Center)
            .styled("TableTitle", "表格标题")
    };

    /// A note under a table: 小四仿宋, single spacing, off the grid.
    const NOTE: Format = Format::text(Face::new(FANGSONG, SIZE_SMALL_4), Align::Both)
        .single()
        .styled("TableNote", "表注");

    /// A line of the list of attachments: 3号仿宋 at the left, its
    /// indents given on each line.
    pub const ATTACHMENT_LIST: Format =
        Format::text(Face::new(FANGSONG, SIZE_3), Align::Left).styled("AttachmentList", "附件说明");

    /// A line at the right (a signature, a date): 3号仿宋.
    const RIGHT: Format =
        Format::text(Face::new(FANGSONG, SIZE_3), Align::Right).styled("Closing", "落款");

    /// Table text, 五号, single spacing, no indent: data cells in 仿宋 and
    /// header cells in 黑体, each left, centred and right.
    const CELLS: [[Format; 3]; 2] = [
        [
            Format::text(Face::new(FANGSONG, SIZE_5), Align::Left)
                .single()
                .styled("TableText", "表格文字"),
            Format::text(Face::new(FANGSONG, SIZE_5), Align::Center)
                .single()
                .styled("TableTextCenter", "表格文字居中"),
            Format::text(Face::new(FANGSONG, SIZE_5), Align::Right)
                .single()
                .styled("TableTextRight", "表格文字右对齐"),
        ],
        [
            Format::text(Face::new(HEITI, SIZE_5), Align::Left)
                .single()
                .styled("TableHeader", "表头文字"),
            Format::text(Face::new(HEITI, SIZE_5), Align::Center)
                .single()
                .styled("TableHeaderCenter", "表头文字居中"),
            Format::text(Face::new(HEITI, SIZE_5), Align::Right)
                .single()
                .styled("TableHeaderRight", "表头文字右对齐"),
        ],
    ];

    /// A heading of level 1 (一、) to 4 (⑴); other levels are taken as the
    /// nearest of these.
    pub fn heading_level(level: u8) -> Format {
        Format::HEADINGS[usize::from(level.clamp(1, 4)) - 1]
    }

    /// The format of a paragraph in `role`.
    pub fn role(role: ParagraphRole) -> Format {
        match role {
            ParagraphRole::Body => Format::BODY,
            ParagraphRole::AttachmentLabel => Format::ATTACHMENT_LABEL,
            ParagraphRole::TableTitle => Format::TABLE_TITLE,
            ParagraphRole::Note => Format::NOTE,
            ParagraphRole::Right => Format::RIGHT,
            ParagraphRole::AttachmentList => Format::ATTACHMENT_LIST,
        }
    }

    /// Text in a table cell: header rows in 黑体.
    pub fn cell(header: bool, align: CellAlign) -> Format {
        let column = match align {
            CellAlign::Left => 0,
            CellAlign::Center => 1,
            CellAlign::Right => 2,
        };
        Format::CELLS[usize::from(header)][column]
    }

    /// Writes a paragraph of this format holding `content`, starting a new
    /// page if `page_break_before`.
    pub fn write_paragraph(self, markup: &mut Markup, content: &[Inline], page_break_before: bool) {
        let direct = Direct {
            page_break_before,
            ..Direct::default()
        };
        self.write_paragraph_with(markup, content, direct);
    }

    /// Writes a paragraph of this format holding `content`, with `direct`
    /// properties: the style's name and those, or for a format without a
    /// style, the whole format.
    pub fn write_paragraph_with(self, markup: &mut Markup, content: &[Inline], direct: Direct) {
        markup.open_paragraph();
        match self.style {
            Some(style) => {
                markup.push("<w:pPr>");
                markup.val("w:pStyle", style.id);
                if direct.keep_next && !self.keep_next {
                    markup.push("<w:keepNext />");
                }
                if direct.page_break_before {
                    markup.push("<w:pageBreakBefore />");
                }
                if let Some((left, hanging)) = direct.hanging {
                    markup.push(r#"<w:ind w:left=""#);
                    markup.value(left);
                    markup.push(r#"" w:hanging=""#);
                    markup.value(hanging);
                    markup.push(r#"" />"#);
                }
                markup.push("</w:pPr>");
                for inline in content {
                    markup.push("<w:r>");
                    if inline.bold && !self.face.bold {
                        markup.push("<w:rPr><w:b /><w:bCs /></w:rPr>");
                    }
                    write_text(markup, &inline.text);
                    markup.push("</w:r>");
                }
            }
            None => {
                self.write_properties(markup, direct.page_break_before);
                for inline in content {
                    self.face.write_run(markup, &inline.text, inline.bold);
                }
            }
        }
        markup.push("</w:p>");
    }

    /// Writes the whole format as direct paragraph properties (`w:pPr`); the
    /// paragraph mark carries the face (not bold), so that an empty paragraph
    /// is as tall as a line of its text.
    pub fn write_properties(self, markup: &mut Markup, page_break_before: bool) {
        markup.push("<w:pPr>");
        self.write_property_children(markup, page_break_before);
        self.face.write_properties(markup, false);
        markup.push("</w:pPr>");
    }

    fn write_property_children(self, markup: &mut Markup, page_break_before: bool) {
        if self.keep_next {
            markup.push("<w:keepNext />");
        }
        if page_break_before {
            markup.push("<w:pageBreakBefore />");
        }
        if !self.on_grid {
            markup.push(r#"<w:snapToGrid w:val="0" />"#);
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
    }

    /// Writes the style definition (`w:style`) of a styled format.
    fn write_style(self, markup: &mut Markup, style: Style) {
        markup.push(r#"<w:style w:type="paragraph" w:styleId=""#);
        markup.value(style.id);
        if style.custom {
            markup.push(r#"" w:customStyle="1"#);
        }
        markup.push(r#"">"#);
        markup.val("w:name", style.name);
        markup.push("<w:qFormat /><w:pPr>");
        self.write_property_children(markup, false);
        markup.push("</w:pPr><w:rPr>");
        self.face
            .write_property_children(markup, self.face.bold, Some(self.on_grid));
        markup.push("</w:rPr></w:style>");
    }
}

/// Every styled format, each once.
pub(super) const STYLES: [Format; 19] = [
    Format::TITLE,
    Format::BODY,
    Format::HEADINGS[0],
    Format::HEADINGS[1],
    Format::HEADINGS[2],
    Format::HEADINGS[3],
    Format::ATTACHMENT_LABEL,
    Format::TABLE_TITLE,
    Format::NOTE,
    Format::RIGHT,
    Format::ATTACHMENT_LIST,
    Format::PAGE_BREAK,
    Format::TABLE_JOIN,
    Format::CELLS[0][0],
    Format::CELLS[0][1],
    Format::CELLS[0][2],
    Format::CELLS[1][0],
    Format::CELLS[1][1],
    Format::CELLS[1][2],
];

/// The styles part: document defaults (the body face, the document's
/// languages: en-US, East Asian zh-CN, so that readers shape and substitute
/// fonts for Simplified Chinese), an empty default paragraph style, and
/// [`STYLES`].
pub(super) fn styles_xml() -> String {
    let mut markup = Markup::new(1, 16 * 1024);
    markup.push(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        "\n",
        r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
        "<w:docDefaults><w:rPrDefault><w:rPr>",
    ));
    Format::BODY
        .face
        .write_property_children(&mut markup, false, None);
    markup.push(concat!(
        r#"<w:lang w:val="en-US" w:eastAsia="zh-CN" />"#,
        "</w:rPr></w:rPrDefault><w:pPrDefault /></w:docDefaults>",
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal">"#,
        r#"<w:name w:val="Normal" /><w:qFormat /><w:rPr>"#,
    ));
    // The document grid's character pitch is reckoned from this size.
    markup.val("w:sz", Format::BODY.face.half_points);
    markup.val("w:szCs", Format::BODY.face.half_points);
    markup.push("</w:rPr></w:style>");
    for format in STYLES {
        if let Some(style) = format.style {
            format.write_style(&mut markup, style);
        }
    }
    markup.push("</w:styles>");
    markup.into_string()
}

//! The page: A4 with the GB/T 9704-2012 margins, the line pitch that puts
//! 22 lines in the text area, and the “— N —” page-number footers (odd pages
//! right, even pages left, one character in from the margin).
//!
//! `docx-rs` sets up the section (size, margins, the two footer parts and
//! their references); the footers' content is written here ([`footer_xml`]).
//!
//! All lengths are twips (1/20 pt; 1 mm = 1440 / 25.4 ≈ 56.6929 twips).

use docx_rs::{Docx, Footer};

use super::DocxError;
use super::markup::Markup;
use super::styles::{Align, Face, Format, SIZE_4, SONGTI, Spacing};

/// Twips in `mm` millimetres, rounded to the nearest twip.
const fn twips_from_mm(mm: u32) -> u32 {
    (mm * 14_400 + 127) / 254
}

/// A4 width (210 mm).
const PAGE_WIDTH: u32 = 11_906;
/// A4 height (297 mm).
const PAGE_HEIGHT: u32 = 16_838;
/// 天头 37 mm.
const MARGIN_TOP: u32 = twips_from_mm(37);
/// 35 mm below the text.
const MARGIN_BOTTOM: u32 = twips_from_mm(35);
/// 订口 28 mm.
const MARGIN_LEFT: u32 = twips_from_mm(28);
/// 26 mm.
const MARGIN_RIGHT: u32 = twips_from_mm(26);
/// Distance of the (unused) header from the top edge, 15 mm.
const HEADER_DISTANCE: u32 = twips_from_mm(15);

/// The text width (156 mm), as the page computes it from its own rounded
/// numbers, so that a table this wide ends exactly at the right margin.
pub(super) const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The text height (225 mm).
pub(super) const TEXT_HEIGHT: u32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
/// Lines of body text per page.
const LINES_PER_PAGE: u32 = 22;
/// Exact line spacing of body text: the text height divided by 22, rounded
/// down so that the 22nd line still fits.
pub(super) const LINE_PITCH: i32 = (TEXT_HEIGHT / LINES_PER_PAGE) as i32;

/// Characters per line of body text.
const CHARACTERS_PER_LINE: u32 = 28;
/// The width of a 3号 (16 pt) character in twips.
const BODY_CHARACTER: u32 = 320;
/// Character spacing of text on the grid, in twips (`w:spacing` of a run):
/// 28 characters of 3号 are 448 pt and the text width is 442.2 pt, so each
/// character gives up the difference (−0.25 pt: the pitch is the text
/// width over 28, rounded down, so that the 28th character still fits).
///
/// The grid itself is a line grid only (`w:type="lines"`): a character grid
/// (`linesAndChars`) with a pitch below the font size gives the same 28 in
/// Word, but LibreOffice then sets each character in two cells, 14 a line.
pub(super) const CHARACTER_SPACING: i32 =
    (TEXT_WIDTH / CHARACTERS_PER_LINE) as i32 - BODY_CHARACTER as i32;

/// The GB/T 9704 grid of the body pages: 22 lines of [`LINE_PITCH`].
/// Paragraphs that are not body text (the title, tables, notes, footers)
/// leave it (`w:snapToGrid w:val="0"`).
fn document_grid() -> String {
    format!(r#"<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>"#)
}

/// `word/document.xml` as `docx-rs` wrote it, with the document grid added
/// as the last child of its section properties.
pub(super) fn with_document_grid(document: &[u8]) -> Result<Vec<u8>, DocxError> {
    const END: &[u8] = b"</w:sectPr>";
    let at = document
        .windows(END.len())
        .rposition(|w| w == END)
        .ok_or_else(|| DocxError::Xml("document.xml 中没有 </w:sectPr>".into()))?;
    let grid = document_grid();
    let mut out = Vec::with_capacity(document.len() + grid.len());
    out.extend_from_slice(&document[..at]);
    out.extend_from_slice(grid.as_bytes());
    out.extend_from_slice(&document[at..]);
    Ok(out)
}

/// Height of the page-number line (exactly one 4号 em).
const FOOTER_LINE: i32 = 280;
/// The page number's top edge sits 7 mm below the text area.
const PAGE_NUMBER_GAP: u32 = twips_from_mm(7);
/// Distance from the bottom edge of the page to the bottom of the footer.
const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - PAGE_NUMBER_GAP - FOOTER_LINE as u32;
/// 空一字: the page number keeps one 4号 character from the margin.
const PAGE_NUMBER_INSET: i32 = FOOTER_LINE;

/// Sets the page size and margins and adds the odd and even footers, left
/// empty: their content is [`footer_xml`].
pub(super) fn set_up(docx: Docx) -> Docx {
    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .footer(Footer::new())
        .even_footer(Footer::new())
}

fn margins() -> docx_rs::PageMargin {
    let twips = |v: u32| v as i32;
    docx_rs::PageMargin::new()
        .top(twips(MARGIN_TOP))
        .bottom(twips(MARGIN_BOTTOM))
        .left(twips(MARGIN_LEFT))
        .right(twips(MARGIN_RIGHT))
        .header(twips(HEADER_DISTANCE))
        .footer(twips(FOOTER_DISTANCE))
        .gutter(0)
}

/// Which pages a footer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageSide {
    Odd,
    Even,
}

/// The footer parts: `docx-rs` numbers them in the order [`set_up`] adds
/// them, the default (odd pages) first.
pub(super) const FOOTERS: [(&str, PageSide); 2] = [
    ("word/footer1.xml", PageSide::Odd),
    ("word/footer2.xml", PageSide::Even),
];

/// The ids of the footers' paragraphs, in the order of [`FOOTERS`]; the
/// body's paragraphs are numbered after them.
pub(super) const FOOTER_PARAGRAPH_IDS: [u32; 2] = [1, 2];

/// The start of a footer part, as `docx-rs` writes it.
const FOOTER_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wp14">"#,
);

/// The footer part for `side`: “— N —” with N a PAGE field, 4号宋体 (the
/// digits too), on the outer side of the page, off the document grid. Its one paragraph has id `paragraph_id`.
pub(super) fn footer_xml(side: PageSide, paragraph_id: u32) -> String {
    let face = Face::new(SONGTI, SIZE_4).with_latin(SONGTI);
    let (align, sides) = match side {
        PageSide::Odd => (Align::Right, (0, PAGE_NUMBER_INSET)),
        PageSide::Even => (Align::Left, (PAGE_NUMBER_INSET, 0)),
    };
    let format = Format {
        sides,
        spacing: Spacing::Exact(FOOTER_LINE),
        ..Format::text(face, align).off_grid()
    };
    let mut markup = Markup::new(paragraph_id, 4096);
    markup.push(FOOTER_START);
    markup.open_paragraph();
    format.write_properties(&mut markup, false);
    face.write_run(&mut markup, "— ", false);
    write_field_char(&mut markup, face, "begin");
    write_in_run(&mut markup, face, "<w:instrText>PAGE</w:instrText>");
    write_field_char(&mut markup, face, "separate");
    face.write_run(&mut markup, "1", false);
    write_field_char(&mut markup, face, "end");
    face.write_run(&mut markup, " —", false);
    markup.push("</w:p></w:ftr>");
    markup.into_string()
}

/// A run of `face` holding a field character of `kind` (`begin`,
/// `separate`, `end`).
fn write_field_char(markup: &mut Markup, face: Face, kind: &str) {
    let field_char = format!(r#"<w:fldChar w:fldCharType="{kind}" w:dirty="false" />"#);
    write_in_run(markup, face, &field_char);
}

/// A run of `face` holding `content`.
fn write_in_run(markup: &mut Markup, face: Face, content: &str) {
    markup.push("<w:r>");
    face.write_properties(markup, false);
    markup.push(content);
    markup.push("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margins_are_the_gb_t_9704_millimetres() {
        assert_eq!(
            (MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT),
            (2098, 1984, 1587, 1474)
        );
        assert_eq!(TEXT_WIDTH, 8845);
    }

    #[test]
    fn twenty_two_lines_fit_the_text_height() {
        assert_eq!(LINE_PITCH, 579);
        assert!(LINE_PITCH as u32 * LINES_PER_PAGE <= TEXT_HEIGHT);
        assert!((LINE_PITCH as u32 + 1) * LINES_PER_PAGE > TEXT_HEIGHT);
    }

    #[test]
    fn body_lines_hold_twenty_eight_characters() {
        let pitch = BODY_CHARACTER as i32 + CHARACTER_SPACING;
        assert_eq!(TEXT_WIDTH as i32 / pitch, 28);
        assert_eq!(CHARACTER_SPACING, -5);
        let grid = document_grid();
        assert_eq!(grid, r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#);
        let with_grid = with_document_grid(b"<w:sectPr><w:cols/></w:sectPr>").unwrap();
        assert!(with_grid.ends_with(format!("<w:cols/>{grid}</w:sectPr>").as_bytes()));
    }

    #[test]
    fn page_number_starts_seven_millimetres_below_the_text() {
        assert_eq!(
            FOOTER_DISTANCE + FOOTER_LINE as u32 + PAGE_NUMBER_GAP,
            MARGIN_BOTTOM
        );
    }
}

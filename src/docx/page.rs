//! The page: A4 with the GB/T 9704-2012 margins, the line pitch that puts
//! 22 lines in the text area, and the “— N —” page-number footers (odd pages
//! right, even pages left, one character in from the margin).
//!
//! All lengths are twips (1/20 pt; 1 mm = 1440 / 25.4 ≈ 56.6929 twips).

use docx_rs::{AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, Paragraph};

use super::styles::{Face, Format, SIZE_4, SONGTI, Spacing};

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
const TEXT_HEIGHT: u32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
/// Lines of body text per page.
const LINES_PER_PAGE: u32 = 22;
/// Exact line spacing of body text: the text height divided by 22, rounded
/// down so that the 22nd line still fits.
pub(super) const LINE_PITCH: i32 = (TEXT_HEIGHT / LINES_PER_PAGE) as i32;

/// Height of the page-number line (exactly one 4号 em).
const FOOTER_LINE: i32 = 280;
/// The page number's top edge sits 7 mm below the text area.
const PAGE_NUMBER_GAP: u32 = twips_from_mm(7);
/// Distance from the bottom edge of the page to the bottom of the footer.
const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - PAGE_NUMBER_GAP - FOOTER_LINE as u32;
/// 空一字: the page number keeps one 4号 character from the margin.
const PAGE_NUMBER_INSET: i32 = FOOTER_LINE;

/// Sets the page size, margins and the odd and even page-number footers.
pub(super) fn set_up(docx: Docx) -> Docx {
    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .footer(Footer::new().add_paragraph(page_number(PageSide::Odd)))
        .even_footer(Footer::new().add_paragraph(page_number(PageSide::Even)))
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageSide {
    Odd,
    Even,
}

/// “— N —” with N a PAGE field, 4号宋体, on the outer side of the page.
fn page_number(side: PageSide) -> Paragraph {
    let face = Face::new(SONGTI, SIZE_4);
    let (align, sides) = match side {
        PageSide::Odd => (AlignmentType::Right, (0, PAGE_NUMBER_INSET)),
        PageSide::Even => (AlignmentType::Left, (PAGE_NUMBER_INSET, 0)),
    };
    let format = Format {
        sides,
        spacing: Spacing::Exact(FOOTER_LINE),
        ..Format::text(face, align)
    };
    let field = |kind| face.empty_run().add_field_char(kind, false);
    format
        .paragraph()
        .add_run(face.run("— ", false))
        .add_run(field(FieldCharType::Begin))
        .add_run(
            face.empty_run()
                .add_instr_text(InstrText::PAGE(InstrPAGE::new())),
        )
        .add_run(field(FieldCharType::Separate))
        .add_run(face.run("1", false))
        .add_run(field(FieldCharType::End))
        .add_run(face.run(" —", false))
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
    fn page_number_starts_seven_millimetres_below_the_text() {
        assert_eq!(
            FOOTER_DISTANCE + FOOTER_LINE as u32 + PAGE_NUMBER_GAP,
            MARGIN_BOTTOM
        );
    }
}

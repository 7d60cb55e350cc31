//! The page geometry of GB/T 9704-2012, the one place its numbers live: A4,
//! the margins 37/35/28/26 mm, the text area they leave, the line pitch
//! that puts 22 lines in it, the character spacing that puts 28 characters
//! of 3号 on a line, the size of table text, and where the page number
//! sits below the text.
//!
//! The section properties and footers (`page`), the paragraph styles
//! (`styles`), tables, the title and the list of attachments all read it,
//! and so does the HTML's stylesheet (`crate::html`), which lays out the
//! same page for print, and the PDF writer (`crate::pdf`), which
//! typesets it.
//!
//! All lengths are twips (1/20 pt; 1 mm = 1440 / 25.4 ≈ 56.6929 twips),
//! but for the margins, which are whole millimetres in the standard and
//! are kept in millimetres too, as CSS gives them.

use crate::document::columns::Metrics;

/// Twips in `mm` millimetres, rounded to the nearest twip.
const fn twips_from_mm(mm: u32) -> u32 {
    (mm * 14_400 + 127) / 254
}

/// A4 width (210 mm).
pub(crate) const PAGE_WIDTH: u32 = 11_906;
/// A4 height (297 mm).
pub(crate) const PAGE_HEIGHT: u32 = 16_838;
/// The margins in millimetres: top (天头), right, bottom, left (订口), in
/// the order CSS gives them.
pub(crate) const MARGINS_MM: [u32; 4] = [37, 26, 35, 28];
/// 天头 37 mm.
pub(crate) const MARGIN_TOP: u32 = twips_from_mm(MARGINS_MM[0]);
/// 35 mm below the text.
pub(crate) const MARGIN_BOTTOM: u32 = twips_from_mm(MARGINS_MM[2]);
/// 订口 28 mm.
pub(crate) const MARGIN_LEFT: u32 = twips_from_mm(MARGINS_MM[3]);
/// 26 mm.
pub(crate) const MARGIN_RIGHT: u32 = twips_from_mm(MARGINS_MM[1]);
/// Distance of the (unused) header from the top edge, 15 mm.
pub(crate) const HEADER_DISTANCE: u32 = twips_from_mm(15);

/// The text width (156 mm), as the page computes it from its own rounded
/// numbers, so that a table this wide ends exactly at the right margin.
pub(crate) const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
/// The text height (225 mm).
pub(crate) const TEXT_HEIGHT: u32 = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM;
/// Lines of body text per page.
pub(crate) const LINES_PER_PAGE: u32 = 22;
/// Exact line spacing of body text: the text height divided by 22, rounded
/// down so that the 22nd line still fits.
pub(crate) const LINE_PITCH: i32 = (TEXT_HEIGHT / LINES_PER_PAGE) as i32;

/// Characters per line of body text.
pub(crate) const CHARACTERS_PER_LINE: u32 = 28;
/// The width of a 3号 (16 pt) character in twips.
pub(crate) const BODY_CHARACTER: u32 = 320;
/// Character spacing of text on the grid, in twips (`w:spacing` of a run):
/// 28 characters of 3号 are 448 pt and the text width is 442.2 pt, so each
/// character gives up the difference (−0.25 pt: the pitch is the text
/// width over 28, rounded down, so that the 28th character still fits).
///
/// The grid itself is a line grid only (`w:type="lines"`): a character grid
/// (`linesAndChars`) with a pitch below the font size gives the same 28 in
/// Word, but LibreOffice then sets each character in two cells, 14 a line.
pub(crate) const CHARACTER_SPACING: i32 =
    (TEXT_WIDTH / CHARACTERS_PER_LINE) as i32 - BODY_CHARACTER as i32;

/// Table text: 五号 (10.5 pt = 210 twips a full-width character) with
/// Word's default cell margins (108 twips each side).
pub(crate) const CELL_TEXT: Metrics = Metrics {
    character: 210,
    padding: 216,
};

/// Height of the page-number line (exactly one 4号 em).
pub(crate) const FOOTER_LINE: i32 = 280;
/// The page number's top edge sits 7 mm below the text area.
pub(crate) const PAGE_NUMBER_GAP: u32 = twips_from_mm(7);
/// Distance from the bottom edge of the page to the bottom of the footer.
pub(crate) const FOOTER_DISTANCE: u32 = MARGIN_BOTTOM - PAGE_NUMBER_GAP - FOOTER_LINE as u32;

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
    }

    #[test]
    fn page_number_starts_seven_millimetres_below_the_text() {
        assert_eq!(
            FOOTER_DISTANCE + FOOTER_LINE as u32 + PAGE_NUMBER_GAP,
            MARGIN_BOTTOM
        );
    }
}

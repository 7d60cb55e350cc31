//! The page's stylesheet: the DOCX's paragraph formats (`crate::docx`'s
//! styles) in CSS, for the screen and for print.
//!
//! - Faces as GB/T 9704 names them, each followed by the names the same face
//!   has on Windows and macOS and by the Noto CJK faces a Linux has, then a
//!   generic family: 仿宋 for body text, 方正小标宋 for the title and table
//!   titles, 黑体 for 一、 headings, attachment labels and table heads, 楷体
//!   for ㈠ headings; Latin letters and digits in Times New Roman (a local
//!   face, never fetched), as in the DOCX.
//! - Sizes in points as the DOCX sets them: 2号 (22 pt) title, 3号 (16 pt)
//!   body, 小二 (18 pt) table titles, 小四 (12 pt) notes, 五号 (10.5 pt)
//!   tables; the body's line pitch and character spacing from
//!   `crate::docx::geometry`, so that a printed page holds 22 lines of 28
//!   characters, as the DOCX's does.
//! - Screen: the report as wide as the printed text, centred on a grey
//!   ground; each new page set apart by a gap.
//! - Print: `@page` A4 with the DOCX's margins (the same constants), the
//!   page number “— N —” below the text, right on odd pages and left on
//!   even ones; a `new-page` block starts a page; table heads repeat on
//!   every page, rows are never split, headings and titles keep with what
//!   follows.

use std::sync::OnceLock;

use crate::docx::geometry::{CELL_TEXT, CHARACTER_SPACING, LINE_PITCH, MARGINS_MM, TEXT_WIDTH};

/// The face of Latin letters and digits, as the DOCX's `w:ascii`/`w:hAnsi`
/// face: Times New Roman or a face of its metrics, for Basic Latin and
/// Latin-1 only, so that full-width punctuation (“：”, “（”) stays in the
/// Chinese face after it, as in the DOCX.
const LATIN_FACE: &str = r#"@font-face { font-family: "jixiao-latin"; src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("Tinos"); unicode-range: U+0000-00FF; }"#;

/// 仿宋: body text, notes, table cells.
const FANGSONG: &str = r#""jixiao-latin", "仿宋_GB2312", "FangSong_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif"#;
/// 黑体: 一、 headings, attachment labels, table heads.
const HEITI: &str = r#""jixiao-latin", "黑体", SimHei, STHeiti, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif"#;
/// 楷体: ㈠ headings.
const KAITI: &str = r#""jixiao-latin", "楷体_GB2312", "KaiTi_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", "Source Han Serif SC", serif"#;
/// 方正小标宋: the title and table titles.
const XIAOBIAOSONG: &str = r#""jixiao-latin", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "宋体", SimSun, STSong, "Noto Serif CJK SC", "Source Han Serif SC", serif"#;
/// 宋体: page numbers.
const SONGTI: &str = r#""jixiao-latin", "宋体", SimSun, STSong, "Noto Serif CJK SC", serif"#;

/// The width of table borders in twips (½ pt, as in the DOCX).
const BORDER: i32 = 10;

/// Points in `twips` (1/20 pt), written with the decimals it needs.
fn points(twips: i32) -> String {
    let sign = if twips < 0 { "-" } else { "" };
    let twips = twips.unsigned_abs();
    let whole = twips / 20;
    let hundredths = twips % 20 * 5;
    match hundredths {
        0 => format!("{sign}{whole}pt"),
        h if h % 10 == 0 => format!("{sign}{whole}.{}pt", h / 10),
        h => format!("{sign}{whole}.{h:02}pt"),
    }
}

/// The stylesheet, the same text on every call.
pub fn stylesheet() -> &'static str {
    static STYLESHEET: OnceLock<String> = OnceLock::new();
    STYLESHEET.get_or_init(build)
}

fn build() -> String {
    let [top, right, bottom, left] = MARGINS_MM;
    let line = points(LINE_PITCH);
    let spacing = points(CHARACTER_SPACING);
    let text_width = points(TEXT_WIDTH as i32);
    let cell_size = points(CELL_TEXT.character as i32);
    // The DOCX's cell margin on each side, less the border line the
    // collapsed borders take from the cell (a browser draws a ½-pt line a
    // whole pixel wide), so that a column holds as many characters as the
    // DOCX's.
    let cell_padding = points(CELL_TEXT.padding as i32 / 2 - BORDER);
    let border = points(BORDER);
    format!(
        r#"{LATIN_FACE}
html {{ background: #e8e8e4; }}
body {{ margin: 0; color: #000; }}
.report {{ box-sizing: content-box; max-width: {text_width}; margin: 1.5em auto; padding: 2.5em 2em; background: #fff;
  font-family: {FANGSONG}; font-size: 16pt; line-height: {line}; letter-spacing: {spacing};
  text-align: justify; overflow-wrap: anywhere; }}
.report h1, .report h2, .report h3, .report h4, .report h5, .report p {{ margin: 0; font-size: 16pt; font-weight: normal; }}
.report h1 {{ font-family: {XIAOBIAOSONG}; font-size: 22pt; line-height: 1.3; letter-spacing: normal; text-align: center;
  margin-bottom: {line}; word-break: keep-all; text-wrap: balance; }}
.report h2, .report h3, .report h4, .report h5, .report p {{ text-indent: 2em; }}
.report h2 {{ font-family: {HEITI}; }}
.report h3 {{ font-family: {KAITI}; }}
.report h4 {{ font-weight: bold; }}
.report h1, .report h2, .report h3, .report h4, .report h5, .report p.attachment-label, .report p.table-title {{ break-after: avoid; }}
.report p.attachment-label {{ font-family: {HEITI}; text-indent: 0; text-align: left; }}
.report p.table-title {{ font-family: {XIAOBIAOSONG}; font-size: 18pt; text-indent: 0; text-align: center; }}
.report p.note {{ font-size: 12pt; line-height: 1.3; letter-spacing: normal; text-indent: 0; margin-top: 0.3em; }}
.report p.right {{ text-indent: 0; text-align: right; }}
.report p.attachment-list {{ margin-top: {line}; padding-left: 5em; text-indent: -3em; text-align: left; break-before: avoid; }}
.report table {{ width: 100%; table-layout: fixed; border-collapse: collapse; margin: 0;
  font-size: {cell_size}; line-height: 1.3; letter-spacing: normal; text-align: left; }}
.report th, .report td {{ border: {border} solid #000; padding: 1pt {cell_padding}; vertical-align: middle; }}
.report th {{ font-family: {HEITI}; font-weight: normal; }}
.report th.center, .report td.center {{ text-align: center; }}
.report th.right, .report td.right {{ text-align: right; }}
.report thead {{ display: table-header-group; }}
.report tr {{ break-inside: avoid; }}
.report strong {{ font-weight: bold; }}
@media screen {{
  .report .new-page {{ margin-top: 3em; }}
  .report table.new-page, .report div.new-page {{ border-top: 1px dashed #999; padding-top: 1em; }}
}}
@media print {{
  html {{ background: none; }}
  .report {{ max-width: none; margin: 0; padding: 0; }}
  .report .new-page {{ break-before: page; }}
}}
@page {{ size: A4; margin: {top}mm {right}mm {bottom}mm {left}mm; }}
@page :right {{ @bottom-right {{ content: "— " counter(page) " —"; font-family: {SONGTI}; font-size: 14pt; vertical-align: top; padding-top: 7mm; }} }}
@page :left {{ @bottom-left {{ content: "— " counter(page) " —"; font-family: {SONGTI}; font-size: 14pt; vertical-align: top; padding-top: 7mm; }} }}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_keep_the_decimals_they_need() {
        assert_eq!(points(579), "28.95pt");
        assert_eq!(points(-5), "-0.25pt");
        assert_eq!(points(210), "10.5pt");
        assert_eq!(points(320), "16pt");
        assert_eq!(points(8845), "442.25pt");
    }

    #[test]
    fn the_print_page_is_a4_with_the_docx_margins() {
        let css = stylesheet();
        assert!(
            css.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"),
            "{css}"
        );
        assert!(css.contains("line-height: 28.95pt"));
        assert!(css.contains("thead { display: table-header-group; }"));
        assert!(css.contains("tr { break-inside: avoid; }"));
        assert!(css.contains("text-indent: 2em"));
    }

    #[test]
    fn the_stylesheet_fetches_nothing() {
        let css = stylesheet();
        assert!(!css.contains("url(") && !css.contains("@import"));
        assert_eq!(css.matches('{').count(), css.matches('}').count());
    }
}

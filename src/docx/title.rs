//! The report title's lines: GB/T 9704-2012 wants a title longer than one
//! line broken between words, into a balanced shape (梯形 or 菱形).
//!
//! Where words end is the author's to say: a template marks the places a
//! title may break with a zero-width space (U+200B, `&#8203;` in the
//! Markdown), or breaks it itself with `<br>`. A title that fits one line of
//! 2号 text is left whole; a longer one is broken at the marked place whose
//! two lines both fit and are nearest in length (if none lets both fit, the
//! one whose longer line is shortest). The marks themselves are never
//! written.

use super::geometry::TEXT_WIDTH;
use crate::document::Inline;
use crate::document::columns::half_widths;

/// A place the title may break.
const BREAK_OPPORTUNITY: char = '\u{200B}';
/// A 2号 (22 pt) character in twips.
const TITLE_CHARACTER: u32 = 440;

/// `content` with the chosen break as a `\n` and no break marks.
pub(crate) fn lines(content: &[Inline]) -> Vec<Inline> {
    let text: String = content.iter().map(|i| i.text.as_str()).collect();
    let chosen = if text.contains('\n') {
        None
    } else {
        chosen_break(&text)
    };
    let mut seen = 0;
    content
        .iter()
        .map(|inline| {
            let mut out = String::with_capacity(inline.text.len());
            for c in inline.text.chars() {
                if c == BREAK_OPPORTUNITY {
                    if Some(seen) == chosen {
                        out.push('\n');
                    }
                    seen += 1;
                } else {
                    out.push(c);
                }
            }
            Inline {
                text: out,
                bold: inline.bold,
            }
        })
        .collect()
}

/// Which break opportunity of `text` (counted from 0) to break at, if the
/// title is longer than a line.
fn chosen_break(text: &str) -> Option<usize> {
    let line = TEXT_WIDTH * 2 / TITLE_CHARACTER;
    let pieces: Vec<u32> = text.split(BREAK_OPPORTUNITY).map(half_widths).collect();
    let total: u32 = pieces.iter().sum();
    if total <= line || pieces.len() < 2 {
        return None;
    }
    let mut before = 0;
    (0..pieces.len() - 1)
        .map(|i| {
            before += pieces[i];
            let (first, second) = (before, total - before);
            let fits = first <= line && second <= line;
            (
                !fits,
                first
                    .abs_diff(second)
                    .max(first.max(second) * u32::from(!fits)),
                i,
            )
        })
        .min()
        .map(|(_, _, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken(text: &str) -> String {
        lines(&[Inline::plain(text)])
            .iter()
            .map(|i| i.text.as_str())
            .collect()
    }

    #[test]
    fn a_long_title_breaks_between_words_into_two_balanced_lines() {
        assert_eq!(
            broken("2024年度\u{200B}示例县数据服务中心\u{200B}整体支出绩效自评报告"),
            "2024年度示例县数据服务中心\n整体支出绩效自评报告"
        );
        assert_eq!(
            broken("2024年度\u{200B}湖南省工业和信息化行业事务中心\u{200B}整体支出绩效自评报告"),
            "2024年度湖南省工业和信息化行业事务中心\n整体支出绩效自评报告"
        );
    }

    #[test]
    fn a_short_title_stays_whole_and_loses_its_marks() {
        assert_eq!(
            broken("2024年度\u{200B}某局\u{200B}自评报告"),
            "2024年度某局自评报告"
        );
    }

    #[test]
    fn an_explicit_break_is_kept() {
        assert_eq!(
            broken("2024年度湖南省某某某某某某某某某中心\n整体支出\u{200B}绩效自评报告"),
            "2024年度湖南省某某某某某某某某某中心\n整体支出绩效自评报告"
        );
    }

    #[test]
    fn without_a_fitting_break_the_longer_line_is_kept_shortest() {
        let long = "很长的单位名称".repeat(4);
        let title = format!("2024年度\u{200B}{long}\u{200B}整体支出绩效自评报告");
        assert_eq!(
            broken(&title),
            format!("2024年度{long}\n整体支出绩效自评报告")
        );
    }

    #[test]
    fn a_long_title_without_marks_is_left_to_the_reader() {
        let title = "一个没有断行标记的很长很长很长很长很长很长的报告标题";
        assert_eq!(broken(title), title);
    }
}

//! The list of attachments after the body, laid out as GB/T 9704-2012
//! wants it (附件说明): one blank line below the body, “附件：” two characters
//! in, then the attachments one a line, each number under the first
//! attachment's number and a name that wraps under its own first character;
//! the whole kept on the page of the body's last lines.
//!
//! Each line of the paragraph (a `\n` in its text) becomes a paragraph of
//! its own, with a hanging indent measured from its leading number (“1、”,
//! “2.”).

use super::geometry::CHARACTER_SPACING;
use super::markup::Markup;
use super::styles::{Direct, Format};
use crate::document::Inline;
use crate::document::columns::half_widths;

/// A 3号 character on the body's grid, in twips.
const CHARACTER: i32 = 320 + CHARACTER_SPACING;
/// A half-width character (a digit) on the grid.
const HALF: i32 = 160 + CHARACTER_SPACING;
/// “附件：” is two characters in.
const INDENT: i32 = 2 * CHARACTER;
/// The width of “附件：”.
const LEAD: i32 = 3 * CHARACTER;

/// Writes the list `content`.
pub(super) fn write(markup: &mut Markup, content: &[Inline]) {
    let blank = Direct {
        keep_next: true,
        ..Direct::default()
    };
    Format::BODY.write_paragraph_with(markup, &[], blank);
    let lines = indented_lines(content);
    let count = lines.len();
    for (i, (line, indent)) in lines.iter().enumerate() {
        let direct = Direct {
            keep_next: i + 1 < count,
            hanging: Some((indent.left, indent.hanging)),
            ..Direct::default()
        };
        Format::ATTACHMENT_LIST.write_paragraph_with(markup, line, direct);
    }
}

/// Where a line of the list sits, in twips: its left indent (where a
/// wrapped name continues) and how far its first line hangs out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Indent {
    pub left: i32,
    pub hanging: i32,
}

/// The lines of the list `content`, each with its indents: every writer
/// lays the list out by these.
pub(crate) fn indented_lines(content: &[Inline]) -> Vec<(Vec<Inline>, Indent)> {
    lines(content)
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let number = number_width(&line);
            let hanging = if i == 0 { LEAD + number } else { number };
            let left = INDENT + LEAD + number;
            (line, Indent { left, hanging })
        })
        .collect()
}

/// `content` cut at each line break.
fn lines(content: &[Inline]) -> Vec<Vec<Inline>> {
    let mut lines = vec![Vec::new()];
    for inline in content {
        for (i, piece) in inline.text.split('\n').enumerate() {
            if i > 0 {
                lines.push(Vec::new());
            }
            if !piece.is_empty() {
                let last = lines.last_mut().expect("one line at least");
                last.push(Inline {
                    text: piece.to_owned(),
                    bold: inline.bold,
                });
            }
        }
    }
    lines.retain(|line| !line.is_empty());
    lines
}

/// The width in twips of the number a line starts with (after “附件：” on
/// the first): its digits and the sign after them (“、”, “.”).
fn number_width(line: &[Inline]) -> i32 {
    let text: String = line.iter().map(|i| i.text.as_str()).collect();
    let text = text.trim_start().trim_start_matches("附件：").trim_start();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 {
        return 0;
    }
    let sign = text
        .chars()
        .nth(digits)
        .filter(|c| matches!(c, '、' | '.' | '．'))
        .map_or(0, |c| half_widths(c.encode_utf8(&mut [0; 4])) as i32);
    digits as i32 * HALF + sign / 2 * CHARACTER + sign % 2 * HALF
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hangings(text: &str) -> Vec<(i32, i32)> {
        let mut markup = Markup::new(1, 0);
        write(&mut markup, &[Inline::plain(text)]);
        let xml = markup.into_string();
        xml.match_indices("<w:ind ")
            .map(|(at, _)| {
                let attr = |name: &str| -> i32 {
                    let from = xml[at..].find(name).unwrap() + at + name.len() + 2;
                    let to = xml[from..].find('"').unwrap() + from;
                    xml[from..to].parse().unwrap()
                };
                (attr("w:left"), attr("w:hanging"))
            })
            .collect()
    }

    #[test]
    fn numbers_align_under_the_first_number_and_names_under_their_first_character() {
        let found = hangings("附件：1、基础数据表\n2、自评表\n10.项目表");
        let one = HALF + CHARACTER;
        let ten = 2 * HALF + HALF;
        assert_eq!(
            found,
            [
                (INDENT + LEAD + one, LEAD + one),
                (INDENT + LEAD + one, one),
                (INDENT + LEAD + ten, ten)
            ]
        );
        // The first line starts two characters in; every number starts
        // where the first one does.
        assert_eq!(found[0].0 - found[0].1, INDENT);
        assert_eq!(found[1].0 - found[1].1, INDENT + LEAD);
    }

    #[test]
    fn lines_without_numbers_and_empty_lines_are_written_plainly() {
        assert_eq!(hangings("附件：说明\n\n"), [(INDENT + LEAD, LEAD)]);
    }
}

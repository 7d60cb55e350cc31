//! Which characters a report may carry: the one policy that the facts file
//! (at load) and the rendered Markdown (before it becomes a document) are
//! both held to.
//!
//! Refused: the control characters other than tab and line feed (XML 1.0,
//! which a DOCX is written in, cannot carry most of them, and in a terminal
//! they are escape sequences), DEL and the C1 controls, the noncharacters
//! (U+FDD0–U+FDEF and every code point ending in FFFE or FFFF, which XML
//! forbids or discourages and no text needs), and the bidirectional embedding,
//! override and isolate controls, which can show a figure's digits in another
//! order than they are stored. A tab is kept: the DOCX writes it as a tab.

/// Why `c` cannot appear in a report, or `None` when it can.
pub fn refused(c: char) -> Option<&'static str> {
    let code = u32::from(c);
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some("控制字符"),
        '\u{fdd0}'..='\u{fdef}' => Some("非字符（noncharacter）"),
        _ if code & 0xfffe == 0xfffe => Some("非字符（noncharacter）"),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some("改变文字显示方向的控制字符"),
        _ => None,
    }
}

/// Whether `c` is one of the live preview's figure marks (U+E000 to
/// U+E02F, of the Private Use Area, which no report needs,
/// [`crate::render::filters::marks`]): a report may carry them, and they
/// take no room when a table's columns are measured.
pub fn is_figure_mark(c: char) -> bool {
    ('\u{E000}'..='\u{E02F}').contains(&c)
}

/// The first refused character of `text`: its character index (0-based),
/// the character and why.
pub fn first_refused(text: &str) -> Option<(usize, char, &'static str)> {
    text.chars()
        .enumerate()
        .find_map(|(i, c)| refused(c).map(|why| (i, c, why)))
}

/// `U+FFFE` for a message.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_passes() {
        for c in [
            'a', '中', '，', '%', '‰', '㈠', '⑴', ' ', '\u{3000}', '\t', '\n', '😀',
        ] {
            assert_eq!(refused(c), None, "{c:?}");
        }
        assert_eq!(first_refused("湖南省\t2024年\n"), None);
    }

    #[test]
    fn controls_noncharacters_and_direction_overrides_are_refused() {
        for c in [
            '\u{0}',
            '\u{1}',
            '\u{b}',
            '\u{c}',
            '\r',
            '\u{1b}',
            '\u{7f}',
            '\u{85}',
            '\u{9b}',
            '\u{fdd0}',
            '\u{fdef}',
            '\u{fffe}',
            '\u{ffff}',
            '\u{1fffe}',
            '\u{10ffff}',
            '\u{202e}',
            '\u{2066}',
        ] {
            assert!(refused(c).is_some(), "{}", code_point(c));
        }
        assert_eq!(
            first_refused("ab\u{fffe}c"),
            Some((2, '\u{fffe}', "非字符（noncharacter）"))
        );
    }
}

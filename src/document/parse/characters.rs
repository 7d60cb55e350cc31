//! The report Markdown may carry only the characters a report can hold
//! ([`crate::characters`]): a template that writes a refused character,
//! literally or as a character reference (`&#xFFFE;`), stops here at its line,
//! before any writer sees it. Facts are held to the same policy at load.

use super::error::{ParseError, ParseErrorKind};
use crate::characters::refused;

/// The first refused character of `markdown`, with its line.
pub(super) fn check(markdown: &str) -> Result<(), ParseError> {
    for (i, line) in markdown.split('\n').enumerate() {
        // A carriage return ends a line (a template saved on Windows).
        let raw = line
            .chars()
            .find(|&c| c != '\r' && refused(c).is_some())
            .map(|c| (c, false));
        if let Some((c, by_reference)) = raw.or_else(|| referenced(line).map(|c| (c, true))) {
            return Err(ParseError::new(
                i + 1,
                ParseErrorKind::Character { c, by_reference },
            ));
        }
    }
    Ok(())
}

/// The first refused character written as `&#N;` or `&#xH;` in `line`.
fn referenced(line: &str) -> Option<char> {
    let mut rest = line;
    while let Some(start) = rest.find("&#") {
        rest = &rest[start + 2..];
        let (digits, radix) = match rest.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16),
            None => (rest, 10),
        };
        let end = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if digits[end..].starts_with(';') && end > 0 {
            let code = u32::from_str_radix(&digits[..end], radix).unwrap_or(u32::MAX);
            // A reference to no character at all (too large, a surrogate)
            // is shown as U+FFFD by the Markdown reader: refused as U+FFFF.
            let c = char::from_u32(code).unwrap_or('\u{ffff}');
            if code == 0 || refused(c).is_some() {
                return Some(if code == 0 { '\0' } else { c });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused_at(markdown: &str) -> Option<(usize, char)> {
        check(markdown).err().map(|e| match e.kind {
            ParseErrorKind::Character { c, .. } => (e.line, c),
            other => panic!("{other:?}"),
        })
    }

    #[test]
    fn ordinary_text_and_references_pass() {
        assert_eq!(
            refused_at("# 标题\r\n\r\n正文&#42;&#x2A;&amp;\t制表\n"),
            None
        );
        assert_eq!(refused_at("&#65; &#x4e2d; &#; &#x; &#12"), None);
    }

    #[test]
    fn raw_and_referenced_characters_are_refused_at_their_line() {
        assert_eq!(refused_at("一\n二\u{fffe}\n"), Some((2, '\u{fffe}')));
        assert_eq!(refused_at("一\n\n\u{1b}[31m"), Some((3, '\u{1b}')));
        assert_eq!(refused_at("a&#xFFFE;b"), Some((1, '\u{fffe}')));
        assert_eq!(refused_at("a&#XfFfF;b"), Some((1, '\u{ffff}')));
        assert_eq!(refused_at("x\na&#65534;"), Some((2, '\u{fffe}')));
        assert_eq!(refused_at("a&#x0000001b;"), Some((1, '\u{1b}')));
        assert_eq!(refused_at("a&#0;"), Some((1, '\0')));
        assert_eq!(refused_at("a&#xD800;"), Some((1, '\u{ffff}')));
        assert_eq!(refused_at("a&#99999999999;"), Some((1, '\u{ffff}')));
        assert_eq!(refused_at("a&#x202E;"), Some((1, '\u{202e}')));
    }
}

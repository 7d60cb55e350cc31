//! Text as HTML: the one way any text reaches the page, so that nothing
//! from the facts or the templates is ever read as markup.

/// What a character HTML should not carry is written as.
const REPLACEMENT: &str = "\u{FFFD}";

/// Appends `text` to `out` as HTML text, fit both for element content and
/// for a quoted attribute value: `& < > " '` as character references, and
/// control characters other than tab and line feed (which an HTML parser
/// reports as errors) as U+FFFD.
pub fn escape(text: &str, out: &mut String) {
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' => continue,
            c if c.is_control() => REPLACEMENT,
            _ => continue,
        };
        out.push_str(&text[start..at]);
        out.push_str(replacement);
        start = at + c.len_utf8();
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape(text, &mut out);
        out
    }

    #[test]
    fn markup_characters_become_references() {
        assert_eq!(
            escaped(r#"<script>alert('1' & "2")</script>"#),
            "&lt;script&gt;alert(&#39;1&#39; &amp; &quot;2&quot;)&lt;/script&gt;"
        );
    }

    #[test]
    fn a_reference_in_the_text_stays_text() {
        assert_eq!(escaped("&amp; &#60;"), "&amp;amp; &amp;#60;");
    }

    #[test]
    fn chinese_text_and_line_ends_pass_unchanged() {
        assert_eq!(escaped("执行率96.46%\n⑴"), "执行率96.46%\n⑴");
    }

    #[test]
    fn control_characters_are_replaced() {
        assert_eq!(
            escaped("a\u{0}b\u{1b}c\u{85}d\te"),
            format!("a{REPLACEMENT}b{REPLACEMENT}c{REPLACEMENT}d\te")
        );
    }
}

//! 自动转义：让用户文本在 Markdown 段落和 Markdown 中的 HTML 表格单元格里都按原文显示。
//!
//! ```text
//! {{ indicator.name }}   "A&B *重点* | 项目"  →  A&#38;B &#42;重点&#42; &#124; 项目
//! {{ remark }}           "第一行\n第二行"      →  第一行<br>第二行
//! {{ heading | safe }}   不转义
//! ```
//!
//! 可能构成 Markdown 或 HTML 标记的字符换成数字字符引用 `&#N;`：CommonMark
//! 把字符引用解码成字面字符，且从不把它当作标记；HTML 块里的引用由浏览器或 DOCX
//! 转换器解码。换行换成 `<br>`，因为空行会提前结束 HTML 块。
//! 文本开头若可能被读成列表、标题下划线、缩进代码等块标记，开头那个字符也换成引用，
//! 例如 `"1. 完成"` → `1&#46; 完成`；`"-12.50"` 这样的负数不受影响。

use std::io;

/// 在文本任何位置都要转义的字符。
const MARKUP: [char; 18] = [
    '&', '<', '>', '"', '\'', '\\', '`', '*', '_', '[', ']', '#', '|', '~', '{', '}', '^', '$',
];
/// 按字节查的要替换的字符：[`MARKUP`] 和换行符。
const ESCAPED: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\r' as usize] = true;
    table[b'\n' as usize] = true;
    let mut i = 0;
    while i < MARKUP.len() {
        table[MARKUP[i] as usize] = true;
        i += 1;
    }
    table
};
/// 出现在文本开头时可能开启块结构的符号（后面紧跟数字时除外，如负数）。
const BLOCK_SIGNS: [char; 4] = ['-', '+', '=', ':'];
const LINE_BREAK: &str = "<br>";

/// 转义一段用户文本，供 Markdown 段落与 HTML 单元格共用。
pub fn escape_markdown(input: &str) -> String {
    let mut escaped = Vec::with_capacity(input.len() + input.len() / 4);
    write_escaped_markdown(input, &mut escaped).expect("写入内存不会失败");
    String::from_utf8(escaped).expect("只在 ASCII 字符处替换，仍是 UTF-8")
}

/// [`escape_markdown`] 的 `tera::EscapeFn` 形式，供 `Tera::set_escape_fn` 使用：
/// 不需转义的一段原样整段写出。要转义的字符都是 ASCII，UTF-8 多字节字符的
/// 任何字节都不会被误认，所以可以逐字节查找。
pub fn write_escaped_markdown(input: &str, output: &mut dyn io::Write) -> io::Result<()> {
    let bytes = input.as_bytes();
    let mut copied = 0;
    if let Some(marker) = block_marker_at_start(input) {
        output.write_all(&bytes[..marker])?;
        write!(output, "&#{};", bytes[marker])?;
        copied = marker + 1;
    }
    while let Some(found) = bytes[copied..]
        .iter()
        .position(|&b| ESCAPED[usize::from(b)])
    {
        let at = copied + found;
        output.write_all(&bytes[copied..at])?;
        copied = at + 1;
        match bytes[at] {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => {}
            b'\r' | b'\n' => output.write_all(LINE_BREAK.as_bytes())?,
            byte => write!(output, "&#{byte};")?,
        }
    }
    output.write_all(&bytes[copied..])
}

/// 文本开头可能构成块标记的那个字符的字节位置：
/// `- `、`+ `、`===`、`: `、前导空白，或 `1. `、`2) ` 中的 `.` 与 `)`。
fn block_marker_at_start(input: &str) -> Option<usize> {
    let mut chars = input.chars();
    let first = chars.next()?;
    let followed_by_digit = chars.next().is_some_and(|c| c.is_ascii_digit());
    if first == ' ' || first == '\t' || (BLOCK_SIGNS.contains(&first) && !followed_by_digit) {
        return Some(0);
    }
    let digits = input.bytes().take_while(u8::is_ascii_digit).count();
    let mut after_digits = input[digits..].chars();
    let delimiter = after_digits.next()?;
    let ends_marker = after_digits.next().is_none_or(|c| c.is_ascii_whitespace());
    (digits > 0 && matches!(delimiter, '.' | ')') && ends_marker).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    const NASTY: &str = r#"A&B <table> {{ x }} | *b* _c_ [d](e) # f \ g ~h~ 'q' "r""#;

    /// 除会改写引号的 SMART_PUNCTUATION 外的全部扩展，覆盖项目可能开启的任何语法。
    fn every_extension() -> Options {
        Options::all() - Options::ENABLE_SMART_PUNCTUATION
    }

    /// 把 `markdown` 作为一个段落解析，还原读者看到的文字（软换行记作 `\n`）。
    fn paragraph_text(markdown: &str) -> String {
        let mut text = String::new();
        for event in Parser::new_ext(markdown, every_extension()) {
            match event {
                Event::Text(chunk) => text.push_str(&chunk),
                Event::InlineHtml(html) if html.as_ref() == LINE_BREAK => text.push('\n'),
                Event::SoftBreak => text.push('\n'),
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => panic!("转义后的文本产生了标记 {other:?}：{markdown}"),
            }
        }
        text
    }

    /// 把 `cell` 放进 HTML 表格单元格，取回 HTML 块的原始内容。
    fn html_cell_source(cell: &str) -> String {
        let markdown = format!("<table><tr><td>{cell}</td></tr></table>");
        let mut html = String::new();
        for event in Parser::new_ext(&markdown, every_extension()) {
            match event {
                Event::Html(chunk) => html.push_str(&chunk),
                Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock) => {}
                other => panic!("HTML 块外出现了 {other:?}：{markdown}"),
            }
        }
        let inner = html.trim_end().strip_prefix("<table><tr><td>");
        inner
            .and_then(|rest| rest.strip_suffix("</td></tr></table>"))
            .unwrap()
            .to_owned()
    }

    /// 转义结果的组成：字面字符，或由 `&#N;`、`<br>` 表示的字符。
    enum Piece {
        Literal(char),
        Reference(char),
    }

    fn pieces(escaped: &str) -> Vec<Piece> {
        let mut pieces = Vec::new();
        let mut rest = escaped;
        while let Some(c) = rest.chars().next() {
            if let Some(after) = rest.strip_prefix(LINE_BREAK) {
                pieces.push(Piece::Reference('\n'));
                rest = after;
            } else if let Some(after) = rest.strip_prefix("&#") {
                let (code, after) = after.split_once(';').unwrap();
                pieces.push(Piece::Reference(
                    char::from_u32(code.parse().unwrap()).unwrap(),
                ));
                rest = after;
            } else {
                pieces.push(Piece::Literal(c));
                rest = &rest[c.len_utf8()..];
            }
        }
        pieces
    }

    /// 测试用的 HTML 实体解码：只需认识本模块产生的两种引用。
    fn decode(escaped: &str) -> String {
        pieces(escaped)
            .into_iter()
            .map(|piece| match piece {
                Piece::Literal(c) | Piece::Reference(c) => c,
            })
            .collect()
    }

    fn literal_markup(escaped: &str) -> Vec<char> {
        pieces(escaped)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Literal(c) if MARKUP.contains(&c) || c == '\n' || c == '\r' => Some(c),
                _ => None,
            })
            .collect()
    }

    fn line_breaks_as_newlines(text: &str) -> String {
        text.replace("\r\n", "\n").replace('\r', "\n")
    }

    #[test]
    fn replaces_markup_with_character_references() {
        let escaped = escape_markdown(NASTY);
        assert!(literal_markup(&escaped).is_empty(), "{escaped}");
        assert!(escaped.starts_with("A&#38;B &#60;table&#62; &#123;&#123; x &#125;&#125; &#124; "));
        assert_eq!(decode(&escaped), NASTY);
    }

    #[test]
    fn nasty_text_reads_back_unchanged_in_a_paragraph() {
        assert_eq!(paragraph_text(&escape_markdown(NASTY)), NASTY);
    }

    #[test]
    fn nasty_text_reads_back_unchanged_in_an_html_cell() {
        assert_eq!(decode(&html_cell_source(&escape_markdown(NASTY))), NASTY);
    }

    #[test]
    fn line_breaks_become_br_and_stay_inside_the_html_block() {
        let text = "第一行\n\n第二行\r\n第三行\r第四行";
        let escaped = escape_markdown(text);
        assert_eq!(escaped, "第一行<br><br>第二行<br>第三行<br>第四行");
        assert_eq!(paragraph_text(&escaped), line_breaks_as_newlines(text));
        assert_eq!(
            decode(&html_cell_source(&escaped)),
            line_breaks_as_newlines(text)
        );
    }

    #[test]
    fn block_markers_at_the_start_are_neutralised() {
        let cases = [
            ("1. 完成", "1&#46; 完成"),
            ("12) 完成", "12&#41; 完成"),
            ("3.", "3&#46;"),
            ("- 完成", "&#45; 完成"),
            ("+ 完成", "&#43; 完成"),
            ("---", "&#45;--"),
            ("===", "&#61;=="),
            (": 释义", "&#58; 释义"),
            ("    代码", "&#32;   代码"),
            (" 1. 完成", "&#32;1. 完成"),
            ("\t2", "&#9;2"),
        ];
        for (text, expected) in cases {
            assert_eq!(escape_markdown(text), expected);
            let after_paragraph = format!("上一行\n{}", escape_markdown(text));
            assert_eq!(paragraph_text(&after_paragraph), format!("上一行\n{text}"));
        }
    }

    #[test]
    fn numbers_and_plain_text_are_left_readable() {
        for text in [
            "12,345.60",
            "-5983.40",
            "96.46%",
            "—",
            "≥2.5万人次",
            "（一）",
            "1、",
            "(21)",
            "2024.5 亿",
        ] {
            assert_eq!(escape_markdown(text), text);
        }
    }

    #[test]
    fn writes_through_the_tera_escape_fn_signature() {
        let escape: tera::EscapeFn = write_escaped_markdown;
        let mut output = Vec::new();
        escape("a|b", &mut output).unwrap();
        assert_eq!(output, b"a&#124;b");
    }

    /// 含全部特殊字符的任意文本，至少有一个非空白字符。
    fn user_text() -> impl Strategy<Value = String> {
        let visible = r"a-z0-9中文&<>'\x22\\`*_\[\]#|~{}^$.)(+=:!%-";
        let pattern = format!("[ \t\n\r{visible}]{{0,20}}[{visible}][ \t\n\r{visible}]{{0,20}}");
        proptest::string::string_regex(&pattern).unwrap()
    }

    proptest! {
        #[test]
        fn any_text_reads_back_unchanged(text in user_text()) {
            let escaped = escape_markdown(&text);
            let expected = line_breaks_as_newlines(&text);
            prop_assert!(literal_markup(&escaped).is_empty());
            prop_assert_eq!(decode(&html_cell_source(&escaped)), expected.clone());
            // 段落末尾的空白本就不显示。
            let shown = paragraph_text(&escaped);
            prop_assert_eq!(shown.trim_end_matches([' ', '\t']), expected.trim_end_matches([' ', '\t']));
        }
    }
}

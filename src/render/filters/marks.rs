//! Figure marks: which text of the report is which figure, for the live
//! preview (`jixiao serve`); a build never asks for them, and the files it
//! writes never carry them.
//!
//! The preview renders the report a second time with a marking context and
//! these filters ([`register`]):
//!
//! 1. the context ([`crate::render::context::marked_context`]) gives every
//!    figure's value a *tag* after it: `"5983.4"` + `U+E010 17 U+E011`, 17
//!    being the figure's place in [`crate::compute::Figures`] (written in
//!    digits of its own, U+E020 to U+E02F);
//! 2. the figure filters (`money`, `percent`, `score`) read the value
//!    without its tag and wrap what they print in a *mark*:
//!    `U+E000 17 U+E001` `5983.40` `U+E002`; a figure printed without a filter
//!    (`{{ x }}`) is marked by the escaping function; every other filter reads
//!    the value without its tag and marks nothing;
//! 3. [`strip`] removes the marks; the marked report is used only when
//!    that gives back, character for character, the report rendered as
//!    usual. A template that uses a figure in some other way (a comparison,
//!    a built-in filter, `| safe`) leaves a tag or a changed text behind, and
//!    the preview falls back to the unmarked report, without links;
//! 4. the marks pass through the Markdown reader and the HTML writer as
//!    text, and [`replace`] turns each into an element around the figure's
//!    text, where open and close are in one text node of the HTML.
//!
//! Tags and marks, their indices included, are made of the characters of
//! [`is_figure_mark`] (of the Private Use Area, which no report needs; they
//! take no room in a table's column widths); a report whose own text has
//! any of them is not marked at all ([`has_mark_characters`]).

use std::io;

use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::escape::write_escaped_markdown;

use crate::characters::is_figure_mark;

const TAG_OPEN: char = '\u{E010}';
const TAG_CLOSE: char = '\u{E011}';
const MARK_OPEN: char = '\u{E000}';
const MARK_TEXT: char = '\u{E001}';
const MARK_CLOSE: char = '\u{E002}';
/// The first of the sixteen digits an index is written in (hexadecimal),
/// so that every character a mark adds is a mark character.
const DIGIT_ZERO: u32 = 0xE020;

/// Whether `text` holds any character that tags or marks are made of.
pub fn has_mark_characters(text: &str) -> bool {
    text.chars().any(is_figure_mark)
}

/// `index` in mark digits.
fn digits(index: usize) -> String {
    format!("{index:x}")
        .bytes()
        .map(|b| {
            let d = char::from(b).to_digit(16).expect("hexadecimal digit");
            char::from_u32(DIGIT_ZERO + d).expect("a Private Use Area character")
        })
        .collect()
}

/// The index written in mark digits, if `text` is one.
fn index_of(text: &str) -> Option<usize> {
    if text.is_empty() || text.chars().count() > 8 {
        return None;
    }
    text.chars().try_fold(0usize, |n, c| {
        let d = u32::from(c).checked_sub(DIGIT_ZERO).filter(|&d| d < 16)?;
        Some(n * 16 + d as usize)
    })
}

/// `value` tagged as the figure at `index`.
pub fn tag(value: &str, index: usize) -> String {
    format!("{value}{TAG_OPEN}{}{TAG_CLOSE}", digits(index))
}

/// A text ending in one tag: the text before it and the tag's index.
fn untag(text: &str) -> Option<(&str, usize)> {
    let body = text.strip_suffix(TAG_CLOSE)?;
    let (value, index) = body.rsplit_once(TAG_OPEN)?;
    if has_mark_characters(value) {
        return None;
    }
    Some((value, index_of(index)?))
}

/// `value` without its tag, and the tag's index.
fn untag_value(value: &Value) -> (Option<Value>, Option<usize>) {
    match value.as_str().and_then(untag) {
        Some((text, index)) => (Some(Value::from(text)), Some(index)),
        None => (None, None),
    }
}

fn marked(index: usize, text: &str) -> String {
    format!("{MARK_OPEN}{}{MARK_TEXT}{text}{MARK_CLOSE}", digits(index))
}

type FigureFilter = fn(&Value, Kwargs, &State) -> TeraResult<String>;

/// A figure filter that reads its value without the tag and marks its output.
fn marking(filter: FigureFilter) -> impl Fn(&Value, Kwargs, &State) -> TeraResult<String> {
    move |value: &Value, kwargs: Kwargs, state: &State| {
        let (untagged, index) = untag_value(value);
        let text = filter(untagged.as_ref().unwrap_or(value), kwargs, state)?;
        Ok(match index {
            Some(index) => marked(index, &text),
            None => text,
        })
    }
}

/// Any other filter: reads its value without the tag, marks nothing.
fn untagging<R>(
    filter: fn(&Value, Kwargs, &State) -> TeraResult<R>,
) -> impl Fn(&Value, Kwargs, &State) -> TeraResult<R> {
    move |value: &Value, kwargs: Kwargs, state: &State| {
        let (untagged, _) = untag_value(value);
        filter(untagged.as_ref().unwrap_or(value), kwargs, state)
    }
}

/// Registers the marking filters and escaping over those of
/// [`super::register`], which must have run first.
pub fn register(tera: &mut Tera) {
    tera.register_filter("money", marking(super::money::money));
    tera.register_filter("percent", marking(super::percent::percent));
    tera.register_filter("score", marking(super::score::score));
    tera.register_filter("ordinal", untagging(super::ordinal::ordinal));
    tera.register_filter("target", untagging(super::target::target));
    tera.register_filter("dash", untagging(super::dash::dash));
    tera.register_filter("inline_items", untagging(super::items::inline_items));
    tera.register_filter("sentence", untagging(super::sentence::sentence));
    tera.register_filter("overspent", untagging(super::overspent::overspent));
    tera.set_escape_fn(write_escaped_marked);
}

/// The Markdown escaping of a printed value; a tagged figure is escaped
/// without its tag and marked.
fn write_escaped_marked(input: &str, output: &mut dyn io::Write) -> io::Result<()> {
    match untag(input) {
        Some((text, index)) => {
            write!(output, "{MARK_OPEN}{}{MARK_TEXT}", digits(index))?;
            write_escaped_markdown(text, output)?;
            write!(output, "{MARK_CLOSE}")
        }
        None => write_escaped_markdown(input, output),
    }
}

/// One mark found in a text: where it starts and ends (bytes), the figure's
/// index and the marked text's range.
struct Mark {
    start: usize,
    end: usize,
    index: usize,
    text: std::ops::Range<usize>,
}

/// The well-formed marks of `text`, in order: an opening, digits, the text
/// (with no mark character and none of `forbidden`), the closing.
fn marks<'a>(text: &'a str, forbidden: &'a [char]) -> impl Iterator<Item = Mark> + 'a {
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(found) = text[from..].find(MARK_OPEN) {
            let start = from + found;
            from = start + MARK_OPEN.len_utf8();
            let rest = &text[from..];
            let Some(digits_end) = rest.find(MARK_TEXT) else {
                continue;
            };
            let Some(index) = index_of(&rest[..digits_end]) else {
                continue;
            };
            let text_start = from + digits_end + MARK_TEXT.len_utf8();
            let Some(close) = text[text_start..].find(MARK_CLOSE) else {
                continue;
            };
            let inner = &text[text_start..text_start + close];
            if has_mark_characters(inner) || inner.contains(forbidden) {
                continue;
            }
            let end = text_start + close + MARK_CLOSE.len_utf8();
            from = end;
            return Some(Mark {
                start,
                end,
                index,
                text: text_start..text_start + close,
            });
        }
        None
    })
}

/// `marked` without its marks and tags: what the report says.
pub fn strip(marked: &str) -> String {
    marked.chars().filter(|&c| !is_figure_mark(c)).collect()
}

/// `html` with each well-formed mark whose text holds no `<` or `>` made
/// into `open(index)` + text + `close`; `open` returning `None` and any
/// other mark character leave just the text.
pub fn replace(html: &str, open: impl Fn(usize) -> Option<String>, close: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 4);
    let mut copied = 0;
    for mark in marks(html, &['<', '>']) {
        out.push_str(&strip(&html[copied..mark.start]));
        let text = &html[mark.text.clone()];
        match open(mark.index) {
            Some(open) => {
                out.push_str(&open);
                out.push_str(text);
                out.push_str(close);
            }
            None => out.push_str(text),
        }
        copied = mark.end;
    }
    out.push_str(&strip(&html[copied..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn marking_tera(template: &str) -> Tera {
        let mut tera = Tera::default();
        super::super::register(&mut tera);
        register(&mut tera);
        tera.add_raw_template("t.md", template).unwrap();
        tera
    }

    fn plain_tera(template: &str) -> Tera {
        let mut tera = Tera::default();
        super::super::register(&mut tera);
        tera.add_raw_template("t.md", template).unwrap();
        tera
    }

    fn contexts(values: &[(&str, &str)]) -> (Context, Context) {
        let mut plain = Context::new();
        let mut tagged = Context::new();
        for context in [&mut plain, &mut tagged] {
            context.insert(
                "rounding",
                &serde_json::json!({"mode": "四舍五入", "money": 2, "rate": 2, "score": 2}),
            );
        }
        for (i, (key, value)) in values.iter().enumerate() {
            plain.insert(key.to_string(), value);
            tagged.insert(key.to_string(), &tag(value, i));
        }
        (plain, tagged)
    }

    const TEMPLATE: &str = "预算 {{ a | money }} 万元，执行率 {{ b | percent }}，\
        得分 {{ c | score }}，人数 {{ d }}{% if e | overspent %}，超支 {{ e | money(abs=true) }}{% endif %}。";

    #[test]
    fn every_printed_figure_is_marked_and_stripping_gives_the_plain_report() {
        let (plain, tagged) = contexts(&[
            ("a", "5983.4"),
            ("b", "96.456"),
            ("c", "9.645"),
            ("d", "51"),
            ("e", "-2.5"),
        ]);
        let expected = plain_tera(TEMPLATE).render("t.md", &plain).unwrap();
        let marked = marking_tera(TEMPLATE).render("t.md", &tagged).unwrap();
        assert_eq!(strip(&marked), expected);
        let spans = replace(&marked, |i| Some(format!("<{i}>")), "</>");
        assert_eq!(
            spans,
            "预算 <0>5983.40</> 万元，执行率 <1>96.46%</>，得分 <2>9.65</>，人数 <3>51</>，超支 <4>2.50</>。"
        );
    }

    #[test]
    fn a_figure_used_otherwise_leaves_a_difference_behind() {
        for template in [
            "{{ a | safe }}",
            "{% if a == \"5\" %}五{% endif %}",
            "{{ a | length }}",
            "{{ a ~ \"万元\" }}",
        ] {
            let (plain, tagged) = contexts(&[("a", "5")]);
            let expected = plain_tera(template).render("t.md", &plain).unwrap();
            // The render fails, or stripping does not give the report (the
            // preview falls back), or the figure is left with its text only.
            if let Ok(marked) = marking_tera(template).render("t.md", &tagged)
                && strip(&marked) == expected
            {
                assert_eq!(replace(&marked, |_| None, "</>"), expected, "{template}");
                assert!(!replace(&marked, |i| Some(format!("<{i}>")), "</>").contains("<0>"));
            }
        }
    }

    #[test]
    fn malformed_or_crossing_marks_leave_only_text() {
        let m = |i: usize, t: &str| marked(i, t);
        let html = format!(
            "<p>{}</p><td>{}</td>{}x{MARK_CLOSE}{MARK_OPEN}y{MARK_TEXT}z{MARK_CLOSE}3",
            m(1, "a"),
            m(2, "b</td><td>c"),
            m(3, &format!("{TAG_OPEN}")),
        );
        let out = replace(&html, |i| (i != 9).then(|| format!("<s{i}>")), "</s>");
        assert_eq!(out, "<p><s1>a</s></p><td>b</td><td>c</td>xyz3");
        assert_eq!(replace(&m(9, "t"), |_| None, "</s>"), "t");
    }

    /// Each bundled unit's report is marked whole: stripped, it is the
    /// report; and every mark names a figure whose value is what it prints
    /// (rounded by the file's rule as printed; an overspent amount without
    /// its sign).
    #[test]
    fn the_bundled_reports_mark_each_figure_with_its_own_value() {
        use crate::compute::Value as Figure;
        use crate::render::{Templates, markdown};
        use rust_decimal::Decimal;
        let plain_templates = Templates::load(None).unwrap();
        let marking_templates = Templates::load_marking(None).unwrap();
        for data in ["data/2024.yaml", "data/examples/sample-county-2024.yaml"] {
            let analysis = crate::analyse_file(std::path::Path::new(data)).unwrap();
            let rule = analysis.loaded.facts.rules.rounding;
            let plain = markdown(&analysis, &plain_templates).unwrap();
            let marked = markdown(&analysis, &marking_templates).unwrap();
            assert!(!has_mark_characters(&plain));
            assert_eq!(strip(&marked), plain, "{data}");
            let found: Vec<Mark> = marks(&marked, &[]).collect();
            assert!(found.len() > 200, "{data}: {} marks", found.len());
            for mark in found {
                let printed = &marked[mark.text];
                let figure = analysis.figures.at(mark.index).unwrap();
                match &figure.value {
                    Figure::Number(value) => {
                        let digits = printed.trim_end_matches('%').replace(',', "");
                        let shown = Decimal::from_str_exact(&digits)
                            .unwrap_or_else(|_| panic!("{}: {printed}", figure.name));
                        let rounded = rule.to_places(*value, shown.scale());
                        assert_eq!(shown.abs(), rounded.abs(), "{}: {printed}", figure.name);
                    }
                    Figure::Text(text) => assert_eq!(printed, text, "{}", figure.name),
                    Figure::Missing => panic!("{}: a missing figure is not marked", figure.name),
                }
            }
        }
    }

    #[test]
    fn user_text_with_mark_characters_is_seen() {
        assert!(has_mark_characters("甲\u{E000}乙"));
        assert!(has_mark_characters("\u{E011}"));
        assert!(has_mark_characters("甲\u{E02F}乙"));
        assert!(!has_mark_characters("甲\u{E030}乙\u{F8FF}"));
        assert_eq!(untag(&format!("1{TAG_OPEN}7{TAG_CLOSE}")), None);
        assert_eq!(untag(&tag("1", 0x1_0000_0000)), None);
        for index in [0, 9, 10, 255, 4096, 0xFFFF_FFFF] {
            assert_eq!(untag(&tag("1", index)), Some(("1", index)));
            assert!(!tag("", index).contains(|c| !is_figure_mark(c)));
        }
    }
}

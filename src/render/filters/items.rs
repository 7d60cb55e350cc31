//! `inline_items`：把一组条目写成一段话里的编号序列，如“⑴甲；⑵乙；⑶丙。”。
//!
//! ```text
//! {{ s.achievements | inline_items(style="⑴") }}   ["甲", "乙。", "丙"] → ⑴甲；⑵乙。⑶丙。
//! {{ goals.expected | inline_items(style="1") }}    ["甲", "乙"]        → 1.甲；2.乙。
//! ```
//!
//! 条目已以标点（。；！？，：）结尾时照原样接续；否则中间的条目后加“；”，
//! 最后一条后加“。”。`style` 与 `ordinal` 相同；空列表得到空文本。

use tera::{Kwargs, State, TeraResult, Value};

use super::ordinal::marker;
use super::{filter_error, kwargs};

const FILTER: &str = "inline_items";
pub(super) const ENDINGS: [char; 10] = ['。', '；', '！', '？', '，', '：', ';', '!', '?', '.'];

pub(super) fn inline_items(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &["style"])?;
    let style = kwargs::text(FILTER, &kwargs, "style")?;
    let items = value
        .as_array()
        .ok_or_else(|| filter_error(FILTER, format!("应为文本列表，收到 {value}")))?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let text = item
            .as_str()
            .ok_or_else(|| filter_error(FILTER, format!("列表中的第 {} 项不是文本", i + 1)))?
            .trim();
        out.push_str(&marker(i as u32 + 1, style)?);
        out.push_str(text);
        if !text.ends_with(ENDINGS) {
            out.push(if i + 1 == items.len() { '。' } else { '；' });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::super::testing::apply;
    use super::*;

    fn run(items: &[&str], style: &str) -> String {
        let list: Vec<Value> = items.iter().map(|s| Value::from(*s)).collect();
        apply(
            inline_items,
            Value::from(list),
            Kwargs::from([("style", style.into())]),
        )
        .unwrap()
    }

    #[test]
    fn items_are_numbered_and_punctuated() {
        assert_eq!(run(&["甲", "乙。", "丙"], "⑴"), "⑴甲；⑵乙。⑶丙。");
        assert_eq!(run(&["甲", "乙"], "1"), "1.甲；2.乙。");
        assert_eq!(run(&[], "⑴"), "");
    }

    #[test]
    fn a_non_list_is_an_error() {
        let err = apply(
            inline_items,
            Value::from("x"),
            Kwargs::from([("style", "⑴".into())]),
        );
        assert!(err.is_err());
    }
}

//! `sentence`：把作者的一句文字（如偏差原因）写进正文段落，句末没有标点时补“。”。
//!
//! ```text
//! {{ p.deviation | sentence }}   "工程延期"    → 工程延期。
//! {{ p.deviation | sentence }}   "工程延期。"  → 工程延期。
//! ```
//!
//! 表格单元格里照录原文（不补句号）；正文中接在其他文字之后的原因说明用本过滤器。
//! 已以标点（。；！？，：）结尾的照原样输出；空文本得到空文本。

use tera::{Kwargs, State, TeraResult, Value};

use super::items::ENDINGS;
use super::{filter_error, kwargs};

const FILTER: &str = "sentence";

pub(super) fn sentence(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &[])?;
    let text = value
        .as_str()
        .ok_or_else(|| filter_error(FILTER, format!("应为文本，收到 {value}")))?
        .trim();
    if text.is_empty() || text.ends_with(ENDINGS) {
        Ok(text.to_string())
    } else {
        Ok(format!("{text}。"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::apply;
    use super::*;

    fn run(text: &str) -> String {
        apply(sentence, Value::from(text), Kwargs::default()).unwrap()
    }

    #[test]
    fn a_full_stop_is_added_only_when_missing() {
        assert_eq!(run("工程延期"), "工程延期。");
        assert_eq!(run("工程延期。"), "工程延期。");
        assert_eq!(run(" 工程延期；"), "工程延期；");
        assert_eq!(run(""), "");
    }

    #[test]
    fn a_non_text_is_an_error() {
        assert!(apply(sentence, Value::from(3), Kwargs::default()).is_err());
    }
}

//! `dash`：原样输出值，值缺失或为空白文本时输出 `—`。
//!
//! ```text
//! {{ indicator.remark | dash }}   "已完成" → 已完成
//! {{ indicator.remark | dash }}   ""       → —
//! {{ indicator.missing | dash }}  none     → —
//! ```

use tera::{Kwargs, State, TeraResult, Value};

use super::{MISSING, kwargs};

const FILTER: &str = "dash";

pub(super) fn dash(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    kwargs::expect_only(FILTER, &kwargs, &[])?;
    let blank = match value.as_str() {
        Some(text) => text.trim().is_empty(),
        None => value.is_none() || value.is_undefined(),
    };
    Ok(if blank {
        Value::from(MISSING)
    } else {
        value.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::apply;

    fn format(value: impl Into<Value>) -> String {
        apply(dash, value, Kwargs::default()).unwrap().to_string()
    }

    #[test]
    fn blanks_become_a_dash() {
        assert_eq!(format(""), "—");
        assert_eq!(format("  \n"), "—");
        assert_eq!(format(Value::none()), "—");
        assert_eq!(format(Value::undefined()), "—");
    }

    #[test]
    fn other_values_pass_through() {
        assert_eq!(format("已完成"), "已完成");
        assert_eq!(format("6078.91"), "6078.91");
        assert_eq!(format(0), "0");
        assert_eq!(format(false), "false");
    }

    #[test]
    fn keeps_the_safety_of_strings() {
        let safe = Value::safe_string("<b>x</b>");
        assert!(apply(dash, safe, Kwargs::default()).unwrap().is_safe());
        assert!(
            !apply(dash, "<b>x</b>", Kwargs::default())
                .unwrap()
                .is_safe()
        );
    }
}

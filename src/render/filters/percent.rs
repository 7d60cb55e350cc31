//! `percent`：百分数（模板里的数已是百分数本身，`"96.46"` 表示 96.46%）。
//!
//! ```text
//! {{ rate.execution | percent }}             "96.456" → 96.46%
//! {{ rate.execution | percent(trim=true) }}  "100.00" → 100%
//! {{ rate.execution | percent(dp=1) }}       "96.46"  → 96.5%
//! {{ rate.missing | percent }}               none     → —
//! ```
//!
//! 默认按上下文的舍入规则（事实文件的 `rules.rounding`，默认四舍五入）保留其比率
//! 位数（默认 2 位）；`dp=N` 按同一舍入方式保留 N 位；`trim=true` 去掉舍入后
//! 小数末尾的 0。

use tera::{Kwargs, State, TeraResult, Value};

use super::{MISSING, figure, kwargs, rounding};
use crate::rounding::Measure;

const FILTER: &str = "percent";

pub(super) fn percent(value: &Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &["dp", "trim"])?;
    let rule = rounding::read(FILTER, state)?;
    let places = kwargs::places(FILTER, &kwargs)?.unwrap_or(rule.places(Measure::Rate));
    let trimmed = kwargs::switch(FILTER, &kwargs, "trim")?;
    let Some(rate) = figure::read_optional(FILTER, value)? else {
        return Ok(MISSING.to_owned());
    };
    let rounded = rule.shown(rate, places);
    let shown = if trimmed {
        rounded.normalize()
    } else {
        rounded
    };
    Ok(format!("{shown}%"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::{apply, apply_under};
    use crate::rounding::{Mode, Rounding};

    fn format(value: impl Into<Value>, kwargs: Kwargs) -> String {
        apply(percent, value, kwargs).unwrap()
    }

    #[test]
    fn defaults_to_two_places_half_up() {
        assert_eq!(format("96.46", Kwargs::default()), "96.46%");
        assert_eq!(format("96.455", Kwargs::default()), "96.46%");
        assert_eq!(format("100", Kwargs::default()), "100.00%");
        assert_eq!(format("-3.5", Kwargs::default()), "-3.50%");
        assert_eq!(format(100, Kwargs::default()), "100.00%");
    }

    /// (rate, mode, rate places in the rule, trim, shown). A rate computed
    /// under the rule already has its places and is shown as it is.
    const UNDER_THE_RULE: [(&str, Mode, u32, bool, &str); 8] = [
        ("2.675", Mode::HalfUp, 2, false, "2.68%"),
        ("2.675", Mode::Truncate, 2, false, "2.67%"),
        ("96.45", Mode::HalfUp, 2, false, "96.45%"),
        ("96.45", Mode::Truncate, 2, false, "96.45%"),
        ("96.45", Mode::HalfUp, 1, false, "96.5%"),
        ("96.45", Mode::Truncate, 1, false, "96.4%"),
        ("99.999", Mode::Truncate, 2, true, "99.99%"),
        ("99.999", Mode::HalfUp, 0, true, "100%"),
    ];

    #[test]
    fn follows_the_rule_in_the_context() {
        for (rate, mode, places, trim, shown) in UNDER_THE_RULE {
            let rule = Rounding {
                rate: places,
                ..Rounding::with_mode(mode)
            };
            let kwargs = Kwargs::from([("trim", Value::from(trim))]);
            let got: String = apply_under(rule, percent, rate, kwargs).unwrap();
            assert_eq!(got, shown, "{rate} {mode:?} {places}");
        }
    }

    #[test]
    fn trim_removes_trailing_zeros() {
        let trim = |value: &str| format(value, Kwargs::from([("trim", Value::from(true))]));
        assert_eq!(trim("100.00"), "100%");
        assert_eq!(trim("23.50"), "23.5%");
        assert_eq!(trim("99.999"), "100%");
        assert_eq!(trim("0"), "0%");
    }

    #[test]
    fn places_can_be_chosen() {
        assert_eq!(
            format("96.46", Kwargs::from([("dp", Value::from(1))])),
            "96.5%"
        );
        assert_eq!(
            format("96.5", Kwargs::from([("dp", Value::from(0))])),
            "97%"
        );
    }

    #[test]
    fn missing_rates_show_a_dash() {
        assert_eq!(format(Value::none(), Kwargs::default()), "—");
        assert_eq!(format(Value::undefined(), Kwargs::default()), "—");
    }

    #[test]
    fn bad_input_is_a_named_error() {
        let error = apply(percent, "96.46%", Kwargs::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("percent") && error.contains("96.46%"),
            "{error}"
        );
        assert!(apply(percent, "1", Kwargs::from([("sep", Value::from(true))])).is_err());
    }
}

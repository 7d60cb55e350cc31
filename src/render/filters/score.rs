//! `score`：分值，按上下文的舍入规则（事实文件的 `rules.rounding`，默认四舍五入）
//! 至多保留其得分位数（默认 2 位）并去掉末尾的 0。
//!
//! ```text
//! {{ indicator.score | score }}   "15.00" → 15
//! {{ indicator.score | score }}   "27.20" → 27.2
//! {{ indicator.score | score }}   "9.645" → 9.65
//! {{ indicator.missing | score }} none    → —
//! ```

use tera::{Kwargs, State, TeraResult, Value};

use super::{MISSING, figure, kwargs, rounding};
use crate::rounding::Measure;

const FILTER: &str = "score";

pub(super) fn score(value: &Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &[])?;
    let rule = rounding::read(FILTER, state)?;
    Ok(match figure::read_optional(FILTER, value)? {
        Some(points) => rule.round(points, Measure::Score).normalize().to_string(),
        None => MISSING.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::{apply, apply_under};
    use crate::rounding::{Mode, Rounding};

    fn format(value: impl Into<Value>) -> String {
        apply(score, value, Kwargs::default()).unwrap()
    }

    #[test]
    fn drops_trailing_zeros_and_rounds_to_two_places() {
        assert_eq!(format("15"), "15");
        assert_eq!(format("15.00"), "15");
        assert_eq!(format("9.64"), "9.64");
        assert_eq!(format("27.20"), "27.2");
        assert_eq!(format("9.645"), "9.65");
        assert_eq!(format("9.644"), "9.64");
        assert_eq!(format("0"), "0");
        assert_eq!(format(20), "20");
    }

    /// (score, mode, score places in the rule, shown).
    const UNDER_THE_RULE: [(&str, Mode, u32, &str); 7] = [
        // 0.125: 0.13 half-up, 0.12 truncated; at 1 place 0.1 either way.
        ("0.125", Mode::HalfUp, 2, "0.13"),
        ("0.125", Mode::Truncate, 2, "0.12"),
        ("0.125", Mode::HalfUp, 1, "0.1"),
        ("9.645", Mode::Truncate, 2, "9.64"),
        ("9.5", Mode::HalfUp, 0, "10"),
        ("9.5", Mode::Truncate, 0, "9"),
        // A computed score already at its places is shown as it is.
        ("27.20", Mode::Truncate, 2, "27.2"),
    ];

    #[test]
    fn follows_the_rule_in_the_context() {
        for (points, mode, places, shown) in UNDER_THE_RULE {
            let rule = Rounding {
                score: places,
                ..Rounding::with_mode(mode)
            };
            let got: String = apply_under(rule, score, points, Kwargs::default()).unwrap();
            assert_eq!(got, shown, "{points} {mode:?} {places}");
        }
    }

    #[test]
    fn missing_scores_show_a_dash() {
        assert_eq!(format(Value::none()), "—");
        assert_eq!(format(Value::undefined()), "—");
    }

    #[test]
    fn bad_input_is_a_named_error() {
        let error = apply(score, "满分", Kwargs::default())
            .unwrap_err()
            .to_string();
        assert!(error.contains("score") && error.contains("满分"), "{error}");
        assert!(apply(score, "1", Kwargs::from([("dp", Value::from(1))])).is_err());
    }
}

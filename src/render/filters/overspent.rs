//! `overspent`：结余按舍入规则显示出来为负（实际支出超过预算）时为真，供模板写
//! “超支”而不是“结余-”。
//!
//! ```text
//! {% if basic.balance | overspent %}超支{{ basic.balance | money(abs=true) }}万元{% else %}年末结余{{ basic.balance | money }}万元{% endif %}
//! "-2.5" → true    "0" → false    "3.49" → false    none → false
//! ```
//!
//! 按显示出来的数判断：先按上下文的舍入规则（[`crate::rounding`]）舍到金额的位数
//! （或 `dp` 给出的位数，与 `money` 的同名参数一致），舍后为 0 的数不算超支，
//! 也不会显示为负。截断时 −0.005 万元显示为 0.00，是结余 0.00 万元而不是
//! “超支0.00万元”；四舍五入时显示为 −0.01，是超支 0.01 万元。缺失的数不算超支。

use tera::{Kwargs, State, TeraResult, Value};

use super::{figure, kwargs, rounding};
use crate::rounding::Measure;

const FILTER: &str = "overspent";

pub(super) fn overspent(value: &Value, kwargs: Kwargs, state: &State) -> TeraResult<bool> {
    kwargs::expect_only(FILTER, &kwargs, &["dp"])?;
    let rule = rounding::read(FILTER, state)?;
    let places = kwargs::places(FILTER, &kwargs)?.unwrap_or(rule.places(Measure::Money));
    Ok(figure::read_optional(FILTER, value)?
        .map(|balance| rule.shown(balance, places))
        .is_some_and(|shown| shown.is_sign_negative() && !shown.is_zero()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::money::money;
    use crate::render::filters::testing::{apply, apply_under};
    use crate::rounding::{Mode, Rounding};

    fn test(value: impl Into<Value>) -> bool {
        apply(overspent, value, Kwargs::default()).unwrap()
    }

    #[test]
    fn a_negative_balance_is_overspent() {
        assert!(test("-2.5"));
        assert!(test("-0.005"));
        assert!(test(-3));
    }

    #[test]
    fn zero_positive_and_missing_balances_are_not() {
        assert!(!test("0"));
        assert!(!test("-0"));
        assert!(!test("0.00"));
        assert!(!test("3.49"));
        assert!(!test(Value::none()));
        assert!(!test(Value::undefined()));
    }

    /// A balance under a rule, and what is decided and printed.
    struct Case(&'static str, Mode, u32, Option<u32>, bool, &'static str);

    /// (balance, mode, amount places, dp asked for, overspent, `money` shows).
    /// Worked by hand: −0.005 half-up is −0.01 (超支 0.01), truncated 0.00
    /// (结余 0.00); −0.004 is 0.00 under both; −0.0001 at 4 places is −0.0001.
    const AS_PRINTED: [Case; 11] = [
        Case("-0.005", Mode::HalfUp, 2, None, true, "-0.01"),
        Case("-0.005", Mode::Truncate, 2, None, false, "0.00"),
        Case("-0.004", Mode::HalfUp, 2, None, false, "0.00"),
        Case("-0.0099", Mode::Truncate, 2, None, false, "0.00"),
        Case("-0.01", Mode::Truncate, 2, None, true, "-0.01"),
        Case("-0.0001", Mode::HalfUp, 4, None, true, "-0.0001"),
        Case("-0.0001", Mode::Truncate, 4, None, true, "-0.0001"),
        Case("-0.4", Mode::HalfUp, 0, None, false, "0"),
        Case("-0.5", Mode::HalfUp, 0, None, true, "-1"),
        // Fewer places asked for: decided at those places, like `money`.
        Case("-0.05", Mode::Truncate, 2, Some(1), false, "0.0"),
        Case("-0.15", Mode::Truncate, 2, Some(1), true, "-0.1"),
    ];

    #[test]
    fn decides_by_the_balance_as_printed_under_both_modes() {
        for Case(balance, mode, places, dp, expected, shown) in AS_PRINTED {
            let rule = Rounding {
                money: places,
                ..Rounding::with_mode(mode)
            };
            let kwargs = || {
                dp.map_or_else(Kwargs::default, |dp| {
                    Kwargs::from([("dp", Value::from(dp))])
                })
            };
            let got = apply_under(rule, overspent, balance, kwargs()).unwrap();
            assert_eq!(got, expected, "{balance} {mode:?} {places} {dp:?}");
            let printed: String = apply_under(rule, money, balance, kwargs()).unwrap();
            if !expected {
                assert!(!printed.starts_with('-'), "{balance} {mode:?}: {printed}");
            }
            if dp.is_none() {
                assert_eq!(printed, shown, "{balance} {mode:?} {places}");
            }
        }
    }

    #[test]
    fn text_and_unknown_arguments_are_refused() {
        assert!(apply(overspent, "结余", Kwargs::default()).is_err());
        let abs = Kwargs::from([("abs", Value::from(true))]);
        assert!(apply(overspent, "-1", abs).is_err());
    }
}

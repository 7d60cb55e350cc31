//! `overspent`：结余为负（实际支出超过预算）时为真，供模板写“超支”而不是“结余-”。
//!
//! ```text
//! {% if basic.balance | overspent %}超支{{ basic.balance | money(abs=true) }}万元{% else %}年末结余{{ basic.balance | money }}万元{% endif %}
//! "-2.5" → true    "0" → false    "3.49" → false    none → false
//! ```
//!
//! 按精确值判断，不先舍入：结余 -0.004 万元也是超支。缺失的数不算超支。

use tera::{Kwargs, State, TeraResult, Value};

use super::{figure, kwargs};

const FILTER: &str = "overspent";

pub(super) fn overspent(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<bool> {
    kwargs::expect_only(FILTER, &kwargs, &[])?;
    Ok(figure::read_optional(FILTER, value)?
        .is_some_and(|balance| balance.is_sign_negative() && !balance.is_zero()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::apply;

    fn test(value: impl Into<Value>) -> bool {
        apply(overspent, value, Kwargs::default()).unwrap()
    }

    #[test]
    fn a_negative_balance_is_overspent() {
        assert!(test("-2.5"));
        assert!(test("-0.0001"));
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

    #[test]
    fn text_is_refused() {
        assert!(apply(overspent, "结余", Kwargs::default()).is_err());
    }
}

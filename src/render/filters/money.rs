//! `money`：以万元为单位的金额。
//!
//! ```text
//! {{ budget.total | money }}                  "5983.4"   → 5983.40
//! {{ budget.total | money(scale="author") }}  "5983.4"   → 5983.4
//! {{ budget.total | money(dp=1) }}            "7064.685" → 7064.7
//! {{ budget.total | money(sep=true) }}        "12345.6"  → 12,345.60
//! {{ basic.balance | money(abs=true) }}       "-2.5"     → 2.50
//! {{ budget.missing | money }}                none       → —
//! ```
//!
//! 默认按上下文的舍入规则（事实文件的 `rules.rounding`，默认四舍五入）保留其金额
//! 位数（默认 2 位）；`scale="author"` 保留作者原写的小数位；`dp=N` 按同一舍入
//! 方式保留 N 位；`sep=true` 给整数部分加千分位逗号。负数保留负号，
//! `abs=true` 时去掉负号（超支额：`{% if x | overspent %}超支{{ x | money(abs=true) }}万元`）。

use tera::{Kwargs, State, TeraResult, Value};

use super::{MISSING, figure, filter_error, kwargs, rounding};
use crate::rounding::{Measure, Rounding};

const FILTER: &str = "money";
const AUTHOR_SCALE: &str = "author";

pub(super) fn money(value: &Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &["scale", "dp", "sep", "abs"])?;
    let rule = rounding::read(FILTER, state)?;
    let places = places(&kwargs, rule)?;
    let separated = kwargs::switch(FILTER, &kwargs, "sep")?;
    let Some(amount) = figure::read_optional(FILTER, value)? else {
        return Ok(MISSING.to_owned());
    };
    let amount = if kwargs::switch(FILTER, &kwargs, "abs")? {
        amount.abs()
    } else {
        amount
    };
    let text = match places {
        Some(places) => rule.shown(amount, places),
        None => amount,
    }
    .to_string();
    Ok(if separated {
        group_thousands(&text)
    } else {
        text
    })
}

/// 要保留的小数位数；`None` 表示沿用作者原写的位数。
fn places(kwargs: &Kwargs, rule: Rounding) -> TeraResult<Option<u32>> {
    let places = kwargs::places(FILTER, kwargs)?;
    match kwargs::text(FILTER, kwargs, "scale")? {
        None => Ok(Some(places.unwrap_or(rule.places(Measure::Money)))),
        Some(AUTHOR_SCALE) if places.is_none() => Ok(None),
        Some(AUTHOR_SCALE) => Err(filter_error(FILTER, "scale=\"author\" 与 dp 不能同时使用")),
        Some(other) => Err(filter_error(
            FILTER,
            format!("scale 只能是 \"{AUTHOR_SCALE}\"，收到 \"{other}\""),
        )),
    }
}

/// 在整数部分每三位插入逗号：`-12345.60` → `-12,345.60`。
fn group_thousands(amount: &str) -> String {
    let (sign, unsigned) = match amount.strip_prefix('-') {
        Some(unsigned) => ("-", unsigned),
        None => ("", amount),
    };
    let split = unsigned.find('.').unwrap_or(unsigned.len());
    let (integer, fraction) = unsigned.split_at(split);
    let mut grouped = String::with_capacity(integer.len() + integer.len() / 3);
    for (position, digit) in integer.chars().enumerate() {
        if position > 0 && (integer.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("{sign}{grouped}{fraction}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::{apply, apply_under};
    use crate::rounding::Mode;

    fn format(value: impl Into<Value>, kwargs: Kwargs) -> String {
        apply(money, value, kwargs).unwrap()
    }

    #[test]
    fn defaults_to_two_places_half_up() {
        assert_eq!(format("5983.4", Kwargs::default()), "5983.40");
        assert_eq!(format("7064.685", Kwargs::default()), "7064.69");
        assert_eq!(format("7064.684", Kwargs::default()), "7064.68");
        assert_eq!(format("0", Kwargs::default()), "0.00");
        assert_eq!(format("-12.345", Kwargs::default()), "-12.35");
        assert_eq!(format(51, Kwargs::default()), "51.00");
    }

    /// (amount, mode, amount places in the rule, dp asked for, shown).
    const UNDER_THE_RULE: [(&str, Mode, u32, Option<u32>, &str); 12] = [
        // −0.005: half-up goes away from zero; truncation drops the 5.
        ("-0.005", Mode::HalfUp, 2, None, "-0.01"),
        ("-0.005", Mode::Truncate, 2, None, "0.00"),
        ("0.005", Mode::HalfUp, 2, None, "0.01"),
        ("0.005", Mode::Truncate, 2, None, "0.00"),
        ("2.675", Mode::HalfUp, 2, None, "2.68"),
        ("2.675", Mode::Truncate, 2, None, "2.67"),
        ("7064.685", Mode::HalfUp, 2, None, "7064.69"),
        ("7064.685", Mode::Truncate, 2, None, "7064.68"),
        // The rule's places: whole 万元, or to the 元 (4 places).
        ("7064.685", Mode::HalfUp, 0, None, "7065"),
        ("7064.685", Mode::Truncate, 4, None, "7064.6850"),
        // Fewer places asked for in the template: the rule's mode still.
        ("7064.685", Mode::Truncate, 2, Some(1), "7064.6"),
        ("7064.65", Mode::HalfUp, 4, Some(1), "7064.7"),
    ];

    #[test]
    fn follows_the_rule_in_the_context() {
        for (amount, mode, places, dp, shown) in UNDER_THE_RULE {
            let rule = Rounding {
                money: places,
                ..Rounding::with_mode(mode)
            };
            let kwargs = dp.map_or_else(Kwargs::default, |dp| {
                Kwargs::from([("dp", Value::from(dp))])
            });
            let got: String = apply_under(rule, money, amount, kwargs).unwrap();
            assert_eq!(got, shown, "{amount} {mode:?} {places} {dp:?}");
        }
        // Amounts written to the author's scale are never rounded.
        let author = Kwargs::from([("scale", Value::from("author"))]);
        let rule = Rounding {
            money: 0,
            ..Rounding::with_mode(Mode::Truncate)
        };
        assert_eq!(
            apply_under(rule, money, "7064.685", author).unwrap(),
            "7064.685"
        );
    }

    #[test]
    fn author_scale_keeps_the_written_decimals() {
        let author = || Kwargs::from([("scale", Value::from("author"))]);
        assert_eq!(format("5983.4", author()), "5983.4");
        assert_eq!(format("51", author()), "51");
        assert_eq!(format("2.50", author()), "2.50");
        assert_eq!(format("-6078.91", author()), "-6078.91");
    }

    #[test]
    fn places_can_be_chosen() {
        assert_eq!(
            format("7064.685", Kwargs::from([("dp", Value::from(1))])),
            "7064.7"
        );
        assert_eq!(
            format("7064.5", Kwargs::from([("dp", Value::from(0))])),
            "7065"
        );
        assert_eq!(
            format("1.5", Kwargs::from([("dp", Value::from(4))])),
            "1.5000"
        );
    }

    #[test]
    fn separators_group_the_integer_part() {
        let sep = |value: &str| format(value, Kwargs::from([("sep", Value::from(true))]));
        assert_eq!(sep("12345.6"), "12,345.60");
        assert_eq!(sep("1234567.891"), "1,234,567.89");
        assert_eq!(sep("-1234.5"), "-1,234.50");
        assert_eq!(sep("123"), "123.00");
        assert_eq!(sep("999.999"), "1,000.00");
        let author_sep =
            Kwargs::from([("scale", Value::from("author")), ("sep", Value::from(true))]);
        assert_eq!(format("123456", author_sep), "123,456");
    }

    #[test]
    fn abs_drops_the_sign() {
        let abs = |value: &str| format(value, Kwargs::from([("abs", Value::from(true))]));
        assert_eq!(abs("-2.5"), "2.50");
        assert_eq!(abs("3.456"), "3.46");
        assert_eq!(abs("-0.004"), "0.00");
        assert_eq!(
            format("-2.5", Kwargs::from([("abs", Value::from(false))])),
            "-2.50"
        );
    }

    #[test]
    fn missing_amounts_show_a_dash() {
        assert_eq!(format(Value::none(), Kwargs::default()), "—");
        assert_eq!(
            format(
                Value::undefined(),
                Kwargs::from([("sep", Value::from(true))])
            ),
            "—"
        );
    }

    #[test]
    fn bad_input_is_a_named_error() {
        let error = apply(money, "约5983万", Kwargs::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("money") && error.contains("约5983万"),
            "{error}"
        );
        let conflicting = Kwargs::from([("scale", Value::from("author")), ("dp", Value::from(1))]);
        assert!(apply(money, "1", conflicting).is_err());
        let unknown_scale = Kwargs::from([("scale", Value::from("yuan"))]);
        assert!(
            apply(money, "1", unknown_scale)
                .unwrap_err()
                .to_string()
                .contains("yuan")
        );
        let unknown = Kwargs::from([("dps", Value::from(1))]);
        assert!(apply(money, Value::none(), unknown).is_err());
    }
}

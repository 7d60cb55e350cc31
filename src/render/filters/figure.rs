//! 数值过滤器（`money`、`percent`、`score`、`target`）共用的读数；舍入归
//! [`crate::rounding`]，规则从上下文取（见 [`super::rounding`]）。
//!
//! 模板里的数是形如 `"6078.91"`、`"-3.5"` 的精确小数字符串，或 Tera 整数；
//! 浮点数会丢失精度，因此不接受。

use rust_decimal::Decimal;
use tera::{TeraResult, Value};

use super::filter_error;

/// 读取一个可能缺失的数：`none` 与未定义得到 `None`。
pub(super) fn read_optional(filter: &str, value: &Value) -> TeraResult<Option<Decimal>> {
    if value.is_none() || value.is_undefined() {
        Ok(None)
    } else {
        read(filter, value).map(Some)
    }
}

/// 读取一个必须存在的数：小数字符串或整数。
pub(super) fn read(filter: &str, value: &Value) -> TeraResult<Decimal> {
    if let Some(text) = value.as_str() {
        parse(filter, text)
    } else if let Some(integer) = value.as_i128() {
        Decimal::try_from_i128_with_scale(integer, 0)
            .map_err(|_| filter_error(filter, format!("整数 {integer} 超出可表示范围")))
    } else {
        Err(filter_error(
            filter,
            format!(
                "需要小数字符串或整数（浮点数不精确，不接受），收到 {} 类型的值 {value}",
                value.name()
            ),
        ))
    }
}

fn parse(filter: &str, text: &str) -> TeraResult<Decimal> {
    let not_a_number = || filter_error(filter, format!("“{text}”不是数字"));
    if !is_plain_decimal(text) {
        return Err(not_a_number());
    }
    Decimal::from_str_exact(text).map_err(|_| not_a_number())
}

/// 可选负号、整数部分、可选的小数点加小数部分，如 `-12.50`。
fn is_plain_decimal(text: &str) -> bool {
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = unsigned.split_once('.').unwrap_or((unsigned, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    all_digits(integer) && all_digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decimal(text: &str) -> Decimal {
        read("test", &Value::from(text)).unwrap()
    }

    #[test]
    fn keeps_the_authors_scale() {
        assert_eq!(decimal("5983.4").to_string(), "5983.4");
        assert_eq!(decimal("2.50").to_string(), "2.50");
        assert_eq!(decimal("-0.5").to_string(), "-0.5");
        assert_eq!(read("test", &Value::from(51)).unwrap().to_string(), "51");
    }

    #[test]
    fn missing_figures_are_none() {
        assert_eq!(read_optional("test", &Value::none()).unwrap(), None);
        assert_eq!(read_optional("test", &Value::undefined()).unwrap(), None);
    }

    #[test]
    fn rejects_anything_but_plain_decimals() {
        for text in [
            "", "abc", "1,234", "1_000", "1e3", " 5", "5.", ".5", "+5", "--1", "1.2.3",
        ] {
            let error = read("money", &Value::from(text)).unwrap_err().to_string();
            assert!(error.contains("money") && error.contains(text), "{error}");
        }
    }

    #[test]
    fn rejects_floats_and_other_kinds() {
        for value in [Value::from(1.5), Value::from(true), Value::from(vec![1])] {
            let error = read("score", &value).unwrap_err().to_string();
            assert!(error.contains("score"), "{error}");
        }
    }
}

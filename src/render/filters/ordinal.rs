//! `ordinal`：由从 1 起的序号（如 `loop.index`）生成中文公文的序号标记。
//!
//! ```text
//! {{ loop.index | ordinal(style="一") }}    3  → 三、
//! {{ loop.index | ordinal(style="(一)") }}  12 → （十二）
//! {{ loop.index | ordinal(style="㈠") }}    3  → ㈢      （超过 10 时为 （十一））
//! {{ loop.index | ordinal(style="⑴") }}    3  → ⑶      （超过 20 时为 (21)）
//! {{ loop.index | ordinal(style="1") }}     3  → 3.
//! {{ loop.index | ordinal(style="1、") }}   3  → 3、
//! ```
//!
//! 汉字数字不设上限：99 之后为 一百、一百零一、一千零一十、一万……，列表多长都能编号。

use tera::{Kwargs, State, TeraResult, Value};

use super::{filter_error, kwargs};

const FILTER: &str = "ordinal";
const STYLES: [&str; 6] = ["一", "(一)", "㈠", "⑴", "1", "1、"];
const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// ㈠ 到 ㈩。
const PARENTHESIZED_IDEOGRAPHS: (u32, u32) = (0x3220, 10);
/// ⑴ 到 ⒇。
const PARENTHESIZED_NUMBERS: (u32, u32) = (0x2474, 20);

pub(super) fn ordinal(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<String> {
    kwargs::expect_only(FILTER, &kwargs, &["style"])?;
    let style = kwargs::text(FILTER, &kwargs, "style")?;
    marker(index(value)?, style)
}

/// The marker of the `index`-th item in `style`.
pub(super) fn marker(index: u32, style: Option<&str>) -> TeraResult<String> {
    match style.unwrap_or_default() {
        "一" => Ok(format!("{}、", chinese(index)?)),
        "(一)" => parenthesized_chinese(index),
        "㈠" => enclosed(index, PARENTHESIZED_IDEOGRAPHS)
            .map_or_else(|| parenthesized_chinese(index), Ok),
        "⑴" => Ok(enclosed(index, PARENTHESIZED_NUMBERS).unwrap_or_else(|| format!("({index})"))),
        "1" => Ok(format!("{index}.")),
        "1、" => Ok(format!("{index}、")),
        _ => Err(unknown_style(style)),
    }
}

fn unknown_style(style: Option<&str>) -> tera::Error {
    let styles = STYLES.map(|style| format!("\"{style}\"")).join("、");
    let problem = match style {
        Some(style) => format!("不认识的 style \"{style}\""),
        None => "缺少参数 style".to_owned(),
    };
    filter_error(FILTER, format!("{problem}，可用：{styles}"))
}

/// 从 1 起的整数序号。
fn index(value: &Value) -> TeraResult<u32> {
    value
        .as_i128()
        .and_then(|index| u32::try_from(index).ok())
        .filter(|&index| index >= 1)
        .ok_or_else(|| filter_error(FILTER, format!("序号须为从 1 起的整数，收到 {value}")))
}

/// 汉字数字：一、十、十一、一百零一、一千零一十、十二万三千四百五十六。
fn chinese(index: u32) -> TeraResult<String> {
    // 亿 and beyond never number a list: a facts file holds far fewer items.
    if index >= 100_000_000 {
        return Err(filter_error(FILTER, format!("序号 {index} 过大")));
    }
    let (high, low) = (index / 10_000, index % 10_000);
    let mut numeral = String::new();
    if high > 0 {
        numeral.push_str(&below_ten_thousand(high, true));
        numeral.push('万');
        if low > 0 && low < 1000 {
            numeral.push('零');
        }
    }
    if low > 0 {
        numeral.push_str(&below_ten_thousand(low, high == 0));
    }
    Ok(numeral)
}

/// 1 到 9999；`leading` 时 10–19 写作“十…”而不是“一十…”。
fn below_ten_thousand(n: u32, leading: bool) -> String {
    let digit = |d: u32| DIGITS[d as usize];
    let places = [(n / 1000, '千'), (n / 100 % 10, '百'), (n / 10 % 10, '十')];
    let mut numeral = String::new();
    let mut zero = false;
    for (d, place) in places {
        if d == 0 {
            zero = !numeral.is_empty();
            continue;
        }
        if zero {
            numeral.push('零');
            zero = false;
        }
        if !(place == '十' && d == 1 && leading && numeral.is_empty()) {
            numeral.push(digit(d));
        }
        numeral.push(place);
    }
    if !n.is_multiple_of(10) {
        if zero {
            numeral.push('零');
        }
        numeral.push(digit(n % 10));
    }
    numeral
}

fn parenthesized_chinese(index: u32) -> TeraResult<String> {
    Ok(format!("（{}）", chinese(index)?))
}

/// Unicode 里带括号的序号字符，超出该字符段时为 `None`。
fn enclosed(index: u32, (first, count): (u32, u32)) -> Option<String> {
    (index <= count)
        .then(|| char::from_u32(first + index - 1))
        .flatten()
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::apply;

    fn mark(index: impl Into<Value>, style: &str) -> TeraResult<String> {
        apply(
            ordinal,
            index,
            Kwargs::from([("style", Value::from(style))]),
        )
    }

    fn marks(style: &str, indices: &[u32]) -> Vec<String> {
        indices.iter().map(|&i| mark(i, style).unwrap()).collect()
    }

    #[test]
    fn chinese_numerals_up_to_ninety_nine() {
        assert_eq!(
            marks("一", &[1, 2, 9, 10, 11, 19, 20, 21, 35, 90, 99]),
            [
                "一、",
                "二、",
                "九、",
                "十、",
                "十一、",
                "十九、",
                "二十、",
                "二十一、",
                "三十五、",
                "九十、",
                "九十九、"
            ]
        );
    }

    #[test]
    fn chinese_numerals_beyond_ninety_nine() {
        assert_eq!(
            marks(
                "一",
                &[
                    100, 101, 110, 111, 1000, 1001, 1010, 1100, 9999, 10_000, 10_001, 10_010,
                    10_100, 11_000, 100_000, 100_010, 123_456, 250_000
                ]
            ),
            [
                "一百、",
                "一百零一、",
                "一百一十、",
                "一百一十一、",
                "一千、",
                "一千零一、",
                "一千零一十、",
                "一千一百、",
                "九千九百九十九、",
                "一万、",
                "一万零一、",
                "一万零一十、",
                "一万零一百、",
                "一万一千、",
                "十万、",
                "十万零一十、",
                "十二万三千四百五十六、",
                "二十五万、"
            ]
        );
        assert_eq!(mark(101, "㈠").unwrap(), "（一百零一）");
    }

    #[test]
    fn parenthesized_chinese_numerals() {
        assert_eq!(
            marks("(一)", &[1, 10, 12]),
            ["（一）", "（十）", "（十二）"]
        );
    }

    #[test]
    fn enclosed_ideographs_then_parentheses() {
        assert_eq!(
            marks("㈠", &[1, 2, 10, 11, 23]),
            ["㈠", "㈡", "㈩", "（十一）", "（二十三）"]
        );
    }

    #[test]
    fn enclosed_numbers_then_ascii_parentheses() {
        assert_eq!(
            marks("⑴", &[1, 2, 20, 21, 100]),
            ["⑴", "⑵", "⒇", "(21)", "(100)"]
        );
    }

    #[test]
    fn arabic_numerals() {
        assert_eq!(marks("1", &[1, 12, 120]), ["1.", "12.", "120."]);
        assert_eq!(marks("1、", &[1, 12]), ["1、", "12、"]);
    }

    #[test]
    fn indices_must_be_positive_integers() {
        for bad in [
            Value::from(0),
            Value::from(-1),
            Value::from("1"),
            Value::from(1.0),
            Value::none(),
        ] {
            let error = mark(bad, "1").unwrap_err().to_string();
            assert!(error.contains("ordinal"), "{error}");
        }
    }

    #[test]
    fn styles_must_be_known() {
        let error = mark(1, "a").unwrap_err().to_string();
        assert!(
            error.contains("\"a\"") && error.contains("\"㈠\""),
            "{error}"
        );
        let error = apply(ordinal, 1, Kwargs::default())
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("缺少参数 style") && error.contains("\"1、\""),
            "{error}"
        );
    }
}

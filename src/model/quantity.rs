//! Numbers as the clerk typed them: exact decimals read from the YAML text, each
//! with the line it came from, so that every finding can point back to the file.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

/// Where a fact sits in the YAML file (1-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, PartialOrd, Ord, Hash)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行", self.line)
    }
}

/// An amount of money in 万元 (金额). Never negative; more than two decimals is
/// accepted but noted (see [`super::load`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Amount {
    pub value: Decimal,
    pub at: Loc,
}

/// Any other number: a weight (分值), a score, a measured value. May carry decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Number {
    pub value: Decimal,
    pub at: Loc,
}

/// A head count (人数): a non-negative whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Count {
    pub value: Decimal,
    pub at: Loc,
}

/// A year (年度): a non-negative whole number, read like a [`Count`] but named
/// as a year in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Year {
    pub value: Decimal,
    pub at: Loc,
}

/// Reads a YAML scalar's own text, whatever YAML would have typed it as.
struct ScalarText(String);

impl<'de> Deserialize<'de> for ScalarText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'v> de::Visitor<'v> for V {
            type Value = ScalarText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("数字")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<ScalarText, E> {
                Ok(ScalarText(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ScalarText, E> {
                Ok(ScalarText(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<ScalarText, E> {
                Err(E::custom(format!("应为数字，实际为布尔值 {v}")))
            }
            fn visit_seq<A: de::SeqAccess<'v>>(self, _: A) -> Result<ScalarText, A::Error> {
                Err(de::Error::custom("应为数字，实际为列表"))
            }
            fn visit_map<A: de::MapAccess<'v>>(self, _: A) -> Result<ScalarText, A::Error> {
                Err(de::Error::custom("应为数字，实际为映射（键值对）"))
            }
        }
        d.deserialize_str(V)
    }
}

/// What a number field expects, for messages.
#[derive(Clone, Copy)]
enum NumberKind {
    Amount,
    Number,
    Count,
    Year,
}

impl NumberKind {
    fn noun(self) -> &'static str {
        match self {
            NumberKind::Amount => "金额",
            NumberKind::Number => "数值",
            NumberKind::Count => "人数",
            NumberKind::Year => "年度",
        }
    }

    /// Whole, non-negative numbers.
    fn is_whole(self) -> bool {
        matches!(self, NumberKind::Count | NumberKind::Year)
    }
}

/// Parses a number as written: ASCII digits, an optional sign and decimal point.
/// Full-width digits, thousands separators, units and exponents are refused
/// with a message that says what to type instead.
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    let t = text.trim();
    if t.is_empty() {
        return Err("不能为空".into());
    }
    if let Some(c) = t.chars().find(|c| ('０'..='９').contains(c) || *c == '．') {
        return Err(format!("含全角字符「{c}」，请改用半角数字，如 6078.91"));
    }
    if t.contains(',') || t.contains('，') {
        return Err("请不要使用千分位逗号，如写 12345.6 而非 12,345.6".into());
    }
    if t.ends_with('%') {
        return Err("请去掉百分号，只写数字".into());
    }
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let valid = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.chars().filter(|&c| c == '.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(format!("「{t}」不是数字"));
    }
    // Exactly as written: `from_str` would round away digits beyond the
    // 28th without a word.
    Decimal::from_str_exact(t).map_err(|_| format!("「{t}」超出可表示的范围（最多 28 位有效数字）"))
}

/// Reads a value with the place it was written.
fn located<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<(T, Loc), D::Error> {
    let spanned = Spanned::<T>::deserialize(d)?;
    let at = Loc {
        line: spanned.referenced.line() as usize,
        column: spanned.referenced.column() as usize,
    };
    Ok((spanned.value, at))
}

/// Reads a number; a null (`~`, or nothing after the colon) is a pending value
/// (待填): it counts as zero and is noted, so that the audit lists it.
fn read<'de, D: Deserializer<'de>>(d: D, kind: NumberKind) -> Result<(Decimal, Loc), D::Error> {
    super::load::expecting(Some(kind.noun()));
    let (value, at) = located::<D, Option<ScalarText>>(d)?;
    super::load::expecting(None);
    let Some(ScalarText(text)) = value else {
        super::load::note_pending(at);
        return Ok((Decimal::ZERO, at));
    };
    let value = parse_decimal(&text).map_err(|why| {
        if why.contains("不是数字") || (!text.trim().is_ascii() && !why.contains("全角")) {
            de::Error::custom(format!(
                "应为{}，实际为文本「{}」",
                kind.noun(),
                text.trim()
            ))
        } else {
            de::Error::custom(format!("应为{}：{why}", kind.noun()))
        }
    })?;
    match kind {
        NumberKind::Amount | NumberKind::Count | NumberKind::Year
            if value.is_sign_negative() && !value.is_zero() =>
        {
            Err(de::Error::custom(format!(
                "{}不能为负数：{text}",
                kind.noun()
            )))
        }
        _ if kind.is_whole() && !value.fract().is_zero() => Err(de::Error::custom(format!(
            "{}应为整数，实际为 {text}",
            kind.noun()
        ))),
        // `2024.0` is the year 2024, printed as such.
        _ if kind.is_whole() => Ok((value.normalize(), at)),
        _ => Ok((value, at)),
    }
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at) = read(d, NumberKind::Amount)?;
        // Decimals that mean something: `30.250` is two.
        if value.normalize().scale() > 2 {
            super::load::note_precision(at, value);
        }
        Ok(Amount { value, at })
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at) = read(d, NumberKind::Number)?;
        Ok(Number { value, at })
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at) = read(d, NumberKind::Count)?;
        Ok(Count { value, at })
    }
}

impl<'de> Deserialize<'de> for Year {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at) = read(d, NumberKind::Year)?;
        Ok(Year { value, at })
    }
}

/// Reads an optional number (`#[serde(default, deserialize_with = "written")]`):
/// a key left out is none, but a key written with a null (`score: ~`) is a
/// pending number, not “absent” as a plain `Option` would have it.
pub(super) fn written<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The JSON Schema of a number as the clerk may write it: a number, a string
/// of ASCII digits, or null for a pending value. Inlined, so that each field
/// shows its own description in the editor.
fn number_schema(description: &str, number: serde_json::Value, pattern: &str) -> Schema {
    json_schema!({
        "description": description,
        "anyOf": [
            number,
            { "type": "string", "pattern": pattern },
            { "type": "null" }
        ]
    })
}

impl JsonSchema for Amount {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        number_schema(
            "金额：万元，非负，最多两位小数，只写数字，如 6078.91；写 ~ 表示待填",
            serde_json::json!({ "type": "number", "minimum": 0 }),
            r"^\s*\+?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$",
        )
    }
}

impl JsonSchema for Number {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        number_schema(
            "数值：分值、得分、实际完成值等，可带小数，百分数不带 %，如 96.45；写 ~ 表示待填",
            serde_json::json!({ "type": "number" }),
            r"^\s*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)\s*$",
        )
    }
}

impl JsonSchema for Count {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Count".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        number_schema(
            "人数：非负整数，如 55；写 ~ 表示待填",
            serde_json::json!({ "type": "integer", "minimum": 0 }),
            r"^\s*\+?[0-9]+(\.0*)?\s*$",
        )
    }
}

impl JsonSchema for Year {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Year".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        number_schema(
            "年度：四位整数，如 2024",
            serde_json::json!({ "type": "integer", "minimum": 2000, "maximum": 2100 }),
            r"^\s*\+?[0-9]+(\.0*)?\s*$",
        )
    }
}

/// A line of text with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub value: String,
    pub at: Loc,
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (value, at): (String, Loc) = located(d)?;
        if let Some((index, c, why)) = crate::characters::first_refused(&value) {
            return Err(de::Error::custom(format!(
                "{REFUSED_CHARACTER}{}（{why}），在这段文字的第 {} 个字处；请删去它",
                crate::characters::code_point(c),
                index + 1
            )));
        }
        Ok(Text { value, at })
    }
}

/// How the message on a character a report cannot carry begins.
pub(super) const REFUSED_CHARACTER: &str = "文字中有报告不能容纳的字符 ";

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "文字：照录原文，不写编号；以 [ { * & ! | > ' \" % @ 等符号开头或含“: ”“ #”时加英文双引号",
            "type": ["string", "number"]
        })
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_decimals_parse_exactly() {
        assert_eq!(parse_decimal("6078.91").unwrap().to_string(), "6078.91");
        assert_eq!(parse_decimal("5983.4").unwrap().to_string(), "5983.4");
        assert_eq!(parse_decimal("-3").unwrap().to_string(), "-3");
        assert_eq!(parse_decimal("+5").unwrap().to_string(), "5");
        assert_eq!(parse_decimal("5.").unwrap().to_string(), "5");
        assert_eq!(parse_decimal(".5").unwrap().to_string(), "0.5");
        assert_eq!(parse_decimal("1.50000").unwrap().scale(), 5);
    }

    #[test]
    fn clerk_mistakes_get_a_reason() {
        assert!(parse_decimal("６０７８.９１").unwrap_err().contains("全角"));
        assert!(parse_decimal("12,345.6").unwrap_err().contains("千分位"));
        assert!(parse_decimal("96.45%").unwrap_err().contains("百分号"));
        assert!(parse_decimal("1e3").unwrap_err().contains("不是数字"));
        assert!(parse_decimal("").unwrap_err().contains("不能为空"));
        assert!(
            parse_decimal("123456789012345678901234567890")
                .unwrap_err()
                .contains("范围")
        );
        for finer_than_a_decimal_holds in [
            "0.000000000000000000000000000001",
            "1.0000000000000000000000000000001",
        ] {
            assert!(
                parse_decimal(finer_than_a_decimal_holds)
                    .unwrap_err()
                    .contains("范围")
            );
        }
    }
}

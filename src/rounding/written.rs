//! The rounding rule as the facts file writes it (`rules.rounding`): the
//! mode alone (`rounding: 截断`) or in full (`rounding: { 方式: 截断, 金额: 2,
//! 比率: 2, 得分: 2 }`), read with errors that quote what was refused, and
//! written back the same way (`jixiao init`); and its JSON Schema.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};

use super::{DEFAULT_PLACES, MAX_PLACES, Mode, Rounding};

/// The places of one kind of figure as written: an integer from 0 to
/// [`MAX_PLACES`].
#[derive(Debug, Clone, Copy)]
struct Places(u32);

impl Default for Places {
    fn default() -> Self {
        Places(DEFAULT_PLACES)
    }
}

/// 舍入规则的完整写法：方式和金额、比率、得分各保留的小数位数；省略的项取默认值。
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "RoundingInFull")]
struct Detailed {
    /// 舍入方式：四舍五入 或 截断；可省（四舍五入）。
    #[serde(rename = "方式", default)]
    mode: Mode,
    /// 金额（万元）保留的小数位数，0 到 4 的整数；可省（2）。
    #[serde(rename = "金额", default)]
    money: Places,
    /// 比率（执行率等百分数）保留的小数位数，0 到 4 的整数；可省（2）。
    #[serde(rename = "比率", default)]
    rate: Places,
    /// 得分保留的小数位数，0 到 4 的整数；可省（2）。
    #[serde(rename = "得分", default)]
    score: Places,
}

impl From<Detailed> for Rounding {
    fn from(d: Detailed) -> Self {
        Rounding {
            mode: d.mode,
            money: d.money.0,
            rate: d.rate.0,
            score: d.score.0,
        }
    }
}

// The two ways of writing the rule, for the schema only: reading goes
// through `RuleVisitor`, whose errors name what was wrong.
/// 舍入规则：只写舍入方式，或写明方式和各类数的小数位数。
#[derive(JsonSchema)]
#[schemars(untagged)]
#[allow(dead_code)]
enum Written {
    /// 只写舍入方式，各类数保留 2 位小数，如 rounding: 截断。
    Mode(Mode),
    /// 写明方式和各类数的小数位数，如 rounding: { 方式: 截断, 金额: 2, 比率: 2, 得分: 2 }。
    Detailed(Detailed),
}

impl JsonSchema for Rounding {
    fn schema_name() -> Cow<'static, str> {
        "Rounding".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        Written::json_schema(generator)
    }
}

impl JsonSchema for Places {
    fn schema_name() -> Cow<'static, str> {
        "RoundingPlaces".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "保留的小数位数，0 到 4 的整数。",
            "type": "integer",
            "minimum": 0,
            "maximum": MAX_PLACES,
        })
    }
}

impl Rounding {
    /// The rule as a facts file writes it: the mode alone when every kind
    /// has the default places, the full form otherwise.
    pub fn as_written(self) -> String {
        if self == Rounding::with_mode(self.mode) {
            self.mode.word().to_string()
        } else {
            format!(
                "{{ 方式: {}, 金额: {}, 比率: {}, 得分: {} }}",
                self.mode.word(),
                self.money,
                self.rate,
                self.score
            )
        }
    }
}

impl<'de> Deserialize<'de> for Rounding {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RuleVisitor)
    }
}

struct RuleVisitor;

impl<'de> Visitor<'de> for RuleVisitor {
    type Value = Rounding;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("舍入方式（四舍五入 或 截断），或 { 方式, 金额, 比率, 得分 }")
    }

    fn visit_str<E: de::Error>(self, word: &str) -> Result<Rounding, E> {
        Mode::from_word(word)
            .map(Rounding::with_mode)
            .ok_or_else(|| E::unknown_variant(word, &["四舍五入", "截断"]))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Rounding, A::Error> {
        Detailed::deserialize(MapAccessDeserializer::new(map)).map(Rounding::from)
    }
}

impl<'de> Deserialize<'de> for Places {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(PlacesVisitor)
    }
}

struct PlacesVisitor;

impl<'de> Visitor<'de> for PlacesVisitor {
    type Value = Places;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "小数位数（0 到 {MAX_PLACES} 的整数）")
    }

    /// Digits only, and no more than [`MAX_PLACES`]; anything else is
    /// refused and quoted as written.
    fn visit_str<E: de::Error>(self, written: &str) -> Result<Places, E> {
        let digits = written.trim();
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse::<u32>().ok())
            .flatten()
            .filter(|&places| places <= MAX_PLACES)
            .map(Places)
            .ok_or_else(|| {
                E::custom(format!(
                    "小数位数应为整数（0 到 {MAX_PLACES}），实际为「{digits}」"
                ))
            })
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Places, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Places, E> {
        self.visit_str(&v.to_string())
    }

    /// A number with a decimal point, or too long for an integer: shown
    /// with its point (`2.0`, `1e23`), never as the integer it rounds to.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Places, E> {
        self.visit_str(&format!("{v:?}"))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Places, E> {
        self.visit_str(&v.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rounding::tests::{HALF_UP, TRUNCATE};

    #[test]
    fn a_rule_reads_back_as_written() {
        let rules = [
            HALF_UP,
            TRUNCATE,
            Rounding {
                money: 0,
                rate: 4,
                ..TRUNCATE
            },
            Rounding {
                score: 1,
                ..HALF_UP
            },
        ];
        for rule in rules {
            let written = rule.as_written();
            let read: Rounding = serde_saphyr::from_str(&written).unwrap();
            assert_eq!(read, rule, "{written}");
        }
        assert_eq!(TRUNCATE.as_written(), "截断");
    }
}

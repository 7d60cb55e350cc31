//! An indicator's target (年度指标值) as the clerk writes it, e.g. `≥2.5万人次`,
//! `≤906.86万元`, `1处`, `95%以上计满分，每降5%扣1分，扣完为止。`, or plain words.

use std::borrow::Cow;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};

use super::quantity::{Loc, Text, parse_decimal};

/// The comparison of a quantitative target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// ≥: at least.
    AtLeast,
    /// ≤: at most.
    AtMost,
    /// =: exactly (also a bare number such as `1处`).
    Exactly,
}

/// A parsed target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// A measurable target: operator, value and unit.
    Quantitative {
        op: Op,
        /// The author wrote the operator (`=1次`), or only the number (`1处`).
        op_written: bool,
        value: Decimal,
        unit: String,
    },
    /// “95%以上计满分，每降5%扣1分，扣完为止”: full marks at or above `full_at` percent,
    /// `deduct` points off for every full `step` percent below it, never below zero.
    Satisfaction {
        full_at: Decimal,
        step: Decimal,
        deduct: Decimal,
    },
    /// A target in words; scored by the author.
    Qualitative,
}

/// A target with its original text and location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub text: String,
    pub kind: TargetKind,
    pub at: Loc,
}

impl JsonSchema for Target {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Target".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "年度指标值：≥/≤/= 加数字和单位（如 ≥2.5万人次、≤906.86万元、1处）为定量指标；“95%以上计满分，每降5%扣1分，扣完为止。”为满意度评分规则；其他文字为定性指标",
            "type": ["string", "number"]
        })
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(d)?;
        if let Some(c) = text
            .value
            .chars()
            .find(|c| ('０'..='９').contains(c) || *c == '．')
        {
            return Err(serde::de::Error::custom(format!(
                "年度指标值「{}」含全角字符「{c}」，请改用半角数字，如 ≥5次",
                text.value.trim()
            )));
        }
        Ok(Target {
            kind: parse(&text.value),
            text: text.value.trim().to_string(),
            at: text.at,
        })
    }
}

/// Reads the kind of a target from its text.
pub fn parse(text: &str) -> TargetKind {
    let t = text.trim();
    if let Some(kind) = satisfaction(t) {
        return kind;
    }
    let (op, op_written, rest) = if let Some(r) = strip_any(t, &["≥", ">=", "＞＝", "不低于"])
    {
        (Op::AtLeast, true, r)
    } else if let Some(r) = strip_any(t, &["≤", "<=", "＜＝", "不高于", "不超过"]) {
        (Op::AtMost, true, r)
    } else if let Some(r) = strip_any(t, &["=", "＝"]) {
        (Op::Exactly, true, r)
    } else {
        (Op::Exactly, false, t)
    };
    let rest = rest.trim_start();
    let number_len = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .map(|(i, c)| i + c.len_utf8())
        .last()
        .unwrap_or(0);
    let (number, unit) = rest.split_at(number_len);
    match parse_decimal(number) {
        Ok(value)
            if op_written
                || (!unit.trim().is_empty() && !unit.chars().any(|c| c.is_ascii_digit())) =>
        {
            TargetKind::Quantitative {
                op,
                op_written,
                value,
                unit: unit.trim().to_string(),
            }
        }
        _ => TargetKind::Qualitative,
    }
}

fn strip_any<'a>(t: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| t.strip_prefix(p))
}

/// “95%以上计满分，每降5%扣1分”: three numbers in that order.
fn satisfaction(t: &str) -> Option<TargetKind> {
    if !(t.contains("以上计满分") && t.contains("每降") && t.contains('扣')) {
        return None;
    }
    let numbers: Vec<Decimal> = t
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|s| !s.is_empty())
        .filter_map(|s| parse_decimal(s).ok())
        .collect();
    match numbers[..] {
        [full_at, step, deduct, ..] if !step.is_zero() => Some(TargetKind::Satisfaction {
            full_at,
            step,
            deduct,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn operators_values_and_units() {
        assert_eq!(
            parse("≥2.5万人次"),
            TargetKind::Quantitative {
                op: Op::AtLeast,
                op_written: true,
                value: d("2.5"),
                unit: "万人次".into()
            }
        );
        assert_eq!(
            parse("≤906.86 万元"),
            TargetKind::Quantitative {
                op: Op::AtMost,
                op_written: true,
                value: d("906.86"),
                unit: "万元".into()
            }
        );
        assert_eq!(
            parse("1处"),
            TargetKind::Quantitative {
                op: Op::Exactly,
                op_written: false,
                value: d("1"),
                unit: "处".into()
            }
        );
        assert!(matches!(
            parse("≥98%"),
            TargetKind::Quantitative {
                op: Op::AtLeast,
                ..
            }
        ));
    }

    #[test]
    fn words_are_qualitative() {
        assert_eq!(
            parse("按时完成省工信厅交办工作任务"),
            TargetKind::Qualitative
        );
        assert_eq!(parse("2024年9月底前"), TargetKind::Qualitative);
    }

    #[test]
    fn the_satisfaction_rule() {
        assert_eq!(
            parse("95%以上计满分，每降5%扣1分，扣完为止。"),
            TargetKind::Satisfaction {
                full_at: d("95"),
                step: d("5"),
                deduct: d("1")
            }
        );
    }
}

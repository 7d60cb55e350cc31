//! An indicator's target (年度指标值) as the clerk writes it, e.g. `≥2.5万人次`,
//! `95%以上`, `≤906.86万元`, `90%-100%`, `1处`,
//! `95%以上计满分，每降5%扣1分，扣完为止。`, or plain words; `phrase` reads
//! the wording to its meaning or refuses it.

mod phrase;

pub use phrase::{TargetRefused, parse};

use std::borrow::Cow;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer};

use super::quantity::{Loc, Text};

/// The comparison of a quantitative target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// ≥: at least (also `95%以上`, `不低于95%`, `达到95%`).
    AtLeast,
    /// ≤: at most (also `5%以下`, `不超过5%`, `控制在5%以内`, `3天内`).
    AtMost,
    /// >: strictly more than (also `大于`, `高于`, `超过`).
    Above,
    /// <: strictly less than (also `小于`, `低于`, `少于`).
    Below,
    /// =: exactly (also a bare number such as `1处`).
    Exactly,
}

impl Op {
    /// The comparison as a symbol: ≥ ≤ > < =.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::AtLeast => "≥",
            Op::AtMost => "≤",
            Op::Above => ">",
            Op::Below => "<",
            Op::Exactly => "=",
        }
    }
}

/// A parsed target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetKind {
    /// A measurable target: operator, value and unit.
    Quantitative {
        op: Op,
        /// The author wrote a comparison (`=1次`, `95%以上`), or only the
        /// number (`1处`).
        op_written: bool,
        value: Decimal,
        unit: String,
    },
    /// `90%-100%`: met from `low` to `high`, both included.
    Range {
        low: Decimal,
        high: Decimal,
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
            "description": "年度指标值。定量：比较符号或词加半角数字和单位，≥ ≤ > < =（含全角、≧ ≦ 等写法）、95%以上/及以上（≥，含本数）、5%以下/及以下/以内/3天内（≤，含本数）、不低于/不少于/达到（≥）、不高于/不超过/不多于/控制在…以内（≤）、大于/高于/超过（>，不含本数）、小于/低于（<）；范围 90%-100%（两端都算达成）；只写数字和单位（1处、100%）为须恰好达到。“95%以上计满分，每降5%扣1分，扣完为止。”为满意度评分规则。负数、千分位逗号、指数写法、全角数字及看似定量却读不出唯一意思的写法会被拒绝；其他文字为定性指标",
            "type": ["string", "number"]
        })
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Text::deserialize(d)?;
        Ok(Target {
            kind: parse(&text.value).map_err(serde::de::Error::custom)?,
            text: text.value.trim().to_string(),
            at: text.at,
        })
    }
}

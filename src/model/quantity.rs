//! Numbers and text as the clerk typed them: exact decimals and lines of text,
//! each with the place it came from, so that every finding can point back to
//! the file. How they are read from YAML is [`super::load`]'s business.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::Deserializer;
use serde::{Deserialize, Serialize};

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
/// accepted but noted when the file is read (see [`super::load`]).
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

/// A yes-or-no fact (`true` or `false`, as YAML writes them) with the place
/// it was written, e.g. an indicator's `applicable`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flag {
    pub value: bool,
    pub at: Loc,
}

impl JsonSchema for Flag {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Flag".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "是或否：写 true 或 false（不写“是”“否”）",
            "type": "boolean"
        })
    }
}

/// A line of text with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub value: String,
    pub at: Loc,
}

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

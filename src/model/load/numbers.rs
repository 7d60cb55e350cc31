//! Reading numbers and text from YAML: the `Deserialize` impls of
//! [`Amount`], [`Number`], [`Count`], [`Year`], [`Text`] and [`Flag`].
//!
//! A number is read from its own text ([`parse_decimal`]), never through a
//! float. What reading the numbers of one file notices — a pending value
//! (`~`), an amount with more than two decimals, the kind of number being read
//! when the reader fails — is kept in this module only while [`reading`] runs,
//! and returned by it.

use std::cell::RefCell;
use std::fmt;

use rust_decimal::Decimal;
use serde::Deserialize;
use serde::de::{self, Deserializer};
use serde_saphyr::Spanned;

use crate::model::quantity::{Amount, Count, Flag, Loc, Number, Text, Year};

/// Something accepted while loading that the audit reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// An amount with more than two meaningful decimals: a warning (J011),
    /// an error beyond four, finer than a yuan (J023).
    Precision { at: Loc, value: Decimal },
    /// A value left to fill in: a number written `~`, or, when `text`, a text
    /// still reading [`TEXT_PLACEHOLDER`]…; an error until it is filled.
    /// `path` is its YAML path, e.g. `basic_expenditure.actual`.
    Pending { at: Loc, path: String, text: bool },
}

/// What reading one file's numbers noticed.
#[derive(Debug, Default)]
pub(super) struct Noticed {
    /// The notes, in the order the values were read; a pending value's path
    /// is left empty for the caller to fill in.
    pub notes: Vec<Note>,
    /// What the number (or yes-or-no) being read when reading stopped must be
    /// (金额, 数值, 人数, 年度, true 或 false): a type error from the YAML
    /// reader then says what belonged there. None once it has been read whole.
    pub expecting: Option<&'static str>,
}

thread_local! {
    /// What the reading under way has noticed; only [`reading`] starts and
    /// takes it.
    static NOTICED: RefCell<Noticed> = RefCell::new(Noticed::default());
}

/// Runs `read` (a deserialization) and returns what it noticed on the way.
pub(super) fn reading<T>(read: impl FnOnce() -> T) -> (T, Noticed) {
    NOTICED.with(|n| *n.borrow_mut() = Noticed::default());
    let value = read();
    let noticed = NOTICED.with(|n| std::mem::take(&mut *n.borrow_mut()));
    (value, noticed)
}

fn notice(change: impl FnOnce(&mut Noticed)) {
    NOTICED.with(|n| change(&mut n.borrow_mut()));
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
pub fn parse_decimal(text: &str) -> Result<Decimal, NumberRefused> {
    parse_written(text).map_err(NumberRefused)
}

/// A number that cannot be read as written: why, in Chinese (“不能为空”,
/// “请不要使用千分位逗号”…), without naming the number's place.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct NumberRefused(pub String);

fn parse_written(text: &str) -> Result<Decimal, String> {
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
    notice(|n| n.expecting = Some(kind.noun()));
    let (value, at) = located::<D, Option<ScalarText>>(d)?;
    notice(|n| n.expecting = None);
    let Some(ScalarText(text)) = value else {
        notice(|n| {
            n.notes.push(Note::Pending {
                at,
                path: String::new(),
                text: false,
            })
        });
        return Ok((Decimal::ZERO, at));
    };
    let value = parse_decimal(&text).map_err(|NumberRefused(why)| {
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
            notice(|n| n.notes.push(Note::Precision { at, value }));
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

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // A list or a mapping in its place is said to be no true or false.
        notice(|n| n.expecting = Some("布尔值 true 或 false"));
        let (value, at) = located(d)?;
        notice(|n| n.expecting = None);
        Ok(Flag { value, at })
    }
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
        if value.trim_start().starts_with(TEXT_PLACEHOLDER) {
            notice(|n| {
                n.notes.push(Note::Pending {
                    at,
                    path: String::new(),
                    text: true,
                })
            });
        }
        Ok(Text { value, at })
    }
}

/// How a text left to write begins, as `jixiao new` writes it: 待填：单位全称.
pub const TEXT_PLACEHOLDER: &str = "待填：";

/// How the message on a character a report cannot carry begins.
pub(super) const REFUSED_CHARACTER: &str = "文字中有报告不能容纳的字符 ";

#[cfg(test)]
mod tests {
    use super::*;

    fn read_alone<T: for<'de> Deserialize<'de>>(yaml: &str) -> (bool, Noticed) {
        let (result, noticed) = reading(|| serde_saphyr::from_str::<T>(yaml));
        (result.is_ok(), noticed)
    }

    #[test]
    fn each_reading_returns_only_what_it_noticed() {
        let (ok, pending) = read_alone::<Amount>("~");
        assert!(ok);
        assert!(matches!(pending.notes[..], [Note::Pending { at, .. }] if at.line == 1));
        let (ok, precise) = read_alone::<Amount>("30.255");
        assert!(ok);
        assert!(matches!(precise.notes[..], [Note::Precision { value, .. }]
            if value.to_string() == "30.255"));
        // Meaningful decimals only, and no amount notes for other numbers.
        assert!(read_alone::<Amount>("30.250").1.notes.is_empty());
        assert!(read_alone::<Number>("96.4567").1.notes.is_empty());
        // A failed number leaves its kind for the message, and the next
        // reading starts afresh.
        let (ok, failed) = read_alone::<Count>("[1, 2]");
        assert!(!ok);
        assert_eq!(failed.expecting, Some("人数"));
        let (ok, fresh) = read_alone::<Text>("[1, 2]");
        assert!(!ok);
        assert_eq!(fresh.expecting, None);
        assert!(fresh.notes.is_empty());
        assert_eq!(read_alone::<Year>("2024").1.expecting, None);
    }

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
        assert!(
            parse_decimal("６０７８.９１")
                .unwrap_err()
                .0
                .contains("全角")
        );
        assert!(parse_decimal("12,345.6").unwrap_err().0.contains("千分位"));
        assert!(parse_decimal("96.45%").unwrap_err().0.contains("百分号"));
        assert!(parse_decimal("1e3").unwrap_err().0.contains("不是数字"));
        assert!(parse_decimal("").unwrap_err().0.contains("不能为空"));
        assert!(
            parse_decimal("123456789012345678901234567890")
                .unwrap_err()
                .0
                .contains("范围")
        );
        for finer_than_a_decimal_holds in [
            "0.000000000000000000000000000001",
            "1.0000000000000000000000000000001",
        ] {
            assert!(
                parse_decimal(finer_than_a_decimal_holds)
                    .unwrap_err()
                    .0
                    .contains("范围")
            );
        }
    }
}

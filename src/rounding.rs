//! Rounding (舍入): the one owner of how every figure is rounded, in the
//! computation and on display.
//!
//! The facts file's `rules.rounding` chooses the mode ([`Mode`]: 四舍五入 or
//! 截断) and the decimal places of each kind of figure ([`Measure`]: 金额,
//! 比率, 得分). The computation rounds every rate and score with the
//! [`Rounding`] read from the file; the render context carries the same rule
//! to the template filters (`money`, `percent`, `score`), which show every
//! figure with it. Nothing else rounds.
//!
//! A figure is rounded once. A rate or a score is rounded when it is
//! computed, at its kind's places, and shown as it is (rounding a figure
//! already at its places changes nothing). An amount is exact in the
//! computation (sums and differences of the written facts) and rounded only
//! when shown. A template that asks a filter for fewer places (`dp=0`)
//! rounds by the same mode.
//!
//! The modes are the two used in Chinese public finance: 四舍五入 (a half
//! goes away from zero: 2.675 → 2.68, −0.005 → −0.01) and 截断 (the digits
//! beyond the places are dropped: 2.675 → 2.67, −0.005 → 0.00). Round half to
//! even (四舍六入五成双, GB/T 8170) is the rule for measured values in science
//! and production, not for money, rates or scores; see `docs/data.md`.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor, value::MapAccessDeserializer};

/// The most decimal places a kind of figure may be given.
pub const MAX_PLACES: u32 = 4;

/// The decimal places of every kind of figure unless the file says otherwise.
pub const DEFAULT_PLACES: u32 = 2;

/// 舍入方式：保留位数以后的数字如何舍去。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[schemars(rename = "RoundingMode")]
pub enum Mode {
    /// 四舍五入（默认）：舍去部分达到半个单位时进一，负数同样按绝对值进一。
    #[default]
    #[serde(rename = "四舍五入")]
    HalfUp,
    /// 截断：直接舍去保留位数以后的数字（向零舍去）。
    #[serde(rename = "截断")]
    Truncate,
}

impl Mode {
    /// Every mode, in the order the documentation lists them.
    pub const ALL: [Mode; 2] = [Mode::HalfUp, Mode::Truncate];

    /// The mode as the facts file writes it.
    pub fn word(self) -> &'static str {
        match self {
            Mode::HalfUp => "四舍五入",
            Mode::Truncate => "截断",
        }
    }

    /// The mode written as `word`, if it is one.
    pub fn from_word(word: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.word() == word)
    }

    fn strategy(self) -> RoundingStrategy {
        match self {
            Mode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            Mode::Truncate => RoundingStrategy::ToZero,
        }
    }
}

/// The kinds of figure that each have their own decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// 金额 in 万元.
    Money,
    /// 比率: a percent number (96.46 means 96.46 %).
    Rate,
    /// 得分 and 分值.
    Score,
}

/// The rounding rule of a file (`rules.rounding`): the mode and the places
/// of each kind of figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub mode: Mode,
    /// Decimal places of amounts (金额).
    pub money: u32,
    /// Decimal places of rates (比率).
    pub rate: u32,
    /// Decimal places of scores (得分).
    pub score: u32,
}

impl Default for Rounding {
    fn default() -> Self {
        Rounding::with_mode(Mode::default())
    }
}

impl Rounding {
    /// `mode` at the default places.
    pub fn with_mode(mode: Mode) -> Self {
        Rounding {
            mode,
            money: DEFAULT_PLACES,
            rate: DEFAULT_PLACES,
            score: DEFAULT_PLACES,
        }
    }

    /// The decimal places of `measure`.
    pub fn places(self, measure: Measure) -> u32 {
        match measure {
            Measure::Money => self.money,
            Measure::Rate => self.rate,
            Measure::Score => self.score,
        }
    }

    /// `value` rounded by the mode to at most `places` decimals (a value with
    /// fewer decimals is returned as it is). A result of zero has no sign.
    pub fn to_places(self, value: Decimal, places: u32) -> Decimal {
        let mut rounded = value.round_dp_with_strategy(places, self.mode.strategy());
        if rounded.is_zero() {
            rounded.set_sign_positive(true);
        }
        rounded
    }

    /// `value` rounded to the places of `measure`.
    pub fn round(self, value: Decimal, measure: Measure) -> Decimal {
        self.to_places(value, self.places(measure))
    }

    /// `value` as shown with exactly `places` decimals: rounded by the mode,
    /// then padded with zeros (`5983.4` → `5983.40`).
    pub fn shown(self, value: Decimal, places: u32) -> Decimal {
        let mut shown = self.to_places(value, places);
        shown.rescale(places);
        shown
    }

    /// `part ÷ whole × 100`, rounded to the places of a rate; none when
    /// `whole` is zero or the quotient is beyond a decimal.
    pub fn rate(self, part: Decimal, whole: Decimal) -> Option<Decimal> {
        if whole.is_zero() {
            return None;
        }
        part.checked_div(whole)
            .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            .map(|r| self.round(r, Measure::Rate))
    }

    /// The smallest step between two figures of `measure`: 0.01 at 2 places.
    pub fn step(self, measure: Measure) -> Decimal {
        Decimal::new(1, self.places(measure))
    }

    /// The rule for `measure` in words, for formulas: “四舍五入保留 2 位小数”.
    pub fn words(self, measure: Measure) -> String {
        match self.places(measure) {
            0 => format!("{}取整", self.mode.word()),
            places => format!("{}保留 {places} 位小数", self.mode.word()),
        }
    }
}

// ── reading the rule from the facts file ────────────────────────────

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

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Places, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Places, E> {
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

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    const HALF_UP: Rounding = Rounding {
        mode: Mode::HalfUp,
        money: 2,
        rate: 2,
        score: 2,
    };
    const TRUNCATE: Rounding = Rounding {
        mode: Mode::Truncate,
        ..HALF_UP
    };

    /// (value, places, half-up, truncated), worked by hand.
    const WORKED: [(&str, u32, &str, &str); 12] = [
        // The third decimal is 5: half-up goes away from zero, truncation drops it.
        ("-0.005", 2, "-0.01", "0"),
        ("0.005", 2, "0.01", "0"),
        // 2.675 is exact here (no binary fraction): 2.68 half-up.
        ("2.675", 2, "2.68", "2.67"),
        ("7064.685", 2, "7064.69", "7064.68"),
        ("-7064.685", 2, "-7064.69", "-7064.68"),
        // A score of 0.125 at 2 places, and at 1 and 0.
        ("0.125", 2, "0.13", "0.12"),
        ("0.125", 1, "0.1", "0.1"),
        ("0.5", 0, "1", "0"),
        // Below half a step: both drop it; a sign never survives a zero.
        ("-0.004", 2, "0", "0"),
        ("96.4496", 2, "96.45", "96.44"),
        // Fewer decimals than the places: unchanged.
        ("5983.4", 2, "5983.4", "5983.4"),
        ("9.99995", 4, "10.0000", "9.9999"),
    ];

    #[test]
    fn worked_examples_under_both_modes() {
        for (value, places, half_up, truncated) in WORKED {
            let got = HALF_UP.to_places(d(value), places);
            assert_eq!(got, d(half_up), "四舍五入 {value} at {places}");
            assert!(got.is_sign_positive() || !got.is_zero(), "{value}");
            let got = TRUNCATE.to_places(d(value), places);
            assert_eq!(got, d(truncated), "截断 {value} at {places}");
            assert!(got.is_sign_positive() || !got.is_zero(), "{value}");
            assert!(got.abs() <= d(value).abs(), "截断 never grows {value}");
        }
    }

    #[test]
    fn shown_figures_have_exactly_their_places() {
        assert_eq!(HALF_UP.shown(d("5983.4"), 2).to_string(), "5983.40");
        assert_eq!(HALF_UP.shown(d("-0.005"), 2).to_string(), "-0.01");
        assert_eq!(TRUNCATE.shown(d("-0.005"), 2).to_string(), "0.00");
        assert_eq!(TRUNCATE.shown(d("-0.001"), 2).to_string(), "0.00");
        assert_eq!(HALF_UP.shown(d("-0.001"), 2).to_string(), "0.00");
        assert_eq!(TRUNCATE.shown(d("7064.685"), 0).to_string(), "7064");
        assert_eq!(HALF_UP.shown(d("7064.5"), 0).to_string(), "7065");
        assert_eq!(TRUNCATE.shown(d("1.5"), 4).to_string(), "1.5000");
    }

    #[test]
    fn each_kind_rounds_at_its_own_places() {
        let rule = Rounding {
            mode: Mode::Truncate,
            money: 4,
            rate: 1,
            score: 0,
        };
        let value = d("12.34567");
        assert_eq!(rule.round(value, Measure::Money), d("12.3456"));
        assert_eq!(rule.round(value, Measure::Rate), d("12.3"));
        assert_eq!(rule.round(value, Measure::Score), d("12"));
        assert_eq!(rule.step(Measure::Money), d("0.0001"));
        assert_eq!(rule.step(Measure::Score), d("1"));
        assert_eq!(rule.words(Measure::Rate), "截断保留 1 位小数");
        assert_eq!(rule.words(Measure::Score), "截断取整");
        assert_eq!(HALF_UP.words(Measure::Rate), "四舍五入保留 2 位小数");
    }

    #[test]
    fn rates_round_once_and_need_a_whole() {
        // 6078.91 ÷ 6302.12 × 100 = 96.4582…: 96.46 half-up, 96.45 truncated.
        let (part, whole) = (d("6078.91"), d("6302.12"));
        assert_eq!(HALF_UP.rate(part, whole), Some(d("96.46")));
        assert_eq!(TRUNCATE.rate(part, whole), Some(d("96.45")));
        // 1 ÷ 8 × 100 = 12.5 exactly, at 0 places: 13 half-up, 12 truncated.
        let whole_places = |mode| Rounding {
            rate: 0,
            ..Rounding::with_mode(mode)
        };
        assert_eq!(
            whole_places(Mode::HalfUp).rate(d("1"), d("8")),
            Some(d("13"))
        );
        assert_eq!(
            whole_places(Mode::Truncate).rate(d("1"), d("8")),
            Some(d("12"))
        );
        assert_eq!(HALF_UP.rate(d("5"), Decimal::ZERO), None);
        assert_eq!(HALF_UP.rate(Decimal::MAX, d("0.0001")), None);
    }

    #[test]
    fn rounding_a_rounded_figure_changes_nothing() {
        for (value, places, ..) in WORKED {
            for rule in [HALF_UP, TRUNCATE] {
                let once = rule.to_places(d(value), places);
                assert_eq!(HALF_UP.to_places(once, places), once, "{value}");
                assert_eq!(TRUNCATE.to_places(once, places), once, "{value}");
            }
        }
    }

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

    #[test]
    fn modes_are_read_by_their_words() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_word(mode.word()), Some(mode));
        }
        assert_eq!(Mode::from_word("五舍六入"), None);
        assert_eq!(Rounding::default(), HALF_UP);
    }
}

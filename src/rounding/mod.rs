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
//! The modes are 四舍五入 (a half goes away from zero: 2.675 → 2.68,
//! −0.005 → −0.01), the default, and 截断 (the digits beyond the places are
//! dropped: 2.675 → 2.67, −0.005 → 0.00). Round half to even (四舍六入五成双,
//! GB/T 8170) is the rule for measured values in science and production, not
//! for money, rates or scores, and is not offered; see `docs/data.md`. How
//! the rule is written in the facts file is the `written` module's.

mod written;

use rust_decimal::{Decimal, RoundingStrategy};
use schemars::JsonSchema;
use serde::Deserialize;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    pub(super) const HALF_UP: Rounding = Rounding {
        mode: Mode::HalfUp,
        money: 2,
        rate: 2,
        score: 2,
    };
    pub(super) const TRUNCATE: Rounding = Rounding {
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
    fn modes_are_read_by_their_words() {
        for mode in Mode::ALL {
            assert_eq!(Mode::from_word(mode.word()), Some(mode));
        }
        assert_eq!(Mode::from_word("五舍六入"), None);
        assert_eq!(Rounding::default(), HALF_UP);
    }
}

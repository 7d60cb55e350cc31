//! The arithmetic primitives shared by every figure: facts, sums, differences,
//! rates and rounding, each recording its provenance.
//!
//! Every operation is checked. A result beyond what a decimal can hold (about
//! 7.9 × 10^28) is never saturated or wrapped: the figure is missing (“—”)
//! and named in [`Figures::overflowed`], and so is every figure computed from
//! it; the audit reports the first of them with the facts it rests on.

use rust_decimal::{Decimal, RoundingStrategy};

use super::{Figure, Figures, IndicatorOutcome, Kind, Value};
use crate::model::{Loc, Rounding, Rules};

/// Rounds to 2 decimals by the file's rule (half-up by default).
pub fn round(value: Decimal, rounding: Rounding) -> Decimal {
    let strategy = match rounding {
        Rounding::HalfUp => RoundingStrategy::MidpointAwayFromZero,
        Rounding::Truncate => RoundingStrategy::ToZero,
    };
    value.round_dp_with_strategy(2, strategy)
}

/// `part ÷ whole × 100`, rounded; none when `whole` is zero.
pub fn round_rate(part: Decimal, whole: Decimal, rounding: Rounding) -> Option<Decimal> {
    if whole.is_zero() {
        return None;
    }
    part.checked_div(whole)
        .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
        .map(|r| round(r, rounding))
}

pub(super) fn rounding_words(rounding: Rounding) -> &'static str {
    match rounding {
        Rounding::HalfUp => "四舍五入保留 2 位小数",
        Rounding::Truncate => "截断保留 2 位小数",
    }
}

/// Collects figures while they are computed.
pub(super) struct Builder {
    pub figures: Figures,
    pub rules: Rules,
}

impl Builder {
    pub fn new(rules: Rules) -> Self {
        Builder {
            figures: Figures::default(),
            rules,
        }
    }

    pub fn finish(self) -> Figures {
        self.figures
    }

    pub fn round(&self, value: Decimal) -> Decimal {
        round(value, self.rules.rounding)
    }

    pub fn value(&self, name: &str) -> Option<Decimal> {
        self.figures.number(name)
    }

    pub fn label(&self, name: &str) -> String {
        self.figures
            .get(name)
            .map_or_else(|| name.to_string(), |f| f.label.clone())
    }

    /// Records a fact as a figure.
    pub fn fact(
        &mut self,
        name: &str,
        label: &str,
        kind: Kind,
        value: Decimal,
        at: Loc,
    ) -> Decimal {
        self.figures.insert(Figure {
            name: name.to_string(),
            label: label.to_string(),
            kind,
            value: Value::Number(value),
            formula: "事实".into(),
            inputs: Vec::new(),
            at: Some(at),
        });
        value
    }

    /// Records a derived figure.
    pub fn derived(
        &mut self,
        name: &str,
        label: &str,
        kind: Kind,
        value: Value,
        formula: String,
        inputs: Vec<String>,
    ) {
        self.figures.insert(Figure {
            name: name.to_string(),
            label: label.to_string(),
            kind,
            value,
            formula,
            inputs,
            at: None,
        });
    }

    /// Whether a figure's computation overflowed.
    pub fn overflowed(&self, name: &str) -> bool {
        self.figures.overflowed.iter().any(|n| n == name)
    }

    /// The value of a figure computed from `inputs` as `computed` (none when
    /// the arithmetic overflowed): missing, and recorded as overflowed, when
    /// it or any of its inputs overflowed.
    fn checked(&mut self, name: &str, computed: Option<Decimal>, inputs: &[String]) -> Value {
        match computed {
            Some(value) if !inputs.iter().any(|n| self.overflowed(n)) => Value::Number(value),
            _ => {
                self.figures.overflowed.push(name.to_string());
                Value::Missing
            }
        }
    }

    /// A copy of figure `from` under another name (overflowed if it did).
    pub fn copy(&mut self, name: &str, label: &str, kind: Kind, from: &str, formula: &str) {
        let value = if self.overflowed(from) {
            self.checked(name, None, &[])
        } else {
            self.figures
                .get(from)
                .map_or(Value::Missing, |f| f.value.clone())
        };
        let inputs = vec![from.to_string()];
        self.derived(name, label, kind, value, formula.to_string(), inputs);
    }

    /// `inputs[0] + inputs[1] + …`, exact; inputs that are missing (an
    /// optional fact left out) count as nothing. An empty list sums to zero.
    /// Returns zero when the sum overflows.
    pub fn sum(&mut self, name: &str, label: &str, kind: Kind, inputs: &[String]) -> Decimal {
        let total = inputs
            .iter()
            .filter_map(|n| self.value(n))
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
        let value = self.checked(name, total, inputs);
        let total = value.number().unwrap_or_default();
        let formula = if inputs.is_empty() {
            "无分项，合计为 0".to_string()
        } else {
            inputs
                .iter()
                .map(|n| self.label(n))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        self.derived(name, label, kind, value, formula, inputs.to_vec());
        total
    }

    /// `a − b`, exact.
    pub fn difference(&mut self, name: &str, label: &str, a: &str, b: &str) {
        let inputs = [a.to_string(), b.to_string()];
        let computed = self
            .value(a)
            .unwrap_or_default()
            .checked_sub(self.value(b).unwrap_or_default());
        let value = self.checked(name, computed, &inputs);
        let formula = format!("{} − {}", self.label(a), self.label(b));
        self.derived(name, label, Kind::Money, value, formula, inputs.to_vec());
    }

    /// `part ÷ whole × 100%`, rounded; missing when `whole` is zero.
    pub fn rate(&mut self, name: &str, label: &str, part: &str, whole: &str) {
        let inputs = [part.to_string(), whole.to_string()];
        let denominator = self.value(whole).unwrap_or_default();
        let value = if denominator.is_zero() && !self.overflowed(whole) {
            Value::Missing
        } else {
            let computed = round_rate(
                self.value(part).unwrap_or_default(),
                denominator,
                self.rules.rounding,
            );
            self.checked(name, computed, &inputs)
        };
        let formula = format!(
            "{} ÷ {} × 100%（{}；分母为 0 时无执行率）",
            self.label(part),
            self.label(whole),
            rounding_words(self.rules.rounding)
        );
        self.derived(name, label, Kind::Percent, value, formula, inputs.to_vec());
    }

    /// A figure worked out from `inputs` as `computed` (none: the arithmetic
    /// overflowed); missing, but not overflowed, when `absent` says an input
    /// is rightly missing (no execution rate for a zero budget).
    pub fn computed(
        &mut self,
        name: &str,
        label: &str,
        kind: Kind,
        (absent, computed): (bool, Option<Decimal>),
        formula: String,
        inputs: Vec<String>,
    ) {
        let value = if absent && !inputs.iter().any(|n| self.overflowed(n)) {
            Value::Missing
        } else {
            self.checked(name, computed, &inputs)
        };
        self.derived(name, label, kind, value, formula, inputs);
    }

    pub fn outcome(&mut self, outcome: IndicatorOutcome) {
        self.figures.indicators.push(outcome);
    }
}

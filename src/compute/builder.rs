//! The arithmetic primitives shared by every figure: facts, sums, differences
//! and rates, each recording its provenance; rates and scores are rounded by
//! the file's rule ([`crate::rounding`]).
//!
//! Every operation is checked. A result beyond what a decimal can hold (about
//! 7.9 × 10^28) is never saturated or wrapped: the figure is missing (“—”)
//! and named in [`Figures::overflowed`], and so is every figure computed from
//! it; the audit reports the first of them with the facts it rests on.

use std::collections::HashSet;

use rust_decimal::Decimal;

use super::{Figure, Figures, IndicatorOutcome, Key, Kind, Value};
use crate::model::{Facts, Loc, Rules, Scoring};
use crate::rounding::Measure;

/// Collects figures while they are computed.
pub(super) struct Builder<'a> {
    pub figures: Figures,
    pub rules: Rules,
    facts: &'a Facts,
    /// The keys of [`Figures::overflowed`].
    overflowed: HashSet<Key, foldhash::fast::FixedState>,
}

impl<'a> Builder<'a> {
    pub fn new(facts: &'a Facts) -> Self {
        Builder {
            figures: Figures::default(),
            rules: facts.rules.clone(),
            facts,
            overflowed: HashSet::default(),
        }
    }

    /// The facts the figures are computed from.
    pub fn facts(&self) -> &'a Facts {
        self.facts
    }

    pub fn finish(self) -> Figures {
        self.figures
    }

    /// A figure of `measure` rounded by the file's rule.
    pub fn round(&self, value: Decimal, measure: Measure) -> Decimal {
        self.rules.rounding.round(value, measure)
    }

    /// The file's rule for `measure`, in words for a formula.
    pub fn rounding_words(&self, measure: Measure) -> String {
        self.rules.rounding.words(measure)
    }

    pub fn value(&self, key: Key) -> Option<Decimal> {
        self.figures.number_of(key)
    }

    pub fn exists(&self, key: Key) -> bool {
        self.figures.of(key).is_some()
    }

    pub fn label(&self, key: Key) -> String {
        self.figures
            .of(key)
            .map_or_else(|| key.name(self.facts), |f| f.label.clone())
    }

    fn name(&self, key: Key) -> String {
        self.figures
            .of(key)
            .map_or_else(|| key.name(self.facts), |f| f.name.clone())
    }

    /// Records a fact as a figure.
    pub fn fact(&mut self, key: Key, label: &str, kind: Kind, value: Decimal, at: Loc) -> Decimal {
        self.figures.insert(Figure {
            key,
            name: key.name(self.facts),
            label: label.to_string(),
            kind,
            value: Value::Number(value),
            formula: "事实".into(),
            inputs: Vec::new(),
            at: Some(at),
            rule: None,
        });
        value
    }

    /// Records a derived figure.
    pub fn derived(
        &mut self,
        key: Key,
        label: &str,
        kind: Kind,
        value: Value,
        formula: String,
        inputs: &[Key],
    ) {
        let inputs = inputs.iter().map(|&k| self.name(k)).collect();
        self.figures.insert(Figure {
            key,
            name: key.name(self.facts),
            label: label.to_string(),
            kind,
            value,
            formula,
            inputs,
            at: None,
            rule: None,
        });
    }

    /// Names the rule option that decided the figure under `key` (none:
    /// no option did).
    pub fn cite_rule(&mut self, key: Key, rule: Option<String>) {
        if let Some(rule) = rule {
            self.figures.cite_rule(key, rule);
        }
    }

    /// The scoring rules of the file, resolved when it was read.
    pub fn scoring(&self) -> &'a Scoring {
        &self.facts.scoring
    }

    /// Whether a figure's computation overflowed.
    pub fn overflowed(&self, key: Key) -> bool {
        self.overflowed.contains(&key)
    }

    /// Records that the figure under `key` is missing for overflow.
    pub fn overflow(&mut self, key: Key) -> Value {
        self.overflowed.insert(key);
        self.figures.overflowed.push(key.name(self.facts));
        Value::Missing
    }

    /// The value of a figure computed from `inputs` as `computed` (none when
    /// the arithmetic overflowed): missing, and recorded as overflowed, when
    /// it or any of its inputs overflowed.
    fn checked(&mut self, key: Key, computed: Option<Decimal>, inputs: &[Key]) -> Value {
        match computed {
            Some(value) if !inputs.iter().any(|&k| self.overflowed(k)) => Value::Number(value),
            _ => self.overflow(key),
        }
    }

    /// A copy of figure `from` under another key (overflowed if it did).
    pub fn copy(&mut self, key: Key, label: &str, kind: Kind, from: Key, formula: &str) {
        let value = if self.overflowed(from) {
            self.checked(key, None, &[])
        } else {
            self.figures
                .of(from)
                .map_or(Value::Missing, |f| f.value.clone())
        };
        self.derived(key, label, kind, value, formula.to_string(), &[from]);
    }

    /// `inputs[0] + inputs[1] + …`, exact; inputs that are missing (an
    /// optional fact left out) count as nothing. An empty list sums to zero.
    /// Returns zero when the sum overflows.
    pub fn sum(&mut self, key: Key, label: &str, kind: Kind, inputs: &[Key]) -> Decimal {
        let total = inputs
            .iter()
            .filter_map(|&k| self.value(k))
            .try_fold(Decimal::ZERO, |a, b| a.checked_add(b));
        let value = self.checked(key, total, inputs);
        let total = value.number().unwrap_or_default();
        let formula = if inputs.is_empty() {
            "无分项，合计为 0".to_string()
        } else {
            inputs
                .iter()
                .map(|&k| self.label(k))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        self.derived(key, label, kind, value, formula, inputs);
        total
    }

    /// `a − b`, exact.
    pub fn difference(&mut self, key: Key, label: &str, a: Key, b: Key) {
        let inputs = [a, b];
        let computed = self
            .value(a)
            .unwrap_or_default()
            .checked_sub(self.value(b).unwrap_or_default());
        let value = self.checked(key, computed, &inputs);
        let formula = format!("{} − {}", self.label(a), self.label(b));
        self.derived(key, label, Kind::Money, value, formula, &inputs);
    }

    /// `part ÷ whole × 100%`, rounded; missing when `whole` is zero.
    pub fn rate(&mut self, key: Key, label: &str, part: Key, whole: Key) {
        let inputs = [part, whole];
        let denominator = self.value(whole).unwrap_or_default();
        let value = if denominator.is_zero() && !self.overflowed(whole) {
            Value::Missing
        } else {
            let computed = self
                .rules
                .rounding
                .rate(self.value(part).unwrap_or_default(), denominator);
            self.checked(key, computed, &inputs)
        };
        let formula = format!(
            "{} ÷ {} × 100%（{}；分母为 0 时无执行率）",
            self.label(part),
            self.label(whole),
            self.rounding_words(Measure::Rate)
        );
        self.derived(key, label, Kind::Percent, value, formula, &inputs);
    }

    /// A figure worked out from `inputs` as `computed` (none: the arithmetic
    /// overflowed); missing, but not overflowed, when `absent` says an input
    /// is rightly missing (no execution rate for a zero budget).
    pub fn computed(
        &mut self,
        key: Key,
        label: &str,
        kind: Kind,
        (absent, computed): (bool, Option<Decimal>),
        formula: String,
        inputs: &[Key],
    ) {
        let value = if absent && !inputs.iter().any(|&k| self.overflowed(k)) {
            Value::Missing
        } else {
            self.checked(key, computed, inputs)
        };
        self.derived(key, label, kind, value, formula, inputs);
    }

    pub fn outcome(&mut self, outcome: IndicatorOutcome) {
        self.figures.indicators.push(outcome);
    }
}

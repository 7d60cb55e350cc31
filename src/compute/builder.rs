//! The arithmetic primitives shared by every figure: facts, sums, differences,
//! rates and rounding, each recording its provenance.

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

    /// `inputs[0] + inputs[1] + …`, exact. An empty list sums to zero.
    pub fn sum(&mut self, name: &str, label: &str, kind: Kind, inputs: &[String]) -> Decimal {
        let total = inputs
            .iter()
            .filter_map(|n| self.value(n))
            .fold(Decimal::ZERO, |a, b| a.saturating_add(b));
        let formula = if inputs.is_empty() {
            "无分项，合计为 0".to_string()
        } else {
            inputs
                .iter()
                .map(|n| self.label(n))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        self.derived(
            name,
            label,
            kind,
            Value::Number(total),
            formula,
            inputs.to_vec(),
        );
        total
    }

    /// `a − b`, exact.
    pub fn difference(&mut self, name: &str, label: &str, a: &str, b: &str) -> Decimal {
        let value = self
            .value(a)
            .unwrap_or_default()
            .saturating_sub(self.value(b).unwrap_or_default());
        let formula = format!("{} − {}", self.label(a), self.label(b));
        self.derived(
            name,
            label,
            Kind::Money,
            Value::Number(value),
            formula,
            vec![a.into(), b.into()],
        );
        value
    }

    /// `part ÷ whole × 100%`, rounded; missing when `whole` is zero.
    pub fn rate(&mut self, name: &str, label: &str, part: &str, whole: &str) -> Option<Decimal> {
        let value = round_rate(
            self.value(part).unwrap_or_default(),
            self.value(whole).unwrap_or_default(),
            self.rules.rounding,
        );
        let formula = format!(
            "{} ÷ {} × 100%（{}；分母为 0 时无执行率）",
            self.label(part),
            self.label(whole),
            rounding_words(self.rules.rounding)
        );
        self.derived(
            name,
            label,
            Kind::Percent,
            value.map_or(Value::Missing, Value::Number),
            formula,
            vec![part.into(), whole.into()],
        );
        value
    }

    pub fn outcome(&mut self, outcome: IndicatorOutcome) {
        self.figures.indicators.push(outcome);
    }
}

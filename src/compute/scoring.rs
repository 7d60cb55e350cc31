//! Scores: each indicator by its target's rule, subtotals per 一级 and 二级
//! indicator, the total score and the grade (评价等级).
//!
//! An indicator that does not apply this year is not scored; the others of
//! its category are scored against their re-scaled weights ([`super::rescaling`]).

use rust_decimal::Decimal;
use serde::Serialize;

mod rule;

use super::builder::Builder;
use super::key::{IndicatorFigure, IndicatorId, Key, Money, Part, Table, TableFigure};
use super::rescaling::{Rescaling, rescaling, scored_weight, weight_fact};
use super::{Kind, Value};
use crate::model::{Evaluation, Indicator, Loc, Rating};
use crate::rounding::Measure;
pub(super) use rule::unmet_cap;
use rule::{over_achieved, rule_score};

/// How an indicator's score was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Computed from the target and the measured value.
    Computed,
    /// Given by the author (qualitative, or no measured value).
    Author,
    /// Given by the author below the rule's score, for a target far
    /// exceeded (set too low), with the reason in 偏差原因分析.
    Reduced,
    /// Neither computable nor given.
    Missing,
    /// Not scored: the indicator does not apply this year (`applicable: false`).
    NotApplicable,
}

/// The outcome of one indicator, for the audit and the templates.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorOutcome {
    /// Its place: its table and its position there.
    #[serde(skip)]
    pub id: IndicatorId,
    /// The score figure's name.
    pub figure: String,
    pub category: String,
    pub subcategory: String,
    pub name: String,
    /// The weight it is scored against: as written, or re-scaled when an
    /// indicator of its category does not apply; as written when it does
    /// not apply itself.
    pub weight: Decimal,
    pub score: Option<Decimal>,
    pub basis: Basis,
    /// The author's printed score, when given.
    pub author_score: Option<Decimal>,
    pub rating: Option<Rating>,
    pub has_deviation: bool,
    /// Whether its category's weights were re-scaled.
    pub rescaled: bool,
    /// By how many percent the actual exceeds an at-least target, when by
    /// more than the rules allow without a reason (rounded).
    pub over_achieved: Option<Decimal>,
    pub at: Loc,
    pub score_at: Option<Loc>,
}

/// 评价等级: 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.
pub fn grade(total: Decimal) -> &'static str {
    if total >= Decimal::from(90) {
        "优"
    } else if total >= Decimal::from(80) {
        "良"
    } else if total >= Decimal::from(60) {
        "中"
    } else {
        "差"
    }
}

/// Scores of one indicator table, whose owner is called `name`.
pub(super) fn table(b: &mut Builder, table: Table, name: &str, evaluation: &Evaluation) {
    let whole = |f| Key::Table(table, f);
    let mut category_scores = vec![Key::Money(table.holder(), Money::ExecutionScore)];
    let mut category_weights = vec![whole(TableFigure::ExecutionWeight)];
    for (ci, category) in evaluation.categories.iter().enumerate() {
        let place = |si, ii| IndicatorId {
            table,
            category: ci,
            subcategory: si,
            indicator: ii,
        };
        let rescaling = rescaling(b, name, (table, ci), category, place);
        let mut sub_scores = Vec::new();
        let mut sub_weights = Vec::new();
        for (si, sub) in category.subcategories.iter().enumerate() {
            let mut scores = Vec::new();
            let mut weights = Vec::new();
            for (ii, indicator) in sub.indicators.iter().enumerate() {
                let id = place(si, ii);
                if rescaling.is_none() {
                    weight_fact(b, id, indicator);
                }
                let names = (category.name.value.as_str(), sub.name.value.as_str());
                let (score, weight) = score_indicator(b, id, names, indicator, rescaling);
                scores.push(score);
                weights.extend(weight);
            }
            let part = |p| Key::Subcategory(table, ci, si, p);
            b.sum(
                part(Part::Weight),
                &format!("{name}{}分值", sub.name.value),
                Kind::Score,
                &weights,
            );
            b.sum(
                part(Part::Score),
                &format!("{name}{}得分", sub.name.value),
                Kind::Score,
                &scores,
            );
            sub_scores.push(part(Part::Score));
            sub_weights.push(part(Part::Weight));
        }
        let part = |p| Key::Category(table, ci, p);
        if rescaling.is_none() {
            b.sum(
                part(Part::Weight),
                &format!("{name}{}分值", category.name.value),
                Kind::Score,
                &sub_weights,
            );
        }
        b.sum(
            part(Part::Score),
            &format!("{name}{}得分", category.name.value),
            Kind::Score,
            &sub_scores,
        );
        category_scores.push(part(Part::Score));
        category_weights.push(part(Part::Weight));
    }
    b.sum(
        whole(TableFigure::TotalWeight),
        &format!("{name}总分值"),
        Kind::Score,
        &category_weights,
    );
    let total_key = whole(TableFigure::TotalScore);
    let total = b.sum(
        total_key,
        &format!("{name}总分"),
        Kind::Score,
        &category_scores,
    );
    let grade_key = whole(TableFigure::Grade);
    // A total that overflowed has no grade: it is “—”, as the total is.
    let graded = if b.overflowed(total_key) {
        b.overflow(grade_key)
    } else {
        Value::Text(grade(total).to_string())
    };
    b.derived(
        grade_key,
        &format!("{name}评价等级"),
        Kind::Grade,
        graded,
        format!(
            "按{}分档：≥90 优，80–90 良，60–80 中，<60 差",
            b.label(total_key)
        ),
        &[total_key],
    );
}

/// Records an indicator's score figure (and the facts and re-scaled weight
/// it rests on); returns the keys of its score and of the weight it counts
/// for in its subcategory (none when it does not apply). Its weight as
/// written is recorded already.
fn score_indicator(
    b: &mut Builder,
    id: IndicatorId,
    (category, subcategory): (&str, &str),
    indicator: &Indicator,
    rescaling: Option<Rescaling>,
) -> (Key, Option<Key>) {
    let score_key = Key::Indicator(id, IndicatorFigure::Score);
    let label = &indicator.name.value;
    let outcome = |weight, score, basis| IndicatorOutcome {
        id,
        figure: String::new(),
        category: category.to_string(),
        subcategory: subcategory.to_string(),
        name: indicator.name.value.clone(),
        weight,
        score,
        basis,
        author_score: indicator.score.map(|s| s.value),
        rating: indicator.rating,
        has_deviation: indicator
            .deviation
            .as_ref()
            .is_some_and(|d| !d.value.trim().is_empty()),
        rescaled: rescaling.is_some(),
        over_achieved: None,
        at: indicator.name.at,
        score_at: indicator.score.map(|s| s.at),
    };
    if !indicator.applies() {
        let weight_key = Key::Indicator(id, IndicatorFigure::Weight);
        let reason = indicator.reason.as_ref().map_or("", |r| r.value.trim());
        b.derived(
            score_key,
            &format!("{label}得分"),
            Kind::Score,
            Value::Missing,
            format!(
                "本年不适用（{reason}），不计分；其分值由同一一级指标下适用的指标按分值比例分享"
            ),
            &[weight_key],
        );
        let figure = b.figures.name_of(score_key);
        let weight = indicator.weight.value;
        b.outcome(IndicatorOutcome {
            figure,
            ..outcome(weight, None, Basis::NotApplicable)
        });
        return (score_key, None);
    }
    let (weight_key, weight) = scored_weight(b, id, label, rescaling);
    let author = indicator.score.map(|s| s.value);
    let measured = indicator.actual_value.map(|v| v.value);
    let mut inputs = vec![weight_key];
    if let Some(v) = indicator.actual_value {
        let k = Key::Indicator(id, IndicatorFigure::ActualValue);
        b.fact(k, &format!("{label}实际完成值"), Kind::Count, v.value, v.at);
        inputs.push(k);
    }
    let rules = b.scoring();
    let has_deviation = indicator
        .deviation
        .as_ref()
        .is_some_and(|d| !d.value.trim().is_empty());
    let over = measured.and_then(|m| over_achieved(&indicator.target.kind, m, rules));
    let rule = rule_score(&indicator.target.kind, measured, weight, rules).map(|rule| {
        let score = b.round(rule.score, Measure::Score).min(weight);
        let step = b.rules.rounding.step(Measure::Score);
        match unmet_cap(score, weight, rule.met, step) {
            None => (score, rule.words, rule.rule),
            Some(cap) => (
                cap,
                format!("{}；未达到目标，最多得 {cap} 分", rule.words),
                rule.rule,
            ),
        }
    });
    let mut cited = None;
    let (value, basis, formula) = match (rule, author) {
        // Over-achieved, with the reason given: the author may score it lower.
        (Some((score, _, _)), Some(s)) if over.is_some() && has_deviation && s < score => {
            inputs.push(author_fact(b, id, indicator));
            cited = Some(rules.cited("over_achievement", over_words(rules.over_achievement)));
            (
                Some(s),
                Basis::Reduced,
                format!(
                    "由作者评定：实际完成值超出目标过多（目标可能定得偏低），按规则应得 {score} 分，作者说明原因后酌情扣减"
                ),
            )
        }
        (Some((score, words, rule)), _) => {
            cited = rule;
            (
                Some(score),
                Basis::Computed,
                format!(
                    "{words}（目标 {}，{}）",
                    indicator.target.text,
                    b.rounding_words(Measure::Score)
                ),
            )
        }
        (None, Some(s)) => {
            inputs.push(author_fact(b, id, indicator));
            if indicator.rating.is_some() {
                cited = Some(rules.cited("rating_edges", rules.rating_edges));
            }
            (
                Some(s),
                Basis::Author,
                "由作者评定（定性指标或未填实际完成值）".to_string(),
            )
        }
        (None, None) => (
            None,
            Basis::Missing,
            "无法计算：定性指标或未填实际完成值，且未填作者评分".to_string(),
        ),
    };
    b.derived(
        score_key,
        &format!("{label}得分"),
        Kind::Score,
        value.map_or(Value::Missing, Value::Number),
        formula,
        &inputs,
    );
    b.cite_rule(score_key, cited);
    let figure = b.figures.name_of(score_key);
    b.outcome(IndicatorOutcome {
        figure,
        over_achieved: over.map(|o| b.round(o, Measure::Rate)),
        ..outcome(weight, value, basis)
    });
    (score_key, Some(weight_key))
}

/// Records the author's score of an indicator as a fact; returns its key.
fn author_fact(b: &mut Builder, id: IndicatorId, indicator: &Indicator) -> Key {
    let k = Key::Indicator(id, IndicatorFigure::AuthorScore);
    if let Some(score) = indicator.score {
        b.fact(
            k,
            &format!("{}作者评分", indicator.name.value),
            Kind::Score,
            score.value,
            score.at,
        );
    }
    k
}

/// The over-achievement threshold as `rules.over_achievement` writes it.
fn over_words(threshold: Option<Decimal>) -> String {
    threshold.map_or_else(|| crate::model::NOT_CHECKED.to_string(), |t| t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn grades() {
        assert_eq!(grade(d("91.94")), "优");
        assert_eq!(grade(d("89.2")), "良");
        assert_eq!(grade(d("60")), "中");
        assert_eq!(grade(d("59.99")), "差");
    }
}

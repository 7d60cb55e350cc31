//! Scores: each indicator by its target's rule, subtotals per 一级 and 二级
//! indicator, the total score and the grade (评价等级).
//!
//! An indicator that does not apply this year (`applicable: false`) is not
//! scored; the indicators of its 一级 category that apply share the
//! category's weight in proportion to their own (按百分制折算), each
//! re-scaled weight rounded by the file's rule and scored against like a
//! weight as written. `docs/data.md` gives the worked arithmetic.

use rust_decimal::Decimal;
use serde::Serialize;

use super::builder::{Builder, rounding_words};
use super::key::{IndicatorFigure, IndicatorId, Key, Money, Part, Table, TableFigure};
use super::{Kind, Value};
use crate::model::{Category, Evaluation, Indicator, Loc, Op, Rating, TargetKind};

/// How an indicator's score was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Computed from the target and the measured value.
    Computed,
    /// Given by the author (qualitative, or no measured value).
    Author,
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

/// How the weights of a category with an indicator that does not apply are
/// re-scaled (按百分制折算): each indicator that applies gets its weight ×
/// the category's weight ÷ the weights that apply, so that the category keeps
/// its share of 100.
#[derive(Debug, Clone, Copy)]
struct Rescaling {
    /// The category's weight: all its indicators' weights, as written.
    category: Key,
    /// The weights of its indicators that apply.
    applicable: Key,
}

/// Records an indicator's weight as written (分值).
fn weight_fact(b: &mut Builder, id: IndicatorId, indicator: &Indicator) {
    b.fact(
        Key::Indicator(id, IndicatorFigure::Weight),
        &format!("{}分值", indicator.name.value),
        Kind::Score,
        indicator.weight.value,
        indicator.weight.at,
    );
}

/// For a category with an indicator that does not apply: records every
/// indicator's weight, the category's weight (their sum) and the weights
/// that apply, before any score. None when every indicator applies.
fn rescaling(
    b: &mut Builder,
    name: &str,
    (table, ci): (Table, usize),
    category: &Category,
    place: impl Fn(usize, usize) -> IndicatorId,
) -> Option<Rescaling> {
    let indicators = || {
        (category.subcategories.iter().enumerate()).flat_map(|(si, sub)| {
            (sub.indicators.iter().enumerate()).map(move |(ii, indicator)| (si, ii, indicator))
        })
    };
    if indicators().all(|(.., indicator)| indicator.applies()) {
        return None;
    }
    let mut all = Vec::new();
    let mut applicable = Vec::new();
    for (si, ii, indicator) in indicators() {
        let id = place(si, ii);
        weight_fact(b, id, indicator);
        let key = Key::Indicator(id, IndicatorFigure::Weight);
        all.push(key);
        if indicator.applies() {
            applicable.push(key);
        }
    }
    let part = |p| Key::Category(table, ci, p);
    let category_name = &category.name.value;
    b.sum(
        part(Part::Weight),
        &format!("{name}{category_name}分值"),
        Kind::Score,
        &all,
    );
    b.sum(
        part(Part::ApplicableWeight),
        &format!("{name}{category_name}适用指标分值合计"),
        Kind::Score,
        &applicable,
    );
    Some(Rescaling {
        category: part(Part::Weight),
        applicable: part(Part::ApplicableWeight),
    })
}

/// The weight an indicator that applies is scored against: as written, or
/// re-scaled in its category; the key it is recorded under.
fn scored_weight(
    b: &mut Builder,
    id: IndicatorId,
    label: &str,
    rescaling: Option<Rescaling>,
) -> (Key, Decimal) {
    let weight_key = Key::Indicator(id, IndicatorFigure::Weight);
    let Some(r) = rescaling else {
        return (weight_key, b.value(weight_key).unwrap_or_default());
    };
    let key = Key::Indicator(id, IndicatorFigure::RescaledWeight);
    let weight = b.value(weight_key).unwrap_or_default();
    let category = b.value(r.category).unwrap_or_default();
    let applicable = b.value(r.applicable).unwrap_or_default();
    let rescaled = weight
        .checked_mul(category)
        .and_then(|w| w.checked_div(applicable))
        .map(|w| b.round(w));
    let formula = format!(
        "{} {weight} × {} {category} ÷ {} {applicable}（不适用的指标不计分，其分值由同一一级指标下适用的指标按分值比例分享；{}；适用指标分值合计为 0 时无法折算）",
        b.label(weight_key),
        b.label(r.category),
        b.label(r.applicable),
        rounding_words(b.rules.rounding)
    );
    b.computed(
        key,
        &format!("{label}折算分值"),
        Kind::Score,
        (applicable.is_zero(), rescaled),
        formula,
        &[weight_key, r.category, r.applicable],
    );
    (key, b.value(key).unwrap_or_default())
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
    let rule = rule_score(&indicator.target.kind, measured, weight).map(|rule| {
        let score = b.round(rule.score).min(weight);
        if rule.met || score < weight {
            (score, rule.words)
        } else {
            let cap = short_of_full(weight);
            (cap, format!("{}；未达到目标，最多得 {cap} 分", rule.words))
        }
    });
    let (value, basis, formula) = match (rule, author) {
        (Some((score, words)), _) => (
            Some(score),
            Basis::Computed,
            format!(
                "{words}（目标 {}，{}）",
                indicator.target.text,
                rounding_words(b.rules.rounding)
            ),
        ),
        (None, Some(s)) => {
            let k = Key::Indicator(id, IndicatorFigure::AuthorScore);
            b.fact(
                k,
                &format!("{label}作者评分"),
                Kind::Score,
                s,
                indicator.score.map(|x| x.at).unwrap_or_default(),
            );
            inputs.push(k);
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
    let figure = b.figures.name_of(score_key);
    b.outcome(IndicatorOutcome {
        figure,
        ..outcome(weight, value, basis)
    });
    (score_key, Some(weight_key))
}

/// What a target's rule gives for a measured value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleScore {
    /// Unrounded; the caller rounds and caps it.
    pub score: Decimal,
    /// The target was met: only then may the score be the full weight.
    pub met: bool,
    /// The rule applied, in words.
    pub words: String,
}

/// The largest score of two decimals strictly below `weight` (never below
/// zero): what a target that was not met earns at most, so that full marks
/// always mean the target was met, even when a near miss would round up.
fn short_of_full(weight: Decimal) -> Decimal {
    let hundredth = Decimal::new(1, 2);
    let below = match weight.checked_mul(Decimal::ONE_HUNDRED) {
        Some(hundredths) => (hundredths.ceil() - Decimal::ONE) / Decimal::ONE_HUNDRED,
        None => weight.saturating_sub(hundredth),
    };
    below.max(Decimal::ZERO)
}

/// The score a rule gives, with whether the target was met and the rule in
/// words; none when the target is qualitative or no measured value was given.
///
/// A quantitative target met earns the full weight. Short of it (under an
/// at-least or strictly-above target, under an exact one, under a range) the
/// score is actual ÷ target × weight; beyond it (over an at-most or
/// strictly-below target, over an exact one, over a range) it is
/// (1 − overrun ÷ target) × weight, never below zero. A strict target is not
/// met at its own number, where these give the full weight: the cap of an
/// unmet target (see [`short_of_full`]) then takes one hundredth off.
pub fn rule_score(
    target: &TargetKind,
    measured: Option<Decimal>,
    weight: Decimal,
) -> Option<RuleScore> {
    let actual = measured?;
    let full = |words: String| RuleScore {
        score: weight,
        met: true,
        words,
    };
    match *target {
        TargetKind::Qualitative => None,
        TargetKind::Satisfaction {
            full_at,
            step,
            deduct,
        } => {
            if actual >= full_at {
                return Some(full(format!("实际 {actual}% 达到 {full_at}%，得满分")));
            }
            let steps = full_at.checked_sub(actual)?.checked_div(step)?.floor();
            let score = weight
                .checked_sub(steps.checked_mul(deduct)?)?
                .max(Decimal::ZERO);
            Some(RuleScore {
                score,
                met: steps.is_zero() || deduct.is_zero(),
                words: format!("分值 − ⌊({full_at} − {actual}) ÷ {step}⌋ × {deduct}，扣完为止"),
            })
        }
        TargetKind::Quantitative {
            op, value: target, ..
        } => {
            let met = match op {
                Op::AtLeast => actual >= target,
                Op::AtMost => actual <= target,
                Op::Above => actual > target,
                Op::Below => actual < target,
                Op::Exactly => actual == target,
            };
            if met {
                return Some(full(format!(
                    "实际 {actual} 达到目标 {}{target}，得满分",
                    op.symbol()
                )));
            }
            let short = match op {
                Op::AtLeast | Op::Above => true,
                Op::AtMost | Op::Below => false,
                Op::Exactly => actual < target,
            };
            missed(actual, target, short, weight)
        }
        TargetKind::Range { low, high, .. } => {
            if actual < low {
                missed(actual, low, true, weight)
            } else if actual > high {
                missed(actual, high, false, weight)
            } else {
                Some(full(format!(
                    "实际 {actual} 在目标 {low} 至 {high} 之内，得满分"
                )))
            }
        }
    }
}

/// The score of a target not met: `short` of it, actual ÷ target × weight;
/// beyond it, (1 − overrun ÷ target) × weight; clamped to 0 … weight.
fn missed(actual: Decimal, target: Decimal, short: bool, weight: Decimal) -> Option<RuleScore> {
    let (ratio, words) = if target.is_zero() {
        (
            Decimal::ZERO,
            format!("实际 {actual} 未达到目标 0，得 0 分"),
        )
    } else if short {
        (
            actual.checked_div(target).unwrap_or(Decimal::ZERO),
            format!("实际 {actual} ÷ 目标 {target} × 分值"),
        )
    } else {
        let share = actual
            .checked_sub(target)
            .and_then(|over| over.checked_div(target));
        (
            share
                .and_then(|share| Decimal::ONE.checked_sub(share))
                .unwrap_or(Decimal::ZERO),
            format!("(1 − (实际 {actual} − 目标 {target}) ÷ 目标 {target}) × 分值，最低 0 分"),
        )
    };
    let ratio = ratio.clamp(Decimal::ZERO, Decimal::ONE);
    Some(RuleScore {
        score: ratio.checked_mul(weight)?,
        met: false,
        words,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(op: Op, v: &str) -> TargetKind {
        TargetKind::Quantitative {
            op,
            op_written: true,
            value: d(v),
            unit: String::new(),
        }
    }

    #[test]
    fn at_least_met_gives_full_marks_and_short_is_proportional() {
        assert_eq!(
            rule_score(&q(Op::AtLeast, "40"), Some(d("46")), d("8"))
                .unwrap()
                .score,
            d("8")
        );
        assert_eq!(
            rule_score(&q(Op::AtLeast, "200"), Some(d("168")), d("6"))
                .unwrap()
                .score,
            d("5.04")
        );
    }

    #[test]
    fn at_most_overrun_loses_the_overrun_share() {
        assert_eq!(
            rule_score(&q(Op::AtMost, "0.8"), Some(d("0.92")), d("5"))
                .unwrap()
                .score,
            d("4.25")
        );
        assert_eq!(
            rule_score(&q(Op::AtMost, "1"), Some(d("3")), d("5"))
                .unwrap()
                .score,
            d("0")
        );
    }

    #[test]
    fn satisfaction_rule_deducts_per_full_step() {
        let rule = TargetKind::Satisfaction {
            full_at: d("95"),
            step: d("5"),
            deduct: d("1"),
        };
        assert_eq!(
            rule_score(&rule, Some(d("96")), d("5")).unwrap().score,
            d("5")
        );
        assert_eq!(
            rule_score(&rule, Some(d("90")), d("5")).unwrap().score,
            d("4")
        );
        assert_eq!(
            rule_score(&rule, Some(d("85")), d("10")).unwrap().score,
            d("8")
        );
        assert_eq!(
            rule_score(&rule, Some(d("0")), d("5")).unwrap().score,
            d("0")
        );
    }

    fn score(target: &TargetKind, actual: &str) -> (Decimal, bool) {
        let rule = rule_score(target, Some(d(actual)), d("10")).unwrap();
        (rule.score, rule.met)
    }

    #[test]
    fn strict_targets_are_not_met_at_their_number() {
        let above = q(Op::Above, "90");
        assert_eq!(score(&above, "91"), (d("10"), true));
        assert_eq!(score(&above, "90"), (d("10"), false));
        assert_eq!(score(&above, "45"), (d("5"), false));
        let below = q(Op::Below, "5");
        assert_eq!(score(&below, "4"), (d("10"), true));
        assert_eq!(score(&below, "5"), (d("10"), false));
        assert_eq!(score(&below, "6"), (d("8"), false));
    }

    #[test]
    fn a_range_is_met_inside_and_scored_by_the_nearer_end_outside() {
        let range = TargetKind::Range {
            low: d("90"),
            high: d("100"),
            unit: "%".into(),
        };
        assert_eq!(score(&range, "90"), (d("10"), true));
        assert_eq!(score(&range, "100"), (d("10"), true));
        assert_eq!(score(&range, "45"), (d("5"), false));
        assert_eq!(score(&range, "110"), (d("9"), false));
    }

    #[test]
    fn zero_targets_missed_score_nothing() {
        assert_eq!(score(&q(Op::AtMost, "0"), "1"), (d("0"), false));
        assert_eq!(score(&q(Op::Above, "0"), "0"), (d("0"), false));
        assert_eq!(score(&q(Op::AtMost, "0"), "0"), (d("10"), true));
    }

    #[test]
    fn an_unmet_target_stays_below_full_marks() {
        assert_eq!(short_of_full(d("10")), d("9.99"));
        assert_eq!(short_of_full(d("4.995")), d("4.99"));
        assert_eq!(short_of_full(d("0")), d("0"));
        assert_eq!(short_of_full(d("0.005")), d("0"));
        assert!(short_of_full(Decimal::MAX) <= Decimal::MAX);
    }

    #[test]
    fn qualitative_or_unmeasured_is_not_computed() {
        assert!(rule_score(&TargetKind::Qualitative, Some(d("1")), d("5")).is_none());
        assert!(rule_score(&q(Op::AtLeast, "1"), None, d("5")).is_none());
    }

    #[test]
    fn grades() {
        assert_eq!(grade(d("91.94")), "优");
        assert_eq!(grade(d("89.2")), "良");
        assert_eq!(grade(d("60")), "中");
        assert_eq!(grade(d("59.99")), "差");
    }
}

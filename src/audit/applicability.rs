//! Indicators that do not apply this year (`applicable: false`): one with a
//! measured value, score or rating written (J025); a category left with no
//! applicable weight to share its own (J026); re-scaled weights that, each
//! rounded, add up to other than their category's weight (J027).

use rust_decimal::Decimal;

use super::scoring::score_words;
use super::{Finding, Rule, lines_words};
use crate::compute::key::{self, Key, Part, Table};
use crate::compute::{Basis, Figures, IndicatorOutcome};
use crate::model::Facts;

/// An indicator that does not apply with a measured value, a score or a
/// rating written: values that are never used, so one of the two is wrong.
pub(super) fn indicator(facts: &Facts, o: &IndicatorOutcome, who: &str, out: &mut Vec<Finding>) {
    let evaluation = key::evaluation(facts, o.id.table);
    let indicator = &evaluation.categories[o.id.category].subcategories[o.id.subcategory]
        .indicators[o.id.indicator];
    let mut written = Vec::new();
    let mut lines = vec![o.at];
    lines.extend(indicator.applicable.map(|a| a.at));
    if let Some(v) = indicator.actual_value {
        written.push("实际完成值折算数（actual_value）");
        lines.push(v.at);
    }
    if let Some(s) = indicator.score {
        written.push("自评得分（score）");
        lines.push(s.at);
    }
    if indicator.rating.is_some() {
        written.push("评价等级（rating）");
    }
    if written.is_empty() {
        return;
    }
    out.push(Finding::new(
        Rule::NotApplicableScored,
        format!(
            "{who}写明本年不适用（applicable: false），却填写了{}；不适用的指标不计分，这些值不会用到（{}）",
            written.join("、"),
            lines_words(&lines)
        ),
        vec![o.figure.clone()],
        lines,
    ));
}

/// The categories of a table whose weights were re-scaled: each needs an
/// indicator that applies with a weight to share the category's, and the
/// re-scaled weights, each rounded, should add up to the category's weight.
pub(super) fn categories(
    facts: &Facts,
    figures: &Figures,
    table: Table,
    what: &str,
    out: &mut Vec<Finding>,
) {
    let evaluation = key::evaluation(facts, table);
    for (ci, category) in evaluation.categories.iter().enumerate() {
        let part = |p| Key::Category(table, ci, p);
        let Some(applicable) = figures.number_of(part(Part::ApplicableWeight)) else {
            continue;
        };
        let Some(weight) = figures.number_of(part(Part::Weight)) else {
            continue;
        };
        let mut lines = vec![category.name.at];
        lines.extend(figures.fact_lines_of(part(Part::Weight)));
        let name = &category.name.value;
        if applicable.is_zero() {
            out.push(Finding::new(
                Rule::NoApplicableIndicator,
                format!(
                    "{what}的一级指标「{name}」下没有适用的指标（适用指标分值合计为 0），其分值 {} 无法折算；该一级指标按 0 分计（{}）",
                    score_words(weight),
                    lines_words(&lines)
                ),
                vec![figures.name_of(part(Part::Weight))],
                lines,
            ));
            continue;
        }
        let shared = figures
            .indicators
            .iter()
            .filter(|o| o.id.table == table && o.id.category == ci)
            .filter(|o| o.basis != Basis::NotApplicable)
            .try_fold(Decimal::ZERO, |sum, o| sum.checked_add(o.weight));
        // Sums too large to compare are reported as overflows (J024).
        let Some(off) = shared.and_then(|shared| shared.checked_sub(weight)) else {
            continue;
        };
        if off.is_zero() {
            continue;
        }
        let shared = weight + off;
        out.push(Finding::new(
            Rule::RescaledWeightsOff,
            format!(
                "{what}的一级指标「{name}」中，适用指标的折算分值合计为 {}，与该一级指标的分值 {} 相差 {}：各折算分值（分值 × {} ÷ {}）保留两位小数所致；该一级指标最多可得 {}（{}）",
                score_words(shared),
                score_words(weight),
                score_words(off.abs()),
                weight.normalize(),
                applicable.normalize(),
                score_words(shared),
                lines_words(&lines)
            ),
            vec![figures.name_of(part(Part::Weight))],
            lines,
        ));
    }
}

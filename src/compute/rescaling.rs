//! Re-scaled weights (按百分制折算): in a 一级 category with an indicator
//! that does not apply this year (`applicable: false`), the indicators that
//! apply share the category's weight in proportion to their own, so that the
//! category keeps its share of 100. Each re-scaled weight is
//! weight × category weight ÷ applicable weights, rounded by the file's rule
//! (the builder's rounding), and is what the indicator is scored against.
//! `docs/data.md` gives the sources and a worked example.

use rust_decimal::Decimal;

use super::Kind;
use super::builder::Builder;
use super::key::{IndicatorFigure, IndicatorId, Key, Part, Table};
use crate::model::{Category, Indicator};
use crate::rounding::Measure;

/// How the weights of a category with an indicator that does not apply are
/// re-scaled (按百分制折算): each indicator that applies gets its weight ×
/// the category's weight ÷ the weights that apply, so that the category keeps
/// its share of 100.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rescaling {
    /// The category's weight: all its indicators' weights, as written.
    category: Key,
    /// The weights of its indicators that apply.
    applicable: Key,
}

/// Records an indicator's weight as written (分值).
pub(super) fn weight_fact(b: &mut Builder, id: IndicatorId, indicator: &Indicator) {
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
pub(super) fn rescaling(
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
pub(super) fn scored_weight(
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
        .map(|w| b.round(w, Measure::Score));
    let formula = format!(
        "{} {weight} × {} {category} ÷ {} {applicable}（不适用的指标不计分，其分值由同一一级指标下适用的指标按分值比例分享；{}；适用指标分值合计为 0 时无法折算）",
        b.label(weight_key),
        b.label(r.category),
        b.label(r.applicable),
        b.rounding_words(Measure::Score)
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

//! Scores against their rules: author scores within range and band, scores
//! below full marks explained, weights adding up to 100.

use rust_decimal::Decimal;

use super::{Finding, Rule, lines_words, show};
use crate::compute::key::{Key, Money, Table, TableFigure};
use crate::compute::{Basis, Figures, IndicatorOutcome, Kind, Value};
use crate::model::{Facts, Loaded, Rating};

pub(super) fn check(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    let facts = &loaded.facts;
    for outcome in &figures.indicators {
        indicator(facts, outcome, out);
    }
    let mut tables = vec![(Table::Unit, "单位整体支出绩效自评表".to_string())];
    tables.extend((facts.projects.iter().enumerate()).map(|(i, p)| {
        (
            Table::Project(i),
            format!("项目「{}」绩效自评表", p.name.value),
        )
    }));
    for (table, what) in tables {
        weights(figures, table, &what, out);
        execution_score(figures, table, &what, out);
    }
}

/// Where an indicator is: its table's owner, category, subcategory and name.
fn where_(facts: &Facts, o: &IndicatorOutcome) -> String {
    let table = match o.id.table {
        Table::Unit => "单位整体",
        Table::Project(i) => facts.projects[i].name.value.as_str(),
    };
    format!("{table}·{}·{}·「{}」", o.category, o.subcategory, o.name)
}

/// `percent` % of `weight`; a weight too large to scale stays as it is
/// (such a weight is itself reported).
fn percent_of(percent: Decimal, weight: Decimal) -> Decimal {
    percent
        .checked_mul(weight)
        .map_or(weight, |p| p / Decimal::ONE_HUNDRED)
}

fn score_words(d: Decimal) -> String {
    show(Kind::Score, &Value::Number(d))
}

fn indicator(facts: &Facts, o: &IndicatorOutcome, out: &mut Vec<Finding>) {
    let mut lines = vec![o.at];
    lines.extend(o.score_at);
    let at = lines_words(&lines);
    let who = where_(facts, o);
    if o.basis == Basis::Missing {
        out.push(Finding::new(
            Rule::ScoreMissing,
            format!(
                "{who}既无法按规则计算（定性指标或未填 actual_value），也没有填写 score（{at}）"
            ),
            vec![o.figure.clone()],
            lines.clone(),
        ));
        return;
    }
    let Some(score) = o.score else { return };
    if let (Basis::Computed, Some(author)) = (o.basis, o.author_score)
        && author.normalize() != score.normalize()
    {
        out.push(Finding::new(
            Rule::ScoreVsRule,
            format!(
                "{who}印出的自评得分为 {}，按目标与实际完成值计算应为 {}（{at}）",
                score_words(author),
                score_words(score)
            ),
            vec![o.figure.clone()],
            lines.clone(),
        ));
    }
    if score < Decimal::ZERO || score > o.weight {
        out.push(Finding::new(
            Rule::ScoreOutOfRange,
            format!(
                "{who}得分 {} 超出 0 至分值 {}（{at}）",
                score_words(score),
                score_words(o.weight)
            ),
            vec![o.figure.clone()],
            lines.clone(),
        ));
    }
    if o.basis == Basis::Author
        && let Some(rating) = o.rating
    {
        let (low, high) = band(rating);
        let share = if o.weight.is_zero() {
            Decimal::ZERO
        } else {
            // A score too large to scale is far outside any band.
            score
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|s| s.checked_div(o.weight))
                .unwrap_or(Decimal::MAX)
        };
        let inside = share >= low && (share <= high);
        if !inside {
            out.push(Finding::new(
                Rule::ScoreOutsideBand,
                format!(
                    "{who}评为「{}」，其得分应在分值的 {low}%–{high}% 之间（{} 至 {}），而作者评分为 {}（{at}）",
                    rating.label(),
                    score_words(percent_of(low, o.weight)),
                    score_words(percent_of(high, o.weight)),
                    score_words(score)
                ),
                vec![o.figure.clone()],
                lines.clone(),
            ));
        }
    }
    if score < o.weight && !o.has_deviation {
        out.push(Finding::new(
            Rule::ShortScoreUnexplained,
            format!(
                "{who}得分 {} 低于分值 {}，但没有填写偏差原因分析（deviation）（{at}）",
                score_words(score),
                score_words(o.weight)
            ),
            vec![o.figure.clone()],
            lines,
        ));
    }
}

/// The share of 分值 (in percent) that a rating allows.
fn band(rating: Rating) -> (Decimal, Decimal) {
    match rating {
        Rating::Achieved => (Decimal::from(80), Decimal::from(100)),
        Rating::PartlyAchieved => (Decimal::from(60), Decimal::from(80)),
        Rating::NotAchieved => (Decimal::ZERO, Decimal::from(60)),
    }
}

fn weights(figures: &Figures, table: Table, what: &str, out: &mut Vec<Finding>) {
    let key = Key::Table(table, TableFigure::TotalWeight);
    let Some(total) = figures.number_of(key) else {
        return;
    };
    if total == Decimal::ONE_HUNDRED {
        return;
    }
    let lines = figures.fact_lines_of(key);
    let parts = figures
        .of(key)
        .map(|f| {
            f.inputs
                .iter()
                .filter_map(|i| figures.get(i))
                .map(|i| format!("{} {}", i.label, show(i.kind, &i.value)))
                .collect::<Vec<_>>()
                .join("、")
        })
        .unwrap_or_default();
    out.push(Finding::new(
        Rule::WeightsNot100,
        format!(
            "{what}的分值合计为 {}，应为 100（{parts}）",
            score_words(total)
        ),
        vec![figures.name_of(key)],
        lines,
    ));
}

/// A table whose budget-execution score cannot be computed (a zero full-year
/// budget) counts it as nothing; say so rather than let the total look complete.
fn execution_score(figures: &Figures, table: Table, what: &str, out: &mut Vec<Finding>) {
    let key = Key::Money(table.holder(), Money::ExecutionScore);
    if figures.of(key).is_some_and(|f| f.value == Value::Missing) {
        let lines = figures.fact_lines_of(Key::Money(table.holder(), Money::FullYearBudget));
        out.push(Finding::new(
            Rule::ScoreMissing,
            format!(
                "{what}的预算执行得分无法计算：全年预算为 0，没有执行率（{}）；总分中该项按 0 分计",
                lines_words(&lines)
            ),
            vec![figures.name_of(key)],
            lines,
        ));
    }
}

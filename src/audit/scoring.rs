//! Scores against their rules: author scores within range and band, scores
//! below full marks explained, weights adding up to 100 (those of indicators
//! that do not apply: [`super::applicability`]).

use rust_decimal::Decimal;

use super::{Finding, Rule, applicability, lines_words, show};
use crate::compute::key::{Key, Money, Part, Table, TableFigure};
use crate::compute::{Basis, Figures, IndicatorOutcome, Kind, Value};
use crate::model::{Facts, Loaded, Rating, RatingEdges};
use crate::rounding::Measure;

pub(super) fn check(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    let facts = &loaded.facts;
    for outcome in &figures.indicators {
        indicator(facts, outcome, out);
        over_achieved(facts, outcome, out);
    }
    written_places(facts, figures, out);
    let mut tables = vec![(Table::Unit, "单位整体支出绩效自评表".to_string())];
    tables.extend((facts.projects.iter().enumerate()).map(|(i, p)| {
        (
            Table::Project(i),
            format!("项目「{}」绩效自评表", p.name.value),
        )
    }));
    for (table, what) in tables {
        weights(figures, table, &what, out);
        top_weights(facts, figures, table, &what, out);
        execution_score(figures, table, &what, out);
        applicability::categories(facts, figures, table, &what, out);
    }
}

/// Scores and weights as the author wrote them (分值, 作者评分) with more
/// decimals than the rounding rule prints scores with: the report would
/// show another figure (89.999 as 90.00), so each is an error at its line.
fn written_places(facts: &Facts, figures: &Figures, out: &mut Vec<Finding>) {
    let rounding = facts.rules.rounding;
    let places = rounding.places(Measure::Score);
    for figure in figures.iter().filter(|f| f.is_fact()) {
        let (Kind::Score, Value::Number(written), Some(at)) =
            (figure.kind, &figure.value, figure.at)
        else {
            continue;
        };
        let decimals = written.normalize().scale();
        if decimals <= places {
            continue;
        }
        let printed = rounding.shown(*written, places);
        out.push(Finding::new(
            Rule::ScoreTooPrecise,
            format!(
                "「{}」写作 {}，有 {decimals} 位小数，而舍入规则（rules.rounding）的得分{}，报告中将印为 {printed}（{}）；请按报告应印的数改写，或在 rules.rounding 中把「得分」改为 {decimals} 位小数",
                figure.label,
                score_words(*written),
                rounding.words(Measure::Score),
                lines_words(&[at]),
            ),
            vec![figure.name.clone()],
            vec![at],
        ));
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

pub(super) fn score_words(d: Decimal) -> String {
    show(Kind::Score, &Value::Number(d))
}

fn indicator(facts: &Facts, o: &IndicatorOutcome, out: &mut Vec<Finding>) {
    let mut lines = vec![o.at];
    lines.extend(o.score_at);
    let at = lines_words(&lines);
    let who = where_(facts, o);
    if o.basis == Basis::NotApplicable {
        applicability::indicator(facts, o, &who, out);
        return;
    }
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
        let edges = facts.scoring.rating_edges;
        let share = if o.weight.is_zero() {
            Decimal::ZERO
        } else {
            // A score too large to scale is far outside any band.
            score
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|s| s.checked_div(o.weight))
                .unwrap_or(Decimal::MAX)
        };
        let inside = within_band(share, rating, edges);
        if !inside {
            out.push(Finding::new(
                Rule::ScoreOutsideBand,
                format!(
                    "{who}评为「{}」，其得分应在分值的 {low}%{}–{high}%{}之间（{} 至 {}），而作者评分为 {}（{at}）",
                    rating.label(),
                    edge_words(within_band(low, rating, edges)),
                    edge_words(within_band(high, rating, edges)),
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

/// Whether a score of `share` percent of 分值 belongs to `rating`: each band
/// holds its lower end (80 % is 达成, 60 % 部分达成) or its upper end (80 %
/// is 部分达成, 60 % 未达成), as the rules' edges say; 100 % is always 达成
/// and 0 always 未达成.
fn within_band(share: Decimal, rating: Rating, edges: RatingEdges) -> bool {
    let (low, high) = band(rating);
    let above_low = match edges {
        RatingEdges::Lower => share >= low,
        RatingEdges::Upper => share > low || low.is_zero() && share.is_zero(),
    };
    let below_high = match edges {
        RatingEdges::Lower => share < high || high == Decimal::ONE_HUNDRED && share == high,
        RatingEdges::Upper => share <= high,
    };
    above_low && below_high
}

/// Whether a band's end belongs to it, in words.
fn edge_words(inside: bool) -> &'static str {
    if inside { "（含）" } else { "（不含）" }
}

/// The share of 分值 (in percent) that a rating spans.
fn band(rating: Rating) -> (Decimal, Decimal) {
    match rating {
        Rating::Achieved => (Decimal::from(80), Decimal::from(100)),
        Rating::PartlyAchieved => (Decimal::from(60), Decimal::from(80)),
        Rating::NotAchieved => (Decimal::ZERO, Decimal::from(60)),
    }
}

/// An actual far above an at-least target asks for the reason: the target
/// may have been set too low (the author may then score it lower).
fn over_achieved(facts: &Facts, o: &IndicatorOutcome, out: &mut Vec<Finding>) {
    let Some(over) = o.over_achieved.map(|o| o.normalize()) else {
        return;
    };
    if o.has_deviation {
        return;
    }
    let rules = &facts.scoring;
    let threshold = rules.over_achievement.unwrap_or_default().normalize();
    // The excess is rounded: one just above the threshold may round to it,
    // and is then not given as a number that would not be “more”.
    let excess = if over > threshold {
        format!("超出目标 {over}%，")
    } else {
        "超出目标的比例".to_string()
    };
    out.push(Finding::new(
        Rule::OverAchievedUnexplained,
        format!(
            "{}实际完成值{excess}多于 {threshold}%（over_achievement，{}）；请在 deviation 中说明超额的原因（目标是否定得偏低），确需扣分的在 score 中写扣减后的得分（{}）",
            where_(facts, o),
            rules.whose("over_achievement"),
            lines_words(&[o.at])
        ),
        vec![o.figure.clone()],
        vec![o.at],
    ));
}

/// The 分值 of 预算执行率 and of each 一级指标 against the split the rules
/// expect (such as 10/50/30/10).
fn top_weights(facts: &Facts, figures: &Figures, table: Table, what: &str, out: &mut Vec<Finding>) {
    let expected = &facts.scoring.top_weights;
    if expected.is_empty() {
        return;
    }
    let evaluation = match table {
        Table::Unit => &facts.self_evaluation,
        Table::Project(i) => &facts.projects[i].evaluation,
    };
    let mut keys = vec![Key::Table(table, TableFigure::ExecutionWeight)];
    keys.extend((0..evaluation.categories.len()).map(|c| Key::Category(table, c, Part::Weight)));
    let actual: Vec<Option<Decimal>> = keys.iter().map(|&k| figures.number_of(k)).collect();
    let same =
        actual.len() == expected.len() && actual.iter().zip(expected).all(|(a, e)| *a == Some(*e));
    if same {
        return;
    }
    let mut names = vec!["预算执行率".to_string()];
    names.extend(evaluation.categories.iter().map(|c| c.name.value.clone()));
    let split = names
        .iter()
        .zip(&actual)
        .map(|(n, a)| format!("{n} {}", a.map_or_else(|| "—".into(), score_words)))
        .collect::<Vec<_>>()
        .join("、");
    let wanted = expected
        .iter()
        .map(|e| e.normalize().to_string())
        .collect::<Vec<_>>()
        .join("/");
    let mut lines = vec![evaluation.execution_weight.at];
    lines.extend(evaluation.categories.iter().map(|c| c.name.at));
    let rules = &facts.scoring;
    out.push(Finding::new(
        Rule::TopWeightsDiffer,
        format!(
            "{what}的一级分值为{split}，与标准分配 {wanted}（top_weights，{}）不符；确需调整的请在报告中说明理由（{}）",
            rules.whose("top_weights"),
            lines_words(&lines)
        ),
        keys.iter().map(|&k| figures.name_of(k)).collect(),
        lines,
    ));
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

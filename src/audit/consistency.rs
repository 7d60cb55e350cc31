//! Figures against figures: parts against totals, printed values against
//! computed ones, the same figure printed two ways, execution rates.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Finding, Rule, lines_words, show, show_as_written};
use crate::compute::key::{Holder, Key, Money, YearColumn};
use crate::compute::{Figures, Kind, Value};
use crate::model::{Facts, Loaded, Loc, Note, Reported, Text};
use crate::rounding::{Measure, Rounding};

pub(super) fn check(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    basic_split(figures, out);
    reported(&loaded.facts, figures, out);
    precision(&loaded.notes, loaded.facts.rules.rounding, out);
    execution(loaded, figures, out);
    items_within_total(figures, out);
}

/// A figure's label and its value as printed.
fn described(figures: &Figures, key: Key) -> (String, String) {
    let f = figures.of(key);
    let value = f.map_or("—".into(), |f| show(f.kind, &f.value));
    let label = f.map_or_else(String::new, |f| f.label.clone());
    (label, value)
}

/// 人员经费 + 公用经费 must equal 基本支出实际支出.
fn basic_split(figures: &Figures, out: &mut Vec<Finding>) {
    let basic = |m| Key::Money(Holder::Basic, m);
    let (split, actual_key) = (basic(Money::SplitTotal), basic(Money::Actual));
    let (Some(sum), Some(actual)) = (figures.number_of(split), figures.number_of(actual_key))
    else {
        return;
    };
    if sum == actual {
        return;
    }
    let (_, personnel) = described(figures, basic(Money::Personnel));
    let (_, public) = described(figures, basic(Money::Public));
    let lines = figures
        .fact_lines_of(actual_key)
        .into_iter()
        .chain(figures.fact_lines_of(split))
        .collect::<Vec<_>>();
    out.push(Finding::new(
        Rule::PartsVsTotal,
        format!(
            "人员经费 {personnel} + 公用经费 {public} = {}，而基本支出实际支出为 {}，相差 {}（{}）",
            show(Kind::Money, &Value::Number(sum)),
            show(Kind::Money, &Value::Number(actual)),
            show(Kind::Money, &Value::Number(actual - sum)),
            lines_words(&lines)
        ),
        vec![figures.name_of(split), figures.name_of(actual_key)],
        lines,
    ));
}

/// Printed values against computed ones, and printed values against each other.
fn reported(facts: &Facts, figures: &Figures, out: &mut Vec<Finding>) {
    let entries = &facts.reported;
    let mut by_figure: BTreeMap<&str, Vec<&Reported>> = BTreeMap::new();
    for r in entries {
        match figures.get(&r.figure.value) {
            None => out.push(unknown_figure(&r.figure, figures)),
            Some(_) => by_figure
                .entry(r.figure.value.as_str())
                .or_default()
                .push(r),
        }
    }
    for (name, printed) in by_figure {
        let figure = figures.get(name).expect("checked above");
        let mut values: BTreeMap<Decimal, Vec<&Reported>> = BTreeMap::new();
        for r in &printed {
            values.entry(r.value.value.normalize()).or_default().push(r);
        }
        if values.len() > 1 {
            let places = values
                .values()
                .map(|rs| {
                    let at: Vec<&str> = rs.iter().map(|r| r.at.value.as_str()).collect();
                    format!(
                        "{}（{}）",
                        show_as_written(figure.kind, rs[0].value.value),
                        at.join("、")
                    )
                })
                .collect::<Vec<_>>()
                .join("与");
            let lines: Vec<Loc> = printed.iter().map(|r| r.value.at).collect();
            out.push(Finding::new(
                Rule::PrintedTwoWays,
                format!(
                    "「{}」在报告中印成不同数值：{places}；按事实计算应为 {}（{}）",
                    figure.label,
                    show(figure.kind, &figure.value),
                    lines_words(&lines)
                ),
                vec![name.to_string()],
                lines,
            ));
        }
        let Some(computed) = figure.value.number() else {
            continue;
        };
        for (value, rs) in values {
            if value == computed.normalize() {
                continue;
            }
            let printed = rs[0].value.value;
            let hint = rounding_hint(figure.kind, facts.rules.rounding, printed, computed);
            out.push(mismatch(figure, figures, (printed, &hint), &rs));
        }
    }
}

fn mismatch(
    figure: &crate::compute::Figure,
    figures: &Figures,
    (printed, hint): (Decimal, &str),
    rs: &[&Reported],
) -> Finding {
    let at: Vec<&str> = rs.iter().map(|r| r.at.value.as_str()).collect();
    let printed_lines: Vec<Loc> = rs.iter().map(|r| r.value.at).collect();
    let fact_lines = figures.fact_lines(&figure.name);
    let basis = if figure.is_fact() {
        format!(
            "而事实为 {}（{}）",
            show(figure.kind, &figure.value),
            lines_words(&fact_lines)
        )
    } else {
        format!(
            "而按事实计算应为 {}（{} = {}；所依据的事实在{}）",
            show(figure.kind, &figure.value),
            figure.label,
            figure.formula,
            lines_words(&fact_lines)
        )
    };
    let mut lines = printed_lines.clone();
    lines.extend(fact_lines);
    Finding::new(
        Rule::ReportedVsComputed,
        format!(
            "「{}」在{}印为 {}（{}），{basis}{hint}",
            figure.label,
            at.join("、"),
            show_as_written(figure.kind, printed),
            lines_words(&printed_lines),
        ),
        vec![figure.name.clone()],
        lines,
    )
}

/// For a rate or a score printed one rounding step away from the computed
/// value, the suspicion that it was rounded another way than the rule says.
fn rounding_hint(kind: Kind, rule: Rounding, printed: Decimal, computed: Decimal) -> String {
    let Some(measure) = kind.measure().filter(|&m| m != Measure::Money) else {
        return String::new();
    };
    let step = rule.step(measure);
    // Checked: a printed value may be as large as any decimal, of either sign.
    if printed.checked_sub(computed).map(|d| d.abs()) == Some(step) {
        format!(
            "；相差 {step}，疑似舍入方式不对（应{}）或所用分项数字有误",
            rule.mode.word()
        )
    } else {
        String::new()
    }
}

fn unknown_figure(name: &Text, figures: &Figures) -> Finding {
    let stem = name.value.split(['.', '[']).next().unwrap_or("");
    let mut similar: Vec<&str> = figures
        .iter()
        .map(|f| f.name.as_str())
        .filter(|n| n.starts_with(stem) && !stem.is_empty())
        .take(8)
        .collect();
    similar.sort();
    let hint = if similar.is_empty() {
        "；用 jixiao explain --list 查看所有名称".to_string()
    } else {
        format!("；相近的名称有：{}", similar.join("、"))
    };
    Finding::new(
        Rule::UnknownFigure,
        format!(
            "reported 中的「{}」不是已知的数字名称（{}）{hint}",
            name.value, name.at
        ),
        vec![name.value.clone()],
        vec![name.at],
    )
}

/// Amounts with more decimals than the report prints them with (the
/// rule's places for amounts); those the rule prints in full pass.
fn precision(notes: &[Note], rounding: Rounding, out: &mut Vec<Finding>) {
    for note in notes {
        // More than four decimals is an error of its own (J023).
        let Note::Precision { at, value } = note else {
            continue;
        };
        if super::plausibility::too_precise(*value)
            || value.normalize().scale() <= rounding.places(Measure::Money)
        {
            continue;
        }
        out.push(Finding::new(
            Rule::AmountPrecision,
            format!("金额 {value} 超过两位小数（{at}）；金额以万元计通常保留两位小数，请核对"),
            Vec::new(),
            vec![*at],
        ));
    }
}

/// Execution below 90 % needs a reason; spending above the budget is flagged.
fn execution(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    let facts = &loaded.facts;
    let mut holders = vec![(
        Holder::Basic,
        "基本支出".to_string(),
        facts.basic_expenditure.deviation.is_some(),
    )];
    holders.extend(facts.projects.iter().enumerate().map(|(i, p)| {
        (
            Holder::Project(i),
            format!("项目「{}」", p.name.value),
            p.evaluation.execution_deviation.is_some(),
        )
    }));
    holders.push((
        Holder::Overall,
        "单位整体".to_string(),
        facts.self_evaluation.execution_deviation.is_some(),
    ));
    let ninety = Decimal::from(90);
    for (holder, who, explained) in holders {
        let key = |m| Key::Money(holder, m);
        let rate_key = key(Money::ExecutionRate);
        let lines = figures.fact_lines_of(rate_key);
        if let Some(rate) = figures.number_of(rate_key)
            && rate < ninety
            && !explained
        {
            let (_, full) = described(figures, key(Money::FullYearBudget));
            let (_, actual) = described(figures, key(Money::Actual));
            out.push(Finding::new(
                Rule::LowExecutionUnexplained,
                format!(
                    "{who}执行率 {rate}%（实际 {actual} ÷ 全年预算 {full}）低于 90%，但没有写明原因（{}）；请在{}填写偏差原因",
                    lines_words(&lines),
                    if holder == Holder::Basic { " basic_expenditure.deviation " } else { " evaluation.execution_deviation " }
                ),
                vec![figures.name_of(rate_key)],
                lines.clone(),
            ));
        }
        if let (Some(actual), Some(full)) = (
            figures.number_of(key(Money::Actual)),
            figures.number_of(key(Money::FullYearBudget)),
        ) && actual > full
        {
            out.push(Finding::new(
                Rule::Overspent,
                format!(
                    "{who}实际支出 {} 超过全年预算 {}（{}）",
                    show(Kind::Money, &Value::Number(actual)),
                    show(Kind::Money, &Value::Number(full)),
                    lines_words(&lines)
                ),
                vec![figures.name_of(key(Money::Actual))],
                lines,
            ));
        }
    }
}

/// 公用经费“其中”明细 cannot exceed 公用经费.
fn items_within_total(figures: &Figures, out: &mut Vec<Finding>) {
    for column in YearColumn::ALL {
        let (items, total) = (Key::PublicFundItems(column), Key::PublicFunds(column));
        if let (Some(sum), Some(whole)) = (figures.number_of(items), figures.number_of(total))
            && sum > whole
        {
            let (label, whole_text) = described(figures, total);
            let lines = figures
                .fact_lines_of(items)
                .into_iter()
                .chain(figures.fact_lines_of(total))
                .collect::<Vec<_>>();
            out.push(Finding::new(
                Rule::ItemsExceedTotal,
                format!(
                    "公用经费“其中”明细合计 {} 超过{label} {whole_text}（{}）",
                    show(Kind::Money, &Value::Number(sum)),
                    lines_words(&lines)
                ),
                vec![figures.name_of(items), figures.name_of(total)],
                lines,
            ));
        }
    }
}

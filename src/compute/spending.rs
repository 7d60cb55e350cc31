//! Budget execution: 基本支出, each project by funding source, all projects,
//! projects by budget type, and the unit's 年度资金总额.

use rust_decimal::Decimal;

use super::builder::Builder;
use super::key::{Holder, Income, Key, Money, Spending, Table, TableFigure};
use super::scoring::unmet_cap;
use super::{Kind, Value};
use crate::model::{BudgetType, ExecutionScore, Facts, Loc, Project, Scoring, Source};
use crate::rounding::Measure;

/// The label of each budget column, as [`Money::COLUMNS`] orders them.
const COLUMN_LABELS: [&str; 3] = ["年初预算数", "全年预算数", "全年执行数"];

pub(super) fn basic(b: &mut Builder, facts: &Facts) {
    let e = &facts.basic_expenditure;
    let basic = |m| Key::Money(Holder::Basic, m);
    for (m, label, amount) in [
        (Money::InitialBudget, "基本支出年初预算", e.initial_budget),
        (
            Money::FullYearBudget,
            "基本支出全年预算",
            e.full_year_budget,
        ),
        (Money::Actual, "基本支出实际支出", e.actual),
        (Money::Personnel, "人员经费支出", e.personnel),
        (Money::Public, "公用经费支出", e.public),
    ] {
        b.fact(basic(m), label, Kind::Money, amount.value, amount.at);
    }
    b.sum(
        basic(Money::SplitTotal),
        "人员经费与公用经费之和",
        Kind::Money,
        &[basic(Money::Personnel), basic(Money::Public)],
    );
    b.difference(
        basic(Money::Balance),
        "基本支出年末结余",
        basic(Money::FullYearBudget),
        basic(Money::Actual),
    );
    b.rate(
        basic(Money::ExecutionRate),
        "基本支出执行率",
        basic(Money::Actual),
        basic(Money::FullYearBudget),
    );
}

pub(super) fn project(b: &mut Builder, index: usize, project: &Project) {
    let name = &project.name.value;
    for source in Source::ALL {
        for (column, words) in Money::COLUMNS.into_iter().zip(COLUMN_LABELS) {
            let figure = Key::Source(index, source, column);
            let label = format!("{name}{}{words}", source.label());
            match project.funding.line(source) {
                Some(line) => {
                    let amount = match column {
                        Money::InitialBudget => line.initial_budget,
                        Money::FullYearBudget => line.full_year_budget,
                        _ => line.actual,
                    };
                    b.fact(figure, &label, Kind::Money, amount.value, amount.at);
                }
                None => b.derived(
                    figure,
                    &label,
                    Kind::Money,
                    Value::Number(Decimal::ZERO),
                    "未填写该资金来源，按 0 计".into(),
                    &[],
                ),
            }
        }
    }
    let holder = Holder::Project(index);
    totals(b, holder, name, &[index], |column| {
        Source::ALL
            .iter()
            .map(|&s| Key::Source(index, s, column))
            .collect()
    });
    let weight = project.evaluation.execution_weight;
    execution_score(
        b,
        holder,
        &format!("{name}预算执行得分"),
        (weight.value, weight.at),
        Key::Table(Table::Project(index), TableFigure::ExecutionWeight),
    );
    b.fact(
        Key::Money(holder, Money::LastYearActual),
        &format!("{name}上年决算数"),
        Kind::Money,
        project.last_year_actual.value,
        project.last_year_actual.at,
    );
}

/// 财政拨款结余 and 非财政拨款结余 of the projects at `projects` (indices),
/// under `holder`.
fn balances_by_kind(b: &mut Builder, holder: Holder, name: &str, projects: &[usize]) {
    for (fiscal, figure, words) in [
        (true, Money::FiscalBalance, "财政拨款结余"),
        (false, Money::NonFiscalBalance, "非财政拨款结余"),
    ] {
        let mut inputs = Vec::new();
        for &p in projects {
            for source in Source::ALL.into_iter().filter(|s| s.is_fiscal() == fiscal) {
                let part = Key::Source(p, source, Money::Balance);
                // A project's own balances come first; the group's reuse them.
                if !b.exists(part) {
                    let label =
                        format!("{}{}结余", b.facts().projects[p].name.value, source.label());
                    b.difference(
                        part,
                        &label,
                        Key::Source(p, source, Money::FullYearBudget),
                        Key::Source(p, source, Money::Actual),
                    );
                }
                inputs.push(part);
            }
        }
        b.sum(
            Key::Money(holder, figure),
            &format!("{name}{words}"),
            Kind::Money,
            &inputs,
        );
    }
}

/// 预算执行得分 = min(执行率, 100%) × 分值, rounded, of `holder`; the
/// 分值 is a fact recorded under `weight_key`.
fn execution_score(
    b: &mut Builder,
    holder: Holder,
    label: &str,
    (weight, weight_at): (Decimal, Loc),
    weight_key: Key,
) {
    b.fact(
        weight_key,
        &format!("{}分值", label.trim_end_matches("得分")),
        Kind::Score,
        weight,
        weight_at,
    );
    let rate = Key::Money(holder, Money::ExecutionRate);
    let rate_value = b.value(rate);
    let rules = b.scoring();
    let step = b.rules.rounding.step(Measure::Score);
    let rounded =
        rate_value.and_then(|r| Some(b.round(execution_points(r, weight, rules)?, Measure::Score)));
    // A linear score at a rate below 100 % that rounds up to the weight
    // stays one step below it, as an unmet indicator's does.
    let cap = rate_value
        .zip(rounded)
        .and_then(|(r, s)| unmet_cap(s, weight, execution_met(r, rules), step));
    let score = cap.or(rounded);
    let mut words = execution_words(rules, &b.label(rate), &b.label(weight_key));
    if let Some(cap) = cap {
        words.push_str(&format!("；执行率未达 100%，最多得 {cap} 分"));
    }
    let formula = format!("{words}（{}）", b.rounding_words(Measure::Score));
    let score_key = Key::Money(holder, Money::ExecutionScore);
    b.computed(
        score_key,
        label,
        Kind::Score,
        (rate_value.is_none(), score),
        formula,
        &[rate, weight_key],
    );
    b.cite_rule(
        score_key,
        Some(rules.cited("execution_score", rules.execution_score)),
    );
}

/// 预算执行得分 of an execution rate (percent) and a weight, unrounded, as
/// `rules.execution_score` says; none on overflow.
pub(super) fn execution_points(rate: Decimal, weight: Decimal, rules: &Scoring) -> Option<Decimal> {
    let share = match rules.execution_score {
        ExecutionScore::Capped => rate.min(Decimal::ONE_HUNDRED),
        ExecutionScore::Uncapped => rate,
        ExecutionScore::Bands => (rules.execution_bands.iter())
            .find(|&&(from, _)| rate >= from)
            .map_or(Decimal::ZERO, |&(_, share)| share),
    };
    share.checked_mul(weight)?.checked_div(Decimal::ONE_HUNDRED)
}

/// Whether an execution rate (percent, as the report shows it) earns the
/// full weight under a linear rule: only at 100 % or more. A band's share
/// is the rules' own choice and is never capped.
fn execution_met(rate: Decimal, rules: &Scoring) -> bool {
    match rules.execution_score {
        ExecutionScore::Capped | ExecutionScore::Uncapped => rate >= Decimal::ONE_HUNDRED,
        ExecutionScore::Bands => true,
    }
}

/// The execution score's formula in words.
fn execution_words(rules: &Scoring, rate: &str, weight: &str) -> String {
    match rules.execution_score {
        ExecutionScore::Capped => format!("min({rate}, 100%) × {weight}"),
        ExecutionScore::Uncapped => format!("{rate} × {weight}"),
        ExecutionScore::Bands => {
            let bands: Vec<String> = (rules.execution_bands.iter())
                .map(|(from, share)| format!("≥{from}% 得 {share}%"))
                .collect();
            format!(
                "{weight} × 分档比例（{rate} {}，更低得 0）",
                bands.join("，")
            )
        }
    }
}

/// Totals over the projects at `projects` (indices) under `holder`.
fn group(b: &mut Builder, holder: Holder, name: &str, projects: &[usize]) {
    totals(b, holder, name, projects, |column| {
        projects
            .iter()
            .map(|&p| Key::Money(Holder::Project(p), column))
            .collect()
    });
}

/// The three budget columns of `holder` (each the sum of `parts(column)`),
/// its balance, 财政拨款 / 非财政拨款 balances and execution rate.
fn totals(
    b: &mut Builder,
    holder: Holder,
    name: &str,
    projects: &[usize],
    parts: impl Fn(Money) -> Vec<Key>,
) {
    let key = |m| Key::Money(holder, m);
    for (column, words) in Money::COLUMNS.into_iter().zip(COLUMN_LABELS) {
        b.sum(
            key(column),
            &format!("{name}{words}"),
            Kind::Money,
            &parts(column),
        );
    }
    b.difference(
        key(Money::Balance),
        &format!("{name}年末结余"),
        key(Money::FullYearBudget),
        key(Money::Actual),
    );
    balances_by_kind(b, holder, name, projects);
    b.rate(
        key(Money::ExecutionRate),
        &format!("{name}执行率"),
        key(Money::Actual),
        key(Money::FullYearBudget),
    );
}

pub(super) fn projects_total(b: &mut Builder, facts: &Facts) {
    let all: Vec<usize> = (0..facts.projects.len()).collect();
    group(b, Holder::Projects, "项目支出", &all);
    for kind in BudgetType::ALL {
        group(
            b,
            Holder::ProjectsOfType(kind),
            &format!("{}项目支出", kind.label()),
            &of_type(facts, kind),
        );
    }
}

/// The indices of the projects of budget type `kind`.
fn of_type(facts: &Facts, kind: BudgetType) -> Vec<usize> {
    (facts.projects.iter().enumerate())
        .filter(|(_, p)| p.budget_type == kind)
        .map(|(i, _)| i)
        .collect()
}

pub(super) fn overall(b: &mut Builder, facts: &Facts) {
    let key = |m| Key::Money(Holder::Overall, m);
    for (column, words) in Money::COLUMNS.into_iter().zip(COLUMN_LABELS) {
        b.sum(
            key(column),
            &format!("年度资金总额{words}"),
            Kind::Money,
            &[
                Key::Money(Holder::Basic, column),
                Key::Money(Holder::Projects, column),
            ],
        );
    }
    b.difference(
        key(Money::Balance),
        "年度资金结余",
        key(Money::FullYearBudget),
        key(Money::Actual),
    );
    b.rate(
        key(Money::ExecutionRate),
        "整体预算执行率",
        key(Money::Actual),
        key(Money::FullYearBudget),
    );
    let w = &facts.self_evaluation.execution_weight;
    execution_score(
        b,
        Holder::Overall,
        "预算执行得分",
        (w.value, w.at),
        Key::Table(Table::Unit, TableFigure::ExecutionWeight),
    );
    income(b, facts);
    b.copy(
        Key::Spending(Spending::Basic),
        "按支出性质分：基本支出",
        Kind::Money,
        Key::Money(Holder::Basic, Money::Actual),
        "基本支出实际支出",
    );
    b.copy(
        Key::Spending(Spending::Projects),
        "按支出性质分：项目支出",
        Kind::Money,
        Key::Money(Holder::Projects, Money::Actual),
        "项目支出全年执行数",
    );
}

/// 年度资金总额 by income (按收入性质分), on the full-year budget: fiscal money by
/// budget type (基本支出 counts as 一般公共预算), and 其他资金.
fn income(b: &mut Builder, facts: &Facts) {
    for kind in BudgetType::ALL {
        let mut inputs = Vec::new();
        if kind == BudgetType::GeneralPublic {
            inputs.push(Key::Money(Holder::Basic, Money::FullYearBudget));
        }
        for p in of_type(facts, kind) {
            for s in Source::ALL.into_iter().filter(|s| s.is_fiscal()) {
                inputs.push(Key::Source(p, s, Money::FullYearBudget));
            }
        }
        b.sum(
            Key::Income(Income::Budget(kind)),
            &format!("按收入性质分：{}", kind.label()),
            Kind::Money,
            &inputs,
        );
    }
    let others: Vec<Key> = (0..facts.projects.len())
        .map(|p| Key::Source(p, Source::Other, Money::FullYearBudget))
        .collect();
    b.sum(
        Key::Income(Income::Other),
        "按收入性质分：其他资金",
        Kind::Money,
        &others,
    );
}

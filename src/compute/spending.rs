//! Budget execution: 基本支出, each project by funding source, all projects,
//! projects by budget type, and the unit's 年度资金总额.

use rust_decimal::Decimal;

use super::builder::{Builder, rounding_words};
use super::{Kind, Value, project_key};
use crate::model::{BudgetType, Facts, Project, Source};

/// The three budget columns, as (figure suffix, label).
pub const COLUMNS: [(&str, &str); 3] = [
    ("initial_budget", "年初预算数"),
    ("full_year_budget", "全年预算数"),
    ("actual", "全年执行数"),
];

pub(super) fn basic(b: &mut Builder, facts: &Facts) {
    let e = &facts.basic_expenditure;
    b.fact(
        "basic.initial_budget",
        "基本支出年初预算",
        Kind::Money,
        e.initial_budget.value,
        e.initial_budget.at,
    );
    b.fact(
        "basic.full_year_budget",
        "基本支出全年预算",
        Kind::Money,
        e.full_year_budget.value,
        e.full_year_budget.at,
    );
    b.fact(
        "basic.actual",
        "基本支出实际支出",
        Kind::Money,
        e.actual.value,
        e.actual.at,
    );
    b.fact(
        "basic.personnel",
        "人员经费支出",
        Kind::Money,
        e.personnel.value,
        e.personnel.at,
    );
    b.fact(
        "basic.public",
        "公用经费支出",
        Kind::Money,
        e.public.value,
        e.public.at,
    );
    b.sum(
        "basic.split_total",
        "人员经费与公用经费之和",
        Kind::Money,
        &["basic.personnel".into(), "basic.public".into()],
    );
    b.difference(
        "basic.balance",
        "基本支出年末结余",
        "basic.full_year_budget",
        "basic.actual",
    );
    b.rate(
        "basic.execution_rate",
        "基本支出执行率",
        "basic.actual",
        "basic.full_year_budget",
    );
}

pub(super) fn project(b: &mut Builder, project: &Project) {
    let key = project_key(&project.name);
    let name = &project.name.value;
    for source in Source::ALL {
        for (suffix, column) in COLUMNS {
            let figure = format!("{key}.source[{}].{suffix}", source.label());
            let label = format!("{name}{}{column}", source.label());
            match project.funding.line(source) {
                Some(line) => {
                    let amount = match suffix {
                        "initial_budget" => line.initial_budget,
                        "full_year_budget" => line.full_year_budget,
                        _ => line.actual,
                    };
                    b.fact(&figure, &label, Kind::Money, amount.value, amount.at);
                }
                None => b.derived(
                    &figure,
                    &label,
                    Kind::Money,
                    Value::Number(Decimal::ZERO),
                    "未填写该资金来源，按 0 计".into(),
                    Vec::new(),
                ),
            }
        }
    }
    totals(b, &key, name, std::slice::from_ref(project), |suffix| {
        Source::ALL
            .iter()
            .map(|s| format!("{key}.source[{}].{suffix}", s.label()))
            .collect()
    });
    execution_score(
        b,
        &format!("{key}.execution_score"),
        &format!("{name}预算执行得分"),
        &format!("{key}.execution_rate"),
        project.evaluation.execution_weight.value,
        project.evaluation.execution_weight.at,
        &format!("{key}.execution_weight"),
    );
    b.fact(
        &format!("{key}.last_year_actual"),
        &format!("{name}上年决算数"),
        Kind::Money,
        project.last_year_actual.value,
        project.last_year_actual.at,
    );
}

/// 财政拨款结余 and 非财政拨款结余 of a group of projects under `key`.
fn balances_by_kind(b: &mut Builder, key: &str, name: &str, projects: &[Project]) {
    for (fiscal, suffix, words) in [
        (true, "fiscal_balance", "财政拨款结余"),
        (false, "non_fiscal_balance", "非财政拨款结余"),
    ] {
        let mut inputs = Vec::new();
        for p in projects {
            let pk = project_key(&p.name);
            for source in Source::ALL.into_iter().filter(|s| s.is_fiscal() == fiscal) {
                let full = format!("{pk}.source[{}].full_year_budget", source.label());
                let actual = format!("{pk}.source[{}].actual", source.label());
                let part = format!("{pk}.source[{}].balance", source.label());
                // A project's own balances come first; the group's reuse them.
                if b.figures.get(&part).is_none() {
                    b.difference(
                        &part,
                        &format!("{}{}结余", p.name.value, source.label()),
                        &full,
                        &actual,
                    );
                }
                inputs.push(part);
            }
        }
        b.sum(
            &format!("{key}.{suffix}"),
            &format!("{name}{words}"),
            Kind::Money,
            &inputs,
        );
    }
}

/// 预算执行得分 = min(执行率, 100%) × 分值, rounded.
fn execution_score(
    b: &mut Builder,
    name: &str,
    label: &str,
    rate: &str,
    weight: Decimal,
    weight_at: crate::model::Loc,
    weight_name: &str,
) {
    b.fact(
        weight_name,
        &format!("{}分值", label.trim_end_matches("得分")),
        Kind::Score,
        weight,
        weight_at,
    );
    let rate_value = b.value(rate);
    let score = rate_value.and_then(|r| {
        let capped = r.min(Decimal::ONE_HUNDRED);
        let score = capped
            .checked_mul(weight)?
            .checked_div(Decimal::ONE_HUNDRED)?;
        Some(b.round(score))
    });
    let formula = format!(
        "min({}, 100%) × {}（{}）",
        b.label(rate),
        b.label(weight_name),
        rounding_words(b.rules.rounding)
    );
    b.computed(
        name,
        label,
        Kind::Score,
        (rate_value.is_none(), score),
        formula,
        vec![rate.into(), weight_name.into()],
    );
}

/// Totals over a set of projects under `key` (e.g. `projects`).
fn group(b: &mut Builder, key: &str, name: &str, projects: &[Project]) {
    totals(b, key, name, projects, |suffix| {
        projects
            .iter()
            .map(|p| format!("{}.{suffix}", project_key(&p.name)))
            .collect()
    });
}

/// The three budget columns of `key` (each the sum of `parts(column)`), its
/// balance, 财政拨款 / 非财政拨款 balances and execution rate.
fn totals(
    b: &mut Builder,
    key: &str,
    name: &str,
    projects: &[Project],
    parts: impl Fn(&str) -> Vec<String>,
) {
    for (suffix, column) in COLUMNS {
        b.sum(
            &format!("{key}.{suffix}"),
            &format!("{name}{column}"),
            Kind::Money,
            &parts(suffix),
        );
    }
    b.difference(
        &format!("{key}.balance"),
        &format!("{name}年末结余"),
        &format!("{key}.full_year_budget"),
        &format!("{key}.actual"),
    );
    balances_by_kind(b, key, name, projects);
    b.rate(
        &format!("{key}.execution_rate"),
        &format!("{name}执行率"),
        &format!("{key}.actual"),
        &format!("{key}.full_year_budget"),
    );
}

pub(super) fn projects_total(b: &mut Builder, facts: &Facts) {
    group(b, "projects", "项目支出", &facts.projects);
    for kind in BudgetType::ALL {
        let of_kind: Vec<Project> = facts
            .projects
            .iter()
            .filter(|p| p.budget_type == kind)
            .cloned()
            .collect();
        group(
            b,
            &format!("projects_by_type[{}]", kind.label()),
            &format!("{}项目支出", kind.label()),
            &of_kind,
        );
    }
}

pub(super) fn overall(b: &mut Builder, facts: &Facts) {
    for (suffix, column) in COLUMNS {
        b.sum(
            &format!("overall.{suffix}"),
            &format!("年度资金总额{column}"),
            Kind::Money,
            &[format!("basic.{suffix}"), format!("projects.{suffix}")],
        );
    }
    b.difference(
        "overall.balance",
        "年度资金结余",
        "overall.full_year_budget",
        "overall.actual",
    );
    b.rate(
        "overall.execution_rate",
        "整体预算执行率",
        "overall.actual",
        "overall.full_year_budget",
    );
    let w = &facts.self_evaluation.execution_weight;
    execution_score(
        b,
        "overall.execution_score",
        "预算执行得分",
        "overall.execution_rate",
        w.value,
        w.at,
        "unit.execution_weight",
    );
    income(b, facts);
    b.copy(
        "overall.spending[基本支出]",
        "按支出性质分：基本支出",
        Kind::Money,
        "basic.actual",
        "基本支出实际支出",
    );
    b.copy(
        "overall.spending[项目支出]",
        "按支出性质分：项目支出",
        Kind::Money,
        "projects.actual",
        "项目支出全年执行数",
    );
}

/// 年度资金总额 by income (按收入性质分), on the full-year budget: fiscal money by
/// budget type (基本支出 counts as 一般公共预算), and 其他资金.
fn income(b: &mut Builder, facts: &Facts) {
    for kind in BudgetType::ALL {
        let mut inputs = Vec::new();
        if kind == BudgetType::GeneralPublic {
            inputs.push("basic.full_year_budget".to_string());
        }
        for p in facts.projects.iter().filter(|p| p.budget_type == kind) {
            for s in Source::ALL.into_iter().filter(|s| s.is_fiscal()) {
                inputs.push(format!(
                    "{}.source[{}].full_year_budget",
                    project_key(&p.name),
                    s.label()
                ));
            }
        }
        b.sum(
            &format!("overall.income[{}]", kind.label()),
            &format!("按收入性质分：{}", kind.label()),
            Kind::Money,
            &inputs,
        );
    }
    let others: Vec<String> = facts
        .projects
        .iter()
        .map(|p| format!("{}.source[其他资金].full_year_budget", project_key(&p.name)))
        .collect();
    b.sum(
        "overall.income[其他资金]",
        "按收入性质分：其他资金",
        Kind::Money,
        &others,
    );
}

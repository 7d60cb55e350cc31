//! The Tera context: the facts and figures of one file, laid out as the
//! templates read them. Every number is a figure (exact decimal as a string)
//! read by its [`Key`]; every sentence is the author's text. Wording belongs
//! to the templates.
//!
//! A module per part of the report, as `templates/sections/*` and
//! `templates/attachments/*` are laid out; each fills the variables its
//! part's templates read. The variable names are the `&'static str` keys
//! written here, so `jixiao vars` lists exactly what a template can use.

mod base_data;
mod basic_info;
mod general_budget;
mod narrative;
mod other_budgets;
mod performance;
mod project;
mod rules;
mod unit_evaluation;

use super::vars::{Obj, Var};
use crate::Analysis;
use crate::compute::Figures;
use crate::compute::key::{Holder, Key, Money};

/// The Tera context of `analysis`.
pub fn context(analysis: &Analysis) -> tera::Context {
    fill(Obj::root(), analysis).into_context()
}

/// The Tera context of `analysis` with every figure tagged for the live
/// preview's figure marks ([`crate::render::filters::marks`]).
pub fn marked_context(analysis: &Analysis) -> tera::Context {
    fill(Obj::marking(), analysis).into_context()
}

/// The data dictionary: every variable of the context, with its meaning and
/// its value in `analysis`.
pub fn dictionary(analysis: &Analysis) -> Vec<Var> {
    fill(Obj::dictionary(), analysis).into_vars()
}

fn fill(mut root: Obj, analysis: &Analysis) -> Obj {
    let facts = &analysis.loaded.facts;
    let figures = &analysis.figures;
    root.text("year", "年度", &facts.year.value.to_string());
    root.text(
        "previous_year",
        "上一年度",
        &(facts.year.value - rust_decimal::Decimal::ONE).to_string(),
    );
    super::filters::rounding::put(&mut root, facts.rules.rounding);
    root.put(
        "show_form_notes",
        "是否印出表下的填表说明（附件1 说明、附件3 备注）",
        tera::Value::from(facts.show_form_notes),
    );
    root.object(
        "unit",
        "单位基本情况",
        basic_info::unit(&root, facts, figures),
    );
    root.object(
        "goals",
        "单位年度整体支出绩效目标",
        basic_info::goals(&root.child("goals"), &facts.goals),
    );
    root.object(
        "basic",
        "基本支出",
        general_budget::basic(&root, facts, figures),
    );
    root.object(
        "projects_total",
        "全部项目支出合计",
        group(&root.child("projects_total"), figures, Holder::Projects),
    );
    let projects: Vec<Obj> = facts
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| project::project(root.item("projects", i), i, p, facts, figures))
        .collect();
    root.list("projects", "项目（每个一级项目一项）", projects);
    root.list(
        "budget_types",
        "按预算类型：一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算",
        other_budgets::budget_types(&root, facts, figures),
    );
    root.object(
        "overall",
        "年度资金总额（单位整体）",
        unit_evaluation::overall(&root, figures),
    );
    root.object(
        "evaluation",
        "整体支出绩效自评（第六部分、附件2）",
        performance::evaluation(
            &root.child("evaluation"),
            crate::compute::key::Table::Unit,
            &facts.self_evaluation,
            figures,
        ),
    );
    root.object(
        "rules",
        "评分规则（第六部分末段）",
        rules::rules(&root, facts),
    );
    root.object(
        "base",
        "基础数据表（附件1）",
        base_data::base(&root, facts, figures),
    );
    root.object(
        "narrative",
        "第七至十部分",
        narrative::narrative(&root, facts),
    );
    root
}

/// The three budget columns, as templates name them.
const BUDGET_COLUMNS: [(&str, Money); 3] = [
    ("initial_budget", Money::InitialBudget),
    ("full_year_budget", Money::FullYearBudget),
    ("actual", Money::Actual),
];

/// The balances and execution rate of a project or a group of projects, as
/// templates name them.
const BALANCES: [(&str, Money); 4] = [
    ("balance", Money::Balance),
    ("fiscal_balance", Money::FiscalBalance),
    ("non_fiscal_balance", Money::NonFiscalBalance),
    ("execution_rate", Money::ExecutionRate),
];

/// The budget-execution figures of `holder` under the names templates read.
fn money(o: &mut Obj, figures: &Figures, holder: Holder, fields: &[(&'static str, Money)]) {
    for &(name, m) in fields {
        o.figure(name, figures, Key::Money(holder, m));
    }
}

/// Totals of a group of projects (all, or those of one budget type).
fn group(o: &Obj, figures: &Figures, holder: Holder) -> Obj {
    let mut o = o.child("");
    money(&mut o, figures, holder, &BUDGET_COLUMNS);
    money(&mut o, figures, holder, &BALANCES);
    o
}

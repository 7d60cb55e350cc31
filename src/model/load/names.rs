//! Names that identify things: projects, indicator categories, subcategories
//! and indicators, and the named rows of the base-data table (附件1).
//!
//! Each such name says which figures a fact belongs to, so two things of one
//! kind with the same name in the same place would be one thing to every
//! reader of the report: a repeat is refused at load, naming both lines, and
//! so is a name that is empty or only spaces. Names are compared as printed:
//! without the spaces around them.
//!
//! A table with more indicators than [`MAX_INDICATORS`] is refused here too:
//! the report's tables merge the label of all indicator rows into one cell,
//! and no real table comes near it.

use std::collections::HashMap;

use crate::model::Facts;
use crate::model::evaluation::Evaluation;
use crate::model::quantity::{Loc, Text};

/// The most indicators one table (a unit's or a project's) may hold.
pub const MAX_INDICATORS: usize = 500;

/// Why a file's names cannot stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameError {
    /// A name given twice in one list: `what` names the kind of thing.
    Repeated {
        what: &'static str,
        name: String,
        first: Loc,
        again: Loc,
    },
    /// A name that is empty or only spaces.
    Blank { what: &'static str, at: Loc },
    /// A table with more indicators than [`MAX_INDICATORS`].
    TooManyIndicators { count: usize, at: Loc },
}

impl NameError {
    /// Where the clerk should look.
    pub fn at(&self) -> Loc {
        match self {
            NameError::Repeated { again, .. } => *again,
            NameError::Blank { at, .. } | NameError::TooManyIndicators { at, .. } => *at,
        }
    }

    /// The message, in Chinese, without the place (the caller adds it).
    pub fn message(&self) -> String {
        match self {
            NameError::Repeated {
                what, name, first, ..
            } => format!(
                "{what}「{name}」重复：第 {} 行已有同名的{what}；同名的两项在报告中无法区分，其数字会混在一起",
                first.line
            ),
            NameError::Blank { what, .. } => format!("{what}不能为空"),
            NameError::TooManyIndicators { count, .. } => {
                format!("一张自评表有 {count} 个三级指标，超过上限 {MAX_INDICATORS} 个")
            }
        }
    }

    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            NameError::Repeated { .. } => {
                "改用能区分两项的名称（如加上地点、批次），或把两项合并为一项"
            }
            NameError::Blank { .. } => "填写名称，或删去这一项",
            NameError::TooManyIndicators { .. } => "检查是否把多张表的指标写进了一张表",
        }
    }
}

/// Checks every identifying name of `facts`; the first problem in file order.
pub fn check(facts: &Facts) -> Result<(), NameError> {
    let mut problems = Vec::new();
    let mut record = |r: Result<(), NameError>| {
        if let Err(e) = r {
            problems.push(e);
        }
    };
    record(blank("单位名称", &facts.unit.name));
    let projects = facts.projects.iter().map(|p| &p.name);
    record(unique("项目", projects.clone()));
    let base = &facts.base_data;
    // A project of last year only (上年有、本年无) is not one of this year's.
    let past = base.past_projects.iter().map(|p| &p.name);
    record(unique("项目", projects.chain(past.clone())));
    record(unique("上年项目", past));
    record(unique(
        "省级专项资金",
        base.special_funds.iter().map(|f| &f.name),
    ));
    record(unique(
        "公用经费明细",
        base.public_funds.items.iter().map(|i| &i.name),
    ));
    record(unique(
        "楼堂馆所项目",
        base.buildings.iter().map(|b| &b.name),
    ));
    record(evaluation(&facts.self_evaluation, facts.unit.name.at));
    for project in &facts.projects {
        record(evaluation(&project.evaluation, project.name.at));
    }
    match problems
        .into_iter()
        .min_by_key(|e| (e.at().line, e.at().column))
    {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// The names of one indicator table; `at` is where the table's owner is named.
fn evaluation(evaluation: &Evaluation, at: Loc) -> Result<(), NameError> {
    let categories = &evaluation.categories;
    unique("一级指标", categories.iter().map(|c| &c.name))?;
    let mut count = 0;
    for category in categories {
        let subs = &category.subcategories;
        unique("二级指标", subs.iter().map(|s| &s.name))?;
        for sub in subs {
            unique("三级指标", sub.indicators.iter().map(|i| &i.name))?;
            count += sub.indicators.len();
        }
    }
    if count > MAX_INDICATORS {
        return Err(NameError::TooManyIndicators { count, at });
    }
    Ok(())
}

fn blank(what: &'static str, name: &Text) -> Result<(), NameError> {
    if name.value.trim().is_empty() {
        return Err(NameError::Blank { what, at: name.at });
    }
    Ok(())
}

/// Each name not blank and not given before in the list.
fn unique<'a>(what: &'static str, names: impl Iterator<Item = &'a Text>) -> Result<(), NameError> {
    let mut seen: HashMap<&str, Loc> = HashMap::new();
    for name in names {
        blank(what, name)?;
        let printed = name.value.trim();
        if let Some(first) = seen.insert(printed, name.at) {
            return Err(NameError::Repeated {
                what,
                name: printed.to_string(),
                first,
                again: name.at,
            });
        }
    }
    Ok(())
}

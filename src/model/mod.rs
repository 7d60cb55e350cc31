//! The year's facts as the clerk writes them in YAML (事实模型).
//!
//! Every struct mirrors the YAML exactly and refuses unknown keys. A figure that
//! jixiao can derive (结余, 执行率, 合计, 得分 of quantitative indicators, 总分) is
//! never a fact; where a report printed such a figure, it goes under `reported`
//! so that the audit can compare it with the computed one. `docs/data.md`
//! documents every key in Chinese.

mod base_data;
mod evaluation;
pub mod load;
mod quantity;
mod spending;
mod target;

pub use base_data::{
    BaseData, Building, NamedColumns, PastProject, Procurement, PublicFunds, ThreePublic,
    YearColumns,
};
pub use evaluation::{Category, Evaluation, Indicator, Rating, Subcategory};
pub use load::{LoadError, Loaded, Note, load_file, load_str};
pub use quantity::{Amount, Count, Loc, Number, Text, parse_decimal};
pub use spending::{
    BasicExpenditure, BudgetLine, BudgetType, Funding, OtherBudgets, Project, Source,
};
pub use target::{Op, Target, TargetKind};
pub use unit::{Divisions, Staffing, Unit};

mod unit;

use serde::Deserialize;

/// The whole file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// 年度, e.g. 2024.
    pub year: Count,
    /// 单位基本情况.
    pub unit: Unit,
    /// 单位年度整体支出绩效目标.
    pub goals: Goals,
    /// 基本支出.
    pub basic_expenditure: BasicExpenditure,
    /// 项目支出, one entry per 一级项目.
    #[serde(default)]
    pub projects: Vec<Project>,
    /// 政府性基金、国有资本经营、社会保险基金预算支出情况的文字说明.
    #[serde(default)]
    pub other_budgets: OtherBudgets,
    /// 部门整体支出绩效情况 and 整体支出绩效自评表.
    pub self_evaluation: Evaluation,
    /// 基础数据表.
    pub base_data: BaseData,
    /// 存在的问题、改进措施、结果应用、其他情况.
    pub narrative: Narrative,
    /// Derived figures as printed elsewhere, for the audit to compare.
    #[serde(default)]
    pub reported: Vec<Reported>,
    /// Rules of arithmetic.
    #[serde(default)]
    pub rules: Rules,
}

/// 年度总体目标: what was expected and what was achieved.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// 预期目标, one item each.
    pub expected: Vec<Text>,
    /// A one-sentence verdict before the achievements, e.g. 按照预期目标完成。
    #[serde(default)]
    pub summary: Option<Text>,
    /// 实际完成情况, one item each.
    pub achieved: Vec<Text>,
}

/// The narrative sections 七 to 十.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// 存在的问题及原因分析.
    #[serde(default)]
    pub problems: Vec<Text>,
    /// 下一步改进措施.
    #[serde(default)]
    pub improvements: Improvements,
    /// 自评结果拟应用和公开情况.
    #[serde(default)]
    pub results_use: Vec<Text>,
    /// 其他需要说明的情况.
    #[serde(default)]
    pub other_matters: Vec<Text>,
}

/// 下一步改进措施: an optional lead paragraph and the measures.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Improvements {
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub items: Vec<Text>,
}

/// A derived figure as printed somewhere, with where.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// The figure's name (see `jixiao explain --list`).
    pub figure: Text,
    /// The value as printed (percent without %).
    pub value: Number,
    /// Where it is printed, e.g. 附件2 总分.
    pub at: Text,
}

/// How figures are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Rounding {
    /// 四舍五入 (half-up), the default.
    #[default]
    #[serde(rename = "四舍五入")]
    HalfUp,
    /// 截断 (truncate toward zero).
    #[serde(rename = "截断")]
    Truncate,
}

/// Rules of arithmetic (`rules:`).
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub rounding: Rounding,
}

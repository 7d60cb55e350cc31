//! The year's facts as the clerk writes them in YAML (事实模型).
//!
//! Every struct mirrors the YAML exactly and refuses unknown keys. A figure that
//! jixiao can derive (结余, 执行率, 合计, 得分 of quantitative indicators, 总分) is
//! never a fact; where a report printed such a figure, it goes under `reported`
//! so that the audit can compare it with the computed one. `docs/data.md`
//! documents every key in Chinese.
//!
//! The fact types here know nothing of how a file is read: [`load`] reads one
//! with serde-saphyr, words every error with its line and column and returns
//! the notes made on the way.

mod base_data;
mod evaluation;
mod goals;
pub mod load;
mod quantity;
mod rules;
mod spending;
mod target;

pub use base_data::{
    BaseData, Building, NamedColumns, PastProject, Procurement, PublicFundItem, PublicFunds,
    ThreePublic, YearColumns,
};
pub use evaluation::{Category, Evaluation, Indicator, Rating, Subcategory};
pub use goals::Goals;
pub use load::{LoadError, Loaded, Note, load_file, load_str, parse_decimal};
pub use quantity::{Amount, Count, Flag, Loc, Number, Text, Year};
pub use rules::{
    AtMostMissed, ExactExceeded, ExecutionBand, ExecutionScore, NOT_CHECKED, Profile, RatingEdges,
    Rules, RulesRefused, SatisfactionSteps, Scoring, option_value,
};
pub use spending::{
    BasicExpenditure, BudgetLine, BudgetType, Funding, OtherBudgets, Project, Source,
};
pub use target::{Op, Target, TargetKind, TargetRefused};
pub use unit::{Divisions, Level, Staffing, Unit};

pub use crate::rounding::Rounding;

mod unit;

use schemars::JsonSchema;
use serde::Deserialize;

/// 事实文件：一个单位一年的事实（整个 YAML 文件）。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    /// 年度，如 2024。
    pub year: Year,
    /// 单位基本情况（第一部分㈠）：名称、职能、内设机构、人员编制。
    pub unit: Unit,
    /// 单位年度整体支出绩效目标（第一部分㈡1、附件2“年度总体目标”）：预期目标与实际完成情况。
    pub goals: Goals,
    /// 基本支出（第二部分㈠）：预算数、实际支出及其中人员经费、公用经费。
    pub basic_expenditure: BasicExpenditure,
    /// 项目支出（第二部分㈡、附件3），每个一级项目一项；没有项目写 []。
    #[serde(default)]
    pub projects: Vec<Project>,
    /// 政府性基金、国有资本经营、社会保险基金预算支出情况的文字（第三至五部分）；可省，省略即“无。”。
    #[serde(default)]
    pub other_budgets: OtherBudgets,
    /// 部门整体支出绩效情况（第六部分）和单位整体支出绩效自评表（附件2）。
    pub self_evaluation: Evaluation,
    /// 单位整体支出绩效评价基础数据表（附件1）中只有该表才有的数。
    pub base_data: BaseData,
    /// 第七至十部分：存在的问题、改进措施、结果应用、其他情况。
    pub narrative: Narrative,
    /// 报告中已印出的可计算数，供勾稽核对（不参与计算），如 { figure: basic.balance, value: 3.49, at: 二㈠ }。
    #[serde(default)]
    pub reported: Vec<Reported>,
    /// 计算与评分规则：profile（hunan 或 national）及逐项改写，见 docs/rules.md；可省，省略即 hunan、四舍五入。
    #[serde(default)]
    pub rules: Rules,
    /// The rules resolved from `rules` when the file is read (see
    /// [`Rules::resolve`]); what compute and audit read.
    #[serde(skip)]
    #[schemars(skip)]
    pub scoring: Scoring,
    /// 是否在表下印出表格样式自带的填表说明（附件1“说明：……”、附件3“备注：每个一级项目支出一张表……”），如 show_form_notes: true；可省，省略即不印。
    #[serde(default)]
    pub show_form_notes: bool,
}

/// 第七至十部分的文字。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// 七、存在的问题及原因分析，一项一条，如“财务管理还需进一步加强。”；可省（无）。
    #[serde(default)]
    pub problems: Vec<Text>,
    /// 八、下一步改进措施：引导段和各项措施；可省（无）。
    #[serde(default)]
    pub improvements: Improvements,
    /// 九、自评结果拟应用和公开情况，一项一条，如“依照省财政厅要求报省工信厅统一在其门户网站公开。”；可省（无）。
    #[serde(default)]
    pub results_use: Vec<Text>,
    /// 十、其他需要说明的情况，一项一条；可省，省略即“无。”。
    #[serde(default)]
    pub other_matters: Vec<Text>,
}

/// 下一步改进措施：可省的引导段和各项措施。
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Improvements {
    /// 各项措施前的引导段，如“坚持以习近平新时代中国特色社会主义思想为指引，……”；可省。
    #[serde(default)]
    pub intro: Option<Text>,
    /// 各项改进措施，一项一条，如“严格执行财务制度，切实加强财务管理。”。
    #[serde(default)]
    pub items: Vec<Text>,
}

/// 报告中已印出的一个可计算数：数名、印出的值、印在哪里。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reported {
    /// 数名（jixiao explain DATA --list 列出全部），如 basic.balance、"project[运行维护经费].actual"。
    pub figure: Text,
    /// 印出的值，百分数不带 %，如 99.94。
    pub value: Number,
    /// 印在哪里，如“二㈠”“附件2 整体支出绩效自评表 总分”。
    pub at: Text,
}

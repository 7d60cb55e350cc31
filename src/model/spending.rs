//! Money in and out: basic expenditure (基本支出), projects (项目支出) and their
//! funding sources, and the other budget types.

use serde::Deserialize;

use super::evaluation::Evaluation;
use super::quantity::{Amount, Text};

/// 基本支出.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BasicExpenditure {
    /// 年初预算数.
    pub initial_budget: Amount,
    /// 全年预算数.
    pub full_year_budget: Amount,
    /// 全年实际支出（决算数）.
    pub actual: Amount,
    /// 其中人员经费支出.
    pub personnel: Amount,
    /// 其中公用经费支出.
    pub public: Amount,
    /// 执行率偏低等的原因说明.
    #[serde(default)]
    pub deviation: Option<Text>,
}

/// The budget a project's fiscal money comes from (预算类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Hash)]
pub enum BudgetType {
    #[default]
    #[serde(rename = "一般公共预算")]
    GeneralPublic,
    #[serde(rename = "政府性基金预算")]
    GovernmentFund,
    #[serde(rename = "国有资本经营预算")]
    StateCapital,
    #[serde(rename = "社会保险基金预算")]
    SocialInsurance,
    #[serde(rename = "纳入专户管理的非税收入")]
    SpecialAccount,
}

impl BudgetType {
    pub const ALL: [BudgetType; 5] = [
        BudgetType::GeneralPublic,
        BudgetType::GovernmentFund,
        BudgetType::StateCapital,
        BudgetType::SocialInsurance,
        BudgetType::SpecialAccount,
    ];

    pub fn label(self) -> &'static str {
        match self {
            BudgetType::GeneralPublic => "一般公共预算",
            BudgetType::GovernmentFund => "政府性基金预算",
            BudgetType::StateCapital => "国有资本经营预算",
            BudgetType::SocialInsurance => "社会保险基金预算",
            BudgetType::SpecialAccount => "纳入专户管理的非税收入",
        }
    }
}

/// Three columns of a budget line: 年初预算数, 全年预算数, 全年执行数.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub initial_budget: Amount,
    pub full_year_budget: Amount,
    pub actual: Amount,
}

/// A project's funding by source; a missing source is zero.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// 当年财政拨款.
    #[serde(default)]
    pub current_year: Option<BudgetLine>,
    /// 上年结转资金.
    #[serde(default)]
    pub carried_over: Option<BudgetLine>,
    /// 其他资金.
    #[serde(default)]
    pub other: Option<BudgetLine>,
}

/// The funding sources in the order of the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    CurrentYear,
    CarriedOver,
    Other,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::CurrentYear, Source::CarriedOver, Source::Other];

    pub fn label(self) -> &'static str {
        match self {
            Source::CurrentYear => "当年财政拨款",
            Source::CarriedOver => "上年结转资金",
            Source::Other => "其他资金",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Source::CurrentYear => "current_year",
            Source::CarriedOver => "carried_over",
            Source::Other => "other",
        }
    }

    /// Fiscal money (财政拨款) as opposed to 非财政拨款.
    pub fn is_fiscal(self) -> bool {
        !matches!(self, Source::Other)
    }
}

impl Funding {
    pub fn line(&self, source: Source) -> Option<&BudgetLine> {
        match source {
            Source::CurrentYear => self.current_year.as_ref(),
            Source::CarriedOver => self.carried_over.as_ref(),
            Source::Other => self.other.as_ref(),
        }
    }
}

/// A project (一级项目) with its money, goals and indicator table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目支出名称.
    pub name: Text,
    /// 主管部门; absent means the unit's.
    #[serde(default)]
    pub department: Option<Text>,
    /// 实施单位; absent means the unit itself.
    #[serde(default)]
    pub implementer: Option<Text>,
    /// 预算类型 of its fiscal money; 一般公共预算 when absent.
    #[serde(default)]
    pub budget_type: BudgetType,
    /// 资金来源.
    pub funding: Funding,
    /// 上年决算数 of this project (基础数据表).
    pub last_year_actual: Amount,
    /// 年度总体目标.
    pub goals: super::Goals,
    /// 项目支出绩效自评表.
    pub evaluation: Evaluation,
}

/// What the report says of a budget type other than 一般公共预算 beyond its figures.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OtherBudgets {
    /// 政府性基金预算支出情况.
    #[serde(default)]
    pub government_fund: Vec<Text>,
    /// 国有资本经营预算支出情况.
    #[serde(default)]
    pub state_capital: Vec<Text>,
    /// 社会保险基金预算支出情况.
    #[serde(default)]
    pub social_insurance: Vec<Text>,
}

//! Money in and out: basic expenditure (基本支出), projects (项目支出) and their
//! funding sources, and the other budget types.

use schemars::JsonSchema;
use serde::Deserialize;

use super::evaluation::Evaluation;
use super::goals::Goals;
use super::quantity::{Amount, Text};

/// 基本支出（第二部分㈠）；年末结余、执行率由 jixiao 计算，不填。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasicExpenditure {
    /// 年初预算数，万元，如 5983.4。
    pub initial_budget: Amount,
    /// 全年预算数（调整后），万元，如 6082.4。
    pub full_year_budget: Amount,
    /// 全年实际支出（决算数），万元，如 6078.91。
    pub actual: Amount,
    /// 其中：人员经费支出，万元，如 4767.43。
    pub personnel: Amount,
    /// 其中：公用经费支出（也是基础数据表公用经费的本年决算数），万元，如 1215.97。
    pub public: Amount,
    /// 执行率偏低等的原因说明（执行率低于 90% 时需要），如“年底部分采购未完成结算”；可省。
    #[serde(default)]
    pub deviation: Option<Text>,
}

/// 项目财政资金的预算类型。
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Deserialize, Hash, JsonSchema,
)]
pub enum BudgetType {
    /// 一般公共预算（默认）。
    #[default]
    #[serde(rename = "一般公共预算")]
    GeneralPublic,
    /// 政府性基金预算。
    #[serde(rename = "政府性基金预算")]
    GovernmentFund,
    /// 国有资本经营预算。
    #[serde(rename = "国有资本经营预算")]
    StateCapital,
    /// 社会保险基金预算。
    #[serde(rename = "社会保险基金预算")]
    SocialInsurance,
    /// 纳入专户管理的非税收入。
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

/// 一个资金来源的三栏：年初预算数、全年预算数、全年执行数。
#[derive(Debug, Clone, Copy, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// 年初预算数，万元，如 846.86。
    pub initial_budget: Amount,
    /// 全年预算数，万元，如 906.86。
    pub full_year_budget: Amount,
    /// 全年执行数，万元，如 906.86。
    pub actual: Amount,
}

/// 项目资金来源；不写的来源按 0 计。
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    /// 当年财政拨款的三栏；可省（为 0）。
    #[serde(default)]
    pub current_year: Option<BudgetLine>,
    /// 上年结转资金的三栏；可省（为 0）。
    #[serde(default)]
    pub carried_over: Option<BudgetLine>,
    /// 其他资金（非财政拨款）的三栏；可省（为 0）。
    #[serde(default)]
    pub other: Option<BudgetLine>,
}

/// The funding sources in the order of the forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

/// 一个一级项目：资金、目标和项目支出绩效自评表（附件3）。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// 项目支出名称，如“运行维护经费”。
    pub name: Text,
    /// 主管部门；可省，省略即单位的主管部门。
    #[serde(default)]
    pub department: Option<Text>,
    /// 实施单位；可省，省略即本单位。
    #[serde(default)]
    pub implementer: Option<Text>,
    /// 财政资金的预算类型，如“一般公共预算”；可省（一般公共预算）。
    #[serde(default)]
    pub budget_type: BudgetType,
    /// 资金来源：当年财政拨款、上年结转资金、其他资金，各三栏。
    pub funding: Funding,
    /// 该项目的上年决算数（基础数据表），万元，如 727。
    pub last_year_actual: Amount,
    /// 项目年度总体目标：预期目标与实际完成情况。
    pub goals: Goals,
    /// 项目支出绩效自评表：预算执行率分值和指标体系。
    pub evaluation: Evaluation,
}

/// 一般公共预算以外的预算支出情况的文字。
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OtherBudgets {
    /// 三、政府性基金预算支出情况，一项一条；[] 即“无。”。
    #[serde(default)]
    pub government_fund: Vec<Text>,
    /// 四、国有资本经营预算支出情况，一项一条；[] 即“无。”。
    #[serde(default)]
    pub state_capital: Vec<Text>,
    /// 五、社会保险基金预算支出情况，一项一条；[] 即“无。”。
    #[serde(default)]
    pub social_insurance: Vec<Text>,
}

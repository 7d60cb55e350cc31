//! The facts that only the 基础数据表 (附件1) holds: 三公经费, 公用经费 items,
//! 政府采购, 楼堂馆所, 厉行节约.

use serde::Deserialize;

use super::quantity::{Amount, Text};

/// Three columns of the 经费控制情况 block: 上年决算数, 本年预算数, 本年决算数.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct YearColumns {
    pub last_year: Amount,
    pub budget: Amount,
    pub actual: Amount,
}

/// 基础数据表.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseData {
    /// 三公经费.
    pub three_public: ThreePublic,
    /// Projects of last year that have no row this year (上年有、本年无的项目).
    #[serde(default)]
    pub past_projects: Vec<PastProject>,
    /// 省级专项资金, one row each.
    #[serde(default)]
    pub special_funds: Vec<NamedColumns>,
    /// 公用经费.
    pub public_funds: PublicFunds,
    /// 政府采购金额.
    pub procurement: Procurement,
    /// 楼堂馆所 (本年完工项目).
    #[serde(default)]
    pub buildings: Vec<Building>,
    /// 厉行节约保障措施.
    #[serde(default)]
    pub thrift_measures: Vec<Text>,
}

/// 三公经费 by item.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreePublic {
    /// 公车购置.
    pub vehicle_purchase: YearColumns,
    /// 公车运行维护.
    pub vehicle_operation: YearColumns,
    /// 出国经费.
    pub overseas: YearColumns,
    /// 公务接待.
    pub reception: YearColumns,
}

/// A project row present only in last year's column.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PastProject {
    pub name: Text,
    pub last_year: Amount,
}

/// A named row with the three columns.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedColumns {
    pub name: Text,
    pub last_year: Amount,
    pub budget: Amount,
    pub actual: Amount,
}

/// 公用经费: last year's actual and this year's budget; this year's actual is
/// 基本支出's 公用经费.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicFunds {
    pub last_year: Amount,
    pub budget: Amount,
    /// 其中 items (办公经费, 水电差旅, 会议培训, …).
    #[serde(default)]
    pub items: Vec<NamedColumns>,
}

/// 政府采购金额 (this year only).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procurement {
    pub budget: Amount,
    pub actual: Amount,
}

/// A building project completed this year (楼堂馆所).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Building {
    pub name: Text,
    /// 批复规模（㎡）.
    pub approved_area: Amount,
    /// 实际规模（㎡）.
    pub actual_area: Amount,
    /// 预算投资（万元）.
    pub budget_investment: Amount,
    /// 实际投资（万元）.
    pub actual_investment: Amount,
}

//! The unit's profile (单位基本情况): name, functions, divisions, staffing.

use serde::Deserialize;

use super::quantity::{Count, Text};

/// The unit being evaluated (单位).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// 单位全称.
    pub name: Text,
    /// 简称, used after the first mention (“以下简称…”).
    #[serde(default)]
    pub short_name: Option<Text>,
    /// 主管部门.
    pub department: Text,
    /// How and when the unit was founded, and what it is (成立依据、时间、性质).
    pub founding: Text,
    /// 主要职能, one item each.
    pub functions: Vec<Text>,
    /// 机构情况.
    pub divisions: Divisions,
    /// 下属单位; empty means 无下属单位.
    #[serde(default)]
    pub subordinate_units: Vec<Text>,
    /// 人员编制情况.
    pub staffing: Staffing,
}

/// 内设机构.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Divisions {
    /// 内设机构名称.
    pub names: Vec<Text>,
    /// 规格, e.g. 副处级.
    #[serde(default)]
    pub rank: Option<Text>,
    /// 当年变动情况; absent means 当年无变动.
    #[serde(default)]
    pub change: Option<Text>,
}

/// 人员编制.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    /// 核定编制数.
    pub authorized: Count,
    /// 实际在职人数.
    pub actual: Count,
    /// 编制类别, e.g. 事业编制.
    #[serde(default)]
    pub kind: Option<Text>,
    /// 领导职数等岗位说明.
    #[serde(default)]
    pub posts: Option<Text>,
    /// 当年变动情况; absent means 当年无变动.
    #[serde(default)]
    pub change: Option<Text>,
}

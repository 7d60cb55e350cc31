//! The unit's profile (单位基本情况): name, administrative level, functions,
//! divisions, staffing.

use schemars::JsonSchema;
use serde::Deserialize;

use super::quantity::{Count, Text};

/// 单位基本情况（第一部分㈠）。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// 单位全称，如“湖南省工业和信息化行业事务中心”。
    pub name: Text,
    /// 单位的行政级次：省级、市级、县级 或 乡镇，如 level: 市级；印在附件2“省级预算部门、单位名称”的“省级”处。可省，省略即不写级次（“预算部门、单位名称”）。
    #[serde(default)]
    pub level: Option<Level>,
    /// 专项资金所属的预算级次：省级、市级、县级 或 乡镇，印在附件1“省级专项资金”和一㈡“除省级专项资金以外”的“省级”处；可省，省略即同 level。
    #[serde(default)]
    pub budget_level: Option<Level>,
    /// 简称，首次出现后用（“以下简称……”），如“省工信事务中心”；可省。
    #[serde(default)]
    pub short_name: Option<Text>,
    /// 主管部门，如“湖南省工业和信息化厅”。
    pub department: Text,
    /// 成立依据、时间、性质（“是……，主要职责是”之间的话），如“根据《……》（湘编〔2019〕21号）于2019年9月设立的副厅级公益一类事业单位”。
    pub founding: Text,
    /// 主要职能，一项一条，不写编号，如“承担省工业和信息化厅交办的其他工作。”。
    pub functions: Vec<Text>,
    /// 机构情况：内设机构名称、规格、当年变动。
    pub divisions: Divisions,
    /// 下属单位名称，一项一条；没有写 []（报告中写“无下属单位”）。
    #[serde(default)]
    pub subordinate_units: Vec<Text>,
    /// 人员编制情况：编制数、实际在职人数等。
    pub staffing: Staffing,
}

impl Unit {
    /// The level whose special funds (专项资金) the report names: the
    /// budget level if written, else the unit's own level.
    pub fn special_funds_level(&self) -> Option<Level> {
        self.budget_level.or(self.level)
    }
}

/// 行政级次（预算级次）。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Level {
    /// 省级。
    #[serde(rename = "省级")]
    Province,
    /// 市级。
    #[serde(rename = "市级")]
    City,
    /// 县级。
    #[serde(rename = "县级")]
    County,
    /// 乡镇。
    #[serde(rename = "乡镇")]
    Township,
}

impl Level {
    /// The level as the clerk writes it in the facts.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "省级",
            Level::City => "市级",
            Level::County => "县级",
            Level::Township => "乡镇",
        }
    }
}

/// 内设机构。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Divisions {
    /// 内设机构名称，一项一条，如 [综合部, 财务部]。
    pub names: Vec<Text>,
    /// 内设机构规格，如“副处级”；可省。
    #[serde(default)]
    pub rank: Option<Text>,
    /// 内设机构当年变动情况，如“新设信息化推进部”；可省，省略即当年无变动。
    #[serde(default)]
    pub change: Option<Text>,
}

/// 人员编制情况。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Staffing {
    /// 核定编制数（基础数据表“编制数”），人数，如 66。
    pub authorized: Count,
    /// 实际在职人数，人数，如 55；写 ~ 表示待填。
    pub actual: Count,
    /// 编制类别，如“事业编制”“行政编制”；可省。
    #[serde(default)]
    pub kind: Option<Text>,
    /// 领导职数等岗位说明，如“主任(党委书记)1名、副主任3名”；可省。
    #[serde(default)]
    pub posts: Option<Text>,
    /// 核定编制数当年变动情况，如“核增编制2名”；可省，省略即当年无变动。
    #[serde(default)]
    pub change: Option<Text>,
}

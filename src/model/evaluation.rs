//! Indicator tables (绩效指标): 一级 categories, 二级 subcategories, 三级 indicators.

use serde::Deserialize;

use super::quantity::{Number, Text};
use super::target::Target;

/// A self-evaluation table: the budget-execution weight and the indicator tree.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// How the evaluation was approached (第六部分开头的说明); unit level only.
    #[serde(default)]
    pub approach: Option<Text>,
    /// 预算执行率 的分值 (usually 10).
    pub execution_weight: Number,
    /// Why the execution rate fell short (执行率偏差原因).
    #[serde(default)]
    pub execution_deviation: Option<Text>,
    /// 一级指标.
    pub categories: Vec<Category>,
}

/// 一级指标, e.g. 产出指标.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: Text,
    /// 二级指标.
    pub subcategories: Vec<Subcategory>,
}

/// 二级指标, e.g. 数量指标.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subcategory {
    pub name: Text,
    /// 本项指标主要考核的内容 (第六部分).
    #[serde(default)]
    pub focus: Option<Text>,
    /// 主要完成情况 (第六部分), one item each.
    #[serde(default)]
    pub achievements: Vec<Text>,
    /// 三级指标.
    pub indicators: Vec<Indicator>,
}

/// A qualitative rating (定性评价等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
pub enum Rating {
    #[serde(rename = "达成")]
    Achieved,
    #[serde(rename = "部分达成")]
    PartlyAchieved,
    #[serde(rename = "未达成")]
    NotAchieved,
}

impl Rating {
    pub fn label(self) -> &'static str {
        match self {
            Rating::Achieved => "达成",
            Rating::PartlyAchieved => "部分达成",
            Rating::NotAchieved => "未达成",
        }
    }
}

/// 三级指标.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub name: Text,
    /// 分值.
    pub weight: Number,
    /// 年度指标值.
    pub target: Target,
    /// 实际完成值, in words as printed.
    pub actual: Text,
    /// 实际完成值 as a number in the target's unit, for quantitative targets.
    #[serde(default)]
    pub actual_value: Option<Number>,
    /// 定性评价等级, for targets scored by the author.
    #[serde(default)]
    pub rating: Option<Rating>,
    /// 自评得分 given by the author: required where jixiao cannot compute it.
    #[serde(default)]
    pub score: Option<Number>,
    /// 偏差原因分析及改进措施.
    #[serde(default)]
    pub deviation: Option<Text>,
}

//! Indicator tables (绩效指标): 一级 categories, 二级 subcategories, 三级 indicators.

use schemars::JsonSchema;
use serde::Deserialize;

use super::quantity::{Flag, Number, Text, written};
use super::target::Target;

/// 绩效自评表：预算执行率的分值和指标体系（单位的 self_evaluation、项目的 evaluation）。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// 第六部分开头对评价思路的说明（只单位一级用），如“从围绕中心职责……着手”；可省。
    #[serde(default)]
    pub approach: Option<Text>,
    /// 预算执行率的分值，一般为 10，如 execution_weight: 10。
    pub execution_weight: Number,
    /// 执行率偏差原因分析（执行率低于 90% 时需要），如“部分项目年底才完成招标”；可省。
    #[serde(default)]
    pub execution_deviation: Option<Text>,
    /// 一级指标，如 产出指标、效益指标、满意度指标。
    pub categories: Vec<Category>,
}

/// 一级指标，如产出指标。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// 一级指标名，不带分值，如“产出指标”（不写“产出指标(50分)”，分值由下级相加）。
    pub name: Text,
    /// 二级指标，如 数量指标、质量指标。
    pub subcategories: Vec<Subcategory>,
}

/// 二级指标，如数量指标。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subcategory {
    /// 二级指标名，如“数量指标”。
    pub name: Text,
    /// “本项指标主要考核”后面的话，不含末尾句号（只单位一级用），如“开展活动数量详细情况”；可省。
    #[serde(default)]
    pub focus: Option<Text>,
    /// “主要完成情况如下：”后面的各项（只单位一级用），一项一条，如“年内累计调研考察工业企业400余家。”；可省。
    #[serde(default)]
    pub achievements: Vec<Text>,
    /// 三级指标。
    pub indicators: Vec<Indicator>,
}

/// 定性评价等级。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
pub enum Rating {
    /// 达成：得分为分值的 80%（含）–100%（rules.rating_edges 可改为含上限）。
    #[serde(rename = "达成")]
    Achieved,
    /// 部分达成：得分为分值的 60%（含）–80%。
    #[serde(rename = "部分达成")]
    PartlyAchieved,
    /// 未达成：得分为分值的 0–60%（不含 60%）。
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

/// 三级指标。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// 三级指标名，如“组织软考参考人次”。
    pub name: Text,
    /// 分值，如 5。
    pub weight: Number,
    // 年度指标值: its schema description (every accepted wording) is
    // `Target`'s own, which a doc comment here would replace.
    pub target: Target,
    /// 实际完成值，照录原文，如“年报考人数26710人。”。
    pub actual: Text,
    /// 实际完成值折成与指标值同一单位的数，如 26710人 对 ≥2.5万人次 填 2.671；写 ~ 表示待填；没有可比的数时不写。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Number")]
    pub actual_value: Option<Number>,
    /// 定性评价等级：达成、部分达成 或 未达成；可省。
    #[serde(default)]
    pub rating: Option<Rating>,
    /// 自评得分，如 5；jixiao 算不出得分时（定性指标、没有 actual_value）必填；写 ~ 表示待填。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Number")]
    pub score: Option<Number>,
    /// 偏差原因分析及改进措施（得分低于分值时需要），如“受天气影响工期推迟，下一步加快进度”；可省。
    #[serde(default)]
    pub deviation: Option<Text>,
    /// 本年是否适用：不适用的指标写 applicable: false，并在 reason 写明原因；它不计分，同一一级指标下适用指标的分值按比例折算，使一级指标分值不变；可省（适用）。
    #[serde(default, deserialize_with = "written")]
    #[schemars(with = "Flag")]
    pub applicable: Option<Flag>,
    /// 不适用的原因（applicable: false 时必填，印在自评表的偏差原因分析栏），如“本年度未发生安全生产事故，该指标无考核对象”。
    #[serde(default)]
    pub reason: Option<Text>,
}

impl Indicator {
    /// Whether the indicator is scored this year: unless it is marked
    /// `applicable: false`.
    pub fn applies(&self) -> bool {
        self.applicable.is_none_or(|a| a.value)
    }
}

//! The year's overall goals (年度总体目标) of the unit or of a project: what
//! was expected and what was achieved.

use schemars::JsonSchema;
use serde::Deserialize;

use super::quantity::Text;

/// 年度总体目标：预期目标与实际完成情况。
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goals {
    /// 预期目标，一项一条，不写编号，如“推动离退休管理服务质量提升”。
    pub expected: Vec<Text>,
    /// 实际完成情况前的一句总评，如“按照预期目标完成。”；可省。
    #[serde(default)]
    pub summary: Option<Text>,
    /// 实际完成情况，一项一条，不写编号，如“完成原省机械工业供销公司33户危房排危搬迁工作。”。
    pub achieved: Vec<Text>,
}

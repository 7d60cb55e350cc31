//! The scoring rules a file is held to (评分规则, `rules:`): a named profile
//! and the options the file sets itself, each overriding the profile's one.
//!
//! [`Rules`] mirrors the YAML; [`Rules::resolve`] turns it, once, when the
//! file is read, into [`Scoring`]: every option with its value, the one
//! place compute, audit and the report's sentence on the rules read them
//! from. The profiles' values are data in `profiles`; `docs/rules.md`
//! gives each option's formula, a worked example and its source.

mod profiles;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Rounding;
use super::load::parse_decimal;
use super::quantity::{Loc, Number, Text, written};

// An option left out takes the profile's value; one written without a value
// (`key:` or `key: ~`) is refused at its line, never read as left out.
/// 计算规则（rules:）。
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// 舍入规则：只写方式（四舍五入 或 截断），如 rounding: 四舍五入；或写明方式和金额、比率、得分各保留的小数位数（0 到 4），如 rounding: { 方式: 截断, 金额: 2, 比率: 2, 得分: 2 }；可省（四舍五入，均保留 2 位小数）。
    #[serde(default)]
    pub rounding: Rounding,
    /// 评分规则配置：hunan（湖南省做法，默认）或 national（财预〔2020〕10号及自评表填报说明），如 profile: national；下列各项可逐项改写。
    #[serde(default)]
    pub profile: Profile,
    /// 反向指标（≤、<、区间上限）超出目标时的得分：超出扣减 或 目标比实际；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "AtMostMissed")]
    pub at_most_missed: Option<AtMostMissed>,
    /// “=”目标（或只写数字的目标，如 1处）实际超出时的得分：满分、目标比实际 或 超出扣减；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "ExactExceeded")]
    pub exact_exceeded: Option<ExactExceeded>,
    /// 定性等级的分界点归属：含下限（80% 属达成、60% 属部分达成）或 含上限（80% 属部分达成、60% 属未达成）；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "RatingEdges")]
    pub rating_edges: Option<RatingEdges>,
    /// 超额完成提示：实际值超出 ≥ 目标的百分比超过此数时提示说明原因，如 over_achievement: 50；写 不检查 则不提示；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Text")]
    pub over_achievement: Option<Text>,
    /// 预算执行率得分：线性封顶、线性不封顶 或 分档（须写 execution_bands）；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "ExecutionScore")]
    pub execution_score: Option<ExecutionScore>,
    /// 执行率分档（execution_score: 分档 时用），每档写起点执行率和得分占分值的百分比，如 [{ from: 95, share: 100 }, { from: 80, share: 60 }]；低于最低档得 0 分。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Vec<ExecutionBand>")]
    pub execution_bands: Option<Vec<ExecutionBand>>,
    /// 满意度“每降5%扣1分”的扣法：整档（不足一档不扣，94% 得满分）或 按比例（94% 扣 0.2 分）；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "SatisfactionSteps")]
    pub satisfaction_steps: Option<SatisfactionSteps>,
    /// 一级指标分值的标准分配，依次为预算执行率和各一级指标（不得为负），如 [10, 50, 30, 10]；不符时提示；写 [] 则不检查；可省（按 profile）。
    #[serde(
        default,
        deserialize_with = "written",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Vec<Number>")]
    pub top_weights: Option<Vec<Number>>,
}

/// 评分规则配置。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
pub enum Profile {
    /// 湖南省做法：与参考报告的得分一致（默认）。
    #[default]
    #[serde(rename = "hunan", alias = "湖南")]
    Hunan,
    /// 财预〔2020〕10号及财政部自评表填报说明明确的做法。
    #[serde(rename = "national", alias = "全国")]
    National,
}

/// 反向指标超出目标时的得分公式。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum AtMostMissed {
    /// (1 − (实际 − 目标) ÷ 目标) × 分值，实际达到目标 2 倍时为 0。
    #[serde(rename = "超出扣减", alias = "overrun")]
    Overrun,
    /// 目标 ÷ 实际 × 分值（填报说明）。
    #[serde(rename = "目标比实际", alias = "ratio")]
    Ratio,
}

/// “=”目标实际超出时的得分。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ExactExceeded {
    /// 达到即得满分。
    #[serde(rename = "满分", alias = "full")]
    Full,
    /// 目标 ÷ 实际 × 分值。
    #[serde(rename = "目标比实际", alias = "ratio")]
    Ratio,
    /// (1 − (实际 − 目标) ÷ 目标) × 分值，最低 0 分。
    #[serde(rename = "超出扣减", alias = "overrun")]
    Overrun,
}

/// 定性等级分界点的归属。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum RatingEdges {
    /// 每档含其下限：达成 80%（含）–100%，部分达成 60%（含）–80%，未达成 0–60%。
    #[serde(rename = "含下限", alias = "lower")]
    Lower,
    /// 每档含其上限：达成 80%–100%，部分达成 60%–80%（含），未达成 0–60%（含）。
    #[serde(rename = "含上限", alias = "upper")]
    Upper,
}

/// 预算执行率得分的算法。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum ExecutionScore {
    /// min(执行率, 100%) × 分值。
    #[serde(rename = "线性封顶", alias = "capped")]
    Capped,
    /// 执行率 × 分值，超过 100% 时得分超过分值。
    #[serde(rename = "线性不封顶", alias = "uncapped")]
    Uncapped,
    /// 按 execution_bands 分档。
    #[serde(rename = "分档", alias = "bands")]
    Bands,
}

/// 执行率的一档：执行率达到 from（%）时得分值的 share（%）。
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExecutionBand {
    /// 该档起点执行率（%，含），如 95。
    pub from: Number,
    /// 该档得分占分值的百分比，如 100。
    pub share: Number,
}

/// 满意度“每降 N% 扣 M 分”的扣法。
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
pub enum SatisfactionSteps {
    /// 不足一档不扣：95% 起满分时，94% 仍得满分，89% 扣 1 分。
    #[serde(rename = "整档", alias = "whole")]
    Whole,
    /// 按比例扣：94% 扣 0.2 分，89% 扣 1.2 分。
    #[serde(rename = "按比例", alias = "partial")]
    Partial,
}

/// The rules a file is scored by, every option resolved: the profile's
/// value unless the file set its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Scoring {
    pub profile: Profile,
    pub at_most_missed: AtMostMissed,
    pub exact_exceeded: ExactExceeded,
    pub rating_edges: RatingEdges,
    /// The share (percent) by which an actual may exceed an at-least
    /// target before the reason is asked for; none: never asked.
    pub over_achievement: Option<Decimal>,
    pub execution_score: ExecutionScore,
    /// (from, share) in percent, highest `from` first.
    pub execution_bands: Vec<(Decimal, Decimal)>,
    pub satisfaction_steps: SatisfactionSteps,
    /// The expected 分值 of 预算执行率 and of each 一级指标 in order; empty:
    /// not checked.
    pub top_weights: Vec<Decimal>,
    /// The keys of the options the file set itself, in the YAML's order of
    /// the fields above.
    pub overridden: Vec<&'static str>,
}

impl Default for Scoring {
    fn default() -> Self {
        Rules::default()
            .resolve()
            .expect("a profile's own rules stand")
    }
}

/// Why a file's `rules:` cannot stand: the message and a hint, in Chinese,
/// and where: at a value's line, or else at the option `key` under `rules`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesRefused {
    pub message: String,
    pub help: String,
    pub at: Option<Loc>,
    pub key: &'static str,
}

/// The word that switches the over-achievement check off.
pub const NOT_CHECKED: &str = "不检查";

impl Rules {
    /// The rules resolved: each option the file's own or its profile's.
    pub fn resolve(&self) -> Result<Scoring, RulesRefused> {
        let p = profiles::of(self.profile);
        let mut overridden = Vec::new();
        let mut own = |key: &'static str, set: bool| {
            if set {
                overridden.push(key);
            }
        };
        own("at_most_missed", self.at_most_missed.is_some());
        own("exact_exceeded", self.exact_exceeded.is_some());
        own("rating_edges", self.rating_edges.is_some());
        own("over_achievement", self.over_achievement.is_some());
        own("execution_score", self.execution_score.is_some());
        own("execution_bands", self.execution_bands.is_some());
        own("satisfaction_steps", self.satisfaction_steps.is_some());
        own("top_weights", self.top_weights.is_some());
        let over_achievement = match &self.over_achievement {
            Some(text) => threshold(text)?,
            None => p.over_achievement.map(Decimal::from),
        };
        let execution_score = self.execution_score.unwrap_or(p.execution_score);
        let execution_bands = match &self.execution_bands {
            Some(bands) => own_bands(bands)?,
            None => (p.execution_bands.iter())
                .map(|&(from, share)| (Decimal::from(from), Decimal::from(share)))
                .collect(),
        };
        if self.execution_bands.is_some() && execution_score != ExecutionScore::Bands {
            return Err(RulesRefused {
                message: format!(
                    "写了 execution_bands，但 execution_score 为“{}”，分档不会被采用",
                    option_value(execution_score)
                ),
                help: "按分档计分的，在 rules 下写 execution_score: 分档；不分档的，删去 execution_bands".into(),
                at: None,
                key: "execution_bands",
            });
        }
        if execution_score == ExecutionScore::Bands && execution_bands.is_empty() {
            return Err(RulesRefused {
                message: "execution_score 为“分档”，但没有写 execution_bands".into(),
                help: "在 rules 下写 execution_bands，如 [{ from: 95, share: 100 }, { from: 80, share: 60 }]，或改用 线性封顶".into(),
                at: None,
                key: "execution_score",
            });
        }
        let top_weights = match &self.top_weights {
            Some(list) => own_weights(list)?,
            None => p.top_weights.iter().copied().map(Decimal::from).collect(),
        };
        Ok(Scoring {
            profile: self.profile,
            at_most_missed: self.at_most_missed.unwrap_or(p.at_most_missed),
            exact_exceeded: self.exact_exceeded.unwrap_or(p.exact_exceeded),
            rating_edges: self.rating_edges.unwrap_or(p.rating_edges),
            over_achievement,
            execution_score,
            execution_bands,
            satisfaction_steps: self.satisfaction_steps.unwrap_or(p.satisfaction_steps),
            top_weights,
            overridden,
        })
    }
}

/// `top_weights` as written, none negative. (A split that is not a
/// scorecard's is not refused: every table then differs from it, J017, and
/// a pending weight counts as 0 until it is filled in.)
fn own_weights(list: &[Number]) -> Result<Vec<Decimal>, RulesRefused> {
    if let Some(negative) = list.iter().find(|n| n.value < Decimal::ZERO) {
        return Err(RulesRefused {
            message: format!("一级指标分值 {} 为负数", negative.value),
            help: "top_weights 依次写预算执行率和各一级指标的分值，如 [10, 50, 30, 10]".into(),
            at: Some(negative.at),
            key: "top_weights",
        });
    }
    Ok(list.iter().map(|n| n.value).collect())
}

/// `over_achievement` as written: a percent (`50`, `50%`) or 不检查.
fn threshold(text: &Text) -> Result<Option<Decimal>, RulesRefused> {
    let written = text.value.trim();
    if written == NOT_CHECKED {
        return Ok(None);
    }
    let number = written.strip_suffix(['%', '％']).unwrap_or(written).trim();
    match parse_decimal(number) {
        Ok(percent) if percent >= Decimal::ZERO => Ok(Some(percent)),
        _ => Err(RulesRefused {
            message: format!(
                "over_achievement 的取值「{written}」不是百分数，也不是“{NOT_CHECKED}”"
            ),
            help: format!(
                "写超出目标的百分比（非负数），如 over_achievement: 50；不提示写 over_achievement: {NOT_CHECKED}"
            ),
            at: Some(text.at),
            key: "over_achievement",
        }),
    }
}

/// The file's own execution bands, highest first; each `from` and `share`
/// within 0–100 % (a `from` may exceed 100 for a rate above the budget)
/// and no `from` given twice.
fn own_bands(bands: &[ExecutionBand]) -> Result<Vec<(Decimal, Decimal)>, RulesRefused> {
    let mut out: Vec<(Decimal, Decimal)> = Vec::new();
    for band in bands {
        let (from, share) = (band.from.value, band.share.value);
        if from < Decimal::ZERO {
            return Err(RulesRefused {
                message: format!("执行率分档的起点 {from}% 为负数"),
                help: "from 写该档起点执行率（%），如 95".into(),
                at: Some(band.from.at),
                key: "execution_bands",
            });
        }
        if share < Decimal::ZERO || share > Decimal::ONE_HUNDRED {
            return Err(RulesRefused {
                message: format!("执行率分档的得分比例 {share}% 不在 0–100% 之间"),
                help: "share 写该档得分占分值的百分比，如 100、80".into(),
                at: Some(band.share.at),
                key: "execution_bands",
            });
        }
        if out.iter().any(|&(f, _)| f == from) {
            return Err(RulesRefused {
                message: format!("执行率分档的起点 {from}% 写了两次"),
                help: "每档的起点各不相同；删去重复的一档".into(),
                at: Some(band.from.at),
                key: "execution_bands",
            });
        }
        out.push((from, share));
    }
    out.sort_by_key(|&(from, _)| std::cmp::Reverse(from));
    Ok(out)
}

/// An option's value as the facts file writes it (`超出扣减`, `national`).
pub fn option_value<T: Serialize>(value: T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

impl Scoring {
    /// An option as `key: value`, with `（profile 规则）` or `（本文件改写）`
    /// after it: which rule gave a score, for `explain`.
    pub fn cited(&self, key: &'static str, value: impl Serialize) -> String {
        format!("{key}: {}（{}）", option_value(value), self.whose(key))
    }

    /// Whose the option `key` is: `national 规则`, or `本文件 rules 所写`
    /// when the file set it.
    pub fn whose(&self, key: &'static str) -> String {
        if self.overridden.contains(&key) {
            "本文件 rules 所写".to_string()
        } else {
            format!("{} 规则", option_value(self.profile))
        }
    }
}

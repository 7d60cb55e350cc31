//! Consistency and scoring checks (勾稽关系): what real reports get wrong.
//!
//! Every rule has a stable code, a severity and a Chinese message that names
//! both figures, their values and the YAML lines involved. The rules read the
//! facts and the computed figures; they never change them. Each rule's
//! entry for clerks (meaning, example, cause, fix) is in [`reference`].

mod applicability;
mod consistency;
mod pending;
mod plausibility;
pub mod reference;
mod scoring;

use serde::Serialize;

use crate::compute::{Figures, Kind, Value};
use crate::model::{Loaded, Loc};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Warning => "警告",
            Severity::Error => "错误",
        }
    }
}

/// The rules, by stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Rule {
    /// J001 部分之和与合计不符.
    PartsVsTotal,
    /// J002 印出的数与计算结果不符.
    ReportedVsComputed,
    /// J003 同一数字在两处印成不同数值.
    PrintedTwoWays,
    /// J004 作者得分与评分规则不符.
    ScoreVsRule,
    /// J005 得分超出 0 至分值.
    ScoreOutOfRange,
    /// J006 定性评分不在其等级区间.
    ScoreOutsideBand,
    /// J007 得分低于分值而无偏差原因.
    ShortScoreUnexplained,
    /// J008 执行率低于 90% 而无原因说明.
    LowExecutionUnexplained,
    /// J009 分值合计不为 100.
    WeightsNot100,
    /// J010 无法得出得分.
    ScoreMissing,
    /// J011 金额超过两位小数.
    AmountPrecision,
    /// J012 reported 中的数字名称不存在.
    UnknownFigure,
    /// J013 实际支出超过全年预算.
    Overspent,
    /// J014 “其中”明细超过总数.
    ItemsExceedTotal,
    /// J015 待填写的数字或文字.
    Pending,
    /// J016 超额完成而无原因说明.
    OverAchievedUnexplained,
    /// J017 一级指标分值与规则的标准分配不符.
    TopWeightsDiffer,
    /// J020 年度不在 2000–2100.
    YearOutOfRange,
    /// J021 人数超出任何单位.
    StaffingImplausible,
    /// J022 实际在职人数超过编制数.
    OverStaffed,
    /// J023 金额超过四位小数.
    AmountTooPrecise,
    /// J024 计算溢出.
    Overflow,
    /// J025 不适用的指标填了完成值或得分.
    NotApplicableScored,
    /// J026 一级指标下没有适用的指标.
    NoApplicableIndicator,
    /// J027 折算分值合计与一级指标分值不等.
    RescaledWeightsOff,
    /// J028 分值或得分的小数位数多于报告印出的位数.
    ScoreTooPrecise,
}

impl Rule {
    pub fn code(self) -> &'static str {
        match self {
            Rule::PartsVsTotal => "J001",
            Rule::ReportedVsComputed => "J002",
            Rule::PrintedTwoWays => "J003",
            Rule::ScoreVsRule => "J004",
            Rule::ScoreOutOfRange => "J005",
            Rule::ScoreOutsideBand => "J006",
            Rule::ShortScoreUnexplained => "J007",
            Rule::LowExecutionUnexplained => "J008",
            Rule::WeightsNot100 => "J009",
            Rule::ScoreMissing => "J010",
            Rule::AmountPrecision => "J011",
            Rule::UnknownFigure => "J012",
            Rule::Overspent => "J013",
            Rule::ItemsExceedTotal => "J014",
            Rule::Pending => "J015",
            Rule::OverAchievedUnexplained => "J016",
            Rule::TopWeightsDiffer => "J017",
            Rule::YearOutOfRange => "J020",
            Rule::StaffingImplausible => "J021",
            Rule::OverStaffed => "J022",
            Rule::AmountTooPrecise => "J023",
            Rule::Overflow => "J024",
            Rule::NotApplicableScored => "J025",
            Rule::NoApplicableIndicator => "J026",
            Rule::RescaledWeightsOff => "J027",
            Rule::ScoreTooPrecise => "J028",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Rule::PartsVsTotal => "部分之和与合计不符",
            Rule::ReportedVsComputed => "印出的数与计算结果不符",
            Rule::PrintedTwoWays => "同一数字在两处印成不同数值",
            Rule::ScoreVsRule => "作者得分与评分规则不符",
            Rule::ScoreOutOfRange => "得分超出 0 至分值",
            Rule::ScoreOutsideBand => "定性评分不在其等级区间",
            Rule::ShortScoreUnexplained => "得分低于分值而无偏差原因",
            Rule::LowExecutionUnexplained => "执行率低于 90% 而无原因说明",
            Rule::WeightsNot100 => "分值合计不为 100",
            Rule::ScoreMissing => "无法得出得分",
            Rule::AmountPrecision => "金额超过两位小数",
            Rule::UnknownFigure => "reported 中的数字名称不存在",
            Rule::Overspent => "实际支出超过全年预算",
            Rule::ItemsExceedTotal => "“其中”明细超过总数",
            Rule::Pending => "待填写的数字或文字",
            Rule::OverAchievedUnexplained => "超额完成而无原因说明",
            Rule::TopWeightsDiffer => "一级指标分值与标准分配不符",
            Rule::YearOutOfRange => "年度超出范围",
            Rule::StaffingImplausible => "人数超出合理范围",
            Rule::OverStaffed => "实际在职人数超过编制数",
            Rule::AmountTooPrecise => "金额超过四位小数",
            Rule::Overflow => "数字过大，无法计算",
            Rule::NotApplicableScored => "不适用的指标填了完成值或得分",
            Rule::NoApplicableIndicator => "一级指标下没有适用的指标",
            Rule::RescaledWeightsOff => "折算分值合计与一级指标分值不等",
            Rule::ScoreTooPrecise => "分值或得分的小数位数多于报告印出的位数",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::ShortScoreUnexplained
            | Rule::LowExecutionUnexplained
            | Rule::AmountPrecision
            | Rule::Overspent
            | Rule::OverStaffed
            | Rule::OverAchievedUnexplained
            | Rule::TopWeightsDiffer
            | Rule::RescaledWeightsOff => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One problem found in a file.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub rule: Rule,
    pub severity: Severity,
    pub title: &'static str,
    pub message: String,
    /// The figures involved, by name.
    pub figures: Vec<String>,
    /// The YAML lines involved.
    pub lines: Vec<usize>,
}

impl Finding {
    /// A finding; `lines` keep their order (the printed place first), without repeats.
    pub fn new(rule: Rule, message: String, figures: Vec<String>, lines: Vec<Loc>) -> Self {
        let mut seen = std::collections::BTreeSet::new();
        let lines: Vec<Loc> = lines.into_iter().filter(|l| seen.insert(l.line)).collect();
        Finding {
            code: rule.code(),
            rule,
            severity: rule.severity(),
            title: rule.title(),
            message,
            figures,
            lines: lines
                .into_iter()
                .map(|l| l.line)
                .filter(|&l| l > 0)
                .collect(),
        }
    }
}

/// Runs every rule; findings come errors first, then by line.
pub fn audit(loaded: &Loaded, figures: &Figures) -> Vec<Finding> {
    let mut findings = Vec::new();
    consistency::check(loaded, figures, &mut findings);
    scoring::check(loaded, figures, &mut findings);
    plausibility::check(loaded, figures, &mut findings);
    pending::check(loaded, figures, &mut findings);
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.lines.first().cmp(&b.lines.first()))
            .then_with(|| a.code.cmp(b.code))
    });
    findings
}

/// A figure's value as the report would print it, for messages.
pub fn show(kind: Kind, value: &Value) -> String {
    match value {
        Value::Missing => "—".into(),
        Value::Text(t) => t.clone(),
        Value::Number(d) => show_as_written(kind, d.normalize()),
    }
}

/// A number with its unit, keeping the decimals it was written with
/// (a printed `6078.90` stays `6078.90`).
pub fn show_as_written(kind: Kind, d: rust_decimal::Decimal) -> String {
    match kind {
        Kind::Percent => format!("{d}%"),
        Kind::Money => format!("{d} 万元"),
        Kind::Score => format!("{d} 分"),
        _ => d.to_string(),
    }
}

/// The most lines named in a message; the finding's `lines` keep them all.
const LINES_IN_WORDS: usize = 8;

/// “第 3、17 行” for a list of lines (“第 3、17 … 行等 40 行” when long).
pub fn lines_words(lines: &[Loc]) -> String {
    let mut ls: Vec<usize> = lines.iter().map(|l| l.line).filter(|&l| l > 0).collect();
    ls.sort();
    ls.dedup();
    if ls.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = ls
        .iter()
        .take(LINES_IN_WORDS)
        .map(ToString::to_string)
        .collect();
    if ls.len() > LINES_IN_WORDS {
        format!("第 {} 行等 {} 行", shown.join("、"), ls.len())
    } else {
        format!("第 {} 行", shown.join("、"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lines: &[usize]) -> Vec<Loc> {
        lines.iter().map(|&line| Loc { line, column: 1 }).collect()
    }

    #[test]
    fn lines_are_named_once_in_order_without_the_unlocated() {
        assert_eq!(lines_words(&at(&[17, 3, 0, 17])), "第 3、17 行");
        assert_eq!(lines_words(&at(&[0])), "");
        assert_eq!(lines_words(&[]), "");
    }

    #[test]
    fn only_more_than_eight_lines_are_cut_short() {
        let eight: Vec<usize> = (1..=8).collect();
        assert_eq!(lines_words(&at(&eight)), "第 1、2、3、4、5、6、7、8 行");
        let nine: Vec<usize> = (1..=9).collect();
        assert_eq!(
            lines_words(&at(&nine)),
            "第 1、2、3、4、5、6、7、8 行等 9 行"
        );
    }
}

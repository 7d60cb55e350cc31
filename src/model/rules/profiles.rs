//! The named profiles' rules, as data: one row per profile, one column per
//! option. A profile for another province is one more row here and one more
//! variant of [`Profile`]; `docs/rules.md` says how, and where each value
//! comes from.

use super::{AtMostMissed, ExactExceeded, ExecutionScore, Profile, RatingEdges, SatisfactionSteps};

/// A profile's value for every option.
pub(super) struct ProfileRules {
    pub at_most_missed: AtMostMissed,
    pub exact_exceeded: ExactExceeded,
    pub rating_edges: RatingEdges,
    /// Percent above an at-least target; none: not checked.
    pub over_achievement: Option<u32>,
    pub execution_score: ExecutionScore,
    /// (from, share) in percent.
    pub execution_bands: &'static [(u32, u32)],
    pub satisfaction_steps: SatisfactionSteps,
    /// 预算执行率, then each 一级指标; empty: not checked.
    pub top_weights: &'static [u32],
}

/// 湖南: the reference report's own scoring, figure for figure.
const HUNAN: ProfileRules = ProfileRules {
    at_most_missed: AtMostMissed::Overrun,
    exact_exceeded: ExactExceeded::Overrun,
    rating_edges: RatingEdges::Lower,
    over_achievement: None,
    execution_score: ExecutionScore::Capped,
    execution_bands: &[],
    satisfaction_steps: SatisfactionSteps::Whole,
    top_weights: &[],
};

/// 财预〔2020〕10号 and the 财政部 自评表 填报说明, where they are explicit;
/// the over-achievement threshold, which they leave open, is jixiao's.
const NATIONAL: ProfileRules = ProfileRules {
    at_most_missed: AtMostMissed::Ratio,
    exact_exceeded: ExactExceeded::Full,
    rating_edges: RatingEdges::Lower,
    over_achievement: Some(50),
    execution_score: ExecutionScore::Capped,
    execution_bands: &[],
    satisfaction_steps: SatisfactionSteps::Whole,
    top_weights: &[10, 50, 30, 10],
};

pub(super) fn of(profile: Profile) -> &'static ProfileRules {
    match profile {
        Profile::Hunan => &HUNAN,
        Profile::National => &NATIONAL,
    }
}

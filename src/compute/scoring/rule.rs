//! The score one target's rule gives a measured value, under the file's
//! scoring rules: met, short of the target, beyond a ceiling, beyond an
//! exact target, a satisfaction rate; and whether an at-least target was
//! exceeded by more than the rules allow without a reason.

use rust_decimal::Decimal;

use crate::model::{AtMostMissed, ExactExceeded, Op, SatisfactionSteps, Scoring, TargetKind};

/// What a target's rule gives for a measured value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleScore {
    /// Unrounded; the caller rounds and caps it.
    pub score: Decimal,
    /// The target was met: only then may the score be the full weight.
    pub met: bool,
    /// The rule applied, in words.
    pub words: String,
    /// The rule option that decided the score, cited (none: the score
    /// follows from the target alone).
    pub rule: Option<String>,
}

impl RuleScore {
    fn citing(self, rule: Option<String>) -> Self {
        RuleScore { rule, ..self }
    }
}

/// The largest score strictly below `weight` in whole `step`s, the
/// smallest step of a score (0.01 at 2 places), never below zero: what a
/// target that was not met earns at most, so that full marks always mean
/// the target was met, even when a near miss would round up.
fn short_of_full(weight: Decimal, step: Decimal) -> Decimal {
    let below = match weight.checked_div(step) {
        Some(steps) => (steps.ceil() - Decimal::ONE) * step,
        None => weight.saturating_sub(step),
    };
    below.max(Decimal::ZERO)
}

/// The cap on a rounded `score` of a target that was not `met`: the
/// largest score below `weight` (see [`short_of_full`]) when the rounded
/// score reaches the weight, none when the score stands (the target was met
/// or the score is below the weight). The one policy for every score that
/// full marks must not hide a miss: an indicator's, and a linear execution
/// score's at a rate below 100 % (99.99 % of 10 is 9.999, which rounds to
/// 10.00 and is capped to 9.99).
pub(in crate::compute) fn unmet_cap(
    score: Decimal,
    weight: Decimal,
    met: bool,
    step: Decimal,
) -> Option<Decimal> {
    (!met && score >= weight).then(|| short_of_full(weight, step))
}

/// The score a rule gives, with whether the target was met and the rule in
/// words; none when the target is qualitative or no measured value was given.
///
/// A quantitative target met earns the full weight. Short of it (under an
/// at-least or strictly-above target, under an exact one, under a range) the
/// score is actual ÷ target × weight. Beyond a ceiling (over an at-most or
/// strictly-below target, over a range) it is what `rules.at_most_missed`
/// says, beyond an exact target what `rules.exact_exceeded` says; never
/// below zero. A strict target is not met at its own number, where these
/// give the full weight: the cap of an unmet target (see [`short_of_full`])
/// then takes one step of a score off.
pub fn rule_score(
    target: &TargetKind,
    measured: Option<Decimal>,
    weight: Decimal,
    rules: &Scoring,
) -> Option<RuleScore> {
    let actual = measured?;
    let full = |words: String| RuleScore {
        score: weight,
        met: true,
        words,
        rule: None,
    };
    let beyond_ceiling = || match rules.at_most_missed {
        AtMostMissed::Overrun => Missed::Overrun,
        AtMostMissed::Ratio => Missed::Ratio,
    };
    let cite_ceiling = || Some(rules.cited("at_most_missed", rules.at_most_missed));
    match *target {
        TargetKind::Qualitative => None,
        TargetKind::Satisfaction {
            full_at,
            step,
            deduct,
        } => {
            if actual >= full_at {
                return Some(full(format!("实际 {actual}% 达到 {full_at}%，得满分")));
            }
            let exact_steps = full_at.checked_sub(actual)?.checked_div(step)?;
            let (steps, words) = match rules.satisfaction_steps {
                SatisfactionSteps::Whole => (
                    exact_steps.floor(),
                    format!("分值 − ⌊({full_at} − {actual}) ÷ {step}⌋ × {deduct}，扣完为止"),
                ),
                SatisfactionSteps::Partial => (
                    exact_steps,
                    format!("分值 − ({full_at} − {actual}) ÷ {step} × {deduct}，扣完为止"),
                ),
            };
            let score = weight
                .checked_sub(steps.checked_mul(deduct)?)?
                .max(Decimal::ZERO);
            Some(RuleScore {
                score,
                met: steps.is_zero() || deduct.is_zero(),
                words,
                rule: Some(rules.cited("satisfaction_steps", rules.satisfaction_steps)),
            })
        }
        TargetKind::Quantitative {
            op, value: target, ..
        } => {
            let met = match op {
                Op::AtLeast => actual >= target,
                Op::AtMost => actual <= target,
                Op::Above => actual > target,
                Op::Below => actual < target,
                Op::Exactly => actual == target,
            };
            if met {
                return Some(full(format!(
                    "实际 {actual} 达到目标 {}{target}，得满分",
                    op.symbol()
                )));
            }
            match op {
                Op::AtLeast | Op::Above => missed(actual, target, Missed::Short, weight),
                Op::AtMost | Op::Below => missed(actual, target, beyond_ceiling(), weight)
                    .map(|r| r.citing(cite_ceiling())),
                Op::Exactly if actual < target => missed(actual, target, Missed::Short, weight),
                Op::Exactly => {
                    let rule = Some(rules.cited("exact_exceeded", rules.exact_exceeded));
                    let how = match rules.exact_exceeded {
                        ExactExceeded::Full => {
                            return Some(RuleScore {
                                rule,
                                ..full(format!("实际 {actual} 超过目标 ={target}，达到即得满分"))
                            });
                        }
                        ExactExceeded::Ratio => Missed::Ratio,
                        ExactExceeded::Overrun => Missed::Overrun,
                    };
                    missed(actual, target, how, weight).map(|r| r.citing(rule))
                }
            }
        }
        TargetKind::Range { low, high, .. } => {
            if actual < low {
                missed(actual, low, Missed::Short, weight)
            } else if actual > high {
                missed(actual, high, beyond_ceiling(), weight).map(|r| r.citing(cite_ceiling()))
            } else {
                Some(full(format!(
                    "实际 {actual} 在目标 {low} 至 {high} 之内，得满分"
                )))
            }
        }
    }
}

/// How a target not met is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Missed {
    /// Short of it: actual ÷ target × weight.
    Short,
    /// Beyond it: (1 − (actual − target) ÷ target) × weight.
    Overrun,
    /// Beyond it: target ÷ actual × weight.
    Ratio,
}

/// The score of a target not met, as `how` says; clamped to 0 … weight.
fn missed(actual: Decimal, target: Decimal, how: Missed, weight: Decimal) -> Option<RuleScore> {
    let (ratio, words) = if target.is_zero() {
        (
            Decimal::ZERO,
            format!("实际 {actual} 未达到目标 0，得 0 分"),
        )
    } else {
        match how {
            Missed::Short => (
                actual.checked_div(target).unwrap_or(Decimal::ZERO),
                format!("实际 {actual} ÷ 目标 {target} × 分值"),
            ),
            Missed::Overrun => {
                let share = actual
                    .checked_sub(target)
                    .and_then(|over| over.checked_div(target));
                (
                    share
                        .and_then(|share| Decimal::ONE.checked_sub(share))
                        .unwrap_or(Decimal::ZERO),
                    format!(
                        "(1 − (实际 {actual} − 目标 {target}) ÷ 目标 {target}) × 分值，最低 0 分"
                    ),
                )
            }
            Missed::Ratio => (
                target.checked_div(actual).unwrap_or(Decimal::ZERO),
                format!("目标 {target} ÷ 实际 {actual} × 分值"),
            ),
        }
    };
    let ratio = ratio.clamp(Decimal::ZERO, Decimal::ONE);
    Some(RuleScore {
        score: ratio.checked_mul(weight)?,
        met: false,
        words,
        rule: None,
    })
}

/// By how many percent `actual` exceeds an at-least (or strictly-above)
/// target, when it does by more than the rules' threshold; none otherwise
/// (no threshold, another kind of target, a target of zero or below).
pub(super) fn over_achieved(
    target: &TargetKind,
    actual: Decimal,
    rules: &Scoring,
) -> Option<Decimal> {
    let threshold = rules.over_achievement?;
    let TargetKind::Quantitative {
        op: Op::AtLeast | Op::Above,
        value: target,
        ..
    } = *target
    else {
        return None;
    };
    if target <= Decimal::ZERO {
        return None;
    }
    let excess = actual
        .checked_sub(target)?
        .checked_div(target)?
        .checked_mul(Decimal::ONE_HUNDRED)?;
    (excess > threshold).then_some(excess)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hunan() -> Scoring {
        Scoring::default()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(op: Op, v: &str) -> TargetKind {
        TargetKind::Quantitative {
            op,
            op_written: true,
            value: d(v),
            unit: String::new(),
        }
    }

    #[test]
    fn at_least_met_gives_full_marks_and_short_is_proportional() {
        assert_eq!(
            rule_score(&q(Op::AtLeast, "40"), Some(d("46")), d("8"), &hunan())
                .unwrap()
                .score,
            d("8")
        );
        assert_eq!(
            rule_score(&q(Op::AtLeast, "200"), Some(d("168")), d("6"), &hunan())
                .unwrap()
                .score,
            d("5.04")
        );
    }

    #[test]
    fn at_most_overrun_loses_the_overrun_share() {
        assert_eq!(
            rule_score(&q(Op::AtMost, "0.8"), Some(d("0.92")), d("5"), &hunan())
                .unwrap()
                .score,
            d("4.25")
        );
        assert_eq!(
            rule_score(&q(Op::AtMost, "1"), Some(d("3")), d("5"), &hunan())
                .unwrap()
                .score,
            d("0")
        );
    }

    #[test]
    fn satisfaction_rule_deducts_per_full_step() {
        let rule = TargetKind::Satisfaction {
            full_at: d("95"),
            step: d("5"),
            deduct: d("1"),
        };
        assert_eq!(
            rule_score(&rule, Some(d("96")), d("5"), &hunan())
                .unwrap()
                .score,
            d("5")
        );
        assert_eq!(
            rule_score(&rule, Some(d("90")), d("5"), &hunan())
                .unwrap()
                .score,
            d("4")
        );
        assert_eq!(
            rule_score(&rule, Some(d("85")), d("10"), &hunan())
                .unwrap()
                .score,
            d("8")
        );
        assert_eq!(
            rule_score(&rule, Some(d("0")), d("5"), &hunan())
                .unwrap()
                .score,
            d("0")
        );
    }

    fn score(target: &TargetKind, actual: &str) -> (Decimal, bool) {
        let rule = rule_score(target, Some(d(actual)), d("10"), &hunan()).unwrap();
        (rule.score, rule.met)
    }

    #[test]
    fn strict_targets_are_not_met_at_their_number() {
        let above = q(Op::Above, "90");
        assert_eq!(score(&above, "91"), (d("10"), true));
        assert_eq!(score(&above, "90"), (d("10"), false));
        assert_eq!(score(&above, "45"), (d("5"), false));
        let below = q(Op::Below, "5");
        assert_eq!(score(&below, "4"), (d("10"), true));
        assert_eq!(score(&below, "5"), (d("10"), false));
        assert_eq!(score(&below, "6"), (d("8"), false));
    }

    #[test]
    fn a_range_is_met_inside_and_scored_by_the_nearer_end_outside() {
        let range = TargetKind::Range {
            low: d("90"),
            high: d("100"),
            unit: "%".into(),
        };
        assert_eq!(score(&range, "90"), (d("10"), true));
        assert_eq!(score(&range, "100"), (d("10"), true));
        assert_eq!(score(&range, "45"), (d("5"), false));
        assert_eq!(score(&range, "110"), (d("9"), false));
    }

    #[test]
    fn zero_targets_missed_score_nothing() {
        assert_eq!(score(&q(Op::AtMost, "0"), "1"), (d("0"), false));
        assert_eq!(score(&q(Op::Above, "0"), "0"), (d("0"), false));
        assert_eq!(score(&q(Op::AtMost, "0"), "0"), (d("10"), true));
    }

    #[test]
    fn an_unmet_target_stays_below_full_marks() {
        let hundredth = d("0.01");
        assert_eq!(short_of_full(d("10"), hundredth), d("9.99"));
        assert_eq!(short_of_full(d("4.995"), hundredth), d("4.99"));
        assert_eq!(short_of_full(d("0"), hundredth), d("0"));
        assert_eq!(short_of_full(d("0.005"), hundredth), d("0"));
        assert!(short_of_full(Decimal::MAX, hundredth) <= Decimal::MAX);
        // Scores in whole points: a missed 10 earns at most 9; at 4 places, 9.9999.
        assert_eq!(short_of_full(d("10"), d("1")), d("9"));
        assert_eq!(short_of_full(d("4.5"), d("1")), d("4"));
        assert_eq!(short_of_full(d("10"), d("0.0001")), d("9.9999"));
    }

    #[test]
    fn only_an_unmet_score_at_the_weight_is_capped() {
        let hundredth = d("0.01");
        // 9.999 rounded is 10.00: unmet, capped one step below, 9.99.
        assert_eq!(
            unmet_cap(d("10.00"), d("10"), false, hundredth),
            Some(d("9.99"))
        );
        // Met, or below the weight already: the score stands.
        assert_eq!(unmet_cap(d("10.00"), d("10"), true, hundredth), None);
        assert_eq!(unmet_cap(d("9.99"), d("10"), false, hundredth), None);
        // Above the weight (an uncapped rule) and unmet: capped all the same.
        assert_eq!(unmet_cap(d("10.5"), d("10"), false, d("1")), Some(d("9")));
        // A weight of 0 is reached by any score: the cap never goes below 0.
        assert_eq!(unmet_cap(d("0"), d("0"), false, hundredth), Some(d("0")));
    }

    #[test]
    fn qualitative_or_unmeasured_is_not_computed() {
        assert!(rule_score(&TargetKind::Qualitative, Some(d("1")), d("5"), &hunan()).is_none());
        assert!(rule_score(&q(Op::AtLeast, "1"), None, d("5"), &hunan()).is_none());
    }
}

//! Indicators marked not applicable (`applicable: false`): each says why in
//! `reason`, and a `reason` is written only on such an indicator.
//!
//! The reason is printed in the score table in place of a score, so an
//! indicator dropped from scoring without one, or a reason on an indicator
//! still scored (where it would be read as the one thing and printed as
//! neither), is refused at load at the line of the key concerned.

use crate::model::Facts;
use crate::model::evaluation::{Evaluation, Indicator};
use crate::model::quantity::Loc;

/// Why an indicator's applicability cannot stand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplicabilityError {
    /// `applicable: false` with no reason, or a blank one.
    NoReason { indicator: String, at: Loc },
    /// A reason on an indicator that is not marked `applicable: false`.
    ReasonWhileApplicable { indicator: String, at: Loc },
}

impl ApplicabilityError {
    /// Where the clerk should look.
    pub fn at(&self) -> Loc {
        match self {
            ApplicabilityError::NoReason { at, .. }
            | ApplicabilityError::ReasonWhileApplicable { at, .. } => *at,
        }
    }

    /// The message, in Chinese, without the place (the caller adds it).
    pub fn message(&self) -> String {
        match self {
            ApplicabilityError::NoReason { indicator, .. } => format!(
                "三级指标「{indicator}」写了 applicable: false（本年不适用），但没有写不适用的原因（reason）"
            ),
            ApplicabilityError::ReasonWhileApplicable { indicator, .. } => format!(
                "三级指标「{indicator}」写了不适用的原因（reason），但没有写 applicable: false；它仍按适用计分"
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> &'static str {
        match self {
            ApplicabilityError::NoReason { .. } => {
                "在该指标下加一行 reason: ……，写明本年不适用的原因（印在自评表中）；该指标适用就删去 applicable: false"
            }
            ApplicabilityError::ReasonWhileApplicable { .. } => {
                "该指标本年不适用就加上 applicable: false；适用就删去 reason（得分低于分值的原因写在 deviation）"
            }
        }
    }
}

/// Checks every indicator of `facts`; the first problem in file order.
pub fn check(facts: &Facts) -> Result<(), ApplicabilityError> {
    let tables =
        std::iter::once(&facts.self_evaluation).chain(facts.projects.iter().map(|p| &p.evaluation));
    let problems = tables.flat_map(indicators).filter_map(|i| problem(i).err());
    match problems.min_by_key(|e| (e.at().line, e.at().column)) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

fn indicators(evaluation: &Evaluation) -> impl Iterator<Item = &Indicator> {
    evaluation
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .flat_map(|s| &s.indicators)
}

fn problem(indicator: &Indicator) -> Result<(), ApplicabilityError> {
    let name = || indicator.name.value.trim().to_string();
    let reason = indicator
        .reason
        .as_ref()
        .filter(|r| !r.value.trim().is_empty());
    match (indicator.applicable, reason) {
        (Some(flag), None) if !flag.value => Err(ApplicabilityError::NoReason {
            indicator: name(),
            at: indicator.reason.as_ref().map_or(flag.at, |r| r.at),
        }),
        (flag, Some(reason)) if flag.is_none_or(|f| f.value) => {
            Err(ApplicabilityError::ReasonWhileApplicable {
                indicator: name(),
                at: reason.at,
            })
        }
        _ => Ok(()),
    }
}

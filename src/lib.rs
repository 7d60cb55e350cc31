//! jixiao (绩效): writes a unit's annual 整体支出绩效自评报告 from a YAML file of
//! the year's facts.
//!
//! The stages run in one direction: [`model`] loads the facts, [`compute`]
//! derives every figure with its provenance, [`audit`] checks the figures
//! against each other (勾稽关系).

// A load error carries its source for display and is made at most once per
// file; keeping it unboxed keeps its fields plain to match on.
#![allow(clippy::result_large_err)]

pub mod audit;
pub mod build;
pub mod characters;
pub mod compute;
pub mod diff;
pub mod document;
pub mod docx;
pub mod explain;
pub mod init;
pub mod model;
pub mod output;
pub mod render;
pub mod schema;
pub mod watch;

use std::path::Path;

/// A loaded file with its figures and the audit's findings.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub loaded: model::Loaded,
    pub figures: compute::Figures,
    pub findings: Vec<audit::Finding>,
}

impl Analysis {
    /// Computes and audits loaded facts.
    pub fn of(loaded: model::Loaded) -> Self {
        let figures = compute::compute(&loaded.facts);
        let findings = audit::audit(&loaded, &figures);
        Analysis {
            loaded,
            figures,
            findings,
        }
    }

    pub fn errors(&self) -> usize {
        self.count(audit::Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(audit::Severity::Warning)
    }

    fn count(&self, severity: audit::Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Loads, computes and audits a file.
pub fn analyse_file(path: &Path) -> Result<Analysis, model::LoadError> {
    model::load_file(path).map(Analysis::of)
}

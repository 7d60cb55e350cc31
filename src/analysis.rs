//! The analyse stage: loaded facts → every derived figure ([`crate::compute`])
//! → the findings of the audit ([`crate::audit`]). An [`Analysis`] is what
//! every later stage and every subcommand reads.

use std::path::Path;

use crate::{audit, compute, model};

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

//! The driver: one unit's report from its facts file to its files on disk,
//! stage by stage, each stage a module of its own:
//!
//! 1. **load** — [`crate::model`] reads the YAML facts;
//! 2. **analyse** — [`crate::analysis`]: [`crate::compute`] derives every
//!    figure, [`crate::audit`] checks them against each other;
//! 3. **render** — [`crate::render`] writes the Markdown through the templates;
//! 4. **parse** — [`crate::document`] reads the Markdown into a `Document`,
//!    for the outputs laid out from it;
//! 5. **write** — each requested [`Output`] by its writer ([`outputs`]):
//!    DOCX by [`crate::docx`], HTML by [`crate::html`], PDF by
//!    [`crate::pdf`];
//! 6. **commit** — [`crate::output`] puts the unit's files in place, all or
//!    none.
//!
//! Everything is produced in memory before anything is written, so a unit
//! that fails leaves its previous outputs as they were; units share nothing
//! but the templates, so a batch ([`build_batch`]) builds them in parallel.
//! `check` runs stages 3 to 5 without writing ([`rehearse`]), so that a file
//! it passes always builds.

mod batch;
mod error;
mod outputs;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use batch::{Batch, build_batch, remove_temporaries_on_interrupt};
pub use error::BuildError;
pub use outputs::{Output, Rendered};

use crate::analysis::{Analysis, analyse_file};
use crate::model::load::STDIN;
use crate::output::{self, Written};
use crate::render::{self, Templates};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    /// The outputs to write; each is written once, in the order of
    /// [`Output::ALL`], whatever the order given.
    pub outputs: Vec<Output>,
    /// Build even when the audit finds errors.
    pub allow_errors: bool,
    /// Keep each unit's analysis in its report. A caller that only needs
    /// the counts leaves it out: a unit's analysis is about half a
    /// megabyte, which adds up over a batch of a thousand.
    pub keep_analysis: bool,
    /// How PDFs are written (fonts, standard).
    pub pdf: crate::pdf::Settings,
}

impl Options {
    fn outputs(&self) -> impl Iterator<Item = Output> + '_ {
        Output::ALL.into_iter().filter(|o| self.outputs.contains(o))
    }
}

/// How one unit's build ended; the exit code a script sees for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Outputs written (or already up to date).
    Built,
    /// The audit found errors and `allow_errors` was not given: nothing written.
    Blocked,
    /// The file could not be read, or rendering or writing failed.
    Failed,
}

impl Status {
    pub fn exit_code(&self) -> u8 {
        match self {
            Status::Built => 0,
            Status::Blocked => 1,
            Status::Failed => 2,
        }
    }
}

/// The result of building one unit.
#[derive(Debug)]
pub struct UnitReport {
    pub data: PathBuf,
    /// The unit's name, once the file has loaded.
    pub unit: Option<String>,
    /// The facts, figures and findings, once the file has loaded, when
    /// [`Options::keep_analysis`].
    pub analysis: Option<Analysis>,
    /// Errors and warnings the audit found (also without `analysis`).
    pub errors: usize,
    pub warnings: usize,
    pub status: Status,
    /// Why it failed or was blocked.
    pub problem: Option<BuildError>,
    pub outputs: Vec<(PathBuf, Written)>,
    pub elapsed: Duration,
}

/// The outputs' base name: the data file's stem, or `stdin` for standard
/// input (`jixiao build - -o out` writes `out/stdin.md`).
pub fn stem(data: &Path) -> String {
    if data == Path::new(STDIN) {
        return "stdin".into();
    }
    data.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into())
}

/// Builds one unit: every stage, and its report.
pub fn build_unit(data: &Path, templates: &Templates, options: &Options) -> UnitReport {
    let start = Instant::now();
    let mut report = UnitReport {
        data: data.to_path_buf(),
        unit: None,
        analysis: None,
        errors: 0,
        warnings: 0,
        status: Status::Failed,
        problem: None,
        outputs: Vec::new(),
        elapsed: Duration::ZERO,
    };
    match analyse_file(data) {
        Err(e) => report.problem = Some(e.into()),
        Ok(analysis) => {
            report.unit = Some(analysis.loaded.facts.unit.name.value.clone());
            report.errors = analysis.errors();
            report.warnings = analysis.warnings();
            match write_unit(data, &analysis, templates, options) {
                Ok(outputs) => {
                    report.status = Status::Built;
                    report.outputs = outputs;
                }
                Err(e) => {
                    if matches!(e, BuildError::Blocked { .. }) {
                        report.status = Status::Blocked;
                    }
                    report.problem = Some(e);
                }
            }
            report.analysis = options.keep_analysis.then_some(analysis);
        }
    }
    report.elapsed = start.elapsed();
    report
}

/// Renders a unit's report and lays out every output as `build` does, in
/// memory, without writing it: what `check` runs so that a file it passes
/// always builds, with the same templates. The PDF is typeset only when
/// `pdf` is given (`check --pdf`): it needs the machine's fonts, and a
/// character none of them has stops it.
pub fn rehearse(
    analysis: &Analysis,
    templates: &Templates,
    pdf: Option<&crate::pdf::Settings>,
) -> Result<(), BuildError> {
    let markdown = render::markdown(analysis, templates)?;
    let mut rendered = Rendered::new(analysis, &markdown);
    if let Some(settings) = pdf {
        rendered = rendered.with_pdf(settings);
    }
    for output in Output::ALL {
        if output != Output::Pdf || pdf.is_some() {
            rendered.output(output)?;
        }
    }
    Ok(())
}

/// Stages 3 to 6 for an analysed unit, unless its audit blocks it.
fn write_unit(
    data: &Path,
    analysis: &Analysis,
    templates: &Templates,
    options: &Options,
) -> Result<Vec<(PathBuf, Written)>, BuildError> {
    if analysis.errors() > 0 && !options.allow_errors {
        return Err(BuildError::Blocked {
            file: analysis.loaded.name.clone(),
            errors: analysis.errors(),
        });
    }
    let markdown = render::markdown(analysis, templates)?;
    let mut rendered = Rendered::new(analysis, &markdown).with_pdf(&options.pdf);
    let stem = stem(data);
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::with_capacity(Output::ALL.len());
    for output in options.outputs() {
        let path = options.out.join(format!("{stem}.{}", output.extension()));
        files.push((path, rendered.output(output)?));
    }
    let files: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(path, bytes)| (path.as_path(), bytes.as_slice()))
        .collect();
    let inputs: &[PathBuf] = if data == Path::new(STDIN) {
        &[]
    } else {
        &[data.to_path_buf()]
    };
    Ok(output::commit(&files, inputs)?)
}

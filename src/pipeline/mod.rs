//! Building one unit's report end to end: load, compute, audit, Markdown,
//! DOCX, then the outputs written together ([`crate::output::commit`]).
//! Everything is produced in memory before anything is written, and the
//! outputs are replaced all or none, so a unit that fails leaves its previous
//! outputs as they were; units share nothing but the templates, so a batch
//! can build them in parallel.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::load::STDIN;
use crate::output::{self, Written};
use crate::render::{self, Templates};
use crate::{Analysis, analyse_file};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct Options {
    pub out: PathBuf,
    pub markdown: bool,
    pub docx: bool,
    /// Build even when the audit finds errors.
    pub allow_errors: bool,
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
    /// The facts, figures and findings, once the file has loaded. A caller
    /// that only needs the counts may drop it: a unit's analysis is about
    /// half a megabyte, which adds up over a batch of a thousand.
    pub analysis: Option<Analysis>,
    /// Errors and warnings the audit found (also without `analysis`).
    pub errors: usize,
    pub warnings: usize,
    pub status: Status,
    /// Why it failed or was blocked, for a reader.
    pub problem: Option<String>,
    pub outputs: Vec<(PathBuf, Written)>,
    pub elapsed: Duration,
}

impl UnitReport {
    pub fn errors(&self) -> usize {
        self.errors
    }

    pub fn warnings(&self) -> usize {
        self.warnings
    }
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

/// Builds one unit.
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
    let analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => {
            report.problem = Some(format!("{:?}", miette::Report::new(e)));
            report.elapsed = start.elapsed();
            return report;
        }
    };
    report.unit = Some(analysis.loaded.facts.unit.name.value.clone());
    report.errors = analysis.errors();
    report.warnings = analysis.warnings();
    let result = if report.errors > 0 && !options.allow_errors {
        report.status = Status::Blocked;
        Err(format!(
            "{}：有 {} 处错误，未生成报告；改正后重试，或加 --allow-errors 照样生成",
            analysis.loaded.name, report.errors
        ))
    } else {
        render_and_write(data, &analysis, templates, options)
    };
    match result {
        Ok(outputs) => {
            report.status = Status::Built;
            report.outputs = outputs;
        }
        Err(problem) => report.problem = Some(problem),
    }
    report.analysis = Some(analysis);
    report.elapsed = start.elapsed();
    report
}

/// Renders a unit's report as `build` does, in memory, without writing it:
/// what `check` runs so that a file it passes always builds, with the same
/// templates.
pub fn rehearse(analysis: &Analysis, templates: &Templates) -> Result<(), String> {
    render_outputs(analysis, templates, true).map(|_| ())
}

/// The report's Markdown, and its DOCX when `docx`.
fn render_outputs(
    analysis: &Analysis,
    templates: &Templates,
    docx: bool,
) -> Result<(String, Option<Vec<u8>>), String> {
    let markdown = render::markdown(analysis, templates)
        .map_err(|e| format!("{:?}", miette::Report::new(e)))?;
    let docx = match docx {
        true => Some(
            render::docx(&markdown, analysis)
                .map_err(|e| format!("{}：{e}", analysis.loaded.name))?,
        ),
        false => None,
    };
    Ok((markdown, docx))
}

fn render_and_write(
    data: &Path,
    analysis: &Analysis,
    templates: &Templates,
    options: &Options,
) -> Result<Vec<(PathBuf, Written)>, String> {
    let (markdown, docx) = render_outputs(analysis, templates, options.docx)?;
    let stem = stem(data);
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::with_capacity(2);
    if options.markdown {
        files.push((
            options.out.join(format!("{stem}.md")),
            markdown.into_bytes(),
        ));
    }
    if let Some(docx) = docx {
        files.push((options.out.join(format!("{stem}.docx")), docx));
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
    output::commit(&files, inputs)
}

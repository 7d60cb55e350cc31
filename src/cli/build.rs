//! `jixiao build`: one unit or a batch ([`jixiao::pipeline`]), each unit's
//! findings and outputs printed, then a summary for a batch.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use jixiao::output::Written;
use jixiao::pipeline::{self, Options, Output, Status, UnitReport};

use super::shown::{human, shown};

/// Output formats of `build`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Markdown
    Md,
    /// Word（GB/T 9704 版式）
    Docx,
    /// 网页（单个 HTML 文件，可在浏览器中阅读、打印）
    Html,
    /// PDF（同一版式，供网站公开）
    Pdf,
}

impl From<OutputFormat> for Output {
    fn from(format: OutputFormat) -> Output {
        match format {
            OutputFormat::Md => Output::Markdown,
            OutputFormat::Docx => Output::Docx,
            OutputFormat::Html => Output::Html,
            OutputFormat::Pdf => Output::Pdf,
        }
    }
}

/// PDF standards of `--pdf-standard`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2b（归档）
    #[value(name = "a-2b")]
    A2b,
}

impl From<PdfStandard> for jixiao::pdf::Standard {
    fn from(standard: PdfStandard) -> Self {
        match standard {
            PdfStandard::A2b => jixiao::pdf::Standard::A2b,
        }
    }
}

pub struct BuildArgs {
    pub data: Vec<PathBuf>,
    pub out: PathBuf,
    pub templates: Option<PathBuf>,
    pub formats: Vec<OutputFormat>,
    pub allow_errors: bool,
    /// How PDFs are written.
    pub pdf: jixiao::pdf::Settings,
    /// Print only failures and the summary.
    pub quiet: bool,
}

/// `jixiao build`: [`build_all`], with Ctrl-C removing the temporary files
/// of outputs not yet in place before it ends the build (status 130).
pub fn build(args: &BuildArgs) -> ExitCode {
    pipeline::remove_temporaries_on_interrupt();
    build_all(args)
}

/// Builds every given unit and prints each, then a summary for a batch.
pub fn build_all(args: &BuildArgs) -> ExitCode {
    let options = Options {
        out: args.out.clone(),
        outputs: args.formats.iter().map(|&f| f.into()).collect(),
        allow_errors: args.allow_errors,
        keep_analysis: !args.quiet,
        pdf: args.pdf.clone(),
    };
    let progress = Progress::new(args.data.len());
    let built = pipeline::build_batch(&args.data, args.templates.as_deref(), &options, &|| {
        progress.tick()
    });
    let mut batch = match built {
        Ok(batch) => batch,
        Err(e) => {
            errln!("{}", shown(e));
            return ExitCode::from(Status::Failed.exit_code());
        }
    };
    progress.finish();
    for report in &mut batch.units {
        print_unit(report, args.quiet);
    }
    if batch.units.len() > 1 {
        out!("{}", summary(&batch.units, batch.elapsed));
    }
    ExitCode::from(batch.exit_code())
}

fn print_unit(report: &mut UnitReport, quiet: bool) {
    if !quiet && let Some(a) = &report.analysis {
        out!("{}", human(a));
    }
    if let Some(problem) = report.problem.take() {
        errln!("{}", shown(problem));
    }
    if quiet {
        return;
    }
    for (path, written) in &report.outputs {
        match written {
            Written::Changed => outln!("已生成 {}", path.display()),
            Written::Unchanged => outln!("未变化 {}", path.display()),
        }
    }
}

/// One line per unit: name, findings, outputs, time, result.
fn summary(reports: &[UnitReport], total: Duration) -> String {
    let mut out = String::from("\n单位\t错误\t警告\t输出\t用时\t结果\n");
    for r in reports {
        let name = r
            .unit
            .clone()
            .unwrap_or_else(|| r.data.display().to_string());
        let result = match r.status {
            Status::Built => "已生成",
            Status::Blocked => "有错误，未生成",
            Status::Failed => "失败",
        };
        out.push_str(&format!(
            "{name}\t{}\t{}\t{}\t{:.0} ms\t{result}\n",
            r.errors,
            r.warnings,
            r.outputs.len(),
            r.elapsed.as_secs_f64() * 1000.0
        ));
    }
    let built = reports.iter().filter(|r| r.status == Status::Built).count();
    out.push_str(&format!(
        "共 {} 个单位：{built} 个已生成，{} 个未生成；用时 {:.2} 秒\n",
        reports.len(),
        reports.len() - built,
        total.as_secs_f64()
    ));
    out
}

/// A progress line on a terminal's stderr for batches; silent otherwise.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    /// Batches smaller than this finish too fast to need a progress line.
    const MIN_UNITS: usize = 20;

    fn new(total: usize) -> Self {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= Self::MIN_UNITS && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && (done.is_multiple_of(10) || done == self.total) {
            let width = 30;
            let filled = done * width / self.total;
            err!(
                "\r[{}{}] {done}/{}",
                "#".repeat(filled),
                " ".repeat(width - filled),
                self.total
            );
        }
    }

    fn finish(&self) {
        if self.shown {
            errln!();
        }
    }
}

//! `jixiao build` (one unit or a batch in parallel, with a summary),
//! `jixiao vars` and `jixiao templates export`.

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use jixiao::build::{Options, Status, UnitReport, build_unit, stem};
use jixiao::model::load::STDIN;
use jixiao::output::Written;
use jixiao::render::{self, Templates};
use jixiao::{Analysis, analyse_file};
use rayon::prelude::*;

use super::check::{human, load_failed};

/// Output formats of `build`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Markdown
    Md,
    /// Word（GB/T 9704 版式）
    Docx,
}

pub struct BuildArgs {
    pub data: Vec<PathBuf>,
    pub out: PathBuf,
    pub templates: Option<PathBuf>,
    pub formats: Vec<OutputFormat>,
    pub allow_errors: bool,
    /// Print only failures and the summary.
    pub quiet: bool,
}

fn template_failed(e: render::RenderError) -> ExitCode {
    errln!("{:?}", miette::Report::new(e));
    ExitCode::from(2)
}

/// `jixiao build`: [`build_all`], with Ctrl-C removing the temporary files
/// of outputs not yet in place before it ends the build (status 130).
pub fn build(args: &BuildArgs) -> ExitCode {
    // Should the handler be refused, Ctrl-C still ends the build, and the
    // next build of the same outputs removes what it left.
    let _ = ctrlc::set_handler(|| jixiao::output::remove_temporaries_and_exit(130));
    build_all(args)
}

/// Builds every given unit (in parallel when there are several); one failing
/// unit never stops the others. Exit status: the worst of the units'.
pub fn build_all(args: &BuildArgs) -> ExitCode {
    let templates = match Templates::load(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => return template_failed(e),
    };
    if let Some(clash) = clashing_stem(&args.data) {
        errln!("{clash}");
        return ExitCode::from(2);
    }
    let options = Options {
        out: args.out.clone(),
        markdown: args.formats.contains(&OutputFormat::Md),
        docx: args.formats.contains(&OutputFormat::Docx),
        allow_errors: args.allow_errors,
    };
    let start = Instant::now();
    let progress = Progress::new(args.data.len());
    let build_one = |data: &PathBuf| {
        let mut report = build_unit(data, &templates, &options);
        if args.quiet {
            // Only the summary is printed; the counts are in the report.
            report.analysis = None;
        }
        progress.tick();
        report
    };
    // One unit needs no thread pool; a batch builds its units in parallel.
    let reports: Vec<UnitReport> = if args.data.len() == 1 {
        args.data.iter().map(build_one).collect()
    } else {
        args.data.par_iter().map(build_one).collect()
    };
    progress.finish();
    for report in &reports {
        print_unit(report, args.quiet);
    }
    if reports.len() > 1 {
        out!("{}", summary(&reports, start.elapsed()));
    }
    let worst = reports
        .iter()
        .map(|r| r.status.exit_code())
        .max()
        .unwrap_or(0);
    ExitCode::from(worst)
}

/// Two data files with the same stem would write the same outputs, and
/// standard input can be read only once.
fn clashing_stem(data: &[PathBuf]) -> Option<String> {
    if data
        .iter()
        .filter(|d| d.as_path() == Path::new(STDIN))
        .count()
        > 1
    {
        return Some("标准输入（-）只能读一次，请只写一个 -".into());
    }
    let mut seen: BTreeMap<String, &PathBuf> = BTreeMap::new();
    for d in data {
        if let Some(first) = seen.insert(stem(d), d) {
            return Some(format!(
                "{} 与 {} 的文件名相同，输出会互相覆盖；请改名或分两次生成到不同目录",
                first.display(),
                d.display()
            ));
        }
    }
    None
}

fn print_unit(report: &UnitReport, quiet: bool) {
    if !quiet && let Some(a) = &report.analysis {
        out!("{}", human(a));
    }
    if let Some(problem) = &report.problem {
        errln!("{problem}");
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
            r.errors(),
            r.warnings(),
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

pub fn vars(data: &Path) -> ExitCode {
    let analysis: Analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    let vars = render::context::dictionary(&analysis);
    outln!("变量路径\t含义\t本文件中的值");
    for v in vars {
        outln!("{}\t{}\t{}", v.path, v.meaning, v.value);
    }
    ExitCode::SUCCESS
}

pub fn export(dir: &Path, force: bool) -> ExitCode {
    match render::export(dir, force) {
        Ok(files) => {
            for f in &files {
                outln!("已写出 {}", f.display());
            }
            outln!(
                "共 {} 个模板；修改后用 jixiao build DATA.yaml --templates {} 生成",
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{}", e.message);
            ExitCode::from(2)
        }
    }
}

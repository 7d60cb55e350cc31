//! `jixiao check` (with `--explain CODE`, a finding code's reference entry)
//! and `jixiao explain`.

use std::path::Path;
use std::process::ExitCode;

use jixiao::audit::{Rule, reference};
use jixiao::model::LoadError;
use jixiao::render::Templates;
use jixiao::{Analysis, analyse_file};

use super::Format;
use super::shown::{human, shown};

/// Prints a loading error with its source snippet and returns exit code 2.
pub fn load_failed(e: LoadError) -> ExitCode {
    errln!("{:?}", miette::Report::new(e));
    ExitCode::from(2)
}

/// Checks a file: its findings, then the report rendered in memory with the
/// templates `build` would use, so that a file `check` passes always builds
/// (as PDF too, typeset with the fonts of `pdf`, when given).
pub fn check(
    data: &Path,
    format: Format,
    deny_warnings: bool,
    templates: Option<&Path>,
    pdf: Option<&jixiao::pdf::Settings>,
) -> ExitCode {
    let templates = match Templates::load(templates) {
        Ok(t) => t,
        Err(e) => {
            errln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let analysis = match (analyse_file(data), format) {
        (Ok(a), _) => a,
        (Err(e), Format::Human) => return load_failed(e),
        (Err(e), Format::Json) => {
            outln!("{}", load_error_json(&e));
            return ExitCode::from(2);
        }
    };
    let rendered = jixiao::pipeline::rehearse(&analysis, &templates, pdf).map_err(shown);
    match format {
        Format::Human => {
            match &rendered {
                Ok(()) => out!("{}", human(&analysis)),
                // Whatever the findings, the report cannot be built: say so
                // first, then list them.
                Err(problem) => {
                    out!(
                        "{}：报告无法生成（build 会失败）：{problem}\n\n",
                        analysis.loaded.name
                    );
                    if !analysis.findings.is_empty() {
                        out!("{}", human(&analysis));
                    }
                }
            }
        }
        Format::Json => outln!("{}", json(&analysis, rendered.as_ref().err())),
    }
    if rendered.is_err() || analysis.errors() > 0 || (deny_warnings && analysis.warnings() > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The findings for scripts; `report_error` says why the report could not be
/// rendered (`null` when it can).
fn json(analysis: &Analysis, report_error: Option<&String>) -> String {
    let value = serde_json::json!({
        "file": analysis.loaded.name,
        "errors": analysis.errors(),
        "warnings": analysis.warnings(),
        "findings": analysis.findings,
        "report_error": report_error,
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// A loading error for scripts: the file, the error's class (a
/// [`LoadErrorKind`](jixiao::model::load::LoadErrorKind) name), its message
/// and hint in Chinese, and where it is.
fn load_error_json(e: &LoadError) -> String {
    let value = serde_json::json!({
        "file": e.file,
        "error": {
            "class": format!("{:?}", e.kind),
            "message": e.message,
            "help": e.help,
            "line": e.at.map(|at| at.line),
            "column": e.at.map(|at| at.column),
            "path": e.path,
        },
    });
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// Prints the reference entry of a finding's code; an unknown code is exit
/// code 2 with the known codes.
pub fn explain_code(code: &str) -> ExitCode {
    match Rule::of_code(code) {
        Some(rule) => {
            out!("{}", reference::entry_text(rule));
            ExitCode::SUCCESS
        }
        None => {
            errln!(
                "没有审核结果代码「{code}」；已知的代码有：{}（见 docs/findings.md）",
                reference::codes()
            );
            ExitCode::from(2)
        }
    }
}

pub fn explain(data: &Path, figure: Option<&str>, list: bool, format: Format) -> ExitCode {
    let analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    if list {
        out!("{}", jixiao::explain::list(&analysis.figures));
        return ExitCode::SUCCESS;
    }
    let name = figure.unwrap_or_default();
    let explained = match format {
        Format::Human => jixiao::explain::explain(&analysis.figures, name),
        Format::Json => jixiao::explain::trace(&analysis.figures, name)
            .map(|trace| serde_json::to_string_pretty(&trace).unwrap_or_default() + "\n"),
    };
    match explained {
        Ok(text) => {
            out!("{text}");
            ExitCode::SUCCESS
        }
        Err(unknown) => {
            errln!(
                "{unknown}；用 jixiao explain {} --list 查看所有名称",
                data.display()
            );
            ExitCode::from(2)
        }
    }
}

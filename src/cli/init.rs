//! `jixiao init`: writes next year's facts file from this year's.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jixiao::audit::Rule;
use jixiao::output::{self, Written};
use jixiao::{Analysis, analyse_file};

use super::check::load_failed;

const SCHEMA_LINE: &str = "# yaml-language-server: $schema=";

pub fn init(from: &Path, year: u32, out: Option<&Path>, force: bool) -> ExitCode {
    let analysis = match analyse_file(from) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    let dir = from.parent().unwrap_or(Path::new(""));
    let out = out.map_or_else(|| dir.join(format!("{year}.yaml")), Path::to_path_buf);
    if out.exists() && !force {
        errln!(
            "{} 已存在，未覆盖；确需覆盖请加 --force，或用 -o 另选文件名",
            out.display()
        );
        return ExitCode::from(2);
    }
    let text = jixiao::init::next_year(
        &analysis,
        year,
        schema_path(&analysis, from, &out).as_deref(),
    );
    // The new file must load: a file that does not would be a bug here, not the clerk's.
    let pending = match jixiao::model::load_str(&text, &out.display().to_string()) {
        Ok(loaded) => Analysis::of(loaded)
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Pending)
            .count(),
        Err(e) => {
            errln!("内部错误：生成的文件无法读入，未写出");
            return load_failed(e);
        }
    };
    match output::write(&out, text.as_bytes(), &[from.to_path_buf()]) {
        Ok(Written::Changed | Written::Unchanged) => {
            outln!(
                "已写出 {}：沿用 {} 的单位情况、指标体系和文字，上年决算数取自其决算数",
                out.display(),
                from.display()
            );
            outln!(
                "尚有 {pending} 处数字待填；用 jixiao check {} 逐项列出",
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            ExitCode::from(2)
        }
    }
}

/// The schema path of the source's editor line, when the new file sits beside
/// the source (so that the same relative path holds).
fn schema_path(analysis: &Analysis, from: &Path, out: &Path) -> Option<String> {
    let first = analysis.loaded.source.lines().next()?;
    let path = first.strip_prefix(SCHEMA_LINE)?.trim();
    let dir = |p: &Path| -> Option<PathBuf> {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        parent.unwrap_or(Path::new(".")).canonicalize().ok()
    };
    (dir(from)? == dir(out)?).then(|| path.to_string())
}

//! Next year's file on disk: where it goes, never over an existing file
//! unless asked, checked to load before it is written, with the count of
//! values left to fill in.

use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::audit::Rule;
use crate::model::{self, LoadError};
use crate::output::{self, OutputError};

/// The editor line that names the schema, as the bundled files write it.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=";

/// Next year's file as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextYear {
    pub path: PathBuf,
    /// The values written `~` (待填), which `check` lists until filled in.
    pub pending: usize,
}

/// Why next year's file was not written.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The file exists and overwriting it was not asked for.
    #[error("{} 已存在，未覆盖；确需覆盖请加 --force，或另选文件名", .0.display())]
    Exists(PathBuf),
    /// The path names a directory.
    #[error("{} 是目录，不能写成数据文件；请给出文件名，如 {}", .0.display(), .0.join("单位.yaml").display())]
    IsDirectory(PathBuf),
    /// The text made does not load: a fault of `init`, not of the clerk.
    #[error("内部错误：生成的文件无法读入，未写出")]
    Unreadable(#[source] LoadError),
    /// The file could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Writes next year's file (`year`) from this year's analysis of `from`,
/// to `out` or, without it, to `<year>.yaml` beside `from`; over an
/// existing file only when `force`.
pub fn write_next_year(
    analysis: &Analysis,
    from: &Path,
    year: u32,
    out: Option<&Path>,
    force: bool,
) -> Result<NextYear, InitError> {
    let dir = from.parent().unwrap_or(Path::new(""));
    let path = out.map_or_else(|| dir.join(format!("{year}.yaml")), Path::to_path_buf);
    if path.exists() && !force {
        return Err(InitError::Exists(path));
    }
    let schema = schema_path(analysis, from, &path);
    let text = super::next_year(analysis, year, schema.as_deref());
    let pending = pending_count(&text, &path)?;
    output::write(&path, text.as_bytes(), &[from.to_path_buf()])?;
    Ok(NextYear { path, pending })
}

/// The count of values written `~` in `text`, the file about to be written
/// to `path`, checked to load first.
pub(super) fn pending_count(text: &str, path: &Path) -> Result<usize, InitError> {
    let loaded =
        model::load_str(text, &path.display().to_string()).map_err(InitError::Unreadable)?;
    Ok(Analysis::of(loaded)
        .findings
        .iter()
        .filter(|f| f.rule == Rule::Pending)
        .count())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> (PathBuf, Analysis) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/2024.yaml");
        let analysis = crate::analyse_file(&from).expect("the bundled unit loads");
        (from, analysis)
    }

    #[test]
    fn an_existing_file_is_kept_unless_forced_and_the_input_always() {
        let (from, analysis) = bundled();
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("2025.yaml");
        std::fs::write(&out, "kept").unwrap();
        let refused = write_next_year(&analysis, &from, 2025, Some(&out), false);
        assert!(matches!(refused, Err(InitError::Exists(p)) if p == out));
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "kept");

        let written = write_next_year(&analysis, &from, 2025, Some(&out), true).unwrap();
        assert_eq!(written.path, out);
        assert!(
            written.pending > 0,
            "next year's figures are left to fill in"
        );

        let over_input = write_next_year(&analysis, &from, 2025, Some(&from), true);
        assert!(matches!(
            over_input,
            Err(InitError::Output(OutputError::IsInput { .. }))
        ));
    }
}

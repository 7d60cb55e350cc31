//! `jixiao new`: a new unit's facts file, from the commented template
//! `data/new-unit.yaml`. Every section is there with one project and one
//! indicator of each kind (≥ target, ≤ target, qualitative with a rating,
//! the satisfaction rule); each number to fill is `~` (待填), which `check`
//! lists as J015 until it is filled, and so is each text to rewrite, which
//! begins with 待填：.

use std::path::Path;

use super::InitError;
use super::file::pending_count;
use crate::output;

/// The template of a new unit's facts file.
pub const NEW_UNIT: &str = include_str!("../../data/new-unit.yaml");

/// Writes the template to `path`, over an existing file only when `force`,
/// never over a directory. Returns the count of values left to fill in.
pub fn write_new_unit(path: &Path, force: bool) -> Result<usize, InitError> {
    if path.is_dir() {
        return Err(InitError::IsDirectory(path.to_path_buf()));
    }
    if path.exists() && !force {
        return Err(InitError::Exists(path.to_path_buf()));
    }
    let pending = pending_count(NEW_UNIT, path)?;
    output::write(path, NEW_UNIT.as_bytes(), &[])?;
    Ok(pending)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analysis;
    use crate::audit::Rule;
    use crate::model::load_str;

    #[test]
    fn the_template_loads_with_only_pending_values_found() {
        let loaded = load_str(NEW_UNIT, "new-unit.yaml").expect("the template loads");
        let analysis = Analysis::of(loaded);
        assert!(!analysis.findings.is_empty());
        assert!(analysis.findings.iter().all(|f| f.rule == Rule::Pending));
        let to_fill = NEW_UNIT
            .lines()
            .filter(|l| !l.trim_start().starts_with('#'))
            .map(|l| l.split(" # ").next().unwrap_or(l))
            .map(|l| l.matches(": ~").count() + l.matches("待填：").count())
            .sum::<usize>();
        assert_eq!(
            analysis.findings.len(),
            to_fill,
            "each ~ and 待填 is listed once"
        );
    }

    #[test]
    fn an_existing_file_is_kept_unless_forced_and_a_directory_always() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("单位.yaml");
        std::fs::write(&path, "kept").unwrap();
        assert!(matches!(
            write_new_unit(&path, false),
            Err(InitError::Exists(p)) if p == path
        ));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "kept");
        let pending = write_new_unit(&path, true).unwrap();
        assert!(pending > 0);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), NEW_UNIT);
        for force in [false, true] {
            assert!(matches!(
                write_new_unit(dir.path(), force),
                Err(InitError::IsDirectory(_))
            ));
        }
    }
}

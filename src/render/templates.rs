//! The template set: the defaults embedded in the binary, overridden file by
//! file by a maintainer's directory (`--templates DIR`), and written out by
//! `jixiao templates export`.

use std::path::{Path, PathBuf};

use tera::Tera;

use super::budget;
use super::error::RenderError;
use super::filters;

/// The entry template.
pub const ENTRY: &str = "report.md.tera";

/// The default templates, by name (their path under `templates/`), sorted:
/// every `*.tera` file of that directory, listed by `build.rs`.
pub const DEFAULTS: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/default_templates.rs"));

/// Compiled templates and their sources (for error messages).
pub struct Templates {
    pub(super) tera: Tera,
    pub(super) sources: Vec<(String, String)>,
    /// Renders with figure marks (the live preview's), [`filters::marks`].
    pub(super) marking: bool,
}

impl Templates {
    /// The defaults, with every `*.tera` file under `dir` (if given) taking the
    /// place of the default of the same name.
    pub fn load(dir: Option<&Path>) -> Result<Templates, RenderError> {
        Templates::load_as(dir, false)
    }

    /// The templates of [`Templates::load`], rendering every figure they
    /// print with its mark, for the live preview ([`filters::marks`]).
    pub fn load_marking(dir: Option<&Path>) -> Result<Templates, RenderError> {
        Templates::load_as(dir, true)
    }

    fn load_as(dir: Option<&Path>, marking: bool) -> Result<Templates, RenderError> {
        let mut sources: Vec<(String, String)> = DEFAULTS
            .iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect();
        if let Some(dir) = dir {
            for (name, text) in read_dir(dir)? {
                match sources.iter_mut().find(|(n, _)| *n == name) {
                    Some(slot) => slot.1 = text,
                    None => sources.push((name, text)),
                }
            }
        }
        let mut tera = Tera::new();
        filters::register(&mut tera);
        if marking {
            filters::marks::register(&mut tera);
        }
        budget::register(&mut tera);
        tera.add_raw_templates(sources.iter().map(|(n, s)| (n.as_str(), s.as_str())))
            .map_err(|e| RenderError::from_tera(&e, &sources))?;
        Ok(Templates {
            tera,
            sources,
            marking,
        })
    }

    /// The names of the templates in use.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.sources.iter().map(|(n, _)| n.as_str())
    }
}

/// The largest template file read (1 MiB); the default templates together
/// are about 27 KB, so a larger file is not a template.
const MAX_TEMPLATE_BYTES: u64 = 1 << 20;

/// Every `*.tera` file under `dir`, named by its path relative to `dir` with `/`.
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, RenderError> {
    if !dir.is_dir() {
        return Err(RenderError::io(format!(
            "模板目录 {} 不存在或不是目录",
            dir.display()
        )));
    }
    let mut out = Vec::new();
    for path in files_under(dir)? {
        if path.extension().is_none_or(|e| e != "tera") {
            continue;
        }
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let name = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let cannot_read = |e| RenderError::io(format!("无法读取模板 {}：{e}", path.display()));
        let size = std::fs::metadata(&path).map_err(cannot_read)?.len();
        if size > MAX_TEMPLATE_BYTES {
            return Err(RenderError::io(format!(
                "模板 {} 过大（{size} 字节，上限 {} 兆字节）",
                path.display(),
                MAX_TEMPLATE_BYTES >> 20
            )));
        }
        let text = std::fs::read_to_string(&path).map_err(cannot_read)?;
        out.push((name, text));
    }
    out.sort();
    Ok(out)
}

/// Every regular file under `dir` and its subdirectories, in no set order.
/// A symbolic link to a file counts; a symbolic link to a directory is not
/// followed, so links that loop (a directory linked inside itself) or lead
/// out to the whole file system cannot make the walk endless. Anything else
/// (a named pipe, a device) is left out, since reading it could block.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>, RenderError> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| RenderError::io(format!("无法读取模板目录 {}：{e}", d.display())))?;
        for entry in entries.flatten() {
            // The entry's own type: a symbolic link is not followed here.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() || (kind.is_symlink() && path.is_file()) {
                files.push(path);
            }
        }
    }
    Ok(files)
}

/// Writes the default templates under `dir`; refuses to overwrite an existing
/// file unless `force`. Each file is written as a build's outputs are
/// ([`crate::output::write`]): to a temporary file, then renamed into place,
/// so a symbolic link planted under a template's name is replaced, never
/// written through. Returns the files written.
pub fn export(dir: &Path, force: bool) -> Result<Vec<PathBuf>, RenderError> {
    let targets: Vec<PathBuf> = DEFAULTS.iter().map(|(n, _)| dir.join(n)).collect();
    if !force
        && let Some(existing) = targets
            .iter()
            .find(|p| std::fs::symlink_metadata(p).is_ok())
    {
        return Err(RenderError::io(format!(
            "{} 已存在；如要覆盖，请加 --force",
            existing.display()
        )));
    }
    for (path, (_, text)) in targets.iter().zip(DEFAULTS) {
        crate::output::write(path, text.as_bytes(), &[])
            .map_err(|e| RenderError::io(e.to_string()))?;
    }
    Ok(targets)
}

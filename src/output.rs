//! Writing outputs safely: each file goes to a temporary file in the same
//! directory and is renamed into place, so a build that fails or is killed
//! leaves the previous output as it was; a file whose bytes would not change
//! is not touched (its modification time stays), and an output never
//! replaces an input.
//!
//! Files are not forced to disk one by one (`fsync`): that made a batch of a
//! thousand units wait on the disk for about a second, to guard only against
//! a power cut in the instant after a rename, which the file system's own
//! ordering of a rename after the data it replaces (ext4, btrfs) covers, and
//! which a rebuild from the intact inputs repairs.

use std::io::Write;
use std::path::{Path, PathBuf};

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// New or changed content was written.
    Changed,
    /// The file already held these bytes; it was left alone.
    Unchanged,
}

/// Writes `bytes` to `path` atomically, unless it already holds them.
/// `inputs` are files that must never be overwritten.
pub fn write(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<Written, String> {
    // A path that does not exist yet is no input.
    if let Ok(old) = std::fs::read(path) {
        if let Some(input) = inputs.iter().find(|i| same_file(i, path)) {
            return Err(format!(
                "拒绝写入 {}：它是输入文件 {}",
                path.display(),
                input.display()
            ));
        }
        if old == bytes {
            return Ok(Written::Unchanged);
        }
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("无法创建目录 {}：{e}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("无法写入 {}：{e}", path.display()));
    }
    Ok(Written::Changed)
}

/// Whether `a` and `b` are the same file: the same device and inode where
/// there are such, else the same canonical path.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_bytes_are_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        assert_eq!(write(&p, b"x", &[]).unwrap(), Written::Changed);
        assert_eq!(write(&p, b"x", &[]).unwrap(), Written::Unchanged);
        assert_eq!(write(&p, b"y", &[]).unwrap(), Written::Changed);
        assert_eq!(std::fs::read(&p).unwrap(), b"y");
    }

    #[test]
    fn an_input_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("2024.yaml");
        std::fs::write(&p, "year: 2024").unwrap();
        assert!(
            write(&p, b"x", std::slice::from_ref(&p))
                .unwrap_err()
                .contains("输入文件")
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "year: 2024");
    }

    #[cfg(unix)]
    #[test]
    fn an_input_reached_by_another_name_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("2024.yaml");
        std::fs::write(&input, "year: 2024").unwrap();
        let link = dir.path().join("out.md");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        let other = dir.path().join("sub/../2024.yaml");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for path in [&link, &other] {
            let error = write(path, b"x", std::slice::from_ref(&input)).unwrap_err();
            assert!(error.contains("输入文件"), "{error}");
        }
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "year: 2024");
    }

    #[test]
    fn missing_directories_are_created() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out/deep/a.md");
        write(&p, b"x", &[]).unwrap();
        assert!(p.exists());
    }
}

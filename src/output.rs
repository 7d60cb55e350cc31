//! Writing outputs safely, all or nothing. Every file of a unit is first
//! written to a temporary file beside it; only when all of them are written
//! are they renamed into place, so a build that fails (a full disk, an output
//! name taken by a directory, which is looked for before anything is
//! written) leaves every previous output as it was. Only the renames remain
//! after that point: a change to the directory in between that stops one is
//! reported with the files already replaced, and a process killed between
//! them leaves each file whole, old or new. A file whose bytes would not
//! change is not touched (its modification time stays), and an output never
//! replaces an input.
//!
//! Temporary files are named `.NAME.RANDOM.tmp` (`NAME` the output's file
//! name, `RANDOM` six letters and digits), created exclusively (`O_EXCL`, so
//! a file or symbolic link planted under that name is never written through)
//! and removed when a build fails or is interrupted by Ctrl-C
//! ([`remove_temporaries_and_exit`]). Those left by a killed run are removed
//! by the next build of the same output in that directory; a build running
//! at the same moment in another process on the same output may then fail,
//! and says so, rather than publish a half-written file.
//!
//! Files are not forced to disk one by one (`fsync`): that made a batch of a
//! thousand units wait on the disk for about a second, to guard only against
//! a power cut in the instant after a rename, which the file system's own
//! ordering of a rename after the data it replaces (ext4, btrfs) covers, and
//! which a rebuild from the intact inputs repairs.

use std::collections::{BTreeSet, HashMap};
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tempfile::NamedTempFile;

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// New or changed content was written.
    Changed,
    /// The file already held these bytes; it was left alone.
    Unchanged,
}

/// Why a unit's outputs could not be written; every file is as it was,
/// except those a failed rename lists as already replaced.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output is one of the build's inputs.
    #[error("拒绝写入 {}：它是输入文件 {}", path.display(), input.display())]
    IsInput { path: PathBuf, input: PathBuf },
    /// A directory has the output's name.
    #[error("无法写入 {}：已有同名的目录；请移走它或换一个输出目录", path.display())]
    IsDirectory { path: PathBuf },
    /// The output directory could not be created.
    #[error("无法创建目录 {}：{source}", dir.display())]
    CreateDirectory { dir: PathBuf, source: io::Error },
    /// The output, or its temporary file, could not be read or written.
    #[error("无法写入 {}：{source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// The temporary file could not be renamed into place; the outputs
    /// renamed before it (`replaced`) are new.
    #[error("无法写入 {}：{source}{}", path.display(), replaced_note(replaced))]
    Rename {
        path: PathBuf,
        source: io::Error,
        replaced: Vec<PathBuf>,
    },
}

/// `（A、B 已替换）`, or nothing when no output was replaced.
fn replaced_note(replaced: &[PathBuf]) -> String {
    if replaced.is_empty() {
        return String::new();
    }
    let names: Vec<String> = replaced.iter().map(|p| p.display().to_string()).collect();
    format!("（{} 已替换）", names.join("、"))
}

/// How bytes reach a temporary file. [`commit`] writes them whole; a test
/// passes its own to fail as a full disk would.
pub type WriteTemporary<'a> = &'a mut dyn FnMut(&mut File, &[u8]) -> io::Result<()>;

/// Writes one file as [`commit`] does.
pub fn write(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<Written, OutputError> {
    let mut written = commit(&[(path, bytes)], inputs)?;
    Ok(written.pop().map_or(Written::Unchanged, |(_, w)| w))
}

/// Writes all `files` (path and bytes) or none: each changed file goes to a
/// temporary file first, and they are renamed into place only once all are
/// written. `inputs` are files that must never be overwritten.
pub fn commit(
    files: &[(&Path, &[u8])],
    inputs: &[PathBuf],
) -> Result<Vec<(PathBuf, Written)>, OutputError> {
    commit_with(files, inputs, &mut |file, bytes| file.write_all(bytes))
}

/// [`commit`], with the bytes written to each temporary file by `write`.
pub fn commit_with(
    files: &[(&Path, &[u8])],
    inputs: &[PathBuf],
    write: WriteTemporary,
) -> Result<Vec<(PathBuf, Written)>, OutputError> {
    // Dropping `staged` on an error removes the temporary files made so far.
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        staged.push((path.to_path_buf(), stage(path, bytes, inputs, write)?));
    }
    publish(staged)
}

/// The new bytes of one output, in a temporary file beside it; none when
/// the output already holds them.
fn stage(
    path: &Path,
    bytes: &[u8],
    inputs: &[PathBuf],
    write: WriteTemporary,
) -> Result<Option<Temporary>, OutputError> {
    let failed = |source: io::Error| OutputError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = parent(path);
    let name = path.file_name().unwrap_or(OsStr::new("output"));
    // Also when the output is up to date: a killed run may have left them.
    remove_stale(dir, name);
    // A path that does not exist yet is no input.
    if let Ok(meta) = std::fs::metadata(path) {
        if let Some(input) = inputs.iter().find(|i| same_file(i, path)) {
            return Err(OutputError::IsInput {
                path: path.to_path_buf(),
                input: input.clone(),
            });
        }
        if meta.is_dir() {
            return Err(OutputError::IsDirectory {
                path: path.to_path_buf(),
            });
        }
        let same_length = meta.is_file() && meta.len() == bytes.len() as u64;
        if same_length && std::fs::read(path).map_err(failed)? == bytes {
            return Ok(None);
        }
    }
    std::fs::create_dir_all(dir).map_err(|source| OutputError::CreateDirectory {
        dir: dir.to_path_buf(),
        source,
    })?;
    let mut temporary = Temporary::new(dir, name).map_err(failed)?;
    write(temporary.as_file_mut(), bytes).map_err(failed)?;
    Ok(Some(temporary))
}

/// Renames every staged temporary file into place, holding the registry of
/// temporary files so that Ctrl-C comes before or after the whole unit.
fn publish(
    staged: Vec<(PathBuf, Option<Temporary>)>,
) -> Result<Vec<(PathBuf, Written)>, OutputError> {
    let mut live = registry();
    let mut done: Vec<(PathBuf, Written)> = Vec::with_capacity(staged.len());
    for (path, temporary) in staged {
        let Some(temporary) = temporary else {
            done.push((path, Written::Unchanged));
            continue;
        };
        if let Err(source) = temporary.rename_to(&path, &mut live) {
            let replaced = done
                .into_iter()
                .filter(|(_, w)| *w == Written::Changed)
                .map(|(p, _)| p)
                .collect();
            // Released before the files not yet renamed are dropped, since
            // dropping one unlists it.
            drop(live);
            return Err(OutputError::Rename {
                path,
                source,
                replaced,
            });
        }
        done.push((path, Written::Changed));
    }
    Ok(done)
}

/// A temporary file that this process is writing, listed in the registry
/// while it exists; removed when dropped unless renamed into place.
struct Temporary {
    /// Present until renamed.
    file: Option<NamedTempFile>,
}

impl Temporary {
    /// Creates `.NAME.RANDOM.tmp` in `dir` exclusively, and lists it.
    fn new(dir: &Path, name: &OsStr) -> io::Result<Temporary> {
        let mut prefix = OsString::from(".");
        prefix.push(name);
        prefix.push(".");
        let mut builder = tempfile::Builder::new();
        builder
            .prefix(&prefix)
            .suffix(TEMPORARY_SUFFIX)
            .rand_bytes(TEMPORARY_RANDOM);
        // Readable as any new file is (`rw-r--r--` under the usual umask),
        // not only by its owner as temporary files are by default: it
        // becomes the report.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        let mut live = registry();
        let file = builder.tempfile_in(dir)?;
        live.insert(file.path().to_path_buf());
        Ok(Temporary { file: Some(file) })
    }

    fn as_file_mut(&mut self) -> &mut File {
        self.file
            .as_mut()
            .expect("present until renamed")
            .as_file_mut()
    }

    /// Renames the file to `path` and unlists it; `live` is the registry,
    /// held by the caller. On failure the file is removed.
    fn rename_to(mut self, path: &Path, live: &mut BTreeSet<PathBuf>) -> io::Result<()> {
        let file = self.file.take().expect("present until renamed");
        let name = file.path().to_path_buf();
        let result = file.persist(path).map(drop).map_err(|e| e.error);
        live.remove(&name);
        result
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(file) = self.file.take() {
            let mut live = registry();
            live.remove(file.path());
            drop(file);
        }
    }
}

const TEMPORARY_SUFFIX: &str = ".tmp";
const TEMPORARY_RANDOM: usize = 6;

/// The temporary files this process has made and not yet renamed or removed.
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn registry() -> MutexGuard<'static, BTreeSet<PathBuf>> {
    // A thread that panicked while holding it left the set itself whole.
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file this process is writing and exits with
/// `code`; for an interrupt (Ctrl-C). No file is renamed into place while
/// this runs, so each unit's outputs are either all new or all as they were.
pub fn remove_temporaries_and_exit(code: i32) -> ! {
    let live = registry();
    for path in live.iter() {
        let _ = std::fs::remove_file(path);
    }
    // Exiting with the registry held keeps other threads from making more.
    std::process::exit(code)
}

/// Stale temporary files found in each output directory, by the output
/// name they belong to; each directory is listed once per process, so a
/// batch of a thousand units lists its output directory once, not once per
/// file.
static STALE: Mutex<Option<HashMap<PathBuf, StaleByName>>> = Mutex::new(None);

/// Stale temporary files by the output name they belong to.
type StaleByName = HashMap<OsString, Vec<PathBuf>>;

/// Removes the temporary files of output `name` in `dir` left by a run that
/// was killed.
fn remove_stale(dir: &Path, name: &OsStr) {
    let stale = {
        let mut cache = STALE.lock().unwrap_or_else(|e| e.into_inner());
        let dirs = cache.get_or_insert_with(HashMap::new);
        let by_name = dirs
            .entry(dir.to_path_buf())
            .or_insert_with(|| list_temporaries(dir));
        by_name.remove(name).unwrap_or_default()
    };
    let live = registry();
    for path in stale.iter().filter(|p| !live.contains(*p)) {
        // A symbolic link is removed itself, never what it points to.
        let _ = std::fs::remove_file(path);
    }
}

/// The temporary files in `dir`, by the output name they belong to.
fn list_temporaries(dir: &Path) -> StaleByName {
    let mut found = StaleByName::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        if let Some(name) = temporary_of(&entry.file_name()) {
            found.entry(name.into()).or_default().push(entry.path());
        }
    }
    found
}

/// The output name a temporary file name belongs to: `2024.md` for
/// `.2024.md.Ab12Cd.tmp` (and for `.2024.md.4711.tmp`, made by earlier
/// versions, which put the process id there).
fn temporary_of(file_name: &OsStr) -> Option<&str> {
    let rest = file_name.to_str()?.strip_prefix('.')?;
    let rest = rest.strip_suffix(TEMPORARY_SUFFIX)?;
    let (name, random) = rest.rsplit_once('.')?;
    let random_like = !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric());
    (random_like && !name.is_empty()).then_some(name)
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
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

    #[cfg(unix)]
    #[test]
    fn outputs_are_as_readable_as_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        let output = dir.path().join("a.md");
        write(&output, b"x", &[]).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&output), mode(&plain));
    }

    #[test]
    fn an_input_is_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("2024.yaml");
        std::fs::write(&p, "year: 2024").unwrap();
        assert!(matches!(
            write(&p, b"x", std::slice::from_ref(&p)),
            Err(OutputError::IsInput { .. })
        ));
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
            assert!(matches!(error, OutputError::IsInput { .. }), "{error}");
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

    #[test]
    fn temporary_names_are_told_from_outputs_and_other_files() {
        fn of(s: &str) -> Option<&str> {
            temporary_of(OsStr::new(s))
        }
        assert_eq!(of(".2024.md.Ab12Cd.tmp"), Some("2024.md"));
        assert_eq!(of(".2024.docx.4711.tmp"), Some("2024.docx"));
        assert_eq!(of(".单位.md.x.tmp"), Some("单位.md"));
        for other in [
            "2024.md",
            ".2024.md",
            "2024.md.Ab12Cd.tmp",
            ".2024.md.Ab-2Cd.tmp",
            ".2024.md..tmp",
            "..Ab12Cd.tmp",
            ".2024.md.Ab12Cd.tmp.bak",
        ] {
            assert_eq!(of(other), None, "{other}");
        }
    }

    #[test]
    fn stale_temporary_files_go_also_when_the_output_is_up_to_date() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.md");
        std::fs::write(&p, b"x").unwrap();
        // Left by a killed run, before this process first lists the directory.
        let stale = dir.path().join(".a.md.Xy12Zw.tmp");
        let other = dir.path().join(".b.md.Xy12Zw.tmp");
        std::fs::write(&stale, b"half").unwrap();
        std::fs::write(&other, b"half").unwrap();
        assert_eq!(write(&p, b"x", &[]).unwrap(), Written::Unchanged);
        assert!(!stale.exists());
        // Another output's are left for its own build.
        assert!(other.exists());
    }

    #[test]
    fn a_rename_that_fails_removes_every_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.docx");
        let write: WriteTemporary = &mut |file, bytes| file.write_all(bytes);
        let staged = vec![
            (a.clone(), stage(&a, b"1", &[], write).unwrap()),
            (b.clone(), stage(&b, b"2", &[], write).unwrap()),
        ];
        // The name is taken after the check, before the rename.
        std::fs::create_dir(&a).unwrap();
        std::fs::write(a.join("inside"), "x").unwrap();
        match publish(staged) {
            Err(OutputError::Rename { path, replaced, .. }) => {
                assert_eq!(path, a);
                assert!(replaced.is_empty(), "{replaced:?}");
            }
            other => panic!("{other:?}"),
        }
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["a.md"]);
    }

    #[test]
    fn no_temporary_file_stays_after_a_commit_or_a_failure() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.md");
        let b = dir.path().join("b.docx");
        commit(&[(&a, b"1"), (&b, b"2")], &[]).unwrap();
        let mut calls = 0;
        let error = commit_with(&[(&a, b"3"), (&b, b"4")], &[], &mut |file, bytes| {
            calls += 1;
            if calls == 2 {
                return Err(io::Error::new(io::ErrorKind::StorageFull, "full"));
            }
            file.write_all(bytes)
        })
        .unwrap_err();
        assert!(
            matches!(&error, OutputError::Write { path, .. } if *path == b),
            "{error}"
        );
        assert_eq!(std::fs::read(&a).unwrap(), b"1");
        assert_eq!(std::fs::read(&b).unwrap(), b"2");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(registry().iter().all(|p| !p.starts_with(dir.path())));
    }
}

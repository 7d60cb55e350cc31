//! Outputs under faults: a disk that fills between a unit's two files, an
//! output name taken by a directory, temporary-file names planted as links
//! to the input, a batch killed or interrupted half-way. A unit's outputs
//! are replaced all or none, its input never, and no temporary file stays.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{DATA, jixiao, jixiao_command};
use jixiao::output::{self, Written};
use jixiao::render::{self, Templates};

fn build(data: &Path, out: &Path) -> Output {
    jixiao(&[
        "build",
        data.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--allow-errors",
        "--quiet",
    ])
}

/// The names in `dir` that look like temporary files (`.NAME….tmp`).
fn temporaries(dir: &Path) -> Vec<String> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

/// The bundled data with the unit's name changed, so that every output
/// changes.
fn changed_data(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(DATA).unwrap();
    let changed = text.replacen(
        "name: 湖南省工业和信息化行业事务中心",
        "name: 湖南省工业和信息化行业事务中心（改）",
        1,
    );
    assert_ne!(text, changed);
    let path = dir.join("2024.yaml");
    fs::write(&path, changed).unwrap();
    path
}

/// The Markdown and DOCX bytes of a data file.
fn rendered(data: &Path) -> (Vec<u8>, Vec<u8>) {
    let analysis = jixiao::analyse_file(data).unwrap();
    let markdown = render::markdown(&analysis, &Templates::load(None).unwrap()).unwrap();
    let docx = jixiao::pipeline::Output::Docx
        .of(&markdown, &analysis)
        .unwrap();
    (markdown.into_bytes(), docx)
}

#[test]
fn a_disk_that_fills_after_the_markdown_replaces_neither_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(build(Path::new(DATA), &out).status.success());
    let md = out.join("2024.md");
    let docx = out.join("2024.docx");
    let (old_md, old_docx) = (fs::read(&md).unwrap(), fs::read(&docx).unwrap());

    let (new_md, new_docx) = rendered(&changed_data(dir.path()));
    let mut files_written = 0;
    let error = output::commit_with(
        &[(&md, &new_md), (&docx, &new_docx)],
        &[],
        &mut |file, bytes| {
            files_written += 1;
            if files_written == 2 {
                file.write_all(&bytes[..bytes.len() / 2])?;
                return Err(std::io::ErrorKind::StorageFull.into());
            }
            file.write_all(bytes)
        },
    )
    .unwrap_err();
    assert!(
        matches!(&error, output::OutputError::Write { path, .. } if path.ends_with("2024.docx")),
        "{error}"
    );
    assert_eq!(fs::read(&md).unwrap(), old_md);
    assert_eq!(fs::read(&docx).unwrap(), old_docx);
    assert_eq!(temporaries(&out), Vec::<String>::new());

    // With room again, both are replaced.
    let written = output::commit(&[(&md, &new_md), (&docx, &new_docx)], &[]).unwrap();
    assert!(written.iter().all(|(_, w)| *w == Written::Changed));
    assert_eq!(fs::read(&md).unwrap(), new_md);
}

/// A tmpfs mounted for one test, unmounted when dropped.
#[cfg(target_os = "linux")]
struct Tmpfs(PathBuf);

#[cfg(target_os = "linux")]
impl Tmpfs {
    /// None where mounting is not allowed (not root, in a container).
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(at).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then(|| Tmpfs(at.to_path_buf()))
    }
}

#[cfg(target_os = "linux")]
impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_real_disk_that_fills_after_the_markdown_replaces_neither_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let Some(_disk) = Tmpfs::mount(&out, "512k") else {
        eprintln!("tmpfs cannot be mounted here; the injected full disk covers this case");
        return;
    };
    assert!(build(Path::new(DATA), &out).status.success());
    let md = out.join("2024.md");
    let docx = out.join("2024.docx");
    let (old_md, old_docx) = (fs::read(&md).unwrap(), fs::read(&docx).unwrap());

    // Fill the disk, then free room for the new Markdown but not the DOCX.
    let filler_path = out.join("filler");
    let mut filler = fs::File::create(&filler_path).unwrap();
    let page = [0u8; 4096];
    while filler.write_all(&page).is_ok() {}
    let (new_md, new_docx) = rendered(&changed_data(dir.path()));
    assert!(
        new_docx.len() > 16 * 1024,
        "the DOCX must not fit the margin"
    );
    let filled = filler.metadata().unwrap().len();
    filler
        .set_len(filled - (new_md.len() as u64 + 8192))
        .unwrap();
    drop(filler);

    let result = build(&dir.path().join("2024.yaml"), &out);
    assert_eq!(result.status.code(), Some(2), "{result:?}");
    assert_eq!(fs::read(&md).unwrap(), old_md);
    assert_eq!(fs::read(&docx).unwrap(), old_docx);
    assert_eq!(temporaries(&out), Vec::<String>::new());

    fs::remove_file(&filler_path).unwrap();
    assert!(build(&dir.path().join("2024.yaml"), &out).status.success());
    assert_eq!(fs::read(&md).unwrap(), new_md);
    assert_eq!(fs::read(&docx).unwrap(), new_docx);
}

#[test]
fn an_output_name_taken_by_a_directory_replaces_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert!(build(Path::new(DATA), &out).status.success());
    let old_md = fs::read(out.join("2024.md")).unwrap();
    fs::remove_file(out.join("2024.docx")).unwrap();
    fs::create_dir(out.join("2024.docx")).unwrap();

    let result = build(&changed_data(dir.path()), &out);
    assert_eq!(result.status.code(), Some(2), "{result:?}");
    assert!(String::from_utf8_lossy(&result.stderr).contains("2024.docx"));
    assert_eq!(fs::read(out.join("2024.md")).unwrap(), old_md);
    assert!(out.join("2024.docx").is_dir());
    assert_eq!(temporaries(&out), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn temporary_names_planted_as_links_to_the_input_never_write_through() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let data = changed_data(dir.path());
    let input = fs::read(&data).unwrap();
    let out = dir.path().join("out");
    fs::create_dir(&out).unwrap();
    // Names of this version's form, of earlier versions' (the process id),
    // and with every character tempfile may draw.
    for name in ["2024.md", "2024.docx"] {
        for middle in ["abc123", "AAAAAA", "999999", "1234", "zZ9aA0"] {
            symlink(&data, out.join(format!(".{name}.{middle}.tmp"))).unwrap();
        }
    }
    symlink(&data, out.join(".2024.md.tmp")).unwrap();

    assert!(build(&data, &out).status.success());
    assert_eq!(fs::read(&data).unwrap(), input);
    assert_eq!(fs::read(out.join("2024.md")).unwrap(), rendered(&data).0);
    // The planted links are removed as stale; the one that fits no
    // temporary file of an output stays.
    assert_eq!(temporaries(&out), vec![".2024.md.tmp".to_string()]);
    assert_eq!(fs::read(&data).unwrap(), input);
}

/// `count` copies of the bundled data, `u1.yaml`…, in `dir`.
#[cfg(unix)]
fn units(dir: &Path, count: usize) -> Vec<String> {
    (1..=count)
        .map(|i| {
            let path = dir.join(format!("u{i}.yaml"));
            fs::copy(DATA, &path).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect()
}

/// Starts a quiet batch build and waits until `files` outputs are in place.
#[cfg(unix)]
fn start_batch(units: &[String], out: &Path, files: usize) -> std::process::Child {
    let child = jixiao_command(&["build"])
        .args(units)
        .args(["-o", out.to_str().unwrap(), "--allow-errors", "--quiet"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    let outputs = || {
        fs::read_dir(out).map_or(0, |d| {
            d.filter(|e| {
                !e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with('.')
            })
            .count()
        })
    };
    while outputs() < files {
        assert!(start.elapsed().as_secs() < 120, "the batch wrote nothing");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child
}

#[cfg(unix)]
#[test]
fn a_killed_batch_rebuilt_leaves_every_output_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let units = units(dir.path(), 60);
    let out = dir.path().join("out");
    // Left by an earlier killed run, as a file and as a link to an input.
    fs::create_dir(&out).unwrap();
    fs::write(out.join(".u7.md.Xy12Zw.tmp"), "half a report").unwrap();
    std::os::unix::fs::symlink(&units[0], out.join(".u9.docx.4711.tmp")).unwrap();

    let mut batch = start_batch(&units, &out, 12);
    batch.kill().unwrap();
    batch.wait().unwrap();

    let rebuilt = jixiao(
        &["build"]
            .into_iter()
            .chain(units.iter().map(String::as_str))
            .chain(["-o", out.to_str().unwrap(), "--allow-errors", "--quiet"])
            .collect::<Vec<_>>(),
    );
    assert!(rebuilt.status.success(), "{rebuilt:?}");
    let (md, docx) = rendered(Path::new(DATA));
    for i in 1..=60 {
        assert_eq!(fs::read(out.join(format!("u{i}.md"))).unwrap(), md, "u{i}");
        assert_eq!(fs::read(out.join(format!("u{i}.docx"))).unwrap(), docx);
    }
    assert_eq!(temporaries(&out), Vec::<String>::new());
    assert_eq!(fs::read(&units[0]).unwrap(), fs::read(DATA).unwrap());
}

#[cfg(unix)]
#[test]
fn ctrl_c_ends_a_batch_with_each_unit_whole_or_untouched() {
    interrupted_batch("-INT");
}

/// `kill` (SIGTERM) and a closed terminal (SIGHUP) stop a batch as Ctrl-C does.
#[cfg(unix)]
#[test]
fn termination_ends_a_batch_as_ctrl_c_does() {
    interrupted_batch("-TERM");
    interrupted_batch("-HUP");
}

/// A batch of 100 units stopped by `signal` early on: exit 130, no temporary
/// file left, each unit with both outputs whole or neither.
#[cfg(unix)]
fn interrupted_batch(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let units = units(dir.path(), 100);
    let out = dir.path().join("out");
    let batch = start_batch(&units, &out, 4);
    let interrupted = Command::new("kill")
        .args([signal, &batch.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let ended = batch.wait_with_output().unwrap();
    assert_eq!(ended.status.code(), Some(130), "{signal}: {ended:?}");
    assert_eq!(temporaries(&out), Vec::<String>::new());
    let (md, docx) = rendered(Path::new(DATA));
    let mut built = 0;
    for i in 1..=100 {
        let (m, d) = (out.join(format!("u{i}.md")), out.join(format!("u{i}.docx")));
        assert_eq!(m.exists(), d.exists(), "u{i}: one output of two");
        if m.exists() {
            built += 1;
            assert_eq!(fs::read(m).unwrap(), md);
            assert_eq!(fs::read(d).unwrap(), docx);
        }
    }
    assert!((2..100).contains(&built), "{built} units built");
}

//! What jixiao agrees to read: a regular file up to the size limit, or
//! standard input (`-`) up to the same limit. A device (`/dev/zero`), a named
//! pipe, a directory or a larger file is refused at once, before it is read.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{DATA, jixiao_command};
use jixiao::model::load::{LoadErrorKind, MAX_FILE_BYTES};

/// Waits for `child`, failing (and killing it) after 20 seconds: a refusal
/// comes at once, reading an endless input never ends.
fn finishes(mut child: Child) -> Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("jixiao is still reading");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

/// Runs `jixiao check PATH` with standard input open but silent.
fn check(path: &Path) -> Output {
    finishes(
        jixiao_command(&["check", path.to_str().unwrap()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap(),
    )
}

#[cfg(unix)]
#[test]
fn a_device_and_a_named_pipe_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("facts.yaml");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [Path::new("/dev/zero"), Path::new("/dev/urandom"), &fifo] {
        let refused = check(path);
        assert_eq!(refused.status.code(), Some(2), "{path:?}: {refused:?}");
        assert!(!refused.stderr.is_empty());
        let error = jixiao::model::load_file(path).unwrap_err();
        assert_eq!(error.kind, LoadErrorKind::Io, "{path:?}");
    }
}

#[test]
fn a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(check(dir.path()).status.code(), Some(2));
    let error = jixiao::model::load_file(dir.path()).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::Io);
}

#[test]
fn a_file_above_the_limit_is_refused_by_its_size_and_one_at_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    // Sparse: the size is set without writing the bytes.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES as u64 + 1).unwrap();
    let refused = check(&path);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    let error = jixiao::model::load_file(&path).unwrap_err();
    assert_eq!(error.kind, LoadErrorKind::TooLarge);

    // At the limit the file is read: a comment pads valid facts to it.
    let mut text = std::fs::read_to_string(DATA).unwrap();
    text.push('#');
    text.push_str(&"x".repeat(MAX_FILE_BYTES - text.len() - 1));
    text.push('\n');
    assert_eq!(text.len(), MAX_FILE_BYTES);
    std::fs::write(&path, &text).unwrap();
    assert!(jixiao::model::load_file(&path).is_ok());
}

/// Runs jixiao with `input` on standard input.
fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = jixiao_command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // Written from a thread: jixiao may stop reading (too large) early.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = finishes(child);
    writer.join().unwrap();
    output
}

#[test]
fn check_reads_standard_input_as_it_reads_a_file() {
    let data = std::fs::read(DATA).unwrap();
    let from_stdin = with_stdin(&["check", "-", "--format", "json"], &data);
    let from_file = jixiao_command(&["check", DATA, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(from_stdin.status.code(), Some(1));
    let findings = |o: &Output| {
        let value: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        value["findings"].clone()
    };
    assert_eq!(findings(&from_stdin), findings(&from_file));
}

#[test]
fn standard_input_above_the_limit_is_refused() {
    let too_much = vec![b'#'; MAX_FILE_BYTES + 4096];
    let refused = with_stdin(&["check", "-"], &too_much);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
}

#[test]
fn build_from_standard_input_writes_stdin_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let data = std::fs::read(DATA).unwrap();
    let out_arg = out.to_str().unwrap();
    let built = with_stdin(&["build", "-", "-o", out_arg, "--allow-errors"], &data);
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    let from_file = jixiao_command(&["build", DATA, "-o", out_arg, "--allow-errors"])
        .output()
        .unwrap();
    assert!(from_file.status.success());
    assert_eq!(
        std::fs::read(out.join("stdin.md")).unwrap(),
        std::fs::read(out.join("2024.md")).unwrap()
    );
    assert!(out.join("stdin.docx").is_file());

    let twice = with_stdin(&["build", "-", "-", "-o", out_arg], &data);
    assert_eq!(twice.status.code(), Some(2), "{twice:?}");
    let watched = with_stdin(&["watch", "-", "-o", out_arg], &data);
    assert_eq!(watched.status.code(), Some(2), "{watched:?}");
}

//! A reader that has gone — from standard error, standard output or both
//! (`jixiao check DATA.yaml 2>&1 | head -1`) — ends jixiao with the exit
//! status its work gives (0 clean, 1 findings at error level, 2 a file that
//! cannot be read), never a panic's 101, and a build still writes its files.

mod common;

use std::io::{BufRead, BufReader, PipeWriter};
use std::process::{Output, Stdio};

use common::{DATA, jixiao_command};

const UNREADABLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/bad_inputs/malformed_yaml.yaml"
);

/// The write end of a pipe whose read end is already closed.
fn closed_pipe() -> PipeWriter {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    writer
}

/// Runs jixiao with standard error, standard output or both closed.
fn run(args: &[&str], stdout_closed: bool, stderr_closed: bool) -> Output {
    let stream = |closed: bool| {
        if closed {
            Stdio::from(closed_pipe())
        } else {
            Stdio::piped()
        }
    };
    jixiao_command(&[])
        .args(args)
        .stdout(stream(stdout_closed))
        .stderr(stream(stderr_closed))
        .output()
        .unwrap()
}

#[test]
fn a_closed_stream_keeps_the_exit_status_of_the_work() {
    for (stdout_closed, stderr_closed) in [(false, true), (true, false), (true, true)] {
        let case = format!("stdout closed {stdout_closed}, stderr closed {stderr_closed}");
        let findings = run(&["check", DATA], stdout_closed, stderr_closed);
        assert_eq!(findings.status.code(), Some(1), "{case}: {findings:?}");
        let unreadable = run(&["check", UNREADABLE], stdout_closed, stderr_closed);
        assert_eq!(unreadable.status.code(), Some(2), "{case}: {unreadable:?}");
        let missing = run(
            &["explain", DATA, "没有这个数"],
            stdout_closed,
            stderr_closed,
        );
        assert_eq!(missing.status.code(), Some(2), "{case}: {missing:?}");
        let vars = run(&["vars", DATA], stdout_closed, stderr_closed);
        assert_eq!(vars.status.code(), Some(0), "{case}: {vars:?}");
    }
}

#[test]
fn a_build_with_both_streams_closed_still_writes_its_outputs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let blocked = run(&["build", DATA, "-o", out.to_str().unwrap()], true, true);
    assert_eq!(blocked.status.code(), Some(1), "{blocked:?}");
    let built = run(
        &["build", DATA, "-o", out.to_str().unwrap(), "--allow-errors"],
        true,
        true,
    );
    assert_eq!(built.status.code(), Some(0), "{built:?}");
    assert!(out.join("2024.md").is_file());
    assert!(out.join("2024.docx").is_file());
}

/// `jixiao check BAD.yaml 2>&1 | head -1`: both streams into one pipe whose
/// reader stops after the first line.
#[test]
fn both_streams_into_a_reader_that_stops_after_one_line() {
    for (file, status) in [(DATA, 1), (UNREADABLE, 2)] {
        let (reader, writer) = std::io::pipe().unwrap();
        let mut child = jixiao_command(&["check", file])
            .stdout(writer.try_clone().unwrap())
            .stderr(writer)
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(reader).read_line(&mut first).unwrap();
        assert!(!first.is_empty());
        // The reader is dropped here, as `head -1` exits after one line.
        assert_eq!(child.wait().unwrap().code(), Some(status), "{file}");
    }
}

//! Output piped into a reader that stops early (`jixiao vars DATA.yaml | head`)
//! ends jixiao quietly, without a panic message.

mod common;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use common::{DATA, jixiao_command};

#[test]
fn a_reader_that_stops_early_ends_jixiao_quietly() {
    let data = DATA;
    let mut child = jixiao_command(&["vars", data])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("变量路径"), "{first}");
    // The reader is dropped here, as `head -1` exits after one line.
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?} {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

//! `jixiao watch` rebuilds on save, survives a broken save and stops cleanly
//! on Ctrl-C.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::{DATA, jixiao_command};

const DONE: &str = "生成完成";
const FAILED: &str = "生成失败";

/// Kills the watcher if the test fails half-way.
struct Watcher(Child);

impl Drop for Watcher {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits for a line containing `marker`; returns every line read meanwhile.
fn wait_for(lines: &Receiver<String>, marker: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut seen = Vec::new();
    while Instant::now() < deadline {
        if let Ok(line) = lines.recv_timeout(Duration::from_millis(100)) {
            let hit = line.contains(marker);
            seen.push(line);
            if hit {
                return seen;
            }
        }
    }
    panic!("no line with {marker:?} within 60 s; read so far: {seen:#?}");
}

fn save(path: &Path, text: &str) {
    // A save must change the modification time or the size; make sure of it
    // even on file systems with coarse timestamps.
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(path, text).unwrap();
}

#[test]
fn good_broken_good_gives_two_rebuilds_and_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("2024.yaml");
    let original = std::fs::read_to_string(DATA).unwrap();
    std::fs::write(&data, &original).unwrap();
    let out = dir.path().join("out");
    let mut child = jixiao_command(&["watch", "--allow-errors", "--format", "md", "-o"])
        .arg(&out)
        .arg(&data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, lines) = mpsc::channel();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let tx = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
    }
    let mut watcher = Watcher(child);
    let md = out.join("2024.md");

    wait_for(&lines, DONE); // the first build, before any save
    assert!(std::fs::read_to_string(&md).unwrap().contains("906.86"));

    let mut log = Vec::new();
    let first = original.replacen("        actual: 906.86\n", "        actual: 901.5\n", 1);
    save(&data, &first);
    log.extend(wait_for(&lines, DONE));
    let good = std::fs::read(&md).unwrap();
    assert!(String::from_utf8_lossy(&good).contains("901.50"));

    save(
        &data,
        &first.replacen("basic_expenditure:\n", "basic_expenditure\n", 1),
    );
    log.extend(wait_for(&lines, FAILED));
    assert_eq!(
        std::fs::read(&md).unwrap(),
        good,
        "the broken save must leave the last good output"
    );

    let second = original.replacen("        actual: 906.86\n", "        actual: 902.25\n", 1);
    save(&data, &second);
    log.extend(wait_for(&lines, DONE));
    assert!(std::fs::read_to_string(&md).unwrap().contains("902.25"));

    let count = |m: &str| log.iter().filter(|l| l.contains(m)).count();
    assert_eq!((count(DONE), count(FAILED)), (2, 1), "{log:#?}");
    assert!(
        log.iter().any(|l| l.contains("YAML") || l.contains("第")),
        "the broken save's error is shown: {log:#?}"
    );
    assert!(log.iter().any(|l| l.contains("用时")));

    // Ctrl-C: the watcher stops by itself and exits successfully.
    let pid = watcher.0.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-INT", &pid])
            .status()
            .unwrap()
            .success()
    );
    wait_for(&lines, "已停止监视");
    let status = watcher.0.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

//! Rebuilding unchanged inputs leaves the outputs untouched — same bytes, same
//! modification time.

mod common;

use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{DATA, jixiao_command};

fn build(data: &Path, out: &Path) -> String {
    let output = jixiao_command(&["build", "--allow-errors", "-o"])
        .arg(out)
        .arg(data)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

fn age(path: &Path, when: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(when)
        .unwrap();
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn building_twice_keeps_bytes_and_mtimes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("2024.yaml");
    std::fs::copy(DATA, &data).unwrap();
    let out = dir.path().join("out");
    let first = build(&data, &out);
    assert!(first.contains("已生成"));
    let outputs = [out.join("2024.md"), out.join("2024.docx")];
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    let before: Vec<Vec<u8>> = outputs.iter().map(|p| std::fs::read(p).unwrap()).collect();
    for p in &outputs {
        age(p, old);
    }

    let second = build(&data, &out);
    assert!(!second.contains("已生成"), "{second}");
    assert_eq!(second.matches("未变化").count(), 2, "{second}");
    for (p, bytes) in outputs.iter().zip(&before) {
        assert_eq!(&std::fs::read(p).unwrap(), bytes, "{} changed", p.display());
        assert_eq!(modified(p), old, "{} was rewritten", p.display());
    }
    let leftovers: Vec<_> = std::fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A real change rewrites both outputs.
    let text = std::fs::read_to_string(&data).unwrap();
    std::fs::write(
        &data,
        text.replacen("  actual: 6078.91", "  actual: 6078.92", 1),
    )
    .unwrap();
    let third = build(&data, &out);
    assert_eq!(third.matches("已生成").count(), 2, "{third}");
    for p in &outputs {
        assert_ne!(modified(p), old, "{} was not rewritten", p.display());
    }
}

//! `jixiao build` over many files: all built in one run, one failing unit
//! does not stop the others, a summary names each, and the exit status tells
//! a script that something failed.

mod common;

use common::{jixiao, root};

#[test]
fn a_failing_unit_does_not_stop_the_others() {
    let root = root();
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "year: [\n").unwrap();
    let out = dir.path().join("out");
    let o = jixiao(&[
        "build",
        root.join("data/2024.yaml").to_str().unwrap(),
        broken.to_str().unwrap(),
        root.join("data/examples/sample-county-2024.yaml")
            .to_str()
            .unwrap(),
        "--allow-errors",
        "--quiet",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "a unit failed to load");
    for name in [
        "2024.md",
        "2024.docx",
        "sample-county-2024.md",
        "sample-county-2024.docx",
    ] {
        assert!(out.join(name).is_file(), "{name} missing");
    }
    assert!(!out.join("broken.md").exists());
    let summary = String::from_utf8_lossy(&o.stdout);
    assert!(
        summary.contains("湖南省工业和信息化行业事务中心"),
        "{summary}"
    );
    assert!(summary.contains("示例县数据服务中心"), "{summary}");
    assert!(
        summary.contains("共 3 个单位：2 个已生成，1 个未生成"),
        "{summary}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("broken.yaml"));
}

#[test]
fn errors_block_only_their_own_unit() {
    let root = root();
    let dir = tempfile::tempdir().unwrap();
    let o = jixiao(&[
        "build",
        root.join("data/2024.yaml").to_str().unwrap(),
        root.join("data/examples/sample-county-2024.yaml")
            .to_str()
            .unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "the reference has audit errors");
    assert!(!dir.path().join("2024.md").exists());
    assert!(dir.path().join("sample-county-2024.docx").is_file());
}

#[test]
fn two_files_with_the_same_name_are_refused() {
    let root = root();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("2024.yaml");
    std::fs::copy(root.join("data/2024.yaml"), &copy).unwrap();
    let o = jixiao(&[
        "build",
        root.join("data/2024.yaml").to_str().unwrap(),
        copy.to_str().unwrap(),
        "--allow-errors",
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("文件名相同"));
    assert!(!dir.path().join("out").exists(), "nothing written");
}

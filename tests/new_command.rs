//! `jixiao new` writes a new unit's facts file: `check` lists every number
//! and every text to fill by its line, and once every `~` and every 待填 text is filled as
//! the comments ask, `check --deny-warnings` is clean and `build` succeeds.

mod common;

use std::collections::BTreeSet;

use common::{jixiao_in, stdout};

/// The numbers of the new unit, in the order of the `~` in the template:
/// staff, basic expenditure, the project's funding and last year, its four
/// indicators, the unit's four indicators, 三公经费, 公用经费, 政府采购.
const FIGURES: &[&str] = &[
    "20", "18", // 编制数, 实际在职人数
    "500", "500", "480", "400", "80", // 基本支出
    "100", "100", "95", "90", // 项目资金, 上年决算数
    "120", "95", "30", "96", // 项目指标: ≥, ≤, 定性得分, 满意度
    "130", "90", "30", "97", // 整体指标
    "0", "0", "0", "3", "4", "3.5", "0", "0", "0", "1", "1", "0.8", // 三公经费
    "75", "80", "80", // 公用经费
    "50", // 政府采购
];

/// Each `~` value in turn replaced by the next of `FIGURES`, each text
/// beginning with 待填 by a text of its own, and the optional `level` line
/// taken in by deleting its `#`, as its comment says.
fn filled(template: &str) -> String {
    let mut figures = FIGURES.iter();
    let mut texts = 0;
    let mut out = String::new();
    for line in template.lines() {
        let line = line.replacen("  # level: ", "  level: ", 1);
        let line = line.as_str();
        let (value, comment) = line.split_once(" # ").unwrap_or((line, ""));
        let mut value = value.to_string();
        while let Some(at) = value.find(": ~") {
            let figure = figures.next().expect("a figure for each ~");
            value.replace_range(at + 2..at + 3, figure);
        }
        if let Some(at) = value.find("待填：") {
            texts += 1;
            value.replace_range(at.., &format!("已填写的内容{texts}"));
        }
        out.push_str(&value);
        if !comment.is_empty() {
            out.push_str(" # ");
            out.push_str(comment);
        }
        out.push('\n');
    }
    assert!(figures.next().is_none(), "a ~ for each figure");
    out
}

#[test]
fn check_lists_each_value_to_fill_by_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let o = jixiao_in(dir.path(), &["new", "单位.yaml"]);
    assert!(o.status.success(), "{o:?}");
    let text = std::fs::read_to_string(dir.path().join("单位.yaml")).unwrap();
    // A line's values: nothing of a comment line, the part before ` # ` of others.
    let values = |l: &str| match l.trim_start().starts_with('#') {
        true => String::new(),
        false => l.split(" # ").next().unwrap().to_string(),
    };
    let lines_with = |needle: &str| -> BTreeSet<usize> {
        text.lines()
            .enumerate()
            .filter(|(_, l)| values(l).contains(needle))
            .map(|(i, _)| i + 1)
            .collect()
    };
    let to_fill: BTreeSet<usize> = &lines_with(": ~") | &lines_with("待填：");
    let texts = text
        .lines()
        .filter(|l| values(l).contains("待填："))
        .count();

    let o = jixiao_in(dir.path(), &["check", "单位.yaml", "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let findings = report["findings"].as_array().expect("findings");
    assert!(findings.iter().all(|f| f["code"] == "J015"), "{findings:?}");
    assert_eq!(findings.len(), FIGURES.len() + texts);
    let listed: BTreeSet<usize> = findings
        .iter()
        .flat_map(|f| f["lines"].as_array().unwrap().iter())
        .map(|l| l.as_u64().unwrap() as usize)
        .collect();
    assert_eq!(listed, to_fill);
}

#[test]
fn filled_in_it_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        jixiao_in(dir.path(), &["new", "单位.yaml"])
            .status
            .success()
    );
    let path = dir.path().join("单位.yaml");
    let text = filled(&std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &text).unwrap();

    let o = jixiao_in(dir.path(), &["check", "单位.yaml", "--deny-warnings"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let o = jixiao_in(dir.path(), &["build", "单位.yaml", "-o", "out"]);
    assert!(o.status.success(), "{o:?}");
    let md = std::fs::read_to_string(dir.path().join("out/单位.md")).unwrap();
    assert!(!md.contains("待填"));
    assert!(md.contains("已填写的内容1"), "the unit's name is printed");
    assert!(md.contains("县级预算部门"), "the level taken in is printed");
    assert!(dir.path().join("out/单位.docx").is_file());
}

#[test]
fn an_existing_file_or_a_directory_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("单位.yaml"), "kept").unwrap();
    let o = jixiao_in(dir.path(), &["new", "单位.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("单位.yaml")).unwrap(),
        "kept"
    );
    assert!(
        jixiao_in(dir.path(), &["new", "单位.yaml", "--force"])
            .status
            .success()
    );
    std::fs::create_dir(dir.path().join("目录")).unwrap();
    let o = jixiao_in(dir.path(), &["new", "目录", "--force"]);
    assert_eq!(o.status.code(), Some(2));
}

//! `jixiao diff` lists exactly the changed fact, every figure that depends on
//! it, and the changed sentences and cells — and nothing else.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{DATA, jixiao_command};
use jixiao::diff::{self, Diff};
use jixiao::render::Templates;

/// The 运行维护经费 当年财政拨款 全年执行数.
const LINE: &str = "        actual: 906.86\n";
const FACT: &str = "project[运行维护经费].source[当年财政拨款].actual";

fn changed_copy(dir: &Path, from: &str, to: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(DATA).unwrap();
    assert_eq!(text.matches(from).count(), 1, "{from:?} must be unique");
    let path = dir.join("changed.yaml");
    std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    path
}

fn compare(new: &Path) -> Diff {
    let old = jixiao::analyse_file(Path::new(DATA)).unwrap();
    let new = jixiao::analyse_file(new).unwrap();
    diff::compare(&old, &new, &Templates::load(None).unwrap()).unwrap()
}

#[test]
fn one_fact_changes_its_dependants_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let new_path = changed_copy(dir.path(), LINE, "        actual: 900\n");
    let d = compare(&new_path);

    // 事实：exactly that fact.
    assert_eq!(d.facts.len(), 1, "{:#?}", d.facts);
    assert_eq!(d.facts[0].path, "projects[0].funding.current_year.actual");
    assert_eq!(d.facts[0].old.as_deref(), Some("906.86"));
    assert_eq!(d.facts[0].new.as_deref(), Some("900"));

    // 派生数：every changed figure rests on that fact, and every figure that
    // rests on it and changed value is listed.
    let new = jixiao::analyse_file(&new_path).unwrap();
    let old = jixiao::analyse_file(Path::new(DATA)).unwrap();
    for f in &d.figures {
        assert_eq!(f.because, vec![FACT.to_string()], "{f:#?}");
    }
    let listed: BTreeSet<&str> = d.figures.iter().map(|f| f.name.as_str()).collect();
    let depends = |name: &str| {
        let mut stack = vec![name.to_string()];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == FACT {
                return true;
            }
            if seen.insert(n.clone()) {
                stack.extend(
                    new.figures
                        .get(&n)
                        .into_iter()
                        .flat_map(|f| f.inputs.clone()),
                );
            }
        }
        false
    };
    let expected: BTreeSet<&str> = new
        .figures
        .iter()
        .filter(|f| !f.is_fact() && depends(&f.name))
        .filter(|f| old.figures.get(&f.name).map(|o| &o.value) != Some(&f.value))
        .map(|f| f.name.as_str())
        .collect();
    assert_eq!(listed, expected);
    for name in [
        "project[运行维护经费].actual",
        "project[运行维护经费].execution_rate",
        "project[运行维护经费].execution_score",
        "project[运行维护经费].total_score",
        "projects.actual",
        "projects.execution_rate",
        "overall.actual",
        "overall.execution_rate",
        "overall.execution_score",
        "unit.total_score",
    ] {
        assert!(listed.contains(name), "{name} missing from {listed:#?}");
    }
    let rate = d
        .figures
        .iter()
        .find(|f| f.name == "project[运行维护经费].execution_rate")
        .unwrap();
    assert_eq!(
        (rate.old.as_deref(), rate.new.as_deref()),
        (Some("100%"), Some("99.24%"))
    );

    // 报告文字：the sentences and cells with those figures, and only those.
    assert!(!d.paragraphs.is_empty());
    for p in &d.paragraphs {
        let (o, n) = (p.old.as_deref().unwrap(), p.new.as_deref().unwrap());
        assert_ne!(o, n);
        assert!(
            [
                "906.86", "985.78", "7064.69", "96.46", "99.65", "9.65", "100"
            ]
            .iter()
            .any(|v| o.contains(v)),
            "{p:#?}"
        );
    }
    assert!(d.paragraphs.iter().any(|p| {
        p.new
            .as_deref()
            .is_some_and(|t| t.contains("运行维护经费900.00万元"))
    }));
    assert!(!d.cells.is_empty());
    for c in &d.cells {
        assert!(
            c.old.is_some() && c.new.is_some() && c.old != c.new,
            "{c:#?}"
        );
    }
    assert!(d.cells.iter().any(|c| c.old.as_deref() == Some("906.86")
        && c.new.as_deref() == Some("900.00")
        && c.row_head.contains("运行维护经费")));
    assert!(d.cells.iter().any(|c| c.new.as_deref() == Some("99.24%")));
}

#[test]
fn a_change_that_moves_nothing_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let new_path = changed_copy(
        dir.path(),
        "rules:\n  rounding: 四舍五入\n",
        "rules:\n  rounding: 四舍五入 # 只改了注释\n",
    );
    let out = jixiao_command(&["diff", DATA])
        .arg(&new_path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("两份数据在事实上没有差别"), "{text}");
    assert!(text.contains("没有派生数变化"), "{text}");
    assert!(text.contains("报告文字没有变化"), "{text}");
}

#[test]
fn a_wording_change_moves_text_but_no_figure() {
    let dir = tempfile::tempdir().unwrap();
    let new_path = changed_copy(
        dir.path(),
        "    - 推动离退休管理服务质量提升\n",
        "    - 推动离退休管理服务质量全面提升\n",
    );
    let d = compare(&new_path);
    assert_eq!(d.facts.len(), 1);
    assert_eq!(d.facts[0].path, "goals.expected[4]");
    assert!(d.figures.is_empty());
    assert!(
        d.paragraphs
            .iter()
            .any(|p| p.new.as_deref().is_some_and(|t| t.contains("全面提升")))
            || d.cells
                .iter()
                .any(|c| c.new.as_deref().is_some_and(|t| t.contains("全面提升"))),
        "{d:#?}"
    );
}

#[test]
fn json_output_has_the_three_layers() {
    let dir = tempfile::tempdir().unwrap();
    let new_path = changed_copy(dir.path(), LINE, "        actual: 900\n");
    let out = jixiao_command(&["diff", "--format", "json", DATA])
        .arg(&new_path)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["facts"][0]["path"],
        "projects[0].funding.current_year.actual"
    );
    assert_eq!(v["facts"][0]["new"], "900");
    assert!(v["figures"].as_array().unwrap().len() > 10);
    assert!(!v["paragraphs"].as_array().unwrap().is_empty());
    assert!(!v["cells"].as_array().unwrap().is_empty());
}

#[test]
fn an_unreadable_file_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "year: [").unwrap();
    let out = jixiao_command(&["diff", DATA])
        .arg(&broken)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

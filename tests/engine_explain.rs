//! `explain`: every figure can be explained, and every explanation ends at the
//! facts of the YAML file with their line numbers.

mod common;

use std::collections::BTreeSet;

use common::{REFERENCE, figures, jixiao, line_no};
use jixiao::compute::Value;
use jixiao::explain::{explain, list};

/// The names in `explain --list` output (the first tab-separated column).
fn listed(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

/// Formulas of figures that rest on nothing (a source not filled in, a sum
/// of no parts); every other leaf of an explanation must be a fact.
fn is_constant(formula: &str) -> bool {
    formula.contains("按 0 计") || formula.contains("合计为 0")
}

#[test]
fn the_list_has_every_figure_once_with_four_columns() {
    let f = figures();
    let text = list(&f);
    let names = listed(&text);
    assert_eq!(names.len(), f.iter().count());
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "duplicate names in the list");
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 4, "{line}");
        assert!(matches!(cols[3], "事实" | "派生"), "{line}");
    }
    for must in [
        "basic.execution_rate",
        "overall.execution_rate",
        "unit.total_score",
        "unit.grade",
        "project[业务工作经费].total_score",
        "staffing.control_rate",
        "three_public.actual",
        "base.projects.budget",
    ] {
        assert!(
            unique.contains(&must.to_string()),
            "{must} missing from the list"
        );
    }
}

#[test]
fn every_listed_figure_is_explained_down_to_its_fact_lines() {
    let f = figures();
    let names = listed(&list(&f));
    assert!(names.len() > 100, "{}", names.len());
    for name in &names {
        let text =
            explain(&f, name).unwrap_or_else(|_| panic!("{name} is listed but not explained"));
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(name.as_str()),
            "{name}: first line {first}"
        );
        assert!(text.contains(name.as_str()), "{name}");
        assert!(
            !text.contains("（不存在）"),
            "{name} has a dangling input:\n{text}"
        );
        let figure = f.get(name).unwrap();
        let lines = f.fact_lines(name);
        if figure.is_fact() {
            assert_eq!(lines.len(), 1, "{name}");
        }
        for at in &lines {
            assert!(at.line > 0, "{name}: a fact without a line");
            let mark = format!("事实，第 {} 行", at.line);
            assert!(text.contains(&mark), "{name} should show «{mark}»:\n{text}");
        }
        if !figure.inputs.is_empty() && !lines.is_empty() {
            assert!(text.contains("事实，第 "), "{name}:\n{text}");
        }
    }
}

/// Walking the inputs from any figure ends at facts with a line, or at a
/// figure that is zero by definition; never at a missing name.
#[test]
fn every_branch_ends_at_a_fact_or_a_stated_zero() {
    let f = figures();
    for figure in f.iter() {
        let mut stack = vec![figure.name.clone()];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            let g = f
                .get(&n)
                .unwrap_or_else(|| panic!("{} rests on «{n}», which does not exist", figure.name));
            if g.inputs.is_empty() {
                let fact = g.is_fact() && g.at.is_some_and(|a| a.line > 0);
                let zero = is_constant(&g.formula) && g.value == Value::Number(0.into());
                assert!(
                    fact || zero,
                    "{} ends at {n}, neither a fact with a line nor a stated zero: {:?}",
                    figure.name,
                    g
                );
            } else {
                assert!(g.at.is_none(), "{n}: a derived figure with a YAML line");
                stack.extend(g.inputs.iter().cloned());
            }
        }
    }
}

/// Every fact line points at a line of the file that holds the value.
#[test]
fn fact_lines_point_at_their_values() {
    let f = figures();
    let lines: Vec<&str> = REFERENCE.lines().collect();
    for figure in f.iter().filter(|g| g.is_fact()) {
        let at = figure.at.unwrap();
        let line = lines[at.line - 1];
        let Value::Number(v) = &figure.value else {
            panic!("{}: a fact that is not a number", figure.name)
        };
        let shown = v.to_string();
        assert!(
            line.contains(&shown),
            "{} = {shown} is said to be on line {}: «{line}»",
            figure.name,
            at.line
        );
        assert!(at.column > 0, "{}", figure.name);
    }
}

#[test]
fn an_unknown_name_is_none() {
    assert!(explain(&figures(), "overall.bogus").is_err());
    assert!(explain(&figures(), "").is_err());
}

#[test]
fn explanation_shows_the_formula_and_both_inputs() {
    let text = explain(&figures(), "overall.execution_rate").unwrap();
    assert!(text.lines().next().unwrap().contains("96.46%"), "{text}");
    assert!(text.contains("÷"), "{text}");
    assert!(text.contains("overall.actual"), "{text}");
    assert!(text.contains("overall.full_year_budget"), "{text}");
    assert!(text.contains("7064.69 万元"), "{text}");
    assert!(text.contains("7324.16 万元"), "{text}");
    // The formula names its inputs by their labels, part first.
    let figures = figures();
    let label = |name: &str| figures.get(name).unwrap().label.clone();
    let formula = &figures.get("overall.execution_rate").unwrap().formula;
    assert!(
        formula.starts_with(&format!(
            "{} ÷ {} × 100%",
            label("overall.actual"),
            label("overall.full_year_budget")
        )),
        "{formula}"
    );
    // So does the execution score's: the rate and the weight.
    let formula = &figures.get("overall.execution_score").unwrap().formula;
    assert!(
        formula.contains(&label("overall.execution_rate")),
        "{formula}"
    );
    let actual = line_no(REFERENCE, "  actual: 6078.91 # 全年实际支出");
    assert!(
        text.contains(&format!(
            "basic.actual  基本支出实际支出 = 6078.91 万元（事实，第 {actual} 行）"
        )),
        "{text}"
    );
}

#[test]
fn the_grade_is_explained_through_the_total_score() {
    let text = explain(&figures(), "unit.grade").unwrap();
    assert!(text.lines().next().unwrap().contains("优"), "{text}");
    assert!(text.contains("unit.total_score"), "{text}");
    assert!(text.contains("99.65 分"), "{text}");
}

// ── the binary ──────────────────────────────────────────────────────

#[test]
fn binary_explains_the_execution_rate() {
    let out = jixiao(&["explain", "data/2024.yaml", "overall.execution_rate"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("96.46%"), "{stdout}");
    let actual = line_no(REFERENCE, "  actual: 6078.91 # 全年实际支出");
    assert!(stdout.contains("basic.actual"), "{stdout}");
    assert!(stdout.contains(&format!("第 {actual} 行")), "{stdout}");
}

#[test]
fn binary_explains_a_fact_with_its_line() {
    let out = jixiao(&["explain", "data/2024.yaml", "basic.actual"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let actual = line_no(REFERENCE, "  actual: 6078.91 # 全年实际支出");
    assert!(stdout.contains("6078.91 万元"), "{stdout}");
    assert!(
        stdout.contains(&format!("事实，第 {actual} 行")),
        "{stdout}"
    );
}

#[test]
fn binary_list_matches_the_library() {
    let out = jixiao(&["explain", "data/2024.yaml", "--list"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(listed(&stdout), listed(&list(&figures())));
}

#[test]
fn binary_unknown_name_exits_2_in_chinese() {
    let out = jixiao(&["explain", "data/2024.yaml", "overall.bogus"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("没有名为「overall.bogus」的数字"),
        "{stderr}"
    );
    assert!(stderr.contains("--list"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn binary_without_a_name_or_list_is_a_usage_error() {
    let out = jixiao(&["explain", "data/2024.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn binary_explains_as_json_what_the_tree_says() {
    let out = jixiao(&[
        "explain",
        "data/2024.yaml",
        "overall.execution_rate",
        "--format",
        "json",
    ]);
    assert!(out.status.success());
    let trace: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = figures();
    let figure = f.get("overall.execution_rate").unwrap();
    assert_eq!(trace["name"], "overall.execution_rate");
    assert_eq!(trace["formula"].as_str(), Some(figure.formula.as_str()));
    assert_eq!(
        trace,
        serde_json::to_value(jixiao::explain::trace(&f, "overall.execution_rate").unwrap())
            .unwrap()
    );
    // Down every branch to facts with their lines, as the tree.
    let mut facts = Vec::new();
    let mut stack = vec![&trace];
    while let Some(node) = stack.pop() {
        let inputs = node["inputs"].as_array().unwrap();
        if node["fact"] == true {
            assert!(inputs.is_empty());
            facts.push(node["line"].as_u64().unwrap());
        }
        stack.extend(inputs);
    }
    assert!(!facts.is_empty());
    let tree = explain(&f, "overall.execution_rate").unwrap();
    for line in facts {
        assert!(tree.contains(&format!("第 {line} 行")), "{line}");
    }
    let unknown = jixiao(&[
        "explain",
        "data/2024.yaml",
        "overall.bogus",
        "--format",
        "json",
    ]);
    assert_eq!(unknown.status.code(), Some(2));
}

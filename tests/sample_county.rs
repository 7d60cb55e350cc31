//! The second unit, 示例县数据服务中心: three projects, one of them a
//! 政府性基金预算 project with no initial budget, a qualitative indicator scored
//! below full marks and satisfaction indicators that lose points. Every figure
//! of its worked example is asserted exactly; the audit is silent on the file and
//! names the right indicator or project when any one reason is removed; the
//! report renders to Markdown (snapshot) and DOCX.
//!
//! Accept an intended change of the report with
//! `INSTA_UPDATE=always cargo test --test sample_county`, then read the diff of
//! `tests/snapshots/`.

mod common;

use std::io::{Cursor, Read};
use std::path::PathBuf;

use common::{d, jixiao_command, root};
use jixiao::Analysis;
use jixiao::audit::{Finding, Severity};
use jixiao::compute::{Figures, Value};
use jixiao::model::{load_file, load_str};

const FILE: &str = "data/examples/sample-county-2024.yaml";

fn path() -> PathBuf {
    root().join(FILE)
}

fn analysis() -> Analysis {
    Analysis::of(load_file(&path()).expect("the sample unit loads"))
}

fn check_figures(figures: &Figures, expected: &[(&str, &str)]) {
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|(name, want)| match figures.number(name) {
            Some(got) if got == d(want) => None,
            got => Some(format!("{name}: expected {want}, got {got:?}")),
        })
        .collect();
    assert!(wrong.is_empty(), "figures differ:\n{}", wrong.join("\n"));
}

fn grade(figures: &Figures, scope: &str) -> String {
    match figures.get(&format!("{scope}.grade")).map(|f| &f.value) {
        Some(Value::Text(t)) => t.clone(),
        other => panic!("{scope}.grade: {other:?}"),
    }
}

#[test]
fn execution_figures_match_the_worked_example() {
    check_figures(
        &analysis().figures,
        &[
            ("basic.execution_rate", "99.22"),
            ("basic.balance", "6.56"),
            ("project[政务云运维经费].execution_rate", "95.67"),
            ("project[数据共享平台建设].execution_rate", "84.98"),
            ("project[数字乡村试点].execution_rate", "64.08"),
            ("project[数字乡村试点].initial_budget", "0"),
            ("projects.full_year_budget", "800"),
            ("projects.actual", "682.55"),
            ("projects.execution_rate", "85.32"),
            ("overall.full_year_budget", "1645.20"),
            ("overall.actual", "1521.19"),
            ("overall.execution_rate", "92.46"),
            ("overall.execution_score", "9.25"),
            ("staffing.control_rate", "90.48"),
            // The fund project's money is 政府性基金预算 income, not 一般公共预算.
            ("overall.income[一般公共预算]", "1525.20"),
            ("overall.income[政府性基金预算]", "120"),
            ("projects_by_type[一般公共预算].full_year_budget", "680"),
            ("projects_by_type[政府性基金预算].full_year_budget", "120"),
            ("projects_by_type[政府性基金预算].actual", "76.90"),
            ("projects_by_type[政府性基金预算].execution_rate", "64.08"),
        ],
    );
}

#[test]
fn unit_scores_match_the_worked_example() {
    let analysis = analysis();
    let figures = &analysis.figures;
    check_figures(
        figures,
        &[
            ("unit.category[产出指标].score", "46.49"),
            ("unit.category[产出指标].weight", "50"),
            ("unit.category[效益指标].score", "27.2"),
            ("unit.category[效益指标].weight", "30"),
            ("unit.category[满意度指标].score", "9"),
            ("unit.category[满意度指标].weight", "10"),
            ("unit.total_weight", "100"),
            ("unit.total_score", "91.94"),
            // Below full marks: by rule, by the author (部分达成), by the satisfaction rule.
            (
                "unit.indicator[产出指标/数量指标/数据共享交换次数].score",
                "5.04",
            ),
            (
                "unit.indicator[产出指标/时效指标/平台上线时间].score",
                "4.2",
            ),
            (
                "unit.indicator[产出指标/成本指标/单位数据存储成本].score",
                "4.25",
            ),
            (
                "unit.indicator[效益指标/社会效益指标/数字乡村试点村数].score",
                "4.2",
            ),
            (
                "unit.indicator[满意度指标/服务对象满意度指标/群众满意度].score",
                "4",
            ),
        ],
    );
    assert_eq!(grade(figures, "unit"), "优");
}

#[test]
fn project_scores_match_the_worked_example() {
    let figures = analysis().figures;
    check_figures(
        &figures,
        &[
            ("project[政务云运维经费].total_score", "99.57"),
            ("project[数据共享平台建设].total_score", "89.2"),
            ("project[数字乡村试点].total_score", "84.41"),
            ("project[政务云运维经费].total_weight", "100"),
            ("project[数据共享平台建设].total_weight", "100"),
            ("project[数字乡村试点].total_weight", "100"),
        ],
    );
    assert_eq!(grade(&figures, "project[政务云运维经费]"), "优");
    assert_eq!(grade(&figures, "project[数据共享平台建设]"), "良");
    assert_eq!(grade(&figures, "project[数字乡村试点]"), "良");
}

#[test]
fn check_finds_nothing_and_passes_with_deny_warnings() {
    let analysis = analysis();
    let findings: Vec<String> = analysis
        .findings
        .iter()
        .map(|f| format!("{} {}", f.code, f.message))
        .collect();
    assert!(findings.is_empty(), "findings:\n{}", findings.join("\n"));
    let output = jixiao_command(&["check", "--deny-warnings"])
        .arg(path())
        .output()
        .expect("jixiao runs");
    assert!(
        output.status.success(),
        "check --deny-warnings exited with {}: {}",
        output.status,
        String::from_utf8_lossy(&output.stdout)
    );
}

/// What a reason on `line` explains: the indicator's table and name, or the
/// project whose execution it explains. Read from the lines above it.
fn explained_by(lines: &[&str], line: usize) -> (String, Option<String>) {
    let named = |l: &str| l.trim_start().strip_prefix("- name: ").map(str::to_string);
    let scope = lines[..line]
        .iter()
        .rev()
        .find_map(|l| {
            if *l == "self_evaluation:" {
                Some("单位整体".to_string())
            } else if l.starts_with("  - name: ") {
                named(l)
            } else {
                None
            }
        })
        .expect("a reason lies in a project or in self_evaluation");
    let indicator = if lines[line].trim_start().starts_with("execution_deviation:") {
        None
    } else {
        Some(
            lines[..line]
                .iter()
                .rev()
                .find_map(|l| named(l))
                .expect("an indicator's reason follows its name"),
        )
    };
    (scope, indicator)
}

#[test]
fn removing_any_one_reason_warns_about_exactly_that_indicator_or_project() {
    let text = std::fs::read_to_string(path()).expect("the sample unit is readable");
    let lines: Vec<&str> = text.lines().collect();
    let reasons: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.starts_with("deviation:") || t.starts_with("execution_deviation:")
        })
        .map(|(i, _)| i)
        .collect();
    assert_eq!(
        reasons.len(),
        11,
        "the worked example gives 11 reasons (5 unit indicators, 2 executions, 4 project indicators)"
    );
    for &removed in &reasons {
        let without: String = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != removed)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        let analysis = Analysis::of(load_str(&without, FILE).expect("still loads"));
        let what = format!("line {}: {}", removed + 1, lines[removed].trim());
        let findings: Vec<&Finding> = analysis.findings.iter().collect();
        assert_eq!(
            findings.len(),
            1,
            "{what}: expected one finding, got {findings:#?}"
        );
        let finding = findings[0];
        assert_eq!(finding.severity, Severity::Warning, "{what}");
        let (scope, indicator) = explained_by(&lines, removed);
        match indicator {
            Some(name) => {
                assert_eq!(finding.code, "J007", "{what}: {}", finding.message);
                assert!(
                    finding.message.starts_with(&format!("{scope}·"))
                        && finding.message.contains(&format!("·「{name}」")),
                    "{what}: the warning should name {scope} /「{name}」: {}",
                    finding.message
                );
            }
            None => {
                assert_eq!(finding.code, "J008", "{what}: {}", finding.message);
                assert!(
                    finding
                        .message
                        .starts_with(&format!("项目「{scope}」执行率")),
                    "{what}: the warning should name project「{scope}」: {}",
                    finding.message
                );
            }
        }
    }
}

fn markdown() -> String {
    common::markdown(&analysis())
}

/// The text of the section that starts with `heading` up to the next `## `.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .find(heading)
        .unwrap_or_else(|| panic!("no section {heading}"));
    let body = &markdown[start + heading.len()..];
    let end = body.find("\n## ").unwrap_or(body.len());
    body[..end].trim()
}

#[test]
fn markdown_has_three_project_tables() {
    let markdown = markdown();
    let labels: Vec<usize> = markdown
        .match_indices("\n附件3\n")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(labels.len(), 3, "three 附件3 labels");
    for (n, &at) in labels.iter().enumerate() {
        let rest = &markdown[at..];
        let next = labels.get(n + 1).map_or(rest.len(), |&b| b - at);
        assert_eq!(
            rest[..next].matches("<table>").count(),
            2,
            "a budget table and an indicator table after 附件3 label {}",
            n + 1
        );
    }
    for name in ["政务云运维经费", "数据共享平台建设", "数字乡村试点"] {
        assert!(
            markdown.contains(&format!("<td colspan=\"7\">{name}</td>")),
            "a 附件3 table for {name}"
        );
    }
}

#[test]
fn the_fund_project_is_reported_in_section_three_not_two() {
    let markdown = markdown();
    let three = section(&markdown, "## 三、政府性基金预算支出情况");
    assert_ne!(three, "无。");
    for figure in ["120.00", "76.90", "64.08%", "数字乡村试点"] {
        assert!(
            three.contains(figure),
            "section 三 states {figure}: {three}"
        );
    }
    assert_eq!(
        section(&markdown, "## 四、国有资本经营预算支出情况"),
        "无。"
    );
    assert_eq!(
        section(&markdown, "## 五、社会保险基金预算支出情况"),
        "无。"
    );
    let two = section(&markdown, "## 二、一般公共预算支出情况");
    assert!(!two.contains("数字乡村试点"), "section 二: {two}");
    assert!(two.contains("全年预算680.00万元"), "section 二: {two}");
}

#[test]
fn docx_builds_with_nine_tables() {
    let bytes = jixiao::pipeline::Output::Docx
        .of(&markdown(), &analysis())
        .expect("the DOCX builds");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("the DOCX is a zip");
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .expect("the DOCX has a body")
        .read_to_string(&mut xml)
        .expect("the body is UTF-8");
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        9,
        "附件1, then 附件2 and three 附件3 as a budget and an indicator table each"
    );
}

#[test]
fn sample_county_markdown() {
    insta::assert_snapshot!("sample_county_2024", markdown());
}

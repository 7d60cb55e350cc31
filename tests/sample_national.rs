//! The third unit, 示例市公共数据中心, scored by the national rules: a ≤
//! target missed, an “=” target exceeded, qualitative scores exactly at the
//! band edges (80 % 达成, 60 % 部分达成) and an indicator that does not
//! apply. Every figure its comments work out is asserted; the audit is
//! silent; each rule the file leans on shows when it is turned the other
//! way; the report builds.

mod common;

use common::{analyse, d, jixiao, line_no, replaced, root, stdout};
use jixiao::Analysis;

const FILE: &str = "data/examples/sample-national-2024.yaml";

fn text() -> String {
    std::fs::read_to_string(root().join(FILE)).expect("the national sample is readable")
}

fn wrong_figures(a: &Analysis, expected: &[(&str, &str)]) -> Vec<String> {
    expected
        .iter()
        .filter_map(|(name, want)| match a.figures.number(name) {
            Some(got) if got == d(want) => None,
            got => Some(format!("{name}: expected {want}, got {got:?}")),
        })
        .collect()
}

const UNIT: [(&str, &str); 22] = [
    ("overall.execution_rate", "92.46"),
    ("overall.execution_score", "9.25"),
    (
        "unit.indicator[产出指标/数量指标/数据共享交换次数].score",
        "5.04",
    ),
    ("unit.indicator[产出指标/质量指标/完成等保测评].score", "6"),
    (
        "unit.indicator[产出指标/时效指标/平台上线时间].score",
        "4.8",
    ),
    (
        "unit.indicator[产出指标/成本指标/单位数据存储成本].score",
        "4.35",
    ),
    ("unit.subcategory[产出指标/数量指标].score", "13.04"),
    ("unit.subcategory[产出指标/质量指标].score", "14"),
    ("unit.subcategory[产出指标/时效指标].score", "10.8"),
    ("unit.subcategory[产出指标/成本指标].score", "9.35"),
    ("unit.category[产出指标].score", "47.19"),
    ("unit.category[效益指标].weight", "30"),
    ("unit.category[效益指标].applicable_weight", "25"),
    (
        "unit.indicator[效益指标/经济效益指标/减少重复建设投资].rescaled_weight",
        "12",
    ),
    (
        "unit.indicator[效益指标/社会效益指标/办事材料精简率].rescaled_weight",
        "12",
    ),
    (
        "unit.indicator[效益指标/可持续影响指标/数据共享长效机制].rescaled_weight",
        "6",
    ),
    (
        "unit.indicator[效益指标/可持续影响指标/数据共享长效机制].score",
        "3.6",
    ),
    ("unit.category[效益指标].score", "27.6"),
    (
        "unit.indicator[满意度指标/服务对象满意度指标/群众满意度].score",
        "4",
    ),
    ("unit.category[满意度指标].score", "9"),
    ("unit.total_weight", "100"),
    ("unit.total_score", "93.04"),
];

#[test]
fn every_figure_of_the_worked_example() {
    let a = analyse(&text(), FILE);
    let mut wrong = wrong_figures(&a, &UNIT);
    wrong.extend(wrong_figures(
        &a,
        &[
            ("project[政务云运维经费].total_score", "99.57"),
            ("project[数据共享平台建设].total_score", "89.2"),
            ("project[数字乡村试点].total_score", "84.41"),
        ],
    ));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let grade = a.figures.get("unit.grade").map(|f| f.value.clone());
    assert_eq!(grade, Some(jixiao::compute::Value::Text("优".into())));
    let not_applicable = "unit.indicator[效益指标/社会效益指标/数据安全事件处置及时率].score";
    assert_eq!(a.figures.number(not_applicable), None);
}

#[test]
fn the_audit_is_silent_on_the_file() {
    let a = analyse(&text(), FILE);
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn under_hunan_the_exact_and_at_most_scores_fall() {
    let hunan = replaced(&text(), &[("  profile: national", "  profile: hunan #")]);
    let a = analyse(&hunan, FILE);
    // =1次 with 2: (1 − (2 − 1) ÷ 1) × 6 = 0; ≤0.8 with 0.92: 4.25;
    // total 93.04 − 6 − 0.10 = 86.94.
    let wrong = wrong_figures(
        &a,
        &[
            ("unit.indicator[产出指标/质量指标/完成等保测评].score", "0"),
            (
                "unit.indicator[产出指标/成本指标/单位数据存储成本].score",
                "4.25",
            ),
            ("unit.category[产出指标].score", "41.09"),
            ("unit.total_score", "86.94"),
        ],
    );
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn partly_achieved_at_exactly_80_percent_is_refused_under_national() {
    let edited = replaced(
        &text(),
        &[(
            "              rating: 达成\n              score: 4.8",
            "              rating: 部分达成\n              score: 4.8",
        )],
    );
    let a = analyse(&edited, FILE);
    let band: Vec<_> = a.findings.iter().filter(|f| f.code == "J006").collect();
    assert_eq!(band.len(), 1, "{:?}", a.findings);
    assert!(
        band[0]
            .lines
            .contains(&line_no(&edited, "              score: 4.8"))
    );
    // With the upper ends included, that is where 80 % belongs.
    let upper = replaced(
        &edited,
        &[(
            "  profile: national",
            "  profile: national\n  rating_edges: 含上限",
        )],
    );
    let a = analyse(&upper, FILE);
    let edges: Vec<_> = a.findings.iter().filter(|f| f.code == "J006").collect();
    // …and 60 % is then 未达成, so the 部分达成 at 3.6 of 6 is refused instead.
    assert_eq!(edges.len(), 1, "{:?}", a.findings);
    assert!(
        edges[0]
            .lines
            .contains(&line_no(&upper, "              score: 3.6"))
    );
}

#[test]
fn a_far_exceeded_target_asks_for_its_reason() {
    // 151 on ≥100 is 51 % above, over national's 50 %.
    let edited = replaced(
        &text(),
        &[(
            "              actual_value: 132",
            "              actual_value: 151",
        )],
    );
    let a = analyse(&edited, FILE);
    let over: Vec<_> = a.findings.iter().filter(|f| f.code == "J016").collect();
    assert_eq!(over.len(), 1, "{:?}", a.findings);
    assert_eq!(
        over[0].lines,
        vec![line_no(
            &edited,
            "            - name: 减少重复建设投资 # 折算分值 12；132 ≥ 100，得 12（超出 32%，不到 50%）"
        )]
    );
}

#[test]
fn the_report_builds_with_the_figures() {
    let out = tempfile::tempdir().unwrap();
    let run = jixiao(&["build", FILE, "-o", out.path().to_str().unwrap()]);
    assert!(run.status.success(), "{}", stdout(&run));
    let md = std::fs::read_to_string(out.path().join("sample-national-2024.md")).unwrap();
    for figure in ["93.04", "47.19", "27.6", "4.35"] {
        assert!(md.contains(figure), "{figure} missing from the report");
    }
    assert!(out.path().join("sample-national-2024.docx").is_file());
}

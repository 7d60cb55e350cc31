//! The audit (勾稽核对): every inconsistency of the reference report is found,
//! by rule, figure, both values and the YAML lines; then each rule on a small
//! synthetic case made by editing the reference text.

mod common;

use common::{
    REFERENCE, insert_after, jixiao, jixiao_in, line_after, line_of, lines_containing,
    remove_lines, set_line,
};
use jixiao::Analysis;
use jixiao::audit::{Finding, Severity, show};
use jixiao::compute::Value;

/// The line of a field (e.g. `score:`) of the indicator named `name`.
fn indicator_field(text: &str, name: &str, field: &str) -> usize {
    let at = line_of(text, &format!("- name: {name}"));
    let line = line_after(text, at, &format!("{field}:"));
    let next = text
        .lines()
        .enumerate()
        .skip(at)
        .find(|(_, l)| l.trim_start().starts_with("- name:"))
        .map_or(usize::MAX, |(i, _)| i + 1);
    assert!(line < next, "«{name}» has no {field}");
    line
}

/// The reported entries that disagree with the facts (or with each other).
const DISAGREEING: &[&str] = &[
    "figure: projects.initial_budget, value: 1181.76",
    "figure: unit.total_score, value: 99.98",
    "figure: overall.execution_score, value: 9.98",
    "figure: overall.actual, value: 7064.68",
    "figure: overall.execution_rate, value: 96.45",
    "figure: overall.execution_score, value: 9.64",
    "figure: base.projects.budget, value: 1343.35",
    "figure: \"project[业务工作经费].full_year_budget\", value: 436.49",
    "figure: basic.public, value: 1212.48",
    "figure: overall.initial_budget, value: 6912.38",
    "figure: \"overall.spending[基本支出]\", value: 6078.90",
    "figure: unit.total_score, value: 99.64",
    "figure: \"project[业务工作经费].initial_budget\", value: 428.73",
];

/// The reference without its inconsistencies: the disagreeing `reported`
/// entries removed, 人员经费 set so that 人员经费 + 公用经费 = 基本支出, and a
/// reason given for 业务工作经费's low execution rate.
fn clean() -> String {
    let mut text = REFERENCE.to_string();
    for needle in DISAGREEING {
        text = remove_lines(&text, needle);
    }
    // 6078.91 − 1215.97 = 4862.94
    let personnel = line_of(&text, "personnel: 4767.43");
    text = set_line(&text, personnel, "personnel: 4862.94");
    let note = line_of(&text, "# 执行率23.57%低于90%");
    set_line(
        &text,
        note,
        "execution_deviation: 部分培训、赛事延至次年举办，其他资金未能按期支出",
    )
}

fn analyse(text: &str) -> Analysis {
    common::analyse(text, "case.yaml")
}

fn all(a: &Analysis) -> String {
    a.findings
        .iter()
        .map(|f| format!("{} {:?} {:?}: {}", f.code, f.figures, f.lines, f.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The findings of rule `code` about `figure`.
fn about<'a>(a: &'a Analysis, code: &str, figure: &str) -> Vec<&'a Finding> {
    a.findings
        .iter()
        .filter(|f| f.code == code && f.figures.iter().any(|n| n == figure))
        .collect()
}

/// The one finding of rule `code` about `figure` whose message has `needle`.
fn one<'a>(a: &'a Analysis, code: &str, figure: &str, needle: &str) -> &'a Finding {
    let hits: Vec<_> = about(a, code, figure)
        .into_iter()
        .filter(|f| f.message.contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one {code} on {figure} mentioning «{needle}»; all findings:\n{}",
        all(a)
    );
    hits[0]
}

fn assert_mentions(f: &Finding, needles: &[&str]) {
    for n in needles {
        assert!(
            f.message.contains(n),
            "{} should mention «{n}»: {}",
            f.code,
            f.message
        );
    }
}

fn assert_lines(f: &Finding, lines: &[usize]) {
    for l in lines {
        assert!(
            f.lines.contains(l),
            "{} should name line {l}; has {:?}: {}",
            f.code,
            f.lines,
            f.message
        );
    }
}

fn reference() -> Analysis {
    analyse(REFERENCE)
}

// ── the reference's own inconsistencies ─────────────────────────────

#[test]
fn personnel_plus_public_is_not_basic_actual() {
    let a = reference();
    let f = one(&a, "J001", "basic.split_total", "5983.4");
    assert_eq!(f.severity, Severity::Error);
    assert!(f.figures.contains(&"basic.actual".to_string()));
    assert_mentions(f, &["5983.4", "6078.91", "4767.43", "1215.97", "95.51"]);
    assert_lines(
        f,
        &[
            line_of(REFERENCE, "  actual: 6078.91 # 全年实际支出"),
            line_of(REFERENCE, "  personnel: 4767.43"),
            line_of(REFERENCE, "  public: 1215.97"),
        ],
    );
}

#[test]
fn project_initial_budget_printed_wrong() {
    let a = reference();
    let f = one(&a, "J002", "projects.initial_budget", "1181.76");
    assert_mentions(f, &["1181.76", "1275.62"]);
    assert_eq!(
        f.lines[0],
        line_of(REFERENCE, "figure: projects.initial_budget, value: 1181.76")
    );
}

#[test]
fn business_project_initial_budget_printed_wrong() {
    let a = reference();
    let f = one(&a, "J002", "project[业务工作经费].initial_budget", "428.73");
    assert_mentions(f, &["428.73", "428.76"]);
    assert_eq!(
        f.lines[0],
        line_of(
            REFERENCE,
            "figure: \"project[业务工作经费].initial_budget\", value: 428.73"
        )
    );
    // and the facts it is summed from: 175.98 + 0 + 252.78
    let start = line_of(REFERENCE, "- name: 业务工作经费");
    assert_lines(
        f,
        &[
            line_after(REFERENCE, start, "initial_budget: 175.98"),
            line_after(REFERENCE, start, "initial_budget: 252.78"),
        ],
    );
}

#[test]
fn overall_initial_budget_printed_wrong() {
    let a = reference();
    let f = one(&a, "J002", "overall.initial_budget", "6912.38");
    assert_mentions(f, &["6912.38", "7259.02"]);
    assert_eq!(
        f.lines[0],
        line_of(REFERENCE, "figure: overall.initial_budget, value: 6912.38")
    );
}

#[test]
fn overall_actual_printed_wrong_in_two_places() {
    let a = reference();
    let f = one(&a, "J002", "overall.actual", "7064.68");
    assert_mentions(f, &["7064.68", "7064.69", "六㈠", "附件2"]);
    let printed = lines_containing(REFERENCE, "figure: overall.actual, value: 7064.68");
    assert_eq!(printed.len(), 2);
    assert_lines(f, &printed);
}

#[test]
fn execution_rate_off_by_a_rounding_step() {
    let a = reference();
    let f = one(&a, "J002", "overall.execution_rate", "96.45");
    assert_mentions(f, &["96.45%", "96.46%", "0.01", "舍入"]);
    let printed = lines_containing(REFERENCE, "figure: overall.execution_rate, value: 96.45");
    assert_eq!(printed.len(), 2);
    assert_lines(f, &printed);
}

#[test]
fn execution_score_printed_two_ways() {
    let a = reference();
    let high = line_of(REFERENCE, "figure: overall.execution_score, value: 9.98");
    let low = lines_containing(REFERENCE, "figure: overall.execution_score, value: 9.64");
    assert_eq!(low.len(), 2);

    let f = one(&a, "J002", "overall.execution_score", "9.98");
    assert_mentions(f, &["9.98", "9.65"]);
    assert_eq!(f.lines[0], high);

    let f = one(&a, "J002", "overall.execution_score", "9.64");
    assert_mentions(f, &["9.64", "9.65", "0.01"]);
    assert_lines(f, &low);

    let f = one(&a, "J003", "overall.execution_score", "9.98");
    assert_mentions(f, &["9.64", "9.98", "9.65"]);
    let mut both = low.clone();
    both.push(high);
    assert_lines(f, &both);
}

#[test]
fn total_score_printed_two_ways() {
    let a = reference();
    let high = line_of(REFERENCE, "figure: unit.total_score, value: 99.98");
    let low = line_of(REFERENCE, "figure: unit.total_score, value: 99.64");

    let f = one(&a, "J003", "unit.total_score", "99.98");
    assert_mentions(f, &["99.98", "99.64", "99.65"]);
    assert_lines(f, &[high, low]);

    let f = one(&a, "J002", "unit.total_score", "99.98");
    assert_mentions(f, &["99.65"]);
    assert_eq!(f.lines[0], high);

    let f = one(&a, "J002", "unit.total_score", "99.64");
    assert_mentions(f, &["99.65", "0.01"]);
    assert_eq!(f.lines[0], low);
}

#[test]
fn public_funds_actual_printed_wrong() {
    let a = reference();
    let f = one(&a, "J002", "basic.public", "1212.48");
    assert_mentions(f, &["1212.48", "1215.97"]);
    assert_lines(
        f,
        &[
            line_of(REFERENCE, "figure: basic.public, value: 1212.48"),
            line_of(REFERENCE, "  public: 1215.97"),
        ],
    );
}

#[test]
fn basic_spending_printed_one_cent_short() {
    let a = reference();
    // The message shows the printed value as it was printed: 6078.90.
    let f = one(&a, "J002", "overall.spending[基本支出]", "6078.90 ");
    assert_mentions(f, &["6078.91"]);
    assert_lines(
        f,
        &[
            line_of(
                REFERENCE,
                "figure: \"overall.spending[基本支出]\", value: 6078.90",
            ),
            line_of(REFERENCE, "  actual: 6078.91 # 全年实际支出"),
        ],
    );
}

#[test]
fn business_project_budget_printed_two_ways() {
    let a = reference();
    let base = line_of(
        REFERENCE,
        "figure: \"project[业务工作经费].full_year_budget\", value: 436.49",
    );
    let table = line_of(
        REFERENCE,
        "figure: \"project[业务工作经费].full_year_budget\", value: 334.9",
    );
    let f = one(
        &a,
        "J002",
        "project[业务工作经费].full_year_budget",
        "436.49",
    );
    assert_mentions(f, &["436.49", "334.9"]);
    assert_eq!(f.lines[0], base);
    let f = one(
        &a,
        "J003",
        "project[业务工作经费].full_year_budget",
        "436.49",
    );
    assert_mentions(f, &["436.49", "334.9"]);
    assert_lines(f, &[base, table]);
    // 334.9 is right: no J002 mentions it as printed.
    assert!(
        about(&a, "J002", "project[业务工作经费].full_year_budget")
            .iter()
            .all(|f| !f.lines.contains(&table)),
        "{}",
        all(&a)
    );
}

#[test]
fn base_data_project_budget_printed_wrong() {
    let a = reference();
    let f = one(&a, "J002", "base.projects.budget", "1343.35");
    assert_mentions(f, &["1343.35", "1241.76"]);
    assert_eq!(
        f.lines[0],
        line_of(REFERENCE, "figure: base.projects.budget, value: 1343.35")
    );
}

#[test]
fn low_execution_without_a_reason() {
    let a = reference();
    let f = one(&a, "J008", "project[业务工作经费].execution_rate", "23.57");
    assert_eq!(f.severity, Severity::Warning);
    assert_mentions(f, &["23.57%", "90%", "业务工作经费", "execution_deviation"]);
    let start = line_of(REFERENCE, "- name: 业务工作经费");
    assert_lines(
        f,
        &[
            line_after(REFERENCE, start, "full_year_budget: 82.12"),
            line_after(REFERENCE, start, "actual: 72.12"),
        ],
    );
}

#[test]
fn the_reference_has_many_errors_and_no_false_alarms() {
    let a = reference();
    assert!(a.errors() >= 8, "errors: {}\n{}", a.errors(), all(&a));
    assert_eq!(
        a.errors(),
        a.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    );
    // Errors come first.
    let first_warning = a
        .findings
        .iter()
        .position(|f| f.severity == Severity::Warning)
        .unwrap_or(a.findings.len());
    assert!(
        a.findings[first_warning..]
            .iter()
            .all(|f| f.severity == Severity::Warning)
    );
    // Figures printed right raise nothing.
    for fine in [
        "basic.balance",
        "basic.execution_rate",
        "projects.execution_rate",
        "projects.balance",
        "staffing.control_rate",
        "three_public.actual",
        "overall.full_year_budget",
        "overall.income[其他资金]",
        "unit.category[产出指标].score",
        "project[业务工作经费].total_score",
    ] {
        assert!(
            a.findings
                .iter()
                .all(|f| !f.figures.iter().any(|n| n == fine)),
            "{fine} is printed right but has a finding:\n{}",
            all(&a)
        );
    }
    // Every reported entry that disagrees is the first line of some J002 or J003.
    for needle in DISAGREEING {
        for line in lines_containing(REFERENCE, needle) {
            assert!(
                a.findings
                    .iter()
                    .any(|f| matches!(f.code, "J002" | "J003") && f.lines.contains(&line)),
                "no finding for line {line} («{needle}»)"
            );
        }
    }
}

// ── a clean file and each rule on its own ───────────────────────────

#[test]
fn the_clean_variant_has_no_findings() {
    let a = analyse(&clean());
    assert!(a.findings.is_empty(), "{}", all(&a));
    assert_eq!(a.errors(), 0);
    assert_eq!(a.warnings(), 0);
}

#[test]
fn check_on_the_clean_variant_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clean.yaml"), clean()).unwrap();
    let out = jixiao_in(dir.path(), &["check", "clean.yaml"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("核对通过"));
}

#[test]
fn warnings_alone_exit_0_unless_denied() {
    let text = clean();
    // 公用经费 2023年决算数 feeds no sum that is printed.
    let at = line_of(&text, "last_year: 1215.97");
    let text = set_line(&text, at, "last_year: 1215.971 # 2023年决算数");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("warn.yaml"), text).unwrap();
    let out = jixiao_in(dir.path(), &["check", "warn.yaml"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("J011"), "{stdout}");
    assert!(stdout.contains(&format!("warn.yaml:{at}")), "{stdout}");
    let out = jixiao_in(dir.path(), &["check", "warn.yaml", "--deny-warnings"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn check_json_matches_the_library() {
    let a = reference();
    let out = jixiao(&["check", "data/2024.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(json["errors"].as_u64(), Some(a.errors() as u64));
    assert_eq!(json["warnings"].as_u64(), Some(a.warnings() as u64));
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), a.findings.len());
    assert_eq!(findings[0]["code"].as_str(), Some(a.findings[0].code));
    assert_eq!(
        findings[0]["lines"].as_array().map(|l| l.len()),
        Some(a.findings[0].lines.len())
    );
}

const QUALITATIVE: &str = "维护中心网络安全建设、OA系统提质改造";
const QUALITATIVE_SCORE: &str =
    "unit.indicator[产出指标/质量指标/维护中心网络安全建设、OA系统提质改造].score";

/// The clean text with the qualitative indicator's score set, plus extra fields.
fn qualitative(score: &str, extra: &[&str]) -> (String, usize) {
    let text = clean();
    let at = indicator_field(&text, QUALITATIVE, "score");
    let mut text = set_line(&text, at, &format!("score: {score}"));
    for e in extra.iter().rev() {
        text = insert_after(&text, at, e);
    }
    (text, at)
}

#[test]
fn a_qualitative_score_outside_its_rating_band() {
    let (text, at) = qualitative("3", &["rating: 达成", "deviation: 部分工作未完成"]);
    let a = analyse(&text);
    let f = one(&a, "J006", QUALITATIVE_SCORE, "达成");
    assert_eq!(f.severity, Severity::Error);
    assert_mentions(f, &["3 分", "80%", "4 分"]);
    assert_lines(f, &[at]);

    // 3 of 5 is 60%: the lower end of 部分达成 (60 % included), not 未达成
    // (below 60 %), under the default edges.
    let (text, _) = qualitative("3", &["rating: 部分达成", "deviation: 原因"]);
    let a = analyse(&text);
    assert!(
        about(&a, "J006", QUALITATIVE_SCORE).is_empty(),
        "{}",
        all(&a)
    );
    let (text, _) = qualitative("3", &["rating: 未达成", "deviation: 原因"]);
    one(&analyse(&text), "J006", QUALITATIVE_SCORE, "未达成");
    // 4.5 of 5 is 90%: outside 部分达成.
    let (text, _) = qualitative("4.5", &["rating: 部分达成", "deviation: 原因"]);
    let a = analyse(&text);
    one(&a, "J006", QUALITATIVE_SCORE, "部分达成");
}

#[test]
fn a_score_above_its_weight() {
    let (text, at) = qualitative("6", &[]);
    let a = analyse(&text);
    let f = one(&a, "J005", QUALITATIVE_SCORE, "6 分");
    assert_mentions(f, &["5 分"]);
    assert_lines(f, &[at]);

    let (text, _) = qualitative("-1", &["deviation: 原因"]);
    let a = analyse(&text);
    one(&a, "J005", QUALITATIVE_SCORE, "-1 分");
}

#[test]
fn an_author_score_that_disagrees_with_the_rule() {
    let text = clean();
    let name = "调研考察工业企业数量";
    let at = indicator_field(&text, name, "score");
    let text = set_line(&text, at, "score: 4");
    let a = analyse(&text);
    let figure = format!("unit.indicator[产出指标/数量指标/{name}].score");
    let f = one(&a, "J004", &figure, "4 分");
    assert_mentions(f, &["5 分", name]);
    assert_lines(f, &[line_of(&text, &format!("- name: {name}")), at]);
    // The computed score stands: full marks, so nothing else changes.
    assert_eq!(a.figures.number(&figure), Some(5.into()));
    assert_eq!(a.errors(), 1, "{}", all(&a));
}

#[test]
fn a_computed_score_below_the_author_score() {
    // 150 of ≥300 gives 2.5 of 5 by the rule; the author's 5 disagrees.
    let text = clean();
    let name = "调研考察工业企业数量";
    let at = indicator_field(&text, name, "actual_value");
    let text = set_line(&text, at, "actual_value: 150");
    let a = analyse(&text);
    let figure = format!("unit.indicator[产出指标/数量指标/{name}].score");
    assert_eq!(a.figures.number(&figure), Some("2.5".parse().unwrap()));
    one(&a, "J004", &figure, "2.5 分");
    one(&a, "J007", &figure, "2.5 分");
}

#[test]
fn a_short_score_needs_a_deviation() {
    let (text, at) = qualitative("4", &[]);
    let a = analyse(&text);
    let f = one(&a, "J007", QUALITATIVE_SCORE, "4 分");
    assert_eq!(f.severity, Severity::Warning);
    assert_mentions(f, &["5 分", "deviation"]);
    assert_lines(f, &[at]);

    let (text, _) = qualitative("4", &["deviation: 网络安全改造有一项延至次年"]);
    let a = analyse(&text);
    assert!(
        about(&a, "J007", QUALITATIVE_SCORE).is_empty(),
        "{}",
        all(&a)
    );
    // Full marks need no deviation.
    let a = analyse(&clean());
    assert!(about(&a, "J007", QUALITATIVE_SCORE).is_empty());
}

#[test]
fn a_score_that_cannot_be_obtained() {
    let text = clean();
    let at = indicator_field(&text, QUALITATIVE, "score");
    let text = set_line(&text, at, "# score 删去");
    let a = analyse(&text);
    let f = one(&a, "J010", QUALITATIVE_SCORE, QUALITATIVE);
    assert_lines(f, &[line_of(&text, &format!("- name: {QUALITATIVE}"))]);
    assert_eq!(
        a.figures.get(QUALITATIVE_SCORE).map(|f| &f.value),
        Some(&Value::Missing)
    );
}

#[test]
fn weights_not_adding_up_to_100() {
    let text = clean();
    let start = line_of(&text, "self_evaluation:");
    let at = line_after(&text, start, "execution_weight:");
    let text = set_line(&text, at, "execution_weight: 11");
    let a = analyse(&text);
    let f = one(&a, "J009", "unit.total_weight", "101");
    assert_mentions(f, &["100", "单位整体"]);
    assert_lines(f, &[at]);
    // Project tables still add up.
    assert!(about(&a, "J009", "project[运行维护经费].total_weight").is_empty());
}

#[test]
fn a_project_table_not_adding_up_to_100() {
    let text = clean();
    let at = indicator_field(&text, "新增公务用车", "weight");
    let text = set_line(&text, at, "weight: 4");
    let a = analyse(&text);
    let f = one(&a, "J009", "project[运行维护经费].total_weight", "99");
    assert_mentions(f, &["运行维护经费"]);
    assert_lines(f, &[at]);
}

#[test]
fn a_reported_entry_with_an_unknown_figure_name() {
    let mut text = clean();
    text.push_str("  - { figure: overall.bogus, value: 1, at: 测试 }\n");
    text.push_str("  - { figure: nothing.here, value: 1, at: 测试 }\n");
    let a = analyse(&text);
    let f = one(&a, "J012", "overall.bogus", "overall.bogus");
    assert_eq!(f.severity, Severity::Error);
    assert_mentions(f, &["相近的名称", "overall.actual"]);
    assert_eq!(f.lines, vec![line_of(&text, "overall.bogus")]);
    let f = one(&a, "J012", "nothing.here", "nothing.here");
    assert_mentions(f, &["explain --list"]);
    assert_eq!(a.errors(), 2, "{}", all(&a));
}

#[test]
fn a_project_spending_above_its_budget() {
    let text = clean();
    let start = line_of(&text, "- name: 运行维护经费");
    let at = line_after(&text, start, "actual: 906.86");
    let text = set_line(&text, at, "actual: 950");
    let a = analyse(&text);
    let f = one(&a, "J013", "project[运行维护经费].actual", "950");
    assert_eq!(f.severity, Severity::Warning);
    assert_mentions(f, &["906.86", "运行维护经费"]);
    assert_lines(f, &[at]);
    assert!(about(&a, "J013", "overall.actual").is_empty());
}

#[test]
fn public_funds_items_exceeding_the_total() {
    let text = clean();
    let start = line_of(&text, "- name: 办公经费");
    let at = line_after(&text, start, "actual:");
    let text = set_line(&text, at, "actual: 1300");
    let a = analyse(&text);
    // 1300 + 73.3 + 37.53 = 1410.83 > 1215.97
    let f = one(&a, "J014", "public_funds.items_total.actual", "1410.83");
    assert_eq!(f.severity, Severity::Error);
    assert_mentions(f, &["1215.97"]);
    assert_lines(f, &[at, line_of(&text, "  public: 1215.97")]);
    assert!(about(&a, "J014", "public_funds.items_total.budget").is_empty());
}

#[test]
fn zero_budgets_give_missing_rates_without_panic() {
    let mut text = clean();
    let basic = line_of(&text, "  full_year_budget: 6082.4");
    text = set_line(&text, basic, "full_year_budget: 0");
    let start = line_of(&text, "- name: 运行维护经费");
    let project = line_after(&text, start, "full_year_budget: 906.86");
    text = set_line(&text, project, "full_year_budget: 0");
    let staff = line_of(&text, "authorized: 66");
    text = set_line(&text, staff, "authorized: 0");
    let a = analyse(&text);
    for name in [
        "basic.execution_rate",
        "project[运行维护经费].execution_rate",
        "project[运行维护经费].execution_score",
        "staffing.control_rate",
    ] {
        let f = a.figures.get(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(f.value, Value::Missing, "{name}");
        assert_eq!(show(f.kind, &f.value), "—", "{name}");
        let text = jixiao::explain::explain(&a.figures, name).expect("explained");
        assert!(text.contains("—"), "{text}");
    }
    // Spending against a zero budget is overspending; a missing rate is not “low”.
    one(&a, "J013", "project[运行维护经费].actual", "906.86");
    one(&a, "J013", "basic.actual", "6078.91");
    assert!(
        about(&a, "J008", "basic.execution_rate").is_empty(),
        "{}",
        all(&a)
    );
    // The overall rate still exists.
    assert!(a.figures.number("overall.execution_rate").is_some());
}

#[test]
fn all_zero_money_does_not_panic() {
    let mut zeroed = 0;
    let text: String = clean()
        .split_inclusive('\n')
        .map(|l| {
            let t = l.trim_start();
            let indent = &l[..l.len() - t.len()];
            for key in ["initial_budget:", "full_year_budget:", "actual:"] {
                let numeric = t.strip_prefix(key).is_some_and(|v| {
                    let v = v.split('#').next().unwrap_or("").trim();
                    !v.is_empty() && v.chars().all(|c| c.is_ascii_digit() || c == '.')
                });
                if numeric {
                    zeroed += 1;
                    return format!("{indent}{key} 0\n");
                }
            }
            l.to_string()
        })
        .collect();
    assert!(zeroed > 10, "{zeroed}");
    let a = analyse(&text);
    for name in [
        "overall.execution_rate",
        "overall.execution_score",
        "projects.execution_rate",
    ] {
        assert_eq!(
            a.figures.get(name).map(|f| &f.value),
            Some(&Value::Missing),
            "{name}"
        );
    }
    assert_eq!(a.figures.number("overall.actual"), Some(0.into()));
}

#[test]
fn truncation_rule_changes_the_rates() {
    let at = line_of(REFERENCE, "rounding: 四舍五入");
    let text = set_line(REFERENCE, at, "rounding: 截断");
    let a = analyse(&text);
    assert_eq!(
        a.figures.number("overall.execution_rate"),
        Some("96.45".parse().unwrap())
    );
    // 96.45 × 10 ÷ 100 = 9.645, truncated.
    assert_eq!(
        a.figures.number("overall.execution_score"),
        Some("9.64".parse().unwrap())
    );
    // 78.92 ÷ 334.9 = 23.5652…%
    assert_eq!(
        a.figures.number("project[业务工作经费].execution_rate"),
        Some("23.56".parse().unwrap())
    );
    assert!(
        a.figures
            .get("overall.execution_rate")
            .is_some_and(|f| f.formula.contains("截断"))
    );
    // The printed 96.45 now agrees; the printed 9.98 still does not.
    assert!(
        about(&a, "J002", "overall.execution_rate").is_empty(),
        "{}",
        all(&a)
    );
    one(&a, "J002", "overall.execution_score", "9.98");
    // Half-up is the default: without `rules:` the rate is 96.46.
    let start = line_of(REFERENCE, "rules:");
    let text = set_line(REFERENCE, start, "# rules:");
    let text = set_line(&text, start + 1, "# rounding");
    let text = set_line(&text, start + 2, "# profile");
    let a = analyse(&text);
    assert_eq!(
        a.figures.number("overall.execution_rate"),
        Some("96.46".parse().unwrap())
    );
}

//! The scoring rules (`rules:`) against the inputs that could fool them:
//! targets of 0, negative actuals, twice the target exactly, the band edges
//! and one hundredth either side, 执行率 of exactly 100 % and just over, a
//! zero budget, satisfaction at its step edges, over-achievement at exactly
//! the threshold, a reduced score out of range or without a reason, options
//! written without a value or in English. Each gives the figure worked out
//! in the comment, or a located error.

mod common;

use common::{analyse, d, line_no, line_of, load_err, minimal, replaced};
use jixiao::Analysis;
use jixiao::model::load_str;
use rust_decimal::Decimal;

const UNIT_SCORE: &str = "unit.indicator[产出指标/数量指标/开展活动次数].score";
const PROJECT_EXECUTION: &str = "project[运行维护经费].execution_score";
const PROJECT_TOTAL: &str = "project[运行维护经费].total_score";

fn with_rules(text: &str, rules: &str) -> String {
    if rules.is_empty() {
        text.to_string()
    } else {
        format!("{text}rules:\n{rules}")
    }
}

/// The minimal file with its unit indicator's weight and target set, the
/// lines `after` (indented under the indicator) in place of its measured
/// value, and `rules` appended.
fn unit_indicator(weight: &str, target: &str, after: &[&str], rules: &str) -> String {
    let lines: String = after
        .iter()
        .map(|l| format!("              {l}\n"))
        .collect();
    let text = replaced(
        &minimal(),
        &[
            (
                "              weight: 90\n              target: ≥5次",
                &format!("              weight: {weight}\n              target: \"{target}\""),
            ),
            ("              actual_value: 5\n", &lines),
        ],
    );
    with_rules(&text, rules)
}

fn number(a: &Analysis, name: &str) -> Option<Decimal> {
    a.figures.number(name)
}

fn codes(a: &Analysis) -> Vec<&'static str> {
    let mut codes: Vec<&str> = a.findings.iter().map(|f| f.code).collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// The lines of the findings with `code`.
fn lines_of(a: &Analysis, code: &str) -> Vec<Vec<usize>> {
    (a.findings.iter())
        .filter(|f| f.code == code)
        .map(|f| f.lines.clone())
        .collect()
}

const HUNAN: &str = "";
const NATIONAL: &str = "  profile: national\n";
const OVERRUN: &str = "  at_most_missed: 超出扣减\n  exact_exceeded: 超出扣减\n";
const RATIO: &str = "  at_most_missed: 目标比实际\n  exact_exceeded: 目标比实际\n";
const FULL: &str = "  exact_exceeded: 满分\n";

/// Each case: (weight, target, actual, rules, expected score). The
/// indicator has a deviation, so that no finding but the score is asked of it.
fn check_scores(cases: &[(&str, &str, &str, &str, &str)]) {
    let mut wrong = Vec::new();
    for &(weight, target, actual, rules, want) in cases {
        let after = [
            &format!("actual_value: {actual}") as &str,
            "deviation: 说明",
        ];
        let a = analyse(&unit_indicator(weight, target, &after, rules), "x.yaml");
        let got = number(&a, UNIT_SCORE);
        if got != Some(d(want)) {
            wrong.push(format!(
                "{target} actual {actual} weight {weight} [{}]: {got:?}, want {want}",
                rules.trim().replace('\n', "; ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn targets_of_zero_under_every_option() {
    check_scores(&[
        // ≤0 met by 0: full marks under both formulas.
        ("10", "≤0", "0", OVERRUN, "10"),
        ("10", "≤0", "0", RATIO, "10"),
        // ≤0 missed by a hundredth: nothing to divide by, 0 (never a
        // division by zero, never full marks).
        ("10", "≤0", "0.01", OVERRUN, "0"),
        ("10", "≤0", "0.01", RATIO, "0"),
        // ≥0 met by 0; missed by −0.01 (0 to divide by): 0.
        ("10", "≥0", "0", HUNAN, "10"),
        ("10", "≥0", "-0.01", NATIONAL, "0"),
        // =0 met by 0 under every option.
        ("10", "=0", "0", OVERRUN, "10"),
        ("10", "=0", "0", RATIO, "10"),
        ("10", "=0", "0", FULL, "10"),
        // =0 exceeded by 1: 满分 gives full marks once reached; the two
        // formulas have no target to divide by: 0.
        ("10", "=0", "1", FULL, "10"),
        ("10", "=0", "1", OVERRUN, "0"),
        ("10", "=0", "1", RATIO, "0"),
        // <0 is not met by 0 (strict), and 0 cannot be divided by: 0.
        ("10", "<0", "0", HUNAN, "0"),
        ("10", "<0", "0", NATIONAL, "0"),
    ]);
}

#[test]
fn negative_actuals_never_score_above_what_they_reached() {
    check_scores(&[
        // ≥5, actual −1: −1 ÷ 5 × 10 = −2, never below 0 → 0.
        ("10", "≥5次", "-1", HUNAN, "0"),
        ("10", "≥5次", "-1", NATIONAL, "0"),
        // =1, actual −1: short of it, −1 ÷ 1 × 10 → 0 under every option.
        ("10", "1处", "-1", FULL, "0"),
        ("10", "1处", "-1", RATIO, "0"),
        ("10", "1处", "-1", OVERRUN, "0"),
        // ≤5, actual −1: below the ceiling, met: 10.
        ("10", "≤5次", "-1", OVERRUN, "10"),
        ("10", "≤5次", "-1", RATIO, "10"),
        // A satisfaction rate of −5 %: 20 steps of 1 from 10, never below 0.
        (
            "10",
            SATISFACTION,
            "-5",
            "  satisfaction_steps: 整档\n",
            "0",
        ),
        (
            "10",
            SATISFACTION,
            "-5",
            "  satisfaction_steps: 按比例\n",
            "0",
        ),
    ]);
}

#[test]
fn ceilings_around_twice_the_target() {
    check_scores(&[
        // ≤1, actual 2 (twice): (1 − 1 ÷ 1) × 10 = 0; 1 ÷ 2 × 10 = 5.
        ("10", "≤1次", "2", OVERRUN, "0"),
        ("10", "≤1次", "2", RATIO, "5"),
        // 2.01: (1 − 1.01) × 10 < 0 → 0, never negative;
        // 1 ÷ 2.01 × 10 = 4.9751… → 4.98.
        ("10", "≤1次", "2.01", OVERRUN, "0"),
        ("10", "≤1次", "2.01", RATIO, "4.98"),
        // 1.99: (1 − 0.99) × 10 = 0.1; 1 ÷ 1.99 × 10 = 5.0251… → 5.03.
        ("10", "≤1次", "1.99", OVERRUN, "0.1"),
        ("10", "≤1次", "1.99", RATIO, "5.03"),
        // At the target: full; a hundredth over ≤5:
        // (1 − 0.01 ÷ 5) × 10 = 9.98; 5 ÷ 5.01 × 10 = 9.9800… → 9.98.
        ("10", "≤5次", "5", OVERRUN, "10"),
        ("10", "≤5次", "5.01", OVERRUN, "9.98"),
        ("10", "≤5次", "5.01", RATIO, "9.98"),
        // A range's top, twice over: 90%-100% with 200:
        // (1 − 100 ÷ 100) × 10 = 0; 100 ÷ 200 × 10 = 5.
        ("10", "90%-100%", "200", OVERRUN, "0"),
        ("10", "90%-100%", "200", RATIO, "5"),
        // <5 with 5 itself: either formula gives 10, but the target is not
        // met, so one hundredth short of full marks: 9.99.
        ("10", "<5次", "5", OVERRUN, "9.99"),
        ("10", "<5次", "5", RATIO, "9.99"),
    ]);
}

#[test]
fn exact_targets_just_either_side() {
    check_scores(&[
        // “=2次” with 4 (twice): 满分 10; 2 ÷ 4 × 10 = 5; (1 − 2 ÷ 2) × 10 = 0.
        ("10", "=2次", "4", FULL, "10"),
        ("10", "=2次", "4", RATIO, "5"),
        ("10", "=2次", "4", OVERRUN, "0"),
        // “1处” with 1.01: 10; 1 ÷ 1.01 × 10 = 9.9009… → 9.90;
        // (1 − 0.01) × 10 = 9.9.
        ("10", "1处", "1.01", FULL, "10"),
        ("10", "1处", "1.01", RATIO, "9.9"),
        ("10", "1处", "1.01", OVERRUN, "9.9"),
        // 0.99, short: 0.99 ÷ 1 × 10 = 9.9 whatever the option.
        ("10", "1处", "0.99", FULL, "9.9"),
        ("10", "1处", "0.99", RATIO, "9.9"),
        ("10", "1处", "0.99", OVERRUN, "9.9"),
        // Exactly 1: full under every option.
        ("10", "1处", "1", FULL, "10"),
        ("10", "1处", "1", OVERRUN, "10"),
    ]);
}

const SATISFACTION: &str = "95%以上计满分，每降5%扣1分，扣完为止。";
const WHOLE: &str = "  satisfaction_steps: 整档\n";
const PARTIAL: &str = "  satisfaction_steps: 按比例\n";

#[test]
fn satisfaction_at_the_step_edges() {
    check_scores(&[
        // 95 exactly and 100: full under both.
        ("10", SATISFACTION, "95", WHOLE, "10"),
        ("10", SATISFACTION, "95", PARTIAL, "10"),
        ("10", SATISFACTION, "100", PARTIAL, "10"),
        // 94.99: ⌊0.01 ÷ 5⌋ = 0 steps → 10; partly 10 − 0.002 = 9.998,
        // which would round to 10.00, but 95 % was not reached: 9.99.
        ("10", SATISFACTION, "94.99", WHOLE, "10"),
        ("10", SATISFACTION, "94.99", PARTIAL, "9.99"),
        // 90.01: ⌊4.99 ÷ 5⌋ = 0 → 10; partly 10 − 0.998 = 9.002 → 9.
        ("10", SATISFACTION, "90.01", WHOLE, "10"),
        ("10", SATISFACTION, "90.01", PARTIAL, "9"),
        // 90 exactly: one whole step → 9 under both.
        ("10", SATISFACTION, "90", WHOLE, "9"),
        ("10", SATISFACTION, "90", PARTIAL, "9"),
        // 89.99: ⌊5.01 ÷ 5⌋ = 1 → 9; partly 10 − 1.002 = 8.998 → 9.
        ("10", SATISFACTION, "89.99", WHOLE, "9"),
        ("10", SATISFACTION, "89.99", PARTIAL, "9"),
        // A small weight: 85 gives 3 − ⌊10 ÷ 5⌋ × 1 = 1; 75 gives
        // 3 − ⌊20 ÷ 5⌋ × 1 = −1, never below 0 → 0.
        ("3", SATISFACTION, "85", WHOLE, "1"),
        ("3", SATISFACTION, "75", WHOLE, "0"),
    ]);
}

/// The minimal file with the project's full-year budget and spending set
/// (its execution weight is 10) and `rules` appended.
fn spent(budget: &str, actual: &str, rules: &str) -> (String, Analysis) {
    let text = with_rules(
        &replaced(
            &minimal(),
            &[(
                "        full_year_budget: 60\n        actual: 55",
                &format!("        full_year_budget: {budget}\n        actual: {actual}"),
            )],
        ),
        rules,
    );
    let a = analyse(&text, "执行率.yaml");
    (text, a)
}

const CAPPED: &str = "  execution_score: 线性封顶\n";
const UNCAPPED: &str = "  execution_score: 线性不封顶\n";
const BANDS: &str = "  execution_score: 分档\n  execution_bands:\n    - { from: 80, share: 60 }\n    - { from: 95, share: 100 }\n";

#[test]
fn execution_rates_at_100_percent_and_at_the_band_edges() {
    let cases = [
        // 100 ÷ 100 = 100 % exactly: 10 under every option.
        ("100", "100", CAPPED, "10"),
        ("100", "100", UNCAPPED, "10"),
        ("100", "100", BANDS, "10"),
        // 100.01 %: capped 10; uncapped 100.01 % × 10 = 10.001 → 10;
        // banded 10.
        ("100", "100.01", CAPPED, "10"),
        ("100", "100.01", UNCAPPED, "10"),
        ("100", "100.01", BANDS, "10"),
        // 150 %: uncapped 15, more than the weight, as the option says.
        ("100", "150", UNCAPPED, "15"),
        ("100", "150", CAPPED, "10"),
        // Band edges a hundredth either side: 95.01 and 95 → 10,
        // 94.99 → 60 % of 10 = 6; 80.01 and 80 → 6; 79.99 → 0.
        ("100", "95.01", BANDS, "10"),
        ("100", "95", BANDS, "10"),
        ("100", "94.99", BANDS, "6"),
        ("100", "80.01", BANDS, "6"),
        ("100", "80", BANDS, "6"),
        ("100", "79.99", BANDS, "0"),
        // Nothing spent: 0, banded 0.
        ("100", "0", CAPPED, "0"),
        ("100", "0", BANDS, "0"),
        // A band from 0 pays even nothing spent: 50 % of 10 = 5.
        (
            "100",
            "0",
            "  execution_score: 分档\n  execution_bands: [{ from: 0, share: 50 }]\n",
            "5",
        ),
        // A band may pay nothing (share 0, the lowest allowed): 50 → 0,
        // 95 → 10.
        (
            "100",
            "50",
            "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100 }, { from: 0, share: 0 }]\n",
            "0",
        ),
        (
            "100",
            "95",
            "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100 }, { from: 0, share: 0 }]\n",
            "10",
        ),
        // A gap below the only band: 94.99 → 0.
        (
            "100",
            "94.99",
            "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100 }]\n",
            "0",
        ),
    ];
    let mut wrong = Vec::new();
    for (budget, actual, rules, want) in cases {
        let (_, a) = spent(budget, actual, rules);
        let got = number(&a, PROJECT_EXECUTION);
        if got != Some(d(want)) {
            wrong.push(format!(
                "{actual} of {budget} [{rules}]: {got:?}, want {want}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Uncapped, the table's total is above 100: 15 + 90 = 105.
    let (_, a) = spent("100", "150", UNCAPPED);
    assert_eq!(number(&a, PROJECT_TOTAL), Some(d("105")));
}

#[test]
fn spending_over_the_budget_is_flagged_from_a_hundredth_up() {
    for rules in [CAPPED, UNCAPPED, BANDS] {
        let (text, exactly) = spent("100", "100", rules);
        assert!(lines_of(&exactly, "J013").is_empty(), "{rules}");
        let (_, over) = spent("100", "100.01", rules);
        let budget = line_no(&text, "        full_year_budget: 100");
        let actual = line_no(&text, "        actual: 100");
        assert_eq!(lines_of(&over, "J013"), [vec![budget, actual]], "{rules}");
    }
}

#[test]
fn a_zero_budget_has_no_execution_score_and_says_where() {
    for rules in [HUNAN, NATIONAL, CAPPED, UNCAPPED, BANDS] {
        for actual in ["0", "5"] {
            let (text, a) = spent("0", actual, rules);
            // No rate: no score, counted as 0 in the total (90 + 0).
            assert_eq!(number(&a, PROJECT_EXECUTION), None, "{rules}");
            assert_eq!(number(&a, PROJECT_TOTAL), Some(d("90")), "{rules}");
            let budget = line_no(&text, "        full_year_budget: 0");
            assert_eq!(lines_of(&a, "J010"), [vec![budget]], "{rules}");
            assert!(a.errors() > 0);
        }
    }
}

/// A qualitative indicator of weight 10 scored `score` and rated `rating`.
fn rated(score: &str, rating: &str, rules: &str) -> Analysis {
    let text = replaced(
        &minimal(),
        &[
            (
                "              weight: 90\n              target: ≥5次",
                "              weight: 10\n              target: 做好活动组织工作",
            ),
            (
                "              actual_value: 5\n",
                &format!(
                    "              rating: {rating}\n              score: {score}\n              deviation: 说明\n"
                ),
            ),
        ],
    );
    analyse(&with_rules(&text, rules), "定性.yaml")
}

#[test]
fn rating_edges_a_hundredth_either_side() {
    let lower = "  rating_edges: 含下限\n";
    let upper = "  rating_edges: 含上限\n";
    // (score of 10, rating, rules, inside its band?). Lower ends included:
    // 达成 [8, 10], 部分达成 [6, 8), 未达成 [0, 6). Upper ends included:
    // 达成 (8, 10], 部分达成 (6, 8], 未达成 [0, 6].
    let cases = [
        ("8.01", "达成", lower, true),
        ("8", "达成", lower, true),
        ("7.99", "达成", lower, false),
        ("8", "部分达成", lower, false),
        ("7.99", "部分达成", lower, true),
        ("6", "部分达成", lower, true),
        ("5.99", "部分达成", lower, false),
        ("6", "未达成", lower, false),
        ("5.99", "未达成", lower, true),
        ("8.01", "达成", upper, true),
        ("8", "达成", upper, false),
        ("8.01", "部分达成", upper, false),
        ("8", "部分达成", upper, true),
        ("6.01", "部分达成", upper, true),
        ("6", "部分达成", upper, false),
        ("6", "未达成", upper, true),
        ("6.01", "未达成", upper, false),
        // The ends of the scale belong to their band under both.
        ("10", "达成", upper, true),
        ("0", "未达成", lower, true),
        ("0", "未达成", upper, true),
    ];
    let mut wrong = Vec::new();
    for (score, rating, rules, inside) in cases {
        let a = rated(score, rating, rules);
        if lines_of(&a, "J006").is_empty() != inside {
            wrong.push(format!("{score} {rating} [{}]", rules.trim()));
        }
        // The author's score stands either way.
        assert_eq!(number(&a, UNIT_SCORE), Some(d(score)));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Above the weight or below zero: out of range (J005) at the
    // indicator's and the score's lines, whatever the band.
    for (score, rating) in [("10.01", "达成"), ("-0.01", "未达成")] {
        let a = rated(score, rating, lower);
        assert_eq!(lines_of(&a, "J005").len(), 1, "{score}");
    }
}

/// The unit indicator ≥5次 (weight 90) measured `actual`, with the lines
/// `after` (score, deviation) and `rules`.
fn exceeded(actual: &str, after: &[&str], rules: &str) -> (String, Analysis) {
    let mut lines = vec![format!("actual_value: {actual}")];
    lines.extend(after.iter().map(|l| l.to_string()));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let text = unit_indicator("90", "≥5次", &lines, rules);
    let a = analyse(&text, "超额.yaml");
    (text, a)
}

#[test]
fn over_achievement_at_exactly_the_threshold() {
    let at = |t: &str| format!("  over_achievement: {t}\n");
    // (actual, threshold, asked for the reason?)
    let cases = [
        // (7.5 − 5) ÷ 5 = 50 %: not more than 50.
        ("7.5", at("50"), false),
        // (7.51 − 5) ÷ 5 = 50.2 %: more.
        ("7.51", at("50"), true),
        // (7.5002 − 5) ÷ 5 = 50.004 %: more, though it rounds to 50.
        ("7.5002", at("50"), true),
        ("7.51", at("50%"), true),
        ("7.51", at("\"50%\""), true),
        // Threshold 0: the target itself is not over; a hundredth is.
        ("5", at("0"), false),
        ("5.01", at("0"), true),
        // A huge threshold and 不检查 never ask.
        ("1000000", at("1000000000"), false),
        ("1000000", at("不检查"), false),
        // hunan does not ask; national asks above 50 %.
        ("8", String::new(), false),
        ("8", NATIONAL.to_string(), true),
    ];
    let mut wrong = Vec::new();
    for (actual, rules, asked) in &cases {
        let (text, a) = exceeded(actual, &[], rules);
        let found = lines_of(&a, "J016");
        let name = line_of(&text, "- name: 开展活动次数");
        let want: Vec<Vec<usize>> = if *asked { vec![vec![name]] } else { vec![] };
        if found != want {
            wrong.push(format!("{actual} [{}]: {found:?}", rules.trim()));
        }
        // Met, so full marks whatever is asked.
        assert_eq!(number(&a, UNIT_SCORE), Some(d("90")));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn over_achievement_is_asked_only_of_at_least_targets_above_zero() {
    let rules = "  over_achievement: 0\n";
    for (target, actual) in [
        ("≥0", "100"),
        ("≤5次", "1"),
        ("90%-100%", "95"),
        ("1处", "1"),
        (SATISFACTION, "100"),
    ] {
        let after = [&format!("actual_value: {actual}") as &str];
        let a = analyse(&unit_indicator("90", target, &after, rules), "x.yaml");
        assert!(lines_of(&a, "J016").is_empty(), "{target}");
    }
    // A strictly-above target counts like an at-least one: >5, actual 7.51.
    let after = ["actual_value: 7.51"];
    let a = analyse(&unit_indicator("90", ">5次", &after, NATIONAL), "x.yaml");
    assert_eq!(lines_of(&a, "J016").len(), 1);
}

#[test]
fn a_reduced_score_stands_only_in_range_and_with_a_reason() {
    let rules = "  over_achievement: 50\n";
    // (actual, score, deviation, the figure, findings expected)
    let cases: [(&str, &str, &str, &str, &[&str]); 9] = [
        // 8 is 60 % over, reason given: the author's 80 stands.
        ("8", "80", "说明", "80", &[]),
        // 0 is a score like any other.
        ("8", "0", "说明", "0", &[]),
        // Below zero: it stands as written, and is out of range (J005).
        ("8", "-1", "说明", "-1", &["J005"]),
        // Above the weight is not a reduction: the rule's 90, and J004.
        ("8", "91", "说明", "90", &["J004"]),
        // The rule's own score: computed, nothing to say.
        ("8", "90", "说明", "90", &[]),
        // No reason (missing or blank): the rule's 90, J004 and J016.
        ("8", "80", "", "90", &["J004", "J016"]),
        ("8", "80", "\"  \"", "90", &["J004", "J016"]),
        // Not over the threshold (exactly 50 %): the rule's 90, and J004.
        ("7.5", "80", "说明", "90", &["J004"]),
        // A pending score (~) is J015 however far exceeded.
        ("8", "~", "说明", "0", &["J015"]),
    ];
    let mut wrong = Vec::new();
    for (actual, score, deviation, want, findings) in cases {
        let mut after = vec![format!("score: {score}")];
        if !deviation.is_empty() {
            after.push(format!("deviation: {deviation}"));
        }
        let after: Vec<&str> = after.iter().map(String::as_str).collect();
        let (_, a) = exceeded(actual, &after, rules);
        let got = number(&a, UNIT_SCORE);
        let found: Vec<&str> = codes(&a)
            .into_iter()
            .filter(|c| ["J004", "J005", "J015", "J016"].contains(c))
            .collect();
        if got != Some(d(want)) || found != findings {
            wrong.push(format!(
                "{actual} score {score} deviation «{deviation}»: {got:?} {found:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_option_written_without_a_value_is_refused_at_its_line() {
    for key in [
        "rounding",
        "profile",
        "at_most_missed",
        "exact_exceeded",
        "rating_edges",
        "over_achievement",
        "execution_score",
        "execution_bands",
        "satisfaction_steps",
        "top_weights",
    ] {
        for written in [format!("  {key}:\n"), format!("  {key}: ~\n")] {
            let text = with_rules(&minimal(), &written);
            let e = load_err(&text);
            let line = line_no(&text, written.trim_end());
            assert_eq!(e.at.map(|a| a.line), Some(line), "{written}: {e:?}");
        }
    }
    // The block itself written empty, as a list or as a word.
    for rules in ["rules:\n", "rules: ~\n", "rules: []\n", "rules: national\n"] {
        let text = format!("{}{rules}", minimal());
        let e = load_err(&text);
        let line = line_no(&text, rules.trim_end());
        assert_eq!(e.at.map(|a| a.line), Some(line), "{rules}: {e:?}");
    }
    // `rules: {}` is every option left out: hunan.
    let a = analyse(&format!("{}rules: {{}}\n", minimal()), "x.yaml");
    assert_eq!(a.errors(), 0);
}

#[test]
fn wrong_names_and_types_are_located_errors() {
    for rules in [
        "  Profile: national\n",
        "  profile: National\n",
        "  profile: [national]\n",
        "  at_most_missed: 1\n",
        "  at_most_missed: \"\"\n",
        "  exact_exceeded: true\n",
        "  over_achievement: \"\"\n",
        "  over_achievement: -0.01\n",
        "  over_achievement: 1e3\n",
        "  over_achievement: ５０\n",
        "  over_achievement: 99999999999999999999999999999999\n",
        "  over_achievement: [50]\n",
        "  top_weights: 10\n",
        "  execution_bands: { from: 95, share: 100 }\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 95 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100, to: 100 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: -1, share: 100 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100.01 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 95, share: -1 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 95, share: 100 }, { from: 95.0, share: 50 }]\n",
        "  execution_score: 分档\n  execution_bands: [{ from: 1e30, share: 100 }]\n",
    ] {
        let text = with_rules(&minimal(), rules);
        let e = load_err(&text);
        let first = line_no(&text, "rules:") + 1;
        let line = e.at.map(|a| a.line).unwrap_or_default();
        assert!(
            (first..=first + 1).contains(&line),
            "{rules}: at {line}, {e:?}"
        );
    }
}

#[test]
fn english_aliases_give_the_same_rules_as_the_chinese_names() {
    let scoring = |rules: &str| {
        let text = with_rules(&minimal(), rules);
        load_str(&text, "x.yaml")
            .unwrap_or_else(|e| panic!("{rules}: {e}"))
            .facts
            .scoring
    };
    for (english, chinese) in [
        ("profile: hunan", "profile: 湖南"),
        ("profile: national", "profile: 全国"),
        ("at_most_missed: overrun", "at_most_missed: 超出扣减"),
        ("at_most_missed: ratio", "at_most_missed: 目标比实际"),
        ("exact_exceeded: full", "exact_exceeded: 满分"),
        ("exact_exceeded: ratio", "exact_exceeded: 目标比实际"),
        ("exact_exceeded: overrun", "exact_exceeded: 超出扣减"),
        ("rating_edges: lower", "rating_edges: 含下限"),
        ("rating_edges: upper", "rating_edges: 含上限"),
        ("execution_score: capped", "execution_score: 线性封顶"),
        ("execution_score: uncapped", "execution_score: 线性不封顶"),
        ("satisfaction_steps: whole", "satisfaction_steps: 整档"),
        ("satisfaction_steps: partial", "satisfaction_steps: 按比例"),
        ("over_achievement: 50", "over_achievement: 50%"),
    ] {
        let (e, c) = (format!("  {english}\n"), format!("  {chinese}\n"));
        assert_eq!(scoring(&e), scoring(&c), "{english}");
    }
    let banded = |score: &str| {
        format!("  execution_score: {score}\n  execution_bands: [{{ from: 90, share: 100 }}]\n")
    };
    assert_eq!(scoring(&banded("bands")), scoring(&banded("分档")));
}

#[test]
fn top_weights_written_oddly() {
    // The minimal file's tables are 10 + 90.
    let cases: [(&str, usize); 6] = [
        // [] checks nothing; the same numbers written 90.00 or "90" match.
        ("[]", 0),
        ("[10, 90.00]", 0),
        ("[10, \"90\"]", 0),
        // One number too many, too few, or not adding up: both tables differ.
        ("[10, 90, 0]", 2),
        ("[10, 50, 30]", 2),
        ("[0]", 2),
    ];
    for (weights, differ) in cases {
        let text = with_rules(&minimal(), &format!("  top_weights: {weights}\n"));
        let a = analyse(&text, "x.yaml");
        assert_eq!(lines_of(&a, "J017").len(), differ, "{weights}");
    }
    // A negative weight is no split at all: refused at its line, also where
    // the others make up 100.
    for weights in ["[-10, 110]", "[10, 90, -0.01, 0.01]"] {
        let text = with_rules(&minimal(), &format!("  top_weights: {weights}\n"));
        let e = load_err(&text);
        assert_eq!(
            e.at.map(|a| a.line),
            Some(text.lines().count()),
            "{weights}"
        );
        assert!(e.to_string().contains("为负数"), "{weights}: {e}");
    }
    // A pending weight is J015 at its line.
    let text = with_rules(&minimal(), "  top_weights: [10, ~]\n");
    let a = analyse(&text, "x.yaml");
    assert_eq!(
        lines_of(&a, "J015"),
        [vec![line_no(&text, "  top_weights: [10, ~]")]]
    );
}

#[test]
fn a_band_is_chosen_by_the_rate_the_report_shows() {
    // 79.995 of 100 is 79.995 %: the report shows the rate rounded by the
    // file's rule (80.00 % half-up, 79.99 % truncated), and the band follows
    // what is shown: 60 % of 10 = 6 from 80 %, else 0.
    for rounding in ["四舍五入", "截断"] {
        let rules = format!("  rounding: {rounding}\n{BANDS}");
        let (_, a) = spent("100", "79.995", &rules);
        let rate = number(&a, "project[运行维护经费].execution_rate").unwrap();
        let want = if rate >= d("80") { d("6") } else { d("0") };
        assert_eq!(
            number(&a, PROJECT_EXECUTION),
            Some(want),
            "{rounding}: {rate}"
        );
    }
}

#[test]
fn an_unmet_target_stays_one_rounding_step_below_full_marks() {
    // ≥5次, actual 4.99, weight 10: 4.99 ÷ 5 × 10 = 9.98. Scores to whole
    // points round it to 10, but the target was not met: one step less, 9;
    // to one decimal 10.0 → 9.9; to four decimals 9.98 stands.
    for (places, want) in [("0", "9"), ("1", "9.9"), ("2", "9.98"), ("4", "9.98")] {
        let rules = format!("  rounding: {{ 得分: {places} }}\n");
        check_scores(&[("10", "≥5次", "4.99", &rules, want)]);
    }
}

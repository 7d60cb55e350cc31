//! The scoring rules (`rules:`): each option on worked examples, computed by
//! hand in the comments, under the profiles and under an override; the
//! findings the rules add (J016 over-achievement, J017 top-level weights,
//! J006 at the band edges); and located errors for values no rule has.

mod common;

use common::{analyse, d, jixiao, load_err, minimal, replaced, stdout};
use jixiao::Analysis;
use jixiao::audit::Finding;
use jixiao::model::load::LoadErrorKind;
use rust_decimal::Decimal;

const UNIT_SCORE: &str = "unit.indicator[产出指标/数量指标/开展活动次数].score";
const PROJECT_EXECUTION: &str = "project[运行维护经费].execution_score";

/// The minimal file with its unit indicator's weight, target and measured
/// value set, and `rules` (lines under `rules:`) appended.
fn unit_indicator(weight: &str, target: &str, actual: &str, rules: &str) -> String {
    let text = replaced(
        &minimal(),
        &[
            (
                "              weight: 90\n              target: ≥5次",
                &format!("              weight: {weight}\n              target: \"{target}\""),
            ),
            (
                "              actual_value: 5\n",
                &format!("              actual_value: {actual}\n              deviation: 说明\n"),
            ),
        ],
    );
    with_rules(&text, rules)
}

fn with_rules(text: &str, rules: &str) -> String {
    if rules.is_empty() {
        text.to_string()
    } else {
        format!("{text}rules:\n{rules}")
    }
}

fn number(a: &Analysis, name: &str) -> Decimal {
    a.figures
        .number(name)
        .unwrap_or_else(|| panic!("{name} has no number"))
}

fn unit_score(weight: &str, target: &str, actual: &str, rules: &str) -> Decimal {
    let a = analyse(&unit_indicator(weight, target, actual, rules), "规则.yaml");
    number(&a, UNIT_SCORE)
}

/// Each case: (weight, target, actual, rules, expected score).
fn check_scores(cases: &[(&str, &str, &str, &str, &str)]) {
    let mut wrong = Vec::new();
    for &(weight, target, actual, rules, want) in cases {
        let got = unit_score(weight, target, actual, rules);
        if got != d(want) {
            wrong.push(format!(
                "{target} actual {actual} weight {weight} [{}]: {got}, want {want}",
                rules.trim().replace('\n', "; ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

const HUNAN: &str = "";
const NATIONAL: &str = "  profile: national\n";

#[test]
fn an_at_most_target_overrun_by_either_formula() {
    check_scores(&[
        // (1 − (0.92 − 0.8) ÷ 0.8) × 5 = (1 − 0.15) × 5 = 4.25
        ("5", "≤0.8", "0.92", HUNAN, "4.25"),
        ("5", "≤0.8", "0.92", "  at_most_missed: 超出扣减\n", "4.25"),
        // 0.8 ÷ 0.92 × 5 = 4.3478… → 4.35
        ("5", "≤0.8", "0.92", NATIONAL, "4.35"),
        (
            "5",
            "≤0.8",
            "0.92",
            "  at_most_missed: 目标比实际\n",
            "4.35",
        ),
        ("5", "≤0.8", "0.92", "  at_most_missed: ratio\n", "4.35"),
        // The profile's option overridden one by one.
        (
            "5",
            "≤0.8",
            "0.92",
            "  profile: national\n  at_most_missed: 超出扣减\n",
            "4.25",
        ),
        // Twice the target: (1 − 1) × 5 = 0; 0.8 ÷ 1.6 × 5 = 2.5.
        ("5", "≤0.8", "1.6", HUNAN, "0"),
        ("5", "≤0.8", "1.6", NATIONAL, "2.5"),
        // Beyond twice: still 0, never negative; 0.8 ÷ 4 × 5 = 1.
        ("5", "≤0.8", "4", HUNAN, "0"),
        ("5", "≤0.8", "4", NATIONAL, "1"),
        // Met: full marks under both.
        ("5", "≤0.8", "0.8", HUNAN, "5"),
        ("5", "≤0.8", "0.8", NATIONAL, "5"),
        // Strictly below 5, actual 6: (1 − 1 ÷ 5) × 10 = 8; 5 ÷ 6 × 10 = 8.33.
        ("10", "<5", "6", HUNAN, "8"),
        ("10", "<5", "6", NATIONAL, "8.33"),
        // Above a range's top: (1 − 10 ÷ 100) × 10 = 9; 100 ÷ 110 × 10 = 9.09.
        ("10", "90%-100%", "110", HUNAN, "9"),
        ("10", "90%-100%", "110", NATIONAL, "9.09"),
        // A ≥ target short is proportional under both: 168 ÷ 200 × 6 = 5.04.
        ("6", "≥200", "168", HUNAN, "5.04"),
        ("6", "≥200", "168", NATIONAL, "5.04"),
    ]);
}

#[test]
fn an_exact_target_exceeded_by_each_option() {
    check_scores(&[
        // “1处” with 2: (1 − (2 − 1) ÷ 1) × 10 = 0 (hunan, as before).
        ("10", "1处", "2", HUNAN, "0"),
        ("10", "=1处", "2", "  exact_exceeded: 超出扣减\n", "0"),
        // 1 ÷ 2 × 10 = 5.
        ("10", "1处", "2", "  exact_exceeded: 目标比实际\n", "5"),
        // Reached, so full marks.
        ("10", "1处", "2", "  exact_exceeded: 满分\n", "10"),
        ("10", "=1处", "2", NATIONAL, "10"),
        ("10", "1处", "2", "  exact_exceeded: full\n", "10"),
        // Short of it is proportional whatever the option: 0.5 ÷ 1 × 10 = 5.
        ("10", "1处", "0.5", NATIONAL, "5"),
        ("10", "1处", "0.5", HUNAN, "5"),
        // Met exactly: full marks.
        ("10", "1处", "1", NATIONAL, "10"),
        ("10", "1处", "1", HUNAN, "10"),
        // 3 on 2: (1 − 1 ÷ 2) × 10 = 5; 2 ÷ 3 × 10 = 6.67.
        ("10", "=2次", "3", HUNAN, "5"),
        ("10", "=2次", "3", "  exact_exceeded: 目标比实际\n", "6.67"),
    ]);
}

const SATISFACTION: &str = "95%以上计满分，每降5%扣1分";

#[test]
fn satisfaction_steps_whole_or_partial() {
    let whole = "  satisfaction_steps: 整档\n";
    let partial = "  satisfaction_steps: 按比例\n";
    check_scores(&[
        // 94: ⌊(95 − 94) ÷ 5⌋ = 0 steps → 10; partly: 10 − 1 ÷ 5 × 1 = 9.8.
        ("10", SATISFACTION, "94", HUNAN, "10"),
        ("10", SATISFACTION, "94", whole, "10"),
        ("10", SATISFACTION, "94", NATIONAL, "10"),
        ("10", SATISFACTION, "94", partial, "9.8"),
        // 89: ⌊6 ÷ 5⌋ = 1 step → 9; partly: 10 − 6 ÷ 5 = 8.8.
        ("10", SATISFACTION, "89", whole, "9"),
        ("10", SATISFACTION, "89", partial, "8.8"),
        // 95 and above: full under both.
        ("10", SATISFACTION, "95", partial, "10"),
        ("10", SATISFACTION, "100", whole, "10"),
        // 0: 19 steps of 1 from 10, never below 0.
        ("10", SATISFACTION, "0", whole, "0"),
        ("10", SATISFACTION, "0", partial, "0"),
        // 92.5: half a step partly: 10 − 0.5 = 9.5.
        ("10", SATISFACTION, "92.5", partial, "9.5"),
    ]);
}

/// The minimal file with the project's actual spending set (its budget is
/// 60, its execution weight 10) and `rules` appended.
fn project_spent(actual: &str, rules: &str) -> Analysis {
    let text = replaced(
        &minimal(),
        &[(
            "        full_year_budget: 60\n        actual: 55",
            &format!("        full_year_budget: 60\n        actual: {actual}"),
        )],
    );
    analyse(&with_rules(&text, rules), "执行率.yaml")
}

const BANDS: &str = "  execution_score: 分档\n  execution_bands:\n    - { from: 80, share: 60 }\n    - { from: 95, share: 100 }\n";

#[test]
fn execution_scores_capped_uncapped_or_banded() {
    let uncapped = "  execution_score: 线性不封顶\n";
    let cases = [
        // 61.8 ÷ 60 = 103 %: min(103, 100) % × 10 = 10; uncapped 10.3;
        // banded: 103 ≥ 95 → 100 % of 10.
        ("61.8", HUNAN, "10"),
        ("61.8", NATIONAL, "10"),
        ("61.8", uncapped, "10.3"),
        ("61.8", BANDS, "10"),
        // 51 ÷ 60 = 85 %: 8.5 linear; banded: 85 ≥ 80 → 60 % of 10 = 6.
        ("51", HUNAN, "8.5"),
        ("51", uncapped, "8.5"),
        ("51", BANDS, "6"),
        // 48 ÷ 60 = 80 % exactly: the band's own start → 6.
        ("48", BANDS, "6"),
        // 47.4 ÷ 60 = 79 %: below every band → 0.
        ("47.4", BANDS, "0"),
        // 57 ÷ 60 = 95 % exactly → 10.
        ("57", BANDS, "10"),
        // 59.994 ÷ 60 = 99.99 %: 9.999, which rounds to 10.00; the rate is
        // below 100 %, so a linear score stays one step below, 9.99, as an
        // unmet indicator's does; banded: 99.99 ≥ 95 → the band's 10.
        ("59.994", HUNAN, "9.99"),
        ("59.994", NATIONAL, "9.99"),
        ("59.994", uncapped, "9.99"),
        ("59.994", BANDS, "10"),
        // With scores to 1 place: 9.999 → 10.0, capped to 9.9.
        ("59.994", "  rounding: { 得分: 1 }\n", "9.9"),
        // 59.997 ÷ 60 = 99.995 %, shown as 100.00 % half-up: met, 10;
        // truncated it is 99.99 %: 9.999 → 9.99 by truncation already.
        ("59.997", HUNAN, "10"),
        ("59.997", "  rounding: 截断\n", "9.99"),
        // 59.9 ÷ 60 = 99.8333… → 99.83 %: 9.983 → 9.98, below the weight.
        ("59.9", HUNAN, "9.98"),
    ];
    let mut wrong = Vec::new();
    for (actual, rules, want) in cases {
        let got = number(&project_spent(actual, rules), PROJECT_EXECUTION);
        if got != d(want) {
            wrong.push(format!("actual {actual} [{rules}]: {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

fn found<'a>(a: &'a Analysis, code: &str) -> Vec<&'a Finding> {
    a.findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn a_rate_over_100_percent_is_flagged_under_every_option() {
    for rules in [HUNAN, NATIONAL, "  execution_score: 线性不封顶\n", BANDS] {
        let a = project_spent("61.8", rules);
        let over = found(&a, "J013");
        assert_eq!(over.len(), 1, "{rules}: {:?}", a.findings);
        assert!(over[0].lines.contains(&33), "{:?}", over[0].lines);
    }
}

/// The minimal file with its unit indicator made qualitative, scored
/// `score` of 5 and rated `rating`.
fn rated(score: &str, rating: &str, rules: &str) -> Analysis {
    let text = replaced(
        &minimal(),
        &[
            (
                "              weight: 90\n              target: ≥5次",
                "              weight: 5\n              target: 做好活动组织工作",
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
fn qualitative_band_edges_belong_to_one_band_only() {
    let upper = "  rating_edges: 含上限\n";
    // (score of 5, rating, rules, inside its band?)
    let cases = [
        // 4 of 5 is 80 %: 达成 with lower ends included (national, hunan)…
        ("4", "达成", HUNAN, true),
        ("4", "部分达成", HUNAN, false),
        ("4", "达成", NATIONAL, true),
        ("4", "部分达成", NATIONAL, false),
        // …部分达成 with upper ends included.
        ("4", "达成", upper, false),
        ("4", "部分达成", upper, true),
        // 3 of 5 is 60 %: 部分达成, or 未达成 with upper ends.
        ("3", "部分达成", HUNAN, true),
        ("3", "未达成", HUNAN, false),
        ("3", "部分达成", upper, false),
        ("3", "未达成", upper, true),
        // 5 of 5 is always 达成 and 0 always 未达成.
        ("5", "达成", HUNAN, true),
        ("5", "达成", upper, true),
        ("0", "未达成", HUNAN, true),
        ("0", "未达成", upper, true),
        // 0 is no other band's, whichever ends are included.
        ("0", "部分达成", upper, false),
        ("0", "达成", upper, false),
        // Just inside and just outside each edge.
        ("3.99", "部分达成", HUNAN, true),
        ("3.99", "达成", HUNAN, false),
        ("4.01", "达成", upper, true),
        ("2.99", "未达成", HUNAN, true),
        ("3.01", "部分达成", upper, true),
        ("3.01", "未达成", upper, false),
    ];
    let mut wrong = Vec::new();
    for (score, rating, rules, inside) in cases {
        let a = rated(score, rating, rules);
        if found(&a, "J006").is_empty() != inside {
            wrong.push(format!("{score} {rating} [{rules}]: {:?}", a.findings));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_at_least_target_far_exceeded_asks_for_the_reason() {
    // Without a deviation: ≥5次, actual 8 is (8 − 5) ÷ 5 = 60 % above.
    let plain = |actual: &str, rules: &str| {
        let text = replaced(
            &minimal(),
            &[(
                "              actual_value: 5\n",
                &format!("              actual_value: {actual}\n"),
            )],
        );
        analyse(&with_rules(&text, rules), "超额.yaml")
    };
    let a = plain("8", NATIONAL);
    let over = found(&a, "J016");
    assert_eq!(over.len(), 1, "{:?}", a.findings);
    assert_eq!(over[0].lines, vec![62]);
    assert!(over[0].message.contains("60%"), "{}", over[0].message);
    assert_eq!(number(&a, UNIT_SCORE), d("90"));
    // 7.5 is 50 % above: not more than the threshold.
    assert!(found(&plain("7.5", NATIONAL), "J016").is_empty());
    assert!(!found(&plain("7.51", NATIONAL), "J016").is_empty());
    // 7.5001 is 50.002 % above, more than 50 % but 50.00 % when rounded:
    // the finding does not print an excess that is not more than 50 %.
    let barely = plain("7.5001", NATIONAL);
    let over = found(&barely, "J016");
    assert_eq!(over.len(), 1, "{:?}", barely.findings);
    assert!(
        !over[0].message.contains("超出目标 50%"),
        "{}",
        over[0].message
    );
    // hunan does not ask; a file may ask under hunan, or stop asking.
    assert!(found(&plain("8", HUNAN), "J016").is_empty());
    assert!(!found(&plain("5.6", "  over_achievement: 10%\n"), "J016").is_empty());
    // A threshold of 0 asks for any excess, and not for a target just met.
    let zero = "  over_achievement: 0\n";
    assert!(found(&plain("5", zero), "J016").is_empty());
    assert!(!found(&plain("5.01", zero), "J016").is_empty());
    let off = "  profile: national\n  over_achievement: 不检查\n";
    assert!(found(&plain("80", off), "J016").is_empty());
    // A target of 0 has no share to exceed by.
    let zero_target = unit_indicator("90", "≥0次", "3", NATIONAL);
    assert!(found(&analyse(&zero_target, "x"), "J016").is_empty());
    // An at-most target below its number is never “over-achieved”.
    assert!(
        found(
            &analyse(&unit_indicator("90", "≤5次", "1", NATIONAL), "x"),
            "J016"
        )
        .is_empty()
    );
}

#[test]
fn the_author_may_score_a_far_exceeded_target_lower_with_a_reason() {
    // deviation given (unit_indicator adds one), score 80 of 90: used.
    let text = unit_indicator("90", "≥5次", "8", NATIONAL);
    let at = common::line_no(&text, "              deviation: 说明");
    let reduced = common::insert_after(&text, at, "score: 80");
    let a = analyse(&reduced, "扣减.yaml");
    assert_eq!(number(&a, UNIT_SCORE), d("80"));
    assert!(found(&a, "J016").is_empty(), "{:?}", a.findings);
    assert!(found(&a, "J004").is_empty(), "{:?}", a.findings);
    // Not far exceeded (6 is 20 % above): the rule's score stands, and the
    // author's lower one disagrees with it.
    let text = unit_indicator("90", "≥5次", "6", NATIONAL);
    let at = common::line_no(&text, "              deviation: 说明");
    let a = analyse(&common::insert_after(&text, at, "score: 80"), "x.yaml");
    assert_eq!(number(&a, UNIT_SCORE), d("90"));
    assert_eq!(found(&a, "J004").len(), 1, "{:?}", a.findings);
    // Far exceeded without a reason: the rule's score, J004 and J016.
    let text = replaced(
        &minimal(),
        &[(
            "              actual_value: 5\n",
            "              actual_value: 8\n              score: 80\n",
        )],
    );
    let a = analyse(&with_rules(&text, NATIONAL), "y.yaml");
    assert_eq!(number(&a, UNIT_SCORE), d("90"));
    assert_eq!(found(&a, "J004").len(), 1, "{:?}", a.findings);
    assert_eq!(found(&a, "J016").len(), 1, "{:?}", a.findings);
}

#[test]
fn a_top_level_split_other_than_the_profiles_is_a_warning() {
    // The minimal file's tables are 10 + 90.
    let a = analyse(&with_rules(&minimal(), NATIONAL), "分配.yaml");
    let differ = found(&a, "J017");
    assert_eq!(differ.len(), 2, "{:?}", a.findings);
    assert!(
        differ
            .iter()
            .all(|f| f.severity == jixiao::audit::Severity::Warning)
    );
    // unit table: execution_weight at line 53, 产出指标 at 55.
    assert!(differ.iter().any(|f| f.lines == vec![53, 55]), "{differ:?}");
    for rules in [
        HUNAN,
        "  profile: national\n  top_weights: [10, 90]\n",
        "  profile: national\n  top_weights: []\n",
    ] {
        let a = analyse(&with_rules(&minimal(), rules), "x.yaml");
        assert!(found(&a, "J017").is_empty(), "{rules}: {:?}", a.findings);
    }
    // A split of the right numbers in another order differs too.
    let a = analyse(
        &with_rules(&minimal(), "  top_weights: [90, 10]\n"),
        "x.yaml",
    );
    assert_eq!(found(&a, "J017").len(), 2);
}

#[test]
fn values_no_rule_has_are_located_errors_listing_the_accepted_ones() {
    let text = with_rules(&minimal(), "  at_most_missed: 五五开\n");
    let line = text.lines().count();
    let e = load_err(&text);
    assert_eq!(e.kind, LoadErrorKind::InvalidValue);
    assert_eq!(e.at.map(|a| a.line), Some(line));
    let help = e.help.clone().unwrap_or_default();
    assert!(
        help.contains("超出扣减") && help.contains("目标比实际"),
        "{help}"
    );

    for (rules, key_line) in [
        ("  profile: 广东\n", 1),
        ("  exact_exceeded: 半分\n", 1),
        ("  over_achievement: 很多\n", 1),
        ("  over_achievement: -5\n", 1),
        ("  execution_score: 分档\n", 1),
        ("  execution_score: 分档\n  execution_bands: []\n", 1),
        (
            "  execution_score: 分档\n  execution_bands:\n    - { from: 90, share: 100 }\n    - { from: 90, share: 60 }\n",
            4,
        ),
        ("  execution_bands:\n    - { from: 90, share: 120 }\n", 2),
        // Bands without 分档 would be silently unused.
        ("  execution_bands:\n    - { from: 90, share: 100 }\n", 1),
        ("  rating_edges: 都含\n", 1),
        ("  satisfaction_steps: 半档\n", 1),
        ("  weights: [10, 50]\n", 1),
    ] {
        let text = with_rules(&minimal(), rules);
        let rules_line = common::line_no(&text, "rules:");
        let e = load_err(&text);
        assert_eq!(
            e.at.map(|a| a.line),
            Some(rules_line + key_line),
            "{rules}: {e:?}"
        );
    }
}

/// The line of `explain`'s output that cites the option `key`.
fn cited(out: &str, key: &str) -> String {
    let prefix = format!("{key}: ");
    out.lines()
        .find(|l| l.contains(&prefix))
        .unwrap_or_else(|| panic!("no {key} in {out}"))
        .to_string()
}

#[test]
fn explain_names_the_rule_behind_a_score() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("规则.yaml");
    let file = path.to_str().unwrap();
    let explain = |rules: &str, figure: &str| {
        std::fs::write(&path, unit_indicator("5", "≤0.8", "0.92", rules)).unwrap();
        stdout(&jixiao(&["explain", file, figure]))
    };
    // The profile's option: its value and the profile.
    let out = explain(NATIONAL, UNIT_SCORE);
    assert!(out.contains("4.35"), "{out}");
    let line = cited(&out, "at_most_missed");
    assert!(
        line.contains("目标比实际") && line.contains("national"),
        "{line}"
    );
    // The file's own option: its value, and not the profile's name.
    let out = explain("  at_most_missed: 目标比实际\n", UNIT_SCORE);
    let line = cited(&out, "at_most_missed");
    assert!(
        line.contains("目标比实际") && !line.contains("hunan"),
        "{line}"
    );
    let out = explain("", PROJECT_EXECUTION);
    let line = cited(&out, "execution_score");
    assert!(
        line.contains("线性封顶") && line.contains("hunan"),
        "{line}"
    );
}

#[test]
fn next_years_file_keeps_the_profile_and_every_option_set() {
    let rules = "  profile: national\n  at_most_missed: 超出扣减\n  over_achievement: 30%\n  execution_score: 分档\n  execution_bands:\n    - { from: 90, share: 100 }\n    - { from: 70.5, share: 50 }\n  satisfaction_steps: 按比例\n  top_weights: [10, 90]\n";
    let this_year = analyse(&with_rules(&minimal(), rules), "2024.yaml");
    let next = jixiao::init::next_year(&this_year, 2025, None);
    let loaded = jixiao::model::load_str(&next, "2025.yaml").expect("next year's file loads");
    assert_eq!(loaded.facts.scoring, this_year.loaded.facts.scoring);
    // And a file without rules gets hunan written out.
    let plain = analyse(&minimal(), "2024.yaml");
    let next = jixiao::init::next_year(&plain, 2025, None);
    assert!(next.contains("  profile: hunan\n"), "{next}");
}

/// The rule option a score cites (`explain` shows it), if any.
fn rule_of(a: &Analysis, name: &str) -> Option<String> {
    a.figures
        .get(name)
        .unwrap_or_else(|| panic!("no figure {name}"))
        .rule
        .clone()
}

#[test]
fn an_exact_target_exceeded_cites_the_option_that_scored_it() {
    // “=1处” with 2 under national: exact_exceeded 满分 gives 10, and the
    // score names that option even though it is the full weight; under the
    // file's own 目标比实际: 1 ÷ 2 × 10 = 5, naming the file's option.
    // Met exactly (1), the target alone decides: no option is named.
    let cases = [
        ("2", NATIONAL, "10", Some("exact_exceeded: 满分")),
        (
            "2",
            "  exact_exceeded: 目标比实际\n",
            "5",
            Some("exact_exceeded: 目标比实际"),
        ),
        ("1", NATIONAL, "10", None),
    ];
    for (actual, rules, score, option) in cases {
        let a = analyse(&unit_indicator("10", "=1处", actual, rules), "x.yaml");
        assert_eq!(number(&a, UNIT_SCORE), d(score), "{actual} [{rules}]");
        let rule = rule_of(&a, UNIT_SCORE);
        match option {
            Some(option) => assert!(
                rule.as_deref().is_some_and(|r| r.starts_with(option)),
                "{actual} [{rules}]: {rule:?}"
            ),
            None => assert_eq!(rule, None, "{actual} [{rules}]"),
        }
    }
}

#[test]
fn only_an_author_score_below_the_rules_is_a_reduction() {
    // ≥5次, actual 8: (8 − 5) ÷ 5 = 60 % above, more than national's 50 %,
    // with a reason. Score 80 of 90 is a reduction: it rests on the
    // author's score and names over_achievement: 50. Score 90, equal to the
    // rule's 90, reduces nothing: the rule's own score, resting on the
    // weight and the measured value, naming no option.
    let text = unit_indicator("90", "≥5次", "8", NATIONAL);
    let at = common::line_no(&text, "              deviation: 说明");
    let scored = |score: &str| analyse(&common::insert_after(&text, at, score), "x.yaml");
    let author = "unit.indicator[产出指标/数量指标/开展活动次数].author_score";

    let a = scored("score: 80");
    assert_eq!(number(&a, UNIT_SCORE), d("80"));
    assert_eq!(
        a.figures.indicators[0].basis,
        jixiao::compute::Basis::Reduced
    );
    let figure = a.figures.get(UNIT_SCORE).unwrap();
    assert!(
        figure.inputs.iter().any(|i| i == author),
        "{:?}",
        figure.inputs
    );
    assert_eq!(number(&a, author), d("80"));
    let rule = rule_of(&a, UNIT_SCORE);
    assert!(
        rule.as_deref()
            .is_some_and(|r| r.starts_with("over_achievement: 50")),
        "{rule:?}"
    );

    let a = scored("score: 90");
    assert_eq!(number(&a, UNIT_SCORE), d("90"));
    assert_eq!(
        a.figures.indicators[0].basis,
        jixiao::compute::Basis::Computed
    );
    assert!(
        !a.figures
            .get(UNIT_SCORE)
            .unwrap()
            .inputs
            .iter()
            .any(|i| i == author)
    );
    assert_eq!(rule_of(&a, UNIT_SCORE), None);
}

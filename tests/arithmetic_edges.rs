//! The arithmetic at its edges: each comparison that decides a score, a grade
//! or a finding, checked exactly at its boundary and one hundredth either
//! side, so that a `<` written for a `<=` (or the reverse) changes a figure
//! or a finding. Each case is a change of `tests/bad_inputs/minimal.yaml`
//! with the figures worked out by hand beside it; `docs/rules.md` (变异测试)
//! says which mutation of the code each one stops.

mod common;

use common::{analyse, d, line_of, minimal, replaced};
use jixiao::Analysis;
use jixiao::compute::{Value, grade};

/// `minimal.yaml` with each `(from, to)` replaced once, and its text.
fn variant(replacements: &[(&str, &str)]) -> (Analysis, String) {
    let text = replaced(&minimal(), replacements);
    (analyse(&text, "edge.yaml"), text)
}

/// The lines of the findings of `code` about `figure`, each finding's lines.
fn flagged(a: &Analysis, code: &str, figure: &str) -> Vec<Vec<usize>> {
    a.findings
        .iter()
        .filter(|f| f.code == code && f.figures.iter().any(|n| n == figure))
        .map(|f| f.lines.clone())
        .collect()
}

/// The unit's only indicator (`开展活动次数`, weight 90) made qualitative and
/// scored `score` by its author, with a reason given for any shortfall.
const QUALITATIVE: [(&str, &str); 2] = [
    (
        "              target: ≥5次\n",
        "              target: 按计划开展活动\n",
    ),
    (
        "              actual_value: 5\n",
        "              deviation: 部分活动延至次年\n              score: SCORE\n",
    ),
];

fn scored_by_author(score: &str) -> (Analysis, String) {
    let [target, measured] = QUALITATIVE;
    let scored = measured.1.replace("SCORE", score);
    variant(&[target, (measured.0, &scored)])
}

const UNIT_SCORE: &str = "unit.indicator[产出指标/数量指标/开展活动次数].score";

// ── grades ──────────────────────────────────────────────────────────

/// 评价等级: 优 from 90, 良 from 80, 中 from 60, each bound included.
#[test]
fn grades_change_exactly_at_90_80_and_60() {
    for (total, expected) in [
        ("100", "优"),
        ("90", "优"),
        ("90.00", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ] {
        assert_eq!(grade(d(total)), expected, "{total}");
    }
}

/// The unit's total is its 预算执行得分 plus the author's score:
/// (110.25 + 55) ÷ (120.5 + 60) = 91.551…% → 91.55 %; 91.55 × 10 ÷ 100 =
/// 9.155 → 9.16. With 80.84 the total is 9.16 + 80.84 = 90.00 (优); with
/// 80.83 it is 89.99 (良); 70.84 gives 80.00 (良) and 70.83 gives 79.99 (中).
#[test]
fn a_table_total_of_exactly_90_or_80_takes_the_higher_grade() {
    for (score, total, expected) in [
        ("80.84", "90.00", "优"),
        ("80.83", "89.99", "良"),
        ("70.84", "80.00", "良"),
        ("70.83", "79.99", "中"),
    ] {
        let (a, _) = scored_by_author(score);
        assert_eq!(a.figures.number("overall.execution_score"), Some(d("9.16")));
        assert_eq!(
            a.figures.number("unit.total_score"),
            Some(d(total)),
            "{score}"
        );
        assert_eq!(
            a.figures.get("unit.grade").map(|f| &f.value),
            Some(&Value::Text(expected.into())),
            "{score}"
        );
    }
}

// ── the audit's boundaries ──────────────────────────────────────────

/// An author's score may be anything from 0 to the weight (90), both
/// included; a hundredth beyond either end is J005 at the score's line.
#[test]
fn an_author_score_from_zero_to_the_weight_is_in_range() {
    for (score, out_of_range) in [
        ("0", false),
        ("90", false),
        ("-0.01", true),
        ("90.01", true),
    ] {
        let (a, text) = scored_by_author(score);
        assert_eq!(a.figures.number(UNIT_SCORE), Some(d(score)));
        let expected = if out_of_range {
            vec![vec![
                line_of(&text, "- name: 开展活动次数"),
                line_of(&text, "score: "),
            ]]
        } else {
            vec![]
        };
        assert_eq!(flagged(&a, "J005", UNIT_SCORE), expected, "{score}");
    }
}

/// 执行率 below 90 % needs a reason (J008); 90.00 % itself does not. The rate
/// compared is the one printed, rounded half-up: 89.995 ÷ 100 = 89.995 %
/// prints as 90.00 %, 89.994 ÷ 100 as 89.99 %.
#[test]
fn an_execution_rate_needs_a_reason_only_below_90_percent() {
    for (actual, rate, low) in [
        ("90", "90", false),
        ("89.995", "90", false),
        ("89.994", "89.99", true),
        ("89.99", "89.99", true),
    ] {
        let (a, text) = variant(&[
            ("  full_year_budget: 120.5", "  full_year_budget: 100"),
            ("  actual: 110.25", &format!("  actual: {actual}")),
        ]);
        assert_eq!(
            a.figures.number("basic.execution_rate"),
            Some(d(rate)),
            "{actual}"
        );
        let expected = if low {
            vec![vec![
                line_of(&text, "  full_year_budget: 100"),
                line_of(&text, &format!("  actual: {actual}")),
            ]]
        } else {
            vec![]
        };
        assert_eq!(
            flagged(&a, "J008", "basic.execution_rate"),
            expected,
            "{actual}"
        );
    }
}

/// 公用经费“其中”明细 may add up to 公用经费 exactly; a hundredth more is
/// J014. 公用经费 (决算) is basic_expenditure.public, 30.25: items 20 + 10.25
/// = 30.25 pass, 20 + 10.26 = 30.26 do not.
#[test]
fn public_fund_items_may_reach_their_total_but_not_pass_it() {
    for (second, exceeds) in [("10.25", false), ("10.26", true), ("10.24", false)] {
        let items = format!(
            "    last_year: 28\n    budget: 30\n    items:\n      - name: 办公经费\n        \
             last_year: 10\n        budget: 10\n        actual: 20\n      - name: 差旅费\n        \
             last_year: 5\n        budget: 5\n        actual: {second}\n"
        );
        let (a, text) = variant(&[("    last_year: 28\n    budget: 30\n", &items)]);
        let found = flagged(&a, "J014", "public_funds.items_total.actual");
        if exceeds {
            assert_eq!(found.len(), 1, "{second}");
            let lines = &found[0];
            for line in [
                line_of(&text, "actual: 20"),
                line_of(&text, &format!("actual: {second}")),
                line_of(&text, "  public: 30.25"),
            ] {
                assert!(lines.contains(&line), "{second}: {lines:?} lacks {line}");
            }
        } else {
            assert!(found.is_empty(), "{second}: {found:?}");
        }
        // The other columns are well within their totals.
        assert!(flagged(&a, "J014", "public_funds.items_total.budget").is_empty());
    }
}

/// A zero full-year budget has no execution rate, so the 预算执行得分 of its
/// table cannot be computed: J010 at that budget's line, and only for that
/// table. The project's 55 ÷ 0 has no rate; the unit's (110.25 + 55) ÷
/// (120.5 + 0) = 137.14 % is capped at 100 %: 100 × 10 ÷ 100 = 10.
#[test]
fn a_zero_budget_leaves_its_execution_score_missing_and_says_so() {
    let (a, text) = variant(&[(
        "        full_year_budget: 60",
        "        full_year_budget: 0",
    )]);
    let project = "project[运行维护经费].execution_score";
    assert_eq!(
        a.figures.get(project).map(|f| &f.value),
        Some(&Value::Missing)
    );
    assert_eq!(
        flagged(&a, "J010", project),
        vec![vec![line_of(&text, "full_year_budget: 0")]]
    );
    assert_eq!(a.figures.number("overall.execution_score"), Some(d("10")));
    assert!(flagged(&a, "J010", "overall.execution_score").is_empty());

    // Both budgets zero: the unit's score is missing too, at both lines.
    let (a, text) = variant(&[
        (
            "        full_year_budget: 60",
            "        full_year_budget: 0",
        ),
        ("  full_year_budget: 120.5", "  full_year_budget: 0"),
    ]);
    assert_eq!(
        flagged(&a, "J010", "overall.execution_score"),
        vec![common::lines_containing(&text, "full_year_budget: 0")]
    );
}

/// A printed rate or score one hundredth off its computed value is J002 with
/// a hint that the rounding may be wrong; an amount one hundredth off, or a
/// rate two hundredths off, is J002 without it. 110.25 ÷ 120.5 = 91.493…% →
/// 91.49 %.
#[test]
fn only_a_rate_or_score_one_hundredth_off_hints_at_rounding() {
    for (figure, printed, hint) in [
        ("basic.execution_rate", "91.50", true),
        ("basic.execution_rate", "91.48", true),
        ("basic.execution_rate", "91.51", false),
        ("basic.actual", "110.24", false),
        ("basic.actual", "110.26", false),
    ] {
        let mut text = minimal();
        text.push_str(&format!(
            "reported:\n  - {{ figure: {figure}, value: {printed}, at: 二㈠ }}\n"
        ));
        let a = analyse(&text, "edge.yaml");
        let found: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.code == "J002" && f.figures.iter().any(|n| n == figure))
            .collect();
        assert_eq!(found.len(), 1, "{figure} {printed}");
        assert_eq!(
            found[0].lines.first(),
            Some(&line_of(&text, "at: 二㈠")),
            "{figure} {printed}"
        );
        assert_eq!(
            found[0].message.contains("舍入"),
            hint,
            "{figure} {printed}: {}",
            found[0].message
        );
    }
}

// ── the 基础数据表's 楼堂馆所 ────────────────────────────────────────

/// A building finished in the year: its four figures as written and its two
/// control rates, worked out and printed in the 基础数据表.
#[test]
fn a_finished_building_has_its_control_rates_in_the_base_data_table() {
    // 实际规模 1180.5 ÷ 批复规模 1200 × 100% = 98.375% → 98.38%;
    // 实际投资 342.6 ÷ 预算投资 350 × 100% = 97.8857…% → 97.89%.
    let text = common::REFERENCE.replace(
        "  buildings: []",
        "  buildings:\n    - { name: 业务用房维修改造, approved_area: 1200, actual_area: 1180.5, budget_investment: 350, actual_investment: 342.6 }",
    );
    let a = analyse(&text, "building.yaml");
    let value = |suffix: &str| {
        let found: Vec<_> = a
            .figures
            .iter()
            .filter(|f| f.name.starts_with("building") && f.name.ends_with(suffix))
            .collect();
        assert_eq!(found.len(), 1, "{suffix}");
        found[0].value.clone()
    };
    assert_eq!(value(".approved_area"), Value::Number(d("1200")));
    assert_eq!(value(".actual_area"), Value::Number(d("1180.5")));
    assert_eq!(value(".budget_investment"), Value::Number(d("350")));
    assert_eq!(value(".actual_investment"), Value::Number(d("342.6")));
    assert_eq!(value(".area_control_rate"), Value::Number(d("98.38")));
    assert_eq!(value(".investment_control_rate"), Value::Number(d("97.89")));
    let row = common::table_rows(&common::markdown(&a), "业务用房维修改造");
    let row = row.first().expect("the building has a row");
    for figure in ["1180.5", "98.38%", "342.60", "97.89%"] {
        assert!(row.iter().any(|cell| cell == figure), "{figure} in {row:?}");
    }
}

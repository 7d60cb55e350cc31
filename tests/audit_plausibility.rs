//! Facts no real unit could have (合理性, J020–J024): each is reported at
//! its YAML line, right at the bounds and not inside them, and none lets a
//! saturated, wrapped or rounded-away figure into the report.

mod common;

use common::{analyse, minimal, replaced};
use jixiao::Analysis;
use jixiao::audit::Severity;
use jixiao::compute::Value;
use jixiao::model::load_str;
use jixiao::render::{self, Templates};

/// `minimal.yaml` with each `(from, to)` replaced once, analysed.
fn variant(replacements: &[(&str, &str)]) -> Analysis {
    analyse(&replaced(&minimal(), replacements), "variant.yaml")
}

/// The lines at which `code` is reported, first line of each finding.
fn reported(analysis: &Analysis, code: &str) -> Vec<usize> {
    analysis
        .findings
        .iter()
        .filter(|f| f.code == code)
        .map(|f| f.lines.first().copied().unwrap_or(0))
        .collect()
}

fn severity(analysis: &Analysis, code: &str) -> Severity {
    analysis
        .findings
        .iter()
        .find(|f| f.code == code)
        .map(|f| f.severity)
        .unwrap_or_else(|| panic!("no {code}"))
}

#[test]
fn years_outside_2000_to_2100_are_errors_at_their_line() {
    for (year, flagged) in [
        ("2000", false),
        ("2100", false),
        ("2024", false),
        ("1999", true),
        ("2101", true),
        ("0", true),
        ("20240", true),
        ("9999999999999999999999999999", true),
    ] {
        let a = variant(&[("year: 2024", &format!("year: {year}"))]);
        let expected: Vec<usize> = if flagged { vec![4] } else { vec![] };
        assert_eq!(reported(&a, "J020"), expected, "year {year}");
        if flagged {
            assert_eq!(severity(&a, "J020"), Severity::Error);
        }
    }
}

#[test]
fn whole_numbers_written_with_zero_decimals_are_whole() {
    let a = variant(&[
        ("year: 2024", "year: 2024.0"),
        ("    actual: 8", "    actual: 8.00"),
    ]);
    assert_eq!(a.loaded.facts.year.value.to_string(), "2024");
    assert_eq!(a.loaded.facts.unit.staffing.actual.value.to_string(), "8");
    assert!(a.findings.is_empty(), "{:?}", a.findings);
}

#[test]
fn a_year_left_to_fill_in_is_pending_not_out_of_range() {
    let a = variant(&[("year: 2024", "year: ~")]);
    assert_eq!(reported(&a, "J015"), vec![4]);
    assert!(reported(&a, "J020").is_empty());
}

#[test]
fn head_counts_beyond_any_unit_are_errors() {
    let at_bound = variant(&[("    authorized: 10", "    authorized: 100000")]);
    assert!(reported(&at_bound, "J021").is_empty());
    let beyond = variant(&[
        ("    authorized: 10", "    authorized: 100001"),
        ("    actual: 8", "    actual: 1000000"),
    ]);
    assert_eq!(reported(&beyond, "J021"), vec![14, 15]);
    assert_eq!(severity(&beyond, "J021"), Severity::Error);
    // An implausible count is not also compared with the other.
    assert!(reported(&beyond, "J022").is_empty());
}

#[test]
fn more_staff_than_posts_is_a_warning_with_the_control_rate() {
    let a = variant(&[("    actual: 8", "    actual: 11")]);
    assert_eq!(reported(&a, "J022"), vec![15]);
    assert_eq!(severity(&a, "J022"), Severity::Warning);
    assert_eq!(a.errors(), 0, "a warning only: build goes ahead");
    let finding = a.findings.iter().find(|f| f.code == "J022").unwrap();
    assert!(finding.message.contains("110%"), "{}", finding.message);

    let equal = variant(&[("    actual: 8", "    actual: 10")]);
    assert!(reported(&equal, "J022").is_empty());
    let no_posts = variant(&[("    authorized: 10", "    authorized: 0")]);
    assert_eq!(reported(&no_posts, "J022"), vec![15], "8 staff, no posts");
    let pending = variant(&[("    authorized: 10", "    authorized: ~")]);
    assert!(
        reported(&pending, "J022").is_empty(),
        "a count left to fill in is not compared"
    );
}

#[test]
fn amounts_with_more_than_four_decimals_are_errors_not_rounded_away() {
    for (written, j023, j011) in [
        ("30.25", false, false),
        ("30.2501", false, true),
        ("30.25000000", false, false),
        ("30.25001", true, false),
        ("0.00001", true, false),
        ("30.2500000000000000000000001", true, false),
    ] {
        let a = variant(&[("  public: 30.25", &format!("  public: {written}"))]);
        assert_eq!(reported(&a, "J023").len(), usize::from(j023), "{written}");
        assert_eq!(reported(&a, "J011").len(), usize::from(j011), "{written}");
        if j023 {
            assert_eq!(reported(&a, "J023"), vec![26]);
            assert!(a.errors() > 0, "{written}: build is stopped");
        }
    }
}

#[test]
fn digits_beyond_what_a_decimal_holds_are_refused_at_load() {
    let text = minimal().replacen(
        "  public: 30.25",
        "  public: 30.250000000000000000000000000001",
        1,
    );
    let e = load_str(&text, "variant.yaml").unwrap_err();
    assert_eq!(e.kind, jixiao::model::load::LoadErrorKind::InvalidValue);
    assert_eq!(e.at.map(|at| at.line), Some(26));
}

const HUGE: &str = "50000000000000000000000000000";

#[test]
fn a_sum_that_overflows_is_an_error_and_no_figure() {
    let a = variant(&[
        ("  personnel: 80", &format!("  personnel: {HUGE}")),
        ("  public: 30.25", &format!("  public: {HUGE}")),
    ]);
    assert_eq!(reported(&a, "J024"), vec![25]);
    assert_eq!(severity(&a, "J024"), Severity::Error);
    assert_eq!(
        a.figures.get("basic.split_total").unwrap().value,
        Value::Missing
    );
    assert_eq!(a.figures.overflowed, vec!["basic.split_total".to_string()]);
}

#[test]
fn overflow_spreads_to_every_figure_computed_from_it() {
    // Two projects of 5 × 10^28 each: their total, everything over it and
    // every rate and score on it overflow; the audit names the first ones.
    let second = minimal()
        .split("projects:\n")
        .nth(1)
        .unwrap()
        .split("self_evaluation:")
        .next()
        .unwrap()
        .replacen("运行维护经费", "第二个项目", 1);
    let a = variant(&[
        ("projects:\n", &format!("projects:\n{second}")),
        (
            "        full_year_budget: 60",
            &format!("        full_year_budget: {HUGE}"),
        ),
        (
            "        full_year_budget: 60",
            &format!("        full_year_budget: {HUGE}"),
        ),
    ]);
    for name in [
        "projects.full_year_budget",
        "projects.execution_rate",
        "overall.full_year_budget",
        "overall.execution_rate",
        "overall.execution_score",
    ] {
        assert!(
            a.figures.overflowed.iter().any(|n| n == name),
            "{name} overflowed"
        );
        assert_eq!(a.figures.get(name).unwrap().value, Value::Missing, "{name}");
    }
    assert!(!reported(&a, "J024").is_empty());
    let roots = reported(&a, "J024").len();
    assert!(
        roots < a.figures.overflowed.len(),
        "dependents are not reported again"
    );
    no_saturated_figure(&a);
}

#[test]
fn a_rate_that_overflows_is_an_error_not_a_dash_for_a_zero_budget() {
    let a = variant(&[
        ("  full_year_budget: 120.5", "  full_year_budget: 0.0001"),
        ("  actual: 110.25", &format!("  actual: {HUGE}")),
    ]);
    assert!(
        a.figures
            .overflowed
            .iter()
            .any(|n| n == "basic.execution_rate")
    );
    assert!(!reported(&a, "J024").is_empty());
    no_saturated_figure(&a);
}

/// No figure holds the largest decimal (a saturated sum), and the report
/// built anyway (`--allow-errors`) prints none.
fn no_saturated_figure(a: &Analysis) {
    for f in a.figures.iter() {
        if let Value::Number(n) = f.value {
            assert_ne!(n.abs(), rust_decimal::Decimal::MAX, "{} saturated", f.name);
        }
    }
    let templates = Templates::load(None).unwrap();
    let markdown = render::markdown(a, &templates).expect("renders");
    assert!(
        !markdown.contains("79228162514264337593543950335"),
        "{markdown}"
    );
}

#[test]
fn a_printed_value_of_the_opposite_extreme_is_a_mismatch_not_a_panic() {
    let max = "79228162514264337593543950335";
    let a = variant(&[
        ("  actual: 110.25", &format!("  actual: {max}")),
        (
            "narrative:",
            &format!(
                "reported:\n  - {{ figure: basic.actual, value: -{max}, at: 二㈠ }}\nnarrative:"
            ),
        ),
    ]);
    assert_eq!(reported(&a, "J002").len(), 1, "{:?}", a.findings);
}

#[test]
fn a_total_score_that_overflows_has_no_grade() {
    // The unit's table: execution weight and the one indicator's weight both
    // 5 × 10^28 (the indicator is met, so it scores its weight).
    let a = variant(&[
        (
            "\n  execution_weight: 10",
            &format!("\n  execution_weight: {HUGE}"),
        ),
        (
            "\n              weight: 90",
            &format!("\n              weight: {HUGE}"),
        ),
    ]);
    assert!(!reported(&a, "J024").is_empty());
    for name in ["unit.total_score", "unit.grade"] {
        assert_eq!(a.figures.get(name).unwrap().value, Value::Missing, "{name}");
        assert!(a.figures.overflowed.iter().any(|n| n == name), "{name}");
    }
    no_saturated_figure(&a);
}

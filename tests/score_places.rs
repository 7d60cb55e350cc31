//! An author-written score or weight is printed as written or refused: one
//! written with more decimals than the rounding rule prints scores with is
//! an error at its YAML line (J028), under any rule's places, so that no
//! score is shown, or added into a total, as another figure.

mod common;

use common::{analyse, d, insert_after, line_no, markdown, minimal, replace_line, replaced};
use jixiao::Analysis;
use jixiao::audit::Severity;

const PROJECT_VALUE: &str = "                  actual_value: 12";
const UNIT_SCORE: &str = "unit.indicator[产出指标/数量指标/开展活动次数].score";

/// `text` with `rounding` (as the file writes it) under `rules:`.
fn with_rounding(text: &str, rounding: &str) -> String {
    format!("{text}rules:\n  rounding: {rounding}\n")
}

/// The lines of the J028 findings of `a`, each checked to be an error.
fn flagged(a: &Analysis) -> Vec<usize> {
    let found: Vec<_> = a.findings.iter().filter(|f| f.code == "J028").collect();
    assert!(found.iter().all(|f| f.severity == Severity::Error));
    found.iter().flat_map(|f| f.lines.clone()).collect()
}

/// The project's indicator made qualitative and scored `score` by its author.
fn author_scored(score: &str, rounding: &str) -> (String, usize) {
    let (text, at) = replace_line(
        &minimal(),
        PROJECT_VALUE,
        &format!("                  score: {score}"),
    );
    let text = if rounding.is_empty() {
        text
    } else {
        with_rounding(&text, rounding)
    };
    (text, at)
}

#[test]
fn an_author_score_beyond_the_rules_places_is_refused_at_its_line() {
    // (score, rounding rule, refused): at 2 places 89.999 would print 90.00
    // and 4.125 would print 4.13 (4.12 truncated); 4.10 and 4.100 are 4.1,
    // printed 4.10; at 3 places 89.999 prints as written; at 0 places 4.5
    // would print 5 (4 truncated), 4.0 is 4.
    let cases = [
        ("89.999", "", true),
        ("89.999", "截断", true),
        ("4.125", "", true),
        ("4.10", "", false),
        ("4.100", "", false),
        ("0.001", "", true),
        ("89.999", "{ 得分: 3 }", false),
        ("89.9999", "{ 得分: 3 }", true),
        ("4.5", "{ 得分: 0 }", true),
        ("4.0", "{ 方式: 截断, 得分: 0 }", false),
        ("85", "{ 得分: 0 }", false),
    ];
    for (score, rounding, refused) in cases {
        let (text, at) = author_scored(score, rounding);
        let a = analyse(&text, "得分位数.yaml");
        let want = if refused { vec![at] } else { Vec::new() };
        assert_eq!(flagged(&a), want, "{score} [{rounding}]: {:?}", a.findings);
    }
}

#[test]
fn a_reduced_score_is_shown_as_written_or_refused() {
    // ≥5次 done 8 times (60 % over) under national, with a reason: the
    // author may score lower than 90. 89.999 would print as 90.00 and the
    // total would read 99.16 from 99.159: refused at the score's line;
    // 89.99 is printed as written and adds into the total exactly.
    let text = replaced(
        &minimal(),
        &[(
            "              actual_value: 5\n",
            "              actual_value: 8\n              deviation: 目标定得偏低。\n",
        )],
    );
    let text = format!("{text}rules:\n  profile: national\n");
    let at = line_no(&text, "              deviation: 目标定得偏低。");
    for (score, refused) in [("89.999", true), ("89.99", false)] {
        let scored = insert_after(&text, at, &format!("score: {score}"));
        let a = analyse(&scored, "扣减.yaml");
        assert_eq!(a.figures.number(UNIT_SCORE), Some(d(score)));
        let want = if refused { vec![at + 1] } else { Vec::new() };
        assert_eq!(flagged(&a), want, "{score}: {:?}", a.findings);
        if !refused {
            assert!(markdown(&a).contains("89.99"));
        }
    }
}

#[test]
fn weights_beyond_the_rules_places_are_refused_at_their_lines() {
    // An indicator's weight of 89.995 would print 90.00 (89.99 truncated);
    // an execution weight of 10.005 would print 10.01 (10.00 truncated).
    for rounding in ["", "截断"] {
        let (text, weight_at) = replace_line(
            &minimal(),
            "                  weight: 90",
            "                  weight: 89.995",
        );
        let (text, execution_at) = replace_line(
            &text,
            "  execution_weight: 10",
            "  execution_weight: 10.005",
        );
        let text = if rounding.is_empty() {
            text
        } else {
            with_rounding(&text, rounding)
        };
        let a = analyse(&text, "分值位数.yaml");
        let mut lines = flagged(&a);
        lines.sort();
        assert_eq!(
            lines,
            [weight_at, execution_at],
            "[{rounding}] {:?}",
            a.findings
        );
    }
    // Written to the rule's places, or the rule widened: nothing to refuse.
    let (text, _) = replace_line(
        &minimal(),
        "                  weight: 90",
        "                  weight: 89.5",
    );
    assert!(flagged(&analyse(&text, "x.yaml")).is_empty());
    let (text, _) = replace_line(
        &minimal(),
        "                  weight: 90",
        "                  weight: 89.995",
    );
    assert!(flagged(&analyse(&with_rounding(&text, "{ 得分: 3 }"), "x.yaml")).is_empty());
}

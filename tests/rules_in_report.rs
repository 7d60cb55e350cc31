//! Section 六 ends with the rules the report was scored by: its paragraph
//! follows the resolved rules (profile and overrides) and mentions only the
//! rules of the kinds of target the report has.

mod common;

use common::{analyse, markdown, minimal, replaced};

/// The last paragraph of section 六 of the report of `text`.
fn rules_paragraph(text: &str) -> String {
    let md = markdown(&analyse(text, "规则.yaml"));
    let start = md.find("## 六").expect("section 六");
    let end = md[start..].find("## 七").map_or(md.len(), |e| start + e);
    md[start..end]
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .last()
        .expect("a paragraph")
        .to_string()
}

fn with_rules(text: &str, rules: &str) -> String {
    format!("{text}rules:\n{rules}")
}

/// The minimal file with its unit indicator's target set to `target`.
fn with_target(target: &str) -> String {
    replaced(
        &minimal(),
        &[("target: ≥5次", &format!("target: \"{target}\""))],
    )
}

#[test]
fn the_paragraph_follows_each_option_that_decides_a_score() {
    // Each option changes the paragraph when the report has its kind of target.
    for (target, option, one, other) in [
        ("≤5次", "at_most_missed", "超出扣减", "目标比实际"),
        ("1处", "exact_exceeded", "超出扣减", "满分"),
        ("1处", "exact_exceeded", "目标比实际", "满分"),
        ("做好活动组织工作", "rating_edges", "含下限", "含上限"),
        (
            "95%以上计满分，每降5%扣1分",
            "satisfaction_steps",
            "整档",
            "按比例",
        ),
        ("≥5次", "execution_score", "线性封顶", "线性不封顶"),
    ] {
        let text = with_target(target);
        let a = rules_paragraph(&with_rules(&text, &format!("  {option}: {one}\n")));
        let b = rules_paragraph(&with_rules(&text, &format!("  {option}: {other}\n")));
        assert_ne!(a, b, "{target}: {option} {one} / {other}");
    }
}

#[test]
fn rules_for_targets_the_report_lacks_are_not_mentioned() {
    // The minimal file has only ≥ targets: the ≤, =, qualitative and
    // satisfaction options leave its paragraph as it is.
    let plain = rules_paragraph(&minimal());
    for rules in [
        "  profile: national\n",
        "  at_most_missed: 目标比实际\n",
        "  exact_exceeded: 满分\n",
        "  rating_edges: 含上限\n",
        "  satisfaction_steps: 按比例\n",
    ] {
        assert_eq!(
            rules_paragraph(&with_rules(&minimal(), rules)),
            plain,
            "{rules}"
        );
    }
}

#[test]
fn execution_bands_are_listed_with_their_figures() {
    let rules = "  execution_score: 分档\n  execution_bands:\n    - { from: 85.5, share: 70 }\n    - { from: 97, share: 100 }\n";
    let p = rules_paragraph(&with_rules(&minimal(), rules));
    // Highest band first, each start and share printed as written.
    let at = |s: &str| p.find(s).unwrap_or_else(|| panic!("{s} in {p}"));
    assert!(at("97%") < at("100%"));
    assert!(at("100%") < at("85.5%"));
    assert!(at("85.5%") < at("70%"));
}

/// The paragraph's clauses (split at “；”, the full stop dropped).
fn clauses(paragraph: &str) -> Vec<String> {
    paragraph
        .trim_end_matches('。')
        .split('；')
        .map(str::to_string)
        .collect()
}

/// The minimal file with a second unit indicator, a ≤ target, written as
/// `rest` says (the lines after its target).
fn with_ceiling_indicator(rest: &str) -> String {
    replaced(
        &minimal(),
        &[(
            "              actual_value: 5\n",
            &format!(
                "              actual_value: 5\n            - name: 投诉次数\n              weight: 0\n              target: ≤5次\n{rest}"
            ),
        )],
    )
}

#[test]
fn indicators_that_decide_no_score_add_no_rule() {
    // A ≤ target that does not apply this year, or that has no measured
    // value (its author's score stands): the ≤ option decides no score, so
    // the paragraph is the minimal file's under either option.
    let plain = rules_paragraph(&minimal());
    for rest in [
        "              actual: 不适用。\n              applicable: false\n              reason: 本年未设投诉渠道。\n",
        "              actual: 未统计。\n              score: 0\n",
    ] {
        for option in ["超出扣减", "目标比实际"] {
            let text = with_rules(
                &with_ceiling_indicator(rest),
                &format!("  at_most_missed: {option}\n"),
            );
            assert_eq!(rules_paragraph(&text), plain, "{rest} {option}");
        }
    }
    // Measured, the same indicator's rule is told, and each option differently.
    let measured =
        with_ceiling_indicator("              actual: 投诉6次。\n              actual_value: 6\n");
    let a = rules_paragraph(&with_rules(&measured, "  at_most_missed: 超出扣减\n"));
    let b = rules_paragraph(&with_rules(&measured, "  at_most_missed: 目标比实际\n"));
    assert_ne!(a, plain);
    assert_ne!(a, b);
}

#[test]
fn a_report_without_quantitative_targets_says_nothing_of_them() {
    // Both indicators made qualitative and scored by their authors: the
    // minimal file's clause on quantitative targets (its second, after the
    // execution score's) is not in the paragraph; the qualitative one is.
    let qualitative = replaced(
        &minimal(),
        &[
            (
                "              target: ≥5次\n",
                "              target: 做好活动组织工作\n",
            ),
            (
                "              actual_value: 5\n",
                "              score: 90\n              rating: 达成\n",
            ),
            (
                "                  target: ≥12次\n",
                "                  target: 做好运行维护工作\n",
            ),
            (
                "                  actual_value: 12\n",
                "                  score: 90\n                  rating: 达成\n",
            ),
        ],
    );
    let plain = clauses(&rules_paragraph(&minimal()));
    assert_eq!(plain.len(), 2, "{plain:?}");
    let only_qualitative = clauses(&rules_paragraph(&qualitative));
    assert_eq!(only_qualitative.len(), 2, "{only_qualitative:?}");
    assert_eq!(only_qualitative[0], plain[0]);
    assert!(
        !only_qualitative.contains(&plain[1]),
        "{only_qualitative:?}"
    );
    // The rating edges now decide scores: each option reads differently.
    let edges =
        |e: &str| rules_paragraph(&with_rules(&qualitative, &format!("  rating_edges: {e}\n")));
    assert_ne!(edges("含下限"), edges("含上限"));
}

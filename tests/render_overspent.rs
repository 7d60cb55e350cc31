//! An overspent budget (实际支出 > 全年预算) is printed as the amount
//! overspent, never as a negative balance: for 基本支出, for the projects'
//! total and for its 财政拨款 and 非财政拨款 parts, each by its own sign, with
//! a word of its own before the amount (whatever the templates call it).

mod common;

use common::{analyse, minimal, replaced};
use jixiao::Analysis;

/// `minimal.yaml` with 基本支出 overspent by 5.25 and its project overspent
/// by 3.4, beside a second project, paid from other funds, that leaves 6.
fn overspent_unit() -> String {
    let replacements = [
        (
            "  actual: 110.25\n  personnel: 80",
            "  actual: 125.75\n  personnel: 95.5",
        ),
        ("        actual: 55\n", "        actual: 63.4\n"),
        (
            "self_evaluation:",
            "  - name: 培训经费
    funding:
      other:
        initial_budget: 10
        full_year_budget: 10
        actual: 4
    last_year_actual: 0
    goals:
      expected: [开展培训]
      achieved: [开展了培训。]
    evaluation:
      execution_weight: 10
      execution_deviation: 培训推迟到下一年。
      categories:
        - name: 产出指标
          subcategories:
            - name: 数量指标
              indicators:
                - name: 培训次数
                  weight: 90
                  target: ≥1次
                  actual: 培训1次。
                  actual_value: 1
self_evaluation:",
        ),
    ];
    replaced(&minimal(), &replacements)
}

fn markdown(text: &str) -> (Analysis, String) {
    let analysis = analyse(text, "overspent.yaml");
    let markdown = common::markdown(&analysis);
    (analysis, markdown)
}

#[test]
fn overspending_is_worded_as_such_with_the_amount() {
    let (analysis, markdown) = markdown(&overspent_unit());
    let figure = |name: &str| {
        analysis
            .figures
            .number(name)
            .unwrap()
            .normalize()
            .to_string()
    };
    assert_eq!(figure("basic.balance"), "-5.25");
    assert_eq!(figure("project[运行维护经费].balance"), "-3.4");
    assert_eq!(figure("projects.balance"), "2.6");
    assert_eq!(figure("projects.fiscal_balance"), "-3.4");
    assert_eq!(figure("projects.non_fiscal_balance"), "6");

    let basic = paragraph_after(&markdown, "### ㈠基本支出情况");
    assert_eq!(occurrences(basic, "5.25").len(), 1, "{basic}");
    let projects = paragraph_after(&markdown, "### ㈡项目支出情况");
    for amount in ["2.60", "3.40", "6.00"] {
        assert_eq!(
            occurrences(projects, amount).len(),
            1,
            "{amount} in {projects}"
        );
    }
    // 3.40 overspent and 6.00 left are told apart by the word before each.
    assert_ne!(word_before(projects, "3.40"), word_before(projects, "6.00"));
    assert_no_negative_amount(&markdown);
}

#[test]
fn a_total_overspent_is_worded_so_too() {
    // Without the second project, the projects' total is overspent as well.
    let text = overspent_unit();
    let cut = text.find("  - name: 培训经费").unwrap();
    let end = text.find("self_evaluation:").unwrap();
    let text = format!("{}{}", &text[..cut], &text[end..]);
    let (_, markdown) = markdown(&text);
    let projects = paragraph_after(&markdown, "### ㈡项目支出情况");
    // The total and its 财政拨款 part are overspent by 3.40, the rest left 0.00.
    assert_eq!(occurrences(projects, "3.40").len(), 2, "{projects}");
    assert_ne!(word_before(projects, "3.40"), word_before(projects, "0.00"));
    assert_no_negative_amount(&markdown);
}

#[test]
fn a_balance_of_zero_is_a_balance() {
    let text = overspent_unit().replacen(
        "  actual: 125.75\n  personnel: 95.5",
        "  actual: 120.5\n  personnel: 90.25",
        1,
    );
    let (_, balanced) = markdown(&text);
    let (_, overspent) = markdown(&overspent_unit());
    let basic = paragraph_after(&balanced, "### ㈠基本支出情况");
    let over = paragraph_after(&overspent, "### ㈠基本支出情况");
    assert_eq!(occurrences(basic, "0.00").len(), 1, "{basic}");
    // A balance of zero is worded as the positive balances are, not as an overspending.
    let project_balance = word_before(paragraph_after(&overspent, "### ㈡项目支出情况"), "6.00");
    assert_eq!(word_before(basic, "0.00"), project_balance);
    assert_ne!(word_before(basic, "0.00"), word_before(over, "5.25"));
}

/// The first paragraph after the line `heading`.
fn paragraph_after<'a>(markdown: &'a str, heading: &str) -> &'a str {
    markdown
        .lines()
        .skip_while(|l| *l != heading)
        .skip(1)
        .find(|l| !l.is_empty())
        .unwrap_or_else(|| panic!("no paragraph after {heading}"))
}

/// Where `amount` stands in `text` as a number of its own (not the tail or
/// head of a longer one), by byte offset.
fn occurrences(text: &str, amount: &str) -> Vec<usize> {
    let part_of_number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '.');
    text.match_indices(amount)
        .map(|(at, _)| at)
        .filter(|&at| {
            !part_of_number(text[..at].chars().next_back())
                && !part_of_number(text[at + amount.len()..].chars().next())
        })
        .collect()
}

/// The two characters before the first `amount` standing alone in `text`.
fn word_before(text: &str, amount: &str) -> String {
    let at = *occurrences(text, amount)
        .first()
        .unwrap_or_else(|| panic!("no {amount} in {text}"));
    let before: Vec<char> = text[..at].chars().collect();
    before[before.len().saturating_sub(2)..].iter().collect()
}

/// No amount in the report is printed with a minus sign.
fn assert_no_negative_amount(markdown: &str) {
    let chars: Vec<char> = markdown.chars().collect();
    let negative = chars
        .windows(2)
        .any(|w| w[0] == '-' && w[1].is_ascii_digit());
    assert!(!negative, "a negative amount printed: {markdown}");
}

/// A balance that prints as 0 at the rule's places is a balance of 0, never
/// “超支0.00”: 基本支出 120.5 budgeted, 120.505 spent leaves −0.005, which
/// 截断 prints as 0.00 (worded as the project's balance of 6.00 is) and
/// 四舍五入 as −0.01 (worded as the overspending of 5.25 is, amount 0.01).
#[test]
fn a_balance_printed_as_zero_is_not_overspent_under_either_mode() {
    let text = overspent_unit().replacen(
        "  actual: 125.75\n  personnel: 95.5",
        "  actual: 120.505\n  personnel: 90.255",
        1,
    );
    let (_, overspent) = markdown(&overspent_unit());
    let over = paragraph_after(&overspent, "### ㈠基本支出情况");
    let left = word_before(paragraph_after(&overspent, "### ㈡项目支出情况"), "6.00");
    for (mode, shown, word) in [
        ("截断", "0.00", left.clone()),
        ("四舍五入", "0.01", word_before(over, "5.25")),
    ] {
        let text = text.replacen(
            "year: 2024\n",
            &format!("year: 2024\nrules:\n  rounding: {mode}\n"),
            1,
        );
        let (_, markdown) = markdown(&text);
        let basic = paragraph_after(&markdown, "### ㈠基本支出情况");
        assert_eq!(occurrences(basic, shown).len(), 1, "{mode}: {basic}");
        assert_eq!(word_before(basic, shown), word, "{mode}: {basic}");
        assert_no_negative_amount(&markdown);
    }
}

//! An overspent budget (实际支出 > 全年预算) is worded “超支 N万元” in the
//! report, never “结余-N万元”: for 基本支出, for the projects' total and for
//! its 财政拨款 and 非财政拨款 parts, each by its own sign.

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

    assert!(
        markdown.contains("公用经费30.25万元，超支5.25万元，全年支出执行率104.36%"),
        "{markdown}"
    );
    assert!(
        markdown
            .contains("年末结余2.60万元（其中财政拨款超支3.40万元，非财政拨款资金结余6.00万元）"),
        "{markdown}"
    );
    assert!(
        !markdown.contains("结余-"),
        "a negative balance printed: {markdown}"
    );
    assert!(!markdown.contains("超支-"), "{markdown}");
}

#[test]
fn a_total_overspent_is_worded_so_too() {
    // Without the second project, the projects' total is overspent as well.
    let text = overspent_unit();
    let cut = text.find("  - name: 培训经费").unwrap();
    let end = text.find("self_evaluation:").unwrap();
    let text = format!("{}{}", &text[..cut], &text[end..]);
    let (_, markdown) = markdown(&text);
    assert!(
        markdown.contains("超支3.40万元（其中财政拨款超支3.40万元，非财政拨款资金结余0.00万元）"),
        "{markdown}"
    );
    assert!(!markdown.contains("结余-"), "{markdown}");
}

#[test]
fn a_balance_of_zero_is_a_balance() {
    let text = overspent_unit().replacen(
        "  actual: 125.75\n  personnel: 95.5",
        "  actual: 120.5\n  personnel: 90.25",
        1,
    );
    let (_, markdown) = markdown(&text);
    assert!(
        markdown.contains("年末结余0.00万元，全年支出执行率100%"),
        "{markdown}"
    );
}

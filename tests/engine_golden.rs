//! Golden figures: every derived figure that the reference report prints
//! consistently equals jixiao's value for `data/2024.yaml`, and where the
//! report is inconsistent, jixiao's value is the one computed from the facts.
//! Compared as exact decimals, never floats.

mod common;

use common::{d, figures};
use jixiao::compute::{Figures, Value};
use rust_decimal::Decimal;

fn check(figures: &Figures, expected: &[(&str, &str)]) {
    let mut wrong = Vec::new();
    for (name, want) in expected {
        match figures.get(name) {
            None => wrong.push(format!("{name}: no such figure")),
            Some(f) => match &f.value {
                Value::Number(got) if *got == d(want) => {}
                other => wrong.push(format!("{name}: expected {want}, got {other:?}")),
            },
        }
    }
    assert!(wrong.is_empty(), "wrong figures:\n{}", wrong.join("\n"));
}

/// Figures the reference prints the same everywhere.
#[test]
fn figures_the_reference_prints_consistently() {
    check(
        &figures(),
        &[
            ("basic.execution_rate", "99.94"),
            ("basic.balance", "3.49"),
            ("projects.execution_rate", "79.39"),
            ("projects.balance", "255.98"),
            ("projects.fiscal_balance", "10"),
            ("projects.non_fiscal_balance", "245.98"),
            ("projects.actual", "985.78"),
            ("projects.full_year_budget", "1241.76"),
            ("staffing.control_rate", "83.33"),
            ("three_public.last_year", "51"),
            ("three_public.budget", "49.8"),
            ("three_public.actual", "36.16"),
            ("three_public.vehicle.last_year", "50.56"),
            ("three_public.vehicle.budget", "38"),
            ("three_public.vehicle.actual", "35.8"),
            ("base.projects.last_year", "1149.2"),
            ("base.projects.actual", "985.78"),
            ("overall.full_year_budget", "7324.16"),
            ("overall.income[一般公共预算]", "7071.38"),
            ("overall.income[政府性基金预算]", "0"),
            ("overall.income[纳入专户管理的非税收入]", "0"),
            ("overall.income[其他资金]", "252.78"),
            ("overall.spending[项目支出]", "985.78"),
            ("unit.category[产出指标].score", "50"),
            ("unit.category[效益指标].score", "30"),
            ("unit.category[满意度指标].score", "10"),
            ("unit.category[产出指标].weight", "50"),
            ("unit.category[效益指标].weight", "30"),
            ("unit.category[满意度指标].weight", "10"),
            ("unit.total_weight", "100"),
            ("project[运行维护经费].initial_budget", "846.86"),
            ("project[运行维护经费].full_year_budget", "906.86"),
            ("project[运行维护经费].actual", "906.86"),
            ("project[运行维护经费].execution_rate", "100"),
            ("project[运行维护经费].execution_score", "10"),
            ("project[运行维护经费].total_weight", "100"),
            ("project[运行维护经费].total_score", "100"),
            ("project[业务工作经费].actual", "78.92"),
            ("project[业务工作经费].full_year_budget", "334.9"),
            ("project[业务工作经费].execution_rate", "23.57"),
            ("project[业务工作经费].execution_score", "2.36"),
            ("project[业务工作经费].total_weight", "100"),
            ("project[业务工作经费].total_score", "92.36"),
        ],
    );
}

/// Each 二级 subtotal as printed in 六 (“该指标设置X分，自评得分Y分”).
#[test]
fn second_level_subtotals_of_section_six() {
    let expected = [
        ("产出指标/数量指标", "15"),
        ("产出指标/质量指标", "15"),
        ("产出指标/时效指标", "10"),
        ("产出指标/成本指标", "10"),
        ("效益指标/经济效益指标", "6"),
        ("效益指标/社会效益指标", "9"),
        ("效益指标/生态效益指标", "8"),
        ("效益指标/可持续影响指标", "7"),
        ("满意度指标/服务对象满意度指标", "10"),
    ];
    let mut pairs = Vec::new();
    for (path, value) in expected {
        pairs.push((format!("unit.subcategory[{path}].weight"), value));
        pairs.push((format!("unit.subcategory[{path}].score"), value));
    }
    let pairs: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (n.as_str(), *v)).collect();
    check(&figures(), &pairs);
}

/// Where the reference contradicts itself, the value computed from the facts.
#[test]
fn computed_values_where_the_reference_is_inconsistent() {
    let f = figures();
    check(
        &f,
        &[
            // printed 7064.68
            ("overall.actual", "7064.69"),
            // printed 96.45
            ("overall.execution_rate", "96.46"),
            // printed 9.98 and 9.64
            ("overall.execution_score", "9.65"),
            // printed 99.98 and 99.64
            ("unit.total_score", "99.65"),
            // printed 1181.76
            ("projects.initial_budget", "1275.62"),
            // printed 428.73
            ("project[业务工作经费].initial_budget", "428.76"),
            // printed 6912.38
            ("overall.initial_budget", "7259.02"),
            // printed 6078.90
            ("overall.spending[基本支出]", "6078.91"),
            // printed 1343.35
            ("base.projects.budget", "1241.76"),
            // 人员经费 + 公用经费, against 基本支出 6078.91
            ("basic.split_total", "5983.4"),
        ],
    );
    assert_eq!(
        f.get("unit.grade").map(|g| &g.value),
        Some(&Value::Text("优".into()))
    );
}

#[test]
fn the_project_grades() {
    let f = figures();
    for scope in ["project[运行维护经费]", "project[业务工作经费]"] {
        assert_eq!(
            f.get(&format!("{scope}.grade")).map(|g| &g.value),
            Some(&Value::Text("优".into())),
            "{scope}"
        );
    }
}

/// The reference's 预算执行得分 follows from the rate: min(rate, 100) × 10 ÷ 100.
#[test]
fn execution_scores_follow_from_rates() {
    let f = figures();
    for scope in ["overall", "project[运行维护经费]", "project[业务工作经费]"] {
        let rate = f.number(&format!("{scope}.execution_rate")).unwrap();
        let score = f.number(&format!("{scope}.execution_score")).unwrap();
        let want = (rate.min(Decimal::ONE_HUNDRED) * Decimal::TEN / Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        assert_eq!(score, want, "{scope}");
    }
}

/// Totals are the exact sum of their parts, for every sum in the file.
#[test]
fn totals_add_up_exactly() {
    let f = figures();
    let overall = f.number("overall.actual").unwrap();
    assert_eq!(
        overall,
        f.number("basic.actual").unwrap() + f.number("projects.actual").unwrap()
    );
    let total = f.number("unit.total_score").unwrap();
    let parts = ["产出指标", "效益指标", "满意度指标"]
        .iter()
        .map(|c| f.number(&format!("unit.category[{c}].score")).unwrap())
        .sum::<Decimal>()
        + f.number("overall.execution_score").unwrap();
    assert_eq!(total, parts);
    assert_eq!(
        f.number("projects.balance").unwrap(),
        f.number("projects.fiscal_balance").unwrap()
            + f.number("projects.non_fiscal_balance").unwrap()
    );
}

#[test]
fn computing_twice_gives_the_same_figures() {
    let a = figures();
    let b = figures();
    assert_eq!(a.iter().count(), b.iter().count());
    for (x, y) in a.iter().zip(b.iter()) {
        assert_eq!(x.name, y.name);
        assert_eq!(x.value, y.value, "{}", x.name);
    }
}

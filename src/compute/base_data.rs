//! The 基础数据表's figures: 控制率, 三公经费 totals, the 项目支出 block, 公用经费,
//! 楼堂馆所 control rates.

use super::builder::Builder;
use super::spending::COLUMNS;
use super::{Kind, Value, named, project_key};
use crate::model::{Amount, Facts, YearColumns};

/// The 经费控制情况 columns, as (figure suffix, label).
const YEARS: [(&str, &str); 3] = [
    ("last_year", "上年决算数"),
    ("budget", "本年预算数"),
    ("actual", "本年决算数"),
];

pub(super) fn staffing(b: &mut Builder, facts: &Facts) {
    let s = &facts.unit.staffing;
    b.fact(
        "staffing.authorized",
        "编制数",
        Kind::Count,
        s.authorized.value,
        s.authorized.at,
    );
    b.fact(
        "staffing.actual",
        "实际在职人数",
        Kind::Count,
        s.actual.value,
        s.actual.at,
    );
    b.rate(
        "staffing.control_rate",
        "控制率",
        "staffing.actual",
        "staffing.authorized",
    );
}

fn columns(b: &mut Builder, key: &str, label: &str, c: &YearColumns) {
    for ((suffix, words), amount) in YEARS.iter().zip([c.last_year, c.budget, c.actual]) {
        b.fact(
            &format!("{key}.{suffix}"),
            &format!("{label}{words}"),
            Kind::Money,
            amount.value,
            amount.at,
        );
    }
}

pub(super) fn three_public(b: &mut Builder, facts: &Facts) {
    let t = &facts.base_data.three_public;
    columns(
        b,
        "three_public.vehicle_purchase",
        "公车购置",
        &t.vehicle_purchase,
    );
    columns(
        b,
        "three_public.vehicle_operation",
        "公车运行维护",
        &t.vehicle_operation,
    );
    columns(b, "three_public.overseas", "出国经费", &t.overseas);
    columns(b, "three_public.reception", "公务接待", &t.reception);
    for (suffix, words) in YEARS {
        b.sum(
            &format!("three_public.vehicle.{suffix}"),
            &format!("公务用车购置和维护经费{words}"),
            Kind::Money,
            &[
                format!("three_public.vehicle_purchase.{suffix}"),
                format!("three_public.vehicle_operation.{suffix}"),
            ],
        );
        b.sum(
            &format!("three_public.{suffix}"),
            &format!("三公经费{words}"),
            Kind::Money,
            &[
                format!("three_public.vehicle.{suffix}"),
                format!("three_public.overseas.{suffix}"),
                format!("three_public.reception.{suffix}"),
            ],
        );
    }
}

/// The 项目支出 rows: this year's projects (上年决算数 is a fact; 本年预算数 is the
/// full-year budget; 本年决算数 the actual), last year's other projects, and the
/// 省级专项资金 rows.
pub(super) fn projects_block(b: &mut Builder, facts: &Facts) {
    let d = &facts.base_data;
    for p in &d.past_projects {
        b.fact(
            &format!("{}.last_year", named("base.past_project", &p.name)),
            &format!("{}上年决算数", p.name.value),
            Kind::Money,
            p.last_year.value,
            p.last_year.at,
        );
    }
    for f in &d.special_funds {
        columns(
            b,
            &named("base.special_fund", &f.name),
            &f.name.value,
            &YearColumns {
                last_year: f.last_year,
                budget: f.budget,
                actual: f.actual,
            },
        );
    }
    let project_column = |suffix: &str| -> Vec<String> {
        let this_year = match suffix {
            "last_year" => "last_year_actual",
            "budget" => COLUMNS[1].0,
            _ => COLUMNS[2].0,
        };
        let mut inputs: Vec<String> = facts
            .projects
            .iter()
            .map(|p| format!("{}.{this_year}", project_key(&p.name)))
            .collect();
        if suffix == "last_year" {
            inputs.extend(
                d.past_projects
                    .iter()
                    .map(|p| format!("{}.last_year", named("base.past_project", &p.name))),
            );
        }
        inputs.extend(
            d.special_funds
                .iter()
                .map(|f| format!("{}.{suffix}", named("base.special_fund", &f.name))),
        );
        inputs
    };
    for (suffix, words) in YEARS {
        let specials: Vec<String> = d
            .special_funds
            .iter()
            .map(|f| format!("{}.{suffix}", named("base.special_fund", &f.name)))
            .collect();
        b.sum(
            &format!("base.special_funds.{suffix}"),
            &format!("省级专项资金合计{words}"),
            Kind::Money,
            &specials,
        );
        b.sum(
            &format!("base.projects.{suffix}"),
            &format!("基础数据表项目支出{words}"),
            Kind::Money,
            &project_column(suffix),
        );
    }
}

pub(super) fn public_funds(b: &mut Builder, facts: &Facts) {
    let p = &facts.base_data.public_funds;
    b.fact(
        "public_funds.last_year",
        "公用经费上年决算数",
        Kind::Money,
        p.last_year.value,
        p.last_year.at,
    );
    b.fact(
        "public_funds.budget",
        "公用经费本年预算数",
        Kind::Money,
        p.budget.value,
        p.budget.at,
    );
    b.copy(
        "public_funds.actual",
        "公用经费本年决算数",
        Kind::Money,
        "basic.public",
        "基本支出中的公用经费支出",
    );
    for item in &p.items {
        let key = named("public_funds.item", &item.name);
        for ((suffix, words), amount) in
            YEARS
                .iter()
                .zip([item.last_year, item.budget, Some(item.actual)])
        {
            optional_fact(
                b,
                &format!("{key}.{suffix}"),
                &format!("{}{words}", item.name.value),
                amount,
            );
        }
    }
    for (suffix, words) in YEARS {
        let inputs: Vec<String> = p
            .items
            .iter()
            .map(|i| format!("{}.{suffix}", named("public_funds.item", &i.name)))
            .collect();
        b.sum(
            &format!("public_funds.items_total.{suffix}"),
            &format!("公用经费所列明细合计{words}"),
            Kind::Money,
            &inputs,
        );
    }
    let proc = &facts.base_data.procurement;
    optional_fact(b, "procurement.budget", "政府采购本年预算数", proc.budget);
    b.fact(
        "procurement.actual",
        "政府采购本年决算数",
        Kind::Money,
        proc.actual.value,
        proc.actual.at,
    );
}

/// A money fact the file may leave out; missing (“—”) when it does.
fn optional_fact(b: &mut Builder, name: &str, label: &str, amount: Option<Amount>) {
    match amount {
        Some(a) => {
            b.fact(name, label, Kind::Money, a.value, a.at);
        }
        None => b.derived(
            name,
            label,
            Kind::Money,
            Value::Missing,
            "未填写".into(),
            Vec::new(),
        ),
    }
}

pub(super) fn buildings(b: &mut Builder, facts: &Facts) {
    for building in &facts.base_data.buildings {
        let key = named("building", &building.name);
        let name = &building.name.value;
        b.fact(
            &format!("{key}.approved_area"),
            &format!("{name}批复规模"),
            Kind::Count,
            building.approved_area.value,
            building.approved_area.at,
        );
        b.fact(
            &format!("{key}.actual_area"),
            &format!("{name}实际规模"),
            Kind::Count,
            building.actual_area.value,
            building.actual_area.at,
        );
        b.fact(
            &format!("{key}.budget_investment"),
            &format!("{name}预算投资"),
            Kind::Money,
            building.budget_investment.value,
            building.budget_investment.at,
        );
        b.fact(
            &format!("{key}.actual_investment"),
            &format!("{name}实际投资"),
            Kind::Money,
            building.actual_investment.value,
            building.actual_investment.at,
        );
        b.rate(
            &format!("{key}.area_control_rate"),
            &format!("{name}规模控制率"),
            &format!("{key}.actual_area"),
            &format!("{key}.approved_area"),
        );
        b.rate(
            &format!("{key}.investment_control_rate"),
            &format!("{name}投资概算控制率"),
            &format!("{key}.actual_investment"),
            &format!("{key}.budget_investment"),
        );
    }
}

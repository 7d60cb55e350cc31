//! The 基础数据表's figures: 控制率, 三公经费 totals, the 项目支出 block, 公用经费,
//! 楼堂馆所 control rates.

use super::builder::Builder;
use super::key::{Building, Holder, Key, Money, Staffing, ThreePublicRow, YearColumn};
use super::{Kind, Value};
use crate::model::{Amount, Facts, YearColumns};

pub(super) fn staffing(b: &mut Builder, facts: &Facts) {
    let s = &facts.unit.staffing;
    b.fact(
        Key::Staffing(Staffing::Authorized),
        "编制数",
        Kind::Count,
        s.authorized.value,
        s.authorized.at,
    );
    b.fact(
        Key::Staffing(Staffing::Actual),
        "实际在职人数",
        Kind::Count,
        s.actual.value,
        s.actual.at,
    );
    b.rate(
        Key::Staffing(Staffing::ControlRate),
        "控制率",
        Key::Staffing(Staffing::Actual),
        Key::Staffing(Staffing::Authorized),
    );
}

/// The three year columns of a row, as facts under `key(column)`.
fn columns(b: &mut Builder, key: impl Fn(YearColumn) -> Key, label: &str, c: &YearColumns) {
    for (column, amount) in YearColumn::ALL
        .into_iter()
        .zip([c.last_year, c.budget, c.actual])
    {
        b.fact(
            key(column),
            &format!("{label}{}", column.label()),
            Kind::Money,
            amount.value,
            amount.at,
        );
    }
}

pub(super) fn three_public(b: &mut Builder, facts: &Facts) {
    use ThreePublicRow::*;
    let t = &facts.base_data.three_public;
    for (row, label, c) in [
        (VehiclePurchase, "公车购置", &t.vehicle_purchase),
        (VehicleOperation, "公车运行维护", &t.vehicle_operation),
        (Overseas, "出国经费", &t.overseas),
        (Reception, "公务接待", &t.reception),
    ] {
        columns(b, |y| Key::ThreePublic(row, y), label, c);
    }
    for y in YearColumn::ALL {
        let words = y.label();
        b.sum(
            Key::ThreePublic(Vehicle, y),
            &format!("公务用车购置和维护经费{words}"),
            Kind::Money,
            &[
                Key::ThreePublic(VehiclePurchase, y),
                Key::ThreePublic(VehicleOperation, y),
            ],
        );
        b.sum(
            Key::ThreePublic(Total, y),
            &format!("三公经费{words}"),
            Kind::Money,
            &[
                Key::ThreePublic(Vehicle, y),
                Key::ThreePublic(Overseas, y),
                Key::ThreePublic(Reception, y),
            ],
        );
    }
}

/// The 项目支出 rows: this year's projects (上年决算数 is a fact; 本年预算数 is the
/// full-year budget; 本年决算数 the actual), last year's other projects, and the
/// 省级专项资金 rows.
pub(super) fn projects_block(b: &mut Builder, facts: &Facts) {
    let d = &facts.base_data;
    for (i, p) in d.past_projects.iter().enumerate() {
        b.fact(
            Key::PastProject(i),
            &format!("{}上年决算数", p.name.value),
            Kind::Money,
            p.last_year.value,
            p.last_year.at,
        );
    }
    for (i, f) in d.special_funds.iter().enumerate() {
        columns(
            b,
            |y| Key::SpecialFund(i, y),
            &f.name.value,
            &YearColumns {
                last_year: f.last_year,
                budget: f.budget,
                actual: f.actual,
            },
        );
    }
    let specials = |y: YearColumn| -> Vec<Key> {
        (0..d.special_funds.len())
            .map(|i| Key::SpecialFund(i, y))
            .collect()
    };
    let project_column = |y: YearColumn| -> Vec<Key> {
        let this_year = match y {
            YearColumn::LastYear => Money::LastYearActual,
            YearColumn::Budget => Money::FullYearBudget,
            YearColumn::Actual => Money::Actual,
        };
        let mut inputs: Vec<Key> = (0..facts.projects.len())
            .map(|p| Key::Money(Holder::Project(p), this_year))
            .collect();
        if y == YearColumn::LastYear {
            inputs.extend((0..d.past_projects.len()).map(Key::PastProject));
        }
        inputs.extend(specials(y));
        inputs
    };
    for y in YearColumn::ALL {
        let words = y.label();
        b.sum(
            Key::SpecialFunds(y),
            &format!("省级专项资金合计{words}"),
            Kind::Money,
            &specials(y),
        );
        b.sum(
            Key::BaseProjects(y),
            &format!("基础数据表项目支出{words}"),
            Kind::Money,
            &project_column(y),
        );
    }
}

pub(super) fn public_funds(b: &mut Builder, facts: &Facts) {
    let p = &facts.base_data.public_funds;
    b.fact(
        Key::PublicFunds(YearColumn::LastYear),
        "公用经费上年决算数",
        Kind::Money,
        p.last_year.value,
        p.last_year.at,
    );
    b.fact(
        Key::PublicFunds(YearColumn::Budget),
        "公用经费本年预算数",
        Kind::Money,
        p.budget.value,
        p.budget.at,
    );
    b.copy(
        Key::PublicFunds(YearColumn::Actual),
        "公用经费本年决算数",
        Kind::Money,
        Key::Money(Holder::Basic, Money::Public),
        "基本支出中的公用经费支出",
    );
    for (i, item) in p.items.iter().enumerate() {
        for (y, amount) in
            YearColumn::ALL
                .into_iter()
                .zip([item.last_year, item.budget, Some(item.actual)])
        {
            optional_fact(
                b,
                Key::PublicFundItem(i, y),
                &format!("{}{}", item.name.value, y.label()),
                amount,
            );
        }
    }
    for y in YearColumn::ALL {
        let inputs: Vec<Key> = (0..p.items.len())
            .map(|i| Key::PublicFundItem(i, y))
            .collect();
        b.sum(
            Key::PublicFundItems(y),
            &format!("公用经费所列明细合计{}", y.label()),
            Kind::Money,
            &inputs,
        );
    }
    let proc = &facts.base_data.procurement;
    optional_fact(
        b,
        Key::Procurement(YearColumn::Budget),
        "政府采购本年预算数",
        proc.budget,
    );
    b.fact(
        Key::Procurement(YearColumn::Actual),
        "政府采购本年决算数",
        Kind::Money,
        proc.actual.value,
        proc.actual.at,
    );
}

/// A money fact the file may leave out; missing (“—”) when it does.
fn optional_fact(b: &mut Builder, key: Key, label: &str, amount: Option<Amount>) {
    match amount {
        Some(a) => {
            b.fact(key, label, Kind::Money, a.value, a.at);
        }
        None => b.derived(
            key,
            label,
            Kind::Money,
            Value::Missing,
            "未填写".into(),
            &[],
        ),
    }
}

pub(super) fn buildings(b: &mut Builder, facts: &Facts) {
    for (i, building) in facts.base_data.buildings.iter().enumerate() {
        let key = |f| Key::Building(i, f);
        let name = &building.name.value;
        for (f, words, kind, fact) in [
            (
                Building::ApprovedArea,
                "批复规模",
                Kind::Count,
                building.approved_area,
            ),
            (
                Building::ActualArea,
                "实际规模",
                Kind::Count,
                building.actual_area,
            ),
            (
                Building::BudgetInvestment,
                "预算投资",
                Kind::Money,
                building.budget_investment,
            ),
            (
                Building::ActualInvestment,
                "实际投资",
                Kind::Money,
                building.actual_investment,
            ),
        ] {
            b.fact(key(f), &format!("{name}{words}"), kind, fact.value, fact.at);
        }
        b.rate(
            key(Building::AreaControlRate),
            &format!("{name}规模控制率"),
            key(Building::ActualArea),
            key(Building::ApprovedArea),
        );
        b.rate(
            key(Building::InvestmentControlRate),
            &format!("{name}投资概算控制率"),
            key(Building::ActualInvestment),
            key(Building::BudgetInvestment),
        );
    }
}

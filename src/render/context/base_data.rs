//! 附件1 基础数据表 (`attachments/1-base-data`): 三公经费, the 项目支出 rows
//! and totals, 省级专项资金, 公用经费 and its items, 政府采购, 楼堂馆所.

use tera::Value as Tera;

use crate::compute::Figures;
use crate::compute::key::{Building, Holder, Key, Money, ThreePublicRow, YearColumn};
use crate::model::Facts;
use crate::render::vars::Obj;

/// The year columns, as templates name them.
const YEARS: [(&str, YearColumn); 3] = [
    ("last_year", YearColumn::LastYear),
    ("budget", YearColumn::Budget),
    ("actual", YearColumn::Actual),
];

/// A row of the three year columns, each under `key(column)`.
fn years(o: &mut Obj, figures: &Figures, key: impl Fn(YearColumn) -> Key) {
    for (name, y) in YEARS {
        o.figure(name, figures, key(y));
    }
}

pub(super) fn base(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
    let d = &facts.base_data;
    let mut o = root.child("base");
    let mut three = o.child("three_public");
    for (key, label, row) in [
        ("total", "三公经费合计", ThreePublicRow::Total),
        ("vehicle", "公务用车购置和维护经费", ThreePublicRow::Vehicle),
        (
            "vehicle_purchase",
            "公车购置",
            ThreePublicRow::VehiclePurchase,
        ),
        (
            "vehicle_operation",
            "公车运行维护",
            ThreePublicRow::VehicleOperation,
        ),
        ("overseas", "出国经费", ThreePublicRow::Overseas),
        ("reception", "公务接待", ThreePublicRow::Reception),
    ] {
        let mut r = three.child(key);
        years(&mut r, figures, |y| Key::ThreePublic(row, y));
        three.object(key, label, r);
    }
    o.object(
        "three_public",
        "三公经费（各行：上年决算数、本年预算数、本年决算数）",
        three,
    );
    let mut projects = Vec::new();
    for (i, p) in facts.projects.iter().enumerate() {
        let mut r = o.item("project_rows", i);
        r.text("label", "项目名称", &p.name);
        let holder = Holder::Project(i);
        r.figure(
            "last_year",
            figures,
            Key::Money(holder, Money::LastYearActual),
        );
        r.figure("budget", figures, Key::Money(holder, Money::FullYearBudget));
        r.figure("actual", figures, Key::Money(holder, Money::Actual));
        projects.push(r);
    }
    for (i, p) in d.past_projects.iter().enumerate() {
        let mut r = o.item("project_rows", projects.len());
        r.text("label", "项目名称", &p.name);
        r.figure("last_year", figures, Key::PastProject(i));
        r.put("budget", "本年预算数", Tera::from("0"));
        r.put("actual", "本年决算数", Tera::from("0"));
        projects.push(r);
    }
    o.list(
        "project_rows",
        "项目支出各行（本年项目与上年项目）",
        projects,
    );
    let specials: Vec<Obj> = (d.special_funds.iter().enumerate())
        .map(|(i, f)| {
            let mut r = o.item("special_funds", i);
            r.text("label", "专项名称", &f.name);
            years(&mut r, figures, |y| Key::SpecialFund(i, y));
            r
        })
        .collect();
    o.list("special_funds", "省级专项资金（每个专项一行）", specials);
    let mut special_total = o.child("special_funds_total");
    years(&mut special_total, figures, Key::SpecialFunds);
    o.object("special_funds_total", "省级专项资金合计", special_total);
    let mut totals = o.child("projects");
    years(&mut totals, figures, Key::BaseProjects);
    o.object("projects", "项目支出合计", totals);
    let mut pf = o.child("public_funds");
    years(&mut pf, figures, Key::PublicFunds);
    o.object("public_funds", "公用经费", pf);
    let items: Vec<Obj> = (d.public_funds.items.iter().enumerate())
        .map(|(i, item)| {
            let mut r = o.item("public_fund_items", i);
            r.text("label", "明细名称", &item.name);
            years(&mut r, figures, |y| Key::PublicFundItem(i, y));
            r
        })
        .collect();
    o.list("public_fund_items", "公用经费“其中”明细", items);
    let mut proc = o.child("procurement");
    proc.figure("budget", figures, Key::Procurement(YearColumn::Budget));
    proc.figure("actual", figures, Key::Procurement(YearColumn::Actual));
    o.object("procurement", "政府采购金额", proc);
    let buildings: Vec<Obj> = (d.buildings.iter().enumerate())
        .map(|(i, b)| {
            let mut r = o.item("buildings", i);
            r.text("name", "项目名称", &b.name);
            for (name, f) in [
                ("approved_area", Building::ApprovedArea),
                ("actual_area", Building::ActualArea),
                ("area_control_rate", Building::AreaControlRate),
                ("budget_investment", Building::BudgetInvestment),
                ("actual_investment", Building::ActualInvestment),
                ("investment_control_rate", Building::InvestmentControlRate),
            ] {
                r.figure(name, figures, Key::Building(i, f));
            }
            r
        })
        .collect();
    o.list("buildings", "楼堂馆所（本年完工项目）", buildings);
    o.texts("thrift_measures", "厉行节约保障措施", &d.thrift_measures);
    o
}

//! A project (`attachments/3-project`, and its rows in 第一、二部分): its
//! budget columns, funding sources, goals and score table.

use super::basic_info::goals;
use super::performance::evaluation;
use super::{BALANCES, BUDGET_COLUMNS, money};
use crate::compute::Figures;
use crate::compute::key::{Holder, Key, Money, Table};
use crate::model::{Facts, Project, Source};
use crate::render::vars::Obj;

/// The project at `index` of `projects`.
pub(super) fn project(
    mut o: Obj,
    index: usize,
    p: &Project,
    facts: &Facts,
    figures: &Figures,
) -> Obj {
    o.text("name", "项目支出名称", &p.name);
    o.text(
        "department",
        "主管部门",
        p.department
            .as_ref()
            .map_or(&facts.unit.department.value, |d| &d.value),
    );
    o.text(
        "implementer",
        "实施单位",
        p.implementer
            .as_ref()
            .map_or(&facts.unit.name.value, |d| &d.value),
    );
    o.text("budget_type", "预算类型", p.budget_type.label());
    let holder = Holder::Project(index);
    money(&mut o, figures, holder, &BUDGET_COLUMNS);
    money(&mut o, figures, holder, &BALANCES);
    money(
        &mut o,
        figures,
        holder,
        &[("last_year_actual", Money::LastYearActual)],
    );
    let sources: Vec<Obj> = Source::ALL
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let mut so = o.item("sources", i);
            so.text("label", "资金来源", s.label());
            for (name, column) in BUDGET_COLUMNS {
                so.figure(name, figures, Key::Source(index, s, column));
            }
            so
        })
        .collect();
    o.list(
        "sources",
        "资金来源：当年财政拨款、上年结转资金、其他资金",
        sources,
    );
    o.object(
        "goals",
        "项目年度总体目标",
        goals(&o.child("goals"), &p.goals),
    );
    o.object(
        "evaluation",
        "项目支出绩效自评表",
        evaluation(
            &o.child("evaluation"),
            Table::Project(index),
            &p.evaluation,
            figures,
        ),
    );
    o
}

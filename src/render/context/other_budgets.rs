//! 第二至五部分 by budget type (`sections/02-general-budget`,
//! `sections/03-government-funds` … `05-social-insurance`): each type's projects, texts and totals.

use super::{BUDGET_COLUMNS, group, money};
use crate::compute::Figures;
use crate::compute::key::{Holder, Money};
use crate::model::{BudgetType, Facts};
use crate::render::vars::Obj;

/// One object per budget type a report has a part for.
pub(super) fn budget_types(root: &Obj, facts: &Facts, figures: &Figures) -> Vec<Obj> {
    BudgetType::ALL
        .iter()
        .filter(|t| **t != BudgetType::SpecialAccount)
        .enumerate()
        .map(|(i, t)| budget_type(root.item("budget_types", i), *t, facts, figures))
        .collect()
}

fn budget_type(mut o: Obj, t: BudgetType, facts: &Facts, figures: &Figures) -> Obj {
    o.text("label", "预算类型", t.label());
    let texts = match t {
        BudgetType::GovernmentFund => &facts.other_budgets.government_fund[..],
        BudgetType::StateCapital => &facts.other_budgets.state_capital[..],
        BudgetType::SocialInsurance => &facts.other_budgets.social_insurance[..],
        _ => &[],
    };
    o.texts("texts", "文字说明", texts);
    let names: Vec<Obj> = (facts.projects.iter().enumerate())
        .filter(|(_, p)| p.budget_type == t)
        .enumerate()
        .map(|(row, (index, p))| {
            let mut po = o.item("projects", row);
            po.text("name", "项目支出名称", &p.name);
            let holder = Holder::Project(index);
            money(&mut po, figures, holder, &BUDGET_COLUMNS);
            money(
                &mut po,
                figures,
                holder,
                &[("execution_rate", Money::ExecutionRate)],
            );
            po.opt_text(
                "deviation",
                "执行率偏差原因",
                p.evaluation.execution_deviation.as_ref(),
            );
            po
        })
        .collect();
    o.list("projects", "该预算类型的项目", names);
    o.object(
        "total",
        "该预算类型的项目合计",
        group(&o.child("total"), figures, Holder::ProjectsOfType(t)),
    );
    o
}

//! 第二部分 一般公共预算支出情况 (`sections/02-general-budget`): 基本支出.
//! The projects' rows come from [`super::other_budgets`] (by budget type)
//! and [`super::project`].

use super::{BUDGET_COLUMNS, money};
use crate::compute::Figures;
use crate::compute::key::{Holder, Money};
use crate::model::Facts;
use crate::render::vars::Obj;

pub(super) fn basic(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
    let mut o = root.child("basic");
    money(&mut o, figures, Holder::Basic, &BUDGET_COLUMNS);
    money(
        &mut o,
        figures,
        Holder::Basic,
        &[
            ("personnel", Money::Personnel),
            ("public", Money::Public),
            ("balance", Money::Balance),
            ("execution_rate", Money::ExecutionRate),
        ],
    );
    o.opt_text(
        "deviation",
        "执行率偏差原因",
        facts.basic_expenditure.deviation.as_ref(),
    );
    o
}

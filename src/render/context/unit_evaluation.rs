//! 年度资金总额 (`attachments/2-unit-evaluation`, and 第六部分): the unit's
//! budget columns, execution, and the money by income and by spending.

use super::{BUDGET_COLUMNS, money};
use crate::compute::Figures;
use crate::compute::key::{Holder, Income, Key, Money, Spending};
use crate::model::BudgetType;
use crate::render::vars::Obj;

pub(super) fn overall(root: &Obj, figures: &Figures) -> Obj {
    let mut o = root.child("overall");
    money(&mut o, figures, Holder::Overall, &BUDGET_COLUMNS);
    money(
        &mut o,
        figures,
        Holder::Overall,
        &[
            ("balance", Money::Balance),
            ("execution_rate", Money::ExecutionRate),
            ("execution_score", Money::ExecutionScore),
        ],
    );
    let incomes = [
        ("一般公共预算", Income::Budget(BudgetType::GeneralPublic)),
        ("政府性基金拨款", Income::Budget(BudgetType::GovernmentFund)),
        (
            "纳入专户管理的非税收入拨款",
            Income::Budget(BudgetType::SpecialAccount),
        ),
        ("其他资金", Income::Other),
    ];
    let items = labelled(
        &o,
        figures,
        "income",
        "收入性质",
        incomes.map(|(l, i)| (l, Key::Income(i))),
    );
    o.list("income", "按收入性质分（全年预算数）", items);
    let spend = [
        ("基本支出", Key::Spending(Spending::Basic)),
        ("项目支出", Key::Spending(Spending::Projects)),
    ];
    let items = labelled(&o, figures, "spending", "支出性质", spend);
    o.list("spending", "按支出性质分（全年执行数）", items);
    o
}

/// The items of list `key`, each a `label` (meaning `what`) and a `value`.
fn labelled<const N: usize>(
    o: &Obj,
    figures: &Figures,
    key: &str,
    what: &str,
    rows: [(&str, Key); N],
) -> Vec<Obj> {
    rows.iter()
        .enumerate()
        .map(|(i, &(label, figure))| {
            let mut io = o.item(key, i);
            io.text("label", what, label);
            io.figure("value", figures, figure);
            io
        })
        .collect()
}

//! The keys figures are stored and read under, as the compiler knows them:
//! each part of the report (基本支出, a project by its index, a score table,
//! a row of the 基础数据表…) is a variant, each figure of it a field. A key
//! names nothing by text: a project is its index in `projects`, an indicator
//! its position in its table.
//!
//! The human name (`project[运行维护经费].actual`) is made from a key and the
//! facts by [`Key::name`], once per figure, and serves only display,
//! `explain`, `diff`, `vars` and the names clerks write under `reported`. A
//! name part the clerk wrote has its `\`, `[`, `]` and `/` (which separate
//! the parts of figure names) escaped with `\`, so that two different facts
//! never share a name: an indicator `A/B` of category `C` is not indicator
//! `B` of subcategory `C/A`.

use crate::model::{BudgetType, Facts, Source};

/// A figure of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A budget-execution figure of a [`Holder`].
    Money(Holder, Money),
    /// A project's budget columns and balance by funding source.
    Source(usize, Source, Money),
    /// 年度资金总额 by income (全年预算数).
    Income(Income),
    /// 年度资金总额 by spending (全年执行数).
    Spending(Spending),
    /// A whole score table's figures.
    Table(Table, TableFigure),
    /// A 一级指标 of a table, by its position.
    Category(Table, usize, Part),
    /// A 二级指标 of a table, by its category's position and its own.
    Subcategory(Table, usize, usize, Part),
    /// A 三级指标.
    Indicator(IndicatorId, IndicatorFigure),
    /// 人员编制.
    Staffing(Staffing),
    /// A row of 三公经费 in one year column.
    ThreePublic(ThreePublicRow, YearColumn),
    /// Last year's project at this index of `base_data.past_projects` (上年决算数).
    PastProject(usize),
    /// The 省级专项资金 row at this index of `base_data.special_funds`.
    SpecialFund(usize, YearColumn),
    /// 省级专项资金合计.
    SpecialFunds(YearColumn),
    /// 基础数据表的项目支出合计.
    BaseProjects(YearColumn),
    /// 公用经费.
    PublicFunds(YearColumn),
    /// The 公用经费“其中” item at this index of `base_data.public_funds.items`.
    PublicFundItem(usize, YearColumn),
    /// 公用经费所列明细合计.
    PublicFundItems(YearColumn),
    /// 政府采购金额 (本年预算数, 本年决算数).
    Procurement(YearColumn),
    /// A 楼堂馆所 at this index of `base_data.buildings`.
    Building(usize, Building),
}

/// Whose budget execution a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Holder {
    /// 基本支出.
    Basic,
    /// The project at this index of `projects`.
    Project(usize),
    /// All projects.
    Projects,
    /// The projects of one budget type.
    ProjectsOfType(BudgetType),
    /// 年度资金总额 (the unit as a whole).
    Overall,
}

/// A budget-execution figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Money {
    InitialBudget,
    FullYearBudget,
    Actual,
    /// 人员经费 (基本支出 only).
    Personnel,
    /// 公用经费 (基本支出 only).
    Public,
    /// 人员经费与公用经费之和 (基本支出 only).
    SplitTotal,
    Balance,
    FiscalBalance,
    NonFiscalBalance,
    ExecutionRate,
    ExecutionScore,
    /// 上年决算数 (a project only).
    LastYearActual,
}

impl Money {
    /// The three budget columns: 年初预算数, 全年预算数, 全年执行数.
    pub const COLUMNS: [Money; 3] = [Money::InitialBudget, Money::FullYearBudget, Money::Actual];

    fn suffix(self) -> &'static str {
        match self {
            Money::InitialBudget => "initial_budget",
            Money::FullYearBudget => "full_year_budget",
            Money::Actual => "actual",
            Money::Personnel => "personnel",
            Money::Public => "public",
            Money::SplitTotal => "split_total",
            Money::Balance => "balance",
            Money::FiscalBalance => "fiscal_balance",
            Money::NonFiscalBalance => "non_fiscal_balance",
            Money::ExecutionRate => "execution_rate",
            Money::ExecutionScore => "execution_score",
            Money::LastYearActual => "last_year_actual",
        }
    }
}

/// A part of 年度资金总额 by income.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Income {
    /// Fiscal money of one budget type.
    Budget(BudgetType),
    /// 其他资金.
    Other,
}

/// A part of 年度资金总额 by spending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Spending {
    Basic,
    Projects,
}

/// A score table: the unit's (附件2) or a project's (附件3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    Unit,
    /// The table of the project at this index of `projects`.
    Project(usize),
}

impl Table {
    /// Whose budget execution the table scores.
    pub fn holder(self) -> Holder {
        match self {
            Table::Unit => Holder::Overall,
            Table::Project(i) => Holder::Project(i),
        }
    }
}

/// A figure of a whole score table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableFigure {
    /// 预算执行 的分值.
    ExecutionWeight,
    TotalWeight,
    TotalScore,
    Grade,
}

/// 分值 or 得分 of a category or subcategory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Weight,
    Score,
    /// 适用指标分值合计: the weights of a category's indicators that apply
    /// this year (a category with an indicator that does not apply only).
    ApplicableWeight,
}

/// A 三级指标: its table and its position there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IndicatorId {
    pub table: Table,
    pub category: usize,
    pub subcategory: usize,
    pub indicator: usize,
}

/// A figure of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IndicatorFigure {
    Weight,
    Score,
    /// 实际完成值, when given.
    ActualValue,
    /// The author's score, when the rule cannot compute one.
    AuthorScore,
    /// 折算分值: the weight re-scaled so that the indicators of its category
    /// that apply share the category's weight (when one of them does not).
    RescaledWeight,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Staffing {
    Authorized,
    Actual,
    ControlRate,
}

/// A row of 三公经费.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ThreePublicRow {
    /// 三公经费合计.
    Total,
    /// 公务用车购置和维护经费.
    Vehicle,
    VehiclePurchase,
    VehicleOperation,
    Overseas,
    Reception,
}

/// A column of the 基础数据表's 经费控制情况.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearColumn {
    /// 上年决算数.
    LastYear,
    /// 本年预算数.
    Budget,
    /// 本年决算数.
    Actual,
}

impl YearColumn {
    pub const ALL: [YearColumn; 3] = [YearColumn::LastYear, YearColumn::Budget, YearColumn::Actual];

    pub fn label(self) -> &'static str {
        match self {
            YearColumn::LastYear => "上年决算数",
            YearColumn::Budget => "本年预算数",
            YearColumn::Actual => "本年决算数",
        }
    }

    fn suffix(self) -> &'static str {
        match self {
            YearColumn::LastYear => "last_year",
            YearColumn::Budget => "budget",
            YearColumn::Actual => "actual",
        }
    }
}

/// A figure of a 楼堂馆所.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Building {
    ApprovedArea,
    ActualArea,
    BudgetInvestment,
    ActualInvestment,
    AreaControlRate,
    InvestmentControlRate,
}

impl Key {
    /// The figure's human name, e.g. `project[运行维护经费].actual`. The
    /// key's indices must be those of `facts`.
    pub fn name(self, facts: &Facts) -> String {
        match self {
            Key::Money(holder, m) => format!("{}.{}", holder_name(holder, facts), m.suffix()),
            Key::Source(p, source, m) => format!(
                "{}.source[{}].{}",
                project_name(facts, p),
                source.label(),
                m.suffix()
            ),
            Key::Income(Income::Budget(t)) => format!("overall.income[{}]", t.label()),
            Key::Income(Income::Other) => "overall.income[其他资金]".into(),
            Key::Spending(Spending::Basic) => "overall.spending[基本支出]".into(),
            Key::Spending(Spending::Projects) => "overall.spending[项目支出]".into(),
            Key::Table(table, f) => {
                let suffix = match f {
                    TableFigure::ExecutionWeight => "execution_weight",
                    TableFigure::TotalWeight => "total_weight",
                    TableFigure::TotalScore => "total_score",
                    TableFigure::Grade => "grade",
                };
                format!("{}.{suffix}", table_name(table, facts))
            }
            Key::Category(table, c, part) => {
                let evaluation = evaluation(facts, table);
                let prefix = format!("{}.category", table_name(table, facts));
                let name = &evaluation.categories[c].name.value;
                format!("{}.{}", named_path(&prefix, &[name]), part_suffix(part))
            }
            Key::Subcategory(table, c, s, part) => {
                let category = &evaluation(facts, table).categories[c];
                let prefix = format!("{}.subcategory", table_name(table, facts));
                let names = [
                    category.name.value.as_str(),
                    category.subcategories[s].name.value.as_str(),
                ];
                format!("{}.{}", named_path(&prefix, &names), part_suffix(part))
            }
            Key::Indicator(id, f) => {
                let category = &evaluation(facts, id.table).categories[id.category];
                let sub = &category.subcategories[id.subcategory];
                let prefix = format!("{}.indicator", table_name(id.table, facts));
                let names = [
                    category.name.value.as_str(),
                    sub.name.value.as_str(),
                    sub.indicators[id.indicator].name.value.as_str(),
                ];
                let suffix = match f {
                    IndicatorFigure::Weight => "weight",
                    IndicatorFigure::Score => "score",
                    IndicatorFigure::ActualValue => "actual_value",
                    IndicatorFigure::AuthorScore => "author_score",
                    IndicatorFigure::RescaledWeight => "rescaled_weight",
                };
                format!("{}.{suffix}", named_path(&prefix, &names))
            }
            Key::Staffing(s) => match s {
                Staffing::Authorized => "staffing.authorized",
                Staffing::Actual => "staffing.actual",
                Staffing::ControlRate => "staffing.control_rate",
            }
            .into(),
            Key::ThreePublic(row, y) => {
                let row = match row {
                    ThreePublicRow::Total => "",
                    ThreePublicRow::Vehicle => ".vehicle",
                    ThreePublicRow::VehiclePurchase => ".vehicle_purchase",
                    ThreePublicRow::VehicleOperation => ".vehicle_operation",
                    ThreePublicRow::Overseas => ".overseas",
                    ThreePublicRow::Reception => ".reception",
                };
                format!("three_public{row}.{}", y.suffix())
            }
            Key::PastProject(i) => format!(
                "{}.last_year",
                named_path(
                    "base.past_project",
                    &[facts.base_data.past_projects[i].name.value.as_str()]
                )
            ),
            Key::SpecialFund(i, y) => format!(
                "{}.{}",
                named_path(
                    "base.special_fund",
                    &[facts.base_data.special_funds[i].name.value.as_str()]
                ),
                y.suffix()
            ),
            Key::SpecialFunds(y) => format!("base.special_funds.{}", y.suffix()),
            Key::BaseProjects(y) => format!("base.projects.{}", y.suffix()),
            Key::PublicFunds(y) => format!("public_funds.{}", y.suffix()),
            Key::PublicFundItem(i, y) => format!(
                "{}.{}",
                named_path(
                    "public_funds.item",
                    &[facts.base_data.public_funds.items[i].name.value.as_str()]
                ),
                y.suffix()
            ),
            Key::PublicFundItems(y) => format!("public_funds.items_total.{}", y.suffix()),
            Key::Procurement(y) => format!("procurement.{}", y.suffix()),
            Key::Building(i, f) => {
                let suffix = match f {
                    Building::ApprovedArea => "approved_area",
                    Building::ActualArea => "actual_area",
                    Building::BudgetInvestment => "budget_investment",
                    Building::ActualInvestment => "actual_investment",
                    Building::AreaControlRate => "area_control_rate",
                    Building::InvestmentControlRate => "investment_control_rate",
                };
                let name = facts.base_data.buildings[i].name.value.as_str();
                format!("{}.{suffix}", named_path("building", &[name]))
            }
        }
    }
}

fn part_suffix(part: Part) -> &'static str {
    match part {
        Part::Weight => "weight",
        Part::Score => "score",
        Part::ApplicableWeight => "applicable_weight",
    }
}

fn holder_name(holder: Holder, facts: &Facts) -> String {
    match holder {
        Holder::Basic => "basic".into(),
        Holder::Project(i) => project_name(facts, i),
        Holder::Projects => "projects".into(),
        Holder::ProjectsOfType(t) => format!("projects_by_type[{}]", t.label()),
        Holder::Overall => "overall".into(),
    }
}

fn table_name(table: Table, facts: &Facts) -> String {
    match table {
        Table::Unit => "unit".into(),
        Table::Project(i) => project_name(facts, i),
    }
}

/// The indicator table `table` of `facts`.
pub fn evaluation(facts: &Facts, table: Table) -> &crate::model::Evaluation {
    match table {
        Table::Unit => &facts.self_evaluation,
        Table::Project(i) => &facts.projects[i].evaluation,
    }
}

fn project_name(facts: &Facts, index: usize) -> String {
    project_key(&facts.projects[index].name)
}

/// The name prefix of the figures of the project named `name`, e.g.
/// `project[运行维护经费]`: how a project's figures are found by name across
/// two files (whose projects need not be in the same order).
pub fn project_key(name: &str) -> String {
    named_path("project", &[name])
}

/// `prefix[A/B/…]`: the figures of a thing named by a path of names (a
/// subcategory under its category, an indicator under both), each escaped.
fn named_path(prefix: &str, names: &[&str]) -> String {
    let mut key =
        String::with_capacity(prefix.len() + 2 + names.iter().map(|n| n.len() + 1).sum::<usize>());
    key.push_str(prefix);
    key.push('[');
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            key.push('/');
        }
        for c in name.chars() {
            if matches!(c, '\\' | '[' | ']' | '/') {
                key.push('\\');
            }
            key.push(c);
        }
    }
    key.push(']');
    key
}

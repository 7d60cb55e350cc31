//! Every derived figure of the report (派生数), computed exactly from the facts,
//! each with its provenance: the formula and the inputs it came from.
//!
//! Figures are stored under typed [`Key`]s (see [`key`]), which the other
//! stages read them by; each also has a stable human name
//! (`basic.execution_rate`, `project[运行维护经费].total_score`, `unit.grade`)
//! that `jixiao explain --list` prints and `reported` entries use. Facts that
//! figures are computed from are figures too (with the YAML line they came
//! from), so that an explanation always ends at the file.

mod base_data;
mod builder;
pub mod key;
mod rescaling;
mod scoring;
mod spending;

use std::collections::{BTreeSet, HashMap};

use rust_decimal::Decimal;
use serde::Serialize;

pub use key::{Key, project_key};
pub use scoring::{Basis, IndicatorOutcome, grade};

use crate::model::{Facts, Loc};
use crate::rounding::Measure;

/// What a figure measures; decides how it is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 万元.
    Money,
    /// A percent number (96.46 means 96.46 %).
    Percent,
    /// 分值 or 得分.
    Score,
    /// 人数 or another plain count.
    Count,
    /// 评价等级 (优/良/中/差).
    Grade,
}

impl Kind {
    /// The kind of figure whose places the rounding rule sets, if any.
    pub fn measure(self) -> Option<Measure> {
        match self {
            Kind::Money => Some(Measure::Money),
            Kind::Percent => Some(Measure::Rate),
            Kind::Score => Some(Measure::Score),
            Kind::Count | Kind::Grade => None,
        }
    }
}

/// A figure's value: a number, a text (a grade), or missing (“—”, e.g. a rate
/// whose budget is zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(Decimal),
    Text(String),
    Missing,
}

impl Value {
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(d) => Some(*d),
            _ => None,
        }
    }
}

/// One figure with its provenance.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    /// What the figure is, for the code.
    #[serde(skip)]
    pub key: Key,
    /// What the figure is called, for people.
    pub name: String,
    /// 中文名称, e.g. 基本支出执行率.
    pub label: String,
    pub kind: Kind,
    pub value: Value,
    /// How it is computed, in words with the inputs' labels; “事实” for a fact.
    pub formula: String,
    /// The names of the figures it is computed from, in the formula's order.
    pub inputs: Vec<String>,
    /// For a fact: where it is in the YAML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Loc>,
    /// For a score: the rule option that decided it, as `key: value` and
    /// whose it is (`at_most_missed: 目标比实际（national 规则）`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

impl Figure {
    pub fn is_fact(&self) -> bool {
        self.at.is_some() && self.inputs.is_empty()
    }
}

/// All figures of a file, in the order they were computed.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Index into `list` by key, and by name (each looked up a few thousand
    /// times a report, so hashed rather than ordered: the order is `list`'s).
    by_key: HashMap<Key, usize, foldhash::fast::FixedState>,
    by_name: HashMap<String, usize, foldhash::fast::FixedState>,
    list: Vec<Figure>,
    /// The outcome of every indicator, unit level first, then per project;
    /// each knows its place in its table ([`IndicatorOutcome::id`]).
    pub indicators: Vec<IndicatorOutcome>,
    /// The names of the figures whose arithmetic overflowed, in the order
    /// computed; each is missing. A figure computed from one of them is
    /// listed after it.
    pub overflowed: Vec<String>,
}

impl Figures {
    /// The place of the figure under `key` in [`Figures::iter`]'s order.
    pub fn index_of(&self, key: Key) -> Option<usize> {
        self.by_key.get(&key).copied()
    }

    /// The figure at `index` in [`Figures::iter`]'s order.
    pub fn at(&self, index: usize) -> Option<&Figure> {
        self.list.get(index)
    }

    /// The figure under `key`.
    pub fn of(&self, key: Key) -> Option<&Figure> {
        self.by_key.get(&key).map(|&i| &self.list[i])
    }

    /// The number under `key`, if the figure exists and is a number.
    pub fn number_of(&self, key: Key) -> Option<Decimal> {
        self.of(key).and_then(|f| f.value.number())
    }

    /// The human name of the figure under `key` (empty if there is none).
    pub fn name_of(&self, key: Key) -> String {
        self.of(key).map(|f| f.name.clone()).unwrap_or_default()
    }

    /// The figure a person named (`explain`, `reported`, `diff`).
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.by_name.get(name).map(|&i| &self.list[i])
    }

    /// The number of a figure, by name, if it exists and is a number.
    pub fn number(&self, name: &str) -> Option<Decimal> {
        self.get(name).and_then(|f| f.value.number())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Figure> {
        self.list.iter()
    }

    /// The YAML lines of the facts the figure under `key` rests on.
    pub fn fact_lines_of(&self, key: Key) -> Vec<Loc> {
        self.of(key)
            .map_or_else(Vec::new, |f| self.fact_lines(&f.name))
    }

    /// The YAML lines of the facts a figure rests on, recursively.
    pub fn fact_lines(&self, name: &str) -> Vec<Loc> {
        let mut out = Vec::new();
        let mut stack = vec![name.to_string()];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if !seen.insert(n.clone()) {
                continue;
            }
            if let Some(f) = self.get(&n) {
                if let Some(at) = f.at {
                    out.push(at);
                }
                stack.extend(f.inputs.iter().cloned());
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Names the rule option that decided the figure under `key`.
    fn cite_rule(&mut self, key: Key, rule: String) {
        if let Some(&i) = self.by_key.get(&key) {
            self.list[i].rule = Some(rule);
        }
    }

    /// Adds a figure. Each figure is computed once under its key, and its
    /// name is one no other fact can give (names are unique where they
    /// identify, and escaped), so neither is ever inserted twice; the tests
    /// and the fuzz target run with this checked.
    fn insert(&mut self, figure: Figure) {
        debug_assert!(
            !self.by_key.contains_key(&figure.key) && !self.by_name.contains_key(&figure.name),
            "figure {} computed twice",
            figure.name
        );
        let index = self.list.len();
        self.by_key.insert(figure.key, index);
        self.by_name.insert(figure.name.clone(), index);
        self.list.push(figure);
    }
}

/// Computes every figure of a file.
pub fn compute(facts: &Facts) -> Figures {
    let mut b = builder::Builder::new(facts);
    spending::basic(&mut b, facts);
    for (index, project) in facts.projects.iter().enumerate() {
        spending::project(&mut b, index, project);
    }
    spending::projects_total(&mut b, facts);
    spending::overall(&mut b, facts);
    scoring::table(&mut b, key::Table::Unit, "单位整体", &facts.self_evaluation);
    for (index, project) in facts.projects.iter().enumerate() {
        scoring::table(
            &mut b,
            key::Table::Project(index),
            &project.name.value,
            &project.evaluation,
        );
    }
    base_data::staffing(&mut b, facts);
    base_data::three_public(&mut b, facts);
    base_data::projects_block(&mut b, facts);
    base_data::public_funds(&mut b, facts);
    base_data::buildings(&mut b, facts);
    b.finish()
}

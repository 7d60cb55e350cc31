//! Every derived figure of the report (派生数), computed exactly from the facts,
//! each with its provenance: the formula and the named inputs it came from.
//!
//! Figures are addressed by stable names (`basic.execution_rate`,
//! `project[运行维护经费].total_score`, `unit.grade`); `jixiao explain --list`
//! prints them all. Facts that figures are computed from are figures too (with
//! the YAML line they came from), so that an explanation always ends at the file.

mod base_data;
mod builder;
mod scoring;
mod spending;

use std::collections::HashMap;

use rust_decimal::Decimal;
use serde::Serialize;

pub use builder::{round, round_rate};
pub use scoring::{Basis, IndicatorOutcome, grade};

use crate::model::{Facts, Loc};

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
    pub name: String,
    /// 中文名称, e.g. 基本支出执行率.
    pub label: String,
    pub kind: Kind,
    pub value: Value,
    /// How it is computed, in words with the inputs' labels; “事实” for a fact.
    pub formula: String,
    /// The names of the figures it is computed from.
    pub inputs: Vec<String>,
    /// For a fact: where it is in the YAML.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Loc>,
}

impl Figure {
    pub fn is_fact(&self) -> bool {
        self.at.is_some() && self.inputs.is_empty()
    }
}

/// All figures of a file, in the order they were computed.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    /// Index into `list` by name (looked up a few thousand times a report,
    /// so hashed rather than ordered: the order is `list`'s).
    by_name: HashMap<String, usize, foldhash::fast::FixedState>,
    list: Vec<Figure>,
    /// The outcome of every indicator, unit level first, then per project.
    pub indicators: Vec<IndicatorOutcome>,
    /// Figures whose arithmetic overflowed, in the order computed; each is
    /// missing. A figure computed from one of them is listed after it.
    pub overflowed: Vec<String>,
}

impl Figures {
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.by_name.get(name).map(|&i| &self.list[i])
    }

    /// The number of a figure, if it exists and is a number.
    pub fn number(&self, name: &str) -> Option<Decimal> {
        self.get(name).and_then(|f| f.value.number())
    }

    pub fn iter(&self) -> impl Iterator<Item = &Figure> {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The YAML lines of the facts a figure rests on, recursively.
    pub fn fact_lines(&self, name: &str) -> Vec<Loc> {
        let mut out = Vec::new();
        let mut stack = vec![name.to_string()];
        let mut seen = std::collections::BTreeSet::new();
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

    /// Adds a figure. Each figure is computed once under a name no other
    /// fact can give (names are unique where they identify, and escaped in
    /// figure names), so a name is never inserted twice; the tests and the
    /// fuzz target run with this checked.
    fn insert(&mut self, figure: Figure) {
        debug_assert!(
            !self.by_name.contains_key(&figure.name),
            "figure {} computed twice",
            figure.name
        );
        if let Some(&i) = self.by_name.get(&figure.name) {
            self.list[i] = figure;
        } else {
            self.by_name.insert(figure.name.clone(), self.list.len());
            self.list.push(figure);
        }
    }
}

/// Computes every figure of a file.
pub fn compute(facts: &Facts) -> Figures {
    let mut b = builder::Builder::new(facts.rules);
    spending::basic(&mut b, facts);
    for project in &facts.projects {
        spending::project(&mut b, project);
    }
    spending::projects_total(&mut b, facts);
    spending::overall(&mut b, facts);
    scoring::unit(&mut b, facts);
    for project in &facts.projects {
        scoring::project(&mut b, project);
    }
    base_data::staffing(&mut b, facts);
    base_data::three_public(&mut b, facts);
    base_data::projects_block(&mut b, facts);
    base_data::public_funds(&mut b, facts);
    base_data::buildings(&mut b, facts);
    b.finish()
}

/// The name prefix of a project's figures.
pub fn project_key(name: &str) -> String {
    named("project", name)
}

/// `prefix[NAME]`: the figures of a thing the clerk named. The name's `\`,
/// `[`, `]` and `/` (which separate the parts of figure names) are escaped
/// with `\`, so that two different facts never share a figure name: an
/// indicator `A/B` of category `C` is not indicator `B` of subcategory `C/A`.
pub fn named(prefix: &str, name: &str) -> String {
    let mut key = String::with_capacity(prefix.len() + name.len() + 2);
    key.push_str(prefix);
    key.push('[');
    push_name_part(&mut key, name);
    key.push(']');
    key
}

/// `prefix[A/B/…]`: the figures of a thing named by a path of names (a
/// subcategory under its category, an indicator under both).
pub fn named_path(prefix: &str, names: &[&str]) -> String {
    let mut key =
        String::with_capacity(prefix.len() + 2 + names.iter().map(|n| n.len() + 1).sum::<usize>());
    key.push_str(prefix);
    key.push('[');
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            key.push('/');
        }
        push_name_part(&mut key, name);
    }
    key.push(']');
    key
}

fn push_name_part(key: &mut String, name: &str) {
    for c in name.chars() {
        if matches!(c, '\\' | '[' | ']' | '/') {
            key.push('\\');
        }
        key.push(c);
    }
}

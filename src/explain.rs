//! `jixiao explain`: a figure's value, formula and inputs, down to the facts
//! and their YAML lines; as an indented tree for people ([`explain`]), or as
//! a [`Trace`] for scripts (`--format json`) and the live preview's popover.

use std::fmt::Write;

use serde::Serialize;

use crate::audit::show;
use crate::compute::Figures;

/// A name that no figure has.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("没有名为「{name}」的数字")]
pub struct UnknownFigure {
    pub name: String,
}

/// The explanation of one figure as an indented tree.
pub fn explain(figures: &Figures, name: &str) -> Result<String, UnknownFigure> {
    if figures.get(name).is_none() {
        return Err(UnknownFigure { name: name.into() });
    }
    let mut out = String::new();
    walk(figures, name, "", "", &mut out, &mut Vec::new());
    Ok(out)
}

fn walk(
    figures: &Figures,
    name: &str,
    lead: &str,
    rest: &str,
    out: &mut String,
    path: &mut Vec<String>,
) {
    let Some(f) = figures.get(name) else {
        let _ = writeln!(out, "{lead}{name}（不存在）");
        return;
    };
    let value = show(f.kind, &f.value);
    if f.is_fact() {
        let at = f.at.map(|a| a.to_string()).unwrap_or_default();
        let _ = writeln!(out, "{lead}{}  {} = {value}（事实，{at}）", f.name, f.label);
        return;
    }
    let _ = writeln!(out, "{lead}{}  {} = {value}", f.name, f.label);
    let _ = writeln!(out, "{rest}    = {}", f.formula);
    if let Some(rule) = &f.rule {
        let _ = writeln!(out, "{rest}    评分规则：{rule}");
    }
    if path.iter().any(|p| p == name) {
        return;
    }
    path.push(name.to_string());
    let n = f.inputs.len();
    for (i, input) in f.inputs.iter().enumerate() {
        let last = i + 1 == n;
        let lead = format!("{rest}  {}", if last { "└─ " } else { "├─ " });
        let next = format!("{rest}  {}", if last { "   " } else { "│  " });
        walk(figures, input, &lead, &next, out, path);
    }
    path.pop();
}

/// One figure of an explanation, with the figures it is computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trace {
    pub name: String,
    /// 中文名称; empty for a name that no figure has.
    pub label: String,
    /// The value as `explain` prints it, with its unit (`—` when missing).
    pub value: String,
    /// A fact of the YAML (with its `line`), or a derived figure (with its
    /// `formula` and `inputs`).
    pub fact: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formula: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub inputs: Vec<Trace>,
}

/// The explanation of one figure as a tree of [`Trace`]s; an input that is
/// already being explained above it is given without its inputs.
pub fn trace(figures: &Figures, name: &str) -> Result<Trace, UnknownFigure> {
    if figures.get(name).is_none() {
        return Err(UnknownFigure { name: name.into() });
    }
    Ok(trace_walk(figures, name, &mut Vec::new()))
}

fn trace_walk(figures: &Figures, name: &str, path: &mut Vec<String>) -> Trace {
    let Some(f) = figures.get(name) else {
        return Trace {
            name: name.into(),
            label: String::new(),
            value: "—".into(),
            fact: false,
            formula: None,
            line: None,
            inputs: Vec::new(),
        };
    };
    let fact = f.is_fact();
    let mut inputs = Vec::new();
    if !fact && !path.iter().any(|p| p == name) {
        path.push(name.to_string());
        inputs = f
            .inputs
            .iter()
            .map(|input| trace_walk(figures, input, path))
            .collect();
        path.pop();
    }
    Trace {
        name: f.name.clone(),
        label: f.label.clone(),
        value: show(f.kind, &f.value),
        fact,
        formula: (!fact).then(|| f.formula.clone()),
        line: f.at.filter(|_| fact).map(|a| a.line),
        inputs,
    }
}

/// `explain --list`: every figure's name, label and value, one per line.
pub fn list(figures: &Figures) -> String {
    let mut out = String::new();
    for f in figures.iter() {
        let kind = if f.is_fact() { "事实" } else { "派生" };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{kind}",
            f.name,
            f.label,
            show(f.kind, &f.value)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures() -> Figures {
        crate::analyse_file(std::path::Path::new("data/2024.yaml"))
            .unwrap()
            .figures
    }

    /// Every node of a trace, depth first.
    fn nodes(t: &Trace) -> Vec<&Trace> {
        std::iter::once(t)
            .chain(t.inputs.iter().flat_map(nodes))
            .collect()
    }

    #[test]
    fn the_trace_holds_what_the_tree_prints() {
        let figures = figures();
        for name in ["overall.execution_rate", "unit.total_score", "unit.grade"] {
            let figure = figures.get(name).unwrap();
            let tree = explain(&figures, name).unwrap();
            let trace = trace(&figures, name).unwrap();
            assert_eq!(trace.name, figure.name);
            assert_eq!(trace.formula.as_deref(), Some(figure.formula.as_str()));
            assert_eq!(trace.inputs.len(), figure.inputs.len());
            for node in nodes(&trace) {
                assert!(tree.contains(&format!("{}  {}", node.name, node.label)));
                assert!(tree.contains(&node.value), "{}", node.value);
                assert_eq!(node.fact, node.line.is_some(), "{}", node.name);
                assert_eq!(node.fact, node.formula.is_none(), "{}", node.name);
                if let Some(line) = node.line {
                    assert!(tree.contains(&format!("第 {line} 行")));
                }
            }
        }
        assert!(trace(&figures, "no.such.figure").is_err());
    }
}

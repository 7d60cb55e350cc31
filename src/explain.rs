//! `jixiao explain`: a figure's value, formula and inputs, down to the facts
//! and their YAML lines.

use std::fmt::Write;

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

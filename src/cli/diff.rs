//! `jixiao diff`: prints what a change to the facts does to the report, for a
//! reader (三层：事实、派生数、报告文字) or as JSON.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jixiao::analyse_file;
use jixiao::diff::{self, Diff};
use jixiao::render::Templates;

use super::Format;
use super::check::load_failed;

pub fn diff(old: &Path, new: &Path, format: Format, templates: Option<&PathBuf>) -> ExitCode {
    let templates = match Templates::load(templates.map(PathBuf::as_path)) {
        Ok(t) => t,
        Err(e) => {
            errln!("{:?}", miette::Report::new(e));
            return ExitCode::from(2);
        }
    };
    let (old_analysis, new_analysis) = match (analyse_file(old), analyse_file(new)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return load_failed(e),
    };
    let found = match diff::compare(&old_analysis, &new_analysis, &templates) {
        Ok(d) => d,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(2);
        }
    };
    match format {
        Format::Human => out!("{}", human(old, new, &found)),
        Format::Json => {
            let value = serde_json::json!({
                "old": old.display().to_string(),
                "new": new.display().to_string(),
                "facts": found.facts,
                "figures": found.figures,
                "paragraphs": found.paragraphs,
                "cells": found.cells,
            });
            outln!(
                "{}",
                serde_json::to_string_pretty(&value).unwrap_or_default()
            );
        }
    }
    ExitCode::SUCCESS
}

/// A value for a reader: absent as （无）, pending as ~（待填）, line breaks as ／.
fn shown(value: Option<&str>) -> String {
    match value {
        None => "（无）".into(),
        Some("~") => "~（待填）".into(),
        Some(v) => v.replace('\n', "／"),
    }
}

fn human(old: &Path, new: &Path, d: &Diff) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "比较 {} → {}\n", old.display(), new.display());
    if d.no_fact_changed() {
        let _ = writeln!(out, "两份数据在事实上没有差别。");
    }
    let _ = writeln!(out, "一、事实变化（{} 处）", d.facts.len());
    if d.facts.is_empty() {
        let _ = writeln!(out, "  无");
    }
    for f in &d.facts {
        let _ = writeln!(
            out,
            "  {}（第 {} 行）：{} → {}",
            f.path,
            f.line,
            shown(f.old.as_deref()),
            shown(f.new.as_deref())
        );
    }
    let _ = writeln!(out, "\n二、派生数变化（{} 个）", d.figures.len());
    if d.figures.is_empty() {
        let _ = writeln!(out, "  没有派生数变化");
    }
    for f in &d.figures {
        let _ = writeln!(
            out,
            "  {}  {}：{} → {}",
            f.name,
            f.label,
            shown(f.old.as_deref()),
            shown(f.new.as_deref())
        );
        if !f.because.is_empty() {
            let _ = writeln!(out, "      源于 {}", f.because.join("、"));
        }
    }
    let _ = writeln!(
        out,
        "\n三、报告文字变化（段落 {} 处，表格单元格 {} 处）",
        d.paragraphs.len(),
        d.cells.len()
    );
    if d.paragraphs.is_empty() && d.cells.is_empty() {
        let _ = writeln!(out, "  报告文字没有变化");
    }
    for p in &d.paragraphs {
        let _ = writeln!(out, "  段落（「{}」下）", p.section);
        let _ = writeln!(out, "    旧：{}", shown(p.old.as_deref()));
        let _ = writeln!(out, "    新：{}", shown(p.new.as_deref()));
    }
    for c in &d.cells {
        let _ = writeln!(
            out,
            "  表格 {}「{}」第 {} 行第 {} 列（行首：{}）：{} → {}",
            c.table + 1,
            c.caption,
            c.row + 1,
            c.col + 1,
            c.row_head.replace('\n', "／"),
            shown(c.old.as_deref()),
            shown(c.new.as_deref())
        );
    }
    out
}

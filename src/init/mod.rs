//! `jixiao init`: next year's facts file from this year's (and, in
//! `new_unit`, `jixiao new`: a new unit's first facts file).
//!
//! Kept: the unit's profile, its divisions, the goals it set, the indicator
//! structure and wording (names, weights, targets), the narrative and the
//! rules. Moved: this year's actuals become next year's last-year column
//! (三公经费, 专项资金 and 公用经费 rows, each project's 上年决算数). Left to
//! fill in: every figure of the new year — budgets, actuals, staff in post,
//! indicator values and scores — written `~  # 待填`, which loads as a pending
//! number that `jixiao check` lists with its path until it is filled. The
//! year's outcomes in words (实际完成情况, 主要完成情况) are emptied, and each
//! indicator's 实际完成值 reads 待填. Comments of the source are not carried over.
//! An indicator that did not apply applies again, with a comment giving last
//! year's reason.

mod file;
mod new_unit;
mod rules;

pub use file::{InitError, NextYear, write_next_year};
pub use new_unit::{NEW_UNIT, write_new_unit};

use rust_decimal::Decimal;

use crate::Analysis;
use crate::compute::project_key;
use crate::model::{Amount, Evaluation, Facts, Goals, Indicator, Source, Text};

/// The text of next year's file, for the year `year`. `schema` is the path
/// that the editor line (`# yaml-language-server: $schema=…`) points to, if any.
pub fn next_year(analysis: &Analysis, year: u32, schema: Option<&str>) -> String {
    let facts = &analysis.loaded.facts;
    let this_year = facts.year.value;
    let mut w = Writer::default();
    if let Some(schema) = schema {
        w.raw(&format!("# yaml-language-server: $schema={schema}\n#\n"));
    }
    w.raw(&format!(
        "# {} {year} 年度整体支出绩效自评报告 · 事实文件\n\
         # 由 jixiao init 据 {} 生成：单位情况、内设机构、指标体系和文字沿用 {this_year} 年，\n\
         # {this_year} 年的决算数已转为本文件的上年决算数。\n\
         # 写作 ~（注“待填”）的是 {year} 年的数字，须逐项填写；jixiao check 列出每一处尚未填写的位置。\n\
         # 实际完成情况等文字已清空，沿用的文字请按 {year} 年的情况修改。\n\n",
        facts.unit.name.value, analysis.loaded.name
    ));
    w.key(0, "year", &year.to_string());
    w.raw("\n");
    rules::rules(&mut w, &facts.rules);
    unit(&mut w, facts);
    w.raw("\n");
    goals(&mut w, 0, &facts.goals);
    basic(&mut w);
    projects(&mut w, analysis, this_year);
    other_budgets(&mut w, facts);
    w.raw("\n");
    w.open(0, "self_evaluation");
    evaluation(&mut w, 1, &facts.self_evaluation);
    base_data(&mut w, analysis, this_year);
    narrative(&mut w, facts);
    w.raw("\n");
    w.key(
        0,
        "reported",
        "[] # 报告中已印出的可计算数，见 docs/data.md",
    );
    w.out
}

fn unit(w: &mut Writer, facts: &Facts) {
    let u = &facts.unit;
    w.raw("\n");
    w.open(0, "unit");
    w.text(1, "name", &u.name);
    w.optional(1, "short_name", u.short_name.as_ref());
    w.text(1, "department", &u.department);
    w.text(1, "founding", &u.founding);
    w.list(1, "functions", &u.functions);
    w.open(1, "divisions");
    w.list(2, "names", &u.divisions.names);
    w.optional(2, "rank", u.divisions.rank.as_ref());
    w.list(1, "subordinate_units", &u.subordinate_units);
    w.open(1, "staffing");
    w.key(2, "authorized", &number(u.staffing.authorized.value));
    w.pending(2, "actual", "实际在职人数");
    w.optional(2, "kind", u.staffing.kind.as_ref());
    w.optional(2, "posts", u.staffing.posts.as_ref());
}

fn goals(w: &mut Writer, indent: usize, goals: &Goals) {
    w.open(indent, "goals");
    w.list(indent + 1, "expected", &goals.expected);
    w.key(indent + 1, "achieved", "[] # 待写：实际完成情况，一项一条");
}

fn basic(w: &mut Writer) {
    w.raw("\n");
    w.open(0, "basic_expenditure");
    w.pending(1, "initial_budget", "年初预算数");
    w.pending(1, "full_year_budget", "全年预算数");
    w.pending(1, "actual", "全年实际支出");
    w.pending(1, "personnel", "其中人员经费支出");
    w.pending(1, "public", "其中公用经费支出");
}

fn projects(w: &mut Writer, analysis: &Analysis, this_year: Decimal) {
    let facts = &analysis.loaded.facts;
    w.raw("\n");
    if facts.projects.is_empty() {
        w.key(0, "projects", "[]");
        return;
    }
    w.open(0, "projects");
    for p in &facts.projects {
        let mut item = Writer::default();
        item.text(2, "name", &p.name);
        item.optional(2, "department", p.department.as_ref());
        item.optional(2, "implementer", p.implementer.as_ref());
        item.key(2, "budget_type", p.budget_type.label());
        let sources: Vec<Source> = Source::ALL
            .into_iter()
            .filter(|&s| p.funding.line(s).is_some())
            .collect();
        if sources.is_empty() {
            item.key(2, "funding", "{}");
        } else {
            item.open(2, "funding");
            for source in sources {
                item.raw(&format!(
                    "{}{}: # {}\n",
                    pad(3),
                    source.key(),
                    source.label()
                ));
                item.pending(4, "initial_budget", "年初预算数");
                item.pending(4, "full_year_budget", "全年预算数");
                item.pending(4, "actual", "全年执行数");
            }
        }
        let last = analysis
            .figures
            .number(&format!("{}.actual", project_key(&p.name)))
            .unwrap_or_default();
        item.key(
            2,
            "last_year_actual",
            &format!("{} # {this_year} 年全年执行数", number(last)),
        );
        goals(&mut item, 2, &p.goals);
        item.open(2, "evaluation");
        evaluation(&mut item, 3, &p.evaluation);
        w.item(0, &item.out);
    }
}

fn other_budgets(w: &mut Writer, facts: &Facts) {
    let o = &facts.other_budgets;
    w.raw("\n");
    w.open(0, "other_budgets");
    w.list(1, "government_fund", &o.government_fund);
    w.list(1, "state_capital", &o.state_capital);
    w.list(1, "social_insurance", &o.social_insurance);
}

fn evaluation(w: &mut Writer, indent: usize, e: &Evaluation) {
    w.optional(indent, "approach", e.approach.as_ref());
    w.key(
        indent,
        "execution_weight",
        &number(e.execution_weight.value),
    );
    w.open(indent, "categories");
    for c in &e.categories {
        let mut cat = Writer::default();
        cat.text(indent + 2, "name", &c.name);
        cat.open(indent + 2, "subcategories");
        for s in &c.subcategories {
            let mut sub = Writer::default();
            sub.text(indent + 4, "name", &s.name);
            sub.optional(indent + 4, "focus", s.focus.as_ref());
            if !s.achievements.is_empty() {
                sub.key(
                    indent + 4,
                    "achievements",
                    "[] # 待写：主要完成情况，一项一条",
                );
            }
            sub.open(indent + 4, "indicators");
            for i in &s.indicators {
                let mut ind = Writer::default();
                indicator(&mut ind, indent + 6, i);
                sub.item(indent + 4, &ind.out);
            }
            cat.item(indent + 2, &sub.out);
        }
        w.item(indent, &cat.out);
    }
}

fn indicator(w: &mut Writer, indent: usize, i: &Indicator) {
    w.text(indent, "name", &i.name);
    if let Some(reason) = i.reason.as_ref().filter(|_| !i.applies()) {
        // Next year it applies unless the clerk says again that it does not.
        let reason = reason
            .value
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        w.raw(&format!(
            "{}# 上年不适用（{reason}）；本年仍不适用时写 applicable: false 和 reason\n",
            pad(indent)
        ));
    }
    w.key(indent, "weight", &number(i.weight.value));
    w.key(indent, "target", &scalar(&i.target.text));
    w.key(indent, "actual", "待填 # 实际完成值（文字）");
    if i.actual_value.is_some() {
        w.pending(indent, "actual_value", "实际完成值折成指标值单位的数");
    } else {
        w.pending(indent, "score", "自评得分");
    }
}

fn base_data(w: &mut Writer, analysis: &Analysis, this_year: Decimal) {
    let b = &analysis.loaded.facts.base_data;
    let e = &analysis.loaded.facts.basic_expenditure;
    w.raw("\n");
    w.open(0, "base_data");
    w.open(1, "three_public");
    for (key, label, cols) in [
        (
            "vehicle_purchase",
            "公车购置",
            &b.three_public.vehicle_purchase,
        ),
        (
            "vehicle_operation",
            "公车运行维护",
            &b.three_public.vehicle_operation,
        ),
        ("overseas", "出国经费", &b.three_public.overseas),
        ("reception", "公务接待", &b.three_public.reception),
    ] {
        w.raw(&format!("{}{key}: # {label}\n", pad(2)));
        columns(w, 3, cols.actual, this_year);
    }
    w.key(
        1,
        "past_projects",
        "[] # 上年有、本年无的项目：上年的项目今年不再安排时，从 projects 移到这里（name、last_year）",
    );
    if b.special_funds.is_empty() {
        w.key(1, "special_funds", "[]");
    } else {
        w.open(1, "special_funds");
        for f in &b.special_funds {
            let mut item = Writer::default();
            item.text(3, "name", &f.name);
            columns(&mut item, 3, f.actual, this_year);
            w.item(1, &item.out);
        }
    }
    w.open(1, "public_funds");
    w.key(
        2,
        "last_year",
        &format!("{} # {this_year} 年决算数", number(e.public.value)),
    );
    w.pending(2, "budget", "本年预算数");
    if b.public_funds.items.is_empty() {
        w.key(2, "items", "[]");
    } else {
        w.open(2, "items");
        for f in &b.public_funds.items {
            let mut item = Writer::default();
            item.text(4, "name", &f.name);
            columns(&mut item, 4, f.actual, this_year);
            w.item(2, &item.out);
        }
    }
    w.open(1, "procurement");
    w.pending(2, "budget", "本年预算数");
    w.pending(2, "actual", "本年决算数");
    w.key(
        1,
        "buildings",
        "[] # 楼堂馆所：本年完工的项目，见 docs/data.md",
    );
    w.list(1, "thrift_measures", &b.thrift_measures);
}

/// The three columns of a row: this year's actual as last year's, the rest pending.
fn columns(w: &mut Writer, indent: usize, actual: Amount, this_year: Decimal) {
    w.key(
        indent,
        "last_year",
        &format!("{} # {this_year} 年决算数", number(actual.value)),
    );
    w.pending(indent, "budget", "本年预算数");
    w.pending(indent, "actual", "本年决算数");
}

fn narrative(w: &mut Writer, facts: &Facts) {
    let n = &facts.narrative;
    w.raw("\n# 以下文字沿用上年，请按本年情况修改\n");
    w.open(0, "narrative");
    w.list(1, "problems", &n.problems);
    w.open(1, "improvements");
    w.optional(2, "intro", n.improvements.intro.as_ref());
    w.list(2, "items", &n.improvements.items);
    w.list(1, "results_use", &n.results_use);
    w.list(1, "other_matters", &n.other_matters);
}

/// A number as written in the file: exact, without trailing zeros.
fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

fn pad(indent: usize) -> String {
    "  ".repeat(indent)
}

/// Builds the YAML text line by line; indentation is two spaces a level.
#[derive(Default)]
struct Writer {
    out: String,
}

impl Writer {
    fn raw(&mut self, text: &str) {
        self.out.push_str(text);
    }

    /// `key: value`, the value written as given.
    fn key(&mut self, indent: usize, key: &str, value: &str) {
        self.out
            .push_str(&format!("{}{key}: {value}\n", pad(indent)));
    }

    /// `key:` opening a nested mapping or list.
    fn open(&mut self, indent: usize, key: &str) {
        self.out.push_str(&format!("{}{key}:\n", pad(indent)));
    }

    fn text(&mut self, indent: usize, key: &str, text: &Text) {
        self.key(indent, key, &scalar(&text.value));
    }

    fn optional(&mut self, indent: usize, key: &str, text: Option<&Text>) {
        if let Some(t) = text {
            self.text(indent, key, t);
        }
    }

    /// A pending number: `key: ~ # 待填：what`.
    fn pending(&mut self, indent: usize, key: &str, what: &str) {
        self.key(indent, key, &format!("~ # 待填：{what}"));
    }

    fn list(&mut self, indent: usize, key: &str, items: &[Text]) {
        if items.is_empty() {
            self.key(indent, key, "[]");
            return;
        }
        self.open(indent, key);
        for item in items {
            self.out
                .push_str(&format!("{}- {}\n", pad(indent + 1), scalar(&item.value)));
        }
    }

    /// A list item under a key at `indent`: `mapping` was written at
    /// `indent + 2`; its first line gets the `- ` marker.
    fn item(&mut self, indent: usize, mapping: &str) {
        let marker = pad(indent + 1) + "- ";
        let body = mapping.strip_prefix(&pad(indent + 2)).unwrap_or(mapping);
        self.out.push_str(&marker);
        self.out.push_str(body);
    }
}

/// A string as a YAML scalar: plain where YAML reads it back as the same
/// string, otherwise double-quoted (JSON string syntax is valid YAML).
fn scalar(s: &str) -> String {
    let special = [
        "~", "null", "true", "false", ".inf", "-.inf", "+.inf", ".nan",
    ];
    let plain = !s.is_empty()
        && s.trim() == s
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !special.contains(&s.to_ascii_lowercase().as_str())
        && s.parse::<f64>().is_err()
        && !s.starts_with("0x")
        && !s.starts_with("0o");
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("运行维护经费"), "运行维护经费");
        assert_eq!(scalar("≥2.5万人次"), "≥2.5万人次");
        assert_eq!(scalar("2024年9月底前"), "2024年9月底前");
        assert_eq!(scalar("100"), "\"100\"");
        assert_eq!(scalar("95%以上"), "95%以上");
        assert_eq!(scalar("%的"), "\"%的\"");
        assert_eq!(scalar("a: b"), "\"a: b\"");
        assert_eq!(scalar("null"), "\"null\"");
        assert_eq!(scalar(""), "\"\"");
        assert_eq!(scalar("行一\n行二"), "\"行一\\n行二\"");
    }

    #[test]
    fn items_get_their_marker() {
        let mut w = Writer::default();
        w.open(0, "list");
        let mut item = Writer::default();
        item.key(2, "name", "甲");
        item.key(2, "weight", "5");
        w.item(0, &item.out);
        assert_eq!(w.out, "list:\n  - name: 甲\n    weight: 5\n");
        let parsed: serde_json::Value = serde_saphyr::from_str(&w.out).unwrap();
        assert_eq!(parsed["list"][0]["weight"], 5);
    }
}

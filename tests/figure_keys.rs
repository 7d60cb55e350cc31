//! Figures under typed keys: every figure is found by its key and by its
//! human name, and both give the same figure; every indicator's score in the
//! template context and in the audit is its own, found through its key, also
//! when names carry the characters that separate figure names, repeat across
//! tables, or a subcategory has no indicators.

mod common;

use common::REFERENCE;
use jixiao::Analysis;
use jixiao::compute::key::{IndicatorFigure, IndicatorId, Key, Table};
use jixiao::model::{Evaluation, Facts, Loaded, load_str};
use jixiao::render::context::dictionary;

const COUNTY: &str = include_str!("../data/examples/sample-county-2024.yaml");

/// A name with every character that separates the parts of figure names.
const NASTY: &str = "运行[维护]/经费\\";

fn loaded(text: &str) -> Loaded {
    load_str(text, "keys.yaml").expect("loads")
}

/// The reference, changed so that keys matter: its first project has a name
/// that must be escaped, the second project's first subcategory carries the
/// first project's first indicator's name in a subcategory whose name holds a
/// `/`, and the unit's first subcategory has no indicators left, so that every
/// indicator after it sits at another place in a flat list than in its tree.
fn hostile() -> Loaded {
    let mut l = loaded(REFERENCE);
    let facts = &mut l.facts;
    facts.projects[0].name.value = NASTY.into();
    let first = facts.projects[0].evaluation.categories[0].subcategories[0].indicators[0]
        .name
        .value
        .clone();
    let sub = &mut facts.projects[1].evaluation.categories[0].subcategories[0];
    sub.name.value = "数量/指标".into();
    sub.indicators[0].name.value = first;
    facts.self_evaluation.categories[0].subcategories[0]
        .indicators
        .clear();
    l
}

fn tables(facts: &Facts) -> Vec<(Table, &Evaluation, String)> {
    let mut out = vec![(
        Table::Unit,
        &facts.self_evaluation,
        "evaluation".to_string(),
    )];
    for (i, p) in facts.projects.iter().enumerate() {
        out.push((
            Table::Project(i),
            &p.evaluation,
            format!("projects[{i}].evaluation"),
        ));
    }
    out
}

fn every_figure_is_found_by_its_key_and_its_name(a: &Analysis) {
    let mut names = std::collections::BTreeSet::new();
    for f in a.figures.iter() {
        assert!(names.insert(f.name.as_str()), "{} twice", f.name);
        let by_key = a.figures.of(f.key).expect("found by key");
        assert_eq!(by_key.name, f.name);
        assert_eq!(by_key.value, f.value, "{}", f.name);
        assert_eq!(f.key.name(&a.loaded.facts), f.name);
        let by_name = a.figures.get(&f.name).expect("found by name");
        assert_eq!(by_name.key, f.key, "{}", f.name);
    }
    assert_eq!(names.len(), a.figures.iter().count());
}

#[test]
fn the_bundled_units_figures_are_found_by_key_and_by_name() {
    for text in [REFERENCE, COUNTY] {
        every_figure_is_found_by_its_key_and_its_name(&Analysis::of(loaded(text)));
    }
}

#[test]
fn hostile_names_keep_every_figure_apart() {
    let a = Analysis::of(hostile());
    every_figure_is_found_by_its_key_and_its_name(&a);
    let project = a
        .figures
        .of(Key::Money(
            jixiao::compute::key::Holder::Project(0),
            jixiao::compute::key::Money::Actual,
        ))
        .expect("the first project's actual");
    assert_eq!(project.name, "project[运行\\[维护\\]\\/经费\\\\].actual");
}

#[test]
fn each_indicator_outcome_is_its_own_keys() {
    let a = Analysis::of(hostile());
    let mut seen = 0;
    for o in &a.figures.indicators {
        let score = a
            .figures
            .of(Key::Indicator(o.id, IndicatorFigure::Score))
            .expect("a score figure");
        assert_eq!(score.name, o.figure);
        assert_eq!(score.value.number(), o.score, "{}", o.figure);
        let (_, evaluation, _) = tables(&a.loaded.facts)
            .into_iter()
            .find(|(t, _, _)| *t == o.id.table)
            .expect("its table");
        let c = &evaluation.categories[o.id.category];
        let s = &c.subcategories[o.id.subcategory];
        assert_eq!(
            (c.name.value.as_str(), s.name.value.as_str()),
            (o.category.as_str(), o.subcategory.as_str())
        );
        assert_eq!(s.indicators[o.id.indicator].name.value, o.name);
        seen += 1;
    }
    let all: usize = tables(&a.loaded.facts)
        .iter()
        .flat_map(|(_, e, _)| &e.categories)
        .flat_map(|c| &c.subcategories)
        .map(|s| s.indicators.len())
        .sum();
    assert_eq!(seen, all);
}

#[test]
fn the_context_shows_each_indicator_its_own_weight_and_score() {
    let a = Analysis::of(hostile());
    let vars = dictionary(&a);
    let var = |path: &str| {
        vars.iter()
            .find(|v| v.path == path)
            .unwrap_or_else(|| panic!("no variable {path}"))
    };
    let mut checked = 0;
    for (table, evaluation, root) in tables(&a.loaded.facts) {
        for (ci, c) in evaluation.categories.iter().enumerate() {
            for (si, s) in c.subcategories.iter().enumerate() {
                for ii in 0..s.indicators.len() {
                    let id = IndicatorId {
                        table,
                        category: ci,
                        subcategory: si,
                        indicator: ii,
                    };
                    let at =
                        format!("{root}.categories[{ci}].subcategories[{si}].indicators[{ii}]");
                    for (field, figure) in [
                        ("weight", IndicatorFigure::Weight),
                        ("score", IndicatorFigure::Score),
                    ] {
                        let f = a.figures.of(Key::Indicator(id, figure)).expect("figure");
                        let v = var(&format!("{at}.{field}"));
                        let value = f.value.number().map(|d| d.to_string());
                        assert_eq!(Some(v.value.clone()), value, "{at}.{field}");
                        assert!(v.meaning.ends_with(&format!("（{}）", f.name)), "{at}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 20);
}

#[test]
fn an_indicator_finding_names_its_project_as_written() {
    let mut l = hostile();
    let indicator =
        &mut l.facts.projects[0].evaluation.categories[0].subcategories[0].indicators[0];
    indicator.actual_value = None;
    indicator.score = None;
    let a = Analysis::of(l);
    let id = IndicatorId {
        table: Table::Project(0),
        category: 0,
        subcategory: 0,
        indicator: 0,
    };
    let name = a
        .figures
        .name_of(Key::Indicator(id, IndicatorFigure::Score));
    let finding = a
        .findings
        .iter()
        .find(|f| f.code == "J010" && f.figures == [name.clone()])
        .unwrap_or_else(|| panic!("no J010 for {name}"));
    assert!(
        finding.message.contains(&format!("{NASTY}·")),
        "{}",
        finding.message
    );
}

/// The 基础数据表's figures are labelled with the column they stand in (上年
/// 决算数, 本年预算数, 本年决算数), so that a message or `explain` names the
/// column a clerk looks for.
#[test]
fn base_data_figures_name_their_column() {
    let figures = common::figures();
    for (suffix, column) in [
        ("last_year", "上年决算数"),
        ("budget", "本年预算数"),
        ("actual", "本年决算数"),
    ] {
        let name = format!("public_funds.items_total.{suffix}");
        let label = &figures.get(&name).unwrap_or_else(|| panic!("{name}")).label;
        assert!(label.ends_with(column), "{name}: {label}");
    }
}

/// A template reads a quantitative target's comparison as `target.op`: the
/// symbol for the words written (不低于 → ≥, 以内 → ≤), none for a bare
/// number, which must be met exactly.
#[test]
fn a_targets_comparison_reaches_the_templates_as_a_symbol() {
    let op_of = |target: &str| {
        let text = common::minimal().replace("target: ≥5次", &format!("target: {target}"));
        let vars = dictionary(&common::analyse(&text, "op.yaml"));
        let path = "evaluation.categories[0].subcategories[0].indicators[0].target.op";
        vars.iter()
            .find(|v| v.path == path)
            .map(|v| v.value.clone())
            .unwrap_or_else(|| panic!("no {path} for {target}"))
    };
    for (target, op) in [
        ("≥5次", "≥"),
        ("不低于5次", "≥"),
        ("≤5次", "≤"),
        ("5次以内", "≤"),
        ("大于5次", ">"),
        ("低于5次", "<"),
        ("=5次", "="),
        ("5次", ""),
    ] {
        assert_eq!(op_of(target), op, "{target}");
    }
}

//! For any facts file: when it loads, the report renders and its DOCX is
//! well-formed XML in every part; so a file that `check` passes always builds
//! (the audit's findings never keep the report from being written, only
//! `--allow-errors` does), and a template is never the first to notice bad
//! data. The files are the bundled units with values replaced by what
//! clerks and hostile testers type, and with their `rules:` block rewritten:
//! each profile, each option with each accepted value, and values no rule
//! has.

mod common;
mod xml_support;

use common::{REFERENCE, jixiao_command, root};
use jixiao::Analysis;
use jixiao::model::load_str;
use jixiao::render::{self, Templates};
use proptest::prelude::*;

const UNITS: [&str; 3] = [
    REFERENCE,
    include_str!("../data/examples/sample-county-2024.yaml"),
    include_str!("../data/examples/sample-national-2024.yaml"),
];

/// Values for names.
const NAMES: &[&str] = &[
    "甲",
    "甲",
    "乙",
    "\" \"",
    "\"A#2\"",
    "A/B",
    "\"A]\"",
    "项目[一]",
    "\"\\\\\"",
    "培训人数/人次",
    "\"&lt;b&gt;\"",
    "<b>粗</b>",
    "\"*强调*\"",
    "\"| 表 |\"",
    "\"甲\\t乙\"",
    "\"\\u00a0\"",
    "一个很长的名称一个很长的名称一个很长的名称一个很长的名称一个很长的名称一个很长的名称",
];

/// Values for targets (年度指标值).
const TARGETS: &[&str] = &[
    "≥95%",
    "95%以上",
    "95%及以上",
    "≤5%",
    "5%以下",
    "=1处",
    "1处",
    "90%-100%",
    "90%～100%",
    "≥1e3次",
    "不低于10个",
    "不超过100万元",
    "控制在100万元以内",
    "\"\"",
    "\" \"",
    "95%以上计满分",
    "大于95%以上",
    "90%-100%之间",
    "2024.12.31前",
    "按时完成",
    "95%以上计满分，每降5%扣1分，扣完为止。",
    "95%以上计满分，每降0%扣1分",
    "≥0",
    "≤0",
    "≥-5",
    ">100%",
    "<3天",
    "100%",
    "≥99999999999999999999999999次",
    "≥0.00001%",
];

/// Values for numbers of every kind (amounts, weights, scores, counts).
const NUMBERS: &[&str] = &[
    "0",
    "1",
    "0.01",
    "0.0001",
    "0.00001",
    "3.14159",
    "100",
    "101",
    "-1",
    "~",
    "99999999999.99",
    "79228162514264337593543950335",
    "7922816251426433759354395033",
    "1e3",
    "0x10",
    "\"12\"",
    "1000000",
    "2101",
    "1999",
    "2024",
];

/// What may be written after an indicator's weight to mark it not applicable
/// (`applicable:` and `reason:` lines; an empty one is left out).
const NOT_APPLICABLE: &[(&str, &str)] = &[
    ("false", "本年无考核对象"),
    ("false", "\"\""),
    ("false", ""),
    ("true", "本年无考核对象"),
    ("", "本年无考核对象"),
    ("否", "本年无考核对象"),
    ("\"false\"", "本年无考核对象"),
    ("false", "~"),
];

/// The kind of value a key takes, by its name.
fn values_for(key: &str) -> Option<&'static [&'static str]> {
    match key {
        "name" => Some(NAMES),
        "target" => Some(TARGETS),
        "weight" | "score" | "actual_value" | "execution_weight" | "initial_budget"
        | "full_year_budget" | "actual" | "last_year" | "budget" | "personnel" | "public"
        | "last_year_actual" | "authorized" | "year" | "approved_area" | "actual_area"
        | "budget_investment" | "actual_investment" | "value" => Some(NUMBERS),
        _ => None,
    }
}

/// The lines of `text` whose value can be replaced: (line index, key).
fn replaceable(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let body = line.trim_start().trim_start_matches("- ");
            let (key, rest) = body.split_once(": ")?;
            let rest = rest.trim();
            (!rest.is_empty() && !rest.starts_with('[') && !rest.starts_with('{')).then_some(())?;
            values_for(key).map(|_| (i, key))
        })
        .collect()
}

/// The lines that open a block list (`key:` with the items below): (line
/// index, the index of the first line after the block).
fn lists(text: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let indent = |l: &str| l.len() - l.trim_start().len();
    (0..lines.len())
        .filter(|&i| {
            let l = lines[i].trim_end();
            l.ends_with(':') && !l.trim_start().starts_with('#')
        })
        .filter_map(|i| {
            let own = indent(lines[i]);
            let next = lines.get(i + 1)?;
            (next.trim_start().starts_with("- ") && indent(next) >= own).then_some(())?;
            let end = (i + 1..lines.len())
                .find(|&j| {
                    let l = lines[j];
                    !l.trim().is_empty()
                        && !l.trim_start().starts_with('#')
                        && (indent(l) < own
                            || (indent(l) == own && !l.trim_start().starts_with("- ")))
                })
                .unwrap_or(lines.len());
            Some((i, end))
        })
        .collect()
}

/// `text` with the chosen lines' values replaced; a choice with an odd
/// value empties a block list instead (`key: []`), or marks an indicator
/// not applicable (or half so) after its weight.
fn mutate(text: &str, choices: &[(usize, usize)]) -> String {
    let values_at = replaceable(text);
    let blocks = lists(text);
    let weights: Vec<usize> = (values_at.iter())
        .filter(|(_, key)| *key == "weight")
        .map(|(i, _)| *i)
        .collect();
    let mut out: Vec<Option<String>> = text.lines().map(|l| Some(l.to_string())).collect();
    for &(pick, value) in choices {
        if value % 7 == 1 {
            let i = weights[pick % weights.len()];
            let Some(line) = &out[i] else { continue };
            let indent: String = line.chars().take_while(|c| *c == ' ').collect();
            let (applicable, reason) = NOT_APPLICABLE[(value / 7) % NOT_APPLICABLE.len()];
            let mut marked = line.clone();
            for (key, written) in [("applicable", applicable), ("reason", reason)] {
                if !written.is_empty() {
                    marked.push_str(&format!("\n{indent}{key}: {written}"));
                }
            }
            out[i] = Some(marked);
            continue;
        }
        if value % 7 == 0 {
            let (start, end) = blocks[pick % blocks.len()];
            let Some(line) = out[start].clone() else {
                continue;
            };
            out[start] = Some(format!("{} []", line.trim_end()));
            for l in &mut out[start + 1..end] {
                *l = None;
            }
            continue;
        }
        let (i, key) = values_at[pick % values_at.len()];
        let values = values_for(key).unwrap();
        let Some(line) = &out[i] else { continue };
        let at = line.find(&format!("{key}: ")).unwrap() + key.len() + 2;
        out[i] = Some(format!("{}{}", &line[..at], values[value % values.len()]));
    }
    out.into_iter().flatten().collect::<Vec<_>>().join("\n") + "\n"
}

/// What may be written under `rules:`: each option with every value it
/// accepts (by its Chinese and English names) and values it does not
/// (unknown words, wrong types, empty, out of range, overlapping or gapped
/// bands). The bands are written with `execution_score: 分档`, so that most
/// of them load.
const RULE_OPTIONS: &[(&str, &[&str])] = &[
    (
        "profile",
        &[
            "hunan",
            "national",
            "湖南",
            "全国",
            "National",
            "~",
            "",
            "[national]",
        ],
    ),
    (
        "rounding",
        &[
            "四舍五入",
            "截断",
            "{ 方式: 截断, 金额: 2, 比率: 2, 得分: 2 }",
            "{ 方式: 四舍五入, 金额: 0, 比率: 0, 得分: 0 }",
            "{ 方式: 截断, 金额: 4, 比率: 4, 得分: 4 }",
            "{ 得分: 1 }",
            "{}",
            "{ 方式: 截断, 金额: 5 }",
            "{ 比率: -1 }",
            "{ 方式: 五入 }",
            "~",
            "round",
        ],
    ),
    (
        "at_most_missed",
        &[
            "超出扣减",
            "目标比实际",
            "overrun",
            "ratio",
            "五五开",
            "~",
            "1",
            "\"\"",
        ],
    ),
    (
        "exact_exceeded",
        &[
            "满分",
            "目标比实际",
            "超出扣减",
            "full",
            "ratio",
            "overrun",
            "半分",
            "~",
        ],
    ),
    (
        "rating_edges",
        &["含下限", "含上限", "lower", "upper", "都含", "~"],
    ),
    (
        "over_achievement",
        &[
            "50",
            "50%",
            "\"50%\"",
            "0",
            "0.01",
            "-5",
            "1000000",
            "79228162514264337593543950335",
            "99999999999999999999999999999",
            "不检查",
            "很多",
            "\"\"",
            "~",
            "[50]",
        ],
    ),
    (
        "execution_score",
        &[
            "线性封顶",
            "线性不封顶",
            "capped",
            "uncapped",
            "分档",
            "bands",
            "按比例",
            "~",
            "分档\n  execution_bands: [{ from: 95, share: 100 }, { from: 80, share: 60 }]",
            "bands\n  execution_bands: [{ from: 0, share: 0 }]",
            "分档\n  execution_bands: [{ from: 0, share: 100 }]",
            "分档\n  execution_bands: [{ from: 100, share: 100 }]",
            "分档\n  execution_bands: [{ from: 150, share: 100 }]",
            "分档\n  execution_bands: [{ from: 99, share: 100 }, { from: 10, share: 10 }]",
            "分档\n  execution_bands: [{ from: 0.00001, share: 0.00001 }]",
            "分档\n  execution_bands: [{ from: 79228162514264337593543950335, share: 100 }]",
            "分档\n  execution_bands: [{ from: 90, share: 100 }, { from: 90, share: 60 }]",
            "分档\n  execution_bands: [{ from: -1, share: 50 }]",
            "分档\n  execution_bands: [{ from: 95, share: 120 }]",
            "分档\n  execution_bands: [{ from: 95 }]",
            "分档\n  execution_bands: []",
            "分档\n  execution_bands: ~",
            "线性封顶\n  execution_bands: [{ from: 95, share: 100 }]",
        ],
    ),
    (
        "satisfaction_steps",
        &["整档", "按比例", "whole", "partial", "半档", "~"],
    ),
    (
        "top_weights",
        &[
            "[10, 50, 30, 10]",
            "[]",
            "[10, 90]",
            "[100]",
            "[-10, 110]",
            "[0, 0, 0, 0]",
            "[79228162514264337593543950335]",
            "[10, ~]",
            "10",
            "~",
        ],
    ),
    ("weights", &["[10, 50]"]),
    ("Profile", &["national"]),
];

/// `text` with the options under its `rules:` replaced by `options`
/// (indices into [`RULE_OPTIONS`] and into that option's values; an option
/// chosen twice is written once).
fn with_rules(text: &str, options: &[(usize, usize)]) -> String {
    let mut keys = Vec::new();
    let mut lines = Vec::new();
    for &(option, value) in options {
        let (key, values) = RULE_OPTIONS[option % RULE_OPTIONS.len()];
        if keys.contains(&key) {
            continue;
        }
        keys.push(key);
        let value = values[value % values.len()];
        lines.push(format!("  {key}: {value}").trim_end().to_string());
    }
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line == "rules:" {
            inside = true;
            out.push(if lines.is_empty() {
                "rules: {}".to_string()
            } else {
                format!("rules:\n{}", lines.join("\n"))
            });
            continue;
        }
        if inside && line.starts_with("  ") {
            continue;
        }
        inside = false;
        out.push(line.to_string());
    }
    out.join("\n") + "\n"
}

fn templates() -> &'static Templates {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(None).expect("the built-in templates compile"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_file_that_loads_builds(
        unit in 0usize..UNITS.len(),
        // Half the files keep the unit's values and vary only the rules.
        choices in prop_oneof![
            Just(Vec::new()),
            proptest::collection::vec((any::<usize>(), any::<usize>()), 1..10),
        ],
        options in proptest::collection::vec((any::<usize>(), any::<usize>()), 0..5),
    ) {
        let text = with_rules(&mutate(UNITS[unit], &choices), &options);
        let Ok(loaded) = load_str(&text, "generated.yaml") else {
            return Ok(());
        };
        let analysis = Analysis::of(loaded);
        let markdown = render::markdown(&analysis, templates()).map_err(|e| {
            TestCaseError::fail(format!(
                "{} errors, and the report does not render: {e:?}\n{text}",
                analysis.errors()
            ))
        })?;
        let docx = jixiao::pipeline::Output::Docx.of(&markdown, &analysis).map_err(|e| {
            TestCaseError::fail(format!("the DOCX is not written: {e}"))
        })?;
        xml_support::docx_well_formed(&docx).map_err(TestCaseError::fail)?;
    }
}

/// The mutation reaches the values it means to: every kind of key is found in
/// both units.
#[test]
fn the_generator_replaces_every_kind_of_value() {
    for unit in &UNITS[..2] {
        let keys: Vec<&str> = replaceable(unit).iter().map(|(_, k)| *k).collect();
        for key in [
            "name",
            "target",
            "weight",
            "score",
            "actual",
            "initial_budget",
            "year",
        ] {
            assert!(keys.contains(&key), "{key}");
        }
        // Marking any indicator not applicable with a reason keeps the file
        // loading, with one indicator fewer scored.
        let weights = keys.iter().filter(|k| **k == "weight").count();
        for pick in 0..weights {
            let text = mutate(unit, &[(pick, 1)]);
            let loaded = load_str(&text, "marked.yaml").unwrap_or_else(|e| panic!("{e}"));
            let analysis = Analysis::of(loaded);
            let dropped = (analysis.figures.indicators.iter())
                .filter(|o| o.basis == jixiao::compute::Basis::NotApplicable)
                .count();
            assert_eq!(dropped, 1, "weight {pick}");
        }
        let blocks = lists(unit);
        assert!(blocks.len() > 40, "{} block lists", blocks.len());
        // Emptying any one block list keeps the file readable YAML.
        for (pick, _) in blocks.iter().enumerate() {
            let text = mutate(unit, &[(pick, 7)]);
            assert!(text.len() < unit.len());
            if let Err(e) = load_str(&text, "emptied.yaml") {
                assert!(
                    e.kind != jixiao::model::load::LoadErrorKind::Syntax,
                    "{}",
                    e.message
                );
            }
        }
    }
}

/// Every file of the bad-input corpus and both units: when it loads, it
/// builds, and its DOCX is well-formed.
#[test]
fn every_corpus_file_that_loads_builds() {
    let root = root();
    let mut files: Vec<_> = std::fs::read_dir(root.join("tests/bad_inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.push(root.join("data/2024.yaml"));
    files.push(root.join("data/examples/sample-county-2024.yaml"));
    let mut built = 0;
    for file in &files {
        let Ok(loaded) = jixiao::model::load_file(file) else {
            continue;
        };
        let analysis = Analysis::of(loaded);
        let markdown = render::markdown(&analysis, templates())
            .unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        let docx = jixiao::pipeline::Output::Docx
            .of(&markdown, &analysis)
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        xml_support::docx_well_formed(&docx).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        built += 1;
    }
    assert!(built >= 5, "only {built} corpus files load");
}

/// `check --templates DIR` renders with the templates `build` would use: a
/// template that cannot render this file makes `check` fail (exit 1) where it
/// would otherwise pass, and JSON says why.
#[test]
fn check_renders_with_the_templates_build_would_use() {
    let data = root().join("data/examples/sample-county-2024.yaml");
    let run = |args: &[&std::ffi::OsStr]| jixiao_command(&[]).args(args).output().unwrap();
    let passes = run(&["check".as_ref(), data.as_os_str()]);
    assert_eq!(passes.status.code(), Some(0), "the sample unit passes");

    let dir = tempfile::tempdir().unwrap();
    // Renders only when the unit has more than 99 projects: an index the
    // template takes from the data.
    std::fs::write(
        dir.path().join("report.md.tera"),
        "# 报告\n\n{{ projects[99].name }}\n",
    )
    .unwrap();
    let fails = run(&[
        "check".as_ref(),
        data.as_os_str(),
        "--templates".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_eq!(fails.status.code(), Some(1));
    let json = run(&[
        "check".as_ref(),
        data.as_os_str(),
        "--templates".as_ref(),
        dir.path().as_os_str(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["errors"], 0);
    assert!(
        value["report_error"]
            .as_str()
            .is_some_and(|e| e.contains("report.md.tera"))
    );
    let passed: serde_json::Value = serde_json::from_slice(
        &run(&[
            "check".as_ref(),
            data.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ])
        .stdout,
    )
    .unwrap();
    assert!(passed["report_error"].is_null());
}

/// Each rules option alone, with each of its values, on the unit scored by
/// the national rules: it loads and builds, or it is refused at a line of
/// the `rules:` block.
#[test]
fn every_rules_option_alone_builds_or_is_refused_at_its_line() {
    let (mut built, mut refused) = (0, 0);
    for unit in &UNITS[2..] {
        for (option, (_, values)) in RULE_OPTIONS.iter().enumerate() {
            for value in 0..values.len() {
                let text = with_rules(unit, &[(option, value)]);
                let block = common::line_no(&text, "rules:");
                match load_str(&text, "rules.yaml") {
                    Ok(loaded) => {
                        let analysis = Analysis::of(loaded);
                        let markdown = render::markdown(&analysis, templates())
                            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
                        jixiao::pipeline::Output::Docx
                            .of(&markdown, &analysis)
                            .unwrap_or_else(|e| panic!("{e}\n{text}"));
                        built += 1;
                    }
                    Err(e) => {
                        let line = e.at.map(|a| a.line).unwrap_or_default();
                        assert!(
                            (block..=block + 2).contains(&line),
                            "{} at line {line}, not in the rules block at {block}:\n{}",
                            e.message,
                            &text[..600.min(text.len())]
                        );
                        refused += 1;
                    }
                }
            }
        }
    }
    assert!(
        built > 40 && refused > 30,
        "{built} built, {refused} refused"
    );
}

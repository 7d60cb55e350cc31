//! The rounding rule (`rules.rounding`): how it is written and what is
//! refused; worked examples under both modes, in the computed figures and in
//! the printed Markdown; and the reference unit built under 截断, every
//! printed number read back from its Markdown.

mod common;

use std::path::Path;

use common::{
    REFERENCE, analyse, d, insert_after, jixiao, line_of, lines_containing, load_err, markdown,
    minimal, replaced, set_line, stderr,
};
use jixiao::compute::Figures;
use jixiao::model::load::LoadErrorKind;
use jixiao::model::load_str;
use jixiao::rounding::{Mode, Rounding};
use rust_decimal::Decimal;

/// `text` (a file whose first key is `year: 2024`) with the rule written
/// as `written`.
fn with_rule(text: &str, written: &str) -> String {
    replaced(
        text,
        &[(
            "year: 2024\n",
            &format!("year: 2024\nrules:\n  rounding: {written}\n"),
        )],
    )
}

fn rule_of(text: &str) -> Rounding {
    load_str(text, "rule.yaml")
        .unwrap_or_else(|e| panic!("loads: {e}"))
        .facts
        .rules
        .rounding
}

#[test]
fn the_rule_is_a_mode_alone_or_written_in_full() {
    let full = |mode, money, rate, score| Rounding {
        mode,
        money,
        rate,
        score,
    };
    let cases = [
        ("四舍五入", full(Mode::HalfUp, 2, 2, 2)),
        ("截断", full(Mode::Truncate, 2, 2, 2)),
        (
            "{ 方式: 截断, 金额: 2, 比率: 2, 得分: 2 }",
            full(Mode::Truncate, 2, 2, 2),
        ),
        (
            "{ 方式: 四舍五入, 金额: 0, 比率: 1, 得分: 4 }",
            full(Mode::HalfUp, 0, 1, 4),
        ),
        // What is left out takes the default: 四舍五入, 2 places.
        ("{ 得分: 1 }", full(Mode::HalfUp, 2, 2, 1)),
        ("{ 方式: 截断 }", full(Mode::Truncate, 2, 2, 2)),
        ("{}", full(Mode::HalfUp, 2, 2, 2)),
        // A block mapping, and a quoted number of places.
        (
            "\n    方式: 截断\n    比率: \"3\"",
            full(Mode::Truncate, 2, 3, 2),
        ),
    ];
    for (written, want) in cases {
        assert_eq!(rule_of(&with_rule(&minimal(), written)), want, "{written}");
    }
    assert_eq!(rule_of(&minimal()), Rounding::default());
}

/// (the rule as written, the YAML path the error names, its kind, the
/// value it quotes).
const REFUSED: [(&str, &str, LoadErrorKind, &str); 15] = [
    (
        "{ 金额: 9 }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "9",
    ),
    (
        "{ 金额: 5 }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "5",
    ),
    (
        "{ 比率: -1 }",
        "rules.rounding.比率",
        LoadErrorKind::InvalidValue,
        "-1",
    ),
    (
        "{ 得分: 2.5 }",
        "rules.rounding.得分",
        LoadErrorKind::InvalidValue,
        "2.5",
    ),
    (
        "{ 得分: 两位 }",
        "rules.rounding.得分",
        LoadErrorKind::InvalidValue,
        "两位",
    ),
    // Never read as the integer it looks like, nor as a float rounded.
    (
        "{ 金额: 2.0 }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "2.0",
    ),
    (
        "{ 金额: 99999999999999999999999 }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "1e23",
    ),
    (
        "{ 金额: true }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "true",
    ),
    (
        "{ 金额: \"\" }",
        "rules.rounding.金额",
        LoadErrorKind::InvalidValue,
        "",
    ),
    // A value of the wrong type: the message says what is expected.
    (
        "{ 金额: ~ }",
        "rules.rounding.金额",
        LoadErrorKind::WrongType,
        "0 到 4 的整数",
    ),
    (
        "{ 金额: [2] }",
        "rules.rounding.金额",
        LoadErrorKind::WrongType,
        "0 到 4 的整数",
    ),
    (
        "{ 位数: 2 }",
        "rules.rounding.位数",
        LoadErrorKind::UnknownKey,
        "位数",
    ),
    (
        "{ 方式: 五舍六入 }",
        "rules.rounding.方式",
        LoadErrorKind::InvalidValue,
        "五舍六入",
    ),
    // Round half to even is not a rule of public finance: not offered.
    (
        "四舍六入五成双",
        "rules.rounding",
        LoadErrorKind::InvalidValue,
        "四舍六入五成双",
    ),
    (
        "[2]",
        "rules.rounding",
        LoadErrorKind::WrongType,
        "四舍五入 或 截断",
    ),
];

#[test]
fn places_outside_0_to_4_or_not_an_integer_are_located_errors() {
    for (written, path, kind, quoted) in REFUSED {
        let text = with_rule(&minimal(), written);
        let e = load_err(&text);
        assert_eq!(e.kind, kind, "{written}: {e}");
        assert_eq!(
            e.at.map(|at| at.line),
            Some(line_of(&text, "rounding:")),
            "{written}: {e}"
        );
        assert_eq!(e.path.as_deref(), Some(path), "{written}: {e}");
        assert!(e.message.contains(quoted), "{written}: {e}");
    }
    // check says so too, with the line, and stops.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rule.yaml");
    let text = with_rule(&minimal(), "{ 金额: 9 }");
    std::fs::write(&file, &text).unwrap();
    let o = jixiao(&["check", file.to_str().unwrap()]);
    assert_ne!(o.status.code(), Some(0));
    let line = line_of(&text, "rounding:");
    assert!(
        stderr(&o).contains(&format!("第 {line} 行")),
        "{}",
        stderr(&o)
    );
}

// ── worked examples ─────────────────────────────────────────────────

/// minimal.yaml changed so that its figures land on the halves and the
/// thirds of a hundredth that the two modes round apart.
fn worked_file(mode: &str) -> String {
    let text = replaced(
        &minimal(),
        &[
            // 107 ÷ 4000 × 100 = 2.675 %.
            (
                "    authorized: 10\n    actual: 8\n",
                "    authorized: 4000\n    actual: 107\n",
            ),
            // 年初预算 7064.685; 结余 110.255 − 110.25 = 0.005;
            // 执行率 110.25 ÷ 110.255 × 100 = 99.99546…%.
            (
                "  initial_budget: 100\n  full_year_budget: 120.5\n",
                "  initial_budget: 7064.685\n  full_year_budget: 110.255\n",
            ),
            // 结余 60 − 60.005 = −0.005 (超支).
            (
                "        full_year_budget: 60\n        actual: 55\n",
                "        full_year_budget: 60\n        actual: 60.005\n",
            ),
            // ≥8次, 1 done, weight 1: 1 ÷ 8 × 1 = 0.125 points.
            (
                "              weight: 90\n              target: ≥5次\n              actual: 开展活动5次。\n              actual_value: 5\n",
                "              weight: 1\n              target: ≥8次\n              actual: 开展活动1次。\n              actual_value: 1\n",
            ),
        ],
    );
    with_rule(&text, mode)
}

struct Worked {
    figure: &'static str,
    /// The figure as computed under 四舍五入 and under 截断.
    computed: [&'static str; 2],
    /// The figure as printed under 四舍五入 and under 截断.
    printed: [&'static str; 2],
    /// Whether the number printed under the other mode appears nowhere
    /// else in the report, so that its absence can be asserted.
    unique: bool,
}

const WORKED: [Worked; 7] = [
    // An amount is exact in the computation and rounded once, when printed.
    Worked {
        figure: "basic.initial_budget",
        computed: ["7064.685", "7064.685"],
        printed: ["7064.69", "7064.68"],
        unique: true,
    },
    Worked {
        figure: "basic.balance",
        computed: ["0.005", "0.005"],
        printed: ["0.01", "0.00"],
        unique: false,
    },
    // Printed as 超支 and the amount, without its sign.
    Worked {
        figure: "project[运行维护经费].balance",
        computed: ["-0.005", "-0.005"],
        printed: ["0.01", "0.00"],
        unique: false,
    },
    // A rate is rounded when computed and printed as it is.
    Worked {
        figure: "staffing.control_rate",
        computed: ["2.68", "2.67"],
        printed: ["2.68", "2.67"],
        unique: true,
    },
    Worked {
        figure: "basic.execution_rate",
        computed: ["100.00", "99.99"],
        printed: ["100", "99.99"],
        unique: false,
    },
    // A score too; the total adds the rounded scores: 10 + 0.13, 10 + 0.12.
    Worked {
        figure: "unit.indicator[产出指标/数量指标/开展活动次数].score",
        computed: ["0.13", "0.12"],
        printed: ["0.13", "0.12"],
        unique: true,
    },
    Worked {
        figure: "unit.total_score",
        computed: ["10.13", "10.12"],
        printed: ["10.13", "10.12"],
        unique: true,
    },
];

/// Every number printed in `markdown`, in order, as written and without
/// its sign: runs of ASCII digits with at most one inner decimal point.
fn written_numbers(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    for c in markdown.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !run.is_empty() && !run.contains('.')) {
            run.push(c);
        } else if !run.is_empty() {
            out.push(run.trim_end_matches('.').to_string());
            run.clear();
        }
    }
    out
}

/// Every number printed in `markdown`, in order, as a decimal.
fn numbers(markdown: &str) -> Vec<Decimal> {
    written_numbers(markdown).iter().map(|n| d(n)).collect()
}

#[test]
fn worked_examples_in_the_figures_and_the_printed_report() {
    for (i, mode) in ["四舍五入", "截断"].into_iter().enumerate() {
        let analysis = analyse(&worked_file(mode), "worked.yaml");
        let printed = numbers(&markdown(&analysis));
        for w in &WORKED {
            assert_eq!(
                analysis.figures.number(w.figure),
                Some(d(w.computed[i])),
                "{mode} {}",
                w.figure
            );
            assert!(
                printed.contains(&d(w.printed[i])),
                "{mode} {}: {} not printed",
                w.figure,
                w.printed[i]
            );
            let other = d(w.printed[1 - i]);
            assert!(
                !w.unique || !printed.contains(&other),
                "{mode} {}: {other} printed",
                w.figure
            );
        }
    }
}

// ── the reference unit under 截断 ───────────────────────────────────

/// Builds the Markdown of `text` with the command line, as a clerk does.
fn built(text: &str, dir: &Path, name: &str) -> String {
    let data = dir.join(format!("{name}.yaml"));
    std::fs::write(&data, text).unwrap();
    let out = dir.join(name);
    let o = jixiao(&[
        "build",
        data.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--format",
        "md",
        "--allow-errors",
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    std::fs::read_to_string(out.join(format!("{name}.md"))).unwrap()
}

/// Each figure's value under each of the two rules, for those whose
/// printed forms differ: what a number printed under 四舍五入 may become
/// under 截断.
fn changes(half_up: &Figures, truncated: &Figures, places: u32) -> Vec<(Decimal, Decimal)> {
    let (h, t) = (
        Rounding::with_mode(Mode::HalfUp),
        Rounding::with_mode(Mode::Truncate),
    );
    half_up
        .iter()
        .filter_map(|f| {
            let exact_h = f.value.number()?.abs();
            let exact_t = truncated.number(&f.name)?.abs();
            Some((h.shown(exact_h, places), t.shown(exact_t, places)))
        })
        .collect()
}

/// The rule changed to 截断 in a copy of `data/2024.yaml`: every number
/// printed differently from the 四舍五入 report is a figure printed at its
/// truncated value, and a figure whose truncated value differs is never
/// printed at its half-up value. Three of the copy's amounts are written to
/// the 元, so that amounts, not only rates and scores, round apart.
#[test]
fn the_reference_unit_under_truncation_prints_every_figure_truncated() {
    let to_the_yuan = replaced(
        REFERENCE,
        &[
            // 5983.41 under 四舍五入, 5983.40 under 截断.
            ("initial_budget: 5983.4 #", "initial_budget: 5983.405 #"),
            // 6078.92 and 6078.91; the rates computed from it follow.
            ("actual: 6078.91 #", "actual: 6078.9175 #"),
            // 4767.44 and 4767.43.
            ("personnel: 4767.43 #", "personnel: 4767.435 #"),
        ],
    );
    let at = line_of(&to_the_yuan, "rounding: 四舍五入");
    let truncating = set_line(&to_the_yuan, at, "rounding: 截断");
    let dir = tempfile::tempdir().unwrap();
    let printed_h = numbers(&built(&to_the_yuan, dir.path(), "half-up"));
    let printed_t = numbers(&built(&truncating, dir.path(), "truncated"));
    assert_eq!(
        printed_h.len(),
        printed_t.len(),
        "the same report, number for number"
    );

    let half_up = analyse(&to_the_yuan, "half-up.yaml").figures;
    let truncated = analyse(&truncating, "truncated.yaml").figures;
    let changes = changes(&half_up, &truncated, 2);
    let mut differing = 0;
    for (&h, &t) in printed_h.iter().zip(&printed_t) {
        // The figures printed here under 四舍五入, and what each becomes.
        let candidates: Vec<Decimal> = changes
            .iter()
            .filter(|(shown_h, _)| *shown_h == h)
            .map(|&(_, shown_t)| shown_t)
            .collect();
        if h != t {
            differing += 1;
            assert!(
                candidates.contains(&t),
                "{h} under 四舍五入 printed as {t} under 截断, which no figure truncates to"
            );
        } else {
            // Not a figure, or one that truncates to the same number.
            assert!(
                candidates.is_empty() || candidates.contains(&t),
                "{h} is printed under 截断 as under 四舍五入, but truncates to {candidates:?}"
            );
        }
    }
    // Amounts such as 6302.115 and the rates and scores computed from them.
    assert!(differing >= 10, "only {differing} numbers changed");
}

/// A rate printed one rounding step away from the computed one is
/// suspected of the wrong rounding: the step and the mode are the rule's.
#[test]
fn a_rate_printed_one_step_away_names_the_rules_step() {
    let at = line_of(REFERENCE, "rounding: 四舍五入");
    let one_place = set_line(REFERENCE, at, "rounding: { 方式: 四舍五入, 比率: 1 }");
    let printed = lines_containing(&one_place, "figure: overall.execution_rate, value: 96.45")[0];
    let text = insert_after(
        &one_place,
        printed,
        "- { figure: overall.execution_rate, value: 96.4, at: 二㈠ }",
    );
    let a = analyse(&text, "one-place.yaml");
    // 7064.69 ÷ 7324.16 × 100 = 96.457…%: 96.5 at one place.
    assert_eq!(a.figures.number("overall.execution_rate"), Some(d("96.5")));
    let about_rate: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == "J002" && f.figures.iter().any(|n| n == "overall.execution_rate"))
        .collect();
    // 96.4 is one step (0.1) away; 96.45 is half a step away, not a rounding slip.
    let step_away = about_rate
        .iter()
        .find(|f| f.lines.contains(&(printed + 1)))
        .expect("96.4 is reported");
    assert!(step_away.message.contains("0.1") && step_away.message.contains("四舍五入"));
    let half_step = about_rate
        .iter()
        .find(|f| f.lines.contains(&printed))
        .expect("96.45 is reported");
    assert!(
        !half_step.message.contains("0.05，"),
        "{}",
        half_step.message
    );
}

/// Next year's file (`jixiao init`) keeps the rule as written in full.
#[test]
fn next_years_file_keeps_the_rule() {
    let dir = tempfile::tempdir().unwrap();
    let this_year = dir.path().join("2024.yaml");
    let at = line_of(REFERENCE, "rounding: 四舍五入");
    std::fs::write(
        &this_year,
        set_line(REFERENCE, at, "rounding: { 方式: 截断, 金额: 0 }"),
    )
    .unwrap();
    let o = jixiao(&[
        "init",
        "--from",
        this_year.to_str().unwrap(),
        "--year",
        "2025",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let next = std::fs::read_to_string(dir.path().join("2025.yaml")).unwrap();
    let rule = load_str(&next, "2025.yaml").unwrap().facts.rules.rounding;
    assert_eq!(
        rule,
        Rounding {
            money: 0,
            ..Rounding::with_mode(Mode::Truncate)
        }
    );
}

/// An amount written with more decimals than the report prints is flagged
/// (J011); one the rule prints in full is not.
#[test]
fn amounts_are_flagged_only_beyond_the_places_printed() {
    let text = replaced(
        &minimal(),
        &[(
            "    last_year_actual: 40\n",
            "    last_year_actual: 40.125\n",
        )],
    );
    for (written, flagged) in [
        ("四舍五入", true),
        ("{ 金额: 0 }", true),
        ("{ 金额: 2 }", true),
        ("{ 金额: 3 }", false),
        ("{ 方式: 截断, 金额: 4 }", false),
    ] {
        let text = with_rule(&text, written);
        let line = line_of(&text, "last_year_actual: 40.125");
        let a = analyse(&text, "precision.yaml");
        let j011: Vec<_> = a.findings.iter().filter(|f| f.code == "J011").collect();
        assert_eq!(j011.len(), usize::from(flagged), "{written}");
        assert!(j011.iter().all(|f| f.lines == [line]), "{written}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]

    /// Under any rule the file can state, the reference unit renders and
    /// its DOCX is written; its total score has at most the rule's places
    /// for scores, and an amount is printed at the rule's places for amounts.
    #[test]
    fn every_rule_builds(truncate: bool, money in 0u32..=4, rate in 0u32..=4, score in 0u32..=4) {
        let mode = if truncate { "截断" } else { "四舍五入" };
        let at = line_of(REFERENCE, "rounding: 四舍五入");
        let text = set_line(
            REFERENCE,
            at,
            &format!("rounding: {{ 方式: {mode}, 金额: {money}, 比率: {rate}, 得分: {score} }}"),
        );
        let analysis = analyse(&text, "rule.yaml");
        let report = markdown(&analysis);
        jixiao::pipeline::Output::Docx.of(&report, &analysis).unwrap();
        let total = analysis.figures.number("unit.total_score").unwrap();
        proptest::prop_assert!(total.scale() <= score, "{}", total);
        // 基本支出全年实际支出 6078.91, as the rule prints it.
        let mode = if truncate { Mode::Truncate } else { Mode::HalfUp };
        let actual = Rounding { money, ..Rounding::with_mode(mode) }.shown(d("6078.91"), money);
        proptest::prop_assert!(written_numbers(&report).contains(&actual.to_string()), "{}", actual);
    }
}

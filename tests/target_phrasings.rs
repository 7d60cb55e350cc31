//! Targets (年度指标值) as public 绩效自评表 and 绩效目标表 write them, each read
//! through a facts file to its comparison, value and unit and scored for a
//! measured value above, at and below it (weight 10); then the wordings that
//! must be refused, each a load error at the target's line and column. The
//! sources are named per group below and in `docs/data.md` §五.

mod common;

use common::{REFERENCE, d};
use jixiao::Analysis;
use jixiao::compute::Value;
use jixiao::model::load::LoadErrorKind;
use jixiao::model::{LoadError, Loaded, Op, TargetKind, load_str};
use proptest::prelude::*;
use rust_decimal::Decimal;

const INDICATOR: &str = "组织软考参考人次";
const SCORE: &str = "project[运行维护经费].indicator[产出指标/数量指标/组织软考参考人次].score";
/// The indicator's weight and target lines in the reference, and its measured value and score.
const TARGET_LINES: &str = "                  weight: 6\n                  target: ≥2万人次\n";
const MEASURED_LINES: &str =
    "                  actual_value: 2.671 # 26710人 = 2.671万人次\n                  score: 6\n";
/// Where the target's value starts on its line: after 18 spaces and `target: `.
const TARGET_COLUMN: usize = 27;

/// What a target reads as.
#[derive(Debug, Clone, Copy)]
enum Reading {
    /// Comparison, value and unit.
    Compare(Op, &'static str, &'static str),
    /// Low and high ends (both included), unit.
    Range(&'static str, &'static str, &'static str),
    /// Full marks from, step, points per step.
    Satisfaction(&'static str, &'static str, &'static str),
    /// Words, scored by the author.
    Words,
}
use Reading::*;

/// Measured values above, at and below the target with the score each earns.
type Scores = [(&'static str, &'static str); 3];

/// No score is computed for words.
const NONE: Scores = [("", ""); 3];

/// The reference file with the indicator's target, weight 10 and measured value.
fn facts(target: &str, measured: Option<&str>) -> String {
    weighted("10", target, measured)
}

/// The reference file with the indicator's weight, target and measured value.
fn weighted(weight: &str, target: &str, measured: Option<&str>) -> String {
    let quoted = target.replace('\\', "\\\\").replace('"', "\\\"");
    let target_lines =
        format!("                  weight: {weight}\n                  target: \"{quoted}\"\n");
    let measured_lines = measured.map_or(String::new(), |m| {
        format!("                  actual_value: {m}\n")
    });
    assert!(REFERENCE.contains(TARGET_LINES) && REFERENCE.contains(MEASURED_LINES));
    REFERENCE
        .replacen(TARGET_LINES, &target_lines, 1)
        .replacen(MEASURED_LINES, &measured_lines, 1)
}

fn target_of(loaded: &Loaded) -> TargetKind {
    loaded
        .facts
        .projects
        .iter()
        .flat_map(|p| &p.evaluation.categories)
        .flat_map(|c| &c.subcategories)
        .flat_map(|s| &s.indicators)
        .find(|i| i.name.value == INDICATOR)
        .expect("the indicator")
        .target
        .kind
        .clone()
}

fn expected_kind(reading: Reading) -> Option<TargetKind> {
    Some(match reading {
        Compare(op, value, unit) => TargetKind::Quantitative {
            op,
            op_written: true,
            value: d(value),
            unit: unit.into(),
        },
        Range(low, high, unit) => TargetKind::Range {
            low: d(low),
            high: d(high),
            unit: unit.into(),
        },
        Satisfaction(full_at, step, deduct) => TargetKind::Satisfaction {
            full_at: d(full_at),
            step: d(step),
            deduct: d(deduct),
        },
        Words => return None,
    })
}

/// Loads `text` with the target and each measured value; checks the reading
/// and the three scores.
fn check(rows: &[(&str, Reading, Scores)]) {
    for &(text, reading, scores) in rows {
        let loaded = load_str(&facts(text, None), "phrasing.yaml")
            .unwrap_or_else(|e| panic!("{text}: {}", e.message));
        let kind = target_of(&loaded);
        match (expected_kind(reading), &kind) {
            (Some(expected), _) => assert_eq!(
                strip_written(kind.clone()),
                strip_written(expected),
                "{text}"
            ),
            (None, TargetKind::Qualitative) => {}
            (None, other) => panic!("{text}: read as {other:?}, expected words"),
        }
        for (measured, score) in scores {
            if measured.is_empty() {
                continue;
            }
            let loaded = load_str(&facts(text, Some(measured)), "phrasing.yaml").unwrap();
            let a = Analysis::of(loaded);
            assert_eq!(
                a.figures.number(SCORE),
                Some(d(score)),
                "{text} measured {measured}"
            );
        }
        if matches!(reading, Words) {
            let loaded = load_str(&facts(text, Some("1")), "phrasing.yaml").unwrap();
            let a = Analysis::of(loaded);
            assert_eq!(
                a.figures.get(SCORE).map(|f| &f.value),
                Some(&Value::Missing),
                "{text}: words are scored by the author"
            );
        }
    }
}

/// Whether the comparison was written is checked by the unit tests; here a
/// bare number (`1处`) and a written `=` read alike.
fn strip_written(kind: TargetKind) -> TargetKind {
    match kind {
        TargetKind::Quantitative {
            op, value, unit, ..
        } => TargetKind::Quantitative {
            op,
            op_written: true,
            value,
            unit,
        },
        other => other,
    }
}

/// 《2024年度湖南省工业和信息化行业事务中心整体支出绩效自评报告》附件1–3
/// (the source of `data/2024.yaml`).
#[test]
#[rustfmt::skip]
fn the_reference_reports_targets() {
    check(&[
        ("≥2.5万人次", Compare(Op::AtLeast, "2.5", "万人次"), [("3", "10"), ("2.5", "10"), ("2.25", "9")]),
        ("≥2万人次", Compare(Op::AtLeast, "2", "万人次"), [("2.671", "10"), ("2", "10"), ("1", "5")]),
        ("≤906.86万元", Compare(Op::AtMost, "906.86", "万元"), [("997.546", "9"), ("906.86", "10"), ("800", "10")]),
        ("1处", Compare(Op::Exactly, "1", "处"), [("2", "0"), ("1", "10"), ("0", "0")]),
        ("1辆", Compare(Op::Exactly, "1", "辆"), [("1.1", "9"), ("1", "10"), ("0.5", "5")]),
        ("1个系列", Compare(Op::Exactly, "1", "个系列"), [("1.5", "5"), ("1", "10"), ("0.9", "9")]),
        ("=1次", Compare(Op::Exactly, "1", "次"), [("1.2", "8"), ("1", "10"), ("0", "0")]),
        ("≤0.8万元/TB", Compare(Op::AtMost, "0.8", "万元/TB"), [("0.92", "8.5"), ("0.8", "10"), ("0.5", "10")]),
        ("≤4小时", Compare(Op::AtMost, "4", "小时"), [("5", "7.5"), ("4", "10"), ("2", "10")]),
        ("≤2024年内", Compare(Op::AtMost, "2024", "年"), [("2025", "9.99"), ("2024", "10"), ("2023", "10")]),
        ("2024年9月底前", Words, NONE),
        ("95%以上计满分，每降5%扣1分，扣完为止。", Satisfaction("95", "5", "1"), [("96", "10"), ("95", "10"), ("85", "8")]),
        ("≥12次", Compare(Op::AtLeast, "12", "次"), [("13", "10"), ("12", "10"), ("9", "7.5")]),
        ("≥98%", Compare(Op::AtLeast, "98", "%"), [("99", "10"), ("98", "10"), ("49", "5")]),
        ("≥99.5%", Compare(Op::AtLeast, "99.5", "%"), [("100", "10"), ("99.5", "10"), ("99.4", "9.99")]),
        ("≥200万次", Compare(Op::AtLeast, "200", "万次"), [("250", "10"), ("200", "10"), ("168", "8.4")]),
        ("≥1498万元", Compare(Op::AtLeast, "1498", "万元"), [("1500", "10"), ("1498", "10"), ("749", "5")]),
        ("≥25场次", Compare(Op::AtLeast, "25", "场次"), [("30", "10"), ("25", "10"), ("20", "8")]),
        ("≥30户", Compare(Op::AtLeast, "30", "户"), [("31", "10"), ("30", "10"), ("27", "9")]),
        ("≥5篇", Compare(Op::AtLeast, "5", "篇"), [("6", "10"), ("5", "10"), ("4", "8")]),
        ("≤1次", Compare(Op::AtMost, "1", "次"), [("2", "0"), ("1", "10"), ("0", "10")]),
        ("≤82.12万元", Compare(Op::AtMost, "82.12", "万元"), [("90.332", "9"), ("82.12", "10"), ("80", "10")]),
        ("≥15%", Compare(Op::AtLeast, "15", "%"), [("20", "10"), ("15", "10"), ("12", "8")]),
        ("≥120台", Compare(Op::AtLeast, "120", "台"), [("121", "10"), ("120", "10"), ("90", "7.5")]),
        ("按时完成省工信厅交办工作任务", Words, NONE),
    ]);
}

/// Public tables found on the web, each named by its page.
#[test]
#[rustfmt::skip]
fn targets_from_public_tables() {
    // 秦都区年度绩效考核标准（seridoat.com 文章“秦都区年度绩效考核标准与实施办法详解”）：
    // “完成率需达95%以上”“(≥90%)”“(≥10%)”“(100%)”。
    check(&[
        ("95%以上", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("≥90%", Compare(Op::AtLeast, "90", "%"), [("100", "10"), ("90", "10"), ("81", "9")]),
        ("≥10%", Compare(Op::AtLeast, "10", "%"), [("12", "10"), ("10", "10"), ("5", "5")]),
        ("100%", Compare(Op::Exactly, "100", "%"), [("110", "9"), ("100", "10"), ("90", "9")]),
    ]);
    // 项目支出绩效自评表（dyrmt.com/article-132779-22.html）：足额保障率=100%、
    // 科目调整次数≤10次、结余率≤5%。
    check(&[
        ("=100%", Compare(Op::Exactly, "100", "%"), [("101", "9.9"), ("100", "10"), ("99", "9.9")]),
        ("≤10次", Compare(Op::AtMost, "10", "次"), [("12", "8"), ("10", "10"), ("3", "10")]),
        ("≤5%", Compare(Op::AtMost, "5", "%"), [("6", "8"), ("5", "10"), ("0", "10")]),
    ]);
    // 鄂州市2022年市直部门预算项目支出绩效目标表（desk33.com/d-245426.html）：
    // 2280次、200次、>92%、95%、不超预算。
    check(&[
        ("2280次", Compare(Op::Exactly, "2280", "次"), [("2508", "9"), ("2280", "10"), ("1140", "5")]),
        ("200次", Compare(Op::Exactly, "200", "次"), [("220", "9"), ("200", "10"), ("180", "9")]),
        (">92%", Compare(Op::Above, "92", "%"), [("93", "10"), ("92", "9.99"), ("46", "5")]),
        ("95%", Compare(Op::Exactly, "95", "%"), [("99.75", "9.5"), ("95", "10"), ("76", "8")]),
        ("不超预算", Words, NONE),
    ]);
    // 池州市贵池区棠溪镇 项目支出绩效自评表（2022年度）（anthempetcare.com
    // upload_cz/download?id=502364）：≥50个、≥100百分比、≤90万元、文字两条。
    check(&[
        ("≥50个", Compare(Op::AtLeast, "50", "个"), [("60", "10"), ("50", "10"), ("40", "8")]),
        ("≥100百分比", Compare(Op::AtLeast, "100", "百分比"), [("101", "10"), ("100", "10"), ("95", "9.5")]),
        ("≤90万元", Compare(Op::AtMost, "90", "万元"), [("99", "9"), ("90", "10"), ("89.97", "10")]),
        ("严格执行相关制度规定", Words, NONE),
        ("在项目计划完成时间内完成", Words, NONE),
    ]);
    // 岳阳楼区价格认证鉴定中心2023年度整体绩效目标表（monopolymediamarketing.com
    // …/content_2062100.html）：28.8万元、100（单位另列为 %）、按月安排、应保尽保。
    check(&[
        ("28.8万元", Compare(Op::Exactly, "28.8", "万元"), [("31.68", "9"), ("28.8", "10"), ("14.4", "5")]),
        ("100", Compare(Op::Exactly, "100", ""), [("120", "8"), ("100", "10"), ("50", "5")]),
        ("按月安排", Words, NONE),
        ("应保尽保", Words, NONE),
    ]);
    // 天长市水利局水旱灾害防御股 项目支出绩效自评表（2022年度）：项目数量 1、
    // 服务对象满意度 90%（实际 100%：只写数字是“恰好达到”，多出也扣分，
    // 满意度请写 ≥90% 或 90%以上）。
    check(&[
        ("1", Compare(Op::Exactly, "1", ""), [("2", "0"), ("1", "10"), ("0", "0")]),
        ("90%", Compare(Op::Exactly, "90", "%"), [("100", "8.89"), ("90", "10"), ("81", "9")]),
    ]);
    // 大英县司法局 部门预算项目支出绩效自评表（2023年度）（dyxrmt.cn/article-157795-21.html）：
    // 指标性质、指标值、度量单位分列，合起来为 ≤30万元、=100。
    check(&[
        ("≤30万元", Compare(Op::AtMost, "30", "万元"), [("33", "9"), ("30", "10"), ("3.36", "10")]),
        ("=100", Compare(Op::Exactly, "100", ""), [("105", "9.5"), ("100", "10"), ("90", "9")]),
    ]);
}

/// The other forms the reader accepts, one of each, scored alike.
#[test]
#[rustfmt::skip]
fn every_accepted_form_scores_by_its_meaning() {
    check(&[
        ("95%及以上", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("5%以下", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("5%及以下", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("不低于95%", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("不少于3次", Compare(Op::AtLeast, "3", "次"), [("4", "10"), ("3", "10"), ("2.7", "9")]),
        ("不高于5%", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("1", "10")]),
        ("不超过100万元", Compare(Op::AtMost, "100", "万元"), [("110", "9"), ("100", "10"), ("90", "10")]),
        ("不多于2次", Compare(Op::AtMost, "2", "次"), [("3", "5"), ("2", "10"), ("1", "10")]),
        ("大于等于10个", Compare(Op::AtLeast, "10", "个"), [("11", "10"), ("10", "10"), ("9", "9")]),
        ("小于等于10个", Compare(Op::AtMost, "10", "个"), [("11", "9"), ("10", "10"), ("9", "10")]),
        ("大于0次", Compare(Op::Above, "0", "次"), [("1", "10"), ("0", "0"), ("-1", "0")]),
        ("高于90%", Compare(Op::Above, "90", "%"), [("91", "10"), ("90", "9.99"), ("81", "9")]),
        ("小于1‰", Compare(Op::Below, "1", "‰"), [("1.1", "9"), ("1", "9.99"), ("0.5", "10")]),
        ("<5%", Compare(Op::Below, "5", "%"), [("5.5", "9"), ("5", "9.99"), ("4", "10")]),
        ("＜5%", Compare(Op::Below, "5", "%"), [("5.5", "9"), ("5", "9.99"), ("4", "10")]),
        ("＞92%", Compare(Op::Above, "92", "%"), [("93", "10"), ("92", "9.99"), ("46", "5")]),
        ("≧95%", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("≦5%", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        (">=95%", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("<=5%", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("＞＝95%", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("＜＝5%", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("达到100%", Compare(Op::AtLeast, "100", "%"), [("101", "10"), ("100", "10"), ("90", "9")]),
        ("控制在5%以内", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("控制在5%以下", Compare(Op::AtMost, "5", "%"), [("5.5", "9"), ("5", "10"), ("4", "10")]),
        ("3个工作日内", Compare(Op::AtMost, "3", "个工作日"), [("4", "6.67"), ("3", "10"), ("2", "10")]),
        ("15天内", Compare(Op::AtMost, "15", "天"), [("18", "8"), ("15", "10"), ("10", "10")]),
        ("≥2.5万人次", Compare(Op::AtLeast, "2.5", "万人次"), [("3", "10"), ("2.5", "10"), ("2", "8")]),
        ("≤120元/人", Compare(Op::AtMost, "120", "元/人"), [("132", "9"), ("120", "10"), ("100", "10")]),
        ("≥0.5个百分点", Compare(Op::AtLeast, "0.5", "个百分点"), [("0.6", "10"), ("0.5", "10"), ("0.45", "9")]),
        ("≥ 95 %", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("≥95％", Compare(Op::AtLeast, "95", "%"), [("98", "10"), ("95", "10"), ("85.5", "9")]),
        ("满意度≥90%", Compare(Op::AtLeast, "90", "%"), [("95", "10"), ("90", "10"), ("81", "9")]),
        ("90%-100%", Range("90", "100", "%"), [("110", "9"), ("95", "10"), ("81", "9")]),
        ("90%～100%", Range("90", "100", "%"), [("110", "9"), ("100", "10"), ("90", "10")]),
        ("90%~100%", Range("90", "100", "%"), [("110", "9"), ("90", "10"), ("45", "5")]),
        ("90%至100%", Range("90", "100", "%"), [("105", "9.5"), ("99", "10"), ("81", "9")]),
    ]);
}

/// The target's line: after the weight line, where the reference has them.
fn target_line() -> usize {
    let block = REFERENCE.find(TARGET_LINES).expect("the indicator");
    REFERENCE[..block].lines().count() + 2
}

/// A load error for `text` as target, at the target.
fn refused(text: &str) -> LoadError {
    let file = facts(text, None);
    let e = load_str(&file, "phrasing.yaml").expect_err(text);
    assert_eq!(e.kind, LoadErrorKind::InvalidValue, "{text}: {}", e.message);
    let at = e.at.unwrap_or_else(|| panic!("{text}: no place"));
    assert_eq!(
        (at.line, at.column),
        (target_line(), TARGET_COLUMN),
        "{text}: {}",
        e.message
    );
    e
}

#[test]
fn wordings_that_would_need_a_guess_are_refused_at_the_target() {
    for text in [
        "≥1e3次",
        "≥0x10次",
        "≥1,000人",
        "≥-5%",
        "95%以上计满分",
        "",
        "   ",
        "≥95%完成",
        "大于95%以上",
        "≥90%-100%",
        "100%-90%",
        "≥上年",
        "≥5.%",
    ] {
        let e = refused(text);
        // The message says what is accepted.
        assert!(
            e.message.contains("95%以上") && e.message.contains("≥95%"),
            "{text}: {}",
            e.message
        );
    }
}

/// The satisfaction rule starts like `95%以上`; the whole rule is still the
/// rule, and a measured value between steps loses nothing.
#[test]
fn the_satisfaction_rule_is_not_read_as_its_first_words() {
    check(&[(
        "95%以上计满分，每降5%扣1分，扣完为止。",
        Satisfaction("95", "5", "1"),
        [("100", "10"), ("94", "10"), ("89.99", "9")],
    )]);
}

/// `≥1e3次` is not one thousand, nor one: it is refused, and so is a number
/// with thousands separators, whichever reader loads it.
#[test]
fn numbers_are_plain_decimals() {
    for text in ["1e3次", "1，000人", "0x10次", "-5%"] {
        refused(text);
    }
}

/// A target written as a bare YAML scalar is read from its text as written,
/// whatever YAML would have typed it as.
#[test]
fn unquoted_yaml_numbers_are_read_as_written() {
    let line = target_line();
    for (raw, value) in [
        ("100", Some("100")),
        ("2.50", Some("2.50")),
        ("1e3", None),
        ("0x10", None),
        ("1_000", None),
        (".5", None),
    ] {
        let file = REFERENCE.replacen(
            TARGET_LINES,
            &format!("                  weight: 10\n                  target: {raw}\n"),
            1,
        );
        match (load_str(&file, "phrasing.yaml"), value) {
            (Ok(loaded), Some(value)) => assert_eq!(
                target_of(&loaded),
                TargetKind::Quantitative {
                    op: Op::Exactly,
                    op_written: false,
                    value: d(value),
                    unit: String::new()
                },
                "{raw}"
            ),
            (Err(e), None) => {
                assert_eq!(e.kind, LoadErrorKind::InvalidValue, "{raw}: {}", e.message);
                assert_eq!(e.at.map(|at| at.line), Some(line), "{raw}");
            }
            (Ok(loaded), None) => panic!("{raw}: read as {:?}", target_of(&loaded)),
            (Err(e), Some(_)) => panic!("{raw}: {}", e.message),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the comparison, full marks mean the target was met: a met
    /// target earns the weight, an unmet one less, never below zero.
    #[test]
    fn full_marks_exactly_when_the_target_is_met(
        form in 0usize..FORMS.len(),
        target in 0i64..2_000,
        actual in -100i64..4_000,
        weight in 1i64..2_000,
    ) {
        let (target, actual, weight) = (
            Decimal::new(target, 1),
            Decimal::new(actual, 1),
            Decimal::new(weight, 2),
        );
        let (text, met) = FORMS[form](target, actual);
        let file = weighted(&weight.to_string(), &text, Some(&actual.to_string()));
        let a = Analysis::of(load_str(&file, "generated.yaml").expect("loads"));
        let score = a.figures.number(SCORE).expect("a computed score");
        prop_assert!(score >= Decimal::ZERO && score <= weight, "{text} with {actual}: {score}");
        prop_assert_eq!(score == weight, met, "{} with {}: {} of {}", text, actual, score, weight);
    }
}

/// A target text for a value, and whether a measured value meets it.
type Form = fn(Decimal, Decimal) -> (String, bool);

const FORMS: &[Form] = &[
    |t, a| (format!("{t}%以上"), a >= t),
    |t, a| (format!("不超过{t}万元"), a <= t),
    |t, a| (format!("大于{t}次"), a > t),
    |t, a| (format!("<{t}‰"), a < t),
    |t, a| (format!("{t}个"), a == t),
    |t, a| (format!("控制在{t}%以内"), a <= t),
    |t, a| {
        (
            format!("{t}%-{}%", t * Decimal::TWO),
            a >= t && a <= t * Decimal::TWO,
        )
    },
];

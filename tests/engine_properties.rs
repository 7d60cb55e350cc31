//! Properties of the arithmetic: rounding against an integer reference, rates,
//! exact sums of generated amounts loaded through YAML, and indicator scores
//! (through YAML, as `rule_score` is not exported) within 0 and the weight.

mod common;

use common::REFERENCE;
use jixiao::Analysis;
use jixiao::compute::{Basis, Value};
use jixiao::model::load_str;
use jixiao::rounding::{Measure, Mode, Rounding};
use proptest::prelude::*;
use rust_decimal::Decimal;

// ── rounding ────────────────────────────────────────────────────────

/// A score rounded to 2 decimals by `mode`.
fn round(value: Decimal, mode: Mode) -> Decimal {
    Rounding::with_mode(mode).round(value, Measure::Score)
}

/// `part ÷ whole × 100` rounded to 2 decimals by `mode`.
fn round_rate(part: Decimal, whole: Decimal, mode: Mode) -> Option<Decimal> {
    Rounding::with_mode(mode).rate(part, whole)
}

/// `m ÷ 10^s` rounded to 2 decimals with integers only: half away from zero,
/// or toward zero when `truncate`; the result in hundredths.
fn reference_round(m: i64, s: u32, truncate: bool) -> i128 {
    reference_round_to(m, s, 2, truncate)
}

/// `m ÷ 10^s` rounded to `places` decimals with integers only; the result in
/// units of the last place.
fn reference_round_to(m: i64, s: u32, places: u32, truncate: bool) -> i128 {
    let m = i128::from(m);
    if s <= places {
        return m * 10i128.pow(places - s);
    }
    let div = 10i128.pow(s - places);
    let (q, r) = (m.abs() / div, m.abs() % div);
    let q = if !truncate && 2 * r >= div { q + 1 } else { q };
    m.signum() * q
}

/// `n ÷ d` rounded half away from zero to an integer (`d` ≠ 0).
fn div_half_up(n: i128, d: i128) -> i128 {
    let sign = n.signum() * d.signum();
    let (n, d) = (n.abs(), d.abs());
    let q = n / d;
    sign * if 2 * (n % d) >= d { q + 1 } else { q }
}

fn hundredths(h: i128) -> Decimal {
    Decimal::from_i128_with_scale(h, 2)
}

proptest! {
    #[test]
    fn round_half_up_matches_integer_arithmetic(m in any::<i64>(), s in 0u32..=6) {
        let value = Decimal::new(m, s);
        let got = round(value, Mode::HalfUp);
        prop_assert_eq!(got, hundredths(reference_round(m, s, false)), "{}", value);
        prop_assert!(got.scale() <= 2);
    }

    #[test]
    fn truncation_matches_integer_arithmetic(m in any::<i64>(), s in 0u32..=6) {
        let value = Decimal::new(m, s);
        let got = round(value, Mode::Truncate);
        prop_assert_eq!(got, hundredths(reference_round(m, s, true)), "{}", value);
        prop_assert!(got.abs() <= value.abs());
    }

    /// Every mode at every allowed number of places, for every kind.
    #[test]
    fn rounding_matches_integer_arithmetic_at_any_places(
        m in any::<i64>(), s in 0u32..=6, places in 0u32..=4, truncate in any::<bool>(),
    ) {
        let value = Decimal::new(m, s);
        let mode = if truncate { Mode::Truncate } else { Mode::HalfUp };
        let rule = Rounding { mode, money: places, rate: places, score: places };
        let want = Decimal::from_i128_with_scale(reference_round_to(m, s, places, truncate), places);
        for measure in [Measure::Money, Measure::Rate, Measure::Score] {
            prop_assert_eq!(rule.round(value, measure), want, "{} at {}", value, places);
        }
        prop_assert_eq!(rule.shown(value, places).scale(), places);
    }

    #[test]
    fn rounding_is_idempotent(m in any::<i64>(), s in 0u32..=6) {
        let once = round(Decimal::new(m, s), Mode::HalfUp);
        prop_assert_eq!(round(once, Mode::HalfUp), once);
        prop_assert_eq!(round(once, Mode::Truncate), once);
    }

    /// Any two decimals at all, over the whole range: never a panic, and no
    /// rate when the whole is zero.
    #[test]
    fn round_rate_never_panics(
        a in any::<(u32, u32, u32, bool)>(), sa in 0u32..=28,
        b in any::<(u32, u32, u32, bool)>(), sb in 0u32..=28,
        zero_whole in any::<bool>(),
    ) {
        let part = Decimal::from_parts(a.0, a.1, a.2, a.3, sa);
        let whole = if zero_whole { Decimal::ZERO } else { Decimal::from_parts(b.0, b.1, b.2, b.3, sb) };
        for rounding in [Mode::HalfUp, Mode::Truncate] {
            let r = round_rate(part, whole, rounding);
            if whole.is_zero() {
                prop_assert!(r.is_none());
            }
        }
    }

    /// For amounts as written (up to 2 decimals, below 10^13 万元): a rate iff the
    /// whole is non-zero.
    #[test]
    fn round_rate_is_none_iff_the_whole_is_zero(
        part in 0i64..=1_000_000_000_000_000, sa in 0u32..=2,
        whole in prop_oneof![Just(0i64), 0i64..=1_000_000_000_000_000], sb in 0u32..=2,
    ) {
        let (p, w) = (Decimal::new(part, sa), Decimal::new(whole, sb));
        for rounding in [Mode::HalfUp, Mode::Truncate] {
            prop_assert_eq!(round_rate(p, w, rounding).is_none(), w.is_zero());
        }
    }

    /// Rates of 0–200 % equal the exactly rounded quotient.
    #[test]
    fn round_rate_is_the_exactly_rounded_percent(
        whole in 1i64..=10_000_000_000, sw in 0u32..=2,
        share in 0u32..=20_000, extra in 0i64..=99,
    ) {
        // part ≈ whole × share ÷ 10000, plus a little so that all residues occur
        let part = (i128::from(whole) * i128::from(share) / 10_000) as i64 + extra;
        let (p, w) = (Decimal::new(part, sw), Decimal::new(whole, sw));
        // p ÷ w × 100, in hundredths: part × 10000 ÷ whole
        let n = i128::from(part) * 10_000;
        let d = i128::from(whole);
        prop_assert_eq!(round_rate(p, w, Mode::HalfUp), Some(hundredths(div_half_up(n, d))));
        prop_assert_eq!(round_rate(p, w, Mode::Truncate), Some(hundredths(n / d)));
    }
}

// ── sums through a YAML project ─────────────────────────────────────

/// An amount as a clerk writes it: whole 万元 and 0 to 2 decimals.
#[derive(Debug, Clone, Copy)]
struct Written {
    units: u64,
    decimals: u32,
    digits: u64,
}

impl Written {
    fn text(self) -> String {
        match self.decimals {
            0 => self.units.to_string(),
            1 => format!("{}.{}", self.units, self.digits),
            _ => format!("{}.{:02}", self.units, self.digits),
        }
    }

    /// The amount in hundredths.
    fn cents(self) -> i64 {
        let frac = match self.decimals {
            0 => 0,
            1 => self.digits * 10,
            _ => self.digits,
        };
        (self.units * 100 + frac) as i64
    }
}

fn written() -> impl Strategy<Value = Written> {
    (0u64..=10_000_000, 0u32..=2)
        .prop_flat_map(|(units, decimals)| {
            let max = 10u64.pow(decimals) - 1;
            (Just(units), Just(decimals), 0..=max)
        })
        .prop_map(|(units, decimals, digits)| Written {
            units,
            decimals,
            digits,
        })
}

type Line = [Written; 3];

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

/// The reference with 运行维护经费's funding replaced; also the YAML line of
/// each amount written, by source and column.
fn with_funding(sources: &[Option<Line>; 3]) -> (String, Vec<Option<[usize; 3]>>) {
    let lines: Vec<&str> = REFERENCE.lines().collect();
    let project = lines
        .iter()
        .position(|l| l.trim() == "- name: 运行维护经费")
        .expect("project");
    let start = project
        + lines[project..]
            .iter()
            .position(|l| l.trim() == "funding:")
            .expect("funding");
    let end = project
        + lines[project..]
            .iter()
            .position(|l| l.trim_start().starts_with("last_year_actual:"))
            .expect("last_year_actual");
    let mut out: Vec<String> = lines[..start].iter().map(|l| l.to_string()).collect();
    let mut at = Vec::new();
    if sources.iter().all(Option::is_none) {
        out.push("    funding: {}".into());
    } else {
        out.push("    funding:".into());
    }
    for (key, line) in ["current_year", "carried_over", "other"]
        .iter()
        .zip(sources)
    {
        match line {
            None => at.push(None),
            Some(cols) => {
                out.push(format!("      {key}:"));
                let mut here = [0; 3];
                for (i, (col, w)) in ["initial_budget", "full_year_budget", "actual"]
                    .iter()
                    .zip(cols)
                    .enumerate()
                {
                    out.push(format!("        {col}: {}", w.text()));
                    here[i] = out.len();
                }
                at.push(Some(here));
            }
        }
    }
    out.extend(lines[end..].iter().map(|l| l.to_string()));
    (out.join("\n") + "\n", at)
}

fn funding_line() -> impl Strategy<Value = Option<Line>> {
    prop::option::weighted(0.8, [written(), written(), written()])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn project_sums_are_exact(sources in [funding_line(), funding_line(), funding_line()]) {
        let (text, at) = with_funding(&sources);
        let loaded = load_str(&text, "generated.yaml").expect("generated file loads");
        prop_assert!(loaded.notes.is_empty(), "{:?}", loaded.notes);
        let f = Analysis::of(loaded).figures;
        let col = |s: usize, c: usize| sources[s].map_or(0, |l| l[c].cents());
        let key = "project[运行维护经费]";
        let n = |name: &str| f.number(name).unwrap_or_else(|| panic!("{name}"));

        for (c, suffix) in ["initial_budget", "full_year_budget", "actual"].iter().enumerate() {
            let total: i64 = (0..3).map(|s| col(s, c)).sum();
            prop_assert_eq!(n(&format!("{key}.{suffix}")), cents(total), "{}", suffix);
        }
        let (full, actual): (i64, i64) = ((0..3).map(|s| col(s, 1)).sum(), (0..3).map(|s| col(s, 2)).sum());
        prop_assert_eq!(n(&format!("{key}.balance")), cents(full - actual));
        prop_assert_eq!(
            n(&format!("{key}.fiscal_balance")),
            cents(col(0, 1) - col(0, 2) + col(1, 1) - col(1, 2))
        );
        prop_assert_eq!(n(&format!("{key}.non_fiscal_balance")), cents(col(2, 1) - col(2, 2)));

        // The other project: 82.12 + 0 + 252.78 full-year, 72.12 + 0 + 6.8 actual.
        prop_assert_eq!(n("projects.full_year_budget"), cents(full + 33_490));
        prop_assert_eq!(n("projects.actual"), cents(actual + 7_892));
        prop_assert_eq!(n("overall.actual"), cents(actual + 7_892 + 607_891));
        prop_assert_eq!(n("overall.full_year_budget"), cents(full + 33_490 + 608_240));
        prop_assert_eq!(n("overall.income[其他资金]"), cents(col(2, 1) + 25_278));
        prop_assert_eq!(
            n("overall.income[一般公共预算]"),
            cents(col(0, 1) + col(1, 1) + 8_212 + 608_240)
        );

        let rate = f.get(&format!("{key}.execution_rate")).unwrap();
        if full == 0 {
            prop_assert_eq!(&rate.value, &Value::Missing);
        } else {
            let want = hundredths(div_half_up(i128::from(actual) * 10_000, i128::from(full)));
            prop_assert_eq!(&rate.value, &Value::Number(want));
        }

        // Every amount written is a fact on the line it was written on.
        let sources_label = ["当年财政拨款", "上年结转资金", "其他资金"];
        for (s, lines) in at.iter().enumerate() {
            for (c, suffix) in ["initial_budget", "full_year_budget", "actual"].iter().enumerate() {
                let name = format!("{key}.source[{}].{suffix}", sources_label[s]);
                let fig = f.get(&name).unwrap();
                prop_assert_eq!(fig.value.clone(), Value::Number(cents(col(s, c))));
                match lines {
                    Some(l) => prop_assert_eq!(fig.at.map(|a| a.line), Some(l[c]), "{}", name),
                    None => prop_assert!(fig.at.is_none(), "{}", name),
                }
            }
        }
    }
}

// ── indicator scores through YAML ───────────────────────────────────

const INDICATOR: &str = "组织软考参考人次";
const SCORE: &str = "project[运行维护经费].indicator[产出指标/数量指标/组织软考参考人次].score";

/// The reference with the indicator's weight, target and measured value set
/// and its author score removed.
fn with_indicator(weight: &str, target: &str, actual: &str) -> String {
    let lines: Vec<&str> = REFERENCE.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {INDICATOR}"))
        .expect("indicator");
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    let mut set = |key: &str, value: String| {
        let i = at
            + lines[at..]
                .iter()
                .position(|l| l.trim_start().starts_with(&format!("{key}:")))
                .unwrap_or_else(|| panic!("{key}"));
        let indent: String = lines[i].chars().take_while(|c| *c == ' ').collect();
        out[i] = format!("{indent}{value}");
    };
    set("weight", format!("weight: {weight}"));
    set("target", format!("target: \"{target}\""));
    set("actual_value", format!("actual_value: {actual}"));
    set("score", "# score 删去".into());
    out.join("\n") + "\n"
}

#[derive(Debug, Clone)]
enum Rule {
    /// operator text ("" for a bare number), target value
    Quantitative(&'static str, Decimal),
    /// full_at, step, deduct
    Satisfaction(Decimal, Decimal, Decimal),
}

impl Rule {
    fn text(&self) -> String {
        match self {
            Rule::Quantitative(op, v) => format!("{op}{v}万人次"),
            Rule::Satisfaction(full, step, deduct) => {
                format!("{full}%以上计满分，每降{step}%扣{deduct}分，扣完为止。")
            }
        }
    }

    fn met(&self, actual: Decimal) -> bool {
        match self {
            Rule::Quantitative("≥", v) => actual >= *v,
            Rule::Quantitative("≤", v) => actual <= *v,
            Rule::Quantitative(_, v) => actual == *v,
            Rule::Satisfaction(full, _, _) => actual >= *full,
        }
    }
}

fn decimal(max: i64, scale: u32) -> impl Strategy<Value = Decimal> {
    (0..=max, 0..=scale).prop_map(|(m, s)| Decimal::new(m, s))
}

fn rule() -> impl Strategy<Value = Rule> {
    prop_oneof![
        (
            prop_oneof![Just("≥"), Just("≤"), Just("="), Just("")],
            decimal(1_000_000_000, 4)
        )
            .prop_map(|(op, v)| Rule::Quantitative(op, v)),
        (
            decimal(10_000, 2),
            (1i64..=5_000, 0u32..=2),
            decimal(1_000, 2)
        )
            .prop_map(|(full, (step, s), deduct)| Rule::Satisfaction(
                full,
                Decimal::new(step, s),
                deduct
            )),
    ]
}

fn measured() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-1_000_000_000_000i64..=1_000_000_000_000, 0u32..=4).prop_map(|(m, s)| Decimal::new(m, s)),
        // near the usual targets
        (-200i64..=20_000, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn computed_scores_stay_within_zero_and_the_weight(
        rule in rule(),
        actual in measured(),
        weight in decimal(10_000, 2),
    ) {
        let text = with_indicator(&weight.to_string(), &rule.text(), &actual.to_string());
        let a = Analysis::of(load_str(&text, "generated.yaml").expect("generated file loads"));
        let outcome = a.figures.indicators.iter().find(|o| o.figure == SCORE).expect("outcome");
        prop_assert_eq!(outcome.basis, Basis::Computed, "{}", rule.text());
        let score = a.figures.number(SCORE).expect("a score");
        prop_assert!(score >= Decimal::ZERO, "{} with {}: {}", rule.text(), actual, score);
        prop_assert!(score <= weight, "{} with {}: {} > {}", rule.text(), actual, score, weight);
        if rule.met(actual) {
            prop_assert_eq!(score, weight, "{} met by {}", rule.text(), actual);
        }
        prop_assert!(
            !a.findings.iter().any(|f| f.code == "J005" && f.figures.iter().any(|n| n == SCORE)),
            "J005 on a computed score"
        );
    }
}

/// Full marks are the weight itself; rounding them to two decimals must not
/// lift them above a weight written with three.
#[test]
fn full_marks_never_exceed_a_three_decimal_weight() {
    let text = with_indicator("4.995", "≥2万人次", "3");
    let a = Analysis::of(load_str(&text, "generated.yaml").unwrap());
    let score = a.figures.number(SCORE).unwrap();
    assert!(score <= "4.995".parse().unwrap(), "{score}");
}

#[test]
fn the_indicator_helper_changes_the_score() {
    // 1 of ≥2 gives half the weight: the helper does reach the indicator.
    let text = with_indicator("6", "≥2万人次", "1");
    let a = Analysis::of(load_str(&text, "generated.yaml").unwrap());
    assert_eq!(a.figures.number(SCORE), Some(3.into()));
    // The satisfaction rule: 86 is ⌊(95 − 86) ÷ 5⌋ = 1 step below, so 6 − 1.
    let text = with_indicator("6", "95%以上计满分，每降5%扣1分，扣完为止。", "86");
    let a = Analysis::of(load_str(&text, "generated.yaml").unwrap());
    assert_eq!(a.figures.number(SCORE), Some(5.into()));
}

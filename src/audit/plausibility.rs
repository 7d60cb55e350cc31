//! Facts no real unit could have (合理性): a year outside 2000–2100, a head
//! count beyond any unit, more staff than posts, an amount finer than one
//! yuan, figures too large to compute. The bounds are set here, once.
//!
//! Each is a finding rather than a load error, so that `check` lists them all
//! at once; those that would print a wrong or meaningless figure are errors,
//! which stop `build` (a year the report would print as 公元 20240 年, a head
//! count typed with extra digits, an amount whose last decimals the report
//! would round away, a figure missing for overflow); more staff than posts is
//! real and only a warning.

use rust_decimal::Decimal;

use super::{Finding, Rule, lines_words, show};
use crate::compute::key::{Key, Staffing};
use crate::compute::{Figures, Kind};
use crate::model::{Loaded, Note};
use crate::rounding::{Measure, Rounding};

/// The years a report can be for.
pub const YEARS: std::ops::RangeInclusive<u32> = 2000..=2100;

/// The largest head count (编制数, 实际在职人数) of one budget unit. The
/// largest single units (a university, a provincial hospital) have staffs of
/// some tens of thousands; a count above this is a typing error.
pub const MAX_STAFF: u32 = 100_000;

/// The decimals of 万元 that mean something: the fourth is one yuan. An
/// amount written with more (beyond trailing zeros) would lose them when
/// printed.
pub const AMOUNT_DECIMALS: u32 = 4;

pub(super) fn check(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    year(loaded, out);
    staffing(loaded, figures, out);
    precision(&loaded.notes, loaded.facts.rules.rounding, out);
    overflow(figures, out);
}

fn year(loaded: &Loaded, out: &mut Vec<Finding>) {
    let year = loaded.facts.year;
    let (first, last) = (Decimal::from(*YEARS.start()), Decimal::from(*YEARS.end()));
    if year.value < first || year.value > last {
        out.push(Finding::new(
            Rule::YearOutOfRange,
            format!(
                "年度 {} 不在 {first} 至 {last} 之间（{}）；请写报告所属的年度，如 2024",
                year.value, year.at
            ),
            Vec::new(),
            vec![year.at],
        ));
    }
}

fn staffing(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    let staffing = &loaded.facts.unit.staffing;
    let mut plausible = true;
    for (count, words) in [
        (staffing.authorized, "编制数"),
        (staffing.actual, "实际在职人数"),
    ] {
        if count.value > Decimal::from(MAX_STAFF) {
            plausible = false;
            out.push(Finding::new(
                Rule::StaffingImplausible,
                format!(
                    "{words} {} 人超过 {MAX_STAFF} 人，不像一个预算单位的人数（{}）；请核对是否多写了数位",
                    count.value, count.at
                ),
                Vec::new(),
                vec![count.at],
            ));
        }
    }
    if plausible && staffing.actual.value > staffing.authorized.value {
        let key = Key::Staffing(Staffing::ControlRate);
        let rate = figures.of(key);
        let rate = rate.map_or("—".into(), |f| show(f.kind, &f.value));
        let lines = vec![staffing.actual.at, staffing.authorized.at];
        out.push(Finding::new(
            Rule::OverStaffed,
            format!(
                "实际在职人数 {} 人超过编制数 {} 人，控制率 {rate}，超过 100%（{}）；请核对，或在编制变动情况中说明",
                staffing.actual.value,
                staffing.authorized.value,
                lines_words(&lines)
            ),
            vec![figures.name_of(key)],
            lines,
        ));
    }
}

/// Whether an amount has more meaningful decimals than [`AMOUNT_DECIMALS`].
pub(super) fn too_precise(value: Decimal) -> bool {
    value.normalize().scale() > AMOUNT_DECIMALS
}

fn precision(notes: &[Note], rounding: Rounding, out: &mut Vec<Finding>) {
    for note in notes {
        if let Note::Precision { at, value } = note
            && too_precise(*value)
        {
            out.push(Finding::new(
                Rule::AmountTooPrecise,
                format!(
                    "金额 {value} 万元有 {} 位小数（{at}），超出万元的 {AMOUNT_DECIMALS} 位（即元）；报告中的金额{}，其后的数不会印出。请核对单位是否为万元，并写到元为止",
                    value.normalize().scale(),
                    rounding.words(Measure::Money)
                ),
                Vec::new(),
                vec![*at],
            ));
        }
    }
}

/// The first figure of each overflowing computation, with its facts.
fn overflow(figures: &Figures, out: &mut Vec<Finding>) {
    for name in &figures.overflowed {
        let Some(figure) = figures.get(name) else {
            continue;
        };
        if figure.inputs.iter().any(|i| figures.overflowed.contains(i)) {
            continue;
        }
        let lines = figures.fact_lines(name);
        let inputs = figure
            .inputs
            .iter()
            .filter_map(|i| figures.get(i))
            .map(|f| format!("{} {}", f.label, show(f.kind, &f.value)))
            .collect::<Vec<_>>()
            .join("，");
        let unit = if figure.kind == Kind::Money {
            "（金额以万元计）"
        } else {
            ""
        };
        out.push(Finding::new(
            Rule::Overflow,
            format!(
                "「{}」（{}）的结果超出可计算的范围（约 7.9×10^28），无法得出，报告中印“—”；所依据的数：{inputs}（{}）。请核对这些数{unit}",
                figure.label,
                figure.formula,
                lines_words(&lines)
            ),
            vec![name.clone()],
            lines,
        ));
    }
}

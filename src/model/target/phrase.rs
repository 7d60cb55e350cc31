//! The wording of a target (年度指标值) read to its meaning: a comparison with
//! a number and a unit, a range, the satisfaction rule, or words. A wording
//! that looks quantitative but cannot be read without guessing is refused with
//! a message that lists what is accepted; `docs/data.md` §五 documents every
//! form and its meaning.
//!
//! The shape read is `[words] [comparison] number [unit] [closing word]`, or
//! `[words] number [unit] separator number [unit] [之间]` for a range:
//!
//! - comparisons before the number: ≥ ≤ > < = in half and full width and their
//!   variants, and 大于等于, 不低于, 不少于, 不小于, 至少 (≥); 小于等于, 不高于,
//!   不超过, 不多于, 不大于 (≤); 大于, 高于, 超过, 多于 (>); 小于, 低于, 少于 (<);
//!   等于 (=); 达到 (≥) and 控制在 (≤), which take the closing word's meaning
//!   when one follows;
//! - closing words: 以上, 及以上 (≥); 以下, 及以下, 以内, 之内, 内 (≤). In
//!   Chinese official usage 以上, 以下 and 以内 include the number itself
//!   (《民法典》第一千二百五十九条); 大于, 高于, 超过 exclude it;
//! - words before the comparison (`满意度≥90%`) name the indicator and are
//!   passed over; words before a bare number count only when a closing word
//!   or a range follows (`满意度90%以上`);
//! - a number with no comparison (`1处`, `100%`) is a target to meet exactly.
//!
//! A number or a range followed by words that are no unit (`2024年9月底前`,
//! `2024年到2025年完成`) and a date written with points (`2024.12.31前`) are
//! words when no comparison was written; after a comparison they are refused.

use rust_decimal::Decimal;

use super::{Op, TargetKind};

/// What is accepted, for every refusal.
const ACCEPTED: &str = "可写：≥95%、≤5%、>0次、<1%、=1次、95%以上、5%以下、不低于95%、不超过100万元、\
控制在5%以内、3个工作日内、90%-100%、100%、1处；满意度评分规则写成“95%以上计满分，每降5%扣1分，扣完为止。”；\
数字用半角，不带正负号、千分位逗号或指数；其余文字按定性指标由作者评分";

/// How a comparison written before the number reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    /// A comparison of its own.
    Op(Op),
    /// 达到, 控制在: this comparison unless a closing word says otherwise.
    Default(Op),
}

/// Comparisons written before the number. Where one begins another (`>` and
/// `>=`, 大于 and 大于等于), the longest that matches is taken.
const LEADS: &[(&str, Lead)] = &[
    ("≥", Lead::Op(Op::AtLeast)),
    ("≧", Lead::Op(Op::AtLeast)),
    ("⩾", Lead::Op(Op::AtLeast)),
    ("≮", Lead::Op(Op::AtLeast)),
    (">=", Lead::Op(Op::AtLeast)),
    ("＞＝", Lead::Op(Op::AtLeast)),
    ("≤", Lead::Op(Op::AtMost)),
    ("≦", Lead::Op(Op::AtMost)),
    ("⩽", Lead::Op(Op::AtMost)),
    ("≯", Lead::Op(Op::AtMost)),
    ("<=", Lead::Op(Op::AtMost)),
    ("＜＝", Lead::Op(Op::AtMost)),
    (">", Lead::Op(Op::Above)),
    ("＞", Lead::Op(Op::Above)),
    ("<", Lead::Op(Op::Below)),
    ("＜", Lead::Op(Op::Below)),
    ("=", Lead::Op(Op::Exactly)),
    ("＝", Lead::Op(Op::Exactly)),
    ("大于等于", Lead::Op(Op::AtLeast)),
    ("大于或等于", Lead::Op(Op::AtLeast)),
    ("不低于", Lead::Op(Op::AtLeast)),
    ("不少于", Lead::Op(Op::AtLeast)),
    ("不小于", Lead::Op(Op::AtLeast)),
    ("至少", Lead::Op(Op::AtLeast)),
    ("小于等于", Lead::Op(Op::AtMost)),
    ("小于或等于", Lead::Op(Op::AtMost)),
    ("不高于", Lead::Op(Op::AtMost)),
    ("不超过", Lead::Op(Op::AtMost)),
    ("不多于", Lead::Op(Op::AtMost)),
    ("不大于", Lead::Op(Op::AtMost)),
    ("大于", Lead::Op(Op::Above)),
    ("高于", Lead::Op(Op::Above)),
    ("超过", Lead::Op(Op::Above)),
    ("多于", Lead::Op(Op::Above)),
    ("小于", Lead::Op(Op::Below)),
    ("低于", Lead::Op(Op::Below)),
    ("少于", Lead::Op(Op::Below)),
    ("等于", Lead::Op(Op::Exactly)),
    ("达到", Lead::Default(Op::AtLeast)),
    ("控制在", Lead::Default(Op::AtMost)),
];

/// Closing words after the number and its unit, longest first.
const CLOSINGS: &[(&str, Op)] = &[
    ("（含）以上", Op::AtLeast),
    ("(含)以上", Op::AtLeast),
    ("（含）以下", Op::AtMost),
    ("(含)以下", Op::AtMost),
    ("及以上", Op::AtLeast),
    ("及以下", Op::AtMost),
    ("以上", Op::AtLeast),
    ("以下", Op::AtMost),
    ("以内", Op::AtMost),
    ("之内", Op::AtMost),
    ("内", Op::AtMost),
];

/// Separators between the two ends of a range.
const RANGE: &[char] = &['-', '－', '—', '–', '~', '～', '〜', '至', '到'];

/// Words that make what follows a number a phrase rather than a unit: a
/// deadline (`年底前`), a verb or a conjunction.
const NOT_IN_UNITS: &[&str] = &[
    "前", "后", "底", "末", "初", "以", "及", "的", "和", "或", "并", "且", "完成", "标准", "水平",
];

/// The longest unit read as one (`万元/平方米`).
const UNIT_CHARS: usize = 6;

/// A target that cannot be read without guessing: the message, in Chinese,
/// names the target, says what is wrong and what is accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TargetRefused(pub String);

/// Reads the kind of a target from its text, or says why it cannot.
pub fn parse(text: &str) -> Result<TargetKind, TargetRefused> {
    let t = text.trim();
    if t.is_empty() {
        return Err(TargetRefused(format!("年度指标值不能为空。{ACCEPTED}")));
    }
    if let Some(c) = t.chars().find(|c| ('０'..='９').contains(c) || *c == '．') {
        return Err(TargetRefused(format!(
            "年度指标值「{t}」含全角字符「{c}」，请改用半角数字，如 ≥5次"
        )));
    }
    read(t).map_err(|why| TargetRefused(format!("年度指标值「{t}」{why}。{ACCEPTED}")))
}

/// The kind of a trimmed, non-empty target; the error says what is wrong.
fn read(t: &str) -> Result<TargetKind, String> {
    if (t.contains("计满分") || t.contains("每降")) && t.chars().any(|c| c.is_ascii_digit()) {
        return satisfaction(t)
            .ok_or_else(|| "像满意度评分规则，但没有依次写全满分线、每降幅度和扣分".to_string());
    }
    let (words, lead, rest) = split_lead(t);
    let rest = rest.trim_start();
    if lead.is_none() && dotted_date(rest) {
        return Ok(TargetKind::Qualitative);
    }
    let Some((value, after)) = number(rest)? else {
        return match lead {
            Some((word, _)) if !word.chars().any(is_han) => {
                Err(format!("的比较符号「{word}」后面应是数字"))
            }
            _ => Ok(TargetKind::Qualitative),
        };
    };
    match range(after)? {
        Some((low_unit, high, rest)) if unit(low_unit).is_some() => {
            if let Some((word, _)) = lead {
                return Err(format!("的范围前不能再写「{word}」"));
            }
            range_kind(value, low_unit, high, rest)
        }
        _ => single(words, lead, value, after),
    }
}

/// `2024.12.31`: a date written with points, not a number.
fn dotted_date(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.splitn(3, '.').collect();
    matches!(parts[..], [year, month, rest]
        if digits(year) && digits(month) && rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// A number with its unit and the comparison written before or after it.
fn single(
    words: &str,
    lead: Option<(&str, Lead)>,
    value: Decimal,
    after: &str,
) -> Result<TargetKind, String> {
    let after = strip_end(after.trim());
    let (after, closing) = match CLOSINGS.iter().find(|(w, _)| after.ends_with(w)) {
        Some(&(w, op)) => (&after[..after.len() - w.len()], Some((w, op))),
        None => (after, None),
    };
    let Some(unit) = unit(after) else {
        return match lead {
            Some(_) => Err(format!("的数字后面「{}」不是单位", after.trim())),
            None => Ok(TargetKind::Qualitative),
        };
    };
    let op = match (lead, closing) {
        (None, None) if !words.is_empty() => return Ok(TargetKind::Qualitative),
        (None, None) => Op::Exactly,
        (None | Some((_, Lead::Default(_))), Some((_, op))) => op,
        (Some((_, Lead::Op(op) | Lead::Default(op))), None) => op,
        (Some((_, Lead::Op(op))), Some((_, closing_op))) if op == closing_op => op,
        (Some((word, _)), Some((w, _))) => {
            return Err(format!("的「{word}」与「{w}」不一致"));
        }
    };
    Ok(TargetKind::Quantitative {
        op,
        op_written: lead.is_some() || closing.is_some(),
        value,
        unit,
    })
}

/// A range `low[unit] – high[unit] [之间]`; one unit may serve both ends.
fn range_kind(
    low: Decimal,
    low_unit: &str,
    high: Decimal,
    rest: &str,
) -> Result<TargetKind, String> {
    let rest = strip_end(rest.trim());
    let rest = rest.strip_suffix("之间").unwrap_or(rest);
    let (Some(low_unit), Some(high_unit)) = (unit(low_unit), unit(rest)) else {
        // `2024年到2025年完成`: a range followed by words is words.
        return Ok(TargetKind::Qualitative);
    };
    let unit = match (low_unit.as_str(), high_unit.as_str()) {
        ("", u) | (u, "") => u.to_string(),
        (a, b) if a == b => a.to_string(),
        (a, b) => return Err(format!("的范围两端单位不同（「{a}」与「{b}」）")),
    };
    if low > high {
        return Err("的范围下限大于上限".into());
    }
    Ok(TargetKind::Range { low, high, unit })
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// The comparison written before the number, if any, with the words before
/// it and the text after it. Words stop at the first digit; a text that
/// starts with a sign or a point before a digit (`-5%`) has no words.
fn split_lead(t: &str) -> (&str, Option<(&'static str, Lead)>, &str) {
    let mut chars = t.chars();
    if matches!(chars.next(), Some('-' | '－' | '−' | '+' | '＋' | '.'))
        && chars.next().is_some_and(|c| c.is_ascii_digit())
    {
        return ("", None, t);
    }
    for (i, c) in t.char_indices() {
        if c.is_ascii_digit() {
            return (&t[..i], None, &t[i..]);
        }
        let longest = LEADS
            .iter()
            .filter(|(word, _)| t[i..].starts_with(word))
            .max_by_key(|(word, _)| word.len());
        if let Some(&(word, lead)) = longest {
            return (&t[..i], Some((word, lead)), &t[i + word.len()..]);
        }
    }
    (t, None, "")
}

/// A plain decimal at the start of `s` and the text after it; none when `s`
/// does not start with one. Signs, exponents, hexadecimal, thousands
/// separators and stray points are refused rather than read as something else.
fn number(s: &str) -> Result<Option<(Decimal, &str)>, String> {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some('-' | '－' | '−'), Some(c)) if c.is_ascii_digit() => {
            return Err("的指标值不能为负数；下降类指标请写降幅，如 ≥5%".into());
        }
        (Some('+' | '＋'), Some(c)) if c.is_ascii_digit() => {
            return Err("的数字前不要写正号".into());
        }
        (Some('.'), Some(c)) if c.is_ascii_digit() => {
            return Err("的数字应以数字开头，如 0.5".into());
        }
        (Some(c), _) if c.is_ascii_digit() => {}
        _ => return Ok(None),
    }
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    let mut end = int;
    let b = s.as_bytes();
    if b.get(end) == Some(&b'.') {
        let frac = s[end + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if frac == 0 {
            return Err("的小数点后面应有数字".into());
        }
        end += 1 + frac;
    }
    let after = &s[end..];
    let mut next = after.chars();
    let (c1, c2) = (next.next(), next.next());
    let digit_after = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    match c1 {
        Some('.') => return Err("的数字有不止一个小数点".into()),
        Some(',' | '，') if digit_after(c2) => {
            return Err("的数字含千分位逗号，请去掉逗号，如 1000".into());
        }
        Some('e' | 'E')
            if digit_after(c2) || (matches!(c2, Some('+' | '-')) && digit_after(next.next())) =>
        {
            return Err("的数字不能用指数写法，请写出全部数位，如 1000".into());
        }
        Some('x' | 'X' | 'b' | 'o')
            if &s[..end] == "0" && c2.is_some_and(|c| c.is_ascii_alphanumeric()) =>
        {
            return Err("的数字不能用十六进制等写法，请写十进制数".into());
        }
        Some('_') if digit_after(c2) => return Err("的数字中不能有下划线".into()),
        _ => {}
    }
    let value = Decimal::from_str_exact(&s[..end])
        .map_err(|_| "的数字超出可表示的范围（最多 28 位有效数字）".to_string())?;
    Ok(Some((value, after)))
}

/// After a range's first number: its unit, the second number and what
/// follows it; none when no separator followed by a number comes before the
/// next digit.
fn range(after: &str) -> Result<Option<(&str, Decimal, &str)>, String> {
    let Some((at, sep)) = after
        .char_indices()
        .find(|(_, c)| RANGE.contains(c) || c.is_ascii_digit())
        .filter(|(_, c)| !c.is_ascii_digit())
    else {
        return Ok(None);
    };
    let second = after[at + sep.len_utf8()..].trim_start();
    Ok(number(second)?.map(|(high, rest)| (&after[..at], high, rest)))
}

/// Drops a closing full stop.
fn strip_end(s: &str) -> &str {
    s.strip_suffix('。')
        .or_else(|| s.strip_suffix('.'))
        .unwrap_or(s)
        .trim_end()
}

/// `s` read as a unit (`万人次`, `%`, `元/人·月`), or none when it is a phrase.
/// The full-width percent sign is read as `%`.
fn unit(s: &str) -> Option<String> {
    let u = s.trim().replace('％', "%");
    let percent = u == "%" || u == "‰";
    let shaped = u.chars().count() <= UNIT_CHARS
        && u.chars()
            .all(|c| is_han(c) || c.is_ascii_alphabetic() || "/·²³℃㎡㎞".contains(c))
        && !NOT_IN_UNITS.iter().any(|w| u.contains(w));
    (percent || shaped).then_some(u)
}

/// “95%以上计满分，每降5%扣1分，扣完为止。”: the full-marks line, the step
/// and the points deducted per full step, each in its place.
fn satisfaction(t: &str) -> Option<TargetKind> {
    let (full_at, s) = number(t).ok()??;
    let s = s.trim_start().strip_prefix(['%', '％'])?.trim_start();
    let s = s
        .strip_prefix("及以上")
        .or_else(|| s.strip_prefix("以上"))?;
    let s = s.strip_prefix("计满分")?;
    let s = s.trim_start_matches([',', '，', '；', ';', ' ']);
    let s = ["每下降", "每降低", "每降"]
        .iter()
        .find_map(|w| s.strip_prefix(w))?;
    let (step, s) = number(s).ok()??;
    let s = s.trim_start();
    let s = s.strip_prefix(['%', '％']).unwrap_or(s);
    let s = s.strip_prefix('扣')?;
    let (deduct, s) = number(s).ok()??;
    let s = s.strip_prefix('分')?;
    let s = s.trim_start_matches([',', '，', ' ']);
    let s = s.strip_prefix("扣完为止").unwrap_or(s);
    if !strip_end(s).is_empty() || step.is_zero() {
        return None;
    }
    Some(TargetKind::Satisfaction {
        full_at,
        step,
        deduct,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn q(op: Op, written: bool, value: &str, unit: &str) -> TargetKind {
        TargetKind::Quantitative {
            op,
            op_written: written,
            value: d(value),
            unit: unit.into(),
        }
    }

    #[test]
    fn comparisons_before_the_number() {
        for (text, op, value, unit) in [
            ("≥2.5万人次", Op::AtLeast, "2.5", "万人次"),
            ("≤906.86 万元", Op::AtMost, "906.86", "万元"),
            (">=5次", Op::AtLeast, "5", "次"),
            ("＞＝5次", Op::AtLeast, "5", "次"),
            ("≧5次", Op::AtLeast, "5", "次"),
            ("＜＝5次", Op::AtMost, "5", "次"),
            ("≦5次", Op::AtMost, "5", "次"),
            (">92%", Op::Above, "92", "%"),
            ("＞92%", Op::Above, "92", "%"),
            ("<1%", Op::Below, "1", "%"),
            ("＜1%", Op::Below, "1", "%"),
            ("=1次", Op::Exactly, "1", "次"),
            ("＝1次", Op::Exactly, "1", "次"),
            ("大于等于10个", Op::AtLeast, "10", "个"),
            ("小于等于10个", Op::AtMost, "10", "个"),
            ("不低于95%", Op::AtLeast, "95", "%"),
            ("不少于3次", Op::AtLeast, "3", "次"),
            ("不高于5%", Op::AtMost, "5", "%"),
            ("不超过100万元", Op::AtMost, "100", "万元"),
            ("不多于2次", Op::AtMost, "2", "次"),
            ("大于0次", Op::Above, "0", "次"),
            ("高于90%", Op::Above, "90", "%"),
            ("超过90%", Op::Above, "90", "%"),
            ("小于1‰", Op::Below, "1", "‰"),
            ("达到100%", Op::AtLeast, "100", "%"),
            ("控制在5%", Op::AtMost, "5", "%"),
            ("满意度≥90%", Op::AtLeast, "90", "%"),
            ("≥ 95 %", Op::AtLeast, "95", "%"),
            ("≥95％", Op::AtLeast, "95", "%"),
        ] {
            assert_eq!(parse(text), Ok(q(op, true, value, unit)), "{text}");
        }
    }

    #[test]
    fn closing_words_include_the_number() {
        for (text, op, value, unit) in [
            ("95%以上", Op::AtLeast, "95", "%"),
            ("95%及以上", Op::AtLeast, "95", "%"),
            ("95%（含）以上", Op::AtLeast, "95", "%"),
            ("5%以下", Op::AtMost, "5", "%"),
            ("5%及以下", Op::AtMost, "5", "%"),
            ("3个工作日内", Op::AtMost, "3", "个工作日"),
            ("15天内", Op::AtMost, "15", "天"),
            ("控制在5%以内", Op::AtMost, "5", "%"),
            ("控制在90%以上", Op::AtLeast, "90", "%"),
            ("达到95%以上", Op::AtLeast, "95", "%"),
            ("≤2024年内", Op::AtMost, "2024", "年"),
            ("满意度90%以上", Op::AtLeast, "90", "%"),
            ("不超过100万元以内", Op::AtMost, "100", "万元"),
        ] {
            assert_eq!(parse(text), Ok(q(op, true, value, unit)), "{text}");
        }
    }

    #[test]
    fn bare_numbers_are_met_exactly() {
        for (text, value, unit) in [
            ("1处", "1", "处"),
            ("1个系列", "1", "个系列"),
            ("100%", "100", "%"),
            ("2280次", "2280", "次"),
            ("100", "100", ""),
            ("0.5个百分点", "0.5", "个百分点"),
            ("120元/人", "120", "元/人"),
            ("600元/人·月", "600", "元/人·月"),
            ("≤0.8万元/TB", "0.8", "万元/TB"),
        ] {
            let written = text.starts_with('≤');
            let op = if written { Op::AtMost } else { Op::Exactly };
            assert_eq!(parse(text), Ok(q(op, written, value, unit)), "{text}");
        }
    }

    #[test]
    fn ranges_include_both_ends() {
        for text in [
            "90%-100%",
            "90%～100%",
            "90%~100%",
            "90%至100%",
            "90-100%",
            "90%-100%之间",
        ] {
            assert_eq!(
                parse(text),
                Ok(TargetKind::Range {
                    low: d("90"),
                    high: d("100"),
                    unit: "%".into()
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn words_and_deadlines_are_qualitative() {
        for text in [
            "按时完成省工信厅交办工作任务",
            "2024年9月底前",
            "2024年底前",
            "不低于上年水平",
            "达到国家标准",
            "资金100%到位",
            "在2024年内完成",
            "年度资金支付完成率100%",
            "100%完成",
            "2024年到2025年完成",
            "1-2月份完成",
            "2024.12.31前",
        ] {
            assert_eq!(parse(text), Ok(TargetKind::Qualitative), "{text}");
        }
    }

    #[test]
    fn the_satisfaction_rule() {
        let rule = TargetKind::Satisfaction {
            full_at: d("95"),
            step: d("5"),
            deduct: d("1"),
        };
        assert_eq!(
            parse("95%以上计满分，每降5%扣1分，扣完为止。"),
            Ok(rule.clone())
        );
        assert_eq!(parse("95%以上计满分,每降5%扣1分"), Ok(rule));
    }

    #[test]
    fn wordings_that_would_need_a_guess_are_refused() {
        for text in [
            "",
            "   ",
            "≥1e3次",
            "1e3次",
            "≥0x10次",
            "≥1,000人",
            "1，000人",
            "≥-5%",
            "-5%",
            "≥+5%",
            "≥.5%",
            "≥5.%",
            "≥1.2.3次",
            "≥上年",
            "≥95%完成",
            "≥95%，按时完成",
            "大于95%以上",
            "≥90%-100%",
            "100%-90%",
            "90%-100次",
            "95%以上计满分",
            "95%以上计满分，每降0%扣1分",
            "95%以上计满分，每降1e3%扣1分",
            "≥123456789012345678901234567890次",
            "≥0.12345678901234567890123456789次",
            "不少于3次，每次不少于50人",
            "不超过1起，群众满意度达到95%",
            "≥2024.12.31",
        ] {
            let why = parse(text).expect_err(text);
            assert!(why.0.starts_with("年度指标值"), "{text}: {why}");
        }
    }

    proptest::proptest! {
        /// Any mix of the characters the reader looks at gives a reading or a
        /// refusal, never a panic; a number read is one written in the text.
        #[test]
        fn any_wording_is_read_or_refused(
            text in "[0-9.,，%％‰≥≤<>=＞＜＝≧≦~～至到之间以上下内及含（）()不低少高超过多于大小等达控制在计满分每降扣万元次个 ex+-]{0,14}"
        ) {
            if let Ok(TargetKind::Quantitative { value, .. } | TargetKind::Range { low: value, .. }) =
                parse(&text)
            {
                let written = value.to_string();
                proptest::prop_assert!(text.contains(&written), "{text}: {written}");
            }
        }
    }

    /// A stray sign, point or separator is refused where it touches a number,
    /// and left as words where it does not: a typo must not be read as another
    /// number, nor a phrase refused for a mark in its words.
    #[test]
    fn stray_marks_next_to_numbers() {
        for text in ["+5%", ".5%", "1..5次", "2024..3", "2.5.万人次"] {
            assert!(parse(text).is_err(), "{text}");
        }
        for text in [
            "5-次",
            "5--次",
            "5-+次",
            "5-.次",
            "100，按时完成",
            "5_次",
            "2E-",
        ] {
            assert_eq!(parse(text), Ok(TargetKind::Qualitative), "{text}");
        }
        // Letters that begin an exponent or a hexadecimal prefix are a unit
        // when no digit follows them.
        for (text, unit) in [("≥2EB", "EB"), ("≥10bit", "bit")] {
            let value = text.trim_start_matches('≥').trim_end_matches(unit);
            assert_eq!(parse(text), Ok(q(Op::AtLeast, true, value, unit)), "{text}");
        }
    }

    /// A range whose ends are equal is met at that one value.
    #[test]
    fn a_range_may_be_a_single_value() {
        let range = TargetKind::Range {
            low: d("90"),
            high: d("90"),
            unit: "%".into(),
        };
        assert_eq!(parse("90%-90%"), Ok(range));
    }

    #[test]
    fn full_width_digits_stay_refused() {
        let why = parse("≥５次").unwrap_err();
        assert!(why.0.contains("全角"), "{why}");
    }
}

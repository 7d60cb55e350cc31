//! Loading errors: each kind of mistake a clerk makes in the facts file, made by
//! changing ONE line of the reference file `data/2024.yaml`, gives a `LoadError`
//! of the right kind whose message (in Chinese) names the line that was changed.
//! Also the `check` command's exit codes and its report of the file and line.

mod common;

use common::{REFERENCE, jixiao, jixiao_in, line_no, load_err, replace_line};
use jixiao::model::load::LoadErrorKind;
use jixiao::model::{LoadError, load_file, load_str};

/// The line of 基本支出 全年实际支出 in the reference file.
const BASIC_ACTUAL: &str = "  actual: 6078.91 # 全年实际支出";
/// The line of 基本支出 其中人员经费支出 (right after `BASIC_ACTUAL`).
const BASIC_PERSONNEL: &str = "  personnel: 4767.43 # 其中人员经费支出";

/// Replaces one line of the reference and expects a loading error at that line.
fn broken(old: &str, new: &str) -> (LoadError, usize) {
    let (text, line) = replace_line(REFERENCE, old, new);
    let e = load_err(&text);
    assert_eq!(e.file, "broken.yaml");
    assert_eq!(
        e.at.map(|a| a.line),
        Some(line),
        "error should point at the changed line {line}: {}",
        e.message
    );
    assert!(
        e.message.contains(&format!("第 {line} 行")),
        "message should name line {line}: {}",
        e.message
    );
    assert!(
        e.to_string().contains("broken.yaml"),
        "display should name the file: {e}"
    );
    (e, line)
}

#[test]
fn the_reference_file_loads() {
    let loaded = load_str(REFERENCE, "2024.yaml").expect("reference loads");
    assert_eq!(
        loaded.facts.basic_expenditure.actual.at.line,
        line_no(REFERENCE, BASIC_ACTUAL)
    );
    assert_eq!(
        loaded.facts.basic_expenditure.actual.value,
        "6078.91".parse().unwrap()
    );
    assert!(
        loaded.notes.is_empty(),
        "no precision notes: {:?}",
        loaded.notes
    );
}

#[test]
fn malformed_yaml_syntax() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: 6078.91: x");
    assert_eq!(e.kind, LoadErrorKind::Syntax);
    assert!(e.message.contains("YAML 格式错误"), "{}", e.message);
    assert!(e.help.is_some(), "a syntax error says what to check");
}

#[test]
fn a_key_without_colon_is_a_syntax_error() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual 6078.91");
    assert_eq!(e.kind, LoadErrorKind::Syntax);
    assert!(e.message.contains("YAML 格式错误"), "{}", e.message);
}

#[test]
fn a_tab_in_the_indentation() {
    let (e, _) = broken(BASIC_ACTUAL, "\tactual: 6078.91");
    assert_eq!(e.kind, LoadErrorKind::Syntax);
    assert!(e.message.contains("制表符"), "{}", e.message);
    assert!(e.message.contains("Tab"), "{}", e.message);
}

#[test]
fn an_unknown_key_is_named_and_the_allowed_keys_listed() {
    let (e, _) = broken(BASIC_ACTUAL, "  actul: 6078.91");
    assert_eq!(e.kind, LoadErrorKind::UnknownKey);
    assert!(e.message.contains("未知的键「actul」"), "{}", e.message);
    assert!(
        e.path
            .as_deref()
            .is_some_and(|p| p.starts_with("basic_expenditure")),
        "path: {:?}",
        e.path
    );
    let help = e.help.as_deref().expect("help lists the allowed keys");
    assert!(help.contains("允许的键"), "{help}");
    for key in [
        "initial_budget",
        "full_year_budget",
        "actual",
        "personnel",
        "public",
        "deviation",
    ] {
        assert!(help.contains(key), "help should list «{key}»: {help}");
    }
}

#[test]
fn an_unknown_top_level_key() {
    let (e, _) = broken("year: 2024", "yaer: 2024");
    assert_eq!(e.kind, LoadErrorKind::UnknownKey);
    assert!(e.message.contains("未知的键「yaer」"), "{}", e.message);
    let help = e.help.as_deref().unwrap_or_default();
    assert!(
        help.contains("year") && help.contains("basic_expenditure"),
        "{help}"
    );
}

#[test]
fn a_duplicate_key() {
    // `actual` is given again on the line of `personnel`, right after the first.
    let (e, _) = broken(BASIC_PERSONNEL, "  actual: 4767.43");
    assert_eq!(e.kind, LoadErrorKind::DuplicateKey);
    assert!(e.message.contains("「actual」"), "{}", e.message);
    assert!(
        e.message.contains("重复") || e.message.contains("两次"),
        "{}",
        e.message
    );
}

#[test]
fn text_where_an_amount_belongs() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: 六千零七十八");
    assert_eq!(e.kind, LoadErrorKind::WrongType);
    assert!(e.message.contains("应为金额，实际为文本"), "{}", e.message);
    assert!(e.message.contains("六千零七十八"), "{}", e.message);
    assert_eq!(e.path.as_deref(), Some("basic_expenditure.actual"));
}

#[test]
fn latin_letters_where_an_amount_belongs() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: abc");
    assert_eq!(e.kind, LoadErrorKind::WrongType);
    assert!(e.message.contains("应为金额"), "{}", e.message);
    assert!(e.message.contains("abc"), "{}", e.message);
}

#[test]
fn a_percent_sign_or_thousands_separator_is_refused_with_a_reason() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: 6,078.91");
    assert!(e.message.contains("千分位"), "{}", e.message);
    let (e, _) = broken(BASIC_ACTUAL, "  actual: 99.94%");
    assert!(e.message.contains("百分号"), "{}", e.message);
}

#[test]
fn a_negative_amount() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: -6078.91");
    assert_eq!(e.kind, LoadErrorKind::InvalidValue);
    assert!(e.message.contains("不能为负"), "{}", e.message);
    assert_eq!(e.path.as_deref(), Some("basic_expenditure.actual"));
}

#[test]
fn a_fractional_head_count() {
    let (e, _) = broken(
        "    actual: 55 # 附件1 2024年实际在职人数",
        "    actual: 55.5",
    );
    assert_eq!(e.kind, LoadErrorKind::InvalidValue);
    assert!(e.message.contains("整数"), "{}", e.message);
}

#[test]
fn full_width_digits() {
    let (e, _) = broken(BASIC_ACTUAL, "  actual: ６０７８.９１");
    assert_eq!(e.kind, LoadErrorKind::WrongType);
    assert!(e.message.contains("全角"), "{}", e.message);
    assert!(
        e.message.contains("半角"),
        "says what to type instead: {}",
        e.message
    );
}

#[test]
fn a_missing_required_fact_names_its_yaml_path() {
    let (text, removed) = replace_line(REFERENCE, BASIC_ACTUAL, "  # actual 删去");
    let e = load_err(&text);
    assert_eq!(e.kind, LoadErrorKind::Missing);
    assert!(
        e.message.contains("basic_expenditure.actual"),
        "{}",
        e.message
    );
    assert!(
        e.help.as_deref().is_some_and(|h| h.contains("actual")),
        "{:?}",
        e.help
    );
    // The error points into the `basic_expenditure:` block that lacks the key.
    let start = line_no(&text, "basic_expenditure:");
    let end = line_no(&text, "projects:");
    let at = e.at.expect("a location").line;
    assert!(
        (start..end).contains(&at),
        "line {at} should be inside basic_expenditure (lines {start}–{end}; removed {removed})"
    );
}

#[test]
fn a_missing_section_names_its_key() {
    // Without `narrative:` and its children the file lacks a required section.
    let start = line_no(REFERENCE, "narrative:");
    let end = line_no(REFERENCE, "reported:");
    let text: String = REFERENCE
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, l)| !(start..end).contains(&(i + 1)) || l.starts_with('#'))
        .map(|(_, l)| l)
        .collect();
    let e = load_err(&text);
    assert_eq!(e.kind, LoadErrorKind::Missing);
    assert!(e.message.contains("「narrative」"), "{}", e.message);
}

#[test]
fn an_amount_with_three_decimals_loads_and_is_warned_about() {
    let (text, line) = replace_line(REFERENCE, BASIC_ACTUAL, "  actual: 6078.915");
    let loaded = load_str(&text, "three.yaml").expect("three decimals load");
    assert_eq!(
        loaded.facts.basic_expenditure.actual.value,
        "6078.915".parse().unwrap()
    );
    assert_eq!(loaded.notes.len(), 1, "{:?}", loaded.notes);
    let analysis = jixiao::Analysis::of(loaded);
    let j011: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.code == "J011")
        .collect();
    assert_eq!(j011.len(), 1, "{j011:?}");
    let f = j011[0];
    assert_eq!(f.severity, jixiao::audit::Severity::Warning);
    assert_eq!(f.lines, vec![line]);
    assert!(f.message.contains("6078.915"), "{}", f.message);
    assert!(
        f.message.contains(&format!("第 {line} 行")),
        "{}",
        f.message
    );
}

#[test]
fn invalid_utf8_is_an_encoding_error() {
    let offset = REFERENCE.find(BASIC_ACTUAL).unwrap() + "  actual: ".len();
    let mut bytes = REFERENCE.as_bytes().to_vec();
    bytes.insert(offset, 0xFF);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.yaml");
    std::fs::write(&path, &bytes).unwrap();
    let e = load_file(&path).expect_err("invalid UTF-8 is refused");
    assert_eq!(e.kind, LoadErrorKind::Encoding);
    assert!(e.message.contains("UTF-8"), "{}", e.message);
    assert!(
        e.message.contains(&format!("第 {} 字节", offset + 1)),
        "message should name byte {}: {}",
        offset + 1,
        e.message
    );
    assert!(e.file.ends_with("latin1.yaml"), "{}", e.file);
    assert!(e.help.is_some());
}

#[test]
fn a_file_that_does_not_exist_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let e = load_file(&dir.path().join("nope.yaml")).expect_err("missing file");
    assert_eq!(e.kind, LoadErrorKind::Io);
    assert!(e.message.contains("无法读取"), "{}", e.message);
}

#[test]
fn a_byte_order_mark_is_accepted_and_lines_are_unchanged() {
    let line = line_no(REFERENCE, BASIC_ACTUAL);
    let with_bom = format!("\u{feff}{REFERENCE}");
    let loaded = load_str(&with_bom, "bom.yaml").expect("a BOM is accepted");
    assert_eq!(loaded.facts.basic_expenditure.actual.at.line, line);
    assert!(!loaded.source.starts_with('\u{feff}'));

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.yaml");
    std::fs::write(&path, with_bom.as_bytes()).unwrap();
    let loaded = load_file(&path).expect("a BOM is accepted from a file");
    assert_eq!(loaded.facts.basic_expenditure.actual.at.line, line);
}

#[test]
fn an_error_after_a_byte_order_mark_keeps_its_line() {
    let (text, line) = replace_line(REFERENCE, BASIC_ACTUAL, "  actual: -1");
    let e = load_err(&format!("\u{feff}{text}"));
    assert_eq!(e.kind, LoadErrorKind::InvalidValue);
    assert_eq!(e.at.map(|a| a.line), Some(line));
}

/// serde-saphyr appends “ at line N, column M” to its messages; the Chinese
/// message already starts with 第 N 行第 M 列, so the English tail is noise.
#[test]
fn messages_have_no_english_location_tail() {
    for new in [
        "  actual: 6078.91: x",
        "\tactual: 6078.91",
        "  actul: 6078.91",
        "  actual: 六千零七十八",
        "  actual: -6078.91",
        "  actual: ６０７８.９１",
    ] {
        let (e, _) = broken(BASIC_ACTUAL, new);
        assert!(
            !e.message.contains(" at line ") && !e.message.contains("column"),
            "«{new}»: {}",
            e.message
        );
        if let Some(help) = &e.help {
            assert!(!help.contains(" at line "), "«{new}» help: {help}");
        }
    }
}

/// A list where an amount belongs is reported as “应为文本” (text expected),
/// which would mislead: a text is refused there too.
#[test]
fn a_list_where_an_amount_belongs_says_amount() {
    for new in ["  actual: [1, 2]", "  actual: {a: 1}"] {
        let (e, _) = broken(BASIC_ACTUAL, new);
        assert_eq!(e.kind, LoadErrorKind::WrongType, "«{new}»");
        assert!(e.message.contains("应为金额"), "«{new}»: {}", e.message);
    }
}

// ── the `check` command ─────────────────────────────────────────────

#[test]
fn check_on_a_broken_file_exits_2_naming_file_and_line() {
    let (text, line) = replace_line(REFERENCE, BASIC_ACTUAL, "  actual: -6078.91");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.yaml"), text).unwrap();
    let out = jixiao_in(dir.path(), &["check", "broken.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.yaml"), "{stderr}");
    assert!(
        stderr.contains(&format!("第 {line} 行"))
            || stderr.contains(&format!("broken.yaml:{line}:")),
        "stderr should name line {line}: {stderr}"
    );
    assert!(stderr.contains("不能为负"), "{stderr}");
    assert!(out.stdout.is_empty(), "nothing on stdout");
}

#[test]
fn check_on_a_file_with_a_syntax_error_exits_2() {
    let (text, line) = replace_line(REFERENCE, BASIC_ACTUAL, "\tactual: 6078.91");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tab.yaml"), text).unwrap();
    let out = jixiao_in(dir.path(), &["check", "tab.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("tab.yaml"), "{stderr}");
    assert!(
        stderr.contains(&format!("第 {line} 行")) || stderr.contains(&format!("tab.yaml:{line}:")),
        "{stderr}"
    );
}

#[test]
fn check_on_a_missing_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = jixiao_in(dir.path(), &["check", "absent.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("absent.yaml"));
}

#[test]
fn check_on_the_reference_exits_1() {
    let out = jixiao(&["check", "data/2024.yaml"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("data/2024.yaml"), "{stdout}");
    assert!(stdout.contains("J001"), "{stdout}");
}

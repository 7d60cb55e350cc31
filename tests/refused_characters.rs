//! Characters a report cannot carry (controls, noncharacters, direction
//! overrides): refused at load at their YAML line when a fact holds them,
//! refused before anything is written when a template writes them; a tab is
//! kept.

mod common;

use std::path::Path;

use common::{DATA, REFERENCE, jixiao};
use jixiao::model::load::LoadErrorKind;
use jixiao::model::load_str;

const UNIT_NAME: &str = "  name: 湖南省工业和信息化行业事务中心";
const UNIT_NAME_LINE: usize = 19;

fn with_unit_name(value: &str) -> String {
    assert!(REFERENCE.lines().nth(UNIT_NAME_LINE - 1) == Some(UNIT_NAME));
    REFERENCE.replacen(UNIT_NAME, &format!("  name: {value}"), 1)
}

#[test]
fn escaped_characters_in_facts_are_refused_at_their_line() {
    for escaped in [
        r"\0",
        r"\a",
        r"\x1b[31m",
        r"\r",
        r"\x7f",
        r"\x85",
        r"\x9b",
        r"\uFFFE",
        r"\uFFFF",
        r"\uFDD0",
        r"\U0001FFFE",
        r"\u202E",
        r"\u2066",
    ] {
        let text = with_unit_name(&format!("\"湖南省{escaped}事务中心\""));
        let e = load_str(&text, "chars.yaml").expect_err(escaped);
        assert_eq!(
            e.kind,
            LoadErrorKind::InvalidValue,
            "{escaped}: {}",
            e.message
        );
        assert_eq!(
            e.at.map(|a| a.line),
            Some(UNIT_NAME_LINE),
            "{escaped}: {}",
            e.message
        );
        assert!(e.message.contains("U+"), "{escaped}: {}", e.message);
    }
}

#[test]
fn raw_characters_in_facts_are_refused_at_their_line() {
    for raw in [
        '\u{fdd0}', '\u{85}', '\u{9b}', '\u{202e}', '\u{fffe}', '\u{1b}', '\0',
    ] {
        let text = with_unit_name(&format!("湖南省{raw}事务中心"));
        let e = load_str(&text, "chars.yaml").expect_err(&format!("{raw:?}"));
        assert!(
            matches!(e.kind, LoadErrorKind::InvalidValue | LoadErrorKind::Syntax),
            "{raw:?}: {:?} {}",
            e.kind,
            e.message
        );
        assert_eq!(
            e.at.map(|a| a.line),
            Some(UNIT_NAME_LINE),
            "{raw:?}: {}",
            e.message
        );
    }
}

#[test]
fn a_tab_in_text_is_kept() {
    let text = with_unit_name(r#""湖南省工业和信息化\t行业事务中心""#);
    let loaded = load_str(&text, "chars.yaml").expect("a tab is text");
    assert!(loaded.facts.unit.name.value.contains('\t'));
    let analysis = jixiao::Analysis::of(loaded);
    let markdown =
        jixiao::render::markdown(&analysis, &jixiao::render::Templates::load(None).unwrap())
            .expect("renders");
    assert!(markdown.contains("信息化\t行业"));
}

/// A template writing a refused character, as itself or as a character
/// reference, stops the build before any output is written.
#[test]
fn a_template_writing_a_refused_character_writes_nothing() {
    let data = Path::new(DATA);
    for line in [
        "一、标题&#xFFFE;",
        "一、标题&#65535;",
        "一、标题\u{1b}[2J",
        "&#x202e;12.34",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        std::fs::create_dir(&templates).unwrap();
        std::fs::write(
            templates.join("report.md.tera"),
            format!("# 报告\n\n{line}\n"),
        )
        .unwrap();
        let out = dir.path().join("out");
        let run = jixiao(&[
            "build",
            data.to_str().unwrap(),
            "--allow-errors",
            "--templates",
            templates.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(run.status.code(), Some(2), "{line}");
        let stderr = String::from_utf8_lossy(&run.stdout) + String::from_utf8_lossy(&run.stderr);
        assert!(stderr.contains("第 3 行"), "{line}: {stderr}");
        let written = std::fs::read_dir(&out).map(|d| d.count()).unwrap_or(0);
        assert_eq!(written, 0, "{line}: nothing is written");
    }
}

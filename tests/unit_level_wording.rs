//! The unit's level (`unit.level`, `unit.budget_level`) decides every level
//! word of the report, and the form's own instructions under the tables are
//! printed only when `show_form_notes` asks for them. The city-level example
//! unit carries no word of another level and no form instruction, in Markdown
//! and DOCX, and passes `check --deny-warnings`.

mod common;

use common::{analyse, jixiao, markdown, remove_lines, replaced, stderr};
use jixiao::document::{Block, ParagraphRole, parse, plain_text};
use jixiao::model::load::LoadErrorKind;
use jixiao::model::load_str;

const CITY: &str = include_str!("../data/examples/sample-city-2024.yaml");
const CITY_FILE: &str = "data/examples/sample-city-2024.yaml";
const LEVELS: [&str; 4] = ["省级", "市级", "县级", "乡镇"];
/// The projects the form's 备注 names as examples.
const FORM_EXAMPLES: [&str; 3] = ["业务工作经费", "运行维护经费", "其他事业发展类资金"];

fn report(text: &str) -> String {
    markdown(&analyse(text, "unit.yaml"))
}

/// How often each level word occurs in `text`, in the order of [`LEVELS`].
fn level_counts(text: &str) -> [usize; 4] {
    LEVELS.map(|level| text.matches(level).count())
}

/// The text of every note paragraph (表下说明) of the report.
fn notes(markdown: &str) -> Vec<String> {
    parse(markdown)
        .expect("the report parses")
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                role: ParagraphRole::Note,
                content,
            } => Some(plain_text(content)),
            _ => None,
        })
        .collect()
}

fn docx_text(text: &str) -> String {
    let analysis = analyse(text, "unit.yaml");
    let bytes = jixiao::pipeline::Output::Docx
        .of(&markdown(&analysis), &analysis)
        .expect("the DOCX builds");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("the DOCX is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name("word/document.xml")
            .expect("the DOCX has a body"),
        &mut xml,
    )
    .expect("the body is UTF-8");
    xml
}

#[test]
fn the_city_unit_names_only_its_own_level_and_prints_no_form_notes() {
    let md = report(CITY);
    let [province, city, county, township] = level_counts(&md);
    assert_eq!((province, county, township), (0, 0, 0), "{md}");
    assert_eq!(
        city, 3,
        "附件2's unit row, 附件1's special funds row, 一㈡'s heading"
    );
    assert!(notes(&md).is_empty(), "{:?}", notes(&md));

    let xml = docx_text(CITY);
    assert_eq!(xml.matches("省级").count(), 0);
    assert_eq!(xml.matches("市级").count(), 3);
    for example in FORM_EXAMPLES {
        assert!(!xml.contains(example), "{example} in the DOCX");
    }
}

#[test]
fn the_city_unit_passes_check_with_deny_warnings() {
    let out = jixiao(&["check", "--deny-warnings", CITY_FILE]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn every_level_word_follows_the_facts() {
    let city = level_counts(&report(CITY))[1];
    for (i, level) in LEVELS.iter().enumerate() {
        let text = replaced(CITY, &[("  level: 市级", &format!("  level: {level}"))]);
        let counts = level_counts(&report(&text));
        let mut want = [0; 4];
        want[i] = city;
        assert_eq!(counts, want, "level: {level}");
    }
}

#[test]
fn the_budget_level_names_the_special_funds_apart_from_the_unit_level() {
    let text = replaced(
        CITY,
        &[("  level: 市级", "  level: 县级\n  budget_level: 省级")],
    );
    let [province, city, county, township] = level_counts(&report(&text));
    assert_eq!((province, city, county, township), (2, 0, 1, 0));
}

#[test]
fn a_unit_without_a_level_names_no_level() {
    let text = remove_lines(CITY, "  level: 市级");
    assert_eq!(level_counts(&report(&text)), [0; 4]);
}

#[test]
fn a_level_outside_the_four_is_refused_at_its_line() {
    for wrong in ["区级", "省", "city", "1", "[省级]", "\"\""] {
        let text = replaced(CITY, &[("  level: 市级", &format!("  level: {wrong}"))]);
        let line = text
            .lines()
            .position(|l| l.starts_with("  level: "))
            .expect("the level line")
            + 1;
        let err = load_str(&text, "unit.yaml").expect_err(wrong);
        assert!(
            matches!(
                err.kind,
                LoadErrorKind::InvalidValue | LoadErrorKind::WrongType | LoadErrorKind::Syntax
            ),
            "{wrong}: {:?}",
            err.kind
        );
        assert_eq!(err.at.map(|at| at.line), Some(line), "{wrong}: {err}");
    }
}

#[test]
fn form_notes_are_printed_when_asked_without_examples_the_unit_does_not_have() {
    let text = format!("{CITY}\nshow_form_notes: true\n");
    let projects = analyse(&text, "unit.yaml").loaded.facts.projects.len();
    assert_eq!(projects, 3);
    let printed = notes(&report(&text));
    assert_eq!(
        printed.len(),
        1 + projects,
        "附件1's 说明 and one 备注 per 附件3"
    );
    for note in &printed {
        for example in FORM_EXAMPLES {
            assert!(!note.contains(example), "{note}");
        }
    }

    assert!(text.contains("政务云运维经费"));
    let named = text.replace("政务云运维经费", "运行维护经费");
    let printed = notes(&report(&named));
    assert_eq!(printed.len(), 1 + projects);
    assert!(printed[1..].iter().all(|n| n.contains("运行维护经费")));
}

#[test]
fn the_reference_prints_its_form_notes() {
    let analysis = analyse(common::REFERENCE, "data/2024.yaml");
    let md = markdown(&analysis);
    let projects = analysis.loaded.facts.projects.len();
    assert_eq!(
        notes(&md).len(),
        1 + projects,
        "附件1's 说明 and one 备注 per 附件3"
    );
}

//! The bad-input corpus: every file in `tests/bad_inputs/` is a facts
//! file a clerk might hand in, and none may make jixiao panic. A file's header
//! (or, for a file that is not UTF-8, its `.expect` sidecar) says what must
//! happen to it:
//!
//! | header line | meaning |
//! |---|---|
//! | `# expect: ok` | loads; computes, audits and renders to Markdown and DOCX |
//! | `# expect: <LoadErrorKind> [line N]` | fails to load with that kind (at that line) |
//! | `# message: <text>` | the error message contains `<text>` |
//! | `# finding: <text>` | an audit finding's message contains `<text>` |
//! | `# code: <J0xx> [line N]` | the audit reports that rule (at that line) |
//! | `# grow: <bytes>` | the test repeats the last line until the file has that size |
//! | `# nest: <levels>` | the test replaces `NESTED` with that many levels of `[ ]` |
//!
//! Every load error must speak the clerk's language: no English word of a
//! library in its message or hint (`assert_chinese`), for the corpus and for
//! the generated variants of `minimal.yaml` at the end.
//!
//! Every case is its own test, named like its file, so that a known bug can be
//! `#[ignore]`d until it is fixed; `every_file_has_a_test` keeps the list and
//! the directory in step. What a header cannot say (text that must come out
//! literally, a dash for a rate over a zero budget, CRLF giving the same
//! figures as LF) is checked by the tests at the end.

// The library's errors are large and unboxed on purpose (see src/lib.rs); the
// closures below only pass them on.
#![allow(clippy::result_large_err)]

mod common;

use std::io::{Cursor, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;

use common::root;
use jixiao::Analysis;
use jixiao::document::{Block, Document, plain_text};
use jixiao::model::load::LoadErrorKind;
use jixiao::model::{LoadError, Loaded, load_file};
use jixiao::render::{self, Templates};
use quick_xml::events::Event;

// ── The cases ──────────────────────────────────────────────────────────────

/// One `#[test]` per corpus file, and the list of them all.
macro_rules! cases {
    ($($(#[$attr:meta])* $name:ident,)*) => {
        $(
            $(#[$attr])*
            #[test]
            fn $name() {
                check(stringify!($name));
            }
        )*
        const CASES: &[&str] = &[$(stringify!($name)),*];
    };
}

cases! {
    minimal,
    malformed_yaml,
    tab_indentation,
    text_for_an_amount,
    negative_budget,
    thirty_digit_amount,
    zero_full_year_budget,
    empty_lists,
    missing_section,
    unknown_key,
    duplicate_key,
    billion_laughs,
    alias_bomb,
    ten_megabytes,
    deep_nesting,
    invalid_utf8,
    byte_order_mark,
    crlf_line_endings,
    fullwidth_digits,
    fullwidth_digits_in_target,
    special_characters,
    two_documents,
    tagged_text,
    only_comments,
    year_out_of_range,
    staffing_beyond_any_unit,
    more_staff_than_posts,
    amount_finer_than_a_yuan,
    sums_that_overflow,
}

#[test]
fn every_file_has_a_test() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/bad_inputs is readable")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    files.sort();
    for file in &files {
        let (stem, ext) = file
            .rsplit_once('.')
            .expect("a file name with an extension");
        assert!(
            matches!(ext, "yaml" | "expect"),
            "{file}: corpus files are .yaml (with an optional .expect sidecar)"
        );
        assert!(
            CASES.contains(&stem),
            "{file} has no test: add `{stem},` to cases! in tests/bad_input.rs"
        );
    }
    for case in CASES {
        assert!(
            files.contains(&format!("{case}.yaml")),
            "case {case} has no file tests/bad_inputs/{case}.yaml"
        );
    }
}

// ── Running a case ─────────────────────────────────────────────────────────

/// What a case's header says.
#[derive(Debug, Default)]
struct Expect {
    /// `None`: loads. `Some((kind, line))`: fails with that kind (at that line).
    error: Option<(LoadErrorKind, Option<usize>)>,
    messages: Vec<String>,
    findings: Vec<String>,
    /// Rules the audit must report, each at a line if given.
    codes: Vec<(String, Option<usize>)>,
    grow: Option<usize>,
    nest: Option<usize>,
}

fn corpus_dir() -> PathBuf {
    root().join("tests/bad_inputs")
}

fn kind_named(name: &str) -> LoadErrorKind {
    match name {
        "Io" => LoadErrorKind::Io,
        "Encoding" => LoadErrorKind::Encoding,
        "Syntax" => LoadErrorKind::Syntax,
        "UnknownKey" => LoadErrorKind::UnknownKey,
        "DuplicateKey" => LoadErrorKind::DuplicateKey,
        "Missing" => LoadErrorKind::Missing,
        "WrongType" => LoadErrorKind::WrongType,
        "InvalidValue" => LoadErrorKind::InvalidValue,
        "TooLarge" => LoadErrorKind::TooLarge,
        other => panic!("unknown LoadErrorKind «{other}» in an expect line"),
    }
}

/// Reads the `# key: value` lines at the top of `header`.
fn parse_expect(header: &str) -> Expect {
    let mut expect = Expect::default();
    let mut said = false;
    let header = header.strip_prefix('\u{feff}').unwrap_or(header);
    for line in header.lines().map_while(|l| l.strip_prefix('#')) {
        let Some((key, value)) = line.trim().split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key {
            "expect" => {
                said = true;
                if value != "ok" {
                    let mut words = value.split_whitespace();
                    let kind = kind_named(words.next().expect("a kind after expect:"));
                    let line = match (words.next(), words.next()) {
                        (Some("line"), Some(n)) => Some(n.parse().expect("a line number")),
                        (None, _) => None,
                        _ => panic!("expect: <Kind> [line N], not «{value}»"),
                    };
                    expect.error = Some((kind, line));
                }
            }
            "message" => expect.messages.push(value.to_string()),
            "finding" => expect.findings.push(value.to_string()),
            "code" => {
                let mut words = value.split_whitespace();
                let code = words.next().expect("a code after code:").to_string();
                let line = match (words.next(), words.next()) {
                    (Some("line"), Some(n)) => Some(n.parse().expect("a line number")),
                    (None, _) => None,
                    _ => panic!("code: <J0xx> [line N], not «{value}»"),
                };
                expect.codes.push((code, line));
            }
            "grow" => expect.grow = Some(value.parse().expect("a size in bytes")),
            "nest" => expect.nest = Some(value.parse().expect("a number of levels")),
            _ => {}
        }
    }
    assert!(said, "no `# expect:` line");
    expect
}

/// A case's expectation and the path of its input (generated into `dir` when
/// the header asks for it).
fn prepare(name: &str, dir: &tempfile::TempDir) -> (Expect, PathBuf) {
    let path = corpus_dir().join(format!("{name}.yaml"));
    let bytes = std::fs::read(&path).expect("the case file is readable");
    let sidecar = path.with_extension("expect");
    let expect = if sidecar.exists() {
        parse_expect(&std::fs::read_to_string(&sidecar).unwrap())
    } else {
        parse_expect(std::str::from_utf8(&bytes).expect("a header in UTF-8"))
    };
    if expect.grow.is_none() && expect.nest.is_none() {
        return (expect, path);
    }
    let mut text = String::from_utf8(bytes).expect("a generated case is UTF-8");
    if let Some(levels) = expect.nest {
        assert!(text.contains("NESTED"), "nest: needs the word NESTED");
        let nested = "[".repeat(levels) + &"]".repeat(levels);
        text = text.replace("NESTED", &nested);
    }
    if let Some(size) = expect.grow {
        let last = text.lines().last().expect("a last line").to_string() + "\n";
        let times = (size.saturating_sub(text.len())).div_ceil(last.len());
        text.push_str(&last.repeat(times));
        assert!(text.len() >= size);
    }
    let generated = dir.path().join(format!("{name}.yaml"));
    std::fs::write(&generated, text).unwrap();
    (expect, generated)
}

/// Runs `f`, turning a panic into a test failure that names the stage.
fn no_panic<T>(stage: &str, name: &str, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f))
        .unwrap_or_else(|_| panic!("{name}: {stage} panicked (see the message above)"))
}

/// Checks one case against its header.
fn check(name: &str) {
    let dir = tempfile::tempdir().unwrap();
    let (expect, path) = prepare(name, &dir);
    let result = no_panic("loading", name, || load_file(&path));
    match (&expect.error, result) {
        (Some((kind, line)), Err(e)) => check_error(name, &expect, *kind, *line, &e),
        (Some((kind, _)), Ok(_)) => panic!("{name}: loaded, but should fail with {kind:?}"),
        (None, Err(e)) => panic!("{name}: should load, but: {:?} {}", e.kind, e.message),
        (None, Ok(loaded)) => {
            let analysis = render_all(name, loaded).0;
            for (code, line) in &expect.codes {
                assert!(
                    analysis.findings.iter().any(|f| f.code == code
                        && line.is_none_or(|l| f.lines.first() == Some(&l))),
                    "{name}: no finding {code} at line {line:?}; findings: {:#?}",
                    analysis
                        .findings
                        .iter()
                        .map(|f| (f.code, &f.lines, &f.message))
                        .collect::<Vec<_>>()
                );
            }
            for text in &expect.findings {
                assert!(
                    analysis.findings.iter().any(|f| f.message.contains(text)),
                    "{name}: no finding mentions «{text}»; findings: {:#?}",
                    analysis
                        .findings
                        .iter()
                        .map(|f| &f.message)
                        .collect::<Vec<_>>()
                );
            }
        }
    }
}

fn check_error(
    name: &str,
    expect: &Expect,
    kind: LoadErrorKind,
    line: Option<usize>,
    e: &LoadError,
) {
    assert_eq!(e.kind, kind, "{name}: wrong error class: {}", e.message);
    if let Some(line) = line {
        assert_eq!(
            e.at.map(|at| at.line),
            Some(line),
            "{name}: the error should point at line {line}: {}",
            e.message
        );
        assert!(
            e.message.contains(&format!("第 {line} 行")),
            "{name}: the message should name line {line}: {}",
            e.message
        );
    }
    assert_chinese(name, e);
    for text in &expect.messages {
        assert!(
            e.message.contains(text) || e.help.as_deref().is_some_and(|h| h.contains(text)),
            "{name}: the message should mention «{text}»: {} (help: {:?})",
            e.message,
            e.help
        );
    }
}

/// Computes, audits and renders a loaded file: the analysis, the Markdown and
/// the DOCX. Every stage must succeed without a panic.
fn render_all(name: &str, loaded: Loaded) -> (Analysis, String, Vec<u8>) {
    let analysis = no_panic("computing or auditing", name, || Analysis::of(loaded));
    let templates = Templates::load(None).expect("the built-in templates load");
    let markdown = no_panic("rendering Markdown", name, || {
        render::markdown(&analysis, &templates)
    })
    .unwrap_or_else(|e| panic!("{name}: Markdown failed: {e}"));
    let docx = no_panic("writing DOCX", name, || {
        jixiao::pipeline::Output::Docx.of(&markdown, &analysis)
    })
    .unwrap_or_else(|e| panic!("{name}: DOCX failed: {e}"));
    assert!(
        !document_xml(&docx).is_empty(),
        "{name}: the DOCX has a word/document.xml"
    );
    (analysis, markdown, docx)
}

/// Loads a corpus file that must load.
fn load_case(name: &str) -> Loaded {
    let path = corpus_dir().join(format!("{name}.yaml"));
    load_file(&path).unwrap_or_else(|e| panic!("{name} loads: {}", e.message))
}

// ── Reading the outputs back ───────────────────────────────────────────────

/// Every line of text in a parsed Markdown document: titles, headings and
/// paragraphs, and each line of each table cell.
fn document_lines(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Title(content)
            | Block::Heading { content, .. }
            | Block::Paragraph { content, .. } => {
                out.extend(plain_text(content).lines().map(str::to_string))
            }
            Block::Table(table) => {
                for cell in table.rows.iter().flat_map(|r| &r.cells) {
                    out.extend(cell.lines.iter().map(|l| plain_text(l)));
                }
            }
            Block::PageBreak => {}
        }
    }
    out
}

/// The package's `word/document.xml`.
fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("the DOCX is a ZIP");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("word/document.xml")
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The text of every `w:p` of the DOCX (its `w:t` texts, `w:br` as a line
/// break), split into lines.
fn docx_lines(docx: &[u8]) -> Vec<String> {
    let xml = document_xml(docx);
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut lines, mut paragraph, mut in_text) = (Vec::new(), String::new(), false);
    loop {
        match reader.read_event().expect("well-formed document.xml") {
            Event::Start(e) if e.name().as_ref() == b"w:p" => paragraph.clear(),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => paragraph.push('\n'),
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                lines.extend(paragraph.lines().map(str::to_string))
            }
            Event::Text(t) if in_text => paragraph.push_str(&t.xml10_content().unwrap()),
            Event::GeneralRef(r) if in_text => {
                let c = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().unwrap();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .expect("a predefined entity")
                            .to_string()
                    }
                };
                paragraph.push_str(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    lines
}

// ── What a header cannot say ───────────────────────────────────────────────

/// The text put in a narrative item, an indicator's `actual` and a project's
/// name by `special_characters.yaml`.
const SPECIAL: &str = r#"# h & < > " ' {{ x }} {% if %} | <table> *b* [a](b) <br> &amp; `c` <!-- jixiao:page-break -->"#;

#[test]
fn special_characters_are_read_as_written() {
    let facts = load_case("special_characters").facts;
    assert_eq!(facts.narrative.problems[0].value, SPECIAL);
    assert_eq!(facts.projects[0].name.value, SPECIAL);
    let indicator = &facts.self_evaluation.categories[0].subcategories[0].indicators[0];
    assert_eq!(indicator.actual.value, SPECIAL);
}

#[test]
fn special_characters_come_out_literally_in_markdown_and_docx() {
    let (_, markdown, docx) = render_all("special_characters", load_case("special_characters"));
    let document = jixiao::document::parse(&markdown).expect("the Markdown parses back");
    let in_markdown: Vec<String> = document_lines(&document)
        .into_iter()
        .filter(|l| l.contains(SPECIAL))
        .collect();

    // The narrative item is a paragraph, numbered; the indicator's actual and
    // the project's name are table cells of their own; the name also heads
    // the project's section.
    let paragraph = document.blocks.iter().any(
        |b| matches!(b, Block::Paragraph { content, .. } if plain_text(content).ends_with(SPECIAL)),
    );
    assert!(
        paragraph,
        "a paragraph ends with the narrative item: {in_markdown:#?}"
    );
    let heading = document.blocks.iter().any(
        |b| matches!(b, Block::Heading { content, .. } if plain_text(content).contains(SPECIAL)),
    );
    assert!(heading, "a heading names the project: {in_markdown:#?}");
    let cells = in_markdown.iter().filter(|l| *l == SPECIAL).count();
    assert!(
        cells >= 2,
        "the indicator's actual and the project's name are cells: {in_markdown:#?}"
    );
    let minimal = jixiao::document::parse(&render_all("minimal", load_case("minimal")).1).unwrap();
    assert_eq!(
        page_breaks(&document),
        page_breaks(&minimal),
        "a page-break comment in the text is not a page break"
    );

    // The DOCX has every one of those lines, character for character.
    let in_docx: Vec<String> = docx_lines(&docx)
        .into_iter()
        .filter(|l| l.contains(SPECIAL))
        .collect();
    let mut expected = in_markdown.clone();
    let mut found = in_docx.clone();
    expected.sort();
    found.sort();
    assert_eq!(found, expected, "the DOCX has the Markdown's lines");
}

fn page_breaks(document: &Document) -> usize {
    document
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count()
}

#[test]
fn zero_budget_rates_are_dashes() {
    let (_, markdown, docx) =
        render_all("zero_full_year_budget", load_case("zero_full_year_budget"));
    let document = jixiao::document::parse(&markdown).expect("the Markdown parses back");
    let lines = document_lines(&document);
    let basic = lines
        .iter()
        .find(|l| l.contains("基本支出年初预算"))
        .expect("the basic expenditure paragraph");
    assert!(basic.contains("执行率—"), "{basic}");
    let projects = lines
        .iter()
        .find(|l| l.contains("项目支出年初预算"))
        .expect("the project expenditure paragraph");
    assert!(projects.contains("执行率—"), "{projects}");
    for bad in ["NaN", "inf", "%%", "0.00%"] {
        assert!(!markdown.contains(bad), "«{bad}» in the Markdown");
    }
    assert!(
        docx_lines(&docx).iter().any(|l| l == basic),
        "the DOCX has the paragraph: {basic}"
    );
}

/// `name`'s Markdown is the same as that of `name`'s text made plain
/// (`plain` turns the file's text into the reference).
fn same_as_plain(name: &str, plain: impl Fn(&str) -> String) {
    let path = corpus_dir().join(format!("{name}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let reference = plain(&text);
    assert_ne!(reference, text, "{name} differs from its plain version");
    let plain_loaded = jixiao::model::load_str(&reference, "plain.yaml").expect("plain loads");
    let (a, markdown, _) = render_all(name, load_case(name));
    let (b, plain_markdown, _) = render_all("plain", plain_loaded);
    assert_eq!(
        format!("{:?}", a.figures),
        format!("{:?}", b.figures),
        "{name}: the same figures"
    );
    let messages = |a: &Analysis| {
        a.findings
            .iter()
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(messages(&a), messages(&b), "{name}: the same findings");
    assert_eq!(markdown, plain_markdown, "{name}: the same Markdown");
}

#[test]
fn crlf_gives_the_same_figures_as_lf() {
    same_as_plain("crlf_line_endings", |t| {
        assert!(
            t.contains("\r\n"),
            "the file keeps its CR LF (see .gitattributes)"
        );
        t.replace("\r\n", "\n")
    });
}

#[test]
fn a_byte_order_mark_changes_nothing() {
    same_as_plain("byte_order_mark", |t| {
        t.strip_prefix('\u{feff}')
            .expect("the file starts with a BOM")
            .to_string()
    });
}

// ── Load errors in the clerk's language ────────────────────────────────────

/// Words a message may use although they are in Latin letters: the format's
/// name, a key's name on the keyboard, an encoding, a command, a file name.
const LATIN_WORDS: &[&str] = &["YAML", "Tab", "UTF-8", "jixiao init", "docs/data.md"];

/// `e`'s message and hint have no word of a library's English: once the file
/// name, what is quoted from the file or the format (「…」, a YAML path, the
/// keys or values allowed there), type tags (`!!int`) and [`LATIN_WORDS`] are
/// taken out, no two Latin letters stand together.
fn assert_chinese(name: &str, e: &LoadError) {
    for (what, text) in [
        ("message", &e.message),
        ("hint", &e.help.clone().unwrap_or_default()),
    ] {
        let mut rest = text.replace(&e.file, "");
        for cut in ["允许的键：", "可选的取值："] {
            if let Some(i) = rest.find(cut) {
                rest.truncate(i);
            }
        }
        for (open, close) in [
            ("「", "」"),
            ("（位置：", "）"),
            ("!!", " "),
            ("!!", "、"),
            ("!!", "）"),
        ] {
            while let Some(i) = rest.find(open) {
                let end = rest[i + open.len()..]
                    .find(close)
                    .map_or(rest.len(), |j| i + open.len() + j + close.len());
                rest.replace_range(i..end, "");
            }
        }
        for word in LATIN_WORDS {
            rest = rest.replace(word, "");
        }
        let latin = rest
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_alphabetic() && w[1].is_ascii_alphabetic());
        assert!(
            !latin,
            "{name}: English in the {what}: {text} (left after quotes: {rest})"
        );
    }
}

/// Variants of `minimal.yaml` that must fail to load: (what they are, the
/// text replaced, its replacement, the error class, the line).
const VARIANTS: &[(&str, &str, &str, LoadErrorKind, usize)] = &[
    (
        "a second document",
        "    - 按要求公开。",
        "    - 按要求公开。\n---\nyear: 2025",
        LoadErrorKind::Syntax,
        87,
    ),
    (
        "a tagged text",
        "  name: 测试单位",
        "  name: !!int 5",
        LoadErrorKind::WrongType,
        6,
    ),
    (
        "a tagged year",
        "year: 2024",
        "year: !!int 2024",
        LoadErrorKind::WrongType,
        4,
    ),
    (
        "an unclosed quote",
        "  name: 测试单位",
        "  name: \"测试单位",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "an unclosed bracket",
        "names: [综合部]",
        "names: [综合部",
        LoadErrorKind::Syntax,
        13,
    ),
    (
        "a bad escape",
        "  name: 测试单位",
        "  name: \"a\\q\"",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "an unknown anchor",
        "  name: 测试单位",
        "  name: *nope",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "a reserved character",
        "  name: 测试单位",
        "  name: @测试",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "a backtick",
        "  name: 测试单位",
        "  name: `测试",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "a key indented one space too far",
        "  department:",
        "   department:",
        LoadErrorKind::Syntax,
        7,
    ),
    (
        "a list item among keys",
        "  department: 测试主管部门",
        "  - 测试主管部门",
        LoadErrorKind::Syntax,
        7,
    ),
    (
        "a comment inside a text",
        "  name: 测试单位",
        "  name: 测试单位 # 注\n   续",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "a year in words",
        "year: 2024",
        "year: 二〇二四",
        LoadErrorKind::WrongType,
        4,
    ),
    (
        "a year with a fraction",
        "year: 2024",
        "year: 2024.5",
        LoadErrorKind::InvalidValue,
        4,
    ),
    (
        "a negative year",
        "year: 2024",
        "year: -2024",
        LoadErrorKind::InvalidValue,
        4,
    ),
    (
        "a year as a list",
        "year: 2024",
        "year: [2024]",
        LoadErrorKind::WrongType,
        4,
    ),
    (
        "a text as a list",
        "  name: 测试单位",
        "  name: [a, b]",
        LoadErrorKind::WrongType,
        6,
    ),
    (
        "a text left empty",
        "  name: 测试单位",
        "  name:",
        LoadErrorKind::WrongType,
        6,
    ),
    (
        "a list as a text",
        "    names: [综合部]",
        "    names: 综合部",
        LoadErrorKind::WrongType,
        12,
    ),
    (
        "a mapping as a list",
        "    names: [综合部]",
        "    names: {a: 1}",
        LoadErrorKind::WrongType,
        12,
    ),
    (
        "a count as a text",
        "    authorized: 10",
        "    authorized: 十人",
        LoadErrorKind::WrongType,
        14,
    ),
    (
        "a count with a fraction",
        "    authorized: 10",
        "    authorized: 10.5",
        LoadErrorKind::InvalidValue,
        14,
    ),
    (
        "an amount with a unit",
        "  initial_budget: 100",
        "  initial_budget: 100万元",
        LoadErrorKind::WrongType,
        22,
    ),
    (
        "an amount in exponent form",
        "  initial_budget: 100",
        "  initial_budget: 1e3",
        LoadErrorKind::WrongType,
        22,
    ),
    (
        "an amount as infinity",
        "  initial_budget: 100",
        "  initial_budget: .inf",
        LoadErrorKind::WrongType,
        22,
    ),
    (
        "a missing key",
        "    actual: 8\n",
        "",
        LoadErrorKind::Missing,
        14,
    ),
    (
        "a missing top-level key",
        "year: 2024\n",
        "",
        LoadErrorKind::Missing,
        77,
    ),
    (
        "an unknown top-level key",
        "year: 2024",
        "year: 2024\nfoo: 1",
        LoadErrorKind::UnknownKey,
        5,
    ),
    (
        "a number as a key",
        "year: 2024",
        "year: 2024\n1: 2",
        LoadErrorKind::UnknownKey,
        5,
    ),
    (
        "a repeated key",
        "year: 2024",
        "year: 2024\nyear: 2025",
        LoadErrorKind::DuplicateKey,
        5,
    ),
    (
        "an unknown choice",
        "narrative:",
        "rules:\n  rounding: 五舍六入\nnarrative:",
        LoadErrorKind::InvalidValue,
        79,
    ),
    (
        "a choice block as a list",
        "narrative:",
        "rules: [1]\nnarrative:",
        LoadErrorKind::WrongType,
        78,
    ),
    (
        "an empty project",
        "projects:\n",
        "projects:\n  -\n",
        LoadErrorKind::WrongType,
        28,
    ),
    (
        "a target as a list",
        "target: ≥12次",
        "target: [1]",
        LoadErrorKind::WrongType,
        49,
    ),
    (
        "a tab before a key",
        "  department:",
        "\tdepartment:",
        LoadErrorKind::Syntax,
        7,
    ),
    (
        "a control character",
        "  name: 测试单位",
        "  name: \u{1}测试",
        LoadErrorKind::Syntax,
        6,
    ),
    (
        "an escaped control character",
        "  name: 测试单位",
        "  name: \"测试\\u0001单位\"",
        LoadErrorKind::InvalidValue,
        6,
    ),
];

#[test]
fn generated_bad_inputs_fail_in_chinese_at_their_line() {
    let minimal = common::minimal();
    for &(what, from, to, kind, line) in VARIANTS {
        assert!(
            minimal.contains(from),
            "{what}: «{from}» is in minimal.yaml"
        );
        let text = minimal.replacen(from, to, 1);
        let e = match jixiao::model::load_str(&text, "variant.yaml") {
            Ok(_) => panic!("{what}: loaded, but should fail with {kind:?}"),
            Err(e) => e,
        };
        assert_eq!(e.kind, kind, "{what}: wrong error class: {}", e.message);
        assert_eq!(e.at.map(|at| at.line), Some(line), "{what}: {}", e.message);
        assert!(
            e.message.contains(&format!("第 {line} 行")),
            "{what}: {}",
            e.message
        );
        assert_chinese(what, &e);
    }
}

#[test]
fn whole_files_that_are_not_facts_fail_in_chinese() {
    for (what, text, kind) in [
        ("an empty file", "", LoadErrorKind::Syntax),
        ("only comments", "# 注释\n\n# 注释\n", LoadErrorKind::Syntax),
        ("a list", "- a\n- b\n", LoadErrorKind::WrongType),
        ("a text", "你好\n", LoadErrorKind::WrongType),
        ("a null", "~\n", LoadErrorKind::WrongType),
        (
            "two empty documents",
            "---\n---\n",
            LoadErrorKind::WrongType,
        ),
        (
            "a directive",
            "%FOO bar\n---\nyear: 2024\n",
            LoadErrorKind::Missing,
        ),
        ("an unclosed mapping", "{year: 2024", LoadErrorKind::Syntax),
        (
            "deep nesting",
            &("[".repeat(300) + &"]".repeat(300)),
            LoadErrorKind::TooLarge,
        ),
    ] {
        let e = match jixiao::model::load_str(text, "whole.yaml") {
            Ok(_) => panic!("{what}: loaded"),
            Err(e) => e,
        };
        assert_eq!(e.kind, kind, "{what}: {}", e.message);
        assert!(e.at.is_some(), "{what}: a place: {}", e.message);
        assert_chinese(what, &e);
    }
}

/// Every line of `minimal.yaml` broken in each of the ways a clerk or an
/// editor breaks lines: whatever the error, it is said in Chinese at a line.
#[test]
fn every_line_broken_every_way_fails_in_chinese() {
    let minimal = common::minimal();
    let lines: Vec<&str> = minimal.lines().collect();
    let breaks: &[fn(&str) -> String] = &[
        |_| String::new(),
        |l| format!("{l}\n{l}"),
        |l| format!("\t{l}"),
        |l| format!(" {l}"),
        |l| format!("{l} ["),
        |l| format!("{l} {{"),
        |l| format!("{l} \""),
        |l| format!("{l}: x"),
        |l| l.replacen(": ", "：", 1),
        |l| l.replacen(": ", ": !!int ", 1),
        |l| l.replacen(": ", ": &a ", 1),
        |l| l.replacen(": ", ": *a", 1),
        |l| l.replacen(": ", ": @", 1),
        |l| l.replacen(": ", ": [1, 2]", 1),
        |l| l.replacen(": ", ": {a: 1}", 1),
        |l| l.replacen(": ", ": ~ #", 1),
        |l| format!("{l}\n---"),
        |l| format!("? {l}"),
    ];
    let mut failures = 0;
    for i in 0..lines.len() {
        for broken in breaks {
            let mut changed = lines.clone();
            let replacement = broken(lines[i]);
            changed[i] = &replacement;
            let text = changed.join("\n") + "\n";
            let Err(e) = jixiao::model::load_str(&text, "broken.yaml") else {
                continue;
            };
            failures += 1;
            assert_chinese(&format!("line {} as «{replacement}»", i + 1), &e);
            if e.kind != LoadErrorKind::Io {
                assert!(e.at.is_some(), "line {}: no place: {}", i + 1, e.message);
            }
        }
    }
    eprintln!("{failures} broken files, each refused in Chinese at a line");
    assert!(
        failures > 500,
        "most broken lines fail to load ({failures})"
    );
}

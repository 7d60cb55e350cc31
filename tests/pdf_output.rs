//! The PDF jixiao typesets (`--format pdf`) carries the report whole: every
//! figure and heading of the Markdown in order, its fonts embedded, an
//! outline of the ten sections and the attachments, the report's title,
//! author and language, the same bytes on every build, and a facts text
//! that reads as typst code printed as written. Runs where poppler's tools
//! and a CJK font are installed (`.ci/run` installs both); elsewhere each
//! test says so and passes.

// A build error carries its unit's located load error whole, as in the library.
#![allow(clippy::result_large_err)]

mod common;
mod docx_support;
mod pdf_support;

use common::{REFERENCE, jixiao, replace_line, stderr};
use docx_support::pages::squeezed;
use docx_support::units::{Built, UNITS};
use jixiao::document::{Block, plain_text};
use jixiao::pdf::PdfError;
use jixiao::pipeline::BuildError;
use pdf_support::typeset;

/// Every text of the report as the Markdown says it (paragraphs, headings
/// and table cells), one a line.
fn texts(built: &Built) -> String {
    let doc = jixiao::document::parse(&built.markdown).unwrap();
    let mut texts = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(content)
            | Block::Heading { content, .. }
            | Block::Paragraph { content, .. } => texts.push(plain_text(content)),
            Block::Table(table) => {
                for row in &table.rows {
                    for cell in &row.cells {
                        for line in &cell.lines {
                            texts.push(plain_text(line));
                        }
                    }
                }
            }
            Block::PageBreak => {}
        }
    }
    texts.join("\n")
}

/// The figures of `text`: every run of digits, with its decimal point and
/// percent sign.
fn figures(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '%'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| t.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// The text of every heading of the report, in order.
fn headings(built: &Built) -> Vec<String> {
    let doc = jixiao::document::parse(&built.markdown).unwrap();
    doc.blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { content, .. } => Some(squeezed(&plain_text(content))),
            _ => None,
        })
        .collect()
}

#[test]
fn every_figure_of_the_markdown_is_in_the_pdf() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let text = t.pdf.text();
        let written = texts(&t.built);
        let figures = figures(&written);
        assert!(figures.len() > 100, "{path}: {} figures", figures.len());
        for figure in figures {
            assert!(text.contains(figure), "{path}: {figure} is not in the PDF");
        }
    }
}

#[test]
fn headings_come_in_the_order_of_the_markdown() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let text = t.pdf.text();
        let mut from = 0;
        for heading in headings(&t.built) {
            let at = text[from..]
                .find(&heading)
                .unwrap_or_else(|| panic!("{path}: “{heading}” is missing or out of order"));
            from += at + heading.len();
        }
    }
}

#[test]
fn every_font_is_embedded() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let out = std::process::Command::new("pdffonts")
            .arg(&t.pdf.path)
            .output()
            .unwrap();
        let listing = String::from_utf8_lossy(&out.stdout);
        let fonts: Vec<&str> = listing.lines().skip(2).collect();
        assert!(!fonts.is_empty(), "{path}: no fonts listed");
        for font in fonts {
            // name, type…, encoding, then emb sub uni: all “yes”.
            let columns: Vec<&str> = font.split_whitespace().collect();
            let flags = &columns[columns.len() - 5..columns.len() - 2];
            assert_eq!(flags, ["yes", "yes", "yes"], "{path}: {font}");
        }
    }
}

/// The titles of the PDF's outline (bookmarks), in order.
fn outline(bytes: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut titles = Vec::new();
    let mut next = outlines
        .get(b"First")
        .ok()
        .map(|o| o.as_reference().unwrap());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        let title = item.get(b"Title").unwrap().as_str().unwrap();
        titles.push(lopdf::decode_text_string(&lopdf::Object::string_literal(title)).unwrap());
        next = item.get(b"Next").ok().map(|o| o.as_reference().unwrap());
    }
    titles
}

#[test]
fn the_outline_lists_the_ten_sections_and_the_attachments() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let titles = outline(&t.bytes);
        let sections: Vec<&String> = titles.iter().filter(|t| !t.starts_with("附件")).collect();
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
        assert_eq!(sections.len(), 10, "{path}: {titles:?}");
        for (section, numeral) in sections.iter().zip(numerals) {
            assert!(
                section.starts_with(&format!("{numeral}、")),
                "{path}: {section}"
            );
        }
        let attachments: Vec<&String> = titles.iter().filter(|t| t.starts_with("附件")).collect();
        let labels: Vec<&str> = t
            .built
            .markdown
            .split("<!-- jixiao:attachment-label -->")
            .skip(1)
            .map(|rest| rest.trim_start().lines().next().unwrap().trim())
            .collect();
        assert_eq!(attachments.len(), labels.len(), "{path}: {titles:?}");
        for (attachment, label) in attachments.iter().zip(labels) {
            assert!(attachment.starts_with(&format!("{label} ")), "{attachment}");
            assert!(
                attachment.ends_with('表'),
                "the table's title follows: {attachment}"
            );
        }
        assert!(
            titles.iter().position(|t| t.starts_with("十、"))
                < titles.iter().position(|t| t.starts_with("附件1"))
        );
    }
}

#[test]
fn the_metadata_names_the_report_and_the_unit_and_no_date() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let info = t.pdf.info();
        let facts = &t.built.analysis.loaded.facts;
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|v| v.trim().to_owned())
        };
        let title = field("Title:").unwrap();
        assert!(
            title.contains(&facts.unit.name.value) && title.ends_with("自评报告"),
            "{title}"
        );
        assert!(!title.contains('\u{200B}'), "no break marks in the title");
        assert_eq!(
            field("Author:").as_deref(),
            Some(facts.unit.name.value.as_str())
        );
        assert_eq!(field("CreationDate:"), None, "{info}");
        assert_eq!(field("ModDate:"), None, "{info}");
        assert!(
            info.contains("Page size:       595.3 x 841.9 pts (A4)"),
            "{info}"
        );
        let doc = lopdf::Document::load_mem(&t.bytes).unwrap();
        let lang = doc
            .catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap();
        assert_eq!(lang, b"zh-CN");
    }
}

#[test]
fn two_builds_give_the_same_bytes() {
    let Some(first) = typeset(UNITS[1]) else {
        return;
    };
    let again = pdf_support::pdf_of(&first.built, &first.built.markdown).unwrap();
    assert!(first.bytes == again, "the PDF differs between two builds");
}

/// A batch typesets its units side by side and clears typst's caches after
/// each: each unit's PDF is still the bytes of the unit built alone.
#[test]
fn a_batch_gives_each_unit_the_bytes_of_its_build_alone() {
    if !pdf_support::tools() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let build = |data: &[&str], out: &std::path::Path| {
        let out = out.to_str().unwrap();
        let mut args = vec!["build"];
        args.extend(data);
        args.extend(["--allow-errors", "--format", "pdf", "-o", out, "--quiet"]);
        jixiao(&args)
    };
    let every = [
        "data/2024.yaml",
        "data/examples/sample-county-2024.yaml",
        "data/examples/sample-city-2024.yaml",
        "data/examples/sample-national-2024.yaml",
    ];
    let batch = dir.path().join("batch");
    let run = build(&every, &batch);
    if stderr(&run).contains("fonts-noto-cjk") {
        eprintln!("no CJK font installed; PDF test skipped");
        return;
    }
    assert!(run.status.success(), "{}", stderr(&run));
    for data in every {
        let alone = dir.path().join("alone");
        let run = build(&[data], &alone);
        assert!(run.status.success(), "{}", stderr(&run));
        let name = format!(
            "{}.pdf",
            std::path::Path::new(data)
                .file_stem()
                .unwrap()
                .to_str()
                .unwrap()
        );
        let bytes = |d: &std::path::Path| std::fs::read(d.join(&name)).unwrap();
        assert!(
            bytes(&batch) == bytes(&alone),
            "{name} differs in the batch"
        );
    }
}

/// The reference with its last duty written as `duty` (a YAML value),
/// built as PDF into a new directory.
struct WithDuty {
    run: std::process::Output,
    dir: tempfile::TempDir,
    data: std::path::PathBuf,
    /// The duty's line in the data file.
    line: usize,
}

impl WithDuty {
    fn out(&self) -> std::path::PathBuf {
        self.dir.path().join("out")
    }
}

/// [`WithDuty`], or `None` (the test skipped) where poppler or a CJK font
/// is missing.
fn with_duty(duty: &str) -> Option<WithDuty> {
    if !pdf_support::tools() {
        return None;
    }
    let (text, line) = replace_line(
        REFERENCE,
        "    - 承担省工业和信息化厅交办的其他工作。",
        &format!("    - {duty}"),
    );
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("duty.yaml");
    std::fs::write(&data, text).unwrap();
    let out = dir.path().join("out");
    let run = jixiao(&[
        "build",
        data.to_str().unwrap(),
        "--allow-errors",
        "--format",
        "pdf",
        "-o",
        out.to_str().unwrap(),
    ]);
    if stderr(&run).contains("fonts-noto-cjk") {
        eprintln!("no CJK font installed; PDF test skipped");
        return None;
    }
    Some(WithDuty {
        run,
        dir,
        data,
        line,
    })
}

/// A character no installed font has would be printed as an empty box: the
/// PDF is refused, naming each such character, its line and its text; a
/// rare character the fonts do have (䶮, of CJK Extension A) passes.
#[test]
fn a_character_no_font_has_stops_the_pdf_at_its_line() {
    let Some(built) = with_duty("承担省工业和信息化厅交办的其他工作😀，由䶮负责。")
    else {
        return;
    };
    let (run, data, out, line) = (&built.run, &built.data, built.out(), built.line);
    let err = stderr(run);
    assert!(!run.status.success(), "{err}");
    let refusal = err
        .lines()
        .find(|l| l.contains("无法生成 PDF"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(refusal.contains("“😀”（U+1F600"), "{refusal}");
    assert!(refusal.contains(&format!("第 {line} 行")), "{refusal}");
    assert!(refusal.contains("其他工作😀"), "{refusal}");
    assert!(!refusal.contains("“䶮”"), "{refusal}");
    assert!(
        !out.join("duty.pdf").exists(),
        "no PDF with an empty box is written"
    );

    // `check --pdf` says so before the build; `check` alone does not typeset.
    let path = data.to_str().unwrap();
    let checked = jixiao(&["check", path, "--pdf"]);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        said.contains("报告无法生成") && said.contains("U+1F600"),
        "{said}"
    );
    let checked = jixiao(&["check", path]);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(!said.contains("报告无法生成"), "{said}");
    // PDF/A without the report's date is said by check as by build.
    let checked = jixiao(&["check", "data/2024.yaml", "--pdf", "--pdf-standard", "a-2b"]);
    let said = String::from_utf8_lossy(&checked.stdout);
    assert!(
        said.contains("报告无法生成") && said.contains("--pdf-date"),
        "{said}"
    );
}

/// Characters that take no room or are spaces, pasted from other programs,
/// are no missing glyphs: a zero-width space, a byte order mark, a soft
/// hyphen, a no-break space, an ideographic space and an emoji variation
/// selector after a character the fonts have.
#[test]
fn invisible_characters_are_not_refused() {
    let Some(built) = with_duty(
        "\"承担省工业\\u200B和信息化\\uFEFF厅交\\u00AD办的其\\u00A0他工\\u3000作\\uFE0F。\"",
    ) else {
        return;
    };
    assert!(built.run.status.success(), "{}", stderr(&built.run));
    assert!(built.out().join("duty.pdf").exists());
}

#[test]
fn a_facts_text_written_as_typst_code_is_printed_as_written() {
    let hostile = r#"承担#set page(width: 1cm) #panic("x") $x^2$ [链接] *粗* _斜_ @引用 <标签> \ 反斜杠 // 注释 /* 块 */ 工作。"#;
    let yaml = hostile.replace('\\', "\\\\").replace('"', "\\\"");
    let Some(built) = with_duty(&format!("\"{yaml}\"")) else {
        return;
    };
    let (run, out) = (&built.run, built.out());
    assert!(run.status.success(), "{}", stderr(run));
    let pdf =
        docx_support::pdf::Pdf::of_bytes(&std::fs::read(out.join("duty.pdf")).unwrap(), "hostile");
    assert!(pdf.text().contains(&squeezed(hostile)), "{}", pdf.text());
    assert!(pdf.info().contains("(A4)"), "the page keeps its size");
}

#[test]
fn a_font_directory_that_does_not_exist_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let run = jixiao(&[
        "build",
        "data/examples/sample-county-2024.yaml",
        "--format",
        "pdf",
        "--font-dir",
        "no-such-fonts",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("no-such-fonts"), "{}", stderr(&run));
}

#[test]
fn pdf_a_2b_is_declared_when_asked_and_needs_the_reports_date() {
    let Some(t) = typeset(UNITS[1]) else { return };
    let written = |settings: &jixiao::pdf::Settings| {
        jixiao::pipeline::Rendered::new(&t.built.analysis, &t.built.markdown)
            .with_pdf(settings)
            .output(jixiao::pipeline::Output::Pdf)
    };
    let undated = jixiao::pdf::Settings {
        standard: jixiao::pdf::Standard::A2b,
        ..Default::default()
    };
    match written(&undated) {
        Err(BuildError::Pdf {
            source: PdfError::ArchiveWithoutDate,
            ..
        }) => {}
        other => panic!("{:?}", other.map(|bytes| bytes.len())),
    }
    let dated = jixiao::pdf::Settings {
        date: Some("2025-03-31".parse().unwrap()),
        ..undated
    };
    let archived = written(&dated).unwrap();
    let declares =
        |bytes: &[u8], needle: &str| bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
    assert!(declares(&archived, "pdfaid:part"), "PDF/A-2b is declared");
    assert!(declares(&archived, "2025-03-31"), "the date is written");
    assert!(!declares(&t.bytes, "pdfaid:part"), "not unless asked");
    assert!(written(&dated).unwrap() == archived, "the same bytes again");
}

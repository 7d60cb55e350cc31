//! The default templates are laid out for a maintainer (short lines, a head
//! comment in every file, every file under `templates/` a default), and the
//! three maintenance tasks of `docs/templates.md` — change a sentence in 三,
//! change a column title of 附件2 only, add a paragraph with a new figure —
//! change exactly the paragraph they aim at, in the Markdown and in the DOCX.

mod common;
mod docx_support;

use std::fs;

use common::{DATA, jixiao, jixiao_command, root, stdout};
use docx_support::read_back::body;

/// The longest line a default template may have, in characters.
const MAX_LINE_CHARS: usize = 160;

#[test]
fn every_default_template_has_short_lines_and_opens_with_a_comment() {
    for (name, text) in jixiao::render::DEFAULTS {
        assert!(text.starts_with("{#"), "{name} opens without a comment");
        for (i, line) in text.lines().enumerate() {
            let chars = line.chars().count();
            assert!(
                chars <= MAX_LINE_CHARS,
                "{name}:{} has {chars} characters",
                i + 1
            );
        }
    }
}

#[test]
fn every_file_under_templates_is_a_default() {
    let dir = root().join("templates");
    let mut on_disk: Vec<String> = jixiao::render::files_under(&dir)
        .unwrap()
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tera"))
        .map(|p| {
            let rel = p.strip_prefix(&dir).unwrap();
            rel.components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    on_disk.sort();
    let defaults: Vec<String> = jixiao::render::DEFAULTS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    assert_eq!(defaults, on_disk);
    for (name, text) in jixiao::render::DEFAULTS {
        assert_eq!(*text, fs::read_to_string(dir.join(name)).unwrap(), "{name}");
    }
}

/// A report built from the bundled data: its Markdown lines (blank lines
/// left out) and the texts of its DOCX paragraphs (table cells included), in document order.
struct Built {
    markdown: Vec<String>,
    paragraphs: Vec<String>,
}

/// Builds the bundled data with the default templates, or with `overrides`
/// (template name, text) written to a temporary templates directory.
fn build(overrides: &[(&str, String)]) -> Built {
    let templates = tempfile::tempdir().unwrap();
    for (name, text) in overrides {
        let path = templates.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let mut command = jixiao_command(&["build", DATA, "--allow-errors", "-o"]);
    command.arg(out.path());
    if !overrides.is_empty() {
        command.arg("--templates").arg(templates.path());
    }
    let o = command.output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let markdown = fs::read_to_string(out.path().join("2024.md")).unwrap();
    let docx = fs::read(out.path().join("2024.docx")).unwrap();
    Built {
        markdown: markdown
            .lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        paragraphs: body(&docx)
            .find_all("w:p")
            .iter()
            .map(|p| p.text())
            .collect(),
    }
}

/// The default text of template `name`.
fn default_template(name: &str) -> String {
    jixiao::render::DEFAULTS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| t.to_string())
        .unwrap_or_else(|| panic!("no default template {name}"))
}

/// `text` with `old` (found exactly once) replaced by `new`.
fn replace_once(text: &str, old: &str, new: &str) -> String {
    assert_eq!(text.matches(old).count(), 1, "{old:?} not found once");
    text.replacen(old, new, 1)
}

/// The indexes at which `before` and `after` differ, when they have the same
/// length (a paragraph changed, none added or removed).
fn changed(before: &[String], after: &[String]) -> Vec<usize> {
    assert_eq!(before.len(), after.len(), "paragraphs added or removed");
    (0..before.len())
        .filter(|&i| before[i] != after[i])
        .collect()
}

/// The single item of `after` that `before` lacks, when `after` is `before`
/// with one item inserted; its index.
fn inserted(before: &[String], after: &[String]) -> usize {
    assert_eq!(after.len(), before.len() + 1, "not one paragraph added");
    let at = (0..before.len())
        .find(|&i| before[i] != after[i])
        .unwrap_or(before.len());
    assert_eq!(
        &before[at..],
        &after[at + 1..],
        "more than one paragraph changed"
    );
    at
}

/// The index of the first item of `items` equal to `text`.
fn index_of(items: &[String], text: &str) -> usize {
    items
        .iter()
        .position(|l| l == text)
        .unwrap_or_else(|| panic!("no {text:?}"))
}

#[test]
fn changing_a_sentence_of_section_three_changes_only_that_paragraph() {
    let name = "sections/03-government-funds.md.tera";
    let sentence = "本单位当年没有政府性基金预算支出。";
    let text = replace_once(
        &default_template(name),
        "\n无。\n",
        &format!("\n{sentence}\n"),
    );
    let before = build(&[]);
    let after = build(&[(name, text)]);

    let heading = "## 三、政府性基金预算支出情况";
    let lines = changed(&before.markdown, &after.markdown);
    assert_eq!(lines, [index_of(&after.markdown, heading) + 1]);
    assert_eq!(after.markdown[lines[0]], sentence);

    let paragraphs = changed(&before.paragraphs, &after.paragraphs);
    assert_eq!(
        paragraphs,
        [index_of(&after.paragraphs, "三、政府性基金预算支出情况") + 1]
    );
    assert_eq!(after.paragraphs[paragraphs[0]], sentence);
}

#[test]
fn changing_a_column_title_of_attachment_two_leaves_attachment_three() {
    let name = "attachments/2-unit-evaluation.md.tera";
    let (old, new) = ("偏差原因分析及改进措施", "偏差原因及改进措施");
    let text = replace_once(&default_template(name), old, new);
    let before = build(&[]);
    let after = build(&[(name, text)]);

    // One line of the Markdown: the head row of 附件2's indicator table.
    let lines = changed(&before.markdown, &after.markdown);
    assert_eq!(lines.len(), 1);
    assert!(lines[0] > index_of(&after.markdown, "附件2"));
    assert!(lines[0] < index_of(&after.markdown, "附件3"));
    // One cell of the DOCX; 附件3's tables keep the old title.
    assert_eq!(changed(&before.paragraphs, &after.paragraphs).len(), 1);
    let attachment3 = index_of(&after.paragraphs, "附件3");
    assert!(after.paragraphs[attachment3..].iter().any(|p| p == old));
    assert!(!after.paragraphs[attachment3..].iter().any(|p| p == new));
}

#[test]
fn a_paragraph_added_with_a_figure_from_vars_shows_that_figure() {
    // The figure, as a maintainer finds it: `jixiao vars` lists its path.
    let path = "overall.income[3].value";
    let vars = stdout(&jixiao(&["vars", DATA]));
    let value = vars
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{path}\t")))
        .and_then(|rest| rest.rsplit('\t').next())
        .unwrap_or_else(|| panic!("{path} not listed by vars"))
        .to_string();

    let name = "sections/02-general-budget.md.tera";
    let anchor = "\n\n### ㈡项目支出情况";
    let paragraph = format!("当年使用其他资金{{{{ {path} | money }}}}万元。");
    let text = replace_once(
        &default_template(name),
        anchor,
        &format!("\n\n{paragraph}{anchor}"),
    );
    let before = build(&[]);
    let after = build(&[(name, text)]);

    let expected = format!("当年使用其他资金{value}万元。");
    let at = inserted(&before.markdown, &after.markdown);
    assert_eq!(after.markdown[at], expected);
    assert_eq!(after.markdown[at + 1], "### ㈡项目支出情况");
    let at = inserted(&before.paragraphs, &after.paragraphs);
    assert_eq!(after.paragraphs[at], expected);
    assert_eq!(after.paragraphs[at + 1], "㈡项目支出情况");
}

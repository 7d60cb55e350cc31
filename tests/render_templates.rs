//! The template maintainer's flow through the binary: export the defaults,
//! change a sentence, build with `--templates`, fall back to the defaults for
//! files not kept, get a clear error (and no output) from a broken template,
//! and look variables up with `vars`. Also: a build is byte-for-byte repeatable.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{DATA, jixiao, stderr, stdout};
use tempfile::TempDir;

const PROBLEMS: &str = "sections/07-problems.md.tera";
const OLD_HEADING: &str = "存在的问题及原因分析";
const NEW_HEADING: &str = "存在的主要问题";

fn path(p: &Path) -> &str {
    p.to_str().expect("temporary paths are UTF-8")
}

/// `jixiao build data/2024.yaml --allow-errors -o OUT [--templates DIR]`.
fn build(out: &Path, templates: Option<&Path>) -> Output {
    let mut args = vec!["build", DATA, "--allow-errors", "-o", path(out)];
    if let Some(dir) = templates {
        args.extend(["--templates", path(dir)]);
    }
    jixiao(&args)
}

fn export(dir: &Path) -> Output {
    jixiao(&["templates", "export", path(dir)])
}

/// Every file under `dir`, by relative path, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let p = entry.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.insert(rel, fs::read(&p).unwrap());
            }
        }
    }
    out
}

fn report(out: &Path) -> String {
    fs::read_to_string(out.join("2024.md")).expect("OUT/2024.md was written")
}

/// The exported templates with the 七 heading changed.
fn exported_with_new_heading(tmp: &TempDir) -> PathBuf {
    let dir = tmp.path().join("my-templates");
    let o = export(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = dir.join(PROBLEMS);
    let text = fs::read_to_string(&file).unwrap();
    assert!(text.contains(OLD_HEADING), "{text}");
    fs::write(&file, text.replace(OLD_HEADING, NEW_HEADING)).unwrap();
    dir
}

#[test]
fn export_writes_every_default_and_refuses_to_overwrite() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("my-templates");
    let o = export(&dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let written = files(&dir);
    assert_eq!(
        written.len(),
        jixiao::render::DEFAULTS.len(),
        "{:?}",
        written.keys()
    );
    for (name, text) in jixiao::render::DEFAULTS {
        assert_eq!(
            written.get(*name).map(Vec::as_slice),
            Some(text.as_bytes()),
            "{name} is not the default"
        );
    }
    assert!(written.contains_key(jixiao::render::ENTRY));

    // A second export would overwrite the maintainer's work: refused.
    let edited = dir.join(PROBLEMS);
    fs::write(&edited, "## 七、改过的\n").unwrap();
    let o = export(&dir);
    assert!(!o.status.success(), "a second export succeeded");
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&edited).unwrap(), "## 七、改过的\n");

    let o = jixiao(&["templates", "export", path(&dir), "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&dir), written, "--force restores the defaults");
}

#[test]
fn a_changed_sentence_reaches_the_report() {
    let tmp = TempDir::new().unwrap();
    let dir = exported_with_new_heading(&tmp);
    let out = tmp.path().join("out");
    let o = build(&out, Some(&dir));
    assert!(o.status.success(), "{}", stderr(&o));
    let md = report(&out);
    assert!(md.contains(&format!("## 七、{NEW_HEADING}")), "{md}");
    assert!(!md.contains(OLD_HEADING), "the old heading is still there");
    // The rest of the report is as usual.
    assert!(md.contains("## 八、下一步改进措施"));
    assert!(md.contains("附件2"));
}

#[test]
fn only_the_changed_file_needs_to_be_kept() {
    let tmp = TempDir::new().unwrap();
    let dir = exported_with_new_heading(&tmp);
    for name in files(&dir).keys() {
        if name != PROBLEMS {
            fs::remove_file(dir.join(name)).unwrap();
        }
    }
    assert_eq!(files(&dir).len(), 1);
    let out = tmp.path().join("out");
    let o = build(&out, Some(&dir));
    assert!(o.status.success(), "{}", stderr(&o));
    let changed = report(&out);
    assert!(changed.contains(&format!("## 七、{NEW_HEADING}")));
    assert!(!changed.contains(OLD_HEADING));

    // Everything else is the defaults' output.
    let plain_out = tmp.path().join("plain");
    let o = build(&plain_out, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let plain = report(&plain_out);
    assert_eq!(changed.replace(NEW_HEADING, OLD_HEADING), plain);
}

/// Builds with `PROBLEMS` replaced by `broken`; checks the failure names the
/// file and line, and that no report was written (or the old one kept).
fn assert_fails_cleanly(broken: &str, line: usize, what: &str) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("my-templates");
    fs::create_dir_all(dir.join("sections")).unwrap();
    let mut text = String::from("## 七、存在的问题及原因分析\n\n");
    for _ in 3..line {
        text.push('\n');
    }
    text.push_str(broken);
    text.push('\n');
    fs::write(dir.join(PROBLEMS), &text).unwrap();

    // Into a fresh directory: nothing is written.
    let out = tmp.path().join("out");
    let o = build(&out, Some(&dir));
    let err = stderr(&o);
    assert!(!o.status.success(), "{what}: build succeeded");
    assert!(
        err.contains(PROBLEMS),
        "{what}: the file is not named:\n{err}"
    );
    assert!(
        err.contains(&format!("第 {line} 行")) || err.contains(&format!("{PROBLEMS}:{line}:")),
        "{what}: line {line} is not named:\n{err}"
    );
    assert!(
        !out.join("2024.md").exists(),
        "{what}: a report was written"
    );
    assert!(
        !out.join("2024.docx").exists(),
        "{what}: a DOCX was written"
    );

    // Over an earlier good build: its files keep their bytes.
    let good = build(&out, None);
    assert!(good.status.success(), "{}", stderr(&good));
    let before = files(&out);
    assert!(before.contains_key("2024.md"));
    let o = build(&out, Some(&dir));
    assert!(!o.status.success(), "{what}: build succeeded");
    assert_eq!(files(&out), before, "{what}: the earlier output changed");
}

#[test]
fn undefined_variable_fails_with_file_and_line() {
    assert_fails_cleanly("{{ no_such_thing }}", 3, "undefined variable");
}

#[test]
fn unknown_filter_fails_with_file_and_line() {
    assert_fails_cleanly("{{ year | nosuch }}", 4, "unknown filter");
}

#[test]
fn syntax_error_fails_with_file_and_line() {
    assert_fails_cleanly("{% if %}", 5, "syntax error");
}

#[test]
fn unknown_field_fails_with_file_and_line() {
    assert_fails_cleanly("{{ unit.no_such_field }}", 3, "undefined field");
}

#[test]
fn undefined_variable_is_named_in_chinese() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("t");
    fs::create_dir_all(dir.join("sections")).unwrap();
    fs::write(dir.join(PROBLEMS), "{{ no_such_thing }}\n").unwrap();
    let o = build(&tmp.path().join("out"), Some(&dir));
    assert!(stderr(&o).contains("未定义的变量"), "{}", stderr(&o));
}

#[test]
fn unknown_filter_is_located_like_other_errors() {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("t");
    fs::create_dir_all(dir.join("sections")).unwrap();
    fs::write(dir.join(PROBLEMS), "\n{{ year | nosuch }}\n").unwrap();
    let o = build(&tmp.path().join("out"), Some(&dir));
    let err = stderr(&o);
    assert!(err.contains(&format!("模板 {PROBLEMS} 第 2 行")), "{err}");
}

#[test]
fn vars_lists_what_the_templates_use() {
    let o = jixiao(&["vars", DATA]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let rows: BTreeMap<&str, (&str, &str)> = out
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.splitn(3, '\t');
            Some((cols.next()?, (cols.next()?, cols.next()?)))
        })
        .collect();
    let (meaning, value) = rows["overall.execution_rate"];
    assert!(meaning.contains("执行率"), "{meaning}");
    assert_eq!(value, "96.46");
    for path in [
        "year",
        "previous_year",
        "unit.name",
        "unit.short_name",
        "unit.staffing.control_rate",
        "goals.achieved",
        "basic.actual",
        "projects_total.actual",
        "projects[0].name",
        "projects[0].evaluation.total_score",
        "budget_types[0].total.execution_rate",
        "overall.income[0].value",
        "evaluation.total_score",
        "evaluation.categories[0].subcategories[0].indicators[0].target",
        "base.three_public.total.last_year",
        "narrative.problems",
    ] {
        assert!(rows.contains_key(path), "vars does not list {path}");
    }
}

/// Every `{{ … }}` in the default templates that starts from a context
/// variable (not a loop variable or a `set` name) names a path `jixiao vars` lists.
#[test]
fn every_top_level_variable_of_the_defaults_is_in_vars() {
    let o = jixiao(&["vars", DATA]);
    let out = stdout(&o);
    let listed: std::collections::BTreeSet<&str> = out
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').next())
        .collect();
    let roots: std::collections::BTreeSet<&str> = listed
        .iter()
        .map(|p| p.split(['.', '[']).next().unwrap())
        .collect();
    // Names the templates bind themselves (loop variables, `set`).
    let mut locals: std::collections::BTreeSet<String> =
        ["loop"].into_iter().map(String::from).collect();
    for (_, text) in jixiao::render::DEFAULTS {
        for tag in text.split("{%").skip(1) {
            let tag = tag
                .split("%}")
                .next()
                .unwrap()
                .trim()
                .trim_start_matches('-')
                .trim();
            let mut words = tag.split_whitespace();
            match words.next() {
                // `{% for x in … %}`, `{% for k, v in … %}`
                Some("for") => {
                    for word in words.take_while(|w| *w != "in") {
                        locals.insert(word.trim_matches(',').to_string());
                    }
                }
                // `{% set x = … %}`, `{% set_global x = … %}`
                Some("set") | Some("set_global") => {
                    if let Some(name) = words.next() {
                        locals.insert(name.split('=').next().unwrap_or_default().to_string());
                    }
                }
                // `{% macro m(a, b) %}`: its parameters
                Some("macro") => {
                    let rest: String = words.collect::<Vec<_>>().join(" ");
                    if let Some(params) = rest.split('(').nth(1) {
                        for param in params.trim_end_matches(')').split(',') {
                            let param = param.split('=').next().unwrap_or_default().trim();
                            locals.insert(param.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut unknown = Vec::new();
    let mut checked = 0;
    for (name, text) in jixiao::render::DEFAULTS {
        for expr in text.split("{{").skip(1) {
            let expr = expr.split("}}").next().unwrap().trim();
            let expr = expr.trim_start_matches('(').trim();
            let root: String = expr
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let literal = root.starts_with(|c: char| c.is_ascii_digit());
            if root.is_empty() || literal || locals.contains(&root) {
                continue;
            }
            if !roots.contains(root.as_str()) {
                unknown.push(format!("{name}: {{{{ {expr} }}}}"));
            }
            // A dotted path from the root must be listed as such.
            let path: String = expr
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
                .collect();
            if !listed.contains(path.as_str()) {
                unknown.push(format!("{name}: {path}"));
            }
            checked += 1;
        }
    }
    assert!(unknown.is_empty(), "not in `jixiao vars`: {unknown:#?}");
    assert!(
        checked > 50,
        "only {checked} top-level paths found in the templates"
    );
}

#[test]
fn building_twice_gives_identical_bytes() {
    let tmp = TempDir::new().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let o = build(&a, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = build(&b, None);
    assert!(o.status.success(), "{}", stderr(&o));
    let (fa, fb) = (files(&a), files(&b));
    assert!(fa.contains_key("2024.md"), "{:?}", fa.keys());
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(&fb[name] == bytes, "{name} differs between two builds");
    }
    // And the same again into a directory that already holds the output.
    let o = build(&a, None);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(files(&a), fa);
}

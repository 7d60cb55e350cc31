//! The quick reader (src/model/quick.rs) and serde-saphyr must load every file
//! alike: the same facts, notes and places, or the same error. `load_str`
//! uses the quick reader when it can; `load_str_by_serde_saphyr` never does.
//! Compared here on the bundled files, the bad-input corpus, and variants of
//! the sample unit's file in which one value at a time is written otherwise
//! (null, quoted, tagged, anchored, as a list, repeated, …).

#![allow(clippy::result_large_err)]

use std::path::Path;

use jixiao::model::{LoadError, Loaded, load_str, load_str_by_serde_saphyr};

/// What a user gets from loading: the facts and notes, or the error's kind,
/// place and message.
fn outcome(result: Result<Loaded, LoadError>) -> String {
    match result {
        Ok(loaded) => format!("{:?}\n{:?}", loaded.facts, loaded.notes),
        Err(e) => format!("{:?} {:?} {:?} {}", e.kind, e.at, e.path, e.message),
    }
}

fn assert_alike(text: &str, what: &str) {
    let quick = outcome(load_str(text, "f.yaml"));
    let full = outcome(load_str_by_serde_saphyr(text, "f.yaml"));
    assert!(
        quick == full,
        "readers differ on {what}:\n{quick}\n---\n{full}"
    );
}

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

#[test]
fn bundled_files_load_alike() {
    for path in ["data/2024.yaml", "data/examples/sample-county-2024.yaml"] {
        let text = read(path);
        assert!(load_str(&text, path).is_ok(), "{path} loads");
        assert_alike(&text, path);
    }
}

#[test]
fn bad_inputs_load_alike() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_inputs");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // not UTF-8: refused before either reader
        };
        assert_alike(&text, &path.display().to_string());
        seen += 1;
    }
    assert!(seen >= 20, "only {seen} corpus files read");
}

/// Ways of writing a value otherwise; `{}` is the value as written.
const REWRITES: &[&str] = &[
    "~",
    "",
    "null",
    "NULL",
    "\"{}\"",
    "'{}'",
    "!!str {}",
    "!custom {}",
    "&anchor {}",
    "[{}]",
    "{x: {}}",
    "{} # 注释",
    "|\n      {}",
    ">-\n      {}",
    "true",
    "0x1F",
    "-{}",
    "\"{}\\t\"",
];

/// The line with its value rewritten by `rewrite`, or `None` when the line
/// has no value (a comment, a key that opens a block, a blank line).
fn rewrite_line(line: &str, rewrite: &str) -> Option<String> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    let split = line
        .find(": ")
        .map(|i| i + 2)
        .or_else(|| line.find("- ").map(|i| i + 2))?;
    let (head, value) = line.split_at(split);
    let value = value.trim_end();
    if value.is_empty() || value.starts_with('#') {
        return None;
    }
    let escaped = if rewrite.starts_with('"') {
        value.replace('\\', "\\\\").replace('"', "\\\"")
    } else {
        value.to_owned()
    };
    Some(format!("{head}{}", rewrite.replace("{}", &escaped)))
}

#[test]
fn rewritten_values_load_alike() {
    let text = read("data/examples/sample-county-2024.yaml");
    let lines: Vec<&str> = text.lines().collect();
    let mut tried = 0;
    for (i, line) in lines.iter().enumerate() {
        let rewrite = REWRITES[i % REWRITES.len()];
        let Some(new_line) = rewrite_line(line, rewrite) else {
            continue;
        };
        let mut variant: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        variant[i] = new_line;
        assert_alike(
            &variant.join("\n"),
            &format!("line {} as {rewrite:?}", i + 1),
        );
        tried += 1;
    }
    assert!(tried > 200, "only {tried} variants");
}

#[test]
fn repeated_lines_load_alike() {
    let text = read("data/examples/sample-county-2024.yaml");
    let lines: Vec<&str> = text.lines().collect();
    for i in (0..lines.len()).step_by(23) {
        let mut variant = lines.clone();
        variant.insert(i, lines[i]);
        assert_alike(&variant.join("\n"), &format!("line {} repeated", i + 1));
    }
}

#[test]
fn whole_file_forms_load_alike() {
    let text = read("data/examples/sample-county-2024.yaml");
    let forms = [
        format!("---\n{text}"),
        format!("%YAML 1.2\n---\n{text}"),
        format!("{text}\n...\n"),
        format!("{text}\n---\nyear: 2024\n"),
        format!("\u{feff}{text}"),
        text.replace('\n', "\r\n"),
        format!("{text}\nextra: 1\n"),
        format!("x: &a 1\n{text}"),
        String::new(),
        "~".to_owned(),
        "[]".to_owned(),
    ];
    for (i, form) in forms.iter().enumerate() {
        assert_alike(form, &format!("form {i}"));
    }
}

//! What the command line says to a clerk: mistakes in the arguments in
//! Chinese with the usage line and exit status 2; help pages with Chinese
//! headings; a file that cannot be loaded as one JSON object under
//! `check --format json`, also with exit status 2.

mod common;

use common::{corpus, jixiao};

/// The command's and its subcommands' names, and values of `--format`.
const COMMAND_WORDS: &[&str] = &[
    "jixiao",
    "check",
    "build",
    "vars",
    "templates",
    "export",
    "explain",
    "diff",
    "init",
    "watch",
    "schema",
    "human",
    "json",
    "md",
    "docx",
    "html",
];

/// Latin words left once what is quoted (「…」: the arguments given, the
/// suggestions), the usage line's placeholders (`<DATA>`, `[OPTIONS]`),
/// options (`--format`), values and the command's name are taken out.
fn english_words(text: &str) -> Vec<String> {
    let mut rest = text.to_string();
    while let Some(i) = rest.find('「') {
        let end = rest[i..]
            .find('」')
            .map_or(rest.len(), |j| i + j + '」'.len_utf8());
        rest.replace_range(i..end, "");
    }
    rest.split(|c: char| !(c.is_ascii_alphanumeric() || "-<>[]._".contains(c)))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        .filter(|w| !(w.starts_with('<') || w.starts_with('[') || w.starts_with('-')))
        .filter(|w| !COMMAND_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn argument_mistakes_are_said_in_chinese_with_the_usage_and_status_2() {
    let data = corpus("minimal");
    for args in [
        vec!["--bogus"],
        vec!["chek", "x"],
        vec!["check"],
        vec!["check", &data, "--format", "xml"],
        vec!["check", &data, "extra"],
        vec!["check", &data, "--deny-warnings=yes"],
        vec!["init", "--from", &data, "--year", "二〇二五"],
        vec!["build"],
        vec!["templates"],
    ] {
        let out = jixiao(&args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            !stderr.contains("error:") && !stderr.contains("Usage:"),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains("用法："),
            "{args:?}: the usage line: {stderr}"
        );
        let english = english_words(&stderr);
        assert!(english.is_empty(), "{args:?}: {english:?} in {stderr}");
    }
}

#[test]
fn a_misspelt_subcommand_gets_a_suggestion() {
    let out = jixiao(&["chek", "a.yaml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("「check」"), "{stderr}");
}

#[test]
fn help_pages_have_chinese_headings_and_status_0() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["build", "-h"],
        vec!["templates", "export", "--help"],
        vec!["help"],
        vec!["help", "check"],
    ] {
        let out = jixiao(&args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{args:?}");
        assert!(
            stdout.contains("用法：") && stdout.contains("选项："),
            "{stdout}"
        );
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Print help",
            "possible values",
            "default:",
        ] {
            assert!(
                !stdout.contains(english),
                "{args:?}: «{english}» in {stdout}"
            );
        }
    }
}

#[test]
fn check_json_gives_a_load_error_as_json_with_status_2() {
    let out = jixiao(&["check", &corpus("two_documents"), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let value: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("one JSON object on standard output");
    let error = &value["error"];
    assert_eq!(error["class"], "Syntax");
    assert_eq!(error["line"], 88);
    assert_eq!(error["column"], 1);
    assert!(error["message"].as_str().unwrap().contains("第 88 行"));
    assert!(
        value["file"]
            .as_str()
            .unwrap()
            .ends_with("two_documents.yaml")
    );
}

#[test]
fn check_json_of_a_missing_file_is_json_too() {
    let out = jixiao(&["check", "no-such-file.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["error"]["class"], "Io");
    assert!(value["error"]["line"].is_null());
    let message = value["error"]["message"].as_str().unwrap();
    assert!(english_words(message).is_empty(), "{message}");
}

//! The findings reference: every rule's entry (meaning, example, cause, fix)
//! is in `docs/findings.md` as the code writes it, `check --explain CODE`
//! prints that entry, each example is what jixiao really says of a small
//! facts file, and every finding printed names its code.

mod common;

use common::{analyse, insert_after, jixiao, minimal, remove_lines, replace_line, stdout};
use jixiao::audit::Rule;
use jixiao::audit::reference;

/// The minimal facts file with one line replaced.
fn edited(old: &str, new: &str) -> String {
    replace_line(&minimal(), old, new).0
}

/// The minimal facts file with `reported` entries appended.
fn with_reported(entries: &[&str]) -> String {
    let mut text = minimal();
    text.push_str("reported:\n");
    for e in entries {
        text.push_str(&format!("  - {e}\n"));
    }
    text
}

const PROJECT_VALUE: &str = "                  actual_value: 12";
const UNIT_VALUE: &str = "              actual_value: 5";

/// A small facts file on which `rule` is found.
fn example_facts(rule: Rule) -> String {
    match rule {
        Rule::PartsVsTotal => edited("  personnel: 80", "  personnel: 81"),
        Rule::ReportedVsComputed => {
            with_reported(&["{ figure: basic.execution_rate, value: 91.5, at: 二㈠ }"])
        }
        Rule::PrintedTwoWays => with_reported(&[
            "{ figure: basic.balance, value: 10.25, at: 二㈠ }",
            "{ figure: basic.balance, value: 10.52, at: 附件1 }",
        ]),
        Rule::ScoreVsRule => {
            let text = minimal();
            let at = common::line_no(&text, PROJECT_VALUE);
            insert_after(&text, at, "score: 80")
        }
        Rule::ScoreOutOfRange => edited(PROJECT_VALUE, "                  score: 95"),
        Rule::ScoreOutsideBand => {
            let (text, at) = replace_line(&minimal(), PROJECT_VALUE, "                  score: 50");
            insert_after(&text, at, "rating: 达成")
        }
        Rule::ShortScoreUnexplained => edited(PROJECT_VALUE, "                  score: 80"),
        Rule::LowExecutionUnexplained => edited("        actual: 55", "        actual: 40"),
        Rule::WeightsNot100 => edited(
            "                  weight: 90",
            "                  weight: 80",
        ),
        Rule::ScoreMissing => remove_lines(&minimal(), PROJECT_VALUE),
        Rule::AmountPrecision => edited("    last_year_actual: 40", "    last_year_actual: 40.125"),
        Rule::UnknownFigure => {
            with_reported(&["{ figure: basic.execution_rat, value: 91.49, at: 二㈠ }"])
        }
        Rule::Overspent => edited("        actual: 55", "        actual: 65"),
        Rule::ItemsExceedTotal => {
            let text = minimal();
            let at = common::line_no(&text, "    budget: 30");
            insert_after(
                &text,
                at,
                "items: [{ name: 办公经费, budget: 35, actual: 20 }]",
            )
        }
        Rule::Pending => edited("    last_year_actual: 40", "    last_year_actual: ~"),
        Rule::OverAchievedUnexplained => {
            let text = edited(PROJECT_VALUE, "                  actual_value: 20");
            format!("{text}rules:\n  over_achievement: 50\n")
        }
        Rule::TopWeightsDiffer => format!("{}rules:\n  profile: national\n", minimal()),
        Rule::YearOutOfRange => edited("year: 2024", "year: 20240"),
        Rule::StaffingImplausible => edited("    authorized: 10", "    authorized: 100000000"),
        Rule::OverStaffed => edited("    actual: 8", "    actual: 12"),
        Rule::AmountTooPrecise => edited("  public: 30.25", "  public: 30.250001"),
        Rule::NotApplicableScored => {
            let text = minimal();
            let at = common::line_no(&text, PROJECT_VALUE);
            let text = insert_after(&text, at, "reason: 本年未开展巡检");
            insert_after(&text, at, "applicable: false")
        }
        Rule::NoApplicableIndicator => {
            let (text, at) =
                replace_line(&minimal(), UNIT_VALUE, "              applicable: false");
            insert_after(&text, at, "reason: 本年未开展活动")
        }
        Rule::ScoreTooPrecise => edited(PROJECT_VALUE, "                  score: 89.999"),
        Rule::RescaledWeightsOff => common::replaced(
            &minimal(),
            &[
                (
                    "              weight: 90\n              target: ≥5次",
                    "              weight: 10\n              target: ≥5次",
                ),
                (
                    UNIT_VALUE,
                    "              actual_value: 5
            - name: 走访企业数
              weight: 10
              target: ≥5家
              actual: 走访企业5家。
              actual_value: 5
            - name: 培训人次
              weight: 50
              target: ≥100人次
              actual: 培训100人次。
              actual_value: 100
            - name: 安全事故处置次数
              weight: 20
              target: ≥1次
              actual: 本年未发生安全事故。
              applicable: false
              reason: 本年未发生安全事故，无处置对象",
                ),
            ],
        ),
        Rule::Overflow => {
            let text = edited(
                "  personnel: 80",
                "  personnel: 50000000000000000000000000000",
            );
            replace_line(
                &text,
                "  public: 30.25",
                "  public: 50000000000000000000000000000",
            )
            .0
        }
    }
}

/// Every rule, each found on its own small facts file.
fn examples() -> impl Iterator<Item = (Rule, String)> {
    Rule::ALL.into_iter().map(|r| (r, example_facts(r)))
}

#[test]
fn each_example_is_what_check_says_of_a_small_file() {
    for (rule, text) in examples() {
        let a = analyse(&text, "示例.yaml");
        let messages: Vec<&str> = a
            .findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.message.as_str())
            .collect();
        assert!(
            messages.contains(&rule.entry().example),
            "{}: the example is not among {messages:?}",
            rule.code()
        );
    }
}

#[test]
fn the_rules_are_every_code_the_audit_knows() {
    let codes: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, codes, "codes in order, each once");
    // The codes written in the audit's sources are those of the entries.
    let mut written = std::collections::BTreeSet::new();
    for file in std::fs::read_dir(common::root().join("src/audit")).unwrap() {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        for (i, _) in text.match_indices("\"J") {
            let code: String = text[i + 1..].chars().take_while(|c| *c != '"').collect();
            if code.len() > 1 && code[1..].chars().all(|c| c.is_ascii_digit()) {
                written.insert(code);
            }
        }
    }
    assert_eq!(written.iter().collect::<Vec<_>>(), codes);
    for code in &codes {
        assert_eq!(Rule::of_code(code).map(Rule::code), Some(*code));
        assert_eq!(
            Rule::of_code(&code.to_lowercase()).map(Rule::code),
            Some(*code)
        );
    }
    for unknown in [
        "", "J", "J0", "J019", "J13", "J0130", "J 013", "013", "JJ013", "Ｊ013",
    ] {
        assert_eq!(Rule::of_code(unknown), None, "{unknown:?}");
    }
}

const DOC: &str = "docs/findings.md";

#[test]
fn the_findings_doc_is_the_reference_as_the_code_writes_it() {
    let path = common::root().join(DOC);
    let expected = reference::document();
    if std::env::var_os("JIXIAO_WRITE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == expected,
        "{DOC} is out of date; run JIXIAO_WRITE_DOCS=1 cargo test --test findings_reference"
    );
    for rule in Rule::ALL {
        assert_eq!(
            written.matches(&format!("\n## {} ", rule.code())).count(),
            1,
            "{} has one section",
            rule.code()
        );
    }
}

#[test]
fn check_explain_prints_the_entry_of_the_doc() {
    let doc = reference::document();
    for rule in Rule::ALL {
        let o = jixiao(&["check", "--explain", &rule.code().to_lowercase()]);
        assert_eq!(o.status.code(), Some(0), "{}", rule.code());
        let printed = stdout(&o);
        assert!(printed.starts_with(&format!("## {} ", rule.code())));
        assert!(doc.contains(&format!("\n{printed}")), "{}", rule.code());
        assert!(printed.contains(rule.entry().example));
    }
}

#[test]
fn an_unknown_code_is_exit_code_2_listing_the_known_ones() {
    for unknown in ["J099", "J13", "", "2024"] {
        let o = jixiao(&["check", "--explain", unknown]);
        assert_eq!(o.status.code(), Some(2), "{unknown:?}");
        assert!(o.stdout.is_empty());
        let said = common::stderr(&o);
        for rule in Rule::ALL {
            assert!(said.contains(rule.code()), "{unknown:?}: {said}");
        }
    }
    // A code and a data file at once is a usage error, not a silent choice.
    let o = jixiao(&["check", common::DATA, "--explain", "J013"]);
    assert_eq!(o.status.code(), Some(2));
    // Without a data file and without --explain, check still wants the file.
    assert_eq!(jixiao(&["check"]).status.code(), Some(2));
}

/// A file with errors and warnings of several rules at once.
fn several_findings() -> String {
    let text = edited("  personnel: 80", "  personnel: 81");
    let text = replace_line(&text, "        actual: 55", "        actual: 65").0;
    let text = replace_line(&text, "    actual: 8", "    actual: 12").0;
    replace_line(
        &text,
        "    last_year_actual: 40",
        "    last_year_actual: 40.125",
    )
    .0
}

/// The codes of the findings a command printed, in order: the second word of
/// each line that starts with a severity.
fn printed_codes(printed: &str) -> Vec<String> {
    printed
        .lines()
        .filter(|l| l.starts_with("错误 ") || l.starts_with("警告 "))
        .map(|l| l.split(' ').nth(1).unwrap_or_default().to_string())
        .collect()
}

/// The facts written to a temporary directory, with the codes of what
/// `check` finds in them.
fn unit_on_disk() -> (tempfile::TempDir, Vec<String>) {
    let text = several_findings();
    let codes: Vec<String> = analyse(&text, "示例.yaml")
        .findings
        .iter()
        .map(|f| f.code.to_string())
        .collect();
    assert!(codes.len() >= 4, "{codes:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("示例.yaml"), text).unwrap();
    (dir, codes)
}

/// `build` or `watch` of the unit on disk, writing Markdown even with errors.
fn output_args(command: &str) -> [&str; 7] {
    [
        command,
        "示例.yaml",
        "--allow-errors",
        "--format",
        "md",
        "-o",
        "out",
    ]
}

#[test]
fn every_finding_check_and_build_print_names_its_code() {
    let (dir, codes) = unit_on_disk();
    let human = common::jixiao_in(dir.path(), &["check", "示例.yaml"]);
    assert_eq!(printed_codes(&stdout(&human)), codes);
    let json = common::jixiao_in(dir.path(), &["check", "示例.yaml", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let in_json: Vec<String> = value["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(in_json, codes);
    let build = common::jixiao_in(dir.path(), &output_args("build"));
    assert_eq!(build.status.code(), Some(0), "{}", common::stderr(&build));
    assert_eq!(printed_codes(&stdout(&build)), codes);
    // Refused for its errors, build still lists them by code.
    let refused = common::jixiao_in(dir.path(), &["build", "示例.yaml", "-o", "out2"]);
    assert_ne!(refused.status.code(), Some(0));
    assert_eq!(printed_codes(&stdout(&refused)), codes);
    for code in &codes {
        assert!(Rule::of_code(code).is_some(), "{code} has an entry");
    }
}

#[cfg(unix)]
#[test]
fn every_finding_watch_prints_names_its_code() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    use std::time::Duration;

    let (dir, codes) = unit_on_disk();
    let mut child = common::jixiao_command(&output_args("watch"))
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (send, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = String::new();
    while let Ok(line) = lines.recv_timeout(Duration::from_secs(60)) {
        let done = line.starts_with("生成完成") || line.starts_with("生成失败");
        seen.push_str(&line);
        seen.push('\n');
        if done {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(printed_codes(&seen), codes, "{seen}");
}

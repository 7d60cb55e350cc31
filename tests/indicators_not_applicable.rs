//! Indicators that do not apply this year (`applicable: false` with a
//! `reason`): dropped from scoring, the other indicators of their 一级
//! category re-scaled to share its weight (按百分制折算), every figure worked
//! out by hand below; and the inputs that must be refused, at their line.

mod common;
mod docx_support;

use common::{analyse, d, line_of, load_err, minimal, replaced, set_line};
use jixiao::model::load::LoadErrorKind;

/// The unit table of the smallest file, made into 产出 50 of four indicators
/// weighing 10/10/15/15, the second of which does not apply, and 效益 40.
fn unit_with_one_not_applicable() -> String {
    replaced(
        &minimal(),
        &[(
            "            - name: 开展活动次数
              weight: 90
              target: ≥5次
              actual: 开展活动5次。
              actual_value: 5
",
            "            - name: 开展活动次数
              weight: 10
              target: ≥5次
              actual: 开展活动5次。
              actual_value: 5
            - name: 安全事故处置次数
              weight: 10
              target: ≥2次
              actual: 本年未发生安全事故。
              applicable: false
              reason: 本年未发生安全事故，无处置对象
            - name: 培训人次
              weight: 15
              target: ≥200人次
              actual: 培训168人次。
              actual_value: 168
              deviation: 部分培训推迟到下一年度
            - name: 服务企业数
              weight: 15
              target: ≥40家
              actual: 服务46家。
              actual_value: 46
    - name: 效益指标
      subcategories:
        - name: 社会效益指标
          indicators:
            - name: 政策知晓率
              weight: 40
              target: ≥90%
              actual: 知晓率95%。
              actual_value: 95
",
        )],
    )
}

const OUTPUT: &str = "unit.indicator[产出指标/数量指标";

fn figure(text: &str, name: &str) -> Option<rust_decimal::Decimal> {
    analyse(text, "unit.yaml").figures.number(name)
}

#[test]
fn the_others_share_the_category_weight_in_proportion() {
    let text = unit_with_one_not_applicable();
    let analysis = analyse(&text, "unit.yaml");
    let f = |name: &str| analysis.figures.number(name);
    // 产出 50 = 10 + 10 + 15 + 15; 安全事故处置次数 (10) does not apply, so
    // the 40 that apply share 50: each weight × 50 ÷ 40 = × 1.25.
    assert_eq!(f("unit.category[产出指标].weight"), Some(d("50")));
    assert_eq!(
        f("unit.category[产出指标].applicable_weight"),
        Some(d("40"))
    );
    // 开展活动次数: 10 × 50 ÷ 40 = 12.5, target ≥5 met → 12.5.
    assert_eq!(
        f(&format!("{OUTPUT}/开展活动次数].rescaled_weight")),
        Some(d("12.5"))
    );
    assert_eq!(f(&format!("{OUTPUT}/开展活动次数].score")), Some(d("12.5")));
    // 培训人次: 15 × 50 ÷ 40 = 18.75; 168 ÷ 200 = 0.84 × 18.75 = 15.75.
    assert_eq!(
        f(&format!("{OUTPUT}/培训人次].rescaled_weight")),
        Some(d("18.75"))
    );
    assert_eq!(f(&format!("{OUTPUT}/培训人次].score")), Some(d("15.75")));
    // 服务企业数: 18.75, ≥40 met with 46 → 18.75.
    assert_eq!(f(&format!("{OUTPUT}/服务企业数].score")), Some(d("18.75")));
    // The one that does not apply keeps its weight as written, has no score
    // and no re-scaled weight.
    assert_eq!(
        f(&format!("{OUTPUT}/安全事故处置次数].weight")),
        Some(d("10"))
    );
    assert_eq!(f(&format!("{OUTPUT}/安全事故处置次数].score")), None);
    assert!(
        analysis
            .figures
            .get(&format!("{OUTPUT}/安全事故处置次数].rescaled_weight"))
            .is_none()
    );
    // 数量指标 is worth what its applicable indicators are: 12.5 + 18.75 +
    // 18.75 = 50, and scores 12.5 + 15.75 + 18.75 = 47.
    assert_eq!(
        f("unit.subcategory[产出指标/数量指标].weight"),
        Some(d("50"))
    );
    assert_eq!(
        f("unit.subcategory[产出指标/数量指标].score"),
        Some(d("47"))
    );
    assert_eq!(f("unit.category[产出指标].score"), Some(d("47")));
    // 效益 40 has no indicator that does not apply: nothing re-scaled.
    assert!(
        analysis
            .figures
            .get("unit.indicator[效益指标/社会效益指标/政策知晓率].rescaled_weight")
            .is_none()
    );
    assert!(
        analysis
            .figures
            .get("unit.category[效益指标].applicable_weight")
            .is_none()
    );
    // Execution: 165.25 ÷ 180.5 = 91.55 % → 9.155 → 9.16. Total 9.16 + 47 +
    // 40 = 96.16 out of 10 + 50 + 40 = 100: 优.
    assert_eq!(f("unit.total_weight"), Some(d("100")));
    assert_eq!(f("unit.total_score"), Some(d("96.16")));
    assert_eq!(
        analysis.figures.get("unit.grade").map(|g| g.value.clone()),
        Some(jixiao::compute::Value::Text("优".into()))
    );
}

#[test]
fn explain_shows_the_rescaling_with_its_yaml_lines() {
    let text = unit_with_one_not_applicable();
    let analysis = analyse(&text, "unit.yaml");
    let out = jixiao::explain::explain(
        &analysis.figures,
        &format!("{OUTPUT}/培训人次].rescaled_weight"),
    )
    .unwrap();
    assert!(out.contains("15 × "), "{out}");
    assert!(out.contains(" 50 ÷ "), "{out}");
    assert!(out.contains(" 40（"), "{out}");
    for weight in [
        "            - name: 开展活动次数",
        "            - name: 培训人次",
    ] {
        let line = line_of(&text, weight) + 1;
        assert!(out.contains(&format!("第 {line} 行")), "line {line}: {out}");
    }
    // The category's weight counts the weight of the one that does not
    // apply; the weights that apply do not.
    let inputs = |name: &str| analysis.figures.get(name).unwrap().inputs.clone();
    let dropped = format!("{OUTPUT}/安全事故处置次数].weight");
    assert!(inputs("unit.category[产出指标].weight").contains(&dropped));
    assert!(!inputs("unit.category[产出指标].applicable_weight").contains(&dropped));
}

#[test]
fn rescaled_weights_are_rounded_by_the_files_rule() {
    // 产出 50 = 15 + 15 + 15 + 5, the 5 does not apply: 15 × 50 ÷ 45 =
    // 16.666…, 16.67 half-up and 16.66 truncated; each target met scores its
    // rounded weight, so 产出 scores 50.01 or 49.98 of its 50.
    let text = replaced(
        &unit_with_one_not_applicable(),
        &[
            (
                "              weight: 10\n              target: ≥5次",
                "              weight: 15\n              target: ≥5次",
            ),
            (
                "              weight: 10\n              target: ≥2次",
                "              weight: 5\n              target: ≥2次",
            ),
            ("actual_value: 168", "actual_value: 200"),
        ],
    );
    let rescaled = format!("{OUTPUT}/培训人次].rescaled_weight");
    assert_eq!(figure(&text, &rescaled), Some(d("16.67")));
    assert_eq!(
        figure(&text, "unit.category[产出指标].weight"),
        Some(d("50"))
    );
    assert_eq!(
        figure(&text, "unit.category[产出指标].score"),
        Some(d("50.01"))
    );
    let truncated = format!("{text}rules:\n  rounding: 截断\n");
    assert_eq!(figure(&truncated, &rescaled), Some(d("16.66")));
    assert_eq!(
        figure(&truncated, "unit.category[产出指标].score"),
        Some(d("49.98"))
    );
}

#[test]
fn applicable_true_is_the_same_as_leaving_it_out() {
    let plain = minimal();
    let line = line_of(&plain, "              actual_value: 5");
    let written = common::insert_after(&plain, line, "applicable: true");
    let a = analyse(&plain, "a.yaml").figures;
    let b = analyse(&written, "b.yaml").figures;
    let values = |f: &jixiao::compute::Figures| {
        f.iter()
            .map(|x| (x.name.clone(), x.value.clone(), x.formula.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&a), values(&b));
}

/// `unit_with_one_not_applicable` with the line reading `old` set to `new`
/// (keeping its indentation), and that line's number.
fn with(old: &str, new: &str) -> (String, usize) {
    let text = unit_with_one_not_applicable();
    let line = line_of(&text, old);
    (set_line(&text, line, new), line)
}

#[test]
fn not_applicable_without_a_reason_is_refused_at_its_line() {
    let text = unit_with_one_not_applicable();
    let line = line_of(&text, "applicable: false");
    let e = load_err(&common::remove_lines(&text, "reason: 本年未发生"));
    assert_eq!(e.kind, LoadErrorKind::Missing);
    assert_eq!(e.at.map(|a| a.line), Some(line), "{}", e.message);
    assert!(e.message.contains("安全事故处置次数"), "{}", e.message);
    // A blank reason is no reason; the error points at it.
    for blank in ["reason: \"\"", "reason: \"   \""] {
        let (text, line) = with("reason: 本年未发生", blank);
        let e = load_err(&text);
        assert_eq!(e.kind, LoadErrorKind::Missing);
        assert_eq!(e.at.map(|a| a.line), Some(line), "{}", e.message);
    }
}

#[test]
fn a_reason_on_an_indicator_that_applies_is_refused() {
    for applicable in ["applicable: true", "# applicable: false"] {
        let (text, line) = with("applicable: false", applicable);
        let e = load_err(&text);
        assert_eq!(e.kind, LoadErrorKind::InvalidValue, "{applicable}");
        assert_eq!(e.at.map(|a| a.line), Some(line + 1), "{}", e.message);
        assert!(e.message.contains("安全事故处置次数"), "{}", e.message);
    }
}

#[test]
fn applicable_is_true_or_false_never_a_chinese_word() {
    // The facts file writes every yes-or-no as YAML's true or false
    // (show_form_notes too); 是/否, a number or a quoted word is refused
    // where it stands, saying what to write.
    for written in [
        "applicable: 否",
        "applicable: \"否\"",
        "applicable: 不适用",
        "applicable: 0",
        "applicable: ~",
        "applicable: [false]",
        "applicable: { value: false }",
        "applicable:",
    ] {
        let (text, line) = with("applicable: false", written);
        let e = load_err(&text);
        assert_eq!(e.kind, LoadErrorKind::WrongType, "{written}: {}", e.message);
        assert_eq!(e.at.map(|a| a.line), Some(line), "{written}: {}", e.message);
        assert!(e.message.contains("false"), "{written}: {}", e.message);
    }
}

/// The codes of the findings on `text`, with the first line each names.
fn findings(text: &str) -> Vec<(String, Option<usize>)> {
    analyse(text, "unit.yaml")
        .findings
        .iter()
        .map(|f| (f.code.to_string(), f.lines.first().copied()))
        .collect()
}

#[test]
fn the_worked_example_checks_clean() {
    assert_eq!(findings(&unit_with_one_not_applicable()), vec![]);
}

#[test]
fn a_value_score_or_rating_on_an_indicator_that_does_not_apply_is_an_error() {
    let text = unit_with_one_not_applicable();
    let name = line_of(&text, "- name: 安全事故处置次数");
    let reason = line_of(&text, "reason: 本年未发生");
    for written in ["actual_value: 0", "score: 10", "rating: 达成"] {
        let text = common::insert_after(&text, reason, written);
        let analysis = analyse(&text, "unit.yaml");
        let found: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.code == "J025")
            .collect();
        assert_eq!(found.len(), 1, "{written}: {:?}", analysis.findings);
        assert_eq!(found[0].severity, jixiao::audit::Severity::Error);
        assert_eq!(found[0].lines.first(), Some(&name), "{written}");
        // It names the score that is not computed.
        assert_eq!(
            found[0].figures,
            [format!("{OUTPUT}/安全事故处置次数].score")],
            "{written}"
        );
        if !written.starts_with("rating") {
            assert!(found[0].lines.contains(&(reason + 1)), "{written}");
        }
        // Still not scored: the figures are those of the worked example.
        assert_eq!(
            analysis.figures.number("unit.total_score"),
            Some(d("96.16"))
        );
    }
}

#[test]
fn a_category_with_nothing_left_that_applies_is_an_error_at_its_line() {
    // Every indicator of 效益 does not apply: its 40 cannot be shared, it
    // scores 0 and says so at its line. So does one whose applicable
    // indicators all weigh 0.
    let text = unit_with_one_not_applicable();
    let benefit = line_of(&text, "- name: 效益指标");
    let value = line_of(&text, "actual_value: 95");
    let all_dropped = set_line(&text, value, "applicable: false");
    let all_dropped = common::insert_after(&all_dropped, value, "reason: 本年未开展宣传");
    assert!(findings(&all_dropped).contains(&("J026".into(), Some(benefit))));
    let analysis = analyse(&all_dropped, "unit.yaml");
    assert_eq!(
        analysis.figures.number("unit.category[效益指标].score"),
        Some(d("0"))
    );
    assert_eq!(
        analysis.figures.number("unit.category[效益指标].weight"),
        Some(d("40"))
    );
    // 9.16 + 47 + 0.
    assert_eq!(
        analysis.figures.number("unit.total_score"),
        Some(d("56.16"))
    );
    // 六 gives its subcategory no weight and no score, only its reason.
    // The note under 附件2 gives no ratio for it.
    let paragraphs = common::paragraphs(&common::markdown(&analysis));
    let mut naming = paragraphs.iter().filter(|p| p.contains("“政策知晓率”"));
    let six = naming.next().unwrap();
    assert!(six.contains("本年未开展宣传"), "{six}");
    assert!(!six.chars().any(|c| c.is_ascii_digit()), "{six}");
    let note = naming.next().unwrap();
    assert!(note.contains("50÷40") && !note.contains("÷0"), "{note}");
    // 产出 with its three applicable indicators weighing 0: 0 + 10 = 10, so
    // J009 too (10 + 10 + 40 = 60).
    let zero = replaced(
        &text,
        &[
            (
                "weight: 10\n              target: ≥5次",
                "weight: 0\n              target: ≥5次",
            ),
            (
                "weight: 15\n              target: ≥200",
                "weight: 0\n              target: ≥200",
            ),
            (
                "weight: 15\n              target: ≥40",
                "weight: 0\n              target: ≥40",
            ),
        ],
    );
    // The unit's 产出指标, after the project's.
    let output = common::lines_containing(&zero, "- name: 产出指标")[1];
    let found = findings(&zero);
    assert!(found.contains(&("J026".into(), Some(output))), "{found:?}");
    assert!(found.iter().any(|(code, _)| code == "J009"), "{found:?}");
}

#[test]
fn weights_as_written_must_still_add_up_to_100() {
    // The category keeps its weight as written (the sum of all its
    // indicators', the one that does not apply included), so a table whose
    // weights add up to 95 is 95 after re-scaling too.
    let text = replaced(
        &unit_with_one_not_applicable(),
        &[(
            "weight: 15\n              target: ≥40",
            "weight: 10\n              target: ≥40",
        )],
    );
    let analysis = analyse(&text, "unit.yaml");
    assert_eq!(analysis.figures.number("unit.total_weight"), Some(d("95")));
    assert!(analysis.findings.iter().any(|f| f.code == "J009"));
    // 45 × … ÷ 35: 10 → 12.86, 15 → 19.29, 10 → 12.86; 45.01 of 45, and
    // the finding gives that total, the category's 45 and the 0.01 between.
    let off: Vec<_> = analysis
        .findings
        .iter()
        .filter(|f| f.code == "J027")
        .collect();
    assert_eq!(off.len(), 1, "{:?}", analysis.findings);
    let figures = common::numbers(&off[0].message);
    for figure in ["45.01", "45", "0.01"] {
        assert!(figures.iter().any(|n| n == figure), "{figure}: {figures:?}");
    }
    assert!(
        !figures.iter().any(|n| n == "44.99" || n == "0.45"),
        "{figures:?}"
    );
}

#[test]
fn author_scores_are_judged_against_the_rescaled_weight() {
    // 开展活动次数 made qualitative: its weight 10 re-scales to 12.5; 达成
    // needs 80 % of 12.5 = 10 to 12.5. 10 is inside, 9.99 is not (J006),
    // and 12.5 is full marks while 12 needs a deviation (J007).
    let text = unit_with_one_not_applicable();
    let value = line_of(&text, "actual_value: 5");
    let target = line_of(&text, "target: ≥5次");
    let text = set_line(&text, target, "target: 按计划开展活动");
    let qualitative = |score: &str| {
        let t = set_line(&text, value, &format!("score: {score}"));
        common::insert_after(&t, value, "rating: 达成")
    };
    let codes = |score: &str| {
        findings(&qualitative(score))
            .into_iter()
            .map(|(c, _)| c)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("12.5"), Vec::<String>::new());
    assert_eq!(codes("10"), vec!["J007".to_string()]);
    assert!(codes("9.99").contains(&"J006".to_string()));
    assert!(codes("13").contains(&"J005".to_string()));
}

/// The worked example with a project table that re-scales too: its 产出 90
/// = 巡检次数 60 + 应急抢修次数 30, the latter not applicable → 60 × 90 ÷ 60
/// = 90.
fn unit_and_project_with_not_applicable() -> String {
    replaced(
        &unit_with_one_not_applicable(),
        &[
            (
                "                  weight: 90\n",
                "                  weight: 60\n",
            ),
            (
                "                  actual_value: 12\n",
                "                  actual_value: 12
                - name: 应急抢修次数
                  weight: 30
                  target: ≤2次
                  actual: 全年无故障。
                  applicable: false
                  reason: 全年设备无故障，无抢修任务
",
            ),
        ],
    )
}

#[test]
fn the_tables_show_not_applicable_with_the_reason_and_the_rescaled_weights() {
    let text = unit_and_project_with_not_applicable();
    let analysis = analyse(&text, "unit.yaml");
    assert_eq!(
        analysis.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        Vec::<&str>::new()
    );
    let markdown = common::markdown(&analysis);
    let docx = jixiao::pipeline::Output::Docx
        .of(&markdown, &analysis)
        .expect("lays out");
    let body = docx_support::read_back::body(&docx);
    let docx_rows = |first: &str| -> Vec<Vec<String>> {
        body.find_all("w:tr")
            .into_iter()
            .filter_map(|tr| {
                let cells: Vec<String> = tr.children_named("w:tc").map(|c| c.text()).collect();
                let at = cells.iter().position(|c| c == first)?;
                Some(cells[at..].to_vec())
            })
            .collect()
    };
    // name, target, actual, weight, score, deviation/reason.
    let expected: [(&str, [&str; 3]); 5] = [
        (
            "安全事故处置次数",
            ["10", "不适用", "本年未发生安全事故，无处置对象"],
        ),
        ("开展活动次数", ["12.5", "12.5", ""]),
        ("培训人次", ["18.75", "15.75", "部分培训推迟到下一年度"]),
        (
            "应急抢修次数",
            ["30", "不适用", "全年设备无故障，无抢修任务"],
        ),
        ("巡检次数", ["90", "90", ""]),
    ];
    for (name, [weight, score, remark]) in expected {
        for (what, rows) in [
            ("Markdown", common::table_rows(&markdown, name)),
            ("DOCX", docx_rows(name)),
        ] {
            assert_eq!(rows.len(), 1, "{what}: one row of {name}: {rows:?}");
            assert_eq!(rows[0][3..], [weight, score, remark], "{what}: {name}");
        }
    }
    // The total rows: 100 and the totals worked out above (the project:
    // execution 55 ÷ 60 = 91.67 % → 9.17, plus 90).
    let totals = common::table_rows(&markdown, "总分");
    assert_eq!(totals.len(), 2, "{totals:?}");
    assert_eq!(totals[0][1..3], ["100", "96.16"]);
    assert_eq!(totals[1][1..3], ["100", "99.17"]);
    // A note under each table names what does not apply and the ratio.
    let notes: Vec<String> = common::paragraphs(&markdown)
        .into_iter()
        .filter(|p| p.contains("不适用") && p.contains("折算"))
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(
        notes[0].contains("安全事故处置次数") && notes[0].contains("50÷40"),
        "{notes:?}"
    );
    assert!(
        notes[1].contains("应急抢修次数") && notes[1].contains("90÷60"),
        "{notes:?}"
    );
    // 六 says which indicator does not apply and why, and scores the one
    // short of its target out of its re-scaled weight.
    let paragraphs = common::paragraphs(&markdown);
    let six = paragraphs
        .iter()
        .find(|p| p.contains("“安全事故处置次数”"))
        .expect("六 names the indicator that does not apply");
    assert!(six.contains("本年未发生安全事故，无处置对象"), "{six}");
    assert!(six.contains("15.75") && six.contains("18.75"), "{six}");
    let docx_text = body.text();
    assert!(docx_text.contains("50÷40") && docx_text.contains("90÷60"));
}

#[test]
fn next_years_file_scores_it_again_and_says_why_it_did_not_apply() {
    let dir = tempfile::tempdir().unwrap();
    let from = dir.path().join("2024.yaml");
    std::fs::write(&from, unit_with_one_not_applicable()).unwrap();
    let o = common::jixiao(&["init", "--year", "2025", "--from", from.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let text = std::fs::read_to_string(dir.path().join("2025.yaml")).unwrap();
    let next = jixiao::model::load_str(&text, "2025.yaml").expect("next year's file loads");
    let indicators = &next.facts.self_evaluation.categories[0].subcategories[0].indicators;
    assert_eq!(indicators[1].name.value, "安全事故处置次数");
    assert!(indicators[1].applies() && indicators[1].reason.is_none());
    let comment = line_of(&text, "本年未发生安全事故，无处置对象");
    assert_eq!(comment, line_of(&text, "- name: 安全事故处置次数") + 1);
    assert!(
        text.lines()
            .nth(comment - 1)
            .unwrap()
            .trim_start()
            .starts_with('#')
    );
}

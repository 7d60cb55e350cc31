//! Indicators that do not apply this year (`applicable: false` with a
//! `reason`): dropped from scoring, the other indicators of their 一级
//! category re-scaled to share its weight (按百分制折算), every figure worked
//! out by hand below; and the inputs that must be refused, at their line.

mod common;

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
    ] {
        let (text, line) = with("applicable: false", written);
        let e = load_err(&text);
        assert_eq!(e.kind, LoadErrorKind::WrongType, "{written}: {}", e.message);
        assert_eq!(e.at.map(|a| a.line), Some(line), "{written}: {}", e.message);
        assert!(e.message.contains("false"), "{written}: {}", e.message);
    }
}

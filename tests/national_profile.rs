//! The bundled units under `profile: national`: every figure is the hunan
//! one except those the options predict.

mod common;

use common::{REFERENCE, analyse, d, root};
use jixiao::compute::Value;

/// The figures of `text` that differ under national, as (name, hunan, national).
fn differences(text: &str) -> Vec<(String, Value, Value)> {
    let hunan = analyse(text, "hunan.yaml");
    let national = text.replacen("  profile: hunan", "  profile: national #", 1);
    assert_ne!(national, text, "the file names its profile");
    let national = analyse(&national, "national.yaml");
    assert_eq!(
        hunan.figures.iter().count(),
        national.figures.iter().count()
    );
    hunan
        .figures
        .iter()
        .filter_map(|f| {
            let other = national.figures.get(&f.name).expect("the same figures");
            (other.value != f.value).then(|| (f.name.clone(), f.value.clone(), other.value.clone()))
        })
        .collect()
}

#[test]
fn the_reference_unit_scores_the_same_under_national() {
    // Its ≤ targets are all met and its “1辆”, “1处” targets reached exactly,
    // so neither the ≤ formula nor the “=” option decides a score; its
    // splits are 10/50/30/10.
    assert!(differences(REFERENCE).is_empty());
    let national = REFERENCE.replacen("  profile: hunan", "  profile: national #", 1);
    let a = analyse(&national, "national.yaml");
    assert!(
        a.findings
            .iter()
            .all(|f| f.code != "J016" && f.code != "J017"),
        "{:?}",
        a.findings
    );
}

#[test]
fn the_county_unit_gains_by_the_at_most_ratio_under_national() {
    let text =
        std::fs::read_to_string(root().join("data/examples/sample-county-2024.yaml")).unwrap();
    let n = |s: &str| Value::Number(d(s));
    // 单位数据存储成本 ≤0.8 万元/TB, actual 0.92, weight 5:
    // hunan (1 − 0.12 ÷ 0.8) × 5 = 4.25; national 0.8 ÷ 0.92 × 5 = 4.35;
    // its subcategory, category and the total follow (+0.10).
    let expected = vec![
        (
            "unit.indicator[产出指标/成本指标/单位数据存储成本].score",
            "4.25",
            "4.35",
        ),
        ("unit.subcategory[产出指标/成本指标].score", "9.25", "9.35"),
        ("unit.category[产出指标].score", "46.49", "46.59"),
        ("unit.total_score", "91.94", "92.04"),
    ];
    let got = differences(&text);
    let want: Vec<(String, Value, Value)> = expected
        .into_iter()
        .map(|(name, h, nat)| (name.to_string(), n(h), n(nat)))
        .collect();
    assert_eq!(got, want);
}

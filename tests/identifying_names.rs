//! Names that identify things (projects, 一级/二级/三级指标, named rows of
//! 附件1): a repeat in one list, or a blank name, is a load error at the
//! second line that names the first; names with the characters that separate
//! figure names never make two facts share a figure.

mod common;

use common::{REFERENCE, load_err, markdown, with_line};
use jixiao::Analysis;
use jixiao::model::load::{LoadErrorKind, MAX_INDICATORS};
use jixiao::model::load_str;

/// A repeated name at `again`, whose message names the line of the first.
fn assert_repeated(text: &str, again: usize, first: usize) {
    let e = load_err(text);
    assert_eq!(e.kind, LoadErrorKind::RepeatedName, "{}", e.message);
    assert_eq!(e.at.map(|a| a.line), Some(again), "{}", e.message);
    assert!(
        e.message.contains(&format!("第 {first} 行")),
        "the first line {first} is not named: {}",
        e.message
    );
}

#[test]
fn two_projects_with_one_name() {
    let text = with_line(
        REFERENCE,
        255,
        "  - name: 业务工作经费",
        "  - name: 运行维护经费",
    );
    assert_repeated(&text, 255, 92);
}

#[test]
fn a_repeat_differing_only_in_spaces_is_a_repeat() {
    let text = with_line(
        REFERENCE,
        255,
        "  - name: 业务工作经费",
        "  - name: \" 运行维护经费　\"",
    );
    assert_repeated(&text, 255, 92);
}

#[test]
fn two_categories_in_one_table() {
    let text = with_line(
        REFERENCE,
        194,
        "        - name: 效益指标",
        "        - name: 产出指标",
    );
    assert_repeated(&text, 194, 130);
}

#[test]
fn two_subcategories_in_one_category() {
    let text = with_line(
        REFERENCE,
        152,
        "            - name: 质量指标",
        "            - name: 数量指标",
    );
    assert_repeated(&text, 152, 132);
}

#[test]
fn two_indicators_in_one_subcategory() {
    let text = with_line(
        REFERENCE,
        140,
        "                - name: 新增公务用车",
        "                - name: 组织软考参考人次",
    );
    assert_repeated(&text, 140, 134);
}

#[test]
fn two_rows_of_a_base_table_list() {
    let text = with_line(
        REFERENCE,
        632,
        "      - name: 水费、电费、差旅费",
        "      - name: 办公经费",
    );
    assert_repeated(&text, 632, 628);
}

#[test]
fn a_past_project_named_like_a_current_one() {
    let text = with_line(
        REFERENCE,
        617,
        "    - name: 其他事业发展资金",
        "    - name: 运行维护经费",
    );
    assert_repeated(&text, 617, 92);
}

#[test]
fn repeated_special_funds_and_buildings() {
    let funds = REFERENCE.replace(
        "  special_funds: []",
        "  special_funds:\n    - { name: 专项甲, last_year: 1, budget: 1, actual: 1 }\n    - { name: 专项甲, last_year: 2, budget: 2, actual: 2 }",
    );
    let e = load_err(&funds);
    assert_eq!(e.kind, LoadErrorKind::RepeatedName, "{}", e.message);
    let buildings = REFERENCE.replace(
        "  buildings: []",
        "  buildings:\n    - { name: 楼甲, approved_area: 1, actual_area: 1, budget_investment: 1, actual_investment: 1 }\n    - { name: 楼甲, approved_area: 1, actual_area: 1, budget_investment: 1, actual_investment: 1 }",
    );
    let e = load_err(&buildings);
    assert_eq!(e.kind, LoadErrorKind::RepeatedName, "{}", e.message);
}

#[test]
fn blank_names_are_refused() {
    for blank in ["\"\"", "\" \"", "\"　\"", "\"\\t\""] {
        let text = with_line(
            REFERENCE,
            140,
            "                - name: 新增公务用车",
            &format!("                - name: {blank}"),
        );
        let e = load_err(&text);
        assert_eq!(
            e.kind,
            LoadErrorKind::InvalidValue,
            "{blank}: {}",
            e.message
        );
        assert_eq!(e.at.map(|a| a.line), Some(140), "{blank}: {}", e.message);
    }
    let text = with_line(REFERENCE, 92, "  - name: 运行维护经费", "  - name: \"  \"");
    let e = load_err(&text);
    assert_eq!(e.at.map(|a| a.line), Some(92), "{}", e.message);
}

#[test]
fn one_name_in_different_places_is_fine() {
    // The same indicator name under another subcategory, and the unit's and a
    // project's tables sharing category names (as every report does).
    let text = with_line(
        REFERENCE,
        154,
        "                - name: 发生网络安全次数",
        "                - name: 组织软考参考人次",
    );
    let analysis = Analysis::of(load_str(&text, "names.yaml").expect("loads"));
    let scores = analysis
        .figures
        .iter()
        .filter(|f| f.name.ends_with("组织软考参考人次].score"))
        .count();
    assert_eq!(scores, 2, "both indicators keep their own score");
}

/// Names containing the separators of figure names give distinct figures:
/// `A#2` beside `A`, and a `/` that could make a category/subcategory path
/// read two ways.
#[test]
fn separators_in_names_never_join_two_facts() {
    let text = with_line(
        REFERENCE,
        140,
        "                - name: 新增公务用车",
        "                - name: \"组织软考参考人次#2\"",
    );
    let text = text.replacen(
        "                - name: 冶金老干活动室房屋租赁",
        "                - name: \"组织软考参考人次]/x[\"",
        1,
    );
    let loaded = load_str(&text, "names.yaml").expect("loads");
    let analysis = Analysis::of(loaded);
    let indicator_scores: Vec<_> = analysis
        .figures
        .iter()
        .filter(|f| {
            f.name
                .starts_with("project[运行维护经费].indicator[产出指标/数量指标/")
        })
        .filter(|f| f.name.ends_with("].score"))
        .map(|f| f.name.clone())
        .collect();
    assert_eq!(indicator_scores.len(), 3, "{indicator_scores:?}");
    let mut unique = indicator_scores.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 3);

    // Category `甲/乙` with subcategory `丙`, and category `甲` with
    // subcategory `乙/丙`: two subcategories, two sets of figures.
    let text = REFERENCE
        .replacen("        - name: 产出指标", "        - name: 甲/乙", 1)
        .replacen("            - name: 数量指标", "            - name: 丙", 1)
        .replacen("        - name: 效益指标", "        - name: 甲", 1)
        .replacen(
            "            - name: 经济效益指标",
            "            - name: 乙/丙",
            1,
        );
    let analysis = Analysis::of(load_str(&text, "names.yaml").expect("loads"));
    let weights: Vec<_> = analysis
        .figures
        .iter()
        .filter(|f| f.name.contains(".subcategory[") && f.name.ends_with("].weight"))
        .filter(|f| f.name.starts_with("project[运行维护经费]"))
        .map(|f| (f.name.clone(), f.value.number()))
        .collect();
    let a = weights
        .iter()
        .find(|(n, _)| n.contains("[甲\\/乙/丙]"))
        .expect("subcategory 丙 of 甲/乙");
    let b = weights
        .iter()
        .find(|(n, _)| n.contains("[甲/乙\\/丙]"))
        .expect("subcategory 乙/丙 of 甲");
    assert_ne!(a.0, b.0);
}

/// A table of more indicators than any report's merged cells can span is
/// refused at load, at the name of the table's owner (here the project).
#[test]
fn a_table_with_too_many_indicators_is_refused() {
    let block = "                - name: 新增公务用车\n                  weight: 5\n                  target: 1辆\n                  actual: 新增1辆新能源汽车。\n                  actual_value: 1\n                  score: 5\n";
    assert!(REFERENCE.contains(block));
    let extra: String = (1..=MAX_INDICATORS)
        .map(|i| block.replace("新增公务用车", &format!("指标{i}")))
        .collect();
    let text = REFERENCE.replacen(block, &format!("{block}{extra}"), 1);
    let e = load_err(&text);
    assert_eq!(e.kind, LoadErrorKind::TooLarge, "{}", e.message);
    assert_eq!(e.at.map(|a| a.line), Some(92), "{}", e.message);
    // Exactly as many loads.
    let reference = load_str(REFERENCE, "names.yaml").unwrap();
    let present: usize = reference.facts.projects[0]
        .evaluation
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .map(|s| s.indicators.len())
        .sum();
    let extra: String = (1..=MAX_INDICATORS - present)
        .map(|i| block.replace("新增公务用车", &format!("指标{i}")))
        .collect();
    let text = REFERENCE.replacen(block, &format!("{block}{extra}"), 1);
    let loaded = load_str(&text, "names.yaml").unwrap_or_else(|e| panic!("{}", e.message));
    // …and its report renders, merged cells and all.
    let analysis = Analysis::of(loaded);
    let markdown = markdown(&analysis);
    jixiao::document::parse(&markdown).expect("its tables are valid");
}

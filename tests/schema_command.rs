//! The JSON Schema of the facts file (`jixiao schema`).

mod common;

use common::{DATA, jixiao_command};

fn schema() -> serde_json::Value {
    serde_json::from_str(&jixiao::schema::json()).expect("schema is JSON")
}

fn yaml_to_json(text: &str) -> serde_json::Value {
    serde_saphyr::from_str(text).expect("YAML parses")
}

fn errors(instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema()).expect("schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/jixiao.schema.json"
    ))
    .expect("schema/jixiao.schema.json exists");
    let out = jixiao_command(&["schema"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        committed,
        "schema/jixiao.schema.json is stale: run `cargo run -- schema > schema/jixiao.schema.json`"
    );
}

#[test]
fn the_bundled_data_files_validate() {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut files = vec![format!("{root}/data/2024.yaml")];
    if let Ok(dir) = std::fs::read_dir(format!("{root}/data/examples")) {
        files.extend(
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
                .map(|p| p.display().to_string()),
        );
    }
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("# yaml-language-server: $schema="),
            "{file} does not point to the schema"
        );
        let found = errors(&yaml_to_json(&text));
        assert!(found.is_empty(), "{file}: {found:#?}");
    }
}

#[test]
fn a_misspelt_key_is_rejected() {
    let text = std::fs::read_to_string(DATA).unwrap().replacen(
        "  actual: 6078.91",
        "  actaul: 6078.91",
        1,
    );
    let found = errors(&yaml_to_json(&text));
    assert!(
        found.iter().any(|e| e.contains("actaul")),
        "expected the misspelt key to be named: {found:#?}"
    );
    assert!(
        found.iter().any(|e| e.contains("/basic_expenditure")),
        "{found:#?}"
    );
}

#[test]
fn wrong_types_are_rejected_and_pending_is_accepted() {
    let text = std::fs::read_to_string(DATA).unwrap();
    let unit = text.replacen("  actual: 6078.91", "  actual: 6078.91万元", 1);
    assert!(!errors(&yaml_to_json(&unit)).is_empty());
    let negative = text.replacen("  actual: 6078.91", "  actual: -1", 1);
    assert!(!errors(&yaml_to_json(&negative)).is_empty());
    let rounding = text.replacen("rounding: 四舍五入", "rounding: 四舍六入", 1);
    assert!(!errors(&yaml_to_json(&rounding)).is_empty());
    let pending = text.replacen("  actual: 6078.91", "  actual: ~ # 待填", 1);
    assert!(errors(&yaml_to_json(&pending)).is_empty());
}

#[test]
fn every_property_has_a_chinese_description() {
    fn walk(v: &serde_json::Value, path: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (k, p) in props {
                let d = p.get("description").and_then(|d| d.as_str()).unwrap_or("");
                if !d.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                    missing.push(format!("{path}.{k}"));
                }
            }
        }
        if let Some(obj) = v.as_object() {
            for (k, child) in obj {
                walk(child, &format!("{path}/{k}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    walk(&schema(), "", &mut missing);
    assert!(missing.is_empty(), "{missing:#?}");
}

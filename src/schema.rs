//! The JSON Schema of the facts file (`jixiao schema`), generated from the
//! model's types and their Chinese doc comments, committed as
//! `schema/jixiao.schema.json` for editors: a data file whose first line is
//! `# yaml-language-server: $schema=../schema/jixiao.schema.json` gets key
//! completion, descriptions on hover and wrong keys flagged.
//!
//! Draft 7, the version YAML editors support best. Every mapping refuses
//! unknown keys (`additionalProperties: false`), as loading does.

use schemars::generate::SchemaSettings;

use crate::model::Facts;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn json() -> String {
    let mut schema = SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Facts>();
    schema.insert("title".into(), "jixiao 事实文件（data/<年度>.yaml）".into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

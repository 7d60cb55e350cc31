//! `target`：绩效指标的目标值。
//!
//! ```text
//! {{ indicator.target | target }}
//!   {op: "≥", value: "95", unit: "%", text: "95%以上"}            → 95%以上
//!   {op: "≤", value: "906.86", unit: "万元", text: "≤906.86万元"} → ≤906.86万元
//!   {op: none, value: none, unit: "%", text: "90%-100%"}           → 90%-100%
//!   {op: none, value: none, unit: none, text: "按时完成交办任务"}   → 按时完成交办任务
//!   {op: "≥", value: "95.00", unit: "%"}                          → ≥95.00%
//!   "按时完成"                                                      → 按时完成
//!   none                                                            → —
//! ```
//!
//! 有原文 `text` 时照录作者的写法（`95%以上` 不改写成 `≥95%`）；没有原文的定量目标
//! （`value` 不为空）输出 运算符 + 数值 + 单位，数值保留原写的小数位；字符串原样输出。

use tera::{Kwargs, State, TeraResult, Value};

use super::{MISSING, figure, filter_error, kwargs};

const FILTER: &str = "target";

pub(super) fn target(value: &Value, kwargs: Kwargs, _: &State) -> TeraResult<Value> {
    kwargs::expect_only(FILTER, &kwargs, &[])?;
    if value.is_none() || value.is_undefined() {
        Ok(Value::from(MISSING))
    } else if value.is_string() {
        Ok(value.clone())
    } else if value.is_map() {
        match (wording(value), field(value, "value")) {
            (Some(text), _) => Ok(text.clone()),
            (None, Some(amount)) => quantitative(value, amount).map(Value::from),
            (None, None) => Err(filter_error(
                FILTER,
                format!("目标既无 value 也无 text：{value}"),
            )),
        }
    } else {
        Err(filter_error(
            FILTER,
            format!(
                "需要目标映射或字符串，收到 {} 类型的值 {value}",
                value.name()
            ),
        ))
    }
}

/// 运算符 + 数值 + 单位，如 `≥2.5万人次`。
fn quantitative(target: &Value, amount: &Value) -> TeraResult<String> {
    let op = text_field(target, "op")?;
    let amount = figure::read(FILTER, amount)?;
    let unit = text_field(target, "unit")?;
    Ok(format!("{op}{amount}{unit}"))
}

/// 作者写下的原文，不为空时。
fn wording(target: &Value) -> Option<&Value> {
    field(target, "text").filter(|text| text.as_str().is_some_and(|text| !text.trim().is_empty()))
}

/// 映射中不为 `none` 的字段。
fn field<'t>(target: &'t Value, name: &'t str) -> Option<&'t Value> {
    target.get_from_path(name).filter(|value| !value.is_none())
}

/// 可省略的文字字段，缺省为空串。
fn text_field<'t>(target: &'t Value, name: &'t str) -> TeraResult<&'t str> {
    match field(target, name) {
        None => Ok(""),
        Some(value) => value
            .as_str()
            .ok_or_else(|| filter_error(FILTER, format!("目标的 {name} 须为字符串，收到 {value}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::filters::testing::apply;
    use serde_json::json;

    fn format(given: serde_json::Value) -> TeraResult<String> {
        apply(target, Value::from_serializable(&given), Kwargs::default())
            .map(|value| value.to_string())
    }

    #[test]
    fn quantitative_targets_join_operator_value_and_unit() {
        let cases = [
            (
                json!({"op": "≥", "value": "2.5", "unit": "万人次", "text": "≥2.5万人次"}),
                "≥2.5万人次",
            ),
            (
                json!({"op": "≤", "value": "906.86", "unit": "万元", "text": "≤906.86万元"}),
                "≤906.86万元",
            ),
            (
                json!({"op": "", "value": "1", "unit": "处", "text": "1处"}),
                "1处",
            ),
            (
                json!({"op": "=", "value": "1", "unit": "次", "text": "=1次"}),
                "=1次",
            ),
            (json!({"op": "≥", "value": "95.00", "unit": "%"}), "≥95.00%"),
            (json!({"op": "≥", "value": 3, "unit": null}), "≥3"),
            (json!({"value": "12"}), "12"),
        ];
        for (given, expected) in cases {
            assert_eq!(format(given).unwrap(), expected);
        }
    }

    #[test]
    fn the_clerks_wording_is_kept() {
        let cases = [
            (
                json!({"op": "≥", "value": "95", "unit": "%", "text": "95%以上"}),
                "95%以上",
            ),
            (
                json!({"op": "≥", "value": "95", "unit": "%", "text": "≥ 95 ％"}),
                "≥ 95 ％",
            ),
            (
                json!({"op": null, "value": null, "unit": "%", "text": "90%～100%"}),
                "90%～100%",
            ),
        ];
        for (given, expected) in cases {
            assert_eq!(format(given).unwrap(), expected);
        }
    }

    #[test]
    fn qualitative_targets_show_their_text() {
        let given = json!({"op": null, "value": null, "unit": null, "text": "按时完成省工信厅交办工作任务"});
        assert_eq!(format(given).unwrap(), "按时完成省工信厅交办工作任务");
    }

    #[test]
    fn strings_pass_through_and_missing_targets_show_a_dash() {
        assert_eq!(format(json!("满意度较高")).unwrap(), "满意度较高");
        assert_eq!(format(json!(null)).unwrap(), "—");
        let undefined = apply(target, Value::undefined(), Kwargs::default()).unwrap();
        assert_eq!(undefined.to_string(), "—");
    }

    #[test]
    fn malformed_targets_are_named_errors() {
        for bad in [
            json!({"op": "≥", "value": "两万", "unit": "人"}),
            json!({"op": 1, "value": "2", "unit": "人"}),
            json!({"op": null, "value": null, "unit": null, "text": ""}),
            json!({}),
            json!(2.5),
        ] {
            let error = format(bad).unwrap_err().to_string();
            assert!(error.contains("target"), "{error}");
        }
    }
}

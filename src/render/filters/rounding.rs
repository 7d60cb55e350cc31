//! 舍入规则在模板上下文中的写法：上下文变量 `rounding` 由 [`put`] 按事实文件的
//! `rules.rounding` 写入，数值过滤器（`money`、`percent`、`score`）用 [`read`]
//! 从上下文取回，按同一规则（[`crate::rounding`]）显示每个数。
//!
//! ```text
//! rounding.mode   "四舍五入" 或 "截断"
//! rounding.money  金额保留的小数位数，如 2
//! rounding.rate   比率保留的小数位数
//! rounding.score  得分保留的小数位数
//! ```
//!
//! 上下文里没有或写坏了 `rounding` 时，过滤器报错，不按某个默认规则猜。

use tera::{State, TeraResult, Value};

use super::filter_error;
use crate::render::vars::Obj;
use crate::rounding::{MAX_PLACES, Mode, Rounding};

/// 上下文中舍入规则的变量名。
const VARIABLE: &str = "rounding";

/// 把舍入规则写入上下文的根对象。
pub(crate) fn put(root: &mut Obj, rule: Rounding) {
    let mut o = root.child(VARIABLE);
    o.text("mode", "舍入方式：四舍五入 或 截断", rule.mode.word());
    o.put("money", "金额保留的小数位数", Value::from(rule.money));
    o.put(
        "rate",
        "比率（百分数）保留的小数位数",
        Value::from(rule.rate),
    );
    o.put("score", "得分保留的小数位数", Value::from(rule.score));
    root.object(
        VARIABLE,
        "舍入规则（计算与显示共用，来自 rules.rounding）",
        o,
    );
}

/// 过滤器 `filter` 所在上下文的舍入规则。
pub(super) fn read(filter: &str, state: &State) -> TeraResult<Rounding> {
    let broken = |what: &str| {
        filter_error(
            filter,
            format!("上下文变量 {VARIABLE} {what}，无法按舍入规则显示数值"),
        )
    };
    let Some(rule) = state.get::<Value>(VARIABLE)? else {
        return Err(broken("不存在"));
    };
    let places = |key: &str| {
        rule.get_from_path(key)
            .and_then(Value::as_u64)
            .and_then(|p| u32::try_from(p).ok())
            .filter(|&p| p <= MAX_PLACES)
            .ok_or_else(|| broken(&format!("的 {key} 不是 0 到 {MAX_PLACES} 的整数")))
    };
    let mode = rule
        .get_from_path("mode")
        .and_then(Value::as_str)
        .and_then(Mode::from_word)
        .ok_or_else(|| broken("的 mode 不是四舍五入或截断"))?;
    Ok(Rounding {
        mode,
        money: places("money")?,
        rate: places("rate")?,
        score: places("score")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Context;

    fn context_of(rule: Rounding) -> Context {
        let mut root = Obj::root();
        put(&mut root, rule);
        root.into_context()
    }

    #[test]
    fn reads_back_the_rule_it_put() {
        for mode in Mode::ALL {
            let rule = Rounding {
                mode,
                money: 0,
                rate: 3,
                score: 4,
            };
            let context = context_of(rule);
            assert_eq!(read("money", &State::new(&context)).unwrap(), rule);
        }
    }

    #[test]
    fn a_missing_or_broken_rule_is_an_error() {
        let empty = Context::new();
        let error = read("money", &State::new(&empty)).unwrap_err().to_string();
        assert!(
            error.contains("money") && error.contains(VARIABLE),
            "{error}"
        );
        let rule = serde_json::json!({"mode": "四舍五入", "money": 2, "rate": 2, "score": 2});
        for (key, bad) in [
            ("mode", serde_json::json!("五舍六入")),
            ("money", serde_json::json!(9)),
            ("rate", serde_json::json!(-1)),
            ("score", serde_json::json!("2")),
            ("score", serde_json::json!(2.5)),
        ] {
            let mut broken = rule.clone();
            broken[key] = bad;
            let mut context = Context::new();
            context.insert(VARIABLE, &broken);
            let error = read("score", &State::new(&context))
                .unwrap_err()
                .to_string();
            assert!(error.contains(key), "{key}: {error}");
        }
        let mut context = Context::new();
        context.insert(VARIABLE, &rule);
        assert_eq!(
            read("score", &State::new(&context)).unwrap(),
            Rounding::default()
        );
    }
}

//! 报告模板使用的 Tera 2 过滤器与 Markdown 转义函数。
//!
//! 模板上下文中的金额、百分比、分值一律是精确小数的字符串（也可以是整数），
//! 过滤器用 [`rust_decimal::Decimal`] 解析，从不经过浮点数，并按上下文变量
//! `rounding` 中的舍入规则（事实文件的 `rules.rounding`，见 [`rounding`]）显示：
//! 计算时已按规则舍入的比率、得分原样显示，金额在显示时舍入一次。
//! 缺失的数（`none` 或未定义）一律显示为 `—`。
//!
//! | 过滤器 | 模板写法 | 输入 → 输出 |
//! |---|---|---|
//! | `money` | `{{ budget.total \| money }}` | `"5983.4"` → `5983.40` |
//! | `percent` | `{{ rate \| percent }}` | `"96.46"` → `96.46%` |
//! | `score` | `{{ item.score \| score }}` | `"27.20"` → `27.2` |
//! | `ordinal` | `{{ loop.index \| ordinal(style="(一)") }}` | `3` → `（三）` |
//! | `target` | `{{ indicator.target \| target }}` | `{op: "≥", value: "2.5", unit: "万人次"}` → `≥2.5万人次` |
//! | `inline_items` | `{{ list \| inline_items(style="⑴") }}` | `["甲", "乙"]` → `⑴甲；⑵乙。` |
//! | `sentence` | `{{ reason \| sentence }}` | `"工程延期"` → `工程延期。` |
//! | `dash` | `{{ remark \| dash }}` | `""` → `—` |
//! | `overspent` | `{% if balance \| overspent %}` | `"-2.5"` → 真（结余按规则显示为负，写“超支”） |
//!
//! [`register`] 还把 [`escape_markdown`] 设为所有模板的自动转义函数：
//! `{{ text }}` 输出的用户文本在 Markdown 段落和 HTML 表格单元格里都按原文显示，
//! 不会被解释为标记；确实要输出标记时用 `{{ x | safe }}`。
//!
//! 预览（`jixiao serve`）另用 [`marks::register`] 在注册处给这些过滤器包一层，
//! 标出每个印出的数是哪个数；过滤器本身不变，生成的文件里没有这些标记。

mod dash;
mod escape;
mod figure;
mod items;
mod kwargs;
pub mod marks;
mod money;
mod ordinal;
mod overspent;
mod percent;
pub(crate) mod rounding;
mod score;
mod sentence;
mod target;

pub use escape::{escape_markdown, write_escaped_markdown};

use tera::{Error, Tera};

/// 缺失数值、空文本的占位符。
const MISSING: &str = "—";

/// 自动转义适用的模板名后缀：空后缀与任何模板名都匹配。
const EVERY_TEMPLATE: &str = "";

/// 注册全部过滤器，并对所有模板（包括之后才加入的）启用 Markdown 自动转义。
pub fn register(tera: &mut Tera) {
    tera.register_filter("money", money::money);
    tera.register_filter("percent", percent::percent);
    tera.register_filter("score", score::score);
    tera.register_filter("ordinal", ordinal::ordinal);
    tera.register_filter("target", target::target);
    tera.register_filter("dash", dash::dash);
    tera.register_filter("inline_items", items::inline_items);
    tera.register_filter("sentence", sentence::sentence);
    tera.register_filter("overspent", overspent::overspent);
    tera.set_escape_fn(write_escaped_markdown);
    tera.autoescape_on([EVERY_TEMPLATE]);
}

/// 以过滤器名开头的模板错误。
fn filter_error(filter: &str, detail: impl std::fmt::Display) -> Error {
    Error::message(format!("过滤器 {filter}：{detail}"))
}

#[cfg(test)]
mod testing {
    use tera::{Kwargs, State, TeraResult, Value};

    use crate::render::vars::Obj;
    use crate::rounding::Rounding;

    /// 在只有默认舍入规则的上下文中直接调用一个过滤器函数。
    pub(super) fn apply<R>(
        filter: impl Fn(&Value, Kwargs, &State) -> TeraResult<R>,
        value: impl Into<Value>,
        kwargs: Kwargs,
    ) -> TeraResult<R> {
        apply_under(Rounding::default(), filter, value, kwargs)
    }

    /// 在只有舍入规则 `rule` 的上下文中直接调用一个过滤器函数。
    pub(super) fn apply_under<R>(
        rule: Rounding,
        filter: impl Fn(&Value, Kwargs, &State) -> TeraResult<R>,
        value: impl Into<Value>,
        kwargs: Kwargs,
    ) -> TeraResult<R> {
        let mut root = Obj::root();
        super::rounding::put(&mut root, rule);
        let context = root.into_context();
        filter(&value.into(), kwargs, &State::new(&context))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use tera::Context;

    const NASTY: &str = r#"A&B <table> {{ x }} | *b* _c_ [d](e) # f \ g ~h~ 'q' "r""#;

    const REPORT: &str = r#"# {{ unit }}
{{ text }}
<table><tr><td>{{ text }}</td><td>{{ total | money(sep=true) }}</td></tr></table>
{{ total | money }}|{{ total | money(scale="author") }}|{{ loss | money }}|{{ nothing | money }}
{{ rate | percent }}|{{ "100" | percent(trim=true) }}|{{ absent | percent }}|{{ item_score | score }}
{% for t in targets %}{{ loop.index | ordinal(style="(一)") }}{{ t | target }}
{% endfor %}{{ remark | dash }}|{{ nothing | dash }}"#;

    fn report_context() -> Context {
        let mut context = Context::new();
        context.insert(
            "rounding",
            &json!({"mode": "四舍五入", "money": 2, "rate": 2, "score": 2}),
        );
        context.insert("unit", "某某单位");
        context.insert("text", NASTY);
        context.insert("total", "12345.6");
        context.insert("loss", "-3.456");
        context.insert("nothing", &None::<String>);
        context.insert("rate", "96.456");
        context.insert("item_score", "9.645");
        context.insert("remark", "");
        context.insert(
            "targets",
            &json!([
                {"op": "≥", "value": "2.5", "unit": "万人次", "text": "≥2.5万人次"},
                {"op": null, "value": null, "unit": null, "text": "按时完成交办任务"},
            ]),
        );
        context
    }

    fn registered() -> Tera {
        let mut tera = Tera::default();
        register(&mut tera);
        tera
    }

    #[test]
    fn renders_every_filter_with_markdown_escaping() {
        let mut tera = registered();
        tera.add_raw_template("report.md.tera", REPORT).unwrap();
        let escaped = escape_markdown(NASTY);
        let expected = format!(
            "# 某某单位\n{escaped}\n<table><tr><td>{escaped}</td><td>12,345.60</td></tr></table>\n\
             12345.60|12345.6|-3.46|—\n96.46%|100%|—|9.65\n（一）≥2.5万人次\n（二）按时完成交办任务\n—|—"
        );
        assert_eq!(
            tera.render("report.md.tera", &report_context()).unwrap(),
            expected
        );
    }

    #[test]
    fn autoescapes_templates_of_any_name_added_before_or_after_register() {
        let mut tera = Tera::default();
        tera.add_raw_template("early.md", "{{ text }}|{{ text | safe }}")
            .unwrap();
        register(&mut tera);
        for name in ["report.md", "section", "table.html"] {
            tera.add_raw_template(name, "{{ text }}|{{ text | safe }}")
                .unwrap();
        }
        for name in ["early.md", "report.md", "section", "table.html"] {
            let rendered = tera.render(name, &report_context()).unwrap();
            assert_eq!(rendered, format!("{}|{NASTY}", escape_markdown(NASTY)));
        }
    }

    #[test]
    fn filter_errors_surface_in_rendering() {
        let mut tera = registered();
        tera.add_raw_template("bad.md", "{{ \"十二\" | money }}")
            .unwrap();
        let error = format!(
            "{:?}",
            tera.render("bad.md", &report_context()).unwrap_err()
        );
        assert!(error.contains("过滤器 money：“十二”不是数字"), "{error}");
    }
}

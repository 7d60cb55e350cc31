//! 第六部分 绩效情况 and the score tables (`sections/06-performance`,
//! `attachments/2-unit-evaluation`, `attachments/3-project`): a table's
//! execution score, totals, and its tree of indicators, each read through
//! its own key (its table and position). An indicator that does not apply
//! carries its reason, one that applies in a re-scaled category its
//! re-scaled weight, and the category the names of those that do not apply.

use tera::Value as Tera;

use crate::compute::Figures;
use crate::compute::key::{IndicatorFigure, IndicatorId, Key, Money, Part, Table, TableFigure};
use crate::model::{Category, Evaluation, Subcategory, Target, TargetKind};
use crate::render::vars::Obj;

pub(super) fn evaluation(o: &Obj, table: Table, e: &Evaluation, figures: &Figures) -> Obj {
    let mut o = o.child("");
    o.opt_text("approach", "评价思路说明", e.approach.as_ref());
    o.opt_text(
        "execution_deviation",
        "预算执行偏差原因",
        e.execution_deviation.as_ref(),
    );
    let whole = |f| Key::Table(table, f);
    o.figure(
        "execution_weight",
        figures,
        whole(TableFigure::ExecutionWeight),
    );
    o.figure(
        "execution_rate",
        figures,
        Key::Money(table.holder(), Money::ExecutionRate),
    );
    o.figure(
        "execution_score",
        figures,
        Key::Money(table.holder(), Money::ExecutionScore),
    );
    o.figure("total_weight", figures, whole(TableFigure::TotalWeight));
    o.figure("total_score", figures, whole(TableFigure::TotalScore));
    o.figure("grade", figures, whole(TableFigure::Grade));
    let categories: Vec<Obj> = e
        .categories
        .iter()
        .enumerate()
        .map(|(ci, c)| category(o.item("categories", ci), table, ci, c, figures))
        .collect();
    o.list("categories", "一级指标", categories);
    let rescaled = e
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .flat_map(|s| &s.indicators)
        .any(|i| !i.applies());
    o.put(
        "rescaled",
        "是否有本年不适用的指标（其所在一级指标的分值已折算）",
        Tera::from(rescaled),
    );
    let rows: usize = e
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .map(|s| s.indicators.len())
        .sum();
    o.put("rows", "三级指标个数（合并单元格行数）", Tera::from(rows));
    o
}

fn category(mut co: Obj, table: Table, ci: usize, c: &Category, figures: &Figures) -> Obj {
    co.text("name", "一级指标", &c.name);
    co.figure("weight", figures, Key::Category(table, ci, Part::Weight));
    co.figure("score", figures, Key::Category(table, ci, Part::Score));
    co.figure(
        "applicable_weight",
        figures,
        Key::Category(table, ci, Part::ApplicableWeight),
    );
    let not_applicable: Vec<_> = (c.subcategories.iter())
        .flat_map(|s| &s.indicators)
        .filter(|i| !i.applies())
        .map(|i| i.name.clone())
        .collect();
    co.texts("not_applicable", "本年不适用的三级指标名", &not_applicable);
    let shared = figures
        .number_of(Key::Category(table, ci, Part::ApplicableWeight))
        .is_some_and(|w| !w.is_zero());
    co.put(
        "rescaled",
        "适用的指标是否分享了不适用指标的分值（有不适用的指标且适用指标分值合计不为 0）",
        Tera::from(shared),
    );
    let subs: Vec<Obj> = c
        .subcategories
        .iter()
        .enumerate()
        .map(|(si, s)| {
            let mut so = subcategory(co.item("subcategories", si), table, (ci, si), s, figures);
            let starts = !s.indicators.is_empty()
                && c.subcategories[..si]
                    .iter()
                    .all(|p| p.indicators.is_empty());
            so.put(
                "starts_category",
                "是否为该一级指标下第一个有指标的二级指标",
                Tera::from(starts),
            );
            so
        })
        .collect();
    co.list("subcategories", "二级指标", subs);
    let rows: usize = c.subcategories.iter().map(|s| s.indicators.len()).sum();
    co.put("rows", "三级指标个数（合并单元格行数）", Tera::from(rows));
    co
}

fn subcategory(
    mut so: Obj,
    table: Table,
    (ci, si): (usize, usize),
    s: &Subcategory,
    figures: &Figures,
) -> Obj {
    so.text("name", "二级指标", &s.name);
    so.opt_text("focus", "本项指标主要考核的内容", s.focus.as_ref());
    so.texts("achievements", "主要完成情况", &s.achievements);
    so.put(
        "applicable",
        "是否有本年适用的三级指标",
        Tera::from(s.indicators.iter().any(|i| i.applies())),
    );
    so.figure(
        "weight",
        figures,
        Key::Subcategory(table, ci, si, Part::Weight),
    );
    so.figure(
        "score",
        figures,
        Key::Subcategory(table, ci, si, Part::Score),
    );
    let inds: Vec<Obj> = s
        .indicators
        .iter()
        .enumerate()
        .map(|(ii, ind)| {
            let id = IndicatorId {
                table,
                category: ci,
                subcategory: si,
                indicator: ii,
            };
            let mut io = so.item("indicators", ii);
            io.text("name", "三级指标", &ind.name);
            io.object(
                "target",
                "年度指标值",
                target(&io.child("target"), &ind.target),
            );
            io.text("actual", "实际完成值", &ind.actual);
            io.figure(
                "weight",
                figures,
                Key::Indicator(id, IndicatorFigure::Weight),
            );
            io.figure(
                "rescaled_weight",
                figures,
                Key::Indicator(id, IndicatorFigure::RescaledWeight),
            );
            io.figure("score", figures, Key::Indicator(id, IndicatorFigure::Score));
            io.put("applicable", "本年是否适用", Tera::from(ind.applies()));
            io.opt_text("reason", "不适用的原因", ind.reason.as_ref());
            io.opt_text(
                "deviation",
                "偏差原因分析及改进措施",
                ind.deviation.as_ref(),
            );
            io.put(
                "rating",
                "定性评价等级",
                ind.rating
                    .map_or_else(Tera::none, |r| Tera::from(r.label())),
            );
            io
        })
        .collect();
    so.list("indicators", "三级指标", inds);
    so.put(
        "rows",
        "三级指标个数（合并单元格行数）",
        Tera::from(s.indicators.len()),
    );
    so
}

fn target(o: &Obj, t: &Target) -> Obj {
    let mut o = o.child("");
    o.text("text", "原文", &t.text);
    let (kind, unit) = match &t.kind {
        TargetKind::Quantitative {
            op,
            op_written,
            value,
            unit,
        } => {
            let symbol = if *op_written { op.symbol() } else { "" };
            o.text("op", "比较符号", symbol);
            o.text("value", "目标值", &value.to_string());
            ("定量", Some(unit))
        }
        TargetKind::Range { unit, .. } => ("范围", Some(unit)),
        TargetKind::Satisfaction { .. } => ("满意度规则", None),
        TargetKind::Qualitative => ("定性", None),
    };
    if !matches!(t.kind, TargetKind::Quantitative { .. }) {
        o.put("op", "比较符号", Tera::none());
        o.put("value", "目标值", Tera::none());
    }
    match unit {
        Some(unit) => o.text("unit", "单位", unit),
        None => o.put("unit", "单位", Tera::none()),
    }
    o.text("kind", "类型", kind);
    o
}

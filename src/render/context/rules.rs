//! The scoring rules the report was scored by (`partials/scoring-rules`,
//! the last paragraph of 第六部分): each option's value as the facts file
//! writes it, and which kinds of target decided a score in the report (those
//! of indicators that apply, and for a measured kind, that were measured),
//! so that the templates describe only rules that decided a score.

use tera::Value as Tera;

use crate::model::{Evaluation, Facts, Op, TargetKind, option_value};
use crate::render::vars::Obj;

pub(super) fn rules(root: &Obj, facts: &Facts) -> Obj {
    let r = &facts.scoring;
    let mut o = root.child("rules");
    o.text(
        "profile",
        "评分规则配置：hunan 或 national",
        &option_value(r.profile),
    );
    let options = [
        (
            "at_most_missed",
            "反向指标超出目标时：超出扣减 或 目标比实际",
            option_value(r.at_most_missed),
        ),
        (
            "exact_exceeded",
            "“=”指标实际超出时：满分、目标比实际 或 超出扣减",
            option_value(r.exact_exceeded),
        ),
        (
            "rating_edges",
            "定性等级分界点：含下限 或 含上限",
            option_value(r.rating_edges),
        ),
        (
            "execution_score",
            "预算执行率得分：线性封顶、线性不封顶 或 分档",
            option_value(r.execution_score),
        ),
        (
            "satisfaction_steps",
            "满意度每降一档扣分：整档 或 按比例",
            option_value(r.satisfaction_steps),
        ),
    ];
    for (key, meaning, value) in options {
        o.text(key, meaning, &value);
    }
    let bands: Vec<Obj> = (r.execution_bands.iter().enumerate())
        .map(|(i, (from, share))| {
            let mut b = o.item("execution_bands", i);
            b.text("from", "该档起点执行率（%）", &from.normalize().to_string());
            b.text(
                "share",
                "该档得分占分值的百分比",
                &share.normalize().to_string(),
            );
            b
        })
        .collect();
    o.list("execution_bands", "执行率分档，起点从高到低", bands);
    let targets = deciding_targets(facts);
    let has = |test: fn(&TargetKind) -> bool| Tera::from(targets.iter().any(|t| test(t)));
    o.put(
        "has_quantitative_targets",
        "报告中有按完成比例计分的定量指标（≥、>、=、≤、<、区间）",
        has(|t| {
            matches!(
                t,
                TargetKind::Quantitative { .. } | TargetKind::Range { .. }
            )
        }),
    );
    o.put(
        "has_ceiling_targets",
        "报告中有反向指标（≤、<、区间）",
        has(|t| {
            matches!(
                t,
                TargetKind::Range { .. }
                    | TargetKind::Quantitative {
                        op: Op::AtMost | Op::Below,
                        ..
                    }
            )
        }),
    );
    o.put(
        "has_exact_targets",
        "报告中有“=”指标（含只写数字的指标）",
        has(|t| {
            matches!(
                t,
                TargetKind::Quantitative {
                    op: Op::Exactly,
                    ..
                }
            )
        }),
    );
    o.put(
        "has_qualitative_targets",
        "报告中有定性指标",
        has(|t| matches!(t, TargetKind::Qualitative)),
    );
    o.put(
        "has_satisfaction_targets",
        "报告中有“每降5%扣1分”式的满意度指标",
        has(|t| matches!(t, TargetKind::Satisfaction { .. })),
    );
    o
}

/// The targets whose rules decided a score, in the unit's table and every
/// project's: of indicators that apply this year, a qualitative target (the
/// author scores it within its rating's band) and a measured one with its
/// measured value (without it the author's score stands and no rule of its
/// kind was used).
fn deciding_targets(facts: &Facts) -> Vec<&TargetKind> {
    let tables =
        std::iter::once(&facts.self_evaluation).chain(facts.projects.iter().map(|p| &p.evaluation));
    tables.flat_map(deciding_targets_of).collect()
}

fn deciding_targets_of(e: &Evaluation) -> impl Iterator<Item = &TargetKind> {
    (e.categories.iter())
        .flat_map(|c| &c.subcategories)
        .flat_map(|s| &s.indicators)
        .filter(|i| {
            i.applies()
                && (matches!(i.target.kind, TargetKind::Qualitative) || i.actual_value.is_some())
        })
        .map(|i| &i.target.kind)
}

//! 第七至十部分 (`sections/07-problems` … `sections/10-other-matters`): the
//! author's texts only.

use crate::model::Facts;
use crate::render::vars::Obj;

pub(super) fn narrative(root: &Obj, facts: &Facts) -> Obj {
    let n = &facts.narrative;
    let mut o = root.child("narrative");
    o.texts("problems", "存在的问题及原因分析", &n.problems);
    o.opt_text(
        "improvements_intro",
        "改进措施的引言",
        n.improvements.intro.as_ref(),
    );
    o.texts("improvements", "下一步改进措施", &n.improvements.items);
    o.texts("results_use", "自评结果拟应用和公开情况", &n.results_use);
    o.texts("other_matters", "其他需要说明的情况", &n.other_matters);
    o
}

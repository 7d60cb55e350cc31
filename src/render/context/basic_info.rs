//! 第一部分 基本情况 (`sections/01-basic-info`): the unit, its staffing and
//! the goals (the unit's and each project's, also read by 附件2 and 附件3).

use tera::Value as Tera;

use crate::compute::Figures;
use crate::compute::key::{Key, Staffing};
use crate::model::{Facts, Goals, Level};
use crate::render::vars::Obj;

pub(super) fn unit(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
    let u = &facts.unit;
    let mut o = root.child("unit");
    o.text("name", "单位全称", &u.name);
    o.text(
        "short_name",
        "简称（未填时为全称）",
        u.short_name.as_ref().map_or(&u.name.value, |s| &s.value),
    );
    o.put(
        "has_short_name",
        "是否填写了简称",
        Tera::from(u.short_name.is_some()),
    );
    o.text(
        "level",
        "行政级次：省级、市级、县级、乡镇（未填时为空）",
        u.level.map_or("", Level::as_str),
    );
    o.text(
        "budget_level",
        "专项资金所属预算级次（未填时同 level）",
        u.special_funds_level().map_or("", Level::as_str),
    );
    o.text("department", "主管部门", &u.department);
    o.text("founding", "成立依据、时间和性质", &u.founding);
    o.texts("functions", "主要职能", &u.functions);
    let mut d = o.child("divisions");
    d.texts("names", "内设机构", &u.divisions.names);
    d.opt_text("rank", "内设机构规格", u.divisions.rank.as_ref());
    d.opt_text(
        "change",
        "内设机构当年变动（无则为空）",
        u.divisions.change.as_ref(),
    );
    o.object("divisions", "机构情况", d);
    o.texts(
        "subordinate_units",
        "下属单位（无则为空列表）",
        &u.subordinate_units,
    );
    let mut s = o.child("staffing");
    s.figure("authorized", figures, Key::Staffing(Staffing::Authorized));
    s.figure("actual", figures, Key::Staffing(Staffing::Actual));
    s.figure(
        "control_rate",
        figures,
        Key::Staffing(Staffing::ControlRate),
    );
    s.opt_text("kind", "编制类别", u.staffing.kind.as_ref());
    s.opt_text("posts", "领导职数等岗位说明", u.staffing.posts.as_ref());
    s.opt_text(
        "change",
        "编制当年变动（无则为空）",
        u.staffing.change.as_ref(),
    );
    o.object("staffing", "人员编制情况", s);
    o
}

pub(super) fn goals(o: &Obj, g: &Goals) -> Obj {
    let mut o = o.child("");
    o.texts("expected", "预期目标", &g.expected);
    o.opt_text("summary", "完成情况总体评价", g.summary.as_ref());
    o.texts("achieved", "实际完成情况", &g.achieved);
    o
}

//! The Tera context: the facts and figures of one file, laid out as the
//! templates read them. Every number is a figure (exact decimal as a string);
//! every sentence is the author's text. Wording belongs to the templates.

use tera::Value as Tera;

use super::vars::{Obj, Var};
use crate::Analysis;
use crate::compute::{Figures, IndicatorOutcome, named, named_path, project_key};
use crate::model::{BudgetType, Evaluation, Facts, Goals, Project, Source, Target, TargetKind};

/// The Tera context of `analysis`.
pub fn context(analysis: &Analysis) -> tera::Context {
    fill(Obj::root(), analysis).into_context()
}

/// The data dictionary: every variable of the context, with its meaning and
/// its value in `analysis`.
pub fn dictionary(analysis: &Analysis) -> Vec<Var> {
    fill(Obj::dictionary(), analysis).into_vars()
}

fn fill(mut root: Obj, analysis: &Analysis) -> Obj {
    let facts = &analysis.loaded.facts;
    let figures = &analysis.figures;
    root.text("year", "年度", &facts.year.value.to_string());
    root.text(
        "previous_year",
        "上一年度",
        &(facts.year.value - rust_decimal::Decimal::ONE).to_string(),
    );
    root.object("unit", "单位基本情况", unit(&root, facts, figures));
    root.object(
        "goals",
        "单位年度整体支出绩效目标",
        goals(&root.child("goals"), &facts.goals),
    );
    root.object("basic", "基本支出", basic(&root, facts, figures));
    root.object(
        "projects_total",
        "全部项目支出合计",
        group(&root.child("projects_total"), figures, "projects"),
    );
    let projects: Vec<Obj> = facts
        .projects
        .iter()
        .enumerate()
        .map(|(i, p)| project(root.item("projects", i), p, facts, figures))
        .collect();
    root.list("projects", "项目（每个一级项目一项）", projects);
    let types: Vec<Obj> = BudgetType::ALL
        .iter()
        .filter(|t| **t != BudgetType::SpecialAccount)
        .enumerate()
        .map(|(i, t)| budget_type(root.item("budget_types", i), *t, facts, figures))
        .collect();
    root.list(
        "budget_types",
        "按预算类型：一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算",
        types,
    );
    root.object(
        "overall",
        "年度资金总额（单位整体）",
        overall(&root, figures),
    );
    root.object(
        "evaluation",
        "整体支出绩效自评（第六部分、附件2）",
        evaluation(
            &root.child("evaluation"),
            "unit",
            &facts.self_evaluation,
            figures,
        ),
    );
    root.object("base", "基础数据表（附件1）", base(&root, facts, figures));
    root.object("narrative", "第七至十部分", narrative(&root, facts));
    root
}

fn unit(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
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
    s.figure("authorized", figures, "staffing.authorized");
    s.figure("actual", figures, "staffing.actual");
    s.figure("control_rate", figures, "staffing.control_rate");
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

fn goals(o: &Obj, g: &Goals) -> Obj {
    let mut o = o.child("");
    o.texts("expected", "预期目标", &g.expected);
    o.opt_text("summary", "完成情况总体评价", g.summary.as_ref());
    o.texts("achieved", "实际完成情况", &g.achieved);
    o
}

const BUDGET_COLUMNS: [&str; 3] = ["initial_budget", "full_year_budget", "actual"];

fn basic(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
    let mut o = root.child("basic");
    for k in BUDGET_COLUMNS
        .iter()
        .chain(&["personnel", "public", "balance", "execution_rate"])
    {
        o.figure(k, figures, &format!("basic.{k}"));
    }
    o.opt_text(
        "deviation",
        "执行率偏差原因",
        facts.basic_expenditure.deviation.as_ref(),
    );
    o
}

/// Totals of a group of projects whose figures are under `key`.
fn group(o: &Obj, figures: &Figures, key: &str) -> Obj {
    let mut o = o.child("");
    for k in BUDGET_COLUMNS.iter().chain(&[
        "balance",
        "fiscal_balance",
        "non_fiscal_balance",
        "execution_rate",
    ]) {
        o.figure(k, figures, &format!("{key}.{k}"));
    }
    o
}

fn project(mut o: Obj, p: &Project, facts: &Facts, figures: &Figures) -> Obj {
    let key = project_key(&p.name);
    o.text("name", "项目支出名称", &p.name);
    o.text(
        "department",
        "主管部门",
        p.department
            .as_ref()
            .map_or(&facts.unit.department.value, |d| &d.value),
    );
    o.text(
        "implementer",
        "实施单位",
        p.implementer
            .as_ref()
            .map_or(&facts.unit.name.value, |d| &d.value),
    );
    o.text("budget_type", "预算类型", p.budget_type.label());
    for k in BUDGET_COLUMNS.iter().chain(&[
        "balance",
        "fiscal_balance",
        "non_fiscal_balance",
        "execution_rate",
        "last_year_actual",
    ]) {
        o.figure(k, figures, &format!("{key}.{k}"));
    }
    let sources: Vec<Obj> = Source::ALL
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut so = o.item("sources", i);
            so.text("label", "资金来源", s.label());
            for k in BUDGET_COLUMNS {
                so.figure(k, figures, &format!("{key}.source[{}].{k}", s.label()));
            }
            so
        })
        .collect();
    o.list(
        "sources",
        "资金来源：当年财政拨款、上年结转资金、其他资金",
        sources,
    );
    o.object(
        "goals",
        "项目年度总体目标",
        goals(&o.child("goals"), &p.goals),
    );
    o.object(
        "evaluation",
        "项目支出绩效自评表",
        evaluation(&o.child("evaluation"), &key, &p.evaluation, figures),
    );
    o
}

fn budget_type(mut o: Obj, t: BudgetType, facts: &Facts, figures: &Figures) -> Obj {
    let key = format!("projects_by_type[{}]", t.label());
    o.text("label", "预算类型", t.label());
    let texts = match t {
        BudgetType::GovernmentFund => &facts.other_budgets.government_fund[..],
        BudgetType::StateCapital => &facts.other_budgets.state_capital[..],
        BudgetType::SocialInsurance => &facts.other_budgets.social_insurance[..],
        _ => &[],
    };
    o.texts("texts", "文字说明", texts);
    let names: Vec<Obj> = facts
        .projects
        .iter()
        .filter(|p| p.budget_type == t)
        .enumerate()
        .map(|(i, p)| {
            let mut po = o.item("projects", i);
            po.text("name", "项目支出名称", &p.name);
            let pk = project_key(&p.name);
            for k in BUDGET_COLUMNS.iter().chain(&["execution_rate"]) {
                po.figure(k, figures, &format!("{pk}.{k}"));
            }
            po.opt_text(
                "deviation",
                "执行率偏差原因",
                p.evaluation.execution_deviation.as_ref(),
            );
            po
        })
        .collect();
    o.list("projects", "该预算类型的项目", names);
    o.object(
        "total",
        "该预算类型的项目合计",
        group(&o.child("total"), figures, &key),
    );
    o
}

fn overall(root: &Obj, figures: &Figures) -> Obj {
    let mut o = root.child("overall");
    for k in BUDGET_COLUMNS
        .iter()
        .chain(&["balance", "execution_rate", "execution_score"])
    {
        o.figure(k, figures, &format!("overall.{k}"));
    }
    let incomes = [
        ("一般公共预算", "overall.income[一般公共预算]"),
        ("政府性基金拨款", "overall.income[政府性基金预算]"),
        (
            "纳入专户管理的非税收入拨款",
            "overall.income[纳入专户管理的非税收入]",
        ),
        ("其他资金", "overall.income[其他资金]"),
    ];
    let items: Vec<Obj> = incomes
        .iter()
        .enumerate()
        .map(|(i, (label, name))| {
            let mut io = o.item("income", i);
            io.text("label", "收入性质", label);
            io.figure("value", figures, name);
            io
        })
        .collect();
    o.list("income", "按收入性质分（全年预算数）", items);
    let spend = [
        ("基本支出", "overall.spending[基本支出]"),
        ("项目支出", "overall.spending[项目支出]"),
    ];
    let items: Vec<Obj> = spend
        .iter()
        .enumerate()
        .map(|(i, (label, name))| {
            let mut so = o.item("spending", i);
            so.text("label", "支出性质", label);
            so.figure("value", figures, name);
            so
        })
        .collect();
    o.list("spending", "按支出性质分（全年执行数）", items);
    o
}

fn evaluation(o: &Obj, scope: &str, e: &Evaluation, figures: &Figures) -> Obj {
    let mut o = o.child("");
    o.opt_text("approach", "评价思路说明", e.approach.as_ref());
    o.opt_text(
        "execution_deviation",
        "预算执行偏差原因",
        e.execution_deviation.as_ref(),
    );
    let exec_prefix = if scope == "unit" { "overall" } else { scope };
    o.figure(
        "execution_weight",
        figures,
        &format!("{scope}.execution_weight"),
    );
    o.figure(
        "execution_rate",
        figures,
        &format!("{exec_prefix}.execution_rate"),
    );
    o.figure(
        "execution_score",
        figures,
        &format!("{exec_prefix}.execution_score"),
    );
    for k in ["total_weight", "total_score", "grade"] {
        o.figure(k, figures, &format!("{scope}.{k}"));
    }
    let outcomes: Vec<&IndicatorOutcome> = figures
        .indicators
        .iter()
        .filter(|i| i.scope == scope)
        .collect();
    let mut next = outcomes.into_iter();
    let categories: Vec<Obj> = e
        .categories
        .iter()
        .enumerate()
        .map(|(ci, c)| {
            let mut co = o.item("categories", ci);
            let ckey = named(&format!("{scope}.category"), &c.name);
            co.text("name", "一级指标", &c.name);
            co.figure("weight", figures, &format!("{ckey}.weight"));
            co.figure("score", figures, &format!("{ckey}.score"));
            let subs: Vec<Obj> = c
                .subcategories
                .iter()
                .enumerate()
                .map(|(si, s)| {
                    let mut so = co.item("subcategories", si);
                    let skey = named_path(&format!("{scope}.subcategory"), &[&c.name, &s.name]);
                    so.text("name", "二级指标", &s.name);
                    so.opt_text("focus", "本项指标主要考核的内容", s.focus.as_ref());
                    so.texts("achievements", "主要完成情况", &s.achievements);
                    so.figure("weight", figures, &format!("{skey}.weight"));
                    so.figure("score", figures, &format!("{skey}.score"));
                    let inds: Vec<Obj> = s
                        .indicators
                        .iter()
                        .enumerate()
                        .map(|(ii, ind)| {
                            let outcome = next.next();
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
                                &format!("{}.weight", figure_stem(outcome)),
                            );
                            io.figure(
                                "score",
                                figures,
                                &outcome.map(|o| o.figure.clone()).unwrap_or_default(),
                            );
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
        })
        .collect();
    o.list("categories", "一级指标", categories);
    let rows: usize = e
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .map(|s| s.indicators.len())
        .sum();
    o.put("rows", "三级指标个数（合并单元格行数）", Tera::from(rows));
    o
}

fn figure_stem(outcome: Option<&IndicatorOutcome>) -> String {
    outcome.map_or_else(String::new, |o| {
        o.figure.trim_end_matches(".score").to_string()
    })
}

fn target(o: &Obj, t: &Target) -> Obj {
    let mut o = o.child("");
    o.text("text", "原文", &t.text);
    match &t.kind {
        TargetKind::Quantitative {
            op,
            op_written,
            value,
            unit,
        } => {
            let symbol = if *op_written { op.symbol() } else { "" };
            o.text("op", "比较符号", symbol);
            o.text("value", "目标值", &value.to_string());
            o.text("unit", "单位", unit);
            o.text("kind", "类型", "定量");
        }
        TargetKind::Range { unit, .. } => {
            o.put("op", "比较符号", Tera::none());
            o.put("value", "目标值", Tera::none());
            o.text("unit", "单位", unit);
            o.text("kind", "类型", "范围");
        }
        TargetKind::Satisfaction { .. } => {
            o.put("op", "比较符号", Tera::none());
            o.put("value", "目标值", Tera::none());
            o.put("unit", "单位", Tera::none());
            o.text("kind", "类型", "满意度规则");
        }
        TargetKind::Qualitative => {
            o.put("op", "比较符号", Tera::none());
            o.put("value", "目标值", Tera::none());
            o.put("unit", "单位", Tera::none());
            o.text("kind", "类型", "定性");
        }
    }
    o
}

fn base(root: &Obj, facts: &Facts, figures: &Figures) -> Obj {
    let d = &facts.base_data;
    let mut o = root.child("base");
    let mut three = o.child("three_public");
    for (key, label, stem) in [
        ("total", "三公经费合计", "three_public"),
        ("vehicle", "公务用车购置和维护经费", "three_public.vehicle"),
        (
            "vehicle_purchase",
            "公车购置",
            "three_public.vehicle_purchase",
        ),
        (
            "vehicle_operation",
            "公车运行维护",
            "three_public.vehicle_operation",
        ),
        ("overseas", "出国经费", "three_public.overseas"),
        ("reception", "公务接待", "three_public.reception"),
    ] {
        let mut r = three.child(key);
        for k in ["last_year", "budget", "actual"] {
            r.figure(k, figures, &format!("{stem}.{k}"));
        }
        three.object(key, label, r);
    }
    o.object(
        "three_public",
        "三公经费（各行：上年决算数、本年预算数、本年决算数）",
        three,
    );
    let mut projects = Vec::new();
    for (i, p) in facts.projects.iter().enumerate() {
        let pk = project_key(&p.name);
        let mut r = o.item("project_rows", i);
        r.text("label", "项目名称", &p.name);
        r.figure("last_year", figures, &format!("{pk}.last_year_actual"));
        r.figure("budget", figures, &format!("{pk}.full_year_budget"));
        r.figure("actual", figures, &format!("{pk}.actual"));
        projects.push(r);
    }
    for p in &d.past_projects {
        let mut r = o.item("project_rows", projects.len());
        r.text("label", "项目名称", &p.name);
        r.figure(
            "last_year",
            figures,
            &format!("{}.last_year", named("base.past_project", &p.name)),
        );
        r.put("budget", "本年预算数", Tera::from("0"));
        r.put("actual", "本年决算数", Tera::from("0"));
        projects.push(r);
    }
    o.list(
        "project_rows",
        "项目支出各行（本年项目与上年项目）",
        projects,
    );
    let specials: Vec<Obj> = d
        .special_funds
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut r = o.item("special_funds", i);
            r.text("label", "专项名称", &f.name);
            for k in ["last_year", "budget", "actual"] {
                r.figure(
                    k,
                    figures,
                    &format!("{}.{k}", named("base.special_fund", &f.name)),
                );
            }
            r
        })
        .collect();
    o.list("special_funds", "省级专项资金（每个专项一行）", specials);
    let mut special_total = o.child("special_funds_total");
    for k in ["last_year", "budget", "actual"] {
        special_total.figure(k, figures, &format!("base.special_funds.{k}"));
    }
    o.object("special_funds_total", "省级专项资金合计", special_total);
    let mut totals = o.child("projects");
    for k in ["last_year", "budget", "actual"] {
        totals.figure(k, figures, &format!("base.projects.{k}"));
    }
    o.object("projects", "项目支出合计", totals);
    let mut pf = o.child("public_funds");
    for k in ["last_year", "budget", "actual"] {
        pf.figure(k, figures, &format!("public_funds.{k}"));
    }
    o.object("public_funds", "公用经费", pf);
    let items: Vec<Obj> = d
        .public_funds
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let mut r = o.item("public_fund_items", i);
            r.text("label", "明细名称", &item.name);
            for k in ["last_year", "budget", "actual"] {
                r.figure(
                    k,
                    figures,
                    &format!("{}.{k}", named("public_funds.item", &item.name)),
                );
            }
            r
        })
        .collect();
    o.list("public_fund_items", "公用经费“其中”明细", items);
    let mut proc = o.child("procurement");
    proc.figure("budget", figures, "procurement.budget");
    proc.figure("actual", figures, "procurement.actual");
    o.object("procurement", "政府采购金额", proc);
    let buildings: Vec<Obj> = d
        .buildings
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let key = named("building", &b.name);
            let mut r = o.item("buildings", i);
            r.text("name", "项目名称", &b.name);
            for k in [
                "approved_area",
                "actual_area",
                "area_control_rate",
                "budget_investment",
                "actual_investment",
                "investment_control_rate",
            ] {
                r.figure(k, figures, &format!("{key}.{k}"));
            }
            r
        })
        .collect();
    o.list("buildings", "楼堂馆所（本年完工项目）", buildings);
    o.texts("thrift_measures", "厉行节约保障措施", &d.thrift_measures);
    o
}

fn narrative(root: &Obj, facts: &Facts) -> Obj {
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

//! Figure coverage against the reference report (湖南省工业和信息化行业事务中心
//! 2024 年度整体支出绩效自评报告): every figure the reference prints must be in
//! the generated report, in the same part of it, or else be one the audit
//! reports as wrong, in which case the generated report must carry the
//! computed value instead. And the generated report must not contradict itself.
//!
//! The reference's figures are copied here (the test reads nothing outside the
//! repository): amounts, rates, scores, weights and the counts inside the
//! narrative text, by the part of the report that prints them.

mod common;

use std::collections::BTreeMap;
use std::str::FromStr;

use common::{analysis, markdown};
use jixiao::Analysis;
use jixiao::document::{self, Block, Document, ParagraphRole, Table};
use rust_decimal::Decimal;

/// Figures printed by the reference report: where, what, and the values as printed.
struct Printed {
    part: &'static str,
    what: &'static str,
    values: &'static [&'static str],
}

const fn p(part: &'static str, what: &'static str, values: &'static [&'static str]) -> Printed {
    Printed { part, what, values }
}

const OM: &str = "附件3·运行维护经费";
const YW: &str = "附件3·业务工作经费";

#[rustfmt::skip]
const REFERENCE: &[Printed] = &[
    // 一、基本情况
    p("一", "人员编制：核定事业编制、主任、党委副书记、副主任、兼任、副处级领导职数", &["66", "1", "1", "3", "1", "7"]),
    p("一", "运行维护经费绩效目标：危房户数、考试次数、报考人数、公务用车", &["33", "2", "26710", "1"]),
    p("一", "业务工作经费绩效目标：期数、批次、专项工作、培训、活动、企业", &["226", "4", "20", "6", "9", "30"]),
    // 二、一般公共预算支出情况
    p("二", "㈠基本支出：年初预算、全年预算、实际支出、人员经费、公用经费、结余、执行率", &["5983.4", "6082.4", "6078.91", "4767.43", "1215.97", "3.49", "99.94"]),
    p("二", "㈡项目支出：年初预算、全年预算、实际支出", &["1181.76", "1241.76", "985.78"]),
    p("二", "㈡项目支出：运行维护经费、业务工作经费", &["906.86", "78.92"]),
    p("二", "㈡项目支出：结余、财政拨款结余、非财政拨款结余、执行率", &["255.98", "10", "245.98", "79.39"]),
    // 六、部门整体支出绩效情况
    p("六", "开头：综合得分、预算执行得分、产出、效益、满意度指标得分", &["99.98", "9.98", "50", "30", "10"]),
    p("六", "㈠预算执行：全年预算数、实际支出、执行率、分值、自评得分", &["7324.16", "7064.68", "96.45", "10", "9.64"]),
    p("六", "㈡1数量指标：分值、得分、考试次数、报考人数、企业、调研企业", &["15", "15", "2", "26710", "30", "400"]),
    p("六", "㈡2质量指标：分值、得分", &["15", "15"]),
    p("六", "㈡3时效指标：分值、得分", &["10", "10"]),
    p("六", "㈡4成本指标：分值、得分、非税收入、租金收入", &["10", "10", "1498", "1051.26"]),
    p("六", "㈢1经济效益指标：分值、得分、批次、企业", &["6", "6", "2", "20"]),
    p("六", "㈢2社会效益指标：分值、得分、危房户数、企业", &["9", "9", "33", "30"]),
    p("六", "㈢3生态效益指标：分值、得分、人次、场次、慰问金、养老机构、比赛项目、团体奖、个人奖", &["8", "8", "6", "20", "31.62", "32", "6", "3", "3"]),
    p("六", "㈢4可持续影响指标：分值、得分、信访事件、转办件、人次、感谢信、离休干部、红色档案", &["7", "7", "35", "14", "67", "1", "2", "15"]),
    p("六", "㈣满意度指标：分值、得分、两项满意度", &["10", "10", "100", "100"]),
    // 附件1 基础数据表
    p("附件1", "财政供养人员：编制数、实际在职人数、控制率", &["66", "55", "83.33"]),
    p("附件1", "三公经费：2023年决算、2024年预算、2024年决算", &["51", "49.8", "36.16"]),
    p("附件1", "公务用车购置和维护经费", &["50.56", "38", "35.8"]),
    p("附件1", "公车购置", &["25", "18", "18"]),
    p("附件1", "公车运行维护", &["25.56", "20", "17.8"]),
    p("附件1", "出国经费", &["0", "10", "0"]),
    p("附件1", "公务接待", &["0.44", "1.8", "0.36"]),
    p("附件1", "项目支出", &["1149.2", "1343.35", "985.78"]),
    p("附件1", "业务工作经费", &["0", "436.49", "78.92"]),
    p("附件1", "运行维护经费", &["727", "906.86", "906.86"]),
    p("附件1", "其他事业发展资金", &["422.2", "0", "0"]),
    p("附件1", "省级专项资金", &["0", "0", "0"]),
    p("附件1", "公用经费", &["1215.97", "1215.97", "1212.48"]),
    p("附件1", "其中：办公经费", &["50.35", "42", "43.13"]),
    p("附件1", "水费、电费、差旅费", &["86.51", "91", "73.3"]),
    p("附件1", "会议费、培训费", &["66.99", "75", "37.53"]),
    p("附件1", "政府采购金额：2024年预算、决算", &["0", "0"]),
    p("附件1", "部门基本支出预算调整：2024年预算、决算", &["6082.4", "6078.91"]),
    p("附件1", "楼堂馆所：规模、控制率、投资", &["0", "0", "0", "0", "0", "0"]),
    // 附件2 单位整体支出绩效自评表
    p("附件2", "年度资金总额：年初预算数、全年预算数、全年执行数、分值、执行率、自评得分", &["6912.38", "7324.16", "7064.68", "10", "96.45", "9.64"]),
    p("附件2", "按收入性质分：一般公共预算、政府性基金拨款、纳入专户管理的非税收入拨款、其他资金", &["7071.38", "0", "0", "252.78"]),
    p("附件2", "按支出性质分：基本支出、项目支出", &["6078.90", "985.78"]),
    p("附件2", "一级指标分值：产出、效益、满意度", &["50", "30", "10"]),
    p("附件2", "计算机软件资格考试人次：目标、考试次数、报考人数、分值、得分", &["2.5", "2", "26710", "5", "5"]),
    p("附件2", "安全生产指导服务工作：目标、企业、分值、得分", &["25", "30", "5", "5"]),
    p("附件2", "调研考察工业企业数量：目标、企业、分值、得分", &["300", "400", "5", "5"]),
    p("附件2", "网络安全建设、OA系统提质改造：分值、得分", &["5", "5"]),
    p("附件2", "老旧房屋维修维护验收合格率：目标、分值、得分", &["98", "5", "5"]),
    p("附件2", "离退休党建服务工作：分值、得分", &["5", "5"]),
    p("附件2", "按时完成交办工作任务：分值、得分", &["5", "5"]),
    p("附件2", "按时上交非税收入：分值、得分", &["5", "5"]),
    p("附件2", "征收非税收入：目标、实际、分值、得分", &["1498", "1498", "5", "5"]),
    p("附件2", "盘活固定资产：租金收入、分值、得分", &["1051.26", "5", "5"]),
    p("附件2", "新能源汽车补贴清算：批次、企业、分值、得分", &["2", "20", "3", "3"]),
    p("附件2", "企业及协会之间的桥梁：分值、得分", &["3", "3"]),
    p("附件2", "经济运行调度分析：分值、得分", &["3", "3"]),
    p("附件2", "危房排危：目标、户数、分值、得分", &["30", "33", "3", "3"]),
    p("附件2", "行业安全生产指导服务：企业、分值、得分", &["30", "3", "3"]),
    p("附件2", "深化“送解优”服务：人次、场次、分值、得分", &["6", "20", "4", "4"]),
    p("附件2", "离退休管理服务：慰问金、养老机构、比赛项目、团体奖、个人奖、分值、得分", &["31.62", "32", "6", "3", "3", "4", "4"]),
    p("附件2", "信访维稳：信访事件、转办件、人次、感谢信、分值、得分", &["35", "14", "67", "1", "3", "3"]),
    p("附件2", "宣传典型事迹：离休干部、红色档案、分值、得分", &["2", "15", "4", "4"]),
    p("附件2", "离退休及在职人员满意度：目标规则、实际、分值、得分", &["95", "5", "1", "100", "5", "5"]),
    p("附件2", "行业协会、学会满意度：目标规则、实际、分值、得分", &["95", "5", "1", "100", "5", "5"]),
    p("附件2", "总分：分值、得分", &["100", "99.64"]),
    // 附件3 运行维护经费
    p(OM, "年度资金总额：年初预算数、全年预算数、全年执行数、分值、执行率、自评得分", &["846.86", "906.86", "906.86", "10", "100", "10"]),
    p(OM, "当年财政拨款", &["846.86", "906.86", "906.86"]),
    p(OM, "上年结转资金", &["0", "0", "0"]),
    p(OM, "其他资金", &["0", "0", "0"]),
    p(OM, "预期目标：活动场所、公务用车", &["1", "1"]),
    p(OM, "实际完成情况：危房户数、考试次数、报考人数、公务用车", &["33", "2", "26710", "1"]),
    p(OM, "一级指标分值：产出、效益、满意度", &["50", "30", "10"]),
    p(OM, "组织软考参考人次：目标、考试次数、报考人数、分值、得分", &["2", "2", "26710", "6", "6"]),
    p(OM, "新增公务用车：目标、实际、分值、得分", &["1", "1", "5", "5"]),
    p(OM, "老干活动室房屋租赁：目标、实际、分值、得分", &["1", "1", "5", "5"]),
    p(OM, "发生网络安全次数：目标、分值、得分", &["1", "5", "5"]),
    p(OM, "维修维护验收合格率：目标、分值、得分", &["98", "6", "6"]),
    p(OM, "网络安全巡检次数：目标、分值、得分", &["12", "5", "5"]),
    p(OM, "非税上交：目标年度、分值、得分", &["2024", "6", "6"]),
    p(OM, "运转类项目指标执行率：目标、实际、分值、得分", &["98", "100", "6", "6"]),
    p(OM, "运行维护经费不超额支出：目标、实际、分值、得分", &["906.86", "906.86", "6", "6"]),
    p(OM, "带动软件和服务产业人才：分值、得分", &["4", "4"]),
    p(OM, "盘活闲置资产：目标、实际、分值、得分", &["2", "2", "5", "5"]),
    p(OM, "计算机高质量人才输送：分值、得分", &["4", "4"]),
    p(OM, "网络安全达标率：目标、分值、得分", &["98", "4", "4"]),
    p(OM, "汽车尾气排放率：目标、分值、得分", &["50", "4", "4"]),
    p(OM, "老旧房屋消防隐患：分值、得分", &["5", "5"]),
    p(OM, "办公OA升级改造：目标、分值、得分", &["25", "4", "4"]),
    p(OM, "满意度：目标、实际、分值、得分", &["95", "98", "10", "10"]),
    p(OM, "总分：分值、得分", &["100", "100"]),
    // 附件3 业务工作经费
    p(YW, "年度资金总额：年初预算数、全年预算数、全年执行数、分值、执行率、自评得分", &["428.73", "334.9", "78.92", "10", "23.57", "2.36"]),
    p(YW, "当年财政拨款", &["175.98", "82.12", "72.12"]),
    p(YW, "上年结转资金", &["0", "0", "0"]),
    p(YW, "其他资金", &["252.78", "252.78", "6.8"]),
    p(YW, "实际完成情况：期数、批次、专项工作、培训、活动、企业", &["226", "4", "20", "6", "9", "30"]),
    p(YW, "一级指标分值：产出、效益、满意度", &["50", "30", "10"]),
    p(YW, "安全生产指导服务工作：目标、企业、分值、得分", &["25", "30", "8", "8"]),
    p(YW, "促行业发展培训及活动：目标、培训、活动、分值、得分", &["10", "6", "9", "8", "8"]),
    p(YW, "信息技术行业标准：目标、分值、得分", &["1", "8", "8"]),
    p(YW, "行业调研报告：目标、期数、分值、得分", &["5", "226", "8", "8"]),
    p(YW, "培训及赛事、活动的举办：目标年度、年度、培训、活动、分值、得分", &["2024", "2024", "6", "9", "9", "9"]),
    p(YW, "业务工作经费不超额支出：目标、实际、分值、得分", &["82.12", "72.12", "9", "9"]),
    p(YW, "新能源汽车推广补贴清算：批次、企业、分值、得分", &["2", "20", "7", "7"]),
    p(YW, "解忧服务：人次、分值、得分", &["6", "8", "8"]),
    p(YW, "行业、协会沟通桥梁：场次、分值、得分", &["20", "8", "8"]),
    p(YW, "培养产业人才：培训班期数、年度、分值、得分", &["1", "2024", "7", "7"]),
    p(YW, "满意度：目标、实际、分值、得分", &["95", "100", "10", "10"]),
    p(YW, "总分：分值、得分", &["100", "92.36"]),
];

/// Figures the reference prints wrongly (the audit reports each): the
/// generated report must print the computed value, never these.
const REFERENCE_ERRORS: &[(&str, &str)] = &[
    ("二", "1181.76"),
    ("六", "99.98"),
    ("六", "9.98"),
    ("六", "7064.68"),
    ("六", "96.45"),
    ("六", "9.64"),
    ("附件1", "1343.35"),
    ("附件1", "436.49"),
    ("附件1", "1212.48"),
    ("附件2", "6912.38"),
    ("附件2", "7064.68"),
    ("附件2", "96.45"),
    ("附件2", "9.64"),
    ("附件2", "6078.90"),
    ("附件2", "99.64"),
    (YW, "428.73"),
];

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|e| panic!("{text} is not a decimal: {e}"))
}

/// Every number written in `text`: digits with an optional decimal part
/// (`96.46%` gives 96.46, `1.讲政治` gives 1, `≥2.5万人次` gives 2.5).
fn numbers(text: &str) -> Vec<Decimal> {
    numbers_with_rest(text)
        .into_iter()
        .map(|(d, _)| d)
        .collect()
}

/// Every number in `text` with the text that follows it.
fn numbers_with_rest(text: &str) -> Vec<(Decimal, &str)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        out.push((dec(&text[start..i]), &text[i..]));
    }
    out
}

/// The values a finding's message gives with a unit (`1181.76 万元`, `99.98 分`, `96.45%`).
fn message_values(message: &str) -> Vec<Decimal> {
    numbers_with_rest(message)
        .into_iter()
        .filter(|(_, rest)| {
            let rest = rest.trim_start();
            rest.starts_with("万元") || rest.starts_with('分') || rest.starts_with('%')
        })
        .map(|(d, _)| d)
        .collect()
}

fn cell_text(table: &Table, row: usize, cell: usize) -> String {
    table.rows[row].cells[cell]
        .lines
        .iter()
        .map(|line| document::plain_text(line))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The report split into its parts: 一 … 十 by their headings, 附件1, 附件2, and
/// 附件3·项目名 for each project table.
struct Parts {
    blocks: BTreeMap<String, Vec<Block>>,
}

impl Parts {
    fn of(doc: &Document) -> Parts {
        let mut blocks: BTreeMap<String, Vec<Block>> = BTreeMap::new();
        let mut part = String::from("标题");
        let mut after_table = false;
        for block in &doc.blocks {
            let continues = std::mem::replace(&mut after_table, matches!(block, Block::Table(_)));
            match block {
                Block::Heading { level: 1, content } => {
                    let text = document::plain_text(content);
                    part = text.split('、').next().unwrap_or_default().to_string();
                }
                Block::Paragraph {
                    role: ParagraphRole::AttachmentLabel,
                    content,
                } => part = document::plain_text(content).trim().to_string(),
                // A table right under another continues its form.
                Block::Table(table) if part.starts_with("附件3") && !continues => {
                    part = format!("附件3·{}", cell_text(table, 0, 1));
                }
                _ => {}
            }
            blocks.entry(part.clone()).or_default().push(block.clone());
        }
        Parts { blocks }
    }

    fn blocks(&self, part: &str) -> &[Block] {
        self.blocks
            .get(part)
            .unwrap_or_else(|| panic!("the report has no part {part}; it has {:?}", self.names()))
    }

    fn names(&self) -> Vec<&String> {
        self.blocks.keys().collect()
    }

    /// All the text of a part, one string per paragraph, heading or table cell.
    fn texts(&self, part: &str) -> Vec<String> {
        let mut out = Vec::new();
        for block in self.blocks(part) {
            match block {
                Block::Title(content)
                | Block::Heading { content, .. }
                | Block::Paragraph { content, .. } => out.push(document::plain_text(content)),
                Block::Table(table) => {
                    for (r, row) in table.rows.iter().enumerate() {
                        for c in 0..row.cells.len() {
                            out.push(cell_text(table, r, c));
                        }
                    }
                }
                Block::PageBreak => {}
            }
        }
        out
    }

    fn numbers(&self, part: &str) -> Vec<Decimal> {
        self.texts(part).iter().flat_map(|t| numbers(t)).collect()
    }

    fn paragraphs(&self, part: &str) -> Vec<String> {
        self.blocks(part)
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { content, .. } => Some(document::plain_text(content)),
                _ => None,
            })
            .collect()
    }

    /// The part's form: its table, or its budget table and the indicator
    /// table directly under it, as one list of rows.
    fn table(&self, part: &str) -> Table {
        let tables: Vec<&Table> = self
            .blocks(part)
            .iter()
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect();
        assert!(
            (1..=2).contains(&tables.len()),
            "{part} should hold one form of one or two tables"
        );
        Table {
            rows: tables.iter().flat_map(|t| t.rows.clone()).collect(),
            column_widths: Vec::new(),
        }
    }
}

fn parts(markdown: &str) -> Parts {
    let doc = document::parse(markdown).expect("the report parses");
    Parts::of(&doc)
}

/// The first number after `marker` in `text`.
fn number_after(text: &str, marker: &str) -> Decimal {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("“{marker}” not found in: {text}"));
    numbers(&text[at + marker.len()..])
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("no number after “{marker}” in: {text}"))
}

/// The cells of the first row of `table` whose first cell reads `label`.
fn row_with(table: &Table, label: &str) -> Vec<String> {
    let rows: Vec<usize> = (0..table.rows.len())
        .filter(|&r| !table.rows[r].cells.is_empty() && cell_text(table, r, 0) == label)
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "expected exactly one row starting with “{label}”"
    );
    let r = rows[0];
    (0..table.rows[r].cells.len())
        .map(|c| cell_text(table, r, c))
        .collect()
}

fn figure(analysis: &Analysis, name: &str) -> Decimal {
    analysis
        .figures
        .number(name)
        .unwrap_or_else(|| panic!("figure {name} has no number"))
}

#[test]
fn the_figure_list_is_the_whole_reference() {
    let count: usize = REFERENCE.iter().map(|p| p.values.len()).sum();
    assert!(count >= 150, "only {count} figures listed");
    for part in REFERENCE {
        for v in part.values {
            dec(v);
        }
    }
}

#[test]
fn every_printed_figure_is_rendered_or_reported() {
    let analysis = analysis();
    let parts = parts(&markdown(&analysis));
    let mut missing = Vec::new();
    let mut via_findings = 0;
    for printed in REFERENCE {
        let rendered = parts.numbers(printed.part);
        for value in printed.values {
            let v = dec(value);
            if rendered.contains(&v) {
                continue;
            }
            // Not printed as the reference printed it: it must be a figure the
            // audit calls wrong, with the computed value printed in its place.
            let explained = analysis.findings.iter().any(|f| {
                message_values(&f.message).contains(&v)
                    && f.figures.first().is_some_and(|name| {
                        analysis.figures.number(name).is_some_and(|c| {
                            rendered.contains(&c) || rendered.contains(&c.round_dp(2))
                        })
                    })
            });
            if explained {
                via_findings += 1;
            } else {
                missing.push(format!("{} {}：{}", printed.part, printed.what, value));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} printed figures are neither in the generated report nor reported by the audit:\n{}",
        missing.len(),
        missing.join("\n")
    );
    // The reference has wrong figures; they can only be covered by findings.
    assert!(via_findings >= REFERENCE_ERRORS.len(), "{via_findings}");
}

#[test]
fn wrong_printed_figures_are_not_copied() {
    let analysis = analysis();
    let parts = parts(&markdown(&analysis));
    let copied: Vec<String> = REFERENCE_ERRORS
        .iter()
        .filter(|(part, value)| parts.numbers(part).contains(&dec(value)))
        .map(|(part, value)| format!("{part}：{value}"))
        .collect();
    assert!(
        copied.is_empty(),
        "the report prints figures the audit calls wrong: {copied:?}"
    );
}

#[test]
fn total_score_is_the_same_in_six_and_attachment_2() {
    let analysis = analysis();
    let parts = parts(&markdown(&analysis));
    let computed = figure(&analysis, "unit.total_score");
    // 六 opens with the total score, the first number after the year.
    let six = parts.paragraphs("六").remove(0);
    let in_six = numbers(&six)[1];
    let total_row = row_with(&parts.table("附件2"), "总分");
    let in_table = dec(total_row[2].trim());
    assert_eq!(in_six, computed, "六: {six}");
    assert_eq!(in_table, computed, "附件2 总分: {total_row:?}");
    let grade = analysis.figures.get("unit.grade").expect("unit.grade");
    let grade = match &grade.value {
        jixiao::compute::Value::Text(t) => t.clone(),
        other => panic!("grade is {other:?}"),
    };
    assert!(six.contains(&format!("“{grade}”")), "六: {six}");
    assert!(total_row[3].contains(&grade), "附件2 总分: {total_row:?}");
}

#[test]
fn execution_score_and_rate_are_the_same_in_six_and_attachment_2() {
    let analysis = analysis();
    let parts = parts(&markdown(&analysis));
    let score = figure(&analysis, "overall.execution_score");
    let rate = figure(&analysis, "overall.execution_rate");
    let paragraphs = parts.paragraphs("六");
    // The opening paragraph: year, total score, then the execution score.
    let lead = &paragraphs[0];
    assert_eq!(numbers(lead)[2], score, "{lead}");
    // 六㈠, the paragraph after it: budget, actual, rate, weight, score.
    let execution = &paragraphs[1];
    let stated = numbers(execution);
    assert_eq!(stated[2], rate, "{execution}");
    assert_eq!(
        stated[3],
        figure(&analysis, "unit.execution_weight"),
        "{execution}"
    );
    assert_eq!(stated[4], score, "{execution}");
    let row = row_with(&parts.table("附件2"), "年度资金总额");
    assert_eq!(row.len(), 7, "{row:?}");
    assert_eq!(dec(row[5].trim_end_matches('%')), rate, "{row:?}");
    assert_eq!(dec(&row[6]), score, "{row:?}");
    assert_eq!(dec(&row[2]), figure(&analysis, "overall.full_year_budget"));
    assert_eq!(dec(&row[3]), figure(&analysis, "overall.actual"));
    assert_eq!(stated[0], dec(&row[2]), "{execution}");
    assert_eq!(stated[1], dec(&row[3]), "{execution}");
}

#[test]
fn each_project_total_appears_once_in_its_table() {
    let analysis = analysis();
    let parts = parts(&markdown(&analysis));
    let projects = &analysis.loaded.facts.projects;
    let tables: Vec<&String> = parts
        .names()
        .into_iter()
        .filter(|n| n.starts_with("附件3·"))
        .collect();
    assert_eq!(tables.len(), projects.len(), "{tables:?}");
    for project in projects {
        let name = &project.name.value;
        let part = format!("附件3·{name}");
        let table = &parts.table(&part);
        let key = format!("project[{name}]");
        let total = figure(&analysis, &format!("{key}.total_score"));
        let row = row_with(table, "总分");
        assert_eq!(
            dec(&row[1]),
            figure(&analysis, &format!("{key}.total_weight"))
        );
        assert_eq!(dec(&row[2]), total, "{part} 总分: {row:?}");
        let money = row_with(table, "年度资金总额");
        assert_eq!(money.len(), 7, "{money:?}");
        let expected = [
            figure(&analysis, &format!("{key}.initial_budget")),
            figure(&analysis, &format!("{key}.full_year_budget")),
            figure(&analysis, &format!("{key}.actual")),
            figure(&analysis, &format!("{key}.execution_weight")),
            figure(&analysis, &format!("{key}.execution_rate")),
            figure(&analysis, &format!("{key}.execution_score")),
        ];
        for (cell, want) in money[1..].iter().zip(expected) {
            assert_eq!(dec(cell.trim_end_matches('%')), want, "{part}: {money:?}");
        }
        // The same project in 附件1 (本年预算数, 本年决算数) and in 二㈡ (实际支出).
        let base = &parts.table("附件1");
        let base_row = (0..base.rows.len())
            .map(|r| {
                (0..base.rows[r].cells.len())
                    .map(|c| cell_text(base, r, c))
                    .collect::<Vec<_>>()
            })
            .find(|cells| cells[0].ends_with(&format!("、{name}")))
            .unwrap_or_else(|| panic!("附件1 has no row for {name}"));
        assert_eq!(dec(&base_row[2]), expected[1], "附件1: {base_row:?}");
        assert_eq!(dec(&base_row[3]), expected[2], "附件1: {base_row:?}");
        let two = parts.paragraphs("二").join("");
        assert_eq!(number_after(&two, name), expected[2], "二㈡: {two}");
    }
}

#[test]
fn number_reading_matches_by_value() {
    assert_eq!(numbers("5983.40万元"), vec![dec("5983.4")]);
    assert_eq!(numbers("执行率96.46%。"), vec![dec("96.46")]);
    assert_eq!(numbers("1.讲政治；≥2.5万人次"), vec![dec("1"), dec("2.5")]);
    assert_eq!(
        message_values("印为 1181.76 万元（第 697 行），99.98 分，96.45%"),
        vec![dec("1181.76"), dec("99.98"), dec("96.45")]
    );
}

//! A realistic report: title, headings of every level, body text, a
//! signature, and two attachments with tables (the 9-column indicator table
//! with merged cells, long enough to cross a page).

use jixiao::document::{Block, Cell, CellAlign, Document, Inline, ParagraphRole, Row, Table};

pub fn text(s: &str) -> Vec<Inline> {
    vec![Inline::plain(s)]
}

pub fn para(role: ParagraphRole, s: &str) -> Block {
    Block::Paragraph {
        role,
        content: text(s),
    }
}

pub fn body_text(s: &str) -> Block {
    para(ParagraphRole::Body, s)
}

pub fn heading(level: u8, s: &str) -> Block {
    Block::Heading {
        level,
        content: text(s),
    }
}

pub fn cell(s: &str, rowspan: u32, colspan: u32, align: CellAlign) -> Cell {
    Cell {
        lines: vec![text(s)],
        rowspan,
        colspan,
        align,
    }
}

pub fn plain(s: &str) -> Cell {
    cell(s, 1, 1, CellAlign::Left)
}

pub fn centred(s: &str) -> Cell {
    cell(s, 1, 1, CellAlign::Center)
}

pub const TITLE: &str = "某某市财政局2024年度部门整体支出绩效自评报告";
pub const INDICATOR_COLUMNS: usize = 9;

/// (二级指标, [(三级指标, 年度指标值, 实际完成值, 分值, 得分, 偏差原因)])
pub type Group = (
    &'static str,
    &'static [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )],
);

pub const OUTPUT: &[Group] = &[
    (
        "数量指标",
        &[
            (
                "组织预算绩效管理培训人次",
                "≥2000人次",
                "2150人次",
                "6",
                "6",
                "",
            ),
            ("开展重点绩效评价项目数", "≥12个", "12个", "6", "6", ""),
            ("预算单位覆盖数", "=36家", "36家", "6", "6", ""),
        ],
    ),
    (
        "质量指标",
        &[
            ("资金支付合规率", "=100%", "100%", "6", "6", ""),
            (
                "绩效目标审核覆盖率",
                "≥95%",
                "93.5%",
                "6",
                "5",
                "年中追加的3个项目未同步编报绩效目标，下一年度将绩效目标审核嵌入预算追加流程，做到“未编目标不予追加”。",
            ),
        ],
    ),
    (
        "时效指标",
        &[
            ("预算批复及时率", "=100%", "100%", "5", "5", ""),
            ("部门决算报送及时率", "=100%", "100%", "5", "5", ""),
        ],
    ),
    (
        "成本指标",
        &[("人均培训成本", "≤500元", "468元", "5", "5", "")],
    ),
];

pub const EFFECT: &[Group] = &[
    (
        "经济效益指标",
        &[
            ("压减一般性支出比例", "≥5%", "6.2%", "5", "5", ""),
            (
                "评价结果应用调减预算金额",
                "≥300万元",
                "326.80万元",
                "5",
                "5",
                "",
            ),
        ],
    ),
    (
        "社会效益指标",
        &[
            ("财政信息公开及时率", "=100%", "100%", "5", "5", ""),
            (
                "预算绩效信息公开单位占比",
                "≥90%",
                "86.1%",
                "5",
                "4",
                "部分基层单位公开栏目设置不规范、公开内容不完整，已印发整改通知并纳入下年度考核。",
            ),
        ],
    ),
    (
        "可持续影响指标",
        &[
            ("预算绩效管理制度健全性", "健全", "健全", "5", "5", ""),
            (
                "绩效运行监控常态化",
                "按季度开展",
                "按季度开展",
                "5",
                "5",
                "",
            ),
        ],
    ),
];

pub const SATISFACTION: &[Group] = &[(
    "服务对象满意度指标",
    &[
        ("预算单位满意度", "≥90%", "92.3%", "5", "5", ""),
        (
            "社会公众满意度",
            "≥85%",
            "83.0%",
            "5",
            "4.5",
            "政策宣传覆盖面不足，部分公众对财政资金使用情况了解不多，将通过政务新媒体加强解读。",
        ),
    ],
)];

/// Rows in the groups of one 一级指标.
pub fn rows_in(groups: &[Group]) -> usize {
    groups.iter().map(|(_, items)| items.len()).sum()
}

/// The column heads of the indicator table, in order.
pub const INDICATOR_HEADS: [&str; 9] = [
    "绩效指标",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "自评得分",
    "偏差原因分析及改进措施",
];

/// The 9-column 部门整体支出绩效自评表: one header row, a first column
/// spanning every indicator row, 一级 and 二级 columns spanning theirs, and
/// a 总分 row whose label spans 6 columns.
pub fn indicator_table() -> Table {
    let header = Row {
        header: true,
        cells: INDICATOR_HEADS.iter().map(|s| centred(s)).collect(),
    };
    let levels: [(&str, &[Group]); 3] = [
        ("产出指标", OUTPUT),
        ("效益指标", EFFECT),
        ("满意度指标", SATISFACTION),
    ];
    let all = levels.iter().map(|(_, g)| rows_in(g)).sum::<usize>() as u32;
    let mut rows = vec![header];
    for (level, groups) in levels {
        for (g, (second, items)) in groups.iter().enumerate() {
            for (i, (third, target, actual, weight, score, reason)) in items.iter().enumerate() {
                let mut cells = Vec::new();
                if rows.len() == 1 {
                    cells.push(cell("年度绩效指标", all, 1, CellAlign::Center));
                }
                if g == 0 && i == 0 {
                    cells.push(cell(level, rows_in(groups) as u32, 1, CellAlign::Center));
                }
                if i == 0 {
                    cells.push(cell(second, items.len() as u32, 1, CellAlign::Center));
                }
                cells.extend([
                    plain(third),
                    centred(target),
                    centred(actual),
                    centred(weight),
                    centred(score),
                    plain(reason),
                ]);
                rows.push(Row {
                    header: false,
                    cells,
                });
            }
        }
    }
    rows.push(Row {
        header: false,
        cells: vec![
            cell("总分", 1, 6, CellAlign::Center),
            centred("100"),
            centred("97.5"),
            plain(""),
        ],
    });
    Table {
        rows,
        column_widths: Vec::new(),
    }
}

pub fn sample_report() -> Document {
    let long = "本部门认真贯彻落实党中央、国务院关于全面实施预算绩效管理的决策部署，\
                坚持“花钱必问效、无效必问责”，将绩效理念和方法深度融入预算编制、执行和监督全过程，\
                推动预算绩效管理提质增效。";
    let mut blocks = vec![
        Block::Title(text(TITLE)),
        body_text(
            "根据《中华人民共和国预算法》和《关于全面实施预算绩效管理的意见》等规定，现将本部门2024年度整体支出绩效自评情况报告如下：",
        ),
        heading(1, "一、部门基本情况"),
        heading(2, "㈠部门职能"),
        body_text(long),
        body_text(
            "本部门内设机构12个，下属预算单位3个。2024年末实有人员编制86名，其中行政编制64名、事业编制22名。",
        ),
        heading(2, "㈡年度预算收支情况"),
        Block::Paragraph {
            role: ParagraphRole::Body,
            content: vec![
                Inline {
                    text: "2024年度收入预算合计12,345.67万元，".into(),
                    bold: false,
                },
                Inline {
                    text: "其中财政拨款收入12,000.00万元".into(),
                    bold: true,
                },
                Inline {
                    text: "，占97.20%；年度支出合计11,876.54万元，预算执行率96.20%。".into(),
                    bold: false,
                },
            ],
        },
        heading(1, "二、绩效目标完成情况"),
        heading(3, "1.产出指标完成情况"),
        heading(4, "⑴数量指标"),
        body_text(
            "全年组织预算绩效管理培训2150人次，完成年度目标的107.50%；开展重点绩效评价项目12个，覆盖预算单位36家。",
        ),
        heading(4, "⑵质量指标"),
        body_text(
            "资金支付合规率100%。绩效目标审核覆盖率93.5%，较年度目标低1.5个百分点，主要原因是年中追加项目未同步编报绩效目标。",
        ),
        heading(3, "2.效益指标完成情况"),
        body_text(long),
        heading(1, "三、存在的问题及原因分析"),
        body_text(
            "一是绩效目标编制质量有待提高。部分项目绩效指标设置不够细化、量化，可衡量性不强。",
        ),
        body_text("二是评价结果应用不够充分。评价结果与预算安排挂钩的机制尚需进一步完善。"),
        heading(1, "四、下一步改进措施"),
        body_text(long),
        body_text(long),
        body_text(long),
        para(ParagraphRole::Right, "某某市财政局"),
        para(ParagraphRole::Right, "2025年3月15日"),
        Block::PageBreak,
        para(ParagraphRole::AttachmentLabel, "附件1"),
        para(ParagraphRole::TableTitle, "2024年度部门整体支出绩效自评表"),
        Block::Table(indicator_table()),
        para(
            ParagraphRole::Note,
            "注：1.分值与得分保留两位小数以内；\n2.偏差原因分析应说明未完成目标的主客观原因及改进措施。",
        ),
    ];
    blocks.push(Block::PageBreak);
    blocks.push(para(ParagraphRole::AttachmentLabel, "附件2"));
    blocks.push(para(
        ParagraphRole::TableTitle,
        "2024年度部门预算收支情况表",
    ));
    blocks.push(Block::Table(Table {
        rows: vec![
            Row {
                header: true,
                cells: vec![
                    centred("项目"),
                    centred("预算数（万元）"),
                    centred("执行数（万元）"),
                    centred("执行率"),
                ],
            },
            Row {
                header: false,
                cells: vec![
                    plain("基本支出"),
                    cell("8,000.00", 1, 1, CellAlign::Right),
                    cell("7,912.34", 1, 1, CellAlign::Right),
                    cell("98.90%", 1, 1, CellAlign::Right),
                ],
            },
            Row {
                header: false,
                cells: vec![
                    plain("项目支出"),
                    cell("4,345.67", 1, 1, CellAlign::Right),
                    cell("3,964.20", 1, 1, CellAlign::Right),
                    cell("91.22%", 1, 1, CellAlign::Right),
                ],
            },
        ],
        column_widths: vec![4, 3, 3, 2],
    }));
    Document { blocks }
}

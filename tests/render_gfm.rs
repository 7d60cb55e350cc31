//! The generated Markdown is well formed: it parses back into a document,
//! every table is a rectangle once spans are counted, the indicator blocks
//! merge exactly as many rows as the YAML has indicators, the ten parts come
//! in order, and user text reads back literally however much markup it holds.

mod common;

use common::{analysis, markdown};
use jixiao::Analysis;
use jixiao::document::{self, Block, Document, ParagraphRole, Table};
use jixiao::model::{Evaluation, Text};

/// Text full of Markdown, HTML and Tera markup.
const NASTY: &str = r#"A&B <table> {{ x }} | *b* _c_ [d](e) # f \ g ~h~ 'q' "r""#;

fn parse(markdown: &str) -> Document {
    document::parse(markdown).unwrap_or_else(|e| panic!("the report does not parse: {e:?}"))
}

fn tables(doc: &Document) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
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

fn text(s: &str) -> Text {
    Text {
        value: s.to_string(),
        at: Default::default(),
    }
}

#[test]
fn report_parses_and_every_table_is_a_rectangle() {
    let doc = parse(&markdown(&analysis()));
    let tables = tables(&doc);
    assert!(!tables.is_empty());
    for (i, table) in tables.iter().enumerate() {
        let grid = table
            .grid()
            .unwrap_or_else(|e| panic!("table {} is not a rectangle: {e}", i + 1));
        assert!(grid.width > 1, "table {} has width {}", i + 1, grid.width);
        assert_eq!(grid.slots.len(), table.rows.len());
        if !table.column_widths.is_empty() {
            assert_eq!(
                table.column_widths.len(),
                grid.width,
                "table {}: <col> widths do not match its columns",
                i + 1
            );
        }
    }
}

#[test]
fn one_html_table_per_attachment_table() {
    let analysis = analysis();
    let markdown = markdown(&analysis);
    // 附件1, then per self-evaluation form (附件2, each project's 附件3) a
    // budget table and the indicator table under it.
    let expected = 1 + 2 * (1 + analysis.loaded.facts.projects.len());
    assert_eq!(markdown.matches("<table>").count(), expected);
    assert_eq!(markdown.matches("</table>").count(), expected);
    let doc = parse(&markdown);
    assert_eq!(
        tables(&doc).len(),
        expected,
        "tables in the parsed document"
    );
    // No blank line inside an HTML table (it would end the HTML block).
    let mut inside = false;
    for (n, line) in markdown.lines().enumerate() {
        if line.starts_with("<table") {
            inside = true;
        }
        assert!(
            !(inside && line.trim().is_empty()),
            "blank line {} inside a table",
            n + 1
        );
        if line.contains("</table>") {
            inside = false;
        }
    }
}

/// Walks the rows of an indicator table and checks every merged cell against
/// the YAML: its head row (repeated on every page) starts with 绩效指标, the
/// column under it spans every indicator, the 一级指标 cell spans its
/// indicators, the 二级指标 cell spans its own, and the 三级指标 names come in
/// the YAML's order.
fn check_indicator_block(label: &str, table: &Table, evaluation: &Evaluation) {
    let header = (0..table.rows.len())
        .find(|&r| {
            table.rows[r]
                .cells
                .iter()
                .enumerate()
                .any(|(c, _)| cell_text(table, r, c) == "一级指标")
        })
        .unwrap_or_else(|| panic!("{label}: no 一级指标 header row"));
    let total: usize = evaluation
        .categories
        .iter()
        .flat_map(|c| &c.subcategories)
        .map(|s| s.indicators.len())
        .sum();
    assert_eq!(header, 0, "{label}: the head row comes first");
    assert!(table.rows[0].header, "{label}: the head row repeats");
    assert_eq!(cell_text(table, header, 0), "绩效指标", "{label}");
    assert_eq!(table.rows[header].cells[0].rowspan, 1, "{label}");
    let mut r = header + 1;
    if total > 0 {
        assert_eq!(
            table.rows[r].cells[0].rowspan as usize, total,
            "{label}: the column under 绩效指标 spans the {total} indicators"
        );
    }
    let mut first_row = true;
    for category in &evaluation.categories {
        let c_rows: usize = category
            .subcategories
            .iter()
            .map(|s| s.indicators.len())
            .sum();
        let mut first_in_category = true;
        for sub in &category.subcategories {
            for (k, indicator) in sub.indicators.iter().enumerate() {
                let mut c = usize::from(std::mem::take(&mut first_row));
                if first_in_category {
                    let cell = &table.rows[r].cells[c];
                    let shown = cell_text(table, r, c);
                    assert!(
                        shown.starts_with(&category.name.value),
                        "{label} row {r}: expected 一级指标 {}, found {shown}",
                        category.name.value
                    );
                    assert_eq!(
                        cell.rowspan as usize, c_rows,
                        "{label}: {} spans {} rows, has {c_rows} indicators",
                        category.name.value, cell.rowspan
                    );
                    c += 1;
                    first_in_category = false;
                }
                if k == 0 {
                    let cell = &table.rows[r].cells[c];
                    assert_eq!(cell_text(table, r, c), sub.name.value, "{label} row {r}");
                    assert_eq!(
                        cell.rowspan as usize,
                        sub.indicators.len(),
                        "{label}: {}/{} spans {} rows",
                        category.name.value,
                        sub.name.value,
                        cell.rowspan
                    );
                    c += 1;
                }
                assert_eq!(
                    cell_text(table, r, c),
                    indicator.name.value,
                    "{label} row {r}"
                );
                r += 1;
            }
        }
    }
    assert_eq!(
        cell_text(table, r, 0),
        "总分",
        "{label}: the 总分 row follows the indicators"
    );
}

#[test]
fn indicator_rowspans_match_the_yaml() {
    let analysis = analysis();
    let doc = parse(&markdown(&analysis));
    let tables = tables(&doc);
    let facts = &analysis.loaded.facts;
    check_indicator_block("附件2", tables[2], &facts.self_evaluation);
    for (i, project) in facts.projects.iter().enumerate() {
        let budget = tables[3 + 2 * i];
        assert_eq!(cell_text(budget, 0, 1), project.name.value);
        check_indicator_block(
            &format!("附件3 {}", project.name.value),
            tables[4 + 2 * i],
            &project.evaluation,
        );
    }
}

#[test]
fn the_2024_indicator_block_spans_as_printed() {
    // The reference's 附件2: 产出指标 spans 10 rows, 数量指标 3, 效益指标 7.
    let doc = parse(&markdown(&analysis()));
    let table = tables(&doc)[2];
    let span = |label: &str| -> u32 {
        let found: Vec<u32> = table
            .rows
            .iter()
            .enumerate()
            .flat_map(|(r, row)| (0..row.cells.len()).map(move |c| (r, c)))
            .filter(|&(r, c)| cell_text(table, r, c) == label)
            .map(|(r, c)| table.rows[r].cells[c].rowspan)
            .collect();
        assert_eq!(found.len(), 1, "{label}: {found:?}");
        found[0]
    };
    assert_eq!(span("产出指标（50分）"), 10);
    assert_eq!(span("数量指标"), 3);
    assert_eq!(span("质量指标"), 3);
    assert_eq!(span("效益指标（30分）"), 9);
    assert_eq!(span("社会效益指标"), 3);
    assert_eq!(span("满意度指标（10分）"), 2);
    assert_eq!(span("绩效指标"), 1);
    assert_eq!(
        table.rows[1].cells[0].rowspan, 21,
        "the column under 绩效指标"
    );
}

#[test]
fn headings_one_to_ten_in_order() {
    let doc = parse(&markdown(&analysis()));
    let numerals: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level: 1, content } => Some(document::plain_text(content)),
            _ => None,
        })
        .map(|t| t.split('、').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        numerals,
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    );
    assert!(
        matches!(doc.blocks.first(), Some(Block::Title(_))),
        "the report starts with its title"
    );
}

#[test]
fn attachments_carry_their_layout_hints() {
    let doc = parse(&markdown(&analysis()));
    let labels: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph {
                role: ParagraphRole::AttachmentLabel,
                content,
            } => Some(document::plain_text(content)),
            _ => None,
        })
        .collect();
    assert_eq!(labels, ["附件1", "附件2", "附件3", "附件3"]);
    let breaks = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count();
    assert_eq!(breaks, 4, "one page break before each attachment table");
    // Every table is preceded by its title, or continues the table above.
    for (i, b) in doc.blocks.iter().enumerate() {
        if matches!(b, Block::Table(_)) {
            assert!(
                matches!(
                    doc.blocks[i - 1],
                    Block::Paragraph {
                        role: ParagraphRole::TableTitle,
                        ..
                    } | Block::Table(_)
                ),
                "table at block {i} has no title"
            );
        }
    }
}

/// The report for the 2024 data with `NASTY` as the first problem and as the
/// first indicator's 实际完成值 of 附件2.
fn nasty_report() -> (Document, String) {
    let mut loaded = analysis().loaded;
    let facts = &mut loaded.facts;
    facts.narrative.problems[0] = text(NASTY);
    facts.self_evaluation.categories[0].subcategories[0].indicators[0].actual = text(NASTY);
    let markdown = markdown(&Analysis::of(loaded));
    (parse(&markdown), markdown)
}

#[test]
fn user_text_reads_back_literally_in_a_paragraph() {
    let (doc, markdown) = nasty_report();
    assert!(
        !markdown.contains("<table> {{"),
        "the raw text leaked unescaped"
    );
    let paragraphs: Vec<String> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(document::plain_text(content)),
            _ => None,
        })
        .collect();
    let found: Vec<&String> = paragraphs.iter().filter(|p| p.contains(NASTY)).collect();
    assert_eq!(found.len(), 1, "paragraphs holding the text: {found:?}");
    assert_eq!(found[0], &format!("㈠{NASTY}"));
    // Nothing turned into bold text or a heading.
    for b in &doc.blocks {
        if let Block::Paragraph { content, .. } = b
            && document::plain_text(content).contains(NASTY)
        {
            assert!(content.iter().all(|i| !i.bold), "{content:?}");
        }
    }
}

#[test]
fn user_text_reads_back_literally_in_a_table_cell() {
    let (doc, _) = nasty_report();
    let table = tables(&doc)[2];
    let cells: Vec<String> = table
        .rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| (0..row.cells.len()).map(move |c| (r, c)))
        .map(|(r, c)| cell_text(table, r, c))
        .filter(|t| t.contains("A&B"))
        .collect();
    assert_eq!(cells, [NASTY]);
    table.grid().expect("the table keeps its shape");
}

#[test]
fn block_markup_at_the_start_of_a_paragraph_stays_text() {
    // The 八 lead sentence stands alone at the start of its paragraph.
    let intro = "1. 开头像列表\n# 像标题\n- 像列表项";
    let mut loaded = analysis().loaded;
    loaded.facts.narrative.improvements.intro = Some(text(intro));
    let markdown = markdown(&Analysis::of(loaded));
    let doc = parse(&markdown);
    let found: Vec<&Block> = doc
        .blocks
        .iter()
        .filter(|b| match b {
            Block::Paragraph { content, .. } => {
                document::plain_text(content).contains("开头像列表")
            }
            _ => false,
        })
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let Block::Paragraph { role, content } = found[0] else {
        unreachable!()
    };
    assert_eq!(*role, ParagraphRole::Body);
    assert_eq!(document::plain_text(content), intro);
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    let plain = parse(&self::markdown(&analysis()))
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { .. }))
        .count();
    assert_eq!(headings, plain, "user text created a heading");
}

/// Parses `markdown` and checks the shape every report must have.
fn assert_well_formed(label: &str, markdown: &str, projects: usize) {
    let doc = document::parse(markdown).unwrap_or_else(|e| panic!("{label}: {e:?}"));
    let tables = tables(&doc);
    assert_eq!(tables.len(), 1 + 2 * (1 + projects), "{label}: tables");
    for (i, t) in tables.iter().enumerate() {
        t.grid()
            .unwrap_or_else(|e| panic!("{label}: table {} is not a rectangle: {e}", i + 1));
    }
    let headings = doc
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Heading { level: 1, .. }))
        .count();
    assert_eq!(headings, 10, "{label}: headings 一 to 十");
}

#[test]
fn an_indicator_table_whose_first_category_is_empty_stays_a_rectangle() {
    let mut loaded = analysis().loaded;
    for sub in &mut loaded.facts.self_evaluation.categories[0].subcategories {
        sub.indicators.clear();
    }
    loaded.facts.projects[0].evaluation.categories[0].subcategories[0]
        .indicators
        .clear();
    let md = markdown(&Analysis::of(loaded));
    assert_well_formed("first category empty", &md, 2);
    let doc = parse(&md);
    let tables = tables(&doc);
    for indicators in [tables[2], tables[4]] {
        let body_rows = indicators.rows.len() - 2;
        assert_eq!(indicators.rows[1].cells[0].rowspan as usize, body_rows);
    }
}

#[test]
fn other_shapes_of_data_stay_well_formed() {
    use jixiao::model::BudgetType;

    let mut loaded = analysis().loaded;
    loaded.facts.projects.clear();
    let md = markdown(&Analysis::of(loaded));
    assert_well_formed("no projects", &md, 0);

    let mut loaded = analysis().loaded;
    loaded.facts.projects[1].budget_type = BudgetType::GovernmentFund;
    loaded.facts.other_budgets.government_fund = vec![text("另有说明。")];
    let md = markdown(&Analysis::of(loaded));
    assert_well_formed("a government-fund project", &md, 2);
    let three = md
        .split("## 三、")
        .nth(1)
        .and_then(|s| s.split("## 四、").next())
        .expect("三");
    assert!(three.contains("业务工作经费"), "{three}");
    assert!(three.contains("另有说明。"), "{three}");

    let mut loaded = analysis().loaded;
    let facts = &mut loaded.facts;
    facts.unit.short_name = None;
    facts.unit.staffing.kind = None;
    facts.unit.staffing.posts = None;
    facts.narrative.problems.clear();
    facts.narrative.improvements.intro = None;
    facts.narrative.improvements.items.clear();
    facts.base_data.thrift_measures.clear();
    let md = markdown(&Analysis::of(loaded));
    assert_well_formed("optional texts absent", &md, 2);
    assert!(!md.contains("以下简称"), "no short name was given");
    let seven = md.split("## 七、").nth(1).unwrap();
    assert!(seven.split("## 八、").next().unwrap().contains("无。"));
}

#[test]
fn absent_approach_falls_back_to_the_default_wording() {
    let mut loaded = analysis().loaded;
    loaded.facts.self_evaluation.approach = None;
    let md = markdown(&Analysis::of(loaded));
    let doc = parse(&md);
    let lead = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(document::plain_text(content)),
            _ => None,
        })
        .find(|t| t.contains("整体支出绩效评价"))
        .expect("六 lead sentence");
    assert!(!lead.contains("，。"), "empty clause: {lead}");
    assert!(
        lead.contains("细化、量化"),
        "default wording missing: {lead}"
    );
}

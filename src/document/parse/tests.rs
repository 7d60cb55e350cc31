//! Tests of the Markdown reader against the shapes the report templates produce.

use proptest::prelude::*;

use super::{ParseError, ParseErrorKind, TableError, parse};
use crate::document::{
    Block, Cell, CellAlign, Document, GridError, Inline, ParagraphRole, Slot, Table, plain_text,
};

/// Text with every character the project's escape function replaces.
const SPECIAL: &str = r#"A&B <x> "q" 'a' *b* _c_ [d] #e |f| ~g~ \h `i`"#;

/// Turns the special characters of user text into character references, the
/// way the templates do.
fn escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\'' => "&#39;".to_owned(),
            '*' => "&#42;".to_owned(),
            '_' => "&#x5F;".to_owned(),
            '\\' | '`' | '[' | ']' | '#' | '|' | '~' => format!("&#{};", u32::from(c)),
            c => c.to_string(),
        })
        .collect()
}

fn blocks(markdown: &str) -> Vec<Block> {
    match parse(markdown) {
        Ok(document) => document.blocks,
        Err(error) => panic!("unexpected error: {error}"),
    }
}

fn paragraph(role: ParagraphRole, text: &str) -> Block {
    Block::Paragraph {
        role,
        content: vec![Inline::plain(text)],
    }
}

fn body(text: &str) -> Block {
    paragraph(ParagraphRole::Body, text)
}

fn only_table(markdown: &str) -> Table {
    match blocks(markdown).as_slice() {
        [Block::Table(table)] => table.clone(),
        other => panic!("expected one table, got {other:?}"),
    }
}

fn cell_text(cell: &Cell) -> Vec<String> {
    cell.lines.iter().map(|line| plain_text(line)).collect()
}

fn error_of(markdown: &str) -> ParseError {
    match parse(markdown) {
        Ok(document) => panic!("expected an error, got {document:?}"),
        Err(error) => error,
    }
}

#[test]
fn headings_map_to_title_and_four_levels() {
    let markdown = "# 报告\n\n## 一\n\n### 二\n\n#### 三\n\n##### 四\n\n###### 六\n";
    let levels: Vec<(u8, String)> = blocks(markdown)
        .iter()
        .map(|block| match block {
            Block::Title(content) => (0, plain_text(content)),
            Block::Heading { level, content } => (*level, plain_text(content)),
            other => panic!("not a heading: {other:?}"),
        })
        .collect();
    let expected = [
        (0, "报告"),
        (1, "一"),
        (2, "二"),
        (3, "三"),
        (4, "四"),
        (4, "六"),
    ];
    let expected: Vec<(u8, String)> = expected
        .iter()
        .map(|&(level, text)| (level, text.to_owned()))
        .collect();
    assert_eq!(levels, expected);
}

#[test]
fn strong_text_is_bold_and_other_emphasis_is_plain() {
    let content = vec![
        Inline::plain("前文"),
        Inline {
            text: "加粗".into(),
            bold: true,
        },
        Inline::plain("中间斜体后文，"),
        Inline {
            text: "也加粗".into(),
            bold: true,
        },
    ];
    assert_eq!(
        blocks("前文**加粗**中间*斜体*后文，__也加粗__"),
        vec![Block::Paragraph {
            role: ParagraphRole::Body,
            content,
        }]
    );
}

#[test]
fn escaped_text_in_a_paragraph_comes_back_literally() {
    assert_eq!(blocks(&escape(SPECIAL)), vec![body(SPECIAL)]);
}

#[test]
fn escaped_text_in_table_cells_comes_back_literally() {
    let escaped = escape(SPECIAL);
    let html = only_table(&format!("<table><tr><td>{escaped}</td></tr></table>\n"));
    assert_eq!(cell_text(&html.rows[0].cells[0]), vec![SPECIAL]);
    let pipe = only_table(&format!("| 说明 |\n|---|\n| {escaped} |\n"));
    assert_eq!(cell_text(&pipe.rows[1].cells[0]), vec![SPECIAL]);
}

#[test]
fn named_and_numeric_references_are_decoded_in_cells() {
    let table = only_table(
        "<table><tr><td>&amp;&lt;&gt;&quot;&apos;&nbsp;&#42;&#x2A;&unknown;</td></tr></table>",
    );
    assert_eq!(
        cell_text(&table.rows[0].cells[0]),
        vec!["&<>\"'\u{a0}**&unknown;"]
    );
}

#[test]
fn role_hints_set_the_role_of_the_next_paragraph() {
    let markdown = "<!-- jixiao:attachment-label -->\n附件1\n\n\
                    <!-- jixiao:table-title -->\n表1 标题\n\n\
                    <!-- jixiao:note -->\n注：说明\n\n\
                    <!-- jixiao:right -->\n某某单位\n\n\
                    正文\n";
    assert_eq!(
        blocks(markdown),
        vec![
            paragraph(ParagraphRole::AttachmentLabel, "附件1"),
            paragraph(ParagraphRole::TableTitle, "表1 标题"),
            paragraph(ParagraphRole::Note, "注：说明"),
            paragraph(ParagraphRole::Right, "某某单位"),
            body("正文"),
        ]
    );
}

#[test]
fn page_break_hint_is_a_block() {
    let markdown = "前\n<!-- jixiao:page-break -->\n<!-- jixiao:attachment-label -->\n附件2\n";
    assert_eq!(
        blocks(markdown),
        vec![
            body("前"),
            Block::PageBreak,
            paragraph(ParagraphRole::AttachmentLabel, "附件2"),
        ]
    );
}

#[test]
fn text_after_a_hint_on_the_same_line_is_its_paragraph() {
    assert_eq!(
        blocks("<!-- jixiao:note -->注：单位 &amp; 万元\n"),
        vec![paragraph(ParagraphRole::Note, "注：单位 & 万元")]
    );
}

#[test]
fn note_right_after_a_table_stays_in_the_html_block() {
    let markdown = "<table><tr><td>1</td></tr></table>\n<!-- jixiao:note -->\n注：说明\n";
    let found = blocks(markdown);
    assert!(matches!(found[0], Block::Table(_)));
    assert_eq!(found[1], paragraph(ParagraphRole::Note, "注：说明"));
    assert_eq!(found.len(), 2);
}

#[test]
fn ordinary_comments_are_ignored() {
    assert_eq!(
        blocks("<!-- 说明 -->\n正文 <!-- 行内 -->\n"),
        vec![body("正文")]
    );
}

#[test]
fn unknown_hint_is_an_error_naming_it() {
    let error = error_of("正文\n\n<!-- jixiao:landscape -->\n");
    assert_eq!(error.line, 3);
    assert_eq!(error.kind, ParseErrorKind::UnknownHint("landscape".into()));
    assert_eq!(
        error.to_string(),
        "第 3 行：未知的版式注释 jixiao:landscape"
    );
}

#[test]
fn role_hint_without_a_paragraph_is_an_error() {
    let error = error_of("<!-- jixiao:table-title -->\n<table><tr><td>1</td></tr></table>\n");
    assert_eq!(error.line, 1);
    assert_eq!(
        error.kind,
        ParseErrorKind::HintWithoutParagraph("table-title".into())
    );
    assert_eq!(
        error_of("正文\n\n<!-- jixiao:right -->\n").kind,
        ParseErrorKind::HintWithoutParagraph("right".into())
    );
}

#[test]
fn hint_inside_running_text_is_an_error() {
    let error = error_of("第一行\n文字 <!-- jixiao:right --> 文字\n");
    assert_eq!(error.line, 2);
    assert_eq!(error.kind, ParseErrorKind::MisplacedHint("right".into()));
}

#[test]
fn pipe_table_has_a_header_row_and_column_alignment() {
    let table =
        only_table("| 项目 | 金额 | 备注 |\n|:-:|--:|---|\n| **合计** | 1,234.50 | 无<br>两行 |\n");
    assert!(table.rows[0].header);
    assert!(!table.rows[1].header);
    let aligns: Vec<CellAlign> = table.rows[1].cells.iter().map(|c| c.align).collect();
    assert_eq!(
        aligns,
        [CellAlign::Center, CellAlign::Right, CellAlign::Left]
    );
    assert_eq!(
        table.rows[1].cells[0].lines,
        vec![vec![Inline {
            text: "合计".into(),
            bold: true
        }]]
    );
    assert_eq!(cell_text(&table.rows[1].cells[2]), vec!["无", "两行"]);
    assert_eq!(table.grid().map(|grid| grid.width), Ok(3));
}

/// A performance-indicator table: 9 columns, two header rows (one cell spans 6
/// columns), a first-level indicator spanning 10 body rows, and a total row.
fn indicator_table() -> String {
    let mut html = String::from(
        "<table>\n  <colgroup><col width=\"10%\"><col width=\"10\" span=\"8\"></colgroup>\n  <thead>\n    \
         <tr><th rowspan=\"2\">一级指标</th><th rowspan=\"2\">二级指标</th><th rowspan=\"2\">三级指标</th>\
         <th colspan=\"6\">绩效评价</th></tr>\n    <tr><th>年度指标值</th><th>实际完成值</th><th>分值</th>\
         <th>得分</th><th>偏差原因</th><th>改进措施</th></tr>\n  </thead>\n  <tbody>\n",
    );
    for row in 0..10 {
        html.push_str("    <tr>");
        if row == 0 {
            html.push_str("<td rowspan=\"10\">产出\n      指标</td>");
        }
        if row == 0 || row == 4 {
            html.push_str("<td rowspan=\"6\" class=\"center\">二级</td>");
        }
        html.push_str(&format!("<td>指标{row}</td>"));
        for value in 0..6 {
            html.push_str(&format!("<td class=\"num\">{value}</td>"));
        }
        html.push_str("</tr>\n");
    }
    html.push_str(
        "    <tr><td colspan=\"3\" style=\"text-align: center\">合计</td>\
         <td colspan=\"6\" align=\"right\">100</td></tr>\n  </tbody>\n</table>\n",
    );
    html
}

#[test]
fn html_table_with_spans_resolves_to_a_grid() {
    // The second-level rowspans are 6 + 6 over 10 rows: shorten the second one.
    let html = indicator_table().replacen("rowspan=\"6\" class", "rowspan=\"4\" class", 1);
    let table = only_table(&html);
    assert_eq!(table.rows.len(), 13);
    assert!(table.rows[0].header && table.rows[1].header && !table.rows[2].header);
    assert_eq!(table.rows[0].cells[3].colspan, 6);
    assert_eq!(table.rows[2].cells[0].rowspan, 10);
    assert_eq!(cell_text(&table.rows[2].cells[0]), vec!["产出指标"]);
    assert_eq!(table.rows[2].cells[1].align, CellAlign::Center);
    assert_eq!(table.rows[2].cells[3].align, CellAlign::Right);
    assert_eq!(table.rows[12].cells[0].align, CellAlign::Center);
    assert_eq!(table.rows[12].cells[1].align, CellAlign::Right);
    assert_eq!(table.column_widths, vec![10; 9]);
    let grid = table.grid().expect("the spans form a rectangle");
    assert_eq!(grid.width, 9);
    assert_eq!(grid.slots[11][0], Slot::Covered { row: 2, col: 0 });
    assert_eq!(grid.slots[1][0], Slot::Covered { row: 0, col: 0 });
    assert_eq!(grid.slots[0][8], Slot::Covered { row: 0, col: 3 });
    assert_eq!(grid.slots[6][1], Slot::Origin { row: 6, cell: 0 });
}

#[test]
fn html_table_with_overlapping_spans_is_an_error_at_its_line() {
    let markdown = format!("# 标题\n\n正文\n\n{}", indicator_table());
    let error = error_of(&markdown);
    assert_eq!(error.line, 5);
    assert!(matches!(
        error.kind,
        ParseErrorKind::Table(TableError::Grid(_))
    ));
}

#[test]
fn cell_lines_are_split_at_br_and_keep_bold() {
    let table = only_table(
        "<table><tr><td>第一行<br>第二行<br/><strong>第三\n    行<br />第四</strong></td></tr></table>",
    );
    let bold = |text: &str| Inline {
        text: text.into(),
        bold: true,
    };
    assert_eq!(
        table.rows[0].cells[0].lines,
        vec![
            vec![Inline::plain("第一行")],
            vec![Inline::plain("第二行")],
            vec![bold("第三行")],
            vec![bold("第四")],
        ]
    );
}

#[test]
fn ragged_html_table_is_an_error_at_its_line() {
    let markdown = "# 标题\n\n正文\n\n<table>\n<tr><td>1</td><td>2</td><td>3</td></tr>\n\
                    <tr><td colspan=\"2\">4</td></tr>\n</table>\n";
    let error = error_of(markdown);
    assert_eq!(error.line, 5);
    assert_eq!(
        error.kind,
        ParseErrorKind::Table(TableError::Grid(GridError::RaggedRow {
            row: 1,
            width: 2,
            expected: 3
        }))
    );
    assert_eq!(
        error.to_string(),
        "第 5 行的表格：表格第 2 行计入合并单元格后共 2 列，应为 3 列"
    );
}

#[test]
fn unclosed_table_is_an_error() {
    let error = error_of("正文\n\n<table><tr><td>1</td></tr>\n");
    assert_eq!(error.line, 3);
    assert_eq!(error.kind, ParseErrorKind::Table(TableError::Unclosed));
}

#[test]
fn blank_line_inside_a_table_ends_the_html_block() {
    let error = error_of("<table>\n<tr><td>1</td></tr>\n\n<tr><td>2</td></tr>\n</table>\n");
    assert_eq!(error.line, 1);
    assert_eq!(error.kind, ParseErrorKind::Table(TableError::Unclosed));
}

#[test]
fn bad_spans_are_errors() {
    let span_error = |attribute: &str| {
        let markdown = format!("<table><tr><td {attribute}>1</td></tr></table>");
        match error_of(&markdown).kind {
            ParseErrorKind::Table(error) => error,
            other => panic!("not a table error: {other:?}"),
        }
    };
    assert_eq!(
        span_error("colspan=\"0\""),
        TableError::BadSpan {
            attribute: "colspan",
            value: "0".into()
        }
    );
    assert_eq!(
        span_error("rowspan=\"两\""),
        TableError::BadSpan {
            attribute: "rowspan",
            value: "两".into()
        }
    );
    assert_eq!(
        span_error("colspan=4294967295"),
        TableError::SpanTooLarge {
            attribute: "colspan",
            value: u32::MAX
        }
    );
}

#[test]
fn column_widths_must_match_the_columns() {
    let error = error_of("<table><col width=\"30%\"><tr><td>1</td><td>2</td></tr></table>");
    assert_eq!(
        error.kind,
        ParseErrorKind::Table(TableError::WidthCount {
            widths: 1,
            columns: 2
        })
    );
}

#[test]
fn soft_breaks_join_cjk_without_space_and_latin_with_one() {
    assert_eq!(
        blocks("中文段落\n继续，English\nwords 和\n中文"),
        vec![body("中文段落继续，English words 和中文")]
    );
}

#[test]
fn template_whitespace_in_cells_is_collapsed() {
    let table = only_table(
        "<table>\n  <tr>\n    <td>\n      中文\n      继续 two\n      words  and\tmore\n    </td>\n  </tr>\n</table>",
    );
    assert_eq!(
        cell_text(&table.rows[0].cells[0]),
        vec!["中文继续 two words and more"]
    );
}

#[test]
fn hard_breaks_stay_inside_one_paragraph() {
    assert_eq!(
        blocks("第一行\\\n第二行<br>第三行"),
        vec![body("第一行\n第二行\n第三行")]
    );
}

#[test]
fn list_items_become_marked_paragraphs() {
    assert_eq!(
        blocks("1. 甲\n2. 乙\n   - 丙\n\n- 丁\n"),
        vec![body("1. 甲"), body("2. 乙"), body("• 丙"), body("• 丁")]
    );
}

#[test]
fn other_markdown_keeps_its_text() {
    let markdown = "> 引用[链接](http://x)\n\n---\n\n```\n代码一\n\n代码二\n```\n";
    assert_eq!(
        blocks(markdown),
        vec![body("引用链接"), body("代码一"), body("代码二")]
    );
}

#[test]
fn table_title_right_before_a_table_needs_no_blank_lines() {
    let markdown = "<!-- jixiao:table-title -->\n表1 标题\n<table><tr><td>1</td></tr></table>\n";
    let found = blocks(markdown);
    assert_eq!(found[0], paragraph(ParagraphRole::TableTitle, "表1 标题"));
    assert!(matches!(found[1], Block::Table(_)));
    assert_eq!(found.len(), 2);
}

#[test]
fn html_tags_and_attributes_are_case_insensitive_and_may_be_unquoted() {
    let table = only_table(
        "<TABLE><TR><TH COLSPAN=2 Align=Center>头</TH></TR><tr><td>1</td><td>2</TD></tr></table>",
    );
    assert!(table.rows[0].header);
    assert_eq!(table.rows[0].cells[0].colspan, 2);
    assert_eq!(table.rows[0].cells[0].align, CellAlign::Center);
    assert_eq!(table.grid().map(|grid| grid.width), Ok(2));
}

#[test]
fn bare_less_than_in_html_is_an_error_not_lost_text() {
    let error = error_of("<table>\n<tr><td>a < b</td></tr>\n</table>\n");
    assert_eq!(error.line, 2);
    assert!(matches!(error.kind, ParseErrorKind::Html(_)));
}

#[test]
fn empty_input_is_an_empty_document() {
    assert_eq!(parse(""), Ok(Document::default()));
}

proptest! {
    #[test]
    fn parse_never_panics(text in any::<String>()) {
        let _ = parse(&text);
    }

    #[test]
    fn parse_never_panics_on_table_cells(text in any::<String>()) {
        let _ = parse(&format!("<table><tr><td>{text}</td></tr></table>"));
    }

    #[test]
    fn parse_never_panics_on_html_like_text(text in "[<>/a-z =\"&#;!\\-\n|*_`\\[\\]中文]{0,80}") {
        let _ = parse(&text);
        let _ = parse(&format!("<table>\n<tr><td>{text}</td></tr>\n</table>\n"));
    }
}

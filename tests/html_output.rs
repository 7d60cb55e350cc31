//! The HTML of the bundled reports, parsed back with an HTML5 parser and
//! compared with the `Document` it is written from: the same headings in
//! order, the same tables with the same spans, header rows and alignment,
//! every figure of the Markdown; identical bytes on every build; text from
//! the facts never markup; a page that fetches nothing and runs nothing.

mod common;

// Shared with the DOCX tests, which use all of it.
#[allow(dead_code)]
#[path = "docx_support/units.rs"]
mod units;

use std::collections::BTreeMap;
use std::path::Path;

use common::{REFERENCE, analyse, jixiao, markdown, markdown_text, numbers, replace_line, stderr};
use jixiao::Analysis;
use jixiao::document::{Block, CellAlign, Document, Table, plain_text};
use jixiao::pipeline::Output;
use scraper::{ElementRef, Html, Selector};
use units::UNITS;

/// A unit's report: its Markdown, the Document parsed from it, and its HTML.
struct Built {
    markdown: String,
    document: Document,
    html: String,
}

fn built(analysis: &Analysis) -> Built {
    let markdown = markdown(analysis);
    let document = jixiao::document::parse(&markdown).expect("parses");
    let html = Output::Html.of(&markdown, analysis).expect("writes");
    Built {
        markdown,
        document,
        html: String::from_utf8(html).expect("UTF-8"),
    }
}

fn built_unit(path: &str) -> Built {
    let data = common::root().join(path);
    built(&jixiao::analyse_file(&data).unwrap_or_else(|e| panic!("{path}: {e:?}")))
}

/// The page parsed as a browser parses it; panics on any parse error.
fn parsed(html: &str) -> Html {
    let page = Html::parse_document(html);
    assert!(page.errors.is_empty(), "parse errors: {:?}", page.errors);
    page
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<ElementRef<'a>> {
    let selector = Selector::parse(selector).expect("a valid selector");
    page.select(&selector).collect()
}

fn text(element: &ElementRef) -> String {
    element.text().collect()
}

/// How many times each number occurs.
fn tally(numbers: Vec<String>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for n in numbers {
        *counts.entry(n).or_default() += 1;
    }
    counts
}

#[test]
fn headings_follow_the_document_in_order() {
    for unit in UNITS {
        let built = built_unit(unit);
        let page = parsed(&built.html);
        let expected: Vec<(String, String)> = built
            .document
            .blocks
            .iter()
            .filter_map(|block| match block {
                Block::Title(content) => Some(("h1".to_string(), plain_text(content))),
                Block::Heading { level, content } => {
                    Some((format!("h{}", level + 1), plain_text(content)))
                }
                _ => None,
            })
            .map(|(tag, text)| (tag, text.replace('\n', "")))
            .collect();
        let written: Vec<(String, String)> = select(&page, "h1, h2, h3, h4, h5, h6")
            .iter()
            .map(|h| (h.value().name().to_string(), text(h)))
            .collect();
        assert!(expected.len() > 20, "{unit}: {} headings", expected.len());
        assert_eq!(written, expected, "{unit}");
        assert_eq!(select(&page, "h1").len(), 1, "{unit}: one title");
    }
}

/// Per row: whether it is a header row, and each cell's (rowspan, colspan,
/// alignment).
type Shape = Vec<(bool, Vec<(u32, u32, CellAlign)>)>;

fn document_shape(table: &Table) -> Shape {
    table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .cells
                .iter()
                .map(|c| (c.rowspan, c.colspan, c.align))
                .collect();
            (row.header, cells)
        })
        .collect()
}

fn html_shape(table: &ElementRef) -> Shape {
    let rows = Selector::parse("tr").unwrap();
    let cells = Selector::parse("th, td").unwrap();
    let span = |cell: &ElementRef, name: &str| {
        cell.value()
            .attr(name)
            .map_or(1, |v| v.parse().expect("a number"))
    };
    table
        .select(&rows)
        .map(|tr| {
            let cells: Vec<ElementRef> = tr.select(&cells).collect();
            let header = cells.iter().all(|c| c.value().name() == "th");
            let shape = cells
                .iter()
                .map(|c| {
                    let align = match c.value().attr("class") {
                        Some("right") => CellAlign::Right,
                        Some("center") => CellAlign::Center,
                        None => CellAlign::Left,
                        Some(other) => panic!("cell class {other}"),
                    };
                    (span(c, "rowspan"), span(c, "colspan"), align)
                })
                .collect();
            (header, shape)
        })
        .collect()
}

fn document_tables(document: &Document) -> Vec<&Table> {
    document
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn tables_have_the_documents_rows_spans_header_rows_and_alignment() {
    for unit in UNITS {
        let built = built_unit(unit);
        let page = parsed(&built.html);
        let expected = document_tables(&built.document);
        let written = select(&page, "table");
        assert!(expected.len() >= 3, "{unit}");
        assert_eq!(written.len(), expected.len(), "{unit}: tables");
        let mut spans = 0;
        for (i, (table, element)) in expected.iter().zip(&written).enumerate() {
            let shape = document_shape(table);
            assert_eq!(html_shape(element), shape, "{unit}: table {}", i + 1);
            spans += shape
                .iter()
                .flat_map(|(_, cells)| cells)
                .filter(|(r, c, _)| *r > 1 || *c > 1)
                .count();
            let head = Selector::parse("thead tr").unwrap();
            let header_rows = table.rows.iter().take_while(|r| r.header).count();
            assert_eq!(
                element.select(&head).count(),
                header_rows,
                "{unit}: table {} repeats its header rows",
                i + 1
            );
        }
        assert!(spans > 20, "{unit}: the tables merge cells ({spans})");
        let right = select(&page, "td.right").len();
        assert!(right > 10, "{unit}: figures are right-aligned ({right})");
    }
}

#[test]
fn every_table_has_a_column_width_for_each_column() {
    let built = built_unit(UNITS[0]);
    let page = parsed(&built.html);
    let cols = Selector::parse("colgroup > col").unwrap();
    for (table, element) in document_tables(&built.document)
        .iter()
        .zip(select(&page, "table"))
    {
        let grid = table.grid().expect("a grid");
        let widths: Vec<f64> = element
            .select(&cols)
            .map(|col| {
                let style = col.value().attr("style").expect("a width");
                let percent = style
                    .strip_prefix("width:")
                    .and_then(|s| s.strip_suffix('%'))
                    .expect("width:N%");
                percent.parse().expect("a number")
            })
            .collect();
        assert_eq!(widths.len(), grid.width);
        assert!(widths.iter().all(|&w| w > 0.0), "{widths:?}");
        let sum: f64 = widths.iter().sum();
        assert!((sum - 100.0).abs() < 1e-9, "{widths:?} sum to {sum}");
    }
}

#[test]
fn every_figure_of_the_markdown_is_in_the_html_text() {
    for unit in UNITS {
        let built = built_unit(unit);
        let page = parsed(&built.html);
        let body = select(&page, "body")[0]
            .text()
            .collect::<Vec<_>>()
            .join(" ");
        let figures = tally(numbers(&markdown_text(&built.markdown)));
        let written = tally(numbers(&body));
        assert!(figures.len() > 50, "{unit}: {} figures", figures.len());
        assert!(figures.contains_key("7064.69") || unit != UNITS[0]);
        for (figure, count) in &figures {
            assert_eq!(
                written.get(figure),
                Some(count),
                "{unit}: {figure} appears {count} times in the Markdown"
            );
        }
        assert_eq!(written, figures, "{unit}: no figure of the HTML is new");
    }
}

#[test]
fn page_breaks_start_the_next_block_on_a_new_page() {
    let built = built_unit(UNITS[0]);
    let page = parsed(&built.html);
    let blocks = &built.document.blocks;
    let last_content = blocks
        .iter()
        .rposition(|b| !matches!(b, Block::PageBreak))
        .unwrap();
    let breaks = blocks[..last_content]
        .iter()
        .filter(|b| matches!(b, Block::PageBreak))
        .count();
    assert!(breaks >= 3, "each attachment starts a page");
    assert_eq!(select(&page, ".new-page").len(), breaks);
    for label in select(&page, "p.attachment-label") {
        let class = label.value().attr("class").unwrap();
        assert!(class.contains("new-page"), "{} starts a page", text(&label));
    }
    let css = text(&select(&page, "style")[0]);
    assert!(css.contains(".new-page { break-before: page; }"));
}

#[test]
fn the_page_is_the_reports_alone_and_fetches_nothing() {
    let built = built_unit(UNITS[0]);
    let page = parsed(&built.html);
    let html = select(&page, "html")[0];
    assert_eq!(html.value().attr("lang"), Some("zh-CN"));
    assert_eq!(select(&page, "meta[charset=utf-8]").len(), 1);
    let title = text(&select(&page, "title")[0]);
    assert_eq!(
        title,
        "2024年度湖南省工业和信息化行业事务中心整体支出绩效自评报告"
    );
    let fetching = "script, link, img, iframe, object, embed, [src], [href], [srcset]";
    assert!(select(&page, fetching).is_empty());
    assert_eq!(select(&page, "style").len(), 1);
    let css = text(&select(&page, "style")[0]);
    assert!(!css.contains("url(") && !css.contains("@import"));
    for element in select(&page, "*") {
        let handlers: Vec<&str> = element
            .value()
            .attrs()
            .map(|(name, _)| name)
            .filter(|name| name.starts_with("on"))
            .collect();
        assert!(handlers.is_empty(), "{handlers:?}");
    }
}

#[test]
fn text_from_the_facts_is_never_markup() {
    let hostile = "<script>alert(1)</script>&amp;<b>粗</b>\"'";
    let (facts, _) = replace_line(
        REFERENCE,
        "    - 资金使用效益还有进一步提升的空间，财务管理还需进一步加强。",
        &format!("    - '资金{}使用效益'", hostile.replace('\'', "''")),
    );
    let (facts, _) = replace_line(
        &facts,
        "                  actual: 全年运行维护经费支出906.86万元。",
        "                  actual: '全年运行维护经费<i>支出</i>&lt;906.86万元。'",
    );
    let built = built(&analyse(&facts, "hostile.yaml"));
    let page = parsed(&built.html);
    assert!(
        select(&page, "script, b, i").is_empty(),
        "no element from the facts"
    );
    let paragraph = select(&page, "p")
        .into_iter()
        .map(|p| text(&p))
        .find(|t| t.contains("使用效益"))
        .expect("the changed problem is printed");
    assert!(paragraph.contains(hostile), "{paragraph}");
    let cell = select(&page, "td")
        .into_iter()
        .map(|td| text(&td))
        .find(|t| t.contains("全年运行维护经费") && t.contains("906.86"))
        .expect("the changed indicator is printed");
    assert!(
        cell.contains("全年运行维护经费<i>支出</i>&lt;906.86万元"),
        "{cell}"
    );
}

#[test]
fn both_bundled_units_build_as_html_with_identical_bytes_every_time() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    for dir in [&first, &second] {
        let out = dir.path().to_str().unwrap();
        let mut args = vec!["build", "--allow-errors", "--format", "html", "-o", out];
        args.extend(UNITS);
        let run = jixiao(&args);
        assert!(run.status.success(), "{}", stderr(&run));
    }
    for unit in UNITS {
        let stem = Path::new(unit).file_stem().unwrap().to_str().unwrap();
        let name = format!("{stem}.html");
        let a = std::fs::read(first.path().join(&name)).unwrap();
        let b = std::fs::read(second.path().join(&name)).unwrap();
        assert!(a == b, "{name} differs between two builds");
        let built = built_unit(unit);
        assert!(a == built.html.as_bytes(), "{name} is the library's page");
        let mut written: Vec<String> = std::fs::read_dir(first.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        assert!(
            written.iter().all(|n| n.ends_with(".html")),
            "only the HTML was asked for: {written:?}"
        );
    }
}

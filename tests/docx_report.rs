//! The DOCX of the bundled report, read back: tables and merged cells as the
//! Markdown has them, header rows, every figure present, identical bytes from
//! two processes, and a LibreOffice round trip where LibreOffice is installed.

mod common;

// Shared with docx_read_back.rs, which uses all of it.
#[allow(dead_code)]
#[path = "docx_support/pdf.rs"]
mod pdf;
#[allow(dead_code)]
#[path = "docx_support/read_back.rs"]
mod read_back;

use common::{DATA, analysis, jixiao_command, markdown, numbers};
use jixiao::document::{Block, Slot, Table};
use read_back::{El, body};

fn report() -> (String, Vec<u8>) {
    let analysis = analysis();
    let markdown = markdown(&analysis);
    let docx = jixiao::pipeline::Output::Docx
        .of(&markdown, &analysis)
        .expect("lays out");
    (markdown, docx)
}

fn tables(markdown: &str) -> Vec<Table> {
    jixiao::document::parse(markdown)
        .expect("parses")
        .blocks
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

/// Per row, the (gridSpan, vMerge) of each `w:tc` that the spans call for.
fn expected_cells(table: &Table) -> Vec<Vec<(i64, Option<&'static str>)>> {
    let grid = table.grid().expect("rectangular");
    let mut rows = Vec::new();
    for (r, slots) in grid.slots.iter().enumerate() {
        let mut cells = Vec::new();
        for (c, slot) in slots.iter().enumerate() {
            match *slot {
                Slot::Origin { row, cell } => {
                    let cell = &table.rows[row].cells[cell];
                    let merge = (cell.rowspan > 1).then_some("restart");
                    cells.push((i64::from(cell.colspan), merge));
                }
                Slot::Covered { row, col } if row != r && col == c => {
                    let Slot::Origin { row: or, cell: oc } = grid.slots[row][col] else {
                        unreachable!("a covered slot points at an origin")
                    };
                    cells.push((
                        i64::from(table.rows[or].cells[oc].colspan),
                        Some("continue"),
                    ));
                }
                Slot::Covered { .. } => {}
            }
        }
        rows.push(cells);
    }
    rows
}

fn actual_cells(tbl: &El) -> Vec<Vec<(i64, Option<&'static str>)>> {
    tbl.children_named("w:tr")
        .map(|tr| {
            tr.children_named("w:tc")
                .map(|tc| {
                    let pr = tc.child("w:tcPr");
                    let span = pr
                        .and_then(|p| p.child("w:gridSpan"))
                        .and_then(|g| g.attr("w:val"))
                        .map_or(1, |v| v.parse().unwrap());
                    let merge =
                        pr.and_then(|p| p.child("w:vMerge"))
                            .map(|m| match m.attr("w:val") {
                                Some("restart") => "restart",
                                _ => "continue",
                            });
                    (span, merge)
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_table_has_the_markdowns_merged_cells_and_header_rows() {
    let (markdown, docx) = report();
    let expected = tables(&markdown);
    let body = body(&docx);
    let written = body.find_all("w:tbl");
    assert_eq!(
        written.len(),
        7,
        "附件1, then 附件2 and each project's (2) as a budget table and an indicator table"
    );
    assert_eq!(written.len(), expected.len());
    for (i, (table, tbl)) in expected.iter().zip(&written).enumerate() {
        assert_eq!(actual_cells(tbl), expected_cells(table), "table {}", i + 1);
        for (row, tr) in table.rows.iter().zip(tbl.children_named("w:tr")) {
            let repeated = tr
                .child("w:trPr")
                .and_then(|p| p.child("w:tblHeader"))
                .is_some();
            assert_eq!(repeated, row.header, "table {} header rows", i + 1);
        }
    }
    let unit_table = &written[2];
    let restarts = unit_table
        .find_all("w:vMerge")
        .iter()
        .filter(|m| m.attr("w:val") == Some("restart"))
        .count();
    assert!(
        restarts >= 12,
        "附件2 merges 一级 and 二级 columns: {restarts}"
    );
}

#[test]
fn every_figure_of_the_markdown_is_in_the_docx() {
    let (markdown, docx) = report();
    let document = jixiao::document::parse(&markdown).unwrap();
    let mut md_text = String::new();
    for block in &document.blocks {
        match block {
            Block::Title(c)
            | Block::Heading { content: c, .. }
            | Block::Paragraph { content: c, .. } => {
                md_text.push_str(&jixiao::document::plain_text(c));
            }
            Block::Table(t) => {
                for cell in t.rows.iter().flat_map(|r| &r.cells) {
                    for line in &cell.lines {
                        md_text.push_str(&jixiao::document::plain_text(line));
                        md_text.push(' ');
                    }
                }
            }
            Block::PageBreak => {}
        }
        md_text.push(' ');
    }
    let docx_text = body(&docx).text();
    let missing: Vec<String> = numbers(&md_text)
        .into_iter()
        .filter(|n| !docx_text.contains(n.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "figures missing from the DOCX: {missing:?}"
    );
    assert!(docx_text.contains("99.65"));
    // The title, on two lines broken between words.
    assert!(docx_text.contains("2024年度湖南省工业和信息化行业事务中心\n整体支出绩效自评报告"));
}

#[test]
fn two_processes_write_identical_bytes() {
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &dirs {
        let status = jixiao_command(&["build", DATA, "--allow-errors", "-o"])
            .arg(dir.path())
            .output()
            .unwrap()
            .status;
        assert!(status.success());
    }
    for name in ["2024.md", "2024.docx"] {
        let a = std::fs::read(dirs[0].path().join(name)).unwrap();
        let b = std::fs::read(dirs[1].path().join(name)).unwrap();
        assert!(!a.is_empty());
        assert!(a == b, "{name} differs between two builds");
    }
}

/// Runs where LibreOffice and poppler are installed (`.ci/run` installs them);
/// elsewhere it says so and passes.
#[test]
fn libreoffice_turns_the_report_into_a_plausible_pdf() {
    let (_, docx) = report();
    let Some(pdf) = pdf::render(&docx, "2024") else {
        return;
    };
    let pages = pdf.page_count();
    assert!((12..=60).contains(&pages), "{pages} pages");
    let info = pdf.info();
    assert!(info.contains("595") && info.contains("841"), "A4: {info}");
    let text = pdf.text();
    assert!(
        text.contains("2024年度湖南省工业和信息化行业事务中心"),
        "title"
    );
    assert!(text.contains("整体支出绩效自评报告"));
    assert!(text.contains("99.65"), "total score");
}

//! Tables as real HTML tables, from the same [`Table`] the DOCX lays out:
//!
//! - the leading header rows in `thead` (repeated on every printed page),
//!   the others in `tbody`; a header cell is `th`, a data cell `td`;
//! - a cell's spans as `rowspan` and `colspan`; the cells a span covers are
//!   absent from the [`Table`], as in HTML, so the rows are written as they
//!   are;
//! - a `colgroup` with the DOCX's column widths ([`column_widths`], in
//!   twips of the text width), as percentages of the table's width that
//!   sum to 100; tables
//!   that follow one another directly are one form and share them, as in
//!   the DOCX;
//! - a cell's alignment as the class `center` or `right` (figures are
//!   right-aligned where the Markdown says so); its lines separated by `br`.
//!
//! A table whose spans do not form a grid (which the parser never gives)
//! is written without column widths rather than refused.

use super::body::{open, write_inlines};
use crate::document::columns::column_widths;
use crate::document::{Cell, CellAlign, Grid, Row, Table};
use crate::docx::geometry::{CELL_TEXT, TEXT_WIDTH};

/// Writes `tables`, which follow one another directly, the first starting
/// a new page if `new_page`.
pub(super) fn write_run(tables: &[&Table], new_page: bool, out: &mut String) {
    let widths = run_widths(tables);
    for (i, (table, widths)) in tables.iter().zip(widths).enumerate() {
        write(table, widths.as_deref(), new_page && i == 0, out);
    }
}

/// The column widths of each table of a run in hundredths of a percent of
/// the text width: each stretch of tables with grids of the same width
/// shares the widths computed from all its cells.
fn run_widths(tables: &[&Table]) -> Vec<Option<Vec<u32>>> {
    let grids: Vec<Option<Grid>> = tables.iter().map(|t| t.grid().ok()).collect();
    let width_of = |i: usize| grids[i].as_ref().map_or(0, |g| g.width);
    let mut widths = Vec::with_capacity(tables.len());
    let mut start = 0;
    while start < tables.len() {
        let width = width_of(start);
        let end = (start..tables.len())
            .find(|&i| width_of(i) != width)
            .unwrap_or(tables.len());
        let form: Option<Vec<(&Table, &Grid)>> = (start..end)
            .map(|i| grids[i].as_ref().map(|g| (tables[i], g)))
            .collect();
        let shared = form
            .filter(|_| width > 0)
            .and_then(|form| column_widths(&form, TEXT_WIDTH, CELL_TEXT).ok())
            .map(|twips| hundredths_of_percent(&twips));
        widths.extend((start..end).map(|_| shared.clone()));
        start = end;
    }
    widths
}

/// Widths in `twips` as hundredths of a percent of their sum: each
/// column's right edge rounded to the nearest, so that they sum to exactly
/// 100 %.
fn hundredths_of_percent(twips: &[u32]) -> Vec<u32> {
    let total = u64::from(twips.iter().sum::<u32>().max(1));
    let edge = |end: u64| ((end * 10_000 + total / 2) / total) as u32;
    let mut end = 0;
    twips
        .iter()
        .map(|&width| {
            let left = edge(end);
            end += u64::from(width);
            edge(end) - left
        })
        .collect()
}

/// Writes one table, with `widths` (hundredths of a percent) if known.
fn write(table: &Table, widths: Option<&[u32]>, new_page: bool, out: &mut String) {
    open(out, "table", None, new_page);
    out.push('\n');
    if let Some(widths) = widths {
        out.push_str("<colgroup>");
        for width in widths {
            out.push_str(&format!(
                "<col style=\"width:{}.{:02}%\">",
                width / 100,
                width % 100
            ));
        }
        out.push_str("</colgroup>\n");
    }
    let head = head_rows(table);
    let (header, rest) = table.rows.split_at(head);
    if !header.is_empty() {
        write_group("thead", header, out);
    }
    if !rest.is_empty() {
        write_group("tbody", rest, out);
    }
    out.push_str("</table>\n");
}

/// How many rows go in `thead`: the leading header rows, unless a cell of
/// theirs spans rows below them (a span cannot cross from `thead` into
/// `tbody`), then none.
fn head_rows(table: &Table) -> usize {
    let head = table.rows.iter().take_while(|row| row.header).count();
    let reaches_below = table.rows[..head].iter().enumerate().any(|(r, row)| {
        row.cells
            .iter()
            .any(|cell| r + cell.rowspan as usize > head)
    });
    if reaches_below { 0 } else { head }
}

fn write_group(tag: &str, rows: &[Row], out: &mut String) {
    out.push('<');
    out.push_str(tag);
    out.push_str(">\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in &row.cells {
            write_cell(cell, row.header, out);
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</");
    out.push_str(tag);
    out.push_str(">\n");
}

fn write_cell(cell: &Cell, header: bool, out: &mut String) {
    let tag = if header { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    if cell.rowspan > 1 {
        out.push_str(&format!(" rowspan=\"{}\"", cell.rowspan));
    }
    if cell.colspan > 1 {
        out.push_str(&format!(" colspan=\"{}\"", cell.colspan));
    }
    match cell.align {
        CellAlign::Left => {}
        CellAlign::Center => out.push_str(" class=\"center\""),
        CellAlign::Right => out.push_str(" class=\"right\""),
    }
    out.push('>');
    for (i, line) in cell.lines.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        write_inlines(line, out);
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;
    use crate::document::sample::table;

    fn written(tables: &[&Table]) -> String {
        let mut out = String::new();
        write_run(tables, false, &mut out);
        out
    }

    #[test]
    fn header_rows_spans_and_alignment_are_written() {
        let mut t = table(&[&["项目", "金额"], &["一级", "甲", "1.00"], &["乙", "2.00"]]);
        t.rows[0].header = true;
        t.rows[0].cells[0].colspan = 2;
        t.rows[1].cells[0].rowspan = 2;
        for cell in &mut t.rows[0].cells {
            cell.align = CellAlign::Center;
        }
        t.rows[1].cells[2].align = CellAlign::Right;
        t.rows[2].cells[1].align = CellAlign::Right;
        t.column_widths = vec![1, 1, 2];
        assert_eq!(
            written(&[&t]),
            "<table>\n<colgroup><col style=\"width:25.00%\"><col style=\"width:24.99%\">\
             <col style=\"width:50.01%\"></colgroup>\n\
             <thead>\n<tr><th colspan=\"2\" class=\"center\">项目</th><th class=\"center\">金额</th></tr>\n</thead>\n\
             <tbody>\n<tr><td rowspan=\"2\">一级</td><td>甲</td><td class=\"right\">1.00</td></tr>\n\
             <tr><td>乙</td><td class=\"right\">2.00</td></tr>\n</tbody>\n</table>\n"
        );
    }

    #[test]
    fn a_header_cell_spanning_into_the_body_keeps_every_row_in_the_body() {
        let mut t = table(&[&["甲", "乙"], &["丙"]]);
        t.rows[0].header = true;
        t.rows[0].cells[0].rowspan = 2;
        let html = written(&[&t]);
        assert!(!html.contains("<thead>"), "{html}");
        assert!(html.contains(
            "<tbody>\n<tr><th rowspan=\"2\">甲</th><th>乙</th></tr>\n<tr><td>丙</td></tr>"
        ));
    }

    #[test]
    fn tables_of_one_form_share_widths_and_others_have_their_own() {
        let top = table(&[&["名称", "很长很长的一个单位名称"]]);
        let below = table(&[&["实际完成值很长很长很长很长很长很长", "5"]]);
        let other = table(&[&["a", "b", "c"]]);
        let widths = run_widths(&[&top, &below, &other]);
        assert_eq!(widths[0], widths[1]);
        let own = run_widths(&[&top]);
        assert_ne!(widths[0], own[0], "the form's widths come from both tables");
        assert_eq!(widths[2].as_ref().map(Vec::len), Some(3));
        for w in widths.iter().flatten() {
            assert_eq!(w.iter().sum::<u32>(), 10_000, "{w:?}");
        }
    }

    #[test]
    fn percentages_sum_to_a_hundred() {
        assert_eq!(hundredths_of_percent(&[1, 1, 1]), [3333, 3334, 3333]);
        assert_eq!(hundredths_of_percent(&[1, 1, 2]), [2500, 2500, 5000]);
        assert_eq!(
            hundredths_of_percent(&[2211, 2211, 4423]),
            [2500, 2499, 5001]
        );
        assert_eq!(hundredths_of_percent(&[0]), [0]);
    }

    #[test]
    fn a_table_whose_spans_do_not_form_a_grid_has_no_widths() {
        let mut t = table(&[&["甲", "乙"], &["丙", "丁"]]);
        t.rows[1].cells[0].colspan = 3;
        let html = written(&[&t]);
        assert!(!html.contains("<colgroup>") && html.contains("colspan=\"3\""));
    }

    #[test]
    fn cell_lines_are_separated_and_empty_cells_written() {
        let mut t = table(&[&["甲", ""]]);
        t.rows[0].cells[0].lines.push(vec![Inline::plain("<乙>")]);
        t.rows[0].cells[1].lines.clear();
        assert!(written(&[&t]).contains("<tr><td>甲<br>&lt;乙&gt;</td><td></td></tr>"));
    }
}

//! Tables: a fixed-layout grid as wide as the text, single ½-pt borders,
//! merged cells exactly where the [`Table`] has spans, vertically centred
//! 五号 text, header rows repeated on each page and short rows kept whole.
//!
//! Spans are resolved by [`Table::grid`]. In each grid row, a cell that starts
//! there is written with `w:gridSpan` for its colspan and
//! `w:vMerge w:val="restart"` if it spans rows; a slot covered from a row
//! above is written as a `w:vMerge` continuation with the covering cell's
//! `w:gridSpan`. Every cell's `w:tcW` is the sum of its grid columns. Header
//! rows carry `w:tblHeader`, which `docx-rs` cannot write, so that Word, WPS
//! and LibreOffice repeat them on every page.

use super::DocxError;
use super::columns::{self, CHARACTER, PADDING, WidthsError, half_widths};
use super::markup::Markup;
use super::page::TEXT_WIDTH;
use super::styles::Format;
use crate::document::{Cell, CellAlign, Grid, Slot, Table, plain_text};

/// Border width in eighths of a point (½ pt).
const BORDER_EIGHTHS: usize = 4;
/// Rows whose cells need at most this many lines are not split across pages.
const SHORT_ROW_LINES: u32 = 3;
/// The borders drawn: all four sides and every inner line.
const BORDERS: [&str; 6] = ["top", "left", "bottom", "right", "insideH", "insideV"];

/// A table laid out on its grid, ready to be written.
pub(super) struct Layout<'t> {
    table: &'t Table,
    grid: Grid,
    /// Column widths in twips.
    widths: Vec<u32>,
}

/// Lays out `table`, the `number`-th table of the document (for messages).
/// A table without cells gives `None`.
pub(super) fn layout(table: &Table, number: usize) -> Result<Option<Layout<'_>>, DocxError> {
    let grid = table
        .grid()
        .map_err(|source| DocxError::Spans { number, source })?;
    if grid.width == 0 {
        return Ok(None);
    }
    let widths = columns::widths(table, &grid, TEXT_WIDTH).map_err(|e| match e {
        WidthsError::Count { given, columns } => DocxError::ColumnCount {
            number,
            given,
            columns,
        },
        WidthsError::Zero { column } => DocxError::ZeroColumnWidth { number, column },
    })?;
    Ok(Some(Layout {
        table,
        grid,
        widths,
    }))
}

impl Layout<'_> {
    /// Writes the table: centred, as wide as the text, fixed layout, its
    /// grid and its rows.
    pub fn write(&self, markup: &mut Markup) {
        markup.push(r#"<w:tbl><w:tblPr><w:tblW w:w=""#);
        markup.value(TEXT_WIDTH);
        markup.push(r#"" w:type="dxa" /><w:jc w:val="center" /><w:tblBorders>"#);
        for side in BORDERS {
            markup.push("<w:");
            markup.push(side);
            markup.push(r#" w:val="single" w:sz=""#);
            markup.value(BORDER_EIGHTHS);
            markup.push(r#"" w:space="0" w:color="000000" />"#);
        }
        markup.push(r#"</w:tblBorders><w:tblLayout w:type="fixed" /></w:tblPr><w:tblGrid>"#);
        for &width in &self.widths {
            markup.push(r#"<w:gridCol w:w=""#);
            markup.value(width);
            markup.push(r#""/>"#);
        }
        markup.push("</w:tblGrid>");
        for r in 0..self.grid.slots.len() {
            self.write_row(markup, r);
        }
        markup.push("</w:tbl>");
    }

    /// Writes grid row `r`: a header row repeats on every page, a short row
    /// is kept whole.
    fn write_row(&self, markup: &mut Markup, r: usize) {
        let header = self.table.rows[r].header;
        let short = is_short(self.table, &self.grid, &self.widths, r);
        markup.push(match (short, header) {
            (true, true) => "<w:tr><w:trPr><w:cantSplit /><w:tblHeader/></w:trPr>",
            (true, false) => "<w:tr><w:trPr><w:cantSplit /></w:trPr>",
            (false, true) => "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
            (false, false) => "<w:tr><w:trPr />",
        });
        let mut column = 0;
        while column < self.grid.width {
            let Some((origin_row, cell)) = covering_cell(self.table, &self.grid, r, column) else {
                column += 1;
                continue;
            };
            let span = (cell.colspan as usize).min(self.grid.width - column);
            let width: u32 = self.widths[column..column + span].iter().sum();
            let merge = match (origin_row == r, cell.rowspan > 1) {
                (true, true) => Some("restart"),
                (true, false) => None,
                (false, _) => Some("continue"),
            };
            write_cell_properties(markup, width, span, merge);
            if origin_row == r {
                write_lines(markup, cell, header);
            } else {
                Format::cell(header, CellAlign::Left).write_paragraph(markup, &[], false);
            }
            markup.push("</w:tc>");
            column += span;
        }
        markup.push("</w:tr>");
    }
}

/// Opens a cell `width` twips wide spanning `span` grid columns, with its
/// vertical merge (`restart`, `continue`) if any, centred vertically.
fn write_cell_properties(markup: &mut Markup, width: u32, span: usize, merge: Option<&str>) {
    markup.push(r#"<w:tc><w:tcPr><w:tcW w:w=""#);
    markup.value(width);
    markup.push(r#"" w:type="dxa" />"#);
    if span > 1 {
        markup.val("w:gridSpan", span);
    }
    if let Some(merge) = merge {
        markup.val("w:vMerge", merge);
    }
    markup.push(r#"<w:vAlign w:val="center" /></w:tcPr>"#);
}

/// The text of a cell that starts in this row: one paragraph per line, an
/// empty one if it has none.
fn write_lines(markup: &mut Markup, cell: &Cell, header: bool) {
    let format = Format::cell(header, cell.align);
    if cell.lines.is_empty() {
        format.write_paragraph(markup, &[], false);
    }
    for line in &cell.lines {
        format.write_paragraph(markup, line, false);
    }
}

/// The cell occupying grid slot (`r`, `column`) and the row it starts in.
fn covering_cell<'t>(
    table: &'t Table,
    grid: &Grid,
    r: usize,
    column: usize,
) -> Option<(usize, &'t Cell)> {
    let (row, cell) = match grid.slots[r][column] {
        Slot::Origin { row, cell } => (row, cell),
        Slot::Covered { row, col } => match grid.slots[row][col] {
            Slot::Origin { row, cell } => (row, cell),
            Slot::Covered { .. } => return None,
        },
    };
    Some((row, &table.rows[row].cells[cell]))
}

/// Whether every single-row cell starting in row `r` fits in a few lines.
fn is_short(table: &Table, grid: &Grid, widths: &[u32], r: usize) -> bool {
    grid.slots[r]
        .iter()
        .enumerate()
        .filter_map(|(column, slot)| match *slot {
            Slot::Origin { row, cell } => Some((column, &table.rows[row].cells[cell])),
            Slot::Covered { .. } => None,
        })
        .filter(|(_, cell)| cell.rowspan == 1)
        .all(|(column, cell)| {
            let span = (cell.colspan as usize).min(widths.len() - column);
            let width: u32 = widths[column..column + span].iter().sum();
            estimated_lines(cell, width) <= SHORT_ROW_LINES
        })
}

/// Lines a cell's text wraps into at `width` twips.
fn estimated_lines(cell: &Cell, width: u32) -> u32 {
    let per_line = (width.saturating_sub(PADDING) * 2 / CHARACTER).max(1);
    cell.lines
        .iter()
        .flat_map(|line| {
            plain_text(line)
                .split('\n')
                .map(|text| half_widths(text).div_ceil(per_line).max(1))
                .collect::<Vec<_>>()
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Inline, Row};

    fn cell(text: &str) -> Cell {
        Cell {
            lines: vec![vec![Inline::plain(text)]],
            rowspan: 1,
            colspan: 1,
            align: CellAlign::Left,
        }
    }

    #[test]
    fn estimated_lines_wrap_at_the_cell_width() {
        let width = PADDING + 4 * CHARACTER;
        assert_eq!(estimated_lines(&cell("一二三四"), width), 1);
        assert_eq!(estimated_lines(&cell("一二三四五"), width), 2);
        assert_eq!(estimated_lines(&cell("ab\ncd"), width), 2);
    }

    #[test]
    fn a_row_with_a_long_cell_may_split() {
        let long = "很长".repeat(40);
        let table = Table {
            rows: vec![Row {
                header: false,
                cells: vec![cell("短"), cell(&long)],
            }],
            column_widths: vec![1, 1],
        };
        let grid = table.grid().unwrap();
        assert!(!is_short(&table, &grid, &[4000, 4845], 0));
        let short = Table {
            rows: vec![Row {
                header: false,
                cells: vec![cell("短"), cell("也短")],
            }],
            column_widths: vec![1, 1],
        };
        assert!(is_short(&short, &short.grid().unwrap(), &[4000, 4845], 0));
    }
}

//! Tables: a fixed-layout grid as wide as the text, single ½-pt borders,
//! merged cells exactly where the [`Table`] has spans, vertically centred
//! 五号 text, header rows repeated on each page and short rows kept whole.
//!
//! Spans are resolved by [`Table::grid`]. In each grid row, a cell that starts
//! there is written with `w:gridSpan` for its colspan and
//! `w:vMerge w:val="restart"` if it spans rows; a slot covered from a row
//! above is written as a `w:vMerge` continuation with the covering cell's
//! `w:gridSpan`. Every cell's `w:tcW` is the sum of its grid columns.

use docx_rs::{
    BorderType, TableAlignmentType, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableLayoutType, TableRow, VAlignType, VMergeType, WidthType,
};

use super::DocxError;
use super::columns::{self, CHARACTER, PADDING, WidthsError, half_widths};
use super::page::TEXT_WIDTH;
use super::styles::Format;
use crate::document::{Cell, CellAlign, Grid, Slot, Table, plain_text};

/// Border width in eighths of a point (½ pt).
const BORDER_EIGHTHS: usize = 4;
/// Rows whose cells need at most this many lines are not split across pages.
const SHORT_ROW_LINES: u32 = 3;

/// A table ready for the document, with which of its rows are header rows.
pub(super) struct WrittenTable {
    pub table: docx_rs::Table,
    pub header_rows: Vec<bool>,
}

/// Lays out `table`, the `number`-th table of the document (for messages).
/// A table without cells gives `None`.
pub(super) fn build(table: &Table, number: usize) -> Result<Option<WrittenTable>, DocxError> {
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
    let rows = (0..grid.slots.len())
        .map(|r| row(table, &grid, &widths, r))
        .collect();
    let written = docx_rs::Table::new(rows)
        .set_grid(widths.iter().map(|&w| w as usize).collect())
        .width(TEXT_WIDTH as usize, WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .layout(TableLayoutType::Fixed)
        .set_borders(borders());
    Ok(Some(WrittenTable {
        table: written,
        header_rows: table.rows.iter().map(|r| r.header).collect(),
    }))
}

fn borders() -> TableBorders {
    use TableBorderPosition::*;
    [Top, Left, Bottom, Right, InsideH, InsideV]
        .into_iter()
        .fold(TableBorders::new(), |borders, position| {
            borders.set(
                TableBorder::new(position)
                    .border_type(BorderType::Single)
                    .size(BORDER_EIGHTHS)
                    .color("000000"),
            )
        })
}

/// The cells of grid row `r`.
fn row(table: &Table, grid: &Grid, widths: &[u32], r: usize) -> TableRow {
    let header = table.rows[r].header;
    let mut cells = Vec::new();
    let mut column = 0;
    while column < grid.width {
        let Some((origin_row, cell)) = covering_cell(table, grid, r, column) else {
            column += 1;
            continue;
        };
        let span = (cell.colspan as usize).min(grid.width - column);
        let width: u32 = widths[column..column + span].iter().sum();
        let mut written = if origin_row == r {
            starting_cell(cell, header)
        } else {
            TableCell::new()
                .vertical_merge(VMergeType::Continue)
                .add_paragraph(Format::cell(header, CellAlign::Left).paragraph())
        };
        written = written
            .width(width as usize, WidthType::Dxa)
            .vertical_align(VAlignType::Center);
        if span > 1 {
            written = written.grid_span(span);
        }
        cells.push(written);
        column += span;
    }
    let written = TableRow::new(cells);
    if is_short(table, grid, widths, r) {
        written.cant_split()
    } else {
        written
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

/// A cell that starts in this row, with its text: one paragraph per line.
fn starting_cell(cell: &Cell, header: bool) -> TableCell {
    let format = Format::cell(header, cell.align);
    let mut written = TableCell::new();
    if cell.rowspan > 1 {
        written = written.vertical_merge(VMergeType::Restart);
    }
    if cell.lines.is_empty() {
        return written.add_paragraph(format.paragraph());
    }
    cell.lines.iter().fold(written, |written, line| {
        written.add_paragraph(format.with_content(line))
    })
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

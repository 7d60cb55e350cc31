//! Small tables of plain text for unit tests.

use super::{Cell, CellAlign, Inline, Row, Table};

/// A one-line, left-aligned cell spanning one row and one column.
pub(crate) fn cell(text: &str) -> Cell {
    Cell {
        lines: vec![vec![Inline::plain(text)]],
        rowspan: 1,
        colspan: 1,
        align: CellAlign::Left,
    }
}

/// A table of body rows of such cells.
pub(crate) fn table(rows: &[&[&str]]) -> Table {
    Table {
        rows: rows
            .iter()
            .map(|cells| Row {
                header: false,
                cells: cells.iter().map(|t| cell(t)).collect(),
            })
            .collect(),
        column_widths: Vec::new(),
    }
}

//! Builds a [`Table`] from a GFM pipe table: one header row, then body rows,
//! each column aligned as its delimiter row says.

use pulldown_cmark::Alignment;

use super::error::ParseError;
use crate::document::{Cell, CellAlign, Inline, Row, Table};

/// A pipe table whose end has not been reached yet.
#[derive(Debug)]
pub(super) struct PipeTable {
    line: usize,
    aligns: Vec<CellAlign>,
    rows: Vec<Row>,
    row: Option<Row>,
}

impl PipeTable {
    pub(super) fn new(line: usize, alignments: &[Alignment]) -> Self {
        PipeTable {
            line,
            aligns: alignments.iter().map(|&a| cell_align(a)).collect(),
            rows: Vec::new(),
            row: None,
        }
    }

    pub(super) fn start_row(&mut self, header: bool) {
        self.end_row();
        self.row = Some(Row {
            header,
            cells: Vec::new(),
        });
    }

    pub(super) fn push_cell(&mut self, lines: Vec<Vec<Inline>>) {
        if let Some(row) = &mut self.row {
            let align = self.aligns.get(row.cells.len()).copied();
            row.cells.push(Cell {
                lines,
                rowspan: 1,
                colspan: 1,
                align: align.unwrap_or_default(),
            });
        }
    }

    pub(super) fn end_row(&mut self) {
        self.rows.extend(self.row.take());
    }

    pub(super) fn finish(mut self) -> Result<Table, ParseError> {
        self.end_row();
        let table = Table {
            rows: self.rows,
            column_widths: Vec::new(),
        };
        match table.grid() {
            Ok(_) => Ok(table),
            Err(error) => Err(ParseError::table(self.line, error.into())),
        }
    }
}

fn cell_align(alignment: Alignment) -> CellAlign {
    match alignment {
        Alignment::Center => CellAlign::Center,
        Alignment::Right => CellAlign::Right,
        Alignment::None | Alignment::Left => CellAlign::Left,
    }
}

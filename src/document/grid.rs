//! Resolves a table's row and column spans into a rectangular grid, the way an
//! HTML renderer places cells: each cell takes the next free slots of its row,
//! and a rowspan reserves the slots below it.

use super::Table;

/// What occupies one slot of the resolved grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The top-left slot of cell `cell` of row `row`.
    Origin { row: usize, cell: usize },
    /// A slot covered by the cell whose origin is at (`row`, `col`) of the grid.
    Covered { row: usize, col: usize },
}

/// A table's cells placed on a rectangular grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    pub width: usize,
    /// `slots[r][c]` for every grid row `r` and column `c`.
    pub slots: Vec<Vec<Slot>>,
}

/// Why a table's spans do not form a rectangle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridError {
    /// A row whose cells, counting spans, do not fill the width of the first row.
    RaggedRow {
        row: usize,
        width: usize,
        expected: usize,
    },
    /// A rowspan reaching below the last row.
    RowspanPastEnd { row: usize, cell: usize },
    /// A cell with a span of zero.
    ZeroSpan { row: usize, cell: usize },
}

impl std::fmt::Display for GridError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GridError::RaggedRow {
                row,
                width,
                expected,
            } => write!(
                f,
                "表格第 {} 行计入合并单元格后共 {} 列，应为 {} 列",
                row + 1,
                width,
                expected
            ),
            GridError::RowspanPastEnd { row, cell } => write!(
                f,
                "表格第 {} 行第 {} 个单元格的 rowspan 超出了表格末行",
                row + 1,
                cell + 1
            ),
            GridError::ZeroSpan { row, cell } => write!(
                f,
                "表格第 {} 行第 {} 个单元格的合并数为 0",
                row + 1,
                cell + 1
            ),
        }
    }
}

impl std::error::Error for GridError {}

impl Table {
    /// Places every cell on the grid; fails when the rows do not fill a rectangle.
    pub fn grid(&self) -> Result<Grid, GridError> {
        let first_row_width: usize = self.rows.first().map_or(0, |row| {
            row.cells.iter().map(|cell| cell.colspan as usize).sum()
        });
        let mut slots: Vec<Vec<Option<Slot>>> = (0..self.rows.len())
            .map(|_| Vec::with_capacity(first_row_width))
            .collect();
        for (r, row) in self.rows.iter().enumerate() {
            let mut col = 0;
            for (i, cell) in row.cells.iter().enumerate() {
                if cell.rowspan == 0 || cell.colspan == 0 {
                    return Err(GridError::ZeroSpan { row: r, cell: i });
                }
                while slots[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let last_row = r + cell.rowspan as usize - 1;
                if last_row >= self.rows.len() {
                    return Err(GridError::RowspanPastEnd { row: r, cell: i });
                }
                for (dr, grid_row) in slots[r..=last_row].iter_mut().enumerate() {
                    for dc in 0..cell.colspan as usize {
                        let c = col + dc;
                        if grid_row.len() <= c {
                            grid_row.resize(c + 1, None);
                        }
                        grid_row[c] = Some(if dr == 0 && dc == 0 {
                            Slot::Origin { row: r, cell: i }
                        } else {
                            Slot::Covered { row: r, col }
                        });
                    }
                }
                col += cell.colspan as usize;
            }
        }
        let width = slots.first().map_or(0, Vec::len);
        let mut out = Vec::with_capacity(slots.len());
        for (r, row) in slots.into_iter().enumerate() {
            let filled = row.iter().take_while(|s| s.is_some()).count();
            if row.len() != width || filled != width {
                return Err(GridError::RaggedRow {
                    row: r,
                    width: filled,
                    expected: width,
                });
            }
            out.push(row.into_iter().flatten().collect());
        }
        Ok(Grid { width, slots: out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Cell, CellAlign, Inline, Row};

    fn cell(rowspan: u32, colspan: u32) -> Cell {
        Cell {
            lines: vec![vec![Inline::plain("x")]],
            rowspan,
            colspan,
            align: CellAlign::Left,
        }
    }

    fn table(rows: Vec<Vec<Cell>>) -> Table {
        Table {
            rows: rows
                .into_iter()
                .map(|cells| Row {
                    header: false,
                    cells,
                })
                .collect(),
            column_widths: Vec::new(),
        }
    }

    #[test]
    fn rowspan_reserves_slots_below() {
        let t = table(vec![
            vec![cell(2, 1), cell(1, 2)],
            vec![cell(1, 1), cell(1, 1)],
        ]);
        let g = t.grid().unwrap();
        assert_eq!(g.width, 3);
        assert_eq!(g.slots[1][0], Slot::Covered { row: 0, col: 0 });
        assert_eq!(g.slots[1][1], Slot::Origin { row: 1, cell: 0 });
        assert_eq!(g.slots[0][2], Slot::Covered { row: 0, col: 1 });
    }

    #[test]
    fn ragged_row_is_reported() {
        let t = table(vec![vec![cell(1, 3)], vec![cell(1, 1), cell(1, 1)]]);
        assert_eq!(
            t.grid(),
            Err(GridError::RaggedRow {
                row: 1,
                width: 2,
                expected: 3
            })
        );
    }

    #[test]
    fn rowspan_past_the_end_is_reported() {
        let t = table(vec![vec![cell(3, 1)], vec![]]);
        assert!(matches!(t.grid(), Err(GridError::RowspanPastEnd { .. })));
    }
}

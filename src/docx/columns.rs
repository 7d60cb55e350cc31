//! Column widths of a table, in twips, summing exactly to the text width.
//!
//! When the Markdown gives relative widths (`<col width="N">`) they are used
//! as proportions. Otherwise the widths follow the content:
//!
//! 1. each grid column *wants* room for the longest line of the cells that
//!    start in it and span only it (cells spanning several columns are left
//!    out), at 五号: 210 twips per full-width character, half that for Latin
//!    letters and digits, plus the cell's left and right padding; a cell that
//!    spans k rows may wrap into k lines, so it wants only 1/k of its line;
//! 2. the want is clamped between 2 and 20 characters, so that short
//!    columns (numbers, scores) stay narrow and long text wraps instead of
//!    crowding the others;
//! 3. if the wants fit in the text width, the spare room is shared in
//!    proportion to them; if not, every column keeps its 2-character minimum
//!    and the rest of the width is shared in proportion to what each wants
//!    above that minimum (with more columns than minimums fit, all are equal);
//! 4. twips are apportioned by largest remainder, so the sum is exact and the
//!    result is the same on every run.

use std::cmp::Reverse;

use crate::document::{Cell, Grid, Slot, Table, plain_text};

/// Width of a 五号 (10.5 pt) full-width character.
pub(super) const CHARACTER: u32 = 210;
/// Default left plus right cell margin in Word (108 twips each).
pub(super) const PADDING: u32 = 216;
const MIN_CHARACTERS: u32 = 2;
const MAX_CHARACTERS: u32 = 20;

/// Why given column widths cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WidthsError {
    /// The number of widths differs from the number of grid columns.
    Count { given: usize, columns: usize },
    /// A width of zero (1-based column).
    Zero { column: usize },
}

/// The widths of the grid columns of `table`, summing to `total`.
pub(super) fn widths(table: &Table, grid: &Grid, total: u32) -> Result<Vec<u32>, WidthsError> {
    if !table.column_widths.is_empty() {
        return given_widths(&table.column_widths, grid.width, total);
    }
    let wants: Vec<u32> = content_demand(table, grid)
        .into_iter()
        .map(|d| d.clamp(room(MIN_CHARACTERS * 2), room(MAX_CHARACTERS * 2)))
        .collect();
    Ok(share(&wants, total))
}

fn given_widths(given: &[u32], columns: usize, total: u32) -> Result<Vec<u32>, WidthsError> {
    if given.len() != columns {
        return Err(WidthsError::Count {
            given: given.len(),
            columns,
        });
    }
    if let Some(i) = given.iter().position(|&w| w == 0) {
        return Err(WidthsError::Zero { column: i + 1 });
    }
    Ok(apportion(total, given))
}

/// Steps 3 and 4: fits `wants` (each at least the minimum) into `total`.
fn share(wants: &[u32], total: u32) -> Vec<u32> {
    let minimum = room(MIN_CHARACTERS * 2);
    let count = wants.len() as u32;
    if wants.iter().sum::<u32>() <= total {
        apportion(total, wants)
    } else if minimum * count <= total {
        let above: Vec<u32> = wants.iter().map(|w| w - minimum).collect();
        apportion(total - minimum * count, &above)
            .into_iter()
            .map(|w| w + minimum)
            .collect()
    } else {
        apportion(total, &vec![1; wants.len()])
    }
}

/// Splits `total` in proportion to `weights` (not all zero) by largest
/// remainder; ties go to the leftmost column.
fn apportion(total: u32, weights: &[u32]) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum::<u64>().max(1);
    let exact = |w: u32| u64::from(total) * u64::from(w);
    let mut shares: Vec<u32> = weights.iter().map(|&w| (exact(w) / sum) as u32).collect();
    let left = total - shares.iter().sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..weights.len()).collect();
    by_remainder.sort_by_key(|&i| (Reverse(exact(weights[i]) % sum), i));
    for &i in by_remainder.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

/// Step 1: twips each grid column wants for its single-column cells.
fn content_demand(table: &Table, grid: &Grid) -> Vec<u32> {
    let mut demand = vec![0; grid.width];
    for row in &grid.slots {
        for (column, slot) in row.iter().enumerate() {
            let Slot::Origin { row, cell } = *slot else {
                continue;
            };
            let cell = &table.rows[row].cells[cell];
            if cell.colspan == 1 {
                let wrapped = longest_line(cell).div_ceil(cell.rowspan.max(1));
                demand[column] = demand[column].max(room(wrapped));
            }
        }
    }
    demand
}

/// Twips for a line of `half_widths` half-width characters, with padding.
fn room(half_widths: u32) -> u32 {
    half_widths * CHARACTER / 2 + PADDING
}

/// The width of the longest visual line of a cell, in half-width characters.
fn longest_line(cell: &Cell) -> u32 {
    cell.lines
        .iter()
        .flat_map(|line| {
            plain_text(line)
                .split('\n')
                .map(half_widths)
                .collect::<Vec<_>>()
        })
        .max()
        .unwrap_or(0)
}

/// The width of `text` in half-width characters: CJK characters and the
/// punctuation and symbols from U+2000 up (which Chinese fonts draw
/// full-width) count 2, everything else 1.
pub(super) fn half_widths(text: &str) -> u32 {
    text.chars()
        .map(|c| if u32::from(c) >= 0x2000 { 2 } else { 1 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{CellAlign, Inline, Row};

    fn cell(text: &str) -> Cell {
        Cell {
            lines: vec![vec![Inline::plain(text)]],
            rowspan: 1,
            colspan: 1,
            align: CellAlign::Left,
        }
    }

    fn table(rows: &[&[&str]]) -> Table {
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

    fn content_widths(t: &Table) -> Vec<u32> {
        widths(t, &t.grid().unwrap(), 8845).unwrap()
    }

    #[test]
    fn widths_always_sum_to_the_total() {
        let t = table(&[&["项目名称", "1", "这是一段很长很长的说明文字需要换行显示"]]);
        assert_eq!(content_widths(&t).iter().sum::<u32>(), 8845);
        let many = table(&[&["x"; 50]]);
        assert_eq!(content_widths(&many).iter().sum::<u32>(), 8845);
    }

    #[test]
    fn numeric_columns_are_narrower_than_text_columns() {
        let t = table(&[
            &["指标名称很长", "95%", "分值"],
            &["说明文字更长一些", "100", "10"],
        ]);
        let w = content_widths(&t);
        assert!(w[1] < w[0] && w[2] < w[0], "{w:?}");
    }

    #[test]
    fn crowded_columns_keep_the_two_character_minimum() {
        let long = "很长的说明文字很长的说明文字";
        let t = table(&[&[long, long, long, long, long, long, long, "分值", "得分"]]);
        let w = content_widths(&t);
        assert!(w[7] >= room(4) && w[8] >= room(4), "{w:?}");
    }

    #[test]
    fn given_widths_are_proportions() {
        let mut t = table(&[&["a", "b"]]);
        t.column_widths = vec![1, 3];
        assert_eq!(content_widths(&t), vec![2211, 6634]);
        t.column_widths = vec![1];
        assert_eq!(
            widths(&t, &t.grid().unwrap(), 8845),
            Err(WidthsError::Count {
                given: 1,
                columns: 2
            })
        );
    }

    #[test]
    fn half_widths_counts_chinese_as_two() {
        assert_eq!(half_widths("绩效A1“"), 2 + 2 + 1 + 1 + 2);
    }
}

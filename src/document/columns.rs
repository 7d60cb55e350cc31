//! Column widths of a table from what its cells hold, shared by every writer
//! (the DOCX in twips; any other writer in its own length unit).
//!
//! Tables that follow one another directly make one form (a budget block and
//! its indicator block under it): they are given the same widths, computed
//! from all their cells, so that their columns line up.
//!
//! When the Markdown gives relative widths (`<col width="N">`) they are used
//! as proportions. Otherwise the widths follow the content:
//!
//! 1. each grid column gets at least its *minimum*: two full-width
//!    characters, or the longest run that cannot wrap (a figure such as
//!    `100.00%`, a Latin word) if longer, or a third of the column head
//!    (so that no head wraps into more than three lines), plus the cell's
//!    left and right padding. Full-width (CJK) characters count one character, digits and
//!    Latin letters half of one. Only cells spanning one column count;
//! 2. the room left is handed out half a character at a time, each time to
//!    the column whose widening shortens the table the most (the table's
//!    height estimated as the sum, over its rows, of the lines its tallest
//!    cell wraps into; a cell spanning k rows shares its lines among them;
//!    header rows count three times, as they repeat on every page),
//!    so that long texts get the room that nearly empty columns do not need;
//!    where no column shortens the table, to the column furthest from its
//!    longest line (at most [`MAX_CHARACTERS`]);
//! 3. what is left when every column holds its longest line is shared in
//!    proportion to those lines; if even the minimums do not fit, the width is
//!    shared in proportion to them;
//! 4. shares are apportioned by largest remainder, so the widths sum exactly
//!    to the width given and are the same on every run.

use std::cmp::Reverse;

use super::{Cell, Grid, GridError, Slot, Table, plain_text};
use crate::characters::is_figure_mark;

/// The sizes a writer sets table text in, in its own length unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Metrics {
    /// The width of a full-width character (at 五号, 210 twips).
    pub character: u32,
    /// A cell's left plus right padding.
    pub padding: u32,
}

/// Why given column widths cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidthsError {
    /// The number of widths differs from the number of grid columns.
    Count { given: usize, columns: usize },
    /// A width of zero (1-based column).
    Zero { column: usize },
}

/// The narrowest column, in full-width characters.
const MIN_CHARACTERS: u32 = 2;
/// The longest line a column asks room for, in full-width characters.
pub const MAX_CHARACTERS: u32 = 20;
/// Weight of a row's height against the lines of all its cells in the cost
/// of a layout: the height decides, the other lines break ties.
const HEIGHT_WEIGHT: u64 = 1024;
/// The most lines a column head wraps into.
const HEADER_LINES: u32 = 3;
/// How many times a header row's height counts: it is repeated on the pages
/// a long table runs onto.
const HEADER_WEIGHT: u32 = 3;

/// The widths of the grid columns shared by `tables` (each with its grid, all
/// of the same width), summing to `total`.
pub fn column_widths(
    tables: &[(&Table, &Grid)],
    total: u32,
    metrics: Metrics,
) -> Result<Vec<u32>, WidthsError> {
    let columns = tables.first().map_or(0, |(_, grid)| grid.width);
    if let Some((table, _)) = tables.iter().find(|(t, _)| !t.column_widths.is_empty()) {
        return given_widths(&table.column_widths, columns, total);
    }
    let form = Form::of(tables, columns, metrics);
    Ok(form.widths(total))
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormError::Spans { number, source } => {
                write!(f, "第 {number} 个表格的合并单元格无法排版：{source}")
            }
            FormError::Widths {
                number,
                source: WidthsError::Count { given, columns },
            } => write!(
                f,
                "第 {number} 个表格给出了 {given} 个列宽，但表格共有 {columns} 列"
            ),
            FormError::Widths {
                number,
                source: WidthsError::Zero { column },
            } => write!(f, "第 {number} 个表格第 {column} 列的列宽为 0"),
        }
    }
}

impl std::error::Error for FormError {}

/// A table placed in its form: its grid and the widths of its columns.
#[derive(Debug, Clone)]
pub struct PlacedTable<'t> {
    pub table: &'t Table,
    /// Its number in the document (from 1), for messages.
    pub number: usize,
    pub grid: Grid,
    pub widths: Vec<u32>,
}

/// Why a table of a form cannot be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// The `number`-th table's spans do not form a rectangle.
    Spans { number: usize, source: GridError },
    /// The widths given by the `number`-th table (the first of its form)
    /// cannot be used.
    Widths { number: usize, source: WidthsError },
}

/// Places `tables`, which follow one another directly in the document, the
/// first being its `number`-th table: each run of tables of the same grid
/// width is one form and shares its [`column_widths`], summing to `total`.
/// Tables without cells are left out. Every writer lays tables out by this.
pub fn place_forms<'t>(
    tables: &[&'t Table],
    number: usize,
    total: u32,
    metrics: Metrics,
) -> Result<Vec<PlacedTable<'t>>, FormError> {
    let mut grids = Vec::with_capacity(tables.len());
    for (i, table) in tables.iter().enumerate() {
        let grid = table.grid().map_err(|source| FormError::Spans {
            number: number + i,
            source,
        })?;
        if grid.width > 0 {
            grids.push((number + i, *table, grid));
        }
    }
    let mut placed = Vec::with_capacity(grids.len());
    let mut start = 0;
    while start < grids.len() {
        let width = grids[start].2.width;
        let end = start
            + grids[start..]
                .iter()
                .take_while(|(_, _, g)| g.width == width)
                .count();
        let form: Vec<(&Table, &Grid)> =
            grids[start..end].iter().map(|(_, t, g)| (*t, g)).collect();
        let widths = column_widths(&form, total, metrics).map_err(|source| FormError::Widths {
            number: grids[start].0,
            source,
        })?;
        for (number, table, grid) in &grids[start..end] {
            placed.push(PlacedTable {
                table,
                number: *number,
                grid: grid.clone(),
                widths: widths.clone(),
            });
        }
        start = end;
    }
    Ok(placed)
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

/// The lines `cell` wraps into in a column `width` wide (at least one).
pub fn lines(cell: &Cell, width: u32, metrics: Metrics) -> u32 {
    let measured: Vec<u32> = visual_lines(cell).collect();
    wrapped(&measured, width, metrics)
}

fn wrapped(measured: &[u32], width: u32, metrics: Metrics) -> u32 {
    let per_line = (width.saturating_sub(metrics.padding) * 2 / metrics.character).max(1);
    measured
        .iter()
        .map(|&half| half.div_ceil(per_line).max(1))
        .sum::<u32>()
        .max(1)
}

/// The width in half-width characters of each visual line of `cell`.
fn visual_lines(cell: &Cell) -> impl Iterator<Item = u32> + '_ {
    cell.lines.iter().flat_map(|line| {
        plain_text(line)
            .split('\n')
            .map(half_widths)
            .collect::<Vec<_>>()
    })
}

/// The width of `text` in half-width characters: CJK characters and the
/// punctuation and symbols from U+2000 up (which Chinese fonts draw
/// full-width) count 2, and so do the Latin capitals, `%` and `@`, which
/// are nearly as wide in a serif face; the preview's figure marks 0;
/// everything else 1.
pub fn half_widths(text: &str) -> u32 {
    text.chars().map(half_width).sum()
}

fn half_width(c: char) -> u32 {
    if is_figure_mark(c) {
        0
    } else if u32::from(c) >= 0x2000 || c == '%' || c == '@' || c.is_ascii_uppercase() {
        2
    } else {
        1
    }
}

/// The longest run of `text` that a line cannot break inside, in half-width
/// characters: half-width letters, digits and signs without a space.
fn longest_unbreakable(text: &str) -> u32 {
    text.split(|c: char| c.is_whitespace() || (u32::from(c) >= 0x2000 && !is_figure_mark(c)))
        .map(half_widths)
        .max()
        .unwrap_or(0)
}

/// The line, in half-width characters, that lets a header cell's longest
/// line wrap into at most [`HEADER_LINES`] lines of whole characters.
fn header_line(measured: &[u32]) -> u32 {
    let longest = measured.iter().copied().max().unwrap_or(0);
    longest.div_ceil(HEADER_LINES).next_multiple_of(2)
}

/// One cell as the layout sees it.
struct Placed {
    /// Its grid columns.
    first: usize,
    span: usize,
    /// Its grid rows, numbered across all tables of the form.
    top: usize,
    /// It is in a header row, which is repeated on every page.
    header: bool,
    rows: u32,
    /// The width of each visual line in half-width characters.
    measured: Vec<u32>,
}

/// All cells of a form, and what each column needs.
struct Form {
    cells: Vec<Placed>,
    rows: usize,
    /// Least room of each column.
    minimum: Vec<u32>,
    /// Room for the longest line of each column (capped).
    wanted: Vec<u32>,
    metrics: Metrics,
}

impl Form {
    fn of(tables: &[(&Table, &Grid)], columns: usize, metrics: Metrics) -> Form {
        let room = |half: u32| half * metrics.character / 2 + metrics.padding;
        let mut minimum = vec![room(MIN_CHARACTERS * 2); columns];
        let mut wanted = minimum.clone();
        let mut cells = Vec::new();
        let mut rows = 0;
        for (table, grid) in tables {
            for (r, slots) in grid.slots.iter().enumerate() {
                for (column, slot) in slots.iter().enumerate() {
                    let Slot::Origin { row, cell } = *slot else {
                        continue;
                    };
                    let cell = &table.rows[row].cells[cell];
                    let span = (cell.colspan as usize).min(columns - column);
                    let measured: Vec<u32> = visual_lines(cell).collect();
                    if span == 1 {
                        let unbreakable = cell
                            .lines
                            .iter()
                            .map(|line| longest_unbreakable(&plain_text(line)))
                            .max()
                            .unwrap_or(0);
                        let header = if table.rows[row].header {
                            header_line(&measured)
                        } else {
                            0
                        };
                        minimum[column] = minimum[column].max(room(unbreakable.max(header)));
                        let longest = measured.iter().copied().max().unwrap_or(0);
                        let per_row = longest.div_ceil(cell.rowspan.max(1));
                        wanted[column] = wanted[column].max(room(per_row.min(MAX_CHARACTERS * 2)));
                    }
                    cells.push(Placed {
                        first: column,
                        span,
                        top: rows + r,
                        header: table.rows[row].header,
                        rows: cell.rowspan.max(1),
                        measured,
                    });
                }
            }
            rows += grid.slots.len();
        }
        for (want, least) in wanted.iter_mut().zip(&minimum) {
            *want = (*want).max(*least);
        }
        Form {
            cells,
            rows,
            minimum,
            wanted,
            metrics,
        }
    }

    /// Steps 2 to 4.
    fn widths(&self, total: u32) -> Vec<u32> {
        let least: u32 = self.minimum.iter().sum();
        if least > total {
            return apportion(total, &self.minimum);
        }
        let mut widths = self.minimum.clone();
        let mut spare = total - least;
        let step = (self.metrics.character / 2).max(1);
        let mut cost = self.cost(&widths);
        while spare >= step {
            let mut best: Option<(u64, u32, usize)> = None;
            for column in 0..widths.len() {
                widths[column] += step;
                let gain = cost - self.cost(&widths).min(cost);
                widths[column] -= step;
                let unmet = self.wanted[column].saturating_sub(widths[column]);
                if gain == 0 && unmet == 0 {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((g, u, _)) => (gain, unmet) > (g, u),
                };
                if better {
                    best = Some((gain, unmet, column));
                }
            }
            let Some((_, _, column)) = best else { break };
            widths[column] += step;
            spare -= step;
            cost = self.cost(&widths);
        }
        for (width, extra) in widths.iter_mut().zip(apportion(spare, &self.wanted)) {
            *width += extra;
        }
        widths
    }

    /// The estimated height of the form at `widths`, weighted, plus the lines
    /// of all its cells.
    fn cost(&self, widths: &[u32]) -> u64 {
        let mut height = vec![0u32; self.rows];
        let mut all_lines = 0u64;
        for cell in &self.cells {
            let width = widths[cell.first..cell.first + cell.span].iter().sum();
            let lines = wrapped(&cell.measured, width, self.metrics);
            all_lines += u64::from(lines);
            let share = lines.div_ceil(cell.rows) * if cell.header { HEADER_WEIGHT } else { 1 };
            for row in &mut height[cell.top..cell.top + cell.rows as usize] {
                *row = (*row).max(share);
            }
        }
        height.iter().map(|&h| u64::from(h)).sum::<u64>() * HEIGHT_WEIGHT + all_lines
    }
}

/// Splits `total` in proportion to `weights` by largest remainder; ties go
/// to the leftmost column. All-zero weights share equally.
fn apportion(total: u32, weights: &[u32]) -> Vec<u32> {
    if weights.iter().all(|&w| w == 0) {
        return apportion(total, &vec![1; weights.len()]);
    }
    let sum: u64 = weights.iter().map(|&w| u64::from(w)).sum();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Row;
    use crate::document::sample::{cell, table};

    const FIVE: Metrics = Metrics {
        character: 210,
        padding: 216,
    };
    const TEXT_WIDTH: u32 = 8845;

    fn widths_of(tables: &[&Table]) -> Vec<u32> {
        let grids: Vec<Grid> = tables.iter().map(|t| t.grid().unwrap()).collect();
        let pairs: Vec<(&Table, &Grid)> = tables.iter().copied().zip(&grids).collect();
        column_widths(&pairs, TEXT_WIDTH, FIVE).unwrap()
    }

    fn room(half: u32) -> u32 {
        half * FIVE.character / 2 + FIVE.padding
    }

    #[test]
    fn widths_always_sum_to_the_total() {
        let t = table(&[&["项目名称", "1", "这是一段很长很长的说明文字需要换行显示"]]);
        assert_eq!(widths_of(&[&t]).iter().sum::<u32>(), TEXT_WIDTH);
        let many = table(&[&["x"; 50]]);
        assert_eq!(widths_of(&[&many]).iter().sum::<u32>(), TEXT_WIDTH);
        let empty = table(&[&["", "", ""]]);
        assert_eq!(widths_of(&[&empty]).iter().sum::<u32>(), TEXT_WIDTH);
    }

    #[test]
    fn numeric_columns_are_narrower_than_text_columns() {
        let t = table(&[
            &["指标名称很长", "95%", "分值"],
            &["说明文字更长一些", "100", "10"],
        ]);
        let w = widths_of(&[&t]);
        assert!(w[1] < w[0] && w[2] < w[0], "{w:?}");
    }

    #[test]
    fn every_column_keeps_two_characters_and_figures_never_wrap() {
        let long = "很长的说明文字很长的说明文字".repeat(4);
        let row: Vec<&str> = vec![
            &long, &long, &long, &long, &long, &long, &long, "100.00%", "",
        ];
        let t = table(&[&row]);
        let w = widths_of(&[&t]);
        assert!(w.iter().all(|&w| w >= room(4)), "{w:?}");
        assert!(w[7] >= room(7), "{w:?}");
        assert_eq!(lines(&cell("100.00%"), w[7], FIVE), 1);
    }

    #[test]
    fn long_texts_get_the_room_short_ones_do_not_need() {
        let long = "实际完成情况的说明文字".repeat(6);
        let t = table(&[
            &["一级", "二级", "指标名称", &long, "5", ""],
            &["一级", "二级", "指标名称", &long, "5", ""],
        ]);
        let w = widths_of(&[&t]);
        let widest = w.iter().copied().max().unwrap();
        assert_eq!(w[3], widest, "{w:?}");
        assert!(w[5] < room(8), "an empty column stays narrow: {w:?}");
    }

    #[test]
    fn a_column_head_wraps_into_three_lines_at_most() {
        let mut t = table(&[
            &["指标", "偏差原因分析及改进措施"],
            &[&"很长的说明文字".repeat(20), ""],
        ]);
        t.rows[0].header = true;
        let w = widths_of(&[&t]);
        let head = t.rows[0].cells[1].clone();
        assert!(lines(&head, w[1], FIVE) <= 3, "{w:?}");
    }

    #[test]
    fn a_merged_label_never_wraps_one_character_a_line() {
        let mut t = table(&[&["年度预算申请（万元）", "很长的说明文字".repeat(9).as_str()]]);
        t.rows.push(Row {
            header: false,
            cells: vec![cell("x")],
        });
        t.rows[0].cells[0].rowspan = 2;
        let w = widths_of(&[&t]);
        assert!(w[0] >= room(4), "{w:?}");
    }

    #[test]
    fn tables_of_one_form_share_their_widths() {
        let top = table(&[&["名称", "单位", "很长很长的一个单位名称"]]);
        let below = table(&[&["指标", "实际完成值很长很长很长很长很长很长很长", "5"]]);
        let w = widths_of(&[&top, &below]);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(w[1] > w[0] && w[1] > w[2], "{w:?}");
    }

    #[test]
    fn the_same_table_always_gets_the_same_widths() {
        let t = table(&[&["一", "二二", "三三三"], &["四四四四", "五", "六"]]);
        assert_eq!(widths_of(&[&t]), widths_of(&[&t]));
    }

    #[test]
    fn given_widths_are_proportions() {
        let mut t = table(&[&["a", "b"]]);
        t.column_widths = vec![1, 3];
        assert_eq!(widths_of(&[&t]), vec![2211, 6634]);
        t.column_widths = vec![1];
        let grid = t.grid().unwrap();
        assert_eq!(
            column_widths(&[(&t, &grid)], TEXT_WIDTH, FIVE),
            Err(WidthsError::Count {
                given: 1,
                columns: 2
            })
        );
    }

    #[test]
    fn lines_wrap_at_the_cell_width() {
        let width = FIVE.padding + 4 * FIVE.character;
        assert_eq!(lines(&cell("一二三四"), width, FIVE), 1);
        assert_eq!(lines(&cell("一二三四五"), width, FIVE), 2);
        assert_eq!(lines(&cell("ab\ncd"), width, FIVE), 2);
        assert_eq!(lines(&cell(""), width, FIVE), 1);
    }

    #[test]
    fn half_widths_counts_chinese_as_two() {
        assert_eq!(half_widths("绩效a1“"), 2 + 2 + 1 + 1 + 2);
        assert_eq!(half_widths("96.46%"), 7);
        assert_eq!(longest_unbreakable("执行率96.46%，得分 9.65"), 7);
    }
}

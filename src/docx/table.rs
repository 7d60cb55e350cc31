//! Tables: a fixed-layout grid as wide as the text, single ½-pt borders,
//! merged cells exactly where the [`Table`] has spans, vertically centred
//! 五号 text, rows that never split, header rows repeated on each page.
//!
//! Spans are resolved by [`Table::grid`]. In each grid row, a cell that starts
//! there is written with `w:gridSpan` for its colspan and
//! `w:vMerge w:val="restart"` if it spans rows; a slot covered from a row
//! above is written as a `w:vMerge` continuation with the covering cell's
//! `w:gridSpan`. Every cell's `w:tcW` is the sum of its grid columns.
//!
//! Pagination, so that an office prints the tables as they are:
//!
//! - every row is `w:cantSplit`, unless its text is estimated taller than a
//!   page (then it has to break, and readers break it between lines);
//! - header rows carry `w:tblHeader`, so that Word, WPS and LibreOffice
//!   repeat them at the top of every page, and keep with the row below them
//!   (`w:keepNext` on their paragraphs), so no page ends with a header;
//! - the last two rows (the last data row and a total row) keep together,
//!   and with a note under the table, so no page holds only a table's tail.
//!
//! Tables that follow one another directly are one form
//! ([`crate::document::columns`]): they share their column widths, and are
//! written with a paragraph 0.7 pt high between them (Word would otherwise
//! join them into one table, whose header rows in the middle would not
//! repeat), so that the form reads as one table whose lower part has its
//! own repeated head row. Each keeps all its borders: a table that starts a
//! page has its top line there.

use super::DocxError;
use super::geometry::{CELL_TEXT, TEXT_HEIGHT, TEXT_WIDTH};
use super::markup::Markup;
use super::styles::{Direct, Format};
use crate::document::columns;
use crate::document::{Cell, CellAlign, Grid, Slot, Table};

/// The height of a line of 五号 at single spacing, in twips (1.3 em).
pub(crate) const CELL_LINE: u32 = 273;
/// Border width in eighths of a point (½ pt).
const BORDER_EIGHTHS: usize = 4;
/// The borders drawn: all four sides and every inner line.
const BORDERS: [&str; 6] = ["top", "left", "bottom", "right", "insideH", "insideV"];

/// A table laid out on its grid, ready to be written.
pub(super) struct Layout<'t> {
    table: &'t Table,
    grid: Grid,
    /// Column widths in twips.
    widths: Vec<u32>,
    /// A note follows directly (the last rows keep with it).
    note_follows: bool,
}

/// Lays out tables that follow one another directly, the first being the
/// `number`-th table of the document (for messages): each run of tables of
/// the same grid width is one form and shares its widths
/// ([`columns::place_forms`]). Tables without cells are left out.
/// `note_follows`: a note comes right after the last.
pub(super) fn layout_run<'t>(
    tables: &[&'t Table],
    number: usize,
    note_follows: bool,
) -> Result<Vec<Layout<'t>>, DocxError> {
    let placed = columns::place_forms(tables, number, TEXT_WIDTH, CELL_TEXT)?;
    let mut layouts: Vec<Layout<'t>> = placed
        .into_iter()
        .map(|placed| Layout {
            table: placed.table,
            grid: placed.grid,
            widths: placed.widths,
            note_follows: false,
        })
        .collect();
    if let Some(last) = layouts.last_mut() {
        last.note_follows = note_follows;
    }
    Ok(layouts)
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

    /// Writes grid row `r`.
    fn write_row(&self, markup: &mut Markup, r: usize) {
        let header = self.table.rows[r].header;
        let fits = self.estimated_height(r) <= TEXT_HEIGHT;
        markup.push(match (fits, header) {
            (true, true) => "<w:tr><w:trPr><w:cantSplit /><w:tblHeader/></w:trPr>",
            (true, false) => "<w:tr><w:trPr><w:cantSplit /></w:trPr>",
            (false, true) => "<w:tr><w:trPr><w:tblHeader/></w:trPr>",
            (false, false) => "<w:tr><w:trPr />",
        });
        let direct = Direct {
            keep_next: self.keeps_with_next(r),
            ..Direct::default()
        };
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
                write_lines(markup, cell, header, direct);
            } else {
                Format::cell(header, CellAlign::Left).write_paragraph_with(markup, &[], direct);
            }
            markup.push("</w:tc>");
            column += span;
        }
        markup.push("</w:tr>");
    }

    /// Whether row `r` keeps with what follows it: a header row, the last
    /// data row before the last row, and the last row when a note follows.
    fn keeps_with_next(&self, r: usize) -> bool {
        let rows = self.grid.slots.len();
        let header = self.table.rows[r].header;
        let body_rows = self.table.rows.iter().filter(|row| !row.header).count();
        header || (r + 2 == rows && body_rows >= 2) || (r + 1 == rows && self.note_follows)
    }

    /// The height in twips of row `r`'s tallest cell that starts in it and
    /// spans only it.
    fn estimated_height(&self, r: usize) -> u32 {
        self.grid.slots[r]
            .iter()
            .enumerate()
            .filter_map(|(column, slot)| match *slot {
                Slot::Origin { row, cell } => Some((column, &self.table.rows[row].cells[cell])),
                Slot::Covered { .. } => None,
            })
            .filter(|(_, cell)| cell.rowspan == 1)
            .map(|(column, cell)| {
                let span = (cell.colspan as usize).min(self.grid.width - column);
                let width: u32 = self.widths[column..column + span].iter().sum();
                cell_height(cell, width)
            })
            .max()
            .unwrap_or(0)
    }
}

/// The estimated height in twips of `cell` in a column `width` twips wide.
pub(crate) fn cell_height(cell: &Cell, width: u32) -> u32 {
    columns::lines(cell, width, CELL_TEXT) * CELL_LINE
}

/// The 0.7-point paragraph between two tables of a run.
pub(super) fn write_join(markup: &mut Markup) {
    Format::TABLE_JOIN.write_paragraph(markup, &[], false);
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
fn write_lines(markup: &mut Markup, cell: &Cell, header: bool, direct: Direct) {
    let format = Format::cell(header, cell.align);
    if cell.lines.is_empty() {
        format.write_paragraph_with(markup, &[], direct);
    }
    for line in &cell.lines {
        format.write_paragraph_with(markup, line, direct);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::sample::table;

    fn written(layouts: &[Layout]) -> String {
        let mut markup = Markup::new(1, 0);
        for layout in layouts {
            layout.write(&mut markup);
        }
        markup.into_string()
    }

    #[test]
    fn every_row_that_fits_a_page_is_kept_whole() {
        let t = table(&[&["短", &"很长".repeat(200)], &["短", "也短"]]);
        let xml = written(&layout_run(&[&t], 1, false).unwrap());
        assert_eq!(xml.matches("<w:cantSplit />").count(), 2);
        let page = table(&[&["短", &"很长的一行字".repeat(600)]]);
        let xml = written(&layout_run(&[&page], 1, false).unwrap());
        assert_eq!(xml.matches("<w:cantSplit />").count(), 0);
    }

    #[test]
    fn tables_of_one_form_share_widths() {
        let top = table(&[&["名称", "很长很长的一个单位名称"]]);
        let below = table(&[&["实际完成值很长很长很长很长很长很长", "5"]]);
        let layouts = layout_run(&[&top, &below], 3, true).unwrap();
        assert_eq!(layouts[0].widths, layouts[1].widths);
        assert!(!layouts[0].note_follows && layouts[1].note_follows);
        let other = table(&[&["a", "b", "c"]]);
        let layouts = layout_run(&[&top, &other], 3, false).unwrap();
        assert_eq!(layouts[1].widths.len(), 3);
    }

    #[test]
    fn the_last_rows_keep_together_and_with_a_note() {
        let t = table(&[&["a"], &["b"], &["c"], &["总分"]]);
        let layouts = layout_run(&[&t], 1, true).unwrap();
        let keeps: Vec<bool> = (0..4).map(|r| layouts[0].keeps_with_next(r)).collect();
        assert_eq!(keeps, [false, false, true, true]);
        let layouts = layout_run(&[&t], 1, false).unwrap();
        assert!(!layouts[0].keeps_with_next(3));
    }
}

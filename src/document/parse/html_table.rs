//! Builds a [`Table`] from the elements of an HTML `<table>`: rows and header
//! rows, cell spans and alignment, `<col>` widths, and the lines of each cell.
//! Missing `</td>` and `</tr>` are implied, as in HTML.

use quick_xml::events::BytesStart;

use super::entities::decode_entities;
use super::error::{MAX_SPAN, TableError};
use super::runs::RunsBuilder;
use crate::document::{Cell, CellAlign, Inline, Row, Table};

/// The attributes of one tag: names as written (matched ignoring case),
/// entity-decoded values.
#[derive(Debug)]
struct Attributes<'t>(Vec<(&'t [u8], String)>);

impl<'t> Attributes<'t> {
    /// Reads a tag's attributes the HTML way (values may be unquoted);
    /// malformed ones are skipped.
    fn of(tag: &'t BytesStart) -> Self {
        let mut raw = tag.html_attributes();
        raw.with_checks(false);
        let attributes = raw.flatten().map(|attribute| {
            let value = decode_entities(&String::from_utf8_lossy(&attribute.value));
            (attribute.key.into_inner(), value)
        });
        Attributes(attributes.collect())
    }

    /// The value of attribute `name` (lower-case).
    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name.as_bytes()))
            .map(|(_, value)| value.as_str())
    }
}

/// A table whose `</table>` has not been reached yet.
#[derive(Debug, Default)]
pub(super) struct TableBuilder {
    rows: Vec<Row>,
    row: Option<RowBuilder>,
    cell: Option<CellBuilder>,
    in_head: bool,
    widths: Vec<u32>,
}

impl TableBuilder {
    /// An opening tag inside the table (lower-case name); its attributes are
    /// read only for the tags that have any that matter.
    pub(super) fn open(&mut self, name: &str, tag: &BytesStart) -> Result<(), TableError> {
        match name {
            "thead" => self.start_section(true),
            "tbody" | "tfoot" => self.start_section(false),
            "tr" => {
                self.end_row();
                self.row = Some(RowBuilder::new(self.in_head));
            }
            "td" | "th" => {
                self.end_cell();
                self.cell = Some(CellBuilder::new(name == "th", &Attributes::of(tag))?);
            }
            "col" => self.widths.extend(column_widths(&Attributes::of(tag))?),
            "br" => self.with_cell(CellBuilder::line_break),
            "strong" | "b" => self.with_cell(|cell| cell.runs.bold_start()),
            _ => {}
        }
        Ok(())
    }

    /// A closing tag inside the table, other than `</table>`.
    pub(super) fn close(&mut self, name: &str) {
        match name {
            "td" | "th" => self.end_cell(),
            "tr" => self.end_row(),
            "thead" => self.start_section(false),
            "strong" | "b" => self.with_cell(|cell| cell.runs.bold_end()),
            _ => {}
        }
    }

    /// Source text; outside a cell it is ignored.
    pub(super) fn text(&mut self, text: &str) {
        self.with_cell(|cell| cell.runs.push_collapsing(text));
    }

    /// Text from a character reference, kept as it is.
    pub(super) fn literal(&mut self, text: &str) {
        self.with_cell(|cell| cell.runs.push_text(text));
    }

    /// `</table>`: the table, once its spans and widths are checked.
    pub(super) fn finish(mut self) -> Result<Table, TableError> {
        self.end_row();
        let table = Table {
            rows: self.rows,
            column_widths: self.widths,
        };
        let columns = table.grid().map_err(TableError::Grid)?.width;
        if columns == 0 {
            return Err(TableError::Empty);
        }
        let widths = table.column_widths.len();
        if widths != 0 && widths != columns {
            return Err(TableError::WidthCount { widths, columns });
        }
        Ok(table)
    }

    fn start_section(&mut self, head: bool) {
        self.end_row();
        self.in_head = head;
    }

    fn with_cell(&mut self, action: impl FnOnce(&mut CellBuilder)) {
        if let Some(cell) = &mut self.cell {
            action(cell);
        }
    }

    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            let in_head = self.in_head;
            self.row
                .get_or_insert_with(|| RowBuilder::new(in_head))
                .push(cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row.finish());
        }
    }
}

#[derive(Debug)]
struct RowBuilder {
    in_head: bool,
    only_th: bool,
    cells: Vec<Cell>,
}

impl RowBuilder {
    fn new(in_head: bool) -> Self {
        RowBuilder {
            in_head,
            only_th: true,
            cells: Vec::new(),
        }
    }

    fn push(&mut self, cell: CellBuilder) {
        self.only_th &= cell.th;
        self.cells.push(cell.finish());
    }

    /// A row is a header row inside `<thead>` or when all its cells are `<th>`.
    fn finish(self) -> Row {
        Row {
            header: self.in_head || (self.only_th && !self.cells.is_empty()),
            cells: self.cells,
        }
    }
}

#[derive(Debug)]
struct CellBuilder {
    th: bool,
    rowspan: u32,
    colspan: u32,
    align: CellAlign,
    lines: Vec<Vec<Inline>>,
    runs: RunsBuilder,
}

impl CellBuilder {
    fn new(th: bool, attributes: &Attributes) -> Result<Self, TableError> {
        Ok(CellBuilder {
            th,
            rowspan: span(attributes, "rowspan")?,
            colspan: span(attributes, "colspan")?,
            align: cell_align(attributes),
            lines: Vec::new(),
            runs: RunsBuilder::default(),
        })
    }

    fn line_break(&mut self) {
        self.lines.push(self.runs.take_line());
    }

    fn finish(mut self) -> Cell {
        self.lines.push(self.runs.finish());
        Cell {
            lines: self.lines,
            rowspan: self.rowspan,
            colspan: self.colspan,
            align: self.align,
        }
    }
}

/// A span attribute: 1 when absent, otherwise a whole number from 1 to [`MAX_SPAN`].
fn span(attributes: &Attributes, attribute: &'static str) -> Result<u32, TableError> {
    let Some(value) = attributes.get(attribute) else {
        return Ok(1);
    };
    match value.trim().parse::<u32>() {
        Ok(0) | Err(_) => Err(TableError::BadSpan {
            attribute,
            value: value.to_owned(),
        }),
        Ok(value) if value > MAX_SPAN => Err(TableError::SpanTooLarge { attribute, value }),
        Ok(value) => Ok(value),
    }
}

/// The relative widths a `<col width="N">` or `<col width="N%" span="k">` gives.
fn column_widths(attributes: &Attributes) -> Result<Vec<u32>, TableError> {
    let count = span(attributes, "span")?;
    let width = attributes.get("width").ok_or(TableError::MissingWidth)?;
    let number = width.trim();
    let number = number.strip_suffix('%').unwrap_or(number).trim_end();
    let value = number
        .parse::<u32>()
        .map_err(|_| TableError::BadWidth(width.to_owned()))?;
    Ok(vec![value; count as usize])
}

/// Alignment from `style="text-align: …"`, else `align="…"`, else
/// `class="num"` (right) or `class="center"`.
fn cell_align(attributes: &Attributes) -> CellAlign {
    attributes
        .get("style")
        .and_then(style_text_align)
        .or_else(|| attributes.get("align").and_then(align_keyword))
        .or_else(|| attributes.get("class").and_then(class_align))
        .unwrap_or_default()
}

fn style_text_align(style: &str) -> Option<CellAlign> {
    style
        .split(';')
        .filter_map(|declaration| declaration.split_once(':'))
        .filter(|(property, _)| property.trim().eq_ignore_ascii_case("text-align"))
        .find_map(|(_, value)| align_keyword(value))
}

fn align_keyword(value: &str) -> Option<CellAlign> {
    match value.trim().to_ascii_lowercase().as_str() {
        "left" => Some(CellAlign::Left),
        "center" => Some(CellAlign::Center),
        "right" => Some(CellAlign::Right),
        _ => None,
    }
}

fn class_align(classes: &str) -> Option<CellAlign> {
    classes
        .split_ascii_whitespace()
        .find_map(|class| match class {
            "num" => Some(CellAlign::Right),
            "center" => Some(CellAlign::Center),
            _ => None,
        })
}

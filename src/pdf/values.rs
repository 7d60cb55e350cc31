//! The report as the typst values the layout (`report.typ`) reads from
//! `sys.inputs.report`: its metadata, the page's numbers and the sizes in
//! points (from the DOCX writer's twips and half-points), the faces of each
//! role, and its blocks in order, each a dictionary with its `kind`. Texts
//! are typst strings, never typst code.

use typst::foundations::{Array, Dict, IntoValue, Str, Value};

use super::{Date, PdfError};
use crate::document::columns::{PlacedTable, place_forms};
use crate::document::{Block, Cell, CellAlign, Document, Inline, ParagraphRole, Slot, plain_text};
use crate::docx::Properties;
use crate::docx::attachment_list::indented_lines;
use crate::docx::geometry::{
    CELL_TEXT, CHARACTER_SPACING, LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP,
    PAGE_HEIGHT, PAGE_NUMBER_GAP, PAGE_WIDTH, TEXT_HEIGHT, TEXT_WIDTH,
};
use crate::docx::styles::{SIZE_2, SIZE_3, SIZE_4, SIZE_5, SIZE_SMALL_2, SIZE_SMALL_4};
use crate::docx::table::{CELL_LINE, cell_height};
use crate::docx::title;

/// Points in `twips`.
fn points(twips: impl Into<f64>) -> Value {
    (twips.into() / 20.0).into_value()
}

/// Points in `half_points`.
fn size(half_points: usize) -> Value {
    (half_points as f64 / 2.0).into_value()
}

/// A dictionary of `pairs`.
fn dict<const N: usize>(pairs: [(&str, Value); N]) -> Value {
    let mut dict = Dict::new();
    for (key, value) in pairs {
        dict.insert(Str::from(key), value);
    }
    Value::Dict(dict)
}

/// The layout's `report`: `faces` is the `font` dictionary of
/// [`super::fonts::Fonts::faces`]; `date` the report's, if given.
pub(super) fn report(
    doc: &Document,
    properties: &Properties,
    faces: &Dict,
    date: Option<Date>,
) -> Result<Dict, PdfError> {
    let title = doc
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Title(content) => Some(plain_text(&title::lines(content)).replace('\n', "")),
            _ => None,
        })
        .unwrap_or_default();
    let keywords: Array = properties
        .keywords
        .split('；')
        .filter(|k| !k.is_empty())
        .map(IntoValue::into_value)
        .collect();
    let page = dict([
        ("width", points(PAGE_WIDTH)),
        ("height", points(PAGE_HEIGHT)),
        ("top", points(MARGIN_TOP)),
        ("bottom", points(MARGIN_BOTTOM)),
        ("left", points(MARGIN_LEFT)),
        ("right", points(MARGIN_RIGHT)),
        ("pitch", points(LINE_PITCH)),
        ("tracking", points(CHARACTER_SPACING)),
        ("number-gap", points(PAGE_NUMBER_GAP)),
    ]);
    let cell_size = SIZE_5 as f64 / 2.0;
    let cell_line = f64::from(CELL_LINE) / 20.0;
    let sizes = dict([
        ("body", size(SIZE_3)),
        ("title", size(SIZE_2)),
        ("table-title", size(SIZE_SMALL_2)),
        ("page-number", size(SIZE_4)),
        ("note", size(SIZE_SMALL_4)),
        ("cell", size(SIZE_5)),
        ("cell-leading", (cell_line - cell_size).into_value()),
        // Above and below a cell's text: a line's leading, as an office
        // sets single-spaced table text apart from its borders.
        ("cell-inset", (cell_line - cell_size).into_value()),
        ("cell-padding", points(CELL_TEXT.padding / 2)),
        // The paragraph between two tables of a form, 0.7 pt.
        ("join", 0.7.into_value()),
    ]);
    let mut report = Dict::new();
    report.insert("title".into(), title.into_value());
    report.insert("author".into(), properties.creator.as_str().into_value());
    report.insert("keywords".into(), Value::Array(keywords));
    let date = date.map_or(Value::None, |d| {
        let parts = [i64::from(d.year), i64::from(d.month), i64::from(d.day)];
        Value::Array(parts.into_iter().map(IntoValue::into_value).collect())
    });
    report.insert("date".into(), date);
    report.insert("page".into(), page);
    report.insert("size".into(), sizes);
    report.insert("font".into(), Value::Dict(faces.clone()));
    report.insert("blocks".into(), Value::Array(blocks(&doc.blocks)?));
    Ok(report)
}

/// The blocks in order; tables that follow one another directly are placed
/// together, as one form.
fn blocks(blocks: &[Block]) -> Result<Array, PdfError> {
    let mut out = Array::new();
    let mut tables = 0;
    let mut at = 0;
    while at < blocks.len() {
        let block = &blocks[at];
        at += 1;
        let value = match block {
            Block::Title(content) => dict([
                ("kind", "title".into_value()),
                ("runs", runs(&title::lines(content))),
            ]),
            Block::Heading { level, content } => dict([
                ("kind", "heading".into_value()),
                ("level", i64::from((*level).clamp(1, 4)).into_value()),
                ("runs", runs(content)),
            ]),
            Block::PageBreak => dict([("kind", "page-break".into_value())]),
            Block::Paragraph {
                role: ParagraphRole::AttachmentList,
                content,
            } => attachment_list(content),
            Block::Paragraph { role, content } => {
                let bookmark = match role {
                    ParagraphRole::AttachmentLabel => bookmark(content, &blocks[at..]),
                    _ => String::new(),
                };
                // The paragraph before the list of attachments stays on its page.
                let keep_next = matches!(
                    blocks.get(at),
                    Some(Block::Paragraph {
                        role: ParagraphRole::AttachmentList,
                        ..
                    })
                );
                dict([
                    ("kind", "paragraph".into_value()),
                    ("role", role_name(*role).into_value()),
                    ("runs", runs(content)),
                    ("bookmark", bookmark.into_value()),
                    ("keep-next", keep_next.into_value()),
                ])
            }
            Block::Table(first) => {
                let mut run = vec![first];
                while let Some(Block::Table(next)) = blocks.get(at) {
                    run.push(next);
                    at += 1;
                }
                let placed = place_forms(&run, tables + 1, TEXT_WIDTH, CELL_TEXT)?;
                tables += run.len();
                let count = placed.len();
                for (i, placed) in placed.iter().enumerate() {
                    out.push(table(placed, i > 0, i + 1 < count));
                }
                continue;
            }
        };
        out.push(value);
    }
    Ok(out)
}

fn role_name(role: ParagraphRole) -> &'static str {
    match role {
        ParagraphRole::Body => "body",
        ParagraphRole::AttachmentLabel => "attachment-label",
        ParagraphRole::TableTitle => "table-title",
        ParagraphRole::Note => "note",
        ParagraphRole::Right => "right",
        ParagraphRole::AttachmentList => "attachment-list",
    }
}

/// The bookmark of an attachment: its label and the title of its table
/// (the next table title before the next label), “附件1 基础数据表”.
fn bookmark(label: &[Inline], after: &[Block]) -> String {
    let label = plain_text(label).trim().to_owned();
    let title = after
        .iter()
        .take_while(|block| {
            !matches!(
                block,
                Block::Paragraph {
                    role: ParagraphRole::AttachmentLabel,
                    ..
                } | Block::Table(_)
            )
        })
        .find_map(|block| match block {
            Block::Paragraph {
                role: ParagraphRole::TableTitle,
                content,
            } => Some(plain_text(content).replace('\n', "")),
            _ => None,
        });
    match title {
        Some(title) => format!("{label} {}", title.trim()),
        None => label,
    }
}

/// Runs as an array of `(text, bold)` dictionaries.
fn runs(content: &[Inline]) -> Value {
    Value::Array(
        content
            .iter()
            .map(|inline| {
                dict([
                    ("text", inline.text.as_str().into_value()),
                    ("bold", inline.bold.into_value()),
                ])
            })
            .collect(),
    )
}

/// The list of attachments, each line with its indents in points.
fn attachment_list(content: &[Inline]) -> Value {
    let lines: Array = indented_lines(content)
        .iter()
        .map(|(line, indent)| {
            dict([
                ("runs", runs(line)),
                ("left", points(indent.left)),
                ("hanging", points(indent.hanging)),
            ])
        })
        .collect();
    dict([
        ("kind", "attachment-list".into_value()),
        ("lines", Value::Array(lines)),
    ])
}

/// A placed table: its columns in points, how many of its first rows are
/// header rows, its rows of cells, whether its last two rows keep together,
/// whether it continues the form of the table above (`joined`) and
/// whether the next one continues its own (`continued`).
fn table(placed: &PlacedTable, joined: bool, continued: bool) -> Value {
    let table = placed.table;
    let grid = &placed.grid;
    let mut header = table.rows.iter().take_while(|row| row.header).count();
    // A head cell spanning rows below the head takes them into the head.
    let mut r = 0;
    while r < header {
        for cell in &table.rows[r].cells {
            header = header.max(r + cell.rowspan as usize);
        }
        r += 1;
    }
    let header = header.min(table.rows.len());
    let body_rows = table.rows.len() - header;
    let rows: Array = (0..table.rows.len())
        .map(|r| {
            let cells: Array = grid.slots[r]
                .iter()
                .enumerate()
                .filter_map(|(column, slot)| match *slot {
                    Slot::Origin { row, cell } => Some((column, &table.rows[row].cells[cell])),
                    Slot::Covered { .. } => None,
                })
                .map(|(column, cell)| {
                    let span = (cell.colspan as usize).min(grid.width - column);
                    let width: u32 = placed.widths[column..column + span].iter().sum();
                    self::cell(cell, width)
                })
                .collect();
            Value::Array(cells)
        })
        .collect();
    let columns: Array = placed.widths.iter().map(|&w| points(w)).collect();
    dict([
        ("kind", "table".into_value()),
        ("columns", Value::Array(columns)),
        ("header", (header as i64).into_value()),
        ("rows", Value::Array(rows)),
        ("keep-last", (body_rows >= 2).into_value()),
        ("joined", joined.into_value()),
        ("continued", continued.into_value()),
    ])
}

/// A cell `width` twips wide: its lines, spans and alignment, and whether
/// a page may break inside it (only where it spans rows, or is taller than
/// a page).
fn cell(cell: &Cell, width: u32) -> Value {
    let lines: Array = cell.lines.iter().map(|line| runs(line)).collect();
    let breakable = cell.rowspan > 1 || cell_height(cell, width) > TEXT_HEIGHT;
    let align = match cell.align {
        CellAlign::Left => "left",
        CellAlign::Center => "center",
        CellAlign::Right => "right",
    };
    dict([
        ("lines", Value::Array(lines)),
        ("rowspan", i64::from(cell.rowspan).into_value()),
        ("colspan", i64::from(cell.colspan).into_value()),
        ("align", align.into_value()),
        ("breakable", breakable.into_value()),
    ])
}

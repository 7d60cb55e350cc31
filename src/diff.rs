//! `jixiao diff`: what a change to the facts does to the report, in three
//! layers — the facts that changed (YAML path, old → new), the derived figures
//! that changed as a result (by name, with the changed facts they rest on), and
//! the report text that changed (paragraphs and table cells of the rendered
//! Markdown, old → new).
//!
//! Facts are compared as the YAML is written ([`crate::model::load::paths`]), so a
//! change of wording shows as well as a change of amount. Figures are compared
//! by name; a figure that is itself a fact is left to the first layer.
//! Paragraphs are matched by a longest-common-subsequence diff over their
//! texts, so an inserted paragraph does not make all later ones “changed”;
//! table cells are compared by (table, grid row, grid column).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::Analysis;
use crate::audit::show;
use crate::compute::{Figure, Figures};
use crate::document::{self, Block, Document, ParagraphRole, Slot, Table, plain_text};
use crate::model::load::paths;
use crate::render::{self, Templates};

/// Everything that differs between two files.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diff {
    /// 事实变化.
    pub facts: Vec<FactChange>,
    /// 派生数变化.
    pub figures: Vec<FigureChange>,
    /// 报告文字变化：段落.
    pub paragraphs: Vec<ParagraphChange>,
    /// 报告文字变化：表格单元格.
    pub cells: Vec<CellChange>,
}

/// One YAML value that differs; `None` where the path is absent on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FactChange {
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The line in the new file (the old one for a removed value).
    pub line: usize,
}

/// One derived figure whose value differs, or that exists on one side only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FigureChange {
    pub name: String,
    pub label: String,
    /// The value as the report prints it; `None` where the figure does not exist.
    pub old: Option<String>,
    pub new: Option<String>,
    /// The changed facts it rests on, by figure name (its provenance).
    pub because: Vec<String>,
}

/// A paragraph (title, heading or body) that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphChange {
    /// The heading it sits under (in the new report, or the old for a removal).
    pub section: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A table cell that differs, by its place on the table's grid (0-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellChange {
    /// The table's index in the report (0-based).
    pub table: usize,
    /// The table's title, or the heading above it.
    pub caption: String,
    pub row: usize,
    pub col: usize,
    /// The text of the row's first cell, to tell rows apart.
    pub row_head: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Why two files cannot be compared.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    #[error("{0}")]
    Render(#[from] render::RenderError),
    #[error("{file}：报告 Markdown 无法解析：{source}")]
    Parse {
        file: String,
        source: document::ParseError,
    },
    #[error("{file}：YAML 无法展开：{source}")]
    Yaml {
        file: String,
        source: serde_saphyr::Error,
    },
}

impl Diff {
    /// True when the two files do not differ in any fact.
    pub fn no_fact_changed(&self) -> bool {
        self.facts.is_empty()
    }
}

/// Compares two loaded files, rendering both reports with `templates`.
pub fn compare(old: &Analysis, new: &Analysis, templates: &Templates) -> Result<Diff, DiffError> {
    let facts =
        facts(&old.loaded.source, &new.loaded.source).map_err(|source| DiffError::Yaml {
            file: format!("{} / {}", old.loaded.name, new.loaded.name),
            source,
        })?;
    let figures = figures(&old.figures, &new.figures);
    let parsed = |a: &Analysis| -> Result<Document, DiffError> {
        let markdown = render::markdown(a, templates)?;
        document::parse(&markdown).map_err(|source| DiffError::Parse {
            file: a.loaded.name.clone(),
            source,
        })
    };
    let (old_doc, new_doc) = (parsed(old)?, parsed(new)?);
    Ok(Diff {
        facts,
        figures,
        paragraphs: paragraphs(&old_doc, &new_doc),
        cells: cells(&old_doc, &new_doc),
    })
}

/// The YAML values that differ, in the order of the new file, then the
/// removed ones in the order of the old.
pub fn facts(old_yaml: &str, new_yaml: &str) -> Result<Vec<FactChange>, serde_saphyr::Error> {
    let old = paths::leaves(old_yaml)?;
    let new = paths::leaves(new_yaml)?;
    let text = |l: &paths::Leaf| l.text.clone().unwrap_or_else(|| "~".into());
    let old_by_path: BTreeMap<&str, &paths::Leaf> =
        old.iter().map(|l| (l.path.as_str(), l)).collect();
    let new_paths: BTreeSet<&str> = new.iter().map(|l| l.path.as_str()).collect();
    let mut out = Vec::new();
    for leaf in &new {
        let before = old_by_path.get(leaf.path.as_str()).map(|l| text(l));
        let after = text(leaf);
        if before.as_deref() != Some(after.as_str()) {
            out.push(FactChange {
                path: leaf.path.clone(),
                old: before,
                new: Some(after),
                line: leaf.at.line,
            });
        }
    }
    for leaf in old.iter().filter(|l| !new_paths.contains(l.path.as_str())) {
        out.push(FactChange {
            path: leaf.path.clone(),
            old: Some(text(leaf)),
            new: None,
            line: leaf.at.line,
        });
    }
    Ok(out)
}

/// The derived figures whose value differs, in the order of the new file, then
/// the removed ones; figures that are facts are left out (they are in the
/// first layer).
pub fn figures(old: &Figures, new: &Figures) -> Vec<FigureChange> {
    let shown = |f: &Figure| show(f.kind, &f.value);
    let changed = |name: &str| match (old.get(name), new.get(name)) {
        (Some(a), Some(b)) => a.value != b.value,
        _ => true,
    };
    let changed_facts: BTreeSet<String> = old
        .iter()
        .chain(new.iter())
        .filter(|f| f.is_fact() && changed(&f.name))
        .map(|f| f.name.clone())
        .collect();
    let mut out = Vec::new();
    let mut record = |f: &Figure, side: &Figures| {
        let (before, after) = (old.get(&f.name), new.get(&f.name));
        if f.is_fact() || !changed(&f.name) {
            return;
        }
        out.push(FigureChange {
            name: f.name.clone(),
            label: f.label.clone(),
            old: before.map(shown),
            new: after.map(shown),
            because: rests_on(side, &f.name, &changed_facts),
        });
    };
    for f in new.iter() {
        record(f, new);
    }
    for f in old.iter().filter(|f| new.get(&f.name).is_none()) {
        record(f, old);
    }
    out
}

/// The facts among `facts` that figure `name` rests on, recursively.
fn rests_on(figures: &Figures, name: &str, facts: &BTreeSet<String>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![name.to_string()];
    let mut out = Vec::new();
    while let Some(n) = stack.pop() {
        if !seen.insert(n.clone()) {
            continue;
        }
        if facts.contains(&n) {
            out.push(n.clone());
        }
        if let Some(f) = figures.get(&n) {
            stack.extend(f.inputs.iter().cloned());
        }
    }
    out.sort();
    out
}

/// A paragraph of the report with the heading it sits under.
struct Para {
    section: String,
    text: String,
}

fn paragraph_list(doc: &Document) -> Vec<Para> {
    let mut section = String::new();
    let mut out = Vec::new();
    for block in &doc.blocks {
        let text = match block {
            Block::Title(content) | Block::Heading { content, .. } => {
                let text = plain_text(content);
                section = text.clone();
                text
            }
            Block::Paragraph { content, .. } => plain_text(content),
            Block::Table(_) | Block::PageBreak => continue,
        };
        out.push(Para {
            section: section.clone(),
            text,
        });
    }
    out
}

/// Paragraphs that differ, matched by a sequence diff over their texts: a run
/// of removals and insertions between matched paragraphs pairs up in order as
/// changes; the rest are removals or insertions.
pub fn paragraphs(old: &Document, new: &Document) -> Vec<ParagraphChange> {
    let (a, b) = (paragraph_list(old), paragraph_list(new));
    let a_texts: Vec<&str> = a.iter().map(|p| p.text.as_str()).collect();
    let b_texts: Vec<&str> = b.iter().map(|p| p.text.as_str()).collect();
    let mut out = Vec::new();
    for hunk in hunks(&a_texts, &b_texts) {
        let (removed, inserted) = (&a[hunk.old], &b[hunk.new]);
        for i in 0..removed.len().max(inserted.len()) {
            let (o, n) = (removed.get(i), inserted.get(i));
            out.push(ParagraphChange {
                section: n.or(o).map(|p| p.section.clone()).unwrap_or_default(),
                old: o.map(|p| p.text.clone()),
                new: n.map(|p| p.text.clone()),
            });
        }
    }
    out
}

/// A stretch where the two sequences differ: `old` was replaced by `new`.
#[derive(Debug, PartialEq, Eq)]
struct Hunk {
    old: std::ops::Range<usize>,
    new: std::ops::Range<usize>,
}

/// The differing stretches of two sequences, by a longest common subsequence
/// (after trimming the common head and tail).
fn hunks<T: PartialEq>(a: &[T], b: &[T]) -> Vec<Hunk> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let (n, m) = (a_mid.len(), b_mid.len());
    // lcs[i][j]: the length of the LCS of a_mid[i..] and b_mid[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a_mid[i] == b_mid[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let (mut start_i, mut start_j) = (0, 0);
    let flush = |i: usize, j: usize, si: usize, sj: usize, out: &mut Vec<Hunk>| {
        if si < i || sj < j {
            out.push(Hunk {
                old: head + si..head + i,
                new: head + sj..head + j,
            });
        }
    };
    while i < n || j < m {
        if i < n && j < m && a_mid[i] == b_mid[j] {
            flush(i, j, start_i, start_j, &mut out);
            i += 1;
            j += 1;
            (start_i, start_j) = (i, j);
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            j += 1;
        } else {
            i += 1;
        }
    }
    flush(i, j, start_i, start_j, &mut out);
    out
}

/// A table's cells by grid position, with its caption.
struct TableCells {
    caption: String,
    cells: BTreeMap<(usize, usize), String>,
    row_heads: BTreeMap<usize, String>,
}

fn cell_text(table: &Table, row: usize, cell: usize) -> String {
    table.rows[row].cells[cell]
        .lines
        .iter()
        .map(|l| plain_text(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn tables(doc: &Document) -> Vec<TableCells> {
    let mut caption = String::new();
    let mut out = Vec::new();
    for block in &doc.blocks {
        match block {
            Block::Title(content) | Block::Heading { content, .. } => {
                caption = plain_text(content);
            }
            Block::Paragraph {
                role: ParagraphRole::TableTitle,
                content,
            } => caption = plain_text(content),
            Block::Table(table) => out.push(table_cells(table, &caption)),
            _ => {}
        }
    }
    out
}

fn table_cells(table: &Table, caption: &str) -> TableCells {
    let mut cells = BTreeMap::new();
    let mut row_heads = BTreeMap::new();
    match table.grid() {
        Ok(grid) => {
            let origin_text = |slot: Slot| match slot {
                Slot::Origin { row, cell } => cell_text(table, row, cell),
                Slot::Covered { row, col } => match grid.slots[row][col] {
                    Slot::Origin { row, cell } => cell_text(table, row, cell),
                    Slot::Covered { .. } => String::new(),
                },
            };
            for (r, slots) in grid.slots.iter().enumerate() {
                if let Some(&first) = slots.first() {
                    row_heads.insert(r, origin_text(first));
                }
                for (c, &slot) in slots.iter().enumerate() {
                    if let Slot::Origin { row, cell } = slot {
                        cells.insert((r, c), cell_text(table, row, cell));
                    }
                }
            }
        }
        // A table whose spans do not form a grid: compare cell by cell as written.
        Err(_) => {
            for (r, row) in table.rows.iter().enumerate() {
                for c in 0..row.cells.len() {
                    cells.insert((r, c), cell_text(table, r, c));
                }
                if !row.cells.is_empty() {
                    row_heads.insert(r, cell_text(table, r, 0));
                }
            }
        }
    }
    TableCells {
        caption: caption.to_string(),
        cells,
        row_heads,
    }
}

/// Table cells that differ, by (table index, grid row, grid column).
pub fn cells(old: &Document, new: &Document) -> Vec<CellChange> {
    let (a, b) = (tables(old), tables(new));
    let mut out = Vec::new();
    for t in 0..a.len().max(b.len()) {
        let (ta, tb) = (a.get(t), b.get(t));
        let keys: BTreeSet<(usize, usize)> = ta
            .iter()
            .chain(tb.iter())
            .flat_map(|x| x.cells.keys().copied())
            .collect();
        for (row, col) in keys {
            let before = ta.and_then(|x| x.cells.get(&(row, col)));
            let after = tb.and_then(|x| x.cells.get(&(row, col)));
            if before == after {
                continue;
            }
            let side = tb.or(ta);
            out.push(CellChange {
                table: t,
                caption: side.map(|x| x.caption.clone()).unwrap_or_default(),
                row,
                col,
                row_head: side
                    .and_then(|x| x.row_heads.get(&row).cloned())
                    .unwrap_or_default(),
                old: before.cloned(),
                new: after.cloned(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_pair_up_around_common_items() {
        let a = ["t", "a", "b", "c", "d"];
        let b = ["t", "a", "B", "c", "x", "d", "e"];
        assert_eq!(
            hunks(&a, &b),
            vec![
                Hunk {
                    old: 2..3,
                    new: 2..3
                },
                Hunk {
                    old: 4..4,
                    new: 4..5
                },
                Hunk {
                    old: 5..5,
                    new: 6..7
                },
            ]
        );
        assert!(hunks(&a, &a).is_empty());
        assert_eq!(
            hunks(&["x"], &[]),
            vec![Hunk {
                old: 0..1,
                new: 0..0
            }]
        );
    }

    #[test]
    fn an_inserted_paragraph_changes_nothing_else() {
        let old = document::parse("# 标题\n\n## 一、甲\n\n第一段。\n\n第二段。\n").unwrap();
        let new =
            document::parse("# 标题\n\n## 一、甲\n\n第一段。\n\n新的一段。\n\n第二段。\n").unwrap();
        assert_eq!(
            paragraphs(&old, &new),
            vec![ParagraphChange {
                section: "一、甲".into(),
                old: None,
                new: Some("新的一段。".into()),
            }]
        );
    }

    #[test]
    fn table_cells_are_compared_by_grid_position() {
        let table = |v: &str| {
            format!(
                "<!-- jixiao:table-title -->\n表一\n\n| 项目 | 金额 |\n|---|---|\n| 甲 | {v} |\n"
            )
        };
        let old = document::parse(&table("1.00")).unwrap();
        let new = document::parse(&table("2.00")).unwrap();
        let found = cells(&old, &new);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (
                found[0].caption.as_str(),
                found[0].row,
                found[0].col,
                found[0].row_head.as_str()
            ),
            ("表一", 1, 1, "甲")
        );
        assert_eq!(found[0].old.as_deref(), Some("1.00"));
        assert_eq!(found[0].new.as_deref(), Some("2.00"));
    }

    #[test]
    fn facts_compare_as_written() {
        let found = facts("a: 1\nb: [x, y]\nc: 2\n", "a: 1.0\nb: [x]\nd: ~\n").unwrap();
        let short: Vec<_> = found
            .iter()
            .map(|c| (c.path.as_str(), c.old.as_deref(), c.new.as_deref()))
            .collect();
        assert_eq!(
            short,
            vec![
                ("a", Some("1"), Some("1.0")),
                ("d", None, Some("~")),
                ("b[1]", Some("y"), None),
                ("c", Some("2"), None),
            ]
        );
    }
}

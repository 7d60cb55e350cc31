//! Writes report Documents as DOCX and reads the package back with `zip` and
//! `quick-xml`: page geometry, typefaces and sizes, tables and their merged
//! cells, footers, schema order, determinism; plus a LibreOffice round trip.

mod docx_support;

use std::io::Cursor;

use docx_support::read_back::{El, Styles, body, entries, int, parse};
use docx_support::sample::*;
use docx_support::schema_order::{schema_rank, schema_sequence};
use jixiao::document::{Block, CellAlign, Document, Row, Table};
use jixiao::docx::{Properties, write_docx};

fn sample_docx() -> Vec<u8> {
    write_docx(&sample_report(), &Properties::default()).expect("the sample report is written")
}

/// The paragraph whose text is exactly `text`.
fn paragraph<'a>(body: &'a El, text: &str) -> &'a El {
    body.find_all("w:p")
        .into_iter()
        .find(|p| p.text() == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

/// (eastAsia, ascii, hAnsi, hint, sz, bold) of the first run of `p`, as a
/// reader resolves them through the styles.
fn run_format(styles: &Styles, p: &El) -> (String, String, String, String, i64, bool) {
    let r = p.child("w:r").expect("a run");
    let fonts = styles.run(p, r, "w:rFonts").expect("rFonts");
    let get = |k: &str| fonts.attr(k).unwrap_or_default().to_owned();
    (
        get("w:eastAsia"),
        get("w:ascii"),
        get("w:hAnsi"),
        get("w:hint"),
        int(styles.run(p, r, "w:sz").and_then(|sz| sz.attr("w:val"))),
        styles.run(p, r, "w:b").is_some(),
    )
}

fn face(east_asia: &str, size: i64, bold: bool) -> (String, String, String, String, i64, bool) {
    (
        east_asia.into(),
        "Times New Roman".into(),
        "Times New Roman".into(),
        "eastAsia".into(),
        size,
        bold,
    )
}

fn jc<'a>(styles: &'a Styles, p: &'a El) -> &'a str {
    styles.paragraph_attr(p, "w:jc", "w:val").unwrap_or("")
}

#[test]
fn page_is_a4_with_gb_t_9704_margins() {
    let docx = sample_docx();
    let section = body(&docx);
    let sect = section.child("w:sectPr").expect("body sectPr");
    assert_eq!(int(sect.at(&["w:pgSz"], "w:w")), 11906);
    assert_eq!(int(sect.at(&["w:pgSz"], "w:h")), 16838);
    let margin = |k| int(sect.at(&["w:pgMar"], k));
    assert_eq!(
        (
            margin("w:top"),
            margin("w:bottom"),
            margin("w:left"),
            margin("w:right")
        ),
        (2098, 1984, 1587, 1474)
    );
}

#[test]
fn title_body_and_headings_have_their_faces_and_sizes() {
    let docx = sample_docx();
    let body = body(&docx);
    let styles = Styles::of(&docx);
    let title = paragraph(&body, TITLE);
    assert_eq!(
        run_format(&styles, title),
        face("方正小标宋简体", 44, false)
    );
    assert_eq!(jc(&styles, title), "center");
    assert_eq!(styles.paragraph_attr(title, "w:ind", "w:firstLine"), None);

    let first_body = body
        .find_all("w:p")
        .into_iter()
        .find(|p| p.text().starts_with("根据《中华人民共和国预算法》"))
        .unwrap();
    assert_eq!(
        run_format(&styles, first_body),
        face("仿宋_GB2312", 32, false)
    );
    assert_eq!(jc(&styles, first_body), "both");
    assert_eq!(
        styles.paragraph_attr(first_body, "w:ind", "w:firstLineChars"),
        Some("200")
    );
    assert_eq!(
        styles.paragraph_attr(first_body, "w:ind", "w:firstLine"),
        Some("640")
    );
    assert_eq!(
        styles.paragraph_attr(first_body, "w:spacing", "w:line"),
        Some("579")
    );
    assert_eq!(
        styles.paragraph_attr(first_body, "w:spacing", "w:lineRule"),
        Some("exact")
    );

    let headings = [
        ("一、部门基本情况", face("黑体", 32, false)),
        ("㈠部门职能", face("楷体_GB2312", 32, false)),
        ("1.产出指标完成情况", face("仿宋_GB2312", 32, true)),
        ("⑴数量指标", face("仿宋_GB2312", 32, false)),
    ];
    for (text, expected) in headings {
        let p = paragraph(&body, text);
        assert_eq!(run_format(&styles, p), expected, "{text}");
        assert_eq!(
            styles.paragraph_attr(p, "w:ind", "w:firstLineChars"),
            Some("200"),
            "{text}"
        );
        assert_eq!(
            styles.paragraph_attr(p, "w:spacing", "w:line"),
            Some("579"),
            "{text}"
        );
    }
}

#[test]
fn other_roles_have_their_faces_and_alignment() {
    let docx = sample_docx();
    let body = body(&docx);
    let styles = Styles::of(&docx);
    let label = paragraph(&body, "附件1");
    assert_eq!(run_format(&styles, label), face("黑体", 32, false));
    assert_eq!(jc(&styles, label), "left");
    assert!(
        styles
            .paragraph_attr(label, "w:pageBreakBefore", "w:val")
            .is_none()
    );
    assert!(
        label
            .child("w:pPr")
            .unwrap()
            .child("w:pageBreakBefore")
            .is_some()
    );

    let title = paragraph(&body, "2024年度部门整体支出绩效自评表");
    assert_eq!(
        run_format(&styles, title),
        face("方正小标宋简体", 36, false)
    );
    assert_eq!(jc(&styles, title), "center");

    let note = body
        .find_all("w:p")
        .into_iter()
        .find(|p| p.text().starts_with("注："))
        .unwrap();
    assert_eq!(run_format(&styles, note), face("仿宋_GB2312", 24, false));
    assert_eq!(styles.paragraph_attr(note, "w:ind", "w:firstLine"), None);

    let date = paragraph(&body, "2025年3月15日");
    assert_eq!(jc(&styles, date), "right");
    assert_eq!(styles.paragraph_attr(date, "w:ind", "w:firstLine"), None);

    let bold = body
        .find_all("w:r")
        .into_iter()
        .find(|r| r.text() == "其中财政拨款收入12,000.00万元")
        .unwrap();
    assert!(bold.child("w:rPr").unwrap().child("w:b").is_some());
}

#[test]
fn tables_are_counted_and_fill_the_text_width() {
    let docx = sample_docx();
    let body = body(&docx);
    let tables = body.find_all("w:tbl");
    assert_eq!(tables.len(), 2);
    let sect = body.child("w:sectPr").unwrap();
    let text_width = int(sect.at(&["w:pgSz"], "w:w"))
        - int(sect.at(&["w:pgMar"], "w:left"))
        - int(sect.at(&["w:pgMar"], "w:right"));
    for table in tables {
        let grid: Vec<i64> = table
            .child("w:tblGrid")
            .unwrap()
            .children_named("w:gridCol")
            .map(|c| int(c.attr("w:w")))
            .collect();
        assert_eq!(grid.iter().sum::<i64>(), text_width);
        let pr = table.child("w:tblPr").unwrap();
        assert_eq!(pr.at(&["w:tblLayout"], "w:type"), Some("fixed"));
        assert_eq!(int(pr.at(&["w:tblW"], "w:w")), text_width);
        for side in [
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:insideH",
            "w:insideV",
        ] {
            let border = pr.child("w:tblBorders").unwrap().child(side).unwrap();
            assert_eq!(border.attr("w:val"), Some("single"));
            assert!(matches!(border.attr("w:sz"), Some("4" | "8")));
        }
    }
}

/// (gridSpan, vMerge) of each cell of a row; vMerge is "restart",
/// "continue" or "".
fn merges(row: &El) -> Vec<(i64, String)> {
    row.children_named("w:tc")
        .map(|tc| {
            let pr = tc.child("w:tcPr").unwrap();
            let span = pr
                .at(&["w:gridSpan"], "w:val")
                .map_or(1, |v| v.parse().unwrap());
            let merge = match pr.child("w:vMerge") {
                None => String::new(),
                Some(m) => m.attr("w:val").unwrap_or("continue").to_owned(),
            };
            (span, merge)
        })
        .collect()
}

fn indicator_rows(docx: &[u8]) -> (Vec<i64>, Vec<El>) {
    let body = body(docx);
    let mut tables: Vec<El> = Vec::new();
    let mut stack = vec![body];
    while let Some(mut e) = stack.pop() {
        if e.name == "w:tbl" {
            tables.push(e);
        } else {
            stack.extend(std::mem::take(&mut e.children));
        }
    }
    let mut table = tables
        .into_iter()
        .find(|t| t.text().contains("年度绩效指标"))
        .unwrap();
    let grid = table
        .child("w:tblGrid")
        .unwrap()
        .children_named("w:gridCol")
        .map(|c| int(c.attr("w:w")))
        .collect();
    let rows = std::mem::take(&mut table.children)
        .into_iter()
        .filter(|c| c.name == "w:tr")
        .collect();
    (grid, rows)
}

#[test]
fn indicator_table_merges_cells_where_the_document_has_spans() {
    let docx = sample_docx();
    let (grid, rows) = indicator_rows(&docx);
    assert_eq!(grid.len(), INDICATOR_COLUMNS);
    let none = || (1, String::new());
    let restart = || (1, "restart".to_owned());
    let cont = || (1, "continue".to_owned());

    // First indicator row: 绩效指标, 一级 and 二级 columns all start a merge.
    let mut expected = vec![restart(), restart(), restart()];
    expected.extend((0..6).map(|_| none()));
    assert_eq!(merges(&rows[1]), expected);
    // Second: all three continue.
    let mut expected = vec![cont(), cont(), cont()];
    expected.extend((0..6).map(|_| none()));
    assert_eq!(merges(&rows[2]), expected);
    // Fourth: 质量指标 starts a new 二级 merge inside 产出指标.
    let mut expected = vec![cont(), cont(), restart()];
    expected.extend((0..6).map(|_| none()));
    assert_eq!(merges(&rows[4]), expected);
    // 成本指标 spans one row only: no merge in the 二级 column.
    let cost = rows
        .iter()
        .position(|r| r.text().contains("成本指标"))
        .unwrap();
    let mut expected = vec![cont(), cont(), none()];
    expected.extend((0..6).map(|_| none()));
    assert_eq!(merges(&rows[cost]), expected);
    // 效益指标 starts a new 一级 merge.
    let effect = rows
        .iter()
        .position(|r| r.text().contains("效益指标"))
        .unwrap();
    assert_eq!(merges(&rows[effect])[..3], [cont(), restart(), restart()]);
    // 总分: a label over 6 columns, then 3 single cells, no merges.
    let total = rows.last().unwrap();
    assert_eq!(
        merges(total),
        vec![(6, String::new()), none(), none(), none()]
    );
}

#[test]
fn every_row_covers_the_grid_and_cells_are_as_wide_as_their_columns() {
    let docx = sample_docx();
    let (grid, rows) = indicator_rows(&docx);
    let mut above: Vec<Option<(i64, String)>> = vec![None; grid.len()];
    for (r, row) in rows.iter().enumerate() {
        let mut column = 0;
        for (tc, (span, merge)) in row.children_named("w:tc").zip(merges(row)) {
            let span = span as usize;
            let width = int(tc.at(&["w:tcPr", "w:tcW"], "w:w"));
            assert_eq!(
                width,
                grid[column..column + span].iter().sum::<i64>(),
                "row {r}"
            );
            assert_eq!(
                tc.at(&["w:tcPr", "w:vAlign"], "w:val"),
                Some("center"),
                "row {r}"
            );
            if merge == "continue" {
                let (above_span, above_merge) = above[column].clone().expect("a cell above");
                assert_eq!(above_span, span as i64, "row {r} column {column}");
                assert!(above_merge == "restart" || above_merge == "continue");
            }
            above[column] = Some((span as i64, merge));
            column += span;
        }
        assert_eq!(column, grid.len(), "row {r} covers the grid");
    }
}

#[test]
fn header_rows_repeat_and_short_rows_do_not_split() {
    let docx = sample_docx();
    let (_, rows) = indicator_rows(&docx);
    let has = |row: &El, name: &str| row.child("w:trPr").is_some_and(|p| p.child(name).is_some());
    assert!(has(&rows[0], "w:tblHeader"));
    assert!(rows[1..].iter().all(|r| !has(r, "w:tblHeader")));
    assert!(has(&rows[0], "w:cantSplit"));
    assert!(has(rows.last().unwrap(), "w:cantSplit"));
    let styles = Styles::of(&docx);
    let first_run = |row: &El| {
        let p = row.find_all("w:p")[0];
        let r = p.child("w:r").expect("a run");
        let east_asia = styles.run(p, r, "w:rFonts").unwrap().attr("w:eastAsia");
        let size = styles.run(p, r, "w:sz").unwrap().attr("w:val");
        (east_asia.map(str::to_owned), size.map(str::to_owned))
    };
    assert_eq!(
        first_run(&rows[0]),
        (Some("黑体".into()), Some("21".into()))
    );
    assert_eq!(
        first_run(&rows[1]),
        (Some("仿宋_GB2312".into()), Some("21".into()))
    );
}

#[test]
fn every_text_of_the_document_is_in_document_xml() {
    let document = sample_report();
    let docx = write_docx(&document, &Properties::default()).unwrap();
    let written = body(&docx).text();
    let mut texts = Vec::new();
    for block in &document.blocks {
        match block {
            Block::Title(c)
            | Block::Heading { content: c, .. }
            | Block::Paragraph { content: c, .. } => texts.extend(c.iter().map(|i| i.text.clone())),
            Block::Table(t) => texts.extend(
                t.rows
                    .iter()
                    .flat_map(|r| &r.cells)
                    .flat_map(|c| &c.lines)
                    .flatten()
                    .map(|i| i.text.clone()),
            ),
            Block::PageBreak => {}
        }
    }
    for text in texts.iter().flat_map(|t| t.split('\n')) {
        assert!(written.contains(text), "missing {text:?}");
    }
}

/// Every ordered property element of `part` has its children in schema order.
fn assert_schema_order(name: &str, part: &El) {
    for element in part.all() {
        let Some(sequence) = element.name.strip_prefix("w:").and_then(schema_sequence) else {
            continue;
        };
        let mut last = 0;
        for child in &element.children {
            let rank = child
                .name
                .strip_prefix("w:")
                .and_then(|local| schema_rank(sequence, local))
                .unwrap_or_else(|| {
                    panic!("{name}: {} not allowed in {}", child.name, element.name)
                });
            assert!(
                rank >= last,
                "{name}: {} out of order in {}",
                child.name,
                element.name
            );
            last = rank;
        }
    }
}

#[test]
fn every_schema_sequence_lists_each_member_once() {
    for (parent, sequence) in docx_support::schema_order::SCHEMA_SEQUENCES {
        for (i, member) in sequence.iter().enumerate() {
            assert!(
                !sequence[..i].contains(member),
                "{parent}: {member} listed twice"
            );
        }
    }
}

#[test]
fn property_children_are_in_schema_order() {
    let docx = sample_docx();
    let parts = entries(&docx);
    let mut checked = 0;
    for (name, xml) in &parts {
        let is_footer = name.starts_with("word/footer") && name.ends_with(".xml");
        if name == "word/document.xml" || name == "word/styles.xml" || is_footer {
            assert_schema_order(name, &parse(xml));
            checked += 1;
        }
    }
    assert_eq!(checked, 4, "document, styles and two footers");
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let first = sample_docx();
    let second = sample_docx();
    assert_eq!(first, second);
    // docx-rs numbers paragraphs with a per-thread counter; a thread that has
    // already made paragraphs must still give the same bytes.
    let other_thread = std::thread::spawn(|| {
        let _earlier: Vec<docx_rs::Paragraph> =
            (0..1000).map(|_| docx_rs::Paragraph::new()).collect();
        sample_docx()
    })
    .join()
    .unwrap();
    assert_eq!(first, other_thread);
    let mut zip = zip::ZipArchive::new(Cursor::new(&first)).unwrap();
    for i in 0..zip.len() {
        let entry = zip.by_index(i).unwrap();
        let time = entry.last_modified().unwrap();
        assert_eq!(
            (time.year(), time.month(), time.day()),
            (1980, 1, 1),
            "{}",
            entry.name()
        );
    }
    let parts = entries(&first);
    let core = &parts["docProps/core.xml"];
    assert!(!core.contains("2025") && !core.contains("2026"), "{core}");
    let ids: Vec<String> = body(&first)
        .find_all("w:p")
        .into_iter()
        .filter_map(|p| p.attr("w14:paraId").map(str::to_owned))
        .collect();
    // The two footers' paragraphs are 1 and 2; the body's follow.
    assert_eq!(ids.first().map(String::as_str), Some("00000003"));
    let footer_ids: Vec<String> = ["word/footer1.xml", "word/footer2.xml"]
        .iter()
        .map(|name| {
            let footer = parse(&parts[*name]);
            footer
                .child("w:p")
                .unwrap()
                .attr("w14:paraId")
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(footer_ids, ["00000001", "00000002"]);
}

#[test]
fn footers_alternate_sides_and_hold_a_page_field() {
    let docx = sample_docx();
    let parts = entries(&docx);
    let settings = parse(&parts["word/settings.xml"]);
    assert!(settings.child("w:evenAndOddHeaders").is_some());

    let rels = parse(&parts["word/_rels/document.xml.rels"]);
    let target = |id: &str| {
        let rel = rels
            .children_named("Relationship")
            .find(|r| r.attr("Id") == Some(id))
            .unwrap();
        format!("word/{}", rel.attr("Target").unwrap())
    };
    let body = body(&docx);
    let styles = Styles::of(&docx);
    let sect = body.child("w:sectPr").unwrap();
    let footer = |kind: &str| {
        let reference = sect
            .children_named("w:footerReference")
            .find(|r| r.attr("w:type") == Some(kind))
            .unwrap_or_else(|| panic!("no {kind} footer"));
        parse(&parts[&target(reference.attr("r:id").unwrap())])
    };
    for (kind, side) in [("default", "right"), ("even", "left")] {
        let footer = footer(kind);
        let p = footer.child("w:p").unwrap();
        assert_eq!(jc(&styles, p), side, "{kind}");
        let instr: String = footer
            .find_all("w:instrText")
            .iter()
            .map(|e| e.text.clone())
            .collect();
        assert_eq!(instr.trim(), "PAGE");
        let kinds: Vec<&str> = footer
            .find_all("w:fldChar")
            .iter()
            .map(|e| e.attr("w:fldCharType").unwrap())
            .collect();
        assert_eq!(kinds, ["begin", "separate", "end"]);
        assert_eq!(p.text(), "— 1 —");
        let songti = (
            "宋体".into(),
            "宋体".into(),
            "宋体".into(),
            "eastAsia".into(),
            28,
            false,
        );
        assert_eq!(
            run_format(&styles, p),
            songti,
            "page numbers in 宋体, digits too"
        );
    }
}

/// Where `.ci/run` collects documents for the strict schema check
/// (`JIXIAO_DOCX_DIR`), if it asks for them.
fn keep_for_schema_check(name: &str, docx: &[u8]) {
    if let Some(dir) = std::env::var_os("JIXIAO_DOCX_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(name), docx).unwrap();
    }
}

#[test]
fn degenerate_documents_are_written() {
    let empty = write_docx(&Document::default(), &Properties::default()).unwrap();
    assert!(body(&empty).child("w:sectPr").is_some());
    keep_for_schema_check("empty.docx", &empty);
    keep_for_schema_check("sample.docx", &sample_docx());

    let one_cell = Document {
        blocks: vec![Block::Table(Table {
            rows: vec![Row {
                header: false,
                cells: vec![plain("唯一")],
            }],
            column_widths: Vec::new(),
        })],
    };
    let docx = write_docx(&one_cell, &Properties::default()).unwrap();
    keep_for_schema_check("one-cell.docx", &docx);
    let grid = body(&docx).find_all("w:gridCol").len();
    assert_eq!(grid, 1);

    let only_breaks = Document {
        blocks: vec![
            Block::PageBreak,
            Block::PageBreak,
            Block::Table(Table::default()),
        ],
    };
    write_docx(&only_breaks, &Properties::default()).unwrap();
}

#[test]
fn xml_specials_come_out_literally() {
    let special = r#"A & B < C > D "E" 'F' &amp;"#;
    let doc = Document {
        blocks: vec![
            Block::Title(text(special)),
            Block::Table(Table {
                rows: vec![Row {
                    header: true,
                    cells: vec![plain(special)],
                }],
                column_widths: vec![1],
            }),
        ],
    };
    let docx = write_docx(&doc, &Properties::default()).unwrap();
    let body = body(&docx);
    assert_eq!(body.find_all("w:p")[0].text(), special);
    assert_eq!(body.find_all("w:tbl")[0].text(), special);

    let control = Document {
        blocks: vec![body_text("行一\r\n行二\u{1}\t完")],
    };
    let docx = write_docx(&control, &Properties::default()).unwrap();
    let text = self::body(&docx).find_all("w:p")[0].text();
    assert_eq!(text, "行一\u{FFFD}\n行二\u{FFFD}\t完", "a tab is a w:tab");
}

#[test]
fn bad_spans_and_widths_are_reported_in_chinese() {
    let ragged = Document {
        blocks: vec![Block::Table(Table {
            rows: vec![
                Row {
                    header: false,
                    cells: vec![cell("a", 1, 2, CellAlign::Left)],
                },
                Row {
                    header: false,
                    cells: vec![plain("b")],
                },
            ],
            column_widths: Vec::new(),
        })],
    };
    let message = write_docx(&ragged, &Properties::default())
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("第 1 个表格"), "{message}");

    let widths = Document {
        blocks: vec![Block::Table(Table {
            rows: vec![Row {
                header: false,
                cells: vec![plain("a"), plain("b")],
            }],
            column_widths: vec![1, 2, 3],
        })],
    };
    let message = write_docx(&widths, &Properties::default())
        .unwrap_err()
        .to_string();
    assert!(
        message.contains("3 个列宽") && message.contains("2 列"),
        "{message}"
    );
}

#[test]
fn paragraphs_name_their_style_and_runs_carry_only_bold() {
    let docx = sample_docx();
    let body = body(&docx);
    let styles = Styles::of(&docx);
    let paragraphs = body.find_all("w:p");
    assert!(paragraphs.len() > 20);
    let mut named = std::collections::BTreeSet::new();
    for p in paragraphs {
        let own = p.child("w:pPr").expect("paragraph properties");
        let id = own.at(&["w:pStyle"], "w:val").expect("a style");
        named.insert(id.to_owned());
        let style = styles.style_of(p);
        assert!(style.child("w:basedOn").is_none(), "{id} is complete");
        assert!(style.at(&["w:rPr", "w:rFonts"], "w:eastAsia").is_some());
        for child in &own.children {
            assert!(
                matches!(
                    child.name.as_str(),
                    "w:pStyle" | "w:pageBreakBefore" | "w:keepNext"
                ),
                "{id}: direct {} on a paragraph",
                child.name
            );
        }
        for r in p.children_named("w:r") {
            if let Some(rpr) = r.child("w:rPr") {
                let names: Vec<&str> = rpr.children.iter().map(|c| c.name.as_str()).collect();
                assert_eq!(names, ["w:b", "w:bCs"], "{id}: run formatting");
            }
        }
    }
    for id in [
        "Title",
        "BodyText",
        "Heading1",
        "Heading3",
        "TableText",
        "TableHeaderCenter",
    ] {
        assert!(named.contains(id), "no paragraph in {id}");
    }
    let table_header = styles.style_of(
        body.find_all("w:p")
            .into_iter()
            .find(|p| p.at(&["w:pPr", "w:pStyle"], "w:val") == Some("TableHeaderCenter"))
            .unwrap(),
    );
    assert_eq!(table_header.at(&["w:name"], "w:val"), Some("表头文字居中"));
    assert_eq!(table_header.attr("w:customStyle"), Some("1"));
}

//! The DOCX packages of both bundled units, read back: every part is
//! well-formed XML and has a content type, only parts the document uses are
//! packed, the core properties name the report and its unit (never 1970 or
//! “unknown”), the body pages have the document grid, and the attachment
//! tables print as they are: no row splits, the first column at least two
//! characters wide.

mod docx_support;

use docx_support::read_back::{El, body, entries, int, part};
use docx_support::units::{self, UNITS};

/// Two 五号 characters (210 twips each) and Word's cell margins (2 × 108).
const TWO_CHARACTERS: i64 = 2 * 210 + 216;

#[test]
fn every_part_is_well_formed_and_has_a_content_type() {
    for path in UNITS {
        let built = units::build(path);
        let parts = entries(&built.docx);
        let types = &parts["[Content_Types].xml"];
        for (name, xml) in &parts {
            let mut reader = quick_xml::Reader::from_str(xml);
            loop {
                match reader.read_event() {
                    Ok(quick_xml::events::Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{path}: {name} is not well-formed: {e}"),
                }
            }
            assert!(
                name.ends_with(".rels")
                    || name == "[Content_Types].xml"
                    || types.contains(&format!("PartName=\"/{name}\"")),
                "{path}: {name} has no content type"
            );
        }
        for unused in [
            "word/numbering.xml",
            "word/comments.xml",
            "word/commentsExtended.xml",
            "word/footnotes.xml",
            "docProps/custom.xml",
        ] {
            assert!(!parts.contains_key(unused), "{path}: {unused} is packed");
            assert!(
                !types.contains(unused),
                "{path}: {unused} has a content type"
            );
        }
    }
}

#[test]
fn core_properties_name_the_report_and_its_unit() {
    for path in UNITS {
        let built = units::build(path);
        let core = part(&built.docx, "docProps/core.xml");
        let text = |name: &str| core.child(name).map(|e| e.text.clone()).unwrap_or_default();
        let facts = &built.analysis.loaded.facts;
        // The title line without the marks of where it may break.
        let title = built.markdown.lines().next().unwrap();
        let title = title.trim_start_matches("# ").replace("&#8203;", "");
        assert_eq!(text("dc:title"), title, "{path}");
        assert_eq!(text("dc:creator"), facts.unit.name.value, "{path}");
        assert!(
            text("dc:subject").contains(&facts.year.value.to_string()),
            "{path}"
        );
        assert!(!text("cp:keywords").is_empty(), "{path}");
        let xml = &entries(&built.docx)["docProps/core.xml"];
        assert!(
            !xml.contains("1970") && !xml.contains("unknown"),
            "{path}: {xml}"
        );
    }
}

#[test]
fn body_pages_have_the_document_grid() {
    for path in UNITS {
        let built = units::build(path);
        let grid = body(&built.docx)
            .find_all("w:docGrid")
            .into_iter()
            .next()
            .cloned()
            .unwrap_or_else(|| panic!("{path}: no w:docGrid"));
        assert_eq!(grid.attr("w:type"), Some("lines"), "{path}");
        assert_eq!(int(grid.attr("w:linePitch")), 579, "{path}");
    }
}

/// The tables of the attachments (every table of the report).
fn tables(docx: &[u8]) -> Vec<El> {
    body(docx).find_all("w:tbl").into_iter().cloned().collect()
}

#[test]
fn no_attachment_row_splits_across_pages() {
    for path in UNITS {
        let built = units::build(path);
        for (t, tbl) in tables(&built.docx).iter().enumerate() {
            for (r, tr) in tbl.children_named("w:tr").enumerate() {
                assert!(
                    tr.child("w:trPr")
                        .and_then(|p| p.child("w:cantSplit"))
                        .is_some(),
                    "{path}: table {} row {} may split",
                    t + 1,
                    r + 1
                );
            }
        }
    }
}

#[test]
fn the_first_column_holds_two_characters() {
    for path in UNITS {
        let built = units::build(path);
        for (t, tbl) in tables(&built.docx).iter().enumerate() {
            let widths: Vec<i64> = tbl
                .find_all("w:gridCol")
                .iter()
                .map(|c| int(c.attr("w:w")))
                .collect();
            assert!(
                widths.iter().all(|&w| w >= TWO_CHARACTERS),
                "{path}: table {} has a column narrower than two characters: {widths:?}",
                t + 1
            );
        }
    }
}

#[test]
fn the_last_rows_keep_with_the_note_under_them() {
    let built = units::build(UNITS[0]);
    let body = body(&built.docx);
    let blocks = &body.children;
    for (i, block) in blocks.iter().enumerate() {
        if block.name != "w:tbl" {
            continue;
        }
        let note_follows = blocks
            .get(i + 1)
            .is_some_and(|next| next.at(&["w:pPr", "w:pStyle"], "w:val") == Some("TableNote"));
        let rows: Vec<&El> = block.children_named("w:tr").collect();
        let keeps = |tr: &El| {
            tr.find_all("w:p").iter().all(|p| {
                p.child("w:pPr")
                    .and_then(|p| p.child("w:keepNext"))
                    .is_some()
            })
        };
        assert!(
            keeps(rows[rows.len() - 2]),
            "table at block {i}: the last data row"
        );
        assert_eq!(
            keeps(rows[rows.len() - 1]),
            note_follows,
            "table at block {i}"
        );
    }
}

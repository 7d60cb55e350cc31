//! The bundled reports as LibreOffice lays them out, read page by page from
//! its PDF: the attachment tables print as an office needs them. Runs where
//! `soffice`, `pdftotext` and `pdfinfo` are on PATH (`.ci/run` installs
//! them); elsewhere each test says so and passes.

mod docx_support;

use docx_support::pages::{self, attachment_pages};
use docx_support::pdf::{self, Pdf};
use docx_support::sample::INDICATOR_HEADS;
use docx_support::units::{self, Built, UNITS};

/// The column heads of the indicator table, as they read without spaces.
const HEADS: [&str; 9] = INDICATOR_HEADS;

fn rendered(path: &str) -> Option<(Built, Pdf)> {
    let built = units::build(path);
    let stem = path.rsplit('/').next().unwrap().trim_end_matches(".yaml");
    let pdf = pdf::render(&built.docx, stem)?;
    Some((built, pdf))
}

#[test]
fn every_continued_attachment_page_carries_the_indicator_heads() {
    for path in UNITS {
        let Some((_, pdf)) = rendered(path) else {
            return;
        };
        for (n, page) in attachment_pages(path, &pdf.pages()) {
            // A new attachment starts with its budget table. LibreOffice
            // does not keep a table's last rows with the note under it
            // (Word and WPS do, by w:keepNext), so there a note may start a
            // page of its own.
            if page.starts_with("附件") || page.starts_with("备注：") || page.starts_with("说明：")
            {
                continue;
            }
            for head in HEADS {
                assert!(page.contains(head), "{path} page {n} lacks {head}: {page}");
            }
        }
    }
}

#[test]
fn each_indicator_row_lies_on_one_page() {
    for path in UNITS {
        let Some((built, pdf)) = rendered(path) else {
            return;
        };
        pages::assert_indicator_rows_whole(path, &built.analysis, &pdf.pages());
    }
}

#[test]
fn no_page_holds_only_a_total_row() {
    for path in UNITS {
        let Some((_, pdf)) = rendered(path) else {
            return;
        };
        pages::assert_no_page_starts_with_total(path, &pdf.pages());
    }
}

#[test]
fn rates_and_scores_are_never_broken() {
    for path in UNITS {
        let Some((built, pdf)) = rendered(path) else {
            return;
        };
        let pages = pdf.pages();
        let first = pages.iter().position(|p| p.starts_with("附件2")).unwrap() + 1;
        // The layout text keeps each line of a page apart: a figure wrapped
        // inside its cell is no longer found whole on one line.
        let layout = std::process::Command::new("pdftotext")
            .args(["-layout", "-f", &first.to_string()])
            .arg(&pdf.path)
            .arg("-")
            .output()
            .unwrap();
        let layout = String::from_utf8_lossy(&layout.stdout);
        let tables = &built.markdown[built.markdown.find("\n附件2\n").unwrap()..];
        let figures: Vec<&str> = tables
            .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '%'))
            .filter(|t| t.len() > 1 && t.ends_with('%') || t.contains('.') && t.len() > 3)
            .collect();
        if path == UNITS[0] {
            assert!(figures.contains(&"96.46%") && figures.contains(&"99.65"));
        }
        for figure in figures {
            let printed = layout.matches(figure).count();
            let written = tables.matches(figure).count();
            assert!(
                printed >= written,
                "{path}: {figure} is printed whole {printed} times of {written}"
            );
        }
    }
}

//! The bundled reports as jixiao typesets them in PDF, read page by page:
//! pages numbered in order on the outer side, each attachment on a new
//! page, the indicator column heads on every page a table runs onto, no
//! indicator row split between pages, no page holding only a total row,
//! and full body lines of 28 characters. Runs where poppler's tools and a
//! CJK font are installed (`.ci/run` installs both); elsewhere each test
//! says so and passes.

mod common;
mod docx_support;
mod pdf_support;

use docx_support::pages::{self, attachment_pages};
use docx_support::sample::INDICATOR_HEADS;
use docx_support::units::UNITS;
use pdf_support::{lines, typeset};

/// The attachment labels of `markdown` (“附件1”…), in order.
fn attachment_labels(markdown: &str) -> Vec<String> {
    markdown
        .split("<!-- jixiao:attachment-label -->")
        .skip(1)
        .map(|rest| rest.trim_start().lines().next().unwrap().trim().to_owned())
        .collect()
}

#[test]
fn pages_are_numbered_in_order_and_each_attachment_starts_one() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let pages = t.pdf.pages();
        assert_eq!(pages.len(), t.pdf.page_count());
        let labels = attachment_labels(&t.built.markdown);
        let mut starts = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            assert!(
                page.ends_with(&format!("—{}—", i + 1)),
                "{path} page {}: {page}",
                i + 1
            );
            if let Some(label) = labels.iter().find(|label| page.starts_with(label.as_str())) {
                starts.push(label.clone());
            }
        }
        assert_eq!(starts, labels, "{path}: every attachment starts a page");
        // The body takes pages of its own before 附件1.
        assert!(
            pages.len() > labels.len() + 3,
            "{path}: {} pages",
            pages.len()
        );
    }
}

/// The page's left and right margins and the indent of a first line
/// (two characters of the grid), in points.
const LEFT: f64 = 28.0 / 25.4 * 72.0;
const RIGHT: f64 = 595.3 - 26.0 / 25.4 * 72.0;
const INDENT: f64 = 2.0 * 15.75;

#[test]
fn page_numbers_sit_on_the_outer_side_one_character_in() {
    let Some(t) = typeset(UNITS[1]) else { return };
    for page in 1..=4 {
        let number = lines(&t.pdf, page)
            .into_iter()
            .max_by(|a, b| a.y_min.total_cmp(&b.y_min))
            .unwrap();
        assert_eq!(number.text, format!("—{page}—"));
        // 4号: one character is 14 pt.
        if page % 2 == 1 {
            assert!(
                (RIGHT - 14.0 - number.x_max).abs() < 3.5,
                "page {page}: {number:?}"
            );
        } else {
            assert!(
                (LEFT + 14.0 - number.x_min).abs() < 3.5,
                "page {page}: {number:?}"
            );
        }
        // 7 mm below the text area (225 mm from the top margin of 37 mm).
        let top = (37.0 + 225.0 + 7.0) / 25.4 * 72.0;
        assert!((number.y_min - top).abs() < 3.0, "page {page}: {number:?}");
    }
}

#[test]
fn every_continued_attachment_page_carries_the_indicator_heads() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let mut continued = 0;
        for (n, page) in attachment_pages(path, &t.pdf.pages()) {
            if page.starts_with("附件") {
                continue;
            }
            continued += 1;
            for head in INDICATOR_HEADS {
                assert!(page.contains(head), "{path} page {n} lacks {head}: {page}");
            }
        }
        assert!(continued > 0, "{path}: some table runs onto a next page");
    }
}

#[test]
fn each_indicator_row_lies_on_one_page() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        pages::assert_indicator_rows_whole(path, &t.built.analysis, &t.pdf.pages());
    }
}

#[test]
fn no_page_holds_only_a_total_row() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        pages::assert_no_page_starts_with_total(path, &t.pdf.pages());
    }
}

/// Whether `c` takes a full character of the grid: a CJK character or
/// full-width punctuation.
fn full_width(c: char) -> bool {
    !c.is_ascii() && !matches!(c, '—' | '“' | '”' | '‘' | '’' | '…' | '·')
}

#[test]
fn full_body_lines_hold_twenty_eight_characters() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let pages = t.pdf.pages();
        let body_pages = pages.iter().position(|p| p.starts_with("附件1")).unwrap();
        // Lines of full-width characters that fill the text width: 28
        // characters from the margin, 26 after a first line's indent (one
        // fewer where the next would be punctuation that may not start a
        // line).
        let mut full = Vec::new();
        for page in 1..=body_pages {
            for line in lines(&t.pdf, page) {
                let count = line.text.chars().count();
                if line.x_max < RIGHT - 8.0 || !line.text.chars().all(full_width) {
                    continue;
                }
                let indented = (line.x_min - LEFT - INDENT).abs() < 1.0;
                assert!(
                    indented || (line.x_min - LEFT).abs() < 1.0,
                    "{path}: {line:?}"
                );
                let grid = if indented { 26 } else { 28 };
                assert!(
                    count == grid || count == grid - 1,
                    "{path}: {count} characters: {line:?}"
                );
                full.push(count == grid);
            }
        }
        assert!(full.len() > 5, "{path}: {} full lines", full.len());
        let whole = full.iter().filter(|&&f| f).count();
        assert!(
            whole * 4 >= full.len() * 3,
            "{path}: {whole} of {} lines hold the grid",
            full.len()
        );
    }
}

#[test]
fn the_list_of_attachments_stays_whole_with_the_paragraph_before_it() {
    for path in UNITS {
        let Some(t) = typeset(path) else { return };
        let list = t
            .built
            .markdown
            .split("<!-- jixiao:attachment-list -->")
            .nth(1)
            .unwrap();
        let names: Vec<String> = list
            .trim_start()
            .split("\n\n")
            .next()
            .unwrap()
            .split("<br>")
            .map(|line| line.split('、').nth(1).unwrap().trim().to_owned())
            .collect();
        let pages = t.pdf.pages();
        let page = pages
            .iter()
            .find(|p| p.contains("附件："))
            .unwrap_or_else(|| panic!("{path}: no list of attachments"));
        for name in &names {
            assert!(
                page.contains(name.as_str()),
                "{path}: {name} is not with 附件："
            );
        }
        // The section before the list (十、…) ends on the same page.
        assert!(
            page.contains("十、"),
            "{path}: the list is kept with the body: {page}"
        );
    }
}

//! What the layout tests check on the pages of a printed report, whichever
//! writer laid it out (LibreOffice from the DOCX, or jixiao's PDF): pages
//! as text without whitespace, one string a page.

use jixiao::Analysis;
use jixiao::model::Evaluation;

use super::sample::INDICATOR_HEADS;

/// A page's text without its page number (“—N—”).
pub fn content(page: &str) -> &str {
    match page.rfind('—') {
        Some(end) if page.ends_with('—') => {
            page[..end].rfind('—').map_or(page, |start| &page[..start])
        }
        _ => page,
    }
}

/// The pages from the one labelled 附件2 to the end, with their numbers.
pub fn attachment_pages(path: &str, pages: &[String]) -> Vec<(usize, String)> {
    let first = pages
        .iter()
        .position(|p| p.starts_with("附件2"))
        .unwrap_or_else(|| panic!("{path}: no page starts with 附件2"));
    pages
        .iter()
        .enumerate()
        .skip(first)
        .map(|(i, p)| (i + 1, content(p).to_owned()))
        .collect()
}

/// The unit's self-evaluation and each project's.
pub fn evaluations(analysis: &Analysis) -> Vec<&Evaluation> {
    let facts = &analysis.loaded.facts;
    std::iter::once(&facts.self_evaluation)
        .chain(facts.projects.iter().map(|p| &p.evaluation))
        .collect()
}

/// `text` without whitespace.
pub fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Asserts that each indicator's name and actual value is whole on a page.
pub fn assert_indicator_rows_whole(path: &str, analysis: &Analysis, pages: &[String]) {
    for evaluation in evaluations(analysis) {
        for category in &evaluation.categories {
            for sub in &category.subcategories {
                for indicator in &sub.indicators {
                    for text in [&indicator.name.value, &indicator.actual.value] {
                        let text = squeezed(text);
                        assert!(
                            pages.iter().any(|p| p.contains(&text)),
                            "{path}: “{text}” is split across pages"
                        );
                    }
                }
            }
        }
    }
}

/// Asserts that no attachment page starts (after the repeated column heads)
/// with the 总分 row.
pub fn assert_no_page_starts_with_total(path: &str, pages: &[String]) {
    for (n, page) in attachment_pages(path, pages) {
        let mut rest = page.as_str();
        for head in INDICATOR_HEADS {
            rest = rest.strip_prefix(head).unwrap_or(rest);
        }
        assert!(
            !rest.starts_with("总分"),
            "{path} page {n} starts with 总分: {page}"
        );
    }
}

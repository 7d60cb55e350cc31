//! The report's blocks as HTML, in order, inside one
//! `<article class="report">`:
//!
//! | block | element |
//! |---|---|
//! | title | `h1` (its break marks, U+200B, kept: the places it may wrap) |
//! | heading of level 1 to 4 (一、 ㈠ 1. ⑴) | `h2` to `h5` |
//! | body paragraph | `p` |
//! | other paragraphs | `p` with the role's class: `attachment-label`, `table-title`, `note`, `right`, `attachment-list` |
//! | tables | `table` (see `table`) |
//! | page break | the class `new-page` on the next block |
//!
//! A page break with no block after it is dropped, as the DOCX drops it;
//! two in a row leave an empty page (an empty `div`), as in the DOCX. Bold
//! runs are `strong`; a line break inside a paragraph is `br`.

use super::escape::escape;
use super::table;
use crate::document::{Block, Document, Inline, ParagraphRole, Table};

/// The class that starts a block on a new page.
pub(super) const NEW_PAGE: &str = "new-page";

/// The markup of the page's `<body>` for `document`: the report as one
/// `<article class="report">`.
pub fn body_html(document: &Document) -> String {
    let mut out = String::with_capacity(256 * 1024);
    out.push_str("<article class=\"report\">\n");
    let blocks = &document.blocks;
    let mut new_page = false;
    let mut at = 0;
    while at < blocks.len() {
        let block = &blocks[at];
        at += 1;
        let (tag, class, content) = match block {
            Block::PageBreak => {
                if new_page {
                    out.push_str("<div class=\"new-page\"></div>\n");
                }
                new_page = true;
                continue;
            }
            Block::Table(first) => {
                let mut run: Vec<&Table> = vec![first];
                while let Some(Block::Table(next)) = blocks.get(at) {
                    run.push(next);
                    at += 1;
                }
                table::write_run(&run, std::mem::take(&mut new_page), &mut out);
                continue;
            }
            Block::Title(content) => ("h1", None, content),
            Block::Heading { level, content } => (heading_tag(*level), None, content),
            Block::Paragraph { role, content } => ("p", role_class(*role), content),
        };
        open(&mut out, tag, class, std::mem::take(&mut new_page));
        write_inlines(content, &mut out);
        out.push_str("</");
        out.push_str(tag);
        out.push_str(">\n");
    }
    out.push_str("</article>\n");
    out
}

/// The element of a heading of `level` (1 is 一、); other levels are taken
/// as the nearest of 1 to 4, as the DOCX takes them.
fn heading_tag(level: u8) -> &'static str {
    ["h2", "h3", "h4", "h5"][usize::from(level.clamp(1, 4)) - 1]
}

/// The class of a paragraph in `role`; body text has none.
fn role_class(role: ParagraphRole) -> Option<&'static str> {
    match role {
        ParagraphRole::Body => None,
        ParagraphRole::AttachmentLabel => Some("attachment-label"),
        ParagraphRole::TableTitle => Some("table-title"),
        ParagraphRole::Note => Some("note"),
        ParagraphRole::Right => Some("right"),
        ParagraphRole::AttachmentList => Some("attachment-list"),
    }
}

/// Writes the start tag `<tag class="…">` with `class` and, if `new_page`,
/// [`NEW_PAGE`].
pub(super) fn open(out: &mut String, tag: &str, class: Option<&str>, new_page: bool) {
    out.push('<');
    out.push_str(tag);
    let classes: Vec<&str> = class
        .into_iter()
        .chain(new_page.then_some(NEW_PAGE))
        .collect();
    if !classes.is_empty() {
        out.push_str(" class=\"");
        out.push_str(&classes.join(" "));
        out.push('"');
    }
    out.push('>');
}

/// Writes `content`: its text escaped, bold runs as `strong`, line breaks
/// as `br`.
pub(super) fn write_inlines(content: &[Inline], out: &mut String) {
    for inline in content {
        if inline.bold {
            out.push_str("<strong>");
        }
        for (i, line) in inline.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            escape(line, out);
        }
        if inline.bold {
            out.push_str("</strong>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(role: ParagraphRole, text: &str) -> Block {
        Block::Paragraph {
            role,
            content: vec![Inline::plain(text)],
        }
    }

    fn body(blocks: Vec<Block>) -> String {
        let html = body_html(&Document { blocks });
        html.strip_prefix("<article class=\"report\">\n")
            .and_then(|h| h.strip_suffix("</article>\n"))
            .expect("one article")
            .to_owned()
    }

    #[test]
    fn headings_are_h2_to_h5_below_the_title() {
        let blocks = (0..=5)
            .map(|level| Block::Heading {
                level,
                content: vec![Inline::plain("节")],
            })
            .chain([Block::Title(vec![Inline::plain("题\u{200B}目")])])
            .collect();
        assert_eq!(
            body(blocks),
            "<h2>节</h2>\n<h2>节</h2>\n<h3>节</h3>\n<h4>节</h4>\n<h5>节</h5>\n<h5>节</h5>\n\
             <h1>题\u{200B}目</h1>\n"
        );
    }

    #[test]
    fn paragraphs_carry_their_role() {
        let html = body(vec![
            paragraph(ParagraphRole::Body, "正文"),
            paragraph(ParagraphRole::AttachmentLabel, "附件1"),
            paragraph(ParagraphRole::TableTitle, "表"),
            paragraph(ParagraphRole::Note, "注"),
            paragraph(ParagraphRole::Right, "落款"),
            paragraph(ParagraphRole::AttachmentList, "附件：1、甲\n2、乙"),
        ]);
        assert_eq!(
            html,
            "<p>正文</p>\n<p class=\"attachment-label\">附件1</p>\n\
             <p class=\"table-title\">表</p>\n<p class=\"note\">注</p>\n\
             <p class=\"right\">落款</p>\n<p class=\"attachment-list\">附件：1、甲<br>2、乙</p>\n"
        );
    }

    #[test]
    fn a_page_break_goes_on_the_next_block_and_is_dropped_at_the_end() {
        let html = body(vec![
            paragraph(ParagraphRole::Body, "甲"),
            Block::PageBreak,
            paragraph(ParagraphRole::AttachmentLabel, "附件1"),
            Block::PageBreak,
            Block::PageBreak,
            paragraph(ParagraphRole::Body, "乙"),
            Block::PageBreak,
        ]);
        assert_eq!(
            html,
            "<p>甲</p>\n<p class=\"attachment-label new-page\">附件1</p>\n\
             <div class=\"new-page\"></div>\n<p class=\"new-page\">乙</p>\n"
        );
    }

    #[test]
    fn text_is_escaped_and_bold_is_strong() {
        let html = body(vec![Block::Paragraph {
            role: ParagraphRole::Body,
            content: vec![
                Inline::plain("<script>alert(1)</script> &amp; "),
                Inline {
                    text: "<b>".into(),
                    bold: true,
                },
            ],
        }]);
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; <strong>&lt;b&gt;</strong></p>\n"
        );
    }
}

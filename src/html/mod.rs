//! Writes a [`Document`] as one self-contained HTML page: the report to read
//! on screen or publish on a portal, laid out like the DOCX and printed by a
//! browser on the same GB/T 9704 page.
//!
//! The page holds nothing but the report: its stylesheet inline, no script,
//! nothing fetched. Every text of the [`Document`] is escaped ([`escape`]),
//! so nothing from the facts is ever markup, and the same document always
//! gives the same bytes.
//!
//! - `body` writes the blocks: the title as `h1`, headings of level 1 to 4
//!   (一、 ㈠ 1. ⑴) as `h2` to `h5`, paragraphs by role as classes, a page
//!   break as `break-before: page` on the block after it;
//! - `table` writes real tables: header rows in `thead`, spans as `rowspan`
//!   and `colspan`, column widths from [`crate::document::columns`] (the
//!   DOCX's own), cell alignment;
//! - `style` holds the stylesheet: GB/T 9704's faces with fallbacks and
//!   sizes, and for print the A4 page with the DOCX's margins
//!   (`crate::docx::geometry`);
//! - [`Page`] puts a page together, so that a preview can wrap the same
//!   body ([`body_html`]) and stylesheet ([`stylesheet`]) in a page of its own.

mod body;
mod escape;
mod style;
mod table;

use crate::document::{Block, Document, plain_text};
use crate::docx::Properties;

pub use body::body_html;
pub use escape::escape;
pub use style::stylesheet;

/// The language of every report.
pub const LANG: &str = "zh-CN";

/// What a page is made of.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    /// The `<title>`, as text (escaped when written).
    pub title: &'a str,
    /// The page's language (`lang`), e.g. [`LANG`].
    pub lang: &'a str,
    /// `<meta name content>` pairs, as text (escaped when written).
    pub meta: &'a [(&'a str, &'a str)],
    /// Markup added to `<head>` after the stylesheet (a preview's own
    /// styles and scripts); empty for the report file.
    pub head: &'a str,
    /// The markup of `<body>`, e.g. [`body_html`].
    pub body: &'a str,
}

impl Page<'_> {
    /// The whole page.
    pub fn write(&self) -> String {
        let mut out = String::with_capacity(self.body.len() + stylesheet().len() + 1024);
        out.push_str("<!DOCTYPE html>\n<html lang=\"");
        escape(self.lang, &mut out);
        out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
        out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        out.push_str("<title>");
        escape(self.title, &mut out);
        out.push_str("</title>\n");
        for (name, content) in self.meta {
            if content.trim().is_empty() {
                continue;
            }
            out.push_str("<meta name=\"");
            escape(name, &mut out);
            out.push_str("\" content=\"");
            escape(content, &mut out);
            out.push_str("\">\n");
        }
        out.push_str("<style>\n");
        out.push_str(stylesheet());
        out.push_str("</style>\n");
        out.push_str(self.head);
        out.push_str("</head>\n<body>\n");
        out.push_str(self.body);
        out.push_str("</body>\n</html>\n");
        out
    }
}

/// The report's title as one line of text: its first title block without
/// line breaks and break marks; empty if it has none.
pub fn title(document: &Document) -> String {
    document
        .blocks
        .iter()
        .find_map(|block| match block {
            Block::Title(content) => Some(plain_text(content).replace(['\n', '\u{200B}'], "")),
            _ => None,
        })
        .unwrap_or_default()
}

/// The HTML file of `document`, with `properties` as its `author`,
/// `description` and `keywords`.
pub fn write_html(document: &Document, properties: &Properties) -> Vec<u8> {
    let title = title(document);
    let body = body_html(document);
    let meta = [
        ("author", properties.creator.as_str()),
        ("description", properties.subject.as_str()),
        ("keywords", properties.keywords.as_str()),
        ("generator", "jixiao"),
    ];
    Page {
        title: &title,
        lang: LANG,
        meta: &meta,
        head: "",
        body: &body,
    }
    .write()
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;

    fn document() -> Document {
        Document {
            blocks: vec![Block::Title(vec![Inline::plain(
                "2024年度\u{200B}某单位\n<自评>报告",
            )])],
        }
    }

    #[test]
    fn the_title_is_one_line_of_escaped_text() {
        let properties = Properties {
            creator: "某单位 & \"子\"".into(),
            subject: String::new(),
            keywords: "绩效".into(),
        };
        let html = String::from_utf8(write_html(&document(), &properties)).unwrap();
        assert!(html.contains("<title>2024年度某单位&lt;自评&gt;报告</title>"));
        assert!(html.contains(r#"<meta name="author" content="某单位 &amp; &quot;子&quot;">"#));
        assert!(
            !html.contains("name=\"description\""),
            "empty metadata is left out"
        );
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
    }

    #[test]
    fn a_page_without_a_title_block_has_an_empty_title() {
        assert_eq!(title(&Document::default()), "");
    }

    #[test]
    fn a_preview_adds_to_the_head_and_gives_its_own_body() {
        let page = Page {
            title: "t",
            lang: LANG,
            meta: &[],
            head: "<script src=\"/preview.js\"></script>\n",
            body: "<aside></aside>\n",
        }
        .write();
        let style = page.find("</style>").unwrap();
        assert!(page[style..].starts_with("</style>\n<script src=\"/preview.js\">"));
        assert!(page.contains("<body>\n<aside></aside>\n</body>"));
    }
}

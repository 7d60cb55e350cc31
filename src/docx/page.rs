//! The page: A4 with the GB/T 9704-2012 margins, the line pitch that puts
//! 22 lines in the text area, and the “— N —” page-number footers (odd pages
//! right, even pages left, one character in from the margin).
//!
//! `docx-rs` sets up the section (size, margins, the two footer parts and
//! their references); the footers' content is written here ([`footer_xml`]).
//!
//! The numbers are [`super::geometry`]'s.

use docx_rs::{Docx, Footer};

use super::DocxError;
use super::geometry::{
    FOOTER_DISTANCE, FOOTER_LINE, HEADER_DISTANCE, LINE_PITCH, MARGIN_BOTTOM, MARGIN_LEFT,
    MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
use super::markup::Markup;
use super::styles::{Align, Face, Format, SIZE_4, SONGTI, Spacing};

/// The GB/T 9704 grid of the body pages: 22 lines of [`LINE_PITCH`].
/// Paragraphs that are not body text (the title, tables, notes, footers)
/// leave it (`w:snapToGrid w:val="0"`).
fn document_grid() -> String {
    format!(r#"<w:docGrid w:type="lines" w:linePitch="{LINE_PITCH}"/>"#)
}

/// `word/document.xml` as `docx-rs` wrote it, with the document grid added
/// as the last child of its section properties.
pub(super) fn with_document_grid(document: &[u8]) -> Result<Vec<u8>, DocxError> {
    const END: &[u8] = b"</w:sectPr>";
    let at = document
        .windows(END.len())
        .rposition(|w| w == END)
        .ok_or_else(|| DocxError::Xml("document.xml 中没有 </w:sectPr>".into()))?;
    let grid = document_grid();
    let mut out = Vec::with_capacity(document.len() + grid.len());
    out.extend_from_slice(&document[..at]);
    out.extend_from_slice(grid.as_bytes());
    out.extend_from_slice(&document[at..]);
    Ok(out)
}

/// 空一字: the page number keeps one 4号 character from the margin.
const PAGE_NUMBER_INSET: i32 = FOOTER_LINE;

/// Sets the page size and margins and adds the odd and even footers, left
/// empty: their content is [`footer_xml`].
pub(super) fn set_up(docx: Docx) -> Docx {
    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(margins())
        .footer(Footer::new())
        .even_footer(Footer::new())
}

fn margins() -> docx_rs::PageMargin {
    let twips = |v: u32| v as i32;
    docx_rs::PageMargin::new()
        .top(twips(MARGIN_TOP))
        .bottom(twips(MARGIN_BOTTOM))
        .left(twips(MARGIN_LEFT))
        .right(twips(MARGIN_RIGHT))
        .header(twips(HEADER_DISTANCE))
        .footer(twips(FOOTER_DISTANCE))
        .gutter(0)
}

/// Which pages a footer is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PageSide {
    Odd,
    Even,
}

/// The footer parts: `docx-rs` numbers them in the order [`set_up`] adds
/// them, the default (odd pages) first.
pub(super) const FOOTERS: [(&str, PageSide); 2] = [
    ("word/footer1.xml", PageSide::Odd),
    ("word/footer2.xml", PageSide::Even),
];

/// The ids of the footers' paragraphs, in the order of [`FOOTERS`]; the
/// body's paragraphs are numbered after them.
pub(super) const FOOTER_PARAGRAPH_IDS: [u32; 2] = [1, 2];

/// The start of a footer part, as `docx-rs` writes it.
const FOOTER_START: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:ftr xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
    r#"xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:v="urn:schemas-microsoft-com:vml" "#,
    r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
    r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
    r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
    r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
    r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
    r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
    r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
    r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14 wp14">"#,
);

/// The footer part for `side`: “— N —” with N a PAGE field, 4号宋体 (the
/// digits too), on the outer side of the page, off the document grid. Its one paragraph has id `paragraph_id`.
pub(super) fn footer_xml(side: PageSide, paragraph_id: u32) -> String {
    let face = Face::new(SONGTI, SIZE_4).with_latin(SONGTI);
    let (align, sides) = match side {
        PageSide::Odd => (Align::Right, (0, PAGE_NUMBER_INSET)),
        PageSide::Even => (Align::Left, (PAGE_NUMBER_INSET, 0)),
    };
    let format = Format {
        sides,
        spacing: Spacing::Exact(FOOTER_LINE),
        ..Format::text(face, align).off_grid()
    };
    let mut markup = Markup::new(paragraph_id, 4096);
    markup.push(FOOTER_START);
    markup.open_paragraph();
    format.write_properties(&mut markup, false);
    face.write_run(&mut markup, "— ", false);
    write_field_char(&mut markup, face, "begin");
    write_in_run(&mut markup, face, "<w:instrText>PAGE</w:instrText>");
    write_field_char(&mut markup, face, "separate");
    face.write_run(&mut markup, "1", false);
    write_field_char(&mut markup, face, "end");
    face.write_run(&mut markup, " —", false);
    markup.push("</w:p></w:ftr>");
    markup.into_string()
}

/// A run of `face` holding a field character of `kind` (`begin`,
/// `separate`, `end`).
fn write_field_char(markup: &mut Markup, face: Face, kind: &str) {
    let field_char = format!(r#"<w:fldChar w:fldCharType="{kind}" w:dirty="false" />"#);
    write_in_run(markup, face, &field_char);
}

/// A run of `face` holding `content`.
fn write_in_run(markup: &mut Markup, face: Face, content: &str) {
    markup.push("<w:r>");
    face.write_properties(markup, false);
    markup.push(content);
    markup.push("</w:r>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_is_the_last_child_of_the_section() {
        let grid = document_grid();
        assert_eq!(grid, r#"<w:docGrid w:type="lines" w:linePitch="579"/>"#);
        let with_grid = with_document_grid(b"<w:sectPr><w:cols/></w:sectPr>").unwrap();
        assert!(with_grid.ends_with(format!("<w:cols/>{grid}</w:sectPr>").as_bytes()));
    }
}

//! The package's own parts that say what it holds: the content types, the
//! relationships and the document properties (`docProps/core.xml`, what
//! Word and WPS show under 属性), written here rather than by `docx-rs`,
//! whose content types and relationships list numbering, comments,
//! footnotes and custom-properties parts that nothing refers to, and which
//! dates every document 1970-01-01 by an author “unknown”.
//!
//! The core properties are the report's: its title (the document's title
//! block), the unit as creator, a subject and keywords. No date is written:
//! the facts hold no date of the report, and the time of the build would
//! make every build's bytes differ.

use super::markup::Markup;
use crate::document::{Block, Document, plain_text};

/// What the document properties say besides the title.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Properties {
    /// The author: the unit's name.
    pub creator: String,
    pub subject: String,
    pub keywords: String,
}

/// `[Content_Types].xml`: the parts the package holds.
pub(super) const CONTENT_TYPES: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#,
    r#"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#,
    r#"<Default Extension="xml" ContentType="application/xml"/>"#,
    r#"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#,
    r#"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#,
    r#"<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>"#,
    r#"<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>"#,
    r#"<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>"#,
    r#"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#,
    r#"<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>"#,
    r#"</Types>"#,
);

/// `_rels/.rels`: the document and its properties.
pub(super) const PACKAGE_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#,
    r#"</Relationships>"#,
);

/// `word/_rels/document.xml.rels`: styles, font table, settings and the two
/// footers, under the ids the section properties name.
pub(super) const DOCUMENT_RELATIONSHIPS: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    r#"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    r#"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>"#,
    r#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>"#,
    r#"<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>"#,
    r#"<Relationship Id="rIdFooter2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/>"#,
    r#"</Relationships>"#,
);

/// `docProps/app.xml`: the application that wrote the package.
pub(super) const APP: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">"#,
    r#"<Application>jixiao</Application>"#,
    r#"</Properties>"#,
);

/// `docProps/core.xml` of `doc`: its title (the text of its first title
/// block, if any, without line breaks and break marks) and `properties`; elements with no text are left out.
pub(super) fn core_xml(doc: &Document, properties: &Properties) -> String {
    let title = doc.blocks.iter().find_map(|block| match block {
        Block::Title(content) => Some(plain_text(content).replace(['\n', '\u{200B}'], "")),
        _ => None,
    });
    let mut markup = Markup::new(1, 1024);
    markup.push(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
        r#"xmlns:dc="http://purl.org/dc/elements/1.1/">"#,
    ));
    let fields = [
        ("dc:title", title.as_deref().unwrap_or("")),
        ("dc:subject", properties.subject.as_str()),
        ("dc:creator", properties.creator.as_str()),
        ("cp:keywords", properties.keywords.as_str()),
        ("cp:lastModifiedBy", properties.creator.as_str()),
    ];
    for (name, text) in fields {
        if text.trim().is_empty() {
            continue;
        }
        markup.push("<");
        markup.push(name);
        markup.push(">");
        markup.escaped(text);
        markup.push("</");
        markup.push(name);
        markup.push(">");
    }
    markup.push("</cp:coreProperties>");
    markup.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Inline;

    #[test]
    fn core_properties_name_the_title_and_the_unit_and_no_date() {
        let doc = Document {
            blocks: vec![Block::Title(vec![Inline::plain(
                "2024年度某单位\n自评报告",
            )])],
        };
        let properties = Properties {
            creator: "某单位 & <子>".into(),
            subject: String::new(),
            keywords: "绩效".into(),
        };
        let xml = core_xml(&doc, &properties);
        assert!(
            xml.contains("<dc:title>2024年度某单位自评报告</dc:title>"),
            "{xml}"
        );
        assert!(
            xml.contains("<dc:creator>某单位 &amp; &lt;子&gt;</dc:creator>"),
            "{xml}"
        );
        assert!(
            !xml.contains("dc:subject") && !xml.contains("dcterms"),
            "{xml}"
        );
    }
}

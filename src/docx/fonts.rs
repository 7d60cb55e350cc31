//! `word/fontTable.xml`, written here instead of by `docx-rs` (which lists
//! only Times New Roman, Symbol and Arial), so that readers missing a
//! typeface substitute sensibly:
//!
//! - `w:altName` names the face a Chinese Windows has when the GB2312 and
//!   方正 faces are not installed (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
//!   方正小标宋简体 → 宋体); Word falls back to it;
//! - `w:charset 86` (GB2312) and `w:family` (`swiss` for the sans-serif
//!   黑体, `roman` for the others) guide substitution in WPS and LibreOffice.

use super::styles::{FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG};

/// (name, alternative name, charset, family) of every face the document uses.
const FONTS: &[(&str, Option<&str>, &str, &str)] = &[
    (LATIN, None, "00", "roman"),
    (SONGTI, Some("SimSun"), "86", "roman"),
    (HEITI, Some("SimHei"), "86", "swiss"),
    (FANGSONG, Some("仿宋"), "86", "roman"),
    (KAITI, Some("楷体"), "86", "roman"),
    (XIAOBIAOSONG, Some(SONGTI), "86", "roman"),
];

/// The font table part.
pub(super) fn font_table_xml() -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    ));
    for (name, alternative, charset, family) in FONTS {
        xml.push_str(&format!(r#"<w:font w:name="{name}">"#));
        if let Some(alternative) = alternative {
            xml.push_str(&format!(r#"<w:altName w:val="{alternative}"/>"#));
        }
        xml.push_str(&format!(
            r#"<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
        ));
    }
    xml.push_str("</w:fonts>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chinese_face_has_a_fallback() {
        let xml = font_table_xml();
        assert!(xml.contains(r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>"#));
        assert!(xml.contains(r#"<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>"#));
        assert_eq!(xml.matches("<w:font ").count(), FONTS.len());
    }
}

//! `word/fontTable.xml`, written here instead of by `docx-rs` (which lists
//! only Times New Roman, Symbol and Arial), so that readers missing a
//! typeface substitute sensibly:
//!
//! - `w:altName` names the face a Chinese Windows has when the GB2312 and
//!   方正 faces are not installed (仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体,
//!   方正小标宋简体 → 宋体); Word falls back to it;
//! - `w:charset 86` (GB2312) and `w:family` (`swiss` for the sans-serif
//!   黑体, `roman` for the others) guide substitution in WPS and LibreOffice;
//! - `w:panose1` (the face's shape) and `w:sig` (the scripts it covers), as
//!   the Windows faces of these names declare them, let a reader that has
//!   none of them pick a substitute of the same kind; 方正小标宋简体, a
//!   display Song face, takes 宋体's shape.

use super::styles::{FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG};

/// A face as the font table describes it.
struct Font {
    name: &'static str,
    alternative: Option<&'static str>,
    /// The PANOSE classification (`w:panose1`): the shape a reader matches
    /// a substitute to.
    panose: &'static str,
    charset: &'static str,
    family: &'static str,
    /// The Unicode ranges and code pages it covers (`w:sig`: usb0–usb3,
    /// csb0, csb1), so that a reader substitutes a face with the same
    /// scripts.
    signature: [&'static str; 6],
}

/// The signature of a face for Simplified Chinese (GB2312 code page), as the
/// Windows faces 仿宋_GB2312 and 楷体_GB2312 declare it.
const GB2312: [&str; 6] = [
    "00000001", "080E0000", "00000010", "00000000", "00040000", "00000000",
];
/// The PANOSE of the Windows Song face (宋体, SimSun): a serif text face.
const SONG_PANOSE: &str = "02010600030101010101";

/// Every face the document uses, with what the Windows faces of the same
/// name declare in Word's own font tables.
const FONTS: [Font; 6] = [
    Font {
        name: LATIN,
        alternative: None,
        panose: "02020603050405020304",
        charset: "00",
        family: "roman",
        signature: [
            "E0002EFF", "C000785B", "00000009", "00000000", "000001FF", "00000000",
        ],
    },
    Font {
        name: SONGTI,
        alternative: Some("SimSun"),
        panose: SONG_PANOSE,
        charset: "86",
        family: "roman",
        signature: [
            "00000003", "288F0000", "00000016", "00000000", "00040001", "00000000",
        ],
    },
    Font {
        name: HEITI,
        alternative: Some("SimHei"),
        panose: "02010609060101010101",
        charset: "86",
        family: "swiss",
        signature: [
            "800002BF", "38CF7CFA", "00000016", "00000000", "00040001", "00000000",
        ],
    },
    Font {
        name: FANGSONG,
        alternative: Some("仿宋"),
        panose: "02010609030101010101",
        charset: "86",
        family: "roman",
        signature: GB2312,
    },
    Font {
        name: KAITI,
        alternative: Some("楷体"),
        panose: "02010609030101010101",
        charset: "86",
        family: "roman",
        signature: GB2312,
    },
    Font {
        name: XIAOBIAOSONG,
        alternative: Some(SONGTI),
        panose: SONG_PANOSE,
        charset: "86",
        family: "roman",
        signature: GB2312,
    },
];

/// The font table part.
pub(super) fn font_table_xml() -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
        r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    ));
    for font in &FONTS {
        xml.push_str(&format!(r#"<w:font w:name="{}">"#, font.name));
        if let Some(alternative) = font.alternative {
            xml.push_str(&format!(r#"<w:altName w:val="{alternative}"/>"#));
        }
        let [usb0, usb1, usb2, usb3, csb0, csb1] = font.signature;
        xml.push_str(&format!(
            concat!(
                r#"<w:panose1 w:val="{}"/><w:charset w:val="{}"/><w:family w:val="{}"/>"#,
                r#"<w:pitch w:val="variable"/><w:sig w:usb0="{}" w:usb1="{}" w:usb2="{}" "#,
                r#"w:usb3="{}" w:csb0="{}" w:csb1="{}"/></w:font>"#
            ),
            font.panose, font.charset, font.family, usb0, usb1, usb2, usb3, csb0, csb1
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

    #[test]
    fn every_face_has_its_shape_and_scripts() {
        let xml = font_table_xml();
        assert_eq!(xml.matches("<w:panose1 ").count(), FONTS.len());
        assert_eq!(xml.matches("<w:sig ").count(), FONTS.len());
        for font in &FONTS {
            assert_eq!(font.panose.len(), 20, "{}", font.name);
            assert!(font.signature.iter().all(|s| s.len() == 8), "{}", font.name);
        }
    }
}

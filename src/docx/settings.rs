//! `word/settings.xml`, written here instead of by `docx-rs`, whose settings
//! put `w:zoom` after `w:defaultTabStop` and `w:evenAndOddHeaders` after
//! `w:compat`, against the `CT_Settings` sequence.
//!
//! The children below are in `CT_Settings` order (ECMA-376 Part 1, `wml.xsd`):
//!
//! - `w:evenAndOddHeaders`: use the even-page footer (page number on the left);
//! - `w:characterSpacingControl doNotCompress`: Chinese punctuation keeps its
//!   full width, as in printed documents;
//! - `w:compat`: a justified line ending in a line break is not stretched
//!   (`doNotExpandShiftReturn`), East Asian line layout, Word 2013+ layout
//!   mode;
//! - `w:themeFontLang eastAsia="zh-CN"`: the document's East Asian language.

/// The settings part.
pub(super) const SETTINGS_XML: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
    r#"<w:zoom w:percent="100"/>"#,
    r#"<w:defaultTabStop w:val="420"/>"#,
    r#"<w:evenAndOddHeaders/>"#,
    r#"<w:characterSpacingControl w:val="doNotCompress"/>"#,
    r#"<w:compat><w:doNotExpandShiftReturn/><w:useFELayout/>"#,
    r#"<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>"#,
    r#"</w:compat>"#,
    r#"<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>"#,
    r#"</w:settings>"#,
);

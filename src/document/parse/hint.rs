//! Layout hints: the `<!-- jixiao:… -->` comments the templates leave for the
//! DOCX layout (see the table in `crate::document`).

use crate::document::ParagraphRole;

/// A known layout hint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hint {
    /// Start a new page.
    PageBreak,
    /// Give the next paragraph this role.
    Role(ParagraphRole),
}

const PREFIX: &str = "jixiao:";

const HINTS: [(&str, Hint); 6] = [
    ("page-break", Hint::PageBreak),
    (
        "attachment-label",
        Hint::Role(ParagraphRole::AttachmentLabel),
    ),
    ("table-title", Hint::Role(ParagraphRole::TableTitle)),
    ("note", Hint::Role(ParagraphRole::Note)),
    ("right", Hint::Role(ParagraphRole::Right)),
    ("attachment-list", Hint::Role(ParagraphRole::AttachmentList)),
];

impl Hint {
    /// Reads the text of a comment (what lies between `<!--` and `-->`).
    /// `Ok(None)` is an ordinary comment; `Err` carries the name of a
    /// `jixiao:` hint that does not exist.
    pub(super) fn from_comment(comment: &str) -> Result<Option<Hint>, String> {
        let Some(name) = comment.trim().strip_prefix(PREFIX) else {
            return Ok(None);
        };
        let name = name.trim();
        HINTS
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, hint)| Some(hint))
            .ok_or_else(|| name.to_owned())
    }

    /// The hint's name as written after `jixiao:`.
    pub(super) fn name(self) -> &'static str {
        HINTS
            .iter()
            .find(|&&(_, hint)| hint == self)
            .map_or("", |(name, _)| name)
    }
}

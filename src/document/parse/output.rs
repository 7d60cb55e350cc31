//! The blocks read so far, and the paragraph-role hint waiting for its paragraph.

use super::error::{ParseError, ParseErrorKind};
use super::hint::Hint;
use crate::document::{Block, Document, Inline, ParagraphRole};

/// A role hint not yet applied, and the line it was written on.
#[derive(Debug)]
struct PendingRole {
    role: ParagraphRole,
    hint: Hint,
    line: usize,
}

/// Collects the document's blocks in reading order.
#[derive(Debug, Default)]
pub(super) struct Output {
    blocks: Vec<Block>,
    pending: Option<PendingRole>,
}

impl Output {
    /// A paragraph; it takes the pending role, if any. Empty paragraphs are dropped.
    pub(super) fn paragraph(&mut self, content: Vec<Inline>) {
        if content.is_empty() {
            return;
        }
        let role = self
            .pending
            .take()
            .map_or(ParagraphRole::Body, |pending| pending.role);
        self.blocks.push(Block::Paragraph { role, content });
    }

    /// Any block other than a paragraph; a pending role hint makes it an error.
    pub(super) fn block(&mut self, block: Block) -> Result<(), ParseError> {
        self.expect_no_pending_role()?;
        self.blocks.push(block);
        Ok(())
    }

    pub(super) fn hint(&mut self, hint: Hint, line: usize) -> Result<(), ParseError> {
        match hint {
            Hint::PageBreak => self.block(Block::PageBreak),
            Hint::Role(role) => {
                self.expect_no_pending_role()?;
                self.pending = Some(PendingRole { role, hint, line });
                Ok(())
            }
        }
    }

    pub(super) fn finish(self) -> Result<Document, ParseError> {
        self.expect_no_pending_role()?;
        Ok(Document {
            blocks: self.blocks,
        })
    }

    fn expect_no_pending_role(&self) -> Result<(), ParseError> {
        match &self.pending {
            Some(pending) => Err(ParseError::new(
                pending.line,
                ParseErrorKind::HintWithoutParagraph(pending.hint.name().to_owned()),
            )),
            None => Ok(()),
        }
    }
}

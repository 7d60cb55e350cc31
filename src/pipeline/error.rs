//! Why a build stopped, by the stage that stopped it; each stage's own error
//! is kept whole as the source. Messages are in Chinese for the clerk; a
//! load or template error keeps its located source for the command line to
//! show.

use std::path::PathBuf;

use crate::document::ParseError;
use crate::docx::DocxError;
use crate::model::LoadError;
use crate::output::OutputError;
use crate::pdf::PdfError;
use crate::render::RenderError;

/// A failure of the driver, before a batch or in one unit.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The templates could not be loaded: no unit is built.
    #[error(transparent)]
    Templates(RenderError),
    /// Standard input was given more than once: it can be read only once.
    #[error("标准输入（-）只能读一次，请只写一个 -")]
    StdinTwice,
    /// Two data files with the same stem would write the same outputs.
    #[error(
        "{} 与 {} 的文件名相同，输出会互相覆盖；请改名或分两次生成到不同目录",
        first.display(),
        second.display()
    )]
    SameStem { first: PathBuf, second: PathBuf },
    /// Load: the facts file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Analyse: the audit found errors, and building anyway was not asked for.
    #[error("{file}：有 {errors} 处错误，未生成报告；改正后重试，或加 --allow-errors 照样生成")]
    Blocked { file: String, errors: usize },
    /// Render: the templates failed on this unit.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// Parse: the rendered Markdown cannot be laid out.
    #[error("{file}：报告 Markdown 无法排版：{source}")]
    Layout { file: String, source: ParseError },
    /// Write: the DOCX writer failed.
    #[error("{file}：无法生成 DOCX：{source}")]
    Docx { file: String, source: DocxError },
    /// Write: the PDF writer failed.
    #[error("{file}：无法生成 PDF：{source}")]
    Pdf { file: String, source: PdfError },
    /// Commit: the outputs could not be put in place.
    #[error(transparent)]
    Commit(#[from] OutputError),
}

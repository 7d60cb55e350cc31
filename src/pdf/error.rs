//! Why a report could not be written as PDF, in Chinese for the user.

use crate::characters::code_point;
use crate::document::columns::FormError;

/// How to get a CJK font on a machine that has none.
const INSTALL_FONT: &str = "请安装中文字体（如 Debian/Ubuntu：sudo apt-get install fonts-noto-cjk；\
     Fedora：sudo dnf install google-noto-serif-cjk-fonts google-noto-sans-cjk-fonts），\
     或用 --font-dir 目录 指定存放字体文件的目录";

/// A character set as an empty box, with the text around it where it first
/// appears.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub character: char,
    pub around: String,
    /// The line of the facts file it first appears on, when it is written
    /// there as itself (filled in by [`PdfError::located`]).
    pub line: Option<usize>,
}

/// A failure of [`super::write_pdf`].
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// This jixiao was built without the feature `pdf`.
    #[error(
        "这个 jixiao 构建时没有包含 PDF 功能（cargo 特性 pdf）；\
         请用默认特性重新构建：cargo install --path . 或 cargo build --release（不要加 --no-default-features），\
         或先生成 DOCX 再另存为 PDF"
    )]
    NotBuiltIn,
    /// No face of a role's fallback chain is installed.
    #[error("找不到{role}字体（依次查找了：{tried}）。{INSTALL_FONT}")]
    MissingFont { role: &'static str, tried: String },
    /// PDF/A asked without a date of the report.
    #[error("PDF/A-2b 要求写明文档日期：请加 --pdf-date 年-月-日（报告的落款日期，如 2025-03-31）")]
    ArchiveWithoutDate,
    /// A `--font-dir` that is not a readable directory.
    #[error("字体目录 {0} 不存在或不是目录")]
    FontDir(String),
    /// A table's spans or widths cannot be laid out.
    #[error(transparent)]
    Table(#[from] FormError),
    /// Characters that no font of the report has: the PDF would show an
    /// empty box for each.
    #[error(
        "字体中没有这些字符，PDF 里会印成空框：{}。请改用常用字或别的写法，\
         或用 --font-dir 目录 指定含有这些字符的字体",
        missing_list(.0)
    )]
    MissingGlyphs(Vec<Missing>),
    /// Typst could not typeset or write the report.
    #[error("排版 PDF 时出错：{0}")]
    Typeset(String),
}

/// Each missing character with its code point, where the facts file has
/// it, and the text around it.
fn missing_list(missing: &[Missing]) -> String {
    missing
        .iter()
        .map(|m| {
            let line = m.line.map(|n| format!("第 {n} 行，")).unwrap_or_default();
            format!(
                "“{}”（{}，{}见“{}”）",
                m.character,
                code_point(m.character),
                line,
                m.around
            )
        })
        .collect::<Vec<_>>()
        .join("、")
}

impl PdfError {
    /// The error with each missing character located on the first line of
    /// the facts file (`source`) that has it.
    pub fn located(self, source: &str) -> PdfError {
        match self {
            PdfError::MissingGlyphs(mut missing) => {
                for m in &mut missing {
                    m.line = source
                        .lines()
                        .position(|line| line.contains(m.character))
                        .map(|i| i + 1);
                }
                PdfError::MissingGlyphs(missing)
            }
            other => other,
        }
    }
}

/// The messages of typst's diagnostics, one a line.
#[cfg(feature = "pdf")]
pub(super) fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("；")
}

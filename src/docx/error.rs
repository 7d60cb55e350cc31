//! Why a report could not be written as DOCX, in Chinese for the user.

use crate::document::GridError;

/// A failure of [`super::write_docx`].
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The `number`-th table (from 1) has spans that do not form a rectangle.
    #[error("第 {number} 个表格的合并单元格无法排版：{source}")]
    Spans { number: usize, source: GridError },
    /// The `number`-th table gives a different number of column widths than
    /// it has columns.
    #[error("第 {number} 个表格给出了 {given} 个列宽，但表格共有 {columns} 列")]
    ColumnCount {
        number: usize,
        given: usize,
        columns: usize,
    },
    /// The `number`-th table gives a width of zero for column `column` (from 1).
    #[error("第 {number} 个表格第 {column} 列的列宽为 0")]
    ZeroColumnWidth { number: usize, column: usize },
    /// A generated XML part could not be processed.
    #[error("处理 DOCX 内部 XML 时出错：{0}")]
    Xml(String),
    /// The ZIP package could not be written.
    #[error("打包 DOCX 文件时出错：{0}")]
    Package(#[source] zip::result::ZipError),
}

impl From<zip::result::ZipError> for DocxError {
    fn from(error: zip::result::ZipError) -> Self {
        DocxError::Package(error)
    }
}

impl From<std::io::Error> for DocxError {
    fn from(error: std::io::Error) -> Self {
        DocxError::Package(error.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_chinese_and_name_the_table() {
        let e = DocxError::ColumnCount {
            number: 2,
            given: 3,
            columns: 9,
        };
        assert_eq!(e.to_string(), "第 2 个表格给出了 3 个列宽，但表格共有 9 列");
    }
}

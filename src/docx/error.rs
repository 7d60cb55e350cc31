//! Why a report could not be written as DOCX, in Chinese for the user.

use crate::document::GridError;

/// A failure of [`super::write_docx`].
#[derive(Debug)]
pub enum DocxError {
    /// The `number`-th table (from 1) has spans that do not form a rectangle.
    Spans { number: usize, source: GridError },
    /// The `number`-th table gives a different number of column widths than
    /// it has columns.
    ColumnCount {
        number: usize,
        given: usize,
        columns: usize,
    },
    /// The `number`-th table gives a width of zero for column `column` (from 1).
    ZeroColumnWidth { number: usize, column: usize },
    /// A generated XML part could not be processed.
    Xml(String),
    /// The ZIP package could not be written.
    Package(zip::result::ZipError),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocxError::Spans { number, source } => {
                write!(f, "第 {number} 个表格的合并单元格无法排版：{source}")
            }
            DocxError::ColumnCount {
                number,
                given,
                columns,
            } => write!(
                f,
                "第 {number} 个表格给出了 {given} 个列宽，但表格共有 {columns} 列"
            ),
            DocxError::ZeroColumnWidth { number, column } => {
                write!(f, "第 {number} 个表格第 {column} 列的列宽为 0")
            }
            DocxError::Xml(message) => write!(f, "处理 DOCX 内部 XML 时出错：{message}"),
            DocxError::Package(source) => write!(f, "打包 DOCX 文件时出错：{source}"),
        }
    }
}

impl std::error::Error for DocxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DocxError::Spans { source, .. } => Some(source),
            DocxError::Package(source) => Some(source),
            _ => None,
        }
    }
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

//! Why a report could not be written as DOCX, in Chinese for the user.

use crate::document::columns::FormError;

/// A failure of [`super::write_docx`].
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// A table's spans or column widths cannot be laid out.
    #[error(transparent)]
    Table(#[from] FormError),
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
    use crate::document::columns::WidthsError;

    #[test]
    fn messages_are_chinese_and_name_the_table() {
        let e = DocxError::Table(FormError::Widths {
            number: 2,
            source: WidthsError::Count {
                given: 3,
                columns: 9,
            },
        });
        assert_eq!(e.to_string(), "第 2 个表格给出了 3 个列宽，但表格共有 9 列");
    }
}

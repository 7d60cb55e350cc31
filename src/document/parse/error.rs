//! Why the report Markdown could not be read, and the line where the offending
//! block starts.

use std::fmt;

use crate::document::GridError;

/// The largest `rowspan`, `colspan` or `<col span>` accepted.
pub(super) const MAX_SPAN: u32 = 1000;

/// A problem in the Markdown, located by the line (1-based) where the
/// offending block starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub kind: ParseErrorKind,
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// A `<!-- jixiao:… -->` comment naming no known hint.
    UnknownHint(String),
    /// A hint written inside running text or inside a table instead of on a line of its own.
    MisplacedHint(String),
    /// A paragraph-role hint that is not followed by a paragraph.
    HintWithoutParagraph(String),
    /// HTML that cannot be read at all.
    Html(String),
    /// A character a report cannot carry ([`crate::characters`]), written
    /// as is or as a character reference.
    Character { c: char, by_reference: bool },
    /// A table whose structure is wrong.
    Table(TableError),
}

/// What is wrong with a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TableError {
    /// The spans do not form a rectangle.
    Grid(GridError),
    /// A `rowspan`, `colspan` or `span` that is not a positive whole number.
    BadSpan {
        attribute: &'static str,
        value: String,
    },
    /// A span above the accepted maximum (1000).
    SpanTooLarge { attribute: &'static str, value: u32 },
    /// A `<col>` without `width`.
    MissingWidth,
    /// A `<col width>` that is neither a number nor a percentage.
    BadWidth(String),
    /// The `<col>` widths do not match the number of columns.
    WidthCount { widths: usize, columns: usize },
    /// A `<table>` without `</table>` in the same HTML block.
    Unclosed,
    /// A `<table>` inside a table.
    Nested,
    /// A table without cells.
    Empty,
}

impl ParseError {
    pub(super) fn new(line: usize, kind: ParseErrorKind) -> Self {
        ParseError { line, kind }
    }

    pub(super) fn table(line: usize, error: TableError) -> Self {
        ParseError::new(line, ParseErrorKind::Table(error))
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = self.line;
        match &self.kind {
            ParseErrorKind::UnknownHint(name) => {
                write!(f, "第 {line} 行：未知的版式注释 jixiao:{name}")
            }
            ParseErrorKind::MisplacedHint(name) => write!(
                f,
                "第 {line} 行：版式注释 jixiao:{name} 应单独成行，不能写在文字或表格中间"
            ),
            ParseErrorKind::HintWithoutParagraph(name) => {
                write!(f, "第 {line} 行：版式注释 jixiao:{name} 之后应紧跟一个段落")
            }
            ParseErrorKind::Html(message) => {
                write!(f, "第 {line} 行的 HTML 无法解析：{message}")
            }
            ParseErrorKind::Table(error) => write!(f, "第 {line} 行的表格：{error}"),
            ParseErrorKind::Character { c, by_reference } => write!(
                f,
                "第 {line} 行{}报告不能容纳的字符 {}（{}）；请从模板中删去它",
                if *by_reference {
                    "的字符引用写出了"
                } else {
                    "有"
                },
                crate::characters::code_point(*c),
                crate::characters::refused(*c).unwrap_or("控制字符")
            ),
        }
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ParseErrorKind::Table(error) => Some(error),
            _ => None,
        }
    }
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TableError::Grid(error) => error.fmt(f),
            TableError::BadSpan { attribute, value } => {
                write!(f, "{attribute}=\"{value}\" 不是正整数")
            }
            TableError::SpanTooLarge { attribute, value } => {
                write!(f, "{attribute}={value} 超过上限 {MAX_SPAN}")
            }
            TableError::MissingWidth => write!(f, "<col> 缺少 width"),
            TableError::BadWidth(value) => {
                write!(f, "<col width=\"{value}\"> 应为整数或百分数")
            }
            TableError::WidthCount { widths, columns } => {
                write!(f, "<col> 给出了 {widths} 个列宽，表格却有 {columns} 列")
            }
            TableError::Unclosed => write!(
                f,
                "缺少 </table>（HTML 表格中不能有空行：空行会结束 Markdown 的 HTML 块）"
            ),
            TableError::Nested => write!(f, "表格中不能再嵌套表格"),
            TableError::Empty => write!(f, "表格没有任何单元格"),
        }
    }
}

impl From<GridError> for TableError {
    fn from(error: GridError) -> Self {
        TableError::Grid(error)
    }
}

impl std::error::Error for TableError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            TableError::Grid(error) => Some(error),
            _ => None,
        }
    }
}

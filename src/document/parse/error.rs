//! Why the report Markdown could not be read, and the line where the offending
//! block starts.

use crate::characters::{code_point, refused};
use crate::document::GridError;

/// The largest `rowspan`, `colspan` or `<col span>` accepted.
pub(super) const MAX_SPAN: u32 = 1000;

/// A problem in the Markdown, located by the line (1-based) where the
/// offending block starts.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", located(*line, kind))]
pub struct ParseError {
    pub line: usize,
    pub kind: ParseErrorKind,
}

/// What is wrong; shown after the line it is on ([`ParseError`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseErrorKind {
    /// A `<!-- jixiao:… -->` comment naming no known hint.
    #[error("未知的版式注释 jixiao:{0}")]
    UnknownHint(String),
    /// A hint written inside running text or inside a table instead of on a line of its own.
    #[error("版式注释 jixiao:{0} 应单独成行，不能写在文字或表格中间")]
    MisplacedHint(String),
    /// A paragraph-role hint that is not followed by a paragraph.
    #[error("版式注释 jixiao:{0} 之后应紧跟一个段落")]
    HintWithoutParagraph(String),
    /// HTML that cannot be read at all.
    #[error("HTML 无法解析：{0}")]
    Html(String),
    /// A character a report cannot carry ([`crate::characters`]), written
    /// as is or as a character reference.
    #[error(
        "{}报告不能容纳的字符 {}（{}）；请从模板中删去它",
        if *by_reference { "的字符引用写出了" } else { "有" },
        code_point(*c),
        refused(*c).unwrap_or("控制字符")
    )]
    Character { c: char, by_reference: bool },
    /// A table whose structure is wrong.
    #[error("表格：{0}")]
    Table(#[source] TableError),
}

/// What is wrong with a table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    /// The spans do not form a rectangle.
    #[error(transparent)]
    Grid(#[from] GridError),
    /// A `rowspan`, `colspan` or `span` that is not a positive whole number.
    #[error("{attribute}=\"{value}\" 不是正整数")]
    BadSpan {
        attribute: &'static str,
        value: String,
    },
    /// A span above the accepted maximum (1000).
    #[error("{attribute}={value} 超过上限 {MAX_SPAN}")]
    SpanTooLarge { attribute: &'static str, value: u32 },
    /// A `<col>` without `width`.
    #[error("<col> 缺少 width")]
    MissingWidth,
    /// A `<col width>` that is neither a number nor a percentage.
    #[error("<col width=\"{0}\"> 应为整数或百分数")]
    BadWidth(String),
    /// The `<col>` widths do not match the number of columns.
    #[error("<col> 给出了 {widths} 个列宽，表格却有 {columns} 列")]
    WidthCount { widths: usize, columns: usize },
    /// A `<table>` without `</table>` in the same HTML block.
    #[error("缺少 </table>（HTML 表格中不能有空行：空行会结束 Markdown 的 HTML 块）")]
    Unclosed,
    /// A `<table>` inside a table.
    #[error("表格中不能再嵌套表格")]
    Nested,
    /// A table without cells.
    #[error("表格没有任何单元格")]
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

/// `第 N 行` joined to what is wrong: `第 3 行：未知的版式注释 …`,
/// `第 3 行的 HTML 无法解析：…`, `第 3 行的表格：…`, `第 3 行有报告不能容纳的字符 …`.
fn located(line: usize, kind: &ParseErrorKind) -> String {
    match kind {
        ParseErrorKind::UnknownHint(_)
        | ParseErrorKind::MisplacedHint(_)
        | ParseErrorKind::HintWithoutParagraph(_) => format!("第 {line} 行：{kind}"),
        ParseErrorKind::Html(_) => format!("第 {line} 行的 {kind}"),
        ParseErrorKind::Table(_) => format!("第 {line} 行的{kind}"),
        ParseErrorKind::Character { .. } => format!("第 {line} 行{kind}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_names_its_line_then_what_is_wrong() {
        let kinds = [
            ParseErrorKind::UnknownHint("x".into()),
            ParseErrorKind::MisplacedHint("x".into()),
            ParseErrorKind::HintWithoutParagraph("x".into()),
            ParseErrorKind::Html("x".into()),
            ParseErrorKind::Character {
                c: '\u{7}',
                by_reference: true,
            },
            ParseErrorKind::Table(TableError::Nested),
        ];
        for kind in kinds {
            let message = ParseError::new(7, kind.clone()).to_string();
            assert!(message.starts_with("第 7 行"), "{message}");
            assert!(message.ends_with(&kind.to_string()), "{message}");
        }
    }
}

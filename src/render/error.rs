//! Template errors for maintainers: the template's name, line and column, the
//! offending line shown, in Chinese.

use miette::{Diagnostic, NamedSource, SourceSpan};

/// A template that cannot be loaded or rendered, or a directory that cannot be read.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{message}")]
pub struct RenderError {
    pub message: String,
    /// The template's name, when the error is in a template.
    pub template: Option<String>,
    /// 1-based line and column in the template.
    pub line: Option<usize>,
    pub column: Option<usize>,
    #[source_code]
    pub src: Option<NamedSource<String>>,
    #[label("这里")]
    pub span: Option<SourceSpan>,
    #[help]
    pub help: Option<String>,
}

impl RenderError {
    pub fn io(message: String) -> Self {
        RenderError {
            message,
            template: None,
            line: None,
            column: None,
            src: None,
            span: None,
            help: None,
        }
    }

    /// Translates a Tera error, attaching the template source it points into.
    pub fn from_tera(e: &tera::Error, sources: &[(String, String)]) -> Self {
        use tera::ErrorKind;
        let report = match e.kind() {
            ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(report) = report else {
            let mut message = format!("模板错误：{}", translate(&e.to_string()));
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message.push_str(&format!("；{}", translate(&s.to_string())));
                source = s.source();
            }
            return RenderError::io(message);
        };
        let name = report.filename().to_string();
        let span = report.span();
        let line = span.start_line;
        let column = span.start_col + 1;
        let text = sources
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let start = span.range.start.min(text.len());
        let len = span
            .range
            .end
            .saturating_sub(span.range.start)
            .max(1)
            .min(text.len() - start);
        let offending = text
            .lines()
            .nth(line.saturating_sub(1))
            .unwrap_or("")
            .trim();
        RenderError {
            message: format!(
                "模板 {name} 第 {line} 行第 {column} 列：{}\n  {line} | {offending}",
                translate(report.message())
            ),
            template: Some(name.clone()),
            line: Some(line),
            column: Some(column),
            src: (!text.is_empty()).then(|| NamedSource::new(name, text)),
            span: (len > 0).then(|| SourceSpan::new(start.into(), len)),
            help: Some(
                "运行 jixiao vars DATA.yaml 查看可用的变量；过滤器见 docs/templates.md".into(),
            ),
        }
    }
}

/// Tera's English, with the common cases said in Chinese first.
fn translate(message: &str) -> String {
    let m = message.to_lowercase();
    let lead = if m.contains("not found in context")
        || m.contains("is undefined")
        || m.contains("undefined")
    {
        "未定义的变量或字段"
    } else if m.contains("filter") && (m.contains("not found") || m.contains("unknown")) {
        "未知的过滤器"
    } else if m.contains("template") && m.contains("not found") {
        "找不到被引用的模板"
    } else if m.contains("expected") || m.contains("unexpected") || m.contains("syntax") {
        "模板语法错误"
    } else {
        ""
    };
    if lead.is_empty() {
        message.to_string()
    } else {
        format!("{lead}（{message}）")
    }
}

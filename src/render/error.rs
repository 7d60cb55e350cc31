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
            let mut text = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                text.push_str(&format!("\n{s}"));
                source = s.source();
            }
            return match located(&text) {
                Some((name, line, column)) => {
                    let first = text.lines().next().unwrap_or("");
                    let message = first.trim_start_matches("error: ");
                    RenderError::at(sources, &name, line, column, None, message)
                }
                None => RenderError::io(format!("模板错误：{}", translate(&text))),
            };
        };
        let span = report.span();
        RenderError::at(
            sources,
            report.filename(),
            span.start_line,
            span.start_col + 1,
            Some(span.range.clone()),
            report.message(),
        )
    }

    /// An error at `line`/`column` (1-based, in characters) of template `name`,
    /// with its source shown; `range` is the offending bytes when known.
    fn at(
        sources: &[(String, String)],
        name: &str,
        line: usize,
        column: usize,
        range: Option<std::ops::Range<usize>>,
        message: &str,
    ) -> Self {
        let text = sources
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        let line_start: usize = text
            .split_inclusive('\n')
            .take(line.saturating_sub(1))
            .map(str::len)
            .sum();
        let offending = text
            .get(line_start..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("");
        let range = range.unwrap_or_else(|| {
            let col = offending
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(0, |(b, _)| b);
            line_start + col..line_start + col + 1
        });
        let start = range.start.min(text.len());
        let len = range
            .end
            .saturating_sub(range.start)
            .max(1)
            .min(text.len() - start);
        let message = format!(
            "模板 {name} 第 {line} 行第 {column} 列：{}\n  {line} | {}",
            translate(message),
            offending.trim()
        );
        RenderError {
            message,
            template: Some(name.to_string()),
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

/// `--> name:line:col` in a pre-formatted Tera message.
fn located(text: &str) -> Option<(String, usize, usize)> {
    let rest = text.split("--> ").nth(1)?;
    let spot = rest.split_whitespace().next()?;
    let mut parts = spot.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?.to_string(), line, column))
}

/// Tera's English, with the common cases said in Chinese first.
fn translate(message: &str) -> String {
    let m = message.to_lowercase();
    let lead = if m.contains("not found in context")
        || m.contains("undefined")
        || m.contains("not defined")
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

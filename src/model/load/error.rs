//! A file that cannot be loaded: the error a clerk sees, in Chinese, with the
//! file, line, column and the source line shown, and its kind for scripts.

use miette::{Diagnostic, NamedSource, SourceSpan};
use serde_saphyr::SnippetMode;

use super::applicability::ApplicabilityError;
use super::kind::LoadErrorKind;
use super::names::NameError;
use super::wording;
use crate::model::RulesRefused;
use crate::model::quantity::Loc;

/// A file that cannot be loaded. Shown as the file, the message and the hint
/// (提示), all in Chinese, above the source lines.
#[derive(Debug, thiserror::Error, Diagnostic)]
#[error("{file}：{message}{}", hint_line(.help.as_deref()))]
pub struct LoadError {
    pub kind: LoadErrorKind,
    pub file: String,
    pub message: String,
    /// 1-based line and column, when known.
    pub at: Option<Loc>,
    /// The YAML path of the value, e.g. `projects[1].funding.other.actual`.
    pub path: Option<String>,
    #[source_code]
    pub src: Option<NamedSource<String>>,
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    pub label: String,
    /// What to do about it. Part of the message rather than miette's help,
    /// which miette heads in English.
    pub help: Option<String>,
}

/// The hint as the message's last line.
fn hint_line(help: Option<&str>) -> String {
    help.map(|h| format!("\n提示：{h}")).unwrap_or_default()
}

impl LoadError {
    pub(super) fn bare(file: &str) -> Self {
        LoadError {
            kind: LoadErrorKind::Io,
            file: file.to_string(),
            message: String::new(),
            at: None,
            path: None,
            src: None,
            span: None,
            label: String::new(),
            help: None,
        }
    }

    /// The error serde-saphyr gave reading `source` at the YAML `path`;
    /// `expecting` is the kind of number being read when it failed, if any.
    pub(super) fn from_yaml(
        e: &serde_saphyr::Error,
        expecting: Option<&'static str>,
        path: &str,
        file: &str,
        source: &str,
    ) -> Self {
        let raw = e.render_with_options(serde_saphyr::render_options! {
            snippets: SnippetMode::Off,
        });
        let raw = wording::without_location(&raw);
        let raw = match expecting {
            Some(noun) => wording::number_expected(&raw, noun).unwrap_or(raw),
            None => raw,
        };
        let path = wording::clean_path(path);
        let (kind, message, help) = wording::translate(&raw, &path, source);
        let at = e.location().and_then(|l| {
            (l.line() > 0).then(|| Loc {
                line: l.line() as usize,
                column: l.column() as usize,
            })
        });
        // The parser reports a tab that indents the line after a plain
        // scalar at that scalar; the clerk needs the tab itself.
        let at = match at {
            Some(loc) if kind == LoadErrorKind::Syntax && raw.contains("tab") => {
                Some(indenting_tab(source, loc).unwrap_or(loc))
            }
            other => other,
        };
        let span = at.map(|loc| span_at(source, loc));
        let message = match at {
            Some(loc) => format!("第 {} 行第 {} 列：{message}", loc.line, loc.column),
            None => message,
        };
        LoadError {
            kind,
            file: file.to_string(),
            label: wording::short_label(kind).to_string(),
            message,
            at,
            path: (!path.is_empty()).then_some(path),
            src: Some(NamedSource::new(file, source.to_string())),
            span,
            help,
        }
    }

    /// A `rules:` option that cannot stand, at its value or else at its key.
    pub(super) fn from_rules(e: &RulesRefused, file: &str, source: &str) -> Self {
        let path = format!("rules.{}", e.key);
        let at = e.at.unwrap_or_else(|| key_line(source, &path, e.key));
        let kind = LoadErrorKind::InvalidValue;
        LoadError {
            kind,
            file: file.to_string(),
            label: wording::short_label(kind).to_string(),
            message: format!("第 {} 行第 {} 列：{}", at.line, at.column, e.message),
            at: Some(at),
            path: Some(path),
            src: Some(NamedSource::new(file, source.to_string())),
            span: Some(span_at(source, at)),
            help: Some(e.help.clone()),
        }
    }

    pub(super) fn from_names(e: &NameError, file: &str, source: &str) -> Self {
        let kind = match e {
            NameError::Repeated { .. } => LoadErrorKind::RepeatedName,
            NameError::Blank { .. } => LoadErrorKind::InvalidValue,
            NameError::TooManyIndicators { .. } => LoadErrorKind::TooLarge,
        };
        Self::at_fact(kind, e.at(), &e.message(), e.help(), file, source)
    }

    pub(super) fn from_applicability(e: &ApplicabilityError, file: &str, source: &str) -> Self {
        let kind = match e {
            ApplicabilityError::NoReason { .. } => LoadErrorKind::Missing,
            ApplicabilityError::ReasonWhileApplicable { .. } => LoadErrorKind::InvalidValue,
        };
        Self::at_fact(kind, e.at(), &e.message(), e.help(), file, source)
    }

    /// An error about the fact read at `at`, found after reading the file.
    fn at_fact(
        kind: LoadErrorKind,
        at: Loc,
        message: &str,
        help: &str,
        file: &str,
        source: &str,
    ) -> Self {
        LoadError {
            kind,
            file: file.to_string(),
            label: wording::short_label(kind).to_string(),
            message: format!("第 {} 行第 {} 列：{message}", at.line, at.column),
            at: Some(at),
            path: None,
            src: Some(NamedSource::new(file, source.to_string())),
            span: Some(span_at(source, at)),
            help: Some(help.to_string()),
        }
    }
}

/// Where the option `key` at `path` (`rules.key`) is written: the line of
/// its key, found from its first value back up the file.
fn key_line(source: &str, path: &str, key: &str) -> Loc {
    let leaves = super::paths::leaves(source).unwrap_or_default();
    let inside = |p: &str| {
        p.strip_prefix(path)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['[', '.']))
    };
    let Some(value) = leaves.iter().find(|l| inside(&l.path)) else {
        return Loc::default();
    };
    let written = format!("{key}:");
    let lines: Vec<&str> = source.lines().take(value.at.line).collect();
    (lines.iter().enumerate().rev())
        .find_map(|(i, line)| {
            let column = line.find(&written)?;
            Some(Loc {
                line: i + 1,
                column: line[..column].chars().count() + 1,
            })
        })
        .unwrap_or(value.at)
}

/// The rest of the line from `loc`, for underlining.
fn span_at(source: &str, loc: Loc) -> SourceSpan {
    let offset = offset_of(source, loc);
    let len = source[offset..]
        .find(['\n', '\r'])
        .unwrap_or(source.len() - offset)
        .max(1)
        .min(source.len().saturating_sub(offset));
    SourceSpan::new(offset.into(), len)
}

/// The first tab in the indentation of line `at.line` or of the line after
/// it, as a 1-based line and column.
fn indenting_tab(source: &str, at: Loc) -> Option<Loc> {
    let lines = source.lines().enumerate().skip(at.line.saturating_sub(1));
    lines.take(2).find_map(|(i, line)| {
        let indent = line.chars().take_while(|c| matches!(c, ' ' | '\t'));
        let column = indent.take_while(|&c| c != '\t').count();
        (line[column..].starts_with('\t')).then_some(Loc {
            line: i + 1,
            column: column + 1,
        })
    })
}

/// The byte offset of a 1-based line and column (columns count characters).
fn offset_of(source: &str, loc: Loc) -> usize {
    let mut offset = 0;
    for (i, line) in source.split_inclusive('\n').enumerate() {
        if i + 1 == loc.line {
            let col = line
                .char_indices()
                .nth(loc.column.saturating_sub(1))
                .map_or(line.len(), |(b, _)| b);
            return (offset + col).min(source.len());
        }
        offset += line.len();
    }
    source.len()
}

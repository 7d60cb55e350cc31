//! Reading a facts file: YAML text → [`Facts`], with errors a finance clerk can
//! act on (in Chinese, with file, line, column and the source line shown) and
//! notes for what is accepted but worth a look (amounts with more than two
//! decimals).

use std::cell::RefCell;
use std::path::Path;

use miette::{Diagnostic, NamedSource, SourceSpan};
use rust_decimal::Decimal;
use serde::Deserialize;
use serde_saphyr::{DuplicateKeyPolicy, SnippetMode};

use super::Facts;
use super::names::NameError;
use super::quantity::Loc;
use super::wording;

/// A loaded file: its facts, its text and the notes made while reading it.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub facts: Facts,
    /// The file's name as given (for messages).
    pub name: String,
    /// The file's text (for showing source lines).
    pub source: String,
    pub notes: Vec<Note>,
}

/// Something accepted while loading that the audit reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    /// An amount with more than two meaningful decimals: a warning (J011),
    /// an error beyond four, finer than a yuan (J023).
    Precision { at: Loc, value: Decimal },
    /// A number left to fill in (待填, written `~`); an error until it is filled.
    /// `path` is its YAML path, e.g. `basic_expenditure.actual`.
    Pending { at: Loc, path: String },
}

/// What kind of loading error happened; stable for scripts and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file cannot be read.
    Io,
    /// The file is not UTF-8 text.
    Encoding,
    /// The YAML itself is malformed.
    Syntax,
    /// A key that the format does not have.
    UnknownKey,
    /// A key given twice in one mapping.
    DuplicateKey,
    /// A name that identifies something (a project, an indicator…) given
    /// twice in one list.
    RepeatedName,
    /// A required fact is missing.
    Missing,
    /// A value of the wrong type (text where an amount belongs, …).
    WrongType,
    /// A value of the right type that is not allowed (a negative amount, …).
    InvalidValue,
    /// The file is too large, too deep or expands too much (alias bomb).
    TooLarge,
}

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

thread_local! {
    static NOTES: RefCell<Vec<Note>> = const { RefCell::new(Vec::new()) };
    /// What the number being read must be (金额, 数值, 人数), while it is read:
    /// a type error from the YAML reader then says what belonged there.
    static EXPECTING: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
}

/// Marks the start (`Some`) and the successful end (`None`) of reading a number.
pub(super) fn expecting(noun: Option<&'static str>) {
    EXPECTING.with(|e| e.set(noun));
}

/// Records an amount with more than two decimals.
pub(super) fn note_precision(at: Loc, value: Decimal) {
    NOTES.with(|n| n.borrow_mut().push(Note::Precision { at, value }));
}

/// Records a pending number; its path is filled in once the file is read.
pub(super) fn note_pending(at: Loc) {
    NOTES.with(|n| {
        n.borrow_mut().push(Note::Pending {
            at,
            path: String::new(),
        })
    });
}

/// Names the YAML path of every pending number.
fn name_pending(notes: &mut [Note], source: &str) {
    if !notes.iter().any(|n| matches!(n, Note::Pending { .. })) {
        return;
    }
    let leaves = super::paths::leaves(source).unwrap_or_default();
    for note in notes {
        if let Note::Pending { at, path } = note {
            *path = super::paths::null_path(&leaves, *at)
                .unwrap_or_default()
                .to_string();
        }
    }
}

/// The file name that means standard input (`jixiao check -`).
pub const STDIN: &str = "-";

/// Reads and loads a file, or standard input when `path` is [`STDIN`]. Only
/// a regular file is read (a directory, a device such as `/dev/zero` or a
/// named pipe is refused before it is opened), and no more than
/// [`MAX_FILE_BYTES`] of it.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let stdin = path == Path::new(STDIN);
    let name = if stdin {
        "标准输入".to_string()
    } else {
        path.display().to_string()
    };
    let cannot_read = |e: std::io::Error| LoadError {
        kind: LoadErrorKind::Io,
        message: wording::unreadable(&e),
        ..LoadError::bare(&name)
    };
    let too_large = || LoadError {
        kind: LoadErrorKind::TooLarge,
        message: format!(
            "文件过大（超过上限 {} 字节，即 {} 兆字节）",
            MAX_FILE_BYTES,
            MAX_FILE_BYTES >> 20
        ),
        help: Some("事实文件一般只有几十千字节；请确认给出的是数据文件".into()),
        ..LoadError::bare(&name)
    };
    let bytes = if stdin {
        read_at_most(std::io::stdin().lock()).map_err(cannot_read)?
    } else {
        let meta = std::fs::metadata(path).map_err(cannot_read)?;
        if !meta.is_file() {
            return Err(LoadError {
                kind: LoadErrorKind::Io,
                message: "不是普通文件（是目录、设备或管道），不能作为数据文件读入".into(),
                help: Some("请给出 YAML 数据文件；从管道读入请写 -（标准输入）".into()),
                ..LoadError::bare(&name)
            });
        }
        if meta.len() > MAX_FILE_BYTES as u64 {
            return Err(too_large());
        }
        read_at_most(std::fs::File::open(path).map_err(cannot_read)?).map_err(cannot_read)?
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Validated by simdutf8 (several times faster on Chinese text than the
    // standard library); the standard library's error says where it fails.
    let Ok(text) = simdutf8::basic::from_utf8(&bytes) else {
        let offset = std::str::from_utf8(&bytes).map_or_else(|e| e.valid_up_to(), str::len);
        return Err(LoadError {
            kind: LoadErrorKind::Encoding,
            message: format!("文件不是 UTF-8 编码（第 {} 字节处）", offset + 1),
            help: Some("请用 UTF-8 编码另存该文件（记事本“另存为”时选择 UTF-8）".into()),
            ..LoadError::bare(&name)
        });
    };
    load_str(text, &name)
}

/// Reads up to one byte more than [`MAX_FILE_BYTES`], so that a file that
/// grows while it is read, or an endless stream, is still found too large.
fn read_at_most(reader: impl std::io::Read) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The largest file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 8 * 1024 * 1024;

/// Loads facts from YAML text; `name` is used in messages.
pub fn load_str(text: &str, name: &str) -> Result<Loaded, LoadError> {
    let source = text.strip_prefix('\u{feff}').unwrap_or(text).to_string();
    if source.len() > MAX_FILE_BYTES {
        return Err(LoadError {
            kind: LoadErrorKind::TooLarge,
            message: format!(
                "文件过大（{} 字节，上限 {} 字节）",
                source.len(),
                MAX_FILE_BYTES
            ),
            ..LoadError::bare(name)
        });
    }
    match deserialize(&source, false) {
        Ok((facts, mut notes)) => {
            if let Err(e) = super::names::check(&facts) {
                return Err(LoadError::from_names(&e, name, &source));
            }
            name_pending(&mut notes, &source);
            Ok(Loaded {
                facts,
                name: name.to_string(),
                source,
                notes,
            })
        }
        Err((first, _)) => {
            // Read again, tracking the path of each value for the message;
            // tracking costs a third of the reading, so only failures pay it.
            let (e, path) = deserialize(&source, true)
                .err()
                .unwrap_or((first, String::new()));
            Err(LoadError::from_yaml(&e, &path, name, &source))
        }
    }
}

/// Runs `read` with the notes it makes collected afresh.
fn noting<T>(read: impl FnOnce() -> T) -> (T, Vec<Note>) {
    NOTES.with(|n| n.borrow_mut().clear());
    expecting(None);
    let value = read();
    let notes = NOTES.with(|n| std::mem::take(&mut *n.borrow_mut()));
    (value, notes)
}

/// The most YAML events that aliases (`*name`) may replay in one file. A
/// facts file has no need of aliases beyond reusing a few lines; a file that
/// expands them further is an alias bomb and is refused as too large.
const MAX_REPLAYED_EVENTS: usize = 10_000;

fn alias_limits() -> serde_saphyr::options::AliasLimits {
    let mut limits = serde_saphyr::options::AliasLimits::default();
    limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    limits
}

/// Reads `source` into [`Facts`] with serde-saphyr, with the notes made on
/// the way; on failure, the error and, if `track_path`, the YAML path of the
/// value it concerns.
fn deserialize(
    source: &str,
    track_path: bool,
) -> Result<(Facts, Vec<Note>), (serde_saphyr::Error, String)> {
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::Error,
        alias_limits: alias_limits(),
    };
    let mut path = String::new();
    let (result, notes) = noting(|| {
        serde_saphyr::with_deserializer_from_str_with_options(source, options, |de| {
            if !track_path {
                return Facts::deserialize(de);
            }
            serde_path_to_error::deserialize(de).map_err(|e| {
                path = e.path().to_string();
                e.into_inner()
            })
        })
    });
    match result {
        Ok(facts) => Ok((facts, notes)),
        Err(e) => Err((e, path)),
    }
}

impl LoadError {
    fn bare(file: &str) -> Self {
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

    fn from_yaml(e: &serde_saphyr::Error, path: &str, file: &str, source: &str) -> Self {
        let raw = e.render_with_options(serde_saphyr::render_options! {
            snippets: SnippetMode::Off,
        });
        let raw = wording::without_location(&raw);
        let raw = match EXPECTING.with(std::cell::Cell::take) {
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

    fn from_names(e: &NameError, file: &str, source: &str) -> Self {
        let kind = match e {
            NameError::Repeated { .. } => LoadErrorKind::RepeatedName,
            NameError::Blank { .. } => LoadErrorKind::InvalidValue,
            NameError::TooManyIndicators { .. } => LoadErrorKind::TooLarge,
        };
        let at = e.at();
        LoadError {
            kind,
            file: file.to_string(),
            label: wording::short_label(kind).to_string(),
            message: format!("第 {} 行第 {} 列：{}", at.line, at.column, e.message()),
            at: Some(at),
            path: None,
            src: Some(NamedSource::new(file, source.to_string())),
            span: Some(span_at(source, at)),
            help: Some(e.help().to_string()),
        }
    }
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

//! Reading a facts file: YAML text → [`Facts`], with errors a finance clerk can
//! act on (in Chinese, with file, line, column and the source line shown) and
//! notes for what is accepted but worth a look (amounts with more than two
//! decimals, numbers left pending).
//!
//! serde-saphyr reads the file into the fact types of [`crate::model`];
//! `numbers` reads each number and line of text and returns what it noticed,
//! `names` checks the identifying names of what was read,
//! `applicability` the reasons of indicators that do not apply, `error` and
//! `wording` turn a failure into the clerk's Chinese (`kind` names its kind), and [`paths`] flattens
//! the YAML as written (the path of a pending number, `jixiao diff`). Nothing
//! here is imported by the fact types.

mod applicability;
mod error;
mod kind;
mod names;
mod numbers;
pub mod paths;
mod wording;

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::DuplicateKeyPolicy;

pub use error::LoadError;
pub use kind::LoadErrorKind;
pub use names::MAX_INDICATORS;
pub use numbers::{Note, TEXT_PLACEHOLDER, parse_decimal};

use super::Facts;

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

/// Names the YAML path of every pending value.
fn name_pending(notes: &mut [Note], source: &str) {
    if !notes.iter().any(|n| matches!(n, Note::Pending { .. })) {
        return;
    }
    let leaves = paths::leaves(source).unwrap_or_default();
    for note in notes {
        if let Note::Pending { at, path, text } = note {
            *path = paths::path_at(&leaves, *at, !*text)
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
        Ok((mut facts, mut notes)) => {
            if let Err(e) = names::check(&facts) {
                return Err(LoadError::from_names(&e, name, &source));
            }
            if let Err(e) = applicability::check(&facts) {
                return Err(LoadError::from_applicability(&e, name, &source));
            }
            facts.scoring = match facts.rules.resolve() {
                Ok(scoring) => scoring,
                Err(e) => return Err(LoadError::from_rules(&e, name, &source)),
            };
            name_pending(&mut notes, &source);
            Ok(Loaded {
                facts,
                name: name.to_string(),
                source,
                notes,
            })
        }
        Err(first) => {
            // Read again, tracking the path of each value for the message;
            // tracking costs a third of the reading, so only failures pay it.
            let failure = deserialize(&source, true).err().unwrap_or(first);
            Err(LoadError::from_yaml(
                &failure.error,
                failure.expecting,
                &failure.path,
                name,
                &source,
            ))
        }
    }
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

/// Why serde-saphyr could not read a file: its error, the YAML path of the
/// value it concerns (when tracked) and the kind of number being read.
struct Failure {
    error: serde_saphyr::Error,
    path: String,
    expecting: Option<&'static str>,
}

/// Reads `source` into [`Facts`] with serde-saphyr, with the notes made on
/// the way; on failure, tracks the YAML path of the value it concerns if
/// `track_path`.
fn deserialize(source: &str, track_path: bool) -> Result<(Facts, Vec<Note>), Failure> {
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::Error,
        alias_limits: alias_limits(),
    };
    let mut path = String::new();
    let (result, noticed) = numbers::reading(|| {
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
        Ok(facts) => Ok((facts, noticed.notes)),
        Err(error) => Err(Failure {
            error,
            path,
            expecting: noticed.expecting,
        }),
    }
}

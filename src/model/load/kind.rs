//! The kinds of loading error, stable for scripts and tests; the error itself
//! and its wording both name them.

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

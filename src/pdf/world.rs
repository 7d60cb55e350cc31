//! The typst `World` a report is typeset in: one in-memory source (the
//! layout, `report.typ`), the report as `sys.inputs`, the fonts found by
//! `fonts`; no other file, no package, no clock (a report has no date of
//! its own, and the build's time would make every build's bytes differ).

use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Dict, Duration, Value};
use typst::syntax::{FileId, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;

/// The layout of every report.
const LAYOUT: &str = include_str!("report.typ");

/// One report to typeset.
pub(super) struct ReportWorld {
    library: LazyHash<Library>,
    fonts: Arc<Fonts>,
    main: Source,
}

impl ReportWorld {
    /// The world of the report given as `inputs` (the layout's `report`).
    pub fn new(fonts: Arc<Fonts>, report: Dict) -> Self {
        let mut inputs = Dict::new();
        inputs.insert("report".into(), Value::Dict(report));
        let library = Library::builder().with_inputs(inputs).build();
        ReportWorld {
            library: LazyHash::new(library),
            fonts,
            main: Source::detached(LAYOUT),
        }
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.store.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

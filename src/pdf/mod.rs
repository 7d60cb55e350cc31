//! Writes a [`Document`] as a PDF for publication, typeset in-process by
//! typst and laid out as the DOCX writer lays it out (GB/T 9704-2012: A4,
//! margins 37/35/28/26 mm, 28 characters × 22 lines of 3号仿宋, 2号小标宋
//! title, “— N —” page numbers on the outer side, attachments on new pages,
//! tables with the DOCX's column widths, header rows repeated, rows kept
//! whole), with the report's title, the unit as author, zh-CN as language,
//! a bookmark for each of the ten sections and each attachment, and no date
//! unless the command line gives the report's (`--pdf-date`; the facts hold
//! none, and the build's time would make every build's bytes differ).
//! PDF/A-2b (`--pdf-standard a-2b`) requires that date.
//!
//! How the report reaches typst: the layout is one fixed typst file
//! (`report.typ`), and the report comes to it as typst *values* — strings,
//! numbers, arrays and dictionaries made by `values` from the `Document`,
//! read there from `sys.inputs` — not as generated markup. No text of the
//! facts is ever parsed as typst, so `#`, `$`, `[`, `*`, `_`, `@`, `<x>`,
//! `\` or `//` in a facts text come out as written without any escaping to
//! get wrong, and the layout is typst code that can be read and checked on
//! its own. Building typst's content elements from Rust instead would tie
//! the writer to typst's internal element API, which changes between
//! releases.
//!
//! Every number of the layout is the DOCX writer's (`crate::docx::geometry`,
//! its styles' sizes and faces, its table metrics), converted to points;
//! table column widths come from `crate::document::columns::place_forms`,
//! the one function both writers lay tables out by.
//!
//! - `fonts`: the system's fonts (typst-kit) and those of `--font-dir`
//!   directories, loaded once per process, and the face each role (仿宋,
//!   黑体, 楷体, 小标宋, 宋体) takes from its fallback chain;
//! - `world`: the typst `World` serving the one in-memory source and the
//!   fonts, with no files, no packages and no clock;
//! - `values`: the `Document` as typst values;
//! - `glyphs`: the characters no font has, which the PDF would show as
//!   empty boxes and the writer refuses;
//! - `error`: the writer's errors, in Chinese.
//!
//! Without the cargo feature `pdf` (on by default) jixiao is built without
//! typst, and [`write_pdf`] says how to get a build that has it.

mod error;
#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
mod glyphs;
#[cfg(feature = "pdf")]
mod values;
#[cfg(feature = "pdf")]
mod world;

use std::path::PathBuf;

use crate::document::Document;
use crate::docx::Properties;

pub use error::{Missing, PdfError};

/// How PDFs are written: settings of the command line, the same for every
/// unit of a build.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    /// Directories searched for fonts besides the system's (`--font-dir`).
    pub font_dirs: Vec<PathBuf>,
    /// The PDF standard written to.
    pub standard: Standard,
    /// The report's date (`--pdf-date`), written in the metadata; none is
    /// written without it. PDF/A requires one.
    pub date: Option<Date>,
}

/// A date of the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl std::str::FromStr for Date {
    type Err = String;

    /// A date written `YYYY-MM-DD`.
    fn from_str(text: &str) -> Result<Date, String> {
        let refused = || format!("“{text}”不是日期，请写作 年-月-日，如 2025-03-31");
        let mut parts = text.trim().splitn(3, '-');
        let mut next = || parts.next().and_then(|p| p.parse::<u16>().ok());
        let (Some(year), Some(month), Some(day)) = (next(), next(), next()) else {
            return Err(refused());
        };
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(refused()),
        };
        if !(1900..=9999).contains(&year) || day == 0 || day > days {
            return Err(refused());
        }
        Ok(Date {
            year,
            month: month as u8,
            day: day as u8,
        })
    }
}

/// A PDF standard to conform to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Standard {
    /// PDF 1.7, typst's default.
    #[default]
    Plain,
    /// PDF/A-2b, for archiving (`--pdf-standard a-2b`).
    A2b,
}

/// The PDF bytes of `doc`, with `properties` in its metadata: the same
/// bytes for the same `Document`, properties, settings and fonts.
#[cfg(feature = "pdf")]
pub fn write_pdf(
    doc: &Document,
    properties: &Properties,
    settings: &Settings,
) -> Result<Vec<u8>, PdfError> {
    if settings.standard == Standard::A2b && settings.date.is_none() {
        return Err(PdfError::ArchiveWithoutDate);
    }
    let fonts = fonts::load(&settings.font_dirs)?;
    let faces = fonts.faces()?;
    let inputs = values::report(doc, properties, &faces, settings.date)?;
    let world = world::ReportWorld::new(fonts, inputs);
    // Whether typst succeeds or not, its caches keep only what recent
    // reports used.
    let pdf = typeset(&world, settings.standard);
    typst::comemo::evict(CACHE_AGE);
    pdf
}

/// The PDF of the report in `world`, unless a character has no glyph.
#[cfg(feature = "pdf")]
fn typeset(world: &world::ReportWorld, standard: Standard) -> Result<Vec<u8>, PdfError> {
    let document = typst::compile::<typst_layout::PagedDocument>(world)
        .output
        .map_err(|errors| PdfError::Typeset(error::messages(&errors)))?;
    let missing = glyphs::missing(&document);
    if !missing.is_empty() {
        return Err(PdfError::MissingGlyphs(missing));
    }
    let standards = match standard {
        Standard::Plain => &[][..],
        Standard::A2b => &[typst_pdf::PdfStandard::A_2b][..],
    };
    let options = typst_pdf::PdfOptions {
        standards: typst_pdf::PdfStandards::new(standards)
            .map_err(|e| PdfError::Typeset(e.message().to_string()))?,
        ..typst_pdf::PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options)
        .map_err(|errors| PdfError::Typeset(error::messages(&errors)))
}

/// For how many reports typst's caches keep what no report used since: in
/// a batch, `watch` or `serve`, each report leaves in them what it laid
/// out, and without eviction the process would grow with every report. Two
/// keeps what the next report shares with the ones before it (the layout's
/// code, the phrases every report has, the same report rebuilt after a
/// save). An eviction takes 1 ms after one report, up to 10 ms in a batch.
#[cfg(feature = "pdf")]
const CACHE_AGE: usize = 2;

/// Without the feature `pdf`: the error saying how to get a build with it.
#[cfg(not(feature = "pdf"))]
pub fn write_pdf(
    _doc: &Document,
    _properties: &Properties,
    _settings: &Settings,
) -> Result<Vec<u8>, PdfError> {
    Err(PdfError::NotBuiltIn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_and_checked_against_the_calendar() {
        let date: Date = "2025-03-31".parse().unwrap();
        assert_eq!((date.year, date.month, date.day), (2025, 3, 31));
        assert!("2024-02-29".parse::<Date>().is_ok());
        for wrong in [
            "2025-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-3",
            "",
            "二〇二五年",
            "2025-03-31-1",
        ] {
            assert!(wrong.parse::<Date>().is_err(), "{wrong}");
        }
    }
}

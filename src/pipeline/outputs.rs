//! The files a report is written as, and the writer of each. Every output
//! is made from the same rendered report: Markdown as the templates wrote
//! it, the others laid out from its [`Document`], parsed once for all of
//! them. A new kind of output (HTML, PDF) is a writer module of its own and
//! a variant of [`Output`] with its two arms here.

use crate::analysis::Analysis;
use crate::document::{self, Document};
use crate::docx;
use crate::html;
use crate::pdf;

use super::BuildError;

/// One kind of output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The report's Markdown (`.md`).
    Markdown,
    /// The report laid out to GB/T 9704 (`.docx`).
    Docx,
    /// The report as one self-contained web page (`.html`).
    Html,
    /// The same layout typeset as PDF (`.pdf`).
    Pdf,
}

impl Output {
    /// Every kind, in the order a unit's outputs are written and listed.
    pub const ALL: [Output; 4] = [Output::Markdown, Output::Docx, Output::Html, Output::Pdf];

    /// The output file's extension, after the data file's stem.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Markdown => "md",
            Output::Docx => "docx",
            Output::Html => "html",
            Output::Pdf => "pdf",
        }
    }

    /// This output of the report rendered as `markdown` from `analysis`.
    pub fn of(self, markdown: &str, analysis: &Analysis) -> Result<Vec<u8>, BuildError> {
        Rendered::new(analysis, markdown).output(self)
    }
}

/// A unit's report as rendered, with its [`Document`] once parsed.
pub struct Rendered<'a> {
    analysis: &'a Analysis,
    markdown: &'a str,
    document: Option<Document>,
    pdf: pdf::Settings,
}

impl<'a> Rendered<'a> {
    pub fn new(analysis: &'a Analysis, markdown: &'a str) -> Self {
        Rendered {
            analysis,
            markdown,
            document: None,
            pdf: pdf::Settings::default(),
        }
    }

    /// This report, its PDF written with `settings`.
    pub fn with_pdf(self, settings: &pdf::Settings) -> Self {
        Rendered {
            pdf: settings.clone(),
            ..self
        }
    }

    /// The report's structure, parsed from its Markdown on first use.
    pub fn document(&mut self) -> Result<&Document, BuildError> {
        if self.document.is_none() {
            let parsed = document::parse(self.markdown).map_err(|source| BuildError::Layout {
                file: self.analysis.loaded.name.clone(),
                source,
            })?;
            self.document = Some(parsed);
        }
        Ok(self.document.as_ref().expect("parsed above"))
    }

    /// The bytes of one output.
    pub fn output(&mut self, output: Output) -> Result<Vec<u8>, BuildError> {
        match output {
            Output::Markdown => Ok(self.markdown.as_bytes().to_vec()),
            Output::Docx => {
                let properties = properties(self.analysis);
                let file = self.analysis.loaded.name.clone();
                docx::write_docx(self.document()?, &properties)
                    .map_err(|source| BuildError::Docx { file, source })
            }
            Output::Html => {
                let properties = properties(self.analysis);
                Ok(html::write_html(self.document()?, &properties))
            }
            Output::Pdf => {
                let properties = properties(self.analysis);
                let file = self.analysis.loaded.name.clone();
                let settings = self.pdf.clone();
                let facts = &self.analysis.loaded.source;
                pdf::write_pdf(self.document()?, &properties, &settings).map_err(|source| {
                    let source = source.located(facts);
                    BuildError::Pdf { file, source }
                })
            }
        }
    }
}

/// The document properties of the report on `analysis`: the unit as
/// creator, the year's self-evaluation as subject (the DOCX's document
/// properties, the HTML's `meta`).
fn properties(analysis: &Analysis) -> docx::Properties {
    let facts = &analysis.loaded.facts;
    let year = facts.year.value;
    docx::Properties {
        creator: facts.unit.name.value.clone(),
        subject: format!("{year}年度整体支出绩效自评"),
        keywords: format!("绩效自评；整体支出；{year}年度"),
    }
}

//! The bundled units typeset as PDF by jixiao, read back with poppler
//! (`pdftotext`, `pdfinfo`, `pdffonts`). Where those tools or a CJK font
//! are missing, [`typeset`] says so and gives `None` (`.ci/run` installs
//! both).

#![allow(dead_code)]

use jixiao::pdf::PdfError;
use jixiao::pipeline::{BuildError, Output};

use crate::docx_support::pdf::{Pdf, on_path};
use crate::docx_support::units::{self, Built};

/// A unit built, with its PDF's bytes and the PDF to read back.
pub struct Typeset {
    pub built: Built,
    pub bytes: Vec<u8>,
    pub pdf: Pdf,
}

/// The PDF of `markdown` of `built`'s unit, or `None` (with a notice) where
/// no CJK font is installed.
pub fn pdf_of(built: &Built, markdown: &str) -> Option<Vec<u8>> {
    match Output::Pdf.of(markdown, &built.analysis) {
        Ok(bytes) => Some(bytes),
        Err(BuildError::Pdf {
            source: e @ PdfError::MissingFont { .. },
            ..
        }) => {
            eprintln!("no CJK font installed ({e}); PDF test skipped");
            None
        }
        Err(e) => panic!("the PDF is written: {e}"),
    }
}

/// The unit of facts file `path` built and typeset, or `None` where the
/// tools or fonts are missing.
pub fn typeset(path: &str) -> Option<Typeset> {
    if !tools() {
        return None;
    }
    let built = units::build(path);
    let bytes = pdf_of(&built, &built.markdown)?;
    let stem = path.rsplit('/').next().unwrap().trim_end_matches(".yaml");
    let pdf = Pdf::of_bytes(&bytes, stem);
    Some(Typeset { built, bytes, pdf })
}

/// Whether poppler's tools are on PATH; says so when not.
pub fn tools() -> bool {
    let present = ["pdftotext", "pdfinfo", "pdffonts"]
        .iter()
        .all(|tool| on_path(tool));
    if !present {
        eprintln!("pdftotext, pdfinfo or pdffonts not on PATH; PDF test skipped");
    }
    present
}

/// A line of text on a page, as poppler finds it, in points from the page's
/// top left corner.
#[derive(Debug, Clone)]
pub struct Line {
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    /// Its words, without the spaces between them.
    pub text: String,
}

/// The lines of page `page` (from 1) of `pdf`, from `pdftotext -bbox-layout`.
pub fn lines(pdf: &Pdf, page: usize) -> Vec<Line> {
    let n = page.to_string();
    let xhtml =
        crate::docx_support::pdf::raw_text(&pdf.path, &["-bbox-layout", "-f", &n, "-l", &n]);
    let attribute = |tag: &str, name: &str| -> f64 {
        let from = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        let to = from + tag[from..].find('"').unwrap();
        tag[from..to].parse().unwrap()
    };
    xhtml
        .split("<line ")
        .skip(1)
        .map(|line| {
            let line = &line[..line.find("</line>").unwrap()];
            let text = line
                .split("<word ")
                .skip(1)
                .map(|word| {
                    let start = word.find('>').unwrap() + 1;
                    let end = word.find("</word>").unwrap();
                    unescape(&word[start..end])
                })
                .collect();
            Line {
                x_min: attribute(line, "xMin"),
                x_max: attribute(line, "xMax"),
                y_min: attribute(line, "yMin"),
                text,
            }
        })
        .collect()
}

/// `text` with XML's five escapes read.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

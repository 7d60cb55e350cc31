//! The two bundled units, built as `jixiao build` builds them.

use std::path::Path;

use jixiao::Analysis;
use jixiao::render::{self, Templates};

/// The bundled facts files: the reference unit and the sample county.
pub const UNITS: [&str; 2] = ["data/2024.yaml", "data/examples/sample-county-2024.yaml"];

/// A unit's analysis, Markdown and DOCX.
pub struct Built {
    pub analysis: Analysis,
    pub markdown: String,
    pub docx: Vec<u8>,
}

/// Builds the unit of facts file `path` (relative to the crate).
pub fn build(path: &str) -> Built {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let analysis = jixiao::analyse_file(&data).unwrap_or_else(|e| panic!("{path}: {e:?}"));
    let templates = Templates::load(None).expect("the default templates load");
    let markdown = render::markdown(&analysis, &templates).expect("renders");
    let docx = jixiao::pipeline::Output::Docx
        .of(&markdown, &analysis)
        .expect("lays out");
    Built {
        analysis,
        markdown,
        docx,
    }
}

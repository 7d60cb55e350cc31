//! Arbitrary bytes through the whole pipeline: load → compute → audit →
//! Markdown → DOCX. A file that does not load must come back as a `LoadError`;
//! one that loads must render with the built-in templates and give a DOCX
//! whose every part is well-formed XML (so whatever `check` passes, `build`
//! writes). Any panic, overflow (debug assertions are on), timeout or runaway
//! memory is a bug, and so is a file that the quick reader loads otherwise
//! than serde-saphyr.

#![no_main]

use std::sync::OnceLock;

use jixiao::render::{self, Templates};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/xml_support/mod.rs"]
mod xml_support;

/// The built-in templates, compiled once for the whole run.
fn templates() -> &'static Templates {
    static TEMPLATES: OnceLock<Templates> = OnceLock::new();
    TEMPLATES.get_or_init(|| Templates::load(None).expect("the built-in templates compile"))
}

/// What a user gets from loading: the facts and notes, or the error.
fn outcome(result: &Result<jixiao::model::Loaded, jixiao::model::LoadError>) -> String {
    match result {
        Ok(loaded) => format!("{:?}\n{:?}", loaded.facts, loaded.notes),
        Err(e) => format!("{:?} {:?} {:?} {}", e.kind, e.at, e.path, e.message),
    }
}

fuzz_target!(|data: &[u8]| {
    // Bytes that are not UTF-8 stop at `load_file`'s Encoding check, which
    // the bad-input corpus covers; the fuzzer spends its time on text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let loaded = jixiao::model::load_str(text, "fuzz.yaml");
    let by_serde_saphyr = jixiao::model::load_str_by_serde_saphyr(text, "fuzz.yaml");
    assert_eq!(outcome(&loaded), outcome(&by_serde_saphyr), "the readers differ");
    let Ok(loaded) = loaded else {
        return;
    };
    let analysis = jixiao::Analysis::of(loaded);
    let markdown = match render::markdown(&analysis, templates()) {
        Ok(markdown) => markdown,
        Err(e) => panic!("a file that loads does not render: {e:?}"),
    };
    let docx = render::docx(&markdown, &analysis).expect("a rendered report is written as DOCX");
    if let Err(e) = xml_support::docx_well_formed(&docx) {
        panic!("the DOCX is not well-formed: {e}");
    }
});

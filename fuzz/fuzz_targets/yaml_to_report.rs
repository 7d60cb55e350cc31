//! Arbitrary bytes through the whole pipeline: load → compute → audit →
//! Markdown → DOCX. A file that does not load must come back as a `LoadError`;
//! one that loads must render with the built-in templates and give a DOCX
//! whose every part is well-formed XML (so whatever `check` passes, `build`
//! writes). Any panic, overflow (debug assertions are on), timeout or runaway
//! memory is a bug.

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

fuzz_target!(|data: &[u8]| {
    // Bytes that are not UTF-8 stop at `load_file`'s Encoding check, which
    // the bad-input corpus covers; the fuzzer spends its time on text.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(loaded) = jixiao::model::load_str(text, "fuzz.yaml") else {
        return;
    };
    let analysis = jixiao::Analysis::of(loaded);
    let markdown = match render::markdown(&analysis, templates()) {
        Ok(markdown) => markdown,
        Err(e) => panic!("a file that loads does not render: {e:?}"),
    };
    let docx = jixiao::pipeline::Output::Docx
        .of(&markdown, &analysis)
        .expect("a rendered report is written as DOCX");
    if let Err(e) = xml_support::docx_well_formed(&docx) {
        panic!("the DOCX is not well-formed: {e}");
    }
});

//! The whole report for the bundled data, as a reviewed snapshot: any change
//! to the templates, the context or the figures shows up here as a diff.
//!
//! Accept an intended change with `INSTA_UPDATE=always cargo test --test render_snapshot`
//! (or `cargo insta review`), then read the diff of `tests/snapshots/`.

mod common;

use common::{analysis, markdown};

fn report_markdown() -> String {
    markdown(&analysis())
}

#[test]
fn report_2024_markdown() {
    let markdown = report_markdown();
    insta::assert_snapshot!("report_2024", markdown);
}

#[test]
fn snapshot_holds_no_machine_paths() {
    let markdown = report_markdown();
    let manifest = env!("CARGO_MANIFEST_DIR");
    assert!(
        !markdown.contains(manifest),
        "the report mentions the build directory {manifest}"
    );
    assert!(!markdown.contains("/tmp/"), "the report mentions /tmp/");
}

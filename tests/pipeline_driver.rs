//! The driver: each requested output written once and in a fixed order, a
//! unit that the audit blocks or that does not load writes nothing and says
//! why by the stage's error, and a batch ends with its worst unit's status.

mod common;

use std::path::{Path, PathBuf};

use common::root;
use jixiao::pipeline::{self, BuildError, Options, Output, Status};
use jixiao::render::Templates;

/// The reference unit, whose audit finds errors.
const REFERENCE: &str = "data/2024.yaml";
/// The sample unit, which builds.
const SAMPLE: &str = "data/examples/sample-county-2024.yaml";
/// Every output but the PDF, which needs CJK fonts: those any machine writes.
const DEFAULT_OUTPUTS: [Output; 3] = [Output::Markdown, Output::Docx, Output::Html];

fn options(out: &Path, outputs: &[Output], allow_errors: bool) -> Options {
    Options {
        out: out.to_path_buf(),
        outputs: outputs.to_vec(),
        allow_errors,
        keep_analysis: false,
        pdf: Default::default(),
    }
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn each_output_is_written_once_in_a_fixed_order_whatever_the_order_asked() {
    let dir = tempfile::tempdir().unwrap();
    let templates = Templates::load(None).unwrap();
    let asked = [Output::Docx, Output::Markdown, Output::Docx];
    let report = pipeline::build_unit(
        &root().join(SAMPLE),
        &templates,
        &options(dir.path(), &asked, false),
    );
    assert_eq!(report.status, Status::Built, "{:?}", report.problem);
    let written: Vec<PathBuf> = report.outputs.iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(
        written,
        [
            dir.path().join("sample-county-2024.md"),
            dir.path().join("sample-county-2024.docx")
        ]
    );
    assert!(report.analysis.is_none(), "not kept unless asked");

    let markdown_only = tempfile::tempdir().unwrap();
    let report = pipeline::build_unit(
        &root().join(SAMPLE),
        &templates,
        &options(markdown_only.path(), &[Output::Markdown], false),
    );
    assert_eq!(report.status, Status::Built);
    assert_eq!(names(markdown_only.path()), ["sample-county-2024.md"]);
}

#[test]
fn a_unit_the_audit_blocks_writes_nothing_unless_errors_are_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let templates = Templates::load(None).unwrap();
    let out = dir.path().join("out");
    let report = pipeline::build_unit(
        &root().join(REFERENCE),
        &templates,
        &options(&out, &DEFAULT_OUTPUTS, false),
    );
    assert_eq!(report.status, Status::Blocked);
    assert!(report.errors > 0);
    match &report.problem {
        Some(BuildError::Blocked { errors, .. }) => assert_eq!(*errors, report.errors),
        other => panic!("{other:?}"),
    }
    assert!(report.outputs.is_empty());
    assert!(names(&out).is_empty());

    let report = pipeline::build_unit(
        &root().join(REFERENCE),
        &templates,
        &options(&out, &DEFAULT_OUTPUTS, true),
    );
    assert_eq!(report.status, Status::Built, "{:?}", report.problem);
    assert_eq!(names(&out), ["2024.docx", "2024.html", "2024.md"]);
}

#[test]
fn a_file_that_does_not_load_fails_with_its_load_error() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "year: [").unwrap();
    let templates = Templates::load(None).unwrap();
    let out = dir.path().join("out");
    let report = pipeline::build_unit(&broken, &templates, &options(&out, &DEFAULT_OUTPUTS, true));
    assert_eq!(report.status, Status::Failed);
    assert!(
        matches!(report.problem, Some(BuildError::Load(_))),
        "{:?}",
        report.problem
    );
    assert!(report.unit.is_none());
    assert!(!out.exists());
}

#[test]
fn a_batch_ends_with_its_worst_units_status() {
    let dir = tempfile::tempdir().unwrap();
    let opts = options(dir.path(), &DEFAULT_OUTPUTS, false);
    let batch = pipeline::build_batch(
        &[root().join(REFERENCE), root().join(SAMPLE)],
        None,
        &opts,
        &|| (),
    )
    .unwrap();
    let statuses: Vec<Status> = batch.units.iter().map(|u| u.status.clone()).collect();
    assert_eq!(statuses, [Status::Blocked, Status::Built]);
    assert_eq!(batch.exit_code(), Status::Blocked.exit_code());

    let missing = dir.path().join("missing.yaml");
    let batch =
        pipeline::build_batch(&[root().join(SAMPLE), missing], None, &opts, &|| ()).unwrap();
    assert_eq!(batch.exit_code(), Status::Failed.exit_code());

    let clash = pipeline::build_batch(
        &[root().join(SAMPLE), root().join(SAMPLE)],
        None,
        &opts,
        &|| (),
    );
    assert!(matches!(clash, Err(BuildError::SameStem { .. })));
    let templates = dir.path().join("no-such-templates");
    let refused = pipeline::build_batch(&[root().join(SAMPLE)], Some(&templates), &opts, &|| ());
    assert!(
        matches!(refused, Err(BuildError::Templates(_))),
        "{refused:?}"
    );
}

#[test]
fn check_rehearses_every_output_without_writing() {
    let analysis = jixiao::analyse_file(&root().join(SAMPLE)).unwrap();
    let templates = Templates::load(None).unwrap();
    pipeline::rehearse(&analysis, &templates, None).unwrap();
}

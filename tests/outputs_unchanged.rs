//! What users get from the two bundled units, byte for byte: the Markdown,
//! DOCX and HTML `build` writes and what `check` (human and JSON), `explain --list` and
//! `vars` print. A restructuring of the code must leave every byte as it was;
//! a deliberate change of output is recorded by running this test with
//! `JIXIAO_BLESS=1`, and its diff is reviewed like any other change.

mod common;

use std::path::{Path, PathBuf};

use common::{jixiao_command, root};

const UNITS: [&str; 2] = ["data/2024.yaml", "data/examples/sample-county-2024.yaml"];

fn golden(name: &str) -> PathBuf {
    root().join("tests/golden").join(name)
}

/// Compares `bytes` with the recorded file `name`, or records them.
fn same_as_recorded(name: &str, bytes: &[u8], changed: &mut Vec<String>) {
    let path = golden(name);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let recorded = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (record it with JIXIAO_BLESS=1)", path.display()));
    if recorded != bytes {
        changed.push(name.to_string());
    }
}

/// jixiao's standard output for `args`, run from the repository root.
fn printed(args: &[&str]) -> Vec<u8> {
    let run = jixiao_command(args).output().unwrap();
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    run.stdout
}

#[test]
fn every_output_of_the_bundled_units_is_as_recorded() {
    let out = tempfile::tempdir().unwrap();
    let mut args = vec![
        "build",
        "--allow-errors",
        "-q",
        "--format",
        "md,docx,html",
        "-o",
        out.path().to_str().unwrap(),
    ];
    args.extend(UNITS);
    printed(&args);
    let mut changed = Vec::new();
    for unit in UNITS {
        let stem = Path::new(unit).file_stem().unwrap().to_str().unwrap();
        for ext in ["md", "docx", "html"] {
            let bytes = std::fs::read(out.path().join(format!("{stem}.{ext}"))).unwrap();
            same_as_recorded(&format!("{stem}.{ext}"), &bytes, &mut changed);
        }
        let views: [(&str, Vec<&str>); 4] = [
            ("check.txt", vec!["check", unit]),
            ("check.json", vec!["check", unit, "--format", "json"]),
            ("explain-list.txt", vec!["explain", unit, "--list"]),
            ("vars.txt", vec!["vars", unit]),
        ];
        for (view, args) in views {
            same_as_recorded(&format!("{stem}.{view}"), &printed(&args), &mut changed);
        }
    }
    assert!(
        changed.is_empty(),
        "changed from what is recorded in tests/golden: {changed:?}"
    );
}

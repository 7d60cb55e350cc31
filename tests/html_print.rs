//! The HTML printed by a real browser: headless Chromium's print to PDF of
//! each bundled report gives A4 pages whose text holds every figure of the
//! Markdown. Runs where `chromium`, `pdftotext` and `pdfinfo` are on PATH
//! (`.ci/run` installs them); elsewhere it says so and passes.

mod common;

// Shared with the DOCX tests, which use all of them.
#[allow(dead_code)]
#[path = "docx_support/pdf.rs"]
mod pdf;
#[allow(dead_code)]
#[path = "docx_support/units.rs"]
mod units;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{CHROMIUM_FLAGS, chromium, markdown, markdown_text, numbers};
use jixiao::pipeline::Output;
use pdf::{Pdf, on_path};
use units::UNITS;

/// How long a print may take before the browser is stopped.
const PRINT_TIMEOUT: Duration = Duration::from_secs(120);
/// An A4 page in PostScript points as Chromium writes it (210 × 297 mm).
const A4_POINTS: (f64, f64) = (595.0, 842.0);

/// Prints `html` to a PDF in `dir` with headless Chromium, its own headers
/// and footers off (the page's stylesheet numbers the pages).
fn print(browser: &Path, html: &Path, dir: tempfile::TempDir) -> Pdf {
    let pdf = dir.path().join("printed.pdf");
    let profile = dir.path().join("profile");
    let mut child = Command::new(browser)
        .args(CHROMIUM_FLAGS)
        .arg("--no-pdf-header-footer")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium failed: {status}");
            break;
        }
        if start.elapsed() > PRINT_TIMEOUT {
            child.kill().ok();
            panic!("chromium did not print within {PRINT_TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Pdf::written(dir, pdf)
}

#[test]
fn chromium_prints_the_html_on_a4_pages_with_every_figure() {
    let Some(browser) = chromium() else {
        eprintln!("chromium not on PATH; the HTML print check is skipped");
        return;
    };
    if !on_path("pdftotext") || !on_path("pdfinfo") {
        eprintln!("pdftotext or pdfinfo not on PATH; the HTML print check is skipped");
        return;
    }
    for unit in UNITS {
        let analysis = jixiao::analyse_file(&common::root().join(unit)).unwrap();
        let markdown = markdown(&analysis);
        let html = Output::Html.of(&markdown, &analysis).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("report.html");
        std::fs::write(&page, html).unwrap();
        let pdf = print(&browser, &page, dir);

        let sizes = pdf.page_sizes();
        assert!(sizes.len() >= 10, "{unit}: {} pages", sizes.len());
        for (i, (width, height)) in sizes.iter().enumerate() {
            assert!(
                (width - A4_POINTS.0).abs() < 1.0 && (height - A4_POINTS.1).abs() < 1.0,
                "{unit}: page {} is {width} × {height} pt, not A4",
                i + 1
            );
        }
        let text = pdf.text();
        let figures = numbers(&markdown_text(&markdown));
        assert!(figures.len() > 50, "{unit}");
        let missing: Vec<&String> = figures.iter().filter(|f| !text.contains(*f)).collect();
        assert!(missing.is_empty(), "{unit}: not printed: {missing:?}");
    }
}

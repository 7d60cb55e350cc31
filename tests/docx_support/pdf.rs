//! A PDF read back page by page with poppler: LibreOffice's rendering of a
//! DOCX ([`render`]), a PDF printed by another program ([`Pdf::written`]),
//! or one jixiao wrote ([`Pdf::of_bytes`]). Runs where `soffice`,
//! `pdftotext` and `pdfinfo` are on PATH (`.ci/run` installs them);
//! elsewhere [`render`] says so and gives `None`.

use std::path::Path;
use std::process::Command;

/// Whether `program` is on PATH.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// A PDF written by LibreOffice, in a directory removed with it.
pub struct Pdf {
    _dir: tempfile::TempDir,
    pub path: std::path::PathBuf,
}

/// Converts `docx` to PDF with LibreOffice, or `None` where the tools are
/// missing.
pub fn render(docx: &[u8], stem: &str) -> Option<Pdf> {
    if !on_path("soffice") || !on_path("pdftotext") || !on_path("pdfinfo") {
        eprintln!("soffice, pdftotext or pdfinfo not on PATH; LibreOffice round trip skipped");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join(format!("{stem}.docx"));
    std::fs::write(&input, docx).unwrap();
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .unwrap()
        .status;
    assert!(status.success(), "LibreOffice failed on {stem}");
    let path = dir.path().join(format!("{stem}.pdf"));
    assert!(path.is_file(), "no PDF written for {stem}");
    Some(Pdf { _dir: dir, path })
}

impl Pdf {
    /// The PDF at `path`, written into `dir` by another program.
    pub fn written(dir: tempfile::TempDir, path: std::path::PathBuf) -> Pdf {
        assert!(path.is_file(), "no PDF at {}", path.display());
        Pdf { _dir: dir, path }
    }

    /// The size of every page in points (width, height).
    pub fn page_sizes(&self) -> Vec<(f64, f64)> {
        let out = Command::new("pdfinfo")
            .args(["-f", "1", "-l", &self.page_count().to_string()])
            .arg(&self.path)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with("Page "))
            .filter_map(|l| l.split_once(" size:"))
            .map(|(_, size)| {
                let numbers: Vec<f64> = size
                    .split_whitespace()
                    .filter_map(|w| w.parse().ok())
                    .collect();
                (numbers[0], numbers[1])
            })
            .collect()
    }

    /// The PDF `bytes`, written to a file `stem`.pdf to be read back.
    pub fn of_bytes(bytes: &[u8], stem: &str) -> Pdf {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{stem}.pdf"));
        std::fs::write(&path, bytes).unwrap();
        Pdf { _dir: dir, path }
    }

    /// `pdfinfo`'s report.
    pub fn info(&self) -> String {
        let out = Command::new("pdfinfo").arg(&self.path).output().unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.info()
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .expect("page count")
    }

    /// The text of every page in the order LibreOffice wrote it (a table
    /// cell's text together), without whitespace.
    pub fn pages(&self) -> Vec<String> {
        (1..=self.page_count())
            .map(|n| {
                text(
                    &self.path,
                    &["-raw", "-f", &n.to_string(), "-l", &n.to_string()],
                )
            })
            .collect()
    }

    /// The whole text in reading order, without whitespace.
    pub fn text(&self) -> String {
        text(&self.path, &[])
    }
}

/// `pdftotext`'s text of `pdf` with `options`, as it prints it.
pub fn raw_text(pdf: &Path, options: &[&str]) -> String {
    let out = Command::new("pdftotext")
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn text(pdf: &Path, options: &[&str]) -> String {
    raw_text(pdf, options)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

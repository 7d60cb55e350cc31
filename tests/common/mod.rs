//! What the integration tests share: the bundled facts files, the jixiao
//! binary run as a clerk runs it, the library's stages run on a text, and
//! ways to change a facts text line by line.
//!
//! Each test file takes it in with `mod common;` and uses the part it needs.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

use jixiao::Analysis;
use jixiao::compute::Figures;
use jixiao::model::{LoadError, load_str};
use jixiao::render::{self, Templates};
use rust_decimal::Decimal;

// ── the bundled files ───────────────────────────────────────────────

/// The reference unit's facts (`data/2024.yaml`), as committed.
pub const REFERENCE: &str = include_str!("../../data/2024.yaml");

/// The reference unit's facts file, as an absolute path.
pub const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/2024.yaml");

/// The repository's root.
/// Chromium's executable: `JIXIAO_CHROMIUM`, or the first of Debian's and
/// others' names on the `PATH`.
pub fn chromium() -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os("JIXIAO_CHROMIUM") {
        return Some(std::path::PathBuf::from(path));
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "chrome"];
    std::env::split_paths(&std::env::var_os("PATH")?)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// The flags a headless Chromium runs with here: no sandbox (root), no GPU,
/// and none of its background connections, which a closed network refuses.
pub const CHROMIUM_FLAGS: [&str; 7] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The path of the file `name`.yaml of the corpus of bad inputs
/// (`tests/bad_inputs/`).
pub fn corpus(name: &str) -> String {
    format!(
        "{}/tests/bad_inputs/{name}.yaml",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The smallest complete facts file (`tests/bad_inputs/minimal.yaml`).
pub fn minimal() -> String {
    std::fs::read_to_string(corpus("minimal")).expect("minimal.yaml is readable")
}

// ── the binary ──────────────────────────────────────────────────────

/// The jixiao binary with `args`, run from the repository root, without
/// colours in its messages.
pub fn jixiao_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    command.args(args).current_dir(root()).env("NO_COLOR", "1");
    command
}

/// Runs jixiao with `args` from the repository root.
pub fn jixiao(args: &[&str]) -> Output {
    jixiao_command(args)
        .output()
        .expect("the jixiao binary runs")
}

/// Runs jixiao with `args` from `dir`.
pub fn jixiao_in(dir: &Path, args: &[&str]) -> Output {
    jixiao_command(args)
        .current_dir(dir)
        .output()
        .expect("the jixiao binary runs")
}

/// A run's standard output, as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A run's standard error, as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ── the library ─────────────────────────────────────────────────────

/// `text` loaded (as the file `name`) and analysed; panics if it does not load.
pub fn analyse(text: &str, name: &str) -> Analysis {
    Analysis::of(load_str(text, name).unwrap_or_else(|e| panic!("{name} loads: {e}")))
}

/// The reference unit, read from its file and analysed.
pub fn analysis() -> Analysis {
    jixiao::analyse_file(Path::new(DATA)).expect("data/2024.yaml loads")
}

/// The reference unit's figures, computed from its text.
pub fn figures() -> Figures {
    analyse(REFERENCE, "data/2024.yaml").figures
}

/// The report of `analysis` in Markdown, with the default templates.
pub fn markdown(analysis: &Analysis) -> String {
    let templates = Templates::load(None).expect("the default templates compile");
    render::markdown(analysis, &templates).expect("the default templates render")
}

/// The error loading `text` gives; panics if it loads.
pub fn load_err(text: &str) -> LoadError {
    match load_str(text, "broken.yaml") {
        Ok(_) => panic!("expected a loading error"),
        Err(e) => e,
    }
}

/// A decimal written in a test.
pub fn d(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|e| panic!("{s} is not a decimal: {e}"))
}

/// The rows of the tables of `markdown` (parsed as every writer reads it)
/// that have a cell reading `first`: the texts of that cell and the cells
/// after it, one list per row found.
pub fn table_rows(markdown: &str, first: &str) -> Vec<Vec<String>> {
    use jixiao::document::{self, Block};
    let doc = document::parse(markdown).expect("the Markdown parses");
    let text = |cell: &document::Cell| {
        let lines: Vec<String> = cell.lines.iter().map(|l| document::plain_text(l)).collect();
        lines.join("\n")
    };
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .flat_map(|t| &t.rows)
        .filter_map(|row| {
            let cells: Vec<String> = row.cells.iter().map(text).collect();
            let at = cells.iter().position(|c| c == first)?;
            Some(cells[at..].to_vec())
        })
        .collect()
}

/// The paragraphs of `markdown` (as every writer reads it), as plain text.
pub fn paragraphs(markdown: &str) -> Vec<String> {
    use jixiao::document::{self, Block};
    let doc = document::parse(markdown).expect("the Markdown parses");
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { content, .. } => Some(document::plain_text(content)),
            _ => None,
        })
        .collect()
}

/// Numbers as they appear in text: digits with an optional decimal part.
pub fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(current.trim_end_matches('.').to_string());
            current.clear();
        }
    }
    out
}

/// What a reader of the Markdown sees as text: without its HTML tags,
/// comments and character references.
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        let close = if rest[at..].starts_with('<') {
            '>'
        } else {
            ';'
        };
        let end = rest[at..].find(close).map_or(rest.len(), |e| at + e + 1);
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

// ── editing a facts text ────────────────────────────────────────────

/// The 1-based numbers of the lines of `text` that contain `needle`.
pub fn lines_containing(text: &str, needle: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The number of the only line of `text` that contains `needle`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let hits = lines_containing(text, needle);
    assert_eq!(
        hits.len(),
        1,
        "expected one line with «{needle}», found {hits:?}"
    );
    hits[0]
}

/// The number of the only line of `text` that is exactly `line`.
pub fn line_no(text: &str, line: &str) -> usize {
    let hits: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| *l == line)
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "expected exactly one line «{line}», found {hits:?}"
    );
    hits[0]
}

/// The number of the first line after line `after` whose text, without its
/// indentation, starts with `prefix`.
pub fn line_after(text: &str, after: usize, prefix: &str) -> usize {
    text.lines()
        .enumerate()
        .skip(after)
        .find(|(_, l)| l.trim_start().starts_with(prefix))
        .map(|(i, _)| i + 1)
        .unwrap_or_else(|| panic!("no line starting with «{prefix}» after line {after}"))
}

/// `text` with line `at` (with its line end) turned into `edit(line)`.
fn edit_line(text: &str, at: usize, edit: impl Fn(&str) -> String) -> String {
    text.split_inclusive('\n')
        .enumerate()
        .map(|(i, l)| if i + 1 == at { edit(l) } else { l.to_string() })
        .collect()
}

/// `text` with its only line that is exactly `old` replaced by `new`, and
/// the number of that line.
pub fn replace_line(text: &str, old: &str, new: &str) -> (String, usize) {
    let at = line_no(text, old);
    (edit_line(text, at, |_| format!("{new}\n")), at)
}

/// `text` with line `line`, which must read `old` (without its line end),
/// replaced by `new`.
pub fn with_line(text: &str, line: usize, old: &str, new: &str) -> String {
    let found = text.split_inclusive('\n').nth(line - 1).unwrap_or_default();
    assert_eq!(found.trim_end(), old, "line {line} of the text moved");
    edit_line(text, line, |_| format!("{new}\n"))
}

/// The indentation of a line.
fn indent(line: &str) -> String {
    line.chars().take_while(|c| *c == ' ').collect()
}

/// `text` with line `at` replaced by `new` (indented like the old line).
pub fn set_line(text: &str, at: usize, new: &str) -> String {
    edit_line(text, at, |l| format!("{}{new}\n", indent(l)))
}

/// `text` with `new` inserted after line `at`, indented like that line.
pub fn insert_after(text: &str, at: usize, new: &str) -> String {
    edit_line(text, at, |l| format!("{l}{}{new}\n", indent(l)))
}

/// `text` without the lines that contain `needle` (at least one).
pub fn remove_lines(text: &str, needle: &str) -> String {
    assert!(
        !lines_containing(text, needle).is_empty(),
        "nothing to remove for «{needle}»"
    );
    text.split_inclusive('\n')
        .filter(|l| !l.contains(needle))
        .collect()
}

/// `text` with each `(from, to)` replaced once; each `from` must be there.
pub fn replaced(text: &str, replacements: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in replacements {
        assert!(text.contains(from), "«{from}» is in the text");
        text = text.replacen(from, to, 1);
    }
    text
}

// ── the live preview ────────────────────────────────────────────────

/// A `jixiao serve` running on a free port, stopped when dropped.
pub struct Served {
    pub child: std::process::Child,
    /// The page's address, as the server printed it.
    pub url: String,
    /// The port it listens on.
    pub port: u16,
}

impl Served {
    /// Starts `jixiao serve` with `args` after the data file (`--port 0`
    /// is added), and waits for the address it prints. The binary is the
    /// test build's, or the one `JIXIAO_BIN` names (a release build, for
    /// measuring).
    pub fn start(data: &Path, args: &[&str]) -> Served {
        use std::io::BufRead;
        let data = data.to_str().expect("a UTF-8 path");
        let mut all = vec!["serve", data, "--port", "0"];
        all.extend_from_slice(args);
        let mut command = jixiao_command(&all);
        if let Some(binary) = std::env::var_os("JIXIAO_BIN") {
            let mut other = Command::new(binary);
            other.args(&all).current_dir(root()).env("NO_COLOR", "1");
            command = other;
        }
        let mut child = command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("jixiao serve starts");
        let stdout = child.stdout.take().expect("piped");
        let mut lines = std::io::BufReader::new(stdout).lines();
        let first = lines
            .next()
            .expect("serve prints its address")
            .expect("UTF-8");
        // The rest of its output is read, so that it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        let url = first
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .unwrap_or_else(|| panic!("no address in {first:?}"))
            .to_string();
        let port = url
            .trim_end_matches('/')
            .rsplit(':')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("no port in {url}"));
        Served { child, url, port }
    }

    /// Sends `request` as written (request line and headers) and returns the
    /// response's status code and body.
    pub fn raw(&self, request: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let mut stream =
            std::net::TcpStream::connect(("127.0.0.1", self.port)).expect("the server listens");
        stream
            .set_read_timeout(Some(std::time::Duration::from_secs(10)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in {response:?}"));
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// A GET of `path` with the `Host` header `host` (in HTTP/1.0, so that
    /// the body comes whole, not in chunks).
    pub fn get(&self, path: &str, host: &str) -> (u16, String) {
        self.raw(&format!("GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n"))
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

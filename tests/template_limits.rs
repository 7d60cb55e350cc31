//! A maintainer's templates cannot make a build endless or enormous: nested
//! huge `range()` loops and output past the budget end the render with a
//! template error; a templates directory whose links loop is read once, and
//! neither a device nor an oversized file in it is read;
//! `templates export --force` replaces a planted link, never writes through it.

mod common;

use std::fs;
use std::path::Path;

use common::{DATA, jixiao_command};
use jixiao::render::{self, RenderError, Templates};

/// Renders the bundled data with `report.md.tera` replaced by `entry`.
fn render_with_entry(entry: &str) -> Result<String, Box<RenderError>> {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("report.md.tera"), entry).unwrap();
    let templates = Templates::load(Some(dir.path())).unwrap();
    let analysis = jixiao::analyse_file(Path::new(DATA)).unwrap();
    render::markdown(&analysis, &templates).map_err(Box::new)
}

/// `jixiao build` of the bundled data with `templates`, into `out`.
fn build_with(templates: &Path, out: &Path) -> std::process::Output {
    jixiao_command(&["build", DATA, "--allow-errors", "-o"])
        .arg(out)
        .arg("--templates")
        .arg(templates)
        .output()
        .unwrap()
}

#[test]
fn nested_huge_ranges_are_a_located_template_error() {
    let entry = "# 报告\n\n{% for i in range(end=100000) %}\n{% for j in range(end=100000) %}{% endfor %}\n{% endfor %}\n";
    let error = render_with_entry(entry).unwrap_err();
    assert_eq!(error.template.as_deref(), Some("report.md.tera"));
    assert_eq!(error.line, Some(4), "{}", error.message);

    // The budget is per render: loops within it render, again and again.
    let within =
        "{% for i in range(end=1000) %}{% for j in range(end=999) %}{% endfor %}{% endfor %}正文\n";
    for _ in 0..3 {
        assert_eq!(render_with_entry(within).unwrap(), "正文\n");
    }
}

#[test]
fn a_template_writing_past_the_output_budget_is_refused() {
    // 400,000 lines of 100 bytes: 40 MB, above the 32 MiB budget, with
    // range() numbers well within theirs.
    let line = "x".repeat(99);
    let entry = format!("{{% for i in range(end=400000) %}}{line}\n{{% endfor %}}");
    let error = render_with_entry(&entry).unwrap_err();
    assert!(error.message.contains("32"), "{}", error.message);

    // Through the command line: refused, and nothing written.
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    fs::create_dir(&templates).unwrap();
    fs::write(templates.join("report.md.tera"), &entry).unwrap();
    let out = dir.path().join("out");
    let built = build_with(&templates, &out);
    assert_eq!(built.status.code(), Some(2), "{built:?}");
    assert!(fs::read_dir(&out).map_or(true, |mut d| d.next().is_none()));
}

#[cfg(unix)]
#[test]
fn a_templates_directory_whose_links_loop_is_read_once() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    let sections = templates.join("sections");
    fs::create_dir_all(&sections).unwrap();
    symlink(&templates, templates.join("self")).unwrap();
    symlink(&templates, templates.join("again")).unwrap();
    symlink("..", sections.join("up")).unwrap();
    symlink("/", templates.join("root")).unwrap();
    let default_basic = render::DEFAULTS
        .iter()
        .find(|(n, _)| *n == "sections/01-basic-info.md.tera")
        .unwrap()
        .1;
    fs::write(
        sections.join("01-basic-info.md.tera"),
        format!("{default_basic}\n本段由维护者改写。\n"),
    )
    .unwrap();

    let loaded = Templates::load(Some(&templates)).unwrap();
    assert_eq!(loaded.names().count(), render::DEFAULTS.len());
    let analysis = jixiao::analyse_file(Path::new(DATA)).unwrap();
    let markdown = render::markdown(&analysis, &loaded).unwrap();
    assert!(markdown.contains("本段由维护者改写。"));

    let files = render::files_under(&templates).unwrap();
    assert_eq!(files, vec![sections.join("01-basic-info.md.tera")]);

    let out = dir.path().join("out");
    let built = build_with(&templates, &out);
    assert!(built.status.success(), "{built:?}");
    assert!(out.join("2024.docx").is_file());
}

#[cfg(unix)]
#[test]
fn export_with_force_replaces_a_planted_link_and_leaves_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("2024.yaml");
    fs::write(&victim, "year: 2024\n").unwrap();
    let templates = dir.path().join("templates");
    fs::create_dir_all(templates.join("sections")).unwrap();
    std::os::unix::fs::symlink(&victim, templates.join("report.md.tera")).unwrap();
    std::os::unix::fs::symlink(&victim, templates.join("sections/07-problems.md.tera")).unwrap();

    // Without --force a link counts as an existing file.
    assert!(render::export(&templates, false).is_err());
    assert!(templates.join("report.md.tera").is_symlink());

    render::export(&templates, true).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "year: 2024\n");
    for (name, text) in render::DEFAULTS {
        let path = templates.join(name);
        assert!(!path.is_symlink(), "{name}");
        assert_eq!(fs::read_to_string(&path).unwrap(), *text, "{name}");
    }
    let leftovers: Vec<_> = fs::read_dir(&templates)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_oversized_template_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // Sparse: the size is set without writing the bytes.
    let entry = dir.path().join("report.md.tera");
    fs::File::create(&entry).unwrap().set_len(2 << 20).unwrap();
    assert!(Templates::load(Some(dir.path())).is_err());
    fs::write(&entry, "正文\n").unwrap();
    assert!(Templates::load(Some(dir.path())).is_ok());
}

#[cfg(unix)]
#[test]
fn a_device_linked_as_a_template_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("report.md.tera")).unwrap();
    let loaded = Templates::load(Some(dir.path())).unwrap();
    assert_eq!(loaded.names().count(), render::DEFAULTS.len());
}

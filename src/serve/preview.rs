//! One build of the preview: the facts analysed, the report rendered and
//! parsed as a build does, its body written by the HTML writer, each figure
//! it prints wrapped in an element naming it ([`crate::render::filters::marks`]);
//! or, when a stage fails, the located message for the page's banner.
//!
//! The figures are linked only when the marked report says exactly what the
//! report says: its Markdown without the marks is the report's Markdown, and
//! its HTML body without the figure elements is the report's HTML body.
//! Otherwise the page shows the report's own body, without links.

use std::path::Path;

use serde::Serialize;

use crate::analysis::{Analysis, analyse_file};
use crate::audit::Finding;
use crate::render::filters::marks;
use crate::render::{self, RenderError, Templates};
use crate::{document, html};

/// The templates of a preview: as a build renders, and with figure marks.
pub struct PreviewTemplates {
    pub plain: Templates,
    pub marking: Templates,
}

impl PreviewTemplates {
    pub fn load(dir: Option<&Path>) -> Result<PreviewTemplates, Banner> {
        let plain = Templates::load(dir).map_err(|e| Banner::render("模板读不进", &e))?;
        let marking = Templates::load_marking(dir).map_err(|e| Banner::render("模板读不进", &e))?;
        Ok(PreviewTemplates { plain, marking })
    }
}

/// A report as the page shows it.
pub struct Preview {
    /// The facts, figures and findings it was built from.
    pub analysis: Analysis,
    /// The report's title, for the page's `<title>`.
    pub title: String,
    /// The report's body as HTML; each figure printed in it an element
    /// `<span class="jx-fig" data-figure="NAME">` when `linked`.
    pub body: String,
    pub linked: bool,
}

/// A failed build, as the page's banner shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Banner {
    /// What failed, in a few words.
    pub title: String,
    /// The located message, with the lines around the place as the command
    /// line shows them.
    pub message: String,
    /// The file and line of the place, when known.
    pub file: Option<String>,
    pub line: Option<usize>,
}

impl Banner {
    fn of(
        title: &str,
        error: &dyn miette::Diagnostic,
        file: Option<String>,
        line: Option<usize>,
    ) -> Banner {
        let mut message = String::new();
        let handler =
            miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
        if handler.render_report(&mut message, error).is_err() {
            message = error.to_string();
        }
        Banner {
            title: title.into(),
            message,
            file,
            line,
        }
    }

    fn render(title: &str, e: &RenderError) -> Banner {
        Banner::of(title, e, e.template.clone(), e.line)
    }

    fn plain(title: &str, message: String) -> Banner {
        Banner {
            title: title.into(),
            message,
            file: None,
            line: None,
        }
    }
}

/// The findings as the page lists them.
#[derive(Serialize)]
pub struct FindingsView<'a> {
    pub file: &'a str,
    pub findings: &'a [Finding],
}

/// Builds the preview of `data` with `templates`.
pub fn build(data: &Path, templates: &PreviewTemplates) -> Result<Preview, Banner> {
    let analysis = analyse_file(data).map_err(|e| {
        let line = e.at.map(|at| at.line);
        Banner::of("数据文件读不进", &e, Some(e.file.clone()), line)
    })?;
    let markdown = render::markdown(&analysis, &templates.plain)
        .map_err(|e| Banner::render("模板出错", &e))?;
    let document = document::parse(&markdown)
        .map_err(|e| Banner::plain("报告无法排版", format!("报告 Markdown {e}")))?;
    let title = html::title(&document);
    let body = html::body_html(&document);
    let (body, linked) = match linked_body(&analysis, &markdown, &body, templates) {
        Some(linked) => (linked, true),
        None => (body, false),
    };
    Ok(Preview {
        analysis,
        title,
        body,
        linked,
    })
}

/// The body with its figures linked, when the marked report says exactly
/// what `markdown` and `body` say.
fn linked_body(
    analysis: &Analysis,
    markdown: &str,
    body: &str,
    templates: &PreviewTemplates,
) -> Option<String> {
    if marks::has_mark_characters(markdown) {
        return None;
    }
    let marked = render::markdown(analysis, &templates.marking).ok()?;
    if marks::strip(&marked) != markdown {
        return None;
    }
    let marked_body = html::body_html(&document::parse(&marked).ok()?);
    if marks::replace(&marked_body, |_| None, "") != body {
        return None;
    }
    let figures = &analysis.figures;
    let open = |index: usize| {
        let name = &figures.at(index)?.name;
        let mut attribute = String::new();
        html::escape(name, &mut attribute);
        Some(format!(
            "<span class=\"jx-fig\" data-figure=\"{attribute}\">"
        ))
    };
    Some(marks::replace(&marked_body, open, "</span>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates() -> PreviewTemplates {
        PreviewTemplates::load(None).unwrap()
    }

    /// The `data-figure` names of a body, in order.
    fn linked_names(body: &str) -> Vec<String> {
        body.split("<span class=\"jx-fig\" data-figure=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap().to_string())
            .collect()
    }

    /// `body` without the figure elements.
    fn unlinked(body: &str) -> String {
        let mut out = String::new();
        for (i, part) in body
            .split("<span class=\"jx-fig\" data-figure=\"")
            .enumerate()
        {
            let part = if i == 0 {
                part
            } else {
                part.split_once("\">").unwrap().1
            };
            out.push_str(part);
        }
        // Each figure's text holds no element, so its closing tag is the
        // first `</span>` after it; the report itself writes no span.
        out.replace("</span>", "")
    }

    #[test]
    fn the_bundled_report_is_the_html_writers_with_its_figures_linked() {
        let data = Path::new("data/2024.yaml");
        let preview = build(data, &templates()).unwrap();
        assert!(preview.linked);
        let markdown =
            render::markdown(&preview.analysis, &Templates::load(None).unwrap()).unwrap();
        let document = document::parse(&markdown).unwrap();
        assert!(!html::body_html(&document).contains("<span"));
        assert_eq!(unlinked(&preview.body), html::body_html(&document));
        assert_eq!(preview.title, html::title(&document));
        let names = linked_names(&preview.body);
        assert!(names.len() > 200, "{}", names.len());
        for name in &names {
            assert!(preview.analysis.figures.get(name).is_some(), "{name}");
        }
        for name in [
            "overall.execution_rate",
            "basic.actual",
            "unit.total_score",
            "unit.grade",
        ] {
            assert!(names.iter().any(|n| n == name), "{name}");
        }
    }

    #[test]
    fn a_report_whose_text_has_a_mark_character_is_shown_without_links() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("2024.yaml");
        let text = std::fs::read_to_string("data/2024.yaml").unwrap();
        let name = "name: 湖南省工业和信息化行业事务中心";
        assert!(text.contains(name));
        let marked = text.replacen(name, "name: 湖南省工业和信息化\u{E000}行业事务中心", 1);
        std::fs::write(&data, marked).unwrap();
        let preview = build(&data, &templates()).unwrap();
        assert!(!preview.linked);
        assert!(!preview.body.contains("jx-fig"));
        assert!(preview.body.contains("信息化\u{E000}行业"));
    }

    #[test]
    fn a_failed_build_is_a_banner_with_its_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("2024.yaml");
        let text = std::fs::read_to_string("data/2024.yaml").unwrap();
        let (line, _) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.starts_with("  actual: 6078.91"))
            .unwrap();
        std::fs::write(
            &data,
            text.replacen("  actual: 6078.91", "  actual: [6078.91", 1),
        )
        .unwrap();
        let banner = build(&data, &templates()).err().unwrap();
        assert_eq!(banner.line, Some(line + 1));
        assert!(banner.message.contains(&format!("{}", line + 1)));

        let templates_dir = dir.path().join("templates");
        std::fs::create_dir(&templates_dir).unwrap();
        std::fs::write(
            templates_dir.join("report.md.tera"),
            "# 标题\n\n{{ \"十二\" | money }}\n",
        )
        .unwrap();
        let templates = PreviewTemplates::load(Some(&templates_dir)).unwrap();
        let banner = build(Path::new("data/2024.yaml"), &templates)
            .err()
            .unwrap();
        assert_eq!(banner.file.as_deref(), Some("report.md.tera"));
        assert_eq!(banner.line, Some(3));
        std::fs::write(templates_dir.join("report.md.tera"), "{% if %}").unwrap();
        assert!(PreviewTemplates::load(Some(&templates_dir)).is_err());
    }
}

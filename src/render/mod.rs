//! Rendering: facts and figures → Tera context → Markdown through the
//! templates, within a budget ([`budget`]). The Markdown is the single
//! source of every output; laying it out is the driver's
//! ([`crate::pipeline`]), not this stage's.

mod budget;
pub mod context;
mod error;
pub mod filters;
mod templates;
pub mod vars;

pub use error::RenderError;
pub use templates::{DEFAULTS, ENTRY, Templates, export, files_under};

use crate::Analysis;

/// Renders the whole report as Markdown; with figure marks when the
/// templates were loaded for them ([`Templates::load_marking`]).
pub fn markdown(analysis: &Analysis, templates: &Templates) -> Result<String, RenderError> {
    let context = if templates.marking {
        context::marked_context(analysis)
    } else {
        context::context(analysis)
    };
    let mut output = budget::Output::with_capacity(64 * 1024);
    budget::start();
    let rendered = templates.tera.render_to(ENTRY, &context, &mut output);
    if output.exceeded {
        return Err(RenderError::io(format!(
            "模板输出超过上限 {} MiB，未生成报告；请检查模板中的循环和 include",
            budget::MAX_OUTPUT_BYTES >> 20
        )));
    }
    rendered.map_err(|e| RenderError::from_tera(&e, &templates.sources))?;
    let text = output.bytes;
    // Templates and values are text, so this holds; checked by simdutf8,
    // several times faster on Chinese text than the standard library.
    let text = simdutf8::basic::from_utf8(&text)
        .map_err(|_| RenderError::io("模板输出不是 UTF-8 文本".into()))?;
    let text = tidy(text);
    crate::document::check_characters(&text)
        .map_err(|e| RenderError::io(format!("模板生成的报告 Markdown {e}")))?;
    Ok(text)
}

/// Collapses runs of blank lines left by template control tags and ends the
/// file with one newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if blank > 0 && !out.is_empty() {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

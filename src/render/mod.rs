//! Rendering: facts and figures → Tera context → Markdown through the templates.

pub mod context;
pub mod filters;
pub mod vars;

//! The preview page: the report's body and stylesheet from the HTML writer
//! ([`crate::html`]), a banner for a failed build, the findings panel and
//! the popover, and the script that keeps them current ([`SCRIPT`]): it
//! listens to the event stream, fetches the report's JSON on each event,
//! and fetches a figure's trace when it is clicked or hovered. Every text
//! the script adds is set as text, never as markup; the report's body is
//! the HTML writer's, whose text is escaped.

use super::live::Live;
use crate::html;

pub const HTML: &str = "text/html; charset=utf-8";
pub const JAVASCRIPT: &str = "text/javascript; charset=utf-8";
pub const CSS: &str = "text/css; charset=utf-8";
pub const JSON: &str = "application/json; charset=utf-8";
pub const TEXT: &str = "text/plain; charset=utf-8";

/// The page's script.
pub const SCRIPT: &str = include_str!("preview.js");
/// The page's own stylesheet: the panel, banner, popover and highlights.
pub const STYLE: &str = include_str!("preview.css");

/// The page as it is now: the last good report (or none yet), the banner
/// when the last build failed.
pub fn page(live: &Live) -> String {
    let (version, report, error) = live.current();
    let mut title = String::new();
    html::escape(
        report.as_ref().map_or("jixiao 预览", |r| r.title.as_str()),
        &mut title,
    );
    let body = report.as_ref().map_or("", |r| r.body.as_str());
    let (hidden, banner_title, banner_message) = match &error {
        Some(banner) => {
            let (mut t, mut m) = (String::new(), String::new());
            html::escape(&banner.title, &mut t);
            html::escape(&banner.message, &mut m);
            ("", t, m)
        }
        None => (" hidden", String::new(), String::new()),
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
{report_style}</style>
<link rel="stylesheet" href="/preview.css">
<script src="/preview.js" defer></script>
</head>
<body class="jx-preview" data-version="{version}">
<div id="jx-banner" role="alert"{hidden}><strong id="jx-banner-title">{banner_title}</strong><pre id="jx-banner-message">{banner_message}</pre></div>
<div class="jx-layout">
<main id="jx-report">
{body}</main>
<aside id="jx-panel"><h2>核对结果</h2><p id="jx-summary"></p><ol id="jx-findings"></ol></aside>
</div>
<div id="jx-popover" role="tooltip" hidden></div>
</body>
</html>
"#,
        lang = html::LANG,
        report_style = html::stylesheet(),
    )
}

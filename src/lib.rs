//! jixiao (绩效): writes a unit's annual 整体支出绩效自评报告 from a YAML file of
//! the year's facts.
//!
//! The stages run in one direction, driven by [`pipeline`]:
//!
//! | stage   | module       | from → to                                              |
//! |---------|--------------|--------------------------------------------------------|
//! | load    | [`model`]    | YAML → facts, each value with its line                 |
//! | analyse | [`analysis`] | facts → figures ([`compute`]) and findings ([`audit`]) |
//! | render  | [`render`]   | analysis → Markdown through the templates              |
//! | parse   | [`document`] | Markdown → `Document` (paragraphs, tables, hints)      |
//! | write   | [`docx`]     | `Document` → DOCX laid out to GB/T 9704                |
//! |         | [`html`]     | `Document` → one self-contained HTML page              |
//! |         | [`pdf`]      | `Document` → PDF typeset to the same layout (typst)    |
//! | commit  | [`output`]   | a unit's files → disk, all or nothing                  |
//!
//! Beside them: [`diff`] compares two files through the same stages,
//! [`explain`] traces a figure back to its facts, [`init`] writes next year's
//! file, [`watch`] rebuilds on every save, [`serve`] previews the report in
//! the browser as it is edited, [`schema`] describes the facts file for
//! editors, [`rounding`] owns how every figure is rounded,
//! [`characters`] names the characters a report cannot carry, and
//! [`parallel`] spreads a batch's units over the cores. The command
//! line (`src/cli/`) parses arguments and prints; it turns errors into
//! reports, and nothing else does.

// A load error carries its source for display and is made at most once per
// file; keeping it unboxed keeps its fields plain to match on.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod audit;
pub mod characters;
pub mod compute;
pub mod diff;
pub mod document;
pub mod docx;
pub mod explain;
pub mod html;
pub mod init;
pub mod model;
pub mod output;
pub mod parallel;
pub mod pdf;
pub mod pipeline;
pub mod render;
pub mod rounding;
pub mod schema;
pub mod serve;
pub mod watch;

pub use analysis::{Analysis, analyse_file};

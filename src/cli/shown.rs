//! How a unit's findings and a build's errors read on a terminal, for every
//! command that prints them.

use jixiao::Analysis;
use jixiao::audit::Finding;
use jixiao::pipeline::BuildError;

/// The findings for a reader.
pub fn human(analysis: &Analysis) -> String {
    let mut out = String::new();
    let name = &analysis.loaded.name;
    if analysis.findings.is_empty() {
        out.push_str(&format!(
            "{name}：核对通过，未发现问题（共 {} 个数字）\n",
            analysis.figures.iter().count()
        ));
        return out;
    }
    out.push_str(&format!(
        "{name}：{} 处错误，{} 处警告\n\n",
        analysis.errors(),
        analysis.warnings()
    ));
    for f in &analysis.findings {
        out.push_str(&finding_line(name, f));
    }
    out
}

fn finding_line(file: &str, f: &Finding) -> String {
    let at = match f.lines.first() {
        Some(l) => format!("{file}:{l}"),
        None => file.to_string(),
    };
    format!(
        "{} {} {}：{}\n  --> {at}\n\n",
        f.severity.label(),
        f.code,
        f.title,
        f.message
    )
}

/// A build error for the reader: a load or template error with its source
/// lines shown, any other as its sentence.
pub fn shown(e: BuildError) -> String {
    match e {
        BuildError::Load(e) => format!("{:?}", miette::Report::new(e)),
        BuildError::Templates(e) | BuildError::Render(e) => {
            format!("{:?}", miette::Report::new(e))
        }
        other => other.to_string(),
    }
}

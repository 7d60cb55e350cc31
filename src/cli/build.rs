//! `jixiao build`, `jixiao vars` and `jixiao templates export`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jixiao::output::{self, Written};
use jixiao::render::{self, Templates};
use jixiao::{Analysis, analyse_file};

use super::check::{human, load_failed};

/// Output formats of `build`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Markdown
    Md,
    /// Word（GB/T 9704 版式）
    Docx,
}

pub struct BuildArgs {
    pub data: Vec<PathBuf>,
    pub out: PathBuf,
    pub templates: Option<PathBuf>,
    pub formats: Vec<OutputFormat>,
    pub allow_errors: bool,
}

fn template_failed(e: render::RenderError) -> ExitCode {
    eprintln!("{:?}", miette::Report::new(e));
    ExitCode::from(2)
}

pub fn build(args: &BuildArgs) -> ExitCode {
    let templates = match Templates::load(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => return template_failed(e),
    };
    let mut status = ExitCode::SUCCESS;
    for data in &args.data {
        let code = build_one(data, args, &templates);
        if code != ExitCode::SUCCESS {
            status = code;
        }
    }
    status
}

fn build_one(data: &Path, args: &BuildArgs, templates: &Templates) -> ExitCode {
    let analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    print!("{}", human(&analysis));
    if analysis.errors() > 0 && !args.allow_errors {
        eprintln!(
            "{}：有 {} 处错误，未生成报告；改正后重试，或加 --allow-errors 照样生成",
            data.display(),
            analysis.errors()
        );
        return ExitCode::from(1);
    }
    let markdown = match render::markdown(&analysis, templates) {
        Ok(m) => m,
        Err(e) => return template_failed(e),
    };
    let stem = data
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_else(|| "report".into());
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if args.formats.contains(&OutputFormat::Docx) {
        match render::docx(&markdown) {
            Ok(bytes) => outputs.push((args.out.join(format!("{stem}.docx")), bytes)),
            Err(e) => {
                eprintln!("{}：{e}", data.display());
                return ExitCode::from(2);
            }
        }
    }
    if args.formats.contains(&OutputFormat::Md) {
        outputs.insert(
            0,
            (args.out.join(format!("{stem}.md")), markdown.into_bytes()),
        );
    }
    let inputs = vec![data.to_path_buf()];
    for (path, bytes) in outputs {
        match output::write(&path, &bytes, &inputs) {
            Ok(Written::Changed) => println!("已生成 {}", path.display()),
            Ok(Written::Unchanged) => println!("未变化 {}", path.display()),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    ExitCode::SUCCESS
}

pub fn vars(data: &Path) -> ExitCode {
    let analysis: Analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    let (_, vars) = render::context::build(&analysis);
    println!("变量路径\t含义\t本文件中的值");
    for v in vars {
        println!("{}\t{}\t{}", v.path, v.meaning, v.value);
    }
    ExitCode::SUCCESS
}

pub fn export(dir: &Path, force: bool) -> ExitCode {
    match render::export(dir, force) {
        Ok(files) => {
            for f in &files {
                println!("已写出 {}", f.display());
            }
            println!(
                "共 {} 个模板；修改后用 jixiao build DATA.yaml --templates {} 生成",
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.message);
            ExitCode::from(2)
        }
    }
}

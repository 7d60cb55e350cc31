//! Argument parsing and the subcommands' output. Exit codes: 0 clean or
//! warnings only, 1 findings at error level (or warnings with
//! `--deny-warnings`), 2 the file cannot be read or parsed.

mod build;
mod check;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "jixiao",
    version,
    about = "整体支出绩效自评报告生成器：YAML 事实 → 精确计算 → 勾稽核对 → 报告",
    after_help = "示例：\n  jixiao check data/2024.yaml\n  jixiao explain data/2024.yaml overall.execution_rate\n  jixiao explain data/2024.yaml --list"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 核对数据文件：计算所有派生数并列出不一致之处
    #[command(
        after_help = "退出码：0 无错误（可有警告）；1 有错误（或 --deny-warnings 时有警告）；2 文件无法读取或解析\n\n示例：\n  jixiao check data/2024.yaml\n  jixiao check data/2024.yaml --format json --deny-warnings"
    )]
    Check {
        /// 数据文件（YAML）
        data: PathBuf,
        /// 输出格式
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 有警告也以退出码 1 结束
        #[arg(long)]
        deny_warnings: bool,
    },
    /// 生成报告：核对数据，再经模板生成 Markdown 和 DOCX
    #[command(
        after_help = "示例：\n  jixiao build data/2024.yaml\n  jixiao build data/2024.yaml -o out --templates my-templates\n  jixiao build data/2024.yaml --allow-errors"
    )]
    Build {
        /// 数据文件（YAML），可以有多个
        #[arg(required = true)]
        data: Vec<PathBuf>,
        /// 输出目录
        #[arg(short = 'o', long = "out", default_value = "out")]
        out: PathBuf,
        /// 模板目录：其中的文件替换同名的默认模板
        #[arg(long)]
        templates: Option<PathBuf>,
        /// 输出格式，逗号分隔
        #[arg(long, value_enum, value_delimiter = ',', default_value = "md,docx")]
        format: Vec<build::OutputFormat>,
        /// 有错误级别的核对结果时仍然生成
        #[arg(long)]
        allow_errors: bool,
    },
    /// 数据字典：模板可用的每个变量、含义和本文件中的值
    #[command(
        after_help = "示例：\n  jixiao vars data/2024.yaml\n  jixiao vars data/2024.yaml | grep overall"
    )]
    Vars {
        /// 数据文件（YAML）
        data: PathBuf,
    },
    /// 模板维护
    Templates {
        #[command(subcommand)]
        command: TemplatesCommand,
    },
    /// 解释一个派生数：数值、公式和来源，逐层追溯到 YAML 中的事实
    #[command(
        after_help = "示例：\n  jixiao explain data/2024.yaml overall.execution_rate\n  jixiao explain data/2024.yaml 'project[业务工作经费].total_score'\n  jixiao explain data/2024.yaml --list"
    )]
    Explain {
        /// 数据文件（YAML）
        data: PathBuf,
        /// 数字名称，如 overall.execution_rate
        #[arg(required_unless_present = "list")]
        figure: Option<String>,
        /// 列出所有数字名称
        #[arg(long)]
        list: bool,
    },
}

#[derive(Subcommand)]
enum TemplatesCommand {
    /// 把默认模板写到目录中，供修改
    #[command(
        after_help = "示例：\n  jixiao templates export my-templates\n  jixiao templates export my-templates --force"
    )]
    Export {
        /// 目标目录
        dir: PathBuf,
        /// 覆盖已存在的文件
        #[arg(long)]
        force: bool,
    },
}

/// Output format of `check`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// 供人阅读
    Human,
    /// JSON，供脚本处理
    Json,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            data,
            format,
            deny_warnings,
        } => check::check(&data, format, deny_warnings),
        Command::Explain { data, figure, list } => check::explain(&data, figure.as_deref(), list),
        Command::Build {
            data,
            out,
            templates,
            format,
            allow_errors,
        } => build::build(&build::BuildArgs {
            data,
            out,
            templates,
            formats: format,
            allow_errors,
        }),
        Command::Vars { data } => build::vars(&data),
        Command::Templates {
            command: TemplatesCommand::Export { dir, force },
        } => build::export(&dir, force),
    }
}

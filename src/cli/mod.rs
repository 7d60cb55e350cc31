//! Argument parsing and the subcommands' output. Exit codes: 0 clean or
//! warnings only, 1 findings at error level (or warnings with
//! `--deny-warnings`), 2 the file cannot be read or parsed.

#[macro_use]
mod streams;

mod build;
mod check;
mod diff;
mod init;
mod new;
mod schema;
mod serve;
mod shown;
mod templates;
mod usage;
mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "jixiao",
    version,
    about = "整体支出绩效自评报告生成器：YAML 事实 → 精确计算 → 勾稽核对 → 报告",
    after_help = "示例：\n  jixiao new data/2025.yaml\n  jixiao check data/2024.yaml\n  jixiao explain data/2024.yaml overall.execution_rate\n  jixiao explain data/2024.yaml --list\n  jixiao diff data/2024.yaml data/2024-改.yaml\n  jixiao watch data/2024.yaml\n  jixiao serve data/2024.yaml\n  jixiao init --from data/2024.yaml --year 2025"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// 核对数据文件：计算所有派生数并列出不一致之处
    #[command(
        after_help = "核对之外，还用与 build 相同的模板在内存中试生成报告（不写文件），check 通过的文件 build 一定能生成；要生成 PDF 时加 --pdf，连 PDF 一起试排（用本机字体）。\n每条结果以代码开头（如 J013），jixiao check --explain 代码 说明其含义和改正方法，全部代码见 docs/findings.md。\n退出码：0 无错误（可有警告）；1 有错误、报告无法生成（或 --deny-warnings 时有警告）；2 文件无法读取或解析\n\n示例：\n  jixiao check data/2024.yaml\n  jixiao check data/2024.yaml --format json --deny-warnings\n  jixiao check data/2024.yaml --templates my-templates\n  jixiao check data/2024.yaml --pdf --font-dir fonts\n  jixiao check --explain J013"
    )]
    Check {
        /// 数据文件（YAML）
        #[arg(required_unless_present = "explain")]
        data: Option<PathBuf>,
        /// 说明一个审核结果代码（如 J013）：含义、示例、常见原因和改正方法，同 docs/findings.md
        #[arg(long, value_name = "CODE", conflicts_with = "data")]
        explain: Option<String>,
        /// 输出格式：human（供人阅读，默认）或 json（供脚本处理，读不进的文件也输出 JSON）
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 有警告也以退出码 1 结束
        #[arg(long)]
        deny_warnings: bool,
        /// 模板目录（与 build 所用的相同），用它试生成报告；不写则用内置模板
        #[arg(long, value_name = "DIR")]
        templates: Option<PathBuf>,
        /// 也在内存中试排 PDF（用本机字体）：字体缺少报告中的字符时报错
        #[arg(long)]
        pdf: bool,
        /// 试排 PDF 时另外查找字体的目录（与 build 的 --font-dir 相同，可多次给出）
        #[arg(long = "font-dir", value_name = "DIR", requires = "pdf")]
        font_dirs: Vec<PathBuf>,
        /// 试排 PDF 所遵循的标准（与 build 的 --pdf-standard 相同）
        #[arg(long, value_enum, requires = "pdf")]
        pdf_standard: Option<build::PdfStandard>,
        /// 试排 PDF 的文档日期（与 build 的 --pdf-date 相同）
        #[arg(long, value_name = "YYYY-MM-DD", requires = "pdf")]
        pdf_date: Option<jixiao::pdf::Date>,
    },
    /// 生成报告：核对数据，再经模板生成 Markdown 和 DOCX
    #[command(
        after_help = "多个数据文件并行生成；某个单位失败不影响其他单位，最后列出汇总；有单位失败时退出码非 0。\n\n示例：\n  jixiao build data/2024.yaml\n  jixiao build data/2024.yaml -o out --templates my-templates\n  jixiao build data/2024.yaml --allow-errors\n  jixiao build data/*.yaml -o out --quiet"
    )]
    Build {
        /// 数据文件（YAML），可以有多个
        #[arg(required = true)]
        data: Vec<PathBuf>,
        #[command(flatten)]
        output: OutputArgs,
        /// 只输出失败的单位和汇总
        #[arg(short, long)]
        quiet: bool,
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
        after_help = "示例：\n  jixiao explain data/2024.yaml overall.execution_rate\n  jixiao explain data/2024.yaml 'project[业务工作经费].total_score'\n  jixiao explain data/2024.yaml overall.execution_rate --format json\n  jixiao explain data/2024.yaml --list"
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
        /// 输出格式：human（树形，供人阅读，默认）或 json（供脚本处理）
        #[arg(long, value_enum, default_value_t = Format::Human, conflicts_with = "list")]
        format: Format,
    },
    /// 比较两份数据文件：事实、派生数和报告文字各有哪些变化
    #[command(
        after_help = "分三层列出：事实变化（YAML 路径，旧 → 新）、派生数变化（数名，旧 → 新，及其所依据的变化的事实）、\n报告文字变化（段落和表格单元格，旧 → 新）。有无差别都以退出码 0 结束；文件无法读取为 2。\n\n示例：\n  jixiao diff data/2024.yaml data/2024-改.yaml\n  jixiao diff data/2024.yaml data/2024-改.yaml --format json\n  jixiao diff old.yaml new.yaml --templates my-templates"
    )]
    Diff {
        /// 旧的数据文件（YAML）
        old: PathBuf,
        /// 新的数据文件（YAML）
        new: PathBuf,
        /// 输出格式：human（供人阅读，默认）或 json（供脚本处理）
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// 模板目录：其中的文件替换同名的默认模板
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// 为新单位写出一份带注释的数据文件，逐项填写后即可生成报告（第一步）
    #[command(
        after_help = "写出的文件含全部部分、一个项目和各类指标各一例（≥ 指标、≤ 指标、定性指标、满意度）；\n须填的数字写作 ~，须改写的文字以“待填：”开头；jixiao check 逐项列出尚未填写的数字和文字，填完才能通过。\n不覆盖已存在的文件，除非加 --force。\n\n示例：\n  jixiao new data/2025.yaml\n  jixiao check data/2025.yaml"
    )]
    New {
        /// 要写出的数据文件（YAML），如 data/2025.yaml
        path: PathBuf,
        /// 覆盖已存在的文件
        #[arg(long)]
        force: bool,
    },
    /// 由本年的数据文件生成下一年的数据文件
    #[command(
        after_help = "沿用单位情况、内设机构、指标体系和文字；本年决算数转为下一年的上年决算数（如三公经费、各项目）；\n下一年的预算数、决算数、在职人数、指标完成值和得分写作 ~（待填），jixiao check 逐项列出，填完才能通过。\n不覆盖已存在的文件，除非加 --force。\n\n示例：\n  jixiao init --from data/2024.yaml --year 2025\n  jixiao init --from data/2024.yaml --year 2025 -o data/2025.yaml --force"
    )]
    Init {
        /// 本年的数据文件（YAML）
        #[arg(long)]
        from: PathBuf,
        /// 下一年的年度，如 2025
        #[arg(long)]
        year: u32,
        /// 写到哪个文件（默认与 --from 同目录的 <年度>.yaml）
        #[arg(short = 'o', long = "out")]
        out: Option<PathBuf>,
        /// 覆盖已存在的文件
        #[arg(long)]
        force: bool,
    },
    /// 监视数据文件和模板，每次保存后自动重新生成报告
    #[command(
        after_help = "每次保存数据文件或模板目录中的文件后（由系统的文件通知得知，约 0.05 秒无新改动时）重新生成，与 jixiao build 相同；\n打印核对结果和用时。保存到一半的文件读不进时只报错，保留上次的输出，下次保存再生成。按 Ctrl-C 结束。\n\n示例：\n  jixiao watch data/2024.yaml\n  jixiao watch data/2024.yaml --templates my-templates -o out --allow-errors"
    )]
    Watch {
        /// 数据文件（YAML）
        data: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// 在浏览器中预览报告：保存数据文件或模板后页面自动更新，并显示核对结果和每个数字的来历
    #[command(
        after_help = "启动本机的预览服务器并打印网址，用浏览器打开即可：页面是报告正文（与 --format html 相同的排版），\n右侧列出核对结果，点击一条即在正文中标出它涉及的数字；点击或指向正文中的数字，显示它的计算公式和来源（同 jixiao explain）。\n每次保存数据文件或模板目录中的模板后，页面在约 0.1 秒内自动更新，不必刷新；读不进或生成失败时，页面顶部显示错误及其所在行，下面保留上次的报告。\n只读：不写任何文件。默认只在 127.0.0.1 上监听，其他计算机访问不到；--host 可改，但会有警告。按 Ctrl-C 结束。\n\n示例：\n  jixiao serve data/2024.yaml\n  jixiao serve data/2024.yaml --templates my-templates --port 8080"
    )]
    Serve {
        /// 数据文件（YAML）
        data: PathBuf,
        /// 模板目录：其中的文件替换同名的默认模板（一并监视）
        #[arg(long)]
        templates: Option<PathBuf>,
        /// 端口（默认 4000；0 表示任选一个空闲端口）
        #[arg(long, default_value_t = 4000)]
        port: u16,
        /// 监听的地址（默认 127.0.0.1，只有本机能访问）
        #[arg(long, default_value = "127.0.0.1")]
        host: String,
    },
    /// 输出事实文件的 JSON Schema（供编辑器补全键名、检查类型）
    #[command(
        after_help = "数据文件第一行写 # yaml-language-server: $schema=../schema/jixiao.schema.json，\n装有 YAML 插件的编辑器即按此补全和检查，见 docs/data.md。\n\n示例：\n  jixiao schema\n  jixiao schema > schema/jixiao.schema.json"
    )]
    Schema,
}

/// Where and how `build` and `watch` write the report.
#[derive(clap::Args)]
struct OutputArgs {
    /// 输出目录（默认 out）
    #[arg(short = 'o', long = "out", default_value = "out")]
    out: PathBuf,
    /// 模板目录：其中的文件替换同名的默认模板（watch 时也一并监视）
    #[arg(long)]
    templates: Option<PathBuf>,
    /// 输出格式：md（Markdown）、docx（Word）、html（网页）、pdf，逗号分隔（默认 md,docx）
    #[arg(long, value_enum, value_delimiter = ',', default_value = "md,docx")]
    format: Vec<build::OutputFormat>,
    /// 有错误级别的核对结果时仍然生成
    #[arg(long)]
    allow_errors: bool,
    /// PDF 另外查找字体的目录（可多次给出；系统字体总会查找）
    #[arg(long = "font-dir", value_name = "DIR")]
    font_dirs: Vec<PathBuf>,
    /// PDF 遵循的标准：a-2b（PDF/A-2b，供归档）
    #[arg(long, value_enum)]
    pdf_standard: Option<build::PdfStandard>,
    /// PDF 的文档日期（年-月-日，如 2025-03-31）；不给则不写日期。PDF/A 必须给出
    #[arg(long, value_name = "YYYY-MM-DD")]
    pdf_date: Option<jixiao::pdf::Date>,
}

impl OutputArgs {
    fn for_build(self, data: Vec<PathBuf>, quiet: bool) -> build::BuildArgs {
        build::BuildArgs {
            data,
            out: self.out,
            templates: self.templates,
            formats: self.format,
            allow_errors: self.allow_errors,
            pdf: jixiao::pdf::Settings {
                font_dirs: self.font_dirs,
                standard: self.pdf_standard.map_or(Default::default(), Into::into),
                date: self.pdf_date,
            },
            quiet,
        }
    }
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

/// Output format of `check` and `diff`.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// 供人阅读
    Human,
    /// JSON，供脚本处理
    Json,
}

pub fn run() -> ExitCode {
    let command = usage::localised(Cli::command());
    let cli = match command
        .clone()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(e) => {
            let args: Vec<String> = std::env::args_os()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            return usage::report(&e, command, &args);
        }
    };
    match cli.command {
        Command::Check {
            explain: Some(code),
            ..
        } => check::explain_code(&code),
        Command::Check {
            data,
            format,
            deny_warnings,
            templates,
            pdf,
            font_dirs,
            pdf_standard,
            pdf_date,
            explain: None,
        } => match data {
            Some(data) => {
                let pdf = pdf.then(|| jixiao::pdf::Settings {
                    font_dirs,
                    standard: pdf_standard.map_or(Default::default(), Into::into),
                    date: pdf_date,
                });
                check::check(
                    &data,
                    format,
                    deny_warnings,
                    templates.as_deref(),
                    pdf.as_ref(),
                )
            }
            None => unreachable!("clap requires the data file unless --explain is given"),
        },
        Command::Explain {
            data,
            figure,
            list,
            format,
        } => check::explain(&data, figure.as_deref(), list, format),
        Command::Build {
            data,
            output,
            quiet,
        } => build::build(&output.for_build(data, quiet)),
        Command::Vars { data } => templates::vars(&data),
        Command::Templates {
            command: TemplatesCommand::Export { dir, force },
        } => templates::export(&dir, force),
        Command::Diff {
            old,
            new,
            format,
            templates,
        } => diff::diff(&old, &new, format, templates.as_ref()),
        Command::New { path, force } => new::new(&path, force),
        Command::Init {
            from,
            year,
            out,
            force,
        } => init::init(&from, year, out.as_deref(), force),
        Command::Watch { data, output } => watch::watch(output.for_build(vec![data], false)),
        Command::Serve {
            data,
            templates,
            port,
            host,
        } => serve::serve(jixiao::serve::Config {
            data,
            templates,
            host,
            port,
        }),
        Command::Schema => schema::schema(),
    }
}

//! The command line's own words in Chinese: help pages with Chinese headings,
//! and mistakes in the arguments (an unknown option, a missing file name, a
//! bad value) said in Chinese with the usage line, instead of clap's English.
//! The exit status stays clap's: 0 for help and version, 2 for a mistake.

use std::process::ExitCode;

use clap::Command;
use clap::error::{ContextKind, ContextValue, ErrorKind};

/// `command` and its subcommands with Chinese help pages: headings, the help
/// and version options, no English lists of possible or default values (each
/// option's own help names them).
pub fn localised(command: Command) -> Command {
    let top = command
        .disable_version_flag(true)
        .arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help("显示版本"),
        )
        .disable_help_subcommand(true);
    with_chinese_help(top)
}

fn with_chinese_help(command: Command) -> Command {
    let mut command = command
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help("显示帮助"),
        )
        .mut_args(|a| {
            if a.get_action().takes_values() {
                a.hide_possible_values(true).hide_default_value(true)
            } else {
                a
            }
        });
    let mut template = String::from("{about-with-newline}\n用法：{usage}\n\n");
    if command.has_subcommands() {
        template.push_str("子命令：\n{subcommands}\n\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("参数：\n{positionals}\n\n");
    }
    template.push_str("选项：\n{options}{after-help}");
    command = command.help_template(template);
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, with_chinese_help);
    }
    command
}

/// Prints a parsing error or a help page and gives clap's exit status.
/// `command` is the command that parsed `args` (the words after the
/// program's name), for the usage line of the subcommand they name.
pub fn report(error: &clap::Error, command: Command, args: &[String]) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // Help and version are ours (see `localised`); printed as they are.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            return ExitCode::from(2);
        }
        _ => {}
    }
    if args.first().is_some_and(|a| a == "help") {
        // `jixiao help [子命令]`, as clap's own help subcommand had it.
        let page = named(command, &args[1..], Command::render_help);
        out!("{page}");
        return ExitCode::SUCCESS;
    }
    let usage = error
        .get(ContextKind::Usage)
        .map(text)
        .unwrap_or_else(|| named(command, args, Command::render_usage).to_string());
    err!("{}", words(error, &usage));
    ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
}

/// `render` (its usage line or help page) of the deepest subcommand that
/// `args` name.
fn named(
    command: Command,
    args: &[String],
    render: fn(&mut Command) -> clap::builder::StyledStr,
) -> clap::builder::StyledStr {
    let mut command = command;
    command.build();
    let mut current = &mut command;
    for arg in args {
        let name = current
            .get_subcommands()
            .find(|s| s.get_name() == arg)
            .map(|s| s.get_name().to_string());
        match name {
            Some(name) => current = current.find_subcommand_mut(name).expect("just found"),
            None if arg.starts_with('-') => continue,
            None => break,
        }
    }
    render(current)
}

/// The error in Chinese: what is wrong, a suggestion, the usage line and
/// where to read more.
fn words(error: &clap::Error, usage: &str) -> String {
    let get = |kind| error.get(kind).map(text);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let what = match error.kind() {
        ErrorKind::UnknownArgument => format!("不认识的参数「{arg}」"),
        ErrorKind::InvalidSubcommand => format!(
            "不认识的子命令「{}」",
            get(ContextKind::InvalidSubcommand).unwrap_or_default()
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation if value.is_empty() => {
            format!("参数 {arg} 缺少值")
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            format!("参数 {arg} 的值「{value}」不对")
        }
        ErrorKind::MissingRequiredArgument => format!("缺少必需的参数：{arg}"),
        ErrorKind::MissingSubcommand => "缺少子命令".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "参数 {arg} 不能与 {} 同时使用",
            get(ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::TooManyValues => format!("参数 {arg} 后多了一个值「{value}」"),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("参数 {arg} 的值的个数不对")
        }
        ErrorKind::NoEquals => format!("参数 {arg} 的值要用等号连接，如 {arg}=值"),
        ErrorKind::InvalidUtf8 => "参数中有无法识别的字符（不是 UTF-8）".to_string(),
        _ => "命令行参数有误".to_string(),
    };
    let mut out = format!("错误：{what}\n");
    if let Some(valid) = get(ContextKind::ValidValue) {
        out.push_str(&format!("  可选的值：{valid}\n"));
    }
    let suggested = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| match error.get(kind) {
        Some(ContextValue::Strings(list)) => Some(list.join("」或「")),
        other => other.map(text),
    });
    if let Some(s) = suggested {
        out.push_str(&format!("  是不是要写「{s}」？\n"));
    }
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    out.push_str(&format!("\n用法：{usage}\n"));
    out.push_str("\n查看说明：jixiao --help，或 jixiao <子命令> --help\n");
    out
}

/// A piece of an error's context as plain text.
fn text(value: &ContextValue) -> String {
    match value {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join("、"),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("、"),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

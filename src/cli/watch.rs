//! `jixiao watch`: rebuilds the report (as `jixiao build` does) on every save
//! of the data file or of a template, until Ctrl-C.
//!
//! Ctrl-C sets a stop flag that the loop checks between events, so a rebuild in
//! progress finishes before the command exits; and since every output is
//! written to a temporary file and renamed into place, even a hard kill leaves
//! each output either as it was or fully new.

use std::process::ExitCode;
use std::time::Instant;

use jixiao::watch::{Inputs, Timing, stop_on_interrupt};

use super::build::{self, BuildArgs};

pub fn watch(args: BuildArgs) -> ExitCode {
    let inputs = match Inputs::of_build(&args.data, args.templates.as_deref()) {
        Ok(inputs) => inputs,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (stop, refused) = stop_on_interrupt();
    if let Some(e) = refused {
        errln!("无法接管 Ctrl-C（{e}）；Ctrl-C 仍会结束监视，输出文件是整体替换的，不会写坏");
    }
    let watched: Vec<String> = inputs
        .files
        .iter()
        .chain(&inputs.dirs)
        .map(|p| p.display().to_string())
        .collect();
    outln!(
        "监视 {}；保存后自动重新生成到 {}，按 Ctrl-C 结束",
        watched.join("、"),
        args.out.display()
    );
    rebuild(&args, "首次生成");
    let watched = jixiao::watch::watch(&inputs, Timing::default(), &stop, |changed| {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        rebuild(&args, &format!("{} 已保存，重新生成", names.join("、")));
    });
    if let Err(e) = watched {
        errln!("{e}");
        return ExitCode::from(2);
    }
    outln!("已停止监视");
    ExitCode::SUCCESS
}

/// One build, with what caused it and how long it took; a failed build has
/// written nothing, so the last good output stays.
fn rebuild(args: &BuildArgs, why: &str) {
    outln!("\n── {why} ──");
    let start = Instant::now();
    let code = build::build_all(args);
    let secs = start.elapsed().as_secs_f64();
    if code == ExitCode::SUCCESS {
        outln!("生成完成，用时 {secs:.2} 秒");
    } else {
        outln!("生成失败（用时 {secs:.2} 秒），保留上次的输出；改正并保存后将再次生成");
    }
}

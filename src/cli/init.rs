//! `jixiao init`: writes next year's facts file from this year's.

use std::path::Path;
use std::process::ExitCode;

use jixiao::analyse_file;
use jixiao::init::{InitError, write_next_year};

use super::check::load_failed;

pub fn init(from: &Path, year: u32, out: Option<&Path>, force: bool) -> ExitCode {
    let analysis = match analyse_file(from) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    match write_next_year(&analysis, from, year, out, force) {
        Ok(written) => {
            outln!(
                "已写出 {}：沿用 {} 的单位情况、指标体系和文字，上年决算数取自其决算数",
                written.path.display(),
                from.display()
            );
            outln!(
                "尚有 {} 处数字待填；用 jixiao check {} 逐项列出",
                written.pending,
                written.path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            match e {
                InitError::Unreadable(source) => load_failed(source),
                _ => ExitCode::from(2),
            }
        }
    }
}

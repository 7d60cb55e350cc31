//! `jixiao new`: writes a new unit's commented facts file.

use std::path::Path;
use std::process::ExitCode;

use jixiao::init::write_new_unit;

pub fn new(path: &Path, force: bool) -> ExitCode {
    match write_new_unit(path, force) {
        Ok(pending) => {
            outln!(
                "已写出 {}：须填的数字写作 ~，须改写的文字以“待填：”开头，各键的说明见文件中的注释和 docs/data.md",
                path.display()
            );
            outln!(
                "尚有 {pending} 处数字和文字待填；用 jixiao check {} 逐项列出",
                path.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            ExitCode::from(2)
        }
    }
}

//! `jixiao vars` (the variables the templates can use) and
//! `jixiao templates export`.

use std::path::Path;
use std::process::ExitCode;

use jixiao::render;
use jixiao::{Analysis, analyse_file};

use super::check::load_failed;

pub fn vars(data: &Path) -> ExitCode {
    let analysis: Analysis = match analyse_file(data) {
        Ok(a) => a,
        Err(e) => return load_failed(e),
    };
    let vars = render::context::dictionary(&analysis);
    outln!("变量路径\t含义\t本文件中的值");
    for v in vars {
        outln!("{}\t{}\t{}", v.path, v.meaning, v.value);
    }
    ExitCode::SUCCESS
}

pub fn export(dir: &Path, force: bool) -> ExitCode {
    match render::export(dir, force) {
        Ok(files) => {
            for f in &files {
                outln!("已写出 {}", f.display());
            }
            outln!(
                "共 {} 个模板；修改后用 jixiao build DATA.yaml --templates {} 生成",
                files.len(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{}", e.message);
            ExitCode::from(2)
        }
    }
}

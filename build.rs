//! Lists the default templates: every `*.tera` file under `templates/` becomes
//! an entry of `render::DEFAULTS`, embedded with `include_str!`, so adding a
//! default template is adding a file.

use std::path::{Path, PathBuf};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    walk(&root, &mut files);
    let mut names: Vec<String> = files
        .iter()
        .map(|path| {
            println!("cargo:rerun-if-changed={}", path.display());
            let rel = path.strip_prefix(&root).expect("a file under templates/");
            rel.components()
                .map(|c| c.as_os_str().to_str().expect("a UTF-8 template name"))
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect();
    names.sort();
    let mut code = String::from("&[\n");
    for name in &names {
        code.push_str(&format!(
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/templates/\", {name:?}))),\n"
        ));
    }
    code.push_str("]\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR set by cargo"));
    std::fs::write(out.join("default_templates.rs"), code).expect("OUT_DIR is writable");
}

/// Every `*.tera` file under `dir`, directories included as they change.
fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(dir).expect("templates/ is readable");
    for entry in entries {
        let path = entry.expect("templates/ is readable").path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "tera") {
            files.push(path);
        }
    }
}

//! `jixiao schema`: prints the JSON Schema of the facts file.

use std::process::ExitCode;

pub fn schema() -> ExitCode {
    out!("{}", jixiao::schema::json());
    ExitCode::SUCCESS
}

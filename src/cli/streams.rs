//! Standard output and standard error, each written through one function.
//! A stream whose reader has gone (`jixiao vars DATA.yaml | head`,
//! `jixiao check DATA.yaml 2>&1 | head -1`, a closed terminal) is no longer
//! written to, and jixiao carries on: a build still writes its files, and the
//! exit status is the one the work itself gives, never a panic's 101.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

/// `print!` through [`write_out`].
macro_rules! out {
    ($($arg:tt)*) => { crate::cli::streams::write_out(format_args!($($arg)*)) };
}

/// `println!` through [`write_out`].
macro_rules! outln {
    ($($arg:tt)*) => { crate::cli::streams::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `eprint!` through [`write_err`].
macro_rules! err {
    ($($arg:tt)*) => { crate::cli::streams::write_err(format_args!($($arg)*)) };
}

/// `eprintln!` through [`write_err`].
macro_rules! errln {
    () => { crate::cli::streams::write_err(format_args!("\n")) };
    ($($arg:tt)*) => { crate::cli::streams::write_err(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Set once standard output's reader has gone.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes to standard output. When its reader has gone, nothing more is
/// written there; any other failure to write (a full disk behind
/// `> file`) is reported on standard error and ends the program with status
/// 2, after removing the temporary files of outputs not yet in place.
pub fn write_out(text: std::fmt::Arguments) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    if let Err(e) = std::io::stdout().lock().write_fmt(text) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
            return;
        }
        errln!("无法写出到标准输出：{e}");
        jixiao::output::remove_temporaries_and_exit(2);
    }
}

/// Writes to standard error; a failure to write there is ignored, since
/// there is nowhere left to report it.
pub fn write_err(text: std::fmt::Arguments) {
    let _ = std::io::stderr().lock().write_fmt(text);
}

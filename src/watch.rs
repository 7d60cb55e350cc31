//! Watching inputs for saves (`jixiao watch`): polls the modification time and
//! size of the data file and of every file under the template directories
//! (found as the templates are, [`crate::render::files_under`]),
//! and calls back once the changes have settled (debounce), so that an editor
//! that writes a file in several steps causes one rebuild, not several.
//!
//! Polling needs no platform notification API and no dependency; at a few
//! files every 200 ms it costs nothing noticeable. The loop ends when the stop
//! flag is set (Ctrl-C in the command line, or a test); it checks the flag
//! between polls and never interrupts a callback.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use crate::model::load::STDIN;

/// How often to look, and how long the files must stay unchanged before the
/// callback runs.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub poll: Duration,
    pub settle: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            poll: Duration::from_millis(200),
            settle: Duration::from_millis(300),
        }
    }
}

/// What to watch: single files, and every file under some directories
/// (files added later count too).
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub dirs: Vec<PathBuf>,
}

/// Why a set of files cannot be watched.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    /// Standard input has no saves to watch.
    #[error("watch 要监视文件的保存，不能读标准输入（-）；请给出数据文件")]
    StandardInput,
}

impl Inputs {
    /// The data files and the template directory of a build.
    pub fn of_build(data: &[PathBuf], templates: Option<&Path>) -> Result<Inputs, WatchError> {
        if data.iter().any(|d| d.as_path() == Path::new(STDIN)) {
            return Err(WatchError::StandardInput);
        }
        Ok(Inputs {
            files: data.to_vec(),
            dirs: templates.iter().map(|d| d.to_path_buf()).collect(),
        })
    }
}

/// A stop flag for [`watch`] that Ctrl-C sets, so that a rebuild in
/// progress finishes first; with the reason when Ctrl-C could not be taken
/// over (it then ends the process as usual, and every output stays whole,
/// [`crate::output`]).
pub fn stop_on_interrupt() -> (Arc<AtomicBool>, Option<ctrlc::Error>) {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let refused = ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst)).err();
    (stop, refused)
}

/// A file's modification time and size; none while it does not exist.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

fn snapshot(inputs: &Inputs) -> BTreeMap<PathBuf, Stamp> {
    let mut out = BTreeMap::new();
    for f in &inputs.files {
        out.insert(f.clone(), stamp(f));
    }
    for d in &inputs.dirs {
        // A directory that cannot be read is watched as empty; the build
        // it causes says why.
        for path in crate::render::files_under(d).unwrap_or_default() {
            let s = stamp(&path);
            out.insert(path, s);
        }
    }
    out
}

/// The paths whose stamp differs between two snapshots (added and removed too).
fn changes(a: &BTreeMap<PathBuf, Stamp>, b: &BTreeMap<PathBuf, Stamp>) -> Vec<PathBuf> {
    a.keys()
        .chain(b.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|p| a.get(*p) != b.get(*p))
        .cloned()
        .collect()
}

/// Watches `inputs` until `stop` is set; after each burst of saves has
/// settled, calls `on_change` with the paths that changed.
pub fn watch(
    inputs: &Inputs,
    timing: Timing,
    stop: &AtomicBool,
    mut on_change: impl FnMut(&[PathBuf]),
) {
    let mut seen = snapshot(inputs);
    let mut changed = BTreeSet::new();
    let mut last_change: Option<Instant> = None;
    while !stop.load(Ordering::SeqCst) {
        std::thread::sleep(timing.poll);
        let now = snapshot(inputs);
        let found = changes(&seen, &now);
        if !found.is_empty() {
            changed.extend(found);
            last_change = Some(Instant::now());
            seen = now;
        } else if last_change.is_some_and(|t| t.elapsed() >= timing.settle)
            && !stop.load(Ordering::SeqCst)
        {
            let paths: Vec<PathBuf> = std::mem::take(&mut changed).into_iter().collect();
            on_change(&paths);
            last_change = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const FAST: Timing = Timing {
        poll: Duration::from_millis(20),
        settle: Duration::from_millis(60),
    };

    #[test]
    fn standard_input_cannot_be_watched() {
        let data = [PathBuf::from("a.yaml"), PathBuf::from(STDIN)];
        assert!(matches!(
            Inputs::of_build(&data, None),
            Err(WatchError::StandardInput)
        ));
        let inputs = Inputs::of_build(&data[..1], Some(Path::new("t"))).unwrap();
        assert_eq!(inputs.files, [PathBuf::from("a.yaml")]);
        assert_eq!(inputs.dirs, [PathBuf::from("t")]);
    }

    #[test]
    fn a_burst_of_saves_is_one_change_and_new_template_files_count() {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data.yaml");
        let templates = dir.path().join("templates");
        std::fs::create_dir(&templates).unwrap();
        std::fs::write(&data, "a").unwrap();
        let inputs = Inputs {
            files: vec![data.clone()],
            dirs: vec![templates.clone()],
        };
        let stop = AtomicBool::new(false);
        let (tx, rx) = mpsc::channel();
        std::thread::scope(|s| {
            s.spawn(|| {
                watch(&inputs, FAST, &stop, |paths| {
                    tx.send(paths.to_vec()).unwrap()
                })
            });
            std::thread::sleep(Duration::from_millis(50));
            for text in ["ab", "abc", "abcd"] {
                std::fs::write(&data, text).unwrap();
                std::thread::sleep(Duration::from_millis(10));
            }
            let first = rx.recv_timeout(Duration::from_secs(5)).unwrap();
            assert_eq!(first, vec![data.clone()]);
            assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
            let added = templates.join("report.md.tera");
            std::fs::write(&added, "x").unwrap();
            assert_eq!(
                rx.recv_timeout(Duration::from_secs(5)).unwrap(),
                vec![added]
            );
            stop.store(true, Ordering::SeqCst);
        });
    }
}

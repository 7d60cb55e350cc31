//! Watching inputs for saves (`jixiao watch`, `jixiao serve`): the operating
//! system's file notifications (inotify, FSEvents, ReadDirectoryChangesW,
//! kqueue, through the `notify` crate), or polling the files' modification
//! times when notifications cannot be set up (some network and container
//! file systems); then a short debounce, so that an editor that writes a
//! file in several steps causes one rebuild, not several.
//!
//! Editors often save by writing a new file and renaming it over the old one
//! (vim, VS Code): watching the file itself would lose it at the first save.
//! So the directory that holds each data file is watched, and its events
//! are filtered by path; the template directories are watched whole, and a
//! template file (`*.tera`) added later counts like one changed. Reading a
//! file (the rebuild itself) is no change.
//!
//! The loop ends when the stop flag is set (Ctrl-C in the command line, or a
//! test); it checks the flag at least every [`STOP_CHECK`] and never
//! interrupts a callback.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, PollWatcher, RecursiveMode, Watcher};

use crate::model::load::STDIN;

/// How long the files must stay unchanged before the callback runs, and how
/// often to look when polling is the fallback.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    pub poll: Duration,
    pub settle: Duration,
}

impl Default for Timing {
    /// An editor's save is a burst of events within a few milliseconds:
    /// 50 ms of quiet ends it, so a save is rebuilt well within 100 ms.
    fn default() -> Self {
        Timing {
            poll: Duration::from_millis(200),
            settle: Duration::from_millis(50),
        }
    }
}

/// The longest the loop waits before it looks at the stop flag again.
pub const STOP_CHECK: Duration = Duration::from_millis(100);

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
    /// A directory to watch does not exist or cannot be read.
    #[error("无法监视 {}：{reason}", path.display())]
    Unwatchable { path: PathBuf, reason: String },
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

/// Which event paths are saves of the inputs, named as the caller named them.
struct Filter {
    /// Each data file by its absolute path, with the path as given.
    files: BTreeMap<PathBuf, PathBuf>,
    /// Each template directory by its absolute path, with the path as given.
    dirs: Vec<(PathBuf, PathBuf)>,
}

/// `path` made absolute through its directory, which must exist; the file
/// itself may come and go.
fn absolute(path: &Path) -> Result<PathBuf, WatchError> {
    let unwatchable = |e: std::io::Error| WatchError::Unwatchable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    };
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path.file_name().ok_or_else(|| WatchError::Unwatchable {
        path: path.to_path_buf(),
        reason: "不是文件路径".into(),
    })?;
    Ok(parent.canonicalize().map_err(unwatchable)?.join(name))
}

impl Filter {
    fn new(inputs: &Inputs) -> Result<Filter, WatchError> {
        let files = inputs
            .files
            .iter()
            .map(|f| Ok((absolute(f)?, f.clone())))
            .collect::<Result<_, WatchError>>()?;
        let dirs = inputs
            .dirs
            .iter()
            .map(|d| {
                let canonical = d.canonicalize().map_err(|e| WatchError::Unwatchable {
                    path: d.clone(),
                    reason: e.to_string(),
                })?;
                Ok((canonical, d.clone()))
            })
            .collect::<Result<_, WatchError>>()?;
        Ok(Filter { files, dirs })
    }

    /// The directories to ask notifications for, and how.
    fn watched(&self) -> BTreeMap<PathBuf, RecursiveMode> {
        let mut out = BTreeMap::new();
        for file in self.files.keys() {
            let dir = file
                .parent()
                .expect("absolute() joined a name to a directory");
            out.entry(dir.to_path_buf())
                .or_insert(RecursiveMode::NonRecursive);
        }
        for (dir, _) in &self.dirs {
            out.insert(dir.clone(), RecursiveMode::Recursive);
        }
        out
    }

    /// The inputs that `path` (absolute, from an event) is or holds: a
    /// data file, a template file under a template directory, or the
    /// template files of a directory made or moved there (made with files
    /// in it before it could be watched).
    fn inputs(&self, path: &Path) -> Vec<PathBuf> {
        if let Some(given) = self.files.get(path) {
            return vec![given.clone()];
        }
        let is_template = |p: &Path| p.extension().is_some_and(|e| e == "tera");
        let Some((dir, given)) = self.dirs.iter().find(|(dir, _)| path.starts_with(dir)) else {
            return Vec::new();
        };
        let named = |p: &Path| given.join(p.strip_prefix(dir).unwrap_or(p));
        if path.is_dir() {
            let files = crate::render::files_under(path).unwrap_or_default();
            files
                .iter()
                .filter(|p| is_template(p))
                .map(|p| named(p))
                .collect()
        } else if is_template(path) {
            vec![named(path)]
        } else {
            Vec::new()
        }
    }
}

/// Whether an event may have changed a file's content; opening, reading and
/// closing one do not.
fn is_change(kind: &EventKind) -> bool {
    !matches!(kind, EventKind::Access(_))
}

/// The watcher of `filter`'s directories, reporting to `events`: the
/// system's notifications, or polling when they cannot be had.
fn start(
    filter: &Filter,
    timing: Timing,
    events: mpsc::Sender<notify::Result<notify::Event>>,
) -> Result<Box<dyn Watcher + Send>, WatchError> {
    let dirs = filter.watched();
    let watch_all = |w: &mut dyn Watcher| -> Result<(), (PathBuf, notify::Error)> {
        for (dir, mode) in &dirs {
            w.watch(dir, *mode).map_err(|e| (dir.clone(), e))?;
        }
        Ok(())
    };
    if let Ok(mut native) = notify::recommended_watcher(events.clone())
        && watch_all(&mut native).is_ok()
    {
        return Ok(Box::new(native));
    }
    let config = notify::Config::default().with_poll_interval(timing.poll);
    let unwatchable = |(path, e): (PathBuf, notify::Error)| WatchError::Unwatchable {
        path,
        reason: e.to_string(),
    };
    let mut polling = PollWatcher::new(events, config).map_err(|e| unwatchable((".".into(), e)))?;
    watch_all(&mut polling).map_err(unwatchable)?;
    Ok(Box::new(polling))
}

/// Watches `inputs` until `stop` is set; after each burst of saves has
/// settled, calls `on_change` with the paths that changed, named as in
/// `inputs`. Fails at once when a directory to watch does not exist.
pub fn watch(
    inputs: &Inputs,
    timing: Timing,
    stop: &AtomicBool,
    mut on_change: impl FnMut(&[PathBuf]),
) -> Result<(), WatchError> {
    let filter = Filter::new(inputs)?;
    let (tx, rx) = mpsc::channel();
    let _watcher = start(&filter, timing, tx)?;
    let mut changed = BTreeSet::new();
    let mut last_change: Option<Instant> = None;
    while !stop.load(Ordering::SeqCst) {
        let wait = last_change.map_or(STOP_CHECK, |t| {
            timing.settle.saturating_sub(t.elapsed()).min(STOP_CHECK)
        });
        match rx.recv_timeout(wait) {
            Ok(Ok(event)) if is_change(&event.kind) => {
                let found: Vec<PathBuf> =
                    event.paths.iter().flat_map(|p| filter.inputs(p)).collect();
                if !found.is_empty() {
                    changed.extend(found);
                    last_change = Some(Instant::now());
                }
            }
            // A watcher's own error (a queue overflow) may have lost a
            // save: every input counts as changed.
            Ok(Err(_)) => {
                changed.extend(inputs.files.iter().cloned());
                last_change = Some(Instant::now());
            }
            Ok(Ok(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
        if last_change.is_some_and(|t| t.elapsed() >= timing.settle) && !stop.load(Ordering::SeqCst)
        {
            let paths: Vec<PathBuf> = std::mem::take(&mut changed).into_iter().collect();
            on_change(&paths);
            last_change = None;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A quick watch; the settling time leaves room for a loaded machine
    /// between the writes of one burst.
    const FAST: Timing = Timing {
        poll: Duration::from_millis(20),
        settle: Duration::from_millis(150),
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
    fn a_missing_directory_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = Inputs {
            files: vec![dir.path().join("absent").join("data.yaml")],
            dirs: Vec::new(),
        };
        let stop = AtomicBool::new(false);
        let result = watch(&inputs, FAST, &stop, |_| panic!("nothing to see"));
        assert!(matches!(result, Err(WatchError::Unwatchable { .. })));
    }

    /// Runs `watch` on a data file and a template directory while `steps`
    /// edits them, with the changes it reports.
    fn watching(steps: impl FnOnce(&Path, &Path, &mpsc::Receiver<Vec<PathBuf>>)) {
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
        /// Stops the watcher however the steps end, so that a failed
        /// assertion fails the test instead of waiting for it forever.
        struct Stop<'a>(&'a AtomicBool);
        impl Drop for Stop<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::SeqCst);
            }
        }
        std::thread::scope(|s| {
            let watcher = s.spawn(|| {
                watch(&inputs, FAST, &stop, |paths| {
                    // The test may have ended already.
                    let _ = tx.send(paths.to_vec());
                })
            });
            let _stop = Stop(&stop);
            // A save before the watcher is set up is missed, as a save
            // before `jixiao watch` starts is: save until one is seen.
            let ready = (0..50).any(|_| {
                std::fs::write(&data, "ready").unwrap();
                rx.recv_timeout(Duration::from_millis(200)).is_ok()
            });
            assert!(ready, "the watcher never saw a save");
            while rx.recv_timeout(FAST.settle * 3).is_ok() {}
            steps(&data, &templates, &rx);
            drop(_stop);
            watcher.join().unwrap().unwrap();
        });
    }

    #[test]
    fn a_burst_of_saves_is_one_change_and_new_template_files_count() {
        watching(|data, templates, rx| {
            for text in ["ab", "abc", "abcd"] {
                std::fs::write(data, text).unwrap();
                std::thread::sleep(Duration::from_millis(10));
            }
            let first = rx.recv_timeout(Duration::from_secs(5)).unwrap();
            assert_eq!(first, vec![data.to_path_buf()]);
            assert!(rx.recv_timeout(Duration::from_millis(200)).is_err());
            let added = templates.join("report.md.tera");
            std::fs::write(&added, "x").unwrap();
            assert_eq!(
                rx.recv_timeout(Duration::from_secs(5)).unwrap(),
                vec![added]
            );
        });
    }

    #[test]
    fn a_file_replaced_by_rename_is_seen_at_every_save() {
        watching(|data, templates, rx| {
            for round in 0..3 {
                // As vim and VS Code save: a new file renamed over the old.
                let fresh = data.with_extension("yaml.tmp");
                std::fs::write(&fresh, format!("round {round}")).unwrap();
                std::fs::rename(&fresh, data).unwrap();
                let seen = rx.recv_timeout(Duration::from_secs(5)).unwrap();
                assert_eq!(seen, vec![data.to_path_buf()], "round {round}");
            }
            let nested = templates.join("sections");
            std::fs::create_dir(&nested).unwrap();
            let fresh = nested.join("01.md.tera.tmp");
            std::fs::write(&fresh, "x").unwrap();
            std::fs::rename(&fresh, nested.join("01.md.tera")).unwrap();
            assert_eq!(
                rx.recv_timeout(Duration::from_secs(5)).unwrap(),
                vec![nested.join("01.md.tera")]
            );
        });
    }

    #[test]
    fn reading_an_input_and_saving_other_files_are_no_change() {
        watching(|data, templates, rx| {
            std::fs::read(data).unwrap();
            std::fs::write(data.with_file_name("other.yaml"), "b").unwrap();
            std::fs::write(templates.join("notes.txt"), "b").unwrap();
            assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        });
    }
}

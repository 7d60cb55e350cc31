//! The preview's state, shared by the rebuilding thread and the requests:
//! the last good report, the last build's error, and a version that every
//! rebuild increases, which the page's event stream waits on.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde_json::json;

use super::preview::{Banner, FindingsView, Preview};
use crate::explain;

/// What the page shows.
#[derive(Default)]
pub struct Shown {
    /// Increased by every build, good or failed.
    pub version: u64,
    /// The last report that built.
    pub report: Option<Arc<Preview>>,
    /// Why the last build failed, when it did.
    pub error: Option<Banner>,
}

/// The shared state.
#[derive(Default)]
pub struct Live {
    shown: Mutex<Shown>,
    changed: Condvar,
}

impl Live {
    fn lock(&self) -> MutexGuard<'_, Shown> {
        // A request that panicked holding the lock left the state whole:
        // it is only replaced, never half written.
        self.shown.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A build's outcome: a new report replaces the last, an error keeps it.
    pub fn publish(&self, outcome: Result<Preview, Banner>) {
        let mut shown = self.lock();
        shown.version += 1;
        match outcome {
            Ok(report) => {
                shown.report = Some(Arc::new(report));
                shown.error = None;
            }
            Err(banner) => shown.error = Some(banner),
        }
        drop(shown);
        self.changed.notify_all();
    }

    /// The version, the last good report and the last error.
    pub fn current(&self) -> (u64, Option<Arc<Preview>>, Option<Banner>) {
        let shown = self.lock();
        (shown.version, shown.report.clone(), shown.error.clone())
    }

    /// The page's JSON: the version, the report's title and body, its
    /// findings, and the last build's error.
    pub fn report_json(&self) -> String {
        let (version, report, error) = self.current();
        let value = json!({
            "version": version,
            "title": report.as_ref().map(|r| r.title.as_str()),
            "body": report.as_ref().map(|r| r.body.as_str()),
            "linked": report.as_ref().is_some_and(|r| r.linked),
            "findings": report.as_ref().map(|r| FindingsView {
                file: &r.analysis.loaded.name,
                findings: &r.analysis.findings,
            }),
            "error": error,
        });
        value.to_string()
    }

    /// `jixiao explain --format json` of `figure` in the last good report;
    /// none when there is no such figure.
    pub fn explain_json(&self, figure: &str) -> Option<String> {
        let (_, report, _) = self.current();
        let trace = explain::trace(&report?.analysis.figures, figure).ok()?;
        serde_json::to_string(&trace).ok()
    }

    /// Writes one event for each new version to `out` until writing fails
    /// (the page is gone) or `stop` is set; a comment every few seconds
    /// finds a page that is gone.
    pub fn stream(&self, out: &mut dyn Write, stop: &AtomicBool) {
        const KEEP_ALIVE: Duration = Duration::from_secs(10);
        const STOP_CHECK: Duration = Duration::from_millis(200);
        let mut sent = 0;
        let mut quiet = Duration::ZERO;
        while !stop.load(Ordering::SeqCst) {
            let shown = self.lock();
            let (shown, _) = self
                .changed
                .wait_timeout_while(shown, STOP_CHECK, |s| s.version == sent)
                .unwrap_or_else(|e| e.into_inner());
            let version = shown.version;
            drop(shown);
            let written = if version != sent {
                sent = version;
                quiet = Duration::ZERO;
                write!(out, "data: {version}\n\n")
            } else {
                quiet += STOP_CHECK;
                if quiet < KEEP_ALIVE {
                    continue;
                }
                quiet = Duration::ZERO;
                out.write_all(b": \n\n")
            };
            if written.and_then(|()| out.flush()).is_err() {
                return;
            }
        }
    }
}

//! `jixiao serve` in a real browser: headless Chromium (Debian's `chromium`,
//! which `.ci/run` installs) driven through the DevTools protocol. The page
//! shows the report with its tables, a figure's trace on a click, a saved
//! change within 2 s without a reload, a banner for a file that does not
//! read and the report again once it is fixed. Screenshots of the preview,
//! the popover, a finding's figures highlighted and the banner go to `JIXIAO_SCREENSHOTS` (default: a new
//! temporary directory, printed). Skipped, with a notice, without Chromium.
//!
//! `cargo test --test serve_browser -- --ignored --nocapture` measures the
//! time from a save to the page updated (median of 20 saves); with
//! `JIXIAO_BIN=$PWD/target/release/jixiao`, of the release build.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::{CHROMIUM_FLAGS, REFERENCE, Served, analysis, chromium, line_no, markdown};
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use jixiao::document::{Block, parse};

/// The line of the reference file the test edits, and the figure it is.
const ACTUAL_LINE: &str = "  actual: 6078.91 # 全年实际支出";
const ACTUAL: &str = "basic.actual";

/// A headless Chromium with a fresh profile, or none (with a notice).
fn browser(profile: &Path) -> Option<Browser> {
    let Some(path) = chromium() else {
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return None;
    };
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .user_data_dir(Some(profile.to_path_buf()))
        .window_size(Some((1400, 1000)))
        .args(CHROMIUM_FLAGS.iter().map(OsStr::new).collect())
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .expect("launch options");
    Some(Browser::new(options).expect("chromium starts"))
}

/// Where screenshots go.
fn screenshots() -> PathBuf {
    let dir = match std::env::var_os("JIXIAO_SCREENSHOTS") {
        Some(dir) => PathBuf::from(dir),
        None => tempfile::Builder::new()
            .prefix("jixiao-screenshots-")
            .tempdir()
            .unwrap()
            .keep(),
    };
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn shoot(tab: &Tab, dir: &Path, name: &str) {
    let png = tab
        .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
        .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, png).unwrap();
    eprintln!("screenshot: {}", path.display());
}

/// The value of a JavaScript expression.
fn js(tab: &Tab, expression: &str) -> serde_json::Value {
    tab.evaluate(expression, false)
        .unwrap()
        .value
        .unwrap_or(serde_json::Value::Null)
}

/// Waits up to `limit` for `expression` to be true; how long it took.
fn until(tab: &Tab, expression: &str, limit: Duration) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if js(tab, expression) == serde_json::Value::Bool(true) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

/// The text of the first place the figure `name` is printed.
fn figure_text(name: &str) -> String {
    format!("document.querySelector('.jx-fig[data-figure=\"{name}\"]')?.textContent")
}

/// A copy of the reference facts file in a directory of its own.
fn facts() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("2024.yaml");
    std::fs::write(&data, REFERENCE).unwrap();
    (dir, data)
}

/// Saves `text` as an editor does: a new file renamed over the old one.
fn save(data: &Path, text: &str) {
    let fresh = data.with_extension("yaml.swp");
    std::fs::write(&fresh, text).unwrap();
    std::fs::rename(&fresh, data).unwrap();
}

#[test]
fn the_preview_shows_explains_and_follows_saves() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = browser(profile.path()) else {
        return;
    };
    let shots = screenshots();
    let (_dir, data) = facts();
    let served = Served::start(&data, &[]);
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(10));
    tab.navigate_to(&served.url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element(".jx-fig").unwrap();

    // The report, as the library lays it out.
    let document = parse(&markdown(&analysis())).unwrap();
    let title = jixiao::html::title(&document);
    assert_eq!(tab.get_title().unwrap(), title);
    let tables = document
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Table(_)))
        .count();
    assert!(tables > 3);
    assert_eq!(
        js(&tab, "document.querySelectorAll('#jx-report table').length"),
        tables
    );
    assert_eq!(js(&tab, &figure_text(ACTUAL)), "6078.91");
    assert!(
        until(
            &tab,
            "document.querySelectorAll('#jx-findings li').length > 0",
            Duration::from_secs(5)
        )
        .is_some()
    );
    shoot(&tab, &shots, "preview.png");

    // A click on a figure shows its trace, down to the fact's line.
    let rate = ".jx-fig[data-figure=\"overall.execution_rate\"]";
    tab.find_element(rate).unwrap().click().unwrap();
    let popover = tab
        .wait_for_element("#jx-popover:not([hidden]) li")
        .unwrap()
        .get_inner_text()
        .unwrap();
    assert!(popover.contains("整体预算执行率"), "{popover}");
    assert!(popover.contains("96.46%"), "{popover}");
    let line = line_no(REFERENCE, ACTUAL_LINE);
    assert!(popover.contains(&format!("第 {line} 行")), "{popover}");
    shoot(&tab, &shots, "popover.png");

    // A finding's figures are highlighted on a click.
    js(&tab, "document.querySelector('#jx-findings li').click()");
    let highlighted = js(&tab, "document.querySelectorAll('.jx-fig.jx-hl').length");
    let absent = js(
        &tab,
        "document.querySelector('#jx-findings li .absent') !== null",
    );
    assert!(highlighted.as_u64() > Some(0) || absent == true);
    shoot(&tab, &shots, "finding.png");

    // A save reaches the page within 2 s, without a reload.
    js(&tab, "window.notReloaded = true");
    save(
        &data,
        &REFERENCE.replacen(ACTUAL_LINE, "  actual: 6079.5 # 全年实际支出", 1),
    );
    let changed = format!("{} === '6079.50'", figure_text(ACTUAL));
    let took = until(&tab, &changed, Duration::from_secs(2));
    assert!(
        took.is_some(),
        "the change did not reach the page within 2 s"
    );
    assert_eq!(js(&tab, "window.notReloaded"), true);
    eprintln!("save → page: {:?} (polled)", took.unwrap());

    // A file that does not read: a banner at its line, the report kept.
    save(
        &data,
        &REFERENCE.replacen(ACTUAL_LINE, "  actual: [6079.5", 1),
    );
    let banner = "!document.getElementById('jx-banner').hidden";
    assert!(until(&tab, banner, Duration::from_secs(2)).is_some());
    let message = js(&tab, "document.getElementById('jx-banner').textContent");
    assert!(
        message.as_str().unwrap().contains(&format!("第 {line} 行")),
        "{message}"
    );
    assert_eq!(js(&tab, &figure_text(ACTUAL)), "6079.50");
    shoot(&tab, &shots, "banner.png");

    // Fixed: the banner goes, the report follows.
    save(&data, REFERENCE);
    let back = format!(
        "document.getElementById('jx-banner').hidden && {} === '6078.91'",
        figure_text(ACTUAL)
    );
    assert!(until(&tab, &back, Duration::from_secs(2)).is_some());
    assert_eq!(js(&tab, "window.notReloaded"), true);
}

/// Milliseconds since the epoch, as the page's `Date.now()` counts them.
fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
        * 1000.0
}

#[test]
#[ignore = "a benchmark, run by hand"]
fn save_to_page_median_of_20() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = browser(profile.path()) else {
        return;
    };
    let (_dir, data) = facts();
    let served = Served::start(&data, &[]);
    let tab = browser.new_tab().unwrap();
    tab.navigate_to(&served.url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab.wait_for_element(".jx-fig").unwrap();
    // The page notes when its report was replaced, by its own clock.
    js(
        &tab,
        "new MutationObserver(() => { window.updated = Date.now(); })\
        .observe(document.getElementById('jx-report'), { childList: true })",
    );
    let mut times = Vec::new();
    for i in 0..20 {
        js(&tab, "window.updated = null");
        let value = format!("  actual: {}.{:02} # 全年实际支出", 6000 + i, i + 1);
        let text = REFERENCE.replacen(ACTUAL_LINE, &value, 1);
        let saved = now_ms();
        save(&data, &text);
        assert!(until(&tab, "window.updated !== null", Duration::from_secs(5)).is_some());
        let updated = js(&tab, "window.updated").as_f64().unwrap();
        times.push(updated - saved);
        std::thread::sleep(Duration::from_millis(200));
    }
    times.sort_by(f64::total_cmp);
    eprintln!(
        "save → page updated, 20 saves: median {:.0} ms, fastest {:.0} ms, slowest {:.0} ms",
        (times[9] + times[10]) / 2.0,
        times[0],
        times[19]
    );
}

//! Time per stage on the bundled report: load, compute, audit, Markdown, DOCX.
//! Run with `cargo bench --bench stages`; prints the median and minimum of many
//! runs of each stage, measured in this one process so the ratios compare.

use std::hint::black_box;
use std::time::{Duration, Instant};

use jixiao::render::{self, Templates};

const DATA: &str = include_str!("../data/2024.yaml");

/// Runs `f` for about `budget`, at least `min_runs` times (once when the
/// budget is zero); returns the sorted samples.
fn sample(budget: Duration, min_runs: usize, mut f: impl FnMut()) -> Vec<Duration> {
    let min_runs = if budget.is_zero() { 1 } else { min_runs };
    let mut runs = Vec::new();
    let start = Instant::now();
    while runs.len() < min_runs || start.elapsed() < budget {
        let t = Instant::now();
        f();
        runs.push(t.elapsed());
    }
    runs.sort();
    runs
}

fn report(stage: &str, runs: &[Duration]) {
    let median = runs[runs.len() / 2];
    println!(
        "{stage:<10} median {:>9.1} µs   min {:>9.1} µs   runs {}",
        median.as_secs_f64() * 1e6,
        runs[0].as_secs_f64() * 1e6,
        runs.len()
    );
}

fn main() {
    // `cargo test --all-targets` runs this target without `--bench`: one quick
    // pass then, to prove it still works, without spending CI time measuring.
    let measuring = std::env::args().any(|a| a == "--bench");
    let budget = Duration::from_millis(if !measuring {
        0
    } else {
        std::env::var("BENCH_MS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(1500)
    });
    let loaded = jixiao::model::load_str(DATA, "2024.yaml").expect("loads");
    let figures = jixiao::compute::compute(&loaded.facts);
    let analysis = jixiao::Analysis::of(loaded.clone());
    let templates = Templates::load(None).expect("templates");
    let markdown = render::markdown(&analysis, &templates).expect("renders");

    println!(
        "jixiao stages on data/2024.yaml ({} bytes of YAML, {} figures)",
        DATA.len(),
        figures.iter().count()
    );
    report(
        "load",
        &sample(budget, 20, || {
            black_box(jixiao::model::load_str(black_box(DATA), "2024.yaml").unwrap());
        }),
    );
    report(
        "compute",
        &sample(budget, 20, || {
            black_box(jixiao::compute::compute(black_box(&loaded.facts)));
        }),
    );
    report(
        "audit",
        &sample(budget, 20, || {
            black_box(jixiao::audit::audit(
                black_box(&loaded),
                black_box(&figures),
            ));
        }),
    );
    report(
        "templates",
        &sample(budget, 20, || {
            black_box(Templates::load(None).unwrap());
        }),
    );
    report(
        "markdown",
        &sample(budget, 20, || {
            black_box(render::markdown(black_box(&analysis), &templates).unwrap());
        }),
    );
    report(
        "docx",
        &sample(budget, 20, || {
            black_box(
                jixiao::pipeline::Output::Docx
                    .of(black_box(&markdown), &analysis)
                    .unwrap(),
            );
        }),
    );
}

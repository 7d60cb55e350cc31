//! `jixiao init` writes next year's file: it loads, `check` lists every figure
//! still to fill in, and last year's columns are this year's actuals.

mod common;

use std::path::Path;
use std::process::Output;

use common::{DATA, jixiao_command, stdout};
use jixiao::model::Note;

/// Runs jixiao with `args` followed by `paths`.
fn jixiao(args: &[&str], paths: &[&Path]) -> Output {
    jixiao_command(args)
        .args(paths)
        .output()
        .expect("the jixiao binary runs")
}

/// `data/2024.yaml` copied into a temporary directory with the schema beside
/// it, as in the repository.
fn setup() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    let from = data.join("2024.yaml");
    std::fs::copy(DATA, &from).unwrap();
    (dir, from)
}

#[test]
fn next_years_file_loads_lists_what_to_fill_and_carries_the_actuals() {
    let (dir, from) = setup();
    let out = dir.path().join("data/2025.yaml");
    let o = jixiao(&["init", "--year", "2025", "--from"], &[from.as_path()]);
    assert!(o.status.success(), "{o:?}");
    assert!(stdout(&o).contains("待填"), "{}", stdout(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../schema/jixiao.schema.json\n"));
    assert!(text.contains("\nyear: 2025\n"));

    let old = jixiao::analyse_file(&from).unwrap();
    let new = jixiao::analyse_file(&out).unwrap();
    let facts = &new.loaded.facts;
    assert_eq!(facts.year.value, 2025.into());
    assert!(facts.reported.is_empty());

    // Last year's columns are 2024's actuals.
    let (a, b) = (&old.loaded.facts.base_data, &facts.base_data);
    for (this, next) in [
        (
            &a.three_public.vehicle_purchase,
            &b.three_public.vehicle_purchase,
        ),
        (
            &a.three_public.vehicle_operation,
            &b.three_public.vehicle_operation,
        ),
        (&a.three_public.overseas, &b.three_public.overseas),
        (&a.three_public.reception, &b.three_public.reception),
    ] {
        assert_eq!(next.last_year.value, this.actual.value);
    }
    assert_eq!(
        b.public_funds.last_year.value,
        old.loaded.facts.basic_expenditure.public.value
    );
    for (this, next) in a.public_funds.items.iter().zip(&b.public_funds.items) {
        assert_eq!(next.name.value, this.name.value);
        assert_eq!(next.last_year.map(|x| x.value), Some(this.actual.value));
    }
    for (this, next) in old.loaded.facts.projects.iter().zip(&facts.projects) {
        let key = jixiao::compute::project_key(&this.name);
        assert_eq!(
            Some(next.last_year_actual.value),
            old.figures.number(&format!("{key}.actual")),
            "{}",
            this.name.value
        );
    }
    // 运行维护经费 906.86, 业务工作经费 72.12 + 6.8.
    assert_eq!(
        facts.projects[0].last_year_actual.value.to_string(),
        "906.86"
    );
    assert_eq!(
        facts.projects[1].last_year_actual.value.to_string(),
        "78.92"
    );

    // The profile, the indicator structure and its wording are kept.
    assert_eq!(facts.unit.name.value, old.loaded.facts.unit.name.value);
    assert_eq!(facts.unit.divisions.names.len(), 7);
    let names = |e: &jixiao::model::Evaluation| -> Vec<(String, String)> {
        e.categories
            .iter()
            .flat_map(|c| &c.subcategories)
            .flat_map(|s| &s.indicators)
            .map(|i| (i.name.value.clone(), i.target.text.clone()))
            .collect()
    };
    assert_eq!(
        names(&facts.self_evaluation),
        names(&old.loaded.facts.self_evaluation)
    );

    // Every pending value is a J015 error with its path; check fails.
    let pending: Vec<&str> = new
        .loaded
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Pending { path, .. } => Some(path.as_str()),
            Note::Precision { .. } => None,
        })
        .collect();
    for path in [
        "unit.staffing.actual",
        "basic_expenditure.actual",
        "projects[0].funding.current_year.actual",
        "projects[1].funding.other.full_year_budget",
        "base_data.three_public.reception.budget",
        "base_data.public_funds.items[0].actual",
        "base_data.procurement.budget",
        "self_evaluation.categories[0].subcategories[0].indicators[0].actual_value",
        "self_evaluation.categories[0].subcategories[1].indicators[0].score",
    ] {
        assert!(pending.contains(&path), "{path} not pending: {pending:#?}");
    }
    let j015 = new.findings.iter().filter(|f| f.code == "J015").count();
    assert_eq!(j015, pending.len());
    assert_eq!(new.errors(), j015, "only the pending values are errors");

    let check = jixiao(&["check"], &[out.as_path()]);
    assert_eq!(check.status.code(), Some(1));
    let listed = stdout(&check);
    for path in [
        "basic_expenditure.actual",
        "base_data.three_public.vehicle_purchase.actual",
        "projects[0].evaluation.categories[0].subcategories[0].indicators[0].actual_value",
    ] {
        assert!(listed.contains(&format!("「{path}」尚未填写")), "{listed}");
    }
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let (dir, from) = setup();
    let out = dir.path().join("next.yaml");
    std::fs::write(&out, "手写的内容").unwrap();
    let o = jixiao(
        &["init", "--year", "2025", "--from"],
        &[from.as_path(), Path::new("-o"), out.as_path()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "手写的内容");
    let o = jixiao(
        &["init", "--year", "2025", "--force", "--from"],
        &[from.as_path(), Path::new("-o"), out.as_path()],
    );
    assert!(o.status.success(), "{o:?}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("year: 2025"));
    // Not beside the source: no editor line with a relative path that would be wrong.
    assert!(!text.contains("$schema"));
    // The source itself is never overwritten, even with --force.
    let o = jixiao(
        &["init", "--year", "2025", "--force", "--from"],
        &[from.as_path(), Path::new("-o"), from.as_path()],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        std::fs::read_to_string(&from)
            .unwrap()
            .contains("year: 2024")
    );
}

#[test]
fn filling_every_pending_value_clears_the_pending_errors() {
    let (dir, from) = setup();
    let out = dir.path().join("data/2025.yaml");
    assert!(
        jixiao(&["init", "--year", "2025", "--from"], &[from.as_path()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let filled: String = text
        .lines()
        .map(|l| match l.split_once(": ~ # 待填") {
            Some((key, _)) => format!("{key}: 1\n"),
            None => format!("{l}\n"),
        })
        .collect();
    let loaded = jixiao::model::load_str(&filled, "filled.yaml").unwrap();
    assert!(
        !loaded
            .notes
            .iter()
            .any(|n| matches!(n, Note::Pending { .. }))
    );
    let analysis = jixiao::Analysis::of(loaded);
    assert!(analysis.findings.iter().all(|f| f.code != "J015"));
}

//! Many units at once: the templates loaded once, the data files checked
//! for outputs that would overwrite each other, then every unit built (on
//! every core when there are several, [`crate::parallel`]); one failing
//! unit never stops the others, and the batch's exit status is the worst of
//! its units'.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::model::load::STDIN;
use crate::render::Templates;

use super::{BuildError, Options, UnitReport, build_unit, stem};

/// The units of one batch, in the order given, and how long it took.
#[derive(Debug)]
pub struct Batch {
    pub units: Vec<UnitReport>,
    pub elapsed: Duration,
}

impl Batch {
    /// The exit status a script sees: the worst of the units'.
    pub fn exit_code(&self) -> u8 {
        self.units
            .iter()
            .map(|u| u.status.exit_code())
            .max()
            .unwrap_or(0)
    }
}

/// Builds every unit of `data` with the templates of `templates` (the
/// bundled ones when none), calling `done` as each unit finishes. Fails
/// before building any unit when the templates cannot be loaded or two
/// units would write the same outputs.
pub fn build_batch(
    data: &[PathBuf],
    templates: Option<&Path>,
    options: &Options,
    done: &(dyn Fn() + Sync),
) -> Result<Batch, BuildError> {
    let templates = Templates::load(templates).map_err(BuildError::Templates)?;
    check_stems(data)?;
    let start = Instant::now();
    let build_one = |data: &PathBuf| {
        let report = build_unit(data, &templates, options);
        done();
        report
    };
    let units = crate::parallel::map_in_order(data, build_one);
    Ok(Batch {
        units,
        elapsed: start.elapsed(),
    })
}

/// Makes Ctrl-C remove the temporary files of outputs not yet in place
/// before it ends the process (status 130), so that every unit's outputs
/// stay all old or all new ([`crate::output`]).
pub fn remove_temporaries_on_interrupt() {
    // Should the handler be refused, Ctrl-C still ends the build, and the
    // next build of the same outputs removes what it left.
    let _ = ctrlc::set_handler(|| crate::output::remove_temporaries_and_exit(130));
}

/// Two data files with the same stem would write the same outputs, and
/// standard input can be read only once.
fn check_stems(data: &[PathBuf]) -> Result<(), BuildError> {
    let stdin = data.iter().filter(|d| d.as_path() == Path::new(STDIN));
    if stdin.count() > 1 {
        return Err(BuildError::StdinTwice);
    }
    let mut seen: BTreeMap<String, &PathBuf> = BTreeMap::new();
    for d in data {
        if let Some(first) = seen.insert(stem(d), d) {
            return Err(BuildError::SameStem {
                first: first.clone(),
                second: d.clone(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(names: &[&str]) -> Vec<PathBuf> {
        names.iter().map(PathBuf::from).collect()
    }

    #[test]
    fn outputs_that_would_overwrite_each_other_stop_the_batch() {
        assert!(check_stems(&paths(&["a/2024.yaml", "b/2025.yaml", "-"])).is_ok());
        assert!(matches!(
            check_stems(&paths(&["a/2024.yaml", "b/2024.yml"])),
            Err(BuildError::SameStem { .. })
        ));
        assert!(matches!(
            check_stems(&paths(&["-", "a.yaml", "-"])),
            Err(BuildError::StdinTwice)
        ));
        // Standard input writes `stdin.*`, as a file named so would.
        assert!(matches!(
            check_stems(&paths(&["-", "x/stdin.yaml"])),
            Err(BuildError::SameStem { .. })
        ));
    }
}

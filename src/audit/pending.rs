//! Numbers left to fill in (待填, `~` in the YAML, as `jixiao init` writes
//! them): each is an error (J015) naming its path and line. They count as zero
//! in the computation, so any other finding that rests on one judges a
//! placeholder, not a fact; such findings are held back until it is filled.

use std::collections::BTreeSet;

use super::{Finding, Rule};
use crate::compute::Figures;
use crate::model::{Loaded, Note};

pub(super) fn check(loaded: &Loaded, figures: &Figures, out: &mut Vec<Finding>) {
    let pending: Vec<_> = loaded
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Pending { at, path } => Some((*at, path.as_str())),
            Note::Precision { .. } => None,
        })
        .collect();
    if pending.is_empty() {
        return;
    }
    let lines: BTreeSet<usize> = pending.iter().map(|(at, _)| at.line).collect();
    let rests_on_pending = |f: &Finding| {
        f.lines.iter().any(|l| lines.contains(l))
            || f.figures.iter().any(|name| {
                figures
                    .fact_lines(name)
                    .iter()
                    .any(|at| lines.contains(&at.line))
            })
    };
    out.retain(|f| !rests_on_pending(f));
    for (at, path) in pending {
        let path = if path.is_empty() {
            "（未知位置）"
        } else {
            path
        };
        out.push(Finding::new(
            Rule::Pending,
            format!(
                "「{path}」尚未填写（{at}）；填写前按 0 计算，依赖它的数字都不可信，涉及它的其他核对也暂不进行"
            ),
            Vec::new(),
            vec![at],
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::Analysis;
    use crate::audit::Rule;
    use crate::model::{Note, load_str};

    const DATA: &str = include_str!("../../data/2024.yaml");

    fn analyse(text: &str) -> Analysis {
        Analysis::of(load_str(text, "t.yaml").unwrap())
    }

    #[test]
    fn a_null_amount_is_pending_with_its_path_and_holds_back_what_rests_on_it() {
        let before = analyse(DATA);
        assert!(
            before
                .findings
                .iter()
                .any(|f| f.rule == Rule::ReportedVsComputed
                    && f.figures.iter().any(|n| n == "basic.public"))
        );
        let text = DATA.replacen("  public: 1215.97", "  public: ~", 1);
        let a = analyse(&text);
        let pending: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.rule == Rule::Pending)
            .collect();
        assert_eq!(pending.len(), 1);
        assert!(pending[0].message.contains("「basic_expenditure.public」"));
        assert_eq!(a.figures.number("basic.public"), Some(0.into()));
        // The printed 公用经费 can no longer be compared with a placeholder.
        assert!(
            !a.findings
                .iter()
                .any(|f| f.rule != Rule::Pending && f.figures.iter().any(|n| n == "basic.public"))
        );
    }

    #[test]
    fn a_written_null_score_is_pending_but_a_missing_one_is_not() {
        let written = DATA.replacen(
            "                  score: 6\n",
            "                  score: ~\n",
            1,
        );
        let a = analyse(&written);
        assert!(a.loaded.notes.iter().any(|n| matches!(n,
            Note::Pending { path, .. } if path.ends_with("indicators[0].score"))));
        let left_out = DATA.replacen("                  score: 6\n", "", 1);
        let b = analyse(&left_out);
        assert!(
            !b.loaded
                .notes
                .iter()
                .any(|n| matches!(n, Note::Pending { .. }))
        );
    }
}

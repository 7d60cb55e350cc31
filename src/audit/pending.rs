//! Values left to fill in — numbers written `~` (待填, as `jixiao init` and
//! `jixiao new` write them) and texts still reading 待填：… (as `jixiao new`
//! writes them): each is an error (J015) naming its path and line. Numbers count as zero
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
            Note::Pending { at, path, text } => Some((*at, path.as_str(), *text)),
            Note::Precision { .. } => None,
        })
        .collect();
    if pending.is_empty() {
        return;
    }
    let lines: BTreeSet<usize> = pending.iter().map(|(at, ..)| at.line).collect();
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
    for (at, path, text) in pending {
        let path = if path.is_empty() {
            "（未知位置）"
        } else {
            path
        };
        let message = if text {
            format!("「{path}」仍是待填的文字（{at}）；请改写为本单位的实际内容")
        } else {
            format!(
                "「{path}」尚未填写（{at}）；填写前按 0 计算，依赖它的数字都不可信，涉及它的其他核对也暂不进行"
            )
        };
        out.push(Finding::new(Rule::Pending, message, Vec::new(), vec![at]));
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
    fn a_text_beginning_with_the_placeholder_is_pending_and_no_other() {
        let at = |text: &str| {
            analyse(text)
                .loaded
                .notes
                .iter()
                .filter_map(|n| match n {
                    Note::Pending {
                        path, text: true, ..
                    } => Some(path.clone()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        let name = "  name: 湖南省工业和信息化行业事务中心\n";
        assert!(DATA.contains(name));
        assert!(at(DATA).is_empty());
        for pending in ["待填：单位全称", "\"待填：单位全称\"", "'待填：'"] {
            let text = DATA.replacen(name, &format!("  name: {pending}\n"), 1);
            assert_eq!(at(&text), ["unit.name"], "{pending}");
            assert!(
                analyse(&text)
                    .findings
                    .iter()
                    .any(|f| f.rule == Rule::Pending)
            );
        }
        // Written within a text, bare (as `init` leaves 实际完成值) or in a comment: not a placeholder.
        for kept in [
            "单位全称待填：无",
            "待填",
            "湖南省工业和信息化行业事务中心 # 待填：单位全称",
        ] {
            let text = DATA.replacen(name, &format!("  name: {kept}\n"), 1);
            assert!(at(&text).is_empty(), "{kept}");
        }
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

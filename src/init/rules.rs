//! Next year's `rules:` block: the same profile and the same options the
//! file set itself, so that next year's scores follow the same rules.

use super::{Writer, scalar};
use crate::model::{Rules, option_value};

pub(super) fn rules(w: &mut Writer, rules: &Rules) {
    w.open(0, "rules");
    w.key(1, "profile", &option_value(rules.profile));
    w.key(1, "rounding", &rules.rounding.as_written());
    let options = [
        ("at_most_missed", rules.at_most_missed.map(option_value)),
        ("exact_exceeded", rules.exact_exceeded.map(option_value)),
        ("rating_edges", rules.rating_edges.map(option_value)),
        (
            "over_achievement",
            rules.over_achievement.as_ref().map(|t| scalar(&t.value)),
        ),
        ("execution_score", rules.execution_score.map(option_value)),
        (
            "satisfaction_steps",
            rules.satisfaction_steps.map(option_value),
        ),
    ];
    for (key, value) in options {
        if let Some(value) = value {
            w.key(1, key, &value);
        }
    }
    if let Some(bands) = &rules.execution_bands {
        let bands: Vec<String> = bands
            .iter()
            .map(|b| format!("{{ from: {}, share: {} }}", b.from.value, b.share.value))
            .collect();
        w.key(1, "execution_bands", &format!("[{}]", bands.join(", ")));
    }
    if let Some(weights) = &rules.top_weights {
        let weights: Vec<String> = weights.iter().map(|n| n.value.to_string()).collect();
        w.key(1, "top_weights", &format!("[{}]", weights.join(", ")));
    }
}

//! The words of explicit margins and estimates in French and English: a
//! buffer's row, what progress has consumed of it, the plan's total, and
//! the spread (sigma) of an estimate (docs/margins.md).

use retroplan_engine::{Buffer, BufferKind, Lang, Plan, Schedule};

use crate::i18n::working_days;

/// A buffer as a row title: what it protects.
pub fn title(lang: Lang, plan: &Plan, buffer: &Buffer) -> String {
    let after = buffer
        .after
        .map(|t| plan.tasks[t].id.as_str())
        .unwrap_or("");
    match (buffer.kind, lang) {
        (BufferKind::Task, Lang::Fr) => format!("░ marge après {after}"),
        (BufferKind::Task, Lang::En) => format!("░ buffer after {after}"),
        (BufferKind::Critical { percent, .. }, Lang::Fr) => {
            format!("░ marge du chemin critique ({percent} %)")
        }
        (BufferKind::Critical { percent, .. }, Lang::En) => {
            format!("░ critical path buffer ({percent}%)")
        }
        (BufferKind::Ready, Lang::Fr) => "░ marge avant le Jour J".to_string(),
        (BufferKind::Ready, Lang::En) => "░ buffer before D-day".to_string(),
    }
}

/// What progress has eaten of a buffer, when anything: "1/3 consumed",
/// "used up".
pub fn consumed(lang: Lang, buffer: &Buffer) -> Option<String> {
    if buffer.consumed == 0 {
        return None;
    }
    Some(if buffer.consumed >= buffer.days {
        match lang {
            Lang::Fr => "épuisée".to_string(),
            Lang::En => "used up".to_string(),
        }
    } else {
        match lang {
            Lang::Fr => format!("{}/{} consommé", buffer.consumed, buffer.days),
            Lang::En => format!("{}/{} consumed", buffer.consumed, buffer.days),
        }
    })
}

/// One sentence on every buffer of the plan: its total, what is consumed,
/// and the parts. `None` when the plan has no buffer.
pub fn summary(lang: Lang, plan: &Plan, schedule: &Schedule) -> Option<String> {
    if schedule.buffers.is_empty() {
        return None;
    }
    let total: u32 = schedule.buffers.iter().map(|b| b.days).sum();
    let consumed: u32 = schedule.buffers.iter().map(|b| b.consumed).sum();
    let parts: Vec<String> = schedule
        .buffers
        .iter()
        .map(|b| {
            let what = match (b.kind, lang) {
                (BufferKind::Task, _) => b
                    .after
                    .map_or("", |t| plan.tasks[t].id.as_str())
                    .to_string(),
                (BufferKind::Critical { .. }, Lang::Fr) => "chemin critique".to_string(),
                (BufferKind::Critical { .. }, Lang::En) => "critical path".to_string(),
                (BufferKind::Ready, Lang::Fr) => "avant J".to_string(),
                (BufferKind::Ready, Lang::En) => "before D".to_string(),
            };
            if b.consumed > 0 {
                format!("{what} {}/{}", b.consumed, b.days)
            } else {
                format!("{what} {}", b.days)
            }
        })
        .collect();
    let parts = parts.join(" · ");
    Some(match lang {
        Lang::Fr => format!(
            "Marges : {} ({parts}), dont {consumed} consommé{}",
            working_days(lang, total),
            if consumed > 1 { "s" } else { "" }
        ),
        Lang::En => format!(
            "Buffers: {} ({parts}), {consumed} consumed",
            working_days(lang, total)
        ),
    })
}

/// The spread of the critical path's estimates, when it has any.
pub fn critical_sigma(lang: Lang, sigma: f64) -> Option<String> {
    (sigma > 0.0).then(|| match lang {
        Lang::Fr => format!(
            "Incertitude du chemin critique (PERT) : σ = {} jour(s) ouvré(s)",
            one_decimal(lang, sigma)
        ),
        Lang::En => format!(
            "Critical path uncertainty (PERT): σ = {} working day(s)",
            one_decimal(lang, sigma)
        ),
    })
}

/// A task's days with the sigma of its estimate: "6 ±0,8".
pub fn days_with_sigma(lang: Lang, days: u32, sigma: f64) -> String {
    if sigma > 0.0 {
        format!("{days} ±{}", one_decimal(lang, sigma))
    } else {
        days.to_string()
    }
}

fn one_decimal(lang: Lang, x: f64) -> String {
    let text = format!("{x:.1}");
    match lang {
        Lang::Fr => text.replace('.', ","),
        Lang::En => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sigma_in_each_language() {
        assert_eq!(days_with_sigma(Lang::Fr, 6, 5.0 / 6.0), "6 ±0,8");
        assert_eq!(days_with_sigma(Lang::En, 6, 5.0 / 6.0), "6 ±0.8");
        assert_eq!(days_with_sigma(Lang::En, 4, 0.0), "4");
        assert_eq!(critical_sigma(Lang::En, 0.0), None);
    }
}

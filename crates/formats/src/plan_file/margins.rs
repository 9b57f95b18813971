//! The keys of risk planning: the plan's `estimate_at`, its margins
//! (`margin = { critical = "20%" }`, `ready_by` or `buffer`) and a task's
//! own `margin` (docs/margins.md). Each is read strictly: a size must say
//! what it is, and a ready-by date must come before the deadline.

use jiff::civil::Date;
use retroplan_engine::day_number::day_number;
use retroplan_engine::plan::{EstimateAt, Margins, ReadyBy};
use toml::de::DeValue;

use crate::diagnostic::Diagnostic;
use crate::plan_file::fields::{Fields, Value, describe};

const MARGIN_KEYS: &[&str] = &["critical"];
/// More would not be a margin but a second plan.
const MOST_MARGIN_DAYS: u32 = 1000;
/// `MOST_MARGIN_DAYS` working days in calendar days (five in seven).
const MOST_READY_DAYS_BEFORE: i32 = 1400;
const DAYS_HINT: &str = "a number of working days: 5, \"5d\" or \"5j\"";

/// The plan's `estimate_at`, `margin`, `ready_by` and `buffer`.
pub(crate) fn read_plan_margins(
    f: &mut Fields<'_, '_>,
    deadline: Option<Date>,
) -> (Margins, EstimateAt) {
    let estimate_at = match f.string("estimate_at") {
        Some((text, span)) => EstimateAt::parse(&text).unwrap_or_else(|| {
            f.error(
                Diagnostic::error(
                    "bad-estimate-at",
                    span,
                    format!("`estimate_at` = \"{text}\" is not a way to plan an estimate"),
                )
                .with_hint("use \"mean\" (the PERT mean, the default) or a percentile from \"p1\" to \"p99\", such as \"p80\""),
            );
            EstimateAt::Mean
        }),
        None => EstimateAt::Mean,
    };
    let mut margins = Margins::default();
    if let Some(value) = f.get("margin") {
        margins.critical = read_policy(f, value);
    }
    let ready_by = f.get("ready_by").and_then(|value| {
        let span = f.span(value);
        let when = f.when_value("ready_by", value)?;
        let Some((deadline, day)) = deadline.and_then(|d| Some((d, when.resolve(d)?))) else {
            return Some(when);
        };
        if day >= deadline {
            f.error(
                Diagnostic::error(
                    "ready-by-after-deadline",
                    span,
                    format!("`ready_by` ({day}) is not before the deadline ({deadline})"),
                )
                .with_hint("the work must be ready before the deadline: give an earlier date, or a label such as \"J-5\""),
            );
            return None;
        }
        // As `buffer` is bounded in working days: 1,000 of them come to
        // about 1,400 calendar days.
        let before = day_number(deadline) - day_number(day);
        if before > MOST_READY_DAYS_BEFORE {
            f.error(
                Diagnostic::error(
                    "out-of-range",
                    span,
                    format!(
                        "`ready_by` ({day}) is {before} days before the deadline: more than {MOST_READY_DAYS_BEFORE} would not be a margin but a second plan"
                    ),
                )
                .with_hint("a buffer of up to 1000 working days: give a later date, or `buffer` in working days"),
            );
            return None;
        }
        Some(when)
    });
    let buffer = f
        .get("buffer")
        .and_then(|value| working_days(f, "buffer", value));
    margins.ready = match (ready_by, buffer) {
        (Some(_), Some(_)) => {
            let span = f.get("buffer").map(|v| f.span(v)).unwrap_or(0..0);
            f.error(
                Diagnostic::error(
                    "ready-by-and-buffer",
                    span,
                    "the plan gives both `ready_by` and `buffer`",
                )
                .with_hint("keep one: `ready_by` names the day, `buffer` the working days before the deadline"),
            );
            None
        }
        (Some(when), None) => Some(ReadyBy::Date(when)),
        (None, Some(0)) | (None, None) => None,
        (None, Some(days)) => Some(ReadyBy::Days(days)),
    };
    (margins, estimate_at)
}

/// A task's `margin`: working days of buffer after it.
pub(crate) fn read_task_margin(f: &mut Fields<'_, '_>) -> u32 {
    f.get("margin")
        .and_then(|value| working_days(f, "margin", value))
        .unwrap_or(0)
}

/// `margin = { critical = "20%" }`: the share of the critical chain.
fn read_policy(f: &mut Fields<'_, '_>, value: &Value<'_>) -> Option<u32> {
    let DeValue::Table(table) = value.get_ref() else {
        let span = f.span(value);
        f.error(
            Diagnostic::error(
                "wrong-type",
                span,
                format!(
                    "the plan's `margin` is a table, not {}",
                    describe(value.get_ref())
                ),
            )
            .with_hint(
                "write `margin = { critical = \"20%\" }`; a task's own margin goes in its [[task]]",
            ),
        );
        return None;
    };
    let mut g = Fields::new(table, f.offset(), "`margin`", MARGIN_KEYS);
    let critical = g
        .get("critical")
        .and_then(|v| percent(&mut g, "critical", v));
    f.diagnostics.extend(g.finish());
    critical.filter(|&p| p > 0)
}

/// `"20%"` or `20`: a whole percentage from 0 to 100.
fn percent(f: &mut Fields<'_, '_>, key: &str, value: &Value<'_>) -> Option<u32> {
    let span = f.span(value);
    let n = match value.get_ref() {
        DeValue::String(s) => s
            .trim()
            .strip_suffix('%')
            .and_then(|n| n.trim().parse::<u32>().ok()),
        DeValue::Integer(_) => {
            return f
                .integer_value(key, value, 0..101, "a percentage from 0 to 100")
                .map(|n| n as u32);
        }
        _ => None,
    };
    match n {
        Some(n) if n <= 100 => Some(n),
        _ => {
            let shown = match value.get_ref() {
                DeValue::String(s) => format!("\"{s}\""),
                other => describe(other),
            };
            f.error(
                Diagnostic::error(
                    "bad-percent",
                    span,
                    format!("`{key}` = {shown} is not a percentage from 0% to 100%"),
                )
                .with_hint("write it as \"20%\" (the seeds advise at least 20% on critical tasks)"),
            );
            None
        }
    }
}

/// `5`, `"5d"`, `"5j"`, `"5 days"`, `"5 jours"`: working days.
fn working_days(f: &mut Fields<'_, '_>, key: &str, value: &Value<'_>) -> Option<u32> {
    let span = f.span(value);
    let n = match value.get_ref() {
        DeValue::Integer(_) => {
            return f
                .integer_value(key, value, 0..i64::from(MOST_MARGIN_DAYS) + 1, DAYS_HINT)
                .map(|n| n as u32);
        }
        DeValue::String(s) => parse_days(s),
        _ => None,
    };
    match n {
        Some(n) if n <= MOST_MARGIN_DAYS => Some(n),
        Some(n) => {
            f.error(Diagnostic::error(
                "out-of-range",
                span,
                format!(
                    "`{key}` = {n} working days is out of range: expected 0 to {MOST_MARGIN_DAYS}"
                ),
            ));
            None
        }
        None => {
            let shown = match value.get_ref() {
                DeValue::String(s) => format!("\"{s}\""),
                other => describe(other),
            };
            f.error(
                Diagnostic::error(
                    "bad-days",
                    span,
                    format!("`{key}` = {shown} is not a number of working days"),
                )
                .with_hint(format!("write {DAYS_HINT}")),
            );
            None
        }
    }
}

fn parse_days(text: &str) -> Option<u32> {
    let t = text.trim().to_lowercase();
    let digits = t.trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace());
    let unit = t[digits.len()..].trim();
    if !matches!(unit, "" | "d" | "j" | "day" | "days" | "jour" | "jours") {
        return None;
    }
    digits.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::parse_days;

    #[test]
    fn sizes_in_working_days() {
        for (text, days) in [
            ("5d", 5),
            ("5j", 5),
            (" 12 jours", 12),
            ("1 day", 1),
            ("3", 3),
        ] {
            assert_eq!(parse_days(text), Some(days), "{text}");
        }
        for text in ["", "d", "5w", "five days", "-2d", "2.5d"] {
            assert_eq!(parse_days(text), None, "{text}");
        }
    }
}

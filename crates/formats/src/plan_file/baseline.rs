//! `[baseline.NAME]` tables: the planned dates recorded by `retroplan
//! baseline`, read back to measure variance, and the text that records one.
//!
//! A baseline lives in the plan file, after the tasks, one line per task:
//! the plan and its history travel together and read well in a diff.

use jiff::civil::Date;
use retroplan_engine::plan::{Baseline, BaselineTask};
use toml::de::DeValue;

use crate::diagnostic::Diagnostic;
use crate::plan_file::fields::{Fields, Value, describe};

const BASELINE_KEYS: &[&str] = &["recorded", "deadline", "start", "end", "verdict", "tasks"];
const TASK_KEYS: &[&str] = &["start", "end", "days", "owner", "status"];

/// Every `[baseline.NAME]` of the plan, in file order.
pub(crate) fn read_baselines(f: &mut Fields<'_, '_>) -> Vec<Baseline> {
    let Some(value) = f.get("baseline") else {
        return Vec::new();
    };
    let DeValue::Table(all) = value.get_ref() else {
        let span = f.span(value);
        f.error(
            Diagnostic::error(
                "wrong-type",
                span,
                format!(
                    "`baseline` must be a table, not {}",
                    describe(value.get_ref())
                ),
            )
            .with_hint("`retroplan baseline PLAN` writes them as [baseline.NAME] sections"),
        );
        return Vec::new();
    };
    // The table's own order is its keys' (alphabetical); where each name is
    // written gives the file's.
    let mut in_file: Vec<_> = all.iter().collect();
    in_file.sort_by_key(|(name, _)| name.span().start);
    let mut baselines = Vec::new();
    for (name, value) in in_file {
        if let Some(b) = read_baseline(f, name.get_ref(), value) {
            baselines.push(b);
        }
    }
    baselines
}

fn read_baseline(f: &mut Fields<'_, '_>, name: &str, value: &Value<'_>) -> Option<Baseline> {
    let span = f.span(value);
    let DeValue::Table(table) = value.get_ref() else {
        f.error(Diagnostic::error(
            "wrong-type",
            span,
            format!("baseline \"{name}\" must be a table"),
        ));
        return None;
    };
    let mut g = Fields::new(table, f.offset(), "a baseline", BASELINE_KEYS);
    let recorded = g.date("recorded").map(|(d, _)| d);
    let deadline = g.date("deadline").map(|(d, _)| d);
    let start = g.date("start").map(|(d, _)| d);
    let end = g.date("end").map(|(d, _)| d);
    let verdict = g.string("verdict").map(|(v, _)| v);
    let tasks = read_tasks(&mut g, name);
    for (key, missing) in [
        ("recorded", recorded.is_none()),
        ("deadline", deadline.is_none()),
    ] {
        if missing && g.get(key).is_none() {
            g.error(
                Diagnostic::error(
                    "missing-key",
                    span.clone(),
                    format!("baseline \"{name}\" has no `{key}`"),
                )
                .with_hint("record baselines with `retroplan baseline PLAN` rather than by hand"),
            );
        }
    }
    f.diagnostics.extend(g.finish());
    Some(Baseline {
        name: name.to_string(),
        recorded: recorded?,
        deadline: deadline?,
        start,
        end,
        verdict,
        tasks,
    })
}

fn read_tasks(g: &mut Fields<'_, '_>, name: &str) -> Vec<BaselineTask> {
    let Some(value) = g.get("tasks") else {
        return Vec::new();
    };
    let DeValue::Table(table) = value.get_ref() else {
        let span = g.span(value);
        g.error(Diagnostic::error(
            "wrong-type",
            span,
            format!("`tasks` of baseline \"{name}\" must be a table of task ids"),
        ));
        return Vec::new();
    };
    let mut tasks = Vec::new();
    for (id, value) in table.iter() {
        let id = id.get_ref();
        let span = g.span(value);
        let DeValue::Table(entry) = value.get_ref() else {
            g.error(Diagnostic::error(
                "wrong-type",
                span,
                format!("task `{id}` of baseline \"{name}\" must be {{ start = ..., end = ... }}"),
            ));
            continue;
        };
        let mut h = Fields::new(entry, g.offset(), "a baseline task", TASK_KEYS);
        let start = h.date("start").map(|(d, _)| d);
        let end = h.date("end").map(|(d, _)| d);
        let days = h.integer("days", 0..100_001, "working days").unwrap_or(0) as u32;
        let owner = h.string("owner").map(|(o, _)| o);
        let status = crate::plan_file::task::read_status(&mut h);
        if start.is_none() || end.is_none() {
            h.error(Diagnostic::error(
                "missing-key",
                span.clone(),
                format!("task `{id}` of baseline \"{name}\" needs a `start` and an `end`"),
            ));
        }
        g.diagnostics.extend(h.finish());
        if let (Some(start), Some(end)) = (start, end) {
            tasks.push(BaselineTask {
                id: id.to_string(),
                start,
                end,
                days,
                owner,
                status,
            });
        }
    }
    tasks
}

/// The text of a `[baseline.NAME]` section, to append to a plan file.
pub fn baseline_text(baseline: &Baseline) -> String {
    use std::fmt::Write;
    let quoted = |s: &str| toml_edit::Value::from(s).to_string().trim().to_string();
    let mut out = String::new();
    let bare = !baseline.name.is_empty()
        && baseline
            .name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let key = if bare {
        baseline.name.clone()
    } else {
        quoted(&baseline.name)
    };
    let _ = writeln!(out, "\n[baseline.{key}]");
    let _ = writeln!(out, "recorded = {}", baseline.recorded);
    let _ = writeln!(out, "deadline = {}", baseline.deadline);
    let date_line = |out: &mut String, key: &str, d: Option<Date>| {
        if let Some(d) = d {
            let _ = writeln!(out, "{key} = {d}");
        }
    };
    date_line(&mut out, "start", baseline.start);
    date_line(&mut out, "end", baseline.end);
    if let Some(v) = &baseline.verdict {
        let _ = writeln!(out, "verdict = {}", quoted(v));
    }
    for t in &baseline.tasks {
        let _ = write!(
            out,
            "tasks.{} = {{ start = {}, end = {}, days = {}",
            t.id, t.start, t.end, t.days
        );
        if let Some(owner) = &t.owner {
            let _ = write!(out, ", owner = {}", quoted(owner));
        }
        let _ = writeln!(out, ", status = \"{}\" }}", t.status.code());
    }
    out
}

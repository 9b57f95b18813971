//! A plan to a template: the deadline taken out and every date made a label
//! relative to it, so the template re-dates itself for any deadline.

use jiff::civil::Date;
use retroplan_engine::relative::day_label;
use retroplan_formats::plan_file::{is_valid_id, parse_date, suggest_id};
use retroplan_formats::{engine_diagnostics, has_errors, read_plan};
use toml_edit::{DocumentMut, Item, Table, Value};

use crate::catalog::Catalog;
use crate::document::{each_table, replace_value};
use crate::error::TemplateError;

/// The template text of `plan_text` under `id`. Refuses a plan that does
/// not read or schedule, and a built-in template's id. Absolute dates become
/// `J±n` labels (calendar days from the deadline), which is exact: the
/// template instantiated with the same deadline gives the same dates.
pub fn save(plan_text: &str, id: &str, catalog: &Catalog) -> Result<String, TemplateError> {
    if !is_valid_id(id) {
        return Err(TemplateError::BadId {
            id: id.to_string(),
            suggestion: suggest_id(id),
        });
    }
    if catalog.is_builtin(id) {
        return Err(TemplateError::BuiltInId { id: id.to_string() });
    }
    let invalid = |text: &str, diagnostics| TemplateError::Invalid {
        what: "the plan".to_string(),
        text: text.to_string(),
        diagnostics,
    };
    let read = read_plan(plan_text);
    let plan = match read.plan {
        Some(p) if !has_errors(&read.diagnostics) => p,
        _ => return Err(invalid(plan_text, read.diagnostics)),
    };
    // Planned dates do not depend on today: any date gives the span.
    let schedule = retroplan_engine::schedule(&plan, plan.deadline)
        .map_err(|e| invalid(plan_text, engine_diagnostics(&e, &plan, &read.spans)))?;
    let offset = |d: Date| (d - plan.deadline).get_days();
    let span = match (schedule.start, schedule.finish) {
        (Some(s), Some(f)) => format!("{} … {}", day_label(offset(s)), day_label(offset(f).max(0))),
        _ => "J".to_string(),
    };

    let mut doc: DocumentMut = plan_text
        .parse()
        .map_err(|_| invalid(plan_text, Vec::new()))?;
    doc.remove("deadline");
    doc.remove("today");
    let deadline = plan.deadline;
    let relative = |item: &mut Item| relabel(item, deadline);
    if let Some(item) = doc.get_mut("ready_by") {
        relative(item);
    }
    each_table(&mut doc, "task", |t| {
        for key in ["due", "on"] {
            if let Some(item) = t.get_mut(key) {
                relative(item);
            }
        }
    });
    each_table(&mut doc, "person", |p| {
        if let Some(item) = p.get_mut("off") {
            relabel_ranges(item, deadline);
        }
    });
    each_table(&mut doc, "meeting", |m| {
        for key in ["on", "from", "to"] {
            if let Some(item) = m.get_mut(key) {
                relative(item);
            }
        }
    });
    if let Some(calendar) = doc.get_mut("calendar").and_then(|c| c.as_table_like_mut()) {
        for key in ["holidays", "closed"] {
            if let Some(item) = calendar.get_mut(key) {
                relabel_ranges(item, deadline);
            }
        }
    }

    let mut meta = Table::new();
    meta.insert("id", Item::Value(id.into()));
    meta.insert("title", Item::Value(plan.name.as_str().into()));
    meta.insert("span", Item::Value(span.into()));
    meta.insert(
        "source",
        Item::Value(format!("saved from the plan \"{}\"", plan.name).into()),
    );
    // Before every other table: parsed tables are numbered from 0 or 1.
    meta.set_position(Some(-1));
    doc.insert("template", Item::Table(meta));
    Ok(doc.to_string())
}

/// A date value (or an array of them) to labels; labels stay as they are.
fn relabel(item: &mut Item, deadline: Date) {
    match item {
        Item::Value(Value::Array(items)) => {
            for v in items.iter_mut() {
                relabel_value(v, deadline);
            }
        }
        Item::Value(v) => relabel_value(v, deadline),
        _ => {}
    }
}

/// Dates and `{ from, to }` ranges (calendar closures, time off).
fn relabel_ranges(item: &mut Item, deadline: Date) {
    let Some(items) = item.as_array_mut() else {
        return;
    };
    for v in items.iter_mut() {
        match v.as_inline_table_mut() {
            Some(range) => {
                for key in ["from", "to"] {
                    if let Some(v) = range.get_mut(key) {
                        relabel_value(v, deadline);
                    }
                }
            }
            None => relabel_value(v, deadline),
        }
    }
}

fn relabel_value(v: &mut Value, deadline: Date) {
    let date = match v {
        Value::Datetime(dt) => dt
            .value()
            .date
            .and_then(|d| Date::new(d.year as i16, d.month as i8, d.day as i8).ok()),
        Value::String(s) => parse_date(s.value()),
        _ => None,
    };
    if let Some(d) = date {
        let mut item = Item::Value(v.clone());
        replace_value(&mut item, day_label((d - deadline).get_days()));
        if let Item::Value(new) = item {
            *v = new;
        }
    }
}

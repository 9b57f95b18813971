//! The schedule as CSV: one header row, then one row per task in plan order.
//! Column names are the JSON keys, so scripts can use either.
//!
//! Buffers are rows too (docs/margins.md), so that a margin is as visible in
//! a spreadsheet as in the table: each right after the task it follows, the
//! one before the deadline last. Their `item` is `buffer` (a task's is
//! `task`) and their id `buffer:` then what they follow, which no task id
//! can be (ids are `[a-z0-9_-]+`).

use std::io::{self, Write};

use retroplan_engine::relative::day_label;
use retroplan_engine::{Buffer, BufferKind, Plan, Schedule};

use crate::iso_date::iso;

pub const COLUMNS: &[&str] = &[
    "id",
    "title",
    "owner",
    "phase",
    "channel",
    "status",
    "days",
    "label",
    "start",
    "end",
    "earliest_start",
    "earliest_end",
    "latest_start",
    "latest_end",
    "slack",
    "critical",
    "milestone",
    "direction",
    "item",
    "sigma",
    "consumed",
];

pub fn write_schedule_csv(out: &mut dyn Write, plan: &Plan, schedule: &Schedule) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS).map_err(io_error)?;
    for (t, (task, s)) in plan.tasks.iter().zip(&schedule.tasks).enumerate() {
        let days = s.days.to_string();
        let slack = s.slack.to_string();
        let label = day_label(s.offset);
        let dates = [
            s.start,
            s.end,
            s.earliest_start,
            s.earliest_end,
            s.latest_start,
            s.latest_end,
        ]
        .map(iso);
        let sigma = task.duration.sigma();
        let sigma = if sigma > 0.0 {
            format!("{sigma:.2}")
        } else {
            String::new()
        };
        let record: [&str; 21] = [
            &task.id,
            &task.title,
            task.owner.as_deref().unwrap_or(""),
            task.phase.as_deref().unwrap_or(""),
            task.channel.as_deref().unwrap_or(""),
            task.status.code(),
            &days,
            &label,
            dates[0].as_str(),
            dates[1].as_str(),
            dates[2].as_str(),
            dates[3].as_str(),
            dates[4].as_str(),
            dates[5].as_str(),
            &slack,
            if s.critical { "true" } else { "false" },
            if s.milestone { "true" } else { "false" },
            s.direction.code(),
            "task",
            &sigma,
            "",
        ];
        w.write_record(record).map_err(io_error)?;
        for b in schedule.buffers.iter().filter(|b| b.after == Some(t)) {
            buffer_row(&mut w, plan, b)?;
        }
    }
    for b in schedule.buffers.iter().filter(|b| b.after.is_none()) {
        buffer_row(&mut w, plan, b)?;
    }
    w.flush()
}

/// csv's error as an `io::Error` that keeps an I/O error's own kind (a
/// closed pipe stays `BrokenPipe`, which the CLI does not report); csv's
/// own conversion makes every error `Other`.
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

fn buffer_row<W: Write>(w: &mut csv::Writer<W>, plan: &Plan, b: &Buffer) -> io::Result<()> {
    let after = b.after.map(|t| &plan.tasks[t]);
    let id = match (b.kind, after) {
        (BufferKind::Critical { .. }, Some(task)) => format!("buffer:critical:{}", task.id),
        (_, Some(task)) => format!("buffer:{}", task.id),
        (_, None) => "buffer:ready".to_string(),
    };
    let title = match (b.kind, after) {
        (BufferKind::Critical { percent, .. }, _) => format!("critical path buffer ({percent}%)"),
        (_, Some(task)) => format!("buffer after {}", task.id),
        (_, None) => "buffer before the deadline".to_string(),
    };
    let days = b.days.to_string();
    let consumed = b.consumed.to_string();
    let label = day_label((b.start - plan.deadline).get_days());
    let (start, end) = (iso(b.start), iso(b.end));
    let phase = after.and_then(|t| t.phase.as_deref()).unwrap_or("");
    let record: [&str; 21] = [
        &id,
        &title,
        "",
        phase,
        "",
        "",
        &days,
        &label,
        start.as_str(),
        end.as_str(),
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "buffer",
        "",
        &consumed,
    ];
    w.write_record(record).map_err(io_error)
}

//! The schedule as CSV: one header row, then one row per task in plan order.
//! Column names are the JSON keys, so scripts can use either.

use std::io::{self, Write};

use retroplan_engine::relative::day_label;
use retroplan_engine::{Plan, Schedule};

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
];

pub fn write_schedule_csv(out: &mut dyn Write, plan: &Plan, schedule: &Schedule) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(COLUMNS)?;
    for (task, s) in plan.tasks.iter().zip(&schedule.tasks) {
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
        let record: [&str; 18] = [
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
        ];
        w.write_record(record)?;
    }
    w.flush()
}

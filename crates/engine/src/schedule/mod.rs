//! Dating a plan: from the model to a [`Schedule`] (SCHEDULING.md).
//!
//! The work happens in each task's own work-index space (`timeline`), in four
//! linear passes over a topological order (`passes`): backward tasks as late
//! as possible, follow-up tasks as soon as possible after their anchors, the
//! forward pass from today, and the latest dates. Slack, the critical path
//! and feasibility come from those (`critical`). Cost: O(V + E) after the
//! calendars are built, and calendars cost O(days in the plan's window).

mod critical;
mod graph;
mod passes;
mod timeline;

use jiff::civil::Date;

use crate::day_number::{DayNumber, date_of, day_number};
use crate::error::{PlanError, PlanErrors};
use crate::plan::{Plan, TaskIx};

pub use timeline::CalendarKey;

/// How a task is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// As late as possible before the deadline.
    Backward,
    /// As soon as possible after an anchor on or after the deadline.
    FollowUp,
}

impl Direction {
    /// The spelling of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Direction::Backward => "backward",
            Direction::FollowUp => "follow-up",
        }
    }
}

/// The dates of one task. Dates are inclusive; day counts are working days of
/// the task's own calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSchedule {
    /// Planned dates: as late as possible (backward) or as soon as possible (follow-up).
    pub start: Date,
    pub end: Date,
    /// From the forward pass from today.
    pub earliest_start: Date,
    pub earliest_end: Date,
    /// From the backward pass over every constraint.
    pub latest_start: Date,
    pub latest_end: Date,
    pub days: u32,
    /// Latest start minus earliest start.
    pub slack: i32,
    /// On a chain of minimum slack.
    pub critical: bool,
    pub milestone: bool,
    /// Has a fixed date (`on`).
    pub fixed: bool,
    pub direction: Direction,
    /// Planned start minus the deadline, in calendar days (the J-x label).
    pub offset: i32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// `today` as given.
    pub today: Date,
    /// The first working day on or after today: when work can start.
    pub work_starts: Date,
    pub deadline: Date,
    /// The first planned start: the day work must begin (`None` for an empty plan).
    pub start: Option<Date>,
    /// The last planned end.
    pub finish: Option<Date>,
    pub feasible: bool,
    /// Working days the plan is late by (`-min slack` when negative).
    pub late_by: u32,
    pub min_slack: i32,
    /// The least slack of the tasks planned back from the deadline that are
    /// not fixed: the margin people have. Fixed and follow-up tasks always
    /// have none, so they would hide it. `None` when there are no such tasks.
    pub margin: Option<i32>,
    /// The earliest deadline today allows: the forward pass's latest end of a backward task.
    pub earliest_deadline: Date,
    /// The longest chain (in working days) of minimum-slack tasks, in
    /// dependency order. When the plan is late, the chain that makes it late.
    pub critical_path: Vec<TaskIx>,
    /// The longest chain of the tasks whose slack is the `margin`: where the
    /// margin people control is thinnest.
    pub margin_path: Vec<TaskIx>,
    /// In plan order.
    pub tasks: Vec<TaskSchedule>,
    /// The dates of each meeting, in the plan's order of meetings.
    pub meetings: Vec<crate::meeting::MeetingDates>,
}

/// Dates `plan` from `today` (any date: work starts on the first working day on or after it).
pub fn schedule(plan: &Plan, today: Date) -> Result<Schedule, PlanErrors> {
    let checked = passes::Checked::new(plan)?;
    let graph = graph::Graph::new(plan);
    let order = graph.topological_order().map_err(|cycles| {
        PlanErrors(
            cycles
                .into_iter()
                .map(|tasks| PlanError::Cycle {
                    ids: tasks.iter().map(|&t| plan.tasks[t].id.clone()).collect(),
                    tasks,
                })
                .collect(),
        )
    })?;

    // The window of days the calendars materialise: the plan's own dates with
    // a margin, widened until no conversion falls outside it.
    let today_day = day_number(today);
    let (mut lo, mut hi) = checked.date_span(today_day);
    let mut margin: DayNumber = 400;
    loop {
        let first = (lo - margin).max(MIN_DAY);
        let last = (hi + 2 * margin).min(MAX_DAY);
        let line = timeline::Timeline::new(plan, &checked, first, last);
        line.check_fixed_days(plan, &checked)?;
        let positions = passes::run(plan, &checked, &graph, &order, &line, today_day);
        let (reached_lo, reached_hi) = positions.reached(&line);
        if !line.overflowed() {
            return Ok(critical::finish(
                plan, &graph, &order, &line, &positions, today,
            ));
        }
        if first == MIN_DAY && last == MAX_DAY {
            return Err(PlanErrors(vec![PlanError::DateOutOfRange {
                task: None,
                what: "the schedule".to_string(),
            }]));
        }
        lo = lo.min(reached_lo);
        hi = hi.max(reached_hi);
        margin *= 2;
    }
}

/// 9999-12-31 and -9999-01-01 as day numbers: jiff's range.
const MAX_DAY: DayNumber = 2_932_896;
const MIN_DAY: DayNumber = -4_371_587;

fn to_date(day: DayNumber) -> Date {
    // Positions are clamped to jiff's range by the window, so this holds; a
    // fallback date keeps the engine total rather than panicking.
    date_of(day.clamp(MIN_DAY, MAX_DAY)).unwrap_or(Date::MAX)
}

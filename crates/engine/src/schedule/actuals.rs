//! Where progress puts a task: the dates of work done or under way, in the
//! task's own work-index space (docs/progress.md, "How progress is read").
//!
//! Started work is history: it keeps its actual dates whatever today and its
//! predecessors say. What the file leaves out is inferred, never invented
//! beyond the plan: a done task without `finished` took its planned days
//! from `started` (else ended on its planned end), and ended before today
//! at the latest; a task under way without `remaining` takes its planned
//! days from its start, and at least today.

use crate::day_number::{DayNumber, day_number};
use crate::plan::{Plan, Status, TaskIx};
use crate::schedule::timeline::Timeline;

/// Start and exclusive end indices of a started task.
pub(crate) type Span = (i32, i32);

/// What the plan records, per task.
pub(crate) struct Recorded {
    /// The span of started work (done or under way), else `None`.
    pub spans: Vec<Option<Span>>,
    /// Done or cancelled.
    pub closed: Vec<bool>,
}

/// `None` when no task records progress: the passes then run as if none could.
/// `tracked`: does any task record progress (a status other than todo, or
/// dates)? (`Checked::tracked`.)
pub(crate) fn actuals(
    plan: &Plan,
    tracked: bool,
    line: &Timeline,
    planned: &[i32],
    days: &[i32],
    today: DayNumber,
) -> Option<Recorded> {
    if !tracked {
        return None;
    }
    Some(Recorded {
        spans: (0..plan.tasks.len())
            .map(|t| span_of(plan, line, t, planned[t], days[t], today))
            .collect(),
        closed: plan.tasks.iter().map(|t| t.status.is_closed()).collect(),
    })
}

fn span_of(
    plan: &Plan,
    line: &Timeline,
    t: TaskIx,
    planned: i32,
    days: i32,
    today: DayNumber,
) -> Option<Span> {
    let task = &plan.tasks[t];
    let progress = task.progress.as_deref();
    let started = progress
        .and_then(|p| p.started)
        .map(|d| line.index_at(t, day_number(d)));
    let now = line.index_at(t, today);
    if days == 0
        && (task.status.is_started() || (task.status == Status::Blocked && started.is_some()))
    {
        // A milestone reached on a day is the close of that day.
        let reached = progress
            .and_then(|p| p.finished.or(p.started))
            .map_or(planned.min(now), |d| line.index_at(t, day_number(d) + 1));
        // A what-if slip moves a milestone under way, as it moves the end
        // of any work under way; one done is history.
        let reached = if task.status == Status::Done {
            reached
        } else {
            reached.saturating_add(slip(plan, t))
        };
        return Some((reached, reached));
    }
    match task.status {
        Status::Done => {
            let finished = progress
                .and_then(|p| p.finished)
                .map(|d| line.index_at(t, day_number(d) + 1));
            let end = finished.unwrap_or_else(|| (started.unwrap_or(planned) + days).min(now));
            let start = started.unwrap_or(end - days).min(end);
            Some((start, end))
        }
        Status::InProgress | Status::Review => Some(under_way(task, started, planned, days, now)),
        Status::Blocked if started.is_some() => Some(under_way(task, started, planned, days, now)),
        _ => None,
    }
}

/// A task under way: from its start (planned, if that is past, else today)
/// to today plus what remains, or its planned days and at least today.
fn under_way(
    task: &crate::plan::Task,
    started: Option<i32>,
    planned: i32,
    days: i32,
    now: i32,
) -> Span {
    let progress = task.progress.as_deref();
    let start = started.unwrap_or(planned.min(now));
    let remaining = progress.and_then(|p| p.remaining);
    let end = match remaining {
        Some(r) => now.saturating_add(i32::try_from(r).unwrap_or(i32::MAX / 4)),
        None => (start + days).max(now + 1),
    };
    let slip = progress.map_or(0, |p| p.slip as i32);
    (start, end.max(start) + slip)
}

/// What-if: working days the task is expected after its plan.
pub(crate) fn slip(plan: &Plan, t: TaskIx) -> i32 {
    plan.tasks[t]
        .progress
        .as_deref()
        .map_or(0, |p| i32::try_from(p.slip).unwrap_or(i32::MAX / 4))
}

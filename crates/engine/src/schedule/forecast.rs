//! The forecast of a plan under way (docs/progress.md): when each task will
//! really happen, and whether that is late or at risk.
//!
//! Work not started happens as planned unless something pushes it: today,
//! a predecessor's forecast end, or a what-if slip. That is what people do
//! with a rétroplanning (they start on the planned day, not as soon as they
//! could), so a forecast that matches the plan reads "on track" and any
//! difference is a slip someone has to hear about. Started work keeps its
//! actual dates (`actuals`).

use crate::plan::{Plan, TaskIx};
use crate::schedule::actuals::slip;
use crate::schedule::graph::Graph;
use crate::schedule::passes::{Positions, forward};
use crate::schedule::timeline::Timeline;

/// Forecast start and exclusive end indices, per task.
pub(crate) enum Forecast {
    /// Every task happens as planned (the plan records no progress, holds,
    /// and starts no earlier than today): nothing to store.
    AsPlanned,
    Dated {
        start: Vec<i32>,
        end: Vec<i32>,
    },
}

impl Forecast {
    #[inline]
    pub fn start(&self, pos: &Positions, t: TaskIx) -> i32 {
        match self {
            Forecast::AsPlanned => pos.planned[t],
            Forecast::Dated { start, .. } => start[t],
        }
    }

    #[inline]
    pub fn end(&self, pos: &Positions, t: TaskIx) -> i32 {
        match self {
            Forecast::AsPlanned => pos.planned[t] + pos.days[t],
            Forecast::Dated { end, .. } => end[t],
        }
    }
}

pub(crate) fn forecast(
    plan: &Plan,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    now: &[i32],
    feasible: bool,
) -> Forecast {
    let n = pos.planned.len();
    // A plan that holds has planned dates that keep every dependency
    // (SCHEDULING.md, invariant 1): with no progress and nothing planned
    // before today, nothing can push them.
    if pos.actual.is_none()
        && feasible
        && (0..n).all(|t| pos.planned[t] >= now[line.calendar_of(t)])
    {
        return Forecast::AsPlanned;
    }
    let actual = pos.actual.is_some();
    let floor = |t: TaskIx| {
        let mut s = pos.planned[t].max(now[line.calendar_of(t)]);
        // Slips come with progress: a plan without any has none to read.
        let slip = if actual { slip(plan, t) } else { 0 };
        if slip > 0 {
            s = s.max(pos.planned[t] + slip);
        }
        s
    };
    let kept = |t: TaskIx| {
        pos.is_started(t)
            .then(|| (pos.earliest[t], pos.earliest_end(t)))
    };
    let (start, end) = forward::<true>(graph, order, line, pos.days, floor, kept);
    Forecast::Dated {
        start,
        end: end.unwrap_or_default(),
    }
}

/// Is task `t` late, and is it at risk (SCHEDULING "living plan" rules in
/// docs/progress.md)? Late: today is past its planned end and it is not
/// done, or past its planned start and it has not started. At risk: not
/// late, but it becomes late unless its owner starts within `within`
/// working days, or its forecast is already behind its plan.
///
/// `now` is today's index in `t`'s calendar; `behind`: is its forecast
/// later than its plan (it starts later, or ends later)?
#[inline(always)]
pub(crate) fn lateness(
    pos: &Positions,
    behind: bool,
    now: i32,
    within: u32,
    t: TaskIx,
) -> (bool, bool) {
    if pos.is_closed(t) {
        return (false, false);
    }
    let planned = pos.planned[t];
    let days = pos.days[t];
    let started = pos.is_started(t);
    // A milestone at index k is the close of working day k - 1.
    let last_day = planned + days - 1;
    let late = if started {
        now > last_day
    } else {
        now > planned.min(last_day)
    };
    let soon = !started && i64::from(planned.min(last_day)) - i64::from(now) < i64::from(within);
    (late, !late && (behind || soon))
}

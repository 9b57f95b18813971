//! From positions to a [`Schedule`]: slack, the critical path, feasibility
//! and the earliest deadline (SCHEDULING.md, "Today, slack, critical path,
//! feasibility").

use jiff::civil::Date;

use crate::day_number::{DayNumber, day_number};
use std::collections::HashMap;

use crate::plan::{BaselineTask, Plan, Status, TaskIx};
use crate::schedule::forecast;
use crate::schedule::graph::Graph;
use crate::schedule::passes::{Checked, Positions};
use crate::schedule::timeline::Timeline;
use crate::schedule::{
    Direction, Overloads, PlanVariance, Schedule, TaskSchedule, Variance, Verdict, to_date,
};

/// What every task's line of the schedule is built from, for both ways of
/// finishing (the fast one for untracked plans, the general one).
struct TaskLines<'a> {
    line: &'a Timeline<'a>,
    pos: &'a Positions<'a>,
    slack: &'a [i32],
    critical: &'a [bool],
    deadline_day: DayNumber,
}

impl TaskLines<'_> {
    /// Task `t` as planned, from its shown days (start, end, then the
    /// earliest and latest pairs): forecast as planned, neither late nor at
    /// risk, no variance; the caller overrides what it knows better.
    /// (Inlined, so that the line is built where it is stored.)
    #[inline(always)]
    fn task(&self, t: TaskIx, shown: [DayNumber; 6], status: Status) -> TaskSchedule {
        let [
            start,
            end,
            earliest_start,
            earliest_end,
            latest_start,
            latest_end,
        ] = shown;
        let line = self.line;
        let days = self.pos.days[t];
        let (start_date, end_date) = (line.date(start), line.date(end));
        TaskSchedule {
            start: start_date,
            end: end_date,
            earliest_start: line.date(earliest_start),
            earliest_end: line.date(earliest_end),
            latest_start: line.date(latest_start),
            latest_end: line.date(latest_end),
            days: days as u32,
            slack: self.slack[t],
            critical: self.critical[t],
            milestone: days == 0 && status != Status::Cancelled,
            fixed: self.pos.fixed[t],
            direction: if self.pos.follow_up[t] {
                Direction::FollowUp
            } else {
                Direction::Backward
            },
            offset: start - self.deadline_day,
            moved_by_levelling: 0,
            moved_later: false,
            moved_because: None,
            status,
            forecast_start: start_date,
            forecast_end: end_date,
            late: false,
            at_risk: false,
            variance: None,
        }
    }
}

/// What the passes say of each task before any date is shown: its slack,
/// the least slack of the plan, the margin people have and the critical flags.
pub(crate) struct Criticality {
    pub slack: Vec<i32>,
    pub min_slack: i32,
    /// The least slack of the open backward tasks that are not fixed.
    pub margin: Option<i32>,
    pub critical: Vec<bool>,
}

/// Slack and criticality of the `n` tasks at `pos`.
pub(crate) fn criticality(pos: &Positions, n: usize) -> Criticality {
    // Started work is measured at its end: when it started no longer matters.
    let slack: Vec<i32> = match &pos.actual {
        // Zipped, not indexed: no check per task, and the compiler vectorises it.
        None => pos.latest[..n]
            .iter()
            .zip(&pos.earliest[..n])
            .map(|(&latest, &earliest)| latest - earliest)
            .collect(),
        Some(a) => (0..n)
            .map(|t| {
                if a.started[t] {
                    pos.latest[t] + pos.days[t] - a.end[t]
                } else {
                    pos.latest[t] - pos.earliest[t]
                }
            })
            .collect(),
    };
    // Done and cancelled tasks are history: their slack says nothing of what
    // is left, so they neither make a plan late nor sit on its critical path.
    let open = |t: TaskIx| !pos.is_closed(t);
    let mut least: Option<i32> = None;
    let mut margin: Option<i32> = None;
    for t in (0..n).filter(|&t| open(t)) {
        least = Some(least.map_or(slack[t], |m| m.min(slack[t])));
        if !pos.follow_up[t] && !pos.fixed[t] {
            margin = Some(margin.map_or(slack[t], |m| m.min(slack[t])));
        }
    }
    let min_slack = least.unwrap_or(0);
    let critical: Vec<bool> = if pos.actual.is_none() {
        // Nothing is closed: zipped, as the slack above.
        slack.iter().map(|&s| s == min_slack).collect()
    } else {
        (0..n).map(|t| open(t) && slack[t] == min_slack).collect()
    };

    Criticality {
        slack,
        min_slack,
        margin,
        critical,
    }
}

/// The critical path, then the margin path (empty without a margin):
/// chains of the tasks [`criticality`] marks.
pub(crate) fn paths(
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    of: &Criticality,
) -> (Vec<TaskIx>, Vec<TaskIx>) {
    let n = of.critical.len();
    let critical_path = longest_chain(graph, order, line, pos, &of.critical);
    let margin_path = match of.margin {
        Some(m) => {
            let member: Vec<bool> = (0..n)
                .map(|t| !pos.follow_up[t] && !pos.fixed[t] && of.slack[t] == m)
                .collect();
            // Usually the same tasks as the critical path's: the same chain.
            if member == of.critical {
                critical_path.clone()
            } else {
                longest_chain(graph, order, line, pos, &member)
            }
        }
        None => Vec::new(),
    };
    (critical_path, margin_path)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn finish(
    plan: &Plan,
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    today: Date,
) -> Schedule {
    let n = plan.tasks.len();
    let today_day = day_number(today);
    let of = criticality(pos, n);
    let (slack, critical, min_slack, margin) = (&of.slack, &of.critical, of.min_slack, of.margin);
    let now = line.indices_at(today_day);
    let fc = forecast::forecast(plan, graph, order, line, pos, &now, min_slack >= 0);
    let baseline = plan
        .tracking
        .compare_with
        .and_then(|i| plan.tracking.baselines.get(i));
    let recorded: HashMap<&str, &BaselineTask> = baseline
        .map(|b| b.tasks.iter().map(|t| (t.id.as_str(), t)).collect())
        .unwrap_or_default();
    let plan_calendar = line.plan_calendar();
    let working_days = |from: Date, to: Date| {
        plan_calendar.index_at(day_number(to)) - plan_calendar.index_at(day_number(from))
    };
    let deadline_day = day_number(plan.deadline);
    let within = plan.tracking.at_risk_within;
    // What the plan-wide figures need, gathered in the one walk over the
    // tasks, on day numbers (dates and day numbers order alike).
    let mut earliest_deadline: Option<DayNumber> = None;
    let mut behind = false;
    let mut first_start: Option<DayNumber> = None;
    let mut last_end: Option<DayNumber> = None;
    let mut first_forecast: Option<DayNumber> = None;
    let mut last_forecast: Option<DayNumber> = None;
    let mut last_forecast_before: Option<DayNumber> = None;
    let min = |a: Option<DayNumber>, d: DayNumber| Some(a.map_or(d, |a| a.min(d)));
    let max = |a: Option<DayNumber>, d: DayNumber| Some(a.map_or(d, |a| a.max(d)));
    let mut tasks: Vec<TaskSchedule> = Vec::with_capacity(n);
    let shape = TaskLines {
        line,
        pos,
        slack,
        critical,
        deadline_day,
    };
    // Most plans record no progress, hold, and have every task on one
    // calendar: every task happens as planned (today is not past it), and
    // its three pairs of dates are six look-ups.
    let as_planned = pos.actual.is_none() && matches!(fc, forecast::Forecast::AsPlanned);
    let uniform = line
        .uniform_working_days()
        .filter(|_| as_planned && baseline.is_none());
    if let Some(working) = uniform {
        let now = now[0];
        // The plan-wide figures without an `Option` per task: every task
        // counts (none is cancelled), backward ones also for the deadline.
        let (mut first, mut last) = (DayNumber::MAX, DayNumber::MIN);
        let (mut backward, mut earliest_last, mut last_before) =
            (false, DayNumber::MIN, DayNumber::MIN);
        // Each per-task array cut to `n`: indexing by `t < n` is then
        // checked once, here, not per task.
        let (all_days, all_planned, all_earliest, all_latest, all_follow_up, all_status) = (
            &pos.days[..n],
            &pos.planned[..n],
            &pos.earliest[..n],
            &pos.latest[..n],
            &pos.follow_up[..n],
            &checked.status[..n],
        );
        // Those each line reads (`TaskLines::task`), for the same reason:
        // after this check the compiler knows they are long enough.
        assert!(slack.len() >= n && critical.len() >= n && pos.fixed.len() >= n);
        for t in 0..n {
            let days = all_days[t];
            let planned = all_planned[t];
            let (start, end) = line.display_days_on(working, t, planned, days);
            let (earliest_start, earliest_end) =
                line.display_days_on(working, t, all_earliest[t], days);
            let (latest_start, latest_end) = line.display_days_on(working, t, all_latest[t], days);
            let follow_up = all_follow_up[t];
            if !follow_up {
                backward = true;
                earliest_last = earliest_last.max(earliest_end);
                last_before = last_before.max(end);
            }
            last = last.max(end);
            first = first.min(start);
            let (late, at_risk) = forecast::lateness(pos, false, now, within, t);
            // Without progress every task is to do: none is cancelled.
            let status = all_status[t];
            let planned = shape.task(
                t,
                [
                    start,
                    end,
                    earliest_start,
                    earliest_end,
                    latest_start,
                    latest_end,
                ],
                status,
            );
            tasks.push(TaskSchedule {
                late,
                at_risk,
                ..planned
            });
        }
        if n > 0 {
            (first_start, first_forecast) = (Some(first), Some(first));
            (last_end, last_forecast) = (Some(last), Some(last));
        }
        if backward {
            earliest_deadline = Some(earliest_last);
            last_forecast_before = Some(last_before);
        }
    } else {
        for t in 0..n {
            let started = pos.is_started(t);
            let days = pos.days[t];
            let planned = pos.planned[t];
            let span = |s: i32, e: i32| {
                if started {
                    line.actual_days(t, s, e)
                } else {
                    line.display_span(t, s, e)
                }
            };
            let (start, end) = line.display_days(t, planned);
            let (earliest_start, earliest_end) = span(pos.earliest[t], pos.earliest_end(t));
            let (latest_start, latest_end) = line.display_days(t, pos.latest[t]);
            let (fc_start, fc_end) = (fc.start(pos, t), fc.end(pos, t));
            // Most tasks happen as planned: their dates are already known.
            let (forecast_start, forecast_end) =
                if !started && fc_start == planned && fc_end == planned + days {
                    (start, end)
                } else {
                    span(fc_start, fc_end)
                };
            let status = checked.status[t];
            // A cancelled task is no work: it neither starts nor ends the
            // plan, nor sets how early the deadline could be.
            if status != Status::Cancelled {
                if !pos.follow_up[t] {
                    earliest_deadline = max(earliest_deadline, earliest_end);
                    last_forecast_before = max(last_forecast_before, forecast_end);
                }
                last_forecast = max(last_forecast, forecast_end);
                last_end = max(last_end, end);
                first_start = min(first_start, start);
                first_forecast = min(first_forecast, forecast_start);
            }
            // Expected later than planned.
            let task_behind = fc_start > planned || fc_end > planned + days;
            behind |= task_behind && !pos.is_closed(t);
            let now = now[line.calendar_of(t)];
            let (late, at_risk) = forecast::lateness(pos, task_behind, now, within, t);
            let forecast_start = line.date(forecast_start);
            let forecast_end = line.date(forecast_end);
            let planned = shape.task(
                t,
                [
                    start,
                    end,
                    earliest_start,
                    earliest_end,
                    latest_start,
                    latest_end,
                ],
                status,
            );
            tasks.push(TaskSchedule {
                forecast_start,
                forecast_end,
                late,
                at_risk,
                variance: baseline
                    .and_then(|_| recorded.get(plan.tasks[t].id.as_str()))
                    .map(|b| Variance {
                        start: working_days(b.start, forecast_start),
                        end: working_days(b.end, forecast_end),
                    }),
                ..planned
            });
        }
    }

    let work_starts = plan_calendar.day_of(plan_calendar.index_at(today_day));
    let earliest_deadline = earliest_deadline.unwrap_or(work_starts);
    let verdict = if min_slack < 0 {
        Verdict::Late
    } else if behind {
        Verdict::AtRisk
    } else {
        Verdict::OnTrack
    };
    let forecast_end = last_forecast_before.or(last_forecast).map(|d| line.date(d));
    let forecast_start = first_forecast.map(|d| line.date(d));
    let variance = baseline.map(|b| PlanVariance {
        baseline: b.name.clone(),
        start: b.start.zip(forecast_start).map(|(b, f)| working_days(b, f)),
        end: b.end.zip(forecast_end).map(|(b, f)| working_days(b, f)),
    });
    let start = first_start.map(|d| line.date(d));
    let (critical_path, margin_path) = paths(graph, order, line, pos, &of);
    Schedule {
        today,
        work_starts: to_date(work_starts),
        deadline: plan.deadline,
        start,
        finish: last_end.map(|d| line.date(d)),
        feasible: min_slack >= 0,
        late_by: (-min_slack).max(0) as u32,
        min_slack,
        margin,
        earliest_deadline: to_date(earliest_deadline),
        critical_path,
        margin_path,
        tasks,
        meetings: plan
            .meetings
            .iter()
            .map(|m| m.dates(plan.deadline, start, &plan.calendar))
            .collect(),
        levelled: false,
        overloads: Overloads::default(),
        shortfalls: Vec::new(),
        verdict,
        tracked: pos.actual.is_some(),
        forecast_start,
        forecast_end,
        variance,
        buffers: Vec::new(),
    }
}

/// The longest chain (in working days, then in tasks) of `member` tasks
/// linked by dependencies, in dependency order. Ties go to the chain that
/// finishes later, then to plan order, so the result is deterministic.
fn longest_chain(
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    member: &[bool],
) -> Vec<TaskIx> {
    // Members are few: their figures live in arrays of their own, reached
    // through `slot` (per task, its member's place in topological order).
    const OUT: u32 = u32::MAX;
    let mut slot = vec![OUT; member.len()];
    let members: Vec<u32> = order
        .iter()
        .copied()
        .filter(|&t| member[t as usize])
        .collect();
    for (i, &t) in members.iter().enumerate() {
        slot[t as usize] = i as u32;
    }
    let weight = |t: TaskIx| (i64::from(pos.days[t]), 1i64);
    let mut best: Vec<(i64, i64)> = Vec::with_capacity(members.len());
    let mut prev: Vec<u32> = Vec::with_capacity(members.len());
    for &t in &members {
        let t = t as usize;
        let mut from: Option<TaskIx> = None;
        for e in graph.preds(t) {
            let p = e.other as usize;
            if slot[p] != OUT
                && from.is_none_or(|f| {
                    let (bp, bf) = (best[slot[p] as usize], best[slot[f] as usize]);
                    bp > bf || (bp == bf && p < f)
                })
            {
                from = Some(p);
            }
        }
        let (d, c) = weight(t);
        best.push(from.map_or((d, c), |f| {
            let b = best[slot[f] as usize];
            (b.0 + d, b.1 + c)
        }));
        prev.push(from.map_or(OUT, |f| f as u32));
    }
    let end_of = |t: TaskIx| line.end_instant(t, pos.planned[t]);
    let best_of = |t: TaskIx| best[slot[t] as usize];
    let last = (0..member.len())
        .filter(|&t| member[t])
        .fold(None, |acc: Option<TaskIx>, t| match acc {
            Some(a) if (best_of(a), end_of(a)) >= (best_of(t), end_of(t)) => Some(a),
            _ => Some(t),
        });
    let mut chain = Vec::new();
    let mut at = last;
    while let Some(t) = at {
        chain.push(t);
        let p = prev[slot[t] as usize];
        at = (p != OUT).then_some(p as usize);
    }
    chain.reverse();
    chain
}

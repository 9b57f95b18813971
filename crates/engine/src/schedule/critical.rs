//! From positions to a [`Schedule`]: slack, the critical path, feasibility
//! and the earliest deadline (SCHEDULING.md, "Today, slack, critical path,
//! feasibility").

use jiff::civil::Date;

use crate::day_number::day_number;
use std::collections::HashMap;

use crate::plan::{BaselineTask, Plan, Status, TaskIx};
use crate::schedule::forecast;
use crate::schedule::graph::Graph;
use crate::schedule::passes::Positions;
use crate::schedule::timeline::Timeline;
use crate::schedule::{
    Direction, PlanVariance, Schedule, TaskSchedule, Variance, Verdict, to_date,
};

pub(crate) fn finish(
    plan: &Plan,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    today: Date,
) -> Schedule {
    let n = plan.tasks.len();
    let today_day = day_number(today);
    // Started work is measured at its end: when it started no longer matters.
    let slack: Vec<i32> = (0..n)
        .map(|t| {
            if pos.is_started(t) {
                pos.latest[t] + pos.days[t] - pos.earliest_end(t)
            } else {
                pos.latest[t] - pos.earliest[t]
            }
        })
        .collect();
    // Done and cancelled tasks are history: their slack says nothing of what
    // is left, so they neither make a plan late nor sit on its critical path.
    let open = |t: TaskIx| !pos.is_closed(t);
    let min_slack = (0..n)
        .filter(|&t| open(t))
        .map(|t| slack[t])
        .min()
        .unwrap_or(0);
    let critical: Vec<bool> = (0..n).map(|t| open(t) && slack[t] == min_slack).collect();

    let margin = (0..n)
        .filter(|&t| !pos.follow_up[t] && !pos.fixed[t] && open(t))
        .map(|t| slack[t])
        .min();
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
    let tasks: Vec<TaskSchedule> = (0..n)
        .map(|t| {
            let (start, end) = line.display_days(t, pos.planned[t]);
            let span = |s: i32, e: i32| {
                if pos.is_started(t) {
                    line.actual_days(t, s, e)
                } else {
                    line.display_span(t, s, e)
                }
            };
            let (earliest_start, earliest_end) = span(pos.earliest[t], pos.earliest_end(t));
            let (latest_start, latest_end) = line.display_days(t, pos.latest[t]);
            let (start_date, end_date) = (to_date(start), to_date(end));
            // Most tasks happen as planned: their dates are already converted.
            let (forecast_start, forecast_end) = if !pos.is_started(t)
                && fc.start(pos, t) == pos.planned[t]
                && fc.end(pos, t) == pos.planned[t] + pos.days[t]
            {
                (start_date, end_date)
            } else {
                let (s, e) = span(fc.start(pos, t), fc.end(pos, t));
                (to_date(s), to_date(e))
            };
            let now = now[line.calendar_of(t)];
            let (late, at_risk) = forecast::lateness(pos, &fc, now, within, t);
            let task = &plan.tasks[t];
            TaskSchedule {
                start: start_date,
                end: end_date,
                earliest_start: to_date(earliest_start),
                earliest_end: to_date(earliest_end),
                latest_start: to_date(latest_start),
                latest_end: to_date(latest_end),
                days: pos.days[t] as u32,
                slack: slack[t],
                critical: critical[t],
                milestone: pos.days[t] == 0 && task.status != Status::Cancelled,
                fixed: pos.fixed[t],
                direction: if pos.follow_up[t] {
                    Direction::FollowUp
                } else {
                    Direction::Backward
                },
                offset: start - deadline_day,
                moved_by_levelling: 0,
                moved_later: false,
                moved_because: None,
                status: task.status,
                forecast_start,
                forecast_end,
                late,
                at_risk,
                variance: baseline
                    .and(recorded.get(task.id.as_str()))
                    .map(|b| Variance {
                        start: working_days(b.start, forecast_start),
                        end: working_days(b.end, forecast_end),
                    }),
            }
        })
        .collect();

    let work_starts = plan_calendar.day_of(plan_calendar.index_at(today_day));
    let earliest_deadline = (0..n)
        .filter(|&t| !pos.follow_up[t])
        .map(|t| {
            let (s, e) = (pos.earliest[t], pos.earliest_end(t));
            if pos.is_started(t) {
                line.actual_days(t, s, e).1
            } else {
                line.display_span(t, s, e).1
            }
        })
        .max()
        .unwrap_or(work_starts);

    let behind = (0..n).any(|t| open(t) && fc.behind(pos, t));
    let verdict = if min_slack < 0 {
        Verdict::Late
    } else if behind {
        Verdict::AtRisk
    } else {
        Verdict::OnTrack
    };
    let before_deadline: Vec<&TaskSchedule> = tasks
        .iter()
        .filter(|t| t.direction == Direction::Backward)
        .collect();
    let forecast_end = if before_deadline.is_empty() {
        tasks.iter().map(|t| t.forecast_end).max()
    } else {
        before_deadline.iter().map(|t| t.forecast_end).max()
    };
    // A cancelled task is no work: it does not start the plan.
    let work = || tasks.iter().filter(|t| t.status != Status::Cancelled);
    let forecast_start = work().map(|t| t.forecast_start).min();
    let variance = baseline.map(|b| PlanVariance {
        baseline: b.name.clone(),
        start: b.start.zip(forecast_start).map(|(b, f)| working_days(b, f)),
        end: b.end.zip(forecast_end).map(|(b, f)| working_days(b, f)),
    });
    let start = work().map(|t| t.start).min();
    Schedule {
        today,
        work_starts: to_date(work_starts),
        deadline: plan.deadline,
        start,
        finish: tasks.iter().map(|t| t.end).max(),
        feasible: min_slack >= 0,
        late_by: (-min_slack).max(0) as u32,
        min_slack,
        margin,
        earliest_deadline: to_date(earliest_deadline),
        critical_path: longest_chain(graph, order, line, pos, &critical),
        margin_path: match margin {
            Some(m) => {
                let member: Vec<bool> = (0..n)
                    .map(|t| !pos.follow_up[t] && !pos.fixed[t] && slack[t] == m)
                    .collect();
                longest_chain(graph, order, line, pos, &member)
            }
            None => Vec::new(),
        },
        tasks,
        meetings: plan
            .meetings
            .iter()
            .map(|m| m.dates(plan.deadline, start, &plan.calendar))
            .collect(),
        levelled: false,
        overloads: Vec::new(),
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
    let n = member.len();
    let weight = |t: TaskIx| (i64::from(pos.days[t]), 1i64);
    let mut best: Vec<(i64, i64)> = vec![(0, 0); n];
    let mut prev: Vec<Option<TaskIx>> = vec![None; n];
    for &t in order {
        let t = t as usize;
        if !member[t] {
            continue;
        }
        let mut from: Option<TaskIx> = None;
        for e in graph.preds(t) {
            let p = e.other as usize;
            if member[p] && from.is_none_or(|f| best[p] > best[f] || (best[p] == best[f] && p < f))
            {
                from = Some(p);
            }
        }
        let (d, c) = weight(t);
        best[t] = from.map_or((d, c), |f| (best[f].0 + d, best[f].1 + c));
        prev[t] = from;
    }
    let end_of = |t: TaskIx| line.end_instant(t, pos.planned[t]);
    let last = (0..n)
        .filter(|&t| member[t])
        .fold(None, |acc: Option<TaskIx>, t| match acc {
            Some(a) if (best[a], end_of(a)) >= (best[t], end_of(t)) => Some(a),
            _ => Some(t),
        });
    let mut chain = Vec::new();
    let mut at = last;
    while let Some(t) = at {
        chain.push(t);
        at = prev[t];
    }
    chain.reverse();
    chain
}

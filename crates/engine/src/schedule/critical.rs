//! From positions to a [`Schedule`]: slack, the critical path, feasibility
//! and the earliest deadline (SCHEDULING.md, "Today, slack, critical path,
//! feasibility").

use jiff::civil::Date;

use crate::day_number::day_number;
use crate::plan::{Plan, TaskIx};
use crate::schedule::graph::Graph;
use crate::schedule::passes::Positions;
use crate::schedule::timeline::Timeline;
use crate::schedule::{Direction, Schedule, TaskSchedule, to_date};

pub(crate) fn finish(
    plan: &Plan,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    pos: &Positions,
    today: Date,
) -> Schedule {
    let n = plan.tasks.len();
    let slack: Vec<i32> = (0..n).map(|t| pos.latest[t] - pos.earliest[t]).collect();
    let min_slack = slack.iter().copied().min().unwrap_or(0);
    let critical: Vec<bool> = slack.iter().map(|&s| s == min_slack).collect();

    let margin = (0..n)
        .filter(|&t| !pos.follow_up[t] && !pos.fixed[t])
        .map(|t| slack[t])
        .min();
    let deadline_day = day_number(plan.deadline);
    let tasks: Vec<TaskSchedule> = (0..n)
        .map(|t| {
            let (start, end) = line.display_days(t, pos.planned[t]);
            let (earliest_start, earliest_end) = line.display_days(t, pos.earliest[t]);
            let (latest_start, latest_end) = line.display_days(t, pos.latest[t]);
            TaskSchedule {
                start: to_date(start),
                end: to_date(end),
                earliest_start: to_date(earliest_start),
                earliest_end: to_date(earliest_end),
                latest_start: to_date(latest_start),
                latest_end: to_date(latest_end),
                days: pos.days[t] as u32,
                slack: slack[t],
                critical: critical[t],
                milestone: pos.days[t] == 0,
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
            }
        })
        .collect();

    let today_day = day_number(today);
    let plan_calendar = line.plan_calendar();
    let work_starts = plan_calendar.day_of(plan_calendar.index_at(today_day));
    let earliest_deadline = (0..n)
        .filter(|&t| !pos.follow_up[t])
        .map(|t| line.end_instant(t, pos.earliest[t]) - 1)
        .max()
        .unwrap_or(work_starts);

    let start = tasks.iter().map(|t| t.start).min();
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

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
    line: &Timeline,
    pos: &Positions,
    today: Date,
) -> Schedule {
    let n = plan.tasks.len();
    let slack: Vec<i32> = (0..n).map(|t| pos.latest[t] - pos.earliest[t]).collect();
    let min_slack = slack.iter().copied().min().unwrap_or(0);
    let critical: Vec<bool> = slack.iter().map(|&s| s == min_slack).collect();

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

    Schedule {
        today,
        work_starts: to_date(work_starts),
        deadline: plan.deadline,
        start: tasks.iter().map(|t| t.start).min(),
        finish: tasks.iter().map(|t| t.end).max(),
        feasible: min_slack >= 0,
        late_by: (-min_slack).max(0) as u32,
        min_slack,
        margin: (0..n)
            .filter(|&t| !pos.follow_up[t] && !pos.fixed[t])
            .map(|t| slack[t])
            .min(),
        earliest_deadline: to_date(earliest_deadline),
        critical_path: critical_chain(graph, line, pos, &critical),
        tasks,
    }
}

/// One chain of critical tasks linked by dependencies, in dependency order:
/// it ends at the critical task that finishes last (plan order breaks ties)
/// and walks back through critical predecessors, latest-finishing first.
fn critical_chain(
    graph: &Graph,
    line: &Timeline,
    pos: &Positions,
    critical: &[bool],
) -> Vec<TaskIx> {
    let end_of = |t: TaskIx| line.end_instant(t, pos.planned[t]);
    let latest_of = |candidates: &mut dyn Iterator<Item = TaskIx>| {
        candidates.fold(None, |best: Option<TaskIx>, t| match best {
            Some(b) if end_of(b) >= end_of(t) => Some(b),
            _ => Some(t),
        })
    };
    let mut ends = (0..critical.len())
        .filter(|&t| critical[t] && !graph.succs(t).iter().any(|e| critical[e.other as usize]));
    let mut chain = Vec::new();
    let mut on_chain = vec![false; critical.len()];
    let mut at = latest_of(&mut ends);
    while let Some(t) = at {
        chain.push(t);
        on_chain[t] = true;
        let mut preds = graph
            .preds(t)
            .iter()
            .map(|e| e.other as usize)
            .filter(|&p| critical[p] && !on_chain[p]);
        at = latest_of(&mut preds);
    }
    chain.reverse();
    chain
}

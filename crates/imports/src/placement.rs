//! Where the imported plan puts each task, kept close to the sheet.
//!
//! A plan is durations and dependencies, planned back from the deadline:
//! each task as late as its successors allow. A sheet is dates. Where the
//! sheet leaves room after a task (a task finishing before anything needs
//! it, the team's own buffer), backward planning would move the task later;
//! a `due` on the sheet's end date keeps it there. Tasks that start after
//! the deadline (or on it, and end after it) are follow-up work in a plan,
//! which only a fixed start (`on`) can say; their successors then follow as soon as possible,
//! and get an `on` too where the sheet starts them later. A milestone on a
//! closed day is fixed there: only a fixed milestone may fall on one.
//!
//! Constraints are added in rounds, each checked by scheduling the plan: a
//! task gets one only when nothing after it (before it, for follow-up
//! work) still moves, since moving that may be enough. A sheet whose dates
//! agree with its durations and dependencies comes back date for date,
//! with as few constraints as it needs.

use jiff::civil::Date;
use retroplan_engine::plan::Plan;
use retroplan_engine::{Direction, Link, Person, Schedule, Status, Task, When};

use crate::columns::{Column, Layout};
use crate::diagnostic::{Report, Severity};
use crate::rows::{Draft, Person as Owner};
use crate::words;
use crate::workdays::WorkDays;

/// Rounds of scheduling before every remaining constraint is added at once.
const MOST_ROUNDS: usize = 24;

/// What each task gets beside its duration and links.
#[derive(Clone, Debug, Default)]
pub(crate) struct Placement {
    pub due: Vec<Option<Date>>,
    pub on: Vec<Option<Date>>,
}

/// The tasks of an import, as the rounds schedule them.
pub(crate) struct Tasks<'a> {
    pub name: &'a str,
    pub deadline: Date,
    pub drafts: &'a [Draft],
    pub people: &'a [Owner],
    pub links: &'a [Vec<Link>],
}

/// The engine's plan of the import.
pub(crate) fn plan(tasks: &Tasks<'_>, placement: &Placement) -> Plan {
    let Tasks {
        name,
        deadline,
        drafts,
        people,
        links,
    } = *tasks;
    let mut plan = Plan::new(name, deadline);
    plan.people = people
        .iter()
        .map(|p| Person {
            name: p.name.clone(),
            ..Person::new(p.id.clone())
        })
        .collect();
    plan.tasks = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| Task {
            owner: d.owner.map(|o| people[o].id.clone()),
            after: links[i].clone(),
            status: d.status,
            due: placement.due[i].map(When::Date),
            on: placement.on[i].map(When::Date),
            ..Task::new(d.id.clone(), d.title.clone(), d.days)
        })
        .collect();
    plan
}

/// The `due` and `on` dates that keep the sheet's dates, or the engine's
/// complaint if the plan does not schedule.
pub(crate) fn place(
    tasks: &Tasks<'_>,
    calendar: &WorkDays,
    layout: &Layout,
    report: &mut Report,
) -> Result<Placement, String> {
    let Tasks {
        deadline,
        drafts,
        links,
        ..
    } = *tasks;
    let n = drafts.len();
    let mut placement = Placement {
        due: vec![None; n],
        on: vec![None; n],
    };
    // A task on D-day alone is backward work ending there, as planned.
    let after_deadline: Vec<bool> = drafts
        .iter()
        .map(|d| {
            d.status != Status::Cancelled
                && d.start.is_some_and(|s| {
                    s > deadline || (s == deadline && d.end.is_some_and(|e| e > deadline))
                })
        })
        .collect();
    // A milestone the sheet puts on a closed day (a post that goes out on
    // a Sunday) can only be there fixed: unfixed, it closes a working day.
    for (i, d) in drafts.iter().enumerate() {
        if d.days == 0
            && d.status != Status::Cancelled
            && let (Some(start), Some(end)) = (d.start, d.end)
            && start == end
            && calendar.between(start, end) == 0
        {
            placement.on[i] = Some(start);
        }
    }
    // The first of the follow-up work; what waits for it follows it.
    for i in 0..n {
        if placement.on[i].is_some() {
            continue;
        }
        if after_deadline[i] && !links[i].iter().any(|l| after_deadline[l.task]) {
            fix_start(i, drafts, calendar, layout, report, &mut placement);
        }
    }
    let order = topological(links);
    for round in 0..MOST_ROUNDS {
        let schedule = schedule(tasks, &placement)?;
        let late: Vec<bool> = (0..n)
            .map(|i| moves_later(&drafts[i], &schedule, i, &placement))
            .collect();
        let early: Vec<bool> = (0..n)
            .map(|i| moves_earlier(&drafts[i], &schedule, i, &placement, calendar))
            .collect();
        if !late.contains(&true) && !early.contains(&true) {
            break;
        }
        let all_at_once = round + 1 == MOST_ROUNDS;
        let late_after = reaches(&order, links, &late, Reach::Successors);
        let early_before = reaches(&order, links, &early, Reach::Predecessors);
        for i in 0..n {
            if late[i] && (all_at_once || !late_after[i]) {
                placement.due[i] = drafts[i].end;
            }
            if early[i] && (all_at_once || !early_before[i]) {
                fix_start(i, drafts, calendar, layout, report, &mut placement);
            }
        }
    }
    Ok(placement)
}

/// Schedules the import as it stands; planned dates do not depend on
/// `today`, so the deadline serves.
pub(crate) fn schedule(tasks: &Tasks<'_>, placement: &Placement) -> Result<Schedule, String> {
    let plan = plan(tasks, placement);
    retroplan_engine::schedule(&plan, tasks.deadline).map_err(|e| {
        e.0.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// Fixes task `i` on its start in the sheet, saying so if that is a
/// closed day it cannot start on.
fn fix_start(
    i: usize,
    drafts: &[Draft],
    calendar: &WorkDays,
    layout: &Layout,
    report: &mut Report,
    placement: &mut Placement,
) {
    let d = &drafts[i];
    let Some(start) = d.start else { return };
    let anchor = anchor(d, start, calendar);
    if anchor != start {
        let column = if d.start_given {
            layout.header(Column::Start)
        } else {
            layout.header(Column::End)
        };
        let message = words::closed_start(report.lang, start, anchor);
        report.push(
            Severity::Warning,
            "closed-start",
            Some(d.row),
            column,
            message,
        );
    }
    placement.on[i] = Some(anchor);
}

/// A fixed start must be a working day for a task that takes days (a
/// milestone may fall on any day): the next one.
fn anchor(d: &Draft, start: Date, calendar: &WorkDays) -> Date {
    if d.days == 0 {
        start
    } else {
        calendar.next_working(start)
    }
}

/// A backward task planned to end after its end date in the sheet.
fn moves_later(d: &Draft, s: &Schedule, i: usize, p: &Placement) -> bool {
    let t = &s.tasks[i];
    d.status != Status::Cancelled
        && p.due[i].is_none()
        && p.on[i].is_none()
        && t.direction == Direction::Backward
        && d.end.is_some_and(|end| t.end > end)
}

/// A follow-up task planned to start before its start date in the sheet.
fn moves_earlier(d: &Draft, s: &Schedule, i: usize, p: &Placement, calendar: &WorkDays) -> bool {
    let t = &s.tasks[i];
    d.status != Status::Cancelled
        && p.on[i].is_none()
        && t.direction == Direction::FollowUp
        && d.start
            .is_some_and(|start| t.start < anchor(d, start, calendar))
}

/// Tasks in an order where each comes after every task it waits for.
fn topological(links: &[Vec<Link>]) -> Vec<usize> {
    let n = links.len();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting = vec![0usize; n];
    for (t, ls) in links.iter().enumerate() {
        for l in ls {
            successors[l.task].push(t);
            waiting[t] += 1;
        }
    }
    let mut order: Vec<usize> = (0..n).filter(|&t| waiting[t] == 0).collect();
    let mut next = 0;
    while next < order.len() {
        let t = order[next];
        next += 1;
        for &s in &successors[t] {
            waiting[s] -= 1;
            if waiting[s] == 0 {
                order.push(s);
            }
        }
    }
    order
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Reach {
    Successors,
    Predecessors,
}

/// For each task: is any task marked among its successors (or
/// predecessors), directly or not?
fn reaches(order: &[usize], links: &[Vec<Link>], marked: &[bool], way: Reach) -> Vec<bool> {
    let n = links.len();
    let mut found = vec![false; n];
    match way {
        Reach::Predecessors => {
            for &t in order {
                found[t] = links[t].iter().any(|l| marked[l.task] || found[l.task]);
            }
        }
        Reach::Successors => {
            // Backward over the order: a task's successors come after it.
            for &t in order.iter().rev() {
                if marked[t] || found[t] {
                    for l in &links[t] {
                        found[l.task] = true;
                    }
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reach_both_ways() {
        // 0 -> 1 -> 2, and 3 alone: 1 waits for 0, 2 for 1.
        let links = vec![
            vec![],
            vec![Link::finish_to_start(0)],
            vec![Link::finish_to_start(1)],
            vec![],
        ];
        let order = topological(&links);
        assert_eq!(order.len(), 4);
        let marked = [false, false, true, false];
        assert_eq!(
            reaches(&order, &links, &marked, Reach::Successors),
            vec![true, true, false, false]
        );
        let marked = [true, false, false, false];
        assert_eq!(
            reaches(&order, &links, &marked, Reach::Predecessors),
            vec![false, true, true, false]
        );
    }
}

//! What would make a levelled plan fit before its deadline: giving a task to
//! another person of the same role. Each proposal is checked by scheduling
//! the changed plan, never guessed: levelling is a heuristic, and a person
//! with free days on paper may still not fit the task where it is needed.
//! (Moving the deadline is the other way out: [`Schedule::earliest_deadline`].)

use jiff::civil::Date;

use crate::plan::{Plan, TaskIx};
use crate::schedule::{Schedule, schedule_once};

/// Giving `task` to `to` instead of `from`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reassignment {
    pub task: TaskIx,
    pub from: String,
    pub to: String,
    /// Working days the plan is still late by after the change (0: it fits).
    pub late_by: u32,
}

/// At most this many tasks, and plans scheduled, are tried: each try is a
/// whole levelled schedule.
const MOST_TASKS: usize = 8;
const MOST_TRIES: usize = 24;

/// Reassignments that make `schedule` (levelled and late) less late, the
/// best first; empty when the plan is not levelled, or fits.
pub fn reassignments(plan: &Plan, today: Date, schedule: &Schedule) -> Vec<Reassignment> {
    if !schedule.levelled || schedule.late_by == 0 {
        return Vec::new();
    }
    // The tasks that had to start before today, then those their owners'
    // load pushed earliest.
    let mut tasks: Vec<TaskIx> = schedule
        .shortfalls
        .iter()
        .flat_map(|s| s.tasks.iter().copied())
        .collect();
    let short: Vec<&str> = schedule
        .shortfalls
        .iter()
        .map(|s| s.person.as_str())
        .collect();
    let mut pushed: Vec<TaskIx> = (0..plan.tasks.len())
        .filter(|&t| {
            schedule.tasks[t].moved_by_levelling > 0
                && plan.tasks[t]
                    .owner
                    .as_deref()
                    .is_some_and(|o| short.contains(&o))
                && !tasks.contains(&t)
        })
        .collect();
    pushed.sort_by_key(|&t| (std::cmp::Reverse(schedule.tasks[t].moved_by_levelling), t));
    tasks.extend(pushed);
    tasks.truncate(MOST_TASKS);

    let role_of = |id: &str| {
        plan.people
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.role.as_deref())
            .map(|r| r.trim().to_lowercase())
    };
    let mut found = Vec::new();
    let mut tries = 0;
    for t in tasks {
        let Some(from) = plan.tasks[t].owner.as_deref() else {
            continue;
        };
        let Some(role) = role_of(from) else { continue };
        for person in &plan.people {
            if person.id == from
                || person.role.as_deref().map(|r| r.trim().to_lowercase()) != Some(role.clone())
            {
                continue;
            }
            if tries == MOST_TRIES {
                break;
            }
            tries += 1;
            let mut changed = plan.clone();
            changed.tasks[t].owner = Some(person.id.clone());
            // Buffers leave slack alone, so the critical-path buffer need
            // not be sized again to compare how late each variant is.
            if let Ok((after, _)) = schedule_once(&changed, today, false, None)
                && after.late_by < schedule.late_by
                && after.overloads.is_empty()
            {
                found.push(Reassignment {
                    task: t,
                    from: from.to_string(),
                    to: person.id.clone(),
                    late_by: after.late_by,
                });
            }
        }
    }
    found.sort_by_key(|r| (r.late_by, r.task));
    found
}

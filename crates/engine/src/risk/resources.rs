//! Levelling in the runs: each person's tasks one after another, in the
//! order levelling chose, as extra finish-to-start links.
//!
//! Re-levelling every run would cost a levelled schedule per run and its
//! order would change from run to run; keeping the order of the levelled
//! schedule and letting the durations vary is what a team does once the
//! plan is agreed. Capacity above one task at a time (a small team behind
//! one name) gets no chain: such a person runs tasks side by side.

use std::collections::HashMap;

use crate::plan::{Capacity, Plan, TaskIx};
use crate::risk::network::{is_started, topological_order};
use crate::schedule::Schedule;

/// The links levelling adds (predecessor, successor), and the people left
/// unchained because their chain would make a cycle.
pub(super) struct Chains {
    pub links: Vec<(u32, u32)>,
    pub unchained: Vec<String>,
}

/// `links`: the plan's own links (predecessor, successor).
pub(super) fn chains(plan: &Plan, schedule: &Schedule, links: &[(u32, u32)]) -> Chains {
    let capacity: HashMap<&str, Capacity> = plan
        .people
        .iter()
        .rev()
        .map(|p| (p.id.as_str(), p.capacity))
        .collect();
    // Owners in order of their first task, for a deterministic result.
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut owners: Vec<(&str, Vec<TaskIx>)> = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        let Some(owner) = task.owner.as_deref() else {
            continue;
        };
        if task.status.is_closed() || schedule.tasks[t].days == 0 {
            continue;
        }
        let at = *index.entry(owner).or_insert_with(|| {
            owners.push((owner, Vec::new()));
            owners.len() - 1
        });
        owners[at].1.push(t);
    }
    let mut per_person: Vec<(&str, Vec<(u32, u32)>)> = Vec::new();
    for (owner, tasks) in owners {
        let one_at_a_time = capacity
            .get(owner)
            .copied()
            .unwrap_or(Capacity::ONE)
            .percent()
            <= 100;
        if !one_at_a_time {
            continue;
        }
        let (under_way, mut waiting): (Vec<TaskIx>, Vec<TaskIx>) =
            tasks.into_iter().partition(|&t| is_started(&plan.tasks[t]));
        waiting.sort_by_key(|&t| (schedule.tasks[t].start, t));
        let Some(&next) = waiting.first() else {
            continue;
        };
        // Work under way is history: it comes first, whatever order it
        // started in, and the next task waits for all of it.
        let mut edges: Vec<(u32, u32)> =
            under_way.iter().map(|&t| (t as u32, next as u32)).collect();
        edges.extend(waiting.windows(2).map(|w| (w[0] as u32, w[1] as u32)));
        if !edges.is_empty() {
            per_person.push((owner, edges));
        }
    }
    let n = plan.tasks.len();
    let mut all: Vec<(u32, u32)> = links.to_vec();
    all.extend(per_person.iter().flat_map(|(_, e)| e.iter().copied()));
    if topological_order(n, &all).is_some() {
        let links = all.split_off(links.len());
        return Chains {
            links,
            unchained: Vec::new(),
        };
    }
    // Some chain contradicts the dependencies (a lead, a start-to-start
    // link, a plan levelling could not fit): keep the people whose chain
    // fits with those kept before them, in order.
    let mut accepted: Vec<(u32, u32)> = links.to_vec();
    let mut unchained = Vec::new();
    for (owner, edges) in per_person {
        let before = accepted.len();
        accepted.extend(edges);
        if topological_order(n, &accepted).is_none() {
            accepted.truncate(before);
            unchained.push(owner.to_string());
        }
    }
    Chains {
        links: accepted.split_off(links.len()),
        unchained,
    }
}

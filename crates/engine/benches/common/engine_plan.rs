//! A random plan as the engine's `Plan`, for the benchmarks that start from
//! the model rather than the file (the random plans themselves stay free of
//! the engine's types). Shared through `#[path]` by the engine's and the
//! exports' benchmarks.

#![allow(dead_code)]

use retroplan_engine::{Lang, Link, LinkKind, Plan, Task};

use crate::random_plan::{CHANNELS, OWNERS, PHASES, RandomPlan, RandomTask};

/// Every task with its title, days, owner, phase, channel and links.
pub fn engine_plan(random: &RandomPlan) -> Plan {
    let mut plan = Plan::new(
        format!("Plan aléatoire de {} tâches", random.tasks.len()),
        random.deadline,
    );
    plan.today = Some(random.today);
    plan.lang = Some(Lang::Fr);
    plan.tasks = random
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut task = Task::new(format!("t{i}"), t.title(), t.days);
            task.owner = Some(OWNERS[t.owner].to_string());
            task.phase = t.phase.map(|p| PHASES[p].to_string());
            task.channel = t.channel.map(|c| CHANNELS[c].to_string());
            task.after = links(t);
            task
        })
        .collect();
    plan
}

pub fn links(task: &RandomTask) -> Vec<Link> {
    task.after
        .iter()
        .map(|l| Link {
            task: l.task,
            kind: [
                LinkKind::FinishToStart,
                LinkKind::StartToStart,
                LinkKind::FinishToFinish,
                LinkKind::StartToFinish,
            ][l.kind],
            lag: l.lag,
        })
        .collect()
}

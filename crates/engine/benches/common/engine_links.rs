//! The dependencies of a random task as the engine's links, for the engine's
//! benchmarks (the random plans themselves stay free of the engine's types).

use retroplan_engine::{Link, LinkKind};

use crate::random_plan::RandomTask;

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

//! `cargo bench -p retroplan-engine`: the engine's passes alone on random
//! plans of 1,000, 100,000 and 1,000,000 tasks with about 3 dependencies each
//! (the plans of `bench/gen_plan.py`, built in memory: no parsing, no output).
//!
//! Throughput is tasks + edges, so criterion's "thrpt" is in elements per
//! second and the time per element is 1 / thrpt (the goal: under 20 ns).
//! See BENCHMARKS.md.

#[path = "common/engine_links.rs"]
mod engine_links;
#[path = "common/random_plan.rs"]
mod random_plan;

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use random_plan::{CHANNELS, OWNERS, PHASES, RandomPlan};
use retroplan_engine::calendar::CalendarRules;
use retroplan_engine::{Lang, Plan, Task};

const SEED: u64 = 42;

fn engine_plan(random: &RandomPlan) -> Plan {
    let tasks = random
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut task = Task::new(format!("t{i}"), t.title(), t.days);
            task.owner = Some(OWNERS[t.owner].to_string());
            task.phase = t.phase.map(|p| PHASES[p].to_string());
            task.channel = t.channel.map(|c| CHANNELS[c].to_string());
            task.after = engine_links::links(t);
            task
        })
        .collect();
    Plan {
        name: format!("Plan aléatoire de {} tâches", random.tasks.len()),
        deadline: random.deadline,
        today: Some(random.today),
        lang: Some(Lang::Fr),
        calendar: CalendarRules::default(),
        people: Vec::new(),
        tasks,
        meetings: Vec::new(),
        level: false,
        tracking: Default::default(),
        margins: Default::default(),
    }
}

fn schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    for n in [1_000usize, 100_000, 1_000_000] {
        let random = RandomPlan::new(n, SEED);
        let edges = random.edges();
        let today = random.today;
        let plan = engine_plan(&random);
        drop(random);
        // A plan that does not schedule would measure an error path.
        let first = retroplan_engine::schedule(&plan, today).expect("the random plan schedules");
        eprintln!(
            "schedule/{n}: {n} tasks, {edges} edges, feasible: {}, late by {} days, min slack {}",
            first.feasible, first.late_by, first.min_slack
        );
        drop(first);
        group.throughput(Throughput::Elements((n + edges) as u64));
        // About 10 s per size (5 s for the smallest), so that the whole
        // `cargo bench -p retroplan-engine` takes about a minute.
        match n {
            1_000 => group
                .sample_size(100)
                .sampling_mode(SamplingMode::Auto)
                .measurement_time(Duration::from_secs(5)),
            100_000 => group
                .sample_size(20)
                .sampling_mode(SamplingMode::Flat)
                .measurement_time(Duration::from_secs(10)),
            _ => group
                .sample_size(10)
                .sampling_mode(SamplingMode::Flat)
                .measurement_time(Duration::from_secs(15)),
        };
        group.bench_with_input(BenchmarkId::from_parameter(n), &plan, |b, plan| {
            b.iter(|| retroplan_engine::schedule(black_box(plan), black_box(today)))
        });
    }
    group.finish();
}

criterion_group!(benches, schedule);
criterion_main!(benches);

//! `cargo bench -p retroplan-engine`: the engine's passes alone on random
//! plans of 1,000, 100,000 and 1,000,000 tasks with about 3 dependencies each
//! (the plans of `bench/gen_plan.py`, built in memory: no parsing, no output).
//!
//! Throughput is tasks + edges, so criterion's "thrpt" is in elements per
//! second and the time per element is 1 / thrpt (the goal: under 20 ns).
//! See BENCHMARKS.md.

#[path = "common/engine_plan.rs"]
mod engine_plan;
#[path = "common/random_plan.rs"]
mod random_plan;

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use random_plan::RandomPlan;

const SEED: u64 = 42;

fn schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule");
    for n in [1_000usize, 100_000, 1_000_000] {
        let random = RandomPlan::new(n, SEED);
        let edges = random.edges();
        let today = random.today;
        let plan = engine_plan::engine_plan(&random);
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

//! `cargo bench -p retroplan-engine`: the engine's passes alone on random
//! plans of 1,000, 100,000 and 1,000,000 tasks with about 3 dependencies each
//! (the plans of `bench/gen_plan.py`, built in memory: no parsing, no output).
//!
//! Throughput is tasks + edges, so criterion's "thrpt" is in elements per
//! second and the time per element is 1 / thrpt (the goal: under 20 ns).
//! See BENCHMARKS.md.
//!
//! For profilers, `RETROPLAN_BENCH_LOOP=N:K` skips criterion: it builds the
//! plan of N tasks, schedules it K times and prints the median time (and,
//! apart, the median time to drop the schedule, which criterion's figures
//! include), so that `valgrind --tool=callgrind` or `perf record` see the
//! passes and little else.

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
    if let Ok(spec) = std::env::var("RETROPLAN_BENCH_LOOP") {
        profile_loop(&spec);
        std::process::exit(0);
    }
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

/// `N:K`: K schedules of the N-task plan, no statistics beyond a median.
fn profile_loop(spec: &str) {
    let (n, k) = spec
        .split_once(':')
        .and_then(|(n, k)| Some((n.parse::<usize>().ok()?, k.parse::<usize>().ok()?)))
        .expect("RETROPLAN_BENCH_LOOP=N:K");
    let random = RandomPlan::new(n, SEED);
    let elements = n + random.edges();
    let today = random.today;
    let plan = engine_plan::engine_plan(&random);
    drop(random);
    let mut times = Vec::with_capacity(k);
    // Dropping the schedule, timed apart (criterion's loop times it too).
    let mut drops = Vec::with_capacity(k);
    for _ in 0..k {
        let at = std::time::Instant::now();
        let schedule = retroplan_engine::schedule(black_box(&plan), black_box(today));
        times.push(at.elapsed());
        let at = std::time::Instant::now();
        drop(black_box(schedule));
        drops.push(at.elapsed());
    }
    times.sort();
    drops.sort();
    if let (Some(median), Some(drop)) = (times.get(k / 2), drops.get(k / 2)) {
        eprintln!(
            "schedule/{n} x {k}: median {median:?}, {:.1} ns per task + edge; then the drop {drop:?}",
            median.as_nanos() as f64 / elements as f64
        );
    }
}

criterion_group!(benches, schedule);
criterion_main!(benches);

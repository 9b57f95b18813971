//! `cargo bench -p retroplan-engine`: the engine's passes alone on random
//! plans of 1,000, 100,000 and 1,000,000 tasks with about 3 dependencies each
//! (the plans of `bench/gen_plan.py`, built in memory: no parsing, no output).
//!
//! Throughput is tasks + edges, so criterion's "thrpt" is in elements per
//! second and the time per element is 1 / thrpt (the goal: under 20 ns).
//! See BENCHMARKS.md.
//!
//! Two groups:
//! - `schedule/N`: the whole `schedule` call, from the model to the report
//!   (every task's dated line, people's bookings and overloads);
//! - `stages/walk/N` and `stages/passes/N`: two of its steps timed apart
//!   (`retroplan_engine::schedule::stages`): the walk over the tasks
//!   (checks, owners, calendars, links in flat arrays, topological order),
//!   and the passes alone (SCHEDULING.md's backward, follow-up, forward and
//!   latest passes, slack, the critical and margin paths) on what the walk
//!   and the calendars built.
//!
//! For profilers, `RETROPLAN_BENCH_LOOP=N:K` skips criterion: it builds the
//! plan of N tasks, schedules it K times and prints the median time (and,
//! apart, the median time to drop the schedule, which criterion's figures
//! include, and the medians of the two stages), so that
//! `valgrind --tool=callgrind` or `perf record` see the engine and little
//! else.

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
use retroplan_engine::schedule::stages;

const SEED: u64 = 42;

fn schedule(c: &mut Criterion) {
    if let Ok(spec) = std::env::var("RETROPLAN_BENCH_LOOP") {
        profile_loop(&spec);
        std::process::exit(0);
    }
    let mut group = c.benchmark_group("schedule");
    let mut plans = Vec::new();
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
        plans.push((n, edges, plan, today));
    }
    group.finish();

    let mut group = c.benchmark_group("stages");
    for (n, edges, plan, today) in &plans {
        group.throughput(Throughput::Elements((n + edges) as u64));
        group
            .sample_size(if *n >= 1_000_000 { 10 } else { 20 })
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(5));
        group.bench_with_input(BenchmarkId::new("walk", n), plan, |b, plan| {
            b.iter(|| stages::walk(black_box(plan), black_box(*today)))
        });
        stages::prepared(plan, *today, |prepared| {
            assert!(
                prepared.passes().is_some(),
                "the plan fits its first window"
            );
            group.bench_function(BenchmarkId::new("passes", n), |b| {
                b.iter(|| black_box(prepared).passes())
            });
        })
        .expect("the random plan schedules");
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
    let per_element = |d: &Duration| d.as_nanos() as f64 / elements as f64;
    if let (Some(median), Some(drop)) = (median(&mut times), median(&mut drops)) {
        eprintln!(
            "schedule/{n} x {k}: median {median:?}, {:.1} ns per task + edge; then the drop {drop:?}",
            per_element(&median)
        );
    }
    let walks: Vec<Duration> = (0..k)
        .map(|_| {
            let at = std::time::Instant::now();
            black_box(stages::walk(black_box(&plan), black_box(today)).expect("it schedules"));
            at.elapsed()
        })
        .collect();
    let passes: Vec<Duration> = stages::prepared(&plan, today, |prepared| {
        (0..k)
            .map(|_| {
                let at = std::time::Instant::now();
                black_box(black_box(prepared).passes().expect("it fits its window"));
                at.elapsed()
            })
            .collect()
    })
    .expect("it schedules");
    for (stage, mut times) in [("walk", walks), ("passes", passes)] {
        if let Some(median) = median(&mut times) {
            eprintln!(
                "stages/{stage}/{n} x {k}: median {median:?}, {:.1} ns per task + edge",
                per_element(&median)
            );
        }
    }
}

fn median(times: &mut [Duration]) -> Option<Duration> {
    times.sort();
    times.get(times.len() / 2).copied()
}

criterion_group!(benches, schedule);
criterion_main!(benches);

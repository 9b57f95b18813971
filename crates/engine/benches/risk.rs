//! `cargo bench -p retroplan-engine --bench risk`: Monte Carlo, 10,000 runs
//! of the 1,000-task random plan of `bench/gen_plan.py` (about 3
//! dependencies per task), every task of `d >= 1` days an estimate
//! `[0.8 d, d, 1.6 d]`, on one thread and on two (a rayon pool of each
//! size); and the same plan without estimates on one thread, where the runs
//! draw nothing: the passes alone.
//!
//! The goal (issue 6): under 1 s on the 2-core machine of BENCHMARKS.md.
//! Criterion's "thrpt" is in runs per second. See BENCHMARKS.md.

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
use retroplan_engine::{EstimateAt, Plan, RiskOptions, simulate};

const SEED: u64 = 42;
const TASKS: usize = 1_000;
const RUNS: u32 = 10_000;

/// The random plan; with `estimates`, every task of `d >= 1` days an
/// estimate `[0.8 d, d, 1.6 d]`, else its `d` days.
fn random_plan(random: &RandomPlan, estimates: bool) -> Plan {
    let mut plan = engine_plan::engine_plan(random);
    for task in plan.tasks.iter_mut().filter(|t| estimates && t.days() > 0) {
        let d = f64::from(task.days());
        task.duration = retroplan_engine::Duration::Estimate {
            optimistic: 0.8 * d,
            likely: d,
            pessimistic: 1.6 * d,
            at: EstimateAt::Mean,
        };
    }
    plan
}

fn risk(c: &mut Criterion) {
    let random = RandomPlan::new(TASKS, SEED);
    let today = random.today;
    let plan = random_plan(&random, true);
    let options = RiskOptions {
        runs: RUNS,
        seed: 1,
    };
    let first = simulate(&plan, today, &options, &|_| {}).expect("the random plan schedules");
    eprintln!(
        "risk: {TASKS} tasks, {} edges, {RUNS} runs: on time {:.3}, finish p50 {} p95 {}, work days mean {:.1} sigma {:.2}",
        random.edges(),
        first.probability_on_time,
        first.finish.p50,
        first.finish.p95,
        first.work_days_mean(),
        first.work_days_sigma()
    );
    let mut group = c.benchmark_group("risk");
    group
        .throughput(Throughput::Elements(u64::from(RUNS)))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(10));
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        // The same report whatever the pool: the bench measures the real thing.
        let report = pool.install(|| simulate(&plan, today, &options, &|_| {}).unwrap());
        assert_eq!(report, first, "{threads} thread(s)");
        group.bench_with_input(
            BenchmarkId::new(format!("{TASKS}x{RUNS}"), format!("{threads}-thread")),
            &plan,
            |b, plan| {
                b.iter(|| {
                    pool.install(|| simulate(black_box(plan), black_box(today), &options, &|_| {}))
                })
            },
        );
    }
    // The same runs with nothing to draw: the two passes alone, so that the
    // cost of the Beta-PERT draws is the difference.
    let fixed = random_plan(&random, false);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    group.bench_with_input(
        BenchmarkId::new(format!("{TASKS}x{RUNS}-no-draws"), "1-thread"),
        &fixed,
        |b, plan| {
            b.iter(|| {
                pool.install(|| simulate(black_box(plan), black_box(today), &options, &|_| {}))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, risk);
criterion_main!(benches);

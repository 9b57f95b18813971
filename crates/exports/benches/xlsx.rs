//! `cargo bench -p retroplan-exports --bench xlsx`: the XLSX export (task
//! sheet and Gantt sheet) of a 10,000-task plan into a `Vec<u8>`. The goal:
//! under 1 s on a 2-core machine.
//!
//! The plan is the random plan of `bench/gen_plan.py` (built in memory, as
//! the engine's benchmarks do), scheduled once outside the timed loop: only
//! the export is measured.

#[path = "../../engine/benches/common/engine_plan.rs"]
mod engine_plan;
#[path = "../../engine/benches/common/random_plan.rs"]
mod random_plan;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use random_plan::RandomPlan;
use retroplan_engine::Lang;

const SEED: u64 = 42;
const TASKS: usize = 10_000;

fn xlsx(c: &mut Criterion) {
    let random = RandomPlan::new(TASKS, SEED);
    let plan = engine_plan::engine_plan(&random);
    let schedule =
        retroplan_engine::schedule(&plan, random.today).expect("the random plan schedules");
    let bytes = retroplan_exports::write_xlsx(&plan, &schedule, Lang::Fr).expect("it exports");
    let span = schedule
        .tasks
        .iter()
        .map(|t| t.end)
        .max()
        .map(|last| (last.max(schedule.deadline) - schedule.start.unwrap_or(last)).get_days());
    eprintln!(
        "xlsx/{TASKS}: {} bytes, {} calendar days on the Gantt sheet",
        bytes.len(),
        span.unwrap_or(0) + 1
    );
    let mut group = c.benchmark_group("xlsx");
    group
        .throughput(Throughput::Elements(TASKS as u64))
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(15));
    group.bench_function(TASKS.to_string(), |b| {
        b.iter(|| retroplan_exports::write_xlsx(black_box(&plan), black_box(&schedule), Lang::Fr))
    });
    group.finish();
}

criterion_group!(benches, xlsx);
criterion_main!(benches);

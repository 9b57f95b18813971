//! `cargo bench -p retroplan-formats`: reading the plan file and writing the
//! JSON schedule, on the random plans of `bench/gen_plan.py` (generated here
//! in memory, byte for byte the same text), for 1,000 and 100,000 tasks.
//!
//! - `read_plan/N`: `read_plan` on the TOML text (tasks, ~3 links each);
//! - `write_schedule_json/N`: the JSON of the schedule into a reused `Vec<u8>`;
//! - `pipeline/N`: read + schedule + write, in process (what `retroplan
//!   schedule PLAN --format json` does, without the file, the process and
//!   the pipe).
//!
//! Throughput is in tasks. See BENCHMARKS.md. With `RETROPLAN_BENCH_DUMP=DIR`
//! the generated plans are also written to `DIR/plan-N-s42.toml`.

#[path = "../../engine/benches/common/random_plan.rs"]
mod random_plan;

use std::hint::black_box;
use std::time::Duration;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use random_plan::RandomPlan;
use retroplan_formats::{has_errors, read_plan, write_schedule_json};

const SEED: u64 = 42;
const SIZES: [usize; 2] = [1_000, 100_000];

fn text(n: usize) -> String {
    let random = RandomPlan::new(n, SEED);
    let text = random.toml();
    eprintln!(
        "plan of {n} tasks, {} edges: {} bytes of TOML",
        random.edges(),
        text.len()
    );
    // To check that the text is bench/gen_plan.py's: `cmp` the dump with its output.
    if let Some(dir) = std::env::var_os("RETROPLAN_BENCH_DUMP") {
        let path = std::path::Path::new(&dir).join(format!("plan-{n}-s{SEED}.toml"));
        std::fs::write(&path, &text).expect("writing the dump");
    }
    text
}

fn configure(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    n: usize,
) {
    group.throughput(Throughput::Elements(n as u64));
    if n >= 100_000 {
        group
            .sample_size(20)
            .sampling_mode(SamplingMode::Flat)
            .measurement_time(Duration::from_secs(10));
    } else {
        group
            .sample_size(100)
            .sampling_mode(SamplingMode::Auto)
            .measurement_time(Duration::from_secs(5));
    }
}

fn benches(c: &mut Criterion) {
    let texts: Vec<(usize, String)> = SIZES.iter().map(|&n| (n, text(n))).collect();

    let mut group = c.benchmark_group("read_plan");
    for (n, text) in &texts {
        let read = read_plan(text);
        assert!(
            !has_errors(&read.diagnostics) && read.plan.is_some(),
            "the random plan reads without errors"
        );
        configure(&mut group, *n);
        group.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter(|| read_plan(black_box(text)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("write_schedule_json");
    for (n, text) in &texts {
        let plan = read_plan(text).plan.expect("the random plan reads");
        let today = plan.today.expect("the random plan has a today");
        let schedule = retroplan_engine::schedule(&plan, today).expect("the random plan schedules");
        let mut out: Vec<u8> = Vec::new();
        write_schedule_json(&mut out, &plan, &schedule).expect("writing to a Vec");
        eprintln!("schedule of {n} tasks: {} bytes of JSON", out.len());
        configure(&mut group, *n);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| {
                out.clear();
                write_schedule_json(&mut out, black_box(&plan), black_box(&schedule))
                    .expect("writing to a Vec");
                out.len()
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("pipeline");
    for (n, text) in &texts {
        configure(&mut group, *n);
        let mut out: Vec<u8> = Vec::new();
        group.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
            b.iter(|| {
                let plan = read_plan(black_box(text))
                    .plan
                    .expect("the random plan reads");
                let today = plan.today.expect("the random plan has a today");
                let schedule =
                    retroplan_engine::schedule(&plan, today).expect("the random plan schedules");
                out.clear();
                write_schedule_json(&mut out, &plan, &schedule).expect("writing to a Vec");
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(plan_file, benches);
criterion_main!(plan_file);

//! `cargo bench -p retroplan-gantt`: the Gantt chart of a 5,000-task random
//! plan (the plans of `bench/gen_plan.py`, seed 42) drawn to SVG, with and
//! without dependency arrows, and, for scale, a 500-task chart to PNG and
//! to PDF. The plan is read and scheduled once, outside the timing. The
//! goal (issue 7): 5,000 tasks to SVG under 200 ms. See BENCHMARKS.md.

#[path = "../../engine/benches/common/random_plan.rs"]
mod random_plan;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use random_plan::RandomPlan;
use retroplan_engine::{Lang, Plan, Schedule};
use retroplan_gantt::{GanttOptions, ROWS_PER_PAGE};

fn planned(tasks: usize) -> (Plan, Schedule) {
    let random = RandomPlan::new(tasks, 42);
    let read = retroplan_formats::read_plan(&random.toml());
    let plan = read.plan.expect("the random plan reads");
    let schedule = retroplan_engine::schedule(&plan, random.today).expect("schedules");
    (plan, schedule)
}

fn gantt(c: &mut Criterion) {
    let (plan, schedule) = planned(5_000);
    let mut group = c.benchmark_group("gantt");
    group.measurement_time(Duration::from_secs(8));
    let with_links = GanttOptions::new(Lang::Fr);
    group.bench_function("svg/5000", |b| {
        b.iter(|| retroplan_gantt::svg(black_box(&plan), &schedule, &with_links).map(|s| s.len()))
    });
    let bare = GanttOptions {
        links: false,
        ..GanttOptions::new(Lang::Fr)
    };
    group.bench_function("svg/5000/no-links", |b| {
        b.iter(|| retroplan_gantt::svg(black_box(&plan), &schedule, &bare).map(|s| s.len()))
    });
    let (small, small_schedule) = planned(500);
    let svg = retroplan_gantt::svg(&small, &small_schedule, &with_links).expect("svg");
    group.sample_size(10);
    group.bench_function("png/500", |b| {
        b.iter(|| retroplan_gantt::png(black_box(&svg)).map(|p| p.len()))
    });
    let pages =
        retroplan_gantt::pages(&small, &small_schedule, &with_links, ROWS_PER_PAGE).expect("pages");
    group.bench_function("pdf/500", |b| {
        b.iter(|| retroplan_gantt::pdf(black_box(&pages), "bench").map(|p| p.len()))
    });
    group.finish();
}

criterion_group!(benches, gantt);
criterion_main!(benches);

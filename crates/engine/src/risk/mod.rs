//! Monte Carlo risk analysis (docs/monte-carlo.md): every task's duration
//! drawn from its three-point estimate, the plan dated again run after run,
//! and what the runs say: the chance of finishing by the deadline, the start
//! each level of confidence needs, the finish dates, how often each task is
//! critical, and the spread of the finish.
//!
//! The schedule is computed once ([`crate::schedule::schedule`]) and
//! compiled into flat arrays on one continuous time axis, the plan
//! calendar's work index (`network`, `axis`); each run is then two linear
//! passes that allocate nothing (`run`), in parallel chunks that give the
//! same report whatever the number of threads (`sampler`); `summary` turns
//! the runs into percentiles and a histogram.
//!
//! Like the rest of the engine: no I/O, no clock; the seed is an input.

mod axis;
mod law;
mod network;
mod resources;
mod run;
mod sampler;
mod summary;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::error::PlanErrors;
use crate::plan::Plan;

/// How many runs, and the seed of the random draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskOptions {
    /// 1 to [`RiskOptions::MAX_RUNS`]; values outside are brought inside
    /// (the report's `runs` says how many were made).
    pub runs: u32,
    pub seed: u64,
}

impl RiskOptions {
    pub const MAX_RUNS: u32 = 10_000_000;
}

impl Default for RiskOptions {
    fn default() -> Self {
        RiskOptions {
            runs: 10_000,
            seed: 1,
        }
    }
}

/// The start dates that give each confidence of finishing on time: `p80`
/// is the day work must start by for 80 % of the runs to hold. `None` when
/// no work is left to start (everything started, or only milestones left).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StartBy {
    pub p50: Option<Date>,
    pub p80: Option<Date>,
    pub p90: Option<Date>,
    pub p95: Option<Date>,
}

/// The finish dates reached in 50, 80 and 95 % of the runs, working forward from today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Finish {
    pub p50: Date,
    pub p80: Date,
    pub p95: Date,
}

/// The runs that finish on a working day from `from` to `to` (inclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bin {
    pub from: Date,
    pub to: Date,
    pub runs: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RiskReport {
    pub runs: u32,
    pub seed: u64,
    pub today: Date,
    pub deadline: Date,
    /// The first working day on or after today.
    pub work_starts: Date,
    /// The deterministic schedule's first planned start and forecast end.
    pub planned_start: Option<Date>,
    pub forecast_end: Option<Date>,
    /// The deterministic schedule's verdict.
    pub feasible: bool,
    /// The share of runs in which every date that binds (the deadline, the
    /// `due` and fixed dates) holds.
    pub probability_on_time: f64,
    pub start_by: StartBy,
    pub finish: Finish,
    /// Per task, in plan order: the share of runs in which it is critical
    /// (on the least slack of its run). Done and cancelled tasks: 0.
    pub criticality: Vec<f64>,
    /// Per task, in plan order: the share of runs in which it has the least
    /// slack of the open work planned back from the deadline that is not
    /// fixed, the schedule's `margin`: where the margin people control is
    /// thinnest. Fixed dates have no slack, so in a plan with fixed dates
    /// they are critical in every run and this is where the runs differ.
    /// Fixed and follow-up tasks: 0.
    pub margin_criticality: Vec<f64>,
    /// The finish dates of the runs.
    pub histogram: Vec<Bin>,
    /// Per run, in run order: working days of the plan calendar from the
    /// start of work to the finish (continuous, not rounded to days).
    pub work_days: Vec<f64>,
    /// Working days from the start of work to the close of the deadline:
    /// a run is within the deadline when its `work_days` is at most this.
    pub deadline_work_days: f64,
    /// The runs kept each person's tasks in the order levelling chose.
    pub levelled: bool,
    /// People whose levelled order could not be kept: it contradicts the
    /// dependencies (see docs/monte-carlo.md). Their tasks overlap freely.
    pub unchained: Vec<String>,
}

impl RiskReport {
    /// The mean of `work_days`.
    pub fn work_days_mean(&self) -> f64 {
        if self.work_days.is_empty() {
            return 0.0;
        }
        self.work_days.iter().sum::<f64>() / self.work_days.len() as f64
    }

    /// The sample standard deviation of `work_days` (0 for a single run).
    pub fn work_days_sigma(&self) -> f64 {
        let n = self.work_days.len();
        if n < 2 {
            return 0.0;
        }
        let mean = self.work_days_mean();
        let squares: f64 = self.work_days.iter().map(|w| (w - mean) * (w - mean)).sum();
        (squares / (n - 1) as f64).sqrt()
    }
}

/// Runs `plan` `options.runs` times from `today`. `progress` is called with
/// the number of runs done so far after each chunk of runs (from any
/// thread, possibly out of order: keep the largest).
pub fn simulate(
    plan: &Plan,
    today: Date,
    options: &RiskOptions,
    progress: &(dyn Fn(u32) + Sync),
) -> Result<RiskReport, PlanErrors> {
    let schedule = crate::schedule::schedule(plan, today)?;
    let runs = options.runs.clamp(1, RiskOptions::MAX_RUNS);
    let (net, axis) = network::compile(plan, &schedule, today);
    let samples = sampler::sample(&net, runs, options.seed, progress);

    let total = samples.work_days.len();
    let on_time = samples.on_time.iter().filter(|&&t| t).count();
    let n = plan.tasks.len();
    let mut criticality = vec![0.0; n];
    let mut margin_criticality = vec![0.0; n];
    for (i, &t) in net.task_of.iter().enumerate() {
        let share = |count: u32| f64::from(count) / total as f64;
        criticality[t as usize] = share(samples.counts[i]);
        margin_criticality[t as usize] = share(samples.counts[n + i]);
    }

    // Every index to convert, in one batch: finish percentiles, start-by
    // percentiles, then the histogram's bounds.
    let mut finishes = samples.work_days.clone();
    finishes.par_sort_unstable_by(f64::total_cmp);
    let finish_at = |p| summary::finish_day(net.work_start + summary::nearest_rank(&finishes, p));
    let mut indices = vec![finish_at(50), finish_at(80), finish_at(95)];
    let needs_start = net.needs_start();
    if needs_start {
        let mut needed = samples.needed;
        needed.par_sort_unstable_by(f64::total_cmp);
        // Starting by the (100 - X)th percentile of the needed starts is
        // late enough in X % of the runs.
        for p in [50, 20, 10, 5] {
            indices.push(summary::start_day(summary::nearest_rank(&needed, p)));
        }
    }
    let days: Vec<i32> = samples
        .work_days
        .par_iter()
        .map(|w| summary::finish_day(net.work_start + w))
        .collect();
    let bins = summary::histogram(&days);
    let first_bin = indices.len();
    indices.extend(bins.iter().flat_map(|&(from, to, _)| [from, to]));
    let dates = axis.dates_of(&indices);

    let start_by = if needs_start {
        StartBy {
            p50: Some(dates[3]),
            p80: Some(dates[4]),
            p90: Some(dates[5]),
            p95: Some(dates[6]),
        }
    } else {
        StartBy {
            p50: None,
            p80: None,
            p90: None,
            p95: None,
        }
    };
    let histogram = bins
        .iter()
        .enumerate()
        .map(|(j, &(_, _, runs))| Bin {
            from: dates[first_bin + 2 * j],
            to: dates[first_bin + 2 * j + 1],
            runs,
        })
        .collect();
    Ok(RiskReport {
        runs,
        seed: options.seed,
        today,
        deadline: plan.deadline,
        work_starts: schedule.work_starts,
        planned_start: schedule.start,
        forecast_end: schedule.forecast_end,
        feasible: schedule.feasible,
        probability_on_time: on_time as f64 / total as f64,
        start_by,
        finish: Finish {
            p50: dates[0],
            p80: dates[1],
            p95: dates[2],
        },
        criticality,
        margin_criticality,
        histogram,
        work_days: samples.work_days,
        deadline_work_days: net.deadline_close - net.work_start,
        levelled: plan.level,
        unchained: net.unchained,
    })
}

//! Monte Carlo risk analysis (docs/monte-carlo.md): the engine's
//! `risk::simulate` against what can be derived by hand or from the
//! schedule itself.
//!
//! The hand-checked cases use calendar country "none" (no public holidays),
//! Monday to Friday. December 2026: Mon 7 ... Fri 11, Mon 14 ... Fri 18 (the
//! usual deadline), Mon 21 ... Fri 25, Mon 28.

mod random_links;
mod random_progress;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use retroplan_engine::calendar::{CalendarRules, Country, Weekdays};
use retroplan_engine::{
    Bin, Direction, Duration, EstimateAt, Link, LinkKind, Person, Plan, Progress, RiskOptions,
    RiskReport, Status, Task, When, schedule, simulate,
};

use random_links::{LinkSpec, arb_link};
use random_progress::{ProgressSpec, apply, arb_progress};

// ---------------------------------------------------------------------------
// Building plans
// ---------------------------------------------------------------------------

const DEADLINE: Date = date(2026, 12, 18);

fn dec(day: i8) -> Date {
    date(2026, 12, day)
}

fn plan(tasks: Vec<Task>) -> Plan {
    Plan {
        calendar: CalendarRules {
            country: None,
            ..CalendarRules::default()
        },
        tasks,
        ..Plan::new("risk", DEADLINE)
    }
}

fn task(id: &str, days: u32) -> Task {
    Task::new(id, id, days)
}

fn estimate(id: &str, o: f64, m: f64, p: f64) -> Task {
    let mut t = Task::new(id, id, 0);
    t.duration = Duration::Estimate {
        optimistic: o,
        likely: m,
        pessimistic: p,
        at: EstimateAt::Mean,
    };
    t
}

fn after(mut t: Task, preds: &[usize]) -> Task {
    t.after
        .extend(preds.iter().map(|&p| Link::finish_to_start(p)));
    t
}

fn owned(mut t: Task, owner: &str) -> Task {
    t.owner = Some(owner.into());
    t
}

fn progress(t: &mut Task) -> &mut Progress {
    t.progress.get_or_insert_with(Default::default)
}

fn options(runs: u32, seed: u64) -> RiskOptions {
    RiskOptions { runs, seed }
}

fn run(plan: &Plan, today: Date, runs: u32, seed: u64) -> RiskReport {
    simulate(plan, today, &options(runs, seed), &|_| {}).expect("the plan schedules")
}

/// Sample mean, variance (divided by n) and fourth central moment.
fn moments(xs: &[f64]) -> (f64, f64, f64) {
    let n = xs.len() as f64;
    let mean = xs.iter().sum::<f64>() / n;
    let var = xs.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n;
    let m4 = xs.iter().map(|x| (x - mean).powi(4)).sum::<f64>() / n;
    (mean, var, m4)
}

// ---------------------------------------------------------------------------
// 1. Closed form
// ---------------------------------------------------------------------------

/// Five estimates end to end from today: the total is their sum, whose mean
/// and variance are the sums of the Beta-PERT means and variances. The
/// sampled moments must be within four standard errors, the errors derived
/// from the number of runs (mean: sigma / sqrt(N); variance:
/// sqrt((m4 - sigma^4) / N), the asymptotic standard error of a sample variance).
#[test]
fn a_chain_of_estimates_converges_to_the_beta_pert_mean_and_variance() {
    let points = [
        (2.0, 3.0, 6.0),
        (1.0, 4.0, 5.0),
        (3.0, 5.0, 10.0),
        (2.0, 2.5, 4.0),
        (4.0, 6.0, 9.0),
    ];
    let mut tasks = Vec::new();
    for (i, &(o, m, p)) in points.iter().enumerate() {
        let t = estimate(&format!("t{i}"), o, m, p);
        tasks.push(if i == 0 { t } else { after(t, &[i - 1]) });
    }
    let mut plan = plan(tasks);
    plan.deadline = date(2027, 6, 30);
    let durations: Vec<Duration> = plan.tasks.iter().map(|t| t.duration).collect();
    let mean: f64 = durations.iter().map(|d| d.mean()).sum();
    let variance: f64 = durations.iter().map(|d| d.variance()).sum();
    let (lo, hi): (f64, f64) = (
        points.iter().map(|p| p.0).sum(),
        points.iter().map(|p| p.2).sum(),
    );

    let runs = 40_000;
    let report = run(&plan, dec(7), runs, 7);
    assert_eq!(report.work_days.len(), runs as usize);
    assert!(
        report.work_days.iter().all(|&w| (lo..=hi).contains(&w)),
        "every total between the optimistic and pessimistic sums"
    );
    let (m, v, m4) = moments(&report.work_days);
    let n = f64::from(runs);
    let mean_tolerance = 4.0 * variance.sqrt() / n.sqrt();
    assert!(
        (m - mean).abs() < mean_tolerance,
        "mean {m}, Beta-PERT {mean}, tolerance {mean_tolerance}"
    );
    let variance_tolerance = 4.0 * ((m4 - v * v) / n).sqrt();
    assert!(
        (v - variance).abs() < variance_tolerance,
        "variance {v}, Beta-PERT {variance}, tolerance {variance_tolerance}"
    );
    // The report's own statistics are those of `work_days`.
    assert!((report.work_days_mean() - m).abs() < 1e-9);
    let sigma = (v * n / (n - 1.0)).sqrt();
    assert!((report.work_days_sigma() - sigma).abs() < 1e-9);
    // A plan this far from its deadline always holds.
    assert_eq!(report.probability_on_time, 1.0);
    assert_eq!(
        report.histogram.iter().map(|b| b.runs).sum::<u32>(),
        runs,
        "every run in one bin"
    );
    assert!(report.histogram.len() <= 30);
}

/// A task on a calendar of its own is drawn on the plan calendar, scaled by
/// the plan's working days its planned dates span per day of its own: an
/// estimate of mean 7 days on a seven-day week, planned Mon 7 - Sun 13,
/// spans 5 plan days, so its draws have mean 7 x 5/7 = 5.
#[test]
fn a_task_on_its_own_calendar_is_scaled_where_it_is_planned() {
    let mut promo = estimate("promo", 5.0, 7.0, 9.0);
    promo.workdays = Some(Weekdays::ALL);
    promo.on = Some(When::Date(dec(7)));
    let plan = plan(vec![promo]);
    let s = schedule(&plan, dec(7)).unwrap();
    assert_eq!((s.tasks[0].start, s.tasks[0].end), (dec(7), dec(13)));
    let runs = 20_000;
    let report = run(&plan, dec(7), runs, 3);
    let (m, _, _) = moments(&report.work_days);
    // Beta(3, 3) on [5, 9] scaled by 5/7: variance (16/28) x (5/7)^2.
    let sigma = (16.0f64 / 28.0).sqrt() * 5.0 / 7.0;
    let tolerance = 4.0 * sigma / f64::from(runs).sqrt();
    assert!((m - 5.0).abs() < tolerance, "mean {m}");
    assert!(
        report
            .work_days
            .iter()
            .all(|&w| (25.0 / 7.0 - 1e-9..=45.0 / 7.0 + 1e-9).contains(&w))
    );
}

// ---------------------------------------------------------------------------
// 2. No uncertainty: the schedule itself
// ---------------------------------------------------------------------------

/// a (3 days) then b (2 days), deadline Fri 18, today Mon 7: planned a Mon
/// 14 - Wed 16, b Thu 17 - Fri 18; earliest a Mon 7 - Wed 9, b Thu 10 - Fri
/// 11. Every run is that: all on time, finishing Fri 11 (5 working days
/// from Mon 7), and work must start by Mon 14 (the planned start).
#[test]
fn a_plan_without_uncertainty_is_its_schedule_in_every_run() {
    let plan = plan(vec![task("a", 3), after(task("b", 2), &[0])]);
    let s = schedule(&plan, dec(7)).unwrap();
    assert!(s.feasible);
    let report = run(&plan, dec(7), 1_000, 1);
    assert_eq!(report.probability_on_time, 1.0);
    assert!(report.work_days.iter().all(|&w| w == 5.0));
    assert_eq!(report.deadline_work_days, 10.0);
    assert_eq!(
        (report.finish.p50, report.finish.p80, report.finish.p95),
        (dec(11), dec(11), dec(11))
    );
    let sb = report.start_by;
    assert_eq!(
        (sb.p50, sb.p80, sb.p90, sb.p95),
        (Some(dec(14)), Some(dec(14)), Some(dec(14)), Some(dec(14)))
    );
    assert_eq!(
        report.histogram,
        [Bin {
            from: dec(11),
            to: dec(11),
            runs: 1_000
        }]
    );
    assert_eq!(report.criticality, [1.0, 1.0], "one chain: both critical");
    assert_eq!(report.work_starts, dec(7));
    assert_eq!(report.planned_start, Some(dec(14)));
    assert!(report.feasible);

    // Today Wed 16: a cannot end before Fri 18, b before Tue 22.
    let late = run(&plan, dec(16), 1_000, 1);
    assert!(!schedule(&plan, dec(16)).unwrap().feasible);
    assert_eq!(late.probability_on_time, 0.0);
    assert_eq!(late.finish.p50, dec(22));
    // Work should have started on Mon 14: the date is in the past.
    assert_eq!(late.start_by.p95, Some(dec(14)));
}

/// An estimate without spread (o = m = p) is a fixed duration.
#[test]
fn an_estimate_without_spread_is_certain() {
    let plan = plan(vec![
        estimate("a", 3.0, 3.0, 3.0),
        after(task("b", 2), &[0]),
    ]);
    let report = run(&plan, dec(7), 500, 9);
    assert_eq!(report.probability_on_time, 1.0);
    assert!(report.work_days.iter().all(|&w| w == 5.0));
}

/// Regression: an estimate without spread that is not a whole number was
/// run at its value (1.5 days) while the schedule plans it rounded up (2):
/// a chain of three such tasks was late in the schedule and on time in
/// every run.
#[test]
fn an_estimate_without_spread_runs_as_the_schedule_rounds_it() {
    let plan = Plan {
        deadline: dec(4),
        ..plan(vec![
            estimate("a", 1.5, 1.5, 1.5),
            after(estimate("b", 1.5, 1.5, 1.5), &[0]),
            after(estimate("c", 1.5, 1.5, 1.5), &[1]),
        ])
    };
    // Today Mon 30 Nov: 5 working days to the deadline, 6 planned.
    let today = date(2026, 11, 30);
    let s = schedule(&plan, today).unwrap();
    assert_eq!(s.late_by, 1);
    let report = run(&plan, today, 200, 3);
    assert!(!report.feasible);
    assert_eq!(report.probability_on_time, 0.0);
    assert!(report.work_days.iter().all(|&w| w == 6.0));
}

/// Regression: the runs counted a lag in plan working days where the
/// schedule counts it in the successor's calendar. b's owner is off the
/// week of 7 December: after a ends (Fri 4 Dec), five of b's working days
/// of lag end on Fri 18, b runs 21 to 25 December and the plan is 5 days
/// late; the runs put b on 14 to 18 December, on time in every run.
#[test]
fn a_lag_runs_in_the_successors_calendar_as_in_the_schedule() {
    let mut p = plan(vec![task("a", 5), owned(task("b", 5), "p")]);
    p.tasks[1].after.push(Link {
        task: 0,
        kind: LinkKind::FinishToStart,
        lag: 5,
    });
    let mut person = Person::new("p");
    person.off.push(retroplan_engine::calendar::DateRange {
        from: dec(7),
        to: dec(11),
    });
    p.people.push(person);
    let today = date(2026, 11, 30);
    let s = schedule(&p, today).unwrap();
    assert_eq!(s.late_by, 5);
    assert_eq!(s.tasks[1].earliest_end, dec(25));
    let report = run(&p, today, 100, 1);
    assert_eq!(report.probability_on_time, 0.0);
    assert_eq!(report.finish.p50, dec(25));
    assert_eq!(report.criticality, [1.0, 1.0]);
}

/// A task whose owner is off on today starts on their first working day:
/// in the runs as in the schedule.
#[test]
fn a_task_starts_on_its_owners_first_working_day_from_today() {
    let mut p = Plan {
        deadline: dec(11),
        ..plan(vec![owned(task("a", 5), "p")])
    };
    let mut person = Person::new("p");
    person.off.push(retroplan_engine::calendar::DateRange {
        from: date(2026, 11, 30),
        to: dec(1),
    });
    p.people.push(person);
    let today = date(2026, 11, 30);
    let s = schedule(&p, today).unwrap();
    // Wed 2 to Tue 8 December.
    assert_eq!(s.tasks[0].earliest_end, dec(8));
    let report = run(&p, today, 100, 1);
    assert_eq!(report.finish.p50, dec(8));
    assert_eq!(report.probability_on_time, 1.0);
}

// ---------------------------------------------------------------------------
// 3. Reproducible
// ---------------------------------------------------------------------------

fn uncertain_plan() -> Plan {
    let mut tasks = vec![
        estimate("a", 2.0, 4.0, 9.0),
        after(estimate("b", 1.0, 2.0, 6.0), &[0]),
        estimate("c", 3.0, 5.0, 7.0),
        after(estimate("d", 1.0, 3.0, 8.0), &[1, 2]),
    ];
    tasks[3].due = Some(When::Date(dec(17)));
    plan(tasks)
}

#[test]
fn a_seed_gives_the_same_report_on_one_and_two_threads() {
    let plan = uncertain_plan();
    // Not a multiple of the chunk size: the last chunk is short.
    let runs = 5_000 + 37;
    let on = |threads: usize, seed: u64| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| run(&plan, dec(1), runs, seed))
    };
    let one = on(1, 42);
    let two = on(2, 42);
    assert_eq!(one, two);
    assert_eq!(one.runs, runs);
    assert_eq!(one.seed, 42);
    // The plan is uncertain enough for the seed to matter.
    assert!(one.probability_on_time > 0.0 && one.probability_on_time < 1.0);
    let other = on(2, 43);
    assert_ne!(one.work_days, other.work_days);
    assert_ne!(one, other);
}

#[test]
fn progress_is_reported_up_to_every_run() {
    use std::sync::atomic::{AtomicU32, Ordering};
    let most = AtomicU32::new(0);
    let calls = AtomicU32::new(0);
    let report = simulate(&uncertain_plan(), dec(1), &options(1_000, 5), &|done| {
        most.fetch_max(done, Ordering::Relaxed);
        calls.fetch_add(1, Ordering::Relaxed);
    })
    .unwrap();
    assert_eq!(most.into_inner(), 1_000);
    assert_eq!(calls.into_inner(), 4, "one call per chunk of 256 runs");
    assert_eq!(report.runs, 1_000);
}

#[test]
fn runs_outside_the_range_are_brought_inside() {
    let report = run(&uncertain_plan(), dec(1), 0, 5);
    assert_eq!(report.runs, 1);
    assert_eq!(report.work_days.len(), 1);
}

// ---------------------------------------------------------------------------
// 4. Criticality
// ---------------------------------------------------------------------------

/// A chain of three tasks of about 5 days and, beside it, a task of about
/// one day: the chain is critical in every run, the short task in none.
#[test]
fn a_long_chain_is_always_critical_and_a_short_parallel_task_never() {
    let plan = plan(vec![
        estimate("a", 4.0, 5.0, 7.0),
        after(estimate("b", 4.0, 5.0, 7.0), &[0]),
        after(estimate("c", 4.0, 5.0, 7.0), &[1]),
        estimate("short", 0.5, 1.0, 2.0),
    ]);
    let report = run(&plan, dec(1), 2_000, 11);
    assert_eq!(report.criticality[..3], [1.0, 1.0, 1.0]);
    assert_eq!(report.criticality[3], 0.0);
}

/// Two chains of overlapping ranges into one final task: each is the
/// longer one in some runs, so both are critical sometimes, never always;
/// the final task always is.
#[test]
fn two_chains_of_overlapping_ranges_share_the_criticality() {
    let plan = plan(vec![
        estimate("a1", 2.0, 4.0, 8.0),
        after(estimate("a2", 2.0, 4.0, 8.0), &[0]),
        estimate("b1", 3.0, 4.0, 6.0),
        after(estimate("b2", 3.0, 4.0, 6.0), &[2]),
        after(task("end", 1), &[1, 3]),
    ]);
    let report = run(&plan, dec(1), 4_000, 13);
    let c = &report.criticality;
    for (t, &share) in c[..4].iter().enumerate() {
        assert!(share > 0.0 && share < 1.0, "task {t}: {share}");
    }
    assert_eq!(c[0], c[1], "a chain is critical as a whole");
    assert_eq!(c[2], c[3]);
    // Continuous draws: one chain or the other, never both.
    assert!((c[0] + c[2] - 1.0).abs() < 1e-12, "{} + {}", c[0], c[2]);
    assert_eq!(c[4], 1.0);
}

/// Fixed dates have no slack: in a plan with one, it is critical in every
/// run and the uncertain work before it only shows on the least margin.
/// a (about 3 days) and b (about 5 days) both before a launch fixed on the
/// deadline; b has less slack in most runs, a in some.
#[test]
fn with_a_fixed_date_the_margin_shows_where_the_runs_differ() {
    let mut launch = task("launch", 1);
    launch.on = Some(When::Date(DEADLINE));
    let plan = plan(vec![
        estimate("a", 2.0, 3.0, 8.0),
        estimate("b", 3.0, 5.0, 6.0),
        after(launch, &[0, 1]),
    ]);
    let report = run(&plan, dec(7), 4_000, 17);
    assert_eq!(report.probability_on_time, 1.0);
    assert_eq!(report.criticality, [0.0, 0.0, 1.0], "only the fixed date");
    let m = &report.margin_criticality;
    assert_eq!(m[2], 0.0, "a fixed date is not a margin");
    assert!(m[1] > 0.5 && m[1] < 1.0, "b: {}", m[1]);
    assert!(m[0] > 0.0 && m[0] < 0.5, "a: {}", m[0]);
    assert!((m[0] + m[1] - 1.0).abs() < 1e-12);
}

// ---------------------------------------------------------------------------
// 5. Levelling and progress
// ---------------------------------------------------------------------------

/// Two parallel tasks of 5 days, one owner: side by side they end after 5
/// working days; levelled, one after the other, after 10.
#[test]
fn levelling_chains_an_owners_tasks() {
    let mut p = plan(vec![owned(task("a", 5), "lea"), owned(task("b", 5), "lea")]);
    p.people = vec![Person::new("lea")];
    p.deadline = date(2027, 1, 29);
    let free = run(&p, dec(7), 200, 1);
    assert!(!free.levelled);
    assert!(free.work_days.iter().all(|&w| w == 5.0));
    p.level = true;
    let levelled = run(&p, dec(7), 200, 1);
    assert!(levelled.levelled);
    assert!(levelled.unchained.is_empty());
    assert!(levelled.work_days.iter().all(|&w| w == 10.0));
    assert_eq!(levelled.finish.p50, dec(18), "Mon 7 + 10 working days");

    // With estimates, about ten days: the sum of two draws.
    let mut uncertain = p.clone();
    for t in &mut uncertain.tasks {
        t.duration = Duration::Estimate {
            optimistic: 4.0,
            likely: 5.0,
            pessimistic: 6.0,
            at: EstimateAt::Mean,
        };
    }
    let report = run(&uncertain, dec(7), 2_000, 1);
    assert!((report.work_days_mean() - 10.0).abs() < 0.05);
    assert!(report.work_days.iter().all(|&w| (8.0..=12.0).contains(&w)));

    // Someone who runs two tasks at once has no chain.
    let mut team = p.clone();
    team.people[0].capacity = retroplan_engine::Capacity::tasks(2).unwrap();
    let report = run(&team, dec(7), 200, 1);
    assert!(report.work_days.iter().all(|&w| w == 5.0));
}

/// Started work keeps its dates: a done task whatever its estimate, a task
/// under way to its forecast end; what is left is drawn from today.
#[test]
fn started_work_keeps_its_dates() {
    let mut done = estimate("done", 1.0, 5.0, 20.0);
    done.status = Status::Done;
    progress(&mut done).started = Some(dec(1));
    progress(&mut done).finished = Some(dec(4));
    let mut doing = estimate("doing", 1.0, 5.0, 20.0);
    doing.status = Status::InProgress;
    progress(&mut doing).started = Some(dec(3));
    progress(&mut doing).remaining = Some(3);
    let plan = plan(vec![
        done,
        after(task("next", 2), &[0]),
        after(doing, &[0]),
        after(task("last", 1), &[1, 2]),
    ]);
    // Today Mon 7: doing ends Wed 9 (3 days left counting today); last
    // follows it on Thu 10: four working days in every run.
    let report = run(&plan, dec(7), 1_000, 3);
    assert!(report.work_days.iter().all(|&w| w == 4.0));
    assert_eq!(report.finish.p95, dec(10));
    assert_eq!(report.criticality[0], 0.0, "done work is never critical");
    assert_eq!(report.criticality[2], 1.0, "work under way can be");
    let s = schedule(&plan, dec(7)).unwrap();
    assert_eq!(s.tasks[2].forecast_end, dec(9));
    assert_eq!(report.probability_on_time, 1.0);
    assert!(
        report.start_by.p50.is_some(),
        "next and last are still to start"
    );

    // Everything started: no start to give.
    let mut all = plan.clone();
    for t in &mut all.tasks[1..] {
        t.status = Status::InProgress;
        progress(t).started = Some(dec(7));
    }
    let report = run(&all, dec(7), 100, 3);
    assert_eq!(report.start_by.p50, None);
}

// ---------------------------------------------------------------------------
// 6. Random plans without uncertainty: exactly the schedule's verdict
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct TaskSpec {
    days: u32,
    links: Vec<LinkSpec>,
    due: Option<i64>,
    on: Option<i64>,
    progress: Option<ProgressSpec>,
}

fn arb_task() -> impl Strategy<Value = TaskSpec> {
    (
        prop_oneof![1 => Just(0u32), 6 => 1u32..=10],
        vec(arb_link(0.5), 0..=3),
        prop::option::weighted(0.05, -60i64..=0),
        prop::option::weighted(0.05, -100i64..=30),
        prop::option::weighted(0.5, arb_progress(6)),
    )
        .prop_map(|(days, links, due, on, progress)| TaskSpec {
            days,
            links,
            due,
            on,
            progress,
        })
}

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).expect("within jiff's range")
}

/// The working day on or before `day` (or after it).
fn snap(plan: &Plan, day: Date, back: bool) -> Date {
    let step = if back { -1 } else { 1 };
    (0..400)
        .map(|i| add_days(day, i * step))
        .find(|&d| plan.calendar.is_working_day(d))
        .expect("a working day within 400 days")
}

/// A plan as `progress.rs` builds its random ones: one calendar for all
/// tasks (no owners, no own workdays), links of every type and lag, due and
/// fixed dates (some on or after the deadline: follow-up work), and
/// progress made consistent with each status.
fn build(
    deadline: Date,
    today: i64,
    workdays: Weekdays,
    country: Option<Country>,
    specs: &[TaskSpec],
) -> (Plan, Date) {
    let today = add_days(deadline, today);
    let mut plan = plan(Vec::new());
    plan.deadline = deadline;
    plan.calendar.workdays = workdays;
    plan.calendar.country = country;
    for (i, spec) in specs.iter().enumerate() {
        let mut task = Task::new(format!("t{i}"), format!("Task {i}"), spec.days);
        if i > 0 {
            task.after.extend(spec.links.iter().map(|l| l.link(i, 4)));
        }
        task.due = spec.due.map(|n| When::Date(add_days(deadline, n)));
        if let Some(n) = spec.on {
            let day = add_days(deadline, n);
            let day = if spec.days > 0 {
                snap(&plan, day, false)
            } else {
                day
            };
            task.on = Some(When::Date(day));
        }
        if let Some(p) = &spec.progress {
            apply(&mut task, p, today, |d| snap(&plan, d, true));
        }
        plan.tasks.push(task);
    }
    (plan, today)
}

fn arb_plan() -> impl Strategy<Value = (Plan, Date)> {
    (
        (0i64..=1460).prop_map(|n| add_days(date(2025, 1, 1), n)),
        -120i64..=20,
        prop_oneof![
            3 => Just(Weekdays::MONDAY_TO_FRIDAY),
            1 => Just(Weekdays::ALL),
            1 => (1u8..128).prop_map(|bits| Weekdays::from_indices((0..7).filter(|i| bits & (1 << i) != 0))),
        ],
        prop_oneof![Just(None), Just(Some(Country::Fr))],
        vec(arb_task(), 1..=40),
    )
        .prop_map(|(deadline, today, workdays, country, specs)| {
            build(deadline, today, workdays, country, &specs)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Without estimates every run is the schedule: the probability is
    /// exactly 0 or 1, the schedule's verdict, and every run finishes on
    /// the same day.
    #[test]
    fn without_uncertainty_the_probability_is_the_schedules_verdict((plan, today) in arb_plan()) {
        let s = schedule(&plan, today);
        prop_assume!(s.is_ok());
        let s = s.unwrap();
        let report = simulate(&plan, today, &options(3, 1), &|_| {}).unwrap();
        prop_assert!(report.probability_on_time == 0.0 || report.probability_on_time == 1.0);
        // The runs bind nothing the schedule does not: late in the runs is late.
        if report.probability_on_time == 0.0 {
            prop_assert!(!s.feasible);
        }
        // The schedule also bounds follow-up work by the plan's planned
        // finish; the runs do not (docs/monte-carlo.md). Where no follow-up
        // task is behind that bound, the verdicts are the same.
        let follow_up_behind = s
            .tasks
            .iter()
            .any(|t| t.direction == Direction::FollowUp && t.slack < 0 && !t.status.is_closed());
        if !follow_up_behind {
            prop_assert_eq!(report.probability_on_time, if s.feasible { 1.0 } else { 0.0 });
        }
        prop_assert!(report.work_days.iter().all(|&w| w == report.work_days[0]));
        prop_assert_eq!(report.histogram.len(), 1);
        // Critical: exactly the tasks the schedule calls critical, when
        // every task is planned back from the deadline (a follow-up task
        // with nothing binding after it has no latest date in the runs,
        // where the schedule bounds it by the plan's own finish).
        prop_assert!(report.criticality.iter().all(|&c| c == 0.0 || c == 1.0));
        prop_assert!(report.margin_criticality.iter().all(|&c| c == 0.0 || c == 1.0));
        if s.tasks.iter().all(|t| t.direction == Direction::Backward) {
            let critical: Vec<bool> = report.criticality.iter().map(|&c| c == 1.0).collect();
            let schedule_critical: Vec<bool> = s.tasks.iter().map(|t| t.critical).collect();
            prop_assert_eq!(critical, schedule_critical);
            // On the least margin: the open tasks, not fixed, whose slack is
            // the schedule's `margin`.
            let on_margin: Vec<bool> = report.margin_criticality.iter().map(|&c| c == 1.0).collect();
            let schedule_margin: Vec<bool> = plan
                .tasks
                .iter()
                .zip(&s.tasks)
                .map(|(t, ts)| !t.status.is_closed() && !ts.fixed && Some(ts.slack) == s.margin)
                .collect();
            prop_assert_eq!(on_margin, schedule_margin);
        }
    }
}

/// Links of every type are kept on the continuous axis: an SS link with a
/// lag and an FF link, by hand. a (4 days) Mon 7 - Thu 10; b SS+2 starts
/// Wed 9, 3 days to Fri 11; c FF+1 with a: 2 days ending a day after a
/// ends, Thu 10 - Fri 11.
#[test]
fn every_link_type_on_the_axis() {
    let mut b = task("b", 3);
    b.after.push(Link {
        task: 0,
        kind: LinkKind::StartToStart,
        lag: 2,
    });
    let mut c = task("c", 2);
    c.after.push(Link {
        task: 0,
        kind: LinkKind::FinishToFinish,
        lag: 1,
    });
    let plan = plan(vec![task("a", 4), b, c]);
    let report = run(&plan, dec(7), 10, 1);
    assert!(report.work_days.iter().all(|&w| w == 5.0));
    assert_eq!(report.finish.p50, dec(11));
}

/// A task under way with no day remaining ended before today, even when it
/// started today (its dates then read today - today): what follows starts
/// today. a under way since Mon 7, nothing left; b (2 days) Mon 7 - Tue 8.
#[test]
fn work_under_way_with_nothing_remaining_ends_before_today() {
    let mut a = task("a", 1);
    a.status = Status::InProgress;
    progress(&mut a).started = Some(dec(7));
    progress(&mut a).remaining = Some(0);
    let plan = plan(vec![a, after(task("b", 2), &[0])]);
    let report = run(&plan, dec(7), 10, 1);
    assert!(report.work_days.iter().all(|&w| w == 2.0));
    assert_eq!(report.finish.p50, dec(8));
}

/// The schedule bounds follow-up work by the plan's planned finish, so a
/// follow-up task behind its plan makes the plan late; the runs measure the
/// dates someone committed to (deadline, due and fixed dates), so it does
/// not. The launch is fixed on the deadline, Fri 18; the report after it is
/// planned Mon 21 - Tue 22 and slips by a day.
#[test]
fn follow_up_work_behind_its_plan_is_not_late_in_the_runs() {
    let mut launch = task("launch", 0);
    launch.on = Some(When::Date(DEADLINE));
    let mut report_task = after(task("report", 2), &[1]);
    progress(&mut report_task).slip = 1;
    let plan = plan(vec![task("prep", 2), launch, report_task]);
    let s = schedule(&plan, dec(7)).unwrap();
    assert_eq!(s.tasks[2].direction, Direction::FollowUp);
    assert!(!s.feasible, "the schedule: late by the slip");
    let report = run(&plan, dec(7), 10, 1);
    assert_eq!(report.probability_on_time, 1.0);
    // With a due date the slip does count.
    let mut due = plan.clone();
    due.tasks[2].due = Some(When::Date(dec(22)));
    assert_eq!(run(&due, dec(7), 10, 1).probability_on_time, 0.0);
}

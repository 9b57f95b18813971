//! Large plans are scheduled with work side by side on every thread: the
//! plan's tasks walked in pieces, backward and forward passes at once, the
//! overloads beside the schedule's lines. People and calendars are numbered
//! in order of first appearance, errors listed in plan order, and links
//! cross the pieces' bounds: none of it may depend on how many threads
//! there are. Each plan here is over the size from which work is shared,
//! and puts in later pieces what the first one has not met.

use jiff::civil::{Date, date};
use retroplan_engine::calendar::{DateRange, Weekdays};
use retroplan_engine::relative::{RelativeDate, Unit};
use retroplan_engine::{
    Capacity, Link, LinkKind, Person, Plan, Status, Task, When, schedule, schedule_with_load,
};

const TASKS: usize = 24_000;
const DEADLINE: Date = date(2040, 6, 29);
const TODAY: Date = date(2026, 11, 2);

/// The same draws on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
}

/// A plan whose owners, calendars, buffers and links change from one part
/// of the plan to the next; `backward`: every link points at an earlier
/// task (else some point forward); `one_calendar`: every task works on the
/// plan's calendar (its links are then plain differences of starts).
fn plan(seed: u64, backward: bool, one_calendar: bool) -> Plan {
    let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut plan = Plan::new("pieces", DEADLINE);
    let mut part_time = Person::new("listed-part-time");
    part_time.workdays = Some(Weekdays::from_indices([0, 1, 2]));
    let mut away = Person::new("listed-away");
    away.off.push(DateRange {
        from: date(2039, 3, 2),
        to: date(2039, 3, 20),
    });
    let mut double = Person::new("listed-double");
    double.capacity = Capacity::from_percent(200).expect("a capacity");
    plan.people = vec![part_time, away, double];
    plan.tasks = (0..TASKS)
        .map(|t| {
            let mut task = Task::new(format!("t{t}"), "T", r.below(4) as u32);
            // New owners keep appearing: each stretch of the plan has its own.
            task.owner = match r.below(6) {
                0 => None,
                1 if one_calendar => Some("listed-double".into()),
                1 => Some(["listed-part-time", "listed-away", "listed-double"][t % 3].into()),
                _ => Some(format!("o{}-{}", t / 2_500, r.below(4))),
            };
            // Tasks on calendars of their own only late in the plan.
            if !one_calendar && t > TASKS / 2 && r.below(50) == 0 {
                task.workdays = Some(Weekdays::from_indices([1, 3, 5]));
                task.work_on_holidays = r.below(2) == 0;
            }
            if t > TASKS / 3 && r.below(40) == 0 {
                task.margin = 1 + r.below(2) as u32;
            }
            for _ in 0..r.below(4).min(t as u64) {
                // Mostly near, sometimes far back: across the pieces.
                let back = if r.below(10) == 0 {
                    1 + r.below(t as u64) as usize
                } else {
                    1 + r.below(40.min(t as u64)) as usize
                };
                task.after.push(Link {
                    task: t - back,
                    kind: [
                        LinkKind::FinishToStart,
                        LinkKind::StartToStart,
                        LinkKind::FinishToFinish,
                        LinkKind::StartToFinish,
                    ][r.below(4) as usize],
                    lag: r.below(5) as i32 - 1,
                });
            }
            task
        })
        .collect();
    if !backward {
        // A few tasks that nothing waits for wait for a later one: plan
        // order is no longer a topological order.
        let waiting: Vec<usize> = (100..TASKS - 100).step_by(997).collect();
        for task in &mut plan.tasks {
            task.after.retain(|l| !waiting.contains(&l.task));
        }
        for &t in &waiting {
            plan.tasks[t].after = vec![Link {
                task: t + 57,
                kind: LinkKind::FinishToStart,
                lag: 0,
            }];
        }
    }
    plan
}

/// `f` under a pool of `threads` threads.
fn on<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

#[test]
fn a_large_plan_schedules_the_same_on_any_number_of_threads() {
    for (seed, backward, one_calendar) in [(1, true, false), (2, false, false), (5, true, true)] {
        let plan = plan(seed, backward, one_calendar);
        let one = on(1, || schedule_with_load(&plan, TODAY, true));
        let (first, _) = one.as_ref().expect("the plan schedules");
        assert!(first.overloads.len() > 100, "{}", first.overloads.len());
        let one = format!("{one:?}");
        for threads in [2, 3, 5] {
            let many = on(threads, || schedule_with_load(&plan, TODAY, true));
            assert!(
                format!("{many:?}") == one,
                "seed {seed}: {threads} threads differ from one"
            );
        }
    }
}

#[test]
fn a_large_plan_with_progress_schedules_the_same_on_any_number_of_threads() {
    let mut plan = plan(3, true, true);
    for t in (0..TASKS).step_by(301) {
        plan.tasks[t].status = Status::InProgress;
    }
    let one = format!("{:?}", on(1, || schedule(&plan, TODAY)));
    assert!(one.starts_with("Ok"), "{}", &one[..200.min(one.len())]);
    for threads in [2, 3] {
        assert!(format!("{:?}", on(threads, || schedule(&plan, TODAY))) == one);
    }
}

#[test]
fn a_large_plan_lists_its_errors_in_plan_order_on_any_number_of_threads() {
    let mut plan = plan(4, true, false);
    // Errors in every part of the plan: a link to no task, a task whose
    // week shares no day with its owner's, a fixed date out of range.
    for t in (500..TASKS).step_by(4_001) {
        plan.tasks[t].after.push(Link {
            task: TASKS + t,
            kind: LinkKind::FinishToStart,
            lag: 0,
        });
        plan.tasks[t + 1].owner = Some("listed-part-time".into());
        plan.tasks[t + 1].workdays = Some(Weekdays::from_indices([4]));
        plan.tasks[t + 2].on = Some(When::Relative(RelativeDate {
            unit: Unit::Month,
            amount: i32::MAX / 2,
        }));
    }
    let one = format!("{:?}", on(1, || schedule(&plan, TODAY)));
    assert!(one.starts_with("Err"), "{}", &one[..200.min(one.len())]);
    for threads in [2, 3, 5] {
        assert_eq!(format!("{:?}", on(threads, || schedule(&plan, TODAY))), one);
    }
}

//! Explicit margins (docs/margins.md): a task's own buffer, the buffer
//! before the deadline (`buffer`, `ready_by`) and the critical-path buffer;
//! what progress consumes of them; and, on random plans, that buffers move
//! planned dates only, never slack, feasibility or the critical path.
//!
//! Calendar: country "none", Monday to Friday. December 2026: Mon 7 ...
//! Fri 11, Mon 14 ... Fri 18 (the deadline), Sat 19, Sun 20.

mod random_links;

use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use retroplan_engine::calendar::CalendarRules;
use retroplan_engine::{
    BufferKind, Direction, Link, Plan, ReadyBy, Schedule, Status, Task, Verdict, When, schedule,
};

use random_links::{LinkSpec, arb_link};

const DEADLINE: Date = date(2026, 12, 18);
const TODAY: Date = date(2026, 11, 2);

fn plan(tasks: Vec<Task>) -> Plan {
    Plan {
        calendar: CalendarRules {
            country: None,
            ..CalendarRules::default()
        },
        tasks,
        ..Plan::new("margins", DEADLINE)
    }
}

fn after(mut t: Task, preds: &[usize]) -> Task {
    t.after
        .extend(preds.iter().map(|&p| Link::finish_to_start(p)));
    t
}

fn with_margin(mut t: Task, days: u32) -> Task {
    t.margin = days;
    t
}

/// a (3 days) -> b (2 days): without margins, b is Thu 17 - Fri 18 and a
/// Mon 14 - Wed 16.
fn chain(margin_of_b: u32) -> Plan {
    plan(vec![
        Task::new("a", "a", 3),
        with_margin(after(Task::new("b", "b", 2), &[0]), margin_of_b),
    ])
}

fn dates(s: &Schedule, t: usize) -> (Date, Date) {
    (s.tasks[t].start, s.tasks[t].end)
}

/// Regression: a task's margin planned it to start on the last day of its
/// fixed predecessor (t0 fixed Mon 7 to Thu 10, t5 after it planned Thu 10
/// to Mon 14), and the plan said feasible. A fixed date leaves the buffer
/// less room: t5 starts Fri 11, and its margin is 1 day, not 2.
#[test]
fn a_fixed_predecessor_squeezes_a_margin_and_never_overlaps_its_successor() {
    let mut p = plan(vec![
        Task::new("t0", "t0", 4),
        with_margin(after(Task::new("t5", "t5", 3), &[0]), 2),
    ]);
    p.tasks[0].on = Some(When::Date(date(2026, 12, 7)));
    p.margins.ready = Some(ReadyBy::Days(2));
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(dates(&s, 0), (date(2026, 12, 7), date(2026, 12, 10)));
    assert_eq!(dates(&s, 1), (date(2026, 12, 11), date(2026, 12, 15)));
    assert!(s.feasible);
    let own = s
        .buffers
        .iter()
        .find(|b| b.after == Some(1))
        .expect("what is left of t5's margin");
    assert_eq!(
        (own.days, own.start, own.end),
        (1, date(2026, 12, 16), date(2026, 12, 16))
    );
    let ready = s
        .buffers
        .iter()
        .find(|b| b.kind == BufferKind::Ready)
        .unwrap();
    assert_eq!((ready.days, ready.start), (2, date(2026, 12, 17)));
}

#[test]
fn a_task_margin_keeps_the_task_and_its_predecessors_earlier() {
    let s = schedule(&chain(2), TODAY).unwrap();
    // b ends 2 working days before the deadline: Wed 16; its buffer is Thu 17 - Fri 18.
    assert_eq!(dates(&s, 1), (date(2026, 12, 15), date(2026, 12, 16)));
    assert_eq!(dates(&s, 0), (date(2026, 12, 10), date(2026, 12, 14)));
    assert_eq!(s.buffers.len(), 1);
    let b = &s.buffers[0];
    assert_eq!(
        (b.kind, b.after, b.days, b.start, b.end, b.consumed),
        (
            BufferKind::Task,
            Some(1),
            2,
            date(2026, 12, 17),
            date(2026, 12, 18),
            0
        )
    );
    // The buffer is time to absorb slips, not a constraint: slack and the
    // latest dates are those of the plan without it.
    let bare = schedule(&chain(0), TODAY).unwrap();
    for t in 0..2 {
        assert_eq!(s.tasks[t].slack, bare.tasks[t].slack);
        assert_eq!(s.tasks[t].latest_end, bare.tasks[t].latest_end);
    }
    assert!(bare.buffers.is_empty());
}

#[test]
fn a_buffer_before_the_deadline_in_days_or_as_a_ready_by_date() {
    let mut p = chain(0);
    p.margins.ready = Some(ReadyBy::Days(3));
    let s = schedule(&p, TODAY).unwrap();
    // The last 3 working days (Wed 16 - Fri 18) are the buffer: b ends Tue 15.
    assert_eq!(dates(&s, 1), (date(2026, 12, 14), date(2026, 12, 15)));
    let ready = s.buffers.last().unwrap();
    assert_eq!(
        (ready.kind, ready.after, ready.days, ready.start, ready.end),
        (
            BufferKind::Ready,
            None,
            3,
            date(2026, 12, 16),
            date(2026, 12, 18)
        )
    );
    // "Everything ready on Sunday the 13th" is the close of Friday the 11th:
    // the buffer is the 5 working days from Mon 14 to Fri 18.
    p.margins.ready = Some(ReadyBy::Date(When::Date(date(2026, 12, 13))));
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(s.tasks[1].end, date(2026, 12, 11));
    let ready = s.buffers.last().unwrap();
    assert_eq!(
        (ready.days, ready.start, ready.end),
        (5, date(2026, 12, 14), date(2026, 12, 18))
    );
}

#[test]
fn a_fixed_task_keeps_its_date_inside_the_buffer_before_the_deadline() {
    // Seed 003: everything ready on the 15th, the site goes live on the 17th.
    let mut live = after(Task::new("live", "live", 1), &[1]);
    live.on = Some(When::Date(date(2026, 12, 17)));
    let mut p = plan(vec![
        Task::new("a", "a", 3),
        after(Task::new("b", "b", 2), &[0]),
        live,
    ]);
    p.margins.ready = Some(ReadyBy::Date(When::Date(date(2026, 12, 15))));
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(dates(&s, 2), (date(2026, 12, 17), date(2026, 12, 17)));
    assert_eq!(s.tasks[1].end, date(2026, 12, 15));
    assert!(s.feasible);
}

#[test]
fn the_critical_path_buffer_is_a_share_of_the_chain_before_it() {
    // a (3) -> b (2) -> launch, a milestone fixed on the deadline; c (1)
    // is parallel. 20 % of the 5 days of a and b is 1 day, after b.
    let mut launch = after(Task::new("launch", "launch", 0), &[1, 2]);
    launch.on = Some(When::Date(DEADLINE));
    let mut p = plan(vec![
        Task::new("a", "a", 3),
        after(Task::new("b", "b", 2), &[0]),
        Task::new("c", "c", 1),
        launch,
    ]);
    p.margins.critical = Some(20);
    let s = schedule(&p, TODAY).unwrap();
    let critical: Vec<_> = s
        .buffers
        .iter()
        .filter(|b| matches!(b.kind, BufferKind::Critical { .. }))
        .collect();
    assert_eq!(critical.len(), 1);
    let b = critical[0];
    assert_eq!(
        (b.after, b.days, b.start, b.end),
        (Some(1), 1, date(2026, 12, 18), date(2026, 12, 18))
    );
    assert_eq!(
        b.kind,
        BufferKind::Critical {
            percent: 20,
            chain_days: 5
        }
    );
    // The launch is the close of Friday 18: b ends before its buffer, on
    // Thursday 17; c, off the chain, keeps Friday.
    assert_eq!(s.tasks[1].end, date(2026, 12, 17));
    assert_eq!(s.tasks[2].end, date(2026, 12, 18));
    // 50 % of 5 days is 2.5: rounded up to 3 (Wed 16 - Fri 18).
    p.margins.critical = Some(50);
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(s.buffers[0].days, 3);
    assert_eq!(s.tasks[1].end, date(2026, 12, 15));
}

#[test]
fn a_buffer_is_consumed_by_a_late_start_then_used_up_then_the_plan_is_late() {
    let p = chain(2);
    // Planned: a Thu 10 - Mon 14, b Tue 15 - Wed 16, buffer Thu 17 - Fri 18.
    let on_time = schedule(&p, date(2026, 12, 10)).unwrap();
    assert_eq!(on_time.buffers[0].consumed, 0);
    assert_eq!(on_time.verdict, Verdict::OnTrack);
    // Starting a day late pushes b's forecast one day into the buffer.
    let one = schedule(&p, date(2026, 12, 11)).unwrap();
    assert_eq!(one.buffers[0].consumed, 1);
    assert!(one.feasible);
    assert_eq!(one.verdict, Verdict::AtRisk);
    // Two days late: used up, still on time.
    let two = schedule(&p, date(2026, 12, 14)).unwrap();
    assert_eq!(two.buffers[0].consumed, 2);
    assert!(two.feasible);
    assert_eq!(two.verdict, Verdict::AtRisk);
    // Three: past the buffer, the deadline is missed by one day.
    let three = schedule(&p, date(2026, 12, 15)).unwrap();
    assert_eq!(three.buffers[0].consumed, 2);
    assert!(!three.feasible);
    assert_eq!(three.late_by, 1);
}

#[test]
fn progress_consumes_the_buffer_after_the_task_that_slips() {
    // a finished a day late (Tue 15 instead of Mon 14); b started on Wed 16
    // with 2 days left: it ends Thu 17, one day into its buffer.
    let mut p = chain(2);
    p.tasks[0].status = Status::Done;
    p.tasks[0].progress = Some(Box::new(retroplan_engine::Progress {
        started: Some(date(2026, 12, 10)),
        finished: Some(date(2026, 12, 15)),
        ..Default::default()
    }));
    p.tasks[1].status = Status::InProgress;
    p.tasks[1].progress = Some(Box::new(retroplan_engine::Progress {
        started: Some(date(2026, 12, 16)),
        remaining: Some(2),
        ..Default::default()
    }));
    let s = schedule(&p, date(2026, 12, 16)).unwrap();
    assert_eq!(s.tasks[1].forecast_end, date(2026, 12, 17));
    assert_eq!(s.buffers[0].consumed, 1);
    assert_eq!(s.verdict, Verdict::AtRisk);
    assert!(s.feasible);
}

#[test]
fn a_follow_up_task_margin_makes_what_follows_wait() {
    // anchor fixed on the deadline (a follow-up task), then report after it.
    let mut anchor = Task::new("anchor", "anchor", 1);
    anchor.on = Some(When::Date(DEADLINE));
    anchor.margin = 2;
    let p = plan(vec![anchor, after(Task::new("report", "report", 1), &[0])]);
    let s = schedule(&p, TODAY).unwrap();
    assert_eq!(s.tasks[1].direction, Direction::FollowUp);
    // Fri 18, buffer Mon 21 - Tue 22, report Wed 23.
    assert_eq!(s.tasks[1].start, date(2026, 12, 23));
    assert_eq!(
        (s.buffers[0].start, s.buffers[0].end),
        (date(2026, 12, 21), date(2026, 12, 22))
    );
}

#[test]
fn levelling_keeps_each_buffer() {
    // Two tasks of one owner, both before the deadline, one with a margin:
    // levelling places them one after the other and keeps the buffer free
    // of the owner's other work only as planned time for this task.
    let mut p = plan(vec![
        with_margin(Task::new("a", "a", 2), 1),
        Task::new("b", "b", 2),
    ]);
    for t in &mut p.tasks {
        t.owner = Some("lea".into());
    }
    p.level = true;
    let s = schedule(&p, TODAY).unwrap();
    assert!(s.levelled && s.feasible);
    // a keeps its buffer day before the deadline: it ends Thu 17 at the
    // latest; b takes the days left.
    assert!(s.tasks[0].end <= date(2026, 12, 17));
    let (a, b) = (dates(&s, 0), dates(&s, 1));
    assert!(a.1 < b.0 || b.1 < a.0, "one at a time: {a:?} {b:?}");
}

/// Levelling placed each task before its buffer and took those places as
/// the latest dates: a buffer made a levelled plan late. One person with 5
/// days of work in the 5 working days left, a margin on the first task.
#[test]
fn a_buffer_does_not_make_a_levelled_plan_late() {
    let today = date(2026, 11, 30);
    let make = |margin: u32| {
        let mut p = plan(vec![
            with_margin(Task::new("a", "a", 3), margin),
            Task::new("b", "b", 2),
        ]);
        p.deadline = date(2026, 12, 4);
        for t in &mut p.tasks {
            t.owner = Some("lea".into());
        }
        p.level = true;
        schedule(&p, today).unwrap()
    };
    let (without, with) = (make(0), make(1));
    assert!(without.feasible && with.feasible);
    assert_eq!(with.late_by, 0);
    assert_eq!(with.earliest_deadline, without.earliest_deadline);
    assert_eq!(with.min_slack, without.min_slack);
}

// ---------------------------------------------------------------------------
// Random plans
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Spec {
    days: u32,
    links: Vec<LinkSpec>,
    margin: u32,
    due: Option<i64>,
    on: Option<i64>,
}

fn arb_spec() -> impl Strategy<Value = Spec> {
    (
        0u32..5,
        vec(arb_link(0.7), 0..3),
        prop_oneof![3 => Just(0u32), 1 => 1u32..4],
        prop::option::weighted(0.1, -30i64..0),
        prop::option::weighted(0.08, -40i64..8),
    )
        .prop_map(|(days, links, margin, due, on)| Spec {
            days,
            links,
            margin,
            due,
            on,
        })
}

fn arb_margin_plan() -> impl Strategy<Value = (Plan, Date)> {
    (
        vec(arb_spec(), 1..40),
        prop::option::of(0u32..6),
        prop::option::of(1u32..60),
        -60i64..0,
    )
        .prop_map(|(specs, ready, critical, today)| {
            let tasks = specs
                .iter()
                .enumerate()
                .map(|(i, spec)| {
                    let mut t = Task::new(format!("t{i}"), format!("t{i}"), spec.days);
                    if i > 0 {
                        t.after = spec.links.iter().map(|l| l.link(i, 4)).collect();
                    }
                    t.margin = spec.margin;
                    t.due = spec.due.map(|d| {
                        When::Date(DEADLINE.checked_add(jiff::Span::new().days(d)).unwrap())
                    });
                    t.on = spec.on.map(|d| {
                        When::Date(DEADLINE.checked_add(jiff::Span::new().days(d)).unwrap())
                    });
                    t
                })
                .collect();
            let mut p = plan(tasks);
            p.margins.ready = ready.map(ReadyBy::Days);
            p.margins.critical = critical;
            let today = DEADLINE.checked_add(jiff::Span::new().days(today)).unwrap();
            (p, today)
        })
}

fn is_working(d: Date) -> bool {
    d.weekday().to_monday_zero_offset() < 5
}

/// Working days after `from` up to and including `to`.
fn working_days_between(from: Date, to: Date) -> i64 {
    let mut n = 0;
    let mut d = from;
    while d < to {
        d = d.tomorrow().unwrap();
        if is_working(d) {
            n += 1;
        }
    }
    n
}

/// Working days of the Monday-to-Friday calendar before `d`.
fn idx(d: Date) -> i64 {
    let days = i64::from((d - date(2020, 1, 6)).get_days());
    days.div_euclid(7) * 5 + days.rem_euclid(7).min(5)
}

/// A task's (start, exclusive end) in working days: a milestone is the
/// close of its day.
fn at(s: &Schedule, t: usize) -> (i64, i64) {
    let task = &s.tasks[t];
    if task.days == 0 {
        let k = idx(task.end.tomorrow().unwrap());
        (k, k)
    } else {
        (idx(task.start), idx(task.end) + 1)
    }
}

/// The two sides a link compares: the predecessor's and the successor's.
fn link_ends(l: &Link, p: (i64, i64), s: (i64, i64)) -> (i64, i64) {
    let from = if l.kind.from_finish() { p.1 } else { p.0 };
    let to = if l.kind.to_finish() { s.1 } else { s.0 };
    (from, to)
}

/// Does link `l` hold task `t` exactly where it is planned?
fn binds(s: &Schedule, l: &Link, t: usize) -> bool {
    let (from, to) = link_ends(l, at(s, l.task), at(s, t));
    to == from + i64::from(l.lag)
}

fn check_buffers(plan: &Plan, today: Date) -> Result<(), TestCaseError> {
    let Ok(with) = schedule(plan, today) else {
        // A fixed task on a weekend is refused with or without margins.
        let mut bare = plan.clone();
        bare.margins = Default::default();
        prop_assert!(schedule(&bare, today).is_err());
        return Ok(());
    };
    let mut bare = plan.clone();
    bare.margins = Default::default();
    for t in &mut bare.tasks {
        t.margin = 0;
    }
    let without = schedule(&bare, today).unwrap();
    if plan.level {
        return check_levelled_buffers(plan, &with, &without);
    }
    // Buffers change planned dates only.
    prop_assert_eq!(with.feasible, without.feasible);
    prop_assert_eq!(with.late_by, without.late_by);
    // Among chains equally critical and long, the path shown is the one
    // that finishes later as planned, which buffers may change: it is as
    // long, in days and in tasks.
    let length = |s: &Schedule| {
        let days: u32 = s.critical_path.iter().map(|&t| s.tasks[t].days).sum();
        (days, s.critical_path.len())
    };
    prop_assert_eq!(length(&with), length(&without));
    prop_assert!(with.critical_path.iter().all(|&t| with.tasks[t].critical));
    prop_assert_eq!(with.earliest_deadline, without.earliest_deadline);
    for (t, (a, b)) in with.tasks.iter().zip(&without.tasks).enumerate() {
        prop_assert_eq!(a.slack, b.slack, "slack of t{}", t);
        prop_assert_eq!(a.critical, b.critical, "critical t{}", t);
        prop_assert_eq!(
            (
                a.earliest_start,
                a.earliest_end,
                a.latest_start,
                a.latest_end
            ),
            (
                b.earliest_start,
                b.earliest_end,
                b.latest_start,
                b.latest_end
            ),
            "t{}",
            t
        );
    }
    // In a plan that holds, every task planned back from the deadline that
    // is not fixed ends before its own buffer and the latest its real
    // constraints allow, and by the ready-by day. (A plan that does not hold
    // can have a fixed date that breaks a `due` after it: the planned pass
    // keeps the fixed date, the latest dates keep the `due`.)
    let ready_buffer = with.buffers.iter().find(|b| b.kind == BufferKind::Ready);
    for (t, s) in with.tasks.iter().enumerate() {
        let task = &plan.tasks[t];
        if !with.feasible || s.direction != Direction::Backward || s.fixed || s.days == 0 {
            continue;
        }
        let tail: u32 = with
            .buffers
            .iter()
            .filter(|b| b.after == Some(t))
            .map(|b| b.days)
            .sum();
        // At least its own margin, unless a predecessor's fixed date
        // squeezes it: then a link holds it where it is.
        prop_assert!(
            tail >= task.margin || plan.tasks[t].after.iter().any(|l| binds(&with, l, t)),
            "t{} keeps at least its own margin",
            t
        );
        prop_assert!(
            working_days_between(s.end, s.latest_end) >= i64::from(tail),
            "t{} ends {} with {} days of buffer, latest end {}",
            t,
            s.end,
            tail,
            s.latest_end
        );
        // By the ready-by day, unless a predecessor's fixed date holds it
        // later: then the buffer before the deadline says it is eaten.
        if let Some(ready) = ready_buffer {
            let held = task.after.iter().any(|l| binds(&with, l, t));
            let eaten = s.end >= ready.start
                && working_days_between(ready.start.yesterday().unwrap(), s.end)
                    <= i64::from(ready.consumed);
            prop_assert!(
                s.end < ready.start || (held && eaten),
                "t{} ends {} after the ready-by day",
                t,
                s.end
            );
        }
    }
    // Invariant 1 on the planned dates: buffers never plan a task before
    // its predecessors allow.
    if with.feasible {
        for (t, task) in plan.tasks.iter().enumerate() {
            for l in &task.after {
                let (p, s) = (at(&with, l.task), at(&with, t));
                let (from, to) = link_ends(l, p, s);
                prop_assert!(
                    to >= from + i64::from(l.lag),
                    "t{} breaks its link from t{} ({:?}, lag {})",
                    t,
                    l.task,
                    l.kind,
                    l.lag
                );
            }
        }
    }
    // Each buffer follows its task on the next working days, and what the
    // forecast consumes never exceeds it.
    for b in &with.buffers {
        prop_assert!(b.days > 0 && b.consumed <= b.days);
        prop_assert!(is_working(b.start) && is_working(b.end));
        prop_assert_eq!(working_days_between(b.start, b.end) + 1, i64::from(b.days));
        if let Some(t) = b.after {
            let end = with.tasks[t].end;
            let first_after = working_days_between(end, b.start);
            prop_assert!(
                first_after >= 1,
                "the buffer of t{} starts after its end",
                t
            );
        }
    }
    // Same input, same output.
    prop_assert_eq!(&with, &schedule(plan, today).unwrap());
    Ok(())
}

/// [`arb_margin_plan`] with owners (two people, or none) and levelling on.
fn arb_levelled_margin_plan() -> impl Strategy<Value = (Plan, Date)> {
    (arb_margin_plan(), vec(0usize..3, 40)).prop_map(|((mut plan, today), owners)| {
        for (task, &o) in plan.tasks.iter_mut().zip(&owners) {
            task.owner = ["lea", "max"].get(o).map(|name| name.to_string());
        }
        plan.level = true;
        (plan, today)
    })
}

/// Levelled, buffers still never make a plan later: levelling is a
/// heuristic, so a task can land later with its buffers than without (then
/// its latest start is where it is planned), and slack can only grow. The
/// latest end of a task can be where its owner's other work bounds it, and
/// its buffer then lies over that work, so the buffer need not fit in it.
fn check_levelled_buffers(
    plan: &Plan,
    with: &Schedule,
    without: &Schedule,
) -> Result<(), TestCaseError> {
    prop_assert!(with.feasible || !without.feasible);
    prop_assert!(with.late_by <= without.late_by);
    prop_assert!(with.min_slack >= without.min_slack);
    if with.feasible && without.feasible {
        prop_assert_eq!(with.earliest_deadline, without.earliest_deadline);
    }
    let ready_buffer = with.buffers.iter().find(|b| b.kind == BufferKind::Ready);
    for (t, (a, b)) in with.tasks.iter().zip(&without.tasks).enumerate() {
        prop_assert_eq!(
            (a.earliest_start, a.earliest_end),
            (b.earliest_start, b.earliest_end),
            "t{}",
            t
        );
        prop_assert!(a.slack >= b.slack, "slack of t{}", t);
        if with.feasible && a.direction == Direction::Backward && !a.fixed && a.days > 0 {
            prop_assert!(a.end <= a.latest_end, "t{} ends after its latest end", t);
            if let Some(ready) = ready_buffer {
                prop_assert!(a.end < ready.start, "t{} ends after the ready-by day", t);
            }
        }
    }
    prop_assert_eq!(with, &schedule(plan, with.today).unwrap());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn buffers_move_planned_dates_only((plan, today) in arb_margin_plan()) {
        check_buffers(&plan, today)?;
    }

    /// Levelling placed each task before its buffer and took those places
    /// as the latest dates: a buffer could make a levelled plan late.
    #[test]
    fn buffers_move_planned_dates_only_when_levelled(
        (plan, today) in arb_levelled_margin_plan()
    ) {
        check_buffers(&plan, today)?;
    }
}

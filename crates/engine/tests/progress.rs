//! A plan under way: progress, the forecast, late and at-risk tasks, the
//! verdict and the variance against a baseline (docs/progress.md).
//!
//! The hand-checked cases use calendar country "none" (no public holidays),
//! Monday to Friday. December 2026: Tue 1, Wed 2, Thu 3, Fri 4 (Sat 5, Sun
//! 6), Mon 7 ... Fri 11, Mon 14 ... Fri 18 (the deadline), Mon 21 ... Fri 25
//! (a working day here), Mon 28, Tue 29.
//!
//! The plan of the scenarios: a chain a (3 days) -> b (2) -> c (2) ending on
//! the deadline, and p (2 days), parallel to a and b, also before c:
//!
//! - c: Thu 17 - Fri 18 (ends on the deadline);
//! - b: Tue 15 - Wed 16 (before c);
//! - a: Thu 10, Fri 11, Mon 14 (before b);
//! - p: Tue 15 - Wed 16 (before c).
//!
//! The property test at the end checks random plans with random progress,
//! on one calendar per plan, with the working-day oracle of `oracle/mod.rs`
//! (nothing of the engine's calendars).

mod oracle;
mod random_links;
mod random_progress;

use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use retroplan_engine::calendar::{CalendarRules, Country, Weekdays};
use retroplan_engine::{
    Baseline, BaselineTask, Direction, Link, Person, Plan, PlanError, Progress, Schedule, Status,
    Task, Verdict, When, schedule, schedule_with_load,
};

use oracle::{Cal, Oracle, Pos, add_days, fail, is_working, link_holds, plan_key, pos_of};
use random_links::{LinkSpec, arb_link};
use random_progress::{ProgressSpec, apply, arb_progress};

// ---------------------------------------------------------------------------
// Building plans
// ---------------------------------------------------------------------------

const DEADLINE: Date = date(2026, 12, 18);

const A: usize = 0;
const B: usize = 1;
const C: usize = 2;
const P: usize = 3;

fn plan(tasks: Vec<Task>) -> Plan {
    Plan {
        calendar: CalendarRules {
            country: None,
            ..CalendarRules::default()
        },
        tasks,
        ..Plan::new("progress", DEADLINE)
    }
}

fn task(id: &str, days: u32) -> Task {
    Task::new(id, id, days)
}

fn after(mut t: Task, preds: &[usize]) -> Task {
    t.after
        .extend(preds.iter().map(|&p| Link::finish_to_start(p)));
    t
}

fn progress(t: &mut Task) -> &mut Progress {
    t.progress.get_or_insert_with(Default::default)
}

fn status(mut t: Task, s: Status) -> Task {
    t.status = s;
    t
}

fn started(mut t: Task, d: Date) -> Task {
    progress(&mut t).started = Some(d);
    t
}

fn finished(mut t: Task, d: Date) -> Task {
    progress(&mut t).finished = Some(d);
    t
}

fn remaining(mut t: Task, r: u32) -> Task {
    progress(&mut t).remaining = Some(r);
    t
}

fn slip(mut t: Task, days: u32) -> Task {
    progress(&mut t).slip = days;
    t
}

/// The scenarios' plan: a -> b -> c, p -> c; `edit` changes its tasks.
fn chain_with(edit: impl FnOnce(&mut Vec<Task>)) -> Plan {
    let mut tasks = vec![
        task("a", 3),
        after(task("b", 2), &[A]),
        after(task("c", 2), &[B, P]),
        task("p", 2),
    ];
    edit(&mut tasks);
    plan(tasks)
}

fn chain() -> Plan {
    chain_with(|_| {})
}

fn run(plan: &Plan, today: Date) -> Schedule {
    schedule(plan, today).unwrap()
}

fn dec(day: i8) -> Date {
    date(2026, 12, day)
}

fn planned(s: &Schedule, t: usize) -> (Date, Date) {
    (s.tasks[t].start, s.tasks[t].end)
}

fn forecast(s: &Schedule, t: usize) -> (Date, Date) {
    (s.tasks[t].forecast_start, s.tasks[t].forecast_end)
}

fn earliest(s: &Schedule, t: usize) -> (Date, Date) {
    (s.tasks[t].earliest_start, s.tasks[t].earliest_end)
}

/// (late, at_risk) of every task.
fn flags(s: &Schedule) -> Vec<(bool, bool)> {
    s.tasks.iter().map(|t| (t.late, t.at_risk)).collect()
}

fn critical(s: &Schedule) -> Vec<bool> {
    s.tasks.iter().map(|t| t.critical).collect()
}

/// The planned dates of the scenarios' plan, which progress never moves.
fn assert_planned_unchanged(s: &Schedule) {
    assert_eq!(planned(s, A), (dec(10), dec(14)), "a planned");
    assert_eq!(planned(s, B), (dec(15), dec(16)), "b planned");
    assert_eq!(planned(s, C), (dec(17), dec(18)), "c planned");
    assert_eq!(planned(s, P), (dec(15), dec(16)), "p planned");
}

const NO: (bool, bool) = (false, false);
const LATE: (bool, bool) = (true, false);
const AT_RISK: (bool, bool) = (false, true);

// ---------------------------------------------------------------------------
// 1. Scenarios over the plan's life
// ---------------------------------------------------------------------------

#[test]
fn the_first_day_is_on_track_and_the_forecast_is_the_plan() {
    // Today Thu 10: a's planned start. Nothing recorded yet.
    let plan = chain();
    let s = run(&plan, dec(10));
    assert_planned_unchanged(&s);
    assert!(!s.tracked);
    assert!(s.feasible);
    assert_eq!(s.verdict, Verdict::OnTrack);
    for t in [A, B, C, P] {
        assert_eq!(forecast(&s, t), planned(&s, t), "task {t}");
    }
    // a must start today: slack 0, on the critical chain a, b, c. p may
    // start today and must start Tue 15: 3 working days of slack (Thu 10,
    // Fri 11, Mon 14).
    assert_eq!(s.min_slack, 0);
    assert_eq!(s.tasks[P].slack, 3);
    assert_eq!(s.critical_path, [A, B, C]);
    // a starts today and has not started: at risk (0 < 2 working days),
    // not late (today is not past its start). b and p start Tue 15, 3
    // working days away: not at risk.
    assert_eq!(flags(&s), [AT_RISK, NO, NO, NO]);
    assert_eq!(s.forecast_start, Some(dec(10)));
    assert_eq!(s.forecast_end, Some(dec(18)));

    // a starts today as planned: no longer at risk; still on track.
    let plan = chain_with(|t| t[A] = started(status(t[A].clone(), Status::InProgress), dec(10)));
    let s = run(&plan, dec(10));
    assert!(s.tracked);
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    // In progress without `remaining`: its planned days from its start, Thu 10 - Mon 14.
    assert_eq!(earliest(&s, A), (dec(10), dec(14)));
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
}

#[test]
fn a_task_done_early_leaves_its_successors_on_their_planned_dates() {
    // Today Wed 9: a (planned Thu 10 - Mon 14) was done Mon 7 - Tue 8.
    let plan = chain_with(|t| {
        t[A] = finished(started(status(t[A].clone(), Status::Done), dec(7)), dec(8))
    });
    let s = run(&plan, dec(9));
    assert_planned_unchanged(&s);
    assert_eq!(earliest(&s, A), (dec(7), dec(8)));
    assert_eq!(forecast(&s, A), (dec(7), dec(8)));
    // People start on the planned day, not as soon as they could: b, c and
    // p keep their planned dates in the forecast.
    for t in [B, C, P] {
        assert_eq!(forecast(&s, t), planned(&s, t), "task {t}");
    }
    // The forward pass may start b today (Wed 9): 4 working days before its
    // latest start Tue 15 (Wed 9, Thu 10, Fri 11, Mon 14); c may start Fri
    // 11, 4 before Thu 17; p today, 4 before Tue 15.
    assert_eq!(s.tasks[B].earliest_start, dec(9));
    assert_eq!(s.tasks[C].earliest_start, dec(11));
    assert_eq!(s.min_slack, 4);
    // a is history: not critical, although its slack is also 4.
    assert_eq!(critical(&s), [false, true, true, true]);
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    assert_eq!(s.forecast_start, Some(dec(7)));
    assert_eq!(s.forecast_end, Some(dec(18)));
}

#[test]
fn a_task_done_late_pushes_its_chain_and_the_plan_is_late_by_as_much() {
    // Today Wed 16. a (planned Thu 10 - Mon 14) finished Wed 16: 2 working
    // days late (Tue 15, Wed 16). p is done without dates.
    let plan = chain_with(|t| {
        t[A] = finished(
            started(status(t[A].clone(), Status::Done), dec(10)),
            dec(16),
        );
        t[P] = status(t[P].clone(), Status::Done);
    });
    let s = run(&plan, dec(16));
    assert_planned_unchanged(&s);
    assert_eq!(forecast(&s, A), (dec(10), dec(16)));
    // p's planned end (Wed 16) is today, still to come: done without a
    // date, it ended the working day before today, Tue 15, so Mon 14 - Tue 15.
    assert_eq!(forecast(&s, P), (dec(14), dec(15)));
    assert_eq!(earliest(&s, P), (dec(14), dec(15)));
    // b can only start after a: Thu 17 - Fri 18; c Mon 21 - Tue 22.
    assert_eq!(forecast(&s, B), (dec(17), dec(18)));
    assert_eq!(forecast(&s, C), (dec(21), dec(22)));
    assert_eq!(earliest(&s, B), (dec(17), dec(18)));
    assert_eq!(earliest(&s, C), (dec(21), dec(22)));
    // Late by a's 2 days, with the chain that is left: b and c.
    assert!(!s.feasible);
    assert_eq!(s.late_by, 2);
    assert_eq!(s.min_slack, -2);
    assert_eq!((s.tasks[B].slack, s.tasks[C].slack), (-2, -2));
    assert_eq!(s.verdict, Verdict::Late);
    assert_eq!(s.critical_path, [B, C]);
    assert_eq!(critical(&s), [false, true, true, false]);
    assert_eq!(s.earliest_deadline, dec(22));
    assert_eq!(s.forecast_end, Some(dec(22)));
    // b should have started Tue 15 and has not: late. c starts Thu 17,
    // not past, but its forecast is behind: at risk. Done tasks never are.
    assert_eq!(flags(&s), [NO, LATE, AT_RISK, NO]);
}

#[test]
fn remaining_work_that_overruns_the_critical_chain_makes_the_plan_late_by_the_overrun() {
    // Today Fri 11. a started Thu 10 as planned; its planned end is Mon 14,
    // 2 working days counting today (Fri 11, Mon 14). With `remaining = r`
    // it ends r - 1 working days after today, so the overrun is r - 2.
    for r in 0..=6u32 {
        let plan = chain_with(|t| {
            t[A] = remaining(
                started(status(t[A].clone(), Status::InProgress), dec(10)),
                r,
            )
        });
        let s = run(&plan, dec(11));
        assert_planned_unchanged(&s);
        let overrun = r.saturating_sub(2);
        assert_eq!(s.late_by, overrun, "remaining {r}");
        assert_eq!(s.feasible, overrun == 0, "remaining {r}");
        assert_eq!(s.tasks[A].earliest_start, dec(10), "remaining {r}");
        assert_eq!(s.tasks[A].forecast_start, dec(10), "remaining {r}");
        if overrun == 0 {
            assert_eq!(s.verdict, Verdict::OnTrack, "remaining {r}");
            assert_eq!(flags(&s), [NO, NO, NO, NO], "remaining {r}");
        } else {
            assert_eq!(s.verdict, Verdict::Late, "remaining {r}");
            assert_eq!(s.critical_path, [A, B, C], "remaining {r}");
            // Nothing is past its planned end or start yet: a, b and c are
            // at risk (behind their plan), not late. p keeps its dates and
            // starts 2 working days from today (Fri 11, Mon 14): not "soon".
            assert_eq!(flags(&s), [AT_RISK, AT_RISK, AT_RISK, NO], "remaining {r}");
            assert_eq!(forecast(&s, P), planned(&s, P));
            assert_eq!(s.tasks[P].slack, 2);
        }
    }
    // r = 4: a ends Wed 16 (Fri 11, Mon 14, Tue 15, Wed 16); b Thu 17 - Fri
    // 18; c Mon 21 - Tue 22.
    let plan = chain_with(|t| {
        t[A] = remaining(
            started(status(t[A].clone(), Status::InProgress), dec(10)),
            4,
        )
    });
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(10), dec(16)));
    assert_eq!(earliest(&s, A), (dec(10), dec(16)));
    assert_eq!(forecast(&s, B), (dec(17), dec(18)));
    assert_eq!(forecast(&s, C), (dec(21), dec(22)));
    // a's slack is measured on its end: latest end Mon 14, earliest Wed 16.
    assert_eq!(s.tasks[A].slack, -2);
    assert_eq!(s.forecast_end, Some(dec(22)));
    assert_eq!(s.earliest_deadline, dec(22));
}

#[test]
fn an_overrun_on_a_task_with_slack_is_absorbed_until_its_planned_end() {
    // Today Fri 11; a started Thu 10 as planned. p, planned Tue 15 - Wed 16
    // (2 days), started early on Mon 7 and takes longer: with `remaining = r`
    // it ends r - 1 working days after today.
    let run_p = |r: u32| {
        let plan = chain_with(|t| {
            t[A] = started(status(t[A].clone(), Status::InProgress), dec(10));
            t[P] = remaining(started(status(t[P].clone(), Status::InProgress), dec(7)), r);
        });
        run(&plan, dec(11))
    };
    // r = 3: Fri 11, Mon 14, Tue 15. Six working days instead of two, but
    // it still ends before its planned end: on track, p neither late nor at
    // risk, 1 working day of slack left (Wed 16), not critical.
    let s = run_p(3);
    assert_planned_unchanged(&s);
    assert_eq!(forecast(&s, P), (dec(7), dec(15)));
    assert_eq!(s.tasks[P].slack, 1);
    assert!(!s.tasks[P].critical);
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    assert_eq!(forecast(&s, C), planned(&s, C));
    // r = 4: ends Wed 16, its planned end: no slack left, critical, on track.
    let s = run_p(4);
    assert_eq!(forecast(&s, P), (dec(7), dec(16)));
    assert_eq!(s.tasks[P].slack, 0);
    assert!(s.tasks[P].critical);
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    // r = 5: ends Thu 17, a day past its planned end: c moves to Fri 18 -
    // Mon 21 and the plan is late by 1. (A task planned back from the
    // deadline has no slack past its planned end: its planned dates are its
    // latest ones.)
    let s = run_p(5);
    assert_eq!(forecast(&s, P), (dec(7), dec(17)));
    assert_eq!(forecast(&s, C), (dec(18), dec(21)));
    assert_eq!(s.late_by, 1);
    assert_eq!(s.verdict, Verdict::Late);
    assert_eq!(s.critical_path, [P, C]);
    assert_eq!(flags(&s), [NO, NO, AT_RISK, AT_RISK]);
}

#[test]
fn work_behind_its_plan_that_still_meets_the_deadline_is_at_risk() {
    // Today Wed 16. a is done (no dates: its planned end Mon 14 is past, so
    // Thu 10 - Mon 14), b started Tue 15 as planned, p (planned Tue 15 -
    // Wed 16) only started today with 1 day left: it ends on its planned
    // end, but it started a day behind its plan.
    let plan = chain_with(|t| {
        t[A] = status(t[A].clone(), Status::Done);
        t[B] = started(status(t[B].clone(), Status::InProgress), dec(15));
        t[P] = remaining(started(status(t[P].clone(), Status::Review), dec(16)), 1);
    });
    let s = run(&plan, dec(16));
    assert_planned_unchanged(&s);
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
    assert_eq!(forecast(&s, B), (dec(15), dec(16)));
    assert_eq!(forecast(&s, P), (dec(16), dec(16)));
    assert_eq!(forecast(&s, C), (dec(17), dec(18)));
    assert!(s.feasible);
    assert_eq!(s.min_slack, 0);
    assert_eq!(s.verdict, Verdict::AtRisk);
    // p is behind (its start), not late (today is not past its end). c
    // starts tomorrow and has not started: at risk (1 < 2 working days).
    assert_eq!(flags(&s), [NO, NO, AT_RISK, AT_RISK]);
}

/// The plan of the follow-up case: prep (2 days) before the deadline; launch
/// fixed on Mon 21 (after the deadline: follow-up), then q (2 days) and r
/// (5 days) after launch. Planned: prep Thu 17 - Fri 18, launch Mon 21, q
/// Tue 22 - Wed 23, r Tue 22 - Mon 28 (Tue 22 ... Fri 25, Mon 28). The plan
/// finishes Mon 28, so q may end as late as Mon 28: 3 working days of slack.
fn follow_up_plan(q_remaining: u32) -> Plan {
    let mut launch = task("launch", 1);
    launch.on = Some(When::Date(dec(21)));
    plan(vec![
        status(task("prep", 2), Status::Done),
        status(launch, Status::Done),
        remaining(
            started(
                status(after(task("q", 2), &[1]), Status::InProgress),
                dec(22),
            ),
            q_remaining,
        ),
        started(
            status(after(task("r", 5), &[1]), Status::InProgress),
            dec(22),
        ),
    ])
}

#[test]
fn a_follow_up_task_overrunning_into_its_slack_is_at_risk_not_late() {
    // Today Wed 23. q started Tue 22 as planned; 3 days left (Wed 23, Thu
    // 24, Fri 25): it ends Fri 25 instead of Wed 23, within its slack.
    let s = run(&follow_up_plan(3), dec(23));
    assert_eq!(s.tasks[2].direction, Direction::FollowUp);
    assert_eq!(planned(&s, 2), (dec(22), dec(23)));
    assert_eq!(planned(&s, 3), (dec(22), dec(28)));
    assert_eq!(forecast(&s, 2), (dec(22), dec(25)));
    assert_eq!(forecast(&s, 3), (dec(22), dec(28)));
    // q's latest end is Mon 28, its forecast end Fri 25: 1 day of slack.
    assert_eq!(s.tasks[2].slack, 1);
    assert!(s.feasible);
    assert_eq!(s.verdict, Verdict::AtRisk);
    // q: today (Wed 23) is its planned end, not past it: at risk, not late.
    assert_eq!(flags(&s), [NO, NO, AT_RISK, NO]);
    // The plan's forecast end is that of the work before the deadline.
    assert_eq!(s.forecast_end, Some(dec(18)));
    assert_eq!(s.forecast_start, Some(dec(17)));
    // 4 days left: ends Mon 28 with r, no slack: still feasible. 5: Tue 29, late by 1.
    let s = run(&follow_up_plan(4), dec(23));
    assert_eq!((s.verdict, s.tasks[2].slack), (Verdict::AtRisk, 0));
    let s = run(&follow_up_plan(5), dec(23));
    assert_eq!(forecast(&s, 2), (dec(22), dec(29)));
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 1));
}

#[test]
fn a_task_not_started_past_its_planned_start_is_late() {
    // Today Fri 11; a should have started Thu 10 and has not.
    let s = run(&chain(), dec(11));
    assert_planned_unchanged(&s);
    assert!(s.tasks[A].late);
    assert!(!s.tasks[A].at_risk);
    // It can start today: Fri 11, Mon 14, Tue 15; b Wed 16 - Thu 17; c Fri
    // 18 - Mon 21: late by 1.
    assert_eq!(forecast(&s, A), (dec(11), dec(15)));
    assert_eq!(forecast(&s, B), (dec(16), dec(17)));
    assert_eq!(forecast(&s, C), (dec(18), dec(21)));
    assert_eq!(s.late_by, 1);
    assert_eq!(s.verdict, Verdict::Late);
    assert_eq!(flags(&s), [LATE, AT_RISK, AT_RISK, NO]);
    // The same with a marked in progress (started, no date): it started on
    // its planned start, Thu 10, and is on track.
    let plan = chain_with(|t| t[A] = status(t[A].clone(), Status::InProgress));
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
}

#[test]
fn a_blocked_task_counts_as_started_only_with_a_started_date() {
    // Blocked without `started`: not started. Today Fri 11, past a's start.
    let plan = chain_with(|t| t[A] = status(t[A].clone(), Status::Blocked));
    let s = run(&plan, dec(11));
    assert!(s.tasks[A].late);
    assert_eq!(forecast(&s, A), (dec(11), dec(15)));
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 1));

    // Blocked after starting Thu 10, 2 days left (Fri 11, Mon 14): it keeps
    // its dates and ends on its planned end.
    let blocked = |today: Date, left: Option<u32>| {
        let plan = chain_with(|t| {
            let mut a = started(status(t[A].clone(), Status::Blocked), dec(10));
            if let Some(r) = left {
                a = remaining(a, r);
            }
            t[A] = a;
        });
        run(&plan, today)
    };
    let s = blocked(dec(11), Some(2));
    assert_eq!(earliest(&s, A), (dec(10), dec(14)));
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    // Still blocked on Tue 15 without `remaining`: its planned days from Thu
    // 10 would end Mon 14, but it is not done, so it lasts at least today.
    let s = blocked(dec(15), None);
    assert_eq!(forecast(&s, A), (dec(10), dec(15)));
    assert_eq!(forecast(&s, B), (dec(16), dec(17)));
    assert!(s.tasks[A].late, "today is past its planned end");
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 1));
    // b should have started today and cannot: at risk only, today is its
    // planned start (not past it).
    assert_eq!(flags(&s), [LATE, AT_RISK, AT_RISK, AT_RISK]);
}

#[test]
fn a_cancelled_task_takes_no_time_and_its_links_pass_through() {
    // b cancelled; today Mon 7. c still ends on the deadline, Thu 17 - Fri
    // 18; b takes 0 days just before it; a must end before b, so before c:
    // Mon 14, Tue 15, Wed 16 (2 days later than with b).
    let plan = chain_with(|t| t[B] = status(t[B].clone(), Status::Cancelled));
    let s = run(&plan, dec(7));
    assert_eq!(planned(&s, A), (dec(14), dec(16)));
    assert_eq!(planned(&s, C), (dec(17), dec(18)));
    assert_eq!(planned(&s, P), (dec(15), dec(16)));
    let b = &s.tasks[B];
    assert_eq!((b.days, b.milestone), (0, false));
    assert!(b.start <= b.end && b.end < s.tasks[C].start);
    // Forward: a Mon 7 - Wed 9, b at its close, c from Thu 10: the order a,
    // b, c holds through b.
    assert_eq!(earliest(&s, A), (dec(7), dec(9)));
    assert_eq!(s.tasks[C].earliest_start, dec(10));
    assert_eq!(forecast(&s, C), (dec(17), dec(18)));
    assert!(s.tasks[A].forecast_end < s.tasks[C].forecast_start);
    // a and c have 5 working days of slack (Mon 7 ... Fri 11), p 6: a and
    // c are critical, never the cancelled b.
    assert_eq!(s.min_slack, 5);
    assert_eq!(critical(&s), [true, false, true, false]);
    assert!(!s.critical_path.contains(&B));
    assert_eq!(s.verdict, Verdict::OnTrack);
    assert_eq!(flags(&s), [NO, NO, NO, NO]);
    // Past its planned dates, a cancelled task is never late.
    let s = run(&plan, dec(17));
    assert!(!s.tasks[B].late && !s.tasks[B].at_risk && !s.tasks[B].critical);
}

/// A cancelled task's `due` still bound the work before it: cancelling (or
/// `--remove`) a task with a date left the plan late for work nobody will do.
#[test]
fn a_cancelled_tasks_own_dates_bind_nothing() {
    // b due Wed 9, after a (3 days): a would have to end by Tue 8.
    let mut b = after(task("b", 2), &[A]);
    b.due = Some(When::Date(dec(9)));
    let due_b = plan(vec![task("a", 3), b.clone()]);
    let s = run(&due_b, dec(7));
    assert!(!s.feasible, "the due date binds while b is to do");
    let s = run(
        &plan(vec![task("a", 3), status(b.clone(), Status::Cancelled)]),
        dec(7),
    );
    assert!(s.feasible && s.late_by == 0 && s.verdict == Verdict::OnTrack);
    // a as if b had no date: it ends on the deadline, Wed 16 - Fri 18.
    assert_eq!(planned(&s, A), (dec(16), dec(18)));
    assert!(!s.tasks[1].fixed);
    // Nor does a fixed date: c after b on Mon 21, past the deadline, follows
    // it; after a cancelled b, c is planned back from the deadline.
    let mut b = task("b", 1);
    b.on = Some(When::Date(dec(21)));
    let c = after(task("c", 2), &[1]);
    let s = run(&plan(vec![task("a", 1), b.clone(), c.clone()]), dec(7));
    assert_eq!(s.tasks[2].direction, Direction::FollowUp);
    let s = run(
        &plan(vec![task("a", 1), status(b, Status::Cancelled), c]),
        dec(7),
    );
    assert_eq!(s.tasks[2].direction, Direction::Backward);
    assert_eq!(planned(&s, 2), (dec(17), dec(18)));
}

/// Cancelled tasks did not start the plan but still ended it: a plan of
/// cancelled work had a `finish`, and an earliest deadline before today.
#[test]
fn cancelled_tasks_neither_start_nor_end_the_plan() {
    let cancelled = |t: Task| status(t, Status::Cancelled);
    let s = run(
        &plan(vec![
            cancelled(task("a", 3)),
            cancelled(after(task("b", 2), &[0])),
        ]),
        dec(7),
    );
    assert_eq!((s.start, s.finish), (None, None));
    assert_eq!((s.forecast_start, s.forecast_end), (None, None));
    assert_eq!(s.earliest_deadline, s.work_starts);
    // With work left, the plan's ends are that work's.
    let s = run(
        &plan(vec![task("a", 3), cancelled(after(task("b", 2), &[0]))]),
        dec(7),
    );
    assert_eq!((s.start, s.finish), (Some(dec(16)), Some(dec(18))));
    assert_eq!(s.earliest_deadline, dec(9));
}

#[test]
fn a_cancelled_task_books_nobody() {
    // x and y (2 days, both Ann's) end on the deadline: Thu 17 - Fri 18.
    let mine = |id: &str| {
        let mut t = task(id, 2);
        t.owner = Some("ann".into());
        t
    };
    let mut p = plan(vec![mine("x"), mine("y")]);
    p.people = vec![Person::new("ann")];
    let s = run(&p, dec(7));
    assert_eq!(s.overloads.len(), 2, "Thu 17 and Fri 18 twice booked");
    p.tasks[1].status = Status::Cancelled;
    let (s, load) = schedule_with_load(&p, dec(7), true).unwrap();
    assert!(s.overloads.is_empty(), "{:?}", s.overloads);
    let load = load.unwrap();
    let ann = &load.people[0];
    let booked: u32 = ann.booked.iter().sum();
    assert_eq!(booked, 200, "x's 2 days only: {:?}", ann.booked);
    // Levelled, x keeps the deadline: y no longer pushes it earlier.
    p.level = true;
    let s = run(&p, dec(7));
    assert_eq!(planned(&s, 0), (dec(17), dec(18)));
    assert_eq!(s.tasks[0].moved_by_levelling, 0);
}

#[test]
fn slip_moves_a_task_not_started_from_its_planned_start_and_a_started_one_at_its_end() {
    // Today Mon 7 (3 working days of slack on the chain). A slip of 2 on b
    // (planned Tue 15): Thu 17 - Fri 18, then c Mon 21 - Tue 22. Slip is
    // counted from the plan, not from the earliest dates: late by 2.
    let plan = chain_with(|t| t[B] = slip(t[B].clone(), 2));
    let s = run(&plan, dec(7));
    assert_planned_unchanged(&s);
    assert!(s.tracked);
    assert_eq!(forecast(&s, B), (dec(17), dec(18)));
    assert_eq!(forecast(&s, C), (dec(21), dec(22)));
    assert_eq!(earliest(&s, B), (dec(17), dec(18)));
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 2));
    // A slip on p, which has 6 working days of slack today (it could start
    // Mon 7, must start Tue 15), is not absorbed: slip counts from the
    // planned start, and a task planned back from the deadline starts at its
    // latest. p Wed 16 - Thu 17 pushes c to Fri 18 - Mon 21: late by 1.
    // (docs/progress.md cites "a slip on a task with slack" as at risk: only
    // a follow-up task has slack past its planned dates.)
    let plan = chain_with(|t| t[P] = slip(t[P].clone(), 1));
    let s = run(&plan, dec(7));
    assert_eq!(forecast(&s, P), (dec(16), dec(17)));
    assert_eq!(forecast(&s, C), (dec(18), dec(21)));
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 1));
    assert_eq!(s.critical_path, [P, C]);
    // A slip of 1 on a task under way moves its end: a started Thu 10 ends
    // Tue 15 instead of Mon 14.
    let plan = chain_with(|t| {
        t[A] = slip(
            started(status(t[A].clone(), Status::InProgress), dec(10)),
            1,
        )
    });
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(10), dec(15)));
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 1));
}

#[test]
fn a_task_done_with_a_start_and_no_finish_took_its_planned_days_from_its_start() {
    // a: planned Thu 10 - Mon 14 (3 days), done, started Mon 7, no
    // `finished`; today Fri 11. Its 3 days from Mon 7 end Wed 9, before
    // today: Mon 7 - Wed 9.
    let plan = chain_with(|t| t[A] = started(status(t[A].clone(), Status::Done), dec(7)));
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(7), dec(9)));
    // Started Thu 10, today Fri 11: three days would end Mon 14, after
    // today, so it ended the day before today at the latest: Thu 10.
    let plan = chain_with(|t| t[A] = started(status(t[A].clone(), Status::Done), dec(10)));
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(10), dec(10)));
}

#[test]
fn a_milestone_done_without_finished_date_keeps_its_started_date() {
    // m: a milestone before c, done, started Wed 9; today Fri 11. It was
    // reached on Wed 9 (the engine shows Tue 8 for both dates). The same
    // happens to a milestone in progress started today with `remaining = 0`.
    let plan = chain_with(|t| {
        t.push(started(status(task("m", 0), Status::Done), dec(9)));
        t[C].after.push(Link::finish_to_start(4));
    });
    let s = run(&plan, dec(11));
    assert_eq!(earliest(&s, 4), (dec(9), dec(9)));
    assert_eq!(forecast(&s, 4), (dec(9), dec(9)));
}

#[test]
fn a_fixed_milestone_done_keeps_its_finished_date() {
    // m: a milestone fixed on Sun 13 (allowed: a milestone is the close of
    // its day), done, finished Fri 11; today Mon 14. Shown Sun 13.
    let plan = chain_with(|t| {
        let mut m = finished(status(task("m", 0), Status::Done), dec(11));
        m.on = Some(When::Date(dec(13)));
        t.push(m);
    });
    let s = run(&plan, dec(14));
    assert_eq!(planned(&s, 4), (dec(13), dec(13)));
    assert_eq!(forecast(&s, 4), (dec(11), dec(11)));
    assert_eq!(earliest(&s, 4), (dec(11), dec(11)));
    // Done without dates on Sat 12: it was reached by the close of Fri 11
    // at the latest, never after today (the engine shows Sun 13).
    let plan = chain_with(|t| {
        let mut m = status(task("m", 0), Status::Done);
        m.on = Some(When::Date(dec(13)));
        t.push(m);
    });
    let s = run(&plan, dec(12));
    assert!(s.tasks[4].forecast_end <= dec(12), "{:?}", forecast(&s, 4));
}

#[test]
fn a_task_done_without_dates_ended_on_its_planned_end_or_before_today() {
    // a (planned Thu 10 - Mon 14) done, no dates. Today Tue 15: its planned
    // end is past: Thu 10 - Mon 14.
    let plan = chain_with(|t| t[A] = status(t[A].clone(), Status::Done));
    let s = run(&plan, dec(15));
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
    assert_eq!(s.verdict, Verdict::OnTrack);
    // Today Fri 11: its planned end is to come, so it ended Thu 10, and
    // began its 3 days before: Tue 8 - Thu 10.
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(8), dec(10)));
    assert_eq!(earliest(&s, A), (dec(8), dec(10)));
    // Only `finished` (Fri 11, today): started its 3 days before, Wed 9.
    let plan = chain_with(|t| t[A] = finished(status(t[A].clone(), Status::Done), dec(11)));
    let s = run(&plan, dec(11));
    assert_eq!(forecast(&s, A), (dec(9), dec(11)));
}

#[test]
fn a_task_under_way_without_started_date_started_on_its_planned_start_if_past() {
    // a in progress, no date. Today Mon 7, before its planned start (Thu
    // 10): it starts today, Mon 7 - Wed 9.
    let plan = chain_with(|t| t[A] = status(t[A].clone(), Status::InProgress));
    let s = run(&plan, dec(7));
    assert_eq!(forecast(&s, A), (dec(7), dec(9)));
    assert_eq!(s.verdict, Verdict::OnTrack);
    // On Sat 12 (not a working day) with 1 day left: started Thu 10, ends
    // the next working day, Mon 14.
    let plan = chain_with(|t| t[A] = remaining(status(t[A].clone(), Status::InProgress), 1));
    let s = run(&plan, dec(12));
    assert_eq!(s.work_starts, dec(14));
    assert_eq!(forecast(&s, A), (dec(10), dec(14)));
    assert_eq!(s.verdict, Verdict::OnTrack);
}

// ---------------------------------------------------------------------------
// 2. The at-risk window
// ---------------------------------------------------------------------------

/// One-day tasks due on Fri 4, Mon 7, Tue 8 and Wed 9, and a milestone due
/// Mon 7 (the close of Mon 7); today Fri 4. Working days from today: 0, 1
/// (the weekend does not count), 2, 3, and 1 for the milestone.
fn soon_plan(within: u32) -> Plan {
    let due = |id: &str, days: u32, d: Date| {
        let mut t = task(id, days);
        t.due = Some(When::Date(d));
        t
    };
    let mut p = plan(vec![
        due("fri", 1, dec(4)),
        due("mon", 1, dec(7)),
        due("tue", 1, dec(8)),
        due("wed", 1, dec(9)),
        due("milestone", 0, dec(7)),
    ]);
    p.tracking.at_risk_within = within;
    p
}

#[test]
fn at_risk_within_flags_the_tasks_that_start_soon() {
    let at_risk = |within: u32| -> Vec<bool> {
        let s = run(&soon_plan(within), dec(4));
        assert_eq!(
            (
                s.tasks[0].start,
                s.tasks[1].start,
                s.tasks[2].start,
                s.tasks[3].start
            ),
            (dec(4), dec(7), dec(8), dec(9))
        );
        assert_eq!((s.tasks[4].start, s.tasks[4].end), (dec(7), dec(7)));
        assert!(s.tasks.iter().all(|t| !t.late));
        // Starting soon is an alert on the task, not on the plan.
        assert_eq!(s.verdict, Verdict::OnTrack);
        s.tasks.iter().map(|t| t.at_risk).collect()
    };
    assert_eq!(plan(vec![]).tracking.at_risk_within, 2, "the default");
    assert_eq!(at_risk(0), [false; 5], "0 disables the alert");
    assert_eq!(at_risk(1), [true, false, false, false, false]);
    // 2 (the default): today and the next working day, not the one after.
    assert_eq!(at_risk(2), [true, true, false, false, true]);
    assert_eq!(at_risk(3), [true, true, true, false, true]);
    // A task started today is not at risk.
    let mut p = soon_plan(2);
    p.tasks[0].status = Status::InProgress;
    p.tasks[1] = started(status(p.tasks[1].clone(), Status::InProgress), dec(4));
    let s = run(&p, dec(4));
    assert_eq!((s.tasks[0].at_risk, s.tasks[1].at_risk), (false, false));
    // Today Sat 5: work starts Mon 7. The Friday task is late, Monday's
    // starts "today" (the first working day), Tuesday's next.
    let s = run(&soon_plan(2), dec(5));
    assert_eq!(flags(&s)[..4], [LATE, AT_RISK, AT_RISK, NO]);
}

// ---------------------------------------------------------------------------
// 3. Variance against a baseline
// ---------------------------------------------------------------------------

/// A baseline recorded from a schedule's forecast, as `retroplan baseline` does.
fn baseline_of(plan: &Plan, s: &Schedule, name: &str) -> Baseline {
    Baseline {
        name: name.into(),
        recorded: s.today,
        deadline: plan.deadline,
        start: s.forecast_start,
        end: s.forecast_end,
        verdict: Some(s.verdict.code().to_string()),
        tasks: plan
            .tasks
            .iter()
            .zip(&s.tasks)
            .map(|(t, ts)| BaselineTask {
                id: t.id.clone(),
                start: ts.forecast_start,
                end: ts.forecast_end,
                days: ts.days,
                owner: t.owner.clone(),
                status: t.status,
            })
            .collect(),
    }
}

/// The scenarios' plan with a baseline recorded on Mon 7 and compared with.
fn chain_compared(edit: impl FnOnce(&mut Vec<Task>)) -> Plan {
    let base = chain();
    let recorded = baseline_of(&base, &run(&base, dec(7)), "kickoff");
    let mut plan = chain_with(edit);
    plan.tracking.baselines = vec![recorded];
    plan.tracking.compare_with = Some(0);
    plan
}

fn variances(s: &Schedule) -> Vec<Option<(i32, i32)>> {
    s.tasks
        .iter()
        .map(|t| t.variance.map(|v| (v.start, v.end)))
        .collect()
}

#[test]
fn a_baseline_of_the_schedules_own_forecast_has_no_variance() {
    let plan = chain_compared(|_| {});
    let s = run(&plan, dec(7));
    assert_eq!(variances(&s), [Some((0, 0)); 4]);
    let v = s.variance.clone().unwrap();
    assert_eq!(
        (v.baseline.as_str(), v.start, v.end),
        ("kickoff", Some(0), Some(0))
    );
    // Also with progress recorded on the day of the baseline: a started
    // early (Mon 7) is forecast as it then was.
    let mut plan = chain_with(|t| t[A] = started(status(t[A].clone(), Status::InProgress), dec(7)));
    let s = run(&plan, dec(8));
    plan.tracking.baselines = vec![baseline_of(&plan, &s, "now")];
    plan.tracking.compare_with = Some(0);
    let again = run(&plan, dec(8));
    assert_eq!(variances(&again), [Some((0, 0)); 4]);
    let v = again.variance.unwrap();
    assert_eq!((v.start, v.end), (Some(0), Some(0)));
}

#[test]
fn a_slip_on_the_critical_chain_shows_as_variance_down_the_chain() {
    // b slips 2 working days: Thu 17 - Fri 18 instead of Tue 15 - Wed 16;
    // c Mon 21 - Tue 22 instead of Thu 17 - Fri 18 (2 working days: the
    // weekend does not count).
    let plan = chain_compared(|t| t[B] = slip(t[B].clone(), 2));
    let s = run(&plan, dec(7));
    assert_eq!(
        variances(&s),
        [Some((0, 0)), Some((2, 2)), Some((2, 2)), Some((0, 0))]
    );
    let v = s.variance.unwrap();
    assert_eq!((v.start, v.end), (Some(0), Some(2)));
    assert_eq!(s.forecast_end, Some(dec(22)));
}

#[test]
fn a_task_done_early_has_negative_variance() {
    // a (baseline Thu 10 - Mon 14) done Mon 7 - Tue 8; today Wed 9. Start:
    // Mon 7 is 3 working days before Thu 10; end: Tue 8 is 4 before Mon 14
    // (Wed 9, Thu 10, Fri 11, Mon 14). The plan starts 3 earlier, ends as recorded.
    let plan = chain_compared(|t| {
        t[A] = finished(started(status(t[A].clone(), Status::Done), dec(7)), dec(8))
    });
    let s = run(&plan, dec(9));
    assert_eq!(
        variances(&s),
        [Some((-3, -4)), Some((0, 0)), Some((0, 0)), Some((0, 0))]
    );
    let v = s.variance.unwrap();
    assert_eq!((v.start, v.end), (Some(-3), Some(0)));
}

#[test]
fn tasks_missing_from_the_baseline_have_no_variance() {
    // A new task d (1 day, before c) added after the baseline: c keeps Thu
    // 17 - Fri 18, d is Wed 16.
    let plan = chain_compared(|t| {
        t.push(task("d", 1));
        t[C].after.push(Link::finish_to_start(4));
    });
    let s = run(&plan, dec(7));
    assert_eq!(planned(&s, 4), (dec(16), dec(16)));
    assert_eq!(
        variances(&s),
        [Some((0, 0)), Some((0, 0)), Some((0, 0)), Some((0, 0)), None]
    );
    // Without a baseline compared with, or one that does not exist, no variance at all.
    for compare_with in [None, Some(1)] {
        let mut plan = plan.clone();
        plan.tracking.compare_with = compare_with;
        let s = run(&plan, dec(7));
        assert_eq!(s.variance, None, "{compare_with:?}");
        assert!(s.tasks.iter().all(|t| t.variance.is_none()));
    }
    // The plan's start and end against a baseline without them: None.
    let mut plan = plan;
    plan.tracking.baselines[0].start = None;
    plan.tracking.baselines[0].end = None;
    let v = run(&plan, dec(7)).variance.unwrap();
    assert_eq!((v.start, v.end), (None, None));
}

// ---------------------------------------------------------------------------
// 4. A plan without progress
// ---------------------------------------------------------------------------

#[test]
fn without_progress_the_verdict_is_feasibility_and_the_forecast_the_plan() {
    // Today Mon 7, Thu 10 (a's start) or Sat 5: every task can be on time.
    for today in [dec(5), dec(7), dec(10)] {
        let s = run(&chain(), today);
        assert!(!s.tracked);
        assert!(s.feasible, "{today}");
        assert_eq!(s.verdict, Verdict::OnTrack, "{today}");
        for t in [A, B, C, P] {
            assert_eq!(forecast(&s, t), planned(&s, t), "task {t} on {today}");
        }
        assert_eq!(s.forecast_start, s.start);
        assert_eq!(s.forecast_end, Some(DEADLINE));
        assert!(s.variance.is_none());
    }
    // Today Mon 14: a (planned Thu 10) can only run Mon 14 - Wed 16: late
    // by 2 (b Thu 17 - Fri 18, c Mon 21 - Tue 22).
    let s = run(&chain(), dec(14));
    assert!(!s.tracked);
    assert!(!s.feasible);
    assert_eq!((s.verdict, s.late_by), (Verdict::Late, 2));
    assert_eq!(forecast(&s, A), (dec(14), dec(16)));
    assert_eq!(forecast(&s, C), (dec(21), dec(22)));
    assert_eq!(s.forecast_end, Some(dec(22)));
    assert!(s.tasks[A].late);
    // A fixed date already past makes a plan late too, without any progress.
    let mut p = chain();
    p.tasks[P].on = Some(When::Date(dec(4)));
    let s = run(&p, dec(7));
    assert!(!s.tracked && !s.feasible);
    assert_eq!(s.verdict, Verdict::Late);
}

// ---------------------------------------------------------------------------
// 6. Errors
// ---------------------------------------------------------------------------

#[test]
fn progress_after_today_is_refused() {
    let plan = chain_with(|t| {
        t[A] = started(status(t[A].clone(), Status::InProgress), dec(12));
        t[P] = finished(
            started(status(t[P].clone(), Status::Done), dec(10)),
            dec(14),
        );
    });
    let errors = schedule(&plan, dec(11)).unwrap_err();
    assert_eq!(
        errors.0,
        [
            PlanError::ProgressAfterToday {
                task: A,
                id: "a".into(),
                what: "started",
                date: dec(12),
                today: dec(11),
            },
            PlanError::ProgressAfterToday {
                task: P,
                id: "p".into(),
                what: "finished",
                date: dec(14),
                today: dec(11),
            },
        ]
    );
    // On today itself it is accepted.
    assert!(schedule(&plan, dec(14)).is_ok());
}

// ---------------------------------------------------------------------------
// 5. Random plans with random progress
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct TaskSpec {
    days: u32,
    links: Vec<LinkSpec>,
    /// Days from the deadline.
    due: Option<i64>,
    /// Days from the deadline (on or after it: a follow-up anchor).
    on: Option<i64>,
    progress: ProgressSpec,
}

fn arb_task() -> impl Strategy<Value = TaskSpec> {
    (
        prop_oneof![1 => Just(0u32), 6 => 1u32..=10],
        vec(arb_link(0.5), 0..=3),
        prop::option::weighted(0.05, -60i64..=0),
        prop::option::weighted(0.04, -100i64..=30),
        arb_progress(4),
    )
        .prop_map(|(days, links, due, on, progress)| TaskSpec {
            days,
            links,
            due,
            on,
            progress,
        })
}

#[derive(Clone, Debug)]
struct Head {
    deadline: Date,
    /// Days from the deadline.
    today: i64,
    country: Option<Country>,
    workdays: Weekdays,
    /// Days from the deadline.
    closed_days: Vec<i64>,
    bridges: bool,
    within: u32,
}

prop_compose! {
    fn arb_head()(
        deadline in (0i64..=1460).prop_map(|n| add_days(date(2025, 1, 1), n)),
        today in -120i64..=20,
        country in prop_oneof![Just(None), Just(Some(Country::Fr))],
        workdays in prop_oneof![
            3 => Just(Weekdays::MONDAY_TO_FRIDAY),
            1 => Just(Weekdays::ALL),
            1 => (1u8..128).prop_map(|bits| Weekdays::from_indices((0..7).filter(|i| bits & (1 << i) != 0))),
        ],
        closed_days in vec(-150i64..=40, 0..4),
        bridges in any::<bool>(),
        within in 0u32..=4,
    ) -> Head {
        Head { deadline, today, country, workdays, closed_days, bridges, within }
    }
}

/// A working day of the plan's calendar on or before `day` (searching back), or after it.
fn snap(plan: &Plan, day: Date, back: bool) -> Date {
    let step = if back { -1 } else { 1 };
    (0..400)
        .map(|i| add_days(day, i * step))
        .find(|&d| is_working(plan, plan_key(plan), d))
        .expect("a working day within 400 days")
}

fn build(head: &Head, specs: &[TaskSpec]) -> (Plan, Date) {
    let deadline = head.deadline;
    let today = add_days(deadline, head.today);
    let mut plan = Plan {
        name: "prop".into(),
        deadline,
        today: None,
        lang: None,
        calendar: CalendarRules {
            country: head.country,
            workdays: head.workdays,
            closed_days: head
                .closed_days
                .iter()
                .map(|&n| add_days(deadline, n))
                .collect(),
            closed_ranges: Vec::new(),
            bridges: head.bridges,
        },
        people: vec![],
        tasks: Vec::with_capacity(specs.len()),
        meetings: vec![],
        level: false,
        tracking: Default::default(),
        margins: Default::default(),
    };
    plan.tracking.at_risk_within = head.within;
    for (i, spec) in specs.iter().enumerate() {
        let mut task = Task::new(format!("t{i}"), format!("Task {i}"), spec.days);
        if i > 0 {
            task.after.extend(spec.links.iter().map(|l| l.link(i, 4)));
        }
        task.due = spec.due.map(|n| When::Date(add_days(deadline, n)));
        if let Some(n) = spec.on {
            let day = add_days(deadline, n);
            // A task of one day or more must be fixed on a working day.
            let day = if spec.days > 0 {
                snap(&plan, day, false)
            } else {
                day
            };
            task.on = Some(When::Date(day));
        }
        apply(&mut task, &spec.progress, today, |d| snap(&plan, d, true));
        plan.tasks.push(task);
    }
    (plan, today)
}

fn arb_plan() -> impl Strategy<Value = (Plan, Date)> {
    (arb_head(), vec(arb_task(), 1..=60)).prop_map(|(head, specs)| build(&head, &specs))
}

/// Has work on the task begun, in the sense of docs/progress.md?
fn is_started(task: &Task) -> bool {
    match task.status {
        Status::InProgress | Status::Review | Status::Done => true,
        Status::Blocked => task.progress.as_ref().is_some_and(|p| p.started.is_some()),
        Status::Todo | Status::Cancelled => false,
    }
}

fn is_closed(task: &Task) -> bool {
    matches!(task.status, Status::Done | Status::Cancelled)
}

/// The same plan before any progress: every task todo without dates, a
/// cancelled one as a task of 0 days whose own dates bind nothing.
fn without_progress(plan: &Plan) -> Plan {
    let mut plan = plan.clone();
    for t in &mut plan.tasks {
        if t.status == Status::Cancelled {
            t.duration = retroplan_engine::Duration::Days(0);
            t.on = None;
            t.due = None;
        }
        t.status = Status::Todo;
        t.progress = None;
    }
    plan
}

/// The window the oracle needs: every date the schedule names, with room.
fn window(plan: &Plan, today: Date, s: &Schedule) -> (Date, Date) {
    let mut dates = vec![plan.deadline, today, s.work_starts, s.earliest_deadline];
    for ts in &s.tasks {
        dates.extend([
            ts.start,
            ts.end,
            ts.earliest_start,
            ts.earliest_end,
            ts.latest_start,
            ts.latest_end,
            ts.forecast_start,
            ts.forecast_end,
        ]);
    }
    let lo = dates.iter().min().copied().unwrap();
    let hi = dates.iter().max().copied().unwrap();
    (add_days(lo, -70), add_days(hi, 70))
}

/// Where docs/progress.md puts a started task, in working-day indices of
/// the plan calendar: `(start, exclusive end)`. `planned` is its planned
/// start index, `now` today's.
fn actual_span(cal: &Cal, task: &Task, days: i64, planned: i64, now: i64) -> (i64, i64) {
    let p = task.progress.as_deref().cloned().unwrap_or_default();
    let started = p.started.map(|d| cal.idx(d));
    let under_way =
        task.status.is_started() || (task.status == Status::Blocked && started.is_some());
    if days == 0 && under_way {
        // A milestone reached on a day is the close of that day.
        let reached = p
            .finished
            .or(p.started)
            .map_or(planned.min(now), |d| cal.idx(add_days(d, 1)));
        // A what-if slip moves it unless it is done.
        let reached = if task.status == Status::Done {
            reached
        } else {
            reached + i64::from(p.slip)
        };
        return (reached, reached);
    }
    if task.status == Status::Done {
        // Without `finished`: its days from its start (the planned one when
        // it has no `started`), and no later than the day before today (see
        // the ignored `a_task_done_without_finished_date_...` above).
        let end = match p.finished {
            Some(f) => cal.idx(add_days(f, 1)),
            None => (started.unwrap_or(planned) + days).min(now),
        };
        let start = started.unwrap_or(end - days).min(end);
        return (start, end);
    }
    let start = started.unwrap_or(planned.min(now));
    let end = match p.remaining {
        Some(r) => now + i64::from(r),
        None => (start + days).max(now + 1),
    };
    (start, end.max(start) + i64::from(p.slip))
}

fn check_progress(plan: &Plan, today: Date) -> Result<(), TestCaseError> {
    let s = schedule(plan, today).map_err(|e| fail(format!("refused: {e}")))?;
    prop_assert_eq!(&s, &schedule(plan, today).unwrap(), "two runs differ");

    // Planned dates never depend on progress (a cancelled task: 0 days).
    let before = schedule(&without_progress(plan), today).unwrap();
    for (t, (ts, b)) in s.tasks.iter().zip(&before.tasks).enumerate() {
        prop_assert_eq!(
            (ts.start, ts.end, ts.direction),
            (b.start, b.end, b.direction),
            "t{} planned dates moved with progress",
            t
        );
    }

    prop_assert_eq!(
        s.verdict == Verdict::Late,
        !s.feasible,
        "verdict {:?}",
        s.verdict
    );
    prop_assert_eq!(s.late_by > 0, !s.feasible);
    let tracked = plan
        .tasks
        .iter()
        .any(|t| t.status != Status::Todo || t.progress.is_some());
    prop_assert_eq!(s.tracked, tracked);

    let (lo, hi) = window(plan, today, &s);
    let oracle = Oracle::new(plan, lo, hi);
    let cal = oracle.plan_cal(plan);
    let now = cal.idx(today);
    let within = i64::from(plan.tracking.at_risk_within);
    // Where each task is in the forecast and in the forward pass: started
    // work at its actual span in both, other work at its dates.
    let span_pos = |(a, e): (i64, i64)| Pos {
        s: a,
        e,
        first: cal.date(a),
        after_end: add_days(cal.date(e - 1), 1),
    };
    let (fc_pos, early_pos): (Vec<Pos>, Vec<Pos>) = plan
        .tasks
        .iter()
        .zip(&s.tasks)
        .map(|(task, ts)| {
            if is_started(task) {
                let planned = pos_of(cal, ts.days, ts.start, ts.end);
                let span = actual_span(cal, task, i64::from(ts.days), planned.s, now);
                (span_pos(span), span_pos(span))
            } else {
                (
                    pos_of(cal, ts.days, ts.forecast_start, ts.forecast_end),
                    pos_of(cal, ts.days, ts.earliest_start, ts.earliest_end),
                )
            }
        })
        .unzip();
    let mut behind_any = false;
    for (t, (task, ts)) in plan.tasks.iter().zip(&s.tasks).enumerate() {
        let days = i64::from(ts.days);
        let closed = is_closed(task);
        let started = is_started(task);
        let planned = pos_of(cal, ts.days, ts.start, ts.end);
        let fc = pos_of(cal, ts.days, ts.forecast_start, ts.forecast_end);
        if closed {
            prop_assert!(
                !ts.late && !ts.at_risk && !ts.critical && !s.critical_path.contains(&t),
                "t{} is {:?} but late {}, at risk {}, critical {}",
                t,
                task.status,
                ts.late,
                ts.at_risk,
                ts.critical
            );
        }
        let behind = if started {
            // Started work keeps its dates, the same in the forecast and
            // the forward pass.
            let (a, e) = actual_span(cal, task, days, planned.s, now);
            // Shown from its first to its last day; a milestone at index a
            // is the close of the working day before, its own date (never a
            // fixed date it shares the index with).
            let shown = if days == 0 {
                (cal.date(a - 1), cal.date(a - 1))
            } else {
                (cal.date(a), cal.date((e - 1).max(a)))
            };
            prop_assert_eq!(
                (ts.earliest_start, ts.earliest_end),
                shown,
                "t{} ({:?}, {:?}) earliest dates, today {}",
                t,
                task.status,
                task.progress,
                today
            );
            prop_assert_eq!(
                (ts.forecast_start, ts.forecast_end),
                shown,
                "t{} forecast",
                t
            );
            let p = task.progress.as_deref();
            // A milestone done on its `started` day without `finished`
            // shows the day before (the ignored
            // `a_milestone_done_without_finished_date_keeps_its_started_date`).
            // A milestone is reached at one instant: its `finished` day
            // when it has one, else its `started` day.
            // A what-if slip moves a milestone under way off its dates.
            let slipped_milestone =
                days == 0 && task.status != Status::Done && p.is_some_and(|p| p.slip > 0);
            let reached_later =
                days == 0 && p.is_some_and(|p| p.finished.is_some()) || slipped_milestone;
            if let Some(d) = p.and_then(|p| p.started)
                && !reached_later
            {
                prop_assert_eq!(ts.earliest_start, d, "t{} keeps its started date", t);
                prop_assert_eq!(ts.forecast_start, d, "t{} keeps its started date", t);
            }
            if let Some(d) = p.and_then(|p| p.finished)
                && !slipped_milestone
            {
                prop_assert_eq!(ts.forecast_end, d, "t{} keeps its finished date", t);
            }
            if task.status == Status::Done {
                prop_assert!(ts.forecast_end <= today, "t{} done after today", t);
            }
            a > planned.s || e > planned.e
        } else {
            // Not started: never before its plan, today, or the forward pass.
            prop_assert!(
                ts.forecast_start >= ts.start && ts.forecast_end >= ts.end,
                "t{} forecast {}..{} before its plan {}..{}",
                t,
                ts.forecast_start,
                ts.forecast_end,
                ts.start,
                ts.end
            );
            prop_assert!(fc.s >= now, "t{} forecast before today", t);
            if days > 0 {
                prop_assert!(ts.forecast_start >= s.work_starts);
                prop_assert_eq!(
                    cal.idx(add_days(ts.forecast_end, 1)) - cal.idx(ts.forecast_start),
                    days,
                    "t{} forecast length",
                    t
                );
            }
            prop_assert!(ts.forecast_start >= ts.earliest_start);
            let slip = task.progress.as_ref().map_or(0, |p| i64::from(p.slip));
            if slip > 0 {
                let e = pos_of(cal, ts.days, ts.earliest_start, ts.earliest_end);
                prop_assert!(fc.s >= planned.s + slip, "t{} forecast ignores its slip", t);
                prop_assert!(e.s >= planned.s + slip, "t{} earliest ignores its slip", t);
            }
            fc.s > planned.s
        };
        // Late and at risk (docs/progress.md), in working days of the plan
        // calendar: a task's first and last day (a milestone's: its day).
        let (first, last) = if days == 0 {
            (planned.s - 1, planned.s - 1)
        } else {
            (planned.s, planned.e - 1)
        };
        let late = !closed && (now > last || (!started && now > first));
        let soon = !started && first - now < within;
        let at_risk = !closed && !late && (behind || soon);
        prop_assert_eq!(
            (ts.late, ts.at_risk),
            (late, at_risk),
            "t{} ({:?}, {:?}) late / at risk; planned {}..{}, forecast {}..{}, today {}",
            t,
            task.status,
            task.progress,
            ts.start,
            ts.end,
            ts.forecast_start,
            ts.forecast_end,
            today
        );
        behind_any |= !closed && behind;
        // Every rule holds on the forecast and on the forward pass into a
        // task not started, from any predecessor (a started one at its
        // actual span).
        if !started {
            prop_assert!(early_pos[t].s >= now, "t{} earliest before today", t);
            for l in &task.after {
                let p = l.task;
                for (what, pos) in [("forecast", &fc_pos), ("earliest", &early_pos)] {
                    prop_assert!(
                        link_holds(l.kind, l.lag, pos[p], pos[t], cal),
                        "{} breaks t{} ({:?}) -{:?}{:+}-> t{}: {:?} then {:?}",
                        what,
                        p,
                        plan.tasks[p].status,
                        l.kind,
                        l.lag,
                        t,
                        pos[p],
                        pos[t]
                    );
                }
            }
        }
    }
    let expected = if !s.feasible {
        Verdict::Late
    } else if behind_any {
        Verdict::AtRisk
    } else {
        Verdict::OnTrack
    };
    prop_assert_eq!(s.verdict, expected);
    // A cancelled task is no work: it does not start the plan.
    prop_assert_eq!(
        s.forecast_start,
        s.tasks
            .iter()
            .filter(|t| t.status != Status::Cancelled)
            .map(|t| t.forecast_start)
            .min()
    );
    // Nor does it end the plan.
    let work = || s.tasks.iter().filter(|t| t.status != Status::Cancelled);
    let backward: Vec<Date> = work()
        .filter(|t| t.direction == Direction::Backward)
        .map(|t| t.forecast_end)
        .collect();
    let forecast_end = if backward.is_empty() {
        work().map(|t| t.forecast_end).max()
    } else {
        backward.into_iter().max()
    };
    prop_assert_eq!(s.forecast_end, forecast_end);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Random plans (up to 60 tasks, links of every kind with lags and
    /// leads, some fixed and due dates, one calendar) with random progress
    /// consistent with the plan file's rules.
    #[test]
    fn progress_keeps_the_forecast_and_the_verdict_consistent((plan, today) in arb_plan()) {
        check_progress(&plan, today)?;
    }
}

/// Regression: a what-if slip on a milestone under way was accepted and
/// moved nothing ("Nothing moves"); it moves the milestone and what
/// follows it, as a slip moves the end of any work under way.
#[test]
fn a_slip_moves_a_milestone_under_way_and_what_follows() {
    // Today Mon 30 Nov; deadline Fri 4 Dec. a (3 days) under way since
    // today, m a milestone under way after it, b (2 days) after m.
    let tasks = |slipped: u32| Plan {
        deadline: dec(4),
        ..plan(vec![
            status(
                started(task("a", 3), date(2026, 11, 30)),
                Status::InProgress,
            ),
            slip(
                status(after(task("m", 0), &[0]), Status::InProgress),
                slipped,
            ),
            after(task("b", 2), &[1]),
        ])
    };
    let today = date(2026, 11, 30);
    let (before, after) = (run(&tasks(0), today), run(&tasks(4), today));
    // Reached at the start of today before the slip (the close of Fri 27
    // Nov), four working days later with it: the close of Thu 3 Dec.
    assert_eq!(forecast(&before, 1).1, date(2026, 11, 27));
    assert_eq!(forecast(&after, 1).1, dec(3));
    // b waits for it: as planned before, a day past the deadline after.
    assert_eq!(forecast(&before, 2), (dec(3), dec(4)));
    assert_eq!(forecast(&after, 2), (dec(4), dec(7)));
    assert!(before.feasible);
    assert_eq!(after.late_by, 1);
}

//! Property tests: random plans against the invariants of SCHEDULING.md
//! ("Invariants every schedule must satisfy", "Dependencies", "Directions",
//! "Today, slack, critical path, feasibility").
//!
//! The schedule is checked with an oracle of working days written here from
//! the contract alone: a date is a working day of a calendar when its weekday
//! is in the calendar's workdays and (unless the task works on holidays)
//! `CalendarRules::closed_dates` lists no closure on it (asked about the date
//! and its two neighbours: see `plan_closes`). Working days are
//! materialised as a sorted list of dates over a window around everything the
//! schedule names, and dates become indices by binary search. Nothing here
//! uses the engine's `WorkCalendar` or its work indices.
//!
//! Index conventions (SCHEDULING.md, "Time"), in the calendar of the task:
//! - `idx(D)` = number of working days strictly before date `D`;
//! - a task of `d >= 1` days from `start` to `end` has `s = idx(start)` and
//!   `e = s + d = idx(end + 1)`;
//! - a milestone is the close of its day `D`: `s = e = idx(D + 1)`.
//!
//! A link `P -> S` with lag `L` is checked in the successor's calendar: `x` is
//! the number of S-working days strictly before P's instant (its finish, the
//! day after its last day, for FS and FF; its first day for SS and SF; the day
//! after its date for a milestone either way), then FS/SS need `s_S >= x + L`
//! and FF/SF need `e_S >= x + L`.
//!
//! Shared by the engine's property tests and the templates' tests (through
//! `#[path]`): one oracle, written once from the contract.

#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};

use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use retroplan_engine::calendar::{CalendarRules, Weekdays};
use retroplan_engine::{
    Direction, Link, LinkKind, Plan, PlanError, Schedule, Task, TaskSchedule, When, schedule,
};

// ---------------------------------------------------------------------------
// Dates and the working-day oracle
// ---------------------------------------------------------------------------

pub fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).expect("test dates stay in range")
}

pub fn days_between(from: Date, to: Date) -> i64 {
    i64::from(from.until(to).expect("test dates stay in range").get_days())
}

/// What a task's days count on: the weekdays it works, and whether the plan's
/// closed dates (public holidays, bridges, closed days and ranges) apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CalKey {
    workdays: Weekdays,
    holidays: bool,
}

pub fn cal_key(plan: &Plan, task: &Task) -> CalKey {
    CalKey {
        workdays: task.workdays.unwrap_or(plan.calendar.workdays),
        holidays: !task.work_on_holidays,
    }
}

/// The oracle's definition of a closed day, asked one date at a time. The
/// question covers the day's neighbours because a bridge comes from the
/// holiday next to it, which may be in another year, and
/// `closed_dates(day, day)` only looks at the holidays of `day`'s year (see
/// `closed_dates_do_not_depend_on_the_range_asked` below).
pub fn plan_closes(rules: &CalendarRules, day: Date) -> bool {
    rules
        .closed_dates(add_days(day, -1), add_days(day, 1))
        .iter()
        .any(|&(d, _)| d == day)
}

pub fn is_working(rules: &CalendarRules, key: CalKey, day: Date) -> bool {
    key.workdays.contains(day.weekday()) && !(key.holidays && plan_closes(rules, day))
}

/// The working days of one calendar over a window, in order.
pub struct Cal {
    first: Date,
    last: Date,
    days: Vec<Date>,
}

impl Cal {
    fn check_window(&self, day: Date) {
        assert!(
            self.first <= day && day <= add_days(self.last, 1),
            "oracle window {}..={} too small for {day}",
            self.first,
            self.last
        );
    }

    /// Working days strictly before `day`.
    fn idx(&self, day: Date) -> i64 {
        self.check_window(day);
        self.days.partition_point(|&w| w < day) as i64
    }

    /// The date of working day `k`.
    fn date(&self, k: i64) -> Date {
        usize::try_from(k)
            .ok()
            .and_then(|k| self.days.get(k))
            .copied()
            .unwrap_or_else(|| panic!("oracle window {}..={} too small", self.first, self.last))
    }

    fn is_working(&self, day: Date) -> bool {
        self.check_window(day);
        self.days.binary_search(&day).is_ok()
    }
}

/// Every calendar a plan's tasks use, materialised over `[first, last]`.
pub struct Oracle {
    cals: HashMap<CalKey, Cal>,
}

impl Oracle {
    fn new(plan: &Plan, first: Date, last: Date) -> Oracle {
        let n = days_between(first, last);
        let dates: Vec<Date> = (0..=n).map(|i| add_days(first, i)).collect();
        let closed: Vec<bool> = dates
            .iter()
            .map(|&d| plan_closes(&plan.calendar, d))
            .collect();
        let mut keys = vec![CalKey {
            workdays: plan.calendar.workdays,
            holidays: true,
        }];
        keys.extend(plan.tasks.iter().map(|t| cal_key(plan, t)));
        let mut cals = HashMap::new();
        for key in keys {
            cals.entry(key).or_insert_with(|| Cal {
                first,
                last,
                days: dates
                    .iter()
                    .zip(&closed)
                    .filter(|&(d, &c)| key.workdays.contains(d.weekday()) && !(key.holidays && c))
                    .map(|(&d, _)| d)
                    .collect(),
            });
        }
        Oracle { cals }
    }

    fn cal(&self, plan: &Plan, t: usize) -> &Cal {
        &self.cals[&cal_key(plan, &plan.tasks[t])]
    }

    fn plan_cal(&self, plan: &Plan) -> &Cal {
        &self.cals[&CalKey {
            workdays: plan.calendar.workdays,
            holidays: true,
        }]
    }
}

// ---------------------------------------------------------------------------
// Positions and the rules of SCHEDULING.md in the oracle's indices
// ---------------------------------------------------------------------------

/// A task's place in the index space of its own calendar, and its instants.
#[derive(Clone, Copy, Debug)]
pub struct Pos {
    s: i64,
    e: i64,
    /// The start instant: the first day, or for a milestone the day after its date.
    first: Date,
    /// The finish instant: the day after the last day (or the milestone's date).
    after_end: Date,
}

/// Where the schedule put a task (dates of a milestone: its start and end are its day).
pub fn pos_of(cal: &Cal, days: u32, start: Date, end: Date) -> Pos {
    if days == 0 {
        let k = cal.idx(add_days(end, 1));
        Pos {
            s: k,
            e: k,
            first: add_days(end, 1),
            after_end: add_days(end, 1),
        }
    } else {
        let s = cal.idx(start);
        Pos {
            s,
            e: s + i64::from(days),
            first: start,
            after_end: add_days(end, 1),
        }
    }
}

/// The same task moved `delta` working days (only for tasks that are not fixed:
/// their milestones are the close of a working day).
pub fn moved(cal: &Cal, days: u32, p: Pos, delta: i64) -> Pos {
    let (s, e) = (p.s + delta, p.e + delta);
    let after_end = add_days(cal.date(e - 1), 1);
    Pos {
        s,
        e,
        first: if days == 0 { after_end } else { cal.date(s) },
        after_end,
    }
}

/// The dependency rule of SCHEDULING.md for `pred -> succ`, in the successor's calendar.
pub fn link_holds(kind: LinkKind, lag: i32, pred: Pos, succ: Pos, succ_cal: &Cal) -> bool {
    let (instant, on_finish) = match kind {
        LinkKind::FinishToStart => (pred.after_end, false),
        LinkKind::StartToStart => (pred.first, false),
        LinkKind::FinishToFinish => (pred.after_end, true),
        LinkKind::StartToFinish => (pred.first, true),
    };
    let bound = succ_cal.idx(instant) + i64::from(lag);
    if on_finish {
        succ.e >= bound
    } else {
        succ.s >= bound
    }
}

/// Ends by the close of `limit` (the close of the last working day on or before it).
pub fn ends_by(cal: &Cal, p: Pos, limit: Date) -> bool {
    p.e <= cal.idx(add_days(limit, 1))
}

pub fn when_date(plan: &Plan, w: Option<When>) -> Option<Date> {
    w.map(|w| w.resolve(plan.deadline).expect("test labels resolve"))
}

/// Follow-up tasks, from the contract: fixed on or after the deadline, or
/// depending (directly or not) on such a task. Predecessors come first in the
/// generated plans, so one pass in plan order suffices.
pub fn follow_up_tasks(plan: &Plan) -> Vec<bool> {
    let mut follow = vec![false; plan.tasks.len()];
    for (t, task) in plan.tasks.iter().enumerate() {
        let anchored = when_date(plan, task.on).is_some_and(|d| d >= plan.deadline);
        follow[t] = anchored || task.after.iter().any(|l| follow[l.task]);
    }
    follow
}

pub fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

pub fn describe(t: usize, ts: &TaskSchedule) -> String {
    format!(
        "task t{t} ({} days, {:?}{}): {}..{}",
        ts.days,
        ts.direction,
        if ts.fixed { ", fixed" } else { "" },
        ts.start,
        ts.end
    )
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

/// A fixed task of one day or more must start on a working day of its calendar.
pub fn fixed_on_closed_days(plan: &Plan) -> BTreeSet<usize> {
    plan.tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.days() > 0)
        .filter_map(|(i, t)| Some((i, when_date(plan, t.on)?)))
        .filter(|&(i, d)| !is_working(&plan.calendar, cal_key(plan, &plan.tasks[i]), d))
        .map(|(i, _)| i)
        .collect()
}

/// The window the oracle needs: every date the plan or the schedule names, with room to move.
pub fn window(plan: &Plan, today: Date, s: &Schedule) -> (Date, Date) {
    let mut dates = vec![plan.deadline, today, s.work_starts, s.earliest_deadline];
    for (task, ts) in plan.tasks.iter().zip(&s.tasks) {
        dates.extend([
            ts.start,
            ts.end,
            ts.earliest_start,
            ts.earliest_end,
            ts.latest_start,
            ts.latest_end,
        ]);
        dates.extend(when_date(plan, task.on));
        dates.extend(when_date(plan, task.due));
    }
    let lo = dates.iter().min().copied().unwrap();
    let hi = dates.iter().max().copied().unwrap();
    (add_days(lo, -70), add_days(hi, 70))
}

pub fn check_plan(plan: &Plan, today: Date) -> Result<(), TestCaseError> {
    let result = schedule(plan, today);
    let bad = fixed_on_closed_days(plan);
    if !bad.is_empty() {
        let errors = result
            .err()
            .ok_or_else(|| fail(format!("fixed tasks {bad:?} on closed days but Ok")))?;
        let mut named = BTreeSet::new();
        for e in &errors.0 {
            match e {
                PlanError::FixedOnNonWorkingDay { task, id, date } => {
                    prop_assert_eq!(id, &plan.tasks[*task].id);
                    prop_assert_eq!(Some(*date), when_date(plan, plan.tasks[*task].on));
                    named.insert(*task);
                }
                other => return Err(fail(format!("unexpected error {other:?}"))),
            }
        }
        prop_assert_eq!(named, bad, "the tasks fixed on closed days");
        return Ok(());
    }
    let s = result.map_err(|e| fail(format!("schedule failed: {e} ({e:?})")))?;

    // Invariant 6: same input, same output.
    prop_assert_eq!(&schedule(plan, today).unwrap(), &s, "second run differs");
    prop_assert_eq!(
        &schedule(&plan.clone(), today).unwrap(),
        &s,
        "clone differs"
    );

    let n = plan.tasks.len();
    prop_assert_eq!(s.tasks.len(), n);
    prop_assert_eq!(s.deadline, plan.deadline);
    prop_assert_eq!(s.today, today);

    let (first, last) = window(plan, today, &s);
    let oracle = Oracle::new(plan, first, last);
    let plan_cal = oracle.plan_cal(plan);
    let work_starts = plan_cal.date(plan_cal.idx(today));
    prop_assert_eq!(
        s.work_starts,
        work_starts,
        "first working day on or after today"
    );

    let follow = follow_up_tasks(plan);
    let mut pos = Vec::with_capacity(n);
    for (t, (task, ts)) in plan.tasks.iter().zip(&s.tasks).enumerate() {
        let cal = oracle.cal(plan, t);
        let d = task.days();
        let what = describe(t, ts);
        prop_assert_eq!(ts.days, d, "{}: days", what);
        prop_assert_eq!(ts.milestone, d == 0, "{}: milestone flag", what);
        prop_assert_eq!(ts.fixed, task.on.is_some(), "{}: fixed flag", what);
        let direction = if follow[t] {
            Direction::FollowUp
        } else {
            Direction::Backward
        };
        prop_assert_eq!(ts.direction, direction, "{}: direction", what);
        prop_assert_eq!(
            i64::from(ts.offset),
            days_between(plan.deadline, ts.start),
            "{}: offset is start minus the deadline in calendar days",
            what
        );
        if let Some(on) = when_date(plan, task.on) {
            prop_assert_eq!(ts.start, on, "{}: a fixed task starts on its date", what);
        }
        // Invariant 3: nothing occupies a non-working day of its calendar.
        if d == 0 {
            prop_assert_eq!(ts.start, ts.end, "{}: a milestone is one day", what);
            prop_assert!(
                task.on.is_some() || cal.is_working(ts.end),
                "{}: a milestone not fixed is the close of a working day",
                what
            );
        } else {
            prop_assert!(
                cal.is_working(ts.start) && cal.is_working(ts.end),
                "{}: start and end must be working days",
                what
            );
            let count = cal.idx(add_days(ts.end, 1)) - cal.idx(ts.start);
            prop_assert_eq!(
                count,
                i64::from(d),
                "{}: working days in [start, end]",
                what
            );
            for (a, b) in [
                (ts.earliest_start, ts.earliest_end),
                (ts.latest_start, ts.latest_end),
            ] {
                prop_assert!(
                    cal.is_working(a) && cal.idx(add_days(b, 1)) - cal.idx(a) == i64::from(d),
                    "{}: earliest/latest dates {}..{} are not {} working days",
                    what,
                    a,
                    b,
                    d
                );
            }
        }
        pos.push(pos_of(cal, d, ts.start, ts.end));
    }

    // Invariant 2: backward tasks end by the deadline bound and their `due`.
    // Not fixed ones always; fixed ones may break it, which makes the plan infeasible.
    for (t, (task, ts)) in plan.tasks.iter().zip(&s.tasks).enumerate() {
        if ts.direction != Direction::Backward || (ts.fixed && !s.feasible) {
            continue;
        }
        let cal = oracle.cal(plan, t);
        prop_assert!(
            ts.end <= plan.deadline && ends_by(cal, pos[t], plan.deadline),
            "{}: ends after the deadline bound {}",
            describe(t, ts),
            plan.deadline
        );
        if let Some(due) = when_date(plan, task.due) {
            prop_assert!(
                ends_by(cal, pos[t], due),
                "{}: ends after its due date {}",
                describe(t, ts),
                due
            );
        }
    }

    // Slack, feasibility, the critical path.
    let min_slack = s.tasks.iter().map(|t| t.slack).min();
    prop_assert_eq!(s.min_slack, min_slack.unwrap_or(0));
    prop_assert_eq!(s.feasible, s.min_slack >= 0, "feasible == (min slack >= 0)");
    prop_assert_eq!(i64::from(s.late_by), i64::from(-s.min_slack).max(0));
    prop_assert_eq!(
        s.margin,
        s.tasks
            .iter()
            .filter(|t| t.direction == Direction::Backward && !t.fixed)
            .map(|t| t.slack)
            .min(),
        "margin: least slack of backward tasks not fixed"
    );
    for (t, (task, ts)) in plan.tasks.iter().zip(&s.tasks).enumerate() {
        let cal = oracle.cal(plan, t);
        let d = task.days();
        let latest = pos_of(cal, d, ts.latest_start, ts.latest_end).s;
        let earliest = pos_of(cal, d, ts.earliest_start, ts.earliest_end).s;
        prop_assert_eq!(
            i64::from(ts.slack),
            latest - earliest,
            "{}: slack is latest start {} minus earliest start {} in working days",
            describe(t, ts),
            ts.latest_start,
            ts.earliest_start
        );
        prop_assert!(
            !s.feasible || ts.slack >= 0,
            "{}: negative slack",
            describe(t, ts)
        );
        prop_assert_eq!(
            ts.critical,
            ts.slack == s.min_slack,
            "{}: critical means minimum slack",
            describe(t, ts)
        );
    }
    if n > 0 {
        prop_assert!(!s.critical_path.is_empty(), "empty critical path");
    }
    let on_path: BTreeSet<usize> = s.critical_path.iter().copied().collect();
    prop_assert_eq!(
        on_path.len(),
        s.critical_path.len(),
        "a task twice on the path"
    );
    for &t in &s.critical_path {
        prop_assert!(
            s.tasks[t].critical && s.tasks[t].slack == s.min_slack,
            "t{} on the critical path has slack {} (min {})",
            t,
            s.tasks[t].slack,
            s.min_slack
        );
    }
    for w in s.critical_path.windows(2) {
        prop_assert!(
            plan.tasks[w[1]].after.iter().any(|l| l.task == w[0]),
            "critical path {:?}: t{} does not depend on t{}",
            s.critical_path,
            w[1],
            w[0]
        );
    }

    check_dependencies(plan, &oracle, &s, &pos)?;
    check_tightness(plan, &oracle, &s, &pos)?;
    Ok(())
}

/// Invariant 1: every dependency rule holds in a feasible plan. In a late
/// plan only fixed dates (never moved) may break one: a link between two
/// tasks that are not fixed still holds, as every task is placed against its
/// neighbours (backward against successors, follow-up after predecessors).
pub fn check_dependencies(
    plan: &Plan,
    oracle: &Oracle,
    s: &Schedule,
    pos: &[Pos],
) -> Result<(), TestCaseError> {
    for (t, task) in plan.tasks.iter().enumerate() {
        let cal = oracle.cal(plan, t);
        for l in &task.after {
            if !s.feasible && (s.tasks[t].fixed || s.tasks[l.task].fixed) {
                continue;
            }
            prop_assert!(
                link_holds(l.kind, l.lag, pos[l.task], pos[t], cal),
                "link t{} -> t{} ({} lag {}) broken: {} / {}",
                l.task,
                t,
                l.kind.code(),
                l.lag,
                describe(l.task, &s.tasks[l.task]),
                describe(t, &s.tasks[t])
            );
        }
    }
    Ok(())
}

/// Invariant 5: a backward task one working day later, or a follow-up task
/// one working day earlier, would break a rule. In a late plan too, except
/// for a backward task feeding a follow-up task: it must leave room for the
/// fixed dates after it, which a late plan may not meet anyway.
pub fn check_tightness(
    plan: &Plan,
    oracle: &Oracle,
    s: &Schedule,
    pos: &[Pos],
) -> Result<(), TestCaseError> {
    let mut succs: Vec<Vec<(usize, Link)>> = vec![Vec::new(); plan.tasks.len()];
    for (t, task) in plan.tasks.iter().enumerate() {
        for l in &task.after {
            succs[l.task].push((t, *l));
        }
    }
    let follow: Vec<bool> = s
        .tasks
        .iter()
        .map(|t| t.direction == Direction::FollowUp)
        .collect();
    for (t, (task, ts)) in plan.tasks.iter().zip(&s.tasks).enumerate() {
        if ts.fixed {
            continue;
        }
        let cal = oracle.cal(plan, t);
        let d = task.days();
        match ts.direction {
            Direction::Backward => {
                if !s.feasible && succs[t].iter().any(|&(succ, _)| follow[succ]) {
                    continue;
                }
                let later = moved(cal, d, pos[t], 1);
                let due_breaks =
                    when_date(plan, task.due).is_some_and(|due| !ends_by(cal, later, due));
                let breaks = !ends_by(cal, later, plan.deadline)
                    || due_breaks
                    || succs[t].iter().any(|&(succ, l)| {
                        !link_holds(l.kind, l.lag, later, pos[succ], oracle.cal(plan, succ))
                    });
                prop_assert!(
                    breaks,
                    "{}: could end one working day later (start {}) without breaking a rule",
                    describe(t, ts),
                    later.first
                );
            }
            Direction::FollowUp => {
                let earlier = moved(cal, d, pos[t], -1);
                let breaks = task
                    .after
                    .iter()
                    .any(|l| !link_holds(l.kind, l.lag, pos[l.task], earlier, cal));
                prop_assert!(
                    breaks,
                    "{}: could start one working day earlier without breaking a rule",
                    describe(t, ts)
                );
            }
        }
    }
    Ok(())
}

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

use std::collections::{BTreeSet, HashMap};

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use retroplan_engine::calendar::{CalendarRules, Country, DateRange, Weekdays};
use retroplan_engine::relative::{RelativeDate, Unit};
use retroplan_engine::{
    Direction, Link, LinkKind, Plan, PlanError, Schedule, Task, TaskSchedule, When, schedule,
};

// ---------------------------------------------------------------------------
// Dates and the working-day oracle
// ---------------------------------------------------------------------------

fn add_days(d: Date, n: i64) -> Date {
    d.checked_add(n.days()).expect("test dates stay in range")
}

fn days_between(from: Date, to: Date) -> i64 {
    i64::from(from.until(to).expect("test dates stay in range").get_days())
}

/// What a task's days count on: the weekdays it works, and whether the plan's
/// closed dates (public holidays, bridges, closed days and ranges) apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct CalKey {
    workdays: Weekdays,
    holidays: bool,
}

fn cal_key(plan: &Plan, task: &Task) -> CalKey {
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
fn plan_closes(rules: &CalendarRules, day: Date) -> bool {
    rules
        .closed_dates(add_days(day, -1), add_days(day, 1))
        .iter()
        .any(|&(d, _)| d == day)
}

fn is_working(rules: &CalendarRules, key: CalKey, day: Date) -> bool {
    key.workdays.contains(day.weekday()) && !(key.holidays && plan_closes(rules, day))
}

/// The working days of one calendar over a window, in order.
struct Cal {
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
struct Oracle {
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
struct Pos {
    s: i64,
    e: i64,
    /// The start instant: the first day, or for a milestone the day after its date.
    first: Date,
    /// The finish instant: the day after the last day (or the milestone's date).
    after_end: Date,
}

/// Where the schedule put a task (dates of a milestone: its start and end are its day).
fn pos_of(cal: &Cal, days: u32, start: Date, end: Date) -> Pos {
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
fn moved(cal: &Cal, days: u32, p: Pos, delta: i64) -> Pos {
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
fn link_holds(kind: LinkKind, lag: i32, pred: Pos, succ: Pos, succ_cal: &Cal) -> bool {
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
fn ends_by(cal: &Cal, p: Pos, limit: Date) -> bool {
    p.e <= cal.idx(add_days(limit, 1))
}

fn when_date(plan: &Plan, w: Option<When>) -> Option<Date> {
    w.map(|w| w.resolve(plan.deadline).expect("test labels resolve"))
}

/// Follow-up tasks, from the contract: fixed on or after the deadline, or
/// depending (directly or not) on such a task. Predecessors come first in the
/// generated plans, so one pass in plan order suffices.
fn follow_up_tasks(plan: &Plan) -> Vec<bool> {
    let mut follow = vec![false; plan.tasks.len()];
    for (t, task) in plan.tasks.iter().enumerate() {
        let anchored = when_date(plan, task.on).is_some_and(|d| d >= plan.deadline);
        follow[t] = anchored || task.after.iter().any(|l| follow[l.task]);
    }
    follow
}

fn fail(msg: String) -> TestCaseError {
    TestCaseError::fail(msg)
}

fn describe(t: usize, ts: &TaskSchedule) -> String {
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
fn fixed_on_closed_days(plan: &Plan) -> BTreeSet<usize> {
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
fn window(plan: &Plan, today: Date, s: &Schedule) -> (Date, Date) {
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

fn check_plan(plan: &Plan, today: Date) -> Result<(), TestCaseError> {
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
fn check_dependencies(
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
fn check_tightness(
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

// ---------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------

fn arb_kind() -> impl Strategy<Value = LinkKind> {
    prop_oneof![
        3 => Just(LinkKind::FinishToStart),
        1 => Just(LinkKind::StartToStart),
        1 => Just(LinkKind::FinishToFinish),
        1 => Just(LinkKind::StartToFinish),
    ]
}

/// A non-empty set of working weekdays, usually Monday to Friday.
fn arb_workdays() -> impl Strategy<Value = Weekdays> {
    prop_oneof![
        3 => Just(Weekdays::MONDAY_TO_FRIDAY),
        1 => Just(Weekdays::ALL),
        2 => (1u8..128).prop_map(|bits| Weekdays::from_indices((0..7).filter(|i| bits & (1 << i) != 0))),
    ]
}

fn arb_country() -> impl Strategy<Value = Option<Country>> {
    prop_oneof![
        Just(None),
        Just(Some(Country::Fr)),
        prop::sample::select(Country::ALL).prop_map(Some),
    ]
}

fn rel(unit: Unit, amount: i32) -> When {
    When::Relative(RelativeDate { unit, amount })
}

/// A date given as days from the deadline, or as a label; made a `When` once
/// the deadline is known.
#[derive(Clone, Debug)]
enum WhenSpec {
    Days(i64),
    Label(When),
}

impl WhenSpec {
    fn when(&self, deadline: Date) -> When {
        match self {
            WhenSpec::Days(n) => When::Date(add_days(deadline, *n)),
            WhenSpec::Label(w) => *w,
        }
    }
}

/// A `due` date: mostly before the deadline (J-x, S-x, M-x), sometimes after it.
fn arb_due() -> impl Strategy<Value = WhenSpec> {
    prop_oneof![
        (-60i64..=0).prop_map(WhenSpec::Days),
        (-60i32..=0).prop_map(|n| WhenSpec::Label(rel(Unit::Day, n))),
        (-8i32..=0).prop_map(|n| WhenSpec::Label(rel(Unit::Week, n))),
        (-2i32..=0).prop_map(|n| WhenSpec::Label(rel(Unit::Month, n))),
        (1i32..=60).prop_map(|n| WhenSpec::Label(rel(Unit::Day, n))),
    ]
}

/// A fixed date (`on`): before the deadline, or on or after it (a follow-up anchor).
fn arb_on() -> impl Strategy<Value = WhenSpec> {
    prop_oneof![
        (-100i64..=-1).prop_map(WhenSpec::Days),
        (-100i32..=-1).prop_map(|n| WhenSpec::Label(rel(Unit::Day, n))),
        (0i64..=40).prop_map(WhenSpec::Days),
        (0i32..=40).prop_map(|n| WhenSpec::Label(rel(Unit::Day, n))),
        (0i32..=4).prop_map(|n| WhenSpec::Label(rel(Unit::Week, n))),
    ]
}

#[derive(Clone, Debug)]
struct LinkSpec {
    pick: Index,
    /// Pick among the few tasks just before (long chains), else among all earlier ones.
    near: bool,
    kind: LinkKind,
    lag: i32,
}

prop_compose! {
    fn arb_link(near: f64)(
        pick in any::<Index>(),
        near in prop::bool::weighted(near),
        kind in arb_kind(),
        lag in -3i32..=5,
    ) -> LinkSpec {
        LinkSpec { pick, near, kind, lag }
    }
}

#[derive(Clone, Debug)]
struct FixedSpec {
    on: WhenSpec,
    /// Move a fixed task of one day or more to a working day of its calendar
    /// (else the plan must be refused with `FixedOnNonWorkingDay`).
    snap: bool,
}

prop_compose! {
    fn arb_fixed()(on in arb_on(), snap in prop::bool::weighted(0.9)) -> FixedSpec {
        FixedSpec { on, snap }
    }
}

/// The shape of a plan: how many links a task has at most, how often they go
/// to the tasks just before (long chains, often late plans), how often tasks
/// have a `due`, a fixed date, their own workdays.
#[derive(Clone, Copy, Debug)]
struct Density {
    max_links: usize,
    near: f64,
    due: f64,
    fixed: f64,
    own: f64,
}

prop_compose! {
    fn arb_density()(
        max_links in 0usize..=3,
        near in 0.0..0.6,
        due in 0.0..0.1,
        fixed in 0.0..0.06,
        own in 0.0..0.3,
    ) -> Density {
        Density { max_links, near, due, fixed, own }
    }
}

#[derive(Clone, Debug)]
struct TaskSpec {
    days: u32,
    links: Vec<LinkSpec>,
    due: Option<WhenSpec>,
    on: Option<FixedSpec>,
    own: Option<(Weekdays, bool)>,
}

fn arb_days() -> impl Strategy<Value = u32> {
    prop_oneof![1 => Just(0u32), 6 => 1u32..=10]
}

fn arb_task(density: Density) -> impl Strategy<Value = TaskSpec> {
    (
        arb_days(),
        vec(arb_link(density.near), 0..=density.max_links),
        prop::option::weighted(density.due, arb_due()),
        prop::option::weighted(density.fixed, arb_fixed()),
        prop::option::weighted(density.own, (arb_workdays(), any::<bool>())),
    )
        .prop_map(|(days, links, due, on, own)| TaskSpec {
            days,
            links,
            due,
            on,
            own,
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
    /// (first day from the deadline, length - 1).
    closed_ranges: Vec<(i64, i64)>,
    bridges: bool,
    density: Density,
}

prop_compose! {
    fn arb_head()(
        deadline in (0i64..=1460).prop_map(|n| add_days(date(2025, 1, 1), n)),
        today in -200i64..=20,
        country in arb_country(),
        workdays in arb_workdays(),
        closed_days in vec(-230i64..=80, 0..6),
        closed_ranges in vec((-230i64..=80, 0i64..=14), 0..3),
        bridges in any::<bool>(),
        density in arb_density(),
    ) -> Head {
        Head { deadline, today, country, workdays, closed_days, closed_ranges, bridges, density }
    }
}

/// The first working day of a task's calendar on or after `day`.
fn next_working(rules: &CalendarRules, key: CalKey, day: Date) -> Date {
    (0..1000)
        .map(|i| add_days(day, i))
        .find(|&d| is_working(rules, key, d))
        .expect("a working day within 1000 days")
}

fn build(head: &Head, specs: &[TaskSpec]) -> (Plan, Date) {
    let deadline = head.deadline;
    let calendar = CalendarRules {
        country: head.country,
        workdays: head.workdays,
        closed_days: head
            .closed_days
            .iter()
            .map(|&n| add_days(deadline, n))
            .collect(),
        closed_ranges: head
            .closed_ranges
            .iter()
            .map(|&(from, len)| DateRange {
                from: add_days(deadline, from),
                to: add_days(deadline, from + len),
            })
            .collect(),
        bridges: head.bridges,
    };
    let mut plan = Plan {
        name: "prop".into(),
        deadline,
        today: None,
        lang: None,
        calendar,
        people: vec![],
        tasks: Vec::with_capacity(specs.len()),
        meetings: vec![],
    };
    for (i, spec) in specs.iter().enumerate() {
        let mut task = Task::new(format!("t{i}"), format!("Task {i}"), spec.days);
        if i > 0 {
            for l in &spec.links {
                let pred = if l.near {
                    i - 1 - l.pick.index(i.min(6))
                } else {
                    l.pick.index(i)
                };
                task.after.push(Link {
                    task: pred,
                    kind: l.kind,
                    lag: l.lag,
                });
            }
        }
        task.due = spec.due.as_ref().map(|w| w.when(deadline));
        if let Some((workdays, on_holidays)) = spec.own {
            task.workdays = Some(workdays);
            task.work_on_holidays = on_holidays;
        }
        if let Some(fixed) = &spec.on {
            let mut on = fixed.on.when(deadline);
            if fixed.snap && spec.days > 0 {
                let day = on.resolve(deadline).unwrap();
                let snapped = next_working(&plan.calendar, cal_key(&plan, &task), day);
                if snapped != day {
                    on = When::Date(snapped);
                }
            }
            task.on = Some(on);
        }
        plan.tasks.push(task);
    }
    let today = add_days(deadline, head.today);
    (plan, today)
}

fn arb_plan() -> impl Strategy<Value = (Plan, Date)> {
    arb_head()
        .prop_flat_map(|head| {
            let tasks = vec(arb_task(head.density), 1..=200);
            (Just(head), tasks)
        })
        .prop_map(|(head, specs)| build(&head, &specs))
}

/// Small plans whose links may point anywhere, so cycles happen.
fn arb_cyclic_plan() -> impl Strategy<Value = Plan> {
    (1usize..=8)
        .prop_flat_map(|n| {
            vec(
                (
                    0u32..=3,
                    vec((any::<Index>(), arb_kind(), -3i32..=5), 0..=3),
                ),
                n,
            )
        })
        .prop_map(|specs| {
            let n = specs.len();
            let tasks = specs
                .into_iter()
                .enumerate()
                .map(|(i, (days, links))| {
                    let mut t = Task::new(format!("t{i}"), format!("Task {i}"), days);
                    t.after = links
                        .into_iter()
                        .map(|(pick, kind, lag)| Link {
                            task: pick.index(n),
                            kind,
                            lag,
                        })
                        .collect();
                    t
                })
                .collect();
            Plan {
                name: "cycles".into(),
                deadline: date(2026, 12, 18),
                today: None,
                lang: None,
                calendar: CalendarRules::default(),
                people: vec![],
                tasks,
                meetings: vec![],
            }
        })
}

/// Tasks that lie on a cycle of `after` links: those that reach themselves.
fn tasks_on_cycles(plan: &Plan) -> BTreeSet<usize> {
    let n = plan.tasks.len();
    let mut succs = vec![Vec::new(); n];
    for (t, task) in plan.tasks.iter().enumerate() {
        for l in &task.after {
            succs[l.task].push(t);
        }
    }
    (0..n)
        .filter(|&start| {
            let mut seen = vec![false; n];
            let mut stack = succs[start].clone();
            while let Some(t) = stack.pop() {
                if t == start {
                    return true;
                }
                if !std::mem::replace(&mut seen[t], true) {
                    stack.extend(&succs[t]);
                }
            }
            false
        })
        .collect()
}

prop_compose! {
    /// Calendar rules with random closures around the years the plans use.
    fn arb_rules()(
        country in arb_country(),
        workdays in arb_workdays(),
        closed_days in vec(0i64..=4000, 0..6),
        closed_ranges in vec((0i64..=4000, 0i64..=14), 0..3),
        bridges in prop::bool::weighted(0.8),
    ) -> CalendarRules {
        let base = date(2024, 1, 1);
        CalendarRules {
            country,
            workdays,
            closed_days: closed_days.iter().map(|&n| add_days(base, n)).collect(),
            closed_ranges: closed_ranges
                .iter()
                .map(|&(from, len)| DateRange { from: add_days(base, from), to: add_days(base, from + len) })
                .collect(),
            bridges,
        }
    }
}

/// A range of dates, often one day, often close to a new year (where a bridge
/// and its holiday fall in different years).
fn arb_range() -> impl Strategy<Value = (Date, Date)> {
    let around_new_year = (2024i16..=2036, -5i64..=5).prop_map(|(y, n)| add_days(date(y, 1, 1), n));
    let any_day = (0i64..=4700).prop_map(|n| add_days(date(2024, 1, 1), n));
    (
        prop_oneof![around_new_year, any_day],
        prop_oneof![Just(0i64), 0i64..=40],
    )
        .prop_map(|(from, len)| (from, add_days(from, len)))
}

// ---------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------

/// Minimal reproduction of the bug `closed_dates_do_not_depend_on_the_range_asked` finds.
#[test]
fn new_years_eve_2029_is_a_bridge_when_asked_alone() {
    // 1 January 2030 is a Tuesday: with bridges, Monday 31 December 2029 is closed.
    let rules = CalendarRules {
        bridges: true,
        ..CalendarRules::default()
    };
    let eve = date(2029, 12, 31);
    let wide = rules.closed_dates(date(2029, 12, 30), date(2030, 1, 1));
    assert!(wide.iter().any(|&(d, _)| d == eve), "{wide:?}");
    // The schedule agrees (it asks about a whole window): 3 days ending
    // Wed 2 Jan 2030 are Thu 27, Fri 28 Dec and Wed 2 Jan.
    let plan = Plan {
        name: "bridge".into(),
        deadline: date(2030, 1, 2),
        today: None,
        lang: None,
        calendar: rules.clone(),
        people: vec![],
        tasks: vec![Task::new("t", "t", 3)],
        meetings: vec![],
    };
    let s = schedule(&plan, date(2029, 12, 1)).unwrap();
    assert_eq!(s.tasks[0].start, date(2029, 12, 27));
    // Asked alone, the day is open (the bug): closed_dates only computes the
    // public holidays of the years from..=to, so the bridge of 1 January 2030
    // is lost. Today this gives [] and true.
    assert_eq!(
        rules.closed_dates(eve, eve).len(),
        1,
        "closed_dates(2029-12-31, 2029-12-31)"
    );
    assert!(!rules.is_working_day(eve), "is_working_day(2029-12-31)");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Invariants 1, 2, 3, 5 and 6, directions, fixed dates, slack,
    /// feasibility and the critical path, on random acyclic plans.
    #[test]
    fn schedules_satisfy_the_invariants((plan, today) in arb_plan()) {
        check_plan(&plan, today)?;
    }

    /// `closed_dates(from, to)` is what a wider question says about `[from, to]`,
    /// and `is_working_day` agrees with it.
    ///
    /// Bug found (minimal repro: `new_years_eve_2029_is_a_bridge_when_asked_alone`):
    /// with `bridges` and a country whose 1 January falls on a Tuesday (2030,
    /// 2036), `closed_dates(2029-12-31, 2029-12-31)` is empty and
    /// `is_working_day(2029-12-31)` is true, while any range reaching into
    /// 2030 lists 31 December as a bridge; the scheduler, which asks about a
    /// window, closes it. Also a window ending on 31 December 2029 misses it.
    #[test]
    fn closed_dates_do_not_depend_on_the_range_asked(rules in arb_rules(), (from, to) in arb_range()) {
        let asked = rules.closed_dates(from, to);
        let wide: Vec<_> = rules
            .closed_dates(add_days(from, -7), add_days(to, 7))
            .into_iter()
            .filter(|&(d, _)| from <= d && d <= to)
            .collect();
        prop_assert_eq!(&asked, &wide, "closed_dates({}, {}) vs a wider range", from, to);
        let open = rules.workdays.contains(from.weekday()) && !wide.iter().any(|&(d, _)| d == from);
        prop_assert_eq!(rules.is_working_day(from), open, "is_working_day({})", from);
    }

    /// A cycle is an error that names every task on it, each reported cycle
    /// being a real cycle of `after` links.
    #[test]
    fn cycles_are_reported_with_every_task_on_them(plan in arb_cyclic_plan()) {
        let on_cycles = tasks_on_cycles(&plan);
        let result = schedule(&plan, date(2026, 11, 2));
        if on_cycles.is_empty() {
            prop_assert!(result.is_ok(), "no cycle, but {:?}", result.err());
            return Ok(());
        }
        let errors = result.err().ok_or_else(|| fail(format!("cycles through {on_cycles:?} but Ok")))?;
        let mut named = BTreeSet::new();
        for e in &errors.0 {
            let PlanError::Cycle { tasks, ids } = e else {
                return Err(fail(format!("unexpected error {e:?}")));
            };
            prop_assert!(!tasks.is_empty(), "an empty cycle");
            let distinct: BTreeSet<usize> = tasks.iter().copied().collect();
            prop_assert_eq!(distinct.len(), tasks.len(), "cycle {:?} repeats a task", tasks);
            let expected_ids: Vec<&str> = tasks.iter().map(|&t| plan.tasks[t].id.as_str()).collect();
            prop_assert_eq!(ids.iter().map(String::as_str).collect::<Vec<_>>(), expected_ids);
            for (i, &t) in tasks.iter().enumerate() {
                let next = tasks[(i + 1) % tasks.len()];
                prop_assert!(
                    plan.tasks[next].after.iter().any(|l| l.task == t),
                    "cycle {:?}: t{} does not depend on t{}", tasks, next, t
                );
            }
            named.extend(distinct);
        }
        prop_assert_eq!(named, on_cycles, "tasks named by the cycle errors vs tasks on a cycle");
    }
}

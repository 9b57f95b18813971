//! Dating a plan: from the model to a [`Schedule`] (SCHEDULING.md).
//!
//! The work happens in each task's own work-index space (`timeline`), in four
//! linear passes over a topological order (`passes`): backward tasks as late
//! as possible, follow-up tasks as soon as possible after their anchors, the
//! forward pass from today, and the latest dates. Slack, the critical path
//! and feasibility come from those (`critical`). Cost: O(V + E) after the
//! calendars are built, and calendars cost O(days in the plan's window).
//! On large plans, steps that share nothing but what they read run side by
//! side on rayon's threads ([`both`]): no result depends on how many
//! threads there are.

mod actuals;
mod bookings;
mod buffers;
mod critical;
mod forecast;
mod graph;
mod levelling;
mod overloads;
mod owners;
mod passes;
mod proposals;
#[doc(hidden)]
pub mod stages;
pub(crate) mod timeline;

use jiff::civil::Date;

use crate::day_number::{DayNumber, date_of, day_number};
use crate::error::{PlanError, PlanErrors};
use crate::plan::{Plan, Status, TaskIx};

pub use overloads::{Iter as OverloadsIter, Overload, Overloads};
pub use proposals::{Reassignment, reassignments};
pub use timeline::CalendarKey;

/// How a task is placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// As late as possible before the deadline.
    Backward,
    /// As soon as possible after an anchor on or after the deadline.
    FollowUp,
}

impl Direction {
    /// The spelling of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Direction::Backward => "backward",
            Direction::FollowUp => "follow-up",
        }
    }
}

/// The dates of one task. Dates are inclusive; day counts are working days of
/// the task's own calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskSchedule {
    /// Planned dates: as late as possible (backward) or as soon as possible (follow-up).
    pub start: Date,
    pub end: Date,
    /// From the forward pass from today.
    pub earliest_start: Date,
    pub earliest_end: Date,
    /// From the backward pass over every constraint.
    pub latest_start: Date,
    pub latest_end: Date,
    pub days: u32,
    /// Latest start minus earliest start.
    pub slack: i32,
    /// On a chain of minimum slack.
    pub critical: bool,
    pub milestone: bool,
    /// Has a fixed date (`on`).
    pub fixed: bool,
    pub direction: Direction,
    /// Planned start minus the deadline, in calendar days (the J-x label).
    pub offset: i32,
    /// Working days levelling moved the task: earlier for a backward task,
    /// later for a follow-up task. 0 without levelling.
    pub moved_by_levelling: u32,
    /// Levelling moved it later (a follow-up task waiting for its owner),
    /// not earlier.
    pub moved_later: bool,
    /// Why levelling moved it. Boxed: only levelling sets it, and a large
    /// schedule holds a line per task (80 bytes each rather than 104).
    pub moved_because: Option<Box<MoveCause>>,
    pub status: Status,
    /// When it will really happen: actual dates for work done or under
    /// way, else the planned dates or later when something pushes them.
    pub forecast_start: Date,
    pub forecast_end: Date,
    /// Today is past its planned end and it is not done, or past its
    /// planned start and it has not started.
    pub late: bool,
    /// Not late, but it will be unless its owner starts within the plan's
    /// `at_risk_within` working days, or its forecast is behind its plan.
    pub at_risk: bool,
    /// Against the baseline compared with, when it has this task.
    pub variance: Option<Variance>,
}

/// Forecast minus baseline, in working days of the plan's calendar:
/// positive is later than recorded, negative earlier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variance {
    pub start: i32,
    pub end: i32,
}

/// Where a plan under way stands against its deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Everything happens as planned.
    OnTrack,
    /// The deadline holds, but some work is behind its plan and eats the margin.
    AtRisk,
    /// The deadline, or another date that cannot move, will be missed.
    Late,
}

impl Verdict {
    /// The spelling of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Verdict::OnTrack => "on_track",
            Verdict::AtRisk => "at_risk",
            Verdict::Late => "late",
        }
    }
}

/// The plan against the baseline compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanVariance {
    /// The baseline's name.
    pub baseline: String,
    /// The plan's first forecast start and last forecast end before the
    /// deadline, against the baseline's (`None` when either side has none).
    pub start: Option<i32>,
    pub end: Option<i32>,
}

/// An explicit margin of the plan (docs/margins.md): planned working days
/// in which nothing is planned, there to absorb slips.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Buffer {
    pub kind: BufferKind,
    /// The task it follows; `None` for the buffer before the deadline.
    pub after: Option<TaskIx>,
    /// Its length in working days (of the task's calendar, or of the
    /// plan's for the buffer before the deadline).
    pub days: u32,
    /// Its first and last working days.
    pub start: Date,
    pub end: Date,
    /// Working days of it the forecast already uses: work running late,
    /// or starting later than planned, eats its buffer first.
    pub consumed: u32,
}

/// Where a [`Buffer`] comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BufferKind {
    /// A task's own `margin`.
    Task,
    /// `margin = { critical = "N%" }`: after the critical path, `percent`
    /// of the `chain_days` working days of the chain before it.
    Critical { percent: u32, chain_days: u32 },
    /// Before the deadline: `ready_by` or `buffer`.
    Ready,
}

impl BufferKind {
    /// The spelling of the JSON output.
    pub fn code(self) -> &'static str {
        match self {
            BufferKind::Task => "task",
            BufferKind::Critical { .. } => "critical",
            BufferKind::Ready => "ready",
        }
    }
}

/// Why levelling moved a task.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MoveCause {
    /// Its owner (`person`, an id) is busy with `task` on the day the task
    /// would otherwise take.
    Held { person: String, task: TaskIx },
    /// A successor moved earlier, and this task must end before it starts.
    Successor(TaskIx),
    /// A predecessor moved (follow-up tasks, placed after their predecessors).
    Predecessor(TaskIx),
}

/// A person levelling cannot fit between today and the deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub person: String,
    /// Booked on every one of their working days from today to `busy_to`
    /// (`None`: they have room on the first of them).
    pub busy_to: Option<Date>,
    /// Work that would have to be done before today, in hundredths of a day.
    pub before_today: u32,
    /// Their tasks levelling had to start before today, in plan order.
    pub tasks: Vec<TaskIx>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    /// `today` as given.
    pub today: Date,
    /// The first working day on or after today: when work can start.
    pub work_starts: Date,
    pub deadline: Date,
    /// The first planned start: the day work must begin (`None` for an empty plan).
    pub start: Option<Date>,
    /// The last planned end.
    pub finish: Option<Date>,
    pub feasible: bool,
    /// Working days the plan is late by (`-min slack` when negative).
    pub late_by: u32,
    pub min_slack: i32,
    /// The least slack of the tasks planned back from the deadline that are
    /// not fixed: the margin people have. Fixed and follow-up tasks always
    /// have none, so they would hide it. `None` when there are no such tasks.
    pub margin: Option<i32>,
    /// The earliest deadline today allows: the forward pass's latest end of a backward task.
    pub earliest_deadline: Date,
    /// The longest chain (in working days) of minimum-slack tasks, in
    /// dependency order. When the plan is late, the chain that makes it late.
    pub critical_path: Vec<TaskIx>,
    /// The longest chain of the tasks whose slack is the `margin`: where the
    /// margin people control is thinnest.
    pub margin_path: Vec<TaskIx>,
    /// In plan order.
    pub tasks: Vec<TaskSchedule>,
    /// The dates of each meeting, in the plan's order of meetings.
    pub meetings: Vec<crate::meeting::MeetingDates>,
    /// Was the owners' work levelled?
    pub levelled: bool,
    /// Every day a person is booked over capacity, by person then date.
    /// Empty after levelling, unless fixed tasks collide. Read as
    /// [`Overload`]s: `for o in &schedule.overloads` (the report owns their
    /// storage, so that a large one costs nothing per day to build or drop).
    pub overloads: Overloads,
    /// After levelling, when the plan is late: who has too much to do
    /// before the deadline. Empty otherwise.
    pub shortfalls: Vec<Shortfall>,
    /// Late exactly when not feasible; at risk when feasible but some work
    /// is behind its plan.
    pub verdict: Verdict,
    /// Does any task record progress (a status other than todo, or dates)?
    pub tracked: bool,
    /// The first forecast start of the plan.
    pub forecast_start: Option<Date>,
    /// The last forecast end of the work planned back from the deadline (of
    /// every task when there is none).
    pub forecast_end: Option<Date>,
    /// Against the baseline compared with ([`crate::plan::Tracking`]).
    pub variance: Option<PlanVariance>,
    /// The plan's explicit margins: after tasks in plan order, then the one
    /// before the deadline.
    pub buffers: Vec<Buffer>,
}

impl Schedule {
    /// The chain the critical-path buffer follows and whose uncertainty is
    /// quoted: the margin path, else the critical path.
    pub fn critical_chain(&self) -> &[TaskIx] {
        if self.margin_path.is_empty() {
            &self.critical_path
        } else {
            &self.margin_path
        }
    }

    /// The PERT standard deviation of the critical chain's length, in
    /// working days: the square root of the sum of its estimates' sigma²
    /// (0 when no estimate lies on it). Work started is no longer a guess.
    /// The chain is the margin path when there is one (a fixed milestone
    /// on the deadline is the whole critical path of many plans, and says
    /// nothing of the work before it), else the critical path.
    pub fn critical_sigma(&self, plan: &Plan) -> f64 {
        self.critical_chain()
            .iter()
            .filter(|&&t| !plan.tasks[t].status.is_started())
            .map(|&t| plan.tasks[t].duration.sigma().powi(2))
            .sum::<f64>()
            .sqrt()
    }
}

/// Each person's work day by day, over the span of a schedule
/// ([`schedule_with_load`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PeopleLoad {
    /// The first day of the per-day lists: the plan's start or the first
    /// working day on or after today, whichever comes first.
    pub from: Date,
    /// The plan's people in plan order, then owners it does not list.
    pub people: Vec<PersonLoad>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonLoad {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// Listed as a `[[person]]` of the plan (else only named as an owner).
    pub listed: bool,
    pub capacity: crate::plan::Capacity,
    /// Per day from [`PeopleLoad::from`], in hundredths of one task at a
    /// time: what the person can do (their capacity on their working days).
    pub available: Vec<u32>,
    /// Per day: what their tasks take.
    pub booked: Vec<u32>,
}

/// Dates `plan` from `today` (any date: work starts on the first working day on or after it).
pub fn schedule(plan: &Plan, today: Date) -> Result<Schedule, PlanErrors> {
    schedule_with_load(plan, today, false).map(|(s, _)| s)
}

/// [`schedule`], and with `load` each person's work per day (for workload reports).
pub fn schedule_with_load(
    plan: &Plan,
    today: Date,
    load: bool,
) -> Result<(Schedule, Option<PeopleLoad>), PlanErrors> {
    // The critical-path buffer follows the chain of least slack among the
    // tasks that can move ([`Schedule::critical_chain`]: a fixed milestone
    // on the deadline has no slack, but no buffer can sit after it), which
    // a first schedule finds; buffers never change it (they leave slack alone).
    let critical = match plan.margins.critical {
        Some(percent) => {
            // Sized on the plan as planned, with no progress: a buffer that
            // shrank as work got done would move every date before it.
            let mut planned = plan.clone();
            for task in &mut planned.tasks {
                if task.status != Status::Cancelled {
                    task.status = Status::Todo;
                }
                task.progress = None;
            }
            let (first, _) = schedule_once(&planned, today, false, None)?;
            buffers::CriticalBuffer::on(first.critical_chain(), &first.tasks, percent)
        }
        None => None,
    };
    let (mut schedule, people) = schedule_once(plan, today, load, critical)?;
    if schedule.levelled
        && !schedule.feasible
        && let Some(date) = levelled_deadline(plan, today, &schedule, critical)
    {
        schedule.earliest_deadline = date;
    }
    Ok((schedule, people))
}

/// The earliest deadline at which levelling fits, found by trying later
/// deadlines (doubling the step, then halving it): `None` when none within
/// about ninety years does (steps up to 2^14 days, about 2^15 in all), as
/// when fixed tasks of one person collide: the schedule then keeps the
/// earliest deadline of the forward pass, which levelling can only push
/// later.
/// Levelling is a heuristic, so "fits" is checked, never assumed, for the
/// date returned.
fn levelled_deadline(
    plan: &Plan,
    today: Date,
    late: &Schedule,
    critical: Option<buffers::CriticalBuffer>,
) -> Option<Date> {
    let fits = |deadline: Date| -> bool {
        let mut moved = plan.clone();
        moved.deadline = deadline;
        schedule_once(&moved, today, false, critical).is_ok_and(|(s, _)| s.feasible)
    };
    let from = day_number(plan.deadline.max(late.earliest_deadline));
    let at = |offset: i32| date_of(from + offset);
    let mut bad = if from == day_number(plan.deadline) {
        0
    } else {
        -1
    };
    let mut step = 1;
    let good = loop {
        let date = at(bad + step)?;
        if fits(date) {
            break bad + step;
        }
        bad += step;
        step *= 2;
        if step > 1 << 14 {
            return None;
        }
    };
    let (mut bad, mut good) = (bad, good);
    while good - bad > 1 {
        let mid = bad + (good - bad) / 2;
        if at(mid).is_some_and(fits) {
            good = mid;
        } else {
            bad = mid;
        }
    }
    at(good)
}

/// The plan walked (checked, owners resolved, links in flat arrays) and its
/// tasks in topological order: what every pass reads.
pub(crate) fn in_order(
    plan: &Plan,
    today: Date,
    critical: Option<buffers::CriticalBuffer>,
) -> Result<(owners::Owners, passes::Checked, graph::Graph, Vec<u32>), PlanErrors> {
    let (owners, mut checked, mut graph) = passes::Checked::new(plan, today)?;
    if let Some(c) = critical {
        checked.add_tail(c.task, c.days as i32);
    }
    if checked.one_calendar_small() {
        graph.set_offsets(&checked.days);
    } else {
        graph.clear_offsets();
    }
    let order = graph.topological_order().map_err(|cycles| {
        PlanErrors(
            cycles
                .into_iter()
                .map(|tasks| PlanError::Cycle {
                    ids: tasks.iter().map(|&t| plan.tasks[t].id.clone()).collect(),
                    tasks,
                })
                .collect(),
        )
    })?;
    Ok((owners, checked, graph, order))
}

/// Gives `f` each task's own work calendar (the plan's, narrowed to its
/// owner's days, or its own `workdays`) over the days `lo` to `hi`, as
/// `schedule` builds them, widening the window until nothing `f` converts
/// falls outside it (`f` is run again then: it must compute, not act).
/// For the Monte Carlo, which dates links and floors in each task's
/// calendar as the schedule does (risk/network.rs).
pub(crate) fn with_task_calendars<R>(
    plan: &Plan,
    today: Date,
    lo: DayNumber,
    hi: DayNumber,
    f: impl Fn(&timeline::Timeline) -> R,
) -> Result<R, PlanErrors> {
    // The walk alone: the calendars need no order of the tasks.
    let (owners, checked, _) = passes::Checked::new(plan, today)?;
    let (lo, hi) = {
        let (a, b) = checked.date_span(day_number(today));
        (lo.min(a), hi.max(b))
    };
    let mut margin = FIRST_MARGIN;
    loop {
        let (first, last) = window(lo, hi, margin);
        let line = timeline::Timeline::new(plan, &checked, &owners, first, last);
        let out = f(&line);
        if !line.overflowed() || (first == MIN_DAY && last == MAX_DAY) {
            return Ok(out);
        }
        margin *= 2;
    }
}

/// The window of days the calendars materialise: the plan's dates `lo` to
/// `hi` with `margin` days before and twice that after (work runs late more
/// than early), within the years a schedule may name.
pub(crate) fn window(lo: DayNumber, hi: DayNumber, margin: DayNumber) -> (DayNumber, DayNumber) {
    ((lo - margin).max(MIN_DAY), (hi + 2 * margin).min(MAX_DAY))
}

/// The first window's margin; it doubles each time a date falls outside.
pub(crate) const FIRST_MARGIN: DayNumber = 400;

fn schedule_once(
    plan: &Plan,
    today: Date,
    load: bool,
    critical: Option<buffers::CriticalBuffer>,
) -> Result<(Schedule, Option<PeopleLoad>), PlanErrors> {
    let (owners, checked, graph, order) = in_order(plan, today, critical)?;

    // The window of days the calendars materialise: the plan's own dates with
    // a margin, widened until no conversion falls outside it.
    let today_day = day_number(today);
    let (mut lo, mut hi) = checked.date_span(today_day);
    let mut margin = FIRST_MARGIN;
    loop {
        let (first, last) = window(lo, hi, margin);
        let line = timeline::Timeline::new(plan, &checked, &owners, first, last);
        line.check_fixed_days(plan, &checked)?;
        let mut positions = passes::run(plan, &checked, &graph, &order, &line, today_day);
        let levelled = plan.level.then(|| {
            let level = |buffered| {
                levelling::level(plan, &checked, &graph, &line, &owners, &positions, buffered)
            };
            let levelled = level(true);
            // Buffers move planned dates only (docs/margins.md): the latest
            // dates, slack and feasibility are those of the plan levelled
            // without them. Levelling is a heuristic, so a task can land
            // later with buffers than without: its latest start is then
            // where it is planned, never before it.
            let unbuffered = checked.has_buffers().then(|| level(false));
            let plain = &unbuffered.as_ref().unwrap_or(&levelled).planned;
            // Without buffers, both levellings are one: its starts as they are.
            let held: std::borrow::Cow<[i32]> = match &unbuffered {
                None => plain.into(),
                Some(_) => plain
                    .iter()
                    .zip(&levelled.planned)
                    .zip(&positions.follow_up)
                    .map(|((&u, &b), &follow_up)| if follow_up { u } else { u.max(b) })
                    .collect(),
            };
            positions.latest = passes::latest_starts(
                &checked,
                &graph,
                &order,
                &line,
                plain,
                &positions.follow_up,
                Some(&held),
            );
            // Progress is read against the levelled plan: work under way
            // with no recorded start began at its levelled start if that
            // is past, a slip counts from it.
            if checked.tracked {
                (positions.earliest, positions.actual) = passes::earliest_tracked(
                    plan,
                    &checked,
                    &graph,
                    &order,
                    &line,
                    today_day,
                    &levelled.planned,
                    &positions.fixed,
                );
            }
            // A follow-up task cannot start before levelling placed it.
            for (t, &at) in plain.iter().enumerate() {
                if positions.follow_up[t] && !positions.fixed[t] {
                    positions.earliest[t] = positions.earliest[t].max(at);
                }
            }
            levelled
        });
        let unlevelled = match &levelled {
            Some(l) => std::mem::replace(&mut positions.planned, l.planned.clone()),
            None => Vec::new(),
        };
        let (reached_lo, reached_hi) = positions.reached(&line);
        // Once every position is reached inside the window, the overloads
        // and the schedule's lines, independent of each other, are
        // computed side by side.
        if !line.overflowed() {
            let ((bookings, overloads), mut schedule) = both(
                plan.tasks.len() >= SIDE_BY_SIDE_FROM,
                || bookings::overloads_at(&owners, &line, &positions.planned, &checked.days, load),
                || {
                    let mut schedule =
                        critical::finish(plan, &checked, &graph, &order, &line, &positions, today);
                    // Levelling places tasks itself: nothing was squeezed there.
                    let squeezed: &[i32] = if levelled.is_some() {
                        &[]
                    } else {
                        &positions.squeezed
                    };
                    schedule.buffers = buffers::buffers(
                        plan,
                        &checked,
                        &line,
                        &schedule.tasks,
                        critical.as_ref(),
                        squeezed,
                    );
                    schedule
                },
            );
            schedule.overloads = overloads;
            if let Some(levelled) = levelled {
                report_levelling(
                    &mut schedule,
                    &owners,
                    &line,
                    &checked,
                    &levelled,
                    &unlevelled,
                    today_day,
                );
            }
            // The lines convert more than the positions: the dates of
            // started work (a long `remaining`), forecasts and the buffers
            // after tasks. One past the window was guessed from the weekdays
            // alone, without holidays: the window widens and all is redone.
            if !line.overflowed() {
                let people = load.then(|| {
                    let from = schedule
                        .start
                        .map_or(schedule.work_starts, |s| s.min(schedule.work_starts));
                    let to = schedule.finish.map_or(from, |f| f.max(from));
                    PeopleLoad {
                        from,
                        people: bookings.people_load(
                            plan,
                            &owners,
                            &line,
                            day_number(from),
                            day_number(to),
                        ),
                    }
                });
                return Ok((schedule, people));
            }
        }
        if first == MIN_DAY && last == MAX_DAY {
            return Err(PlanErrors(vec![PlanError::DateOutOfRange {
                task: None,
                what: "the schedule".to_string(),
            }]));
        }
        lo = lo.min(reached_lo);
        hi = hi.max(reached_hi);
        margin *= 2;
    }
}

/// From this many tasks, independent steps of a schedule run side by side
/// ([`both`]); below, waking a second thread costs more than it saves (on
/// two cores: 1,000 tasks 112 → 160 µs side by side, 2,000 about even,
/// 3,000 450 → 310 µs).
pub(crate) const SIDE_BY_SIDE_FROM: usize = 2_000;

/// `a()` and `b()`, on two threads when `parallel` (rayon's `join`), else
/// one after the other. Either way the same two results: only steps that
/// share nothing but what they read are given to it.
pub(crate) fn both<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// What levelling did: moves and their causes, and who does not fit.
fn report_levelling(
    schedule: &mut Schedule,
    owners: &owners::Owners,
    line: &timeline::Timeline,
    checked: &passes::Checked,
    levelled: &levelling::Levelled,
    unlevelled: &[i32],
    today: DayNumber,
) {
    schedule.levelled = true;
    // Someone is still booked over capacity (fixed tasks of one person on
    // the same days): the plan does not hold, in time or not, and says so
    // in its verdict too (`late` exactly when not feasible).
    if !schedule.overloads.is_empty() {
        schedule.feasible = false;
        schedule.verdict = Verdict::Late;
    }
    for (t, task) in schedule.tasks.iter_mut().enumerate() {
        task.moved_by_levelling = levelled.planned[t].abs_diff(unlevelled[t]);
        task.moved_later = levelled.planned[t] > unlevelled[t];
        task.moved_because = levelled.causes[t].map(|cause| {
            Box::new(match cause {
                levelling::Cause::Held { person, task } => MoveCause::Held {
                    person: owners.people[person].id.clone(),
                    task,
                },
                levelling::Cause::Successor(s) => MoveCause::Successor(s),
                levelling::Cause::Predecessor(p) => MoveCause::Predecessor(p),
            })
        });
    }
    if schedule.late_by > 0 {
        let work_starts = day_number(schedule.work_starts);
        let today = today.max(work_starts);
        schedule.shortfalls = levelling::shortfalls(
            owners,
            line,
            levelled,
            &checked.days,
            &checked.status,
            today,
            checked.deadline,
        )
        .into_iter()
        .map(|s| Shortfall {
            person: owners.people[s.person].id.clone(),
            busy_to: (s.busy_to >= today).then(|| to_date(s.busy_to)),
            before_today: s.before_today,
            tasks: s.tasks,
        })
        .collect();
    }
}

/// The days a schedule may name (years 1 to 9999).
const MAX_DAY: DayNumber = crate::day_number::LAST_DAY;
const MIN_DAY: DayNumber = crate::day_number::FIRST_DAY;

fn to_date(day: DayNumber) -> Date {
    crate::day_number::clamped_date(day)
}

#[cfg(test)]
mod tests {
    /// A large schedule is mostly its lines, one per task, written fresh:
    /// their size is part of the engine's speed (BENCHMARKS.md).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_task_line_takes_80_bytes() {
        assert_eq!(std::mem::size_of::<super::TaskSchedule>(), 80);
    }
}

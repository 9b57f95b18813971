//! The scheduling passes over a topological order (SCHEDULING.md,
//! "Directions" and "Today, slack").
//!
//! 1. Follow-up tasks, backward: how late each may start and still meet the
//!    fixed and `due` dates after it.
//! 2. Planned, backward tasks: reverse order, each as late as the deadline,
//!    its `due` and its successors allow (a follow-up successor by the bound
//!    of step 1).
//! 3. Planned, follow-up tasks: forward from their anchors, as soon as their
//!    predecessors allow.
//! 4. Earliest: forward from today.
//! 5. Latest: backward over every constraint; follow-up tasks are also
//!    bounded by the plan's finish, the end of the last follow-up task.
//!
//! In a feasible plan the planned dates then meet every rule: a follow-up
//! task starts no later than step 1 allows, because its predecessors do.
//!
//! Fixed tasks (`on`) keep their date in the plan; their earliest start may
//! only move later and their latest only earlier, which is how a broken fixed
//! date shows as negative slack instead of being moved.

use crate::day_number::{DayNumber, day_number};
use crate::error::{PlanError, PlanErrors};
use crate::plan::{Plan, ReadyBy, Status, TaskIx};
use crate::schedule::graph::Graph;
use crate::schedule::owners::Owners;
use crate::schedule::timeline::Timeline;

/// "No date" in the per-task arrays.
pub(crate) const NONE: DayNumber = i32::MIN;
/// "No bound" for a latest start.
pub(crate) const UNBOUNDED: i32 = i32::MAX;

/// The plan's inputs, checked and resolved to day numbers.
pub(crate) struct Checked {
    pub days: Vec<i32>,
    /// Fixed start day (`on`), or NONE.
    pub fixed: Vec<DayNumber>,
    /// `due` day, or NONE.
    pub due: Vec<DayNumber>,
    pub deadline: DayNumber,
    /// The first and last actual dates progress names, if any.
    pub progress_span: Option<(DayNumber, DayNumber)>,
    /// Working days of buffer planned after each task, in its calendar:
    /// its own `margin`, plus the critical-path buffer when it follows it.
    /// Empty when no task has any (most plans): read it with `tail_of`.
    pub tail: Vec<i32>,
    /// When the work planned back from the deadline must be ready.
    pub ready: Ready,
}

/// The close that bounds the planned work of backward tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ready {
    /// The deadline itself: no buffer before it.
    AtDeadline,
    /// The close of this day (`ready_by`).
    Day(DayNumber),
    /// This many working days of the plan's calendar before the deadline (`buffer`).
    Days(i32),
}

impl Checked {
    pub fn new(
        plan: &Plan,
        owners: &Owners,
        today: jiff::civil::Date,
    ) -> Result<Checked, PlanErrors> {
        let n = plan.tasks.len();
        let mut errors = Vec::new();
        if plan.calendar.workdays.is_empty() {
            errors.push(PlanError::NoWorkdays {
                task: None,
                id: None,
            });
        }
        let mut days = Vec::with_capacity(n);
        let mut fixed = Vec::with_capacity(n);
        let mut due = Vec::with_capacity(n);
        let mut progress_span = None;
        let any_margin = plan.tasks.iter().any(|t| t.margin > 0);
        let mut tail = Vec::with_capacity(if any_margin { n } else { 0 });
        let resolve = |when: Option<crate::relative::When>,
                       t: TaskIx,
                       what: &str,
                       errors: &mut Vec<PlanError>| match when {
            None => NONE,
            Some(w) => match w.resolve(plan.deadline) {
                Some(d) => day_number(d),
                None => {
                    errors.push(PlanError::DateOutOfRange {
                        task: Some(t),
                        what: format!("the {what} date of task `{}`", plan.tasks[t].id),
                    });
                    NONE
                }
            },
        };
        for person in &owners.people {
            if person.workdays.is_some_and(|w| w.is_empty()) {
                errors.push(PlanError::PersonWithoutWorkdays {
                    person: person.id.clone(),
                });
            }
        }
        for (t, task) in plan.tasks.iter().enumerate() {
            let owner = owners.owner(t).map(|o| &owners.people[o]);
            // A cancelled task stays in the graph so that its links pass through.
            let own_days = if task.status == Status::Cancelled {
                0
            } else {
                task.days()
            };
            let span = owner.map_or(own_days, |o| o.capacity.span(own_days));
            if let Some(progress) = &task.progress {
                for (what, date) in [
                    ("started", progress.started),
                    ("finished", progress.finished),
                ] {
                    let Some(date) = date else { continue };
                    let d = day_number(date);
                    progress_span = Some(
                        progress_span.map_or((d, d), |(lo, hi): (DayNumber, DayNumber)| {
                            (lo.min(d), hi.max(d))
                        }),
                    );
                    if date > today {
                        errors.push(PlanError::ProgressAfterToday {
                            task: t,
                            id: task.id.clone(),
                            what,
                            date,
                            today,
                        });
                    }
                }
            }
            days.push(
                i32::try_from(span)
                    .unwrap_or(i32::MAX / 4)
                    .min(i32::MAX / 4),
            );
            if let Some(person) = owner
                && let Some(theirs) = person.workdays
                && !theirs.is_empty()
                && theirs
                    .intersection(task.workdays.unwrap_or(plan.calendar.workdays))
                    .is_empty()
            {
                errors.push(PlanError::NoCommonWorkdays {
                    task: t,
                    id: task.id.clone(),
                    owner: person.id.clone(),
                });
            }
            if any_margin {
                tail.push(if task.status == Status::Cancelled {
                    0
                } else {
                    i32::try_from(task.margin)
                        .unwrap_or(i32::MAX / 4)
                        .min(i32::MAX / 4)
                });
            }
            fixed.push(resolve(task.on, t, "fixed", &mut errors));
            due.push(resolve(task.due, t, "due", &mut errors));
            if task.workdays.is_some_and(|w| w.is_empty()) {
                errors.push(PlanError::NoWorkdays {
                    task: Some(t),
                    id: Some(task.id.clone()),
                });
            }
            for link in &task.after {
                if link.task >= n {
                    errors.push(PlanError::UnknownPredecessor {
                        task: t,
                        id: task.id.clone(),
                        link: link.task,
                    });
                }
            }
        }
        let ready = match plan.margins.ready {
            None => Ready::AtDeadline,
            Some(ReadyBy::Days(0)) => Ready::AtDeadline,
            Some(ReadyBy::Days(d)) => Ready::Days(i32::try_from(d).unwrap_or(i32::MAX / 4)),
            Some(ReadyBy::Date(when)) => match when.resolve(plan.deadline) {
                Some(d) => Ready::Day(day_number(d).min(day_number(plan.deadline))),
                None => {
                    errors.push(PlanError::DateOutOfRange {
                        task: None,
                        what: "the ready-by date".to_string(),
                    });
                    Ready::AtDeadline
                }
            },
        };
        // Most plans have no buffer: no per-task array to read in the passes.
        if tail.iter().all(|&t| t == 0) {
            tail = Vec::new();
        }
        if errors.is_empty() {
            Ok(Checked {
                days,
                fixed,
                due,
                deadline: day_number(plan.deadline),
                progress_span,
                tail,
                ready,
            })
        } else {
            Err(PlanErrors(errors))
        }
    }

    /// A fixed task's start index: a task starts on its date; a milestone
    /// is the close of its date.
    pub fn fixed_start(&self, line: &Timeline, t: TaskIx) -> i32 {
        let f = self.fixed[t];
        if self.days[t] == 0 {
            line.index_at(t, f + 1)
        } else {
            line.index_at(t, f)
        }
    }

    /// The day whose close bounds the planned work of backward tasks that
    /// are not fixed: the deadline, or the ready-by day of a buffer before it.
    pub fn ready_day(&self, line: &Timeline) -> DayNumber {
        match self.ready {
            Ready::AtDeadline => self.deadline,
            Ready::Day(day) => day,
            Ready::Days(d) => {
                let plan = line.plan_calendar();
                // The buffer is the last `d` working days up to the deadline's
                // close; the work is ready at the close of the day before them.
                plan.day_of(plan.index_at(self.deadline + 1) - d - 1)
            }
        }
    }

    /// The buffer after task `t`, in working days of its calendar.
    #[inline]
    pub fn tail_of(&self, t: TaskIx) -> i32 {
        if self.tail.is_empty() {
            0
        } else {
            self.tail[t]
        }
    }

    /// Gives task `t` `days` more of buffer after it.
    pub fn add_tail(&mut self, t: TaskIx, days: i32) {
        if self.tail.is_empty() {
            self.tail = vec![0; self.days.len()];
        }
        self.tail[t] += days;
    }

    /// The start index from which a link of `kind` leaves predecessor `p`
    /// planned at `start`, in the planned passes: a rule from its finish
    /// waits for the buffer after it too.
    pub fn planned_from(&self, p: TaskIx, kind: crate::plan::LinkKind, start: i32) -> i32 {
        if kind.from_finish() {
            start + self.tail_of(p)
        } else {
            start
        }
    }

    /// The first and last days the plan names (today, deadline, fixed and due dates).
    pub fn date_span(&self, today: DayNumber) -> (DayNumber, DayNumber) {
        let named = self.fixed.iter().chain(&self.due).filter(|&&d| d != NONE);
        let (mut lo, mut hi) = (today.min(self.deadline), today.max(self.deadline));
        if let Ready::Day(day) = self.ready {
            lo = lo.min(day);
        }
        if let Some((first, last)) = self.progress_span {
            lo = lo.min(first);
            hi = hi.max(last);
        }
        for &d in named {
            lo = lo.min(d);
            hi = hi.max(d);
        }
        (lo, hi)
    }
}

/// Start indices from the passes, each in its task's own calendar.
pub(crate) struct Positions {
    pub planned: Vec<i32>,
    /// Follow-up tasks: the latest start that meets the fixed and due dates after them.
    pub follow_up_latest: Vec<i32>,
    pub earliest: Vec<i32>,
    pub latest: Vec<i32>,
    pub follow_up: Vec<bool>,
    pub fixed: Vec<bool>,
    pub days: Vec<i32>,
    /// Work done or under way, when the plan records any progress.
    pub actual: Option<Actual>,
}

/// What progress does to the forward pass: where started work really is.
pub(crate) struct Actual {
    /// Exclusive end index from the forward pass (a started task's actual
    /// or expected end; else earliest start + days).
    pub end: Vec<i32>,
    /// Started (done, or under way): its dates are history, not options.
    pub started: Vec<bool>,
    /// Done or cancelled: nothing left to do.
    pub closed: Vec<bool>,
}

impl Positions {
    /// Exclusive end index of the forward pass.
    pub fn earliest_end(&self, t: TaskIx) -> i32 {
        match &self.actual {
            Some(a) => a.end[t],
            None => self.earliest[t] + self.days[t],
        }
    }

    pub fn is_started(&self, t: TaskIx) -> bool {
        self.actual.as_ref().is_some_and(|a| a.started[t])
    }

    pub fn is_closed(&self, t: TaskIx) -> bool {
        self.actual.as_ref().is_some_and(|a| a.closed[t])
    }
}

impl Positions {
    /// The first and last days any position reaches. Conversions are
    /// monotone, so the extreme indices of each calendar are enough; this
    /// also raises the calendars' overflow flag if one is outside the window.
    pub fn reached(&self, line: &Timeline) -> (DayNumber, DayNumber) {
        let mut extremes: Vec<(usize, i32, i32)> = Vec::new();
        for t in 0..self.planned.len() {
            let first = self.planned[t].min(self.earliest[t]).min(self.latest[t]);
            let last = self.planned[t].max(self.earliest[t]).max(self.latest[t]) + self.days[t];
            let cal = line.calendar_of(t);
            match extremes.iter_mut().find(|e| e.0 == cal) {
                Some(e) => {
                    e.1 = e.1.min(first);
                    e.2 = e.2.max(last);
                }
                None => extremes.push((cal, first, last)),
            }
        }
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for (cal, first, last) in extremes {
            // A milestone at index k is the close of working day k - 1.
            lo = lo.min(line.day_of_calendar(cal, first - 1));
            hi = hi.max(line.day_of_calendar(cal, last) + 1);
        }
        (lo, hi)
    }
}

/// A forward pass over `order`: each task starts at `floor(t)` or later, as
/// its predecessors allow, except a task for which `kept` gives a span (work
/// done or under way): it keeps that span. With `ENDS`, predecessors are bounded by their own
/// ends (a kept span need not last the task's days) and the exclusive ends
/// are returned too; without, `kept` must return `None`. The forward pass
/// from today and the forecast are both this pass, with other floors.
///
/// `ENDS` is a constant so that the pass without progress, on every plan's
/// hot path, carries no test for it.
pub(crate) fn forward<const ENDS: bool>(
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    days: &[i32],
    floor: impl Fn(TaskIx) -> i32,
    kept: impl Fn(TaskIx) -> Option<(i32, i32)>,
) -> (Vec<i32>, Option<Vec<i32>>) {
    let ends = ENDS;
    let n = days.len();
    let mut start = vec![0i32; n];
    let mut end = if ends { vec![0i32; n] } else { Vec::new() };
    for &t in order {
        let t = t as usize;
        if let Some((s, e)) = kept(t) {
            start[t] = s;
            end[t] = e;
            continue;
        }
        let mut s = floor(t);
        for e in graph.preds(t) {
            let p = e.other as usize;
            let from = if ends && e.kind.from_finish() {
                end[p] - days[p]
            } else {
                start[p]
            };
            s = s.max(line.forward_bound(p, from, t, e.kind, e.lag));
        }
        start[t] = s;
        if ends {
            end[t] = s + days[t];
        }
    }
    (start, ends.then_some(end))
}

/// How late task `t` may end (exclusive index): `bound` (the deadline, the
/// plan's finish, or UNBOUNDED), its `due`, and each successor starting at
/// `succ_start(s)` (UNBOUNDED: no bound from that one). The three backward
/// walks differ only in `bound` and in which start of a successor counts.
pub(crate) fn latest_end(
    checked: &Checked,
    graph: &Graph,
    line: &Timeline,
    t: TaskIx,
    bound: i32,
    succ_start: impl Fn(usize) -> i32,
) -> i32 {
    let mut end = bound;
    if checked.due[t] != NONE {
        end = end.min(line.index_at(t, checked.due[t] + 1));
    }
    for e in graph.succs(t) {
        let s = e.other as usize;
        let start = succ_start(s);
        if start != UNBOUNDED {
            end = end.min(line.backward_bound(t, s, start, e.kind, e.lag));
        }
    }
    end
}

/// Step 5: the latest start of every task over every constraint, given the
/// planned starts (follow-up tasks are bounded by the plan's finish, the end
/// of the last one). With `held`, backward tasks that are not fixed keep
/// those starts (after levelling, the latest a backward task may start is
/// where levelling put it; a follow-up task keeps the bound of what follows
/// it, so that levelling pushing it past a `due` or a fixed date shows).
pub(crate) fn latest_starts(
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    planned: &[i32],
    follow_up: &[bool],
    held: Option<&[i32]>,
) -> Vec<i32> {
    let n = planned.len();
    let finish = (0..n)
        .filter(|&t| follow_up[t])
        .map(|t| line.end_instant(t, planned[t]))
        .max();
    let mut latest = vec![0i32; n];
    for &t in order.iter().rev() {
        let t = t as usize;
        let fixed = checked.fixed[t] != NONE;
        if let Some(held) = held
            && !fixed
            && !follow_up[t]
        {
            latest[t] = held[t];
            continue;
        }
        let bound = match (follow_up[t], finish) {
            (true, Some(finish)) => line.index_at(t, finish),
            _ => line.index_at(t, checked.deadline + 1),
        };
        let end = latest_end(checked, graph, line, t, bound, |s| latest[s]);
        let mut start = end - checked.days[t];
        if fixed {
            start = start.min(checked.fixed_start(line, t));
        }
        latest[t] = start;
    }
    latest
}

/// Steps 1 to 3: the planned start of every task, and how late each
/// follow-up task may start. With `buffered`, each task keeps its buffer
/// and the work before the deadline its ready-by day; without, the dates
/// the plan would have with no buffer at all.
fn planned_dates(
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    follow_up: &[bool],
    is_fixed: &[bool],
    buffered: bool,
) -> (Vec<i32>, Vec<i32>) {
    let n = follow_up.len();
    let days = &checked.days;
    let tail = |t: TaskIx| if buffered { checked.tail_of(t) } else { 0 };
    // Fixed position: a task starts on its date; a milestone is the close of its date.
    let fixed_pos = |t: TaskIx| checked.fixed_start(line, t);
    // The latest end (exclusive index) a day's close allows.
    let close_of = |t: TaskIx, day: DayNumber| line.index_at(t, day + 1);
    // 1. How late each follow-up task may start and still meet the fixed
    //    dates and `due` dates downstream of it (no bound from the plan's
    //    finish here: that depends on step 3). Backward tasks that feed a
    //    follow-up task must respect this, or a fixed date after the deadline
    //    could be broken by a task that merely "adapts".
    let mut planned = vec![0i32; n];
    let mut follow_up_latest = vec![UNBOUNDED; n];
    for &t in order.iter().rev() {
        let t = t as usize;
        if !follow_up[t] {
            continue;
        }
        if is_fixed[t] {
            follow_up_latest[t] = fixed_pos(t);
            continue;
        }
        let end = latest_end(checked, graph, line, t, UNBOUNDED, |s| follow_up_latest[s]);
        if end != UNBOUNDED {
            follow_up_latest[t] = end - tail(t) - days[t];
        }
    }

    // 2. Planned dates of backward tasks, each before the buffer after it.
    let ready = if buffered {
        checked.ready_day(line)
    } else {
        checked.deadline
    };
    for &t in order.iter().rev() {
        let t = t as usize;
        if follow_up[t] {
            continue;
        }
        if is_fixed[t] {
            planned[t] = fixed_pos(t);
            continue;
        }
        let end = latest_end(checked, graph, line, t, close_of(t, ready), |s| {
            if follow_up[s] {
                follow_up_latest[s]
            } else {
                planned[s]
            }
        });
        planned[t] = end - tail(t) - days[t];
    }

    // 3. Planned dates of follow-up tasks.
    for &t in order {
        let t = t as usize;
        if !follow_up[t] {
            continue;
        }
        if is_fixed[t] {
            planned[t] = fixed_pos(t);
            continue;
        }
        planned[t] = graph
            .preds(t)
            .iter()
            .map(|e| {
                let p = e.other as usize;
                let from = if buffered {
                    checked.planned_from(p, e.kind, planned[p])
                } else {
                    planned[p]
                };
                line.forward_bound(p, from, t, e.kind, e.lag)
            })
            .max()
            .unwrap_or_else(|| close_of(t, checked.deadline));
    }

    (planned, follow_up_latest)
}

pub(crate) fn run(
    plan: &Plan,
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    today: DayNumber,
) -> Positions {
    let n = plan.tasks.len();
    let days = &checked.days;
    let is_fixed: Vec<bool> = checked.fixed.iter().map(|&f| f != NONE).collect();
    // Fixed position: a task starts on its date; a milestone is the close of its date.
    let fixed_pos = |t: TaskIx| checked.fixed_start(line, t);

    // Follow-up tasks: anchored on or after the deadline, and all their successors.
    let mut follow_up = vec![false; n];
    for &t in order {
        let t = t as usize;
        if (is_fixed[t] && checked.fixed[t] >= checked.deadline)
            || graph.preds(t).iter().any(|e| follow_up[e.other as usize])
        {
            follow_up[t] = true;
        }
    }

    let (planned, follow_up_latest) =
        planned_dates(checked, graph, order, line, &follow_up, &is_fixed, true);
    // Follow-up tasks' latest dates run to the plan's finish: the finish
    // without buffers, so that buffers before them leave every slack alone.
    let buffered = checked.ready != Ready::AtDeadline || !checked.tail.is_empty();
    let unbuffered = buffered
        .then(|| planned_dates(checked, graph, order, line, &follow_up, &is_fixed, false).0);

    // 4. Earliest dates, forward from today; work already done or under
    //    way stays where it is.
    let recorded = crate::schedule::actuals::actuals(plan, line, &planned, days, today);
    let tracked = recorded.is_some();
    let floor = |t: TaskIx| {
        let mut start = line.index_at(t, today);
        if is_fixed[t] {
            start = start.max(fixed_pos(t));
        }
        if tracked {
            let slip = crate::schedule::actuals::slip(plan, t);
            if slip > 0 {
                start = start.max(planned[t] + slip);
            }
        }
        start
    };
    let (earliest, actual) = match recorded {
        None => (
            forward::<false>(graph, order, line, days, floor, |_| None).0,
            None,
        ),
        Some(recorded) => {
            let (earliest, end) =
                forward::<true>(graph, order, line, days, floor, |t| recorded.spans[t]);
            let actual = Actual {
                end: end.unwrap_or_default(),
                started: recorded.spans.iter().map(Option::is_some).collect(),
                closed: recorded.closed,
            };
            (earliest, Some(actual))
        }
    };

    // 5. Latest dates, backward over every constraint.
    let finish_from = unbuffered.as_deref().unwrap_or(&planned);
    let latest = latest_starts(checked, graph, order, line, finish_from, &follow_up, None);

    Positions {
        planned,
        follow_up_latest,
        earliest,
        latest,
        follow_up,
        fixed: is_fixed,
        days: days.clone(),
        actual,
    }
}

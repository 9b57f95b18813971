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
//!
//! How it stays fast on plans of a million tasks (BENCHMARKS.md): the plan's
//! tasks are walked once ([`Checked::new`]: checks, owners, calendars and the
//! links, in flat arrays; a large plan in pieces side by side, put together
//! as one walk would have left them); every pass reads predecessors only, the
//! backward ones pushing each task's bound onto its predecessors ([`Ends`]);
//! when every task works on one calendar a link is one difference of starts
//! ([`Graph::offsets`]); without follow-up tasks, steps 2 and 5 share one
//! walk ([`planned_and_latest`]); and without progress, step 4 runs beside
//! them. Each shortcut computes the same numbers as the general rules of
//! `timeline`, and the same on any number of threads.

use crate::calendar::Weekdays;
use crate::day_number::{DayNumber, day_number};
use crate::error::{PlanError, PlanErrors};
use crate::plan::{Plan, ReadyBy, Status, TaskIx};
use crate::schedule::graph::{Edge, Graph, SMALL_SUMS};
use crate::schedule::owners::{NO_OWNER, Owners, Resolver, Resource};
use crate::schedule::timeline::{CalendarKey, Timeline};

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
    /// `2 × Σ days + Σ |lag| + Σ buffers`: how far positions can run from
    /// the dates they start from (for [`Checked::one_calendar_small`]).
    sums: i64,
    pub status: Vec<Status>,
    /// Does any task record progress (a status other than todo, or dates)?
    pub tracked: bool,
    /// The distinct calendars tasks work on, the plan's first.
    pub calendar_keys: Vec<CalendarKey>,
    /// Per task, its calendar's index in `calendar_keys`; empty when every
    /// task works on the plan's calendar.
    pub task_calendar: Vec<u32>,
}

/// The distinct calendars of the plan's tasks, found task by task.
struct Calendars {
    plan_workdays: Weekdays,
    keys: Vec<CalendarKey>,
    /// Per person, the calendar of their tasks that keep the plan's
    /// weekdays and holidays (most tasks), once known.
    of_owner: Vec<u32>,
}

impl Calendars {
    fn new(plan: &Plan) -> Calendars {
        Calendars {
            plan_workdays: plan.calendar.workdays,
            keys: vec![CalendarKey {
                workdays: plan.calendar.workdays,
                with_holidays: true,
                off_of: None,
            }],
            of_owner: Vec::new(),
        }
    }

    /// The calendar of `task`, owned by person `o` (or NO_OWNER).
    fn of(&mut self, task: &crate::plan::Task, o: u32, owner: Option<&Resource>) -> u32 {
        let plain = task.workdays.is_none() && !task.work_on_holidays;
        if plain && o == NO_OWNER {
            return 0;
        }
        if plain && let Some(&c) = self.of_owner.get(o as usize).filter(|&&c| c != NO_OWNER) {
            return c;
        }
        let mut key = CalendarKey {
            workdays: task.workdays.unwrap_or(self.plan_workdays),
            with_holidays: !task.work_on_holidays,
            off_of: None,
        };
        if let Some(person) = owner {
            if let Some(theirs) = person.workdays {
                key.workdays = key.workdays.intersection(theirs);
            }
            if person.has_off {
                key.off_of = Some(o);
            }
        }
        // Few distinct calendars: a linear search beats hashing.
        let c = match self.keys.iter().position(|k| *k == key) {
            Some(i) => i as u32,
            None => {
                self.keys.push(key);
                self.keys.len() as u32 - 1
            }
        };
        if plain {
            let o = o as usize;
            if self.of_owner.len() <= o {
                self.of_owner.resize(o + 1, NO_OWNER);
            }
            self.of_owner[o] = c;
        }
        c
    }
}

/// The first piece's per-task array (empty when it needs none, else as long
/// as the piece) made as long as the plan's `n` tasks, for the other pieces
/// to fill in: itself when the piece is the whole plan.
fn whole<T: Copy + Default>(part: Vec<T>, n: usize) -> Vec<T> {
    if part.is_empty() || part.len() == n {
        part
    } else {
        let mut whole = vec![T::default(); n];
        whole[..part.len()].copy_from_slice(&part);
        whole
    }
}

/// The per-task arrays of [`Checked`] for a run of consecutive tasks.
struct Columns<'a> {
    of_task: &'a mut [u32],
    days: &'a mut [i32],
    fixed: &'a mut [DayNumber],
    due: &'a mut [DayNumber],
    status: &'a mut [Status],
    /// Where each task's links start in its piece's `preds`.
    pred_start: &'a mut [u32],
}

impl<'a> Columns<'a> {
    /// The first `len` tasks' arrays, and the rest's.
    fn split_at(self, len: usize) -> (Columns<'a>, Columns<'a>) {
        let (of_task, of_task_rest) = self.of_task.split_at_mut(len);
        let (days, days_rest) = self.days.split_at_mut(len);
        let (fixed, fixed_rest) = self.fixed.split_at_mut(len);
        let (due, due_rest) = self.due.split_at_mut(len);
        let (status, status_rest) = self.status.split_at_mut(len);
        let (pred_start, pred_start_rest) = self.pred_start.split_at_mut(len);
        (
            Columns {
                of_task,
                days,
                fixed,
                due,
                status,
                pred_start,
            },
            Columns {
                of_task: of_task_rest,
                days: days_rest,
                fixed: fixed_rest,
                due: due_rest,
                status: status_rest,
                pred_start: pred_start_rest,
            },
        )
    }
}

/// What the walk over a run of consecutive tasks found besides their
/// arrays: its people and calendars are numbered as if it were the whole
/// plan, and [`Checked::new`] renumbers them.
struct Piece {
    resolver: Resolver,
    calendars: Calendars,
    /// In task order.
    errors: Vec<PlanError>,
    tracked: bool,
    progress_span: Option<(DayNumber, DayNumber)>,
    /// The piece's buffers, or empty when none of its tasks has one.
    tail: Vec<i32>,
    /// Each of its tasks' calendar (in the piece's numbering), or empty
    /// when all are on the plan's (calendar 0 in every numbering).
    task_calendar: Vec<u32>,
    /// The links of its tasks, one task after the other.
    preds: Vec<Edge>,
    /// [`Graph::set_offsets`]'s differences of its links to earlier tasks,
    /// while their numbers are at hand; a link to an earlier piece has a
    /// place here, filled once the pieces are together.
    offsets: Vec<(u32, i32)>,
    /// Those links: (place in `offsets`, task, link).
    across: Vec<(usize, u32, Edge)>,
    /// Every link points at an earlier task.
    backward: bool,
    sums: i64,
}

impl Piece {
    /// Walks the tasks from `from` on, as many as `columns` has room for,
    /// writing their arrays; `resolver` knows the plan's people.
    fn walk(
        plan: &Plan,
        today: jiff::civil::Date,
        from: usize,
        columns: Columns<'_>,
        mut resolver: Resolver,
    ) -> Piece {
        let n = plan.tasks.len();
        let len = columns.days.len();
        let Columns {
            of_task,
            days,
            fixed,
            due,
            status,
            pred_start,
        } = columns;
        // Each column cut to the piece's length: a task's place in them is
        // then checked once, not once per column.
        let (of_task, days, fixed, due, status, pred_start) = (
            &mut of_task[..len],
            &mut days[..len],
            &mut fixed[..len],
            &mut due[..len],
            &mut status[..len],
            &mut pred_start[..len],
        );
        let mut errors = Vec::new();
        let mut tracked = false;
        let mut progress_span = None;
        // Filled from the first task with a margin on (most plans have none).
        let mut tail: Vec<i32> = Vec::new();
        // About three links per task in large plans. The first piece's
        // links are those of the whole plan once the others are appended:
        // room for all of them (memory not written is never touched), so
        // that appending copies nothing of its own.
        let room = if from == 0 { n } else { len }.saturating_mul(3);
        let mut preds: Vec<Edge> = Vec::with_capacity(room);
        let mut offsets: Vec<(u32, i32)> = Vec::with_capacity(room);
        let mut across = Vec::new();
        let mut calendars = Calendars::new(plan);
        // Allocated at the first task off the plan's calendar (most plans
        // have none): until then every task is on calendar 0.
        let mut task_calendar: Vec<u32> = Vec::new();
        // Every link to an earlier task; 2 × Σ days + Σ |lag| (each term
        // is under 2^31: no overflow in `i64` short of 2^32 tasks and links).
        let mut backward = true;
        let mut sums: i64 = 0;
        let resolve =
            |when: crate::relative::When, t: TaskIx, what: &str, errors: &mut Vec<PlanError>| {
                match when.resolve(plan.deadline) {
                    Some(d) => day_number(d),
                    None => {
                        errors.push(PlanError::DateOutOfRange {
                            task: Some(t),
                            what: format!("the {what} date of task `{}`", plan.tasks[t].id),
                        });
                        NONE
                    }
                }
            };
        for (i, task) in plan.tasks[from..from + len].iter().enumerate() {
            let t = from + i;
            let o = resolver.resolve(task.owner.as_deref());
            of_task[i] = o;
            let owner = (o != NO_OWNER).then(|| &resolver.people[o as usize]);
            status[i] = task.status;
            tracked |= task.status != Status::Todo || task.progress.is_some();
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
            let span = i32::try_from(span)
                .unwrap_or(i32::MAX / 4)
                .min(i32::MAX / 4);
            days[i] = span;
            sums += 2 * i64::from(span);
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
            if task.margin > 0 && task.status != Status::Cancelled {
                if tail.is_empty() {
                    tail = vec![0; len];
                }
                tail[i] = i32::try_from(task.margin)
                    .unwrap_or(i32::MAX / 4)
                    .min(i32::MAX / 4);
                sums += i64::from(tail[i]);
            }
            // A cancelled task is no work and its links pass through it:
            // its own dates bind nothing (a `due` on it would make the plan
            // late for work nobody will do), though a date out of range is
            // still an error of the file.
            let binds = task.status != Status::Cancelled;
            if let Some(on) = task.on {
                let day = resolve(on, t, "fixed", &mut errors);
                if binds {
                    fixed[i] = day;
                }
            }
            if let Some(by) = task.due {
                let day = resolve(by, t, "due", &mut errors);
                if binds {
                    due[i] = day;
                }
            }
            if task.workdays.is_some_and(|w| w.is_empty()) {
                errors.push(PlanError::NoWorkdays {
                    task: Some(t),
                    id: Some(task.id.clone()),
                });
            }
            // A milestone is an instant, not work: it keeps the plan's
            // calendar (or its own `workdays`), not its owner's days. On a
            // part-time owner's week it would be shown at the close of
            // their last working day, before the work it follows ends.
            let c = if task.days() == 0 {
                calendars.of(task, NO_OWNER, None)
            } else {
                calendars.of(task, o, owner)
            };
            if c != 0 && task_calendar.is_empty() {
                task_calendar = vec![0; len];
            }
            if !task_calendar.is_empty() {
                task_calendar[i] = c;
            }
            pred_start[i] = preds.len() as u32;
            for link in &task.after {
                backward &= link.task < t;
                sums += i64::from(link.lag).abs();
                if link.task >= n {
                    errors.push(PlanError::UnknownPredecessor {
                        task: t,
                        id: task.id.clone(),
                        link: link.task,
                    });
                } else {
                    let edge = Edge::of(link);
                    preds.push(edge);
                    // The link's difference, while its numbers are at hand
                    // (a predecessor later in the plan has no days yet).
                    if link.task >= from && link.task < t {
                        offsets.push((edge.other, edge.offset(days[link.task - from], span)));
                    } else if link.task < from {
                        across.push((offsets.len(), t as u32, edge));
                        offsets.push((edge.other, 0));
                    }
                }
            }
        }
        Piece {
            resolver,
            calendars,
            errors,
            tracked,
            progress_span,
            tail,
            task_calendar,
            preds,
            offsets,
            across,
            backward,
            sums,
        }
    }
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
    /// Checks the plan and resolves it, in one walk over its tasks (large
    /// plans are megabytes of tasks: each walk is a trip to memory): the
    /// owners, the per-task arrays of the passes, each task's calendar and
    /// the dependency graph. A large plan is walked in pieces side by side
    /// ([`Piece`]), put together as one walk in plan order would have left
    /// them.
    pub fn new(
        plan: &Plan,
        today: jiff::civil::Date,
    ) -> Result<(Owners, Checked, Graph), PlanErrors> {
        let n = plan.tasks.len();
        let mut errors = Vec::new();
        if plan.calendar.workdays.is_empty() {
            errors.push(PlanError::NoWorkdays {
                task: None,
                id: None,
            });
        }
        let resolver = Resolver::new(plan);
        // Only the plan's own people can have an empty week: owners it does
        // not list work on the plan's calendar.
        for person in &resolver.people {
            if person.workdays.is_some_and(|w| w.is_empty()) {
                errors.push(PlanError::PersonWithoutWorkdays {
                    person: person.id.clone(),
                });
            }
        }
        // Per-task arrays are written by index: a dozen vectors pushed in
        // one loop cost more in lengths and capacities than the work itself.
        let mut of_task = vec![NO_OWNER; n];
        let mut days = vec![0i32; n];
        let mut fixed = vec![NONE; n];
        let mut due = vec![NONE; n];
        let mut status = vec![Status::Todo; n];
        let mut pred_start = vec![0u32; n + 1];
        let pieces = if n >= crate::schedule::SIDE_BY_SIDE_FROM {
            rayon::current_num_threads().clamp(1, 16)
        } else {
            1
        };
        let mut columns = Vec::with_capacity(pieces);
        let mut rest = Columns {
            of_task: &mut of_task,
            days: &mut days,
            fixed: &mut fixed,
            due: &mut due,
            status: &mut status,
            pred_start: &mut pred_start[..n],
        };
        let mut from = 0;
        for i in 1..=pieces {
            let to = n * i / pieces;
            let (piece, after) = rest.split_at(to - from);
            columns.push((from, piece));
            rest = after;
            from = to;
        }
        // The first piece goes on from the plan's people (it is the whole
        // plan when small); the others start from them too, and take their
        // numbers after it below.
        let mut columns = columns.into_iter();
        let (from, first) = columns.next().expect("at least one piece");
        let others: Vec<_> = columns
            .map(|(from, columns)| (from, columns, resolver.clone()))
            .collect();
        let listed = resolver.people.len();
        let walk = |(from, columns, resolver): (usize, Columns<'_>, Resolver)| {
            Piece::walk(plan, today, from, columns, resolver)
        };
        let (first, others): (Piece, Vec<Piece>) = if others.is_empty() {
            (walk((from, first, resolver)), Vec::new())
        } else {
            use rayon::prelude::*;
            rayon::join(
                || walk((from, first, resolver)),
                || others.into_par_iter().map(walk).collect(),
            )
        };

        // The pieces together, in plan order: people and calendars are
        // numbered in order of first appearance, so those first met in a
        // later piece take the next numbers, as in one walk.
        let mut resolver = first.resolver;
        let mut calendar_keys = first.calendars.keys;
        let mut task_calendar = whole(first.task_calendar, n);
        let mut tail = whole(first.tail, n);
        let mut preds = first.preds;
        let mut offsets = first.offsets;
        let mut across = first.across;
        errors.extend(first.errors);
        let (mut tracked, mut backward, mut sums) = (first.tracked, first.backward, first.sums);
        let mut progress_span = first.progress_span;
        for (i, piece) in others.into_iter().enumerate() {
            let (from, to) = (n * (i + 1) / pieces, n * (i + 2) / pieces);
            let people: Vec<u32> = piece.resolver.people[listed..]
                .iter()
                .map(|p| resolver.resolve(Some(&p.id)))
                .collect();
            let person = |o: u32| {
                if o == NO_OWNER || (o as usize) < listed {
                    o
                } else {
                    people[o as usize - listed]
                }
            };
            if !people.is_empty() {
                for o in &mut of_task[from..to] {
                    *o = person(*o);
                }
            }
            let calendars: Vec<u32> = piece
                .calendars
                .keys
                .into_iter()
                .map(|mut key| {
                    key.off_of = key.off_of.map(person);
                    match calendar_keys.iter().position(|k| *k == key) {
                        Some(c) => c as u32,
                        None => {
                            calendar_keys.push(key);
                            calendar_keys.len() as u32 - 1
                        }
                    }
                })
                .collect();
            if !piece.task_calendar.is_empty() {
                if task_calendar.is_empty() {
                    task_calendar = vec![0; n];
                }
                for (c, &local) in task_calendar[from..to].iter_mut().zip(&piece.task_calendar) {
                    *c = calendars[local as usize];
                }
            }
            if !piece.tail.is_empty() {
                if tail.is_empty() {
                    tail = vec![0; n];
                }
                tail[from..to].copy_from_slice(&piece.tail);
            }
            let base = preds.len() as u32;
            for start in &mut pred_start[from..to] {
                *start += base;
            }
            preds.extend_from_slice(&piece.preds);
            let base = offsets.len();
            offsets.extend_from_slice(&piece.offsets);
            across.extend(piece.across.into_iter().map(|(k, t, e)| (base + k, t, e)));
            errors.extend(piece.errors);
            tracked |= piece.tracked;
            backward &= piece.backward;
            sums += piece.sums;
            if let Some((lo, hi)) = piece.progress_span {
                progress_span =
                    Some(progress_span.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
            }
        }
        // Offsets were computed only for links to earlier tasks, those to
        // an earlier piece only now that every task has its days.
        let offsets = if backward {
            for (k, t, e) in across {
                offsets[k] = (e.other, e.offset(days[e.other as usize], days[t as usize]));
            }
            offsets
        } else {
            Vec::new()
        };
        pred_start[n] = preds.len() as u32;
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
        if !errors.is_empty() {
            return Err(PlanErrors(errors));
        }
        let checked = Checked {
            days,
            fixed,
            due,
            deadline: day_number(plan.deadline),
            progress_span,
            tail,
            ready,
            sums,
            status,
            tracked,
            calendar_keys,
            task_calendar,
        };
        let graph = Graph::from_preds(pred_start, preds, backward, offsets);
        Ok((resolver.finish(of_task), checked, graph))
    }

    /// A fixed task's start index: a task starts on its date; a milestone
    /// is the close of its date.
    #[inline]
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

    /// Does the plan have buffers: one before the deadline (`ready_by`,
    /// `buffer`) or after a task?
    pub fn has_buffers(&self) -> bool {
        self.ready != Ready::AtDeadline || !self.tail.is_empty()
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
        self.sums = self.sums.saturating_add(i64::from(days).abs());
    }

    /// Do all tasks work on one calendar, with numbers small enough for
    /// links to be plain differences ([`Graph::set_offsets`])?
    pub fn one_calendar_small(&self) -> bool {
        self.calendar_keys.len() == 1 && self.sums < SMALL_SUMS
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
pub(crate) struct Positions<'a> {
    pub planned: Vec<i32>,
    /// Follow-up tasks: the latest start that meets the fixed and due dates
    /// after them (read only for follow-up tasks: empty when there are none).
    pub follow_up_latest: Vec<i32>,
    /// The same without any buffer, when the plan has buffers and
    /// follow-up tasks (else empty: read it with
    /// [`Positions::follow_up_latest_of`]).
    pub follow_up_latest_unbuffered: Vec<i32>,
    pub earliest: Vec<i32>,
    pub latest: Vec<i32>,
    pub follow_up: Vec<bool>,
    pub fixed: Vec<bool>,
    /// `Checked::days`.
    pub days: &'a [i32],
    /// Work done or under way, when the plan records any progress.
    pub actual: Option<Actual>,
    /// Per task, working days a predecessor's fixed date pushed it later
    /// than its buffers asked ([`after_predecessors`]): its buffer is that
    /// much shorter. Empty when nothing was pushed (most plans).
    pub squeezed: Vec<i32>,
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

impl Positions<'_> {
    /// Exclusive end index of the forward pass.
    #[inline]
    pub fn earliest_end(&self, t: TaskIx) -> i32 {
        match &self.actual {
            Some(a) => a.end[t],
            None => self.earliest[t] + self.days[t],
        }
    }

    #[inline]
    pub fn is_started(&self, t: TaskIx) -> bool {
        self.actual.as_ref().is_some_and(|a| a.started[t])
    }

    #[inline]
    pub fn is_closed(&self, t: TaskIx) -> bool {
        self.actual.as_ref().is_some_and(|a| a.closed[t])
    }
}

impl Positions<'_> {
    /// Follow-up task `t`'s latest start that meets the dates after it,
    /// with the buffers on the way or (`buffered` false) without any.
    #[inline]
    pub fn follow_up_latest_of(&self, t: TaskIx, buffered: bool) -> i32 {
        if buffered || self.follow_up_latest_unbuffered.is_empty() {
            self.follow_up_latest[t]
        } else {
            self.follow_up_latest_unbuffered[t]
        }
    }

    /// The first and last days any position reaches. Conversions are
    /// monotone, so the extreme indices of each calendar are enough; this
    /// also raises the calendars' overflow flag if one is outside the window.
    pub fn reached(&self, line: &Timeline) -> (DayNumber, DayNumber) {
        let n = self.planned.len();
        // Per calendar: (first, last) index of its tasks, if it has any.
        let mut extremes: Vec<Option<(i32, i32)>> = vec![None; line.calendar_count()];
        if line.calendar_count() == 1 {
            // One calendar (most plans): plain minima and maxima, which
            // the compiler vectorises.
            if n > 0 {
                let (mut first, mut last) = (i32::MAX, i32::MIN);
                for t in 0..n {
                    let (p, e, l) = (self.planned[t], self.earliest[t], self.latest[t]);
                    first = first.min(p.min(e).min(l));
                    last = last.max(p.max(e).max(l) + self.days[t]);
                }
                extremes[0] = Some((first, last));
            }
        } else {
            for t in 0..n {
                let first = self.planned[t].min(self.earliest[t]).min(self.latest[t]);
                let last = self.planned[t].max(self.earliest[t]).max(self.latest[t]) + self.days[t];
                let e = &mut extremes[line.calendar_of(t)];
                *e = Some(e.map_or((first, last), |(a, b)| (a.min(first), b.max(last))));
            }
        }
        let (mut lo, mut hi) = (i32::MAX, i32::MIN);
        for (cal, e) in extremes.into_iter().enumerate() {
            let Some((first, last)) = e else { continue };
            // The first and last days of work (`last` is an exclusive end):
            // asking for the days around them would refuse a plan at either
            // end of the years the calendars know. A milestone at the first
            // index, the close of the working day before it, converts that
            // day with the lines, whose overflow is checked too.
            lo = lo.min(line.day_of_calendar(cal, first));
            hi = hi.max(line.day_of_calendar(cal, last - 1) + 1);
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
        match graph.offsets(t) {
            Some(offsets) if !ends => {
                for &(p, offset) in offsets {
                    s = s.max(start[p as usize] + offset);
                }
            }
            _ => {
                for e in graph.preds(t) {
                    let p = e.other as usize;
                    let from = if ends && e.kind.from_finish() {
                        end[p] - days[p]
                    } else {
                        start[p]
                    };
                    s = s.max(line.forward_bound(p, from, t, e.kind, e.lag));
                }
            }
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
    let deadline_close = line.indices_at(checked.deadline + 1);
    let finish_at = finish.map(|finish| line.indices_at(finish));
    let mut latest = vec![0i32; n];
    let mut ends = Ends::new(graph, line, &checked.days);
    for &t in order.iter().rev() {
        let t = t as usize;
        let fixed = checked.fixed[t] != NONE;
        if let Some(held) = held
            && !fixed
            && !follow_up[t]
        {
            latest[t] = held[t];
            ends.push(t, held[t]);
            continue;
        }
        let bound = match (follow_up[t], &finish_at) {
            (true, Some(finish_at)) => line.of_calendar(finish_at, t),
            _ => line.of_calendar(&deadline_close, t),
        };
        let end = own_end(checked, line, t, bound).min(ends.of(t));
        let mut start = end - checked.days[t];
        if fixed {
            start = start.min(checked.fixed_start(line, t));
        }
        latest[t] = start;
        ends.push(t, start);
    }
    latest
}

/// `bound` and task `t`'s own `due`: how late it may end (exclusive
/// index) before its successors are counted.
#[inline]
fn own_end(checked: &Checked, line: &Timeline, t: TaskIx, bound: i32) -> i32 {
    if checked.due[t] != NONE {
        bound.min(line.index_at(t, checked.due[t] + 1))
    } else {
        bound
    }
}

/// The backward walks without a list of successors: once task `s` has its
/// start (`UNBOUNDED`: none, it bounds nothing), the latest end each link
/// into it allows is folded into its predecessor's bound. Walking in
/// reverse topological order, a task's bound is complete when its turn
/// comes, and equal to what [`latest_end`] finds from its successors.
struct Ends<'a> {
    graph: &'a Graph,
    line: &'a Timeline<'a>,
    days: &'a [i32],
    /// With [`Graph::offsets`], the least start of a successor minus the
    /// link's difference (the task's latest start; its end is that plus its
    /// days). Else the latest end itself.
    bound: Vec<i32>,
}

impl<'a> Ends<'a> {
    fn new(graph: &'a Graph, line: &'a Timeline<'a>, days: &'a [i32]) -> Ends<'a> {
        Ends {
            graph,
            line,
            days,
            bound: vec![UNBOUNDED; days.len()],
        }
    }

    /// Task `s` starts at `start`: what that allows its predecessors.
    #[inline(always)]
    fn push(&mut self, s: TaskIx, start: i32) {
        if start == UNBOUNDED {
            return;
        }
        match self.graph.offsets(s) {
            Some(offsets) => {
                for &(p, offset) in offsets {
                    let bound = &mut self.bound[p as usize];
                    *bound = (*bound).min(start - offset);
                }
            }
            None => {
                for e in self.graph.preds(s) {
                    let p = e.other as usize;
                    let bound = &mut self.bound[p];
                    *bound = (*bound).min(self.line.backward_bound(p, s, start, e.kind, e.lag));
                }
            }
        }
    }

    /// The latest end (exclusive index) task `t`'s successors allow.
    #[inline(always)]
    fn of(&self, t: TaskIx) -> i32 {
        let bound = self.bound[t];
        if bound == UNBOUNDED || !self.graph.has_offsets() {
            bound
        } else {
            bound + self.days[t]
        }
    }
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
    // 2. Planned dates of backward tasks, each before the buffer after it.
    // Both in one walk back: a follow-up task's successors are all follow-up
    // tasks (step 1 never waits for step 2), and a backward task's
    // successors have their start of step 1 or 2 by its turn.
    let mut planned = vec![0i32; n];
    let mut follow_up_latest = vec![UNBOUNDED; n];
    let ready = if buffered {
        checked.ready_day(line)
    } else {
        checked.deadline
    };
    let ready_close = line.indices_at(ready + 1);
    let mut ends = Ends::new(graph, line, days);
    for &t in order.iter().rev() {
        let t = t as usize;
        let start = if follow_up[t] {
            if is_fixed[t] {
                follow_up_latest[t] = fixed_pos(t);
            } else {
                let end = own_end(checked, line, t, UNBOUNDED).min(ends.of(t));
                if end != UNBOUNDED {
                    follow_up_latest[t] = end - tail(t) - days[t];
                }
            }
            follow_up_latest[t]
        } else {
            planned[t] = if is_fixed[t] {
                fixed_pos(t)
            } else {
                let bound = line.of_calendar(&ready_close, t);
                own_end(checked, line, t, bound).min(ends.of(t)) - tail(t) - days[t]
            };
            planned[t]
        };
        ends.push(t, start);
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

/// Steps 2 and 5 in one walk back, for plans without follow-up tasks: the
/// planned start of every task (before its buffer and the ready-by day),
/// and its latest start over every constraint. The same as
/// [`planned_dates`] then [`latest_starts`], with each link read once.
fn planned_and_latest(
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    is_fixed: &[bool],
) -> (Vec<i32>, Vec<i32>) {
    let n = is_fixed.len();
    // Every per-task array cut to `n`: a task's index is then checked
    // against `n` once, not once per array.
    let (days, due_days, is_fixed) = (&checked.days[..n], &checked.due[..n], &is_fixed[..n]);
    let ready_close = line.indices_at(checked.ready_day(line) + 1);
    let deadline_close = line.indices_at(checked.deadline + 1);
    let mut planned = vec![0i32; n];
    let mut latest = vec![0i32; n];
    // Per task, what its successors allow: (planned, latest), as in `Ends`.
    let mut ends = vec![(UNBOUNDED, UNBOUNDED); n];
    let (planned_n, latest_n, ends_n) = (&mut planned[..n], &mut latest[..n], &mut ends[..n]);
    let offsets = graph.has_offsets();
    for &t in order.iter().rev() {
        let t = t as usize;
        let due = if due_days[t] != NONE {
            line.index_at(t, due_days[t] + 1)
        } else {
            UNBOUNDED
        };
        let (mut from_planned, mut from_latest) = ends_n[t];
        if offsets {
            if from_planned != UNBOUNDED {
                from_planned += days[t];
            }
            if from_latest != UNBOUNDED {
                from_latest += days[t];
            }
        }
        let fixed = is_fixed[t].then(|| checked.fixed_start(line, t));
        let p = match fixed {
            Some(start) => start,
            None => {
                line.of_calendar(&ready_close, t).min(due).min(from_planned)
                    - checked.tail_of(t)
                    - days[t]
            }
        };
        let mut l = line
            .of_calendar(&deadline_close, t)
            .min(due)
            .min(from_latest)
            - days[t];
        if let Some(start) = fixed {
            l = l.min(start);
        }
        planned_n[t] = p;
        latest_n[t] = l;
        match graph.offsets(t) {
            Some(links) => {
                for &(q, offset) in links {
                    let bound = &mut ends_n[q as usize];
                    if p != UNBOUNDED {
                        bound.0 = bound.0.min(p - offset);
                    }
                    if l != UNBOUNDED {
                        bound.1 = bound.1.min(l - offset);
                    }
                }
            }
            None => {
                for e in graph.preds(t) {
                    let q = e.other as usize;
                    let bound = &mut ends_n[q];
                    if p != UNBOUNDED {
                        bound.0 = bound.0.min(line.backward_bound(q, t, p, e.kind, e.lag));
                    }
                    if l != UNBOUNDED {
                        bound.1 = bound.1.min(line.backward_bound(q, t, l, e.kind, e.lag));
                    }
                }
            }
        }
    }
    (planned, latest)
}

/// Buffers move planned dates earlier (docs/margins.md), never so early
/// that a task starts before its predecessors allow: where a predecessor's
/// fixed date leaves less room than a buffer asks, the task starts where
/// its predecessors let it (never later than without buffers, `unbuffered`)
/// and its buffer is shorter by as much. Returns those working days per
/// task, or an empty vector when no task moved.
fn after_predecessors(
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    is_fixed: &[bool],
    unbuffered: &[i32],
    planned: &mut [i32],
) -> Vec<i32> {
    let mut squeezed = Vec::new();
    for &t in order {
        let t = t as usize;
        if is_fixed[t] {
            continue;
        }
        let mut s = planned[t];
        for e in graph.preds(t) {
            let p = e.other as usize;
            s = s.max(line.forward_bound(p, planned[p], t, e.kind, e.lag));
        }
        let s = s.min(unbuffered[t].max(planned[t]));
        if s > planned[t] {
            if squeezed.is_empty() {
                squeezed = vec![0; planned.len()];
            }
            squeezed[t] = s - planned[t];
            planned[t] = s;
        }
    }
    squeezed
}

/// Step 4 for a plan that records no progress: forward from today (a
/// fixed task from its date at the earliest).
fn earliest_from(
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    today: DayNumber,
    is_fixed: &[bool],
) -> Vec<i32> {
    let now = line.indices_at(today);
    let floor = |t: TaskIx| floor(checked, line, &now, is_fixed, t);
    forward::<false>(graph, order, line, &checked.days, floor, |_| None).0
}

/// Where a task can start at the earliest before its links: the first
/// working day on or after today, and a fixed task's date.
#[inline]
fn floor(checked: &Checked, line: &Timeline, now: &[i32], is_fixed: &[bool], t: TaskIx) -> i32 {
    let start = line.of_calendar(now, t);
    if is_fixed[t] {
        start.max(checked.fixed_start(line, t))
    } else {
        start
    }
}

/// Step 4 for a plan that may record progress: forward from today, work
/// done or under way where its progress and its `planned` start put it
/// (levelling calls it again with the levelled starts).
#[allow(clippy::too_many_arguments)]
pub(crate) fn earliest_tracked(
    plan: &Plan,
    checked: &Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    today: DayNumber,
    planned: &[i32],
    is_fixed: &[bool],
) -> (Vec<i32>, Option<Actual>) {
    let days = &checked.days;
    let recorded =
        crate::schedule::actuals::actuals(plan, checked.tracked, line, planned, days, today);
    let Some(recorded) = recorded else {
        return (
            earliest_from(checked, graph, order, line, today, is_fixed),
            None,
        );
    };
    let now = line.indices_at(today);
    // What-if slips push work not started yet.
    let floor = |t: TaskIx| {
        let slip = crate::schedule::actuals::slip(plan, t);
        let floor = floor(checked, line, &now, is_fixed, t);
        if slip > 0 {
            floor.max(planned[t] + slip)
        } else {
            floor
        }
    };
    let (earliest, end) = forward::<true>(graph, order, line, days, floor, |t| recorded.spans[t]);
    let actual = Actual {
        end: end.unwrap_or_default(),
        started: recorded.spans.iter().map(Option::is_some).collect(),
        closed: recorded.closed,
    };
    (earliest, Some(actual))
}

pub(crate) fn run<'a>(
    plan: &Plan,
    checked: &'a Checked,
    graph: &Graph,
    order: &[u32],
    line: &Timeline,
    today: DayNumber,
) -> Positions<'a> {
    let n = plan.tasks.len();
    let days = &checked.days;
    let is_fixed: Vec<bool> = checked.fixed.iter().map(|&f| f != NONE).collect();
    // Follow-up tasks: anchored on or after the deadline, and all their
    // successors (none without such an anchor, as in most plans).
    let mut follow_up = vec![false; n];
    if (0..n).any(|t| checked.fixed[t] != NONE && checked.fixed[t] >= checked.deadline) {
        for &t in order {
            let t = t as usize;
            if (is_fixed[t] && checked.fixed[t] >= checked.deadline)
                || graph.preds(t).iter().any(|e| follow_up[e.other as usize])
            {
                follow_up[t] = true;
            }
        }
    }

    // Without follow-up tasks the latest dates (step 5) do not depend on the
    // planned ones (the plan's finish bounds follow-up tasks only): both
    // come from one walk back over the links.
    let any_follow_up = follow_up.contains(&true);
    // Follow-up tasks' latest dates run to the plan's finish: the finish
    // without buffers, so that buffers before them leave every slack alone.
    let buffered = checked.has_buffers();
    let planned_passes = || {
        let (planned, follow_up_latest, both_latest) = if any_follow_up {
            let (planned, follow_up_latest) =
                planned_dates(checked, graph, order, line, &follow_up, &is_fixed, true);
            (planned, follow_up_latest, None)
        } else {
            let (planned, latest) = planned_and_latest(checked, graph, order, line, &is_fixed);
            (planned, Vec::new(), Some(latest))
        };
        let unbuffered = (buffered && any_follow_up)
            .then(|| planned_dates(checked, graph, order, line, &follow_up, &is_fixed, false));
        (planned, follow_up_latest, both_latest, unbuffered)
    };

    // 4. Earliest dates, forward from today; work already done or under
    //    way stays where it is.
    // A plan that records no progress has its earliest dates from today
    // alone, not from the planned ones: on a large plan the forward pass
    // runs beside the backward ones.
    let ((planned, follow_up_latest, both_latest, unbuffered), untracked_earliest) =
        if checked.tracked {
            (planned_passes(), None)
        } else {
            let (planned, earliest) = crate::schedule::both(
                n >= crate::schedule::SIDE_BY_SIDE_FROM,
                planned_passes,
                || earliest_from(checked, graph, order, line, today, &is_fixed),
            );
            (planned, Some(earliest))
        };
    // Buffers plan work earlier than its constraints need; a predecessor's
    // fixed date can leave less room than a buffer asks.
    let mut planned = planned;
    let squeezed = if buffered {
        let unbuffered_planned = match &unbuffered {
            Some((u, _)) => std::borrow::Cow::Borrowed(u),
            None => std::borrow::Cow::Owned(
                planned_dates(checked, graph, order, line, &follow_up, &is_fixed, false).0,
            ),
        };
        after_predecessors(
            graph,
            order,
            line,
            &is_fixed,
            &unbuffered_planned,
            &mut planned,
        )
    } else {
        Vec::new()
    };
    let (earliest, actual) = match untracked_earliest {
        Some(earliest) => (earliest, None),
        None => earliest_tracked(
            plan, checked, graph, order, line, today, &planned, &is_fixed,
        ),
    };

    // 5. Latest dates, backward over every constraint.
    let latest = both_latest.unwrap_or_else(|| {
        let finish_from = unbuffered.as_ref().map_or(&planned, |(u, _)| u);
        latest_starts(checked, graph, order, line, finish_from, &follow_up, None)
    });

    Positions {
        planned,
        follow_up_latest,
        follow_up_latest_unbuffered: unbuffered.map(|(_, u)| u).unwrap_or_default(),
        earliest,
        latest,
        follow_up,
        fixed: is_fixed,
        days,
        actual,
        squeezed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Link, LinkKind, Progress, Task};
    use crate::relative::When;
    use jiff::ToSpan;
    use jiff::civil::{Date, date};

    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n.max(1)
        }

        fn range(&mut self, lo: i64, hi: i64) -> i64 {
            lo + self.below((hi - lo + 1) as u64) as i64
        }
    }

    /// A plan on the plan's calendar alone (so its links can be
    /// differences), with every kind of link and lag, milestones, fixed
    /// and due dates (some after the deadline: follow-up tasks), buffers,
    /// progress, and tasks listed out of dependency order.
    fn random_plan(seed: u64) -> (Plan, Date) {
        let mut r = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let deadline = date(2026, 3, 2)
            .checked_add(r.range(0, 300).days())
            .unwrap();
        let today = deadline.checked_sub(r.range(-10, 200).days()).unwrap();
        let at = |r: &mut Rng, lo, hi| deadline.checked_add(r.range(lo, hi).days()).unwrap();
        let n = r.range(1, 40) as usize;
        // Task i of the draw is task place[i] of the plan.
        let mut place: Vec<usize> = (0..n).collect();
        if r.below(2) == 0 {
            for i in (1..n).rev() {
                place.swap(i, r.below(i as u64 + 1) as usize);
            }
        }
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| Task::new(format!("t{i}"), "T", r.below(6) as u32))
            .collect();
        let tracked = r.below(3) == 0;
        for i in 0..n {
            let task = &mut tasks[place[i]];
            for _ in 0..r.below(4).min(i as u64) {
                let kind = [
                    LinkKind::FinishToStart,
                    LinkKind::StartToStart,
                    LinkKind::FinishToFinish,
                    LinkKind::StartToFinish,
                ][r.below(4) as usize];
                task.after.push(Link {
                    task: place[r.below(i as u64) as usize],
                    kind,
                    lag: r.range(-3, 5) as i32,
                });
            }
            if r.below(8) == 0 {
                task.duration = crate::plan::Duration::Days(0);
                task.on = Some(When::Date(at(&mut r, -60, 20)));
            }
            if r.below(8) == 0 {
                task.due = Some(When::Date(at(&mut r, -60, 10)));
            }
            if r.below(10) == 0 {
                task.margin = r.range(1, 3) as u32;
            }
            if tracked && r.below(3) == 0 {
                task.status = Status::ALL[r.below(6) as usize];
                if task.status != Status::Todo && r.below(2) == 0 {
                    task.progress = Some(Box::new(Progress {
                        started: Some(today.checked_sub(r.range(0, 20).days()).unwrap()),
                        slip: r.below(3) as u32,
                        ..Progress::default()
                    }));
                }
            }
        }
        let mut plan = Plan::new("p", deadline);
        plan.tasks = tasks;
        if r.below(4) == 0 {
            plan.margins.ready = Some(ReadyBy::Days(r.range(0, 4) as u32));
        }
        (plan, today)
    }

    /// The passes' positions, with links as differences or by the general
    /// rules; `None` for a plan that does not schedule.
    #[allow(clippy::type_complexity)]
    fn positions(
        plan: &Plan,
        today: Date,
        offsets: bool,
    ) -> Option<(Vec<i32>, Vec<i32>, Vec<i32>, Vec<i32>)> {
        let (owners, checked, mut graph) = Checked::new(plan, today).ok()?;
        if offsets {
            assert!(checked.one_calendar_small());
            graph.set_offsets(&checked.days);
        } else {
            graph.clear_offsets();
        }
        let order = graph.topological_order().ok()?;
        let today = day_number(today);
        let (lo, hi) = checked.date_span(today);
        let line = Timeline::new(plan, &checked, &owners, lo - 3000, hi + 3000);
        let pos = run(plan, &checked, &graph, &order, &line, today);
        let fixed: Vec<bool> = checked.fixed.iter().map(|&f| f != NONE).collect();
        if !pos.follow_up.contains(&true) {
            // The one walk back of steps 2 and 5 gives their two walks.
            let planned_of = |buffered| {
                planned_dates(
                    &checked,
                    &graph,
                    &order,
                    &line,
                    &pos.follow_up,
                    &fixed,
                    buffered,
                )
                .0
            };
            let mut planned = planned_of(true);
            if checked.has_buffers() {
                let unbuffered = planned_of(false);
                after_predecessors(&graph, &order, &line, &fixed, &unbuffered, &mut planned);
            }
            let latest = latest_starts(
                &checked,
                &graph,
                &order,
                &line,
                &planned,
                &pos.follow_up,
                None,
            );
            assert_eq!((&planned, &latest), (&pos.planned, &pos.latest));
        }
        Some((pos.planned, pos.follow_up_latest, pos.earliest, pos.latest))
    }

    #[test]
    fn links_as_differences_give_the_positions_of_the_general_rules() {
        let mut scheduled = 0;
        for seed in 0..600 {
            let (plan, today) = random_plan(seed);
            let fast = positions(&plan, today, true);
            scheduled += usize::from(fast.is_some());
            assert_eq!(fast, positions(&plan, today, false), "seed {seed}");
        }
        assert!(scheduled > 300, "{scheduled} plans scheduled");
    }
}

//! The plan and its schedule compiled into flat arrays for the runs: tasks
//! in topological order, links per task, duration laws, floors, fixed
//! positions, kept spans and bounds, all on the plan calendar's axis.
//!
//! Everything a run reads is here, indexed by position in the order, so a
//! run walks arrays front to back (forward) and back to front (backward)
//! and touches no date, no map and no allocation.

use std::collections::VecDeque;

use jiff::civil::Date;

use crate::day_number::{DayNumber, day_number};
use crate::plan::{Duration, Plan, Status, Task};
use crate::risk::axis::Axis;
use crate::risk::law::{Drawn, Law};
use crate::risk::resources;
use crate::schedule::{Direction, Schedule, TaskSchedule};

/// Work done or under way: it keeps its forecast span in every run.
pub(super) const STARTED: u8 = 1;
/// Not done nor cancelled: its slack counts for the verdict and criticality.
pub(super) const OPEN: u8 = 2;
/// Its end counts for the plan's finish.
pub(super) const FINISH: u8 = 4;
/// Its latest start counts for the start the plan needs.
pub(super) const NEEDED: u8 = 8;
/// Open, planned back from the deadline and not fixed: its slack is the
/// margin people control (the schedule's `margin`).
pub(super) const MARGIN: u8 = 16;

#[derive(Clone, Copy, Debug)]
pub(super) struct Edge {
    /// Position of the task at the other end.
    pub other: u32,
    pub from_finish: bool,
    pub to_finish: bool,
    /// Plan working days.
    pub lag: f64,
}

pub(super) struct Network {
    /// The plan index of the task at each position.
    pub task_of: Vec<u32>,
    pred_start: Vec<u32>,
    preds: Vec<Edge>,
    succ_start: Vec<u32>,
    succs: Vec<Edge>,
    /// Each task's duration when nothing is drawn for it.
    pub base: Vec<f64>,
    /// The tasks whose duration is drawn, by position, in order.
    pub drawn: Vec<(u32, Drawn)>,
    /// No earlier start than this (today, a fixed date, a what-if slip).
    pub floor: Vec<f64>,
    /// The span of started work (start, end).
    pub kept: Vec<(f64, f64)>,
    /// A fixed task starts no later than its date; +inf for others.
    pub fixed: Vec<f64>,
    /// The latest end that the deadline and `due` allow; +inf for none.
    pub bound: Vec<f64>,
    pub flags: Vec<u8>,
    /// The first working day on or after today.
    pub work_start: f64,
    /// The close of the deadline.
    pub deadline_close: f64,
    /// People levelling could not chain (their chain made a cycle).
    pub unchained: Vec<String>,
}

impl Network {
    #[inline]
    pub fn len(&self) -> usize {
        self.task_of.len()
    }

    #[inline]
    pub fn preds(&self, i: usize) -> &[Edge] {
        &self.preds[self.pred_start[i] as usize..self.pred_start[i + 1] as usize]
    }

    #[inline]
    pub fn succs(&self, i: usize) -> &[Edge] {
        &self.succs[self.succ_start[i] as usize..self.succ_start[i + 1] as usize]
    }

    /// Does any task count for the start the plan needs?
    pub fn needs_start(&self) -> bool {
        self.flags.iter().any(|f| f & NEEDED != 0)
    }
}

/// Has work on the task begun? As the schedule reads progress
/// (docs/progress.md): done, under way, or blocked after it started.
pub(super) fn is_started(task: &Task) -> bool {
    task.status.is_started()
        || (task.status == Status::Blocked
            && task.progress.as_ref().is_some_and(|p| p.started.is_some()))
}

/// A topological order of `n` tasks under `links` (predecessor, successor),
/// ties in plan order; `None` on a cycle.
pub(super) fn topological_order(n: usize, links: &[(u32, u32)]) -> Option<Vec<u32>> {
    let (start, succs) = adjacency(n, links.iter().map(|&(p, s)| (p, s)));
    let mut in_degree = vec![0u32; n];
    for &(_, s) in links {
        in_degree[s as usize] += 1;
    }
    let mut queue: VecDeque<u32> = (0..n as u32)
        .filter(|&t| in_degree[t as usize] == 0)
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(t) = queue.pop_front() {
        order.push(t);
        for &s in &succs[start[t as usize] as usize..start[t as usize + 1] as usize] {
            let d = &mut in_degree[s as usize];
            *d -= 1;
            if *d == 0 {
                queue.push_back(s);
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// Compressed adjacency of `pairs` (from, to): offsets per `from`, then
/// the `to`s, in the order given.
fn adjacency<T: Copy>(
    n: usize,
    pairs: impl Iterator<Item = (u32, T)> + Clone,
) -> (Vec<u32>, Vec<T>) {
    let mut start = vec![0u32; n + 1];
    for (from, _) in pairs.clone() {
        start[from as usize + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut out: Vec<Option<T>> = vec![None; start[n] as usize];
    for (from, to) in pairs {
        let slot = &mut fill[from as usize];
        out[*slot as usize] = Some(to);
        *slot += 1;
    }
    (start, out.into_iter().flatten().collect())
}

/// One link of the plan or of levelling, in plan indices.
#[derive(Clone, Copy)]
struct PlanLink {
    pred: u32,
    succ: u32,
    from_finish: bool,
    to_finish: bool,
    lag: i32,
}

/// Where tasks off the plan calendar (an owner's time off or part-time
/// week, their own `workdays`) meet their links and today, as instants
/// (day numbers: the start of that day) that the axis then numbers. The
/// schedule counts a lag in the successor's calendar and starts a task on
/// one of its own working days; the axis counts plan working days. Each
/// such link is measured on the schedule's own dates (forward at the
/// earliest ones, backward at the latest), so that a week off inside a lag
/// or before a start weighs in the runs as in the schedule.
struct OwnCalendars {
    /// Per link: `None` on the plan calendar (the lag as written is exact),
    /// else the forward pair (predecessor's instant, successor's) and the
    /// backward pair.
    links: Vec<Option<[(DayNumber, DayNumber); 2]>>,
    /// Per plan task: its first working day on or after today when its
    /// calendar is not the plan's (the start of its instant).
    first_day: Vec<Option<DayNumber>>,
}

impl OwnCalendars {
    fn of(
        plan: &Plan,
        schedule: &Schedule,
        today: Date,
        links: &[PlanLink],
    ) -> Option<OwnCalendars> {
        let (lo, hi) = date_span(plan, schedule, today);
        crate::schedule::with_task_calendars(plan, today, lo, hi, |line| {
            let own = |t: usize| line.calendar_of(t) != 0;
            if !(0..plan.tasks.len()).any(own) {
                return None;
            }
            let today = day_number(today);
            let first_day = (0..plan.tasks.len())
                .map(|t| own(t).then(|| line.start_instant(t, line.index_at(t, today))))
                .collect();
            let links = links
                .iter()
                .map(|l| {
                    let (p, s) = (l.pred as usize, l.succ as usize);
                    (own(p) || own(s)).then(|| {
                        let (tp, ts) = (&schedule.tasks[p], &schedule.tasks[s]);
                        let (dp, ds) = (line.span(p), line.span(s));
                        // The instant a date pair names at a task's start or end.
                        let start =
                            |ts: &TaskSchedule, d: Date| day_number(d) + i32::from(ts.milestone);
                        let end = |d: Date| day_number(d) + 1;
                        // Forward: from the predecessor's earliest dates,
                        // the lag counted in the successor's calendar.
                        let from = if l.from_finish {
                            end(tp.earliest_end)
                        } else {
                            start(tp, tp.earliest_start)
                        };
                        let k = line.index_at(s, from).saturating_add(l.lag);
                        let to = if l.to_finish {
                            line.end_instant(s, k - ds)
                        } else {
                            line.start_instant(s, k)
                        };
                        // Backward: from the successor's latest dates, back
                        // to where the predecessor must end (or start).
                        let anchor = if l.to_finish {
                            end(ts.latest_end)
                        } else {
                            start(ts, ts.latest_start)
                        };
                        let boundary =
                            line.day_of(s, line.index_at(s, anchor).saturating_sub(l.lag));
                        let latest_end = if l.from_finish || dp == 0 {
                            line.index_at(p, boundary)
                        } else {
                            line.index_at(p, boundary + 1) - 1 + dp
                        };
                        let back = if l.from_finish {
                            line.end_instant(p, latest_end - dp)
                        } else {
                            line.start_instant(p, latest_end - dp)
                        };
                        [(from, to), (back, anchor)]
                    })
                })
                .collect();
            Some(OwnCalendars { links, first_day })
        })
        .ok()
        .flatten()
    }
}

/// Compiles `plan` and its `schedule` (from `today`) into a network, and
/// the axis its positions live on.
pub(super) fn compile(plan: &Plan, schedule: &Schedule, today: Date) -> (Network, Axis) {
    let n = plan.tasks.len();
    let mut links: Vec<PlanLink> = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        for link in &task.after {
            links.push(PlanLink {
                pred: link.task as u32,
                succ: t as u32,
                from_finish: link.kind.from_finish(),
                to_finish: link.kind.to_finish(),
                lag: link.lag,
            });
        }
    }
    let mut unchained = Vec::new();
    if plan.level {
        let pairs: Vec<(u32, u32)> = links.iter().map(|l| (l.pred, l.succ)).collect();
        let chains = resources::chains(plan, schedule, &pairs);
        links.extend(chains.links.into_iter().map(|(pred, succ)| PlanLink {
            pred,
            succ,
            from_finish: true,
            to_finish: false,
            lag: 0,
        }));
        unchained = chains.unchained;
    }
    let pairs: Vec<(u32, u32)> = links.iter().map(|l| (l.pred, l.succ)).collect();
    let order = topological_order(n, &pairs)
        .expect("acyclic: the schedule checked the plan's links, `chains` the levelling ones");
    let mut position = vec![0u32; n];
    for (i, &t) in order.iter().enumerate() {
        position[t as usize] = i as u32;
    }
    let own = OwnCalendars::of(plan, schedule, today, &links);

    let (lo, hi) = date_span(plan, schedule, today);
    let mut margin = window_margin(plan);
    loop {
        let axis = Axis::new(&plan.calendar, lo, hi, margin);
        // Each link's lag on the axis, forward and backward.
        let lags: Vec<(f64, f64)> = links
            .iter()
            .enumerate()
            .map(|(i, l)| match own.as_ref().and_then(|o| o.links[i]) {
                None => (f64::from(l.lag), f64::from(l.lag)),
                Some(pairs) => {
                    let [forward, backward] =
                        pairs.map(|(a, b)| f64::from(axis.start_of_day(b) - axis.start_of_day(a)));
                    (forward, backward)
                }
            })
            .collect();
        let edge = |l: &PlanLink, other: u32, lag: f64| Edge {
            other,
            from_finish: l.from_finish,
            to_finish: l.to_finish,
            lag,
        };
        let (pred_start, preds) = adjacency(
            n,
            links.iter().zip(&lags).map(|(l, &(forward, _))| {
                (
                    position[l.succ as usize],
                    edge(l, position[l.pred as usize], forward),
                )
            }),
        );
        let (succ_start, succs) = adjacency(
            n,
            links.iter().zip(&lags).map(|(l, &(_, backward))| {
                (
                    position[l.pred as usize],
                    edge(l, position[l.succ as usize], backward),
                )
            }),
        );
        let first_day = own.as_ref().map(|o| o.first_day.as_slice());
        let tasks = Tasks::compile(plan, schedule, today, &axis, &order, first_day);
        if !axis.overflowed() || margin > 3_000_000 {
            let network = Network {
                task_of: order,
                pred_start,
                preds,
                succ_start,
                succs,
                base: tasks.base,
                drawn: tasks.drawn,
                floor: tasks.floor,
                kept: tasks.kept,
                fixed: tasks.fixed,
                bound: tasks.bound,
                flags: tasks.flags,
                work_start: tasks.work_start,
                deadline_close: tasks.deadline_close,
                unchained,
            };
            return (network, axis);
        }
        margin *= 2;
    }
}

/// The per-task arrays of a [`Network`], in order.
struct Tasks {
    base: Vec<f64>,
    drawn: Vec<(u32, Drawn)>,
    floor: Vec<f64>,
    kept: Vec<(f64, f64)>,
    fixed: Vec<f64>,
    bound: Vec<f64>,
    flags: Vec<u8>,
    work_start: f64,
    deadline_close: f64,
}

impl Tasks {
    fn compile(
        plan: &Plan,
        schedule: &Schedule,
        today: Date,
        axis: &Axis,
        order: &[u32],
        first_day: Option<&[Option<DayNumber>]>,
    ) -> Tasks {
        let n = order.len();
        let work_start = axis.start_of(today);
        let deadline_close = f64::from(axis.close_of(plan.deadline));
        let mut out = Tasks {
            base: Vec::with_capacity(n),
            drawn: Vec::new(),
            floor: Vec::with_capacity(n),
            kept: Vec::with_capacity(n),
            fixed: Vec::with_capacity(n),
            bound: Vec::with_capacity(n),
            flags: Vec::with_capacity(n),
            work_start: f64::from(work_start),
            deadline_close,
        };
        let counts = |t: usize| plan.tasks[t].status != Status::Cancelled;
        let backward = |t: usize| schedule.tasks[t].direction == Direction::Backward;
        // The finish is the end of the work before the deadline; of all the
        // work when there is none; cancelled tasks are no work.
        let finish_of_all = !(0..n).any(|t| backward(t) && counts(t));
        for (i, &t) in order.iter().enumerate() {
            let t = t as usize;
            let (task, ts) = (&plan.tasks[t], &schedule.tasks[t]);
            // A task of no days is an instant: the close of its day.
            let point = ts.days == 0;
            let at = |d: Date| {
                if point {
                    axis.close_of(d)
                } else {
                    axis.start_of(d)
                }
            };
            let planned = if point {
                0
            } else {
                (axis.close_of(ts.end) - axis.start_of(ts.start)).max(0)
            };
            let planned = f64::from(planned);
            let started = is_started(task);
            let cancelled = task.status == Status::Cancelled;
            let law = if cancelled {
                Law::Fixed(0.0)
            } else if started {
                // Its latest dates, as the schedule's, are those of its planned days.
                Law::Fixed(planned)
            } else {
                let days = task.days();
                // Plan-calendar days per day of its own calendar, where it
                // is planned: 1 on the plan calendar.
                let scale = if days > 0 {
                    planned / f64::from(days)
                } else {
                    1.0
                };
                Law::of(task.duration, scale, planned)
            };
            match law {
                Law::Fixed(d) => out.base.push(d),
                Law::Drawn(drawn) => {
                    out.base.push(0.0);
                    out.drawn.push((i as u32, drawn));
                }
            }
            // On its own calendar, a task starts on one of its working days.
            let mut floor = match first_day.and_then(|f| f[t]) {
                Some(day) => axis.start_of_day(day),
                None => work_start,
            };
            if ts.fixed {
                floor = floor.max(at(ts.start));
            }
            let slip = task.progress.as_ref().map_or(0, |p| p.slip);
            if slip > 0 && !started {
                let slip = i32::try_from(slip).unwrap_or(i32::MAX / 4);
                floor = floor.max(at(ts.start).saturating_add(slip));
            }
            out.floor.push(f64::from(floor));
            out.kept.push(if started {
                let (s, e) = if point {
                    let c = axis.close_of(ts.forecast_end);
                    (c, c)
                } else {
                    let s = axis.start_of(ts.forecast_start);
                    let mut e = axis.close_of(ts.forecast_end);
                    // Nothing left as of today: done without a finish date,
                    // or under way with no day remaining. It ended before
                    // today at the latest (docs/progress.md), even if it
                    // started today, which its dates cannot say.
                    let progress = task.progress.as_deref();
                    let ended = if task.status == Status::Done {
                        progress.is_none_or(|p| p.finished.is_none())
                    } else {
                        progress.is_some_and(|p| p.remaining == Some(0) && p.slip == 0)
                    };
                    if ended {
                        e = e.min(work_start).max(s);
                    }
                    (s, e)
                };
                (f64::from(s), f64::from(e))
            } else {
                (0.0, 0.0)
            });
            out.fixed.push(if ts.fixed {
                f64::from(at(ts.start))
            } else {
                f64::INFINITY
            });
            let mut bound = if backward(t) {
                deadline_close
            } else {
                f64::INFINITY
            };
            // A cancelled task's `due` binds nothing, as in the schedule.
            if let Some(due) = task
                .due
                .filter(|_| !cancelled)
                .and_then(|w| w.resolve(plan.deadline))
            {
                bound = bound.min(f64::from(axis.close_of(due)));
            }
            out.bound.push(bound);
            let open = !task.status.is_closed();
            let mut flags = 0;
            if started {
                flags |= STARTED;
            }
            if open {
                flags |= OPEN;
            }
            if counts(t) && (finish_of_all || backward(t)) {
                flags |= FINISH;
            }
            if backward(t) && open && !started && !point {
                flags |= NEEDED;
            }
            if backward(t) && open && !ts.fixed {
                flags |= MARGIN;
            }
            out.flags.push(flags);
        }
        out
    }
}

/// The first and last days the schedule names (its dates, today, the
/// deadline and the `due` dates).
fn date_span(plan: &Plan, schedule: &Schedule, today: Date) -> (DayNumber, DayNumber) {
    let mut lo = day_number(today.min(plan.deadline));
    let mut hi = day_number(today.max(plan.deadline));
    let mut see = |d: Date| {
        let d = day_number(d);
        lo = lo.min(d);
        hi = hi.max(d);
    };
    see(schedule.work_starts);
    for ts in &schedule.tasks {
        for d in [
            ts.start,
            ts.end,
            ts.earliest_start,
            ts.earliest_end,
            ts.latest_start,
            ts.latest_end,
            ts.forecast_start,
            ts.forecast_end,
        ] {
            see(d);
        }
    }
    for task in &plan.tasks {
        if let Some(due) = task.due.and_then(|w| w.resolve(plan.deadline)) {
            see(due);
        }
    }
    (lo, hi)
}

/// Calendar days around the schedule's dates: room for every task at its
/// pessimistic duration, end to end, with every lag, up to ten years (the
/// dates of results beyond are converted on a wider calendar, see
/// [`Axis::dates_of`]).
fn window_margin(plan: &Plan) -> i32 {
    let working: f64 = plan
        .tasks
        .iter()
        .map(|t| {
            let most = match t.duration {
                Duration::Days(d) => f64::from(d),
                Duration::Estimate { pessimistic, .. } => pessimistic.max(f64::from(t.days())),
            };
            most + t
                .after
                .iter()
                .map(|l| f64::from(l.lag.unsigned_abs()))
                .sum::<f64>()
        })
        .sum();
    let per_week = f64::from(plan.calendar.workdays.count().max(1));
    let calendar = (working * 7.0 / per_week).min(3650.0);
    400 + calendar as i32
}

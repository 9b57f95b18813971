//! Levelling: no person over capacity on any day (SCHEDULING.md, "People").
//!
//! A serial schedule-generation scheme, run backward like the rest of the
//! rétroplanning. Fixed tasks are booked first (they never move). Then the
//! backward tasks are placed from the deadline back: a task becomes ready
//! once every backward successor is placed, and among ready tasks the one
//! with the least slack (of the schedule without levelling) goes first, then
//! the higher `priority`, then plan order. Each is placed as late as its
//! successors, its `due`, the deadline and its owner's free days allow.
//! Follow-up tasks are then placed forward the same way, each as soon as its
//! predecessors and its owner allow.
//!
//! Why this shape: bookings only grow, so a start that did not fit when a
//! task was placed never fits later. Every task is therefore as late (a
//! follow-up task as early) as the others allow where they finally are,
//! which is SCHEDULING.md's tightness (invariant 5); and the order depends
//! only on the plan, so the result is deterministic (invariant 6). Finding
//! the best order is NP-hard (resource-constrained project scheduling); the
//! priority rule is the classic one, and a test records how often it reaches
//! the latest possible start found by exhaustive search on small plans.
//!
//! Cost: each placement scans the owner's days from its bound down to the
//! slot found, and a conflict on a day skips every start that would cover
//! it, so each day is looked at once per placement: O((V + E) log V + the
//! days scanned).

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::plan::{Plan, TaskIx};
use crate::schedule::bookings::Bookings;
use crate::schedule::graph::Graph;
use crate::schedule::owners::Owners;
use crate::schedule::passes::{Checked, Positions, UNBOUNDED, latest_end};
use crate::schedule::timeline::Timeline;

/// Why levelling moved a task, in the scheduler's indices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cause {
    /// The owner is busy on the day after (backward) or before (follow-up):
    /// `task` holds that slot.
    Held { person: usize, task: TaskIx },
    /// A successor moved earlier, and this task must end before it.
    Successor(TaskIx),
    /// A predecessor of a follow-up task moved.
    Predecessor(TaskIx),
}

pub(crate) struct Levelled {
    pub planned: Vec<i32>,
    /// Per task: why it moved, for the tasks that did.
    pub causes: Vec<Option<Cause>>,
    pub bookings: Bookings,
}

pub(crate) fn level(
    plan: &Plan,
    checked: &Checked,
    graph: &Graph,
    line: &Timeline,
    owners: &Owners,
    pos: &Positions,
    buffered: bool,
) -> Levelled {
    let n = plan.tasks.len();
    // Without `buffered`, the plan as if it had no buffers (the ready-by
    // buffer before the deadline, the margins after tasks): what its
    // latest dates and feasibility are measured on (docs/margins.md).
    let tail = |t: TaskIx| if buffered { checked.tail_of(t) } else { 0 };
    let days = &checked.days;
    let movable = |t: TaskIx| !pos.fixed[t];
    let key = |t: TaskIx| {
        Reverse((
            i64::from(pos.latest[t]) - i64::from(pos.earliest[t]),
            Reverse(plan.tasks[t].priority),
            t,
        ))
    };
    let mut planned = pos.planned.clone();
    let mut causes: Vec<Option<Cause>> = vec![None; n];
    let mut bookings = Bookings::new(owners.people.len(), line, true);
    let book = |bookings: &mut Bookings, t: TaskIx, s: i32| {
        if let Some(o) = owners.owner(t)
            && days[t] > 0
        {
            let rate = owners.people[o].capacity.per_task();
            bookings.book(line, t, o, s, days[t], rate);
        }
    };
    for t in (0..n).filter(|&t| !movable(t)) {
        book(&mut bookings, t, planned[t]);
    }

    // Backward tasks, from the deadline back.
    let mut waiting = vec![0u32; n];
    for t in (0..n).filter(|&t| movable(t) && !pos.follow_up[t]) {
        for e in graph.preds(t) {
            waiting[e.other as usize] += 1;
        }
    }
    let mut ready: BinaryHeap<_> = (0..n)
        .filter(|&t| movable(t) && !pos.follow_up[t] && waiting[t] == 0)
        .map(key)
        .collect();
    let ready_day = if buffered {
        checked.ready_day(line)
    } else {
        checked.deadline
    };
    while let Some(Reverse((_, _, t))) = ready.pop() {
        let bound = line.index_at(t, ready_day + 1);
        let end = latest_end(checked, graph, line, t, bound, |s| {
            if pos.follow_up[s] {
                pos.follow_up_latest_of(s, buffered)
            } else {
                planned[s]
            }
        });
        // The buffer after the task keeps it that much earlier.
        let buffered = end - tail(t);
        let mut s = buffered - days[t];
        if let Some(o) = owners.owner(t) {
            s = room(&bookings, line, owners, t, o, s, days[t], true);
        }
        planned[t] = s;
        book(&mut bookings, t, s);
        if s != pos.planned[t] {
            causes[t] = Some(if s + days[t] < buffered {
                // The start one day later was refused on the day just after
                // this task's end: whoever holds that day is the reason.
                let o = owners.owner(t).unwrap_or(0);
                let day = line.day_of(t, s + days[t]);
                Cause::Held {
                    person: o,
                    task: bookings.holder(o, day).unwrap_or(t),
                }
            } else {
                Cause::Successor(binding_successor(graph, line, pos, &planned, t, end))
            });
        }
        for e in graph.preds(t) {
            let p = e.other as usize;
            if movable(p) && !pos.follow_up[p] {
                waiting[p] -= 1;
                if waiting[p] == 0 {
                    ready.push(key(p));
                }
            }
        }
    }

    // Follow-up tasks, forward from their anchors.
    for t in (0..n).filter(|&t| movable(t) && pos.follow_up[t]) {
        waiting[t] = graph
            .preds(t)
            .iter()
            .filter(|e| movable(e.other as usize) && pos.follow_up[e.other as usize])
            .count() as u32;
    }
    let mut ready: BinaryHeap<_> = (0..n)
        .filter(|&t| movable(t) && pos.follow_up[t] && waiting[t] == 0)
        .map(key)
        .collect();
    while let Some(Reverse((_, _, t))) = ready.pop() {
        let mut binding = None;
        let mut start = i32::MIN;
        for e in graph.preds(t) {
            let p = e.other as usize;
            let from = if buffered {
                checked.planned_from(p, e.kind, planned[p])
            } else {
                planned[p]
            };
            let b = line.forward_bound(p, from, t, e.kind, e.lag);
            if b > start {
                start = b;
                binding = Some(p);
            }
        }
        if binding.is_none() {
            start = line.index_at(t, checked.deadline + 1);
        }
        let mut s = start;
        if let Some(o) = owners.owner(t) {
            s = room(&bookings, line, owners, t, o, s, days[t], false);
        }
        planned[t] = s;
        book(&mut bookings, t, s);
        if s != pos.planned[t] {
            causes[t] = Some(if s > start {
                let o = owners.owner(t).unwrap_or(0);
                let day = line.day_of(t, s - 1);
                Cause::Held {
                    person: o,
                    task: bookings.holder(o, day).unwrap_or(t),
                }
            } else {
                Cause::Predecessor(binding.unwrap_or(t))
            });
        }
        for e in graph.succs(t) {
            let s = e.other as usize;
            if movable(s) {
                waiting[s] -= 1;
                if waiting[s] == 0 {
                    ready.push(key(s));
                }
            }
        }
    }

    Levelled {
        planned,
        causes,
        bookings,
    }
}

/// The latest start `<= s` (backward) or the earliest `>= s` at which
/// person `o` has room for task `t` on each of its `d` days. Days are tried
/// from the end that moves: a refusal on day `k` skips every start covering it.
#[allow(clippy::too_many_arguments)]
fn room(
    bookings: &Bookings,
    line: &Timeline,
    owners: &Owners,
    t: TaskIx,
    o: usize,
    mut s: i32,
    d: i32,
    backward: bool,
) -> i32 {
    let capacity = owners.people[o].capacity;
    let (rate, cap) = (capacity.per_task(), capacity.percent());
    'window: loop {
        for i in 0..d {
            let k = if backward { s + d - 1 - i } else { s + i };
            if !bookings.has_room(o, line.day_of(t, k), rate, cap) {
                s = if backward { k - d } else { k + 1 };
                continue 'window;
            }
        }
        return s;
    }
}

/// The successor whose start gives task `t` its latest end `end`. When `end`
/// comes from the deadline or a `due` date instead, the first successor
/// that moved (the bound could only move because one did).
fn binding_successor(
    graph: &Graph,
    line: &Timeline,
    pos: &Positions,
    planned: &[i32],
    t: TaskIx,
    end: i32,
) -> TaskIx {
    let start_of = |s: usize| {
        if pos.follow_up[s] {
            pos.follow_up_latest[s]
        } else {
            planned[s]
        }
    };
    let mut moved = None;
    for e in graph.succs(t) {
        let s = e.other as usize;
        let start = start_of(s);
        if start == UNBOUNDED {
            continue;
        }
        if planned[s] != pos.planned[s] {
            if line.backward_bound(t, s, start, e.kind, e.lag) == end {
                return s;
            }
            moved.get_or_insert(s);
        }
    }
    moved.unwrap_or(t)
}

/// A person whose tasks levelling had to start before today, in the
/// scheduler's indices: what makes a levelled plan late.
pub(crate) struct ShortfallIx {
    pub person: usize,
    /// Booked without a free day from `today` to `busy_to` (day numbers).
    pub busy_to: crate::day_number::DayNumber,
    /// Work that would have to be done before today, in hundredths of a day.
    pub before_today: u32,
    /// Their tasks that start before today, in plan order.
    pub tasks: Vec<TaskIx>,
}

pub(crate) fn shortfalls(
    owners: &Owners,
    line: &Timeline,
    levelled: &Levelled,
    days: &[i32],
    status: &[crate::plan::Status],
    today: crate::day_number::DayNumber,
    deadline: crate::day_number::DayNumber,
) -> Vec<ShortfallIx> {
    let mut out: Vec<ShortfallIx> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; owners.people.len()];
    for (t, &s) in levelled.planned.iter().enumerate() {
        let Some(o) = owners.owner(t) else { continue };
        // Work done or under way is not work that "would have to be done
        // before today": it was, or is being, done.
        if days[t] == 0
            || status[t].is_started()
            || status[t].is_closed()
            || line.day_of(t, s) >= today
        {
            continue;
        }
        let rate = owners.people[o].capacity.per_task();
        let early = (s..s + days[t])
            .take_while(|&k| line.day_of(t, k) < today)
            .count() as u32;
        let i = *slot[o].get_or_insert_with(|| {
            out.push(ShortfallIx {
                person: o,
                busy_to: today,
                before_today: 0,
                tasks: Vec::new(),
            });
            out.len() - 1
        });
        out[i].before_today += early * rate;
        out[i].tasks.push(t);
    }
    for short in &mut out {
        let o = short.person;
        let t = short.tasks[0];
        let capacity = owners.people[o].capacity;
        let mut day = today;
        short.busy_to = today - 1;
        while day <= deadline {
            if line.is_working(t, day) {
                if levelled
                    .bookings
                    .has_room(o, day, capacity.per_task(), capacity.percent())
                {
                    break;
                }
                short.busy_to = day;
            }
            day += 1;
        }
    }
    out.sort_by_key(|s| s.person);
    out
}

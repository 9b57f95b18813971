//! The dependency graph in flat arrays: predecessors and successors of every
//! task, a topological order, and the cycles when there is no such order.
//!
//! Compressed adjacency (one offsets array, one edges array) keeps the
//! passes cache-friendly on plans of a million tasks. The passes walk
//! predecessors only (a backward pass pushes each task's bound onto its
//! predecessors), so the successors are derived only when something asks
//! for them (levelling, a plan not in topological order, cycles). When
//! every task works on one calendar, each link is also kept as the one
//! difference of starts it imposes ([`Graph::offsets`]).

use std::collections::VecDeque;
use std::sync::OnceLock;

#[cfg(test)]
use crate::plan::Plan;
use crate::plan::{Link, LinkKind, TaskIx};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    /// The task at the other end (predecessor in `preds`, successor in `succs`).
    pub other: u32,
    pub kind: LinkKind,
    pub lag: i32,
}

impl Edge {
    /// The link into a task, pointing at its predecessor.
    #[inline(always)]
    pub fn of(link: &Link) -> Edge {
        Edge {
            other: link.task as u32,
            kind: link.kind,
            lag: link.lag,
        }
    }

    /// Between two tasks of one calendar, a link of `kind` and `lag` from a
    /// predecessor of `from_days` days to a task of `to_days` asks
    /// `start(task) - start(predecessor) >= (from_days if from its finish)
    /// + lag - (to_days if to the task's finish)`: the forward rule of
    /// `Timeline` written out (the backward rule is its converse).
    #[inline]
    pub fn offset(&self, from_days: i32, to_days: i32) -> i32 {
        let from = if self.kind.from_finish() {
            from_days
        } else {
            0
        };
        let to = if self.kind.to_finish() { to_days } else { 0 };
        from + self.lag - to
    }
}

pub(crate) struct Graph {
    pred_start: Vec<u32>,
    preds: Vec<Edge>,
    /// Built on first use.
    succs: OnceLock<Succs>,
    /// Every link points at an earlier task: plan order is a topological
    /// order (most plans are written so).
    backward: bool,
    /// Per link (aligned with `preds`): the predecessor and the least
    /// `start(t) - start(p)` the link imposes, when every task works on one
    /// calendar and no sum of the plan's days and lags comes near `i32`'s
    /// limits (see [`Graph::set_offsets`]). Empty otherwise.
    offsets: Vec<(u32, i32)>,
}

/// Below this, `2 × Σ days + Σ |lag|` keeps every position the passes
/// compute within `i32` with room to spare: no saturating or wrapping
/// operation of the general link rules can then trigger.
pub(crate) const SMALL_SUMS: i64 = 1 << 29;

struct Succs {
    start: Vec<u32>,
    edges: Vec<Edge>,
}

impl Graph {
    /// Builds the graph; links must point at existing tasks (checked before).
    #[cfg(test)]
    pub fn new(plan: &Plan) -> Graph {
        let mut pred_start = Vec::with_capacity(plan.tasks.len() + 1);
        let mut preds = Vec::new();
        for task in &plan.tasks {
            pred_start.push(preds.len() as u32);
            preds.extend(task.after.iter().map(Edge::of));
        }
        pred_start.push(preds.len() as u32);
        let backward = plan
            .tasks
            .iter()
            .enumerate()
            .all(|(t, task)| task.after.iter().all(|l| l.task < t));
        Graph::from_preds(pred_start, preds, backward, Vec::new())
    }

    /// The graph of the predecessors of each task `t`,
    /// `preds[pred_start[t]..pred_start[t + 1]]`. `backward`: every link
    /// points at an earlier task. `offsets`: [`Graph::set_offsets`]'s, if
    /// already at hand (else empty).
    pub fn from_preds(
        pred_start: Vec<u32>,
        preds: Vec<Edge>,
        backward: bool,
        offsets: Vec<(u32, i32)>,
    ) -> Graph {
        Graph {
            pred_start,
            preds,
            succs: OnceLock::new(),
            backward,
            offsets,
        }
    }

    /// Turns each link into one difference ([`Edge::offset`]), for plans
    /// whose tasks all share one calendar, and only when `2 × Σ days +
    /// Σ |lag|` is under [`SMALL_SUMS`] (the caller checks), so that the
    /// general rules' saturating and wrapping arithmetic never triggers and
    /// both forms give the same numbers. Otherwise [`Graph::clear_offsets`].
    /// (Plans in topological order come with them, computed while read.)
    pub fn set_offsets(&mut self, days: &[i32]) {
        if self.offsets.len() == self.preds.len() {
            return;
        }
        let mut offsets = Vec::with_capacity(self.preds.len());
        for t in 0..self.len() {
            for e in self.preds(t) {
                offsets.push((e.other, e.offset(days[e.other as usize], days[t])));
            }
        }
        self.offsets = offsets;
    }

    /// The links are not plain differences: the passes use the rules of
    /// [`crate::schedule::timeline::Timeline`].
    pub fn clear_offsets(&mut self) {
        self.offsets = Vec::new();
    }

    /// Are the links differences ([`Graph::set_offsets`])? (Never for a
    /// plan without links: every pass then takes the general path, which
    /// has nothing to do.)
    #[inline(always)]
    pub fn has_offsets(&self) -> bool {
        !self.offsets.is_empty()
    }

    /// [`Graph::set_offsets`]'s differences for the links into `t`, if set.
    #[inline(always)]
    pub fn offsets(&self, t: TaskIx) -> Option<&[(u32, i32)]> {
        if self.offsets.is_empty() {
            None
        } else {
            Some(&self.offsets[self.pred_start[t] as usize..self.pred_start[t + 1] as usize])
        }
    }

    fn build_succs(&self) -> Succs {
        let n = self.len();
        let mut start = vec![0u32; n + 1];
        for e in &self.preds {
            start[e.other as usize + 1] += 1;
        }
        for t in 0..n {
            start[t + 1] += start[t];
        }
        let mut fill = start.clone();
        let mut edges = vec![
            Edge {
                other: 0,
                kind: LinkKind::FinishToStart,
                lag: 0
            };
            self.preds.len()
        ];
        for t in 0..n {
            for e in self.preds(t) {
                let slot = &mut fill[e.other as usize];
                edges[*slot as usize] = Edge {
                    other: t as u32,
                    kind: e.kind,
                    lag: e.lag,
                };
                *slot += 1;
            }
        }
        Succs { start, edges }
    }

    pub fn len(&self) -> usize {
        self.pred_start.len() - 1
    }

    #[inline(always)]
    pub fn preds(&self, t: TaskIx) -> &[Edge] {
        &self.preds[self.pred_start[t] as usize..self.pred_start[t + 1] as usize]
    }

    pub fn succs(&self, t: TaskIx) -> &[Edge] {
        let succs = self.succs.get_or_init(|| self.build_succs());
        &succs.edges[succs.start[t] as usize..succs.start[t + 1] as usize]
    }

    /// A topological order (predecessors first): plan order when it is one,
    /// else Kahn's with ties in plan order; or the cycles, each listed in
    /// dependency order.
    pub fn topological_order(&self) -> Result<Vec<u32>, Vec<Vec<TaskIx>>> {
        let n = self.len();
        // Any topological order gives the same schedule (every pass takes a
        // task's predecessors or successors as a set), so plan order is as
        // good as Kahn's when it is one.
        if self.backward {
            return Ok((0..n as u32).collect());
        }
        let mut in_degree: Vec<u32> = (0..n).map(|t| self.preds(t).len() as u32).collect();
        let mut queue: VecDeque<u32> = (0..n as u32)
            .filter(|&t| in_degree[t as usize] == 0)
            .collect();
        let mut order = Vec::with_capacity(n);
        while let Some(t) = queue.pop_front() {
            order.push(t);
            for e in self.succs(t as usize) {
                let d = &mut in_degree[e.other as usize];
                *d -= 1;
                if *d == 0 {
                    queue.push_back(e.other);
                }
            }
        }
        if order.len() == n {
            Ok(order)
        } else {
            Err(self.cycles(&in_degree))
        }
    }

    /// The cycles among the tasks Kahn's algorithm could not order.
    fn cycles(&self, in_degree: &[u32]) -> Vec<Vec<TaskIx>> {
        const MOST: usize = 20;
        let n = self.len();
        // Tasks left over: on a cycle, or downstream of one. Peel off those
        // with no successor left so only cycles and paths between them remain.
        let mut left: Vec<bool> = in_degree.iter().map(|&d| d > 0).collect();
        let mut out_left: Vec<u32> = (0..n)
            .map(|t| {
                self.succs(t)
                    .iter()
                    .filter(|e| left[e.other as usize])
                    .count() as u32
            })
            .collect();
        let mut stack: Vec<usize> = (0..n).filter(|&t| left[t] && out_left[t] == 0).collect();
        while let Some(t) = stack.pop() {
            left[t] = false;
            for e in self.preds(t) {
                let p = e.other as usize;
                if left[p] {
                    out_left[p] -= 1;
                    if out_left[p] == 0 {
                        stack.push(p);
                    }
                }
            }
        }
        let mut reported = vec![false; n];
        let mut cycles = Vec::new();
        for start in 0..n {
            if !left[start] || reported[start] || cycles.len() == MOST {
                continue;
            }
            if let Some(cycle) = self.shortest_cycle_through(start, &left) {
                for &t in &cycle {
                    reported[t] = true;
                }
                cycles.push(cycle);
            }
        }
        cycles
    }

    /// Breadth-first search from `start` back to itself within `allowed`.
    fn shortest_cycle_through(&self, start: usize, allowed: &[bool]) -> Option<Vec<TaskIx>> {
        let mut parent: std::collections::HashMap<usize, usize> = Default::default();
        let mut queue = VecDeque::from([start]);
        while let Some(t) = queue.pop_front() {
            for e in self.succs(t) {
                let s = e.other as usize;
                if !allowed[s] {
                    continue;
                }
                if s == start {
                    let mut cycle = vec![t];
                    let mut at = t;
                    while at != start {
                        at = parent[&at];
                        cycle.push(at);
                    }
                    cycle.reverse();
                    return Some(cycle);
                }
                if let std::collections::hash_map::Entry::Vacant(v) = parent.entry(s) {
                    v.insert(t);
                    queue.push_back(s);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarRules;
    use crate::plan::{Link, Task};
    use jiff::civil::date;

    fn plan(links: &[(usize, usize)], n: usize) -> Plan {
        let mut tasks: Vec<Task> = (0..n)
            .map(|i| Task::new(format!("t{i}"), format!("T{i}"), 1))
            .collect();
        for &(p, s) in links {
            tasks[s].after.push(Link::finish_to_start(p));
        }
        Plan {
            name: "g".into(),
            deadline: date(2026, 1, 30),
            today: None,
            lang: None,
            calendar: CalendarRules::default(),
            people: vec![],
            tasks,
            meetings: Vec::new(),
            level: false,
            tracking: Default::default(),
            margins: Default::default(),
        }
    }

    #[test]
    fn orders_predecessors_first() {
        let g = Graph::new(&plan(&[(2, 0), (0, 1)], 3));
        assert_eq!(g.topological_order().unwrap(), vec![2, 0, 1]);
        assert_eq!(g.succs(2).len(), 1);
        assert_eq!(g.preds(1)[0].other, 0);
    }

    #[test]
    fn names_every_task_on_each_cycle() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, and 4 downstream of the first cycle.
        let g = Graph::new(&plan(&[(0, 1), (1, 2), (2, 0), (3, 3), (2, 4)], 5));
        let cycles = g.topological_order().unwrap_err();
        assert_eq!(cycles, vec![vec![0, 1, 2], vec![3]]);
    }
}

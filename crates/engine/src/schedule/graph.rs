//! The dependency graph in flat arrays: predecessors and successors of every
//! task, a topological order, and the cycles when there is no such order.
//!
//! Compressed adjacency (one offsets array, one edges array per direction)
//! keeps the passes cache-friendly on plans of a million tasks.

use std::collections::VecDeque;

use crate::plan::{LinkKind, Plan, TaskIx};

#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    /// The task at the other end (predecessor in `preds`, successor in `succs`).
    pub other: u32,
    pub kind: LinkKind,
    pub lag: i32,
}

pub(crate) struct Graph {
    pred_start: Vec<u32>,
    preds: Vec<Edge>,
    succ_start: Vec<u32>,
    succs: Vec<Edge>,
}

impl Graph {
    /// Builds the graph; links must point at existing tasks (checked before).
    pub fn new(plan: &Plan) -> Graph {
        let n = plan.tasks.len();
        let mut pred_start = Vec::with_capacity(n + 1);
        let mut preds = Vec::new();
        let mut out_degree = vec![0u32; n];
        for task in &plan.tasks {
            pred_start.push(preds.len() as u32);
            for link in &task.after {
                preds.push(Edge {
                    other: link.task as u32,
                    kind: link.kind,
                    lag: link.lag,
                });
                out_degree[link.task] += 1;
            }
        }
        pred_start.push(preds.len() as u32);
        let mut succ_start = Vec::with_capacity(n + 1);
        let mut acc = 0u32;
        for &d in &out_degree {
            succ_start.push(acc);
            acc += d;
        }
        succ_start.push(acc);
        let mut fill = succ_start.clone();
        let mut succs = vec![
            Edge {
                other: 0,
                kind: LinkKind::FinishToStart,
                lag: 0
            };
            preds.len()
        ];
        for (t, task) in plan.tasks.iter().enumerate() {
            for link in &task.after {
                let slot = &mut fill[link.task];
                succs[*slot as usize] = Edge {
                    other: t as u32,
                    kind: link.kind,
                    lag: link.lag,
                };
                *slot += 1;
            }
        }
        Graph {
            pred_start,
            preds,
            succ_start,
            succs,
        }
    }

    pub fn len(&self) -> usize {
        self.pred_start.len() - 1
    }

    pub fn preds(&self, t: TaskIx) -> &[Edge] {
        &self.preds[self.pred_start[t] as usize..self.pred_start[t + 1] as usize]
    }

    pub fn succs(&self, t: TaskIx) -> &[Edge] {
        &self.succs[self.succ_start[t] as usize..self.succ_start[t + 1] as usize]
    }

    /// A topological order (predecessors first), ties in plan order; or the
    /// cycles, each listed in dependency order.
    pub fn topological_order(&self) -> Result<Vec<u32>, Vec<Vec<TaskIx>>> {
        let n = self.len();
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

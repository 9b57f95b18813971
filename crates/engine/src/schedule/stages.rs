//! The steps of [`schedule`](super::schedule) one at a time, for the
//! benchmarks that time them apart (`benches/schedule.rs`, BENCHMARKS.md).
//! Not part of the API: hidden from the docs, and free to change with the
//! engine.
//!
//! A schedule is four steps: the walk over the plan's tasks (checks, owners,
//! calendars, links in flat arrays), the calendars of the window, the passes
//! (SCHEDULING.md's backward, follow-up, forward and latest passes, slack and
//! the critical path), then the report (each task's dated line, people's
//! bookings and overloads, the buffers). Here each can be timed on its own,
//! on the same inputs `schedule` gives it.

use jiff::civil::Date;

use crate::day_number::{DayNumber, day_number};
use crate::error::PlanErrors;
use crate::plan::Plan;
use crate::schedule::critical;
use crate::schedule::graph::Graph;
use crate::schedule::passes::{self, Checked};
use crate::schedule::timeline::Timeline;

/// The walk alone: the plan checked, its owners resolved, its links in
/// flat arrays, its tasks put in topological order. Returns a count, for
/// the caller to keep the result alive.
pub fn walk(plan: &Plan, today: Date) -> Result<usize, PlanErrors> {
    let (_, _, graph, order) = super::in_order(plan, today, None)?;
    Ok(graph.len() + order.len())
}

/// What the passes read, built as [`schedule`](super::schedule) builds it
/// for a plan whose dates fit the first window of days (the benchmarks'
/// plans do; `schedule` widens the window for one that does not, and
/// [`Prepared::passes`] says so).
pub struct Prepared<'a> {
    checked: &'a Checked,
    graph: &'a Graph,
    order: &'a [u32],
    line: &'a Timeline<'a>,
    plan: &'a Plan,
    today: DayNumber,
}

/// Builds what the passes read and hands it to `f`.
pub fn prepared<R>(
    plan: &Plan,
    today: Date,
    f: impl FnOnce(&Prepared<'_>) -> R,
) -> Result<R, PlanErrors> {
    let (owners, checked, graph, order) = super::in_order(plan, today, None)?;
    let today = day_number(today);
    let (lo, hi) = checked.date_span(today);
    let (first, last) = super::window(lo, hi, super::FIRST_MARGIN);
    let line = Timeline::new(plan, &checked, &owners, first, last);
    line.check_fixed_days(plan, &checked)?;
    Ok(f(&Prepared {
        checked: &checked,
        graph: &graph,
        order: &order,
        line: &line,
        plan,
        today,
    }))
}

impl Prepared<'_> {
    /// The passes: steps 1 to 5 of `passes`, then slack, the least of it
    /// and the critical and margin paths. Returns the critical path's
    /// length, for the caller to keep the result alive; `None` when a date
    /// fell outside the window (the positions are then not `schedule`'s).
    pub fn passes(&self) -> Option<usize> {
        let positions = passes::run(
            self.plan,
            self.checked,
            self.graph,
            self.order,
            self.line,
            self.today,
        );
        let of = critical::criticality(&positions, self.plan.tasks.len());
        let (critical_path, margin_path) =
            critical::paths(self.graph, self.order, self.line, &positions, &of);
        (!self.line.overflowed()).then_some(critical_path.len() + margin_path.len())
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::plan::{Link, Plan, Task};

    /// The stages time the work `schedule` does: the same paths come out.
    #[test]
    fn the_passes_find_the_paths_the_schedule_shows() {
        let mut plan = Plan::new("p", date(2026, 12, 18));
        let mut tasks = vec![
            Task::new("a", "A", 3),
            Task::new("b", "B", 2),
            Task::new("c", "C", 1),
            Task::new("d", "D", 1),
        ];
        tasks[1].after = vec![Link::finish_to_start(0)];
        tasks[2].after = vec![Link::finish_to_start(1)];
        tasks[3].on = Some(crate::relative::When::Date(date(2026, 12, 18)));
        plan.tasks = tasks;
        let today = date(2026, 11, 2);
        let schedule = crate::schedule(&plan, today).unwrap();
        // A fixed milestone on the deadline is the critical path; the
        // chain a, b, c holds the margin.
        assert_eq!(schedule.critical_path, vec![3]);
        assert_eq!(schedule.margin_path, vec![0, 1, 2]);
        let passes = super::prepared(&plan, today, |p| p.passes()).unwrap();
        assert_eq!(passes, Some(4));
        assert!(super::walk(&plan, today).unwrap() >= plan.tasks.len());
    }
}

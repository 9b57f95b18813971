//! Explicit margins (docs/margins.md): where each buffer sits and how much
//! of it the forecast already uses.
//!
//! A buffer is planned time in which nothing is planned. The planned passes
//! keep each task its buffer's length before whatever bounds its end
//! (`Checked::tail`), and keep the work that must be ready before the
//! deadline before the ready-by day (`Checked::ready_day`). The forward pass
//! from today and the latest dates ignore buffers: slack, feasibility and
//! the critical path measure the real constraints, so a buffer being eaten
//! is a plan at risk, not a late one.

use crate::day_number::{DayNumber, day_number};
use crate::plan::{Plan, Status, TaskIx};
use crate::schedule::passes::Checked;
use crate::schedule::timeline::Timeline;
use crate::schedule::{Buffer, BufferKind, Direction, TaskSchedule, to_date};

/// The buffer `margin = { critical = "N%" }` puts after the critical path,
/// chosen from a first schedule without it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CriticalBuffer {
    /// The last task of the critical path planned back from the deadline
    /// that is not fixed: the buffer follows it.
    pub task: TaskIx,
    pub days: u32,
    pub percent: u32,
    /// Working days of the path's tasks up to and including `task`.
    pub chain_days: u32,
}

impl CriticalBuffer {
    /// The buffer for `percent` of the chain before the last task of
    /// `path` that can move; `None` when no such task or no day of buffer.
    pub fn on(path: &[TaskIx], tasks: &[TaskSchedule], percent: u32) -> Option<CriticalBuffer> {
        let movable = |t: TaskIx| {
            let task = &tasks[t];
            task.direction == Direction::Backward && !task.fixed && !task.status.is_closed()
        };
        let last = path.iter().rposition(|&t| movable(t))?;
        let chain_days: u32 = path[..=last]
            .iter()
            .filter(|&&t| !tasks[t].status.is_closed())
            .map(|&t| tasks[t].days)
            .sum();
        let days = (u64::from(chain_days) * u64::from(percent)).div_ceil(100);
        let days = u32::try_from(days).ok().filter(|&d| d > 0)?;
        Some(CriticalBuffer {
            task: path[last],
            days,
            percent,
            chain_days,
        })
    }
}

/// Every buffer of the plan: after tasks in plan order (a task's own margin
/// first, then the critical-path buffer), then the one before the deadline.
/// `squeezed`: per task, the working days a predecessor's fixed date took
/// from its buffers (the critical-path buffer gives them first), or empty.
pub(crate) fn buffers(
    plan: &Plan,
    checked: &Checked,
    line: &Timeline,
    tasks: &[TaskSchedule],
    critical: Option<&CriticalBuffer>,
    squeezed: &[i32],
) -> Vec<Buffer> {
    let mut out = Vec::new();
    for (t, task) in tasks.iter().enumerate() {
        let tail = checked.tail_of(t);
        if tail <= 0 {
            continue;
        }
        let own = plan.tasks[t].margin.min(tail as u32) as i32;
        // What a predecessor's fixed date took: from the critical-path
        // buffer first, then from the task's own margin.
        let lost = squeezed.get(t).copied().unwrap_or(0).clamp(0, tail);
        let (tail, extra_days, own) = (
            tail - lost,
            (tail - own - lost).max(0),
            own.min(tail - lost),
        );
        // Planned exclusive end, and how far the forecast runs past it.
        let end = line.index_at(t, day_number(task.end) + 1);
        let forecast_end = line.index_at(t, day_number(task.forecast_end) + 1);
        let mut overrun = (forecast_end - end).clamp(0, tail);
        let extra = critical.filter(|c| c.task == t);
        let mut from = end;
        let items = [
            (own, BufferKind::Task),
            (
                extra_days,
                extra.map_or(BufferKind::Task, |c| BufferKind::Critical {
                    percent: c.percent,
                    chain_days: c.chain_days,
                }),
            ),
        ];
        for (days, kind) in items {
            if days <= 0 {
                continue;
            }
            let consumed = overrun.min(days);
            overrun -= consumed;
            out.push(Buffer {
                kind,
                after: Some(t),
                days: days as u32,
                start: to_date(line.day_of(t, from)),
                end: to_date(line.day_of(t, from + days - 1)),
                consumed: consumed as u32,
            });
            from += days;
        }
    }
    if let Some(ready) = ready_buffer(plan, checked, line, tasks) {
        out.push(ready);
    }
    out
}

/// The buffer between the ready-by day and the deadline, in working days
/// of the plan's calendar; eaten by any work planned before it that is
/// forecast past the ready-by day.
fn ready_buffer(
    plan: &Plan,
    checked: &Checked,
    line: &Timeline,
    tasks: &[TaskSchedule],
) -> Option<Buffer> {
    let calendar = line.plan_calendar();
    let ready: DayNumber = checked.ready_day(line);
    let from = calendar.index_at(ready + 1);
    let to = calendar.index_at(checked.deadline + 1);
    if to <= from {
        return None;
    }
    let overrun = tasks
        .iter()
        .zip(&plan.tasks)
        .filter(|(t, task)| {
            t.direction == Direction::Backward && !t.fixed && task.status != Status::Cancelled
        })
        .map(|(t, _)| calendar.index_at(day_number(t.forecast_end) + 1) - from)
        .max()
        .unwrap_or(0);
    Some(Buffer {
        kind: BufferKind::Ready,
        after: None,
        days: (to - from) as u32,
        start: to_date(calendar.day_of(from)),
        end: to_date(calendar.day_of(to - 1)),
        consumed: overrun.clamp(0, to - from) as u32,
    })
}

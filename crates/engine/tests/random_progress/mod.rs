//! Random progress for the property tests (`progress.rs`, `risk.rs`): a
//! status and dates drawn freely, then made consistent with the plan
//! file's rules, so that every plan drawn is one a person could write.

use jiff::ToSpan;
use jiff::civil::Date;
use proptest::prelude::*;
use retroplan_engine::{Progress, Status, Task};

/// Progress as drawn: made consistent with the status by [`apply`].
#[derive(Clone, Debug)]
pub struct ProgressSpec {
    pub status: Status,
    /// Working back from `finished` (or today): days before it that work began.
    pub started: Option<i64>,
    /// Days before today that a done task was finished.
    pub finished: Option<i64>,
    pub remaining: Option<u32>,
    pub slip: u32,
}

/// A status of each kind, `todo` with weight `todo` (against 2 in progress,
/// 1 in review, 3 done, 1 blocked, 1 cancelled), and dates around today.
pub fn arb_progress(todo: u32) -> impl Strategy<Value = ProgressSpec> {
    (
        prop_oneof![
            todo => Just(Status::Todo),
            2 => Just(Status::InProgress),
            1 => Just(Status::Review),
            3 => Just(Status::Done),
            1 => Just(Status::Blocked),
            1 => Just(Status::Cancelled),
        ],
        prop::option::weighted(0.6, 0i64..=40),
        prop::option::weighted(0.6, 0i64..=30),
        prop::option::weighted(0.5, 0u32..=12),
        prop_oneof![4 => Just(0u32), 1 => 1u32..=4],
    )
        .prop_map(
            |(status, started, finished, remaining, slip)| ProgressSpec {
                status,
                started,
                finished,
                remaining,
                slip,
            },
        )
}

/// Gives `task` the status and progress of `spec` under the plan file's
/// rules: `started` not on a todo task, `finished` only on a done one,
/// `remaining` only under way; dates on working days (`working_back`: the
/// working day on or before a date), started <= finished <= today.
pub fn apply(
    task: &mut Task,
    spec: &ProgressSpec,
    today: Date,
    working_back: impl Fn(Date) -> Date,
) {
    let before =
        |from: Date, n: i64| working_back(from.checked_sub(n.days()).expect("within jiff's range"));
    task.status = spec.status;
    let finished = match spec.status {
        Status::Done => spec.finished.map(|n| before(today, n)),
        _ => None,
    };
    let started = match spec.status {
        Status::Todo => None,
        _ => spec.started.map(|n| before(finished.unwrap_or(today), n)),
    };
    let remaining = match spec.status {
        Status::InProgress | Status::Review | Status::Blocked => spec.remaining,
        _ => None,
    };
    let progress = Progress {
        started,
        finished,
        remaining,
        slip: spec.slip,
    };
    if progress != Progress::default() {
        task.progress = Some(Box::new(progress));
    }
}

//! Why a plan cannot be scheduled. The engine never talks to the user: each
//! error names the tasks involved (index and id) so that the formats crate can
//! point at the place in the file and the CLI can suggest a fix.

use jiff::civil::Date;

use crate::plan::TaskIx;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("dependency cycle: {}", cycle_text(.ids))]
    Cycle {
        tasks: Vec<TaskIx>,
        ids: Vec<String>,
    },
    #[error("task `{id}` depends on task number {link}, which does not exist")]
    UnknownPredecessor {
        task: TaskIx,
        id: String,
        link: TaskIx,
    },
    #[error("task `{id}` is fixed on {date}, which is not one of its working days")]
    FixedOnNonWorkingDay {
        task: TaskIx,
        id: String,
        date: Date,
    },
    #[error("{} has no working weekday", owner_text(.id))]
    NoWorkdays {
        task: Option<TaskIx>,
        id: Option<String>,
    },
    #[error("person `{person}` has no working weekday")]
    PersonWithoutWorkdays { person: String },
    #[error("task `{id}` has no working weekday in common with its owner `{owner}`")]
    NoCommonWorkdays {
        task: TaskIx,
        id: String,
        owner: String,
    },
    #[error("task `{id}` is marked {what} on {date}, after today ({today})")]
    ProgressAfterToday {
        task: TaskIx,
        id: String,
        /// `started` or `finished`.
        what: &'static str,
        date: Date,
        today: Date,
    },
    #[error("{what} falls outside the supported years (1 to 9999)")]
    DateOutOfRange { task: Option<TaskIx>, what: String },
}

fn cycle_text(ids: &[String]) -> String {
    let mut text = ids.join(" -> ");
    if let Some(first) = ids.first() {
        text.push_str(" -> ");
        text.push_str(first);
    }
    text
}

fn owner_text(id: &Option<String>) -> String {
    match id {
        Some(id) => format!("task `{id}`"),
        None => "the plan's calendar".to_string(),
    }
}

/// Every reason a plan could not be scheduled, in plan order.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))]
pub struct PlanErrors(pub Vec<PlanError>);

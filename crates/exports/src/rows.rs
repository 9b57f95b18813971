//! The people's task table (the contract of columns.md, shared with the
//! import): which columns, in which order, under which headers, and what
//! each cell says. The CSV, the spreadsheet, the Markdown notes and the HTML
//! page all read their rows from here, so they never disagree.

use std::collections::HashMap;

use jiff::civil::Date;
use retroplan_engine::relative::day_label;
use retroplan_engine::{Lang, LinkKind, Plan, Schedule, Status, Task};

use crate::words::words;

pub use retroplan_formats::task_table::Column;

/// One task as the table shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskRow {
    pub id: String,
    /// The title.
    pub task: String,
    pub phase: Option<String>,
    /// The person's name when the owner is a `[[person]]` of the plan, else
    /// the owner as written; empty when none.
    pub owner: String,
    /// The planned dates, inclusive.
    pub start: Date,
    pub end: Date,
    /// The start's J-x label.
    pub label: String,
    /// Working days (0: a milestone).
    pub days: u32,
    /// The predecessors' ids, `, ` between them, with `(SS+2)`-style
    /// suffixes for links other than a plain finish-to-start.
    pub after: String,
    pub status: Status,
    pub channel: String,
    /// Working days.
    pub slack: i32,
    pub critical: bool,
    /// The task's notes.
    pub comment: String,
    /// Today is past its planned end (or start) and it is not done (or started).
    pub late: bool,
    /// Not late, but about to be.
    pub at_risk: bool,
    pub milestone: bool,
}

/// How a row is coloured: one tone per state a person must see at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tone {
    /// To do, on time: no colour of its own.
    Neutral,
    InProgress,
    /// Done: waiting for someone's approval.
    Review,
    Done,
    Blocked,
    /// Late outranks every status but done and cancelled: it is what needs
    /// action.
    Late,
    Cancelled,
}

impl TaskRow {
    pub fn tone(&self) -> Tone {
        match self.status {
            Status::Done => Tone::Done,
            Status::Cancelled => Tone::Cancelled,
            _ if self.late => Tone::Late,
            Status::InProgress => Tone::InProgress,
            Status::Review => Tone::Review,
            Status::Blocked => Tone::Blocked,
            Status::Todo => Tone::Neutral,
        }
    }

    /// A cell as text (CSV, Markdown): dates `YYYY-MM-DD`, numbers in
    /// digits, critical `oui`/`non` or `yes`/`no`, the status in words.
    pub fn cell_text(&self, column: Column, lang: Lang) -> String {
        match column {
            Column::Id => self.id.clone(),
            Column::Task => self.task.clone(),
            Column::Phase => self.phase.clone().unwrap_or_default(),
            Column::Owner => self.owner.clone(),
            Column::Start => self.start.to_string(),
            Column::End => self.end.to_string(),
            Column::Label => self.label.clone(),
            Column::Days => self.days.to_string(),
            Column::After => self.after.clone(),
            Column::Status => self.status.label(lang).to_string(),
            Column::Channel => self.channel.clone(),
            Column::Slack => self.slack.to_string(),
            Column::Critical => {
                let w = words(lang);
                if self.critical { w.yes } else { w.no }.to_string()
            }
            Column::Comment => self.comment.clone(),
        }
    }
}

/// The rows of every task, in the plan's order, cancelled ones included.
pub fn task_rows(plan: &Plan, schedule: &Schedule, lang: Lang) -> Vec<TaskRow> {
    // `lang` is part of the shape the HTML page relies on; the rows
    // themselves hold no words (the status stays a `Status`).
    let _ = lang;
    let names: HashMap<&str, &str> = plan
        .people
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    plan.tasks
        .iter()
        .zip(&schedule.tasks)
        .map(|(task, s)| TaskRow {
            id: task.id.clone(),
            task: task.title.clone(),
            phase: task.phase.clone(),
            owner: task
                .owner
                .as_deref()
                .map(|o| names.get(o).copied().unwrap_or(o).to_string())
                .unwrap_or_default(),
            start: s.start,
            end: s.end,
            label: day_label(s.offset),
            // A cancelled task is scheduled for no time; the table keeps the
            // days the plan gives it, so that an import brings them back.
            days: if task.status == Status::Cancelled {
                task.days()
            } else {
                s.days
            },
            after: after_text(plan, task),
            status: task.status,
            channel: task.channel.clone().unwrap_or_default(),
            slack: s.slack,
            critical: s.critical,
            comment: task.notes.clone().unwrap_or_default(),
            late: s.late,
            at_risk: s.at_risk,
            milestone: s.milestone,
        })
        .collect()
}

/// `brief, visuels (SS+2), shooting (FF)`: a plain finish-to-start link is
/// the id alone; any other kind, or a lag, goes in parentheses.
pub fn after_text(plan: &Plan, task: &Task) -> String {
    let mut out = String::new();
    for link in &task.after {
        if !out.is_empty() {
            out.push_str(", ");
        }
        match plan.tasks.get(link.task) {
            Some(predecessor) => out.push_str(&predecessor.id),
            // The engine refuses such a plan; a plan built in code could
            // still carry one, and the cell should say so, not panic.
            None => out.push('?'),
        }
        match (link.kind, link.lag) {
            (LinkKind::FinishToStart, 0) => {}
            (kind, 0) => {
                out.push_str(" (");
                out.push_str(kind.code());
                out.push(')');
            }
            (kind, lag) => out.push_str(&format!(" ({}{lag:+})", kind.code())),
        }
    }
    out
}

/// The columns of a table under a phase heading (the Markdown notes, the
/// HTML page): every column but the phase, which is the heading.
pub fn phase_table() -> impl Iterator<Item = Column> {
    Column::ALL.into_iter().filter(|c| *c != Column::Phase)
}

/// The rows grouped by phase, as the Gantt chart shows them: phases in the
/// order they first appear, tasks without a phase last, each group by
/// planned start. The phase is `None` for the unphased group.
pub fn by_phase(rows: &[TaskRow]) -> Vec<(Option<&str>, Vec<&TaskRow>)> {
    let mut phases: Vec<Option<&str>> = Vec::new();
    for row in rows {
        if !phases.contains(&row.phase.as_deref()) {
            phases.push(row.phase.as_deref());
        }
    }
    phases.sort_by_key(|p| p.is_none());
    phases
        .into_iter()
        .map(|phase| {
            let mut group: Vec<&TaskRow> = rows
                .iter()
                .filter(|r| r.phase.as_deref() == phase)
                .collect();
            group.sort_by_key(|r| (r.start, r.end));
            (phase, group)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use retroplan_engine::{Link, Task};

    #[test]
    fn links_other_than_finish_to_start_carry_their_kind_and_lag() {
        let mut plan = Plan::new("p", jiff::civil::date(2026, 12, 18));
        plan.tasks.push(Task::new("brief", "Brief", 1));
        plan.tasks.push(Task::new("shoot", "Shoot", 1));
        let mut last = Task::new("launch", "Launch", 1);
        last.after = vec![
            Link::finish_to_start(0),
            Link {
                task: 1,
                kind: LinkKind::StartToStart,
                lag: 2,
            },
            Link {
                task: 0,
                kind: LinkKind::FinishToStart,
                lag: -1,
            },
            Link {
                task: 1,
                kind: LinkKind::FinishToFinish,
                lag: 0,
            },
        ];
        assert_eq!(
            after_text(&plan, &last),
            "brief, shoot (SS+2), brief (FS-1), shoot (FF)"
        );
    }

    #[test]
    fn headers_follow_the_contract() {
        assert_eq!(Column::Start.header(Lang::Fr), "Date de début");
        assert_eq!(Column::After.header(Lang::En), "Depends on");
        assert_eq!(Column::ALL.len(), 14);
        assert_eq!(Column::ALL[0], Column::Id);
        assert_eq!(Column::ALL[13], Column::Comment);
    }
}

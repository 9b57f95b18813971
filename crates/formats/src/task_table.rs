//! The people's task table: the columns a team's spreadsheet has (those of
//! seed 001: task, owner, start, end, depends on, status, channel, comment,
//! plus id, phase, J-x, days, slack and critical), in the order the exports
//! write them, under their English and French headers. One definition for
//! both directions: what `retroplan export` writes, `retroplan import` reads
//! back (docs/import-export.md).

use retroplan_engine::Lang;

/// The columns of the table, in the order export writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    Task,
    Phase,
    Owner,
    Start,
    End,
    Label,
    Days,
    After,
    Status,
    Channel,
    Slack,
    Critical,
    Comment,
}

impl Column {
    pub const ALL: [Column; 14] = [
        Column::Id,
        Column::Task,
        Column::Phase,
        Column::Owner,
        Column::Start,
        Column::End,
        Column::Label,
        Column::Days,
        Column::After,
        Column::Status,
        Column::Channel,
        Column::Slack,
        Column::Critical,
        Column::Comment,
    ];

    /// The header people read, in their language (columns.md).
    pub fn header(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Column::Id, _) => "ID",
            (Column::Task, Lang::Fr) => "Tâche",
            (Column::Task, Lang::En) => "Task",
            (Column::Phase, _) => "Phase",
            (Column::Owner, Lang::Fr) => "Responsable",
            (Column::Owner, Lang::En) => "Owner",
            (Column::Start, Lang::Fr) => "Date de début",
            (Column::Start, Lang::En) => "Start",
            (Column::End, Lang::Fr) => "Date de fin",
            (Column::End, Lang::En) => "End",
            (Column::Label, _) => "J-x",
            (Column::Days, Lang::Fr) => "Jours",
            (Column::Days, Lang::En) => "Days",
            (Column::After, Lang::Fr) => "Dépend de",
            (Column::After, Lang::En) => "Depends on",
            (Column::Status, Lang::Fr) => "Statut",
            (Column::Status, Lang::En) => "Status",
            (Column::Channel, Lang::Fr) => "Canal",
            (Column::Channel, Lang::En) => "Channel",
            (Column::Slack, Lang::Fr) => "Marge",
            (Column::Slack, Lang::En) => "Slack",
            (Column::Critical, Lang::Fr) => "Critique",
            (Column::Critical, Lang::En) => "Critical",
            (Column::Comment, Lang::Fr) => "Commentaire",
            (Column::Comment, Lang::En) => "Comment",
        }
    }

    /// The column's key (`id`, `task`, `owner`, ...), as docs/import-export.md names it.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Task => "task",
            Column::Phase => "phase",
            Column::Owner => "owner",
            Column::Start => "start",
            Column::End => "end",
            Column::Label => "label",
            Column::Days => "days",
            Column::After => "after",
            Column::Status => "status",
            Column::Channel => "channel",
            Column::Slack => "slack",
            Column::Critical => "critical",
            Column::Comment => "comment",
        }
    }

    /// Derived from the schedule (J-x, slack, critical): written by the
    /// exports, recognised but not read by the imports.
    pub fn is_derived(self) -> bool {
        matches!(self, Column::Label | Column::Slack | Column::Critical)
    }
}

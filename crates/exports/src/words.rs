//! Every word the exports put in front of a person, in French and English.
//! The column headers are the table's contract and live with the columns
//! (`rows::Column::header`); the rest is here.

use jiff::civil::Date;
use retroplan_engine::{Lang, Verdict};

pub struct Words {
    /// What separates a label from its value: " : " in French, ": " in English.
    pub colon: &'static str,
    pub sheet_tasks: &'static str,
    pub sheet_gantt: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub deadline: &'static str,
    pub today: &'static str,
    pub no_phase: &'static str,
    pub on_track: &'static str,
    pub at_risk: &'static str,
    pub late: &'static str,
    pub start_by: &'static str,
    pub finish: &'static str,
    pub earliest_deadline: &'static str,
    pub least_slack: &'static str,
    pub critical_path: &'static str,
    pub summary: &'static str,
    pub buffers: &'static str,
    pub buffer_after: &'static str,
    pub buffer_critical: &'static str,
    pub buffer_ready: &'static str,
    pub consumed: &'static str,
    pub meetings: &'static str,
    pub run_by: &'static str,
    pub attendees: &'static str,
    pub milestone: &'static str,
    /// The Excel number format of a full date in the task sheet.
    pub date_format: &'static str,
    /// The Excel number format of the Gantt sheet's day headers.
    pub day_format: &'static str,
    pub weekdays: [&'static str; 7],
}

pub const FR: Words = Words {
    colon: " : ",
    sheet_tasks: "Tâches",
    sheet_gantt: "Gantt",
    yes: "oui",
    no: "non",
    deadline: "Jour J",
    today: "aujourd'hui",
    no_phase: "Sans phase",
    on_track: "dans les temps",
    at_risk: "à risque",
    late: "en retard",
    start_by: "Début au plus tard",
    finish: "Fin",
    earliest_deadline: "Jour J tenable au plus tôt",
    least_slack: "marge minimale",
    critical_path: "Chemin critique",
    summary: "Synthèse",
    buffers: "Marges",
    buffer_after: "marge après",
    buffer_critical: "marge du chemin critique",
    buffer_ready: "marge avant le Jour J",
    consumed: "consommé(s)",
    meetings: "Réunions",
    run_by: "Animée par",
    attendees: "Participants",
    milestone: "jalon",
    date_format: "dd/mm/yyyy",
    day_format: "dd/mm",
    weekdays: ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"],
};

pub const EN: Words = Words {
    colon: ": ",
    sheet_tasks: "Tasks",
    sheet_gantt: "Gantt",
    yes: "yes",
    no: "no",
    deadline: "D-day",
    today: "today",
    no_phase: "No phase",
    on_track: "on track",
    at_risk: "at risk",
    late: "late",
    start_by: "Start by",
    finish: "Finish",
    earliest_deadline: "Earliest deadline today allows",
    least_slack: "least slack",
    critical_path: "Critical path",
    summary: "Summary",
    buffers: "Buffers",
    buffer_after: "buffer after",
    buffer_critical: "critical path buffer",
    buffer_ready: "buffer before D-day",
    consumed: "consumed",
    meetings: "Meetings",
    run_by: "Run by",
    attendees: "Attendees",
    milestone: "milestone",
    date_format: "yyyy-mm-dd",
    day_format: "dd/mm",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

impl Words {
    pub fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::OnTrack => self.on_track,
            Verdict::AtRisk => self.at_risk,
            Verdict::Late => self.late,
        }
    }
}

/// The verdict in a word (`late`, `on track`, `at risk`) and what backs it:
/// how late, or the least slack.
pub fn verdict(lang: Lang, schedule: &retroplan_engine::Schedule) -> (&'static str, String) {
    let w = words(lang);
    match schedule.verdict {
        Verdict::Late => (w.late, late_by(lang, schedule.late_by)),
        v => {
            let margin = schedule.margin.unwrap_or(schedule.min_slack).max(0);
            (
                w.verdict(v),
                format!(
                    "{}{}{}",
                    w.least_slack,
                    w.colon,
                    working_days(lang, i64::from(margin))
                ),
            )
        }
    }
}

/// "3 jours ouvrés" / "1 working day".
pub fn working_days(lang: Lang, n: i64) -> String {
    match (lang, n) {
        (Lang::Fr, -1..=1) => format!("{n} jour ouvré"),
        (Lang::Fr, _) => format!("{n} jours ouvrés"),
        (Lang::En, 1 | -1) => format!("{n} working day"),
        (Lang::En, _) => format!("{n} working days"),
    }
}

/// "3 jours ouvrés de retard" / "3 working days behind", after the verdict
/// ("en retard · 3 jours ouvrés de retard").
pub fn late_by(lang: Lang, n: u32) -> String {
    let days = working_days(lang, i64::from(n));
    match lang {
        Lang::Fr => format!("{days} de retard"),
        Lang::En => format!("{days} behind"),
    }
}

/// "du lun 14/12/2026 au mar 15/12/2026" / "from Mon 2026-12-14 to Tue 2026-12-15".
pub fn from_to(lang: Lang, first: Date, last: Date) -> String {
    let (a, b) = (human_date(lang, first), human_date(lang, last));
    match lang {
        Lang::Fr => format!("du {a} au {b}"),
        Lang::En => format!("from {a} to {b}"),
    }
}

/// A date as people read it: "dim 20/12/2026" / "Sun 2026-12-20".
pub fn human_date(lang: Lang, d: Date) -> String {
    let weekday = words(lang).weekdays[d.weekday().to_monday_zero_offset() as usize];
    match lang {
        Lang::Fr => format!("{weekday} {:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
        Lang::En => format!("{weekday} {d}"),
    }
}

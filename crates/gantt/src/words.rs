//! Every word the chart shows, in French and English.

use retroplan_engine::Lang;

pub struct Words {
    pub deadline: &'static str,
    pub today: &'static str,
    pub feasible: &'static str,
    pub late_by: &'static str,
    pub working_days: &'static str,
    pub earliest: &'static str,
    pub on_track: &'static str,
    pub at_risk: &'static str,
    pub late: &'static str,
    pub critical: &'static str,
    pub milestone: &'static str,
    pub buffer: &'static str,
    pub consumed: &'static str,
    pub baseline: &'static str,
    pub ready_buffer: &'static str,
    pub no_phase: &'static str,
    pub months: [&'static str; 12],
    pub months_short: [&'static str; 12],
    pub weekdays: [&'static str; 7],
    pub nothing_in_window: &'static str,
    pub page: &'static str,
}

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

static FR: Words = Words {
    deadline: "Jour J",
    today: "Aujourd'hui",
    feasible: "réalisable",
    late_by: "en retard de",
    working_days: "j ouvrés",
    earliest: "J au plus tôt",
    on_track: "dans les temps",
    at_risk: "à risque",
    late: "en retard",
    critical: "chemin critique",
    milestone: "jalon",
    buffer: "marge",
    consumed: "consommée",
    baseline: "référence",
    ready_buffer: "Marge avant le Jour J",
    no_phase: "Sans phase",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    months_short: [
        "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
        "déc.",
    ],
    weekdays: ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
    nothing_in_window: "Aucune tâche dans cette période.",
    page: "page",
};

static EN: Words = Words {
    deadline: "D-day",
    today: "Today",
    feasible: "feasible",
    late_by: "late by",
    working_days: "working days",
    earliest: "earliest D-day",
    on_track: "on track",
    at_risk: "at risk",
    late: "late",
    critical: "critical path",
    milestone: "milestone",
    buffer: "buffer",
    consumed: "consumed",
    baseline: "baseline",
    ready_buffer: "Buffer before D-day",
    no_phase: "No phase",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    months_short: [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ],
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    nothing_in_window: "No task in this period.",
    page: "page",
};

/// `20/12/2026` in French, `2026-12-20` in English, as the CLI writes dates.
pub fn short_date(lang: Lang, d: jiff::civil::Date) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

/// `dim. 20/12/2026`, `Sun 2026-12-20`.
pub fn day_and_date(lang: Lang, d: jiff::civil::Date) -> String {
    let w = words(lang).weekdays[d.weekday().to_monday_zero_offset() as usize];
    format!("{w} {}", short_date(lang, d))
}

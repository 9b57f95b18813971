//! The words of a living plan in French and English: verdicts, the marks of
//! late and at-risk tasks, variance, and the sections of the weekly review.

use retroplan_engine::{Lang, Plan, Schedule, Verdict};

use crate::i18n::working_days;

pub struct ProgressWords {
    pub col_status: &'static str,
    pub col_forecast: &'static str,
    pub col_variance: &'static str,
    pub late: &'static str,
    pub at_risk: &'static str,
    pub legend_forecast: &'static str,
    pub legend_variance: &'static str,
    pub week_title: &'static str,
    pub due_this_week: &'static str,
    pub late_tasks: &'static str,
    pub at_risk_tasks: &'static str,
    pub starting_next_week: &'static str,
    pub waiting: &'static str,
    pub waits_on: &'static str,
    pub margin: &'static str,
    pub nothing: &'static str,
    pub everyone: &'static str,
    pub no_owner: &'static str,
    pub forecast: &'static str,
}

pub const FR: ProgressWords = ProgressWords {
    col_status: "Statut",
    col_forecast: "Prévu",
    col_variance: "Écart",
    late: "en retard",
    at_risk: "à risque",
    legend_forecast: "Prévu : fin prévue d'après l'avancement (= comme planifié)",
    legend_variance: "   Écart : jours ouvrés de la fin prévue par rapport à la référence",
    week_title: "Revue de la semaine",
    due_this_week: "À rendre cette semaine",
    late_tasks: "En retard",
    at_risk_tasks: "À risque",
    starting_next_week: "Démarre la semaine prochaine",
    waiting: "Qui attend qui",
    waits_on: "attend",
    margin: "Marges",
    nothing: "rien",
    everyone: "toute l'équipe",
    no_owner: "sans responsable",
    forecast: "prévision",
};

pub const EN: ProgressWords = ProgressWords {
    col_status: "Status",
    col_forecast: "Forecast",
    col_variance: "Var.",
    late: "late",
    at_risk: "at risk",
    legend_forecast: "Forecast: expected end given progress (= as planned)",
    legend_variance: "   Var.: working days of the expected end against the baseline",
    week_title: "Weekly review",
    due_this_week: "Due this week",
    late_tasks: "Late",
    at_risk_tasks: "At risk",
    starting_next_week: "Starting next week",
    waiting: "Who waits on whom",
    waits_on: "waits on",
    margin: "Margins",
    nothing: "nothing",
    everyone: "everyone",
    no_owner: "no owner",
    forecast: "forecast",
};

pub fn words(lang: Lang) -> &'static ProgressWords {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// "+2", "0", "-1": a variance in working days.
pub fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// The verdict of a plan under way, in one sentence, naming the tasks
/// whose forecast is behind their plan when it is at risk.
pub fn verdict_of(lang: Lang, plan: &Plan, schedule: &Schedule) -> String {
    if schedule.forecast_end.is_none() {
        return crate::i18n::verdict_no_work(lang).to_string();
    }
    let behind: Vec<&str> = schedule
        .tasks
        .iter()
        .zip(&plan.tasks)
        .filter(|(s, _)| {
            !s.status.is_closed() && (s.forecast_start > s.start || s.forecast_end > s.end)
        })
        .map(|(_, t)| t.id.as_str())
        .collect();
    let end = schedule
        .forecast_end
        .map(|d| crate::table::human_date(lang, d))
        .unwrap_or_default();
    // The verdict is about the work left (docs/progress.md): work already
    // done after the deadline cannot make it late, but is not on time
    // either, and the line says so rather than "on track" past D-day.
    // (`forecast_end` is of the work planned back from the deadline when
    // there is any: a plan of follow-up work alone ends after D-day.)
    let backward = schedule.tasks.iter().any(|t| {
        t.direction == retroplan_engine::Direction::Backward
            && t.status != retroplan_engine::Status::Cancelled
    });
    if schedule.verdict != Verdict::Late
        && backward
        && schedule.forecast_end.is_some_and(|e| e > schedule.deadline)
    {
        let deadline = crate::table::human_date(lang, schedule.deadline);
        return match lang {
            Lang::Fr => format!(
                "Le travail restant tient, mais le travail fait s'est terminé le {end}, après le Jour J ({deadline})."
            ),
            Lang::En => format!(
                "The work left holds, but the work done ended on {end}, after D-day ({deadline})."
            ),
        };
    }
    verdict(lang, schedule.verdict, schedule.late_by, &end, &behind)
}

fn verdict(
    lang: Lang,
    verdict: Verdict,
    late_by: u32,
    forecast_end: &str,
    behind: &[&str],
) -> String {
    let list = behind.join(", ");
    match (lang, verdict) {
        (Lang::Fr, Verdict::OnTrack) => {
            format!("Dans les temps : fin prévue le {forecast_end}.")
        }
        (Lang::En, Verdict::OnTrack) => format!("On track: expected to end {forecast_end}."),
        (Lang::Fr, Verdict::AtRisk) => format!(
            "À risque : le Jour J tient (fin prévue le {forecast_end}), mais des tâches ont glissé et mangent la marge : {list}."
        ),
        (Lang::En, Verdict::AtRisk) => format!(
            "At risk: the deadline holds (expected end {forecast_end}), but work has slipped and eats the margin: {list}."
        ),
        (Lang::Fr, Verdict::Late) => format!(
            "En retard de {} : fin prévue le {forecast_end}.",
            working_days(lang, late_by)
        ),
        (Lang::En, Verdict::Late) => format!(
            "Late by {}: expected to end {forecast_end}.",
            working_days(lang, late_by)
        ),
    }
}

/// "Against baseline «v1»: start +0, end +2 working days."
pub fn variance(lang: Lang, baseline: &str, start: Option<i32>, end: Option<i32>) -> String {
    let n = |v: Option<i32>| v.map_or("?".to_string(), signed);
    match lang {
        Lang::Fr => format!(
            "Par rapport à la référence « {baseline} » : début {}, fin {} (jours ouvrés).",
            n(start),
            n(end)
        ),
        Lang::En => format!(
            "Against baseline \"{baseline}\": start {}, end {} (working days).",
            n(start),
            n(end)
        ),
    }
}

/// The margin left before the deadline, and how much of it is gone.
pub fn margin(lang: Lang, left: i32, planned: i32, baseline: Option<(&str, i32)>) -> String {
    let days = |n: i32| working_days(lang, n.max(0) as u32);
    let against = match (lang, baseline) {
        (_, None) => String::new(),
        (Lang::Fr, Some((name, b))) => {
            format!(" ; « {name} » en prévoyait {}", days(b))
        }
        (Lang::En, Some((name, b))) => format!("; baseline \"{name}\" had {}", days(b)),
    };
    match lang {
        Lang::Fr if left < 0 => format!(
            "Le Jour J est dépassé de {} (le plan en prévoyait {}){against}.",
            days(-left),
            days(planned)
        ),
        Lang::En if left < 0 => format!(
            "The deadline is overrun by {} (the plan had {}){against}.",
            days(-left),
            days(planned)
        ),
        Lang::Fr => format!(
            "{} de marge avant le Jour J (le plan en prévoyait {}){against}.",
            days(left),
            days(planned)
        ),
        Lang::En => format!(
            "{} of margin before the deadline (the plan had {}){against}.",
            days(left),
            days(planned)
        ),
    }
}

/// The earliest deadline the work left allows.
pub fn earliest_deadline(lang: Lang, date: &str) -> String {
    match lang {
        Lang::Fr => format!("Date au plus tôt tenable depuis aujourd'hui : {date}."),
        Lang::En => format!("The earliest deadline today allows: {date}."),
    }
}

//! Under the schedule table, what concerns people: the days someone is
//! booked over capacity, what levelling moved and why, and when levelling
//! cannot fit before the deadline, who is overloaded and what would fix it.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use jiff::ToSpan;
use jiff::civil::Date;
use retroplan_engine::{Lang, MoveCause, Overload, Plan, Schedule, reassignments};

use crate::table::human_date;

const WARN: Style = AnsiColor::Yellow.on_default().bold();
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// The mark after a row that levelling moved: `⇠3` earlier, `⇢3` later.
pub fn moved_mark(schedule: &Schedule, t: usize) -> Option<String> {
    let s = &schedule.tasks[t];
    (s.moved_by_levelling > 0).then(|| match s.moved_later {
        false => format!("⇠{}", s.moved_by_levelling),
        true => format!("⇢{}", s.moved_by_levelling),
    })
}

pub fn render(out: &mut dyn Write, plan: &Plan, schedule: &Schedule, lang: Lang) -> io::Result<()> {
    let id = |t: usize| plan.tasks[t].id.as_str();
    let moved: Vec<usize> = (0..plan.tasks.len())
        .filter(|&t| schedule.tasks[t].moved_by_levelling > 0)
        .collect();
    if !moved.is_empty() {
        writeln!(out)?;
        writeln!(out, "{BOLD}── {} ──{BOLD:#}", text::levelling_title(lang))?;
        let width = moved
            .iter()
            .map(|&t| id(t).chars().count())
            .max()
            .unwrap_or(0);
        for &t in &moved {
            let s = &schedule.tasks[t];
            let why = match s.moved_because.as_deref() {
                Some(MoveCause::Held { person, task }) => text::held(lang, person, id(*task)),
                Some(MoveCause::Successor(x)) => text::after_successor(lang, id(*x)),
                Some(MoveCause::Predecessor(x)) => text::after_predecessor(lang, id(*x)),
                None => String::new(),
            };
            let how = text::moved(lang, s.moved_by_levelling, !s.moved_later);
            writeln!(out, "{:width$}  {how}{why}", id(t))?;
        }
    }
    if !schedule.overloads.is_empty() {
        writeln!(out)?;
        writeln!(out, "{WARN}── {} ──{WARN:#}", text::overloads_title(lang))?;
        let overloads: Vec<Overload> = schedule.overloads.iter().collect();
        for run in runs(plan, &overloads) {
            let (first, last) = (&run[0], &run[run.len() - 1]);
            let when = if first.date == last.date {
                human_date(lang, first.date)
            } else {
                format!(
                    "{} → {}",
                    human_date(lang, first.date),
                    human_date(lang, last.date)
                )
            };
            let tasks: Vec<&str> = first.tasks.iter().map(|&t| id(t)).collect();
            writeln!(
                out,
                "{}  {when}  {} ({})",
                first.person,
                text::booked(lang, first.booked, first.capacity),
                tasks.join(", ")
            )?;
        }
        if !schedule.levelled {
            writeln!(out, "{DIM}{}{DIM:#}", text::level_hint(lang))?;
        }
    }
    if !schedule.shortfalls.is_empty() {
        writeln!(out)?;
        writeln!(out, "{WARN}── {} ──{WARN:#}", text::shortfalls_title(lang))?;
        for short in &schedule.shortfalls {
            let tasks: Vec<&str> = short.tasks.iter().map(|&t| id(t)).collect();
            writeln!(
                out,
                "{}",
                text::shortfall(
                    lang,
                    &short.person,
                    &human_date(lang, schedule.work_starts),
                    short.busy_to.map(|d| human_date(lang, d)).as_deref(),
                    short.before_today,
                    &tasks.join(", "),
                )
            )?;
        }
        writeln!(out, "{BOLD}{}{BOLD:#}", text::ways_out(lang))?;
        for r in reassignments(plan, schedule.today, schedule).iter().take(3) {
            writeln!(
                out,
                "  {}",
                text::reassign(lang, id(r.task), &r.from, &r.to, r.late_by)
            )?;
        }
        if schedule.earliest_deadline > schedule.deadline {
            let date = schedule.earliest_deadline;
            writeln!(
                out,
                "  {}",
                text::move_deadline(lang, &human_date(lang, date), iso(date))
            )?;
        }
    }
    Ok(())
}

fn iso(d: Date) -> String {
    d.to_string()
}

/// Consecutive overloads of one person with the same tasks and load, as
/// runs: days with no working day of the plan's calendar between them (a
/// weekend may sit inside a run, a day the person is not overloaded not).
fn runs<'a, 'o>(plan: &Plan, overloads: &'a [Overload<'o>]) -> Vec<&'a [Overload<'o>]> {
    let mut out = Vec::new();
    let mut start = 0;
    let next_to = |a: Date, b: Date| {
        a.series(1.day())
            .skip(1)
            .take_while(|&d| d < b)
            .all(|d| !plan.calendar.is_working_day(d))
    };
    for i in 1..=overloads.len() {
        let same = i < overloads.len() && {
            let (a, b) = (&overloads[i - 1], &overloads[i]);
            a.person == b.person
                && a.tasks == b.tasks
                && a.booked == b.booked
                && next_to(a.date, b.date)
        };
        if !same {
            out.push(&overloads[start..i]);
            start = i;
        }
    }
    out
}

/// The sentences of this report, in French and English.
mod text {
    use retroplan_engine::Lang;

    use crate::i18n::working_days;
    use retroplan_formats::schedule_json::hundredths as amount;

    pub fn levelling_title(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Lissage des charges",
            Lang::En => "Levelling",
        }
    }

    pub fn moved(lang: Lang, days: u32, earlier: bool) -> String {
        let days = working_days(lang, days);
        match (lang, earlier) {
            (Lang::Fr, true) => format!("avancée de {days}"),
            (Lang::Fr, false) => format!("retardée de {days}"),
            (Lang::En, true) => format!("{days} earlier"),
            (Lang::En, false) => format!("{days} later"),
        }
    }

    pub fn held(lang: Lang, person: &str, task: &str) -> String {
        match lang {
            Lang::Fr => format!(" : {person} est pris(e) par « {task} »"),
            Lang::En => format!(": {person} is busy with \"{task}\""),
        }
    }

    pub fn after_successor(lang: Lang, task: &str) -> String {
        match lang {
            Lang::Fr => format!(" : la suite, « {task} », a été avancée"),
            Lang::En => format!(": what follows, \"{task}\", moved earlier"),
        }
    }

    pub fn after_predecessor(lang: Lang, task: &str) -> String {
        match lang {
            Lang::Fr => format!(" : « {task} », avant elle, a bougé"),
            Lang::En => format!(": \"{task}\", before it, moved"),
        }
    }

    pub fn overloads_title(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Surcharges",
            Lang::En => "Overloads",
        }
    }

    /// "2 tasks for a capacity of 1", from hundredths.
    pub fn booked(lang: Lang, booked: u32, capacity: u32) -> String {
        let (b, c) = (amount(booked), amount(capacity));
        match lang {
            Lang::Fr => format!("{b} tâches pour une capacité de {c}"),
            Lang::En => format!("{b} tasks for a capacity of {c}"),
        }
    }

    pub fn level_hint(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "  → `--level` (ou `level = true` dans le plan) étale le travail de chacun",
            Lang::En => "  → `--level` (or `level = true` in the plan) spreads each person's work",
        }
    }

    pub fn shortfalls_title(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Qui est surchargé",
            Lang::En => "Who is overloaded",
        }
    }

    pub fn shortfall(
        lang: Lang,
        person: &str,
        from: &str,
        busy_to: Option<&str>,
        before_today: u32,
        tasks: &str,
    ) -> String {
        let days = amount(before_today);
        match (lang, busy_to) {
            (Lang::Fr, Some(to)) => format!(
                "{person} : occupé(e) chaque jour ouvré du {from} au {to}, et {days} j de travail devraient être faits avant aujourd'hui ({tasks})"
            ),
            (Lang::Fr, None) => format!(
                "{person} : {days} j de travail devraient être faits avant aujourd'hui ({tasks})"
            ),
            (Lang::En, Some(to)) => format!(
                "{person}: booked every working day from {from} to {to}, and {days} days of work would have to be done before today ({tasks})"
            ),
            (Lang::En, None) => format!(
                "{person}: {days} days of work would have to be done before today ({tasks})"
            ),
        }
    }

    pub fn ways_out(lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => "Pour tenir :",
            Lang::En => "Ways out:",
        }
    }

    pub fn reassign(lang: Lang, task: &str, from: &str, to: &str, late_by: u32) -> String {
        match (lang, late_by) {
            (Lang::Fr, 0) => format!("confier « {task} » à {to} au lieu de {from} : le plan tient"),
            (Lang::Fr, n) => format!(
                "confier « {task} » à {to} au lieu de {from} : plus que {} de retard",
                working_days(lang, n)
            ),
            (Lang::En, 0) => format!("give \"{task}\" to {to} instead of {from}: the plan fits"),
            (Lang::En, n) => format!(
                "give \"{task}\" to {to} instead of {from}: late by {} only",
                working_days(lang, n)
            ),
        }
    }

    pub fn move_deadline(lang: Lang, date: &str, iso: String) -> String {
        match lang {
            Lang::Fr => format!(
                "repousser le Jour J au {date} (essayer : retroplan schedule --level --deadline {iso})"
            ),
            Lang::En => format!(
                "move the deadline to {date} (try: retroplan schedule --level --deadline {iso})"
            ),
        }
    }
}

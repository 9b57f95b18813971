//! `retroplan workload PLAN...`: each person's booked work against the days
//! they have, per week or per day, summed over several plans (people are
//! matched by id), so that an agency sees who is overbooked across clients.
//!
//! Across plans a person's availability on a day is their largest capacity
//! in any plan, except that shares below one task add up (50 % on two
//! clients is a full-time person), never beyond one task: docs/people.md.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use jiff::ToSpan;
use jiff::civil::Date;
use retroplan_engine::{Lang, PeopleLoad};
use retroplan_formats::schedule_json::hundredths as amount;
use serde_json::json;
use unicode_width::UnicodeWidthStr;

use crate::load::{self, load};
use crate::table::human_date;

const OVER: Style = AnsiColor::Red.on_default().bold();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Week,
    Day,
}

pub struct Request<'a> {
    pub plans: &'a [String],
    pub period: Period,
    pub json: bool,
    pub today: Option<Date>,
    pub level: bool,
    pub lang: Option<Lang>,
    pub read: retroplan_formats::ReadOptions,
}

/// One person over every plan: per day, (available, booked) per plan.
struct Person {
    id: String,
    name: String,
    role: Option<String>,
    /// Day -> per plan that books or employs them: (available, booked), hundredths.
    days: BTreeMap<Date, Vec<(u32, u32)>>,
}

/// A person's total on one day.
#[derive(Clone, Copy, Default)]
struct Day {
    available: u32,
    booked: u32,
}

impl Day {
    fn over(self) -> bool {
        self.booked > self.available
    }
}

/// Availability across plans, from each plan's availability that day.
fn combined_availability(per_plan: &[(u32, u32)]) -> u32 {
    let whole = per_plan.iter().map(|p| p.0).filter(|&a| a >= 100).max();
    let shares: u32 = per_plan.iter().map(|p| p.0).filter(|&a| a < 100).sum();
    whole.unwrap_or(0).max(shares.min(100))
}

pub fn run(request: Request<'_>) -> anyhow::Result<ExitCode> {
    let mut people: Vec<Person> = Vec::new();
    let mut lang = request.lang;
    for path in request.plans {
        let Ok(mut loaded) = load(path, &request.read)? else {
            return Ok(ExitCode::from(2));
        };
        loaded.plan.level |= request.level;
        lang = lang.or(loaded.plan.lang);
        let today = load::today(request.today, &loaded.plan);
        let Ok((_, load)) = load::schedule_with_load(&loaded, today, true) else {
            return Ok(ExitCode::from(2));
        };
        let Some(load) = load else { continue };
        add_plan(&mut people, &load);
    }
    let lang = lang
        .or_else(|| crate::i18n::lang_from_env(|k| std::env::var(k).ok()))
        .unwrap_or(Lang::En);
    let report = Report::new(&people, request.period);
    if request.json {
        let mut out = io::stdout().lock();
        writeln!(out, "{:#}", report.json(request.period))?;
    } else {
        let mut out = anstream::stdout().lock();
        report.table(&mut out, lang)?;
    }
    Ok(if report.overloaded() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn add_plan(people: &mut Vec<Person>, load: &PeopleLoad) {
    for p in &load.people {
        let i = match people.iter().position(|q| q.id == p.id) {
            Some(i) => i,
            None => {
                people.push(Person {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role.clone(),
                    days: BTreeMap::new(),
                });
                people.len() - 1
            }
        };
        let person = &mut people[i];
        if p.listed && person.role.is_none() {
            person.name = p.name.clone();
            person.role = p.role.clone();
        }
        for (k, (&available, &booked)) in p.available.iter().zip(&p.booked).enumerate() {
            if available == 0 && booked == 0 {
                continue;
            }
            let Ok(day) = load.from.checked_add((k as i64).days()) else {
                continue;
            };
            person
                .days
                .entry(day)
                .or_default()
                .push((available, booked));
        }
    }
}

/// Per person, per period: the sums, and the days over capacity.
struct Report<'p> {
    people: Vec<&'p Person>,
    /// Period starts, sorted.
    periods: Vec<Date>,
    /// [person][period]
    cells: Vec<Vec<Cell>>,
    /// Weeks or days.
    period: Period,
}

#[derive(Clone, Default)]
struct Cell {
    available: u32,
    booked: u32,
    over_days: Vec<Date>,
}

fn period_start(period: Period, day: Date) -> Date {
    match period {
        Period::Day => day,
        Period::Week => {
            let back = i64::from(day.weekday().to_monday_zero_offset());
            day.checked_sub(back.days()).unwrap_or(day)
        }
    }
}

impl<'p> Report<'p> {
    fn new(people: &'p [Person], period: Period) -> Report<'p> {
        let people: Vec<&Person> = people.iter().filter(|p| !p.days.is_empty()).collect();
        let mut periods: Vec<Date> = people
            .iter()
            .flat_map(|p| p.days.keys().map(|&d| period_start(period, d)))
            .collect();
        periods.sort_unstable();
        periods.dedup();
        let cells = people
            .iter()
            .map(|p| {
                let mut row = vec![Cell::default(); periods.len()];
                for (&date, per_plan) in &p.days {
                    let day = Day {
                        available: combined_availability(per_plan),
                        booked: per_plan.iter().map(|x| x.1).sum(),
                    };
                    let i = periods
                        .binary_search(&period_start(period, date))
                        .unwrap_or_default();
                    let cell = &mut row[i];
                    cell.available += day.available;
                    cell.booked += day.booked;
                    if day.over() {
                        cell.over_days.push(date);
                    }
                }
                row
            })
            .collect();
        Report {
            people,
            periods,
            period,
            cells,
        }
    }

    fn overloaded(&self) -> bool {
        self.cells.iter().flatten().any(|c| !c.over_days.is_empty())
    }

    fn json(&self, period: Period) -> serde_json::Value {
        let people: Vec<serde_json::Value> = self
            .people
            .iter()
            .zip(&self.cells)
            .map(|(p, row)| {
                let periods: Vec<serde_json::Value> = self
                    .periods
                    .iter()
                    .zip(row)
                    .filter(|(_, c)| c.available > 0 || c.booked > 0)
                    .map(|(&start, c)| {
                        json!({
                            "start": start.to_string(),
                            "booked": days(c.booked),
                            "available": days(c.available),
                            "percent": percent(c),
                            "overloaded": !c.over_days.is_empty(),
                            "overloaded_days": c.over_days.iter().map(Date::to_string).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                json!({"id": p.id, "name": p.name, "role": p.role, "periods": periods})
            })
            .collect();
        json!({
            "by": match period { Period::Week => "week", Period::Day => "day" },
            "people": people,
        })
    }

    fn table(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let t = text(lang);
        if self.people.is_empty() {
            return writeln!(out, "{}", t.nobody);
        }
        let mut header = vec![t.period.to_string()];
        header.extend(self.people.iter().map(|p| p.id.clone()));
        let rows: Vec<Vec<(String, bool)>> = self
            .periods
            .iter()
            .enumerate()
            .map(|(i, &start)| {
                let mut row = vec![(period_label(lang, self.period, start), false)];
                for cells in &self.cells {
                    let c = &cells[i];
                    let text = if c.available == 0 && c.booked == 0 {
                        "·".to_string()
                    } else {
                        format!(
                            "{}/{} {}%",
                            amount(c.booked),
                            amount(c.available),
                            percent(c).map_or("–".to_string(), |p| p.to_string())
                        )
                    };
                    let over = !c.over_days.is_empty();
                    row.push((if over { format!("{text} !") } else { text }, over));
                }
                row
            })
            .collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
        for row in &rows {
            for (w, (c, _)) in widths.iter_mut().zip(row) {
                *w = (*w).max(c.width());
            }
        }
        let cell = |text: &str, w: usize, first: bool| {
            let pad = " ".repeat(w - text.width());
            if first {
                format!("{text}{pad}")
            } else {
                format!("{pad}{text}")
            }
        };
        let head: Vec<String> = header
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (h, &w))| cell(h, w, i == 0))
            .collect();
        writeln!(out, "{DIM}{}{DIM:#}", head.join("  ").trim_end())?;
        for row in &rows {
            let mut line = String::new();
            for (i, ((text, over), &w)) in row.iter().zip(&widths).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let text = cell(text, w, i == 0);
                if *over {
                    line.push_str(&format!("{OVER}{text}{OVER:#}"));
                } else {
                    line.push_str(&text);
                }
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
        writeln!(out, "{DIM}{}{DIM:#}", t.legend)?;
        for (p, row) in self.people.iter().zip(&self.cells) {
            let over: Vec<Date> = row
                .iter()
                .flat_map(|c| c.over_days.iter().copied())
                .collect();
            let role = p
                .role
                .as_deref()
                .map_or(String::new(), |r| format!(", {r}"));
            if over.is_empty() {
                continue;
            }
            let first = human_date(lang, over[0]);
            let last = human_date(lang, over[over.len() - 1]);
            writeln!(
                out,
                "{BOLD}{}{BOLD:#} ({}{role}){}",
                p.id,
                p.name,
                t.over(over.len(), &first, &last)
            )?;
        }
        if !self.overloaded() {
            writeln!(out, "{}", t.nobody_over)?;
        }
        Ok(())
    }
}

fn days(hundredths: u32) -> f64 {
    f64::from(hundredths) / 100.0
}

fn percent(c: &Cell) -> Option<u64> {
    (c.available > 0)
        .then(|| (u64::from(c.booked) * 100 + u64::from(c.available) / 2) / u64::from(c.available))
}

/// A week by its Monday ("wk Mon 2026-12-07"), a day by its date: a day
/// that is a Monday is not a week.
fn period_label(lang: Lang, period: Period, start: Date) -> String {
    match period {
        Period::Week => match lang {
            Lang::Fr => format!("sem. {}", human_date(lang, start)),
            Lang::En => format!("wk {}", human_date(lang, start)),
        },
        Period::Day => human_date(lang, start),
    }
}

struct Text {
    period: &'static str,
    legend: &'static str,
    nobody: &'static str,
    nobody_over: &'static str,
    lang: Lang,
}

impl Text {
    fn over(&self, days: usize, first: &str, last: &str) -> String {
        match self.lang {
            Lang::Fr => format!(" : surchargé(e) {days} jour(s), du {first} au {last}"),
            Lang::En => format!(": overbooked on {days} day(s), from {first} to {last}"),
        }
    }
}

fn text(lang: Lang) -> Text {
    match lang {
        Lang::Fr => Text {
            period: "Période",
            legend: "réservé/disponible en jours, charge en %   ! surcharge (un jour au moins au-delà de la capacité)   · rien",
            nobody: "Aucune tâche n'a de responsable : rien à répartir.",
            nobody_over: "Personne n'est surchargé.",
            lang,
        },
        Lang::En => Text {
            period: "Period",
            legend: "booked/available days, load in %   ! overbooked (at least one day over capacity)   · nothing",
            nobody: "No task has an owner: no workload to show.",
            nobody_over: "Nobody is overbooked.",
            lang,
        },
    }
}

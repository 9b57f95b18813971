//! `retroplan diff OLD NEW` and `retroplan diff PLAN --baseline [NAME]`:
//! what changed between two versions of a plan, for the weekly meeting
//! (docs/diff-and-whatif.md).
//!
//! Tasks are matched by id. Between two files, a task is re-dated when its
//! planned start or end moved; against a baseline, which recorded forecast
//! dates, when its forecast start or end moved (the variance of `schedule`).
//! Shifts are working days of the newer plan's calendar. Then the effect on
//! the plan: deadline, start, forecast end and verdict, before and after.
//!
//! Also home of the small pieces `whatif` shares: working days between two
//! dates on a plan's calendar, signed numbers, aligned columns.

use std::collections::HashMap;
use std::io::{self, Write};
use std::process::ExitCode;

use anstyle::Style;
use jiff::civil::Date;
use retroplan_engine::calendar::{CalendarRules, WorkCalendar};
use retroplan_engine::day_number::day_number;
use retroplan_engine::{Baseline, Lang, Plan, Schedule, Status, Verdict};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use crate::load::{self, Loaded};
use crate::table::human_date;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

#[derive(clap::Args)]
pub struct DiffArgs {
    /// OLD.toml NEW.toml; or one PLAN with --baseline.
    #[arg(required = true, num_args = 1..=2, value_name = "PLAN")]
    pub plans: Vec<String>,
    /// Compare PLAN with its baseline NAME (default: the last one recorded).
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "NAME")]
    pub baseline: Option<String>,
    /// The day to read progress at (YYYY-MM-DD), for both plans; default:
    /// each plan's `today`, else the clock.
    #[arg(long, value_parser = crate::parse_date)]
    pub today: Option<Date>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Table)]
    pub format: DiffFormat,
    /// Language of the report; default: the (newer) plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let read = crate::read_options(None, args.lang);
    let (old, new, loaded) = match (&args.baseline, args.plans.as_slice()) {
        (Some(name), [plan]) => {
            let Ok(loaded) = load::load(plan, &read)? else {
                return Ok(ExitCode::from(2));
            };
            let Some(baseline) = find_baseline(&loaded.plan, name) else {
                return Ok(ExitCode::from(2));
            };
            let Ok(schedule) = load::schedule(&loaded, today(args.today, &loaded)) else {
                return Ok(ExitCode::from(2));
            };
            let old = Side::of_baseline(baseline);
            let new = Side::of_plan(&loaded, &schedule, Dates::Forecast);
            (old, new, loaded)
        }
        (Some(_), _) => anyhow::bail!(
            "`--baseline` compares one plan with its own baseline: give one plan file, not {}",
            args.plans.len()
        ),
        (None, [old_path, new_path]) => {
            let Ok(old_loaded) = load::load(old_path, &read)? else {
                return Ok(ExitCode::from(2));
            };
            let Ok(old_schedule) = load::schedule(&old_loaded, today(args.today, &old_loaded))
            else {
                return Ok(ExitCode::from(2));
            };
            let Ok(loaded) = load::load(new_path, &read)? else {
                return Ok(ExitCode::from(2));
            };
            let Ok(schedule) = load::schedule(&loaded, today(args.today, &loaded)) else {
                return Ok(ExitCode::from(2));
            };
            let old = Side::of_plan(&old_loaded, &old_schedule, Dates::Planned);
            let new = Side::of_plan(&loaded, &schedule, Dates::Planned);
            (old, new, loaded)
        }
        (None, _) => anyhow::bail!(
            "give two plan files (OLD NEW), or one plan and `--baseline [NAME]` to compare it with its baseline"
        ),
    };
    let lang = crate::language(args.lang, &loaded);
    let diff = Diff::new(&old, &new, &loaded.plan.calendar);
    match args.format {
        DiffFormat::Json => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:#}", diff.json(&old, &new))?;
        }
        DiffFormat::Markdown => {
            let mut out = io::stdout().lock();
            diff.markdown(&mut out, &old, &new, lang)?;
        }
        DiffFormat::Table => {
            let mut out = anstream::stdout().lock();
            diff.table(&mut out, &old, &new, lang)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--today`, else the plan's `today`, else the clock.
fn today(flag: Option<Date>, loaded: &Loaded) -> Date {
    crate::load::today(flag, &loaded.plan)
}

/// The baseline `name` of the plan (the last one recorded for ""), or a
/// message on standard error naming the ones it has.
fn find_baseline<'p>(plan: &'p Plan, name: &str) -> Option<&'p Baseline> {
    crate::baseline::find(plan, name).map(|i| &plan.tracking.baselines[i])
}

/// Which dates of a schedule are compared.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dates {
    Planned,
    Forecast,
}

/// Where one side of the comparison comes from.
enum Origin {
    File(String),
    Baseline { name: String, recorded: Date },
}

/// One task as compared.
struct Item {
    id: String,
    /// Baselines record no titles.
    title: Option<String>,
    owner: Option<String>,
    status: Status,
    days: u32,
    start: Date,
    end: Date,
}

impl Item {
    fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.id)
    }
}

/// One side of the comparison, reduced to what is compared.
struct Side {
    origin: Origin,
    deadline: Date,
    start: Option<Date>,
    forecast_end: Option<Date>,
    /// The verdict's code (`on_track`, `at_risk`, `late`).
    verdict: Option<String>,
    items: Vec<Item>,
}

impl Side {
    fn of_plan(loaded: &Loaded, schedule: &Schedule, dates: Dates) -> Side {
        let plan = &loaded.plan;
        let items = plan
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .map(|(t, s)| {
                let (start, end, days) = match dates {
                    Dates::Planned => (s.start, s.end, t.days()),
                    // As a baseline records them (`retroplan baseline`).
                    Dates::Forecast => (s.forecast_start, s.forecast_end, s.days),
                };
                Item {
                    id: t.id.clone(),
                    title: Some(t.title.clone()),
                    owner: t.owner.clone(),
                    status: t.status,
                    days,
                    start,
                    end,
                }
            })
            .collect();
        Side {
            origin: Origin::File(loaded.name.clone()),
            deadline: plan.deadline,
            start: first_start(schedule, dates == Dates::Forecast),
            forecast_end: schedule.forecast_end,
            verdict: Some(schedule.verdict.code().to_string()),
            items,
        }
    }

    fn of_baseline(b: &Baseline) -> Side {
        Side {
            origin: Origin::Baseline {
                name: b.name.clone(),
                recorded: b.recorded,
            },
            deadline: b.deadline,
            start: b.start,
            forecast_end: b.end,
            verdict: b.verdict.clone(),
            items: b
                .tasks
                .iter()
                .map(|t| Item {
                    id: t.id.clone(),
                    title: None,
                    owner: t.owner.clone(),
                    status: t.status,
                    days: t.days,
                    start: t.start,
                    end: t.end,
                })
                .collect(),
        }
    }
}

/// A task in both sides whose dates moved; shifts in working days.
struct Redated {
    old: usize,
    new: usize,
    start: i32,
    end: i32,
}

/// What changed, as indices into the sides' items.
struct Diff {
    /// In the new side's order.
    added: Vec<usize>,
    /// In the old side's order.
    removed: Vec<usize>,
    /// The rest in the new side's order, as (old, new).
    redated: Vec<Redated>,
    reassigned: Vec<(usize, usize)>,
    status_changed: Vec<(usize, usize)>,
    duration_changed: Vec<(usize, usize)>,
    /// Deadline, start and forecast end shifts of the plan.
    plan_shifts: [Option<i32>; 3],
    /// Against a baseline: the dates compared are forecast ones.
    forecast: bool,
}

impl Diff {
    fn new(old: &Side, new: &Side, calendar: &CalendarRules) -> Diff {
        let old_ix: HashMap<&str, usize> = old
            .items
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let new_ids: HashMap<&str, usize> = new
            .items
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect();
        let mut dates: Vec<Date> = Vec::new();
        for side in [old, new] {
            dates.extend([side.deadline]);
            dates.extend(side.start.into_iter().chain(side.forecast_end));
            dates.extend(side.items.iter().flat_map(|t| [t.start, t.end]));
        }
        let days = WorkDays::new(calendar, dates);
        let mut diff = Diff {
            added: Vec::new(),
            removed: (0..old.items.len())
                .filter(|&i| !new_ids.contains_key(old.items[i].id.as_str()))
                .collect(),
            redated: Vec::new(),
            reassigned: Vec::new(),
            status_changed: Vec::new(),
            duration_changed: Vec::new(),
            plan_shifts: [
                Some(days.between(old.deadline, new.deadline)),
                old.start.zip(new.start).map(|(a, b)| days.between(a, b)),
                old.forecast_end
                    .zip(new.forecast_end)
                    .map(|(a, b)| days.between(a, b)),
            ],
            forecast: matches!(old.origin, Origin::Baseline { .. }),
        };
        for (n, t) in new.items.iter().enumerate() {
            let Some(&o) = old_ix.get(t.id.as_str()) else {
                diff.added.push(n);
                continue;
            };
            let was = &old.items[o];
            if (was.start, was.end) != (t.start, t.end) {
                diff.redated.push(Redated {
                    old: o,
                    new: n,
                    start: days.between(was.start, t.start),
                    end: days.between(was.end, t.end),
                });
            }
            if was.owner != t.owner {
                diff.reassigned.push((o, n));
            }
            if was.status != t.status {
                diff.status_changed.push((o, n));
            }
            // A cancelled task's days count for nothing: its status says it.
            let cancelled = was.status == Status::Cancelled || t.status == Status::Cancelled;
            if was.days != t.days && !cancelled {
                diff.duration_changed.push((o, n));
            }
        }
        diff
    }

    fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.removed.is_empty()
            && self.redated.is_empty()
            && self.reassigned.is_empty()
            && self.status_changed.is_empty()
            && self.duration_changed.is_empty()
    }

    fn json(&self, old: &Side, new: &Side) -> Value {
        let origin = |side: &Side| match &side.origin {
            Origin::File(name) => json!({"plan": name}),
            Origin::Baseline { name, recorded } => {
                json!({"baseline": name, "recorded": recorded.to_string()})
            }
        };
        let task = |t: &Item| {
            json!({
                "id": t.id,
                "title": t.title,
                "owner": t.owner,
                "status": t.status.code(),
                "days": t.days,
                "start": t.start.to_string(),
                "end": t.end.to_string(),
            })
        };
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        json!({
            "old": origin(old),
            "new": origin(new),
            "added": self.added.iter().map(|&n| task(&new.items[n])).collect::<Vec<_>>(),
            "removed": self.removed.iter().map(|&o| task(&old.items[o])).collect::<Vec<_>>(),
            "redated": self.redated.iter().map(|r| {
                let (was, is) = (&old.items[r.old], &new.items[r.new]);
                json!({
                    "id": is.id,
                    "start": [was.start.to_string(), is.start.to_string()],
                    "end": [was.end.to_string(), is.end.to_string()],
                    "shift": {"start": r.start, "end": r.end},
                })
            }).collect::<Vec<_>>(),
            "reassigned": self.reassigned.iter().map(|&(o, n)| json!({
                "id": new.items[n].id,
                "owner": [old.items[o].owner, new.items[n].owner],
            })).collect::<Vec<_>>(),
            "status_changed": self.status_changed.iter().map(|&(o, n)| json!({
                "id": new.items[n].id,
                "status": [old.items[o].status.code(), new.items[n].status.code()],
            })).collect::<Vec<_>>(),
            "duration_changed": self.duration_changed.iter().map(|&(o, n)| json!({
                "id": new.items[n].id,
                "days": [old.items[o].days, new.items[n].days],
            })).collect::<Vec<_>>(),
            "plan": {
                "deadline": [old.deadline.to_string(), new.deadline.to_string()],
                "start": [date(old.start), date(new.start)],
                "forecast_end": [date(old.forecast_end), date(new.forecast_end)],
                "verdict": [old.verdict, new.verdict],
                "shift": {
                    "deadline": self.plan_shifts[0],
                    "start": self.plan_shifts[1],
                    "forecast_end": self.plan_shifts[2],
                },
            },
        })
    }

    /// The sections with rows, as text cells: (title, header, rows).
    fn sections(&self, old: &Side, new: &Side, lang: Lang) -> Vec<Section> {
        let w = words(lang);
        let owner = |o: &Option<String>| o.clone().unwrap_or_else(|| "—".to_string());
        let listed = |t: &Item| {
            vec![
                t.label().to_string(),
                owner(&t.owner),
                t.days.to_string(),
                human_date(lang, t.start),
                human_date(lang, t.end),
            ]
        };
        let list_header = vec![w.task, w.owner, w.days, w.start, w.end];
        let mut sections = Vec::new();
        let mut push = |title: &'static str, header: Vec<&'static str>, rows: Vec<Vec<String>>| {
            if !rows.is_empty() {
                sections.push(Section {
                    title,
                    header,
                    rows,
                });
            }
        };
        push(
            w.added,
            list_header.clone(),
            self.added.iter().map(|&n| listed(&new.items[n])).collect(),
        );
        push(
            w.removed,
            list_header,
            self.removed
                .iter()
                .map(|&o| listed(&old.items[o]))
                .collect(),
        );
        push(
            w.redated,
            vec![w.task, w.start, w.end],
            self.redated
                .iter()
                .map(|r| {
                    let (was, is) = (&old.items[r.old], &new.items[r.new]);
                    vec![
                        is.label().to_string(),
                        moved(lang, Some(was.start), Some(is.start), Some(r.start)),
                        moved(lang, Some(was.end), Some(is.end), Some(r.end)),
                    ]
                })
                .collect(),
        );
        let change = |o: usize, n: usize, f: &dyn Fn(&Item) -> String| {
            vec![
                new.items[n].label().to_string(),
                format!("{} → {}", f(&old.items[o]), f(&new.items[n])),
            ]
        };
        push(
            w.reassigned,
            vec![w.task, w.owner],
            self.reassigned
                .iter()
                .map(|&(o, n)| change(o, n, &|t| owner(&t.owner)))
                .collect(),
        );
        push(
            w.status_changed,
            vec![w.task, w.status],
            self.status_changed
                .iter()
                .map(|&(o, n)| change(o, n, &|t| t.status.label(lang).to_string()))
                .collect(),
        );
        push(
            w.duration_changed,
            vec![w.task, w.days],
            self.duration_changed
                .iter()
                .map(|&(o, n)| change(o, n, &|t| t.days.to_string()))
                .collect(),
        );
        sections
    }

    /// The plan before and after: (label, cell).
    fn plan_rows(&self, old: &Side, new: &Side, lang: Lang) -> Vec<(&'static str, String)> {
        let w = words(lang);
        let verdict = |v: &Option<String>| {
            v.as_deref()
                .map_or("—".to_string(), |c| verdict_word(lang, c))
        };
        let [deadline, start, end] = self.plan_shifts;
        vec![
            (
                w.deadline,
                moved(lang, Some(old.deadline), Some(new.deadline), deadline),
            ),
            (
                if self.forecast {
                    w.forecast_start
                } else {
                    w.plan_start
                },
                moved(lang, old.start, new.start, start),
            ),
            (
                w.forecast_end,
                moved(lang, old.forecast_end, new.forecast_end, end),
            ),
            (
                w.verdict,
                if old.verdict == new.verdict {
                    format!("{} ({})", verdict(&new.verdict), w.unchanged)
                } else {
                    format!("{} → {}", verdict(&old.verdict), verdict(&new.verdict))
                },
            ),
        ]
    }

    fn counts(&self, lang: Lang) -> String {
        let w = words(lang);
        [
            (self.added.len(), w.n_added),
            (self.removed.len(), w.n_removed),
            (self.redated.len(), w.n_redated),
            (self.reassigned.len(), w.n_reassigned),
            (self.status_changed.len(), w.n_status),
            (self.duration_changed.len(), w.n_duration),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect::<Vec<_>>()
        .join(" · ")
    }

    fn table(&self, out: &mut dyn Write, old: &Side, new: &Side, lang: Lang) -> io::Result<()> {
        let w = words(lang);
        writeln!(out, "{BOLD}{}{BOLD:#}", heading(old, new, lang))?;
        if self.is_empty() {
            writeln!(out, "{}", w.no_change)?;
        } else {
            writeln!(out, "{}", self.counts(lang))?;
        }
        for s in self.sections(old, new, lang) {
            writeln!(out)?;
            writeln!(out, "{BOLD}{} ({}){BOLD:#}", s.title, s.rows.len())?;
            let header: Vec<String> = s.header.iter().map(|h| h.to_string()).collect();
            columns(out, "  ", &header, &s.rows, &[])?;
        }
        writeln!(out)?;
        writeln!(out, "{BOLD}{}{BOLD:#}", w.effect)?;
        let rows: Vec<Vec<String>> = self
            .plan_rows(old, new, lang)
            .into_iter()
            .map(|(label, cell)| vec![label.to_string(), cell])
            .collect();
        columns(out, "  ", &[], &rows, &[])?;
        writeln!(out)?;
        writeln!(out, "{DIM}{}{DIM:#}", w.legend)
    }

    fn markdown(&self, out: &mut dyn Write, old: &Side, new: &Side, lang: Lang) -> io::Result<()> {
        let w = words(lang);
        writeln!(out, "### {}", md(&heading(old, new, lang)))?;
        writeln!(out)?;
        if self.is_empty() {
            writeln!(out, "{}", w.no_change)?;
        } else {
            writeln!(out, "{}", self.counts(lang))?;
        }
        for s in self.sections(old, new, lang) {
            writeln!(out)?;
            writeln!(out, "**{}** ({})", s.title, s.rows.len())?;
            writeln!(out)?;
            let header: Vec<String> = s.header.iter().map(|h| h.to_string()).collect();
            markdown_table(out, &header, &s.rows)?;
        }
        writeln!(out)?;
        writeln!(out, "**{}**", w.effect)?;
        writeln!(out)?;
        let rows: Vec<Vec<String>> = self
            .plan_rows(old, new, lang)
            .into_iter()
            .map(|(label, cell)| vec![label.to_string(), cell])
            .collect();
        markdown_table(out, &[String::new(), String::new()], &rows)?;
        writeln!(out)?;
        writeln!(out, "_{}_", w.legend)
    }
}

struct Section {
    title: &'static str,
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

/// The first planned (or forecast) start of a task not cancelled: a
/// cancelled task is dated like a milestone where it was, and starts nothing.
pub(crate) fn first_start(schedule: &Schedule, forecast: bool) -> Option<Date> {
    schedule
        .tasks
        .iter()
        .filter(|t| t.status != Status::Cancelled)
        .map(|t| if forecast { t.forecast_start } else { t.start })
        .min()
}

/// "Changes · old.toml → new.toml" or "plan.toml since baseline "v1" (Mon ...)".
fn heading(old: &Side, new: &Side, lang: Lang) -> String {
    let w = words(lang);
    let new_name = match &new.origin {
        Origin::File(name) => name.as_str(),
        Origin::Baseline { name, .. } => name.as_str(),
    };
    match &old.origin {
        Origin::File(name) => format!("{} · {name} → {new_name}", w.changes),
        Origin::Baseline { name, recorded } => match lang {
            Lang::Fr => format!(
                "{} · {new_name} depuis la référence « {name} » du {}",
                w.changes,
                human_date(lang, *recorded)
            ),
            Lang::En => format!(
                "{} · {new_name} since baseline \"{name}\" of {}",
                w.changes,
                human_date(lang, *recorded)
            ),
        },
    }
}

/// "Fri 2027-03-12 → Tue 2027-03-16 (+2)", or "Fri 2027-03-12 (unchanged)".
pub(crate) fn moved(
    lang: Lang,
    old: Option<Date>,
    new: Option<Date>,
    shift: Option<i32>,
) -> String {
    let date = |d: Option<Date>| d.map_or("—".to_string(), |d| human_date(lang, d));
    if old == new {
        return format!("{} ({})", date(new), words(lang).unchanged);
    }
    match shift {
        Some(n) => format!("{} → {} ({})", date(old), date(new), signed(n)),
        None => format!("{} → {}", date(old), date(new)),
    }
}

/// "on track" / "dans les temps" for a verdict's code; an unknown code as it is.
pub(crate) fn verdict_word(lang: Lang, code: &str) -> String {
    let verdict = [Verdict::OnTrack, Verdict::AtRisk, Verdict::Late]
        .into_iter()
        .find(|v| v.code() == code);
    match (lang, verdict) {
        (Lang::Fr, Some(Verdict::OnTrack)) => "dans les temps",
        (Lang::Fr, Some(Verdict::AtRisk)) => "à risque",
        (Lang::Fr, Some(Verdict::Late)) => "en retard",
        (Lang::En, Some(Verdict::OnTrack)) => "on track",
        (Lang::En, Some(Verdict::AtRisk)) => "at risk",
        (Lang::En, Some(Verdict::Late)) => "late",
        (_, None) => code,
    }
    .to_string()
}

/// "+2", "0", "-1".
pub(crate) fn signed(n: i32) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

/// Working days between dates, counted on a plan's calendar (its weekdays,
/// public holidays and closed days; not a task's own weekdays).
pub(crate) struct WorkDays(WorkCalendar);

impl WorkDays {
    /// A calendar wide enough for `dates`.
    pub(crate) fn new(rules: &CalendarRules, dates: impl IntoIterator<Item = Date>) -> WorkDays {
        let days: Vec<i32> = dates.into_iter().map(day_number).collect();
        let lo = days.iter().copied().min().unwrap_or(0) - 31;
        let hi = days.iter().copied().max().unwrap_or(0) + 31;
        let (from, to) = (
            retroplan_engine::day_number::date_of(lo).unwrap_or(Date::MIN),
            retroplan_engine::day_number::date_of(hi).unwrap_or(Date::MAX),
        );
        let closed = rules.closed_day_numbers(from, to);
        WorkDays(WorkCalendar::new(rules.workdays, &closed, lo, hi))
    }

    /// Working days from `from` to `to`: positive when `to` is later. From
    /// a Friday to the next Monday is 1; a closed day counts as the working
    /// day after it.
    pub(crate) fn between(&self, from: Date, to: Date) -> i32 {
        self.0.index_at(day_number(to)) - self.0.index_at(day_number(from))
    }
}

/// Rows as aligned columns, each line after `indent`; a header (if any)
/// dimmed. Columns in `right` are right-aligned.
pub(crate) fn columns(
    out: &mut dyn Write,
    indent: &str,
    header: &[String],
    rows: &[Vec<String>],
    right: &[usize],
) -> io::Result<()> {
    let n = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let mut widths = vec![0; n];
    for row in rows.iter().chain([header.to_vec()].iter()) {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: &[String]| {
        let text = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, &w))| {
                let pad = " ".repeat(w - c.width());
                if right.contains(&i) {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ");
        format!("{indent}{}", text.trim_end())
    };
    if !header.is_empty() {
        writeln!(out, "{DIM}{}{DIM:#}", line(header))?;
    }
    for row in rows {
        writeln!(out, "{}", line(row))?;
    }
    Ok(())
}

/// Text for a Markdown table cell: pipes escaped, on one line.
pub(crate) fn md(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

pub(crate) fn markdown_table(
    out: &mut dyn Write,
    header: &[String],
    rows: &[Vec<String>],
) -> io::Result<()> {
    let cells = |row: &[String]| {
        row.iter()
            .map(|c| format!(" {} |", md(c)))
            .collect::<String>()
    };
    writeln!(out, "|{}", cells(header))?;
    writeln!(out, "|{}", " --- |".repeat(header.len()))?;
    for row in rows {
        writeln!(out, "|{}", cells(row))?;
    }
    Ok(())
}

struct Words {
    changes: &'static str,
    no_change: &'static str,
    added: &'static str,
    removed: &'static str,
    redated: &'static str,
    reassigned: &'static str,
    status_changed: &'static str,
    duration_changed: &'static str,
    n_added: &'static str,
    n_removed: &'static str,
    n_redated: &'static str,
    n_reassigned: &'static str,
    n_status: &'static str,
    n_duration: &'static str,
    task: &'static str,
    owner: &'static str,
    days: &'static str,
    start: &'static str,
    end: &'static str,
    status: &'static str,
    effect: &'static str,
    deadline: &'static str,
    plan_start: &'static str,
    forecast_start: &'static str,
    forecast_end: &'static str,
    verdict: &'static str,
    unchanged: &'static str,
    legend: &'static str,
}

const FR: Words = Words {
    changes: "Changements",
    no_change: "Aucun changement sur les tâches.",
    added: "Ajoutées",
    removed: "Retirées",
    redated: "Redatées",
    reassigned: "Changement de responsable",
    status_changed: "Changement de statut",
    duration_changed: "Changement de durée",
    n_added: "ajoutée(s)",
    n_removed: "retirée(s)",
    n_redated: "redatée(s)",
    n_reassigned: "changement(s) de responsable",
    n_status: "changement(s) de statut",
    n_duration: "changement(s) de durée",
    task: "Tâche",
    owner: "Resp.",
    days: "Jours",
    start: "Début",
    end: "Fin",
    status: "Statut",
    effect: "Effet sur le plan",
    deadline: "Jour J",
    plan_start: "Début du plan",
    forecast_start: "Début prévu",
    forecast_end: "Fin prévue",
    verdict: "Verdict",
    unchanged: "inchangé",
    legend: "(+n) : décalage en jours ouvrés du calendrier du plan ; ancien → nouveau",
};

const EN: Words = Words {
    changes: "Changes",
    no_change: "No change to the tasks.",
    added: "Added",
    removed: "Removed",
    redated: "Re-dated",
    reassigned: "Re-assigned",
    status_changed: "Status changed",
    duration_changed: "Duration changed",
    n_added: "added",
    n_removed: "removed",
    n_redated: "re-dated",
    n_reassigned: "re-assigned",
    n_status: "status changed",
    n_duration: "duration changed",
    task: "Task",
    owner: "Owner",
    days: "Days",
    start: "Start",
    end: "End",
    status: "Status",
    effect: "Effect on the plan",
    deadline: "D-day",
    plan_start: "Plan start",
    forecast_start: "Forecast start",
    forecast_end: "Forecast end",
    verdict: "Verdict",
    unchanged: "unchanged",
    legend: "(+n): shift in working days of the plan's calendar; old → new",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

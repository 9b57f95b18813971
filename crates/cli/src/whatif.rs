//! `retroplan whatif PLAN --slip TASK=N --remove TASK --deadline DATE
//! --add-days TASK=N`: the plan dated again with changes made in memory,
//! never written (docs/diff-and-whatif.md). "If the shooting slips two days,
//! does the launch hold?"
//!
//! A slip is the engine's what-if (`Progress::slip`): the task is expected N
//! working days after its plan (its start if it has not started, else its
//! end), and what depends on it follows. A removed task is cancelled: it
//! takes no time and its links pass through it. The report lists what
//! moves, in working days of the plan's calendar, the plan before and
//! after, and whether the deadline holds; the exit code says it too (0
//! holds, 1 not, 2 bad input), like `schedule`.

use std::io::{self, Write};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use jiff::civil::Date;
use retroplan_engine::{Duration, Lang, Plan, Progress, Schedule, Status};
use serde_json::{Value, json};

use crate::diff::{WorkDays, columns, first_start, moved, signed, verdict_word};
use crate::i18n::working_days;
use crate::load::{self, load};
use crate::table::human_date;

const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();
const GOOD: Style = AnsiColor::Green.on_default().bold();
const BAD: Style = AnsiColor::Red.on_default().bold();

#[derive(clap::Args)]
pub struct WhatifArgs {
    /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example. It is never written.
    pub plan: String,
    /// TASK=N: the task happens N working days later than planned (its start,
    /// or its end if it is under way). Repeatable.
    #[arg(long, value_name = "TASK=N")]
    pub slip: Vec<String>,
    /// Drop a task: it is cancelled, takes no time, and its links pass through it. Repeatable.
    #[arg(long, value_name = "TASK")]
    pub remove: Vec<String>,
    /// Another deadline (YYYY-MM-DD): every J-x label moves with it.
    #[arg(long, value_parser = crate::parse_date)]
    pub deadline: Option<Date>,
    /// TASK=N: N more working days of work (N may be negative, down to 0 days). Repeatable.
    #[arg(long = "add-days", value_name = "TASK=N", allow_hyphen_values = true)]
    pub add_days: Vec<String>,
    /// The day to plan from (YYYY-MM-DD); overrides the plan's `today` and the clock.
    #[arg(long, value_parser = crate::parse_date)]
    pub today: Option<Date>,
    #[arg(long, value_enum, default_value_t = WhatifFormat::Table)]
    pub format: WhatifFormat,
    /// Language of the report; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum WhatifFormat {
    Table,
    Json,
}

/// One change, resolved to a task index.
enum Change {
    Slip {
        task: usize,
        days: u32,
    },
    Remove {
        task: usize,
    },
    Deadline {
        from: Date,
        to: Date,
    },
    AddDays {
        task: usize,
        days: i64,
        from: u32,
        to: u32,
    },
}

pub fn run(args: WhatifArgs) -> anyhow::Result<ExitCode> {
    let Ok(loaded) = load(&args.plan, &crate::read_options(None, args.lang))? else {
        return Ok(ExitCode::from(2));
    };
    let lang = crate::language(args.lang, &loaded);
    let today = crate::load::today(args.today, &loaded.plan);
    let changes = match changes(&loaded.plan, &args) {
        Ok(changes) => changes,
        Err(errors) => {
            for e in errors {
                eprintln!("error: {e}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    if changes.is_empty() {
        eprintln!(
            "error: no change to try: give --slip TASK=N, --remove TASK, --deadline DATE or --add-days TASK=N"
        );
        return Ok(ExitCode::from(2));
    }
    let Ok(before) = load::schedule(&loaded, today) else {
        return Ok(ExitCode::from(2));
    };
    let mut plan = loaded.plan.clone();
    for change in &changes {
        apply(&mut plan, change);
    }
    let after = match retroplan_engine::schedule(&plan, today) {
        Ok(s) => s,
        Err(errors) => {
            let diagnostics = retroplan_formats::engine_diagnostics(&errors, &plan, &loaded.spans);
            load::show(&loaded.name, &loaded.source, &diagnostics);
            return Ok(ExitCode::from(2));
        }
    };
    let report = Report::new(&plan, &changes, &before, &after);
    match args.format {
        WhatifFormat::Json => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:#}", report.json())?;
        }
        WhatifFormat::Table => {
            let mut out = anstream::stdout().lock();
            report.table(&mut out, lang)?;
            out.flush()?;
        }
    }
    Ok(if after.feasible {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The changes the arguments ask for, checked against the plan; every
/// problem at once.
fn changes(plan: &Plan, args: &WhatifArgs) -> Result<Vec<Change>, Vec<String>> {
    let mut errors = Vec::new();
    let mut changes = Vec::new();
    let find = |id: &str, errors: &mut Vec<String>| -> Option<usize> {
        let found = plan.tasks.iter().position(|t| t.id == id);
        if found.is_none() {
            let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
            errors.push(match closest(id, &ids) {
                Some(best) => format!("no task `{id}` in the plan; did you mean `{best}`?"),
                None => format!("no task `{id}` in the plan (it has no tasks)"),
            });
        }
        found
    };
    let removed: Vec<usize> = args
        .remove
        .iter()
        .filter_map(|id| find(id, &mut errors))
        .collect();
    for &task in &removed {
        if plan.tasks[task].status == Status::Cancelled {
            errors.push(format!(
                "task `{}` is already cancelled: nothing to remove",
                plan.tasks[task].id
            ));
        } else if !changes
            .iter()
            .any(|c| matches!(c, Change::Remove { task: t } if *t == task))
        {
            changes.push(Change::Remove { task });
        }
    }
    for arg in &args.slip {
        let Some((id, n)) = task_and_number(arg, "--slip", &mut errors) else {
            continue;
        };
        let Some(task) = find(id, &mut errors) else {
            continue;
        };
        let Ok(days) = u32::try_from(n) else {
            errors.push(format!(
                "--slip {arg}: a slip is a number of working days later, 0 or more (to finish earlier, try --add-days {id}=-N)"
            ));
            continue;
        };
        let status = plan.tasks[task].status;
        if removed.contains(&task) {
            errors.push(format!("--slip {arg}: task `{id}` is removed by --remove"));
        } else if status.is_closed() {
            errors.push(format!(
                "--slip {arg}: task `{id}` is {}: it cannot slip any more",
                status.label(Lang::En)
            ));
        } else {
            changes.retain(|c| !matches!(c, Change::Slip { task: t, .. } if *t == task));
            changes.push(Change::Slip { task, days });
        }
    }
    for arg in &args.add_days {
        let Some((id, n)) = task_and_number(arg, "--add-days", &mut errors) else {
            continue;
        };
        let Some(task) = find(id, &mut errors) else {
            continue;
        };
        let from = plan.tasks[task].days();
        let to = i64::from(from) + n;
        match u32::try_from(to) {
            Ok(to) if to <= 100_000 => {
                changes.retain(|c| !matches!(c, Change::AddDays { task: t, .. } if *t == task));
                changes.push(Change::AddDays {
                    task,
                    days: n,
                    from,
                    to,
                });
            }
            _ if to < 0 => errors.push(format!(
                "--add-days {arg}: task `{id}` takes {from} day(s); it cannot lose {} (at most --add-days {id}=-{from}, a milestone)",
                -n
            )),
            _ => errors.push(format!(
                "--add-days {arg}: task `{id}` would take {to} days, more than 100000"
            )),
        }
    }
    if let Some(to) = args.deadline {
        // As `schedule --deadline` refuses it when reading the plan: a
        // `ready_by` date no longer before the deadline.
        if let Some(retroplan_engine::ReadyBy::Date(when)) = plan.margins.ready
            && let Some(day) = when.resolve(to)
            && day >= to
        {
            errors.push(format!(
                "--deadline {to}: the plan's `ready_by` ({day}) would not be before it; move `ready_by` first, or give it as a label such as \"J-5\""
            ));
        }
        changes.push(Change::Deadline {
            from: plan.deadline,
            to,
        });
    }
    if errors.is_empty() {
        Ok(changes)
    } else {
        Err(errors)
    }
}

/// "shooting=2" as ("shooting", 2), or an error.
fn task_and_number<'a>(
    arg: &'a str,
    flag: &str,
    errors: &mut Vec<String>,
) -> Option<(&'a str, i64)> {
    let Some((id, n)) = arg.rsplit_once('=') else {
        errors.push(format!(
            "{flag} {arg}: expected TASK=N, a task id and a number of working days (e.g. {flag} shooting=2)"
        ));
        return None;
    };
    let (id, n) = (id.trim(), n.trim());
    match n.strip_prefix('+').unwrap_or(n).parse::<i64>() {
        Ok(n) if !id.is_empty() => Some((id, n)),
        _ => {
            errors.push(format!(
                "{flag} {arg}: expected TASK=N, a task id and a whole number of working days (e.g. {flag} shooting=2)"
            ));
            None
        }
    }
}

/// The id closest to `word` by edit distance (ties: plan order).
fn closest<'k>(word: &str, ids: &[&'k str]) -> Option<&'k str> {
    let word = word.to_lowercase();
    ids.iter()
        .copied()
        .min_by_key(|id| levenshtein(&word, &id.to_lowercase()))
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

fn apply(plan: &mut Plan, change: &Change) {
    match *change {
        Change::Slip { task, days } => {
            plan.tasks[task]
                .progress
                .get_or_insert_with(|| Box::new(Progress::default()))
                .slip = days;
        }
        Change::Remove { task } => plan.tasks[task].status = Status::Cancelled,
        Change::Deadline { to, .. } => plan.deadline = to,
        // A three-point estimate becomes its planned days plus N: the
        // schedule only ever uses those.
        Change::AddDays { task, days, to, .. } => {
            let task = &mut plan.tasks[task];
            task.duration = Duration::Days(to);
            // Work under way with an estimate of what is left ends by that
            // estimate, not its days: the N days go there too.
            if let Some(left) = task.progress.as_mut().and_then(|p| p.remaining.as_mut()) {
                *left = u32::try_from((i64::from(*left) + days).max(0)).unwrap_or(u32::MAX);
            }
        }
    }
}

/// A task's dates before and after, with their shifts in working days.
struct Dates {
    start: (Date, Date),
    end: (Date, Date),
    shift: (i32, i32),
}

impl Dates {
    fn new(days: &WorkDays, start: (Date, Date), end: (Date, Date)) -> Option<Dates> {
        (start.0 != start.1 || end.0 != end.1).then(|| Dates {
            start,
            end,
            shift: (days.between(start.0, start.1), days.between(end.0, end.1)),
        })
    }

    fn json(&self) -> Value {
        json!({
            "start": [self.start.0.to_string(), self.start.1.to_string()],
            "end": [self.end.0.to_string(), self.end.1.to_string()],
            "shift": {"start": self.shift.0, "end": self.shift.1},
        })
    }

    fn cells(&self, lang: Lang) -> [String; 2] {
        [
            moved(
                lang,
                Some(self.start.0),
                Some(self.start.1),
                Some(self.shift.0),
            ),
            moved(lang, Some(self.end.0), Some(self.end.1), Some(self.shift.1)),
        ]
    }
}

/// A task that moves.
struct Move {
    task: usize,
    planned: Option<Dates>,
    forecast: Option<Dates>,
    /// The forecast followed the plan before and after: its row would say
    /// the same as the planned one.
    forecast_is_plan: bool,
}

struct Report<'a> {
    plan: &'a Plan,
    changes: &'a [Change],
    before: &'a Schedule,
    after: &'a Schedule,
    moves: Vec<Move>,
    days: WorkDays,
}

impl<'a> Report<'a> {
    fn new(
        plan: &'a Plan,
        changes: &'a [Change],
        before: &'a Schedule,
        after: &'a Schedule,
    ) -> Report<'a> {
        let removed = |t: usize| {
            changes
                .iter()
                .any(|c| matches!(c, Change::Remove { task } if *task == t))
        };
        let all_dates = [before, after].into_iter().flat_map(|s| {
            s.tasks
                .iter()
                .flat_map(|t| [t.start, t.end, t.forecast_start, t.forecast_end])
                .chain([s.deadline, s.earliest_deadline])
        });
        let days = WorkDays::new(&plan.calendar, all_dates);
        let moves = (0..plan.tasks.len())
            .filter(|&t| !removed(t))
            .filter_map(|t| {
                let (b, a) = (&before.tasks[t], &after.tasks[t]);
                let planned = Dates::new(&days, (b.start, a.start), (b.end, a.end));
                let forecast = Dates::new(
                    &days,
                    (b.forecast_start, a.forecast_start),
                    (b.forecast_end, a.forecast_end),
                );
                let forecast_is_plan = (b.forecast_start, b.forecast_end) == (b.start, b.end)
                    && (a.forecast_start, a.forecast_end) == (a.start, a.end);
                (planned.is_some() || forecast.is_some()).then_some(Move {
                    task: t,
                    planned,
                    forecast,
                    forecast_is_plan,
                })
            })
            .collect();
        Report {
            plan,
            changes,
            before,
            after,
            moves,
            days,
        }
    }

    fn json(&self) -> Value {
        let id = |t: usize| self.plan.tasks[t].id.as_str();
        let changes: Vec<Value> = self
            .changes
            .iter()
            .map(|c| match *c {
                Change::Slip { task, days } => {
                    json!({"change": "slip", "task": id(task), "days": days})
                }
                Change::Remove { task } => json!({"change": "remove", "task": id(task)}),
                Change::Deadline { from, to } => {
                    json!({"change": "deadline", "deadline": [from.to_string(), to.to_string()]})
                }
                Change::AddDays {
                    task,
                    days,
                    from,
                    to,
                } => json!({"change": "add_days", "task": id(task), "days": days, "duration": [from, to]}),
            })
            .collect();
        let moves: Vec<Value> = self
            .moves
            .iter()
            .map(|m| {
                json!({
                    "id": id(m.task),
                    "planned": m.planned.as_ref().map(Dates::json),
                    "forecast": m.forecast.as_ref().map(Dates::json),
                })
            })
            .collect();
        let (b, a) = (self.before, self.after);
        let date = |d: Option<Date>| d.map(|d| d.to_string());
        json!({
            "name": self.plan.name,
            "today": a.today.to_string(),
            "changes": changes,
            "moves": moves,
            "plan": {
                "deadline": [b.deadline.to_string(), a.deadline.to_string()],
                "start": [date(first_start(b, false)), date(first_start(a, false))],
                "forecast_end": [date(b.forecast_end), date(a.forecast_end)],
                "verdict": [b.verdict.code(), a.verdict.code()],
                "feasible": [b.feasible, a.feasible],
                "late_by": [b.late_by, a.late_by],
                "earliest_deadline": [b.earliest_deadline.to_string(), a.earliest_deadline.to_string()],
            },
            "deadline_holds": a.feasible,
        })
    }

    fn table(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let w = words(lang);
        let (b, a) = (self.before, self.after);
        writeln!(
            out,
            "{BOLD}{}{BOLD:#}  ·  {}{}{}",
            w.title(&self.plan.name),
            w.today,
            w.colon,
            human_date(lang, a.today)
        )?;
        for c in self.changes {
            writeln!(out, "  • {}", self.change(c, lang))?;
        }
        if self
            .changes
            .iter()
            .any(|c| matches!(c, Change::Remove { .. }))
        {
            writeln!(out, "{DIM}    {}{DIM:#}", w.pass_through)?;
        }

        writeln!(out)?;
        if self.moves.is_empty() {
            writeln!(out, "{}", w.nothing_moves)?;
        } else {
            writeln!(out, "{BOLD}{} ({}){BOLD:#}", w.moves, self.moves.len())?;
            let mut rows = Vec::new();
            for m in &self.moves {
                let title = self.plan.tasks[m.task].title.clone();
                let mut first = true;
                for (kind, dates) in [
                    (w.planned, m.planned.as_ref()),
                    (
                        w.forecast,
                        m.forecast
                            .as_ref()
                            .filter(|_| !(m.forecast_is_plan && m.planned.is_some())),
                    ),
                ] {
                    let Some(dates) = dates else { continue };
                    let [start, end] = dates.cells(lang);
                    let task = if first { title.clone() } else { String::new() };
                    first = false;
                    rows.push(vec![task, kind.to_string(), start, end]);
                }
            }
            let header = [w.task, w.dates, w.start, w.end].map(String::from);
            columns(out, "  ", &header, &rows, &[])?;
        }

        writeln!(out)?;
        writeln!(out, "{BOLD}{}{BOLD:#}", w.the_plan)?;
        let start = (first_start(b, false), first_start(a, false));
        let shift =
            |x: Option<Date>, y: Option<Date>| x.zip(y).map(|(x, y)| self.days.between(x, y));
        let mut rows = Vec::new();
        if b.deadline != a.deadline {
            rows.push(vec![
                w.deadline.to_string(),
                moved(
                    lang,
                    Some(b.deadline),
                    Some(a.deadline),
                    shift(Some(b.deadline), Some(a.deadline)),
                ),
            ]);
        }
        rows.push(vec![
            w.plan_start.to_string(),
            moved(lang, start.0, start.1, shift(start.0, start.1)),
        ]);
        rows.push(vec![
            w.forecast_end.to_string(),
            moved(
                lang,
                b.forecast_end,
                a.forecast_end,
                shift(b.forecast_end, a.forecast_end),
            ),
        ]);
        let (vb, va) = (
            verdict_word(lang, b.verdict.code()),
            verdict_word(lang, a.verdict.code()),
        );
        rows.push(vec![
            w.verdict.to_string(),
            if vb == va {
                format!("{va} ({})", w.unchanged)
            } else {
                format!("{vb} → {va}")
            },
        ]);
        columns(out, "  ", &[], &rows, &[])?;
        writeln!(out)?;
        if a.feasible {
            writeln!(
                out,
                "{GOOD}✓{GOOD:#} {}",
                w.holds(&human_date(lang, a.deadline))
            )?;
        } else {
            writeln!(out, "{BAD}✗ {}{BAD:#}", self.missed(lang))?;
        }
        writeln!(out, "{DIM}{}{DIM:#}", w.legend)
    }

    /// Why the plan does not hold after the changes, in a sentence.
    fn missed(&self, lang: Lang) -> String {
        let a = self.after;
        let days = working_days(lang, a.late_by);
        let earliest = human_date(lang, a.earliest_deadline);
        match lang {
            Lang::Fr if a.late_by == 0 => "Le Jour J tient, mais des tâches à date fixe réservent une personne au-delà de sa capacité (voir `retroplan schedule`).".to_string(),
            Lang::En if a.late_by == 0 => "The deadline holds, but tasks with fixed dates book a person over capacity (see `retroplan schedule`).".to_string(),
            Lang::Fr if a.earliest_deadline <= a.deadline => format!(
                "Le Jour J tient, mais une date qui ne peut pas bouger (date fixe ou échéance `due`) est manquée de {days}."
            ),
            Lang::En if a.earliest_deadline <= a.deadline => format!(
                "The deadline holds, but a date that cannot move (a fixed date or a `due`) is missed by {days}."
            ),
            Lang::Fr => format!(
                "Le Jour J est manqué de {days} : date au plus tôt tenable le {earliest}."
            ),
            Lang::En => format!(
                "The deadline is missed by {days}: earliest deadline {earliest}."
            ),
        }
    }

    fn change(&self, change: &Change, lang: Lang) -> String {
        let title = |t: usize| &self.plan.tasks[t].title;
        match (lang, change) {
            (Lang::Fr, &Change::Slip { task, days }) => {
                format!("« {} » glisse de {}", title(task), working_days(lang, days))
            }
            (Lang::En, &Change::Slip { task, days }) => {
                format!("“{}” slips by {}", title(task), working_days(lang, days))
            }
            (Lang::Fr, &Change::Remove { task }) => {
                format!("la tâche « {} » est retirée (annulée)", title(task))
            }
            (Lang::En, &Change::Remove { task }) => {
                format!("“{}” is removed (cancelled)", title(task))
            }
            (Lang::Fr, &Change::Deadline { from, to }) => format!(
                "Jour J : {}",
                moved(
                    lang,
                    Some(from),
                    Some(to),
                    Some(self.days.between(from, to))
                )
            ),
            (Lang::En, &Change::Deadline { from, to }) => format!(
                "D-day: {}",
                moved(
                    lang,
                    Some(from),
                    Some(to),
                    Some(self.days.between(from, to))
                )
            ),
            (
                Lang::Fr,
                &Change::AddDays {
                    task,
                    days,
                    from,
                    to,
                },
            ) => format!(
                "« {} » dure {from} → {to} jour(s) ({})",
                title(task),
                signed(days as i32)
            ),
            (
                Lang::En,
                &Change::AddDays {
                    task,
                    days,
                    from,
                    to,
                },
            ) => format!(
                "“{}” takes {from} → {to} day(s) ({})",
                title(task),
                signed(days as i32)
            ),
        }
    }
}

struct Words {
    lang: Lang,
    colon: &'static str,
    today: &'static str,
    pass_through: &'static str,
    nothing_moves: &'static str,
    moves: &'static str,
    task: &'static str,
    dates: &'static str,
    start: &'static str,
    end: &'static str,
    planned: &'static str,
    forecast: &'static str,
    the_plan: &'static str,
    deadline: &'static str,
    plan_start: &'static str,
    forecast_end: &'static str,
    verdict: &'static str,
    unchanged: &'static str,
    legend: &'static str,
}

impl Words {
    fn title(&self, plan: &str) -> String {
        match self.lang {
            Lang::Fr => format!("Et si… ({plan})"),
            Lang::En => format!("What if… ({plan})"),
        }
    }

    fn holds(&self, deadline: &str) -> String {
        match self.lang {
            Lang::Fr => format!("Le Jour J tient : {deadline}."),
            Lang::En => format!("The deadline holds: {deadline}."),
        }
    }
}

const FR: Words = Words {
    lang: Lang::Fr,
    colon: " : ",
    today: "aujourd'hui",
    pass_through: "Une tâche retirée ne prend plus de temps et ses liens la traversent : ce qui venait après elle attend ce qui venait avant.",
    nothing_moves: "Rien ne bouge.",
    moves: "Ce qui bouge",
    task: "Tâche",
    dates: "Dates",
    start: "Début",
    end: "Fin",
    planned: "planifiées",
    forecast: "prévues",
    the_plan: "Le plan, avant → après",
    deadline: "Jour J",
    plan_start: "Début du plan",
    forecast_end: "Fin prévue",
    verdict: "Verdict",
    unchanged: "inchangé",
    legend: "(+n) : décalage en jours ouvrés du calendrier du plan. Planifiées : les dates du plan (celles de `schedule`) ; prévues : d'après l'avancement et les glissements. Le fichier du plan n'est pas modifié.",
};

const EN: Words = Words {
    lang: Lang::En,
    colon: ": ",
    today: "today",
    pass_through: "A removed task takes no time and its links pass through it: what came after it now waits for what came before it.",
    nothing_moves: "Nothing moves.",
    moves: "What moves",
    task: "Task",
    dates: "Dates",
    start: "Start",
    end: "End",
    planned: "planned",
    forecast: "forecast",
    the_plan: "The plan, before → after",
    deadline: "D-day",
    plan_start: "Plan start",
    forecast_end: "Forecast end",
    verdict: "Verdict",
    unchanged: "unchanged",
    legend: "(+n): shift in working days of the plan's calendar. Planned: the plan's dates (those of `schedule`); forecast: given progress and slips. The plan file is not changed.",
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

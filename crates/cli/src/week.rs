//! `retroplan week PLAN...`: the weekly review of one or several plans under
//! way (docs/progress.md): the verdict, what is due this week, what is late
//! or at risk, what starts next week, who waits on whom, and the margin left
//! before each deadline. As a table, JSON, or Markdown to paste into a
//! meeting note or a chat; for everyone or one person (`--owner`).

use std::io::{self, Write};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use jiff::ToSpan;
use jiff::civil::Date;
use retroplan_engine::{BufferKind, Lang, Plan, Schedule, Status, TaskIx, TaskSchedule, Verdict};
use serde_json::{Value, json};
use unicode_width::UnicodeWidthStr;

use crate::load::{self, load};
use crate::margin_words;
use crate::progress_words::{self, ProgressWords, words};
use crate::table::human_date;

const LATE: Style = AnsiColor::Red.on_default().bold();
const RISK: Style = AnsiColor::Yellow.on_default();
const GOOD: Style = AnsiColor::Green.on_default().bold();
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum WeekFormat {
    Table,
    Json,
    Markdown,
}

pub struct Request<'a> {
    pub plans: &'a [String],
    /// Any day of the week to review; default: today's week.
    pub week: Option<Date>,
    pub today: Option<Date>,
    pub format: WeekFormat,
    pub owner: Option<String>,
    pub baseline: Option<String>,
    pub lang: Option<Lang>,
    pub read: retroplan_formats::ReadOptions,
}

/// The review of one plan, ready to show in any format.
struct Review {
    file: String,
    plan: Plan,
    schedule: Schedule,
    due: Vec<TaskIx>,
    late: Vec<TaskIx>,
    at_risk: Vec<TaskIx>,
    next_week: Vec<TaskIx>,
    waiting: Vec<Wait>,
    margin: Margin,
}

/// A task that cannot go on until others finish.
struct Wait {
    task: TaskIx,
    blocked: bool,
    on: Vec<TaskIx>,
}

/// Working days between the end of the work and the deadline.
struct Margin {
    /// With the forecast (negative: the deadline is overrun).
    left: i32,
    /// In the plan as dated.
    planned: i32,
    /// In the baseline compared with: its name and margin.
    baseline: Option<(String, i32)>,
}

pub fn run(request: Request<'_>) -> anyhow::Result<ExitCode> {
    let mut reviews = Vec::new();
    let mut lang = request.lang;
    let today = request.today;
    for path in request.plans {
        let Ok(mut loaded) = load(path, &request.read)? else {
            return Ok(ExitCode::from(2));
        };
        if let Some(name) = &request.baseline {
            let Some(i) = crate::baseline::find(&loaded.plan, name) else {
                return Ok(ExitCode::from(2));
            };
            loaded.plan.tracking.compare_with = Some(i);
        }
        let today = load::today(today, &loaded.plan);
        let Ok(schedule) = load::schedule(&loaded, today) else {
            return Ok(ExitCode::from(2));
        };
        lang = lang.or(loaded.plan.lang);
        reviews.push((loaded.name, loaded.plan, schedule));
    }
    let lang = lang
        .or_else(|| crate::i18n::lang_from_env(|k| std::env::var(k).ok()))
        .unwrap_or(Lang::En);
    let first_today = reviews
        .first()
        .map_or_else(|| jiff::Zoned::now().date(), |(_, _, s)| s.today);
    let monday = monday_of(request.week.unwrap_or(first_today));
    let reviews: Vec<Review> = reviews
        .into_iter()
        .map(|(file, plan, schedule)| {
            review(file, plan, schedule, monday, request.owner.as_deref())
        })
        .collect();
    let late = reviews.iter().any(|r| r.schedule.verdict == Verdict::Late);
    let owner = request.owner.as_deref();
    match request.format {
        WeekFormat::Json => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:#}", to_json(&reviews, monday, owner))?;
        }
        WeekFormat::Markdown => {
            let mut out = io::stdout().lock();
            markdown(&mut out, &reviews, monday, owner, lang)?;
        }
        WeekFormat::Table => {
            let mut out = anstream::stdout().lock();
            table(&mut out, &reviews, monday, owner, lang)?;
            out.flush()?;
        }
    }
    Ok(if late {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn monday_of(day: Date) -> Date {
    let back = i64::from(day.weekday().to_monday_zero_offset());
    day.checked_sub(back.days()).unwrap_or(day)
}

fn review(
    file: String,
    plan: Plan,
    schedule: Schedule,
    monday: Date,
    owner: Option<&str>,
) -> Review {
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    let next_monday = monday.checked_add(7.days()).unwrap_or(monday);
    let next_sunday = monday.checked_add(13.days()).unwrap_or(monday);
    let mine = |t: TaskIx| owner.is_none_or(|o| plan.tasks[t].owner.as_deref() == Some(o));
    let n = plan.tasks.len();
    let live = |t: TaskIx| plan.tasks[t].status != Status::Cancelled;
    let open = |t: TaskIx| !plan.tasks[t].status.is_closed();
    let s = &schedule.tasks;
    let pick = |keep: &dyn Fn(TaskIx) -> bool| -> Vec<TaskIx> {
        let mut list: Vec<TaskIx> = (0..n).filter(|&t| mine(t) && keep(t)).collect();
        list.sort_by_key(|&t| (s[t].end, s[t].start, t));
        list
    };
    let due = pick(&|t| live(t) && (monday..=sunday).contains(&s[t].end));
    let late = pick(&|t| s[t].late);
    let at_risk = pick(&|t| s[t].at_risk);
    let next_week = pick(&|t| {
        open(t) && !s[t].status.is_started() && (next_monday..=next_sunday).contains(&s[t].start)
    });
    let waiting = waits(&plan, &schedule, next_sunday, owner);
    let margin = margin(&plan, &schedule);
    Review {
        file,
        plan,
        schedule,
        due,
        late,
        at_risk,
        next_week,
        waiting,
        margin,
    }
}

/// Blocked tasks, and tasks due to start by the end of next week (or late)
/// whose predecessors are not finished: each with the unfinished tasks it
/// waits on. With `owner`, the waits where that person is on either side.
fn waits(plan: &Plan, schedule: &Schedule, until: Date, owner: Option<&str>) -> Vec<Wait> {
    let s = &schedule.tasks;
    let mut list = Vec::new();
    for (t, task) in plan.tasks.iter().enumerate() {
        if task.status.is_closed() || (task.status.is_started() && task.status != Status::Blocked) {
            continue;
        }
        let blocked = task.status == Status::Blocked;
        let soon = s[t].late || s[t].start <= until;
        if !blocked && !soon {
            continue;
        }
        let on: Vec<TaskIx> = task
            .after
            .iter()
            .map(|l| l.task)
            .filter(|&p| !plan.tasks[p].status.is_closed())
            .collect();
        if on.is_empty() && !blocked {
            continue;
        }
        let involves = |t: TaskIx| owner.is_none_or(|o| plan.tasks[t].owner.as_deref() == Some(o));
        if involves(t) || on.iter().any(|&p| involves(p)) {
            list.push(Wait {
                task: t,
                blocked,
                on,
            });
        }
    }
    list
}

fn margin(plan: &Plan, schedule: &Schedule) -> Margin {
    let before: Vec<&TaskSchedule> = schedule
        .tasks
        .iter()
        .filter(|t| t.direction == retroplan_engine::Direction::Backward)
        .collect();
    let planned_end = before.iter().map(|t| t.end).max();
    let gap = |end: Option<Date>, deadline: Date| {
        end.map_or(0, |e| working_days_after(plan, e, deadline))
    };
    let baseline = plan
        .tracking
        .compare_with
        .and_then(|i| plan.tracking.baselines.get(i))
        .map(|b| (b.name.clone(), gap(b.end, b.deadline)));
    Margin {
        left: gap(schedule.forecast_end, schedule.deadline),
        planned: gap(planned_end, schedule.deadline),
        baseline,
    }
}

/// Working days of the plan's calendar after `end` up to `deadline`
/// (negative when `end` is after the deadline).
fn working_days_after(plan: &Plan, end: Date, deadline: Date) -> i32 {
    let (from, to, sign) = if end <= deadline {
        (end, deadline, 1)
    } else {
        (deadline, end, -1)
    };
    let Ok(first) = from.tomorrow() else {
        return 0;
    };
    if first > to {
        return 0;
    }
    let closed: Vec<Date> = plan
        .calendar
        .closed_dates(first, to)
        .into_iter()
        .map(|(d, _)| d)
        .collect();
    let count = first
        .series(1.day())
        .take_while(|&d| d <= to)
        .filter(|d| plan.calendar.workdays.contains(d.weekday()) && !closed.contains(d))
        .count();
    sign * count as i32
}

// ---- table ----

fn table(
    out: &mut dyn Write,
    reviews: &[Review],
    monday: Date,
    owner: Option<&str>,
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    let who = owner.unwrap_or(w.everyone);
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}  ·  {} → {}  ·  {who}",
        w.week_title,
        human_date(lang, monday),
        human_date(lang, sunday)
    )?;
    for r in reviews {
        writeln!(out)?;
        let m = crate::i18n::messages(lang);
        writeln!(
            out,
            "{BOLD}{}{BOLD:#}  ·  {}{}{}  ·  {}{}{}",
            r.plan.name,
            m.deadline,
            m.colon,
            human_date(lang, r.schedule.deadline),
            m.today,
            m.colon,
            human_date(lang, r.schedule.today)
        )?;
        let (style, sign) = match r.schedule.verdict {
            Verdict::OnTrack => (GOOD, "✓"),
            Verdict::AtRisk => (RISK, "⚠"),
            Verdict::Late => (LATE, "✗"),
        };
        writeln!(out, "{style}{sign} {}{style:#}", verdict_text(r, lang))?;
        if let Some(v) = &r.schedule.variance {
            writeln!(
                out,
                "{}",
                progress_words::variance(lang, &v.baseline, v.start, v.end)
            )?;
        }
        for (title, list) in [
            (w.due_this_week, &r.due),
            (w.late_tasks, &r.late),
            (w.at_risk_tasks, &r.at_risk),
            (w.starting_next_week, &r.next_week),
        ] {
            writeln!(out, "{BOLD}── {title} ──{BOLD:#}")?;
            if list.is_empty() {
                writeln!(out, "{DIM}  {}{DIM:#}", w.nothing)?;
                continue;
            }
            let rows: Vec<[String; 5]> = list.iter().map(|&t| task_cells(r, t, lang, w)).collect();
            aligned(out, &rows, |t| {
                let s = &r.schedule.tasks[list[t]];
                if s.late {
                    LATE
                } else if s.at_risk {
                    RISK
                } else {
                    Style::new()
                }
            })?;
        }
        writeln!(out, "{BOLD}── {} ──{BOLD:#}", w.waiting)?;
        if r.waiting.is_empty() {
            writeln!(out, "{DIM}  {}{DIM:#}", w.nothing)?;
        }
        for wait in &r.waiting {
            writeln!(out, "  {}", wait_text(r, wait, lang, w))?;
        }
        writeln!(out, "{BOLD}── {} ──{BOLD:#}", w.margin)?;
        writeln!(out, "  {}", margin_text(&r.margin, lang))?;
        if let Some(text) = margin_words::summary(lang, &r.plan, &r.schedule) {
            writeln!(out, "  {text}")?;
        }
    }
    Ok(())
}

fn aligned(
    out: &mut dyn Write,
    rows: &[[String; 5]],
    style: impl Fn(usize) -> Style,
) -> io::Result<()> {
    let mut widths = [0usize; 5];
    for row in rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    for (i, row) in rows.iter().enumerate() {
        let text: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.width())))
            .collect();
        let st = style(i);
        writeln!(out, "  {st}{}{st:#}", text.join("  ").trim_end())?;
    }
    Ok(())
}

/// Title, owner, planned dates, forecast, status (and lateness).
fn task_cells(r: &Review, t: TaskIx, lang: Lang, w: &ProgressWords) -> [String; 5] {
    let task = &r.plan.tasks[t];
    let s = &r.schedule.tasks[t];
    let span = if s.start == s.end {
        human_date(lang, s.end)
    } else {
        format!(
            "{} → {}",
            human_date(lang, s.start),
            human_date(lang, s.end)
        )
    };
    let forecast = if s.forecast_end == s.end && s.forecast_start == s.start {
        String::new()
    } else {
        format!("{} {}", w.forecast, human_date(lang, s.forecast_end))
    };
    let mut status = task.status.label(lang).to_string();
    if s.late {
        status = format!("{status}, {}", w.late);
    } else if s.at_risk {
        status = format!("{status}, {}", w.at_risk);
    }
    [
        task.title.clone(),
        task.owner.clone().unwrap_or_else(|| w.no_owner.to_string()),
        span,
        forecast,
        status,
    ]
}

fn verdict_text(r: &Review, lang: Lang) -> String {
    progress_words::verdict_of(lang, &r.plan, &r.schedule)
}

fn wait_text(r: &Review, wait: &Wait, lang: Lang, w: &ProgressWords) -> String {
    let who = |t: TaskIx| {
        let task = &r.plan.tasks[t];
        format!(
            "{} ({})",
            task.title,
            task.owner.as_deref().unwrap_or(w.no_owner)
        )
    };
    let on: Vec<String> = wait
        .on
        .iter()
        .map(|&p| {
            let s = &r.schedule.tasks[p];
            format!("{} → {}", who(p), human_date(lang, s.forecast_end))
        })
        .collect();
    let blocked = if wait.blocked {
        format!(" [{}]", Status::Blocked.label(lang))
    } else {
        String::new()
    };
    let note = r.plan.tasks[wait.task]
        .notes
        .as_deref()
        .filter(|_| wait.blocked)
        .map_or(String::new(), |n| format!(" « {n} »"));
    if on.is_empty() {
        format!("{}{blocked}{note}", who(wait.task))
    } else {
        format!(
            "{}{blocked} {} {}{note}",
            who(wait.task),
            w.waits_on,
            on.join(", ")
        )
    }
}

fn margin_text(m: &Margin, lang: Lang) -> String {
    progress_words::margin(
        lang,
        m.left,
        m.planned,
        m.baseline.as_ref().map(|(n, d)| (n.as_str(), *d)),
    )
}

// ---- markdown ----

fn markdown(
    out: &mut dyn Write,
    reviews: &[Review],
    monday: Date,
    owner: Option<&str>,
    lang: Lang,
) -> io::Result<()> {
    let w = words(lang);
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    writeln!(
        out,
        "# {} · {} → {} · {}",
        w.week_title,
        human_date(lang, monday),
        human_date(lang, sunday),
        owner.unwrap_or(w.everyone)
    )?;
    for r in reviews {
        let sign = match r.schedule.verdict {
            Verdict::OnTrack => "✅",
            Verdict::AtRisk => "⚠️",
            Verdict::Late => "🔴",
        };
        writeln!(out)?;
        writeln!(
            out,
            "## {} — {} {}",
            md(&r.plan.name),
            crate::i18n::messages(lang).deadline,
            human_date(lang, r.schedule.deadline)
        )?;
        writeln!(out)?;
        writeln!(out, "{sign} **{}**", md(&verdict_text(r, lang)))?;
        if let Some(v) = &r.schedule.variance {
            writeln!(out)?;
            writeln!(
                out,
                "{}",
                md(&progress_words::variance(lang, &v.baseline, v.start, v.end))
            )?;
        }
        for (title, list) in [
            (w.due_this_week, &r.due),
            (w.late_tasks, &r.late),
            (w.at_risk_tasks, &r.at_risk),
            (w.starting_next_week, &r.next_week),
        ] {
            writeln!(out)?;
            writeln!(out, "### {title}")?;
            writeln!(out)?;
            if list.is_empty() {
                writeln!(out, "- _{}_", w.nothing)?;
            }
            for &t in list {
                let [title, who, span, forecast, status] = task_cells(r, t, lang, w);
                let forecast = if forecast.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", md(&forecast))
                };
                writeln!(
                    out,
                    "- **{}** ({}) — {}{forecast} — {}",
                    md(&title),
                    md(&who),
                    span,
                    md(&status)
                )?;
            }
        }
        writeln!(out)?;
        writeln!(out, "### {}", w.waiting)?;
        writeln!(out)?;
        if r.waiting.is_empty() {
            writeln!(out, "- _{}_", w.nothing)?;
        }
        for wait in &r.waiting {
            writeln!(out, "- {}", md(&wait_text(r, wait, lang, w)))?;
        }
        writeln!(out)?;
        writeln!(out, "### {}", w.margin)?;
        writeln!(out)?;
        writeln!(out, "- {}", md(&margin_text(&r.margin, lang)))?;
        if let Some(text) = margin_words::summary(lang, &r.plan, &r.schedule) {
            writeln!(out, "- {}", md(&text))?;
        }
    }
    Ok(())
}

/// Text safe inside Markdown: the characters that would start markup are escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '#' | '|' | '<' | '>') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

// ---- json ----

fn to_json(reviews: &[Review], monday: Date, owner: Option<&str>) -> Value {
    let sunday = monday.checked_add(6.days()).unwrap_or(monday);
    json!({
        "week": {"from": monday.to_string(), "to": sunday.to_string()},
        "owner": owner,
        "plans": reviews.iter().map(plan_json).collect::<Vec<_>>(),
    })
}

fn plan_json(r: &Review) -> Value {
    let s = &r.schedule;
    let tasks = |list: &[TaskIx]| -> Vec<Value> { list.iter().map(|&t| task_json(r, t)).collect() };
    json!({
        "file": r.file,
        "name": r.plan.name,
        "deadline": s.deadline.to_string(),
        "today": s.today.to_string(),
        "verdict": s.verdict.code(),
        "late_by": s.late_by,
        "forecast_end": s.forecast_end.map(|d| d.to_string()),
        "critical_path": s.critical_path.iter().map(|&t| r.plan.tasks[t].id.clone()).collect::<Vec<_>>(),
        "variance": s.variance.as_ref().map(|v| json!({"baseline": v.baseline, "start": v.start, "end": v.end})),
        "due_this_week": tasks(&r.due),
        "late": tasks(&r.late),
        "at_risk": tasks(&r.at_risk),
        "starting_next_week": tasks(&r.next_week),
        "waiting": r.waiting.iter().map(|w| json!({
            "task": r.plan.tasks[w.task].id,
            "owner": r.plan.tasks[w.task].owner,
            "blocked": w.blocked,
            "waits_on": w.on.iter().map(|&p| json!({
                "task": r.plan.tasks[p].id,
                "owner": r.plan.tasks[p].owner,
                "forecast_end": s.tasks[p].forecast_end.to_string(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "margin": {
            "left": r.margin.left,
            "planned": r.margin.planned,
            "baseline": r.margin.baseline.as_ref().map(|(_, d)| *d),
            "buffers": s.buffers.iter().map(|b| {
                let mut buffer = json!({
                    "kind": b.kind.code(),
                    "after": b.after.map(|t| r.plan.tasks[t].id.as_str()),
                    "days": b.days,
                    "consumed": b.consumed,
                    "start": b.start.to_string(),
                    "end": b.end.to_string(),
                });
                // The critical-path buffer's size, as `schedule --format json` gives it.
                if let BufferKind::Critical { percent, chain_days } = b.kind {
                    buffer["percent"] = json!(percent);
                    buffer["chain_days"] = json!(chain_days);
                }
                buffer
            }).collect::<Vec<_>>(),
        },
    })
}

fn task_json(r: &Review, t: TaskIx) -> Value {
    let task = &r.plan.tasks[t];
    let s = &r.schedule.tasks[t];
    json!({
        "id": task.id,
        "title": task.title,
        "owner": task.owner,
        "status": task.status.code(),
        "start": s.start.to_string(),
        "end": s.end.to_string(),
        "forecast_start": s.forecast_start.to_string(),
        "forecast_end": s.forecast_end.to_string(),
        "late": s.late,
        "at_risk": s.at_risk,
        "variance": s.variance.map(|v| json!({"start": v.start, "end": v.end})),
    })
}

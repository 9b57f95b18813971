//! `retroplan risk PLAN`: Monte Carlo over the plan's three-point estimates
//! (docs/monte-carlo.md). The engine draws and dates the runs
//! (`retroplan_engine::risk`); this face loads the plan as `schedule` does,
//! shows a progress bar on a terminal when the runs take a while, and writes
//! the report as a table or as JSON. Its words, French and English, are
//! here rather than in `i18n.rs`: they are read nowhere else.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use anstyle::{AnsiColor, Style};
use jiff::civil::Date;
use retroplan_engine::{Lang, Plan, RiskOptions, RiskReport};
use serde_json::{Map, Value, json};
use unicode_width::UnicodeWidthStr;

use crate::i18n::messages;
use crate::load;
use crate::table::human_date;

const GOOD: Style = AnsiColor::Green.on_default().bold();
const RISK: Style = AnsiColor::Yellow.on_default().bold();
const LATE: Style = AnsiColor::Red.on_default().bold();
const ON_TIME_BAR: Style = AnsiColor::Green.on_default();
const MIXED_BAR: Style = AnsiColor::Yellow.on_default();
const LATE_BAR: Style = AnsiColor::Red.on_default();
const BOLD: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

/// The widest bar of the histogram, in terminal cells.
const BAR_WIDTH: usize = 40;
/// The most critical tasks listed.
const MOST_CRITICAL: usize = 10;

#[derive(clap::Args)]
pub struct RiskArgs {
    /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example.
    pub plan: String,
    /// How many runs (1 to 10,000,000).
    #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u32).range(1..=i64::from(RiskOptions::MAX_RUNS)))]
    pub runs: u32,
    /// The seed of the random draws: the same seed gives the same report.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    #[arg(long, value_enum, default_value_t = RiskFormat::Table)]
    pub format: RiskFormat,
    /// The day to plan from (YYYY-MM-DD); overrides the plan's `today` and the clock.
    #[arg(long, value_parser = crate::parse_date)]
    pub today: Option<Date>,
    /// Language of the table; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RiskFormat {
    Table,
    Json,
}

pub fn run(args: RiskArgs) -> anyhow::Result<ExitCode> {
    let Ok(loaded) = load::load(&args.plan, &crate::read_options(None, args.lang))? else {
        return Ok(ExitCode::from(2));
    };
    let today = load::today(args.today, &loaded.plan);
    let options = RiskOptions {
        runs: args.runs,
        seed: args.seed,
    };
    let bar = Bar::new(args.runs);
    let report =
        retroplan_engine::simulate(&loaded.plan, today, &options, &|done| bar.update(done));
    bar.finish();
    let report = match report {
        Ok(report) => report,
        Err(errors) => {
            // As `schedule` shows them: with their place in the file.
            let diagnostics =
                retroplan_formats::engine_diagnostics(&errors, &loaded.plan, &loaded.spans);
            load::show(&loaded.name, &loaded.source, &diagnostics);
            return Ok(ExitCode::from(2));
        }
    };
    match args.format {
        RiskFormat::Json => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:#}", to_json(&loaded.plan, &report))?;
            out.flush()?;
        }
        RiskFormat::Table => {
            let mut out = anstream::stdout().lock();
            table(
                &mut out,
                &loaded.plan,
                &report,
                crate::language(args.lang, &loaded),
            )?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on standard error, drawn only on a terminal and only once
/// the runs have lasted a second: short runs show nothing.
struct Bar {
    runs: u32,
    terminal: bool,
    started: Instant,
    /// Reports come from several threads, possibly out of order.
    most: AtomicU32,
    bar: OnceLock<indicatif::ProgressBar>,
}

impl Bar {
    fn new(runs: u32) -> Bar {
        Bar {
            runs,
            terminal: io::stderr().is_terminal(),
            started: Instant::now(),
            most: AtomicU32::new(0),
            bar: OnceLock::new(),
        }
    }

    fn update(&self, done: u32) {
        let done = self.most.fetch_max(done, Ordering::Relaxed).max(done);
        if !self.terminal
            || (self.bar.get().is_none() && self.started.elapsed() < Duration::from_secs(1))
        {
            return;
        }
        let bar = self.bar.get_or_init(|| {
            // Started late on purpose: it says how far the runs already are
            // and for how long, so that its rate and time left are right.
            let bar = indicatif::ProgressBar::new(u64::from(self.runs))
                .with_position(u64::from(done))
                .with_elapsed(self.started.elapsed());
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("{bar:40} {human_pos}/{human_len}")
            {
                bar.set_style(style.progress_chars("█▉▊▋▌▍▎▏ "));
            }
            bar
        });
        bar.set_position(u64::from(done));
    }

    fn finish(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}

fn iso(d: Date) -> Value {
    Value::String(d.to_string())
}

fn iso_or_null(d: Option<Date>) -> Value {
    d.map_or(Value::Null, iso)
}

/// The report as JSON (docs/monte-carlo.md, "JSON").
pub fn to_json(plan: &Plan, report: &RiskReport) -> Value {
    let by_id = |shares: &[f64]| -> Map<String, Value> {
        plan.tasks
            .iter()
            .zip(shares)
            .map(|(t, &c)| (t.id.clone(), json!(c)))
            .collect()
    };
    let criticality = by_id(&report.criticality);
    let margin_criticality = by_id(&report.margin_criticality);
    let histogram: Vec<Value> = report
        .histogram
        .iter()
        .map(|b| json!({ "from": iso(b.from), "to": iso(b.to), "runs": b.runs }))
        .collect();
    let s = &report.start_by;
    json!({
        "name": plan.name,
        "today": iso(report.today),
        "deadline": iso(report.deadline),
        "planned_start": iso_or_null(report.planned_start),
        "runs": report.runs,
        "seed": report.seed,
        "levelled": report.levelled,
        "probability_on_time": report.probability_on_time,
        "start_by": {
            "p50": iso_or_null(s.p50),
            "p80": iso_or_null(s.p80),
            "p90": iso_or_null(s.p90),
            "p95": iso_or_null(s.p95),
        },
        "finish": {
            "p50": iso(report.finish.p50),
            "p80": iso(report.finish.p80),
            "p95": iso(report.finish.p95),
        },
        "work_days": {
            "mean": report.work_days_mean(),
            "sigma": report.work_days_sigma(),
        },
        "criticality": criticality,
        "margin_criticality": margin_criticality,
        "histogram": histogram,
    })
}

/// The words of the table, by language.
struct Words {
    runs: fn(&str, u64) -> String,
    levelled: &'static str,
    chance: fn(&str, &str) -> String,
    plan_holds: &'static str,
    plan_late: &'static str,
    start_by: &'static str,
    confidence: &'static str,
    already_past: &'static str,
    nothing_to_start: &'static str,
    finish: &'static str,
    of_runs: &'static str,
    after_deadline: &'static str,
    critical: &'static str,
    none_critical: &'static str,
    thinnest: &'static str,
    histogram: &'static str,
    includes_deadline: &'static str,
    work_days: fn(&str, &str, &str) -> String,
    unchained: fn(&str) -> String,
    percent: &'static str,
    decimal: char,
    thousands: char,
}

const FR: Words = Words {
    runs: |runs, seed| format!("Monte Carlo : {runs} tirages, graine {seed}"),
    levelled: ", avec lissage",
    chance: |p, deadline| format!("{p} de chances de finir pour le Jour J ({deadline})."),
    plan_holds: "Le planning sans aléa tient.",
    plan_late: "Le planning sans aléa est déjà en retard.",
    start_by: "Commencer au plus tard, pour finir à temps avec",
    confidence: "de confiance",
    already_past: "déjà passé",
    nothing_to_start: "Pas de date de début à donner : aucun travail planifié à rebours du Jour J ne reste à commencer.",
    finish: "Fin en commençant aujourd'hui, au plus tard dans",
    of_runs: "des tirages",
    after_deadline: "après le Jour J",
    critical: "Tâches les plus souvent critiques",
    none_critical: "Aucune tâche critique : tout est fait ou rien ne contraint la fin.",
    thinnest: "Là où la marge est la plus mince (hors dates fixes)",
    histogram: "Dates de fin",
    includes_deadline: "◂ Jour J",
    work_days: |mean, sigma, deadline| {
        format!(
            "Travail : {mean} jours ouvrés en moyenne (écart type {sigma}) ; le Jour J en laisse {deadline}."
        )
    },
    unchained: |person| {
        format!(
            "Lissage : l'ordre des tâches de {person} contredit les dépendances ; elles se chevauchent dans les tirages."
        )
    },
    percent: " %",
    decimal: ',',
    thousands: '\u{202f}',
};

const EN: Words = Words {
    runs: |runs, seed| format!("Monte Carlo: {runs} runs, seed {seed}"),
    levelled: ", levelled",
    chance: |p, deadline| format!("{p} chance of finishing by D-day ({deadline})."),
    plan_holds: "The plan without uncertainty holds.",
    plan_late: "The plan without uncertainty is already late.",
    start_by: "Start by, to finish on time with",
    confidence: "confidence",
    already_past: "already past",
    nothing_to_start: "No start date to give: no work planned back from D-day is left to start.",
    finish: "Finish when starting today, at the latest in",
    of_runs: "of the runs",
    after_deadline: "after D-day",
    critical: "Most often critical",
    none_critical: "No critical task: everything is done or nothing binds the end.",
    thinnest: "Where the margin is thinnest (fixed dates aside)",
    histogram: "Finish dates",
    includes_deadline: "◂ D-day",
    work_days: |mean, sigma, deadline| {
        format!("Work: {mean} working days on average (sigma {sigma}); D-day leaves {deadline}.")
    },
    unchained: |person| {
        format!(
            "Levelling: the order of {person}'s tasks contradicts the dependencies; they overlap in the runs."
        )
    },
    percent: "%",
    decimal: '.',
    thousands: ',',
};

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    }
}

/// A share as a whole percentage; never 0 or 100 unless it is exactly.
fn percent(w: &Words, share: f64) -> String {
    let text = if share >= 1.0 {
        "100".to_string()
    } else if share <= 0.0 {
        "0".to_string()
    } else if share > 0.995 {
        "> 99".to_string()
    } else if share < 0.005 {
        "< 1".to_string()
    } else {
        format!("{}", (share * 100.0).round())
    };
    format!("{text}{}", w.percent)
}

/// One decimal, or none for a whole number.
fn decimal(w: &Words, x: f64) -> String {
    let text = if x == x.round() {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    };
    text.replace('.', &w.decimal.to_string())
}

fn grouped(w: &Words, n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(w.thousands);
        }
        out.push(c);
    }
    out
}

/// "ven 11/12" or "Fri 12-11".
fn short_date(lang: Lang, d: Date) -> String {
    let wd = messages(lang).weekdays[d.weekday().to_monday_zero_offset() as usize];
    match lang {
        Lang::Fr => format!("{wd} {:02}/{:02}", d.day(), d.month()),
        Lang::En => format!("{wd} {:02}-{:02}", d.month(), d.day()),
    }
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// A bar of `value / most` of [`BAR_WIDTH`] cells, in eighths of a cell;
/// a bin with any run shows at least a sliver.
fn bar(value: u32, most: u32) -> String {
    const PARTS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
    if value == 0 || most == 0 {
        return String::new();
    }
    let eighths = (u64::from(value) * (BAR_WIDTH as u64) * 8 / u64::from(most)).max(1);
    let mut out = "█".repeat((eighths / 8) as usize);
    let rest = (eighths % 8) as usize;
    if rest > 0 {
        out.push(PARTS[rest]);
    }
    out
}

pub fn table(out: &mut dyn Write, plan: &Plan, report: &RiskReport, lang: Lang) -> io::Result<()> {
    let m = messages(lang);
    let w = words(lang);
    let date = |d: Date| human_date(lang, d);
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}  ·  {}{}{}  ·  {}{}{}",
        plan.name,
        m.deadline,
        m.colon,
        date(report.deadline),
        m.today,
        m.colon,
        date(report.today)
    )?;
    writeln!(
        out,
        "{DIM}{}{}{DIM:#}",
        (w.runs)(&grouped(w, u64::from(report.runs)), report.seed),
        if report.levelled { w.levelled } else { "" }
    )?;
    writeln!(out)?;

    let p = report.probability_on_time;
    let style = if p >= 0.8 {
        GOOD
    } else if p >= 0.5 {
        RISK
    } else {
        LATE
    };
    writeln!(
        out,
        "{style}{}{style:#}",
        (w.chance)(&percent(w, p), &date(report.deadline))
    )?;
    writeln!(
        out,
        "{DIM}{}{DIM:#}",
        if report.feasible {
            w.plan_holds
        } else {
            w.plan_late
        }
    )?;
    writeln!(out)?;

    // Confidence levels and their dates, aligned.
    let label_width = percent(w, 0.95).width();
    let s = &report.start_by;
    writeln!(out, "{BOLD}{}{BOLD:#}", w.start_by)?;
    match (s.p50, s.p80, s.p90, s.p95) {
        (Some(p50), Some(p80), Some(p90), Some(p95)) => {
            for (share, d) in [(0.5, p50), (0.8, p80), (0.9, p90), (0.95, p95)] {
                let past = d < report.work_starts;
                let line = format!(
                    "  {} {}   {}",
                    pad_left(&percent(w, share), label_width),
                    w.confidence,
                    date(d)
                );
                if past {
                    writeln!(out, "{LATE}{line}  {}{LATE:#}", w.already_past)?;
                } else {
                    writeln!(out, "{line}")?;
                }
            }
        }
        _ => writeln!(out, "  {}", w.nothing_to_start)?,
    }
    writeln!(out, "{BOLD}{}{BOLD:#}", w.finish)?;
    let f = &report.finish;
    for (share, d) in [(0.5, f.p50), (0.8, f.p80), (0.95, f.p95)] {
        let line = format!(
            "  {} {}   {}",
            pad_left(&percent(w, share), label_width),
            w.of_runs,
            date(d)
        );
        if d > report.deadline {
            writeln!(out, "{LATE}{line}  {}{LATE:#}", w.after_deadline)?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;

    critical(out, plan, report, w)?;
    writeln!(out)?;
    histogram(out, report, lang, w)?;
    writeln!(
        out,
        "{}",
        (w.work_days)(
            &decimal(w, report.work_days_mean()),
            &decimal(w, report.work_days_sigma()),
            &decimal(w, report.deadline_work_days)
        )
    )?;
    for person in &report.unchained {
        writeln!(out, "{RISK}{}{RISK:#}", (w.unchained)(person))?;
    }
    Ok(())
}

/// The tasks with the largest `shares`, highest first (plan order among
/// equals), at most [`MOST_CRITICAL`].
fn most(shares: &[f64]) -> Vec<usize> {
    let mut tasks: Vec<usize> = (0..shares.len()).filter(|&t| shares[t] > 0.0).collect();
    tasks.sort_by(|&a, &b| shares[b].total_cmp(&shares[a]).then(a.cmp(&b)));
    tasks.truncate(MOST_CRITICAL);
    tasks
}

/// The tasks critical in the most runs; then, when they differ, those on
/// the least margin in the most runs (fixed dates are always critical, so
/// in a plan with fixed dates that is where the runs differ).
fn critical(out: &mut dyn Write, plan: &Plan, report: &RiskReport, w: &Words) -> io::Result<()> {
    writeln!(out, "{BOLD}{}{BOLD:#}", w.critical)?;
    let critical = most(&report.criticality);
    if critical.is_empty() {
        writeln!(out, "  {}", w.none_critical)?;
    } else {
        shares(out, plan, &critical, &report.criticality, w)?;
    }
    let thinnest = most(&report.margin_criticality);
    if !thinnest.is_empty() && thinnest != critical {
        writeln!(out, "{BOLD}{}{BOLD:#}", w.thinnest)?;
        shares(out, plan, &thinnest, &report.margin_criticality, w)?;
    }
    Ok(())
}

fn shares(
    out: &mut dyn Write,
    plan: &Plan,
    tasks: &[usize],
    of: &[f64],
    w: &Words,
) -> io::Result<()> {
    let texts: Vec<String> = tasks.iter().map(|&t| percent(w, of[t])).collect();
    let width = texts.iter().map(|s| s.width()).max().unwrap_or(0);
    for (&t, share) in tasks.iter().zip(&texts) {
        let task = &plan.tasks[t];
        writeln!(
            out,
            "  {}  {}  {DIM}{}{DIM:#}",
            pad_left(share, width),
            task.title,
            task.id
        )?;
    }
    Ok(())
}

/// The finish dates as bars, the deadline marked: bins on or before it in
/// green, after it in red, a bin across it in yellow.
fn histogram(out: &mut dyn Write, report: &RiskReport, lang: Lang, w: &Words) -> io::Result<()> {
    writeln!(out, "{BOLD}{}{BOLD:#}", w.histogram)?;
    let bins = &report.histogram;
    let (Some(first), Some(last)) = (bins.first(), bins.last()) else {
        return Ok(());
    };
    // The year only when the bins span more than one.
    let one_year = first.from.year() == last.to.year();
    let day = |d: Date| {
        if one_year {
            short_date(lang, d)
        } else {
            human_date(lang, d)
        }
    };
    let labels: Vec<String> = bins
        .iter()
        .map(|b| {
            if b.from == b.to {
                day(b.from)
            } else {
                format!("{} – {}", day(b.from), day(b.to))
            }
        })
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let most = bins.iter().map(|b| b.runs).max().unwrap_or(0);
    let total = u64::from(report.runs).max(1);
    let shares: Vec<String> = bins
        .iter()
        .map(|b| percent(w, b.runs as f64 / total as f64))
        .collect();
    let share_width = shares.iter().map(|s| s.width()).max().unwrap_or(0);
    let deadline = report.deadline;
    let marker = format!(
        "{DIM}  {} {}{}{}{DIM:#}",
        "┄".repeat(label_width.saturating_sub(1).max(2)),
        messages(lang).deadline,
        messages(lang).colon,
        human_date(lang, deadline)
    );
    let mut marked = false;
    for ((b, label), share) in bins.iter().zip(&labels).zip(&shares) {
        if !marked && b.from > deadline {
            writeln!(out, "{marker}")?;
            marked = true;
        }
        let across = b.from <= deadline && deadline < b.to;
        let style = if b.to <= deadline {
            ON_TIME_BAR
        } else if across {
            MIXED_BAR
        } else {
            LATE_BAR
        };
        let drawn = bar(b.runs, most);
        let note = if across {
            format!("  {}", w.includes_deadline)
        } else {
            String::new()
        };
        writeln!(
            out,
            "  {}  {style}{}{style:#}  {}{note}",
            pad(label, label_width),
            pad(&drawn, BAR_WIDTH),
            pad_left(share, share_width)
        )?;
        if across {
            marked = true;
        }
    }
    if !marked {
        writeln!(out, "{marker}")?;
    }
    Ok(())
}

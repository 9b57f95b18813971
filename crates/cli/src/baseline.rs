//! `retroplan baseline PLAN`: records the plan's dates as they stand (the
//! forecast: actual dates for work done, planned dates for the rest) in a
//! `[baseline.NAME]` section appended to the plan file, so that `schedule`,
//! `week`, `diff` and the JSON output can show how far things moved since.
//!
//! Appending leaves every byte of the file before it untouched, comments
//! and layout included; the file is replaced in one rename, never half-written.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;
use retroplan_engine::{Baseline, BaselineTask, Lang, Plan, Schedule};

use crate::load::{self, load};
use crate::table::human_date;

pub struct Request<'a> {
    pub plan: &'a str,
    pub name: Option<String>,
    pub today: Option<Date>,
    pub list: bool,
    pub lang: Option<Lang>,
    pub read: retroplan_formats::ReadOptions,
}

pub fn run(request: Request<'_>) -> anyhow::Result<ExitCode> {
    let Ok(loaded) = load(request.plan, &request.read)? else {
        return Ok(ExitCode::from(2));
    };
    let lang = request
        .lang
        .or(loaded.plan.lang)
        .or_else(|| crate::i18n::lang_from_env(|k| std::env::var(k).ok()))
        .unwrap_or(Lang::En);
    if request.list {
        for b in &loaded.plan.tracking.baselines {
            let end = b.end.map_or(String::new(), |d| human_date(lang, d));
            crate::output::unless_closed_pipe(writeln!(
                std::io::stdout(),
                "{}\t{}\t{}\t{end}",
                b.name,
                b.recorded,
                b.verdict.as_deref().unwrap_or("")
            ))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    if loaded.name == "<stdin>" || loaded.name.starts_with("example:") {
        anyhow::bail!(
            "`{}` is not a file: a baseline is recorded in the plan file itself",
            loaded.name
        );
    }
    let today = load::today(request.today, &loaded.plan);
    let Ok(schedule) = load::schedule(&loaded, today) else {
        return Ok(ExitCode::from(2));
    };
    let taken = |n: &str| loaded.plan.tracking.baselines.iter().any(|b| b.name == n);
    let name = match request.name {
        Some(name) if taken(&name) => {
            eprintln!(
                "error: the plan already has a baseline named \"{name}\"; choose another --name (existing: {})",
                names(&loaded.plan)
            );
            return Ok(ExitCode::from(2));
        }
        Some(name) if name.trim().is_empty() => {
            eprintln!("error: a baseline name cannot be empty");
            return Ok(ExitCode::from(2));
        }
        Some(name) => name,
        None => {
            let day = today.to_string();
            (1..)
                .map(|i| {
                    if i == 1 {
                        day.clone()
                    } else {
                        format!("{day}-{i}")
                    }
                })
                .find(|n| !taken(n))
                .unwrap_or(day)
        }
    };
    let baseline = record(&loaded.plan, &schedule, name, today);
    let mut text = loaded.source.clone();
    // The section takes the file's line endings: a file of CRLF lines with
    // a few bare LF ones could no longer be edited in place.
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    if !text.is_empty() && !text.ends_with('\n') {
        text.push_str(newline);
    }
    text.push_str(&retroplan_formats::baseline_text(&baseline).replace('\n', newline));
    // The new file must read back as the same plan plus this baseline.
    let reread = retroplan_formats::read_plan(&text);
    if retroplan_formats::has_errors(&reread.diagnostics) {
        load::show(&loaded.name, &text, &reread.diagnostics);
        anyhow::bail!("the baseline would not read back; the plan file is unchanged");
    }
    crate::output::replace_file(Path::new(&loaded.name), text.as_bytes())?;
    let end = baseline.end.map_or(String::new(), |d| human_date(lang, d));
    let said = match lang {
        Lang::Fr => format!(
            "Référence « {} » enregistrée dans {} : {} tâche(s), fin {end}.",
            baseline.name,
            loaded.name,
            baseline.tasks.len()
        ),
        Lang::En => format!(
            "Baseline \"{}\" recorded in {}: {} task(s), ending {end}.",
            baseline.name,
            loaded.name,
            baseline.tasks.len()
        ),
    };
    crate::output::unless_closed_pipe(writeln!(std::io::stdout(), "{said}"))?;
    Ok(ExitCode::SUCCESS)
}

/// The baseline of a schedule: each task's forecast dates (its actual dates
/// where it started), so that the variance starts at zero.
pub fn record(plan: &Plan, schedule: &Schedule, name: String, today: Date) -> Baseline {
    Baseline {
        name,
        recorded: today,
        deadline: plan.deadline,
        start: schedule.forecast_start,
        end: schedule.forecast_end,
        verdict: Some(schedule.verdict.code().to_string()),
        tasks: plan
            .tasks
            .iter()
            .zip(&schedule.tasks)
            .map(|(task, s)| BaselineTask {
                id: task.id.clone(),
                start: s.forecast_start,
                end: s.forecast_end,
                days: s.days,
                owner: task.owner.clone(),
                status: task.status,
            })
            .collect(),
    }
}

/// The index of the baseline `name` (the last one for ""), or an error on
/// standard error naming the ones there are.
pub fn find(plan: &Plan, name: &str) -> Option<usize> {
    let baselines = &plan.tracking.baselines;
    let found = if name.is_empty() {
        baselines.len().checked_sub(1)
    } else {
        baselines.iter().position(|b| b.name == name)
    };
    if found.is_none() {
        if baselines.is_empty() {
            eprintln!("error: the plan has no baseline; record one with `retroplan baseline PLAN`");
        } else {
            eprintln!(
                "error: no baseline named \"{name}\"; the plan has: {}",
                names(plan)
            );
        }
    }
    found
}

fn names(plan: &Plan) -> String {
    plan.tracking
        .baselines
        .iter()
        .map(|b| b.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

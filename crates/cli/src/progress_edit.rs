//! `retroplan set`, `start` and `done`: recording progress in the plan file
//! itself (docs/progress.md). The file is read, one task is edited by
//! `retroplan_formats::plan_file` (comments and layout kept), the new text is
//! checked as `check` would, and only then written, whole, through a
//! temporary file renamed over the plan. Any refusal writes nothing.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_formats::plan_file::{
    Assignment, Change, Edit, EditError, edit_task, finish_task, start_task,
};
use retroplan_formats::{Diagnostic, Severity, engine_diagnostics, has_errors, read_plan};

use crate::LangArg;
use crate::i18n::{self, EditCommand};
use crate::load;

/// `retroplan set PLAN TASK KEY=VALUE...`
#[derive(Args)]
pub struct SetArgs {
    /// The plan file (TOML) to edit in place.
    plan: String,
    /// The id of the task.
    task: String,
    /// What to write: status, started, finished, remaining, note, owner,
    /// days, due, on, priority (e.g. status=done finished=2026-11-03);
    /// KEY= removes the key.
    #[arg(required = true, value_name = "KEY=VALUE")]
    changes: Vec<String>,
    /// The day to check the new plan from (as `schedule --today`); default:
    /// the plan's `today`, else the clock.
    #[arg(long, value_parser = parse_day)]
    today: Option<Date>,
    /// Print the new file on standard output instead of writing it.
    #[arg(long)]
    dry_run: bool,
    /// Language of the summary; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

/// `retroplan start PLAN TASK` and `retroplan done PLAN TASK`.
#[derive(Args)]
pub struct DateArgs {
    /// The plan file (TOML) to edit in place.
    plan: String,
    /// The id of the task.
    task: String,
    /// The day it happened (YYYY-MM-DD or DD/MM/YYYY); it also replaces a
    /// date already recorded.
    #[arg(long, value_parser = parse_day)]
    on: Option<Date>,
    /// Today, the default for --on; default: the plan's `today`, else the clock.
    #[arg(long, value_parser = parse_day)]
    today: Option<Date>,
    /// Print the new file on standard output instead of writing it.
    #[arg(long)]
    dry_run: bool,
    /// Language of the summary; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

fn parse_day(text: &str) -> Result<Date, String> {
    retroplan_formats::plan_file::parse_date(text)
        .ok_or_else(|| format!("`{text}` is not a date (YYYY-MM-DD or DD/MM/YYYY)"))
}

pub fn set(args: &SetArgs) -> anyhow::Result<ExitCode> {
    let target = Target {
        plan: &args.plan,
        task: &args.task,
        dry_run: args.dry_run,
        lang: args.lang.map(Lang::from),
        command: EditCommand::Set,
        today: args.today,
    };
    let mut assignments = Vec::with_capacity(args.changes.len());
    for change in &args.changes {
        match Assignment::parse(change) {
            Ok(a) => assignments.push(a),
            Err(e) => anyhow::bail!("{e}"),
        }
    }
    target.run(|source, _| edit_task(source, &args.task, &assignments))
}

pub fn start(args: &DateArgs) -> anyhow::Result<ExitCode> {
    target(args, EditCommand::Start).run(|source, today| {
        start_task(
            source,
            &args.task,
            args.on.or(args.today).unwrap_or(today),
            args.on.is_some(),
        )
    })
}

pub fn done(args: &DateArgs) -> anyhow::Result<ExitCode> {
    target(args, EditCommand::Done).run(|source, today| {
        finish_task(
            source,
            &args.task,
            args.on.or(args.today).unwrap_or(today),
            args.on.is_some(),
        )
    })
}

fn target(args: &DateArgs, command: EditCommand) -> Target<'_> {
    Target {
        plan: &args.plan,
        task: &args.task,
        dry_run: args.dry_run,
        lang: args.lang.map(Lang::from),
        command,
        today: args.today,
    }
}

/// One edit of one task of one plan file.
struct Target<'a> {
    plan: &'a str,
    task: &'a str,
    dry_run: bool,
    lang: Option<Lang>,
    command: EditCommand,
    /// `--today`: the day the new plan is checked from, as `schedule --today`.
    today: Option<Date>,
}

impl Target<'_> {
    /// Reads the plan, makes the edit (`make` gets the text and the day
    /// `start`/`done` default to: the plan's `today`, else the clock),
    /// checks the new text, then writes it or prints it.
    fn run(
        &self,
        make: impl FnOnce(&str, Date) -> Result<Edit, EditError>,
    ) -> anyhow::Result<ExitCode> {
        let path = editable(self.plan)?;
        let source = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read the plan file `{}`", self.plan))?;
        let header = read_plan(&source).plan;
        let lang = self
            .lang
            .or(header.as_ref().and_then(|p| p.lang))
            .or_else(|| i18n::lang_from_env(|k| std::env::var(k).ok()))
            .unwrap_or(Lang::En);
        let today = header
            .and_then(|p| p.today)
            .unwrap_or_else(|| jiff::Zoned::now().date());

        let edit = match make(&source, today) {
            Ok(edit) => edit,
            Err(EditError::NotToml(_)) => {
                // The reader says where, with the line.
                load::show(self.plan, &source, &problems(&source, self.today));
                return Ok(ExitCode::from(2));
            }
            Err(e) => {
                eprintln!("error: {}: {}", self.plan, self.refusal(&e, lang));
                return Ok(ExitCode::from(2));
            }
        };
        if edit.changes.is_empty() {
            if self.dry_run {
                std::io::stdout().lock().write_all(source.as_bytes())?;
                eprintln!("{}", i18n::edit_nothing(lang, self.task));
            } else {
                crate::output::unless_closed_pipe(writeln!(
                    std::io::stdout(),
                    "{}",
                    i18n::edit_nothing(lang, self.task)
                ))?;
            }
            return Ok(ExitCode::SUCCESS);
        }
        let parts = summary(lang, &edit.changes);
        let summary = parts.join(", ");

        let diagnostics = problems(&edit.text, self.today);
        if has_errors(&diagnostics) {
            eprintln!("{}", i18n::edit_refused(lang, self.plan, &summary));
            let errors: Vec<_> = diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            let name = match lang {
                Lang::Fr => format!("{} (modifié, non écrit)", self.plan),
                Lang::En => format!("{} (edited, not written)", self.plan),
            };
            load::show(&name, &edit.text, &errors);
            let before = problems(&source, self.today);
            let already = before
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            if already > 0 {
                eprintln!("{}", i18n::edit_already_invalid(lang, self.plan, already));
            }
            return Ok(ExitCode::from(2));
        }

        let line = i18n::edit_summary(lang, self.task, &parts);
        if self.dry_run {
            let mut out = std::io::stdout().lock();
            out.write_all(edit.text.as_bytes())?;
            out.flush()?;
            eprintln!("{line}");
            eprintln!("{}", i18n::edit_dry_run(lang));
        } else {
            crate::output::replace_file(&path, edit.text.as_bytes())?;
            crate::output::unless_closed_pipe(writeln!(std::io::stdout(), "{line}"))?;
        }
        Ok(ExitCode::SUCCESS)
    }

    /// Why the edit cannot be made, in the user's language where the
    /// answer is a next step to take.
    fn refusal(&self, e: &EditError, lang: Lang) -> String {
        match e {
            EditError::Closed { status, .. } => i18n::edit_closed(
                lang,
                self.command,
                self.plan,
                self.task,
                *status == retroplan_engine::plan::Status::Done,
            ),
            EditError::AlreadyStarted { started, .. } => {
                i18n::edit_already_started(lang, self.plan, self.task, started)
            }
            EditError::AlreadyDone { finished, .. } => {
                i18n::edit_already_done(lang, self.plan, self.task, finished)
            }
            other => other.to_string(),
        }
    }
}

/// Every error `schedule` would stop at in the plan `text`: the reader's,
/// then the engine's from `today` (else the plan's `today`, else the clock),
/// as `schedule` would date it.
fn problems(text: &str, today: Option<Date>) -> Vec<Diagnostic> {
    let read = read_plan(text);
    let mut diagnostics = read.diagnostics;
    if !has_errors(&diagnostics)
        && let Some(plan) = &read.plan
    {
        let today = crate::load::today(today, plan);
        if let Err(errors) = retroplan_engine::schedule(plan, today) {
            diagnostics.extend(engine_diagnostics(&errors, plan, &read.spans));
        }
    }
    diagnostics
}

/// The changes as phrases: "status todo → done", "finished 2026-11-03".
fn summary(lang: Lang, changes: &[Change]) -> Vec<String> {
    let shown = |key: &str, value: &str| {
        if key == "notes" {
            format!("\"{value}\"")
        } else {
            value.to_string()
        }
    };
    changes
        .iter()
        .map(|c| {
            // No status is a task to do.
            let before = c
                .before
                .clone()
                .or_else(|| (c.key == "status").then(|| "todo".to_string()));
            match (before, &c.after) {
                (Some(b), Some(a)) => {
                    format!("{} {} → {}", c.key, shown(c.key, &b), shown(c.key, a))
                }
                (None, Some(a)) => format!("{} {}", c.key, shown(c.key, a)),
                (Some(b), None) => {
                    format!(
                        "{} {} {}",
                        c.key,
                        shown(c.key, &b),
                        i18n::edit_removed(lang)
                    )
                }
                (None, None) => c.key.to_string(),
            }
        })
        .collect()
}

/// The file to edit: standard input and built-in examples cannot be.
fn editable(plan: &str) -> anyhow::Result<PathBuf> {
    if plan == "-" {
        anyhow::bail!(
            "cannot edit standard input: give the plan's file (`retroplan set plan.toml TASK KEY=VALUE`)"
        );
    }
    if let Some(name) = plan.strip_prefix("example:") {
        anyhow::bail!(
            "cannot edit the built-in example `{name}`: save it first (`retroplan example {name} > plan.toml`), then edit plan.toml"
        );
    }
    Ok(PathBuf::from(plan))
}

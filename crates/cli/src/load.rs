//! Reading a plan for a command: the file (or standard input, or a built-in
//! example), its diagnostics shown on standard error, and the plan when it
//! is usable.

use std::io::{IsTerminal, Read};
use std::path::Path;

use anyhow::Context;
use retroplan_engine::{PeopleLoad, Plan, Schedule};
use retroplan_formats::{
    Diagnostic, PlanSpans, ReadOptions, engine_diagnostics, has_errors, read_plan_with,
};

use crate::diagnostics::render;
use crate::examples;

pub struct Loaded {
    pub name: String,
    /// The plan's text, empty once [`Loaded::release_source`] let it go.
    pub source: String,
    pub plan: Plan,
    pub spans: PlanSpans,
    released: bool,
}

impl Loaded {
    /// Lets the text of a plan read from a file go: it is a sixth of the
    /// memory of a large plan, and only needed again to show the engine's
    /// errors, when it is read again from the file. Text from standard
    /// input or a built-in example is kept.
    pub fn release_source(&mut self) {
        if self.name != STDIN_NAME && !self.name.starts_with("example:") {
            self.source = String::new();
            self.released = true;
        }
    }

    /// The text to show diagnostics in.
    fn text(&self) -> std::borrow::Cow<'_, str> {
        if self.released {
            // Read back at once after an error: the file is the one just read.
            let again = read_source(&self.name).map(|(_, text)| text);
            std::borrow::Cow::Owned(again.unwrap_or_default())
        } else {
            std::borrow::Cow::Borrowed(&self.source)
        }
    }
}

const STDIN_NAME: &str = "<stdin>";

/// Why a command stops without a result: exit code 2.
pub struct Unreadable;

/// The text of `path`: a file, `-` for standard input, or `example:NAME`.
pub fn read_source(path: &str) -> anyhow::Result<(String, String)> {
    if path == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("reading the plan from standard input")?;
        return Ok((STDIN_NAME.to_string(), text));
    }
    if let Some(name) = path.strip_prefix("example:") {
        return match examples::find(name) {
            Some(text) => Ok((path.to_string(), text.to_string())),
            None => anyhow::bail!(
                "no built-in example named `{name}`; known: {}",
                examples::names().join(", ")
            ),
        };
    }
    let bytes =
        std::fs::read(path).with_context(|| format!("cannot read the plan file `{path}`"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        // Where the text stops being UTF-8, as a place in the file.
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = String::from_utf8_lossy(&valid[start..]).chars().count() + 1;
        anyhow::anyhow!(
            "the plan file `{path}` is not UTF-8 text: line {line}, column {column} (save it as UTF-8)"
        )
    })?;
    Ok((path.to_string(), text))
}

pub fn stderr_color() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}

pub fn show(name: &str, source: &str, diagnostics: &[Diagnostic]) {
    let mut err = std::io::stderr().lock();
    // If standard error is closed there is nobody to tell.
    let _ = render(&mut err, name, source, diagnostics, stderr_color());
}

/// Reads and checks a plan; diagnostics go to standard error.
pub fn load(path: &str, options: &ReadOptions) -> anyhow::Result<Result<Loaded, Unreadable>> {
    let (name, source) = read_source(path)?;
    let read = read_plan_with(&source, options);
    show(&name, &source, &read.diagnostics);
    if has_errors(&read.diagnostics) {
        return Ok(Err(Unreadable));
    }
    let Some(mut plan) = read.plan else {
        return Ok(Err(Unreadable));
    };
    if plan.name.is_empty() {
        plan.name = Path::new(&name)
            .file_stem()
            .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned());
    }
    Ok(Ok(Loaded {
        name,
        source,
        plan,
        spans: read.spans,
        released: false,
    }))
}

/// The day a command reads a plan at: `--today`, else the plan's `today`,
/// else the clock.
pub fn today(flag: Option<jiff::civil::Date>, plan: &Plan) -> jiff::civil::Date {
    flag.or(plan.today)
        .unwrap_or_else(|| jiff::Zoned::now().date())
}

/// Reads a plan and dates it from its `today` (else the clock), for the
/// commands that refuse what `schedule` refuses (a cycle too) but show
/// something else than the schedule.
pub fn load_schedulable(
    path: &str,
    options: &ReadOptions,
    flag: Option<jiff::civil::Date>,
) -> anyhow::Result<Result<Loaded, Unreadable>> {
    let Ok(loaded) = load(path, options)? else {
        return Ok(Err(Unreadable));
    };
    let today = today(flag, &loaded.plan);
    Ok(schedule(&loaded, today).map(|_| loaded))
}

/// Every diagnostic of a plan's text: the reader's, then, if it could read
/// the plan, the engine's (cycles, fixed dates on closed days, progress
/// after today), dated as `check` dates it: `flag`, the plan's `today`, else
/// the clock.
pub fn all_diagnostics(
    source: &str,
    options: &ReadOptions,
    flag: Option<jiff::civil::Date>,
) -> Vec<Diagnostic> {
    let read = read_plan_with(source, options);
    let mut diagnostics = read.diagnostics;
    if !has_errors(&diagnostics)
        && let Some(plan) = &read.plan
    {
        let today = today(flag, plan);
        if let Err(errors) = retroplan_engine::schedule(plan, today) {
            diagnostics.extend(engine_diagnostics(&errors, plan, &read.spans));
        }
    }
    diagnostics
}

/// Schedules a loaded plan; the engine's errors go to standard error.
pub fn schedule(loaded: &Loaded, today: jiff::civil::Date) -> Result<Schedule, Unreadable> {
    schedule_with_load(loaded, today, false).map(|(s, _)| s)
}

/// [`schedule`], with each person's work per day when `people` is set.
pub fn schedule_with_load(
    loaded: &Loaded,
    today: jiff::civil::Date,
    people: bool,
) -> Result<(Schedule, Option<PeopleLoad>), Unreadable> {
    retroplan_engine::schedule_with_load(&loaded.plan, today, people).map_err(|errors| {
        let diagnostics = engine_diagnostics(&errors, &loaded.plan, &loaded.spans);
        show(&loaded.name, &loaded.text(), &diagnostics);
        Unreadable
    })
}

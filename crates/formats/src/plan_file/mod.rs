//! The TOML plan file (PLAN-FORMAT.md): text in, the plan and every
//! diagnostic out.
//!
//! The file is cut into sections (`sections`): the task tables are parsed
//! one by one, in parallel, and turned into tasks at once (`task`); the rest
//! (the plan's keys, `[calendar]`, `[[person]]`) is parsed as one document
//! (`root`). Then ids are resolved into indices (here), and the engine's
//! own errors (cycles, fixed dates on closed days) can be pointed back at the
//! file with [`engine_diagnostics`].

mod baseline;
mod edit;
mod fields;
mod margins;
mod meeting;
mod plain_task;
mod resolve;
mod reviews;
mod root;
mod sections;
mod task;

use std::ops::Range;

use rayon::prelude::*;
use retroplan_engine::plan::{Duration, EstimateAt, Plan};
use retroplan_engine::{PlanError, PlanErrors};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
pub use baseline::baseline_text;
pub use edit::{
    Assignment, Change, EDIT_KEYS, Edit, EditError, NewValue, edit_task, finish_task, start_task,
};
use task::RawTask;
pub use task::{STATUS_HINT, is_valid_id, suggest_id};

/// A date as plan files write it in strings: `2026-11-27` or `27/11/2026`.
pub fn parse_date(text: &str) -> Option<jiff::civil::Date> {
    let (y, m, d) = fields::parse_date_text(text)?;
    jiff::civil::Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// What reading a plan gives: the plan when it has at least a deadline
/// (possibly with parts left out where diagnostics say so), where things are
/// in the file, and every diagnostic.
pub struct ReadPlan {
    pub plan: Option<Plan>,
    pub spans: PlanSpans,
    pub diagnostics: Vec<Diagnostic>,
}

/// Where the parts of a plan are in its file, to point engine errors at.
#[derive(Default)]
pub struct PlanSpans {
    pub deadline: Range<usize>,
    pub calendar_workdays: Option<Range<usize>>,
    /// In plan order, one per task of the plan.
    pub tasks: Vec<TaskSpans>,
}

pub struct TaskSpans {
    pub id: Range<u32>,
    pub on: Option<Range<u32>>,
    pub workdays: Option<Range<u32>>,
}

/// At least this many task tables (when reading) or tasks (when resolving)
/// per parallel job: enough to amortise handing out the job, few enough to
/// keep both cores busy on mid-sized plans.
const TASKS_PER_JOB: usize = 512;

/// What the reader is told beside the text.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Replaces the file's `deadline` (or supplies one, for a template):
    /// every label moves with it.
    pub deadline: Option<jiff::civil::Date>,
    /// The language of generated titles (validation loops) when the plan
    /// has no `lang`; French when neither says.
    pub lang: Option<retroplan_engine::Lang>,
}

/// Reads a plan file's text.
pub fn read_plan(source: &str) -> ReadPlan {
    read_plan_with(source, &ReadOptions::default())
}

/// Reads a plan file's text with options.
pub fn read_plan_with(source: &str, options: &ReadOptions) -> ReadPlan {
    let mut diagnostics = Vec::new();
    let sections = sections::split(source);

    // Task tables go one unit each (with any `[task.x]` sub-table right after
    // them); everything else is "the rest", parsed as one document.
    let mut task_units: Vec<Range<usize>> = Vec::new();
    let mut rest: Vec<Range<usize>> = Vec::new();
    for s in sections {
        if s.name == Some("task") {
            match task_units.last_mut() {
                Some(last) if !s.is_array && last.end == s.range.start => last.end = s.range.end,
                _ => task_units.push(s.range),
            }
        } else if !s.range.is_empty() {
            rest.push(s.range);
        }
    }

    let rest_text = rest_document(source, &rest, &task_units);
    let (root, errors) = DeTable::parse_recoverable(&rest_text);
    diagnostics.extend(errors.iter().map(|e| syntax_error(e, 0)));
    let header = root::read_header(root.get_ref(), options, &mut diagnostics);
    let lang = header
        .lang
        .or(options.lang)
        .unwrap_or(retroplan_engine::Lang::Fr);

    // Every task read goes into one vector, written in place by the
    // parallel readers, and stays there until the plan owns it: a million
    // tasks are too many bytes to copy, or to hold twice.
    let mut inline = Vec::new();
    if let Some(value) = root.get_ref().get("task") {
        read_task_value(value, 0, lang, &mut inline, &mut diagnostics);
        if let Some(first) = task_units.first() {
            diagnostics.push(
                Diagnostic::error(
                    "mixed-task-forms",
                    header_span(source, first),
                    "tasks are given both as `task = [...]` and as [[task]] tables",
                )
                .with_hint("keep one form: [[task]] tables are the usual one"),
            );
        }
    }
    let units: Vec<UnitRead> = task_units
        .par_iter()
        .with_min_len(TASKS_PER_JOB)
        .map(|unit| read_unit(source, unit, lang))
        .collect();
    // Not needed any more, and resolving is when memory peaks.
    drop(task_units);
    let tasks_read = unit_tasks(inline, units, &mut diagnostics);

    let mut spans = PlanSpans {
        deadline: header.deadline.as_ref().map_or(0..0, |(_, s)| s.clone()),
        calendar_workdays: header.calendar_workdays_span.clone(),
        tasks: Vec::new(),
    };
    let mut tasks = resolve::resolve(tasks_read, &header.people, &mut spans, &mut diagnostics);
    if header.estimate_at != EstimateAt::Mean {
        for task in &mut tasks {
            if let Duration::Estimate { at, .. } = &mut task.duration {
                *at = header.estimate_at;
            }
        }
    }
    let plan = header.deadline.map(|(deadline, _)| Plan {
        name: header.name,
        deadline,
        today: header.today,
        lang: header.lang,
        calendar: header.calendar,
        people: header.people,
        tasks,
        meetings: header.meetings,
        level: header.level,
        tracking: header.tracking,
        margins: header.margins,
    });
    drop_follow_on_errors(&mut diagnostics);
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    ReadPlan {
        plan,
        spans,
        diagnostics,
    }
}

/// Where TOML itself could not read a value, the value the parser recovered
/// is meaningless: a second message about it would only be noise.
fn drop_follow_on_errors(diagnostics: &mut Vec<Diagnostic>) {
    let syntax: Vec<Range<usize>> = diagnostics
        .iter()
        .filter(|d| d.code == "toml-syntax")
        .map(|d| d.span.clone())
        .collect();
    if syntax.is_empty() {
        return;
    }
    diagnostics.retain(|d| {
        d.code == "toml-syntax"
            || !syntax
                .iter()
                .any(|s| s.start <= d.span.start && d.span.start < s.end.max(s.start + 1))
    });
}

/// The text of the non-task sections, task sections blanked out so that
/// offsets stay those of the file. When every non-task section comes before
/// the first task table (the usual layout), that is just a prefix: no copy.
fn rest_document<'s>(
    source: &'s str,
    rest: &[Range<usize>],
    tasks: &[Range<usize>],
) -> std::borrow::Cow<'s, str> {
    let end = rest.last().map_or(0, |r| r.end);
    let first_task = tasks.first().map_or(usize::MAX, |t| t.start);
    if end <= first_task {
        return std::borrow::Cow::Borrowed(&source[..end]);
    }
    let mut bytes = source.as_bytes()[..end].to_vec();
    for t in tasks.iter().filter(|t| t.start < end) {
        for b in &mut bytes[t.start..t.end.min(end)] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Every byte of a blanked character became a space: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

/// What one `[[task]]` table gave: almost always one task and no
/// diagnostic, kept in the vector of every task read without a box.
#[expect(
    clippy::large_enum_variant,
    reason = "the large variant is the usual one, and unboxed so that the vector of tables becomes the vector of tasks in place"
)]
enum UnitRead<'i> {
    One(RawTask<'i>),
    Other {
        tasks: Vec<RawTask<'i>>,
        diagnostics: Vec<Diagnostic>,
    },
}

fn read_unit<'i>(
    source: &'i str,
    unit: &Range<usize>,
    lang: retroplan_engine::Lang,
) -> UnitRead<'i> {
    if let Some(task) = plain_task::read_plain_task(&source[unit.clone()], unit.start) {
        return UnitRead::One(task);
    }
    let mut tasks = Vec::new();
    let mut diags = Vec::new();
    let (doc, errors) = DeTable::parse_recoverable(&source[unit.clone()]);
    diags.extend(errors.iter().map(|e| syntax_error(e, unit.start)));
    match doc.get_ref().get("task") {
        Some(value) => read_task_value(value, unit.start, lang, &mut tasks, &mut diags),
        None if errors.is_empty() => diags.push(
            Diagnostic::error(
                "bad-task-table",
                header_span(source, unit),
                "this table is not a task",
            )
            .with_hint("each task starts with [[task]]"),
        ),
        None => {}
    }
    match (tasks.len(), diags.is_empty()) {
        (1, true) => UnitRead::One(tasks.pop().expect("one task")),
        _ => UnitRead::Other {
            tasks,
            diagnostics: diags,
        },
    }
}

/// The tasks of the `task = [...]` form, then those of each table, in file
/// order. When each table gave one task (the usual case), the vector of
/// tables becomes the vector of tasks in place: no second copy.
fn unit_tasks<'i>(
    inline: Vec<RawTask<'i>>,
    units: Vec<UnitRead<'i>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<RawTask<'i>> {
    let one_each = units.iter().all(|u| matches!(u, UnitRead::One(_)));
    if inline.is_empty() && one_each {
        return units
            .into_iter()
            .filter_map(|u| match u {
                UnitRead::One(task) => Some(task),
                UnitRead::Other { .. } => None,
            })
            .collect();
    }
    let mut tasks = inline;
    for unit in units {
        match unit {
            UnitRead::One(task) => tasks.push(task),
            UnitRead::Other {
                tasks: more,
                diagnostics: diags,
            } => {
                tasks.extend(more);
                diagnostics.extend(diags);
            }
        }
    }
    tasks
}

fn read_task_value<'i>(
    value: &toml::Spanned<DeValue<'i>>,
    offset: usize,
    lang: retroplan_engine::Lang,
    out: &mut Vec<RawTask<'i>>,
    diags: &mut Vec<Diagnostic>,
) {
    let span = value.span().start + offset..value.span().end + offset;
    match value.get_ref() {
        DeValue::Array(items) => {
            for item in items.iter() {
                let place = item.span().start + offset..item.span().end + offset;
                match item.get_ref() {
                    DeValue::Table(table) => {
                        let place = place.start..place.end.min(place.start + 8);
                        if let Some(t) = task::read_task(table, offset, place, diags) {
                            reviews::expand(t, lang, out);
                        }
                    }
                    _ => diags.push(Diagnostic::error(
                        "bad-task-table",
                        place,
                        "a task must be a table",
                    )),
                }
            }
        }
        _ => diags.push(
            Diagnostic::error("bad-task-table", span, "`task` must be a list of tables")
                .with_hint("start each task with [[task]] (two brackets)"),
        ),
    }
}

fn header_span(source: &str, unit: &Range<usize>) -> Range<usize> {
    let text = &source[unit.clone()];
    unit.start..unit.start + text.find('\n').unwrap_or(text.len())
}

fn syntax_error(e: &toml::de::Error, offset: usize) -> Diagnostic {
    let span = e
        .span()
        .map_or(offset..offset, |s| s.start + offset..s.end + offset);
    Diagnostic::error("toml-syntax", span, e.message().trim().replace('\n', "; "))
        .with_hint("a plan file is TOML: `key = value` lines, a [calendar] table, and one [[task]] table per task; strings in quotes, dates as YYYY-MM-DD")
}

/// The engine's errors as diagnostics pointing into the plan file.
pub fn engine_diagnostics(errors: &PlanErrors, plan: &Plan, spans: &PlanSpans) -> Vec<Diagnostic> {
    let widen = task::widen;
    let id_span = |t: usize| spans.tasks.get(t).map_or(0..0, |s| widen(&s.id));
    errors
        .0
        .iter()
        .map(|e| match e {
            PlanError::Cycle { tasks, ids } => {
                let mut d = Diagnostic::error("cycle", id_span(tasks[0]), format!("these tasks wait for each other in a circle: {}", cycle_text(ids)))
                    .with_hint("remove one of these dependencies (`after`) to break the circle")
                    .with_label(format!("\"{}\" waits for \"{}\"", ids[0], ids[ids.len() - 1]));
                for (i, &t) in tasks.iter().enumerate().skip(1) {
                    d = d.with_related(id_span(t), format!("\"{}\" waits for \"{}\"", ids[i], ids[i - 1]));
                }
                d
            }
            PlanError::FixedOnNonWorkingDay { task, id, date } => {
                let span = spans.tasks.get(*task).and_then(|s| s.on.as_ref()).map_or_else(|| id_span(*task), widen);
                let weekday = plan.tasks.get(*task).map(|_| format!("{:?}", date.weekday())).unwrap_or_default();
                let owner = plan.tasks.get(*task).and_then(|t| t.owner.as_deref()).and_then(|o| plan.people.iter().find(|p| p.id == o));
                let away = owner.filter(|p| p.off.iter().any(|r| r.from <= *date && *date <= r.to) || p.workdays.is_some_and(|w| !w.contains(date.weekday())));
                let hint = match away {
                    Some(p) => format!("{date} is a day off of its owner \"{}\" (time off or part-time): move the date, or give the task to someone else", p.id),
                    None => "make it a milestone (`days = 0`: a milestone may fall on any date), or give the task its own `workdays` (e.g. all seven days for a promotion running through the weekend, with `work_on_holidays = true` for holidays)".to_string(),
                };
                Diagnostic::error("fixed-on-closed-day", span, format!("task \"{id}\" is fixed on {weekday} {date}, which is not one of its working days")).with_hint(hint)
            }
            PlanError::NoWorkdays { task, .. } => {
                let span = match task {
                    Some(t) => spans.tasks.get(*t).and_then(|s| s.workdays.as_ref()).map_or_else(|| id_span(*t), widen),
                    None => spans.calendar_workdays.clone().unwrap_or(0..0),
                };
                Diagnostic::error("no-workdays", span, e.to_string()).with_hint("list at least one working day")
            }
            PlanError::DateOutOfRange { task, .. } => {
                let span = task.map_or_else(|| spans.deadline.clone(), id_span);
                Diagnostic::error("out-of-range", span, e.to_string()).with_hint("check the dates, durations and lags: the schedule must stay within the years 1 to 9999")
            }
            PlanError::UnknownPredecessor { task, .. } => Diagnostic::error("unknown-task", id_span(*task), e.to_string()),
            PlanError::ProgressAfterToday { task, what, .. } => Diagnostic::error("progress-after-today", id_span(*task), e.to_string()).with_hint(format!("check `{what}`, or give a later `--today`: work cannot have happened after today")),
            PlanError::PersonWithoutWorkdays { .. } => Diagnostic::error("no-workdays", 0..0, e.to_string()).with_hint("list at least one working day"),
            PlanError::NoCommonWorkdays { task, owner, .. } => {
                let span = spans.tasks.get(*task).and_then(|s| s.workdays.as_ref()).map_or_else(|| id_span(*task), widen);
                let theirs = plan.people.iter().find(|p| &p.id == owner).and_then(|p| p.workdays).map(|w| w.names().join(", ")).unwrap_or_default();
                Diagnostic::error("no-common-workdays", span, e.to_string()).with_hint(format!("\"{owner}\" works on {theirs}: give the task to someone else, or change its `workdays`"))
            }
        })
        .collect()
}

fn cycle_text(ids: &[String]) -> String {
    let mut parts: Vec<&str> = ids.iter().map(String::as_str).collect();
    if let Some(first) = ids.first() {
        parts.push(first);
    }
    parts.join(" -> ")
}

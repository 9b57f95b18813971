//! retroplan's imports: the spreadsheet a team already has (CSV, XLSX, XLS
//! or ODS; French or English headers, columns in any order) turned into a
//! plan file that schedules, with every row it could not read reported.
//!
//! The path of a sheet: `sheet` reads the file into rows of cells;
//! `columns` finds the header row and what each column means (columns.md,
//! the contract shared with export); `rows` makes a draft task of each row
//! and its people, `links` resolves "Depends on" and breaks circles,
//! `placement` adds the `due` and `on` dates that keep the sheet's dates,
//! and `write` writes the plan with toml_edit. The text is then read back
//! with `retroplan_formats::read_plan_with` and scheduled by the engine:
//! what [`import`] returns is guaranteed to read and schedule.
//!
//! Like the formats crate this one turns bytes into text: it reads no files
//! and prints nothing. The CLI reads the file, writes the plan, and prints
//! the diagnostics, which are in the language of the import.

mod cells;
mod columns;
mod diagnostic;
mod links;
mod placement;
mod rows;
mod sheet;
mod slug;
mod words;
mod workdays;
mod write;

use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_engine::calendar::CalendarRules;
use retroplan_formats::{ReadOptions, has_errors, read_plan_with};

pub use columns::Column;
pub use diagnostic::{Diagnostic, Severity};
pub use sheet::{Cell, Format, Row, Sheet, WorkbookError, read_csv, read_workbook};

use crate::diagnostic::Report;

/// What the import is told beside the file.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The plan's `name`.
    pub name: String,
    /// The file's name, for the comment at the top of the plan.
    pub file: String,
    /// Jour J; default: the latest end date in the sheet.
    pub deadline: Option<Date>,
    /// `--lang`: the plan's language and the diagnostics'.
    pub lang: Option<Lang>,
    /// The language when neither `lang` nor the sheet's headers say
    /// (the environment's); French when none does.
    pub default_lang: Option<Lang>,
    /// The worksheet of a workbook; default: the first with a task column.
    pub sheet: Option<String>,
}

/// A plan made from a sheet.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The plan file.
    pub text: String,
    pub lang: Lang,
    /// Every row left out, cell left out and decision made, in row order.
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
}

/// What the plan holds, to say in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub tasks: usize,
    pub people: usize,
    /// Rows under the header that held something.
    pub rows: usize,
    /// Rows left out (no title).
    pub rows_left_out: usize,
    pub deadline: Date,
    /// The deadline is the sheet's latest end date (no `--deadline`).
    pub deadline_from_sheet: bool,
    /// Tasks (cancelled ones aside) with a date in the sheet...
    pub dated: usize,
    /// ...and those the plan schedules on exactly the sheet's dates.
    pub kept: usize,
    /// Constraints added to keep the sheet's dates.
    pub due: usize,
    pub on: usize,
}

/// No plan: why, with everything else found on the way.
#[derive(Clone, Debug, thiserror::Error)]
#[error("{}", self.diagnostics.iter().rev().find(|d| d.is_error()).map(ToString::to_string).unwrap_or_default())]
pub struct Failed {
    pub lang: Lang,
    pub diagnostics: Vec<Diagnostic>,
}

/// Imports a file's bytes: a workbook (XLSX, XLS, ODS) or CSV, told apart
/// by their first bytes.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, Failed> {
    let lang = options.lang.or(options.default_lang).unwrap_or(Lang::Fr);
    let fail = |code, message: String| Failed {
        lang,
        diagnostics: vec![fatal(lang, code, message)],
    };
    match Format::of(bytes) {
        Format::Csv => import_sheet(&read_csv(bytes), options),
        Format::Workbook => match read_workbook(bytes, options.sheet.as_deref()) {
            Ok(sheet) => import_sheet(&sheet, options),
            Err(WorkbookError::Unreadable(detail)) => Err(fail(
                "unreadable",
                words::unreadable_workbook(lang, &detail),
            )),
            Err(WorkbookError::NoSuchSheet { wanted, sheets }) => Err(fail(
                "unknown-sheet",
                words::no_such_sheet(lang, &wanted, &sheets),
            )),
            Err(WorkbookError::NoTaskSheet { sheets }) => Err(fail(
                "no-task-column",
                words::no_sheet_with_tasks(lang, &sheets),
            )),
        },
    }
}

fn fatal(lang: Lang, code: &'static str, message: String) -> Diagnostic {
    Diagnostic {
        severity: Severity::Error,
        code,
        row: None,
        column: None,
        message,
        lang,
    }
}

/// Imports a sheet already read.
pub fn import_sheet(sheet: &Sheet, options: &ImportOptions) -> Result<Imported, Failed> {
    let guess = options.lang.or(options.default_lang).unwrap_or(Lang::Fr);
    let Some(layout) = columns::find_layout(&sheet.rows) else {
        let first = sheet
            .rows
            .iter()
            .find(|r| r.cells.iter().any(|c| !c.is_blank()))
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .map(Cell::text)
                    .filter(|t| !t.is_empty())
                    .collect();
                (r.number, cells)
            });
        return Err(Failed {
            lang: guess,
            diagnostics: vec![fatal(
                guess,
                "no-task-column",
                words::no_task_column(guess, first),
            )],
        });
    };
    let lang = options
        .lang
        .or(layout.lang)
        .or(options.default_lang)
        .unwrap_or(Lang::Fr);
    let mut report = Report::new(lang);
    layout_notes(sheet, &layout, &mut report);

    let rules = CalendarRules::default();
    let drafts = rows::read(&sheet.rows, &layout, &rules, &mut report);
    let left_out = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "no-title")
        .count();
    let failed = |mut report: Report, code, message| {
        report.push(Severity::Error, code, None, None, message);
        Failed {
            lang,
            diagnostics: report.sorted(),
        }
    };
    if drafts.tasks.is_empty() {
        return Err(failed(
            report,
            "nothing-usable",
            words::nothing_usable(lang),
        ));
    }
    let links = links::resolve(&drafts.tasks, &layout, &mut report);

    let Some(deadline) = deadline(options, &drafts.tasks, &layout, &mut report) else {
        return Err(failed(report, "no-deadline", words::no_deadline(lang)));
    };

    let dates = drafts
        .tasks
        .iter()
        .flat_map(|d| [d.start, d.end])
        .flatten()
        .chain([deadline]);
    let (lo, hi) = dates.fold((deadline, deadline), |(lo, hi), d| (lo.min(d), hi.max(d)));
    let calendar = workdays::WorkDays::new(&rules, lo, hi);
    let tasks = placement::Tasks {
        name: &options.name,
        deadline,
        drafts: &drafts.tasks,
        people: &drafts.people,
        links: &links,
    };
    let placement = match placement::place(&tasks, &calendar, &layout, &mut report) {
        Ok(p) => p,
        Err(detail) => {
            let message = words::does_not_schedule(lang, &detail);
            return Err(failed(report, "does-not-schedule", message));
        }
    };

    let source = write::Source {
        file: &options.file,
        sheet: sheet.name.as_deref(),
        rows: drafts.rows,
    };
    let contents = write::Contents {
        name: &options.name,
        deadline,
        lang,
        drafts: &drafts.tasks,
        people: &drafts.people,
        links: &links,
        placement: &placement,
    };
    let text = write::plan_text(&source, &contents);

    // The guarantee: what is returned reads back and schedules.
    let read = read_plan_with(
        &text,
        &ReadOptions {
            deadline: None,
            lang: Some(lang),
        },
    );
    let plan = match read.plan {
        Some(plan) if !has_errors(&read.diagnostics) && plan.tasks.len() == drafts.tasks.len() => {
            plan
        }
        _ => {
            let detail = read
                .diagnostics
                .iter()
                .find(|d| d.is_error())
                .map_or_else(String::new, |d| d.message.clone());
            let message = words::read_back(lang, &detail);
            return Err(failed(report, "read-back", message));
        }
    };
    let schedule = match retroplan_engine::schedule(&plan, deadline) {
        Ok(s) => s,
        Err(errors) => {
            let detail: Vec<String> = errors.0.iter().map(ToString::to_string).collect();
            let message = words::does_not_schedule(lang, &detail.join("; "));
            return Err(failed(report, "does-not-schedule", message));
        }
    };

    let mut dated = 0;
    let mut kept = 0;
    for (d, t) in drafts.tasks.iter().zip(&schedule.tasks) {
        if d.status == retroplan_engine::Status::Cancelled || !(d.start_given || d.end_given) {
            continue;
        }
        dated += 1;
        if d.start == Some(t.start) && d.end == Some(t.end) {
            kept += 1;
        }
    }
    let summary = Summary {
        tasks: drafts.tasks.len(),
        people: drafts.people.len(),
        rows: drafts.rows,
        rows_left_out: left_out,
        deadline,
        deadline_from_sheet: options.deadline.is_none(),
        dated,
        kept,
        due: placement.due.iter().flatten().count(),
        on: placement.on.iter().flatten().count(),
    };
    Ok(Imported {
        text,
        lang,
        diagnostics: report.sorted(),
        summary,
    })
}

/// What the sheet's layout tells: its encoding, a title above the headers,
/// the columns left out.
fn layout_notes(sheet: &Sheet, layout: &columns::Layout, report: &mut Report) {
    let lang = report.lang;
    let header_row = sheet.rows[layout.header].number;
    if sheet.windows_1252 {
        report.push(
            Severity::Note,
            "encoding",
            None,
            None,
            words::windows_1252(lang),
        );
    }
    if sheet.rows[..layout.header]
        .iter()
        .any(|r| r.cells.iter().any(|c| !c.is_blank()))
    {
        let message = words::above_header(lang, header_row);
        report.push(Severity::Note, "above-header", None, None, message);
    }
    for (_, header) in &layout.unknown {
        let best = columns::closest(header).map(|c| c.header(lang));
        let message = words::unknown_column(lang, best);
        report.push(
            Severity::Note,
            "extra-column",
            Some(header_row),
            Some(header),
            message,
        );
    }
    for (header, first) in &layout.repeated {
        let message = words::repeated_column(lang, first);
        report.push(
            Severity::Note,
            "repeated-column",
            Some(header_row),
            Some(header),
            message,
        );
    }
}

/// `--deadline`, else the latest End cell (said in a note); without any,
/// the latest end a Start and a duration reach, the best the sheet says.
fn deadline(
    options: &ImportOptions,
    drafts: &[rows::Draft],
    layout: &columns::Layout,
    report: &mut Report,
) -> Option<Date> {
    if options.deadline.is_some() {
        return options.deadline;
    }
    let latest_of = |given: bool| {
        drafts
            .iter()
            .filter(|d| d.end_given == given)
            .filter_map(|d| d.end.map(|e| (e, d)))
            .max_by_key(|(e, d)| (*e, std::cmp::Reverse(d.row)))
    };
    let (end, d) = latest_of(true).or_else(|| latest_of(false))?;
    let column = if d.end_given {
        layout.header(Column::End)
    } else {
        layout.header(Column::Start)
    };
    let message = words::deadline_from_sheet(report.lang, end);
    report.push(Severity::Note, "deadline", Some(d.row), column, message);
    Some(end)
}

//! The rows under the header turned into task drafts: title, id, owner,
//! duration (the Days cell, else the working days between Start and End),
//! status, the sheet's dates, and a report of every cell left out.
//!
//! Only a row without a title is left out (an error); a bad cell is left
//! out of its task (a warning) and the task imported without it.

use std::collections::HashMap;

use jiff::civil::Date;
use retroplan_engine::Status;
use retroplan_formats::plan_file::is_valid_id;

use crate::cells::{self, Days};
use crate::columns::{Column, Layout};
use crate::diagnostic::{Report, Severity};
use crate::sheet::{Cell, Row};
use crate::slug::{Ids, slug};
use crate::words;
use crate::workdays::WorkDays;

/// A task as the sheet gives it, before its dependencies are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub row: usize,
    pub id: String,
    /// The ID cell as written, lowercase: dependencies may name it.
    pub id_cell: Option<String>,
    pub title: String,
    /// Index in the people.
    pub owner: Option<usize>,
    pub phase: Option<String>,
    pub channel: Option<String>,
    pub notes: Option<String>,
    pub status: Status,
    pub days: u32,
    /// The sheet's dates: the cells, or one derived from the other and the
    /// duration; what the plan is placed to keep.
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// Did the sheet give these dates (else they are derived, or none)?
    pub start_given: bool,
    pub end_given: bool,
    /// The "Depends on" cell.
    pub after: Option<String>,
}

/// A person made from an owner cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
}

pub(crate) struct Drafts {
    pub tasks: Vec<Draft>,
    pub people: Vec<Person>,
    /// Rows under the header that held something.
    pub rows: usize,
}

/// A row's cells as read, before durations (which need the calendar).
struct Parsed {
    row: usize,
    id_cell: Option<String>,
    title: String,
    owner: Option<String>,
    phase: Option<String>,
    channel: Option<String>,
    notes: Option<String>,
    status: Status,
    days: Option<u32>,
    start: Option<Date>,
    end: Option<Date>,
    after: Option<String>,
}

fn text_of(layout: &Layout, row: &Row, column: Column) -> Option<String> {
    layout
        .cell(row, column)
        .map(|(c, _)| c.text())
        .filter(|t| !t.is_empty())
}

/// Reads every row under the header of `rows`.
pub(crate) fn read(
    rows: &[Row],
    layout: &Layout,
    rules: &retroplan_engine::calendar::CalendarRules,
    report: &mut Report,
) -> Drafts {
    let lang = report.lang;
    let mut parsed = Vec::new();
    let mut used_rows = 0;
    for row in &rows[layout.header + 1..] {
        if row.cells.iter().all(Cell::is_blank) {
            continue;
        }
        used_rows += 1;
        let Some(title) = text_of(layout, row, Column::Task) else {
            report.push(
                Severity::Error,
                "no-title",
                Some(row.number),
                layout.header(Column::Task),
                words::no_title(lang),
            );
            continue;
        };
        parsed.push(parse(row, title, layout, report));
    }

    let dates = parsed.iter().flat_map(|p| [p.start, p.end]).flatten();
    let (lo, hi) = dates.fold((None, None), |(lo, hi): (Option<Date>, Option<Date>), d| {
        (
            Some(lo.map_or(d, |l| l.min(d))),
            Some(hi.map_or(d, |h| h.max(d))),
        )
    });
    let some_day = Date::new(2026, 1, 1).unwrap_or_default();
    let calendar = WorkDays::new(rules, lo.unwrap_or(some_day), hi.unwrap_or(some_day));

    let ids = assign_ids(&parsed, layout, report);
    let people = people(&parsed, layout, report);
    let mut tasks = Vec::with_capacity(parsed.len());
    for (p, id) in parsed.into_iter().zip(ids) {
        let (days, start, end) = duration(&p, &calendar, layout, report);
        let owner = p
            .owner
            .as_deref()
            .and_then(|o| people.index.get(&person_key(o)).copied());
        tasks.push(Draft {
            row: p.row,
            id,
            id_cell: p.id_cell.map(|c| c.to_lowercase()),
            title: p.title,
            owner,
            phase: p.phase,
            channel: p.channel,
            notes: p.notes,
            status: p.status,
            days,
            start_given: p.start.is_some(),
            end_given: p.end.is_some(),
            start,
            end,
            after: p.after,
        });
    }
    Drafts {
        tasks,
        people: people.list,
        rows: used_rows,
    }
}

fn parse(row: &Row, title: String, layout: &Layout, report: &mut Report) -> Parsed {
    let lang = report.lang;
    let number = row.number;
    let date = |column: Column, report: &mut Report| -> Option<Date> {
        let (cell, header) = layout.cell(row, column)?;
        if cell.is_blank() {
            return None;
        }
        match cells::date(cell) {
            Ok(d) => Some(d),
            Err(()) => {
                report.push(
                    Severity::Warning,
                    "bad-date",
                    Some(number),
                    Some(header),
                    words::bad_date(lang, &cell.text()),
                );
                None
            }
        }
    };
    let mut start = date(Column::Start, report);
    let mut end = date(Column::End, report);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        report.push(
            Severity::Warning,
            "end-before-start",
            Some(number),
            layout.header(Column::End),
            words::end_before_start(lang, s, e),
        );
        (start, end) = (None, None);
    }

    let days = layout
        .cell(row, Column::Days)
        .filter(|(c, _)| !c.is_blank())
        .and_then(|(cell, header)| {
            let text = cell.text();
            let bad = |report: &mut Report, code, message| {
                report.push(Severity::Warning, code, Some(number), Some(header), message);
                None
            };
            match cells::days(cell) {
                Days::Whole(n) => Some(n),
                Days::Rounded { to, .. } => {
                    report.push(
                        Severity::Warning,
                        "rounded-days",
                        Some(number),
                        Some(header),
                        words::days_rounded(lang, &text, to),
                    );
                    Some(to)
                }
                Days::Negative => bad(report, "negative-days", words::days_negative(lang, &text)),
                Days::TooLong => bad(report, "too-many-days", words::days_too_long(lang, &text)),
                Days::NotANumber => bad(report, "bad-days", words::days_not_a_number(lang, &text)),
            }
        });

    let status = match layout.cell(row, Column::Status).map(|(c, h)| (c.text(), h)) {
        Some((text, header)) if !text.is_empty() => cells::status(&text).unwrap_or_else(|| {
            report.push(
                Severity::Warning,
                "unknown-status",
                Some(number),
                Some(header),
                words::unknown_status(lang, &text, cells::closest_status(&text)),
            );
            Status::Todo
        }),
        _ => Status::Todo,
    };

    Parsed {
        row: number,
        id_cell: text_of(layout, row, Column::Id),
        title,
        owner: text_of(layout, row, Column::Owner).map(|o| collapse_spaces(&o)),
        phase: text_of(layout, row, Column::Phase),
        channel: text_of(layout, row, Column::Channel),
        notes: text_of(layout, row, Column::Comment),
        status,
        days,
        start,
        end,
        after: text_of(layout, row, Column::After),
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The duration (the Days cell wins over the dates) and the sheet's dates,
/// each derived from the other when only one is given.
fn duration(
    p: &Parsed,
    calendar: &WorkDays,
    layout: &Layout,
    report: &mut Report,
) -> (u32, Option<Date>, Option<Date>) {
    let lang = report.lang;
    let span = match (p.start, p.end) {
        (Some(s), Some(e)) => Some((s, e, calendar.between(s, e))),
        _ => None,
    };
    let days = match (p.days, span) {
        (Some(days), Some((s, e, span))) => {
            // A milestone's start and end are its one day, working or not.
            let agrees = days == span || (days == 0 && s == e);
            if !agrees {
                let header = layout.header(Column::Days).unwrap_or_default();
                report.push(
                    Severity::Warning,
                    "days-vs-dates",
                    Some(p.row),
                    Some(header),
                    words::days_vs_dates(lang, days, s, e, span, header),
                );
            }
            days
        }
        (Some(days), None) => days,
        (None, Some((_, _, span))) => span,
        (None, None) => {
            report.push(
                Severity::Warning,
                "no-duration",
                Some(p.row),
                None,
                words::no_duration(lang),
            );
            1
        }
    };
    let start = p
        .start
        .or_else(|| p.end.map(|e| calendar.start_of(e, days)));
    let end = p.end.or_else(|| p.start.map(|s| calendar.end_of(s, days)));
    (days, start, end)
}

/// Ids: the ID cell when valid (else its slug), unique (a repeated id gets
/// `-2`); else a slug of the title, unique among all of them.
fn assign_ids(parsed: &[Parsed], layout: &Layout, report: &mut Report) -> Vec<String> {
    let lang = report.lang;
    let header = layout.header(Column::Id);
    let mut ids = Ids::default();
    let mut first_row: HashMap<String, usize> = HashMap::new();
    let mut chosen: Vec<Option<String>> = Vec::with_capacity(parsed.len());
    let mut repeated: Vec<usize> = Vec::new();
    let mut unusable: Vec<usize> = Vec::new();
    for (i, p) in parsed.iter().enumerate() {
        let Some(cell) = &p.id_cell else {
            chosen.push(None);
            continue;
        };
        let id = if is_valid_id(cell) {
            cell.clone()
        } else {
            let fixed = slug(cell);
            if fixed.is_empty() {
                // Said once the title's id is known, below.
                chosen.push(None);
                unusable.push(i);
                continue;
            }
            report.push(
                Severity::Warning,
                "bad-id",
                Some(p.row),
                header,
                words::bad_id(lang, cell, &fixed),
            );
            fixed
        };
        if ids.take(&id) {
            first_row.insert(id.clone(), p.row);
        } else {
            repeated.push(i);
        }
        chosen.push(Some(id));
    }
    for i in repeated {
        if let Some(id) = chosen[i].clone() {
            let new = ids.unique(&id);
            let first = first_row.get(&id).copied().unwrap_or_default();
            report.push(
                Severity::Warning,
                "duplicate-id",
                Some(parsed[i].row),
                header,
                words::duplicate_id(lang, &id, first, &new),
            );
            chosen[i] = Some(new);
        }
    }
    let final_ids: Vec<String> = chosen
        .into_iter()
        .zip(parsed)
        .map(|(id, p)| id.unwrap_or_else(|| ids.unique(&title_id(&p.title, lang))))
        .collect();
    for i in unusable {
        let cell = parsed[i].id_cell.as_deref().unwrap_or_default();
        report.push(
            Severity::Warning,
            "bad-id",
            Some(parsed[i].row),
            header,
            words::bad_id(lang, cell, &final_ids[i]),
        );
    }
    final_ids
}

/// The base of a title's id (`unique` makes it unique).
fn title_id(title: &str, lang: retroplan_engine::Lang) -> String {
    let s = slug(title);
    if s.is_empty() {
        words::fallback_id(lang, false).to_string()
    } else {
        s
    }
}

struct People {
    list: Vec<Person>,
    /// [`person_key`] to index in `list`.
    index: HashMap<String, usize>,
}

/// Owners whose names make the same id (`Léa Martin`, `lea martin`) are
/// one person: they differ by accents, case or punctuation only.
fn person_key(name: &str) -> String {
    let s = slug(name);
    if s.is_empty() {
        collapse_spaces(name).to_lowercase()
    } else {
        s
    }
}

fn people(parsed: &[Parsed], layout: &Layout, report: &mut Report) -> People {
    let lang = report.lang;
    let header = layout.header(Column::Owner);
    let mut ids = Ids::default();
    let mut people = People {
        list: Vec::new(),
        index: HashMap::new(),
    };
    let mut spellings: Vec<String> = Vec::new();
    for p in parsed {
        let Some(name) = &p.owner else { continue };
        let key = person_key(name);
        if let Some(&known) = people.index.get(&key) {
            let person = &people.list[known];
            if person.name != *name && !spellings.contains(name) {
                spellings.push(name.clone());
                report.push(
                    Severity::Note,
                    "same-person",
                    Some(p.row),
                    header,
                    words::same_person(lang, name, &person.name, &person.id),
                );
            }
            continue;
        }
        let base = slug(name);
        let base = if base.is_empty() {
            words::fallback_id(lang, true).to_string()
        } else {
            base
        };
        let id = ids.unique(&base);
        report.push(
            Severity::Note,
            "new-person",
            Some(p.row),
            header,
            words::new_person(lang, name, &id),
        );
        people.index.insert(key, people.list.len());
        people.list.push(Person {
            id,
            name: name.clone(),
        });
    }
    people
}

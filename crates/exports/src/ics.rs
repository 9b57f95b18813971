//! The plan as a calendar (RFC 5545, through the icalendar crate): one
//! all-day event per task that is not cancelled, per milestone, per
//! meeting occurrence, and the D-day.
//!
//! Every event's UID is built from ids the plan already keeps stable
//! (`<task id>@<plan slug>.retroplan`), so importing the file again updates
//! the events instead of duplicating them. All-day events end on the day
//! after their last day (DTEND is exclusive). Events are transparent: a
//! five-day task should not mark its owner busy all week in a free/busy
//! view. Lines end with CRLF and are folded at 75 octets here: the crate
//! folds too, but leaves a 76-octet line when what remains after a fold is
//! exactly 75 octets long (icalendar 0.17.17, `fold_line`).

use std::fmt::Write as _;

use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{Calendar, Component, Event, EventLike, Property};
use jiff::civil::Date;
use retroplan_engine::{Lang, Plan, Schedule, Status};

use crate::error::ExportError;
use crate::rows::{Column, TaskRow, task_rows};
use crate::words::{words, working_days};

/// The calendar's text, CRLF line ends and folded lines included.
pub fn write_ics(plan: &Plan, schedule: &Schedule, lang: Lang) -> Result<String, ExportError> {
    let w = words(lang);
    let slug = slug(&plan.name);
    // DTSTAMP is required and says when the file was made. The clock would
    // make every export differ from the last one even when nothing moved
    // (and break the byte-for-byte invariant); the schedule's `today` is the
    // day the plan was read at, which is what a re-import compares.
    let stamp = midnight_utc(schedule.today)?;
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            match lang {
                Lang::Fr => "-//retroplan//retroplan//FR",
                Lang::En => "-//retroplan//retroplan//EN",
            },
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(Property::new("X-WR-CALNAME", plain(&plan.name)));

    // UIDs are `{task}@{plan}`, `{meeting}-{date}@{plan}` and
    // `deadline@{plan}`, stable from one export to the next; one that an
    // earlier event took (a task called `m-2026-12-14` beside meeting `m`)
    // gets `-2`, `-3`...: calendar apps merge the events of one UID.
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut uid = |local: &str| -> String {
        (1..)
            .map(|k| match k {
                1 => format!("{local}@{slug}"),
                k => format!("{local}-{k}@{slug}"),
            })
            .find(|candidate| taken.insert(candidate.clone()))
            .expect("a free UID")
    };
    for row in task_rows(plan, schedule, lang) {
        if row.status == Status::Cancelled {
            continue;
        }
        let summary = if row.milestone {
            format!("◆ {}", row.task)
        } else {
            row.task.clone()
        };
        let mut event = all_day(&uid(&row.id), &summary, row.start, row.end, stamp)?;
        event.description(&task_description(&row, lang));
        if let Some(phase) = &row.phase {
            event.categories([plain(phase).as_str()]);
        }
        calendar.push(event.done());
    }

    for (meeting, dates) in plan.meetings.iter().zip(&schedule.meetings) {
        let owner = meeting
            .owner
            .as_deref()
            .map(|o| person_name(plan, o).to_string());
        let attendees: Vec<&str> = meeting
            .attendees
            .iter()
            .map(|a| person_name(plan, a))
            .collect();
        let mut lines = Vec::new();
        if let Some(owner) = owner {
            lines.push(format!("{}{}{owner}", w.run_by, w.colon));
        }
        if !attendees.is_empty() {
            lines.push(format!(
                "{}{}{}",
                w.attendees,
                w.colon,
                attendees.join(", ")
            ));
        }
        if let Some(notes) = &meeting.notes {
            lines.push(notes.clone());
        }
        let description = plain(&lines.join("\n"));
        for &date in &dates.dates {
            let uid = uid(&format!("{}-{date}", meeting.id));
            let mut event = all_day(&uid, &meeting.title, date, date, stamp)?;
            event.description(&description);
            calendar.push(event.done());
        }
    }

    // A task may be called `deadline`: the D-day then takes another UID
    // than the one the brief of every other plan gives it.
    let deadline_id = if plan.tasks.iter().any(|t| t.id == "deadline") {
        "deadline-day"
    } else {
        "deadline"
    };
    let mut event = all_day(
        &uid(deadline_id),
        &format!("{}{}{}", w.deadline, w.colon, plan.name),
        schedule.deadline,
        schedule.deadline,
        stamp,
    )?;
    event.description(&plain(&format!(
        "{}{}{}",
        w.deadline,
        w.colon,
        w.verdict(schedule.verdict)
    )));
    calendar.push(event.done());

    let mut text = String::new();
    write!(text, "{calendar}")?;
    Ok(refold(&text))
}

/// Octets in a content line, CRLF aside (RFC 5545 3.1).
const LINE_OCTETS: usize = 75;

/// The crate's text with every content line unfolded (it folds with CRLF
/// and one space, and escapes line breaks inside values, so unfolding is
/// exact) and folded again at 75 octets, on character boundaries.
fn refold(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 64);
    let unfolded = text.replace("\r\n ", "");
    for line in unfolded.split_terminator("\r\n") {
        let mut rest = line;
        // The first line holds 75 octets; each continuation, one space
        // and 74 more.
        let mut room = LINE_OCTETS;
        loop {
            if rest.len() <= room {
                out.push_str(rest);
                out.push_str("\r\n");
                break;
            }
            let mut cut = room;
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            out.push_str(&rest[..cut]);
            out.push_str("\r\n ");
            rest = &rest[cut..];
            room = LINE_OCTETS - 1;
        }
    }
    out
}

/// The plan's name as it goes into UIDs: lower-case ASCII letters and
/// digits, accents dropped, anything else a single `-`, then
/// `.retroplan`: `Promo de Noël 2026` is `promo-de-noel-2026.retroplan`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let ascii = fold_accent(c);
        if ascii.is_empty() {
            if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        } else {
            out.push_str(ascii);
        }
    }
    let trimmed = out.trim_end_matches('-');
    let base = if trimmed.is_empty() { "plan" } else { trimmed };
    format!("{base}.retroplan")
}

/// The ASCII letters of a lower-case letter or digit, `""` for anything else.
fn fold_accent(c: char) -> &'static str {
    const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if c.is_ascii_alphanumeric() {
        let i = LETTERS.find(c).unwrap_or(0);
        return &LETTERS[i..i + 1];
    }
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => "a",
        'æ' => "ae",
        'ç' => "c",
        'è' | 'é' | 'ê' | 'ë' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => "o",
        'œ' => "oe",
        'ù' | 'ú' | 'û' | 'ü' => "u",
        'ý' | 'ÿ' => "y",
        'ß' => "ss",
        _ => "",
    }
}

/// An all-day event from `first` to `last` inclusive.
fn all_day(
    uid: &str,
    summary: &str,
    first: Date,
    last: Date,
    stamp: DateTime<Utc>,
) -> Result<Event, ExportError> {
    let end = last
        .tomorrow()
        .map_err(|_| ExportError::DateOutOfRange(last))?;
    let mut event = Event::new();
    event
        .uid(uid)
        .timestamp(stamp)
        .summary(&plain(summary))
        .starts(naive(first)?)
        .ends(naive(end)?)
        .add_property("TRANSP", "TRANSPARENT");
    Ok(event)
}

/// The description of a task: owner, status, J-x, slack, what it depends
/// on, its notes; one per line.
fn task_description(row: &TaskRow, lang: Lang) -> String {
    let w = words(lang);
    let mut lines = Vec::new();
    let mut line = |column: Column, value: String| {
        if !value.is_empty() {
            lines.push(format!("{}{}{value}", column.header(lang), w.colon));
        }
    };
    line(Column::Owner, row.owner.clone());
    line(Column::Status, row.status.label(lang).to_string());
    line(Column::Label, row.label.clone());
    if !row.milestone {
        line(Column::Days, working_days(lang, i64::from(row.days)));
    }
    line(Column::Slack, working_days(lang, i64::from(row.slack)));
    line(Column::After, row.after.clone());
    line(Column::Channel, row.channel.clone());
    if !row.comment.is_empty() {
        lines.push(row.comment.clone());
    }
    plain(&lines.join("\n"))
}

fn person_name<'a>(plan: &'a Plan, id: &'a str) -> &'a str {
    plan.people
        .iter()
        .find(|p| p.id == id)
        .map_or(id, |p| p.name.as_str())
}

/// Text fit for an iCalendar TEXT value: a carriage return becomes a line
/// feed (the crate escapes line feeds, not CRs, and a bare CR breaks a
/// content line), and other control characters, which RFC 5545 does not
/// allow in TEXT, are left out. Every text of the file goes through here.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect()
}

fn naive(date: Date) -> Result<NaiveDate, ExportError> {
    NaiveDate::from_ymd_opt(
        i32::from(date.year()),
        date.month() as u32,
        date.day() as u32,
    )
    .ok_or(ExportError::DateOutOfRange(date))
}

fn midnight_utc(date: Date) -> Result<DateTime<Utc>, ExportError> {
    let time = naive(date)?
        .and_hms_opt(0, 0, 0)
        .ok_or(ExportError::DateOutOfRange(date))?;
    Ok(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fold_at_75_octets_on_character_boundaries() {
        // 75 octets then 74: two lines, the second one space and 74 octets
        // (the case the crate gets wrong).
        let long = format!("X:{}", "a".repeat(147));
        let folded = refold(&format!("{long}\r\n"));
        let lines: Vec<&str> = folded.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 2);
        assert_eq!((lines[0].len(), lines[1].len()), (75, 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{long}\r\n"));
        // 'é' is two octets: a cut never splits it.
        let accents = format!("X:{}", "é".repeat(100));
        let folded = refold(&accents);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(folded.replace("\r\n ", ""), format!("{accents}\r\n"));
        // A short line is left alone; a folded one is unfolded first.
        assert_eq!(refold("A:b\r\nC:d\r\n e\r\n"), "A:b\r\nC:de\r\n");
    }

    #[test]
    fn slugs_fold_accents_and_punctuation() {
        assert_eq!(slug("Promo de Noël 2026"), "promo-de-noel-2026.retroplan");
        assert_eq!(
            slug("Campagne de printemps « Vert de ville »"),
            "campagne-de-printemps-vert-de-ville.retroplan"
        );
        assert_eq!(slug("«»"), "plan.retroplan");
        assert_eq!(slug("Œuvre"), "oeuvre.retroplan");
    }
}

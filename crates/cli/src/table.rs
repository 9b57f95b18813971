//! The schedule as a table for a person in a terminal: J-x label, dates,
//! task, owner, days and slack, grouped by phase, with the deadline and the
//! verdict at the bottom. Styles are always written; `anstream` strips them
//! when the output is not a terminal or `NO_COLOR` is set.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use jiff::civil::Date;
use retroplan_engine::relative::day_label;
use retroplan_engine::{Buffer, Direction, Lang, Plan, Schedule, Status, Verdict};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{self, messages};
use crate::margin_words;
use crate::people_report;
use crate::progress_words;

const CRITICAL: Style = AnsiColor::Red.on_default().bold();
const DONE: Style = AnsiColor::Green.on_default();
const IN_PROGRESS: Style = AnsiColor::Yellow.on_default();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();
const GOOD: Style = AnsiColor::Green.on_default().bold();

/// "lun 14/12/2026" or "Mon 2026-12-14".
pub fn human_date(lang: Lang, d: Date) -> String {
    let wd = messages(lang).weekdays[d.weekday().to_monday_zero_offset() as usize];
    match lang {
        Lang::Fr => format!("{wd} {:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => format!("{wd} {d}"),
    }
}

struct Row {
    cells: Vec<String>,
    style: Style,
    /// Marks after the row: `!` for critical, the anchor a task could not keep.
    mark: String,
}

pub fn render(out: &mut dyn Write, plan: &Plan, schedule: &Schedule, lang: Lang) -> io::Result<()> {
    let m = messages(lang);
    writeln!(
        out,
        "{BOLD}{}{BOLD:#}  ·  {}{}{}  ·  {}{}{}",
        plan.name,
        m.deadline,
        m.colon,
        human_date(lang, schedule.deadline),
        m.today,
        m.colon,
        human_date(lang, schedule.today)
    )?;
    writeln!(out)?;

    // Phases in order of first appearance; tasks by planned start inside each.
    let mut phases: Vec<Option<&str>> = Vec::new();
    for t in &plan.tasks {
        if !phases.contains(&t.phase.as_deref()) {
            phases.push(t.phase.as_deref());
        }
    }
    if let Some(i) = phases.iter().position(Option::is_none) {
        let none = phases.remove(i);
        phases.push(none);
    }
    // A plan under way shows each task's status and forecast end; with a
    // baseline, how far the forecast is from it.
    let w = progress_words::words(lang);
    let tracked = schedule.tracked || schedule.variance.is_some();
    let compared = schedule.variance.is_some();
    let mut header: Vec<String> = [
        m.col_label,
        m.col_start,
        m.col_end,
        m.col_task,
        m.col_owner,
        m.col_days,
        m.col_slack,
    ]
    .map(String::from)
    .to_vec();
    if tracked {
        header.push(w.col_status.to_string());
        header.push(w.col_forecast.to_string());
    }
    if compared {
        header.push(w.col_variance.to_string());
    }
    let mut groups: Vec<(Option<&str>, Vec<Row>)> = Vec::new();
    for phase in &phases {
        let mut idx: Vec<usize> = (0..plan.tasks.len())
            .filter(|&i| plan.tasks[i].phase.as_deref() == *phase)
            .collect();
        idx.sort_by_key(|&i| (schedule.tasks[i].start, schedule.tasks[i].end, i));
        let rows = idx
            .into_iter()
            .flat_map(|i| {
                let (task, s) = (&plan.tasks[i], &schedule.tasks[i]);
                let title = match (s.milestone, s.direction) {
                    (true, Direction::FollowUp) => format!("→ ◆ {}", task.title),
                    (true, Direction::Backward) => format!("◆ {}", task.title),
                    (false, Direction::FollowUp) => format!("→ {}", task.title),
                    (false, Direction::Backward) => task.title.clone(),
                };
                let style = match task.status {
                    Status::Done => DONE,
                    Status::InProgress | Status::Review => IN_PROGRESS,
                    _ if s.critical && !s.fixed => CRITICAL,
                    _ => Style::new(),
                };
                // A `due` the plan cannot keep exactly: a successor needs the
                // time, so the task ends before its anchor (docs/templates.md).
                let missed_anchor =
                    task.due
                        .and_then(|w| w.resolve(plan.deadline))
                        .filter(|&due| {
                            s.direction == Direction::Backward
                                && works_between(plan, task, s.end, due)
                        });
                let mut mark = String::new();
                if s.critical && !s.fixed {
                    mark.push('!');
                }
                if let Some(due) = missed_anchor {
                    if !mark.is_empty() {
                        mark.push(' ');
                    }
                    mark.push_str("⚓ ");
                    mark.push_str(&day_label((due - plan.deadline).get_days()));
                }
                if let Some(moved) = people_report::moved_mark(schedule, i) {
                    if !mark.is_empty() {
                        mark.push(' ');
                    }
                    mark.push_str(&moved);
                }
                for (flag, word) in [(s.late, w.late), (s.at_risk, w.at_risk)] {
                    if flag {
                        if !mark.is_empty() {
                            mark.push(' ');
                        }
                        mark.push_str(word);
                    }
                }
                let mut cells = vec![
                    day_label(s.offset),
                    human_date(lang, s.start),
                    human_date(lang, s.end),
                    title,
                    task.owner.clone().unwrap_or_default(),
                    margin_words::days_with_sigma(lang, s.days, task.duration.sigma()),
                    s.slack.to_string(),
                ];
                if tracked {
                    cells.push(task.status.label(lang).to_string());
                    cells.push(if s.forecast_end == s.end {
                        "=".to_string()
                    } else {
                        human_date(lang, s.forecast_end)
                    });
                }
                if compared {
                    cells.push(
                        s.variance
                            .map_or(String::new(), |v| progress_words::signed(v.end)),
                    );
                }
                let style = if s.late { CRITICAL } else { style };
                let mut rows = vec![Row { cells, style, mark }];
                rows.extend(
                    schedule
                        .buffers
                        .iter()
                        .filter(|b| b.after == Some(i))
                        .map(|b| buffer_row(plan, b, lang, header.len())),
                );
                rows
            })
            .collect();
        groups.push((*phase, rows));
    }
    // The buffer before the deadline closes the last group: it is the last
    // stretch before D.
    if let Some(last) = groups.last_mut() {
        last.1.extend(
            schedule
                .buffers
                .iter()
                .filter(|b| b.after.is_none())
                .map(|b| buffer_row(plan, b, lang, header.len())),
        );
    }

    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in groups.iter().flat_map(|(_, rows)| rows) {
        for (w, c) in widths.iter_mut().zip(&row.cells) {
            *w = (*w).max(c.width());
        }
    }
    let right_aligned = |c: usize| c == 5 || c == 6 || c == 9;
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .zip((0..cells.len()).map(right_aligned))
            .map(|((c, w), right)| {
                let pad = " ".repeat(*w - c.width());
                if right {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
    };
    writeln!(out, "{DIM}{}{DIM:#}", line(&header).trim_end())?;
    // A plan without tasks has no phase at all.
    let show_phases = phases.len() > 1 || phases.first().is_some_and(Option::is_some);
    for (phase, rows) in &groups {
        if show_phases {
            writeln!(out, "{BOLD}── {} ──{BOLD:#}", phase.unwrap_or(m.no_phase))?;
        }
        for row in rows {
            let text = line(&row.cells);
            let style = row.style;
            writeln!(
                out,
                "{style}{}{style:#}{}{}",
                text.trim_end(),
                if row.mark.is_empty() { "" } else { "  " },
                row.mark
            )?;
        }
    }
    meetings(out, plan, schedule, lang)?;
    writeln!(out)?;
    let anchors = groups
        .iter()
        .flat_map(|(_, rows)| rows)
        .any(|r| r.mark.contains('⚓'));
    let moved = schedule.tasks.iter().any(|t| t.moved_by_levelling > 0);
    writeln!(
        out,
        "{DIM}{}   {}   {}{}{}{DIM:#}",
        m.critical_legend,
        m.milestone_legend,
        m.follow_up_legend,
        if anchors { m.anchor_legend } else { "" },
        if moved { m.moved_legend } else { "" }
    )?;
    if tracked {
        let variance = if compared { w.legend_variance } else { "" };
        writeln!(out, "{DIM}{}{variance}{DIM:#}", w.legend_forecast)?;
    }

    let iso = |d: Date| human_date(lang, d);
    // A plan not yet under way is at risk when it should have started
    // already and only its buffers still hold the deadline.
    if schedule.start.is_none() {
        // No task (or every one cancelled): no start to name, no slack.
        writeln!(out, "{GOOD}✓{GOOD:#} {}", i18n::verdict_no_work(lang))?;
    } else if !schedule.feasible && schedule.late_by == 0 {
        // Levelled, in time, but fixed tasks book someone over capacity
        // (under way or not: no forecast says more than that).
        writeln!(
            out,
            "{CRITICAL}✗ {}{CRITICAL:#}",
            i18n::verdict_fixed_overload(lang)
        )?;
    } else if schedule.tracked || schedule.verdict == Verdict::AtRisk {
        verdict_under_way(out, plan, schedule, lang)?;
    } else if schedule.feasible {
        let start = schedule.start.map(iso).unwrap_or_default();
        writeln!(
            out,
            "{GOOD}✓{GOOD:#} {}",
            i18n::verdict_feasible(lang, schedule.margin.unwrap_or(schedule.min_slack), &start)
        )?;
    } else if schedule.earliest_deadline <= schedule.deadline {
        writeln!(
            out,
            "{CRITICAL}✗ {}{CRITICAL:#}",
            i18n::verdict_date_missed(lang, schedule.late_by)
        )?;
    } else {
        writeln!(
            out,
            "{CRITICAL}✗ {}{CRITICAL:#}",
            i18n::verdict_late(lang, schedule.late_by, &iso(schedule.earliest_deadline))
        )?;
    }
    let ids = |chain: &[usize]| {
        chain
            .iter()
            .map(|&t| plan.tasks[t].id.as_str())
            .collect::<Vec<_>>()
            .join(" → ")
    };
    if !schedule.critical_path.is_empty() {
        let label = i18n::chain(lang, !schedule.feasible);
        writeln!(out, "{label}{}{}", m.colon, ids(&schedule.critical_path))?;
    }
    if let Some(margin) = schedule.margin
        && schedule.feasible
        && !schedule.margin_path.is_empty()
        && schedule.margin_path != schedule.critical_path
    {
        let label = i18n::thinnest_margin(lang, margin);
        writeln!(out, "{label}{}{}", m.colon, ids(&schedule.margin_path))?;
    }
    if let Some(text) = margin_words::critical_sigma(lang, schedule.critical_sigma(plan)) {
        writeln!(out, "{text}")?;
    }
    if let Some(text) = margin_words::summary(lang, plan, schedule) {
        let eaten = schedule.buffers.iter().any(|b| b.consumed > 0);
        let style = if eaten { IN_PROGRESS } else { Style::new() };
        writeln!(out, "{style}{text}{style:#}")?;
    }
    if let Some(v) = &schedule.variance {
        writeln!(
            out,
            "{}",
            progress_words::variance(lang, &v.baseline, v.start, v.end)
        )?;
    }
    people_report::render(out, plan, schedule, lang)
}

/// A buffer as a row under the task it follows: its dates, its size and,
/// in the mark, what progress has consumed of it.
fn buffer_row(plan: &Plan, buffer: &Buffer, lang: Lang, columns: usize) -> Row {
    let mut cells = vec![
        day_label((buffer.start - plan.deadline).get_days()),
        human_date(lang, buffer.start),
        human_date(lang, buffer.end),
        margin_words::title(lang, plan, buffer),
        String::new(),
        buffer.days.to_string(),
    ];
    cells.resize(columns, String::new());
    let mark = margin_words::consumed(lang, buffer).unwrap_or_default();
    let style = if buffer.consumed >= buffer.days {
        CRITICAL
    } else if buffer.consumed > 0 {
        IN_PROGRESS
    } else {
        DIM
    };
    Row { cells, style, mark }
}

/// The verdict of a plan that records progress: on track, at risk (and
/// which tasks slipped), or late, against the forecast.
fn verdict_under_way(
    out: &mut dyn Write,
    plan: &Plan,
    schedule: &Schedule,
    lang: Lang,
) -> io::Result<()> {
    let text = progress_words::verdict_of(lang, plan, schedule);
    match schedule.verdict {
        Verdict::OnTrack => writeln!(out, "{GOOD}✓{GOOD:#} {text}"),
        Verdict::AtRisk => writeln!(out, "{IN_PROGRESS}⚠ {text}{IN_PROGRESS:#}"),
        Verdict::Late if schedule.earliest_deadline <= schedule.deadline => writeln!(
            out,
            "{CRITICAL}✗ {}{CRITICAL:#}",
            i18n::verdict_date_missed(lang, schedule.late_by)
        ),
        Verdict::Late => {
            writeln!(out, "{CRITICAL}✗ {text}{CRITICAL:#}")?;
            let earliest = human_date(lang, schedule.earliest_deadline);
            writeln!(
                out,
                "{}",
                progress_words::earliest_deadline(lang, &earliest)
            )
        }
    }
}

/// Does `task` have a working day after `end` and on or before `due`? When
/// it does not, ending at `end` is keeping the anchor (a `due` on a weekend
/// means the Friday before).
fn works_between(plan: &Plan, task: &retroplan_engine::Task, end: Date, due: Date) -> bool {
    let workdays = task.workdays.unwrap_or(plan.calendar.workdays);
    let Ok(first) = end.tomorrow() else {
        return false;
    };
    if first > due {
        return false;
    }
    let closed: Vec<Date> = if task.work_on_holidays {
        Vec::new()
    } else {
        plan.calendar
            .closed_dates(first, due)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    };
    first
        .series(jiff::Span::new().days(1))
        .take_while(|&d| d <= due)
        .any(|d| workdays.contains(d.weekday()) && !closed.contains(&d))
}

/// The meetings under the tasks: each with its dates (and those skipped).
fn meetings(out: &mut dyn Write, plan: &Plan, schedule: &Schedule, lang: Lang) -> io::Result<()> {
    if plan.meetings.is_empty() {
        return Ok(());
    }
    let m = messages(lang);
    writeln!(out, "{BOLD}── {} ──{BOLD:#}", m.meetings)?;
    let short = |d: &Date| {
        let wd = m.weekdays[d.weekday().to_monday_zero_offset() as usize];
        match lang {
            Lang::Fr => format!("{wd} {:02}/{:02}", d.day(), d.month()),
            Lang::En => format!("{wd} {:02}-{:02}", d.month(), d.day()),
        }
    };
    for (meeting, dates) in plan.meetings.iter().zip(&schedule.meetings) {
        let owner = meeting
            .owner
            .as_deref()
            .map_or(String::new(), |o| format!(" ({o})"));
        let list: Vec<String> = dates.dates.iter().map(short).collect();
        writeln!(
            out,
            "{}{owner}{}{}",
            meeting.title,
            m.colon,
            list.join(", ")
        )?;
        if !dates.skipped.is_empty() {
            let skipped: Vec<String> = dates.skipped.iter().map(short).collect();
            writeln!(
                out,
                "{DIM}  {}{}{}{DIM:#}",
                m.skipped,
                m.colon,
                skipped.join(", ")
            )?;
        }
    }
    Ok(())
}

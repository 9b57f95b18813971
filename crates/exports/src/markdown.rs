//! The plan as Markdown notes: the name, the D-day and the verdict in one
//! line, then one GitHub table per phase (in the order phases first appear,
//! tasks by planned start), then the summary, the buffers and the meetings.

use std::fmt::Write as _;

use retroplan_engine::{BufferKind, Lang, Plan, Schedule};

use crate::rows::{Column, TaskRow, by_phase, phase_table, task_rows};
use crate::words::{from_to, human_date, verdict, words, working_days};

pub fn write_markdown(plan: &Plan, schedule: &Schedule, lang: Lang) -> String {
    let w = words(lang);
    let rows = task_rows(plan, schedule, lang);
    let mut out = String::new();
    // Writing to a String cannot fail: the results are ignored below.
    let _ = writeln!(out, "# {}\n", one_line(&plan.name));

    let (word, detail) = verdict(lang, schedule);
    let verdict = format!("**{word}** · {detail}");
    let _ = writeln!(
        out,
        "**{}**{}{} · {verdict} · {}{}{}\n",
        w.deadline,
        w.colon,
        human_date(lang, schedule.deadline),
        w.today,
        w.colon,
        human_date(lang, schedule.today)
    );

    let groups = by_phase(&rows);
    let headed = groups.iter().any(|(phase, _)| phase.is_some());
    for (phase, group) in groups {
        if headed {
            let _ = writeln!(out, "## {}\n", one_line(phase.unwrap_or(w.no_phase)));
        }
        table(&mut out, &group, lang);
    }

    summary(&mut out, plan, schedule, lang);
    out
}

fn table(out: &mut String, rows: &[&TaskRow], lang: Lang) {
    let header: Vec<&str> = phase_table().map(|c| c.header(lang)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = phase_table()
        .map(|c| match c {
            Column::Days | Column::Slack => "---:",
            _ => "---",
        })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in rows {
        let cells: Vec<String> = phase_table()
            .map(|c| escape(&row.cell_text(c, lang)))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn summary(out: &mut String, plan: &Plan, schedule: &Schedule, lang: Lang) {
    let w = words(lang);
    let _ = writeln!(out, "## {}\n", w.summary);
    if let Some(start) = schedule.start {
        let _ = writeln!(
            out,
            "- {}{}{}",
            w.start_by,
            w.colon,
            human_date(lang, start)
        );
    }
    if let Some(finish) = schedule.finish {
        let _ = writeln!(out, "- {}{}{}", w.finish, w.colon, human_date(lang, finish));
    }
    if !schedule.feasible {
        let _ = writeln!(
            out,
            "- {}{}{}",
            w.earliest_deadline,
            w.colon,
            human_date(lang, schedule.earliest_deadline)
        );
    }
    if !schedule.critical_path.is_empty() {
        let chain: Vec<&str> = schedule
            .critical_path
            .iter()
            .filter_map(|&t| plan.tasks.get(t).map(|task| task.id.as_str()))
            .collect();
        let _ = writeln!(out, "- {}{}{}", w.critical_path, w.colon, chain.join(" → "));
    }
    out.push('\n');

    if !schedule.buffers.is_empty() {
        let _ = writeln!(out, "## {}\n", w.buffers);
        for buffer in &schedule.buffers {
            let what = match buffer.kind {
                BufferKind::Task => {
                    let after = buffer
                        .after
                        .and_then(|t| plan.tasks.get(t))
                        .map_or("", |t| t.id.as_str());
                    format!("{} {after}", w.buffer_after)
                }
                BufferKind::Critical { percent, .. } => match lang {
                    Lang::Fr => format!("{} ({percent} %)", w.buffer_critical),
                    Lang::En => format!("{} ({percent}%)", w.buffer_critical),
                },
                BufferKind::Ready => w.buffer_ready.to_string(),
            };
            let _ = write!(
                out,
                "- {what}{}{}, {}",
                w.colon,
                working_days(lang, i64::from(buffer.days)),
                from_to(lang, buffer.start, buffer.end)
            );
            if buffer.consumed > 0 {
                let _ = write!(out, " ({} {})", buffer.consumed, w.consumed);
            }
            out.push('\n');
        }
        out.push('\n');
    }

    let meetings: Vec<_> = plan
        .meetings
        .iter()
        .zip(&schedule.meetings)
        .filter(|(_, dates)| !dates.dates.is_empty())
        .collect();
    if !meetings.is_empty() {
        let _ = writeln!(out, "## {}\n", w.meetings);
        for (meeting, dates) in meetings {
            let days: Vec<String> = dates.dates.iter().map(|&d| human_date(lang, d)).collect();
            let _ = writeln!(
                out,
                "- {}{}{}",
                escape(&meeting.title),
                w.colon,
                days.join(", ")
            );
        }
        out.push('\n');
    }
}

/// A cell of a GitHub table: a `|` would end it and a line break would end
/// the row.
fn escape(text: &str) -> String {
    literal(text.trim())
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// A heading's text on one line.
fn one_line(text: &str) -> String {
    literal(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Text shown as written: `<` and `&` would start an HTML tag or an entity,
/// which Markdown renders (a title with `<b>` made the rest bold).
fn literal(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_their_pipes_and_lines_inside() {
        assert_eq!(escape("a | b\nc"), "a \\| b<br>c");
        // A title's tags and entities are shown, not rendered.
        assert_eq!(escape("<b>a & b</b>"), "&lt;b>a &amp; b&lt;/b>");
        assert_eq!(one_line("Plan <i>x</i>\n"), "Plan &lt;i>x&lt;/i>");
    }
}

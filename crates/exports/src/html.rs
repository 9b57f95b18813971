//! One self-contained HTML page to send to a client: the headline (D-day,
//! today, verdict), the Gantt chart inline as SVG and the task table by
//! phase, with the chart's font embedded so that the page looks the same
//! from any mailbox, offline, with no file beside it.
//!
//! The page is an askama template (`templates/page.html`): the markup stays
//! readable as HTML, and every value is escaped by the template engine.
//! The chart is the one renderer's SVG (`retroplan-gantt`), already escaped.

use askama::Template;
use base64::Engine;
use retroplan_engine::{Lang, Plan, Schedule, Verdict};
use retroplan_gantt::GanttOptions;

use crate::ExportError;
use crate::rows::{Tone, by_phase, phase_table, task_rows};
use crate::words::{human_date, verdict, words};

#[derive(Template)]
#[template(path = "page.html")]
struct Page<'a> {
    lang: &'static str,
    name: &'a str,
    headline: Vec<(String, String)>,
    verdict: String,
    verdict_class: &'static str,
    chart: String,
    headers: Vec<&'static str>,
    groups: Vec<Group>,
    font_regular: String,
    font_bold: String,
    generated: String,
}

struct Group {
    heading: Option<String>,
    rows: Vec<Line>,
}

struct Line {
    tone: &'static str,
    status: String,
    cells: Vec<String>,
}

fn tone_class(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "todo",
        Tone::InProgress => "in_progress",
        Tone::Review => "review",
        Tone::Done => "done",
        Tone::Blocked => "blocked",
        Tone::Late => "late",
        Tone::Cancelled => "cancelled",
    }
}

/// The page, as text.
pub fn page(plan: &Plan, schedule: &Schedule, lang: Lang) -> Result<String, ExportError> {
    let w = words(lang);
    let chart = retroplan_gantt::svg(plan, schedule, &GanttOptions::new(lang))?;
    let rows = task_rows(plan, schedule, lang);

    let groups = by_phase(&rows);
    let headed = groups.iter().any(|(phase, _)| phase.is_some());
    let groups = groups
        .into_iter()
        .map(|(phase, members)| Group {
            heading: headed.then(|| phase.unwrap_or(w.no_phase).to_string()),
            rows: members
                .into_iter()
                .map(|r| Line {
                    tone: tone_class(r.tone()),
                    status: r.status.label(lang).to_string(),
                    cells: phase_table().map(|c| r.cell_text(c, lang)).collect(),
                })
                .collect(),
        })
        .collect();

    let (word, detail) = verdict(lang, schedule);
    let verdict = format!("{word} · {detail}");
    let verdict_class = match schedule.verdict {
        Verdict::Late => "late",
        Verdict::AtRisk => "at_risk",
        Verdict::OnTrack => "on_track",
    };
    let b64 = base64::engine::general_purpose::STANDARD;
    let page = Page {
        lang: lang.code(),
        name: &plan.name,
        headline: vec![
            (
                format!("{}{}", w.deadline, w.colon),
                human_date(lang, schedule.deadline),
            ),
            (
                format!("{}{}", w.today, w.colon),
                human_date(lang, schedule.today),
            ),
        ],
        verdict,
        verdict_class,
        chart,
        headers: phase_table().map(|c| c.header(lang)).collect(),
        groups,
        font_regular: b64.encode(retroplan_gantt::font::REGULAR),
        font_bold: b64.encode(retroplan_gantt::font::BOLD),
        generated: human_date(lang, schedule.today),
    };
    Ok(page.render()?)
}

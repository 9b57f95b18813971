//! The Gantt chart of a schedule, drawn once as SVG and turned into PNG
//! (resvg) or PDF (krilla) with a font shipped inside, so that the picture
//! is the same on every machine.
//!
//! One renderer serves the CLI (`retroplan gantt`), the HTML export and,
//! later, the web app: it takes a plan and its schedule (the engine's
//! values; no file, no clock) and returns text. What the chart shows
//! (docs/gantt.md): rows grouped by phase, a time axis in dates and J-x
//! labels, weekends and holidays shaded, today and D-day lines, bars
//! coloured by status with a pattern and a mark so that colour is never the
//! only signal, the critical path outlined, milestones as diamonds, buffers
//! hatched with what is consumed filled, dependency arrows, the owner after
//! each bar, the baseline as a thin ghost bar.
//!
//! The code map: [`layout`] decides what is shown and where (window, zoom,
//! rows, x of a date); `axis` labels the days; `draw` writes the SVG;
//! `style` holds colours, patterns and sizes; [`font`] the shipped font and
//! its widths; [`picture`] the PNG and PDF.

mod axis;
mod draw;
pub mod font;
pub mod layout;
pub mod picture;
mod style;
mod words;

use jiff::civil::Date;
use retroplan_engine::{Plan, Schedule};

pub use layout::{GanttOptions, MAX_WINDOW_DAYS, Zoom};
pub use picture::{pdf, png};

use crate::draw::{Page, draw};
use crate::layout::Layout;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum GanttError {
    #[error("the window ends before it starts: from {first} to {last}")]
    EmptyWindow { first: Date, last: Date },
    #[error(
        "the window from {first} to {last} is {days} days long; the chart draws at most {MAX_WINDOW_DAYS} (narrow it with --from and --to)"
    )]
    WindowTooLong { first: Date, last: Date, days: i32 },
    #[error("the chart would be a {width} × {height} pixel image, too large to draw")]
    TooLarge { width: u32, height: u32 },
    #[error("the chart's SVG could not be read back: {0}")]
    Svg(String),
    #[error("the picture could not be written: {0}")]
    Encode(String),
}

/// Rows per PDF page: about an A-series landscape page at the chart's usual
/// width, with the axis and the legend repeated on every page.
pub const ROWS_PER_PAGE: usize = 40;

/// The whole chart as one SVG document.
pub fn svg(plan: &Plan, schedule: &Schedule, options: &GanttOptions) -> Result<String, GanttError> {
    let layout = Layout::new(plan, schedule, options)?;
    Ok(draw(
        &layout,
        &Page {
            rows: 0..layout.rows.len(),
            number: None,
        },
    ))
}

/// The chart cut into pages of at most `rows_per_page` rows, each with the
/// title, the axis and the legend; a phase header never ends a page alone.
pub fn pages(
    plan: &Plan,
    schedule: &Schedule,
    options: &GanttOptions,
    rows_per_page: usize,
) -> Result<Vec<String>, GanttError> {
    let layout = Layout::new(plan, schedule, options)?;
    let breaks = page_breaks(&layout.rows, rows_per_page.max(2));
    let count = breaks.len();
    Ok(breaks
        .into_iter()
        .enumerate()
        .map(|(i, rows)| {
            draw(
                &layout,
                &Page {
                    rows,
                    number: (count > 1).then_some((i + 1, count)),
                },
            )
        })
        .collect())
}

fn page_breaks(rows: &[layout::Row], per_page: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let mut end = (start + per_page).min(rows.len());
        if end < rows.len() && matches!(rows[end - 1], layout::Row::Phase(_)) && end - 1 > start {
            end -= 1;
        }
        out.push(start..end);
        start = end;
    }
    if out.is_empty() {
        out.push(0..0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use layout::Row;

    #[test]
    fn a_phase_header_is_never_the_last_row_of_a_page() {
        let rows = vec![
            Row::Phase("a".into()),
            Row::Task(0),
            Row::Phase("b".into()),
            Row::Task(1),
            Row::Task(2),
        ];
        assert_eq!(page_breaks(&rows, 3), vec![0..2, 2..5]);
        assert_eq!(page_breaks(&rows, 10), vec![0..5]);
        assert_eq!(page_breaks(&[], 10), vec![0..0]);
    }
}

//! The time axis: three bands over the days, in dates and in J-x labels.
//!
//! | zoom  | top band | middle band        | bottom band            |
//! |-------|----------|--------------------|------------------------|
//! | day   | months   | day of the month   | J-x of each day        |
//! | week  | months   | each week's Monday | J-x of each Monday     |
//! | month | years    | months             | J-x of each 1st        |

use jiff::ToSpan;
use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_engine::relative::day_label;

use crate::layout::{Layout, Zoom};
use crate::words::words;

/// A labelled run of days, inclusive.
pub struct Span {
    pub from: Date,
    pub to: Date,
    pub label: String,
    /// The deadline's own mark, drawn stronger.
    pub strong: bool,
}

pub fn bands(layout: &Layout) -> [Vec<Span>; 3] {
    let w = words(layout.lang);
    let top = match layout.zoom {
        Zoom::Day | Zoom::Week => runs(
            layout,
            |d| (d.year(), d.month()),
            |d| {
                format!(
                    "{} {}",
                    w.months[usize::from(d.month() as u8 - 1)],
                    d.year()
                )
            },
        ),
        Zoom::Month => runs(layout, |d| (d.year(), 0), |d| d.year().to_string()),
    };
    let unit_start = |d: Date| match layout.zoom {
        Zoom::Day => d,
        Zoom::Week => d
            .checked_sub(i64::from(d.weekday().to_monday_zero_offset()).days())
            .unwrap_or(d),
        Zoom::Month => d.first_of_month(),
    };
    let middle = runs(layout, unit_start, |d| match layout.zoom {
        Zoom::Day => d.day().to_string(),
        Zoom::Week => week_label(layout.lang, unit_start(d)),
        Zoom::Month => w.months_short[usize::from(d.month() as u8 - 1)].to_string(),
    });
    let deadline = layout.schedule.deadline;
    let mut bottom = runs(layout, unit_start, |d| {
        day_label((unit_start(d) - deadline).get_days())
    });
    for span in &mut bottom {
        span.strong = span.from <= deadline && deadline <= span.to;
    }
    [top, middle, bottom]
}

fn week_label(lang: Lang, monday: Date) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}", monday.day(), monday.month()),
        Lang::En => format!(
            "{} {}",
            words(lang).months_short[usize::from(monday.month() as u8 - 1)],
            monday.day()
        ),
    }
}

/// Consecutive days of the window grouped by `key`, each run labelled from
/// its first day.
fn runs<K: PartialEq>(
    layout: &Layout,
    key: impl Fn(Date) -> K,
    label: impl Fn(Date) -> String,
) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut current: Option<K> = None;
    for d in layout.days() {
        let k = key(d);
        match (&current, out.last_mut()) {
            (Some(c), Some(last)) if *c == k => last.to = d,
            _ => {
                out.push(Span {
                    from: d,
                    to: d,
                    label: label(d),
                    strong: false,
                });
                current = Some(k);
            }
        }
    }
    out
}

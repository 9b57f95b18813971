//! What the chart shows and where: the window of days, the zoom, the rows
//! (phase headers, tasks, the buffer before D-day) and the x of a date.
//! Computed once per chart; the drawing and the pages read it.

use std::collections::HashMap;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};
use retroplan_engine::{Baseline, BaselineTask, Lang, Plan, Schedule, Status, TaskIx};

use crate::GanttError;
use crate::font;
use crate::style::{FONT_SIZE, INDENT, LABEL_MAX, LABEL_MIN, MARGIN, RIGHT_ROOM};
use crate::words::words;

/// How much time one pixel shows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Zoom {
    Day,
    Week,
    Month,
}

impl Zoom {
    pub fn parse(text: &str) -> Option<Zoom> {
        match text {
            "day" | "jour" => Some(Zoom::Day),
            "week" | "semaine" => Some(Zoom::Week),
            "month" | "mois" => Some(Zoom::Month),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Zoom::Day => "day",
            Zoom::Week => "week",
            Zoom::Month => "month",
        }
    }

    /// Pixels per calendar day: wide enough in day zoom for a `J-120`
    /// label under each day, a week of 35 px, a month of about 45 px.
    pub fn px_per_day(self) -> f64 {
        match self {
            Zoom::Day => 28.0,
            Zoom::Week => 5.0,
            Zoom::Month => 1.5,
        }
    }

    /// The zoom that keeps a window readable on a screen: days up to three
    /// months, weeks up to a year and a half, months beyond.
    pub fn fitting(days: i32) -> Zoom {
        match days {
            ..=92 => Zoom::Day,
            93..=550 => Zoom::Week,
            _ => Zoom::Month,
        }
    }
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct GanttOptions {
    /// `None`: chosen from the window's length ([`Zoom::fitting`]).
    pub zoom: Option<Zoom>,
    /// First and last day shown; default: from the first bar to the later
    /// of the last bar and the deadline.
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub lang: Lang,
    /// Dependency arrows.
    pub links: bool,
}

impl GanttOptions {
    pub fn new(lang: Lang) -> GanttOptions {
        GanttOptions {
            zoom: None,
            from: None,
            to: None,
            lang,
            links: true,
        }
    }
}

/// The longest window drawn: beyond it a day-zoom chart would be millions of
/// pixels wide, and nobody asks for twenty years of a marketing plan.
pub const MAX_WINDOW_DAYS: i32 = 20 * 366;

#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Phase(String),
    Task(TaskIx),
    /// The buffer before the deadline (`buffer` / `ready_by`), an index in
    /// `Schedule::buffers`.
    ReadyBuffer(usize),
}

pub struct Layout<'a> {
    pub plan: &'a Plan,
    pub schedule: &'a Schedule,
    pub lang: Lang,
    pub zoom: Zoom,
    pub links: bool,
    /// First and last day shown, inclusive.
    pub first: Date,
    pub last: Date,
    pub px: f64,
    /// Width of the title column.
    pub label_width: f64,
    pub rows: Vec<Row>,
    /// Row of each task (by `TaskIx`), `None` when not shown.
    pub row_of: Vec<Option<usize>>,
    /// Buffers (indices in `Schedule::buffers`) after each task.
    pub buffers_after: HashMap<TaskIx, Vec<usize>>,
    pub baseline: Option<&'a Baseline>,
    pub baseline_tasks: HashMap<&'a str, &'a BaselineTask>,
}

impl<'a> Layout<'a> {
    pub fn new(
        plan: &'a Plan,
        schedule: &'a Schedule,
        options: &GanttOptions,
    ) -> Result<Layout<'a>, GanttError> {
        let baseline = plan
            .tracking
            .compare_with
            .and_then(|i| plan.tracking.baselines.get(i));
        let baseline_tasks: HashMap<&str, &BaselineTask> = baseline
            .map(|b| b.tasks.iter().map(|t| (t.id.as_str(), t)).collect())
            .unwrap_or_default();
        let mut buffers_after: HashMap<TaskIx, Vec<usize>> = HashMap::new();
        for (i, b) in schedule.buffers.iter().enumerate() {
            if let Some(t) = b.after {
                buffers_after.entry(t).or_default().push(i);
            }
        }

        let spans: Vec<Option<(Date, Date)>> = (0..plan.tasks.len())
            .map(|i| {
                task_span(
                    plan,
                    schedule,
                    i,
                    &buffers_after,
                    baseline_tasks.get(plan.tasks[i].id.as_str()).copied(),
                )
            })
            .collect();
        let (first, last) = window(plan, schedule, &spans, options)?;
        let days = (last - first).get_days() + 1;
        let zoom = options.zoom.unwrap_or_else(|| Zoom::fitting(days));
        let (first, last) = align(first, last, zoom, options);
        let days = (last - first).get_days() + 1;
        if days > MAX_WINDOW_DAYS {
            return Err(GanttError::WindowTooLong { first, last, days });
        }

        let visible = |i: usize| spans[i].is_some_and(|(from, to)| from <= last && to >= first);
        let (rows, row_of) = rows(plan, schedule, options.lang, &visible);
        let ready = schedule
            .buffers
            .iter()
            .enumerate()
            .filter(|(_, b)| b.after.is_none() && b.start <= last && b.end >= first)
            .map(|(i, _)| Row::ReadyBuffer(i));
        let mut rows = rows;
        rows.extend(ready);

        let label_width = rows
            .iter()
            .map(|r| match r {
                Row::Phase(name) => font::text_width(name, FONT_SIZE, true),
                Row::Task(t) => INDENT + font::text_width(&plan.tasks[*t].title, FONT_SIZE, false),
                Row::ReadyBuffer(_) => {
                    INDENT + font::text_width(words(options.lang).ready_buffer, FONT_SIZE, false)
                }
            })
            .fold(0.0, f64::max)
            .clamp(LABEL_MIN, LABEL_MAX)
            + MARGIN;

        Ok(Layout {
            plan,
            schedule,
            lang: options.lang,
            zoom,
            links: options.links,
            first,
            last,
            px: zoom.px_per_day(),
            label_width,
            rows,
            row_of,
            buffers_after,
            baseline,
            baseline_tasks,
        })
    }

    /// Where the chart's days begin.
    pub fn chart_left(&self) -> f64 {
        MARGIN + self.label_width
    }

    pub fn chart_width(&self) -> f64 {
        self.day_count() as f64 * self.px
    }

    pub fn day_count(&self) -> i32 {
        ((self.last - self.first).get_days() + 1).max(0)
    }

    pub fn width(&self) -> f64 {
        self.chart_left() + self.chart_width() + RIGHT_ROOM
    }

    /// The x of the start of `date`'s column (may lie outside the chart).
    pub fn x(&self, date: Date) -> f64 {
        self.chart_left() + (date - self.first).get_days() as f64 * self.px
    }

    /// `x` held inside the days shown: bars are cut at the window's edges
    /// by arithmetic rather than an SVG clip path, which resvg would render
    /// as a mask the size of the whole picture.
    pub fn clamp(&self, x: f64) -> f64 {
        x.clamp(self.chart_left(), self.chart_left() + self.chart_width())
    }

    pub fn shows_x(&self, x: f64) -> bool {
        x >= self.chart_left() && x <= self.chart_left() + self.chart_width()
    }

    pub fn shows_date(&self, date: Date) -> bool {
        self.first <= date && date <= self.last
    }

    /// The x of the end of `date`'s column.
    pub fn x_end(&self, date: Date) -> f64 {
        self.x(date) + self.px
    }

    pub fn days(&self) -> impl Iterator<Item = Date> + '_ {
        self.first
            .series(1.day())
            .take_while(move |d| *d <= self.last)
    }
}

/// The days a task occupies on the chart: its planned bar, its forecast, its
/// buffers and its baseline ghost. `None` for a cancelled task: it takes no
/// time and the chart shows the plan that is going to happen.
fn task_span(
    plan: &Plan,
    schedule: &Schedule,
    i: TaskIx,
    buffers_after: &HashMap<TaskIx, Vec<usize>>,
    ghost: Option<&BaselineTask>,
) -> Option<(Date, Date)> {
    if plan.tasks[i].status == Status::Cancelled {
        return None;
    }
    let t = &schedule.tasks[i];
    let mut from = t.start.min(t.forecast_start);
    let mut to = t.end.max(t.forecast_end);
    for &b in buffers_after.get(&i).into_iter().flatten() {
        to = to.max(schedule.buffers[b].end);
    }
    if let Some(g) = ghost {
        from = from.min(g.start);
        to = to.max(g.end);
    }
    Some((from, to))
}

fn window(
    plan: &Plan,
    schedule: &Schedule,
    spans: &[Option<(Date, Date)>],
    options: &GanttOptions,
) -> Result<(Date, Date), GanttError> {
    let mut lo = spans.iter().flatten().map(|s| s.0).min();
    let mut hi = spans.iter().flatten().map(|s| s.1).max();
    for b in &schedule.buffers {
        lo = Some(lo.map_or(b.start, |d| d.min(b.start)));
        hi = Some(hi.map_or(b.end, |d| d.max(b.end)));
    }
    let mut lo = lo.unwrap_or(plan.deadline).min(plan.deadline);
    let mut hi = hi.unwrap_or(plan.deadline).max(plan.deadline);
    // Today is shown when it is near: a plan that starts next week shows
    // where we stand; one that starts next year does not open on a
    // year of empty columns.
    let today = schedule.today;
    if today < lo && (lo - today).get_days() <= 31 {
        lo = today;
    }
    if today > hi && (today - hi).get_days() <= 31 {
        hi = today;
    }
    let first = options.from.unwrap_or(lo);
    let last = options.to.unwrap_or(hi);
    if first > last {
        return Err(GanttError::EmptyWindow { first, last });
    }
    Ok((first, last))
}

/// Rounds the window out to whole units of the zoom (a day of margin in day
/// zoom, whole weeks, whole months), except where the user fixed a bound.
fn align(first: Date, last: Date, zoom: Zoom, options: &GanttOptions) -> (Date, Date) {
    let (a, b) = match zoom {
        Zoom::Day => (
            first.checked_sub(1.day()).unwrap_or(first),
            last.checked_add(1.day()).unwrap_or(last),
        ),
        Zoom::Week => {
            let back = first.weekday().to_monday_zero_offset();
            let ahead = 6 - last.weekday().to_monday_zero_offset();
            (
                first.checked_sub(i64::from(back).days()).unwrap_or(first),
                last.checked_add(i64::from(ahead).days()).unwrap_or(last),
            )
        }
        Zoom::Month => (first.first_of_month(), last.last_of_month()),
    };
    (options.from.unwrap_or(a), options.to.unwrap_or(b))
}

/// The rows: phases in the order they first appear in the plan, each with
/// its tasks by planned start (a waterfall reads top-left to bottom-right),
/// tasks without a phase last under their own header (or with no header
/// at all when the plan has no phases).
fn rows(
    plan: &Plan,
    schedule: &Schedule,
    lang: Lang,
    visible: &dyn Fn(usize) -> bool,
) -> (Vec<Row>, Vec<Option<usize>>) {
    let mut phases: Vec<Option<&str>> = Vec::new();
    let mut members: HashMap<Option<&str>, Vec<TaskIx>> = HashMap::new();
    for (i, task) in plan.tasks.iter().enumerate() {
        if !visible(i) {
            continue;
        }
        let phase = task.phase.as_deref();
        let list = members.entry(phase).or_default();
        if list.is_empty() {
            phases.push(phase);
        }
        list.push(i);
    }
    // Unphased tasks go last, whatever their place in the file.
    phases.sort_by_key(|p| p.is_none());
    let any_phase = phases.iter().any(Option::is_some);
    let mut rows = Vec::new();
    let mut row_of = vec![None; plan.tasks.len()];
    for phase in phases {
        match phase {
            Some(name) => rows.push(Row::Phase(name.to_string())),
            None if any_phase => rows.push(Row::Phase(words(lang).no_phase.to_string())),
            None => {}
        }
        let mut tasks = members.remove(&phase).unwrap_or_default();
        tasks.sort_by_key(|&t| (schedule.tasks[t].start, schedule.tasks[t].end, t));
        for t in tasks {
            row_of[t] = Some(rows.len());
            rows.push(Row::Task(t));
        }
    }
    (rows, row_of)
}

/// Whether `date` is a weekend day under the plan calendar's weekly rule
/// (a closed weekday that is not a holiday).
pub fn is_weekly_rest(plan: &Plan, date: Date) -> bool {
    !plan.calendar.workdays.contains(date.weekday())
}

pub fn is_monday(date: Date) -> bool {
    date.weekday() == Weekday::Monday
}

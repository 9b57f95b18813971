//! The SVG text of a chart (or of one page of it) from its layout.
//!
//! Written by hand rather than through an SVG crate: the document is a flat
//! list of rectangles, paths and texts, and writing it straight into one
//! `String` keeps a 5,000-task chart in a few milliseconds and the output
//! byte-stable for the golden snapshots. Coordinates have one decimal.

use std::fmt::Write;
use std::ops::Range;

use jiff::civil::Date;
use retroplan_engine::{BufferKind, Lang, LinkKind, Status, TaskIx, TaskSchedule, Verdict};

use crate::axis::bands;
use crate::font::{self, FAMILY_LIST};
use crate::layout::{Layout, Row, Zoom, is_monday, is_weekly_rest};
use crate::style::*;
use crate::words::{day_and_date, short_date, words};

/// The page being drawn: its rows, and "page n of m" for the title.
pub struct Page {
    pub rows: Range<usize>,
    pub number: Option<(usize, usize)>,
}

pub fn draw(layout: &Layout, page: &Page) -> String {
    let mut svg = Svg {
        out: String::with_capacity(4096 + page.rows.len() * 900),
    };
    let shown = page.rows.len().max(1);
    let body_top = TITLE_H + AXIS_H;
    let body_bottom = body_top + shown as f64 * ROW_H;
    let width = layout.width();
    let height = body_bottom + 16.0 + LEGEND_H;
    let frame = Frame {
        body_top,
        body_bottom,
        rows: page.rows.clone(),
    };

    let _ = write!(
        svg.out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{FAMILY_LIST}" font-size="{FONT_SIZE}" fill="{TEXT}">"#
    );
    svg.element("title", &[], &layout.plan.name);
    svg.out.push_str("<defs>");
    svg.out.push_str(PATTERNS);
    svg.out.push_str(r##"<marker id="arrow" viewBox="0 0 6 6" refX="5.5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L6,3 L0,6 z" fill="context-stroke"/></marker>"##);
    svg.out.push_str("</defs>");
    let _ = write!(
        svg.out,
        r##"<rect width="{width:.0}" height="{height:.0}" fill="#ffffff"/>"##
    );

    title(&mut svg, layout, page);
    row_bands(&mut svg, layout, &frame);
    closed_days(&mut svg, layout, &frame);
    grid(&mut svg, layout, &frame);
    axis(&mut svg, layout);
    labels(&mut svg, layout, &frame);
    if page.rows.is_empty() {
        svg.text(
            layout.chart_left() + 8.0,
            body_top + 16.0,
            &[("fill", TEXT_SOFT)],
            words(layout.lang).nothing_in_window,
        );
    }
    if layout.links {
        links(&mut svg, layout, &frame);
    }
    bars(&mut svg, layout, &frame);
    owners(&mut svg, layout, &frame);
    day_lines(&mut svg, layout, &frame);
    legend(&mut svg, layout, body_bottom + 16.0);
    svg.out.push_str("</svg>\n");
    svg.out
}

struct Frame {
    body_top: f64,
    body_bottom: f64,
    rows: Range<usize>,
}

impl Frame {
    fn row_top(&self, row: usize) -> f64 {
        self.body_top + (row - self.rows.start) as f64 * ROW_H
    }

    fn shows(&self, row: usize) -> bool {
        self.rows.contains(&row)
    }
}

/// A thin writer: attributes are escaped, numbers have one decimal.
struct Svg {
    out: String,
}

impl Svg {
    fn text(&mut self, x: f64, y: f64, attrs: &[(&str, &str)], text: &str) {
        let _ = write!(self.out, r#"<text x="{x:.1}" y="{y:.1}""#);
        self.attrs(attrs);
        self.out.push('>');
        escape_into(&mut self.out, text);
        self.out.push_str("</text>");
    }

    fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        let _ = write!(self.out, "<{name}");
        self.attrs(attrs);
        self.out.push('>');
        escape_into(&mut self.out, text);
        let _ = write!(self.out, "</{name}>");
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, attrs: &[(&str, &str)]) {
        let _ = write!(
            self.out,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{:.1}""#,
            w.max(0.0),
            h.max(0.0)
        );
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, attrs: &[(&str, &str)]) {
        let _ = write!(
            self.out,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}""#
        );
        self.attrs(attrs);
        self.out.push_str("/>");
    }

    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (k, v) in attrs {
            let _ = write!(self.out, r#" {k}=""#);
            escape_into(&mut self.out, v);
            self.out.push('"');
        }
    }
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 has no place for control characters, nor for U+FFFE
            // and U+FFFF (which TOML strings allow); a title pasted from a
            // spreadsheet may carry a tab or a stray one.
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
}

fn title(svg: &mut Svg, layout: &Layout, page: &Page) {
    let w = words(layout.lang);
    let s = layout.schedule;
    svg.text(
        MARGIN,
        21.0,
        &[("font-size", "15"), ("font-weight", "bold")],
        &layout.plan.name,
    );
    let verdict = if s.tracked {
        match s.verdict {
            Verdict::Late => w.late,
            Verdict::AtRisk => w.at_risk,
            Verdict::OnTrack => w.on_track,
        }
        .to_string()
    } else if s.feasible {
        w.feasible.to_string()
    } else {
        format!(
            "{} {} {} · {} {}",
            w.late_by,
            s.late_by,
            w.working_days,
            w.earliest,
            short_date(layout.lang, s.earliest_deadline)
        )
    };
    let mut line = format!(
        "{} : {} · {} : {} · {}",
        w.deadline,
        day_and_date(layout.lang, s.deadline),
        w.today,
        day_and_date(layout.lang, s.today),
        verdict
    );
    if layout.lang == Lang::En {
        line = line.replace(" : ", ": ");
    }
    if let Some(b) = layout.baseline {
        let _ = write!(line, " · {} {}", w.baseline, b.name);
    }
    if let Some((n, of)) = page.number {
        let _ = write!(line, " · {} {n}/{of}", w.page);
    }
    let late = !s.feasible || s.verdict == Verdict::Late;
    svg.text(
        MARGIN,
        39.0,
        &[("fill", if late { DEADLINE } else { TEXT_SOFT })],
        &line,
    );
}

fn axis(svg: &mut Svg, layout: &Layout) {
    let left = layout.chart_left();
    svg.rect(
        left,
        TITLE_H,
        layout.chart_width(),
        AXIS_H,
        &[("fill", "#f4f6f9"), ("class", "days")],
    );
    for (band, spans) in bands(layout).iter().enumerate() {
        let top = TITLE_H + band as f64 * AXIS_BAND_H;
        let size = if band == 2 { TINY } else { SMALL };
        for span in spans {
            let x0 = layout.x(span.from);
            let x1 = layout.x_end(span.to);
            if span.from != layout.first {
                svg.line(x0, top, x0, top + AXIS_BAND_H, &[("stroke", GRID_STRONG)]);
            }
            let room = x1 - x0 - 2.0;
            let label = font::fit(&span.label, size, span.strong, room);
            if label == "…" {
                continue;
            }
            let size_text = format!("{size}");
            let mut attrs = vec![("font-size", size_text.as_str()), ("text-anchor", "middle")];
            if span.strong {
                attrs.push(("font-weight", "bold"));
                attrs.push(("fill", DEADLINE));
            }
            svg.text((x0 + x1) / 2.0, top + AXIS_BAND_H - 4.5, &attrs, &label);
        }
        svg.line(
            left,
            top + AXIS_BAND_H,
            left + layout.chart_width(),
            top + AXIS_BAND_H,
            &[("stroke", GRID_STRONG)],
        );
    }
}

fn row_bands(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let width = layout.width() - MARGIN;
    for row in frame.rows.clone() {
        let y = frame.row_top(row);
        match &layout.rows[row] {
            Row::Phase(_) => svg.rect(MARGIN / 2.0, y, width, ROW_H, &[("fill", PHASE_BAND)]),
            _ if row % 2 == 1 => svg.rect(MARGIN / 2.0, y, width, ROW_H, &[("fill", ROW_STRIPE)]),
            _ => {}
        }
    }
    svg.line(
        layout.chart_left(),
        TITLE_H,
        layout.chart_left(),
        frame.body_bottom,
        &[("stroke", GRID_STRONG)],
    );
}

/// Weekends and closed days, merged into runs so that a year of weekends is
/// a hundred rectangles, not a row of them per task.
fn closed_days(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let plan = layout.plan;
    let mut run: Option<(Date, Date, bool)> = None;
    let flush = |svg: &mut Svg, run: Option<(Date, Date, bool)>| {
        if let Some((a, b, holiday)) = run {
            let fill = if holiday { "#e6e9f0" } else { CLOSED_DAY };
            svg.rect(
                layout.x(a),
                TITLE_H + AXIS_BAND_H,
                layout.x_end(b) - layout.x(a),
                frame.body_bottom - TITLE_H - AXIS_BAND_H,
                &[("fill", fill)],
            );
        }
    };
    for d in layout.days() {
        let closed = !plan.calendar.is_working_day(d);
        // A weekend at 1.5 px is noise: month zoom shades only holidays
        // and closures.
        let weekly = is_weekly_rest(plan, d);
        let shade = closed && !(layout.zoom == Zoom::Month && weekly);
        match (&mut run, shade) {
            (Some((_, end, holiday)), true) if *holiday != weekly => *end = d,
            (_, true) => {
                flush(svg, run.take());
                run = Some((d, d, !weekly));
            }
            (_, false) => flush(svg, run.take()),
        }
    }
    flush(svg, run);
}

fn grid(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let top = TITLE_H + AXIS_H;
    for d in layout.days().skip(1) {
        let (draw, strong) = match layout.zoom {
            Zoom::Day => (true, is_monday(d)),
            Zoom::Week => (is_monday(d), d.day() <= 7 && is_monday(d)),
            Zoom::Month => (d.day() == 1, d.month() == 1 && d.day() == 1),
        };
        if draw {
            let x = layout.x(d);
            svg.line(
                x,
                top,
                x,
                frame.body_bottom,
                &[
                    ("stroke", if strong { GRID_STRONG } else { GRID }),
                    ("stroke-width", "0.6"),
                ],
            );
        }
    }
}

fn labels(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let room = layout.label_width - INDENT - 6.0;
    for row in frame.rows.clone() {
        let base = frame.row_top(row) + 16.0;
        match &layout.rows[row] {
            Row::Phase(name) => {
                let text = font::fit(name, FONT_SIZE, true, room + INDENT);
                svg.text(MARGIN, base, &[("font-weight", "bold")], &text);
            }
            Row::Task(t) => {
                let task = &layout.plan.tasks[*t];
                let text = font::fit(&task.title, FONT_SIZE, false, room);
                svg.text(MARGIN + INDENT, base, &[], &text);
            }
            Row::ReadyBuffer(_) => {
                let text = font::fit(words(layout.lang).ready_buffer, FONT_SIZE, false, room);
                svg.text(MARGIN + INDENT, base, &[("font-style", "italic")], &text);
            }
        }
    }
}

/// Where a bar begins and ends; a milestone is a point in the middle of
/// its day.
fn bar_ends(layout: &Layout, t: &TaskSchedule) -> (f64, f64) {
    if t.milestone {
        let mid = layout.x(t.start) + layout.px / 2.0;
        (mid - 6.0, mid + 6.0)
    } else {
        (layout.x(t.start), layout.x_end(t.end))
    }
}

fn links(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let s = layout.schedule;
    for (i, task) in layout.plan.tasks.iter().enumerate() {
        let Some(to_row) = layout.row_of[i].filter(|r| frame.shows(*r)) else {
            continue;
        };
        for link in &task.after {
            let Some(from_row) = layout.row_of[link.task].filter(|r| frame.shows(*r)) else {
                continue;
            };
            let (p0, p1) = bar_ends(layout, &s.tasks[link.task]);
            let (s0, s1) = bar_ends(layout, &s.tasks[i]);
            let x1 = if link.kind.from_finish() { p1 } else { p0 };
            let x2 = if link.kind.to_finish() { s1 } else { s0 };
            if !layout.shows_x(x1) || !layout.shows_x(x2) {
                // An arrow from or to outside the window would point at
                // nothing.
                continue;
            }
            let y1 = frame.row_top(from_row) + BAR_TOP + BAR_H / 2.0;
            let y2 = frame.row_top(to_row) + BAR_TOP + BAR_H / 2.0;
            let critical = s.tasks[i].critical && s.tasks[link.task].critical;
            let entering_end =
                link.kind == LinkKind::FinishToFinish || link.kind == LinkKind::StartToFinish;
            let d = if entering_end {
                // Into the end of a bar: come from its right.
                let xr = x1.max(x2) + 8.0;
                format!("M{x1:.1},{y1:.1} H{xr:.1} V{y2:.1} H{:.1}", x2 + 1.0)
            } else if x2 - x1 >= 12.0 {
                format!(
                    "M{x1:.1},{y1:.1} H{:.1} V{y2:.1} H{:.1}",
                    x1 + 6.0,
                    x2 - 1.0
                )
            } else {
                // Backwards (a lead, or start-to-start): go round, between
                // the rows, so that the arrow never crosses its own bar.
                let between = if y2 > y1 {
                    frame.row_top(to_row)
                } else {
                    frame.row_top(to_row) + ROW_H
                };
                format!(
                    "M{x1:.1},{y1:.1} H{:.1} V{between:.1} H{:.1} V{y2:.1} H{:.1}",
                    x1 + 6.0,
                    x2 - 8.0,
                    x2 - 1.0
                )
            };
            let _ = write!(
                svg.out,
                r#"<path d="{d}" fill="none" stroke="{}" stroke-width="{}" marker-end="url(#arrow)" data-from="{}" data-to="{}"/>"#,
                if critical { CRITICAL_STROKE } else { LINK },
                if critical { "1.2" } else { "0.8" },
                Attr(&layout.plan.tasks[link.task].id),
                Attr(&task.id),
            );
        }
    }
}

/// A value escaped for an attribute, for `write!`.
struct Attr<'a>(&'a str);

impl std::fmt::Display for Attr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut s = String::with_capacity(self.0.len());
        escape_into(&mut s, self.0);
        f.write_str(&s)
    }
}

fn bars(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    for row in frame.rows.clone() {
        let top = frame.row_top(row);
        match layout.rows[row] {
            Row::Task(t) => task_bar(svg, layout, t, top),
            Row::ReadyBuffer(b) => buffer(svg, layout, b, top),
            Row::Phase(_) => {}
        }
    }
}

fn task_bar(svg: &mut Svg, layout: &Layout, ix: TaskIx, top: f64) {
    let task = &layout.plan.tasks[ix];
    let t = &layout.schedule.tasks[ix];
    let look = Look::of(t);
    let _ = write!(
        svg.out,
        r#"<g class="task {}{}" data-id="{}">"#,
        look.code(),
        if t.critical { " critical" } else { "" },
        Attr(&task.id)
    );
    svg.element("title", &[], &tooltip(layout, ix));
    if let Some(g) = layout.baseline_tasks.get(task.id.as_str()) {
        let (x0, x1) = if g.days == 0 {
            let mid = layout.x(g.start) + layout.px / 2.0;
            (mid - 1.5, mid + 1.5)
        } else {
            (layout.x(g.start), layout.x_end(g.end))
        };
        let (x0, x1) = (layout.clamp(x0), layout.clamp(x1));
        if x1 > x0 {
            svg.rect(
                x0,
                top + GHOST_TOP,
                x1 - x0,
                GHOST_H,
                &[("fill", BASELINE), ("class", "baseline")],
            );
        }
    }
    for &b in layout.buffers_after.get(&ix).into_iter().flatten() {
        buffer(svg, layout, b, top);
    }
    let stroke: &[(&str, &str)] = if t.critical {
        &[("stroke", CRITICAL_STROKE), ("stroke-width", "1.8")]
    } else {
        &[]
    };
    if t.milestone {
        if !layout.shows_date(t.start) {
            svg.out.push_str("</g>");
            return;
        }
        let cx = layout.x(t.start) + layout.px / 2.0;
        let cy = top + BAR_TOP + BAR_H / 2.0;
        let r = 6.5;
        let _ = write!(
            svg.out,
            r#"<path d="M{cx:.1},{:.1} L{:.1},{cy:.1} L{cx:.1},{:.1} L{:.1},{cy:.1} z" fill="{}""#,
            cy - r,
            cx + r,
            cy + r,
            cx - r,
            look.colour()
        );
        svg.attrs(stroke);
        if !t.critical {
            svg.attrs(&[("stroke", "#4b5563"), ("stroke-width", "0.8")]);
        }
        svg.out.push_str("/>");
    } else {
        let x0 = layout.clamp(layout.x(t.start));
        let x1 = layout.clamp(layout.x_end(t.end));
        let mut attrs = vec![("fill", look.fill()), ("rx", "2")];
        attrs.extend_from_slice(stroke);
        svg.rect(x0, top + BAR_TOP, x1 - x0, BAR_H, &attrs);
    }
    // Where the forecast runs past the plan: the slip, in the late pattern.
    if t.forecast_end > t.end && t.status != Status::Done {
        let x0 = if t.milestone {
            layout.x(t.end) + layout.px / 2.0 + 7.0
        } else {
            layout.x_end(t.end)
        };
        let x1 = layout.clamp(layout.x_end(t.forecast_end));
        let x0 = layout.clamp(x0);
        if x1 > x0 {
            svg.rect(
                x0,
                top + BAR_TOP + 3.0,
                x1 - x0,
                BAR_H - 6.0,
                &[("fill", "url(#p-late)"), ("class", "slip")],
            );
        }
    }
    svg.out.push_str("</g>");
}

fn tooltip(layout: &Layout, ix: TaskIx) -> String {
    let task = &layout.plan.tasks[ix];
    let t = &layout.schedule.tasks[ix];
    let lang = layout.lang;
    let mut text = format!(
        "{} · {} → {} · {} · {}",
        task.title,
        short_date(lang, t.start),
        short_date(lang, t.end),
        retroplan_engine::relative::day_label(t.offset),
        t.status.label(lang)
    );
    if let Some(owner) = owner_name(layout, ix) {
        let _ = write!(text, " · {owner}");
    }
    text
}

fn owner_name<'a>(layout: &'a Layout, ix: TaskIx) -> Option<&'a str> {
    let owner = layout.plan.tasks[ix].owner.as_deref()?;
    Some(
        layout
            .plan
            .people
            .iter()
            .find(|p| p.id == owner)
            .map_or(owner, |p| p.name.as_str()),
    )
}

fn buffer(svg: &mut Svg, layout: &Layout, b: usize, top: f64) {
    let buffer = &layout.schedule.buffers[b];
    if buffer.days == 0 {
        return;
    }
    let full = (layout.x(buffer.start), layout.x_end(buffer.end));
    let (x0, x1) = (layout.clamp(full.0), layout.clamp(full.1));
    if x1 <= x0 {
        return;
    }
    let kind = match buffer.kind {
        BufferKind::Task => "task",
        BufferKind::Critical { .. } => "critical",
        BufferKind::Ready => "ready",
    };
    let _ = write!(svg.out, r#"<g class="buffer {kind}">"#);
    let w = words(layout.lang);
    svg.element(
        "title",
        &[],
        &format!(
            "{} {} {} · {} {}/{}",
            w.buffer, buffer.days, w.working_days, w.consumed, buffer.consumed, buffer.days
        ),
    );
    svg.rect(
        x0,
        top + BAR_TOP + 1.0,
        x1 - x0,
        BAR_H - 2.0,
        &[
            ("fill", "url(#p-buffer)"),
            ("stroke", BUFFER_CONSUMED),
            ("stroke-width", "0.8"),
            ("stroke-dasharray", "3 2"),
        ],
    );
    if buffer.consumed > 0 {
        let share = f64::from(buffer.consumed.min(buffer.days)) / f64::from(buffer.days);
        let end = layout.clamp(full.0 + (full.1 - full.0) * share);
        svg.rect(
            x0,
            top + BAR_TOP + 1.0,
            end - x0,
            BAR_H - 2.0,
            &[("fill", BUFFER_CONSUMED), ("class", "consumed")],
        );
    }
    svg.out.push_str("</g>");
}

/// The text cue and the owner, after the last thing drawn in the row; a
/// name may run into the right margin.
fn owners(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let right = layout.chart_left() + layout.chart_width();
    for row in frame.rows.clone() {
        let Row::Task(ix) = layout.rows[row] else {
            continue;
        };
        let t = &layout.schedule.tasks[ix];
        let look = Look::of(t);
        let owner = owner_name(layout, ix).unwrap_or("");
        let text = format!("{}{owner}", look.mark());
        if text.trim().is_empty() {
            continue;
        }
        let mut end = bar_ends(layout, t)
            .1
            .max(layout.x_end(t.forecast_end.max(t.end)));
        for &b in layout.buffers_after.get(&ix).into_iter().flatten() {
            end = end.max(layout.x_end(layout.schedule.buffers[b].end));
        }
        if end < layout.chart_left() {
            continue;
        }
        let x = end.min(right) + 4.0;
        let colour = if look == Look::Late {
            DEADLINE
        } else {
            TEXT_SOFT
        };
        let size = format!("{SMALL}");
        // A white halo keeps the name readable where an arrow leaves the bar.
        svg.text(
            x,
            frame.row_top(row) + 15.0,
            &[
                ("font-size", &size),
                ("fill", colour),
                ("stroke", "#ffffff"),
                ("stroke-width", "3"),
                ("stroke-linejoin", "round"),
                ("paint-order", "stroke"),
            ],
            &text,
        );
    }
}

/// The today and D-day lines, labelled under the rows.
fn day_lines(svg: &mut Svg, layout: &Layout, frame: &Frame) {
    let w = words(layout.lang);
    let s = layout.schedule;
    let mut label_y = frame.body_bottom + 11.0;
    let mut last_label_end = f64::MIN;
    for (date, colour, name, dash) in [
        (s.today, TODAY, w.today, Some("4 3")),
        (s.deadline, DEADLINE, w.deadline, None),
    ] {
        if date < layout.first || date > layout.last {
            continue;
        }
        let x = layout.x(date);
        let mut attrs = vec![("stroke", colour), ("stroke-width", "1.6")];
        if let Some(d) = dash {
            attrs.push(("stroke-dasharray", d));
        }
        svg.line(x, TITLE_H + 2.0 * AXIS_BAND_H, x, frame.body_bottom, &attrs);
        let label = format!("{name} {}", short_date(layout.lang, date));
        if x < last_label_end {
            label_y += 11.0;
        }
        let size = format!("{SMALL}");
        svg.text(
            x + 2.0,
            label_y,
            &[
                ("fill", colour),
                ("font-size", &size),
                ("font-weight", "bold"),
            ],
            &label,
        );
        last_label_end = x + 4.0 + font::text_width(&label, SMALL, true);
    }
}

fn legend(svg: &mut Svg, layout: &Layout, top: f64) {
    let w = words(layout.lang);
    let y = top + 14.0;
    let mut x = MARGIN;
    let size = format!("{SMALL}");
    let item = |svg: &mut Svg, x: &mut f64, swatch: &dyn Fn(&mut Svg, f64), label: &str| {
        swatch(svg, *x);
        svg.text(*x + 22.0, y + 9.0, &[("font-size", &size)], label);
        *x += 30.0 + font::text_width(label, SMALL, false);
    };
    for look in Look::ALL {
        let label = match look {
            Look::Todo => Status::Todo.label(layout.lang),
            Look::InProgress => Status::InProgress.label(layout.lang),
            Look::Review => Status::Review.label(layout.lang),
            Look::Done => Status::Done.label(layout.lang),
            Look::Blocked => Status::Blocked.label(layout.lang),
            Look::Late => w.late,
        };
        let text = format!("{}{label}", look.mark());
        item(
            svg,
            &mut x,
            &|svg, x| svg.rect(x, y, 18.0, 10.0, &[("fill", look.fill()), ("rx", "2")]),
            &text,
        );
    }
    item(
        svg,
        &mut x,
        &|svg, x| {
            svg.rect(
                x,
                y,
                18.0,
                10.0,
                &[
                    ("fill", "#ffffff"),
                    ("stroke", CRITICAL_STROKE),
                    ("stroke-width", "1.8"),
                ],
            )
        },
        w.critical,
    );
    item(
        svg,
        &mut x,
        &|svg, x| {
            let _ = write!(
                svg.out,
                r##"<path d="M{0:.1},{1:.1} L{2:.1},{3:.1} L{0:.1},{4:.1} L{5:.1},{3:.1} z" fill="#a7b1be" stroke="#4b5563" stroke-width="0.8"/>"##,
                x + 9.0,
                y - 1.0,
                x + 15.0,
                y + 5.0,
                y + 11.0,
                x + 3.0
            );
        },
        w.milestone,
    );
    item(
        svg,
        &mut x,
        &|svg, x| {
            svg.rect(
                x,
                y,
                18.0,
                10.0,
                &[
                    ("fill", "url(#p-buffer)"),
                    ("stroke", BUFFER_CONSUMED),
                    ("stroke-dasharray", "3 2"),
                ],
            );
            svg.rect(x, y, 6.0, 10.0, &[("fill", BUFFER_CONSUMED)]);
        },
        &format!("{} ({} ▮)", w.buffer, w.consumed),
    );
    if layout.baseline.is_some() {
        item(
            svg,
            &mut x,
            &|svg, x| svg.rect(x, y + 4.0, 18.0, GHOST_H, &[("fill", BASELINE)]),
            w.baseline,
        );
    }
}

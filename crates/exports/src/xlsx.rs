//! The plan as an Excel workbook (rust_xlsxwriter): the task sheet, one row
//! per task under the columns of columns.md, and the Gantt sheet people
//! would otherwise build by hand, one coloured cell per day.
//!
//! Colours, task sheet and Gantt sheet alike: done green, in progress
//! yellow, late red (a task is late when the schedule says so, whatever its
//! status but done or cancelled), to validate purple (waiting for someone
//! else), blocked orange (stuck, not yet late), to do none on the task sheet
//! and a neutral blue-grey bar on the Gantt, cancelled greyed and struck
//! through with no bar. The status is also written in words on the task
//! sheet, so colour is never the only signal.
//!
//! Closed days are shaded by column formats, not cell by cell, so that ten
//! thousand tasks cost one format per closed day, not one per task and day.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use retroplan_engine::calendar::Weekdays;
use retroplan_engine::day_number::{DayNumber, date_of, day_number};
use retroplan_engine::relative::day_label;
use retroplan_engine::{Lang, Person, Plan, Schedule, Task};
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use crate::error::ExportError;
use crate::rows::{Column, TaskRow, Tone, task_rows};
use crate::words::words;

/// The Excel serial number of 1970-01-01 (day number 0): Excel counts days
/// from 1899-12-30 for every date from March 1900 on.
const EXCEL_1970: i64 = 25_569;
/// The last date Excel shows: 9999-12-31.
const EXCEL_LAST: i64 = 2_958_465;
/// Excel's widest sheet.
const MAX_COLUMNS: u32 = 16_384;
/// Excel's longest text in a cell, in UTF-16 units.
const MAX_TEXT: usize = 32_767;

/// The Gantt sheet's columns before the days: id, title, owner.
const GANTT_LEFT: u16 = 3;
/// The Gantt sheet's header rows: the dates, then the J-x labels.
const GANTT_HEADER_ROWS: u32 = 2;

/// A Gantt sheet of fewer days than this prints one page wide.
const PRINT_ONE_PAGE_DAYS: i32 = 122;

const HEADER_FILL: u32 = 0xD9E1F2;
const CLOSED_FILL: u32 = 0xE7E6E6;
const DEADLINE_RED: u32 = 0xC00000;
const TODAY_BLUE: u32 = 0x2F5597;
const GREY_TEXT: u32 = 0x808080;

/// A row's tint on the task sheet (Excel's own "Good", "Neutral" and "Bad"
/// fills for done, in progress and late).
fn tint(tone: Tone) -> Option<u32> {
    match tone {
        Tone::Neutral | Tone::Cancelled => None,
        Tone::InProgress => Some(0xFFEB9C),
        Tone::Review => Some(0xE4DFEC),
        Tone::Done => Some(0xC6EFCE),
        Tone::Blocked => Some(0xFCE4D6),
        Tone::Late => Some(0xFFC7CE),
    }
}

/// A task's bar on the Gantt sheet: the same hues, strong enough to read
/// as a bar on a grid. Cancelled tasks have none.
fn bar(tone: Tone) -> Option<u32> {
    match tone {
        Tone::Cancelled => None,
        Tone::Neutral => Some(0x8EA9DB),
        Tone::InProgress => Some(0xFFD966),
        Tone::Review => Some(0xB4A7D6),
        Tone::Done => Some(0x70AD47),
        Tone::Blocked => Some(0xF4B183),
        Tone::Late => Some(0xFF7C80),
    }
}

/// A milestone's ◆, in a dark shade of its bar's hue.
fn diamond(tone: Tone) -> u32 {
    match tone {
        Tone::Neutral => 0x2F5597,
        Tone::InProgress => 0xBF8F00,
        Tone::Review => 0x7030A0,
        Tone::Done => 0x548235,
        Tone::Blocked => 0xC55A11,
        Tone::Late => DEADLINE_RED,
        Tone::Cancelled => GREY_TEXT,
    }
}

/// The workbook's bytes: the task sheet, then the Gantt sheet.
pub fn write_xlsx(plan: &Plan, schedule: &Schedule, lang: Lang) -> Result<Vec<u8>, ExportError> {
    let rows = task_rows(plan, schedule, lang);
    let mut workbook = Workbook::new();
    // The file records when it was made: the schedule's day, not the clock,
    // so the same plan gives the same bytes.
    let made = excel_date(schedule.today)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(plan.name.as_str())
            .set_creation_datetime(&made),
    );
    task_sheet(workbook.add_worksheet(), &rows, lang)?;
    gantt_sheet(workbook.add_worksheet(), plan, schedule, &rows, lang)?;
    Ok(workbook.save_to_buffer()?)
}

/// `date` as Excel stores it: a serial day number (with a date format).
pub fn excel_serial(date: Date) -> Result<f64, ExportError> {
    let serial = i64::from(day_number(date)) + EXCEL_1970;
    // Before March 1900 Excel's calendar has its 29 February 1900 bug.
    if !(61..=EXCEL_LAST).contains(&serial) {
        return Err(ExportError::DateOutOfRange(date));
    }
    // Exact: serials are far below 2^53.
    Ok(serial as f64)
}

fn excel_date(date: Date) -> Result<ExcelDateTime, ExportError> {
    let serial = excel_serial(date)?;
    Ok(ExcelDateTime::from_serial_datetime(serial)?)
}

/// Text Excel accepts in a cell: at most 32,767 UTF-16 units.
fn cell_text(text: &str) -> &str {
    if text.len() <= MAX_TEXT {
        return text;
    }
    let mut units = 0;
    for (i, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_TEXT {
            return &text[..i];
        }
    }
    text
}

/// The task sheet's formats: one per tone and kind of cell, made once.
struct TaskFormats {
    header: Format,
    /// Per tone: text, date, whole number.
    cells: HashMap<Tone, [Format; 3]>,
}

impl TaskFormats {
    fn new(lang: Lang) -> TaskFormats {
        let header = Format::new()
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_border_bottom(FormatBorder::Thin);
        let tones = [
            Tone::Neutral,
            Tone::InProgress,
            Tone::Review,
            Tone::Done,
            Tone::Blocked,
            Tone::Late,
            Tone::Cancelled,
        ];
        let cells = tones
            .into_iter()
            .map(|tone| {
                let mut base = Format::new();
                if let Some(fill) = tint(tone) {
                    base = base.set_background_color(Color::RGB(fill));
                }
                if tone == Tone::Cancelled {
                    base = base
                        .set_font_color(Color::RGB(GREY_TEXT))
                        .set_font_strikethrough();
                }
                let date = base
                    .clone()
                    .set_num_format(words(lang).date_format)
                    .set_align(FormatAlign::Left);
                let number = base
                    .clone()
                    .set_num_format("0")
                    .set_align(FormatAlign::Center);
                (tone, [base, date, number])
            })
            .collect();
        TaskFormats { header, cells }
    }
}

fn task_sheet(sheet: &mut Worksheet, rows: &[TaskRow], lang: Lang) -> Result<(), ExportError> {
    let w = words(lang);
    sheet.set_name(w.sheet_tasks)?;
    let formats = TaskFormats::new(lang);
    let mut widths: Vec<usize> = Column::ALL
        .iter()
        .map(|c| c.header(lang).chars().count())
        .collect();
    for (c, column) in Column::ALL.into_iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, column.header(lang), &formats.header)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let at = r as u32 + 1;
        let [text, date, number] = &formats.cells[&row.tone()];
        for (c, column) in Column::ALL.into_iter().enumerate() {
            let col = c as u16;
            match column {
                Column::Start | Column::End => {
                    let day = if column == Column::Start {
                        row.start
                    } else {
                        row.end
                    };
                    sheet.write_number_with_format(at, col, excel_serial(day)?, date)?;
                }
                Column::Days => {
                    sheet.write_number_with_format(at, col, row.days, number)?;
                }
                Column::Slack => {
                    sheet.write_number_with_format(at, col, row.slack, number)?;
                }
                _ => {
                    let value = row.cell_text(column, lang);
                    widths[c] = widths[c].max(value.chars().count());
                    sheet.write_string_with_format(at, col, cell_text(&value), text)?;
                }
            }
        }
    }
    for (c, column) in Column::ALL.into_iter().enumerate() {
        let width = match column {
            Column::Start | Column::End => 12,
            Column::Days | Column::Slack => widths[c].max(5),
            // Long titles and notes wrap in a person's head, not in the
            // sheet: wide enough to read, narrow enough to see the rest.
            Column::Task => widths[c].clamp(12, 60),
            Column::Comment => widths[c].clamp(12, 50),
            _ => widths[c].clamp(4, 30),
        };
        sheet.set_column_width(c as u16, width as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    // On paper: landscape, every column on one page width, the header on
    // each page.
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    let last_row = rows.len() as u32;
    sheet.autofilter(0, 0, last_row, Column::ALL.len() as u16 - 1)?;
    Ok(())
}

/// Which days each task works on: its calendar's weekdays (its own or the
/// plan's) narrowed to its owner's week, without closed days (unless it
/// works on holidays) or its owner's time off, as the engine's timelines
/// count them.
struct WorkingDays<'a> {
    rules_workdays: Weekdays,
    closed: HashSet<DayNumber>,
    people: HashMap<&'a str, &'a Person>,
}

impl<'a> WorkingDays<'a> {
    fn new(plan: &'a Plan, first: Date, last: Date) -> WorkingDays<'a> {
        WorkingDays {
            rules_workdays: plan.calendar.workdays,
            closed: plan
                .calendar
                .closed_day_numbers(first, last)
                .into_iter()
                .collect(),
            people: plan.people.iter().map(|p| (p.id.as_str(), p)).collect(),
        }
    }

    /// Is `day` closed for the whole plan (a closed weekday or a closed date)?
    fn plan_closed(&self, day: DayNumber, date: Date) -> bool {
        !self.rules_workdays.contains(date.weekday()) || self.closed.contains(&day)
    }

    fn task_works(&self, task: &Task, day: DayNumber, date: Date) -> bool {
        let mut weekdays = task.workdays.unwrap_or(self.rules_workdays);
        let owner = task.owner.as_deref().and_then(|o| self.people.get(o));
        if let Some(theirs) = owner.and_then(|p| p.workdays) {
            weekdays = weekdays.intersection(theirs);
        }
        if !weekdays.contains(date.weekday()) {
            return false;
        }
        if !task.work_on_holidays && self.closed.contains(&day) {
            return false;
        }
        !owner.is_some_and(|p| p.off.iter().any(|r| r.from <= date && date <= r.to))
    }
}

/// The Gantt sheet's formats, made on first use: a handful per tone.
struct GanttFormats {
    lang: Lang,
    cache: HashMap<GanttCell, Format>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum GanttCell {
    Title,
    LeftHeader,
    /// The id, title or owner of a task: critical in bold, cancelled struck.
    Left {
        critical: bool,
        cancelled: bool,
    },
    /// A day header: the date or the J-x label.
    Day {
        label: bool,
        closed: bool,
        deadline: bool,
        today: bool,
    },
    /// The whole column of a closed day or of the deadline.
    DayColumn {
        closed: bool,
        deadline: bool,
    },
    Bar {
        fill: u32,
        deadline: bool,
    },
    Diamond {
        tone: Tone,
        closed: bool,
        deadline: bool,
    },
}

impl GanttFormats {
    fn get(&mut self, cell: GanttCell) -> &Format {
        let lang = self.lang;
        self.cache.entry(cell).or_insert_with(|| make(cell, lang))
    }
}

fn deadline_borders(format: Format) -> Format {
    format
        .set_border_left(FormatBorder::Medium)
        .set_border_left_color(Color::RGB(DEADLINE_RED))
        .set_border_right(FormatBorder::Medium)
        .set_border_right_color(Color::RGB(DEADLINE_RED))
}

fn make(cell: GanttCell, lang: Lang) -> Format {
    match cell {
        GanttCell::Title => Format::new().set_bold(),
        GanttCell::LeftHeader => Format::new()
            .set_bold()
            .set_background_color(Color::RGB(HEADER_FILL))
            .set_align(FormatAlign::Bottom),
        GanttCell::Left {
            critical,
            cancelled,
        } => {
            let mut f = Format::new();
            if critical {
                f = f.set_bold();
            }
            if cancelled {
                f = f
                    .set_font_color(Color::RGB(GREY_TEXT))
                    .set_font_strikethrough();
            }
            f
        }
        GanttCell::Day {
            label,
            closed,
            deadline,
            today,
        } => {
            let mut f = Format::new()
                .set_rotation(90)
                .set_align(FormatAlign::Center)
                .set_font_size(8);
            if !label {
                f = f.set_num_format(words(lang).day_format);
            }
            f = if deadline {
                f.set_background_color(Color::RGB(DEADLINE_RED))
                    .set_font_color(Color::White)
                    .set_bold()
            } else if today {
                f.set_background_color(Color::RGB(TODAY_BLUE))
                    .set_font_color(Color::White)
                    .set_bold()
            } else if closed {
                f.set_background_color(Color::RGB(CLOSED_FILL))
            } else {
                f.set_background_color(Color::RGB(HEADER_FILL))
            };
            f
        }
        GanttCell::DayColumn { closed, deadline } => {
            let mut f = Format::new();
            if closed {
                f = f.set_background_color(Color::RGB(CLOSED_FILL));
            }
            if deadline {
                f = deadline_borders(f);
            }
            f
        }
        GanttCell::Bar { fill, deadline } => {
            let f = Format::new().set_background_color(Color::RGB(fill));
            if deadline { deadline_borders(f) } else { f }
        }
        GanttCell::Diamond {
            tone,
            closed,
            deadline,
        } => {
            let mut f = Format::new()
                .set_align(FormatAlign::Center)
                .set_font_color(Color::RGB(diamond(tone)));
            if closed {
                f = f.set_background_color(Color::RGB(CLOSED_FILL));
            }
            if deadline { deadline_borders(f) } else { f }
        }
    }
}

fn gantt_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    schedule: &Schedule,
    rows: &[TaskRow],
    lang: Lang,
) -> Result<(), ExportError> {
    let w = words(lang);
    sheet.set_name(w.sheet_gantt)?;
    let mut formats = GanttFormats {
        lang,
        cache: HashMap::new(),
    };
    sheet.write_string_with_format(0, 0, cell_text(&plan.name), formats.get(GanttCell::Title))?;
    for (c, column) in [Column::Id, Column::Task, Column::Owner]
        .into_iter()
        .enumerate()
    {
        let f = formats.get(GanttCell::LeftHeader);
        sheet.write_string_with_format(1, c as u16, column.header(lang), f)?;
    }
    let first = rows
        .iter()
        .map(|r| r.start)
        .min()
        .unwrap_or(schedule.deadline);
    let last = rows
        .iter()
        .map(|r| r.end)
        .max()
        .unwrap_or(schedule.deadline)
        .max(schedule.deadline);
    let (first_day, mut last_day) = (day_number(first), day_number(last));
    // A plan spanning more than 44 years gets its first 44 on this sheet;
    // the task sheet keeps every date.
    let room = (MAX_COLUMNS - u32::from(GANTT_LEFT)) as i32;
    last_day = last_day.min(first_day + room - 1);
    let column_of = |day: DayNumber| GANTT_LEFT + (day - first_day) as u16;
    let days = WorkingDays::new(plan, first, date_of(last_day).unwrap_or(last));
    let deadline_day = day_number(schedule.deadline);
    let today_day = day_number(schedule.today);

    let mut closed_days = HashSet::new();
    for day in first_day..=last_day {
        let Some(date) = date_of(day) else { break };
        let closed = days.plan_closed(day, date);
        if closed {
            closed_days.insert(day);
        }
        let deadline = day == deadline_day;
        let col = column_of(day);
        let header = |label| GanttCell::Day {
            label,
            closed,
            deadline,
            today: day == today_day,
        };
        sheet.write_number_with_format(0, col, excel_serial(date)?, formats.get(header(false)))?;
        sheet.write_string_with_format(
            1,
            col,
            day_label(day - deadline_day),
            formats.get(header(true)),
        )?;
        if closed || deadline {
            sheet.set_column_format(col, formats.get(GanttCell::DayColumn { closed, deadline }))?;
        }
    }
    if first_day <= last_day {
        sheet.set_column_range_width(column_of(first_day), column_of(last_day), 2.7)?;
    }
    sheet.set_row_height(0, 34)?;
    sheet.set_row_height(1, 30)?;

    let mut left_widths = [2usize, 5, 5];
    for (r, (row, task)) in rows.iter().zip(&plan.tasks).enumerate() {
        let at = GANTT_HEADER_ROWS + r as u32;
        let tone = row.tone();
        let left = formats.get(GanttCell::Left {
            critical: row.critical,
            cancelled: tone == Tone::Cancelled,
        });
        for (c, text) in [&row.id, &row.task, &row.owner].into_iter().enumerate() {
            left_widths[c] = left_widths[c].max(text.chars().count());
            sheet.write_string_with_format(at, c as u16, cell_text(text), left)?;
        }
        let (start, end) = (
            day_number(row.start).max(first_day),
            day_number(row.end).min(last_day),
        );
        if row.milestone {
            if (first_day..=last_day).contains(&start) {
                let cell = GanttCell::Diamond {
                    tone,
                    closed: closed_days.contains(&start),
                    deadline: start == deadline_day,
                };
                sheet.write_string_with_format(at, column_of(start), "◆", formats.get(cell))?;
            }
            continue;
        }
        let Some(fill) = bar(tone) else { continue };
        let working: Vec<DayNumber> = (start..=end)
            .filter(|&d| date_of(d).is_some_and(|date| days.task_works(task, d, date)))
            .collect();
        // Dates the engine kept that no calendar rule explains (work done
        // on a weekend, recorded as it happened): the whole span, rather
        // than a task with no bar.
        let filled: Vec<DayNumber> = if working.is_empty() {
            (start..=end).collect()
        } else {
            working
        };
        for d in filled {
            let cell = GanttCell::Bar {
                fill,
                deadline: d == deadline_day,
            };
            sheet.write_blank(at, column_of(d), formats.get(cell))?;
        }
    }
    for (c, width) in left_widths.into_iter().enumerate() {
        let cap = if c == 1 { 50 } else { 24 };
        sheet.set_column_width(c as u16, width.min(cap) as f64 + 1.0)?;
    }
    sheet.set_freeze_panes(GANTT_HEADER_ROWS, GANTT_LEFT)?;
    // On paper: the day headers and the task columns on every page; a plan
    // of up to four months fits one page width, a longer one runs on.
    sheet.set_landscape();
    sheet.set_repeat_rows(0, GANTT_HEADER_ROWS - 1)?;
    sheet.set_repeat_columns(0, GANTT_LEFT - 1)?;
    if last_day - first_day < PRINT_ONE_PAGE_DAYS {
        sheet.set_print_fit_to_pages(1, 0);
    }
    Ok(())
}

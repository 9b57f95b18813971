//! The one continuous time axis every run lives on: the plan calendar's work
//! index as a real number, and the conversions between it and dates.
//!
//! Position `k` is the close of working day `k - 1` (the start of working
//! day `k`), as in SCHEDULING.md; a task of `d` days from `s` occupies
//! `[s, s + d)`. Dates go in once, when the network is compiled; indices
//! come out once, when the report is written, so the runs themselves never
//! touch a calendar.

use jiff::civil::Date;

use crate::calendar::{CalendarRules, WorkCalendar};
use crate::day_number::{DayNumber, date_of, day_number};

/// 9999-12-31 and -9999-01-01 as day numbers: jiff's range.
const MAX_DAY: DayNumber = 2_932_896;
const MIN_DAY: DayNumber = -4_371_587;

pub(super) struct Axis {
    rules: CalendarRules,
    first: DayNumber,
    last: DayNumber,
    calendar: WorkCalendar,
}

impl Axis {
    /// The plan calendar over `[lo - margin, hi + margin]` (day numbers).
    pub fn new(rules: &CalendarRules, lo: DayNumber, hi: DayNumber, margin: i32) -> Axis {
        let first = lo.saturating_sub(margin).max(MIN_DAY);
        let last = hi.saturating_add(margin).min(MAX_DAY);
        Axis {
            rules: rules.clone(),
            first,
            last,
            calendar: build(rules, first, last),
        }
    }

    /// Did a conversion fall outside the window? Dates going in must not:
    /// the caller widens the window and compiles again.
    pub fn overflowed(&self) -> bool {
        self.calendar.overflowed()
    }

    /// The start of `date` (the first working day on or after it).
    pub fn start_of(&self, date: Date) -> i32 {
        self.calendar.index_at(day_number(date))
    }

    /// The close of `date` (of the last working day on or before it).
    pub fn close_of(&self, date: Date) -> i32 {
        self.calendar.index_at(day_number(date) + 1)
    }

    /// The dates of working days `indices`. Results of the runs may lie
    /// beyond the window; then a wider calendar converts them, so that no
    /// date is ever extrapolated without its holidays.
    pub fn dates_of(&self, indices: &[i32]) -> Vec<Date> {
        let probe = build(&self.rules, self.first, self.last);
        let days: Vec<DayNumber> = indices.iter().map(|&k| probe.day_of(k)).collect();
        if !probe.overflowed() {
            return days.into_iter().map(to_date).collect();
        }
        let mut margin = (self.last - self.first).max(366);
        loop {
            let first = self.first.saturating_sub(margin).max(MIN_DAY);
            let last = self.last.saturating_add(margin).min(MAX_DAY);
            let wide = build(&self.rules, first, last);
            // Index 0 of the narrow window is the first working day on or
            // after its first day: the same day in the wide one.
            let offset = wide.index_at(self.first);
            let days: Vec<DayNumber> = indices
                .iter()
                .map(|&k| wide.day_of(k.saturating_add(offset)))
                .collect();
            if !wide.overflowed() || (first == MIN_DAY && last == MAX_DAY) {
                return days.into_iter().map(to_date).collect();
            }
            margin = margin.saturating_mul(2);
        }
    }
}

fn build(rules: &CalendarRules, first: DayNumber, last: DayNumber) -> WorkCalendar {
    let closed = match (date_of(first), date_of(last)) {
        (Some(a), Some(b)) => rules.closed_day_numbers(a, b),
        _ => Vec::new(),
    };
    WorkCalendar::new(rules.workdays, &closed, first, last)
}

fn to_date(day: DayNumber) -> Date {
    // Clamped to jiff's range, so the fallback is never taken; it keeps the
    // engine total rather than panicking.
    date_of(day.clamp(MIN_DAY, MAX_DAY)).unwrap_or(Date::MAX)
}

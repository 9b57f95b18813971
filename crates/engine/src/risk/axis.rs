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

/// The days a schedule may name (years 1 to 9999), as the schedule's.
const MAX_DAY: DayNumber = crate::day_number::LAST_DAY;
const MIN_DAY: DayNumber = crate::day_number::FIRST_DAY;

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

    /// The start of day `day` (a day number; the first working day on or after it).
    pub fn start_of_day(&self, day: DayNumber) -> i32 {
        self.calendar.index_at(day)
    }

    /// The close of `date` (of the last working day on or before it).
    pub fn close_of(&self, date: Date) -> i32 {
        self.calendar.index_at(day_number(date) + 1)
    }

    /// The dates of working days `indices`. Results of the runs may lie
    /// beyond the window; then a wider calendar converts them, so that no
    /// date is ever extrapolated without its holidays.
    pub fn dates_of(&self, indices: &[i32]) -> Vec<Date> {
        // The window held every date compiled (the caller checked), so an
        // overflow now comes from these indices.
        let days: Vec<DayNumber> = indices.iter().map(|&k| self.calendar.day_of(k)).collect();
        if !self.calendar.overflowed() {
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
    crate::day_number::clamped_date(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    /// Results beyond the window are converted on a wider calendar, with
    /// the holidays there, never extrapolated from the weekdays alone.
    #[test]
    fn dates_beyond_the_window_keep_their_holidays() {
        let rules = CalendarRules::default(); // France, Monday to Friday
        let (lo, hi) = (
            day_number(date(2026, 11, 2)),
            day_number(date(2026, 11, 13)),
        );
        let narrow = Axis::new(&rules, lo, hi, 0);
        let wide = Axis::new(&rules, lo, hi, 800);
        let k = narrow.start_of(date(2026, 11, 2));
        assert!(!narrow.overflowed());
        // 2 November is working day k of the narrow axis; Christmas 2026 and
        // New Year's Day 2027 lie far beyond its window.
        let offset = wide.start_of(date(2026, 11, 2)) - k;
        let indices: Vec<i32> = (-130..300).map(|i| k + i).collect();
        let shifted: Vec<i32> = indices.iter().map(|i| i + offset).collect();
        assert_eq!(narrow.dates_of(&indices), wide.dates_of(&shifted));
        let dates = narrow.dates_of(&indices);
        assert!(narrow.overflowed(), "the wider calendar was needed");
        assert!(!dates.contains(&date(2026, 12, 25)));
        assert!(!dates.contains(&date(2027, 1, 1)));
        assert!(
            !dates.contains(&date(2026, 11, 11)),
            "Armistice, inside the window"
        );
        assert!(dates.contains(&date(2026, 12, 24)));
        // Before the window too: 14 July 2026 is closed.
        assert!(dates.contains(&date(2026, 7, 13)) && !dates.contains(&date(2026, 7, 14)));
    }
}

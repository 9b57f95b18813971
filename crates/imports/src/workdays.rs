//! Working days of the plan's calendar over the sheet's dates: how many a
//! start and an end hold, and the dates a duration reaches, as the engine
//! counts them (SCHEDULING.md, "Time").

use jiff::civil::Date;
use retroplan_engine::calendar::{CalendarRules, WorkCalendar};
use retroplan_engine::day_number::{date_of, day_number};

pub(crate) struct WorkDays {
    calendar: WorkCalendar,
}

/// Days added on each side of the sheet's dates: durations reach past them.
const MARGIN_DAYS: i32 = 800;

impl WorkDays {
    /// The calendar over `from..=to` and well around it.
    pub fn new(rules: &CalendarRules, from: Date, to: Date) -> WorkDays {
        let first = day_number(from) - MARGIN_DAYS;
        let last = day_number(to) + MARGIN_DAYS;
        let (lo, hi) = (date_of(first).unwrap_or(from), date_of(last).unwrap_or(to));
        let closed = rules.closed_day_numbers(lo, hi);
        WorkDays {
            calendar: WorkCalendar::new(rules.workdays, &closed, day_number(lo), day_number(hi)),
        }
    }

    /// Working days from `start` to `end`, both included.
    pub fn between(&self, start: Date, end: Date) -> u32 {
        let n =
            self.calendar.index_at(day_number(end) + 1) - self.calendar.index_at(day_number(start));
        u32::try_from(n).unwrap_or(0)
    }

    /// `d` if it is a working day, else the next one.
    pub fn next_working(&self, d: Date) -> Date {
        self.date(self.calendar.index_at(day_number(d)), d)
    }

    /// The last day of a task of `days` working days starting on `start`
    /// (the first working day on or after it); a milestone's own day.
    pub fn end_of(&self, start: Date, days: u32) -> Date {
        if days == 0 {
            return start;
        }
        let first = self.calendar.index_at(day_number(start));
        self.date(first.saturating_add(days as i32 - 1), start)
    }

    /// The first day of a task of `days` working days ending on `end` (the
    /// last working day on or before it); a milestone's own day.
    pub fn start_of(&self, end: Date, days: u32) -> Date {
        if days == 0 {
            return end;
        }
        let after = self.calendar.index_at(day_number(end) + 1);
        self.date(after.saturating_sub(days as i32), end)
    }

    fn date(&self, index: i32, fallback: Date) -> Date {
        date_of(self.calendar.day_of(index)).unwrap_or(fallback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn french_working_days() {
        let rules = CalendarRules::default();
        let w = WorkDays::new(&rules, date(2026, 11, 1), date(2026, 12, 31));
        // Mon 9 to Fri 13 November 2026, with Wednesday 11 (Armistice) closed: 4.
        assert_eq!(w.between(date(2026, 11, 9), date(2026, 11, 13)), 4);
        // Saturday to Sunday: none.
        assert_eq!(w.between(date(2026, 11, 14), date(2026, 11, 15)), 0);
        assert_eq!(w.between(date(2026, 12, 25), date(2026, 12, 25)), 0);
        // Friday 25 December is Christmas, 26-27 a weekend: Monday 28.
        assert_eq!(w.next_working(date(2026, 12, 25)), date(2026, 12, 28));
        // 3 days from Tuesday 10 November: 10, 12, 13 (11 is closed).
        assert_eq!(w.end_of(date(2026, 11, 10), 3), date(2026, 11, 13));
        assert_eq!(w.start_of(date(2026, 11, 13), 3), date(2026, 11, 10));
        // Ending on a Sunday: the last working day is Friday 13.
        assert_eq!(w.start_of(date(2026, 11, 15), 1), date(2026, 11, 13));
        assert_eq!(w.end_of(date(2026, 11, 15), 0), date(2026, 11, 15));
    }
}

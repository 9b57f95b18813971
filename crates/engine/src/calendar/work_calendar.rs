//! A calendar materialised over a window of days: O(1) conversions between
//! day numbers and work indices.
//!
//! The work index numbers a calendar's working days consecutively; index 0 is
//! the first working day of the window. Plans spanning years cost a few
//! kilobytes of tables. Outside the window the conversions extrapolate with
//! the weekday pattern alone (no holidays are known there) and raise
//! [`WorkCalendar::overflowed`], so that the scheduler can widen the window and
//! compute again: a result is never silently built on missing holidays.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::calendar::Weekdays;
use crate::day_number::{DayNumber, weekday_index};

#[derive(Debug)]
pub struct WorkCalendar {
    first: DayNumber,
    /// `before[o]`: working days in `[first, first + o)`; `o` in `0..=days`.
    before: Vec<i32>,
    /// Day number of working day `k`.
    working: Vec<DayNumber>,
    workdays: Weekdays,
    overflow: AtomicBool,
}

impl WorkCalendar {
    /// Working days are the `workdays` of the window `[first, last]` that are
    /// not in `closed` (day numbers, any order).
    pub fn new(
        workdays: Weekdays,
        closed: &[DayNumber],
        first: DayNumber,
        last: DayNumber,
    ) -> Self {
        let days = usize::try_from(last - first + 1).unwrap_or(0);
        // The open days of the week from the window's first weekday on,
        // repeated: no weekday computed per day.
        let start = usize::from(weekday_index(first));
        let week: [bool; 7] =
            std::array::from_fn(|i| workdays.contains_index(((start + i) % 7) as u8));
        let mut open: Vec<bool> = week.iter().copied().cycle().take(days).collect();
        for &c in closed {
            if let Ok(o) = usize::try_from(c - first)
                && o < days
            {
                open[o] = false;
            }
        }
        // Both tables written by index, a working day's number always
        // stored and kept only if the day is open: no branch per day.
        let mut before = vec![0i32; days + 1];
        let mut working = vec![0 as DayNumber; days];
        let mut k = 0usize;
        for (o, (&open, before)) in open.iter().zip(&mut before).enumerate() {
            *before = k as i32;
            working[k] = first + o as i32;
            k += usize::from(open);
        }
        before[days] = k as i32;
        working.truncate(k);
        WorkCalendar {
            first,
            before,
            working,
            workdays,
            overflow: AtomicBool::new(false),
        }
    }

    /// Did a conversion fall outside the window since the calendar was built?
    pub fn overflowed(&self) -> bool {
        self.overflow.load(Ordering::Relaxed)
    }

    fn flag(&self) {
        self.overflow.store(true, Ordering::Relaxed);
    }

    fn per_week(&self) -> i32 {
        self.workdays.count().max(1) as i32
    }

    /// Number of working days before `day`: the index of the first working day
    /// on or after `day`.
    #[inline(always)]
    pub fn index_at(&self, day: DayNumber) -> i32 {
        // A day before the window wraps to an offset past its end.
        match self.before.get((day - self.first) as usize) {
            Some(&k) => k,
            None => self.index_outside(day),
        }
    }

    /// [`WorkCalendar::index_at`] outside the window: by the weekday
    /// pattern, flagged.
    #[cold]
    fn index_outside(&self, day: DayNumber) -> i32 {
        let o = day - self.first;
        let n = self.before.len() as i32 - 1;
        self.flag();
        if o > n {
            self.before[n as usize] + self.pattern_count(self.first + n, day)
        } else {
            -self.pattern_count(day, self.first)
        }
    }

    /// Day number of working day `index`.
    #[inline(always)]
    pub fn day_of(&self, index: i32) -> DayNumber {
        // A negative index wraps to one past the end.
        match self.working.get(index as usize) {
            Some(&d) => d,
            None => self.day_outside(index),
        }
    }

    /// [`WorkCalendar::day_of`] outside the window: by the weekday
    /// pattern, flagged.
    #[cold]
    fn day_outside(&self, index: i32) -> DayNumber {
        self.flag();
        if self.workdays.is_empty() {
            return self.first;
        }
        // In i64: an index far out (long chains of long lags) would
        // overflow `i32` on the way. The day found is only ever a flagged
        // guess, so it is kept within `i32` with room for a day or two of
        // arithmetic after it.
        let c = i64::from(self.per_week());
        let len = self.working.len() as i64;
        let index = i64::from(index);
        let is_open = |d: i64| self.workdays.contains_index((d + 3).rem_euclid(7) as u8);
        let mut d;
        if index >= len {
            let mut rest = index - len;
            d = i64::from(self.first) + self.before.len() as i64 - 1 + rest / c * 7;
            rest %= c;
            loop {
                if is_open(d) {
                    if rest == 0 {
                        break;
                    }
                    rest -= 1;
                }
                d += 1;
            }
        } else {
            let mut rest = -index - 1;
            d = i64::from(self.first) - 1 - rest / c * 7;
            rest %= c;
            loop {
                if is_open(d) {
                    if rest == 0 {
                        break;
                    }
                    rest -= 1;
                }
                d -= 1;
            }
        }
        let room = i64::from(i32::MAX / 4);
        d.clamp(-room, room) as DayNumber
    }

    /// The day numbers of working days `from..to` that lie in the window
    /// (those outside it are left out, and not flagged).
    pub(crate) fn working_days(&self, from: i32, to: i32) -> &[DayNumber] {
        let len = self.working.len() as i64;
        let lo = i64::from(from).clamp(0, len);
        let hi = i64::from(to).clamp(lo, len);
        &self.working[lo as usize..hi as usize]
    }

    /// Is `day` a working day? (Outside the window: by weekday alone, flagged.)
    pub fn is_working(&self, day: DayNumber) -> bool {
        self.index_at(day + 1) > self.index_at(day)
    }

    /// Pattern working days in `[a, b)`, `a <= b`.
    fn pattern_count(&self, a: DayNumber, b: DayNumber) -> i32 {
        let span = b - a;
        let mut count = span / 7 * self.workdays.count() as i32;
        for d in (a + span / 7 * 7)..b {
            count += i32::from(self.workdays.contains_index(weekday_index(d)));
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::day_number::day_number;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn nov_2026() -> WorkCalendar {
        let closed = [day_number(date(2026, 11, 11))];
        WorkCalendar::new(
            Weekdays::MONDAY_TO_FRIDAY,
            &closed,
            day_number(date(2026, 11, 1)),
            day_number(date(2026, 11, 30)),
        )
    }

    #[test]
    fn indices_skip_weekends_and_closed_days() {
        let cal = nov_2026();
        // 1 Nov 2026 is a Sunday: working day 0 is Monday 2 Nov.
        assert_eq!(cal.day_of(0), day_number(date(2026, 11, 2)));
        assert_eq!(cal.index_at(day_number(date(2026, 11, 1))), 0);
        assert_eq!(cal.index_at(day_number(date(2026, 11, 11))), 7);
        assert_eq!(cal.day_of(7), day_number(date(2026, 11, 12)));
        assert!(!cal.is_working(day_number(date(2026, 11, 11))));
        assert!(!cal.overflowed());
    }

    /// An index far outside the window (a chain of long lags) overflowed
    /// `i32` while extrapolating: a panic in a debug build.
    #[test]
    fn an_index_far_outside_the_window_is_flagged_without_overflow() {
        for index in [i32::MAX, i32::MAX / 2, i32::MIN, i32::MIN / 2] {
            let cal = nov_2026();
            let day = cal.day_of(index);
            assert!(cal.overflowed());
            assert!(
                day.unsigned_abs() <= (i32::MAX / 4) as u32,
                "{index}: {day}"
            );
            assert_eq!(day > 0, index > 0);
        }
        let cal = nov_2026();
        // Still exact by the weekday pattern when it fits: 10,000 weeks on.
        let len = cal.working_days(0, i32::MAX).len() as i32;
        let last = cal.day_of(len - 1);
        assert_eq!(cal.day_of(len - 1 + 5 * 10_000), last + 7 * 10_000);
    }

    #[test]
    fn outside_the_window_extrapolates_and_flags() {
        let cal = nov_2026();
        // The boundary just past the window is still exact.
        let dec_1 = day_number(date(2026, 12, 1));
        assert_eq!(cal.index_at(dec_1), 20);
        assert!(!cal.overflowed());
        let dec_2 = day_number(date(2026, 12, 2));
        let i = cal.index_at(dec_2);
        assert!(cal.overflowed());
        assert_eq!(i, 21);
        assert_eq!(cal.day_of(i), dec_2);
        assert_eq!(cal.day_of(20), dec_1);
        let oct_30 = day_number(date(2026, 10, 30));
        assert_eq!(cal.day_of(cal.index_at(oct_30)), oct_30);
    }

    proptest! {
        /// index_at and day_of are inverse on working days, in and out of the
        /// window, for any weekday pattern.
        #[test]
        fn round_trips(mask in 1u8..128, closed in proptest::collection::vec(0i32..60, 0..10), k in -400i32..400) {
            let workdays = Weekdays::from_indices((0..7).filter(|i| mask & (1 << i) != 0));
            let first = 20_000;
            let closed: Vec<i32> = closed.into_iter().map(|c| first + c).collect();
            let cal = WorkCalendar::new(workdays, &closed, first, first + 59);
            let day = cal.day_of(k);
            prop_assert!(cal.is_working(day));
            prop_assert_eq!(cal.index_at(day), k);
            prop_assert_eq!(cal.index_at(day + 1), k + 1);
            prop_assert_eq!(cal.day_of(k + 1) > day, true);
        }
    }
}

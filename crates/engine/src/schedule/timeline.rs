//! Each task's calendar and the dependency rules of SCHEDULING.md in work
//! indices.
//!
//! A task lives in the index space of its own calendar: the plan's, or its own
//! `workdays`, narrowed to its owner's days (part-time pattern, time off). A position `k` between working days is the instant "close of
//! working day k-1"; a task of `d` days at start `s` occupies `[s, s + d)`.
//! When two linked tasks share a calendar the rules are plain index
//! arithmetic. Otherwise the predecessor's instant is carried over on the
//! absolute day axis: `index_at(b)` (working days before boundary `b`) and
//! `day_of(k)` are the two monotone conversions, and
//! `index_at(b) <= k  <=>  b <= day_of(k)` makes the backward rule the exact
//! inverse of the forward one.

use jiff::civil::Date;

use crate::calendar::{Weekdays, WorkCalendar};
use crate::day_number::{DayNumber, date_of, day_number};
use crate::error::{PlanError, PlanErrors};
use crate::plan::{LinkKind, Plan, TaskIx};
use crate::schedule::owners::Owners;
use crate::schedule::passes::{Checked, NONE};

/// What makes two task calendars differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CalendarKey {
    pub workdays: Weekdays,
    pub with_holidays: bool,
    /// The owner whose time off the calendar closes (index in the
    /// scheduler's people), for owners with time off.
    pub(crate) off_of: Option<u32>,
}

pub(crate) struct Timeline<'a> {
    /// The window of days the calendars materialise.
    first: DayNumber,
    last: DayNumber,
    calendars: Vec<WorkCalendar>,
    /// Each task's calendar, days and fixed date (borrowed: a timeline is
    /// built again each time the window widens).
    task_calendar: &'a [u32],
    days: &'a [i32],
    fixed: &'a [DayNumber],
    /// Every task works on the same calendar (most plans): the passes then
    /// skip comparing two tasks' calendars on every link.
    uniform: bool,
    /// The date of each day of the window, when the plan has enough tasks
    /// for a table to beat converting each date (a schedule converts about
    /// eight per task, and jiff validates every date it builds).
    dates: Vec<Date>,
}

impl<'a> Timeline<'a> {
    pub fn new(
        plan: &Plan,
        checked: &'a Checked,
        owners: &Owners,
        first: DayNumber,
        last: DayNumber,
    ) -> Timeline<'a> {
        let rules = &plan.calendar;
        let keys = &checked.calendar_keys;
        let closed = match (date_of(first), date_of(last)) {
            (Some(a), Some(b)) => rules.closed_day_numbers(a, b),
            _ => Vec::new(),
        };
        let calendars = keys
            .iter()
            .map(|key| {
                let closed: &[DayNumber] = if key.with_holidays { &closed } else { &[] };
                match key.off_of {
                    None => WorkCalendar::new(key.workdays, closed, first, last),
                    Some(o) => {
                        let mut closed = closed.to_vec();
                        if let Some(p) = owners.people[o as usize].person {
                            for range in &plan.people[p].off {
                                let (a, b) = (day_number(range.from), day_number(range.to));
                                closed.extend(a.max(first)..=b.min(last));
                            }
                        }
                        WorkCalendar::new(key.workdays, &closed, first, last)
                    }
                }
            })
            .collect();
        let uniform = keys.len() == 1;
        let window = usize::try_from(last - first + 1).unwrap_or(0);
        let dates = if plan.tasks.len() * 4 >= window {
            date_table(first, window)
        } else {
            Vec::new()
        };
        Timeline {
            first,
            last,
            calendars,
            task_calendar: &checked.task_calendar,
            days: &checked.days,
            fixed: &checked.fixed,
            uniform,
            dates,
        }
    }

    /// The date of day `day` (clamped to the years 1 to 9999, as `schedule::to_date`).
    #[inline(always)]
    pub fn date(&self, day: DayNumber) -> Date {
        // A day before the window wraps to an offset past its end.
        match self.dates.get((day - self.first) as usize) {
            Some(&date) => date,
            None => crate::schedule::to_date(day),
        }
    }

    /// The working days of the one calendar every task works on, when they
    /// all share one (day numbers, by work index within the window).
    pub fn uniform_working_days(&self) -> Option<&[DayNumber]> {
        self.uniform
            .then(|| self.calendars[0].working_days(0, i32::MAX))
    }

    /// [`Timeline::display_days`] for a task of `days` days on the
    /// calendar whose working days are `working`
    /// ([`Timeline::uniform_working_days`]): two look-ups for a task within
    /// the window.
    #[inline(always)]
    pub fn display_days_on(
        &self,
        working: &[DayNumber],
        t: TaskIx,
        s: i32,
        days: i32,
    ) -> (DayNumber, DayNumber) {
        // A negative index wraps to one past the end: not in the window.
        if days > 0
            && let (Some(&first), Some(&last)) = (
                working.get(s as usize),
                working.get((s + days - 1) as usize),
            )
        {
            return (first, last);
        }
        self.display_days(t, s)
    }

    /// Do tasks `a` and `b` work on the same calendar?
    #[inline(always)]
    pub fn same_calendar(&self, a: TaskIx, b: TaskIx) -> bool {
        self.uniform || self.task_calendar[a] == self.task_calendar[b]
    }

    /// Task `t`'s entry of a per-calendar array ([`Timeline::indices_at`]).
    #[inline(always)]
    pub fn of_calendar(&self, per_calendar: &[i32], t: TaskIx) -> i32 {
        if self.uniform {
            per_calendar[0]
        } else {
            per_calendar[self.task_calendar[t] as usize]
        }
    }

    /// The first and last days of the window the calendars materialise.
    pub fn window(&self) -> (DayNumber, DayNumber) {
        (self.first, self.last)
    }

    /// Is `day` one of task `t`'s working days?
    #[inline]
    pub fn is_working(&self, t: TaskIx, day: DayNumber) -> bool {
        self.calendar(t).is_working(day)
    }

    /// The plan calendar (tasks without their own `workdays` use it).
    #[inline]
    pub fn plan_calendar(&self) -> &WorkCalendar {
        &self.calendars[0]
    }

    pub fn overflowed(&self) -> bool {
        self.calendars.iter().any(WorkCalendar::overflowed)
    }

    /// Which of the calendars task `t` works on.
    #[inline(always)]
    pub fn calendar_of(&self, t: TaskIx) -> usize {
        if self.uniform {
            0
        } else {
            self.task_calendar[t] as usize
        }
    }

    /// How many calendars tasks work on ([`Timeline::calendar_of`] is below it).
    #[inline]
    pub fn calendar_count(&self) -> usize {
        self.calendars.len()
    }

    /// Day number of working day `k` of calendar `cal`.
    #[inline]
    pub fn day_of_calendar(&self, cal: usize, k: i32) -> DayNumber {
        self.calendars[cal].day_of(k)
    }

    #[inline(always)]
    fn calendar(&self, t: TaskIx) -> &WorkCalendar {
        &self.calendars[self.calendar_of(t)]
    }

    /// [`Timeline::index_at`] of `day` in every calendar, to look up per
    /// task with [`Timeline::calendar_of`] (one conversion per calendar
    /// rather than per task).
    pub fn indices_at(&self, day: DayNumber) -> Vec<i32> {
        self.calendars.iter().map(|c| c.index_at(day)).collect()
    }

    /// Working days of `t`'s calendar before day `day`.
    #[inline(always)]
    pub fn index_at(&self, t: TaskIx, day: DayNumber) -> i32 {
        self.calendar(t).index_at(day)
    }

    /// Working days task `t` spans in its calendar (its days, stretched by
    /// its owner's capacity).
    #[inline]
    pub fn span(&self, t: TaskIx) -> i32 {
        self.days[t]
    }

    /// Day number of working day `k` of `t`'s calendar.
    #[inline(always)]
    pub fn day_of(&self, t: TaskIx, k: i32) -> DayNumber {
        self.calendar(t).day_of(k)
    }

    /// The day after the close of the day a task at start `s` ends on: for a
    /// milestone its instant, for a task the day after its last day.
    #[inline]
    pub fn end_instant(&self, t: TaskIx, s: i32) -> DayNumber {
        let e = s + self.days[t];
        // A fixed milestone's instant is the close of its date.
        if self.days[t] == 0 && self.fixed[t] != NONE {
            let fixed = self.fixed[t] + 1;
            if self.index_at(t, fixed) == e {
                return fixed;
            }
        }
        self.day_of(t, e - 1) + 1
    }

    /// The day numbers of the working days of task `t` at start `s` for
    /// `d` days that lie in the window.
    #[inline]
    pub fn working_days(&self, t: TaskIx, s: i32, d: i32) -> &[DayNumber] {
        self.calendar(t).working_days(s, s.saturating_add(d))
    }

    /// The first day of a task at start `s` (a milestone's instant).
    #[inline]
    pub fn start_instant(&self, t: TaskIx, s: i32) -> DayNumber {
        if self.days[t] == 0 {
            self.end_instant(t, s)
        } else {
            self.day_of(t, s)
        }
    }

    /// The first day of a task at `s`, and its last (for a milestone, the day it closes).
    #[inline(always)]
    pub fn display_days(&self, t: TaskIx, s: i32) -> (DayNumber, DayNumber) {
        if self.days[t] == 0 {
            let day = self.end_instant(t, s) - 1;
            (day, day)
        } else {
            (self.day_of(t, s), self.day_of(t, s + self.days[t] - 1))
        }
    }

    /// The first and last days of work from start `s` to exclusive end `e`:
    /// [`Timeline::display_days`] when it lasts the task's days, else (work
    /// done or under way) its own span, never ending before it starts.
    #[inline(always)]
    pub fn display_span(&self, t: TaskIx, s: i32, e: i32) -> (DayNumber, DayNumber) {
        if e == s + self.days[t] {
            self.display_days(t, s)
        } else {
            let first = self.day_of(t, s);
            (first, self.day_of(t, e - 1).max(first))
        }
    }

    /// The first and last days of work done or under way, from start `s` to
    /// exclusive end `e`: its own dates, never a fixed date it shares an
    /// index with (a milestone at `s` is the close of working day `s - 1`).
    #[inline(always)]
    pub fn actual_days(&self, t: TaskIx, s: i32, e: i32) -> (DayNumber, DayNumber) {
        if self.days[t] == 0 {
            let day = self.day_of(t, s - 1);
            (day, day)
        } else {
            let first = self.day_of(t, s);
            (first, self.day_of(t, e - 1).max(first))
        }
    }

    /// The earliest start of `succ` that the link from `pred` (starting at
    /// `pred_start`) allows.
    #[inline(always)]
    pub fn forward_bound(
        &self,
        pred: TaskIx,
        pred_start: i32,
        succ: TaskIx,
        kind: LinkKind,
        lag: i32,
    ) -> i32 {
        let x = if self.same_calendar(pred, succ) {
            if kind.from_finish() {
                pred_start + self.days[pred]
            } else {
                pred_start
            }
        } else {
            self.forward_across(pred, pred_start, succ, kind)
        };
        let k = x.saturating_add(lag);
        if kind.to_finish() {
            k - self.days[succ]
        } else {
            k
        }
    }

    /// [`Timeline::forward_bound`] between two calendars: the
    /// predecessor's instant carried over on the day axis (kept out of
    /// line: the passes inline the common case of one calendar).
    #[inline(never)]
    fn forward_across(&self, pred: TaskIx, pred_start: i32, succ: TaskIx, kind: LinkKind) -> i32 {
        let instant = if kind.from_finish() {
            self.end_instant(pred, pred_start)
        } else {
            self.start_instant(pred, pred_start)
        };
        self.index_at(succ, instant)
    }

    /// The latest end (exclusive index) of `pred` that the link to `succ`
    /// (starting at `succ_start`) allows.
    #[inline(always)]
    pub fn backward_bound(
        &self,
        pred: TaskIx,
        succ: TaskIx,
        succ_start: i32,
        kind: LinkKind,
        lag: i32,
    ) -> i32 {
        let anchor = if kind.to_finish() {
            succ_start + self.days[succ]
        } else {
            succ_start
        };
        let k = anchor.saturating_sub(lag);
        if self.same_calendar(pred, succ) {
            return if kind.from_finish() {
                k
            } else {
                k + self.days[pred]
            };
        }
        self.backward_across(pred, succ, k, kind)
    }

    /// [`Timeline::backward_bound`] between two calendars, from the
    /// successor's index `k` (out of line, as [`Timeline::forward_across`]).
    #[inline(never)]
    fn backward_across(&self, pred: TaskIx, succ: TaskIx, k: i32, kind: LinkKind) -> i32 {
        let d = self.days[pred];
        let boundary = self.day_of(succ, k);
        if kind.from_finish() || d == 0 {
            self.index_at(pred, boundary)
        } else {
            self.index_at(pred, boundary + 1) - 1 + d
        }
    }

    /// A fixed task of one day or more must start on one of its working days.
    pub fn check_fixed_days(&self, plan: &Plan, checked: &Checked) -> Result<(), PlanErrors> {
        let errors: Vec<PlanError> = checked
            .fixed
            .iter()
            .enumerate()
            .filter(|&(t, &f)| f != NONE && checked.days[t] > 0 && !self.calendar(t).is_working(f))
            .map(|(t, &f)| PlanError::FixedOnNonWorkingDay {
                task: t,
                id: plan.tasks[t].id.clone(),
                date: date_of(f).unwrap_or(jiff::civil::Date::MAX),
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(PlanErrors(errors))
        }
    }
}

/// The dates of the `len` days from `first`, one step of a day at a time
/// (cheaper than building each date from its day number).
fn date_table(first: DayNumber, len: usize) -> Vec<Date> {
    let mut dates = Vec::with_capacity(len);
    let Some(mut date) = date_of(first) else {
        return Vec::new();
    };
    for _ in 0..len {
        dates.push(date);
        match date.tomorrow() {
            Ok(next) => date = next,
            Err(_) => break,
        }
    }
    dates
}

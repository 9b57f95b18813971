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

pub(crate) struct Timeline {
    /// The window of days the calendars materialise.
    first: DayNumber,
    last: DayNumber,
    calendars: Vec<WorkCalendar>,
    task_calendar: Vec<u32>,
    days: Vec<i32>,
    /// Day number just after a fixed milestone's date (its instant), else NONE.
    fixed_instant: Vec<DayNumber>,
}

impl Timeline {
    pub fn new(
        plan: &Plan,
        checked: &Checked,
        owners: &Owners,
        first: DayNumber,
        last: DayNumber,
    ) -> Timeline {
        let rules = &plan.calendar;
        let mut keys = vec![CalendarKey {
            workdays: rules.workdays,
            with_holidays: true,
            off_of: None,
        }];
        let task_calendar = plan
            .tasks
            .iter()
            .enumerate()
            .map(|(t, task)| {
                let mut key = CalendarKey {
                    workdays: task.workdays.unwrap_or(rules.workdays),
                    with_holidays: !task.work_on_holidays,
                    off_of: None,
                };
                if let Some(o) = owners.owner(t) {
                    let person = &owners.people[o];
                    if let Some(theirs) = person.workdays {
                        key.workdays = key.workdays.intersection(theirs);
                    }
                    if person.has_off {
                        key.off_of = Some(o as u32);
                    }
                }
                // Few distinct calendars: a linear search beats hashing.
                match keys.iter().position(|k| *k == key) {
                    Some(i) => i as u32,
                    None => {
                        keys.push(key);
                        keys.len() as u32 - 1
                    }
                }
            })
            .collect();
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
        let fixed_instant = checked
            .fixed
            .iter()
            .zip(&checked.days)
            .map(|(&f, &d)| if f != NONE && d == 0 { f + 1 } else { NONE })
            .collect();
        Timeline {
            first,
            last,
            calendars,
            task_calendar,
            days: checked.days.clone(),
            fixed_instant,
        }
    }

    /// The first and last days of the window the calendars materialise.
    pub fn window(&self) -> (DayNumber, DayNumber) {
        (self.first, self.last)
    }

    /// Is `day` one of task `t`'s working days?
    pub fn is_working(&self, t: TaskIx, day: DayNumber) -> bool {
        self.calendar(t).is_working(day)
    }

    /// The plan calendar (tasks without their own `workdays` use it).
    pub fn plan_calendar(&self) -> &WorkCalendar {
        &self.calendars[0]
    }

    pub fn overflowed(&self) -> bool {
        self.calendars.iter().any(WorkCalendar::overflowed)
    }

    /// Which of the calendars task `t` works on.
    pub fn calendar_of(&self, t: TaskIx) -> usize {
        self.task_calendar[t] as usize
    }

    /// Day number of working day `k` of calendar `cal`.
    pub fn day_of_calendar(&self, cal: usize, k: i32) -> DayNumber {
        self.calendars[cal].day_of(k)
    }

    fn calendar(&self, t: TaskIx) -> &WorkCalendar {
        &self.calendars[self.task_calendar[t] as usize]
    }

    /// [`Timeline::index_at`] of `day` in every calendar, to look up per
    /// task with [`Timeline::calendar_of`] (one conversion per calendar
    /// rather than per task).
    pub fn indices_at(&self, day: DayNumber) -> Vec<i32> {
        self.calendars.iter().map(|c| c.index_at(day)).collect()
    }

    /// Working days of `t`'s calendar before day `day`.
    pub fn index_at(&self, t: TaskIx, day: DayNumber) -> i32 {
        self.calendar(t).index_at(day)
    }

    /// Day number of working day `k` of `t`'s calendar.
    pub fn day_of(&self, t: TaskIx, k: i32) -> DayNumber {
        self.calendar(t).day_of(k)
    }

    /// The day after the close of the day a task at start `s` ends on: for a
    /// milestone its instant, for a task the day after its last day.
    pub fn end_instant(&self, t: TaskIx, s: i32) -> DayNumber {
        let e = s + self.days[t];
        let fixed = self.fixed_instant[t];
        if fixed != NONE && self.index_at(t, fixed) == e {
            return fixed;
        }
        self.day_of(t, e - 1) + 1
    }

    /// The first day of a task at start `s` (a milestone's instant).
    pub fn start_instant(&self, t: TaskIx, s: i32) -> DayNumber {
        if self.days[t] == 0 {
            self.end_instant(t, s)
        } else {
            self.day_of(t, s)
        }
    }

    /// The first day of a task at `s`, and its last (for a milestone, the day it closes).
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
    pub fn forward_bound(
        &self,
        pred: TaskIx,
        pred_start: i32,
        succ: TaskIx,
        kind: LinkKind,
        lag: i32,
    ) -> i32 {
        let x = if self.task_calendar[pred] == self.task_calendar[succ] {
            if kind.from_finish() {
                pred_start + self.days[pred]
            } else {
                pred_start
            }
        } else {
            let instant = if kind.from_finish() {
                self.end_instant(pred, pred_start)
            } else {
                self.start_instant(pred, pred_start)
            };
            self.index_at(succ, instant)
        };
        let k = x.saturating_add(lag);
        if kind.to_finish() {
            k - self.days[succ]
        } else {
            k
        }
    }

    /// The latest end (exclusive index) of `pred` that the link to `succ`
    /// (starting at `succ_start`) allows.
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
        let d = self.days[pred];
        if self.task_calendar[pred] == self.task_calendar[succ] {
            return if kind.from_finish() { k } else { k + d };
        }
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

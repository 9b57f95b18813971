//! Each person's booked work, day by day, and the days they are booked over
//! capacity (SCHEDULING.md, "People", invariant 4).
//!
//! Loads are in hundredths of one task (a task takes 100 of a full-time
//! person, or all of a part-time share), per absolute day of the calendars'
//! window, so that tasks of different calendars (a seven-day promotion and an
//! office task of one owner) add up on the days they really share. A day
//! outside the window is not booked: the calendars flag the window as too
//! small in that case and the schedule is computed again on a wider one.

use crate::calendar::WorkCalendar;
use crate::day_number::{DayNumber, date_of, day_number};
use crate::plan::{Plan, TaskIx};
use crate::schedule::PersonLoad;
use crate::schedule::owners::Owners;
use crate::schedule::timeline::Timeline;

/// "Nobody" in the holder arrays.
const NOBODY: u32 = u32::MAX;

pub(crate) struct Bookings {
    first: DayNumber,
    len: usize,
    /// Per person (allocated on their first booking): load per day.
    load: Vec<Vec<u32>>,
    /// Per person: the first task booked on each day, to say who holds a
    /// slot (levelling only: the overload check does not need it).
    holder: Vec<Vec<u32>>,
    holders: bool,
}

/// A day a person is booked over capacity, in the scheduler's indices.
pub(crate) struct DayOverload {
    pub person: usize,
    pub day: DayNumber,
    pub booked: u32,
    pub capacity: u32,
    pub tasks: Vec<TaskIx>,
}

impl Bookings {
    pub fn new(people: usize, line: &Timeline, holders: bool) -> Bookings {
        let (first, last) = line.window();
        Bookings {
            first,
            len: usize::try_from(last - first + 1).unwrap_or(0),
            load: vec![Vec::new(); people],
            holder: vec![Vec::new(); people],
            holders,
        }
    }

    fn offset(&self, day: DayNumber) -> Option<usize> {
        usize::try_from(day - self.first)
            .ok()
            .filter(|&o| o < self.len)
    }

    /// Books task `t` of person `o` at start `s` (its `days` working days).
    pub fn book(&mut self, line: &Timeline, t: TaskIx, o: usize, s: i32, days: i32, rate: u32) {
        if self.load[o].is_empty() {
            self.load[o] = vec![0; self.len];
            if self.holders {
                self.holder[o] = vec![NOBODY; self.len];
            }
        }
        for k in s..s.saturating_add(days) {
            if let Some(i) = self.offset(line.day_of(t, k)) {
                self.load[o][i] += rate;
                if self.holders && self.holder[o][i] == NOBODY {
                    self.holder[o][i] = t as u32;
                }
            }
        }
    }

    /// Can person `o` take `rate` more on `day` without exceeding `capacity`?
    pub fn has_room(&self, o: usize, day: DayNumber, rate: u32, capacity: u32) -> bool {
        match (self.load[o].is_empty(), self.offset(day)) {
            (false, Some(i)) => self.load[o][i] + rate <= capacity,
            _ => true,
        }
    }

    /// A task booked on `day` for person `o`: the first one booked there.
    pub fn holder(&self, o: usize, day: DayNumber) -> Option<TaskIx> {
        let i = self.offset(day)?;
        let h = *self.holder[o].get(i)?;
        (h != NOBODY).then_some(h as TaskIx)
    }

    /// Every day someone is booked over capacity, by person (scheduler
    /// order) then day, with the tasks booked that day in plan order.
    /// `starts[t]` is task `t`'s start, `days[t]` its working days.
    pub fn overloads(
        &self,
        owners: &Owners,
        line: &Timeline,
        starts: &[i32],
        days: &[i32],
    ) -> Vec<DayOverload> {
        let mut out = Vec::new();
        // Where each person's overloaded days are in `out`, by day offset.
        let mut slot: Vec<Vec<u32>> = vec![Vec::new(); self.load.len()];
        for (o, load) in self.load.iter().enumerate() {
            let capacity = owners.people[o].capacity.percent();
            for (i, &booked) in load.iter().enumerate() {
                if booked > capacity {
                    if slot[o].is_empty() {
                        slot[o] = vec![NOBODY; self.len];
                    }
                    slot[o][i] = out.len() as u32;
                    out.push(DayOverload {
                        person: o,
                        day: self.first + i as DayNumber,
                        booked,
                        capacity,
                        tasks: Vec::new(),
                    });
                }
            }
        }
        if out.is_empty() {
            return out;
        }
        for t in 0..starts.len() {
            let Some(o) = owners.owner(t) else { continue };
            if slot[o].is_empty() {
                continue;
            }
            for k in starts[t]..starts[t].saturating_add(days[t]) {
                if let Some(i) = self.offset(line.day_of(t, k))
                    && slot[o][i] != NOBODY
                {
                    out[slot[o][i] as usize].tasks.push(t);
                }
            }
        }
        out
    }
}

/// Books every owned task at `starts`; returns the bookings and the overloads.
pub(crate) fn overloads_at(
    owners: &Owners,
    line: &Timeline,
    starts: &[i32],
    days: &[i32],
) -> (Bookings, Vec<DayOverload>) {
    let mut bookings = Bookings::new(owners.people.len(), line, false);
    for (t, &s) in starts.iter().enumerate() {
        if let Some(o) = owners.owner(t)
            && days[t] > 0
        {
            let rate = owners.people[o].capacity.per_task();
            bookings.book(line, t, o, s, days[t], rate);
        }
    }
    let overloads = bookings.overloads(owners, line, starts, days);
    (bookings, overloads)
}

impl Bookings {
    /// Each person's available and booked work per day from `from` to `to`
    /// (day numbers, inclusive). A person is available on the working days of
    /// their own calendar (the plan's, their weekly pattern, minus time off),
    /// and on any other day they are booked (a task on its own calendar, such
    /// as a weekend promotion, makes that day a working one for its owner).
    pub fn people_load(
        &self,
        plan: &Plan,
        owners: &Owners,
        line: &Timeline,
        from: DayNumber,
        to: DayNumber,
    ) -> Vec<PersonLoad> {
        let len = usize::try_from(to - from + 1).unwrap_or(0);
        let (first, last) = line.window();
        let closed = match (date_of(first), date_of(last)) {
            (Some(a), Some(b)) => plan.calendar.closed_day_numbers(a, b),
            _ => Vec::new(),
        };
        owners
            .people
            .iter()
            .enumerate()
            .map(|(o, resource)| {
                let person = resource.person.map(|p| &plan.people[p]);
                let mut closed = closed.clone();
                for range in person.map_or(&[][..], |p| &p.off) {
                    let (a, b) = (day_number(range.from), day_number(range.to));
                    closed.extend(a.max(first)..=b.min(last));
                }
                let weekdays = match resource.workdays {
                    Some(theirs) => plan.calendar.workdays.intersection(theirs),
                    None => plan.calendar.workdays,
                };
                let calendar = WorkCalendar::new(weekdays, &closed, first, last);
                let capacity = resource.capacity.percent();
                let mut available = Vec::with_capacity(len);
                let mut booked = Vec::with_capacity(len);
                for day in from..=to {
                    let load = self
                        .offset(day)
                        .and_then(|i| self.load[o].get(i))
                        .copied()
                        .unwrap_or(0);
                    let works = load > 0 || calendar.is_working(day);
                    available.push(if works { capacity } else { 0 });
                    booked.push(load);
                }
                PersonLoad {
                    id: resource.id.clone(),
                    name: person.map_or_else(|| resource.id.clone(), |p| p.name.clone()),
                    role: person.and_then(|p| p.role.clone()),
                    listed: person.is_some(),
                    capacity: resource.capacity,
                    available,
                    booked,
                }
            })
            .collect()
    }
}

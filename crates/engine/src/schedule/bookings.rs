//! Each person's booked work, day by day, and the days they are booked over
//! capacity (SCHEDULING.md, "People", invariant 4).
//!
//! Loads are in hundredths of one task (a task takes 100 of a full-time
//! person, or all of a part-time share), per absolute day of the calendars'
//! window, so that tasks of different calendars (a seven-day promotion and an
//! office task of one owner) add up on the days they really share. A day
//! outside the window is not booked: the calendars flag the window as too
//! small in that case and the schedule is computed again on a wider one.

use crate::day_number::DayNumber;
use crate::plan::TaskIx;
use crate::schedule::owners::Owners;
use crate::schedule::timeline::Timeline;

/// "Nobody" in the holder arrays.
const NOBODY: u32 = u32::MAX;

pub(crate) struct Bookings {
    first: DayNumber,
    len: usize,
    /// Per person (allocated on their first booking): load per day.
    load: Vec<Vec<u32>>,
    /// Per person: the first task booked on each day, to say who holds a slot.
    holder: Vec<Vec<u32>>,
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
    pub fn new(people: usize, line: &Timeline) -> Bookings {
        let (first, last) = line.window();
        Bookings {
            first,
            len: usize::try_from(last - first + 1).unwrap_or(0),
            load: vec![Vec::new(); people],
            holder: vec![Vec::new(); people],
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
            self.holder[o] = vec![NOBODY; self.len];
        }
        for k in s..s.saturating_add(days) {
            if let Some(i) = self.offset(line.day_of(t, k)) {
                self.load[o][i] += rate;
                if self.holder[o][i] == NOBODY {
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

/// Books every owned task at `starts` and returns the overloads.
pub(crate) fn overloads_at(
    owners: &Owners,
    line: &Timeline,
    starts: &[i32],
    days: &[i32],
) -> Vec<DayOverload> {
    let mut bookings = Bookings::new(owners.people.len(), line);
    for (t, &s) in starts.iter().enumerate() {
        if let Some(o) = owners.owner(t)
            && days[t] > 0
        {
            let rate = owners.people[o].capacity.per_task();
            bookings.book(line, t, o, s, days[t], rate);
        }
    }
    bookings.overloads(owners, line, starts, days)
}

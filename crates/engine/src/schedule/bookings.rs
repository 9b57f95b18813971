//! Each person's booked work, day by day, and the days they are booked over
//! capacity (SCHEDULING.md, "People", invariant 4).
//!
//! Loads are in hundredths of one task (a task takes 100 of a full-time
//! person, or all of a part-time share), per absolute day of the calendars'
//! window, so that tasks of different calendars (a seven-day promotion and an
//! office task of one owner) add up on the days they really share. A day
//! outside the window is not booked: the calendars flag the window as too
//! small in that case and the schedule is computed again on a wider one.

use rayon::prelude::*;

use crate::calendar::WorkCalendar;
use crate::day_number::{DayNumber, date_of, day_number};
use crate::plan::{Plan, TaskIx};
use crate::schedule::owners::{Owners, Resource};
use crate::schedule::timeline::Timeline;
use crate::schedule::{Overloads, PersonLoad};

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
}

/// Books every owned task at `starts` (`days[t]` working days from
/// `starts[t]`): every day someone is booked over capacity, by person
/// (scheduler order) then day, with the tasks booked that day in plan order;
/// with `keep`, also each person's load per day (for [`Bookings::people_load`]).
///
/// One person at a time (large plans: groups of people on every thread),
/// so that arrays the size of the window serve everyone; each day keeps the
/// list of the person's tasks booked on it, so that an overloaded day has
/// its tasks without a second look at every task.
pub(crate) fn overloads_at(
    owners: &Owners,
    line: &Timeline,
    starts: &[i32],
    days: &[i32],
    keep: bool,
) -> (Bookings, Overloads) {
    let mut bookings = Bookings::new(owners.people.len(), line, false);
    let people = owners.people.len();
    // The tasks that book someone, by owner, in plan order (a counting sort).
    let mut next = vec![0u32; people + 1];
    for (t, &d) in days.iter().enumerate() {
        if d > 0
            && let Some(o) = owners.owner(t)
        {
            next[o + 1] += 1;
        }
    }
    for o in 0..people {
        next[o + 1] += next[o];
    }
    let bounds = next.clone();
    // Each with its start and days, read here in plan order: the person's
    // loop then reads its tasks one after the other, not across the plan.
    let mut by_owner = vec![(0u32, 0i32, 0i32); next[people] as usize];
    for (t, &d) in days.iter().enumerate() {
        if d > 0
            && let Some(o) = owners.owner(t)
        {
            by_owner[next[o] as usize] = (t as u32, starts[t], d);
            next[o] += 1;
        }
    }
    drop(next);

    // People are independent: groups of consecutive people with about as
    // many booked tasks each are booked side by side, each thread with
    // arrays of its own, and their overloads put back in order, so the report is
    // the same on any number of threads. (An overload allocates nothing, so
    // threads do not meet in the allocator.)
    let groups = groups_of_people(&bounds, by_owner.len());
    let len = bookings.len;
    let done: Vec<Found> = groups
        .into_par_iter()
        .map_init(
            || Scratch::new(len),
            |scratch, people| {
                let mut found = Found::default();
                for o in people {
                    let tasks = &by_owner[bounds[o] as usize..bounds[o + 1] as usize];
                    if let Some(load) =
                        scratch.person(o as u32, &owners.people[o], tasks, line, keep, &mut found)
                    {
                        found.loads.push((o, load));
                    }
                }
                found
            },
        )
        .collect();
    // The groups' days and tasks, one after the other, in the report's
    // buffers, each person's id once: an overload allocates nothing of its own.
    let mut out = Overloads::with_capacity(done.iter().map(|f| f.days.len()).sum());
    let tasks = done.iter().map(|f| f.tasks.len()).sum();
    let mut last = None;
    for found in done {
        for (o, load) in found.loads {
            bookings.load[o] = load;
        }
        let base = out.tasks_len();
        out.append_tasks(found.tasks, tasks);
        for day in &found.days {
            if last != Some(day.person) {
                out.push_person(&owners.people[day.person as usize].id);
                last = Some(day.person);
            }
            out.push_day(
                line.date(day.day),
                day.booked,
                day.capacity,
                base + day.start,
                base + day.end,
            );
        }
    }
    (bookings, out)
}

/// Below this many booked tasks, people are booked on one thread: the
/// work is too small to share.
const PARALLEL_FROM: usize = 20_000;

/// People in consecutive groups (`bounds[o]..bounds[o + 1]` are person
/// `o`'s tasks, `booked` of them in all): one group for small plans, else
/// several per thread (idle threads take the next one), of about equal
/// numbers of tasks.
fn groups_of_people(bounds: &[u32], booked: usize) -> Vec<std::ops::Range<usize>> {
    let people = bounds.len() - 1;
    let threads = rayon::current_num_threads();
    let per_group = if booked < PARALLEL_FROM || threads < 2 {
        usize::MAX
    } else {
        booked.div_ceil(threads * 8).max(1)
    };
    let mut groups = Vec::new();
    let mut from = 0;
    for o in 0..people {
        if (bounds[o + 1] - bounds[from]) as usize >= per_group {
            groups.push(from..o + 1);
            from = o + 1;
        }
    }
    if from < people {
        groups.push(from..people);
    }
    groups
}

/// The overloaded days found in a group of people, before they join the
/// [`Overloads`].
#[derive(Default)]
struct Found {
    /// The tasks of every overloaded day, one day after the other, each
    /// day's in plan order.
    tasks: Vec<TaskIx>,
    days: Vec<Day>,
    /// With `keep`: each person's load per day.
    loads: Vec<(usize, Vec<u32>)>,
}

/// One overloaded day: its tasks are `Found::tasks[start..end]`.
struct Day {
    person: u32,
    day: DayNumber,
    booked: u32,
    capacity: u32,
    start: usize,
    end: usize,
}

/// One person's bookings, in arrays the size of the window reused from
/// person to person.
struct Scratch {
    /// Per day of the window: the person's load, and the last of their
    /// tasks booked that day (1 + its place in `booked`, 0 for none).
    days_of: Vec<(u32, u32)>,
    /// Each (task, the person's previous task that day) booked, in plan
    /// order: a list per day, read back only for overloaded days.
    booked: Vec<(u32, u32)>,
    /// The person's overloaded days (offsets in the window), gathered
    /// without a branch per day: overloaded days are common in large plans,
    /// and unpredictable.
    overloaded: Vec<u32>,
}

impl Scratch {
    fn new(len: usize) -> Scratch {
        Scratch {
            days_of: vec![(0, 0); len],
            booked: Vec::new(),
            overloaded: vec![0; len],
        }
    }

    /// Books `person`'s (number `o`) `tasks` (theirs, in plan order: each
    /// task with its start and days) and appends their overloaded days to
    /// `found`; with `keep`, returns their load per day.
    fn person(
        &mut self,
        o: u32,
        person: &Resource,
        tasks: &[(u32, i32, i32)],
        line: &Timeline,
        keep: bool,
        found: &mut Found,
    ) -> Option<Vec<u32>> {
        if tasks.is_empty() {
            return None;
        }
        let first = line.window().0;
        let rate = person.capacity.per_task();
        let capacity = person.capacity.percent();
        let Scratch {
            days_of,
            booked,
            overloaded,
        } = self;
        booked.clear();
        // The days the person is booked on lie in `lo..hi` (offsets).
        let (mut lo, mut hi) = (days_of.len(), 0);
        for &(t, start, days) in tasks {
            let on = line.working_days(t as usize, start, days);
            if let (Some(&a), Some(&b)) = (on.first(), on.last()) {
                lo = lo.min((a - first) as usize);
                hi = hi.max((b - first) as usize + 1);
            }
            // Each day's list gains the task: `extend` over the days (a
            // slice) reserves once, not once per day.
            let base = booked.len() as u32;
            booked.extend(on.iter().zip(base + 1..).map(|(&day, at)| {
                let (load, last) = &mut days_of[(day - first) as usize];
                *load += rate;
                (t, std::mem::replace(last, at))
            }));
        }
        let (lo, hi) = (lo.min(hi), hi);
        let mut count = 0;
        for (i, &(load, _)) in days_of[lo..hi].iter().enumerate() {
            overloaded[count] = (lo + i) as u32;
            count += usize::from(load > capacity);
        }
        found.days.reserve(count);
        for &i in &overloaded[..count] {
            let i = i as usize;
            let (load, last) = days_of[i];
            // The day's list runs from its last task back: copy it out,
            // then turn it round into plan order.
            let start = found.tasks.len();
            let mut at = last;
            while at != 0 {
                let (t, previous) = booked[at as usize - 1];
                found.tasks.push(t as TaskIx);
                at = previous;
            }
            found.tasks[start..].reverse();
            found.days.push(Day {
                person: o,
                day: first + i as DayNumber,
                booked: load,
                capacity,
                start,
                end: found.tasks.len(),
            });
        }
        let load = keep.then(|| days_of.iter().map(|&(load, _)| load).collect());
        days_of[lo..hi].fill((0, 0));
        load
    }
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

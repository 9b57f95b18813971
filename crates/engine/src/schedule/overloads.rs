//! [`Overloads`]: every day someone is booked over capacity, in a few buffers.
//!
//! A large plan can have an overloaded day for every other task (52,000 at
//! 100,000 tasks, 520,000 at 1,000,000). Had each day its own list of tasks
//! and its own copy (or shared count) of the person's id, building and
//! dropping them would cost as much as the rest of the report. So the
//! report owns all the storage: the days, the tasks of every day one after
//! the other, and the id of each person with an overload once. A day read
//! from it is an [`Overload`], a view that borrows from the report and owns
//! nothing: making one and dropping it is free.

use std::fmt;
use std::iter::FusedIterator;

use jiff::civil::Date;

use crate::plan::TaskIx;

/// A day a person is booked over their capacity: a view of one day of an
/// [`Overloads`] (it borrows the person's id and the tasks from it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Overload<'a> {
    /// The person's id (or the owner's name when the plan lists no such person).
    pub person: &'a str,
    pub date: Date,
    /// Booked and available work, in hundredths of one task at a time.
    pub booked: u32,
    pub capacity: u32,
    /// The tasks booked that day, in plan order.
    pub tasks: &'a [TaskIx],
}

/// Every day a person is booked over capacity, by person then date
/// (`Schedule::overloads`): read it as [`Overload`]s with [`Overloads::iter`]
/// (or `for o in &schedule.overloads`) and [`Overloads::get`].
///
/// It compares and prints as its list of [`Overload`]s, and can be built
/// from one ([`FromIterator`]).
#[derive(Clone, Default)]
pub struct Overloads {
    days: Vec<Day>,
    /// The tasks of every day, one day after the other.
    tasks: Vec<TaskIx>,
    /// The ids of the people with an overload, one after the other.
    names: String,
    /// Where each person's id ends in `names` (it starts where the one
    /// before ends).
    name_ends: Vec<u32>,
}

/// One overloaded day: its tasks are `tasks[start..end]`, its person's id
/// the `person`-th in `names`.
#[derive(Clone, Copy)]
struct Day {
    person: u32,
    date: Date,
    booked: u32,
    capacity: u32,
    start: u32,
    end: u32,
}

impl Overloads {
    /// Room for `days` days.
    pub(crate) fn with_capacity(days: usize) -> Overloads {
        Overloads {
            days: Vec::with_capacity(days),
            ..Overloads::default()
        }
    }

    /// The number of overloaded days.
    pub fn len(&self) -> usize {
        self.days.len()
    }

    pub fn is_empty(&self) -> bool {
        self.days.is_empty()
    }

    /// The `i`-th overloaded day.
    pub fn get(&self, i: usize) -> Option<Overload<'_>> {
        self.days.get(i).map(|d| self.view(d))
    }

    /// The overloaded days, by person then date.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            all: self,
            days: self.days.iter(),
        }
    }

    fn view(&self, d: &Day) -> Overload<'_> {
        let p = d.person as usize;
        let from = if p == 0 { 0 } else { self.name_ends[p - 1] };
        Overload {
            person: &self.names[from as usize..self.name_ends[p] as usize],
            date: d.date,
            booked: d.booked,
            capacity: d.capacity,
            tasks: &self.tasks[d.start as usize..d.end as usize],
        }
    }

    /// Appends the tasks of days still to come (see [`Overloads::push_day`]),
    /// `total` of them in all once every buffer is appended: the first buffer
    /// is kept (not copied), with room for the others.
    pub(crate) fn append_tasks(&mut self, tasks: Vec<TaskIx>, total: usize) {
        if self.tasks.is_empty() {
            self.tasks = tasks;
            self.tasks.reserve(total.saturating_sub(self.tasks.len()));
        } else {
            self.tasks.extend_from_slice(&tasks);
        }
    }

    /// The number of tasks appended so far.
    pub(crate) fn tasks_len(&self) -> usize {
        self.tasks.len()
    }

    /// Starts the days of another person, with this id.
    pub(crate) fn push_person(&mut self, id: &str) {
        self.names.push_str(id);
        self.name_ends
            .push(u32::try_from(self.names.len()).expect("ids under 4 GiB"));
    }

    /// The id of the last person pushed.
    fn last_person(&self) -> Option<&str> {
        let (&end, before) = self.name_ends.split_last()?;
        let from = before.last().copied().unwrap_or(0);
        Some(&self.names[from as usize..end as usize])
    }

    /// Appends a day of the last person pushed whose tasks, already
    /// appended, are `tasks[start..end]`.
    pub(crate) fn push_day(
        &mut self,
        date: Date,
        booked: u32,
        capacity: u32,
        start: usize,
        end: usize,
    ) {
        debug_assert!(start <= end && end <= self.tasks.len() && !self.name_ends.is_empty());
        let index = |i: usize| u32::try_from(i).expect("under 2^32 booked task-days");
        self.days.push(Day {
            person: (self.name_ends.len() - 1) as u32,
            date,
            booked,
            capacity,
            start: index(start),
            end: index(end),
        });
    }
}

/// The [`Overload`]s of an [`Overloads`], in order.
#[derive(Clone)]
pub struct Iter<'a> {
    all: &'a Overloads,
    days: std::slice::Iter<'a, Day>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = Overload<'a>;

    #[inline]
    fn next(&mut self) -> Option<Overload<'a>> {
        self.days.next().map(|d| self.all.view(d))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.days.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.days.next_back().map(|d| self.all.view(d))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl FusedIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Overloads {
    type Item = Overload<'a>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<'a> FromIterator<Overload<'a>> for Overloads {
    /// A report of these days, copied into its own buffers.
    fn from_iter<I: IntoIterator<Item = Overload<'a>>>(iter: I) -> Overloads {
        let mut out = Overloads::default();
        for o in iter {
            let start = out.tasks.len();
            out.tasks.extend_from_slice(o.tasks);
            let end = out.tasks.len();
            if out.last_person() != Some(o.person) {
                out.push_person(o.person);
            }
            out.push_day(o.date, o.booked, o.capacity, start, end);
        }
        out
    }
}

impl PartialEq for Overloads {
    /// The same days (however the storage is laid out).
    fn eq(&self, other: &Overloads) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Overloads {}

impl<'a> PartialEq<[Overload<'a>]> for Overloads {
    fn eq(&self, other: &[Overload<'a>]) -> bool {
        self.iter().eq(other.iter().copied())
    }
}

impl<'a, const N: usize> PartialEq<[Overload<'a>; N]> for Overloads {
    fn eq(&self, other: &[Overload<'a>; N]) -> bool {
        *self == other[..]
    }
}

impl<'a> PartialEq<Vec<Overload<'a>>> for Overloads {
    fn eq(&self, other: &Vec<Overload<'a>>) -> bool {
        *self == other[..]
    }
}

impl fmt::Debug for Overloads {
    /// As the list of its [`Overload`]s.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(person: &'static str, d: i8, tasks: &'static [TaskIx]) -> Overload<'static> {
        Overload {
            person,
            date: jiff::civil::date(2026, 12, d),
            booked: 200,
            capacity: 100,
            tasks,
        }
    }

    #[test]
    fn days_read_compare_and_print_as_views() {
        let days = [
            day("ana", 17, &[0, 1]),
            day("ana", 18, &[1, 2]),
            day("bo", 17, &[3, 4]),
            day("ana", 21, &[]),
        ];
        let all: Overloads = days.iter().copied().collect();
        assert_eq!(all.len(), 4);
        assert_eq!(all, days);
        assert_eq!(all.get(2), Some(days[2]));
        assert_eq!(all.get(4), None);
        assert_eq!(all.iter().next_back(), Some(days[3]));
        assert_eq!(all.names, "anaboana", "an id once per run of days");
        assert_eq!(format!("{all:?}"), format!("{days:?}"));
        assert_ne!(all, days[..3]);
        assert!(Overloads::default().is_empty());
        assert_eq!(Overloads::default(), [] as [Overload; 0]);
    }

    #[test]
    fn appended_buffers_keep_their_days() {
        let mut all = Overloads::with_capacity(2);
        all.append_tasks(vec![5, 6], 4);
        all.push_person("ana");
        all.push_day(jiff::civil::date(2026, 12, 17), 200, 100, 0, 2);
        let base = all.tasks_len();
        all.append_tasks(vec![7, 8], 4);
        all.push_person("bo");
        all.push_day(jiff::civil::date(2026, 12, 17), 200, 100, base, base + 2);
        assert_eq!(all, [day("ana", 17, &[5, 6]), day("bo", 17, &[7, 8])]);
    }
}

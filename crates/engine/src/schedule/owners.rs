//! Who owns each task: owners resolved to the plan's people once, so that
//! calendars, bookings and levelling work on small indices.
//!
//! An owner that is not a `[[person]]` of the plan (plans may name owners
//! freely) is a person with nothing of their own: the plan's calendar, one
//! task at a time. The formats crate reports unknown owners when a plan lists
//! its people; the engine takes any name.

use std::collections::HashMap;

use crate::calendar::Weekdays;
use crate::plan::{Capacity, Person, Plan};

/// "No owner" in [`Owners::of_task`].
pub(crate) const NO_OWNER: u32 = u32::MAX;

pub(crate) struct Owners {
    /// Per task, its owner's index in `people`, or NO_OWNER.
    pub of_task: Vec<u32>,
    /// The plan's people in plan order, then owners named only by tasks, in
    /// order of first appearance.
    pub people: Vec<Resource>,
}

/// One person as the scheduler sees them.
pub(crate) struct Resource {
    pub id: String,
    /// Index in `plan.people`, if listed there.
    pub person: Option<usize>,
    pub capacity: Capacity,
    pub workdays: Option<Weekdays>,
    /// Has time off: needs a calendar of their own.
    pub has_off: bool,
}

impl Owners {
    pub fn new(plan: &Plan) -> Owners {
        let mut people: Vec<Resource> = plan
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| Resource::of(p, Some(i)))
            .collect();
        let mut index: HashMap<&str, u32> = HashMap::with_capacity(people.len());
        for (i, p) in plan.people.iter().enumerate() {
            index.entry(p.id.as_str()).or_insert(i as u32);
        }
        // Consecutive tasks often share an owner: remember the last one, a
        // string comparison cheaper than a hash.
        let mut last: Option<(&str, u32)> = None;
        let of_task = plan
            .tasks
            .iter()
            .map(|task| {
                let Some(owner) = task.owner.as_deref() else {
                    return NO_OWNER;
                };
                if let Some((name, i)) = last
                    && name == owner
                {
                    return i;
                }
                let i = *index.entry(owner).or_insert_with(|| {
                    people.push(Resource::of(&Person::new(owner), None));
                    people.len() as u32 - 1
                });
                last = Some((owner, i));
                i
            })
            .collect();
        Owners { of_task, people }
    }

    pub fn owner(&self, t: usize) -> Option<usize> {
        let o = self.of_task[t];
        (o != NO_OWNER).then_some(o as usize)
    }
}

impl Resource {
    fn of(person: &Person, index: Option<usize>) -> Resource {
        Resource {
            id: person.id.clone(),
            person: index,
            capacity: person.capacity,
            workdays: person.workdays,
            has_off: !person.off.is_empty(),
        }
    }
}

//! Who owns each task: owners resolved to the plan's people once, so that
//! calendars, bookings and levelling work on small indices.
//!
//! An owner that is not a `[[person]]` of the plan (plans may name owners
//! freely) is a person with nothing of their own: the plan's calendar, one
//! task at a time. The formats crate reports unknown owners when a plan lists
//! its people; the engine takes any name.
//!
//! Names are looked up in a small table of their own ([`NameTable`]): a
//! large plan names an owner per task, and std's hash map spent more on
//! hashing short strings than the scheduler on the rest of each task.

use std::hash::BuildHasher;

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
#[derive(Clone)]
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
    #[cfg(test)]
    pub fn new(plan: &Plan) -> Owners {
        let mut resolver = Resolver::new(plan);
        let of_task = plan
            .tasks
            .iter()
            .map(|task| resolver.resolve(task.owner.as_deref()))
            .collect();
        resolver.finish(of_task)
    }

    pub fn owner(&self, t: usize) -> Option<usize> {
        let o = self.of_task[t];
        (o != NO_OWNER).then_some(o as usize)
    }
}

/// Resolves owners task by task (in plan order), so that the scheduler's
/// one walk over the plan's tasks does it along with everything else. A
/// large plan is walked in pieces, each with a copy of the resolver of the
/// plan's people: the first piece's goes on to resolve the names the others
/// met first, in their order, which numbers everyone as one walk would.
#[derive(Clone)]
pub(crate) struct Resolver {
    /// The people so far: the plan's, then owners met so far.
    pub people: Vec<Resource>,
    index: NameTable,
    /// Consecutive tasks often share an owner: the last one found, compared
    /// before the table.
    last: Option<(Key, u32)>,
}

impl Resolver {
    pub fn new(plan: &Plan) -> Resolver {
        let people: Vec<Resource> = plan
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| Resource::of(p, Some(i)))
            .collect();
        let mut index = NameTable::new(people.len());
        for i in 0..people.len() {
            // The first of two people with one id is the one found.
            let key = Key::of(&people[i].id);
            if let Err(slot) = index.find(&people, &people[i].id, key) {
                index.insert(slot, key, i as u32);
            }
        }
        Resolver {
            people,
            index,
            last: None,
        }
    }

    /// The index in `people` of a task's owner, or NO_OWNER.
    #[inline]
    pub fn resolve(&mut self, owner: Option<&str>) -> u32 {
        let Some(owner) = owner else {
            return NO_OWNER;
        };
        let key = Key::of(owner);
        if let Some((last, i)) = self.last
            && key.same(last, || self.people[i as usize].id == owner)
        {
            return i;
        }
        let i = match self.index.find(&self.people, owner, key) {
            Ok(i) => i,
            Err(slot) => {
                self.people.push(Resource::unlisted(owner));
                let i = self.people.len() as u32 - 1;
                self.index.insert(slot, key, i);
                i
            }
        };
        self.last = Some((key, i));
        i
    }

    pub fn finish(self, of_task: Vec<u32>) -> Owners {
        Owners {
            of_task,
            people: self.people,
        }
    }
}

impl Resource {
    /// An owner the plan does not list: what [`Person::new`] would give,
    /// without making the person (three strings) to copy one id from.
    fn unlisted(id: &str) -> Resource {
        Resource {
            id: id.to_string(),
            person: None,
            capacity: Capacity::default(),
            workdays: None,
            has_off: false,
        }
    }

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

/// A name as two words and its length, read in at most four loads: for a
/// name of up to 16 bytes the words hold every byte (overlapping when
/// shorter), so two such names are equal exactly when their keys are.
/// Longer names (rare for people) are also compared byte by byte.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    len: usize,
    first: u64,
    last: u64,
}

impl Key {
    #[inline]
    fn of(name: &str) -> Key {
        let (first, last) = ends(name.as_bytes());
        Key {
            len: name.len(),
            first,
            last,
        }
    }

    /// The same name as `other`'s key; `equal` compares longer names whole.
    #[inline]
    fn same(self, other: Key, equal: impl FnOnce() -> bool) -> bool {
        self == other && (self.len <= 16 || equal())
    }
}

/// People by id: open addressing on a hash of the name, each slot the
/// name's key, its hash and its index in `people` (where the name itself
/// is). Names are hashed with folded multiplies, keyed per schedule from
/// std's random state (so crafted names cannot make every name collide):
/// std's SipHash, and its byte-wise handling of short keys, cost more than
/// the rest of resolving owners on large plans. Which names collide never
/// shows in a result: people are numbered in order of first appearance.
#[derive(Clone)]
struct NameTable {
    seed: u64,
    /// A power of two long, at most half full.
    slots: Vec<Slot>,
    len: usize,
}

#[derive(Clone, Copy)]
struct Slot {
    key: Key,
    hash: u64,
    /// `EMPTY`: a free slot.
    index: u32,
}

const EMPTY: u32 = u32::MAX;
const FREE: Slot = Slot {
    key: Key {
        len: 0,
        first: 0,
        last: 0,
    },
    hash: 0,
    index: EMPTY,
};

impl NameTable {
    fn new(people: usize) -> NameTable {
        NameTable {
            seed: std::collections::hash_map::RandomState::new().hash_one(0u64) | 1,
            slots: vec![FREE; (people * 2).next_power_of_two().max(64)],
            len: 0,
        }
    }

    /// The index of `name` (of key `key`) in `people`; else the free slot
    /// where it goes and its hash, for [`NameTable::insert`].
    #[inline]
    fn find(&self, people: &[Resource], name: &str, key: Key) -> Result<u32, (usize, u64)> {
        let hash = hash_name(self.seed, name.as_bytes(), key);
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let found = self.slots[slot];
            if found.index == EMPTY {
                return Err((slot, hash));
            }
            if found.hash == hash && key.same(found.key, || people[found.index as usize].id == name)
            {
                return Ok(found.index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Puts index `index`, of key `key`, where [`NameTable::find`] said.
    fn insert(&mut self, (slot, hash): (usize, u64), key: Key, index: u32) {
        self.slots[slot] = Slot { key, hash, index };
        self.len += 1;
        if self.len * 2 > self.slots.len() {
            let wider = vec![FREE; self.slots.len() * 2];
            let old = std::mem::replace(&mut self.slots, wider);
            let mask = self.slots.len() - 1;
            for moved in old.into_iter().filter(|s| s.index != EMPTY) {
                let mut slot = moved.hash as usize & mask;
                while self.slots[slot].index != EMPTY {
                    slot = (slot + 1) & mask;
                }
                self.slots[slot] = moved;
            }
        }
    }
}

/// Eight bytes of `bytes` from `at` (zeros past its end).
#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(
        bytes
            .get(at..at + 8)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; 8]),
    )
}

/// Four bytes of `bytes` from `at` (zeros past its end).
#[inline]
fn half(bytes: &[u8], at: usize) -> u64 {
    u64::from(u32::from_le_bytes(
        bytes
            .get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .unwrap_or([0; 4]),
    ))
}

/// Two words that together hold a name of up to 16 bytes (overlapping
/// when shorter), read in two loads or four, never byte by byte: a
/// partial word copied to the stack costs a store-forwarding stall.
#[inline]
fn ends(bytes: &[u8]) -> (u64, u64) {
    let len = bytes.len();
    match len {
        0 => (0, 0),
        1..=3 => (
            u64::from(bytes[0]) << 16 | u64::from(bytes[len / 2]) << 8 | u64::from(bytes[len - 1]),
            0,
        ),
        4..=7 => (half(bytes, 0), half(bytes, len - 4)),
        _ => (word(bytes, 0), word(bytes, len - 8)),
    }
}

/// The high and low halves of a full 64 × 64-bit product, mixed.
#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

const MIX: u64 = 0x243f_6a88_85a3_08d3;

/// The hash of a name of key `key`, with `seed`.
#[inline]
fn hash_name(seed: u64, bytes: &[u8], key: Key) -> u64 {
    let len = bytes.len();
    let mut state = seed;
    // Longer names: the words between the first and the last.
    let mut at = 8;
    while at + 8 < len {
        state = folded_multiply(state ^ word(bytes, at), MIX ^ seed);
        at += 8;
    }
    let state = folded_multiply(
        state ^ key.first ^ (len as u64) << 56,
        key.last ^ MIX ^ seed,
    );
    folded_multiply(state, seed ^ MIX.rotate_left(32))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Task;
    use jiff::civil::date;

    #[test]
    fn owners_are_numbered_in_order_of_first_appearance() {
        let mut plan = Plan::new("p", date(2026, 6, 1));
        plan.people.push(Person::new("listed"));
        for (i, owner) in ["b", "a", "listed", "b", "a much longer owner name", "a"]
            .into_iter()
            .enumerate()
        {
            let mut task = Task::new(format!("t{i}"), "T", 1);
            task.owner = Some(owner.to_string());
            plan.tasks.push(task);
        }
        plan.tasks.push(Task::new("none", "T", 1));
        let owners = Owners::new(&plan);
        let ids: Vec<&str> = owners.people.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["listed", "b", "a", "a much longer owner name"]);
        assert_eq!(owners.of_task, [1, 2, 0, 1, 3, 2, NO_OWNER]);
    }

    #[test]
    fn names_compare_and_hash_by_every_byte() {
        let names = [
            "",
            "a",
            "ab",
            "abc",
            "abd",
            "abcd",
            "abce",
            "Léa",
            "Lé",
            "Chloé",
            "Chloë",
            "abcdefgh",
            "abcdefgi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "a somewhat longer name",
            "a somewhat longer nbme",
        ];
        for a in names {
            for b in names {
                let (ka, kb) = (Key::of(a), Key::of(b));
                assert_eq!(ka.same(kb, || a == b), a == b, "{a:?} {b:?}");
                if a != b {
                    assert_ne!(
                        hash_name(7, a.as_bytes(), ka),
                        hash_name(7, b.as_bytes(), kb)
                    );
                }
            }
        }
        // Many owners: the table grows and keeps finding each one.
        let mut plan = Plan::new("p", date(2026, 6, 1));
        for i in 0..1000 {
            let mut task = Task::new(format!("t{i}"), "T", 1);
            task.owner = Some(format!("owner {}", i % 300));
            plan.tasks.push(task);
        }
        let owners = Owners::new(&plan);
        assert_eq!(owners.people.len(), 300);
        assert!((0..1000).all(|t| owners.of_task[t] == (t % 300) as u32));
    }
}

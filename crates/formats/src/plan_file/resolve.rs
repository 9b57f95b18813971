//! Ids to indices: each task's `after` ids become positions in the plan;
//! duplicate ids, unknown tasks and unknown people are reported.
//!
//! A large plan is at its largest here: every task is read and the file's
//! text is still alive (links borrow their ids from it). So this step is
//! written for memory as much as for speed:
//! - the ids leave their tasks (a move of three words, not a copy) for the
//!   time links are resolved, so that the index can borrow them while every
//!   task is written in place, in parallel;
//! - the index holds positions (4 bytes), not `&str` keys with their values;
//! - each task's links as written are freed as soon as they are resolved;
//! - the plan's tasks take the vector of the tasks read in place (std's
//!   in-place `collect`), then give back what the smaller `Task` leaves.

use std::hash::BuildHasher;
use std::ops::Range;

use hashbrown::HashTable;
use rayon::prelude::*;
use retroplan_engine::Person;
use retroplan_engine::plan::{Link, Task};

use super::task::{self, RawLink, RawTask};
use super::{PlanSpans, TASKS_PER_JOB, TaskSpans, fields};
use crate::diagnostic::Diagnostic;

/// Unknown-task messages that get a "did you mean": each costs a scan of
/// every id, and a file with thousands of them needs no more than a few.
const SUGGESTED_UNKNOWN_TASKS: usize = 20;

/// Turns the tasks as read into the plan's tasks, in plan order.
pub(super) fn resolve(
    mut read: Vec<RawTask<'_>>,
    people: &[Person],
    spans: &mut PlanSpans,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Task> {
    check_people(&read, people, diagnostics);

    let ids: Vec<String> = read
        .iter_mut()
        .map(|r| std::mem::take(&mut r.task.id))
        .collect();
    let index = IdIndex::new(&ids, |p| &read[p].id_span, diagnostics);

    let unknown: Vec<Vec<Diagnostic>> = read
        .par_iter_mut()
        .enumerate()
        .with_min_len(TASKS_PER_JOB)
        .fold(Vec::new, |mut diags, (p, r)| {
            // A dropped duplicate's links are not checked: its id is the problem.
            if index.keeps(p) {
                let written = std::mem::take(&mut r.links);
                r.task.after = index.links(&ids[p], written, &mut diags);
            }
            diags
        })
        .collect();
    let mut sorted_ids: Option<Vec<&str>> = None;
    for (n, d) in unknown.into_iter().flatten().enumerate() {
        let d = if n < SUGGESTED_UNKNOWN_TASKS {
            suggest_task(d, sorted_ids.get_or_insert_with(|| index.sorted_ids()))
        } else {
            Diagnostic { label: None, ..d }
        };
        diagnostics.push(d);
    }
    drop(sorted_ids);
    let keep = index.into_keep();
    for (r, id) in read.iter_mut().zip(ids) {
        r.task.id = id;
    }

    let kept = |p: usize| keep.as_ref().is_none_or(|k| k[p]);
    spans.tasks = (read.iter().enumerate())
        .filter(|&(p, _)| kept(p))
        .map(|(_, r)| TaskSpans {
            id: r.id_span.clone(),
            on: r.on_span.clone(),
            workdays: r.workdays_span.clone(),
        })
        .collect();
    // In place: the plan's tasks take the memory of the tasks read, and
    // give back the difference (a large block shrinks without a copy).
    let mut tasks: Vec<Task> = (read.into_iter().enumerate())
        .filter_map(|(p, r)| kept(p).then_some(r.task))
        .collect();
    tasks.shrink_to_fit();
    tasks
}

/// Id to place in the plan, over the ids of every task read.
struct IdIndex<'a> {
    ids: &'a [String],
    // foldhash: ids are not attacker-chosen keys of a long-lived server map,
    // and SipHash was a tenth of the reading time of a million-task plan.
    hasher: foldhash::fast::FixedState,
    /// Positions in `ids` of each id's first task (u32: a plan file is
    /// under 4 GiB and each task table takes more than one byte of it).
    first: HashTable<u32>,
    /// Whether each position is kept, and its place among the kept tasks:
    /// `None` when no task was dropped, the usual case.
    dropped: Option<Dropped>,
}

struct Dropped {
    keep: Vec<bool>,
    place: Vec<u32>,
}

impl<'a> IdIndex<'a> {
    /// Reports each duplicate id (`span_of` says where a task's id is) and
    /// keeps the first task that has it.
    fn new<'s>(
        ids: &'a [String],
        span_of: impl Fn(usize) -> &'s Range<u32>,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> IdIndex<'a> {
        let hasher = foldhash::fast::FixedState::default();
        let mut first = HashTable::with_capacity(ids.len());
        let mut keep: Option<Vec<bool>> = None;
        for (p, id) in ids.iter().enumerate() {
            let hash = hasher.hash_one(id.as_str());
            match first.find(hash, |&q: &u32| ids[q as usize] == *id) {
                Some(&q) => {
                    keep.get_or_insert_with(|| vec![true; ids.len()])[p] = false;
                    diagnostics.push(
                        Diagnostic::error(
                            "duplicate-id",
                            task::widen(span_of(p)),
                            format!("two tasks have the id \"{id}\""),
                        )
                        .with_related(task::widen(span_of(q as usize)), "first defined here")
                        .with_hint("give each task a unique id"),
                    );
                }
                None => {
                    first.insert_unique(hash, p as u32, |&q| {
                        hasher.hash_one(ids[q as usize].as_str())
                    });
                }
            }
        }
        let dropped = keep.map(|keep| {
            let place = keep
                .iter()
                .scan(0u32, |next, &k| {
                    let place = *next;
                    *next += u32::from(k);
                    Some(place)
                })
                .collect();
            Dropped { keep, place }
        });
        IdIndex {
            ids,
            hasher,
            first,
            dropped,
        }
    }

    fn keeps(&self, p: usize) -> bool {
        self.dropped.as_ref().is_none_or(|d| d.keep[p])
    }

    /// The place in the plan of the task with this id.
    fn get(&self, id: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(id);
        let p = *self.first.find(hash, |&q| self.ids[q as usize] == id)? as usize;
        Some(self.dropped.as_ref().map_or(p, |d| d.place[p] as usize))
    }

    /// The links of task `id` as written, resolved; an unknown task is
    /// reported (its id in the label, for [`suggest_task`]).
    fn links(&self, id: &str, written: Vec<RawLink<'_>>, diags: &mut Vec<Diagnostic>) -> Vec<Link> {
        let mut links = Vec::with_capacity(written.len());
        for l in written {
            match self.get(&l.id) {
                Some(t) => links.push(Link {
                    task: t,
                    kind: l.kind,
                    lag: l.lag,
                }),
                None => diags.push(
                    Diagnostic::error(
                        "unknown-task",
                        task::widen(&l.span),
                        format!(
                            "task \"{id}\" waits for \"{}\", which is not a task of this plan",
                            l.id
                        ),
                    )
                    .with_label(l.id.into_owned()),
                ),
            }
        }
        links
    }

    /// The ids of the kept tasks, sorted.
    fn sorted_ids(&self) -> Vec<&'a str> {
        let mut ids: Vec<&str> = (0..self.ids.len())
            .filter(|&p| self.keeps(p))
            .map(|p| self.ids[p].as_str())
            .collect();
        ids.sort_unstable();
        ids
    }

    fn into_keep(self) -> Option<Vec<bool>> {
        self.dropped.map(|d| d.keep)
    }
}

/// Adds "did you mean" to an unknown-task diagnostic (its label holds the unknown id).
fn suggest_task(d: Diagnostic, sorted_ids: &[&str]) -> Diagnostic {
    let wanted = d.label.clone().unwrap_or_default();
    let d = Diagnostic { label: None, ..d };
    match fields::closest(&wanted, sorted_ids) {
        Some(best) => d.with_hint(format!("did you mean \"{best}\"?")),
        None => d.with_hint("`after` lists ids of tasks in this file"),
    }
}

/// Owners and RACI names that are not people of the plan, when it lists people.
fn check_people(read: &[RawTask<'_>], people: &[Person], diagnostics: &mut Vec<Diagnostic>) {
    if people.is_empty() {
        return;
    }
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let known: std::collections::HashSet<&str> = ids.iter().copied().collect();
    let unknown_person = |name: &str, span: Range<usize>, message: String| {
        let d = Diagnostic::error("unknown-owner", span, message);
        match fields::closest(name, &ids) {
            Some(best) => d.with_hint(format!("did you mean \"{best}\"?")),
            None => d.with_hint(format!("people of this plan: {}", ids.join(", "))),
        }
    };
    for r in read {
        if let Some(owner) = r.task.owner.as_deref()
            && !known.contains(owner)
        {
            diagnostics.push(unknown_person(
                owner,
                task::widen(&r.id_span),
                format!(
                    "task \"{}\" is owned by \"{owner}\", who is not a [[person]] of this plan",
                    r.task.id
                ),
            ));
        }
        if let (Some(raci), Some(spans)) = (&r.task.raci, &r.raci_spans) {
            let names = raci
                .responsible
                .iter()
                .chain(&raci.consulted)
                .chain(&raci.informed);
            for (name, span) in names.zip(spans.iter()) {
                if !known.contains(name.as_str()) {
                    diagnostics.push(unknown_person(
                        name,
                        task::widen(span),
                        format!(
                            "task \"{}\" names \"{name}\", who is not a [[person]] of this plan",
                            r.task.id
                        ),
                    ));
                }
            }
        }
    }
}

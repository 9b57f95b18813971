//! Validation loops: a deliverable with `reviews = n` becomes separate items
//! (the seeds' "allers-retours pour validation interne et client").
//!
//! `maquette` with two rounds becomes `maquette-draft`, `maquette-review-1`,
//! `maquette-fix-1`, `maquette-review-2` and `maquette`: the last round of
//! corrections keeps the deliverable's id, so whatever waits for `maquette`
//! waits for the approved version, and its `due` or `on` applies there. The
//! expansion happens while reading, so the engine and every output see plain
//! tasks.

use std::borrow::Cow;

use retroplan_engine::plan::{Duration, Lang, LinkKind, Progress, Status, Task};

use crate::plan_file::task::{RawLink, RawTask};

/// Pushes the items of `raw` (itself when it has no reviews) onto `out`.
pub(crate) fn expand<'i>(raw: RawTask<'i>, lang: Lang, out: &mut Vec<RawTask<'i>>) {
    let Some(reviews) = raw.reviews.clone() else {
        out.push(raw);
        return;
    };
    let base = raw.task.clone();
    let all_done = base.status == Status::Done;
    let later_status = if all_done { Status::Done } else { Status::Todo };
    // A deliverable done on a recorded day: every round ended by then (the
    // draft keeps the recorded start). Without it, the rounds would be
    // dated where the plan puts them, after the work was delivered.
    let later_progress = base
        .progress
        .as_ref()
        .and_then(|p| p.finished)
        .filter(|_| all_done)
        .map(|finished| {
            Box::new(Progress {
                finished: Some(finished),
                ..Progress::default()
            })
        });
    let words = Words::of(lang);
    let item =
        |id: String, title: String, owner: Option<String>, days: u32, status, prev: &str| RawTask {
            task: Task {
                id,
                title,
                owner,
                duration: Duration::Days(days),
                after: Vec::new(),
                due: None,
                on: None,
                notes: None,
                status,
                raci: None,
                progress: later_progress.clone(),
                ..base.clone()
            },
            links: vec![RawLink {
                id: Cow::Owned(prev.to_string()),
                span: raw.id_span.clone(),
                kind: LinkKind::FinishToStart,
                lag: 0,
            }],
            id_span: raw.id_span.clone(),
            on_span: None,
            workdays_span: raw.workdays_span.clone(),
            reviews: None,
            raci_spans: None,
        };

    let draft_id = format!("{}-draft", base.id);
    out.push(RawTask {
        task: Task {
            id: draft_id.clone(),
            title: format!("{} ({})", base.title, words.draft),
            due: None,
            on: None,
            raci: None,
            ..base.clone()
        },
        links: raw.links,
        id_span: raw.id_span.clone(),
        on_span: None,
        workdays_span: raw.workdays_span.clone(),
        reviews: None,
        raci_spans: None,
    });
    let mut prev = draft_id;
    for round in 1..=reviews.rounds {
        let review_id = format!("{}-review-{round}", base.id);
        let owner = reviews.reviewer.clone().or_else(|| base.owner.clone());
        out.push(item(
            review_id.clone(),
            format!("{} ({} {round})", base.title, words.review),
            owner,
            reviews.review_days,
            later_status,
            &prev,
        ));
        let last = round == reviews.rounds;
        let fix_id = if last {
            base.id.clone()
        } else {
            format!("{}-fix-{round}", base.id)
        };
        let title = if last {
            format!("{} ({})", base.title, words.last_fix)
        } else {
            format!("{} ({} {round})", base.title, words.fix)
        };
        let mut fix = item(
            fix_id.clone(),
            title,
            base.owner.clone(),
            reviews.fix_days,
            later_status,
            &review_id,
        );
        if last {
            fix.task.due = base.due;
            fix.task.on = base.on;
            fix.on_span = raw.on_span.clone();
            // The deliverable's RACI belongs to the approved version.
            fix.task.raci = base.raci.clone();
            fix.raci_spans = raw.raci_spans.clone();
        }
        out.push(fix);
        prev = fix_id;
    }
}

struct Words {
    draft: &'static str,
    review: &'static str,
    fix: &'static str,
    last_fix: &'static str,
}

impl Words {
    fn of(lang: Lang) -> Words {
        match lang {
            Lang::Fr => Words {
                draft: "première version",
                review: "relecture",
                fix: "corrections",
                last_fix: "corrections finales",
            },
            Lang::En => Words {
                draft: "first draft",
                review: "review",
                fix: "corrections",
                last_fix: "final corrections",
            },
        }
    }
}

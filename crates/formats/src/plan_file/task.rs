//! One `[[task]]` table to a task of the model, its dependencies still named
//! by id (they are resolved once every task has been read).

use std::borrow::Cow;
use std::ops::Range;

use retroplan_engine::calendar::Weekdays;
use retroplan_engine::plan::{Duration, EstimateAt, LinkKind, Progress, Raci, Status, Task};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::plan_file::fields::{Fields, Value, describe};

pub(crate) const TASK_KEYS: &[&str] = &[
    "id",
    "title",
    "owner",
    "days",
    "estimate",
    "after",
    "due",
    "on",
    "margin",
    "phase",
    "channel",
    "status",
    "workdays",
    "work_on_holidays",
    "notes",
    "reviews",
    "reviewer",
    "review_days",
    "fix_days",
    "priority",
    "responsible",
    "consulted",
    "informed",
    "started",
    "finished",
    "remaining",
];

/// A table's `status`: todo when absent, and an error (read as todo) when
/// not one of the known spellings. For tasks and for baselines' tasks.
pub(crate) fn read_status(f: &mut Fields<'_, '_>) -> Status {
    match f.string("status") {
        Some((s, span)) => Status::parse(&s).unwrap_or_else(|| {
            f.error(
                Diagnostic::error("bad-status", span, format!("unknown status \"{s}\""))
                    .with_hint(STATUS_HINT),
            );
            Status::Todo
        }),
        None => Status::Todo,
    }
}

pub const STATUS_HINT: &str = "use todo, in_progress, review, done, blocked or cancelled (à faire, en cours, à valider, terminé, bloqué, annulé)";

const LINK_KEYS: &[&str] = &["task", "type", "lag"];

/// The longest task a plan may hold, in working days (about 400 years).
pub(crate) const MOST_DAYS: i64 = 100_000;

/// A dependency as written: the id is borrowed from the file when it has
/// no escapes, which spares an allocation per link on large plans.
#[derive(Debug, PartialEq)]
pub(crate) struct RawLink<'i> {
    pub id: Cow<'i, str>,
    pub span: Range<u32>,
    pub kind: LinkKind,
    pub lag: i32,
}

/// Where the names of a task's RACI are, see [`RawTask::raci_spans`].
pub(crate) type RaciSpans = Box<[Range<u32>]>;

#[derive(Debug, PartialEq)]
pub(crate) struct RawTask<'i> {
    pub task: Task,
    pub links: Vec<RawLink<'i>>,
    // Spans in u32: a million tasks keep these until ids are resolved.
    pub id_span: Range<u32>,
    pub on_span: Option<Range<u32>>,
    pub workdays_span: Option<Range<u32>>,
    /// A validation loop to expand into separate items (`reviews`; boxed:
    /// most tasks have none, and a million tasks are all alive at once).
    pub reviews: Option<Box<Reviews>>,
    /// Where each name of the task's RACI is, in the order of
    /// `responsible`, `consulted`, `informed` (boxed: most tasks have none).
    pub raci_spans: Option<RaciSpans>,
}

/// `reviews = n` with its reviewer and delays (docs/templates.md).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Reviews {
    pub rounds: u32,
    pub reviewer: Option<String>,
    pub review_days: u32,
    pub fix_days: u32,
}

/// A span in the compact form kept per task (files are far below 4 GiB).
pub(crate) fn narrow(r: &Range<usize>) -> Range<u32> {
    r.start as u32..r.end as u32
}

pub(crate) fn widen(r: &Range<u32>) -> Range<usize> {
    r.start as usize..r.end as usize
}

/// Reads a task table; `None` when it has no usable id (diagnostics say why).
/// `place` is where to point when a required key is missing.
pub(crate) fn read_task<'i>(
    table: &DeTable<'i>,
    offset: usize,
    place: Range<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<RawTask<'i>> {
    let mut f = Fields::new(table, offset, "a task", TASK_KEYS);
    let id = f.string("id");
    if let Some((id, span)) = &id
        && !is_valid_id(id)
    {
        f.error(
            Diagnostic::error(
                "bad-id",
                span.clone(),
                format!("task id \"{id}\" is not valid"),
            )
            .with_hint(format!(
                "ids use lowercase letters, digits, `-` and `_`: try \"{}\"",
                suggest_id(id)
            )),
        );
    }
    if id.is_none() && f.get("id").is_none() {
        let what = f
            .string("title")
            .map_or(String::new(), |(t, _)| format!(" (\"{t}\")"));
        f.error(
            Diagnostic::error("missing-id", place.clone(), format!("a task{what} has no `id`"))
                .with_hint("add `id = \"...\"`: a short unique name, [a-z0-9_-]+, that other tasks use in `after`"),
        );
    }
    let title = f.string("title").map(|(t, _)| t);
    let duration = read_duration(&mut f, &place);
    let links = read_links(&mut f);
    let due = f.when("due").map(|(w, _)| w);
    let on = f.when("on");
    let status = read_status(&mut f);
    let workdays = read_weekdays(&mut f, "workdays");
    let work_on_holidays = f.bool("work_on_holidays").unwrap_or(false);
    let owner = f.string("owner").and_then(|(o, span)| {
        if o.trim().is_empty() {
            // Not a person nobody can name: a task nobody owns has no key.
            f.error(
                Diagnostic::error("empty-owner", span, "`owner` is empty").with_hint(
                    "name the person (an id of a [[person]], or a name), or remove `owner`",
                ),
            );
            return None;
        }
        Some(o)
    });
    let phase = f.string("phase").map(|(p, _)| p);
    let channel = f.string("channel").map(|(c, _)| c);
    let notes = f.string("notes").map(|(n, _)| n);
    let workdays_span = f.get("workdays").map(|v| f.span(v));
    // Hashed lookups of rare keys cost ~5% of reading a large plan: look
    // only when a key starts with their letter.
    let mut initials = 0u32;
    for (k, _) in table.iter() {
        if let Some(&c) = k.get_ref().as_bytes().first()
            && c.is_ascii_lowercase()
        {
            initials |= 1 << (c - b'a');
        }
    }
    let has = |c: u8| initials & (1 << (c - b'a')) != 0;
    let reviews = if has(b'r') || has(b'f') {
        read_reviews(&mut f).map(Box::new)
    } else {
        None
    };
    let priority = if has(b'p') { read_priority(&mut f) } else { 0 };
    let margin = if has(b'm') {
        crate::plan_file::margins::read_task_margin(&mut f)
    } else {
        0
    };
    let (raci, raci_spans) = if has(b'r') || has(b'c') || has(b'i') {
        read_raci(&mut f)
    } else {
        (None, None)
    };
    let progress = if has(b's') || has(b'f') || has(b'r') {
        read_progress(&mut f, status)
    } else {
        None
    };
    diagnostics.extend(f.finish());

    let (id, id_span) = id?;
    Some(RawTask {
        task: Task {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            owner,
            duration: duration.unwrap_or(Duration::Days(0)),
            after: Vec::new(),
            due,
            on: on.as_ref().map(|(w, _)| *w),
            phase,
            channel,
            status,
            workdays: workdays.map(|(w, _)| w),
            work_on_holidays,
            notes,
            priority,
            raci,
            progress,
            margin,
        },
        links,
        id_span: narrow(&id_span),
        on_span: on.map(|(_, s)| narrow(&s)),
        workdays_span: workdays_span.as_ref().map(narrow),
        reviews,
        raci_spans,
    })
}

/// `started`, `finished` and `remaining`, checked against the status and
/// each other: a contradiction is an error, never quietly resolved.
fn read_progress(f: &mut Fields<'_, '_>, status: Status) -> Option<Box<Progress>> {
    let started = f.date("started");
    let finished = f.date("finished");
    let remaining = f.get("remaining").map(|v| f.span(v)).zip(f.integer(
        "remaining",
        0..MOST_DAYS,
        "working days left",
    ));
    let code = status.code();
    if let Some((_, span)) = &started
        && status == Status::Todo
    {
        f.error(
            Diagnostic::error(
                "started-not-started",
                span.clone(),
                "a task with a `started` date cannot be `todo`",
            )
            .with_hint("set `status = \"in_progress\"` (or remove `started`)"),
        );
    }
    if let Some((_, span)) = &finished
        && status != Status::Done
    {
        f.error(
            Diagnostic::error(
                "finished-not-done",
                span.clone(),
                format!("a task with a `finished` date must be done, not `{code}`"),
            )
            .with_hint("set `status = \"done\"` (`retroplan done PLAN TASK` does both), or remove `finished`"),
        );
    }
    if let (Some((s, _)), Some((e, span))) = (&started, &finished)
        && e < s
    {
        f.error(
            Diagnostic::error(
                "finish-before-start",
                span.clone(),
                format!("finished on {e}, before it started ({s})"),
            )
            .with_hint("a task finishes on or after the day it started"),
        );
    }
    // A blocked task is under way only once it has started: before, what
    // remains of it would be read by nothing.
    let blocked_unstarted = status == Status::Blocked && started.is_none();
    if let Some((span, _)) = &remaining
        && (blocked_unstarted
            || !matches!(
                status,
                Status::InProgress | Status::Review | Status::Blocked
            ))
    {
        let (message, hint) = if blocked_unstarted {
            (
                "`remaining` is for a task under way, and a blocked task without a `started` date has not started".to_string(),
                "add `started = YYYY-MM-DD` if work began, or remove `remaining`",
            )
        } else {
            (
                format!("`remaining` is for a task under way, not `{code}`"),
                "set `status = \"in_progress\"`, or remove `remaining`",
            )
        };
        f.error(
            Diagnostic::error("remaining-not-in-progress", span.clone(), message).with_hint(hint),
        );
    }
    let progress = Progress {
        started: started.map(|(d, _)| d),
        finished: finished.map(|(d, _)| d),
        remaining: remaining.map(|(_, r)| r as u32),
        slip: 0,
    };
    (progress != Progress::default()).then(|| Box::new(progress))
}

/// `priority = 2`, or a word: high, normal, low (haute, normale, basse).
/// Levelling places the higher first among tasks of equal slack.
fn read_priority(f: &mut Fields<'_, '_>) -> i32 {
    let Some(value) = f.get("priority") else {
        return 0;
    };
    if let DeValue::String(word) = value.get_ref() {
        let level = match word.trim().to_lowercase().as_str() {
            "high" | "haute" | "haut" | "élevée" | "elevee" => Some(1),
            "normal" | "normale" | "medium" | "moyenne" => Some(0),
            "low" | "basse" | "bas" | "faible" => Some(-1),
            _ => None,
        };
        return level.unwrap_or_else(|| {
            let span = f.span(value);
            f.error(
                Diagnostic::error("bad-priority", span, format!("unknown priority \"{word}\""))
                    .with_hint("use high, normal or low (haute, normale, basse), or a whole number: higher goes first"),
            );
            0
        });
    }
    f.integer(
        "priority",
        -1000..1001,
        "a priority (a whole number, higher first)",
    )
    .map_or(0, |p| p as i32)
}

/// `responsible`, `consulted`, `informed`: a person id or a list of them.
fn read_raci(f: &mut Fields<'_, '_>) -> (Option<Box<Raci>>, Option<RaciSpans>) {
    let mut raci = Raci::default();
    let mut spans = Vec::new();
    for key in ["responsible", "consulted", "informed"] {
        let Some(value) = f.get(key) else { continue };
        let items: &[Value<'_>] = match value.get_ref() {
            DeValue::String(_) => std::slice::from_ref(value),
            DeValue::Array(items) => items,
            other => {
                let span = f.span(value);
                f.error(
                    Diagnostic::error(
                        "wrong-type",
                        span,
                        format!(
                            "`{key}` must be a person id or a list of them, not {}",
                            describe(other)
                        ),
                    )
                    .with_hint(format!("write `{key} = [\"lea\", \"hugo\"]`")),
                );
                continue;
            }
        };
        let list = match key {
            "responsible" => &mut raci.responsible,
            "consulted" => &mut raci.consulted,
            _ => &mut raci.informed,
        };
        for item in items {
            let span = f.span(item);
            match item.get_ref() {
                DeValue::String(id) if !id.trim().is_empty() => {
                    list.push(id.trim().to_string());
                    spans.push(narrow(&span));
                }
                other => f.error(Diagnostic::error(
                    "wrong-type",
                    span,
                    format!(
                        "each name in `{key}` must be a person id, not {}",
                        describe(other)
                    ),
                )),
            }
        }
    }
    if spans.is_empty() {
        (None, None)
    } else {
        (Some(Box::new(raci)), Some(spans.into_boxed_slice()))
    }
}

/// The most rounds of review a deliverable may have: more is a typo.
const MOST_REVIEWS: i64 = 20;

fn read_reviews(f: &mut Fields<'_, '_>) -> Option<Reviews> {
    let rounds = f.integer("reviews", 0..MOST_REVIEWS + 1, "a number of review rounds");
    let reviewer = f.string("reviewer").map(|(r, _)| r);
    let review_days = f.integer("review_days", 0..MOST_DAYS + 1, "working days per review");
    let fix_days = f.integer(
        "fix_days",
        0..MOST_DAYS + 1,
        "working days per round of corrections",
    );
    if rounds.is_none() && f.get("reviews").is_none() {
        for key in ["reviewer", "review_days", "fix_days"] {
            if let Some(v) = f.get(key) {
                let span = f.span(v);
                f.error(
                    Diagnostic::error(
                        "key-needs-reviews",
                        span,
                        format!("`{key}` only applies with `reviews`"),
                    )
                    .with_hint(
                        "add `reviews = 2` (rounds of review and correction), or remove this key",
                    ),
                );
            }
        }
        return None;
    }
    match rounds? {
        0 => None,
        n => Some(Reviews {
            rounds: n as u32,
            reviewer,
            review_days: review_days.unwrap_or(2) as u32,
            fix_days: fix_days.unwrap_or(1) as u32,
        }),
    }
}

fn read_duration(f: &mut Fields<'_, '_>, place: &Range<usize>) -> Option<Duration> {
    let days = f.integer(
        "days",
        0..MOST_DAYS + 1,
        "a number of working days (0 for a milestone)",
    );
    let estimate = f.get("estimate").map(|v| (v, f.span(v)));
    match (f.get("days").is_some(), estimate) {
        (true, Some((_, span))) => {
            f.error(
                Diagnostic::error("days-and-estimate", span, "a task gives either `days` or `estimate`, not both")
                    .with_hint("keep `estimate = [optimistic, likely, pessimistic]` for an uncertain duration, or `days` for a known one"),
            );
            None
        }
        (false, None) => {
            f.error(
                Diagnostic::error("missing-duration", place.clone(), "a task needs `days` (working days, 0 for a milestone) or `estimate = [o, m, p]`")
                    .with_hint("add e.g. `days = 3`"),
            );
            None
        }
        (true, None) => days.map(|d| Duration::Days(d as u32)),
        (false, Some((value, span))) => read_estimate(f, value, span),
    }
}

fn read_estimate(
    f: &mut Fields<'_, '_>,
    value: &Value<'_>,
    span: Range<usize>,
) -> Option<Duration> {
    let hint =
        "write `estimate = [optimistic, likely, pessimistic]` in working days, e.g. [3, 5, 8]";
    let DeValue::Array(items) = value.get_ref() else {
        f.error(
            Diagnostic::error(
                "bad-estimate",
                span,
                format!(
                    "`estimate` must be an array of three numbers, not {}",
                    describe(value.get_ref())
                ),
            )
            .with_hint(hint),
        );
        return None;
    };
    if items.len() != 3 {
        f.error(
            Diagnostic::error(
                "bad-estimate",
                span,
                format!("`estimate` needs three numbers, found {}", items.len()),
            )
            .with_hint(hint),
        );
        return None;
    }
    let nums: Vec<f64> = items
        .iter()
        .filter_map(|v| f.number_value("estimate", v))
        .collect();
    let [o, m, p] = nums[..] else { return None };
    if o < 0.0 || !(o <= m && m <= p) || p > MOST_DAYS as f64 {
        let why = if o < 0.0 {
            "durations cannot be negative"
        } else if p > MOST_DAYS as f64 {
            "the pessimistic value is too large"
        } else {
            "they must be in order: optimistic <= likely <= pessimistic"
        };
        f.error(
            Diagnostic::error(
                "bad-estimate",
                span,
                format!("`estimate` = [{o}, {m}, {p}]: {why}"),
            )
            .with_hint(hint),
        );
        return None;
    }
    Some(Duration::Estimate {
        optimistic: o,
        likely: m,
        pessimistic: p,
        at: EstimateAt::Mean,
    })
}

fn read_links<'i>(f: &mut Fields<'_, 'i>) -> Vec<RawLink<'i>> {
    let Some(value) = f.get("after") else {
        return Vec::new();
    };
    let items: Vec<&Value<'i>> = match value.get_ref() {
        DeValue::Array(a) => a.iter().collect(),
        DeValue::String(_) | DeValue::Table(_) => vec![value],
        other => {
            let span = f.span(value);
            f.error(
                Diagnostic::error(
                    "wrong-type",
                    span,
                    format!("`after` must list task ids, not {}", describe(other)),
                )
                .with_hint(
                    "after = [\"brief\"] or after = [{ task = \"brief\", type = \"SS\", lag = 2 }]",
                ),
            );
            return Vec::new();
        }
    };
    items
        .into_iter()
        .filter_map(|item| read_link(f, item))
        .collect()
}

fn read_link<'i>(f: &mut Fields<'_, 'i>, item: &Value<'i>) -> Option<RawLink<'i>> {
    let span = f.span(item);
    match item.get_ref() {
        DeValue::String(id) => Some(RawLink {
            id: id.clone(),
            span: narrow(&span),
            kind: LinkKind::FinishToStart,
            lag: 0,
        }),
        DeValue::Table(table) => {
            let mut g = Fields::new(table, f.offset(), "a dependency", LINK_KEYS);
            let task = g.borrowed_string("task");
            if task.is_none() && g.get("task").is_none() {
                g.error(
                    Diagnostic::error(
                        "missing-key",
                        span.clone(),
                        "a dependency needs `task`, the id of the task it waits for",
                    )
                    .with_hint("{ task = \"brief\", type = \"FS\", lag = 0 }"),
                );
            }
            let kind = match g.string("type") {
                Some((code, s)) => LinkKind::parse(&code).or_else(|| {
                    g.error(
                        Diagnostic::error(
                            "bad-link-type",
                            s,
                            format!("unknown dependency type \"{code}\""),
                        )
                        .with_hint("use FS (finish to start, the default), SS, FF or SF"),
                    );
                    None
                }),
                None => Some(LinkKind::FinishToStart),
            };
            let lag = match g.get("lag") {
                None => Some(0),
                Some(_) => g.integer(
                    "lag",
                    -MOST_DAYS..MOST_DAYS + 1,
                    "a number of working days (negative for a lead)",
                ),
            };
            let diags = g.finish();
            f.diagnostics.extend(diags);
            Some(RawLink {
                id: task?.0,
                span: narrow(&span),
                kind: kind?,
                lag: lag? as i32,
            })
        }
        other => {
            f.error(Diagnostic::error(
                "wrong-type",
                span,
                format!(
                    "a dependency is a task id or a table, not {}",
                    describe(other)
                ),
            ));
            None
        }
    }
}

/// A list of weekday names, e.g. `["mon", "tue"]`.
pub(crate) fn read_weekdays(f: &mut Fields<'_, '_>, key: &str) -> Option<(Weekdays, Range<usize>)> {
    let items = f.array(key)?;
    let value = f.get(key)?;
    let span = f.span(value);
    let mut indices = Vec::new();
    let mut ok = true;
    for item in items {
        let item_span = f.span(item);
        match item.get_ref() {
            DeValue::String(s) => match Weekdays::parse_day(s) {
                Some(i) => indices.push(i),
                None => {
                    ok = false;
                    f.error(
                        Diagnostic::error(
                            "bad-weekday",
                            item_span,
                            format!("\"{s}\" is not a weekday"),
                        )
                        .with_hint(format!("use {}", Weekdays::expected_names())),
                    );
                }
            },
            other => {
                ok = false;
                f.error(Diagnostic::error(
                    "wrong-type",
                    item_span,
                    format!(
                        "a weekday is a name such as \"mon\", not {}",
                        describe(other)
                    ),
                ));
            }
        }
    }
    if ok && indices.is_empty() {
        f.error(
            Diagnostic::error(
                "no-workdays",
                span.clone(),
                format!("`{key}` is empty: nothing could ever be scheduled"),
            )
            .with_hint("list the working days, e.g. [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\"]"),
        );
        return None;
    }
    ok.then(|| (Weekdays::from_indices(indices), span))
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A valid id close to `id`: lowercase, accents dropped, other characters as `-`.
pub fn suggest_id(id: &str) -> String {
    let mut out = String::new();
    for c in id.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            c if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' => c,
            _ => '-',
        };
        if !(c == '-' && out.ends_with('-')) {
            out.push(c);
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() {
        "task".to_string()
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("visuels-2_b"));
        assert!(!is_valid_id("Visuels"));
        assert!(!is_valid_id(""));
        assert_eq!(suggest_id("Créer les Visuels!"), "creer-les-visuels");
        assert_eq!(suggest_id("!!"), "task");
    }
}

//! `[[meeting]]` tables: recurring or fixed meetings beside the tasks.

use std::ops::Range;

use jiff::civil::Weekday;
use retroplan_engine::calendar::Weekdays;
use retroplan_engine::plan::Person;
use retroplan_engine::{Meeting, MeetingRule};
use toml::de::DeValue;

use crate::diagnostic::Diagnostic;
use crate::plan_file::fields::{Fields, closest, describe};

const MEETING_KEYS: &[&str] = &[
    "id",
    "title",
    "owner",
    "attendees",
    "every",
    "interval",
    "from",
    "to",
    "on",
    "notes",
];

pub(crate) fn read_meetings(f: &mut Fields<'_, '_>, people: &[Person]) -> Vec<Meeting> {
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (span, table) in f.tables("meeting") {
        let mut g = Fields::new(table, f.offset(), "a meeting", MEETING_KEYS);
        let id = g.id("meeting", &span, "add `id = \"point-hebdo\"`");
        let title = g.string("title").map(|(t, _)| t);
        let owner = g.string("owner");
        let mut attendees: Vec<(String, Range<usize>)> = Vec::new();
        if let Some(list) = g.array("attendees") {
            for a in list {
                let s = g.span(a);
                match a.get_ref() {
                    DeValue::String(name) => attendees.push((name.to_string(), s)),
                    other => g.error(Diagnostic::error(
                        "wrong-type",
                        s,
                        format!(
                            "an attendee is a person id in quotes, not {}",
                            describe(other)
                        ),
                    )),
                }
            }
        }
        for (who, s) in owner.iter().chain(&attendees) {
            check_person(&mut g, people, who, s);
        }
        let rule = read_rule(&mut g, &span);
        let notes = g.string("notes").map(|(n, _)| n);
        f.diagnostics.extend(g.finish());
        let (Some((id, id_span)), Some(rule)) = (id, rule) else {
            continue;
        };
        if let Some(first) = meetings.iter().position(|m| m.id == id) {
            f.error(
                Diagnostic::error(
                    "duplicate-id",
                    id_span,
                    format!("two meetings have the id \"{id}\""),
                )
                .with_related(spans[first].clone(), "first defined here")
                .with_hint("give each meeting a unique id"),
            );
            continue;
        }
        meetings.push(Meeting {
            title: title.unwrap_or_else(|| id.clone()),
            id,
            owner: owner.map(|(o, _)| o),
            attendees: attendees.into_iter().map(|(a, _)| a).collect(),
            rule,
            notes,
        });
        spans.push(id_span);
    }
    meetings
}

fn check_person(g: &mut Fields<'_, '_>, people: &[Person], who: &str, span: &Range<usize>) {
    if people.is_empty() || people.iter().any(|p| p.id == who) {
        return;
    }
    let ids: Vec<&str> = people.iter().map(|p| p.id.as_str()).collect();
    let d = Diagnostic::error(
        "unknown-owner",
        span.clone(),
        format!("\"{who}\" is not a [[person]] of this plan"),
    );
    g.error(match closest(who, &ids) {
        Some(best) => d.with_hint(format!("did you mean \"{best}\"?")),
        None => d.with_hint(format!("people of this plan: {}", ids.join(", "))),
    });
}

/// `every` (+ `interval`, `from`, `to`) or `on`: exactly one of the two.
fn read_rule(g: &mut Fields<'_, '_>, place: &Range<usize>) -> Option<MeetingRule> {
    let hint = "a weekly meeting: `every = \"mon\"` (with optional `interval`, `from`, `to`); fixed dates: `on = [\"J-30\", \"J-10\"]`";
    match (g.get("every"), g.get("on")) {
        (Some(_), Some(on)) => {
            let span = g.span(on);
            g.error(
                Diagnostic::error(
                    "every-and-on",
                    span,
                    "a meeting has either `every` or `on`, not both",
                )
                .with_hint(hint),
            );
            None
        }
        (None, None) => {
            g.error(
                Diagnostic::error(
                    "missing-meeting-dates",
                    place.start..place.start + 1,
                    "a meeting needs `every` (a weekday) or `on` (dates)",
                )
                .with_hint(hint),
            );
            None
        }
        (None, Some(on)) => {
            for key in ["interval", "from", "to"] {
                if let Some(v) = g.get(key) {
                    let span = g.span(v);
                    g.error(
                        Diagnostic::error(
                            "key-needs-every",
                            span,
                            format!("`{key}` only applies to a weekly meeting (`every`)"),
                        )
                        .with_hint(
                            "list the dates in `on`, or make it weekly with `every = \"mon\"`",
                        ),
                    );
                }
            }
            let items: Vec<_> = match on.get_ref() {
                DeValue::Array(a) => a.iter().collect(),
                _ => vec![on],
            };
            let dates: Vec<_> = items
                .into_iter()
                .filter_map(|v| g.when_value("on", v))
                .collect();
            Some(MeetingRule::Dates(dates))
        }
        (Some(_), None) => {
            let (name, span) = g.string("every")?;
            let weekday = match Weekdays::parse_day(&name) {
                Some(i) => Weekday::from_monday_zero_offset(i as i8).ok()?,
                None => {
                    g.error(
                        Diagnostic::error(
                            "bad-weekday",
                            span,
                            format!("\"{name}\" is not a weekday"),
                        )
                        .with_hint(format!("use {}", Weekdays::expected_names())),
                    );
                    return None;
                }
            };
            let interval = match g.get("interval") {
                Some(_) => g.integer(
                    "interval",
                    1..53,
                    "a number of weeks between meetings (1 = every week)",
                )? as u32,
                None => 1,
            };
            let from = g.when("from").map(|(w, _)| w);
            let to = g.when("to").map(|(w, _)| w);
            Some(MeetingRule::Weekly {
                weekday,
                interval,
                from,
                to,
            })
        }
    }
}

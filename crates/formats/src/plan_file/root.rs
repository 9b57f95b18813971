//! The plan's own keys, its `[calendar]` and its `[[person]]` tables.

use std::ops::Range;

use jiff::civil::Date;
use retroplan_engine::Meeting;
use retroplan_engine::calendar::{CalendarRules, Country, DateRange};
use retroplan_engine::plan::{Capacity, EstimateAt, Lang, Margins, Person, Tracking};
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;
use crate::plan_file::ReadOptions;
use crate::plan_file::fields::{Fields, Value, describe};
use crate::plan_file::meeting;
use crate::plan_file::task::read_weekdays;

pub(crate) const ROOT_KEYS: &[&str] = &[
    "name",
    "deadline",
    "today",
    "lang",
    "level",
    "at_risk_within",
    "baseline",
    "estimate_at",
    "margin",
    "ready_by",
    "buffer",
    "description",
    "calendar",
    "person",
    "meeting",
    "template",
    "task",
];
const CALENDAR_KEYS: &[&str] = &["country", "workdays", "holidays", "closed", "bridges"];
const PERSON_KEYS: &[&str] = &["id", "name", "role", "email", "off", "workdays", "capacity"];
const TEMPLATE_KEYS: &[&str] = &["id", "title", "description", "span", "source", "aliases"];

/// The plan's keys other than its tasks.
pub(crate) struct Header {
    pub name: String,
    pub deadline: Option<(Date, Range<usize>)>,
    pub today: Option<Date>,
    pub lang: Option<Lang>,
    pub calendar: CalendarRules,
    pub calendar_workdays_span: Option<Range<usize>>,
    pub people: Vec<Person>,
    pub meetings: Vec<Meeting>,
    pub level: bool,
    pub tracking: Tracking,
    pub margins: Margins,
    pub estimate_at: EstimateAt,
}

pub(crate) fn read_header(
    root: &DeTable<'_>,
    options: &ReadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Header {
    let mut f = Fields::new(root, 0, "the plan", ROOT_KEYS);
    let name = f.string("name").map(|(n, _)| n).unwrap_or_default();
    let in_file = f.date("deadline");
    let deadline = match options.deadline {
        Some(d) => Some((d, in_file.map_or(0..0, |(_, s)| s))),
        None => in_file,
    };
    if deadline.is_none() && f.get("deadline").is_none() {
        let hint = if f.get("template").is_some() {
            "this file is a template: date it with `retroplan new plan.toml --template ID --deadline YYYY-MM-DD`, or check it with `--deadline YYYY-MM-DD`"
        } else {
            "add `deadline = 2026-11-27` at the top: the date everything is planned back from (Jour J)"
        };
        f.error(
            Diagnostic::error("missing-deadline", 0..0, "the plan has no `deadline`")
                .with_hint(hint),
        );
    }
    let today = f.date("today").map(|(d, _)| d);
    let level = f.bool("level").unwrap_or(false);
    let at_risk_within = f
        .integer("at_risk_within", 0..1000, "working days")
        .map_or(2, |n| n as u32);
    let mut baselines = crate::plan_file::baseline::read_baselines(&mut f);
    // The latest recorded is compared with; of two recorded the same day,
    // the one written later (`retroplan baseline` appends): a stable sort
    // of the file's order.
    baselines.sort_by_key(|b| b.recorded);
    let tracking = Tracking {
        at_risk_within,
        compare_with: baselines.len().checked_sub(1),
        baselines,
    };
    let lang = f.string("lang").and_then(|(code, span)| {
        Lang::parse(&code).or_else(|| {
            f.error(
                Diagnostic::error("bad-lang", span, format!("unknown language \"{code}\""))
                    .with_hint("use \"fr\" or \"en\""),
            );
            None
        })
    });
    let _description = f.string("description");
    let day = deadline.as_ref().map(|(d, _)| *d);
    let (margins, estimate_at) = crate::plan_file::margins::read_plan_margins(&mut f, day);
    if let Some(value) = f.get("template") {
        read_template(&mut f, value);
    }
    let (calendar, calendar_workdays_span) = match f.get("calendar") {
        Some(value) => match value.get_ref() {
            DeValue::Table(table) => read_calendar(table, day, diagnostics),
            other => {
                let span = f.span(value);
                f.error(
                    Diagnostic::error(
                        "wrong-type",
                        span,
                        format!("`calendar` must be a table, not {}", describe(other)),
                    )
                    .with_hint("write it as a [calendar] section"),
                );
                (CalendarRules::default(), None)
            }
        },
        None => (CalendarRules::default(), None),
    };
    let people = read_people(&mut f, day);
    let meetings = meeting::read_meetings(&mut f, &people);
    diagnostics.extend(f.finish());
    Header {
        name,
        deadline,
        today,
        lang,
        calendar,
        calendar_workdays_span,
        people,
        meetings,
        level,
        tracking,
        margins,
        estimate_at,
    }
}

/// `[template]`: what `retroplan templates` shows. The plan itself ignores it,
/// so a template is a plan file and `retroplan check` reads it.
fn read_template(f: &mut Fields<'_, '_>, value: &Value<'_>) {
    let DeValue::Table(table) = value.get_ref() else {
        let span = f.span(value);
        f.error(
            Diagnostic::error(
                "wrong-type",
                span,
                format!(
                    "`template` must be a table, not {}",
                    describe(value.get_ref())
                ),
            )
            .with_hint("write it as a [template] section"),
        );
        return;
    };
    let mut g = Fields::new(table, f.offset(), "[template]", TEMPLATE_KEYS);
    for key in ["id", "title", "description", "span", "source"] {
        g.string(key);
    }
    if let Some(items) = g.array("aliases") {
        for item in items {
            if !matches!(item.get_ref(), DeValue::String(_)) {
                let span = g.span(item);
                g.error(Diagnostic::error(
                    "wrong-type",
                    span,
                    format!(
                        "an alias is a template id in quotes, not {}",
                        describe(item.get_ref())
                    ),
                ));
            }
        }
    }
    f.diagnostics.extend(g.finish());
}

fn read_calendar(
    table: &DeTable<'_>,
    deadline: Option<Date>,
    diagnostics: &mut Vec<Diagnostic>,
) -> (CalendarRules, Option<Range<usize>>) {
    let mut f = Fields::new(table, 0, "[calendar]", CALENDAR_KEYS);
    let mut rules = CalendarRules::default();
    if let Some((code, span)) = f.string("country") {
        // Trimmed and in any case, as country codes are read.
        if code.trim().eq_ignore_ascii_case("none") {
            rules.country = None;
        } else {
            match Country::from_code(&code) {
                Some(c) => rules.country = Some(c),
                None => {
                    let codes: Vec<&str> = Country::ALL.iter().map(|c| c.code()).collect();
                    f.error(
                        Diagnostic::error(
                            "unknown-country",
                            span,
                            format!("no public holidays known for country {code:?}"),
                        )
                        .with_hint(format!("use one of {}, or \"none\"", codes.join(", "))),
                    );
                }
            }
        }
    }
    let workdays = read_weekdays(&mut f, "workdays");
    if let Some((w, _)) = workdays {
        rules.workdays = w;
    }
    if let Some(items) = f.array("holidays") {
        rules.closed_days = items
            .iter()
            .filter_map(|v| f.dated_value("holidays", v, deadline))
            .collect();
    }
    if let Some(items) = f.array("closed") {
        rules.closed_ranges = items
            .iter()
            .filter_map(|v| read_range(&mut f, "closed", v, deadline))
            .collect();
    }
    rules.bridges = f.bool("bridges").unwrap_or(false);
    diagnostics.extend(f.finish());
    (rules, workdays.map(|(_, s)| s))
}

/// `{ from = ..., to = ... }`, or a single date as a one-day range; dates
/// may be labels (`"J+8"`), which templates need.
fn read_range(
    f: &mut Fields<'_, '_>,
    key: &str,
    value: &Value<'_>,
    deadline: Option<Date>,
) -> Option<DateRange> {
    let span = f.span(value);
    match value.get_ref() {
        DeValue::Table(table) => {
            let mut g = Fields::new(table, f.offset(), "a date range", &["from", "to"]);
            let from = g
                .get("from")
                .and_then(|v| Some((g.dated_value("from", v, deadline)?, g.span(v))));
            let to = g
                .get("to")
                .and_then(|v| Some((g.dated_value("to", v, deadline)?, g.span(v))));
            for (k, got) in [("from", from.is_some()), ("to", to.is_some())] {
                if !got && g.get(k).is_none() {
                    g.error(
                        Diagnostic::error(
                            "missing-key",
                            span.clone(),
                            format!("a range in `{key}` needs `{k}`"),
                        )
                        .with_hint("{ from = 2026-12-24, to = 2026-12-31 }"),
                    );
                }
            }
            let range = match (from, to) {
                (Some((a, _)), Some((b, bs))) if a > b => {
                    g.error(
                        Diagnostic::error(
                            "reversed-range",
                            bs,
                            format!("this range ends ({b}) before it starts ({a})"),
                        )
                        .with_hint("swap `from` and `to`"),
                    );
                    None
                }
                (Some((a, _)), Some((b, _))) => Some(DateRange { from: a, to: b }),
                _ => None,
            };
            f.diagnostics.extend(g.finish());
            range
        }
        _ => f
            .dated_value(key, value, deadline)
            .map(|d| DateRange { from: d, to: d }),
    }
}

fn read_people(f: &mut Fields<'_, '_>, deadline: Option<Date>) -> Vec<Person> {
    let mut people: Vec<Person> = Vec::new();
    let mut spans: Vec<Range<usize>> = Vec::new();
    for (span, table) in f.tables("person") {
        let mut g = Fields::new(table, f.offset(), "a person", PERSON_KEYS);
        let id = g.id(
            "person",
            &span,
            "add `id = \"lea\"`: tasks name their owner by this id",
        );
        let name = g.string("name").map(|(n, _)| n);
        let role = g.string("role").map(|(r, _)| r);
        let email = g.string("email").map(|(e, _)| e);
        let off = g
            .array("off")
            .map(|items| {
                items
                    .iter()
                    .filter_map(|v| read_range(&mut g, "off", v, deadline))
                    .collect()
            })
            .unwrap_or_default();
        let workdays = read_weekdays(&mut g, "workdays").map(|(w, _)| w);
        let capacity = read_capacity(&mut g).unwrap_or_default();
        f.diagnostics.extend(g.finish());
        if let Some((id, id_span)) = id {
            if let Some(first) = people.iter().position(|p| p.id == id) {
                f.error(
                    Diagnostic::error(
                        "duplicate-id",
                        id_span,
                        format!("two people have the id \"{id}\""),
                    )
                    .with_related(spans[first].clone(), "first defined here")
                    .with_hint("give each person a unique id"),
                );
                continue;
            }
            people.push(Person {
                name: name.unwrap_or_else(|| id.clone()),
                id,
                role,
                email,
                off,
                workdays,
                capacity,
            });
            spans.push(id_span);
        }
    }
    people
}

/// `capacity = 2` (tasks at a time), `"50%"` (a share of their time), or `0.5`.
fn read_capacity(f: &mut Fields<'_, '_>) -> Option<Capacity> {
    let value = f.get("capacity")?;
    let span = f.span(value);
    let percent = match value.get_ref() {
        DeValue::String(text) => text
            .trim()
            .strip_suffix('%')
            .and_then(|n| n.trim().replace(',', ".").parse::<f64>().ok()),
        // A number `number_value` refuses (`inf`) is reported there.
        DeValue::Integer(_) | DeValue::Float(_) => Some(f.number_value("capacity", value)? * 100.0),
        _ => {
            f.number_value("capacity", value);
            return None;
        }
    };
    let capacity = percent
        .filter(|p| p.is_finite() && (p - p.round()).abs() < 1e-6)
        .and_then(|p| u32::try_from(p.round() as i64).ok())
        .and_then(Capacity::from_percent);
    if capacity.is_none() {
        f.error(
            Diagnostic::error(
                "bad-capacity",
                span,
                format!("{} is not a capacity", describe(value.get_ref())),
            )
            .with_hint("use a number of tasks at a time (1, 2, 3), or a share of the person's time up to 100% (\"50%\", 0.5)"),
        );
    }
    capacity
}

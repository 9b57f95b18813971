//! The plan file of an import, written with toml_edit: a comment saying
//! where it came from, the plan's keys, the calendar, one `[[person]]` per
//! owner and one `[[task]]` per row, `due` and `on` as labels relative to
//! the deadline (so that moving the deadline moves them) with the sheet's
//! date in a comment.

use jiff::civil::Date;
use retroplan_engine::relative::day_label;
use retroplan_engine::{Lang, Link, LinkKind, Status};
use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, Value};

use crate::placement::Placement;
use crate::rows::{Draft, Person};
use crate::words;

pub(crate) struct Source<'a> {
    /// The file's name, as the comment shows it.
    pub file: &'a str,
    pub sheet: Option<&'a str>,
    pub rows: usize,
}

pub(crate) struct Contents<'a> {
    pub name: &'a str,
    pub deadline: Date,
    pub lang: Lang,
    pub drafts: &'a [Draft],
    pub people: &'a [Person],
    pub links: &'a [Vec<Link>],
    pub placement: &'a Placement,
}

pub(crate) fn plan_text(source: &Source<'_>, plan: &Contents<'_>) -> String {
    let lang = plan.lang;
    let mut doc = DocumentMut::new();
    doc.insert("name", Item::Value(plan.name.into()));
    let mut deadline = date_value(plan.deadline);
    deadline
        .decor_mut()
        .set_suffix(words::deadline_comment(lang));
    doc.insert("deadline", Item::Value(deadline));
    doc.insert("lang", Item::Value(lang.code().into()));

    let mut calendar = Table::new();
    calendar.decor_mut().set_prefix("\n");
    calendar.insert("country", Item::Value("FR".into()));
    doc.insert("calendar", Item::Table(calendar));

    if !plan.people.is_empty() {
        let mut people = ArrayOfTables::new();
        for (i, p) in plan.people.iter().enumerate() {
            let mut t = Table::new();
            if i == 0 {
                t.decor_mut().set_prefix("\n");
            }
            t.insert("id", Item::Value(p.id.as_str().into()));
            t.insert("name", Item::Value(p.name.as_str().into()));
            people.push(t);
        }
        doc.insert("person", Item::ArrayOfTables(people));
    }

    let mut tasks = ArrayOfTables::new();
    for (i, d) in plan.drafts.iter().enumerate() {
        let mut t = Table::new();
        t.decor_mut().set_prefix("\n");
        t.insert("id", Item::Value(d.id.as_str().into()));
        t.insert("title", Item::Value(d.title.as_str().into()));
        if let Some(o) = d.owner.and_then(|o| plan.people.get(o)) {
            t.insert("owner", Item::Value(o.id.as_str().into()));
        }
        t.insert("days", Item::Value(i64::from(d.days).into()));
        if !plan.links[i].is_empty() {
            let after: Array = plan.links[i]
                .iter()
                .map(|l| link_value(l, plan.drafts))
                .collect();
            t.insert("after", Item::Value(Value::Array(after)));
        }
        for (key, date) in [("due", plan.placement.due[i]), ("on", plan.placement.on[i])] {
            if let Some(date) = date {
                let mut v = Value::from(day_label((date - plan.deadline).get_days()));
                v.decor_mut()
                    .set_suffix(words::sheet_date_comment(lang, date));
                t.insert(key, Item::Value(v));
            }
        }
        for (key, text) in [("phase", &d.phase), ("channel", &d.channel)] {
            if let Some(text) = text {
                t.insert(key, Item::Value(text.as_str().into()));
            }
        }
        if d.status != Status::Todo {
            t.insert("status", Item::Value(d.status.code().into()));
        }
        if let Some(notes) = &d.notes {
            t.insert("notes", Item::Value(notes.as_str().into()));
        }
        tasks.push(t);
    }
    doc.insert("task", Item::ArrayOfTables(tasks));

    let mut text = words::header_comment(lang, source.file, source.sheet, source.rows);
    text.push_str(&doc.to_string());
    text
}

fn date_value(d: Date) -> Value {
    let date = toml_edit::Date {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    Value::from(toml_edit::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

/// `"brief"`, or `{ task = "brief", type = "SS", lag = 2 }`.
fn link_value(link: &Link, drafts: &[Draft]) -> Value {
    let id = drafts[link.task].id.as_str();
    if link.kind == LinkKind::FinishToStart && link.lag == 0 {
        return id.into();
    }
    let mut t = InlineTable::new();
    t.insert("task", id.into());
    t.insert("type", link.kind.code().into());
    if link.lag != 0 {
        t.insert("lag", i64::from(link.lag).into());
    }
    Value::InlineTable(t)
}

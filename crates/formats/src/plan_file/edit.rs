//! Editing one task of a plan file in place (`retroplan set`, `start`,
//! `done`): text in, text out.
//!
//! The edit goes through `toml_edit`, so everything the person wrote stays
//! as it was, byte for byte: comments, blank lines, key order, spacing. An
//! existing key keeps its place and its trailing comment (only the value
//! changes); a new key goes on a new line after the task's last key, in the
//! style of that key (indentation, spaces around `=`); a removed key takes
//! its own line and nothing else (comment lines above it stay where they
//! were). A file whose layout `toml_edit` would not give back unchanged is
//! refused rather than reformatted.
//!
//! Nothing here checks the plan's meaning: the caller reads the new text
//! with [`read_plan`](super::read_plan) and refuses it if it has errors
//! (a finish before a start, `finished` on a task not done, ...).

use std::fmt;

use jiff::civil::Date;
use retroplan_engine::RelativeDate;
use retroplan_engine::plan::Status;
use toml_edit::{Decor, DocumentMut, InlineTable, Item, Key, Table, Value};

use super::fields::{closest, parse_date_text};

/// The task keys `retroplan set` writes (`note` is accepted for `notes`).
pub const EDIT_KEYS: &[&str] = &[
    "status",
    "started",
    "finished",
    "remaining",
    "notes",
    "owner",
    "days",
    "due",
    "on",
    "priority",
];

/// The longest task, in working days (as the reader).
const MOST_DAYS: i64 = 100_000;

/// A value to write, already checked and normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewValue {
    /// Written as a TOML date: `2026-11-03`.
    Date(Date),
    Integer(i64),
    /// Written as a basic TOML string, escaped.
    Text(String),
}

impl fmt::Display for NewValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NewValue::Date(d) => write!(f, "{d}"),
            NewValue::Integer(i) => write!(f, "{i}"),
            NewValue::Text(t) => f.write_str(t),
        }
    }
}

/// One `key=value` of `retroplan set`: `value: None` removes the key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    pub key: &'static str,
    pub value: Option<NewValue>,
}

impl Assignment {
    /// Reads `key=value` (`key=` removes the key).
    pub fn parse(text: &str) -> Result<Assignment, EditError> {
        let Some((key, value)) = text.split_once('=') else {
            return Err(EditError::NotAnAssignment(text.to_string()));
        };
        Assignment::new(key, value)
    }

    /// Checks `value` for `key` and turns it into what the file will hold.
    pub fn new(key: &str, value: &str) -> Result<Assignment, EditError> {
        let name = key.trim();
        let key = match name {
            "note" => "notes",
            k => EDIT_KEYS
                .iter()
                .copied()
                .find(|known| *known == k)
                .ok_or_else(|| EditError::UnknownKey {
                    key: name.to_string(),
                    closest: closest(name, EDIT_KEYS),
                })?,
        };
        let text = value.trim();
        if text.is_empty() {
            return Ok(Assignment { key, value: None });
        }
        let bad = |expected: &str| EditError::BadValue {
            key,
            value: text.to_string(),
            expected: expected.to_string(),
        };
        let value = match key {
            "status" => Status::parse(text)
                .map(|s| NewValue::Text(s.code().to_string()))
                .ok_or_else(|| bad(STATUS_EXPECTED))?,
            "started" | "finished" => NewValue::Date(date(text).map_err(bad)?),
            "remaining" => NewValue::Integer(
                whole(text, 0..MOST_DAYS + 1)
                    .ok_or_else(|| bad("a whole number of working days left, 0 or more"))?,
            ),
            "days" => NewValue::Integer(whole(text, 0..MOST_DAYS + 1).ok_or_else(|| {
                bad("a whole number of working days, 0 or more (0 for a milestone)")
            })?),
            "due" | "on" => match date(text) {
                Ok(d) => NewValue::Date(d),
                Err(why) if parse_date_text(text).is_some() => return Err(bad(why)),
                Err(_) => match RelativeDate::parse(text) {
                    Ok(label) => NewValue::Text(label.to_string()),
                    Err(_) => {
                        return Err(bad(
                            "a date (YYYY-MM-DD or DD/MM/YYYY) or a label such as J-10, S-6, M-3, J+4",
                        ));
                    }
                },
            },
            "priority" => match whole(text, -1000..1001) {
                Some(p) => NewValue::Integer(p),
                None => {
                    let word = text.to_lowercase();
                    if !PRIORITY_WORDS.contains(&word.as_str()) {
                        return Err(bad(
                            "high, normal or low (haute, normale, basse), or a whole number from -1000 to 1000",
                        ));
                    }
                    NewValue::Text(word)
                }
            },
            // `owner`, `notes`: free text.
            _ => NewValue::Text(value.to_string()),
        };
        Ok(Assignment {
            key,
            value: Some(value),
        })
    }
}

const STATUS_EXPECTED: &str = "a status: todo, in_progress, review, done, blocked or cancelled (à faire, en cours, à valider, terminé, bloqué, annulé)";

/// The words the reader takes for `priority` (see `task::read_priority`).
const PRIORITY_WORDS: &[&str] = &[
    "high", "haute", "haut", "élevée", "elevee", "normal", "normale", "medium", "moyenne", "low",
    "basse", "bas", "faible",
];

/// A date written `2026-11-03` or `03/11/2026`, or why it is not one.
fn date(text: &str) -> Result<Date, &'static str> {
    match super::parse_date(text) {
        Some(d) => Ok(d),
        None if parse_date_text(text).is_some() => Err("a date that exists"),
        None => Err("a date: YYYY-MM-DD or DD/MM/YYYY"),
    }
}

fn whole(text: &str, range: std::ops::Range<i64>) -> Option<i64> {
    text.parse::<i64>().ok().filter(|n| range.contains(n))
}

/// What an edit changed in one key; values as a person reads them (dates
/// `YYYY-MM-DD`, strings without quotes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: &'static str,
    /// `None`: the key was not there.
    pub before: Option<String>,
    /// `None`: the key was removed.
    pub after: Option<String>,
}

/// The new text of the plan and what changed, in the order asked.
/// Assignments that change nothing are left out of `changes`; when
/// `changes` is empty, `text` is the source itself.
#[derive(Clone, Debug)]
pub struct Edit {
    pub text: String,
    pub changes: Vec<Change>,
}

/// Why an edit cannot be made. The plan's meaning is not checked here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// An argument without `=`.
    NotAnAssignment(String),
    UnknownKey {
        key: String,
        closest: Option<&'static str>,
    },
    /// The same key twice in one edit.
    Twice(&'static str),
    BadValue {
        key: &'static str,
        value: String,
        expected: String,
    },
    /// The file is not TOML: the reader's diagnostics say where.
    NotToml(String),
    /// The file could not be edited without changing its layout elsewhere.
    Layout { line: usize },
    UnknownTask {
        id: String,
        closest: Option<String>,
        /// How many tasks the plan has.
        tasks: usize,
    },
    /// The task's `status` is not one the reader knows.
    UnreadableStatus { id: String, text: String },
    /// `start` or `done` on a task that is done or cancelled.
    Closed { id: String, status: Status },
    /// `start` on a task that already has a `started` date, without `--on`.
    AlreadyStarted { id: String, started: String },
    /// `done` on a task already done with a `finished` date, without `--on`.
    AlreadyDone { id: String, finished: String },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::NotAnAssignment(text) => write!(
                f,
                "`{text}` is not an edit: write KEY=VALUE (KEY= removes the key), e.g. status=done"
            ),
            EditError::UnknownKey { key, closest } => {
                write!(f, "unknown key `{key}`")?;
                if let Some(best) = closest {
                    write!(f, " (did you mean `{best}`?)")?;
                }
                write!(
                    f,
                    "; the keys that can be set are status, started, finished, remaining, note (notes), owner, days, due, on, priority"
                )
            }
            EditError::Twice(key) => write!(f, "`{key}` is given twice"),
            EditError::BadValue {
                key,
                value,
                expected,
            } => write!(f, "`{key}={value}`: `{key}` must be {expected}"),
            EditError::NotToml(message) => write!(f, "the plan is not valid TOML: {message}"),
            EditError::Layout { line } => write!(
                f,
                "this file cannot be edited in place without rewriting its line {line} (are its line endings mixed?): edit it by hand"
            ),
            EditError::UnknownTask { id, closest, tasks } => {
                write!(f, "no task has the id \"{id}\"")?;
                match (closest, tasks) {
                    (Some(best), _) => write!(f, ": did you mean \"{best}\"?"),
                    (None, 0) => write!(f, ": the plan has no [[task]]"),
                    (None, _) => write!(f, " (`retroplan schedule` lists the ids)"),
                }
            }
            EditError::UnreadableStatus { id, text } => write!(
                f,
                "task \"{id}\" has the status \"{text}\", which is not one: fix it first (`retroplan set PLAN {id} status=...`)"
            ),
            EditError::Closed { id, status } => {
                write!(f, "task \"{id}\" is {}", status.code())
            }
            EditError::AlreadyStarted { id, started } => write!(
                f,
                "task \"{id}\" already started on {started}: give --on DATE to change that date"
            ),
            EditError::AlreadyDone { id, finished } => write!(
                f,
                "task \"{id}\" is already done, finished on {finished}: give --on DATE to change that date"
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies `assignments` to the task `id` of the plan `source`.
pub fn edit_task(source: &str, id: &str, assignments: &[Assignment]) -> Result<Edit, EditError> {
    for (i, a) in assignments.iter().enumerate() {
        if assignments[..i].iter().any(|b| b.key == a.key) {
            return Err(EditError::Twice(a.key));
        }
    }
    edit_with(source, id, |_| Ok(assignments.to_vec()))
}

/// `retroplan start`: the task is under way since `on`. A task to do
/// becomes `in_progress`; one already under way (in progress, to review,
/// blocked) keeps its status and gets its `started` date. Refused for a
/// task done or cancelled, and for one that already has a `started` date
/// unless `explicit` (the date was given: it replaces the old one).
pub fn start_task(source: &str, id: &str, on: Date, explicit: bool) -> Result<Edit, EditError> {
    edit_with(source, id, |task| {
        let status = task.status()?;
        if status.is_closed() {
            return Err(EditError::Closed {
                id: id.to_string(),
                status,
            });
        }
        if let Some(started) = task.text("started")
            && !explicit
        {
            return Err(EditError::AlreadyStarted {
                id: id.to_string(),
                started,
            });
        }
        let mut edits = Vec::new();
        if status == Status::Todo {
            edits.push(text_value("status", Status::InProgress.code()));
        }
        edits.push(Assignment {
            key: "started",
            value: Some(NewValue::Date(on)),
        });
        Ok(edits)
    })
}

/// `retroplan done`: the task finished on `on`: `status = "done"`,
/// `finished`, and `remaining` removed. A `started` date is left as it is
/// (absent if it was). Refused for a cancelled task, and for a task
/// already done with a `finished` date unless `explicit`.
pub fn finish_task(source: &str, id: &str, on: Date, explicit: bool) -> Result<Edit, EditError> {
    edit_with(source, id, |task| {
        let status = task.status()?;
        if status == Status::Cancelled {
            return Err(EditError::Closed {
                id: id.to_string(),
                status,
            });
        }
        if status == Status::Done
            && let Some(finished) = task.text("finished")
            && !explicit
        {
            return Err(EditError::AlreadyDone {
                id: id.to_string(),
                finished,
            });
        }
        Ok(vec![
            text_value("status", Status::Done.code()),
            Assignment {
                key: "finished",
                value: Some(NewValue::Date(on)),
            },
            Assignment {
                key: "remaining",
                value: None,
            },
        ])
    })
}

fn text_value(key: &'static str, text: &str) -> Assignment {
    Assignment {
        key,
        value: Some(NewValue::Text(text.to_string())),
    }
}

/// What `toml_edit` does not keep of a file: a byte order mark, `\r\n`
/// line ends, a last line without one. The text is edited without them and
/// given back as it came.
struct Layout {
    bom: bool,
    crlf: bool,
    final_newline: bool,
}

impl Layout {
    fn of(source: &str) -> (Layout, String) {
        let bom = source.starts_with('\u{feff}');
        let source = source.strip_prefix('\u{feff}').unwrap_or(source);
        let crlf = source.contains("\r\n");
        let mut text = if crlf {
            source.replace("\r\n", "\n")
        } else {
            source.to_string()
        };
        let final_newline = text.is_empty() || text.ends_with('\n');
        if !final_newline {
            text.push('\n');
        }
        (
            Layout {
                bom,
                crlf,
                final_newline,
            },
            text,
        )
    }

    fn restore(&self, mut text: String) -> String {
        if !self.final_newline && text.ends_with('\n') {
            text.pop();
        }
        if self.crlf {
            text = text.replace("\r\n", "\n").replace('\n', "\r\n");
        }
        if self.bom {
            text.insert(0, '\u{feff}');
        }
        text
    }
}

fn edit_with(
    source: &str,
    id: &str,
    plan: impl FnOnce(&TaskRef<'_>) -> Result<Vec<Assignment>, EditError>,
) -> Result<Edit, EditError> {
    let (layout, text) = Layout::of(source);
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        EditError::NotToml(e.message().trim().replace('\n', "; "))
    })?;
    let unchanged = layout.restore(doc.to_string());
    if unchanged != source {
        return Err(EditError::Layout {
            line: first_difference(source, &unchanged),
        });
    }

    let mut task = find_task(&mut doc, id)?;
    let assignments = plan(&task)?;
    let mut changes = Vec::new();
    let mut orphan = String::new();
    for a in &assignments {
        let before = task.text(a.key);
        if same(a.key, before.as_deref(), a.value.as_ref()) {
            continue;
        }
        let after = a.value.as_ref().map(NewValue::to_string);
        match &a.value {
            Some(v) => task.set(a.key, v, &mut orphan),
            None => task.remove(a.key, &mut orphan),
        }
        changes.push(Change {
            key: a.key,
            before,
            after,
        });
    }
    let position = task.position();
    if !orphan.is_empty() {
        place_after(&mut doc, position, &orphan);
    }
    if changes.is_empty() {
        return Ok(Edit {
            text: source.to_string(),
            changes,
        });
    }
    Ok(Edit {
        text: layout.restore(doc.to_string()),
        changes,
    })
}

/// Whether the file already says `new` at `key`, perhaps in other words:
/// `"terminé"` is `done`, no status is `todo`, `"03/11/2026"` is 2026-11-03.
fn same(key: &str, old: Option<&str>, new: Option<&NewValue>) -> bool {
    match (old, new) {
        (None, None) => true,
        (None, Some(NewValue::Text(t))) => key == "status" && t == Status::Todo.code(),
        (Some(o), Some(NewValue::Text(t))) if key == "status" => {
            Status::parse(o) == Status::parse(t)
        }
        (Some(o), Some(NewValue::Text(t))) if key == "priority" => o.trim().to_lowercase() == *t,
        (Some(o), Some(NewValue::Date(d))) => super::parse_date(o) == Some(*d),
        (Some(o), Some(n)) => o == n.to_string(),
        _ => false,
    }
}

/// The 1-based line where two texts first differ.
fn first_difference(a: &str, b: &str) -> usize {
    let at = a
        .bytes()
        .zip(b.bytes())
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    a[..at.min(a.len())].bytes().filter(|&c| c == b'\n').count() + 1
}

/// A task's table: a `[[task]]` table or an inline `{ ... }` of `task = [...]`.
enum TaskRef<'d> {
    Table(&'d mut Table),
    Inline(&'d mut InlineTable),
}

fn find_task<'d>(doc: &'d mut DocumentMut, id: &str) -> Result<TaskRef<'d>, EditError> {
    let ids: Vec<String> = match doc.get("task") {
        Some(Item::ArrayOfTables(tables)) => tables
            .iter()
            .filter_map(|t| t.get("id")?.as_str().map(str::to_string))
            .collect(),
        Some(Item::Value(Value::Array(items))) => items
            .iter()
            .filter_map(|v| v.as_inline_table()?.get("id")?.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let Some(index) = ids.iter().position(|t| t == id) else {
        let known: Vec<&str> = ids.iter().map(String::as_str).collect();
        return Err(EditError::UnknownTask {
            id: id.to_string(),
            closest: closest(id, &known).map(str::to_string),
            tasks: ids.len(),
        });
    };
    let found = match doc.get_mut("task") {
        Some(Item::ArrayOfTables(tables)) => tables
            .iter_mut()
            .filter(|t| t.get("id").and_then(Item::as_str).is_some())
            .nth(index)
            .map(TaskRef::Table),
        Some(Item::Value(Value::Array(items))) => items
            .iter_mut()
            .filter_map(Value::as_inline_table_mut)
            .filter(|t| t.get("id").and_then(Value::as_str).is_some())
            .nth(index)
            .map(TaskRef::Inline),
        _ => None,
    };
    found.ok_or_else(|| EditError::UnknownTask {
        id: id.to_string(),
        closest: None,
        tasks: ids.len(),
    })
}

impl TaskRef<'_> {
    fn value(&self, key: &str) -> Option<&Value> {
        match self {
            TaskRef::Table(t) => t.get(key)?.as_value(),
            TaskRef::Inline(t) => t.get(key),
        }
    }

    /// The value at `key` as a person reads it.
    fn text(&self, key: &str) -> Option<String> {
        let value = self.value(key)?;
        Some(match value {
            Value::String(s) => s.value().clone(),
            Value::Integer(i) => i.value().to_string(),
            Value::Datetime(d) => d.value().to_string(),
            other => {
                let mut bare = other.clone();
                bare.decor_mut().clear();
                bare.to_string()
            }
        })
    }

    fn status(&self) -> Result<Status, EditError> {
        let Some(text) = self.text("status") else {
            return Ok(Status::Todo);
        };
        Status::parse(&text).ok_or_else(|| EditError::UnreadableStatus {
            id: self.text("id").unwrap_or_default(),
            text,
        })
    }

    fn position(&self) -> Option<isize> {
        match self {
            TaskRef::Table(t) => t.position(),
            TaskRef::Inline(_) => None,
        }
    }

    /// Writes `value` at `key`: in place if the key is there, else on a new
    /// line after the last key. `orphan` holds comment lines left by a
    /// removed last key: they go above the new key, where they were.
    fn set(&mut self, key: &str, value: &NewValue, orphan: &mut String) {
        let mut new = toml_value(value);
        match self {
            TaskRef::Table(t) => {
                if let Some(item) = t.get_mut(key)
                    && let Some(old) = item.as_value()
                {
                    *new.decor_mut() = old.decor().clone();
                    *item = Item::Value(new);
                    return;
                }
                let (mut key_decor, value_prefix) = last_style(t, key);
                if !orphan.is_empty() {
                    let indent = decor_text(key_decor.prefix()).to_string();
                    key_decor.set_prefix(format!("{}{indent}", std::mem::take(orphan)));
                }
                new.decor_mut().set_prefix(value_prefix);
                new.decor_mut().set_suffix("");
                t.insert_formatted(&Key::new(key).with_leaf_decor(key_decor), Item::Value(new));
            }
            TaskRef::Inline(t) => {
                if let Some(old) = t.get_mut(key) {
                    *new.decor_mut() = old.decor().clone();
                    *old = new;
                    return;
                }
                // The space before `}` is the last value's suffix: it moves
                // to the new last value.
                let last = t.iter().last().map(|(k, _)| k.to_string());
                let mut key_decor = Decor::new(" ", " ");
                let mut value_decor = Decor::new(" ", "");
                if let Some(last) = last {
                    if let Some(k) = t.key(&last) {
                        key_decor = Decor::new(
                            decor_text(k.leaf_decor().prefix()).to_string(),
                            decor_text(k.leaf_decor().suffix()).to_string(),
                        );
                    }
                    if let Some(v) = t.get_mut(&last) {
                        let suffix = decor_text(v.decor().suffix()).to_string();
                        value_decor =
                            Decor::new(decor_text(v.decor().prefix()).to_string(), suffix);
                        v.decor_mut().set_suffix("");
                    }
                }
                *new.decor_mut() = value_decor;
                t.insert_formatted(&Key::new(key).with_leaf_decor(key_decor), new);
            }
        }
    }

    /// Removes `key` and its line; comment lines above it stay.
    fn remove(&mut self, key: &str, orphan: &mut String) {
        match self {
            TaskRef::Table(t) => {
                let keys: Vec<String> = t
                    .iter()
                    .filter(|(_, item)| item.is_value())
                    .map(|(k, _)| k.to_string())
                    .collect();
                let Some(at) = keys.iter().position(|k| k == key) else {
                    return;
                };
                let Some((removed, _)) = t.remove_entry(key) else {
                    return;
                };
                // The lines above the key, without the key's own indentation.
                let prefix = decor_text(removed.leaf_decor().prefix());
                let above = &prefix[..prefix.rfind('\n').map_or(0, |i| i + 1)];
                if above.is_empty() {
                    return;
                }
                match keys.get(at + 1).and_then(|next| t.key_mut(next)) {
                    Some(mut next) => {
                        let decor = next.leaf_decor_mut();
                        let old = decor_text(decor.prefix()).to_string();
                        decor.set_prefix(format!("{above}{old}"));
                    }
                    None => orphan.insert_str(0, above),
                }
            }
            TaskRef::Inline(t) => {
                let last = t.iter().last().map(|(k, _)| k.to_string());
                let Some(removed) = t.remove(key) else { return };
                if last.as_deref() == Some(key)
                    && let Some(new_last) = t.iter().last().map(|(k, _)| k.to_string())
                    && let Some(v) = t.get_mut(&new_last)
                {
                    v.decor_mut()
                        .set_suffix(decor_text(removed.decor().suffix()).to_string());
                }
            }
        }
    }
}

/// The key decor and the space after `=` of a new key, copied from the
/// table's last key: its indentation, and its spacing before `=` (padded
/// to the same column when keys are aligned).
fn last_style(table: &Table, new_key: &str) -> (Decor, String) {
    let last = table
        .iter()
        .filter(|(_, item)| item.is_value())
        .last()
        .map(|(k, _)| k.to_string());
    let Some(last) = last else {
        return (Decor::new("", " "), " ".to_string());
    };
    let (indent, suffix) = match table.key(&last) {
        Some(k) => {
            let prefix = decor_text(k.leaf_decor().prefix());
            let indent = &prefix[prefix.rfind('\n').map_or(0, |i| i + 1)..];
            let indent = if indent.chars().all(|c| c == ' ' || c == '\t') {
                indent
            } else {
                ""
            };
            let suffix = decor_text(k.leaf_decor().suffix());
            let suffix = if suffix.len() > 1 && suffix.chars().all(|c| c == ' ') {
                let column = k.display_repr().chars().count() + suffix.len();
                " ".repeat(column.saturating_sub(new_key.len()).max(1))
            } else {
                suffix.to_string()
            };
            (indent.to_string(), suffix)
        }
        None => (String::new(), " ".to_string()),
    };
    let value_prefix = table
        .get(&last)
        .and_then(Item::as_value)
        .map_or(" ", |v| decor_text(v.decor().prefix()))
        .to_string();
    (Decor::new(indent, suffix), value_prefix)
}

fn decor_text(raw: Option<&toml_edit::RawString>) -> &str {
    raw.and_then(toml_edit::RawString::as_str).unwrap_or("")
}

/// The TOML value of `value`: dates as TOML dates, text as a basic string.
fn toml_value(value: &NewValue) -> Value {
    let text = match value {
        NewValue::Date(d) => d.to_string(),
        NewValue::Integer(i) => i.to_string(),
        NewValue::Text(t) => basic_string(t),
    };
    // Always TOML: a date, an integer, or a string escaped just above.
    text.parse()
        .unwrap_or_else(|_| Value::from(value.to_string()))
}

/// `"..."` with every character TOML needs escaped.
fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Puts `lines` (comment lines left by a removed last key) just after the
/// task's table at `position`: above the next table's header, or at the end.
fn place_after(doc: &mut DocumentMut, position: Option<isize>, lines: &str) {
    let Some(position) = position else { return };
    let mut next: Option<isize> = None;
    walk_tables(doc.as_table_mut(), &mut |t| {
        if let Some(p) = t.position()
            && p > position
            && !t.is_implicit()
            && !t.is_dotted()
            && next.is_none_or(|n| p < n)
        {
            next = Some(p);
        }
    });
    match next {
        Some(target) => walk_tables(doc.as_table_mut(), &mut |t| {
            if t.position() == Some(target) && !t.is_implicit() && !t.is_dotted() {
                let old = decor_text(t.decor().prefix()).to_string();
                t.decor_mut().set_prefix(format!("{lines}{old}"));
            }
        }),
        None => {
            let old = doc.trailing().as_str().unwrap_or("").to_string();
            doc.set_trailing(format!("{lines}{old}"));
        }
    }
}

fn walk_tables(table: &mut Table, f: &mut dyn FnMut(&mut Table)) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                f(t);
                walk_tables(t, f);
            }
            Item::ArrayOfTables(tables) => {
                for t in tables.iter_mut() {
                    f(t);
                    walk_tables(t, f);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(source: &str, id: &str, edits: &[&str]) -> Result<Edit, EditError> {
        let assignments: Vec<Assignment> = edits
            .iter()
            .map(|e| Assignment::parse(e))
            .collect::<Result<_, _>>()?;
        edit_task(source, id, &assignments)
    }

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    const PLAN: &str = "name = \"x\"\ndeadline = 2026-11-27\n\n# first\n[[task]]\nid = \"a\"\ndays = 5  # five\n\n# progress\nstatus = \"todo\"\n\n# next one\n[[task]]\n  id    = \"b\"\n  days  = 1\n";

    #[test]
    fn replaces_a_value_in_place_with_its_comment() {
        let e = set(PLAN, "a", &["days=7"]).unwrap();
        assert_eq!(e.text, PLAN.replace("days = 5  # five", "days = 7  # five"));
        assert_eq!(
            e.changes,
            vec![Change {
                key: "days",
                before: Some("5".into()),
                after: Some("7".into())
            }]
        );
    }

    #[test]
    fn new_keys_go_after_the_last_key_in_its_style() {
        let e = set(PLAN, "a", &["finished=03/11/2026", "status=terminé"]).unwrap();
        assert_eq!(
            e.text,
            PLAN.replace(
                "status = \"todo\"\n",
                "status = \"done\"\nfinished = 2026-11-03\n"
            )
        );
        let e = set(PLAN, "b", &["status=en cours", "note=say \"hi\"\\"]).unwrap();
        assert_eq!(
            e.text,
            format!("{PLAN}  status = \"in_progress\"\n  notes = \"say \\\"hi\\\"\\\\\"\n")
        );
    }

    #[test]
    fn removing_a_key_removes_its_line_only() {
        let e = set(PLAN, "a", &["status="]).unwrap();
        assert_eq!(e.text, PLAN.replace("status = \"todo\"\n", ""));
        let e = set(PLAN, "a", &["days="]).unwrap();
        assert_eq!(e.text, PLAN.replace("days = 5  # five\n", ""));
        // Removed then added: the comment stays above the new line.
        let e = set(PLAN, "a", &["status=", "owner=lea"]).unwrap();
        assert_eq!(
            e.text,
            PLAN.replace("status = \"todo\"\n", "owner = \"lea\"\n")
        );
        let e = set(PLAN, "b", &["days="]).unwrap();
        assert_eq!(e.text, PLAN.replace("  days  = 1\n", ""));
    }

    #[test]
    fn nothing_changed_gives_the_source_back() {
        let e = set(PLAN, "a", &["status=à faire", "remaining="]).unwrap();
        assert!(e.changes.is_empty());
        let e = set(PLAN, "b", &["status=todo"]).unwrap();
        assert!(e.changes.is_empty());
        let done = PLAN.replace("\"todo\"", "\"terminé\"\nfinished = \"03/11/2026\"");
        let e = set(&done, "a", &["status=done", "finished=2026-11-03"]).unwrap();
        assert!(e.changes.is_empty());
        assert_eq!(e.text, done);
    }

    #[test]
    fn keeps_crlf_and_a_missing_final_newline() {
        let crlf = PLAN.replace('\n', "\r\n");
        let e = set(&crlf, "b", &["status=done"]).unwrap();
        assert_eq!(e.text, format!("{crlf}  status = \"done\"\r\n"));
        let bare = PLAN.trim_end();
        let e = set(bare, "b", &["status=done"]).unwrap();
        assert_eq!(e.text, format!("{bare}\n  status = \"done\""));
        let bom = format!("\u{feff}{crlf}");
        let e = set(&bom, "b", &["status=done"]).unwrap();
        assert_eq!(e.text, format!("{bom}  status = \"done\"\r\n"));
    }

    #[test]
    fn inline_tasks() {
        let plan = "deadline = 2026-11-27\ntask = [\n  { id = \"a\", days = 2 },\n  {id=\"b\",days=1},\n]\n";
        let e = set(plan, "a", &["status=done", "days="]).unwrap();
        assert_eq!(
            e.text,
            plan.replace(
                "{ id = \"a\", days = 2 }",
                "{ id = \"a\", status = \"done\" }"
            )
        );
        let e = set(plan, "b", &["due=j-10"]).unwrap();
        assert_eq!(
            e.text,
            plan.replace("{id=\"b\",days=1}", "{id=\"b\",days=1,due=\"J-10\"}")
        );
    }

    #[test]
    fn values_are_checked_and_normalised() {
        let a = |s: &str| Assignment::parse(s);
        assert_eq!(
            a("due=2026-11-03").unwrap().value,
            Some(NewValue::Date(date("2026-11-03")))
        );
        assert_eq!(
            a("on= S-6 ").unwrap().value,
            Some(NewValue::Text("S-6".into()))
        );
        assert_eq!(
            a("priority=Haute").unwrap().value,
            Some(NewValue::Text("haute".into()))
        );
        assert_eq!(a("priority=-2").unwrap().value, Some(NewValue::Integer(-2)));
        assert_eq!(
            a("note=").unwrap(),
            Assignment {
                key: "notes",
                value: None
            }
        );
        for bad in [
            "days=-1",
            "days=2.5",
            "remaining=x",
            "started=2026-02-30",
            "finished=tomorrow",
            "status=fini",
            "due=J-x",
            "priority=urgent",
        ] {
            let err = a(bad).unwrap_err();
            assert!(matches!(err, EditError::BadValue { .. }), "{bad}: {err}");
            let key = bad.split('=').next().unwrap();
            assert!(
                err.to_string().contains(&format!("`{key}` must be")),
                "{err}"
            );
        }
        assert_eq!(
            a("statut=done").unwrap_err(),
            EditError::UnknownKey {
                key: "statut".into(),
                closest: Some("status")
            }
        );
        assert!(matches!(a("done"), Err(EditError::NotAnAssignment(_))));
        assert_eq!(
            set(PLAN, "a", &["days=1", "days=2"]).unwrap_err(),
            EditError::Twice("days")
        );
    }

    #[test]
    fn unknown_tasks_get_the_closest_id() {
        let plan = "deadline = 2026-11-27\n[[task]]\nid = \"visuels\"\ndays = 1\n";
        assert_eq!(
            set(plan, "visuel", &["days=2"]).unwrap_err(),
            EditError::UnknownTask {
                id: "visuel".into(),
                closest: Some("visuels".into()),
                tasks: 1
            }
        );
        let err = set("deadline = 2026-11-27\n", "x", &["days=2"]).unwrap_err();
        assert!(err.to_string().contains("no [[task]]"), "{err}");
        assert!(matches!(
            set("deadline = \n", "x", &["days=2"]),
            Err(EditError::NotToml(_))
        ));
    }

    #[test]
    fn start_and_finish() {
        let day = date("2026-10-05");
        let e = start_task(PLAN, "a", day, false).unwrap();
        assert_eq!(
            e.text,
            PLAN.replace(
                "status = \"todo\"\n",
                "status = \"in_progress\"\nstarted = 2026-10-05\n"
            )
        );
        assert_eq!(
            start_task(&e.text, "a", day, false).unwrap_err(),
            EditError::AlreadyStarted {
                id: "a".into(),
                started: "2026-10-05".into()
            }
        );
        let moved = start_task(&e.text, "a", date("2026-10-06"), true).unwrap();
        assert_eq!(moved.text, e.text.replace("10-05", "10-06"));

        let with_remaining = e.text.replace("started", "remaining = 2\nstarted");
        let done = finish_task(&with_remaining, "a", date("2026-10-09"), false).unwrap();
        assert_eq!(
            done.text,
            e.text.replace("in_progress", "done").replace(
                "started = 2026-10-05\n",
                "started = 2026-10-05\nfinished = 2026-10-09\n"
            )
        );
        let keys: Vec<&str> = done.changes.iter().map(|c| c.key).collect();
        assert_eq!(keys, ["status", "finished", "remaining"]);
        assert!(matches!(
            start_task(&done.text, "a", day, true),
            Err(EditError::Closed {
                status: Status::Done,
                ..
            })
        ));
        assert!(matches!(
            finish_task(&done.text, "a", day, false),
            Err(EditError::AlreadyDone { .. })
        ));
        // A task done without being started stays without `started`.
        let quick = finish_task(PLAN, "b", day, false).unwrap();
        assert_eq!(
            quick.text,
            format!("{PLAN}  status = \"done\"\n  finished = 2026-10-05\n")
        );
        let cancelled = PLAN.replace("\"todo\"", "\"annulé\"");
        assert!(matches!(
            finish_task(&cancelled, "a", day, false),
            Err(EditError::Closed {
                status: Status::Cancelled,
                ..
            })
        ));
    }

    /// The lines of `a` and of `b` between their common first and last lines.
    fn changed_lines<'t>(a: &'t str, b: &'t str) -> (Vec<&'t str>, Vec<&'t str>) {
        let a: Vec<&str> = a.split('\n').collect();
        let b: Vec<&str> = b.split('\n').collect();
        let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let tail = a[head..]
            .iter()
            .rev()
            .zip(b[head..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        (
            a[head..a.len() - tail].to_vec(),
            b[head..b.len() - tail].to_vec(),
        )
    }

    /// Every plan the project ships can be edited without touching the rest.
    #[test]
    fn shipped_plans_keep_their_layout() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut seen = 0;
        for dir in ["examples", "crates/templates/builtin"] {
            for entry in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "toml") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let doc: DocumentMut = text.parse().unwrap();
                let Some(Item::ArrayOfTables(tasks)) = doc.get("task") else {
                    continue;
                };
                let id = tasks.iter().last().unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string();
                let e = set(&text, &id, &["notes=checked"]).unwrap();
                let (old, new) = changed_lines(&text, &e.text);
                assert!(old.len() <= 1, "{}: {old:?}", path.display());
                assert_eq!(new, ["notes = \"checked\""], "{}", path.display());
                seen += 1;
            }
        }
        assert!(seen > 10);
    }
}

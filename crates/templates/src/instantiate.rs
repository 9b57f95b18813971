//! A template to a plan file: the deadline written in, roles turned into
//! people, everything else (comments included) as the template has it.

use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_formats::plan_file::{is_valid_id, suggest_id};
use retroplan_formats::{has_errors, read_plan};
use toml_edit::{DocumentMut, Item, TableLike, Value};

use crate::catalog::Template;
use crate::document::{each_table, replace_value, string_of};
use crate::error::TemplateError;

/// `--assign ROLE=PERSON`: who plays a role of the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assignment {
    /// A role id, or a role's title in any case.
    pub role: String,
    /// A person's name ("Léa Martin") or id ("lea").
    pub person: String,
}

impl Assignment {
    pub fn parse(text: &str) -> Result<Assignment, TemplateError> {
        match text.split_once('=') {
            Some((role, person)) if !role.trim().is_empty() && !person.trim().is_empty() => {
                Ok(Assignment {
                    role: role.trim().to_string(),
                    person: person.trim().to_string(),
                })
            }
            _ => Err(TemplateError::BadAssignment {
                text: text.to_string(),
            }),
        }
    }
}

/// The plan file `template` becomes for `deadline`, with `assignments`
/// applied. Nothing is half-done: an unknown role is an error, and the
/// result is read back as a plan before it is returned.
pub fn instantiate(
    template: &Template,
    deadline: Date,
    assignments: &[Assignment],
) -> Result<String, TemplateError> {
    let invalid = |why: String| TemplateError::NotATemplate {
        what: format!("template \"{}\"", template.id),
        why,
    };
    let mut doc: DocumentMut = template
        .text
        .parse()
        .map_err(|e: toml_edit::TomlError| invalid(e.message().to_string()))?;
    doc.remove("template");
    doc.remove("today");
    let mut value = Value::from(
        deadline
            .to_string()
            .parse::<toml_edit::Datetime>()
            .map_err(|e| invalid(e.to_string()))?,
    );
    let comment = match template.lang {
        Lang::Fr => "  # Jour J",
        Lang::En => "  # D-day",
    };
    value.decor_mut().set_suffix(comment);
    doc.insert("deadline", Item::Value(value));
    doc.as_table_mut()
        .sort_values_by(|a, _, b, _| root_rank(a.get()).cmp(&root_rank(b.get())));

    let roles = template.roles();
    let mut renames: Vec<(String, String, String)> = Vec::new(); // role id, person id, name
    for a in assignments {
        let wanted = a.role.to_lowercase();
        let Some((role_id, _)) = roles.iter().find(|(id, _)| *id == a.role).or_else(|| {
            roles
                .iter()
                .find(|(id, title)| id.to_lowercase() == wanted || title.to_lowercase() == wanted)
        }) else {
            return Err(TemplateError::UnknownRole {
                template: template.id.clone(),
                role: a.role.clone(),
                roles,
            });
        };
        let person_id = if is_valid_id(&a.person) {
            a.person.clone()
        } else {
            suggest_id(&a.person)
        };
        renames.retain(|(r, _, _)| r != role_id);
        renames.push((role_id.clone(), person_id, a.person.clone()));
    }
    if !renames.is_empty() {
        assign(&mut doc, &renames);
    }

    let text = doc.to_string();
    let read = read_plan(&text);
    if has_errors(&read.diagnostics) {
        return Err(TemplateError::Invalid {
            what: format!("the plan made from template \"{}\"", template.id),
            text,
            diagnostics: read.diagnostics,
        });
    }
    Ok(text)
}

/// The order of the plan's own keys at the top of the file.
fn root_rank(key: &str) -> u8 {
    match key {
        "name" => 0,
        "deadline" => 1,
        "today" => 2,
        "lang" => 3,
        "description" => 4,
        _ => 5,
    }
}

/// Renames role ids to people everywhere a person is named; two roles given
/// to one person become one person holding both roles.
fn assign(doc: &mut DocumentMut, renames: &[(String, String, String)]) {
    let new_id = |old: &str| {
        renames
            .iter()
            .find(|(r, _, _)| r == old)
            .map(|(_, id, _)| id.clone())
    };
    // People: rename, and remember which entries repeat an earlier one.
    let mut seen: Vec<String> = Vec::new();
    let mut drop: Vec<usize> = Vec::new();
    let mut merged_roles: Vec<(String, String)> = Vec::new(); // person id, extra role
    let mut index = 0;
    each_table(doc, "person", |p| {
        if let Some(old) = string_of(p, "id")
            && let Some((_, id, name)) = renames.iter().find(|(r, _, _)| *r == old)
        {
            if seen.contains(id) {
                drop.push(index);
                if let Some(role) = string_of(p, "role").or_else(|| string_of(p, "name")) {
                    merged_roles.push((id.clone(), role));
                }
            } else {
                set_string(p, "id", id);
                set_string(p, "name", name);
                seen.push(id.clone());
            }
        }
        index += 1;
    });
    match doc.get_mut("person") {
        Some(Item::ArrayOfTables(tables)) => {
            for &i in drop.iter().rev() {
                tables.remove(i);
            }
        }
        Some(Item::Value(Value::Array(items))) => {
            for &i in drop.iter().rev() {
                items.remove(i);
            }
        }
        _ => {}
    }
    each_table(doc, "person", |p| {
        let Some(id) = string_of(p, "id") else { return };
        for (_, role) in merged_roles.iter().filter(|(who, _)| *who == id) {
            let joined = match string_of(p, "role") {
                Some(r) => format!("{r}, {role}"),
                None => role.clone(),
            };
            set_string(p, "role", &joined);
        }
    });
    // Everyone who names a person: one id, or a list of them (attendees,
    // the RACI of a task), where two roles given to one person become one.
    for (key, fields) in [
        (
            "task",
            &["owner", "reviewer", "responsible", "consulted", "informed"][..],
        ),
        ("meeting", &["owner", "attendees"][..]),
    ] {
        each_table(doc, key, |t| {
            for field in fields {
                rename_people(t, field, &new_id);
            }
        });
    }
}

/// Renames the person id, or each id of the list, that `field` holds.
fn rename_people(table: &mut dyn TableLike, field: &str, new_id: &dyn Fn(&str) -> Option<String>) {
    if let Some(id) = string_of(table, field).and_then(|old| new_id(&old)) {
        set_string(table, field, &id);
        return;
    }
    let Some(list) = table.get_mut(field).and_then(|a| a.as_array_mut()) else {
        return;
    };
    let mut names: Vec<String> = Vec::new();
    for v in list.iter() {
        if let Some(s) = v.as_str() {
            let s = new_id(s).unwrap_or_else(|| s.to_string());
            if !names.contains(&s) {
                names.push(s);
            }
        }
    }
    let decor = list.decor().clone();
    list.clear();
    for n in names {
        list.push(n);
    }
    *list.decor_mut() = decor;
}

fn set_string(table: &mut dyn TableLike, key: &str, value: &str) {
    match table.get_mut(key) {
        Some(item) => replace_value(item, value),
        None => {
            table.insert(key, Item::Value(Value::from(value)));
        }
    }
}

//! Walking a plan document with toml_edit: the tables of `[[person]]`,
//! `[[task]]` and `[[meeting]]`, whether written as tables or inline.

use toml_edit::{DocumentMut, Item, TableLike, Value};

/// Calls `f` on each table of the array `key` (`[[key]]` or `key = [{...}]`).
pub(crate) fn each_table(doc: &mut DocumentMut, key: &str, mut f: impl FnMut(&mut dyn TableLike)) {
    match doc.get_mut(key) {
        Some(Item::ArrayOfTables(tables)) => {
            for t in tables.iter_mut() {
                f(t);
            }
        }
        Some(Item::Value(Value::Array(items))) => {
            for v in items.iter_mut() {
                if let Some(t) = v.as_inline_table_mut() {
                    f(t);
                }
            }
        }
        _ => {}
    }
}

/// The string at `key` of a table, if it is one.
pub(crate) fn string_of(table: &dyn TableLike, key: &str) -> Option<String> {
    table.get(key)?.as_str().map(str::to_string)
}

/// Replaces a value, keeping the comments around it.
pub(crate) fn replace_value(item: &mut Item, new: impl Into<Value>) {
    let mut new = new.into();
    if let Some(old) = item.as_value() {
        *new.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(new);
}

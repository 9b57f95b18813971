//! Reading typed values out of one TOML table, with a diagnostic for every
//! wrong type, impossible date and unknown key (with the closest known key).

use std::ops::Range;

use jiff::civil::Date;
use retroplan_engine::relative::{RelativeDate, When};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::Diagnostic;

pub(crate) type Value<'i> = Spanned<DeValue<'i>>;

/// A table being read: spans are shifted by `offset` (the table may come from
/// a section parsed on its own) and every key read is remembered, so that
/// [`Fields::finish`] can report the others as unknown.
pub(crate) struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    offset: usize,
    /// "task", "calendar", ...: used in messages.
    pub what: &'static str,
    known: &'static [&'static str],
    pub diagnostics: Vec<Diagnostic>,
}

impl<'t, 'i> Fields<'t, 'i> {
    pub fn new(
        table: &'t DeTable<'i>,
        offset: usize,
        what: &'static str,
        known: &'static [&'static str],
    ) -> Self {
        Fields {
            table,
            offset,
            what,
            known,
            diagnostics: Vec::new(),
        }
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    pub fn span(&self, value: &Value<'_>) -> Range<usize> {
        let s = value.span();
        s.start + self.offset..s.end + self.offset
    }

    pub fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table.get(key)
    }

    pub fn error(&mut self, d: Diagnostic) {
        self.diagnostics.push(d);
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &str) {
        let span = self.span(value);
        self.error(Diagnostic::error(
            "wrong-type",
            span,
            format!(
                "`{key}` in {} must be {expected}, not {}",
                self.what,
                describe(value.get_ref())
            ),
        ));
    }

    pub fn string(&mut self, key: &str) -> Option<(String, Range<usize>)> {
        self.borrowed_string(key)
            .map(|(s, span)| (s.into_owned(), span))
    }

    /// Like [`Fields::string`], borrowing from the file when the string has no escapes.
    pub fn borrowed_string(
        &mut self,
        key: &str,
    ) -> Option<(std::borrow::Cow<'i, str>, Range<usize>)> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some((s.clone(), self.span(value))),
            _ => {
                self.wrong_type(key, value, "a string in quotes");
                None
            }
        }
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.wrong_type(key, value, "true or false");
                None
            }
        }
    }

    /// A whole number within `range`.
    pub fn integer(&mut self, key: &str, range: Range<i64>, meaning: &str) -> Option<i64> {
        let value = self.get(key)?;
        self.integer_value(key, value, range, meaning)
    }

    pub fn integer_value(
        &mut self,
        key: &str,
        value: &Value<'_>,
        range: Range<i64>,
        meaning: &str,
    ) -> Option<i64> {
        let span = self.span(value);
        let n = match value.get_ref() {
            DeValue::Integer(i) => {
                match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
                    Ok(n) => n,
                    Err(_) => {
                        self.error(Diagnostic::error(
                            "out-of-range",
                            span,
                            format!("`{key}` is too large"),
                        ));
                        return None;
                    }
                }
            }
            DeValue::Float(f) => {
                let text = f.as_str();
                self.error(
                    Diagnostic::error(
                        "wrong-type",
                        span,
                        format!("`{key}` in {} must be {meaning}, not {text}", self.what),
                    )
                    .with_hint("use a whole number"),
                );
                return None;
            }
            _ => {
                self.wrong_type(key, value, meaning);
                return None;
            }
        };
        if n < 0 && range.start >= 0 {
            self.error(
                Diagnostic::error(
                    "negative",
                    span,
                    format!("`{key}` cannot be negative ({n})"),
                )
                .with_hint(format!("`{key}` is {meaning}")),
            );
            return None;
        }
        if !range.contains(&n) {
            self.error(Diagnostic::error(
                "out-of-range",
                span,
                format!(
                    "`{key}` = {n} is out of range: expected {} to {}",
                    range.start,
                    range.end - 1
                ),
            ));
            return None;
        }
        Some(n)
    }

    /// A number (whole or decimal), finite: `inf`, `nan` and a whole
    /// number past 64 bits are refused here, with their place, so that no
    /// caller can drop them without a word.
    pub fn number_value(&mut self, key: &str, value: &Value<'_>) -> Option<f64> {
        let n = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                .ok()
                .map(|n| n as f64),
            DeValue::Float(f) => f
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite()),
            _ => {
                self.wrong_type(key, value, "a number");
                return None;
            }
        };
        if n.is_none() {
            let span = self.span(value);
            self.error(
                Diagnostic::error(
                    "out-of-range",
                    span,
                    format!("`{key}` needs a finite number of reasonable size"),
                )
                .with_hint("write a plain number, such as 3 or 2.5"),
            );
        }
        n
    }

    pub fn date(&mut self, key: &str) -> Option<(Date, Range<usize>)> {
        let value = self.get(key)?;
        let date = self.date_value(key, value)?;
        Some((date, self.span(value)))
    }

    /// A TOML date (`2026-11-27`) or a string holding one (`"2026-11-27"`, `"27/11/2026"`).
    pub fn date_value(&mut self, key: &str, value: &Value<'_>) -> Option<Date> {
        let span = self.span(value);
        match value.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => {
                    self.checked_date(key, span, i64::from(d.year), d.month.into(), d.day.into())
                }
                _ => {
                    self.error(
                        Diagnostic::error(
                            "not-a-date",
                            span,
                            format!("`{key}` must be a date without a time"),
                        )
                        .with_hint("write it as YYYY-MM-DD, e.g. 2026-11-27"),
                    );
                    None
                }
            },
            DeValue::String(s) => match parse_date_text(s) {
                Some((y, m, d)) => self.checked_date(key, span, y, m, d),
                None => {
                    self.error(
                        Diagnostic::error(
                            "not-a-date",
                            span,
                            format!("`{key}` = \"{s}\" is not a date"),
                        )
                        .with_hint("write it as YYYY-MM-DD, e.g. 2026-11-27"),
                    );
                    None
                }
            },
            _ => {
                self.wrong_type(key, value, "a date (YYYY-MM-DD)");
                None
            }
        }
    }

    fn checked_date(
        &mut self,
        key: &str,
        span: Range<usize>,
        y: i64,
        m: i64,
        d: i64,
    ) -> Option<Date> {
        let made = i16::try_from(y)
            .ok()
            .zip(i8::try_from(m).ok())
            .zip(i8::try_from(d).ok())
            .and_then(|((y, m), d)| Date::new(y, m, d).ok());
        if made.is_none() {
            let why = if (1..=12).contains(&m) {
                let days_in_month = Date::new(y.clamp(-9999, 9999) as i16, m as i8, 1)
                    .map(|first| first.days_in_month())
                    .unwrap_or(31);
                format!("{y:04}-{m:02} has {days_in_month} days")
            } else {
                "months go from 01 to 12".to_string()
            };
            self.error(
                Diagnostic::error(
                    "no-such-date",
                    span,
                    format!("`{key}`: {y:04}-{m:02}-{d:02} does not exist"),
                )
                .with_hint(why),
            );
        }
        made
    }

    /// A date or a label relative to the deadline (`"J-10"`, `"S-6"`, `"M-3"`).
    pub fn when(&mut self, key: &str) -> Option<(When, Range<usize>)> {
        let value = self.get(key)?;
        let span = self.span(value);
        self.when_value(key, value).map(|w| (w, span))
    }

    /// One value read as a date or a label.
    pub fn when_value(&mut self, key: &str, value: &Value<'_>) -> Option<When> {
        let span = self.span(value);
        if let DeValue::String(s) = value.get_ref()
            && parse_date_text(s).is_none()
        {
            return match RelativeDate::parse(s) {
                Ok(r) => Some(When::Relative(r)),
                Err(e) => {
                    self.error(
                        Diagnostic::error("bad-label", span, format!("`{key}`: {e}"))
                            .with_hint("a date such as 2026-12-18, or a label: J-10 (10 days before the deadline), S-6 (weeks), M-3 (months), J+4 (after)"),
                    );
                    None
                }
            };
        }
        self.date_value(key, value).map(When::Date)
    }

    /// A date, or a label resolved against the deadline (`None` when there is
    /// no deadline: that is reported once, on the plan).
    pub fn dated_value(
        &mut self,
        key: &str,
        value: &Value<'_>,
        deadline: Option<Date>,
    ) -> Option<Date> {
        let span = self.span(value);
        match self.when_value(key, value)? {
            When::Date(d) => Some(d),
            When::Relative(r) => {
                let d = r.resolve(deadline?);
                if d.is_none() {
                    self.error(Diagnostic::error(
                        "out-of-range",
                        span,
                        format!("`{key}`: {r} falls outside the years 1 to 9999"),
                    ));
                }
                d
            }
        }
    }

    /// The table's `id`, reported when missing or not `[a-z0-9_-]+`;
    /// `what` is the kind of thing ("person"), `place` where to point when
    /// it is missing.
    pub fn id(
        &mut self,
        what: &str,
        place: &Range<usize>,
        missing_hint: &str,
    ) -> Option<(String, Range<usize>)> {
        let id = self.string("id");
        match &id {
            Some((id, s)) if !crate::plan_file::is_valid_id(id) => self.error(
                Diagnostic::error(
                    "bad-id",
                    s.clone(),
                    format!("{what} id \"{id}\" is not valid"),
                )
                .with_hint(format!(
                    "ids use lowercase letters, digits, `-` and `_`: try \"{}\"",
                    crate::plan_file::suggest_id(id)
                )),
            ),
            None if self.get("id").is_none() => self.error(
                Diagnostic::error("missing-id", place.clone(), format!("a {what} has no `id`"))
                    .with_hint(missing_hint.to_string()),
            ),
            _ => {}
        }
        id
    }

    /// The tables of the array `key` (`[[key]]`) with their spans; an item
    /// that is not a table is reported and left out.
    pub fn tables(&mut self, key: &str) -> Vec<(Range<usize>, &'t DeTable<'i>)> {
        let Some(items) = self.array(key) else {
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items {
            let span = self.span(item);
            match item.get_ref() {
                DeValue::Table(table) => tables.push((span, table)),
                _ => self.error(Diagnostic::error(
                    "wrong-type",
                    span,
                    format!("each [[{key}]] must be a table"),
                )),
            }
        }
        tables
    }

    pub fn array(&mut self, key: &str) -> Option<&'t [Value<'i>]> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::Array(a) => Some(a),
            _ => {
                self.wrong_type(key, value, "an array `[...]`");
                None
            }
        }
    }

    /// Reports every key not in the known list, with the closest known one.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if self.known.contains(&name) {
                continue;
            }
            let s = key.span();
            let span = s.start + self.offset..s.end + self.offset;
            let d = Diagnostic::error(
                "unknown-key",
                span,
                format!("unknown key `{name}` in {}", self.what),
            );
            let root_key = crate::plan_file::root::ROOT_KEYS.contains(&name)
                && !self.known.contains(&"deadline");
            let d = match closest(name, self.known) {
                _ if root_key => d.with_hint(format!(
                    "`{name}` is a key of the plan itself: in TOML, keys after a [table] header belong to that table, so move `{name}` above the first [table]"
                )),
                Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                None => d.with_hint(format!("known keys: {}", self.known.join(", "))),
            };
            self.diagnostics.push(d);
        }
        self.diagnostics
    }
}

/// The known word closest to `word`, if it is close enough to be a typo.
pub(crate) fn closest<'k>(word: &str, known: &[&'k str]) -> Option<&'k str> {
    let lower = word.to_lowercase();
    known
        .iter()
        .map(|k| (k, strsim::jaro_winkler(&lower, k)))
        .filter(|(k, score)| *score >= 0.8 || strsim::levenshtein(&lower, k) <= 2.min(k.len() / 2))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| *k)
}

/// `YYYY-MM-DD` or `DD/MM/YYYY` (the French way), as numbers not yet checked.
pub(crate) fn parse_date_text(s: &str) -> Option<(i64, i64, i64)> {
    let s = s.trim();
    let nums = |parts: Vec<&str>| -> Option<Vec<i64>> {
        parts
            .iter()
            .map(|p| {
                (!p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect()
    };
    if s.len() >= 8 && s.as_bytes().get(4) == Some(&b'-') {
        let n = nums(s.split('-').collect())?;
        (n.len() == 3 && s[..4].bytes().all(|b| b.is_ascii_digit())).then(|| (n[0], n[1], n[2]))
    } else if s.contains('/') {
        let n = nums(s.split('/').collect())?;
        (n.len() == 3 && n[2] >= 1000).then(|| (n[2], n[1], n[0]))
    } else {
        None
    }
}

pub(crate) fn describe(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(s) => format!("the string \"{s}\""),
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(f) => format!("the number {}", f.as_str()),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "an array".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let known = ["title", "days", "after", "owner"];
        assert_eq!(closest("titel", &known), Some("title"));
        assert_eq!(closest("Days", &known), Some("days"));
        assert_eq!(closest("afetr", &known), Some("after"));
        assert_eq!(closest("colour", &known), None);
    }

    #[test]
    fn reads_french_and_iso_dates() {
        assert_eq!(parse_date_text("2026-11-27"), Some((2026, 11, 27)));
        assert_eq!(parse_date_text("27/11/2026"), Some((2026, 11, 27)));
        assert_eq!(parse_date_text("J-10"), None);
        assert_eq!(parse_date_text("11/27"), None);
    }
}

//! The fast path for task tables in the plain shape most files use.
//!
//! A large plan is a long run of `[[task]]` tables of a few `key = value`
//! lines: strings, whole numbers, and an `after` list. Building `toml`'s
//! spanned tree for each (a map, a boxed value and a string per key) was
//! most of the time of reading a 100,000-task plan, and even `toml_parser`'s
//! lexer alone cost about 3,800 instructions per task (callgrind), three
//! times what reading the task takes here. So a table of that shape is read
//! here, byte by byte, straight into the task. Strings with escapes are
//! still decoded by `toml_parser`, so TOML's escapes stay the crate's.
//!
//! The rule that keeps this safe: this path accepts only a table that the
//! full reader ([`super::task::read_task`]) reads without a single
//! diagnostic, and then it produces the same task with the same spans.
//! Anything else (another key, a float, a dotted or quoted key, a
//! sub-table, a duplicate key, a bad id, an unknown status, a control
//! character...) gives `None` and the table goes through `toml` and the
//! full reader, which own every message. Tests compare both paths on random
//! tables.

use std::borrow::Cow;
use std::ops::Range;

use jiff::civil::Date;
use retroplan_engine::plan::{Duration, LinkKind, Status, Task};
use retroplan_engine::relative::{RelativeDate, When};
use toml_parser::decoder::Encoding;
use toml_parser::{Raw, Span};

use super::fields::parse_date_text;
use super::task::{MOST_DAYS, RawLink, RawTask, is_valid_id, narrow};

/// Reads `unit` (one `[[task]]` table; `offset` is where it starts in the
/// file) when it has the plain shape and no mistake; `None` sends it to the
/// full reader.
pub(crate) fn read_plain_task(unit: &str, offset: usize) -> Option<RawTask<'_>> {
    let mut cursor = Cursor {
        text: unit,
        bytes: unit.as_bytes(),
        at: 0,
        offset,
    };
    cursor.blank_lines()?;
    cursor.literal(b"[[task]]")?;
    cursor.end_of_line()?;
    let mut keys = Keys::default();
    loop {
        cursor.spaces();
        match cursor.peek() {
            None => break,
            Some(b'\n' | b'\r' | b'#') => cursor.end_of_line()?,
            Some(_) => {
                let key = Key::parse(cursor.bare_key())?;
                cursor.spaces();
                cursor.literal(b"=")?;
                cursor.spaces();
                keys.read(key, &mut cursor)?;
                cursor.end_of_line()?;
            }
        }
    }
    keys.into_task()
}

/// The keys this path reads: the others are rarer and go the full way.
#[derive(Clone, Copy)]
enum Key {
    Id,
    Title,
    Owner,
    Days,
    After,
    Due,
    On,
    Phase,
    Channel,
    Status,
    Notes,
}

impl Key {
    fn parse(text: &str) -> Option<Key> {
        Some(match text {
            "id" => Key::Id,
            "title" => Key::Title,
            "owner" => Key::Owner,
            "days" => Key::Days,
            "after" => Key::After,
            "due" => Key::Due,
            "on" => Key::On,
            "phase" => Key::Phase,
            "channel" => Key::Channel,
            "status" => Key::Status,
            "notes" => Key::Notes,
            _ => return None,
        })
    }
}

/// A value and its span in the file.
type Spanned<T> = (T, Range<usize>);

#[derive(Default)]
struct Keys<'i> {
    id: Option<Spanned<Cow<'i, str>>>,
    title: Option<Cow<'i, str>>,
    owner: Option<Cow<'i, str>>,
    days: Option<u32>,
    after: Option<Vec<RawLink<'i>>>,
    due: Option<When>,
    on: Option<Spanned<When>>,
    phase: Option<Cow<'i, str>>,
    channel: Option<Cow<'i, str>>,
    status: Option<Status>,
    notes: Option<Cow<'i, str>>,
}

impl<'i> Keys<'i> {
    /// Reads the value of `key`; `None` on a second occurrence (a TOML
    /// error) or a value the full reader would complain about.
    fn read(&mut self, key: Key, tokens: &mut Cursor<'i>) -> Option<()> {
        fn once<T>(slot: &mut Option<T>, value: T) -> Option<()> {
            slot.is_none().then(|| *slot = Some(value))
        }
        match key {
            Key::Id => {
                let (id, span) = tokens.string()?;
                if !is_valid_id(&id) {
                    return None;
                }
                once(&mut self.id, (id, span))
            }
            Key::Title => once(&mut self.title, tokens.string()?.0),
            Key::Owner => {
                // An empty owner is an error of the full reader.
                let owner = tokens.string()?.0;
                if owner.trim().is_empty() {
                    return None;
                }
                once(&mut self.owner, owner)
            }
            Key::Phase => once(&mut self.phase, tokens.string()?.0),
            Key::Channel => once(&mut self.channel, tokens.string()?.0),
            Key::Notes => once(&mut self.notes, tokens.string()?.0),
            Key::Status => {
                let status = Status::parse(&tokens.string()?.0)?;
                once(&mut self.status, status)
            }
            Key::Days => {
                let days = tokens.integer()?;
                if !(0..=MOST_DAYS).contains(&days) {
                    return None;
                }
                once(&mut self.days, days as u32)
            }
            Key::Due => once(&mut self.due, tokens.when()?.0),
            Key::On => once(&mut self.on, tokens.when()?),
            Key::After => {
                let links = tokens.links()?;
                once(&mut self.after, links)
            }
        }
    }

    /// The task, as [`super::task::read_task`] builds it.
    fn into_task(self) -> Option<RawTask<'i>> {
        let (id, id_span) = self.id?;
        let days = self.days?;
        let id = id.into_owned();
        Some(RawTask {
            task: Task {
                title: self.title.map_or_else(|| id.clone(), Cow::into_owned),
                id,
                owner: self.owner.map(Cow::into_owned),
                duration: Duration::Days(days),
                after: Vec::new(),
                due: self.due,
                on: self.on.as_ref().map(|(w, _)| *w),
                phase: self.phase.map(Cow::into_owned),
                channel: self.channel.map(Cow::into_owned),
                status: self.status.unwrap_or(Status::Todo),
                workdays: None,
                work_on_holidays: false,
                notes: self.notes.map(Cow::into_owned),
                priority: 0,
                raci: None,
                progress: None,
                margin: 0,
            },
            links: self.after.unwrap_or_default(),
            id_span: narrow(&id_span),
            on_span: self.on.map(|(_, s)| narrow(&s)),
            workdays_span: None,
            reviews: None,
            raci_spans: None,
        })
    }
}

/// A position in one table's text, with the pieces of the plain grammar.
struct Cursor<'i> {
    text: &'i str,
    bytes: &'i [u8],
    at: usize,
    /// Where the table starts in the file, for spans.
    offset: usize,
}

impl<'i> Cursor<'i> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn span(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }

    fn literal(&mut self, expected: &[u8]) -> Option<()> {
        self.bytes[self.at..]
            .starts_with(expected)
            .then(|| self.at += expected.len())
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// An optional comment, then a newline or the end of the text.
    fn end_of_line(&mut self) -> Option<()> {
        self.spaces();
        if self.peek() == Some(b'#') {
            let mut end = self.bytes[self.at..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(self.bytes.len(), |p| self.at + p);
            if end > self.at && self.bytes[end - 1] == b'\r' {
                end -= 1;
            }
            // TOML allows no control character but tab in a comment.
            if !self.bytes[self.at + 1..end].iter().all(|&b| allowed(b)) {
                return None;
            }
            self.at = end;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(())
            }
            _ => None,
        }
    }

    /// Empty and comment lines (inside arrays too).
    fn blank_lines(&mut self) -> Option<()> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'\n' | b'\r' | b'#') => self.end_of_line()?,
                _ => return Some(()),
            }
        }
    }

    /// The text of a bare key (`[A-Za-z0-9_-]+`), empty when there is none.
    fn bare_key(&mut self) -> &'i str {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.at += 1;
        }
        &self.text[start..self.at]
    }

    /// A one-line string, basic or literal, borrowed when it has no escapes.
    fn string(&mut self) -> Option<Spanned<Cow<'i, str>>> {
        let start = self.at;
        let quote = self.peek().filter(|&q| q == b'"' || q == b'\'')?;
        let mut escapes = false;
        let mut i = start + 1;
        loop {
            match *self.bytes.get(i)? {
                b if b == quote => break,
                b'\\' if quote == b'"' => {
                    escapes = true;
                    i += 2;
                }
                b if allowed(b) => i += 1,
                _ => return None,
            }
        }
        let end = i + 1;
        // `""` followed by `"` opens a multi-line string: the full way.
        if end == start + 2 && self.bytes.get(end) == Some(&quote) {
            return None;
        }
        self.at = end;
        let inner = &self.text[start + 1..end - 1];
        let value = if escapes {
            let raw = Raw::new_unchecked(
                &self.text[start..end],
                Some(Encoding::BasicString),
                Span::new_unchecked(start, end),
            );
            let mut value = Cow::Borrowed("");
            let mut error = None;
            let _ = raw.decode_scalar(&mut value, &mut error);
            if error.is_some() {
                return None;
            }
            value
        } else {
            Cow::Borrowed(inner)
        };
        Some((value, self.span(start..end)))
    }

    /// The end of a value: what may follow it on its line or in a list.
    fn at_delimiter(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#' | b',' | b']' | b'}')
        )
    }

    /// A whole number written with digits only (and a sign), the form
    /// plans use; TOML's others (`1_000`, `0x10`) go the full way.
    fn integer(&mut self) -> Option<i64> {
        let start = self.at;
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.at += 1;
        }
        let digits = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        let count = self.at - digits;
        let plain = (1..=9).contains(&count)
            && (count == 1 || self.bytes[digits] != b'0')
            && self.at_delimiter();
        plain.then(|| self.text[start..self.at].parse().ok())?
    }

    /// `due` or `on`: a string holding a date or a label, or a bare
    /// `YYYY-MM-DD`.
    fn when(&mut self) -> Option<Spanned<When>> {
        if matches!(self.peek(), Some(b'"' | b'\'')) {
            let (text, span) = self.string()?;
            let when = match parse_date_text(&text) {
                Some(ymd) => When::Date(date(ymd)?),
                None => When::Relative(RelativeDate::parse(&text).ok()?),
            };
            return Some((when, span));
        }
        let start = self.at;
        let text = self.text.get(start..start + 10)?;
        let bytes = text.as_bytes();
        let shape = bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape {
            return None;
        }
        self.at += 10;
        if !self.at_delimiter() {
            return None;
        }
        let d = date(parse_date_text(text)?)?;
        Some((When::Date(d), self.span(start..self.at)))
    }

    /// `after`: one id, or a list of ids and `{ task, type, lag }` tables.
    fn links(&mut self) -> Option<Vec<RawLink<'i>>> {
        match self.peek()? {
            b'"' | b'\'' => Some(vec![self.plain_link()?]),
            b'{' => Some(vec![self.table_link()?]),
            b'[' => {
                self.at += 1;
                let mut links = Vec::new();
                loop {
                    self.blank_lines()?;
                    match self.peek()? {
                        b']' => break,
                        b'"' | b'\'' => links.push(self.plain_link()?),
                        b'{' => links.push(self.table_link()?),
                        _ => return None,
                    }
                    self.blank_lines()?;
                    match self.peek()? {
                        b',' => self.at += 1,
                        b']' => break,
                        _ => return None,
                    }
                }
                self.at += 1;
                Some(links)
            }
            _ => None,
        }
    }

    fn plain_link(&mut self) -> Option<RawLink<'i>> {
        let (id, span) = self.string()?;
        Some(RawLink {
            id,
            span: narrow(&span),
            kind: LinkKind::FinishToStart,
            lag: 0,
        })
    }

    /// `{ task = "brief", type = "SS", lag = 2 }` on one line, no trailing
    /// comma (TOML 1.1 allows more; the full reader takes it).
    fn table_link(&mut self) -> Option<RawLink<'i>> {
        let start = self.at;
        self.at += 1;
        let mut task = None;
        let mut kind = None;
        let mut lag = None;
        loop {
            self.spaces();
            let key = self.bare_key();
            self.spaces();
            self.literal(b"=")?;
            self.spaces();
            let fresh = match key {
                "task" => task.replace(self.string()?.0).is_none(),
                "type" => {
                    let code = LinkKind::parse(&self.string()?.0)?;
                    kind.replace(code).is_none()
                }
                "lag" => {
                    let n = self.integer()?;
                    if !(-MOST_DAYS..=MOST_DAYS).contains(&n) {
                        return None;
                    }
                    lag.replace(n as i32).is_none()
                }
                _ => false,
            };
            if !fresh {
                return None;
            }
            self.spaces();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(RawLink {
            id: task?,
            span: narrow(&self.span(start..self.at)),
            kind: kind.unwrap_or(LinkKind::FinishToStart),
            lag: lag.unwrap_or(0),
        })
    }
}

/// A byte TOML allows in a one-line string or a comment: no control
/// character but tab (bytes of UTF-8 sequences are all above 0x7F).
fn allowed(b: u8) -> bool {
    (b >= 0x20 && b != 0x7f) || b == b'\t'
}

fn date((y, m, d): (i64, i64, i64)) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan_file::read_task_value;
    use proptest::prelude::*;
    use retroplan_engine::Lang;
    use toml::de::DeTable;

    /// The full reader on one table: its tasks and diagnostics.
    fn full(unit: &str, offset: usize) -> (Vec<RawTask<'_>>, usize) {
        let (doc, errors) = DeTable::parse_recoverable(unit);
        let mut tasks = Vec::new();
        let mut diagnostics = Vec::new();
        if let Some(value) = doc.get_ref().get("task") {
            read_task_value(value, offset, Lang::Fr, &mut tasks, &mut diagnostics);
        }
        (tasks, errors.len() + diagnostics.len())
    }

    /// Taken by the fast path, and read exactly as the full reader reads it.
    fn assert_plain(unit: &str) {
        let fast = read_plain_task(unit, 7).unwrap_or_else(|| panic!("not plain:\n{unit}"));
        let (tasks, problems) = full(unit, 7);
        assert_eq!(problems, 0, "{unit}");
        assert_eq!(tasks, vec![fast], "{unit}");
    }

    #[test]
    fn the_usual_tables_take_the_fast_path() {
        for unit in [
            "[[task]]\nid = \"t0\"\ntitle = \"Tester la newsletter\"\ndays = 1\nowner = \"Claire\"\nphase = \"Validation\"\n\n",
            "[[task]]\nid = \"t3\"\ndays = 1\nafter = [{ task = \"t1\", type = \"SF\", lag = 5 }]\n",
            "[[task]]\nid = \"t4\"\ndays = 2\nafter = [\"t5\", \"t1\", { task = \"t4\", type = \"SF\", lag = -2 }]\n",
            "[[task]] # header comment\r\nid = 't5' # literal\r\ndays = 0\r\nafter = [\n  \"a\", # first\n  'b',\n]\r\n",
            "[[task]]\nid = \"x\"\ndays = 3\ndue = \"J-10\"\non = 2026-12-18\nstatus = \"en cours\"\nnotes = \"a \\\"quoted\\\" word\\n\"\n",
            "[[task]]\nid = \"y\"\ndays = 3\nafter = \"x\"\ndue = \"18/12/2026\"\non = \"S-2\"\nchannel = \"Site\"",
            "[[task]]\nid = \"z\"\ndays = +4\nafter = { task = \"y\", lag = +1 }\n# trailing comment\n",
        ] {
            assert_plain(unit);
        }
    }

    #[test]
    fn the_rest_goes_the_full_way() {
        for unit in [
            "[[task]]\nid = \"a\"\nestimate = [1, 2, 3]\n",
            "[[task]]\nid = \"a\"\ndays = 1\ndays = 2\n",
            "[[task]]\nid = \"A\"\ndays = 1\n",
            "[[task]]\nid = \"a\"\ndays = 1_0\n",
            "[[task]]\nid = \"a\"\ndays = 01\n",
            "[[task]]\nid = \"a\"\ndays = 1.5\n",
            "[[task]]\nid = \"a\"\ndays = -1\n",
            "[[task]]\nid = \"a\"\n",
            "[[task]]\ndays = 1\n",
            "[[task]]\nid = \"a\"\ndays = 1\nstatus = \"fini\"\n",
            "[[task]]\nid = \"a\"\ndays = 1\ndue = \"2026-02-30\"\n",
            "[[task]]\nid = \"a\"\ndays = 1\nafter = [{ task = \"b\", }]\n",
            "[[task]]\nid = \"a\"\ndays = 1\nafter = [{ task = \"b\", type = \"XX\" }]\n",
            "[[task]]\nid = \"a\"\ndays = 1\nafter = [{ task = \"b\", lag = 1.5 }]\n",
            "[[task]]\nid = \"a\"\ndays = 1\nafter = [1]\n",
            "[[task]]\nid = \"a\"\ndays = 1\nowner.name = \"x\"\n",
            "[[task]]\nid = \"a\"\ndays = 1\n\"title\" = \"quoted key\"\n",
            "[[task]]\nid = \"a\"\ndays = 1\ntitle = \"\"\"multi\"\"\"\n",
            "[[task]]\nid = \"a\"\ndays = 1\n[task.sub]\nk = 1\n",
            "[ [task] ]\nid = \"a\"\ndays = 1\n",
            "[[task]]\nid = \"a\" days = 1\n",
            "[[task]]\nid = \"a\"\ndays = 1 # bell \u{7}\n",
        ] {
            assert!(read_plain_task(unit, 0).is_none(), "taken:\n{unit}");
        }
    }

    fn select(items: &[&'static str]) -> impl Strategy<Value = String> + Clone + use<> {
        prop::sample::select(items.to_vec()).prop_map(str::to_string)
    }

    /// A dependency list, well formed or not.
    fn links(link: impl Strategy<Value = String> + Clone) -> impl Strategy<Value = String> {
        (
            prop::collection::vec((link, select(&["", " ", "\t"])), 0..4),
            any::<bool>(),
        )
            .prop_map(|(items, trailing)| {
                let mut text = "[".to_string();
                for (i, (item, sp)) in items.iter().enumerate() {
                    if i > 0 {
                        text.push(',');
                        text.push_str(if i % 2 == 0 { "\n  " } else { sp });
                    }
                    text.push_str(item);
                }
                if trailing && !items.is_empty() {
                    text.push(',');
                }
                text + "]"
            })
    }

    /// A line the fast path should take (most of the time: keys may repeat).
    fn plain_line() -> impl Strategy<Value = String> {
        let text = select(&[
            "\"Créer\"",
            "'lit\\eral'",
            "\"a \\\"b\\\"\"",
            "\"é\\u00e9\"",
            "\"\"",
        ]);
        let when = select(&[
            "\"J-10\"",
            "\"S-2\"",
            "\"M-1\"",
            "\"J+3\"",
            "\"2026-12-18\"",
            "\"18/12/2026\"",
            "2026-12-18",
        ]);
        let link = select(&[
            "\"t1\"",
            "'t2'",
            "{ task = \"t1\" }",
            "{ task = \"t1\", type = \"SS\", lag = -2 }",
            "{task=\"t2\",type=\"ff\",lag=3}",
            "{ lag = +1, task = \"x\" }",
        ]);
        prop_oneof![
            (
                select(&["title", "owner", "phase", "channel", "notes"]),
                text
            )
                .prop_map(|(k, v)| format!("{k} = {v}")),
            (select(&["due", "on"]), when).prop_map(|(k, v)| format!("{k} = {v}")),
            select(&["todo", "done", "en cours", "à valider", "Blocked"])
                .prop_map(|v| format!("status = \"{v}\"")),
            links(link).prop_map(|v| format!("after = {v}")),
        ]
    }

    /// Any line: good keys with bad values, other keys, odd syntax.
    fn any_line() -> impl Strategy<Value = String> {
        let string = select(&[
            "\"t1\"",
            "\"T1\"",
            "\"a b\"",
            "\"\\t\"",
            "\"2026-02-30\"",
            "\"fini\"",
            "\"\\q\"",
            "\"J-x\"",
            "\"a\u{7f}b\"",
            "\"\\u00e9\"",
            "'it''s'",
            "\"\"\"\"",
            "\"a\\\"",
            "\"é\\\u{1}\"",
        ]);
        let scalar = select(&[
            "0",
            "1",
            "-1",
            "+2",
            "01",
            "1_0",
            "100000",
            "100001",
            "1.5",
            "true",
            "2026-12-18",
            "2026-13-01",
            "0x10",
            "inf",
            "2026-12-18 10:00",
            "2026-12-18T10:00:00",
            "2026-12-1",
            "1e3",
            "3x",
            "-0",
            "+0",
        ]);
        let key = select(&[
            "id", "title", "owner", "days", "after", "due", "on", "status", "priority", "estimate",
            "foo", "\"id\"", "days.x",
        ]);
        let link = select(&[
            "\"t1\"",
            "{ task = \"t1\", }",
            "{ type = \"SS\" }",
            "{ task = \"t1\", lag = 1.5 }",
            "{ task = \"t1\", task = \"t2\" }",
            "{ }",
            "1",
            "{ task = \"t1\", typ = \"SS\" }",
            "{ task = \"t1\",\n type = \"SS\" }",
        ]);
        let space = select(&["", " ", "\t"]);
        let value = prop_oneof![string, scalar, links(link)];
        (key, space.clone(), space, value).prop_map(|(k, a, b, v)| format!("{k}{a}={b}{v}"))
    }

    fn table() -> impl Strategy<Value = String> {
        let line = (
            prop_oneof![6 => plain_line(), 1 => any_line()],
            prop_oneof![
                6 => Just(""),
                1 => Just(" # note"),
                1 => Just("\r"),
                1 => Just("#\u{1}"),
                1 => Just(" #\r"),
                1 => Just(" # é\t"),
            ],
        )
            .prop_map(|(l, end)| l + end);
        (
            prop_oneof![8 => Just("[[task]]"), 1 => Just("[[task]] # c"), 1 => Just("[[ task ]]"), 1 => Just("[task]")],
            prop_oneof![8 => Just("\"t1\""), 1 => Just("'t3'"), 1 => Just("\"T\"")],
            prop_oneof![8 => Just("3"), 1 => Just("0"), 1 => Just("1.5"), 1 => Just("-2")],
            prop::collection::vec(line, 0..5),
            any::<bool>(),
        )
            .prop_map(|(header, id, days, lines, blank)| {
                let mut text = format!("{header}\nid = {id}\ndays = {days}\n");
                for l in lines {
                    text.push_str(&l);
                    text.push('\n');
                    if blank {
                        text.push('\n');
                    }
                }
                text
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The rule of this module: a table taken by the fast path is one
        /// the full reader reads without a word, into the same task.
        #[test]
        fn the_fast_path_agrees_with_the_full_reader(unit in table(), offset in 0usize..100) {
            if let Some(fast) = read_plain_task(&unit, offset) {
                let (tasks, problems) = full(&unit, offset);
                prop_assert_eq!(problems, 0, "{}", unit);
                prop_assert_eq!(tasks, vec![fast], "{}", unit);
            }
        }

        #[test]
        fn never_panics(text in "\\PC{0,80}") {
            let _ = read_plain_task(&format!("[[task]]\n{text}"), 0);
        }
    }
}

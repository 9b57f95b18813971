//! Property tests: reading a plan file never panics, whatever the text, and
//! what it reports points into the text.
//!
//! Three sources of text: arbitrary unicode, a soup of ASCII and TOML
//! punctuation and plan-file words, and a valid plan (the conformance case
//! `06-link-types-and-lags.toml`) with characters, tokens and lines deleted,
//! inserted or replaced. For each text:
//! - `read_plan` returns (a panic fails the property);
//! - every diagnostic's span (and every related span) lies within the text,
//!   on character boundaries;
//! - when a plan comes out, `retroplan_engine::schedule` returns (Ok or Err),
//!   and the spans of the diagnostics made from its errors lie within the text.

use std::ops::Range;

use jiff::civil::{Date, date};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::TestCaseError;
use retroplan_formats::{engine_diagnostics, has_errors, read_plan};

/// `/work/shared/conformance/06-link-types-and-lags.toml`.
const VALID_PLAN: &str = r#"name = "06-link-types-and-lags"
deadline = 2026-09-30
today = 2026-06-01

[calendar]
country = "none"
workdays = ["mon", "tue", "wed", "thu", "fri"]
holidays = []

[[task]]
id = "a"
title = "Task a"
days = 4

[[task]]
id = "b"
title = "Task b"
days = 3
after = [{ task = "a", type = "SS", lag = 2 }]

[[task]]
id = "c"
title = "Task c"
days = 2
after = [{ task = "b", type = "FF", lag = -1 }]

[[task]]
id = "d"
title = "Task d"
days = 5
after = [{ task = "a", type = "SF", lag = 1 }]

[[task]]
id = "e"
title = "Task e"
days = 1
after = [{ task = "c", type = "FS", lag = 3 }, { task = "d", type = "FS", lag = 0 }]
"#;

fn check_span(text: &str, span: &Range<usize>, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(
        span.start <= span.end && span.end <= text.len(),
        "{}: span {:?} outside the text ({} bytes)",
        what,
        span,
        text.len()
    );
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{}: span {:?} cuts a character",
        what,
        span
    );
    Ok(())
}

fn check_diagnostics(
    text: &str,
    diagnostics: &[retroplan_formats::Diagnostic],
) -> Result<(), TestCaseError> {
    for d in diagnostics {
        let what = format!("diagnostic {} ({})", d.code, d.message);
        check_span(text, &d.span, &what)?;
        for (span, note) in &d.related {
            check_span(text, span, &format!("{what}, related \"{note}\""))?;
        }
    }
    Ok(())
}

/// Reads `text`, checks the spans, and schedules the plan if there is one.
fn check_text(text: &str, today: Date) -> Result<(), TestCaseError> {
    let read = read_plan(text);
    check_diagnostics(text, &read.diagnostics)?;
    let Some(plan) = read.plan else {
        return Ok(());
    };
    // The property asks this of plans without errors; the engine takes any
    // plan, so plans read with errors (parts left out) are scheduled too.
    let clean = !has_errors(&read.diagnostics);
    let today = plan.today.unwrap_or(today);
    if let Err(errors) = retroplan_engine::schedule(&plan, today)
        && clean
    {
        check_diagnostics(text, &engine_diagnostics(&errors, &plan, &read.spans))?;
    }
    Ok(())
}

fn arb_today() -> impl Strategy<Value = Date> {
    (0i32..=3650).prop_map(|n| {
        date(2020, 1, 1)
            .checked_add(jiff::Span::new().days(n))
            .unwrap()
    })
}

/// Pieces of plan files: TOML punctuation, keys, values, and odd characters.
fn arb_token() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "[",
        "]",
        "[[",
        "]]",
        "\"",
        "'",
        "\"\"\"",
        "'''",
        "=",
        "{",
        "}",
        ",",
        "#",
        "\n",
        "\r\n",
        " ",
        "\t",
        "\\",
        ".",
        "-",
        "+",
        ":",
        "[[task]]",
        "[calendar]",
        "[task.x]",
        "[[person]]",
        "id",
        "title",
        "days",
        "after",
        "task",
        "type",
        "lag",
        "on",
        "due",
        "deadline",
        "today",
        "workdays",
        "holidays",
        "closed",
        "from",
        "to",
        "country",
        "bridges",
        "owner",
        "estimate",
        "work_on_holidays",
        "status",
        "\"a\"",
        "\"b\"",
        "\"FS\"",
        "\"SS\"",
        "\"FF\"",
        "\"SF\"",
        "2026-09-30",
        "2026-02-30",
        "9999-12-31",
        "0000-01-01",
        "\"J+4\"",
        "\"J-45\"",
        "\"S-6\"",
        "\"M-3\"",
        "true",
        "false",
        "-1",
        "0",
        "4294967296",
        "1e400",
        "nan",
        "inf",
        "é",
        "🎉",
        "\u{0}",
        "\u{feff}",
        "\u{2028}",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed,
        1 => "[a-z_]{1,8}",
        1 => "[0-9]{1,5}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Values to put in place of a word of the plan: still TOML, often still a
/// plan, with odd meanings (unknown or self links, cycles, huge numbers,
/// dates at the ends of the range, labels).
fn arb_value() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "0",
        "1",
        "-1",
        "-3",
        "40",
        "99999",
        "2147483647",
        "2147483648",
        "-2147483649",
        "4294967296",
        "a",
        "b",
        "c",
        "d",
        "e",
        "x",
        "FS",
        "SS",
        "FF",
        "SF",
        "XX",
        "J",
        "J+4",
        "J-45",
        "S-6",
        "M-3",
        "J-99999",
        "sat",
        "sun",
        "none",
        "FR",
        "FR-AM",
        "US",
        "2026-02-29",
        "2028-02-29",
        "9999-12-31",
        "0001-01-01",
        "1900-01-01",
        "2200-12-31",
        "true",
        "3.5",
    ])
    .prop_map(str::to_string)
}

/// One edit of a text.
#[derive(Clone, Debug)]
enum Edit {
    /// Replace the i-th word (a run of letters, digits, `_`, `+`, `-`).
    ReplaceWord(Index, String),
    /// Replace the i-th value (a word after `=` or in quotes) with one of the
    /// same kind (integer, date, string).
    ReplaceValue(Index, Index),
    DeleteChar(Index),
    InsertChar(Index, char),
    ReplaceChar(Index, char),
    InsertToken(Index, String),
    DeleteRange(Index, usize),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
}

fn arb_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '[', ']', '"', '\'', '=', '{', '}', ',', '#', '\n', ' ', '-', '+', '.', ':', '0', '1',
            '9', 'a', 'J',
        ]),
        1 => any::<char>(),
    ]
}

fn arb_edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<Index>(), arb_value()).prop_map(|(i, v)| Edit::ReplaceWord(i, v)),
        3 => any::<Index>().prop_map(Edit::DeleteChar),
        3 => (any::<Index>(), arb_char()).prop_map(|(i, c)| Edit::InsertChar(i, c)),
        3 => (any::<Index>(), arb_char()).prop_map(|(i, c)| Edit::ReplaceChar(i, c)),
        3 => (any::<Index>(), arb_token()).prop_map(|(i, t)| Edit::InsertToken(i, t)),
        1 => (any::<Index>(), 1usize..40).prop_map(|(i, n)| Edit::DeleteRange(i, n)),
        1 => any::<Index>().prop_map(Edit::DeleteLine),
        1 => any::<Index>().prop_map(Edit::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
    ]
}

/// Byte offset of the `i`-th character boundary (0..=number of chars).
fn boundary(text: &str, i: &Index) -> usize {
    let count = text.chars().count();
    let k = i.index(count + 1);
    text.char_indices().nth(k).map_or(text.len(), |(o, _)| o)
}

/// Byte range of the character at an index (None for an empty text).
fn char_at(text: &str, i: &Index) -> Option<Range<usize>> {
    let count = text.chars().count();
    if count == 0 {
        return None;
    }
    let (o, c) = text.char_indices().nth(i.index(count))?;
    Some(o..o + c.len_utf8())
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-')
}

/// Byte ranges of the words of a text.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (o, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word(c)) {
            (None, true) => start = Some(o),
            (Some(s), false) => {
                out.push(s..o);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The words that are values, and whether each is in quotes.
fn values(text: &str) -> Vec<(Range<usize>, bool)> {
    words(text)
        .into_iter()
        .filter_map(|w| {
            let line = &text[text[..w.start].rfind('\n').map_or(0, |n| n + 1)..w.start];
            if line.matches('"').count() % 2 == 1 {
                Some((w, true))
            } else if line.trim_end().ends_with('=') {
                Some((w, false))
            } else {
                None
            }
        })
        .collect()
}

const INTEGERS: &[&str] = &[
    "0",
    "1",
    "2",
    "-1",
    "-3",
    "40",
    "400",
    "99999",
    "2147483647",
    "2147483648",
    "-2147483649",
    "4294967296",
];
/// Dates up to the years with public holidays (1900..=2200); the ends of
/// jiff's range are in `dates_at_the_ends_of_the_range` (a plan from 2026 to
/// 9999 is correct but slow: calendars cost a little per day).
const DATES: &[&str] = &[
    "2026-06-01",
    "2026-09-30",
    "2026-12-25",
    "2027-01-01",
    "2028-02-29",
    "1900-01-01",
    "2200-12-31",
];
const STRINGS: &[&str] = &[
    "a", "b", "c", "d", "e", "x", "", "FS", "SS", "FF", "SF", "XX", "J", "J+4", "J-45", "S-6",
    "M-3", "J-99999", "mon", "sat", "sun", "none", "FR", "FR-AM", "US", "DE",
];

/// A value of the same kind as `old`.
fn same_kind(old: &str, quoted: bool, pick: &Index) -> &'static str {
    let list = if quoted {
        STRINGS
    } else if old.len() == 10 && old.as_bytes()[4] == b'-' {
        DATES
    } else {
        INTEGERS
    };
    list[pick.index(list.len())]
}

fn apply(text: &mut String, edit: &Edit) {
    match edit {
        Edit::ReplaceValue(i, pick) => {
            let values = values(text);
            if !values.is_empty() {
                let (range, quoted) = values[i.index(values.len())].clone();
                let value = same_kind(&text[range.clone()], quoted, pick);
                text.replace_range(range, value);
            }
        }
        Edit::ReplaceWord(i, value) => {
            let words = words(text);
            if !words.is_empty() {
                text.replace_range(words[i.index(words.len())].clone(), value);
            }
        }
        Edit::DeleteChar(i) => {
            if let Some(r) = char_at(text, i) {
                text.replace_range(r, "");
            }
        }
        Edit::InsertChar(i, c) => {
            let at = boundary(text, i);
            text.insert(at, *c);
        }
        Edit::ReplaceChar(i, c) => {
            if let Some(r) = char_at(text, i) {
                text.replace_range(r, &c.to_string());
            }
        }
        Edit::InsertToken(i, token) => {
            let at = boundary(text, i);
            text.insert_str(at, token);
        }
        Edit::DeleteRange(i, n) => {
            let from = boundary(text, i);
            let to = text[from..]
                .char_indices()
                .nth(*n)
                .map_or(text.len(), |(o, _)| from + o);
            text.replace_range(from..to, "");
        }
        Edit::DeleteLine(i) | Edit::DuplicateLine(i) => {
            let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
            if lines.is_empty() {
                return;
            }
            let k = i.index(lines.len());
            if matches!(edit, Edit::DeleteLine(_)) {
                lines.remove(k);
            } else {
                let line = lines[k].clone();
                lines.insert(k, line);
            }
            *text = lines.concat();
        }
        Edit::SwapLines(a, b) => {
            let mut lines: Vec<String> = text.split_inclusive('\n').map(str::to_string).collect();
            if lines.is_empty() {
                return;
            }
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            *text = lines.concat();
        }
    }
}

fn arb_mutated_plan() -> impl Strategy<Value = String> {
    let edits = prop_oneof![3 => vec(arb_edit(), 1..=2), 1 => vec(arb_edit(), 3..=8)];
    edits.prop_map(|edits| {
        let mut text = VALID_PLAN.to_string();
        for e in &edits {
            apply(&mut text, e);
        }
        text
    })
}

/// Values of the valid plan changed: mostly still a plan, with odd meanings.
fn arb_changed_values() -> impl Strategy<Value = String> {
    let edit = (any::<Index>(), any::<Index>()).prop_map(|(i, v)| Edit::ReplaceValue(i, v));
    vec(edit, 1..=4).prop_map(|edits| {
        let mut text = VALID_PLAN.to_string();
        for e in &edits {
            apply(&mut text, e);
        }
        text
    })
}

#[test]
fn the_valid_plan_reads_and_schedules() {
    let read = read_plan(VALID_PLAN);
    assert!(!has_errors(&read.diagnostics), "{:?}", read.diagnostics);
    let plan = read.plan.expect("a plan");
    assert_eq!(plan.tasks.len(), 5);
    retroplan_engine::schedule(&plan, date(2026, 6, 1)).expect("schedules");
}

/// Plans at the ends of jiff's range (-9999..=9999) schedule or say
/// `DateOutOfRange`, without panicking. (A 1-day task fixed on 9999-12-31 is
/// out of range, its finish being the next day; finding that out widens the
/// calendars to the whole range: about a second in a debug build.)
#[test]
fn dates_at_the_ends_of_the_range() {
    let cases = [
        ("9999-12-31", "9999-12-01", "J"),
        ("9999-12-31", "9999-12-01", "J-45"),
        ("9999-12-31", "9999-12-01", "J+4"),
        ("9999-12-31", "9999-12-01", "J-99999"),
        ("0001-01-31", "0001-01-01", "J"),
        ("0001-01-31", "0001-01-01", "J-45"),
        ("0001-01-31", "0001-01-01", "J+99999"),
        ("0000-01-31", "0000-01-01", "J"),
        ("0000-01-31", "0000-01-01", "J-45"),
        ("0000-01-31", "0000-01-01", "J+4"),
    ];
    for (deadline, today, on) in cases {
        let text = VALID_PLAN
            .replace("2026-09-30", deadline)
            .replace("2026-06-01", today)
            .replace("days = 1\n", &format!("days = 1\non = \"{on}\"\n"));
        check_text(&text, date(2026, 6, 1)).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_text(text in "(?s).{0,300}", today in arb_today()) {
        check_text(&text, today)?;
    }

    #[test]
    fn ascii_and_toml_punctuation(
        chars in "[\\[\\]\"'={}#,.:+\\- \n\ta-z0-9_]{0,300}",
        tokens in vec(arb_token(), 0..80),
        today in arb_today(),
    ) {
        check_text(&chars, today)?;
        let soup = tokens.concat();
        check_text(&soup, today)?;
        check_text(&format!("deadline = 2026-09-30\n{soup}"), today)?;
    }

    #[test]
    fn values_of_a_valid_plan_changed(text in arb_changed_values(), today in arb_today()) {
        check_text(&text, today)?;
    }

    #[test]
    fn mutations_of_a_valid_plan(text in arb_mutated_plan(), today in arb_today()) {
        check_text(&text, today)?;
    }
}

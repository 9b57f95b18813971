//! Reading plan files: meetings, validation loops, labels in calendars,
//! the `[template]` table, several anchors and a replaced deadline, each
//! checked by hand against SCHEDULING.md and docs/templates.md.

use jiff::civil::date;
use retroplan_engine::{Lang, Status, schedule};
use retroplan_formats::{Diagnostic, ReadOptions, has_errors, read_plan, read_plan_with};

fn codes(diagnostics: &[Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn ok(text: &str) -> retroplan_engine::Plan {
    let read = read_plan(text);
    assert!(!has_errors(&read.diagnostics), "{:?}", read.diagnostics);
    read.plan.unwrap()
}

#[test]
fn weekly_and_fixed_meetings_are_dated_beside_the_tasks() {
    let plan = ok(r#"
deadline = 2026-05-29           # a Friday
[calendar]
country = "FR"
[[person]]
id = "cdp"
[[person]]
id = "lea"
[[meeting]]
id = "hebdo"
title = "Point hebdo"
owner = "cdp"
attendees = ["lea"]
every = "lundi"
from = "S-5"
[[meeting]]
id = "quinzaine"
every = "thu"
interval = 2
[[meeting]]
id = "client"
on = ["J-10", 2026-05-02]
[[task]]
id = "a"
days = 10
"#);
    let s = schedule(&plan, date(2026, 3, 2)).unwrap();
    // Mondays from S-5 (Fri 24 April) to D: 27 April, 4, 11, 18 May; the
    // 25th is Whit Monday, a public holiday: skipped.
    assert_eq!(
        s.meetings[0].dates,
        [
            date(2026, 4, 27),
            date(2026, 5, 4),
            date(2026, 5, 11),
            date(2026, 5, 18)
        ]
    );
    assert_eq!(s.meetings[0].skipped, [date(2026, 5, 25)]);
    // Every other Thursday from the plan's start (task a: 15-29 May, the
    // 25th closed) to D: 21 May only; the 14th (Ascension) is before it.
    assert_eq!(s.tasks[0].start, date(2026, 5, 15));
    assert_eq!(s.meetings[1].dates, [date(2026, 5, 21)]);
    // Fixed dates in date order; J-10 is Tuesday 19 May.
    assert_eq!(s.meetings[2].dates, [date(2026, 5, 2), date(2026, 5, 19)]);
    assert_eq!(plan.meetings[0].attendees, ["lea"]);
}

#[test]
fn meeting_mistakes_are_reported_with_a_hint() {
    let read = read_plan(
        r#"
deadline = 2026-05-29
[[person]]
id = "lea"
[[meeting]]
id = "a"
every = "mon"
on = ["J-3"]
[[meeting]]
id = "b"
[[meeting]]
id = "c"
every = "someday"
[[meeting]]
id = "d"
on = ["J-3"]
interval = 2
[[meeting]]
id = "e"
every = "fri"
attendees = ["leaa"]
[[meeting]]
id = "e"
on = "J"
"#,
    );
    let got = codes(&read.diagnostics);
    for code in [
        "every-and-on",
        "missing-meeting-dates",
        "bad-weekday",
        "key-needs-every",
        "unknown-owner",
        "duplicate-id",
    ] {
        assert!(got.contains(&code), "{code} in {got:?}");
    }
    let unknown = read
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-owner")
        .unwrap();
    assert_eq!(unknown.hint.as_deref(), Some("did you mean \"lea\"?"));
}

#[test]
fn validation_loops_take_the_plan_language_and_pass_on_a_done_status() {
    let text = r#"
deadline = 2026-06-30
lang = "en"
[[task]]
id = "page"
title = "Landing page"
days = 2
reviews = 2
review_days = 1
fix_days = 2
status = "done"
"#;
    let plan = ok(text);
    let items: Vec<(&str, &str, u32)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.title.as_str(), t.days()))
        .collect();
    assert_eq!(
        items,
        [
            ("page-draft", "Landing page (first draft)", 2),
            ("page-review-1", "Landing page (review 1)", 1),
            ("page-fix-1", "Landing page (corrections 1)", 2),
            ("page-review-2", "Landing page (review 2)", 1),
            ("page", "Landing page (final corrections)", 2),
        ]
    );
    assert!(plan.tasks.iter().all(|t| t.status == Status::Done));
    // No reviewer: the owner reviews their own work (none here).
    assert!(plan.tasks.iter().all(|t| t.owner.is_none()));

    // Without `lang`, the caller's language, else French.
    let no_lang = text.replace("lang = \"en\"\n", "");
    let fr = read_plan(&no_lang).plan.unwrap();
    assert_eq!(fr.tasks[1].title, "Landing page (relecture 1)");
    let options = ReadOptions {
        lang: Some(Lang::En),
        ..ReadOptions::default()
    };
    let en = read_plan_with(&no_lang, &options).plan.unwrap();
    assert_eq!(en.tasks[1].title, "Landing page (review 1)");
}

#[test]
fn review_keys_without_reviews_and_an_unknown_reviewer_are_errors() {
    let read = read_plan(
        r#"
deadline = 2026-06-30
[[person]]
id = "client"
[[task]]
id = "a"
days = 1
reviewer = "client"
[[task]]
id = "b"
days = 1
reviews = 1
reviewer = "clinet"
[[task]]
id = "c"
days = 1
reviews = 50
"#,
    );
    let got = codes(&read.diagnostics);
    assert!(got.contains(&"key-needs-reviews"), "{got:?}");
    assert!(got.contains(&"unknown-owner"), "{got:?}");
    assert!(
        got.contains(&"out-of-range") || got.contains(&"bad-number"),
        "{got:?}"
    );
}

#[test]
fn calendar_closures_and_time_off_may_be_labels_and_move_with_the_deadline() {
    let text = r#"
deadline = 2026-03-20
[calendar]
country = "none"
closed = [{ from = "J-11", to = "J-7" }]
holidays = ["J-4"]
[[person]]
id = "lea"
off = ["J-1"]
[[task]]
id = "a"
days = 3
"#;
    let plan = ok(text);
    let range = &plan.calendar.closed_ranges[0];
    assert_eq!(
        (range.from, range.to),
        (date(2026, 3, 9), date(2026, 3, 13))
    );
    assert_eq!(plan.calendar.closed_days, [date(2026, 3, 16)]);
    assert_eq!(plan.people[0].off[0].from, date(2026, 3, 19));
    let moved = read_plan_with(
        text,
        &ReadOptions {
            deadline: Some(date(2026, 4, 17)),
            ..ReadOptions::default()
        },
    )
    .plan
    .unwrap();
    assert_eq!(moved.deadline, date(2026, 4, 17));
    assert_eq!(moved.calendar.closed_days, [date(2026, 4, 13)]);
}

#[test]
fn a_template_file_reads_with_a_deadline_given_and_its_table_is_checked() {
    let template = r#"
name = "Modèle"
[template]
id = "modele"
title = "Modèle"
span = "J-5 … J"
aliases = ["m", 3]
colour = "blue"
[[task]]
id = "a"
days = 1
due = "J-2"
"#;
    let without = read_plan(template);
    let missing = without
        .diagnostics
        .iter()
        .find(|d| d.code == "missing-deadline")
        .unwrap();
    assert!(
        missing.hint.as_deref().unwrap().contains("--deadline"),
        "{missing:?}"
    );
    let with = read_plan_with(
        template,
        &ReadOptions {
            deadline: Some(date(2026, 9, 4)),
            ..ReadOptions::default()
        },
    );
    let got = codes(&with.diagnostics);
    assert_eq!(got, ["wrong-type", "unknown-key"], "{:?}", with.diagnostics);
    assert_eq!(with.plan.unwrap().deadline, date(2026, 9, 4));
}

/// Black Friday and Cyber Monday: the deadline is Cyber Monday, Black Friday
/// a fixed milestone three days before; what prepares Black Friday is
/// planned back from it, what prepares Cyber Monday back from the deadline.
#[test]
fn several_anchors_plan_each_branch_back_from_its_own_date() {
    let plan = ok(r#"
deadline = 2026-11-30          # Cyber Monday
[calendar]
country = "FR"
[[task]]
id = "black-friday"
days = 0
on = "J-3"                     # Friday 27 November
after = ["bf-emails"]
[[task]]
id = "bf-emails"
days = 2
[[task]]
id = "cm-emails"
days = 2
[[task]]
id = "cyber-monday"
days = 0
on = "J"
after = ["cm-emails", "black-friday"]
"#);
    let s = schedule(&plan, date(2026, 10, 1)).unwrap();
    let dates = |i: usize| (s.tasks[i].start, s.tasks[i].end);
    let d = |day: i8| date(2026, 11, day);
    assert_eq!(dates(0), (d(27), d(27)));
    assert_eq!(
        dates(1),
        (d(26), d(27)),
        "ends by the close of Black Friday"
    );
    assert_eq!(
        dates(2),
        (d(27), d(30)),
        "ends by the close of Cyber Monday"
    );
    assert_eq!(dates(3), (d(30), d(30)));
}

/// Dropping a duplicate moves every later task one place up: links must
/// follow, on both sides of the parallel reader's splits.
#[test]
fn links_after_a_dropped_duplicate_point_at_the_right_tasks() {
    let mut text = String::from("deadline = 2026-06-30\n");
    let mut ids: Vec<String> = (0..1500).map(|i| format!("t{i}")).collect();
    ids.insert(700, "t3".to_string());
    for (n, id) in ids.iter().enumerate() {
        text.push_str(&format!(
            "[[task]]\nid = \"{id}\"\ntitle = \"Task {n}\"\ndays = 1\n"
        ));
        if n > 0 {
            let before = &ids[(n * 7919) % n];
            text.push_str(&format!("after = [\"{before}\", \"t3\"]\n"));
        }
    }
    let read = read_plan(&text);
    assert_eq!(codes(&read.diagnostics), ["duplicate-id"]);
    let plan = read.plan.unwrap();
    let kept: Vec<&String> = ids
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != 700)
        .map(|(_, id)| id)
        .collect();
    let got: Vec<&String> = plan.tasks.iter().map(|t| &t.id).collect();
    assert_eq!(got, kept);
    assert_eq!(read.spans.tasks.len(), kept.len());
    for (n, task) in plan.tasks.iter().enumerate() {
        let want: Vec<&str> = match task.id.as_str() {
            "t0" => vec![],
            _ => {
                let written = ids.iter().position(|id| *id == task.id).unwrap();
                let before = &ids[(written * 7919) % written];
                vec![before.as_str(), "t3"]
            }
        };
        let linked: Vec<&str> = task
            .after
            .iter()
            .map(|l| plan.tasks[l.task].id.as_str())
            .collect();
        assert_eq!(linked, want, "task {n}");
        assert_eq!(
            &text[read.spans.tasks[n].id.start as usize..read.spans.tasks[n].id.end as usize],
            format!("\"{}\"", task.id)
        );
    }
}

#[test]
fn tasks_as_an_inline_list_read_like_tables_and_mixing_both_forms_is_reported() {
    let inline = r#"
deadline = 2026-06-30
task = [
  { id = "brief", title = "Brief", days = 2 },
  { id = "visuals", title = "Visuals", days = 3, after = ["brief"] },
]
"#;
    let plan = ok(inline);
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["brief", "visuals"]);
    assert_eq!(plan.tasks[1].after[0].task, 0);

    let mixed = format!(
        "{inline}[[task]]\nid = \"send\"\ntitle = \"Send\"\ndays = 1\nafter = [\"visuals\"]\n"
    );
    let read = read_plan(&mixed);
    assert_eq!(codes(&read.diagnostics), ["mixed-task-forms"]);
    let d = &read.diagnostics[0];
    assert_eq!(&mixed[d.span.clone()], "[[task]]");
    let plan = read.plan.unwrap();
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["brief", "visuals", "send"]);
    assert_eq!(plan.tasks[2].after[0].task, 1);
}

/// `inf`, `nan` or a number past 64 bits in an `estimate` were dropped
/// without a word, and the task became a milestone.
#[test]
fn an_estimate_that_is_not_a_finite_number_is_an_error() {
    for bad in [
        "[1, 2, inf]",
        "[nan, 2, 3]",
        "[1, 2, 1e400]",
        "[1, 2, 99999999999999999999]",
    ] {
        let text = format!("deadline = 2026-11-27\n[[task]]\nid = \"a\"\nestimate = {bad}\n");
        let read = read_plan(&text);
        assert!(has_errors(&read.diagnostics), "{bad}: accepted");
        assert!(
            codes(&read.diagnostics).contains(&"out-of-range"),
            "{bad}: {:?}",
            read.diagnostics
        );
    }
}

/// `[[task.after]]`, the array-of-tables spelling of the long link form,
/// was read as a new `[[task]]` and refused with a misleading message.
#[test]
fn links_as_an_array_of_tables_read_like_the_inline_long_form() {
    let head =
        "deadline = 2026-11-27\n[[task]]\nid = \"a\"\ndays = 2\n[[task]]\nid = \"b\"\ndays = 1\n";
    let tail = "[[task]]\nid = \"c\"\ndays = 1\nafter = [\"b\"]\n";
    let tables = ok(&format!(
        "{head}[[task.after]]\ntask = \"a\"\ntype = \"SS\"\nlag = 1\n{tail}"
    ));
    let inline = ok(&format!(
        "{head}after = [{{ task = \"a\", type = \"SS\", lag = 1 }}]\n{tail}"
    ));
    assert_eq!(tables.tasks.len(), 3);
    assert_eq!(tables.tasks, inline.tasks);
}

/// A byte order mark hid a header on the first line (the task was then read
/// as an inline list) and counted as a column.
#[test]
fn a_byte_order_mark_is_no_part_of_the_first_line() {
    let text = "\u{feff}[[task]]\nid = \"a\"\ndays = 1\n[[task]]\nid = \"b\"\ndays = 1\n";
    let options = ReadOptions {
        deadline: Some(date(2026, 11, 27)),
        ..ReadOptions::default()
    };
    let read = read_plan_with(text, &options);
    assert!(!has_errors(&read.diagnostics), "{:?}", read.diagnostics);
    assert_eq!(read.plan.unwrap().tasks.len(), 2);
    let text = "\u{feff}nme = \"T\"\ndeadline = 2026-11-27\n";
    let read = read_plan(text);
    let unknown = read
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-key")
        .unwrap();
    let lines = retroplan_formats::LineIndex::new(text);
    assert_eq!(lines.line_col(unknown.span.start), (1, 1));
}

/// Regression: `" fr "` was read as France but `" none "` was refused, with
/// a hint to write "none".
#[test]
fn no_country_is_read_with_the_leniency_of_a_country_code() {
    for written in [" none ", "NONE", "None\t"] {
        let text = format!(
            "deadline = 2026-03-20\n[calendar]\ncountry = {written:?}\n[[task]]\nid = \"a\"\ndays = 3\n"
        );
        let plan = ok(&text);
        assert_eq!(plan.calendar.country, None, "{written:?}");
    }
    let read = read_plan("deadline = 2026-03-20\n[calendar]\ncountry = \"nowhere\\n\"\n");
    let error = read
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-country")
        .expect("an unknown country is an error");
    assert!(
        error.message.contains(r#""nowhere\n""#),
        "{}",
        error.message
    );
}

/// Regression: an unknown status in a baseline's task was read as todo
/// without a word.
#[test]
fn an_unknown_status_in_a_baseline_is_an_error() {
    let text = "deadline = 2026-03-20\n[[task]]\nid = \"a\"\ndays = 3\n\n[baseline.v1]\nrecorded = 2026-03-02\ndeadline = 2026-03-20\ntasks.a = { start = 2026-03-16, end = 2026-03-18, days = 3, status = \"bogus\" }\n";
    let read = read_plan(text);
    let error = read
        .diagnostics
        .iter()
        .find(|d| d.code == "bad-status")
        .expect("the status is refused");
    assert_eq!(&text[error.span.clone()], "\"bogus\"");
}

/// Regression: a deliverable with reviews, done on a recorded day, had its
/// rounds dated where the plan put them, after that day: the approved
/// version ended two weeks after it was delivered.
#[test]
fn a_done_deliverable_with_reviews_ends_on_its_recorded_day() {
    let text = r#"deadline = 2026-12-18
today = 2026-11-23
[calendar]
country = "none"
[[task]]
id = "maquette"
days = 3
reviews = 1
status = "done"
started = 2026-11-02
finished = 2026-11-06
[[task]]
id = "launch"
days = 1
after = ["maquette"]
"#;
    let plan = ok(text);
    let s = schedule(&plan, date(2026, 11, 23)).unwrap();
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        ["maquette-draft", "maquette-review-1", "maquette", "launch"]
    );
    assert_eq!(s.tasks[0].forecast_start, date(2026, 11, 2));
    for (t, line) in s.tasks[..3].iter().enumerate() {
        assert_eq!(line.forecast_end, date(2026, 11, 6), "{}", ids[t]);
    }
}

/// Regression: `remaining` on a blocked task that never started was read
/// and then ignored by every date; it is a contradiction like `remaining`
/// on a task to do.
#[test]
fn remaining_on_a_blocked_task_that_has_not_started_is_an_error() {
    let task = |extra: &str| {
        format!(
            "deadline = 2026-12-11\n[[task]]\nid = \"a\"\ndays = 2\nstatus = \"blocked\"\nremaining = 12\n{extra}"
        )
    };
    let read = read_plan(&task(""));
    let error = read
        .diagnostics
        .iter()
        .find(|d| d.code == "remaining-not-in-progress")
        .expect("refused");
    assert!(
        error.message.contains("has not started"),
        "{}",
        error.message
    );
    assert!(error.hint.as_deref().unwrap().contains("started ="));
    // Blocked after it started: under way, `remaining` counts.
    let plan = ok(&task("started = 2026-11-27\n"));
    assert_eq!(plan.tasks[0].progress.as_ref().unwrap().remaining, Some(12));
}

/// Regression: `owner = ""` made a person with no name, shown as an empty
/// column of the workload and "  is busy with" in levelling's reasons.
#[test]
fn an_empty_owner_is_an_error() {
    for owner in ["\"\"", "\"  \""] {
        let text =
            format!("deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 3\nowner = {owner}\n");
        let read = read_plan(&text);
        let error = read
            .diagnostics
            .iter()
            .find(|d| d.code == "empty-owner")
            .unwrap_or_else(|| panic!("{owner} is refused: {:?}", read.diagnostics));
        assert_eq!(&text[error.span.clone()], owner);
    }
}

//! `retroplan set`, `start` and `done` as a user runs them on real files
//! (docs/progress.md): the file keeps every byte but the lines changed,
//! values are normalised, and every refusal leaves the file as it was.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, no_user_templates, run};

/// Comments above tasks and after values, blank lines, keys in an odd
/// order and aligned in `visuels`, the task every test edits.
const PLAN: &str = r#"# A plan to edit: comments everywhere.
name = "Édition"
deadline = 2026-11-27   # Jour J
today = 2026-10-12

[calendar]
country = "FR"

# The offers come first.
[[task]]
id = "offres"
title = "Sélectionner les offres"
days = 5  # a working week
status = "done"
started = 2026-09-28
finished = 2026-10-02

# Visuals: keys in an odd order, aligned.
[[task]]
days     = 3        # three days
status   = "à faire"   # not yet
title    = "Créer les visuels"


after    = ["offres"]
id       = "visuels"
# the client wants a say
notes    = "avec le client"

# Launch.
[[task]]
id = "lancement"
title = "Lancement"
on = "J"
days = 1
after = ["visuels"]
# trailing comment
"#;

/// What comes before the task `visuels` and after it, byte for byte.
const BEFORE: &str = "# Visuals: keys in an odd order, aligned.\n";
const AFTER: &str = "\n# Launch.\n";

/// A fresh folder holding `plan.toml` = `text`; returns the plan's path.
fn plan_file(test: &str, text: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("edit-tests")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn retroplan(args: &[&str]) -> Run {
    retroplan_env(args, &[])
}

fn retroplan_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut all = vec![("NO_COLOR", "1")];
    all.extend_from_slice(env);
    run(args, "", &no_user_templates(), &all)
}

/// Runs `retroplan COMMAND PLAN ARGS...`.
fn edit(command: &str, plan: &Path, args: &[&str]) -> Run {
    let plan = plan.to_str().unwrap();
    let mut all = vec![command, plan];
    all.extend_from_slice(args);
    retroplan(&all)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The names in the plan's folder: no temporary file may be left there.
fn folder(path: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The task `visuels` of `text`: the text before it and after it must be
/// PLAN's, byte for byte.
fn visuels(text: &str) -> &str {
    let (head, _) = PLAN.split_at(PLAN.find(BEFORE).unwrap() + BEFORE.len());
    let tail = &PLAN[PLAN.find(AFTER).unwrap()..];
    assert!(
        text.starts_with(head),
        "the text before the task changed:\n{text}"
    );
    assert!(
        text.ends_with(tail),
        "the text after the task changed:\n{text}"
    );
    &text[head.len()..text.len() - tail.len()]
}

/// PLAN's task `visuels`, line by line.
fn visuels_lines() -> Vec<&'static str> {
    visuels(PLAN).split('\n').collect()
}

fn ok(run: &Run) {
    assert_eq!(
        run.code, 0,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
}

#[test]
fn set_changes_only_its_lines() {
    let plan = plan_file("set", PLAN);
    let run = edit(
        "set",
        &plan,
        &[
            "visuels",
            "status=en_cours",
            "started=05/10/2026",
            "remaining=2",
        ],
    );
    ok(&run);
    assert_eq!(
        run.stdout,
        "visuels: status à faire → in_progress, started 2026-10-05, remaining 2\n"
    );
    let text = read(&plan);
    // The status keeps its place, its spacing and its comment; new keys
    // come after the last key, aligned like it.
    let mut expected = visuels_lines();
    let status = expected
        .iter()
        .position(|l| l.starts_with("status"))
        .unwrap();
    expected[status] = "status   = \"in_progress\"   # not yet";
    let last = expected.len() - 1;
    expected.insert(last, "started  = 2026-10-05");
    expected.insert(last + 1, "remaining = 2");
    assert_eq!(visuels(&text).split('\n').collect::<Vec<_>>(), expected);
    assert_eq!(folder(&plan), ["plan.toml"]);

    // A second edit replaces values in place, comments kept.
    let run = edit("set", &plan, &["visuels", "remaining=1", "days=4"]);
    ok(&run);
    assert_eq!(run.stdout, "visuels: remaining 2 → 1, days 3 → 4\n");
    let again = read(&plan);
    assert_eq!(
        again,
        text.replace("remaining = 2", "remaining = 1").replace(
            "days     = 3        # three days",
            "days     = 4        # three days"
        )
    );
}

#[test]
fn start_then_done_then_schedule() {
    let plan = plan_file("start-done", PLAN);
    let run = edit("start", &plan, &["visuels", "--on", "2026-10-05"]);
    ok(&run);
    assert_eq!(
        run.stdout,
        "visuels: status à faire → in_progress, started 2026-10-05\n"
    );
    let started = read(&plan);
    let mut expected = visuels_lines();
    let status = expected
        .iter()
        .position(|l| l.starts_with("status"))
        .unwrap();
    expected[status] = "status   = \"in_progress\"   # not yet";
    expected.insert(expected.len() - 1, "started  = 2026-10-05");
    assert_eq!(visuels(&started).split('\n').collect::<Vec<_>>(), expected);

    // Started already: refused without --on, the date moves with it.
    let run = edit("start", &plan, &["visuels"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("already started on 2026-10-05") && run.stderr.contains("--on"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&plan), started);
    ok(&edit("start", &plan, &["visuels", "--on", "2026-10-06"]));
    assert_eq!(read(&plan), started.replace("2026-10-05", "2026-10-06"));

    ok(&edit("set", &plan, &["visuels", "remaining=2"]));
    // `done` without a date: the plan's `today`; `remaining` goes.
    let run = edit("done", &plan, &["visuels"]);
    ok(&run);
    assert_eq!(
        run.stdout,
        "visuels: status in_progress → done, finished 2026-10-12, remaining 2 removed\n"
    );
    let done = read(&plan);
    expected[status] = "status   = \"done\"   # not yet";
    let at = expected.len() - 2;
    expected[at] = "started  = 2026-10-06";
    expected.insert(expected.len() - 1, "finished = 2026-10-12");
    assert_eq!(visuels(&done).split('\n').collect::<Vec<_>>(), expected);
    assert_eq!(folder(&plan), ["plan.toml"]);

    // Done already: refused without --on; start refuses a done task.
    let run = edit("done", &plan, &["visuels"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("already done"), "{}", run.stderr);
    let run = edit("start", &plan, &["visuels", "--on", "2026-10-07"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("already done") && run.stderr.contains("retroplan set"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&plan), done);

    let run = retroplan(&["schedule", plan.to_str().unwrap(), "--format", "json"]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let tasks = json["tasks"].as_array().unwrap();
    assert!(tasks.iter().any(|t| t["id"] == "visuels"));
    assert_eq!(tasks.len(), 3);
}

#[test]
fn done_without_started_leaves_it_absent() {
    let plan = plan_file("done-unstarted", PLAN);
    ok(&edit("done", &plan, &["visuels", "--on", "09/10/2026"]));
    let text = read(&plan);
    assert!(!visuels(&text).contains("started"));
    assert!(visuels(&text).contains("finished = 2026-10-09\n"));
    assert!(visuels(&text).contains("status   = \"done\"   # not yet\n"));
}

#[test]
fn french_words_are_normalised_and_empty_values_remove() {
    let plan = plan_file("french", PLAN);
    let run = edit(
        "set",
        &plan,
        &["visuels", "status=terminé", "finished=09/10/2026", "note="],
    );
    ok(&run);
    assert_eq!(
        run.stdout,
        "visuels: status à faire → done, finished 2026-10-09, notes \"avec le client\" removed\n"
    );
    let text = read(&plan);
    let body = visuels(&text);
    assert!(body.contains("status   = \"done\"   # not yet\n"), "{body}");
    // The removed key takes its line only: the comment above it stays.
    assert!(!body.contains("notes"), "{body}");
    assert!(
        body.ends_with("id       = \"visuels\"\n# the client wants a say\nfinished = 2026-10-09\n"),
        "{body}"
    );

    // French summary: --lang, or the locale.
    let plan = plan_file("french-summary", PLAN);
    let run = edit("set", &plan, &["visuels", "status=bloqué", "--lang", "fr"]);
    ok(&run);
    assert_eq!(run.stdout, "visuels : status à faire → blocked\n");
    let plan = plan_file("french-locale", PLAN);
    let run = retroplan_env(
        &[
            "set",
            plan.to_str().unwrap(),
            "visuels",
            "owner=lea",
            "days=",
        ],
        &[("LANG", "fr_FR.UTF-8")],
    );
    assert_eq!(run.code, 2, "without days the task has no duration");
    assert!(
        run.stderr.starts_with("refusé, rien n'a été écrit"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&plan), PLAN);
}

#[test]
fn dry_run_prints_and_writes_nothing() {
    let plan = plan_file("dry-run", PLAN);
    let run = edit("set", &plan, &["visuels", "status=review", "--dry-run"]);
    ok(&run);
    assert_eq!(
        run.stdout,
        PLAN.replace("status   = \"à faire\"", "status   = \"review\"")
    );
    assert!(
        run.stderr.contains("visuels: status à faire → review"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("nothing written"), "{}", run.stderr);
    assert_eq!(read(&plan), PLAN);
    assert_eq!(folder(&plan), ["plan.toml"]);

    let run = edit(
        "done",
        &plan,
        &["visuels", "--dry-run", "--on", "2026-10-09"],
    );
    ok(&run);
    assert!(run.stdout.contains("finished = 2026-10-09"));
    assert_eq!(read(&plan), PLAN);
}

#[test]
fn nothing_to_change_writes_nothing() {
    let plan = plan_file("no-change", PLAN);
    let run = edit("set", &plan, &["visuels", "status=todo", "remaining="]);
    ok(&run);
    assert!(run.stdout.contains("nothing to change"), "{}", run.stdout);
    assert_eq!(read(&plan), PLAN);
}

/// Every refusal: exit 2, says what and where, the file untouched and no
/// temporary file left.
#[test]
fn refusals_leave_the_file_as_it_was() {
    let plan = plan_file("refusals", PLAN);
    let path = plan.to_str().unwrap();
    let cases: &[(&str, &[&str], &[&str])] = &[
        (
            "set",
            &["visuel", "status=done"],
            &[
                "no task has the id \"visuel\"",
                "did you mean \"visuels\"?",
                path,
            ],
        ),
        (
            "set",
            &["visuels", "status=fini"],
            &["`status=fini`", "todo, in_progress, review, done, blocked"],
        ),
        (
            "set",
            &["visuels", "colour=red"],
            &[
                "unknown key `colour`",
                "status, started, finished, remaining",
            ],
        ),
        (
            "set",
            &["visuels", "statut=done"],
            &["unknown key `statut`", "did you mean `status`?"],
        ),
        (
            "set",
            &["visuels", "started=2026-02-30"],
            &["`started=2026-02-30`", "a date that exists"],
        ),
        (
            "set",
            &["visuels", "started=demain"],
            &["`started=demain`", "YYYY-MM-DD or DD/MM/YYYY"],
        ),
        ("set", &["visuels", "days=-2"], &["`days=-2`", "0 or more"]),
        (
            "set",
            &[
                "visuels",
                "status=done",
                "started=2026-10-08",
                "finished=2026-10-06",
            ],
            &[
                "finish-before-start",
                "finished on 2026-10-06, before it started (2026-10-08)",
                "(edited, not written):",
                "nothing written",
            ],
        ),
        (
            "set",
            &["visuels", "status=todo", "finished=2026-10-06"],
            &[
                "finished-not-done",
                "(edited, not written):",
                "finished 2026-10-06",
            ],
        ),
        (
            "set",
            &["visuels", "remaining=3"],
            &["remaining-not-in-progress", "(edited, not written):"],
        ),
        (
            "set",
            &["offres", "status=todo"],
            &["started-not-started", "finished-not-done"],
        ),
        (
            "done",
            &["visuels", "--on", "2026-10-30"],
            &["progress-after-today", "2026-10-30"],
        ),
        (
            "start",
            &["offres"],
            &["task \"offres\" is already done", "retroplan set"],
        ),
        (
            "start",
            &["lancemnt"],
            &[
                "no task has the id \"lancemnt\"",
                "did you mean \"lancement\"?",
            ],
        ),
    ];
    for (command, args, expected) in cases {
        let run = edit(command, &plan, args);
        assert_eq!(
            run.code, 2,
            "{command} {args:?}: exit code; stderr:\n{}",
            run.stderr
        );
        for e in *expected {
            assert!(
                run.stderr.contains(e),
                "{command} {args:?}: `{e}` not in:\n{}",
                run.stderr
            );
        }
        assert_eq!(run.stdout, "", "{command} {args:?}");
        assert_eq!(read(&plan), PLAN, "{command} {args:?}: the file changed");
        assert_eq!(folder(&plan), ["plan.toml"], "{command} {args:?}");
    }
}

/// The finish before the start through `done`, and the place shown is the
/// line of the edited file.
#[test]
fn done_before_the_start_is_refused_with_its_line() {
    let plan = plan_file("done-before-start", PLAN);
    ok(&edit("start", &plan, &["visuels", "--on", "2026-10-08"]));
    let started = read(&plan);
    let run = edit("done", &plan, &["visuels", "--on", "2026-10-07"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    let new_text = started.replace(
        "started  = 2026-10-08\n",
        "started  = 2026-10-08\nfinished = 2026-10-07\n",
    );
    let line = new_text
        .lines()
        .position(|l| l.starts_with("finished = 2026-10-07"))
        .unwrap()
        + 1;
    assert!(
        run.stderr
            .contains(&format!("plan.toml (edited, not written):{line}:")),
        "line {line}:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("finish-before-start"), "{}", run.stderr);
    assert_eq!(read(&plan), started);
    assert_eq!(folder(&plan), ["plan.toml"]);
}

#[test]
fn standard_input_and_examples_cannot_be_edited() {
    let run = retroplan(&["set", "-", "visuels", "status=done"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot edit standard input"),
        "{}",
        run.stderr
    );
    let run = retroplan(&["done", "example:black-friday", "visuels"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot edit the built-in example"),
        "{}",
        run.stderr
    );
}

/// Tasks written inline (`task = [{ ... }]`) are edited in their table.
#[test]
fn inline_tasks() {
    let text = "deadline = 2026-11-27\ntoday = 2026-10-12\ntask = [\n  { id = \"a\", days = 2 },  # first\n  { id = \"b\", days = 1, after = [\"a\"] },\n]\n";
    let plan = plan_file("inline", text);
    ok(&edit("start", &plan, &["a", "--on", "2026-10-12"]));
    assert_eq!(
        read(&plan),
        text.replace(
            "{ id = \"a\", days = 2 }",
            "{ id = \"a\", days = 2, status = \"in_progress\", started = 2026-10-12 }"
        )
    );
}

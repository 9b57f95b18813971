//! The `retroplan` binary as a user runs it: exit codes, error messages with
//! line and column, and the outputs of the examples (snapshots, in
//! `snapshots/`; review changes with `cargo insta review` or by reading the
//! `.snap.new` files).

mod common;

use std::process::Command;

use common::{Run, no_user_templates};

/// Runs `retroplan ARGS` with `stdin` as standard input, from the repository
/// root, with no user templates.
fn retroplan(args: &[&str], stdin: &str) -> Run {
    retroplan_with(&no_user_templates(), args, stdin)
}

/// Runs `retroplan ARGS` with `templates` as the user's template folder.
fn retroplan_with(templates: &str, args: &[&str], stdin: &str) -> Run {
    common::run(args, stdin, templates, &[("NO_COLOR", "1")])
}

/// Checks a plan from standard input: it must be refused (exit 2) with a
/// diagnostic of `code` at `line:col`; returns the whole message.
fn refused(plan: &str, code: &str, line_col: &str) -> String {
    let run = retroplan(&["check", "-"], plan);
    assert_eq!(run.code, 2, "exit code; stderr:\n{}", run.stderr);
    assert!(
        has_error_at(&run.stderr, code, line_col),
        "expected [{code}] at {line_col} in:\n{}",
        run.stderr
    );
    assert!(run.stdout.is_empty(), "nothing on stdout when refused");
    // The JSON form for editors says the same.
    let json = retroplan(&["check", "-", "--format", "json"], plan);
    assert_eq!(json.code, 2);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let (line, col) = line_col.split_once(':').unwrap();
    assert!(
        list.as_array().unwrap().iter().any(|d| d["code"] == code
            && d["line"].as_u64() == line.parse().ok()
            && d["column"].as_u64() == col.parse().ok()),
        "JSON diagnostics: {list:#}"
    );
    // `schedule` refuses it the same way, printing no schedule.
    let schedule = retroplan(&["schedule", "-", "--format", "json"], plan);
    assert_eq!((schedule.code, schedule.stdout.as_str()), (2, ""));
    run.stderr
}

/// Is there an error `[code]` whose report points at `<stdin>:line_col`?
fn has_error_at(stderr: &str, code: &str, line_col: &str) -> bool {
    let lines: Vec<&str> = stderr.lines().collect();
    let head = format!("[{code}] Error:");
    let place = format!("[ <stdin>:{line_col} ]");
    lines
        .windows(2)
        .any(|w| w[0].starts_with(&head) && w[1].contains(&place))
}

const HEAD: &str =
    "name = \"t\"\ndeadline = 2026-12-18\ntoday = 2026-11-02\n[calendar]\ncountry = \"none\"\n";

#[test]
fn unknown_task_in_after_suggests_the_closest_id() {
    let plan = format!(
        "{HEAD}[[task]]\nid = \"visuels\"\ndays = 2\n[[task]]\nid = \"ads\"\ndays = 1\nafter = [\"visuel\"]\n"
    );
    let msg = refused(&plan, "unknown-task", "12:10");
    assert!(msg.contains("did you mean \"visuels\"?"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn duplicate_id_points_at_both() {
    let plan = format!("{HEAD}[[task]]\nid = \"a\"\ndays = 2\n[[task]]\nid = \"a\"\ndays = 1\n");
    let msg = refused(&plan, "duplicate-id", "10:6");
    assert!(msg.contains("first defined here"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn a_cycle_names_its_tasks() {
    let plan = format!(
        "{HEAD}[[task]]\nid = \"a\"\ndays = 1\nafter = [\"c\"]\n[[task]]\nid = \"b\"\ndays = 1\nafter = [\"a\"]\n[[task]]\nid = \"c\"\ndays = 1\nafter = [\"b\"]\n"
    );
    let msg = refused(&plan, "cycle", "7:6");
    assert!(msg.contains("a -> b -> c -> a"), "{msg}");
    insta::assert_snapshot!(msg);
}

/// `schedule` lets the text of a plan file go before scheduling (a large
/// plan's text is a sixth of its memory) and reads it again for the
/// engine's errors: the report still quotes the file's lines.
#[test]
fn engine_errors_from_a_file_quote_its_lines() {
    let dir = scratch("cycle-file");
    let path = format!("{dir}/cycle.toml");
    let plan = format!(
        "{HEAD}[[task]]\nid = \"a\"\ndays = 1\nafter = [\"b\"]\n[[task]]\nid = \"b\"\ndays = 1\nafter = [\"a\"]\n"
    );
    std::fs::write(&path, plan).unwrap();
    let run = retroplan(&["schedule", &path], "");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!("[ {path}:7:6 ]")),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("id = \"a\""), "{}", run.stderr);
    assert!(run.stderr.contains("id = \"b\""), "{}", run.stderr);
}

#[test]
fn a_date_that_does_not_exist() {
    let plan = "name = \"t\"\ndeadline = 2026-02-30\n";
    let msg = refused(plan, "toml-syntax", "2:12");
    insta::assert_snapshot!(msg);
    let plan = format!("{HEAD}[[task]]\nid = \"a\"\ndays = 1\ndue = \"2026-02-29\"\n");
    let msg = refused(&plan, "no-such-date", "9:7");
    assert!(msg.contains("2026-02 has 28 days"), "{msg}");
}

#[test]
fn a_negative_duration() {
    let plan = format!("{HEAD}[[task]]\nid = \"a\"\ndays = -3\n");
    let msg = refused(&plan, "negative", "8:8");
    insta::assert_snapshot!(msg);
}

#[test]
fn an_unknown_key_suggests_the_closest_known_one() {
    let plan = format!("{HEAD}[[task]]\nid = \"a\"\ntitel = \"Brief\"\ndays = 1\n");
    let msg = refused(&plan, "unknown-key", "8:1");
    assert!(msg.contains("did you mean `title`?"), "{msg}");
    let plan = format!(
        "deadlin = 2026-12-18\n{}",
        &HEAD["name = \"t\"\ndeadline = 2026-12-18\n".len()..]
    );
    let msg = refused(&plan, "unknown-key", "1:1");
    assert!(msg.contains("did you mean `deadline`?"), "{msg}");
    insta::assert_snapshot!(msg);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let plan = format!(
        "{HEAD}[[task]]\nid = \"a\"\ndays = -1\ncolour = \"red\"\n[[task]]\nid = \"B\"\ndays = 1\nstatus = \"finished!\"\n"
    );
    let run = retroplan(&["check", "-"], &plan);
    assert_eq!(run.code, 2);
    for (code, place) in [
        ("negative", "8:8"),
        ("unknown-key", "9:1"),
        ("bad-id", "11:6"),
        ("bad-status", "13:10"),
    ] {
        assert!(
            has_error_at(&run.stderr, code, place),
            "expected [{code}] at {place} in:\n{}",
            run.stderr
        );
    }
}

#[test]
fn other_bad_inputs_are_refused_with_a_place_and_a_hint() {
    let cases: &[(&str, &str, &str)] = &[
        ("name = \"t\"\n", "missing-deadline", "1:1"),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\n",
            "missing-duration",
            "2:1",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\nestimate = [1, 2, 3]\n",
            "days-and-estimate",
            "5:12",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\nestimate = [5, 3, 8]\n",
            "bad-estimate",
            "4:12",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\nafter = [{ task = \"a\", type = \"XX\" }]\n",
            "bad-link-type",
            "5:31",
        ),
        (
            "deadline = 2026-12-18\n[calendar]\ncountry = \"Atlantis\"\n",
            "unknown-country",
            "3:11",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\non = \"J-5\"\n",
            "fixed-on-closed-day",
            "5:6",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\ndue = \"K-5\"\n",
            "bad-label",
            "5:7",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\nowner = \"lea\"\n[[person]]\nid = \"leo\"\n",
            "unknown-owner",
            "3:6",
        ),
        (
            "deadline = 2026-12-18\n[[task]]\nid = \"a\"\ndays = 1\nworkdays = []\n",
            "no-workdays",
            "5:12",
        ),
        (
            "deadline = 2026-12-18\n[[task]\nid = \"a\"\n",
            "toml-syntax",
            "2:8",
        ),
        (
            "deadline = 2026-12-18\n[calendar]\nclosed = [{ from = 2026-12-31, to = 2026-12-24 }]\n",
            "reversed-range",
            "3:37",
        ),
    ];
    for (plan, code, line_col) in cases {
        let msg = refused(plan, code, line_col);
        assert!(
            msg.contains("help:") || msg.contains("Help:"),
            "a hint for {code}:\n{msg}"
        );
    }
}

#[test]
fn exit_codes_follow_plan_format() {
    let feasible = retroplan(
        &[
            "schedule",
            "../shared/conformance/01-chain.toml",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(feasible.code, 0, "{}", feasible.stderr);
    let late = retroplan(
        &[
            "schedule",
            "../shared/conformance/07-infeasible.toml",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(late.code, 1);
    let json: serde_json::Value =
        serde_json::from_str(&late.stdout).expect("the JSON is still printed");
    assert_eq!(json["late_by"], 2);
    let missing = retroplan(&["schedule", "no/such/plan.toml"], "");
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no/such/plan.toml"),
        "{}",
        missing.stderr
    );
}

#[test]
fn today_flag_overrides_the_plan_and_moves_the_verdict() {
    // 07 is late by 2 from 23 Nov; planning from 16 Nov gives 3 days of slack.
    let run = retroplan(
        &[
            "schedule",
            "../shared/conformance/07-infeasible.toml",
            "--format",
            "json",
            "--today",
            "2026-11-16",
        ],
        "",
    );
    assert_eq!(run.code, 0);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        (json["today"].as_str(), json["min_slack"].as_i64()),
        (Some("2026-11-16"), Some(3))
    );
    let bad = retroplan(
        &[
            "schedule",
            "../shared/conformance/07-infeasible.toml",
            "--today",
            "2026-13-01",
        ],
        "",
    );
    assert_eq!(bad.code, 2);
}

#[test]
fn the_table_speaks_the_chosen_language() {
    let plan = "../shared/conformance/09-follow-up.toml";
    let fr = retroplan(&["schedule", plan, "--lang", "fr"], "");
    assert!(fr.stdout.contains("Faisable"), "{}", fr.stdout);
    let en = retroplan(&["schedule", plan, "--lang", "en"], "");
    assert!(en.stdout.contains("Feasible"), "{}", en.stdout);
    assert!(!en.stdout.contains('\u{1b}'), "no colour codes in a pipe");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_retroplan"));
    let from_env = cmd
        .args(["schedule", plan])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&from_env.stdout).contains("Faisable"));
}

#[test]
fn csv_has_a_header_row_and_a_row_per_task() {
    let run = retroplan(
        &[
            "schedule",
            "../shared/conformance/08-parallel-branches.toml",
            "--format",
            "csv",
        ],
        "",
    );
    assert_eq!(run.code, 0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("id,title,owner,phase,channel,status,days,label,start,end"));
    assert_eq!(lines.len(), 1 + 5);
    assert!(
        lines[2].starts_with("visuals,Task visuals,,,,todo,8,J-10,2026-03-10,2026-03-19"),
        "{}",
        lines[2]
    );
}

#[test]
fn examples_schedule_and_their_outputs_are_stable() {
    for name in ["promo-noel", "lancement-produit"] {
        let path = format!("examples/{name}.toml");
        for (format, lang) in [
            ("table", "fr"),
            ("table", "en"),
            ("json", "fr"),
            ("csv", "fr"),
        ] {
            let run = retroplan(&["schedule", &path, "--format", format, "--lang", lang], "");
            assert_eq!(
                run.code, 0,
                "{name} must be feasible:\n{}{}",
                run.stdout, run.stderr
            );
            assert_eq!(run.stderr, "", "no warning for {name}");
            insta::assert_snapshot!(format!("{name}-{format}-{lang}"), run.stdout);
        }
        let builtin = retroplan(
            &["schedule", &format!("example:{name}"), "--format", "json"],
            "",
        );
        let file = retroplan(&["schedule", &path, "--format", "json"], "");
        assert_eq!(
            builtin.stdout, file.stdout,
            "the built-in copy of {name} is the file"
        );
    }
}

// ---------------------------------------------------------------------------
// Templates: `templates`, `new`, `template save`
// ---------------------------------------------------------------------------

/// A fresh empty folder for one test.
fn scratch(name: &str) -> String {
    let dir = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The ids of the built-in template files, from the folder itself.
fn builtin_ids() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../templates/builtin");
    let mut ids: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| {
            n.strip_suffix(".toml")
                .and_then(|n| n.rsplit_once('.'))
                .map(|(id, _)| id.to_string())
        })
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn templates_lists_every_builtin_template_in_both_languages() {
    let run = retroplan(&["templates", "--format", "json"], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let list: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let items = list.as_array().unwrap();
    let mut ids: Vec<String> = items
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    assert_eq!(ids, builtin_ids());
    for t in items {
        assert!(t["title"].as_str().is_some_and(|s| !s.is_empty()), "{t}");
        assert!(t["tasks"].as_u64().unwrap() > 0, "{t}");
        assert_eq!(t["languages"], serde_json::json!(["en", "fr"]), "{t}");
        assert_eq!(t["origin"], "built-in");
    }
    let table = retroplan(&["templates", "--lang", "fr"], "");
    assert_eq!(table.code, 0);
    assert!(table.stdout.starts_with("Modèle"), "{}", table.stdout);
    for id in builtin_ids() {
        assert!(table.stdout.contains(&id), "{id} in the table");
    }
}

#[test]
fn new_from_a_template_writes_a_plan_that_schedules() {
    let dir = scratch("new-from-template");
    let plan = format!("{dir}/lancement.toml");
    let run = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "lancement-produit",
            "--deadline",
            "2027-03-16",
            "--lang",
            "fr",
            "--assign",
            "graphiste=Léa Martin",
            "--assign",
            "webmaster=Léa Martin",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("product-launch"), "{}", run.stderr);
    assert!(
        run.stderr.contains("Rôles encore à attribuer"),
        "{}",
        run.stderr
    );
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("deadline = 2027-03-16"), "{text}");
    assert!(text.contains("id = \"lea-martin\""), "{text}");
    assert!(!text.contains("owner = \"graphiste\""), "{text}");
    let check = retroplan(&["check", &plan], "");
    assert_eq!(check.code, 0, "{}", check.stderr);
    let s = retroplan(
        &[
            "schedule",
            &plan,
            "--today",
            "2026-10-01",
            "--format",
            "json",
        ],
        "",
    );
    assert_eq!(s.code, 0, "{}", s.stderr);
    let json: serde_json::Value = serde_json::from_str(&s.stdout).unwrap();
    assert_eq!(json["deadline"], "2027-03-16");
    // A re-anchored deadline re-dates the plan: the launch milestone follows it.
    let moved = retroplan(
        &[
            "schedule",
            &plan,
            "--today",
            "2026-10-01",
            "--format",
            "json",
            "--deadline",
            "2027-04-20",
        ],
        "",
    );
    let moved: serde_json::Value = serde_json::from_str(&moved.stdout).unwrap();
    assert_eq!(moved["deadline"], "2027-04-20");
    let fixed_at_d = |j: &serde_json::Value| {
        j["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|t| t["label"] == "J" && t["fixed"] == true)
            .map(|t| t["start"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(fixed_at_d(&json), [serde_json::json!("2027-03-16")]);
    assert_eq!(fixed_at_d(&moved), [serde_json::json!("2027-04-20")]);
}

#[test]
fn new_without_a_template_writes_a_commented_starter_plan() {
    let dir = scratch("new-starter");
    let plan = format!("{dir}/plan.toml");
    let run = retroplan(
        &["new", &plan, "--deadline", "2027-01-29", "--lang", "en"],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.starts_with("# A backward plan"), "{text}");
    assert!(text.contains("deadline = 2027-01-29"), "{text}");
    let s = retroplan(&["schedule", &plan, "--today", "2026-12-01"], "");
    assert_eq!(s.code, 0, "{}{}", s.stdout, s.stderr);
}

#[test]
fn new_refuses_bad_requests_and_writes_nothing() {
    let dir = scratch("new-refusals");
    let plan = format!("{dir}/plan.toml");
    let unknown = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "lancement-fusee",
            "--deadline",
            "2027-03-16",
        ],
        "",
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown
            .stderr
            .contains("there is no template \"lancement-fusee\""),
        "{}",
        unknown.stderr
    );
    assert!(
        unknown.stderr.contains("product-launch"),
        "lists the known ones: {}",
        unknown.stderr
    );
    let bad_date = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "product-launch",
            "--deadline",
            "2027-02-30",
        ],
        "",
    );
    assert_eq!(bad_date.code, 2);
    assert!(
        bad_date.stderr.contains("2027-02-30"),
        "{}",
        bad_date.stderr
    );
    let no_date = retroplan(&["new", &plan, "--template", "product-launch"], "");
    assert_eq!(no_date.code, 2);
    assert!(no_date.stderr.contains("--deadline"), "{}", no_date.stderr);
    let role = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "product-launch",
            "--deadline",
            "2027-03-16",
            "--lang",
            "fr",
            "--assign",
            "astronaute=Thomas",
        ],
        "",
    );
    assert_eq!(role.code, 2);
    assert!(
        role.stderr.contains("no role \"astronaute\""),
        "{}",
        role.stderr
    );
    assert!(
        role.stderr.contains("graphiste"),
        "lists the roles: {}",
        role.stderr
    );
    let malformed = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "product-launch",
            "--deadline",
            "2027-03-16",
            "--assign",
            "graphiste",
        ],
        "",
    );
    assert_eq!(malformed.code, 2);
    assert!(
        malformed.stderr.contains("ROLE=PERSON"),
        "{}",
        malformed.stderr
    );
    assert!(!std::path::Path::new(&plan).exists(), "nothing written");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "no temporary file left"
    );

    std::fs::write(&plan, "# mine\n").unwrap();
    let exists = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "product-launch",
            "--deadline",
            "2027-03-16",
        ],
        "",
    );
    assert_eq!(exists.code, 2);
    assert!(
        exists.stderr.contains("already exists"),
        "{}",
        exists.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        "# mine\n",
        "kept as it was"
    );
    let forced = retroplan(
        &[
            "new",
            &plan,
            "--template",
            "product-launch",
            "--deadline",
            "2027-03-16",
            "--force",
        ],
        "",
    );
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(
        std::fs::read_to_string(&plan)
            .unwrap()
            .contains("deadline = 2027-03-16")
    );
}

#[test]
fn a_plan_saved_as_a_template_is_listed_and_dates_the_same() {
    let folder = scratch("user-templates");
    let work = scratch("user-templates-work");
    let save = retroplan_with(
        &folder,
        &[
            "template",
            "save",
            "examples/promo-noel.toml",
            "--as",
            "ma-promo",
        ],
        "",
    );
    assert_eq!(save.code, 0, "{}", save.stderr);
    assert!(std::path::Path::new(&format!("{folder}/ma-promo.fr.toml")).exists());
    let again = retroplan_with(
        &folder,
        &[
            "template",
            "save",
            "examples/promo-noel.toml",
            "--as",
            "ma-promo",
        ],
        "",
    );
    assert_eq!(again.code, 2, "no overwrite without --force");
    let builtin = retroplan_with(
        &folder,
        &[
            "template",
            "save",
            "examples/promo-noel.toml",
            "--as",
            "product-launch",
        ],
        "",
    );
    assert_eq!(builtin.code, 2);
    assert!(builtin.stderr.contains("built-in"), "{}", builtin.stderr);

    let list = retroplan_with(&folder, &["templates", "--format", "json"], "");
    let list: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "ma-promo")
        .expect("listed");
    assert_eq!(mine["origin"], "user");

    let plan = format!("{work}/promo.toml");
    let new = retroplan_with(
        &folder,
        &[
            "new",
            &plan,
            "--template",
            "ma-promo",
            "--deadline",
            "2026-12-20",
        ],
        "",
    );
    assert_eq!(new.code, 0, "{}", new.stderr);
    let dates = |path: &str| {
        let run = retroplan_with(
            &folder,
            &[
                "schedule",
                path,
                "--today",
                "2026-11-23",
                "--format",
                "json",
            ],
            "",
        );
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        json["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["id"].clone(), t["start"].clone(), t["end"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(dates("examples/promo-noel.toml"), dates(&plan));
}

#[test]
fn every_template_dated_for_one_deadline() {
    for id in builtin_ids() {
        for lang in ["fr", "en"] {
            let plan = retroplan(
                &[
                    "new",
                    "-",
                    "--template",
                    &id,
                    "--deadline",
                    "2027-03-16",
                    "--lang",
                    lang,
                ],
                "",
            );
            assert_eq!(plan.code, 0, "{id} {lang}: {}", plan.stderr);
            let run = retroplan(
                &["schedule", "-", "--today", "2026-09-01", "--lang", lang],
                &plan.stdout,
            );
            assert_eq!(run.code, 0, "{id} {lang}: {}{}", run.stdout, run.stderr);
            insta::assert_snapshot!(format!("template-{id}-{lang}"), run.stdout);
        }
    }
}

// ---------------------------------------------------------------------------
// People: overloads, levelling, workload (docs/people.md)
// ---------------------------------------------------------------------------

/// Léa has three tasks that all end on the deadline (Fri 4 Dec 2026): 12
/// working days of work; Marc, also a graphic designer, has none.
const TOO_MUCH_FOR_LEA: &str = r#"name = "Trop pour Léa"
deadline = 2026-12-04
today = 2026-11-23

[[person]]
id = "lea"
role = "Graphiste"

[[person]]
id = "marc"
role = "graphiste"

[[task]]
id = "visuels"
owner = "lea"
days = 5

[[task]]
id = "bannieres"
owner = "lea"
days = 4

[[task]]
id = "affiche"
owner = "lea"
days = 3

[[task]]
id = "envoi"
days = 0
after = ["visuels", "bannieres", "affiche"]
"#;

#[test]
fn overloads_are_reported_without_levelling() {
    let run = retroplan(&["schedule", "-", "--format", "json"], TOO_MUCH_FOR_LEA);
    assert_eq!(run.code, 0, "feasible without levelling: {}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["levelled"], false);
    let overloads = json["overloads"].as_array().unwrap();
    // visuels Mon 30 Nov - Fri 4 Dec, bannieres Tue 1 - Fri 4, affiche
    // Wed 2 - Fri 4: two tasks on the 1st, three from the 2nd.
    let days: Vec<(&str, u64)> = overloads
        .iter()
        .map(|o| (o["date"].as_str().unwrap(), o["booked"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        days,
        [
            ("2026-12-01", 2),
            ("2026-12-02", 3),
            ("2026-12-03", 3),
            ("2026-12-04", 3)
        ]
    );
    assert_eq!(
        overloads[0]["tasks"],
        serde_json::json!(["visuels", "bannieres"])
    );
    assert!(
        overloads
            .iter()
            .all(|o| o["person"] == "lea" && o["capacity"] == 1)
    );
    let table = retroplan(&["schedule", "-"], TOO_MUCH_FOR_LEA);
    assert!(table.stdout.contains("── Overloads ──"), "{}", table.stdout);
    assert!(table.stdout.contains("--level"), "{}", table.stdout);
}

#[test]
fn levelling_explains_its_moves_and_the_ways_out() {
    let run = retroplan(&["schedule", "-", "--level"], TOO_MUCH_FOR_LEA);
    // 12 days of work, 10 working days from Mon 23 Nov to Fri 4 Dec: late by 2.
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let out = &run.stdout;
    for expected in [
        "Late by 2 working days",
        "── Levelling ──",
        "bannieres  5 working days earlier: lea is busy with \"visuels\"",
        "affiche    9 working days earlier: lea is busy with \"bannieres\"",
        "── Who is overloaded ──",
        "lea: booked every working day from Mon 2026-11-23 to Fri 2026-12-04, and 2 days of work would have to be done before today (affiche)",
        "give \"affiche\" to marc instead of lea: the plan fits",
        "move the deadline to Tue 2026-12-08",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
    // The proposals hold: with the deadline proposed, levelling fits.
    let moved = retroplan(
        &[
            "schedule",
            "-",
            "--level",
            "--deadline",
            "2026-12-08",
            "--format",
            "json",
        ],
        TOO_MUCH_FOR_LEA,
    );
    assert_eq!(moved.code, 0, "{}", moved.stdout);
    let json: serde_json::Value = serde_json::from_str(&moved.stdout).unwrap();
    assert_eq!(
        (json["levelled"].clone(), json["overloads"].clone()),
        (true.into(), serde_json::json!([]))
    );
    // One day earlier is not enough: the proposal is the earliest.
    let earlier = retroplan(
        &["schedule", "-", "--level", "--deadline", "2026-12-07"],
        TOO_MUCH_FOR_LEA,
    );
    assert_eq!(earlier.code, 1);
    let given = TOO_MUCH_FOR_LEA.replace(
        "id = \"affiche\"\nowner = \"lea\"",
        "id = \"affiche\"\nowner = \"marc\"",
    );
    let reassigned = retroplan(&["schedule", "-", "--level"], &given);
    assert_eq!(reassigned.code, 0, "{}", reassigned.stdout);
    // French too.
    let fr = retroplan(
        &["schedule", "-", "--level", "--lang", "fr"],
        TOO_MUCH_FOR_LEA,
    );
    assert!(
        fr.stdout
            .contains("confier « affiche » à marc au lieu de lea : le plan tient"),
        "{}",
        fr.stdout
    );
    assert!(
        fr.stdout.contains("── Qui est surchargé ──"),
        "{}",
        fr.stdout
    );
}

#[test]
fn levelling_in_json_and_by_the_plan_key() {
    let plan = TOO_MUCH_FOR_LEA.replace("today = 2026-11-23", "today = 2026-11-02\nlevel = true");
    let run = retroplan(&["schedule", "-", "--format", "json"], &plan);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["levelled"], true);
    assert_eq!(json["overloads"], serde_json::json!([]));
    let task = |id: &str| {
        json["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    // visuels keeps the last five days; bannieres ends the day before it
    // starts (Fri 27 Nov), affiche the day before bannieres starts.
    assert_eq!(
        (
            task("visuels")["start"].clone(),
            task("visuels")["moved_by_levelling"].clone()
        ),
        ("2026-11-30".into(), 0.into())
    );
    assert_eq!(task("bannieres")["end"], "2026-11-27");
    assert_eq!(task("bannieres")["moved_by_levelling"], 5);
    assert_eq!(
        task("bannieres")["moved_because"],
        serde_json::json!({"person": "lea", "task": "visuels"})
    );
    assert_eq!(task("affiche")["end"], "2026-11-23");
    assert_eq!(task("affiche")["start"], "2026-11-19");
    assert_eq!(json["shortfalls"], serde_json::json!([]));
    // The same input gives the same bytes.
    let again = retroplan(&["schedule", "-", "--format", "json"], &plan);
    assert_eq!(again.stdout, run.stdout);
}

#[test]
fn people_keys_are_checked_with_a_place_and_a_hint() {
    let base = format!("{HEAD}[[person]]\nid = \"lea\"\n");
    let msg = refused(
        &format!("{base}capacity = \"150%\"\n"),
        "bad-capacity",
        "8:12",
    );
    assert!(
        msg.contains("whole number of tasks") || msg.contains("up to 100%"),
        "{msg}"
    );
    refused(&format!("{base}capacity = 0\n"), "bad-capacity", "8:12");
    refused(
        &format!("{base}workdays = [\"lundi\", \"dimonche\"]\n"),
        "bad-weekday",
        "8:22",
    );
    let msg = refused(&format!("{base}capacite = 2\n"), "unknown-key", "8:1");
    assert!(msg.contains("did you mean `capacity`?"), "{msg}");
    let task = "[[task]]\nid = \"a\"\nowner = \"lea\"\ndays = 1\n";
    refused(
        &format!("{base}{task}priority = \"urgentissime\"\n"),
        "bad-priority",
        "12:12",
    );
    let msg = refused(
        &format!("{base}{task}consulted = [\"lea\", \"leo\"]\n"),
        "unknown-owner",
        "12:21",
    );
    assert!(msg.contains("did you mean \"lea\"?"), "{msg}");
    // Accepted forms.
    for ok in [
        "capacity = 2",
        "capacity = \"50%\"",
        "capacity = 0.5",
        "capacity = \"200 %\"",
    ] {
        let run = retroplan(
            &["check", "-"],
            &format!("{base}{ok}\n{task}priority = \"haute\"\n"),
        );
        assert_eq!(run.code, 0, "{ok}: {}", run.stderr);
    }
}

#[test]
fn a_task_works_on_its_owners_days() {
    // Hugo works Monday to Thursday, at 50 %, and is off Mon 14 Dec: his
    // 2-day task spans 4 of his working days before Fri 18 Dec: Thu 17,
    // Wed 16, Tue 15 and, going back past the day off and Fri 11, Thu 10.
    let plan = format!(
        "{HEAD}[[person]]\nid = \"hugo\"\nworkdays = [\"mon\", \"tue\", \"wed\", \"thu\"]\ncapacity = \"50%\"\noff = [2026-12-14]\n[[task]]\nid = \"a\"\nowner = \"hugo\"\ndays = 2\n"
    );
    let run = retroplan(&["schedule", "-", "--format", "json"], &plan);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let a = &json["tasks"][0];
    assert_eq!(
        (a["start"].as_str(), a["end"].as_str(), a["days"].as_u64()),
        (Some("2026-12-10"), Some("2026-12-17"), Some(4))
    );
    // A fixed date on his day off is refused, saying why.
    let fixed = format!("{plan}on = 2026-12-14\n");
    let msg = refused(&fixed, "fixed-on-closed-day", "15:6");
    assert!(msg.contains("day off of its owner \"hugo\""), "{msg}");
}

#[test]
fn workload_sums_one_person_across_plans() {
    let dir = scratch("workload");
    let a = format!("{dir}/a.toml");
    let b = format!("{dir}/b.toml");
    // Léa: 3 days ending Fri 18 Dec in plan a, 2 days ending Thu 17 Dec in
    // plan b, where she is only named as an owner.
    std::fs::write(&a, format!("{HEAD}[[person]]\nid = \"lea\"\nname = \"Léa\"\n[[task]]\nid = \"x\"\nowner = \"lea\"\ndays = 3\n")).unwrap();
    std::fs::write(
        &b,
        format!("{HEAD}[[task]]\nid = \"y\"\nowner = \"lea\"\ndays = 2\ndue = 2026-12-17\n"),
    )
    .unwrap();
    let alone = retroplan(&["workload", &a], "");
    assert_eq!(alone.code, 0, "{}{}", alone.stdout, alone.stderr);
    assert!(
        alone.stdout.contains("Nobody is overbooked."),
        "{}",
        alone.stdout
    );
    let both = retroplan(&["workload", &a, &b, "--format", "json", "--by", "day"], "");
    assert_eq!(both.code, 1, "overbooked across plans: {}", both.stderr);
    let json: serde_json::Value = serde_json::from_str(&both.stdout).unwrap();
    assert_eq!(json["by"], "day");
    let people = json["people"].as_array().unwrap();
    assert_eq!(people.len(), 1, "one Léa across both plans: {json:#}");
    assert_eq!(people[0]["name"], "Léa");
    let periods = people[0]["periods"].as_array().unwrap();
    let over: Vec<&str> = periods
        .iter()
        .filter(|p| p["overloaded"] == true)
        .map(|p| p["start"].as_str().unwrap())
        .collect();
    // a: Wed 16 - Fri 18; b: Wed 16 - Thu 17.
    assert_eq!(over, ["2026-12-16", "2026-12-17"]);
    let day = periods.iter().find(|p| p["start"] == "2026-12-16").unwrap();
    assert_eq!(
        (
            day["booked"].as_f64(),
            day["available"].as_f64(),
            day["percent"].as_u64()
        ),
        (Some(2.0), Some(1.0), Some(200))
    );
    let table = retroplan(&["workload", &a, &b, "--lang", "fr"], "");
    assert!(
        table
            .stdout
            .contains("lea (Léa) : surchargé(e) 2 jour(s), du mer 16/12/2026 au jeu 17/12/2026"),
        "{}",
        table.stdout
    );
    // Levelling each plan alone does not help across plans.
    let levelled = retroplan(&["workload", &a, &b, "--level"], "");
    assert_eq!(levelled.code, 1);
}

#[test]
fn fixed_tasks_of_one_person_on_one_day_cannot_be_levelled() {
    let plan = format!(
        "{HEAD}level = true\n[[task]]\nid = \"a\"\nowner = \"lea\"\ndays = 1\non = 2026-12-10\n[[task]]\nid = \"b\"\nowner = \"lea\"\ndays = 1\non = 2026-12-10\n"
    )
    .replacen("level = true\n", "", 1)
    .replacen("today = 2026-11-02\n", "today = 2026-11-02\nlevel = true\n", 1);
    let run = retroplan(&["schedule", "-"], &plan);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout
            .contains("Not feasible: tasks with fixed dates book a person over capacity"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("lea  Thu 2026-12-10  2 tasks for a capacity of 1 (a, b)"),
        "{}",
        run.stdout
    );
}

/// Runs `retroplan ARGS` on `stdin` with standard output closed before it
/// writes (a reader that went away, as `| head -1` does after one line).
fn with_stdout_closed(args: &[&str], stdin: &str) -> (i32, String) {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_retroplan"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("RETROPLAN_TEMPLATES", common::no_user_templates())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let mut input = child.stdin.take().unwrap();
    // The binary may stop reading early; what it did not read is not the point.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A plan late by far more than a pipe's buffer of output: 2,000 tasks of
/// 5 days in one chain, due in a month.
fn long_late_plan() -> String {
    let mut plan = String::from("name = \"long\"\ndeadline = 2027-01-29\ntoday = 2026-12-01\n");
    for i in 0..2000 {
        plan.push_str(&format!("[[task]]\nid = \"t{i}\"\ndays = 5\n"));
        if i > 0 {
            plan.push_str(&format!("after = [\"t{}\"]\n", i - 1));
        }
    }
    plan
}

/// Closing the pipe made `println!` panic (`check`, `example`, ...), the CSV
/// writer report exit 2 (its error lost the broken pipe), and a late plan
/// exit 0: the reader going away is not the command's failure, and the
/// exit code still answers the question.
#[test]
fn a_closed_pipe_keeps_the_exit_code_and_panics_nowhere() {
    let late = long_late_plan();
    for format in ["table", "json", "csv"] {
        let (code, stderr) = with_stdout_closed(&["schedule", "-", "--format", format], &late);
        assert_eq!(code, 1, "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
    for args in [
        &["check", "-"][..],
        &["check", "-", "--format", "json"],
        &["example"],
    ] {
        let (code, stderr) = with_stdout_closed(args, "name = \"x\"\ndeadline = 2027-01-29\n");
        assert_eq!(code, 0, "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// A plan without tasks panicked the table (`phases[0]`); one of cancelled
/// tasks said "expected to end ." with no date.
#[test]
fn a_plan_with_no_work_left_says_so() {
    let empty = "name = \"z\"\ndeadline = 2027-03-01\n";
    let run = retroplan(
        &["schedule", "-", "--today", "2027-01-04", "--lang", "en"],
        empty,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nothing to do"), "{}", run.stdout);
    let cancelled = format!("{empty}[[task]]\nid = \"a\"\ndays = 2\nstatus = \"cancelled\"\n");
    let run = retroplan(
        &["schedule", "-", "--today", "2027-01-04", "--lang", "en"],
        &cancelled,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nothing to do"), "{}", run.stdout);
    assert!(!run.stdout.contains("end ."), "{}", run.stdout);
}

/// A missed `due` before a deadline that holds named an "earliest deadline"
/// eleven days before the real one, as if it were a way out.
#[test]
fn a_missed_due_date_is_named_as_such() {
    let plan = "name = \"d\"\ndeadline = 2026-11-27\ntoday = 2026-11-02\n\
                [[task]]\nid = \"a\"\ndays = 10\ndue = \"J-20\"\n";
    let run = retroplan(&["schedule", "-", "--lang", "en"], plan);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("the deadline holds, but a date that cannot move"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("earliest deadline"), "{}", run.stdout);
}

/// `check` dated a plan from the clock and `check --format json` from its
/// deadline, so they disagreed on progress; and `check` had no `--today`
/// though its hint says to give one.
#[test]
fn check_and_its_json_date_a_plan_alike_and_take_today() {
    let plan = "name = \"p\"\ndeadline = 2099-03-01\n\
                [[task]]\nid = \"a\"\ndays = 3\nstatus = \"in_progress\"\nstarted = 2099-01-04\n";
    let human = retroplan(&["check", "-"], plan);
    let json = retroplan(&["check", "-", "--format", "json"], plan);
    assert_eq!((human.code, json.code), (2, 2), "{}", human.stderr);
    assert!(
        json.stdout.contains("progress-after-today"),
        "{}",
        json.stdout
    );
    for format in ["human", "json"] {
        let run = retroplan(
            &["check", "-", "--format", format, "--today", "2099-02-01"],
            plan,
        );
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
    }
    assert_eq!(
        retroplan(&["raci", "-", "--today", "2099-02-01"], plan).code,
        0
    );
}

/// `--today` took `20261001`, `+002026-10-01` or a date and time, though
/// the flag says YYYY-MM-DD.
#[test]
fn today_is_a_date_written_yyyy_mm_dd() {
    // A built-in plan, nothing on standard input: the flag is refused before
    // anything is read.
    let plan = "example:promo-noel";
    for bad in ["20261001", "+002026-10-01", "2026-10-01 12:00", "2026-10-1"] {
        let run = retroplan(&["schedule", plan, "--today", bad], "");
        assert_eq!(run.code, 2, "{bad}");
        assert!(run.stderr.contains("YYYY-MM-DD"), "{bad}: {}", run.stderr);
    }
    let run = retroplan(&["schedule", plan, "--today", "2026-10-01"], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// A byte order mark counted as a column of the first line in the report.
#[test]
fn a_byte_order_mark_is_no_column() {
    let run = retroplan(
        &["check", "-"],
        "\u{feff}nme = \"T\"\ndeadline = 2026-11-27\n",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("[ <stdin>:1:1 ]"), "{}", run.stderr);
}

/// A file that is not UTF-8 said so with no place in it.
#[test]
fn a_file_that_is_not_utf8_is_refused_with_a_place() {
    let path = format!("{}/latin1.toml", scratch("latin1"));
    std::fs::write(
        &path,
        b"name = \"x\"\ndeadline = 2026-11-27\n[[task]]\nid = \"caf\xe9\"\n",
    )
    .unwrap();
    let run = retroplan(&["check", &path], "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("line 4, column 10"), "{}", run.stderr);
}

/// The JSON diagnostics left out the other places a diagnostic names.
#[test]
fn json_diagnostics_list_the_related_places() {
    let plan = "deadline = 2026-11-27\n[[task]]\nid = \"a\"\n[[task]]\nid = \"a\"\n";
    let json = retroplan(&["check", "-", "--format", "json"], plan);
    let list: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let duplicate = list
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["related"].as_array().is_some_and(|r| !r.is_empty()))
        .unwrap_or_else(|| panic!("{list:#}"));
    assert_eq!(duplicate["related"][0]["line"], 3, "{list:#}");
}

/// Regression: the overloads table merged days that are not neighbours:
/// lea overloaded Mon 14, Tue 15 and Thu 17 (b does not work Wednesdays)
/// read as one run from Monday to Thursday.
#[test]
fn an_overload_run_never_spans_a_day_without_overload() {
    let plan = format!(
        "{HEAD}[[task]]\nid = \"a\"\nowner = \"lea\"\ndays = 4\n[[task]]\nid = \"b\"\nowner = \"lea\"\ndays = 3\nworkdays = [\"mon\", \"tue\", \"thu\", \"fri\"]\n"
    )
    .replacen("deadline = 2026-12-18", "deadline = 2026-12-17", 1);
    let json = retroplan(&["schedule", "-", "--format", "json"], &plan);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let days: Vec<&str> = v["overloads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["date"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2026-12-14", "2026-12-15", "2026-12-17"]);
    let table = retroplan(&["schedule", "-"], &plan);
    assert!(
        table.stdout.contains("Mon 2026-12-14 → Tue 2026-12-15"),
        "{}",
        table.stdout
    );
    assert!(
        !table.stdout.contains("Mon 2026-12-14 → Thu 2026-12-17"),
        "{}",
        table.stdout
    );
}

/// Regression: `workload --by day` labelled every Monday as a week ("wk
/// Mon 2026-12-14") though its row holds one day.
#[test]
fn workload_by_day_labels_mondays_as_days() {
    let plan = format!("{HEAD}[[task]]\nid = \"a\"\nowner = \"lea\"\ndays = 5\n");
    let by_day = retroplan(&["workload", "-", "--by", "day"], &plan);
    assert_eq!(by_day.code, 0, "{}", by_day.stderr);
    assert!(
        by_day.stdout.contains("Mon 2026-12-14"),
        "{}",
        by_day.stdout
    );
    assert!(!by_day.stdout.contains("wk "), "{}", by_day.stdout);
    let by_week = retroplan(&["workload", "-"], &plan);
    assert!(
        by_week.stdout.contains("wk Mon 2026-12-14"),
        "{}",
        by_week.stdout
    );
}

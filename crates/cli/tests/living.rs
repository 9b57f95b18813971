//! A plan's life at fixed `--today` values: forecasts, verdicts, baselines
//! and the weekly review, checked by hand (docs/progress.md).
//!
//! The plan: `brief` (lea, 3 days) then `visuels` (tom, 5 days) and `textes`
//! (lea, 2 days), then the launch, a milestone fixed on D-day, Friday
//! 2026-12-04. No public holidays (`country = "none"`). Planned: brief
//! Wed 25 → Fri 27 Nov, visuels Mon 30 Nov → Fri 4 Dec, textes Thu 3 → Fri 4
//! Dec, launch Fri 4 Dec.

mod common;

use serde_json::Value;

const PLAN: &str = r#"# A launch, followed week by week.
name = "Lancement"
deadline = 2026-12-04
lang = "en"

[calendar]
country = "none"

[[person]]
id = "lea"

[[person]]
id = "tom"

[[task]]
id = "brief"
title = "Brief"
owner = "lea"
days = 3
#brief

[[task]]
id = "visuels"
title = "Visuels"
owner = "tom"
days = 5
after = ["brief"]
#visuels

[[task]]
id = "textes"
title = "Textes"
owner = "lea"
days = 2
after = ["brief"]
#textes

[[task]]
id = "lancement"
title = "Lancement"
days = 0
on = "J"
after = ["visuels", "textes"]
"#;

/// The plan with progress lines put under tasks: `(task, lines)`.
fn plan_with(progress: &[(&str, &str)]) -> String {
    let mut text = PLAN.to_string();
    for (task, lines) in progress {
        text = text.replace(&format!("#{task}\n"), &format!("{lines}\n"));
    }
    text
}

fn folder() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("living");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `text` to a fresh file named `name` and returns its path.
fn file(name: &str, text: &str) -> String {
    let path = folder().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> common::Run {
    common::run(args, "", &common::no_user_templates(), &[])
}

fn schedule_json(path: &str, today: &str) -> (i32, Value) {
    let r = run(&["schedule", path, "--today", today, "--format", "json"]);
    assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
    (r.code, serde_json::from_str(&r.stdout).unwrap())
}

fn task<'a>(json: &'a Value, id: &str) -> &'a Value {
    json["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap()
}

fn flags(json: &Value, id: &str) -> (bool, bool) {
    let t = task(json, id);
    (
        t["late"].as_bool().unwrap(),
        t["at_risk"].as_bool().unwrap(),
    )
}

#[test]
fn the_first_day_is_on_track_and_the_first_task_is_at_risk_until_it_starts() {
    let path = file("first-day.toml", PLAN);
    let (code, json) = schedule_json(&path, "2026-11-25");
    assert_eq!(code, 0);
    assert_eq!(json["verdict"], "on_track");
    assert_eq!(json["forecast_end"], "2026-12-04");
    for t in json["tasks"].as_array().unwrap() {
        assert_eq!(t["forecast_start"], t["start"], "{t}");
        assert_eq!(t["forecast_end"], t["end"], "{t}");
        assert_eq!(t["status"], "todo");
        assert!(t.get("variance").is_none(), "no baseline, no variance");
    }
    // brief starts today: at risk unless lea starts within 2 working days.
    assert_eq!(flags(&json, "brief"), (false, true));
    // visuels starts Mon 30, three working days away (Thu, Fri, Mon).
    assert_eq!(flags(&json, "visuels"), (false, false));
}

#[test]
fn a_task_done_early_keeps_its_successors_on_their_planned_dates() {
    let text = plan_with(&[(
        "brief",
        "status = \"done\"\nstarted = 2026-11-24\nfinished = 2026-11-26",
    )]);
    let path = file("done-early.toml", &text);
    let (code, json) = schedule_json(&path, "2026-11-27");
    assert_eq!(code, 0);
    assert_eq!(json["verdict"], "on_track");
    let brief = task(&json, "brief");
    assert_eq!(brief["forecast_start"], "2026-11-24");
    assert_eq!(brief["forecast_end"], "2026-11-26");
    assert_eq!(
        brief["earliest_start"], "2026-11-24",
        "done work keeps its dates"
    );
    assert_eq!(brief["critical"], false, "done work is never critical");
    assert_eq!(flags(&json, "brief"), (false, false));
    // People start on the planned day, not as soon as they could.
    assert_eq!(task(&json, "visuels")["forecast_start"], "2026-11-30");
    // Friday 27: Monday 30 is the next working day, within the 2-day window.
    assert_eq!(flags(&json, "visuels"), (false, true));
    assert_eq!(
        json["feasible"], true,
        "done work before today is not lateness"
    );
}

#[test]
fn a_task_not_started_on_time_is_late_and_pushes_the_launch() {
    let text = plan_with(&[("brief", "status = \"done\"\nfinished = 2026-11-27")]);
    let path = file("late.toml", &text);
    // Tuesday 1 Dec: visuels should have started on Monday.
    let (code, json) = schedule_json(&path, "2026-12-01");
    assert_eq!(code, 1);
    assert_eq!(json["verdict"], "late");
    assert_eq!(json["late_by"], 1);
    assert_eq!(flags(&json, "visuels"), (true, false));
    let visuels = task(&json, "visuels");
    assert_eq!(visuels["forecast_start"], "2026-12-01");
    assert_eq!(visuels["forecast_end"], "2026-12-07");
    assert_eq!(task(&json, "lancement")["forecast_end"], "2026-12-07");
    assert_eq!(json["forecast_end"], "2026-12-07");
    let chain: Vec<&str> = json["critical_path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        chain,
        ["visuels", "lancement"],
        "the chain starts at the late task"
    );
    // textes starts Thursday 3, two working days away: not yet at risk.
    assert_eq!(flags(&json, "textes"), (false, false));
}

#[test]
fn a_task_in_progress_with_days_remaining_forecasts_from_today() {
    let text = plan_with(&[(
        "brief",
        "status = \"in_progress\"\nstarted = 2026-11-25\nremaining = 2",
    )]);
    let path = file("in-progress.toml", &text);
    // Friday 27, two days left: Friday and Monday.
    let (code, json) = schedule_json(&path, "2026-11-27");
    assert_eq!(code, 1);
    let brief = task(&json, "brief");
    assert_eq!(brief["forecast_start"], "2026-11-25");
    assert_eq!(brief["forecast_end"], "2026-11-30");
    // Not late yet (its planned end is today) but behind its plan.
    assert_eq!(flags(&json, "brief"), (false, true));
    assert_eq!(task(&json, "visuels")["forecast_end"], "2026-12-07");
    assert_eq!(json["verdict"], "late");
    assert_eq!(json["late_by"], 1);
    // With one day left it ends today, as planned.
    let text = text.replace("remaining = 2", "remaining = 1");
    let path = file("in-progress-1.toml", &text);
    let (code, json) = schedule_json(&path, "2026-11-27");
    assert_eq!(code, 0);
    assert_eq!(json["verdict"], "on_track");
    assert_eq!(task(&json, "brief")["forecast_end"], "2026-11-27");
}

#[test]
fn a_task_started_late_that_still_ends_on_time_puts_the_plan_at_risk() {
    // textes was planned Thu 3 → Fri 4; it starts Friday with one day left:
    // it ends on time, but it slipped a day into the margin it had.
    let text = plan_with(&[
        ("brief", "status = \"done\"\nfinished = 2026-11-27"),
        ("visuels", "status = \"in_progress\"\nstarted = 2026-11-30"),
        (
            "textes",
            "status = \"in_progress\"\nstarted = 2026-12-04\nremaining = 1",
        ),
    ]);
    let path = file("at-risk.toml", &text);
    let (code, json) = schedule_json(&path, "2026-12-04");
    assert_eq!(code, 0, "the deadline holds");
    assert_eq!(json["verdict"], "at_risk");
    assert_eq!(json["forecast_end"], "2026-12-04");
    let textes = task(&json, "textes");
    assert_eq!(textes["forecast_start"], "2026-12-04");
    assert_eq!(textes["forecast_end"], "2026-12-04");
    assert_eq!(flags(&json, "textes"), (false, true));
    // visuels without `remaining`: its 5 planned days from Monday 30.
    assert_eq!(task(&json, "visuels")["forecast_end"], "2026-12-04");
    assert_eq!(flags(&json, "visuels"), (false, false));
    let r = run(&["schedule", &path, "--today", "2026-12-04"]);
    assert!(
        r.stdout.contains("At risk: the deadline holds (expected end Fri 2026-12-04), but work has slipped and eats the margin: textes."),
        "{}",
        r.stdout
    );
}

#[test]
fn a_blocked_task_shows_who_it_waits_on_in_the_weekly_review() {
    let text = plan_with(&[
        (
            "brief",
            "status = \"in_progress\"\nstarted = 2026-11-25\nremaining = 1",
        ),
        (
            "textes",
            "status = \"blocked\"\nnotes = \"attend la charte\"",
        ),
    ]);
    let path = file("blocked.toml", &text);
    let r = run(&["week", &path, "--today", "2026-11-27", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(json["week"]["from"], "2026-11-23");
    assert_eq!(json["week"]["to"], "2026-11-29");
    let plan = &json["plans"][0];
    assert_eq!(plan["verdict"], "on_track");
    let waiting = plan["waiting"].as_array().unwrap();
    let textes = waiting.iter().find(|w| w["task"] == "textes").unwrap();
    assert_eq!(textes["blocked"], true);
    assert_eq!(textes["waits_on"][0]["task"], "brief");
    assert_eq!(textes["waits_on"][0]["owner"], "lea");
    let ids = |key: &str| -> Vec<String> {
        plan[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("due_this_week"), ["brief"]);
    assert_eq!(
        ids("starting_next_week"),
        ["visuels", "textes", "lancement"]
    );
    assert_eq!(ids("late"), Vec::<String>::new());
    assert_eq!(ids("at_risk"), ["visuels"], "visuels starts Monday");
    assert_eq!(plan["margin"]["left"], 0);
    assert_eq!(plan["margin"]["planned"], 0);
}

#[test]
fn the_review_for_one_person_keeps_their_tasks_and_their_waits() {
    let text = plan_with(&[(
        "brief",
        "status = \"in_progress\"\nstarted = 2026-11-25\nremaining = 2",
    )]);
    let path = file("owner.toml", &text);
    let r = run(&[
        "week",
        &path,
        "--today",
        "2026-11-27",
        "--format",
        "json",
        "--owner",
        "tom",
    ]);
    assert_eq!(r.code, 1, "the plan is late");
    let json: Value = serde_json::from_str(&r.stdout).unwrap();
    let plan = &json["plans"][0];
    assert_eq!(json["owner"], "tom");
    for key in ["due_this_week", "late", "at_risk", "starting_next_week"] {
        for t in plan[key].as_array().unwrap() {
            assert_eq!(t["owner"], "tom", "{key}: {t}");
        }
    }
    assert_eq!(plan["at_risk"][0]["id"], "visuels");
    let waits: Vec<&str> = plan["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["task"].as_str().unwrap())
        .collect();
    // tom's visuels waits on lea's brief; lancement waits on tom's visuels.
    assert_eq!(waits, ["visuels", "lancement"]);
}

#[test]
fn a_baseline_appends_to_the_file_and_measures_the_slip() {
    let path = file("baseline.toml", PLAN);
    let r = run(&["baseline", &path, "--today", "2026-11-25", "--name", "v1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recorded = std::fs::read_to_string(&path).unwrap();
    assert!(
        recorded.starts_with(PLAN),
        "the file before the baseline is untouched"
    );
    assert!(recorded[PLAN.len()..].starts_with("\n[baseline.v1]\n"));
    // Right after recording, nothing has moved.
    let (_, json) = schedule_json(&path, "2026-11-25");
    assert_eq!(json["variance"]["baseline"], "v1");
    assert_eq!(json["variance"]["start"], 0);
    assert_eq!(json["variance"]["end"], 0);
    for t in json["tasks"].as_array().unwrap() {
        assert_eq!(t["variance"]["start"], 0, "{t}");
        assert_eq!(t["variance"]["end"], 0, "{t}");
    }
    // A second baseline of the same name is refused, the file unchanged.
    let r = run(&["baseline", &path, "--today", "2026-11-25", "--name", "v1"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("already has a baseline named \"v1\""),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), recorded);

    // brief runs a day over: visuels and the launch move one working day.
    let late = recorded.replace(
        "#brief\n",
        "status = \"in_progress\"\nstarted = 2026-11-25\nremaining = 2\n",
    );
    std::fs::write(&path, &late).unwrap();
    let (_, json) = schedule_json(&path, "2026-11-27");
    assert_eq!(task(&json, "brief")["variance"]["end"], 1);
    assert_eq!(task(&json, "visuels")["variance"]["start"], 1);
    assert_eq!(
        task(&json, "textes")["variance"]["end"],
        0,
        "textes has slack"
    );
    assert_eq!(json["variance"]["end"], 1);
    assert_eq!(json["variance"]["start"], 0);
    // A task added since (before the baseline section) has no variance.
    let (head, baseline) = late.split_at(late.find("\n[baseline").unwrap());
    let added =
        format!("{head}\n[[task]]\nid = \"presse\"\ndays = 1\nafter = [\"brief\"]\n{baseline}");
    std::fs::write(&path, &added).unwrap();
    let (_, json) = schedule_json(&path, "2026-11-27");
    assert!(task(&json, "presse")["variance"].is_null());
    // The table shows the variance column and the line under it.
    let r = run(&["schedule", &path, "--today", "2026-11-27"]);
    assert!(r.stdout.contains("Var."), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("Against baseline \"v1\": start 0, end +1 (working days)."),
        "{}",
        r.stdout
    );
    let r = run(&["baseline", &path, "--list"]);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.starts_with("v1\t2026-11-25\ton_track\t"),
        "{}",
        r.stdout
    );
}

#[test]
fn progress_after_today_is_refused_with_its_place() {
    let text = plan_with(&[("brief", "status = \"in_progress\"\nstarted = 2026-11-30")]);
    let path = file("future.toml", &text);
    let r = run(&["schedule", &path, "--today", "2026-11-27"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("task `brief` is marked started on 2026-11-30, after today (2026-11-27)"),
        "{}",
        r.stderr
    );
}

#[test]
fn contradictory_progress_is_refused_by_the_reader() {
    for (lines, message) in [
        (
            "finished = 2026-11-26",
            "a task with a `finished` date must be done, not `todo`",
        ),
        (
            "started = 2026-11-26",
            "a task with a `started` date cannot be `todo`",
        ),
        (
            "status = \"done\"\nstarted = 2026-11-26\nfinished = 2026-11-25",
            "finished on 2026-11-25, before it started (2026-11-26)",
        ),
        (
            "status = \"done\"\nremaining = 2",
            "`remaining` is for a task under way, not `done`",
        ),
        ("status = \"maybe\"", "unknown status \"maybe\""),
    ] {
        let path = file("contradiction.toml", &plan_with(&[("brief", lines)]));
        let r = run(&["check", &path]);
        assert_eq!(r.code, 2, "{lines}");
        assert!(r.stderr.contains(message), "{lines}: {}", r.stderr);
    }
}

#[test]
fn a_cancelled_task_takes_no_time_and_its_links_pass_through() {
    let text = plan_with(&[("visuels", "status = \"annulé\"")]);
    let path = file("cancelled.toml", &text);
    let (code, json) = schedule_json(&path, "2026-11-25");
    assert_eq!(code, 0);
    let visuels = task(&json, "visuels");
    assert_eq!(visuels["status"], "cancelled");
    assert_eq!(visuels["days"], 0);
    assert_eq!(visuels["milestone"], false);
    assert_eq!(visuels["critical"], false);
    // Without visuels, brief only has to end before textes: Wed 2 Dec.
    assert_eq!(task(&json, "brief")["end"], "2026-12-02");
}

/// The review of the blocked scenario with a baseline, in both languages
/// and the three formats.
#[test]
fn weekly_review_snapshots() {
    let text = plan_with(&[
        (
            "brief",
            "status = \"in_progress\"\nstarted = 2026-11-25\nremaining = 2",
        ),
        (
            "textes",
            "status = \"blocked\"\nnotes = \"attend la charte\"",
        ),
    ]);
    let path = file("review.toml", PLAN);
    assert_eq!(
        run(&["baseline", &path, "--today", "2026-11-25", "--name", "v1"]).code,
        0
    );
    let recorded = std::fs::read_to_string(&path).unwrap();
    let with_baseline = format!("{text}{}", &recorded[PLAN.len()..]);
    std::fs::write(&path, with_baseline).unwrap();
    for lang in ["en", "fr"] {
        for format in ["table", "markdown"] {
            let r = run(&[
                "week",
                &path,
                "--today",
                "2026-11-27",
                "--format",
                format,
                "--lang",
                lang,
            ]);
            assert_eq!(r.code, 1, "late by one day: {}", r.stderr);
            let text = r.stdout.replace(path.as_str(), "PLAN");
            insta::assert_snapshot!(format!("week-{format}-{lang}"), text);
        }
    }
}

/// Regression: on a file of CRLF lines, `baseline` appended its section
/// with bare LF, and every edit command then refused the file as mixed.
#[test]
fn a_baseline_keeps_crlf_line_endings_and_the_file_stays_editable() {
    let path = file("crlf.toml", &PLAN.replace('\n', "\r\n"));
    let r = run(&["baseline", &path, "--today", "2026-11-25", "--name", "v1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recorded = std::fs::read_to_string(&path).unwrap();
    assert!(recorded.contains("\r\n[baseline.v1]\r\n"), "{recorded:?}");
    assert!(
        !recorded.replace("\r\n", "").contains('\n'),
        "every line ends in CRLF"
    );
    let r = run(&["done", &path, "brief", "--on", "2026-11-20"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let edited = std::fs::read_to_string(&path).unwrap();
    assert!(edited.contains("status = \"done\"\r\n"), "{edited:?}");
    assert!(!edited.replace("\r\n", "").contains('\n'));
}

/// Regression: of two baselines recorded the same day, the one written
/// first in the file (and first in the alphabet) was compared with.
#[test]
fn of_two_baselines_of_one_day_the_one_recorded_last_is_compared_with() {
    let path = file("two-baselines.toml", PLAN);
    for name in ["week2", "final"] {
        let r = run(&["baseline", &path, "--today", "2026-11-23", "--name", name]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    let (_, json) = schedule_json(&path, "2026-11-23");
    assert_eq!(json["variance"]["baseline"], "final");
}

/// Regression: every task done, the last one two working days after the
/// deadline: the table said "On track: expected to end" a day after D-day
/// while `week` said the deadline was overrun. The verdict is about the
/// work left (nothing), and the line now says the work done ended late.
#[test]
fn work_done_after_the_deadline_is_not_called_on_track() {
    let text = "name = \"Fini\"\ndeadline = 2026-12-04\ntoday = 2026-12-09\nlang = \"en\"\n\
        [calendar]\ncountry = \"none\"\n\
        [[task]]\nid = \"a\"\ntitle = \"A\"\ndays = 2\nstatus = \"done\"\nfinished = 2026-12-01\n\
        [[task]]\nid = \"c\"\ntitle = \"C\"\ndays = 2\nafter = [\"a\"]\nstatus = \"done\"\nstarted = 2026-12-07\nfinished = 2026-12-08\n";
    let path = file("done-late.toml", text);
    let r = common::run(
        &["schedule", &path],
        "",
        &common::no_user_templates(),
        &[("NO_COLOR", "1")],
    );
    assert!(
        r.stdout.contains(
            "The work left holds, but the work done ended on Tue 2026-12-08, after D-day (Fri 2026-12-04)."
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("On track"), "{}", r.stdout);
}

//! `retroplan whatif PLAN`: changes tried in memory, hand-checked on a
//! small plan (docs/diff-and-whatif.md). The plan file is never written.
//!
//! The plan: a chain brief (3 days) → shooting (4) → launch (2) ending on
//! D-day, Friday 19 March 2027, and a parallel flyer (3) that also feeds
//! the launch. No public holidays (`country = "none"`), so working days are
//! Monday to Friday. Today is Tuesday 9 March:
//!
//! | task     | planned                 | forecast                      |
//! |----------|-------------------------|-------------------------------|
//! | brief    | Tue 09/03 – Thu 11/03   | as planned                    |
//! | shooting | Fri 12/03 – Wed 17/03   | as planned                    |
//! | flyer    | Mon 15/03 – Wed 17/03   | started Mon 08/03: – Wed 10/03|
//! | launch   | Thu 18/03 – Fri 19/03   | as planned                    |
//!
//! The flyer, under way a week ahead of its plan, ends five working days
//! before it must (Thu 11, Fri 12, Mon 15, Tue 16, Wed 17): its slack.

mod common;

use std::path::PathBuf;

use common::{Run, no_user_templates, run};
use serde_json::Value;

const PLAN: &str = common::CAMPAIGN;

/// The plan written to its own file for one test.
fn plan_file(test: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("whatif")
        .join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    std::fs::write(&path, PLAN).unwrap();
    path
}

/// Runs `retroplan whatif PLAN ARGS` and checks the plan file is unchanged.
fn whatif(path: &PathBuf, args: &[&str]) -> Run {
    let mut all = vec!["whatif", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = run(&all, "", &no_user_templates(), &[("NO_COLOR", "1")]);
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        PLAN,
        "the plan file is never written"
    );
    out
}

fn json(path: &PathBuf, args: &[&str]) -> (i32, Value) {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = whatif(path, &all);
    assert_eq!(out.stderr, "", "no diagnostics");
    let value = serde_json::from_str(&out.stdout).expect("JSON");
    (out.code, value)
}

/// The move of task `id`, if it moves.
fn moves<'v>(value: &'v Value, id: &str) -> Option<&'v Value> {
    value["moves"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
}

fn ids(value: &Value) -> Vec<&str> {
    value["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap())
        .collect()
}

#[test]
fn a_two_day_slip_on_a_critical_task_moves_what_follows_and_makes_the_plan_late() {
    let path = plan_file("critical-slip");
    let (code, v) = json(&path, &["--slip", "shooting=2"]);
    assert_eq!(code, 1, "the deadline no longer holds");
    assert_eq!(ids(&v), ["shooting", "launch"], "brief and flyer stay");
    let shooting = &moves(&v, "shooting").unwrap()["forecast"];
    assert_eq!(shooting["start"][1], "2027-03-16");
    assert_eq!(shooting["end"][1], "2027-03-19");
    assert_eq!(shooting["shift"]["start"], 2);
    assert_eq!(shooting["shift"]["end"], 2);
    let launch = moves(&v, "launch").unwrap();
    assert!(
        launch["planned"].is_null(),
        "the plan stays; the forecast moves"
    );
    assert_eq!(launch["forecast"]["start"][1], "2027-03-22");
    assert_eq!(launch["forecast"]["end"][1], "2027-03-23");
    assert_eq!(launch["forecast"]["shift"]["end"], 2);
    assert_eq!(v["plan"]["late_by"][0], 0);
    assert_eq!(v["plan"]["late_by"][1], 2);
    assert_eq!(v["plan"]["verdict"][0], "on_track");
    assert_eq!(v["plan"]["verdict"][1], "late");
    assert_eq!(v["plan"]["forecast_end"][1], "2027-03-23");
    assert_eq!(v["plan"]["earliest_deadline"][1], "2027-03-23");
    assert_eq!(v["deadline_holds"], false);
    assert_eq!(v["changes"][0]["change"], "slip");
    assert_eq!(v["changes"][0]["days"], 2);

    let table = whatif(&path, &["--slip", "shooting=2"]);
    assert_eq!(table.code, 1);
    assert!(
        table.stdout.contains("“Shooting” slips by 2 working days"),
        "{}",
        table.stdout
    );
    assert!(
        table
            .stdout
            .contains("Launch    forecast  Thu 2027-03-18 → Mon 2027-03-22 (+2)  Fri 2027-03-19 → Tue 2027-03-23 (+2)"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains(
            "✗ The deadline is missed by 2 working days: earliest deadline Tue 2027-03-23."
        ),
        "{}",
        table.stdout
    );
    let fr = whatif(&path, &["--slip", "shooting=2", "--lang", "fr"]);
    assert!(
        fr.stdout.contains(
            "Le Jour J est manqué de 2 jours ouvrés : date au plus tôt tenable le mar 23/03/2027."
        ),
        "{}",
        fr.stdout
    );
}

#[test]
fn a_slip_within_a_tasks_slack_moves_nothing_after_it_and_the_deadline_holds() {
    let path = plan_file("slack-slip");
    let (code, v) = json(&path, &["--slip", "flyer=2"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&v), ["flyer"], "the launch does not move");
    let flyer = &moves(&v, "flyer").unwrap()["forecast"];
    assert_eq!(flyer["end"][0], "2027-03-10");
    assert_eq!(flyer["end"][1], "2027-03-12");
    assert_eq!(flyer["shift"]["start"], 0, "under way: its end slips");
    assert_eq!(flyer["shift"]["end"], 2);
    assert_eq!(v["plan"]["verdict"][1], "on_track");
    assert_eq!(v["deadline_holds"], true);

    // All five days of slack, and one more.
    let (code, v) = json(&path, &["--slip", "flyer=5"]);
    assert_eq!((code, ids(&v)), (0, vec!["flyer"]));
    let (code, v) = json(&path, &["--slip", "flyer=6"]);
    assert_eq!(code, 1);
    assert_eq!(v["plan"]["late_by"][1], 1);

    let table = whatif(&path, &["--slip", "flyer=2"]);
    assert_eq!(table.code, 0);
    assert!(
        table
            .stdout
            .contains("✓ The deadline holds: Fri 2027-03-19."),
        "{}",
        table.stdout
    );
    let fr = whatif(&path, &["--slip", "flyer=2", "--lang", "fr"]);
    assert!(
        fr.stdout.contains("✓ Le Jour J tient : ven 19/03/2027."),
        "{}",
        fr.stdout
    );
}

#[test]
fn a_removed_task_takes_no_time_and_its_links_pass_through_it() {
    let path = plan_file("remove");
    let (code, v) = json(&path, &["--remove", "shooting"]);
    assert_eq!(code, 0);
    // The brief now feeds the launch directly: as late as that allows.
    assert_eq!(ids(&v), ["brief"]);
    let brief = &moves(&v, "brief").unwrap()["planned"];
    assert_eq!(brief["start"][1], "2027-03-15");
    assert_eq!(brief["end"][1], "2027-03-17");
    assert_eq!(brief["shift"]["start"], 4);
    assert_eq!(v["plan"]["start"][0], "2027-03-09");
    assert_eq!(v["plan"]["start"][1], "2027-03-15");
    assert_eq!(v["changes"][0]["change"], "remove");

    let table = whatif(&path, &["--remove", "shooting"]);
    assert!(
        table.stdout.contains("“Shooting” is removed (cancelled)")
            && table.stdout.contains("its links pass through it"),
        "{}",
        table.stdout
    );
}

#[test]
fn another_deadline_moves_the_plan_with_it() {
    let path = plan_file("deadline");
    let (code, v) = json(&path, &["--deadline", "2027-03-26"]);
    assert_eq!(code, 0);
    assert_eq!(ids(&v), ["brief", "shooting", "launch", "flyer"]);
    for id in ["brief", "shooting", "launch", "flyer"] {
        let planned = &moves(&v, id).unwrap()["planned"];
        assert_eq!(planned["shift"]["start"], 5, "{id}");
        assert_eq!(planned["shift"]["end"], 5, "{id}");
    }
    assert!(
        moves(&v, "flyer").unwrap()["forecast"].is_null(),
        "work under way keeps its dates"
    );
    assert_eq!(v["plan"]["deadline"][1], "2027-03-26");
    assert_eq!(v["plan"]["forecast_end"][1], "2027-03-26");

    // Nine days of work from Tuesday 9 March end on Friday 19: a deadline
    // of Friday 12 is missed by five working days.
    let (code, v) = json(&path, &["--deadline", "2027-03-12"]);
    assert_eq!(code, 1);
    assert_eq!(v["plan"]["late_by"][1], 5);
    assert_eq!(v["plan"]["earliest_deadline"][1], "2027-03-19");
}

#[test]
fn added_days_move_the_work_before_and_fewer_days_give_it_room() {
    let path = plan_file("add-days");
    // Two more days of shooting: its start and the brief move two days
    // earlier, before today, so the plan is late by two.
    let (code, v) = json(&path, &["--add-days", "shooting=2"]);
    assert_eq!(code, 1);
    let shooting = &moves(&v, "shooting").unwrap()["planned"];
    assert_eq!(shooting["start"][1], "2027-03-10");
    assert_eq!(shooting["shift"]["start"], -2);
    assert_eq!(shooting["shift"]["end"], 0);
    assert_eq!(moves(&v, "brief").unwrap()["planned"]["shift"]["end"], -2);
    assert_eq!(v["plan"]["late_by"][1], 2);
    assert_eq!(v["changes"][0]["duration"][0], 4);
    assert_eq!(v["changes"][0]["duration"][1], 6);

    let (code, v) = json(&path, &["--add-days", "shooting=-2"]);
    assert_eq!(code, 0);
    assert_eq!(moves(&v, "brief").unwrap()["planned"]["shift"]["start"], 2);
    assert_eq!(
        moves(&v, "shooting").unwrap()["planned"]["shift"]["start"],
        2
    );

    // Down to a milestone, never below.
    let (code, _) = json(&path, &["--add-days", "launch=-2"]);
    assert_eq!(code, 0);
    let refused = whatif(&path, &["--add-days", "launch=-3"]);
    assert_eq!(refused.code, 2);
    assert_eq!(refused.stdout, "");
    assert!(
        refused
            .stderr
            .contains("task `launch` takes 2 day(s); it cannot lose 3"),
        "{}",
        refused.stderr
    );
}

#[test]
fn unknown_tasks_and_bad_numbers_are_refused_with_the_closest_id() {
    let path = plan_file("refused");
    let out = whatif(&path, &["--slip", "shootin=2"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr
            .contains("no task `shootin` in the plan; did you mean `shooting`?"),
        "{}",
        out.stderr
    );
    let out = whatif(&path, &["--remove", "Flyr", "--add-days", "lunch=1"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `flyer`?"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `launch`?"),
        "{}",
        out.stderr
    );
    for bad in [
        ["--slip", "brief"],
        ["--slip", "brief=x"],
        ["--slip", "brief=-1"],
    ] {
        let out = whatif(&path, &bad);
        assert_eq!(out.code, 2, "{bad:?}");
        assert!(
            out.stderr.starts_with("error: --slip brief"),
            "{}",
            out.stderr
        );
    }
    let out = whatif(&path, &[]);
    assert_eq!(out.code, 2, "no change to try");
}

/// Regression: `--add-days` on a task under way with a `remaining` estimate
/// moved its planned dates only; its forecast, which ends by `remaining`,
/// stayed, and the answer was "Forecast end (unchanged)".
#[test]
fn added_days_reach_the_forecast_of_work_under_way_with_remaining() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("whatif")
        .join("remaining");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    let text = "deadline = 2026-12-11\ntoday = 2026-11-30\n[calendar]\ncountry = \"none\"\n\
        [[task]]\nid = \"a\"\ndays = 4\nstatus = \"in_progress\"\nstarted = 2026-11-30\nremaining = 2\n\
        [[task]]\nid = \"b\"\ndays = 2\nafter = [\"a\"]\n";
    std::fs::write(&path, text).unwrap();
    let out = run(
        &[
            "whatif",
            path.to_str().unwrap(),
            "--add-days",
            "a=3",
            "--format",
            "json",
        ],
        "",
        &no_user_templates(),
        &[("NO_COLOR", "1")],
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "not written");
    let v: Value = serde_json::from_str(&out.stdout).expect("JSON");
    // Two days left from Mon 30 Nov end on Tue 1 Dec; five on Fri 4 Dec.
    let a = &moves(&v, "a").expect("a moves")["forecast"];
    assert_eq!(a["end"][0], "2026-12-01");
    assert_eq!(a["end"][1], "2026-12-04");
    assert_eq!(v["plan"]["forecast_end"][1], "2026-12-11");
}

/// Regression: `whatif --deadline` before the plan's `ready_by` date said
/// the deadline holds, the buffer before it gone without a word, where
/// `schedule --deadline` refuses the same plan.
#[test]
fn a_deadline_before_the_ready_by_date_is_refused() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("whatif")
        .join("ready-by");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan.toml");
    let text = "deadline = 2026-12-18\ntoday = 2026-11-30\nready_by = 2026-12-15\n[calendar]\ncountry = \"none\"\n\
        [[task]]\nid = \"a\"\ndays = 3\n";
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let env = [("NO_COLOR", "1")];
    let schedule = run(
        &["schedule", path, "--deadline", "2026-12-14"],
        "",
        &no_user_templates(),
        &env,
    );
    assert_eq!(schedule.code, 2, "{}", schedule.stderr);
    let out = run(
        &["whatif", path, "--deadline", "2026-12-14"],
        "",
        &no_user_templates(),
        &env,
    );
    assert_eq!(out.code, 2, "{}", out.stdout);
    assert!(out.stderr.contains("ready_by"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
    // A later deadline keeps `ready_by` before it.
    let later = run(
        &["whatif", path, "--deadline", "2026-12-21"],
        "",
        &no_user_templates(),
        &env,
    );
    assert_eq!(later.code, 0, "{}", later.stderr);
}

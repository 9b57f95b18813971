//! `retroplan diff OLD NEW` and `retroplan diff PLAN --baseline [NAME]`:
//! what changed, hand-checked on a small plan (docs/diff-and-whatif.md).
//!
//! OLD: brief (3 days) → shooting (4) → launch (2) ending on D-day, Friday
//! 19 March 2027, and a flyer (3, under way) that also feeds the launch; no
//! public holidays. Planned: brief Tue 09/03 – Thu 11/03, shooting Fri 12/03
//! – Wed 17/03, flyer Mon 15/03 – Wed 17/03, launch Thu 18/03 – Fri 19/03.
//!
//! NEW: the brief is gone, the shooting takes 6 days, the flyer is done and
//! now Dan's, and a one-day post follows the launch. So the launch ends a
//! day earlier (Thu 18/03), the shooting runs Tue 09/03 – Tue 16/03 and the
//! flyer Fri 12/03 – Tue 16/03.

mod common;

use std::path::PathBuf;

use common::{Run, no_user_templates, run};
use serde_json::Value;

const OLD: &str = common::CAMPAIGN;

const NEW: &str = r#"name = "Campagne"
deadline = 2027-03-19
today = 2027-03-09

[calendar]
country = "none"

[[task]]
id = "shooting"
title = "Shooting"
days = 6
owner = "ben"

[[task]]
id = "launch"
title = "Launch"
days = 2
after = ["shooting", "flyer"]
owner = "ana"

[[task]]
id = "flyer"
title = "Flyer"
days = 3
owner = "dan"
status = "done"
started = 2027-03-08
finished = 2027-03-09

[[task]]
id = "post"
title = "Social | post"
days = 1
after = ["launch"]
"#;

/// Two baselines of OLD: "week-9", then "week-10" (the last one), which
/// had the shooting two days earlier and Ana's, a video since dropped, and
/// no flyer.
const BASELINES: &str = r#"
[baseline."week-9"]
recorded = 2027-02-22
deadline = 2027-03-26
start = 2027-03-16
end = 2027-03-26
verdict = "on_track"
tasks.brief = { start = 2027-03-16, end = 2027-03-18, days = 3, owner = "ana", status = "todo" }

[baseline."week-10"]
recorded = 2027-03-01
deadline = 2027-03-19
start = 2027-03-09
end = 2027-03-19
verdict = "at_risk"
tasks.brief = { start = 2027-03-09, end = 2027-03-11, days = 3, owner = "ana", status = "todo" }
tasks.shooting = { start = 2027-03-10, end = 2027-03-15, days = 4, owner = "ana", status = "todo" }
tasks.launch = { start = 2027-03-18, end = 2027-03-19, days = 2, owner = "ana", status = "todo" }
tasks.video = { start = 2027-03-16, end = 2027-03-17, days = 2, owner = "ben", status = "todo" }
"#;

fn write(test: &str, name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("diff")
        .join(test);
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

fn diff(args: &[&str]) -> Run {
    let mut all = vec!["diff"];
    all.extend_from_slice(args);
    run(&all, "", &no_user_templates(), &[("NO_COLOR", "1")])
}

fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let out = diff(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stderr, "");
    serde_json::from_str(&out.stdout).expect("JSON")
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect()
}

#[test]
fn two_files_added_removed_redated_reassigned_and_status_changed() {
    let old = write("two-files", "old.toml", OLD);
    let new = write("two-files", "new.toml", NEW);
    let v = json(&[&old, &new]);
    assert_eq!(ids(&v["added"]), ["post"]);
    assert_eq!(v["added"][0]["title"], "Social | post");
    assert_eq!(ids(&v["removed"]), ["brief"]);
    assert_eq!(ids(&v["redated"]), ["shooting", "launch", "flyer"]);
    let shooting = &v["redated"][0];
    assert_eq!(shooting["start"][0], "2027-03-12");
    assert_eq!(shooting["start"][1], "2027-03-09");
    assert_eq!(shooting["end"][0], "2027-03-17");
    assert_eq!(shooting["end"][1], "2027-03-16");
    assert_eq!(shooting["shift"]["start"], -3, "Fri 12 back to Tue 9");
    assert_eq!(shooting["shift"]["end"], -1);
    assert_eq!(v["redated"][1]["end"][1], "2027-03-18");
    assert_eq!(v["redated"][2]["start"][1], "2027-03-12");
    assert_eq!(
        v["redated"][2]["shift"]["start"], -1,
        "Mon 15 back to Fri 12"
    );
    assert_eq!(ids(&v["reassigned"]), ["flyer"]);
    assert_eq!(v["reassigned"][0]["owner"][0], "cleo");
    assert_eq!(v["reassigned"][0]["owner"][1], "dan");
    assert_eq!(ids(&v["status_changed"]), ["flyer"]);
    assert_eq!(v["status_changed"][0]["status"][0], "in_progress");
    assert_eq!(v["status_changed"][0]["status"][1], "done");
    assert_eq!(ids(&v["duration_changed"]), ["shooting"]);
    assert_eq!(v["duration_changed"][0]["days"][0], 4);
    assert_eq!(v["duration_changed"][0]["days"][1], 6);
    assert_eq!(v["plan"]["start"][0], "2027-03-09");
    assert_eq!(v["plan"]["start"][1], "2027-03-09");
    assert_eq!(v["plan"]["forecast_end"][1], "2027-03-19");
    assert_eq!(v["plan"]["verdict"][0], "on_track");
    assert_eq!(v["plan"]["verdict"][1], "on_track");

    let table = diff(&[&old, &new]);
    assert_eq!(table.code, 0);
    let out = &table.stdout;
    for line in [
        "1 added · 1 removed · 3 re-dated · 1 re-assigned · 1 status changed · 1 duration changed",
        "Added (1)",
        "  Social | post  —      1     Fri 2027-03-19  Fri 2027-03-19",
        "Removed (1)",
        "  Brief  ana    3     Tue 2027-03-09  Thu 2027-03-11",
        "Re-dated (3)",
        "  Shooting  Fri 2027-03-12 → Tue 2027-03-09 (-3)  Wed 2027-03-17 → Tue 2027-03-16 (-1)",
        "  Flyer  cleo → dan",
        "  Flyer  in progress → done",
        "  Shooting  4 → 6",
        "  Verdict       on track (unchanged)",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }

    let fr = diff(&[&old, &new, "--lang", "fr"]);
    assert!(fr.stdout.contains("Redatées (3)"), "{}", fr.stdout);
    assert!(fr.stdout.contains("en cours → terminé"), "{}", fr.stdout);

    let md = diff(&[&old, &new, "--format", "markdown"]);
    assert_eq!(md.code, 0);
    assert!(md.stdout.starts_with("### Changes · "), "{}", md.stdout);
    assert!(
        md.stdout
            .contains("| Social \\| post | — | 1 | Fri 2027-03-19 | Fri 2027-03-19 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| Task | Start | End |\n| --- | --- | --- |"),
        "{}",
        md.stdout
    );
}

#[test]
fn the_same_plan_twice_has_no_change() {
    let old = write("same", "old.toml", OLD);
    let v = json(&[&old, &old]);
    for key in [
        "added",
        "removed",
        "redated",
        "reassigned",
        "status_changed",
        "duration_changed",
    ] {
        assert_eq!(v[key].as_array().unwrap().len(), 0, "{key}");
    }
    let table = diff(&[&old, &old]);
    assert!(
        table.stdout.contains("No change to the tasks."),
        "{}",
        table.stdout
    );
}

#[test]
fn against_a_baseline_the_last_one_by_default() {
    let plan = write("baseline", "plan.toml", &format!("{OLD}{BASELINES}"));
    let v = json(&[&plan, "--baseline"]);
    assert_eq!(v["old"]["baseline"], "week-10");
    assert_eq!(v["old"]["recorded"], "2027-03-01");
    assert_eq!(ids(&v["added"]), ["flyer"]);
    assert_eq!(ids(&v["removed"]), ["video"]);
    assert!(
        v["removed"][0]["title"].is_null(),
        "a baseline has no titles"
    );
    assert_eq!(ids(&v["redated"]), ["shooting"]);
    assert_eq!(v["redated"][0]["start"][0], "2027-03-10");
    assert_eq!(v["redated"][0]["start"][1], "2027-03-12");
    assert_eq!(v["redated"][0]["shift"]["start"], 2);
    assert_eq!(v["redated"][0]["shift"]["end"], 2);
    assert_eq!(ids(&v["reassigned"]), ["shooting"]);
    assert_eq!(v["reassigned"][0]["owner"][0], "ana");
    assert_eq!(v["reassigned"][0]["owner"][1], "ben");
    assert_eq!(ids(&v["status_changed"]), Vec::<&str>::new());
    // The recorded start and end and verdict, against the forecast now (the
    // flyer started on Monday 8).
    assert_eq!(v["plan"]["start"][0], "2027-03-09");
    assert_eq!(v["plan"]["start"][1], "2027-03-08");
    assert_eq!(v["plan"]["forecast_end"][0], "2027-03-19");
    assert_eq!(v["plan"]["forecast_end"][1], "2027-03-19");
    assert_eq!(v["plan"]["verdict"][0], "at_risk");
    assert_eq!(v["plan"]["verdict"][1], "on_track");

    let named = json(&[&plan, "--baseline", "week-9"]);
    assert_eq!(named["old"]["baseline"], "week-9");
    assert_eq!(named["plan"]["deadline"][0], "2027-03-26");
    assert_eq!(named["plan"]["shift"]["deadline"], -5);
    assert_eq!(named["redated"][0]["id"], "brief");
    assert_eq!(named["redated"][0]["shift"]["start"], -5);

    let table = diff(&[&plan, "--baseline"]);
    assert_eq!(table.code, 0);
    for line in [
        "since baseline \"week-10\" of Mon 2027-03-01",
        "  video  ben    2     Tue 2027-03-16  Wed 2027-03-17",
        "  Shooting  Wed 2027-03-10 → Fri 2027-03-12 (+2)  Mon 2027-03-15 → Wed 2027-03-17 (+2)",
        "  Shooting  ana → ben",
        "  Forecast start  Tue 2027-03-09 → Mon 2027-03-08 (-1)",
        "  Verdict         at risk → on track",
    ] {
        assert!(
            table.stdout.contains(line),
            "missing {line:?} in:\n{}",
            table.stdout
        );
    }
}

#[test]
fn refusals() {
    let plan = write("refusals", "plan.toml", OLD);
    let unknown = diff(&[&plan, "--baseline", "week-1"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("no baseline"), "{}", unknown.stderr);
    let one = diff(&[&plan]);
    assert_eq!(one.code, 2);
    assert!(one.stderr.contains("give two plan files"), "{}", one.stderr);
    let missing = diff(&[&plan, "does-not-exist.toml"]);
    assert_eq!(missing.code, 2);
    let broken = write("refusals", "broken.toml", "deadline = \"soon\"\n");
    assert_eq!(diff(&[&plan, &broken]).code, 2);
}

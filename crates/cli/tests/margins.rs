//! Margins and estimates as a user sees them (docs/margins.md): the plan
//! file's keys and their refusals, and each buffer as a visible item of the
//! table, the JSON, the CSV and the weekly review, with what progress has
//! consumed of it.
//!
//! The plan: `brief` (5 days) then `visuels` (estimate [3, 5, 10], its own
//! margin of 2 days) and `textes` (2 days), before `lancement`, a milestone
//! fixed on the deadline, Friday 18 December 2026, with no public holidays.
//! `visuels` at p80: Beta-PERT(3, 5, 10) has α = 1 + 4·2/7, β = 1 + 4·5/7;
//! its 80th percentile is 6.9 days, so 7 planned. sigma = (10 - 3) / 6 = 1.17.

mod common;

use common::{Run, no_user_templates, run};
use serde_json::Value;

const PLAN: &str = r#"name = "Buffers"
deadline = 2026-12-18
buffer = "3d"
margin = { critical = "20%" }
estimate_at = "p80"

[calendar]
country = "none"

[[task]]
id = "brief"
days = 5

[[task]]
id = "visuels"
estimate = [3, 5, 10]
after = ["brief"]
margin = "2d"

[[task]]
id = "textes"
days = 2
after = ["brief"]

[[task]]
id = "lancement"
days = 0
on = "J"
after = ["visuels", "textes"]
"#;

fn write(name: &str, text: &str) -> String {
    let path = format!("{}/margins-{name}.toml", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, text).unwrap();
    path
}

fn retroplan(args: &[&str]) -> Run {
    run(args, "", &no_user_templates(), &[])
}

fn json(path: &str, today: &str) -> Value {
    let out = retroplan(&["schedule", path, "--today", today, "--format", "json"]);
    assert!(out.code == 0 || out.code == 1, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

#[test]
fn every_buffer_is_an_item_of_the_json_with_its_dates() {
    let path = write("json", PLAN);
    let v = json(&path, "2026-11-23");
    let buffers = v["buffers"].as_array().unwrap();
    let summary: Vec<(String, Value, u64, u64, String, String)> = buffers
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().unwrap().to_string(),
                b["after"].clone(),
                b["days"].as_u64().unwrap(),
                b["consumed"].as_u64().unwrap(),
                b["start"].as_str().unwrap().to_string(),
                b["end"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // The last 3 working days (Wed 16 - Fri 18) are the buffer before D.
    // brief (5) + visuels (7) is the chain of least slack: 20 % of 12 days
    // is 2.4, so 3 days, after visuels' own 2 (Wed 9 - Thu 10 then Fri 11 -
    // Tue 15). visuels is then Mon 30 Nov - Tue 8 Dec, brief Mon 23 - Fri 27.
    assert_eq!(
        summary,
        vec![
            (
                "task".into(),
                Value::from("visuels"),
                2,
                0,
                "2026-12-09".into(),
                "2026-12-10".into()
            ),
            (
                "critical".into(),
                Value::from("visuels"),
                3,
                0,
                "2026-12-11".into(),
                "2026-12-15".into()
            ),
            (
                "ready".into(),
                Value::Null,
                3,
                0,
                "2026-12-16".into(),
                "2026-12-18".into()
            ),
        ]
    );
    assert_eq!(buffers[1]["percent"], 20);
    assert_eq!(buffers[1]["chain_days"], 12);
    let task = |id: &str| {
        v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()
            .clone()
    };
    let visuels = task("visuels");
    assert_eq!(visuels["days"], 7);
    assert_eq!(
        (visuels["start"].as_str(), visuels["end"].as_str()),
        (Some("2026-11-30"), Some("2026-12-08"))
    );
    assert_eq!(visuels["estimate"]["at"], "p80");
    assert_eq!(visuels["estimate"]["sigma"].as_f64(), Some(1.17));
    assert_eq!(visuels["estimate"]["mean"].as_f64(), Some(5.5));
    assert_eq!(task("brief")["start"], "2026-11-23");
    assert_eq!(task("textes")["end"], "2026-12-15");
    // Slack measures the real deadline: the buffers are part of it.
    assert_eq!(task("brief")["slack"], 8);
    assert_eq!(v["critical_sigma"].as_f64(), Some(1.17));
}

#[test]
fn a_buffer_consumed_by_progress_says_so_everywhere() {
    // brief done a week late (Fri 4 Dec instead of Fri 27 Nov): visuels
    // can only start Mon 7 and end Tue 15, 5 working days past its plan:
    // its own 2 days and the 3 of the critical buffer are used up; the
    // buffer before D is intact and the deadline holds.
    let late = PLAN.replace(
        "id = \"brief\"\ndays = 5\n",
        "id = \"brief\"\ndays = 5\nstatus = \"done\"\nstarted = 2026-11-30\nfinished = 2026-12-04\n",
    );
    let path = write("consumed", &late);
    let v = json(&path, "2026-12-07");
    let consumed: Vec<u64> = v["buffers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["consumed"].as_u64().unwrap())
        .collect();
    assert_eq!(consumed, vec![2, 3, 0]);
    assert_eq!(v["verdict"], "at_risk");
    assert_eq!(v["feasible"], true);

    let table = retroplan(&["schedule", &path, "--today", "2026-12-07", "--lang", "en"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let row = |needle: &str| {
        table
            .stdout
            .lines()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no row {needle} in\n{}", table.stdout))
            .to_string()
    };
    assert!(row("░ buffer after visuels").ends_with("used up"));
    assert!(row("░ critical path buffer (20%)").ends_with("used up"));
    assert!(!row("░ buffer before D-day").contains("consumed"));
    assert!(
        row("Buffers:").contains("visuels 2/2 · critical path 3/3 · before D 3), 5 consumed"),
        "{}",
        table.stdout
    );
    assert!(row("visuels").contains("7 ±1.2"));

    let week = retroplan(&["week", &path, "--today", "2026-12-07", "--lang", "fr"]);
    assert!(
        week.stdout.contains("Marges : 8 jours ouvrés (visuels 2/2 · chemin critique 3/3 · avant J 3), dont 5 consommés"),
        "{}",
        week.stdout
    );
    let week = retroplan(&["week", &path, "--today", "2026-12-07", "--format", "json"]);
    let v: Value = serde_json::from_str(&week.stdout).unwrap();
    let buffers = &v["plans"][0]["margin"]["buffers"];
    assert_eq!(buffers[0]["consumed"], 2, "{}", week.stdout);
    // Regression: the weekly review's critical buffer lacked its size's
    // `percent` and `chain_days`, which the schedule's JSON has.
    let schedule = json(&path, "2026-12-07");
    let critical = |list: &Value| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|b| b["kind"] == "critical")
            .cloned()
            .expect("a critical buffer")
    };
    let (in_week, in_schedule) = (critical(buffers), critical(&schedule["buffers"]));
    assert_eq!(in_week["percent"], 20);
    assert_eq!(in_week, in_schedule);
}

#[test]
fn buffers_are_rows_of_the_csv() {
    let path = write("csv", PLAN);
    let out = retroplan(&[
        "schedule",
        &path,
        "--today",
        "2026-11-23",
        "--format",
        "csv",
    ]);
    let mut rows = csv::Reader::from_reader(out.stdout.as_bytes());
    let header = rows.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let ids: Vec<&str> = records.iter().map(|r| &r[col("id")]).collect();
    assert_eq!(
        ids,
        [
            "brief",
            "visuels",
            "buffer:visuels",
            "buffer:critical:visuels",
            "textes",
            "lancement",
            "buffer:ready"
        ]
    );
    let items: Vec<&str> = records.iter().map(|r| &r[col("item")]).collect();
    assert_eq!(
        items,
        ["task", "task", "buffer", "buffer", "task", "task", "buffer"]
    );
    assert_eq!(&records[6][col("days")], "3");
    assert_eq!(&records[6][col("start")], "2026-12-16");
    assert_eq!(&records[1][col("sigma")], "1.17");
}

#[test]
fn bad_margins_are_refused_with_line_and_column() {
    let cases = [
        (
            "buffer = \"3d\"",
            "buffer = \"3 weeks\"",
            "`buffer` = \"3 weeks\" is not a number of working days",
        ),
        (
            "margin = { critical = \"20%\" }",
            "margin = { critical = \"120%\" }",
            "not a percentage from 0% to 100%",
        ),
        (
            "margin = { critical = \"20%\" }",
            "margin = { critcal = \"20%\" }",
            "critcal",
        ),
        (
            "margin = { critical = \"20%\" }",
            "margin = \"20%\"",
            "the plan's `margin` is a table",
        ),
        (
            "estimate_at = \"p80\"",
            "estimate_at = \"p100\"",
            "is not a way to plan an estimate",
        ),
        (
            "buffer = \"3d\"",
            "ready_by = 2026-12-20",
            "is not before the deadline",
        ),
        (
            "buffer = \"3d\"",
            "buffer = \"3d\"\nready_by = \"J-5\"",
            "both `ready_by` and `buffer`",
        ),
        // Regression: a `ready_by` 274 years early was accepted (`buffer`
        // stops at 1000 working days) and planned the work in year 1752.
        (
            "buffer = \"3d\"",
            "ready_by = \"S-14285\"",
            "would not be a margin but a second plan",
        ),
        ("margin = \"2d\"", "margin = -2", "cannot be negative"),
    ];
    for (from, to, message) in cases {
        assert!(PLAN.contains(from), "{from}");
        let line = PLAN[..PLAN.find(from).unwrap()].lines().count() + 1;
        let path = write("bad", &PLAN.replacen(from, to, 1));
        let out = retroplan(&["check", &path]);
        assert_eq!(out.code, 2, "{to}: {}", out.stderr);
        assert!(out.stderr.contains(message), "{to}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("margins-bad.toml:{line}:")),
            "{to} on line {line}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_ready_by_label_counts_back_from_the_deadline() {
    // J-5 is Sunday 13: the work is ready at the close of Friday 11, and the
    // buffer is Mon 14 - Fri 18.
    let path = write(
        "label",
        &PLAN.replace("buffer = \"3d\"", "ready_by = \"J-5\""),
    );
    let v = json(&path, "2026-11-23");
    let ready = v["buffers"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(ready["kind"], "ready");
    assert_eq!(
        (
            ready["start"].as_str(),
            ready["end"].as_str(),
            ready["days"].as_u64()
        ),
        (Some("2026-12-14"), Some("2026-12-18"), Some(5))
    );
}

//! `retroplan risk PLAN`: Monte Carlo as a user runs it (docs/monte-carlo.md):
//! the JSON keys and types, the same bytes on one thread or two, refusals,
//! and the table. Snapshots are in `snapshots/risk__*.snap`.

mod common;

use common::{Run, no_user_templates, run};
use serde_json::Value;

/// Runs `retroplan ARGS` with `NO_COLOR` and `env`.
fn retroplan(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    let mut all = vec![("NO_COLOR", "1")];
    all.extend_from_slice(env);
    run(args, stdin, &no_user_templates(), &all)
}

/// A launch: a brief, then visuals and texts side by side, then the
/// integration, before a launch fixed on D-day, Friday 2026-12-18; today
/// Monday 2026-11-30, no public holidays. Estimates everywhere: the plan
/// holds as planned but not in every run.
const PLAN: &str = r#"name = "Lancement"
deadline = 2026-12-18
today = 2026-11-30
lang = "fr"

[calendar]
country = "none"

[[task]]
id = "brief"
title = "Brief"
owner = "lea"
estimate = [2, 3, 5]

[[task]]
id = "visuels"
title = "Visuels"
owner = "tom"
estimate = [4, 6, 10]
after = ["brief"]

[[task]]
id = "textes"
title = "Textes"
owner = "lea"
estimate = [2, 3, 6]
after = ["brief"]

[[task]]
id = "integration"
title = "Intégration"
owner = "tom"
estimate = [2, 3, 6]
after = ["visuels", "textes"]

[[task]]
id = "lancement"
title = "Lancement"
days = 0
on = "J"
after = ["integration"]
"#;

fn json(args: &[&str], env: &[(&str, &str)]) -> (String, Value) {
    let mut all = vec!["risk", "-", "--format", "json"];
    all.extend_from_slice(args);
    let run = retroplan(&all, PLAN, env);
    assert_eq!(run.code, 0, "exit code; stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "nothing on standard error off a terminal");
    let value = serde_json::from_str(&run.stdout).expect("JSON");
    (run.stdout, value)
}

fn is_date(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.parse::<jiff::civil::Date>().is_ok())
}

fn is_share(v: &Value) -> bool {
    v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x))
}

#[test]
fn the_json_has_every_key_with_its_type() {
    let (_, v) = json(&["--runs", "2000"], &[]);
    let object = v.as_object().expect("an object");
    let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "criticality",
            "deadline",
            "finish",
            "histogram",
            "levelled",
            "margin_criticality",
            "name",
            "planned_start",
            "probability_on_time",
            "runs",
            "seed",
            "start_by",
            "today",
            "work_days",
        ]
    );
    assert_eq!(v["runs"], 2000);
    assert_eq!(v["seed"], 1, "the default seed: reproducible by default");
    assert_eq!(v["name"], "Lancement");
    assert_eq!(v["deadline"], "2026-12-18");
    assert_eq!(v["today"], "2026-11-30");
    assert!(is_date(&v["planned_start"]));
    assert_eq!(v["levelled"], false);
    let p = v["probability_on_time"].as_f64().unwrap();
    assert!(p > 0.0 && p < 1.0, "uncertain: {p}");
    for key in ["p50", "p80", "p90", "p95"] {
        assert!(is_date(&v["start_by"][key]), "start_by.{key}");
    }
    assert_eq!(v["start_by"].as_object().unwrap().len(), 4);
    for key in ["p50", "p80", "p95"] {
        assert!(is_date(&v["finish"][key]), "finish.{key}");
    }
    assert_eq!(v["finish"].as_object().unwrap().len(), 3);
    // Later confidence of finishing, later dates; earlier starts.
    let date = |x: &Value| x.as_str().unwrap().to_string();
    assert!(date(&v["finish"]["p50"]) <= date(&v["finish"]["p80"]));
    assert!(date(&v["finish"]["p80"]) <= date(&v["finish"]["p95"]));
    assert!(date(&v["start_by"]["p95"]) <= date(&v["start_by"]["p50"]));
    for key in ["criticality", "margin_criticality"] {
        let shares = v[key].as_object().unwrap();
        let ids: Vec<&str> = shares.keys().map(String::as_str).collect();
        assert_eq!(
            ids,
            ["brief", "integration", "lancement", "textes", "visuels"]
        );
        assert!(shares.values().all(is_share), "{key}");
    }
    assert_eq!(v["criticality"]["lancement"], 1.0, "a fixed date");
    let bins = v["histogram"].as_array().unwrap();
    assert!(!bins.is_empty() && bins.len() <= 30);
    let mut total = 0;
    for b in bins {
        assert_eq!(b.as_object().unwrap().len(), 3);
        assert!(is_date(&b["from"]) && is_date(&b["to"]));
        assert!(date(&b["from"]) <= date(&b["to"]));
        total += b["runs"].as_u64().unwrap();
    }
    assert_eq!(total, 2000, "every run in a bin");
    let mean = v["work_days"]["mean"].as_f64().unwrap();
    let sigma = v["work_days"]["sigma"].as_f64().unwrap();
    // Three to five estimates end to end: between the optimistic (8) and
    // pessimistic (21) sums, with some spread.
    assert!(mean > 8.0 && mean < 21.0 && sigma > 0.0, "{mean} {sigma}");
}

#[test]
fn one_thread_or_two_give_the_same_bytes() {
    let (one, _) = json(
        &["--runs", "3000", "--seed", "7"],
        &[("RAYON_NUM_THREADS", "1")],
    );
    let (two, _) = json(
        &["--runs", "3000", "--seed", "7"],
        &[("RAYON_NUM_THREADS", "2")],
    );
    assert_eq!(one, two);
    let (other, v) = json(
        &["--runs", "3000", "--seed", "8"],
        &[("RAYON_NUM_THREADS", "2")],
    );
    assert_ne!(one, other, "another seed, other draws");
    assert_eq!(v["seed"], 8);
}

#[test]
fn the_default_is_ten_thousand_runs() {
    let (_, v) = json(&[], &[]);
    assert_eq!(v["runs"], 10_000);
}

/// Writes `text` to a fresh file named `name` and returns its path.
fn file(name: &str, text: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("risk");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn bad_input_exits_2() {
    // From a file: the arguments are refused before anything is read.
    let plan = file("plan.toml", PLAN);
    for runs in ["0", "10000001", "-3", "many"] {
        let flag = format!("--runs={runs}");
        let run = retroplan(&["risk", &plan, &flag], "", &[]);
        assert_eq!(run.code, 2, "--runs {runs}");
        assert_eq!(run.stdout, "");
        assert!(run.stderr.contains("--runs"), "{}", run.stderr);
    }
    // A plan that cannot be read: its diagnostics, nothing on standard output.
    let broken = PLAN.replace("estimate = [2, 3, 5]", "estimate = [5, 3, 2]");
    let run = retroplan(&["risk", "-"], &broken, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("estimate"), "{}", run.stderr);
    // A cycle, which only dating the plan finds.
    let cycle = PLAN.replace(
        "id = \"brief\"\ntitle = \"Brief\"",
        "id = \"brief\"\ntitle = \"Brief\"\nafter = [\"integration\"]",
    );
    let run = retroplan(&["risk", "-"], &cycle, &[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("cycle"), "{}", run.stderr);
}

#[test]
fn the_table_in_french_and_english() {
    for lang in ["fr", "en"] {
        let run = retroplan(
            &["risk", "-", "--runs", "2000", "--seed", "3", "--lang", lang],
            PLAN,
            &[],
        );
        assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
        assert_eq!(run.stderr, "");
        assert!(!run.stdout.contains('\u{1b}'), "NO_COLOR: no escape codes");
        insta::assert_snapshot!(format!("table-{lang}"), run.stdout);
    }
}

/// The French verdict sentence, as the issue words it.
#[test]
fn the_verdict_gives_the_chance_of_finishing_by_the_deadline() {
    let (_, v) = json(&["--runs", "2000", "--seed", "3"], &[]);
    let percent = (v["probability_on_time"].as_f64().unwrap() * 100.0).round();
    let run = retroplan(&["risk", "-", "--runs", "2000", "--seed", "3"], PLAN, &[]);
    let sentence = format!("{percent} % de chances de finir pour le Jour J (ven 18/12/2026).");
    assert!(run.stdout.contains(&sentence), "{}", run.stdout);
}

/// Regression: a plan of milestones alone (nothing started) was told "all
/// the work has started" when it has no start date to give.
#[test]
fn milestones_alone_are_not_said_to_have_started() {
    let plan = r#"name = "Jalons"
deadline = 2026-12-18
today = 2026-11-30
[calendar]
country = "none"
[[task]]
id = "m"
title = "M"
days = 0
[[task]]
id = "n"
title = "N"
days = 0
on = "J"
after = ["m"]
"#;
    for (lang, expected) in [
        (
            "en",
            "No start date to give: no work planned back from D-day is left to start.",
        ),
        (
            "fr",
            "Pas de date de début à donner : aucun travail planifié à rebours du Jour J ne reste à commencer.",
        ),
    ] {
        let run = retroplan(&["risk", "-", "--runs", "10", "--lang", lang], plan, &[]);
        assert_eq!(run.code, 0, "stderr:\n{}", run.stderr);
        assert!(run.stdout.contains(expected), "{}", run.stdout);
        assert!(!run.stdout.contains("started"), "{}", run.stdout);
        assert!(!run.stdout.contains("a commencé"), "{}", run.stdout);
    }
}

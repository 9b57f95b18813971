//! `retroplan raci PLAN`: the RACI matrix as a user runs it (docs/raci.md):
//! cells, empty columns, languages, the four formats, warnings, refusals.
//! Snapshots are in `snapshots/raci__*.snap`.

mod common;

use common::{Run, no_user_templates, run};

/// Runs `retroplan ARGS` with `NO_COLOR`.
fn retroplan(args: &[&str], stdin: &str) -> Run {
    retroplan_env(args, stdin, &[("NO_COLOR", "1")])
}

/// The same with `env` set instead of `NO_COLOR` alone.
fn retroplan_env(args: &[&str], stdin: &str, env: &[(&str, &str)]) -> Run {
    run(args, stdin, &no_user_templates(), env)
}

/// Runs `retroplan raci - ARGS` on `plan`; it must succeed quietly.
fn raci(plan: &str, args: &[&str]) -> String {
    let mut all = vec!["raci", "-"];
    all.extend_from_slice(args);
    let run = retroplan(&all, plan);
    assert_eq!(run.code, 0, "exit code; stderr:\n{}", run.stderr);
    assert_eq!(run.stderr, "", "no diagnostics");
    run.stdout
}

/// Five people (Sam on no task), owners, `responsible`, `consulted` (the
/// owner of `brief` among them), `informed`, a task with no owner, one with
/// nobody responsible, a milestone involving nobody and a task with no phase.
const PLAN: &str = r#"
name = "Test RACI"
deadline = 2027-03-16
today = 2027-01-04

[[person]]
id = "lea"
name = "Léa Martin"
role = "Graphiste"

[[person]]
id = "hugo"
name = "Hugo Petit"

[[person]]
id = "nadia"
name = "Nadia Benali"
role = "Cheffe de projet"

[[person]]
id = "client"
name = "Claire Dumas"

[[person]]
id = "sam"
name = "Sam Leroy"

[[task]]
id = "brief"
title = "Brief, créatif"
owner = "nadia"
consulted = ["client", "nadia"]
informed = "lea"
days = 2
phase = "Cadrage"

[[task]]
id = "visuels"
title = "Créer les visuels"
owner = "nadia"
responsible = ["lea", "hugo"]
consulted = "client"
days = 3
after = ["brief"]
phase = "Création"

[[task]]
id = "textes"
title = "Rédiger les textes"
responsible = "hugo"
days = 2
after = ["brief"]
phase = "Création"

[[task]]
id = "relecture"
title = "Relire"
informed = "client"
days = 1
after = ["textes"]
phase = "Création"

[[task]]
id = "pret"
title = "Tout est prêt"
days = 0
after = ["visuels", "relecture"]
phase = "Création"

[[task]]
id = "lancement"
title = "Lancement"
owner = "client"
on = "J"
days = 1
after = ["pret"]
"#;

/// The cells of the table row that starts with `title`, split on spaces.
fn row<'a>(table: &'a str, title: &str) -> Vec<&'a str> {
    let line = table
        .lines()
        .find(|l| l.starts_with(title))
        .unwrap_or_else(|| panic!("no row `{title}` in:\n{table}"));
    line[title.len()..].split_whitespace().collect()
}

#[test]
fn the_table_shows_each_persons_letters() {
    let table = raci(PLAN, &["--lang", "fr"]);
    assert!(!table.contains('\u{1b}'), "NO_COLOR: no escape codes");
    let header: Vec<&str> = table.lines().nth(2).unwrap().split_whitespace().collect();
    assert_eq!(header, ["Tâche", "lea", "hugo", "nadia", "client", "sam"]);
    // The owner also consulted: A, R (nobody else named) and C.
    assert_eq!(row(&table, "Brief, créatif"), ["I", "·", "A/R/C", "C", "·"]);
    // `responsible` named: the owner is A only.
    assert_eq!(row(&table, "Créer les visuels"), ["R", "R", "A", "C", "·"]);
    assert_eq!(row(&table, "Rédiger les textes"), ["·", "R", "·", "·", "·"]);
    assert_eq!(row(&table, "Relire"), ["·", "·", "·", "I", "·"]);
    assert_eq!(row(&table, "Lancement"), ["·", "·", "·", "A/R", "·"]);
    // The milestone involving nobody is left out, and said so.
    assert!(!table.contains("Tout est prêt"), "{table}");
    assert!(table.contains("1 jalon sans personne n'est pas affiché."));
    // Phases in order, the task without one last.
    let phases: Vec<&str> = table.lines().filter(|l| l.starts_with("── ")).collect();
    assert_eq!(
        phases,
        ["── Cadrage ──", "── Création ──", "── Sans phase ──"]
    );
    // Who does what: A, R, C, I per person; Sam has nothing.
    let counts = |id: &str| -> Vec<String> {
        let line = table
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no summary line for {id}:\n{table}"));
        let words: Vec<&str> = line.split_whitespace().collect();
        words[words.len() - 4..]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    assert_eq!(counts("nadia"), ["2", "1", "1", "0"]);
    assert_eq!(counts("lea"), ["0", "1", "0", "1"]);
    assert_eq!(counts("hugo"), ["0", "2", "0", "0"]);
    assert_eq!(counts("client"), ["1", "1", "2", "1"]);
    assert_eq!(counts("sam"), ["0", "0", "0", "0"]);
    assert!(table.contains("Nadia Benali, Cheffe de projet"));
    // The warnings a planner wants.
    assert!(
        table.contains("⚠ 2 tâches sans propriétaire (A, `owner`) : textes, relecture"),
        "{table}"
    );
    assert!(
        table.contains(
            "⚠ 1 tâche que personne ne réalise (R : ni `owner` ni `responsible`) : relecture"
        ),
        "{table}"
    );
    insta::assert_snapshot!("table-fr", table);
}

#[test]
fn the_table_speaks_english_too() {
    let table = raci(PLAN, &["--lang", "en"]);
    let header: Vec<&str> = table.lines().nth(2).unwrap().split_whitespace().collect();
    assert_eq!(header, ["Task", "lea", "hugo", "nadia", "client", "sam"]);
    assert!(table.contains("RACI matrix"));
    assert!(table.contains("── No phase ──"));
    assert!(table.contains("Who does what"));
    assert!(table.contains("A accountable (the owner)"));
    assert!(table.contains("1 milestone involving nobody is not shown."));
    assert!(table.contains("⚠ 2 tasks with nobody accountable (A, `owner`): textes, relecture"));
    assert!(table.contains(
        "⚠ 1 task nobody is responsible for (R: no `owner`, no `responsible`): relecture"
    ));
    assert!(!table.contains("Tâche") && !table.contains("Qui fait quoi"));
    // The same cells in either language.
    assert_eq!(row(&table, "Brief, créatif"), ["I", "·", "A/R/C", "C", "·"]);
    insta::assert_snapshot!("table-en", table);
}

#[test]
fn the_language_comes_from_the_plan_then_lang() {
    let fr_plan = PLAN.replacen("today =", "lang = \"fr\"\ntoday =", 1);
    assert!(raci(&fr_plan, &[]).contains("Matrice RACI"));
    assert!(raci(PLAN, &[]).contains("RACI matrix"), "default: English");
    let run = retroplan_env(
        &["raci", "-"],
        PLAN,
        &[("NO_COLOR", "1"), ("LANG", "fr_FR.UTF-8")],
    );
    assert!(run.stdout.contains("Matrice RACI"), "{}", run.stdout);
}

#[test]
fn csv_has_one_row_per_task_and_a_column_per_person() {
    for (lang, first) in [("fr", "id,titre,phase"), ("en", "id,title,phase")] {
        let csv = raci(PLAN, &["--format", "csv", "--lang", lang]);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], format!("{first},lea,hugo,nadia,client,sam"));
        assert_eq!(
            lines[1..],
            [
                "brief,\"Brief, créatif\",Cadrage,I,,A/R/C,C,",
                "visuels,Créer les visuels,Création,R,R,A,C,",
                "textes,Rédiger les textes,Création,,R,,,",
                "relecture,Relire,Création,,,,I,",
                "lancement,Lancement,,,,,A/R,",
            ]
        );
    }
}

#[test]
fn json_names_people_and_each_tasks_raci() {
    let json = raci(PLAN, &["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let people = doc["people"].as_array().unwrap();
    let ids: Vec<&str> = people.iter().map(|p| p["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["lea", "hugo", "nadia", "client", "sam"]);
    assert_eq!(
        people[0],
        serde_json::json!({ "id": "lea", "name": "Léa Martin", "role": "Graphiste" })
    );
    assert_eq!(people[1]["role"], serde_json::Value::Null);
    let tasks = doc["tasks"].as_array().unwrap();
    let ids: Vec<&str> = tasks.iter().map(|t| t["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        ["brief", "visuels", "textes", "relecture", "lancement"]
    );
    assert_eq!(
        tasks[0],
        serde_json::json!({
            "id": "brief", "title": "Brief, créatif", "phase": "Cadrage",
            "accountable": "nadia", "responsible": ["nadia"],
            "consulted": ["client", "nadia"], "informed": ["lea"],
        })
    );
    assert_eq!(tasks[1]["responsible"], serde_json::json!(["lea", "hugo"]));
    assert_eq!(tasks[2]["accountable"], serde_json::Value::Null);
    assert_eq!(tasks[2]["responsible"], serde_json::json!(["hugo"]));
    assert_eq!(tasks[3]["responsible"], serde_json::json!([]));
    assert_eq!(tasks[4]["phase"], serde_json::Value::Null);
}

#[test]
fn markdown_is_a_pipe_table() {
    let md = raci(PLAN, &["--format", "markdown", "--lang", "fr"]);
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(table[0], "| Tâche | lea | hugo | nadia | client | sam |");
    assert_eq!(table[1], "| --- | :-: | :-: | :-: | :-: | :-: |");
    assert!(
        table.contains(&"| Brief, créatif | I | | A/R/C | C | |"),
        "{md}"
    );
    assert!(table.contains(&"| **Sans phase** | | | | | |"), "{md}");
    // Every row has the header's number of cells.
    for line in &table {
        assert_eq!(line.matches(" |").count(), 6, "{line}");
    }
    assert!(md.contains("| sam | Sam Leroy | 0 | 0 | 0 | 0 |"), "{md}");
    assert!(md.contains("- ⚠ 2 tâches sans propriétaire"), "{md}");
    // A pipe in a title is escaped, not a new cell.
    let piped = PLAN.replace("Relire", "Relire | corriger");
    let md = raci(&piped, &["--format", "markdown"]);
    assert!(md.contains("| Relire \\| corriger | | | | I | |"), "{md}");
}

#[test]
fn an_unknown_person_is_refused_with_its_place() {
    let plan = PLAN.replace(
        "consulted = \"client\"",
        "consulted = [\"client\", \"zoe\"]",
    );
    for format in ["table", "json"] {
        let run = retroplan(&["raci", "-", "--format", format], &plan);
        assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
        assert_eq!(run.stdout, "", "nothing printed when refused");
        assert!(run.stderr.contains("[unknown-owner]"), "{}", run.stderr);
        assert!(
            run.stderr
                .contains("task \"visuels\" names \"zoe\", who is not a [[person]] of this plan"),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr.contains("<stdin>:42:"),
            "line 42: {}",
            run.stderr
        );
    }
}

#[test]
fn plans_refused_by_check_are_refused_here() {
    // A cycle: `check` exits 2, so does `raci`.
    let plan = PLAN.replace(
        "after = [\"brief\"]\nphase = \"Création\"\n\n[[task]]\nid = \"textes\"",
        "after = [\"brief\", \"lancement\"]\nphase = \"Création\"\n\n[[task]]\nid = \"textes\"",
    );
    assert_ne!(plan, PLAN);
    assert_eq!(retroplan(&["check", "-"], &plan).code, 2);
    let run = retroplan(&["raci", "-"], &plan);
    assert_eq!((run.code, run.stdout.as_str()), (2, ""));
    assert!(run.stderr.contains("cycle"), "{}", run.stderr);
    // A file that does not exist.
    let run = retroplan(&["raci", "no/such/plan.toml"], "");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no/such/plan.toml"), "{}", run.stderr);
}

#[test]
fn without_people_the_names_of_the_tasks_are_the_columns() {
    let plan = r#"
deadline = 2027-03-16
today = 2027-01-04

[[task]]
id = "a"
owner = "Léa Martin"
consulted = "Hugo"
days = 1

[[task]]
id = "b"
owner = "Zoé"
informed = ["Léa Martin", "Direction"]
days = 1
after = ["a"]
"#;
    let csv = raci(plan, &["--format", "csv"]);
    assert_eq!(
        csv,
        "id,title,phase,Léa Martin,Hugo,Zoé,Direction\n\
         a,a,,A/R,C,,\n\
         b,b,,I,,A/R,I\n"
    );
    let json: serde_json::Value = serde_json::from_str(&raci(plan, &["--format", "json"])).unwrap();
    assert_eq!(
        json["people"][0],
        serde_json::json!({ "id": "Léa Martin", "name": "Léa Martin", "role": null })
    );
    let table = raci(plan, &[]);
    assert!(
        !table.contains("──"),
        "no phase lines without phases:\n{table}"
    );
    assert!(!table.contains('⚠'), "everyone accountable:\n{table}");
}

#[test]
fn a_validation_loop_keeps_the_raci_on_its_final_item() {
    let plan = r#"
deadline = 2027-03-16
today = 2027-01-04
lang = "en"

[[person]]
id = "lea"
[[person]]
id = "client"
[[person]]
id = "cm"

[[task]]
id = "visuals"
title = "Visuals"
owner = "lea"
consulted = "cm"
informed = "client"
days = 3
reviews = 1
reviewer = "client"
"#;
    let csv = raci(plan, &["--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "id,title,phase,lea,client,cm");
    assert!(lines[1].starts_with("visuals-draft,") && lines[1].ends_with(",,A/R,,"));
    assert!(lines[2].starts_with("visuals-review-1,") && lines[2].ends_with(",,,A/R,"));
    assert!(lines[3].starts_with("visuals,") && lines[3].ends_with(",,A/R,I,C"));
    assert_eq!(lines.len(), 4);
}

#[test]
fn fifteen_people_fit_in_narrow_columns() {
    let ids = [
        "chef-projet",
        "chef-produit",
        "resp-com",
        "directrice-marketing",
        "graphiste",
        "redacteur",
        "photographe",
        "videaste",
        "webmaster",
        "developpeur",
        "community-manager",
        "traffic-manager",
        "responsable-crm",
        "analyste",
        "service-client",
    ];
    let mut plan = String::from("deadline = 2027-03-16\ntoday = 2027-01-04\nlang = \"en\"\n");
    for id in ids {
        plan.push_str(&format!(
            "[[person]]\nid = \"{id}\"\nname = \"Name of {id}\"\n"
        ));
    }
    for (i, id) in ids.iter().enumerate() {
        let other = ids[(i + 1) % ids.len()];
        plan.push_str(&format!(
            "[[task]]\nid = \"t{i}\"\ntitle = \"A rather long task title that goes on and on, number {i}\"\n\
             owner = \"{id}\"\nconsulted = \"{other}\"\ndays = 1\n"
        ));
    }
    let table = raci(&plan, &[]);
    let width = |l: &str| l.chars().count();
    let matrix: Vec<&str> = table
        .lines()
        .take_while(|l| !l.starts_with("A accountable"))
        .collect();
    assert!(
        matrix.iter().all(|l| width(l) <= 120),
        "the matrix fits in 120 columns:\n{table}"
    );
    // Long ids are cut (with …), never below 4 columns, and stay distinct;
    // the summary gives every full id and name.
    let header: Vec<&str> = matrix[2].split_whitespace().collect();
    assert_eq!(header.len(), 1 + 15, "{}", matrix[2]);
    assert!(
        header[1..]
            .iter()
            .all(|h| h.ends_with('…') || h.contains('…'))
    );
    assert!(
        header[1..].iter().all(|h| (5..=6).contains(&width(h))),
        "{}",
        matrix[2]
    );
    // Alike starts ("chef-…" twice): the start and the end.
    assert!(
        header[1].starts_with("ch") && header[1].ends_with("…et"),
        "{}",
        header[1]
    );
    assert!(
        header[2].starts_with("ch") && header[2].ends_with("…it"),
        "{}",
        header[2]
    );
    let mut distinct = header.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), header.len(), "{}", matrix[2]);
    for id in ids {
        let name = format!("Name of {id}");
        assert!(
            table.lines().any(|l| l
                .strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with(&name))),
            "{table}"
        );
    }
    // The cells line up under their headers.
    let t0 = row(&table, "A rather long task");
    let t0 = &t0[t0.len() - 15..];
    assert_eq!((t0[0], t0[1], t0[2]), ("A/R", "C", "·"), "{table}");
    let t1 = matrix[4];
    let column = |line: &str, text: &str| width(&line[..line.find(text).unwrap()]);
    let (h, c) = (column(matrix[2], header[2]), column(t1, "A/R"));
    assert!(h.abs_diff(c) <= 1, "{table}");
    insta::assert_snapshot!("fifteen-people", table);
}

#[test]
fn colours_follow_no_color() {
    let forced = retroplan_env(&["raci", "-"], PLAN, &[("CLICOLOR_FORCE", "1")]);
    assert!(forced.stdout.contains("\u{1b}["), "colours when forced");
    let plain = retroplan_env(
        &["raci", "-"],
        PLAN,
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!plain.stdout.contains('\u{1b}'), "NO_COLOR wins");
    assert_eq!(plain.stdout, raci(PLAN, &[]));
}

#[test]
fn the_example_campaign_schedules_and_has_its_matrix() {
    let path = "examples/campagne-communication.toml";
    let schedule = retroplan(&["schedule", path], "");
    assert_eq!(schedule.code, 0, "{}{}", schedule.stdout, schedule.stderr);
    assert_eq!(schedule.stderr, "");
    for lang in ["fr", "en"] {
        let run = retroplan(&["raci", path, "--lang", lang], "");
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stderr, "");
        assert!(!run.stdout.contains('⚠'), "every task has an owner");
        insta::assert_snapshot!(format!("campagne-communication-{lang}"), run.stdout);
    }
    // The built-in copy is the file.
    let builtin = retroplan(
        &["raci", "example:campagne-communication", "--format", "json"],
        "",
    );
    let file = retroplan(&["raci", path, "--format", "json"], "");
    assert_eq!((builtin.code, &builtin.stdout), (0, &file.stdout));
    let doc: serde_json::Value = serde_json::from_str(&file.stdout).unwrap();
    assert_eq!(doc["people"].as_array().unwrap().len(), 9);
    let list = retroplan(&["example"], "");
    assert!(list.stdout.lines().any(|l| l == "campagne-communication"));
}

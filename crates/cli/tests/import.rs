//! `retroplan import` as a user runs it: the plan written whole or not at
//! all, diagnostics one per line on standard error, exit codes; and the
//! round trip of every example through `retroplan export` (CSV and XLSX)
//! and back, which must keep tasks, owners' names, durations,
//! dependencies (types and lags) and statuses.

mod common;

use common::Run;
use retroplan_engine::{LinkKind, Plan, Status};

fn retroplan(args: &[&str], stdin: &str) -> Run {
    common::run(args, stdin, &common::no_user_templates(), &[])
}

/// A fresh folder under the test target directory.
fn scratch(name: &str) -> String {
    let dir = format!("{}/import-{name}", env!("CARGO_TARGET_TMPDIR"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn read_plan(text: &str) -> Plan {
    let read = retroplan_formats::read_plan(text);
    assert!(
        !retroplan_formats::has_errors(&read.diagnostics),
        "{:?}",
        read.diagnostics
    );
    read.plan.expect("a plan")
}

const SALON: &str = "crates/imports/tests/fixtures/salon-fr.csv";

#[test]
fn writes_the_plan_and_says_what_it_did_on_standard_error() {
    let dir = scratch("salon");
    let out = format!("{dir}/salon.toml");
    let run = retroplan(&["import", SALON, "-o", &out], "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    // One line per diagnostic, `severity : file, place : message`, then
    // what was written: 7 tasks, 3 people, every dated task on its dates.
    let expected = [
        format!(
            "note : {SALON} : les en-têtes sont en ligne 3 : les lignes au-dessus sont laissées de côté"
        ),
        format!(
            "note : {SALON}, ligne 3, colonne « Budget (€) » : colonne ignorée : ce n'est pas une colonne du tableau des tâches"
        ),
        format!(
            "note : {SALON}, ligne 4, colonne « responsable » : « Léa Martin » devient une personne du plan (id « lea-martin »)"
        ),
        format!(
            "note : {SALON}, ligne 5, colonne « responsable » : « Tom Petit » devient une personne du plan (id « tom-petit »)"
        ),
        format!(
            "note : {SALON}, ligne 7, colonne « responsable » : « léa martin » est compté comme « Léa Martin », écrit autrement (id « lea-martin »)"
        ),
        format!(
            "note : {SALON}, ligne 8, colonne « responsable » : « Imprimerie Duval » devient une personne du plan (id « imprimerie-duval »)"
        ),
        format!(
            "note : {SALON}, ligne 11, colonne « date de FIN » : Jour J : le vendredi 27/11/2026, la dernière date de fin du tableau (--deadline en donne un autre)"
        ),
        format!(
            "attention : {SALON}, ligne 12, colonne « date de FIN » : « 31/02/2026 » n'est pas une date ; cellule laissée de côté"
        ),
        format!(
            "attention : {SALON}, ligne 12 : pas de durée (ni jours, ni dates de début et de fin) : 1 jour ouvré par défaut"
        ),
        format!(
            "{out} écrit : 7 tâches, 3 personnes, Jour J le ven 27/11/2026 (la dernière date de fin du tableau)."
        ),
        "7 des 7 tâches datées gardent leurs dates du tableau.".to_string(),
        format!("Ensuite : retroplan schedule {out}"),
    ];
    assert_eq!(run.stderr.lines().collect::<Vec<_>>(), expected);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.starts_with(
            "# Importé par `retroplan import` depuis salon-fr.csv (7 lignes de tâches)."
        )
    );
    assert_eq!(
        read_plan(&text).name,
        "salon-fr",
        "the file's name by default"
    );
    let scheduled = retroplan(&["schedule", &out, "--today", "2026-11-02"], "");
    assert_eq!(scheduled.code, 0, "{}", scheduled.stderr);
    // No temporary file left beside it.
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["salon.toml"]);
}

#[test]
fn an_existing_plan_is_kept_unless_forced() {
    let dir = scratch("force");
    let out = format!("{dir}/plan.toml");
    std::fs::write(&out, "mine").unwrap();
    let run = retroplan(&["import", SALON, "-o", &out, "--lang", "en"], "");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!("error: {out} already exists; nothing was written (add --force to replace it)\n")
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    let run = retroplan(
        &[
            "import",
            SALON,
            "-o",
            &out,
            "--force",
            "--name",
            "Salon 2026",
        ],
        "",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plan = read_plan(&std::fs::read_to_string(&out).unwrap());
    assert_eq!(plan.name, "Salon 2026");
}

#[test]
fn standard_input_and_output_deadline_and_language() {
    let sheet = "Task,Days,Depends on\nBrief,2,\nShoot,3,Brief\n";
    let run = retroplan(
        &["import", "-", "-o", "-", "--deadline", "2026-12-04"],
        sheet,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let plan = read_plan(&run.stdout);
    assert_eq!(plan.deadline, jiff::civil::date(2026, 12, 4));
    assert_eq!(
        plan.lang,
        Some(retroplan_engine::Lang::En),
        "English headers"
    );
    assert_eq!(
        run.stderr,
        "Wrote the plan to standard output: 2 tasks, 0 people, D-day Fri 2026-12-04.\n"
    );
    let french = retroplan(
        &[
            "import",
            "-",
            "-o",
            "-",
            "--deadline",
            "2026-12-04",
            "--lang",
            "fr",
        ],
        sheet,
    );
    assert!(french.stdout.contains("lang = \"fr\""));
    assert_eq!(
        french.stderr,
        "Plan écrit sur la sortie standard : 2 tâches, 0 personne, Jour J le ven 04/12/2026.\n"
    );
}

#[test]
fn nothing_usable_or_no_deadline_exits_2_and_writes_nothing() {
    let dir = scratch("refused");
    let out = format!("{dir}/plan.toml");
    let run = retroplan(&["import", "-", "-o", &out], "Tâche;Jours\n;3\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "erreur : <stdin>, ligne 2, colonne « Tâche » : pas de titre : ligne laissée de côté\n\
         erreur : <stdin> : aucune tâche utilisable : pas de plan écrit\n"
    );
    assert!(!std::path::Path::new(&out).exists());

    let run = retroplan(&["import", "-", "-o", &out], "Task,Days\nBrief,2\n");
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: <stdin>: no D-day: the sheet has no end date; give one with --deadline YYYY-MM-DD\n"
    );
    assert!(!std::path::Path::new(&out).exists());

    let run = retroplan(&["import", "nowhere.csv", "-o", &out, "--lang", "fr"], "");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("erreur : impossible de lire nowhere.csv : "),
        "{}",
        run.stderr
    );
}

/// What the round trip must keep of a task: id, title, owner's name,
/// planned days, status, links as (predecessor id, type, lag), and phase,
/// channel and notes.
type Kept = (
    String,
    String,
    Option<String>,
    u32,
    Status,
    Vec<(String, LinkKind, i32)>,
    [Option<String>; 3],
);

fn kept(plan: &Plan) -> Vec<Kept> {
    plan.tasks
        .iter()
        .map(|t| {
            // An owner who is a [[person]] is exported by name.
            let owner = t.owner.as_ref().map(|o| {
                plan.people
                    .iter()
                    .find(|p| &p.id == o)
                    .map_or_else(|| o.clone(), |p| p.name.clone())
            });
            let mut after: Vec<(String, LinkKind, i32)> = t
                .after
                .iter()
                .map(|l| (plan.tasks[l.task].id.clone(), l.kind, l.lag))
                .collect();
            after.sort_by(|a, b| a.0.cmp(&b.0));
            // A cancelled task keeps the days the plan file gives it.
            let days = t.days();
            let texts = [t.phase.clone(), t.channel.clone(), t.notes.clone()];
            (
                t.id.clone(),
                t.title.clone(),
                owner,
                days,
                t.status,
                after,
                texts,
            )
        })
        .collect()
}

/// A plan with a link of every type, leads and lags, owners without
/// [[person]] tables, an estimate and every status: what the examples lack.
const LINKS: &str = r#"name = "Liens"
deadline = 2027-03-19
lang = "en"

[[task]]
id = "brief"
title = "Brief, v2 (final)"
owner = "ana"
days = 3
status = "done"
phase = "Préparation"
channel = "Print, Web"
notes = """Two lines,
"quoted"; with a semicolon"""

[[task]]
id = "shoot"
title = "Shoot"
owner = "Ben Roy"
estimate = [2, 4, 9]
after = [{ task = "brief", type = "SS", lag = 2 }]
status = "in_progress"

[[task]]
id = "edit"
title = "Edit"
days = 2
after = [{ task = "shoot", type = "FF", lag = 1 }, { task = "brief", lag = -1 }]
status = "review"

[[task]]
id = "print"
title = "Print"
days = 2
after = [{ task = "edit", type = "SF" }]
status = "blocked"

[[task]]
id = "extra"
title = "Extra"
days = 1
status = "cancelled"

[[task]]
id = "launch"
title = "Launch"
days = 0
after = ["print", "edit"]
"#;

#[test]
fn every_example_survives_export_and_import() {
    let dir = scratch("round-trip");
    let links = format!("{dir}/links.toml");
    std::fs::write(&links, LINKS).unwrap();
    let plans = [
        "examples/promo-noel.toml".to_string(),
        "examples/lancement-produit.toml".to_string(),
        "examples/campagne-communication.toml".to_string(),
        links,
    ];
    for path in &plans {
        // The binary runs from the repository root, this test from the crate.
        let file = if path.starts_with('/') {
            path.clone()
        } else {
            format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
        };
        let original = read_plan(&std::fs::read_to_string(file).unwrap());
        let expected = kept(&original);
        let name = std::path::Path::new(path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        for format in ["csv", "xlsx"] {
            let sheet = format!("{dir}/{name}.{format}");
            let run = retroplan(
                &[
                    "export",
                    path,
                    "--format",
                    format,
                    "-o",
                    &sheet,
                    "--today",
                    "2026-11-02",
                ],
                "",
            );
            assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
            let deadline = original.deadline.to_string();
            let out = format!("{dir}/{name}-{format}.toml");
            let run = retroplan(&["import", &sheet, "-o", &out, "--deadline", &deadline], "");
            assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
            assert!(
                !run.stderr.contains("erreur") && !run.stderr.contains("error"),
                "{name} {format}: {}",
                run.stderr
            );
            let imported = read_plan(&std::fs::read_to_string(&out).unwrap());
            assert_eq!(imported.deadline, original.deadline);
            assert_eq!(imported.lang, original.lang, "{name} {format}");
            assert_eq!(kept(&imported), expected, "{name} {format}");
            // Without --deadline the latest end date is taken: it still
            // reads and schedules.
            let again = format!("{dir}/{name}-{format}-own.toml");
            let run = retroplan(&["import", &sheet, "-o", &again], "");
            assert_eq!(run.code, 0, "{name} {format}: {}", run.stderr);
            let scheduled = retroplan(&["schedule", &again, "--today", "2026-11-02"], "");
            assert!(scheduled.code < 2, "{name} {format}: {}", scheduled.stderr);
        }
    }
}

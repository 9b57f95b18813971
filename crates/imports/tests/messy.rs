//! Messy CSV sheets, each with its exact diagnostics, and the plan they
//! give read back and scheduled. Expected values are worked out by hand
//! from the sheets and the French calendar (comments say how).

use jiff::civil::{Date, date};
use retroplan_engine::{LinkKind, Plan, Status};
use retroplan_imports::{Failed, ImportOptions, Imported, import};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn options(name: &str) -> ImportOptions {
    ImportOptions {
        name: name.to_string(),
        file: format!("{name}.csv"),
        ..ImportOptions::default()
    }
}

/// Each diagnostic as the CLI shows it, file name aside.
fn lines(diagnostics: &[retroplan_imports::Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{}: {d}", d.severity.word(d.lang)))
        .collect()
}

fn ok(bytes: &[u8], options: &ImportOptions) -> Imported {
    match import(bytes, options) {
        Ok(i) => i,
        Err(Failed { diagnostics, .. }) => panic!("{:#?}", lines(&diagnostics)),
    }
}

fn failed(bytes: &[u8], options: &ImportOptions) -> Vec<String> {
    match import(bytes, options) {
        Ok(i) => panic!("imported:\n{}", i.text),
        Err(f) => lines(&f.diagnostics),
    }
}

fn plan(text: &str) -> Plan {
    let read = retroplan_formats::read_plan(text);
    assert!(
        !retroplan_formats::has_errors(&read.diagnostics),
        "{:?}\n{text}",
        read.diagnostics
    );
    read.plan.expect("a plan")
}

/// (id, title, owner's name, days, status) of every task.
fn tasks(plan: &Plan) -> Vec<(String, String, Option<String>, u32, Status)> {
    plan.tasks
        .iter()
        .map(|t| {
            let owner = t.owner.as_ref().map(|o| {
                plan.people
                    .iter()
                    .find(|p| &p.id == o)
                    .map_or_else(|| format!("?{o}"), |p| p.name.clone())
            });
            (t.id.clone(), t.title.clone(), owner, t.days(), t.status)
        })
        .collect()
}

/// A task's id and its links as (predecessor id, type, lag).
type Links = (String, Vec<(String, LinkKind, i32)>);

fn links(plan: &Plan) -> Vec<Links> {
    plan.tasks
        .iter()
        .map(|t| {
            let after = t
                .after
                .iter()
                .map(|l| (plan.tasks[l.task].id.clone(), l.kind, l.lag))
                .collect();
            (t.id.clone(), after)
        })
        .collect()
}

/// Planned (start, end) of each task.
fn planned(plan: &Plan) -> Vec<(String, Date, Date)> {
    let s = retroplan_engine::schedule(plan, plan.deadline).expect("schedules");
    plan.tasks
        .iter()
        .zip(&s.tasks)
        .map(|(t, s)| (t.id.clone(), s.start, s.end))
        .collect()
}

fn s(text: &str) -> String {
    text.to_string()
}

#[test]
fn a_french_sheet_with_a_title_blank_rows_odd_headers_and_an_extra_column() {
    let imported = ok(&fixture("salon-fr.csv"), &options("salon"));
    // Row 1 is a title, rows 2, 6 and 9 are blank (`;;;`), row 3 the
    // headers (accents and odd case), "Budget (€)" is no known column;
    // "léa martin" (row 7) is Léa Martin written otherwise; Bilan's end is
    // 31 February; with no days and no end it gets one working day.
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "note: les en-têtes sont en ligne 3 : les lignes au-dessus sont laissées de côté",
            "note: ligne 3, colonne « Budget (€) » : colonne ignorée : ce n'est pas une colonne du tableau des tâches",
            "note: ligne 4, colonne « responsable » : « Léa Martin » devient une personne du plan (id « lea-martin »)",
            "note: ligne 5, colonne « responsable » : « Tom Petit » devient une personne du plan (id « tom-petit »)",
            "note: ligne 7, colonne « responsable » : « léa martin » est compté comme « Léa Martin », écrit autrement (id « lea-martin »)",
            "note: ligne 8, colonne « responsable » : « Imprimerie Duval » devient une personne du plan (id « imprimerie-duval »)",
            "note: ligne 11, colonne « date de FIN » : Jour J : le vendredi 27/11/2026, la dernière date de fin du tableau (--deadline en donne un autre)",
            "attention: ligne 12, colonne « date de FIN » : « 31/02/2026 » n'est pas une date ; cellule laissée de côté",
            "attention: ligne 12 : pas de durée (ni jours, ni dates de début et de fin) : 1 jour ouvré par défaut",
        ]
    );
    let plan = plan(&imported.text);
    assert_eq!(
        plan.lang,
        Some(retroplan_engine::Lang::Fr),
        "French headers"
    );
    assert_eq!(plan.deadline, date(2026, 11, 27));
    let lea = Some(s("Léa Martin"));
    let tom = Some(s("Tom Petit"));
    // Days from the dates where the sheet gives none: 2-4 November is
    // Monday to Wednesday (3); 5-13 November is Thu 5, Fri 6, Mon 9, Tue
    // 10, Thu 12, Fri 13 (Wednesday 11 is Armistice Day): 6.
    assert_eq!(
        tasks(&plan),
        [
            (
                s("brief"),
                s("Rédiger le brief"),
                lea.clone(),
                3,
                Status::Done
            ),
            (
                s("maquette"),
                s("Maquette du stand"),
                tom.clone(),
                6,
                Status::InProgress
            ),
            (
                s("commander-les-goodies"),
                s("Commander les goodies"),
                lea.clone(),
                3,
                Status::Todo
            ),
            (
                s("impression"),
                s("Impression des visuels"),
                Some(s("Imprimerie Duval")),
                5,
                Status::Todo
            ),
            (
                s("montage-du-stand"),
                s("Montage du stand"),
                tom,
                2,
                Status::Todo
            ),
            (s("salon"), s("Salon"), None, 3, Status::Todo),
            (s("bilan"), s("Bilan"), lea, 1, Status::Todo),
        ]
    );
    // "brief" and "impression" by id, the others by title.
    let fs = |id: &str| (s(id), LinkKind::FinishToStart, 0);
    assert_eq!(
        links(&plan),
        [
            (s("brief"), vec![]),
            (s("maquette"), vec![fs("brief")]),
            (s("commander-les-goodies"), vec![]),
            (s("impression"), vec![fs("maquette")]),
            (
                s("montage-du-stand"),
                vec![fs("impression"), fs("commander-les-goodies")]
            ),
            (s("salon"), vec![fs("montage-du-stand")]),
            (s("bilan"), vec![fs("salon")]),
        ]
    );
    // The sheet's dates come back: each task ends the working day before
    // its successor starts, except the goodies (due on their end, 13
    // November, or they would move to Friday 20) and Bilan, after D-day
    // (fixed on Monday 30 November).
    assert_eq!(
        planned(&plan),
        [
            (s("brief"), date(2026, 11, 2), date(2026, 11, 4)),
            (s("maquette"), date(2026, 11, 5), date(2026, 11, 13)),
            (
                s("commander-les-goodies"),
                date(2026, 11, 10),
                date(2026, 11, 13)
            ),
            (s("impression"), date(2026, 11, 16), date(2026, 11, 20)),
            (
                s("montage-du-stand"),
                date(2026, 11, 23),
                date(2026, 11, 24)
            ),
            (s("salon"), date(2026, 11, 25), date(2026, 11, 27)),
            (s("bilan"), date(2026, 11, 30), date(2026, 11, 30)),
        ]
    );
    assert!(
        imported
            .text
            .contains("due = \"J-14\"  # 13/11/2026 dans le tableau")
    );
    assert!(
        imported
            .text
            .contains("on = \"J+3\"  # 30/11/2026 dans le tableau")
    );
    assert_eq!(counts(&imported.summary), (7, 3, 7, 0, 7, 7, 1, 1));
    assert!(imported.summary.deadline_from_sheet);
    insta::assert_snapshot!("salon_fr_plan", imported.text);
}

#[test]
fn an_english_sheet_in_another_order_with_a_bom_and_every_kind_of_trouble() {
    let imported = ok(&fixture("launch-en.csv"), &options("launch"));
    // The BOM is not part of the first header ("Cost", not "\u{feff}Cost").
    // Row 5: a negative duration (the dates give 5: Mon 8 to Fri 12 March
    // 2027) and an unknown status; row 6: "two" days (the dates give 1)
    // and a dependency that is no title ("Print flyer"); rows 7 and 8 wait
    // for each other, and row 8, lower, loses its link; row 9 repeats the
    // id of row 3; row 10 has no title.
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "note: row 1, column \"Cost\": column ignored: not a column of the task table",
            "note: row 2, column \"Owner\": \"Ana Lopez\" becomes a person of the plan (id \"ana-lopez\")",
            "note: row 4, column \"Owner\": \"Ben Roy\" becomes a person of the plan (id \"ben-roy\")",
            "warning: row 5, column \"Days\": \"-2\": a duration cannot be negative; cell left out",
            "warning: row 5, column \"Status\": unknown status \"maybe\" (statuses: to do, in progress, to validate, done, blocked, cancelled); imported as \"to do\"",
            "note: row 5, column \"Owner\": \"Cleo\" becomes a person of the plan (id \"cleo\")",
            "warning: row 6, column \"Days\": \"two\" is not a number of working days; cell left out",
            "warning: row 6, column \"Depends on\": \"Print flyer\" is neither the id nor the title of a task of the sheet (did you mean \"Print flyers\"?); link left out",
            "note: row 7, column \"End\": D-day: Friday 2027-03-19, the latest end date of the sheet (--deadline sets another)",
            "warning: row 8, column \"Depends on\": these tasks wait for each other in a circle: \"Rehearsal\" → \"Launch party\" → \"Rehearsal\"; \"Rehearsal\" no longer waits for \"Launch party\" (link left out)",
            "warning: row 9, column \"ID\": the id \"brief\" is already row 3's: this task becomes \"brief-2\", and \"brief\" in dependencies means row 3",
            "error: row 10, column \"Task\": no title: row left out",
        ]
    );
    let plan = plan(&imported.text);
    assert_eq!(plan.lang, Some(retroplan_engine::Lang::En));
    let (ana, ben) = (Some(s("Ana Lopez")), Some(s("Ben Roy")));
    assert_eq!(
        tasks(&plan),
        [
            (s("kickoff"), s("Kick-off"), ana.clone(), 0, Status::Done),
            (
                s("brief"),
                s("Write the brief"),
                ana.clone(),
                3,
                Status::InProgress
            ),
            (s("shoot"), s("Shoot photos"), ben.clone(), 4, Status::Todo),
            (
                s("print"),
                s("Print flyers"),
                Some(s("Cleo")),
                5,
                Status::Todo
            ),
            (s("mail"), s("Send mailing"), ana, 1, Status::Todo),
            (s("launch"), s("Launch party"), ben.clone(), 1, Status::Todo),
            (s("rehearsal"), s("Rehearsal"), ben, 1, Status::Todo),
            (s("brief-2"), s("Dinner"), None, 1, Status::Todo),
        ]
    );
    let fs = |id: &str| (s(id), LinkKind::FinishToStart, 0);
    assert_eq!(
        links(&plan),
        [
            (s("kickoff"), vec![]),
            (s("brief"), vec![fs("kickoff")]),
            (s("shoot"), vec![(s("brief"), LinkKind::StartToStart, 2)]),
            // "Write the brief" by title: the first "brief", not the dinner.
            (s("print"), vec![fs("shoot"), fs("brief")]),
            (s("mail"), vec![]),
            (s("launch"), vec![fs("mail"), fs("rehearsal")]),
            (s("rehearsal"), vec![]),
            (s("brief-2"), vec![]),
        ]
    );
    let print = &plan.tasks[3];
    assert_eq!(print.phase.as_deref(), Some("Production"));
    assert_eq!(print.notes.as_deref(), Some("Printer needs\n5 days"));
    // The sheet's end dates that backward planning would move later: print
    // (nothing waits for it once "Print flyer" is left out) and mail (the
    // launch would take it to Thursday 18).
    assert!(
        imported
            .text
            .contains("due = \"J-7\"  # 2027-03-12 in the sheet")
    );
    assert!(
        imported
            .text
            .contains("due = \"J-4\"  # 2027-03-15 in the sheet")
    );
    // Dated: kickoff, brief, print, mail, launch, rehearsal. Brief must
    // start 2 working days before the shoot (Tue 2 March, 4 days before
    // print on Monday 8): Friday 26 February, not the sheet's 2 March, and
    // the kick-off before it: 4 of 6 keep their dates.
    assert_eq!(counts(&imported.summary), (8, 3, 9, 1, 6, 4, 2, 0));
    let dates = planned(&plan);
    assert_eq!(dates[1], (s("brief"), date(2027, 2, 26), date(2027, 3, 2)));
    assert_eq!(dates[3], (s("print"), date(2027, 3, 8), date(2027, 3, 12)));
    assert_eq!(
        dates[5],
        (s("launch"), date(2027, 3, 19), date(2027, 3, 19))
    );
}

#[test]
fn no_task_column_no_plan() {
    let got = failed(b"Quoi,Quand\nBrief,2026-11-02\n", &options("x"));
    assert_eq!(
        got,
        [
            "erreur: aucune colonne de tâches : il faut un en-tête « Tâche » (ou Titre, Nom, Libellé, Action, Task, Title, Name) ; la ligne 1 contient « Quoi », « Quand »"
        ]
    );
    let english = ImportOptions {
        default_lang: Some(retroplan_engine::Lang::En),
        ..options("x")
    };
    assert_eq!(failed(b"\n\n", &english), ["error: the sheet is empty"]);
}

#[test]
fn nothing_usable_no_plan() {
    let got = failed("Tâche;Jours\n;3\n\n;;\n".as_bytes(), &options("x"));
    assert_eq!(
        got,
        [
            "erreur: ligne 2, colonne « Tâche » : pas de titre : ligne laissée de côté",
            "erreur: aucune tâche utilisable : pas de plan écrit",
        ]
    );
}

#[test]
fn without_an_end_date_the_deadline_is_asked_for() {
    let sheet = b"Task,Days\nBrief,2\nShoot,3\n";
    assert_eq!(
        failed(sheet, &options("x")),
        ["error: no D-day: the sheet has no end date; give one with --deadline YYYY-MM-DD"]
    );
    let given = ImportOptions {
        deadline: Some(date(2026, 12, 4)),
        ..options("x")
    };
    let imported = ok(sheet, &given);
    assert_eq!(imported.diagnostics, []);
    let plan = plan(&imported.text);
    assert_eq!(plan.deadline, date(2026, 12, 4));
    // Nothing links them: both end on Friday 4 December.
    assert_eq!(
        planned(&plan),
        [
            (s("brief"), date(2026, 12, 3), date(2026, 12, 4)),
            (s("shoot"), date(2026, 12, 2), date(2026, 12, 4)),
        ]
    );
    assert!(!imported.summary.deadline_from_sheet);
}

#[test]
fn starts_and_durations_without_an_end_give_the_deadline() {
    // Start + days only: Brief 2 days from Monday 2 November ends Tuesday 3;
    // Print 3 days from Thursday 12 ends Monday 16 (weekend between).
    let imported = ok(
        b"Task,Start,Days,After\nBrief,2026-11-02,2,\nPrint,2026-11-12,3,Brief\n",
        &options("x"),
    );
    assert_eq!(imported.summary.deadline, date(2026, 11, 16));
    let plan = plan(&imported.text);
    // Brief ends by Tuesday 3 in the sheet, Print waits until Thursday 12:
    // a due keeps the brief's end.
    assert_eq!(
        planned(&plan),
        [
            (s("brief"), date(2026, 11, 2), date(2026, 11, 3)),
            (s("print"), date(2026, 11, 12), date(2026, 11, 16)),
        ]
    );
    assert_eq!(imported.summary.kept, 2);
}

#[test]
fn excel_french_csv_in_windows_1252() {
    // "Tâche;Durée;Échéance" and "Réunion d'équipe;2;06/11/2026" in
    // Windows-1252, the encoding of Excel's "CSV (séparateur : point-virgule)".
    let bytes = b"T\xe2che;Dur\xe9e;\xc9ch\xe9ance\nR\xe9union d'\xe9quipe;2;06/11/2026\n";
    let imported = ok(bytes, &options("x"));
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "note: le fichier n'est pas en UTF-8 : lu comme du Windows-1252 (le CSV d'Excel)",
            "note: ligne 2, colonne « Échéance » : Jour J : le vendredi 06/11/2026, la dernière date de fin du tableau (--deadline en donne un autre)",
        ]
    );
    let plan = plan(&imported.text);
    assert_eq!(plan.tasks[0].id, "reunion-d-equipe");
    assert_eq!(plan.tasks[0].title, "Réunion d'équipe");
}

#[test]
fn days_against_dates_rounding_and_statuses() {
    let sheet = "Tâche;Début;Fin;Jours;Statut\n\
                 A;09/11/2026;13/11/2026;5;termné\n\
                 B;16/11/2026;17/11/2026;2,5;annulé\n\
                 C;18/11/2026;16/11/2026;;\n\
                 Jalon;20/11/2026;20/11/2026;0;FAIT\n";
    let imported = ok(sheet.as_bytes(), &options("x"));
    // Each row's cells first, then its duration. A: 9 to 13 November
    // holds 4 working days (Wednesday 11 is a public holiday); the Days
    // column wins. C ends before it starts. The
    // milestone's 0 days agree with its single date.
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "attention: ligne 2, colonne « Statut » : statut inconnu « termné » (vouliez-vous dire « terminé » ?) ; importée « à faire »",
            "attention: ligne 2, colonne « Jours » : 5 jours ouvrés, mais du 09/11/2026 au 13/11/2026 il y en a 4 : la colonne « Jours » l'emporte (5 gardés)",
            "attention: ligne 3, colonne « Jours » : « 2,5 » jours arrondis à 3 : un plan compte des jours ouvrés entiers",
            "attention: ligne 3, colonne « Jours » : 3 jours ouvrés, mais du 16/11/2026 au 17/11/2026 il y en a 2 : la colonne « Jours » l'emporte (3 gardés)",
            "attention: ligne 4, colonne « Fin » : la fin (16/11/2026) précède le début (18/11/2026) ; les deux dates sont laissées de côté",
            "attention: ligne 4 : pas de durée (ni jours, ni dates de début et de fin) : 1 jour ouvré par défaut",
            "note: ligne 5, colonne « Fin » : Jour J : le vendredi 20/11/2026, la dernière date de fin du tableau (--deadline en donne un autre)",
        ]
    );
    let plan = plan(&imported.text);
    let got: Vec<(u32, Status)> = plan.tasks.iter().map(|t| (t.days(), t.status)).collect();
    assert_eq!(
        got,
        [
            (5, Status::Todo),
            (3, Status::Cancelled),
            (1, Status::Todo),
            (0, Status::Done),
        ]
    );
}

#[test]
fn dependencies_by_title_with_commas_suffixes_and_doubts() {
    let sheet = "ID,Task,Days,End,Depends on\n\
                 a,\"Photos, retouches\",2,2026-11-06,\n\
                 b,Texts,1,2026-11-06,\n\
                 c,Texts,1,2026-11-06,\n\
                 d,Page,3,2026-11-13,\"Photos, retouches (FF+1); TEXTS\nb (XX)\"\n\
                 e,Check,1,2026-11-13,\"e, a (SS), zzz\"\n";
    let imported = ok(sheet.as_bytes(), &options("x"));
    // "Photos, retouches" is one title with a comma; "TEXTS" names two
    // tasks (rows 3 and 4): the first; "b (XX)" has no link type.
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "warning: row 5, column \"Depends on\": several tasks are called \"TEXTS\" (rows 3, 4): row 3 is used",
            "warning: row 5, column \"Depends on\": \"(XX)\" is not a link type (FS, SS, FF, SF) with a lag (+2, -1): the link to \"b\" is kept as finish-to-start, no lag",
            "note: row 5, column \"End\": D-day: Friday 2026-11-13, the latest end date of the sheet (--deadline sets another)",
            "warning: row 6, column \"Depends on\": \"e\" is the task itself: a task cannot depend on itself; link left out",
            "warning: row 6, column \"Depends on\": \"zzz\" is neither the id nor the title of a task of the sheet; link left out",
        ]
    );
    let plan = plan(&imported.text);
    let got = links(&plan);
    assert_eq!(
        got[3],
        (
            s("d"),
            vec![
                (s("a"), LinkKind::FinishToFinish, 1),
                (s("b"), LinkKind::FinishToStart, 0)
            ]
        ),
        "b is named twice (TEXTS and b): one link"
    );
    assert_eq!(got[4], (s("e"), vec![(s("a"), LinkKind::StartToStart, 0)]));
    assert!(
        imported
            .text
            .contains("{ task = \"a\", type = \"FF\", lag = 1 }")
    );
}

#[test]
fn a_circle_of_three_names_every_task() {
    let sheet = "Tâche;Jours;Après\nA;1;C\nB;1;A\nC;1;B\nD;1;C\n";
    let imported = ok(
        sheet.as_bytes(),
        &ImportOptions {
            deadline: Some(date(2026, 11, 20)),
            ..options("x")
        },
    );
    // C (row 4) is the lowest of the circle: its wait for B goes. In the
    // order work happens: C, then A (waits for C), then B, then C again.
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "attention: ligne 4, colonne « Après » : ces tâches s'attendent en cercle : « C » → « A » → « B » → « C » ; « C » n'attend plus « B » (lien laissé de côté)"
        ]
    );
    let plan = plan(&imported.text);
    let fs = |id: &str| (s(id), LinkKind::FinishToStart, 0);
    assert_eq!(
        links(&plan),
        [
            (s("a"), vec![fs("c")]),
            (s("b"), vec![fs("a")]),
            (s("c"), vec![]),
            (s("d"), vec![fs("c")]),
        ]
    );
}

#[test]
fn work_after_the_deadline_keeps_its_dates() {
    // D-day Friday 20 November. Promo runs from D-day to Tuesday 24 (3
    // working days: Fri 20, Mon 23, Tue 24); the reminder follows it but
    // the sheet waits until Thursday 26; the report starts on Saturday 28
    // (not a working day) and follows on Monday 30; the analysis comes
    // right after the report.
    let sheet = "Task,Start,End,Days,After\n\
                 Prepare,2026-11-16,2026-11-19,4,\n\
                 Promo,2026-11-20,2026-11-24,3,Prepare\n\
                 Reminder,2026-11-26,2026-11-26,1,Promo\n\
                 Report,2026-11-28,2026-11-30,1,Reminder\n\
                 Analysis,2026-12-01,2026-12-01,1,Report\n";
    let imported = ok(
        sheet.as_bytes(),
        &ImportOptions {
            deadline: Some(date(2026, 11, 20)),
            ..options("x")
        },
    );
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "warning: row 5, column \"Start\": starts on Saturday 2026-11-28, a non-working day on or after D-day: fixed on Monday 2026-11-30, the next working day"
        ]
    );
    let plan = plan(&imported.text);
    // Promo: fixed on D-day (it ends after it); Reminder: fixed on the
    // sheet's Thursday 26 (as soon as possible would be Wednesday 25);
    // Report: fixed on Monday 30; Analysis follows it, as in the sheet.
    assert_eq!(
        planned(&plan),
        [
            (s("prepare"), date(2026, 11, 16), date(2026, 11, 19)),
            (s("promo"), date(2026, 11, 20), date(2026, 11, 24)),
            (s("reminder"), date(2026, 11, 26), date(2026, 11, 26)),
            (s("report"), date(2026, 11, 30), date(2026, 11, 30)),
            (s("analysis"), date(2026, 12, 1), date(2026, 12, 1)),
        ]
    );
    let fixed: Vec<&str> = plan
        .tasks
        .iter()
        .filter(|t| t.on.is_some())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(fixed, ["promo", "reminder", "report"]);
    assert!(
        imported
            .text
            .contains("on = \"J\"  # 2026-11-20 in the sheet")
    );
    assert!(
        imported
            .text
            .contains("on = \"J+6\"  # 2026-11-26 in the sheet")
    );
    assert!(
        imported
            .text
            .contains("on = \"J+10\"  # 2026-11-30 in the sheet")
    );
}

#[test]
fn lang_flag_overrides_the_headers() {
    let options = ImportOptions {
        lang: Some(retroplan_engine::Lang::En),
        ..options("x")
    };
    let imported = ok("Tâche;Fin;Statut\nA;06/11/2026;bof\n".as_bytes(), &options);
    assert_eq!(imported.lang, retroplan_engine::Lang::En);
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "warning: row 2, column \"Statut\": unknown status \"bof\" (statuses: to do, in progress, to validate, done, blocked, cancelled); imported as \"to do\"",
            "warning: row 2: no duration (no days, no start and end dates): 1 working day assumed",
            "note: row 2, column \"Fin\": D-day: Friday 2026-11-06, the latest end date of the sheet (--deadline sets another)",
        ]
    );
    assert!(imported.text.contains("lang = \"en\""));
}

#[test]
fn ids_bad_and_empty() {
    let sheet = "ID;Tâche;Jours\nT 01;Brief;1\n!!;Été;1\n;!!!;1\nt-01;Autre;1\n";
    let imported = ok(
        sheet.as_bytes(),
        &ImportOptions {
            deadline: Some(date(2026, 11, 20)),
            ..options("x")
        },
    );
    // "T 01" becomes "t-01", which row 5 then repeats; "!!" keeps nothing:
    // the title's id; "!!!" as a title keeps nothing either: "tache".
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "attention: ligne 2, colonne « ID » : « T 01 » n'est pas un identifiant valide (a-z, 0-9, - et _) : « t-01 » à la place",
            "attention: ligne 3, colonne « ID » : « !! » n'est pas un identifiant valide (a-z, 0-9, - et _) : « ete » à la place",
            "attention: ligne 5, colonne « ID » : l'identifiant « t-01 » est déjà celui de la ligne 2 : cette tâche devient « t-01-2 », et « t-01 » dans les dépendances désigne la ligne 2",
        ]
    );
    let plan = plan(&imported.text);
    let ids: Vec<&str> = plan.tasks.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t-01", "ete", "tache", "t-01-2"]);
}

/// The summary's counts: tasks, people, rows, rows left out, rows with
/// dates, tasks that keep them, `due` and `on` added.
fn counts(
    sum: &retroplan_imports::Summary,
) -> (usize, usize, usize, usize, usize, usize, usize, usize) {
    (
        sum.tasks,
        sum.people,
        sum.rows,
        sum.rows_left_out,
        sum.dated,
        sum.kept,
        sum.due,
        sum.on,
    )
}

/// A dependency named by a title that is also another row's id went to the
/// id's row without a word (and two rows of one short title, one of whose
/// ids the name is, gave no warning either).
#[test]
fn a_name_that_is_one_rows_id_and_another_rows_title_is_ambiguous() {
    let sheet = b"ID,Task,Days,Depends on\n,Brief,2,\nbrief,Kickoff meeting,1,\nx,Design,2,Brief\n";
    let imported = ok(sheet, &with_deadline("ambiguous"));
    assert!(
        imported
            .diagnostics
            .iter()
            .any(|d| d.code == "ambiguous-dependency"),
        "{:#?}",
        lines(&imported.diagnostics)
    );
}

/// French link codes without a lag (`(DD)`, `(FD)`) lost their last letter
/// to the unit a lag may carry, and a unit in the singular was refused.
#[test]
fn french_link_codes_and_singular_units_are_read() {
    let sheet = "Task,Days,Depends on\nA,2,\nB,2,A (DD)\nC,2,A (fd)\nD,2,A (SS+1 jour)\n";
    let imported = ok(sheet.as_bytes(), &with_deadline("codes"));
    assert!(
        !imported.diagnostics.iter().any(|d| d.code == "bad-link"),
        "{:#?}",
        lines(&imported.diagnostics)
    );
    let plan = plan(&imported.text);
    let kinds: Vec<(LinkKind, i32)> = plan.tasks[1..]
        .iter()
        .map(|t| (t.after[0].kind, t.after[0].lag))
        .collect();
    assert_eq!(
        kinds,
        [
            (LinkKind::StartToStart, 0),
            (LinkKind::FinishToStart, 0),
            (LinkKind::StartToStart, 1)
        ]
    );
}

/// A `;` file whose comments hold more commas than the file has
/// semicolons was split at the commas, and found no task column.
#[test]
fn a_semicolon_sheet_with_commas_in_its_comments_is_read() {
    let sheet = "Tâche;Jours;Commentaire\nBrief;2;voir Léa, Paul, Marc, Jo\nVisuels;3;formats: carré, story, bannière, reel\n";
    let imported = ok(sheet.as_bytes(), &with_deadline("semicolons"));
    let plan = plan(&imported.text);
    assert_eq!(plan.tasks.len(), 2);
    assert_eq!(plan.tasks[1].days(), 3);
}

/// [`options`] with a deadline, for sheets without end dates.
fn with_deadline(name: &str) -> ImportOptions {
    ImportOptions {
        deadline: Some(date(2026, 12, 4)),
        ..options(name)
    }
}

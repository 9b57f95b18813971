//! Workbooks written here with rust_xlsxwriter (into CARGO_TARGET_TMPDIR)
//! and imported: real date cells, dates typed as text, numbers for ids and
//! days, the sheet with the task table found among others.

use jiff::civil::{Date, date};
use retroplan_engine::{LinkKind, Status};
use retroplan_imports::{Cell, ImportOptions, import};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};

/// A cell of a row to write.
enum C<'a> {
    Text(&'a str),
    Number(f64),
    Day(u16, u8, u8),
    Empty,
}

fn write_rows(sheet: &mut Worksheet, rows: &[Vec<C<'_>>], date_format: &Format) {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                C::Text(t) => {
                    sheet.write_string(r, c, *t).unwrap();
                }
                C::Number(n) => {
                    sheet.write_number(r, c, *n).unwrap();
                }
                C::Day(y, m, d) => {
                    let day = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                    sheet
                        .write_datetime_with_format(r, c, &day, date_format)
                        .unwrap();
                }
                C::Empty => {}
            }
        }
    }
}

/// Saves the workbook under CARGO_TARGET_TMPDIR and reads the file back.
fn saved(mut workbook: Workbook, name: &str) -> Vec<u8> {
    let path = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
    workbook.save(&path).unwrap();
    std::fs::read(&path).unwrap()
}

fn options(sheet: Option<&str>) -> ImportOptions {
    ImportOptions {
        name: "salon".to_string(),
        file: "salon.xlsx".to_string(),
        sheet: sheet.map(str::to_string),
        ..ImportOptions::default()
    }
}

fn lines(diagnostics: &[retroplan_imports::Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{}: {d}", d.severity.word(d.lang)))
        .collect()
}

fn french_workbook() -> Workbook {
    use C::*;
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes
        .write_string(0, 0, "Ce classeur suit le salon.")
        .unwrap();
    let planning = book.add_worksheet();
    planning.set_name("Planning").unwrap();
    let fr = Format::new().set_num_format("dd/mm/yyyy");
    let rows = vec![
        vec![
            Text("Réf"),
            Text("Tâche"),
            Text("Responsable"),
            Text("Début"),
            Text("Fin"),
            Text("Durée"),
            Text("Dépend de"),
            Text("Statut"),
        ],
        vec![
            Number(1.0),
            Text("Brief"),
            Text("Léa Martin"),
            Day(2026, 11, 2),
            Day(2026, 11, 4),
            Number(3.0),
            Empty,
            Text("Terminé"),
        ],
        vec![
            Number(2.0),
            Text("Maquette"),
            Text("Tom"),
            Day(2026, 11, 5),
            Text("13/11/2026"),
            Empty,
            Number(1.0),
            Text("En cours"),
        ],
        vec![
            Number(3.0),
            Text("Impression"),
            Text("Tom"),
            Text("16/11/2026"),
            Text("2026-11-20"),
            Number(5.0),
            Text("2"),
        ],
        vec![
            Number(4.0),
            Text("Salon"),
            Empty,
            Day(2026, 11, 23),
            Day(2026, 11, 27),
            Number(5.0),
            Text("3"),
        ],
        vec![
            Number(5.0),
            Text("Bilan"),
            Text("Léa"),
            Day(2026, 11, 30),
            Text("31/11/2026"),
            Number(1.0),
            Text("4"),
        ],
    ];
    write_rows(planning, &rows, &fr);
    book
}

#[test]
fn real_date_cells_and_text_dates_in_a_french_workbook() {
    let bytes = saved(french_workbook(), "salon-fr.xlsx");
    let imported = import(&bytes, &options(None)).expect("imports");
    // "Notes" has no task table: "Planning" is read. Maquette's end is
    // text; Impression's dates both; Bilan's end (31 November) does not
    // exist; "Léa" is not "Léa Martin".
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "note: ligne 2, colonne « Responsable » : « Léa Martin » devient une personne du plan (id « lea-martin »)",
            "note: ligne 3, colonne « Responsable » : « Tom » devient une personne du plan (id « tom »)",
            "note: ligne 5, colonne « Fin » : Jour J : le vendredi 27/11/2026, la dernière date de fin du tableau (--deadline en donne un autre)",
            "attention: ligne 6, colonne « Fin » : « 31/11/2026 » n'est pas une date ; cellule laissée de côté",
            "note: ligne 6, colonne « Responsable » : « Léa » devient une personne du plan (id « lea »)",
        ]
    );
    assert!(imported.text.starts_with(
        "# Importé par `retroplan import` depuis salon.xlsx, feuille « Planning » (5 lignes de tâches).\n"
    ));
    let read = retroplan_formats::read_plan(&imported.text);
    let plan = read.plan.expect("a plan");
    type Got<'p> = (&'p str, u32, Status, Vec<(&'p str, LinkKind)>);
    let got: Vec<Got<'_>> = plan
        .tasks
        .iter()
        .map(|t| {
            let after = t
                .after
                .iter()
                .map(|l| (plan.tasks[l.task].id.as_str(), l.kind))
                .collect();
            (t.id.as_str(), t.days(), t.status, after)
        })
        .collect();
    // Ids are the numbers of "Réf"; "Dépend de" names them (a number cell
    // in row 3). Maquette: 5 to 13 November, Wednesday 11 closed: 6 days.
    let fs = LinkKind::FinishToStart;
    assert_eq!(
        got,
        [
            ("1", 3, Status::Done, vec![]),
            ("2", 6, Status::InProgress, vec![("1", fs)]),
            ("3", 5, Status::Todo, vec![("2", fs)]),
            ("4", 5, Status::Todo, vec![("3", fs)]),
            ("5", 1, Status::Todo, vec![("4", fs)]),
        ]
    );
    let schedule = retroplan_engine::schedule(&plan, plan.deadline).unwrap();
    let dates: Vec<(Date, Date)> = schedule.tasks.iter().map(|t| (t.start, t.end)).collect();
    assert_eq!(
        dates,
        [
            (date(2026, 11, 2), date(2026, 11, 4)),
            (date(2026, 11, 5), date(2026, 11, 13)),
            (date(2026, 11, 16), date(2026, 11, 20)),
            (date(2026, 11, 23), date(2026, 11, 27)),
            (date(2026, 11, 30), date(2026, 11, 30)),
        ],
        "the sheet's dates, Bilan fixed after D-day"
    );
    assert_eq!((imported.summary.dated, imported.summary.kept), (5, 5));
}

#[test]
fn a_named_sheet_with_english_headers_and_iso_dates() {
    use C::*;
    let mut book = Workbook::new();
    let tasks = book.add_worksheet();
    tasks.set_name("Tasks").unwrap();
    let iso = Format::new().set_num_format("yyyy-mm-dd");
    write_rows(
        tasks,
        &[
            vec![Text("Task"), Text("Start"), Text("End"), Text("Depends on")],
            vec![Text("Brief"), Day(2027, 3, 1), Day(2027, 3, 3), Empty],
            vec![
                Text("Shoot"),
                Text("2027-03-04"),
                Day(2027, 3, 5),
                Text("Brief (FS+0)"),
            ],
        ],
        &iso,
    );
    let other = book.add_worksheet();
    other.set_name("Copy").unwrap();
    write_rows(other, &[vec![Text("Task")], vec![Text("Other")]], &iso);
    let bytes = saved(book, "launch-en.xlsx");

    let imported = import(&bytes, &options(Some("tasks"))).expect("imports");
    assert_eq!(
        lines(&imported.diagnostics),
        [
            "note: row 3, column \"End\": D-day: Friday 2027-03-05, the latest end date of the sheet (--deadline sets another)"
        ]
    );
    let plan = retroplan_formats::read_plan(&imported.text).plan.unwrap();
    // Monday 1 to Wednesday 3 March 2027: 3 days; Thursday 4 to Friday 5: 2.
    let days: Vec<(&str, u32)> = plan
        .tasks
        .iter()
        .map(|t| (t.id.as_str(), t.days()))
        .collect();
    assert_eq!(days, [("brief", 3), ("shoot", 2)]);
    assert_eq!(plan.lang, Some(retroplan_engine::Lang::En));

    let missing = import(&bytes, &options(Some("Gantt"))).unwrap_err();
    assert_eq!(
        lines(&missing.diagnostics),
        ["erreur: pas de feuille « Gantt » ; feuilles du classeur : « Tasks », « Copy »"]
    );
}

#[test]
fn workbooks_without_a_task_table_or_that_are_not_workbooks() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .set_name("Budget")
        .unwrap()
        .write_string(0, 0, "Poste")
        .unwrap();
    let bytes = saved(book, "budget.xlsx");
    let failed = import(&bytes, &options(None)).unwrap_err();
    assert_eq!(
        lines(&failed.diagnostics),
        [
            "erreur: aucune feuille du classeur n'a de colonne de tâches (« Budget ») : il faut un en-tête « Tâche » (ou Titre, Nom, Libellé, Action, Task, Title, Name)"
        ]
    );

    // A zip that is no workbook: its first bytes say workbook, calamine says no.
    let failed = import(b"PK\x03\x04 not really a zip", &options(None)).unwrap_err();
    let got = lines(&failed.diagnostics);
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("erreur: le classeur ne se lit pas (XLSX, XLS, ODS) : "),
        "{got:?}"
    );
}

#[test]
fn date_cells_are_read_as_dates_not_numbers() {
    let bytes = saved(french_workbook(), "cells.xlsx");
    let sheet = retroplan_imports::read_workbook(&bytes, None).unwrap();
    assert_eq!(
        sheet.name.as_deref(),
        Some("Planning"),
        "Notes has no task table"
    );
    let brief = &sheet.rows[1];
    assert_eq!(brief.number, 2);
    assert_eq!(
        brief.cells[..5],
        [
            Cell::Number(1.0),
            Cell::Text("Brief".to_string()),
            Cell::Text("Léa Martin".to_string()),
            Cell::Date(date(2026, 11, 2)),
            Cell::Date(date(2026, 11, 4)),
        ]
    );
    // The text date stays text: the import reads it as a date later.
    assert_eq!(sheet.rows[2].cells[4], Cell::Text("13/11/2026".to_string()));
}

//! Every sentence the import says, in French and English. Each function
//! gives the message after its place (`ligne 7, colonne « Fin » : `), which
//! [`Diagnostic`](crate::Diagnostic) writes.

use jiff::civil::{Date, Weekday};
use retroplan_engine::{Lang, Status};

use crate::diagnostic::quote;

fn pick(lang: Lang, fr: String, en: String) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// A date as the language writes it: `20/12/2026`, `2026-12-20`.
pub fn date(lang: Lang, d: Date) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

/// `dimanche 20/12/2026`, `Sunday 2026-12-20`.
pub fn day(lang: Lang, d: Date) -> String {
    let (fr, en) = match d.weekday() {
        Weekday::Monday => ("lundi", "Monday"),
        Weekday::Tuesday => ("mardi", "Tuesday"),
        Weekday::Wednesday => ("mercredi", "Wednesday"),
        Weekday::Thursday => ("jeudi", "Thursday"),
        Weekday::Friday => ("vendredi", "Friday"),
        Weekday::Saturday => ("samedi", "Saturday"),
        Weekday::Sunday => ("dimanche", "Sunday"),
    };
    let name = match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    format!("{name} {}", date(lang, d))
}

fn suggestion(lang: Lang, best: Option<&str>) -> String {
    match best {
        Some(b) => pick(
            lang,
            format!(" (vouliez-vous dire {} ?)", quote(lang, b)),
            format!(" (did you mean {}?)", quote(lang, b)),
        ),
        None => String::new(),
    }
}

pub fn bad_date(lang: Lang, text: &str) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!("{q} n'est pas une date ; cellule laissée de côté"),
        format!("{q} is not a date; cell left out"),
    )
}

pub fn end_before_start(lang: Lang, start: Date, end: Date) -> String {
    let (s, e) = (date(lang, start), date(lang, end));
    pick(
        lang,
        format!("la fin ({e}) précède le début ({s}) ; les deux dates sont laissées de côté"),
        format!("the end ({e}) is before the start ({s}); both dates left out"),
    )
}

pub fn days_not_a_number(lang: Lang, text: &str) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!("{q} n'est pas un nombre de jours ouvrés ; cellule laissée de côté"),
        format!("{q} is not a number of working days; cell left out"),
    )
}

pub fn days_negative(lang: Lang, text: &str) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!("{q} : une durée ne peut pas être négative ; cellule laissée de côté"),
        format!("{q}: a duration cannot be negative; cell left out"),
    )
}

pub fn days_too_long(lang: Lang, text: &str) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!("{q} : plus de 100000 jours ouvrés ; cellule laissée de côté"),
        format!("{q}: more than 100000 working days; cell left out"),
    )
}

pub fn days_rounded(lang: Lang, text: &str, to: u32) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!("{q} jours arrondis à {to} : un plan compte des jours ouvrés entiers"),
        format!("{q} days rounded up to {to}: a plan counts whole working days"),
    )
}

pub fn days_vs_dates(
    lang: Lang,
    days: u32,
    start: Date,
    end: Date,
    span: u32,
    column: &str,
) -> String {
    let (s, e, c) = (date(lang, start), date(lang, end), quote(lang, column));
    pick(
        lang,
        format!(
            "{days} jours ouvrés, mais du {s} au {e} il y en a {span} : la colonne {c} l'emporte ({days} gardés)"
        ),
        format!(
            "{days} working days, but {s} to {e} holds {span}: the {c} column wins ({days} kept)"
        ),
    )
}

pub fn no_duration(lang: Lang) -> String {
    pick(
        lang,
        "pas de durée (ni jours, ni dates de début et de fin) : 1 jour ouvré par défaut".into(),
        "no duration (no days, no start and end dates): 1 working day assumed".into(),
    )
}

pub fn no_title(lang: Lang) -> String {
    pick(
        lang,
        "pas de titre : ligne laissée de côté".into(),
        "no title: row left out".into(),
    )
}

pub fn unknown_status(lang: Lang, text: &str, best: Option<Status>) -> String {
    let q = quote(lang, text);
    let hint = match best {
        Some(s) => suggestion(lang, Some(s.label(lang))),
        None => {
            let known: Vec<&str> = Status::ALL.iter().map(|s| s.label(lang)).collect();
            pick(
                lang,
                format!(" (statuts : {})", known.join(", ")),
                format!(" (statuses: {})", known.join(", ")),
            )
        }
    };
    let todo = quote(lang, Status::Todo.label(lang));
    pick(
        lang,
        format!("statut inconnu {q}{hint} ; importée {todo}"),
        format!("unknown status {q}{hint}; imported as {todo}"),
    )
}

pub fn bad_id(lang: Lang, text: &str, id: &str) -> String {
    let (q, i) = (quote(lang, text), quote(lang, id));
    pick(
        lang,
        format!("{q} n'est pas un identifiant valide (a-z, 0-9, - et _) : {i} à la place"),
        format!("{q} is not a valid id (a-z, 0-9, - and _): {i} instead"),
    )
}

pub fn duplicate_id(lang: Lang, id: &str, first_row: usize, new: &str) -> String {
    let (i, n) = (quote(lang, id), quote(lang, new));
    pick(
        lang,
        format!(
            "l'identifiant {i} est déjà celui de la ligne {first_row} : cette tâche devient {n}, et {i} dans les dépendances désigne la ligne {first_row}"
        ),
        format!(
            "the id {i} is already row {first_row}'s: this task becomes {n}, and {i} in dependencies means row {first_row}"
        ),
    )
}

pub fn new_person(lang: Lang, name: &str, id: &str) -> String {
    let (n, i) = (quote(lang, name), quote(lang, id));
    pick(
        lang,
        format!("{n} devient une personne du plan (id {i})"),
        format!("{n} becomes a person of the plan (id {i})"),
    )
}

pub fn same_person(lang: Lang, name: &str, first: &str, id: &str) -> String {
    let (n, f, i) = (quote(lang, name), quote(lang, first), quote(lang, id));
    pick(
        lang,
        format!("{n} est compté comme {f}, écrit autrement (id {i})"),
        format!("{n} is taken as {f}, spelt differently (id {i})"),
    )
}

pub fn unknown_dependency(lang: Lang, text: &str, best: Option<&str>) -> String {
    let q = quote(lang, text);
    let hint = suggestion(lang, best);
    pick(
        lang,
        format!(
            "{q} n'est ni l'identifiant ni le titre d'une tâche du tableau{hint} ; lien laissé de côté"
        ),
        format!("{q} is neither the id nor the title of a task of the sheet{hint}; link left out"),
    )
}

pub fn self_dependency(lang: Lang, text: &str) -> String {
    let q = quote(lang, text);
    pick(
        lang,
        format!(
            "{q} est la tâche elle-même : une tâche ne dépend pas d'elle-même ; lien laissé de côté"
        ),
        format!("{q} is the task itself: a task cannot depend on itself; link left out"),
    )
}

pub fn bad_link(lang: Lang, suffix: &str, reference: &str) -> String {
    let (s, r) = (quote(lang, suffix), quote(lang, reference));
    pick(
        lang,
        format!(
            "{s} n'est pas un type de lien (FS, SS, FF, SF) avec un décalage (+2, -1) : le lien vers {r} est gardé en fin-début, sans décalage"
        ),
        format!(
            "{s} is not a link type (FS, SS, FF, SF) with a lag (+2, -1): the link to {r} is kept as finish-to-start, no lag"
        ),
    )
}

pub fn ambiguous_title(lang: Lang, text: &str, rows: &[usize]) -> String {
    let q = quote(lang, text);
    let list: Vec<String> = rows.iter().map(usize::to_string).collect();
    let first = rows.first().copied().unwrap_or_default();
    pick(
        lang,
        format!(
            "plusieurs tâches s'appellent {q} (lignes {}) : la ligne {first} est prise",
            list.join(", ")
        ),
        format!(
            "several tasks are called {q} (rows {}): row {first} is used",
            list.join(", ")
        ),
    )
}

/// `titles` in the order each waits for the one before, the first again at the end.
pub fn cycle(lang: Lang, titles: &[&str], waiting: &str, waited: &str) -> String {
    let chain: Vec<String> = titles.iter().map(|t| quote(lang, t)).collect();
    let (w, f) = (quote(lang, waiting), quote(lang, waited));
    pick(
        lang,
        format!(
            "ces tâches s'attendent en cercle : {} ; {w} n'attend plus {f} (lien laissé de côté)",
            chain.join(" → ")
        ),
        format!(
            "these tasks wait for each other in a circle: {}; {w} no longer waits for {f} (link left out)",
            chain.join(" → ")
        ),
    )
}

pub fn closed_start(lang: Lang, start: Date, moved: Date) -> String {
    let (s, m) = (day(lang, start), day(lang, moved));
    pick(
        lang,
        format!(
            "commence le {s}, un jour non ouvré, au Jour J ou après : fixée au {m}, le jour ouvré suivant"
        ),
        format!(
            "starts on {s}, a non-working day on or after D-day: fixed on {m}, the next working day"
        ),
    )
}

pub fn unknown_column(lang: Lang, best: Option<&str>) -> String {
    let hint = suggestion(lang, best);
    pick(
        lang,
        format!("colonne ignorée : ce n'est pas une colonne du tableau des tâches{hint}"),
        format!("column ignored: not a column of the task table{hint}"),
    )
}

pub fn repeated_column(lang: Lang, first: &str) -> String {
    let f = quote(lang, first);
    pick(
        lang,
        format!("colonne ignorée : la colonne {f} dit déjà la même chose"),
        format!("column ignored: the {f} column already says the same"),
    )
}

pub fn above_header(lang: Lang, header_row: usize) -> String {
    pick(
        lang,
        format!(
            "les en-têtes sont en ligne {header_row} : les lignes au-dessus sont laissées de côté"
        ),
        format!("the headers are on row {header_row}: the rows above are left out"),
    )
}

fn task_headers(lang: Lang) -> String {
    pick(
        lang,
        "il faut un en-tête « Tâche » (ou Titre, Nom, Libellé, Action, Task, Title, Name)".into(),
        "it needs a \"Task\" header (or Title, Name, Action, Tâche, Titre, Nom)".into(),
    )
}

pub fn no_task_column(lang: Lang, first_row: Option<(usize, Vec<String>)>) -> String {
    let what = task_headers(lang);
    match first_row {
        Some((row, cells)) => {
            let cells: Vec<String> = cells.iter().map(|c| quote(lang, c)).collect();
            pick(
                lang,
                format!(
                    "aucune colonne de tâches : {what} ; la ligne {row} contient {}",
                    cells.join(", ")
                ),
                format!(
                    "no task column: {what}; row {row} holds {}",
                    cells.join(", ")
                ),
            )
        }
        None => pick(
            lang,
            "la feuille est vide".into(),
            "the sheet is empty".into(),
        ),
    }
}

pub fn no_sheet_with_tasks(lang: Lang, sheets: &[String]) -> String {
    let what = task_headers(lang);
    let names: Vec<String> = sheets.iter().map(|s| quote(lang, s)).collect();
    pick(
        lang,
        format!(
            "aucune feuille du classeur n'a de colonne de tâches ({}) : {what}",
            names.join(", ")
        ),
        format!(
            "no sheet of the workbook has a task column ({}): {what}",
            names.join(", ")
        ),
    )
}

pub fn no_such_sheet(lang: Lang, wanted: &str, sheets: &[String]) -> String {
    let w = quote(lang, wanted);
    let names: Vec<String> = sheets.iter().map(|s| quote(lang, s)).collect();
    pick(
        lang,
        format!(
            "pas de feuille {w} ; feuilles du classeur : {}",
            names.join(", ")
        ),
        format!("no sheet {w}; sheets of the workbook: {}", names.join(", ")),
    )
}

pub fn unreadable_workbook(lang: Lang, detail: &str) -> String {
    pick(
        lang,
        format!("le classeur ne se lit pas (XLSX, XLS, ODS) : {detail}"),
        format!("the workbook cannot be read (XLSX, XLS, ODS): {detail}"),
    )
}

pub fn windows_1252(lang: Lang) -> String {
    pick(
        lang,
        "le fichier n'est pas en UTF-8 : lu comme du Windows-1252 (le CSV d'Excel)".into(),
        "the file is not UTF-8: read as Windows-1252 (Excel's CSV)".into(),
    )
}

pub fn nothing_usable(lang: Lang) -> String {
    pick(
        lang,
        "aucune tâche utilisable : pas de plan écrit".into(),
        "no usable task: no plan written".into(),
    )
}

pub fn no_deadline(lang: Lang) -> String {
    pick(
        lang,
        "pas de Jour J : le tableau n'a aucune date de fin ; donnez-le avec --deadline AAAA-MM-JJ"
            .into(),
        "no D-day: the sheet has no end date; give one with --deadline YYYY-MM-DD".into(),
    )
}

pub fn deadline_from_sheet(lang: Lang, d: Date) -> String {
    let d = day(lang, d);
    pick(
        lang,
        format!(
            "Jour J : le {d}, la dernière date de fin du tableau (--deadline en donne un autre)"
        ),
        format!("D-day: {d}, the latest end date of the sheet (--deadline sets another)"),
    )
}

pub fn read_back(lang: Lang, detail: &str) -> String {
    pick(
        lang,
        format!("le plan importé ne se relit pas, rien n'est écrit : {detail}"),
        format!("the imported plan does not read back, nothing written: {detail}"),
    )
}

pub fn does_not_schedule(lang: Lang, detail: &str) -> String {
    pick(
        lang,
        format!("le plan importé ne se planifie pas, rien n'est écrit : {detail}"),
        format!("the imported plan does not schedule, nothing written: {detail}"),
    )
}

/// The comment at the top of the plan file.
pub fn header_comment(lang: Lang, source: &str, sheet: Option<&str>, rows: usize) -> String {
    let from = match sheet {
        Some(s) => pick(
            lang,
            format!("{source}, feuille « {s} »"),
            format!("{source}, sheet \"{s}\""),
        ),
        None => source.to_string(),
    };
    pick(
        lang,
        format!(
            "# Importé par `retroplan import` depuis {from} ({rows} lignes de tâches).\n\
             # Les durées viennent du tableau et les dépendances donnent l'ordre ;\n\
             # `due` garde la date de fin du tableau là où le rétroplanning la\n\
             # repousserait, et `on` fixe les tâches qui commencent au Jour J ou\n\
             # après et finissent après lui.\n\n"
        ),
        format!(
            "# Imported by `retroplan import` from {from} ({rows} task rows).\n\
             # Durations come from the sheet and dependencies give the order;\n\
             # `due` keeps the sheet's end date where backward planning would move\n\
             # the task later, and `on` fixes the tasks that start on D-day or\n\
             # later and end after it.\n\n"
        ),
    )
}

/// The comment after a `due` or `on` label: the sheet's date.
pub fn sheet_date_comment(lang: Lang, d: Date) -> String {
    let d = date(lang, d);
    pick(
        lang,
        format!("  # {d} dans le tableau"),
        format!("  # {d} in the sheet"),
    )
}

pub fn deadline_comment(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "  # Jour J",
        Lang::En => "  # D-day",
    }
}

/// The base of a generated id when a title or name has no letter to keep.
pub fn fallback_id(lang: Lang, person: bool) -> &'static str {
    match (lang, person) {
        (Lang::Fr, false) => "tache",
        (Lang::En, false) => "task",
        (Lang::Fr, true) => "personne",
        (Lang::En, true) => "person",
    }
}

//! The exports of the examples, read back: the workbook with calamine, the
//! CSV with the csv crate, the calendar unfolded by hand, the Markdown as a
//! snapshot. Expected values are worked out from the example files in the
//! comments, never copied from the output under test.

use std::collections::HashSet;
use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use jiff::civil::{Date, date};
use retroplan_engine::{Lang, Plan, Schedule};

const PROMO: &str = include_str!("../../../examples/promo-noel.toml");
const LAUNCH: &str = include_str!("../../../examples/lancement-produit.toml");
const CAMPAIGN: &str = include_str!("../../../examples/campagne-communication.toml");

fn dated(text: &str, today: Date) -> (Plan, Schedule) {
    let read = retroplan_formats::read_plan(text);
    assert!(
        !retroplan_formats::has_errors(&read.diagnostics),
        "{:?}",
        read.diagnostics
    );
    let plan = read.plan.expect("the example reads");
    let schedule = retroplan_engine::schedule(&plan, today).expect("the example schedules");
    (plan, schedule)
}

/// promo-noel read on its own `today`, Monday 23 November 2026.
fn promo() -> (Plan, Schedule) {
    dated(PROMO, date(2026, 11, 23))
}

/// promo-noel with progress, read on Thursday 3 December 2026:
/// `reunion-client-1` (Tue 1 Dec) not done, so late; `reunion-equipe-1`
/// done; `texte-site` in progress; `banniere` blocked; `coupon` cancelled.
fn promo_under_way() -> (Plan, Schedule) {
    let mut text = PROMO.to_string();
    for (id, status) in [
        ("reunion-equipe-1", "done"),
        ("texte-site", "in_progress"),
        ("banniere", "blocked"),
        ("coupon", "cancelled"),
    ] {
        let line = format!("id = \"{id}\"\n");
        assert!(text.contains(&line), "{id}");
        text = text.replacen(&line, &format!("{line}status = \"{status}\"\n"), 1);
    }
    dated(&text, date(2026, 12, 3))
}

fn task_index(plan: &Plan, id: &str) -> usize {
    plan.tasks
        .iter()
        .position(|t| t.id == id)
        .unwrap_or_else(|| panic!("no task {id}"))
}

// --- XLSX -------------------------------------------------------------------

fn workbook(plan: &Plan, schedule: &Schedule, lang: Lang) -> Xlsx<Cursor<Vec<u8>>> {
    let bytes = retroplan_exports::write_xlsx(plan, schedule, lang).expect("it exports");
    Xlsx::new(Cursor::new(bytes)).expect("calamine opens it")
}

fn text_at(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => panic!("({row}, {col}) is {other:?}, not text"),
    }
}

fn fill_at(styles: &calamine::StyleRange, row: u32, col: u32) -> Option<u32> {
    let style = styles.get((row, col))?;
    let fill = style.fill.as_ref().filter(|f| f.is_visible())?;
    fill.get_color().map(|c| c.to_argb() & 0x00FF_FFFF)
}

/// The Excel serial of 2026-12-10: 1 January 2025 is 45658 (Excel's own
/// figure), 2026 starts 365 days later at 46023, and 10 December is day
/// 344 of 2026 (334 days in January to November, plus 10).
const SERIAL_2026_12_10: f64 = 46023.0 + 343.0;

#[test]
fn the_workbook_has_a_task_sheet_and_a_gantt_sheet_in_each_language() {
    let (plan, schedule) = promo();
    let french = [
        "ID",
        "Tâche",
        "Phase",
        "Responsable",
        "Date de début",
        "Date de fin",
        "J-x",
        "Jours",
        "Dépend de",
        "Statut",
        "Canal",
        "Marge",
        "Critique",
        "Commentaire",
    ];
    let english = [
        "ID",
        "Task",
        "Phase",
        "Owner",
        "Start",
        "End",
        "J-x",
        "Days",
        "Depends on",
        "Status",
        "Channel",
        "Slack",
        "Critical",
        "Comment",
    ];
    for (lang, tasks, headers) in [(Lang::Fr, "Tâches", french), (Lang::En, "Tasks", english)] {
        let mut book = workbook(&plan, &schedule, lang);
        assert_eq!(
            book.sheet_names(),
            vec![tasks.to_string(), "Gantt".to_string()]
        );
        let range = book.worksheet_range(tasks).unwrap();
        let row: Vec<String> = (0..14).map(|c| text_at(&range, 0, c)).collect();
        assert_eq!(row, headers);
        // A header row and the 23 tasks of the example.
        assert_eq!(range.end(), Some((23, 13)));
        let styles = book.worksheet_style(tasks).unwrap();
        let header = styles.get((0, 1)).and_then(|s| s.font.as_ref());
        assert!(header.is_some_and(|f| f.is_bold()), "the header is bold");
    }
}

#[test]
fn dates_are_real_excel_dates_in_the_language_s_format() {
    let (plan, schedule) = promo();
    // `banniere`, the 4th task: 2 days before `page-web` (Mon 14 - Tue 15
    // Dec) is Thu 10 - Fri 11 Dec.
    let t = task_index(&plan, "banniere");
    assert_eq!(schedule.tasks[t].start, date(2026, 12, 10));
    let row = t as u32 + 1;
    for (lang, sheet, format) in [
        (Lang::Fr, "Tâches", "dd/mm/yyyy"),
        (Lang::En, "Tasks", "yyyy-mm-dd"),
    ] {
        let mut book = workbook(&plan, &schedule, lang);
        let range = book.worksheet_range(sheet).unwrap();
        match range.get_value((row, 4)) {
            Some(Data::DateTime(d)) => {
                assert!(d.is_datetime());
                assert_eq!(d.as_f64(), SERIAL_2026_12_10);
            }
            other => panic!("the start is {other:?}, not a date"),
        }
        match range.get_value((row, 5)) {
            Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), SERIAL_2026_12_10 + 1.0),
            other => panic!("the end is {other:?}, not a date"),
        }
        // Days and slack are numbers: 2 days; slack 5 (read from the
        // table of `schedule`: the latest start is Thu 10, the earliest
        // Thu 3 Dec, 5 working days before).
        assert_eq!(range.get_value((row, 7)), Some(&Data::Float(2.0)));
        assert_eq!(range.get_value((row, 11)), Some(&Data::Float(5.0)));
        let styles = book.worksheet_style(sheet).unwrap();
        let code = styles
            .get((row, 4))
            .and_then(|s| s.number_format.as_ref())
            .map(|f| f.format_code.clone());
        assert_eq!(code.as_deref(), Some(format));
    }
}

#[test]
fn rows_are_coloured_by_status_and_lateness() {
    let (plan, schedule) = promo_under_way();
    let mut book = workbook(&plan, &schedule, Lang::Fr);
    let styles = book.worksheet_style("Tâches").unwrap();
    let range = book.worksheet_range("Tâches").unwrap();
    let row = |id| task_index(&plan, id) as u32 + 1;
    // Late (red), done (green), in progress (yellow), blocked (orange): the
    // fills of the module's documentation; to do has none.
    assert_eq!(fill_at(&styles, row("reunion-client-1"), 1), Some(0xFFC7CE));
    assert_eq!(fill_at(&styles, row("reunion-equipe-1"), 9), Some(0xC6EFCE));
    assert_eq!(fill_at(&styles, row("texte-site"), 0), Some(0xFFEB9C));
    assert_eq!(fill_at(&styles, row("banniere"), 13), Some(0xFCE4D6));
    assert_eq!(fill_at(&styles, row("page-web"), 1), None);
    // The whole row, dates included.
    assert_eq!(fill_at(&styles, row("reunion-client-1"), 4), Some(0xFFC7CE));
    // Cancelled: struck through, still listed with its status.
    let coupon = styles.get((row("coupon"), 1)).and_then(|s| s.font.clone());
    assert!(coupon.is_some_and(|f| f.has_strikethrough()));
    assert_eq!(text_at(&range, row("coupon"), 9), "annulé");
    assert_eq!(text_at(&range, row("reunion-client-1"), 12), "oui");
    assert_eq!(text_at(&range, row("page-web"), 12), "non");
}

#[test]
fn the_gantt_sheet_fills_each_task_s_working_days() {
    let (plan, schedule) = promo_under_way();
    let mut book = workbook(&plan, &schedule, Lang::Fr);
    let range = book.worksheet_range("Gantt").unwrap();
    let styles = book.worksheet_style("Gantt").unwrap();
    // Columns: id, title, owner, then one per day from the first start,
    // Tue 1 Dec 2026 (`reunion-client-1`), to the last end, Thu 7 Jan 2027
    // (`reunion-client-3`): 31 + 7 = 38 days, columns 3 to 40.
    assert_eq!(range.end().map(|(_, c)| c), Some(40));
    let col = |day: u32| 3 + day - 1; // day of December 2026
    // Two header rows: the date, then the J-x label (J is Sun 20 Dec).
    assert_eq!(text_at(&range, 1, col(20)), "J");
    assert_eq!(text_at(&range, 1, col(1)), "J-19");
    match range.get_value((0, col(10))) {
        Some(Data::DateTime(d)) => assert_eq!(d.as_f64(), SERIAL_2026_12_10),
        other => panic!("the day header is {other:?}"),
    }
    // `banniere` (blocked): Thu 10 and Fri 11 Dec, orange; not the days
    // around them.
    let banniere = 2 + task_index(&plan, "banniere") as u32;
    assert_eq!(text_at(&range, banniere, 0), "banniere");
    assert_eq!(fill_at(&styles, banniere, col(10)), Some(0xF4B183));
    assert_eq!(fill_at(&styles, banniere, col(11)), Some(0xF4B183));
    assert_eq!(fill_at(&styles, banniere, col(9)), None);
    assert_eq!(fill_at(&styles, banniere, col(12)), None);
    // `promotion` works 7 days a week but not on Christmas: Sun 20 to Thu
    // 24 Dec, the Sunday included, to do (the neutral blue-grey).
    let promotion = 2 + task_index(&plan, "promotion") as u32;
    for day in 20..=24 {
        assert_eq!(
            fill_at(&styles, promotion, col(day)),
            Some(0x8EA9DB),
            "{day}"
        );
    }
    assert_eq!(fill_at(&styles, promotion, col(25)), None);
    // `analyse`: Mon 4 and Tue 5 Jan 2027, after the closed week.
    let analyse = 2 + task_index(&plan, "analyse") as u32;
    assert_eq!(fill_at(&styles, analyse, col(31 + 4)), Some(0x8EA9DB));
    assert_eq!(fill_at(&styles, analyse, col(31 + 5)), Some(0x8EA9DB));
    assert_eq!(fill_at(&styles, analyse, col(31 + 6)), None);
    // A milestone is a ◆ on its day: `tout-pret` on Tue 15 Dec.
    let ready = 2 + task_index(&plan, "tout-pret") as u32;
    assert_eq!(text_at(&range, ready, col(15)), "◆");
    // The cancelled `coupon` has no bar.
    let coupon = 2 + task_index(&plan, "coupon") as u32;
    assert_eq!(fill_at(&styles, coupon, col(11)), None);
}

#[test]
fn the_same_plan_gives_the_same_bytes() {
    let (plan, schedule) = promo();
    let a = retroplan_exports::write_xlsx(&plan, &schedule, Lang::Fr).unwrap();
    let b = retroplan_exports::write_xlsx(&plan, &schedule, Lang::Fr).unwrap();
    assert!(a == b, "two exports differ");
}

// --- CSV --------------------------------------------------------------------

fn people_csv(plan: &Plan, schedule: &Schedule, lang: Lang) -> Vec<u8> {
    let mut out = Vec::new();
    retroplan_exports::write_people_csv(&mut out, plan, schedule, lang).unwrap();
    out
}

fn records(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .expect("the file opens with a UTF-8 byte order mark");
    let mut reader = csv::Reader::from_reader(body);
    let headers = reader.headers().unwrap().clone();
    let rows = reader.records().map(Result::unwrap).collect();
    (headers, rows)
}

#[test]
fn the_csv_has_the_columns_of_the_contract() {
    let (plan, schedule) = promo();
    let (headers, rows) = records(&people_csv(&plan, &schedule, Lang::Fr));
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "ID",
            "Tâche",
            "Phase",
            "Responsable",
            "Date de début",
            "Date de fin",
            "J-x",
            "Jours",
            "Dépend de",
            "Statut",
            "Canal",
            "Marge",
            "Critique",
            "Commentaire"
        ]
    );
    assert_eq!(rows.len(), 23);
    // `page-web`: after `texte-site`, `banniere` and `coupon`, 2 days
    // before `tout-pret` on Tue 15 Dec: Mon 14 - Tue 15, J-6 (20 - 14),
    // owned by `webmaster`, the person named Thomas Petit.
    let page = &rows[task_index(&plan, "page-web")];
    assert_eq!(
        page.iter().collect::<Vec<_>>(),
        [
            "page-web",
            "Créer la page de la promotion (texte, bannière, coupon)",
            "Production",
            "Thomas Petit",
            "2026-12-14",
            "2026-12-15",
            "J-6",
            "2",
            "texte-site, banniere, coupon",
            "à faire",
            "Site",
            "5",
            "non",
            ""
        ]
    );
    // A milestone on the critical path, with a comment holding commas.
    let first = &rows[0];
    assert_eq!(&first[7], "0");
    assert_eq!(&first[12], "oui");
    assert_eq!(
        &first[13],
        "Offre, remise, produits concernés, durée (5 jours)."
    );
}

#[test]
fn the_csv_speaks_english_and_writes_typed_links() {
    let (plan, schedule) = dated(LAUNCH, date(2026, 12, 31));
    let (headers, rows) = records(&people_csv(&plan, &schedule, Lang::En));
    assert_eq!(&headers[8], "Depends on");
    assert_eq!(&headers[12], "Critical");
    // The example's `after` holds `{ task = "shooting", type = "SS", lag = 1 }`
    // then `{ task = "shooting", type = "FF", lag = 1 }`.
    let typed = rows
        .iter()
        .find(|r| r[8].contains("(SS"))
        .expect("a task with typed links");
    assert!(
        typed[8].contains("shooting (SS+1), shooting (FF+1)"),
        "{}",
        &typed[8]
    );
    assert!(rows.iter().all(|r| ["yes", "no"].contains(&&r[12])));
    assert!(rows.iter().all(|r| r[9] == *"to do"));
}

// --- ICS --------------------------------------------------------------------

/// The calendar's content lines, unfolded (RFC 5545 3.1: a CRLF followed
/// by one space or tab is removed).
fn unfold(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .replace("\r\n\t", "")
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Each event's properties, in file order.
fn events(lines: &[String]) -> Vec<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<(String, String)>> = None;
    for line in lines {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.extend(current.take()),
            _ => {
                if let Some(event) = current.as_mut()
                    && let Some((key, value)) = line.split_once(':')
                {
                    event.push((key.to_string(), value.to_string()));
                }
            }
        }
    }
    out
}

fn property<'a>(event: &'a [(String, String)], key: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn by_uid<'a>(events: &'a [Vec<(String, String)>], uid: &str) -> &'a [(String, String)] {
    events
        .iter()
        .find(|e| property(e, "UID") == Some(uid))
        .unwrap_or_else(|| panic!("no event {uid}"))
}

#[test]
fn the_calendar_is_well_formed_rfc_5545() {
    let (plan, schedule) = promo();
    let text = retroplan_exports::write_ics(&plan, &schedule, Lang::Fr).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "bare LF");
    // Every example in both languages: English descriptions of the launch
    // once made a 76-octet line (a fold leaving exactly 75 octets).
    for (text, today) in [
        (PROMO, date(2026, 11, 23)),
        (LAUNCH, date(2026, 12, 31)),
        (CAMPAIGN, date(2027, 1, 11)),
    ] {
        let (plan, schedule) = dated(text, today);
        for lang in [Lang::Fr, Lang::En] {
            let ics = retroplan_exports::write_ics(&plan, &schedule, lang).unwrap();
            for line in ics.split("\r\n") {
                assert!(line.len() <= 75, "a line of {} octets: {line}", line.len());
            }
        }
    }
    let lines = unfold(&text);
    assert!(lines.contains(&"PRODID:-//retroplan//retroplan//FR".to_string()));
    assert!(lines.contains(&"X-WR-CALNAME:Promo de Noël 2026".to_string()));
    let events = events(&lines);
    // 23 tasks (none cancelled), no meeting, the D-day.
    assert_eq!(events.len(), 24);
    let uids: HashSet<&str> = events.iter().filter_map(|e| property(e, "UID")).collect();
    assert_eq!(uids.len(), 24, "UIDs are unique");
    // DTSTAMP is the schedule's today, Mon 23 Nov 2026, at midnight UTC.
    assert!(
        events
            .iter()
            .all(|e| property(e, "DTSTAMP") == Some("20261123T000000Z"))
    );
}

#[test]
fn all_day_events_end_the_day_after_their_last_day() {
    let (plan, schedule) = promo();
    let text = retroplan_exports::write_ics(&plan, &schedule, Lang::Fr).unwrap();
    let events = events(&unfold(&text));
    // `banniere`: Thu 10 - Fri 11 Dec, so DTEND is Sat 12.
    let banniere = by_uid(&events, "banniere@promo-de-noel-2026.retroplan");
    assert_eq!(property(banniere, "DTSTART;VALUE=DATE"), Some("20261210"));
    assert_eq!(property(banniere, "DTEND;VALUE=DATE"), Some("20261212"));
    assert_eq!(
        property(banniere, "SUMMARY"),
        Some("Créer la bannière rectangulaire du site")
    );
    let description = property(banniere, "DESCRIPTION").unwrap();
    assert!(
        description.contains("Responsable : Lucas Bernard"),
        "{description}"
    );
    assert!(description.contains("J-x : J-10"), "{description}");
    // `promotion`: Sun 20 to Thu 24 Dec; DTEND Fri 25.
    let promotion = by_uid(&events, "promotion@promo-de-noel-2026.retroplan");
    assert_eq!(property(promotion, "DTSTART;VALUE=DATE"), Some("20261220"));
    assert_eq!(property(promotion, "DTEND;VALUE=DATE"), Some("20261225"));
    // A milestone takes its one day: `tout-pret` on Tue 15 Dec.
    let ready = by_uid(&events, "tout-pret@promo-de-noel-2026.retroplan");
    assert_eq!(property(ready, "DTSTART;VALUE=DATE"), Some("20261215"));
    assert_eq!(property(ready, "DTEND;VALUE=DATE"), Some("20261216"));
    assert_eq!(property(ready, "SUMMARY"), Some("◆ Tout est prêt"));
    // The D-day, Sun 20 Dec.
    let dday = by_uid(&events, "deadline@promo-de-noel-2026.retroplan");
    assert_eq!(property(dday, "DTSTART;VALUE=DATE"), Some("20261220"));
    assert_eq!(property(dday, "DTEND;VALUE=DATE"), Some("20261221"));
}

#[test]
fn meetings_are_events_and_cancelled_tasks_are_not() {
    // The weekly review of the spring campaign: every Monday from the
    // plan's start (Wed 27 Jan 2027) to the deadline (Tue 16 Mar): 1 Feb to
    // 15 Mar, 7 Mondays.
    let (plan, schedule) = dated(CAMPAIGN, date(2027, 1, 11));
    let text = retroplan_exports::write_ics(&plan, &schedule, Lang::Fr).unwrap();
    let spring = events(&unfold(&text));
    let slug = "campagne-de-printemps-vert-de-ville.retroplan";
    let first = by_uid(&spring, &format!("point-hebdo-2027-02-01@{slug}"));
    assert_eq!(property(first, "DTSTART;VALUE=DATE"), Some("20270201"));
    assert_eq!(property(first, "DTEND;VALUE=DATE"), Some("20270202"));
    assert_eq!(
        property(first, "SUMMARY"),
        Some("Point de suivi hebdomadaire")
    );
    let meetings = spring
        .iter()
        .filter(|e| property(e, "UID").is_some_and(|u| u.starts_with("point-hebdo-")))
        .count();
    assert_eq!(meetings, 7);
    assert_eq!(spring.len(), plan.tasks.len() + 7 + 1);

    let (plan, schedule) = promo_under_way();
    let text = retroplan_exports::write_ics(&plan, &schedule, Lang::En).unwrap();
    assert!(text.contains("PRODID:-//retroplan//retroplan//EN\r\n"));
    let english = events(&unfold(&text));
    assert_eq!(
        english.len(),
        23,
        "22 tasks without the cancelled coupon, and the D-day"
    );
    assert!(
        english
            .iter()
            .all(|e| property(e, "UID") != Some("coupon@promo-de-noel-2026.retroplan"))
    );
}

#[test]
fn uids_stay_the_same_across_exports() {
    // Another day, another export: the dates may move, the UIDs may not.
    let (plan, a) = promo();
    let (_, b) = dated(PROMO, date(2026, 12, 3));
    let uids = |s: &Schedule| -> Vec<String> {
        let text = retroplan_exports::write_ics(&plan, s, Lang::Fr).unwrap();
        events(&unfold(&text))
            .iter()
            .filter_map(|e| property(e, "UID").map(str::to_string))
            .collect()
    };
    assert_eq!(uids(&a), uids(&b));
}

// --- Markdown ---------------------------------------------------------------

#[test]
fn markdown_notes_of_the_christmas_promotion() {
    let (plan, schedule) = promo();
    let text = retroplan_exports::write_markdown(&plan, &schedule, Lang::Fr);
    insta::assert_snapshot!("promo-noel-markdown-fr", text);
}

#[test]
fn markdown_escapes_pipes_in_cells() {
    let (mut plan, schedule) = promo();
    plan.tasks[0].title = "Offre | remise".to_string();
    plan.tasks[0].notes = Some("ligne 1\nligne 2".to_string());
    let text = retroplan_exports::write_markdown(&plan, &schedule, Lang::Fr);
    let row = text
        .lines()
        .find(|l| l.starts_with("| reunion-client-1 |"))
        .unwrap();
    assert!(row.contains("| Offre \\| remise |"), "{row}");
    assert!(row.ends_with("| ligne 1<br>ligne 2 |"), "{row}");
    // The row still has its 13 cells: 14 unescaped pipes.
    assert_eq!(row.replace("\\|", "").matches('|').count(), 14);
}

/// Two events could share a UID (the D-day beside a task `deadline-day`, a
/// meeting's occurrence beside a task named like it), and calendar apps
/// merge the events of one UID; a carriage return in a channel, a phase or
/// a name went into the file raw, and broke its content line.
#[test]
fn every_event_has_its_own_uid_and_no_raw_control_character() {
    let plan = "name = \"u\"\ndeadline = 2026-12-18\n\
                [[person]]\nid = \"lea\"\nname = \"L\\u00e9a\\rMartin\"\n\
                [[meeting]]\nid = \"m\"\ntitle = \"Point\"\nevery = \"mon\"\nowner = \"lea\"\n\
                [[task]]\nid = \"deadline\"\ndays = 12\n\
                [[task]]\nid = \"deadline-day\"\ndays = 1\nchannel = \"Web\\rSite\"\n\
                [[task]]\nid = \"m-2026-12-14\"\ndays = 1\nphase = \"Ph\\rase\\u0001\"\nowner = \"lea\"\n";
    let (plan, schedule) = dated(plan, date(2026, 12, 1));
    let text = retroplan_exports::write_ics(&plan, &schedule, Lang::Fr).unwrap();
    let uids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("UID:"))
        .map(str::trim_end)
        .collect();
    let distinct: HashSet<&str> = uids.iter().copied().collect();
    assert_eq!(distinct.len(), uids.len(), "{uids:?}");
    // The tasks keep theirs; the meeting's Monday 14 and the D-day, met
    // after a task of that name, take the next free ones.
    for uid in [
        "deadline@u.retroplan",
        "deadline-day@u.retroplan",
        "m-2026-12-14@u.retroplan",
        "m-2026-12-14-2@u.retroplan",
        "deadline-day-2@u.retroplan",
    ] {
        assert!(uids.contains(&uid), "{uid} in {uids:?}");
    }
    // Every line ends with CRLF, and no other CR or control character is left.
    let body = text.replace("\r\n", "\n");
    assert!(!body.contains('\r'), "a bare carriage return");
    assert!(!body.contains('\u{1}'), "a control character");
}

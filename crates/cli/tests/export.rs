//! `retroplan export` as a user runs it: each format, to standard output or
//! to a file written whole, the format taken from the file's extension, and
//! the refusals (a spreadsheet to a terminal, no format, a plan that does
//! not read) that leave nothing behind. Snapshots: `snapshots/export__*.snap`.

mod common;

use std::path::{Path, PathBuf};

use common::{Run, no_user_templates, run};
use jiff::civil::date;
use retroplan_engine::Lang;

const PROMO: &str = "examples/promo-noel.toml";

fn retroplan(args: &[&str]) -> Run {
    run(args, "", &no_user_templates(), &[("NO_COLOR", "1")])
}

/// An empty folder of its own for each test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("export-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn csv_goes_to_standard_output_with_french_headers() {
    let out = retroplan(&["export", PROMO, "--format", "csv", "--today", "2026-11-23"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .starts_with("\u{feff}ID,Tâche,Phase,Responsable,Date de début,Date de fin,J-x,"),
        "{}",
        out.stdout
    );
    // The header and the example's 23 tasks.
    assert_eq!(out.stdout.lines().count(), 24);
    assert!(out.stdout.contains(
        "\nbanniere,Créer la bannière rectangulaire du site,Production,Lucas Bernard,2026-12-10,2026-12-11,J-10,2,reunion-equipe-1,à faire,Site,5,non,\n"
    ));
}

#[test]
fn json_is_the_schedule_json() {
    let export = retroplan(&["export", PROMO, "--format", "json", "--today", "2026-11-23"]);
    let schedule = retroplan(&[
        "schedule",
        PROMO,
        "--format",
        "json",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    assert_eq!(export.stdout, schedule.stdout);
}

#[test]
fn markdown_notes_in_english() {
    let out = retroplan(&[
        "export",
        PROMO,
        "--format",
        "md",
        "--lang",
        "en",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("promo-noel-markdown-en", out.stdout);
}

#[test]
fn the_format_comes_from_the_extension() {
    let dir = scratch("extension");
    let ics = dir.join("promo.ics");
    let out = retroplan(&["export", PROMO, "-o", arg(&ics), "--today", "2026-11-23"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "", "nothing on standard output");
    let text = std::fs::read_to_string(&ics).unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\n"), "{text}");
    assert!(text.contains("\r\nUID:banniere@promo-de-noel-2026.retroplan\r\n"));
    // `--format` wins over the extension.
    let odd = dir.join("notes.txt");
    let out = retroplan(&["export", PROMO, "--format", "md", "-o", arg(&odd)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let notes = std::fs::read_to_string(&odd).unwrap();
    assert!(notes.starts_with("# Promo de Noël 2026\n"), "{notes}");
    assert_eq!(files_in(&dir), ["notes.txt", "promo.ics"]);
}

#[test]
fn the_workbook_is_the_library_s_bytes() {
    let dir = scratch("xlsx");
    let file = dir.join("promo.xlsx");
    let out = retroplan(&["export", PROMO, "-o", arg(&file), "--today", "2026-11-23"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let bytes = std::fs::read(&file).unwrap();
    // The same plan and day through the library: the binary adds nothing.
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/promo-noel.toml"),
    )
    .unwrap();
    let plan = retroplan_formats::read_plan(&source).plan.unwrap();
    let schedule = retroplan_engine::schedule(&plan, date(2026, 11, 23)).unwrap();
    let expected = retroplan_exports::write_xlsx(&plan, &schedule, Lang::Fr).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"), "a zip file");
    assert!(
        bytes == expected,
        "the file differs from the library's workbook"
    );
    assert_eq!(files_in(&dir), ["promo.xlsx"], "no temporary file left");
}

#[test]
fn a_workbook_is_never_poured_into_a_terminal() {
    let out = retroplan(&["export", PROMO, "--format", "xlsx"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert!(out.stderr.contains("-o"), "{}", out.stderr);
    assert!(out.stderr.contains("binary"), "{}", out.stderr);
    let out = retroplan(&["export", PROMO, "--format", "xlsx", "--lang", "fr"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("fichier binaire"), "{}", out.stderr);
}

#[test]
fn an_existing_file_is_replaced_whole() {
    let dir = scratch("replace");
    let file = dir.join("plan.csv");
    std::fs::write(&file, "an older export\n").unwrap();
    let out = retroplan(&["export", PROMO, "-o", arg(&file), "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("\u{feff}ID,Task,Phase,Owner,Start,End,"),
        "{text}"
    );
    assert!(!text.contains("older"));
    assert_eq!(files_in(&dir), ["plan.csv"]);
}

#[test]
fn a_plan_that_does_not_read_writes_nothing() {
    let dir = scratch("bad");
    let plan = dir.join("bad.toml");
    std::fs::write(
        &plan,
        "name = \"Bad\"\ndeadline = 2026-12-18\n\n[[task]]\nid = \"a\"\ntitle = \"A\"\ndays = -2\n",
    )
    .unwrap();
    for (format, name) in [("xlsx", "out.xlsx"), ("ics", "out.ics"), ("csv", "out.csv")] {
        let target = dir.join(name);
        let out = retroplan(&["export", arg(&plan), "--format", format, "-o", arg(&target)]);
        assert_eq!(out.code, 2, "{format}");
        assert!(out.stderr.contains("bad.toml"), "{}", out.stderr);
        assert!(!target.exists(), "{format}: nothing written");
    }
    let out = retroplan(&["export", arg(&dir.join("missing.toml")), "--format", "md"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    assert_eq!(files_in(&dir), ["bad.toml"]);
}

#[test]
fn a_format_must_be_known() {
    let dir = scratch("unknown");
    let out = retroplan(&["export", PROMO]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("--format"), "{}", out.stderr);
    let out = retroplan(&["export", PROMO, "-o", arg(&dir.join("plan.txt"))]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("plan.txt"), "{}", out.stderr);
    assert!(files_in(&dir).is_empty());
}

#[test]
fn a_late_plan_still_exports() {
    // On Fri 18 Dec nothing of the promotion has started: the plan is late,
    // and the export says so with exit code 0.
    let out = retroplan(&["export", PROMO, "--format", "md", "--today", "2026-12-18"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("**en retard** · "), "{}", out.stdout);
    let out = retroplan(&["schedule", PROMO, "--today", "2026-12-18"]);
    assert_eq!(out.code, 1, "schedule says late with its exit code");
}

#[test]
fn the_html_page_for_a_client() {
    let dir = scratch("html");
    let page = dir.join("noel.html");
    let r = retroplan(&["export", "examples/promo-noel.toml", "-o", arg(&page)]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&page).unwrap();
    assert!(text.starts_with("<!DOCTYPE html>"));
    assert!(text.contains("<title>Promo de Noël 2026</title>"));
    assert!(text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert_eq!(files_in(&dir), vec!["noel.html".to_string()]);
}

/// `-o -` wrote a file named `-` instead of standard output, as `gantt -o -`
/// and `import -o -` do.
#[test]
fn a_dash_as_output_is_standard_output() {
    let out = retroplan(&[
        "export",
        PROMO,
        "--format",
        "csv",
        "-o",
        "-",
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.starts_with("\u{feff}ID,"), "{}", out.stdout);
    let dash = format!("{}/../../-", env!("CARGO_MANIFEST_DIR"));
    assert!(!std::path::Path::new(&dash).exists(), "a file named `-`");
}

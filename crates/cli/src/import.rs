//! `retroplan import`: a team's spreadsheet (CSV, XLSX, XLS, ODS) to a plan
//! file, through the imports crate. This face reads the file, writes the
//! plan whole or not at all (never over an existing file without
//! `--force`), and prints each diagnostic on one line of standard error.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_imports::{Diagnostic, ImportOptions, Imported, Summary};

use crate::table::human_date;

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The spreadsheet: CSV (`,` or `;` separated, UTF-8 or Excel's
    /// Windows-1252), XLSX, XLS or ODS; `-` for standard input.
    pub file: String,
    /// The plan file to write; `-` for standard output. An existing file is
    /// kept unless --force.
    #[arg(short = 'o', long = "output", value_name = "PLAN")]
    pub output: String,
    /// Jour J (YYYY-MM-DD); default: the latest end date in the sheet.
    #[arg(long, value_parser = crate::parse_date)]
    pub deadline: Option<Date>,
    /// The plan's name; default: the file's name without its extension.
    #[arg(long)]
    pub name: Option<String>,
    /// The plan's language and the messages'; default: the language of the
    /// sheet's headers.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
    /// The worksheet of a workbook; default: the first with a task column.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Replace the plan file if it exists.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let flag = args.lang.map(Lang::from);
    let early = flag.or_else(crate::env_lang).unwrap_or(Lang::En);
    let target = Path::new(&args.output);
    if args.output != "-" && target.exists() && !args.force {
        eprintln!("{}", exists(early, &target.display().to_string()));
        return Ok(ExitCode::from(2));
    }
    let bytes = match read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}", unreadable(early, &args.file, &e));
            return Ok(ExitCode::from(2));
        }
    };
    let shown = if args.file == "-" {
        "<stdin>".to_string()
    } else {
        args.file.clone()
    };
    let file_name = Path::new(&args.file)
        .file_name()
        .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let name = args.name.clone().unwrap_or_else(|| {
        Path::new(&args.file)
            .file_stem()
            .filter(|_| args.file != "-")
            .map_or_else(
                || "import".to_string(),
                |s| s.to_string_lossy().into_owned(),
            )
    });
    let options = ImportOptions {
        name,
        file: file_name,
        deadline: args.deadline,
        lang: flag,
        default_lang: crate::env_lang(),
        sheet: args.sheet.clone(),
    };
    let imported = match retroplan_imports::import(&bytes, &options) {
        Ok(i) => i,
        Err(failed) => {
            show(&shown, failed.lang, &failed.diagnostics);
            return Ok(ExitCode::from(2));
        }
    };
    show(&shown, imported.lang, &imported.diagnostics);
    if args.output == "-" {
        std::io::stdout()
            .lock()
            .write_all(imported.text.as_bytes())?;
    } else {
        crate::output::write_file(target, imported.text.as_bytes(), args.force)?;
    }
    summary(&args.output, &imported);
    Ok(ExitCode::SUCCESS)
}

fn read(file: &str) -> std::io::Result<Vec<u8>> {
    if file == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes)?;
        Ok(bytes)
    } else {
        std::fs::read(file)
    }
}

/// `attention : planning.csv, ligne 7, colonne « Fin » : ...`, one per line.
fn show(file: &str, lang: Lang, diagnostics: &[Diagnostic]) {
    let colon = match lang {
        Lang::Fr => " : ",
        Lang::En => ": ",
    };
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let sep = if d.row.is_some() || d.column.is_some() {
            ", "
        } else {
            colon
        };
        // If standard error is closed there is nobody to tell.
        let _ = writeln!(err, "{}{colon}{file}{sep}{d}", d.severity.word(d.lang));
    }
}

fn exists(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "erreur : {path} existe déjà ; rien n'est écrit (ajoutez --force pour le remplacer)"
        ),
        Lang::En => {
            format!("error: {path} already exists; nothing was written (add --force to replace it)")
        }
    }
}

fn unreadable(lang: Lang, file: &str, e: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!("erreur : impossible de lire {file} : {e}"),
        Lang::En => format!("error: cannot read {file}: {e}"),
    }
}

/// `n` and its noun: French keeps the singular for 0 and 1, English for 1.
fn plural(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// What was written, on standard error (standard output stays free for `-`).
fn summary(output: &str, imported: &Imported) {
    let lang = imported.lang;
    let s: &Summary = &imported.summary;
    let day = human_date(lang, s.deadline);
    let mut lines = Vec::new();
    match lang {
        Lang::Fr => {
            let tasks = plural(lang, s.tasks, "tâche", "tâches");
            let people = plural(lang, s.people, "personne", "personnes");
            let whence = if s.deadline_from_sheet {
                " (la dernière date de fin du tableau)"
            } else {
                ""
            };
            let target = if output == "-" {
                "Plan écrit sur la sortie standard".to_string()
            } else {
                format!("{output} écrit")
            };
            lines.push(format!(
                "{target} : {tasks}, {people}, Jour J le {day}{whence}."
            ));
            if s.dated > 0 {
                lines.push(format!(
                    "{} des {} tâches datées gardent leurs dates du tableau.",
                    s.kept, s.dated
                ));
            }
            if s.rows_left_out > 0 {
                lines.push(format!(
                    "{} de côté (voir ci-dessus).",
                    plural(lang, s.rows_left_out, "ligne laissée", "lignes laissées")
                ));
            }
            if output != "-" {
                lines.push(format!("Ensuite : retroplan schedule {output}"));
            }
        }
        Lang::En => {
            let tasks = plural(lang, s.tasks, "task", "tasks");
            let people = plural(lang, s.people, "person", "people");
            let whence = if s.deadline_from_sheet {
                " (the sheet's latest end date)"
            } else {
                ""
            };
            let target = if output == "-" {
                "Wrote the plan to standard output".to_string()
            } else {
                format!("Wrote {output}")
            };
            lines.push(format!("{target}: {tasks}, {people}, D-day {day}{whence}."));
            if s.dated > 0 {
                lines.push(format!(
                    "{} of the {} dated tasks keep the sheet's dates.",
                    s.kept, s.dated
                ));
            }
            if s.rows_left_out > 0 {
                lines.push(format!(
                    "{} left out (see above).",
                    plural(lang, s.rows_left_out, "row", "rows")
                ));
            }
            if output != "-" {
                lines.push(format!("Next: retroplan schedule {output}"));
            }
        }
    }
    let mut err = std::io::stderr().lock();
    for line in lines {
        let _ = writeln!(err, "{line}");
    }
}

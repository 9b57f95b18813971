//! `retroplan export PLAN --format xlsx|csv|ics|json|md|html [-o FILE]`:
//! the plan for other tools. The plan is loaded and dated as `schedule`
//! does; `retroplan-exports` makes the bytes; this face picks the format
//! (the flag, else the output's extension), refuses to pour a spreadsheet
//! into a terminal, and writes the file whole or not at all (a temporary
//! file beside it, then a rename).

use std::ffi::OsStr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::civil::Date;
use retroplan_engine::Lang;

use crate::load;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example.
    pub plan: String,
    /// What to write; default: from the extension of `-o`.
    #[arg(long, value_enum)]
    pub format: Option<ExportFormat>,
    /// The file to write (replaced whole); default: standard output (text formats only).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The day to plan from (YYYY-MM-DD); overrides the plan's `today` and the clock.
    #[arg(long, value_parser = crate::parse_date)]
    pub today: Option<Date>,
    /// Language of the headers and words; default: the plan's `lang`, else LANG.
    #[arg(long, value_enum)]
    pub lang: Option<crate::LangArg>,
    /// Level the owners' work first (as `schedule --level`).
    #[arg(long)]
    pub level: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// A workbook: the task sheet and a Gantt sheet.
    Xlsx,
    /// The task table for spreadsheets (UTF-8 with a byte order mark).
    Csv,
    /// A calendar: tasks, milestones, meetings and the D-day as all-day events.
    Ics,
    /// The schedule as `schedule --format json` prints it.
    Json,
    /// Markdown notes: one table per phase.
    Md,
    /// One self-contained page: the Gantt chart and the table.
    Html,
}

impl ExportFormat {
    /// The format a file name's extension says, if any.
    fn of_path(path: &Path) -> Option<ExportFormat> {
        let ext = path
            .extension()
            .and_then(OsStr::to_str)?
            .to_ascii_lowercase();
        Some(match ext.as_str() {
            "xlsx" => ExportFormat::Xlsx,
            "csv" => ExportFormat::Csv,
            "ics" | "ical" | "ifb" => ExportFormat::Ics,
            "json" => ExportFormat::Json,
            "md" | "markdown" => ExportFormat::Md,
            "html" | "htm" => ExportFormat::Html,
            _ => return None,
        })
    }
}

pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let lang_flag = args.lang.map(Lang::from);
    // `-o -` is standard output, as for `gantt` and `import`.
    let output = args.output.clone().filter(|p| p.as_os_str() != "-");
    // Refusals that need no plan come first: nothing is read for nothing.
    let format = match (args.format, &output) {
        (Some(format), _) => format,
        (None, Some(path)) => match ExportFormat::of_path(path) {
            Some(format) => format,
            None => {
                eprintln!("{}", unknown_extension(early_lang(lang_flag), path));
                return Ok(ExitCode::from(2));
            }
        },
        (None, None) => {
            eprintln!("{}", no_format(early_lang(lang_flag)));
            return Ok(ExitCode::from(2));
        }
    };
    if format == ExportFormat::Xlsx && output.is_none() {
        eprintln!("{}", xlsx_needs_a_file(early_lang(lang_flag)));
        return Ok(ExitCode::from(2));
    }

    let Ok(mut loaded) = load::load(&args.plan, &crate::read_options(None, args.lang))? else {
        return Ok(ExitCode::from(2));
    };
    loaded.plan.level |= args.level;
    let today = load::today(args.today, &loaded.plan);
    let Ok(schedule) = load::schedule(&loaded, today) else {
        return Ok(ExitCode::from(2));
    };
    let lang = crate::language(args.lang, &loaded);
    let plan = &loaded.plan;

    let bytes: Vec<u8> = match format {
        ExportFormat::Xlsx => retroplan_exports::write_xlsx(plan, &schedule, lang)?,
        ExportFormat::Csv => {
            let mut out = Vec::new();
            retroplan_exports::write_people_csv(&mut out, plan, &schedule, lang)?;
            out
        }
        ExportFormat::Ics => retroplan_exports::write_ics(plan, &schedule, lang)?.into_bytes(),
        ExportFormat::Json => {
            let mut out = Vec::new();
            retroplan_formats::write_schedule_json(&mut out, plan, &schedule)?;
            out
        }
        ExportFormat::Md => retroplan_exports::write_markdown(plan, &schedule, lang).into_bytes(),
        ExportFormat::Html => retroplan_exports::html::page(plan, &schedule, lang)?.into_bytes(),
    };

    match &output {
        Some(path) => crate::output::replace_file(path, &bytes)?,
        None => {
            let mut out = io::stdout().lock();
            crate::output::unless_closed_pipe(out.write_all(&bytes).and_then(|()| out.flush()))?;
        }
    }
    // A late plan still exports: the file says it is late.
    Ok(ExitCode::SUCCESS)
}

/// The language of a refusal made before the plan is read: `--lang`, else
/// LANG, else English.
fn early_lang(flag: Option<Lang>) -> Lang {
    flag.or_else(crate::env_lang).unwrap_or(Lang::En)
}

fn xlsx_needs_a_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "erreur : un classeur xlsx est un fichier binaire, pas du texte pour le terminal ; indiquez le fichier à écrire avec -o, par exemple -o plan.xlsx"
        }
        Lang::En => {
            "error: an xlsx workbook is binary, not text for a terminal; name the file to write with -o, for example -o plan.xlsx"
        }
    }
}

fn no_format(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "erreur : quel format ? --format xlsx|csv|ics|json|md|html, ou un fichier -o dont l'extension le dit (plan.xlsx)"
        }
        Lang::En => {
            "error: which format? --format xlsx|csv|ics|json|md|html, or an -o file whose extension says it (plan.xlsx)"
        }
    }
}

fn unknown_extension(lang: Lang, path: &Path) -> String {
    let path = path.display();
    match lang {
        Lang::Fr => format!(
            "erreur : l'extension de `{path}` ne dit pas le format ; ajoutez --format xlsx|csv|ics|json|md|html"
        ),
        Lang::En => format!(
            "error: the extension of `{path}` does not say which format; add --format xlsx|csv|ics|json|md|html"
        ),
    }
}

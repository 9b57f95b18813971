//! `retroplan`: backward planning (rétroplanning) from a deadline that cannot
//! move. This binary is a thin face over `retroplan-engine` (the dates) and
//! `retroplan-formats` (the files): it parses arguments, reads files and the
//! clock, and shows results; it decides nothing about scheduling.

mod baseline;
mod diagnostics;
mod diff;
mod examples;
mod export;
mod gantt;
mod i18n;
mod import;
mod load;
mod margin_words;
mod output;
mod people_report;
mod progress_edit;
mod progress_words;
mod raci;
mod risk;
mod table;
mod templates;
mod user_templates;
mod week;
mod whatif;
mod workload;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::civil::Date;
use retroplan_engine::Lang;

use crate::load::{Loaded, load};

#[derive(Parser)]
#[command(name = "retroplan", version, about = "Backward planning from a deadline that cannot move.", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Date every task of a plan backward from its deadline (exit 0 feasible, 1 late, 2 unreadable).
    Schedule {
        /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example.
        plan: String,
        /// The day to plan from (YYYY-MM-DD); overrides the plan's `today` and the clock.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// Another deadline (YYYY-MM-DD) instead of the plan's: every J-x label moves with it.
        #[arg(long, value_parser = parse_date)]
        deadline: Option<Date>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Language of the table; default: the plan's `lang`, else LANG.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Level the owners' work: one task at a time per person (or their
        /// capacity), as late as that allows. Same as `level = true` in the plan.
        #[arg(long)]
        level: bool,
        /// Show the variance against this baseline (default: the last one
        /// recorded; `--baseline ''` also means the last one).
        #[arg(long, value_name = "NAME")]
        baseline: Option<String>,
    },
    /// The weekly review: verdict, due this week, late, at risk, starting next
    /// week, who waits on whom, margins; for several plans, everyone or one
    /// person (exit 0, 1 when a plan is late, 2 unreadable).
    Week {
        /// One or more plan files.
        #[arg(required = true)]
        plans: Vec<String>,
        /// Any day of the week to review (YYYY-MM-DD); default: today's week.
        #[arg(long, value_parser = parse_date)]
        week: Option<Date>,
        /// The day progress is read at (YYYY-MM-DD); default: the plan's `today`, else the clock.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        #[arg(long, value_enum, default_value_t = week::WeekFormat::Table)]
        format: week::WeekFormat,
        /// Only this person's tasks (a person id or owner name), and the waits they are part of.
        #[arg(long)]
        owner: Option<String>,
        /// Compare with this baseline instead of the last one recorded.
        #[arg(long, value_name = "NAME")]
        baseline: Option<String>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Record the plan's dates as they stand in a `[baseline.NAME]` section of
    /// the plan file, to measure variance against later.
    Baseline {
        plan: String,
        /// The baseline's name; default: today's date.
        #[arg(long)]
        name: Option<String>,
        /// The day to read progress at (YYYY-MM-DD); default: the plan's `today`, else the clock.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// List the baselines the plan has instead (name, day recorded, verdict, end).
        #[arg(long)]
        list: bool,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Each person's booked work against their available days, per week or
    /// day, summed over several plans (people matched by id). Exit 1 when
    /// someone is overbooked.
    Workload {
        /// One or more plan files.
        #[arg(required = true)]
        plans: Vec<String>,
        #[arg(long, value_enum, default_value_t = ByArg::Week)]
        by: ByArg,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// The day to plan from (YYYY-MM-DD), for every plan.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// Level each plan first (as `schedule --level`).
        #[arg(long)]
        level: bool,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Check a plan file and report every problem with its line and column (exit 0 valid, 2 not).
    Check {
        plan: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The day to check from (YYYY-MM-DD): progress after it is an error; default: the plan's `today`, else the clock.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
        /// A deadline (YYYY-MM-DD) instead of the plan's, or for a template, which has none.
        #[arg(long, value_parser = parse_date)]
        deadline: Option<Date>,
        /// `human` (on standard error) or `json` (an array of diagnostics on standard output, for editors).
        #[arg(long, value_enum, default_value_t = CheckFormat::Human)]
        format: CheckFormat,
    },
    /// The RACI matrix: who is accountable, responsible, consulted and informed on each task (exit 0, 2 unreadable).
    Raci {
        /// The plan file (TOML); `-` for standard input; `example:NAME` for a built-in example.
        plan: String,
        #[arg(long, value_enum, default_value_t = raci::RaciFormat::Table)]
        format: raci::RaciFormat,
        /// Language of the headers and notes; default: the plan's `lang`, else LANG.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// The day the plan is read on (YYYY-MM-DD); default: the plan's `today`, else the clock.
        #[arg(long, value_parser = parse_date)]
        today: Option<Date>,
    },
    /// What changed between two versions of a plan (OLD NEW), or since a
    /// baseline (PLAN --baseline [NAME]): tasks added, removed, re-dated,
    /// re-assigned, status and duration changes, and the effect on the plan (exit 0, 2 unreadable).
    Diff(diff::DiffArgs),
    /// Try changes in memory (--slip, --remove, --deadline, --add-days) and
    /// see what moves; the plan file is never written (exit 0 the deadline
    /// holds, 1 not, 2 bad input).
    Whatif(whatif::WhatifArgs),
    /// Monte Carlo over the three-point estimates: the chance of finishing
    /// by the deadline, the start each confidence needs, the finish dates,
    /// each task's criticality (exit 0, 2 unreadable).
    Risk(risk::RiskArgs),
    /// Draw the Gantt chart to an SVG, PNG or PDF file: phases, J-x axis,
    /// today and D-day lines, status colours, critical path, milestones,
    /// buffers, dependencies, baseline (exit 0, 2 unreadable).
    Gantt(gantt::GanttArgs),
    /// Write the plan for other tools: a spreadsheet (xlsx, csv), a calendar
    /// (ics), a page for a client (html), notes (md), or the schedule (json).
    Export(export::ExportArgs),
    /// Turn a team's spreadsheet (CSV or XLSX, French or English headers)
    /// into a plan file; every row it cannot read is reported (exit 0, 2 when
    /// nothing usable or the plan would not schedule).
    Import(import::ImportArgs),
    /// List the built-in example plans, or print one.
    Example { name: Option<String> },
    /// List the templates: built-in (the seeds' rétroplannings) and your own.
    Templates {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Language of the titles; default: LANG.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write a new plan file: from a template with its deadline, or a commented starter plan.
    New {
        /// The plan file to write (`-` for standard output). An existing file is kept unless --force.
        file: String,
        /// A template id or alias (see `retroplan templates`).
        #[arg(long)]
        template: Option<String>,
        /// Jour J (YYYY-MM-DD): required with --template; for the starter plan, default eight weeks ahead.
        #[arg(long, value_parser = parse_date)]
        deadline: Option<Date>,
        /// Language of the template; default: LANG, else French.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Give a role of the template to a person: ROLE=PERSON (repeatable), e.g. graphiste="Léa Martin".
        #[arg(long, value_name = "ROLE=PERSON")]
        assign: Vec<String>,
        /// Replace the file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Your own templates: save a plan as one, or show a template's file.
    Template {
        #[command(subcommand)]
        action: TemplateAction,
    },
    /// Change keys of a task in the plan file, comments and layout kept
    /// (status, started, finished, remaining, note, owner, days, due, on,
    /// priority; KEY= removes one). A change that would make the plan
    /// invalid is refused and nothing is written (exit 2).
    Set(progress_edit::SetArgs),
    /// Record that a task has started: `status = "in_progress"` and
    /// `started` (--on, else --today, else the plan's `today`, else the clock).
    Start(progress_edit::DateArgs),
    /// Record that a task is done: `status = "done"` and `finished` (--on,
    /// else --today, else the plan's `today`, else the clock); `remaining` goes.
    Done(progress_edit::DateArgs),
}

#[derive(Subcommand)]
enum TemplateAction {
    /// Turn a plan into a reusable template (dates made relative to its deadline),
    /// stored in your template folder ($RETROPLAN_TEMPLATES, else the platform's data directory).
    Save {
        plan: String,
        /// The template's id ([a-z0-9_-]+).
        #[arg(long = "as", value_name = "ID")]
        id: String,
        /// Replace your template of the same id and language.
        #[arg(long)]
        force: bool,
    },
    /// Print a template's file.
    Show {
        id: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Print the folder where your templates are kept.
    Folder,
}

#[derive(Clone, Copy, ValueEnum)]
enum ByArg {
    Week,
    Day,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum CheckFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

fn parse_date(text: &str) -> Result<Date, String> {
    // jiff also reads `20261001`, `+002026-10-01` or a date and time; the
    // flags promise YYYY-MM-DD, and anything else is more likely a slip.
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
    }
    text.parse::<Date>()
        .map_err(|e| format!("`{text}` is not a date (YYYY-MM-DD): {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<io::Error>()
                .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Schedule {
            plan,
            today,
            deadline,
            format,
            lang,
            level,
            baseline: compare,
        } => {
            let Ok(mut loaded) = load(&plan, &read_options(deadline, lang))? else {
                return Ok(ExitCode::from(2));
            };
            loaded.plan.level |= level;
            loaded.release_source();
            if let Some(name) = compare {
                let Some(i) = baseline::find(&loaded.plan, &name) else {
                    return Ok(ExitCode::from(2));
                };
                loaded.plan.tracking.compare_with = Some(i);
            }
            let today = load::today(today, &loaded.plan);
            let Ok(schedule) = load::schedule(&loaded, today) else {
                return Ok(ExitCode::from(2));
            };
            let written = || -> io::Result<()> {
                match format {
                    Format::Json => {
                        let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
                        retroplan_formats::write_schedule_json(&mut out, &loaded.plan, &schedule)?;
                        out.flush()
                    }
                    Format::Csv => {
                        let mut out = BufWriter::new(io::stdout().lock());
                        retroplan_formats::write_schedule_csv(&mut out, &loaded.plan, &schedule)?;
                        out.flush()
                    }
                    Format::Table => {
                        let mut out = anstream::stdout().lock();
                        table::render(&mut out, &loaded.plan, &schedule, language(lang, &loaded))?;
                        out.flush()
                    }
                }
            };
            output::unless_closed_pipe(written())?;
            let code = if schedule.feasible {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            };
            // The process ends here: freeing a large plan task by task (a
            // few strings each) costs more than the system reclaiming its
            // pages at once (12 ms of 100,000 tasks).
            std::mem::forget(schedule);
            std::mem::forget(loaded);
            Ok(code)
        }
        Command::Check {
            plan,
            format: CheckFormat::Json,
            deadline,
            lang,
            today,
        } => {
            let (name, source) = load::read_source(&plan)?;
            let diagnostics = load::all_diagnostics(&source, &read_options(deadline, lang), today);
            let failed = retroplan_formats::has_errors(&diagnostics);
            output::unless_closed_pipe(writeln!(
                io::stdout(),
                "{:#}",
                diagnostics::to_json(&name, &source, &diagnostics)
            ))?;
            Ok(ExitCode::from(if failed { 2 } else { 0 }))
        }
        Command::Check {
            plan,
            lang,
            deadline,
            today,
            ..
        } => {
            let Ok(loaded) = load::load_schedulable(&plan, &read_options(deadline, lang), today)?
            else {
                return Ok(ExitCode::from(2));
            };
            let lang = language(lang, &loaded);
            output::unless_closed_pipe(writeln!(
                io::stdout(),
                "{}",
                i18n::check_ok(
                    lang,
                    loaded.plan.tasks.len(),
                    &table::human_date(lang, loaded.plan.deadline)
                )
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Workload {
            plans,
            by,
            format,
            today,
            level,
            lang,
        } => workload::run(workload::Request {
            plans: &plans,
            period: match by {
                ByArg::Week => workload::Period::Week,
                ByArg::Day => workload::Period::Day,
            },
            json: matches!(format, ListFormat::Json),
            today,
            level,
            lang: lang.map(Lang::from),
            read: read_options(None, lang),
        }),
        Command::Week {
            plans,
            week,
            today,
            format,
            owner,
            baseline,
            lang,
        } => week::run(week::Request {
            plans: &plans,
            week,
            today,
            format,
            owner,
            baseline,
            lang: lang.map(Lang::from),
            read: read_options(None, lang),
        }),
        Command::Baseline {
            plan,
            name,
            today,
            list,
            lang,
        } => baseline::run(baseline::Request {
            plan: &plan,
            name,
            today,
            list,
            lang: lang.map(Lang::from),
            read: read_options(None, lang),
        }),
        Command::Raci {
            plan,
            format,
            lang,
            today,
        } => {
            // Exit codes like `check`: a plan it refuses (a cycle too) is refused here.
            let Ok(loaded) = load::load_schedulable(&plan, &read_options(None, lang), today)?
            else {
                return Ok(ExitCode::from(2));
            };
            raci::print(&loaded.plan, format, language(lang, &loaded))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff(args) => diff::run(args),
        Command::Whatif(args) => whatif::run(args),
        Command::Risk(args) => risk::run(args),
        Command::Gantt(args) => gantt::run(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
        Command::Example { name: None } => {
            for name in examples::names() {
                writeln!(io::stdout(), "{name}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Example { name: Some(name) } => match examples::find(&name) {
            Some(text) => {
                io::stdout().lock().write_all(text.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            None => anyhow::bail!(
                "no built-in example named `{name}`; known: {}",
                examples::names().join(", ")
            ),
        },
        Command::Templates { format, lang } => {
            let lang = lang.map(Lang::from).or_else(env_lang).unwrap_or(Lang::En);
            templates::list(matches!(format, ListFormat::Json), lang)
        }
        Command::New {
            file,
            template,
            deadline,
            lang,
            assign,
            force,
        } => templates::new(templates::NewPlan {
            file: &file,
            template: template.as_deref(),
            deadline,
            lang_flag: lang.map(Lang::from),
            lang_env: env_lang(),
            assign: &assign,
            force,
            today: jiff::Zoned::now().date(),
        }),
        Command::Template {
            action: TemplateAction::Save { plan, id, force },
        } => templates::save(&plan, &id, force),
        Command::Template {
            action: TemplateAction::Show { id, lang },
        } => templates::show_template(&id, lang.map(Lang::from)),
        Command::Template {
            action: TemplateAction::Folder,
        } => {
            writeln!(io::stdout(), "{}", user_templates::folder()?.display())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Set(args) => progress_edit::set(&args),
        Command::Start(args) => progress_edit::start(&args),
        Command::Done(args) => progress_edit::done(&args),
    }
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

fn env_lang() -> Option<Lang> {
    i18n::lang_from_env(|k| std::env::var(k).ok())
}

/// The reader's options from the command line: titles the reader generates
/// (validation loops) follow `--lang`, else LANG, when the plan has no `lang`.
fn read_options(deadline: Option<Date>, lang: Option<LangArg>) -> retroplan_formats::ReadOptions {
    retroplan_formats::ReadOptions {
        deadline,
        lang: lang.map(Lang::from).or_else(env_lang),
    }
}

fn language(flag: Option<LangArg>, loaded: &Loaded) -> Lang {
    match flag {
        Some(l) => l.into(),
        None => loaded.plan.lang.or_else(env_lang).unwrap_or(Lang::En),
    }
}

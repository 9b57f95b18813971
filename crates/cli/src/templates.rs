//! `retroplan templates`, `retroplan new` and `retroplan template save|show`:
//! the faces of the templates crate, with the files and the clock.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use jiff::civil::Date;
use retroplan_engine::Lang;
use retroplan_templates::{Assignment, Catalog, Origin, Template, TemplateError};
use unicode_width::UnicodeWidthStr;

use crate::load::show;
use crate::user_templates;

/// `retroplan templates`.
pub fn list(json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let catalog = user_templates::catalog()?;
    let summaries = catalog.summaries(lang);
    let mut out = anstream::stdout().lock();
    if json {
        let items: Vec<serde_json::Value> = summaries
            .iter()
            .map(|s| {
                let t = catalog.find(&s.id, None).ok();
                serde_json::json!({
                    "id": s.id,
                    "title": s.title,
                    "span": s.span,
                    "tasks": s.tasks,
                    "languages": s.languages.iter().map(|l| l.code()).collect::<Vec<_>>(),
                    "origin": match s.origin { Origin::BuiltIn => "built-in", Origin::User { .. } => "user" },
                    "aliases": t.map(|t| t.aliases.clone()).unwrap_or_default(),
                    "source": t.and_then(|t| t.source.clone()),
                })
            })
            .collect();
        writeln!(out, "{:#}", serde_json::Value::Array(items))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (h_id, h_title, h_span, h_tasks, h_langs) = match lang {
        Lang::Fr => ("Modèle", "Titre", "Période", "Tâches", "Langues"),
        Lang::En => ("Template", "Title", "Span", "Tasks", "Languages"),
    };
    let rows: Vec<[String; 5]> = summaries
        .iter()
        .map(|s| {
            let user = match (&s.origin, lang) {
                (Origin::BuiltIn, _) => "",
                (Origin::User { .. }, Lang::Fr) => " (perso)",
                (Origin::User { .. }, Lang::En) => " (yours)",
            };
            [
                s.id.clone(),
                format!("{}{user}", s.title),
                s.span.clone().unwrap_or_default(),
                s.tasks.to_string(),
                s.languages
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", "),
            ]
        })
        .collect();
    let header = [h_id, h_title, h_span, h_tasks, h_langs].map(String::from);
    let mut widths = header.clone().map(|h| h.width());
    for row in &rows {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.width());
        }
    }
    let line = |cells: &[String; 5]| {
        let mut text = String::new();
        for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - c.width());
            if i == 3 {
                text.push_str(&format!("{pad}{c}  "));
            } else {
                text.push_str(&format!("{c}{pad}  "));
            }
        }
        text.trim_end().to_string()
    };
    let dim = anstyle::Style::new().dimmed();
    writeln!(out, "{dim}{}{dim:#}", line(&header))?;
    for row in &rows {
        writeln!(out, "{}", line(row))?;
    }
    writeln!(out)?;
    let hint = match lang {
        Lang::Fr => {
            "retroplan new plan.toml --template ID --deadline AAAA-MM-JJ [--assign ROLE=PERSONNE]"
        }
        Lang::En => {
            "retroplan new plan.toml --template ID --deadline YYYY-MM-DD [--assign ROLE=PERSON]"
        }
    };
    writeln!(out, "{dim}{hint}{dim:#}")?;
    Ok(ExitCode::SUCCESS)
}

pub struct NewPlan<'a> {
    pub file: &'a str,
    pub template: Option<&'a str>,
    pub deadline: Option<Date>,
    /// `--lang`, when given: the template must have that language.
    pub lang_flag: Option<Lang>,
    /// The environment's language, a preference only.
    pub lang_env: Option<Lang>,
    pub assign: &'a [String],
    pub force: bool,
    pub today: Date,
}

/// `retroplan new`: a plan from a template, or the commented starter plan.
pub fn new(args: NewPlan<'_>) -> anyhow::Result<ExitCode> {
    let target = Path::new(args.file);
    if args.file != "-" && target.exists() && !args.force {
        eprintln!(
            "error: {} already exists; nothing was written (add --force to replace it)",
            target.display()
        );
        return Ok(ExitCode::from(2));
    }
    let assignments: Vec<Assignment> =
        match args.assign.iter().map(|a| Assignment::parse(a)).collect() {
            Ok(a) => a,
            Err(e) => return Ok(explain(&e)),
        };
    let (text, lang, template) = match args.template {
        None => {
            if !assignments.is_empty() {
                eprintln!(
                    "error: --assign maps the roles of a template; add --template ID (see `retroplan templates`)"
                );
                return Ok(ExitCode::from(2));
            }
            let lang = args.lang_flag.or(args.lang_env).unwrap_or(Lang::Fr);
            // Eight weeks ahead: a typical campaign, to be edited.
            let deadline = args.deadline.unwrap_or_else(|| {
                args.today
                    .checked_add(jiff::Span::new().weeks(8))
                    .unwrap_or(args.today)
            });
            (retroplan_templates::starter(lang, deadline), lang, None)
        }
        Some(id) => {
            let Some(deadline) = args.deadline else {
                eprintln!(
                    "error: a plan made from a template needs its deadline: add --deadline YYYY-MM-DD (Jour J)"
                );
                return Ok(ExitCode::from(2));
            };
            let catalog = user_templates::catalog()?;
            let found = match args.lang_flag {
                Some(l) => catalog.find(id, Some(l)),
                None => catalog
                    .find(id, args.lang_env)
                    .or_else(|_| catalog.find(id, None)),
            };
            let template = match found {
                Ok(t) => t.clone(),
                Err(e) => return Ok(explain(&e)),
            };
            match retroplan_templates::instantiate(&template, deadline, &assignments) {
                Ok(text) => (text, template.lang, Some(template)),
                Err(e) => return Ok(explain(&e)),
            }
        }
    };
    if args.file == "-" {
        std::io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    crate::output::write_file(target, text.as_bytes(), args.force)?;
    summary(target, &text, lang, template.as_ref(), &assignments);
    Ok(ExitCode::SUCCESS)
}

/// What `new` wrote and what to do next, on standard error (standard output
/// stays free for `-`).
fn summary(
    target: &Path,
    text: &str,
    lang: Lang,
    template: Option<&Template>,
    assignments: &[Assignment],
) {
    let read = retroplan_formats::read_plan(text);
    let tasks = read.plan.as_ref().map_or(0, |p| p.tasks.len());
    let file = target.display();
    match (lang, template) {
        (Lang::Fr, Some(t)) => {
            eprintln!("{file} écrit depuis le modèle {} ({} tâches).", t.id, tasks)
        }
        (Lang::En, Some(t)) => eprintln!("Wrote {file} from template {} ({} tasks).", t.id, tasks),
        (Lang::Fr, None) => eprintln!("{file} écrit : un plan de départ commenté à compléter."),
        (Lang::En, None) => eprintln!("Wrote {file}: a commented starter plan to fill in."),
    }
    if let Some(t) = template {
        let assigned: Vec<String> = assignments.iter().map(|a| a.role.to_lowercase()).collect();
        let open: Vec<String> = t
            .roles()
            .into_iter()
            .filter(|(id, title)| {
                !assigned.contains(&id.to_lowercase()) && !assigned.contains(&title.to_lowercase())
            })
            .map(|(id, _)| id)
            .collect();
        if !open.is_empty() {
            match lang {
                Lang::Fr => eprintln!(
                    "Rôles encore à attribuer (--assign ROLE=PERSONNE, ou dans le fichier) : {}",
                    open.join(", ")
                ),
                Lang::En => eprintln!(
                    "Roles still to assign (--assign ROLE=PERSON, or in the file): {}",
                    open.join(", ")
                ),
            }
        }
    }
    match lang {
        Lang::Fr => eprintln!("Ensuite : retroplan schedule {file}"),
        Lang::En => eprintln!("Next: retroplan schedule {file}"),
    }
}

/// `retroplan template save PLAN --as ID`.
pub fn save(plan_path: &str, id: &str, force: bool) -> anyhow::Result<ExitCode> {
    let (name, source) = crate::load::read_source(plan_path)?;
    let catalog: Catalog = user_templates::catalog()?;
    let text = match retroplan_templates::save(&source, id, &catalog) {
        Ok(t) => t,
        Err(TemplateError::Invalid { diagnostics, .. }) => {
            show(&name, &source, &diagnostics);
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Ok(explain(&e)),
    };
    let lang = retroplan_formats::read_plan(&source)
        .plan
        .and_then(|p| p.lang)
        .unwrap_or(Lang::Fr);
    let dir = user_templates::folder()?;
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the template folder {}", dir.display()))?;
    let path = dir.join(format!("{id}.{}.toml", lang.code()));
    if path.exists() && !force {
        eprintln!(
            "error: you already have a template \"{id}\" in this language ({}); nothing was written (add --force to replace it)",
            path.display()
        );
        return Ok(ExitCode::from(2));
    }
    crate::output::write_file(&path, text.as_bytes(), force)?;
    eprintln!(
        "Saved template \"{id}\" ({}) to {}",
        lang.code(),
        path.display()
    );
    eprintln!("Use it with: retroplan new plan.toml --template {id} --deadline YYYY-MM-DD");
    Ok(ExitCode::SUCCESS)
}

/// `retroplan template show ID`: the template file itself.
pub fn show_template(id: &str, lang: Option<Lang>) -> anyhow::Result<ExitCode> {
    let catalog = user_templates::catalog()?;
    match catalog.find(id, lang) {
        Ok(t) => {
            std::io::stdout().lock().write_all(t.text.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(explain(&e)),
    }
}

/// A template error on standard error, with what would fix it; exit 2.
fn explain(e: &TemplateError) -> ExitCode {
    eprintln!("error: {e}");
    match e {
        TemplateError::Unknown { known, .. } => {
            eprintln!("  known templates: {}", known.join(", "));
            eprintln!("  see them with `retroplan templates`");
        }
        TemplateError::MissingLanguage { available, .. } => {
            let langs: Vec<&str> = available.iter().map(|l| l.code()).collect();
            eprintln!("  it exists in: {} (use --lang)", langs.join(", "));
        }
        TemplateError::UnknownRole { roles, .. } => {
            eprintln!("  roles of this template:");
            for (id, title) in roles {
                eprintln!("    {id:<20} {title}");
            }
        }
        TemplateError::BadAssignment { .. } => {
            eprintln!(
                "  e.g. --assign graphiste=\"Léa Martin\" (a role of the template = a person's name or id)"
            );
        }
        TemplateError::Invalid {
            what,
            text,
            diagnostics,
        } => show(what, text, diagnostics),
        TemplateError::BuiltInId { .. } => eprintln!("  choose another id for your template"),
        TemplateError::BadId { suggestion, .. } => {
            eprintln!("  ids use lowercase letters, digits, `-` and `_`: try \"{suggestion}\"")
        }
        TemplateError::NotATemplate { .. } => {}
    }
    ExitCode::from(2)
}

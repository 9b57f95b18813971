//! `retroplan raci PLAN`: the RACI matrix of a plan (seed 002, "who does
//! what"), documented in docs/raci.md. One row per task; one column per
//! person, the plan's `[[person]]` first, then any name the tasks use without
//! declaring it. The owner is the Accountable (A), and also the Responsible
//! (R) when the task names nobody in `responsible`.
//!
//! The table and the Markdown group the rows by phase like the schedule table
//! (plan order inside a phase); CSV and JSON list the tasks in plan order,
//! each with its phase. Milestones that involve nobody (no owner, no RACI
//! keys) are left out of every format: they are dates, not work anyone does.
//! The table's colours go through `anstream`: plain text for `NO_COLOR` and pipes.

use std::collections::HashMap;
use std::io::{self, BufWriter, Write};

use anstyle::{AnsiColor, Style};
use retroplan_engine::{Lang, Plan, Task};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::i18n::{self, messages, raci_messages};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum RaciFormat {
    Table,
    Csv,
    Markdown,
    Json,
}

/// The letters, as bits of a cell, in the order a cell shows them.
const A: u8 = 1;
const R: u8 = 2;
const C: u8 = 4;
const I: u8 = 8;
const LETTERS: [(u8, char); 4] = [(A, 'A'), (R, 'R'), (C, 'C'), (I, 'I')];

/// The table's target width. Past it, people's column headers are cut to 6
/// columns, then task titles to 32, then headers to 5 and titles to 24, then
/// headers to 4 and titles to 20 (a cut shows `…`; a column is never narrower
/// than its widest cell). Fifteen people fit with titles of 28 columns.
const TABLE_WIDTH: usize = 120;
const CUTS: [(usize, usize); 3] = [(6, 32), (5, 24), (4, 20)];
/// Task titles are cut past this width in any case.
const MAX_TITLE: usize = 48;

const HEADER: Style = Style::new().dimmed();
const DIM: Style = Style::new().dimmed();
const BOLD: Style = Style::new().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const RESPONSIBLE: Style = AnsiColor::Green.on_default();
const CONSULTED: Style = AnsiColor::Cyan.on_default();

/// A column of the matrix: a `[[person]]`, or a name used without one.
struct Column<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
}

/// One task's row: its letters per column.
struct Row {
    task: usize,
    cells: Vec<u8>,
}

struct Matrix<'a> {
    columns: Vec<Column<'a>>,
    /// The tasks shown, in plan order.
    rows: Vec<Row>,
    /// Phases in order of first appearance, tasks without one last, each
    /// with its rows (indices in `rows`, in plan order).
    groups: Vec<(Option<&'a str>, Vec<usize>)>,
    /// Milestones with nobody, left out.
    left_out: usize,
    /// Tasks with no owner: nobody is accountable.
    no_accountable: Vec<&'a str>,
    /// Tasks with neither an owner nor `responsible`: nobody does the work.
    no_responsible: Vec<&'a str>,
}

/// Who a task involves, with their letter, in plan order: the owner (A, and
/// R when `responsible` is empty), then `responsible`, `consulted`, `informed`.
fn involved(task: &Task) -> Vec<(&str, u8)> {
    let mut out = Vec::new();
    let raci = task.raci.as_deref();
    let responsible = raci.map_or(&[][..], |r| &r.responsible[..]);
    if let Some(owner) = task.owner.as_deref() {
        out.push((owner, if responsible.is_empty() { A | R } else { A }));
    }
    if let Some(raci) = raci {
        let lists = [
            (&raci.responsible, R),
            (&raci.consulted, C),
            (&raci.informed, I),
        ];
        for (list, letter) in lists {
            out.extend(list.iter().map(|n| (n.as_str(), letter)));
        }
    }
    out
}

/// The responsible people of a task: `responsible`, else the owner.
fn responsible(task: &Task) -> Vec<&str> {
    match task.raci.as_deref() {
        Some(r) if !r.responsible.is_empty() => r.responsible.iter().map(String::as_str).collect(),
        _ => task.owner.as_deref().into_iter().collect(),
    }
}

fn matrix(plan: &Plan) -> Matrix<'_> {
    let mut columns: Vec<Column<'_>> = plan
        .people
        .iter()
        .map(|p| Column {
            id: &p.id,
            name: &p.name,
            role: p.role.as_deref(),
        })
        .collect();
    // Only for lookups: the order is the vector's.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, c) in columns.iter().enumerate() {
        index.entry(c.id).or_insert(i);
    }
    let mut shown: Vec<(usize, Vec<(&str, u8)>)> = Vec::new();
    let mut left_out = 0;
    for (t, task) in plan.tasks.iter().enumerate() {
        let people = involved(task);
        if people.is_empty() && task.days() == 0 {
            left_out += 1;
            continue;
        }
        for &(name, _) in &people {
            index.entry(name).or_insert_with(|| {
                columns.push(Column {
                    id: name,
                    name,
                    role: None,
                });
                columns.len() - 1
            });
        }
        shown.push((t, people));
    }

    let mut phases: Vec<Option<&str>> = Vec::new();
    for &(t, _) in &shown {
        let phase = plan.tasks[t].phase.as_deref();
        if !phases.contains(&phase) {
            phases.push(phase);
        }
    }
    if let Some(i) = phases.iter().position(Option::is_none) {
        let none = phases.remove(i);
        phases.push(none);
    }
    let mut groups: Vec<(Option<&str>, Vec<usize>)> =
        phases.iter().map(|&p| (p, Vec::new())).collect();
    let mut rows = Vec::with_capacity(shown.len());
    let mut no_accountable = Vec::new();
    let mut no_responsible = Vec::new();
    for (t, people) in shown {
        let task = &plan.tasks[t];
        let mut cells = vec![0u8; columns.len()];
        for (name, letter) in people {
            cells[index[name]] |= letter;
        }
        if task.owner.is_none() {
            no_accountable.push(task.id.as_str());
            if responsible(task).is_empty() {
                no_responsible.push(task.id.as_str());
            }
        }
        let group = phases
            .iter()
            .position(|p| *p == task.phase.as_deref())
            .expect("every shown task's phase is listed");
        groups[group].1.push(rows.len());
        rows.push(Row { task: t, cells });
    }
    Matrix {
        columns,
        rows,
        groups,
        left_out,
        no_accountable,
        no_responsible,
    }
}

/// "A/R", "C", "" for nobody.
fn cell(bits: u8) -> String {
    let mut out = String::new();
    for (bit, letter) in LETTERS {
        if bits & bit != 0 {
            if !out.is_empty() {
                out.push('/');
            }
            out.push(letter);
        }
    }
    out
}

/// How many tasks each column holds each letter on: [A, R, C, I].
fn counts(m: &Matrix<'_>) -> Vec<[usize; 4]> {
    let mut counts = vec![[0usize; 4]; m.columns.len()];
    for row in &m.rows {
        for (count, &bits) in counts.iter_mut().zip(&row.cells) {
            for (k, (bit, _)) in LETTERS.iter().enumerate() {
                if bits & bit != 0 {
                    count[k] += 1;
                }
            }
        }
    }
    counts
}

/// Prints the matrix of `plan` in `format` on standard output.
pub fn print(plan: &Plan, format: RaciFormat, lang: Lang) -> io::Result<()> {
    let m = matrix(plan);
    match format {
        RaciFormat::Table => {
            let mut out = anstream::stdout().lock();
            table(&mut out, plan, &m, lang)?;
            out.flush()
        }
        RaciFormat::Csv | RaciFormat::Markdown | RaciFormat::Json => {
            let mut out = BufWriter::new(io::stdout().lock());
            match format {
                RaciFormat::Csv => csv(&mut out, plan, &m, lang)?,
                RaciFormat::Markdown => markdown(&mut out, plan, &m, lang)?,
                _ => json(&mut out, plan, &m)?,
            }
            out.flush()
        }
    }
}

/// `text` cut to `width` columns, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let w = ch.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(ch);
        used += w;
    }
    out.push('…');
    out
}

/// The people's column headers: ids cut to their column's width, keeping
/// their start ("graph…"); where that leaves two alike ("chef-…" for
/// chef-projet and chef-produit), their start and end ("che…et", "che…it").
fn headers(m: &Matrix<'_>, widths: &[usize]) -> Vec<String> {
    let mut headers: Vec<String> = m
        .columns
        .iter()
        .zip(widths)
        .map(|(c, &w)| fit(c.id, w))
        .collect();
    let alike: Vec<bool> = headers
        .iter()
        .map(|h| h.ends_with('…') && headers.iter().filter(|o| *o == h).count() > 1)
        .collect();
    for ((h, c), (&w, alike)) in headers
        .iter_mut()
        .zip(&m.columns)
        .zip(widths.iter().zip(alike))
    {
        if alike {
            *h = fit_middle(c.id, w);
        }
    }
    headers
}

/// `text` cut to `width` columns in its middle: "per…07".
fn fit_middle(text: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let tail_width = width.saturating_sub(1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for &ch in chars.iter().rev() {
        let w = ch.width().unwrap_or(0);
        if used + w > tail_width {
            break;
        }
        tail.push(ch);
        used += w;
    }
    let head = fit(text, width - used);
    format!("{head}{}", tail.iter().rev().collect::<String>())
}

/// A task title cut to `width`, keeping a final "(...)" that fits in half
/// of it: the items of a validation loop differ only there.
fn fit_title(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if text.ends_with(')')
        && let Some(at) = text.rfind(" (")
        && text[at..].width() * 2 <= width
    {
        let (head, tail) = text.split_at(at);
        return format!("{}{tail}", fit(head, width - tail.width()));
    }
    fit(text, width)
}

/// `text` centred in `width` columns (one more space on the right if odd).
fn centre(text: &str, width: usize) -> String {
    let room = width.saturating_sub(text.width());
    format!(
        "{}{text}{}",
        " ".repeat(room / 2),
        " ".repeat(room - room / 2)
    )
}

fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn title(task: &Task) -> String {
    if task.days() == 0 {
        format!("◆ {}", task.title)
    } else {
        task.title.clone()
    }
}

/// The ids of `list`, at most ten, then how many more.
fn id_list(list: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut text = list
        .iter()
        .take(SHOWN)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > SHOWN {
        text.push_str(&format!(", … (+{})", list.len() - SHOWN));
    }
    text
}

/// "Nadia Benali, Cheffe de projet"; nothing for a name used without a `[[person]]`.
fn person_label(c: &Column<'_>) -> String {
    let name = if c.name == c.id { "" } else { c.name };
    match (name, c.role) {
        ("", None) => String::new(),
        ("", Some(role)) => role.to_string(),
        (name, None) => name.to_string(),
        (name, Some(role)) => format!("{name}, {role}"),
    }
}

/// The sentences under every human format: tasks left out and the warnings.
fn notes(m: &Matrix<'_>, lang: Lang) -> (Option<String>, Vec<String>) {
    let left_out = (m.left_out > 0).then(|| i18n::raci_left_out(lang, m.left_out));
    let mut warnings = Vec::new();
    if !m.no_accountable.is_empty() {
        warnings.push(i18n::raci_no_accountable(
            lang,
            m.no_accountable.len(),
            &id_list(&m.no_accountable),
        ));
    }
    if !m.no_responsible.is_empty() {
        warnings.push(i18n::raci_no_responsible(
            lang,
            m.no_responsible.len(),
            &id_list(&m.no_responsible),
        ));
    }
    (left_out, warnings)
}

fn show_phases(m: &Matrix<'_>) -> bool {
    m.groups.len() > 1 || m.groups.first().is_some_and(|(p, _)| p.is_some())
}

fn style(bits: u8) -> Style {
    if bits & A != 0 {
        BOLD
    } else if bits & R != 0 {
        RESPONSIBLE
    } else if bits & C != 0 {
        CONSULTED
    } else {
        DIM
    }
}

fn table(out: &mut dyn Write, plan: &Plan, m: &Matrix<'_>, lang: Lang) -> io::Result<()> {
    let words = raci_messages(lang);
    let task_header = messages(lang).col_task;
    writeln!(out, "{BOLD}{}{BOLD:#}  ·  {}", plan.name, words.title)?;
    writeln!(out)?;

    // Widths: each column as wide as its widest cell and its id, then cut
    // down to TABLE_WIDTH: the widest headers first, then the titles.
    let rows = || m.rows.iter();
    let cell_widths: Vec<usize> = (0..m.columns.len())
        .map(|j| {
            rows()
                .map(|r| cell(r.cells[j]).len())
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let mut widths: Vec<usize> = m
        .columns
        .iter()
        .zip(&cell_widths)
        .map(|(c, &w)| c.id.width().max(w))
        .collect();
    let mut title_width = rows()
        .map(|r| title(&plan.tasks[r.task]).width())
        .chain([task_header.width()])
        .max()
        .unwrap_or(0)
        .min(MAX_TITLE);
    let total =
        |title: usize, widths: &[usize]| title + widths.iter().map(|w| w + 1).sum::<usize>() + 1;
    for (min_header, min_title) in CUTS {
        while total(title_width, &widths) > TABLE_WIDTH {
            let widest = (0..widths.len())
                .filter(|&j| widths[j] > min_header.max(cell_widths[j]))
                .max_by_key(|&j| (widths[j], std::cmp::Reverse(j)));
            match widest {
                Some(j) => widths[j] -= 1,
                None => break,
            }
        }
        let over = total(title_width, &widths).saturating_sub(TABLE_WIDTH);
        title_width = title_width
            .saturating_sub(over)
            .max(min_title.min(title_width));
    }

    let mut header = pad(task_header, title_width);
    header.push(' ');
    for (h, &w) in headers(m, &widths).iter().zip(&widths) {
        header.push(' ');
        header.push_str(&centre(h, w));
    }
    writeln!(out, "{HEADER}{}{HEADER:#}", header.trim_end())?;

    for (phase, rows) in &m.groups {
        if show_phases(m) {
            let name = phase.unwrap_or(messages(lang).no_phase);
            writeln!(out, "{BOLD}── {name} ──{BOLD:#}")?;
        }
        for row in rows.iter().map(|&r| &m.rows[r]) {
            let mut line = pad(
                &fit_title(&title(&plan.tasks[row.task]), title_width),
                title_width,
            );
            line.push(' ');
            for (&bits, &w) in row.cells.iter().zip(&widths) {
                line.push(' ');
                let text = if bits == 0 {
                    "·".to_string()
                } else {
                    cell(bits)
                };
                // Only the letters are styled, so that trailing spaces trim.
                let room = w.saturating_sub(text.width());
                let style = style(bits);
                line.push_str(&format!(
                    "{}{style}{text}{style:#}{}",
                    " ".repeat(room / 2),
                    " ".repeat(room - room / 2)
                ));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
    }

    writeln!(out)?;
    writeln!(out, "{DIM}{}{DIM:#}", words.legend.join("   "))?;
    if !m.columns.is_empty() {
        writeln!(out)?;
        summary_table(out, m, lang)?;
    }
    let (left_out, warnings) = notes(m, lang);
    if left_out.is_some() || !warnings.is_empty() {
        writeln!(out)?;
    }
    if let Some(note) = left_out {
        writeln!(out, "{DIM}{note}{DIM:#}")?;
    }
    for w in warnings {
        writeln!(out, "{WARNING}⚠{WARNING:#} {w}")?;
    }
    Ok(())
}

/// "Who does what": per person, the tasks where they are A, R, C and I.
fn summary_table(out: &mut dyn Write, m: &Matrix<'_>, lang: Lang) -> io::Result<()> {
    const MAX_LABEL: usize = 60;
    let words = raci_messages(lang);
    let counts = counts(m);
    let labels: Vec<String> = m
        .columns
        .iter()
        .map(|c| fit(&person_label(c), MAX_LABEL))
        .collect();
    let id_width = m.columns.iter().map(|c| c.id.width()).max().unwrap_or(0);
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let first = id_width + 2 + label_width;
    let number_width = counts
        .iter()
        .flatten()
        .map(|n| n.to_string().len())
        .max()
        .unwrap_or(1)
        .max(2);
    let mut header = pad(words.who_does_what, first);
    for (_, letter) in LETTERS {
        header.push_str(&format!("  {letter:>number_width$}"));
    }
    writeln!(out, "{BOLD}{}{BOLD:#}", header.trim_end())?;
    for ((c, label), count) in m.columns.iter().zip(&labels).zip(&counts) {
        let mut line = format!("{}  {}", pad(c.id, id_width), pad(label, label_width));
        for n in count {
            line.push_str(&format!("  {n:>number_width$}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// One CSV field, quoted when it must be (RFC 4180).
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv(out: &mut dyn Write, plan: &Plan, m: &Matrix<'_>, lang: Lang) -> io::Result<()> {
    let words = raci_messages(lang);
    let header = words
        .csv_columns
        .iter()
        .copied()
        .chain(m.columns.iter().map(|c| c.id));
    let header: Vec<String> = header.map(csv_field).collect();
    writeln!(out, "{}", header.join(","))?;
    for row in &m.rows {
        let task = &plan.tasks[row.task];
        let fixed = [&task.id, &task.title, task.phase.as_deref().unwrap_or("")];
        let fields: Vec<String> = fixed
            .into_iter()
            .map(csv_field)
            .chain(row.cells.iter().map(|&b| cell(b)))
            .collect();
        writeln!(out, "{}", fields.join(","))?;
    }
    Ok(())
}

/// Text for a Markdown table cell: pipes escaped, on one line.
fn md(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn markdown(out: &mut dyn Write, plan: &Plan, m: &Matrix<'_>, lang: Lang) -> io::Result<()> {
    let words = raci_messages(lang);
    let task_header = messages(lang).col_task;
    let mut header = format!("| {task_header} |");
    let mut rule = String::from("| --- |");
    for c in &m.columns {
        header.push_str(&format!(" {} |", md(c.id)));
        rule.push_str(" :-: |");
    }
    writeln!(out, "**{}** · {}", md(&plan.name), words.title)?;
    writeln!(out)?;
    writeln!(out, "{header}")?;
    writeln!(out, "{rule}")?;
    let empty = " |".repeat(m.columns.len());
    for (phase, rows) in &m.groups {
        if show_phases(m) {
            let name = phase.unwrap_or(messages(lang).no_phase);
            writeln!(out, "| **{}** |{empty}", md(name))?;
        }
        for row in rows.iter().map(|&r| &m.rows[r]) {
            let mut line = format!("| {} |", md(&title(&plan.tasks[row.task])));
            for &bits in &row.cells {
                if bits == 0 {
                    line.push_str(" |");
                } else {
                    line.push_str(&format!(" {} |", cell(bits)));
                }
            }
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out)?;
    let legend: Vec<String> = words
        .legend
        .iter()
        .map(|l| match l.split_once(' ') {
            Some((letters, what)) => format!("**{letters}** {what}"),
            None => l.to_string(),
        })
        .collect();
    writeln!(out, "{}", legend.join(" · "))?;
    if !m.columns.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "| {} | {} | A | R | C | I |",
            words.col_person, words.col_name
        )?;
        writeln!(out, "| --- | --- | --: | --: | --: | --: |")?;
        for (c, count) in m.columns.iter().zip(counts(m)) {
            let [a, r, cc, i] = count;
            writeln!(
                out,
                "| {} | {} | {a} | {r} | {cc} | {i} |",
                md(c.id),
                md(&person_label(c))
            )?;
        }
    }
    let (left_out, warnings) = notes(m, lang);
    if left_out.is_some() || !warnings.is_empty() {
        writeln!(out)?;
    }
    if let Some(note) = left_out {
        writeln!(out, "*{note}*")?;
    }
    for w in warnings {
        writeln!(out, "- ⚠ {}", w)?;
    }
    Ok(())
}

fn json(out: &mut dyn Write, plan: &Plan, m: &Matrix<'_>) -> io::Result<()> {
    use serde_json::{Value, json};
    let people: Vec<Value> = m
        .columns
        .iter()
        .map(|c| json!({ "id": c.id, "name": c.name, "role": c.role }))
        .collect();
    let tasks: Vec<Value> = m
        .rows
        .iter()
        .map(|row| {
            let task = &plan.tasks[row.task];
            let raci = task.raci.as_deref();
            let list = |f: fn(&retroplan_engine::Raci) -> &Vec<String>| {
                raci.map_or_else(Vec::new, |r| f(r).clone())
            };
            json!({
                "id": task.id,
                "title": task.title,
                "phase": task.phase,
                "accountable": task.owner,
                "responsible": responsible(task),
                "consulted": list(|r| &r.consulted),
                "informed": list(|r| &r.informed),
            })
        })
        .collect();
    let doc = json!({ "people": people, "tasks": tasks });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

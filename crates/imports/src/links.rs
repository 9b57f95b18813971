//! "Depends on" cells to links: each item an id (the ID cell or the id
//! given) or a title (exact, case aside), with its `(TYPE±N)` suffix; then
//! circles broken, one link at a time, each one reported with its tasks.

use std::collections::HashMap;

use retroplan_engine::{Link, LinkKind};

use crate::cells;
use crate::columns::{Column, Layout};
use crate::diagnostic::{Report, Severity};
use crate::rows::Draft;
use crate::words;

/// Consecutive pieces tried together as one title: titles with a comma or
/// two exist, titles with eight do not.
const MOST_PIECES: usize = 8;

/// Suggestions cost a scan of every task: the first few unknowns get one.
const MOST_SUGGESTIONS: usize = 20;

struct Lookup<'d> {
    ids: HashMap<String, usize>,
    titles: HashMap<String, Vec<usize>>,
    drafts: &'d [Draft],
}

fn title_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'d> Lookup<'d> {
    fn new(drafts: &'d [Draft]) -> Lookup<'d> {
        let mut ids = HashMap::new();
        // The ids given win over ID cells, which win over nothing: a
        // renamed duplicate's cell still names the first row.
        for (i, d) in drafts.iter().enumerate() {
            ids.entry(d.id.clone()).or_insert(i);
        }
        for (i, d) in drafts.iter().enumerate() {
            if let Some(cell) = &d.id_cell {
                ids.entry(cell.clone()).or_insert(i);
            }
        }
        let mut titles: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in drafts.iter().enumerate() {
            titles.entry(title_key(&d.title)).or_default().push(i);
        }
        Lookup {
            ids,
            titles,
            drafts,
        }
    }

    /// The tasks `text` names: the one with that id, then every other task
    /// with that title (more than one is ambiguous, and said so: an id
    /// made from one row's title can be another row's title word for word).
    fn find(&self, text: &str) -> Option<Vec<usize>> {
        let titled = self.titles.get(&title_key(text));
        match self.ids.get(&text.trim().to_lowercase()) {
            Some(&i) => {
                let mut tasks = vec![i];
                tasks.extend(titled.into_iter().flatten().filter(|&&t| t != i));
                Some(tasks)
            }
            None => titled.cloned(),
        }
    }

    fn closest(&self, text: &str) -> Option<String> {
        let wanted = text.trim().to_lowercase();
        let mut best: Option<(&str, f64)> = None;
        for d in self.drafts {
            for candidate in [d.title.as_str(), d.id.as_str()] {
                let score = strsim::jaro_winkler(&wanted, &candidate.to_lowercase());
                if score >= 0.8 && best.is_none_or(|(_, b)| score > b) {
                    best = Some((candidate, score));
                }
            }
        }
        best.map(|(c, _)| c.to_string())
    }
}

/// Each draft's links, in plan order, free of circles.
pub(crate) fn resolve(drafts: &[Draft], layout: &Layout, report: &mut Report) -> Vec<Vec<Link>> {
    let lookup = Lookup::new(drafts);
    let header = layout.header(Column::After);
    let mut suggestions = 0;
    let mut links: Vec<Vec<Link>> = Vec::with_capacity(drafts.len());
    for (me, d) in drafts.iter().enumerate() {
        let mut mine: Vec<Link> = Vec::new();
        let Some(text) = &d.after else {
            links.push(mine);
            continue;
        };
        let lang = report.lang;
        let pieces = cells::pieces(text);
        let mut i = 0;
        while i < pieces.len() {
            let mut found = None;
            let last = (i + MOST_PIECES).min(pieces.len()) - 1;
            for j in (i..=last).rev() {
                let range = pieces[i].start..pieces[j].end;
                let whole = &text[range.clone()];
                if let Some(tasks) = lookup.find(whole) {
                    found = Some((j, whole.to_string(), tasks, None));
                    break;
                }
                let item = cells::item(text, range);
                if let Some(link) = item.link
                    && let Some(tasks) = lookup.find(&item.reference)
                {
                    found = Some((j, item.reference, tasks, Some(link)));
                    break;
                }
            }
            let Some((j, reference, tasks, link)) = found else {
                let item = cells::item(text, pieces[i].clone());
                let named = match item.link {
                    Some(Ok(_)) => item.reference,
                    _ => text[pieces[i].clone()].to_string(),
                };
                suggestions += 1;
                let best = (suggestions <= MOST_SUGGESTIONS)
                    .then(|| lookup.closest(&named))
                    .flatten();
                report.push(
                    Severity::Warning,
                    "unknown-dependency",
                    Some(d.row),
                    header,
                    words::unknown_dependency(lang, &named, best.as_deref()),
                );
                i += 1;
                continue;
            };
            i = j + 1;
            if tasks.len() > 1 {
                let rows: Vec<usize> = tasks.iter().map(|&t| drafts[t].row).collect();
                report.push(
                    Severity::Warning,
                    "ambiguous-dependency",
                    Some(d.row),
                    header,
                    words::ambiguous_title(lang, &reference, &rows),
                );
            }
            let target = tasks[0];
            if target == me {
                report.push(
                    Severity::Warning,
                    "self-dependency",
                    Some(d.row),
                    header,
                    words::self_dependency(lang, &reference),
                );
                continue;
            }
            let (kind, lag) = match link {
                None => (LinkKind::FinishToStart, 0),
                Some(Ok(l)) => l,
                Some(Err(suffix)) => {
                    report.push(
                        Severity::Warning,
                        "bad-link",
                        Some(d.row),
                        header,
                        words::bad_link(lang, &suffix, &reference),
                    );
                    (LinkKind::FinishToStart, 0)
                }
            };
            // The same link twice says nothing more; two links to one task
            // (start and finish, `SS+1` and `FF+1`) both stay.
            let link = Link {
                task: target,
                kind,
                lag,
            };
            if !mine.contains(&link) {
                mine.push(link);
            }
        }
        links.push(mine);
    }
    break_circles(drafts, &mut links, header, report);
    links
}

/// Removes one link of each circle until there is none: the link of the
/// circle's task lowest in the sheet, the one that closes it when the
/// sheet is read from the top.
fn break_circles(
    drafts: &[Draft],
    links: &mut [Vec<Link>],
    header: Option<&str>,
    report: &mut Report,
) {
    while let Some(circle) = find_circle(links) {
        // `circle[k]` waits for `circle[k + 1]`, the last for the first.
        let k = (0..circle.len())
            .max_by_key(|&k| drafts[circle[k]].row)
            .unwrap_or(0);
        let waiting = circle[k];
        let waited = circle[(k + 1) % circle.len()];
        // In the order work happens, from the task that waits, back round to it.
        let n = circle.len();
        let mut chain: Vec<&str> = (0..n)
            .map(|step| drafts[circle[(k + n - step) % n]].title.as_str())
            .collect();
        chain.push(&drafts[waiting].title);
        links[waiting].retain(|l| l.task != waited);
        let lang = report.lang;
        report.push(
            Severity::Warning,
            "cycle",
            Some(drafts[waiting].row),
            header,
            words::cycle(lang, &chain, &drafts[waiting].title, &drafts[waited].title),
        );
    }
}

/// A circle of tasks, as a list where each waits for the next (and the
/// last for the first), or `None`.
fn find_circle(links: &[Vec<Link>]) -> Option<Vec<usize>> {
    let n = links.len();
    let mut successors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut waiting_for = vec![0usize; n];
    for (t, ls) in links.iter().enumerate() {
        for l in ls {
            successors[l.task].push(t);
            waiting_for[t] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..n).filter(|&t| waiting_for[t] == 0).collect();
    let mut done = vec![false; n];
    while let Some(t) = ready.pop() {
        done[t] = true;
        for &s in &successors[t] {
            waiting_for[s] -= 1;
            if waiting_for[s] == 0 {
                ready.push(s);
            }
        }
    }
    // Every task left waits for another task left: walking back from the
    // first one must come round to a task already seen.
    let start = (0..n).find(|&t| !done[t])?;
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let mut path = Vec::new();
    let mut t = start;
    loop {
        if let Some(&at) = seen.get(&t) {
            return Some(path.split_off(at));
        }
        seen.insert(t, path.len());
        path.push(t);
        t = links[t].iter().map(|l| l.task).find(|&p| !done[p])?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fs(task: usize) -> Link {
        Link::finish_to_start(task)
    }

    #[test]
    fn circles_are_found_as_waiting_chains() {
        // 0 <- 1 <- 2 <- 0 (each waits for the one before), 3 waits for 2.
        let links = vec![vec![fs(2)], vec![fs(0)], vec![fs(1)], vec![fs(2)]];
        let circle = find_circle(&links).unwrap();
        assert_eq!(circle, vec![0, 2, 1], "0 waits for 2, 2 for 1, 1 for 0");
        let dag = vec![vec![], vec![fs(0)], vec![fs(0), fs(1)]];
        assert_eq!(find_circle(&dag), None);
    }
}

//! The people's task table (columns.md): which column is which, under its
//! English or French header or a synonym, matched with case, accents,
//! spaces and punctuation ignored; where the header row is; the sheet's
//! language as its headers say.

use retroplan_engine::Lang;

use crate::sheet::{Cell, Row};

pub use retroplan_formats::task_table::Column;

/// Normalised headers (see [`normalize`]), the column each names, and the
/// language the word belongs to (`None`: both).
const HEADERS: &[(&str, Column, Option<Lang>)] = &[
    ("id", Column::Id, None),
    ("identifiant", Column::Id, Some(Lang::Fr)),
    ("identifier", Column::Id, Some(Lang::En)),
    ("ref", Column::Id, None),
    ("reference", Column::Id, None),
    ("task", Column::Task, Some(Lang::En)),
    ("tasks", Column::Task, Some(Lang::En)),
    ("tache", Column::Task, Some(Lang::Fr)),
    ("taches", Column::Task, Some(Lang::Fr)),
    ("title", Column::Task, Some(Lang::En)),
    ("titre", Column::Task, Some(Lang::Fr)),
    ("name", Column::Task, Some(Lang::En)),
    ("nom", Column::Task, Some(Lang::Fr)),
    ("action", Column::Task, None),
    ("actions", Column::Task, None),
    ("libelle", Column::Task, Some(Lang::Fr)),
    ("phase", Column::Phase, None),
    ("etape", Column::Phase, Some(Lang::Fr)),
    ("stage", Column::Phase, Some(Lang::En)),
    ("owner", Column::Owner, Some(Lang::En)),
    ("responsable", Column::Owner, Some(Lang::Fr)),
    ("assignee", Column::Owner, Some(Lang::En)),
    ("assignedto", Column::Owner, Some(Lang::En)),
    ("resp", Column::Owner, None),
    ("qui", Column::Owner, Some(Lang::Fr)),
    ("who", Column::Owner, Some(Lang::En)),
    ("porteur", Column::Owner, Some(Lang::Fr)),
    ("start", Column::Start, Some(Lang::En)),
    ("startdate", Column::Start, Some(Lang::En)),
    ("datededebut", Column::Start, Some(Lang::Fr)),
    ("datedebut", Column::Start, Some(Lang::Fr)),
    ("debut", Column::Start, Some(Lang::Fr)),
    ("du", Column::Start, Some(Lang::Fr)),
    ("end", Column::End, Some(Lang::En)),
    ("enddate", Column::End, Some(Lang::En)),
    ("datedefin", Column::End, Some(Lang::Fr)),
    ("datefin", Column::End, Some(Lang::Fr)),
    ("due", Column::End, Some(Lang::En)),
    ("duedate", Column::End, Some(Lang::En)),
    ("fin", Column::End, Some(Lang::Fr)),
    ("echeance", Column::End, Some(Lang::Fr)),
    ("au", Column::End, Some(Lang::Fr)),
    ("deadline", Column::End, Some(Lang::En)),
    ("jx", Column::Label, None),
    ("dx", Column::Label, Some(Lang::En)),
    ("days", Column::Days, Some(Lang::En)),
    ("jours", Column::Days, Some(Lang::Fr)),
    ("duration", Column::Days, Some(Lang::En)),
    ("duree", Column::Days, Some(Lang::Fr)),
    ("dureej", Column::Days, Some(Lang::Fr)),
    ("dureejours", Column::Days, Some(Lang::Fr)),
    ("nbjours", Column::Days, Some(Lang::Fr)),
    ("nbdejours", Column::Days, Some(Lang::Fr)),
    ("workingdays", Column::Days, Some(Lang::En)),
    ("joursouvres", Column::Days, Some(Lang::Fr)),
    ("dependson", Column::After, Some(Lang::En)),
    ("dependde", Column::After, Some(Lang::Fr)),
    ("dependencies", Column::After, Some(Lang::En)),
    ("dependances", Column::After, Some(Lang::Fr)),
    ("predecessors", Column::After, Some(Lang::En)),
    ("predecesseurs", Column::After, Some(Lang::Fr)),
    ("after", Column::After, Some(Lang::En)),
    ("apres", Column::After, Some(Lang::Fr)),
    ("status", Column::Status, Some(Lang::En)),
    ("statut", Column::Status, Some(Lang::Fr)),
    ("state", Column::Status, Some(Lang::En)),
    ("etat", Column::Status, Some(Lang::Fr)),
    ("channel", Column::Channel, Some(Lang::En)),
    ("channels", Column::Channel, Some(Lang::En)),
    ("canal", Column::Channel, Some(Lang::Fr)),
    ("canaux", Column::Channel, Some(Lang::Fr)),
    ("slack", Column::Slack, Some(Lang::En)),
    ("marge", Column::Slack, Some(Lang::Fr)),
    ("critical", Column::Critical, Some(Lang::En)),
    ("critique", Column::Critical, Some(Lang::Fr)),
    ("comment", Column::Comment, Some(Lang::En)),
    ("comments", Column::Comment, Some(Lang::En)),
    ("commentaire", Column::Comment, Some(Lang::Fr)),
    ("commentaires", Column::Comment, Some(Lang::Fr)),
    ("notes", Column::Comment, None),
    ("note", Column::Comment, None),
    ("remarques", Column::Comment, Some(Lang::Fr)),
    ("remarque", Column::Comment, Some(Lang::Fr)),
];

/// Lowercase, accents folded, only letters and digits kept: `Date de
/// début` and `DATE_DE_DEBUT` are both `datededebut`.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match crate::slug::fold(c) {
            Some(folded) => out.push_str(folded),
            None if c.is_alphanumeric() => out.push(c),
            None => {}
        }
    }
    out
}

/// The column a header names, and the language of the word.
pub fn recognise(header: &str) -> Option<(Column, Option<Lang>)> {
    let key = normalize(header);
    HEADERS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|&(_, column, lang)| (column, lang))
}

/// A known column whose header is close to an unknown one, for a "did you
/// mean": a typo, not any word.
pub fn closest(header: &str) -> Option<Column> {
    let key = normalize(header);
    if key.len() < 3 {
        return None;
    }
    HEADERS
        .iter()
        .map(|(k, c, _)| (c, strsim::jaro_winkler(&key, k)))
        .filter(|(_, score)| *score >= 0.88)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| *c)
}

/// Where the table is: its header row and what each of its cells means.
#[derive(Clone, Debug)]
pub struct Layout {
    /// Index in the sheet's rows.
    pub header: usize,
    /// Cell index, column and header as written, for each recognised column
    /// read (first of its kind; derived columns left out).
    pub columns: Vec<(usize, Column, String)>,
    /// Headers that name no known column: (cell index, header).
    pub unknown: Vec<(usize, String)>,
    /// A second header for a column already read: (header, first header).
    pub repeated: Vec<(String, String)>,
    /// The language the headers are written in, when they say.
    pub lang: Option<Lang>,
}

impl Layout {
    pub fn cell<'r>(&self, row: &'r Row, column: Column) -> Option<(&'r Cell, &str)> {
        self.columns
            .iter()
            .find(|(_, c, _)| *c == column)
            .map(|(i, _, header)| (row.cells.get(*i).unwrap_or(&Cell::Empty), header.as_str()))
    }

    pub fn header(&self, column: Column) -> Option<&str> {
        self.columns
            .iter()
            .find(|(_, c, _)| *c == column)
            .map(|(_, _, h)| h.as_str())
    }
}

/// How far down a header row is looked for (title lines above it are common).
const HEADER_SEARCH: usize = 20;

/// The first row, among the first non-blank ones, with a task column.
pub fn find_layout(rows: &[Row]) -> Option<Layout> {
    let header = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells.iter().any(|c| !c.is_blank()))
        .take(HEADER_SEARCH)
        .find(|(_, r)| {
            r.cells.iter().any(|c| match c {
                Cell::Text(t) => matches!(recognise(t), Some((Column::Task, _))),
                _ => false,
            })
        })
        .map(|(i, _)| i)?;
    let mut layout = Layout {
        header,
        columns: Vec::new(),
        unknown: Vec::new(),
        repeated: Vec::new(),
        lang: None,
    };
    let (mut fr, mut en) = (0, 0);
    let mut seen: Vec<(Column, String)> = Vec::new();
    for (i, cell) in rows[header].cells.iter().enumerate() {
        let text = cell.text();
        if text.is_empty() {
            continue;
        }
        match recognise(&text) {
            Some((column, lang)) => {
                match lang {
                    Some(Lang::Fr) => fr += 1,
                    Some(Lang::En) => en += 1,
                    None => {}
                }
                if let Some((_, first)) = seen.iter().find(|(c, _)| *c == column) {
                    layout.repeated.push((text, first.clone()));
                    continue;
                }
                seen.push((column, text.clone()));
                if !column.is_derived() {
                    layout.columns.push((i, column, text));
                }
            }
            None => layout.unknown.push((i, text)),
        }
    }
    layout.lang = match fr.cmp(&en) {
        std::cmp::Ordering::Greater => Some(Lang::Fr),
        std::cmp::Ordering::Less => Some(Lang::En),
        std::cmp::Ordering::Equal => None,
    };
    Some(layout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_any_case_with_accents_and_punctuation() {
        assert_eq!(normalize("Date de DÉBUT"), "datededebut");
        assert_eq!(normalize(" Resp. "), "resp");
        assert_eq!(normalize("J-x"), "jx");
        assert_eq!(
            recognise("DÉPEND  DE"),
            Some((Column::After, Some(Lang::Fr)))
        );
        assert_eq!(
            recognise("Assigned to"),
            Some((Column::Owner, Some(Lang::En)))
        );
        assert_eq!(recognise("Échéance"), Some((Column::End, Some(Lang::Fr))));
        assert_eq!(recognise("Nb jours"), Some((Column::Days, Some(Lang::Fr))));
        assert_eq!(recognise("Budget"), None);
        // Every export header is recognised as its own column.
        for c in Column::ALL {
            for lang in [Lang::Fr, Lang::En] {
                assert_eq!(recognise(c.header(lang)).map(|r| r.0), Some(c), "{c:?}");
            }
        }
    }

    #[test]
    fn typos_get_a_suggestion_other_words_do_not() {
        assert_eq!(closest("Date de débutt"), Some(Column::Start));
        assert_eq!(closest("Responsabel"), Some(Column::Owner));
        assert_eq!(closest("Budget"), None);
        assert_eq!(closest("Ok"), None);
    }
}

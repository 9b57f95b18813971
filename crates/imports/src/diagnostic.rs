//! What the import says about the sheet: the row (as the spreadsheet
//! numbers it), the column (its header as written), how serious, and what
//! was done about it, in the language of the import.

use std::fmt;

use retroplan_engine::Lang;

/// How much a diagnostic weighs.
///
/// An `Error` on a row means the row was left out; without a row, that no
/// plan was written. A `Warning` means the row was imported with the cell
/// it names left out (or read as the message says). A `Note` tells what the
/// import decided (a new person, an ignored column, the deadline it chose).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Severity::Note, _) => "note",
            (Severity::Warning, Lang::Fr) => "attention",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Error, Lang::Fr) => "erreur",
            (Severity::Error, Lang::En) => "error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable kebab-case name of the problem (`bad-date`, `cycle`, ...).
    pub code: &'static str,
    /// The spreadsheet's row number (the header row is usually 1).
    pub row: Option<usize>,
    /// The column's header as the sheet writes it.
    pub column: Option<String>,
    /// What is wrong and what was done, in `lang`.
    pub message: String,
    pub lang: Lang,
}

impl Diagnostic {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `ligne 7, colonne « Date de fin » : message` / `row 7, column "End": message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (row, column, colon) = match self.lang {
            Lang::Fr => ("ligne", "colonne", " : "),
            Lang::En => ("row", "column", ": "),
        };
        let quoted = self.column.as_deref().map(|c| quote(self.lang, c));
        match (self.row, quoted) {
            (Some(r), Some(c)) => write!(f, "{row} {r}, {column} {c}{colon}")?,
            (Some(r), None) => write!(f, "{row} {r}{colon}")?,
            (None, Some(c)) => write!(f, "{column} {c}{colon}")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// « text » in French, "text" in English.
pub fn quote(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => format!("« {text} »"),
        Lang::En => format!("\"{text}\""),
    }
}

/// Collects diagnostics in one language.
pub(crate) struct Report {
    pub lang: Lang,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new(lang: Lang) -> Report {
        Report {
            lang,
            diagnostics: Vec::new(),
        }
    }

    pub fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        row: Option<usize>,
        column: Option<&str>,
        message: String,
    ) {
        self.diagnostics.push(Diagnostic {
            severity,
            code,
            row,
            column: column.map(str::to_string),
            message,
            lang: self.lang,
        });
    }

    /// In row order (whole-sheet ones first), each row's in the order
    /// found; what stopped the import last.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.diagnostics
            .sort_by_key(|d| (d.is_error() && d.row.is_none(), d.row));
        self.diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_both_languages() {
        let d = |lang, row, column: Option<&str>| Diagnostic {
            severity: Severity::Warning,
            code: "bad-date",
            row,
            column: column.map(str::to_string),
            message: "m".to_string(),
            lang,
        };
        assert_eq!(
            d(Lang::Fr, Some(7), Some("Date de fin")).to_string(),
            "ligne 7, colonne « Date de fin » : m"
        );
        assert_eq!(
            d(Lang::En, Some(7), Some("End")).to_string(),
            "row 7, column \"End\": m"
        );
        assert_eq!(d(Lang::Fr, Some(3), None).to_string(), "ligne 3 : m");
        assert_eq!(d(Lang::En, None, None).to_string(), "m");
    }
}

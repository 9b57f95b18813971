//! Diagnostics: what is wrong in a file, where, and what would be right.
//!
//! Readers return their value *and* every diagnostic they found, rather than
//! stopping at the first, so that an editor can show them all; the CLI
//! renders them with file, line, column and the source line.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// A stable, kebab-case name for the kind of problem (`unknown-key`, `cycle`, ...).
    pub code: &'static str,
    /// Byte range in the source.
    pub span: Range<usize>,
    pub message: String,
    /// A short text under the place itself; the message when `None`.
    pub label: Option<String>,
    /// What would be right, when we can tell.
    pub hint: Option<String>,
    /// Other places that explain this one ("first defined here").
    pub related: Vec<(Range<usize>, String)>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code,
            span,
            message: message.into(),
            label: None,
            hint: None,
            related: Vec::new(),
        }
    }

    pub fn warning(
        code: &'static str,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, span, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Diagnostic {
        self.label = Some(label.into());
        self
    }

    pub fn with_related(mut self, span: Range<usize>, note: impl Into<String>) -> Diagnostic {
        self.related.push((span, note.into()));
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Does any diagnostic stop the plan from being used?
pub fn has_errors(diagnostics: &[Diagnostic]) -> bool {
    diagnostics.iter().any(Diagnostic::is_error)
}

/// Line and column (both 1-based, column in characters) of byte offsets.
pub struct LineIndex<'s> {
    source: &'s str,
    line_starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub fn new(source: &'s str) -> LineIndex<'s> {
        // A byte order mark is no column of the first line.
        let first = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let line_starts = std::iter::once(first)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            source,
            line_starts,
        }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len()).max(self.line_starts[0]);
        let line = self.line_starts.partition_point(|&s| s <= offset) - 1;
        let start = self.line_starts[line];
        let col = self
            .source
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line + 1, col + 1)
    }

    /// The text of 1-based `line`, without its line break.
    pub fn line_text(&self, line: usize) -> &'s str {
        let start = self
            .line_starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.source.len());
        let end = self
            .line_starts
            .get(line)
            .map_or(self.source.len(), |&e| e - 1);
        self.source
            .get(start..end.max(start))
            .unwrap_or("")
            .trim_end_matches('\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let src = "a = 1\nété = 2\n";
        let idx = LineIndex::new(src);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(6), (2, 1));
        let after_ete = src.find(" = 2").unwrap();
        assert_eq!(idx.line_col(after_ete), (2, 4));
        assert_eq!(idx.line_text(2), "été = 2");
        assert_eq!(idx.line_col(src.len()), (3, 1));
    }
}

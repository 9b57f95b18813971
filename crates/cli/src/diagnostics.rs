//! Showing diagnostics to a person: the file, line and column, the source
//! line with the place underlined, and the hint (ariadne).

use std::io::Write;

use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};
use retroplan_formats::{Diagnostic, LineIndex, Severity};
use serde_json::json;

/// Writes every diagnostic about `source` (named `name`) to `out`.
pub fn render(
    out: &mut dyn Write,
    name: &str,
    source: &str,
    diagnostics: &[Diagnostic],
    color: bool,
) -> std::io::Result<()> {
    if diagnostics.is_empty() {
        return Ok(());
    }
    // A byte order mark is shown as no column of the first line: the text
    // goes to ariadne without it, every place moved back by its 3 bytes.
    let bom = if source.starts_with('\u{feff}') { 3 } else { 0 };
    let source = &source[bom..];
    let unmark = |span: &std::ops::Range<usize>| {
        clamp(
            span.start.saturating_sub(bom)..span.end.saturating_sub(bom),
            source.len(),
        )
    };
    let cache = (name.to_string(), Source::from(source));
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        let span = unmark(&d.span);
        let mut report = Report::build(kind, (name.to_string(), span.clone()))
            .with_config(
                Config::default()
                    .with_index_type(IndexType::Byte)
                    .with_color(color),
            )
            .with_code(d.code)
            .with_message(&d.message)
            .with_label(
                Label::new((name.to_string(), span))
                    .with_message(d.label.as_deref().unwrap_or(&d.message)),
            );
        for (span, note) in &d.related {
            report =
                report.with_label(Label::new((name.to_string(), unmark(span))).with_message(note));
        }
        if let Some(hint) = &d.hint {
            report = report.with_help(hint);
        }
        report.finish().write(cache.clone(), &mut *out)?;
    }
    Ok(())
}

fn clamp(span: std::ops::Range<usize>, len: usize) -> std::ops::Range<usize> {
    let start = span.start.min(len);
    start..span.end.clamp(start, len)
}

/// The diagnostics as a JSON array, for editors and scripts: severity, code,
/// message, hint, and the place as 1-based line and column (start and end).
pub fn to_json(name: &str, source: &str, diagnostics: &[Diagnostic]) -> serde_json::Value {
    let lines = LineIndex::new(source);
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let (line, column) = lines.line_col(d.span.start);
            let (end_line, end_column) = lines.line_col(d.span.end);
            // Other places the diagnostic names ("first defined here").
            let related: Vec<serde_json::Value> = d
                .related
                .iter()
                .map(|(span, note)| {
                    let (line, column) = lines.line_col(span.start);
                    json!({ "line": line, "column": column, "message": note })
                })
                .collect();
            json!({
                "file": name,
                "severity": match d.severity { Severity::Error => "error", Severity::Warning => "warning" },
                "code": d.code,
                "message": d.message,
                "hint": d.hint,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "related": related,
            })
        })
        .collect();
    serde_json::Value::Array(items)
}

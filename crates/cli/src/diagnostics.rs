//! Showing diagnostics to a person: the file, line and column, the source
//! line with the place underlined, and the hint (ariadne).

use std::io::Write;

use ariadne::{Config, IndexType, Label, Report, ReportKind, Source};
use retroplan_formats::{Diagnostic, LineIndex, Severity};

/// Writes every diagnostic about `source` (named `name`) to `out`.
pub fn render(
    out: &mut dyn Write,
    name: &str,
    source: &str,
    diagnostics: &[Diagnostic],
    color: bool,
) -> std::io::Result<()> {
    let lines = LineIndex::new(source);
    let cache = (name.to_string(), Source::from(source));
    for d in diagnostics {
        let (line, col) = lines.line_col(d.span.start);
        let kind = match d.severity {
            Severity::Error => ReportKind::Error,
            Severity::Warning => ReportKind::Warning,
        };
        // A first plain line that tools (and people grepping) can read.
        let word = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(
            out,
            "{name}:{line}:{col}: {word}[{}]: {}",
            d.code, d.message
        )?;
        let span = clamp(d.span.clone(), source.len());
        let mut report = Report::build(kind, (name.to_string(), span.clone()))
            .with_config(
                Config::default()
                    .with_index_type(IndexType::Byte)
                    .with_color(color),
            )
            .with_code(d.code)
            .with_message(&d.message)
            .with_label(Label::new((name.to_string(), span)).with_message(&d.message));
        for (span, note) in &d.related {
            report = report.with_label(
                Label::new((name.to_string(), clamp(span.clone(), source.len())))
                    .with_message(note),
            );
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

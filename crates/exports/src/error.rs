//! What can stop an export: the writers underneath (the spreadsheet, the
//! CSV writer, the output stream, the chart and the page's template) and
//! dates the formats cannot hold.

use jiff::civil::Date;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot write the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// A date a calendar or a spreadsheet cannot represent (Excel stops in
    /// 9999 and starts in 1900; the engine's dates go further).
    #[error("the date {0} cannot be written in this format")]
    DateOutOfRange(Date),
    #[error("cannot write the calendar")]
    Calendar(#[from] std::fmt::Error),
    /// The Gantt chart of the HTML page.
    #[error("cannot draw the chart: {0}")]
    Chart(#[from] retroplan_gantt::GanttError),
    /// The HTML page's template.
    #[error("cannot write the page: {0}")]
    Page(#[from] askama::Error),
}

//! The task table as a CSV for people's spreadsheets (not the scripts' CSV
//! of `schedule --format csv`): the columns of columns.md, headers in the
//! plan's language, `,` between fields, ISO dates.
//!
//! The file starts with a UTF-8 byte order mark: Excel reads a CSV without
//! one in the machine's legacy code page and turns "Tâche" into "TÃ¢che";
//! LibreOffice and the import read it either way.

use std::io::Write;

use retroplan_engine::{Lang, Plan, Schedule};

use crate::error::ExportError;
use crate::rows::{Column, task_rows};

/// The UTF-8 byte order mark that opens the file.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn write_people_csv(
    out: &mut dyn Write,
    plan: &Plan,
    schedule: &Schedule,
    lang: Lang,
) -> Result<(), ExportError> {
    out.write_all(BOM)?;
    let mut w = csv::Writer::from_writer(out);
    w.write_record(Column::ALL.map(|c| c.header(lang)))?;
    for row in task_rows(plan, schedule, lang) {
        w.write_record(Column::ALL.map(|c| row.cell_text(c, lang)))?;
    }
    w.flush()?;
    Ok(())
}

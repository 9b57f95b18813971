//! retroplan's exports for the tools people already use: a spreadsheet with
//! a Gantt sheet ([`xlsx`]), the task table as CSV ([`people_csv`]), a
//! calendar ([`ics`]) and notes ([`markdown`]), all from the rows of one
//! table ([`rows`], the contract the import reads back).
//!
//! Like the formats crate, this one turns values into bytes: it reads no
//! files, prints nothing and never looks at the clock (dates that say when
//! a file was made are the schedule's `today`), so the same plan gives the
//! same bytes.

pub mod error;
pub mod html;
pub mod ics;
pub mod markdown;
pub mod people_csv;
pub mod rows;
pub mod words;
pub mod xlsx;

pub use error::ExportError;
pub use ics::write_ics;
pub use markdown::write_markdown;
pub use people_csv::write_people_csv;
pub use rows::{Column, TaskRow, Tone, task_rows};
pub use xlsx::write_xlsx;

//! retroplan's file formats, around the engine: the TOML plan file read into
//! the engine's model with diagnostics ([`plan_file`]), and the schedule
//! written as JSON ([`schedule_json`]) and CSV ([`schedule_csv`]).
//!
//! Architecture invariant: this crate turns text into values and values into
//! text. It reads no files and prints nothing: callers pass strings and
//! writers, so the same code serves the CLI, the server and the tests.

pub mod diagnostic;
pub mod plan_file;

pub use diagnostic::{Diagnostic, LineIndex, Severity, has_errors};
pub use plan_file::{
    PlanSpans, ReadOptions, ReadPlan, baseline_text, engine_diagnostics, read_plan, read_plan_with,
};
pub mod iso_date;
pub mod schedule_csv;
pub mod schedule_json;
pub mod task_table;

pub use schedule_csv::write_schedule_csv;
pub use schedule_json::write_schedule_json;

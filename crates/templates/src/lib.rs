//! retroplan's templates: rétroplannings ready to date.
//!
//! A template is a plan file without a deadline, whose dates are labels
//! relative to it (`J-45`) and whose owners are roles (docs/templates.md).
//! This crate owns the built-in templates (the seeds' scenarios, embedded in
//! the binary), turning a template into a plan file ([`instantiate`]), a
//! starter plan ([`starter`]), and a plan back into a template ([`save`]).
//!
//! Architecture invariant: like the formats crate, this one turns text into
//! text. It reads no files and no environment: the CLI finds the user's
//! template folder, reads it and passes the texts in. Edits go through
//! toml_edit so that the comments of a template (the seeds' advice) survive
//! into the plan a person will edit.

mod catalog;
mod document;
mod error;
mod instantiate;
mod save;
mod starter;

pub use catalog::{Catalog, Origin, Summary, Template};
pub use error::TemplateError;
pub use instantiate::{Assignment, instantiate};
pub use retroplan_engine::Lang;
pub use save::save;
pub use starter::starter;

//! What can go wrong with a template, with what the CLI needs to suggest a fix.

use retroplan_engine::Lang;
use retroplan_formats::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    #[error("there is no template \"{id}\"")]
    Unknown { id: String, known: Vec<String> },
    #[error("template \"{id}\" has no {} version", lang.code())]
    MissingLanguage {
        id: String,
        lang: Lang,
        available: Vec<Lang>,
    },
    #[error("template \"{template}\" has no role \"{role}\"")]
    UnknownRole {
        template: String,
        role: String,
        /// Role ids with their titles.
        roles: Vec<(String, String)>,
    },
    #[error("`{text}` is not an assignment: expected ROLE=PERSON")]
    BadAssignment { text: String },
    #[error("{what} is not a valid template: {why}")]
    NotATemplate { what: String, why: String },
    /// The text does not read as a plan; the diagnostics point into `text`.
    #[error("{what} does not read as a plan")]
    Invalid {
        what: String,
        text: String,
        diagnostics: Vec<Diagnostic>,
    },
    #[error("\"{id}\" is the id of a built-in template")]
    BuiltInId { id: String },
    #[error("\"{id}\" is not a valid template id")]
    BadId { id: String, suggestion: String },
}

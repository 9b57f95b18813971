//! The commented starter plan `retroplan new FILE` writes without a template.

use jiff::civil::Date;
use retroplan_engine::Lang;
use toml_edit::DocumentMut;

use crate::document::replace_value;

const FR: &str = include_str!("../starter/starter.fr.toml");
const EN: &str = include_str!("../starter/starter.en.toml");

/// The starter plan in `lang`, due on `deadline`.
pub fn starter(lang: Lang, deadline: Date) -> String {
    let text = match lang {
        Lang::Fr => FR,
        Lang::En => EN,
    };
    // The starter is this crate's own file, checked by its tests.
    let mut doc: DocumentMut = text.parse().expect("the starter plan is valid TOML");
    if let (Some(item), Ok(date)) = (
        doc.get_mut("deadline"),
        deadline.to_string().parse::<toml_edit::Datetime>(),
    ) {
        replace_value(item, date);
    }
    doc.to_string()
}

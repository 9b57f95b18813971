//! Ids made from what people write: `Léa Martin` becomes `lea-martin`
//! (accents folded, `[a-z0-9_-]+`), made unique with `-2`, `-3`...

use std::collections::HashSet;

/// The ASCII spelling of an accented Latin letter (lowercase), if it is one.
pub fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' => "r",
        'ś' | 'š' | 'ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// The longest slug made from a title: ids stay short enough to type.
const MOST_CHARS: usize = 40;

/// `text` as an id: lowercase ASCII letters and digits, `_` kept, anything
/// else one `-`; cut at a `-` near 40 characters. Empty when nothing is left.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if let Some(folded) = fold(c) {
            out.push_str(folded);
        } else if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MOST_CHARS {
        let cut = out[..=MOST_CHARS]
            .rfind('-')
            .filter(|&i| i >= MOST_CHARS / 2);
        out.truncate(cut.unwrap_or(MOST_CHARS));
    }
    out.trim_matches('-').to_string()
}

/// Ids handed out so far, so that each new one is unique.
#[derive(Default)]
pub struct Ids {
    taken: HashSet<String>,
}

impl Ids {
    /// Marks `id` as used; false if it already was.
    pub fn take(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_string())
    }

    /// `base`, or `base-2`, `base-3`... whichever is free first; taken.
    pub fn unique(&mut self, base: &str) -> String {
        if self.take(base) {
            return base.to_string();
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| self.take(id))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_titles_become_ids() {
        assert_eq!(slug("Léa Martin"), "lea-martin");
        assert_eq!(slug("  Œuvre — Ça & Ñandú!  "), "oeuvre-ca-nandu");
        assert_eq!(slug("Relecture_finale (v2)"), "relecture_finale-v2");
        assert_eq!(slug("!!!"), "");
        assert_eq!(slug("日本"), "");
        // 47 characters: cut at the last dash within 40.
        let long = slug("Sélectionner les produits et les offres de Noël");
        assert_eq!(long, "selectionner-les-produits-et-les-offres");
        assert!(long.len() <= 40);
    }

    #[test]
    fn unique_ids() {
        let mut ids = Ids::default();
        assert_eq!(ids.unique("brief"), "brief");
        assert_eq!(ids.unique("brief"), "brief-2");
        assert!(ids.take("brief-3"));
        assert_eq!(ids.unique("brief"), "brief-4");
        assert!(!ids.take("brief"));
    }
}

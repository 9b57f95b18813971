//! The example plans of `examples/`, built into the binary so that
//! `retroplan schedule example:promo-noel` works anywhere, with no files.

const EXAMPLES: &[(&str, &str)] = &[
    (
        "promo-noel",
        include_str!("../../../examples/promo-noel.toml"),
    ),
    (
        "lancement-produit",
        include_str!("../../../examples/lancement-produit.toml"),
    ),
    (
        "campagne-communication",
        include_str!("../../../examples/campagne-communication.toml"),
    ),
];

pub fn names() -> Vec<&'static str> {
    EXAMPLES.iter().map(|(n, _)| *n).collect()
}

pub fn find(name: &str) -> Option<&'static str> {
    let name = name.trim_end_matches(".toml");
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

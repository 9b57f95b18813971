//! The working weekdays of a calendar, as a seven-bit set (Monday = bit 0).

use std::fmt;

/// A set of weekdays. The default is Monday to Friday.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

/// English three-letter names, in set order; also the plan file's spelling.
const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// French names people type, in the same order.
const NAMES_FR: [&str; 7] = ["lun", "mar", "mer", "jeu", "ven", "sam", "dim"];

impl Weekdays {
    pub const MONDAY_TO_FRIDAY: Weekdays = Weekdays(0b001_1111);
    pub const ALL: Weekdays = Weekdays(0b111_1111);
    pub const NONE: Weekdays = Weekdays(0);

    /// Builds a set from Monday-based indices (0 = Monday ... 6 = Sunday); other values are ignored.
    pub fn from_indices(indices: impl IntoIterator<Item = u8>) -> Weekdays {
        Weekdays(
            indices
                .into_iter()
                .filter(|&i| i < 7)
                .fold(0, |acc, i| acc | 1 << i),
        )
    }

    /// Parses one weekday name: `mon`, `monday`, `lun`, `lundi` and so on, any case.
    pub fn parse_day(name: &str) -> Option<u8> {
        let lower = name.trim().to_lowercase();
        let lower = lower.trim_end_matches('.');
        if lower.len() < 3 {
            return None;
        }
        let full_en = [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ];
        let full_fr = [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ];
        (0..7u8).find(|&i| {
            let i = usize::from(i);
            full_en[i].starts_with(lower) && lower.starts_with(NAMES[i])
                || full_fr[i].starts_with(lower) && lower.starts_with(NAMES_FR[i])
        })
    }

    /// The names accepted by [`Weekdays::parse_day`], for error messages.
    pub fn expected_names() -> &'static str {
        "mon, tue, wed, thu, fri, sat, sun (or lun, mar, mer, jeu, ven, sam, dim)"
    }

    pub fn contains_index(self, weekday: u8) -> bool {
        weekday < 7 && self.0 & (1 << weekday) != 0
    }

    pub fn contains(self, weekday: jiff::civil::Weekday) -> bool {
        self.contains_index(weekday.to_monday_zero_offset() as u8)
    }

    /// How many days of a week are in the set.
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }

    /// The weekdays in both sets.
    pub fn intersection(self, other: Weekdays) -> Weekdays {
        Weekdays(self.0 & other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The Monday-based indices in the set, in order.
    pub fn indices(self) -> impl Iterator<Item = u8> {
        (0..7u8).filter(move |&i| self.contains_index(i))
    }

    /// The plan file's names of the days in the set.
    pub fn names(self) -> Vec<&'static str> {
        self.indices().map(|i| NAMES[usize::from(i)]).collect()
    }
}

impl Default for Weekdays {
    fn default() -> Self {
        Weekdays::MONDAY_TO_FRIDAY
    }
}

impl fmt::Debug for Weekdays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english_and_french_names() {
        assert_eq!(Weekdays::parse_day("mon"), Some(0));
        assert_eq!(Weekdays::parse_day("Sunday"), Some(6));
        assert_eq!(Weekdays::parse_day("mer"), Some(2));
        assert_eq!(Weekdays::parse_day("Vendredi"), Some(4));
        assert_eq!(Weekdays::parse_day("mo"), None);
        assert_eq!(Weekdays::parse_day("mondays"), None);
        assert_eq!(Weekdays::parse_day("funday"), None);
    }

    #[test]
    fn set_operations() {
        let w = Weekdays::from_indices([0, 1, 2, 3]);
        assert_eq!(w.count(), 4);
        assert!(w.contains_index(3) && !w.contains_index(4));
        assert_eq!(w.names(), ["mon", "tue", "wed", "thu"]);
        assert_eq!(Weekdays::default(), Weekdays::MONDAY_TO_FRIDAY);
        assert!(Weekdays::NONE.is_empty());
    }
}

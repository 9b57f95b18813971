//! Dates relative to the deadline: `J-45`, `S-6`, `M-3`, `J+4` (SCHEDULING.md,
//! "Time": relative labels count calendar days, weeks or months).
//!
//! English spellings are accepted too: `D-45` (D-day), `W-6`. Labels are kept
//! relative in the model so that changing the deadline re-dates the plan.

use std::fmt;

use jiff::{Span, civil::Date};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
}

/// `amount` units from the deadline; negative is before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RelativeDate {
    pub unit: Unit,
    pub amount: i32,
}

/// A date as a plan gives it: absolute, or relative to the deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Date(Date),
    Relative(RelativeDate),
}

impl When {
    /// The calendar date, or `None` if it falls outside the supported years.
    pub fn resolve(self, deadline: Date) -> Option<Date> {
        match self {
            When::Date(d) => Some(d),
            When::Relative(r) => r.resolve(deadline),
        }
    }
}

/// Why a label could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LabelError {
    #[error("`{0}` is not a date label: expected J, J-45, J+4, S-6 or M-3 (D and W also work)")]
    Malformed(String),
    #[error("`{0}` is too far from the deadline")]
    TooLarge(String),
}

impl RelativeDate {
    /// Parses `J`, `J-45`, `J+4`, `S-6`, `M-3` (and `D`, `W`), any case, spaces allowed around the sign.
    pub fn parse(text: &str) -> Result<RelativeDate, LabelError> {
        let malformed = || LabelError::Malformed(text.to_string());
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let mut chars = compact.chars();
        let unit = match chars.next().map(|c| c.to_ascii_uppercase()) {
            Some('J' | 'D') => Unit::Day,
            Some('S' | 'W') => Unit::Week,
            Some('M') => Unit::Month,
            _ => return Err(malformed()),
        };
        let rest = chars.as_str();
        if rest.is_empty() || (unit == Unit::Day && rest.eq_ignore_ascii_case("-jour")) {
            return if unit == Unit::Day || rest.is_empty() {
                Ok(RelativeDate { unit, amount: 0 })
            } else {
                Err(malformed())
            };
        }
        let (sign, digits) = match rest.as_bytes()[0] {
            b'-' => (-1, &rest[1..]),
            b'+' => (1, &rest[1..]),
            _ => return Err(malformed()),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(malformed());
        }
        let amount: i32 = digits
            .parse()
            .map_err(|_| LabelError::TooLarge(text.to_string()))?;
        if amount > 100_000 {
            return Err(LabelError::TooLarge(text.to_string()));
        }
        Ok(RelativeDate {
            unit,
            amount: sign * amount,
        })
    }

    /// The calendar date; months keep the day of month, clamped (M-1 of 31 March is 28 or 29 February).
    pub fn resolve(self, deadline: Date) -> Option<Date> {
        let span = match self.unit {
            Unit::Day => Span::new().try_days(self.amount).ok()?,
            Unit::Week => Span::new().try_weeks(self.amount).ok()?,
            Unit::Month => Span::new().try_months(self.amount).ok()?,
        };
        deadline.checked_add(span).ok()
    }
}

impl fmt::Display for RelativeDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = match self.unit {
            Unit::Day => 'J',
            Unit::Week => 'S',
            Unit::Month => 'M',
        };
        match self.amount {
            0 => write!(f, "{letter}"),
            a if a < 0 => write!(f, "{letter}{a}"),
            a => write!(f, "{letter}+{a}"),
        }
    }
}

/// The J-x label of a date `offset` calendar days from the deadline: `J-53`, `J`, `J+4`.
pub fn day_label(offset: i32) -> String {
    RelativeDate {
        unit: Unit::Day,
        amount: offset,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn parse(s: &str) -> RelativeDate {
        RelativeDate::parse(s).unwrap()
    }

    #[test]
    fn parses_labels_in_both_languages() {
        assert_eq!(parse("J-45").amount, -45);
        assert_eq!(parse("j+4").amount, 4);
        assert_eq!(parse("J").amount, 0);
        assert_eq!(parse("J-Jour").amount, 0);
        assert_eq!(parse("D-10"), parse("J-10"));
        assert_eq!(parse("W-6"), parse("S-6"));
        assert_eq!(parse("S - 6").unit, Unit::Week);
        assert_eq!(parse("M-3").unit, Unit::Month);
        for bad in [
            "",
            "X-3",
            "J-",
            "J-4x",
            "J4",
            "M-jour",
            "J--3",
            "J-99999999999",
        ] {
            assert!(
                RelativeDate::parse(bad).is_err(),
                "{bad:?} should not parse"
            );
        }
    }

    #[test]
    fn resolves_calendar_days_weeks_and_clamped_months() {
        let d = date(2026, 11, 27);
        assert_eq!(parse("J-45").resolve(d), Some(date(2026, 10, 13)));
        assert_eq!(parse("S-6").resolve(d), Some(date(2026, 10, 16)));
        assert_eq!(parse("M-3").resolve(d), Some(date(2026, 8, 27)));
        assert_eq!(parse("J+4").resolve(d), Some(date(2026, 12, 1)));
        assert_eq!(
            parse("M-1").resolve(date(2026, 3, 31)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(parse("J+100000").resolve(date(9999, 1, 1)), None);
    }

    #[test]
    fn labels_round_trip() {
        for s in ["J-53", "J", "J+4", "S-6", "M-3"] {
            assert_eq!(parse(s).to_string(), s);
        }
        assert_eq!(day_label(-53), "J-53");
    }
}

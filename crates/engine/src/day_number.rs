//! Day numbers: a date as a count of days since 1970-01-01, and back.
//!
//! The scheduling passes and the work calendar tables index days by a plain
//! `i32`. jiff offers no public O(1) conversion between a civil date and a day
//! count (its `Span` arithmetic is general and much slower), so the two
//! conversions are written here, after Howard Hinnant's `days_from_civil` and
//! `civil_from_days` algorithms, and checked against jiff in the tests.

use jiff::civil::Date;

/// A day on the absolute axis: days since 1970-01-01 (negative before).
pub type DayNumber = i32;

/// 0001-01-01: the first day a schedule may name. jiff reaches back to
/// year -9999, but a plan file and the JSON and CSV write dates as
/// `YYYY-MM-DD`, four digits of year.
pub const FIRST_DAY: DayNumber = -719_162;
/// 9999-12-31: the last day a schedule may name (jiff's last).
pub const LAST_DAY: DayNumber = 2_932_896;

/// The day number of `date`.
pub fn day_number(date: Date) -> DayNumber {
    let (y, m, d) = (
        i32::from(date.year()),
        i32::from(date.month()),
        i32::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of day number `day`, or `None` outside jiff's range (years -9999..=9999).
pub fn date_of(day: DayNumber) -> Option<Date> {
    let z = i64::from(day) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let year = i16::try_from(y).ok()?;
    Date::new(year, m as i8, d as i8).ok()
}

/// The date of `day`, clamped to the years a schedule may name
/// ([`FIRST_DAY`] to [`LAST_DAY`]): the windows keep every day they convert
/// within them, and the clamp keeps the engine total rather than panicking.
pub fn clamped_date(day: DayNumber) -> Date {
    date_of(day.clamp(FIRST_DAY, LAST_DAY)).unwrap_or(Date::MAX)
}

/// Weekday of a day number, Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday).
pub fn weekday_index(day: DayNumber) -> u8 {
    (day + 3).rem_euclid(7) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn known_days() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(day_number(date(1969, 12, 31)), -1);
        assert_eq!(day_number(date(2000, 3, 1)), 11_017);
        assert_eq!(date_of(20_454), Some(date(2026, 1, 1)));
        assert_eq!(weekday_index(day_number(date(2026, 11, 21))), 5); // a Saturday
        assert_eq!(day_number(date(1, 1, 1)), FIRST_DAY);
        assert_eq!(day_number(date(9999, 12, 31)), LAST_DAY);
    }

    proptest! {
        #[test]
        fn agrees_with_jiff(y in -9999i16..=9999, ord in 1i16..=365) {
            let d = date(y, 1, 1).with().day_of_year(ord).build().unwrap();
            let n = day_number(d);
            prop_assert_eq!(date_of(n), Some(d));
            let next = d.tomorrow();
            if let Ok(next) = next {
                prop_assert_eq!(day_number(next), n + 1);
            }
            prop_assert_eq!(weekday_index(n), d.weekday().to_monday_zero_offset() as u8);
        }
    }
}

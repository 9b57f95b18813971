//! Calendars: which dates are working days, and the *work index* that numbers
//! them (SCHEDULING.md, "Time").
//!
//! [`CalendarRules`] is what a plan says (weekdays, country, closed days,
//! bridges); [`WorkCalendar`] is those rules materialised over a window of
//! days so that date <-> work index conversions are table look-ups.

pub mod holidays;
mod weekdays;
mod work_calendar;

pub use holidays::Country;
pub use weekdays::Weekdays;
pub use work_calendar::WorkCalendar;

use jiff::civil::{Date, Weekday};

use crate::day_number::{DayNumber, day_number};

/// An inclusive range of dates, such as a Christmas shutdown or a week off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub from: Date,
    pub to: Date,
}

/// The working-day rules of a plan (its `[calendar]` table).
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarRules {
    /// Whose public holidays are closed; `None` for none (`country = "none"`).
    pub country: Option<Country>,
    pub workdays: Weekdays,
    /// Extra closed days (`holidays = [...]`).
    pub closed_days: Vec<Date>,
    /// Closed ranges (`closed = [{ from, to }]`).
    pub closed_ranges: Vec<DateRange>,
    /// Also close the *ponts*: the Friday after a Thursday holiday and the
    /// Monday before a Tuesday one.
    pub bridges: bool,
}

impl Default for CalendarRules {
    fn default() -> Self {
        CalendarRules {
            country: Some(Country::Fr),
            workdays: Weekdays::MONDAY_TO_FRIDAY,
            closed_days: Vec::new(),
            closed_ranges: Vec::new(),
            bridges: false,
        }
    }
}

/// Why a date is closed, for people reading a calendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClosedReason {
    PublicHoliday {
        name_fr: &'static str,
        name_en: &'static str,
    },
    Bridge,
    PlanHoliday,
    ClosedRange,
}

impl CalendarRules {
    /// Every closed date from `from` to `to` inclusive (public holidays,
    /// bridges, the plan's own closed days and ranges), sorted and unique,
    /// with the reason. Weekends are not listed: they are the weekday rule.
    pub fn closed_dates(&self, from: Date, to: Date) -> Vec<(Date, ClosedReason)> {
        let mut out = Vec::new();
        if from > to {
            return out;
        }
        let mut singles: Vec<Date> = Vec::new();
        if let Some(country) = self.country {
            // One year either side: a holiday on 1 January makes a bridge on
            // 31 December of the year before.
            for year in from.year().saturating_sub(1)..=to.year().saturating_add(1) {
                for h in holidays::public_holidays(country, year) {
                    singles.push(h.date);
                    out.push((
                        h.date,
                        ClosedReason::PublicHoliday {
                            name_fr: h.name_fr,
                            name_en: h.name_en,
                        },
                    ));
                }
            }
        }
        for &d in &self.closed_days {
            singles.push(d);
            out.push((d, ClosedReason::PlanHoliday));
        }
        if self.bridges {
            for &d in &singles {
                let bridge = match d.weekday() {
                    Weekday::Thursday => d.tomorrow().ok(),
                    Weekday::Tuesday => d.yesterday().ok(),
                    _ => None,
                };
                if let Some(b) = bridge {
                    out.push((b, ClosedReason::Bridge));
                }
            }
        }
        for r in &self.closed_ranges {
            let (lo, hi) = (r.from.max(from), r.to.min(to));
            let mut d = lo;
            while d <= hi {
                out.push((d, ClosedReason::ClosedRange));
                match d.tomorrow() {
                    Ok(next) => d = next,
                    Err(_) => break,
                }
            }
        }
        out.retain(|(d, _)| from <= *d && *d <= to);
        // Stable sort keeps the first reason given for a date: a public
        // holiday outranks a bridge or a range that also covers it.
        out.sort_by_key(|(d, _)| *d);
        out.dedup_by_key(|(d, _)| *d);
        out
    }

    /// The closed dates as sorted day numbers, the form [`WorkCalendar`] takes.
    pub fn closed_day_numbers(&self, from: Date, to: Date) -> Vec<DayNumber> {
        self.closed_dates(from, to)
            .into_iter()
            .map(|(d, _)| day_number(d))
            .collect()
    }

    /// Is `date` a working day under these rules?
    pub fn is_working_day(&self, date: Date) -> bool {
        self.workdays.contains(date.weekday()) && self.closed_dates(date, date).is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn bridges_close_the_friday_after_ascension() {
        // Ascension 2026 is Thursday 14 May.
        let rules = CalendarRules {
            bridges: true,
            ..CalendarRules::default()
        };
        assert!(!rules.is_working_day(date(2026, 5, 14)));
        assert!(!rules.is_working_day(date(2026, 5, 15)));
        let plain = CalendarRules::default();
        assert!(plain.is_working_day(date(2026, 5, 15)));
    }

    /// Regression: the bridge before a Tuesday 1 January lies in the year
    /// before, and was missed when only that year was asked about.
    #[test]
    fn a_bridge_across_new_year_is_closed_when_asked_alone() {
        let rules = CalendarRules {
            bridges: true,
            ..CalendarRules::default()
        };
        assert!(!rules.is_working_day(date(2029, 12, 31)));
    }

    #[test]
    fn bridges_close_the_monday_before_a_tuesday_holiday() {
        // 11 November 2025 is a Tuesday.
        let rules = CalendarRules {
            bridges: true,
            ..CalendarRules::default()
        };
        assert_eq!(
            rules.closed_dates(date(2025, 11, 10), date(2025, 11, 10)),
            vec![(date(2025, 11, 10), ClosedReason::Bridge)]
        );
    }

    #[test]
    fn ranges_and_days_are_closed_and_reasons_keep_the_holiday() {
        let rules = CalendarRules {
            closed_days: vec![date(2026, 11, 2)],
            closed_ranges: vec![DateRange {
                from: date(2026, 12, 24),
                to: date(2026, 12, 31),
            }],
            ..CalendarRules::default()
        };
        let closed = rules.closed_dates(date(2026, 11, 1), date(2026, 12, 31));
        let dates: Vec<Date> = closed.iter().map(|(d, _)| *d).collect();
        assert!(dates.contains(&date(2026, 11, 2)));
        assert!(dates.contains(&date(2026, 11, 11)));
        assert_eq!(
            dates.iter().filter(|d| d.month() == 12).count(),
            8,
            "24 to 31 December"
        );
        let christmas = closed
            .iter()
            .find(|(d, _)| *d == date(2026, 12, 25))
            .unwrap();
        assert!(matches!(christmas.1, ClosedReason::PublicHoliday { .. }));
    }

    #[test]
    fn no_country_means_no_public_holidays() {
        let rules = CalendarRules {
            country: None,
            ..CalendarRules::default()
        };
        assert!(rules.is_working_day(date(2026, 7, 14)));
        assert!(!rules.is_working_day(date(2026, 7, 18)), "a Saturday");
    }
}

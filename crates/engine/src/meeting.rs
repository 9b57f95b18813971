//! Meetings: recurring or fixed calendar items beside the tasks (the weekly
//! review, the client meetings of seed 003).
//!
//! Nothing waits for a meeting, so meetings never move a task: they are dated
//! after the tasks, from the deadline and the plan's first planned start. A
//! meeting that gates work is a milestone task with `on`, not a meeting.

use jiff::civil::{Date, Weekday};

use crate::calendar::CalendarRules;
use crate::relative::When;

#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub id: String,
    pub title: String,
    /// Who runs it (a person id).
    pub owner: Option<String>,
    pub attendees: Vec<String>,
    pub rule: MeetingRule,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum MeetingRule {
    /// Every `interval` weeks on `weekday`, from `from` (default: the plan's
    /// first planned start) to `to` (default: the deadline), both inclusive.
    Weekly {
        weekday: Weekday,
        interval: u32,
        from: Option<When>,
        to: Option<When>,
    },
    /// Fixed dates, kept as given even on closed days (like fixed milestones).
    Dates(Vec<When>),
}

/// The dates of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingDates {
    /// In date order.
    pub dates: Vec<Date>,
    /// Occurrences of a weekly rule that fell on a closed day of the plan's
    /// calendar (a public holiday, a shutdown) and were dropped.
    pub skipped: Vec<Date>,
}

/// A weekly rule stops after this many occurrences: enough for 19 years, and
/// a bound so that a rule spanning centuries cannot exhaust memory.
const MOST_OCCURRENCES: usize = 1000;

impl Meeting {
    /// Dates the meeting. `start` is the plan's first planned start, if any.
    pub fn dates(
        &self,
        deadline: Date,
        start: Option<Date>,
        calendar: &CalendarRules,
    ) -> MeetingDates {
        match &self.rule {
            MeetingRule::Dates(whens) => {
                let mut dates: Vec<Date> =
                    whens.iter().filter_map(|w| w.resolve(deadline)).collect();
                dates.sort_unstable();
                dates.dedup();
                MeetingDates {
                    dates,
                    skipped: Vec::new(),
                }
            }
            MeetingRule::Weekly {
                weekday,
                interval,
                from,
                to,
            } => {
                let from = from
                    .and_then(|w| w.resolve(deadline))
                    .or(start)
                    .unwrap_or(deadline);
                let to = to.and_then(|w| w.resolve(deadline)).unwrap_or(deadline);
                let mut out = MeetingDates::default();
                let step = i64::from((*interval).max(1)) * 7;
                let Ok(mut day) = on_or_after(from, *weekday) else {
                    return out;
                };
                let closed: Vec<Date> = if day <= to {
                    calendar
                        .closed_dates(day, to)
                        .into_iter()
                        .map(|(d, _)| d)
                        .collect()
                } else {
                    Vec::new()
                };
                while day <= to && out.dates.len() + out.skipped.len() < MOST_OCCURRENCES {
                    if closed.binary_search(&day).is_ok() {
                        out.skipped.push(day);
                    } else {
                        out.dates.push(day);
                    }
                    match day.checked_add(jiff::Span::new().days(step)) {
                        Ok(next) => day = next,
                        Err(_) => break,
                    }
                }
                out
            }
        }
    }
}

/// The first `weekday` on or after `date` (jiff's `nth_weekday` excludes the date itself).
fn on_or_after(date: Date, weekday: Weekday) -> Result<Date, jiff::Error> {
    if date.weekday() == weekday {
        Ok(date)
    } else {
        date.nth_weekday(1, weekday)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Country;
    use crate::relative::RelativeDate;
    use jiff::civil::date;

    fn weekly(weekday: Weekday, interval: u32, from: Date, to: Date) -> Meeting {
        Meeting {
            id: "hebdo".into(),
            title: "Point".into(),
            owner: None,
            attendees: Vec::new(),
            rule: MeetingRule::Weekly {
                weekday,
                interval,
                from: Some(When::Date(from)),
                to: Some(When::Date(to)),
            },
            notes: None,
        }
    }

    #[test]
    fn weekly_meetings_skip_public_holidays() {
        // Mondays of May 2026 in France: the 25th is Whit Monday.
        let rules = CalendarRules {
            country: Some(Country::Fr),
            ..CalendarRules::default()
        };
        let m = weekly(Weekday::Monday, 1, date(2026, 5, 1), date(2026, 5, 31));
        let got = m.dates(date(2026, 5, 31), None, &rules);
        assert_eq!(
            got.dates,
            vec![date(2026, 5, 4), date(2026, 5, 11), date(2026, 5, 18)]
        );
        assert_eq!(got.skipped, vec![date(2026, 5, 25)]);
    }

    #[test]
    fn every_other_week_from_the_plan_start_to_the_deadline() {
        let mut m = weekly(Weekday::Thursday, 2, date(2026, 1, 1), date(2026, 1, 1));
        m.rule = MeetingRule::Weekly {
            weekday: Weekday::Thursday,
            interval: 2,
            from: None,
            to: None,
        };
        let rules = CalendarRules {
            country: None,
            ..CalendarRules::default()
        };
        // Start Friday 2 Oct 2026, deadline Thursday 5 Nov 2026.
        let got = m.dates(date(2026, 11, 5), Some(date(2026, 10, 2)), &rules);
        assert_eq!(
            got.dates,
            vec![date(2026, 10, 8), date(2026, 10, 22), date(2026, 11, 5)]
        );
    }

    #[test]
    fn fixed_dates_resolve_labels_and_keep_closed_days() {
        let m = Meeting {
            rule: MeetingRule::Dates(vec![
                When::Relative(RelativeDate::parse("J-1").unwrap()),
                When::Date(date(2026, 12, 1)),
                When::Relative(RelativeDate::parse("J-19").unwrap()),
            ]),
            ..weekly(Weekday::Monday, 1, date(2026, 1, 1), date(2026, 1, 1))
        };
        let got = m.dates(date(2026, 12, 20), None, &CalendarRules::default());
        // J-19 is 1 December too: one meeting, not two. J-1 is a Saturday.
        assert_eq!(got.dates, vec![date(2026, 12, 1), date(2026, 12, 19)]);
        assert!(got.skipped.is_empty());
    }
}

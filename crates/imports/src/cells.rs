//! One cell's value: dates as people type them (French order, day first),
//! durations in working days, statuses in both languages, and the items of
//! a "Depends on" cell with their link type and lag.

use jiff::civil::Date;
use retroplan_engine::{LinkKind, Status};

use crate::sheet::Cell;

/// The longest duration or lag, in working days (as the plan reader).
pub const MOST_DAYS: u32 = 100_000;

/// A date cell: a real date, `YYYY-MM-DD`, `dd/mm/yyyy`, `d/m/yy` (also
/// with `.` or `-` between day-first parts), a time after it ignored; in a
/// workbook, a number in Excel's date range is a date that lost its format.
/// `Err` when the cell holds something else or a date that does not exist.
pub fn date(cell: &Cell) -> Result<Date, ()> {
    match cell {
        Cell::Date(d) => Ok(*d),
        // Serial 18264 is 1950-01-01, 80355 is 2119-12-31.
        Cell::Number(n) if n.fract() == 0.0 && (18_264.0..=80_355.0).contains(n) => {
            let days = jiff::Span::new().days(*n as i64 - 2);
            Date::new(1900, 1, 1)
                .and_then(|d| d.checked_add(days))
                .map_err(|_| ())
        }
        Cell::Number(_) | Cell::Empty => Err(()),
        Cell::Text(t) => date_text(t),
    }
}

fn date_text(text: &str) -> Result<Date, ()> {
    let text = text.trim();
    // `2026-11-02 00:00:00`, `2026-11-02T09:00`, `02/11/2026 00:00`.
    let day = text
        .split_once(['T', ' '])
        .filter(|(_, time)| time.contains(':'))
        .map_or(text, |(d, _)| d);
    let parts: Vec<&str> = day.split(['-', '/', '.']).collect();
    let numbers: Vec<i64> = parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
                .ok_or(())
        })
        .collect::<Result<_, _>>()?;
    let [a, b, c] = numbers[..] else {
        return Err(());
    };
    let (y, m, d) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        (c, b, a)
    } else if parts[2].len() == 2 {
        (2000 + c, b, a)
    } else {
        return Err(());
    };
    Date::new(
        i16::try_from(y).map_err(|_| ())?,
        i8::try_from(m).map_err(|_| ())?,
        i8::try_from(d).map_err(|_| ())?,
    )
    .map_err(|_| ())
}

/// A duration cell, in working days.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Days {
    Whole(u32),
    /// `2,5`: rounded up to the whole days a plan counts.
    Rounded {
        from: f64,
        to: u32,
    },
    Negative,
    TooLong,
    NotANumber,
}

/// `3`, `3 j`, `3 jours`, `3d`, `3 days`, `2,5`; a number cell as it is.
pub fn days(cell: &Cell) -> Days {
    let value = match cell {
        Cell::Number(n) => *n,
        Cell::Text(t) => {
            let t = t.trim().to_lowercase();
            let number = t
                .trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c.is_whitespace())
                .trim();
            let unit = t[number.len()..].trim().trim_end_matches('.');
            const UNITS: &[&str] = &[
                "", "j", "jr", "jrs", "jour", "jours", "jo", "d", "day", "days", "wd",
            ];
            if !UNITS.contains(&unit) && !unit.starts_with("jours ouvr") {
                return Days::NotANumber;
            }
            match number.replace(',', ".").parse::<f64>() {
                Ok(n) if n.is_finite() => n,
                _ => return Days::NotANumber,
            }
        }
        Cell::Empty | Cell::Date(_) => return Days::NotANumber,
    };
    if value < 0.0 {
        Days::Negative
    } else if value > f64::from(MOST_DAYS) {
        Days::TooLong
    } else if value.fract() == 0.0 {
        Days::Whole(value as u32)
    } else {
        Days::Rounded {
            from: value,
            to: value.ceil() as u32,
        }
    }
}

/// A status cell: the plan file's codes and both languages' words, accents
/// and case aside (`Status::parse`), and a few more that sheets use.
pub fn status(text: &str) -> Option<Status> {
    let t = text.trim();
    if let Some(s) = Status::parse(t) {
        return Some(s);
    }
    let folded: String = crate::columns::normalize(t);
    Some(match folded.as_str() {
        "afaire" | "todo" | "pascommence" | "noncommence" | "notstarted" | "nouveau" | "new"
        | "planifie" | "planned" => Status::Todo,
        "encours" | "inprogress" | "commence" | "ongoing" | "wip" => Status::InProgress,
        "avalider" | "envalidation" | "enrelecture" | "tovalidate" | "inreview" | "review" => {
            Status::Review
        }
        "termine" | "terminee" | "fini" | "finie" | "fait" | "faite" | "complete" | "completed"
        | "done" | "valide" | "validee" | "livre" | "livree" => Status::Done,
        "bloque" | "bloquee" | "blocked" | "enattente" | "onhold" => Status::Blocked,
        "annule" | "annulee" | "cancelled" | "canceled" | "abandonne" | "abandonnee"
        | "dropped" => Status::Cancelled,
        _ => return None,
    })
}

/// The status closest to an unknown word, by its code and both languages' words.
pub fn closest_status(text: &str) -> Option<Status> {
    let folded = crate::columns::normalize(text);
    let mut best: Option<(Status, f64)> = None;
    for s in Status::ALL {
        for word in [
            s.code(),
            s.label(retroplan_engine::Lang::Fr),
            s.label(retroplan_engine::Lang::En),
        ] {
            let score = strsim::jaro_winkler(&folded, &crate::columns::normalize(word));
            if score >= 0.8 && best.is_none_or(|(_, b)| score > b) {
                best = Some((s, score));
            }
        }
    }
    best.map(|(s, _)| s)
}

/// A link's `(TYPE±N)` suffix: none, read, or the text that is no link.
pub type Suffix = Option<Result<(LinkKind, i32), String>>;

/// One item of a "Depends on" cell: what it names and how it links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// Byte range of the whole item (trimmed) in the cell.
    pub range: std::ops::Range<usize>,
    pub reference: String,
    pub link: Suffix,
}

/// The pieces of a "Depends on" cell, split at `,`, `;` and line breaks
/// outside parentheses, as byte ranges (trimmed, empty ones left out).
pub fn pieces(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let push = |from: usize, to: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let piece = &text[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push(from + lead..from + lead + trimmed.len());
        }
    };
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | ';' | '\n' | '\r' if depth == 0 => {
                push(start, i, &mut out);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(start, text.len(), &mut out);
    out
}

/// An item's text split into what it names and its `(TYPE±N)` suffix.
pub fn item(text: &str, range: std::ops::Range<usize>) -> Item {
    let whole = &text[range.clone()];
    let parsed = whole
        .strip_suffix(')')
        .and_then(|rest| rest.rfind('(').map(|open| (open, &rest[open + 1..])));
    match parsed {
        Some((open, inside)) if !whole[..open].trim().is_empty() => Item {
            range,
            reference: whole[..open].trim().to_string(),
            link: Some(link_suffix(inside).ok_or_else(|| format!("({inside})"))),
        },
        _ => Item {
            range,
            reference: whole.to_string(),
            link: None,
        },
    }
}

/// `SS+2`, `FS-1`, `FF`, `+2`, `-1 j`, `DD+2` (French codes), spaces allowed.
fn link_suffix(inside: &str) -> Option<(LinkKind, i32)> {
    let compact: String = inside
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    // A unit after the lag's digits (`+2j`, `+2 jours`, `+1 day`), never
    // the letters of the code itself (`DD`, `FD`: French start-to-start
    // and finish-to-start).
    let compact = ["jours", "jour", "days", "day", "j", "d"]
        .iter()
        .find_map(|unit| {
            compact
                .strip_suffix(unit)
                .filter(|rest| rest.ends_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(&compact);
    let sign = compact.find(['+', '-']);
    let (code, lag) = match sign {
        Some(i) => (&compact[..i], Some(&compact[i..])),
        None => (compact, None),
    };
    let kind = if code.is_empty() {
        // A suffix says something: `()` is no link.
        lag?;
        LinkKind::FinishToStart
    } else {
        LinkKind::parse(code)?
    };
    let lag = match lag {
        None => 0,
        Some(l) => {
            let digits = &l[1..];
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: i32 = digits.parse().ok()?;
            if n.unsigned_abs() > MOST_DAYS {
                return None;
            }
            if l.starts_with('-') { -n } else { n }
        }
    };
    Some((kind, lag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date as d;

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }

    #[test]
    fn dates_day_first() {
        assert_eq!(date(&text("2026-11-02")), Ok(d(2026, 11, 2)));
        assert_eq!(date(&text("02/11/2026")), Ok(d(2026, 11, 2)));
        assert_eq!(date(&text("2/11/26")), Ok(d(2026, 11, 2)));
        assert_eq!(date(&text("2.11.2026")), Ok(d(2026, 11, 2)));
        assert_eq!(date(&text("2026-11-02 00:00:00")), Ok(d(2026, 11, 2)));
        assert_eq!(date(&text("31/02/2026")), Err(()));
        assert_eq!(date(&text("13/13/2026")), Err(()));
        assert_eq!(date(&text("demain")), Err(()));
        assert_eq!(date(&text("2/11")), Err(()));
        assert_eq!(date(&Cell::Date(d(2026, 1, 5))), Ok(d(2026, 1, 5)));
        // Excel serial 46328: 2025-01-01 is serial 45658, 2026-01-01 is
        // 45658 + 365 = 46023, and 2 November is day 306 of 2026 (304 days
        // in January to October, + 2), so 46023 + 305 = 46328.
        assert_eq!(date(&Cell::Number(46328.0)), Ok(d(2026, 11, 2)));
        assert_eq!(date(&Cell::Number(3.0)), Err(()));
    }

    #[test]
    fn durations() {
        assert_eq!(days(&text("3")), Days::Whole(3));
        assert_eq!(days(&text(" 3 j ")), Days::Whole(3));
        assert_eq!(days(&text("3 jours ouvrés")), Days::Whole(3));
        assert_eq!(days(&text("5 days")), Days::Whole(5));
        assert_eq!(days(&text("0")), Days::Whole(0));
        assert_eq!(days(&Cell::Number(4.0)), Days::Whole(4));
        assert_eq!(days(&text("2,5")), Days::Rounded { from: 2.5, to: 3 });
        assert_eq!(days(&text("-2")), Days::Negative);
        assert_eq!(days(&text("trois")), Days::NotANumber);
        assert_eq!(days(&text("3 semaines")), Days::NotANumber);
        assert_eq!(days(&text("200000")), Days::TooLong);
    }

    #[test]
    fn statuses() {
        assert_eq!(status("À faire"), Some(Status::Todo));
        assert_eq!(status("EN COURS"), Some(Status::InProgress));
        assert_eq!(status("to validate"), Some(Status::Review));
        assert_eq!(status("Terminée"), Some(Status::Done));
        assert_eq!(status("en attente"), Some(Status::Blocked));
        assert_eq!(status("in_progress"), Some(Status::InProgress));
        assert_eq!(status("peut-être"), None);
        assert_eq!(closest_status("termné"), Some(Status::Done));
        assert_eq!(closest_status("xyz"), None);
    }

    #[test]
    fn dependency_items() {
        let cell = "brief, visuels (SS+2);\nMaquette (v2) (FF)\n(-1)";
        let items: Vec<Item> = pieces(cell).into_iter().map(|r| item(cell, r)).collect();
        let got: Vec<(&str, Suffix)> = items
            .iter()
            .map(|i| (i.reference.as_str(), i.link.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("brief", None),
                ("visuels", Some(Ok((LinkKind::StartToStart, 2)))),
                ("Maquette (v2)", Some(Ok((LinkKind::FinishToFinish, 0)))),
                ("(-1)", None),
            ]
        );
        assert_eq!(link_suffix("FS-1"), Some((LinkKind::FinishToStart, -1)));
        assert_eq!(link_suffix("+2 j"), Some((LinkKind::FinishToStart, 2)));
        assert_eq!(link_suffix("DD+3"), Some((LinkKind::StartToStart, 3)));
        assert_eq!(link_suffix("v2"), None);
        // The French codes alone, whose last letter is no unit.
        assert_eq!(link_suffix("DD"), Some((LinkKind::StartToStart, 0)));
        assert_eq!(link_suffix("dd"), Some((LinkKind::StartToStart, 0)));
        assert_eq!(link_suffix("FD"), Some((LinkKind::FinishToStart, 0)));
        // A unit in the singular.
        assert_eq!(link_suffix("SS+1 jour"), Some((LinkKind::StartToStart, 1)));
        assert_eq!(link_suffix("FS+1 day"), Some((LinkKind::FinishToStart, 1)));
        assert_eq!(link_suffix("+2d"), Some((LinkKind::FinishToStart, 2)));
        assert_eq!(link_suffix("XX+2"), None);
        let bad = item("brief (XX+2)", 0..12);
        assert_eq!(bad.link, Some(Err("(XX+2)".to_string())));
    }
}

//! Dates as `YYYY-MM-DD` without going through `fmt`: the JSON and CSV
//! writers print six dates per task, and a million-task plan should not pay
//! for a formatter per date.

use jiff::civil::Date;

/// `YYYY-MM-DD` (years 0 to 9999; others fall back to jiff's own format).
pub fn iso(date: Date) -> IsoDate {
    let mut buf = [0u8; 10];
    let (y, m, d) = (date.year(), date.month(), date.day());
    if !(0..=9999).contains(&y) {
        return IsoDate::Other(date.to_string());
    }
    let y = y as u16;
    buf[0] = b'0' + (y / 1000) as u8;
    buf[1] = b'0' + (y / 100 % 10) as u8;
    buf[2] = b'0' + (y / 10 % 10) as u8;
    buf[3] = b'0' + (y % 10) as u8;
    buf[4] = b'-';
    buf[5] = b'0' + (m / 10) as u8;
    buf[6] = b'0' + (m % 10) as u8;
    buf[7] = b'-';
    buf[8] = b'0' + (d / 10) as u8;
    buf[9] = b'0' + (d % 10) as u8;
    IsoDate::Short(buf)
}

pub enum IsoDate {
    Short([u8; 10]),
    Other(String),
}

impl IsoDate {
    pub fn as_str(&self) -> &str {
        match self {
            // Only ASCII digits and dashes were written.
            IsoDate::Short(b) => std::str::from_utf8(b).unwrap_or("0000-00-00"),
            IsoDate::Other(s) => s,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn matches_jiff() {
        for d in [
            date(2026, 1, 5),
            date(999, 12, 31),
            date(9999, 12, 31),
            date(-5, 3, 1),
        ] {
            assert_eq!(iso(d).as_str(), d.to_string());
        }
    }
}

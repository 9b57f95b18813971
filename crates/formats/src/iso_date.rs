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
    let y = y as usize;
    buf[0..2].copy_from_slice(two_digits(y / 100));
    buf[2..4].copy_from_slice(two_digits(y % 100));
    buf[4] = b'-';
    buf[5..7].copy_from_slice(two_digits(m as usize));
    buf[7] = b'-';
    buf[8..10].copy_from_slice(two_digits(d as usize));
    IsoDate::Short(buf)
}

/// `00` to `99` by look-up: a division per digit was most of the cost.
fn two_digits(n: usize) -> &'static [u8] {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    &PAIRS[2 * n..2 * n + 2]
}

pub enum IsoDate {
    Short([u8; 10]),
    Other(String),
}

impl IsoDate {
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            IsoDate::Short(b) => b,
            IsoDate::Other(s) => s.as_bytes(),
        }
    }

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
            date(0, 1, 1),
            date(2000, 10, 9),
            date(1909, 2, 28),
        ] {
            assert_eq!(iso(d).as_str(), d.to_string());
            assert_eq!(iso(d).as_bytes(), d.to_string().as_bytes());
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_jiff_on_any_day(y in 0i16..=9999, ord in 1i16..=365) {
            let d = date(y, 1, 1).with().day_of_year(ord).build().unwrap();
            let text = iso(d);
            proptest::prop_assert_eq!(text.as_str(), d.to_string());
        }
    }
}

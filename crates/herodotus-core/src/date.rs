//! Calendar dates as the coder needs them: parse `YYYY-MM-DD` (and `YYYYMMDD`),
//! compare, and turn into a day number for arithmetic.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A proleptic Gregorian calendar date. Ordered chronologically.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub struct Date {
    /// Year, e.g. 2017.
    pub year: i32,
    /// Month 1-12.
    pub month: u8,
    /// Day 1-31.
    pub day: u8,
}

impl Date {
    /// Builds a date, checking that the day exists in that month.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `YYYYMMDD`, or an ISO timestamp whose first ten
    /// characters are `YYYY-MM-DD` (`2017-04-12T08:00:00Z`).
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
            if b.len() > 10 && !matches!(b[10], b'T' | b't' | b' ') {
                return None;
            }
            return Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8);
        }
        if b.len() == 8 {
            return Date::new(num(0..4)? as i32, num(4..6)? as u8, num(6..8)? as u8);
        }
        None
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The inverse of [`Date::to_days`].
    pub fn from_days(z: i64) -> Date {
        let z = z + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        Date {
            year: (y + i64::from(m <= 2)) as i32,
            month: m,
            day: d,
        }
    }

    /// `YYYYMMDD` as a number, GDELT's `SQLDATE`.
    pub fn to_sqldate(self) -> u32 {
        self.year as u32 * 10000 + u32::from(self.month) * 100 + u32::from(self.day)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Date, String> {
        Date::parse(s).ok_or_else(|| format!("bad date {s:?}: expected YYYY-MM-DD"))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}: expected YYYY-MM-DD")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        let d = Date::parse("2017-04-12").unwrap();
        assert_eq!(d.to_string(), "2017-04-12");
        assert_eq!(Date::parse("20170412"), Some(d));
        assert_eq!(Date::parse("2017-04-12T08:00:00Z"), Some(d));
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(Date::new(1970, 1, 1).unwrap().to_days(), 0);
    }

    #[test]
    fn rejects_bad_dates() {
        for s in [
            "2017-02-30",
            "2017-13-01",
            "17-04-12",
            "2017-04-1x",
            "",
            "2017-04-12junk",
        ] {
            assert_eq!(Date::parse(s), None, "{s}");
        }
        assert!(Date::parse("2016-02-29").is_some());
    }
}

use std::fmt;

/// A calendar date of which some parts may be unknown. A year the text does
/// not give stays `None`: it is never guessed from the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    Day,
    Month,
    Year,
    Unknown,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Day => "day",
            DatePrecision::Month => "month",
            DatePrecision::Year => "year",
            DatePrecision::Unknown => "unknown",
        }
    }
}

impl PartialDate {
    pub const fn ymd(year: i32, month: u8, day: u8) -> Self {
        PartialDate { year: Some(year), month: Some(month), day: Some(day) }
    }

    /// Day and month known, year unknown (`--MM-DD`).
    pub const fn md(month: u8, day: u8) -> Self {
        PartialDate { year: None, month: Some(month), day: Some(day) }
    }

    pub fn precision(&self) -> DatePrecision {
        match (self.year, self.month, self.day) {
            (Some(_), Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), Some(_), None) => DatePrecision::Month,
            (Some(_), None, None) => DatePrecision::Year,
            // A day without a year is still day-precise for the reader; the
            // missing year is visible in the `--MM-DD` form.
            (None, Some(_), Some(_)) => DatePrecision::Day,
            _ => DatePrecision::Unknown,
        }
    }

    pub fn is_complete(&self) -> bool {
        self.year.is_some() && self.month.is_some() && self.day.is_some()
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` and an ISO date-time
    /// (the time is ignored). Returns `None` for anything else or an impossible date.
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        let s = s.trim();
        if let Some(rest) = s.strip_prefix("--") {
            let (m, d) = rest.split_once('-')?;
            let (m, d) = (m.parse().ok()?, d.get(..2)?.parse().ok()?);
            let date = PartialDate::md(m, d);
            return date.is_valid().then_some(date);
        }
        let head = s.get(..10.min(s.len())).unwrap_or(s);
        let mut parts = head.splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        if !(1..=9999).contains(&year) {
            return None;
        }
        let month: Option<u8> = match parts.next() {
            Some(m) => Some(m.parse().ok()?),
            None => None,
        };
        let day: Option<u8> = match parts.next() {
            Some(d) => Some(d.get(..2)?.parse().ok()?),
            None => None,
        };
        let date = PartialDate { year: Some(year), month, day };
        date.is_valid().then_some(date)
    }

    /// Month within 1..=12 and day within that month's length (29 Feb only
    /// when the year is a leap year or unknown).
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (None, Some(_)) => false,
            (Some(m), day) => {
                if !(1..=12).contains(&m) {
                    return false;
                }
                match day {
                    None => true,
                    Some(d) => d >= 1 && d <= days_in_month(self.year, m),
                }
            }
            (None, None) => true,
        }
    }

    /// Days since 1970-01-01 for a complete date.
    pub fn to_days(&self) -> Option<i64> {
        let (y, m, d) = (self.year? as i64, self.month? as i64, self.day? as i64);
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(era * 146097 + doe - 719468)
    }

    /// The complete date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> PartialDate {
        let z = days + 719468;
        let era = if z >= 0 { z } else { z - 146096 } / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = if m <= 2 { y + 1 } else { y } as i32;
        PartialDate::ymd(y, m, d)
    }

    /// This date shifted by `n` days; `None` unless complete.
    pub fn add_days(&self, n: i64) -> Option<PartialDate> {
        Some(PartialDate::from_days(self.to_days()? + n))
    }

    /// ISO weekday, Monday = 1 ... Sunday = 7; `None` unless complete.
    pub fn weekday(&self) -> Option<u8> {
        let days = self.to_days()?;
        // 1970-01-01 was a Thursday (4).
        Some(((days + 3).rem_euclid(7) + 1) as u8)
    }
}

pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601: `2022-01-10`, `2022-01`, `2022`, `--01-10`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            (None, None, _) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip() {
        for s in ["2022-01-10", "2022-01", "2022", "--01-10"] {
            assert_eq!(PartialDate::parse_iso(s).unwrap().to_string(), s);
        }
        assert_eq!(PartialDate::parse_iso("2022-01-10T08:00:00Z").unwrap().to_string(), "2022-01-10");
        assert!(PartialDate::parse_iso("2022-02-30").is_none());
        assert!(PartialDate::parse_iso("2021-02-29").is_none());
        assert!(PartialDate::parse_iso("--02-29").is_some());
        assert!(PartialDate::parse_iso("junk").is_none());
    }

    #[test]
    fn day_arithmetic() {
        let d = PartialDate::ymd(2022, 1, 10);
        assert_eq!(d.weekday(), Some(1)); // a Monday
        assert_eq!(d.add_days(-10).unwrap().to_string(), "2021-12-31");
        assert_eq!(PartialDate::from_days(d.to_days().unwrap()), d);
        assert_eq!(PartialDate::md(1, 10).add_days(1), None);
    }
}

//! Calendar dates for `--as-of` and the roadmap chart, without a date-time dependency: the
//! tool only needs whole days in the proleptic Gregorian calendar.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Today in UTC, from the system clock.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// Converts a count of days since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whole calendar months from `earlier`'s month to this date's month (negative when
    /// `earlier` is later); days are ignored.
    pub fn months_since(&self, earlier: Date) -> i32 {
        self.month_index() - earlier.month_index()
    }

    fn month_index(&self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    /// The first day of the month `months` after this date's month.
    pub fn first_of_month_after(&self, months: u32) -> Date {
        let index = self.month_index() + months as i32;
        Date { year: index.div_euclid(12), month: index.rem_euclid(12) as u32 + 1, day: 1 }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("`{s}` is not a date: expected YYYY-MM-DD, e.g. 2026-01-31");
        let mut parts = s.splitn(3, '-');
        let mut next = || parts.next().filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let (year, month, day) = (next().ok_or_else(bad)?, next().ok_or_else(bad)?, next().ok_or_else(bad)?);
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return Err(bad());
        }
        let parsed = (year.parse().ok(), month.parse().ok(), day.parse().ok());
        match parsed {
            (Some(y), Some(m), Some(d)) => Date::new(y, m, d).ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Written and read as "YYYY-MM-DD", in JSON reports as in answer files.
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_round_trip() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2023-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026-01-01x", "", "2026-00-10"] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn epoch_days_convert_to_known_dates() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days_since_epoch(19_782).to_string(), "2024-02-29");
        assert_eq!(Date::from_days_since_epoch(20_782).to_string(), "2026-11-25");
    }

    #[test]
    fn month_arithmetic_crosses_years() {
        let d = Date::new(2026, 11, 25).unwrap();
        assert_eq!(d.first_of_month_after(0).to_string(), "2026-11-01");
        assert_eq!(d.first_of_month_after(2).to_string(), "2027-01-01");
        assert_eq!(d.first_of_month_after(14).to_string(), "2028-01-01");
    }

    #[test]
    fn months_since_counts_calendar_months() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(d("2026-11-25").months_since(d("2026-11-01")), 0);
        assert_eq!(d("2027-01-01").months_since(d("2026-11-30")), 2);
        assert_eq!(d("2025-08-02").months_since(d("2026-08-02")), -12);
    }
}

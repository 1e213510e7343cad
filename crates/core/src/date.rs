//! A calendar date without a clock: the app passes "today" in, so the domain
//! stays deterministic and testable.

use std::fmt;
use std::str::FromStr;

use crate::CoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl CivilDate {
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, CoreError> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        if valid && (1..=9999).contains(&year) {
            Ok(Self { year, month, day })
        } else {
            Err(CoreError::InvalidDate(format!(
                "{year:04}-{month:02}-{day:02}"
            )))
        }
    }

    /// The date of a Unix timestamp in milliseconds (UTC).
    pub fn from_unix_millis(millis: i64) -> Self {
        Self::from_days_since_epoch(millis.div_euclid(86_400_000))
    }

    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Days since 1970-01-01 (Howard Hinnant's civil-from-days algorithm).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CivilDate {
    type Err = CoreError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || CoreError::InvalidDate(text.to_owned());
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(invalid());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(invalid());
        }
        let year = y.parse().map_err(|_| invalid())?;
        let month = m.parse().map_err(|_| invalid())?;
        let day = d.parse().map_err(|_| invalid())?;
        Self::new(year, month, day).map_err(|_| invalid())
    }
}

/// Dates cross the IPC and land in files as `YYYY-MM-DD`.
impl serde::Serialize for CivilDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for CivilDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let date: CivilDate = "2026-11-23".parse().unwrap();
        assert_eq!(date, CivilDate::new(2026, 11, 23).unwrap());
        assert_eq!(date.to_string(), "2026-11-23");
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for text in [
            "2026-02-30",
            "2026-13-01",
            "26-11-23",
            "2026/11/23",
            "",
            "2026-11-23-1",
        ] {
            assert!(
                text.parse::<CivilDate>().is_err(),
                "{text} should be refused"
            );
        }
    }

    #[test]
    fn adding_a_week_crosses_months_years_and_leap_days() {
        let d = |s: &str| s.parse::<CivilDate>().unwrap();
        assert_eq!(d("2026-12-28").add_days(7), d("2027-01-04"));
        assert_eq!(d("2028-02-25").add_days(7), d("2028-03-03"));
        assert_eq!(d("2028-02-28").add_days(1), d("2028-02-29"));
    }

    #[test]
    fn unix_epoch_and_a_known_timestamp() {
        assert_eq!(CivilDate::from_unix_millis(0).to_string(), "1970-01-01");
        // 2026-11-23T12:00:00Z
        assert_eq!(
            CivilDate::from_unix_millis(1_795_435_200_000).to_string(),
            "2026-11-23"
        );
    }
}

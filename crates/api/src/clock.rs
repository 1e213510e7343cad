//! The clock, read only through [`Clock`]: "today" is the user's local date
//! on every door (window, CLI, journal readings), and tests pin it.
//!
//! One documented override for tests and demos: `THROUGHLINE_NOW` set to an
//! RFC 3339 instant (`2026-12-03T07:30:00Z`) fixes "now"; the local date is
//! still taken in the process's time zone (`TZ`).

use throughline_core::CivilDate;

/// The environment variable that pins "now" (see the module docs).
pub const NOW_OVERRIDE: &str = "THROUGHLINE_NOW";

pub trait Clock: Send + Sync {
    /// Milliseconds since the Unix epoch.
    fn now_millis(&self) -> i64;
    /// Today in the user's own time zone.
    fn today(&self) -> CivilDate;
    /// This clock's "today" for a workspace to read when it judges a
    /// deadline.
    fn calendar(&self) -> throughline_store::Calendar;
}

/// The wall clock in the local time zone, or the instant `THROUGHLINE_NOW` names.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock {
    pinned: Option<i64>,
}

impl SystemClock {
    /// The wall clock, unless `THROUGHLINE_NOW` pins an instant. A value that
    /// is not an RFC 3339 instant is ignored (and the wall clock used).
    pub fn from_env() -> Self {
        let pinned = std::env::var(NOW_OVERRIDE)
            .ok()
            .and_then(|text| chrono::DateTime::parse_from_rfc3339(text.trim()).ok())
            .map(|at| at.timestamp_millis());
        Self { pinned }
    }

    /// A clock stopped at `millis` (tests).
    pub fn at(millis: i64) -> Self {
        Self {
            pinned: Some(millis),
        }
    }
}

impl Clock for SystemClock {
    fn now_millis(&self) -> i64 {
        self.pinned
            .unwrap_or_else(|| chrono::Utc::now().timestamp_millis())
    }

    fn today(&self) -> CivilDate {
        use chrono::{Datelike, TimeZone};
        let millis = self.now_millis();
        let local = chrono::Local
            .timestamp_millis_opt(millis)
            .single()
            .map(|at| at.date_naive());
        local
            .and_then(|d| CivilDate::new(d.year(), d.month(), d.day()).ok())
            .unwrap_or_else(|| CivilDate::from_unix_millis(millis))
    }

    fn calendar(&self) -> throughline_store::Calendar {
        let clock = *self;
        std::sync::Arc::new(move || clock.today())
    }
}

/// A clock at a fixed instant and a fixed date, whatever the time zone (tests).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    pub millis: i64,
    pub today: CivilDate,
}

impl Clock for FixedClock {
    fn now_millis(&self) -> i64 {
        self.millis
    }

    fn today(&self) -> CivilDate {
        self.today
    }

    fn calendar(&self) -> throughline_store::Calendar {
        let today = self.today;
        std::sync::Arc::new(move || today)
    }
}

//! The wall clock, read only here: the domain and the store take times as
//! arguments so they stay deterministic.

use throughline_core::CivilDate;

pub fn now_millis() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// Today in the user's own time zone.
pub fn today() -> CivilDate {
    use chrono::Datelike;
    let local = chrono::Local::now().date_naive();
    CivilDate::new(local.year(), local.month(), local.day())
        .unwrap_or_else(|_| CivilDate::from_unix_millis(now_millis()))
}

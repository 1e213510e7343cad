//! Units of readings against the units of the kill criteria they are judged
//! by. A spreadsheet says its unit in a column header ("Activation (%)"), in
//! its cells ("18%"), or not at all — and a sheet formatted as percent
//! exports 18% as 0.18, which a "below 20%" criterion would read as a
//! collapse. Only units recognised on both sides are compared; a unit this
//! module does not know is never called a mismatch.

/// The kinds of unit a threshold and a reading can be told apart by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Percent,
    PercentagePoints,
    /// A currency, by its symbol or code ("$", "usd", "€", "eur"…).
    Currency(&'static str),
    /// A span of time ("day", "week"…).
    Time(&'static str),
}

impl UnitKind {
    /// What a person calls this unit in a message.
    pub(crate) fn name(&self) -> String {
        match self {
            UnitKind::Percent => "%".into(),
            UnitKind::PercentagePoints => "percentage points".into(),
            UnitKind::Currency(code) => (*code).into(),
            UnitKind::Time(span) => format!("{span}s"),
        }
    }
}

const CURRENCIES: &[(&[&str], &str)] = &[
    (&["$", "usd", "dollar", "dollars", "us$"], "USD"),
    (&["€", "eur", "euro", "euros"], "EUR"),
    (&["£", "gbp", "pound", "pounds"], "GBP"),
    (&["¥", "jpy", "yen"], "JPY"),
    (&["₹", "inr", "rupee", "rupees"], "INR"),
];

const TIME_SPANS: &[(&[&str], &str)] = &[
    (&["s", "sec", "secs", "second", "seconds"], "second"),
    (&["min", "mins", "minute", "minutes"], "minute"),
    (&["h", "hr", "hrs", "hour", "hours"], "hour"),
    (&["d", "day", "days"], "day"),
    (&["wk", "wks", "week", "weeks"], "week"),
    (&["mo", "month", "months"], "month"),
];

/// The kind of a unit as a person writes it, when it is one we know:
/// "%", "% of trials", "percent", "pp", "points", "$", "EUR", "days"…
pub(crate) fn classify(unit: &str) -> Option<UnitKind> {
    let unit = unit.trim().to_lowercase();
    let first = unit.split_whitespace().next().unwrap_or("");
    if ["pp", "pts", "pt", "points", "% points", "%pts", "% pts"].contains(&unit.as_str())
        || unit.starts_with("percentage point")
    {
        return Some(UnitKind::PercentagePoints);
    }
    if unit.starts_with('%')
        || ["percent", "pct", "per cent"]
            .iter()
            .any(|p| unit.starts_with(p))
    {
        return Some(UnitKind::Percent);
    }
    for (names, code) in CURRENCIES {
        if names.contains(&first) || names.contains(&unit.as_str()) {
            return Some(UnitKind::Currency(code));
        }
    }
    for (names, span) in TIME_SPANS {
        if names.contains(&unit.as_str()) {
            return Some(UnitKind::Time(span));
        }
    }
    None
}

/// Splits a column header into the metric and the unit it names at its end
/// in brackets — "Sharing activation (%)" is "Sharing activation" in % —
/// when the bracket holds a unit we know. "Activation (7-day)" stays whole.
pub(crate) fn split_header(header: &str) -> (String, Option<UnitKind>) {
    let header = header.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(inner) = header.strip_suffix(close) {
            if let Some(at) = inner.rfind(open) {
                let name = inner[..at].trim();
                if let (false, Some(kind)) = (name.is_empty(), classify(&inner[at + 1..])) {
                    return (name.to_owned(), Some(kind));
                }
            }
        }
    }
    (header.to_owned(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_recognised_as_people_write_them() {
        for percent in ["%", "% of trials", "percent", "Pct", " % "] {
            assert_eq!(classify(percent), Some(UnitKind::Percent), "{percent}");
        }
        for points in ["pp", "points", "percentage points", "% points"] {
            assert_eq!(
                classify(points),
                Some(UnitKind::PercentagePoints),
                "{points}"
            );
        }
        assert_eq!(classify("$"), Some(UnitKind::Currency("USD")));
        assert_eq!(classify("USD"), Some(UnitKind::Currency("USD")));
        assert_eq!(classify("€ per seat"), Some(UnitKind::Currency("EUR")));
        assert_eq!(classify("days"), Some(UnitKind::Time("day")));
        for unknown in ["", "users", "teams", "NPS", "7-day", "x"] {
            assert_eq!(classify(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn a_header_gives_its_unit_only_when_the_bracket_holds_one() {
        assert_eq!(
            split_header("Sharing activation (%)"),
            ("Sharing activation".into(), Some(UnitKind::Percent))
        );
        assert_eq!(
            split_header("Revenue [EUR]"),
            ("Revenue".into(), Some(UnitKind::Currency("EUR")))
        );
        assert_eq!(
            split_header("Activation (7-day)"),
            ("Activation (7-day)".into(), None)
        );
        assert_eq!(split_header("(%)"), ("(%)".into(), None));
        assert_eq!(split_header("Trials"), ("Trials".into(), None));
    }
}

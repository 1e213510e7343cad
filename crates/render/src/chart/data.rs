//! The chart's data made safe to draw: clean labels, finite numbers only,
//! the highlight resolved, and the unit understood.

use throughline_core::chart_reading::{headline, Better, ChartReading, Headline};
use throughline_core::ChartSpec;

use super::wide::Wide;
use crate::svg::{clip_chars, xml_safe};

const MAX_LABEL_CHARS: usize = 48;

#[derive(Debug, Clone, PartialEq)]
pub enum Unit {
    None,
    /// Values are percentages; differences are in points.
    Percent,
    /// A currency sign written before the number.
    Prefix(String),
    /// A currency in a scale: "$k", "£m", "€bn" read "$12k", "£3.4m".
    Scaled {
        sign: String,
        scale: String,
    },
    /// Any other unit, written after the number.
    Suffix(String),
}

impl Unit {
    pub fn parse(unit: Option<&str>) -> Self {
        let text = xml_safe(unit.unwrap_or("").trim());
        match text.as_str() {
            "" => Unit::None,
            "%" | "percent" | "pct" => Unit::Percent,
            "$" | "€" | "£" | "¥" | "₹" => Unit::Prefix(text),
            _ => scaled_money(&text).unwrap_or_else(|| Unit::Suffix(clip_chars(&text, 16))),
        }
    }
}

/// "$k", "£m", "€bn", "$ M": a currency sign and a scale word.
fn scaled_money(text: &str) -> Option<Unit> {
    let sign = text.chars().next().filter(|c| "$€£¥₹".contains(*c))?;
    let scale = text[sign.len_utf8()..].trim();
    matches!(
        scale.to_lowercase().as_str(),
        "k" | "m" | "mn" | "bn" | "b" | "t" | "tn"
    )
    .then(|| Unit::Scaled {
        sign: sign.to_string(),
        scale: scale.to_owned(),
    })
}

#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

impl Series {
    pub fn points(&self) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
    }

    pub fn first(&self) -> Option<(usize, f64)> {
        self.points().next()
    }

    pub fn last(&self) -> Option<(usize, f64)> {
        self.points().last()
    }
}

#[derive(Debug, Clone)]
pub struct ChartData {
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    pub highlight_series: Option<usize>,
    pub highlight_category: Option<usize>,
    pub unit: Unit,
    /// Differences are in percentage points ([`ChartReading::in_points`]).
    pub in_points: bool,
    pub better: Better,
    /// The two values the headline compares ([`headline`]).
    pub headline: Option<Headline>,
    /// What the rows are, as the table's first header names them
    /// ("Region"): "all regions" in a headline summed over them.
    pub rows_name: String,
    /// NaN and infinite values left out.
    pub skipped_values: usize,
}

impl ChartData {
    /// The data of `spec`, its highlight and units as `reading` says
    /// ([`throughline_core::chart_reading::read_chart`]).
    pub fn from_spec(spec: &ChartSpec, reading: &ChartReading) -> Self {
        let clean = |text: &str| clip_chars(xml_safe(text).trim(), MAX_LABEL_CHARS);
        let names = spec.data.series_names();
        let mut skipped = 0;
        let series: Vec<Series> = names
            .iter()
            .enumerate()
            .map(|(column, name)| Series {
                name: clean(name),
                values: spec
                    .data
                    .rows
                    .iter()
                    .map(|row| match row.values.get(column).copied().flatten() {
                        Some(v) if v.is_finite() => Some(v),
                        Some(_) => {
                            skipped += 1;
                            None
                        }
                        None => None,
                    })
                    .collect(),
            })
            .collect();
        let labels: Vec<String> = spec.data.rows.iter().map(|row| clean(&row.label)).collect();
        let wanted = reading
            .highlight
            .as_deref()
            .map(|h| clean(h).to_lowercase());
        let find = |items: &[String]| {
            wanted
                .as_deref()
                .and_then(|w| items.iter().position(|item| item.to_lowercase() == w))
        };
        let series_names: Vec<String> = series.iter().map(|s| s.name.clone()).collect();
        let highlight_series = find(&series_names);
        let highlight_category = if highlight_series.is_none() {
            find(&labels)
        } else {
            None
        };
        Self {
            labels,
            highlight_series: highlight_series
                .or_else(|| highlight_category.map(|_| 0))
                .or_else(|| (!series.is_empty()).then_some(0)),
            highlight_category,
            series,
            unit: Unit::parse(spec.unit.as_deref()),
            in_points: reading.in_points,
            better: reading.better,
            headline: headline(spec, reading),
            rows_name: spec
                .data
                .header
                .first()
                .map(|name| clean(name))
                .unwrap_or_default(),
            skipped_values: skipped,
        }
    }

    pub fn highlighted(&self) -> Option<&Series> {
        self.series.get(self.highlight_series?)
    }

    pub fn finite_values(&self) -> impl Iterator<Item = f64> + '_ {
        self.series
            .iter()
            .flat_map(|s| s.values.iter().flatten().copied())
    }
}

/// A number as the chart writes it: compact (12.3k, 4.5M), with its unit.
pub fn format_value(value: f64, unit: &Unit) -> String {
    let number = compact(value);
    match unit {
        Unit::None => number,
        Unit::Percent => format!("{number}%"),
        Unit::Prefix(sign) => {
            if let Some(rest) = number.strip_prefix('-') {
                format!("-{sign}{rest}")
            } else {
                format!("{sign}{number}")
            }
        }
        Unit::Scaled { sign, scale } => {
            let (minus, digits) = match number.strip_prefix('-') {
                Some(rest) => ("-", rest),
                None => ("", number.as_str()),
            };
            format!("{minus}{sign}{digits}{scale}")
        }
        Unit::Suffix(text) => format!("{number} {text}"),
    }
}

/// 1234 → "1.2k", 0.4567 → "0.46", 41 → "41", 12.5 → "12.5"; sizes from
/// 10¹⁵ up and below 10⁻⁴ in scientific notation (1.6e308, 5e-324).
pub fn compact(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let magnitude = value.abs();
    if magnitude >= 1e15 || (magnitude > 0.0 && magnitude < 1e-4) {
        return Wide::new(value).scientific();
    }
    let (scaled, suffix) = if magnitude >= 1e12 {
        (value / 1e12, "T")
    } else if magnitude >= 1e9 {
        (value / 1e9, "B")
    } else if magnitude >= 1e6 {
        (value / 1e6, "M")
    } else if magnitude >= 1e4 {
        (value / 1e3, "k")
    } else {
        (value, "")
    };
    let text = format!("{scaled:.decimals$}", decimals = decimals(scaled));
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    };
    let text = if text == "-0" { "0".to_owned() } else { text };
    format!("{text}{suffix}")
}

/// Enough decimals for two or three significant figures.
fn decimals(scaled: f64) -> usize {
    let magnitude = scaled.abs();
    if magnitude >= 100.0 || scaled.fract() == 0.0 {
        0
    } else if magnitude >= 10.0 {
        1
    } else if magnitude >= 0.01 {
        2
    } else {
        // 0.0042 → 4 decimals; `compact` sends nothing below 1e-4 here.
        (1.0 - magnitude.log10().floor()).clamp(2.0, 6.0) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_compact_and_carry_their_unit() {
        assert_eq!(compact(41.0), "41");
        assert_eq!(compact(12.26), "12.3");
        assert_eq!(compact(1_234_567.0), "1.23M");
        assert_eq!(compact(45_600.0), "45.6k");
        assert_eq!(format_value(41.0, &Unit::Percent), "41%");
        assert_eq!(format_value(-1200.7, &Unit::Prefix("$".into())), "-$1201");
        assert_eq!(format_value(3.0, &Unit::Suffix("users".into())), "3 users");
        assert_eq!(format_value(12.0, &Unit::parse(Some("$k"))), "$12k");
        assert_eq!(format_value(-3.4, &Unit::parse(Some("£m"))), "-£3.4m");
        assert_eq!(format_value(1.25, &Unit::parse(Some("€bn"))), "€1.25bn");
        assert_eq!(
            format_value(2.0, &Unit::parse(Some("$ per user"))),
            "2 $ per user"
        );
        assert_eq!(compact(0.0042), "0.0042");
        assert_eq!(compact(2.5e12), "2.5T");
    }

    #[test]
    fn extreme_numbers_are_written_in_scientific_notation() {
        assert_eq!(compact(1.6e308), "1.6e308");
        assert_eq!(compact(-f64::MAX), "-1.8e308");
        assert_eq!(compact(5e-324), "4.94e-324");
        assert_eq!(compact(f64::MIN_POSITIVE), "2.23e-308");
        assert_eq!(compact(0.0), "0");
        assert_eq!(format_value(1e300, &Unit::Prefix("$".into())), "$1e300");
    }
}

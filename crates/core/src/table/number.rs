//! Reading a number the way a spreadsheet displays it, and writing one back
//! plainly.
//!
//! A cell is read in three steps:
//! 1. *decorations* come off, each at most once and in any order: a sign
//!    (`+`, `-`, the Unicode minus `−`, an en dash), parentheses for a
//!    negative (`(12)`), a currency sign (`$ € £ ¥ ₹ …`) or a three-letter
//!    currency code (`USD 12`, `12 EUR`), a `%` (the value stays in percent
//!    units: `14%` is 14), and a `k`/`M`/`B` multiplier (case-insensitive,
//!    also `bn` and `mn`);
//! 2. the *core* that remains must be digits with at most one decimal
//!    separator and, before it, correctly grouped thousands separators
//!    (groups of three; spaces, no-break spaces and thin spaces always
//!    count as group separators), optionally followed by an exponent
//!    (`1.2E+06`, as a narrow Excel column shows);
//! 3. the result must be finite.
//!
//! Nothing else is accepted: `NaN`, `inf`, `#DIV/0!` and `N/A` are errors,
//! never numbers. Neither is a cell holding a bidi control anywhere (an
//! isolate U+2066–U+2069, a mark U+200E, U+200F or U+061C, or an override
//! U+202A–U+202E if one reaches here): `1\u{2066}0` shows as "10" but is
//! not the number 10, so it is refused rather than read either way.

use crate::text::has_bidi_control;

/// Which character separates the decimals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DecimalSeparator {
    /// `1,234.5`
    Point,
    /// `1.234,5`
    Comma,
}

impl DecimalSeparator {
    fn decimal(self) -> char {
        match self {
            DecimalSeparator::Point => '.',
            DecimalSeparator::Comma => ',',
        }
    }

    fn group(self) -> char {
        match self {
            DecimalSeparator::Point => ',',
            DecimalSeparator::Comma => '.',
        }
    }

    fn other(self) -> Self {
        match self {
            DecimalSeparator::Point => DecimalSeparator::Comma,
            DecimalSeparator::Comma => DecimalSeparator::Point,
        }
    }
}

/// Why a cell is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberProblem {
    /// Not a number at all.
    NotANumber,
    /// A spreadsheet's word for "no value": `NaN`, `N/A`, `#DIV/0!`…
    Missing,
    /// A number too large to hold.
    TooLarge,
    /// A cell holding an invisible text-direction control.
    DirectionControl,
    /// A number written with the other decimal separator.
    OtherSeparator(DecimalSeparator),
}

impl NumberProblem {
    pub(crate) fn hint(self) -> &'static str {
        match self {
            NumberProblem::NotANumber => "",
            NumberProblem::Missing => ": leave the cell empty to mark a gap",
            NumberProblem::TooLarge => ": it is too large",
            NumberProblem::DirectionControl => {
                ": it holds an invisible text-direction character that can make it show as \
                 another number; type the number again"
            }
            NumberProblem::OtherSeparator(DecimalSeparator::Point) => {
                ": the other numbers in this data use a decimal point (1,234.5)"
            }
            NumberProblem::OtherSeparator(DecimalSeparator::Comma) => {
                ": the other numbers in this data use a decimal comma (1.234,5)"
            }
        }
    }
}

/// Words spreadsheets show instead of a value.
const MISSING_WORDS: [&str; 22] = [
    "nan",
    "-nan",
    "inf",
    "-inf",
    "+inf",
    "infinity",
    "-infinity",
    "+infinity",
    "∞",
    "n/a",
    "#n/a",
    "na",
    "#div/0!",
    "#value!",
    "#ref!",
    "#num!",
    "#name?",
    "#null!",
    "null",
    "none",
    "-",
    "—",
];

const CURRENCY_SIGNS: [&str; 13] = [
    "US$", "CA$", "AU$", "R$", "$", "€", "£", "¥", "₹", "₩", "₽", "₺", "₪",
];

const CURRENCY_CODES: [&str; 28] = [
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK",
    "DKK", "PLN", "CZK", "HUF", "BRL", "MXN", "ZAR", "SGD", "HKD", "KRW", "RUB", "TRY", "ILS",
    "AED", "SAR",
];

/// A cell with its decorations taken off.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Shape<'a> {
    negative: bool,
    core: &'a str,
    multiplier: f64,
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

fn strip_sign(s: &str) -> Option<(&str, bool)> {
    let mut chars = s.chars();
    let negative = match chars.next()? {
        '+' => false,
        '-' | '−' | '–' => true,
        _ => return None,
    };
    Some((chars.as_str(), negative))
}

fn strip_currency_prefix(s: &str) -> Option<&str> {
    if let Some(rest) = CURRENCY_SIGNS.iter().find_map(|sign| s.strip_prefix(sign)) {
        return Some(rest);
    }
    let code = s.get(..3)?;
    let rest = s.get(3..)?;
    let is_code = CURRENCY_CODES
        .iter()
        .any(|known| known.eq_ignore_ascii_case(code));
    let next_is_letter = rest.chars().next().is_some_and(char::is_alphabetic);
    (is_code && !next_is_letter).then_some(rest)
}

fn strip_currency_suffix(s: &str) -> Option<&str> {
    if let Some(rest) = CURRENCY_SIGNS.iter().find_map(|sign| s.strip_suffix(sign)) {
        return Some(rest);
    }
    let split = s.len().checked_sub(3)?;
    let rest = s.get(..split)?;
    let code = s.get(split..)?;
    let is_code = CURRENCY_CODES
        .iter()
        .any(|known| known.eq_ignore_ascii_case(code));
    let before_is_letter = rest.chars().next_back().is_some_and(char::is_alphabetic);
    (is_code && !before_is_letter).then_some(rest)
}

fn strip_multiplier(s: &str) -> Option<(&str, f64)> {
    let lower_suffixes: [(&str, f64); 5] =
        [("bn", 1e9), ("mn", 1e6), ("k", 1e3), ("m", 1e6), ("b", 1e9)];
    for (suffix, factor) in lower_suffixes {
        let Some(split) = s.len().checked_sub(suffix.len()) else {
            continue;
        };
        let (Some(rest), Some(tail)) = (s.get(..split), s.get(split..)) else {
            continue;
        };
        if !tail.eq_ignore_ascii_case(suffix) {
            continue;
        }
        let before_ok = rest
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',' || c.is_whitespace());
        if before_ok {
            return Some((rest, factor));
        }
    }
    None
}

/// Takes the decorations off a cell; `None` if nothing is left.
fn shape(cell: &str) -> Option<Shape<'_>> {
    let mut s = cell.trim();
    let mut negative = false;
    let (mut signed, mut parenthesized, mut currency, mut percent) = (false, false, false, false);
    let mut multiplier = None;
    loop {
        let before = s.len();
        if !signed && !parenthesized {
            if let Some(inner) = s.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
                parenthesized = true;
                negative = true;
                s = inner.trim();
            }
        }
        if !signed && !parenthesized {
            if let Some((rest, is_negative)) = strip_sign(s) {
                signed = true;
                negative = is_negative;
                s = rest.trim_start();
            }
        }
        if !currency {
            if let Some(rest) = strip_currency_prefix(s) {
                currency = true;
                s = rest.trim_start();
            } else if let Some(rest) = strip_currency_suffix(s) {
                currency = true;
                s = rest.trim_end();
            }
        }
        if !percent {
            if let Some(rest) = s.strip_suffix('%') {
                percent = true;
                s = rest.trim_end();
            }
        }
        if multiplier.is_none() {
            if let Some((rest, factor)) = strip_multiplier(s) {
                multiplier = Some(factor);
                s = rest.trim_end();
            }
        }
        if s.len() == before {
            break;
        }
    }
    if s.is_empty() {
        return None;
    }
    Some(Shape {
        negative,
        core: s,
        multiplier: multiplier.unwrap_or(1.0),
    })
}

/// Splits `1.5e-3` into `1.5` and `-3`; a trailing `e` that is not followed
/// by digits stays in the mantissa (and makes it invalid).
fn split_exponent(core: &str) -> (&str, Option<&str>) {
    if let Some((mantissa, exponent)) = core.split_once(['e', 'E']) {
        let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
            return (mantissa, Some(exponent));
        }
    }
    (core, None)
}

/// The digits of an integer part, thousands separators removed after
/// checking that they group by three.
fn integer_digits(int: &str, group: char) -> Option<String> {
    if int.chars().all(|c| c.is_ascii_digit()) {
        return Some(int.to_owned());
    }
    let mut separator_is_space = None;
    for c in int.chars().filter(|c| !c.is_ascii_digit()) {
        let is_space = if c == group {
            false
        } else if is_group_space(c) {
            true
        } else {
            return None;
        };
        if *separator_is_space.get_or_insert(is_space) != is_space {
            return None;
        }
    }
    let mut digits = String::with_capacity(int.len());
    for (i, part) in int
        .split(|c: char| c == group || is_group_space(c))
        .enumerate()
    {
        let len = part.len();
        let fits = if i == 0 {
            (1..=3).contains(&len)
        } else {
            len == 3
        };
        if !fits || !part.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(part);
    }
    Some(digits)
}

fn parse_core(core: &str, separator: DecimalSeparator) -> Option<f64> {
    let (mantissa, exponent) = split_exponent(core);
    let mut parts = mantissa.split(separator.decimal());
    let int = parts.next()?;
    let fraction = parts.next().unwrap_or("");
    if parts.next().is_some() || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let int = integer_digits(int, separator.group())?;
    if int.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut plain = String::with_capacity(int.len() + fraction.len() + 8);
    plain.push_str(if int.is_empty() { "0" } else { &int });
    if !fraction.is_empty() {
        plain.push('.');
        plain.push_str(fraction);
    }
    if let Some(exponent) = exponent {
        plain.push('e');
        plain.push_str(exponent);
    }
    plain.parse::<f64>().ok()
}

/// Reads one value cell. `Ok(None)` is an empty cell (a gap).
pub(crate) fn parse_number(
    cell: &str,
    separator: DecimalSeparator,
) -> Result<Option<f64>, NumberProblem> {
    let trimmed = cell.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if has_bidi_control(trimmed) {
        return Err(NumberProblem::DirectionControl);
    }
    let missing = || {
        let lower = trimmed.to_lowercase();
        if MISSING_WORDS.contains(&lower.as_str()) {
            NumberProblem::Missing
        } else {
            NumberProblem::NotANumber
        }
    };
    let Some(shape) = shape(trimmed) else {
        return Err(missing());
    };
    let Some(magnitude) = parse_core(shape.core, separator) else {
        return Err(if parse_core(shape.core, separator.other()).is_some() {
            NumberProblem::OtherSeparator(separator)
        } else {
            missing()
        });
    };
    let value = magnitude * shape.multiplier;
    if !value.is_finite() {
        return Err(NumberProblem::TooLarge);
    }
    Ok(Some(if shape.negative { -value } else { value }))
}

/// Whether a cell reads as a number with either decimal separator.
pub(crate) fn is_number(cell: &str) -> bool {
    [DecimalSeparator::Point, DecimalSeparator::Comma]
        .into_iter()
        .any(|separator| matches!(parse_number(cell, separator), Ok(Some(_))))
}

/// Which decimal separator a cell proves, if any. `1,5`, `1.234,5` and
/// `1.234.567` prove a decimal comma; `1.5`, `1,234.5` and `1,234,567` prove a
/// decimal point; `1,234` and `1.234` prove nothing (they read either way).
pub(crate) fn separator_evidence(cell: &str) -> Option<DecimalSeparator> {
    if has_bidi_control(cell) {
        return None;
    }
    let shape = shape(cell.trim())?;
    let (mantissa, _) = split_exponent(shape.core);
    let last_dot = mantissa.rfind('.');
    let last_comma = mantissa.rfind(',');
    let single_proves = |sep: char, proves: DecimalSeparator| {
        let (int, fraction) = mantissa.split_once(sep)?;
        let int_digits = int.trim_start_matches('0');
        let could_be_grouping = fraction.len() == 3
            && !int_digits.is_empty()
            && int.len() <= 3
            && int.chars().all(|c| c.is_ascii_digit());
        (!could_be_grouping).then_some(proves)
    };
    match (last_dot, last_comma) {
        (None, None) => None,
        (Some(dot), Some(comma)) => Some(if dot > comma {
            DecimalSeparator::Point
        } else {
            DecimalSeparator::Comma
        }),
        (Some(_), None) => {
            if mantissa.matches('.').count() > 1 {
                Some(DecimalSeparator::Comma)
            } else {
                single_proves('.', DecimalSeparator::Point)
            }
        }
        (None, Some(_)) => {
            if mantissa.matches(',').count() > 1 {
                Some(DecimalSeparator::Point)
            } else {
                single_proves(',', DecimalSeparator::Comma)
            }
        }
    }
}

/// The plain form of a value for the canonical export: the shortest text
/// that reads back as the same number, without separators or suffixes.
/// A value that is not finite (only possible in a table built in code) is
/// written as an empty cell.
pub fn format_number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSeparator::{Comma, Point};

    #[test]
    fn reads_spreadsheet_numbers() {
        let cases: &[(&str, DecimalSeparator, f64)] = &[
            ("12", Point, 12.0),
            ("  12  ", Point, 12.0),
            ("1,234,567", Point, 1_234_567.0),
            ("1,234.5", Point, 1234.5),
            ("1.234.567,8", Comma, 1_234_567.8),
            ("1 234,5", Comma, 1234.5),
            ("1\u{a0}234,5", Comma, 1234.5),
            ("1\u{202f}234\u{202f}567", Comma, 1_234_567.0),
            ("1 234.5", Point, 1234.5),
            ("14%", Point, 14.0),
            ("14 %", Point, 14.0),
            ("-3.5%", Point, -3.5),
            ("$1.2M", Point, 1_200_000.0),
            ("1.2k", Point, 1200.0),
            ("1.2K", Point, 1200.0),
            ("3b", Point, 3e9),
            ("2.5bn", Point, 2.5e9),
            ("€1,5 M", Comma, 1_500_000.0),
            ("12 €", Comma, 12.0),
            ("£7", Point, 7.0),
            ("¥1,000", Point, 1000.0),
            ("₹ 99", Point, 99.0),
            ("USD 12", Point, 12.0),
            ("12 eur", Point, 12.0),
            ("12USD", Point, 12.0),
            ("+4", Point, 4.0),
            ("-4", Point, -4.0),
            ("−4", Point, -4.0),
            ("(12)", Point, -12.0),
            ("($1,200)", Point, -1200.0),
            ("$(12)", Point, -12.0),
            ("-$12", Point, -12.0),
            ("$-12", Point, -12.0),
            (".5", Point, 0.5),
            ("0,5", Comma, 0.5),
            ("12.", Point, 12.0),
            ("1.2E+06", Point, 1_200_000.0),
            ("1e-3", Point, 0.001),
        ];
        for &(cell, separator, expected) in cases {
            let got = parse_number(cell, separator);
            assert_eq!(got, Ok(Some(expected)), "{cell:?} with {separator:?}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        let cases: &[(&str, DecimalSeparator, NumberProblem)] = &[
            ("NaN", Point, NumberProblem::Missing),
            ("inf", Point, NumberProblem::Missing),
            ("-Infinity", Point, NumberProblem::Missing),
            ("#DIV/0!", Point, NumberProblem::Missing),
            ("N/A", Point, NumberProblem::Missing),
            ("n/a", Point, NumberProblem::Missing),
            ("abc", Point, NumberProblem::NotANumber),
            ("12 apples", Point, NumberProblem::NotANumber),
            ("1,2,3", Comma, NumberProblem::NotANumber),
            ("1,23,456", Point, NumberProblem::NotANumber),
            ("1.2.3", Point, NumberProblem::NotANumber),
            ("(-12)", Point, NumberProblem::NotANumber),
            ("--12", Point, NumberProblem::NotANumber),
            ("12%%", Point, NumberProblem::NotANumber),
            ("$", Point, NumberProblem::NotANumber),
            ("k", Point, NumberProblem::NotANumber),
            ("1e", Point, NumberProblem::NotANumber),
            ("1 234,5 678", Comma, NumberProblem::NotANumber),
            ("1e400", Point, NumberProblem::TooLarge),
            ("12,5", Point, NumberProblem::OtherSeparator(Point)),
            ("12.5", Comma, NumberProblem::OtherSeparator(Comma)),
            ("1\u{2066}0", Point, NumberProblem::DirectionControl),
            ("\u{2067}12\u{2069}", Point, NumberProblem::DirectionControl),
            ("\u{200F}12%", Point, NumberProblem::DirectionControl),
            ("1\u{200E}234", Point, NumberProblem::DirectionControl),
            ("\u{202E}09\u{202C}", Point, NumberProblem::DirectionControl),
        ];
        for &(cell, separator, problem) in cases {
            assert_eq!(
                parse_number(cell, separator),
                Err(problem),
                "{cell:?} with {separator:?}"
            );
        }
    }

    #[test]
    fn empty_cells_are_gaps() {
        assert_eq!(parse_number("", Point), Ok(None));
        assert_eq!(parse_number(" \u{a0} ", Comma), Ok(None));
    }

    #[test]
    fn evidence_for_the_decimal_separator() {
        assert_eq!(separator_evidence("1,5"), Some(Comma));
        assert_eq!(separator_evidence("1.234,5"), Some(Comma));
        assert_eq!(separator_evidence("1.234.567"), Some(Comma));
        assert_eq!(separator_evidence("1.5"), Some(Point));
        assert_eq!(separator_evidence("0.125"), Some(Point));
        assert_eq!(separator_evidence("1234.567"), Some(Point));
        assert_eq!(separator_evidence("1,234.5"), Some(Point));
        assert_eq!(separator_evidence("1,234,567"), Some(Point));
        assert_eq!(separator_evidence("1,234"), None);
        assert_eq!(separator_evidence("1.234"), None);
        assert_eq!(separator_evidence("12"), None);
        assert_eq!(separator_evidence("abc"), None);
    }

    #[test]
    fn plain_numbers_round_trip() {
        for value in [0.1, 0.1 + 0.2, -0.0, 1e300, 5e-324, 1234.5, -7.0, 1e21] {
            let text = format_number(value);
            assert!(!text.contains(['e', 'E', ',']), "{text}");
            assert_eq!(parse_number(&text, Point), Ok(Some(value)));
        }
        assert_eq!(format_number(0.1), "0.1");
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(f64::NAN), "");
    }
}

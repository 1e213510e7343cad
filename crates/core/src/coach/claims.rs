//! Numbers claimed as a change ("rose 14%", "down 3 points", "+9 pts") and
//! the changes the chart's data actually shows. A claim matches when the
//! relative change or the change in points rounds to it (at the claim's own
//! precision), in the claimed direction.

use super::text::{words, Word};
use crate::text::has_bidi_control;
use crate::{ChartSpec, DataTable};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The number as written (without sign).
    pub value: f64,
    /// Digits after the decimal point, as written.
    pub decimals: usize,
    pub direction: Direction,
    /// `[start, end)` in chars: the direction word (when before) to the unit.
    pub span: [usize; 2],
    pub text: String,
    /// For a change in words ("halved", "by two-thirds"): the relative
    /// changes, signed and in %, it allows. Such a claim is checked
    /// against relative changes only.
    pub bounds: Option<ClaimBounds>,
    /// Written in points ("3 points", "from 10% to 14%"): a change in
    /// points, never a relative one.
    pub in_points: bool,
}

/// The signed relative changes (in %) a worded claim allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClaimBounds {
    pub low: f64,
    pub high: f64,
}

/// Words of change, rising and falling, as the claims read them.
pub(crate) const UP_OR_DOWN: (&[&str], &[&str]) = (UP, DOWN);

#[rustfmt::skip]
const UP: &[&str] = &[
    "rose", "rise", "rises", "risen", "rising", "grew", "grow", "grows", "grown", "growing", "up",
    "increase", "increased", "increases", "increasing", "jump", "jumped", "jumps", "climb",
    "climbed", "climbs", "improve", "improved", "improves", "lift", "lifted", "lifts", "boost",
    "boosted", "boosts", "gain", "gained", "gains", "higher", "raise", "raised", "raises", "uplift",
    "growth",
];
#[rustfmt::skip]
const DOWN: &[&str] = &[
    "fell", "fall", "falls", "fallen", "falling", "drop", "dropped", "drops", "declined", "decline",
    "declines", "decrease", "decreased", "decreases", "down", "cut", "cuts", "reduce", "reduced",
    "reduces", "reduction", "lower", "lowered", "shrank", "shrink", "shrinks", "shrunk", "slid",
    "slipped", "halved", "slashed", "slashes", "slash",
];
const POINT_WORDS: &[&str] = &["points", "point", "pts", "pt", "pp", "percentage"];
/// A number right after these is a level ("from 10%", "to 14%", "at 41%"),
/// not a change; a direction word before them does not reach past them.
#[rustfmt::skip]
const LEVEL_WORDS: &[&str] = &[
    "from", "to", "at", "of", "than", "over", "vs", "versus", "against", "is", "was", "were",
    "reached", "hit", "the", "a", "an", "only", "just", "about", "around", "nearly",
];

/// The change claims in a text: in digits ("rose 14%") and in words
/// ("doubled", "fell by two-thirds"), in the order written.
pub fn claims(text: &str) -> Vec<Claim> {
    let mut out = digit_claims(text);
    out.extend(super::worded_claims::worded_claims(text));
    out.sort_by_key(|claim| claim.span[0]);
    out
}

/// The change claims written with a number and a unit.
fn digit_claims(text: &str) -> Vec<Claim> {
    let all: Vec<Word<'_>> = words(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (index, word) in all.iter().enumerate() {
        let Some(value) = parse_number(word.text).or_else(|| number_word_value(word.text)) else {
            continue;
        };
        let after = chars.get(word.end).copied();
        let (unit_end, is_claim_unit) = if after == Some('%') {
            (word.end + 1, true)
        } else if let Some(unit) = unit_words(&all, index + 1) {
            (all.get(unit).map_or(word.end, |w| w.end), true)
        } else {
            (word.end, false)
        };
        let unit_word = all
            .get(index + 1)
            .filter(|w| w.end <= unit_end)
            .map(Word::lower);
        let basis_points = matches!(unit_word.as_deref(), Some("basis" | "bps" | "bp"));
        let in_points = basis_points
            || unit_word.as_deref().is_some_and(|unit| {
                POINT_WORDS.contains(&unit) && unit != "percentage"
                    || unit == "percentage"
                        && all
                            .get(index + 2)
                            .is_some_and(|p| p.lower().starts_with("point"))
            });
        // 720 basis points are 7.2 points.
        let (value, decimals_shift) = if basis_points {
            (value / 100.0, 2)
        } else {
            (value, 0)
        };
        if !is_claim_unit {
            continue;
        }
        let sign = word
            .start
            .checked_sub(1)
            .and_then(|i| chars.get(i))
            .copied();
        let mut direction = match sign {
            Some('+') => Some(Direction::Up),
            Some('-' | '−' | '–') => Some(Direction::Down),
            _ => None,
        };
        let mut start = if direction.is_some() {
            word.start - 1
        } else {
            word.start
        };
        let previous = index
            .checked_sub(1)
            .and_then(|i| all.get(i))
            .map(|w| w.text.to_lowercase());
        if direction.is_none() && previous.as_deref() == Some("from") {
            // "from 10% to 14%": one claim, the change in points.
            if let Some(claim) = from_to_claim(&all, &chars, index, value) {
                out.push(claim);
            }
            continue;
        }
        let after_level_word = previous
            .as_deref()
            .is_some_and(|p| LEVEL_WORDS.contains(&p));
        if direction.is_none() && !after_level_word {
            // A direction word shortly before ("rose by 14%") …
            for back in (index.saturating_sub(5)..index).rev() {
                let lower = all[back].text.to_lowercase();
                let followed_by_to = all
                    .get(back + 1)
                    .is_some_and(|w| w.text.eq_ignore_ascii_case("to"));
                // "up to 40%" is a cap, not a change; "made up 8%" a share.
                let made_up = lower == "up"
                    && back.checked_sub(1).is_some_and(|b| {
                        matches!(
                            all[b].lower().as_str(),
                            "made" | "make" | "makes" | "making"
                        )
                    });
                if let Some(found) = direction_of(&lower).filter(|_| !followed_by_to && !made_up) {
                    direction = Some(found);
                    start = all[back].start;
                    break;
                }
                if between_is_sentence_end(&chars, all[back].end, word.start)
                    || LEVEL_WORDS.contains(&lower.as_str())
                {
                    break;
                }
            }
        }
        // After a word that makes it a level ("reached 11.8%"), not after
        // an article ("a 12% lift").
        let after_a_level_verb = previous.as_deref().is_some_and(|p| {
            matches!(
                p,
                "to" | "at"
                    | "of"
                    | "than"
                    | "is"
                    | "was"
                    | "were"
                    | "reached"
                    | "hit"
                    | "vs"
                    | "versus"
                    | "against"
            )
        });
        if direction.is_none() && !after_a_level_verb {
            // … or just after ("a 14% lift", "9 points higher"); never
            // for a level ("reached 11.8%, up 720 basis points": the
            // "up" is the next figure's).
            let skip = usize::from(unit_end > word.end + 1);
            for ahead in all.iter().skip(index + 1 + skip).take(2) {
                if let Some(found) = direction_of(&ahead.text.to_lowercase()) {
                    direction = Some(found);
                    break;
                }
            }
            // "Earning 644% more per day": more or less than before, unless
            // a comparison follows ("30% more than the target").
            let next = all.get(index + 1 + skip).map(Word::lower);
            let then = all.get(index + 2 + skip).map(Word::lower);
            if direction.is_none() && then.as_deref() != Some("than") {
                direction = match next.as_deref() {
                    Some("more") => Some(Direction::Up),
                    Some("less" | "fewer") => Some(Direction::Down),
                    _ => None,
                };
            }
        }
        let Some(direction) = direction else {
            continue;
        };
        out.push(Claim {
            value,
            decimals: word.text.split('.').nth(1).map_or(0, str::len) + decimals_shift,
            direction,
            span: [start, unit_end],
            text: span_text(&chars, start, unit_end),
            bounds: None,
            in_points,
        });
    }
    out
}

/// The last word of a unit written in words at `at`: "percent", "per
/// cent", "points", "percentage points".
fn unit_words(all: &[Word<'_>], at: usize) -> Option<usize> {
    let word = |i: usize| all.get(i).map(Word::lower);
    match word(at)?.as_str() {
        "percent" | "pct" => Some(at),
        "per" if word(at + 1).as_deref() == Some("cent") => Some(at + 1),
        "percentage" if word(at + 1).is_some_and(|w| w.starts_with("point")) => Some(at + 1),
        "basis" if word(at + 1).is_some_and(|w| w.starts_with("point")) => Some(at + 1),
        "bps" | "bp" => Some(at),
        unit if POINT_WORDS.contains(&unit) => Some(at),
        _ => None,
    }
}

/// The value of a number written in words, up to ninety-nine: "nine",
/// "twenty-five". ("One" counts here: "one point" is a number.)
pub(crate) fn number_word_value(text: &str) -> Option<f64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = text.to_lowercase();
    let value_of = |part: &str| -> Option<usize> {
        UNITS
            .iter()
            .position(|u| *u == part)
            .or_else(|| TENS.iter().position(|t| *t == part).map(|i| (i + 2) * 10))
    };
    match lower.split_once('-') {
        Some((tens, unit)) => {
            let tens = TENS.iter().position(|t| *t == tens)?;
            let unit = UNITS
                .iter()
                .position(|u| *u == unit)
                .filter(|u| (1..10).contains(u))?;
            Some(((tens + 2) * 10 + unit) as f64)
        }
        None => value_of(&lower).map(|v| v as f64),
    }
}

/// The text of a claim's span, as written.
pub(crate) fn span_text(chars: &[char], start: usize, end: usize) -> String {
    chars
        .get(start..end)
        .map(|c| c.iter().collect())
        .unwrap_or_default()
}

/// "from A to B" (both in % or points) claims the change B − A in points.
fn from_to_claim(all: &[Word<'_>], chars: &[char], index: usize, from: f64) -> Option<Claim> {
    let from_word = all.get(index)?;
    let unit_after = |word: &Word<'_>| chars.get(word.end) == Some(&'%');
    if !unit_after(from_word) {
        return None;
    }
    let to = all
        .get(index + 1)
        .filter(|w| w.text.eq_ignore_ascii_case("to"))?;
    let target = all.get(index + 2)?;
    let value = parse_number(target.text)?;
    let _ = to;
    let decimals = |w: &Word<'_>| w.text.split('.').nth(1).map_or(0, str::len);
    let start = all.get(index - 1)?.start;
    let end = target.end + usize::from(unit_after(target));
    Some(Claim {
        value: (value - from).abs(),
        decimals: decimals(from_word).max(decimals(target)),
        direction: if value >= from {
            Direction::Up
        } else {
            Direction::Down
        },
        span: [start, end],
        text: span_text(chars, start, end),
        bounds: None,
        in_points: true,
    })
}

fn direction_of(word: &str) -> Option<Direction> {
    if UP.contains(&word) {
        Some(Direction::Up)
    } else if DOWN.contains(&word) {
        Some(Direction::Down)
    } else {
        None
    }
}

fn between_is_sentence_end(chars: &[char], from: usize, to: usize) -> bool {
    chars
        .get(from..to)
        .is_some_and(|between| between.iter().any(|c| matches!(c, '.' | '!' | '?' | ';')))
}

/// A number as written in prose: digits, an optional decimal point and
/// thousands commas. A word holding a bidi control is not one: it may show
/// as another number than its digits read.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    if !text.chars().next()?.is_ascii_digit() || has_bidi_control(text) {
        return None;
    }
    let plain: String = text.chars().filter(|c| *c != ',').collect();
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A level a text claims a share reached: "to 11.4%", "at 41%", "reached
/// 9%", both ends of "from 9.1% to 10.4%".
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub value: f64,
    pub decimals: usize,
    pub span: [usize; 2],
    pub text: String,
}

const LEVEL_VERBS: &[&str] = &[
    "to", "reached", "reaches", "reach", "hit", "hits", "at", "from",
];
/// Words after a percentage that make it a test's certainty, not a level.
const CERTAINTY: &[&str] = &[
    "confidence",
    "confident",
    "significance",
    "significant",
    "probability",
    "chance",
    "certainty",
    "likelihood",
    "power",
    "credibility",
];
/// Allowed between the verb and the number: "to about 11%".
const APPROXIMATELY: &[&str] = &["about", "around", "roughly", "nearly", "almost", "just"];

/// The unit a level is written in: a share ("11.4%"), or an amount in
/// a scale the chart names ("4.6 million" over "users (millions)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelUnit {
    Percent,
    Scaled(&'static [&'static str]),
}

const MILLIONS: &[&str] = &["million", "millions", "m", "mn"];
const BILLIONS: &[&str] = &["billion", "billions", "bn", "b"];
const THOUSANDS: &[&str] = &["thousand", "thousands", "k"];

impl LevelUnit {
    /// The scale a chart's unit or series headers name, if any.
    pub fn scale_of(chart: &ChartSpec) -> Option<LevelUnit> {
        let named = chart
            .unit
            .iter()
            .chain(chart.data.series_names())
            .map(|name| name.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        [MILLIONS, BILLIONS, THOUSANDS]
            .into_iter()
            .find(|scale| named.contains(scale[0]))
            .map(LevelUnit::Scaled)
    }

    /// Where the unit after the number at `index` ends, if it is this
    /// unit: "11.4%", "11.4 percent", "4.6 million".
    fn ends_after(self, chars: &[char], all: &[Word<'_>], index: usize) -> Option<usize> {
        let word = all.get(index)?;
        match self {
            LevelUnit::Percent if chars.get(word.end) == Some(&'%') => Some(word.end + 1),
            LevelUnit::Percent => unit_words(all, index + 1)
                .filter(|&last| {
                    let first = all[index + 1].lower();
                    matches!(first.as_str(), "percent" | "pct" | "per")
                        && (last == index + 1 || first == "per")
                })
                .map(|last| all[last].end),
            LevelUnit::Scaled(words) => all
                .get(index + 1)
                .filter(|next| words.contains(&next.lower().as_str()))
                .map(|next| next.end),
        }
    }
}

/// The levels claimed in a text, in the given unit.
pub fn levels_in(text: &str, unit: LevelUnit) -> Vec<Level> {
    let all: Vec<Word<'_>> = words(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (index, word) in all.iter().enumerate() {
        let Some(value) = parse_number(word.text) else {
            continue;
        };
        let Some(end) = unit.ends_after(&chars, &all, index) else {
            continue;
        };
        let mut back = index;
        while back > 0 && APPROXIMATELY.contains(&all[back - 1].lower().as_str()) {
            back -= 1;
        }
        let Some(verb) = back.checked_sub(1).and_then(|i| all.get(i)) else {
            continue;
        };
        let verb_lower = verb.lower();
        if !LEVEL_VERBS.contains(&verb_lower.as_str()) {
            continue;
        }
        // "up to 40%" is a cap, not a level reached.
        let capped = verb_lower == "to"
            && back
                .checked_sub(2)
                .and_then(|i| all.get(i))
                .is_some_and(|w| w.lower() == "up");
        // "at 99.7% confidence" is how sure a test is, not a level.
        let certainty = all
            .iter()
            .find(|w| w.start >= end)
            .is_some_and(|next| CERTAINTY.contains(&next.lower().as_str()));
        if capped || certainty || between_is_sentence_end(&chars, verb.end, word.start) {
            continue;
        }
        let span = [verb.start, end];
        out.push(Level {
            value,
            decimals: word.text.split('.').nth(1).map_or(0, str::len),
            span,
            text: span_text(&chars, span[0], span[1]),
        });
    }
    out
}

/// Whether the chart shows the level: a value that rounds to it at the
/// claim's precision, with the slack of the value's own rounding.
pub fn shows_level(chart: &ChartSpec, level: &Level) -> bool {
    let tolerance = 0.5 * 10f64.powi(-(level.decimals as i32)) + 1e-9;
    let rounding = rounding_of(chart);
    chart_values(chart).any(|(_, _, v)| (v - level.value).abs() <= tolerance + rounding)
}

/// Every finite value of the chart, with its series and row.
pub fn chart_values(chart: &ChartSpec) -> impl Iterator<Item = (usize, usize, f64)> + '_ {
    chart.data.rows.iter().enumerate().flat_map(|(row, r)| {
        r.values
            .iter()
            .enumerate()
            .filter_map(move |(series, v)| v.filter(|v| v.is_finite()).map(|v| (series, row, v)))
    })
}

/// A word that says which way something went, in a title: verbs only
/// ("lifts", "fell"), not "up" or "lower", which name other things as often.
#[rustfmt::skip]
pub(crate) const RISING: &[&str] = &[
    "rose", "rise", "rises", "rising", "grew", "grow", "grows", "growing", "climb", "climbs",
    "climbed", "climbing", "jump", "jumps", "jumped", "lift", "lifts", "lifted", "lifting", "boost",
    "boosts", "boosted", "increase", "increases", "increased", "doubled", "doubles", "tripled",
    "soar", "soars", "soared", "surge", "surges", "surged",
];
#[rustfmt::skip]
pub(crate) const FALLING: &[&str] = &[
    "fell", "fall", "falls", "falling", "drop", "drops", "dropped", "decline", "declines",
    "declined", "decrease", "decreases", "decreased", "cut", "cuts", "reduce", "reduces", "reduced",
    "shrink", "shrinks", "shrank", "slid", "slides", "slip", "slips", "slipped", "halved", "halves",
    "plunge", "plunged", "plunges", "sank", "sinks",
];
/// Words after a falling verb that make it an idiom of failing, not a
/// direction: "fall short", "fell behind", "fell through", "fall apart".
const IDIOM_ENDS: &[&str] = &["short", "behind", "through", "apart"];
/// Better or worse, whichever way the measure is read ([`Better`]).
const IMPROVING: &[&str] = &["improve", "improves", "improved", "improving"];
const WORSENING: &[&str] = &["worsen", "worsens", "worsened", "worsening"];
/// A direction word right after these is denied: "no longer grows".
pub(crate) const NEGATIONS: &[&str] = &[
    "not", "no", "never", "longer", "stopped", "stop", "failed", "without", "didn't", "doesn't",
    "won't", "isn't",
];

/// The one direction a title's words give (+1 up, −1 down), outside the
/// number claims (checked on their own); `None` when it gives none, or
/// several, or denies one.
pub fn title_direction(
    title: &str,
    better: crate::chart_reading::Better,
) -> Option<(i8, String, [usize; 2])> {
    use crate::chart_reading::Better;
    let all: Vec<Word<'_>> = words(title);
    let spans: Vec<[usize; 2]> = claims(title).iter().map(|c| c.span).collect();
    let mut found: Vec<(i8, String, [usize; 2])> = Vec::new();
    for (index, word) in all.iter().enumerate() {
        let lower = word.lower();
        let way: i8 = if RISING.contains(&lower.as_str()) {
            1
        } else if FALLING.contains(&lower.as_str()) {
            -1
        } else if IMPROVING.contains(&lower.as_str()) {
            if better == Better::Up {
                1
            } else {
                -1
            }
        } else if WORSENING.contains(&lower.as_str()) {
            if better == Better::Up {
                -1
            } else {
                1
            }
        } else {
            continue;
        };
        if spans.iter().any(|s| s[0] <= word.start && word.end <= s[1]) {
            continue;
        }
        // "fall short of the target", "fell behind", "the deal fell
        // through": a miss or a failure, not a measure going down.
        let idiom = all
            .get(index + 1)
            .is_some_and(|next| IDIOM_ENDS.contains(&next.lower().as_str()));
        if way < 0 && idiom {
            continue;
        }
        let denied = all[index.saturating_sub(3)..index]
            .iter()
            .any(|w| NEGATIONS.contains(&w.lower().as_str()) || w.lower().ends_with("n't"));
        if denied {
            return None;
        }
        found.push((way, word.text.to_owned(), [word.start, word.end]));
    }
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// A change the chart's data shows, signed, and how to say it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub value: f64,
    pub description: String,
    /// How far the true change may lie from `value` because the chart's
    /// values are themselves rounded (9.3 stands for 9.25–9.35).
    pub slack: f64,
    /// A relative change (in %), not one in points.
    pub relative: bool,
    /// The series (or, in a table of measures by period, the row) the
    /// change is of; empty for a gap between series.
    pub series: String,
}

/// How the chart's values are rounded: half a unit of the last decimal the
/// table writes (9.3 and 10 in one table → 0.05). Whole numbers only are
/// taken as exact (counts of incidents, tickets): no slack.
pub fn rounding_of(chart: &ChartSpec) -> f64 {
    let decimals = chart_values(chart)
        .map(|(_, _, v)| {
            let written = format!("{}", v.abs());
            written.split('.').nth(1).map_or(0, str::len).min(12)
        })
        .max()
        .unwrap_or(0);
    if decimals == 0 {
        return 0.0;
    }
    0.5 * 10f64.powi(-(decimals as i32))
}

/// Every change the data supports: each series from its first value to its
/// last and to every value between (relative and in points), and the gaps between series at the last
/// row where they overlap.
pub fn facts(chart: &ChartSpec) -> Vec<Fact> {
    let data = &chart.data;
    let rounding = rounding_of(chart);
    let mut out = Vec::new();
    if measures_by_period(data) {
        // "Tenants created | 172 | 298" under "March | April": each row
        // is a measure over the periods the columns name.
        let periods = data.series_names();
        let newest_first = newest_first(periods);
        for row in &data.rows {
            let mut values: Vec<(usize, f64)> = row
                .values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| v.filter(|v| v.is_finite()).map(|v| (i, v)))
                .collect();
            // "2023 | 2022": read from the older.
            if newest_first {
                values.reverse();
            }
            let period = |at: usize| periods.get(at).map_or("", String::as_str).to_owned();
            push_changes_from_first(&mut out, row.label.trim(), &values, period, rounding);
        }
        return out;
    }
    let series = data.series_names();
    for (column, name) in series.iter().enumerate() {
        let values: Vec<(usize, f64)> = column_values(data, column);
        push_changes_from_first(&mut out, name, &values, |row| label(data, row), rounding);
    }
    // Gaps between series where they last overlap.
    if let Some(row) = data.rows.iter().rposition(|row| {
        row.values
            .iter()
            .filter(|v| v.is_some_and(f64::is_finite))
            .count()
            >= 2
    }) {
        let values = &data.rows[row].values;
        for (a, va) in values.iter().enumerate() {
            for (b, vb) in values.iter().enumerate() {
                if let (Some(va), Some(vb), true) = (va, vb, a != b) {
                    let name = |i: usize| series.get(i).map_or("?", String::as_str);
                    push_change_of(
                        &mut out,
                        "",
                        &format!("{} vs {}", name(a), name(b)),
                        *vb,
                        *va,
                        &label(data, row),
                        rounding,
                    );
                }
            }
        }
    }
    out
}

/// A measure's changes from its first value to the last, then to each
/// value between (a title may speak of the span before a forecast row);
/// `at` names the place of a value (its row or its period).
fn push_changes_from_first(
    out: &mut Vec<Fact>,
    name: &str,
    values: &[(usize, f64)],
    at: impl Fn(usize) -> String,
    rounding: f64,
) {
    if let Some((&(first_at, first), rest)) = values.split_first() {
        for &(place, value) in rest.iter().rev() {
            let span = format!("{} → {}", at(first_at), at(place));
            push_change(out, name, first, value, &span, rounding);
        }
    }
}

fn push_change(out: &mut Vec<Fact>, name: &str, from: f64, to: f64, at: &str, rounding: f64) {
    push_change_of(out, name, name, from, to, at, rounding);
}

fn push_change_of(
    out: &mut Vec<Fact>,
    series: &str,
    name: &str,
    from: f64,
    to: f64,
    at: &str,
    rounding: f64,
) {
    if !from.is_finite() || !to.is_finite() {
        return;
    }
    let points = to - from;
    let (e_from, e_to) = (rounding, rounding);
    out.push(Fact {
        value: points,
        description: format!("{name}: {} ({at})", signed(points, " pts")),
        slack: e_from + e_to,
        relative: false,
        series: series.to_owned(),
    });
    if from.abs() > f64::EPSILON {
        let relative = points / from.abs() * 100.0;
        // The relative change at the corners of the values' rounding.
        let slack = [(-1.0, -1.0), (-1.0, 1.0), (1.0, -1.0), (1.0, 1.0)]
            .iter()
            .filter_map(|(a, b)| {
                let base = from + a * e_from;
                (base.abs() > f64::EPSILON)
                    .then(|| ((to + b * e_to - base) / base.abs() * 100.0 - relative).abs())
            })
            .fold(0.0, f64::max);
        out.push(Fact {
            value: relative,
            description: format!("{name}: {} ({at})", signed(relative, "%")),
            slack,
            relative: true,
            series: series.to_owned(),
        });
    }
}

/// Whether the table lists measures down its rows and periods across its
/// columns ("Measure | March | April"): every column header names a time
/// and no row label does.
pub fn measures_by_period(data: &DataTable) -> bool {
    let periods = data.series_names();
    periods.len() >= 2
        && periods.iter().all(|name| names_a_period(name))
        && !data.rows.iter().any(|row| names_a_period(&row.label))
}

/// Whether the rows name measures (most of them no period: "Net earnings
/// (excluding the fiscal 2007 tax benefit)" is still a measure) and at
/// least two columns name periods, whatever else the table holds
/// ("Measure | Q4 2008 | Q4 2007 | % change").
pub fn measures_in_rows(data: &DataTable) -> bool {
    data.series_names()
        .iter()
        .filter(|name| names_a_period(name))
        .count()
        >= 2
        && data
            .rows
            .iter()
            .filter(|row| names_a_period(&row.label))
            .count()
            * 2
            < data.rows.len()
}

/// Whether the columns run from the newest year to the oldest, as annual
/// reports print them ("2023 | 2022").
pub(crate) fn newest_first(periods: &[String]) -> bool {
    // "Current | Previous", "This week | Last week".
    let recency: Vec<Option<u8>> = periods
        .iter()
        .map(|name| {
            words(name).iter().find_map(|w| match w.lower().as_str() {
                "current" | "this" | "now" | "today" | "latest" => Some(1),
                "previous" | "prior" | "last" | "before" => Some(0),
                _ => None,
            })
        })
        .collect();
    if periods.len() >= 2
        && recency.iter().all(Option::is_some)
        && recency.windows(2).all(|w| w[0] > w[1])
    {
        return true;
    }
    let years: Vec<u16> = periods
        .iter()
        .filter_map(|name| {
            words(name).iter().find_map(|w| {
                w.text
                    .parse::<u16>()
                    .ok()
                    .filter(|y| (1900..=2100).contains(y))
            })
        })
        .collect();
    years.len() == periods.len() && years.len() >= 2 && years.windows(2).all(|w| w[0] > w[1])
}

/// "March", "Q3 2024", "2023", "Week 6", "Before", "Last month".
pub(crate) fn names_a_period(label: &str) -> bool {
    use super::text::{MONTHS, PERIODS};
    // "Jan-15" is January 2015: a hyphen joins a period's parts.
    let lower: Vec<String> = words(label)
        .iter()
        .flat_map(|w| w.lower().split('-').map(str::to_owned).collect::<Vec<_>>())
        .collect();
    !lower.is_empty()
        && lower.iter().any(|w| {
            MONTHS.contains(&w.trim_end_matches('.'))
                || PERIODS.contains(&w.as_str())
                || (w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2100).contains(&y)))
                || matches!(
                    w.as_str(),
                    "week"
                        | "month"
                        | "quarter"
                        | "year"
                        | "before"
                        | "after"
                        | "baseline"
                        | "previous"
                        | "prior"
                        | "current"
                        | "last"
                        | "this"
                        | "today"
                        | "now"
                        | "then"
                        | "ytd"
                        | "fy"
                )
        })
}

/// "+1.3 pts", "−25%", "±0": one decimal, signed.
pub(crate) fn signed(value: f64, unit: &str) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    format!("{}{}{unit}", sign_of(rounded), rounded.abs())
}

/// The sign a signed figure is written with: "+", "−" (a minus, not a
/// hyphen) or "±" for zero.
pub(crate) fn sign_of(value: f64) -> &'static str {
    if value > 0.0 {
        "+"
    } else if value < 0.0 {
        "−"
    } else {
        "±"
    }
}

fn column_values(data: &DataTable, column: usize) -> Vec<(usize, f64)> {
    data.rows
        .iter()
        .enumerate()
        .filter_map(|(row, r)| Some((row, r.values.get(column).copied().flatten()?)))
        .filter(|(_, v)| v.is_finite())
        .collect()
}

fn label(data: &DataTable, row: usize) -> String {
    data.rows
        .get(row)
        .map(|r| r.label.trim().to_owned())
        .unwrap_or_default()
}

/// Whether a fact supports the claim: same direction, and the claimed
/// number is the fact rounded to the claim's precision.
pub fn supports(fact: &Fact, claim: &Claim) -> bool {
    if let Some(bounds) = claim.bounds {
        return fact.relative
            && fact.value + fact.slack >= bounds.low
            && fact.value - fact.slack <= bounds.high;
    }
    if claim.in_points && fact.relative {
        return false;
    }
    let right_way = match claim.direction {
        Direction::Up => fact.value > 0.0,
        Direction::Down => fact.value < 0.0,
    };
    let tolerance = 0.5 * 10f64.powi(-(claim.decimals as i32)) + fact.slack + 1e-9;
    right_way && (fact.value.abs() - claim.value).abs() <= tolerance
}

#[cfg(test)]
mod tests {

    #[test]
    fn columns_read_newest_first_by_their_years_or_their_words() {
        let names = |list: &[&str]| list.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        assert!(newest_first(&names(&["2023", "2022"])));
        assert!(newest_first(&names(&["Current", "Previous"])));
        assert!(newest_first(&names(&["This week", "Last week"])));
        assert!(!newest_first(&names(&["Previous", "Current"])));
        assert!(!newest_first(&names(&["March", "April"])));
    }

    use super::*;
    use crate::{ChartKind, DataRow};

    fn chart(rows: &[(&str, &[f64])], series: &[&str]) -> ChartSpec {
        ChartSpec {
            kind: ChartKind::Line,
            data: DataTable {
                header: std::iter::once("x")
                    .chain(series.iter().copied())
                    .map(String::from)
                    .collect(),
                rows: rows
                    .iter()
                    .map(|(label, values)| DataRow {
                        label: (*label).into(),
                        values: values.iter().map(|v| Some(*v)).collect(),
                    })
                    .collect(),
            },
            ..ChartSpec::default()
        }
    }

    #[test]
    fn change_claims_are_found_with_their_direction() {
        let found =
            claims("Conversion rose 14% in pilots; churn is down 3.5 points. 41% activated.");
        let summary: Vec<(f64, usize, Direction, &str)> = found
            .iter()
            .map(|c| (c.value, c.decimals, c.direction, c.text.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (14.0, 0, Direction::Up, "rose 14%"),
                (3.5, 1, Direction::Down, "down 3.5 points"),
            ]
        );
        assert_eq!(claims("a +9 pts gap")[0].direction, Direction::Up);
        assert_eq!(claims("a 12% lift")[0].value, 12.0);
        let from_to = claims("conversion rose from 10% to 14% in the pilot");
        assert_eq!(from_to.len(), 1, "{from_to:?}");
        assert_eq!(
            (from_to[0].value, from_to[0].text.as_str()),
            (4.0, "from 10% to 14%")
        );
        assert!(claims("41% of users activated, up to 50% in the pilot").is_empty());
        // More or less than before; not more than something else, and not
        // a share something is made up of.
        assert_eq!(
            claims("I am earning 644% more per day at the higher price")[0].direction,
            Direction::Up
        );
        assert_eq!(
            claims("we sold 12% fewer boxes")[0].direction,
            Direction::Down
        );
        assert!(claims("sales were 30% more than the target").is_empty());
        assert!(claims("Abandoned vehicles made up 8% of incidents").is_empty());
        // A level is no change, whatever follows it; basis points are points.
        let margin = claims("Operating margin reached 11.8%, up 720 basis points on a year ago.");
        assert_eq!(margin.len(), 1, "{margin:?}");
        assert_eq!(
            (
                margin[0].value,
                margin[0].in_points,
                margin[0].text.as_str()
            ),
            (7.2, true, "up 720 basis points")
        );
    }

    #[test]
    fn a_claim_matches_the_relative_change_or_the_points() {
        let data = chart(&[("Before", &[10.0]), ("After", &[10.9])], &["Conversion"]);
        let facts = facts(&data);
        let check = |text: &str| {
            claims(text)
                .iter()
                .all(|c| facts.iter().any(|f| supports(f, c)))
        };
        assert!(!check("rose 14%"), "10 → 10.9 is +9%, +0.9 pts");
        assert!(check("rose 9%"));
        assert!(check("up 0.9 points"));
        assert!(!check("fell 9%"), "the direction must agree");
    }

    #[test]
    fn gaps_between_series_count() {
        let data = chart(
            &[("W1", &[31.5, 33.0]), ("W6", &[32.0, 41.0])],
            &["Without", "With"],
        );
        let facts = facts(&data);
        let claim = &claims("lifts activation by 9 points")[0];
        assert!(facts.iter().any(|f| supports(f, claim)));
    }

    #[test]
    fn numbers_holding_bidi_controls_are_not_read() {
        // Shows as "by 90 points", "rose 10%": neither is read as a claim.
        assert!(claims("Conversion up by \u{202E}09\u{202C} points").is_empty());
        assert!(claims("Conversion rose 1\u{2066}0%").is_empty());
        assert!(claims("Conversion rose \u{200F}10%").is_empty());
        // The same title with the overrides removed, as it is stored.
        let stored = claims("Conversion up by 09 points");
        assert_eq!((stored[0].value, stored[0].direction), (9.0, Direction::Up));
        // Marks away from digits change nothing.
        assert_eq!(claims("המרה\u{200F} rose 9%")[0].value, 9.0);
    }
}

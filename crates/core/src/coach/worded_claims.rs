//! Changes claimed in words rather than digits: "doubled", "tripled",
//! "halved", "fell by two-thirds", "cut costs by a third", "more than
//! doubled", "a threefold increase", "grew 3x". Each becomes a claim on the
//! relative change with the slack such words carry: people say "halved" of
//! a fall anywhere near 50 %, so a worded claim holds within a tenth of the
//! change it names (at least 4 points), twice that when hedged ("about"),
//! and as a bound for "more than" / "nearly".

use super::claims::{span_text, Claim, ClaimBounds, Direction, NEGATIONS, UP_OR_DOWN};
use super::text::{words, Word};

/// Verbs that are the change themselves, with the factor they name.
const FACTOR_VERBS: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("doubles", 2.0),
    ("doubling", 2.0),
    ("tripled", 3.0),
    ("triples", 3.0),
    ("tripling", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("quadruples", 4.0),
    ("halved", 0.5),
    ("halves", 0.5),
    ("halving", 0.5),
];

/// "-fold" words: a "threefold increase".
const FOLDS: &[(&str, f64)] = &[
    ("twofold", 2.0),
    ("threefold", 3.0),
    ("fourfold", 4.0),
    ("fivefold", 5.0),
    ("tenfold", 10.0),
];

/// Fractions after "by": "fell by two-thirds", "by half".
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("quarter", 0.25),
    ("one-quarter", 0.25),
    ("three-quarters", 0.75),
    ("fifth", 0.2),
    ("one-fifth", 0.2),
    ("tenth", 0.1),
];

/// Hedges before the claim and what they do to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hedge {
    Exact,
    About,
    AtLeast,
    AtMost,
}

fn hedge_of(words: &[String]) -> Hedge {
    match words {
        [.., a, b] if a == "more" && b == "than" => Hedge::AtLeast,
        [.., a, b] if a == "at" && b == "least" => Hedge::AtLeast,
        [.., a, b] if a == "less" && b == "than" => Hedge::AtMost,
        [.., a, b] if a == "close" && b == "to" => Hedge::AtMost,
        [.., a, b] if a == "just" && b == "under" => Hedge::AtMost,
        [.., a] if a == "over" => Hedge::AtLeast,
        [.., a] if matches!(a.as_str(), "nearly" | "almost" | "under") => Hedge::AtMost,
        [.., a]
            if matches!(
                a.as_str(),
                "about" | "around" | "roughly" | "approximately" | "some"
            ) =>
        {
            Hedge::About
        }
        _ => Hedge::Exact,
    }
}

/// How many words a hedge takes: "more than" 2, "nearly" 1.
fn hedge_len(hedge: Hedge, words: &[String]) -> usize {
    match (hedge, words) {
        (Hedge::Exact, _) => 0,
        (_, [.., a, _]) if matches!(a.as_str(), "more" | "at" | "less" | "close" | "just") => 2,
        _ => 1,
    }
}

/// A worded change found at some words: the factor it names, its first and
/// last word, and a hedge written inside it ("by more than a third").
struct Found {
    factor: f64,
    first: usize,
    last: usize,
    inner_hedge: Option<Hedge>,
}

impl Found {
    fn at(factor: f64, first: usize, last: usize) -> Found {
        Found {
            factor,
            first,
            last,
            inner_hedge: None,
        }
    }
}

/// The claims a text makes in words.
pub fn worded_claims(text: &str) -> Vec<Claim> {
    let all: Vec<Word<'_>> = words(text);
    let lower: Vec<String> = all.iter().map(Word::lower).collect();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < all.len() {
        let found = factor_verb(&lower, index)
            .or_else(|| fold(&lower, index))
            .or_else(|| times(&lower, index))
            .or_else(|| by_fraction(&lower, &all, &chars, index));
        let Some(Found {
            factor,
            first,
            last,
            inner_hedge,
        }) = found
        else {
            index += 1;
            continue;
        };
        index = last + 1;
        let before = &lower[first.saturating_sub(3)..first];
        if before
            .iter()
            .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
        {
            continue;
        }
        let outer_hedge = hedge_of(before);
        let hedge = inner_hedge.unwrap_or(outer_hedge);
        let start_word = first - hedge_len(outer_hedge, before);
        let (start, end) = (all[start_word].start, all[last].end);
        let relative = (factor - 1.0) * 100.0;
        out.push(Claim {
            value: relative.abs(),
            decimals: 0,
            direction: if relative > 0.0 {
                Direction::Up
            } else {
                Direction::Down
            },
            span: [start, end],
            text: span_text(&chars, start, end),
            bounds: Some(bounds(relative, hedge)),
            in_points: false,
        });
    }
    out
}

/// The relative changes (signed, in %) a worded claim allows.
fn bounds(relative: f64, hedge: Hedge) -> ClaimBounds {
    // A tenth of the change, or of the factor for a multiple ("tripled"
    // holds from 2.7 to 3.3 times), and never under 4 points.
    let factor = 1.0 + relative / 100.0;
    let slack = (relative.abs() * 0.1).max(factor * 10.0).max(4.0);
    let sign = relative.signum();
    let magnitude = relative.abs();
    let (low, high) = match hedge {
        Hedge::Exact => (magnitude - slack, magnitude + slack),
        Hedge::About => (magnitude - 2.0 * slack, magnitude + 2.0 * slack),
        Hedge::AtLeast => (magnitude - slack / 2.0, f64::INFINITY),
        Hedge::AtMost => (magnitude - 3.0 * slack, magnitude + slack / 2.0),
    };
    // Nothing falls by more than all of it.
    let high = if sign < 0.0 { high.min(100.0) } else { high };
    let (a, b) = (sign * low.max(0.0), sign * high);
    ClaimBounds {
        low: a.min(b),
        high: a.max(b),
    }
}

/// "doubled", "halved": (factor, first word, last word).
fn factor_verb(lower: &[String], index: usize) -> Option<Found> {
    let word = lower.get(index)?;
    FACTOR_VERBS
        .iter()
        .find(|(verb, _)| verb == word)
        .map(|(_, factor)| Found::at(*factor, index, index))
}

/// "a threefold increase", "a 3-fold rise": only with a word of rising
/// after it, so "a twofold aim" is no claim.
fn fold(lower: &[String], index: usize) -> Option<Found> {
    let word = lower.get(index)?;
    let factor = FOLDS
        .iter()
        .find(|(fold, _)| fold == word)
        .map(|(_, f)| *f)
        .or_else(|| {
            word.strip_suffix("-fold")
                .and_then(|n| n.parse::<f64>().ok())
        })?;
    let next = lower.get(index + 1)?;
    (UP_OR_DOWN.0.contains(&next.as_str()) || next == "growth")
        .then(|| Found::at(factor, index, index + 1))
}

/// "grew 3x", "3x more": digits with an "x", beside a word of rising.
fn times(lower: &[String], index: usize) -> Option<Found> {
    let word = lower.get(index)?;
    let factor: f64 = word
        .strip_suffix('x')
        .filter(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()))?
        .parse()
        .ok()?;
    let rising_before = index
        .checked_sub(1)
        .and_then(|i| lower.get(i))
        .is_some_and(|w| UP_OR_DOWN.0.contains(&w.as_str()));
    let more_after = lower
        .get(index + 1)
        .is_some_and(|w| matches!(w.as_str(), "more" | "higher" | "increase" | "growth"));
    (factor > 1.0 && (rising_before || more_after)).then(|| Found::at(factor, index, index))
}

/// "fell by two-thirds", "cut costs by a third", "rose by half", "cut in
/// half": a word of change up to three words before "by" / "in".
fn by_fraction(lower: &[String], all: &[Word<'_>], chars: &[char], index: usize) -> Option<Found> {
    let by = lower.get(index)?;
    if by != "by" && by != "in" {
        return None;
    }
    // Hedges sit between "by" and the fraction: "by more than a third".
    let mut at = index + 1;
    let mut hedge_words = Vec::new();
    while let Some(w) = lower.get(at) {
        if matches!(
            w.as_str(),
            "more"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "around"
                | "roughly"
                | "over"
                | "at"
                | "least"
                | "less"
                | "some"
                | "approximately"
                | "just"
                | "under"
        ) && hedge_words.len() < 2
        {
            hedge_words.push(at);
            at += 1;
        } else {
            break;
        }
    }
    let mut fraction_at = at;
    if lower
        .get(at)
        .is_some_and(|w| matches!(w.as_str(), "a" | "one"))
    {
        fraction_at += 1;
    }
    let mut fraction = FRACTIONS
        .iter()
        .find(|(f, _)| lower.get(fraction_at).is_some_and(|w| w == f))
        .map(|(_, v)| *v);
    let mut last = fraction_at;
    // "two thirds", "three quarters" as two words.
    if fraction.is_none() {
        let pair = format!(
            "{}-{}",
            lower.get(at).map_or("", String::as_str),
            lower.get(at + 1).map_or("", String::as_str)
        );
        fraction = FRACTIONS.iter().find(|(f, _)| *f == pair).map(|(_, v)| *v);
        last = at + 1;
    }
    let fraction = fraction?;
    if by == "in" && fraction != 0.5 {
        return None;
    }
    // "by a third of its customers" is a share, not a change.
    if lower.get(last + 1).is_some_and(|w| w == "of") {
        return None;
    }
    // The word of change, before "by", in the same sentence.
    let mut direction = None;
    let mut first = index;
    for back in (index.saturating_sub(4)..index).rev() {
        let between: String = chars
            .get(all[back].end..all[index].start)
            .map(|c| c.iter().collect())
            .unwrap_or_default();
        if between.contains(['.', ';', '!', '?', ':']) {
            break;
        }
        let word = lower[back].as_str();
        if UP_OR_DOWN.0.contains(&word) {
            direction = Some(1.0);
        } else if UP_OR_DOWN.1.contains(&word) {
            direction = Some(-1.0);
        }
        if direction.is_some() {
            first = back;
            break;
        }
    }
    let sign = direction?;
    if by == "in" && sign > 0.0 {
        return None;
    }
    let hedge_text: Vec<String> = hedge_words.iter().map(|&i| lower[i].clone()).collect();
    let inner_hedge = Some(hedge_of(&hedge_text)).filter(|h| *h != Hedge::Exact);
    Some(Found {
        factor: 1.0 + sign * fraction,
        first,
        last,
        inner_hedge,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(text: &str) -> Vec<(String, f64, f64)> {
        worded_claims(text)
            .into_iter()
            .map(|c| {
                let b = c.bounds.expect("worded claims carry bounds");
                (c.text, b.low.round(), b.high.round())
            })
            .collect()
    }

    #[test]
    fn multiples_and_fractions_in_words_are_claims_on_the_relative_change() {
        assert_eq!(
            summary("Sign-ups doubled in March."),
            vec![("doubled".into(), 80.0, 120.0)]
        );
        assert_eq!(
            summary("Deliveries have fallen by two-thirds since 2008."),
            vec![("fallen by two-thirds".into(), -73.0, -60.0)]
        );
        assert_eq!(
            summary("We cut hosting costs by a third."),
            vec![("cut hosting costs by a third".into(), -40.0, -27.0)]
        );
        assert_eq!(
            summary("Wait times were cut in half."),
            vec![("cut in half".into(), -55.0, -45.0)]
        );
        assert_eq!(
            summary("Revenue more than doubled."),
            vec![("more than doubled".into(), 90.0, f64::INFINITY)]
        );
        assert_eq!(
            summary("a threefold increase in trials"),
            vec![("threefold increase".into(), 170.0, 230.0)]
        );
        assert_eq!(summary("Usage grew 3x."), vec![("3x".into(), 170.0, 230.0)]);
        assert_eq!(
            summary("Errors nearly halved."),
            vec![("nearly halved".into(), -53.0, -35.0)]
        );
        assert_eq!(
            summary("Churn fell by more than a third."),
            vec![("fell by more than a third".into(), -100.0, -30.0)]
        );
    }

    #[test]
    fn words_that_are_not_changes_are_not_claims() {
        assert!(summary("A third of customers churned.").is_empty());
        assert!(summary("Sales did not double.").is_empty());
        assert!(summary("We split the team in half.").is_empty());
        assert!(summary("a twofold aim: speed and trust").is_empty());
        assert!(summary("double-digit growth").is_empty());
        assert!(summary("by a third of its customers").is_empty());
    }
}

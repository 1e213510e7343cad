//! Claims about the portfolio against the portfolio chart's figures: "70 %
//! of effort on upsell" over an allocation where upsell takes 55 % is the
//! same error as a percentage the line chart does not show.
//!
//! A claim is a percentage followed, within a few words, by what it is a
//! share of (effort, budget, cost, capacity, FTE, headcount, spend,
//! investment, the portfolio) and then what gets it: a bucket (core,
//! adjacent, transformational, new bets) or an initiative, named in full or
//! by the first word of its name. It stands when it matches, within its
//! rounding, the share of that initiative, of its bucket, or the bucket's
//! target — any reading a careful writer could mean; only a number that
//! matches none of them is flagged.

use super::super::text::{sentences, words, Word};
use super::{finding, info, Story};
use crate::coach::{Finding, Target};
use crate::portfolio::{allocation, Bucket, PortfolioSnapshot};

/// What a percentage can be a share of.
const SHARE_OF: [&str; 16] = [
    "effort",
    "budget",
    "cost",
    "costs",
    "spend",
    "spending",
    "capacity",
    "fte",
    "ftes",
    "headcount",
    "investment",
    "portfolio",
    "engineering",
    "resources",
    "time",
    "allocation",
];

/// How far after the percentage its "of effort" and its subject may be.
const WINDOW: usize = 10;

/// Words that never name an initiative on their own.
const TOO_COMMON: [&str; 12] = [
    "the", "new", "our", "team", "teams", "project", "product", "platform", "feature", "core",
    "next", "more",
];

struct ShareClaim {
    value: f64,
    decimals: usize,
    span: [usize; 2],
    /// The words around the percentage in its clause, lower-cased.
    after: Vec<String>,
}

/// The percentage a word states ("70", "70%", "70.5%"), with its decimals.
fn percent_of(word: &Word<'_>, next: Option<&Word<'_>>) -> Option<(f64, usize)> {
    let text = word.text.trim_end_matches([',', '.']);
    let (number, marked) = match text.strip_suffix('%') {
        Some(number) => (number, true),
        None => (text, false),
    };
    let followed = next.is_some_and(|n| {
        let n = n.text.to_lowercase();
        n == "percent" || n == "per" || n.starts_with('%')
    });
    if !(marked || followed) {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    let decimals = number.split('.').nth(1).map_or(0, str::len);
    (0.0..=100.0).contains(&value).then_some((value, decimals))
}

/// The clauses of `text` (sentences split again at semicolons), each with
/// its first char's index.
fn clauses(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for sentence in sentences(text) {
        let mut start = sentence.start;
        for part in sentence.text.split(';') {
            out.push((start, part));
            start += part.chars().count() + 1;
        }
    }
    out
}

fn share_claims(text: &str) -> Vec<ShareClaim> {
    let mut out = Vec::new();
    for (clause_start, clause) in clauses(text) {
        let sentence = super::super::text::Sentence {
            text: clause,
            start: clause_start,
            end: clause_start + clause.chars().count(),
        };
        let all = words(sentence.text);
        // "70 %" is two words: the sign on its own is not a word.
        for (i, word) in all.iter().enumerate() {
            let next = all.get(i + 1);
            let spaced_sign = sentence
                .text
                .get(byte_of(sentence.text, word.end)..)
                .is_some_and(|rest| {
                    rest.trim_start_matches([' ', '\u{a0}', '\u{202f}'])
                        .starts_with('%')
                });
            let parsed = if spaced_sign {
                word.text
                    .parse::<f64>()
                    .ok()
                    .map(|v| (v, word.text.split('.').nth(1).map_or(0, str::len)))
            } else {
                percent_of(word, next)
            };
            let Some((value, decimals)) = parsed else {
                continue;
            };
            let lower = |w: &Word<'_>| w.lower().trim_end_matches([',', '.']).to_owned();
            let after: Vec<String> = all.iter().skip(i + 1).take(WINDOW).map(lower).collect();
            if !after.iter().take(4).any(|w| SHARE_OF.contains(&w.as_str())) {
                continue;
            }
            // The subject may come first: "new bets get 25 % of capacity".
            let before = all.iter().take(i).rev().take(5).rev().map(lower);
            let after = before.chain(after).collect();
            out.push(ShareClaim {
                value,
                decimals,
                span: [sentence.start + word.start, sentence.start + word.end],
                after,
            });
        }
    }
    out
}

/// The byte offset of char index `chars` in `text`.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(byte, _)| byte)
}

/// The bucket the words name, if any.
fn bucket_named(after: &[String]) -> Option<Bucket> {
    after
        .iter()
        .enumerate()
        .find_map(|(i, w)| match w.as_str() {
            "core" => Some(Bucket::Core),
            "adjacent" => Some(Bucket::Adjacent),
            "transformational" | "moonshots" | "moonshot" => Some(Bucket::Transformational),
            "new" if after.get(i + 1).is_some_and(|n| n.starts_with("bet")) => {
                Some(Bucket::Transformational)
            }
            _ => None,
        })
}

/// The initiatives the words name: the whole name, or its first word when
/// that word is distinctive.
fn initiatives_named(snapshot: &PortfolioSnapshot, after: &[String]) -> Vec<usize> {
    let joined = after.join(" ");
    snapshot
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            let name = i.name.trim().to_lowercase();
            if !name.is_empty() && joined.contains(&name) {
                return true;
            }
            let first = name
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .unwrap_or("");
            first.chars().count() >= 4
                && !TOO_COMMON.contains(&first)
                && after
                    .iter()
                    .any(|w| w == first || w.strip_suffix('s') == Some(first))
        })
        .map(|(n, _)| n)
        .collect()
}

fn close(claim: &ShareClaim, actual: f64) -> bool {
    let tolerance = if claim.decimals == 0 { 1.0 } else { 0.15 };
    (claim.value - actual).abs() < tolerance
}

fn format_share(value: f64) -> String {
    format!("{value:.0} %")
}

/// Each claimed share the allocation does not bear out.
pub fn shares_against_the_portfolio(
    story: &Story<'_>,
    snapshot: &PortfolioSnapshot,
) -> Vec<Finding> {
    if snapshot.tracker.is_some() || snapshot.initiatives.is_empty() {
        return Vec::new();
    }
    let initiatives = snapshot.initiatives();
    let shares = allocation(&initiatives, &snapshot.targets);
    if shares.total <= 0.0 {
        return Vec::new();
    }
    let amount = |i: &crate::portfolio::Initiative| match shares.basis {
        crate::portfolio::Basis::Cost => i.cost.unwrap_or(0.0),
        crate::portfolio::Basis::Fte => i.fte.unwrap_or(0.0),
    };
    let mut texts = vec![(Target::Title, story.fields.title.as_str())];
    texts.extend(story.beats());
    let mut out = Vec::new();
    for (target, text) in texts {
        for claim in share_claims(text) {
            let named = initiatives_named(snapshot, &claim.after);
            let mut buckets: Vec<Bucket> = named
                .iter()
                .filter_map(|&n| initiatives.get(n).and_then(|i| i.bucket))
                .collect();
            buckets.extend(bucket_named(&claim.after));
            if named.is_empty() && buckets.is_empty() {
                continue;
            }
            let initiative_share = (!named.is_empty()).then(|| {
                named
                    .iter()
                    .filter_map(|&n| initiatives.get(n))
                    .map(amount)
                    .sum::<f64>()
                    / shares.total
                    * 100.0
            });
            let bucket_rows: Vec<_> = shares
                .rows
                .iter()
                .filter(|row| buckets.contains(&row.bucket))
                .collect();
            let readings = initiative_share
                .into_iter()
                .chain(bucket_rows.iter().flat_map(|row| [row.actual, row.target]));
            if readings.clone().any(|actual| close(&claim, actual)) {
                continue;
            }
            let mut shown = Vec::new();
            if let (Some(share), Some(&first)) = (initiative_share, named.first()) {
                let name = initiatives.get(first).map_or("", |i| i.name.trim());
                let others = if named.len() > 1 {
                    " and others named"
                } else {
                    ""
                };
                shown.push(format!("{name}{others} {}", format_share(share)));
            }
            for row in &bucket_rows {
                shown.push(format!(
                    "{} {} against a {} target",
                    row.bucket.label(),
                    format_share(row.actual),
                    format_share(row.target)
                ));
            }
            out.push(finding(
                "claim-contradicts-chart",
                info("claim-contradicts-chart"),
                Some(target),
                format!(
                    "“{:.*} %” is not what the portfolio chart shows: as of {}, by {}, {}. Correct the number, or refresh the chart from the portfolio.",
                    claim.decimals,
                    claim.value,
                    snapshot.as_of,
                    shares.basis.label(),
                    shown.join("; ")
                ),
                Some(claim.span),
            ));
        }
    }
    out
}

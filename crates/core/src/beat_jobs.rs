//! What a passage does, read from its words: whether it states an outcome
//! in numbers, a quantity at all, a conflict or a resolution. The coach
//! asks these of every sentence of a draft, wherever it sits, because a
//! draft written elsewhere does a beat's job under a heading of any name
//! ("Growth outlook", "The experiment") or under none.

use crate::coach::text::{
    has_number, is_number_word, lower_words, mentions, sentences, words, Word, MONTHS,
};

/// Words that say what changed (stems): the measures updates report.
#[rustfmt::skip]
pub const OUTCOME: &[&str] = &[
    "conversion", "retention", "revenue", "churn", "activation", "adoption", "rose", "fell", "grew",
    "increased", "decreased", "cut", "reduced", "lifted", "raised", "saved", "resulting",
    "result", "led", "leading", "drove", "improving", "lowering", "%",
    "percent", "pts", "points", "time", "cost", "nps", "csat", "sign-ups", "signups",
];

/// Whether one sentence of the text states an outcome in numbers.
pub fn states_outcome_in_numbers(text: &str) -> bool {
    sentences(text).iter().any(|sentence| {
        has_number(sentence.text)
            && (mentions(&lower_words(sentence.text), OUTCOME) || sentence.text.contains('%'))
    })
}

/// Words before a number that make it a name, not an amount: "version 8",
/// "Java 7", "sprint 11", "step 2".
#[rustfmt::skip]
const NAMING: &[&str] = &[
    "version", "v", "java", "python", "ios", "android", "windows", "macos", "sprint", "phase",
    "step", "stage", "no", "number", "chapter", "section", "page", "level", "tier", "gen",
    "generation", "series", "model", "episode", "issue", "release", "rfc", "article", "room",
    "route", "weeknote", "weeknotes", "update", "part", "figure", "table", "option", "day",
];

/// Whether the word at `index` is an amount: a count, a rate, a sum, a
/// duration — not a date ("21 December", "2023", "17:20"), an ordinal
/// ("4th") or a name ("version 8").
fn is_amount(sentence: &str, all: &[Word<'_>], index: usize) -> bool {
    let Some(word) = all.get(index) else {
        return false;
    };
    let lower = word.lower();
    if fraction_after_article(all, index) {
        return true;
    }
    if !is_number_word(&lower) {
        return false;
    }
    // "Third, staff get a larger adjustment": the text counting its points.
    let counts_a_point = index == 0
        && matches!(
            lower.as_str(),
            "first" | "second" | "third" | "fourth" | "fifth" | "sixth" | "seventh"
        )
        && sentence[word.end..].starts_with(',');
    if counts_a_point {
        return false;
    }
    let digits_only = lower.chars().all(|c| c.is_ascii_digit());
    let year = digits_only
        && lower.len() == 4
        && lower
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    // "2020-04-24", "2023-24": a date or a fiscal year.
    let dashed_date = lower.contains('-')
        && lower
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_digit()));
    // "A two-week edition", "a six-week pilot": a span that names a kind of
    // thing; "a 27-minute outage" measures a loss.
    let span_as_kind = lower.split_once('-').is_some_and(|(_, unit)| {
        matches!(
            unit,
            "day" | "week" | "month" | "year" | "hour" | "minute" | "second"
        ) && all.get(index + 1).is_some_and(|next| {
            !matches!(
                next.lower().as_str(),
                "outage"
                    | "delay"
                    | "downtime"
                    | "wait"
                    | "slip"
                    | "gap"
                    | "backlog"
                    | "disruption"
                    | "stoppage"
                    | "freeze"
                    | "shutdown"
                    | "loss"
            )
        })
    });
    if span_as_kind {
        return false;
    }
    let ordinal = lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|end| lower.ends_with(end));
    let chars: Vec<char> = sentence.chars().collect();
    let clock = |at: Option<&char>, beyond: Option<&char>| {
        at == Some(&':') && beyond.is_some_and(char::is_ascii_digit)
    };
    let time = clock(
        word.start.checked_sub(1).and_then(|i| chars.get(i)),
        word.start.checked_sub(2).and_then(|i| chars.get(i)),
    ) || clock(chars.get(word.end), chars.get(word.end + 1));
    let near_month = |i: Option<usize>| {
        i.and_then(|i| all.get(i))
            .is_some_and(|w| MONTHS.contains(&w.lower().trim_end_matches('.')))
    };
    let date = digits_only && (near_month(index.checked_sub(1)) || near_month(Some(index + 1)));
    let before = index.checked_sub(1).and_then(|i| all.get(i));
    let named = before.is_some_and(|w| NAMING.contains(&w.lower().as_str()));
    // "JDK 11", "CSV 1.8": a short number after a name in capitals, with
    // no currency sign between ("MRR $18,500" is an amount).
    let short = lower.len() <= 5 && !lower.contains(',');
    let currency = word
        .start
        .checked_sub(1)
        .and_then(|i| chars.get(i))
        .is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥'));
    let product_name = short
        && !currency
        && before.is_some_and(|w| {
            w.text.chars().count() >= 2
                && w.text
                    .chars()
                    .all(|c| c.is_uppercase() || c.is_ascii_digit())
                && !CURRENCIES.contains(&w.text)
        });
    // "DoDI 1325.21", "ISO 27001.2": a document's number after its
    // series' name (an acronym, capitals inside), dotted like a section.
    let document_number = !currency
        && lower.contains('.')
        && !lower.contains(',')
        && lower.len() >= 6
        && before.is_some_and(|w| {
            w.text.chars().filter(|c| c.is_uppercase()).count() >= 2
                && !CURRENCIES.contains(&w.text)
        });
    // "10 U.S.C. 2", "§ 1983": a reference to a statute, not an amount.
    let citation = word
        .start
        .checked_sub(2)
        .and_then(|i| chars.get(i..word.start))
        .is_some_and(|before| before.contains(&'§'))
        || chars
            .get(word.end..)
            .map(|rest| rest.iter().skip_while(|c| **c == ' ').take(4).collect::<Vec<_>>())
            .is_some_and(|next| {
                matches!(next.as_slice(), [a, '.', b, '.'] if a.is_uppercase() && b.is_uppercase())
            });
    // "Two simple reasons lie behind it": the text counting its own
    // points, not the world.
    let counts_the_text = (1..=2).any(|k| {
        all.get(index + k).is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "reasons"
                    | "reason"
                    | "points"
                    | "things"
                    | "ways"
                    | "lessons"
                    | "takeaways"
                    | "questions"
                    | "options"
                    | "themes"
                    | "principles"
                    | "parts"
                    | "sections"
            )
        })
    });
    // "**Three.** I filled in…", "2) Rotate keys": a list's number.
    let list_number = all[..index]
        .iter()
        .all(|w| !w.text.chars().any(char::is_alphanumeric))
        && matches!(chars.get(word.end), Some('.' | ')' | ':'))
        && chars
            .get(word.end + 1)
            .is_none_or(|c| c.is_whitespace() || *c == '*');
    // "a 50/50 split", "24/7": a ratio of assignment, not a result.
    let ratio = chars.get(word.end) == Some(&'/')
        || word.start.checked_sub(1).and_then(|i| chars.get(i)) == Some(&'/');
    !(year
        || counts_the_text
        || list_number
        || citation
        || dashed_date
        || ordinal
        || time
        || date
        || named
        || product_name
        || document_number
        || ratio
        || is_window(all, index))
}

/// "A fifth", "a quarter", "three quarters", "one tenth": a fraction,
/// which alone ("the fifth week", "the first quarter") is an ordinal or a
/// period.
fn fraction_after_article(all: &[Word<'_>], index: usize) -> bool {
    let word = |i: usize| all.get(i).map(Word::lower).unwrap_or_default();
    matches!(
        word(index).as_str(),
        "fifth" | "fifths" | "quarter" | "quarters" | "tenth" | "tenths" | "third" | "thirds"
    ) && index.checked_sub(1).is_some_and(|before| {
        matches!(
            word(before).as_str(),
            "a" | "one" | "two" | "three" | "four" | "nine"
        )
    }) && !matches!(word(index + 1).as_str(), "of" if word(index + 2) == "the" && word(index + 3) == "year")
}

const CURRENCIES: &[&str] = &["USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "INR"];

/// Words after a number that make it a length of time.
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "quarter", "quarters", "year", "years",
];
/// Words before a length of time that make it a window ("within 30 days",
/// "the same 30 days", "a sliding 30-day window"), not a measured duration
/// ("the outage lasted 18 hours").
#[rustfmt::skip]
const WINDOW_LEADS: &[&str] = &[
    "within", "inside", "same", "sliding", "rolling", "last", "past", "next", "every", "each",
    "first", "per", "over", "for",
];
/// Words between a window's lead and its length: "for nearly fifty years".
const ROUGHLY: &[&str] = &[
    "nearly", "almost", "about", "around", "roughly", "some", "more", "than", "over", "under",
    "just", "the",
];
/// Words before "for" that make the length a measured duration ("the
/// outage lasted for 18 hours"), not how long something has gone on.
const MEASURED_FOR: &[&str] = &[
    "lasted",
    "last",
    "lasts",
    "took",
    "down",
    "offline",
    "unavailable",
    "out",
    "disrupted",
    "degraded",
    "waited",
    "wait",
    "waiting",
    "stuck",
    "delayed",
    "lost",
    "failed",
    "broken",
];

fn is_window(all: &[Word<'_>], index: usize) -> bool {
    let Some(word) = all.get(index) else {
        return false;
    };
    let lower = word.lower();
    let unit_joined = TIME_UNITS
        .iter()
        .any(|unit| lower.ends_with(&format!("-{unit}")));
    let unit_after = all
        .get(index + 1)
        .is_some_and(|next| TIME_UNITS.contains(&next.lower().as_str()));
    // The lead, past any "nearly" / "more than".
    let mut at = index;
    let leads_here = |at: usize| {
        at.checked_sub(1)
            .and_then(|i| all.get(i))
            .is_some_and(|w| WINDOW_LEADS.contains(&w.lower().as_str()))
    };
    while !leads_here(at)
        && at > 0
        && ROUGHLY.contains(&all[at - 1].lower().as_str())
        && index - at < 3
    {
        at -= 1;
    }
    let lead_word = at.checked_sub(1).and_then(|i| all.get(i)).map(Word::lower);
    let lead = match lead_word.as_deref() {
        Some("for") => !at
            .checked_sub(2)
            .and_then(|i| all.get(i))
            .is_some_and(|w| MEASURED_FOR.contains(&w.lower().as_str())),
        Some(word) => WINDOW_LEADS.contains(&word),
        None => false,
    };
    // "fifty years from now", "two weeks ago": a point in time.
    let point = (unit_after || unit_joined) && {
        let after = |k: usize| all.get(index + k).map(Word::lower).unwrap_or_default();
        let skip = usize::from(unit_after);
        matches!(
            after(1 + skip).as_str(),
            "ago" | "later" | "earlier" | "before" | "hence" | "since"
        ) || (after(1 + skip) == "from" && after(2 + skip) == "now")
    };
    (unit_joined || unit_after) && (lead || point)
}

/// Whether the sentence states an amount (in digits or in words).
pub fn states_amount(sentence: &str) -> bool {
    let all = words(sentence);
    (0..all.len()).any(|i| is_amount(sentence, &all, i)) || a_span_in_words(&all)
}

/// "An hour and a half", "half a day": a length written without a number.
fn a_span_in_words(all: &[Word<'_>]) -> bool {
    let lower: Vec<String> = all.iter().map(Word::lower).collect();
    let unit = |w: &str| TIME_UNITS.contains(&w);
    lower.windows(5).any(|w| {
        matches!(w[0].as_str(), "a" | "an")
            && unit(&w[1])
            && w[2] == "and"
            && w[3] == "a"
            && w[4] == "half"
    }) || lower
        .windows(3)
        .any(|w| w[0] == "half" && matches!(w[1].as_str(), "a" | "an") && unit(&w[2]))
}

/// Words that say what an amount measures: an outcome, not an inventory
/// ("149 committers", "three pilots"). With a share, a sum of money, a
/// duration, people affected, a comparison or a change, a number backs a
/// claim; a bare count of things does not.
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "affected", "hours", "hour", "minutes", "minute", "days", "seconds", "users", "customers",
    "people", "visitors", "members", "subscribers", "patients", "residents", "households",
    "million", "billion", "thousand", "than", "from", "lost", "fell", "rose",
    "per", "each", "average", "median", "rate", "share", "score", "times", "faster",
    "slower", "more", "fewer", "less", "positive", "negative", "failed", "errors", "requests",
    "sales", "orders", "transactions", "calls", "complaints", "tickets", "signups", "sign-ups",
];

/// Whether the sentence's number measures something that matters to the
/// reader (see [`MEASURES`]), or is a share of a whole ("114 of our 4,000
/// crew"). Read in English only: the caller knows the draft's language.
pub fn measures_an_outcome(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    // "114 of our 4,000 crew", "two-thirds of carts", "half of all users".
    let fraction = |w: &str| {
        w.split('-').any(|part| {
            matches!(
                part,
                "half"
                    | "third"
                    | "thirds"
                    | "quarter"
                    | "quarters"
                    | "fifth"
                    | "fifths"
                    | "tenth"
                    | "tenths"
                    | "majority"
                    | "most"
            )
        })
    };
    // ("Two of our team meetings" names no whole: no share.)
    let share_of_whole = lower.iter().enumerate().any(|(i, w)| {
        let of = lower.get(i + 1).is_some_and(|o| o == "of");
        let whole_counted = lower.iter().skip(i + 2).take(3).any(|n| is_number_word(n));
        of && (fraction(w) || (is_number_word(w) && whole_counted))
    });
    // "It carries a CVSS base score of 4.9": a severity rating grades a
    // threat; it measures nothing that happened.
    let measures = if rates_severity(&lower) {
        MEASURES.iter().copied().filter(|w| *w != "score").collect()
    } else {
        MEASURES.to_vec()
    };
    sentence.contains('%')
        || sentence.contains(['$', '€', '£', '¥'])
        || share_of_whole
        || only_qualifies_an_amount(&lower)
        || a_span_in_words(&words(sentence))
        || mentions(
            &lower,
            &OUTCOME
                .iter()
                .copied()
                .filter(|w| *w != "time")
                .collect::<Vec<_>>(),
        )
        || mentions(&lower, &measures)
}

/// "CVSS base score", "severity score", "risk rating": a grade given to a
/// threat or an issue.
fn rates_severity(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(i, w)| {
        w == "cvss"
            || (matches!(w.as_str(), "severity" | "base" | "risk")
                && lower
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.as_str(), "score" | "rating")))
    })
}

/// "Only 40 customers", "only a third": "only" says an amount fell short
/// when it qualifies that amount ("focus only on the launch" measures
/// nothing).
fn only_qualifies_an_amount(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(i, w)| {
        w == "only"
            && lower.iter().skip(i + 1).take(2).any(|n| {
                is_number_word(n)
                    || matches!(
                        n.as_str(),
                        "half" | "third" | "quarter" | "fraction" | "handful"
                    )
            })
    })
}

/// Whether the sentence quotes someone it names: a quoted passage of a
/// few words and who said it ("said", "according to", a dash and a name).
pub fn attributed_quote(sentence: &str) -> bool {
    let quoted = ['“', '"', '«', '„'].iter().any(|open| {
        sentence
            .split(*open)
            .nth(1)
            .is_some_and(|rest| words(rest).len() >= 4)
    });
    let lower = lower_words(sentence);
    let attributed = mentions(&lower, &["said", "says", "told", "wrote", "according"])
        || sentence.contains("— ")
        || sentence.contains("– ");
    quoted && attributed
}

/// What states a conflict: an obstacle, a trade-off, a risk, a metric
/// moving the wrong way, an incident's damage, a worry (stems; regular
/// inflections count). Contrast words count too: "but", "however".
#[rustfmt::skip]
const CONFLICT: &[&str] = &[
    "but", "however", "yet", "although", "though", "despite", "unfortunately", "whereas",
    "obstacle", "risk", "risky", "threat", "threaten", "problem", "challenge", "trade-off",
    "tradeoff", "bottleneck", "constraint", "constrained", "shortfall", "deficit", "shortage",
    "outage", "incident", "failure", "fail", "broke", "broken", "bug", "defect", "crash",
    "breach", "vulnerable", "vulnerability", "disrupt", "disruption", "degraded", "unavailable",
    "downtime", "decline", "drop", "dropped", "fell", "fall", "falling", "lost", "lose", "loss",
    "losses", "shrink", "shrank", "shrinking", "stall", "stalled", "slowed", "slowing", "miss",
    "missed", "behind", "delay", "block", "blocked", "blocker", "worry", "worried", "concern",
    "pressure", "undercut", "rival", "competitor", "cannot", "can't", "unable", "struggle",
    "worse", "worsen", "negative", "erode", "eroding", "overrun", "expensive", "costly", "costs",
    "penalty", "damage", "harm", "hurt", "complain", "complaint", "unhappy", "frustrated",
    "abandon", "lack", "lacking", "insufficient", "error", "errors", "dilemma", "tension",
    "squeeze", "squeezed", "threatened", "down", "weak", "weaker", "weaken", "exposed",
    "inflation",
];

/// Whether the sentence states what stands in the way.
pub fn states_conflict(sentence: &str) -> bool {
    let lower = lower_words(&without_conditions(sentence));
    let rest = without_prices(&without_good_news(&lower));
    mentions(&rest, CONFLICT)
        || states_difficulty(&rest)
        || bad_news_rise(&lower)
        || growth_that_did_not_come(&lower)
        || could_not(&lower)
        || runs_out(&lower)
        || short_of_its_target(&lower)
        || only_so_few(&lower)
}

/// "Together they have made only 8 subscribes": "only" before a count of
/// something wanted is a shortfall. ("Only 3 incidents", "it takes only
/// five minutes" are good news.)
fn only_so_few(lower: &[String]) -> bool {
    // A count of things: a share or a sum ("only 3% of the budget") may
    // be the point, not a shortfall.
    let a_count = lower.iter().enumerate().any(|(i, w)| {
        w == "only"
            && lower
                .get(i + 1)
                .is_some_and(|n| is_number_word(n) && !n.contains(['%', '$', '£', '€']))
            && !lower
                .get(i + 2)
                .is_some_and(|u| matches!(u.as_str(), "%" | "percent" | "per"))
    });
    a_count
        && !mentions(lower, BETTER_LOW)
        && !mentions(lower, TIME_UNITS)
        && !mentions(
            lower,
            &["took", "takes", "take", "needed", "needs", "costs", "cost"],
        )
}

/// "93.8% of patients were seen in four hours, against a target of 95%":
/// a result on the wrong side of the bar set for it (above it, for
/// spending against a budget).
fn short_of_its_target(lower: &[String]) -> bool {
    const BARS: &[&str] = &[
        "target",
        "goal",
        "standard",
        "plan",
        "budget",
        "forecast",
        "threshold",
    ];
    const SET_AGAINST: &[&str] = &["against", "versus", "vs", "compared"];
    let number = |w: &String| crate::coach::claims::parse_number(w);
    lower.iter().enumerate().any(|(at, w)| {
        if !SET_AGAINST.contains(&w.as_str()) {
            return false;
        }
        let result = lower[..at].iter().rev().take(8).find_map(number);
        let after: Vec<&String> = lower.iter().skip(at + 1).take(6).collect();
        let bar = after.iter().copied().find_map(number);
        let names_a_bar = after.iter().any(|a| BARS.contains(&a.as_str()));
        // Spending is better under its budget; a result, over its target.
        let spending = after.iter().any(|a| *a == "budget")
            || mentions(lower, &["cost", "costs", "spend", "spending", "spent"]);
        match (result, bar) {
            (Some(result), Some(bar)) if names_a_bar && result != bar => (result < bar) != spending,
            _ => false,
        }
    })
}

/// "12 calls could not be answered", "no officer could respond": what
/// could not be done.
fn could_not(lower: &[String]) -> bool {
    lower.iter().any(|w| w == "couldn't" || w == "couldn’t")
        || lower
            .windows(2)
            .any(|pair| pair[0] == "could" && pair[1] == "not")
        || lower
            .windows(3)
            .any(|w| w[0] == "no" && (w[1] == "could" || w[2] == "could"))
}

/// "The database will run out of space in six months": a resource that
/// ends.
fn runs_out(lower: &[String]) -> bool {
    lower.windows(3).any(|w| {
        matches!(w[0].as_str(), "run" | "runs" | "running" | "ran") && w[1] == "out" && w[2] == "of"
    })
}

/// "The number of new people joining has not risen as hoped", "sign-ups
/// did not grow", "fewer than expected": a measure not moving as it should.
fn growth_that_did_not_come(lower: &[String]) -> bool {
    let denied_rise = lower.iter().enumerate().any(|(i, word)| {
        (RISES.contains(&word.as_str())
            || matches!(word.as_str(), "improve" | "improved" | "grown"))
            && (i.saturating_sub(3)..i).any(|b| {
                matches!(
                    lower[b].as_str(),
                    "not" | "never" | "failed" | "hasn't" | "didn't" | "haven't"
                ) || lower[b].ends_with("n't")
            })
    });
    let short_of_hopes = lower.windows(3).any(|w| {
        matches!(
            w[0].as_str(),
            "fewer" | "less" | "lower" | "slower" | "smaller"
        ) && w[1] == "than"
            && matches!(
                w[2].as_str(),
                "expected" | "hoped" | "planned" | "forecast" | "target"
            )
    });
    denied_rise || short_of_hopes
}

/// Words of rising.
const RISES: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "grew",
    "grow",
    "grows",
    "growing",
    "increase",
    "increased",
    "increases",
    "increasing",
    "climbed",
    "climbing",
    "jumped",
    "soared",
    "surged",
    "doubled",
    "tripled",
    "higher",
];

/// A measure that is better low, rising: "energy prices rising 5% to 14%",
/// "churn rose", "latency doubled".
fn bad_news_rise(lower: &[String]) -> bool {
    lower.iter().enumerate().any(|(i, word)| {
        RISES.contains(&word.as_str())
            && (i.saturating_sub(4)..i).any(|m| {
                let measure = lower[m].as_str();
                BETTER_LOW.contains(&measure)
                    || matches!(measure, "prices" | "price" | "bill" | "bills")
                    || measure == "time"
                        && m.checked_sub(1)
                            .is_some_and(|b| TIMED.contains(&lower[b].as_str()))
            })
    })
}

/// "Standard costs nothing", "it costs $9 a month": a price, not a cost
/// that hurts ("every free user costs us money" does).
fn without_prices(lower: &[String]) -> Vec<String> {
    lower
        .iter()
        .enumerate()
        .filter(|(i, word)| {
            let next = lower.get(i + 1).map(String::as_str).unwrap_or_default();
            let price = matches!(word.as_str(), "cost" | "costs")
                && (matches!(next, "nothing" | "only" | "just" | "less" | "from")
                    || next.chars().next().is_some_and(|c| c.is_ascii_digit()));
            !price
        })
        .map(|(_, w)| w.clone())
        .collect()
}

/// Measures that are better low, as one word ("load time" by its last).
#[rustfmt::skip]
const BETTER_LOW: &[&str] = &[
    "churn", "cost", "costs", "cac", "latency", "error", "errors", "defect", "defects", "incident",
    "incidents", "outage", "outages", "downtime", "bounce", "tickets", "complaints", "refunds",
    "abandonment", "cancellations", "attrition", "resignations", "unsubscribes", "wait", "waits",
];
/// Words before "time" that make it a measure better low: "load time".
const TIMED: &[&str] = &[
    "load",
    "response",
    "wait",
    "waiting",
    "page",
    "handling",
    "resolution",
    "processing",
    "build",
    "queue",
    "lead",
    "cycle",
    "loading",
    "turnaround",
];
const FALLS: &[&str] = &[
    "fell", "fall", "falls", "falling", "drop", "dropped", "drops", "decline", "declined",
    "declines", "down", "shrank", "cut", "reduced", "lower",
];

/// The words without each fall of a measure that is better low, and the
/// measure itself: "page load time fell by 27%" is good news, not trouble.
fn without_good_news(lower: &[String]) -> Vec<String> {
    let better_low = |i: usize| {
        let word = lower[i].as_str();
        BETTER_LOW.contains(&word)
            || word == "time"
                && i.checked_sub(1)
                    .is_some_and(|b| TIMED.contains(&lower[b].as_str()))
    };
    let mut dropped = vec![false; lower.len()];
    for (i, word) in lower.iter().enumerate() {
        if !FALLS.contains(&word.as_str()) {
            continue;
        }
        if let Some(measure) = (i.saturating_sub(4)..i).rev().find(|&m| better_low(m)) {
            dropped[i] = true;
            dropped[measure] = true;
        }
    }
    lower
        .iter()
        .zip(dropped)
        .filter(|(_, gone)| !gone)
        .map(|(w, _)| w.clone())
        .collect()
}

/// "Keeping stakeholders engaged was hard", "difficult to fit into
/// sprints": a difficulty in plain words. ("Hard" alone is too often
/// praise: "worked hard".)
fn states_difficulty(lower: &[String]) -> bool {
    // "Harder and harder to keep pace": the difficulty growing.
    let harder_to = lower
        .iter()
        .enumerate()
        .any(|(i, w)| w == "harder" && lower.iter().skip(i + 1).take(3).any(|t| t == "to"));
    harder_to
        || mentions(
            lower,
            &[
                "difficult",
                "difficulty",
                "difficulties",
                "understaffed",
                "overstretched",
                "overloaded",
                "short-staffed",
            ],
        )
        || lower.windows(2).any(|pair| {
            matches!(
                (pair[0].as_str(), pair[1].as_str()),
                (
                    "was" | "is" | "were" | "are" | "been" | "proved" | "felt",
                    "hard"
                ) | ("hard", "to")
            )
        })
}

/// A condition is not an obstacle: "may take part, but only if the rules
/// below are met" reads as "only if". And "the most vulnerable" are people
/// served, not a weakness ("vulnerable to attack" is one).
fn without_conditions(sentence: &str) -> String {
    let mut lower = sentence.to_lowercase();
    for condition in [
        "only if",
        "only when",
        "only after",
        "only where",
        "only with",
    ] {
        lower = lower.replace(&format!("but {condition}"), condition);
    }
    lower
        .replace("the most vulnerable", "the most in need")
        .replace("most vulnerable people", "people most in need")
}

/// Words of conflict that a result may hold as good news: a fall, a loss,
/// errors or churn going down ("tickets fell 30%"), and contrasts ("but
/// churn held"). In the evidence only the rest count: an obstacle, a
/// failure, a shortfall ("did not reach 95% confidence").
#[rustfmt::skip]
const MOVEMENT: &[&str] = &[
    "but", "however", "yet", "although", "though", "despite", "whereas", "decline", "drop",
    "dropped", "fell", "fall", "falling", "lost", "lose", "loss", "losses", "shrink", "shrank",
    "shrinking", "slowed", "slowing", "down", "errors", "error", "outage", "incident", "downtime",
    "complain", "complaint", "costs", "erode", "eroding", "weak", "weaker", "weaken", "negative",
    "crash", "bug", "defect", "failure", "inflation", "rival", "competitor", "pressure",
];

/// Whether a sentence of results states an obstacle: what stood in the
/// way or failed, not a measure that moved (which may be good news).
pub fn states_obstacle(sentence: &str) -> bool {
    let lower = lower_words(&without_conditions(sentence));
    let obstacles: Vec<&str> = CONFLICT
        .iter()
        .copied()
        .filter(|w| !MOVEMENT.contains(w))
        .collect();
    let fell_short = lower.windows(2).any(|pair| {
        matches!(
            (pair[0].as_str(), pair[1].as_str()),
            ("did", "not") | ("not", "enough") | ("fell", "short")
        )
    }) || mentions(&lower, &["inconclusive", "unreliable"]);
    mentions(&lower, &obstacles) || fell_short || states_difficulty(&lower)
}

/// Who acts in a resolution: "we will", "the team will", "I propose".
#[rustfmt::skip]
const ACTORS: &[&str] = &[
    "we", "i", "you", "team", "teams", "group", "department", "board", "committee", "engineering",
    "authority", "agency", "council", "ministry", "government", "company", "organisation",
    "organization", "firm", "regulator",
    "engineers", "management", "leadership", "staff", "everyone", "finance", "legal", "sales",
    "marketing", "product", "support", "ops", "operations", "owner", "owners", "lead",
];
/// How a resolution commits: future or obligation after its actor.
#[rustfmt::skip]
const COMMITS: &[&str] = &[
    "will", "'ll", "’ll", "shall", "must", "should", "plan", "plans", "intend", "intends", "aim",
    "propose", "proposes", "recommend", "recommends", "ask", "asks", "request", "requests",
    "need", "needs", "decided", "commit", "commits", "committed", "are", "is", "'re", "’re",
    "have", "has",
];
/// Verbs after "will" that commit to nothing new: "we will continue to…".
const NO_COMMITMENT: &[&str] = &["continue", "remain", "stay", "be", "been", "expect", "see"];
/// Words that may stand before a resolution's actor without making its
/// clause a relative one ("the letter I will write" is not a plan).
#[rustfmt::skip]
const LEADS: &[&str] = &[
    "and", "but", "so", "then", "now", "today", "also", "therefore", "next", "finally", "first",
    "together", "instead", "meanwhile", "thus", "hence", "this", "that", "next", "week", "month",
    "quarter", "year", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "forward", "ahead", "going", "why", "where", "until", "until", "soon", "if", "when",
    "before", "after", "once", "as", "because", "since", "meantime", "result", "short",
    "spring", "summer", "autumn", "winter",
];
/// Verbs that open an instruction or an ask: "Rotate every secret",
/// "Approve the budget".
#[rustfmt::skip]
const IMPERATIVES: &[&str] = &[
    "rotate", "approve", "fund", "stop", "pause", "ship", "launch", "cap", "move", "hire", "cut",
    "raise", "please", "let's", "invest", "give", "allow", "sign", "decide", "choose", "cancel",
    "kill", "check", "update", "review", "adopt", "replace", "retire", "extend", "reallocate",
    "prioritize", "prioritise", "freeze", "delay", "postpone", "proceed", "go", "roll", "switch",
    "keep", "drop", "merge", "split", "add", "remove", "test", "run", "build", "buy", "sell",
    "monitor", "pin", "take", "restore", "make", "ensure", "introduce", "automate", "audit",
    "document", "train", "require", "enforce", "limit", "migrate", "deploy", "fix", "improve",
    "reduce", "increase", "create", "establish", "publish", "schedule", "assign", "track",
    "measure", "investigate", "commission", "hire", "offer", "expand", "consolidate", "phase",
];
/// Words that name a resolution outright: "Next steps:", "Our ask".
#[rustfmt::skip]
const NAMES_A_RESOLUTION: &[&str] = &[
    "next step", "next steps", "action item", "action items", "our ask", "the ask",
    // The line that opens a list of what comes next: "Coming up next week:".
    "coming up next", "next week:", "plans for next week", "what's next", "what is next",
    "up next:",
    "what we will do", "what we'll do", "what happens next",
    // A shutdown announced is the decision: "This post marks the end of
    // life for Paid", "we are shutting down the service".
    "the end of life for", "we are shutting down", "we're shutting down", "will shut down",
    "will be discontinued", "we are sunsetting", "we're sunsetting",
    "we ask", "decision:", "recommendation:", "resolution:", "remediation:", "mitigation:",
    "fix:", "action:", "we recommend", "we propose", "i recommend",
    "i propose", "we are asking", "i am asking", "we have decided", "we decided",
    "we've decided", "we’ve decided", "i have decided", "i decided", "i've decided",
    "i’ve decided",
    // A change of approach already made is the answer a letter gives: "we
    // changed how we place inventory", "we have restructured the team".
    "we changed how", "we changed the way", "we have changed how", "we redesigned",
    "we restructured", "we have restructured", "we reorganised", "we reorganized",
    "we switched to", "we have switched to", "we overhauled", "we shifted to",
];

/// Whether the sentence states what will be done or what is asked.
pub fn states_resolution(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    if NAMES_A_RESOLUTION
        .iter()
        .any(|phrase| contains_phrase(&lower, phrase))
    {
        return true;
    }
    let all = lower_words(&lower);
    // "Phase out the old plan" instructs; "Phase 1, 3 to 17 November:"
    // names a stage.
    let opens_with_instruction = all
        .iter()
        .position(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .is_some_and(|at| {
            IMPERATIVES.contains(&all[at].as_str())
                && !all.get(at + 1).is_some_and(|next| is_number_word(next))
        });
    opens_with_instruction
        || proposes_a_next_study(&all)
        || next_time(&all)
        || reports_an_ask(&all)
        || going_to(&all)
        || scheduled_step(&all)
        || remedied(&all)
        || stopped_by_us(&all)
        || actor_commits(&all)
        || named_actor_commits(sentence)
        || dated_rule_change(&all)
}

/// "I'm going to delete the publication", "the team is going to move":
/// a plan, when someone is going to act ("it is going to take months" is
/// a forecast).
fn going_to(all: &[String]) -> bool {
    all.windows(3).enumerate().any(|(i, w)| {
        let acting = w[1] == "going"
            && w[2] == "to"
            && all
                .get(i + 3)
                .is_some_and(|verb| !NO_COMMITMENT.contains(&verb.as_str()) && verb != "take");
        let actor = match w[0].as_str() {
            "i'm" | "i’m" | "we're" | "we’re" => true,
            "am" | "are" | "is" => i > 0 && ACTORS.contains(&all[i - 1].as_str()),
            _ => false,
        };
        acting && actor
    })
}

/// A stop decided and made: "We have stopped working on Kite", "we no
/// longer support the app", "we cancelled the rollout" (a kill is
/// the decision a go/no-go update exists for; "we paused webhooks" mid-incident
/// is a step of the response).
fn stopped_by_us(all: &[String]) -> bool {
    const STOPS: &[&str] = &[
        "stopped",
        "discontinued",
        "retired",
        "cancelled",
        "canceled",
        "sunset",
        "sunsetted",
    ];
    all.windows(3).any(|w| {
        let we = matches!(w[0].as_str(), "we" | "we've" | "we’ve");
        let have = w[0] == "we" && w[1] == "have";
        (we && STOPS.contains(&w[1].as_str()))
            || (have && STOPS.contains(&w[2].as_str()))
            || (w[0] == "we" && w[1] == "no" && w[2] == "longer")
    })
}

/// A named step of work with its date: "phase 1 due in July 2020", "the
/// cut-over is scheduled for 3 May". (Work that merely goes on, with no
/// date, is status.)
fn scheduled_step(all: &[String]) -> bool {
    all.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "due" | "scheduled" | "planned")
            && all.iter().skip(i + 1).take(3).any(|d| {
                MONTHS.contains(&d.as_str())
                    || matches!(
                        d.as_str(),
                        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "next"
                    )
                    || (d.len() == 2
                        && d.starts_with('q')
                        && d[1..].chars().all(|c| c.is_ascii_digit()))
            })
    })
}

/// An incident's remedy, already applied: "We mitigated the incident by
/// rolling back the change", "the change was reverted at 00:18", "we have
/// credited the accounts" (a postmortem's remediation does the
/// resolution's job).
fn remedied(all: &[String]) -> bool {
    const REMEDIES: &[&str] = &[
        "mitigated",
        "rolled",
        "reverted",
        "restored",
        "fixed",
        "patched",
        "credited",
        "refunded",
        "disabled",
        "resolved",
        "remediated",
    ];
    // Said of a thing, only an undoing or a repair counts: "the databases
    // were restored" is the incident ending, not its remedy.
    const UNDONE: &[&str] = &[
        "reverted",
        "patched",
        "mitigated",
        "remediated",
        "credited",
        "refunded",
    ];
    all.windows(2).enumerate().any(|(i, w)| {
        // "Rolled back", not "rolled out".
        let remedy = REMEDIES.contains(&w[1].as_str())
            && (w[1] != "rolled" || all.get(i + 2).is_some_and(|b| b == "back"));
        let by_us = w[0] == "we" || (w[0] == "have" && i > 0 && all[i - 1] == "we");
        let undone = matches!(w[0].as_str(), "been" | "was" | "were")
            && (UNDONE.contains(&w[1].as_str())
                || (w[1] == "rolled" && all.get(i + 2).is_some_and(|b| b == "back")));
        remedy && (by_us || undone)
    })
}

/// A lesson turned into a next step: "Next time we will book the room
/// first", "next time the funds should be sent earlier". ("Next time, the
/// funds could be sent earlier" is the lesson alone.)
fn next_time(all: &[String]) -> bool {
    matches!(all, [first, second, ..] if first == "next" && second == "time")
        && all
            .iter()
            .any(|w| matches!(w.as_str(), "will" | "should" | "must" | "need" | "plan"))
}

/// An ask reported as made: "the office asked for $942,268 to hire two
/// secretaries", "the team requested approval for a second pilot".
fn reports_an_ask(all: &[String]) -> bool {
    const ASKED: &[&str] = &[
        "request",
        "asked",
        "asks",
        "asking",
        "requested",
        "requests",
        "requesting",
        "sought",
        "seeks",
        "seeking",
        "applied",
    ];
    const ASKED_FOR: &[&str] = &[
        "funding",
        "funds",
        "money",
        "budget",
        "approval",
        "permission",
        "investment",
        "staff",
        "headcount",
        "resources",
        "grant",
        "support",
        "sign-off",
        "raises",
        "total",
    ];
    // "The Board is asked to approve the project": the ask put to the reader.
    let asked_to_act = all
        .windows(3)
        .any(|w| matches!(w[0].as_str(), "is" | "are") && w[1] == "asked" && w[2] == "to");
    asked_to_act
        || all.iter().enumerate().any(|(i, word)| {
            ASKED.contains(&word.as_str())
                && all.iter().skip(i + 1).take(5).any(|w| {
                    ASKED_FOR.contains(&w.as_str())
                        || w.chars().next().is_some_and(|c| c.is_ascii_digit())
                })
        })
}

/// A read-out's next step: "Another pilot should run in May", "a further
/// test will drop the school's name". ("A further test might give us the
/// answer" names a possibility, a lesson; nobody is to act.)
fn proposes_a_next_study(all: &[String]) -> bool {
    let opens = matches!(
        all,
        [first, second, ..]
            if matches!(first.as_str(), "a" | "an" | "another" | "the")
                && matches!(second.as_str(), "further" | "follow-up" | "second" | "new" | "next" | "repeat")
    ) || all.first().is_some_and(|w| w == "another");
    let study = all.iter().take(4).any(|w| {
        matches!(
            w.as_str(),
            "test" | "experiment" | "trial" | "study" | "pilot" | "round" | "iteration" | "version"
        )
    });
    let modal = all
        .iter()
        .any(|w| matches!(w.as_str(), "should" | "will" | "must"));
    opens && study && modal
}

/// A rule that takes effect on a day: "From December 1st, employees can
/// work from home one day a week", "Effective 1 March, travel needs
/// approval". Its numbers are the rule's terms, not proof.
fn dated_rule_change(all: &[String]) -> bool {
    let opens = all
        .first()
        .is_some_and(|w| matches!(w.as_str(), "from" | "starting" | "effective" | "beginning"));
    let dated = all.iter().skip(1).take(3).any(|w| {
        MONTHS.contains(&w.as_str())
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(w.as_str(), "today" | "tomorrow" | "monday" | "next")
    });
    let rule_verb = all.iter().any(|w| {
        matches!(
            w.as_str(),
            "can" | "may" | "must" | "will" | "need" | "needs"
        )
    });
    opens && dated && rule_verb
}

/// A named actor inside the sentence commits: "Besides the penalty, Knight
/// will retain an independent consultant." (A capitalised word that opens
/// the sentence may be a metric: "Revenue will grow".)
fn named_actor_commits(sentence: &str) -> bool {
    let all = words(sentence);
    all.windows(3).enumerate().any(|(i, w)| {
        let named =
            i > 0 && w[0].text != "I" && w[0].text.chars().next().is_some_and(char::is_uppercase);
        // "Knight will retain…"; "the County proposes to raise fees".
        let commits = w[1].text == "will" && !NO_COMMITMENT.contains(&w[2].lower().as_str())
            || matches!(
                w[1].text,
                "proposes" | "recommends" | "intends" | "plans" | "decided" | "agreed" | "voted"
            ) && w[2].text == "to";
        named && commits
    })
}

/// An actor followed (within two words) by a commitment: "we will cut",
/// "the platform team is moving", "I need your approval".
fn actor_commits(all: &[String]) -> bool {
    // "If you are one of them, you will need to…": after a conditional
    // clause the main clause's actor follows any word.
    let conditional = all
        .first()
        .is_some_and(|w| matches!(w.as_str(), "if" | "when" | "once" | "unless" | "until"));
    all.iter().enumerate().any(|(i, word)| {
        if !ACTORS.contains(&word.as_str()) {
            return false;
        }
        let relative = !conditional
            && i > 0
            && ["we", "i", "you"].contains(&word.as_str())
            && all.get(i - 1).is_some_and(|before| {
                !LEADS.contains(&before.as_str())
                    && !MONTHS.contains(&before.as_str())
                    && !before.chars().all(|c| c.is_ascii_digit())
            });
        if relative {
            return false;
        }
        all.iter()
            .enumerate()
            .skip(i + 1)
            .take(2)
            .any(|(j, next)| commits_at(all, j, next))
    })
}

fn commits_at(all: &[String], at: usize, word: &str) -> bool {
    let following = all.get(at + 1).map(String::as_str).unwrap_or_default();
    match word {
        // A modal with no verb after it is an aside ("so I must), and…").
        "will" | "'ll" | "’ll" | "shall" | "must" | "should" => {
            !NO_COMMITMENT.contains(&following)
                && !matches!(
                    following,
                    "" | "and" | "or" | "but" | "so" | "because" | "if"
                )
        }
        // "We are moving", "the team is cutting": an action under way
        // from now; "we are investigating", "we are proud" are not plans.
        "are" | "is" | "'re" | "’re" => {
            // "The team is moving its attention to V2": a focus, not a step.
            let turns_attention = matches!(following, "moving" | "shifting" | "turning")
                && all
                    .iter()
                    .skip(at + 2)
                    .take(3)
                    .any(|w| w == "attention" || w == "focus");
            !turns_attention
                && following.ends_with("ing")
                && ![
                    "investigating",
                    "concentrating",
                    "focusing",
                    "focussing",
                    "seeing",
                    "working",
                    "looking",
                    "still",
                    "growing",
                    "doing",
                    "going",
                    "expecting",
                    "continuing",
                    "performing",
                    "trading",
                    "facing",
                    "struggling",
                    "losing",
                    "experiencing",
                    "being",
                ]
                .contains(&following)
        }
        // "We have decided", "the board has approved".
        "have" | "has" => {
            ["decided", "agreed", "approved", "chosen", "committed"].contains(&following)
        }
        _ => COMMITS.contains(&word),
    }
}

fn contains_phrase(lower: &str, phrase: &str) -> bool {
    lower.match_indices(phrase).any(|(at, _)| {
        let before = lower.get(..at).and_then(|s| s.chars().next_back());
        let after = lower
            .get(at + phrase.len()..)
            .and_then(|s| s.chars().next());
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() && !phrase.ends_with(':'))
    })
}

/// Whether the sentence sets the scene: a statement of some length that
/// is not a plan, not an ask, not itself the conflict and not a log entry
/// ("14:02 UTC — …").
pub fn states_context(sentence: &str) -> bool {
    let all = words(sentence);
    let log_entry = sentence
        .trim_start()
        .chars()
        .take(6)
        .filter(|c| c.is_ascii_digit() || *c == ':')
        .count()
        >= 4
        // A status page's entry: "**Update, 16 April.** …", "Resolved: …".
        || all.first().is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "update" | "updated" | "resolved" | "investigating" | "monitoring" | "identified"
            ) && sentence[w.end..].starts_with([',', ':', '.', '*'])
        });
    all.len() >= 8
        && !log_entry
        && !reports_on_the_team(sentence)
        && !frames_the_text(sentence)
        && !states_resolution(sentence)
        && !states_conflict(sentence)
}

/// The team speaking of itself with nothing counted: "We take security
/// extremely seriously", "we are testing and handing back sites much
/// faster". That is how the writer feels or what it is busy with, not
/// what is so for the reader. ("We closed the quarter with 209m members"
/// counts something and is context.)
fn reports_on_the_team(sentence: &str) -> bool {
    let lower = lower_words(sentence);
    lower.iter().any(|w| w == "we") && !has_number(sentence)
}

/// A courtesy ("Thank you for your attention") or the line that introduces
/// a table ("Restoration by day:") frames the update; it states nothing.
fn frames_the_text(sentence: &str) -> bool {
    let lower = sentence.trim().to_lowercase();
    lower.ends_with(':')
        || [
            "thank you",
            "thanks",
            "sorry",
            "please",
            "we apologise",
            "we apologize",
        ]
        .iter()
        .any(|opening| lower.starts_with(opening))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_counts_rates_sums_and_durations_not_dates_or_names() {
        for amount in [
            "Conversion rose to 11.4%.",
            "We lost nine hours of orders.",
            "It costs $1.2m a year.",
            "The outage lasted 18 hours.",
            "About 400 customers were cut off.",
            "MRR reached $18,500 in July.",
            "Over the last five days that rose to 56.",
            "The site was down for nearly nine hours.",
            "A 27-minute outage hit checkout.",
        ] {
            assert!(states_amount(amount), "{amount}");
        }
        for not_amount in [
            "Two simple reasons lie behind the decision.",
            "**Three.** I filled in a spreadsheet for the search team.",
            "2) Rotate the keys in the vault.",
            "It has been nearly fifty years since we began.",
            "A thriving planet fifty years from now needs all of us.",
            "I filled in a spreadsheet of what search will cost over three years.",
            "Check your logs from 21 December through today.",
            "The project was founded in 2007.",
            "At 17:20 UTC the job started.",
            "We moved to Java 7 on the 4th.",
            "Sprint 11 is done.",
            "Date: 2020-04-24",
            "Upgrade anything older to at least JDK 9.",
            "Visitors were split 50/50 between control and variation.",
            "Customers who cancel inside the same 30 days now count.",
            "Third, staff get a larger cost-of-living adjustment.",
            "So this is a two-week edition, and later than usual.",
        ] {
            assert!(!states_amount(not_amount), "{not_amount}");
        }
    }

    #[test]
    fn context_is_what_is_so_not_the_team_on_itself_a_courtesy_or_a_caption() {
        for context in [
            "Most of our revenue comes from mid-market banks in Germany and France.",
            "We closed the quarter with more than 209m paid memberships, slightly ahead of plan.",
        ] {
            assert!(states_context(context), "{context}");
        }
        for not_context in [
            "**Update, 16 April.** 99% of affected users are back and we have contacted the rest.",
            "We take the security of our systems, and of yours, extremely seriously.",
            "With automation now fully running, we are testing and handing back sites much faster.",
            "Thank you for giving this your urgent attention today.",
            "Restoration went from 55% of affected users to all of them in four days:",
        ] {
            assert!(!states_context(not_context), "{not_context}");
        }
    }

    #[test]
    fn a_dated_rule_change_is_a_resolution_a_standing_intention_is_not() {
        for resolution in [
            "From December 1st, employees can work from home one day a week instead of three.",
            "Effective 1 March, every trip over $500 needs a director's approval.",
        ] {
            assert!(states_resolution(resolution), "{resolution}");
        }
        for not_resolution in [
            "From 2019 to 2021 churn rose by half.",
            "I am confident that we are well placed to keep growing.",
            // An intention commits nobody to act (the rubric's reading).
            "We stay focused on improving the service for our members.",
        ] {
            assert!(!states_resolution(not_resolution), "{not_resolution}");
        }
    }

    #[test]
    fn a_conflict_is_an_obstacle_a_trade_off_or_a_metric_going_the_wrong_way() {
        assert!(states_conflict(
            "A rival cut prices 30% and our margin collapsed to 4%, down from 11%."
        ));
        assert!(states_conflict(
            "Every free user costs us money that comes out of the research budget."
        ));
        assert!(states_conflict(
            "Our biggest worry was that closing the offices would cut access."
        ));
        assert!(states_conflict(
            "The department is finding it harder and harder to keep pace with the work."
        ));
        assert!(states_conflict(
            "Every division in the department is understaffed."
        ));
        // A result short of its target; what could not be done; a
        // resource that runs out.
        assert!(states_conflict(
            "In September, 93.8% of patients waited less than four hours, against a target of 95%."
        ));
        assert!(!states_conflict(
            "In September, 96.1% of patients waited less than four hours, against a target of 95%."
        ));
        assert!(states_conflict(
            "Support costs were $1.4m against a budget of $1.1m."
        ));
        assert!(states_conflict(
            "So far 149 subscribers have made only 8 one-click subscribes."
        ));
        assert!(!states_conflict("Setting it up takes only five minutes."));
        assert!(states_conflict(
            "In that period 12 more calls could not be answered straight away."
        ));
        assert!(states_conflict(
            "At this rate our primary database will run out of space in six months."
        ));
        assert!(!states_conflict(
            "MRR more than doubled, from $115k in July to $253k."
        ));
        assert!(!states_conflict(
            "Employees can work from home one day a week instead of three."
        ));
        // A difficulty in plain words is one; a condition is not.
        assert!(states_conflict("Keeping stakeholders engaged was hard."));
        assert!(states_conflict(
            "The work was difficult to fit into sprints."
        ));
        assert!(!states_conflict(
            "Civilian police may take part, but only if the rules below are met."
        ));
        assert!(!states_conflict(
            "It helps people who care for the most vulnerable."
        ));
        // A fall of a measure better low is good news; of one better high, trouble.
        assert!(!states_conflict(
            "Page load time fell by 27%, from 2.96 s to 2.15 s."
        ));
        assert!(!states_conflict("Support tickets dropped by a third."));
        assert!(states_conflict("Sign-ups fell by 27% in March."));
        assert!(states_conflict(
            "Errors fell, but the migration is blocked on the vendor."
        ));
        // Growth that did not come is trouble.
        assert!(states_conflict(
            "The number of new people joining through Fleets has not risen as we hoped."
        ));
        assert!(states_conflict("Sign-ups were fewer than expected in May."));
        // A measure better low, rising, is trouble.
        assert!(states_conflict(
            "Energy prices are rising 5% to 14% a year."
        ));
        assert!(states_conflict("Page load time doubled after the release."));
        // A price is not a cost that hurts.
        assert!(!states_conflict(
            "Now that Standard costs nothing, trials end."
        ));
        assert!(!states_conflict(
            "Premium costs $29.99 a month from February."
        ));
    }

    #[test]
    fn an_outcome_number_measures_something_a_count_of_things_does_not() {
        for outcome in [
            "114 of our roughly 4,000 crew have tested positive.",
            "Everything was working again about an hour and a half after it began.",
            "Two-thirds of carts were abandoned at payment.",
            "Refunds cost us $40,000 in March.",
            "Only 40 of the customers we asked had heard of it.",
            "A risk score above 7 was given to only a third of the loans.",
        ] {
            assert!(
                states_amount(outcome) && measures_an_outcome(outcome),
                "{outcome}"
            );
        }
        for inventory in [
            "The office has 12 desks and three meeting rooms.",
            "Today that takes five separate steps.",
            "This strand now has three pilots.",
            // A severity rating grades a threat; "only" that qualifies no
            // amount measures nothing.
            "It carries a CVSS base score of 4.9.",
            "Its severity score is 7 on a scale of 10.",
            "Two of our regular meetings now focus only on the launch.",
        ] {
            assert!(!measures_an_outcome(inventory), "{inventory}");
        }
    }

    #[test]
    fn in_results_only_an_obstacle_is_a_conflict() {
        assert!(states_obstacle(
            "It did not reach that, or 95% confidence, so the result cannot be relied on."
        ));
        assert!(!states_obstacle("Conversion fell 3% while churn dropped."));
        assert!(!states_obstacle("Revenue grew, but margins held at 40%."));
    }

    #[test]
    fn a_resolution_is_a_plan_an_ask_or_an_instruction_with_an_actor() {
        for plan in [
            "Over a 29-month period the office asked for a total of $942,268.68 to hire staff.",
            "The squad requested approval for a second pilot.",
            "The Trust Board is asked to approve the project.",
            "This post marks the end of life for Paid.",
            "But NASA Administrator Mike Griffin decided to go ahead with the mission.",
            "Tokens from the old servers were rejected. Resolution: a grace period for old tokens.",
            "If you are one of them, you will need to set a new password.",
            "Next time, the funds should be sent earlier.",
            "In the second half of 2022 we changed how we place inventory, creating eight regions.",
            "A further test without the school's name should run in May.",
            "I've decided to pull the plug on the integration.",
            "So I'm going to delete the publication soon.",
            "The platform team is going to move the job in May.",
            "We mitigated the incident by rolling back the change at 00:18 UTC.",
            "The change was rolled back at 00:18 UTC.",
            "We have stopped working on Kite, and we no longer support the software.",
            "We cancelled the rollout on Tuesday.",
            "Consolidation of the booking systems has begun, with phase 1 due in July 2020.",
            "Over the past two days we have credited the affected accounts.",
            "The Public Safety Department's request for additional staff comes from rising calls.",
            "We will cap free namespaces at five users from 22 June.",
            "Rotate every secret you keep in CircleCI straight away.",
            "The platform team is moving the sync job to the new queue in May.",
            "I need your approval for a 4.5% increase by Friday.",
            "In September we are spending most of our time on maintenance.",
            "Next steps: a pricing test in two markets.",
            "We have decided to pause the rollout.",
            "Besides the penalty, Knight will retain an independent consultant.",
            "For the City, the County proposes to raise contract fees by 17.5% next year.",
        ] {
            assert!(states_resolution(plan), "{plan}");
        }
        for not_plan in [
            "This is the last letter I will write to you as CEO.",
            "The quarterly cash deficit will grow from Q3 to Q4.",
            "We will continue to focus on what matters.",
            "We are investigating the incident with an outside firm.",
            "For Q4 we forecast 7.6m paid net additions.",
            "We helped 49 clients a day in February.",
            "We asked customers what they think of the new plan.",
            // A lesson or a possibility is not a next step; a forecast
            // commits nobody.
            "Next time, the funds could be sent earlier.",
            "A further test without the school's name might give us the answer.",
            "It is going to take months to recover.",
            "Phase 1, 3 to 17 November:",
            "That is why the authority is concentrating on supporting particular projects.",
            "On the whole the product team is moving its attention to V2.",
            "What would we do differently next time? The funds could be sent earlier.",
            "I like helping people (I did phone support, so I must), and it is rewarding.",
            "The desktop rollout is under way.",
            "Sign-ups have stopped growing since March.",
            "The invoice was due in 2019 and was paid late.",
            "The tool was rolled out to every repository in March.",
            "About 0.02% of databases had no backup and were restored from snapshots.",
        ] {
            assert!(!states_resolution(not_plan), "{not_plan}");
        }
    }

    #[test]
    fn an_outcome_in_numbers_is_read_from_the_words() {
        assert!(states_outcome_in_numbers("Conversion rose from 9% to 12%."));
        assert!(!states_outcome_in_numbers("We held four workshops."));
    }
}

//! Numbers that measure something: amounts, outcomes, quotes.

use super::*;

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
    "paragraph", "paragraphs", "para", "paras", "appendix", "annex", "clause", "item",
    // "Regulation 14 of the … Regulations 2011", "Apache 2.0", "GPL 3":
    // a law's or a licence's name.
    "regulation", "regulations", "directive", "schedule", "apache", "gpl", "agpl", "lgpl",
    "mpl", "licence", "license",
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
        && split_at_char(sentence, word.end).1.starts_with(',');
    if counts_a_point {
        return false;
    }
    // "RethinkDB 2.3.5", "version 1.100.0": two points make a version.
    if lower.matches('.').count() >= 2 && lower.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return false;
    }
    // "The first-generation Play:5": a number glued to a name by a colon
    // names a model. ("At 10:30" is a time, read elsewhere.)
    let glued_to_a_name = {
        let before: Vec<char> = split_at_char(sentence, word.start)
            .0
            .chars()
            .rev()
            .take(2)
            .collect();
        before.first() == Some(&':') && before.get(1).is_some_and(|c| c.is_alphabetic())
    };
    if glued_to_a_name {
        return false;
    }
    // "Placed in one of the two experiment groups": a set already known,
    // referred to, not counted ("one" before it, a small number in words
    // after "of the").
    let words_around = |k: isize| {
        index
            .checked_add_signed(k)
            .and_then(|i| all.get(i))
            .map(Word::lower)
            .unwrap_or_default()
    };
    let small_in_words = lower.chars().all(char::is_alphabetic);
    let refers = small_in_words
        && (words_around(-1) == "the" && words_around(-2) == "of"
            || lower == "one" && words_around(1) == "of" && words_around(2) == "the");
    if refers {
        return false;
    }
    // "The third outcome is…": an ordinal counting the text's points (a
    // fraction is "a third of", "one third").
    let before_word = index
        .checked_sub(1)
        .and_then(|i| all.get(i))
        .map(Word::lower)
        .unwrap_or_default();
    if lower == "third"
        && matches!(
            before_word.as_str(),
            "the" | "our" | "its" | "their" | "this" | "your" | "my"
        )
    {
        return false;
    }
    // "Every link will return a 404 response": a status code, not a count.
    // ("Other 302 redirects" too; but "500 errors" may be a count, so an
    // error or a page is a code only after an article.)
    let next_word = all.get(index + 1).map(Word::lower).unwrap_or_default();
    let status_code = lower.len() == 3
        && lower
            .parse::<u16>()
            .is_ok_and(|code| (100..600).contains(&code))
        && (matches!(
            next_word.as_str(),
            "response" | "responses" | "redirect" | "redirects" | "status" | "code" | "codes"
        ) || matches!(before_word.as_str(), "a" | "an" | "the")
            && matches!(next_word.as_str(), "error" | "page"));
    if status_code {
        return false;
    }
    // "The £500,000 threshold that triggers a Key Decision", "a limit of
    // 512 kilobytes": a rule's bar, not a measure.
    let bar = |word: &str| matches!(word, "threshold" | "limit" | "cap" | "ceiling" | "quota");
    let names_a_bar = all.get(index + 1).is_some_and(|next| bar(&next.lower()))
        || before_word == "of"
            && index
                .checked_sub(2)
                .and_then(|i| all.get(i))
                .is_some_and(|w| bar(&w.lower()));
    if names_a_bar {
        return false;
    }
    // "Millions of people rely on it", "thousands of customers": a round
    // word for "many", not a figure a reader can check.
    let round_plural = matches!(
        lower.as_str(),
        "hundreds" | "thousands" | "millions" | "billions" | "dozens"
    ) && all.get(index + 1).is_some_and(|next| next.lower() == "of")
        // ("Tens of thousands of dollars a year" gives an order of
        // magnitude.)
        && index
            .checked_sub(1)
            .and_then(|i| all.get(i))
            .is_none_or(|before| before.lower() != "of");
    if round_plural {
        return false;
    }
    let digits_only = lower.chars().all(|c| c.is_ascii_digit());
    // ("Donations have fallen to 2000€ a month": a sum, not a year.)
    let money_sign = |c: Option<char>| c.is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥'));
    let priced = money_sign(split_at_char(sentence, word.start).0.chars().next_back())
        || money_sign(split_at_char(sentence, word.end).1.chars().next());
    let year = digits_only
        && !priced
        && lower.len() == 4
        && lower
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    // "Since records began in the early 1990s": a decade.
    let decade = lower.len() == 5
        && lower.ends_with("0s")
        && lower[..4]
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2100).contains(&y));
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
    // "paragraphs 8.2 to 8.3": the range's end names as its start does.
    let named_range_end = before.is_some_and(|w| matches!(w.lower().as_str(), "to" | "and" | "or"))
        && index >= 3
        && is_number_word(&all[index - 2].lower())
        && NAMING.contains(&all[index - 3].lower().as_str());
    let named = before.is_some_and(|w| NAMING.contains(&w.lower().as_str())) || named_range_end;
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
            // ("On July 13, two days after": a date's day is no name.)
            w.text.chars().count() >= 2
                && w.text.chars().any(char::is_uppercase)
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
    // "(1) the impact over time…; (2) how well…": a list's number in
    // brackets.
    let bracketed_list_number = lower.len() <= 2
        && word.start.checked_sub(1).and_then(|i| chars.get(i)) == Some(&'(')
        && chars.get(word.end) == Some(&')');
    // "From 9 a.m.", "until 6pm": a time of day.
    let after: String = chars
        .get(word.end..)
        .map(|rest| {
            rest.iter()
                .skip_while(|c| **c == ' ')
                .take(4)
                .collect::<String>()
                .to_lowercase()
        })
        .unwrap_or_default();
    let glued_time = crate::coach::text::is_glued_time(&lower);
    let time_of_day = glued_time
        || digits_only
            && lower.len() <= 2
            && ["a.m", "p.m", "am", "pm"].iter().any(|mark| {
                after.starts_with(mark)
                    && !after[mark.len()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
            });
    // "One of our payment processors": one thing among others, not a
    // count ("one in five users" is a rate).
    let one_among = lower == "one"
        && next_word == "of"
        && all.get(index + 2).is_some_and(|w| {
            matches!(
                w.lower().as_str(),
                "our"
                    | "the"
                    | "its"
                    | "their"
                    | "these"
                    | "those"
                    | "them"
                    | "us"
                    | "my"
                    | "your"
                    | "his"
                    | "her"
            )
        });
    // "Zero emission vehicles", "a zero-trust network": a kind, not a
    // count.
    let zero_as_kind = lower == "zero"
        && matches!(
            next_word.as_str(),
            "emission"
                | "emissions"
                | "trust"
                | "waste"
                | "carbon"
                | "tolerance"
                | "sum"
                | "knowledge"
                | "day"
                | "touch"
                | "rated"
                | "hours"
        );
    // "The six people on the research team": the team's own size.
    let team_size = all
        .iter()
        .skip(index + 1)
        .take(5)
        .any(|w| matches!(w.lower().as_str(), "team" | "teams"))
        && matches!(
            next_word.as_str(),
            "people" | "staff" | "members" | "engineers" | "designers" | "researchers" | "of"
        )
        && all
            .get(index + 2)
            .is_some_and(|w| matches!(w.lower().as_str(), "on" | "in" | "of" | "who" | "our"));
    // "Updated us every 1 to 2 hours", "backups run every 6 hours": a
    // cadence, not a measure of what happened.
    let cadence = all[index.saturating_sub(3)..index]
        .iter()
        .any(|w| w.lower() == "every")
        && all
            .iter()
            .skip(index + 1)
            .take(3)
            .any(|w| TIME_UNITS.contains(&w.lower().as_str()));
    // "A third-party processor", "a one-off charge", "two-factor
    // authentication": a kind of thing, spelled with a number.
    let compound_kind = [
        "third-party",
        "third-parties",
        "first-party",
        "first-hand",
        "second-hand",
        "one-off",
        "one-time",
        "one-stop",
        "one-way",
        "two-way",
        "two-factor",
        "multi-factor",
        "one-click",
    ]
    .contains(&lower.as_str());
    if bracketed_list_number
        || time_of_day
        || one_among
        || zero_as_kind
        || team_size
        || compound_kind
        || cadence
    {
        return false;
    }
    // "a 50/50 split", "24/7": a ratio of assignment, not a result.
    let ratio = chars.get(word.end) == Some(&'/')
        || word.start.checked_sub(1).and_then(|i| chars.get(i)) == Some(&'/');
    !(year
        || decade
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
pub(super) const TIME_UNITS: &[&str] = &[
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
    // "The site stayed up for roughly two minutes and then crashed again".
    "up",
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
        // "3 hours before the launch" is a point; "3 hours before every
        // service was back" is how long it took.
        let until_a_clause = after(1 + skip) == "before"
            && (2..8).any(|k| {
                matches!(
                    after(k + skip).as_str(),
                    "was" | "were" | "had" | "came" | "returned" | "recovered" | "could"
                )
            });
        matches!(
            after(1 + skip).as_str(),
            "ago" | "later" | "earlier" | "before" | "hence" | "since"
        ) && !until_a_clause
            || (after(1 + skip) == "from" && after(2 + skip) == "now")
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

/// A length of time written with its unit glued on, after a word that
/// says it is one: "lasted 23m", "Duration: 1h 12m", "took 90s". (Alone,
/// "23m" is as often 23 million.)
fn states_a_glued_duration(sentence: &str) -> bool {
    let glued = |word: &str| {
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let unit = &word[digits.len()..];
        !digits.is_empty()
            && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
            && matches!(
                unit,
                "m" | "min" | "mins" | "h" | "hr" | "hrs" | "s" | "sec" | "secs" | "ms" | "d"
            )
    };
    lower_words(sentence).windows(2).any(|pair| {
        matches!(
            pair[0].as_str(),
            "lasted" | "lasting" | "took" | "duration" | "downtime"
        ) && glued(&pair[1])
    })
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
    // Harm counted: "eight accidents in the six months before, five after".
    "accidents", "crashes", "collisions", "injuries", "deaths", "fatalities", "casualties",
    "fires", "outages", "breaches", "incidents", "defects", "faults", "failures",
    // "77 reports of the handle coming off; at least three babies were hurt".
    "reports", "hurt", "injured", "killed",
    // What a breach took: "roughly 25 confidential documents have appeared online".
    "documents", "records", "emails",
];

/// Whether the sentence's number measures something that matters to the
/// reader (see [`MEASURES`]), or is a share of a whole ("114 of our 4,000
/// crew"). Read in English only: the caller knows the draft's language.
pub fn measures_an_outcome(sentence: &str) -> bool {
    if states_a_glued_duration(sentence) {
        return true;
    }
    // "Apart from concern about three services", "how is BSL different
    // from AGPL": "from" with no change.
    let lower: Vec<String> = {
        let all = lower_words(sentence);
        all.iter()
            .enumerate()
            .filter(|(at, word)| {
                // ("With sponsorship from Google": a source, not a
                // change; a change names where it came from: "from 12%".)
                let no_number_after = || {
                    !all.iter()
                        .skip(at + 1)
                        .take(2)
                        .any(|next| is_number_word(next))
                };
                !(word.as_str() == "from" && no_number_after()
                    || word.as_str() == "from"
                        && at.checked_sub(1).is_some_and(|b| {
                            matches!(
                                all[b].as_str(),
                                "apart"
                                    | "aside"
                                    | "away"
                                    | "far"
                                    | "different"
                                    | "differs"
                                    | "distinct"
                            )
                        }))
            })
            .map(|(_, word)| word.clone())
            .collect()
    };
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
    // "The change goes to 100% of traffic": a share assigned, not measured.
    let allocates_traffic = lower.windows(2).any(|w| w[0] == "of" && w[1] == "traffic")
        && sentence.matches('%').count() == 1;
    (sentence.contains('%') && !allocates_traffic)
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
            .is_some_and(|rest| words(rest).len() >= 2)
    });
    let lower = lower_words(sentence);
    let attributed = mentions(&lower, &["said", "says", "told", "wrote", "according"])
        || sentence.contains("— ")
        || sentence.contains("– ");
    quoted && attributed
}

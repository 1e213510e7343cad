//! Words and sentences with their positions in Unicode scalar values (what
//! a finding's span counts), and small word tests the rules share.

use crate::text::is_bidi_control;

/// A word of letters, digits, apostrophes or inner hyphens, with its
/// position `[start, end)` in chars.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// The text before and after the char position `at` (a word's `start` or
/// `end` counts chars, not bytes).
pub fn split_at_char(text: &str, at: usize) -> (&str, &str) {
    let byte = text
        .char_indices()
        .nth(at)
        .map_or(text.len(), |(byte, _)| byte);
    text.split_at(byte)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-' || c == '.' || c == ','
}

/// Whether the bidi control at `i` touches a digit, directly or through
/// other bidi controls: it is then part of the number's word, so that the
/// number is not read as a plain one (`1\u{2066}0` shows as "10").
fn control_touches_digit(chars: &[(usize, char)], i: usize) -> bool {
    let is_digit = |c: &(usize, char)| c.1.is_ascii_digit();
    let control = |c: &&(usize, char)| is_bidi_control(c.1);
    let before = chars
        .get(..i)
        .unwrap_or(&[])
        .iter()
        .rev()
        .find(|c| !control(c));
    let after = chars
        .get(i + 1..)
        .unwrap_or(&[])
        .iter()
        .find(|c| !control(c));
    before.is_some_and(is_digit) || after.is_some_and(is_digit)
}

/// The words of `text`. Trailing punctuation is not part of a word; a
/// decimal point or thousands comma inside a number is, and so are bidi
/// controls next to a digit.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (char index, byte index)
    let mut char_index = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(byte, c)) in chars.iter().enumerate() {
        let inner_ok = match c {
            '\'' | '’' | '-' | '.' | ',' => {
                // Only between two alphanumerics ("don't", "week-one", "3.5", "1,200").
                let before = i.checked_sub(1).and_then(|j| chars.get(j)).map(|p| p.1);
                let after = chars.get(i + 1).map(|p| p.1);
                let letters = |a: Option<char>| a.is_some_and(char::is_alphanumeric);
                let digits = |a: Option<char>| a.is_some_and(|c| c.is_ascii_digit());
                match c {
                    '.' | ',' => digits(before) && digits(after),
                    _ => letters(before) && letters(after),
                }
            }
            c if is_bidi_control(c) => control_touches_digit(&chars, i),
            _ => is_word_char(c),
        };
        match (inner_ok, start) {
            (true, None) => start = Some((char_index, byte)),
            (false, Some((s_char, s_byte))) => {
                out.push(Word {
                    text: text.get(s_byte..byte).unwrap_or_default(),
                    start: s_char,
                    end: char_index,
                });
                start = None;
            }
            _ => {}
        }
        char_index += 1;
    }
    if let Some((s_char, s_byte)) = start {
        out.push(Word {
            text: text.get(s_byte..).unwrap_or_default(),
            start: s_char,
            end: char_index,
        });
    }
    out
}

/// A sentence's position `[start, end)` in chars, and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

/// Sentences end at `.`, `!`, `?` (followed by a space or the end) and at
/// line breaks. Leading white space is not part of a sentence.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut begin = 0; // char index
    let mut i = 0;
    while i <= chars.len() {
        let at_end = i == chars.len();
        let boundary = at_end
            || match chars[i].1 {
                '\n' | '\r' => true,
                '.' | '!' | '?' | '。' | '！' | '？' => {
                    chars.get(i + 1).is_none_or(|next| next.1.is_whitespace())
                }
                _ => false,
            };
        if boundary {
            let end = if at_end { i } else { i + 1 };
            push_sentence(text, &chars, begin, end, &mut out);
            begin = end;
        }
        i += 1;
    }
    out
}

fn push_sentence<'a>(
    text: &'a str,
    chars: &[(usize, char)],
    mut begin: usize,
    mut end: usize,
    out: &mut Vec<Sentence<'a>>,
) {
    while begin < end && chars[begin].1.is_whitespace() {
        begin += 1;
    }
    while end > begin && chars[end - 1].1.is_whitespace() {
        end -= 1;
    }
    if begin >= end {
        return;
    }
    let from = chars[begin].0;
    let to = chars.get(end).map_or(text.len(), |c| c.0);
    out.push(Sentence {
        text: text.get(from..to).unwrap_or_default(),
        start: begin,
        end,
    });
}

/// Whether `word` (lower case) is `stem` or a regular inflection of it.
pub fn inflects(word: &str, stem: &str) -> bool {
    word == stem
        || word
            .strip_prefix(stem)
            .is_some_and(|rest| matches!(rest, "s" | "es" | "ed" | "d" | "ing"))
        || stem
            .strip_suffix('e')
            .and_then(|base| word.strip_prefix(base))
            .is_some_and(|rest| rest == "ing")
}

/// Month names and their short forms, as dates and time windows are written.
#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// A time of day with its mark glued on: "9am", "11:30pm", "7.15am".
pub fn is_glued_time(lower: &str) -> bool {
    ["am", "pm"].iter().any(|mark| {
        lower.strip_suffix(mark).is_some_and(|hour| {
            !hour.is_empty()
                && hour.len() <= 5
                && hour
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
        })
    })
}

/// The days of the week, as a meeting or a deadline is set for one.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Quarters and halves: "Q3", "H1".
pub const PERIODS: &[&str] = &["q1", "q2", "q3", "q4", "h1", "h2"];

pub fn has_digit(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit())
}

/// Numbers as people write them in words: "nine hours", "a third of",
/// "doubled", "tenfold". ("One" is left out: it is mostly a pronoun.)
#[rustfmt::skip]
pub const NUMBER_WORDS: &[&str] = &[
    "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "dozen",
    "dozens", "half", "halved", "halves", "third", "thirds", "fifths", "tenths", "double",
    "doubled", "doubles", "doubling", "triple", "tripled", "triples", "tripling", "quadrupled",
    "twice", "thrice", "twofold", "threefold", "fourfold", "fivefold", "tenfold", "hundredfold",
];

/// Whether a word is a number: digits ("1,200", "3x", "4.5%") or a number
/// word, alone or in a hyphenated one ("twenty-five", "two-thirds").
pub fn is_number_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    // A school break, a match's interval, a half-hearted try: no amount.
    if ["half-term", "half-time", "half-hearted", "halfway"]
        .iter()
        .any(|name| lower.starts_with(name))
    {
        return false;
    }
    lower.chars().next().is_some_and(|c| c.is_ascii_digit())
        || std::iter::once(lower.as_str())
            .chain(lower.split('-'))
            .any(|part| NUMBER_WORDS.contains(&part))
}

/// Whether the text states a number, in digits or in words.
pub fn has_number(text: &str) -> bool {
    has_digit(text) || words(text).iter().any(|word| is_number_word(word.text))
}

/// Words of the text, lower-cased, for membership tests.
pub fn lower_words(text: &str) -> Vec<String> {
    words(text).iter().map(Word::lower).collect()
}

/// Whether any word — or any part of a hyphenated one ("six-week") —
/// inflects one of `stems`.
pub fn mentions(words: &[String], stems: &[&str]) -> bool {
    words.iter().any(|word| {
        std::iter::once(word.as_str())
            .chain(word.split('-'))
            .any(|part| stems.iter().any(|stem| inflects(part, stem)))
    })
}

/// Finds `phrase` (lower case, words separated by single spaces) in the
/// words; returns the char span of each occurrence.
pub fn find_phrase(words: &[Word<'_>], phrase: &str) -> Vec<(usize, usize)> {
    let parts: Vec<&str> = phrase.split(' ').collect();
    let mut out = Vec::new();
    if parts.is_empty() {
        return out;
    }
    for start in 0..words.len() {
        let matched = parts.iter().enumerate().all(|(k, part)| {
            words
                .get(start + k)
                .is_some_and(|w| w.text.to_lowercase() == *part)
        });
        if matched {
            if let (Some(first), Some(last)) =
                (words.get(start), words.get(start + parts.len() - 1))
            {
                out.push((first.start, last.end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_in_digits_and_in_words() {
        assert!(has_number("we lost nine hours of orders"));
        assert!(has_number("two-thirds of trials convert"));
        assert!(has_number("sign-ups doubled in March"));
        assert!(has_number("a tenfold rise"));
        assert!(has_number("up 3x"));
        assert!(!has_number("the one thing customers ask for"));
        assert!(!has_number("adoption looks okay"));
    }

    #[test]
    fn words_keep_inner_punctuation_and_count_chars() {
        let found: Vec<(&str, usize, usize)> =
            words("Week-one rose 3.5% — don't 1,200 users. 東京 🚀 ok")
                .iter()
                .map(|w| (w.text, w.start, w.end))
                .collect();
        assert_eq!(
            found,
            vec![
                ("Week-one", 0, 8),
                ("rose", 9, 13),
                ("3.5", 14, 17),
                ("don't", 21, 26),
                ("1,200", 27, 32),
                ("users", 33, 38),
                ("東京", 40, 42),
                ("ok", 45, 47),
            ]
        );
    }

    #[test]
    fn bidi_controls_next_to_digits_stay_in_the_number_word() {
        let found: Vec<&str> = words("by \u{202E}09\u{202C} points, 1\u{2066}0% שלום\u{200F} x")
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(
            found,
            vec![
                "by",
                "\u{202E}09\u{202C}",
                "points",
                "1\u{2066}0",
                "שלום",
                "x"
            ]
        );
    }

    #[test]
    fn sentences_split_at_stops_and_line_breaks() {
        let found: Vec<&str> = sentences("One rose 3.5%. Two?\nThree  ")
            .iter()
            .map(|s| s.text)
            .collect();
        assert_eq!(found, vec!["One rose 3.5%.", "Two?", "Three"]);
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn hyphenated_words_count_by_their_parts() {
        let words = lower_words("A six-week A/B test");
        assert!(mentions(&words, &["week"]));
        assert!(!mentions(&words, &["month"]));
    }

    #[test]
    fn inflections() {
        assert!(inflects("ships", "ship"));
        assert!(inflects("launched", "launch"));
        assert!(inflects("making", "make"));
        assert!(!inflects("shipment", "ship"));
    }
}

//! Whether a text is English enough for the word rules to judge. The coach
//! does not invent findings about a language it cannot read.

use super::text::lower_words;

/// Common English words; a text where too few of its words are among these
/// is not checked by the English-only rules.
#[rustfmt::skip]
const COMMON: &[&str] = &[
    "a", "about", "after", "again", "against", "all", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "before", "but", "by", "can", "customer", "customers", "day", "did", "do",
    "does", "each", "every", "few", "first", "for", "from", "had", "has", "have", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "last", "less", "made", "more", "most", "month",
    "much", "new", "next", "no", "not", "now", "of", "off", "on", "one", "only", "or", "other",
    "our", "out", "over", "per", "so", "some", "still", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "three", "through", "to", "two", "up", "us",
    "users", "was", "we", "week", "weeks", "were", "what", "when", "which", "while", "who", "why",
    "will", "with", "without", "would", "year", "you", "your",
];

/// True when the story reads as English: most letters are Latin and enough
/// words are common English ones. Short texts get the benefit of the doubt.
pub fn is_english(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() {
        return true;
    }
    let latin = letters
        .iter()
        .filter(|c| c.is_ascii_alphabetic() || is_latin_extended(**c))
        .count();
    if latin * 2 < letters.len() {
        return false;
    }
    let words: Vec<String> = lower_words(text)
        .into_iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.len() < 8 {
        return true;
    }
    let common = words
        .iter()
        .filter(|w| COMMON.contains(&w.as_str()))
        .count();
    common * 100 >= words.len() * 12
}

fn is_latin_extended(c: char) -> bool {
    ('\u{00C0}'..='\u{024F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_german_and_japanese() {
        assert!(is_english(
            "Competitors now bundle onboarding into their free tiers and our trial users leave in week two."
        ));
        assert!(!is_english(
            "Wettbewerber bündeln das Onboarding in ihre kostenlosen Tarife, und unsere Testnutzer springen ab."
        ));
        assert!(!is_english(
            "競合他社が無料プランにオンボーディングを組み込んでいます。"
        ));
        assert!(is_english("OK"));
    }
}

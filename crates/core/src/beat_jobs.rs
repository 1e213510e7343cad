//! What a passage does, read from its words: whether it states an outcome
//! in numbers (the coach's activity and evidence rules ask it).

use crate::coach::text::{has_number, lower_words, mentions, sentences};

/// Words that say what changed (stems): the measures updates report.
#[rustfmt::skip]
pub const OUTCOME: &[&str] = &[
    "conversion", "retention", "revenue", "churn", "activation", "adoption", "rose", "fell", "grew",
    "increased", "decreased", "cut", "reduced", "lifted", "raised", "saved", "because", "so",
    "which", "resulting", "result", "led", "leading", "drove", "improving", "lowering", "%",
    "percent", "pts", "points", "time", "cost", "nps", "csat", "sign-ups", "signups",
];

/// Whether one sentence of the text states an outcome in numbers.
pub fn states_outcome_in_numbers(text: &str) -> bool {
    sentences(text).iter().any(|sentence| {
        has_number(sentence.text)
            && (mentions(&lower_words(sentence.text), OUTCOME) || sentence.text.contains('%'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outcome_in_numbers_is_read_from_the_words() {
        assert!(states_outcome_in_numbers("Conversion rose from 9% to 12%."));
        assert!(!states_outcome_in_numbers("We held four workshops."));
    }
}

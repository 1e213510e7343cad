//! The names under a bar chart's categories: each on one line when it
//! fits its slot, else on two, the second ending in "…" when even two
//! are too few. A chart of a few categories names every one of them.

use super::draw::text_width;
use crate::fonts::Weight;

/// The most categories named on two lines; more are named every k-th.
pub const MAX_WRAPPED: usize = 12;

/// The lines `label` is written on within `width` pixels at `size`: one
/// when it fits, else two, broken between words (a word too long for a
/// line alone ends in "…").
pub fn two_lines(label: &str, width: f64, size: f64) -> Vec<String> {
    let fits = |text: &str| text_width(text, size, false) <= width;
    let clipped = |text: &str| {
        if fits(text) {
            text.to_owned()
        } else {
            crate::text::with_ellipsis(text, (width / size) as f32, Weight::Regular)
        }
    };
    let label = label.trim();
    if fits(label) {
        return vec![label.to_owned()];
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let mut first = String::new();
    let mut taken = 0;
    for word in &words {
        let longer = if first.is_empty() {
            (*word).to_owned()
        } else {
            format!("{first} {word}")
        };
        if !fits(&longer) {
            break;
        }
        first = longer;
        taken += 1;
    }
    if taken == 0 {
        return vec![clipped(label)];
    }
    vec![first, clipped(&words[taken..].join(" "))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_that_fits_stays_on_one_line() {
        assert_eq!(two_lines("Run Tests", 200.0, 15.0), ["Run Tests"]);
    }

    #[test]
    fn a_long_name_breaks_between_words_and_each_line_fits() {
        let lines = two_lines("Inspector Tests (slowest shard)", 90.0, 15.0);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], "Inspector");
        for line in &lines {
            assert!(text_width(line, 15.0, false) <= 90.0, "{line}");
        }
    }

    #[test]
    fn what_two_lines_cannot_hold_ends_in_an_ellipsis() {
        let lines = two_lines(
            "Build and Test (lint.yml) across every platform",
            90.0,
            15.0,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(text_width(&lines[1], 15.0, false) <= 90.0);
        let one_word = two_lines("Supercalifragilisticexpialidocious", 60.0, 15.0);
        assert_eq!(one_word.len(), 1);
        assert!(one_word[0].ends_with('…'));
    }
}

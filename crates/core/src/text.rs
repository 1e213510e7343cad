//! Text from outside (typed in the app, pasted from a sheet, read from a
//! story file) made to show what it says.
//!
//! The Unicode *embedding and override* controls, U+202A–U+202E (LRE, RLE,
//! PDF, LRO, RLO), make text display in another order than the one it is
//! stored in: `by \u{202E}09\u{202C} points` shows as "by 90 points" but
//! reads, and is checked, as 09. Nothing in an update needs them, so they
//! are removed on input ([`strip_bidi_overrides`]): from titles, beats,
//! evidence, chart labels and numbers. What is stored then shows in the
//! order it is read.
//!
//! The *isolates* (U+2066–U+2069) and *marks* (LRM U+200E, RLM U+200F, ALM
//! U+061C) stay: right-to-left text needs them. Inside a number they can
//! still change how it looks (`1\u{2066}0` shows as "10"), so the number
//! readers refuse a number that holds any [bidi control](is_bidi_control).
//! Joiners (ZWJ U+200D, ZWNJ U+200C) are not bidi controls and stay.

use std::borrow::Cow;

/// U+202A–U+202E: the controls that reorder the text around them.
pub fn is_bidi_override(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}')
}

/// Any character that sets or changes text direction: the overrides and
/// embeddings, the isolates (U+2066–U+2069) and the marks (U+200E, U+200F,
/// U+061C).
pub fn is_bidi_control(c: char) -> bool {
    is_bidi_override(c)
        || matches!(
            c,
            '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
        )
}

/// Whether `text` holds any [`is_bidi_control`] character.
pub fn has_bidi_control(text: &str) -> bool {
    text.contains(is_bidi_control)
}

/// `text` without its embedding and override controls (U+202A–U+202E);
/// borrowed when it holds none.
pub fn strip_bidi_overrides(text: &str) -> Cow<'_, str> {
    if text.contains(is_bidi_override) {
        Cow::Owned(text.chars().filter(|c| !is_bidi_override(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// [`strip_bidi_overrides`] on an owned string, in place.
pub fn remove_bidi_overrides(text: &mut String) {
    if text.contains(is_bidi_override) {
        text.retain(|c| !is_bidi_override(c));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_go_and_isolates_marks_and_joiners_stay() {
        assert_eq!(
            strip_bidi_overrides("up by \u{202E}09\u{202C} points"),
            "up by 09 points"
        );
        assert_eq!(
            strip_bidi_overrides("\u{202A}a\u{202B}b\u{202D}c\u{202C}"),
            "abc"
        );
        let kept = "שלום\u{200F} \u{2067}עולם\u{2069} 👩\u{200D}💻 \u{200C}";
        assert!(matches!(strip_bidi_overrides(kept), Cow::Borrowed(_)));
        let mut owned = format!("\u{202E}{kept}");
        remove_bidi_overrides(&mut owned);
        assert_eq!(owned, kept);
    }

    #[test]
    fn bidi_controls_are_the_overrides_isolates_and_marks() {
        for c in [
            '\u{202A}', '\u{202E}', '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}',
        ] {
            assert!(is_bidi_control(c), "{:04X}", c as u32);
        }
        for c in ['\u{200C}', '\u{200D}', '\u{2065}', '\u{206A}', 'a', '1'] {
            assert!(!is_bidi_control(c), "{:04X}", c as u32);
        }
    }
}

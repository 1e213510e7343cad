//! Any text as story Markdown: a story or a typed error, never a panic; an
//! exported story imports to the same fields; the coach reviews it
//! without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use throughline_core::coach::review;
use throughline_core::{parse_story, to_markdown};

fuzz_target!(|text: &str| {
    if let Ok(story) = parse_story(text) {
        let exported = to_markdown(&story);
        let again = parse_story(&exported).expect("an exported story imports");
        assert_eq!(again.update_fields(), story.update_fields());
        let _ = review(&story.update_fields(), &[]);
    }
});

//! Beat text that looks like Markdown structure (`## Resolution`, a `---`
//! under a line, list markers, backslashes) exports to a story file that
//! imports back to the same fields, and shows no heading of its own.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use throughline_core::story::Story;
use throughline_core::{parse_story, to_markdown, Beats, Status, UpdateFields};

fn fields_with(beats: [&str; 4]) -> UpdateFields {
    UpdateFields {
        title: "Checklist lifts activation by 9 points".into(),
        beats: Beats {
            context: beats[0].into(),
            conflict: beats[1].into(),
            resolution: beats[2].into(),
            evidence: beats[3].into(),
        },
        ..UpdateFields::default()
    }
}

/// Export, then import: the fields read back.
fn round_trip(fields: &UpdateFields) -> (String, UpdateFields) {
    let markdown = to_markdown(&Story::from_update_fields(fields, Status::Draft));
    let story = parse_story(&markdown).unwrap_or_else(|e| panic!("{e}: {markdown}"));
    (markdown, story.update_fields())
}

/// The `##` headings of a story file, outside code fences.
fn headings(markdown: &str) -> Vec<&str> {
    let mut in_fence = false;
    markdown
        .lines()
        .filter(|line| {
            if line.starts_with("```") {
                in_fence = !in_fence;
            }
            !in_fence && line.starts_with("## ")
        })
        .collect()
}

const TRICKY: &[&str] = &[
    "## Resolution",
    "## Context",
    "# Title",
    "### Sub-heading",
    "##",
    "   ## indented three",
    "    ## indented four: code",
    "Under this line\n---",
    "Under this line\n===",
    "Under this line\n  -  ",
    "\\## escaped by hand",
    "\\\\## two backslashes",
    "\\ ## backslash then space",
    "\\---",
    "- a list item",
    "* a star item\n+ a plus item",
    "1. a numbered item",
    "> a quote",
    "\\",
    "C:\\path\\to\\file\\",
    "#hashtag is not a heading",
    "```\n## inside a fence\n```",
    "Text\n\n---\n\nMore",
];

#[test]
fn heading_like_beat_lines_round_trip_and_stay_text() {
    for text in TRICKY {
        for beat in 0..4 {
            let mut beats = ["Plain.", "Plain.", "Plain.", "Plain."];
            beats[beat] = text;
            let fields = fields_with(beats);
            let (markdown, back) = round_trip(&fields);
            assert_eq!(back, fields, "{text:?} in beat {beat}:\n{markdown}");
            assert_eq!(
                headings(&markdown),
                ["## Context", "## Conflict", "## Resolution", "## Evidence"],
                "{text:?} in beat {beat}:\n{markdown}"
            );
        }
    }
}

#[test]
fn a_resolution_heading_in_the_context_is_written_escaped() {
    let fields = fields_with(["Churn rose.\n## Resolution\nNot yet.", "b", "c", "d"]);
    let (markdown, back) = round_trip(&fields);
    assert!(
        markdown.contains("\n\nChurn rose.\n\\## Resolution\nNot yet.\n"),
        "{markdown}"
    );
    assert_eq!(back.beats.context, "Churn rose.\n## Resolution\nNot yet.");
    assert_eq!(back.beats.resolution, "c");
}

/// A line of prose built from the characters that make structure: `#`,
/// `=`, `-`, `\`, spaces, list markers (no fences, no pipe tables).
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[#=\\-\\\\ *+>.1a-z]{0,10}",
        2 => prop::sample::select(TRICKY.to_vec()).prop_map(str::to_owned),
        1 => Just(String::new()),
    ]
}

/// A beat's text as the reader leaves it: no blank lines at the ends.
fn beat() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..8).prop_map(|lines| {
        let text = lines.join("\n");
        let lines: Vec<&str> = text.split('\n').collect();
        let start = lines.iter().position(|l| !l.trim().is_empty());
        let end = lines.iter().rposition(|l| !l.trim().is_empty());
        match (start, end) {
            (Some(start), Some(end)) => lines[start..=end].join("\n"),
            _ => String::new(),
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_returns_the_same_fields(
        context in beat(),
        conflict in beat(),
        resolution in beat(),
        evidence in beat(),
    ) {
        let fields = fields_with([&context, &conflict, &resolution, &evidence]);
        let (markdown, back) = round_trip(&fields);
        prop_assert_eq!(&back, &fields, "{}", markdown);
        // And writing it again gives the same bytes.
        let again = to_markdown(&Story::from_update_fields(&back, Status::Draft));
        prop_assert_eq!(again, markdown);
    }
}

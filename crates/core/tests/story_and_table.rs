//! Properties of the story format and the table reader: what is written
//! reads back the same, writing is idempotent, and no input panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use throughline_core::example::example_update_fields;
use throughline_core::table::to_csv;
use throughline_core::text::is_bidi_override;
use throughline_core::{
    parse_story, parse_table, to_markdown, Beats, ChartKind, ChartSpec, DataRow, DataTable,
    Evidence, ExtraSection, MetricEvidence, QuoteEvidence, Status, Story, UpdateFields,
};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        ..ProptestConfig::default()
    }
}

/// Any character the readers keep: all but the bidi embedding and override
/// controls, which they remove.
fn kept_char() -> impl Strategy<Value = char> {
    any::<char>().prop_filter("no bidi override", |c| !is_bidi_override(*c))
}

/// Any text for a value: every character the reader keeps, with the
/// troublesome ones often (isolates and marks among them).
fn value_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        3 => kept_char(),
        2 => prop::sample::select(vec![
            ':', '"', '\\', '#', ' ', '\n', '\t', '\r', '\'', '-', '`', ',', 'é', '漢', 'א', '\u{a0}',
            '\u{200f}', '\u{2067}', '\u{2069}', '\u{200d}',
        ]),
        3 => prop::char::range('a', 'z'),
    ];
    prop::collection::vec(c, 0..24).prop_map(String::from_iter)
}

/// A table label or header name as the reader leaves it: trimmed, no CR,
/// no bidi override.
fn label_text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        2 => kept_char().prop_filter("no CR", |c| *c != '\r'),
        2 => prop::sample::select(vec![',', '"', '\n', '\t', ';', '`', ' ', '#', '1', '.', '\u{1}']),
        3 => prop::char::range('a', 'z'),
    ];
    prop::collection::vec(c, 0..12).prop_map(|chars| String::from_iter(chars).trim().to_owned())
}

/// Prose as the reader leaves it: no blank lines at the ends, no `## `
/// heading or unbalanced fence outside code blocks.
fn prose() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        6 => "[A-Za-z0-9 ,.;:!?()<>&'\"%$€é漢א*_+=/-]{0,30}",
        1 => Just("### Sub heading".to_owned()),
        1 => Just("> a quote".to_owned()),
        1 => Just("- bullet: with colon".to_owned()),
        1 => Just("---".to_owned()),
        1 => Just("    indented code".to_owned()),
        1 => Just("```rust\n## inside a fence\n```".to_owned()),
        1 => Just("~~~\n```\n~~~".to_owned()),
        1 => Just("<script>alert(1)</script>".to_owned()),
        2 => Just(String::new()),
        1 => Just("   ".to_owned()),
    ];
    prop::collection::vec(line, 0..6).prop_map(|lines| {
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

fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
        -1e6..1e6f64,
        (-1000i32..1000).prop_map(f64::from),
    ]
}

fn table() -> impl Strategy<Value = DataTable> {
    (1usize..5).prop_flat_map(|series| {
        let header = prop::collection::vec(label_text(), series + 1);
        let row = (
            label_text(),
            prop::collection::vec(prop::option::weighted(0.8, finite()), series),
        )
            .prop_map(|(label, values)| DataRow { label, values });
        (header, prop::collection::vec(row, 1..8))
            .prop_map(|(header, rows)| DataTable { header, rows })
    })
}

fn chart() -> impl Strategy<Value = ChartSpec> {
    (
        prop::sample::select(ChartKind::ALL.to_vec()),
        value_text(),
        value_text(),
        prop::option::of(value_text().prop_filter("not empty", |u| !u.is_empty())),
        table(),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(kind, title, alt, unit, data, pick, highlighted)| {
            let names: Vec<String> = data
                .series_names()
                .iter()
                .chain(data.rows.iter().map(|r| &r.label))
                .filter(|n| !n.is_empty())
                .cloned()
                .collect();
            let highlight = if highlighted && !names.is_empty() {
                Some(pick.get(&names).clone())
            } else {
                None
            };
            ChartSpec {
                kind,
                title,
                alt,
                highlight,
                unit,
                data,
                better: None,
                portfolio: None,
            }
        })
}

fn evidence() -> impl Strategy<Value = Evidence> {
    prop_oneof![
        Just(Evidence::None),
        (value_text(), value_text(), value_text(), value_text()).prop_map(
            |(value, unit, baseline, window)| Evidence::Metric(MetricEvidence {
                value,
                unit,
                baseline,
                window,
                source: String::new(),
                sample: String::new(),
            })
        ),
        (value_text(), value_text(), value_text())
            .prop_map(|(text, who, when)| Evidence::Quote(QuoteEvidence { text, who, when })),
    ]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        (1i32..=9999, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
    ]
}

fn extra_sections() -> impl Strategy<Value = Vec<ExtraSection>> {
    let heading = "[A-Z][a-z]{0,8}( [A-Za-z0-9]{1,6}){0,2}".prop_filter("not a beat", |h| {
        !["context", "conflict", "resolution", "evidence"].contains(&h.to_lowercase().as_str())
    });
    let section = (heading, prose()).prop_map(|(heading, body)| ExtraSection { heading, body });
    let preamble = prop::option::of(prose().prop_filter("not empty", |p| !p.is_empty()));
    (preamble, prop::collection::vec(section, 0..3)).prop_map(|(preamble, sections)| {
        preamble
            .map(|body| ExtraSection {
                heading: String::new(),
                body,
            })
            .into_iter()
            .chain(sections)
            .collect()
    })
}

fn story() -> impl Strategy<Value = Story> {
    let known = ["title", "audience", "priority", "status", "date"];
    let extra_key =
        "[a-z][a-z0-9_-]{0,8}".prop_filter("unknown", move |k| !known.contains(&k.as_str()));
    let fields = (
        (value_text(), value_text(), value_text(), date()),
        (prose(), prose(), prose(), prose()),
        evidence(),
    )
        .prop_map(
            |(
                (title, audience, priority, date),
                (context, conflict, resolution, evidence_prose),
                evidence,
            )| {
                UpdateFields {
                    title,
                    audience,
                    priority,
                    date,
                    beats: Beats {
                        context,
                        conflict,
                        resolution,
                        evidence: evidence_prose,
                    },
                    evidence,
                    chart: None,
                    other: Default::default(),
                    template: None,
                    notes: String::new(),
                }
            },
        );
    (
        fields,
        prop::sample::select(vec![Status::Draft, Status::Ready]),
        prop::option::of(chart()),
        prop::collection::vec((extra_key, value_text()), 0..3),
        extra_sections(),
    )
        .prop_map(
            |(fields, status, chart, extra_front_matter, extra_sections)| Story {
                fields,
                status,
                chart,
                extra_front_matter,
                extra_sections,
            },
        )
}

/// Documents made of the lines and blocks that matter to the reader, in any
/// order.
fn document() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        4 => prop::sample::select(vec![
            "---", "## Context", "## evidence", "## Resolution #", "## Risks", "##", "```",
            "````", "~~~", "```chart", "~~~chart", "```metric", "```quote", "kind: bar",
            "kind: pie", "highlight: x", "value: 41%", "text: \"hi\"", "A,B", "x,1", "y,n/a",
            "W1\t2", "a;1,5", "\"open", "", "   ", "title: t", "date: 2026-11-23",
            "status: ready", "# comment", "text", "\u{feff}", "\r",
        ])
        .prop_map(str::to_owned),
        3 => prop::sample::select(vec![
            "## Evidence\n\n```metric\nvalue: 41%\nunit: \"pts\"\n```",
            "## Evidence\nProse.\n~~~quote\ntext: \"We stalled.\"\nwho: Ops\n~~~\nMore.",
            "```chart\nkind: bar\nhighlight: x\n\nA,B\nx,1\n\"y, z\",2\n```",
            "````chart\ntitle: \"t: 1\"\n\nMonat;Wert\nJan;1.234,5\nFeb;12 %\n````",
            "```chart\n\n\tP\tQ\nW1\t1\t\nW2\t$1.2k\t(3)\n```",
            "```chart\nkind: funnel\n\nStage,Users\nVisits,100\nPaid,5\n```",
            "---\ntitle: \"a \\\"b\\\"\"\nx-key: v\n---",
        ])
        .prop_map(str::to_owned),
        1 => value_text(),
    ];
    prop::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(vec![
            "12", "1,234", "1.234,5", "12%", "$1.2M", "(3)", "−4", "", " ", "1e5", "0.5", "-7",
            "1 000", "USD 3", "\u{a0}1 234,5", "1,5", "2.5k",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "NaN", "n/a", "\"q,\"", "\"a\"\"b\"", "\"multi\nline\"", "Jan", "<script>", "€", "k",
            "\"\"", "#DIV/0!",
        ])
        .prop_map(str::to_owned),
        1 => value_text(),
    ]
}

/// Pastes: rows of hostile cells with one delimiter and line end, or noise.
fn paste() -> impl Strategy<Value = String> {
    let rows = (
        prop::sample::select(vec![",", ";", "\t"]),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        2usize..5,
    )
        .prop_flat_map(|(sep, end, width)| {
            let row = prop::collection::vec(cell(), width);
            prop::collection::vec(row, 1..6).prop_map(move |rows| {
                rows.iter()
                    .map(|cells| cells.join(sep))
                    .collect::<Vec<_>>()
                    .join(end)
            })
        });
    let sep = prop::sample::select(vec![",", ";", "\t", "\n", "\r\n", "\r", "\"", " "]);
    let noise = prop::collection::vec((cell(), sep), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(cell, sep)| [cell, sep.to_owned()])
            .collect()
    });
    prop_oneof![3 => rows, 1 => noise]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_written_story_reads_back_the_same(story in story()) {
        let markdown = to_markdown(&story);
        let read = parse_story(&markdown);
        prop_assert_eq!(read.as_ref(), Ok(&story), "markdown:\n{}", markdown);
        prop_assert_eq!(to_markdown(&story), markdown);
    }

    #[test]
    fn whatever_reads_writes_back_to_the_same_story_and_bytes(text in document()) {
        if let Ok(story) = parse_story(&text) {
            let markdown = to_markdown(&story);
            let again = parse_story(&markdown);
            prop_assert_eq!(again.as_ref(), Ok(&story), "input:\n{}\nmarkdown:\n{}", text, markdown);
            prop_assert_eq!(to_markdown(&again.unwrap()), markdown);
        }
    }

    #[test]
    fn any_text_is_read_or_refused_without_panicking(text in any::<String>()) {
        let _ = parse_story(&text);
        if let Ok(table) = parse_table(&text) {
            prop_assert_eq!(parse_table(&to_csv(&table)), Ok(table));
        }
    }

    #[test]
    fn any_paste_reads_as_readings_or_a_refusal_naming_real_rows(text in paste(), header in "[A-Za-z ]{0,12}[(\\[]?(%|pp|EUR|\\$|days|x)?[)\\]]?") {
        let criteria = throughline_core::example::example_journal().criteria;
        let today: throughline_core::CivilDate = "2026-11-24".parse().unwrap();
        let text = format!("date,{header}\n{text}");
        if let Ok(parsed) = throughline_core::journal::parse_readings(&text, today, &criteria) {
            // Rows as a spreadsheet counts them: \r\n, \n and a lone \r all end one.
            let rows = text.replace("\r\n", "\n").replace('\r', "\n").split('\n').count();
            for problem in &parsed.problems {
                prop_assert!((2..=rows).contains(&problem.row), "row {} of {}", problem.row, rows);
            }
            prop_assert!(parsed.readings.iter().all(|r| r.date <= today));
        }
    }

    #[test]
    fn a_read_paste_writes_back_to_the_same_table(text in paste()) {
        match parse_table(&text) {
            Ok(table) => {
                let csv = to_csv(&table);
                let read = parse_table(&csv);
                prop_assert_eq!(read.as_ref(), Ok(&table), "csv:\n{}", csv);
                prop_assert_eq!(to_csv(&read.unwrap()), csv);
            }
            Err(err) => {
                // Every refusal says where, except an empty paste.
                let message = err.to_string();
                prop_assert!(
                    err.row().is_some() || message.starts_with("there ") || message.starts_with("the data"),
                    "{}", message
                );
            }
        }
    }

    #[test]
    fn a_written_table_reads_back_the_same(table in table()) {
        let csv = to_csv(&table);
        let read = parse_table(&csv);
        prop_assert_eq!(read.as_ref(), Ok(&table), "csv:\n{}", csv);
    }
}

#[test]
fn the_example_update_round_trips_through_markdown() {
    let fields = example_update_fields("2026-11-23");
    let story = Story::from_update_fields(&fields, Status::Ready);
    let markdown = to_markdown(&story);
    assert!(markdown.contains("```metric\nvalue: 41%\n"), "{markdown}");
    assert!(markdown.contains("```chart\nkind: line\n"), "{markdown}");
    let read = parse_story(&markdown).unwrap();
    assert_eq!(read, story);
    assert_eq!(read.update_fields(), fields);
}

/// Found by `cargo fuzz run story_import`: a heading-like line of hashes
/// and tabs must survive export → import.
#[test]
fn fuzz_regression_hashes_and_tabs() {
    let text = "##\t#\t#\t";
    if let Ok(story) = throughline_core::parse_story(text) {
        let exported = throughline_core::to_markdown(&story);
        let again = throughline_core::parse_story(&exported)
            .unwrap_or_else(|err| panic!("export of {text:?} does not import: {err}\n{exported}"));
        assert_eq!(again.update_fields(), story.update_fields(), "{exported}");
    }
}

/// Found by `cargo fuzz run story_import` (crash-496d8d26): a labelled line
/// whose text is a code fence ("data:```") must not become a beat that
/// starts with a fence, which would not read back.
#[test]
fn fuzz_regression_labelled_line_opening_a_fence() {
    let text = "ll$\r**--ec/:  a~t/52\ndata:```\n`k\u{0}2-\u{0}6\n";
    let story = parse_story(text).unwrap();
    let again = parse_story(&to_markdown(&story)).expect("an exported story imports");
    assert_eq!(again.update_fields(), story.update_fields());
}

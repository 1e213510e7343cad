//! Text that lies: the bidi embedding and override controls (U+202A–U+202E)
//! make "by \u{202E}09\u{202C} points" show as "by 90 points". They are
//! removed from every text on input (the app's fields, story files, pasted
//! tables), so what is stored shows in the order the coach reads it.
//! Isolates, marks and joiners stay in text, but never make a number.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use throughline_core::coach::review;
use throughline_core::{
    parse_story, parse_table, ChartKind, ChartSpec, DataRow, DataTable, TableError, UpdateFields,
};

const TYPED: &str = "Conversion up by \u{202E}09\u{202C} points";
const PLAIN: &str = "Conversion up by 09 points";

/// The fields as the app sends them on save (JSON), with `title`.
fn sent(title: &str) -> UpdateFields {
    let json = serde_json::json!({
        "title": title,
        "audience": "Exec staff",
        "priority": "Activation",
        "date": "2026-11-23",
        "beats": {
            "context": "Trials convert at 32%.",
            "conflict": "Most stall in week one.",
            "resolution": "Ship the checklist to everyone.",
            "evidence": "In a six-week test, 41% converted against 32% without it.",
        },
        "evidence": { "kind": "none" },
        "chart": {
            "kind": "before-after",
            "title": "Conversion \u{202B}rose\u{202C} 9 points",
            "alt": "",
            "highlight": "Conversion",
            "unit": "%",
            "data": {
                "header": ["Group", "Conv\u{202D}ersion"],
                "rows": [
                    { "label": "\u{202E}Without\u{202C}", "values": [32.0] },
                    { "label": "With", "values": [41.0] },
                ],
            },
        },
    });
    serde_json::from_value(json).expect("fields read")
}

#[test]
fn a_title_typed_with_overrides_is_stored_without_them() {
    let fields = sent(TYPED);
    assert_eq!(fields.title, PLAIN);
    let chart = fields.chart.expect("a chart");
    assert_eq!(chart.title, "Conversion rose 9 points");
    assert_eq!(chart.data.header[1], "Conversion");
    assert_eq!(chart.data.rows[0].label, "Without");

    let story = parse_story(&format!("---\ntitle: {TYPED}\n---\n## Context\n{TYPED}\n")).unwrap();
    assert_eq!(story.fields.title, PLAIN);
    assert_eq!(story.fields.beats.context, PLAIN);
}

#[test]
fn the_claim_check_reads_an_override_title_as_the_plain_text() {
    // Stored without overrides, the title shows "09" and is checked as 9.
    let typed = review(&sent(TYPED), &[]);
    let plain = review(&sent(PLAIN), &[]);
    assert_eq!(typed, plain);
    let contradicts = |title: &str| {
        review(&sent(title), &[])
            .findings
            .iter()
            .any(|f| f.rule == "claim-contradicts-chart")
    };
    assert!(!contradicts(TYPED), "9 points is what the chart shows");
    // What the override made it look like is checked as what it says.
    assert!(contradicts("Conversion up by 90 points"));
}

#[test]
fn right_to_left_titles_keep_their_isolates_and_marks() {
    for title in [
        "ההמרה עלתה\u{200F} ב־\u{2066}9 points\u{2069}",
        "ارتفع التحويل\u{200F} \u{2067}٩ نقاط\u{2069}",
        "\u{2068}Q3\u{2069} \u{200E}growth\u{061C}",
    ] {
        assert_eq!(sent(title).title, title);
        let story = parse_story(&format!("# {title}\n\n## Context\n{title}\n")).unwrap();
        assert_eq!(story.fields.title, title);
        assert_eq!(story.fields.beats.context, title);
    }
}

#[test]
fn emoji_keep_their_joiners() {
    let title = "The 👩\u{200D}💻 team ships; 🏳\u{FE0F}\u{200D}🌈 and ZWNJ می\u{200C}خواهم stay";
    assert_eq!(sent(title).title, title);
    let table = parse_table(&format!("Team,Shipped\n{title},3\n")).unwrap();
    assert_eq!(table.rows[0].label, title);
}

#[test]
fn a_number_with_an_isolate_or_mark_inside_is_refused_not_read() {
    // "1\u{2066}0" shows as "10": it is refused, never read as 10 (or 1, or 0).
    for cell in [
        "1\u{2066}0",
        "\u{2067}12\u{2069}",
        "4\u{200F}1%",
        "\u{200E}-3",
    ] {
        let err = parse_table(&format!("Week,Signups\nW1,{cell}\n")).unwrap_err();
        assert!(
            matches!(
                err,
                TableError::NotANumber {
                    row: 2,
                    column: 2,
                    ..
                }
            ),
            "{cell:?}: {err}"
        );
        assert!(
            err.to_string()
                .contains("invisible text-direction character"),
            "{err}"
        );
    }
    // Labels keep them.
    let table = parse_table("Week,Signups\n\u{2067}שבוע 1\u{2069},10\n").unwrap();
    assert_eq!(table.rows[0].label, "\u{2067}שבוע 1\u{2069}");
    assert_eq!(table.rows[0].values, vec![Some(10.0)]);
}

#[test]
fn overrides_in_a_pasted_table_are_removed_before_it_is_read() {
    // Removed first, the cell shows "09" and reads as 9, the same.
    let table =
        parse_table("\u{202E}Week\u{202C},Signups\nW\u{202D}1,\u{202E}09\u{202C}\n").unwrap();
    assert_eq!(
        table,
        DataTable {
            header: vec!["Week".into(), "Signups".into()],
            rows: vec![DataRow {
                label: "W1".into(),
                values: vec![Some(9.0)],
            }],
        }
    );
}

#[test]
fn fields_built_in_code_lose_their_overrides_on_request() {
    let fields = UpdateFields {
        title: TYPED.into(),
        chart: Some(ChartSpec {
            kind: ChartKind::Bar,
            unit: Some("\u{202E}%".into()),
            ..ChartSpec::default()
        }),
        ..UpdateFields::default()
    }
    .without_bidi_overrides();
    assert_eq!(fields.title, PLAIN);
    assert_eq!(fields.chart.unwrap().unit.as_deref(), Some("%"));
}

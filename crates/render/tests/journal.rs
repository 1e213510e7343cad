#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The journal's one-page share, checked as real files.

use std::process::Command;

use throughline_core::journal::{
    evaluate, Action, Alternative, Assumption, Comparator, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion, Reading,
};
use throughline_render::{
    render_journal_svg, slides_to_pdf, svg_to_png, Branding, JournalPage, PngCompression, Theme,
};

fn journal() -> JournalBody {
    let assumption = |statement: &str, evidence, source: &str| Assumption {
        statement: statement.into(),
        importance: Importance::High,
        evidence,
        source: source.into(),
    };
    JournalBody {
        item: "Shared workspaces".into(),
        owner: "Collaboration squad".into(),
        decision: "Build native sharing this quarter".into(),
        assumptions: vec![
            assumption(
                "Trial teams invite a colleague in week one",
                EvidenceLevel::Survey,
                "Trial survey, 212 answers, October",
            ),
            assumption(
                "Shared workspaces convert better",
                EvidenceLevel::Anecdote,
                "",
            ),
            assumption(
                "Invites do not raise support load",
                EvidenceLevel::Pilot,
                "Nordic pilot, support tickets per 100 accounts",
            ),
        ],
        alternatives: vec![
            Alternative {
                path: "Integrate with the chat tool's API".into(),
                irreversibles: "none".into(),
                door: Door::TwoWay,
            },
            Alternative {
                path: "Native build".into(),
                irreversibles: "two quarters of the squad".into(),
                door: Door::OneWay,
            },
        ],
        criteria: vec![KillCriterion {
            id: "sharing".into(),
            metric: "Sharing activation".into(),
            comparator: Comparator::Below,
            threshold: 20.0,
            unit: "%".into(),
            cohort: "trial accounts, first 14 days".into(),
            by: "2026-12-15".into(),
            action: Action::Halt,
            margin: 2.0,
            window: Default::default(),
        }],
    }
}

const HASH: &str = "9f2c4e0d1a7b83c6e5f40912ab7c3d8e6f1a2b3c4d5e6f708192a3b4c5d6e7f8";

#[test]
fn the_journal_page_has_its_sources_readings_and_revision_hash() {
    let body = journal();
    let reading = |date: &str, value: f64| Reading {
        metric: "Sharing activation".into(),
        date: date.parse().unwrap(),
        value,
    };
    let readings = [
        reading("2026-11-06", 27.0),
        reading("2026-11-13", 22.5),
        reading("2026-11-20", 14.0),
    ];
    let evaluations: Vec<_> = body
        .criteria
        .iter()
        .map(|c| evaluate(c, &readings, "2026-11-25".parse().unwrap()))
        .collect();
    let svg = render_journal_svg(
        &JournalPage {
            body: &body,
            evaluations: &evaluations,
            readings: &readings,
            revision: 2,
            hash: HASH,
        },
        &Theme::light(),
        &Branding::default(),
    );
    roxmltree::Document::parse(&svg).unwrap();
    let png = svg_to_png(&svg, 1.0, PngCompression::Small).unwrap();
    let info = png::Decoder::new(std::io::Cursor::new(&png))
        .read_info()
        .unwrap()
        .info()
        .clone();
    assert_eq!((info.width, info.height), (1920, 1080));

    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("journal.pdf");
    std::fs::write(&pdf, slides_to_pdf(&[svg]).unwrap()).unwrap();
    std::fs::write(dir.path().join("journal.png"), &png).unwrap();
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args([pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    // Lines wrap where the page needs: read the words in order.
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Decision journal: Shared workspaces",
        "TRIGGERED",
        "Revision 2 · 9f2c4e0d1a7b",
        "Source: Trial survey, 212 answers, October",
        "Source: not given",
        "2026-11-06 27% · 2026-11-13 22.5% · 2026-11-20 14%",
        "Survey",
        "Anecdote",
        "one-way door",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // The full hash is in the document's properties.
    let info =
        String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    assert!(
        info.contains(&format!("revision 2 sha256 {HASH}")),
        "{info}"
    );
    assert!(!text.contains(HASH), "the page prints the short hash only");
    if let Ok(out) = std::env::var("THROUGHLINE_LOOK") {
        std::fs::write(out, &png).unwrap();
    }
}

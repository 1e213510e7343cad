#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! The journal's one-page share, checked as real files.

use std::process::Command;

use throughline_core::journal::{
    evaluate, Action, Alternative, Assumption, Comparator, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion, Reading,
};
use throughline_render::{
    render_journal_svg, slides_to_pdf, svg_to_png, Branding, PngCompression, Theme,
};

fn journal() -> JournalBody {
    let assumption = |statement: &str, evidence| Assumption {
        statement: statement.into(),
        importance: Importance::High,
        evidence,
        source: String::new(),
    };
    JournalBody {
        item: "Shared workspaces".into(),
        owner: "Collaboration squad".into(),
        decision: "Build native sharing this quarter".into(),
        assumptions: vec![
            assumption(
                "Trial teams invite a colleague in week one",
                EvidenceLevel::Survey,
            ),
            assumption("Shared workspaces convert better", EvidenceLevel::Anecdote),
            assumption("Invites do not raise support load", EvidenceLevel::Pilot),
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

#[test]
fn the_journal_page_has_real_text_and_its_revision_hash() {
    let body = journal();
    let readings = [Reading {
        metric: "Sharing activation".into(),
        date: "2026-11-20".parse().unwrap(),
        value: 14.0,
    }];
    let evaluations: Vec<_> = body
        .criteria
        .iter()
        .map(|c| evaluate(c, &readings, "2026-11-25".parse().unwrap()))
        .collect();
    let svg = render_journal_svg(
        &body,
        &evaluations,
        "Revision 2 · 9f2c4e",
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
    for expected in [
        "Decision journal: Shared workspaces",
        "TRIGGERED",
        "Revision 2 · 9f2c4e",
        "Survey",
        "Anecdote",
        "one-way door",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    if let Ok(out) = std::env::var("THROUGHLINE_LOOK") {
        std::fs::write(out, &png).unwrap();
    }
}

//! Writes a workspace at the current schema with a known set of updates, for
//! the migration tests: `cargo run -p throughline-store --example make_fixture -- OUT`.
//! Run it once each time the schema changes and commit the file it writes
//! (`tests/fixtures/schema-vN.throughline`); the migration tests open each one.

use throughline_core::audit::{
    Acknowledgement, Cascade, OpposedBeliefs, Stakeholder, Strategy, Tolerance, UpdateAudit,
};
use throughline_core::journal::{
    Action, Alternative, Assumption, Comparator, CriterionWindow, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion, Reading, Revision,
};
use throughline_core::portfolio::{Bucket, Horizon, Initiative, PortfolioSettings, RiskKind};
use throughline_core::template::TemplateId;
use throughline_core::{
    Beats, BrandingSettings, CivilDate, Evidence, ExtraSection, OtherParts, QuoteEvidence, Status,
    UpdateFields,
};
use throughline_store::Workspace;

fn fixture_journal(threshold: f64) -> JournalBody {
    let alternative = |path: &str| Alternative {
        path: path.into(),
        irreversibles: "none".into(),
        door: Door::TwoWay,
    };
    JournalBody {
        item: "Shared workspaces".into(),
        owner: "Collaboration squad".into(),
        decision: "Build native sharing".into(),
        assumptions: vec![Assumption {
            statement: "We believe that trial teams invite a colleague in week one".into(),
            importance: Importance::High,
            evidence: EvidenceLevel::Survey,
            source: "Trial survey".into(),
        }],
        alternatives: vec![
            alternative("Chat integration"),
            alternative("Concierge invites"),
        ],
        criteria: vec![KillCriterion {
            id: "sharing".into(),
            metric: "Sharing activation".into(),
            comparator: Comparator::Below,
            threshold,
            unit: "%".into(),
            cohort: "trials".into(),
            by: "2026-12-15".into(),
            action: Action::Halt,
            margin: 2.0,
            window: CriterionWindow::Latest,
        }],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: make_fixture OUT")?;
    let _ = std::fs::remove_file(&out);
    let workspace = Workspace::open(std::path::Path::new(&out))?;
    let now = 1_795_435_200_000;
    workspace.ensure_example("2026-11-23".parse::<CivilDate>()?, now)?;
    let fields = UpdateFields {
        title: "Élan: 活性化 rose — مرحبا 🚀".into(),
        audience: "CFO".into(),
        priority: "Gross margin".into(),
        date: "2026-11-30".into(),
        beats: Beats {
            context: "Context with <b>markup</b> & ampersands.".into(),
            conflict: "Line one\nLine two".into(),
            resolution: "Ship by Friday.".into(),
            evidence: "A quote from a customer.".into(),
        },
        evidence: Evidence::Quote(QuoteEvidence {
            text: "Setup took ten minutes.".into(),
            who: "Ops lead".into(),
            when: "Nov 2026".into(),
        }),
        // Schema 12: the speaker notes.
        notes: "Open with the margin; the CFO asks about support cost.".into(),
        // Schema 7 keeps a draft's other sections and front-matter keys.
        other: OtherParts {
            sections: vec![ExtraSection {
                heading: "Root causes".into(),
                body: "An expired certificate.".into(),
            }],
            front_matter: vec![("team".into(), "payments".into())],
        },
        ..UpdateFields::default()
    };
    let second = workspace.create_update(&fields, now + 1)?;
    workspace.set_status(second.id, Status::Ready, now + 2)?;
    workspace.set_silenced_rules(second.id, &["vague-word".to_owned()])?;
    workspace.save_branding(BrandingSettings {
        accent: "#0F766E".into(),
        footer_label: "Confidential — board only".into(),
        beat_names: true,
        // Schema 8: the slide's significance note.
        significance_note: true,
        logo: None,
    })?;
    let journal = workspace.create_journal(&fixture_journal(20.0), now + 5)?;
    let first = workspace.share_journal(journal, "Fixture author", now + 6)?;
    workspace.revise_journal(
        journal,
        &fixture_journal(25.0),
        "Fixture author",
        "pilot data",
        now + 7,
    )?;
    // Schema 14: a teammate's revision made on revision 1 too (a fork),
    // then a revision joining both (the journal still reads 25%).
    workspace.receive_journal_revision(
        journal,
        Revision::new(
            Some(&first),
            fixture_journal(22.0),
            "Fixture teammate",
            now + 7,
            "board review",
        ),
    )?;
    workspace.revise_journal(
        journal,
        &fixture_journal(25.0),
        "Fixture author",
        "agreed on the pilot's 25%",
        now + 7,
    )?;
    workspace.add_readings(
        journal,
        &[Reading {
            metric: "Sharing activation".into(),
            date: "2026-11-20".parse::<CivilDate>()?,
            value: 14.0,
        }],
    )?;
    // Schema 9: leaving a journal whose criterion is triggered (14 < 25)
    // is recorded; the update backs it again after.
    workspace.link_update(second.id, Some(journal), now + 8)?;
    workspace.link_update(second.id, None, now + 9)?;
    workspace.link_update(second.id, Some(journal), now + 10)?;
    // Schema 10: the portfolio, with its settings.
    let calculator = Initiative {
        name: "Branch finder".into(),
        horizon: Some(Horizon::Now),
        bucket: Some(Bucket::Core),
        cost: Some(200.0),
        cash_flows: vec![-50.0, 30.0, 40.0],
        ..Initiative::default()
    };
    let engine = Initiative {
        name: "Risk-scoring engine 風險".into(),
        horizon: Some(Horizon::Next),
        bucket: Some(Bucket::Adjacent),
        slider: 70,
        fte: Some(3.5),
        depends_on: vec!["Branch finder".into()],
        ..Initiative::default()
    };
    workspace.add_initiatives(&[calculator, engine], now + 11)?;
    workspace.save_portfolio_settings(&PortfolioSettings {
        discount_rate: 0.12,
        ..PortfolioSettings::default()
    })?;
    // Schema 11: the template an update started from, the strategy, and
    // an update's audit.
    let third = workspace.create_update(
        &UpdateFields {
            template: Some(TemplateId::Qbr),
            ..UpdateFields::default()
        },
        now + 3,
    )?;
    workspace.save_strategy(&Strategy {
        board_metric: "NRR".into(),
        board_target: "115%".into(),
        board_year: Some(2027),
        why_switch: "Setup in ten minutes, not ten days".into(),
        cascade: Cascade {
            aspiration: "The lender small businesses trust".into(),
            where_to_play: vec!["Small-business lending".into()],
            how_to_win: vec!["Decisions in minutes".into()],
            ..Cascade::default()
        },
        ..Strategy::default()
    })?;
    workspace.save_update_audit(
        second.id,
        &UpdateAudit {
            stakeholders: vec![
                Stakeholder {
                    role: "CFO".into(),
                    metric: "NRR".into(),
                    horizon_months: Some(3),
                    tolerances: vec![Tolerance {
                        kind: RiskKind::Regulatory,
                        level: 1,
                    }],
                    beliefs: vec!["Enterprise first".into()],
                    acknowledged: Some(Acknowledgement {
                        date: "2026-11-12".parse()?,
                        place: "staff meeting".into(),
                    }),
                },
                Stakeholder {
                    role: "Head of Product".into(),
                    metric: "MAU".into(),
                    horizon_months: Some(18),
                    beliefs: vec!["Product-led first".into()],
                    ..Stakeholder::default()
                },
            ],
            opposed: vec![OpposedBeliefs {
                first: "Enterprise first".into(),
                second: "Product-led first".into(),
            }],
        },
        now + 12,
    )?;
    workspace.delete_update(third.id, now + 4)?;
    // Schema 15: a team joined, one update shared with its agreement, and
    // one blob of the sync engine's storage.
    workspace.set_display_name("Ana")?;
    workspace.join_team(&throughline_store::TeamMembership {
        server_url: "wss://sync.example.com/".into(),
        team_id: "automerge:2j9knpCseyhnK8izDmLpGP5WMdZQ".into(),
        team_name: "Platform PMs".into(),
        allow_plain: false,
        joined_at: now + 13,
        last_sync_at: Some(now + 14),
        last_error: String::new(),
    })?;
    let key = workspace.share_item(throughline_store::SharedKind::Update, second.id, None)?;
    workspace.set_shared_base(&key, "{}", "", "Ana", now + 14)?;
    workspace
        .team_blobs()?
        .put("storage-adapter-id", b"fixture");
    drop(workspace);
    let conn = rusqlite::Connection::open(&out)?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
    println!("wrote {out}");
    Ok(())
}

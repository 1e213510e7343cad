//! Writes a workspace at the current schema with a known set of updates, for
//! the migration tests: `cargo run -p throughline-store --example make_fixture -- OUT`.
//! Run it once each time the schema changes and commit the file it writes
//! (`tests/fixtures/schema-vN.throughline`); the migration tests open each one.

use throughline_core::{
    Beats, BrandingSettings, CivilDate, Evidence, QuoteEvidence, Status, UpdateFields,
};
use throughline_store::Workspace;

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
        ..UpdateFields::default()
    };
    let second = workspace.create_update(&fields, now + 1)?;
    workspace.set_status(second.id, Status::Ready, now + 2)?;
    workspace.set_silenced_rules(second.id, &["vague-word".to_owned()])?;
    workspace.save_branding(BrandingSettings {
        accent: "#0F766E".into(),
        footer_label: "Confidential — board only".into(),
        logo: None,
    })?;
    let third = workspace.create_update(&UpdateFields::default(), now + 3)?;
    workspace.delete_update(third.id, now + 4)?;
    drop(workspace);
    let conn = rusqlite::Connection::open(&out)?;
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")?;
    println!("wrote {out}");
    Ok(())
}

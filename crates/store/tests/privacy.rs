//! What a file sent to someone else still holds: nothing deleted for good,
//! and in a prepared copy nothing the app does not show.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use throughline_core::{Beats, UpdateFields};
use throughline_store::{Probe, Workspace};

const NOW: i64 = 1_795_435_200_000;
const SECRET: &str = "Codename Bluefin: layoffs in the Berlin office";

fn with_title(title: &str) -> UpdateFields {
    UpdateFields {
        title: title.into(),
        beats: Beats {
            context: format!("{title} (context)"),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// Every byte of the workspace and its log, as a recipient could read them.
fn bytes_on_disk(path: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(path).unwrap();
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(wal).unwrap_or_default());
    bytes
}

fn holds(bytes: &[u8], text: &str) -> bool {
    bytes.windows(text.len()).any(|w| w == text.as_bytes())
}

#[test]
fn an_update_deleted_permanently_is_not_left_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    let ws = Workspace::open(&path).unwrap();
    let kept = ws
        .create_update(&with_title("Pricing test is ready"), NOW)
        .unwrap();
    let secret = ws.create_update(&with_title(SECRET), NOW + 1).unwrap();
    ws.delete_update(secret.id, NOW + 2).unwrap();
    assert!(
        holds(&bytes_on_disk(&path), SECRET),
        "a soft delete keeps the text"
    );

    ws.delete_permanently(secret.id).unwrap();
    assert!(!holds(&bytes_on_disk(&path), SECRET));
    assert!(
        ws.restore_update(secret.id).is_err(),
        "there is nothing to restore"
    );
    assert_eq!(
        ws.get_update(kept.id).unwrap().fields.title,
        "Pricing test is ready"
    );
    drop(ws);
    assert!(!holds(&bytes_on_disk(&path), SECRET));
}

#[test]
fn a_copy_prepared_for_sending_holds_only_what_the_app_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    let ws = Workspace::open(&path).unwrap();
    // Its history holds an earlier wording, which stays with its author.
    let kept = ws
        .create_update(&with_title("Pricing test draft, margin unknown"), NOW)
        .unwrap();
    ws.save_update(kept.id, &with_title("Pricing test is ready"), NOW + 300_000)
        .unwrap();
    let secret = ws.create_update(&with_title(SECRET), NOW + 1).unwrap();
    ws.delete_update(secret.id, NOW + 2).unwrap();

    let copy = dir.path().join("to send.throughline");
    ws.write_clean_copy(&copy).unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    assert!(!holds(&bytes, SECRET));
    assert!(!holds(&bytes, "margin unknown"));
    assert!(holds(&bytes, "Pricing test is ready"));
    assert!(matches!(
        throughline_store::probe(&copy).unwrap(),
        Probe::Workspace { .. }
    ));
    let sent = Workspace::open_read_only(&copy).unwrap();
    let titles: Vec<String> = sent
        .list_updates("")
        .unwrap()
        .into_iter()
        .map(|u| u.title)
        .collect();
    assert_eq!(titles, ["Pricing test is ready"]);
    // Nothing else was left beside it.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("to send"))
        .collect();
    assert_eq!(names, ["to send.throughline"]);
    // The workspace itself still has the deleted update, ready to undo.
    ws.restore_update(secret.id).unwrap();
}

#[test]
fn a_copy_prepared_for_sending_holds_no_team_key_and_no_team_document() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    let ws = Workspace::open(&path).unwrap();
    let update = ws
        .create_update(&with_title("Pricing test is ready"), NOW)
        .unwrap();
    const TEAM_KEY: &str = "automerge:2j9knpCseyhnK8izDmLpGP5WMdZQ";
    ws.join_team(&throughline_store::TeamMembership {
        server_url: "wss://sync.example.com/".into(),
        team_id: TEAM_KEY.into(),
        team_name: "Platform PMs".into(),
        allow_plain: false,
        joined_at: NOW,
        last_sync_at: None,
        last_error: String::new(),
    })
    .unwrap();
    ws.share_item(throughline_store::SharedKind::Update, update.id, None)
        .unwrap();
    ws.team_blobs()
        .unwrap()
        .put("doc/snapshot/1", b"team document text that was deleted");
    let copy = dir.path().join("to send.throughline");
    ws.write_clean_copy(&copy).unwrap();
    let bytes = std::fs::read(&copy).unwrap();
    assert!(!holds(&bytes, TEAM_KEY));
    assert!(!holds(&bytes, "team document text"));
    let sent = Workspace::open_read_only(&copy).unwrap();
    assert!(sent.team().unwrap().is_none());
    assert!(sent.shared_items().unwrap().is_empty());
    // The workspace itself is still in its team.
    assert!(ws.team().unwrap().is_some());
}

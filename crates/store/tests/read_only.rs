//! Reading a workspace never writes to it: exports and status reports work
//! on a copy someone sent, or one on read-only media.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use sha2::{Digest, Sha256};
use throughline_core::UpdateFields;
use throughline_store::{StoreError, Workspace, SCHEMA_VERSION};

fn fingerprint(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    let bytes = std::fs::read(path).unwrap();
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    (Sha256::digest(bytes).to_vec(), modified)
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_current_workspace_opened_for_reading_or_writing_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    {
        let ws = Workspace::open(&path).unwrap();
        ws.create_update(
            &UpdateFields {
                title: "Kept".into(),
                ..Default::default()
            },
            1,
        )
        .unwrap();
    }
    let before = fingerprint(&path);
    let listed = siblings(dir.path());
    {
        let ws = Workspace::open_read_only(&path).unwrap();
        assert_eq!(ws.list_updates("").unwrap()[0].title, "Kept");
        assert!(matches!(
            ws.create_update(&UpdateFields::default(), 2),
            Err(StoreError::ReadOnly) | Err(StoreError::Sqlite(_))
        ));
    }
    assert_eq!(fingerprint(&path), before);
    assert_eq!(siblings(dir.path()), listed, "no -wal or -shm appears");
    // Opening it for writing without changing anything leaves the header be.
    drop(Workspace::open(&path).unwrap());
    assert_eq!(fingerprint(&path).0, before.0);
}

#[test]
fn an_older_workspace_is_read_through_a_migrated_copy_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.throughline");
    std::fs::copy("tests/fixtures/schema-v3.throughline", &path).unwrap();
    let before = fingerprint(&path);
    let ws = Workspace::open_read_only(&path).unwrap();
    assert_eq!(ws.info().unwrap().schema_version, SCHEMA_VERSION);
    assert!(!ws.list_updates("").unwrap().is_empty());
    drop(ws);
    assert_eq!(fingerprint(&path), before);
    assert_eq!(
        siblings(dir.path()),
        ["old.throughline"],
        "no backup, no log"
    );
}

#[test]
fn a_missing_workspace_is_not_created_by_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nowhere.throughline");
    assert!(matches!(
        Workspace::open_read_only(&path),
        Err(StoreError::Unreadable { .. })
    ));
    assert!(!path.exists());
}

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Verified, rotated backups on real files.

use std::path::Path;

use sha2::{Digest, Sha256};
use throughline_core::UpdateFields;
use throughline_store::{backup_dir_for, list_backups, newest_good_backup, Workspace};

const NOW: i64 = 1_795_500_000_000;

fn hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).unwrap()).to_vec()
}

fn titled(title: &str) -> UpdateFields {
    UpdateFields {
        title: title.into(),
        ..UpdateFields::default()
    }
}

#[test]
fn a_backup_holds_the_workspace_and_opens() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("team.throughline")).unwrap();
    ws.create_update(&titled("Pricing wins"), NOW).unwrap();
    let backups = dir.path().join("backups");
    let backup = ws.back_up(&backups, 5, NOW).unwrap();
    assert_eq!(
        backup.file_name().unwrap().to_str().unwrap(),
        "team-20261124-060000.throughline"
    );
    let copy = Workspace::open(&backup).unwrap();
    assert_eq!(copy.list_updates("").unwrap()[0].title, "Pricing wins");
}

#[test]
fn rotation_keeps_the_newest_and_nothing_else_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("team.throughline")).unwrap();
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).unwrap();
    let unrelated = backups.join("team-notes.throughline");
    std::fs::write(&unrelated, b"mine").unwrap();
    for minute in 0..5 {
        ws.back_up(&backups, 3, NOW + minute * 60_000).unwrap();
    }
    let kept: Vec<String> = list_backups(&backups, "team")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        kept,
        [
            "team-20261124-060200.throughline",
            "team-20261124-060300.throughline",
            "team-20261124-060400.throughline"
        ]
    );
    assert_eq!(std::fs::read(&unrelated).unwrap(), b"mine");
}

#[test]
fn a_failed_backup_leaves_the_older_ones_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("team.throughline")).unwrap();
    let backups = dir.path().join("backups");
    let first = ws.back_up(&backups, 5, NOW).unwrap();
    let before = hash(&first);
    // A "folder" that is a file: the backup cannot be written there.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let err = ws.back_up(&blocked, 5, NOW + 1000).unwrap_err();
    assert_eq!(err.code(), "backup_failed");
    assert_eq!(hash(&first), before);
    assert_eq!(list_backups(&backups, "team").len(), 1);
}

#[test]
fn the_newest_good_backup_skips_a_damaged_one() {
    let dir = tempfile::tempdir().unwrap();
    let ws = Workspace::open(&dir.path().join("team.throughline")).unwrap();
    for i in 0..5 {
        ws.create_update(&titled(&format!("update {i} {}", "x".repeat(2000))), NOW)
            .unwrap();
    }
    let backups = dir.path().join("backups");
    let good = ws.back_up(&backups, 5, NOW).unwrap();
    let newest = ws.back_up(&backups, 5, NOW + 60_000).unwrap();
    let mut bytes = std::fs::read(&newest).unwrap();
    let middle = bytes.len() / 2;
    for byte in &mut bytes[middle..middle + 4096] {
        *byte = 0xA5;
    }
    std::fs::write(&newest, bytes).unwrap();
    assert_eq!(newest_good_backup(&backups, "team"), Some(good));
}

#[test]
fn an_older_workspace_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.throughline");
    std::fs::copy("tests/fixtures/schema-v1.throughline", &path).unwrap();
    let original = hash(&path);
    Workspace::open(&path).unwrap();
    let backups = list_backups(&backup_dir_for(&path), "old");
    assert_eq!(backups.len(), 1, "one backup before the migration");
    // The backup is the file as it was: schema 1, every row.
    let count = |file: &Path| -> (i64, i64) {
        let conn =
            rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        (
            conn.query_row("PRAGMA user_version", [], |r| r.get(0))
                .unwrap(),
            conn.query_row("SELECT count(*) FROM updates", [], |r| r.get(0))
                .unwrap(),
        )
    };
    assert_eq!(count(&backups[0]), (1, 3));
    assert_ne!(hash(&path), original, "the workspace itself was migrated");
    // Opening a current file takes no backup.
    Workspace::open(&path).unwrap();
    assert_eq!(list_backups(&backup_dir_for(&path), "old").len(), 1);
}

#[test]
fn a_damaged_workspace_is_replaced_by_its_newest_good_backup_and_kept_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    let ws = Workspace::open(&path).unwrap();
    ws.create_update(&titled("Kept in the backup"), NOW)
        .unwrap();
    ws.back_up(&backup_dir_for(&path), 5, NOW).unwrap();
    drop(ws);
    // The file is overwritten with garbage.
    std::fs::write(&path, vec![0x5A; 8192]).unwrap();
    let damaged_bytes = hash(&path);
    assert!(Workspace::open(&path).is_err());

    let (_, damaged) = throughline_store::restore_newest_backup(&path, NOW + 1000).unwrap();
    assert_eq!(
        damaged.file_name().unwrap().to_str().unwrap(),
        "team.damaged-20261124-060001.throughline"
    );
    assert_eq!(
        hash(&damaged),
        damaged_bytes,
        "the damaged file is kept as it was"
    );
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.list_updates("").unwrap()[0].title, "Kept in the backup");
}

#[test]
fn without_a_good_backup_nothing_is_moved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    std::fs::write(&path, vec![0x5A; 8192]).unwrap();
    let before = hash(&path);
    let err = throughline_store::restore_newest_backup(&path, NOW).unwrap_err();
    assert!(err.to_string().contains("no good backup"), "{err}");
    assert_eq!(hash(&path), before);
}

#[test]
fn a_workspace_with_a_foreign_table_is_refused_before_any_backup_or_migration() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.throughline");
    std::fs::copy("tests/fixtures/schema-v3.throughline", &path).unwrap();
    // Something in the file that we did not create (it would also collide
    // with a table the next migration adds).
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE readings (x INTEGER);")
            .unwrap();
    }
    let snapshot = |file: &Path| -> (i64, Vec<String>, Vec<String>) {
        let conn =
            rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .unwrap();
        let version = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        let mut tables = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        let tables = tables
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<String>, _>>()
            .unwrap();
        let mut rows = conn
            .prepare("SELECT id || ':' || title || ':' || context FROM updates ORDER BY id")
            .unwrap();
        let rows = rows
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<Vec<String>, _>>()
            .unwrap();
        (version, tables, rows)
    };
    let before = snapshot(&path);
    let err = Workspace::open(&path)
        .err()
        .expect("the file must be refused");
    assert_eq!(err.code(), "workspace_untrusted", "{err}");
    assert!(err.to_string().contains("table \"readings\""), "{err}");
    assert_eq!(snapshot(&path), before, "the old workspace is as it was");
    assert!(!before.1.contains(&"journals".to_owned()));
    assert!(list_backups(&backup_dir_for(&path), "old").is_empty());
}

/// Set in the child process of the full-disk test: the workspace to back up
/// and the backup folder.
const FULL_DISK_WORKSPACE: &str = "THROUGHLINE_FULL_DISK_WORKSPACE";
const FULL_DISK_BACKUPS: &str = "THROUGHLINE_FULL_DISK_BACKUPS";

/// The child: backs up with a file-size limit far below the workspace's
/// size, so the write fails part-way as on a full disk. (Does nothing in a
/// normal run.)
#[test]
fn full_disk_child() {
    let (Ok(workspace), Ok(backups)) = (
        std::env::var(FULL_DISK_WORKSPACE),
        std::env::var(FULL_DISK_BACKUPS),
    ) else {
        return;
    };
    let ws = Workspace::open(Path::new(&workspace)).unwrap();
    match ws.back_up(Path::new(&backups), 1, NOW + 60_000) {
        Ok(path) => println!("outcome: written {}", path.display()),
        Err(err) => println!("outcome: refused {}: {err}", err.code()),
    }
}

#[test]
fn a_disk_that_fills_up_during_a_backup_keeps_the_last_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("team.throughline");
    let backups = dir.path().join("backups");
    let first = {
        let ws = Workspace::open(&path).unwrap();
        for i in 0..40 {
            ws.create_update(
                &titled(&format!("update {i} {}", "words ".repeat(3000))),
                NOW,
            )
            .unwrap();
        }
        // Keep only one: a backup that made room before it was written
        // would lose the last good one here.
        ws.back_up(&backups, 1, NOW).unwrap()
    };
    assert!(std::fs::metadata(&first).unwrap().len() > 512 * 1024);
    let before = hash(&first);

    // The shell ignores SIGXFSZ (so a write past the limit fails with an
    // error, as on a full disk, instead of killing the process) and caps
    // every file the child writes at 256 × 512 bytes = 128 KiB.
    let output = std::process::Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 256; exec \"$0\" \"$@\"",
            std::env::current_exe().unwrap().to_str().unwrap(),
            "--exact",
            "full_disk_child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(FULL_DISK_WORKSPACE, &path)
        .env(FULL_DISK_BACKUPS, &backups)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!(
        "{}",
        stdout.lines().find(|l| l.contains("outcome")).unwrap_or("")
    );
    assert!(
        stdout.contains("outcome: refused backup_failed"),
        "the backup did not fail cleanly: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );

    let left: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    assert_eq!(
        left,
        vec![first.clone()],
        "only the last good backup is there"
    );
    assert_eq!(hash(&first), before, "the last good backup was changed");
    let ws = Workspace::open(&path).unwrap();
    assert_eq!(ws.list_updates("").unwrap().len(), 40);
    assert!(newest_good_backup(&backups, "team").is_some());
}

//! Verified, rotated backups. A backup is written with `VACUUM INTO` to a
//! temporary file beside the others, opened read-only and checked
//! (`integrity_check`, our application id), synced, and only then renamed
//! into place; the oldest beyond `keep` are removed. A failure — a full disk
//! included — removes the temporary file and leaves every older backup as
//! it was.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use throughline_core::CivilDate;

use crate::{StoreError, Workspace};

/// Backups taken before a migration, kept beside the workspace file.
pub const KEEP_BEFORE_MIGRATION: usize = 10;

/// Where a workspace's backups go: `team.throughline.backups/`.
pub fn backup_dir_for(workspace: &Path) -> PathBuf {
    let mut name = workspace.as_os_str().to_owned();
    name.push(".backups");
    PathBuf::from(name)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into())
}

/// `20261124-050700` (UTC) for a Unix time in milliseconds.
fn timestamp(now_ms: i64) -> String {
    let date = CivilDate::from_unix_millis(now_ms);
    let seconds = now_ms.div_euclid(1000).rem_euclid(86_400);
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        date.year,
        date.month,
        date.day,
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Whether `name` is one of our backups of `stem` (never touch anything else).
fn is_backup_name(name: &str, stem: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(".throughline"))
    else {
        return false;
    };
    let (stamp, suffix) = rest.split_at(rest.len().min(15));
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    stamp.len() == 15
        && stamp.as_bytes().get(8) == Some(&b'-')
        && digits(&stamp[..8])
        && digits(&stamp[9..])
        && (suffix.is_empty() || suffix.strip_prefix('-').is_some_and(digits))
}

/// Our backups of `stem` in `dir`, oldest first.
pub fn list_backups(dir: &Path, stem: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_backup_name(n, stem))
        })
        .collect();
    found.sort();
    found
}

/// The newest backup that opens read-only and passes its checks.
pub fn newest_good_backup(dir: &Path, stem: &str) -> Option<PathBuf> {
    list_backups(dir, stem)
        .into_iter()
        .rev()
        .find(|path| verify(path).is_ok())
}

/// A backup is good when it passes every check a workspace passes when it
/// is opened (its schema included: a backup folder may come with a file
/// from someone else) and a full integrity check.
fn verify(path: &Path) -> Result<(), String> {
    match crate::probe(path).map_err(|e| e.to_string())? {
        crate::Probe::Workspace { .. } => {}
        _ => return Err("not a Throughline workspace".into()),
    }
    let conn = crate::probe::open_for_probe(path).map_err(|e| e.to_string())?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|e| e.to_string())?;
    if integrity != "ok" {
        return Err(format!("integrity check: {integrity}"));
    }
    Ok(())
}

impl Workspace {
    /// Writes a verified backup into `dir` and keeps the newest `keep`.
    pub fn back_up(&self, dir: &Path, keep: usize, now_ms: i64) -> Result<PathBuf, StoreError> {
        back_up_connection(&self.conn, self.path(), dir, keep, now_ms)
    }
}

pub(crate) fn back_up_connection(
    conn: &Connection,
    workspace: &Path,
    dir: &Path,
    keep: usize,
    now_ms: i64,
) -> Result<PathBuf, StoreError> {
    let failed = |detail: String| StoreError::BackupFailed {
        path: dir.to_owned(),
        detail,
    };
    std::fs::create_dir_all(dir).map_err(|e| failed(e.to_string()))?;
    let stem = stem(workspace);
    let stamp = timestamp(now_ms);
    let temp = dir.join(format!(".{stem}-{stamp}.partial"));
    let _ = std::fs::remove_file(&temp);
    let result = (|| {
        conn.execute("VACUUM INTO ?1", [temp.to_string_lossy()])
            .map_err(|e| failed(e.to_string()))?;
        verify(&temp).map_err(&failed)?;
        std::fs::File::open(&temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| failed(e.to_string()))?;
        let mut target = dir.join(format!("{stem}-{stamp}.throughline"));
        let mut n = 2;
        while target.exists() {
            target = dir.join(format!("{stem}-{stamp}-{n}.throughline"));
            n += 1;
        }
        std::fs::rename(&temp, &target).map_err(|e| failed(e.to_string()))?;
        if let Ok(folder) = std::fs::File::open(dir) {
            let _ = folder.sync_all();
        }
        Ok(target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
        return result;
    }
    let backups = list_backups(dir, &stem);
    let excess = backups.len().saturating_sub(keep.max(1));
    for old in backups.iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
    result
}

/// Replaces a workspace that cannot be opened by its newest good backup.
/// The damaged file is kept beside it, renamed `<name>.damaged-<time>.throughline`
/// (with its `-wal`/`-shm` companions), never deleted. Returns the backup
/// used and where the damaged file now is.
pub fn restore_newest_backup(path: &Path, now_ms: i64) -> Result<(PathBuf, PathBuf), StoreError> {
    let failed = |detail: String| StoreError::BackupFailed {
        path: path.to_owned(),
        detail,
    };
    let name = stem(path);
    let backup = newest_good_backup(&backup_dir_for(path), &name)
        .ok_or_else(|| failed("there is no good backup of this workspace".into()))?;
    let damaged = path.with_file_name(format!("{name}.damaged-{}.throughline", timestamp(now_ms)));
    let companion = |file: &Path, suffix: &str| {
        let mut with = file.as_os_str().to_owned();
        with.push(suffix);
        PathBuf::from(with)
    };
    if path.exists() {
        std::fs::rename(path, &damaged).map_err(|e| failed(e.to_string()))?;
        for suffix in ["-wal", "-shm"] {
            let from = companion(path, suffix);
            if from.exists() {
                let _ = std::fs::rename(&from, companion(&damaged, suffix));
            }
        }
    }
    let temp = companion(path, ".restoring");
    let restored = std::fs::copy(&backup, &temp)
        .and_then(|_| std::fs::File::open(&temp)?.sync_all())
        .and_then(|()| std::fs::rename(&temp, path));
    if let Err(err) = restored {
        let _ = std::fs::remove_file(&temp);
        // Put the damaged file back where the user left it.
        let _ = std::fs::rename(&damaged, path);
        return Err(failed(err.to_string()));
    }
    Ok((backup, damaged))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_timestamps() {
        assert_eq!(timestamp(1_795_500_000_000), "20261124-060000");
        assert!(is_backup_name("team-20261124-030000.throughline", "team"));
        assert!(is_backup_name("team-20261124-030000-2.throughline", "team"));
        assert!(!is_backup_name("team-notes.throughline", "team"));
        assert!(!is_backup_name("other-20261124-030000.throughline", "team"));
        assert!(!is_backup_name(
            "team-20261124-030000.throughline.txt",
            "team"
        ));
    }
}

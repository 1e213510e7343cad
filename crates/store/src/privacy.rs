//! What leaves the laptop: an update deleted for good is gone from the file
//! (its pages overwritten, `secure_delete`), and a copy prepared for sending
//! holds only what the app shows.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OpenFlags};
use throughline_core::UpdateId;

use crate::connection::{harden, write_transaction, WORK_BUDGET};
use crate::{StoreError, Workspace};

impl Workspace {
    /// Removes an update's rows from the file. Its text is overwritten in
    /// the database and the write-ahead log is emptied, so the file no
    /// longer holds it (backups taken earlier still do).
    pub fn delete_permanently(&self, id: UpdateId) -> Result<(), StoreError> {
        let tx = write_transaction(&self.conn)?;
        let changed = self
            .conn
            .execute("DELETE FROM updates WHERE id = ?1", params![id])?;
        if changed == 0 {
            return Err(StoreError::UpdateNotFound(id));
        }
        tx.commit()?;
        self.empty_the_log()
    }

    /// Writes a clean copy of the workspace to `target` for someone else:
    /// no deleted updates, no update history (earlier wording stays with
    /// its author), no team (its id is the key to the team's server, and
    /// the team document's history holds deleted text), no author id, no
    /// free pages holding old text, no log. The copy
    /// is built beside `target` and renamed onto it when it is complete.
    pub fn write_clean_copy(&self, target: &Path) -> Result<(), StoreError> {
        let temp = partial_path_beside(target)?;
        let result = (|| {
            // VACUUM INTO writes only the new file, so a workspace opened
            // for reading (`query_only`) may make one too.
            let query_only: bool = self
                .conn
                .query_row("PRAGMA query_only", [], |row| row.get(0))?;
            self.conn.execute_batch("PRAGMA query_only = OFF;")?;
            let vacuumed = self
                .conn
                .execute("VACUUM INTO ?1", [temp.to_string_lossy()]);
            if query_only {
                self.conn.execute_batch("PRAGMA query_only = ON;")?;
            }
            vacuumed?;
            let mut copy = Connection::open_with_flags(
                &temp,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            harden(&mut copy, WORK_BUDGET)?;
            copy.execute_batch(
                "PRAGMA secure_delete = ON;
                 PRAGMA journal_mode = DELETE;
                 DELETE FROM update_revisions;
                 DELETE FROM history_events WHERE update_id IN
                     (SELECT id FROM updates WHERE deleted_at IS NOT NULL);
                 DELETE FROM updates WHERE deleted_at IS NOT NULL;
                 DELETE FROM team_items;
                 DELETE FROM team_blobs;
                 DELETE FROM team;
                 DELETE FROM meta WHERE key = 'author_id';
                 VACUUM;",
            )?;
            drop(copy);
            std::fs::File::open(&temp)
                .and_then(|file| file.sync_all())
                .map_err(|source| StoreError::Unreadable {
                    path: temp.clone(),
                    source,
                })?;
            std::fs::rename(&temp, target).map_err(|source| StoreError::Unreadable {
                path: target.to_owned(),
                source,
            })
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result
    }

    /// Moves every committed page into the database and truncates the log,
    /// so text overwritten there is not left behind in `-wal`.
    fn empty_the_log(&self) -> Result<(), StoreError> {
        let (busy, _, _): (i64, i64, i64) =
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?))
                })?;
        if busy != 0 {
            // Another reader holds an old snapshot; the log empties when it
            // lets go (the next checkpoint), which is all SQLite allows.
            return Err(StoreError::Busy);
        }
        Ok(())
    }
}

/// A name beside `target` that nothing uses yet, for the copy in progress.
fn partial_path_beside(target: &Path) -> Result<PathBuf, StoreError> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let stem = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "workspace".into());
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for attempt in 0..100u32 {
        let candidate = dir.join(format!(
            ".{stem}.{}-{nanos}-{attempt}.partial",
            std::process::id()
        ));
        if std::fs::symlink_metadata(&candidate).is_err() {
            return Ok(candidate);
        }
    }
    Err(StoreError::Unreadable {
        path: dir.to_owned(),
        source: std::io::ErrorKind::AlreadyExists.into(),
    })
}

//! The team this workspace joined, what it shares, and the sync engine's
//! storage. Nothing here talks to a network: the use-case layer does, and
//! keeps its bookkeeping here.

use std::path::Path;
use std::sync::Mutex;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::connection::{open_read_write, write_transaction};
use crate::{StoreError, Workspace};

const AUTHOR_ID_KEY: &str = "author_id";
const SHARE_PORTFOLIO_KEY: &str = "team_share_portfolio";
const SHARE_JOURNALS_KEY: &str = "team_share_journals";
/// Keys of items this workspace stopped sharing: the team still holds them,
/// and they must not come back here as new items.
const UNSHARED_KEYS_KEY: &str = "team_unshared_keys";

/// What the user chose to share as a whole, besides single updates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct TeamSharing {
    /// Every initiative (new ones too) and the portfolio's settings.
    pub portfolio: bool,
    /// Every shared decision journal's revisions.
    pub journals: bool,
}

/// The team this workspace joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamMembership {
    pub server_url: String,
    /// The team document's id: a secret, never logged.
    pub team_id: String,
    pub team_name: String,
    pub allow_plain: bool,
    pub joined_at: i64,
    pub last_sync_at: Option<i64>,
    pub last_error: String,
}

/// What kind of item a shared record mirrors.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize, TS,
)]
#[serde(rename_all = "kebab-case")]
pub enum SharedKind {
    Journal,
    Initiative,
    Update,
    PortfolioSettings,
}

impl SharedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SharedKind::Journal => "journal",
            SharedKind::Initiative => "initiative",
            SharedKind::Update => "update",
            SharedKind::PortfolioSettings => "portfolio-settings",
        }
    }

    fn parse(text: &str) -> Result<Self, StoreError> {
        Ok(match text {
            "journal" => SharedKind::Journal,
            "initiative" => SharedKind::Initiative,
            "update" => SharedKind::Update,
            "portfolio-settings" => SharedKind::PortfolioSettings,
            other => {
                return Err(StoreError::Corrupt(format!(
                    "a shared item of unknown kind “{other}”"
                )))
            }
        })
    }
}

/// One shared item and its last agreement with the team.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedItem {
    pub kind: SharedKind,
    pub local_id: i64,
    /// Its key in the team document (random, made when first shared).
    pub key: String,
    /// The record as last agreed with the team (JSON; empty before the
    /// first exchange).
    pub base: String,
    /// The team document's heads at that agreement (hex, comma-separated).
    pub base_heads: String,
    pub changed_by: String,
    pub changed_at: i64,
}

impl Workspace {
    /// This workspace's author id: random, made once, kept in the file.
    pub fn author_id(&self) -> Result<String, StoreError> {
        if let Some(id) = self.meta(AUTHOR_ID_KEY)? {
            return Ok(id);
        }
        let id = random_hex(16);
        self.set_meta(AUTHOR_ID_KEY, &id)?;
        Ok(id)
    }

    /// The name the team sees beside this workspace's changes: the name
    /// journal revisions are signed with (one name, one place).
    pub fn display_name(&self) -> Result<String, StoreError> {
        Ok(self.author_name()?.unwrap_or_default())
    }

    pub fn set_display_name(&self, name: &str) -> Result<(), StoreError> {
        self.set_author_name(name)
    }

    pub fn team_sharing(&self) -> Result<TeamSharing, StoreError> {
        Ok(TeamSharing {
            portfolio: self.meta(SHARE_PORTFOLIO_KEY)?.as_deref() == Some("1"),
            journals: self.meta(SHARE_JOURNALS_KEY)?.as_deref() == Some("1"),
        })
    }

    pub fn set_team_sharing(&self, sharing: TeamSharing) -> Result<(), StoreError> {
        let flag = |on: bool| if on { "1" } else { "0" };
        self.set_meta(SHARE_PORTFOLIO_KEY, flag(sharing.portfolio))?;
        self.set_meta(SHARE_JOURNALS_KEY, flag(sharing.journals))
    }

    pub fn team(&self) -> Result<Option<TeamMembership>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT server_url, team_id, team_name, allow_plain, joined_at, last_sync_at, last_error
                 FROM team WHERE id = 1",
                [],
                |row| {
                    Ok(TeamMembership {
                        server_url: row.get(0)?,
                        team_id: row.get(1)?,
                        team_name: row.get(2)?,
                        allow_plain: row.get(3)?,
                        joined_at: row.get(4)?,
                        last_sync_at: row.get(5)?,
                        last_error: row.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    /// Records the team joined. A workspace is in one team at a time.
    pub fn join_team(&self, membership: &TeamMembership) -> Result<(), StoreError> {
        if self.team()?.is_some() {
            return Err(StoreError::Invalid(
                throughline_core::CoreError::InvalidTeam(
                    "this workspace is already in a team: leave it first".into(),
                ),
            ));
        }
        self.conn.execute(
            "INSERT INTO team (id, server_url, team_id, team_name, allow_plain, joined_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5)",
            params![
                membership.server_url,
                membership.team_id,
                membership.team_name,
                membership.allow_plain,
                membership.joined_at
            ],
        )?;
        Ok(())
    }

    /// Leaves the team: forgets what was shared and the local copy of the
    /// team document. Every item stays in this workspace as it is.
    pub fn leave_team(&self) -> Result<(), StoreError> {
        let tx = write_transaction(&self.conn)?;
        self.conn
            .execute_batch("DELETE FROM team_items; DELETE FROM team_blobs; DELETE FROM team;")?;
        tx.commit()?;
        Ok(())
    }

    pub fn record_sync(&self, at_ms: i64, error: &str) -> Result<(), StoreError> {
        let error: String = error.chars().take(500).collect();
        if error.is_empty() {
            self.conn.execute(
                "UPDATE team SET last_sync_at = ?1, last_error = '' WHERE id = 1",
                [at_ms],
            )?;
        } else {
            self.conn
                .execute("UPDATE team SET last_error = ?1 WHERE id = 1", [error])?;
        }
        Ok(())
    }

    pub fn shared_items(&self) -> Result<Vec<SharedItem>, StoreError> {
        let mut statement = self.conn.prepare_cached(
            "SELECT kind, local_id, key, base, base_heads, changed_by, changed_at
             FROM team_items ORDER BY kind, local_id",
        )?;
        let rows = statement.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
                row.get::<_, String>(3)?,
                row.get::<_, String>(4)?,
                row.get::<_, String>(5)?,
                row.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, local_id, key, base, base_heads, changed_by, changed_at) = row?;
            out.push(SharedItem {
                kind: SharedKind::parse(&kind)?,
                local_id,
                key,
                base,
                base_heads,
                changed_by,
                changed_at,
            });
        }
        Ok(out)
    }

    pub fn shared_item(
        &self,
        kind: SharedKind,
        local_id: i64,
    ) -> Result<Option<SharedItem>, StoreError> {
        Ok(self
            .shared_items()?
            .into_iter()
            .find(|item| item.kind == kind && item.local_id == local_id))
    }

    /// Marks an item shared under `key` (a new random key when `None`).
    pub fn share_item(
        &self,
        kind: SharedKind,
        local_id: i64,
        key: Option<&str>,
    ) -> Result<String, StoreError> {
        if let Some(existing) = self.shared_item(kind, local_id)? {
            return Ok(existing.key);
        }
        let key = key.map_or_else(|| random_hex(16), str::to_owned);
        self.conn.execute(
            "INSERT INTO team_items (kind, local_id, key) VALUES (?1, ?2, ?3)",
            params![kind.as_str(), local_id, key],
        )?;
        Ok(key)
    }

    /// Stops sharing an item (it stays in this workspace, and the team's
    /// copy is not brought back here as a new item).
    pub fn unshare_item(&self, kind: SharedKind, local_id: i64) -> Result<(), StoreError> {
        let Some(item) = self.shared_item(kind, local_id)? else {
            return Ok(());
        };
        let tx = write_transaction(&self.conn)?;
        let mut unshared = self.unshared_keys()?;
        unshared.insert(item.key);
        self.set_meta(
            UNSHARED_KEYS_KEY,
            &serde_json::to_string(&unshared).unwrap_or_default(),
        )?;
        self.conn.execute(
            "DELETE FROM team_items WHERE kind = ?1 AND local_id = ?2",
            params![kind.as_str(), local_id],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Keys of the team's items this workspace stopped sharing.
    pub fn unshared_keys(&self) -> Result<std::collections::BTreeSet<String>, StoreError> {
        Ok(self
            .meta(UNSHARED_KEYS_KEY)?
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default())
    }

    /// Records the agreement reached with the team about one item.
    pub fn set_shared_base(
        &self,
        key: &str,
        base: &str,
        base_heads: &str,
        changed_by: &str,
        changed_at: i64,
    ) -> Result<(), StoreError> {
        self.conn.execute(
            "UPDATE team_items SET base = ?2, base_heads = ?3, changed_by = ?4, changed_at = ?5 WHERE key = ?1",
            params![key, base, base_heads, changed_by, changed_at],
        )?;
        Ok(())
    }

    /// The sync engine's storage, on its own connection (the engine calls
    /// it from its worker threads).
    pub fn team_blobs(&self) -> Result<TeamBlobs, StoreError> {
        TeamBlobs::open(self.path())
    }
}

/// The sync engine's key/value storage in the workspace file.
pub struct TeamBlobs {
    conn: Mutex<Connection>,
}

/// Errors inside the engine's storage calls cannot be returned to it; they
/// are kept here for the caller to report after the exchange.
impl TeamBlobs {
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Ok(Self {
            conn: Mutex::new(open_read_write(path)?),
        })
    }

    fn with<R>(&self, fallback: R, work: impl FnOnce(&Connection) -> rusqlite::Result<R>) -> R {
        match self.conn.lock() {
            Ok(conn) => work(&conn).unwrap_or(fallback),
            Err(_) => fallback,
        }
    }

    pub fn load(&self, key: &str) -> Option<Vec<u8>> {
        self.with(None, |conn| {
            conn.query_row("SELECT data FROM team_blobs WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()
        })
    }

    pub fn load_prefix(&self, prefix: &str) -> Vec<(String, Vec<u8>)> {
        self.with(Vec::new(), |conn| {
            let mut statement = conn.prepare_cached(
                "SELECT key, data FROM team_blobs WHERE key = ?1 OR substr(key, 1, length(?1) + 1) = ?1 || '/'",
            )?;
            let rows = statement.query_map([prefix], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect()
        })
    }

    pub fn put(&self, key: &str, data: &[u8]) -> bool {
        self.with(false, |conn| {
            conn.execute(
                "INSERT INTO team_blobs (key, data) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET data = excluded.data",
                params![key, data],
            )
            .map(|_| true)
        })
    }

    pub fn delete(&self, key: &str) -> bool {
        self.with(false, |conn| {
            conn.execute("DELETE FROM team_blobs WHERE key = ?1", [key])
                .map(|_| true)
        })
    }
}

/// `bytes` random bytes as hex, from the operating system.
fn random_hex(bytes: usize) -> String {
    let mut buffer = vec![0u8; bytes];
    if getrandom::fill(&mut buffer).is_err() {
        // No OS randomness at all: fall back to the clock and process id,
        // hashed. Unique enough for an author id; never for a secret.
        let seed = format!("{:?}{}", std::time::SystemTime::now(), std::process::id());
        buffer = seed.bytes().cycle().take(bytes).collect();
    }
    buffer.iter().map(|b| format!("{b:02x}")).collect()
}

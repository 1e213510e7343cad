//! Team use cases, for the window and the CLI alike: join a team (or start
//! one), share items, exchange changes with the server, leave.
//!
//! One exchange ([`sync`]): the shared items as the store holds them are
//! written into the team document as if made where this workspace last
//! agreed with the team about each (so they merge with what the team wrote
//! since), the document is exchanged with the server, and what the team
//! changed is applied back into the store through the same checks and
//! status lifecycle as a local edit, one item per transaction. Offline,
//! the local changes wait in the workspace's copy of the team document and
//! go out on the next exchange.
//!
//! Nothing here connects before the workspace has joined a team.

mod records;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use throughline_store::{
    SharedItem, SharedKind, TeamBlobs, TeamMembership, TeamSharing, Workspace,
};
use throughline_sync::team_doc::Change;
use throughline_sync::{
    BlobStore, Invitation, ItemKind, Record, ServerAddress, Session, SyncError, TeamId,
};
use ts_rs::TS;

use crate::{ApiError, Clock, ErrorCode};

/// The key of the portfolio settings' record: one per team.
const SETTINGS_KEY: &str = "portfolio-settings";

struct Blobs(TeamBlobs);

impl BlobStore for Blobs {
    fn load(&self, key: &str) -> Option<Vec<u8>> {
        self.0.load(key)
    }
    fn load_prefix(&self, prefix: &str) -> Vec<(String, Vec<u8>)> {
        self.0.load_prefix(prefix)
    }
    fn put(&self, key: &str, data: &[u8]) {
        self.0.put(key, data);
    }
    fn delete(&self, key: &str) {
        self.0.delete(key);
    }
}

impl From<SyncError> for ApiError {
    fn from(err: SyncError) -> Self {
        let code = match &err {
            SyncError::BadAddress(_)
            | SyncError::BadTeamId(_)
            | SyncError::BadInvitation(_)
            | SyncError::NotATeam(_) => ErrorCode::InvalidInput,
            SyncError::Unreachable { .. } | SyncError::UnknownTeam { .. } => {
                ErrorCode::TeamUnreachable
            }
            SyncError::Timeout { .. } => ErrorCode::SyncPending,
            SyncError::Engine(_) => ErrorCode::Internal,
        };
        ApiError::new(code, err.to_string())
    }
}

/// How long to wait for the server, at most.
#[derive(Debug, Clone, Copy)]
pub struct Wait(pub Duration);

impl Default for Wait {
    fn default() -> Self {
        Self(Duration::from_secs(20))
    }
}

/// What `team status` shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct TeamStatus {
    pub joined: bool,
    pub server: String,
    pub team_name: String,
    pub display_name: String,
    pub author_id: String,
    /// Shared items per kind.
    pub shared: BTreeMap<String, usize>,
    /// Shared items changed here since the team last agreed with them.
    pub pending: Vec<String>,
    #[ts(type = "number | null")]
    pub last_sync_at: Option<i64>,
    pub last_error: String,
    pub sharing: TeamSharing,
    /// The updates this workspace shares (their ids here).
    #[ts(type = "Array<number>")]
    pub shared_updates: Vec<i64>,
    /// Who changed each shared item last, and when, as the team agreed.
    pub last_changes: Vec<LastChange>,
    /// What leaving, unsharing and deleting keep on the server, for the
    /// window's confirmations.
    pub leave_warning: String,
    pub unshare_warning: String,
}

/// Who changed a shared item last, and when (Unix ms).
#[derive(Debug, Clone, Serialize, TS)]
pub struct LastChange {
    pub kind: SharedKind,
    #[ts(type = "number")]
    pub id: i64,
    pub by: String,
    #[ts(type = "number")]
    pub at: i64,
}

/// What one exchange did.
#[derive(Debug, Clone, Default, Serialize, TS)]
pub struct SyncOutcome {
    /// Local items written into the team document.
    pub sent: usize,
    /// Items changed here by the team (new ones included).
    pub received: usize,
    /// The server confirmed it holds every local change.
    pub confirmed: bool,
    /// Why not, when it did not (unreachable, timed out).
    pub offline_reason: String,
    /// Items the team document holds that could not be applied, and why.
    pub problems: Vec<String>,
}

fn runtime() -> Result<tokio::runtime::Runtime, ApiError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|err| ApiError::internal(format!("cannot start the sync engine: {err}")))
}

/// Runs one async team operation to its end on a runtime of its own (the
/// CLI; the window calls it from a thread of its own).
pub fn block_on<T>(work: impl std::future::Future<Output = T>) -> Result<T, ApiError> {
    Ok(runtime()?.block_on(work))
}

/// How the user asks to join.
#[derive(Debug, Clone)]
pub struct JoinRequest {
    pub server: String,
    /// The team to join; `None` starts a new one.
    pub team: Option<String>,
    /// A new team's name.
    pub team_name: String,
    pub display_name: String,
    /// Plain ws:// to another machine, accepted by the user.
    pub allow_plain: bool,
}

/// Joins a team, or starts one, and makes a first exchange. Returns the
/// invitation others join with.
pub async fn join(
    path: &Path,
    request: JoinRequest,
    wait: Wait,
    clock: &dyn Clock,
) -> Result<Invitation, ApiError> {
    let server = ServerAddress::parse(&request.server, request.allow_plain)?;
    let team = request.team.as_deref().map(TeamId::parse).transpose()?;
    let workspace = Workspace::open(path)?;
    if workspace.team()?.is_some() {
        return Err(ApiError::invalid(
            "this workspace is already in a team: leave it first (team leave)",
        ));
    }
    if !request.display_name.trim().is_empty() {
        workspace.set_display_name(&request.display_name)?;
    }
    workspace.author_id()?;
    let blobs = Arc::new(Blobs(workspace.team_blobs()?));
    let mut session = Session::open(blobs).await;
    let joined = async {
        session.connect(&server, wait.0).await?;
        let (team, name) = match team {
            Some(team) => {
                session.open_team(&team, wait.0).await?;
                let name = session.snapshot()?.name;
                (team, name)
            }
            None => {
                let team = session.create_team(&request.team_name).await?;
                (team, request.team_name.trim().to_owned())
            }
        };
        session.exchange(wait.0).await?;
        Ok::<_, SyncError>((team, name))
    }
    .await;
    let (team, name) = match joined {
        Ok(found) => found,
        Err(err) => {
            session.close().await;
            // Nothing of a failed join stays behind.
            workspace.leave_team()?;
            return Err(err.into());
        }
    };
    session.close().await;
    workspace.join_team(&TeamMembership {
        server_url: server.as_str().to_owned(),
        team_id: team.secret(),
        team_name: name.clone(),
        allow_plain: request.allow_plain,
        joined_at: clock.now_millis(),
        last_sync_at: Some(clock.now_millis()),
        last_error: String::new(),
    })?;
    // The portfolio's settings are one per team. A new team starts with
    // this workspace's; a joiner takes the team's on its first exchange.
    if request.team.is_none() {
        workspace.share_item(SharedKind::PortfolioSettings, 0, Some(SETTINGS_KEY))?;
    }
    drop(workspace);
    // The team's items arrive at once, before anything here is shared.
    let first = sync(path, wait, clock).await?;
    if !first.offline_reason.is_empty() {
        return Err(ApiError::new(ErrorCode::SyncPending, first.offline_reason));
    }
    Ok(Invitation { server, team, name })
}

/// The invitation of the team this workspace is in.
pub fn invitation(workspace: &Workspace) -> Result<Invitation, ApiError> {
    let team = member_of(workspace)?;
    Ok(Invitation {
        server: ServerAddress::parse(&team.server_url, team.allow_plain)?,
        team: TeamId::parse(&team.team_id)?,
        name: team.team_name,
    })
}

fn member_of(workspace: &Workspace) -> Result<TeamMembership, ApiError> {
    workspace.team()?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::NotInTeam,
            "this workspace has not joined a team (team join)",
        )
    })
}

/// What leaving keeps and what it cannot take back, for the confirmation.
pub const LEAVE_WARNING: &str = "Leaving keeps every item in this workspace as it is and stops exchanging changes. The team's server keeps what was shared, with its history: Automerge documents keep deleted text, so anything this workspace ever shared stays readable by whoever holds the team id.";

pub fn leave(workspace: &Workspace) -> Result<(), ApiError> {
    member_of(workspace)?;
    workspace.leave_team()?;
    Ok(())
}

/// Shares one item with the team (the next exchange sends it).
pub fn share(workspace: &Workspace, kind: SharedKind, local_id: i64) -> Result<String, ApiError> {
    member_of(workspace)?;
    match kind {
        SharedKind::Update => {
            workspace.get_update(local_id)?;
        }
        SharedKind::Initiative => {
            if !workspace
                .list_initiatives()?
                .iter()
                .any(|i| i.id == local_id)
            {
                return Err(ApiError::new(
                    ErrorCode::NotFound,
                    format!("there is no initiative {local_id}"),
                ));
            }
        }
        SharedKind::Journal => {
            let journal = workspace.journal(local_id)?;
            if journal.revisions.is_empty() {
                return Err(ApiError::invalid(
                    "share the journal first (its first revision), then with the team: the team sees revisions, never a draft",
                ));
            }
        }
        SharedKind::PortfolioSettings => {}
    }
    Ok(workspace.share_item(kind, local_id, None)?)
}

/// Shares (or stops sharing) the portfolio and the journals as a whole:
/// what is on now is shared at once, and what is added later with it.
pub fn set_sharing(workspace: &Workspace, sharing: TeamSharing) -> Result<TeamSharing, ApiError> {
    member_of(workspace)?;
    workspace.set_team_sharing(sharing)?;
    share_what_is_chosen(workspace)?;
    Ok(sharing)
}

/// Every initiative (and the settings) when the portfolio is shared, every
/// shared journal when journals are.
fn share_what_is_chosen(workspace: &Workspace) -> Result<(), ApiError> {
    let sharing = workspace.team_sharing()?;
    if sharing.portfolio {
        workspace.share_item(SharedKind::PortfolioSettings, 0, Some(SETTINGS_KEY))?;
        for initiative in workspace.list_initiatives()? {
            workspace.share_item(SharedKind::Initiative, initiative.id, None)?;
        }
    }
    if sharing.journals {
        for journal in workspace.list_journals()? {
            if journal.shared {
                workspace.share_item(SharedKind::Journal, journal.id, None)?;
            }
        }
    }
    Ok(())
}

/// What a copy prepared for sending, or an update deleted for good, does
/// not change on the team's server.
pub const SENDING_NOTE: &str = "The copy holds no team: not its key, not the team document. What this workspace shared stays on the team's server, with its history (deleted text included), for everyone who holds the team's key.";

/// What unsharing keeps, for the confirmation.
pub const UNSHARE_WARNING: &str = "The item stays in this workspace and stops being exchanged. The copy on the team's server stays, with its history, for everyone in the team.";

pub fn unshare(workspace: &Workspace, kind: SharedKind, local_id: i64) -> Result<(), ApiError> {
    member_of(workspace)?;
    let sharing = workspace.team_sharing()?;
    let whole = match kind {
        SharedKind::Initiative | SharedKind::PortfolioSettings if sharing.portfolio => {
            "the portfolio"
        }
        SharedKind::Journal if sharing.journals => "decision journals",
        _ => "",
    };
    if !whole.is_empty() {
        return Err(ApiError::invalid(format!(
            "{whole} are shared as a whole: stop sharing them in Team… (team status) first"
        )));
    }
    workspace.unshare_item(kind, local_id)?;
    Ok(())
}

/// The store as the exchange reads it: initiatives and settings read once,
/// not once per shared item (a team may share hundreds).
struct Current {
    initiatives: BTreeMap<i64, Record>,
    settings: Record,
}

impl Current {
    fn read(workspace: &Workspace) -> Result<Self, ApiError> {
        Ok(Self {
            initiatives: workspace
                .list_initiatives()?
                .into_iter()
                .map(|i| (i.id, records::from_initiative(&i.initiative)))
                .collect(),
            settings: records::from_settings(&workspace.portfolio_settings()?),
        })
    }

    /// The record a shared item is now, `None` when it is gone from the
    /// store (deleted here: the team is told).
    fn record(&self, workspace: &Workspace, item: &SharedItem) -> Result<Option<Record>, ApiError> {
        Ok(match item.kind {
            SharedKind::Update => match workspace.get_update(item.local_id) {
                Ok(update) => Some(records::from_update(&update.fields)),
                Err(throughline_store::StoreError::UpdateNotFound(_)) => None,
                Err(err) => return Err(err.into()),
            },
            SharedKind::Initiative => self.initiatives.get(&item.local_id).cloned(),
            SharedKind::Journal => match workspace.journal(item.local_id) {
                Ok(journal) => Some(records::from_journal(&journal.revisions)),
                Err(_) => None,
            },
            SharedKind::PortfolioSettings => Some(self.settings.clone()),
        })
    }
}

fn parse_heads(text: &str) -> Vec<automerge::ChangeHash> {
    text.split(',')
        .filter_map(|h| h.trim().parse().ok())
        .collect()
}

fn heads_text(heads: &[automerge::ChangeHash]) -> String {
    heads
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

fn base_record(item: &SharedItem) -> Option<Record> {
    serde_json::from_str(&item.base).ok()
}

/// The changes this workspace has for the team.
fn local_changes(
    workspace: &Workspace,
    by: &str,
    by_id: &str,
    now_ms: i64,
) -> Result<(Vec<Change>, Vec<String>), ApiError> {
    let mut changes = Vec::new();
    let mut names = Vec::new();
    let current = Current::read(workspace)?;
    for item in workspace.shared_items()? {
        let base = base_record(&item);
        let record = match current.record(workspace, &item)? {
            Some(record) => record,
            None => match &base {
                // Deleted here: the team keeps a tombstone.
                Some(base) if !base.deleted => Record {
                    deleted: true,
                    ..base.clone()
                },
                _ => continue,
            },
        };
        if base.as_ref().is_some_and(|b| b.same_content(&record)) {
            continue;
        }
        names.push(format!("{} {}", item.kind.as_str(), item.local_id));
        changes.push(Change {
            key: item.key.clone(),
            record: Record {
                changed_by: by.to_owned(),
                changed_by_id: by_id.to_owned(),
                changed_at_ms: now_ms,
                ..record
            },
            base: parse_heads(&item.base_heads),
        });
    }
    Ok((changes, names))
}

pub fn status(workspace: &Workspace) -> Result<TeamStatus, ApiError> {
    let team = workspace.team()?;
    let mut shared = BTreeMap::new();
    let mut pending = Vec::new();
    let mut shared_updates = Vec::new();
    let mut last_changes = Vec::new();
    if team.is_some() {
        for item in workspace.shared_items()? {
            if !item.changed_by.is_empty() {
                last_changes.push(LastChange {
                    kind: item.kind,
                    id: item.local_id,
                    by: item.changed_by.clone(),
                    at: item.changed_at,
                });
            }
            *shared.entry(item.kind.as_str().to_owned()).or_insert(0) += 1;
            if item.kind == SharedKind::Update {
                shared_updates.push(item.local_id);
            }
        }
        let (_, names) = local_changes(workspace, "", "", 0)?;
        pending = names;
    }
    Ok(TeamStatus {
        joined: team.is_some(),
        server: team
            .as_ref()
            .map(|t| t.server_url.clone())
            .unwrap_or_default(),
        team_name: team
            .as_ref()
            .map(|t| t.team_name.clone())
            .unwrap_or_default(),
        display_name: workspace.display_name()?,
        author_id: workspace.author_id()?,
        shared,
        pending,
        last_sync_at: team.as_ref().and_then(|t| t.last_sync_at),
        last_error: team.map(|t| t.last_error).unwrap_or_default(),
        sharing: workspace.team_sharing()?,
        shared_updates,
        last_changes,
        leave_warning: LEAVE_WARNING.into(),
        unshare_warning: UNSHARE_WARNING.into(),
    })
}

/// One exchange with the team. Offline, local changes are kept for the
/// next one and the outcome says why it did not reach the server.
pub async fn sync(path: &Path, wait: Wait, clock: &dyn Clock) -> Result<SyncOutcome, ApiError> {
    let workspace = Workspace::open(path)?;
    let team = member_of(&workspace)?;
    let server = ServerAddress::parse(&team.server_url, team.allow_plain)?;
    let team_id = TeamId::parse(&team.team_id)?;
    let by = workspace.display_name()?;
    let by_id = workspace.author_id()?;
    let now = clock.now_millis();
    share_what_is_chosen(&workspace)?;
    let (changes, _) = local_changes(&workspace, &by, &by_id, now)?;
    let blobs = Arc::new(Blobs(workspace.team_blobs()?));
    let mut session = Session::open(blobs).await;
    let mut outcome = SyncOutcome {
        sent: changes.len(),
        ..SyncOutcome::default()
    };
    let connected = session.connect(&server, wait.0).await;
    if let Err(err) = &connected {
        outcome.offline_reason = err.to_string();
    }
    let result = async {
        session.open_team(&team_id, wait.0).await?;
        session.write(&changes)?;
        if connected.is_ok() {
            match session.exchange(wait.0).await {
                Ok(report) => outcome.confirmed = report.server_has_ours,
                Err(err) => outcome.offline_reason = err.to_string(),
            }
        }
        session.snapshot()
    }
    .await;
    session.close().await;
    let snapshot = match result {
        Ok(snapshot) => snapshot,
        Err(err) => {
            workspace.record_sync(now, &err.to_string())?;
            return Err(err.into());
        }
    };
    let applied = apply(&workspace, &snapshot, &changes)?;
    outcome.received = applied.received;
    outcome.problems = applied.problems;
    outcome.problems.extend(
        snapshot
            .problems
            .iter()
            .map(|p| format!("{}: {}", p.key, p.detail)),
    );
    workspace.record_sync(now, &outcome.offline_reason)?;
    Ok(outcome)
}

struct Applied {
    received: usize,
    problems: Vec<String>,
}

/// Brings the store to what the team document says, item by item.
fn apply(
    workspace: &Workspace,
    snapshot: &throughline_sync::TeamSnapshot,
    sent: &[Change],
) -> Result<Applied, ApiError> {
    let heads = heads_text(&snapshot.heads);
    let mut applied = Applied {
        received: 0,
        problems: Vec::new(),
    };
    let shared: BTreeMap<String, SharedItem> = workspace
        .shared_items()?
        .into_iter()
        .map(|item| (item.key.clone(), item))
        .collect();
    let current = Current::read(workspace)?;
    let unshared = workspace.unshared_keys()?;
    for (key, team_record) in &snapshot.items {
        if !shared.contains_key(key) && unshared.contains(key) {
            continue;
        }
        let agree = |workspace: &Workspace| {
            let base = serde_json::to_string(team_record).unwrap_or_default();
            workspace.set_shared_base(
                key,
                &base,
                &heads,
                &team_record.changed_by,
                team_record.changed_at_ms,
            )
        };
        let outcome = match shared.get(key) {
            Some(item) => {
                let base = base_record(item);
                let we_sent = sent.iter().find(|c| &c.key == key);
                let now = current.record(workspace, item)?;
                // Typed here since this exchange began: left for the next.
                let moved_on = match (we_sent, &now) {
                    (Some(change), Some(now)) => {
                        !now.same_content(&Record {
                            deleted: false,
                            ..change.record.clone()
                        }) && !change.record.deleted
                    }
                    (None, Some(now)) => base.as_ref().is_some_and(|b| !b.same_content(now)),
                    _ => false,
                };
                if moved_on {
                    continue;
                }
                // Nothing new either way: the old agreement still holds (the
                // item reads the same at its old heads), so nothing is written.
                if we_sent.is_none() && base.as_ref().is_some_and(|b| b.same_content(team_record)) {
                    continue;
                }
                if now.as_ref().is_some_and(|n| n.same_content(team_record))
                    || (now.is_none() && team_record.deleted)
                {
                    agree(workspace)?;
                    if team_record.deleted {
                        workspace.unshare_item(item.kind, item.local_id)?;
                    }
                    continue;
                }
                update_local(workspace, item, team_record).map(|()| true)
            }
            None => create_local(workspace, key, team_record),
        };
        match outcome {
            Ok(changed) => {
                if changed {
                    applied.received += 1;
                }
                // A key with no shared row (a deleted item not created) sets nothing.
                agree(workspace)?;
                if team_record.deleted {
                    if let Some(item) = shared.get(key) {
                        workspace.unshare_item(item.kind, item.local_id)?;
                    }
                }
            }
            Err(problem) => applied.problems.push(format!(
                "{} {key} from {}: {problem}",
                team_record.kind.as_str(),
                if team_record.changed_by.is_empty() {
                    "the team"
                } else {
                    &team_record.changed_by
                }
            )),
        }
    }
    Ok(applied)
}

/// An item this workspace shares, changed by the team.
fn update_local(workspace: &Workspace, item: &SharedItem, record: &Record) -> Result<(), String> {
    let now = record.changed_at_ms.max(1);
    let store = |err: throughline_store::StoreError| err.to_string();
    match item.kind {
        SharedKind::Update => {
            if record.deleted {
                return workspace.delete_update(item.local_id, now).map_err(store);
            }
            let fields = records::to_update(record)?;
            workspace
                .save_update_from_team(item.local_id, &fields, &record.changed_by, now)
                .map_err(store)?;
        }
        SharedKind::Initiative => {
            if record.deleted {
                return workspace.delete_initiative(item.local_id).map_err(store);
            }
            let mut initiative = records::to_initiative(record)?;
            initiative.name = free_name(
                workspace,
                &initiative.name,
                Some(item.local_id),
                &record.changed_by,
            )
            .map_err(store)?;
            workspace
                .save_initiative(item.local_id, &initiative, now)
                .map_err(store)?;
        }
        SharedKind::Journal => receive_revisions(workspace, item.local_id, record)?,
        SharedKind::PortfolioSettings => {
            let settings = records::to_settings(record)?;
            workspace
                .save_portfolio_settings(&settings)
                .map_err(store)?;
        }
    }
    Ok(())
}

/// An item the team has and this workspace does not: created here and
/// shared under the team's key. Deleted ones are not created.
fn create_local(workspace: &Workspace, key: &str, record: &Record) -> Result<bool, String> {
    if record.deleted {
        return Ok(false);
    }
    let store = |err: throughline_store::StoreError| err.to_string();
    let now = record.changed_at_ms.max(1);
    let (kind, id) = match record.kind {
        ItemKind::Update => {
            let fields = records::to_update(record)?;
            let update = workspace.create_update(&fields, now).map_err(store)?;
            (SharedKind::Update, update.id)
        }
        ItemKind::Initiative => {
            let mut initiative = records::to_initiative(record)?;
            // The same initiative already here, not yet shared (the demo
            // portfolio, a spreadsheet both imported): it becomes the team's.
            if let Some(id) = identical_unshared_initiative(workspace, record).map_err(store)? {
                workspace
                    .share_item(SharedKind::Initiative, id, Some(key))
                    .map_err(store)?;
                return Ok(false);
            }
            initiative.name =
                free_name(workspace, &initiative.name, None, &record.changed_by).map_err(store)?;
            let ids = workspace
                .add_initiatives(&[initiative], now)
                .map_err(store)?;
            (
                SharedKind::Initiative,
                ids.first().copied().unwrap_or_default(),
            )
        }
        ItemKind::Journal => {
            let (revisions, problems) = records::to_revisions(record);
            if !problems.is_empty() {
                return Err(problems.join("; "));
            }
            let Some(first) = revisions.first() else {
                return Ok(false);
            };
            let id = workspace.create_journal(&first.body, now).map_err(store)?;
            receive_revisions(workspace, id, record)?;
            (SharedKind::Journal, id)
        }
        ItemKind::PortfolioSettings => {
            let settings = records::to_settings(record)?;
            workspace
                .save_portfolio_settings(&settings)
                .map_err(store)?;
            (SharedKind::PortfolioSettings, 0)
        }
    };
    workspace.share_item(kind, id, Some(key)).map_err(store)?;
    Ok(true)
}

/// A journal's revisions from the team, parents first; each is checked by
/// the store (its hash, its parents) before it is kept.
fn receive_revisions(
    workspace: &Workspace,
    journal_id: i64,
    record: &Record,
) -> Result<(), String> {
    let (revisions, mut problems) = records::to_revisions(record);
    for revision in revisions {
        match workspace.receive_journal_revision(journal_id, revision) {
            Ok(throughline_store::ReceiveOutcome::MissingParents(missing)) => {
                problems.push(format!(
                    "a revision was made on {} the team document does not hold",
                    missing.len()
                ))
            }
            Ok(_) => {}
            Err(err) => problems.push(err.to_string()),
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}

fn identical_unshared_initiative(
    workspace: &Workspace,
    record: &Record,
) -> Result<Option<i64>, throughline_store::StoreError> {
    let shared: Vec<i64> = workspace
        .shared_items()?
        .into_iter()
        .filter(|i| i.kind == SharedKind::Initiative)
        .map(|i| i.local_id)
        .collect();
    Ok(workspace
        .list_initiatives()?
        .into_iter()
        .find(|i| {
            !shared.contains(&i.id) && records::from_initiative(&i.initiative).same_content(record)
        })
        .map(|i| i.id))
}

/// Two members may name initiatives alike at the same time: the one that
/// arrives second is kept under "Name (from Author)".
fn free_name(
    workspace: &Workspace,
    name: &str,
    except: Option<i64>,
    author: &str,
) -> Result<String, throughline_store::StoreError> {
    let taken = |candidate: &str| -> Result<bool, throughline_store::StoreError> {
        Ok(workspace.list_initiatives()?.iter().any(|i| {
            Some(i.id) != except
                && i.initiative
                    .name
                    .trim()
                    .eq_ignore_ascii_case(candidate.trim())
        }))
    };
    if !taken(name)? {
        return Ok(name.to_owned());
    }
    let from = if author.trim().is_empty() {
        "the team"
    } else {
        author.trim()
    };
    for n in 1..100 {
        let candidate = if n == 1 {
            format!("{name} (from {from})")
        } else {
            format!("{name} (from {from}, {n})")
        };
        if !taken(&candidate)? {
            return Ok(candidate);
        }
    }
    Ok(format!("{name} ({})", uuid_like()))
}

fn uuid_like() -> String {
    format!(
        "{:x}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default()
    )
}

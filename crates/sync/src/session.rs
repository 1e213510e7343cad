//! One conversation with the team: a samod repo over the workspace's blob
//! store, the team document, and (when online) a connection to the server.

use std::sync::Arc;
use std::time::Duration;

use automerge::{Automerge, ChangeHash};
use samod::{BackoffConfig, ConnectionId, DialerHandle, DocHandle, Repo};

use crate::address::{ServerAddress, TeamId};
use crate::storage::{BlobStorage, BlobStore};
use crate::team_doc::{self, Change, TeamSnapshot};
use crate::SyncError;

/// What one exchange with the server came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// The server confirmed it holds every local change.
    pub server_has_ours: bool,
    /// We hold every change the server offered.
    pub have_theirs: bool,
}

pub struct Session {
    repo: Repo,
    dialer: Option<DialerHandle>,
    server: Option<ServerAddress>,
    team: Option<DocHandle>,
}

impl Session {
    /// A repo over the workspace's blobs. Nothing connects yet.
    pub async fn open<B: BlobStore>(blobs: Arc<B>) -> Self {
        let repo = Repo::build_tokio()
            .with_storage(BlobStorage::new(blobs))
            .load()
            .await;
        Self {
            repo,
            dialer: None,
            server: None,
            team: None,
        }
    }

    /// Connects to the server, waiting at most `wait`. A server that does
    /// not answer is an error, and the session stays usable offline.
    pub async fn connect(
        &mut self,
        server: &ServerAddress,
        wait: Duration,
    ) -> Result<(), SyncError> {
        let unreachable = |detail: String| SyncError::Unreachable {
            server: server.to_string(),
            detail,
        };
        let backoff = BackoffConfig {
            initial_delay: Duration::from_millis(50),
            max_delay: Duration::from_secs(1),
            // A first dial sometimes races the dialer's registration, and a
            // server busy starting up (a laptop under load) may refuse the
            // first upgrades: about 4.5 s of retries cover both, and a dead
            // server is still named within seconds, not after `wait`.
            max_retries: Some(8),
        };
        let dialer = self
            .repo
            .dial_websocket(server.url().clone(), backoff)
            .map_err(|_| unreachable("the sync engine stopped".into()))?;
        match tokio::time::timeout(wait, dialer.established()).await {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => {
                dialer.close();
                return Err(unreachable("no answer after several tries".into()));
            }
            Err(_) => {
                dialer.close();
                return Err(unreachable(format!(
                    "no answer within {} s",
                    wait.as_secs()
                )));
            }
        }
        self.dialer = Some(dialer);
        self.server = Some(server.clone());
        Ok(())
    }

    fn connection(&self) -> Option<ConnectionId> {
        self.dialer.as_ref().and_then(DialerHandle::connection_id)
    }

    pub fn is_connected(&self) -> bool {
        self.dialer.as_ref().is_some_and(DialerHandle::is_connected)
    }

    /// Starts a new team document (the caller must be connected for others
    /// to find it) and returns its id.
    pub async fn create_team(&mut self, name: &str) -> Result<TeamId, SyncError> {
        let mut doc = Automerge::new();
        team_doc::init(&mut doc, name)?;
        let handle = self
            .repo
            .create(doc)
            .await
            .map_err(|_| SyncError::Engine("stopped while creating the team".into()))?;
        let id = TeamId::from_url(handle.url());
        self.team = Some(handle);
        Ok(id)
    }

    /// Opens the team document: from the workspace when it has it, else
    /// from the server (connect first).
    pub async fn open_team(&mut self, team: &TeamId, wait: Duration) -> Result<(), SyncError> {
        let found = tokio::time::timeout(wait, self.repo.find(team.document_id()))
            .await
            .map_err(|_| SyncError::Timeout {
                seconds: wait.as_secs(),
            })?
            .map_err(|_| SyncError::Engine("stopped while opening the team".into()))?;
        let Some(handle) = found else {
            return Err(SyncError::UnknownTeam {
                server: self
                    .server
                    .as_ref()
                    .map_or_else(|| "(not connected)".to_owned(), ToString::to_string),
            });
        };
        // Refuse a document that is not a team before anything is applied.
        handle.with_document(|doc| team_doc::read(doc).map(|_| ()))?;
        self.team = Some(handle);
        Ok(())
    }

    fn handle(&self) -> Result<&DocHandle, SyncError> {
        self.team
            .as_ref()
            .ok_or_else(|| SyncError::Engine("the team document is not open".into()))
    }

    /// Writes local changes into the team document.
    pub fn write(&self, changes: &[Change]) -> Result<(), SyncError> {
        if changes.is_empty() {
            return Ok(());
        }
        self.handle()?
            .with_document(|doc| team_doc::write(doc, changes))
    }

    /// The team's records as the document holds them now.
    pub fn snapshot(&self) -> Result<TeamSnapshot, SyncError> {
        self.handle()?.with_document(|doc| team_doc::read(doc))
    }

    pub fn heads(&self) -> Result<Vec<ChangeHash>, SyncError> {
        Ok(self.handle()?.with_document(|doc| doc.get_heads()))
    }

    /// Waits until the server holds every local change and we hold every
    /// change it offered, at most `wait`.
    pub async fn exchange(&self, wait: Duration) -> Result<SyncReport, SyncError> {
        let handle = self.handle()?.clone();
        let Some(conn) = self.connection() else {
            return Ok(SyncReport {
                server_has_ours: false,
                have_theirs: false,
            });
        };
        let both = async {
            handle.they_have_our_changes(conn).await;
            handle.we_have_their_changes(conn).await;
            // Their changes may have made new heads the server has not
            // acknowledged yet (merging is a change of its own only when we
            // write; this second wait is quick when nothing is left).
            handle.they_have_our_changes(conn).await;
        };
        match tokio::time::timeout(wait, both).await {
            Ok(()) => Ok(SyncReport {
                server_has_ours: true,
                have_theirs: true,
            }),
            Err(_) => Err(SyncError::Timeout {
                seconds: wait.as_secs(),
            }),
        }
    }

    /// Closes the connection and lets the engine finish writing to storage.
    pub async fn close(self) {
        if let Some(dialer) = &self.dialer {
            dialer.close();
        }
        self.repo.stop().await;
    }
}

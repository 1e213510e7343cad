//! What can go wrong talking to a team, as a type the shells map to words
//! and exit codes.

use thiserror::Error;

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The server address is not a `ws://` or `wss://` URL, or is plain
    /// `ws://` to a machine other than this one without the override.
    #[error("{0}")]
    BadAddress(String),
    /// The team id is not an Automerge document URL.
    #[error("{0}")]
    BadTeamId(String),
    /// An invitation file that is not one.
    #[error("{0}")]
    BadInvitation(String),
    /// The server could not be reached, or the connection broke.
    #[error("cannot reach the team server at {server}: {detail}")]
    Unreachable { server: String, detail: String },
    /// The server answered but does not hold the team document.
    #[error("the team server at {server} does not know this team (check the team id, or that the server kept its data)")]
    UnknownTeam { server: String },
    /// The server did not confirm every local change in time.
    #[error("the team server did not confirm every change within {seconds} s")]
    Timeout { seconds: u64 },
    /// The team document is not one this app can read at all.
    #[error("the team document is not a Throughline team: {0}")]
    NotATeam(String),
    /// The sync engine stopped underneath us.
    #[error("the sync engine stopped: {0}")]
    Engine(String),
}

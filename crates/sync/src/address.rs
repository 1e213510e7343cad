//! Where the team lives and how to name it, checked before anything
//! connects. The stock sync server has no accounts: whoever knows a team
//! document's id can read and write it, so the id is a secret capability.
//! It is random (16 bytes, chosen by the engine), never printed in logs or
//! errors (its `Debug` hides it), and plain `ws://` is refused to any
//! machine but this one unless the user overrides it.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use samod::AutomergeUrl;
use serde::{Deserialize, Serialize};

use crate::SyncError;

/// A sync server's WebSocket address, checked.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerAddress {
    url: url::Url,
}

impl ServerAddress {
    /// `wss://host[:port][/path]` anywhere; `ws://` only to this machine
    /// (localhost, 127.0.0.0/8, ::1) unless `allow_plain` says the user
    /// accepted that anyone on the path can read and change the team.
    pub fn parse(text: &str, allow_plain: bool) -> Result<Self, SyncError> {
        let text = text.trim();
        // Echoed without control or direction-override characters.
        let shown = crate::record::clean_line(text, 200);
        let url = url::Url::parse(text).map_err(|err| {
            SyncError::BadAddress(format!(
                "“{shown}” is not a server address ({err}): give one like wss://sync.example.com"
            ))
        })?;
        let host = url.host_str().unwrap_or_default().to_owned();
        if host.is_empty() {
            return Err(SyncError::BadAddress(format!(
                "“{shown}” names no server: give one like wss://sync.example.com"
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(SyncError::BadAddress(
                "a server address must not carry a user name or password".into(),
            ));
        }
        match url.scheme() {
            "wss" => {}
            "ws" if allow_plain || is_loopback(&host) => {}
            "ws" => {
                return Err(SyncError::BadAddress(format!(
                    "ws://{host} is unencrypted: anyone on the network could read and change the team's journals and updates. Use wss:// (the server behind TLS), or allow plain ws:// for this server explicitly"
                )))
            }
            other => {
                return Err(SyncError::BadAddress(format!(
                    "a team server is reached over wss:// (or ws:// on this machine), not {other}://"
                )))
            }
        }
        Ok(Self { url })
    }

    pub fn as_str(&self) -> &str {
        self.url.as_str()
    }

    pub fn url(&self) -> &url::Url {
        &self.url
    }

    /// Whether traffic to it leaves this machine unencrypted.
    pub fn is_plain_remote(&self) -> bool {
        self.url.scheme() == "ws" && !is_loopback(self.url.host_str().unwrap_or_default())
    }
}

impl fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.url.as_str())
    }
}

impl fmt::Debug for ServerAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerAddress({})", self.url)
    }
}

fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A team: the id of its team document.
#[derive(Clone, PartialEq, Eq)]
pub struct TeamId(AutomergeUrl);

impl TeamId {
    pub fn parse(text: &str) -> Result<Self, SyncError> {
        let text = text.trim();
        if text.len() > 200 {
            return Err(SyncError::BadTeamId(
                "a team id is a short automerge: address".into(),
            ));
        }
        AutomergeUrl::from_str(text).map(Self).map_err(|_| {
            SyncError::BadTeamId(
                "this is not a team id: it looks like automerge:… and comes from whoever created the team (its checksum does not match — check it was copied whole)"
                    .into(),
            )
        })
    }

    pub(crate) fn from_url(url: AutomergeUrl) -> Self {
        Self(url)
    }

    pub(crate) fn document_id(&self) -> samod::DocumentId {
        self.0.document_id().clone()
    }

    /// The id itself: for the invitation and the workspace, never for logs.
    pub fn secret(&self) -> String {
        self.0.to_string()
    }
}

impl fmt::Debug for TeamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TeamId(hidden)")
    }
}

/// What one member sends another to join: a small JSON file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationFile {
    #[serde(rename = "throughline-team")]
    pub version: u32,
    pub server: String,
    pub team: String,
    #[serde(default)]
    pub name: String,
}

/// A checked invitation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub server: ServerAddress,
    pub team: TeamId,
    pub name: String,
}

/// Invitations are tiny; anything larger is not one.
pub const INVITATION_LIMIT: usize = 4 * 1024;

impl Invitation {
    pub fn read(bytes: &[u8], allow_plain: bool) -> Result<Self, SyncError> {
        if bytes.len() > INVITATION_LIMIT {
            return Err(SyncError::BadInvitation(format!(
                "this file is {} bytes; a team invitation is under {INVITATION_LIMIT}",
                bytes.len()
            )));
        }
        let file: InvitationFile = serde_json::from_slice(bytes).map_err(|err| {
            SyncError::BadInvitation(format!("this is not a team invitation: {err}"))
        })?;
        if file.version != 1 {
            return Err(SyncError::BadInvitation(format!(
                "this invitation is format {}; this app reads format 1",
                file.version
            )));
        }
        Ok(Self {
            server: ServerAddress::parse(&file.server, allow_plain)?,
            team: TeamId::parse(&file.team)?,
            name: crate::record::clean_line(&file.name, 120),
        })
    }

    pub fn to_json(&self) -> String {
        let file = InvitationFile {
            version: 1,
            server: self.server.as_str().to_owned(),
            team: self.team.secret(),
            name: self.name.clone(),
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ws_is_for_this_machine_only_unless_overridden() {
        for ok in [
            "ws://127.0.0.1:3030",
            "ws://localhost:3030",
            "ws://[::1]:3030",
            "wss://sync.example.com",
            "wss://sync.example.com:8443/team",
        ] {
            assert!(ServerAddress::parse(ok, false).is_ok(), "{ok}");
        }
        let err = ServerAddress::parse("ws://sync.example.com", false).unwrap_err();
        assert!(err.to_string().contains("unencrypted"), "{err}");
        assert!(ServerAddress::parse("ws://sync.example.com", true)
            .unwrap()
            .is_plain_remote());
        for bad in [
            "http://127.0.0.1",
            "sync.example.com",
            "wss://u:p@h.example",
            "",
        ] {
            assert!(ServerAddress::parse(bad, true).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_team_id_is_checked_and_never_printed_by_debug() {
        assert!(TeamId::parse("automerge:nonsense").is_err());
        assert!(TeamId::parse(&"a".repeat(500)).is_err());
        let url = AutomergeUrl::from_str("automerge:2j9knpCseyhnK8izDmLpGP5WMdZQ").ok();
        if let Some(url) = url {
            let id = TeamId::from_url(url);
            assert_eq!(format!("{id:?}"), "TeamId(hidden)");
        }
    }

    #[test]
    fn invitations_are_small_checked_json() {
        assert!(Invitation::read(&vec![b' '; 5000], false).is_err());
        assert!(Invitation::read(b"{\"throughline-team\":2}", false).is_err());
        assert!(Invitation::read(b"not json", false).is_err());
    }
}

//! Team sync. A workspace that joins a team mirrors the items it shares —
//! decision journals, initiatives, the portfolio settings, updates marked
//! "share with team" — into one Automerge document, the *team document*,
//! and exchanges it with an automerge-repo sync server (the stock npm one)
//! through `samod`. SQLite stays the app's store: this crate never opens
//! it. The use-case layer turns stored items into [`Record`]s, hands them
//! here, and applies what the team changed back in its own transactions.
//!
//! - [`address`]: which servers and team ids are acceptable, invitations.
//! - [`record`]: an item as the team document holds it.
//! - [`team_doc`]: reading and writing records in the document, checked
//!   like any input from outside.
//! - [`splice`]: a text edit as the smallest splice, so edits merge as text.
//! - [`storage`]: samod's storage over the workspace's own blob table.
//! - [`session`]: a repo, a connection to the server, waiting for it.

pub mod address;
pub mod error;
pub mod record;
pub mod session;
pub mod splice;
pub mod storage;
pub mod team_doc;

pub use address::{Invitation, ServerAddress, TeamId};
pub use error::SyncError;
pub use record::{Field, ItemKind, Record};
pub use session::{Session, SyncReport};
pub use storage::{BlobStorage, BlobStore};
pub use team_doc::{DocProblem, TeamSnapshot};

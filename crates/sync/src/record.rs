//! An item as the team document holds it: named fields, each either text
//! (merged as text) or a value (the last writer wins), a journal's
//! revisions by hash, and who changed it last.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What a record is. The team document may hold kinds a newer app added;
/// those are kept on the server and ignored here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Journal,
    Initiative,
    Update,
    PortfolioSettings,
}

impl ItemKind {
    pub const ALL: [ItemKind; 4] = [
        ItemKind::Journal,
        ItemKind::Initiative,
        ItemKind::Update,
        ItemKind::PortfolioSettings,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Journal => "journal",
            ItemKind::Initiative => "initiative",
            ItemKind::Update => "update",
            ItemKind::PortfolioSettings => "portfolio-settings",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == text)
    }
}

/// One field's value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Field {
    /// Prose two people may edit at once: merged character by character.
    Text(String),
    /// Anything else, as JSON text: the last writer wins.
    Value(String),
}

impl Field {
    pub fn as_str(&self) -> &str {
        match self {
            Field::Text(text) | Field::Value(text) => text,
        }
    }
}

/// Limits on what a record may hold, checked on everything read from the
/// team document: a hostile or broken peer cannot make this app allocate
/// without bound or write a huge value into the store.
pub mod limits {
    /// Fields per record.
    pub const FIELDS: usize = 64;
    /// Characters in one field (a beat, a journal's body as JSON).
    pub const FIELD_BYTES: usize = 256 * 1024;
    /// Revisions of one journal.
    pub const REVISIONS: usize = 5_000;
    /// Records in one team.
    pub const ITEMS: usize = 20_000;
    /// Characters in a name or an id.
    pub const NAME: usize = 200;
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub kind: ItemKind,
    pub fields: BTreeMap<String, Field>,
    /// A journal's revisions: hash → the revision as JSON. Written once,
    /// never changed; a revision whose JSON does not hash to its key is
    /// refused by the store when applied.
    pub revisions: BTreeMap<String, String>,
    pub deleted: bool,
    /// Display name and author id of whoever changed it last, and when
    /// (Unix ms).
    pub changed_by: String,
    pub changed_by_id: String,
    pub changed_at_ms: i64,
}

impl Record {
    pub fn new(kind: ItemKind) -> Self {
        Self {
            kind,
            fields: BTreeMap::new(),
            revisions: BTreeMap::new(),
            deleted: false,
            changed_by: String::new(),
            changed_by_id: String::new(),
            changed_at_ms: 0,
        }
    }

    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", Field::as_str)
    }

    /// Whether the content differs (who changed it and when aside).
    pub fn same_content(&self, other: &Record) -> bool {
        self.kind == other.kind
            && self.fields == other.fields
            && self.revisions == other.revisions
            && self.deleted == other.deleted
    }
}

/// One line of plain text: control characters and bidirectional overrides
/// removed, trimmed, cut to `max` characters.
pub fn clean_line(text: &str, max: usize) -> String {
    text.chars()
        .filter(|c| {
            !c.is_control() && !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        })
        .take(max)
        .collect::<String>()
        .trim()
        .to_owned()
}

//! The team document: what it holds and how records are read from it and
//! written into it.
//!
//! ```text
//! { "throughline": "team/1", "name": "…",
//!   "items": { <key>: { "kind": "initiative", "deleted": false,
//!                       "by": "…", "by_id": "…", "at": <ms>,
//!                       "fields": { <name>: Text | "json" },
//!                       "revisions": { <hash>: "json" } } } }
//! ```
//!
//! Everything read is checked: a document from the server is input from
//! outside. A malformed item is skipped and named in [`DocProblem`]s (the
//! rest of the team still syncs); a document that is not a team at all is
//! refused.

use std::collections::BTreeMap;

use automerge::transaction::Transactable;
use automerge::{Automerge, ChangeHash, ObjId, ObjType, ReadDoc, ScalarValue, Value, ROOT};

use crate::record::{clean_line, limits, Field, ItemKind, Record};
use crate::splice::{splices, Units};
use crate::SyncError;

const MARKER_KEY: &str = "throughline";
const MARKER: &str = "team/1";

/// One item the document holds that this app cannot use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocProblem {
    pub key: String,
    pub detail: String,
}

/// The team as read at one moment: its records and the heads they are
/// read at.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamSnapshot {
    pub name: String,
    pub heads: Vec<ChangeHash>,
    pub items: BTreeMap<String, Record>,
    pub problems: Vec<DocProblem>,
}

/// A change to write: the record as the store holds it now, and the heads
/// at which the store last agreed with the team about this item (empty for
/// an item the team has never seen).
#[derive(Debug, Clone)]
pub struct Change {
    pub key: String,
    pub record: Record,
    pub base: Vec<ChangeHash>,
}

fn engine(err: automerge::AutomergeError) -> SyncError {
    SyncError::Engine(err.to_string())
}

fn units(doc: &Automerge) -> Units {
    match doc.text_encoding() {
        automerge::TextEncoding::Utf8CodeUnit => Units::Utf8,
        automerge::TextEncoding::Utf16CodeUnit => Units::Utf16,
        _ => Units::CodePoints,
    }
}

/// A new, empty team.
pub fn init(doc: &mut Automerge, name: &str) -> Result<(), SyncError> {
    doc.transact::<_, _, automerge::AutomergeError>(|tx| {
        tx.put(ROOT, MARKER_KEY, MARKER)?;
        tx.put(ROOT, "name", clean_line(name, limits::NAME))?;
        tx.put_object(ROOT, "items", ObjType::Map)?;
        Ok(())
    })
    .map_err(|failure| engine(failure.error))?;
    Ok(())
}

fn scalar_str(doc: &Automerge, obj: &ObjId, key: &str) -> Option<String> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => match value.as_ref() {
            ScalarValue::Str(text) => Some(text.to_string()),
            _ => None,
        },
        _ => None,
    }
}

fn scalar_i64(doc: &Automerge, obj: &ObjId, key: &str) -> Option<i64> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => match value.as_ref() {
            ScalarValue::Int(n) => Some(*n),
            ScalarValue::Uint(n) => i64::try_from(*n).ok(),
            ScalarValue::Timestamp(n) => Some(*n),
            _ => None,
        },
        _ => None,
    }
}

fn scalar_bool(doc: &Automerge, obj: &ObjId, key: &str) -> Option<bool> {
    match doc.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => match value.as_ref() {
            ScalarValue::Boolean(b) => Some(*b),
            _ => None,
        },
        _ => None,
    }
}

fn child(doc: &Automerge, obj: &ObjId, key: &str, kind: ObjType) -> Option<ObjId> {
    match doc.get(obj, key).ok()?? {
        (Value::Object(found), id) if found == kind => Some(id),
        _ => None,
    }
}

fn items_obj(doc: &Automerge) -> Result<ObjId, SyncError> {
    if scalar_str(doc, &ROOT, MARKER_KEY).as_deref() != Some(MARKER) {
        return Err(SyncError::NotATeam(
            "it has no “throughline: team/1” marker (is the team id for another app's document?)"
                .into(),
        ));
    }
    child(doc, &ROOT, "items", ObjType::Map)
        .ok_or_else(|| SyncError::NotATeam("it has no item map".into()))
}

/// Every record the document holds, at its current heads.
pub fn read(doc: &Automerge) -> Result<TeamSnapshot, SyncError> {
    let items = items_obj(doc)?;
    let name = clean_line(
        &scalar_str(doc, &ROOT, "name").unwrap_or_default(),
        limits::NAME,
    );
    let mut out = BTreeMap::new();
    let mut problems = Vec::new();
    for (index, key) in doc.keys(&items).enumerate() {
        if index >= limits::ITEMS {
            problems.push(DocProblem {
                key: String::new(),
                detail: format!(
                    "the team holds more than {} items; the rest are not read",
                    limits::ITEMS
                ),
            });
            break;
        }
        match read_item(doc, &items, &key) {
            Ok(Some(record)) => {
                out.insert(key, record);
            }
            Ok(None) => {}
            Err(detail) => problems.push(DocProblem {
                key: clean_line(&key, limits::NAME),
                detail,
            }),
        }
    }
    Ok(TeamSnapshot {
        name,
        heads: doc.get_heads(),
        items: out,
        problems,
    })
}

/// One item, or `None` for a kind this app does not know (kept, ignored).
fn read_item(doc: &Automerge, items: &ObjId, key: &str) -> Result<Option<Record>, String> {
    if key.is_empty()
        || key.len() > limits::NAME
        || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err("its key is not an item id".into());
    }
    let item = child(doc, items, key, ObjType::Map).ok_or("it is not a map")?;
    let kind_text = scalar_str(doc, &item, "kind").ok_or("it has no kind")?;
    let Some(kind) = ItemKind::parse(&kind_text) else {
        return Ok(None);
    };
    let mut record = Record::new(kind);
    record.deleted = scalar_bool(doc, &item, "deleted").unwrap_or(false);
    record.changed_by = clean_line(
        &scalar_str(doc, &item, "by").unwrap_or_default(),
        limits::NAME,
    );
    record.changed_by_id = clean_line(
        &scalar_str(doc, &item, "by_id").unwrap_or_default(),
        limits::NAME,
    );
    record.changed_at_ms = scalar_i64(doc, &item, "at").unwrap_or(0);
    if let Some(fields) = child(doc, &item, "fields", ObjType::Map) {
        for (index, name) in doc.keys(&fields).enumerate() {
            if index >= limits::FIELDS {
                return Err(format!("it has more than {} fields", limits::FIELDS));
            }
            let value = match doc.get(&fields, name.as_str()) {
                Ok(Some((Value::Object(ObjType::Text), id))) => {
                    if doc.length(&id) > limits::FIELD_BYTES {
                        return Err(format!("its field “{name}” is too long"));
                    }
                    Field::Text(doc.text(&id).map_err(|err| err.to_string())?)
                }
                Ok(Some((Value::Scalar(value), _))) => match value.as_ref() {
                    ScalarValue::Str(text) if text.len() <= limits::FIELD_BYTES => {
                        Field::Value(text.to_string())
                    }
                    ScalarValue::Str(_) => return Err(format!("its field “{name}” is too long")),
                    _ => return Err(format!("its field “{name}” is not text")),
                },
                _ => return Err(format!("its field “{name}” is not text")),
            };
            record.fields.insert(name, value);
        }
    }
    if let Some(revisions) = child(doc, &item, "revisions", ObjType::Map) {
        for (index, hash) in doc.keys(&revisions).enumerate() {
            if index >= limits::REVISIONS {
                return Err(format!("it has more than {} revisions", limits::REVISIONS));
            }
            match scalar_str(doc, &revisions, &hash) {
                Some(json) if json.len() <= limits::FIELD_BYTES => {
                    record.revisions.insert(hash, json);
                }
                _ => {
                    return Err(format!(
                        "its revision {} is not text",
                        clean_line(&hash, 16)
                    ))
                }
            }
        }
    }
    Ok(Some(record))
}

/// Writes local changes as if made where the store last agreed with the
/// team about each item, then merges them into the document: text becomes
/// the smallest splice against what the store last saw, so it merges with
/// whatever the team wrote since; other fields are set where they differ.
pub fn write(doc: &mut Automerge, changes: &[Change]) -> Result<(), SyncError> {
    if changes.is_empty() {
        return Ok(());
    }
    items_obj(doc)?;
    let mut bases: Vec<&[ChangeHash]> = changes.iter().map(|c| c.base.as_slice()).collect();
    bases.sort();
    bases.dedup();
    for base in bases {
        let group: Vec<&Change> = changes.iter().filter(|c| c.base == base).collect();
        let known = !base.is_empty() && base.iter().all(|h| doc.get_change_by_hash(h).is_some());
        let mut fork = if known {
            doc.fork_at(base).map_err(engine)?
        } else {
            doc.fork()
        };
        let units = units(&fork);
        fork.transact::<_, _, automerge::AutomergeError>(|tx| {
            let items = match tx.get(ROOT, "items")? {
                Some((Value::Object(ObjType::Map), id)) => id,
                _ => tx.put_object(ROOT, "items", ObjType::Map)?,
            };
            for change in &group {
                write_item(tx, &items, change, units)?;
            }
            Ok(())
        })
        .map_err(|failure| engine(failure.error))?;
        doc.merge(&mut fork).map_err(engine)?;
    }
    Ok(())
}

fn write_item(
    tx: &mut automerge::transaction::Transaction<'_>,
    items: &ObjId,
    change: &Change,
    units: Units,
) -> Result<(), automerge::AutomergeError> {
    let record = &change.record;
    let item = match tx.get(items, change.key.as_str())? {
        Some((Value::Object(ObjType::Map), id)) => id,
        _ => {
            let id = tx.put_object(items, change.key.as_str(), ObjType::Map)?;
            tx.put(&id, "kind", record.kind.as_str())?;
            id
        }
    };
    if scalar_bool_tx(tx, &item, "deleted") != Some(record.deleted) {
        tx.put(&item, "deleted", record.deleted)?;
    }
    tx.put(&item, "by", record.changed_by.as_str())?;
    tx.put(&item, "by_id", record.changed_by_id.as_str())?;
    tx.put(&item, "at", record.changed_at_ms)?;
    let fields = match tx.get(&item, "fields")? {
        Some((Value::Object(ObjType::Map), id)) => id,
        _ => tx.put_object(&item, "fields", ObjType::Map)?,
    };
    for (name, value) in &record.fields {
        match value {
            Field::Text(text) => {
                let existing = match tx.get(&fields, name.as_str())? {
                    Some((Value::Object(ObjType::Text), id)) => Some(id),
                    _ => None,
                };
                let (id, old) = match existing {
                    Some(id) => {
                        let old = tx.text(&id)?;
                        (id, old)
                    }
                    None => (
                        tx.put_object(&fields, name.as_str(), ObjType::Text)?,
                        String::new(),
                    ),
                };
                for edit in splices(&old, text, units) {
                    tx.splice_text(&id, edit.at, edit.delete as isize, &edit.insert)?;
                }
            }
            Field::Value(json) => {
                let same = matches!(
                    tx.get(&fields, name.as_str())?,
                    Some((Value::Scalar(v), _)) if matches!(v.as_ref(), ScalarValue::Str(s) if s.as_str() == json)
                );
                if !same {
                    tx.put(&fields, name.as_str(), json.as_str())?;
                }
            }
        }
    }
    if !record.revisions.is_empty() {
        let revisions = match tx.get(&item, "revisions")? {
            Some((Value::Object(ObjType::Map), id)) => id,
            _ => tx.put_object(&item, "revisions", ObjType::Map)?,
        };
        for (hash, json) in &record.revisions {
            if tx.get(&revisions, hash.as_str())?.is_none() {
                tx.put(&revisions, hash.as_str(), json.as_str())?;
            }
        }
    }
    Ok(())
}

fn scalar_bool_tx(
    tx: &automerge::transaction::Transaction<'_>,
    obj: &ObjId,
    key: &str,
) -> Option<bool> {
    match tx.get(obj, key).ok()?? {
        (Value::Scalar(value), _) => match value.as_ref() {
            ScalarValue::Boolean(b) => Some(*b),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team() -> Automerge {
        let mut doc = Automerge::new();
        init(&mut doc, "Platform").unwrap();
        doc
    }

    fn initiative(name: &str, notes: &str) -> Record {
        let mut record = Record::new(ItemKind::Initiative);
        record
            .fields
            .insert("name".into(), Field::Text(name.into()));
        record
            .fields
            .insert("notes".into(), Field::Text(notes.into()));
        record
            .fields
            .insert("npv".into(), Field::Value("1200000".into()));
        record
    }

    #[test]
    fn records_round_trip_through_the_document() {
        let mut doc = team();
        let record = initiative("Partner API", "Opens the platform.");
        write(
            &mut doc,
            &[Change {
                key: "a1".into(),
                record: record.clone(),
                base: vec![],
            }],
        )
        .unwrap();
        let snapshot = read(&doc).unwrap();
        assert_eq!(snapshot.name, "Platform");
        assert!(snapshot.items["a1"].same_content(&record));
        assert!(snapshot.problems.is_empty());
    }

    #[test]
    fn concurrent_edits_to_one_text_both_survive() {
        let mut doc = team();
        write(
            &mut doc,
            &[Change {
                key: "a1".into(),
                record: initiative("Partner API", "Opens the platform."),
                base: vec![],
            }],
        )
        .unwrap();
        let agreed = doc.get_heads();
        let mut other = doc.fork();
        // Here: a sentence at the end; there: a word at the start.
        let mut mine = initiative("Partner API", "Opens the platform. Pilot in May.");
        mine.fields
            .insert("npv".into(), Field::Value("1300000".into()));
        // This side wrote again before hearing from the other: its change
        // is still made at the heads it agreed on.
        write(
            &mut doc,
            &[Change {
                key: "a1".into(),
                record: mine,
                base: agreed.clone(),
            }],
        )
        .unwrap();
        write(
            &mut other,
            &[Change {
                key: "a1".into(),
                record: initiative("Partner API", "Finally opens the platform."),
                base: agreed.clone(),
            }],
        )
        .unwrap();
        doc.merge(&mut other).unwrap();
        let merged = read(&doc).unwrap();
        assert_eq!(
            merged.items["a1"].text("notes"),
            "Finally opens the platform. Pilot in May."
        );
        assert_eq!(merged.items["a1"].text("npv"), "1300000");
    }

    #[test]
    fn a_document_that_is_not_a_team_is_refused_and_bad_items_are_named() {
        let plain = Automerge::new();
        assert!(matches!(read(&plain), Err(SyncError::NotATeam(_))));
        let mut doc = team();
        doc.transact::<_, _, automerge::AutomergeError>(|tx| {
            let items = match tx.get(ROOT, "items")? {
                Some((Value::Object(ObjType::Map), id)) => id,
                _ => unreachable!(),
            };
            tx.put(&items, "not-a-map", 42)?;
            let item = tx.put_object(&items, "wrong-types", ObjType::Map)?;
            tx.put(&item, "kind", "update")?;
            let fields = tx.put_object(&item, "fields", ObjType::Map)?;
            tx.put(&fields, "title", 7)?;
            let future = tx.put_object(&items, "from-a-newer-app", ObjType::Map)?;
            tx.put(&future, "kind", "roadmap")?;
            let huge = tx.put_object(&items, "huge", ObjType::Map)?;
            tx.put(&huge, "kind", "update")?;
            let fields = tx.put_object(&huge, "fields", ObjType::Map)?;
            tx.put(&fields, "context", "x".repeat(limits::FIELD_BYTES + 1))?;
            Ok(())
        })
        .unwrap();
        let snapshot = read(&doc).unwrap();
        assert!(snapshot.items.is_empty());
        let named: Vec<&str> = snapshot.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(named, ["huge", "not-a-map", "wrong-types"]);
    }
}

#[cfg(test)]
mod fork_tests {
    use super::*;

    fn record(notes: &str) -> Record {
        let mut record = Record::new(ItemKind::Update);
        record
            .fields
            .insert("notes".into(), Field::Text(notes.into()));
        record
    }

    #[test]
    fn a_change_made_at_old_heads_keeps_what_the_team_wrote_since() {
        let mut doc = Automerge::new();
        init(&mut doc, "T").unwrap();
        write(
            &mut doc,
            &[Change {
                key: "u".into(),
                record: record("a b c"),
                base: vec![],
            }],
        )
        .unwrap();
        let agreed = doc.get_heads();
        // The team inserts a word (merged in from another actor).
        let mut other = doc.fork();
        write(
            &mut other,
            &[Change {
                key: "u".into(),
                record: record("a [t1] b c"),
                base: agreed.clone(),
            }],
        )
        .unwrap();
        doc.merge(&mut other).unwrap();
        assert_eq!(read(&doc).unwrap().items["u"].text("notes"), "a [t1] b c");
        // Here, a word typed against the old agreement.
        write(
            &mut doc,
            &[Change {
                key: "u".into(),
                record: record("a b [m1] c"),
                base: agreed.clone(),
            }],
        )
        .unwrap();
        assert_eq!(
            read(&doc).unwrap().items["u"].text("notes"),
            "a [t1] b [m1] c"
        );
        // And again, later, against an agreement that includes both.
        let agreed2 = doc.get_heads();
        let mut other = doc.fork();
        write(
            &mut other,
            &[Change {
                key: "u".into(),
                record: record("[t2] a [t1] b [m1] c"),
                base: agreed2.clone(),
            }],
        )
        .unwrap();
        doc.merge(&mut other).unwrap();
        write(
            &mut doc,
            &[Change {
                key: "u".into(),
                record: record("a [t1] b [m1] c [m2]"),
                base: agreed2,
            }],
        )
        .unwrap();
        assert_eq!(
            read(&doc).unwrap().items["u"].text("notes"),
            "[t2] a [t1] b [m1] c [m2]"
        );
    }
}

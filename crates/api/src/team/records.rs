//! Stored items as team records and back. Prose merges as text; figures,
//! lists and settings are values (the last writer wins). Everything read
//! back from a record goes through the same checks as a local edit.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use throughline_core::journal::Revision;
use throughline_core::portfolio::{Initiative, PortfolioSettings};
use throughline_core::UpdateFields;
use throughline_sync::{Field, ItemKind, Record};

/// An update's fields that are prose: merged as text.
const UPDATE_TEXT: &[&str] = &["title", "audience", "priority", "notes"];
const BEATS: &[&str] = &["context", "conflict", "resolution", "evidence"];
/// An initiative's fields that are prose. Its name is a value: two
/// concurrent renames must not interleave into a third name.
const INITIATIVE_TEXT: &[&str] = &["owner", "objective", "notes", "description"];

fn value_field(value: &Value) -> Field {
    Field::Value(value.to_string())
}

fn object_fields(object: &Map<String, Value>, text: &[&str]) -> BTreeMap<String, Field> {
    object
        .iter()
        .map(|(key, value)| {
            let field = match value {
                Value::String(s) if text.contains(&key.as_str()) => Field::Text(s.clone()),
                other => value_field(other),
            };
            (key.clone(), field)
        })
        .collect()
}

fn fields_object(fields: &BTreeMap<String, Field>) -> Result<Map<String, Value>, String> {
    let mut out = Map::new();
    for (key, field) in fields {
        let value = match field {
            Field::Text(text) => Value::String(text.clone()),
            Field::Value(json) => serde_json::from_str(json)
                .map_err(|err| format!("its field “{key}” is not a value: {err}"))?,
        };
        out.insert(key.clone(), value);
    }
    Ok(out)
}

fn as_object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(object) => object,
        _ => Map::new(),
    }
}

pub fn from_update(fields: &UpdateFields) -> Record {
    let mut object = as_object(serde_json::to_value(fields).unwrap_or(Value::Null));
    let beats = object.remove("beats").map(as_object).unwrap_or_default();
    let mut record = Record::new(ItemKind::Update);
    record.fields = object_fields(&object, UPDATE_TEXT);
    for beat in BEATS {
        let text = beats.get(*beat).and_then(Value::as_str).unwrap_or_default();
        record
            .fields
            .insert(format!("beat.{beat}"), Field::Text(text.to_owned()));
    }
    record
}

pub fn to_update(record: &Record) -> Result<UpdateFields, String> {
    let mut object = Map::new();
    let mut beats = Map::new();
    for (key, value) in fields_object(&record.fields)? {
        match key.strip_prefix("beat.") {
            Some(beat) if BEATS.contains(&beat) => {
                beats.insert(beat.to_owned(), value);
            }
            Some(_) => {}
            None => {
                object.insert(key, value);
            }
        }
    }
    object.insert("beats".into(), Value::Object(beats));
    let fields: UpdateFields = serde_json::from_value(Value::Object(object))
        .map_err(|err| format!("it is not an update: {err}"))?;
    fields.validate().map_err(|err| err.to_string())?;
    Ok(fields)
}

pub fn from_initiative(initiative: &Initiative) -> Record {
    let object = as_object(serde_json::to_value(initiative).unwrap_or(Value::Null));
    let mut record = Record::new(ItemKind::Initiative);
    record.fields = object_fields(&object, INITIATIVE_TEXT);
    record
}

pub fn to_initiative(record: &Record) -> Result<Initiative, String> {
    let initiative: Initiative =
        serde_json::from_value(Value::Object(fields_object(&record.fields)?))
            .map_err(|err| format!("it is not an initiative: {err}"))?;
    initiative.validate().map_err(|err| err.to_string())?;
    Ok(initiative)
}

pub fn from_settings(settings: &PortfolioSettings) -> Record {
    let object = as_object(serde_json::to_value(settings).unwrap_or(Value::Null));
    let mut record = Record::new(ItemKind::PortfolioSettings);
    record.fields = object_fields(&object, &[]);
    record
}

pub fn to_settings(record: &Record) -> Result<PortfolioSettings, String> {
    serde_json::from_value(Value::Object(fields_object(&record.fields)?))
        .map_err(|err| format!("they are not portfolio settings: {err}"))
}

pub fn from_journal(revisions: &[Revision]) -> Record {
    let mut record = Record::new(ItemKind::Journal);
    for revision in revisions {
        if let Ok(json) = serde_json::to_string(revision) {
            record.revisions.insert(revision.hash.clone(), json);
        }
    }
    record
}

/// A journal's revisions from the team, parents first (by generation, then
/// hash, so every member applies them in the same order). One that is not
/// a revision is named and left out.
pub fn to_revisions(record: &Record) -> (Vec<Revision>, Vec<String>) {
    let mut revisions = Vec::new();
    let mut problems = Vec::new();
    for (hash, json) in &record.revisions {
        match serde_json::from_str::<Revision>(json) {
            Ok(revision) if &revision.hash == hash => revisions.push(revision),
            Ok(_) => problems.push(format!(
                "revision {} is filed under another hash",
                short(hash)
            )),
            Err(err) => problems.push(format!("revision {} is not a revision: {err}", short(hash))),
        }
    }
    revisions.sort_by(|a, b| a.seq.cmp(&b.seq).then_with(|| a.hash.cmp(&b.hash)));
    (revisions, problems)
}

fn short(hash: &str) -> String {
    hash.chars().take(8).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_round_trips_with_its_beats_as_text() {
        let mut fields = UpdateFields {
            title: "Usage alerts cut surprise bills by half".into(),
            ..UpdateFields::default()
        };
        fields.beats.context = "Customers pay overage.".into();
        fields.beats.evidence = "Tickets fell 50% in six weeks.".into();
        fields.notes = "Say the pilot size.".into();
        let record = from_update(&fields);
        assert_eq!(
            record.fields.get("beat.context"),
            Some(&Field::Text("Customers pay overage.".into()))
        );
        assert!(matches!(record.fields.get("title"), Some(Field::Text(_))));
        assert_eq!(to_update(&record).unwrap(), fields);
    }

    #[test]
    fn a_record_that_is_not_an_update_is_refused_with_a_reason() {
        let mut record = from_update(&UpdateFields::default());
        record.fields.insert(
            "evidence".into(),
            Field::Value("{\"kind\":\"nonsense\"}".into()),
        );
        assert!(to_update(&record).is_err());
        record
            .fields
            .insert("evidence".into(), Field::Value("not json".into()));
        assert!(to_update(&record).unwrap_err().contains("evidence"));
    }
}

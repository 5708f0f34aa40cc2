//! Records into rows. One call = one transaction, so a crash loses at most
//! the batch in flight and never leaves a document without its children.

use rusqlite::{params, Transaction};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::error::{Result, StoreError};
use crate::json::{bool_at, f64_at, i64_at, span_at, str_at, CharText};

/// What one batch did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchOutcome {
    /// Documents written with all their rows.
    pub stored: usize,
    /// Documents already in the store (same id or same text), left as they were.
    pub duplicates: usize,
    /// Records that were not dateline/1 documents (no `doc.id`), not written.
    pub rejected: usize,
}

impl std::ops::AddAssign for BatchOutcome {
    fn add_assign(&mut self, other: Self) {
        self.stored += other.stored;
        self.duplicates += other.duplicates;
        self.rejected += other.rejected;
    }
}

/// sha256 of the document text, hex: equal texts under different ids are one story.
pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest {
        use std::fmt::Write as _;
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

pub(crate) fn insert_batch(tx: &Transaction<'_>, records: Vec<Value>) -> Result<BatchOutcome> {
    let mut outcome = BatchOutcome::default();
    for record in records {
        match insert_record(tx, record) {
            Ok(true) => outcome.stored += 1,
            Ok(false) => outcome.duplicates += 1,
            Err(StoreError::BadRecord(_)) => outcome.rejected += 1,
            Err(other) => return Err(other),
        }
    }
    Ok(outcome)
}

/// Writes one record; `Ok(false)` when the store already has it.
fn insert_record(tx: &Transaction<'_>, mut record: Value) -> Result<bool> {
    let doc_id = match str_at(&record["doc"], "id") {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => return Err(StoreError::BadRecord("no doc.id".into())),
    };
    // The text is stored once, in its own column (FTS reads it there); the
    // record column keeps everything else and `Store::record` puts it back.
    let text = match record.get_mut("doc").and_then(|doc| doc.get_mut("text")) {
        Some(slot) => match slot.take() {
            Value::String(text) => Some(text),
            _ => None,
        },
        None => None,
    };
    if let Some(doc) = record.get_mut("doc").and_then(Value::as_object_mut) {
        doc.remove("text");
    }
    let hash = text.as_deref().filter(|t| !t.is_empty()).map(content_hash);
    let doc = &record["doc"];
    let dateline = &doc["dateline"];
    let record_json = serde_json::to_string(&record)?;
    let inserted = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO documents (id, content_hash, url, title, language, published, date_precision, \
             publisher, dateline_text, dateline_place, dateline_date, dateline_agency, text, record) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?
        .execute(params![
            doc_id,
            hash,
            str_at(doc, "url"),
            str_at(doc, "title"),
            str_at(doc, "language"),
            str_at(doc, "published"),
            str_at(doc, "date_precision"),
            str_at(doc, "publisher"),
            str_at(dateline, "text"),
            str_at(dateline, "place"),
            str_at(dateline, "date"),
            str_at(dateline, "agency"),
            text,
            record_json,
        ])?;
    if inserted == 0 {
        return Ok(false);
    }
    let doc_key = tx.last_insert_rowid();
    let chars = CharText::new(text.as_deref().unwrap_or(""));
    insert_children(tx, doc_key, &record, &chars)?;
    Ok(true)
}

fn mentions_json(item: &Value) -> Option<String> {
    item.get("mentions")
        .filter(|m| m.is_array())
        .map(Value::to_string)
}

fn insert_children(
    tx: &Transaction<'_>,
    doc_key: i64,
    record: &Value,
    chars: &CharText<'_>,
) -> Result<()> {
    let empty = Vec::new();
    let items = |key: &str| record.get(key).and_then(Value::as_array).unwrap_or(&empty);

    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO entities (doc, id, type, name, kb, country, sector, role, mentions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for entity in items("entities") {
        let Some(id) = str_at(entity, "id") else {
            continue;
        };
        stmt.execute(params![
            doc_key,
            id,
            str_at(entity, "type"),
            str_at(entity, "name"),
            str_at(entity, "kb"),
            str_at(entity, "country"),
            str_at(entity, "sector"),
            str_at(entity, "role"),
            mentions_json(entity),
        ])?;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO places (doc, id, name, entity, country, admin1, lat, lon, precision, geonames, mentions) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for place in items("places") {
        let Some(id) = str_at(place, "id") else {
            continue;
        };
        stmt.execute(params![
            doc_key,
            id,
            str_at(place, "name"),
            str_at(place, "entity"),
            str_at(place, "country"),
            str_at(place, "admin1"),
            f64_at(place, "lat"),
            f64_at(place, "lon"),
            str_at(place, "precision"),
            i64_at(place, "geonames"),
            mentions_json(place),
        ])?;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO quotes (doc, id, text, start, end, kind, speaker, speaker_start, speaker_end, cue, cue_start, cue_end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for quote in items("quotes") {
        let Some(id) = str_at(quote, "id") else {
            continue;
        };
        let span = span_at(quote, "span");
        let speaker_span = span_at(quote, "speaker_span");
        let cue_span = span_at(quote, "cue_span");
        stmt.execute(params![
            doc_key,
            id,
            str_at(quote, "text"),
            span.map(|s| s.0),
            span.map(|s| s.1),
            str_at(quote, "kind"),
            str_at(quote, "speaker"),
            speaker_span.map(|s| s.0),
            speaker_span.map(|s| s.1),
            str_at(quote, "cue"),
            cue_span.map(|s| s.0),
            cue_span.map(|s| s.1),
        ])?;
    }

    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO casualties (doc, id, kind, min, max, approximate, group_text, group_role, reported_by, place, event, start, end) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    for casualty in items("casualties") {
        let Some(id) = str_at(casualty, "id") else {
            continue;
        };
        let span = span_at(casualty, "span");
        stmt.execute(params![
            doc_key,
            id,
            str_at(casualty, "kind"),
            i64_at(casualty, "min"),
            i64_at(casualty, "max"),
            bool_at(casualty, "approximate"),
            str_at(casualty, "group"),
            str_at(casualty, "group_role"),
            str_at(casualty, "reported_by"),
            str_at(casualty, "place"),
            str_at(casualty, "event"),
            span.map(|s| s.0),
            span.map(|s| s.1),
        ])?;
    }

    let published_day = str_at(&record["doc"], "published").and_then(dated_prefix);
    let place_country = |place_id: Option<&str>| {
        let place_id = place_id?;
        items("places")
            .iter()
            .find(|p| str_at(p, "id") == Some(place_id))
            .and_then(|p| str_at(p, "country"))
    };
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO events (doc, id, seq, type, mode, context, cameo, acled_event_type, acled_sub_event_type, \
         country, place, date, date_precision, day, negated, modality, reported_by, dead, injured, arrested, participants, \
         sentence_start, sentence_end, trigger_start, trigger_end, trigger_text, confidence, rule) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28)",
    )?;
    let mut actor_stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_actors (doc, event_id, role, position, entity, text, country, sector) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (seq, event) in items("events").iter().enumerate() {
        let Some(id) = str_at(event, "id") else {
            continue;
        };
        let actors = event
            .get("actor")
            .and_then(Value::as_array)
            .unwrap_or(&empty);
        let recipients = event
            .get("recipient")
            .and_then(Value::as_array)
            .unwrap_or(&empty);
        let place = str_at(event, "place");
        let country = place_country(place)
            .or_else(|| actors.iter().find_map(|actor| str_at(actor, "country")));
        let date = str_at(event, "date");
        let day = date.and_then(dated_prefix).or(published_day);
        let sentence = span_at(&event["evidence"], "sentence");
        let trigger = span_at(&event["evidence"], "trigger");
        let trigger_text = trigger.and_then(|(start, end)| chars.slice(start, end));
        let size = &event["size"];
        let context = event
            .get("context")
            .filter(|c| c.is_array())
            .map(Value::to_string);
        stmt.execute(params![
            doc_key,
            id,
            seq as i64,
            str_at(event, "type"),
            str_at(event, "mode"),
            context,
            str_at(event, "cameo"),
            str_at(&event["acled"], "event_type"),
            str_at(&event["acled"], "sub_event_type"),
            country,
            place,
            date,
            str_at(event, "date_precision"),
            day,
            bool_at(event, "negated"),
            str_at(event, "modality"),
            str_at(event, "reported_by"),
            i64_at(size, "dead"),
            i64_at(size, "injured"),
            i64_at(size, "arrested"),
            i64_at(size, "participants"),
            sentence.map(|s| s.0),
            sentence.map(|s| s.1),
            trigger.map(|s| s.0),
            trigger.map(|s| s.1),
            trigger_text,
            f64_at(event, "confidence"),
            str_at(event, "rule"),
        ])?;
        for (role, list) in [("actor", actors), ("recipient", recipients)] {
            for (position, actor) in list.iter().enumerate() {
                actor_stmt.execute(params![
                    doc_key,
                    id,
                    role,
                    position as i64,
                    str_at(actor, "entity"),
                    str_at(actor, "text"),
                    str_at(actor, "country"),
                    str_at(actor, "sector"),
                ])?;
            }
        }
    }
    Ok(())
}

/// The dated part of an ISO value that has a year (`2022`, `2022-01`,
/// `2022-01-10`, `2022-01-10T08:00Z` → `2022-01-10`); `None` for `--01-10`.
fn dated_prefix(value: &str) -> Option<&str> {
    let year = value.as_bytes().get(..4)?;
    if !year.iter().all(u8::is_ascii_digit) {
        return None;
    }
    value.get(..value.len().min(10))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dated_prefix_keeps_only_values_with_a_year() {
        assert_eq!(dated_prefix("2022-01-10T08:00:00Z"), Some("2022-01-10"));
        assert_eq!(dated_prefix("2022-01"), Some("2022-01"));
        assert_eq!(dated_prefix("--01-10"), None);
        assert_eq!(dated_prefix("é"), None);
    }

    #[test]
    fn content_hash_is_full_sha256_hex() {
        assert_eq!(
            content_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

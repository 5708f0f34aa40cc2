//! Event search: filters checked up front, then one parameterised SQL query.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::error::{Result, StoreError};

/// PLOVER 2.0 event categories: the only values `type` can take.
pub use dateline_model::EVENT_TYPES;

/// Largest page a query returns, so one request cannot pull the whole store into memory.
pub const MAX_LIMIT: usize = 100_000;

/// Which events to return. Every field is optional; they combine with AND.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// ISO 3166-1 alpha-3 country of action (`KAZ`), or `IGO`/`NGO`.
    pub country: Option<String>,
    /// PLOVER category (`ASSAULT`).
    pub event_type: Option<String>,
    /// Inclusive lower bound on the event day: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Inclusive upper bound on the event day, same forms (`2022-01` means through January).
    pub until: Option<String>,
    /// Words found in an actor's or recipient's text or entity name (case-insensitive).
    pub actor: Option<String>,
    /// An FTS5 query over story titles and texts.
    pub text: Option<String>,
    /// Only events of this document.
    pub doc_id: Option<String>,
    /// Only events whose place has this name (case-insensitive).
    pub place: Option<String>,
    /// Leave out events the text negates.
    pub exclude_negated: bool,
    /// At most this many rows (default 100, capped at [`MAX_LIMIT`]).
    pub limit: Option<usize>,
    pub offset: usize,
}

/// One participant of an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Participant {
    /// Entity id in the document (`E3`), when the participant is a named entity.
    pub entity: Option<String>,
    /// The entity's name, when there is one.
    pub name: Option<String>,
    /// The entity's knowledge-base id (`wikidata:Q...`), when known.
    pub kb: Option<String>,
    pub text: Option<String>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

/// One event as the query returns it, with its story and place.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventRow {
    pub doc_id: String,
    pub event_id: String,
    /// The event's own date as the record gives it (may be partial).
    pub date: Option<String>,
    /// The day used for filtering and sorting: the event's dated value, else the story's publication date.
    pub day: Option<String>,
    pub event_type: Option<String>,
    pub mode: Option<String>,
    pub cameo: Option<String>,
    pub acled_event_type: Option<String>,
    pub acled_sub_event_type: Option<String>,
    pub country: Option<String>,
    pub place_id: Option<String>,
    pub place_name: Option<String>,
    pub place_admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place_precision: Option<String>,
    pub negated: Option<bool>,
    pub modality: Option<String>,
    pub dead: Option<i64>,
    pub injured: Option<i64>,
    pub arrested: Option<i64>,
    pub participants: Option<i64>,
    /// `[start, end)` in characters of the story text.
    pub trigger: Option<(i64, i64)>,
    pub trigger_text: Option<String>,
    pub sentence: Option<(i64, i64)>,
    /// The sentence the event was read from.
    pub sentence_text: Option<String>,
    pub confidence: Option<f64>,
    pub rule: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub publisher: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    /// When the story went into the store (UTC, ISO 8601).
    pub ingested_at: Option<String>,
    pub actors: Vec<Participant>,
    pub recipients: Vec<Participant>,
    /// The store's integer key of the story (`documents.doc`).
    #[serde(skip)]
    pub doc_key: i64,
}

/// How to bucket counts over time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBucket {
    Day,
    Month,
    Year,
}

impl TimeBucket {
    fn prefix_len(self) -> i64 {
        match self {
            TimeBucket::Day => 10,
            TimeBucket::Month => 7,
            TimeBucket::Year => 4,
        }
    }
}

fn invalid(parameter: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::InvalidFilter {
        parameter,
        message: message.into(),
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
fn check_day(parameter: &'static str, value: &str) -> Result<()> {
    let bad = || {
        invalid(
            parameter,
            format!("'{value}' is not a date like 2022, 2022-01 or 2022-01-10"),
        )
    };
    let mut parts = value.split('-');
    let year = parts.next().ok_or_else(bad)?;
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let mut number = |max: u32| -> Result<bool> {
        match parts.next() {
            None => Ok(false),
            Some(part) if part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()) => {
                let n: u32 = part.parse().map_err(|_| bad())?;
                if (1..=max).contains(&n) {
                    Ok(true)
                } else {
                    Err(bad())
                }
            }
            Some(_) => Err(bad()),
        }
    };
    if number(12)? {
        number(31)?;
    }
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(())
}

impl EventFilter {
    /// Checks every parameter, so that bad input is a clear usage error and
    /// never reaches SQL.
    pub fn validate(&self) -> Result<()> {
        if let Some(country) = &self.country {
            if country.len() != 3 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(invalid(
                    "country",
                    format!("'{country}' is not an ISO 3166-1 alpha-3 code like KAZ"),
                ));
            }
        }
        if let Some(kind) = &self.event_type {
            if !EVENT_TYPES.contains(&kind.as_str()) {
                return Err(invalid(
                    "type",
                    format!(
                        "'{kind}' is not a PLOVER event type (one of {})",
                        EVENT_TYPES.join(", ")
                    ),
                ));
            }
        }
        if let Some(since) = &self.since {
            check_day("since", since)?;
        }
        if let Some(until) = &self.until {
            check_day("until", until)?;
        }
        if let (Some(since), Some(until)) = (&self.since, &self.until) {
            // `until` is inclusive of everything it prefixes: 2022-01-15 .. 2022-01 is a valid range.
            if since.as_str() > format!("{until}\u{10FFFF}").as_str() {
                return Err(invalid(
                    "until",
                    format!("'{until}' is before since '{since}'"),
                ));
            }
        }
        for (parameter, value) in [
            ("actor", &self.actor),
            ("text", &self.text),
            ("place", &self.place),
        ] {
            if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err(invalid(parameter, "is empty"));
            }
        }
        if self
            .limit
            .is_some_and(|limit| limit == 0 || limit > MAX_LIMIT)
        {
            return Err(invalid(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            ));
        }
        Ok(())
    }

    /// The WHERE clause (over `events e`) and its parameters.
    fn where_clause(&self) -> (String, Vec<SqlValue>) {
        let mut conditions: Vec<&str> = Vec::new();
        let mut values: Vec<SqlValue> = Vec::new();
        let text = |s: &str| SqlValue::Text(s.to_string());
        if let Some(country) = &self.country {
            conditions.push("e.country = ?");
            values.push(text(country));
        }
        if let Some(kind) = &self.event_type {
            conditions.push("e.type = ?");
            values.push(text(kind));
        }
        if let Some(since) = &self.since {
            conditions.push("e.day >= ?");
            values.push(text(since));
        }
        if let Some(until) = &self.until {
            // '2022-01' must include '2022-01-31': compare against the bound's prefix range.
            conditions.push("e.day < ?");
            values.push(SqlValue::Text(format!("{until}\u{10FFFF}")));
        }
        if let Some(actor) = &self.actor {
            conditions.push(
                "EXISTS (SELECT 1 FROM event_actors a LEFT JOIN entities en ON en.doc = a.doc AND en.id = a.entity \
                 WHERE a.doc = e.doc AND a.event_id = e.id \
                 AND (a.text LIKE ? ESCAPE '\\' OR en.name LIKE ? ESCAPE '\\'))",
            );
            let pattern = format!("%{}%", escape_like(actor.trim()));
            values.push(SqlValue::Text(pattern.clone()));
            values.push(SqlValue::Text(pattern));
        }
        if let Some(query) = &self.text {
            conditions
                .push("e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)");
            values.push(text(query));
        }
        if let Some(doc_id) = &self.doc_id {
            conditions.push("e.doc = (SELECT doc FROM documents WHERE id = ?)");
            values.push(text(doc_id));
        }
        if let Some(place) = &self.place {
            conditions.push("EXISTS (SELECT 1 FROM places p2 WHERE p2.doc = e.doc AND p2.id = e.place AND p2.name LIKE ? ESCAPE '\\')");
            values.push(SqlValue::Text(escape_like(place.trim())));
        }
        if self.exclude_negated {
            conditions.push("COALESCE(e.negated, 0) = 0");
        }
        let clause = if conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conditions.join(" AND "))
        };
        (clause, values)
    }
}

fn escape_like(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        if matches!(c, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// Runs the full-text query alone first, so that FTS5 syntax errors are
/// reported as the user's mistake and never confused with a store failure.
fn check_text_query(conn: &Connection, filter: &EventFilter) -> Result<()> {
    let Some(query) = &filter.text else {
        return Ok(());
    };
    let mut stmt = conn
        .prepare_cached("SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1")?;
    let checked: rusqlite::Result<Option<i64>> =
        stmt.query_row([query], |row| row.get(0)).optional();
    checked.map(|_| ()).map_err(|_| StoreError::BadTextQuery {
        query: query.clone(),
    })
}

/// Validation of everything a query takes from the user.
fn check(conn: &Connection, filter: &EventFilter) -> Result<()> {
    filter.validate()?;
    check_text_query(conn, filter)
}

const EVENT_COLUMNS: &str = "d.id, e.id, e.date, e.day, e.type, e.mode, e.cameo, e.acled_event_type, e.acled_sub_event_type, \
    e.country, e.place, p.name, p.admin1, p.lat, p.lon, p.precision, e.negated, e.modality, e.dead, e.injured, e.arrested, \
    e.participants, e.trigger_start, e.trigger_end, e.trigger_text, e.sentence_start, e.sentence_end, e.confidence, e.rule, \
    d.title, d.url, d.publisher, d.published, d.language, d.ingested_at, \
    substr(d.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.doc";

const EVENT_FROM: &str = "FROM events e JOIN documents d ON d.doc = e.doc \
    LEFT JOIN places p ON p.doc = e.doc AND p.id = e.place";

fn pair(start: Option<i64>, end: Option<i64>) -> Option<(i64, i64)> {
    Some((start?, end?))
}

fn event_from_row(row: &Row<'_>) -> rusqlite::Result<EventRow> {
    Ok(EventRow {
        doc_id: row.get(0)?,
        event_id: row.get(1)?,
        date: row.get(2)?,
        day: row.get(3)?,
        event_type: row.get(4)?,
        mode: row.get(5)?,
        cameo: row.get(6)?,
        acled_event_type: row.get(7)?,
        acled_sub_event_type: row.get(8)?,
        country: row.get(9)?,
        place_id: row.get(10)?,
        place_name: row.get(11)?,
        place_admin1: row.get(12)?,
        lat: row.get(13)?,
        lon: row.get(14)?,
        place_precision: row.get(15)?,
        negated: row.get(16)?,
        modality: row.get(17)?,
        dead: row.get(18)?,
        injured: row.get(19)?,
        arrested: row.get(20)?,
        participants: row.get(21)?,
        trigger: pair(row.get(22)?, row.get(23)?),
        trigger_text: row.get(24)?,
        sentence: pair(row.get(25)?, row.get(26)?),
        confidence: row.get(27)?,
        rule: row.get(28)?,
        title: row.get(29)?,
        url: row.get(30)?,
        publisher: row.get(31)?,
        published: row.get(32)?,
        language: row.get(33)?,
        ingested_at: row.get(34)?,
        sentence_text: row.get(35)?,
        doc_key: row.get(36)?,
        actors: Vec::new(),
        recipients: Vec::new(),
    })
}

fn attach_participants(conn: &Connection, events: &mut [EventRow]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.role, a.entity, en.name, en.kb, a.text, a.country, a.sector FROM event_actors a \
         LEFT JOIN entities en ON en.doc = a.doc AND en.id = a.entity \
         WHERE a.doc = ?1 AND a.event_id = ?2 ORDER BY a.role, a.position",
    )?;
    for event in events {
        let rows = stmt.query_map(rusqlite::params![event.doc_key, event.event_id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Participant {
                    entity: row.get(1)?,
                    name: row.get(2)?,
                    kb: row.get(3)?,
                    text: row.get(4)?,
                    country: row.get(5)?,
                    sector: row.get(6)?,
                },
            ))
        })?;
        for row in rows {
            let (role, participant) = row?;
            if role == "recipient" {
                event.recipients.push(participant);
            } else {
                event.actors.push(participant);
            }
        }
    }
    Ok(())
}

pub(crate) fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<EventRow>> {
    check(conn, filter)?;
    let (clause, mut values) = filter.where_clause();
    let sql = format!(
        "SELECT {EVENT_COLUMNS} {EVENT_FROM} {clause} ORDER BY e.day DESC, e.doc, e.seq LIMIT ? OFFSET ?"
    );
    values.push(SqlValue::Integer(filter.limit.unwrap_or(100) as i64));
    values.push(SqlValue::Integer(
        filter.offset.min(i64::MAX as usize) as i64
    ));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), event_from_row)?;
    let mut events = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    attach_participants(conn, &mut events)?;
    Ok(events)
}

/// Calls `visit` for every matching event in storage order (document, then
/// reading order), ignoring limit and offset: exports stream through this
/// without holding the result in memory.
pub(crate) fn for_each_event(
    conn: &Connection,
    filter: &EventFilter,
    mut visit: impl FnMut(EventRow) -> Result<()>,
) -> Result<()> {
    check(conn, filter)?;
    let (clause, values) = filter.where_clause();
    let sql = format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} {clause} ORDER BY e.doc, e.seq");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), event_from_row)?;
    for row in rows {
        let mut one = [row?];
        attach_participants(conn, &mut one)?;
        let [event] = one;
        visit(event)?;
    }
    Ok(())
}

pub(crate) fn count(conn: &Connection, filter: &EventFilter) -> Result<u64> {
    check(conn, filter)?;
    let (clause, values) = filter.where_clause();
    let sql = format!("SELECT COUNT(*) FROM events e {clause}");
    let mut stmt = conn.prepare_cached(&sql)?;
    let n: i64 = stmt.query_row(params_from_iter(values), |row| row.get(0))?;
    Ok(n.max(0) as u64)
}

pub(crate) fn counts_over_time(
    conn: &Connection,
    filter: &EventFilter,
    bucket: TimeBucket,
) -> Result<Vec<(String, u64)>> {
    check(conn, filter)?;
    let (clause, mut values) = filter.where_clause();
    let joiner = if clause.is_empty() { "WHERE" } else { "AND" };
    let sql = format!(
        "SELECT substr(e.day, 1, ?) AS bucket, COUNT(*) FROM events e {clause} {joiner} length(e.day) >= ? \
         GROUP BY bucket ORDER BY bucket"
    );
    values.insert(0, SqlValue::Integer(bucket.prefix_len()));
    values.push(SqlValue::Integer(bucket.prefix_len()));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?.max(0) as u64,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn counts_by_country(
    conn: &Connection,
    filter: &EventFilter,
) -> Result<Vec<(String, u64)>> {
    check(conn, filter)?;
    let (clause, values) = filter.where_clause();
    let joiner = if clause.is_empty() { "WHERE" } else { "AND" };
    let sql = format!(
        "SELECT e.country, COUNT(*) FROM events e {clause} {joiner} e.country IS NOT NULL GROUP BY e.country ORDER BY 2 DESC, 1"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(values), |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?.max(0) as u64,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn event(conn: &Connection, doc_id: &str, event_id: &str) -> Result<Option<EventRow>> {
    let sql = format!("SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE d.id = ?1 AND e.id = ?2");
    let mut stmt = conn.prepare_cached(&sql)?;
    let Some(found) = stmt
        .query_row([doc_id, event_id], event_from_row)
        .optional()?
    else {
        return Ok(None);
    };
    let mut events = [found];
    attach_participants(conn, &mut events)?;
    let [found] = events;
    Ok(Some(found))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_be_calendar_prefixes() {
        for good in ["2022", "2022-01", "2022-12-31"] {
            assert!(check_day("since", good).is_ok(), "{good}");
        }
        for bad in [
            "22",
            "2022-13",
            "2022-1",
            "2022-01-32",
            "2022-01-10-1",
            "yesterday",
            "2022-00",
        ] {
            assert!(check_day("since", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn filters_reject_bad_codes_with_the_parameter_name() {
        let filter = EventFilter {
            country: Some("kz".into()),
            ..Default::default()
        };
        assert!(matches!(
            filter.validate(),
            Err(StoreError::InvalidFilter {
                parameter: "country",
                ..
            })
        ));
        let filter = EventFilter {
            event_type: Some("ATTACK".into()),
            ..Default::default()
        };
        assert!(matches!(
            filter.validate(),
            Err(StoreError::InvalidFilter {
                parameter: "type",
                ..
            })
        ));
        let filter = EventFilter {
            limit: Some(0),
            ..Default::default()
        };
        assert!(filter.validate().is_err());
        let filter = EventFilter {
            since: Some("2022-02".into()),
            until: Some("2022-01".into()),
            ..Default::default()
        };
        assert!(filter.validate().is_err());
        let filter = EventFilter {
            since: Some("2022-01-15".into()),
            until: Some("2022-01".into()),
            ..Default::default()
        };
        assert!(filter.validate().is_ok());
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}

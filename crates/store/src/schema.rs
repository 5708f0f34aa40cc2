//! The tables, created and upgraded by ordered migrations. `PRAGMA
//! user_version` holds how many migrations a file has had, so opening an old
//! file applies only the missing ones, each in its own transaction.

use rusqlite::Connection;

use crate::error::{Result, StoreError};

/// Migration `i` brings a file from version `i` to `i + 1`. Append only:
/// never edit a migration that has shipped.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema.
    r#"
CREATE TABLE documents (
    doc            INTEGER PRIMARY KEY,   -- the key other tables use: new stories append at the end of every table
    id             TEXT NOT NULL UNIQUE,
    content_hash   TEXT UNIQUE,           -- sha256 hex of doc.text; NULL when there is no text
    url            TEXT,
    title          TEXT,
    language       TEXT,
    published      TEXT,                  -- ISO 8601 as in the record (may be partial)
    date_precision TEXT,
    publisher      TEXT,
    dateline_text  TEXT,
    dateline_place TEXT,                  -- place id (P1...) in this document
    dateline_date  TEXT,
    dateline_agency TEXT,
    text           TEXT,
    record         TEXT NOT NULL,         -- the dateline/1 record without doc.text (it is in `text`)
    ingested_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX documents_published ON documents(published);

CREATE TABLE entities (
    doc      INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    id       TEXT NOT NULL,
    type     TEXT,
    name     TEXT,
    kb       TEXT,
    country  TEXT,
    sector   TEXT,
    role     TEXT,
    mentions TEXT,                        -- JSON [[start, end], ...] in characters
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX entities_name ON entities(name);

CREATE TABLE places (
    doc       INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    id        TEXT NOT NULL,
    name      TEXT,
    entity    TEXT,
    country   TEXT,
    admin1    TEXT,
    lat       REAL,
    lon       REAL,
    precision TEXT,
    geonames  INTEGER,
    mentions  TEXT,
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX places_name ON places(name);

CREATE TABLE quotes (
    doc           INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    text          TEXT,
    start         INTEGER,
    end           INTEGER,
    kind          TEXT,
    speaker       TEXT,                   -- entity id
    speaker_start INTEGER,
    speaker_end   INTEGER,
    cue           TEXT,
    cue_start     INTEGER,
    cue_end       INTEGER,
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;

CREATE TABLE casualties (
    doc         INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    id          TEXT NOT NULL,
    kind        TEXT,
    min         INTEGER,
    max         INTEGER,
    approximate INTEGER,
    group_text  TEXT,
    group_role  TEXT,
    reported_by TEXT,
    place       TEXT,
    event       TEXT,
    start       INTEGER,
    end         INTEGER,
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;

CREATE TABLE events (
    doc              INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    id               TEXT NOT NULL,
    seq              INTEGER NOT NULL,    -- reading order in the document
    type             TEXT,
    mode             TEXT,
    context          TEXT,                -- JSON array
    cameo            TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    country          TEXT,                -- of action: the place's country, else the first actor's
    place            TEXT,                -- place id in this document
    date             TEXT,                -- as in the record (may be partial, e.g. --01-10)
    date_precision   TEXT,
    day              TEXT,                -- for filtering: the event's own dated value, else the story's publication date
    negated          INTEGER,
    modality         TEXT,
    reported_by      TEXT,
    dead             INTEGER,
    injured          INTEGER,
    arrested         INTEGER,
    participants     INTEGER,
    sentence_start   INTEGER,
    sentence_end     INTEGER,
    trigger_start    INTEGER,
    trigger_end      INTEGER,
    trigger_text     TEXT,
    confidence       REAL,
    rule             TEXT,
    PRIMARY KEY (doc, id)
) WITHOUT ROWID;
CREATE INDEX events_day ON events(day);
CREATE INDEX events_country_day ON events(country, day);
CREATE INDEX events_type_day ON events(type, day);

CREATE TABLE event_actors (
    doc      INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    role     TEXT NOT NULL,               -- actor | recipient
    position INTEGER NOT NULL,
    entity   TEXT,
    text     TEXT,
    country  TEXT,
    sector   TEXT,
    PRIMARY KEY (doc, event_id, role, position),
    FOREIGN KEY (doc, event_id) REFERENCES events(doc, id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Full text over title and story, kept in step with `documents` by triggers so
-- that plain-SQL deletes stay consistent too. remove_diacritics: "securite" finds "sécurité".
CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content='documents', content_rowid='doc',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.doc, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.doc, old.title, old.text);
END;

-- For plain SQL: events with their story's id, title and place name.
CREATE VIEW story_events AS
    SELECT d.id AS doc_id, d.title, d.url, d.published, p.name AS place_name, e.*
    FROM events e JOIN documents d ON d.doc = e.doc
    LEFT JOIN places p ON p.doc = e.doc AND p.id = e.place;
"#,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations a file lacks, in order.
pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if found > SCHEMA_VERSION {
        return Err(StoreError::SchemaTooNew {
            found,
            known: SCHEMA_VERSION,
        });
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        // PRAGMA takes no parameters; the value is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {}", index + 1))?;
        tx.commit()?;
    }
    Ok(())
}

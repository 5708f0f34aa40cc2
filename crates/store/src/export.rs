//! Exports for the tools researchers already use: the stored `dateline/1`
//! records, PLOVER JSON Lines, GDELT-2.0-style event and mention tables, an
//! ACLED-style CSV and Parquet. Every writer streams from the database, so
//! memory stays flat however large the store is.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use parquet::basic::Compression;
use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use serde_json::{json, Map, Value};

use crate::error::{Result, StoreError};
use crate::query::{for_each_event, EventFilter, EventRow, Participant};
use crate::Store;

/// What `export` can write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// `records.jsonl`: the stored `dateline/1` records, text included.
    Jsonl,
    /// `events.plover.jsonl`: one PLOVER event object per line.
    Plover,
    /// `events.gdelt.tsv` and `mentions.gdelt.tsv`.
    Gdelt,
    /// `events.acled.csv`: events that have an ACLED coding.
    Acled,
    /// `events.parquet` and `documents.parquet`.
    Parquet,
}

impl ExportFormat {
    /// Parses `jsonl|plover|gdelt|acled|parquet`.
    pub fn parse(name: &str) -> Option<ExportFormat> {
        Some(match name {
            "jsonl" => ExportFormat::Jsonl,
            "plover" => ExportFormat::Plover,
            "gdelt" => ExportFormat::Gdelt,
            "acled" => ExportFormat::Acled,
            "parquet" => ExportFormat::Parquet,
            _ => return None,
        })
    }
}

/// One file an export wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportedFile {
    pub path: PathBuf,
    /// Data rows (records, events or mentions), headers not counted.
    pub rows: u64,
}

/// Writes one format into `dir` (created if missing). `filter` narrows the
/// events of event-based formats; the `jsonl` and documents exports hold
/// every stored document.
pub fn export(
    store: &Store,
    format: ExportFormat,
    filter: &EventFilter,
    dir: &Path,
) -> Result<Vec<ExportedFile>> {
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    let mut to_file =
        |name: &str, write: &mut dyn FnMut(&mut dyn Write) -> Result<u64>| -> Result<()> {
            let path = dir.join(name);
            let io_error = |source| StoreError::Io {
                path: path.clone(),
                source,
            };
            let mut out = BufWriter::new(File::create(&path).map_err(io_error)?);
            let rows = write(&mut out)?;
            out.flush().map_err(io_error)?;
            files.push(ExportedFile { path, rows });
            Ok(())
        };
    match format {
        ExportFormat::Jsonl => to_file("records.jsonl", &mut |out| write_jsonl(store, out))?,
        ExportFormat::Plover => to_file("events.plover.jsonl", &mut |out| {
            write_plover(store, filter, out)
        })?,
        ExportFormat::Gdelt => {
            to_file("events.gdelt.tsv", &mut |out| {
                write_gdelt_events(store, filter, out)
            })?;
            to_file("mentions.gdelt.tsv", &mut |out| {
                write_gdelt_mentions(store, filter, out)
            })?;
        }
        ExportFormat::Acled => to_file("events.acled.csv", &mut |out| {
            write_acled(store, filter, out)
        })?,
        ExportFormat::Parquet => {
            for (name, documents) in [("events.parquet", false), ("documents.parquet", true)] {
                let path = dir.join(name);
                let file = File::create(&path).map_err(|source| StoreError::Io {
                    path: path.clone(),
                    source,
                })?;
                let rows = if documents {
                    write_parquet_documents(store, file)?
                } else {
                    write_parquet_events(store, filter, file)?
                };
                files.push(ExportedFile { path, rows });
            }
        }
    }
    Ok(files)
}

fn write_error(error: std::io::Error) -> StoreError {
    StoreError::Io {
        path: PathBuf::from("<export>"),
        source: error,
    }
}

/// Every stored record as it was ingested, one per line, in ingestion order.
pub fn write_jsonl(store: &Store, out: &mut dyn Write) -> Result<u64> {
    let mut stmt = store
        .connection()
        .prepare("SELECT record, text FROM documents ORDER BY doc")?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        let record = crate::restore_record(&row.get::<_, String>(0)?, row.get(1)?)?;
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n").map_err(write_error)?;
        count += 1;
    }
    Ok(count)
}

fn tsv_rows(name: &str) -> impl Iterator<Item = (&str, &str)> {
    name.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split_once('\t'))
}

/// PLOVER quad code (1-4) of an event type.
fn quad_code(event_type: &str) -> Option<u8> {
    static QUADS: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    QUADS
        .get_or_init(|| {
            tsv_rows(include_str!("../data/plover_quad.tsv"))
                .filter_map(|(kind, quad)| Some((kind, quad.trim().parse().ok()?)))
                .collect()
        })
        .get(event_type)
        .copied()
}

/// ACLED's display label for a snake_case code; unknown codes pass through.
fn acled_label(code: &str) -> &str {
    static LABELS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    LABELS
        .get_or_init(|| {
            tsv_rows(include_str!("../data/acled_labels.tsv"))
                .map(|(c, l)| (c, l.trim()))
                .collect()
        })
        .get(code)
        .copied()
        .unwrap_or(code)
}

/// A stable identifier for an event across exports.
fn event_key(event: &EventRow) -> String {
    format!("{}-{}", event.doc_id, event.event_id)
}

fn plover_entity(participant: &Participant) -> Value {
    let mut entity = Map::new();
    let mut put = |key: &str, value: &Option<String>| {
        if let Some(value) = value {
            entity.insert(key.into(), Value::String(value.clone()));
        }
    };
    put("code", &participant.country);
    put("sector", &participant.sector);
    put("entity_text", &participant.text);
    put("identifier_id", &participant.kb);
    put("identifier_text", &participant.name);
    Value::Object(entity)
}

/// PLOVER's location resolution: 5 sub-city, 4 city, 2 province, 1 country.
fn plover_resolution(precision: Option<&str>) -> Option<u8> {
    match precision? {
        "site" => Some(5),
        "city" => Some(4),
        "admin1" => Some(2),
        "country" => Some(1),
        _ => None,
    }
}

/// One PLOVER JSON event object (PLOVER manual, "PLOVER JSON" tables).
/// Fields PLOVER does not name (negated, modality, confidence, dateline ids)
/// are extra named fields, as the manual allows.
pub fn plover_event(event: &EventRow) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), Value::String(event_key(event)));
    object.insert("date".into(), json!(event.day));
    object.insert(
        "actor".into(),
        Value::Array(event.actors.iter().map(plover_entity).collect()),
    );
    object.insert(
        "recipient".into(),
        Value::Array(event.recipients.iter().map(plover_entity).collect()),
    );
    object.insert(
        "event".into(),
        Value::Array(event.event_type.iter().map(|t| json!(t)).collect()),
    );
    if event.place_id.is_some() {
        object.insert(
            "event_loc".into(),
            json!({
                "resolved_place": event.place_name, "lat": event.lat, "lon": event.lon,
                "province": event.place_admin1, "country_code": event.country,
                "resolution": plover_resolution(event.place_precision.as_deref()),
            }),
        );
    }
    if let Some(text) = &event.trigger_text {
        object.insert("event_text".into(), json!([text]));
    }
    if let Some(quad) = event.event_type.as_deref().and_then(quad_code) {
        object.insert("quad_code".into(), json!(quad));
    }
    object.insert(
        "mode".into(),
        Value::Array(event.mode.iter().map(|m| json!(m)).collect()),
    );
    if let Some(sentence) = &event.sentence_text {
        object.insert("text".into(), json!(sentence));
    }
    if let Some((start, end)) = event.sentence {
        object.insert("text_info".into(), json!({"start": start, "end": end}));
    }
    object.insert(
        "cite_info".into(),
        json!({"citation": event.doc_id, "url": event.url, "title": event.title,
               "language": event.language, "publication": event.publisher,
               "coder": "dateline", "codebook": "PLOVER 2.0"}),
    );
    object.insert(
        "size".into(),
        json!({"dead": event.dead, "injured": event.injured, "arrested": event.arrested}),
    );
    object.insert("negated".into(), json!(event.negated));
    object.insert("modality".into(), json!(event.modality));
    object.insert("confidence".into(), json!(event.confidence));
    object.insert("cameo".into(), json!(event.cameo));
    Value::Object(object)
}

/// PLOVER events, one JSON object per line (the manual's suggested JSONL).
pub fn write_plover(store: &Store, filter: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let mut count = 0;
    for_each_event(store.connection(), filter, |event| {
        serde_json::to_writer(&mut *out, &plover_event(&event))?;
        out.write_all(b"\n").map_err(write_error)?;
        count += 1;
        Ok(())
    })?;
    Ok(count)
}

/// GDELT 2.0 event table columns, in GDELT's order.
pub const GDELT_EVENT_COLUMNS: &[&str] = &[
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// GDELT 2.0 mentions table columns, in GDELT's order.
pub const GDELT_MENTION_COLUMNS: &[&str] = &[
    "GlobalEventID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// A TSV field: tabs and line breaks inside values would break rows.
fn tsv_field(value: &str) -> String {
    value.replace(['\t', '\n', '\r'], " ")
}

/// `2022-01-10` → `20220110`; only full days.
fn compact_day(day: Option<&str>) -> Option<String> {
    let day = day?;
    let digits: String = day.chars().filter(char::is_ascii_digit).collect();
    (day.len() == 10 && digits.len() == 8).then_some(digits)
}

/// `2022-01-10T08:05:00Z` → `20220110080500`, missing time parts as zeros.
fn compact_timestamp(value: Option<&str>) -> Option<String> {
    let value = value?;
    let day = compact_day(value.get(..10))?;
    let time: String = value
        .get(10..)
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .take(6)
        .collect();
    Some(format!("{day}{time:0<6}"))
}

/// GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state.
fn gdelt_geo_type(precision: Option<&str>, country: Option<&str>) -> Option<u8> {
    let in_us = country == Some("USA");
    match precision? {
        "country" => Some(1),
        "admin1" => Some(if in_us { 2 } else { 5 }),
        "city" | "site" => Some(if in_us { 3 } else { 4 }),
        _ => None,
    }
}

fn gdelt_actor(participant: Option<&Participant>) -> [String; 10] {
    let Some(p) = participant else {
        return Default::default();
    };
    let country = p.country.clone().unwrap_or_default();
    let sector = p.sector.clone().unwrap_or_default();
    [
        format!("{country}{sector}"),
        tsv_field(p.name.as_deref().or(p.text.as_deref()).unwrap_or("")),
        country,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        sector,
        String::new(),
        String::new(),
    ]
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The GDELT-style columns of one event; `global_id` numbers events in export order.
fn gdelt_event_row(event: &EventRow, global_id: u64) -> Vec<String> {
    let day = compact_day(event.day.as_deref());
    let (month_year, year, fraction) = match &day {
        Some(d) => {
            let year: Option<u32> = d.get(..4).and_then(|y| y.parse().ok());
            let month: Option<u32> = d.get(4..6).and_then(|m| m.parse().ok());
            let dom: Option<u32> = d.get(6..8).and_then(|x| x.parse().ok());
            // GDELT's FractionDate: year + (month * 30 + day) / 365.
            let fraction = match (year, month, dom) {
                (Some(y), Some(m), Some(dd)) => {
                    format!("{:.4}", f64::from(y) + f64::from(m * 30 + dd) / 365.0)
                }
                _ => String::new(),
            };
            (
                d.get(..6).unwrap_or("").to_string(),
                d.get(..4).unwrap_or("").to_string(),
                fraction,
            )
        }
        None => Default::default(),
    };
    let cameo = event.cameo.clone().unwrap_or_default();
    let full_name = [
        event.place_name.as_deref(),
        event.place_admin1.as_deref(),
        event.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let mut row = vec![
        global_id.to_string(),
        day.unwrap_or_default(),
        month_year,
        year,
        fraction,
    ];
    row.extend(gdelt_actor(event.actors.first()));
    row.extend(gdelt_actor(event.recipients.first()));
    row.extend([
        // The first event a story tells is its lead, GDELT's "root event".
        String::from(if event.event_id == "V1" { "1" } else { "0" }),
        cameo.clone(),
        cameo.get(..3).unwrap_or(&cameo).to_string(),
        cameo.get(..2).unwrap_or(&cameo).to_string(),
        opt(event.event_type.as_deref().and_then(quad_code)),
        String::new(),
        "1".into(),
        "1".into(),
        "1".into(),
        String::new(),
    ]);
    // We do not locate actors, only the action.
    row.extend(std::iter::repeat(String::new()).take(16));
    row.extend([
        opt(gdelt_geo_type(
            event.place_precision.as_deref(),
            event.country.as_deref(),
        )),
        tsv_field(&full_name),
        opt(event.country.as_deref()),
        tsv_field(event.place_admin1.as_deref().unwrap_or("")),
        String::new(),
        opt(event.lat),
        opt(event.lon),
        String::new(),
        opt(compact_timestamp(event.ingested_at.as_deref())),
        tsv_field(event.url.as_deref().unwrap_or(&event.doc_id)),
    ]);
    row
}

fn write_tsv_row(out: &mut dyn Write, fields: &[impl AsRef<str>]) -> Result<()> {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\t").map_err(write_error)?;
        }
        out.write_all(field.as_ref().as_bytes())
            .map_err(write_error)?;
    }
    out.write_all(b"\n").map_err(write_error)
}

/// A GDELT-2.0-style event table (TSV with a header row; GDELT's columns,
/// empty where dateline has no value). Country codes are ISO 3166-1 alpha-3,
/// not GDELT's FIPS codes.
pub fn write_gdelt_events(store: &Store, filter: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    write_tsv_row(out, GDELT_EVENT_COLUMNS)?;
    let mut count = 0;
    for_each_event(store.connection(), filter, |event| {
        count += 1;
        write_tsv_row(out, &gdelt_event_row(&event, count))
    })?;
    Ok(count)
}

/// Where an entity is first mentioned at or after `from` (characters), else first at all.
fn entity_offset(
    store: &Store,
    doc_key: i64,
    entity: Option<&str>,
    from: i64,
) -> Result<Option<i64>> {
    let Some(entity) = entity else {
        return Ok(None);
    };
    let mut stmt = store
        .connection()
        .prepare_cached("SELECT mentions FROM entities WHERE doc = ?1 AND id = ?2")?;
    let mentions: Option<Option<String>> = rusqlite::OptionalExtension::optional(
        stmt.query_row(rusqlite::params![doc_key, entity], |row| row.get(0)),
    )?;
    let starts: Vec<i64> = mentions
        .flatten()
        .and_then(|json| serde_json::from_str::<Vec<Vec<i64>>>(&json).ok())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|pair| pair.first().copied())
        .collect();
    Ok(starts
        .iter()
        .copied()
        .find(|&s| s >= from)
        .or_else(|| starts.first().copied()))
}

/// The GDELT-style mentions table: one row per event per story, with the
/// character offsets of the actors and the action in the story text
/// (-1 where unknown, as GDELT does).
pub fn write_gdelt_mentions(
    store: &Store,
    filter: &EventFilter,
    out: &mut dyn Write,
) -> Result<u64> {
    write_tsv_row(out, GDELT_MENTION_COLUMNS)?;
    let mut text_lengths: HashMap<String, i64> = HashMap::new();
    let mut count = 0;
    for_each_event(store.connection(), filter, |event| {
        count += 1;
        let from = event.sentence.map_or(0, |s| s.0);
        let actor1 = entity_offset(
            store,
            event.doc_key,
            event.actors.first().and_then(|a| a.entity.as_deref()),
            from,
        )?;
        let actor2 = entity_offset(
            store,
            event.doc_key,
            event.recipients.first().and_then(|a| a.entity.as_deref()),
            from,
        )?;
        if !text_lengths.contains_key(&event.doc_id) {
            // Only the current story's length is needed: keep the map at one entry.
            text_lengths.clear();
            let length: Option<i64> = store.connection().query_row(
                "SELECT length(text) FROM documents WHERE id = ?1",
                [&event.doc_id],
                |row| row.get(0),
            )?;
            text_lengths.insert(event.doc_id.clone(), length.unwrap_or(0));
        }
        let row = [
            count.to_string(),
            opt(compact_day(event.day.as_deref()).map(|d| format!("{d}000000"))),
            opt(compact_timestamp(event.published.as_deref())),
            "1".into(),
            tsv_field(event.publisher.as_deref().unwrap_or("")),
            tsv_field(event.url.as_deref().unwrap_or(&event.doc_id)),
            String::new(),
            actor1.unwrap_or(-1).to_string(),
            actor2.unwrap_or(-1).to_string(),
            event.trigger.map_or(-1, |t| t.0).to_string(),
            "1".into(),
            opt(event.confidence.map(|c| (c * 100.0).round() as i64)),
            opt(text_lengths.get(&event.doc_id)),
            String::new(),
            String::new(),
            String::new(),
        ];
        write_tsv_row(out, &row)
    })?;
    Ok(count)
}

/// The ACLED-style columns, in the order ACLED users expect.
pub const ACLED_COLUMNS: &[&str] = &[
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];

/// RFC 4180 field: quoted when it holds a comma, quote or line break.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn participant_names(list: &[Participant]) -> String {
    list.iter()
        .filter_map(|p| p.name.as_deref().or(p.text.as_deref()))
        .collect::<Vec<_>>()
        .join("; ")
}

/// ACLED geo-precision: 1 a named town or site, 3 only a region or country.
fn acled_precision(precision: Option<&str>) -> Option<u8> {
    match precision? {
        "site" | "city" => Some(1),
        "admin1" | "country" => Some(3),
        _ => None,
    }
}

/// An ACLED-style CSV of the events that carry an ACLED coding (text about
/// no political violence or demonstration has none). Country is the name
/// from the gazetteer when known, else the ISO code.
pub fn write_acled(store: &Store, filter: &EventFilter, out: &mut dyn Write) -> Result<u64> {
    let header: Vec<String> = ACLED_COLUMNS.iter().map(|c| c.to_string()).collect();
    out.write_all(format!("{}\r\n", header.join(",")).as_bytes())
        .map_err(write_error)?;
    let mut count = 0;
    for_each_event(store.connection(), filter, |event| {
        let Some(event_type) = event.acled_event_type.as_deref() else {
            return Ok(());
        };
        count += 1;
        let country = event.country.as_deref().map(|code| {
            dateline_world::world()
                .country(code)
                .map(|entity| entity.name.clone())
                .unwrap_or_else(|| code.to_string())
        });
        let fields = [
            event.day.clone().unwrap_or_default(),
            acled_label(event_type).to_string(),
            event
                .acled_sub_event_type
                .as_deref()
                .map(acled_label)
                .unwrap_or("")
                .to_string(),
            participant_names(&event.actors),
            participant_names(&event.recipients),
            country.unwrap_or_default(),
            opt(event.place_admin1.as_deref()),
            opt(event.place_name.as_deref()),
            opt(event.lat),
            opt(event.lon),
            opt(acled_precision(event.place_precision.as_deref())),
            opt(event.publisher.as_deref().or(event.url.as_deref())),
            opt(event.sentence_text.as_deref()),
            opt(event.dead),
        ];
        let line = fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",");
        out.write_all(line.as_bytes()).map_err(write_error)?;
        out.write_all(b"\r\n").map_err(write_error)
    })?;
    Ok(count)
}

/// A column being filled for the current Parquet row group.
enum Column {
    Text(Vec<Option<String>>),
    Int(Vec<Option<i64>>),
    Float(Vec<Option<f64>>),
    Bool(Vec<Option<bool>>),
}

impl Column {
    fn parquet_type(&self) -> &'static str {
        match self {
            Column::Text(_) => "BYTE_ARRAY",
            Column::Int(_) => "INT64",
            Column::Float(_) => "DOUBLE",
            Column::Bool(_) => "BOOLEAN",
        }
    }
    fn clear(&mut self) {
        match self {
            Column::Text(v) => v.clear(),
            Column::Int(v) => v.clear(),
            Column::Float(v) => v.clear(),
            Column::Bool(v) => v.clear(),
        }
    }
}

/// Rows per Parquet row group: bounds memory and keeps groups large enough to compress.
const ROW_GROUP: usize = 50_000;

/// A Parquet file written with the low-level column API (no Arrow: it
/// would double the build time for a handful of flat columns). Every column
/// is optional, so nulls stay nulls.
struct ParquetTable<W: Write + Send> {
    columns: Vec<Column>,
    rows: usize,
    total: u64,
    writer: SerializedFileWriter<W>,
}

impl<W: Write + Send> ParquetTable<W> {
    fn new(out: W, name: &str, columns: Vec<(&'static str, Column)>) -> Result<Self> {
        let fields: Vec<String> = columns
            .iter()
            .map(|(field, column)| {
                let annotation = if matches!(column, Column::Text(_)) {
                    " (UTF8)"
                } else {
                    ""
                };
                format!("OPTIONAL {} {field}{annotation};", column.parquet_type())
            })
            .collect();
        let schema = Arc::new(parse_message_type(&format!(
            "message {name} {{ {} }}",
            fields.join(" ")
        ))?);
        let properties = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let writer = SerializedFileWriter::new(out, schema, properties)?;
        let columns = columns.into_iter().map(|(_, column)| column).collect();
        Ok(ParquetTable {
            columns,
            rows: 0,
            total: 0,
            writer,
        })
    }

    fn column(&mut self, index: usize) -> &mut Column {
        // Indices come from our own fixed column lists.
        &mut self.columns[index]
    }

    fn end_row(&mut self) -> Result<()> {
        self.rows += 1;
        self.total += 1;
        if self.rows >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for column in &mut self.columns {
            let Some(mut writer) = group.next_column()? else {
                break;
            };
            let levels =
                |present: Vec<bool>| present.into_iter().map(i16::from).collect::<Vec<_>>();
            match column {
                Column::Text(values) => {
                    let defs = levels(values.iter().map(Option::is_some).collect());
                    let data: Vec<ByteArray> = values
                        .iter()
                        .flatten()
                        .map(|v| ByteArray::from(v.as_bytes().to_vec()))
                        .collect();
                    writer
                        .typed::<ByteArrayType>()
                        .write_batch(&data, Some(&defs), None)?;
                }
                Column::Int(values) => {
                    let defs = levels(values.iter().map(Option::is_some).collect());
                    let data: Vec<i64> = values.iter().flatten().copied().collect();
                    writer
                        .typed::<Int64Type>()
                        .write_batch(&data, Some(&defs), None)?;
                }
                Column::Float(values) => {
                    let defs = levels(values.iter().map(Option::is_some).collect());
                    let data: Vec<f64> = values.iter().flatten().copied().collect();
                    writer
                        .typed::<DoubleType>()
                        .write_batch(&data, Some(&defs), None)?;
                }
                Column::Bool(values) => {
                    let defs = levels(values.iter().map(Option::is_some).collect());
                    let data: Vec<bool> = values.iter().flatten().copied().collect();
                    writer
                        .typed::<BoolType>()
                        .write_batch(&data, Some(&defs), None)?;
                }
            }
            writer.close()?;
            column.clear();
        }
        group.close()?;
        self.rows = 0;
        Ok(())
    }

    fn finish(mut self) -> Result<u64> {
        self.flush()?;
        self.writer.close()?;
        Ok(self.total)
    }
}

fn push_text(column: &mut Column, value: Option<String>) {
    if let Column::Text(values) = column {
        values.push(value);
    }
}
fn push_int(column: &mut Column, value: Option<i64>) {
    if let Column::Int(values) = column {
        values.push(value);
    }
}
fn push_float(column: &mut Column, value: Option<f64>) {
    if let Column::Float(values) = column {
        values.push(value);
    }
}
fn push_bool(column: &mut Column, value: Option<bool>) {
    if let Column::Bool(values) = column {
        values.push(value);
    }
}

fn participants_json(list: &[Participant]) -> Option<String> {
    (!list.is_empty()).then(|| serde_json::to_string(list).unwrap_or_default())
}

/// Events as a flat Parquet table; actors and recipients also as JSON columns.
pub fn write_parquet_events<W: Write + Send>(
    store: &Store,
    filter: &EventFilter,
    out: W,
) -> Result<u64> {
    let text = || Column::Text(Vec::new());
    let int = || Column::Int(Vec::new());
    let float = || Column::Float(Vec::new());
    let columns = vec![
        ("doc_id", text()),
        ("event_id", text()),
        ("date", text()),
        ("day", text()),
        ("type", text()),
        ("mode", text()),
        ("cameo", text()),
        ("acled_event_type", text()),
        ("acled_sub_event_type", text()),
        ("country", text()),
        ("place", text()),
        ("admin1", text()),
        ("lat", float()),
        ("lon", float()),
        ("negated", Column::Bool(Vec::new())),
        ("modality", text()),
        ("dead", int()),
        ("injured", int()),
        ("arrested", int()),
        ("participants", int()),
        ("trigger_start", int()),
        ("trigger_end", int()),
        ("trigger_text", text()),
        ("confidence", float()),
        ("rule", text()),
        ("actor", text()),
        ("actor_country", text()),
        ("actor_sector", text()),
        ("recipient", text()),
        ("recipient_country", text()),
        ("recipient_sector", text()),
        ("actors_json", text()),
        ("recipients_json", text()),
        ("title", text()),
        ("url", text()),
        ("publisher", text()),
        ("published", text()),
        ("language", text()),
    ];
    let mut table = ParquetTable::new(out, "events", columns)?;
    for_each_event(store.connection(), filter, |e| {
        let first = |list: &[Participant], pick: fn(&Participant) -> Option<String>| {
            list.first().and_then(pick)
        };
        let name = |p: &Participant| p.name.clone().or_else(|| p.text.clone());
        let texts = [
            Some(e.doc_id.clone()),
            Some(e.event_id.clone()),
            e.date.clone(),
            e.day.clone(),
            e.event_type.clone(),
            e.mode.clone(),
            e.cameo.clone(),
            e.acled_event_type.clone(),
            e.acled_sub_event_type.clone(),
            e.country.clone(),
            e.place_name.clone(),
            e.place_admin1.clone(),
        ];
        for (i, value) in texts.into_iter().enumerate() {
            push_text(table.column(i), value);
        }
        push_float(table.column(12), e.lat);
        push_float(table.column(13), e.lon);
        push_bool(table.column(14), e.negated);
        push_text(table.column(15), e.modality.clone());
        for (i, value) in [
            e.dead,
            e.injured,
            e.arrested,
            e.participants,
            e.trigger.map(|t| t.0),
            e.trigger.map(|t| t.1),
        ]
        .into_iter()
        .enumerate()
        {
            push_int(table.column(16 + i), value);
        }
        push_text(table.column(22), e.trigger_text.clone());
        push_float(table.column(23), e.confidence);
        let texts = [
            e.rule.clone(),
            first(&e.actors, name),
            first(&e.actors, |p| p.country.clone()),
            first(&e.actors, |p| p.sector.clone()),
            first(&e.recipients, name),
            first(&e.recipients, |p| p.country.clone()),
            first(&e.recipients, |p| p.sector.clone()),
            participants_json(&e.actors),
            participants_json(&e.recipients),
            e.title.clone(),
            e.url.clone(),
            e.publisher.clone(),
            e.published.clone(),
            e.language.clone(),
        ];
        for (i, value) in texts.into_iter().enumerate() {
            push_text(table.column(24 + i), value);
        }
        table.end_row()
    })?;
    table.finish()
}

/// Documents as a Parquet table (metadata, dateline and text; no annotations).
pub fn write_parquet_documents<W: Write + Send>(store: &Store, out: W) -> Result<u64> {
    const FIELDS: &[&str] = &[
        "id",
        "content_hash",
        "url",
        "title",
        "language",
        "published",
        "date_precision",
        "publisher",
        "dateline_text",
        "dateline_date",
        "dateline_agency",
        "ingested_at",
        "text",
    ];
    let columns = FIELDS
        .iter()
        .map(|&f| (f, Column::Text(Vec::new())))
        .collect();
    let mut table = ParquetTable::new(out, "documents", columns)?;
    // Column names are our own constants, not user input.
    let sql = format!("SELECT {} FROM documents ORDER BY doc", FIELDS.join(", "));
    let mut stmt = store.connection().prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        for i in 0..FIELDS.len() {
            push_text(table.column(i), row.get(i)?);
        }
        table.end_row()?;
    }
    table.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_tables_cover_every_code() {
        for kind in crate::EVENT_TYPES {
            assert!(quad_code(kind).is_some(), "{kind}");
        }
        assert_eq!(quad_code("ASSAULT"), Some(4));
        assert_eq!(quad_code("AGREE"), Some(1));
        assert_eq!(
            acled_label("shelling_artillery_missile_attack"),
            "Shelling/artillery/missile attack"
        );
        assert_eq!(acled_label("not_a_code"), "not_a_code");
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
    }

    #[test]
    fn gdelt_dates_are_compact_and_full_days_only() {
        assert_eq!(compact_day(Some("2022-01-10")), Some("20220110".into()));
        assert_eq!(compact_day(Some("2022-01")), None);
        assert_eq!(
            compact_timestamp(Some("2022-01-10T08:05:00Z")),
            Some("20220110080500".into())
        );
        assert_eq!(
            compact_timestamp(Some("2022-01-10")),
            Some("20220110000000".into())
        );
    }
}

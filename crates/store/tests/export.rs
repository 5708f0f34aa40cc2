mod common;

use std::fs;

use dateline_store::export::{
    export, ExportFormat, ACLED_COLUMNS, GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS,
};
use dateline_store::{EventFilter, Store};
use parquet::file::reader::{FileReader, SerializedFileReader};

fn store_with(n: usize) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(common::records(0..n)).unwrap();
    store
}

/// Splits CSV text into records, honouring quoted fields with commas, quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    rows
}

#[test]
fn jsonl_gives_back_every_record() {
    let store = store_with(10);
    let dir = tempfile::tempdir().unwrap();
    let files = export(
        &store,
        ExportFormat::Jsonl,
        &EventFilter::default(),
        dir.path(),
    )
    .unwrap();
    assert_eq!(files[0].rows, 10);
    let text = fs::read_to_string(&files[0].path).unwrap();
    let records: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 10);
    assert_eq!(records[4], common::record(4));
}

#[test]
fn plover_objects_use_plovers_field_names() {
    let store = store_with(3);
    let dir = tempfile::tempdir().unwrap();
    let files = export(
        &store,
        ExportFormat::Plover,
        &EventFilter::default(),
        dir.path(),
    )
    .unwrap();
    let text = fs::read_to_string(&files[0].path).unwrap();
    let events: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(events.len(), 6);
    let first = &events[0];
    assert_eq!(first["id"], "doc-000000-V1");
    assert_eq!(first["date"], "2022-01-09");
    assert_eq!(first["event"], serde_json::json!(["ASSAULT"]));
    assert_eq!(first["quad_code"], 4);
    assert_eq!(first["actor"][0]["code"], "KAZ");
    assert_eq!(first["actor"][0]["sector"], "COP");
    assert_eq!(first["recipient"][0]["identifier_id"], "wikidata:Q1");
    assert_eq!(first["event_loc"]["resolved_place"], "Almaty");
    assert_eq!(first["event_loc"]["resolution"], 4);
    assert_eq!(first["event_text"], serde_json::json!(["clashed"]));
    assert_eq!(first["size"]["dead"], 2);
    assert_eq!(first["cite_info"]["url"], "https://news.example/0");
}

#[test]
fn gdelt_tables_have_gdelt_columns_and_offsets() {
    let store = store_with(4);
    let dir = tempfile::tempdir().unwrap();
    let files = export(
        &store,
        ExportFormat::Gdelt,
        &EventFilter::default(),
        dir.path(),
    )
    .unwrap();
    assert_eq!(files.len(), 2);
    let events = fs::read_to_string(&files[0].path).unwrap();
    let rows: Vec<Vec<&str>> = events.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], GDELT_EVENT_COLUMNS);
    assert_eq!(rows.len(), 1 + 8);
    assert!(rows.iter().all(|r| r.len() == 61));
    let column = |name: &str| GDELT_EVENT_COLUMNS.iter().position(|c| *c == name).unwrap();
    assert_eq!(rows[1][column("Day")], "20220109");
    assert_eq!(rows[1][column("EventCode")], "190");
    assert_eq!(rows[1][column("EventRootCode")], "19");
    assert_eq!(rows[1][column("QuadClass")], "4");
    assert_eq!(rows[1][column("Actor1Code")], "KAZCOP");
    assert_eq!(rows[1][column("ActionGeo_Type")], "4");
    assert_eq!(rows[1][column("ActionGeo_Lat")], "43.25");

    let mentions = fs::read_to_string(&files[1].path).unwrap();
    let rows: Vec<Vec<&str>> = mentions.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows[0], GDELT_MENTION_COLUMNS);
    assert_eq!(rows.len(), 1 + 8);
    let column = |name: &str| {
        GDELT_MENTION_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap()
    };
    // "Almaty, story 0. " is 17 characters: Police at 17, the union at 48, "clashed" at 31.
    assert_eq!(rows[1][column("Actor1CharOffset")], "17");
    assert_eq!(rows[1][column("Actor2CharOffset")], "48");
    assert_eq!(rows[1][column("ActionCharOffset")], "31");
    assert_eq!(rows[2][column("Actor1CharOffset")], "-1");
    let text = common::record(0)["doc"]["text"]
        .as_str()
        .unwrap()
        .chars()
        .count();
    assert_eq!(rows[1][column("MentionDocLen")], text.to_string());
}

#[test]
fn acled_csv_holds_coded_events_with_acled_labels() {
    let store = store_with(6);
    let dir = tempfile::tempdir().unwrap();
    let files = export(
        &store,
        ExportFormat::Acled,
        &EventFilter::default(),
        dir.path(),
    )
    .unwrap();
    let rows = parse_csv(&fs::read_to_string(&files[0].path).unwrap());
    assert_eq!(rows[0], ACLED_COLUMNS);
    // Of 6 records, the 4 ASSAULT/PROTEST first events carry ACLED codings; ACCUSE ones do not.
    assert_eq!(rows.len(), 1 + 4);
    assert_eq!(files[0].rows, 4);
    assert!(rows.iter().all(|r| r.len() == ACLED_COLUMNS.len()));
    assert_eq!(rows[1][1], "Violence against civilians");
    assert_eq!(rows[1][2], "Attack");
    assert_eq!(rows[1][3], "Police");
    assert_eq!(rows[1][4], "Union of workers");
    assert_eq!(rows[1][7], "Almaty");
    assert_eq!(rows[1][13], "2");
    assert_eq!(rows[2][2], "Peaceful protest");
    assert_eq!(rows[2][13], "", "unknown fatalities stay empty, not zero");
    assert!(
        rows[1][12].contains("\"Union, of workers\""),
        "notes keep quotes and commas: {}",
        rows[1][12]
    );
}

#[test]
fn filters_apply_to_event_exports() {
    let store = store_with(9);
    let dir = tempfile::tempdir().unwrap();
    let filter = EventFilter {
        country: Some("MLI".into()),
        ..Default::default()
    };
    let files = export(&store, ExportFormat::Plover, &filter, dir.path()).unwrap();
    assert_eq!(files[0].rows, 3);
}

#[test]
fn parquet_reads_back_with_the_parquet_crate() {
    let store = store_with(7);
    let dir = tempfile::tempdir().unwrap();
    let files = export(
        &store,
        ExportFormat::Parquet,
        &EventFilter::default(),
        dir.path(),
    )
    .unwrap();
    assert_eq!(files.len(), 2);

    let reader = SerializedFileReader::new(fs::File::open(&files[0].path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 14);
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let first: Vec<(String, String)> = rows[0]
        .get_column_iter()
        .map(|(name, field)| (name.clone(), field.to_string()))
        .collect();
    let get = |name: &str| {
        first
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
            .unwrap()
    };
    assert_eq!(get("doc_id"), "\"doc-000000\"");
    assert_eq!(get("type"), "\"ASSAULT\"");
    assert_eq!(get("lat"), "43.25");
    assert_eq!(get("dead"), "2");
    assert_eq!(get("negated"), "true");
    assert_eq!(get("actor_country"), "\"KAZ\"");
    let second: Vec<(String, String)> = rows[1]
        .get_column_iter()
        .map(|(name, field)| (name.clone(), field.to_string()))
        .collect();
    assert!(
        second.iter().any(|(n, v)| n == "place" && v == "null"),
        "V2 has no place: {second:?}"
    );

    let reader = SerializedFileReader::new(fs::File::open(&files[1].path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows(), 7);
    let titles: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|row| {
            row.unwrap()
                .get_column_iter()
                .find(|(n, _)| *n == "title")
                .unwrap()
                .1
                .to_string()
        })
        .collect();
    assert_eq!(titles[6], "\"Clashes in Almaty (6)\"");
}

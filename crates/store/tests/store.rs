mod common;

use dateline_store::{EventFilter, Store, StoreError, TimeBucket, SCHEMA_VERSION};

fn filter() -> EventFilter {
    EventFilter::default()
}

#[test]
fn a_new_file_gets_every_migration_and_reopens_without_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let tables: Vec<String> = store
        .connection()
        .prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for table in [
        "documents",
        "entities",
        "places",
        "quotes",
        "casualties",
        "events",
        "event_actors",
        "documents_fts",
    ] {
        assert!(
            tables.iter().any(|t| t == table),
            "{table} missing from {tables:?}"
        );
    }
    drop(store);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.schema_version().unwrap(), SCHEMA_VERSION);
    let read_only = Store::open_read_only(&path).unwrap();
    assert_eq!(read_only.stats().unwrap().documents, 0);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::SchemaTooNew { .. })
    ));
}

#[test]
fn ingesting_twice_stores_each_document_once() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.insert_batch(common::records(0..50)).unwrap();
    assert_eq!((first.stored, first.duplicates), (50, 0));
    let second = store.insert_batch(common::records(0..60)).unwrap();
    assert_eq!((second.stored, second.duplicates), (10, 50));
    let stats = store.stats().unwrap();
    assert_eq!(stats.documents, 60);
    assert_eq!(stats.events, 120);
    assert_eq!(stats.entities, 120);
    assert_eq!(stats.places, 60);
    assert_eq!(stats.quotes, 60);
    assert_eq!(stats.casualties, 60);
}

#[test]
fn the_same_text_under_another_id_is_a_duplicate() {
    let mut store = Store::open_in_memory().unwrap();
    let original = common::record(7);
    let mut copy = original.clone();
    copy["doc"]["id"] = "another-id".into();
    let outcome = store.insert_batch(vec![original, copy]).unwrap();
    assert_eq!((outcome.stored, outcome.duplicates), (1, 1));
    assert!(store.contains("doc-000007").unwrap());
    assert!(!store.contains("another-id").unwrap());
}

#[test]
fn a_record_without_an_id_is_rejected_not_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let outcome = store
        .insert_batch(vec![
            serde_json::json!({"doc": {"text": "x"}}),
            common::record(1),
        ])
        .unwrap();
    assert_eq!((outcome.stored, outcome.rejected), (1, 1));
}

#[test]
fn the_record_comes_back_whole() {
    let mut store = Store::open_in_memory().unwrap();
    let original = common::record(3);
    store.insert_batch(vec![original.clone()]).unwrap();
    assert_eq!(store.record("doc-000003").unwrap(), Some(original));
    assert_eq!(store.record("nope").unwrap(), None);
}

#[test]
fn events_carry_trigger_text_place_country_and_participants() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(common::records(0..3)).unwrap();
    let event = store.event("doc-000001", "V1").unwrap().unwrap();
    assert_eq!(event.trigger_text.as_deref(), Some("clashed"));
    assert_eq!(event.country.as_deref(), Some("MLI"));
    assert_eq!(event.place_name.as_deref(), Some("Bamako"));
    assert_eq!(event.day.as_deref(), Some("2022-02-09"));
    assert_eq!(event.actors.len(), 1);
    assert_eq!(event.actors[0].name.as_deref(), Some("Police"));
    assert_eq!(event.recipients[0].kb.as_deref(), Some("wikidata:Q1"));
    assert!(event
        .sentence_text
        .as_deref()
        .is_some_and(|s| s.starts_with("Police forces clashed")));
    // A year-less event date falls back to the story's publication day, and
    // an event without a place takes its first actor's country (none here).
    let reported = store.event("doc-000001", "V2").unwrap().unwrap();
    assert_eq!(reported.date.as_deref(), Some("--01-10"));
    assert_eq!(reported.day.as_deref(), Some("2022-02-10"));
    assert_eq!(reported.country, None);
    assert_eq!(reported.trigger_text.as_deref(), Some("said"));
}

#[test]
fn filters_narrow_the_events() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(common::records(0..120)).unwrap();
    let count = |f: EventFilter| store.count_events(&f).unwrap();
    assert_eq!(count(filter()), 240);
    // Country of action: V1 of every third record (V2 has no place and no actor country).
    assert_eq!(
        count(EventFilter {
            country: Some("KAZ".into()),
            ..filter()
        }),
        40
    );
    assert_eq!(
        count(EventFilter {
            event_type: Some("ASSAULT".into()),
            ..filter()
        }),
        40
    );
    assert_eq!(
        count(EventFilter {
            country: Some("KAZ".into()),
            event_type: Some("ASSAULT".into()),
            ..filter()
        }),
        40
    );
    assert_eq!(
        count(EventFilter {
            country: Some("MLI".into()),
            event_type: Some("ASSAULT".into()),
            ..filter()
        }),
        0
    );
    // Months cycle over 12 records: each month has 10 records, 20 events.
    assert_eq!(
        count(EventFilter {
            since: Some("2022-03".into()),
            until: Some("2022-03".into()),
            ..filter()
        }),
        20
    );
    assert_eq!(
        count(EventFilter {
            since: Some("2022-11-01".into()),
            ..filter()
        }),
        40
    );
    assert_eq!(
        count(EventFilter {
            until: Some("2022-01-09".into()),
            ..filter()
        }),
        10
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("union OF".into()),
            ..filter()
        }),
        120
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("officials".into()),
            ..filter()
        }),
        120
    );
    assert_eq!(
        count(EventFilter {
            actor: Some("100%".into()),
            ..filter()
        }),
        0
    );
    assert_eq!(
        count(EventFilter {
            exclude_negated: true,
            ..filter()
        }),
        228
    );
    // Full text: diacritics folded; "story 7" as a phrase matches one document.
    assert_eq!(
        count(EventFilter {
            text: Some("evenement".into()),
            ..filter()
        }),
        240
    );
    assert_eq!(
        count(EventFilter {
            text: Some("\"story 7\"".into()),
            ..filter()
        }),
        2
    );
    assert_eq!(
        count(EventFilter {
            text: Some("Bamako".into()),
            event_type: Some("ACCUSE".into()),
            ..filter()
        }),
        40
    );
    assert_eq!(
        count(EventFilter {
            place: Some("lyon".into()),
            ..filter()
        }),
        40
    );

    let page = store
        .events(&EventFilter {
            limit: Some(5),
            country: Some("FRA".into()),
            ..filter()
        })
        .unwrap();
    assert_eq!(page.len(), 5);
    assert!(
        page.windows(2).all(|w| w[0].day >= w[1].day),
        "newest first"
    );
    assert!(page.iter().all(|e| e.country.as_deref() == Some("FRA")));
}

#[test]
fn bad_parameters_are_usage_errors() {
    let store = Store::open_in_memory().unwrap();
    for bad in [
        EventFilter {
            country: Some("Kazakhstan".into()),
            ..filter()
        },
        EventFilter {
            event_type: Some("assault".into()),
            ..filter()
        },
        EventFilter {
            since: Some("2022-13-01".into()),
            ..filter()
        },
        EventFilter {
            limit: Some(1_000_000),
            ..filter()
        },
        EventFilter {
            text: Some("\"unbalanced".into()),
            ..filter()
        },
        EventFilter {
            text: Some("AND OR".into()),
            ..filter()
        },
    ] {
        let error = store.events(&bad).unwrap_err();
        assert!(error.is_usage_error(), "{error}");
    }
}

#[test]
fn counts_group_by_month_and_country() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(common::records(0..24)).unwrap();
    let months = store
        .counts_over_time(&filter(), TimeBucket::Month)
        .unwrap();
    assert_eq!(months.len(), 12);
    assert_eq!(months[0], ("2022-01".to_string(), 4));
    let years = store.counts_over_time(&filter(), TimeBucket::Year).unwrap();
    assert_eq!(years, vec![("2022".to_string(), 48)]);
    let countries = store.counts_by_country(&filter()).unwrap();
    assert_eq!(countries.len(), 3);
    assert!(countries.iter().all(|(_, n)| *n == 8));
}

#[test]
fn plain_sql_sees_the_tables() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert_batch(common::records(0..6)).unwrap();
    let n: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM events e JOIN event_actors a ON a.doc = e.doc AND a.event_id = e.id \
             WHERE a.role = 'recipient' AND a.sector = 'CVL' AND e.type = 'PROTEST'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(n, 2);
    let (doc_id, place): (String, String) = store
        .connection()
        .query_row(
            "SELECT doc_id, place_name FROM story_events WHERE type = 'PROTEST' ORDER BY doc LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((doc_id.as_str(), place.as_str()), ("doc-000001", "Bamako"));
}

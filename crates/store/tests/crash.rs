//! A writer killed with SIGKILL mid-ingest loses at most the batch in flight,
//! never half a document, and a re-run completes the store exactly.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use dateline_store::Store;

const DOCS: usize = 2_000;
const BATCH: usize = 20;
const CHILD_ENV: &str = "DATELINE_STORE_CRASH_DB";

/// Run as a child process by `kill_mid_ingest_then_resume`; does nothing otherwise.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_ENV) else {
        return;
    };
    let mut store = Store::open(&path).unwrap();
    for start in (0..DOCS).step_by(BATCH) {
        store
            .insert_batch(common::records(start..start + BATCH))
            .unwrap();
        // Slow enough that the parent's kill lands mid-run, not after it.
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn documents(path: &std::path::Path) -> u64 {
    Store::open_read_only(path)
        .and_then(|s| s.stats())
        .map(|s| s.documents)
        .unwrap_or(0)
}

#[test]
fn kill_mid_ingest_then_resume() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("events.db");
    drop(Store::open(&path).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while documents(&path) < 200 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(2));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child finished before it was killed");

    let store = Store::open(&path).unwrap();
    let stats = store.stats().unwrap();
    assert!(
        stats.documents >= 200 && stats.documents < DOCS as u64,
        "{stats:?}"
    );
    assert_eq!(
        stats.documents % BATCH as u64,
        0,
        "a batch was half written: {stats:?}"
    );
    // Every stored document has all its rows.
    assert_eq!(stats.events, 2 * stats.documents);
    assert_eq!(stats.entities, 2 * stats.documents);
    assert_eq!(stats.casualties, stats.documents);
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let mut total = dateline_store::BatchOutcome::default();
    for start in (0..DOCS).step_by(100) {
        total += store
            .insert_batch(common::records(start..start + 100))
            .unwrap();
    }
    assert_eq!(total.duplicates as u64, stats.documents);
    let after = store.stats().unwrap();
    assert_eq!(after.documents, DOCS as u64);
    assert_eq!(after.events, 2 * DOCS as u64);
    let fts: i64 = store
        .connection()
        .query_row(
            "SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH 'square'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(fts, DOCS as i64);
}

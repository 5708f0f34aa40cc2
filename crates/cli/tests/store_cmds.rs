//! `dateline ingest`, `query` and `export` as a user runs them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline")
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stories")
}

/// A fresh directory for one test (no tempfile dev-dependency in this crate), removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path =
            std::env::temp_dir().join(format!("dateline-store-cmds-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir");
        TempDir(path)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn ingest_query_export_round_trip() {
    let dir = TempDir::new("round-trip");
    let db = dir.path().join("events.db");
    let db = db.to_str().expect("utf-8 path");
    let stories = examples();
    let stories = stories.to_str().expect("utf-8 path");
    let story_count = std::fs::read_dir(stories)
        .expect("examples")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().is_file()))
        .count();

    let first = dateline(&["ingest", stories, "--db", db]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains(&format!("{story_count} stored, 0 skipped as duplicates")),
        "{}",
        stderr(&first)
    );
    let again = dateline(&["ingest", stories, "--db", db]);
    assert!(again.status.success());
    assert!(
        stderr(&again).contains(&format!("0 stored, {story_count} skipped as duplicates")),
        "{}",
        stderr(&again)
    );

    let csv = dateline(&["query", "--db", db, "--format", "csv", "--limit", "1000"]);
    assert!(csv.status.success(), "{}", stderr(&csv));
    let text = String::from_utf8_lossy(&csv.stdout);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("doc_id,event_id,day,type,actors,recipients,country,place,trigger")
    );
    assert!(
        lines.count() > story_count,
        "the stories hold several events each"
    );

    let jsonl = dateline(&[
        "query", "--db", db, "--type", "protest", "--format", "jsonl",
    ]);
    assert!(jsonl.status.success(), "{}", stderr(&jsonl));
    let events: Vec<serde_json::Value> = String::from_utf8_lossy(&jsonl.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e["event_type"] == "PROTEST"));

    let out_dir = dir.path().join("out");
    let out_dir = out_dir.to_str().expect("utf-8 path");
    let export = dateline(&["export", "--db", db, "--format", "acled", "-o", out_dir]);
    assert!(export.status.success(), "{}", stderr(&export));
    let acled =
        std::fs::read_to_string(dir.path().join("out/events.acled.csv")).expect("acled file");
    assert!(acled.starts_with(
        "event_date,event_type,sub_event_type,actor1,actor2,country,admin1,location,"
    ));
}

#[test]
fn bad_query_parameters_exit_2_with_a_message() {
    let dir = TempDir::new("bad-parameters");
    let db = dir.path().join("events.db");
    let db = db.to_str().expect("utf-8 path");
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("dir");
    assert!(
        dateline(&["ingest", empty.to_str().expect("path"), "--db", db, "-q"])
            .status
            .success()
    );
    for (args, needle) in [
        (vec!["--type", "RIOT"], "not a PLOVER event type"),
        (vec!["--country", "Kazakhstan"], "alpha-3"),
        (vec!["--since", "2022-02-30x"], "not a date"),
        (vec!["--text", "\"open"], "full-text query"),
        (vec!["--limit", "0"], "limit"),
    ] {
        let mut all = vec!["query", "--db", db];
        all.extend(args.iter().copied());
        let out = dateline(&all);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    let missing = dateline(&["query", "--db", "/nonexistent/events.db"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("cannot open the store"));
}

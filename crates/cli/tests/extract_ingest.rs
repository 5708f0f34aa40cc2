//! `dateline extract` ingestion options: --duplicates, --resume, WARC and
//! feed inputs, the closing summary's counts, and thread-count independence.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const STORY: &str = "Police in the capital arrested twelve protesters on Monday after a march \
    against the new fuel tax turned violent, the interior ministry said in a statement. Officers \
    used tear gas to disperse several hundred people who had gathered outside parliament, and \
    three officers were injured, according to the ministry. Organisers said they would march again \
    on Friday.";

const OTHER: &str = "The central bank raised its main interest rate by half a point on Thursday, \
    its third increase this year, citing inflation that reached nine percent in March. Analysts had \
    expected a smaller move, and the currency rose against the dollar after the announcement.";

/// A scratch directory removed at the end of the test.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("dateline-extract-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
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

fn dateline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
        .args(args)
        .output()
        .expect("run dateline")
}

fn records(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON record per line"))
        .collect()
}

fn stdout_records(out: &Output) -> Vec<Value> {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    records(&String::from_utf8_lossy(&out.stdout))
}

/// Four stories: an original, a re-spaced copy, the same wire copy with
/// other furniture, and an unrelated one.
fn wire_batch(dir: &Path) -> String {
    let lines = [
        serde_json::json!({"id": "orig", "text": STORY, "language": "en"}),
        serde_json::json!({"id": "copy", "text": STORY.replace(". ", ".\n\n"), "language": "en"}),
        serde_json::json!({"id": "site2", "text": format!("Breaking news. {STORY} Read more: subscribe to our newsletter."), "language": "en"}),
        serde_json::json!({"id": "other", "text": OTHER, "language": "en"}),
    ];
    let body: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let path = dir.join("batch.jsonl");
    std::fs::write(&path, body).unwrap();
    path.display().to_string()
}

fn duplicate_of(record: &Value) -> Option<&str> {
    record["doc"]["duplicate_of"].as_str()
}

fn codes(record: &Value) -> Vec<&str> {
    record["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect()
}

#[test]
fn duplicates_are_flagged_by_default() {
    let dir = TempDir::new("flag");
    let batch = wire_batch(dir.path());
    let out = dateline(&["extract", "--no-text", &batch]);
    let recs = stdout_records(&out);
    let ids: Vec<&str> = recs.iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["orig", "copy", "site2", "other"]);
    let flagged: Vec<Option<&str>> = recs.iter().map(duplicate_of).collect();
    assert_eq!(flagged, [None, Some("orig"), Some("orig"), None]);
    assert!(codes(&recs[1]).contains(&"duplicate"));
    assert!(codes(&recs[2]).contains(&"near-duplicate"));
    // --no-text still applies although the text was needed for fingerprints.
    assert!(recs.iter().all(|r| r["doc"].get("text").is_none()));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 duplicates"), "{stderr}");
}

#[test]
fn duplicates_can_be_dropped_or_kept() {
    let dir = TempDir::new("dropkeep");
    let batch = wire_batch(dir.path());
    let dropped = stdout_records(&dateline(&["extract", "-q", "--duplicates", "drop", &batch]));
    let ids: Vec<&str> = dropped.iter().map(|r| r["doc"]["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["orig", "other"]);
    let kept = stdout_records(&dateline(&["extract", "-q", "--duplicates", "keep", &batch]));
    assert_eq!(kept.len(), 4);
    assert!(kept.iter().all(|r| duplicate_of(r).is_none()));
}

#[test]
fn same_duplicates_whatever_the_thread_count() {
    let dir = TempDir::new("threads");
    let batch = wire_batch(dir.path());
    let one = dateline(&["extract", "-q", "-j", "1", &batch]);
    let two = dateline(&["extract", "-q", "-j", "2", &batch]);
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn resume_skips_what_was_written_and_repairs_a_cut_line() {
    let dir = TempDir::new("resume");
    let batch = wire_batch(dir.path());
    let output = dir.path().join("out.jsonl");
    let output_arg = output.display().to_string();
    let full = stdout_records(&dateline(&["extract", "-q", &batch]));
    // An interrupted run: two records written, the third cut mid-line.
    let first_two: String = full.iter().take(2).map(|r| format!("{r}\n")).collect();
    let cut = format!("{first_two}{}", &full[2].to_string()[..40]);
    std::fs::write(&output, cut).unwrap();
    let out = dateline(&["extract", "--resume", "-o", &output_arg, &batch]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let resumed = records(&std::fs::read_to_string(&output).unwrap());
    assert_eq!(resumed, full);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2 already in the output"), "{stderr}");
    // Nothing left to do: a second resume changes nothing.
    let again = dateline(&["extract", "-q", "--resume", "-o", &output_arg, &batch]);
    assert!(again.status.success());
    assert_eq!(records(&std::fs::read_to_string(&output).unwrap()), full);
}

#[test]
fn resume_needs_an_output_file() {
    let dir = TempDir::new("resumeneeds");
    let batch = wire_batch(dir.path());
    let out = dateline(&["extract", "--resume", &batch]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn warc_and_feed_inputs_with_summary_counts() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ingest/sample.warc.gz");
    let dir = TempDir::new("warcfeed");
    let feed = dir.path().join("feed.rss");
    std::fs::write(
        &feed,
        format!(
            "<rss version=\"2.0\"><channel><item><title>Arrests</title><link>https://w.example/1</link>\
             <pubDate>Tue, 05 Mar 2024 08:30:00 GMT</pubDate><description>{}</description></item></channel></rss>",
            STORY
        ),
    )
    .unwrap();
    std::fs::write(dir.path().join(".hidden.html"), "<p>x</p>").unwrap();
    let out = dateline(&["extract", "--no-text", &sample.display().to_string(), &dir.path().display().to_string()]);
    let recs = stdout_records(&out);
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[0]["doc"]["url"], "https://news.example/a");
    assert_eq!(recs[0]["doc"]["fetched"], "2024-03-04T10:00:00Z");
    assert_eq!(recs[2]["doc"]["published"], "2024-03-05");
    assert_eq!(recs[2]["doc"]["title"], "Arrests");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("skipped 5 archive records that are not pages, 1 hidden or special files"),
        "{stderr}"
    );
}

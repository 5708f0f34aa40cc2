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
        let path =
            std::env::temp_dir().join(format!("dateline-extract-{}-{name}", std::process::id()));
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let ids: Vec<&str> = recs
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap())
        .collect();
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

/// `--max-text-bytes` cuts long texts (with a warning) and refuses a useless limit.
#[test]
fn the_text_cap_is_an_option() {
    let dir = TempDir::new("textcap");
    let story = "Police arrested 12 protesters in Paris on Monday.\n\n".repeat(100);
    let path = dir.path().join("long.txt");
    std::fs::write(&path, &story).unwrap();
    let path = path.to_str().unwrap();
    let default = stdout_records(&dateline(&["extract", "--quiet", path]));
    assert!(!codes(&default[0]).contains(&"text-truncated"));
    assert_eq!(
        default[0]["doc"]["text"].as_str().map(str::len),
        Some(story.len())
    );
    let capped = stdout_records(&dateline(&[
        "extract",
        "--quiet",
        "--max-text-bytes",
        "2K",
        path,
    ]));
    assert!(codes(&capped[0]).contains(&"text-truncated"));
    let kept = capped[0]["doc"]["text"].as_str().map_or(0, str::len);
    assert!((1024..=2048).contains(&kept), "{kept}");
    let refused = dateline(&["extract", "--max-text-bytes", "10", path]);
    assert_eq!(refused.status.code(), Some(2));
    let help = dateline(&["extract", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--max-text-bytes"));
}

#[test]
fn duplicates_can_be_dropped_or_kept() {
    let dir = TempDir::new("dropkeep");
    let batch = wire_batch(dir.path());
    let dropped = stdout_records(&dateline(&[
        "extract",
        "-q",
        "--duplicates",
        "drop",
        &batch,
    ]));
    let ids: Vec<&str> = dropped
        .iter()
        .map(|r| r["doc"]["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["orig", "other"]);
    let kept = stdout_records(&dateline(&[
        "extract",
        "-q",
        "--duplicates",
        "keep",
        &batch,
    ]));
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    let out = dateline(&[
        "extract",
        "--no-text",
        &sample.display().to_string(),
        &dir.path().display().to_string(),
    ]);
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

/// A one-record WARC (uncompressed) holding `html` as the response to `uri`.
fn warc_record(uri: &str, html: &str) -> String {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-04T10:00:00Z\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
}

fn origin(record: &Value) -> &str {
    record["doc"]["origin"].as_str().unwrap_or("")
}

fn messages(record: &Value) -> String {
    record["diagnostics"].to_string()
}

#[test]
fn forced_warc_reads_an_archive_that_auto_detection_misses() {
    let dir = TempDir::new("forcewarc");
    // No extension, and a blank line before the first record (as left by some
    // splitting tools): by content it does not open like a WARC.
    let path = dir.path().join("crawl-segment-00042");
    let page = format!(
        "<html><body><article><h1>Fuel tax protest</h1><p>{STORY}</p></article></body></html>"
    );
    std::fs::write(
        &path,
        format!("\r\n{}", warc_record("https://news.example/protest", &page)),
    )
    .unwrap();
    let arg = path.display().to_string();
    let auto = stdout_records(&dateline(&["extract", "-q", "--no-text", &arg]));
    assert_eq!(auto.len(), 1);
    assert!(
        auto[0]["doc"]["url"].is_null(),
        "auto reads the file as one text document"
    );
    let forced = stdout_records(&dateline(&[
        "extract",
        "-q",
        "--no-text",
        "--input",
        "warc",
        &arg,
    ]));
    assert_eq!(forced.len(), 1);
    assert_eq!(forced[0]["doc"]["url"], "https://news.example/protest");
    assert_eq!(forced[0]["doc"]["fetched"], "2024-03-04T10:00:00Z");
    assert_eq!(forced[0]["doc"]["title"], "Fuel tax protest");
}

#[test]
fn forced_feed_reads_items_of_a_feed_saved_as_html() {
    let dir = TempDir::new("forcefeed");
    let path = dir.path().join("saved-feed.html");
    std::fs::write(
        &path,
        format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>\
             <item><title>Arrests</title><link>https://w.example/1</link><description>{STORY}</description></item>\
             <item><title>Rates</title><link>https://w.example/2</link><description>{OTHER}</description></item>\
             </channel></rss>"
        ),
    )
    .unwrap();
    let arg = path.display().to_string();
    // The .html name makes auto detection read it as one page.
    let auto = stdout_records(&dateline(&["extract", "-q", "--no-text", &arg]));
    assert_eq!(auto.len(), 1);
    let forced = stdout_records(&dateline(&[
        "extract",
        "-q",
        "--no-text",
        "--input",
        "feed",
        &arg,
    ]));
    let titles: Vec<&str> = forced
        .iter()
        .map(|r| r["doc"]["title"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(titles, ["Arrests", "Rates"]);
    assert_eq!(forced[1]["doc"]["url"], "https://w.example/2");
    assert_eq!(origin(&forced[1]), format!("{arg}:2"));
}

#[test]
fn forcing_the_wrong_container_is_a_diagnostic_not_a_failure() {
    let dir = TempDir::new("wrongforce");
    let story = dir.path().join("story.txt");
    std::fs::write(&story, STORY).unwrap();
    let arg = story.display().to_string();
    for format in ["warc", "feed"] {
        let recs = stdout_records(&dateline(&[
            "extract",
            "-q",
            "--no-text",
            "--input",
            format,
            &arg,
        ]));
        assert_eq!(recs.len(), 1, "{format}");
        assert!(
            messages(&recs[0]).contains("story.txt"),
            "{format}: {}",
            messages(&recs[0])
        );
    }
}

#[test]
fn broken_inputs_are_named_and_the_batch_goes_on() {
    use std::io::Write;
    let dir = TempDir::new("broken");
    let sample = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/ingest/sample.warc.gz"),
    )
    .unwrap();
    // A WARC.gz cut mid-way, as left by an interrupted download.
    std::fs::write(
        dir.path().join("a-cut.warc.gz"),
        &sample[..sample.len() * 2 / 3],
    )
    .unwrap();
    // A gzipped JSON Lines file cut mid-way.
    let lines: String = (0..200)
        .map(|i| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("j{i}"), "text": format!("{i}. {STORY}")})
            )
        })
        .collect();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(lines.as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(dir.path().join("b-cut.jsonl.gz"), &gz[..gz.len() / 2]).unwrap();
    // A page nested 100,000 deep, and binary junk.
    let deep = format!(
        "<html><body>{}<p>{STORY}</p></body></html>",
        "<div>".repeat(100_000)
    );
    std::fs::write(dir.path().join("c-deep.html"), deep).unwrap();
    let junk: Vec<u8> = (0..2_000_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(dir.path().join("d-junk.bin"), junk).unwrap();
    std::fs::write(dir.path().join("e-good.txt"), OTHER).unwrap();

    let out = dateline(&["extract", "--no-text", &dir.path().display().to_string()]);
    let recs = stdout_records(&out);
    let origins: Vec<&str> = recs.iter().map(origin).collect();
    let with_code = |code: &str| {
        recs.iter()
            .filter(|r| codes(r).contains(&code))
            .collect::<Vec<_>>()
    };
    let cut_warc = with_code("truncated-gzip");
    assert!(
        cut_warc
            .iter()
            .any(|r| origin(r).contains("a-cut.warc.gz:") && messages(r).contains("a-cut.warc.gz")),
        "{recs:?}"
    );
    assert!(
        cut_warc
            .iter()
            .any(|r| origin(r).contains("b-cut.jsonl.gz:")),
        "{origins:?}"
    );
    // The JSON lines before the cut are all there.
    assert!(
        recs.iter()
            .filter(|r| origin(r).contains("b-cut.jsonl.gz:"))
            .count()
            > 10
    );
    let deep = recs
        .iter()
        .find(|r| origin(r).ends_with("c-deep.html"))
        .unwrap();
    assert!(codes(deep).contains(&"deep-nesting"), "{}", messages(deep));
    let junk = recs
        .iter()
        .find(|r| origin(r).ends_with("d-junk.bin"))
        .unwrap();
    assert!(codes(junk).contains(&"binary-input"), "{}", messages(junk));
    // The last input is read as if nothing had happened before it.
    let last = recs.last().unwrap();
    assert!(origin(last).ends_with("e-good.txt"));
    assert!(
        codes(last).is_empty() || !messages(last).contains("error"),
        "{}",
        messages(last)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{} documents", recs.len())),
        "{stderr}"
    );
    assert!(!stderr.contains("0 with errors"), "{stderr}");
    // The summary names each failed document with its file and record.
    assert!(
        stderr.contains("dateline: failed: ") && stderr.contains("d-junk.bin: binary-input"),
        "{stderr}"
    );
    assert!(
        stderr
            .lines()
            .any(|l| l.contains("a-cut.warc.gz:") && l.contains("truncated-gzip")),
        "{stderr}"
    );
}

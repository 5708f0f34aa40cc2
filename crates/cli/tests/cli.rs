//! The `dateline` binary as a user runs it: exit codes, messages, order, ids,
//! and records that validate whatever the input.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn dateline() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dateline"))
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/stories")
}

fn run_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = dateline()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dateline");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("run dateline");
    writer.join().expect("stdin writer");
    out
}

fn records_of(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("every stdout line is a JSON record"))
        .collect()
}

fn assert_valid(records: &[Value]) {
    for record in records {
        if let Err(errors) = dateline_eval::schema::validate(record) {
            panic!(
                "record breaks the schema: {:?}",
                errors.iter().map(|e| e.to_string()).collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn missing_file_is_a_one_line_error_and_exit_1() {
    let out = dateline()
        .args(["extract", "no/such/story.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.trim(),
        "dateline: cannot read 'no/such/story.txt': No such file or directory"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let out = dateline()
        .args(["extract", "--date", "10/01/2022", "x.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let out = dateline().args(["extract"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_directory_gives_one_valid_record_per_story_in_name_order() {
    let out = dateline()
        .args(["extract", "--quiet"])
        .arg(examples())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = records_of(&out);
    let mut names: Vec<String> = std::fs::read_dir(examples())
        .expect("examples")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    assert_eq!(records.len(), names.len());
    for (record, name) in records.iter().zip(&names) {
        let origin = record["doc"]["origin"].as_str().unwrap_or("");
        assert!(origin.ends_with(name.as_str()), "{origin} is not {name}");
    }
    assert_valid(&records);
}

#[test]
fn jsonl_batch_keeps_ids_and_order_and_survives_bad_lines() {
    let batch = concat!(
        r#"{"id":"a","text":"PARIS (Reuters) - Police arrested 12 protesters on Monday.","published":"2023-03-06","language":"en"}"#,
        "\n",
        "{not json\n",
        "\n",
        r#"{"id":"c","html":"<html><body><h1>Titre</h1><p>Des manifestants ont défilé à Lyon.</p></body></html>"}"#,
        "\n",
    );
    let out = run_with_stdin(
        &["extract", "--quiet", "--input", "jsonl", "-"],
        batch.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = records_of(&out);
    assert_eq!(
        records.len(),
        3,
        "one record per non-blank line, bad ones included"
    );
    assert_eq!(records[0]["doc"]["id"], "a");
    assert_eq!(records[0]["doc"]["published"], "2023-03-06");
    assert_eq!(records[2]["doc"]["id"], "c");
    let bad = &records[1]["diagnostics"];
    let message = bad
        .as_array()
        .and_then(|d| d.iter().find(|d| d["code"] == "bad-jsonl"))
        .expect("bad-jsonl diagnostic");
    assert!(
        message["message"].as_str().unwrap_or("").contains("line 2"),
        "{message}"
    );
    assert_valid(&records);
}

#[test]
fn date_flag_resolves_the_year_of_a_dateline() {
    let story = b"Protesters return to Bamako\n\nBAMAKO, Jan. 5 (Reuters) - Thousands marched again on Wednesday.\n";
    let out = run_with_stdin(&["extract", "--quiet", "--date", "2022-01-06", "-"], story);
    let records = records_of(&out);
    assert_eq!(records[0]["doc"]["published"], "2022-01-06");
    assert_eq!(records[0]["doc"]["dateline"]["date"], "2022-01-05");
    let out = run_with_stdin(&["extract", "--quiet", "-"], story);
    let records = records_of(&out);
    assert_eq!(
        records[0]["doc"]["dateline"]["date"], "--01-05",
        "no year invented without a date"
    );
}

#[test]
fn junk_and_invalid_utf8_become_diagnostics_not_failures() {
    let mut junk = vec![0u8, 159, 146, 150, 0, 0, 255, 254];
    junk.extend(std::iter::repeat_n(0u8, 4096));
    let out = run_with_stdin(&["extract", "--quiet", "-"], &junk);
    assert!(out.status.success());
    let records = records_of(&out);
    assert_eq!(records.len(), 1);
    assert!(records[0]["diagnostics"]
        .as_array()
        .is_some_and(|d| !d.is_empty()));
    assert_valid(&records);

    let out = run_with_stdin(
        &["extract", "--quiet", "--lang", "fr", "-"],
        b"Le pr\xe9sident a dit oui.\n",
    );
    let records = records_of(&out);
    let codes: Vec<&str> = records[0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"invalid-utf8"), "{codes:?}");
    assert_valid(&records);
}

#[test]
fn a_50_mb_single_line_is_read() {
    let line = "word ".repeat(10 * 1024 * 1024);
    let out = run_with_stdin(
        &["extract", "--quiet", "--no-text", "--lang", "en", "-"],
        line.as_bytes(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = records_of(&out);
    assert_eq!(records.len(), 1);
    assert!(
        records[0]["doc"].get("text").is_none(),
        "--no-text leaves the text out"
    );
}

#[test]
fn unsupported_language_still_gives_a_valid_record() {
    // Portuguese: Spanish became a supported language.
    let story = "Milhares de estudantes marcharam nesta quinta-feira pelo centro de Lisboa para exigir uma reforma do ensino.\n";
    let out = run_with_stdin(&["extract", "--quiet", "-"], story.as_bytes());
    let records = records_of(&out);
    assert_eq!(records[0]["doc"]["language"], "pt");
    let codes: Vec<&str> = records[0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"language-unsupported"), "{codes:?}");
    assert_valid(&records);
}

#[test]
fn schema_command_prints_the_schema() {
    let out = dateline().arg("schema").output().expect("run");
    let schema: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["properties"]["schema"]["const"], "dateline/1");
}

#[test]
fn depth_entities_reads_entities_only_and_says_so() {
    let story = b"PARIS (Reuters) - Police arrested 12 protesters in Paris on Monday, the interior ministry said.";
    let full = records_of(&run_with_stdin(
        &["extract", "--quiet", "--lang", "en", "-"],
        story,
    ));
    let shallow = records_of(&run_with_stdin(
        &[
            "extract", "--quiet", "--lang", "en", "--depth", "entities", "-",
        ],
        story,
    ));
    assert_valid(&shallow);
    assert_eq!(shallow[0]["entities"], full[0]["entities"]);
    assert_eq!(shallow[0]["places"], full[0]["places"]);
    assert!(!full[0]["events"].as_array().expect("events").is_empty());
    assert!(shallow[0]["events"].as_array().expect("events").is_empty());
    let codes: Vec<&str> = shallow[0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"readers-skipped"), "{codes:?}");
}

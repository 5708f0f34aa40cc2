//! What quote reading costs next to the whole reading pipeline. Prints the
//! figures with `--nocapture`; meaningful in release builds:
//! `cargo test --release -p dateline-read --test quotes_throughput -- --nocapture`.

use std::time::{Duration, Instant};

use dateline_model::{Document, Reading};

fn corpus() -> Vec<(String, String)> {
    let mut docs = Vec::new();
    for (lang, file) in [
        ("fr", "quotes-fr.gold.jsonl"),
        ("en", "quotes-en.gold.jsonl"),
        ("en", "entities-en.gold.jsonl"),
        ("fr", "entities-fr.gold.jsonl"),
    ] {
        let path = format!("{}/../../testdata/gold/{file}", env!("CARGO_MANIFEST_DIR"));
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).expect("gold JSON");
            if let Some(input) = value["input"].as_str() {
                docs.push((lang.to_string(), input.to_string()));
            }
        }
    }
    docs
}

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

#[test]
fn quote_reading_is_a_small_share_of_the_pipeline() {
    let docs = corpus();
    assert!(!docs.is_empty(), "no gold documents to time");
    let rounds = if cfg!(debug_assertions) { 2 } else { 50 };
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum::<usize>() * rounds;
    let mut pipeline = Duration::ZERO;
    let mut quotes_only = Duration::ZERO;
    for _ in 0..rounds {
        for (lang, text) in &docs {
            let started = Instant::now();
            let mut reading = read(lang, text);
            pipeline += started.elapsed();
            let cx = dateline_read::Context {
                lang: lang.clone(),
                supported: true,
                folded: dateline_text::fold(text),
            };
            let before = std::mem::take(&mut reading.quotes);
            let started = Instant::now();
            dateline_read::quotes::read(&mut reading, &cx);
            quotes_only += started.elapsed();
            // Reading again from the same layers gives the same quotes.
            assert_eq!(reading.quotes, before);
        }
    }
    let mb = bytes as f64 / 1e6;
    let with = mb / pipeline.as_secs_f64();
    let without = mb / (pipeline.saturating_sub(quotes_only)).as_secs_f64();
    println!(
        "{} docs x {rounds}, {mb:.2} MB: pipeline {with:.2} MB/s with quotes, {without:.2} MB/s without; quotes alone {:.1} MB/s ({:.1}% of the time)",
        docs.len(),
        mb / quotes_only.as_secs_f64(),
        100.0 * quotes_only.as_secs_f64() / pipeline.as_secs_f64()
    );
}

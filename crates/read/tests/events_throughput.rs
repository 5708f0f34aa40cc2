//! Throughput of the whole reading pipeline and of the casualty + event readers'
//! share of it, on the English article bodies of ../shared/eval/dev/html-articles
//! plus the seed and PLOVER sentences. Ignored by default (timing in debug builds
//! means nothing): `cargo test --release -p dateline-read --test events_throughput -- --ignored --nocapture`.

use dateline_model::Document;
use std::time::Instant;

fn corpus() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/dev");
    let mut docs = Vec::new();
    if let Ok(text) = std::fs::read_to_string(format!("{root}/html-articles/ground-truth.json")) {
        let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        for body in v.as_object().into_iter().flat_map(|o| o.values()) {
            if let Some(b) = body["articleBody"].as_str() {
                docs.push(("en".to_string(), b.to_string()));
            }
        }
    }
    for name in ["seed.gold.jsonl", "plover-gsr.gold.jsonl"] {
        if let Ok(text) = std::fs::read_to_string(format!("{root}/{name}")) {
            for line in text.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                if let (Some(lang), Some(input)) = (v["lang"].as_str(), v["input"].as_str()) {
                    docs.push((lang.to_string(), input.to_string()));
                }
            }
        }
    }
    docs
}

#[test]
#[ignore]
fn pipeline_throughput() {
    let docs = corpus();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let rounds = 5;
    let start = Instant::now();
    let mut events = 0;
    let mut casualties = 0;
    for _ in 0..rounds {
        for (lang, text) in &docs {
            let mut d = Document::new("t", text.clone());
            d.meta.language = Some(lang.clone());
            let r = dateline_read::read(d);
            events += r.events.len();
            casualties += r.casualties.len();
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "{} docs, {:.2} MB x {rounds}: {:.2} s, {:.2} MB/s whole pipeline; {} events, {} casualties per round",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        mb / secs,
        events / rounds,
        casualties / rounds
    );
}

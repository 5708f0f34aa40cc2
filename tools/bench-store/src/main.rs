//! Ingest benchmark: generates news-like stories from the templates in
//! testdata/store, reads them with the engine and stores them, kills the
//! writer with SIGKILL halfway, resumes, and checks the store holds exactly
//! every story. Prints throughput, database size per document and query latency.
//!
//! cargo run --release -p dateline-bench-store -- --docs 100000 [--batch 256] [--db FILE]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use dateline::{Engine, RawDoc};
use dateline_store::{EventFilter, Store};

const TEMPLATES: &str = include_str!("../../../testdata/store/templates.tsv");
const FILLERS: &str = include_str!("../../../testdata/store/fillers.tsv");

struct Generator {
    templates: Vec<(String, String)>,
    fillers: Vec<(String, String, String)>,
}

fn data_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Generator {
    fn new() -> Self {
        let templates = data_rows(TEMPLATES)
            .filter_map(|r| Some((r.first()?.to_string(), r.get(1)?.replace("\\n", "\n"))))
            .collect();
        let fillers = data_rows(FILLERS)
            .filter_map(|r| {
                Some((
                    r.first()?.to_string(),
                    r.get(1)?.to_string(),
                    r.get(2)?.to_string(),
                ))
            })
            .collect();
        Generator { templates, fillers }
    }

    fn choices(&self, slot: &str, lang: &str) -> Vec<&str> {
        self.fillers
            .iter()
            .filter(|(s, l, _)| s == slot && l == lang)
            .map(|(_, _, v)| v.as_str())
            .collect()
    }

    /// Story `i`: template and place and a number decompose `i`, so every story
    /// is distinct; the other slots vary by a hash of `i`.
    fn story(&self, i: usize) -> RawDoc {
        let (lang, template) = &self.templates[i % self.templates.len()];
        let rest = i / self.templates.len();
        let places = self.choices("place", lang);
        let place = places[rest % places.len()];
        let n = 2 + rest / places.len();
        let mix = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 16;
        let pick = |slot: &str, salt: u64| {
            let options = self.choices(slot, lang);
            options[((mix >> salt) as usize) % options.len()].to_string()
        };
        let text = template
            .replace("{place}", place)
            .replace("{PLACE}", &place.to_uppercase())
            .replace("{n}", &n.to_string())
            .replace("{m}", &(1 + mix % 40).to_string())
            .replace("{actor}", &pick("actor", 3))
            .replace("{target}", &pick("target", 7))
            .replace("{weekday}", &pick("weekday", 11))
            .replace("{agency}", &pick("agency", 13))
            .replace("{official}", &pick("official", 17));
        let published = format!(
            "{}-{:02}-{:02}",
            2022 + (i / 336) % 2,
            1 + i % 12,
            1 + (i / 12) % 28
        );
        RawDoc {
            language: Some(lang.clone()),
            published: Some(published),
            url: Some(format!("https://news.example/{i}")),
            ..RawDoc::new(format!("generated:{i}"), text.into_bytes())
        }
    }
}

#[derive(Default, Debug)]
struct Run {
    read: usize,
    already_stored: usize,
    stored: usize,
    duplicates: usize,
    extract_secs: f64,
    insert_secs: f64,
    record_bytes: usize,
}

/// What `dateline ingest` does: skip stored ids, read a batch on all cores, store it in one transaction.
fn ingest(db: &Path, docs: usize, batch: usize, mut progress: impl FnMut(&Run)) -> Run {
    let generator = Generator::new();
    let engine = Engine::default();
    let mut store = Store::open(db).expect("open store");
    let mut run = Run::default();
    let mut pending = Vec::with_capacity(batch);
    for i in 0..docs {
        let raw = generator.story(i);
        run.read += 1;
        if store.contains(&dateline_ingest_id(&raw)).expect("lookup") {
            run.already_stored += 1;
            continue;
        }
        pending.push(raw);
        if pending.len() == batch || i + 1 == docs {
            let started = Instant::now();
            let records = engine.extract_batch(std::mem::take(&mut pending));
            run.extract_secs += started.elapsed().as_secs_f64();
            run.record_bytes += records
                .iter()
                .map(|r| r.to_string().len() + 1)
                .sum::<usize>();
            let started = Instant::now();
            let outcome = store.insert_batch(records).expect("insert");
            run.insert_secs += started.elapsed().as_secs_f64();
            run.stored += outcome.stored;
            run.duplicates += outcome.duplicates;
            progress(&run);
        }
    }
    if !pending.is_empty() {
        let records = engine.extract_batch(pending);
        let outcome = store.insert_batch(records).expect("insert");
        run.stored += outcome.stored;
        run.duplicates += outcome.duplicates;
    }
    run
}

/// The engine's id for a document without one: sha256 of the raw body, first 16 hex.
fn dateline_ingest_id(raw: &RawDoc) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(&raw.body)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn stored_documents(db: &Path) -> u64 {
    Store::open_read_only(db)
        .and_then(|s| s.stats())
        .map(|s| s.documents)
        .unwrap_or(0)
}

/// User + system CPU time of this process (Linux /proc; 0 elsewhere): on a
/// shared machine wall time alone mixes in other people's load.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses and may hold spaces).
    let after = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name; 100 ticks per second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

fn arg<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> T {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn median_ms(mut samples: Vec<f64>) -> (f64, f64) {
    samples.sort_by(f64::total_cmp);
    let p = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize] * 1000.0;
    (p(0.5), p(0.95))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let docs: usize = arg(&args, "--docs", 100_000);
    let batch: usize = arg(&args, "--batch", 256);
    let db: PathBuf = arg(&args, "--db", PathBuf::from("target/bench-store/events.db"));

    if args.iter().any(|a| a == "--child") {
        // The writer that gets killed: progress on stdout for the parent to watch.
        ingest(&db, docs, batch, |run| {
            println!("stored {}", run.stored + run.already_stored)
        });
        return;
    }

    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir).expect("create db directory");
    }
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!(
        "ingest benchmark: {docs} generated documents, batches of {batch}, {}",
        db.display()
    );

    // 1. A child writes until half the documents are in, then gets SIGKILL.
    let kill_at = docs / 2;
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().expect("own path"))
        .args([
            "--child",
            "--docs",
            &docs.to_string(),
            "--batch",
            &batch.to_string(),
            "--db",
        ])
        .arg(&db)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn child");
    let stdout = child.stdout.take().expect("child stdout");
    let mut last_print = 0;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        let stored: usize = line.trim_start_matches("stored ").parse().unwrap_or(0);
        if stored >= last_print + docs / 20 {
            last_print = stored;
            let secs = started.elapsed().as_secs_f64();
            println!(
                "  child: {stored} stored, {:.0} docs/s",
                stored as f64 / secs
            );
        }
        if stored >= kill_at {
            child.kill().expect("SIGKILL the child");
            break;
        }
    }
    let status = child.wait().expect("wait child");
    let child_secs = started.elapsed().as_secs_f64();
    let after_kill = stored_documents(&db);
    println!(
        "killed the writer with SIGKILL ({status}) after {child_secs:.1} s: {after_kill} documents in the store ({:.0} docs/s)",
        after_kill as f64 / child_secs
    );

    // 2. Resume: stored documents are skipped before reading.
    let started = Instant::now();
    let run = ingest(&db, docs, batch, |run| {
        if run.stored % (docs / 20).max(1) < batch {
            println!(
                "  resume: {} stored, {} skipped",
                run.stored, run.already_stored
            );
        }
    });
    let resume_secs = started.elapsed().as_secs_f64();
    let store = Store::open(&db).expect("reopen");
    let stats = store.stats().expect("stats");
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .expect("checkpoint");
    let bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!(
        "resumed in {resume_secs:.1} s: read {} ({} already stored, skipped without reading), stored {}, duplicates {}",
        run.read, run.already_stored, run.stored, run.duplicates
    );
    println!(
        "  reading {:.1} s ({:.0} docs/s on the engine), storing {:.1} s ({:.0} docs/s into SQLite)",
        run.extract_secs,
        run.stored as f64 / run.extract_secs.max(1e-9),
        run.insert_secs,
        run.stored as f64 / run.insert_secs.max(1e-9)
    );
    println!("store: {stats:?}");
    let exact = stats.documents == docs as u64;
    println!(
        "exactly {docs} documents after kill -9 and resume: {}",
        if exact { "YES" } else { "NO" }
    );
    println!(
        "database {:.1} MB, {:.0} bytes per document (the records as JSON Lines: {:.0} bytes per document)",
        bytes as f64 / 1e6,
        bytes as f64 / stats.documents.max(1) as f64,
        run.record_bytes as f64 / run.stored.max(1) as f64
    );

    // 3. The store alone: the same records into a fresh file, no engine in the loop.
    let mut exported = Vec::new();
    dateline_store::export::write_jsonl(&store, &mut exported).expect("export records");
    let records: Vec<serde_json::Value> = exported
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("json"))
        .collect();
    let fresh = db.with_extension("insert-only.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
    }
    let mut fresh_store = Store::open(&fresh).expect("fresh store");
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut chunks = records.into_iter().peekable();
    while chunks.peek().is_some() {
        let chunk: Vec<_> = chunks.by_ref().take(batch).collect();
        fresh_store.insert_batch(chunk).expect("insert");
    }
    let insert_secs = started.elapsed().as_secs_f64();
    let insert_cpu = cpu_seconds() - cpu_before;
    println!(
        "store only: {} records inserted in {insert_secs:.2} s wall, {:.0} docs/s; {insert_cpu:.2} s CPU, {:.0} docs per CPU second (batches of {batch}, one transaction each)",
        stats.documents,
        stats.documents as f64 / insert_secs.max(1e-9),
        stats.documents as f64 / insert_cpu.max(1e-9)
    );
    drop(fresh_store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", fresh.display()));
    }

    // 4. Query latency on the full store.
    let queries: Vec<(&str, EventFilter)> = vec![
        (
            "country+type, 100 rows",
            EventFilter {
                country: Some("MLI".into()),
                event_type: Some("ASSAULT".into()),
                ..Default::default()
            },
        ),
        (
            "date range, 100 rows",
            EventFilter {
                since: Some("2022-03".into()),
                until: Some("2022-04".into()),
                ..Default::default()
            },
        ),
        (
            "actor words, 100 rows",
            EventFilter {
                actor: Some("police".into()),
                ..Default::default()
            },
        ),
        (
            "full text, 100 rows",
            EventFilter {
                text: Some("convoi OR convoy".into()),
                ..Default::default()
            },
        ),
    ];
    for (name, filter) in &queries {
        let mut samples = Vec::new();
        let mut rows = 0;
        for _ in 0..20 {
            let started = Instant::now();
            rows = store.events(filter).expect("query").len();
            samples.push(started.elapsed().as_secs_f64());
        }
        let total = store.count_events(filter).expect("count");
        let (median, p95) = median_ms(samples);
        println!("query {name}: {rows} of {total} events, median {median:.2} ms, p95 {p95:.2} ms");
    }
    if !exact {
        std::process::exit(1);
    }
}

//! `dateline ingest`: read stories and keep their records in the store.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::input_options::{check_lang, parse_byte_count, parse_date, Format, MAX_TEXT_BYTES_HELP};
use crate::progress::progress_bar;
use anyhow::{Context as _, Result};
use clap::Parser;
use dateline::model::{Level, PartialDate};
use dateline::{Depth, Engine, IngestOptions, InputFormat, Inputs, RawDoc, RecordOptions};
use dateline_store::{BatchOutcome, Store};
use indicatif::ProgressBar;

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline ingest news/ --db events.db
  dateline ingest --input jsonl --db events.db - < batch.jsonl
  dateline ingest --date 2022-01-10 --lang fr --db events.db story.txt
  dateline ingest --input warc --db events.db CC-NEWS-20240301-00001   (WARC, any name)
  dateline ingest --input feed --db events.db feeds/*.xml              (RSS/Atom, any name)

Ingestion is idempotent and resumable: a story already in the store (same id, or the
same text under another id) is skipped, so re-running after an interruption only reads
what is missing. Each batch is one transaction: a crash loses at most the batch in
flight, never part of a story. Query the file with `dateline query` or any SQLite client.

A document that cannot be read (bad encoding, truncated .gz or WARC, binary junk) is stored
with its diagnostics naming its file and record, and the run goes on. Exit status: 0 when the
run went through; 1 when an input path or the store cannot be opened or written; 2 on a
usage error.")]
pub struct Args {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// The store file (created if missing).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,

    /// How to read the inputs.
    #[arg(long = "input", value_enum, default_value = "auto")]
    format: Format,

    /// Publication date (YYYY-MM-DD) for documents that do not give one.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<PartialDate>,

    /// Language of every document (ISO 639-1, e.g. fr), instead of detecting it.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,

    #[arg(long, value_name = "BYTES", default_value = "1M", value_parser = parse_byte_count,
          help = MAX_TEXT_BYTES_HELP)]
    max_text_bytes: usize,

    /// Documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    batch: u32,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,

    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,
}

#[derive(Default)]
struct Tally {
    read: usize,
    /// Known ids, skipped before reading.
    known: usize,
    store: BatchOutcome,
    with_errors: usize,
    /// The first documents with an error, named in the summary.
    failures: Vec<String>,
}

pub fn run(args: Args) -> Result<()> {
    check_lang(args.lang.as_deref())?;
    let format = InputFormat::from(args.format);
    let mut store = Store::open(&args.db)
        .with_context(|| format!("cannot open the store '{}'", args.db.display()))?;
    let inputs = Inputs::open(&args.inputs, format)?;
    let engine = Engine {
        ingest: IngestOptions {
            language_override: args.lang.clone(),
            max_text_bytes: args.max_text_bytes,
            ..IngestOptions::default()
        },
        record: RecordOptions { no_text: false },
        depth: Depth::Events,
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = args.threads {
        builder = builder.num_threads(threads.max(1));
    }
    let pool = builder.build().context("cannot start worker threads")?;

    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let mut tally = Tally::default();
    let batch_size = args.batch as usize;
    let mut batch: Vec<RawDoc> = Vec::with_capacity(batch_size);
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        for mut raw in inputs.by_ref() {
            tally.read += 1;
            // The id the engine would give it: a story already stored is not read again.
            let id = match raw.id.as_deref().map(str::trim) {
                Some(id) if !id.is_empty() => id.to_string(),
                _ => dateline_ingest::content_id(&raw.body),
            };
            if store.contains(&id)? {
                tally.known += 1;
                continue;
            }
            if raw.published.is_none() {
                raw.published = args.date.map(|d| d.to_string());
            }
            batch.push(raw);
            if batch.len() >= batch_size {
                break;
            }
        }
        if batch.is_empty() {
            continue;
        }
        let records = pool.install(|| engine.extract_batch(std::mem::take(&mut batch)));
        for record in records.iter().filter(|r| has_error(r)) {
            tally.with_errors += 1;
            if tally.failures.len() < crate::extract::FAILURES_LISTED {
                tally.failures.extend(crate::extract::first_error(record));
            }
        }
        tally.store += store
            .insert_batch(records)
            .context("cannot write to the store")?;
        update_progress(&progress, &tally, started.elapsed());
    }
    progress.finish_and_clear();
    if !args.quiet {
        let secs = started.elapsed().as_secs_f64().max(1e-9);
        eprintln!(
            "dateline: read {} documents in {:.2} s ({:.0} docs/s): {} stored, {} skipped as duplicates, {} with errors{}",
            tally.read,
            secs,
            tally.read as f64 / secs,
            tally.store.stored,
            tally.known + tally.store.duplicates,
            tally.with_errors,
            if tally.store.rejected > 0 { format!(", {} rejected", tally.store.rejected) } else { String::new() },
        );
        for failure in &tally.failures {
            eprintln!("dateline: failed: {failure}");
        }
        if tally.with_errors > tally.failures.len() {
            eprintln!(
                "dateline: ... and {} more documents with errors (see their diagnostics in the store)",
                tally.with_errors - tally.failures.len()
            );
        }
    }
    Ok(())
}

fn has_error(record: &serde_json::Value) -> bool {
    record["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["level"].as_str() == Some(Level::Error.as_str()))
}

fn update_progress(bar: &ProgressBar, tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    bar.set_message(format!(
        "{} read, {} stored, {} duplicates, {:.0} docs/s",
        tally.read,
        tally.store.stored,
        tally.known + tally.store.duplicates,
        tally.read as f64 / secs
    ));
}

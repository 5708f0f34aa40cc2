//! `dateline extract`: inputs in, one JSON record per document out.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::input_options::{check_lang, parse_byte_count, parse_date, Format, MAX_TEXT_BYTES_HELP};
use crate::progress::progress_bar;
use anyhow::{bail, Context as _, Result};
use clap::{Parser, ValueEnum};
use dateline::model::{Diagnostic, Level, PartialDate, Reading};
use dateline::{Depth, Engine, IngestOptions, InputFormat, Inputs, RawDoc, RecordOptions};
use dateline_ingest::{Deduplicator, Fingerprint};
use indicatif::ProgressBar;
use rayon::prelude::*;

/// Documents read ahead and processed in parallel at a time: bounds memory
/// while keeping every core busy; output order is input order.
const BATCH_DOCS: usize = 256;
/// A batch is also cut when its raw bytes pass this, so huge documents do not pile up.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

/// What to do with a document that repeats an earlier one of the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Duplicates {
    /// Write it as any other document.
    Keep,
    /// Write it with `doc.duplicate_of` and a `duplicate`/`near-duplicate` diagnostic.
    Flag,
    /// Leave it out of the output (counted in the summary).
    Drop,
}

/// How far to read, as the command line names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum DepthArg {
    /// Metadata, the text layer, entities and places.
    Entities,
    /// The above and quotes.
    Quotes,
    /// Every reader (the default).
    Events,
}

impl From<DepthArg> for Depth {
    fn from(arg: DepthArg) -> Self {
        match arg {
            DepthArg::Entities => Depth::Entities,
            DepthArg::Quotes => Depth::Quotes,
            DepthArg::Events => Depth::Events,
        }
    }
}

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline extract story.txt
  dateline extract --date 2022-01-10 --lang fr story.txt
  dateline extract --input jsonl - < batch.jsonl > records.jsonl
  dateline extract --pretty examples/stories/fr-bamako-manifestation.txt
  dateline extract --depth entities --input jsonl corpus.jsonl   (entities and places only: faster)
  dateline extract --duplicates drop -o records.jsonl CC-NEWS-20240301.warc.gz feeds/
  dateline extract --resume -o records.jsonl pages/     (after an interrupted run)
  dateline extract --input warc -o records.jsonl crawl-segment-00042   (a WARC without its extension)
  dateline extract --input feed saved-feeds/lemonde-international.xml  (an RSS/Atom feed saved as .xml)

Records come out in input order, one JSON object per line. A document that cannot be read
(invalid UTF-8, binary junk, a truncated .gz or WARC, a malformed JSON line, a page nested
100,000 deep) becomes a record whose diagnostics name its file and record (`file:LINE` for JSON
Lines, `file:RECORD` for WARC, `file:ITEM` for feeds), and the batch goes on; a summary of what
was read, skipped and failed goes to standard error.

Exit status: 0 when the run went through, even if some documents carry error diagnostics
(count them with the summary or `jq`); 1 when an input path cannot be opened at all or the
output cannot be written; 2 on a usage error.")]
pub struct Args {
    /// Files, directories (read recursively) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// How to read the inputs.
    #[arg(long = "input", value_enum, default_value = "auto")]
    format: Format,

    /// Publication date (YYYY-MM-DD) for documents that do not give one; relative
    /// dates ("yesterday", "lundi") are resolved against it.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<PartialDate>,

    /// Language of every document (ISO 639-1, e.g. fr), instead of detecting it.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,

    #[arg(long, value_name = "BYTES", default_value = "1M", value_parser = parse_byte_count,
          help = MAX_TEXT_BYTES_HELP)]
    max_text_bytes: usize,

    /// Leave the document text out of the records (offsets still point into it).
    #[arg(long)]
    no_text: bool,

    /// How far to read: `entities` (metadata, dates, entities and places), `quotes` (and
    /// quotes) or `events` (every reader). Skipped layers are empty and a `readers-skipped`
    /// diagnostic says so
    #[arg(long, value_enum, default_value = "events")]
    depth: DepthArg,

    /// Indent the JSON (one record then spans several lines).
    #[arg(long)]
    pretty: bool,

    /// Write the records to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Worker threads (default: all cores).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,

    /// No progress bar and no summary on standard error.
    #[arg(short, long)]
    quiet: bool,

    /// Documents repeating an earlier one (same text, or the same story with other
    /// page furniture): keep, flag with the first copy's id, or drop.
    #[arg(long, value_enum, default_value = "flag")]
    duplicates: Duplicates,

    /// Continue an interrupted run: keep the records already in the --output file (a
    /// cut-off last line is removed), skip documents whose id is there, append the rest.
    #[arg(long, requires = "output")]
    resume: bool,
}

/// What a run read, for the closing summary.
#[derive(Default)]
struct Tally {
    documents: usize,
    bytes: usize,
    with_errors: usize,
    with_warnings: usize,
    /// Archive records that are not pages (WARC requests, images...).
    skipped_records: usize,
    /// Hidden entries, symlinked directories and special files left out of directories.
    skipped_entries: usize,
    duplicates: usize,
    /// Documents whose id was already in the output (`--resume`).
    already_done: usize,
    /// "origin: code: message" of the first documents with an error, for the summary.
    failures: Vec<String>,
}

/// Failed documents named one by one in the summary; the rest are counted.
pub(crate) const FAILURES_LISTED: usize = 10;

/// "origin: code: message" of a record's first error, to name it in a summary.
pub(crate) fn first_error(record: &serde_json::Value) -> Option<String> {
    let d = record["diagnostics"]
        .as_array()?
        .iter()
        .find(|d| d["level"].as_str() == Some(Level::Error.as_str()))?;
    Some(format!(
        "{}: {}: {}",
        record["doc"]["origin"].as_str().unwrap_or("?"),
        d["code"].as_str().unwrap_or(""),
        d["message"].as_str().unwrap_or("")
    ))
}

pub fn run(args: Args) -> Result<()> {
    check_lang(args.lang.as_deref())?;
    let format = InputFormat::from(args.format);
    let inputs = Inputs::open(&args.inputs, format)?;
    let engine = Engine {
        ingest: IngestOptions {
            language_override: args.lang.clone(),
            max_text_bytes: args.max_text_bytes,
            ..IngestOptions::default()
        },
        record: RecordOptions {
            no_text: args.no_text,
        },
        depth: args.depth.into(),
    };
    if args.resume && args.pretty {
        bail!("--resume needs one record per line; it cannot be used with --pretty");
    }
    let mut dedup = (args.duplicates != Duplicates::Keep).then(Deduplicator::default);
    let mut done_ids = HashSet::new();
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) if args.resume => {
            done_ids = resume_output(path, dedup.as_mut())?;
            let file = OpenOptions::new()
                .append(true)
                .open(path)
                .with_context(|| format!("cannot write '{}'", path.display()))?;
            Box::new(BufWriter::new(file))
        }
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot write '{}'", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(threads) = args.threads {
        builder = builder.num_threads(threads.max(1));
    }
    let pool = builder.build().context("cannot start worker threads")?;

    let progress = progress_bar(args.quiet);
    let started = Instant::now();
    let mut tally = Tally {
        skipped_entries: inputs.skipped_entries(),
        ..Tally::default()
    };
    // Reading (files, gunzip, WARC parsing) runs on its own thread, one batch
    // ahead of the workers, so that it overlaps with extraction; at most
    // three batches are in memory (being read, queued, being extracted).
    let done_ids = std::sync::Arc::new(done_ids);
    let (sender, receiver) = std::sync::mpsc::sync_channel::<ReadBatch>(1);
    let reader = {
        let done_ids = std::sync::Arc::clone(&done_ids);
        let date = args.date;
        std::thread::spawn(move || read_batches(inputs, &done_ids, date, &sender))
    };
    for read in receiver {
        let ReadBatch {
            docs: batch,
            bytes: batch_bytes,
            skipped_records,
            already_done,
        } = read;
        tally.skipped_records = skipped_records;
        tally.already_done += already_done;
        tally.bytes += batch_bytes;
        let fingerprint = dedup.is_some();
        let pretty = args.pretty;
        // Workers read and also write each record (the costly part of output);
        // the sequential part only decides, in input order, what to emit.
        let written: Vec<Written> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| {
                    let reading = engine.read(raw);
                    // From the reading's text, so that --no-text records are still compared.
                    let print = fingerprint.then(|| Fingerprint::of(&reading.doc.text));
                    let mut bytes = Vec::new();
                    let written = write_record(&reading, &engine.record, &mut bytes, pretty);
                    Written {
                        reading,
                        print,
                        bytes: written.map(|()| bytes),
                    }
                })
                .collect()
        });
        tally.documents += written.len();
        // Sequential, in input order: the same duplicates whatever the thread count.
        for Written {
            mut reading,
            print,
            mut bytes,
        } in written
        {
            let id = &reading.doc.id;
            if done_ids.contains(id) {
                tally.already_done += 1;
                continue;
            }
            if let (Some(dedup), Some(print)) = (dedup.as_mut(), print) {
                if let Some(duplicate) = dedup.check(id, &print) {
                    tally.duplicates += 1;
                    if args.duplicates == Duplicates::Drop {
                        continue;
                    }
                    // Rare: the record changes, so it is written again.
                    flag_duplicate(&mut reading, &duplicate);
                    let mut again = Vec::new();
                    bytes =
                        write_record(&reading, &engine.record, &mut again, pretty).map(|()| again);
                }
            }
            count_diagnostics(&reading, &mut tally);
            out.write_all(&bytes?)?;
        }
        update_progress(&progress, &tally, started.elapsed());
    }
    if reader.join().is_err() {
        bail!("the input reader stopped unexpectedly");
    }
    out.flush()?;
    progress.finish_and_clear();
    if !args.quiet {
        summarize(&tally, started.elapsed());
    }
    Ok(())
}

/// A batch of documents as read, with the reading counts so far.
struct ReadBatch {
    docs: Vec<RawDoc>,
    bytes: usize,
    /// Archive records skipped since the start (a running total).
    skipped_records: usize,
    /// Documents left out in this batch because the output has them (`--resume`).
    already_done: usize,
}

/// Reads the inputs into batches of at most `BATCH_DOCS` documents or
/// `BATCH_BYTES` bytes; stops early when the receiving side is gone.
fn read_batches(
    mut inputs: Inputs,
    done_ids: &HashSet<String>,
    date: Option<PartialDate>,
    sender: &std::sync::mpsc::SyncSender<ReadBatch>,
) {
    let mut batch = ReadBatch {
        docs: Vec::with_capacity(BATCH_DOCS),
        bytes: 0,
        skipped_records: 0,
        already_done: 0,
    };
    while let Some(mut raw) = inputs.next() {
        // A given id already written by the interrupted run: not read again.
        if raw
            .id
            .as_deref()
            .is_some_and(|id| done_ids.contains(id.trim()))
        {
            batch.already_done += 1;
            continue;
        }
        // `--date` is the fallback for documents that carry no date of their own.
        if raw.published.is_none() {
            raw.published = date.map(|d| d.to_string());
        }
        batch.bytes += raw.body.len();
        batch.docs.push(raw);
        if batch.docs.len() >= BATCH_DOCS || batch.bytes >= BATCH_BYTES {
            batch.skipped_records = inputs.skipped_records();
            let full = std::mem::replace(
                &mut batch,
                ReadBatch {
                    docs: Vec::with_capacity(BATCH_DOCS),
                    bytes: 0,
                    skipped_records: 0,
                    already_done: 0,
                },
            );
            if sender.send(full).is_err() {
                return;
            }
        }
    }
    batch.skipped_records = inputs.skipped_records();
    let _ = sender.send(batch);
}

/// Marks a document as repeating an earlier one: `doc.duplicate_of` and a note.
fn flag_duplicate(reading: &mut Reading, duplicate: &dateline_ingest::Duplicate) {
    reading.doc.meta.duplicate_of = Some(duplicate.first_id.clone());
    let message = match duplicate.kind {
        dateline_ingest::DuplicateKind::Exact => {
            format!("same text as document {}", duplicate.first_id)
        }
        dateline_ingest::DuplicateKind::Near => format!(
            "nearly the same text as document {} (estimated similarity {:.2})",
            duplicate.first_id, duplicate.similarity
        ),
    };
    reading
        .doc
        .diagnose(Diagnostic::info(duplicate.kind.code(), message));
}

/// A document read by a worker, with its record already written when it could be.
struct Written {
    reading: Reading,
    print: Option<Fingerprint>,
    /// The record and its line end; an error is reported when it is to be emitted.
    bytes: io::Result<Vec<u8>>,
}

/// Writes one record and the newline that ends it.
fn write_record(
    reading: &Reading,
    options: &RecordOptions,
    out: &mut Vec<u8>,
    pretty: bool,
) -> io::Result<()> {
    dateline::write_json(reading, options, &mut *out, pretty)?;
    out.push(b'\n');
    Ok(())
}

/// Prepares an interrupted run's output for appending: reads the ids of its
/// complete records (and feeds their texts to the duplicate finder, so that
/// later copies are still caught), and cuts off a last line that the
/// interruption left incomplete. A missing file is an empty start.
fn resume_output(path: &Path, mut dedup: Option<&mut Deduplicator>) -> Result<HashSet<String>> {
    let mut ids = HashSet::new();
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            File::create(path).with_context(|| format!("cannot write '{}'", path.display()))?;
            return Ok(ids);
        }
        Err(err) => return Err(err).with_context(|| format!("cannot read '{}'", path.display())),
    };
    let mut good_end = 0;
    let mut start = 0;
    while start < bytes.len() {
        let rest = bytes.get(start..).unwrap_or_default();
        let Some(newline) = rest.iter().position(|&b| b == b'\n') else {
            break;
        };
        let line = rest.get(..newline).unwrap_or_default();
        let Ok(record) = serde_json::from_slice::<serde_json::Value>(line) else {
            break;
        };
        let Some(id) = record["doc"]["id"].as_str() else {
            break;
        };
        if let (Some(dedup), Some(text)) = (dedup.as_deref_mut(), record["doc"]["text"].as_str()) {
            dedup.check(id, &Fingerprint::of(text));
        }
        ids.insert(id.to_string());
        start += newline + 1;
        good_end = start;
    }
    if good_end < bytes.len() {
        // Only what follows the last complete record is dropped: a line cut off mid-write.
        let file = OpenOptions::new()
            .write(true)
            .open(path)
            .with_context(|| format!("cannot write '{}'", path.display()))?;
        file.set_len(good_end as u64)
            .with_context(|| format!("cannot truncate '{}'", path.display()))?;
    }
    Ok(ids)
}

fn count_diagnostics(reading: &Reading, tally: &mut Tally) {
    let diagnostics = &reading.doc.diagnostics;
    let error = diagnostics.iter().find(|d| d.level == Level::Error);
    let warning = diagnostics.iter().any(|d| d.level == Level::Warning);
    if let Some(d) = error {
        if tally.failures.len() < FAILURES_LISTED {
            let origin = reading.doc.provenance.origin.as_deref().unwrap_or("?");
            tally
                .failures
                .push(format!("{origin}: {}: {}", d.code, d.message));
        }
    }
    tally.with_errors += usize::from(error.is_some());
    tally.with_warnings += usize::from(warning && error.is_none());
}

fn update_progress(bar: &ProgressBar, tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    bar.set_message(format!(
        "{} documents, {:.1} MB, {:.2} MB/s, {} with errors, {} skipped, {} duplicates",
        tally.documents,
        tally.bytes as f64 / 1e6,
        tally.bytes as f64 / 1e6 / secs,
        tally.with_errors,
        tally.skipped_records + tally.skipped_entries + tally.already_done,
        tally.duplicates
    ));
}

fn summarize(tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    eprintln!(
        "dateline: {} documents ({:.2} MB) in {:.2} s, {:.0} docs/s, {:.2} MB/s; {} with errors, {} with warnings",
        tally.documents,
        tally.bytes as f64 / 1e6,
        secs,
        tally.documents as f64 / secs,
        tally.bytes as f64 / 1e6 / secs,
        tally.with_errors,
        tally.with_warnings,
    );
    eprintln!(
        "dateline: skipped {} archive records that are not pages, {} hidden or special files, {} already in the output; {} duplicates",
        tally.skipped_records, tally.skipped_entries, tally.already_done, tally.duplicates,
    );
    for failure in &tally.failures {
        eprintln!("dateline: failed: {failure}");
    }
    if tally.with_errors > tally.failures.len() {
        eprintln!(
            "dateline: ... and {} more documents with errors (see the diagnostics in their records)",
            tally.with_errors - tally.failures.len()
        );
    }
}

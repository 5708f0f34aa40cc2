//! `dateline extract`: inputs in, one JSON record per document out.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context as _, Result};
use clap::{Parser, ValueEnum};
use dateline::model::{Level, PartialDate};
use dateline::{Engine, IngestOptions, InputFormat, Inputs, RawDoc, RecordOptions};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Documents read ahead and processed in parallel at a time: bounds memory
/// while keeping every core busy; output order is input order.
const BATCH_DOCS: usize = 256;
/// A batch is also cut when its raw bytes pass this, so huge documents do not pile up.
const BATCH_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// Tell by file name and content (JSON Lines for .jsonl/.ndjson, HTML or text by content).
    Auto,
    /// Each input is one plain-text story.
    Text,
    /// Each input is one HTML page.
    Html,
    /// Each line is {"id","text"|"html","url","published","language","title"}.
    Jsonl,
}

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline extract story.txt
  dateline extract --date 2022-01-10 --lang fr story.txt
  dateline extract --input jsonl - < batch.jsonl > records.jsonl
  dateline extract --pretty examples/stories/fr-bamako-manifestation.txt

Records come out in input order, one JSON object per line. Problems with one document
(invalid UTF-8, binary junk, a malformed JSON line) become diagnostics in its record and
the batch goes on; a summary goes to standard error.")]
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

    /// Leave the document text out of the records (offsets still point into it).
    #[arg(long)]
    no_text: bool,

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
}

fn parse_date(value: &str) -> std::result::Result<PartialDate, String> {
    PartialDate::parse_iso(value).ok_or_else(|| format!("'{value}' is not a date like 2022-01-10"))
}

/// What a run read, for the closing summary.
#[derive(Default)]
struct Tally {
    documents: usize,
    bytes: usize,
    with_errors: usize,
    with_warnings: usize,
}

pub fn run(args: Args) -> Result<()> {
    if let Some(lang) = &args.lang {
        if dateline_ingest::normalize_language_code(lang).is_none() {
            bail!("'{lang}' is not a language code (use ISO 639-1, e.g. fr, en)");
        }
    }
    let format = match args.format {
        Format::Auto => InputFormat::Auto,
        Format::Text => InputFormat::Text,
        Format::Html => InputFormat::Html,
        Format::Jsonl => InputFormat::Jsonl,
    };
    let inputs = Inputs::open(&args.inputs, format)?;
    let engine = Engine {
        ingest: IngestOptions { language_override: args.lang.clone(), ..IngestOptions::default() },
        record: RecordOptions { no_text: args.no_text },
    };
    let mut out: Box<dyn Write> = match &args.output {
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
    let mut tally = Tally::default();
    let mut batch: Vec<RawDoc> = Vec::with_capacity(BATCH_DOCS);
    let mut batch_bytes = 0;
    let mut inputs = inputs.peekable();
    while inputs.peek().is_some() {
        for mut raw in inputs.by_ref() {
            // `--date` is the fallback for documents that carry no date of their own.
            if raw.published.is_none() {
                raw.published = args.date.map(|d| d.to_string());
            }
            batch_bytes += raw.body.len();
            batch.push(raw);
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                break;
            }
        }
        tally.bytes += batch_bytes;
        let records = pool.install(|| engine.extract_batch(std::mem::take(&mut batch)));
        batch_bytes = 0;
        for record in &records {
            count_diagnostics(record, &mut tally);
            if args.pretty {
                serde_json::to_writer_pretty(&mut out, record)?;
            } else {
                serde_json::to_writer(&mut out, record)?;
            }
            out.write_all(b"\n")?;
        }
        tally.documents += records.len();
        update_progress(&progress, &tally, started.elapsed());
    }
    out.flush()?;
    progress.finish_and_clear();
    if !args.quiet {
        summarize(&tally, started.elapsed());
    }
    Ok(())
}

fn count_diagnostics(record: &serde_json::Value, tally: &mut Tally) {
    let levels = record["diagnostics"].as_array().into_iter().flatten().filter_map(|d| d["level"].as_str());
    let (mut error, mut warning) = (false, false);
    for level in levels {
        error |= level == Level::Error.as_str();
        warning |= level == Level::Warning.as_str();
    }
    tally.with_errors += usize::from(error);
    tally.with_warnings += usize::from(warning && !error);
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

fn update_progress(bar: &ProgressBar, tally: &Tally, elapsed: Duration) {
    let secs = elapsed.as_secs_f64().max(1e-9);
    bar.set_message(format!(
        "{} documents, {:.1} MB, {:.2} MB/s, {} with errors",
        tally.documents,
        tally.bytes as f64 / 1e6,
        tally.bytes as f64 / 1e6 / secs,
        tally.with_errors
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
}

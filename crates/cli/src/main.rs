//! The `dateline` command: glue between the user and the engine.

mod eval;
mod export;
mod extract;
mod ingest;
mod input_options;
mod progress;
mod query;
mod demo;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

const ABOUT: &str = "Turns news stories into event data: who did what to whom, when, where, how many, and who says so.";

const LONG_ABOUT: &str = "\
Turns news stories into event data: who did what to whom, when, where, how many, and who says so.

dateline reads each story in its own language (French, English and Spanish fully; other languages
get metadata, the text layer and a diagnostic) and writes one `dateline/1` JSON record per story:
title, dateline, credited sources, entities, places, quotes with their speakers, casualty
figures with who gave them, and events coded in PLOVER 2.0 with CAMEO and ACLED crosswalks.
Every value carries the span of text it was read from; what the text does not say is null.";

const AFTER_HELP: &str = "\
Examples:
  dateline extract story.txt                       one record (JSON) per document on stdout
  dateline extract --date 2022-01-10 story.txt     give plain text its publication date
  dateline extract --input jsonl - < batch.jsonl   {\"id\",\"text\"|\"html\",\"url\",\"published\",\"language\"} per line
  dateline extract news/ -o records.jsonl          a whole directory, recursively
  dateline eval ../shared/eval/dev/seed.gold.jsonl per-layer scores against a gold reading

Exit status: 0 when every input was read (problems inside a document are diagnostics in its
record), 1 when an input cannot be read at all or output cannot be written, 2 on a usage error.

The record's contract is schema/dateline-1.schema.json (`dateline schema` prints it).";

#[derive(Parser)]
#[command(name = "dateline", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read stories and write one `dateline/1` JSON record per document.
    Extract(extract::Args),
    /// Score dateline's reading against gold files (spec/gold.md), layer by layer.
    Eval(eval::Args),
    /// Print the JSON Schema of the `dateline/1` record.
    Schema,
    /// Read stories into an event store (one SQLite file), skipping what is already in.
    Ingest(ingest::Args),
    /// Search the events of a store by country, type, dates, actor and text.
    Query(query::Args),
    /// Write a store's records and events as JSON Lines, PLOVER, GDELT, ACLED or Parquet.
    Export(export::Args),
    /// Serve the JSON API and the web dashboard over a store (http://127.0.0.1:8080).
    Serve(serve::Args),
    /// Read the bundled sample stories into a store and open the dashboard on them.
    Demo(demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Query(args) => query::run(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Schema => {
            use std::io::Write;
            writeln!(std::io::stdout().lock(), "{}", dateline_eval::schema::SCHEMA_JSON).map_err(Into::into)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A closed pipe (`dateline extract ... | head`) is not an error worth a message.
            if err.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("dateline: {err:#}");
            ExitCode::FAILURE
        }
    }
}

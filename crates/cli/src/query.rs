//! `dateline query`: events out of the store, filtered, as CSV, JSON Lines or a table.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Parser, ValueEnum};
use dateline_store::{
    EventFilter, EventRow, Participant, Store, StoreError, EVENT_TYPES, MAX_LIMIT,
};

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// Aligned columns for reading in a terminal.
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per event.
    Jsonl,
}

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline query --db events.db --country KAZ --type ASSAULT --since 2022-01-01
  dateline query --db events.db --actor police --until 2022-03 --format csv > events.csv
  dateline query --db events.db --text 'manifestation AND Bamako' --format jsonl

Dates are inclusive and may be a year, a month or a day (--until 2022-01 means through
31 January). An event's day is its own date when the story gives one with a year, else
the story's publication date. --text takes SQLite FTS5 syntax (words, \"phrases\", AND,
OR, NOT, prefix*) over titles and stories, accents ignored. Bad parameters exit with 2.")]
pub struct Args {
    /// The store file.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,

    /// Country of action, ISO 3166-1 alpha-3 (KAZ).
    #[arg(long, value_name = "ISO3", value_parser = parse_country)]
    country: Option<String>,

    /// PLOVER event type (ASSAULT, PROTEST, ...).
    #[arg(long = "type", value_name = "TYPE", value_parser = parse_type)]
    event_type: Option<String>,

    /// First day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    since: Option<String>,

    /// Last day (YYYY, YYYY-MM or YYYY-MM-DD), inclusive.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    until: Option<String>,

    /// Text in an actor's or recipient's words or entity name.
    #[arg(long, value_name = "TEXT")]
    actor: Option<String>,

    /// Full-text query over titles and stories.
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,

    /// Leave out events the story negates.
    #[arg(long)]
    no_negated: bool,

    /// At most this many events, newest first.
    #[arg(long, value_name = "N", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=MAX_LIMIT as i64))]
    limit: u32,

    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
}

fn parse_country(value: &str) -> std::result::Result<String, String> {
    let upper = value.to_ascii_uppercase();
    if upper.len() == 3 && upper.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(upper)
    } else {
        Err(format!(
            "'{value}' is not an ISO 3166-1 alpha-3 code like KAZ"
        ))
    }
}

fn parse_type(value: &str) -> std::result::Result<String, String> {
    let upper = value.to_ascii_uppercase();
    if EVENT_TYPES.contains(&upper.as_str()) {
        Ok(upper)
    } else {
        Err(format!(
            "'{value}' is not a PLOVER event type (one of {})",
            EVENT_TYPES.join(", ")
        ))
    }
}

fn parse_day(value: &str) -> std::result::Result<String, String> {
    // The store checks dates too; asking it here turns a bad date into clap's usage error.
    let filter = EventFilter {
        since: Some(value.to_string()),
        ..EventFilter::default()
    };
    filter
        .validate()
        .map(|()| value.to_string())
        .map_err(|_| format!("'{value}' is not a date like 2022, 2022-01 or 2022-01-10"))
}

/// Exits with status 2 for errors in what the user asked, 1 otherwise.
pub(crate) fn usage_or(error: StoreError) -> anyhow::Error {
    if error.is_usage_error() {
        eprintln!("dateline: {error}");
        std::process::exit(2);
    }
    anyhow::Error::new(error)
}

pub fn run(args: Args) -> Result<()> {
    let store = Store::open_read_only(&args.db)
        .with_context(|| format!("cannot open the store '{}'", args.db.display()))?;
    let filter = EventFilter {
        country: args.country,
        event_type: args.event_type,
        since: args.since,
        until: args.until,
        actor: args.actor,
        text: args.text,
        exclude_negated: args.no_negated,
        limit: Some(args.limit as usize),
        ..EventFilter::default()
    };
    let events = store.events(&filter).map_err(usage_or)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Jsonl => {
            for event in &events {
                serde_json::to_writer(&mut out, event)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Csv => write_csv(&mut out, &events)?,
        Format::Table => write_table(&mut out, &events)?,
    }
    out.flush()?;
    Ok(())
}

const COLUMNS: &[&str] = &[
    "doc_id",
    "event_id",
    "day",
    "type",
    "actors",
    "recipients",
    "country",
    "place",
    "trigger",
];

fn names(list: &[Participant]) -> String {
    list.iter()
        .filter_map(|p| p.text.as_deref().or(p.name.as_deref()))
        .collect::<Vec<_>>()
        .join("; ")
}

fn cells(event: &EventRow) -> [String; 9] {
    [
        event.doc_id.clone(),
        event.event_id.clone(),
        event.day.clone().unwrap_or_default(),
        event.event_type.clone().unwrap_or_default(),
        names(&event.actors),
        names(&event.recipients),
        event.country.clone().unwrap_or_default(),
        event.place_name.clone().unwrap_or_default(),
        event.trigger_text.clone().unwrap_or_default(),
    ]
}

fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn write_csv(out: &mut impl Write, events: &[EventRow]) -> io::Result<()> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    for event in events {
        let row: Vec<String> = cells(event).iter().map(|c| csv_field(c)).collect();
        writeln!(out, "{}", row.join(","))?;
    }
    Ok(())
}

/// Cells longer than this are cut in the table so rows stay on one screen line.
const TABLE_CELL: usize = 32;

fn write_table(out: &mut impl Write, events: &[EventRow]) -> io::Result<()> {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            cells(e)
                .into_iter()
                .map(|c| {
                    let flat = c.replace(['\n', '\r', '\t'], " ");
                    if flat.chars().count() > TABLE_CELL {
                        let cut: String = flat.chars().take(TABLE_CELL - 1).collect();
                        format!("{cut}…")
                    } else {
                        flat
                    }
                })
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = COLUMNS.iter().map(|c| c.len()).collect();
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(
        out,
        &COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
    )?;
    for row in &rows {
        line(out, row)?;
    }
    if events.is_empty() {
        writeln!(out, "(no events match)")?;
    }
    Ok(())
}

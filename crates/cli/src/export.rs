//! `dateline export`: the store in formats other tools read.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Parser, ValueEnum};
use dateline_store::export::{export, ExportFormat};
use dateline_store::{EventFilter, Store};

use crate::query::usage_or;

#[derive(Clone, Copy, Debug, ValueEnum)]
enum Format {
    /// records.jsonl: the stored dateline/1 records.
    Jsonl,
    /// events.plover.jsonl: PLOVER JSON, one event per line.
    Plover,
    /// events.gdelt.tsv + mentions.gdelt.tsv: GDELT 2.0 columns.
    Gdelt,
    /// events.acled.csv: ACLED columns, events with an ACLED coding.
    Acled,
    /// events.parquet + documents.parquet.
    Parquet,
}

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline export --db events.db --format jsonl -o out/
  dateline export --db events.db --format acled -o out/
  dateline export --db events.db --format parquet -o out/   # pandas.read_parquet('out/events.parquet')

Files are written into the output directory (created if missing) and their names and
row counts are listed on standard error.")]
pub struct Args {
    /// The store file.
    #[arg(long, value_name = "FILE")]
    db: PathBuf,

    /// What to write.
    #[arg(long, value_enum)]
    format: Format,

    /// Output directory.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,

    /// No list of written files on standard error.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<()> {
    let store = Store::open_read_only(&args.db)
        .with_context(|| format!("cannot open the store '{}'", args.db.display()))?;
    let format = match args.format {
        Format::Jsonl => ExportFormat::Jsonl,
        Format::Plover => ExportFormat::Plover,
        Format::Gdelt => ExportFormat::Gdelt,
        Format::Acled => ExportFormat::Acled,
        Format::Parquet => ExportFormat::Parquet,
    };
    let files = export(&store, format, &EventFilter::default(), &args.output).map_err(usage_or)?;
    if !args.quiet {
        for file in files {
            eprintln!(
                "dateline: wrote {} ({} rows)",
                file.path.display(),
                file.rows
            );
        }
    }
    Ok(())
}

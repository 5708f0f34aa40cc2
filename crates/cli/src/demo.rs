//! `dateline demo`: the sample stories into a store, then the dashboard.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context as _, Result};
use clap::Parser;
use dateline_server::demo::{ingest_samples, SAMPLE_STORIES};
use dateline_server::Config;
use dateline_store::Store;

#[derive(Parser)]
#[command(after_help = "\
Reads the sample stories shipped with dateline (examples/stories/, compiled in) into
a store and serves the dashboard on it, so a first look needs nothing else:
  cargo run --release -- demo")]
pub struct Args {
    /// Where to keep the demo store (kept between runs; stories already in are skipped).
    #[arg(long, value_name = "FILE", default_value = "dateline-demo.db")]
    db: PathBuf,

    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,

    /// Fill the store and stop (for tests and scripts).
    #[arg(long)]
    no_serve: bool,
}

pub fn run(args: Args) -> Result<()> {
    let started = Instant::now();
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let outcome = ingest_samples(&mut store).context("storing the sample stories")?;
    let stats = store.stats()?;
    drop(store);
    eprintln!(
        "dateline: {} sample stories read in {:.1} s ({} new, {} already in) -> {}: {} events, {} entities, {} places, {} quotes, {} casualty figures",
        SAMPLE_STORIES.len(),
        started.elapsed().as_secs_f64(),
        outcome.stored,
        outcome.duplicates,
        args.db.display(),
        stats.events,
        stats.entities,
        stats.places,
        stats.quotes,
        stats.casualties,
    );
    if args.no_serve {
        return Ok(());
    }
    let config = Config {
        bind: args.bind,
        ..Config::new(&args.db)
    };
    dateline_server::serve_blocking_with(config, |addr| crate::serve::announce(addr, false))
        .context("serving the demo")
}

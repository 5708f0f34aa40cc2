//! `dateline serve`: the JSON API and the web dashboard over a store.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Parser;
use dateline_server::Config;

#[derive(Parser)]
#[command(after_help = "\
Examples:
  dateline serve --db events.db                    dashboard on http://127.0.0.1:8080
  dateline serve --db events.db --bind 127.0.0.1:9000
  DATELINE_WRITE_TOKEN=secret dateline serve --db events.db
      then: curl -H 'Authorization: Bearer secret' -d '{\"text\":\"...\"}' http://127.0.0.1:8080/api/documents

Read-only unless a write token is given. The API is described at /api/openapi.json.
Binding to anything but loopback exposes the store to the network: put a TLS proxy in front.")]
pub struct Args {
    /// The store file (see `dateline ingest`).
    #[arg(long, value_name = "FILE")]
    db: PathBuf,

    /// Address and port to listen on.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    bind: SocketAddr,

    /// Accept POST /api/documents from clients that send this bearer token
    /// (default: the DATELINE_WRITE_TOKEN environment variable, which keeps it out of `ps`).
    #[arg(long, value_name = "TOKEN")]
    write_token: Option<String>,

    /// Requests per second allowed per client address (bursts of four times as many).
    #[arg(long, value_name = "N", default_value_t = 50.0)]
    rate: f64,
}

impl Args {
    fn config(self) -> Config {
        Config {
            bind: self.bind,
            write_token: self
                .write_token
                .or_else(|| std::env::var("DATELINE_WRITE_TOKEN").ok())
                .filter(|token| !token.is_empty()),
            rate_per_second: self.rate,
            rate_burst: self.rate * 4.0,
            ..Config::new(self.db)
        }
    }
}

pub fn run(args: Args) -> Result<()> {
    let config = args.config();
    let db = config.db.clone();
    let writable = config.write_token.is_some();
    dateline_server::serve_blocking_with(config, |addr| announce(addr, writable))
        .with_context(|| format!("serving {}", db.display()))
}

pub(crate) fn announce(addr: SocketAddr, writable: bool) {
    eprintln!(
        "dateline: dashboard on http://{addr}/  (API: http://{addr}/api/openapi.json{}) — Ctrl-C to stop",
        if writable { ", write token set" } else { ", read-only" }
    );
}

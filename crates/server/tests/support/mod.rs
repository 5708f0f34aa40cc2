//! A store with the sample stories plus a hostile one, served in-process on an
//! ephemeral loopback port, and a minimal HTTP/1.1 client (no client crate needed).

#![allow(dead_code)] // each test binary uses part of it

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use dateline_server::{app, demo, serve, Config};
use dateline_store::Store;

/// A story whose text carries markup that must stay text in the dashboard.
pub const HOSTILE_ID: &str = "hostile-script";
pub const HOSTILE_TEXT: &str = "Police arrest protesters in Almaty\n\n\
ALMATY (Reuters) - Police arrested 40 protesters in Almaty on Monday, officials said. \
<script>document.body.setAttribute('data-pwned','yes')</script><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\"> \
\"We will not give up,\" said protest organiser Aigerim Nurlanova.";

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

/// A fresh store file with the samples and the hostile story.
pub fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("events.db");
    let mut store = Store::open(&db).expect("store");
    demo::ingest_samples(&mut store).expect("samples");
    let engine = dateline::Engine::default();
    let raw = dateline::RawDoc {
        id: Some(HOSTILE_ID.into()),
        published: Some("2022-01-10".into()),
        language: Some("en".into()),
        body_format: Some(dateline::BodyFormat::Text),
        ..dateline::RawDoc::new("test", HOSTILE_TEXT.as_bytes().to_vec())
    };
    store
        .insert_batch(vec![engine.extract(raw)])
        .expect("hostile story");
    Fixture { dir, db }
}

/// Serves `config` on 127.0.0.1 with an ephemeral port in a background thread
/// (its own runtime) for the rest of the test process.
pub fn start(mut config: Config) -> SocketAddr {
    config.bind = SocketAddr::from(([127, 0, 0, 1], 0));
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let router = app(config.clone()).expect("app");
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind");
            tx.send(listener.local_addr().expect("addr")).expect("send");
            serve(listener, router, &config, std::future::pending())
                .await
                .expect("serve");
        });
    });
    rx.recv_timeout(Duration::from_secs(30))
        .expect("server start")
}

/// Config for a fixture with a generous rate limit (tests fire many requests).
pub fn config(db: &Path) -> Config {
    Config {
        rate_per_second: 10_000.0,
        rate_burst: 10_000.0,
        ..Config::new(db)
    }
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

pub fn get(addr: SocketAddr, path: &str) -> Reply {
    request(addr, "GET", path, &[], "")
}

/// One request on a fresh connection (`Connection: close`), whole reply read.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Reply {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("write");
    // The server may answer (413) before reading a large body: ignore a reset here.
    let _ = stream.write_all(body.as_bytes());
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").expect("HTTP reply");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

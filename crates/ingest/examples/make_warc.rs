//! Writes a WARC.gz in the Common Crawl News layout (warcinfo, then for each
//! page a request, a response and a metadata record, one gzip member each)
//! from a directory of HTML pages (`.html` or `.html.gz`), repeating them
//! `copies` times with distinct URLs: test data for throughput runs.
//!
//! `cargo run --release -p dateline-ingest --example make_warc -- <html-dir> <out.warc.gz> [copies]`

use flate2::read::MultiGzDecoder;
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::{BufWriter, Read, Write};

fn member(out: &mut impl Write, kind: &str, uri: &str, block: &[u8]) -> std::io::Result<()> {
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-01T00:00:00Z\r\n\
         WARC-Record-ID: <urn:example:{kind}:{uri}>\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(&record)?;
    out.write_all(&encoder.finish()?)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(out_path)) = (args.first(), args.get(1)) else {
        return Err("usage: make_warc <html-dir> <out.warc.gz> [copies]".into());
    };
    let copies: usize = args.get(2).map(|c| c.parse()).transpose()?.unwrap_or(1);
    let mut pages = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<Vec<_>, _>>()?;
    names.sort_by_key(|e| e.file_name());
    for entry in names {
        let bytes = std::fs::read(entry.path())?;
        let page = if bytes.starts_with(&[0x1F, 0x8B]) {
            let mut page = Vec::new();
            MultiGzDecoder::new(bytes.as_slice()).read_to_end(&mut page)?;
            page
        } else {
            bytes
        };
        pages.push(page);
    }
    let mut out = BufWriter::new(std::fs::File::create(out_path)?);
    member(&mut out, "warcinfo", "", b"software: make_warc\r\n")?;
    let mut n = 0usize;
    for copy in 0..copies {
        for page in &pages {
            n += 1;
            let uri = format!("https://site{copy}.example/page/{n}");
            member(
                &mut out,
                "request",
                &uri,
                format!("GET /page/{n} HTTP/1.1\r\n\r\n").as_bytes(),
            )?;
            let mut response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
            response.extend_from_slice(page);
            member(&mut out, "response", &uri, &response)?;
            member(&mut out, "metadata", &uri, b"fetchTimeMs: 100\r\n")?;
        }
    }
    out.flush()?;
    eprintln!("{n} pages written to {out_path}");
    Ok(())
}

//! Title and publication date dateline-html reads from each html-articles
//! page, one JSON object per line (`{"id","title","published"}`), for
//! tools/bench-html/meta_compare.py to score against testdata/html-meta/gold.tsv.
//!
//! `cargo run --release -p dateline-html --example meta_dump -- [DIR]`

use anyhow::{Context, Result};
use std::io::{Read, Write};
use std::path::PathBuf;

fn main() -> Result<()> {
    let dir = std::env::args().nth(1).map_or_else(
        || PathBuf::from("../shared/eval/dev/html-articles"),
        PathBuf::from,
    );
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).context("ground-truth.json")?,
    )?;
    let truth = truth.as_object().context("ground truth is not an object")?;
    let mut out = std::io::stdout().lock();
    for (id, entry) in truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path).with_context(|| path.display().to_string())?,
        )
        .read_to_end(&mut bytes)?;
        let url = entry.get("url").and_then(|v| v.as_str());
        let article = dateline_html::extract_bytes(&bytes, None, url);
        let line = serde_json::json!({
            "id": id,
            "title": article.title,
            "published": article.published,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

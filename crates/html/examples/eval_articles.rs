//! Main-text quality and speed on the article-extraction benchmark pages.
//!
//! `cargo run --release -p dateline-html --example eval_articles -- [DIR] [--dump OUT_DIR] [--per-page]`
//! DIR defaults to ../shared/eval/dev/html-articles. Prints F1 (the measure in
//! its SOURCE.md) and pages/s of extraction on one core (decode + parse +
//! extract; gunzip and file reading are not timed).

use anyhow::{Context, Result};
use std::io::Read;
use std::path::PathBuf;
use std::time::Instant;

#[path = "../tests/common/shingles.rs"]
mod shingles;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut dir = PathBuf::from("../shared/eval/dev/html-articles");
    let mut dump: Option<PathBuf> = None;
    let mut per_page = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--dump" => dump = args.next().map(PathBuf::from),
            "--per-page" => per_page = true,
            _ => dir = PathBuf::from(a),
        }
    }
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).context("ground-truth.json")?,
    )?;
    let truth = truth.as_object().context("ground truth is not an object")?;
    let mut pages = Vec::new();
    for (id, entry) in truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(
            std::fs::File::open(&path).with_context(|| path.display().to_string())?,
        )
        .read_to_end(&mut bytes)?;
        let expected = entry
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string();
        let url = entry
            .get("url")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        pages.push((id.clone(), bytes, expected, url));
    }

    let mut outputs = Vec::with_capacity(pages.len());
    let cpu_started = thread_cpu_seconds();
    let started = Instant::now();
    let rounds = 3;
    for round in 0..rounds {
        for (_, bytes, _, url) in &pages {
            let article = dateline_html::extract_bytes(bytes, None, url.as_deref());
            if round == 0 {
                outputs.push(article);
            }
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let pages_per_s = (pages.len() * rounds) as f64 / elapsed;
    // On a shared machine wall time includes waiting for the core; the
    // thread's own CPU time is what one core spends.
    let cpu = match (cpu_started, thread_cpu_seconds()) {
        (Some(a), Some(b)) if b > a => format!(
            " cpu_pages_per_s={:.1}",
            (pages.len() * rounds) as f64 / (b - a)
        ),
        _ => String::new(),
    };

    let mut scores = Vec::new();
    for ((id, _, expected, _), article) in pages.iter().zip(&outputs) {
        let (p, r) = shingles::precision_recall(&article.text, expected);
        if per_page {
            println!(
                "{id}\tP={:.3}\tR={:.3}",
                p.unwrap_or(-1.0),
                r.unwrap_or(-1.0)
            );
        }
        if let Some(out) = &dump {
            std::fs::create_dir_all(out)?;
            std::fs::write(out.join(format!("{id}.txt")), &article.text)?;
        }
        scores.push((p, r));
    }
    let (precision, recall, f1) = shingles::average(&scores);
    println!("dateline-html: pages={} precision={precision:.4} recall={recall:.4} f1={f1:.4} pages_per_s={pages_per_s:.1}{cpu}", pages.len());
    Ok(())
}

/// CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`).
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

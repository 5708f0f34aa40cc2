//! Runs `analyze` over the benchmark corpus (about 1 MB per language) N times and
//! prints MB/s of wall time: `cargo run --release -p dateline-text --example throughput -- [N]`.
//! Under load, run it with `perf stat -e task-clock` for CPU time.
use dateline_model::PartialDate;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let published = PartialDate::parse_iso("2022-01-10");
    for (lang, story) in [
        ("fr", include_str!("../benches/corpus_fr.txt")),
        ("en", include_str!("../benches/corpus_en.txt")),
    ] {
        let mut raw = String::new();
        while raw.len() < 1 << 20 {
            raw.push_str(story);
            raw.push_str("\n\n");
        }
        let text = dateline_text::normalize(&raw);
        let started = std::time::Instant::now();
        let mut tokens = 0;
        for _ in 0..rounds {
            tokens += dateline_text::analyze(&text, lang, published)
                .0
                .tokens
                .len();
        }
        let seconds = started.elapsed().as_secs_f64();
        let mb = (text.len() * rounds) as f64 / 1e6;
        println!(
            "{lang}: {mb:.1} MB in {seconds:.2} s = {:.1} MB/s wall ({tokens} tokens)",
            mb / seconds
        );
    }
}

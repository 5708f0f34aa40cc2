//! Throughput of `analyze` (tokens, sentences, paragraphs, quantities, dates)
//! and of `fold` on a news corpus shipped next to this file: French and
//! English stories written for the benchmark, repeated to about 1 MB.
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use dateline_model::PartialDate;

fn corpus(story: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + story.len());
    while text.len() < bytes {
        text.push_str(story);
        text.push_str("\n\n");
    }
    dateline_text::normalize(&text)
}

fn bench(c: &mut Criterion) {
    let published = PartialDate::parse_iso("2022-01-10");
    let mut group = c.benchmark_group("text");
    for (lang, story) in [
        ("fr", include_str!("corpus_fr.txt")),
        ("en", include_str!("corpus_en.txt")),
    ] {
        let text = corpus(story, 1 << 20);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("analyze/{lang}"), |b| {
            b.iter(|| dateline_text::analyze(&text, lang, published))
        });
        group.bench_function(format!("fold/{lang}"), |b| {
            b.iter(|| dateline_text::fold(&text))
        });
    }
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(3));
    targets = bench
}
criterion_main!(benches);

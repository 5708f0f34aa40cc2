//! Prints what dateline-html extracts from one page (`.html` or `.html.gz`).
//! `cargo run --release -p dateline-html --example one_page -- PAGE [URL]`
use std::io::Read;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: one_page PAGE [URL]"))?;
    let url = args.next();
    let mut bytes = std::fs::read(&path)?;
    if path.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
        bytes = out;
    }
    let article = dateline_html::extract_bytes(&bytes, None, url.as_deref());
    println!(
        "title: {:?}\npublished: {:?}\nauthor: {:?}\nsite: {:?}\ncanonical: {:?}\nlanguage: {:?}",
        article.title,
        article.published,
        article.author,
        article.site_name,
        article.canonical_url,
        article.language
    );
    for d in &article.diagnostics {
        println!("diagnostic: {} {}", d.code, d.message);
    }
    println!("---\n{}", article.text);
    Ok(())
}

//! Prints the text layer of a file: `cargo run -p dateline-text --example layer -- FILE LANG [YYYY-MM-DD]`.
use dateline_model::PartialDate;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(lang)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: layer FILE LANG [PUBLISHED]");
        std::process::exit(2);
    };
    let raw = match std::fs::read_to_string(path) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let published = args.get(3).and_then(|d| PartialDate::parse_iso(d));
    let text = dateline_text::normalize(&raw);
    let (layer, diagnostics) = dateline_text::analyze(&text, lang, published);
    let show = |s: dateline_model::Span| text.get(s.start..s.end).unwrap_or("").replace('\n', "⏎");
    for s in &layer.sentences {
        println!("S  {}", show(*s));
    }
    for q in &layer.quantities {
        println!(
            "Q  {:?} min={:?} max={:?} approx={}",
            show(q.span),
            q.min,
            q.max,
            q.approximate
        );
    }
    for d in &layer.dates {
        println!(
            "D  {:?} {} relative={}",
            show(d.span),
            d.value.map_or("null".into(), |v| v.to_string()),
            d.relative
        );
    }
    for d in &diagnostics {
        println!("!  {} {}: {}", d.level.as_str(), d.code, d.message);
    }
    println!(
        "{} tokens, {} paragraphs",
        layer.tokens.len(),
        layer.paragraphs.len()
    );
}

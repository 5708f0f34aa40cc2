//! Prints the gazetteer matches of a text, with their case guards applied:
//! `cargo run --release -p dateline-world --example show -- "Le président Tokaïev à Moscou"`.

fn main() {
    let world = dateline_world::world();
    let text = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    let folded = dateline_text::fold(&text);
    for (range, ids) in world.find_all_cased(&text, &folded) {
        let Some(first) = ids.first().map(|&id| world.entity(id)) else {
            continue;
        };
        let alias = folded.text().get(range).unwrap_or("");
        println!(
            "{alias:?}\t{:?}\t{}\t{}\t{}\t(+{} other)",
            first.kind,
            first.name,
            first.country.as_deref().unwrap_or("-"),
            first.sector.as_deref().unwrap_or("-"),
            ids.len() - 1
        );
    }
}

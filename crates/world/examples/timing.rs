//! Load time, alias count and `find_all` throughput of the gazetteer.
//!
//! `cargo run --release -p dateline-world --example timing -- FILE...` (text
//! files; with none, a built-in French paragraph repeated).

use std::time::Instant;

fn main() {
    let start = Instant::now();
    let cpu_start = cpu_ms();
    let world = dateline_world::world();
    let load = start.elapsed();
    println!(
        "load {:.0} ms wall, {} ms on CPU: {} entities, {} alias keys, rss {} MB",
        load.as_secs_f64() * 1e3,
        cpu_ms()
            .zip(cpu_start)
            .map_or("?".to_owned(), |(end, start)| (end - start).to_string()),
        world.entities().len(),
        world.alias_count(),
        rss_mb().map_or("?".to_owned(), |m| m.to_string())
    );

    let mut text = String::new();
    for path in std::env::args().skip(1) {
        text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
        text.push('\n');
    }
    if text.is_empty() {
        let paragraph = "ALMATY, 6 janvier (AFP) - Le président kazakh Kassym-Jomart Tokaïev a demandé l'aide de l'OTSC, \
            alliance militaire dirigée par Moscou, après des émeutes à Almaty. Washington et l'Union européenne appellent au calme. ";
        text = paragraph.repeat(2000);
    }
    while text.len() < 4_000_000 {
        text = text.repeat(2);
    }
    let folded = dateline_text::fold(&text);
    let start = Instant::now();
    let cpu_start = cpu_ms();
    let found = world.find_all(folded.text());
    // CPU time when known: the machine is shared, wall time is not ours.
    let took = cpu_ms()
        .zip(cpu_start)
        .map_or(start.elapsed().as_secs_f64(), |(end, start)| {
            (end - start) as f64 / 1e3
        })
        .max(1e-3);
    println!(
        "find_all: {:.1} MB in {:.0} ms = {:.1} MB/s, {} matches",
        folded.text().len() as f64 / 1e6,
        took * 1e3,
        folded.text().len() as f64 / 1e6 / took,
        found.len()
    );
    let start = Instant::now();
    let cased = world.find_all_cased(&text, &folded);
    let took = start.elapsed().as_secs_f64();
    println!(
        "find_all_cased: {:.1} MB/s, {} matches",
        folded.text().len() as f64 / 1e6 / took,
        cased.len()
    );
}

/// Time this thread spent on a CPU, from /proc (Linux only).
fn cpu_ms() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1_000_000)
}

/// Resident memory from /proc (Linux only).
fn rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

//! Twice the text gives twice the findings: the readers look up each sentence's
//! dates, places, entities and quotations by position, so nothing is lost or
//! double-counted on long documents (where the look-ups are binary searches).

use dateline_model::{Document, Reading};

fn read(lang: &str, text: String) -> Reading {
    let mut doc = Document::new("long", text);
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

/// Every telling of an event: its first sentence plus each retelling merged into it.
fn tellings(r: &Reading) -> usize {
    r.events.iter().map(|e| 1 + e.more_evidence.len()).sum()
}

fn arrested(r: &Reading) -> u64 {
    r.events.iter().filter_map(|e| e.size.arrested).sum()
}

fn check_doubling(lang: &str, unit: &str) {
    let once = read(lang, unit.repeat(150));
    let twice = read(lang, unit.repeat(300));
    assert!(
        tellings(&once) >= 150,
        "{lang}: {} tellings",
        tellings(&once)
    );
    assert_eq!(tellings(&twice), 2 * tellings(&once), "{lang} tellings");
    assert_eq!(
        twice.casualties.len(),
        2 * once.casualties.len(),
        "{lang} casualties"
    );
    assert_eq!(twice.quotes.len(), 2 * once.quotes.len(), "{lang} quotes");
    assert_eq!(arrested(&twice), 2 * arrested(&once), "{lang} arrested");
    // Every telling keeps its own sentence's date.
    assert!(
        twice.events.iter().all(|e| e.date.is_some()),
        "{lang} dates"
    );
}

#[test]
fn twice_the_text_gives_twice_the_events_en() {
    check_doubling(
        "en",
        "Police said 12 protesters were arrested in Paris on March 3, 2025. ",
    );
}

#[test]
fn twice_the_text_gives_twice_the_events_fr() {
    check_doubling(
        "fr",
        "La police a indiqué que 12 manifestants ont été arrêtés à Paris le 3 mars 2025. ",
    );
}

//! An event whose sentence names no date takes the date told earlier in its
//! paragraph; never across a paragraph, never for announced events, never when
//! its own or the earlier sentence's date is unresolved.

use dateline_model::{Document, PartialDate, Reading};

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = Document::new("d", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

fn date_of(r: &Reading, kind: &str) -> Option<PartialDate> {
    r.events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {:?}", r.events))
        .date
}

#[test]
fn a_later_sentence_of_the_paragraph_takes_the_earlier_date_en() {
    let r = read(
        "en",
        "Troops shelled the village of Kafr Nabl on March 3, 2025. Police also arrested 20 protesters.",
    );
    assert_eq!(date_of(&r, "ASSAULT"), Some(PartialDate::ymd(2025, 3, 3)));
    assert_eq!(date_of(&r, "COERCE"), Some(PartialDate::ymd(2025, 3, 3)));
    assert!(r
        .doc
        .diagnostics
        .iter()
        .any(|d| d.code == "event-date-inherited"));
}

#[test]
fn a_later_sentence_of_the_paragraph_takes_the_earlier_date_fr() {
    let r = read(
        "fr",
        "L'armée a bombardé le village de Kafr Nabl le 3 mars 2025. La police a aussi arrêté 20 manifestants.",
    );
    assert_eq!(date_of(&r, "COERCE"), Some(PartialDate::ymd(2025, 3, 3)));
}

#[test]
fn no_date_across_a_paragraph_break() {
    let r = read(
        "en",
        "Troops shelled the village of Kafr Nabl on March 3, 2025.\n\nPolice arrested 20 protesters.",
    );
    assert_eq!(date_of(&r, "ASSAULT"), Some(PartialDate::ymd(2025, 3, 3)));
    assert_eq!(date_of(&r, "COERCE"), None);
}

#[test]
fn no_date_for_an_announced_event() {
    let r = read(
        "en",
        "Troops shelled the village of Kafr Nabl on March 3, 2025. The government will impose a curfew.",
    );
    let announced: Vec<_> = r.events.iter().filter(|e| e.kind != "ASSAULT").collect();
    assert!(!announced.is_empty(), "{:?}", r.events);
    assert!(announced.iter().all(|e| e.date.is_none()), "{announced:?}");
}

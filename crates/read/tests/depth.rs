//! Reading to a depth: the layers before it are exactly those of a full
//! reading, the layers after it stay empty and a diagnostic says so.

use dateline_model::{Document, Reading};
use dateline_read::{read, read_to, Depth};

const STORY: &str = "PARIS (Reuters) - Police arrested 12 protesters in Paris on Monday, \
the interior ministry said. \"We will not tolerate violence,\" Interior Minister Laurent Nuñez told reporters.";

fn english(text: &str) -> Document {
    let mut doc = Document::new("d1", text.to_string());
    doc.meta.language = Some("en".into());
    doc
}

fn skipped(reading: &Reading) -> bool {
    reading
        .doc
        .diagnostics
        .iter()
        .any(|d| d.code == "readers-skipped")
}

#[test]
fn entities_depth_reads_entities_and_places_like_a_full_reading() {
    let full = read(english(STORY));
    let shallow = read_to(english(STORY), Depth::Entities);
    assert!(!full.entities.is_empty() && !full.events.is_empty() && !full.quotes.is_empty());
    assert_eq!(
        format!("{:?}", shallow.entities),
        format!("{:?}", full.entities)
    );
    assert_eq!(
        format!("{:?}", shallow.places),
        format!("{:?}", full.places)
    );
    assert!(
        shallow.quotes.is_empty() && shallow.events.is_empty() && shallow.casualties.is_empty()
    );
    assert!(skipped(&shallow));
    assert!(!skipped(&full));
}

#[test]
fn quotes_depth_adds_quotes_only() {
    let full = read(english(STORY));
    let quotes = read_to(english(STORY), Depth::Quotes);
    assert_eq!(format!("{:?}", quotes.quotes), format!("{:?}", full.quotes));
    assert!(quotes.events.is_empty() && quotes.casualties.is_empty());
    assert!(skipped(&quotes));
}

#[test]
fn depths_are_ordered_and_named() {
    assert!(Depth::Entities < Depth::Quotes && Depth::Quotes < Depth::Events);
    assert_eq!(Depth::default(), Depth::Events);
    assert_eq!(Depth::Quotes.name(), "quotes");
}

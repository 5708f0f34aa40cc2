//! The team's own fr/en wire copy (testdata/gold/events-*.gold.jsonl): every gold
//! event and casualty must be read, with the gold's type, polarity, modality and
//! countries; the headline event's ACLED sub-event type must be the gold's, and
//! stories without political violence or demonstrations get no ACLED coding.

use dateline_model::{Document, Event, PartialDate, Reading};
use serde_json::Value;

fn gold(lang: &str) -> Vec<Value> {
    let path = format!(
        "{}/../../testdata/gold/events-{lang}.gold.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(|l| serde_json::from_str(l).expect("gold line"))
        .collect()
}

fn read(doc: &Value) -> Reading {
    let text = doc["input"].as_str().unwrap_or_default().to_string();
    let mut d = Document::new(
        doc["id"].as_str().unwrap_or("x"),
        dateline_text::normalize(&text),
    );
    d.meta.language = doc["lang"].as_str().map(str::to_string);
    d.meta.published = doc["published"].as_str().and_then(PartialDate::parse_iso);
    dateline_read::read(d)
}

fn matches(reading: &Reading, g: &Value, e: &Event) -> bool {
    let str_is = |key: &str, value: &str| g[key].as_str().map_or(true, |v| v == value);
    let country_in = |key: &str, people: &[dateline_model::Participant]| {
        g[key].as_str().map_or(true, |c| {
            people.iter().any(|p| p.country.as_deref() == Some(c))
        })
    };
    let trigger_ok = g["trigger"]
        .as_str()
        .map_or(true, |t| reading.doc.slice(e.trigger).contains(t));
    g["type"].as_str() == Some(e.kind.as_str())
        && trigger_ok
        && g["negated"].as_bool().map_or(true, |n| n == e.negated)
        && str_is("modality", e.modality.as_str())
        && country_in("actor_country", &e.actor)
        && country_in("recipient_country", &e.recipient)
}

fn describe(reading: &Reading) -> String {
    reading
        .events
        .iter()
        .map(|e| {
            format!(
                "{}[{}] neg={} {} actor={:?} recipient={:?} acled={:?}",
                e.kind,
                reading.doc.slice(e.trigger),
                e.negated,
                e.modality.as_str(),
                e.actor
                    .iter()
                    .map(|p| p.country.clone())
                    .collect::<Vec<_>>(),
                e.recipient
                    .iter()
                    .map(|p| p.country.clone())
                    .collect::<Vec<_>>(),
                e.acled.as_ref().map(|a| a.sub_event_type.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join("\n  ")
}

fn check(lang: &str) {
    let mut predicted = 0;
    let mut correct = 0;
    for doc in gold(lang) {
        let reading = read(&doc);
        let id = doc["id"].as_str().unwrap_or("?");
        for g in doc["events"].as_array().into_iter().flatten() {
            assert!(
                reading.events.iter().any(|e| matches(&reading, g, e)),
                "{id}: missing {g}\n  {}",
                describe(&reading)
            );
        }
        let golds = doc["events"].as_array().cloned().unwrap_or_default();
        predicted += reading.events.len();
        correct += reading
            .events
            .iter()
            .filter(|e| golds.iter().any(|g| matches(&reading, g, e)))
            .count();
        for g in doc["casualties"].as_array().into_iter().flatten() {
            let found = reading.casualties.iter().any(|c| {
                g["kind"].as_str() == Some(c.kind.as_str())
                    && g["min"].as_u64() == c.min
                    && g["max"].as_u64() == c.max
                    && g["group"].as_str().map_or(true, |w| {
                        c.group.as_deref().is_some_and(|cg| cg.contains(w))
                    })
            });
            assert!(
                found,
                "{id}: missing casualty {g}; read {:?}",
                reading.casualties
            );
        }
        let headline = reading
            .events
            .iter()
            .find_map(|e| e.acled.as_ref())
            .map(|a| a.sub_event_type.as_str());
        assert_eq!(
            headline,
            doc["acled_sub_event_type"].as_str(),
            "{id}: headline ACLED\n  {}",
            describe(&reading)
        );
        for e in &reading.events {
            assert!(
                !e.rule.is_empty() && e.rule.starts_with(lang),
                "{id}: rule {}",
                e.rule
            );
            assert!(e.cameo.is_some(), "{id}: every event has a CAMEO code");
        }
    }
    println!("{lang}: {correct}/{predicted} predicted events match gold");
    assert!(
        correct * 10 >= predicted * 7,
        "{lang}: precision {correct}/{predicted}"
    );
}

#[test]
fn french_wire_copy() {
    check("fr");
}

#[test]
fn english_wire_copy() {
    check("en");
}

//! Synthetic `dateline/1` records: varied enough to exercise every table and
//! filter, cheap enough to make thousands.

#![allow(dead_code)]

use serde_json::{json, Value};

const COUNTRIES: &[(&str, &str, f64, f64)] = &[
    ("KAZ", "Almaty", 43.25, 76.95),
    ("MLI", "Bamako", 12.65, -8.0),
    ("FRA", "Lyon", 45.76, 4.84),
];
/// PLOVER type, CAMEO code, ACLED (event type, sub-event type).
type Coding = (
    &'static str,
    &'static str,
    Option<(&'static str, &'static str)>,
);
const TYPES: &[Coding] = &[
    (
        "ASSAULT",
        "190",
        Some(("violence_against_civilians", "attack")),
    ),
    ("PROTEST", "141", Some(("protests", "peaceful_protest"))),
    ("ACCUSE", "112", None),
];

/// Record number `i`: country, type and month cycle with `i`; the text is unique per `i`.
pub fn record(i: usize) -> Value {
    let (country, city, lat, lon) = COUNTRIES[i % COUNTRIES.len()];
    let (kind, cameo, acled) = TYPES[i % TYPES.len()];
    let month = 1 + i % 12;
    let text = format!("{city}, story {i}. Police forces clashed with the \"Union, of workers\" near the square, officials said. Événement numéro {i}.");
    // Character offsets: "Police" and "clashed" are after the ASCII prefix.
    let prefix = format!("{city}, story {i}. ").chars().count();
    let police = [prefix, prefix + 6];
    let trigger = [prefix + 14, prefix + 21];
    let sentence_end = text
        .find(" Événement")
        .map(|b| text[..b].chars().count())
        .unwrap_or(0);
    json!({
        "schema": "dateline/1",
        "doc": {
            "id": format!("doc-{i:06}"), "url": format!("https://news.example/{i}"),
            "title": format!("Clashes in {city} ({i})"), "language": "en",
            "published": format!("2022-{month:02}-10"), "date_precision": "day", "publisher": "Example Wire",
            "dateline": {"text": city, "span": [0, city.len()], "place": "P1", "date": null, "agency": null},
            "text": text
        },
        "entities": [
            {"id": "E1", "type": "ORG", "name": "Police", "kb": null, "country": country, "sector": "COP", "role": null, "mentions": [police]},
            {"id": "E2", "type": "ORG", "name": "Union of workers", "kb": "wikidata:Q1", "country": country, "sector": "CVL", "role": null, "mentions": [[prefix + 31, prefix + 47]]}
        ],
        "places": [{"id": "P1", "name": city, "entity": null, "country": country, "admin1": null, "lat": lat, "lon": lon,
                    "precision": "city", "geonames": null, "mentions": [[0, city.len()]]}],
        "quotes": [{"id": "Q1", "text": "near the square", "span": [prefix + 49, prefix + 64], "kind": "indirect",
                    "speaker": null, "speaker_span": null, "cue": "said", "cue_span": [prefix + 76, prefix + 80]}],
        "casualties": [{"id": "C1", "kind": "injured", "min": 3, "max": 3, "approximate": false, "group": "workers",
                        "group_role": "civilian", "reported_by": null, "place": "P1", "event": "V1", "span": [0, 5]}],
        "events": [
            {"id": "V1", "type": kind, "mode": null, "context": [], "cameo": cameo,
             "acled": acled.map(|(t, s)| json!({"event_type": t, "sub_event_type": s})),
             "actor": [{"entity": "E1", "text": "Police forces", "country": country, "sector": "COP"}],
             "recipient": [{"entity": "E2", "text": "the Union of workers", "country": country, "sector": "CVL"}],
             "place": "P1", "date": format!("2022-{month:02}-09"), "date_precision": "day",
             "negated": i % 10 == 0, "modality": "asserted", "reported_by": null,
             "size": {"dead": if kind == "ASSAULT" { json!(2) } else { json!(null) }, "injured": 3, "arrested": null, "participants": null},
             "evidence": {"sentence": [prefix, sentence_end], "trigger": trigger},
             "confidence": 0.8, "rule": "en.test.clash"},
            {"id": "V2", "type": "ACCUSE", "mode": "allege", "context": ["political_institutions"], "cameo": "112", "acled": null,
             "actor": [{"entity": null, "text": "officials", "country": null, "sector": "GOV"}], "recipient": [],
             "place": null, "date": "--01-10", "date_precision": "day", "negated": false, "modality": "reported",
             "reported_by": null, "size": {"dead": null, "injured": null, "arrested": null, "participants": null},
             "evidence": {"sentence": [prefix, sentence_end], "trigger": [sentence_end - 5, sentence_end - 1]},
             "confidence": 0.5, "rule": "en.test.said"}
        ],
        "diagnostics": []
    })
}

pub fn records(range: std::ops::Range<usize>) -> Vec<Value> {
    range.map(record).collect()
}

//! The dev sets in `shared/eval/dev/`, when present: a record built straight
//! from the seed's gold reading must score perfectly, and the PLOVER set must
//! score its events.

use dateline_eval::{discover, evaluate, gold, schema, GoldDoc};
use serde_json::{json, Value};
use std::path::PathBuf;

fn dev_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/dev");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("note: {} not found; dev-set checks skipped", dir.display());
        None
    }
}

/// Char spans of every exact occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Value> {
    text.match_indices(needle)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            json!([start, start + needle.chars().count()])
        })
        .collect()
}

/// A record that says exactly what the gold says (entities: one per gold
/// text, mentioned wherever its words stand and not inside a longer gold text).
fn perfect_record(gold: &GoldDoc) -> Value {
    let text = gold.input.clone().unwrap_or_default();
    let doc_fields = gold.doc.clone().unwrap_or_default();
    let mut places = Vec::new();
    let mut entities = Vec::new();
    let gold_entities = gold.entities.clone().unwrap_or_default();
    for (i, e) in gold_entities.iter().enumerate() {
        let longer: Vec<Value> = gold_entities
            .iter()
            .filter(|o| o.text.len() > e.text.len() && o.text.contains(&e.text))
            .flat_map(|o| occurrences(&text, &o.text))
            .collect();
        let inside = |m: &Value| {
            longer
                .iter()
                .any(|l| l[0].as_u64() <= m[0].as_u64() && m[1].as_u64() <= l[1].as_u64())
        };
        let mentions: Vec<Value> = occurrences(&text, &e.text)
            .into_iter()
            .filter(|m| !inside(m))
            .collect();
        entities.push(json!({"id": format!("E{}", i + 1), "type": e.kind, "name": e.name.clone().unwrap_or_default(),
                             "country": e.country, "mentions": mentions}));
    }
    let speaker_id = |name: &Option<String>| {
        let n = entities.len();
        name.as_ref()
            .and_then(|name| {
                gold_entities
                    .iter()
                    .position(|e| e.name.as_deref() == Some(name))
                    .map(|i| format!("E{}", i + 1))
            })
            .filter(|_| n > 0)
    };
    for (i, p) in gold.places.clone().unwrap_or_default().iter().enumerate() {
        places.push(
            json!({"id": format!("P{}", i + 1), "name": p.text, "country": p.country,
                           "lat": p.lat, "lon": p.lon, "mentions": occurrences(&text, &p.text)}),
        );
    }
    let quotes: Vec<Value> = gold.quotes.clone().unwrap_or_default().iter().enumerate().map(|(i, q)| {
        let span = occurrences(&text, &q.text).first().cloned().unwrap_or(json!([0, 0]));
        json!({"id": format!("Q{}", i + 1), "text": q.text, "span": span, "kind": q.kind, "speaker": speaker_id(&q.speaker)})
    }).collect();
    let casualties: Vec<Value> = gold.casualties.clone().unwrap_or_default().iter().enumerate().map(|(i, c)| {
        json!({"id": format!("C{}", i + 1), "kind": c.kind, "min": c.min, "max": c.max, "group": c.group, "span": [0, 0]})
    }).collect();
    let events: Vec<Value> = gold.events.clone().unwrap_or_default().iter().enumerate().map(|(i, e)| {
        let side = |c: &Option<String>| c.iter().map(|c| json!({"text": "", "country": c})).collect::<Vec<_>>();
        json!({"id": format!("V{}", i + 1), "type": e.kind, "mode": e.mode,
               "actor": side(&e.actor_country), "recipient": side(&e.recipient_country),
               "negated": e.negated.unwrap_or(false), "modality": e.modality.clone().unwrap_or("asserted".into()),
               "evidence": {"sentence": [0, 0], "trigger": [0, 0]}})
    }).collect();
    let field = |f: &Option<Option<String>>| f.clone().flatten();
    let record = json!({
        "schema": "dateline/1",
        "doc": {"id": gold.id, "text": text, "title": field(&doc_fields.title), "publisher": field(&doc_fields.publisher),
                "dateline": {"text": "", "span": [0, 0], "place": null,
                             "place_text": field(&doc_fields.dateline_place),
                             "date": field(&doc_fields.dateline_date), "agency": field(&doc_fields.agency)},
                "sources": doc_fields.sources.clone().unwrap_or_default().iter()
                    .map(|s| json!({"name": s, "role": "cited"})).collect::<Vec<_>>()},
        "entities": entities, "places": places, "quotes": quotes, "casualties": casualties,
        "events": events, "diagnostics": []});
    assert_eq!(
        schema::validate(&record),
        Ok(()),
        "{}",
        gold.id.as_deref().unwrap_or("")
    );
    record
}

#[test]
fn a_reading_equal_to_the_gold_scores_perfectly() {
    let Some(dir) = dev_dir() else { return };
    let files = discover(&[&dir]);
    assert!(files.iter().any(|f| f.ends_with("seed.gold.jsonl")));
    let seed = gold::read(&dir.join("seed.gold.jsonl")).unwrap();
    assert_eq!(seed.len(), 1);
    let (report, docs) = evaluate(&seed, perfect_record);
    let s = &report.scores;
    println!("{}", report.to_table());
    for miss in &docs[0].misses {
        println!("{miss:?}");
    }
    assert!(docs[0].misses.is_empty());
    assert_eq!(s.entities.mentions.f1(), Some(1.0));
    assert_eq!(s.places.found.f1(), Some(1.0));
    assert_eq!(s.places.right.accuracy(), Some(1.0));
    assert_eq!(s.quotes.matched.f1(), Some(1.0));
    assert_eq!(s.quotes.speaker.accuracy(), Some(1.0));
    assert_eq!(s.casualties.matched.f1(), Some(1.0));
    assert_eq!(s.casualties.group.accuracy(), Some(1.0));
    assert_eq!(s.events.full.f1(), Some(1.0));
    assert_eq!(s.doc_fields.dateline_place.accuracy(), Some(1.0));
    assert_eq!(s.doc_fields.sources.accuracy(), Some(1.0));
    assert_eq!(
        (
            s.quotes.matched.tp,
            s.casualties.matched.tp,
            s.events.full.tp
        ),
        (6, 3, 9)
    );
}

#[test]
fn plover_set_scores_events_only() {
    let Some(dir) = dev_dir() else { return };
    let plover = gold::read(&dir.join("plover-gsr.gold.jsonl")).unwrap();
    assert_eq!(plover.len(), 322);
    let (perfect, _) = evaluate(&plover, perfect_record);
    assert_eq!(perfect.docs, 322);
    assert_eq!(perfect.scores.events.docs, 322);
    assert_eq!(perfect.scores.events.full.tp, 322);
    assert_eq!(perfect.scores.entities.docs, 0);
    // Reading nothing finds nothing and invents nothing.
    let (empty, docs) = evaluate(
        &plover,
        |g| json!({"schema": "dateline/1", "doc": {"id": g.id}, "events": []}),
    );
    assert_eq!(empty.scores.events.full.fn_, 322);
    assert_eq!(empty.scores.events.full.fp, 0);
    assert_eq!(empty.scores.events.full.recall(), Some(0.0));
    assert!(docs.iter().all(|d| d.misses.len() == 1));
}

#[test]
fn the_projects_own_gold_files_parse() {
    let testdata = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata");
    for file in discover(&[&testdata]) {
        let docs = gold::read(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(!docs.is_empty(), "{} holds no reading", file.display());
    }
}

//! Scores the events and casualties readers on the shared dev sets (when present
//! at ../shared/eval/dev) with the rules of ../shared/spec/gold.md, prints the
//! figures and holds them above floors so a regression fails the build.
//! `cargo test -p dateline-read --test events_dev -- --nocapture` shows the figures.

use dateline_model::{Document, Event, PartialDate, Reading};
use serde_json::Value;
use std::path::Path;

fn dev_file(name: &str) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/dev")
        .join(name);
    std::fs::read_to_string(path).ok()
}

fn read_gold(doc: &Value) -> Reading {
    let text = doc["input"].as_str().unwrap_or_default().to_string();
    let mut d = Document::new(
        doc["id"].as_str().unwrap_or("x"),
        dateline_text::normalize(&text),
    );
    d.meta.language = doc["lang"].as_str().map(str::to_string);
    d.meta.published = doc["published"].as_str().and_then(PartialDate::parse_iso);
    dateline_read::read(d)
}

fn country(p: &[dateline_model::Participant]) -> Vec<String> {
    p.iter().filter_map(|x| x.country.clone()).collect()
}

/// gold.md: same type and, where the gold gives them, the same countries, negation, modality.
fn matches(gold: &Value, e: &Event, with_countries: bool) -> bool {
    if gold["type"].as_str() != Some(e.kind.as_str()) {
        return false;
    }
    if let Some(n) = gold["negated"].as_bool() {
        if n != e.negated {
            return false;
        }
    }
    if let Some(m) = gold["modality"].as_str() {
        if m != e.modality.as_str() {
            return false;
        }
    }
    if with_countries {
        if let Some(c) = gold["actor_country"].as_str() {
            if !country(&e.actor).iter().any(|x| x == c) {
                return false;
            }
        }
        if let Some(c) = gold["recipient_country"].as_str() {
            if !country(&e.recipient).iter().any(|x| x == c) {
                return false;
            }
        }
    }
    true
}

struct Score {
    gold: usize,
    found: usize,
    predicted: usize,
    correct: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let p = if self.predicted == 0 {
            0.0
        } else {
            self.correct as f64 / self.predicted as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.found as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn score(docs: &[(Value, Reading)], with_countries: bool) -> Score {
    let mut s = Score {
        gold: 0,
        found: 0,
        predicted: 0,
        correct: 0,
    };
    for (doc, reading) in docs {
        let gold = doc["events"].as_array().cloned().unwrap_or_default();
        s.gold += gold.len();
        s.found += gold
            .iter()
            .filter(|g| reading.events.iter().any(|e| matches(g, e, with_countries)))
            .count();
        s.predicted += reading.events.len();
        s.correct += reading
            .events
            .iter()
            .filter(|e| gold.iter().any(|g| matches(g, e, with_countries)))
            .count();
    }
    s
}

#[test]
fn plover_gold_standard_records() {
    let Some(text) = dev_file("plover-gsr.gold.jsonl") else {
        return;
    };
    let docs: Vec<(Value, Reading)> = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .map(|doc| {
            let reading = read_gold(&doc);
            (doc, reading)
        })
        .collect();
    let typed = score(&docs, false);
    let full = score(&docs, true);
    println!(
        "PLOVER GSR: {} docs; type F1 {:.3} (found {}/{}, correct {}/{}); with countries F1 {:.3} (found {}, correct {})",
        docs.len(),
        typed.f1(),
        typed.found,
        typed.gold,
        typed.correct,
        typed.predicted,
        full.f1(),
        full.found,
        full.correct
    );
    if std::env::var("DATELINE_SHOW_MISSES").is_ok() {
        for (doc, reading) in &docs {
            let gold = &doc["events"][0];
            let got: Vec<String> = reading
                .events
                .iter()
                .map(|e| {
                    format!(
                        "{}[{}]({:?}->{:?})",
                        e.kind,
                        reading.doc.slice(e.trigger),
                        country(&e.actor),
                        country(&e.recipient)
                    )
                })
                .collect();
            let ok = reading.events.iter().any(|e| matches(gold, e, true));
            println!(
                "{} {} {} {} | {:?} | {}",
                if ok { "OK " } else { "BAD" },
                gold["type"],
                gold["actor_country"],
                gold["recipient_country"],
                got,
                doc["input"].as_str().unwrap_or("")
            );
        }
    }
    assert!(
        typed.f1() >= 0.5,
        "PLOVER GSR type F1 fell to {:.3}",
        typed.f1()
    );
}

#[test]
fn seed_story() {
    let Some(text) = dev_file("seed.gold.jsonl") else {
        return;
    };
    let doc: Value = serde_json::from_str(text.lines().next().unwrap_or("{}")).expect("seed gold");
    let reading = read_gold(&doc);
    for e in &reading.events {
        println!(
            "{} {:?} [{}] actor {:?} recipient {:?} neg {} {} rule {} evidence+{} acled {:?} size {:?}",
            e.kind,
            e.mode,
            reading.doc.slice(e.trigger),
            e.actor.iter().map(|p| (&p.text, &p.country)).collect::<Vec<_>>(),
            e.recipient.iter().map(|p| (&p.text, &p.country)).collect::<Vec<_>>(),
            e.negated,
            e.modality.as_str(),
            e.rule,
            e.more_evidence.len(),
            e.acled.as_ref().map(|a| &a.sub_event_type),
            e.size
        );
    }
    for c in &reading.casualties {
        println!(
            "casualty {} {:?}-{:?} approx {} group {:?} role {} event {:?}",
            c.kind.as_str(),
            c.min,
            c.max,
            c.approximate,
            c.group,
            c.group_role.as_str(),
            c.event
        );
    }
    let gold = doc["events"].as_array().cloned().unwrap_or_default();
    let typed = gold
        .iter()
        .filter(|g| reading.events.iter().any(|e| matches(g, e, false)))
        .count();
    let full = gold
        .iter()
        .filter(|g| reading.events.iter().any(|e| matches(g, e, true)))
        .count();
    let cas = doc["casualties"].as_array().cloned().unwrap_or_default();
    let cas_found = cas
        .iter()
        .filter(|g| {
            reading.casualties.iter().any(|c| {
                g["kind"].as_str() == Some(c.kind.as_str())
                    && g["min"].as_u64() == c.min
                    && g["max"].as_u64() == c.max
            })
        })
        .count();
    println!("seed: events {typed}/{} by type, {full}/{} with countries; casualties {cas_found}/{}; predicted {}", gold.len(), gold.len(), cas.len(), reading.events.len());
    assert!(typed >= 7, "seed events by type: {typed}");
    assert_eq!(cas_found, cas.len(), "seed casualty figures");
}

/// `DATELINE_DEBUG_TEXT="..." DATELINE_DEBUG_LANG=en cargo test -p dateline-read --test events_dev debug -- --nocapture`
/// prints what the readers make of one text (a development aid; does nothing otherwise).
#[test]
fn debug_text() {
    let Ok(text) = std::env::var("DATELINE_DEBUG_TEXT") else {
        return;
    };
    let lang = std::env::var("DATELINE_DEBUG_LANG").unwrap_or_else(|_| "en".into());
    let mut d = Document::new("debug", text);
    d.meta.language = Some(lang);
    let reading = dateline_read::read(d);
    for e in &reading.entities {
        println!(
            "entity {:?} {} {:?} {:?} {:?}",
            e.kind,
            e.name,
            e.country,
            e.sector,
            e.mentions
                .iter()
                .map(|m| reading.doc.slice(*m))
                .collect::<Vec<_>>()
        );
    }
    for e in &reading.events {
        println!("{:#?}", e);
    }
    for c in &reading.casualties {
        println!("{:?}", c);
    }
}

/// `DATELINE_SHOW_ROLES=1`: for type-matched PLOVER events whose actor or recipient
/// country is wrong, whether the sentence names an entity of the gold country at all
/// (the argument reader's miss) or not (the entity layer's).
#[test]
fn argument_misses() {
    if std::env::var("DATELINE_SHOW_ROLES").is_err() {
        return;
    }
    let Some(text) = dev_file("plover-gsr.gold.jsonl") else {
        return;
    };
    let (mut mine, mut layer) = ((0, 0), (0, 0));
    for line in text.lines() {
        let Ok(doc) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let reading = read_gold(&doc);
        let g = &doc["events"][0];
        let same: Vec<&Event> = reading
            .events
            .iter()
            .filter(|e| g["type"].as_str() == Some(e.kind.as_str()))
            .collect();
        if same.is_empty() {
            continue;
        }
        for (key, actor) in [("actor_country", true), ("recipient_country", false)] {
            let Some(c) = g[key].as_str() else { continue };
            let ok = same.iter().any(|e| {
                country(if actor { &e.actor } else { &e.recipient })
                    .iter()
                    .any(|x| x == c)
            });
            if ok {
                continue;
            }
            let named = reading
                .entities
                .iter()
                .any(|e| e.country.as_deref() == Some(c));
            let slot = if named { &mut mine } else { &mut layer };
            if actor {
                slot.0 += 1;
            } else {
                slot.1 += 1;
            }
            if named {
                println!(
                    "{key} {c}: {:?} | {}",
                    same.iter()
                        .map(|e| (country(&e.actor), country(&e.recipient)))
                        .collect::<Vec<_>>(),
                    doc["input"].as_str().unwrap_or("")
                );
            }
        }
    }
    println!("wrong (actor, recipient) with the country named: {mine:?}; not named by any entity: {layer:?}");
}

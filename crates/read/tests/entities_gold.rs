//! Scores the entity and place readers on the project's entity gold files
//! (`testdata/gold/entities-*.gold.jsonl`, discovered, never listed), the way
//! `shared/spec/gold.md` scores them: a predicted mention matches a gold one
//! when they overlap by at least half of the longer and the types agree (GPE
//! and LOC as one); a gold place is right within 161 km of the gold point, or
//! with the right country when the gold gives no point.
//! Run with `--nocapture` to see the figures and every miss.

use dateline_model::{Document, EntityType, Reading, Span};
use serde_json::Value;
use std::path::PathBuf;

fn gold_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../testdata/gold");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with("entities-") && n.ends_with(".gold.jsonl"))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

fn same_type(a: EntityType, b: EntityType) -> bool {
    let geo = |t| matches!(t, EntityType::Gpe | EntityType::Loc);
    a == b || (geo(a) && geo(b))
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Every occurrence of each gold text, without those inside a longer one
/// ("Tokaïev" within "Kassym-Jomart Tokaïev").
fn gold_mentions(text: &str, gold: &[(String, EntityType)]) -> Vec<(Span, EntityType)> {
    let mut all: Vec<(Span, EntityType)> = Vec::new();
    for (needle, kind) in gold {
        for (start, _) in text.match_indices(needle.as_str()) {
            all.push((Span::new(start, start + needle.len()), *kind));
        }
    }
    let inside_longer = |s: Span| all.iter().any(|(o, _)| o.contains(s) && o.len() > s.len());
    let mut kept: Vec<(Span, EntityType)> = all
        .iter()
        .copied()
        .filter(|(s, _)| !inside_longer(*s))
        .collect();
    kept.sort_by_key(|(s, _)| *s);
    kept.dedup_by_key(|(s, _)| *s);
    kept
}

fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

#[derive(Default)]
struct Tally {
    true_positives: usize,
    predicted: usize,
    gold: usize,
    places: usize,
    places_found: usize,
    places_right: usize,
}

fn score(doc: &Value, tally: &mut Tally) {
    let text = doc["input"].as_str().unwrap_or_default();
    let lang = doc["lang"].as_str().unwrap_or("und");
    let mut document = Document::new(doc["id"].as_str().unwrap_or("?"), text.to_string());
    document.meta.language = Some(lang.to_string());
    let reading: Reading = dateline_read::read(document);

    let gold: Vec<(String, EntityType)> = doc["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            Some((
                e["text"].as_str()?.to_string(),
                EntityType::parse(e["type"].as_str()?)?,
            ))
        })
        .collect();
    let gold = gold_mentions(text, &gold);
    let predicted: Vec<(Span, EntityType)> = reading
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (*m, e.kind)))
        .collect();
    let mut taken = vec![false; gold.len()];
    for (span, kind) in &predicted {
        let found = gold.iter().enumerate().position(|(i, (g, gk))| {
            !taken[i] && same_type(*kind, *gk) && 2 * overlap(*span, *g) >= span.len().max(g.len())
        });
        match found {
            Some(i) => {
                taken[i] = true;
                tally.true_positives += 1;
            }
            None => println!(
                "  {}: spurious {:?} {}",
                doc["id"],
                reading.doc.slice(*span),
                kind.as_str()
            ),
        }
    }
    for (i, (g, kind)) in gold.iter().enumerate() {
        if !taken[i] {
            println!(
                "  {}: missed {:?} {}",
                doc["id"],
                reading.doc.slice(*g),
                kind.as_str()
            );
        }
    }
    tally.predicted += predicted.len();
    tally.gold += gold.len();

    for place in doc["places"].as_array().into_iter().flatten() {
        let Some(needle) = place["text"].as_str() else {
            continue;
        };
        tally.places += 1;
        let spans: Vec<Span> = text
            .match_indices(needle)
            .map(|(s, _)| Span::new(s, s + needle.len()))
            .collect();
        let found = reading.places.iter().find(|p| {
            p.mentions
                .iter()
                .any(|m| spans.iter().any(|s| s.overlaps(*m)))
        });
        let Some(found) = found else {
            println!("  {}: place not found {needle:?}", doc["id"]);
            continue;
        };
        tally.places_found += 1;
        let right = match (
            place["lat"].as_f64(),
            place["lon"].as_f64(),
            found.lat,
            found.lon,
        ) {
            (Some(glat), Some(glon), Some(lat), Some(lon)) => {
                distance_km(glat, glon, lat, lon) <= 161.0
            }
            _ => place["country"].as_str() == found.country.as_deref(),
        };
        if right {
            tally.places_right += 1;
        } else {
            println!(
                "  {}: place wrong {needle:?} -> {} {:?}",
                doc["id"], found.name, found.country
            );
        }
    }
}

#[test]
fn entity_and_place_gold() {
    let files = gold_files();
    assert!(!files.is_empty(), "no testdata/gold/entities-*.gold.jsonl");
    let mut total = Tally::default();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let mut tally = Tally::default();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let doc: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            score(&doc, &mut tally);
        }
        let (p, r) = (
            tally.true_positives as f64 / tally.predicted.max(1) as f64,
            tally.true_positives as f64 / tally.gold.max(1) as f64,
        );
        println!(
            "{}: entity mentions P {p:.2} R {r:.2} F1 {:.2}; places found {}/{}, right {}/{}",
            file.file_name().and_then(|n| n.to_str()).unwrap_or("?"),
            2.0 * p * r / (p + r).max(f64::EPSILON),
            tally.places_found,
            tally.places,
            tally.places_right,
            tally.places
        );
        total.true_positives += tally.true_positives;
        total.predicted += tally.predicted;
        total.gold += tally.gold;
        total.places += tally.places;
        total.places_found += tally.places_found;
        total.places_right += tally.places_right;
    }
    let p = total.true_positives as f64 / total.predicted.max(1) as f64;
    let r = total.true_positives as f64 / total.gold.max(1) as f64;
    let f1 = 2.0 * p * r / (p + r).max(f64::EPSILON);
    let accuracy = total.places_right as f64 / total.places.max(1) as f64;
    println!(
        "all: entity mentions P {p:.2} R {r:.2} F1 {f1:.2}; place accuracy@161km {accuracy:.2}"
    );
    // Floors a little under the figures measured when the files were written:
    // a drop below them is a regression to look at.
    assert!(f1 >= 0.90, "entity F1 {f1:.2}");
    assert!(accuracy >= 0.90, "place accuracy {accuracy:.2}");
}

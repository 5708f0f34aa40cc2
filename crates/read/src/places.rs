//! The places reader: every country, region or city entity the gazetteer
//! can place becomes a [`Place`] with coordinates, country, admin1 and
//! precision, and so does the dateline's place. Homonyms are settled by the
//! entity reader's choice of country, then by the story's countries, the
//! dateline and population (Paris, France over Paris, Texas).
//!
//! ```
//! use dateline_model::{Document, GeoPrecision};
//! let mut doc = Document::new("d1", "Des manifestants ont défilé à Paris samedi.".to_string());
//! doc.meta.language = Some("fr".into());
//! let reading = dateline_read::read(doc);
//! if let Some(paris) = reading.places.iter().find(|p| p.name == "Paris") {
//!     assert_eq!(paris.country.as_deref(), Some("FRA"));
//!     assert_eq!(paris.precision, Some(GeoPrecision::City));
//! }
//! ```

use crate::entities::knowledge::{self, Known};
use crate::Context;
use dateline_model::{Entity, EntityType, Place, Reading, Span};

/// Reads the places of a document into `reading.places` (after the entities).
pub fn read(reading: &mut Reading, cx: &Context) {
    let focus = crate::entities::focus_country(reading);
    let dateline_place = reading
        .doc
        .meta
        .dateline
        .as_ref()
        .and_then(|d| d.place_span.zip(d.place_text.clone()));
    let mut places = Vec::new();
    for (index, entity) in reading.entities.iter().enumerate() {
        if !matches!(entity.kind, EntityType::Gpe | EntityType::Loc) {
            continue;
        }
        let Some(found) = locate(reading, cx, entity, focus.as_deref()) else {
            continue;
        };
        places.push(place_of(&found, Some(index), entity.mentions.clone()));
    }
    // The dateline names a place even when no entity covers it ("PARIS (Reuters)").
    if let Some((span, text)) = dateline_place {
        let covered = places
            .iter()
            .any(|p: &Place| p.mentions.iter().any(|m| m.overlaps(span)));
        if !covered {
            let folded = dateline_text::fold(text.trim());
            let best = best_of(
                knowledge::lookup(folded.text()),
                None,
                focus.as_deref(),
                None,
            );
            if let Some(found) = best {
                let entity_index = reading.entities.len();
                reading.entities.push(Entity {
                    kind: EntityType::Gpe,
                    name: found.name.to_string(),
                    kb: found.kb.map(str::to_string),
                    country: found.country.map(str::to_string),
                    sector: None,
                    role: None,
                    mentions: vec![span],
                });
                places.push(place_of(&found, Some(entity_index), vec![span]));
            }
        }
    }
    reading.places = places;
}

/// The gazetteer record an entity stands for: among the records its
/// mentions and name may name, the one with the entity's name and country.
fn locate(reading: &Reading, cx: &Context, entity: &Entity, focus: Option<&str>) -> Option<Known> {
    let mut ids: Vec<u32> = Vec::new();
    let folded = cx.folded.text();
    for mention in &entity.mentions {
        let span = cx.folded.to_folded(*mention);
        let written = folded.get(span.start..span.end).unwrap_or("");
        for id in knowledge::lookup(written) {
            if !ids.contains(id) {
                ids.push(*id);
            }
        }
    }
    if ids.is_empty() {
        ids.extend_from_slice(knowledge::lookup(dateline_text::fold(&entity.name).text()));
    }
    best_of(&ids, Some(entity), focus, dateline_country(reading))
}

fn dateline_country(reading: &Reading) -> Option<&str> {
    let span = reading.doc.meta.dateline.as_ref()?.place_span?;
    reading
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.overlaps(span)))?
        .country
        .as_deref()
}

/// The most plausible place among candidates: the entity's own choice
/// (same name and country), then the story's country and the dateline's,
/// then countries over regions over cities, then population.
fn best_of(
    ids: &[u32],
    entity: Option<&Entity>,
    focus: Option<&str>,
    dateline: Option<&str>,
) -> Option<Known> {
    let score = |k: &Known| {
        let same_entity =
            entity.is_some_and(|e| e.name == k.name && e.country.as_deref() == k.country);
        let same_country =
            entity.is_some_and(|e| e.country.is_some() && e.country.as_deref() == k.country);
        let in_story = k.country.is_some() && (k.country == focus || k.country == dateline);
        let rank = match k.precision() {
            Some(dateline_model::GeoPrecision::Country) => 4u8,
            Some(_) if knowledge::is_capital(k) => 3,
            Some(dateline_model::GeoPrecision::Admin1) => 2,
            Some(_) => 1,
            None => 0,
        };
        (same_entity, same_country, in_story, rank, k.population)
    };
    ids.iter()
        .filter_map(|id| knowledge::known(*id))
        .filter(|k| k.is_place() && k.lat.is_some() && k.lon.is_some())
        .max_by_key(score)
}

fn place_of(found: &Known, entity: Option<usize>, mentions: Vec<Span>) -> Place {
    Place {
        name: found.name.to_string(),
        entity,
        country: found.country.map(str::to_string),
        admin1: found.admin1.map(str::to_string),
        lat: found.lat,
        lon: found.lon,
        precision: found.precision(),
        geonames: found.geonames,
        mentions,
    }
}

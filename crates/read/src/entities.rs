//! The entities reader: named entities (gazetteer matches and names no list
//! knows), linked to one identity per person, organisation or place, with the
//! country, PLOVER sector and role the text or the gazetteer gives them.
//!
//! Besides [`read`], it answers three questions for the later readers:
//! [`actor_for_span`] (who is this noun phrase, as an event participant),
//! [`resolve_speaker`] (which entity does "il", "Tokaïev" or "le président
//! kazakh" refer to) and [`focus_country`] (what country is the story about).
//!
//! ```
//! use dateline_model::{Document, EntityType};
//! let mut doc = Document::new("d1", "Le président Jean Dupont a parlé.".to_string());
//! doc.meta.language = Some("fr".into());
//! let reading = dateline_read::read(doc);
//! let dupont = reading.entities.iter().find(|e| e.name == "Jean Dupont").expect("a titled name is a person");
//! assert_eq!(dupont.kind, EntityType::Per);
//! assert_eq!(dupont.role.as_deref(), Some("president"));
//! ```

mod build;
mod fast_hash;
mod index;
pub(crate) mod knowledge;
pub(crate) mod lexicon;
pub(crate) mod scan;

use crate::Context;
use dateline_model::{EntityType, Participant, Reading, Span};
use index::MentionIndex;
use lexicon::{lexicon, Lexicon};

/// Reads the entities of a document into `reading.entities`.
pub fn read(reading: &mut Reading, cx: &Context) {
    index::forget();
    thread_local! {
        // Token buffers live as long as the thread: no allocation per document.
        static TOKENS: std::cell::RefCell<Vec<scan::Tok>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    TOKENS.with(|buffer| match buffer.try_borrow_mut() {
        Ok(mut toks) => read_with(reading, cx, &mut toks),
        Err(_) => read_with(reading, cx, &mut Vec::new()),
    });
}

fn read_with(reading: &mut Reading, cx: &Context, toks: &mut Vec<scan::Tok>) {
    let lex = lexicon(&cx.lang);
    scan::scan_into(toks, &cx.folded, &reading.doc.text, lex, &|w| {
        lex.is_abbreviation(w)
    });
    let dateline_place = reading
        .doc
        .meta
        .dateline
        .as_ref()
        .and_then(|d| d.place_span);
    let title_span = reading.doc.meta.title_span;
    let sources: Vec<Span> = reading
        .doc
        .meta
        .sources
        .iter()
        .map(|s| s.span)
        .filter(|s| !s.is_empty())
        .collect();
    let entities = build::entities(&build::Input {
        toks,
        view: &cx.folded,
        folded: cx.folded.text(),
        original: &reading.doc.text,
        lex,
        lang: &cx.lang,
        dateline_place,
        title_span,
        sources: &sources,
    });
    reading.entities = entities;
}

/// The story's main country: the country most mentioned by its entities,
/// with mentions in the title and the opening paragraph weighing more.
/// `None` when no country stands out.
pub fn focus_country(reading: &Reading) -> Option<String> {
    index::with(reading, |ix| focus_in(ix, reading))
}

fn focus_in(ix: &mut MentionIndex, reading: &Reading) -> Option<String> {
    ix.focus(|| compute_focus(reading))
}

fn compute_focus(reading: &Reading) -> Option<String> {
    let lede_end = reading
        .text
        .paragraphs
        .get(1)
        .map_or(600, |p| p.start)
        .max(400);
    let mentions = reading
        .entities
        .iter()
        .filter(|e| e.country.as_deref().is_some_and(is_state_code))
        .flat_map(|e| {
            let country = e.country.as_deref().unwrap_or("");
            let weight_of_kind = if matches!(e.kind, EntityType::Gpe | EntityType::Loc) {
                2
            } else {
                1
            };
            e.mentions
                .iter()
                .map(move |m| (country, *m, weight_of_kind))
        });
    build::focus(mentions, reading.doc.meta.title_span, lede_end).map(str::to_string)
}

/// ISO 3166 alpha-3 codes, not the `IGO`/`NGO` pseudo-countries.
fn is_state_code(code: &str) -> bool {
    code != "IGO" && code != "NGO" && code.len() == 3
}

/// The event participant a noun phrase names: the entity mentioned inside it
/// (persons and organisations first), else the actor noun, title or
/// government body it contains, with the country an adjacent adjective or
/// name gives, or the story's country for domestic actors (police, officials).
pub fn actor_for_span(reading: &Reading, cx: &Context, span: Span) -> Option<Participant> {
    index::with(reading, |ix| actor_in(ix, reading, cx, span))
}

fn actor_in(
    ix: &mut MentionIndex,
    reading: &Reading,
    cx: &Context,
    span: Span,
) -> Option<Participant> {
    let text = reading.doc.slice(span);
    if text.is_empty() {
        return None;
    }
    let inside = |ix: &MentionIndex, kinds: &[EntityType]| {
        let index = ix.inside(reading, span, kinds)?;
        reading.entities.get(index).map(|e| (index, e))
    };
    let lex = lexicon(&cx.lang);
    // "Il a assuré...": a subject pronoun stands for the person named before it.
    let folded = dateline_text::fold(text.trim());
    if let Some(gender) = lex.pronouns.get(folded.text()) {
        let index = last_person_before(ix, reading, lex, span.start, *gender)?;
        let entity = reading.entities.get(index)?;
        let country = entity.country.clone().or_else(|| {
            // The office holder a pronoun stands for, as above.
            entity
                .role
                .is_some()
                .then(|| focus_in(ix, reading))
                .flatten()
        });
        return Some(Participant {
            entity: Some(index),
            text: text.to_string(),
            span: Some(span),
            country,
            sector: entity.sector.clone(),
        });
    }
    let phrase = build::read_phrase(text, lex, &cx.lang);
    if let Some((index, entity)) = inside(ix, &[EntityType::Per, EntityType::Org]) {
        // "President Levy Mwanawasa" in a story about Zambia: an office
        // holder whose country no word gives holds it in the story's country.
        let office_holder = entity.kind == EntityType::Per
            && (entity.role.is_some() || phrase.as_ref().is_some_and(|p| p.title.is_some()));
        return Some(Participant {
            entity: Some(index),
            text: text.to_string(),
            span: Some(span),
            country: entity
                .country
                .clone()
                .or_else(|| phrase.as_ref().and_then(|p| p.country.map(str::to_string)))
                .or_else(|| office_holder.then(|| focus_in(ix, reading)).flatten()),
            sector: entity
                .sector
                .clone()
                .or_else(|| phrase.as_ref().and_then(|p| p.sector.clone())),
        });
    }
    if let Some(found) = phrase {
        if found.sector.is_some() || found.country.is_some() {
            let mut country = found.country.map(str::to_string);
            if found.residents {
                // "Ethnic Albanians in south Serbia": where they live, when
                // the phrase or the story says it and it is another country.
                let story = focus_in(ix, reading).filter(|c| Some(c.as_str()) != found.country);
                if let Some(residence) = found.residence.map(str::to_string).or(story) {
                    country = Some(residence);
                }
            }
            if country.is_none() {
                country = inside(ix, &[EntityType::Gpe, EntityType::Norp])
                    .and_then(|(_, e)| e.country.clone());
            }
            if country.is_none() && found.domestic {
                country = focus_in(ix, reading);
            }
            let entity = resolve_titled(ix, reading, lex, &found, span);
            return Some(Participant {
                entity,
                text: text.to_string(),
                span: Some(span),
                country,
                sector: found.sector,
            });
        }
    }
    let (index, entity) = inside(
        ix,
        &[
            EntityType::Gpe,
            EntityType::Loc,
            EntityType::Norp,
            EntityType::Group,
        ],
    )?;
    Some(Participant {
        entity: (entity.kind != EntityType::Norp).then_some(index),
        text: text.to_string(),
        span: Some(span),
        country: entity.country.clone(),
        sector: entity.sector.clone(),
    })
}

/// The entity a speaker expression refers to: a name or surname mentioned in
/// the span, a title phrase ("le président kazakh") held by a person of the
/// story, or a subject pronoun ("il", "she") standing for the last person
/// named before it. `None` when the text does not settle it.
pub fn resolve_speaker(reading: &Reading, cx: &Context, span: Span) -> Option<usize> {
    index::with(reading, |ix| speaker_in(ix, reading, cx, span))
}

fn speaker_in(ix: &mut MentionIndex, reading: &Reading, cx: &Context, span: Span) -> Option<usize> {
    if let Some(found) = ix
        .overlapping(reading, span, EntityType::Per)
        .or_else(|| ix.overlapping(reading, span, EntityType::Org))
    {
        return Some(found);
    }
    let text = reading.doc.slice(span);
    let lex = lexicon(&cx.lang);
    let folded = dateline_text::fold(text);
    let words: Vec<&str> = folded
        .text()
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() <= 2 {
        if let Some(gender) = words.iter().find_map(|w| lex.pronouns.get(*w)) {
            return last_person_before(ix, reading, lex, span.start, *gender);
        }
    }
    if let Some(found) = build::read_phrase(text, lex, &cx.lang) {
        if found.title.is_some() {
            if let Some(entity) = resolve_titled(ix, reading, lex, &found, span) {
                return Some(entity);
            }
        }
    }
    // A surname alone: the last word of a person's name.
    ix.person_with_surname(words.last()?)
}

/// The person holding the title a phrase names, preferring the most recent
/// one before the phrase when several hold it.
fn resolve_titled(
    ix: &MentionIndex,
    reading: &Reading,
    lex: &Lexicon,
    phrase: &build::Phrase,
    span: Span,
) -> Option<usize> {
    let title = lex.titles.get(phrase.title?)?;
    let role = title.role.as_deref()?;
    let holds = |index: &usize| {
        reading.entities.get(*index).is_some_and(|entity| {
            entity.kind == EntityType::Per
                && entity.role.as_deref() == Some(role)
                && match (phrase.country, entity.country.as_deref()) {
                    (Some(wanted), Some(has)) => wanted == has,
                    _ => true,
                }
        })
    };
    ix.persons_before(span.start).find(holds).or_else(|| {
        // Nobody holding it was named before: the first one named after.
        (0..reading.entities.len()).find(holds)
    })
}

/// The person named last before `offset` whose gender, where the text shows
/// it ("Mme", "la présidente"), agrees with the pronoun's.
fn last_person_before(
    ix: &MentionIndex,
    reading: &Reading,
    lex: &Lexicon,
    offset: usize,
    gender: char,
) -> Option<usize> {
    let mut candidates = ix.persons_before(offset);
    candidates.find(|i| {
        let shown = ix.gender(*i, || {
            reading
                .entities
                .get(*i)
                .and_then(|e| person_gender(reading, lex, e))
        });
        gender == '-' || shown.map_or(true, |g| g == gender)
    })
}
/// The gender a gendered title or honorific right before one of a person's
/// mentions shows ("Mme Dumontel", "la ministre X"), if any.
fn person_gender(
    reading: &Reading,
    lex: &Lexicon,
    entity: &dateline_model::Entity,
) -> Option<char> {
    let text = &reading.doc.text;
    entity.mentions.iter().find_map(|m| {
        // A short window before the mention: the title and a country adjective.
        let mut from = m.start.saturating_sub(48);
        while from > 0 && !text.is_char_boundary(from) {
            from -= 1;
        }
        let window = text.get(from..m.start)?;
        let folded = dateline_text::fold(window);
        let matcher = lex.matcher.as_ref()?;
        let end = folded.text().len();
        matcher
            .find_iter(folded.text())
            // Next to the name: at most a country adjective and a comma between.
            .filter(|found| end - found.end() <= 16)
            .filter_map(|found| lex.phrases.get(found.pattern().as_usize())?.title)
            .filter_map(|t| lex.titles.get(t)?.gender)
            .last()
    })
}

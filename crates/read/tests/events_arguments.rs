//! Actors and recipients read from clause structure: acronyms, appositions, a
//! verb's object and its prepositional phrases, a pronoun subject of reported
//! speech, and trailing attributions that are sources, not participants.

use dateline_model::{Event, Reading};

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = dateline_model::Document::new("d", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

fn event<'a>(r: &'a Reading, kind: &str) -> &'a Event {
    r.events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind} event in {:#?}", r.events))
}

fn countries(people: &[dateline_model::Participant]) -> Vec<&str> {
    people.iter().filter_map(|p| p.country.as_deref()).collect()
}

#[test]
fn a_capitalised_us_is_the_country_not_the_pronoun() {
    let r = read("en", "The US on Thursday rejected the peace plan.");
    assert_eq!(countries(&event(&r, "REJECT").actor), ["USA"]);
}

#[test]
fn an_apposition_describes_the_subject_before_it_en() {
    let r = read(
        "en",
        "Pakistan, a key U.S. ally in the war against terrorism, has refused to deploy peacekeepers in Iraq.",
    );
    let e = event(&r, "REJECT");
    assert_eq!(countries(&e.actor), ["PAK"]);
    assert!(
        countries(&e.recipient).contains(&"IRQ"),
        "{:?}",
        e.recipient
    );
}

#[test]
fn an_apposition_describes_the_subject_before_it_fr() {
    let r = read(
        "fr",
        "Le Pakistan, un allié clé des États-Unis, a refusé de déployer des soldats en Irak.",
    );
    assert_eq!(countries(&event(&r, "REJECT").actor), ["PAK"]);
}

#[test]
fn the_recipient_is_the_object_phrase_not_a_later_complement() {
    let r = read(
        "en",
        "Portugal will support Turkey's efforts to become a full member of the European Union.",
    );
    let e = &r.events.first().expect("an event");
    assert_eq!(countries(&e.actor), ["PRT"]);
    assert_eq!(countries(&e.recipient), ["TUR"], "{:?}", e.recipient);
}

#[test]
fn a_country_inside_the_trigger_phrase_is_the_recipient_and_the_source_is_not() {
    let r = read(
        "en",
        "Finland will give Tanzania a grant of 580 million shillings, a Swedish diplomat said on Monday.",
    );
    let e = r.events.first().expect("an event");
    assert_eq!(countries(&e.actor), ["FIN"]);
    assert_eq!(countries(&e.recipient), ["TZA"], "{:?}", e.recipient);
}

#[test]
fn a_trailing_attribution_gives_no_recipient_fr() {
    let r = read(
        "fr",
        "La Finlande va accorder une aide, a indiqué lundi un diplomate suédois.",
    );
    for e in &r.events {
        assert!(!countries(&e.recipient).contains(&"SWE"), "{e:?}");
        assert!(!countries(&e.actor).contains(&"SWE"), "{e:?}");
    }
}

#[test]
fn a_pronoun_subject_of_reported_speech_is_the_speaker() {
    let r = read(
        "en",
        "Radical French farmers said on Friday they would blockade Paris from Monday night.",
    );
    let e = r.events.first().expect("an event");
    assert_eq!(countries(&e.actor), ["FRA"], "{:?}", e.actor);
}

fn no_news_actor(r: &Reading) {
    assert!(!r.events.is_empty());
    for e in &r.events {
        assert!(
            e.actor
                .iter()
                .all(|p| p.sector.as_deref() != Some("JRN") && p.country.as_deref() != Some("FRA")),
            "{e:?}"
        );
    }
}

#[test]
fn a_news_agency_witness_is_not_the_actor_fr() {
    no_news_actor(&read(
        "fr",
        "Un journaliste de l'AFP a vu des soldats tirer sur la foule à Niamey.",
    ));
}

#[test]
fn a_news_agency_witness_is_not_the_actor_en() {
    no_news_actor(&read(
        "en",
        "An AFP correspondent saw soldiers fire on the crowd in Niamey.",
    ));
}

#[test]
fn the_dateline_is_not_part_of_the_first_subject() {
    let r = read(
        "en",
        "PARIS (Reuters) - Police arrested 12 protesters in Paris on Monday.",
    );
    let e = event(&r, "COERCE");
    assert_eq!(e.actor.len(), 1, "{:?}", e.actor);
    assert_eq!(e.actor[0].sector.as_deref(), Some("COP"), "{:?}", e.actor);
    assert_eq!(r.doc.slice(e.sentence).get(..5), Some("PARIS"));
}

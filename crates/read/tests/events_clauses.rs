//! Clause structure around triggers: lists of subjects, a possessive pointing back to
//! the subject, a complement clause's subject as the recipient, nouns that are what a
//! verb acts on, and purpose clauses that are an act's motive rather than news.

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

fn kinds(r: &Reading) -> Vec<&str> {
    r.events.iter().map(|e| e.kind.as_str()).collect()
}

#[test]
fn a_list_subject_starts_at_its_first_conjunct_en() {
    let r = read(
        "en",
        "France, Germany and Italy agreed on Monday to lift the sanctions.",
    );
    assert_eq!(countries(&event(&r, "AGREE").actor), ["FRA", "DEU", "ITA"]);
}

#[test]
fn a_list_subject_starts_at_its_first_conjunct_fr() {
    let r = read(
        "fr",
        "La Russie, la Chine et l'Iran ont condamné l'attaque.",
    );
    assert_eq!(countries(&event(&r, "ACCUSE").actor), ["RUS", "CHN", "IRN"]);
}

#[test]
fn an_opening_adjunct_is_not_a_conjunct_of_the_subject() {
    let r = read(
        "en",
        "In Paris, France and Germany agreed to lift the sanctions.",
    );
    assert_eq!(countries(&event(&r, "AGREE").actor), ["FRA", "DEU"]);
}

#[test]
fn a_possessive_before_a_noun_trigger_points_to_the_subject_en() {
    let r = read(
        "en",
        "The United Nations reiterated its demand today that Israel ease restrictions on workers.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["IGO"]);
    assert_eq!(countries(&e.recipient), ["ISR"]);
}

#[test]
fn a_possessive_before_a_noun_trigger_points_to_the_subject_fr() {
    let r = read("fr", "Le Niger a réitéré sa menace contre le Mali.");
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["NER"]);
    assert_eq!(countries(&e.recipient), ["MLI"]);
}

#[test]
fn a_complement_clause_subject_is_the_recipient_en() {
    let r = read(
        "en",
        "Palestinian officials demanded on Friday that the United States match the European Union's support for statehood.",
    );
    assert_eq!(countries(&event(&r, "REQUEST").recipient), ["USA"]);
}

#[test]
fn a_complement_clause_subject_is_the_recipient_fr() {
    let r = read(
        "fr",
        "Le Tchad a exigé que le Soudan retire ses troupes de la frontière avec la Libye.",
    );
    assert_eq!(countries(&event(&r, "REQUEST").recipient), ["SDN"]);
}

#[test]
fn a_noun_a_verb_acts_on_is_not_a_second_event() {
    let r = read(
        "en",
        "Japan said on Tuesday it had halted economic aid to Serbia.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
    assert_eq!(countries(&event(&r, "SANCTION").recipient), ["SRB"]);
}

#[test]
fn a_finite_verb_after_a_sentence_opening_trigger_word_is_still_an_event() {
    let r = read("en", "Aid agencies appealed for emergency funding.");
    assert!(kinds(&r).contains(&"REQUEST"), "{:?}", kinds(&r));
}

#[test]
fn a_participle_after_the_object_noun_is_its_own_event() {
    let r = read(
        "en",
        "Liberian riot police used tear gas to disperse demonstrators protesting election results in Monrovia.",
    );
    assert!(kinds(&r).contains(&"PROTEST"), "{:?}", kinds(&r));
}

#[test]
fn a_purpose_clause_of_the_same_kind_is_one_event_en() {
    let r = read(
        "en",
        "Some 300 refugees began a hunger strike on Monday to protest against Sweden's decision.",
    );
    assert_eq!(kinds(&r), ["PROTEST"]);
}

#[test]
fn a_purpose_clause_of_the_same_kind_is_one_event_fr() {
    let r = read(
        "fr",
        "Des réfugiés kurdes ont entamé une grève de la faim pour protester contre la Turquie.",
    );
    assert_eq!(kinds(&r), ["PROTEST"]);
}

#[test]
fn a_demand_as_purpose_is_the_motive_not_a_second_event() {
    let r = read(
        "en",
        "Nigerian farmers said they would blockade Lagos to demand lower fuel prices.",
    );
    assert!(!kinds(&r).contains(&"REQUEST"), "{:?}", kinds(&r));
}

#[test]
fn a_purpose_of_another_kind_of_force_stays_an_event() {
    let r = read(
        "en",
        "Egyptian police opened fire to disperse demonstrators on Monday night.",
    );
    assert!(kinds(&r).contains(&"ASSAULT"), "{:?}", kinds(&r));
    assert!(kinds(&r).contains(&"COERCE"), "{:?}", kinds(&r));
}

#[test]
fn a_light_verb_subject_acts_the_noun_en() {
    let r = read(
        "en",
        "Peru has issued an ultimatum to Ecuador to halt attacks.",
    );
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["PER"]);
    assert_eq!(countries(&e.recipient), ["ECU"]);
    let r = read(
        "en",
        "Israeli troops remained on alert in the occupied West Bank.",
    );
    assert_eq!(countries(&event(&r, "MOBILIZE").actor), ["ISR"]);
}

#[test]
fn a_light_verb_subject_acts_the_noun_fr() {
    let r = read("fr", "Le Pérou a adressé un ultimatum à l'Équateur.");
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["PER"]);
    assert_eq!(countries(&e.recipient), ["ECU"]);
}

#[test]
fn a_verb_before_a_noun_trigger_is_not_its_modifier() {
    let r = read(
        "en",
        "Arab League envoy Chadli Klibi undertook mediation between Syria and Lebanon.",
    );
    assert_eq!(countries(&event(&r, "CONSULT").actor), ["IGO"]);
}

#[test]
fn a_reiterated_demand_is_the_speakers() {
    let r = read(
        "en",
        "A senior British minister reiterated that Libya must hand over the suspects.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["GBR"]);
    assert_eq!(countries(&e.recipient), ["LBY"]);
}

#[test]
fn a_party_named_without_a_country_is_of_the_country_of_its_event() {
    let r = read(
        "en",
        "In Nairobi, the Kenyan government on Thursday lifted its ban on the Orange Democratic Movement.",
    );
    let e = event(&r, "CONCEDE");
    assert_eq!(countries(&e.recipient), ["KEN"]);
    assert!(r
        .doc
        .diagnostics
        .iter()
        .any(|d| d.code == "event-country-inferred"));
    // Without a place for the event, nothing is inferred.
    let r = read(
        "en",
        "The government on Thursday lifted its ban on the Orange Democratic Movement.",
    );
    assert!(countries(&event(&r, "CONCEDE").recipient).is_empty());
}

fn read_published(lang: &str, text: &str, published: &str) -> Reading {
    let mut doc = dateline_model::Document::new("d", text.to_string());
    doc.meta.language = Some(lang.to_string());
    doc.meta.published = dateline_model::PartialDate::parse_iso(published);
    dateline_read::read(doc)
}

#[test]
fn a_later_clause_dated_well_before_the_story_is_background_en() {
    let text = "Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, where 24 people were killed in riots in March 2019.";
    let r = read_published("en", text, "2020-06-01");
    assert_eq!(kinds(&r), ["PROTEST"]);
    // The same clause dated within the story's days is news.
    let r = read_published("en", text, "2019-03-20");
    assert!(kinds(&r).contains(&"ASSAULT"), "{:?}", kinds(&r));
}

#[test]
fn a_later_clause_dated_well_before_the_story_is_background_fr() {
    let text = "Une centaine d'Albanais ont manifesté mardi en Serbie, où 24 personnes avaient été tuées en mars 2019.";
    let r = read_published("fr", text, "2020-06-01");
    assert_eq!(kinds(&r), ["PROTEST"]);
}

#[test]
fn a_later_clause_opened_by_a_background_cue_is_not_news_en() {
    let r = read(
        "en",
        "Italy announced a suspension of air links with Serbia on Wednesday, one day after a Serbian army jet shot down a helicopter.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
    // The same act as the sentence's first clause is news.
    let r = read(
        "en",
        "A Serbian army jet shot down a helicopter on Wednesday.",
    );
    assert_eq!(kinds(&r), ["ASSAULT"]);
}

#[test]
fn a_later_clause_opened_by_a_background_cue_is_not_news_fr() {
    let r = read(
        "fr",
        "L'Italie a suspendu les liaisons aériennes avec la Serbie mercredi, un jour après qu'un avion serbe a abattu un hélicoptère.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
}

#[test]
fn a_trigger_word_inside_a_name_is_not_an_event() {
    let r = read(
        "en",
        "The Ceasefire Violations Committee has completed its investigation.",
    );
    assert_eq!(kinds(&r), ["ACCUSE"]);
}

#[test]
fn a_purpose_infinitive_is_done_by_the_acts_actor_en() {
    let r = read(
        "en",
        "Egyptian police opened fire to disperse demonstrators on Monday night.",
    );
    assert_eq!(countries(&event(&r, "COERCE").actor), ["EGY"]);
}

#[test]
fn a_purpose_infinitive_is_done_by_the_acts_actor_fr() {
    let r = read(
        "fr",
        "La police égyptienne a ouvert le feu pour disperser les manifestants lundi soir.",
    );
    assert_eq!(countries(&event(&r, "COERCE").actor), ["EGY"]);
}

#[test]
fn a_comparison_set_off_by_commas_is_passed_over_to_the_subject() {
    let r = read(
        "en",
        "Greece, like most other members, plans to impose restrictions on its labour market for new EU members.",
    );
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["GRC"]);
    assert_eq!(countries(&e.recipient), ["IGO"]);
}

#[test]
fn a_protest_in_defiance_of_authorities_targets_them_en() {
    let r = read(
        "en",
        "Hundreds of thousands of people blocked streets in Hong Kong in defiance of Chinese authorities to demand democratic reforms.",
    );
    assert_eq!(countries(&event(&r, "PROTEST").recipient), ["CHN"]);
}

#[test]
fn a_protest_in_defiance_of_authorities_targets_them_fr() {
    let r = read(
        "fr",
        "Des milliers de manifestants ont bloqué les rues au mépris des autorités chinoises.",
    );
    assert_eq!(countries(&event(&r, "PROTEST").recipient), ["CHN"]);
}

//! Clause structure around triggers: lists of subjects, a possessive pointing back to
//! the subject, a complement clause's subject as the recipient, nouns that are what a
//! verb acts on, and purpose clauses that are an act's motive rather than news.
//!
//! Sentences here are invented, not taken from the dev sets: a rule shown only on the
//! sentence it was tuned on does not show that it generalises.

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
        "The African Union renewed its demand on Wednesday that Sudan release detained journalists.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["IGO"]);
    assert_eq!(countries(&e.recipient), ["SDN"]);
    let r = read(
        "en",
        "Brazil repeated its demand that Argentina reopen the border crossing.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["BRA"]);
    assert_eq!(countries(&e.recipient), ["ARG"]);
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
        "Kenyan lawmakers demanded on Monday that Uganda withdraw its police from the disputed island.",
    );
    assert_eq!(countries(&event(&r, "REQUEST").recipient), ["UGA"]);
    let r = read(
        "en",
        "Chile demanded that Bolivia return the seized lorries to their owners.",
    );
    assert_eq!(countries(&event(&r, "REQUEST").recipient), ["BOL"]);
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
        "Canada announced on Friday that it had suspended military aid to Myanmar.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
    assert_eq!(countries(&event(&r, "SANCTION").recipient), ["MMR"]);
    let r = read("en", "Norway has halted development aid to Burundi.");
    assert_eq!(kinds(&r), ["SANCTION"]);
    assert_eq!(countries(&event(&r, "SANCTION").recipient), ["BDI"]);
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
        "Security forces in Bolivia arrested dozens of miners protesting the closure of a state mine.",
    );
    assert!(kinds(&r).contains(&"PROTEST"), "{:?}", kinds(&r));
}

#[test]
fn a_purpose_clause_of_the_same_kind_is_one_event_en() {
    let r = read(
        "en",
        "About 50 asylum seekers started a hunger strike on Sunday to protest against conditions in the camp.",
    );
    assert_eq!(kinds(&r), ["PROTEST"]);
    let r = read(
        "en",
        "Dozens of Chilean students staged a sit-in on Thursday to protest against tuition fees.",
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
        "Riot police in Kenya opened fire to disperse protesters in Kisumu on Tuesday.",
    );
    assert!(kinds(&r).contains(&"ASSAULT"), "{:?}", kinds(&r));
    assert!(kinds(&r).contains(&"COERCE"), "{:?}", kinds(&r));
}

#[test]
fn a_light_verb_subject_acts_the_noun_en() {
    let r = read(
        "en",
        "Azerbaijan issued an ultimatum to Armenia on Sunday to pull back from the hills.",
    );
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["AZE"]);
    assert_eq!(countries(&e.recipient), ["ARM"]);
    let r = read(
        "en",
        "Indian troops remained on high alert along the frontier on Sunday.",
    );
    assert_eq!(countries(&event(&r, "MOBILIZE").actor), ["IND"]);
}

#[test]
fn a_light_verb_subject_acts_the_noun_fr() {
    let r = read("fr", "L'Azerbaïdjan a adressé un ultimatum à l'Arménie.");
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["AZE"]);
    assert_eq!(countries(&e.recipient), ["ARM"]);
}

#[test]
fn a_verb_before_a_noun_trigger_is_not_its_modifier() {
    let r = read(
        "en",
        "An African Union envoy undertook mediation between Ethiopia and Eritrea on Monday.",
    );
    assert_eq!(countries(&event(&r, "CONSULT").actor), ["IGO"]);
}

#[test]
fn a_reiterated_demand_is_the_speakers() {
    let r = read(
        "en",
        "A senior French diplomat reiterated that Iran must release the detained aid workers.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["FRA"]);
    assert_eq!(countries(&e.recipient), ["IRN"]);
    let r = read(
        "en",
        "Germany's foreign minister reiterated on Monday that Belarus must free the jailed reporters.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["DEU"]);
    assert_eq!(countries(&e.recipient), ["BLR"]);
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
    let text = "Several hundred students rallied on Friday in Nicaragua, where 30 people were killed in riots in April 2018.";
    let r = read_published("en", text, "2020-06-01");
    assert_eq!(kinds(&r), ["PROTEST"]);
    // The same clause dated within the story's days is news.
    let r = read_published("en", text, "2018-04-25");
    assert!(kinds(&r).contains(&"ASSAULT"), "{:?}", kinds(&r));
}

#[test]
fn a_later_clause_dated_well_before_the_story_is_background_fr() {
    let text = "Plusieurs centaines d'étudiants ont manifesté vendredi au Nicaragua, où 30 personnes avaient été tuées en avril 2018.";
    let r = read_published("fr", text, "2020-06-01");
    assert_eq!(kinds(&r), ["PROTEST"]);
}

#[test]
fn a_later_clause_opened_by_a_background_cue_is_not_news_en() {
    let r = read(
        "en",
        "Morocco suspended trade with Algeria on Sunday, two days after Algerian gunners shot down a surveillance drone.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
    // The same act as the sentence's first clause is news.
    let r = read(
        "en",
        "Algerian gunners shot down a surveillance drone on Friday.",
    );
    assert_eq!(kinds(&r), ["ASSAULT"]);
}

#[test]
fn a_later_clause_opened_by_a_background_cue_is_not_news_fr() {
    let r = read(
        "fr",
        "Le Maroc a suspendu ses échanges commerciaux avec l'Algérie dimanche, deux jours après que des soldats algériens ont abattu un drone.",
    );
    assert_eq!(kinds(&r), ["SANCTION"]);
}

#[test]
fn a_trigger_word_inside_a_name_is_not_an_event() {
    let r = read(
        "en",
        "The Joint Truce Commission opened an investigation on Monday.",
    );
    assert_eq!(kinds(&r), ["ACCUSE"]);
    let r = read(
        "en",
        "The Refugee Protest Monitoring Board has launched an investigation.",
    );
    assert_eq!(kinds(&r), ["ACCUSE"]);
}

#[test]
fn a_purpose_infinitive_is_done_by_the_acts_actor_en() {
    let r = read(
        "en",
        "Guinean soldiers opened fire on Friday to disperse a crowd outside the presidential palace.",
    );
    assert_eq!(countries(&event(&r, "COERCE").actor), ["GIN"]);
}

#[test]
fn a_purpose_infinitive_is_done_by_the_acts_actor_fr() {
    let r = read(
        "fr",
        "Des soldats guinéens ont ouvert le feu vendredi pour disperser la foule devant le palais présidentiel.",
    );
    assert_eq!(countries(&event(&r, "COERCE").actor), ["GIN"]);
}

#[test]
fn a_comparison_set_off_by_commas_is_passed_over_to_the_subject() {
    let r = read(
        "en",
        "Austria, like several of its neighbours, plans to impose restrictions on workers from the EU's newest members.",
    );
    let e = event(&r, "THREATEN");
    assert_eq!(countries(&e.actor), ["AUT"]);
    assert_eq!(countries(&e.recipient), ["IGO"]);
}

#[test]
fn a_protest_in_defiance_of_authorities_targets_them_en() {
    let r = read(
        "en",
        "Thousands of students marched through Tehran on Saturday in defiance of Iranian authorities.",
    );
    assert_eq!(countries(&event(&r, "PROTEST").recipient), ["IRN"]);
}

#[test]
fn a_protest_in_defiance_of_authorities_targets_them_fr() {
    let r = read(
        "fr",
        "Des milliers d'étudiants ont défilé samedi à Téhéran au mépris des autorités iraniennes.",
    );
    assert_eq!(countries(&event(&r, "PROTEST").recipient), ["IRN"]);
}

// Gaps shown by invented sentences: kept, ignored, so they run with `--ignored`.

#[test]
#[ignore = "rule does not yet generalise: a country inside the comparison becomes the actor (DEU), and a listed comparison joins the subject (SWE, DNK, FIN)"]
fn a_country_inside_a_comparison_is_passed_over_to_the_subject() {
    let r = read(
        "en",
        "Austria, like its neighbour Germany, plans to impose restrictions on workers from the EU.",
    );
    assert_eq!(countries(&event(&r, "THREATEN").actor), ["AUT"]);
    let r = read(
        "en",
        "Sweden, like Denmark and Finland, plans to impose restrictions on workers from the EU.",
    );
    assert_eq!(countries(&event(&r, "THREATEN").actor), ["SWE"]);
}

#[test]
#[ignore = "rule does not yet generalise: 'reaffirmed that X must' gives no event; only 'reiterated' is handled"]
fn a_reaffirmed_demand_is_the_speakers() {
    let r = read(
        "en",
        "Germany's foreign minister reaffirmed on Monday that Belarus must free the jailed reporters.",
    );
    let e = event(&r, "REQUEST");
    assert_eq!(countries(&e.actor), ["DEU"]);
    assert_eq!(countries(&e.recipient), ["BLR"]);
}

#[test]
#[ignore = "rule does not yet generalise: 'sent'/'delivered' are not light verbs, so the ultimatum has no actor"]
fn an_ultimatum_sent_or_delivered_is_the_subjects() {
    for text in [
        "Azerbaijan sent an ultimatum to Armenia on Sunday.",
        "Azerbaijan delivered an ultimatum to Armenia on Sunday to pull back from the hills.",
    ] {
        let r = read("en", text);
        let e = event(&r, "THREATEN");
        assert_eq!(countries(&e.actor), ["AZE"], "{text}");
        assert_eq!(countries(&e.recipient), ["ARM"], "{text}");
    }
}

#[test]
#[ignore = "rule does not yet generalise: an adjectival participle before a noun ('detained migrants') is read as a COERCE event"]
fn a_participle_used_as_an_adjective_is_not_an_event() {
    let r = read(
        "en",
        "About 50 detained migrants started a hunger strike on Sunday to protest against conditions in the camp.",
    );
    assert_eq!(kinds(&r), ["PROTEST"]);
}

#[test]
fn in_before_another_kind_of_event_is_no_purpose_phrase() {
    let r = read(
        "en",
        "Gunmen attacked a police convoy near the border on Monday, and Qatar engaged in mediation between the two sides.",
    );
    assert!(kinds(&r).contains(&"ASSAULT"), "{:?}", kinds(&r));
    assert!(kinds(&r).contains(&"CONSULT"), "{:?}", kinds(&r));
}

#[test]
fn in_before_the_same_kind_of_event_is_its_motive() {
    let r = read(
        "en",
        "Dockworkers in Rotterdam walked out on Tuesday in protest at the new shift rules.",
    );
    let protests = kinds(&r).iter().filter(|k| **k == "PROTEST").count();
    assert_eq!(protests, 1, "{:?}", kinds(&r));
}

#[test]
fn an_international_body_keeps_its_code_wherever_it_acts() {
    let r = read(
        "en",
        "Amnesty International accused the junta of blocking aid convoys in Niamey on Friday.",
    );
    let accuse = event(&r, "ACCUSE");
    assert!(!accuse.actor.is_empty());
    assert!(
        accuse
            .actor
            .iter()
            .all(|p| p.country.as_deref() != Some("NER")),
        "{:?}",
        accuse.actor
    );
}

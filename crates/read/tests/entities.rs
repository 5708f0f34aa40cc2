//! The entities reader on short news paragraphs (French and English): typing,
//! linking, actor coding and coreference. Names of people here are made up,
//! so that no gazetteer knows them and the rules alone must find them.

use dateline_model::{Document, Entity, EntityType, Reading, Span};
use dateline_read::{entities, Context};

fn read(lang: &str, text: &str) -> (Reading, Context) {
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some(lang.to_string());
    let reading = dateline_read::read(doc);
    let cx = Context {
        lang: lang.to_string(),
        supported: true,
        folded: dateline_text::fold(&reading.doc.text),
    };
    (reading, cx)
}

fn named<'a>(reading: &'a Reading, name: &str) -> &'a Entity {
    reading
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?} in {:#?}", reading.entities))
}

fn span_of(reading: &Reading, needle: &str, nth: usize) -> Span {
    let start = reading
        .doc
        .text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    Span::new(start, start + needle.len())
}

fn mention_texts<'a>(reading: &'a Reading, entity: &Entity) -> Vec<&'a str> {
    entity
        .mentions
        .iter()
        .map(|m| reading.doc.slice(*m))
        .collect()
}

#[test]
fn a_title_types_an_unknown_name_and_gives_its_role_and_country() {
    let (reading, _) = read(
        "fr",
        "Lors de la réunion, le président malien, Aslan Berdibekov, a dénoncé une tentative de coup d'État.",
    );
    let person = named(&reading, "Aslan Berdibekov");
    assert_eq!(person.kind, EntityType::Per);
    assert_eq!(person.role.as_deref(), Some("president"));
    assert_eq!(person.sector.as_deref(), Some("GOV"));
    assert_eq!(person.country.as_deref(), Some("MLI"));
}

#[test]
fn english_titles_before_names_and_honorifics() {
    let (reading, _) = read(
        "en",
        "Ukrainian Foreign Minister Aslan Berdibekov met Gen. Piotr Walden on Monday. Mr. Berdibekov later flew home.",
    );
    let minister = named(&reading, "Aslan Berdibekov");
    assert_eq!(minister.role.as_deref(), Some("foreign minister"));
    assert_eq!(minister.country.as_deref(), Some("UKR"));
    assert_eq!(
        mention_texts(&reading, minister),
        ["Aslan Berdibekov", "Berdibekov"]
    );
    let general = named(&reading, "Piotr Walden");
    assert_eq!(general.sector.as_deref(), Some("MIL"));
    assert_eq!(general.kind, EntityType::Per);
}

#[test]
fn surnames_join_the_person_named_in_full() {
    let (reading, _) = read(
        "fr",
        "Le ministre Jean-Marc Delorme est arrivé lundi. Delorme a ensuite rencontré la presse. « Rien n'est décidé », a ajouté M. Delorme.",
    );
    let persons: Vec<&Entity> = reading
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Per)
        .collect();
    assert_eq!(persons.len(), 1, "{persons:#?}");
    assert_eq!(persons[0].name, "Jean-Marc Delorme");
    assert_eq!(persons[0].mentions.len(), 3);
}

#[test]
fn sentence_initial_function_words_are_not_names() {
    let (reading, _) = read(
        "fr",
        "Selon Aslan Berdibekov, la situation est calme. Dans ce contexte, Des centaines de personnes attendaient. Il a précisé que Certains agents étaient blessés.",
    );
    assert!(
        reading
            .entities
            .iter()
            .all(|e| !e.name.starts_with("Selon")),
        "{:#?}",
        reading.entities
    );
    assert!(reading
        .entities
        .iter()
        .all(|e| e.name != "Dans" && e.name != "Des" && e.name != "Il"));
    assert!(reading
        .entities
        .iter()
        .any(|e| e.name == "Aslan Berdibekov"));
}

#[test]
fn gazetteer_matches_need_capitals_and_fold_accents() {
    let (reading, _) = read(
        "fr",
        "Le Kazakhstan a demandé l'aide de l'OTSC. Le président Tokaïev s'est exprimé à Moscou. Le mot kazakhstan en minuscules n'est pas un nom.",
    );
    let kazakhstan = named(&reading, "Kazakhstan");
    assert_eq!(kazakhstan.kind, EntityType::Gpe);
    assert_eq!(
        kazakhstan.mentions.len(),
        1,
        "the lower-case word is not a mention"
    );
    let csto = reading
        .entities
        .iter()
        .find(|e| e.country.as_deref() == Some("IGO"))
        .expect("OTSC is an intergovernmental organisation");
    assert_eq!(csto.kind, EntityType::Org);
    let tokayev = named(&reading, "Kassym-Jomart Tokayev");
    assert_eq!(tokayev.country.as_deref(), Some("KAZ"));
    assert_eq!(mention_texts(&reading, tokayev), ["Tokaïev"]);
}

#[test]
fn government_bodies_take_the_adjacent_country_adjective() {
    let (reading, _) = read(
        "fr",
        "Selon le ministère de l'Intérieur malien, 26 personnes ont été tuées. Le ministère ukrainien de la Défense a démenti. Le ministère de la Justice du Niger a réagi.",
    );
    let interior = named(&reading, "Ministry of Internal Affairs of Mali");
    assert_eq!(interior.kind, EntityType::Org);
    assert_eq!(interior.sector.as_deref(), Some("GOV"));
    assert_eq!(
        mention_texts(&reading, interior),
        ["ministère de l'Intérieur malien"]
    );
    let defence = named(&reading, "Ministry of Defence of Ukraine");
    assert_eq!(
        mention_texts(&reading, defence),
        ["ministère ukrainien de la Défense"]
    );
    let justice = named(&reading, "Ministry of Justice of Niger");
    assert_eq!(
        mention_texts(&reading, justice),
        ["ministère de la Justice"]
    );
    assert_eq!(
        named(&reading, "Niger").kind,
        EntityType::Gpe,
        "the country stays a mention of its own"
    );
}

#[test]
fn government_bodies_without_a_country_belong_to_the_story_country() {
    let (reading, _) = read(
        "en",
        "Mali's government declared a state of emergency in Mali on Wednesday. The Interior Ministry said 40 people were detained in Bamako.",
    );
    let interior = named(&reading, "Ministry of Internal Affairs of Mali");
    assert_eq!(interior.country.as_deref(), Some("MLI"));
    assert_eq!(mention_texts(&reading, interior), ["Interior Ministry"]);
}

#[test]
fn unknown_organisations_are_typed_by_their_cue_words() {
    let (reading, _) = read(
        "en",
        "Officials from the Northern Farmers Union and the Liberal Progress Party met at Lake Varna on Friday.",
    );
    assert_eq!(
        named(&reading, "Northern Farmers Union").kind,
        EntityType::Org
    );
    assert_eq!(
        named(&reading, "Liberal Progress Party").kind,
        EntityType::Org
    );
    assert_eq!(named(&reading, "Lake Varna").kind, EntityType::Loc);
}

#[test]
fn capitalised_headlines_do_not_invent_names() {
    let (reading, _) = read(
        "en",
        "BREAKING NEWS: STORM HITS COAST\n\nA storm hit the coast on Monday.",
    );
    assert!(reading.entities.is_empty(), "{:#?}", reading.entities);
}

#[test]
fn demonym_nouns_are_norp() {
    let (reading, _) = read(
        "fr",
        "Les Maliens ont manifesté contre la hausse du prix du gaz.",
    );
    let malians = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Norp)
        .expect("a NORP entity");
    assert_eq!(malians.country.as_deref(), Some("MLI"));
    assert_eq!(mention_texts(&reading, malians), ["Maliens"]);
}

#[test]
fn focus_country_follows_the_story() {
    let (reading, _) = read(
        "fr",
        "Kazakhstan : le président dénonce un complot\n\nMoscou, 10 janvier - Le Kazakhstan a connu des émeutes. Le président Tokaïev a parlé. La Russie a envoyé des troupes au Kazakhstan.",
    );
    assert_eq!(entities::focus_country(&reading).as_deref(), Some("KAZ"));
    let (empty, _) = read("fr", "Il pleut depuis lundi.");
    assert_eq!(entities::focus_country(&empty), None);
}

#[test]
fn actors_for_noun_phrases() {
    let text = "Au Mali, le président malien a dénoncé des combattants armés. Les forces de sécurité ont riposté contre les manifestants à Bamako. Des soldats russes sont arrivés au Mali.";
    let (reading, cx) = read("fr", text);
    let actor =
        |needle: &str| entities::actor_for_span(&reading, &cx, span_of(&reading, needle, 0));

    let fighters = actor("combattants armés").expect("fighters are an actor");
    assert_eq!(fighters.sector.as_deref(), Some("REB"));
    assert_eq!(
        fighters.country, None,
        "armed fighters get a country only when the text gives one"
    );

    let forces = actor("Les forces de sécurité").expect("security forces are an actor");
    assert_eq!(forces.sector.as_deref(), Some("COP"));
    assert_eq!(
        forces.country.as_deref(),
        Some("MLI"),
        "domestic forces belong to the story's country"
    );

    let protesters = actor("les manifestants").expect("protesters are an actor");
    assert_eq!(protesters.sector.as_deref(), Some("CVL"));

    let soldiers = actor("Des soldats russes").expect("soldiers are an actor");
    assert_eq!(
        (soldiers.country.as_deref(), soldiers.sector.as_deref()),
        (Some("RUS"), Some("MIL"))
    );

    let president = actor("le président malien").expect("a title is an actor");
    assert_eq!(
        (president.country.as_deref(), president.sector.as_deref()),
        (Some("MLI"), Some("GOV"))
    );
}

#[test]
fn english_actor_phrases_with_country_adjectives() {
    let (reading, cx) = read(
        "en",
        "Senior Hungarian and Romanian officials agreed on Wednesday to cooperate. Rebels attacked a convoy.",
    );
    let officials = entities::actor_for_span(
        &reading,
        &cx,
        span_of(&reading, "Senior Hungarian and Romanian officials", 0),
    )
    .expect("officials are an actor");
    assert_eq!(
        (officials.country.as_deref(), officials.sector.as_deref()),
        (Some("HUN"), Some("GOV"))
    );
    let rebels =
        entities::actor_for_span(&reading, &cx, span_of(&reading, "Rebels", 0)).expect("rebels");
    assert_eq!(rebels.sector.as_deref(), Some("REB"));
}

#[test]
fn actor_for_a_named_person_carries_the_entity() {
    let (reading, cx) = read(
        "fr",
        "Le président malien, Aslan Berdibekov, a parlé lundi.",
    );
    let index = reading
        .entities
        .iter()
        .position(|e| e.name == "Aslan Berdibekov")
        .expect("entity");
    let actor = entities::actor_for_span(
        &reading,
        &cx,
        span_of(&reading, "Le président malien, Aslan Berdibekov", 0),
    )
    .expect("actor");
    assert_eq!(actor.entity, Some(index));
    assert_eq!(actor.country.as_deref(), Some("MLI"));
}

#[test]
fn speakers_resolve_through_titles_surnames_and_pronouns() {
    let text = "Le président malien, Aslan Berdibekov, a reçu le ministre Piotr Walden. Il a dénoncé un complot. « Nous tiendrons », a précisé le président malien. Berdibekov a ensuite quitté la salle.";
    let (reading, cx) = read("fr", text);
    let president = reading
        .entities
        .iter()
        .position(|e| e.name == "Aslan Berdibekov")
        .expect("president");
    let minister = reading
        .entities
        .iter()
        .position(|e| e.name == "Piotr Walden")
        .expect("minister");
    let resolve = |needle: &str, nth: usize| {
        entities::resolve_speaker(&reading, &cx, span_of(&reading, needle, nth))
    };

    assert_eq!(
        resolve("le président malien", 0),
        Some(president),
        "the title phrase"
    );
    assert_eq!(resolve("Berdibekov", 1), Some(president), "the surname");
    assert_eq!(resolve("Piotr Walden", 0), Some(minister), "the name");
    // "Il" follows a sentence whose last person is the minister: the most
    // recent person before the pronoun.
    assert_eq!(resolve("Il", 0), Some(minister), "the pronoun");
    assert_eq!(
        entities::resolve_speaker(&reading, &cx, Span::new(0, 0)),
        None
    );
}

#[test]
fn nothing_panics_on_odd_input() {
    for text in [
        "",
        " ",
        "«»",
        "M.",
        "l'",
        "'s",
        "A",
        "É. Ö. Ü",
        "-- -- --",
        "Le président",
        "\u{200b}X\u{200b}Y",
    ] {
        let (reading, cx) = read("fr", text);
        let _ = entities::focus_country(&reading);
        let whole = Span::new(0, reading.doc.text.len());
        let _ = entities::actor_for_span(&reading, &cx, whole);
        let _ = entities::resolve_speaker(&reading, &cx, whole);
        let _ = entities::resolve_speaker(&reading, &cx, Span::new(1, 0));
    }
}

#[test]
fn nothing_panics_on_generated_noise() {
    // A fixed pseudo-random walk over characters that stress the scanner:
    // multi-byte letters, apostrophes, hyphens, capitals, periods, quotes.
    let alphabet: Vec<char> = "aZ éÉ'’-.«» \nM.Gen.l'd'OTSC Ïİß 中文 ٢ x,;:!?"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..60 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            text.push(alphabet[(state % alphabet.len() as u64) as usize]);
        }
        for lang in ["fr", "en"] {
            let (reading, cx) = read(lang, &text);
            for entity in &reading.entities {
                for m in &entity.mentions {
                    assert!(
                        reading.doc.text.get(m.start..m.end).is_some(),
                        "mention off char boundaries"
                    );
                }
            }
            let whole = Span::new(0, reading.doc.text.len());
            let _ = entities::actor_for_span(&reading, &cx, whole);
            let _ = entities::resolve_speaker(&reading, &cx, whole);
        }
    }
}

#[test]
fn bracketed_acronyms_join_their_name() {
    let (reading, _) = read(
        "en",
        "The Northern Farmers Union (NFU) called a strike. The NFU said talks had failed.",
    );
    let union = named(&reading, "Northern Farmers Union");
    assert_eq!(union.kind, EntityType::Org);
    assert_eq!(
        mention_texts(&reading, union),
        ["Northern Farmers Union", "NFU"]
    );
}

#[test]
fn events_months_and_adjectives_are_not_names() {
    let (reading, _) = read(
        "en",
        "Veterans of World War Two met in August, his lawyer said. Senior Ukrainian officials attended.",
    );
    assert!(
        reading.entities.iter().all(|e| e.kind != EntityType::Per),
        "{:#?}",
        reading.entities
    );
    let ukrainian = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Norp)
        .expect("a NORP");
    assert_eq!(mention_texts(&reading, ukrainian), ["Ukrainian"]);
}

#[test]
fn hyphenated_particles_stay_inside_names() {
    let (reading, _) = read("en", "Sheikh Hamid bin Rashid al-Nuaimi arrived on Monday.");
    let person = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Per)
        .expect("a person");
    assert_eq!(person.name, "Hamid bin Rashid al-Nuaimi");
}

#[test]
fn pronouns_agree_in_gender_where_the_text_shows_it() {
    let text = "Mme Claire Dumontel a reçu M. Piotr Walden. Elle a annoncé un accord.";
    let (reading, cx) = read("fr", text);
    let claire = reading
        .entities
        .iter()
        .position(|e| e.name == "Claire Dumontel")
        .expect("Claire Dumontel");
    // Walden is named last, but "Elle" is feminine and "M." shows he is not.
    assert_eq!(
        entities::resolve_speaker(&reading, &cx, span_of(&reading, "Elle", 0)),
        Some(claire)
    );
}

#[test]
fn a_pronoun_subject_is_the_person_named_before_it() {
    let (reading, cx) = read(
        "fr",
        "Le président malien, Aslan Berdibekov, a parlé. Il a assuré que tout allait bien.",
    );
    let actor = entities::actor_for_span(&reading, &cx, span_of(&reading, "Il", 0))
        .expect("the pronoun's person");
    let index = reading
        .entities
        .iter()
        .position(|e| e.name == "Aslan Berdibekov");
    assert_eq!(actor.entity, index);
    assert_eq!(
        (actor.country.as_deref(), actor.sector.as_deref()),
        (Some("MLI"), Some("GOV"))
    );
}

#[test]
fn title_case_headlines_name_only_known_names() {
    let (reading, _) = read(
        "en",
        "Storm Hits Coast As Thousands Flee Their Homes In Kazakhstan\n\nThe storm hit on Monday, Nurlan Abenov said.",
    );
    let names: Vec<&str> = reading.entities.iter().map(|e| e.name.as_str()).collect();
    assert!(names.contains(&"Kazakhstan"), "{names:?}");
    assert!(names.contains(&"Nurlan Abenov"), "{names:?}");
    assert_eq!(names.len(), 2, "{names:?}");
}

/// The look-ups index each document's mentions once; asking about two
/// documents in turn must answer each from its own entities, and a long
/// document must give the same answers at its end as at its start.
#[test]
fn lookups_follow_the_document_asked_about() {
    let (mali, mali_cx) = read(
        "fr",
        "Au Mali, le président malien Aslan Berdibekov a parlé. Il a dénoncé des combattants armés. Les forces de sécurité ont riposté.",
    );
    let (kenya, kenya_cx) = read(
        "en",
        "In Kenya, Interior Minister Joseph Kamau spoke on Monday. He said police had arrested 12 people in Nairobi.",
    );
    for _ in 0..2 {
        let forces =
            entities::actor_for_span(&mali, &mali_cx, span_of(&mali, "Les forces de sécurité", 0))
                .expect("forces");
        assert_eq!(forces.country.as_deref(), Some("MLI"));
        let il = entities::resolve_speaker(&mali, &mali_cx, span_of(&mali, "Il", 0));
        assert_eq!(
            il.map(|i| mali.entities[i].name.as_str()),
            Some("Aslan Berdibekov")
        );
        let he = entities::resolve_speaker(&kenya, &kenya_cx, span_of(&kenya, "He", 0));
        assert_eq!(
            he.map(|i| kenya.entities[i].name.as_str()),
            Some("Joseph Kamau")
        );
        let police = entities::actor_for_span(&kenya, &kenya_cx, span_of(&kenya, "police", 0))
            .expect("police");
        assert_eq!(police.country.as_deref(), Some("KEN"));
        assert_eq!(entities::focus_country(&mali).as_deref(), Some("MLI"));
        assert_eq!(entities::focus_country(&kenya).as_deref(), Some("KEN"));
    }

    let unit = "Interior Minister Joseph Kamau visited Nairobi. He said police had arrested 12 people. Later the Interior Minister left. ";
    let (long, long_cx) = read("en", &format!("In Kenya, {}", unit.repeat(300)));
    let last_he = long.doc.text.rfind("He said").expect("a last sentence");
    let he = entities::resolve_speaker(&long, &long_cx, Span::new(last_he, last_he + 2));
    assert_eq!(
        he.map(|i| long.entities[i].name.as_str()),
        Some("Joseph Kamau")
    );
    let title = long.doc.text.rfind("the Interior Minister").unwrap_or(0);
    let minister = entities::resolve_speaker(&long, &long_cx, Span::new(title, title + 21));
    assert_eq!(
        minister.map(|i| long.entities[i].name.as_str()),
        Some("Joseph Kamau"),
        "a title names its holder at the end of a long text"
    );
}

#[test]
fn peoples_named_as_residents_belong_where_they_live() {
    let text = "Up to 300 ethnic Uzbeks in southern Kyrgyzstan protested on Sunday. Russian troops in Syria stayed. The Kurds of Turkey marched.";
    let (reading, cx) = read("en", text);
    let actor = |needle: &str| {
        entities::actor_for_span(&reading, &cx, span_of(&reading, needle, 0))
            .and_then(|p| p.country)
    };
    assert_eq!(
        actor("Up to 300 ethnic Uzbeks in southern Kyrgyzstan").as_deref(),
        Some("KGZ")
    );
    assert_eq!(actor("Russian troops in Syria").as_deref(), Some("RUS"));
    assert_eq!(actor("The Kurds of Turkey").as_deref(), Some("TUR"));

    let (fr, fr_cx) = read(
        "fr",
        "Les Ouzbeks du Kirghizistan ont manifesté. Les soldats russes en Syrie sont restés.",
    );
    let actor = |needle: &str| {
        entities::actor_for_span(&fr, &fr_cx, span_of(&fr, needle, 0)).and_then(|p| p.country)
    };
    assert_eq!(actor("Les Ouzbeks du Kirghizistan").as_deref(), Some("KGZ"));
    assert_eq!(actor("Les soldats russes en Syrie").as_deref(), Some("RUS"));
}

#[test]
fn a_country_name_before_a_title_gives_the_holder_its_country() {
    let (reading, _) = read(
        "en",
        "U.S. Secretary of State Aslan Berdibekov telephoned Kenya Vice-President Piotr Walden on Tuesday.",
    );
    assert_eq!(
        named(&reading, "Aslan Berdibekov").country.as_deref(),
        Some("USA")
    );
    assert_eq!(
        named(&reading, "Piotr Walden").country.as_deref(),
        Some("KEN")
    );
}

#[test]
fn regional_bodies_and_state_acronyms_are_known() {
    let (fr, _) = read(
        "fr",
        "La Cédéao a menacé le Niger. La Minusma a quitté Gao. La Communauté européenne a répondu. L'Union africaine a appelé au calme.",
    );
    for name in [
        "Economic Community of West African States",
        "MINUSMA",
        "European Community",
        "African Union",
    ] {
        assert_eq!(named(&fr, name).country.as_deref(), Some("IGO"), "{name}");
    }
    let (en, cx) = read("en", "The PRC demanded talks. APEC ministers met in Lima.");
    let prc = entities::actor_for_span(&en, &cx, span_of(&en, "The PRC", 0)).expect("PRC");
    assert_eq!(prc.country.as_deref(), Some("CHN"));
    let apec = entities::actor_for_span(&en, &cx, span_of(&en, "APEC ministers", 0)).expect("APEC");
    assert_eq!(apec.country.as_deref(), Some("IGO"));
}

#[test]
fn an_office_holder_without_a_stated_country_holds_office_in_the_story_country() {
    let text = "President Aslan Berdibekov has refused to resign despite pressure from the Zambian parliament. He said the vote in Lusaka was fair.";
    let (reading, cx) = read("en", text);
    let actor = |needle: &str| {
        entities::actor_for_span(&reading, &cx, span_of(&reading, needle, 0))
            .and_then(|p| p.country)
    };
    assert_eq!(actor("President Aslan Berdibekov").as_deref(), Some("ZMB"));
    assert_eq!(actor("He").as_deref(), Some("ZMB"));
    // The entity itself keeps no invented country.
    assert_eq!(named(&reading, "Aslan Berdibekov").country, None);
    // A name without an office gets none.
    let (plain, plain_cx) = read("en", "Aslan Berdibekov refused to leave Lusaka, Zambia.");
    let actor = entities::actor_for_span(&plain, &plain_cx, span_of(&plain, "Aslan Berdibekov", 0))
        .expect("a person");
    assert_eq!(actor.country, None);
}

#[test]
fn two_word_demonyms_name_their_country_not_a_region() {
    let (reading, cx) = read(
        "en",
        "Hackers targeted South Korean army officers and Sierra Leonean refugees, officials said.",
    );
    let actor = |needle: &str| {
        entities::actor_for_span(&reading, &cx, span_of(&reading, needle, 0))
            .and_then(|p| p.country)
    };
    assert_eq!(actor("South Korean army officers").as_deref(), Some("KOR"));
    assert_eq!(actor("Sierra Leonean refugees").as_deref(), Some("SLE"));
    assert!(
        reading.entities.iter().all(|e| e.name != "South"),
        "'South' is no region here: {:?}",
        reading.entities
    );
}

#[test]
fn demonym_adjectives_in_every_form_give_the_actor_country() {
    let fr_text = "Le président kazakh a parlé. Les autorités kazakhes ont réagi. Une responsable kazakhe a démenti. Les Kazakhs ont voté. Des diplomates kazakhs sont arrivés. Les autorités ouzbèkes ont protesté.";
    let (fr, fr_cx) = read("fr", fr_text);
    for phrase in [
        "Le président kazakh",
        "Les autorités kazakhes",
        "Une responsable kazakhe",
        "Les Kazakhs",
        "Des diplomates kazakhs",
    ] {
        let actor = entities::actor_for_span(&fr, &fr_cx, span_of(&fr, phrase, 0));
        assert_eq!(
            actor.and_then(|a| a.country).as_deref(),
            Some("KAZ"),
            "{phrase}"
        );
    }
    let uzbek = entities::actor_for_span(&fr, &fr_cx, span_of(&fr, "Les autorités ouzbèkes", 0));
    assert_eq!(uzbek.and_then(|a| a.country).as_deref(), Some("UZB"));

    let en_text = "Hungarian officials agreed. A Jordanian official confirmed it. He called his Russian counterpart. Two Uzbeks were hurt.";
    let (en, en_cx) = read("en", en_text);
    for (phrase, country) in [
        ("Hungarian officials", "HUN"),
        ("A Jordanian official", "JOR"),
        ("his Russian counterpart", "RUS"),
        ("Two Uzbeks", "UZB"),
    ] {
        let actor = entities::actor_for_span(&en, &en_cx, span_of(&en, phrase, 0));
        assert_eq!(
            actor.and_then(|a| a.country).as_deref(),
            Some(country),
            "{phrase}"
        );
    }
}

#[test]
fn a_title_asks_for_the_person_a_town_shares_a_name_with() {
    let (reading, cx) = read(
        "en",
        "President Bush has threatened further action against Russia.",
    );
    let actor = entities::actor_for_span(&reading, &cx, span_of(&reading, "President Bush", 0))
        .expect("an actor");
    assert_eq!(actor.country.as_deref(), Some("USA"));
}

fn place_named<'a>(reading: &'a Reading, written: &str) -> Option<&'a dateline_model::Place> {
    reading
        .places
        .iter()
        .find(|p| p.mentions.iter().any(|m| reading.doc.slice(*m) == written))
}

#[test]
fn common_words_that_name_places_count_only_standing_alone() {
    let (reading, _) = read(
        "en",
        "The Federal Reserve raised rates. Western leaders met as the West condemned the raid. \
         Mobile internet was cut in Srinagar. Troops entered the West Bank, and storms hit Mobile Sunday.",
    );
    // Beside another capitalised word, after an article, at a sentence start: no place.
    for written in ["Federal", "West"] {
        assert!(
            place_named(&reading, written).is_none(),
            "{written}: {:#?}",
            reading.places
        );
    }
    let reserve = named(&reading, "Federal Reserve");
    assert_eq!(reserve.kind, EntityType::Org);
    // A place whose name is two such words, and the lone town, still count.
    assert_eq!(
        place_named(&reading, "West Bank").and_then(|p| p.country.as_deref()),
        Some("PSE")
    );
    let towns: Vec<_> = reading
        .places
        .iter()
        .filter(|p| p.name == "Mobile")
        .collect();
    assert_eq!(towns.len(), 1, "{:#?}", reading.places);
    let storms = reading.doc.text.find("storms hit").unwrap_or(usize::MAX);
    assert!(
        towns
            .iter()
            .all(|p| p.mentions.iter().all(|m| m.start > storms)),
        "only the town after 'storms hit' is Mobile: {towns:#?}"
    );
    let (reading, _) = read(
        "fr",
        "Les pays de l'Ouest ont condamné l'attaque, a déclaré le Sud.",
    );
    assert!(reading.places.is_empty(), "{:#?}", reading.places);
}

#[test]
fn a_known_place_and_its_kind_of_division_are_that_place() {
    let (reading, _) = read(
        "en",
        "Shelling hit Kherson Oblast and Idlib Province overnight, and floods hit the Nile Delta.",
    );
    assert_eq!(
        place_named(&reading, "Kherson Oblast").and_then(|p| p.country.as_deref()),
        Some("UKR")
    );
    assert_eq!(
        place_named(&reading, "Idlib Province").and_then(|p| p.country.as_deref()),
        Some("SYR")
    );
    // A place word inside a longer name is no place ("Delta", a Nigerian state).
    assert!(
        place_named(&reading, "Delta").is_none(),
        "{:#?}",
        reading.places
    );
    assert_eq!(named(&reading, "Nile Delta").kind, EntityType::Loc);
}

#[test]
fn a_compass_word_leads_a_place_name_but_not_a_demonym() {
    let (reading, _) = read(
        "en",
        "North Korean envoys and South Sudanese officials met in North Waziristan on Monday.",
    );
    assert_eq!(named(&reading, "North Waziristan").kind, EntityType::Gpe);
    let korean = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Norp && e.country.as_deref() == Some("PRK"));
    assert!(korean.is_some(), "{:#?}", reading.entities);
    let sudanese = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Norp && e.country.as_deref() == Some("SSD"));
    assert!(sudanese.is_some(), "{:#?}", reading.entities);
}

#[test]
fn a_place_noun_before_an_unknown_name_makes_it_a_place() {
    let (reading, _) = read(
        "fr",
        "L'armée s'est déployée dans le quartier de Bab Khaled, puis dans la commune de Tazerbo.",
    );
    assert_eq!(named(&reading, "Bab Khaled").kind, EntityType::Loc);
    assert_eq!(named(&reading, "Tazerbo").kind, EntityType::Gpe);
    let (reading, _) = read(
        "en",
        "Gunmen raided the village of Dolmi Keret, residents said, and Dolmi Keret Omar denied it.",
    );
    let village = reading
        .entities
        .iter()
        .find(|e| e.kind == EntityType::Gpe && e.name == "Dolmi Keret");
    assert!(village.is_some(), "{:#?}", reading.entities);
    // Without such a noun, a two-word unknown name stays a person.
    assert_eq!(named(&reading, "Dolmi Keret Omar").kind, EntityType::Per);
}

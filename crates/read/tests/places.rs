//! The places reader: homonyms settled by the story, the dateline and
//! population; precision by kind; the dateline's place always placed.

use dateline_model::{Dateline, Document, GeoPrecision, Place, Reading, Span};

fn read(lang: &str, text: &str) -> Reading {
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some(lang.to_string());
    dateline_read::read(doc)
}

fn place<'a>(reading: &'a Reading, written: &str) -> &'a Place {
    reading
        .places
        .iter()
        .find(|p| p.mentions.iter().any(|m| reading.doc.slice(*m) == written))
        .unwrap_or_else(|| panic!("no place written {written:?} in {:#?}", reading.places))
}

#[test]
fn countries_and_cities_get_points_and_precision() {
    let reading = read(
        "fr",
        "Des émeutes ont éclaté au Kazakhstan, notamment à Almaty, selon Moscou.",
    );
    let kazakhstan = place(&reading, "Kazakhstan");
    assert_eq!(kazakhstan.country.as_deref(), Some("KAZ"));
    assert_eq!(kazakhstan.precision, Some(GeoPrecision::Country));
    let almaty = place(&reading, "Almaty");
    assert_eq!(almaty.precision, Some(GeoPrecision::City));
    assert!(
        almaty.lat.is_some_and(|lat| (lat - 43.25).abs() < 0.5),
        "{almaty:?}"
    );
    assert!(almaty.geonames.is_some());
    let moscow = place(&reading, "Moscou");
    assert_eq!(moscow.name, "Moscow");
    assert_eq!(moscow.country.as_deref(), Some("RUS"));
    // Every place is linked to the entity it was read from.
    for p in &reading.places {
        let entity = p
            .entity
            .and_then(|i| reading.entities.get(i))
            .expect("linked entity");
        assert_eq!(entity.mentions, p.mentions);
    }
}

#[test]
fn population_decides_between_homonyms_without_context() {
    let reading = read("en", "Thousands marched in Paris on Saturday.");
    assert_eq!(place(&reading, "Paris").country.as_deref(), Some("FRA"));
}

#[test]
fn the_story_country_decides_between_homonyms() {
    let libya = read(
        "en",
        "Fighting broke out in Tripoli on Monday, Libya's government said.",
    );
    assert_eq!(place(&libya, "Tripoli").country.as_deref(), Some("LBY"));
    let lebanon = read(
        "en",
        "Clashes in Tripoli left two dead, Lebanon's army said. The army deployed across Lebanon.",
    );
    assert_eq!(place(&lebanon, "Tripoli").country.as_deref(), Some("LBN"));
}

#[test]
fn georgia_the_country_or_the_state() {
    let country = read("en", "Georgia's president visited Tbilisi on Friday.");
    let georgia = place(&country, "Georgia");
    assert_eq!(
        (georgia.country.as_deref(), georgia.precision),
        (Some("GEO"), Some(GeoPrecision::Country))
    );
    let state = read(
        "en",
        "Storms hit Atlanta overnight, and the governor of Georgia declared an emergency.",
    );
    let georgia = place(&state, "Georgia");
    assert_eq!(
        (georgia.country.as_deref(), georgia.precision),
        (Some("USA"), Some(GeoPrecision::Admin1))
    );
}

#[test]
fn the_dateline_place_is_placed_even_when_no_entity_covers_it() {
    let text = "MOSCOU, 10 janvier - La réunion a eu lieu hier.";
    let mut doc = Document::new("t", text.to_string());
    doc.meta.language = Some("fr".into());
    doc.meta.dateline = Some(Dateline {
        span: Span::new(0, 18),
        place_text: Some("MOSCOU".into()),
        place_span: Some(Span::new(0, 6)),
        date: None,
        agency: None,
    });
    let reading = dateline_read::read(doc);
    let moscow = reading
        .places
        .iter()
        .find(|p| p.mentions.iter().any(|m| m.overlaps(Span::new(0, 6))))
        .expect("the dateline place");
    assert_eq!(moscow.country.as_deref(), Some("RUS"));
    assert!(moscow.entity.is_some());
}

#[test]
fn persons_and_organisations_are_not_places() {
    let reading = read("fr", "Le président Tokaïev a demandé l'aide de l'OTSC.");
    assert!(reading.places.is_empty(), "{:#?}", reading.places);
}

#[test]
fn regions_are_found_by_their_french_and_native_names() {
    let reading = read(
        "fr",
        "Des orages ont frappé la Bavière, la Californie et l'Andalousie, puis la Lombardie.",
    );
    for (written, country) in [
        ("Bavière", "DEU"),
        ("Californie", "USA"),
        ("Andalousie", "ESP"),
        ("Lombardie", "ITA"),
    ] {
        let region = place(&reading, written);
        assert_eq!(region.country.as_deref(), Some(country), "{written}");
        assert_eq!(region.precision, Some(GeoPrecision::Admin1), "{written}");
    }
    let german = read("de", "Unwetter in Bayern und Kalifornien.");
    assert_eq!(place(&german, "Bayern").country.as_deref(), Some("DEU"));
    assert_eq!(
        place(&german, "Kalifornien").country.as_deref(),
        Some("USA")
    );
}

#[test]
fn regions_whose_iso_name_differs_from_the_english_one_get_their_translations() {
    // GeoNames says "Lower Saxony", ISO "Niedersachsen": joined through the
    // English other name, the French and native names follow.
    let reading = read(
        "fr",
        "Des agriculteurs ont manifesté en Basse-Saxe, en Catalogne et en Écosse.",
    );
    for (written, country) in [
        ("Basse-Saxe", "DEU"),
        ("Catalogne", "ESP"),
        ("Écosse", "GBR"),
    ] {
        let region = place(&reading, written);
        assert_eq!(region.country.as_deref(), Some(country), "{written}");
        assert_eq!(region.precision, Some(GeoPrecision::Admin1), "{written}");
    }
    let reading = read(
        "en",
        "Fighting spread across North Darfur and into Niedersachsen's press.",
    );
    assert_eq!(
        place(&reading, "North Darfur").country.as_deref(),
        Some("SDN")
    );
    assert_eq!(
        place(&reading, "Niedersachsen").country.as_deref(),
        Some("DEU")
    );
    // A region qualifies its city too (Brest in Brittany, not Brest in Belarus).
    let reading = read("fr", "Des marins ont manifesté à Brest, en Bretagne.");
    assert_eq!(place(&reading, "Brest").country.as_deref(), Some("FRA"));
}

#[test]
fn a_country_or_region_after_a_comma_qualifies_a_homonym() {
    // Story context is split (Argentine vs Spain); the qualifier decides.
    let reading = read(
        "en",
        "Argentine officials met their hosts in Córdoba, Spain, on Monday.",
    );
    assert_eq!(place(&reading, "Córdoba").country.as_deref(), Some("ESP"));
    let reading = read(
        "en",
        "Police in London, Ontario, charged a man on Wednesday.",
    );
    let london = place(&reading, "London");
    assert_eq!(london.country.as_deref(), Some("CAN"));
    assert!(london.lon.is_some_and(|lon| lon < -80.0), "{london:?}");
    // French writes the qualifier with a preposition.
    let reading = read(
        "fr",
        "Des diplomates libyens se sont réunis lundi à Tripoli, au Liban.",
    );
    assert_eq!(place(&reading, "Tripoli").country.as_deref(), Some("LBN"));
    // A qualifier naming the biggest homonym's country keeps it.
    let reading = read(
        "en",
        "American tourists were robbed in Paris, France, police in Texas said.",
    );
    assert_eq!(place(&reading, "Paris").country.as_deref(), Some("FRA"));
}

#[test]
fn a_qualified_dateline_places_the_story() {
    let reading = read(
        "en",
        "PARIS, Texas (AP) - A tornado damaged dozens of homes in Paris late on Tuesday, officials said.",
    );
    for written in ["PARIS", "Paris"] {
        let paris = place(&reading, written);
        assert_eq!(
            paris.country.as_deref(),
            Some("USA"),
            "{written}: {paris:?}"
        );
    }
}

#[test]
fn a_list_of_cities_is_no_qualifier() {
    let reading = read(
        "en",
        "Protests were held in Paris, London and Berlin on Saturday.",
    );
    assert_eq!(place(&reading, "London").country.as_deref(), Some("GBR"));
    assert_eq!(place(&reading, "Paris").country.as_deref(), Some("FRA"));
}

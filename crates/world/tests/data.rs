//! The shipped data: volumes, integrity, and the rankings readers rely on.

use dateline_world::{world, CaseRule, DemonymForm, Kind};
use std::time::Instant;

fn count(kind: Kind) -> usize {
    world().entities().iter().filter(|e| e.kind == kind).count()
}

fn first_of(written: &str) -> Option<&'static dateline_world::WorldEntity> {
    let w = world();
    let folded = dateline_text::fold(written);
    w.lookup(folded.text()).first().map(|&id| w.entity(id))
}

#[test]
fn volumes_and_load_time() {
    let start = Instant::now();
    let w = world();
    // Reported, not asserted tightly: the machine is shared.
    eprintln!(
        "gazetteer loaded in {:?}: {} entities, {} alias keys",
        start.elapsed(),
        w.entities().len(),
        w.alias_count()
    );
    assert!(
        (240..=260).contains(&count(Kind::Country)),
        "countries: {}",
        count(Kind::Country)
    );
    assert!(count(Kind::City) > 20_000, "cities: {}", count(Kind::City));
    assert!(count(Kind::Admin1) >= 50);
    assert!(
        count(Kind::Person) >= 250,
        "people: {}",
        count(Kind::Person)
    );
    assert!(count(Kind::Igo) >= 50);
    assert!(count(Kind::Media) >= 50);
    assert!(count(Kind::GovBody) >= 40);
    assert!(count(Kind::ArmedGroup) >= 30);
    assert!(w.alias_count() > 200_000);
    assert_eq!(w.skipped_rows(), 0);
}

#[test]
fn every_country_code_is_known() {
    let w = world();
    for e in w.entities() {
        let Some(code) = e.country.as_deref() else {
            continue;
        };
        let known = code == "IGO" || code == "NGO" || w.country(code).is_some();
        assert!(
            known,
            "{} ({:?}) has unknown country {code}",
            e.name, e.kind
        );
        if matches!(e.kind, Kind::Igo | Kind::Ngo) {
            assert!(code == "IGO" || code == "NGO", "{}", e.name);
        }
    }
}

#[test]
fn places_have_coordinates_and_ids_are_positions() {
    let w = world();
    for (at, e) in w.entities().iter().enumerate() {
        assert_eq!(e.id as usize, at);
        if matches!(e.kind, Kind::Country | Kind::City) {
            let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
                panic!("{} has no coordinates", e.name)
            };
            assert!(
                (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon),
                "{}",
                e.name
            );
        }
    }
}

#[test]
fn capitals_and_homonyms_rank_the_likely_place_first() {
    let w = world();
    assert_eq!(w.capital("FRA").map(|c| c.name.as_str()), Some("Paris"));
    assert_eq!(w.capital("RUS").map(|c| c.name.as_str()), Some("Moscow"));
    let paris = first_of("Paris").expect("Paris");
    assert_eq!(
        (paris.kind, paris.country.as_deref()),
        (Kind::City, Some("FRA"))
    );
    let washington = first_of("Washington").expect("Washington");
    assert_eq!(
        (washington.kind, washington.country.as_deref()),
        (Kind::City, Some("USA"))
    );
    // Georgia is a country first, and a US state too.
    let georgia = world().lookup("georgia");
    assert_eq!(w.entity(georgia[0]).country.as_deref(), Some("GEO"));
    assert!(georgia
        .iter()
        .any(|&id| w.entity(id).kind == Kind::Admin1
            && w.entity(id).country.as_deref() == Some("USA")));
    // Tripoli names both the Libyan capital and the Lebanese city.
    let tripoli: Vec<_> = w
        .lookup("tripoli")
        .iter()
        .filter_map(|&id| w.entity(id).country.as_deref())
        .collect();
    assert!(
        tripoli.contains(&"LBY") && tripoli.contains(&"LBN"),
        "{tripoli:?}"
    );
    assert_eq!(tripoli.first(), Some(&"LBY"));
}

#[test]
fn country_names_in_many_languages() {
    for (written, iso3) in [
        ("Kazakhstan", "KAZ"),
        ("Казахстан", "KAZ"),
        ("Kasachstan", "KAZ"),
        ("كازاخستان", "KAZ"),
        ("États-Unis", "USA"),
        ("U.S.", "USA"),
        ("Allemagne", "DEU"),
        ("Россия", "RUS"),
        ("Côte d'Ivoire", "CIV"),
        ("RDC", "COD"),
    ] {
        let e = first_of(written).unwrap_or_else(|| panic!("{written}"));
        assert_eq!(
            (e.kind, e.country.as_deref()),
            (Kind::Country, Some(iso3)),
            "{written}"
        );
    }
}

#[test]
fn words_that_are_not_names() {
    let w = world();
    // Function words are no names, whatever town shares them...
    for word in ["le", "la", "the", "de", "and"] {
        assert!(w.lookup(word).is_empty(), "{word}");
    }
    // ...except acronyms, in capitals.
    assert_eq!(w.case_rule("un"), CaseRule::Upper);
    assert_eq!(first_of("UN").map(|e| e.kind), Some(Kind::Igo));
    // Demonyms are adjectives, not towns.
    assert!(w
        .lookup("kazakh")
        .iter()
        .all(|&id| !matches!(w.entity(id).kind, Kind::City | Kind::Admin1)));
    // Common words must be capitalised.
    assert_eq!(w.case_rule("nice"), CaseRule::Capitalised);
    assert_eq!(w.case_rule("orange"), CaseRule::Capitalised);
    assert_eq!(w.case_rule("moscou"), CaseRule::Any);
}

#[test]
fn demonyms_in_english_and_french() {
    let w = world();
    assert_eq!(w.demonym("americain", "fr").map(|d| d.0), Some("USA"));
    assert_eq!(
        w.demonym("kazakhs", "en"),
        Some(("KAZ", DemonymForm::PeopleNoun))
    );
    assert_eq!(w.demonym("ukrainiennes", "fr").map(|d| d.0), Some("UKR"));
    assert_eq!(w.demonym("french", "en").map(|d| d.0), Some("FRA"));
    // From the generated file: world-countries' formal forms.
    assert_eq!(w.demonym("kazakhstanais", "fr").map(|d| d.0), Some("KAZ"));
}

#[test]
fn actors_carry_country_sector_and_role() {
    let putin = first_of("Poutine").expect("Poutine");
    assert_eq!(
        (
            putin.kind,
            putin.country.as_deref(),
            putin.sector.as_deref()
        ),
        (Kind::Person, Some("RUS"), Some("GOV"))
    );
    assert_eq!(putin.role.as_deref(), Some("president"));
    let hamas = first_of("Hamas").expect("Hamas");
    assert_eq!(
        (hamas.kind, hamas.sector.as_deref()),
        (Kind::ArmedGroup, Some("REB"))
    );
    let pentagon = first_of("Pentagone").expect("Pentagone");
    assert_eq!(
        (pentagon.country.as_deref(), pentagon.sector.as_deref()),
        (Some("USA"), Some("MIL"))
    );
    let tass = first_of("ТАСС").expect("TASS");
    assert_eq!(
        (tass.kind, tass.country.as_deref(), tass.sector.as_deref()),
        (Kind::Media, Some("RUS"), Some("JRN"))
    );
    let rhc = first_of("RHC").expect("RHC");
    assert_eq!(rhc.country.as_deref(), Some("CUB"));
}

//! Lookups the readers rely on, against the shipped data.

use dateline_world::{world, CaseRule, DemonymForm, Kind};

/// Ids of this kind named by an alias as written (folded here, as readers do).
fn ids_of_kind(written: &str, kind: Kind) -> Vec<u32> {
    let w = world();
    let folded = dateline_text::fold(written);
    w.lookup(folded.text())
        .iter()
        .copied()
        .filter(|&id| w.entity(id).kind == kind)
        .collect()
}

#[test]
fn tokayev_in_every_spelling_is_one_person() {
    let w = world();
    let spellings = [
        "tokayev",
        "tokaiev",
        "токаев",
        "тоқаев",
        "Kassym-Jomart Tokayev",
        "Kassym Jomart Tokaïev",
    ];
    let first = ids_of_kind(spellings[0], Kind::Person);
    assert_eq!(first.len(), 1, "tokayev");
    for alias in spellings {
        assert_eq!(ids_of_kind(alias, Kind::Person), first, "{alias}");
    }
    let person = w.entity(first[0]);
    assert_eq!(person.country.as_deref(), Some("KAZ"));
    assert_eq!(person.sector.as_deref(), Some("GOV"));
    assert_eq!(ids_of_kind("Tokaïev", Kind::Person), first);
    assert_eq!(ids_of_kind("Kassym-Jomart Tokaïev", Kind::Person), first);
}

#[test]
fn acronyms_name_organisations_and_need_capitals() {
    let w = world();
    let csto = ids_of_kind("otsc", Kind::Igo);
    assert_eq!(csto.len(), 1);
    assert_eq!(w.entity(csto[0]).country.as_deref(), Some("IGO"));
    assert_eq!(ids_of_kind("одкб", Kind::Igo), csto);
    assert_eq!(
        ids_of_kind("Organisation du traité de sécurité collective", Kind::Igo),
        csto
    );
    assert_eq!(
        w.case_rule(dateline_text::fold("OTSC").text()),
        CaseRule::Upper
    );
    assert!(CaseRule::Upper.accepts("OTSC"));
    assert!(!CaseRule::Upper.accepts("Otsc"));
}

#[test]
fn cities_and_countries_in_other_languages() {
    let w = world();
    let moscow = ids_of_kind("Moscou", Kind::City);
    let city = w.entity(*moscow.first().expect("Moscou"));
    assert_eq!(city.name, "Moscow");
    assert_eq!(city.country.as_deref(), Some("RUS"));
    assert!((city.lat.unwrap_or(0.0) - 55.75).abs() < 0.05);
    assert_eq!(ids_of_kind("москва", Kind::City).first(), moscow.first());

    let belarus = ids_of_kind("Biélorussie", Kind::Country);
    assert_eq!(w.entity(belarus[0]).country.as_deref(), Some("BLR"));
    assert_eq!(w.country("BLR").map(|c| c.id), Some(belarus[0]));
    assert_eq!(w.country_by_alpha2("BY").map(|c| c.id), Some(belarus[0]));
    assert_eq!(w.capital("BLR").map(|c| c.name.as_str()), Some("Minsk"));
    assert_eq!(w.capital("KAZ").map(|c| c.name.as_str()), Some("Astana"));
    assert!(w.country("XXX").is_none());
}

#[test]
fn demonyms_by_language() {
    let w = world();
    assert_eq!(
        w.demonym("kazakh", "fr"),
        Some(("KAZ", DemonymForm::Adjective))
    );
    assert_eq!(
        w.demonym("kazakhes", "fr"),
        Some(("KAZ", DemonymForm::Adjective))
    );
    assert_eq!(w.demonym("russe", "fr").map(|d| d.0), Some("RUS"));
    assert_eq!(w.demonym("казахский", "ru").map(|d| d.0), Some("KAZ"));
    assert_eq!(w.demonym("kazakh", "xx"), None);
}

#[test]
fn fixed_names_of_government_bodies_and_media() {
    let w = world();
    let kremlin = ids_of_kind("kremlin", Kind::GovBody);
    assert_eq!(w.entity(kremlin[0]).country.as_deref(), Some("RUS"));
    let afp = ids_of_kind("afp", Kind::Media);
    assert_eq!(w.entity(afp[0]).country.as_deref(), Some("FRA"));
}

#[test]
fn unknown_ids_and_aliases_are_harmless() {
    let w = world();
    assert!(w.lookup("no such place anywhere").is_empty());
    assert!(w.lookup("").is_empty());
    assert_eq!(w.entity(u32::MAX).name, "");
    assert_eq!(w.skipped_rows(), 0);
}

#[test]
fn every_country_is_found_by_its_english_name() {
    // A country's own name must survive every filter the loader applies
    // (common words, function words, demonyms): "Nigeria" was once lost to a
    // stray French adjective row.
    let w = world();
    let mut lost = Vec::new();
    for entity in w.entities().iter().filter(|e| e.kind == Kind::Country) {
        let iso3 = entity.country.as_deref();
        let found = ids_of_kind(&entity.name, Kind::Country)
            .iter()
            .any(|&id| w.entity(id).country.as_deref() == iso3);
        if !found {
            lost.push(entity.name.clone());
        }
    }
    assert!(
        lost.is_empty(),
        "countries not found by their name: {lost:?}"
    );
}

#[test]
fn short_country_names_news_uses() {
    for (written, iso3) in [
        ("Bosnia", "BIH"),
        ("Bosnie", "BIH"),
        ("The Gambia", "GMB"),
        ("Nigeria", "NGA"),
    ] {
        let ids = ids_of_kind(written, Kind::Country);
        assert!(
            ids.iter()
                .any(|&id| world().entity(id).country.as_deref() == Some(iso3)),
            "{written}"
        );
    }
}

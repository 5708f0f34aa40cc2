//! The entity and place readers' single door to the gazetteer
//! (`dateline-world`): every call to it goes through here, so that the
//! readers depend on a handful of questions, not on the gazetteer's layout.

use dateline_model::{EntityType, GeoPrecision};
use dateline_text::Folded;
use std::ops::Range;

pub(crate) use dateline_world::Kind;

/// One gazetteer record, borrowed.
pub(crate) struct Known {
    pub id: u32,
    pub kind: Kind,
    pub name: &'static str,
    pub country: Option<&'static str>,
    pub sector: Option<&'static str>,
    pub role: Option<&'static str>,
    pub kb: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub admin1: Option<&'static str>,
    pub geonames: Option<u64>,
}

impl Known {
    pub fn entity_type(&self) -> EntityType {
        match self.kind {
            Kind::Country | Kind::Admin1 | Kind::City => EntityType::Gpe,
            Kind::Person => EntityType::Per,
            Kind::Igo | Kind::Ngo | Kind::GovBody | Kind::Media | Kind::ArmedGroup => {
                EntityType::Org
            }
        }
    }
    pub fn is_place(&self) -> bool {
        matches!(self.kind, Kind::Country | Kind::Admin1 | Kind::City)
    }
    pub fn precision(&self) -> Option<GeoPrecision> {
        match self.kind {
            Kind::Country => Some(GeoPrecision::Country),
            Kind::Admin1 => Some(GeoPrecision::Admin1),
            Kind::City => Some(GeoPrecision::City),
            _ => None,
        }
    }
}

/// An alias found in folded text: its folded byte range and the records it may name.
pub(crate) struct AliasMatch {
    pub range: Range<usize>,
    pub ids: &'static [u32],
}

pub(crate) fn known(id: u32) -> Option<Known> {
    let world = dateline_world::world();
    let e = world.entity(id);
    Some(Known {
        id,
        kind: e.kind,
        name: e.name.as_str(),
        country: e.country.as_deref(),
        sector: e.sector.as_deref(),
        role: e.role.as_deref(),
        kb: e.kb.as_deref(),
        lat: e.lat,
        lon: e.lon,
        population: e.population.unwrap_or(0),
        admin1: e.admin1.as_deref(),
        geonames: e.geonames,
    })
}

/// Every longest alias match over a folded text, where the original writes
/// it as the alias demands (acronyms in capitals, common words capitalised).
pub(crate) fn find_all(original: &str, folded: &Folded) -> Vec<AliasMatch> {
    dateline_world::world()
        .find_all_cased(original, folded)
        .into_iter()
        .map(|(range, ids)| AliasMatch { range, ids })
        .collect()
}

/// Whether a folded alias is also a common word of a supported language
/// ("west", "federal", "mobile"): the gazetteer then asks for capitals.
pub(crate) fn is_common_word(folded_alias: &str) -> bool {
    dateline_world::world().case_rule(folded_alias) == dateline_world::CaseRule::Capitalised
}

/// Records named by a folded alias.
pub(crate) fn lookup(folded_alias: &str) -> &'static [u32] {
    dateline_world::world().lookup(folded_alias)
}

/// The country a folded demonym or country adjective names ("kazakh", "kazakhs", "russe").
pub(crate) fn demonym(folded_word: &str, lang: &str) -> Option<&'static str> {
    dateline_world::world()
        .demonym(folded_word, lang)
        .map(|(iso3, _)| iso3)
}

/// The country a folded name names, when it names a country ("kazakhstan", "russie").
pub(crate) fn country_named(folded: &str) -> Option<&'static str> {
    lookup(folded)
        .iter()
        .filter_map(|id| known(*id))
        .find(|k| k.kind == Kind::Country)
        .and_then(|k| k.country)
}

/// Whether a city is its country's capital.
pub(crate) fn is_capital(k: &Known) -> bool {
    k.kind == Kind::City
        && k.country
            .and_then(|iso3| dateline_world::world().capital(iso3))
            .is_some_and(|capital| capital.id == k.id)
}

/// The English short name of a country ("Kazakhstan").
pub(crate) fn country_name(iso3: &str) -> Option<&'static str> {
    dateline_world::world()
        .country(iso3)
        .map(|c| c.name.as_str())
}

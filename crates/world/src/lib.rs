//! World knowledge for dateline: countries, admin-1 regions, cities,
//! international organisations, government bodies, people who make news and
//! news organisations, each with aliases across languages and scripts.
//!
//! The data lives as reviewable TSV under `resources/world/` (see
//! `resources/SOURCES.md`), is embedded in the binary and loaded once, lazily.
//! Aliases are matched on folded text (`dateline_text::fold`).
//!
//! ```
//! use dateline_world::{world, Kind};
//! let world = world();
//! let ids = world.lookup("otsc");
//! assert!(ids.iter().any(|&id| world.entity(id).kind == Kind::Igo));
//! let folded = dateline_text::fold("Le président Tokaïev à Moscou");
//! let found = world.find_all(folded.text());
//! assert_eq!(found.len(), 2);
//! ```

mod hash;
mod index;
mod load;
mod tokens;

use std::ops::Range;
use std::sync::OnceLock;

pub use index::CaseRule;

/// What a gazetteer record is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Country,
    Admin1,
    City,
    /// Intergovernmental organisation or alliance (country `IGO`).
    Igo,
    /// Non-governmental organisation (country `NGO`).
    Ngo,
    /// A government institution with a fixed name ("Kremlin", "Pentagon").
    GovBody,
    Person,
    /// News organisation or agency: a source, not an actor, unless the story is about it.
    Media,
    /// Armed group, militia or insurgency (sector `REB` mostly).
    ArmedGroup,
}

/// One gazetteer record.
#[derive(Clone, Debug, PartialEq)]
pub struct WorldEntity {
    pub id: u32,
    pub kind: Kind,
    /// Canonical English name.
    pub name: String,
    /// ISO 3166 alpha-3, or `IGO` / `NGO`.
    pub country: Option<String>,
    /// PLOVER sector (GOV, MIL, REB, ...).
    pub sector: Option<String>,
    /// Role of a person ("president", "foreign minister").
    pub role: Option<String>,
    /// Knowledge-base id (Wikidata), only where certain.
    pub kb: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: Option<u64>,
    /// GeoNames admin-1 code ("KZ.02") of a city or region.
    pub admin1: Option<String>,
    /// GeoNames id of a place.
    pub geonames: Option<u64>,
}

/// How a demonym word is used: "kazakh" (adjective) or "les Kazakhs" (people).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemonymForm {
    Adjective,
    PeopleNoun,
}

/// The loaded gazetteer. Get it with [`world()`].
pub struct World {
    entities: Vec<WorldEntity>,
    aliases: index::AliasIndex,
    by_iso3: hash::FastMap<Box<str>, u32>,
    by_iso2: hash::FastMap<Box<str>, u32>,
    /// Country id -> capital city id.
    capitals: hash::FastMap<u32, u32>,
    /// "lang\tfolded word" -> (iso3, form).
    demonyms: hash::FastMap<Box<str>, (Box<str>, DemonymForm)>,
    skipped_rows: usize,
    unknown: WorldEntity,
}

static WORLD: OnceLock<World> = OnceLock::new();

/// The gazetteer, loaded from the embedded data on first use.
pub fn world() -> &'static World {
    WORLD.get_or_init(load::load_embedded)
}

impl World {
    /// The record with this id. Ids come from this gazetteer; an id it never
    /// gave out yields an empty placeholder record rather than a panic.
    pub fn entity(&self, id: u32) -> &WorldEntity {
        self.entities.get(id as usize).unwrap_or(&self.unknown)
    }

    /// Every record, indexed by id.
    pub fn entities(&self) -> &[WorldEntity] {
        &self.entities
    }

    /// Every entity having this alias, most prominent first (countries,
    /// organisations and people, then regions, then cities by population).
    /// `folded_alias` is folded as by `dateline_text::fold`; surrounding
    /// punctuation and repeated spaces are ignored.
    pub fn lookup(&self, folded_alias: &str) -> &[u32] {
        self.aliases.get(folded_alias).map_or(&[], |(ids, _)| ids)
    }

    /// How an alias must be written in the original text to count: acronyms
    /// in capitals ("OTSC", not "otsc"), common words capitalised ("Nice").
    pub fn case_rule(&self, folded_alias: &str) -> CaseRule {
        self.aliases
            .get(folded_alias)
            .map_or(CaseRule::Any, |(_, rule)| rule)
    }

    /// Longest alias matches over a folded text, at token boundaries,
    /// non-overlapping, left to right: (folded byte range, ids). Case rules
    /// are not checked: see [`World::find_all_cased`].
    pub fn find_all<'a>(&'a self, folded_text: &str) -> Vec<(Range<usize>, &'a [u32])> {
        self.aliases.scan(folded_text, |_, _| true)
    }

    /// Like [`World::find_all`], but an alias counts only where the original
    /// text writes it as its [`CaseRule`] demands; a longer alias that fails
    /// gives way to a shorter one at the same place. Ranges are in the folded text.
    pub fn find_all_cased<'a>(
        &'a self,
        original: &str,
        folded: &dateline_text::Folded,
    ) -> Vec<(Range<usize>, &'a [u32])> {
        self.aliases.scan(folded.text(), |range, rule| {
            let span = folded.to_original(dateline_model::Span::new(range.start, range.end));
            original
                .get(span.start..span.end)
                .is_some_and(|written| rule.accepts(written))
        })
    }

    /// The country with this ISO 3166 alpha-3 code ("KAZ").
    pub fn country(&self, iso3: &str) -> Option<&WorldEntity> {
        self.by_iso3.get(iso3).map(|&id| self.entity(id))
    }

    /// The country with this ISO 3166 alpha-2 code ("KZ").
    pub fn country_by_alpha2(&self, a2: &str) -> Option<&WorldEntity> {
        self.by_iso2.get(a2).map(|&id| self.entity(id))
    }

    /// The country a folded demonym or country adjective names in a language:
    /// ("kazakh", "fr") -> ("KAZ", Adjective); ("kazakhs", "en") -> ("KAZ", PeopleNoun).
    pub fn demonym(&self, folded_word: &str, lang: &str) -> Option<(&str, DemonymForm)> {
        let mut key = String::with_capacity(lang.len() + 1 + folded_word.len());
        key.push_str(lang);
        key.push('\t');
        key.push_str(folded_word);
        self.demonyms
            .get(key.as_str())
            .map(|(iso3, form)| (&**iso3, *form))
    }

    /// The capital city of a country.
    pub fn capital(&self, iso3: &str) -> Option<&WorldEntity> {
        let country = *self.by_iso3.get(iso3)?;
        self.capitals.get(&country).map(|&id| self.entity(id))
    }

    /// Number of aliases (folded keys) in the index.
    pub fn alias_count(&self) -> usize {
        self.aliases.len()
    }

    /// Data rows that could not be read (wrong column count, bad numbers):
    /// zero for the shipped data, checked by tests.
    pub fn skipped_rows(&self) -> usize {
        self.skipped_rows
    }
}

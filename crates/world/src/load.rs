//! Reading the embedded TSV files into a [`World`]. Bad rows are skipped and
//! counted, never fatal: the data is reviewed by tests, not trusted by code.

use crate::entity::{blank, DemonymForm, Kind, WorldEntity};
use crate::hash::FastMap;
use crate::index::AliasIndex;
use crate::index::{AliasIndexBuilder, CaseRule};
use crate::tokens::key_of;
use std::collections::HashSet;

const COUNTRIES: &str = include_str!("../../../resources/world/countries.tsv");
const ADMIN1: &str = include_str!("../../../resources/world/admin1.tsv");
const CITIES: &str = include_str!("../../../resources/world/cities.tsv");
const DEMONYMS: &str = include_str!("../../../resources/world/demonyms.tsv");
const DEMONYMS_CURATED: &str = include_str!("../../../resources/world/demonyms_curated.tsv");
const ORGS: &str = include_str!("../../../resources/world/orgs.tsv");
const GOV_BODIES: &str = include_str!("../../../resources/world/gov_bodies.tsv");
const PEOPLE: &str = include_str!("../../../resources/world/people.tsv");
const MEDIA: &str = include_str!("../../../resources/world/media.tsv");
const COMMON_WORDS: &str = include_str!("../../../resources/world/common_words.tsv");
const COMMON_WORDS_CURATED: &str =
    include_str!("../../../resources/world/common_words_curated.tsv");
const COUNTRY_ALIASES: &str = include_str!("../../../resources/world/country_aliases.tsv");

/// Population from which a city outranks a region of the same name.
const BIG_CITY: u64 = 100_000;

/// Longest alias, in chars, taken as an acronym when written in capitals.
const ACRONYM_MAX_CHARS: usize = 7;

fn field<'a>(row: &[&'a str], i: usize) -> Option<&'a str> {
    row.get(i).copied().filter(|s| !s.is_empty())
}

fn number<T: std::str::FromStr>(row: &[&str], i: usize) -> Option<T> {
    field(row, i).and_then(|s| s.parse().ok())
}

fn owned(row: &[&str], i: usize) -> Option<String> {
    field(row, i).map(str::to_owned)
}

/// Folds names into index keys through two reused buffers: hundreds of
/// thousands of aliases are keyed at start-up, and an offset map or a fresh
/// string for each would cost a large share of the load time.
#[derive(Default)]
struct Keys {
    folded: String,
    key: String,
}

impl Keys {
    fn of(&mut self, written: &str) -> &str {
        self.folded.clear();
        dateline_text::fold_into(written, &mut self.folded);
        key_of(&self.folded, &mut self.key)
    }
}

struct Loader {
    /// False when the alias index comes precomputed: aliases are then not
    /// folded at all, the slow part of loading.
    index_aliases: bool,
    entities: Vec<WorldEntity>,
    aliases: AliasIndexBuilder,
    skipped: usize,
    keys: Keys,
    /// Keys given by an acronym in capitals, with the ids they name: these
    /// survive when the same letters are a function word ("UN" vs "un").
    acronyms: FastMap<Box<str>, Vec<u32>>,
}

impl Loader {
    fn push(&mut self, mut entity: WorldEntity, aliases: Option<&str>) -> u32 {
        let id = u32::try_from(self.entities.len()).unwrap_or(u32::MAX);
        entity.id = id;
        let name = entity.name.clone();
        self.alias(&name, id);
        for alias in aliases.unwrap_or("").split('|') {
            self.alias(alias, id);
        }
        self.entities.push(entity);
        id
    }

    fn alias(&mut self, written: &str, id: u32) {
        if !self.index_aliases {
            return;
        }
        let written = written.trim();
        if written.is_empty() {
            return;
        }
        let rule = rule_of(written);
        let key = self.keys.of(written);
        self.aliases.add(key, id, rule);
        if rule == CaseRule::Upper {
            self.acronyms.entry(key.into()).or_default().push(id);
        }
        // Hyphens come and go between sources ("Alma-Ata", "Alma Ata").
        if key.contains('-') {
            let spaced = key.replace('-', " ");
            let spaced = key_of(&spaced, &mut self.keys.key);
            self.aliases.add(spaced, id, rule);
        }
    }
}

/// Acronyms are written in capitals; very short names are too easily a
/// word of some language to match in lowercase.
fn rule_of(written: &str) -> CaseRule {
    let (mut chars, mut letters, mut has_lower, mut has_upper) = (0usize, 0usize, false, false);
    for c in written.chars() {
        chars += 1;
        if c.is_lowercase() {
            has_lower = true;
            letters += 1;
        } else if c.is_uppercase() {
            has_upper = true;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
        // Long mixed-case names are the common case: nothing more to learn.
        if chars > ACRONYM_MAX_CHARS && letters > 3 && has_lower {
            return CaseRule::Any;
        }
    }
    if letters >= 2 && has_upper && !has_lower && chars <= ACRONYM_MAX_CHARS {
        CaseRule::Upper
    } else if letters <= 3 {
        CaseRule::Capitalised
    } else {
        CaseRule::Any
    }
}

/// What the embedded data loads into; `aliases` only when asked for.
pub(crate) struct Loaded {
    pub(crate) entities: Vec<WorldEntity>,
    pub(crate) aliases: Option<AliasIndex>,
    pub(crate) by_iso3: FastMap<Box<str>, u32>,
    pub(crate) by_iso2: FastMap<Box<str>, u32>,
    /// Country id -> capital city id.
    pub(crate) capitals: FastMap<u32, u32>,
    /// "lang\tfolded word" -> (iso3, form).
    pub(crate) demonyms: FastMap<Box<str>, (Box<str>, DemonymForm)>,
    pub(crate) skipped: usize,
}

/// Reads the embedded data. Entity ids are given in reading order, the same
/// with or without `index_aliases`, so an index built in one run (the build
/// script's) fits the entities of another.
pub(crate) fn load_embedded(index_aliases: bool) -> Loaded {
    let mut loader = Loader {
        index_aliases,
        entities: Vec::with_capacity(40_000),
        aliases: AliasIndexBuilder::with_capacity(if index_aliases { 400_000 } else { 0 }),
        skipped: 0,
        keys: Keys::default(),
        acronyms: FastMap::default(),
    };
    let mut by_iso3 = FastMap::default();
    let mut by_iso2 = FastMap::default();
    let mut capital_of = Vec::new();

    // countries: iso2 iso3 numeric name lat lon population capital_geonames geonames kb aliases
    for row in dateline_lang::rows(COUNTRIES) {
        let (Some(iso2), Some(iso3), Some(name)) = (field(&row, 0), field(&row, 1), field(&row, 3))
        else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::Country, name);
        e.country = Some(iso3.to_owned());
        e.lat = number(&row, 4);
        e.lon = number(&row, 5);
        e.population = number(&row, 6);
        e.geonames = number(&row, 8);
        e.kb = owned(&row, 9);
        let id = loader.push(e, field(&row, 10));
        by_iso3.insert(iso3.into(), id);
        by_iso2.insert(iso2.into(), id);
        if let Some(capital) = number::<u64>(&row, 7) {
            capital_of.push((id, capital));
        }
    }

    // country_aliases (curated): iso3 aliases
    for row in dateline_lang::rows(COUNTRY_ALIASES) {
        let (Some(&id), Some(aliases)) = (
            field(&row, 0).and_then(|iso3| by_iso3.get(iso3)),
            field(&row, 1),
        ) else {
            loader.skipped += 1;
            continue;
        };
        for alias in aliases.split('|') {
            loader.alias(alias, id);
        }
    }

    // admin1: code iso3 name lat lon geonames aliases
    for row in dateline_lang::rows(ADMIN1) {
        let (Some(code), Some(iso3), Some(name)) = (field(&row, 0), field(&row, 1), field(&row, 2))
        else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::Admin1, name);
        e.country = Some(iso3.to_owned());
        e.admin1 = Some(code.to_owned());
        e.lat = number(&row, 3);
        e.lon = number(&row, 4);
        e.geonames = number(&row, 5);
        loader.push(e, field(&row, 6));
    }

    // cities: geonames name iso3 admin1 lat lon population aliases
    let mut city_by_geonames: FastMap<u64, u32> = FastMap::default();
    for row in dateline_lang::rows(CITIES) {
        let (Some(geonames), Some(name), Some(iso3)) =
            (number::<u64>(&row, 0), field(&row, 1), field(&row, 2))
        else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::City, name);
        e.geonames = Some(geonames);
        e.country = Some(iso3.to_owned());
        e.admin1 = owned(&row, 3);
        e.lat = number(&row, 4);
        e.lon = number(&row, 5);
        e.population = number(&row, 6);
        let id = loader.push(e, field(&row, 7));
        city_by_geonames.insert(geonames, id);
    }

    // orgs: name kind country sector kb aliases
    for row in dateline_lang::rows(ORGS) {
        let kind = match field(&row, 1) {
            Some("IGO") => Kind::Igo,
            Some("NGO") => Kind::Ngo,
            Some("GROUP") => Kind::ArmedGroup,
            _ => {
                loader.skipped += 1;
                continue;
            }
        };
        let Some(name) = field(&row, 0) else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(kind, name);
        e.country = owned(&row, 2);
        e.sector = owned(&row, 3);
        e.kb = owned(&row, 4);
        loader.push(e, field(&row, 5));
    }

    // gov_bodies: name country sector kb aliases
    for row in dateline_lang::rows(GOV_BODIES) {
        let Some(name) = field(&row, 0) else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::GovBody, name);
        e.country = owned(&row, 1);
        e.sector = owned(&row, 2);
        e.kb = owned(&row, 3);
        loader.push(e, field(&row, 4));
    }

    // people: name country sector role kb aliases
    for row in dateline_lang::rows(PEOPLE) {
        let Some(name) = field(&row, 0) else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::Person, name);
        e.country = owned(&row, 1);
        e.sector = owned(&row, 2);
        e.role = owned(&row, 3);
        e.kb = owned(&row, 4);
        loader.push(e, field(&row, 5));
    }

    // media: name country kb aliases
    for row in dateline_lang::rows(MEDIA) {
        let Some(name) = field(&row, 0) else {
            loader.skipped += 1;
            continue;
        };
        let mut e = blank(Kind::Media, name);
        e.country = owned(&row, 1);
        e.sector = Some("JRN".to_owned());
        e.kb = owned(&row, 2);
        loader.push(e, field(&row, 3));
    }

    // common words: lang word. Their aliases count only when capitalised.
    let mut common = HashSet::new();
    for row in dateline_lang::rows(COMMON_WORDS).chain(dateline_lang::rows(COMMON_WORDS_CURATED)) {
        match field(&row, 1) {
            Some(word) => {
                common.insert(loader.keys.of(word).to_owned());
            }
            None => loader.skipped += 1,
        }
    }
    for word in &common {
        loader.aliases.require(word, CaseRule::Capitalised);
    }
    // A function word is never a name by itself ("Le" is not Leh, India),
    // except as an acronym in capitals ("UN", "US").
    let mut function_words = HashSet::new();
    for lang in dateline_lang::SUPPORTED {
        let words = dateline_lang::file(lang, "function_words.tsv").map(dateline_lang::words);
        for word in words.into_iter().flatten() {
            function_words.insert(loader.keys.of(word).to_owned());
        }
    }
    for word in &function_words {
        match loader.acronyms.get(word.as_str()) {
            Some(ids) => {
                loader.aliases.retain(word, |id| ids.contains(&id));
                loader.aliases.require(word, CaseRule::Upper);
            }
            None => loader.aliases.remove(word),
        }
    }
    // demonyms: iso3 lang form words(|), from the curated file, then each
    // supported language's own resources/lang/<iso>/demonyms.tsv (iso3 form
    // words: the language is the folder's), then the generated file. Earlier
    // rows win.
    let mut rows: Vec<(&str, Vec<&str>)> = Vec::new();
    rows.extend(dateline_lang::rows(DEMONYMS_CURATED).map(|row| ("", row)));
    for &lang in dateline_lang::SUPPORTED {
        if let Some(text) = dateline_lang::file(lang, "demonyms.tsv") {
            rows.extend(dateline_lang::rows(text).map(|row| (lang, row)));
        }
    }
    rows.extend(dateline_lang::rows(DEMONYMS).map(|row| ("", row)));
    let mut demonyms = FastMap::default();
    for (folder_lang, row) in rows {
        let fields = if folder_lang.is_empty() {
            (
                field(&row, 0),
                field(&row, 1),
                field(&row, 2),
                field(&row, 3),
            )
        } else {
            (
                field(&row, 0),
                Some(folder_lang),
                field(&row, 1),
                field(&row, 2),
            )
        };
        let (Some(iso3), Some(lang), Some(form), Some(words)) = fields else {
            loader.skipped += 1;
            continue;
        };
        let form = match form {
            "adj" => DemonymForm::Adjective,
            "people" => DemonymForm::PeopleNoun,
            _ => {
                loader.skipped += 1;
                continue;
            }
        };
        for word in words.split('|').map(str::trim).filter(|w| !w.is_empty()) {
            let key = format!("{lang}\t{}", loader.keys.of(word));
            // A word that is both ("kazakhs") is reported as the adjective,
            // the reading a country-of-actor reader needs.
            let slot = demonyms
                .entry(key.into_boxed_str())
                .or_insert_with(|| (Box::<str>::from(iso3), form));
            if form == DemonymForm::Adjective && slot.0.as_ref() == iso3 {
                slot.1 = DemonymForm::Adjective;
            }
        }
    }

    // "kazakh" is an adjective, whatever town GeoNames also calls so, and
    // "Israeli" is not the country itself; acronyms ("US") stay names. A
    // country whose own name is also its adjective ("Djibouti", "New
    // Zealand", "Myanmar") keeps that name.
    // (id, folded name) of every country.
    let own_names: FastMap<u32, String> = (0..loader.entities.len())
        .filter_map(|i| {
            let e = loader.entities.get(i)?;
            (e.kind == Kind::Country).then(|| (i as u32, e.name.clone()))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(id, name)| (id, loader.keys.of(&name).to_owned()))
        .collect();
    let entities = &loader.entities;
    let keeps = |word: &str, id: u32| {
        entities.get(id as usize).is_some_and(|e| match e.kind {
            Kind::City | Kind::Admin1 => false,
            Kind::Country => own_names.get(&id).is_some_and(|name| name == word),
            _ => true,
        })
    };
    for key in demonyms.keys() {
        if let Some((_, word)) = key.split_once('\t') {
            if !loader.acronyms.contains_key(word) {
                loader.aliases.retain(word, |id| keeps(word, id));
            }
        }
    }

    let capitals: FastMap<u32, u32> = capital_of
        .into_iter()
        .filter_map(|(country, geonames)| {
            city_by_geonames.get(&geonames).map(|&city| (country, city))
        })
        .collect();
    if !index_aliases {
        return Loaded {
            entities: loader.entities,
            aliases: None,
            by_iso3,
            by_iso2,
            capitals,
            demonyms,
            skipped: loader.skipped,
        };
    }
    let capital_cities: HashSet<u32> = capitals.values().copied().collect();
    // A region named like a city ("Kherson", "Donetsk") is mostly named after
    // it: news naming both means the city first.
    let mut region_names = HashSet::new();
    for e in loader.entities.iter().filter(|e| e.kind == Kind::Admin1) {
        region_names.insert((e.country.clone(), loader.keys.of(&e.name).to_owned()));
    }
    let mut cities_naming_regions = HashSet::new();
    for e in loader.entities.iter().filter(|e| e.kind == Kind::City) {
        let key = loader.keys.of(&e.name).to_owned();
        if region_names.contains(&(e.country.clone(), key)) {
            cities_naming_regions.insert(e.id);
        }
    }

    let entities = loader.entities;
    // "La Maison Blanche" (a town) must not swallow "la Maison Blanche" (the
    // White House): names opened by an article need their capital.
    let opened_by = |first: &str| {
        function_words
            .contains(first)
            .then_some(CaseRule::Capitalised)
    };
    let aliases = loader.aliases.build(
        |id| {
            let Some(e) = entities.get(id as usize) else {
                return (u8::MAX, std::cmp::Reverse(0));
            };
            // National capitals lead other places: "Washington" is the city
            // before the state, "Paris" France before Paris, Texas.
            let tier = match e.kind {
                Kind::Country => 0,
                Kind::City if capital_cities.contains(&id) => 2,
                // "New York", "Gaza": the city before a region of the same name.
                Kind::City if e.population.unwrap_or(0) >= BIG_CITY => 2,
                Kind::City if cities_naming_regions.contains(&id) => 2,
                Kind::Admin1 => 3,
                Kind::City => 4,
                _ => 1,
            };
            (tier, std::cmp::Reverse(e.population.unwrap_or(0)))
        },
        opened_by,
    );
    Loaded {
        entities,
        aliases: Some(aliases),
        by_iso3,
        by_iso2,
        capitals,
        demonyms,
        skipped: loader.skipped,
    }
}

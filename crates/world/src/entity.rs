//! The gazetteer's record types, apart from the loader and the index so that
//! the build script (which precomputes the alias index) compiles them too.

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

/// A record with only a kind and a name; the loader fills in the rest.
pub(crate) fn blank(kind: Kind, name: &str) -> WorldEntity {
    WorldEntity {
        id: 0,
        kind,
        name: name.to_owned(),
        country: None,
        sector: None,
        role: None,
        kb: None,
        lat: None,
        lon: None,
        population: None,
        admin1: None,
        geonames: None,
    }
}

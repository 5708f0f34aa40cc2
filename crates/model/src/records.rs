//! Annotation layers (text) and records (readers). Records refer to each other
//! by index into the vectors of [`Reading`]; the wire ids (`E1`, `P1`, `Q1`,
//! `C1`, `V1`) are index + 1, assigned by the serializer.

use crate::{Diagnostic, Document, PartialDate, Span};

// ---------------------------------------------------------------- text layer

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and inner hyphens/apostrophes: "Kassym-Jomart", "aujourd'hui").
    Word,
    /// Digits, possibly grouped ("2 000", "1,5").
    Number,
    /// A French elided article or pronoun with its apostrophe ("l'", "qu'").
    Elision,
    Punct,
    Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A quantity read from digits or words. `min`/`max` bound the value;
/// `max: None` means open-ended ("more than 2,000", "hundreds").
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub span: Span,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Vague or hedged ("about", "dozens", "des centaines").
    pub approximate: bool,
}

impl Quantity {
    pub fn exact(span: Span, value: f64) -> Self {
        Quantity {
            span,
            min: Some(value),
            max: Some(value),
            approximate: false,
        }
    }
}

/// A date expression in the text and what it resolves to. `value` is `None`
/// when nothing could be resolved (e.g. "lundi" without a publication date).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DateMention {
    pub span: Span,
    pub value: Option<PartialDate>,
    /// Relative to the publication date ("yesterday", "lundi", "last week").
    pub relative: bool,
}

/// The text layer of a document: what later readers build on.
#[derive(Clone, Debug, Default)]
pub struct TextLayer {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    /// Paragraphs: runs of text separated by blank lines.
    pub paragraphs: Vec<Span>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
}

// ---------------------------------------------------------------- readers

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    Per,
    Org,
    Gpe,
    Loc,
    Norp,
    Group,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Gpe => "GPE",
            EntityType::Loc => "LOC",
            EntityType::Norp => "NORP",
            EntityType::Group => "GROUP",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => EntityType::Per,
            "ORG" => EntityType::Org,
            "GPE" => EntityType::Gpe,
            "LOC" => EntityType::Loc,
            "NORP" => EntityType::Norp,
            "GROUP" => EntityType::Group,
            _ => return None,
        })
    }
}

/// One identity named in the document, with every mention of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: EntityType,
    /// Canonical name ("Kassym-Jomart Tokayev").
    pub name: String,
    /// Knowledge-base id, e.g. `wikidata:Q...`.
    pub kb: Option<String>,
    /// ISO 3166-1 alpha-3, `IGO` or `NGO`.
    pub country: Option<String>,
    /// PLOVER sector code.
    pub sector: Option<String>,
    pub role: Option<String>,
    pub mentions: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeoPrecision {
    Country,
    Admin1,
    City,
    Site,
}

impl GeoPrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Country => "country",
            GeoPrecision::Admin1 => "admin1",
            GeoPrecision::City => "city",
            GeoPrecision::Site => "site",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub name: String,
    pub entity: Option<usize>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub precision: Option<GeoPrecision>,
    pub geonames: Option<u64>,
    pub mentions: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    /// The quoted words, without their quotation marks.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<usize>,
    pub speaker_span: Option<Span>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CasualtyKind {
    Killed,
    Injured,
    Arrested,
    Missing,
    Displaced,
    Kidnapped,
}

impl CasualtyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CasualtyKind::Killed => "killed",
            CasualtyKind::Injured => "injured",
            CasualtyKind::Arrested => "arrested",
            CasualtyKind::Missing => "missing",
            CasualtyKind::Displaced => "displaced",
            CasualtyKind::Kidnapped => "kidnapped",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRole {
    Armed,
    Security,
    Civilian,
    Mixed,
    Unknown,
}

impl GroupRole {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupRole::Armed => "armed",
            GroupRole::Security => "security",
            GroupRole::Civilian => "civilian",
            GroupRole::Mixed => "mixed",
            GroupRole::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Casualty {
    pub kind: CasualtyKind,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub approximate: bool,
    pub group: Option<String>,
    pub group_span: Option<Span>,
    pub group_role: GroupRole,
    pub reported_by: Option<usize>,
    pub place: Option<usize>,
    pub event: Option<usize>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Future,
    Hypothetical,
    Intended,
    Reported,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Future => "future",
            Modality::Hypothetical => "hypothetical",
            Modality::Intended => "intended",
            Modality::Reported => "reported",
        }
    }
}

/// One participant of an event: an entity when known, else the words.
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub entity: Option<usize>,
    pub text: String,
    pub span: Option<Span>,
    pub country: Option<String>,
    pub sector: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventSize {
    pub dead: Option<u64>,
    pub injured: Option<u64>,
    pub arrested: Option<u64>,
    pub participants: Option<u64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Acled {
    pub event_type: String,
    pub sub_event_type: String,
}

/// PLOVER 2.0 event types: the only values [`Event::kind`] takes.
pub const EVENT_TYPES: &[&str] = &[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
];

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// PLOVER 2.0 type (`ASSAULT`).
    pub kind: String,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub cameo: Option<String>,
    pub acled: Option<Acled>,
    pub actor: Vec<Participant>,
    pub recipient: Vec<Participant>,
    pub place: Option<usize>,
    pub date: Option<PartialDate>,
    pub negated: bool,
    pub modality: Modality,
    pub reported_by: Option<usize>,
    pub size: EventSize,
    pub sentence: Span,
    pub trigger: Span,
    /// Further evidence when the same event is told again in the story.
    pub more_evidence: Vec<(Span, Span)>,
    pub confidence: f32,
    /// The rule or pattern that produced it (`fr.accuse.denoncer`).
    pub rule: String,
}

/// Everything read from one document: the input to the serializer.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    pub doc: Document,
    pub text: TextLayer,
    pub entities: Vec<Entity>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    pub casualties: Vec<Casualty>,
    pub events: Vec<Event>,
}

impl Reading {
    pub fn new(doc: Document) -> Self {
        Reading {
            doc,
            ..Default::default()
        }
    }
    pub fn diagnose(&mut self, diagnostic: Diagnostic) {
        self.doc.diagnostics.push(diagnostic);
    }
}

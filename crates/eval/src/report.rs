//! Score counts, their sums over documents, and how they are shown.

use crate::score::DocScore;
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use std::fmt::Write as _;
use std::ops::AddAssign;

/// True positives, false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
    /// `None` when nothing was predicted.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }
    /// `None` when there was nothing to find.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Counts", 6)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

/// How many judged values were right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub right: usize,
    pub judged: usize,
}

impl Tally {
    pub fn judge(&mut self, right: bool) {
        self.judged += 1;
        self.right += usize::from(right);
    }
    /// `None` when nothing was judged.
    pub fn accuracy(&self) -> Option<f64> {
        ratio(self.right, self.judged)
    }
}

impl AddAssign for Tally {
    fn add_assign(&mut self, other: Tally) {
        self.right += other.right;
        self.judged += other.judged;
    }
}

impl Serialize for Tally {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Tally", 3)?;
        s.serialize_field("right", &self.right)?;
        s.serialize_field("judged", &self.judged)?;
        s.serialize_field("accuracy", &self.accuracy())?;
        s.end()
    }
}

/// `docs` in each layer counts the documents whose gold gave that layer.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EntityScores {
    pub docs: usize,
    /// Over mentions: overlap of at least half the longer, same type (GPE = LOC).
    pub mentions: Counts,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct PlaceScores {
    pub docs: usize,
    /// tp: gold places found; fn: gold places not found; fp: predicted
    /// places with no mention on any gold place.
    pub found: Counts,
    /// Over found places that the gold locates: within 161 km, or the same
    /// country where the gold gives no point.
    pub right: Tally,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct QuoteScores {
    pub docs: usize,
    /// A prediction matches when it covers at least 80% of the gold's chars.
    pub matched: Counts,
    /// Over matched quotes whose gold names a speaker.
    pub speaker: Tally,
    /// Over matched quotes whose gold gives a kind.
    pub kind: Tally,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CasualtyScores {
    pub docs: usize,
    /// Same kind and count range.
    pub matched: Counts,
    /// Over matched casualties whose gold names a group: word overlap.
    pub group: Tally,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventScores {
    pub docs: usize,
    /// Same type.
    pub typed: Counts,
    /// Same type and the actor/recipient countries the gold gives.
    pub with_countries: Counts,
    /// Same type, countries, negation and modality where the gold gives them.
    pub full: Counts,
    /// Gold events that give an actor or recipient country.
    pub gold_with_countries: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AcledScores {
    pub docs: usize,
    /// The headline event's sub-event type (or none) equals the gold's.
    pub headline: Tally,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocFieldScores {
    pub title: Tally,
    pub dateline_place: Tally,
    pub dateline_date: Tally,
    pub agency: Tally,
    /// The set of source names, compared whole.
    pub sources: Tally,
    pub publisher: Tally,
}

/// Every layer's figures, for one document or summed over many.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    pub entities: EntityScores,
    pub places: PlaceScores,
    pub quotes: QuoteScores,
    pub casualties: CasualtyScores,
    pub events: EventScores,
    pub acled: AcledScores,
    pub doc_fields: DocFieldScores,
}

impl AddAssign<&Scores> for Scores {
    fn add_assign(&mut self, o: &Scores) {
        self.entities.docs += o.entities.docs;
        self.entities.mentions.add(o.entities.mentions);
        self.places.docs += o.places.docs;
        self.places.found.add(o.places.found);
        self.places.right += o.places.right;
        self.quotes.docs += o.quotes.docs;
        self.quotes.matched.add(o.quotes.matched);
        self.quotes.speaker += o.quotes.speaker;
        self.quotes.kind += o.quotes.kind;
        self.casualties.docs += o.casualties.docs;
        self.casualties.matched.add(o.casualties.matched);
        self.casualties.group += o.casualties.group;
        self.events.docs += o.events.docs;
        self.events.typed.add(o.events.typed);
        self.events.with_countries.add(o.events.with_countries);
        self.events.full.add(o.events.full);
        self.events.gold_with_countries += o.events.gold_with_countries;
        self.acled.docs += o.acled.docs;
        self.acled.headline += o.acled.headline;
        let (d, od) = (&mut self.doc_fields, &o.doc_fields);
        d.title += od.title;
        d.dateline_place += od.dateline_place;
        d.dateline_date += od.dateline_date;
        d.agency += od.agency;
        d.sources += od.sources;
        d.publisher += od.publisher;
    }
}

/// Scores summed over documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Report {
    pub docs: usize,
    pub scores: Scores,
}

impl Report {
    pub fn add(&mut self, doc: &DocScore) {
        self.docs += 1;
        self.scores += &doc.scores;
    }

    /// A plain-text table: per layer P, R, F1 and counts, then accuracies.
    pub fn to_table(&self) -> String {
        let s = &self.scores;
        let mut out = String::new();
        let _ = writeln!(out, "documents: {}", self.docs);
        let _ = writeln!(
            out,
            "{:<22} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "layer", "docs", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1"
        );
        let rows: [(&str, usize, Counts); 7] = [
            ("entities (mentions)", s.entities.docs, s.entities.mentions),
            ("places (found)", s.places.docs, s.places.found),
            ("quotes", s.quotes.docs, s.quotes.matched),
            ("casualties", s.casualties.docs, s.casualties.matched),
            ("events (type)", s.events.docs, s.events.typed),
            (
                "events (+countries)",
                s.events.docs,
                s.events.with_countries,
            ),
            ("events (full)", s.events.docs, s.events.full),
        ];
        for (name, docs, c) in rows {
            if docs == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:<22} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                name,
                docs,
                c.tp + c.fn_,
                c.tp + c.fp,
                c.tp,
                c.fp,
                c.fn_,
                pct(c.precision()),
                pct(c.recall()),
                pct(c.f1())
            );
        }
        let _ = writeln!(
            out,
            "{:<22} {:>6} {:>6} {:>8}",
            "accuracy", "right", "judged", "acc"
        );
        let tallies: [(&str, Tally); 11] = [
            ("places @161km", s.places.right),
            ("quote speaker", s.quotes.speaker),
            ("quote kind", s.quotes.kind),
            ("casualty group", s.casualties.group),
            ("acled headline", s.acled.headline),
            ("doc.title", s.doc_fields.title),
            ("doc.dateline_place", s.doc_fields.dateline_place),
            ("doc.dateline_date", s.doc_fields.dateline_date),
            ("doc.agency", s.doc_fields.agency),
            ("doc.sources", s.doc_fields.sources),
            ("doc.publisher", s.doc_fields.publisher),
        ];
        for (name, t) in tallies {
            if t.judged == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:<22} {:>6} {:>6} {:>8}",
                name,
                t.right,
                t.judged,
                pct(t.accuracy())
            );
        }
        out
    }

    /// The report as JSON: counts with their precision, recall, F1 and
    /// accuracies (null where undefined).
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or(serde_json::Value::Null)
    }
}

fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_string(), |v| format!("{:.1}", v * 100.0))
}

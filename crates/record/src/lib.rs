//! The `dateline/1` wire format: the one place where a [`Reading`] becomes the
//! JSON record of `shared/spec/output.md`.
//!
//! Inside the engine spans are byte offsets; on the wire they are Unicode
//! scalar value offsets (Python `str` indices). The conversion happens here
//! and nowhere else.
//!
//! [`Record`] serialises a reading straight from its borrowed fields (no
//! intermediate JSON tree: [`write_json`] is what bulk output uses);
//! [`to_json`] gives the same record as a `serde_json::Value`.
//!
//! ```
//! use dateline_model::{Document, Reading};
//! let reading = Reading::new(Document::new("d1", "Moscou, 10 janvier".to_string()));
//! let options = dateline_record::Options::default();
//! let record = dateline_record::to_json(&reading, &options);
//! assert_eq!(record["schema"], "dateline/1");
//! assert_eq!(record["doc"]["id"], "d1");
//! let mut bytes = Vec::new();
//! dateline_record::write_json(&reading, &options, &mut bytes, false).unwrap();
//! assert_eq!(bytes, serde_json::to_vec(&record).unwrap());
//! ```

mod offsets;

pub use offsets::CharOffsets;

use std::fmt;
use std::io::{self, Write};

use dateline_model::{
    Acled, Casualty, Dateline, Diagnostic, Entity, Event, EventSize, PartialDate, Participant,
    Place, Quote, Reading, Source, Span,
};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::Serialize;
use serde_json::Value;

pub const SCHEMA: &str = "dateline/1";

/// Choices the user makes about the record's shape.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Leave `doc.text` out (`--no-text`).
    pub no_text: bool,
}

/// One reading as its `dateline/1` record, serialised on demand from borrowed
/// data: the single definition of the record's keys, their order and values.
pub struct Record<'a> {
    reading: &'a Reading,
    options: &'a Options,
    offsets: CharOffsets<'a>,
}

impl<'a> Record<'a> {
    pub fn new(reading: &'a Reading, options: &'a Options) -> Self {
        Record {
            reading,
            options,
            offsets: CharOffsets::new(&reading.doc.text),
        }
    }
}

/// Renders one reading as a `dateline/1` record.
pub fn to_json(reading: &Reading, options: &Options) -> Value {
    // Serialising borrowed strings and numbers into a Value cannot fail.
    serde_json::to_value(Record::new(reading, options)).unwrap_or(Value::Null)
}

/// Writes one reading's record as JSON (one line, or indented when `pretty`),
/// without a trailing newline; the bytes are those of `to_json` serialised.
pub fn write_json<W: Write>(
    reading: &Reading,
    options: &Options,
    writer: W,
    pretty: bool,
) -> io::Result<()> {
    let record = Record::new(reading, options);
    let written = if pretty {
        serde_json::to_writer_pretty(writer, &record)
    } else {
        serde_json::to_writer(writer, &record)
    };
    written.map_err(io::Error::from)
}

/// `E1`, `P3`...: a record's id for the item at a 0-based index.
#[derive(Clone, Copy)]
struct Id(char, usize);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.0, self.1 + 1)
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn opt_id(prefix: char, index: Option<usize>) -> Option<Id> {
    index.map(|i| Id(prefix, i))
}

/// A date as its ISO text (`2022-01`), written without an intermediate String.
struct Date(PartialDate);

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

fn opt_date(value: Option<PartialDate>) -> Option<Date> {
    value.map(Date)
}

fn date_precision(value: Option<PartialDate>) -> Option<&'static str> {
    value.map(|d| d.precision().as_str())
}

/// A span as `[start, end]` in char offsets.
struct WireSpan<'r>(&'r CharOffsets<'r>, Span);

impl Serialize for WireSpan<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(2))?;
        seq.serialize_element(&self.0.char_at(self.1.start))?;
        seq.serialize_element(&self.0.char_at(self.1.end))?;
        seq.end()
    }
}

/// What every part of the record needs: the reading and its offset table.
#[derive(Clone, Copy)]
struct Ctx<'r> {
    reading: &'r Reading,
    offsets: &'r CharOffsets<'r>,
}

impl<'r> Ctx<'r> {
    fn span(self, span: Span) -> WireSpan<'r> {
        WireSpan(self.offsets, span)
    }

    fn opt_span(self, span: Option<Span>) -> Option<WireSpan<'r>> {
        span.map(|s| self.span(s))
    }

    fn text(self, span: Span) -> &'r str {
        self.reading.doc.slice(span)
    }
}

/// A list of spans.
struct Spans<'r>(Ctx<'r>, &'r [Span]);

impl Serialize for Spans<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.1.iter().map(|s| self.0.span(*s)))
    }
}

/// The `index`-th item of a layer, serialised with its id.
struct Item<'r, T> {
    ctx: Ctx<'r>,
    index: usize,
    item: &'r T,
}

/// A whole layer (entities, places...) as a JSON array.
struct List<'r, T>(Ctx<'r>, &'r [T]);

impl<'r, T> Serialize for List<'r, T>
where
    Item<'r, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ctx = self.0;
        serializer.collect_seq(self.1.iter().enumerate().map(|(index, item)| Item {
            ctx,
            index,
            item,
        }))
    }
}

impl Serialize for Record<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ctx = Ctx {
            reading: self.reading,
            offsets: &self.offsets,
        };
        let reading = self.reading;
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("schema", SCHEMA)?;
        map.serialize_entry(
            "doc",
            &Doc {
                ctx,
                options: self.options,
            },
        )?;
        map.serialize_entry("entities", &List(ctx, &reading.entities))?;
        map.serialize_entry("places", &List(ctx, &reading.places))?;
        map.serialize_entry("quotes", &List(ctx, &reading.quotes))?;
        map.serialize_entry("casualties", &List(ctx, &reading.casualties))?;
        map.serialize_entry("events", &List(ctx, &reading.events))?;
        map.serialize_entry("diagnostics", &List(ctx, &reading.doc.diagnostics))?;
        map.end()
    }
}

struct Doc<'r> {
    ctx: Ctx<'r>,
    options: &'r Options,
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ctx = self.ctx;
        let doc = &ctx.reading.doc;
        let meta = &doc.meta;
        let text = (!self.options.no_text).then_some(doc.text.as_str());
        let origin = doc.provenance.origin.as_deref();
        let fetched = doc.provenance.fetched.as_deref();
        let duplicate_of = meta.duplicate_of.as_deref();
        let optional = [text, origin, fetched, duplicate_of];
        let mut map = serializer.serialize_map(Some(10 + optional.iter().flatten().count()))?;
        map.serialize_entry("id", &doc.id)?;
        map.serialize_entry("url", &meta.url)?;
        map.serialize_entry("title", &meta.title)?;
        map.serialize_entry("language", &meta.language)?;
        map.serialize_entry("published", &opt_date(meta.published))?;
        map.serialize_entry("date_precision", &date_precision(meta.published))?;
        map.serialize_entry("publisher", &meta.publisher)?;
        map.serialize_entry("author", &meta.author)?;
        map.serialize_entry(
            "dateline",
            &meta.dateline.as_ref().map(|d| Item {
                ctx,
                index: 0,
                item: d,
            }),
        )?;
        map.serialize_entry("sources", &List(ctx, &meta.sources))?;
        // Optional keys are absent rather than null, in this order.
        for (key, value) in ["text", "origin", "fetched", "duplicate_of"]
            .into_iter()
            .zip(optional)
        {
            if let Some(value) = value {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

impl Serialize for Item<'_, Dateline> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ctx, d) = (self.ctx, self.item);
        // The dateline's place is the place record whose mention covers the
        // dateline's place words; geocoding happened in the places reader.
        let place = d.place_span.and_then(|ps| {
            ctx.reading
                .places
                .iter()
                .position(|p| p.mentions.iter().any(|m| m.overlaps(ps)))
        });
        let mut map = serializer.serialize_map(Some(6))?;
        map.serialize_entry("text", ctx.text(d.span))?;
        map.serialize_entry("span", &ctx.span(d.span))?;
        map.serialize_entry("place", &opt_id('P', place))?;
        map.serialize_entry("place_text", &d.place_text)?;
        map.serialize_entry("date", &opt_date(d.date))?;
        map.serialize_entry("agency", &d.agency)?;
        map.end()
    }
}

impl Serialize for Item<'_, Source> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.item;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("name", &s.name)?;
        map.serialize_entry("role", s.role.as_str())?;
        map.serialize_entry("span", &self.ctx.span(s.span))?;
        map.end()
    }
}

impl Serialize for Item<'_, Entity> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let e = self.item;
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("id", &Id('E', self.index))?;
        map.serialize_entry("type", e.kind.as_str())?;
        map.serialize_entry("name", &e.name)?;
        map.serialize_entry("kb", &e.kb)?;
        map.serialize_entry("country", &e.country)?;
        map.serialize_entry("sector", &e.sector)?;
        map.serialize_entry("role", &e.role)?;
        map.serialize_entry("mentions", &Spans(self.ctx, &e.mentions))?;
        map.end()
    }
}

impl Serialize for Item<'_, Place> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.item;
        let mut map = serializer.serialize_map(Some(10))?;
        map.serialize_entry("id", &Id('P', self.index))?;
        map.serialize_entry("name", &p.name)?;
        map.serialize_entry("entity", &opt_id('E', p.entity))?;
        map.serialize_entry("country", &p.country)?;
        map.serialize_entry("admin1", &p.admin1)?;
        // A non-finite coordinate is written as null, both here and in a Value.
        map.serialize_entry("lat", &p.lat)?;
        map.serialize_entry("lon", &p.lon)?;
        map.serialize_entry("precision", &p.precision.map(|x| x.as_str()))?;
        map.serialize_entry("geonames", &p.geonames)?;
        map.serialize_entry("mentions", &Spans(self.ctx, &p.mentions))?;
        map.end()
    }
}

impl Serialize for Item<'_, Quote> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ctx, q) = (self.ctx, self.item);
        let mut map = serializer.serialize_map(Some(8))?;
        map.serialize_entry("id", &Id('Q', self.index))?;
        map.serialize_entry("text", ctx.text(q.span))?;
        map.serialize_entry("span", &ctx.span(q.span))?;
        map.serialize_entry("kind", q.kind.as_str())?;
        map.serialize_entry("speaker", &opt_id('E', q.speaker))?;
        map.serialize_entry("speaker_span", &ctx.opt_span(q.speaker_span))?;
        map.serialize_entry("cue", &q.cue)?;
        map.serialize_entry("cue_span", &ctx.opt_span(q.cue_span))?;
        map.end()
    }
}

impl Serialize for Item<'_, Casualty> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ctx, c) = (self.ctx, self.item);
        let mut map = serializer.serialize_map(Some(12))?;
        map.serialize_entry("id", &Id('C', self.index))?;
        map.serialize_entry("kind", c.kind.as_str())?;
        map.serialize_entry("min", &c.min)?;
        map.serialize_entry("max", &c.max)?;
        map.serialize_entry("approximate", &c.approximate)?;
        map.serialize_entry("group", &c.group)?;
        map.serialize_entry("group_span", &ctx.opt_span(c.group_span))?;
        map.serialize_entry("group_role", c.group_role.as_str())?;
        map.serialize_entry("reported_by", &opt_id('E', c.reported_by))?;
        map.serialize_entry("place", &opt_id('P', c.place))?;
        map.serialize_entry("event", &opt_id('V', c.event))?;
        map.serialize_entry("span", &ctx.span(c.span))?;
        map.end()
    }
}

impl Serialize for Item<'_, Participant> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let p = self.item;
        let mut map = serializer.serialize_map(Some(5))?;
        map.serialize_entry("entity", &opt_id('E', p.entity))?;
        map.serialize_entry("text", &p.text)?;
        map.serialize_entry("span", &self.ctx.opt_span(p.span))?;
        map.serialize_entry("country", &p.country)?;
        map.serialize_entry("sector", &p.sector)?;
        map.end()
    }
}

impl Serialize for Item<'_, Acled> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("event_type", &self.item.event_type)?;
        map.serialize_entry("sub_event_type", &self.item.sub_event_type)?;
        map.end()
    }
}

impl Serialize for Item<'_, EventSize> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let size = self.item;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("dead", &size.dead)?;
        map.serialize_entry("injured", &size.injured)?;
        map.serialize_entry("arrested", &size.arrested)?;
        map.serialize_entry("participants", &size.participants)?;
        map.end()
    }
}

/// Where an event was read: its sentence and trigger, then any further ones.
struct Evidence<'r> {
    ctx: Ctx<'r>,
    sentence: Span,
    trigger: Span,
    more: &'r [(Span, Span)],
}

impl Serialize for Evidence<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ctx = self.ctx;
        let mut map = serializer.serialize_map(Some(if self.more.is_empty() { 2 } else { 3 }))?;
        map.serialize_entry("sentence", &ctx.span(self.sentence))?;
        map.serialize_entry("trigger", &ctx.span(self.trigger))?;
        if !self.more.is_empty() {
            map.serialize_entry("more", &More(ctx, self.more))?;
        }
        map.end()
    }
}

/// An event's further (sentence, trigger) pairs.
struct More<'r>(Ctx<'r>, &'r [(Span, Span)]);

impl Serialize for More<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let ctx = self.0;
        serializer.collect_seq(self.1.iter().map(|(sentence, trigger)| Evidence {
            ctx,
            sentence: *sentence,
            trigger: *trigger,
            more: &[],
        }))
    }
}

impl Serialize for Item<'_, Event> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (ctx, v) = (self.ctx, self.item);
        let mut map = serializer.serialize_map(Some(19))?;
        map.serialize_entry("id", &Id('V', self.index))?;
        map.serialize_entry("type", &v.kind)?;
        map.serialize_entry("mode", &v.mode)?;
        map.serialize_entry("context", &v.context)?;
        map.serialize_entry("cameo", &v.cameo)?;
        map.serialize_entry(
            "acled",
            &v.acled.as_ref().map(|item| Item {
                ctx,
                index: 0,
                item,
            }),
        )?;
        map.serialize_entry("actor", &List(ctx, &v.actor))?;
        map.serialize_entry("recipient", &List(ctx, &v.recipient))?;
        map.serialize_entry("place", &opt_id('P', v.place))?;
        map.serialize_entry("date", &opt_date(v.date))?;
        map.serialize_entry("date_precision", &date_precision(v.date))?;
        map.serialize_entry("negated", &v.negated)?;
        map.serialize_entry("modality", v.modality.as_str())?;
        map.serialize_entry("reported_by", &opt_id('E', v.reported_by))?;
        map.serialize_entry(
            "size",
            &Item {
                ctx,
                index: 0,
                item: &v.size,
            },
        )?;
        let evidence = Evidence {
            ctx,
            sentence: v.sentence,
            trigger: v.trigger,
            more: &v.more_evidence,
        };
        map.serialize_entry("evidence", &evidence)?;
        // Widened as the record has always carried it (f64 digits of the f32 value).
        map.serialize_entry("confidence", &f64::from(v.confidence))?;
        map.serialize_entry("rule", &v.rule)?;
        map.end()
    }
}

impl Serialize for Item<'_, Diagnostic> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = self.item;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("level", d.level.as_str())?;
        map.serialize_entry("code", d.code)?;
        map.serialize_entry("message", &d.message)?;
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_model::{Document, Modality};

    /// A reading with the awkward cases: non-ASCII text, an unknown and a
    /// non-finite coordinate, repeated evidence, a flagged duplicate.
    fn awkward_reading() -> Reading {
        let text = "Moscou — « Tokaïev » a dit. La police a arrêté 12 personnes.".to_string();
        let mut reading = Reading::new(Document::new("d1", text));
        reading.doc.meta.duplicate_of = Some("d0".into());
        reading.doc.provenance.origin = Some("file.jsonl:2".into());
        let place = |lat, lon| Place {
            name: "Moscou".into(),
            entity: None,
            country: Some("RU".into()),
            admin1: None,
            lat,
            lon,
            precision: None,
            geonames: Some(524_901),
            mentions: vec![Span::new(0, 6)],
        };
        reading.places.push(place(Some(55.75), Some(37.5)));
        reading.places.push(place(Some(f64::NAN), None));
        reading.events.push(Event {
            kind: "COERCE".into(),
            mode: None,
            context: vec!["protest".into()],
            cameo: None,
            acled: None,
            actor: Vec::new(),
            recipient: Vec::new(),
            place: Some(0),
            date: None,
            negated: false,
            modality: Modality::Asserted,
            reported_by: None,
            size: EventSize {
                arrested: Some(12),
                ..EventSize::default()
            },
            sentence: Span::new(33, 67),
            trigger: Span::new(45, 53),
            more_evidence: vec![(Span::new(0, 32), Span::new(28, 31))],
            confidence: 0.7,
            rule: "test".into(),
        });
        reading
    }

    #[test]
    fn record_has_the_wire_shape() {
        let reading = awkward_reading();
        let record = to_json(&reading, &Options { no_text: true });
        let doc_keys: Vec<&str> = record["doc"]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            doc_keys,
            [
                "id",
                "url",
                "title",
                "language",
                "published",
                "date_precision",
                "publisher",
                "author",
                "dateline",
                "sources",
                "origin",
                "duplicate_of"
            ]
        );
        assert_eq!(record["places"][0]["lat"], 55.75);
        assert!(record["places"][1]["lat"].is_null() && record["places"][1]["lon"].is_null());
        assert_eq!(record["places"][1]["id"], "P2");
        // Char offsets, not bytes: "—", "«", "ï", "»" and "ê" are two or three bytes each.
        assert_eq!(
            record["events"][0]["evidence"]["sentence"],
            serde_json::json!([28, 60])
        );
        assert_eq!(
            record["events"][0]["evidence"]["more"][0]["trigger"],
            serde_json::json!([23, 26])
        );
        assert_eq!(record["events"][0]["confidence"], f64::from(0.7f32));
        assert_eq!(record["events"][0]["size"]["arrested"], 12);
        assert!(record["events"][0]["date_precision"].is_null());
    }

    #[test]
    fn written_bytes_equal_the_serialised_value() {
        let reading = awkward_reading();
        for no_text in [false, true] {
            let options = Options { no_text };
            let value = to_json(&reading, &options);
            let mut line = Vec::new();
            write_json(&reading, &options, &mut line, false).unwrap();
            assert_eq!(
                String::from_utf8(line).unwrap(),
                serde_json::to_string(&value).unwrap()
            );
            let mut pretty = Vec::new();
            write_json(&reading, &options, &mut pretty, true).unwrap();
            assert_eq!(
                String::from_utf8(pretty).unwrap(),
                serde_json::to_string_pretty(&value).unwrap()
            );
        }
    }
}

//! The `dateline/1` wire format: the one place where a [`Reading`] becomes the
//! JSON record of `shared/spec/output.md`.
//!
//! Inside the engine spans are byte offsets; on the wire they are Unicode
//! scalar value offsets (Python `str` indices). The conversion happens here
//! and nowhere else.
//!
//! ```
//! use dateline_model::{Document, Reading};
//! let reading = Reading::new(Document::new("d1", "Moscou, 10 janvier".to_string()));
//! let record = dateline_record::to_json(&reading, &dateline_record::Options::default());
//! assert_eq!(record["schema"], "dateline/1");
//! assert_eq!(record["doc"]["id"], "d1");
//! ```

mod offsets;

pub use offsets::CharOffsets;

use dateline_model::{Event, Participant, PartialDate, Reading, Span};
use serde_json::{json, Map, Value};

pub const SCHEMA: &str = "dateline/1";

/// Choices the user makes about the record's shape.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Leave `doc.text` out (`--no-text`).
    pub no_text: bool,
}

fn id(prefix: char, index: usize) -> String {
    format!("{prefix}{}", index + 1)
}

fn opt_id(prefix: char, index: Option<usize>) -> Value {
    index.map_or(Value::Null, |i| Value::String(id(prefix, i)))
}

fn opt_str(value: Option<&str>) -> Value {
    value.map_or(Value::Null, |s| Value::String(s.to_string()))
}

fn opt_date(value: Option<PartialDate>) -> Value {
    value.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn opt_f64(value: Option<f64>) -> Value {
    value.and_then(|v| serde_json::Number::from_f64(v).map(Value::Number)).unwrap_or(Value::Null)
}

/// Renders one reading as a `dateline/1` record.
pub fn to_json(reading: &Reading, options: &Options) -> Value {
    let offsets = CharOffsets::new(&reading.doc.text);
    let span = |s: Span| json!([offsets.char_at(s.start), offsets.char_at(s.end)]);
    let opt_span = |s: Option<Span>| s.map_or(Value::Null, span);
    let spans = |list: &[Span]| Value::Array(list.iter().map(|s| span(*s)).collect());

    let meta = &reading.doc.meta;
    let mut doc = Map::new();
    doc.insert("id".into(), json!(reading.doc.id));
    doc.insert("url".into(), opt_str(meta.url.as_deref()));
    doc.insert("title".into(), opt_str(meta.title.as_deref()));
    doc.insert("language".into(), opt_str(meta.language.as_deref()));
    doc.insert("published".into(), opt_date(meta.published));
    doc.insert(
        "date_precision".into(),
        meta.published.map_or(Value::Null, |d| json!(d.precision().as_str())),
    );
    doc.insert("publisher".into(), opt_str(meta.publisher.as_deref()));
    doc.insert("author".into(), opt_str(meta.author.as_deref()));
    let dateline = meta.dateline.as_ref().map_or(Value::Null, |d| {
        // The dateline's place is the place record whose mention covers the
        // dateline's place words; geocoding happened in the places reader.
        let place = d.place_span.and_then(|ps| {
            reading.places.iter().position(|p| p.mentions.iter().any(|m| m.overlaps(ps)))
        });
        json!({
            "text": reading.doc.slice(d.span),
            "span": span(d.span),
            "place": opt_id('P', place),
            "place_text": opt_str(d.place_text.as_deref()),
            "date": opt_date(d.date),
            "agency": opt_str(d.agency.as_deref()),
        })
    });
    doc.insert("dateline".into(), dateline);
    doc.insert(
        "sources".into(),
        meta.sources
            .iter()
            .map(|s| json!({"name": s.name, "role": s.role.as_str(), "span": span(s.span)}))
            .collect(),
    );
    if !options.no_text {
        doc.insert("text".into(), json!(reading.doc.text));
    }
    if let Some(origin) = &reading.doc.provenance.origin {
        doc.insert("origin".into(), json!(origin));
    }
    if let Some(fetched) = &reading.doc.provenance.fetched {
        doc.insert("fetched".into(), json!(fetched));
    }
    if let Some(first) = &meta.duplicate_of {
        doc.insert("duplicate_of".into(), json!(first));
    }

    let entities: Vec<Value> = reading
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "id": id('E', i), "type": e.kind.as_str(), "name": e.name,
                "kb": opt_str(e.kb.as_deref()), "country": opt_str(e.country.as_deref()),
                "sector": opt_str(e.sector.as_deref()), "role": opt_str(e.role.as_deref()),
                "mentions": spans(&e.mentions),
            })
        })
        .collect();

    let places: Vec<Value> = reading
        .places
        .iter()
        .enumerate()
        .map(|(i, p)| {
            json!({
                "id": id('P', i), "name": p.name, "entity": opt_id('E', p.entity),
                "country": opt_str(p.country.as_deref()), "admin1": opt_str(p.admin1.as_deref()),
                "lat": opt_f64(p.lat), "lon": opt_f64(p.lon),
                "precision": p.precision.map_or(Value::Null, |x| json!(x.as_str())),
                "geonames": p.geonames.map_or(Value::Null, |g| json!(g)),
                "mentions": spans(&p.mentions),
            })
        })
        .collect();

    let quotes: Vec<Value> = reading
        .quotes
        .iter()
        .enumerate()
        .map(|(i, q)| {
            json!({
                "id": id('Q', i), "text": reading.doc.slice(q.span), "span": span(q.span),
                "kind": q.kind.as_str(), "speaker": opt_id('E', q.speaker),
                "speaker_span": opt_span(q.speaker_span), "cue": opt_str(q.cue.as_deref()),
                "cue_span": opt_span(q.cue_span),
            })
        })
        .collect();

    let casualties: Vec<Value> = reading
        .casualties
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "id": id('C', i), "kind": c.kind.as_str(), "min": c.min, "max": c.max,
                "approximate": c.approximate, "group": opt_str(c.group.as_deref()),
                "group_span": opt_span(c.group_span),
                "group_role": c.group_role.as_str(), "reported_by": opt_id('E', c.reported_by),
                "place": opt_id('P', c.place), "event": opt_id('V', c.event), "span": span(c.span),
            })
        })
        .collect();

    let participant = |p: &Participant| {
        json!({
            "entity": opt_id('E', p.entity), "text": p.text, "span": opt_span(p.span),
            "country": opt_str(p.country.as_deref()), "sector": opt_str(p.sector.as_deref()),
        })
    };
    let events: Vec<Value> = reading
        .events
        .iter()
        .enumerate()
        .map(|(i, v): (usize, &Event)| {
            let mut evidence = json!({"sentence": span(v.sentence), "trigger": span(v.trigger)});
            if !v.more_evidence.is_empty() {
                evidence["more"] = v
                    .more_evidence
                    .iter()
                    .map(|(s, t)| json!({"sentence": span(*s), "trigger": span(*t)}))
                    .collect();
            }
            json!({
                "id": id('V', i), "type": v.kind, "mode": opt_str(v.mode.as_deref()),
                "context": v.context, "cameo": opt_str(v.cameo.as_deref()),
                "acled": v.acled.as_ref().map_or(Value::Null, |a| json!({
                    "event_type": a.event_type, "sub_event_type": a.sub_event_type})),
                "actor": v.actor.iter().map(participant).collect::<Vec<_>>(),
                "recipient": v.recipient.iter().map(participant).collect::<Vec<_>>(),
                "place": opt_id('P', v.place), "date": opt_date(v.date),
                "date_precision": v.date.map_or(Value::Null, |d| json!(d.precision().as_str())),
                "negated": v.negated, "modality": v.modality.as_str(),
                "reported_by": opt_id('E', v.reported_by),
                "size": {"dead": v.size.dead, "injured": v.size.injured,
                         "arrested": v.size.arrested, "participants": v.size.participants},
                "evidence": evidence,
                "confidence": opt_f64(Some(f64::from(v.confidence))),
                "rule": v.rule,
            })
        })
        .collect();

    let diagnostics: Vec<Value> = reading
        .doc
        .diagnostics
        .iter()
        .map(|d| json!({"level": d.level.as_str(), "code": d.code, "message": d.message}))
        .collect();

    json!({
        "schema": SCHEMA,
        "doc": Value::Object(doc),
        "entities": entities,
        "places": places,
        "quotes": quotes,
        "casualties": casualties,
        "events": events,
        "diagnostics": diagnostics,
    })
}

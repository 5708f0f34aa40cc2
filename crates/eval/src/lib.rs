//! dateline-eval: the `dateline/1` JSON Schema, gold files and scoring.
//!
//! - [`schema`]: `schema/dateline-1.schema.json` (draft 2020-12), embedded,
//!   and [`schema::validate`] for any record.
//! - [`gold`]: gold JSON Lines (`shared/spec/gold.md`), older PLOVER type
//!   aliases mapped, line-numbered errors; [`discover`] finds gold files.
//! - [`score()`]: one gold reading against one predicted record → [`DocScore`]
//!   (figures plus a [`Miss`] list for debugging); [`Report`] sums them and
//!   renders a table or JSON.
//!
//! ```
//! use dateline_eval::{gold, score, Report};
//! use serde_json::json;
//! let gold = gold::parse(r#"{"id":"d1","events":[{"type":"FIGHT","actor_country":"KAZ"}]}"#).unwrap();
//! let predicted = json!({"schema": "dateline/1", "doc": {"id": "d1"}, "entities": [], "places": [],
//!     "quotes": [], "casualties": [], "diagnostics": [],
//!     "events": [{"id": "V1", "type": "ASSAULT", "actor": [{"text": "x", "country": "KAZ"}],
//!                 "recipient": [], "negated": false, "modality": "asserted",
//!                 "evidence": {"sentence": [0, 1], "trigger": [0, 1]}}]});
//! assert!(dateline_eval::schema::validate(&predicted).is_ok());
//! let mut report = Report::default();
//! report.add(&score(&gold[0], &predicted));
//! assert_eq!(report.scores.events.full.f1(), Some(1.0));
//! println!("{}", report.to_table());
//! ```
//!
//! # How the spec's matching rules are read
//! - Offsets in records are Unicode scalar values into `doc.text`; the text
//!   is folded char for char (lowercase, accents stripped, apostrophes,
//!   quotation marks and dashes unified), so folded offsets are record offsets.
//! - Gold names things by their words. Entity and place words are located
//!   in `doc.text` at word boundaries: every occurrence is a gold mention,
//!   except one lying inside a longer gold text's occurrence ("Tokaïev" within
//!   "Kassym-Jomart Tokaïev") or inside a URL (a run of non-space chars
//!   holding `/`). A gold entity text found nowhere counts as one
//!   missed mention. Without `doc.text` the entity layer is not scored (a
//!   [`MissKind::Unscored`] note says so); places then fall back to comparing
//!   the words with predicted place names, as they do for words not in the text.
//! - Entities: overlap ≥ half of the longer span, same type (GPE = LOC; a
//!   gold without type accepts any). Places: found when a predicted mention
//!   overlaps an occurrence; right within 161 km, or by country where the gold
//!   has no point; precision's false positives are predicted places touching
//!   no gold place.
//! - Quotes: the shared chars are the overlap of spans when the gold quote is
//!   located in the text, else the longest common run of the folded texts;
//!   ≥ 80% of the gold's chars. Speakers: folded names equal, or one is the
//!   trailing words of the other (a surname alone).
//! - Casualties: same kind, `min` equal, `max` equal (gold `null` = open, so
//!   the prediction must be open too). Group: at least half of the gold
//!   group's words appear in the prediction's.
//! - Events: three strictnesses (type; + countries; + negated and modality),
//!   each a maximum one-to-one matching. A gold `null` country constrains
//!   nothing. Predicted types go through the same alias map.
//! - ACLED headline: the first coded event by trigger offset (then sentence,
//!   then record order); a gold `null` expects no coded event at all.
//! - Document fields compare folded strings, leading and trailing
//!   punctuation and quotation marks aside; a gold `null` expects `null`.
//!   `dateline_place` is right when the gold equals the name of the place the
//!   dateline points to, or the dateline's own place words (`place_text`).
//!   `sources` compares the folded name sets whole.

pub mod fold;
pub mod gold;
mod matching;
mod record;
pub mod report;
pub mod schema;
pub mod score;

pub use gold::{discover, GoldDoc, GoldError};
pub use report::{Counts, Report, Scores, Tally};
pub use score::{score, DocScore, Layer, Miss, MissKind};

/// Scores every gold document against what `read` returns for it (a
/// `dateline/1` record) and sums the scores; the per-document scores come
/// back too, for their [`Miss`] lists.
pub fn evaluate<F>(golds: &[GoldDoc], mut read: F) -> (Report, Vec<DocScore>)
where
    F: FnMut(&GoldDoc) -> serde_json::Value,
{
    let mut report = Report::default();
    let mut docs = Vec::with_capacity(golds.len());
    for gold in golds {
        let doc = score(gold, &read(gold));
        report.add(&doc);
        docs.push(doc);
    }
    (report, docs)
}

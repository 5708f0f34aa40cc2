//! dateline: news stories in, `dateline/1` records out.
//!
//! The facade over the stages (ingest → text → readers → record) that the
//! CLI, the evaluation runner and other front ends share.
//!
//! ```
//! use dateline::{Engine, RawDoc};
//! let engine = Engine::default();
//! let raw = RawDoc { id: Some("d1".into()), language: Some("en".into()),
//!     ..RawDoc::new("example", b"PARIS (Reuters) - Police arrested 12 protesters.".to_vec()) };
//! let record = engine.extract(raw);
//! assert_eq!(record["doc"]["id"], "d1");
//! assert_eq!(record["doc"]["dateline"]["agency"], "Reuters");
//! ```

use dateline_eval::GoldDoc;
use dateline_model::Reading;
use rayon::prelude::*;
use serde_json::Value;

pub use dateline_ingest::{
    BodyFormat, IngestError, InputFormat, Inputs, Limits, Options as IngestOptions, RawDoc,
};
pub use dateline_model as model;
pub use dateline_read::Depth;
pub use dateline_record::{write_json, Options as RecordOptions, Record};

/// The whole pipeline with the user's choices.
#[derive(Clone, Debug, Default)]
pub struct Engine {
    pub ingest: IngestOptions,
    pub record: RecordOptions,
    /// How far to read (default: every reader).
    pub depth: Depth,
}

impl Engine {
    /// Reads one raw document through every stage. Never fails.
    pub fn read(&self, raw: RawDoc) -> Reading {
        dateline_read::read_to(dateline_ingest::prepare(raw, &self.ingest), self.depth)
    }

    /// One raw document to its `dateline/1` record.
    pub fn extract(&self, raw: RawDoc) -> Value {
        dateline_record::to_json(&self.read(raw), &self.record)
    }

    /// A batch of raw documents to records, in input order, on the current
    /// rayon pool (all cores unless the caller installed a smaller one).
    pub fn extract_batch(&self, batch: Vec<RawDoc>) -> Vec<Value> {
        batch.into_par_iter().map(|raw| self.extract(raw)).collect()
    }
}

/// The raw document a gold record describes (its `input`, id, date and language).
pub fn raw_from_gold(gold: &GoldDoc) -> RawDoc {
    let body_format = match gold.input_format.as_deref() {
        Some("html") => Some(BodyFormat::Html),
        Some("text") => Some(BodyFormat::Text),
        _ => None,
    };
    let origin = match (&gold.id, gold.line) {
        (Some(id), _) => id.clone(),
        (None, line) => format!("gold:{line}"),
    };
    RawDoc {
        id: gold.id.clone(),
        body_format,
        published: gold.published.clone(),
        language: gold.lang.clone(),
        ..RawDoc::new(origin, gold.input.clone().unwrap_or_default().into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    /// Bulk output writes records straight from the reading; it must be byte
    /// for byte what serialising the `Value` record gives, on every gold story.
    #[test]
    fn written_records_equal_serialised_values_on_every_gold_file() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dirs = [root.join("testdata/gold"), root.join("../shared/eval/dev")];
        let files = dateline_eval::gold::discover(&dirs);
        assert!(!files.is_empty(), "no gold files discovered");
        let engine = Engine::default();
        let mut records = 0;
        for file in &files {
            let golds = dateline_eval::gold::read(file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            for gold in &golds {
                let reading = engine.read(raw_from_gold(gold));
                for no_text in [false, true] {
                    let options = RecordOptions { no_text };
                    let value = dateline_record::to_json(&reading, &options);
                    for pretty in [false, true] {
                        let mut written = Vec::new();
                        dateline_record::write_json(&reading, &options, &mut written, pretty)
                            .unwrap();
                        let expected = if pretty {
                            serde_json::to_vec_pretty(&value)
                        } else {
                            serde_json::to_vec(&value)
                        }
                        .unwrap();
                        assert!(
                            written == expected,
                            "{} {:?} (no_text {no_text}, pretty {pretty}):\n{}\n{}",
                            file.display(),
                            gold.id,
                            String::from_utf8_lossy(&written),
                            String::from_utf8_lossy(&expected)
                        );
                    }
                }
                records += 1;
            }
        }
        assert!(records > 100, "only {records} gold records read");
    }
}

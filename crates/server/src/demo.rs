//! The sample stories shipped with dateline (examples/stories/), compiled in,
//! and how to put them into a store for `dateline demo`.

use dateline::{BodyFormat, Engine, RawDoc};
use dateline_store::{BatchOutcome, Store, StoreError};

/// One team-written story of examples/stories/.
#[derive(Clone, Copy, Debug)]
pub struct SampleStory {
    pub id: &'static str,
    /// Publication date (ISO 8601), from examples/stories/index.tsv.
    pub published: &'static str,
    /// ISO 639-1 code.
    pub language: &'static str,
    /// Headline on the first line, then the story.
    pub text: &'static str,
}

/// Every sample story, in index order.
pub const SAMPLE_STORIES: &[SampleStory] = include!(concat!(env!("OUT_DIR"), "/stories.rs"));

/// Reads every sample story and stores the records (already stored ones are skipped).
pub fn ingest_samples(store: &mut Store) -> Result<BatchOutcome, StoreError> {
    let engine = Engine::default();
    let raws: Vec<RawDoc> = SAMPLE_STORIES
        .iter()
        .map(|story| RawDoc {
            body_format: Some(BodyFormat::Text),
            id: Some(story.id.to_string()),
            published: Some(story.published.to_string()),
            language: Some(story.language.to_string()),
            ..RawDoc::new(
                format!("examples/stories/{}", story.id),
                story.text.as_bytes().to_vec(),
            )
        })
        .collect();
    store.insert_batch(engine.extract_batch(raws))
}

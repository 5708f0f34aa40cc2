//! The readers: document metadata, entities, places, quotes, casualties and
//! events. Each reader reads the layers before it in a [`Reading`] and adds its
//! own; none of them does IO or fails.
//!
//! ```
//! use dateline_model::{Document, Reading};
//! let mut doc = Document::new("d1", "PARIS (Reuters) - Protesters marched on Monday.".to_string());
//! doc.meta.language = Some("en".into());
//! let reading = dateline_read::read(doc);
//! assert_eq!(reading.doc.meta.dateline.as_ref().and_then(|d| d.agency.as_deref()), Some("Reuters"));
//! ```

pub mod casualties;
pub mod entities;
pub mod events;
pub mod meta;
pub mod places;
pub mod quotes;

use dateline_model::{Diagnostic, Document, Reading};
use dateline_text::Folded;

/// What every reader may use besides the [`Reading`]: computed once per document.
pub struct Context {
    /// ISO 639-1 code of the document's language (`und` when unknown).
    pub lang: String,
    /// Whether this language has full resources (see `dateline_lang::SUPPORTED`).
    pub supported: bool,
    /// The case/accent/punctuation-folded view of `doc.text`, for matching.
    pub folded: Folded,
}

/// How far [`read_to`] reads. Each depth includes the ones before it; a
/// user who only wants entities (an index, a comparison with an NER tool)
/// skips the work of the later readers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Depth {
    /// Metadata, the text layer, entities and places.
    Entities,
    /// The above and quotes.
    Quotes,
    /// Every reader: the above, casualties and events.
    #[default]
    Events,
}

impl Depth {
    /// The name users give on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Depth::Entities => "entities",
            Depth::Quotes => "quotes",
            Depth::Events => "events",
        }
    }
}

/// Runs the whole reading pipeline over a normalized document.
pub fn read(doc: Document) -> Reading {
    read_to(doc, Depth::Events)
}

/// Runs the readers up to `depth`. Layers left unread stay empty, and an
/// `readers-skipped` diagnostic says so, so that an empty list is never
/// mistaken for "nothing found".
pub fn read_to(doc: Document, depth: Depth) -> Reading {
    let lang = doc.meta.language.clone().unwrap_or_else(|| "und".to_string());
    let supported = dateline_lang::is_supported(&lang);
    let mut reading = Reading::new(doc);
    if !supported {
        reading.diagnose(Diagnostic::warning(
            "language-unsupported",
            format!("no full readers for language '{lang}' yet: metadata, the text layer, entities and places are read; quotes, casualties and events are not"),
        ));
    }
    let published = reading.doc.meta.published;
    let (layer, diagnostics) = dateline_text::analyze(&reading.doc.text, &lang, published);
    reading.text = layer;
    reading.doc.diagnostics.extend(diagnostics);
    let cx = Context { folded: dateline_text::fold(&reading.doc.text), lang, supported };

    meta::read(&mut reading, &cx);
    // The gazetteer knows names in many languages and scripts, so entities
    // and places are read for every language; the readers that need a
    // language's grammar wait for its resources.
    entities::read(&mut reading, &cx);
    places::read(&mut reading, &cx);
    if depth < Depth::Events {
        let skipped = if depth == Depth::Entities { "quotes, casualties and events" } else { "casualties and events" };
        reading.diagnose(Diagnostic::info(
            "readers-skipped",
            format!("read to depth '{}': {skipped} were not read", depth.name()),
        ));
    }
    if cx.supported && depth >= Depth::Quotes {
        quotes::read(&mut reading, &cx);
    }
    if cx.supported && depth >= Depth::Events {
        casualties::read(&mut reading, &cx);
        events::read(&mut reading, &cx);
    }
    reading
}

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

/// Runs the whole reading pipeline over a normalized document.
pub fn read(doc: Document) -> Reading {
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
    if cx.supported {
        quotes::read(&mut reading, &cx);
        casualties::read(&mut reading, &cx);
        events::read(&mut reading, &cx);
    }
    reading
}

//! The text layer: normalization, folding for matching, tokens, sentences,
//! paragraphs, quantities and dates. (Being implemented; signatures are the contract.)

use dateline_model::{DateMention, Diagnostic, PartialDate, Quantity, Span, TextLayer, Token};

/// NFC, line endings to `\n`, BOM and control characters (other than `\n` and `\t`) removed.
pub fn normalize(raw: &str) -> String {
    raw.replace("\r\n", "\n")
}

/// A case-, accent-, apostrophe-, quote- and space-folded copy of a text, with
/// a map back to byte offsets of the original.
pub struct Folded {
    text: String,
}

impl Folded {
    pub fn text(&self) -> &str {
        &self.text
    }
    /// Maps a span of the folded text to the span of the original it came from.
    pub fn to_original(&self, span: Span) -> Span {
        span
    }
}

pub fn fold(text: &str) -> Folded {
    Folded { text: text.to_lowercase() }
}

pub fn tokenize(_text: &str, _lang: &str) -> Vec<Token> {
    Vec::new()
}

pub fn paragraphs(_text: &str) -> Vec<Span> {
    Vec::new()
}

pub fn sentences(_text: &str, _tokens: &[Token], _lang: &str) -> Vec<Span> {
    Vec::new()
}

pub fn quantities(_text: &str, _tokens: &[Token], _lang: &str) -> Vec<Quantity> {
    Vec::new()
}

pub fn dates(_text: &str, _tokens: &[Token], _lang: &str, _published: Option<PartialDate>) -> Vec<DateMention> {
    Vec::new()
}

/// Parses one date expression ("10 janvier", "Jan. 5", "lundi", "yesterday").
pub fn parse_date(_expr: &str, _lang: &str, _published: Option<PartialDate>) -> Option<PartialDate> {
    None
}

/// The whole text layer of a normalized text, plus diagnostics (e.g. `year-unknown`).
pub fn analyze(text: &str, lang: &str, published: Option<PartialDate>) -> (TextLayer, Vec<Diagnostic>) {
    let tokens = tokenize(text, lang);
    let layer = TextLayer {
        sentences: sentences(text, &tokens, lang),
        paragraphs: paragraphs(text),
        quantities: quantities(text, &tokens, lang),
        dates: dates(text, &tokens, lang, published),
        tokens,
    };
    (layer, Vec::new())
}

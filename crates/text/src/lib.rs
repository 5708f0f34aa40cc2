//! The text layer of dateline: normalization, a folded view for matching,
//! tokens, sentences, paragraphs, quantities and dates, all as byte spans of
//! the normalized text. Language knowledge comes from `resources/lang/<iso>/`;
//! a language without resources gets language-neutral behaviour.
//!
//! ```
//! use dateline_model::PartialDate;
//! let text = dateline_text::normalize("Moscou, 10 janvier (RHC) Plus de 2\u{202f}000 soldats.\r\n");
//! let (layer, diagnostics) = dateline_text::analyze(&text, "fr", PartialDate::parse_iso("2022-01-10"));
//! assert_eq!(layer.dates[0].value, PartialDate::parse_iso("2022-01-10"));
//! assert_eq!(layer.quantities[0].min, Some(2000.0));
//! assert!(diagnostics.is_empty());
//! ```

mod dates;
mod fold;
mod lexicon;
mod normalize;
mod numbers;
mod sentences;
mod tokens;

use dateline_model::{Diagnostic, PartialDate, Span, TextLayer};

pub use dates::{dates, parse_date};
pub use fold::{fold, fold_into, Folded};
pub use normalize::normalize;
pub use numbers::{parse_digits, quantities};
pub use sentences::{paragraphs, sentences};
pub use tokens::tokenize;

/// The whole text layer of a normalized text, plus diagnostics:
/// `year-unknown` (warning, once) when a date's year cannot be known, and
/// `date-unresolved` (info, once) when relative dates lack a publication date.
pub fn analyze(
    text: &str,
    lang: &str,
    published: Option<PartialDate>,
) -> (TextLayer, Vec<Diagnostic>) {
    let lex = lexicon::lexicon(lang);
    let tokens = tokens::tokenize_with(text, &lex.rules);
    let keys = tokens::Keys::new(text, &tokens, lex);
    let dates = dates::find_dates(text, &tokens, &keys, lex, published);
    let blocked: Vec<Span> = dates.iter().map(|d| d.span).collect();
    let quantities = numbers::find_quantities(text, &tokens, &keys, lex, &blocked);
    let mut diagnostics = Vec::new();
    if let Some(d) = dates
        .iter()
        .find(|d| d.value.is_some_and(|v| v.year.is_none()))
    {
        let shown = text.get(d.span.start..d.span.end).unwrap_or("");
        diagnostics.push(Diagnostic::warning(
            "year-unknown",
            format!(
                "the year of \"{shown}\" is unknown: no year in the text and no publication date"
            ),
        ));
    }
    if dates.iter().any(|d| d.relative && d.value.is_none()) {
        diagnostics.push(Diagnostic::info(
            "date-unresolved",
            "relative dates left unresolved: no publication date",
        ));
    }
    let layer = TextLayer {
        sentences: sentences::sentences(text, &tokens, lang),
        paragraphs: paragraphs(text),
        quantities,
        dates,
        tokens,
    };
    (layer, diagnostics)
}

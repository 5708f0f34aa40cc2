//! The document model shared by every stage of dateline.
//!
//! A [`Document`] owns its normalized text; everything read from it is a
//! [`Span`] of byte offsets into that text plus typed fields. Records refer to
//! each other by index-based ids (`E1`, `P1`, ...) assigned at the edge.
//! This crate does no IO and has no dependencies, so every other crate can use it.
//!
//! ```
//! use dateline_model::{Document, Span};
//! let doc = Document::new("d1", "Moscou, 10 janvier (RHC)".to_string());
//! assert_eq!(doc.slice(Span::new(0, 6)), "Moscou");
//! ```

mod date;
mod diag;
mod records;

pub use date::{DatePrecision, PartialDate};
pub use diag::{Diagnostic, Level};
pub use records::*;

/// `[start, end)` byte offsets into [`Document::text`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// Where the raw document came from; carried to the record unchanged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Provenance {
    /// File path, `-` for stdin, plus `:line` for JSON Lines records.
    pub origin: Option<String>,
    /// How the input was read: `text`, `html`, `jsonl`, ...
    pub format: Option<String>,
    /// When the page was fetched (a WARC record's date), as the archive gave
    /// it. Not the publication date.
    pub fetched: Option<String>,
}

/// A document: its normalized text (NFC, one string), metadata and diagnostics.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Meta,
    pub provenance: Provenance,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: String) -> Self {
        Document { id: id.into(), text, ..Default::default() }
    }

    /// The text under a span; empty when the span does not fall on char
    /// boundaries inside the text (never panics).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn diagnose(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }
}

/// Document-level metadata (the `doc` object of `dateline/1`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    pub published: Option<PartialDate>,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub dateline: Option<Dateline>,
    pub sources: Vec<Source>,
    /// The id of an earlier document in the batch that this one repeats
    /// (exactly or nearly), when duplicates are flagged.
    pub duplicate_of: Option<String>,
}

/// The dateline that opens wire copy: "Moscou, 10 janvier (RHC)".
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dateline {
    pub span: Span,
    /// The place as written ("Moscou"), and where.
    pub place_text: Option<String>,
    pub place_span: Option<Span>,
    pub date: Option<PartialDate>,
    pub agency: Option<String>,
}

/// The role a credited source plays for the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceRole {
    /// The story is republished from it ("Source Russia Today").
    Upstream,
    /// A news agency that filed or contributed ("(Reuters)", "avec AFP").
    Agency,
    /// Named as the origin of a fact ("selon l'AFP", "according to Reuters").
    Cited,
}

impl SourceRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SourceRole::Upstream => "upstream",
            SourceRole::Agency => "agency",
            SourceRole::Cited => "cited",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub name: String,
    pub role: SourceRole,
    pub span: Span,
}

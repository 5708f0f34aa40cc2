//! dateline-ingest: from what the user points at (files, directories, `-`,
//! JSON Lines, `.gz`) to [`Document`](dateline_model::Document)s ready for the text layer.
//!
//! Two steps, so that reading (IO, sequential) and preparing (CPU, parallel)
//! can be scheduled separately:
//!
//! 1. [`Inputs::open`] checks every path up front (a missing file or an
//!    unreadable directory is a fatal [`IngestError`]), walks directories
//!    recursively in sorted order (hidden entries and symlinked directories
//!    skipped), and then yields one [`RawDoc`] per document: one per plain file,
//!    one per JSON Lines record, one per HTML `response` record of a WARC
//!    archive (`.warc` / `.warc.gz`, told by its `WARC/1.` opening; other
//!    records are skipped and counted by [`Inputs::skipped_records`]), one
//!    per item of an RSS or Atom feed (told by its root element; both can be
//!    forced with [`InputFormat::Warc`] / [`InputFormat::Feed`] when a name or
//!    an opening misleads). Problems met while reading (truncated gzip, a
//!    malformed or oversized JSON line, a file over the size limit) travel as
//!    diagnostics on the document; the iteration goes on.
//! 2. [`prepare`] turns a [`RawDoc`] into a [`Document`](dateline_model::Document): decoding (UTF-8,
//!    UTF-16, invalid bytes replaced and reported, binary junk rejected), HTML
//!    main text and metadata via `dateline-html`, normalization via
//!    `dateline-text`, the id (given, else a content hash), publication date and
//!    language (given > page > [`detect_language`]). It does no IO and never fails.
//!
//! Size policy: a plain document larger than [`Limits::max_doc_bytes`]
//! (64 MiB by default) is read up to the limit and *truncated* with a
//! `input-truncated` warning (the start of a story is what matters); its text,
//! once decoded and taken out of the HTML, is cut to [`Options::max_text_bytes`]
//! (1 MiB by default, `text-truncated`) so that reading it stays bounded; a JSON line
//! longer than [`Limits::max_line_bytes`] is skipped and becomes an empty
//! document with a `line-too-long` error, so memory stays bounded.
//!
//! Duplicates are found after preparation, in input order, by
//! [`Deduplicator`] over [`Fingerprint`]s (exact text hash, MinHash + LSH).
//!
//! Diagnostic codes: reading — `unreadable-input`, `read-error`,
//! `truncated-gzip`, `bad-gzip`, `input-truncated`, `bad-jsonl`,
//! `line-too-long`, `jsonl-no-body`, `jsonl-bad-field`, `truncated-warc`,
//! `bad-warc-record`, `bad-chunked`, `bad-content-encoding`,
//! `unsupported-content-encoding`, `empty-feed`; decoding —
//! `empty-input`, `text-truncated`, `invalid-utf8`, `invalid-utf16`, `utf16-without-bom`,
//! `binary-input`; metadata — `bad-published`, `bad-language`,
//! `language-mismatch`, `language-unknown` (plus those of `dateline-html`).
//!
//! ```
//! use dateline_ingest::{prepare, InputFormat, Inputs, Options};
//!
//! let batch = "{\"id\":\"a1\",\"text\":\"PARIS (Reuters) - The talks resumed on Monday.\"}\n";
//! let inputs = Inputs::from_reader("-", batch.as_bytes(), InputFormat::Jsonl);
//! let docs: Vec<_> = inputs.map(|raw| prepare(raw, &Options::default())).collect();
//! assert_eq!(docs[0].id, "a1");
//! assert_eq!(docs[0].provenance.origin.as_deref(), Some("-:1"));
//! assert!(docs[0].text.starts_with("PARIS"));
//! ```

mod decode;
mod dedup;
mod error;
mod feed;
mod inputs;
mod jsonl;
mod language;
mod prepare;
mod warc;

pub use decode::{looks_like_html, DecodedText};
pub use dedup::{Deduplicator, Duplicate, DuplicateKind, Fingerprint};
pub use error::IngestError;
pub use inputs::{Inputs, Limits};
pub use language::{detect_language, identify_language, normalize_language_code};
pub use prepare::{content_id, prepare, Options, MAX_TEXT_BYTES};

use dateline_model::Diagnostic;

/// How inputs are to be read: by content and name (`Auto`), or forced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// JSON Lines when the name ends in `.jsonl`/`.ndjson` (optionally `.gz`),
    /// or for stdin when the first line is a JSON object; otherwise each input
    /// is one document, HTML or text told apart by content.
    #[default]
    Auto,
    Text,
    Html,
    Jsonl,
    /// A WARC archive (plain or gzip), whatever its name: each HTML
    /// `response` record is a document.
    Warc,
    /// An RSS or Atom feed, whatever its name: each item is a document.
    Feed,
}

impl InputFormat {
    /// Parses the `--input` values `auto`, `text`, `html`, `jsonl`, `warc`, `feed`.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "auto" => Some(InputFormat::Auto),
            "text" | "txt" => Some(InputFormat::Text),
            "html" | "htm" => Some(InputFormat::Html),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "warc" => Some(InputFormat::Warc),
            "feed" | "rss" | "atom" => Some(InputFormat::Feed),
            _ => None,
        }
    }
}

/// What the body of a raw document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFormat {
    Text,
    Html,
}

impl BodyFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            BodyFormat::Text => "text",
            BodyFormat::Html => "html",
        }
    }
}

/// One document as read, before decoding: bytes plus whatever metadata the
/// input carried. Produced by [`Inputs`]; can also be built by hand.
#[derive(Clone, Debug, Default)]
pub struct RawDoc {
    /// Where it came from: a path, `-` for stdin, `path:LINE` for JSON Lines.
    pub origin: String,
    /// `Some` when the input said or the user forced it; `None` = tell by content.
    pub body_format: Option<BodyFormat>,
    /// True for JSON Lines records (recorded as provenance format `jsonl`).
    pub from_jsonl: bool,
    /// The container it was read from, recorded as provenance format:
    /// `warc`, `rss`, `atom` (`None` for plain files and JSON Lines).
    pub container: Option<&'static str>,
    pub body: Vec<u8>,
    /// The id the input gave; `None` means "hash the body".
    pub id: Option<String>,
    pub url: Option<String>,
    /// As given (ISO 8601 expected); parsed by [`prepare`].
    pub published: Option<String>,
    /// As given (`fr`, `fr-FR`, `fra`); normalized by [`prepare`].
    pub language: Option<String>,
    pub title: Option<String>,
    /// An HTTP `Content-Type` header value, for the HTML charset.
    pub content_type: Option<String>,
    /// When it was fetched (WARC-Date), as given. Not a publication date.
    pub fetched: Option<String>,
    /// What went wrong while reading it.
    pub diagnostics: Vec<Diagnostic>,
}

impl RawDoc {
    /// A plain document from bytes; format told by content.
    pub fn new(origin: impl Into<String>, body: Vec<u8>) -> Self {
        RawDoc {
            origin: origin.into(),
            body,
            ..Default::default()
        }
    }
}

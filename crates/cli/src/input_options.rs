//! The input options `extract` and `ingest` share: how to read the inputs,
//! and the checks on `--date` and `--lang`.

use anyhow::{bail, Result};
use clap::ValueEnum;
use dateline::model::PartialDate;
use dateline::InputFormat;

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    /// Tell by file name and content: JSON Lines for .jsonl/.ndjson, a WARC archive when
    /// it opens with `WARC/1.`, a feed when its first element is <rss>, <rdf:RDF> or an
    /// Atom <feed>, else HTML or text by content (.gz is always unpacked).
    Auto,
    /// Each input is one plain-text story.
    Text,
    /// Each input is one HTML page.
    Html,
    /// Each line is {"id","text"|"html","url","published","language","title"}.
    Jsonl,
    /// A WARC archive (.warc, .warc.gz, or any name): each HTML response record is a
    /// document with its target URI and fetch date; other records are skipped and counted.
    Warc,
    /// An RSS or Atom feed (e.g. saved as .xml): each item is a document with its title,
    /// link, date and content or summary.
    Feed,
}

impl From<Format> for InputFormat {
    fn from(format: Format) -> InputFormat {
        match format {
            Format::Auto => InputFormat::Auto,
            Format::Text => InputFormat::Text,
            Format::Html => InputFormat::Html,
            Format::Jsonl => InputFormat::Jsonl,
            Format::Warc => InputFormat::Warc,
            Format::Feed => InputFormat::Feed,
        }
    }
}

/// The `--date` value parser.
pub fn parse_date(value: &str) -> std::result::Result<PartialDate, String> {
    PartialDate::parse_iso(value).ok_or_else(|| format!("'{value}' is not a date like 2022-01-10"))
}

/// Refuses a `--lang` that is not a language code, before any input is read.
pub fn check_lang(lang: Option<&str>) -> Result<()> {
    if let Some(lang) = lang {
        if dateline_ingest::normalize_language_code(lang).is_none() {
            bail!("'{lang}' is not a language code (use ISO 639-1, e.g. fr, en)");
        }
    }
    Ok(())
}

//! The input options `extract` and `ingest` share: how to read the inputs,
//! the checks on `--date` and `--lang`, and the text size limit.

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

/// Help for `--max-text-bytes`, shared by `extract` and `ingest`.
pub const MAX_TEXT_BYTES_HELP: &str = "Cut each document's text (after decoding and HTML \
extraction) to this many bytes, at a paragraph break when one is near, with a \
`text-truncated` warning; reading costs time and memory in proportion to the text";

/// The `--max-text-bytes` value parser: a byte count of at least 1 KB, with an
/// optional K or M suffix (powers of 1024), so that `1M` reads as the default.
pub fn parse_byte_count(value: &str) -> std::result::Result<usize, String> {
    let trimmed = value.trim();
    let (digits, unit) = match trimmed.char_indices().last() {
        Some((at, 'k' | 'K')) => (trimmed.get(..at).unwrap_or(""), 1024),
        Some((at, 'm' | 'M')) => (trimmed.get(..at).unwrap_or(""), 1024 * 1024),
        _ => (trimmed, 1),
    };
    let count = digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .ok_or_else(|| format!("'{value}' is not a byte count like 200000, 512K or 1M"))?;
    if count < 1024 {
        return Err(format!(
            "'{value}' is below 1K: too little to read a story from"
        ));
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_take_k_and_m_suffixes_and_refuse_tiny_or_bad_values() {
        assert_eq!(parse_byte_count("1M"), Ok(dateline_ingest::MAX_TEXT_BYTES));
        assert_eq!(parse_byte_count("512k"), Ok(512 * 1024));
        assert_eq!(parse_byte_count("200000"), Ok(200_000));
        assert!(parse_byte_count("100").is_err());
        assert!(parse_byte_count("lots").is_err());
        assert!(parse_byte_count("M").is_err());
        assert!(parse_byte_count("99999999999999999999M").is_err());
    }
}

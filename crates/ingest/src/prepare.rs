//! [`RawDoc`] to [`Document`]: decoding, HTML, normalization, id, date, language.

use crate::decode::{decode_text, looks_like_html, sniff_encoding, Encoding};
use crate::language::{
    clearly_reads_as, detect_language, identify_language, normalize_language_code,
};
use crate::{BodyFormat, RawDoc};
use dateline_model::{Diagnostic, Document, Level, Meta, PartialDate, Provenance};
use sha2::{Digest, Sha256};

/// A detection at least this confident that contradicts the page's declared
/// language wins over it (site templates often lie).
const MISMATCH_CONFIDENCE: f64 = 0.9;
/// Page metadata dates are most often written in English whatever the page's language.
const FALLBACK_DATE_LANGUAGE: &str = "en";
/// A page's declared language gives way to detection only on this many letters
/// or more: enough text for the detector to be trusted over the markup.
const MIN_LETTERS_TO_OVERRULE_PAGE: usize = 200;
/// Longest excerpt of a bad value quoted back in a diagnostic.
const EXCERPT_CHARS: usize = 40;
/// Default [`Options::max_text_bytes`]: far above any news story (long reads
/// run to ~100 KB), low enough that reading one document stays bounded.
pub const MAX_TEXT_BYTES: usize = 1024 * 1024;

/// What the user said about every document, overriding what inputs say.
#[derive(Clone, Debug)]
pub struct Options {
    /// Publication date from the command line (`--date`); wins over the input's and the page's.
    pub published_override: Option<PartialDate>,
    /// Language from the command line (`--lang`, any form [`normalize_language_code`]
    /// accepts); wins over everything.
    pub language_override: Option<String>,
    /// Do not run language identification (the language stays unknown unless given).
    pub skip_language_detection: bool,
    /// A document's text (after decoding and HTML extraction) is cut to this
    /// many bytes, at a paragraph break when one is near, with a
    /// `text-truncated` warning: the reading layers cost memory in
    /// proportion to the text, and the start of a story is what matters.
    pub max_text_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            published_override: None,
            language_override: None,
            skip_language_detection: false,
            max_text_bytes: MAX_TEXT_BYTES,
        }
    }
}

/// The id of a document without one: sha256 of its raw bytes, hex, first 16 characters.
///
/// ```
/// assert_eq!(dateline_ingest::content_id(b""), "e3b0c44298fc1c14");
/// ```
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(16);
    for byte in digest.iter().take(8) {
        hex.push_str(&format!("{byte:02x}"));
    }
    hex
}

/// Turns a raw input into a document ready for the text layer. Never fails
/// and never panics: what went wrong is in `Document::diagnostics`.
///
/// Precedence: id given > content hash; url given > page canonical URL;
/// title given > page title; published `--date` > given > page; language
/// `--lang` > given > page > detected, except that a confident detection
/// (>= 0.9 on 200+ letters) overrules a contradicting page declaration, with
/// a `language-mismatch` note.
pub fn prepare(raw: RawDoc, options: &Options) -> Document {
    let RawDoc {
        origin,
        body_format,
        from_jsonl,
        body,
        id,
        url,
        published,
        language,
        title,
        content_type,
        fetched,
        container,
        mut diagnostics,
    } = raw;
    let failed_while_reading = diagnostics.iter().any(|d| d.level == Level::Error);

    let id = match id.map(|id| id.trim().to_string()) {
        Some(id) if !id.is_empty() => id,
        _ => content_id(&body),
    };
    if body.iter().all(u8::is_ascii_whitespace) && !failed_while_reading {
        diagnostics.push(Diagnostic::warning("empty-input", "input has no text"));
    }

    let format = body_format.unwrap_or_else(|| {
        if looks_like_html(&body) {
            BodyFormat::Html
        } else {
            BodyFormat::Text
        }
    });
    let mut meta = Meta::default();
    let mut page = PageFacts::default();
    let text = match format {
        BodyFormat::Text => {
            let decoded = decode_text(body);
            diagnostics.extend(decoded.diagnostics);
            decoded.text
        }
        BodyFormat::Html if sniff_encoding(&body) == Encoding::Binary => {
            diagnostics.push(Diagnostic::error(
                "binary-input",
                format!(
                    "input looks binary ({} bytes), not HTML; skipped",
                    body.len()
                ),
            ));
            String::new()
        }
        BodyFormat::Html => {
            let (html, decode_diagnostics) = dateline_html::decode(&body, content_type.as_deref());
            drop(body);
            diagnostics.extend(decode_diagnostics);
            let article = dateline_html::extract(&html, url.as_deref());
            diagnostics.extend(article.diagnostics);
            meta.author = article.author;
            meta.publisher = article.site_name;
            page = PageFacts {
                title: article.title,
                url: article.canonical_url,
                published: article.published,
                language: article.language,
            };
            article.text
        }
    };
    let text = cut_text(text, options.max_text_bytes, &mut diagnostics);
    let text = dateline_text::normalize(&text);

    meta.url = non_blank(url).or(non_blank(page.url));
    meta.title = non_blank(title).or(non_blank(page.title));
    meta.language = choose_language(
        options,
        language.as_deref(),
        page.language.as_deref(),
        &text,
        &mut diagnostics,
    );
    let lang = meta.language.as_deref();
    meta.published = options
        .published_override
        .or_else(|| parse_published(published.as_deref(), "input", lang, &mut diagnostics))
        .or_else(|| parse_published(page.published.as_deref(), "page", lang, &mut diagnostics));

    Document {
        id,
        text,
        meta,
        provenance: Provenance {
            origin: Some(origin),
            format: Some(
                match container {
                    Some(container) => container,
                    None if from_jsonl => "jsonl",
                    None => format.as_str(),
                }
                .to_string(),
            ),
            fetched,
        },
        diagnostics,
    }
}

/// Cuts `text` to at most `max` bytes: at the last paragraph break in the
/// second half of the allowance, else at the last character boundary.
fn cut_text(mut text: String, max: usize, diagnostics: &mut Vec<Diagnostic>) -> String {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or("");
    if let Some(paragraph) = head.rfind("\n\n").filter(|&at| at >= max / 2) {
        cut = paragraph;
    }
    diagnostics.push(Diagnostic::warning(
        "text-truncated",
        format!(
            "text of {} bytes cut to its first {cut} bytes (limit {max})",
            text.len()
        ),
    ));
    text.truncate(cut);
    text
}

/// Metadata the HTML page declared about itself.
#[derive(Default)]
struct PageFacts {
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    language: Option<String>,
}

fn has_letters(text: &str, count: usize) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .take(count)
        .count()
        >= count
}

fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn excerpt(value: &str) -> String {
    value.chars().take(EXCERPT_CHARS).collect()
}

/// ISO 8601 first; then a written date ("November 19, 2019, 07:47 PM EST")
/// read with the date words of the document's
/// language, then English (the usual language of page metadata). Only a date
/// with its year is taken. Anything else is reported and left unknown.
fn parse_published(
    value: Option<&str>,
    from: &str,
    lang: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<PartialDate> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    let written = || {
        [lang, Some(FALLBACK_DATE_LANGUAGE)]
            .into_iter()
            .flatten()
            .filter(|l| dateline_lang::is_supported(l))
            .find_map(|l| dateline_text::parse_date(value, l, None).filter(|d| d.year.is_some()))
    };
    let parsed = PartialDate::parse_iso(value).or_else(written);
    if parsed.is_none() {
        diagnostics.push(Diagnostic::warning(
            "bad-published",
            format!(
                "{from} publication date {:?} is not a date with a year; ignored",
                excerpt(value)
            ),
        ));
    }
    parsed
}

fn choose_language(
    options: &Options,
    given: Option<&str>,
    page: Option<&str>,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let mut declared = None;
    for (value, from) in [
        (options.language_override.as_deref(), "--lang"),
        (given, "input"),
        (page, "page"),
    ] {
        let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
            continue;
        };
        match normalize_language_code(value) {
            Some(code) => {
                declared = Some((code, from));
                break;
            }
            None => diagnostics.push(Diagnostic::warning(
                "bad-language",
                format!(
                    "{from} language {:?} is not an ISO 639 code; ignored",
                    excerpt(value)
                ),
            )),
        }
    }
    let user_declared = matches!(declared, Some((_, from)) if from != "page");
    if user_declared || options.skip_language_detection || text.trim().is_empty() {
        return declared.map(|(code, _)| code);
    }
    let unknown = |diagnostics: &mut Vec<Diagnostic>| {
        diagnostics.push(Diagnostic::info(
            "language-unknown",
            "the language could not be identified reliably (text too short or mixed)",
        ));
        None
    };
    // Without a declared language only the code matters: the quick
    // function-word count answers the common cases (see `identify_language`).
    let Some((page_code, _)) = declared else {
        return identify_language(text).or_else(|| unknown(diagnostics));
    };
    if clearly_reads_as(text, &page_code) {
        return Some(page_code);
    }
    // Overruling the page needs the detector's confidence.
    match detect_language(text) {
        Some((found, confidence)) if found != page_code => {
            // Site templates often declare one language for every page; a
            // confident reading of enough text is better evidence.
            let overrule = confidence >= MISMATCH_CONFIDENCE
                && has_letters(text, MIN_LETTERS_TO_OVERRULE_PAGE);
            let chosen = if overrule {
                found.clone()
            } else {
                page_code.clone()
            };
            diagnostics.push(Diagnostic::info(
                "language-mismatch",
                format!(
                    "page declares language {page_code:?} but the text reads as {found:?} \
                     (confidence {confidence:.2}); using {chosen:?}"
                ),
            ));
            Some(chosen)
        }
        _ => Some(page_code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRENCH: &str = "Moscou, 10 janvier (RHC) Lors d'une réunion de l'OTSC, le président kazakh a dénoncé une tentative de coup d'État menée par des combattants armés.";

    fn codes(doc: &Document) -> Vec<&'static str> {
        doc.diagnostics.iter().map(|d| d.code).collect()
    }

    #[test]
    fn plain_text_document() {
        let doc = prepare(
            RawDoc::new("story.txt", FRENCH.as_bytes().to_vec()),
            &Options::default(),
        );
        assert_eq!(doc.id, content_id(FRENCH.as_bytes()));
        assert_eq!(doc.text, FRENCH);
        assert_eq!(doc.meta.language.as_deref(), Some("fr"));
        assert_eq!(doc.provenance.origin.as_deref(), Some("story.txt"));
        assert_eq!(doc.provenance.format.as_deref(), Some("text"));
        assert!(doc.diagnostics.is_empty(), "{:?}", doc.diagnostics);
    }

    #[test]
    fn long_texts_are_cut_at_a_paragraph_break() {
        let paragraph = "Police said twelve protesters were arrested on Monday.\n\n";
        let body = paragraph.repeat(100);
        let options = Options {
            max_text_bytes: 1000,
            ..Options::default()
        };
        let doc = prepare(RawDoc::new("long.txt", body.into_bytes()), &options);
        assert!(
            doc.text.len() <= 1000 && doc.text.len() >= 900,
            "{}",
            doc.text.len()
        );
        assert!(
            doc.text.ends_with("Monday."),
            "{:?}",
            &doc.text[doc.text.len() - 20..]
        );
        assert!(codes(&doc).contains(&"text-truncated"));
        // Under the limit nothing changes.
        let doc = prepare(
            RawDoc::new("short.txt", paragraph.as_bytes().to_vec()),
            &options,
        );
        assert!(!codes(&doc).contains(&"text-truncated"));
        // No paragraph break: cut on a character boundary.
        let doc = prepare(RawDoc::new("é.txt", "é".repeat(800).into_bytes()), &options);
        assert_eq!(doc.text.len(), 1000);
    }

    #[test]
    fn hash_id_is_sha256_prefix() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(content_id(b"abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn given_values_win_and_bad_ones_are_reported() {
        let mut raw = RawDoc::new("b.jsonl:4", FRENCH.as_bytes().to_vec());
        raw.id = Some("  given-7 ".into());
        raw.published = Some("sometime soon".into());
        raw.language = Some("French".into());
        raw.title = Some("  Titre  ".into());
        raw.from_jsonl = true;
        let doc = prepare(raw, &Options::default());
        assert_eq!(doc.id, "given-7");
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.meta.title.as_deref(), Some("Titre"));
        // A bad given language falls back to detection.
        assert_eq!(doc.meta.language.as_deref(), Some("fr"));
        assert_eq!(codes(&doc), ["bad-language", "bad-published"]);
        assert_eq!(doc.provenance.format.as_deref(), Some("jsonl"));
    }

    #[test]
    fn overrides_beat_input_values() {
        let mut raw = RawDoc::new("x", FRENCH.as_bytes().to_vec());
        raw.published = Some("2021-05-01".into());
        raw.language = Some("en".into());
        let options = Options {
            published_override: Some(PartialDate::ymd(2022, 1, 10)),
            language_override: Some("fr-FR".into()),
            ..Default::default()
        };
        let doc = prepare(raw, &options);
        assert_eq!(doc.meta.published, Some(PartialDate::ymd(2022, 1, 10)));
        assert_eq!(doc.meta.language.as_deref(), Some("fr"));
    }

    #[test]
    fn given_date_is_parsed() {
        let mut raw = RawDoc::new("x", b"text".to_vec());
        raw.published = Some("2022-01-10T08:00:00Z".into());
        let doc = prepare(
            raw,
            &Options {
                skip_language_detection: true,
                ..Default::default()
            },
        );
        assert_eq!(doc.meta.published, Some(PartialDate::ymd(2022, 1, 10)));
        assert_eq!(doc.meta.language, None);
        assert!(codes(&doc).is_empty());
    }

    #[test]
    fn written_dates_with_a_year_are_read() {
        for (value, expected) in [
            (
                "November 19, 2019, 07:47 PM EST",
                Some(PartialDate::ymd(2019, 11, 19)),
            ),
            ("10 janvier 2022", Some(PartialDate::ymd(2022, 1, 10))),
            // No year: not a publication date.
            ("10 janvier", None),
            ("yesterday", None),
        ] {
            let mut raw = RawDoc::new("x", FRENCH.as_bytes().to_vec());
            raw.published = Some(value.into());
            let doc = prepare(raw, &Options::default());
            assert_eq!(doc.meta.published, expected, "{value}");
            assert_eq!(
                codes(&doc).contains(&"bad-published"),
                expected.is_none(),
                "{value}"
            );
        }
    }

    #[test]
    fn confident_detection_overrules_a_contradicting_page() {
        let german = "Die Digitalisierung als Wachstums- und Entwicklungstreiber zieht sich bereits heute durch \
                      fast alle Branchen und Anwendungsgebiete, sei es im Finanzbereich, der Industrie oder eben \
                      auch im Bereich der Gesundheitsversorgung in Krankenhäusern und Arztpraxen.";
        let page = format!("<!doctype html><html lang=\"en\"><body><article><p>{german}</p></article></body></html>");
        let doc = prepare(
            RawDoc::new("p.html", page.into_bytes()),
            &Options::default(),
        );
        assert_eq!(doc.meta.language.as_deref(), Some("de"));
        assert!(codes(&doc).contains(&"language-mismatch"));
        // A given language is never overruled.
        let mut raw = RawDoc::new("x", german.as_bytes().to_vec());
        raw.language = Some("en".into());
        assert_eq!(
            prepare(raw, &Options::default()).meta.language.as_deref(),
            Some("en")
        );
    }

    #[test]
    fn empty_and_whitespace_input() {
        for body in [&b""[..], b"  \n\t \r\n"] {
            let doc = prepare(RawDoc::new("e.txt", body.to_vec()), &Options::default());
            assert_eq!(codes(&doc), ["empty-input"]);
            assert_eq!(doc.id, content_id(body));
            assert!(doc.text.trim().is_empty());
        }
    }

    #[test]
    fn html_is_detected_and_extracted() {
        let page = format!("<!DOCTYPE html><html lang=\"fr\"><body><p>{FRENCH}</p></body></html>");
        let doc = prepare(
            RawDoc::new("p.html", page.into_bytes()),
            &Options::default(),
        );
        assert_eq!(doc.provenance.format.as_deref(), Some("html"));
        assert!(
            doc.text.contains("tentative de coup d'État"),
            "{}",
            doc.text
        );
    }

    #[test]
    fn binary_html_is_rejected() {
        let mut raw = RawDoc::new("junk.html", vec![0u8; 4096]);
        raw.body_format = Some(BodyFormat::Html);
        let doc = prepare(raw, &Options::default());
        assert!(doc.text.is_empty());
        assert!(codes(&doc).contains(&"binary-input"));
    }

    #[test]
    fn reading_errors_suppress_empty_input_warning() {
        let mut raw = RawDoc::new("b.jsonl:2", Vec::new());
        raw.diagnostics
            .push(Diagnostic::error("bad-jsonl", "line 2: malformed"));
        let doc = prepare(raw, &Options::default());
        assert_eq!(codes(&doc), ["bad-jsonl"]);
    }
}

//! HTML pages: character set decoding, the article's main text, and metadata.
//! (Being implemented; signatures are the contract.)

use dateline_model::Diagnostic;

/// What one HTML page yields.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The main text: paragraphs separated by blank lines, headings on their own line.
    pub text: String,
    pub title: Option<String>,
    /// As found (ISO 8601 date or date-time when the page gives one).
    pub published: Option<String>,
    pub author: Option<String>,
    pub site_name: Option<String>,
    pub canonical_url: Option<String>,
    /// ISO 639-1 code from `<html lang>` or meta tags.
    pub language: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a page's bytes using, in order, a BOM, the HTTP `Content-Type`
/// charset, `<meta charset>`, then detection. Never fails: undecodable bytes
/// become U+FFFD and a diagnostic says so.
pub fn decode(bytes: &[u8], _content_type: Option<&str>) -> (String, Vec<Diagnostic>) {
    (String::from_utf8_lossy(bytes).into_owned(), Vec::new())
}

/// The article in a page. Never fails and never panics, whatever the markup.
pub fn extract(html: &str, _url: Option<&str>) -> Article {
    Article { text: html.to_string(), ..Default::default() }
}

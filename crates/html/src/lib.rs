//! HTML pages: character set decoding, the article's main text, and metadata.
//!
//! ```
//! let page = b"<html lang=en><head><title>Flood in Ghent | Daily</title>\
//!     <meta property=og:site_name content=Daily></head><body>\
//!     <nav><a href=/>Home</a> <a href=/world>World</a></nav>\
//!     <article><h1>Flood in Ghent</h1><p>The river rose two metres overnight and \
//!     forced hundreds of residents from their homes, officials said.</p></article>\
//!     <footer>&copy; Daily</footer></body></html>";
//! let (html, _diagnostics) = dateline_html::decode(page, Some("text/html; charset=utf-8"));
//! let article = dateline_html::extract(&html, Some("https://daily.example/2024/01/05/flood"));
//! assert!(article.text.ends_with("forced hundreds of residents from their homes, officials said."));
//! assert!(!article.text.contains("Home"));
//! assert_eq!(article.title.as_deref(), Some("Flood in Ghent"));
//! assert_eq!(article.published.as_deref(), Some("2024-01-05"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! ```

mod dates;
mod decode;
mod dom;
mod entities;
mod extract;
mod meta;

use dateline_model::Diagnostic;

/// Pages larger than this are cut (with a diagnostic): real articles are far
/// smaller, and the cut keeps work and memory bounded.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

/// What one HTML page yields.
#[derive(Clone, Debug, Default)]
pub struct Article {
    /// The main text: paragraphs separated by blank lines, headings on their own line.
    pub text: String,
    pub title: Option<String>,
    /// ISO 8601: a date-time as the metadata gives it, else `YYYY-MM-DD` (a
    /// written date normalised), or `YYYY-MM` from a URL with only a month.
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
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, Vec<Diagnostic>) {
    decode::decode(bytes, content_type)
}

/// The article in a page. Never fails and never panics, whatever the markup.
pub fn extract(html: &str, url: Option<&str>) -> Article {
    let mut diagnostics = Vec::new();
    let html = if html.len() > MAX_PAGE_BYTES {
        let mut cut = MAX_PAGE_BYTES;
        while !html.is_char_boundary(cut) {
            cut -= 1;
        }
        diagnostics.push(Diagnostic::warning(
            "page-truncated",
            format!("page of {} bytes cut to the first {cut}", html.len()),
        ));
        html.get(..cut).unwrap_or("")
    } else {
        html
    };
    let dom = dom::parse(html);
    if dom.flattened {
        diagnostics.push(Diagnostic::warning(
            "deep-nesting",
            format!(
                "elements nested deeper than {} levels were flattened",
                dom::MAX_DEPTH
            ),
        ));
    }
    let meta = meta::read(&dom, url);
    let text = extract::main_text(&dom, meta.article_body.as_deref());
    if text.is_empty() {
        diagnostics.push(Diagnostic::info(
            "no-main-text",
            "no article text found in the page",
        ));
    }
    Article {
        text,
        title: meta.title,
        published: meta.published,
        author: meta.author,
        site_name: meta.site_name,
        canonical_url: meta.canonical_url,
        language: meta.language,
        diagnostics,
    }
}

/// Decodes and extracts in one step.
pub fn extract_bytes(bytes: &[u8], content_type: Option<&str>, url: Option<&str>) -> Article {
    let (html, mut diagnostics) = decode(bytes, content_type);
    let mut article = extract(&html, url);
    diagnostics.append(&mut article.diagnostics);
    article.diagnostics = diagnostics;
    article
}

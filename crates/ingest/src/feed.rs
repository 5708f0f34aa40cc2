//! RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item or entry becomes a
//! [`RawDoc`] (title, link, date, and the content or summary as the HTML
//! body). Told apart from HTML by content: the first element is `<rss`,
//! `<rdf:RDF` or an Atom `<feed`.
//!
//! A small XML scanner of our own: feeds use a handful of elements, and
//! real feeds are often not well-formed (HTML entities, stray `&`), so this
//! reader is tolerant where a strict parser would reject the whole feed.
//! It is linear, keeps no tree and does not recurse; CDATA sections,
//! the five XML entities and numeric references are handled, other entity
//! references are left as written for the HTML reader.

use crate::inputs::failed_doc;
use crate::{BodyFormat, RawDoc};
use dateline_model::Diagnostic;

/// How far into a body the root element must start to count as a feed.
const SNIFF_BYTES: usize = 4096;
const ATOM_NAMESPACE: &str = "http://www.w3.org/2005/Atom";
/// Elements nested deeper than this are ignored (their text still read);
/// no feed needs it, and the stack stays small.
const MAX_DEPTH: usize = 256;

/// Whether a body is a feed: after the XML declaration, comments and any
/// doctype, its first element is `rss`, `rdf:RDF` or an Atom `feed`.
pub(crate) fn looks_like_feed(body: &[u8]) -> bool {
    let head = body.get(..SNIFF_BYTES).unwrap_or(body);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let mut scanner = Scanner::new(&text);
    while let Some(token) = scanner.next_token() {
        match token {
            Token::Start { name, attrs, .. } => {
                return name == "rss"
                    || name.eq_ignore_ascii_case("rdf:RDF")
                    || (local(name) == "feed" && attrs.contains(ATOM_NAMESPACE));
            }
            Token::Text(text) if !text.trim().is_empty() => return false,
            _ => {}
        }
    }
    false
}

/// The items of a feed read whole into `raw.body`. Never fails: a feed
/// without items yields one empty document with an `empty-feed` warning,
/// so that nothing disappears silently.
pub(crate) fn read_feed(raw: RawDoc) -> Vec<RawDoc> {
    let content_type = declared_encoding(&raw.body).map(|e| format!("text/xml; charset={e}"));
    let (text, decode_diagnostics) = dateline_html::decode(&raw.body, content_type.as_deref());
    let mut reader = FeedReader::default();
    let mut scanner = Scanner::new(&text);
    while let Some(token) = scanner.next_token() {
        reader.feed(token);
    }
    let container = if reader.atom { "atom" } else { "rss" };
    let mut docs: Vec<RawDoc> = Vec::with_capacity(reader.items.len());
    for (index, item) in reader.items.into_iter().enumerate() {
        let mut doc = item.into_raw(format!("{}:{}", raw.origin, index + 1), container);
        if doc.language.is_none() {
            doc.language.clone_from(&reader.language);
        }
        if index == 0 {
            // Reading problems of the feed file travel with its first item.
            doc.diagnostics.extend(raw.diagnostics.iter().cloned());
            doc.diagnostics.extend(decode_diagnostics.iter().cloned());
        }
        docs.push(doc);
    }
    if docs.is_empty() {
        let mut doc = failed_doc(raw.origin.clone(), "empty-feed", String::new());
        doc.diagnostics = raw.diagnostics;
        doc.diagnostics.push(Diagnostic::warning(
            "empty-feed",
            format!("'{}' is a feed without items", raw.origin),
        ));
        doc.container = Some(container);
        docs.push(doc);
    }
    docs
}

/// The `encoding` of an XML declaration, if any.
fn declared_encoding(body: &[u8]) -> Option<String> {
    let head = body.get(..256).unwrap_or(body);
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let decl = head.strip_prefix(b"<?xml")?;
    let end = memchr::memmem::find(decl, b"?>")?;
    let decl = std::str::from_utf8(decl.get(..end)?).ok()?;
    attribute(decl, "encoding").filter(|e| {
        e.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
}

/// The name after any namespace prefix.
fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// An attribute's value from the raw attribute text of a start tag.
fn attribute(attrs: &str, wanted: &str) -> Option<String> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let name = rest.get(..eq)?.trim();
        let after = rest.get(eq + 1..)?.trim_start();
        let quote = after.chars().next()?;
        let (value, next) = if quote == '"' || quote == '\'' {
            let body = after.get(1..)?;
            let close = body.find(quote)?;
            (body.get(..close)?, body.get(close + 1..)?)
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (after.get(..end)?, after.get(end..)?)
        };
        // The name is the last word before `=` (earlier words are valueless attributes).
        let name = name.rsplit(char::is_whitespace).next().unwrap_or(name);
        if name == wanted {
            return Some(unescape(value));
        }
        rest = next;
    }
}

/// Replaces the XML entities and numeric character references; any other
/// `&name;` is kept as written (HTML readers know them).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        // References are short; a `;` far away is not the end of this one.
        let end = after.get(..after.len().min(12)).and_then(|s| s.find(';'));
        let replacement = end.and_then(|end| {
            let name = after.get(1..end)?;
            let c = match name {
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let code = match number
                        .strip_prefix('x')
                        .or_else(|| number.strip_prefix('X'))
                    {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
            };
            Some((c, end + 1))
        });
        match replacement {
            Some((c, consumed)) => {
                out.push(c);
                rest = after.get(consumed..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

enum Token<'a> {
    Start {
        name: &'a str,
        attrs: &'a str,
        self_closing: bool,
        /// The whole tag as written, for XHTML content.
        raw: &'a str,
    },
    End {
        name: &'a str,
        raw: &'a str,
    },
    /// Character data, still escaped.
    Text(&'a str),
    CData(&'a str),
}

/// Tokens of XML text, comments, declarations and processing instructions
/// skipped. Unterminated constructs run to the end of the text.
struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str) -> Self {
        Scanner { text, pos: 0 }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.pos..).unwrap_or("")
    }

    /// Moves past `end` (or to the end of the text); returns what came before it.
    fn take_until(&mut self, skip: usize, end: &str) -> &'a str {
        let rest = self.rest().get(skip..).unwrap_or("");
        match rest.find(end) {
            Some(at) => {
                self.pos += skip + at + end.len();
                rest.get(..at).unwrap_or("")
            }
            None => {
                self.pos = self.text.len();
                rest
            }
        }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            let rest = self.rest();
            if rest.is_empty() {
                return None;
            }
            if !rest.starts_with('<') {
                let end = rest.find('<').unwrap_or(rest.len());
                self.pos += end;
                return Some(Token::Text(rest.get(..end).unwrap_or("")));
            }
            if rest.starts_with("<!--") {
                self.take_until(4, "-->");
            } else if rest.starts_with("<![CDATA[") {
                return Some(Token::CData(self.take_until(9, "]]>")));
            } else if rest.starts_with("<?") {
                self.take_until(2, "?>");
            } else if rest.starts_with("<!") {
                // A doctype, with or without an internal subset.
                let bracket = rest.find('[');
                let close = rest.find('>');
                match (bracket, close) {
                    (Some(b), Some(c)) if b < c => self.take_until(0, "]>"),
                    _ => self.take_until(0, ">"),
                };
            } else {
                let tag_end = tag_end(rest);
                let raw = rest.get(..tag_end).unwrap_or(rest);
                self.pos += tag_end;
                let inner = raw.strip_prefix('<').unwrap_or(raw);
                let inner = inner.strip_suffix('>').unwrap_or(inner);
                if let Some(name) = inner.strip_prefix('/') {
                    return Some(Token::End {
                        name: name.trim(),
                        raw,
                    });
                }
                let self_closing = inner.ends_with('/');
                let inner = inner.strip_suffix('/').unwrap_or(inner);
                let name_end = inner
                    .find(|c: char| c.is_whitespace())
                    .unwrap_or(inner.len());
                let name = inner.get(..name_end).unwrap_or("");
                if name.is_empty() {
                    // A lone `<` in text (ill-formed but common): keep it as text.
                    return Some(Token::Text(raw));
                }
                return Some(Token::Start {
                    name,
                    attrs: inner.get(name_end..).unwrap_or(""),
                    self_closing,
                    raw,
                });
            }
        }
    }
}

/// Length of the tag at the start of `text`, through its `>` (quoted
/// attribute values may contain `>`), or the whole text if unterminated.
fn tag_end(text: &str) -> usize {
    let mut quote: Option<u8> = None;
    for (i, b) in text.bytes().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    text.len()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Title,
    Link,
    Guid,
    Summary,
    Content,
    Published,
    Updated,
    Language,
}

/// How a field's character data is to be kept.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    /// Escaped HTML or plain text: unescape; nested tags dropped.
    Escaped,
    /// Atom `type="text"`: plain text.
    Text,
    /// Atom `type="xhtml"`: the nested markup itself is the content.
    Xhtml,
}

#[derive(Default)]
struct Item {
    title: Option<String>,
    link: Option<String>,
    guid: Option<String>,
    summary: Option<(String, bool)>,
    content: Option<(String, bool)>,
    published: Option<String>,
    updated: Option<String>,
    language: Option<String>,
}

impl Item {
    fn into_raw(self, origin: String, container: &'static str) -> RawDoc {
        let (body, plain) = self
            .content
            .filter(|(c, _)| !c.trim().is_empty())
            .or(self.summary)
            .unwrap_or_default();
        // A fragment made a page so the HTML reader takes it as the article.
        let body = if plain {
            format!(
                "<html><body><article><p>{}</p></article></body></html>",
                escape_text(&body)
            )
        } else {
            format!("<html><body><article>{body}</article></body></html>")
        };
        RawDoc {
            origin,
            body_format: Some(BodyFormat::Html),
            container: Some(container),
            body: body.into_bytes(),
            url: self.link.or(self.guid.filter(|g| g.starts_with("http"))),
            published: self
                .published
                .or(self.updated)
                .map(|d| rfc822_to_iso(&d).unwrap_or(d)),
            title: self.title,
            language: self.language,
            content_type: Some("text/html; charset=utf-8".to_string()),
            ..RawDoc::default()
        }
    }
}

/// What is being read inside an item.
struct OpenField {
    field: Field,
    depth: usize,
    markup: Markup,
    value: String,
}

#[derive(Default)]
struct FeedReader {
    atom: bool,
    depth: usize,
    /// Channel or feed language, for items that give none.
    language: Option<String>,
    item: Option<(Item, usize)>,
    open: Option<OpenField>,
    items: Vec<Item>,
}

impl FeedReader {
    fn feed(&mut self, token: Token<'_>) {
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
                raw,
            } => self.start(name, attrs, self_closing, raw),
            Token::End { name, raw } => self.end(name, raw),
            Token::Text(text) => {
                if let Some(open) = self.open.as_mut() {
                    match open.markup {
                        Markup::Xhtml => open.value.push_str(text),
                        _ => open.value.push_str(&unescape(text)),
                    }
                }
            }
            Token::CData(text) => {
                if let Some(open) = self.open.as_mut() {
                    open.value.push_str(text);
                }
            }
        }
    }

    fn start(&mut self, name: &str, attrs: &str, self_closing: bool, raw: &str) {
        let depth = self.depth + 1;
        if !self_closing {
            self.depth = depth.min(MAX_DEPTH * 4);
        }
        if let Some(open) = self.open.as_mut() {
            if open.markup == Markup::Xhtml && depth > open.depth + 1 {
                open.value.push_str(raw);
            }
            return;
        }
        let local_name = local(name);
        if depth == 1 {
            self.atom = local_name == "feed";
            self.language = attribute(attrs, "xml:lang");
            return;
        }
        if self.item.is_none() {
            if local_name == "item" || local_name == "entry" {
                let item = Item {
                    language: attribute(attrs, "xml:lang"),
                    ..Item::default()
                };
                if self_closing {
                    self.items.push(item);
                } else {
                    self.item = Some((item, depth));
                }
            } else if local_name == "language" && !self_closing {
                // RSS channel language.
                self.open = Some(OpenField {
                    field: Field::Language,
                    depth,
                    markup: Markup::Text,
                    value: String::new(),
                });
            }
            return;
        }
        let Some((item, item_depth)) = self.item.as_mut() else {
            return;
        };
        if depth != *item_depth + 1 {
            return;
        }
        let field = match (name, local_name) {
            ("content:encoded", _) => Field::Content,
            (_, "title") => Field::Title,
            (_, "link") => {
                let rel = attribute(attrs, "rel");
                if let Some(href) = attribute(attrs, "href") {
                    if item.link.is_none() && matches!(rel.as_deref(), None | Some("alternate")) {
                        item.link = Some(href.trim().to_string()).filter(|h| !h.is_empty());
                    }
                    return;
                }
                Field::Link
            }
            (_, "guid" | "id") => Field::Guid,
            (_, "description" | "summary") => Field::Summary,
            (_, "content") => Field::Content,
            (_, "pubDate" | "published" | "date" | "issued") => Field::Published,
            (_, "updated" | "modified") => Field::Updated,
            _ => return,
        };
        if self_closing {
            return;
        }
        let markup = match attribute(attrs, "type").as_deref() {
            Some("xhtml") => Markup::Xhtml,
            Some("text") | Some("text/plain") => Markup::Text,
            _ => Markup::Escaped,
        };
        self.open = Some(OpenField {
            field,
            depth,
            markup,
            value: String::new(),
        });
    }

    fn end(&mut self, name: &str, raw: &str) {
        let depth = self.depth;
        self.depth = self.depth.saturating_sub(1);
        if let Some(open) = self.open.as_mut() {
            if depth > open.depth {
                if open.markup == Markup::Xhtml {
                    open.value.push_str(raw);
                }
                return;
            }
        }
        if let Some(open) = self.open.take() {
            let value = open.value.trim().to_string();
            let plain = open.markup == Markup::Text;
            let nonempty = Some(value).filter(|v| !v.is_empty());
            match (open.field, self.item.as_mut()) {
                (Field::Language, None) => self.language = nonempty,
                (_, None) => {}
                (field, Some((item, _))) => {
                    let slot = match field {
                        Field::Title => &mut item.title,
                        Field::Link => &mut item.link,
                        Field::Guid => &mut item.guid,
                        Field::Published => &mut item.published,
                        Field::Updated => &mut item.updated,
                        Field::Language => &mut item.language,
                        Field::Summary => {
                            if item.summary.is_none() {
                                item.summary = nonempty.map(|v| (v, plain));
                            }
                            return;
                        }
                        Field::Content => {
                            if item.content.is_none() {
                                item.content = nonempty.map(|v| (v, plain));
                            }
                            return;
                        }
                    };
                    if slot.is_none() {
                        *slot = nonempty;
                    }
                }
            }
            return;
        }
        let _ = name;
        if let Some((_, item_depth)) = &self.item {
            if depth <= *item_depth {
                if let Some((item, _)) = self.item.take() {
                    self.items.push(item);
                }
            }
        }
    }
}

/// `Tue, 05 Mar 2024 08:30:00 GMT` (RSS `pubDate`, RFC 822) as
/// `2024-03-05`: the date as the publisher wrote it, in its own time zone.
/// Month abbreviations come from the English month file (RFC 822 fixes them
/// in English whatever the feed's language). `None` when not of that form.
fn rfc822_to_iso(value: &str) -> Option<String> {
    let value = value.trim();
    // The weekday is optional.
    let value = match value.split_once(',') {
        Some((_, rest)) => rest,
        None => value,
    };
    let mut parts = value.split_whitespace();
    let day: u8 = parts.next()?.parse().ok()?;
    let month_word = parts.next()?;
    let year: u32 = parts.next()?.parse().ok()?;
    // Two-digit years (RFC 822 proper) are of this century or the last.
    let year = match year {
        0..=49 => 2000 + year,
        50..=99 => 1900 + year,
        _ => year,
    };
    let months = dateline_lang::file("en", "months.tsv")?;
    let month = dateline_lang::rows(months).find_map(|row| {
        let form = row.first()?.trim_end_matches('.');
        let number: u8 = row.get(1)?.trim().parse().ok()?;
        form.eq_ignore_ascii_case(month_word.trim_end_matches('.'))
            .then_some(number)
    })?;
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_references() {
        assert_eq!(
            unescape("a &lt;b&gt; &amp;amp; &#233;&#xE9; &nbsp; AT&T"),
            "a <b> &amp; éé &nbsp; AT&T"
        );
        assert_eq!(unescape("&#xFFFFFFFF;"), "\u{FFFD}");
    }

    #[test]
    fn rss_dates() {
        assert_eq!(
            rfc822_to_iso("Tue, 05 Mar 2024 08:30:00 GMT").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            rfc822_to_iso("5 Sep 99 23:59 -0500").as_deref(),
            Some("1999-09-05")
        );
        assert_eq!(rfc822_to_iso("2024-03-05T08:30:00Z"), None);
        assert_eq!(rfc822_to_iso("Tue, 35 Mar 2024"), None);
        assert_eq!(rfc822_to_iso("Tue, 05 Foo 2024"), None);
    }

    #[test]
    fn attributes() {
        assert_eq!(
            attribute(r#" rel="alternate" href='http://x/a?b=1&amp;c=2'"#, "href").as_deref(),
            Some("http://x/a?b=1&c=2")
        );
        assert_eq!(attribute(" type=xhtml", "type").as_deref(), Some("xhtml"));
        assert_eq!(attribute(r#" rel="self""#, "href"), None);
    }

    #[test]
    fn feeds_are_told_by_their_root() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?>\n<!-- hi --><rss version=\"2.0\"><channel>"
        ));
        assert!(looks_like_feed(
            b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed(b"\xEF\xBB\xBF<rdf:RDF xmlns:rdf=\"x\">"));
        assert!(!looks_like_feed(
            b"<!DOCTYPE html><html><body>rss</body></html>"
        ));
        assert!(!looks_like_feed(b"<feed>not atom</feed>"));
        assert!(!looks_like_feed(b"PARIS (Reuters) - <rss> is not here"));
    }
}

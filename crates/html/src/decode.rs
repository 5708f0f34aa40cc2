//! Bytes to text: BOM, HTTP charset, `<meta>` prescan, then detection.

use dateline_model::Diagnostic;
use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta charset>` is looked for (browsers use 1024;
/// real pages often put it later, after long comments or scripts).
const PRESCAN_BYTES: usize = 4096;

/// Where the chosen encoding came from, for diagnostics.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    Bom,
    Header,
    Meta,
    Detected,
}

pub(crate) fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let (encoding, source, skip) = choose(bytes, content_type);
    let body = bytes.get(skip..).unwrap_or_default();
    let (mut encoding, mut source) = (encoding, source);

    // A page labelled with a legacy single-byte charset whose bytes are valid,
    // non-ASCII UTF-8 is almost always mislabelled UTF-8: legacy text rarely
    // forms valid multi-byte sequences by chance.
    if encoding != UTF_8 && source != Source::Bom && encoding.is_single_byte() {
        if let Ok(text) = std::str::from_utf8(body) {
            if !text.is_ascii() {
                diagnostics.push(Diagnostic::info(
                    "charset-mislabelled",
                    format!(
                        "declared {} but the bytes are valid UTF-8; read as UTF-8",
                        encoding.name()
                    ),
                ));
                encoding = UTF_8;
                source = Source::Detected;
            }
        }
    }

    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        diagnostics.push(Diagnostic::warning(
            "invalid-encoding",
            format!(
                "bytes not valid in {} ({}); replaced with U+FFFD",
                encoding.name(),
                match source {
                    Source::Bom => "from the byte order mark",
                    Source::Header => "from the HTTP header",
                    Source::Meta => "from a meta tag",
                    Source::Detected => "detected",
                }
            ),
        ));
    }
    (text.into_owned(), diagnostics)
}

/// Picks the encoding and how many leading bytes (a BOM) to skip.
fn choose(bytes: &[u8], content_type: Option<&str>) -> (&'static Encoding, Source, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, Source::Bom, bom_len);
    }
    if let Some(encoding) = content_type.and_then(charset_param).and_then(usable_label) {
        return (encoding, Source::Header, 0);
    }
    let head = bytes
        .get(..PRESCAN_BYTES.min(bytes.len()))
        .unwrap_or_default();
    if let Some(encoding) = meta_charset(head).and_then(usable_label) {
        return (encoding, Source::Meta, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, Source::Detected, 0);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    (detector.guess(None, true), Source::Detected, 0)
}

/// A label as the HTML standard treats it in a document: UTF-16 labels in
/// ASCII-compatible markup mean UTF-8, `x-user-defined` means windows-1252.
fn usable_label(label: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label)?;
    if encoding == encoding_rs::UTF_16BE || encoding == encoding_rs::UTF_16LE {
        return Some(UTF_8);
    }
    if encoding == encoding_rs::X_USER_DEFINED {
        return Some(WINDOWS_1252);
    }
    if encoding == encoding_rs::REPLACEMENT {
        return None;
    }
    Some(encoding)
}

/// The `charset=` parameter of a Content-Type value.
fn charset_param(value: &str) -> Option<&[u8]> {
    after_charset(value.as_bytes())
}

/// Finds `charset` `=` value in bytes (case-insensitive), value unquoted.
fn after_charset(bytes: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(found) = find_ascii_ci(bytes.get(from..)?, b"charset") {
        let mut at = from + found + b"charset".len();
        while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
            at += 1;
        }
        if bytes.get(at) == Some(&b'=') {
            at += 1;
            while bytes.get(at).is_some_and(|b| b.is_ascii_whitespace()) {
                at += 1;
            }
            let quote = bytes.get(at).copied().filter(|b| *b == b'"' || *b == b'\'');
            if quote.is_some() {
                at += 1;
            }
            let start = at;
            while let Some(&b) = bytes.get(at) {
                if Some(b) == quote
                    || b == b';'
                    || b.is_ascii_whitespace()
                    || b == b'>'
                    || b == b'"'
                    || b == b'\''
                    || b == b'/'
                {
                    break;
                }
                at += 1;
            }
            let value = bytes.get(start..at)?;
            if !value.is_empty() {
                return Some(value);
            }
        }
        from = at;
    }
    None
}

/// The charset named by a `<meta charset>` or `<meta http-equiv content>` tag.
fn meta_charset(head: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(found) = find_ascii_ci(head.get(from..)?, b"<meta") {
        let start = from + found;
        let end = memchr::memchr(b'>', head.get(start..)?).map_or(head.len(), |e| start + e);
        let tag = head.get(start..end)?;
        if let Some(label) = after_charset(tag) {
            return Some(label);
        }
        from = end;
    }
    None
}

fn find_ascii_ci(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut from = 0;
    while from + needle.len() <= haystack.len() {
        let rest = haystack.get(from..)?;
        let offset = memchr::memchr2(first.to_ascii_lowercase(), first.to_ascii_uppercase(), rest)?;
        let at = from + offset;
        if haystack
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped() {
        let (text, diags) = decode(b"\xEF\xBB\xBFcaf\xC3\xA9", None);
        assert_eq!(text, "café");
        assert!(diags.is_empty());
    }

    #[test]
    fn header_charset_wins_over_meta() {
        let page = b"<meta charset=utf-8><p>caf\xE9</p>";
        let (text, _) = decode(page, Some("text/html; charset=ISO-8859-1"));
        assert_eq!(text, "<meta charset=utf-8><p>caf\u{e9}</p>");
    }

    #[test]
    fn meta_charset_and_http_equiv_are_read() {
        let (text, _) = decode(b"<meta charset=\"windows-1252\"><p>\x93hi\x94</p>", None);
        assert_eq!(
            text,
            "<meta charset=\"windows-1252\"><p>\u{201c}hi\u{201d}</p>"
        );
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xF0\xD2\xC9</p>";
        let (text, _) = decode(page, None);
        assert!(text.ends_with("<p>\u{41f}\u{440}\u{438}</p>"), "{text}");
    }

    #[test]
    fn mislabelled_utf8_is_read_as_utf8() {
        let (text, diags) = decode("<meta charset=iso-8859-1><p>été</p>".as_bytes(), None);
        assert_eq!(text, "<meta charset=iso-8859-1><p>été</p>");
        assert_eq!(diags.first().map(|d| d.code), Some("charset-mislabelled"));
    }

    #[test]
    fn undeclared_legacy_bytes_are_detected() {
        let page = "<html><body><p>Le gouvernement a annoncé mercredi que les négociations étaient rompues après l'échec des discussions à Genève.</p></body></html>";
        let (latin1, _, _) = WINDOWS_1252.encode(page);
        let (text, _) = decode(&latin1, None);
        assert_eq!(text, page);
    }

    #[test]
    fn invalid_bytes_in_declared_utf8_are_replaced_with_a_diagnostic() {
        let (text, diags) = decode(b"<meta charset=utf-8>a\xFFb", None);
        assert_eq!(text, "<meta charset=utf-8>a\u{fffd}b");
        assert_eq!(diags.first().map(|d| d.code), Some("invalid-encoding"));
    }
}

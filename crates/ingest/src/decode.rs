//! Bytes to text: encodings, binary junk, and telling HTML from plain text.

use dateline_model::Diagnostic;
use memchr::memmem;

/// How much of the start of a body is inspected to classify it: enough to be
/// representative, small enough to keep classification O(1) per document.
const SAMPLE_BYTES: usize = 8192;
/// How far into a document HTML markup must show up to count as HTML.
const HTML_SNIFF_BYTES: usize = 1024;

/// Markup that only HTML puts near the start of a file. Matched on the
/// ASCII-lowercased prefix.
const HTML_OPENINGS: [&[u8]; 2] = [b"<!doctype html", b"<html"];
const HTML_EARLY_TAGS: [&[u8]; 11] = [
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<p>",
    b"<p ",
    b"<div",
    b"<article",
    b"<br>",
    b"<br/",
    b"<title>",
];

/// The outcome of decoding a plain-text body.
#[derive(Clone, Debug, Default)]
pub struct DecodedText {
    pub text: String,
    pub diagnostics: Vec<Diagnostic>,
    /// The body was binary junk; `text` is empty.
    pub binary: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// UTF-16 recognized from its NUL pattern, without a BOM.
    Utf16LeGuessed,
    Utf16BeGuessed,
    Binary,
}

/// Classifies a body from its BOM or, failing that, from byte statistics of
/// its start.
pub(crate) fn sniff_encoding(body: &[u8]) -> Encoding {
    match body {
        [0xFF, 0xFE, ..] => return Encoding::Utf16Le,
        [0xFE, 0xFF, ..] => return Encoding::Utf16Be,
        [0xEF, 0xBB, 0xBF, ..] => return Encoding::Utf8,
        _ => {}
    }
    let sample = body.get(..SAMPLE_BYTES).unwrap_or(body);
    let n = sample.len();
    if n == 0 {
        return Encoding::Utf8;
    }
    let (mut nul_even, mut nul_odd, mut controls) = (0usize, 0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        match b {
            0 if i % 2 == 0 => nul_even += 1,
            0 => nul_odd += 1,
            // Tab, line feed, form feed, carriage return and escape appear in real text files.
            b'\t' | b'\n' | 0x0C | b'\r' | 0x1B => {}
            0x01..=0x1F | 0x7F => controls += 1,
            _ => {}
        }
    }
    let nul = nul_even + nul_odd;
    // ASCII-range text in UTF-16 has a NUL in every other byte, on one side.
    if nul * 10 >= n * 3 {
        if nul_odd * 10 >= nul * 9 {
            return Encoding::Utf16LeGuessed;
        }
        if nul_even * 10 >= nul * 9 {
            return Encoding::Utf16BeGuessed;
        }
    }
    if nul * 100 > n || controls * 10 > n {
        return Encoding::Binary;
    }
    // Compressed or encrypted data: some controls and mostly invalid UTF-8.
    // Legacy 8-bit text (Latin-1) has invalid UTF-8 but no controls.
    if controls * 30 > n {
        let invalid: usize = sample
            .utf8_chunks()
            .filter(|c| !c.invalid().is_empty())
            .count();
        if invalid * 10 > n {
            return Encoding::Binary;
        }
    }
    Encoding::Utf8
}

/// Decodes a plain-text body: UTF-8 (invalid sequences replaced by U+FFFD
/// with an `invalid-utf8` warning), UTF-16 with or without BOM, and binary
/// junk rejected with a `binary-input` error and empty text. Never fails.
pub fn decode_text(body: Vec<u8>) -> DecodedText {
    let mut out = DecodedText::default();
    match sniff_encoding(&body) {
        Encoding::Binary => {
            out.binary = true;
            out.diagnostics.push(Diagnostic::error(
                "binary-input",
                format!(
                    "input looks binary ({} bytes), not text; skipped",
                    body.len()
                ),
            ));
        }
        Encoding::Utf16Le => {
            out.text = decode_utf16(body.get(2..).unwrap_or(&[]), false, &mut out.diagnostics)
        }
        Encoding::Utf16Be => {
            out.text = decode_utf16(body.get(2..).unwrap_or(&[]), true, &mut out.diagnostics)
        }
        guessed @ (Encoding::Utf16LeGuessed | Encoding::Utf16BeGuessed) => {
            let big_endian = guessed == Encoding::Utf16BeGuessed;
            out.diagnostics.push(Diagnostic::info(
                "utf16-without-bom",
                format!(
                    "decoded as UTF-16{} from its byte pattern (no BOM)",
                    if big_endian { "BE" } else { "LE" }
                ),
            ));
            out.text = decode_utf16(&body, big_endian, &mut out.diagnostics);
        }
        Encoding::Utf8 => {
            out.text = decode_utf8(body, &mut out.diagnostics);
            if out.text.starts_with('\u{feff}') {
                out.text.drain(..'\u{feff}'.len_utf8());
            }
        }
    }
    out
}

/// UTF-8 without copying when valid; otherwise a lossy copy and a warning
/// saying how much was replaced and where it starts.
pub(crate) fn decode_utf8(body: Vec<u8>, diagnostics: &mut Vec<Diagnostic>) -> String {
    let bytes = match String::from_utf8(body) {
        Ok(text) => return text,
        Err(err) => err.into_bytes(),
    };
    let mut text = String::with_capacity(bytes.len() + 16);
    let (mut replaced, mut offset) = (0usize, 0usize);
    let mut first_bad: Option<usize> = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first_bad.get_or_insert(offset);
            replaced += 1;
            text.push(char::REPLACEMENT_CHARACTER);
            offset += chunk.invalid().len();
        }
    }
    diagnostics.push(Diagnostic::warning(
        "invalid-utf8",
        format!(
            "input is not valid UTF-8: {replaced} invalid byte sequence(s) replaced with U+FFFD (first at byte {})",
            first_bad.unwrap_or(0)
        ),
    ));
    text
}

fn decode_utf16(bytes: &[u8], big_endian: bool, diagnostics: &mut Vec<Diagnostic>) -> String {
    let units = bytes.chunks_exact(2).map(|pair| match pair {
        [a, b] if big_endian => u16::from_be_bytes([*a, *b]),
        [a, b] => u16::from_le_bytes([*a, *b]),
        _ => 0xFFFD,
    });
    let mut text = String::with_capacity(bytes.len() / 2 + 16);
    let mut replaced = 0usize;
    for unit in char::decode_utf16(units) {
        text.push(unit.unwrap_or_else(|_| {
            replaced += 1;
            char::REPLACEMENT_CHARACTER
        }));
    }
    if bytes.len() % 2 == 1 {
        replaced += 1;
        text.push(char::REPLACEMENT_CHARACTER);
    }
    if replaced > 0 {
        diagnostics.push(Diagnostic::warning(
            "invalid-utf16",
            format!("input is not valid UTF-16: {replaced} unit(s) replaced with U+FFFD"),
        ));
    }
    text
}

/// Whether a body is HTML: after any BOM and whitespace it opens with
/// `<!doctype html` or `<html`, or HTML tags (`<body`, `<p>`, `<div`, ...)
/// appear within its first kilobyte. UTF-16 bodies are looked at decoded.
pub fn looks_like_html(body: &[u8]) -> bool {
    let mut prefix: Vec<u8> = match sniff_encoding(body) {
        utf16 @ (Encoding::Utf16Le
        | Encoding::Utf16Be
        | Encoding::Utf16LeGuessed
        | Encoding::Utf16BeGuessed) => {
            // Only ASCII matters for markup; other characters are dropped.
            let head = body.get(..HTML_SNIFF_BYTES * 2).unwrap_or(body);
            let mut ignored = Vec::new();
            let big_endian = matches!(utf16, Encoding::Utf16Be | Encoding::Utf16BeGuessed);
            let start = if matches!(utf16, Encoding::Utf16Le | Encoding::Utf16Be) {
                2
            } else {
                0
            };
            decode_utf16(head.get(start..).unwrap_or(&[]), big_endian, &mut ignored)
                .bytes()
                .filter(u8::is_ascii)
                .collect()
        }
        Encoding::Binary => return false,
        Encoding::Utf8 => body.get(..HTML_SNIFF_BYTES).unwrap_or(body).to_vec(),
    };
    prefix.make_ascii_lowercase();
    let content = prefix.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&prefix);
    let start = content
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(content.len());
    let content = content.get(start..).unwrap_or(&[]);
    if HTML_OPENINGS
        .iter()
        .any(|opening| content.starts_with(opening))
    {
        return true;
    }
    HTML_EARLY_TAGS
        .iter()
        .any(|tag| memmem::find(content, tag).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for unit in s.encode_utf16() {
            out.extend_from_slice(&unit.to_le_bytes());
        }
        out
    }

    #[test]
    fn valid_utf8_is_kept_without_diagnostic() {
        let d = decode_text(
            "Moscou, 10 janvier (RHC) « coup d'État »"
                .as_bytes()
                .to_vec(),
        );
        assert_eq!(d.text, "Moscou, 10 janvier (RHC) « coup d'État »");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode_text(b"\xEF\xBB\xBFHello".to_vec());
        assert_eq!(d.text, "Hello");
    }

    #[test]
    fn latin1_bytes_are_replaced_and_reported() {
        // "Élysée" in Latin-1: É = C9, é = E9.
        let d = decode_text(b"L'\xC9lys\xE9e a dit".to_vec());
        assert_eq!(d.text, "L'\u{FFFD}lys\u{FFFD}e a dit");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].code, "invalid-utf8");
        assert!(
            d.diagnostics[0].message.contains("2 invalid"),
            "{}",
            d.diagnostics[0].message
        );
        assert!(
            d.diagnostics[0].message.contains("byte 2"),
            "{}",
            d.diagnostics[0].message
        );
        assert!(!d.binary);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let text = "Kyiv, Ukraine (AP) — Talks resumed.";
        assert_eq!(decode_text(utf16le(text, true)).text, text);
        let guessed = decode_text(utf16le(text, false));
        assert_eq!(guessed.text, text);
        assert_eq!(guessed.diagnostics[0].code, "utf16-without-bom");
        let mut be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode_text(be).text, text);
    }

    #[test]
    fn binary_junk_is_rejected() {
        // An ELF-like header full of NULs.
        let mut junk = b"\x7FELF\x02\x01\x01".to_vec();
        junk.extend(std::iter::repeat(0u8).take(200));
        junk.extend((0u8..=255).cycle().take(4000));
        let d = decode_text(junk);
        assert!(d.binary);
        assert!(d.text.is_empty());
        assert_eq!(d.diagnostics[0].code, "binary-input");
    }

    #[test]
    fn pseudo_random_bytes_are_binary() {
        // Compressed data has few NULs but is mostly invalid UTF-8 with controls.
        let mut x: u32 = 12345;
        let bytes: Vec<u8> = (0..8000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (x >> 16) as u8
            })
            .collect();
        assert_eq!(sniff_encoding(&bytes), Encoding::Binary);
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(looks_like_html(
            b"  \n<!DOCTYPE html><html><body><p>Hi</p></body></html>"
        ));
        assert!(looks_like_html(b"\xEF\xBB\xBF<html lang=\"fr\">"));
        assert!(looks_like_html(
            b"<meta charset=utf-8>\n<title>T</title>\n<div>story</div>"
        ));
        assert!(looks_like_html(&utf16le("<!doctype html><p>x</p>", true)));
        assert!(!looks_like_html(
            b"PARIS (Reuters) - Protesters gathered <sic> outside."
        ));
        assert!(!looks_like_html(
            b"Moscou, 10 janvier (RHC) Lors d'une r\xC3\xA9union"
        ));
        // A tag far beyond the first kilobyte does not make a text HTML.
        let mut late = vec![b'a'; 5000];
        late.extend_from_slice(b"<div>");
        assert!(!looks_like_html(&late));
    }
}

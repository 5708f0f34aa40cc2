//! Text normalization: the one canonical form every offset points into.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// NFC, line endings to `\n`, BOM and control characters (other than `\n` and `\t`) removed.
/// Typographic characters (« », ’, no-break spaces) are kept: folding is a separate view.
///
/// ```
/// assert_eq!(dateline_text::normalize("\u{feff}Cafe\u{301}\r\nOK\r"), "Café\nOK\n");
/// ```
pub fn normalize(raw: &str) -> String {
    let mut cleaned = String::with_capacity(raw.len());
    let bytes = raw.as_bytes();
    // Where the first non-ASCII char went in `cleaned`: ASCII is NFC, so
    // the NFC check starts there (or is skipped).
    let mut first_non_ascii: Option<usize> = None;
    let mut at = 0;
    while at < bytes.len() {
        // Runs of printable ASCII, tabs and newlines are copied whole: most
        // of a news text, without decoding a char at a time.
        let run = bytes
            .get(at..)
            .unwrap_or(&[])
            .iter()
            .position(|&b| !matches!(b, b' '..=b'~' | b'\n' | b'\t'))
            .map_or(bytes.len(), |len| at + len);
        cleaned.push_str(raw.get(at..run).unwrap_or(""));
        at = run;
        let Some(c) = raw.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        match c {
            '\r' => {
                // CRLF becomes one LF; a lone CR (old Mac files) is a line end too.
                if bytes.get(at) != Some(&b'\n') {
                    cleaned.push('\n');
                }
            }
            // Unicode line and paragraph separators are line structure, not content.
            '\u{2028}' => cleaned.push('\n'),
            '\u{2029}' => cleaned.push_str("\n\n"),
            // BOM / zero-width no-break space carries no text.
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => {
                if !c.is_ascii() && first_non_ascii.is_none() {
                    first_non_ascii = Some(cleaned.len());
                }
                cleaned.push(c);
            }
        }
    }
    // Most news text is already NFC; the quick check avoids a second copy.
    let tail = first_non_ascii.and_then(|from| cleaned.get(from..));
    match tail {
        Some(tail) if is_nfc_quick(tail.chars()) != IsNormalized::Yes => cleaned.nfc().collect(),
        _ => cleaned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_become_lf() {
        assert_eq!(normalize("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(normalize("a\r\n\r\nb"), "a\n\nb");
    }

    #[test]
    fn controls_and_bom_are_removed_but_tabs_kept() {
        assert_eq!(normalize("\u{feff}a\u{0}b\u{7}\tc\u{85}d\u{9f}"), "ab\tcd");
    }

    #[test]
    fn decomposed_accents_are_composed() {
        let composed = normalize("Tokai\u{308}ev, coup d'E\u{301}tat");
        assert_eq!(composed, "Tokaïev, coup d'État");
        assert_eq!(composed.chars().count(), 20);
    }

    #[test]
    fn typography_is_kept() {
        let text = "«\u{202f}tentative\u{202f}» l’OTSC 2\u{a0}000";
        assert_eq!(normalize(text), text);
    }

    #[test]
    fn a_combining_mark_after_ascii_is_composed() {
        // The NFC check starts at the first non-ASCII char: a mark there
        // must still compose with the ASCII letter before it.
        assert_eq!(normalize("Cafe\u{301} noir"), "Café noir");
        assert_eq!(
            normalize("plain ascii\twith\ttabs\n"),
            "plain ascii\twith\ttabs\n"
        );
        assert_eq!(normalize("\r"), "\n");
        assert_eq!(normalize("é\r\n\u{7f}x\u{0}"), "é\nx");
    }

    #[test]
    fn unicode_separators_are_line_breaks() {
        assert_eq!(normalize("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
    }
}

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
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                // CRLF becomes one LF; a lone CR (old Mac files) is a line end too.
                if chars.peek() != Some(&'\n') {
                    cleaned.push('\n');
                }
            }
            '\n' | '\t' => cleaned.push(c),
            // Unicode line and paragraph separators are line structure, not content.
            '\u{2028}' => cleaned.push('\n'),
            '\u{2029}' => cleaned.push_str("\n\n"),
            // BOM / zero-width no-break space carries no text.
            '\u{feff}' => {}
            c if c.is_control() => {}
            c => cleaned.push(c),
        }
    }
    // Most news text is already NFC; the quick check avoids a second copy.
    if is_nfc_quick(cleaned.chars()) == IsNormalized::Yes {
        cleaned
    } else {
        cleaned.nfc().collect()
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
    fn unicode_separators_are_line_breaks() {
        assert_eq!(normalize("a\u{2028}b\u{2029}c"), "a\nb\n\nc");
    }
}

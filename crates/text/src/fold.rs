//! The folded matching view of a text: lowercase, no Latin accents, one kind of
//! apostrophe, quote, space and dash, with a byte map back to the original.

use dateline_model::Span;
use unicode_normalization::char::decompose_canonical;

/// A case-, accent-, apostrophe-, quote- and space-folded copy of a text, with
/// a map back to byte offsets of the original.
///
/// ```
/// use dateline_model::Span;
/// let folded = dateline_text::fold("L’État « Tokaïev »");
/// assert_eq!(folded.text(), "l'etat \" tokaiev \"");
/// let at = folded.text().find("tokaiev").unwrap();
/// assert_eq!(folded.to_original(Span::new(at, at + 7)), Span::new(13, 21));
/// ```
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    /// For each folded byte, the original byte offset of the char it came
    /// from; one extra entry holds the original length. Monotonic.
    origin: Vec<u32>,
}

impl Folded {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Maps a span of the folded text to the span of the original it came from.
    /// Out-of-range offsets are clamped to the text.
    pub fn to_original(&self, span: Span) -> Span {
        let at = |i: usize| -> usize {
            let i = i.min(self.origin.len().saturating_sub(1));
            self.origin.get(i).map_or(0, |&o| o as usize)
        };
        let start = at(span.start);
        Span::new(start, at(span.end).max(start))
    }

    /// Maps a span of the original text to the folded span produced from it
    /// (binary search on the monotonic map: no second table is kept).
    pub fn to_folded(&self, span: Span) -> Span {
        let last = self.text.len();
        let start = self
            .origin
            .partition_point(|&o| (o as usize) < span.start)
            .min(last);
        let end = self
            .origin
            .partition_point(|&o| (o as usize) < span.end)
            .min(last);
        Span::new(start, end.max(start))
    }
}

/// Folds a whole text, keeping the offset map.
pub fn fold(text: &str) -> Folded {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut origin = Vec::with_capacity(text.len() + 1);
    let mut prev = ' ';
    let mut at = 0;
    while let Some(rest) = text.get(at..) {
        let Some(c) = rest.chars().next() else { break };
        if c.is_ascii() {
            // Fast path: one byte in, one byte out.
            out.push(fold_ascii(c));
            origin.push(offset32(at));
        } else {
            let before = out.len();
            push_folded(c, prev, &mut out);
            origin.resize(origin.len() + (out.len() - before), offset32(at));
        }
        prev = c;
        at += c.len_utf8();
    }
    origin.push(offset32(text.len()));
    Folded { text: out, origin }
}

/// Appends the folded form of `s` to `out`, without the offset map: for
/// dictionary keys (lexicons, gazetteer aliases), where a caller reuses one
/// buffer and never maps back.
///
/// ```
/// let mut key = String::new();
/// dateline_text::fold_into("L’État", &mut key);
/// assert_eq!(key, "l'etat");
/// ```
pub fn fold_into(s: &str, out: &mut String) {
    // Most keys are plain ASCII: fold them byte by byte without decoding.
    if s.is_ascii() {
        out.extend(s.chars().map(fold_ascii));
        return;
    }
    let mut prev = ' ';
    for c in s.chars() {
        if c.is_ascii() {
            out.push(fold_ascii(c));
        } else {
            push_folded(c, prev, out);
        }
        prev = c;
    }
}

#[inline]
fn fold_ascii(c: char) -> char {
    match c {
        '`' => '\'',
        '\t' | '\r' | '\u{b}' | '\u{c}' => ' ',
        c => c.to_ascii_lowercase(),
    }
}

/// `char::is_alphanumeric` with a fast path for ASCII and Latin-1/Latin
/// Extended letters, which make up nearly all of fr/en news.
#[inline]
pub(crate) fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        _ => c.is_alphanumeric(),
    }
}

/// `char::is_alphabetic` with the same fast path.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        _ => c.is_alphabetic(),
    }
}

/// The folded form of `s` as a new string.
pub(crate) fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

fn offset32(at: usize) -> u32 {
    // Documents are bounded far below 4 GiB upstream; saturate rather than wrap.
    u32::try_from(at).unwrap_or(u32::MAX)
}

/// Whether accents of this char are stripped: Latin and Greek only, so that
/// letters of other scripts whose marks are distinctive (й, Devanagari
/// vowel signs) keep them.
fn strips_accents(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF | 0x0370..=0x03FF | 0x1F00..=0x1FFF)
}

fn is_latin_greek_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F)
}

/// `prev` is the char before `c`; it only matters for ‘ and ‛, so it is
/// classified there alone (a Unicode table lookup per char otherwise).
#[inline]
fn push_folded(c: char, prev: char, out: &mut String) {
    if c.is_ascii() {
        out.push(fold_ascii(c));
        return;
    }
    match c {
        '\u{2019}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' | '\u{02B9}' | '\u{FF07}' => {
            out.push('\'')
        }
        // ‘ and ‛ are apostrophes inside a word ("l‘homme") and quotes elsewhere.
        '\u{2018}' | '\u{201B}' => out.push(if is_letter_or_digit(prev) { '\'' } else { '"' }),
        '«' | '»' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2039}' | '\u{203A}'
        | '\u{201A}' | '\u{2033}' | '\u{FF02}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            out.push('-')
        }
        // Invisible characters would split words that readers must match whole.
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
        '\n' => out.push('\n'),
        c if c.is_whitespace() => out.push(' '),
        'ß' | 'ẞ' => out.push_str("ss"),
        'æ' | 'Æ' => out.push_str("ae"),
        'œ' | 'Œ' => out.push_str("oe"),
        'ø' | 'Ø' => out.push('o'),
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ħ' | 'Ħ' => out.push('h'),
        'ı' => out.push('i'),
        'þ' | 'Þ' => out.push_str("th"),
        c => {
            for lower in c.to_lowercase() {
                if strips_accents(lower) || strips_accents(c) {
                    decompose_canonical(lower, |part| {
                        if !is_latin_greek_mark(part) {
                            out.push(part);
                        }
                    });
                } else if !is_latin_greek_mark(lower) {
                    out.push(lower);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(s: &str) -> String {
        fold(s).text().to_string()
    }

    #[test]
    fn case_and_accents() {
        assert_eq!(
            folded("Tokaïev ÉTAT Biélorussie ça Ñandú Łódź"),
            "tokaiev etat bielorussie ca nandu lodz"
        );
        assert_eq!(folded("Straße cœur Ærø"), "strasse coeur aero");
    }

    #[test]
    fn other_scripts_are_only_lowercased() {
        assert_eq!(folded("Йошкар-Ола"), "йошкар-ола");
        assert_eq!(folded("МОСКВА"), "москва");
        assert_eq!(folded("हिन्दी"), "हिन्दी");
        assert_eq!(folded("Αθήνα"), "αθηνα");
    }

    #[test]
    fn apostrophes_quotes_spaces_dashes() {
        assert_eq!(folded("l’OTSC aujourdʼhui"), "l'otsc aujourd'hui");
        assert_eq!(
            folded("«\u{202f}coup\u{a0}» “x” „y“ ‹z›"),
            "\" coup \" \"x\" \"y\" \"z\""
        );
        assert_eq!(folded("‘quoted’ l‘homme"), "\"quoted' l'homme");
        assert_eq!(
            folded("2\u{202f}000\u{2009}km – a—b ‑c"),
            "2 000 km - a-b -c"
        );
        assert_eq!(folded("co\u{ad}op\u{200b}"), "coop");
    }

    #[test]
    fn spans_map_back_to_original_bytes() {
        let original = "« Kassym-Jomart Tokaïev », président";
        let f = fold(original);
        let at = f.text().find("tokaiev").unwrap();
        let span = f.to_original(Span::new(at, at + "tokaiev".len()));
        assert_eq!(&original[span.start..span.end], "Tokaïev");
        assert_eq!(f.to_folded(span), Span::new(at, at + 7));
        let pres = f.text().find("president").unwrap();
        let span = f.to_original(Span::new(pres, pres + 9));
        assert_eq!(&original[span.start..span.end], "président");
    }

    #[test]
    fn expansions_and_removals_map_to_whole_chars() {
        let original = "Große co\u{ad}op";
        let f = fold(original);
        assert_eq!(f.text(), "grosse coop");
        // "ss" came from the two bytes of ß.
        let span = f.to_original(Span::new(3, 5));
        assert_eq!(&original[span.start..span.end], "ß");
        let span = f.to_original(Span::new(7, 11));
        assert_eq!(&original[span.start..span.end], "co\u{ad}op");
    }

    #[test]
    fn out_of_range_spans_are_clamped() {
        let f = fold("abc");
        assert_eq!(f.to_original(Span::new(2, 99)), Span::new(2, 3));
        assert_eq!(f.to_original(Span::new(9, 99)), Span::new(3, 3));
        assert_eq!(fold("").to_original(Span::new(0, 5)), Span::new(0, 0));
    }
}

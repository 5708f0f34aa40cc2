//! Word tokens of folded text, shared by the alias index and the scanner so
//! that both cut text the same way.

use std::ops::Range;

/// Whether a char belongs to a word. Non-ASCII chars count unless they are
/// spaces or punctuation, so that combining marks of Indic or Arabic scripts
/// stay inside their word.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Punctuation and symbol blocks first: cheaper than Unicode's alphabetic table.
    !(c.is_whitespace()
        || matches!(c as u32, 0x00A0..=0x00BF | 0x00D7 | 0x00F7 | 0x2000..=0x2BFF | 0x3000..=0x303F | 0xFE30..=0xFE4F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20))
}

/// Byte ranges of the word tokens of `text`, left to right.
pub(crate) fn tokens(text: &str) -> Tokens<'_> {
    Tokens { text, at: 0 }
}

/// Iterator of [`tokens`]: steps over ASCII bytes without decoding, the
/// common case in news text.
pub(crate) struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

impl Tokens<'_> {
    /// Whether the char at `at` is a word char, and its length in bytes.
    #[inline]
    fn word_char_at(&self, at: usize) -> Option<(bool, usize)> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte < 0x80 {
            return Some((byte.is_ascii_alphanumeric(), 1));
        }
        let c = self.text.get(at..)?.chars().next()?;
        Some((is_word_char(c), c.len_utf8()))
    }
}

impl Iterator for Tokens<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = loop {
            let (word, len) = self.word_char_at(self.at)?;
            if word {
                break self.at;
            }
            self.at += len;
        };
        while let Some((true, len)) = self.word_char_at(self.at) {
            self.at += len;
        }
        Some(start..self.at)
    }
}

/// The index key of an alias or of a scanned stretch of folded text: from its
/// first word char to its last, whitespace runs collapsed to one space.
/// Borrowed when already in that shape (the common case while scanning).
pub(crate) fn key_of<'a>(folded: &'a str, buf: &'a mut String) -> &'a str {
    let bytes = folded.as_bytes();
    let edges_are_words = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    if edges_are_words(bytes.first()) && edges_are_words(bytes.last()) && !needs_collapse(bytes) {
        return folded;
    }
    let start = folded
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map_or(folded.len(), |(at, _)| at);
    let end = folded
        .char_indices()
        .rev()
        .find(|&(_, c)| is_word_char(c))
        .map_or(start, |(at, c)| at + c.len_utf8());
    let trimmed = folded.get(start..end.max(start)).unwrap_or("");
    // Folded text has only ASCII spaces and newlines; other whitespace is
    // rare enough to take the slow path.
    if !needs_collapse(trimmed.as_bytes()) {
        return trimmed;
    }
    buf.clear();
    let mut prev_space = false;
    for c in trimmed.chars() {
        if c.is_whitespace() {
            if !prev_space {
                buf.push(' ');
            }
            prev_space = true;
        } else {
            buf.push(c);
            prev_space = false;
        }
    }
    buf.as_str()
}

/// Whether a stretch has whitespace other than single ASCII spaces.
fn needs_collapse(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b' ' => bytes.get(i + 1) == Some(&b' '),
        b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => true,
        // The only non-ASCII whitespace: U+0085, U+00A0, U+1680, U+2000-200A,
        // U+2028, U+2029, U+202F, U+205F, U+3000.
        0xC2 => matches!(bytes.get(i + 1), Some(0x85 | 0xA0)),
        0xE1 => bytes.get(i + 1..i + 3) == Some(&[0x9A, 0x80][..]),
        0xE2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
        ),
        0xE3 => bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80][..]),
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_on_punctuation_and_keep_marks() {
        let text = "l'otsc, kassym-jomart  हिन्दी.";
        let words: Vec<&str> = tokens(text).map(|r| &text[r]).collect();
        assert_eq!(words, vec!["l", "otsc", "kassym", "jomart", "हिन्दी"]);
    }

    #[test]
    fn keys_collapse_spaces_and_trim_punctuation() {
        let mut buf = String::new();
        assert_eq!(key_of(" quai  d'orsay\n", &mut buf), "quai d'orsay");
        assert_eq!(key_of("washington, d.c.", &mut buf), "washington, d.c");
        assert_eq!(key_of("moscou", &mut buf), "moscou");
        assert_eq!(key_of("a\u{a0}b\u{202f} c", &mut buf), "a b c");
        assert_eq!(key_of("«москва»", &mut buf), "москва");
    }
}

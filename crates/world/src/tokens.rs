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
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (at, c) = chars.next()?;
            if is_word_char(c) {
                break at;
            }
        };
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !is_word_char(c) {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// The index key of an alias or of a scanned stretch of folded text: from its
/// first word char to its last, whitespace runs collapsed to one space.
/// Borrowed when already in that shape (the common case while scanning).
pub(crate) fn key_of<'a>(folded: &'a str, buf: &'a mut String) -> &'a str {
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
    let bytes = trimmed.as_bytes();
    let clean = !bytes.iter().enumerate().any(|(i, &b)| match b {
        b' ' => bytes.get(i + 1) == Some(&b' '),
        b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => true,
        // Lead bytes of the only non-ASCII whitespace (U+0085, U+00A0, U+1680, U+20xx, U+3000).
        0xC2 | 0xE1 | 0xE2 | 0xE3 => trimmed
            .get(i..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| c.is_whitespace()),
        _ => false,
    });
    if clean {
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
    }
}

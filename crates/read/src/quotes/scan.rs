//! Words with folded keys, and quote-aware sentence windows: the two views
//! the quotes reader scans. Everything here is one linear pass.

use dateline_model::Span;

/// Lowercases and strips Latin accents, writing into `out` (no allocation
/// once `out` has grown); apostrophes become `'`.
pub(crate) fn fold_into(word: &str, out: &mut String) {
    // Most words are ASCII: one copy and an in-place lowercase, no char
    // decoding or case tables.
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        if let Some(pushed) = out.get_mut(from..) {
            pushed.make_ascii_lowercase();
        }
        return;
    }
    for c in word.chars() {
        for lower in c.to_lowercase() {
            out.push(strip_accent(lower));
        }
    }
}

/// The base letter of an accented Latin lowercase letter; typographic
/// apostrophes become the ASCII one.
fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        '’' | 'ʼ' | '‘' => '\'',
        other => other,
    }
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Calls `f` with the span of every word: letters and digits, joined by inner
/// hyphens ("Kassym-Jomart", "a-t-il"); an apostrophe followed by a letter
/// ends its word and stays with it ("qu'", "l'").
pub(crate) fn for_each_word(text: &str, mut f: impl FnMut(Span)) {
    // Indexed by byte with an ASCII shortcut: decoding every char (and the
    // one after it) was most of this pass on news text.
    let char_at = |i: usize| -> Option<char> {
        match text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => Some(char::from(b)),
            Some(_) => text.get(i..).and_then(|rest| rest.chars().next()),
            None => None,
        }
    };
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some(c) = char_at(i) {
        let next = i + c.len_utf8();
        let alnum = c.is_alphanumeric();
        match start {
            None if alnum => start = Some(i),
            None => {}
            Some(s) => {
                let next_alnum = || char_at(next).is_some_and(char::is_alphanumeric);
                if !(alnum || (is_hyphen(c) && next_alnum())) {
                    if is_apostrophe(c) && next_alnum() {
                        f(Span::new(s, next));
                    } else {
                        f(Span::new(s, i));
                    }
                    start = None;
                }
            }
        }
        i = next;
    }
    if let Some(s) = start {
        f(Span::new(s, text.len()));
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Word {
    pub span: Span,
    key: (u32, u32),
}

/// Every word of a text with its folded key, in two allocations.
pub(crate) struct Words {
    pub list: Vec<Word>,
    keys: String,
}

impl Words {
    pub fn new(text: &str) -> Words {
        let mut list = Vec::with_capacity(text.len() / 6);
        let mut keys = String::with_capacity(text.len());
        for_each_word(text, |span| {
            let from = keys.len();
            fold_into(text.get(span.start..span.end).unwrap_or(""), &mut keys);
            list.push(Word {
                span,
                key: (from as u32, keys.len() as u32),
            });
        });
        Words { list, keys }
    }

    /// The folded key of word `i` ("" out of range).
    pub fn key(&self, i: usize) -> &str {
        self.list
            .get(i)
            .and_then(|w| self.keys.get(w.key.0 as usize..w.key.1 as usize))
            .unwrap_or("")
    }

    pub fn span(&self, i: usize) -> Option<Span> {
        self.list.get(i).map(|w| w.span)
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Index of the first word starting at or after `pos`.
    pub fn first_from(&self, pos: usize) -> usize {
        self.list.partition_point(|w| w.span.start < pos)
    }
}

/// Sentence windows that never split inside a quotation, so that a quote and
/// the clause attributing it ("«...», a précisé X.") share one window.
pub(crate) struct Sentences {
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    /// From the text layer's sentences when there are any, else from a small
    /// punctuation-based splitter; boundaries inside `quotes` (outer spans,
    /// sorted) are dropped, and every line break is a boundary.
    pub fn new(
        text: &str,
        shared: &[Span],
        quotes: &[Span],
        is_title_abbreviation: impl Fn(&str) -> bool,
    ) -> Sentences {
        let mut starts = vec![0];
        if shared.is_empty() {
            split_by_punctuation(text, &mut starts, is_title_abbreviation);
        } else {
            starts.extend(shared.iter().map(|s| s.start));
        }
        for (i, c) in text.char_indices() {
            if c == '\n' {
                starts.push(i + 1);
            }
        }
        starts.sort_unstable();
        starts.dedup();
        // Drop boundaries strictly inside a quotation (quotes are sorted and disjoint).
        let mut q = 0;
        starts.retain(|&pos| {
            while quotes.get(q).is_some_and(|s| s.end <= pos) {
                q += 1;
            }
            !quotes.get(q).is_some_and(|s| s.start < pos && pos < s.end)
        });
        Sentences {
            starts,
            len: text.len(),
        }
    }

    /// The window holding byte `pos`.
    pub fn at(&self, pos: usize) -> Span {
        let i = self.starts.partition_point(|&s| s <= pos);
        let start = i
            .checked_sub(1)
            .and_then(|j| self.starts.get(j))
            .copied()
            .unwrap_or(0);
        let end = self.starts.get(i).copied().unwrap_or(self.len);
        Span::new(start, end)
    }

    /// The window from the sentence holding `span.start` to the end of the one holding `span.end`.
    pub fn around(&self, span: Span) -> Span {
        let first = self.at(span.start);
        let last = self.at(span.end.saturating_sub(1).max(span.start));
        first.cover(last)
    }
}

fn split_by_punctuation(
    text: &str,
    starts: &mut Vec<usize>,
    is_title_abbreviation: impl Fn(&str) -> bool,
) {
    let mut word_start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            word_start = i + c.len_utf8();
            continue;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        // Closing marks may follow the stop ("fin.»"): the boundary comes after them.
        let mut end = i + c.len_utf8();
        while let Some(&(j, n)) = chars.peek() {
            if matches!(n, '.' | '!' | '?' | '…' | '»' | '”' | '"' | ')' | '’') {
                end = j + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = text.get(end..).unwrap_or("");
        let trimmed = rest.trim_start_matches([' ', '\t', '\u{a0}', '\u{202f}']);
        if trimmed.len() == rest.len() {
            continue;
        }
        let opens_sentence = trimmed.chars().next().is_some_and(|n| {
            n.is_uppercase()
                || n.is_numeric()
                || matches!(n, '«' | '“' | '"' | '„' | '—' | '–' | '‹' | '‘')
        });
        let word = text.get(word_start..i).unwrap_or("");
        let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
        if opens_sentence && c == '.' && (initial || is_title_abbreviation(word)) {
            continue;
        }
        if opens_sentence {
            starts.push(end + (rest.len() - trimmed.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for_each_word(text, |s| out.push(&text[s.start..s.end]));
        out
    }

    #[test]
    fn words_keep_hyphens_and_split_after_elisions() {
        assert_eq!(
            words("«Qu'il parte», a-t-il dit à Kassym-Jomart."),
            ["Qu'", "il", "parte", "a-t-il", "dit", "à", "Kassym-Jomart"]
        );
        assert_eq!(words("the rebels' camp"), ["the", "rebels", "camp"]);
    }

    #[test]
    fn words_end_at_the_text_edges_and_split_any_script() {
        assert_eq!(words("l'"), ["l"]);
        assert_eq!(words("-a- b' 'c d-"), ["a", "b", "c", "d"]);
        assert_eq!(
            words("Москва’s ‑ 2022‐23 مرحبا ؟ 東京、"),
            ["Москва’", "s", "2022‐23", "مرحبا", "東京"]
        );
        assert_eq!(words(""), Vec::<&str>::new());
    }

    #[test]
    fn keys_are_folded() {
        let w = Words::new("Il a PRÉCISÉ qu’il «État»");
        assert_eq!(
            (0..w.len()).map(|i| w.key(i)).collect::<Vec<_>>(),
            ["il", "a", "precise", "qu'", "il", "etat"]
        );
        let mut out = String::from("x");
        fold_into("McDonald's", &mut out);
        assert_eq!(out, "xmcdonald's");
    }

    #[test]
    fn sentences_do_not_split_inside_quotes_or_after_titles() {
        let text = "«Un. Deux», a dit M. Dupont. Il part.";
        let quote = Span::new(0, text.find(',').unwrap());
        let s = Sentences::new(text, &[], &[quote], |w| w == "M");
        let first = s.at(3);
        assert_eq!(
            &text[first.start..first.end],
            "«Un. Deux», a dit M. Dupont. "
        );
        let second = s.at(text.len() - 2);
        assert_eq!(&text[second.start..second.end], "Il part.");
    }
}

//! Words of the folded text with their original spans and casing: the one
//! linear pass the entity reader makes over a document.

use super::lexicon::Lexicon;
use dateline_model::Span;
use dateline_text::Folded;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Case {
    /// No cased letters at all (digits, scripts without case).
    None,
    Lower,
    /// First letter upper case, not all upper case ("Tokaïev", "McCain").
    Title,
    /// Every cased letter upper case ("OTSC", "PARIS").
    Upper,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// "l'" / "d'" split off the word it elides into.
    Elision,
    /// The English possessive "'s".
    Possessive,
    Punct,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    /// Span in the folded text.
    pub f: Span,
    /// Span in the original text.
    pub o: Span,
    pub kind: TokKind,
    pub case: Case,
    /// Starts a sentence, a line or a quotation: capitals there prove nothing.
    pub initial: bool,
    /// A line break stands between this token and the previous one.
    pub after_break: bool,
    pub has_digit: bool,
    /// On a line written in title case or capitals ("Storm Hits Coast As
    /// Thousands Flee"), where capitals say nothing about names.
    pub headline: bool,
}

impl Tok {
    pub fn capitalised(&self) -> bool {
        matches!(self.case, Case::Title | Case::Upper)
    }
    pub fn folded<'a>(&self, folded: &'a str) -> &'a str {
        folded.get(self.f.start..self.f.end).unwrap_or("")
    }
}

fn case_of(original: &str) -> Case {
    // ASCII words (most of them) need no Unicode tables.
    if original.is_ascii() {
        let bytes = original.as_bytes();
        let Some(first) = bytes.iter().position(u8::is_ascii_alphabetic) else {
            return Case::None;
        };
        let any_lower = bytes.iter().any(u8::is_ascii_lowercase);
        return match (
            bytes.get(first).is_some_and(u8::is_ascii_uppercase),
            any_lower,
        ) {
            (true, false) => Case::Upper,
            (true, true) => Case::Title,
            _ => Case::Lower,
        };
    }
    let mut chars = original.chars().filter(|c| c.is_alphabetic());
    let Some(first) = chars.next() else {
        return Case::None;
    };
    let (mut any_lower, mut cased) = (
        first.is_lowercase(),
        first.is_uppercase() || first.is_lowercase(),
    );
    for c in chars {
        any_lower |= c.is_lowercase();
        cased |= c.is_uppercase() || c.is_lowercase();
    }
    if !cased {
        Case::None
    } else if first.is_uppercase() && !any_lower {
        Case::Upper
    } else if first.is_uppercase() {
        Case::Title
    } else {
        Case::Lower
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Whether a punctuation mark ends a sentence or opens a quotation, so that
/// the next word's capital letter is no evidence of a name.
fn opens_sentence(p: &str) -> bool {
    matches!(
        p,
        "." | "!" | "?" | "…" | ":" | "\"" | "«" | "“" | "„" | "-" | "•" | ";" | "(" | "[" | "{"
    )
}

/// Tokenizes the folded text: words (with inner hyphens and apostrophes),
/// elided articles split off by the language's elision list, possessive
/// "'s", and single punctuation marks. Every token maps back to the original.
pub(crate) fn scan(
    folded: &Folded,
    original: &str,
    lex: &Lexicon,
    abbreviations: &dyn Fn(&str) -> bool,
) -> Vec<Tok> {
    let mut toks = Vec::new();
    scan_into(&mut toks, folded, original, lex, abbreviations);
    toks
}

/// [`scan`] into a buffer the caller reuses from document to document.
pub(crate) fn scan_into(
    toks: &mut Vec<Tok>,
    folded: &Folded,
    original: &str,
    lex: &Lexicon,
    abbreviations: &dyn Fn(&str) -> bool,
) {
    let text = folded.text();
    toks.clear();
    toks.reserve(text.len() / 6);
    let mut iter = text.char_indices().peekable();
    let mut saw_break = false;
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            saw_break |= c == '\n';
            continue;
        }
        if !is_word_char(c) {
            push(
                toks,
                folded,
                original,
                Span::new(start, start + c.len_utf8()),
                TokKind::Punct,
                saw_break,
                false,
            );
            saw_break = false;
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut has_digit = c.is_numeric();
        // Inner hyphens and apostrophes join letters; periods do not.
        loop {
            match iter.peek().copied() {
                Some((i, ch)) if is_word_char(ch) => {
                    has_digit |= ch.is_numeric();
                    end = i + ch.len_utf8();
                    iter.next();
                }
                Some((i, ch)) if ch == '-' || ch == '\'' => {
                    let next_is_word = text
                        .get(i + 1..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(is_word_char);
                    if !next_is_word {
                        break;
                    }
                    end = i + 1;
                    iter.next();
                }
                _ => break,
            }
        }
        let word = Span::new(start, end);
        let slice = text.get(start..end).unwrap_or("");
        // Split elisions ("l'otsc") and possessives ("kazakhstan's").
        let mut rest_start = start;
        if let Some(apos) = slice.find('\'') {
            let prefix = slice.get(..apos).unwrap_or("");
            let suffix = slice.get(apos + 1..).unwrap_or("");
            if lex.is_elision(prefix) {
                push(
                    toks,
                    folded,
                    original,
                    Span::new(start, start + apos + 1),
                    TokKind::Elision,
                    saw_break,
                    false,
                );
                saw_break = false;
                rest_start = start + apos + 1;
            } else if suffix == "s" {
                push(
                    toks,
                    folded,
                    original,
                    Span::new(start, start + apos),
                    TokKind::Word,
                    saw_break,
                    has_digit,
                );
                push(
                    toks,
                    folded,
                    original,
                    Span::new(start + apos, end),
                    TokKind::Possessive,
                    false,
                    false,
                );
                saw_break = false;
                continue;
            }
        }
        push(
            toks,
            folded,
            original,
            Span::new(rest_start, word.end),
            TokKind::Word,
            saw_break,
            has_digit,
        );
        saw_break = false;
    }
    mark_initials(toks, text, abbreviations);
    mark_headlines(toks, text);
}

/// Flags lines whose longer words are nearly all capitalised: a headline
/// in title case or capitals. Words of three letters or fewer do not count
/// ("of", "in", "as" stay lower case in many title-case styles).
fn mark_headlines(toks: &mut [Tok], text: &str) {
    let mut line_start = 0;
    for i in 0..=toks.len() {
        let line_ends = i == toks.len() || toks.get(i).is_some_and(|t| t.after_break && i > 0);
        if !line_ends {
            continue;
        }
        let line = toks.get(line_start..i).unwrap_or(&[]);
        let long_words = line.iter().filter(|t| {
            t.kind == TokKind::Word
                && !t.has_digit
                && text
                    .get(t.f.start..t.f.end)
                    .is_some_and(|w| w.chars().count() > 3)
        });
        let (mut words, mut capitalised) = (0usize, 0usize);
        for t in long_words {
            words += 1;
            capitalised += usize::from(t.capitalised());
        }
        if words >= 4 && capitalised * 10 >= words * 8 {
            for t in toks.get_mut(line_start..i).into_iter().flatten() {
                t.headline = true;
            }
        }
        line_start = i;
    }
}

fn push(
    toks: &mut Vec<Tok>,
    folded: &Folded,
    original: &str,
    f: Span,
    kind: TokKind,
    after_break: bool,
    has_digit: bool,
) {
    let o = folded.to_original(f);
    let case = original.get(o.start..o.end).map_or(Case::None, case_of);
    toks.push(Tok {
        f,
        o,
        kind,
        case,
        initial: false,
        after_break,
        has_digit,
        headline: false,
    });
}

fn mark_initials(toks: &mut [Tok], text: &str, abbreviations: &dyn Fn(&str) -> bool) {
    let mut next_initial = true;
    let mut prev_word: Option<Span> = None;
    for tok in toks.iter_mut() {
        tok.initial = next_initial || tok.after_break;
        next_initial = false;
        match tok.kind {
            TokKind::Punct => {
                let p = text.get(tok.f.start..tok.f.end).unwrap_or("");
                next_initial = opens_sentence(p);
                // "M. Tokaïev", "Gen. Smith", "J. Doe": the period of an abbreviation ends nothing.
                if p == "." {
                    if let Some(w) = prev_word.and_then(|w| text.get(w.start..w.end)) {
                        if w.chars().count() == 1 || abbreviations(w) {
                            next_initial = false;
                        }
                    }
                }
                prev_word = None;
            }
            _ => prev_word = Some(tok.f),
        }
    }
}

/// Index of the token starting at or after a folded offset.
pub(crate) fn token_at(toks: &[Tok], folded_offset: usize) -> usize {
    toks.partition_point(|t| t.f.start < folded_offset)
}

/// Index one past the last token ending at or before a folded offset.
pub(crate) fn token_end(toks: &[Tok], folded_offset: usize) -> usize {
    toks.partition_point(|t| t.f.end <= folded_offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::lexicon;

    fn words(text: &str, lang: &str) -> Vec<(String, TokKind, Case, bool)> {
        let lex = lexicon(lang);
        let folded = dateline_text::fold(text);
        scan(&folded, text, lex, &|w| lex.is_abbreviation(w))
            .into_iter()
            .map(|t| {
                (
                    text.get(t.o.start..t.o.end).unwrap_or("?").to_string(),
                    t.kind,
                    t.case,
                    t.initial,
                )
            })
            .collect()
    }

    #[test]
    fn french_elisions_split_off_the_name_they_precede() {
        let toks = words("de l'Arménie et d’Ivoire", "fr");
        let texts: Vec<&str> = toks.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(texts, ["de", "l'", "Arménie", "et", "d’", "Ivoire"]);
        assert_eq!(toks[1].1, TokKind::Elision);
        assert_eq!(toks[2].2, Case::Title);
    }

    #[test]
    fn possessives_and_inner_hyphens() {
        let toks = words("Kazakhstan's Kassym-Jomart OTSC", "en");
        let texts: Vec<&str> = toks.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(texts, ["Kazakhstan", "'s", "Kassym-Jomart", "OTSC"]);
        assert_eq!(toks[1].1, TokKind::Possessive);
        assert_eq!(toks[3].2, Case::Upper);
    }

    #[test]
    fn abbreviation_periods_do_not_start_sentences() {
        let toks = words("Hier, M. Dupont a parlé. Paris attend.", "fr");
        let dupont = toks.iter().find(|t| t.0 == "Dupont").map(|t| t.3);
        let paris = toks.iter().find(|t| t.0 == "Paris").map(|t| t.3);
        assert_eq!(dupont, Some(false));
        assert_eq!(paris, Some(true));
        assert_eq!(toks.first().map(|t| t.3), Some(true));
    }
}

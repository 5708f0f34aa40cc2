//! A folded token view of a document shared by the casualty and event readers:
//! every token's folded form (lowercase, no accents, straight apostrophes) in one
//! buffer, sentences as token ranges, and quoted regions. Built once per document.
//!
//! When the text layer has no tokens or sentences yet, a small private tokenizer
//! and sentence splitter stand in so the readers still work on plain text.

use dateline_model::{Reading, Span, Token, TokenKind};
use std::ops::Range;

pub(crate) struct Tok {
    pub span: Span,
    pub kind: TokenKind,
    folded: Range<usize>,
}

pub(crate) struct View {
    pub toks: Vec<Tok>,
    folded: String,
    /// Sentences as token index ranges, in order.
    pub sentences: Vec<Range<usize>>,
    /// Text regions inside quotation marks (byte spans), by start.
    pub quoted: Vec<Span>,
    /// `quoted_reach[i]`: the furthest end among `quoted[..=i]`, so a look-up walks
    /// back only over regions that can still hold a span.
    quoted_reach: Vec<usize>,
}

impl View {
    pub fn build(reading: &Reading, lang: &str) -> View {
        let text = reading.doc.text.as_str();
        let owned;
        let tokens: &[Token] = if reading.text.tokens.is_empty() {
            owned = tokenize(text, lang);
            &owned
        } else {
            &reading.text.tokens
        };
        let mut folded = String::with_capacity(text.len() + tokens.len());
        let mut toks = Vec::with_capacity(tokens.len());
        for token in tokens {
            let start = folded.len();
            fold_into(
                text.get(token.span.start..token.span.end).unwrap_or(""),
                &mut folded,
            );
            toks.push(Tok {
                span: token.span,
                kind: token.kind,
                folded: start..folded.len(),
            });
        }
        let sentences = if reading.text.sentences.is_empty() {
            split_sentences(text, &toks)
        } else {
            token_ranges(&toks, &reading.text.sentences)
        };
        // "U.S. Secretary of State", "Lt. Gen. Avril": a period glued to a word inside a
        // sentence (the splitter did not end the sentence there) abbreviates it; it is
        // no clause break for the phrase readers.
        for range in &sentences {
            for i in range.start + 1..range.end.saturating_sub(1) {
                let glued =
                    toks.get(i - 1).map(|p| p.span.end) == toks.get(i).map(|t| t.span.start);
                if let Some(tok) = toks.get_mut(i) {
                    if glued
                        && tok.kind == TokenKind::Punct
                        && text.get(tok.span.start..tok.span.end) == Some(".")
                    {
                        tok.kind = TokenKind::Symbol;
                    }
                }
            }
        }
        let mut quoted = quoted_regions(text);
        quoted.sort_by_key(|q| q.start);
        let mut furthest = 0;
        let quoted_reach = quoted
            .iter()
            .map(|q| {
                furthest = furthest.max(q.end);
                furthest
            })
            .collect();
        View {
            toks,
            folded,
            sentences,
            quoted,
            quoted_reach,
        }
    }

    /// The folded form of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.folded.get(t.folded.clone()))
            .unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn span(&self, i: usize) -> Span {
        self.toks.get(i).map(|t| t.span).unwrap_or_default()
    }

    /// The byte span covering tokens `range` (empty span when the range is empty).
    pub fn cover(&self, range: Range<usize>) -> Span {
        match (
            self.toks.get(range.start),
            range.end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(a), Some(b)) if range.start < range.end => Span::new(a.span.start, b.span.end),
            _ => Span::default(),
        }
    }

    /// Whether token `i` is punctuation that ends a clause (not quotes, hyphens or apostrophes).
    pub fn is_break_punct(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct))
            && !is_quote_mark(self.word(i))
            && !matches!(self.word(i), "-" | "'" | "/")
    }

    pub fn is_quote(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Punct | TokenKind::Symbol))
            && is_quote_mark(self.word(i))
    }

    /// The quoted region holding `span`, if any.
    pub fn quote_around(&self, span: Span) -> Option<Span> {
        // The innermost region holding it; binary search, then back while regions reach it.
        let to = self.quoted.partition_point(|q| q.start <= span.start);
        (0..to)
            .rev()
            .take_while(|&i| self.quoted_reach.get(i).is_some_and(|&e| e >= span.end))
            .filter_map(|i| self.quoted.get(i).copied())
            .filter(|q| q.contains(span))
            .min_by_key(|q| q.len())
    }

    /// The index of the sentence holding token `i`.
    pub fn sentence_of(&self, i: usize) -> Option<usize> {
        // Sentences are in order and disjoint: the first ending after `i` is the only candidate.
        let k = self.sentences.partition_point(|s| s.end <= i);
        self.sentences.get(k).filter(|s| s.contains(&i)).map(|_| k)
    }
}

fn is_quote_mark(word: &str) -> bool {
    matches!(
        word,
        "\"" | "«" | "»" | "“" | "”" | "„" | "‹" | "›" | "``" | "''"
    )
}

/// Lowercases, strips Latin diacritics and straightens apostrophes, appending to `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii() {
            // Most news text is ASCII: skip the Unicode tables.
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
            continue;
        }
        for lower in c.to_lowercase() {
            out.push(strip_accent(lower));
        }
    }
}

pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ğ' => 'g',
        'ł' => 'l',
        'ď' => 'd',
        'ť' | 'ţ' => 't',
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

/// Fallback tokenizer: words (with inner hyphens/apostrophes), French elisions
/// split off ("l'", "qu'"), digit groups ("2 000", "1,5"), punctuation.
pub(crate) fn tokenize(text: &str, lang: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |k: usize| chars.get(k).map(|(b, _)| *b).unwrap_or(text.len());
    let mut k = 0;
    while let Some(&(start, c)) = chars.get(k) {
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = k + 1;
            loop {
                match chars.get(j) {
                    Some((_, d)) if d.is_ascii_digit() => j += 1,
                    Some((_, ',' | '.'))
                        if chars.get(j + 1).is_some_and(|(_, d)| d.is_ascii_digit()) =>
                    {
                        j += 2
                    }
                    // A space between digit groups: "2 000" (exactly three digits follow).
                    Some((_, ' ' | '\u{a0}' | '\u{202f}'))
                        if (1..=3)
                            .all(|o| chars.get(j + o).is_some_and(|(_, d)| d.is_ascii_digit()))
                            && !chars.get(j + 4).is_some_and(|(_, d)| d.is_ascii_digit()) =>
                    {
                        j += 4
                    }
                    _ => break,
                }
            }
            out.push(Token {
                span: Span::new(start, end_of(j)),
                kind: TokenKind::Number,
            });
            k = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = k + 1;
            let mut elision_at = None;
            loop {
                match chars.get(j) {
                    Some((_, d)) if d.is_alphanumeric() => j += 1,
                    Some((_, d))
                        if (*d == '-' || is_apostrophe(*d))
                            && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphabetic()) =>
                    {
                        // "l'", "d'", "qu'", "lorsqu'": one or two letters, or ending in "qu".
                        let prefix = text
                            .get(start..chars.get(j).map(|(b, _)| *b).unwrap_or(start))
                            .unwrap_or("");
                        let elided = j - k <= 2 || prefix.to_lowercase().ends_with("qu");
                        if is_apostrophe(*d) && elision_at.is_none() && lang == "fr" && elided {
                            elision_at = Some(j + 1);
                        }
                        j += 1;
                    }
                    _ => break,
                }
            }
            if let Some(split) = elision_at {
                out.push(Token {
                    span: Span::new(start, end_of(split)),
                    kind: TokenKind::Elision,
                });
                out.push(Token {
                    span: Span::new(end_of(split), end_of(j)),
                    kind: TokenKind::Word,
                });
            } else {
                out.push(Token {
                    span: Span::new(start, end_of(j)),
                    kind: TokenKind::Word,
                });
            }
            k = j;
            continue;
        }
        let kind = if c.is_ascii_punctuation()
            || matches!(
                c,
                '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '…' | '–' | '—' | '\u{2019}'
            ) {
            TokenKind::Punct
        } else {
            TokenKind::Symbol
        };
        out.push(Token {
            span: Span::new(start, end_of(k + 1)),
            kind,
        });
        k += 1;
    }
    out
}

/// Fallback sentence splitter over tokens: ends at `.`, `!`, `?` before an
/// uppercase start or a line break, and at blank lines.
fn split_sentences(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        let Some(tok) = toks.get(i) else { break };
        let next = toks.get(i + 1);
        let gap = next
            .map(|n| text.get(tok.span.end..n.span.start).unwrap_or(""))
            .unwrap_or("");
        let word = text.get(tok.span.start..tok.span.end).unwrap_or("");
        let blank_line =
            gap.matches('\n').count() >= 2 || (gap.contains('\n') && !matches!(word, "," | ":"));
        let ender = matches!(word, "." | "!" | "?" | "…");
        let next_starts = next.is_some_and(|n| {
            let w = text.get(n.span.start..n.span.end).unwrap_or("");
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote_mark(w))
        });
        // "U.S. officials", "Lt. Gen.": a one- or two-letter capitalised word before the dot.
        let abbreviation = ender
            && word == "."
            && i > 0
            && toks.get(i - 1).is_some_and(|p| {
                let w = text.get(p.span.start..p.span.end).unwrap_or("");
                w.chars().count() <= 2
                    && w.chars().next().is_some_and(char::is_uppercase)
                    && p.span.end == tok.span.start
            });
        if blank_line
            || next.is_none()
            || (ender && !abbreviation && (next_starts || gap.contains('\n')))
        {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

fn token_ranges(toks: &[Tok], sentences: &[Span]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut i = 0;
    for s in sentences {
        while toks.get(i).is_some_and(|t| t.span.start < s.start) {
            i += 1;
        }
        let start = i;
        while toks.get(i).is_some_and(|t| t.span.end <= s.end) {
            i += 1;
        }
        if i > start {
            out.push(start..i);
        }
    }
    out
}

/// Regions between matching quotation marks: « », “ ”, and straight double quotes.
fn quoted_regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut straight: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '«' | '“' => stack.push((c, i + c.len_utf8())),
            '»' | '”' => {
                let open = if c == '»' { '«' } else { '“' };
                if let Some(pos) = stack.iter().rposition(|(o, _)| *o == open) {
                    let (_, start) = stack.remove(pos);
                    stack.truncate(pos);
                    if stack.is_empty() {
                        out.push(Span::new(start, i));
                    }
                }
            }
            '"' => match straight.take() {
                Some(start) => out.push(Span::new(start, i)),
                None => straight = Some(i + 1),
            },
            '\n' if text.get(i + 1..).is_some_and(|r| r.starts_with('\n')) => {
                stack.clear();
                straight = None;
            }
            _ => {}
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_elisions_and_grouped_numbers() {
        let text = "plus de 2 000 soldats de l'OTSC, aujourd'hui.";
        let toks = tokenize(text, "fr");
        let words: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        assert_eq!(
            words,
            [
                "plus",
                "de",
                "2 000",
                "soldats",
                "de",
                "l'",
                "OTSC",
                ",",
                "aujourd'hui",
                "."
            ]
        );
    }

    #[test]
    fn folding_strips_accents_and_case() {
        assert_eq!(fold("Décapités d’État"), "decapites d'etat");
    }

    #[test]
    fn nested_quotes_give_the_outer_region() {
        let text = "« Une «tentative» ici », dit-il.";
        let q = quoted_regions(text);
        assert_eq!(q.len(), 1);
        assert_eq!(&text[q[0].start..q[0].end], " Une «tentative» ici ");
    }
}

//! Tokens: words (with inner hyphens and apostrophes), elisions, grouped
//! numbers, punctuation and symbols, as byte spans of the text.

use dateline_model::{Span, Token, TokenKind};

use crate::fold::{fold_into, fold_str, is_letter, is_letter_or_digit};
use crate::lexicon::{flag, lexicon, Lexicon, Set};

/// The per-language rules the tokenizer needs, from resource files.
#[derive(Debug, Default)]
pub(crate) struct TokenRules {
    /// Folded elided forms with their apostrophe ("l'", "qu'").
    pub elisions: Set<String>,
    /// Folded suffixes split off a word's end ("'s", "n't").
    pub clitics: Vec<String>,
}

/// Splits a text into tokens (whitespace is dropped). Never fails.
///
/// ```
/// use dateline_model::TokenKind;
/// let text = "l’OTSC : 2 000 soldats";
/// let tokens = dateline_text::tokenize(text, "fr");
/// let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
/// assert_eq!(kinds, [TokenKind::Elision, TokenKind::Word, TokenKind::Punct, TokenKind::Number, TokenKind::Word]);
/// ```
pub fn tokenize(text: &str, lang: &str) -> Vec<Token> {
    tokenize_with(text, &lexicon(lang).rules)
}

pub(crate) fn tokenize_with(text: &str, rules: &TokenRules) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut key = String::new();
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b == b' ' || b == b'\n' {
            i += 1;
            continue;
        }
        let Some(c) = char_at(text, i) else { break };
        let width = c.len_utf8();
        if c.is_whitespace() || is_invisible(c) {
            i += width;
        } else if is_letter(c) || is_mark(c) {
            i = scan_word(text, i, rules, &mut key, &mut tokens);
        } else if c.is_ascii_digit() {
            let end = scan_number(text, i);
            tokens.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Number,
            });
            i = end;
        } else if c.is_numeric() {
            // Digits of other scripts: one run is one number, no grouping rules.
            let mut end = i + width;
            while let Some(d) = char_at(text, end).filter(|d| d.is_numeric()) {
                end += d.len_utf8();
            }
            tokens.push(Token {
                span: Span::new(i, end),
                kind: TokenKind::Number,
            });
            i = end;
        } else if c == '.' && text.get(i..i + 3) == Some("...") {
            tokens.push(Token {
                span: Span::new(i, i + 3),
                kind: TokenKind::Punct,
            });
            i += 3;
        } else {
            let kind = if is_punct(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            tokens.push(Token {
                span: Span::new(i, i + width),
                kind,
            });
            i += width;
        }
    }
    tokens
}

#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|rest| rest.chars().next())
}

/// The char that ends just before byte `i`.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|head| head.chars().next_back())
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

fn is_mark(c: char) -> bool {
    // Combining marks of the common scripts continue a word.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x0E31..=0x0E3A | 0x0E47..=0x0E4E)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Unicode punctuation (general category P*) for the characters news uses;
/// other non-alphanumeric characters are symbols.
pub(crate) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation()
            && !matches!(c, '$' | '+' | '<' | '=' | '>' | '^' | '`' | '|' | '~');
    }
    matches!(c, '«' | '»' | '¡' | '¿' | '§' | '¶' | '·' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}')
}

fn continues_word(c: char) -> bool {
    is_letter_or_digit(c) || is_mark(c)
}

/// Scans a word from `start`, pushing it (and any elision or clitic split
/// off it); returns where scanning goes on.
fn scan_word(
    text: &str,
    start: usize,
    rules: &TokenRules,
    key: &mut String,
    tokens: &mut Vec<Token>,
) -> usize {
    let mut end = start;
    let bytes = text.as_bytes();
    loop {
        // ASCII letters and digits are most of a word: no char decoding for them.
        while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
            end += 1;
        }
        let Some(c) = char_at(text, end) else { break };
        if continues_word(c) {
            end += c.len_utf8();
            continue;
        }
        let joiner = is_hyphen(c) || is_apostrophe(c);
        if !joiner {
            break;
        }
        let after = end + c.len_utf8();
        if is_apostrophe(c) && !rules.elisions.is_empty() {
            key.clear();
            fold_into(text.get(start..after).unwrap_or(""), key);
            if rules.elisions.contains(key.as_str()) {
                tokens.push(Token {
                    span: Span::new(start, after),
                    kind: TokenKind::Elision,
                });
                return after;
            }
        }
        // Only a letter after the joiner keeps the word going ("Kassym-Jomart",
        // "aujourd'hui"); otherwise it is punctuation ("Reuters'", "anti- ").
        match char_at(text, after) {
            Some(next) if is_letter(next) || (is_hyphen(c) && next.is_ascii_digit()) => end = after,
            _ => break,
        }
    }
    let split = clitic_split(text, start, end, rules, key);
    if split > start && split < end {
        tokens.push(Token {
            span: Span::new(start, split),
            kind: TokenKind::Word,
        });
        tokens.push(Token {
            span: Span::new(split, end),
            kind: TokenKind::Word,
        });
    } else {
        tokens.push(Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        });
    }
    end
}

/// Where a clitic suffix starts in the word `start..end`, or `end` if none.
fn clitic_split(
    text: &str,
    start: usize,
    end: usize,
    rules: &TokenRules,
    key: &mut String,
) -> usize {
    if rules.clitics.is_empty() {
        return end;
    }
    let word = text.get(start..end).unwrap_or("");
    if !word.contains(is_apostrophe) {
        return end;
    }
    key.clear();
    fold_into(word, key);
    for clitic in &rules.clitics {
        if key.len() > clitic.len() && key.ends_with(clitic.as_str()) {
            // Clitic chars fold one to one, so count chars back from the end.
            let n = clitic.chars().count();
            if let Some((at, _)) = word.char_indices().rev().nth(n - 1) {
                return start + at;
            }
        }
    }
    end
}

fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn digits_from(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = i;
    while bytes.get(end).is_some_and(u8::is_ascii_digit) {
        end += 1;
    }
    end
}

/// Scans a number with its grouping and decimal marks: "2 000", "2,000",
/// "2.000", "1,5", "3.2", "1,234,567.89". Spaces group only runs of exactly
/// three digits after a first group of at most three, so "en 2022 500" is two numbers.
fn scan_number(text: &str, start: usize) -> usize {
    let first_end = digits_from(text, start);
    let mut end = first_end;
    let mut space_grouping = first_end - start <= 3;
    let mut marks = 0;
    while let Some(c) = char_at(text, end) {
        let after = end + c.len_utf8();
        if matches!(c, ',' | '.') {
            let run_end = digits_from(text, after);
            if run_end == after {
                break;
            }
            end = run_end;
            marks += 1;
            space_grouping = false;
            if run_end - after != 3 || marks > 8 {
                break; // a decimal part ends the number
            }
            continue;
        }
        if space_grouping && is_group_space(c) {
            let run_end = digits_from(text, after);
            let next = char_at(text, run_end);
            if run_end - after == 3 && !next.is_some_and(|n| n.is_alphanumeric()) {
                end = run_end;
                continue;
            }
        }
        break;
    }
    end
}

/// Folded text of every token, in one buffer, with the lexicon flags of
/// each: the matching keys of lexicons.
pub(crate) struct Keys {
    arena: String,
    bounds: Vec<(u32, u32)>,
    flags: Vec<u16>,
}

impl Keys {
    pub fn new(text: &str, tokens: &[Token], lex: &Lexicon) -> Keys {
        let mut arena = String::with_capacity(text.len());
        let mut bounds = Vec::with_capacity(tokens.len());
        let mut flags = Vec::with_capacity(tokens.len());
        for token in tokens {
            let from = arena.len();
            fold_into(
                text.get(token.span.start..token.span.end).unwrap_or(""),
                &mut arena,
            );
            let key = arena.get(from..).unwrap_or("");
            flags.push(match token.kind {
                TokenKind::Number => flag::NUMERIC,
                TokenKind::Word | TokenKind::Elision => lex.flags_of(key),
                TokenKind::Punct | TokenKind::Symbol => 0,
            });
            bounds.push((from as u32, arena.len() as u32));
        }
        Keys {
            arena,
            bounds,
            flags,
        }
    }

    /// The folded text of token `i`; empty past the end.
    pub fn get(&self, i: usize) -> &str {
        self.bounds
            .get(i)
            .and_then(|&(a, b)| self.arena.get(a as usize..b as usize))
            .unwrap_or("")
    }

    /// The `flag` bits of token `i`; 0 past the end.
    pub fn flags(&self, i: usize) -> u16 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.bounds.len()
    }
}

/// Folded keys of a phrase from a resource file, tokenized like text.
pub(crate) fn phrase_keys(phrase: &str, rules: &TokenRules) -> Vec<String> {
    tokenize_with(phrase, rules)
        .iter()
        .map(|t| fold_str(phrase.get(t.span.start..t.span.end).unwrap_or("")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(text: &str, lang: &str) -> Vec<(String, TokenKind)> {
        tokenize(text, lang)
            .iter()
            .map(|t| (text[t.span.start..t.span.end].to_string(), t.kind))
            .collect()
    }

    fn texts(text: &str, lang: &str) -> Vec<String> {
        show(text, lang).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn french_elisions_are_their_own_tokens() {
        use TokenKind::*;
        assert_eq!(
            show("l’OTSC jusqu'à qu'il d'«islamistes» L'Arménie", "fr"),
            vec![
                ("l’".into(), Elision),
                ("OTSC".into(), Word),
                ("jusqu'".into(), Elision),
                ("à".into(), Word),
                ("qu'".into(), Elision),
                ("il".into(), Word),
                ("d'".into(), Elision),
                ("«".into(), Punct),
                ("islamistes".into(), Word),
                ("»".into(), Punct),
                ("L'".into(), Elision),
                ("Arménie".into(), Word),
            ]
        );
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay_in_words() {
        assert_eq!(
            texts("aujourd'hui Kassym-Jomart Tokaïev, vingt-six", "fr"),
            ["aujourd'hui", "Kassym-Jomart", "Tokaïev", ",", "vingt-six"]
        );
        assert_eq!(
            texts("O'Brien COVID-19 anti- rien", "en"),
            ["O'Brien", "COVID-19", "anti", "-", "rien"]
        );
    }

    #[test]
    fn english_clitics_split() {
        assert_eq!(
            texts("Russia's army don't Reuters' O'Neill’s", "en"),
            ["Russia", "'s", "army", "do", "n't", "Reuters", "'", "O'Neill", "’s"]
        );
        // French has no clitic list: "l'homme's" is not a thing, and "aujourd'hui" stays.
        assert_eq!(texts("aujourd'hui", "fr"), ["aujourd'hui"]);
    }

    #[test]
    fn grouped_numbers_are_one_token() {
        for (text, number) in [
            ("2 000 soldats", "2 000"),
            ("2\u{a0}000 soldats", "2\u{a0}000"),
            ("2\u{202f}000 soldats", "2\u{202f}000"),
            ("2,000 troops", "2,000"),
            ("2.000 soldats", "2.000"),
            ("1,5 million", "1,5"),
            ("3.2 million", "3.2"),
            ("1,234,567.89 dollars", "1,234,567.89"),
            ("12 000 000 habitants", "12 000 000"),
        ] {
            let tokens = tokenize(text, "fr");
            assert_eq!(tokens[0].kind, TokenKind::Number, "{text}");
            assert_eq!(
                &text[tokens[0].span.start..tokens[0].span.end],
                number,
                "{text}"
            );
        }
    }

    #[test]
    fn numbers_do_not_swallow_neighbours() {
        assert_eq!(
            texts("en 2022 500 personnes", "fr"),
            ["en", "2022", "500", "personnes"]
        );
        assert_eq!(texts("26 et 18.", "fr"), ["26", "et", "18", "."]);
        assert_eq!(
            texts("10h30, 10/01/2022", "fr"),
            ["10", "h30", ",", "10", "/", "01", "/", "2022"]
        );
        assert_eq!(texts("01 23 45", "fr"), ["01", "23", "45"]);
        assert_eq!(texts("3 000e", "fr"), ["3", "000", "e"]);
    }

    #[test]
    fn punctuation_and_symbols() {
        use TokenKind::*;
        let kinds: Vec<TokenKind> = tokenize("clairement [...] 5 % $ «x»…", "fr")
            .iter()
            .map(|t| t.kind)
            .collect();
        assert_eq!(
            kinds,
            [Word, Punct, Punct, Punct, Number, Punct, Symbol, Punct, Word, Punct, Punct]
        );
    }

    #[test]
    fn unknown_language_and_odd_input_do_not_panic() {
        assert_eq!(texts("l'homme", "xx"), ["l'homme"]);
        assert!(tokenize("", "fr").is_empty());
        assert_eq!(
            texts("Москва 2\u{202f}000 ٣٤٥", "ru"),
            ["Москва", "2\u{202f}000", "٣٤٥"]
        );
        let junk = "\u{301}'-.,1,";
        let _ = tokenize(junk, "fr");
    }
}

//! Quantities: digits with their grouping, number words, vague quantities and
//! hedges ("plus de 2 000", "des centaines", "about 50"), read as ranges.
//!
//! Conventions (documented choices, since the text gives no more):
//! - "more than N" / "plus de N": `min = N`, `max = None`, not approximate; the
//!   bound is exclusive in the text but recorded as N (nothing is invented).
//! - "at least N": `min = N`, `max = None`. "fewer than N" / "up to N": `min = None`, `max = N`.
//! - "about / some / nearly / près de N": `min = max = N`, approximate.
//! - "between A and B": `min = A`, `max = B`. Vague quantities come from the
//!   language's `vague_quantities.tsv` and are always approximate.

use dateline_model::{Quantity, Span, Token, TokenKind};

use crate::lexicon::{flag, lexicon, Hedge, Lexicon, NumberWord, NumberWordKind};
use crate::tokens::Keys;

/// Years read as dates, not counts, when written bare ("en 2022", "the 2022 vote").
const YEAR_LIKE: std::ops::RangeInclusive<f64> = 1900.0..=2100.0;

/// The value of a digit token: spaces group thousands; of `,` and `.`, the
/// language's decimal mark is decimal unless the same mark repeats ("1,234,567")
/// or both appear (the last is decimal). Without a language, one mark before
/// exactly three digits groups ("2.000", "2,000").
///
/// ```
/// assert_eq!(dateline_text::parse_digits("2\u{202f}000", "fr"), Some(2000.0));
/// assert_eq!(dateline_text::parse_digits("1,5", "fr"), Some(1.5));
/// assert_eq!(dateline_text::parse_digits("2.000", "fr"), Some(2000.0));
/// assert_eq!(dateline_text::parse_digits("2,000", "en"), Some(2000.0));
/// assert_eq!(dateline_text::parse_digits("3.2", "en"), Some(3.2));
/// ```
pub fn parse_digits(s: &str, lang: &str) -> Option<f64> {
    parse_digits_with(s, lexicon(lang).decimal)
}

pub(crate) fn parse_digits_with(s: &str, decimal: Option<char>) -> Option<f64> {
    let mut digits = String::with_capacity(s.len());
    let (mut commas, mut dots, mut last_mark, mut after_last) = (0, 0, None, 0usize);
    let mut spaces = false;
    for c in s.chars() {
        match c {
            '0'..='9' => {
                digits.push(c);
                after_last += 1;
            }
            ',' | '.' => {
                if c == ',' {
                    commas += 1
                } else {
                    dots += 1
                }
                last_mark = Some((c, digits.len()));
                after_last = 0;
            }
            c if c.is_whitespace() => spaces = true,
            _ => return None,
        }
    }
    if digits.is_empty() {
        return None;
    }
    let decimal_at = match last_mark {
        None => None,
        Some((mark, at)) => {
            let repeated = if mark == ',' { commas > 1 } else { dots > 1 };
            let mixed = commas > 0 && dots > 0;
            let int_part_zero = digits
                .get(..at)
                .is_some_and(|p| p.bytes().all(|b| b == b'0'));
            let decimal_part_zeros = digits
                .get(at..)
                .is_some_and(|p| p.bytes().all(|b| b == b'0'));
            if mixed {
                Some(at)
            } else if repeated {
                None
            } else if after_last != 3 || int_part_zero || spaces {
                Some(at)
            } else if decimal == Some(mark) {
                // "1,500" is 1.5 in French, but nobody writes "2,000" for 2.0:
                // trailing zeros point to a thousands group from English copy.
                (!decimal_part_zeros).then_some(at)
            } else {
                None
            }
        }
    };
    let value = match decimal_at {
        Some(at) => {
            let (int, frac) = (digits.get(..at)?, digits.get(at..)?);
            format!("{int}.{frac}").parse::<f64>().ok()?
        }
        None => digits.parse::<f64>().ok()?,
    };
    Some(value)
}

/// A number read at some token: its value and the token index after it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Reading {
    pub value: f64,
    pub end: usize,
}

fn slice(text: &str, span: Span) -> &str {
    text.get(span.start..span.end).unwrap_or("")
}

fn adjacent(a: Option<&Token>, b: Option<&Token>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.span.end == b.span.start)
}

/// The number-word parts of one folded token: the whole key, or its
/// hyphen-separated parts matched longest first ("quatre-vingt-dix" + "sept").
fn word_parts(key: &str, lex: &Lexicon, parts: &mut Vec<NumberWord>, buf: &mut String) -> bool {
    parts.clear();
    if let Some(w) = lex.number_words.get(key) {
        parts.push(*w);
        return true;
    }
    if !key.contains('-') {
        return false;
    }
    let pieces: Vec<&str> = key.split('-').collect();
    let mut i = 0;
    while i < pieces.len() {
        let mut found = false;
        for len in (1..=(pieces.len() - i).min(4)).rev() {
            buf.clear();
            for (n, piece) in pieces.iter().skip(i).take(len).enumerate() {
                if n > 0 {
                    buf.push('-');
                }
                buf.push_str(piece);
            }
            if let Some(w) = lex.number_words.get(buf.as_str()) {
                parts.push(*w);
                i += len;
                found = true;
                break;
            }
        }
        if !found {
            return false;
        }
    }
    true
}

/// Running value of a sequence of number words.
#[derive(Clone, Copy, Default)]
struct WordSum {
    total: f64,
    current: f64,
    seen: bool,
    article: bool,
    last: Option<NumberWordKind>,
}

impl WordSum {
    /// Adds one word; `false` when it cannot continue this number
    /// ("deux trois" is two numbers, not five).
    fn push(&mut self, word: NumberWord) -> bool {
        match word.kind {
            NumberWordKind::Add => {
                let v = word.value;
                let rest = self.current % 100.0;
                if self.article || (rest != 0.0 && (rest < 20.0 || v >= 10.0 || rest % 10.0 != 0.0))
                {
                    return false;
                }
                self.current += v;
            }
            NumberWordKind::Article if self.seen => {
                let rest = self.current % 100.0;
                if rest != 0.0 && (rest < 20.0 || rest % 10.0 != 0.0) {
                    return false;
                }
                self.current += 1.0;
            }
            NumberWordKind::Article => {
                if self.article {
                    return false;
                }
                self.article = true;
                self.last = Some(NumberWordKind::Article);
                return true;
            }
            NumberWordKind::Hundred => {
                if self.current >= 100.0 {
                    return false;
                }
                self.current = self.current.max(1.0) * 100.0;
                self.article = false;
            }
            NumberWordKind::Scale => {
                if self.seen && self.current == 0.0 && self.last == Some(NumberWordKind::Scale) {
                    return false;
                }
                self.total += self.current.max(1.0) * word.value;
                self.current = 0.0;
                self.article = false;
            }
            NumberWordKind::And => {
                return self.seen && !self.article;
            }
            NumberWordKind::Of => return false,
        }
        self.seen = true;
        self.last = Some(word.kind);
        true
    }

    fn value(&self) -> Option<f64> {
        (self.seen && !self.article).then_some(self.total + self.current)
    }
}

/// Reads number words from token `j` ("vingt-six", "one hundred and five", "a dozen").
fn read_words(keys: &Keys, lex: &Lexicon, j: usize) -> Option<Reading> {
    let here = keys.flags(j);
    let article_alone = here & flag::ARTICLE != 0 && keys.flags(j + 1) & flag::NUMBER_WORD == 0;
    if here & (flag::NUMBER_WORD | flag::ARTICLE) == 0 || article_alone {
        return None;
    }
    let mut sum = WordSum::default();
    let mut parts = Vec::new();
    let mut buf = String::new();
    let mut end = j;
    let mut k = j;
    while k < keys.len() {
        if !word_parts(keys.get(k), lex, &mut parts, &mut buf) {
            break;
        }
        let mut trial = sum;
        if !parts.iter().all(|&p| trial.push(p)) {
            break;
        }
        // A trailing "and"/"et" only counts when a number follows it.
        if trial.last == Some(NumberWordKind::And)
            || parts.last().is_some_and(|p| p.kind == NumberWordKind::And)
        {
            k += 1;
            sum = trial;
            continue;
        }
        sum = trial;
        k += 1;
        end = k;
    }
    let value = sum.value()?;
    (end > j).then_some(Reading { value, end })
}

/// Reads a digit token at `j` (with a following scale word: "1,5 million"),
/// rejecting ordinals, times, and bare years unless `hedged`.
fn read_digits(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    j: usize,
    hedged: bool,
) -> Option<Reading> {
    let token = tokens.get(j).filter(|t| t.kind == TokenKind::Number)?;
    let s = slice(text, token.span);
    let mut value = parse_digits_with(s, lex.decimal)?;
    let next = tokens.get(j + 1);
    if adjacent(Some(token), next) {
        let n = next.map_or("", |t| slice(text, t.span));
        let is_word = next.is_some_and(|t| t.kind == TokenKind::Word);
        let then_digit = adjacent(next, tokens.get(j + 2))
            && tokens
                .get(j + 2)
                .is_some_and(|t| t.kind == TokenKind::Number);
        let then_word = adjacent(next, tokens.get(j + 2))
            && tokens.get(j + 2).is_some_and(|t| t.kind == TokenKind::Word);
        // "1er", "21st", "10h30", "10:30", "10/01", "10.01.2022", "282295-kazakhstan"
        // (a URL slug), "4-year-old": not counts of things.
        if is_word || (matches!(n, ":" | "/" | "." | "-") && then_digit) || (n == "-" && then_word)
        {
            return None;
        }
    }
    let prev = j.checked_sub(1).and_then(|p| tokens.get(p));
    if adjacent(prev, Some(token)) {
        let p = prev.map_or("", |t| slice(text, t.span));
        let digit_before = j
            .checked_sub(2)
            .and_then(|b| tokens.get(b))
            .is_some_and(|t| t.kind == TokenKind::Number);
        // "/" glues path segments in URLs; a digit after one is an identifier.
        if (matches!(p, ":" | "." | "-") && digit_before)
            || p == "/"
            || prev.is_some_and(|t| t.kind == TokenKind::Word)
        {
            return None;
        }
    }
    let mut end = j + 1;
    match lex.number_words.get(keys.get(j + 1)) {
        Some(w) if w.kind == NumberWordKind::Scale => {
            value *= w.value;
            end += 1;
        }
        _ => {
            let bare_year =
                s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && YEAR_LIKE.contains(&value);
            if bare_year && !hedged {
                return None;
            }
        }
    }
    Some(Reading { value, end })
}

fn read_number(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    j: usize,
    hedged: bool,
) -> Option<Reading> {
    read_digits(text, tokens, keys, lex, j, hedged).or_else(|| read_words(keys, lex, j))
}

/// Reads a count at token `j` for relative dates ("trois jours", "un mois", "a week").
pub(crate) fn read_count(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    j: usize,
) -> Option<Reading> {
    if let Some(r) = read_number(text, tokens, keys, lex, j, true) {
        return Some(r);
    }
    match lex.number_words.get(keys.get(j)) {
        Some(w) if w.kind == NumberWordKind::Article => Some(Reading {
            value: 1.0,
            end: j + 1,
        }),
        _ => None,
    }
}

/// A vague quantity at `j` ("des centaines", "tens of thousands"): range and end.
fn read_vague(keys: &Keys, lex: &Lexicon, j: usize) -> Option<(f64, Option<f64>, usize)> {
    if keys.flags(j) & flag::VAGUE == 0 {
        return None;
    }
    let (len, &(mut min, mut max)) = lex.vague.longest(keys, j)?;
    let mut end = j + len;
    let of = lex.number_words.get(keys.get(end));
    let scale = lex.number_words.get(keys.get(end + 1));
    if let (Some(of), Some(scale)) = (of, scale) {
        if of.kind == NumberWordKind::Of && scale.kind == NumberWordKind::Scale {
            min *= scale.value;
            max = max.map(|m| m * scale.value);
            end += 2;
        }
    }
    Some((min, max, end))
}

/// Quantities in `text`, skipping tokens that overlap a `blocked` span (dates).
pub(crate) fn find_quantities(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    blocked: &[Span],
) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut blocked_at = 0;
    let is_blocked = |range: std::ops::Range<usize>, from: &mut usize| -> bool {
        let (Some(first), Some(last)) = (
            tokens.get(range.start),
            range.end.checked_sub(1).and_then(|l| tokens.get(l)),
        ) else {
            return true;
        };
        let span = Span::new(first.span.start, last.span.end);
        while blocked.get(*from).is_some_and(|b| b.end <= span.start) {
            *from += 1;
        }
        blocked.get(*from).is_some_and(|b| b.overlaps(span))
    };
    let mut i = 0;
    while i < tokens.len() {
        if keys.flags(i) & flag::QUANTITY_START == 0 {
            i += 1;
            continue;
        }
        let hedge = (keys.flags(i) & flag::HEDGE != 0)
            .then(|| lex.hedges.longest(keys, i))
            .flatten()
            .filter(|(_, h)| **h != Hedge::BetweenAnd);
        let (hedge, core) = match hedge {
            Some((len, &h)) => (Some(h), i + len),
            None => (None, i),
        };
        let found = read_one(text, tokens, keys, lex, i, core, hedge);
        match found {
            Some((start, end, min, max, approximate))
                if !is_blocked(start..end, &mut blocked_at) =>
            {
                let span = match (
                    tokens.get(start),
                    end.checked_sub(1).and_then(|l| tokens.get(l)),
                ) {
                    (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
                    _ => break,
                };
                out.push(Quantity {
                    span,
                    min,
                    max,
                    approximate,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

type Found = (usize, usize, Option<f64>, Option<f64>, bool);

/// One quantity starting at token `i` whose number starts at `core` (after a hedge).
fn read_one(
    text: &str,
    tokens: &[Token],
    keys: &Keys,
    lex: &Lexicon,
    i: usize,
    core: usize,
    hedge: Option<Hedge>,
) -> Option<Found> {
    if let Some((min, max, end)) = read_vague(keys, lex, core) {
        let (min, max) = match hedge {
            Some(Hedge::More | Hedge::AtLeast) => (Some(min), None),
            Some(Hedge::Less | Hedge::UpTo) => (None, max.or(Some(min))),
            _ => (Some(min), max),
        };
        let start = if hedge.is_some() { i } else { core };
        return Some((start, end, min, max, true));
    }
    let Some(first) = read_number(text, tokens, keys, lex, core, hedge.is_some()) else {
        // A hedge word without a number ("over the border") may still start one.
        return if hedge.is_some() {
            read_one(text, tokens, keys, lex, i, i, None).filter(|_| core != i)
        } else {
            None
        };
    };
    let v = first.value;
    Some(match hedge {
        None => (core, first.end, Some(v), Some(v), false),
        Some(Hedge::More | Hedge::AtLeast) => (i, first.end, Some(v), None, false),
        Some(Hedge::Less | Hedge::UpTo) => (i, first.end, None, Some(v), false),
        Some(Hedge::About) => (i, first.end, Some(v), Some(v), true),
        Some(Hedge::Between) => {
            let second = lex
                .hedges
                .longest(keys, first.end)
                .filter(|(_, h)| **h == Hedge::BetweenAnd)
                .and_then(|(len, _)| read_number(text, tokens, keys, lex, first.end + len, true));
            match second {
                Some(b) if b.value >= v => (i, b.end, Some(v), Some(b.value), false),
                _ => (core, first.end, Some(v), Some(v), false),
            }
        }
        Some(Hedge::BetweenAnd) => (core, first.end, Some(v), Some(v), false),
    })
}

/// Quantities of a text on its own (dates found in it are not counted).
///
/// ```
/// let text = "Le 10 janvier, plus de 2 000 soldats et des centaines de blessés.";
/// let tokens = dateline_text::tokenize(text, "fr");
/// let found = dateline_text::quantities(text, &tokens, "fr");
/// assert_eq!(found.len(), 2);
/// assert_eq!((found[0].min, found[0].max), (Some(2000.0), None));
/// assert_eq!(&text[found[1].span.start..found[1].span.end], "des centaines");
/// ```
pub fn quantities(text: &str, tokens: &[Token], lang: &str) -> Vec<Quantity> {
    let lex = lexicon(lang);
    let keys = Keys::new(text, tokens, lex);
    let dates = crate::dates::find_dates(text, tokens, &keys, lex, None);
    let blocked: Vec<Span> = dates.iter().map(|d| d.span).collect();
    find_quantities(text, tokens, &keys, lex, &blocked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;

    /// (text, min, max, approximate) of every quantity.
    fn read(text: &str, lang: &str) -> Vec<(String, Option<f64>, Option<f64>, bool)> {
        let tokens = tokenize(text, lang);
        quantities(text, &tokens, lang)
            .iter()
            .map(|q| {
                (
                    text[q.span.start..q.span.end].to_string(),
                    q.min,
                    q.max,
                    q.approximate,
                )
            })
            .collect()
    }

    fn exact(s: &str, v: f64) -> (String, Option<f64>, Option<f64>, bool) {
        (s.to_string(), Some(v), Some(v), false)
    }

    #[test]
    fn digits_with_grouping() {
        assert_eq!(
            read("2 000 soldats, 2\u{a0}000 et 2\u{202f}000", "fr"),
            [
                exact("2 000", 2000.0),
                exact("2\u{a0}000", 2000.0),
                exact("2\u{202f}000", 2000.0)
            ]
        );
        assert_eq!(
            read("2.000 soldats et 12 000 civils, 26 morts", "fr"),
            [
                exact("2.000", 2000.0),
                exact("12 000", 12000.0),
                exact("26", 26.0)
            ]
        );
        assert_eq!(
            read("2,000 troops and 3.2 percent", "en"),
            [exact("2,000", 2000.0), exact("3.2", 3.2)]
        );
        assert_eq!(read("1,500 dollars", "fr"), [exact("1,500", 1.5)]);
        assert_eq!(read("2,000 soldats", "fr"), [exact("2,000", 2000.0)]);
        assert_eq!(read("1,234,567.5", "en"), [exact("1,234,567.5", 1234567.5)]);
    }

    #[test]
    fn scales_multiply() {
        assert_eq!(
            read("1,5 million de personnes et 2 milliards d'euros", "fr"),
            [exact("1,5 million", 1.5e6), exact("2 milliards", 2e9)]
        );
        assert_eq!(
            read("3.2 million people and 1.2 billion dollars", "en"),
            [exact("3.2 million", 3.2e6), exact("1.2 billion", 1.2e9)]
        );
    }

    #[test]
    fn french_number_words() {
        for (text, value) in [
            ("deux mille", 2000.0),
            ("vingt-six", 26.0),
            ("soixante-dix", 70.0),
            ("quatre-vingt-dix-sept", 97.0),
            ("trois cents", 300.0),
            ("vingt et un", 21.0),
            ("soixante-et-onze", 71.0),
            ("mille deux cents", 1200.0),
            ("un million", 1e6),
            ("dix-huit", 18.0),
        ] {
            assert_eq!(
                read(&format!("{text} soldats"), "fr"),
                [exact(text, value)],
                "{text}"
            );
        }
        // Two numbers side by side are not summed.
        assert_eq!(
            read("deux trois", "fr"),
            [exact("deux", 2.0), exact("trois", 3.0)]
        );
        // "un" alone is an article.
        assert!(read("un soldat", "fr").is_empty());
    }

    #[test]
    fn english_number_words() {
        for (text, value) in [
            ("a dozen", 12.0),
            ("twenty-one", 21.0),
            ("one hundred and five", 105.0),
            ("two thousand", 2000.0),
            ("two dozen", 24.0),
            ("a hundred", 100.0),
            ("three hundred thousand", 300000.0),
        ] {
            assert_eq!(
                read(&format!("{text} people"), "en"),
                [exact(text, value)],
                "{text}"
            );
        }
        assert!(read("a man and a woman", "en").is_empty());
        assert_eq!(
            read("one and two", "en"),
            [exact("one", 1.0), exact("two", 2.0)]
        );
    }

    #[test]
    fn vague_quantities_are_ranges() {
        let v = |s: &str, min: f64, max: Option<f64>| (s.to_string(), Some(min), max, true);
        assert_eq!(
            read("Des centaines de blessés", "fr"),
            [v("Des centaines", 200.0, None)]
        );
        assert_eq!(
            read("des dizaines de morts, des milliers de personnes", "fr"),
            [
                v("des dizaines", 20.0, None),
                v("des milliers", 2000.0, None)
            ]
        );
        assert_eq!(
            read("des dizaines de milliers de manifestants", "fr"),
            [v("des dizaines de milliers", 20000.0, None)]
        );
        assert_eq!(
            read("plusieurs soldats, une dizaine de blessés", "fr"),
            [
                v("plusieurs", 2.0, None),
                v("une dizaine", 10.0, Some(10.0))
            ]
        );
        assert_eq!(
            read("dozens of people, hundreds of homes, thousands fled", "en"),
            [
                v("dozens", 24.0, None),
                v("hundreds", 200.0, None),
                v("thousands", 2000.0, None)
            ]
        );
        assert_eq!(
            read("tens of thousands marched; several were hurt", "en"),
            [
                v("tens of thousands", 20000.0, None),
                v("several", 2.0, None)
            ]
        );
    }

    #[test]
    fn hedges_bound_the_number() {
        let q = |s: &str, min: Option<f64>, max: Option<f64>, a: bool| (s.to_string(), min, max, a);
        assert_eq!(
            read("plus de 2 000 soldats", "fr"),
            [q("plus de 2 000", Some(2000.0), None, false)]
        );
        assert_eq!(
            read("more than 2,000 troops", "en"),
            [q("more than 2,000", Some(2000.0), None, false)]
        );
        assert_eq!(
            read("au moins 18 morts", "fr"),
            [q("au moins 18", Some(18.0), None, false)]
        );
        assert_eq!(
            read("at least 18 dead", "en"),
            [q("at least 18", Some(18.0), None, false)]
        );
        assert_eq!(
            read("environ 50 personnes, près de 100 blessés", "fr"),
            [
                q("environ 50", Some(50.0), Some(50.0), true),
                q("près de 100", Some(100.0), Some(100.0), true)
            ]
        );
        assert_eq!(
            read("about 50, some 50, nearly 100", "en"),
            [
                q("about 50", Some(50.0), Some(50.0), true),
                q("some 50", Some(50.0), Some(50.0), true),
                q("nearly 100", Some(100.0), Some(100.0), true)
            ]
        );
        assert_eq!(
            read("jusqu'à 30 morts, up to 30", "fr"),
            [q("jusqu'à 30", None, Some(30.0), false), exact("30", 30.0)]
        );
        assert_eq!(
            read("up to 30 dead", "en"),
            [q("up to 30", None, Some(30.0), false)]
        );
        assert_eq!(
            read("entre 10 et 20 morts", "fr"),
            [q("entre 10 et 20", Some(10.0), Some(20.0), false)]
        );
        assert_eq!(
            read("between 10 and 20 dead", "en"),
            [q("between 10 and 20", Some(10.0), Some(20.0), false)]
        );
        assert_eq!(
            read("more than a dozen", "en"),
            [q("more than a dozen", Some(12.0), None, false)]
        );
        assert_eq!(
            read("plus de 2000 soldats", "fr"),
            [q("plus de 2000", Some(2000.0), None, false)]
        );
    }

    #[test]
    fn dates_times_years_and_ordinals_are_not_quantities() {
        assert!(read("le 10 janvier 2022 à 10h30, en 2022, le 1er mars", "fr").is_empty());
        assert!(read(
            "On Jan. 5, at 10:30, in 2021, the 21st time, 10/01/2022",
            "en"
        )
        .is_empty());
        assert!(read("the 2022 elections", "en").is_empty());
        assert_eq!(read("le 10 janvier, 26 morts", "fr"), [exact("26", 26.0)]);
    }

    #[test]
    fn seed_paragraph() {
        let text = "Selon les chiffres du ministère de l'Intérieur kazakh, 26 «criminels armés» et 18 membres des forces de sécurité ont été tués depuis le début des émeutes. Des centaines de blessés sont à déplorer. Dans ce contexte, plus de 2 000 soldats de l'OTSC ont été déployés.";
        let found = read(text, "fr");
        assert_eq!(
            found,
            [
                exact("26", 26.0),
                exact("18", 18.0),
                ("Des centaines".to_string(), Some(200.0), None, true),
                ("plus de 2 000".to_string(), Some(2000.0), None, false),
            ]
        );
    }

    #[test]
    fn unknown_language_reads_digits_only() {
        assert_eq!(
            read("2.000 y 26", "es"),
            [exact("2.000", 2000.0), exact("26", 26.0)]
        );
        assert_eq!(parse_digits_with("0,500", None), Some(0.5));
        assert_eq!(parse_digits_with("", None), None);
        assert_eq!(parse_digits_with("1a", None), None);
    }
}

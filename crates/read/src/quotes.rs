//! The quotes reader: direct, partial and indirect quotations with their
//! speaker, cue verb and spans, and the claims they make.
//!
//! Quotation marks are paired in one pass (« », “ ”, „ “, ‹ ›, ‘ ’, straight
//! quotes, nesting, quotations continued over paragraphs, French dialogue
//! dashes). Each quotation is then attributed from the clause around it: an
//! incise after it ("», a précisé X", "," he said"), a reporting clause before
//! it ("X a dénoncé une «...»", "He said: "...""), or a source phrase ("selon
//! X"). Speech verbs, auxiliaries and reporting phrases come from
//! `resources/lang/<iso>/speech_verbs.tsv`, `quote_cues.tsv` and
//! `reporting_phrases.tsv`. Indirect speech ("X a assuré que ...", "according
//! to X, ...") is read from the same verbs.
//!
//! ```
//! use dateline_model::{Document, QuoteKind};
//! let mut doc = Document::new("d1", "«Nous partirons demain», a déclaré le ministre.".to_string());
//! doc.meta.language = Some("fr".into());
//! let reading = dateline_read::read(doc);
//! let quote = &reading.quotes[0];
//! assert_eq!(quote.kind, QuoteKind::Direct);
//! assert_eq!(reading.doc.slice(quote.span), "Nous partirons demain");
//! assert_eq!(quote.cue.as_deref(), Some("a déclaré"));
//! assert_eq!(quote.speaker_span.map(|s| reading.doc.slice(s)), Some("le ministre"));
//! ```

mod lexicon;
mod marks;
mod scan;

use std::cell::Cell;
use std::collections::HashSet;

use crate::Context;
use dateline_model::{Diagnostic, EntityType, Quote, QuoteKind, Reading, Span};
use lexicon::{
    lexicon, Lexicon, VerbForm, ADVERB, AUX, CLITIC, COMPLEMENTIZER, COORDINATOR, DETERMINER,
    INFINITIVE, QUANTITY, RELATIVE, STOP, TIME,
};
use marks::Marked;
use scan::{Sentences, Words};

/// A direct quotation at most this many words after its reporting verb
/// ("a déclaré mardi à la presse : «...»") is introduced by it.
const MAX_WORDS_VERB_TO_QUOTE: usize = 8;
/// A subject standing before the verb in an incise ("," the interior minister said")
/// is at most this many words long.
const MAX_INCISE_SUBJECT_WORDS: usize = 8;
/// Words allowed between a speech verb and its "que"/"that" ("told reporters on Monday that").
const MAX_WORDS_VERB_TO_COMPLEMENTIZER: usize = 6;
/// A direct quotation with no cue inherits the speaker of the one before it
/// when at most this many words outside quotes stand between them.
const MAX_WORDS_BETWEEN_CONTINUED_QUOTES: usize = 12;
/// Words of an adverbial phrase allowed between an auxiliary and its participle.
const MAX_ADVERBIAL_WORDS: usize = 4;
/// Words after the verb of a closing reporting clause ("the ministry said on Saturday").
const MAX_WORDS_AFTER_TRAILING_VERB: usize = 6;
/// How far (bytes) around a quotation or verb its clause is looked for.
const MAX_WINDOW_REACH: usize = 1500;
/// Indirect speech found this many verbs apart cannot share a sentence's claim.
const NEIGHBOURS: usize = 8;
/// A pronoun continues a speaker quoted at most this many bytes before it.
const SPEAKER_CONTINUITY_BYTES: usize = 1500;

/// Reads the quotations of a document into `reading.quotes`, in text order.
pub fn read(reading: &mut Reading, cx: &Context) {
    let lex = lexicon(&cx.lang);
    let (quotes, unclosed) = {
        let reader = Reader::new(reading, cx, lex);
        let unclosed = reader.marked.iter().filter(|m| m.unclosed).count();
        (reader.run(), unclosed)
    };
    reading.quotes = quotes;
    if unclosed > 0 {
        reading.diagnose(Diagnostic::info(
            "quote-unclosed",
            format!("{unclosed} quotation(s) without a closing mark were taken to end with their paragraph"),
        ));
    }
}

/// The quotation a span lies in, if any: `(speaker entity, index into
/// reading.quotes)`. An event or figure read there is the speaker's claim
/// (`reported_by`, modality `reported`). The innermost quotation wins.
/// For many look-ups in one document, build a [`QuoteIndex`] once instead.
pub fn claim_at(reading: &Reading, span: Span) -> Option<(Option<usize>, usize)> {
    QuoteIndex::build(reading).claim_at(reading, span)
}

/// The document's quotations sorted by start, with the running maximum of their
/// ends, so "which quotations hold this span" is a binary search plus a short walk
/// back instead of a scan of every quotation (quadratic over a long document).
pub struct QuoteIndex {
    /// (span, index into reading.quotes), by start.
    by_start: Vec<(Span, usize)>,
    /// `max_end[i]`: the furthest end among `by_start[..=i]`.
    max_end: Vec<usize>,
}

impl QuoteIndex {
    pub fn build(reading: &Reading) -> QuoteIndex {
        let mut by_start: Vec<(Span, usize)> = reading
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| (q.span, i))
            .collect();
        by_start.sort_unstable_by_key(|(s, i)| (s.start, *i));
        let mut furthest = 0;
        let max_end = by_start
            .iter()
            .map(|(s, _)| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        QuoteIndex { by_start, max_end }
    }

    /// Quotations whose span contains `span`, latest start first.
    fn holding(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        let to = self
            .by_start
            .partition_point(|(s, _)| s.start <= span.start);
        (0..to)
            .rev()
            // Nothing at or before `i` reaches `span.end`: no earlier quotation holds it.
            .take_while(move |&i| self.max_end.get(i).is_some_and(|&e| e >= span.end))
            .filter_map(move |i| self.by_start.get(i).copied())
            .filter(move |(s, _)| s.contains(span))
    }

    /// See [`claim_at`].
    pub fn claim_at(&self, reading: &Reading, span: Span) -> Option<(Option<usize>, usize)> {
        self.holding(span)
            .min_by_key(|(s, i)| (s.len(), *i))
            .and_then(|(_, i)| reading.quotes.get(i).map(|q| (q.speaker, i)))
    }

    /// Indices of the quotations with exactly this span.
    pub fn with_span(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let from = self.by_start.partition_point(|(s, _)| s.start < span.start);
        self.by_start
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |(s, _)| s.start == span.start)
            .filter(move |(s, _)| *s == span)
            .map(|(_, i)| *i)
    }

    /// Indices of the quotations overlapping `span`, by start.
    fn overlapping(&self, span: Span) -> impl Iterator<Item = usize> + '_ {
        let to = self.by_start.partition_point(|(s, _)| s.start < span.end);
        let from = self.max_end.partition_point(|&e| e <= span.start).min(to);
        self.by_start
            .get(from..to)
            .unwrap_or(&[])
            .iter()
            .filter(move |(s, _)| s.overlaps(span))
            .map(|(_, i)| *i)
    }
}

/// The source a sentence credits its content to: "selon le ministère de
/// l'Intérieur, ...", "..., according to the ministry", or a reporting clause
/// whose indirect speech covers the sentence ("The ministry said 12 ...").
/// Returns the source entity when it is known and the span of the source's
/// words ("le ministère de l'Intérieur").
pub fn attribution_for_sentence(
    reading: &Reading,
    cx: &Context,
    sentence: Span,
) -> Option<(Option<usize>, Span)> {
    attribution_in(reading, cx, &QuoteIndex::build(reading), sentence)
}

/// [`attribution_for_sentence`] with a prebuilt index (one per document).
pub fn attribution_in(
    reading: &Reading,
    cx: &Context,
    quotes: &QuoteIndex,
    sentence: Span,
) -> Option<(Option<usize>, Span)> {
    let lex = lexicon(&cx.lang);
    let text = reading.doc.text.get(sentence.start..sentence.end)?;
    let words = Words::new(text);
    let shift = |s: Span| Span::new(s.start + sentence.start, s.end + sentence.start);
    for i in 0..words.len() {
        if let Some(len) = reporting_phrase_at(lex, &words, i) {
            let Some(last) = words.span(i + len - 1) else {
                continue;
            };
            let source = noun_phrase_after(text, last.end, text.len(), &words, lex);
            if let Some(source) = source {
                let source = shift(source);
                return Some((
                    crate::entities::resolve_speaker(reading, cx, source),
                    source,
                ));
            }
        }
    }
    quotes
        .overlapping(sentence)
        .filter_map(|i| reading.quotes.get(i))
        .filter(|q| q.kind == QuoteKind::Indirect)
        .filter(|q| {
            let shared = q
                .span
                .end
                .min(sentence.end)
                .saturating_sub(q.span.start.max(sentence.start));
            shared * 2 >= sentence.len()
        })
        .find_map(|q| q.speaker_span.map(|s| (q.speaker, s)))
}

/// Whether word `i` opens a reporting phrase; its length in words.
fn reporting_phrase_at(lex: &Lexicon, words: &Words, i: usize) -> Option<usize> {
    lex.reporting
        .iter()
        .filter(|phrase| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, w)| words.key(i + k) == w)
        })
        .map(Vec::len)
        .max()
}

/// The noun phrase from `from` to the next clause punctuation (or `limit`):
/// the source after "selon", the speaker after an inverted verb.
fn noun_phrase_after(
    text: &str,
    from: usize,
    limit: usize,
    words: &Words,
    lex: &Lexicon,
) -> Option<Span> {
    let clause_end = clause_end(text, from, limit);
    let mut first: Option<Span> = None;
    let mut last: Option<Span> = None;
    let mut i = words.first_from(from);
    while let Some(span) = words.span(i) {
        if span.end > clause_end {
            break;
        }
        if lex.is(words.key(i), TIME) && first.is_none() {
            // "a déclaré mardi le ministre": the time word is not the speaker.
            i += 1;
            continue;
        }
        if lex.is(words.key(i), STOP | TIME) {
            break;
        }
        first.get_or_insert(span);
        last = Some(span);
        i += 1;
    }
    Some(first?.cover(last?))
}

/// Where the clause starting at `from` ends: the next comma, stop or quote mark.
fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    let slice = text.get(from..limit.min(text.len())).unwrap_or("");
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let ends = match c {
            ',' | ';' | ':' | '!' | '?' | '(' | ')' | '«' | '»' | '“' | '”' | '"' | '„' | '\n'
            | '—' | '–' => true,
            // A period ends the clause unless it closes an initial or abbreviation ("M. Dupont").
            '.' => {
                chars.peek().map_or(true, |(_, n)| n.is_whitespace())
                    && !after_short_capital(slice, i)
            }
            _ => false,
        };
        if ends {
            return from + i;
        }
    }
    from + slice.len()
}

/// Whether the word right before byte `i` is one or two letters starting with a capital ("M", "Dr").
fn after_short_capital(text: &str, i: usize) -> bool {
    let before = text.get(..i).unwrap_or("");
    let word: Vec<char> = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    (1..=2).contains(&word.len()) && word.last().is_some_and(|c| c.is_uppercase())
}

fn is_boundary_char(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '('
            | ')'
            | '«'
            | '»'
            | '“'
            | '”'
            | '"'
            | '„'
            | '\n'
            | '—'
            | '–'
            | '!'
            | '?'
            | '.'
    )
}

/// Who said it, and by which words.
#[derive(Clone, Copy, Debug, Default)]
struct Attribution {
    speaker: Option<usize>,
    speaker_span: Option<Span>,
    cue_span: Option<Span>,
}

impl Attribution {
    fn found(&self) -> bool {
        self.cue_span.is_some()
    }
}

struct Reader<'r> {
    reading: &'r Reading,
    cx: &'r Context,
    lex: &'static Lexicon,
    text: &'r str,
    words: Words,
    /// Whether each word lies inside a quotation's marks.
    quoted: Vec<bool>,
    sentences: Sentences,
    marked: Vec<Marked>,
    /// How many quotes read from marks open the quote list during the indirect pass.
    marked_count: Cell<usize>,
}

impl<'r> Reader<'r> {
    fn new(reading: &'r Reading, cx: &'r Context, lex: &'static Lexicon) -> Self {
        let text = reading.doc.text.as_str();
        let marked = marks::find(text, cx.lang == "fr");
        let outers: Vec<Span> = marked.iter().map(|m| m.outer).collect();
        let sentences = Sentences::new(text, &reading.text.sentences, &outers, |w| {
            lex.title_abbreviations.iter().any(|a| a == w)
        });
        let words = Words::new(text);
        let mut quoted = Vec::with_capacity(words.len());
        let mut q = 0;
        for word in &words.list {
            while outers.get(q).is_some_and(|o| o.end <= word.span.start) {
                q += 1;
            }
            quoted.push(outers.get(q).is_some_and(|o| o.start <= word.span.start));
        }
        Reader {
            reading,
            cx,
            lex,
            text,
            words,
            quoted,
            sentences,
            marked,
            marked_count: Cell::new(usize::MAX),
        }
    }

    fn run(&self) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::new();
        let mut previous_direct: Option<(Span, Attribution)> = None;
        for m in &self.marked {
            let mut inner = m.inner;
            let mut kind = self.kind_of(m);
            let mut attribution = Attribution::default();
            if m.dialogue {
                let (quote_end, found) = self.dialogue_incise(m);
                // A dash line with no incise is a quotation only when a colon
                // announces it: a run of dash lines may as well be a list.
                let introduced = self.previous_line_ends_with_colon(m.outer.start);
                if !found.found() && !introduced {
                    continue;
                }
                inner = marks::trim(self.text, Span::new(inner.start, quote_end));
                attribution = found;
                kind = QuoteKind::Direct;
            }
            if !attribution.found() {
                attribution = self.attribute_marked(m, kind, &out);
            }
            if !attribution.found() && kind == QuoteKind::Direct {
                if let Some((prev_outer, prev)) = previous_direct {
                    if self.words_outside_quotes(prev_outer.end, m.outer.start)
                        <= MAX_WORDS_BETWEEN_CONTINUED_QUOTES
                    {
                        attribution = Attribution {
                            cue_span: None,
                            ..prev
                        };
                    }
                }
            }
            if kind == QuoteKind::Direct && (attribution.found() || attribution.speaker.is_some()) {
                previous_direct = Some((m.outer, attribution));
            }
            if inner.is_empty() {
                continue;
            }
            out.push(self.quote(inner, kind, attribution));
        }
        self.indirect(&mut out);
        out.sort_by_key(|q| (q.span.start, q.span.end));
        out
    }

    /// The quotes of `earlier` said shortly before `pos`, most recent first
    /// within each run. `earlier` is one run sorted by start (quotes read from
    /// marks) then, during the indirect pass, a second run sorted by cue:
    /// each is bisected, so the look-up stays cheap in long documents.
    fn nearby<'q>(&self, earlier: &'q [Quote], pos: usize) -> impl Iterator<Item = &'q Quote> + 'q {
        let (marked, indirect) = earlier.split_at(self.marked_count.get().min(earlier.len()));
        let reach = pos.saturating_sub(2 * MAX_WINDOW_REACH);
        let near = move |run: &'q [Quote], key: fn(&Quote) -> usize| {
            let end = run.partition_point(|q| key(q) < pos);
            let start = run.partition_point(|q| key(q) < reach).min(end);
            run.get(start..end).unwrap_or(&[]).iter().rev()
        };
        near(marked, |q| q.span.start).chain(near(indirect, |q| {
            q.cue_span.map_or(q.span.start, |c| c.start)
        }))
    }

    /// A sentence window cut to at most `MAX_WINDOW_REACH` bytes on each side
    /// of `around`: text with no sentence breaks (lists, scraped pages) must not
    /// make every quotation scan the whole document.
    fn bounded(&self, window: Span, around: Span) -> Span {
        let mut start = window
            .start
            .max(around.start.saturating_sub(MAX_WINDOW_REACH));
        while start > window.start && !self.text.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = window
            .end
            .min(around.end.saturating_add(MAX_WINDOW_REACH))
            .min(self.text.len());
        while end < window.end && !self.text.is_char_boundary(end) {
            end += 1;
        }
        Span::new(start, end.max(start))
    }

    fn quote(&self, span: Span, kind: QuoteKind, a: Attribution) -> Quote {
        Quote {
            span,
            kind,
            speaker: a.speaker,
            speaker_span: a.speaker_span,
            cue: a
                .cue_span
                .and_then(|s| self.text.get(s.start..s.end))
                .map(str::to_string),
            cue_span: a.cue_span,
        }
    }

    // ------------------------------------------------------------ kinds

    /// Direct when the quotation stands as an utterance of its own (opens a
    /// sentence, follows a colon or a speech verb, is a dialogue line);
    /// partial when it is words inside the writer's own sentence.
    fn kind_of(&self, m: &Marked) -> QuoteKind {
        if m.dialogue {
            return QuoteKind::Direct;
        }
        let before = self.text.get(..m.outer.start).unwrap_or("");
        let before_trimmed = before.trim_end_matches(|c: char| c.is_whitespace() && c != '\n');
        let prev = before_trimmed.chars().next_back();
        let starts_upper = self
            .text
            .get(m.inner.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        let prev_word_is_verb = {
            let i = self.words.first_from(m.outer.start);
            i.checked_sub(1).is_some_and(|j| self.verb_at(j).is_some())
        };
        let opens_utterance = match prev {
            None | Some('\n' | '.' | '!' | '?' | '…' | ':' | '—' | '–') => true,
            Some(',') => {
                starts_upper && {
                    let i = self.words.first_from(m.outer.start);
                    i.checked_sub(1).is_some_and(|j| self.verb_at(j).is_some())
                }
            }
            Some(c) if c.is_alphanumeric() => {
                starts_upper && prev_word_is_verb && self.word_count(m.inner) >= 3
            }
            _ => false,
        };
        if !opens_utterance {
            return QuoteKind::Partial;
        }
        // A quotation that opens a sentence the writer goes on with ("«Terroristes»
        // et casseurs ont été arrêtés") is words inside that sentence.
        let inner_text = self.text.get(m.inner.start..m.inner.end).unwrap_or("");
        let ends_utterance = inner_text.ends_with(['.', ',', '!', '?', '…']);
        let after = self
            .text
            .get(m.outer.end..)
            .unwrap_or("")
            .trim_start_matches([' ', '\u{a0}', '\u{202f}']);
        let continues_lowercase = after.chars().next().is_some_and(char::is_lowercase);
        if continues_lowercase && !ends_utterance && !self.incise_verb_follows(m.outer.end) {
            return QuoteKind::Partial;
        }
        QuoteKind::Direct
    }

    fn word_count(&self, span: Span) -> usize {
        let first = self.words.first_from(span.start);
        let end = self.words.first_from(span.end);
        end.saturating_sub(first)
    }

    /// Whether the words right after `pos` are a verb phrase ("a-t-il dit", "said").
    fn incise_verb_follows(&self, pos: usize) -> bool {
        let first = self.words.first_from(pos);
        for i in first..first + 4 {
            if self.verb_at(i).is_some() {
                return true;
            }
            let (base, _) = self.split_clitic(i);
            if !self.lex.is(base, AUX | ADVERB) {
                return false;
            }
        }
        false
    }

    // ------------------------------------------------------------ verbs

    /// The folded key of word `i` without an inverted subject ("ajoute-t-il" ->
    /// "ajoute"), and the span of that subject pronoun.
    fn split_clitic(&self, i: usize) -> (&str, Option<Span>) {
        let key = self.words.key(i);
        let Some(hyphen) = key.find('-') else {
            return (key, None);
        };
        let rest = key.get(hyphen + 1..).unwrap_or("");
        let pronoun = rest.rsplit('-').next().unwrap_or("");
        if pronoun == "t" || !rest.split('-').all(|p| self.lex.is(p, CLITIC)) {
            return (key, None);
        }
        let Some(span) = self.words.span(i) else {
            return (key, None);
        };
        let word = self.text.get(span.start..span.end).unwrap_or("");
        let clitic = word
            .rfind('-')
            .map(|at| Span::new(span.start + at + 1, span.end));
        (key.get(..hyphen).unwrap_or(key), clitic)
    }

    fn verb_at(&self, i: usize) -> Option<VerbForm> {
        let (key, clitic) = self.split_clitic(i);
        let verb = self.lex.verb(key)?;
        if self.after_infinitive_marker(i) {
            // "declined to say", "refused to comment": no claim is made.
            return None;
        }
        if self.capitalized_inside_sentence(i) {
            // "the United States would": a capital inside a sentence starts a name.
            return None;
        }
        if verb.needs_aux
            && clitic.is_none()
            && !self.after_auxiliary(i)
            && !self.after_comma(i)
            && !self.lex.is(self.words.key(i + 1), COMPLEMENTIZER)
        {
            return None;
        }
        Some(verb)
    }

    fn after_infinitive_marker(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1) else {
            return false;
        };
        let (Some(p), Some(w)) = (self.words.span(prev), self.words.span(i)) else {
            return false;
        };
        let between = self.text.get(p.end..w.start).unwrap_or("");
        between.chars().all(char::is_whitespace) && self.lex.is(self.words.key(prev), INFINITIVE)
    }

    fn capitalized_inside_sentence(&self, i: usize) -> bool {
        let Some(span) = self.words.span(i) else {
            return false;
        };
        let capital = self
            .text
            .get(span.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        let before = self.text.get(..span.start).unwrap_or("").trim_end();
        let opens = before.is_empty()
            || before.ends_with([
                '.', '!', '?', '…', ':', '\n', '«', '“', '"', '‘', '—', '–', '-', '(',
            ]);
        capital && !opens
    }

    /// Whether a comma stands right before word `i` ("», précise le ministre").
    fn after_comma(&self, i: usize) -> bool {
        let start = self.words.span(i).map_or(0, |s| s.start);
        let before = self.text.get(..start).unwrap_or("").trim_end();
        before.ends_with(',')
    }

    /// The auxiliary at most `reach` words before word `j` (inclusive), with
    /// only spaces between the words.
    fn auxiliary_within(&self, j: usize, reach: usize) -> Option<usize> {
        let mut k = j;
        for _ in 0..reach {
            if self.lex.is(self.split_clitic(k).0, AUX) {
                return Some(k);
            }
            let prev = k.checked_sub(1)?;
            let between = self
                .text
                .get(self.words.span(prev)?.end..self.words.span(k)?.start)?;
            if !between.chars().all(char::is_whitespace) {
                return None;
            }
            k = prev;
        }
        None
    }

    /// Whether an auxiliary stands before word `i`, across adverbs only ("a encore précisé").
    fn after_auxiliary(&self, i: usize) -> bool {
        let mut j = i;
        while let Some(k) = j.checked_sub(1) {
            let (Some(prev), Some(next)) = (self.words.span(k), self.words.span(j)) else {
                return false;
            };
            if !self
                .text
                .get(prev.end..next.start)
                .unwrap_or("")
                .chars()
                .all(char::is_whitespace)
            {
                return false;
            }
            let base = self.split_clitic(k).0;
            if self.lex.is(base, AUX) {
                return true;
            }
            if !self.lex.is(base, ADVERB) {
                return false;
            }
            j = k;
        }
        false
    }

    /// The verb phrase ending with speech verb `i`: its first word (auxiliaries
    /// and adverbs joined by spaces only), its span, and an inverted subject.
    fn verb_phrase(&self, i: usize) -> Option<(usize, Span, Option<Span>)> {
        let verb_span = self.words.span(i)?;
        let mut clitic = self.split_clitic(i).1;
        let mut first = i;
        while let Some(j) = first.checked_sub(1) {
            let (Some(prev), Some(next)) = (self.words.span(j), self.words.span(first)) else {
                break;
            };
            let between = self.text.get(prev.end..next.start).unwrap_or("");
            if !between.chars().all(char::is_whitespace) {
                break;
            }
            let (base, pronoun) = self.split_clitic(j);
            if self.lex.is(base, AUX | ADVERB) {
                clitic = clitic.or(pronoun);
                first = j;
                continue;
            }
            // An adverbial phrase between auxiliary and participle ("a de son côté affirmé").
            match self.auxiliary_within(j, MAX_ADVERBIAL_WORDS) {
                Some(aux) if first == i => {
                    clitic = clitic.or(self.split_clitic(aux).1);
                    first = aux;
                }
                _ => break,
            }
        }
        let start = self.words.span(first)?.start;
        Some((first, Span::new(start, verb_span.end), clitic))
    }

    /// The entity a speaker's words stand for. A lone pronoun continues the
    /// last person quoted nearby (news paragraphs keep their speaker); other
    /// words go to the entities reader; a definite description it cannot
    /// place ("le ministre", "the ministry") falls back to the last person
    /// (for a title) or the last entity whose name holds the same head noun.
    fn resolve(&self, span: Span, earlier: &[Quote]) -> Option<usize> {
        let entities = &self.reading.entities;
        let is_person = |e: usize| entities.get(e).is_some_and(|e| e.kind == EntityType::Per);
        let first = self.words.first_from(span.start);
        let end = self.words.first_from(span.end);
        let recent_person_speaker = || {
            self.nearby(earlier, span.start)
                .filter_map(|q| Some((q.speaker_span?, q.speaker?)))
                .filter(|(s, e)| {
                    s.end <= span.start
                        && span.start - s.end <= SPEAKER_CONTINUITY_BYTES
                        && is_person(*e)
                })
                .max_by_key(|(s, _)| s.start)
                .map(|(_, e)| e)
        };
        if end == first + 1 && self.lex.pronouns.iter().any(|p| p == self.words.key(first)) {
            if let Some(e) = recent_person_speaker() {
                return Some(e);
            }
        }
        if let Some(found) = crate::entities::resolve_speaker(self.reading, self.cx, span) {
            return Some(found);
        }
        if end < first + 2 || !self.lex.is(self.words.key(first), DETERMINER) {
            return None;
        }
        let capitalized = (first + 1..end).any(|k| {
            self.words
                .span(k)
                .and_then(|w| self.text.get(w.start..))
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_uppercase)
        });
        if capitalized {
            return None;
        }
        let head_from = self.words.span(first + 1)?.start;
        let mut head = String::new();
        scan::fold_into(self.text.get(head_from..span.end).unwrap_or(""), &mut head);
        let titled = self.lex.titles.iter().any(|t| {
            head.strip_prefix(t.as_str())
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
        });
        // Each entity's last mention before the span (mentions are in text order).
        let last_mention_of = |e: usize| {
            let mentions = &entities.get(e)?.mentions;
            let before = mentions.partition_point(|m| m.end <= span.start);
            before.checked_sub(1).and_then(|k| mentions.get(k)).copied()
        };
        let last_mention = |keep: &dyn Fn(usize, Span) -> bool| {
            (0..entities.len())
                .filter_map(|e| {
                    last_mention_of(e)
                        .filter(|m| keep(e, *m))
                        .map(|m| (m.start, e))
                })
                .max()
                .map(|(_, e)| e)
        };
        if titled {
            return recent_person_speaker().or_else(|| last_mention(&|e, _| is_person(e)));
        }
        // "the ministry" for "the Interior Ministry": the same head noun in its last mention.
        let noun = self.words.key(end - 1).to_string();
        let named_so = |_: usize, mention: Span| {
            let mut folded = String::new();
            scan::fold_into(
                self.text.get(mention.start..mention.end).unwrap_or(""),
                &mut folded,
            );
            folded
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == noun)
        };
        last_mention(&named_so)
    }

    /// The speaker of speech verb `i` within `window`: an inverted pronoun
    /// ("a-t-il dit"), the subject before the verb (with an apposition:
    /// "le président, X, a dit"), or the noun phrase after it when the verb
    /// opens its clause ("», a précisé le président kazakh").
    fn speaker_of_verb(&self, i: usize, window: Span, earlier: &[Quote]) -> Attribution {
        let Some((first, cue_span, clitic)) = self.verb_phrase(i) else {
            return Attribution::default();
        };
        let mut a = Attribution {
            cue_span: Some(cue_span),
            ..Attribution::default()
        };
        if let Some(pronoun) = clitic {
            a.speaker_span = Some(pronoun);
            a.speaker = self.resolve(pronoun, earlier);
            return a;
        }
        let Some(start) = self.words.span(first).map(|s| s.start) else {
            return a;
        };
        let coordinated = self.coordinated(start, window.start);
        if coordinated || self.verb_at(i).is_some_and(|v| v.gerund) {
            // "..., ajoutant : «...»", "X called it ... and said ...": the subject
            // of the clause it hangs on.
            if let Some(q) = self.nearby(earlier, cue_span.start).find(|q| {
                q.cue_span
                    .is_some_and(|c| window.contains(c) && c.end <= cue_span.start)
            }) {
                a.speaker = q.speaker;
                a.speaker_span = q.speaker_span;
                return a;
            }
        }
        let (chunk, apposition) = self.chunk_before(start, window.start);
        if let Some(chunk) = chunk {
            a.speaker_span = Some(chunk);
            a.speaker = self.resolve(chunk, earlier);
            if a.speaker.is_none() && apposition {
                // "Trois soldats ont été tués, a indiqué l'armée": what stands before
                // the comma is the claim, and the speaker follows the verb.
                if let Some(np) = self.inverted_speaker(cue_span.end, window.end) {
                    a.speaker_span = Some(np);
                    a.speaker = self.resolve(np, earlier);
                    return a;
                }
                if let (Some(earlier_chunk), _) = self.chunk_before(chunk.start, window.start) {
                    if let Some(found) = self.resolve(earlier_chunk, earlier) {
                        a.speaker = Some(found);
                        a.speaker_span = Some(earlier_chunk);
                    }
                }
            }
            return a;
        }
        // Inverted order: the speaker follows the verb.
        if let Some(np) =
            noun_phrase_after(self.text, cue_span.end, window.end, &self.words, self.lex)
        {
            a.speaker_span = Some(np);
            a.speaker = self.resolve(np, earlier);
        }
        a
    }

    /// Whether the verb phrase at `start` is joined to a previous clause by a
    /// coordinator alone ("... and said", "... et a ajouté"): no subject of its own.
    fn coordinated(&self, start: usize, floor: usize) -> bool {
        let i = self.words.first_from(start);
        let Some(prev) = i
            .checked_sub(1)
            .filter(|&p| self.words.span(p).is_some_and(|s| s.start >= floor))
        else {
            return false;
        };
        let between = self
            .words
            .span(prev)
            .and_then(|p| self.text.get(p.end..start))
            .unwrap_or("");
        between.chars().all(char::is_whitespace) && self.lex.is(self.words.key(prev), COORDINATOR)
    }

    /// A noun phrase right after a verb that opens with a determiner or a
    /// capital ("l'armée", "Smith"): a speaker in inverted order.
    fn inverted_speaker(&self, from: usize, limit: usize) -> Option<Span> {
        let np = noun_phrase_after(self.text, from, limit, &self.words, self.lex)?;
        let first = self.words.first_from(np.start);
        let capital = self
            .text
            .get(np.start..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        (capital || self.lex.is(self.words.key(first), DETERMINER)).then_some(np)
    }

    /// The words before `pos` back to the previous clause boundary (not before
    /// `floor`), and whether a comma stood right before `pos` (an apposition).
    fn chunk_before(&self, pos: usize, floor: usize) -> (Option<Span>, bool) {
        let before = self.text.get(floor..pos).unwrap_or("");
        let trimmed = before.trim_end();
        let (trimmed, apposition) = match trimmed.strip_suffix(',') {
            Some(t) => (t, true),
            None => (trimmed, false),
        };
        let mut start = 0;
        for (i, c) in trimmed.char_indices().rev() {
            // A period after an initial or title ("M. Dupont") does not bound the subject.
            if is_boundary_char(c) && !(c == '.' && after_short_capital(trimmed, i)) {
                start = i + c.len_utf8();
                break;
            }
        }
        let mut chunk = marks::trim(self.text, Span::new(floor + start, floor + trimmed.len()));
        // "but he said", "though VW says": the conjunction is not the speaker.
        let first = self.words.first_from(chunk.start);
        let after_conjunction = self.words.span(first + 1).filter(|w| w.end <= chunk.end);
        if let Some(next) =
            after_conjunction.filter(|_| self.lex.is(self.words.key(first), COORDINATOR))
        {
            chunk = Span::new(next.start, chunk.end);
        }
        let chunk = Some(chunk).filter(|c| !c.is_empty());
        // "WeWork, which is expected to ..., confirmed": the speaker is what the
        // relative clause hangs on.
        if let Some(c) = chunk {
            let first = self.words.first_from(c.start);
            let before = self.text.get(floor..c.start).unwrap_or("").trim_end();
            if self.lex.is(self.words.key(first), RELATIVE) {
                if let Some(rest) = before.strip_suffix(',') {
                    return self.chunk_before(floor + rest.len(), floor);
                }
            }
        }
        (chunk, apposition)
    }

    // ------------------------------------------------------------ direct and partial

    fn attribute_marked(&self, m: &Marked, kind: QuoteKind, earlier: &[Quote]) -> Attribution {
        let window = self.bounded(self.sentences.around(m.outer), m.outer);
        let incise = self.incise_after(m, window, earlier);
        if incise.found() {
            return incise;
        }
        if let Some(i) = self.verb_before(m, kind, window) {
            return self.speaker_of_verb(i, window, earlier);
        }
        if kind == QuoteKind::Partial {
            if let Some(i) = self.verb_after(m.outer.end, window) {
                return self.speaker_of_verb(i, window, earlier);
            }
        }
        self.reporting_phrase_in(window, earlier)
            .unwrap_or_default()
    }

    /// An incise right after the closing mark: "», a précisé X", "," he said",
    /// "», dit-il". A partial quotation needs the comma (else the verb belongs
    /// to the writer's sentence).
    fn incise_after(&self, m: &Marked, window: Span, earlier: &[Quote]) -> Attribution {
        let after = self.text.get(m.outer.end..window.end).unwrap_or("");
        let rest = after.trim_start();
        let inner_text = self.text.get(m.inner.start..m.inner.end).unwrap_or("");
        let comma = rest.starts_with([',', '—', '–']) || inner_text.ends_with([',', '!', '?', '…']);
        if !comma && m.unclosed {
            return Attribution::default();
        }
        let from = m.outer.end
            + (after.len() - rest.len())
            + rest
                .chars()
                .next()
                .filter(|c| matches!(c, ',' | '—' | '–'))
                .map_or(0, char::len_utf8);
        let end = clause_end(self.text, from, window.end);
        let first = self.words.first_from(from);
        let mut i = first;
        while let Some(span) = self.words.span(i) {
            if span.end > end || i - first > MAX_INCISE_SUBJECT_WORDS {
                break;
            }
            if self.verb_at(i).is_some() {
                let (phrase_first, _, _) = self.verb_phrase(i).unwrap_or((i, span, None));
                let subject_first = phrase_first > first;
                if !comma && subject_first {
                    break;
                }
                if subject_first
                    && !inner_text.ends_with([',', '!', '?', '…'])
                    && !rest.starts_with(',')
                {
                    break;
                }
                return self.speaker_of_verb(i, Span::new(m.outer.end, window.end), earlier);
            }
            i += 1;
        }
        Attribution::default()
    }

    /// The speech verb that introduces a quotation from before it in its window:
    /// the nearest, and for a direct quotation only within a few words.
    fn verb_before(&self, m: &Marked, kind: QuoteKind, window: Span) -> Option<usize> {
        let quote_first = self.words.first_from(m.outer.start);
        let floor = self.words.first_from(window.start);
        let mut i = quote_first;
        while i > floor {
            i -= 1;
            if self.quoted.get(i).copied().unwrap_or(true) {
                continue;
            }
            if self.verb_at(i).is_some() {
                if kind == QuoteKind::Direct {
                    let gap = quote_first - i - 1;
                    let between = self
                        .text
                        .get(self.words.span(i)?.end..m.outer.start)
                        .unwrap_or("");
                    // "Il a accusé ses adversaires de ... : «...»": a colon hands the
                    // quotation to the sentence's reporting verb however far it is.
                    let announced = between.trim_end().ends_with(':');
                    if (gap > MAX_WORDS_VERB_TO_QUOTE && !announced)
                        || between.contains(['.', '!', '?'])
                    {
                        return None;
                    }
                }
                return Some(i);
            }
        }
        None
    }

    /// The nearest speech verb after `pos` in the window, outside quotations.
    fn verb_after(&self, pos: usize, window: Span) -> Option<usize> {
        let mut i = self.words.first_from(pos);
        while let Some(span) = self.words.span(i) {
            if span.end > window.end {
                return None;
            }
            if !self.quoted.get(i).copied().unwrap_or(true) && self.verb_at(i).is_some() {
                return Some(i);
            }
            i += 1;
        }
        None
    }

    /// "selon X" / "according to X" in a window: its cue and source.
    fn reporting_phrase_in(&self, window: Span, earlier: &[Quote]) -> Option<Attribution> {
        let mut i = self.words.first_from(window.start);
        while let Some(span) = self.words.span(i) {
            if span.end > window.end {
                return None;
            }
            if !self.quoted.get(i).copied().unwrap_or(true) {
                if let Some(len) = reporting_phrase_at(self.lex, &self.words, i) {
                    let cue_end = self.words.span(i + len - 1)?.end;
                    let np =
                        noun_phrase_after(self.text, cue_end, window.end, &self.words, self.lex);
                    return Some(Attribution {
                        speaker: np.and_then(|s| self.resolve(s, earlier)),
                        speaker_span: np,
                        cue_span: Some(Span::new(span.start, cue_end)),
                    });
                }
            }
            i += 1;
        }
        None
    }

    /// In a dialogue line, the incise (", a-t-il dit", ", répond le ministre"):
    /// where the quoted words end and who spoke.
    fn dialogue_incise(&self, m: &Marked) -> (usize, Attribution) {
        let mut i = self.words.first_from(m.inner.start);
        while let Some(span) = self.words.span(i) {
            if span.end > m.inner.end {
                break;
            }
            if self.verb_at(i).is_some() {
                if let Some((first, _, _)) = self.verb_phrase(i) {
                    let start = self.words.span(first).map_or(span.start, |s| s.start);
                    let before = self.text.get(m.inner.start..start).unwrap_or("").trim_end();
                    if let Some(quoted) = before.strip_suffix(',') {
                        let window = Span::new(start, m.outer.end);
                        return (
                            m.inner.start + quoted.len(),
                            self.speaker_of_verb(i, window, &[]),
                        );
                    }
                }
            }
            i += 1;
        }
        (m.inner.end, Attribution::default())
    }

    fn previous_line_ends_with_colon(&self, pos: usize) -> bool {
        self.text.get(..pos).unwrap_or("").trim_end().ends_with(':')
    }

    fn words_outside_quotes(&self, from: usize, to: usize) -> usize {
        let first = self.words.first_from(from);
        let end = self.words.first_from(to);
        (first..end)
            .filter(|&i| !self.quoted.get(i).copied().unwrap_or(true))
            .count()
    }

    // ------------------------------------------------------------ indirect speech

    /// Reported speech: "X a assuré que ...", "X said (that) ...", "X a démenti
    /// toute implication", "selon X, ...", "..., according to X".
    fn indirect(&self, out: &mut Vec<Quote>) {
        let marked_count = out.len();
        self.marked_count.set(marked_count);
        let mut i = 0;
        while i < self.words.len() {
            if self.quoted.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            if let Some(len) = reporting_phrase_at(self.lex, &self.words, i) {
                if let Some(q) = self.indirect_from_phrase(i, len, out) {
                    out.push(q);
                }
                i += len;
                continue;
            }
            if let Some(verb) = self.verb_at(i) {
                if let Some(q) = self.indirect_from_verb(i, verb, out) {
                    out.push(q);
                }
            }
            i += 1;
        }
        let found = out.split_off(marked_count);
        // A source phrase closing a sentence whose reporting verb already gave
        // the indirect speech ("X said ..., according to aid agencies") adds nothing.
        let from_phrases: Vec<bool> = found
            .iter()
            .map(|q| self.is_reporting_phrase_cue(q))
            .collect();
        let mut seen: HashSet<Span> = out.iter().map(|q| q.span).collect();
        for (k, (q, from_phrase)) in found.iter().zip(&from_phrases).enumerate() {
            // Speech of the same sentence was found next to it (word order).
            let neighbours = k.saturating_sub(NEIGHBOURS)..(k + NEIGHBOURS + 1).min(found.len());
            let covers_verb_speech = *from_phrase
                && neighbours.into_iter().any(|j| {
                    let o = &found[j];
                    !from_phrases[j] && o.span != q.span && q.span.overlaps(o.span)
                });
            if covers_verb_speech || !seen.insert(q.span) {
                continue;
            }
            out.push(q.clone());
        }
    }

    fn indirect_from_verb(&self, i: usize, verb: VerbForm, earlier: &[Quote]) -> Option<Quote> {
        let verb_span = self.words.span(i)?;
        let window = self.bounded(self.sentences.at(verb_span.start), verb_span);
        let mut content_start = None;
        let mut j = i + 1;
        while j <= i + MAX_WORDS_VERB_TO_COMPLEMENTIZER {
            let (Some(span), Some(prev)) = (self.words.span(j), self.words.span(j - 1)) else {
                break;
            };
            let prev_end = prev.end;
            let between = self.text.get(prev_end..span.start).unwrap_or("");
            if span.end > window.end
                || self.quoted.get(j).copied().unwrap_or(true)
                || between.contains(|c: char| !c.is_whitespace() && c != ',')
            {
                break;
            }
            if self.lex.is(self.words.key(j), COMPLEMENTIZER) {
                content_start = Some(span.end);
                break;
            }
            j += 1;
        }
        let incise = self.follows_quote(i);
        if content_start.is_none() && (verb.bare || verb.content) && !incise {
            if let Some(after_verb) = self.words.span(i + 1).filter(|n| n.end <= window.end) {
                let between = self.text.get(verb_span.end..after_verb.start).unwrap_or("");
                let plain = between.chars().all(char::is_whitespace);
                // "said on Sunday the government would ...": a clause may follow a time
                // adverbial, but "said in a statement." reports nothing.
                let key = |k: usize| self.words.key(k);
                let mut opener = i + 1;
                if self.lex.is(key(opener), STOP) && self.lex.is(key(opener + 1), TIME) {
                    opener += 2;
                } else if self.lex.is(key(opener), TIME) {
                    opener += 1;
                }
                let blocked =
                    self.lex.is(key(opener), STOP) && !self.lex.is(key(opener + 1), QUANTITY);
                let next = self.words.span(opener).filter(|n| n.end <= window.end);
                let next = next.unwrap_or(after_verb);
                let needed_words = if verb.content { 2 } else { 3 };
                let next_starts_lower = self
                    .text
                    .get(next.start..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(|c| !c.is_uppercase());
                let clause_words = (opener..self.words.len())
                    .take_while(|&k| self.words.span(k).is_some_and(|s| s.end <= window.end))
                    .count();
                // "told reporters: «...»" introduces a direct quotation, not a clause.
                let clause = self.text.get(next.start..window.end).unwrap_or("");
                let introduces_quote =
                    clause.contains(':') || self.quoted.get(i + 1).copied().unwrap_or(false);
                // A capital after the verb is more often an inverted speaker ("said
                // Smith") than a claim, unless a subject stands before the verb.
                let has_subject = self
                    .verb_phrase(i)
                    .and_then(|(first, _, _)| self.words.span(first))
                    .is_some_and(|s| self.chunk_before(s.start, window.start).0.is_some());
                if plain
                    && !blocked
                    && !introduces_quote
                    && (next_starts_lower || has_subject)
                    && clause_words >= needed_words
                {
                    content_start = Some(next.start);
                }
            }
        }
        if content_start.is_none() && !incise {
            if let Some(content) = self.trailing_reporting_clause(i, window) {
                let a = self.speaker_of_verb(i, window, earlier);
                return Some(self.quote(content, QuoteKind::Indirect, a));
            }
        }
        let content_start = content_start?;
        let content = self.content_span(content_start, window.end);
        if self.word_count(content) < 2 {
            return None;
        }
        let a = self.speaker_of_verb(i, window, earlier);
        Some(self.quote(content, QuoteKind::Indirect, a))
    }

    /// "Content, the ministry said (on Saturday)." / "Contenu, a indiqué l'armée.":
    /// a reporting clause closing the sentence reports what comes before its comma.
    fn trailing_reporting_clause(&self, i: usize, window: Span) -> Option<Span> {
        let (first, cue, _) = self.verb_phrase(i)?;
        let phrase_start = self.words.span(first)?.start;
        let words_after = (i + 1..self.words.len())
            .take_while(|&k| self.words.span(k).is_some_and(|s| s.end <= window.end))
            .count();
        if words_after > MAX_WORDS_AFTER_TRAILING_VERB
            || (i + 1..i + 1 + words_after).any(|k| self.lex.is(self.words.key(k), COMPLEMENTIZER))
        {
            return None;
        }
        let rest = self.text.get(cue.end..window.end).unwrap_or("");
        if rest.contains([',', ':', ';']) {
            return None;
        }
        let lead = self
            .text
            .get(window.start..phrase_start)
            .unwrap_or("")
            .trim_end();
        let content = if let Some(before_comma) = lead.strip_suffix(',') {
            // Inverted: "..., a indiqué l'armée." needs the speaker after the verb,
            // and nothing but a few words after it ("Le porte-parole, X, a dénoncé
            // une «...»" is an apposition, not a claim).
            let np = noun_phrase_after(self.text, cue.end, window.end, &self.words, self.lex)?;
            let tail = self.text.get(np.end..window.end).unwrap_or("");
            if self.word_count(Span::new(np.end, window.end)) > MAX_WORDS_AFTER_TRAILING_VERB
                || tail.contains(['«', '»', '“', '”', '"'])
            {
                return None;
            }
            before_comma
        } else {
            let chunk = self.chunk_before(phrase_start, window.start).0?;
            let lead = self
                .text
                .get(window.start..chunk.start)
                .unwrap_or("")
                .trim_end();
            lead.strip_suffix(',')?
        }
        .trim_end();
        if content.ends_with(['»', '”', '"', '“', '’']) {
            return None;
        }
        let span = self.content_span(window.start, window.start + content.len());
        (self.word_count(span) >= 3).then_some(span)
    }

    fn is_reporting_phrase_cue(&self, q: &Quote) -> bool {
        q.cue_span.is_some_and(|c| {
            let i = self.words.first_from(c.start);
            reporting_phrase_at(self.lex, &self.words, i).is_some()
        })
    }

    /// Whether speech verb `i` is an incise right after a quotation ("», a-t-il dit que").
    fn follows_quote(&self, i: usize) -> bool {
        let Some((first, _, _)) = self.verb_phrase(i) else {
            return false;
        };
        let Some(start) = self.words.span(first).map(|s| s.start) else {
            return false;
        };
        let floor = self.sentences.at(start).start;
        let ends_with_quote = |pos: usize| {
            let before = self.text.get(floor..pos).unwrap_or("");
            let before = before.trim_end().trim_end_matches(',').trim_end();
            before.ends_with(['»', '”', '"', '“', '’', '\''])
        };
        if ends_with_quote(start) {
            return true;
        }
        if self.coordinated(start, floor) {
            return false;
        }
        // '"...," Marcos said in a speech': the subject stands between quote and verb.
        self.chunk_before(start, floor)
            .0
            .is_some_and(|chunk| ends_with_quote(chunk.start))
    }

    fn indirect_from_phrase(&self, i: usize, len: usize, earlier: &[Quote]) -> Option<Quote> {
        let cue_first = self.words.span(i)?;
        let cue_end = self.words.span(i + len - 1)?.end;
        let window = self.bounded(self.sentences.at(cue_first.start), cue_first);
        let source = noun_phrase_after(self.text, cue_end, window.end, &self.words, self.lex)?;
        let before = self.text.get(window.start..cue_first.start).unwrap_or("");
        let content = if before.trim().is_empty() {
            // "Selon X, content."
            let after = self.text.get(source.end..window.end).unwrap_or("");
            let skipped = after.len() - after.trim_start_matches([',', ' ', '\u{a0}']).len();
            self.content_span(source.end + skipped, window.end)
        } else {
            // "Content, selon X." (or "Content, selon X, more content."): the sentence without the cue.
            let rest = self.text.get(source.end..window.end).unwrap_or("");
            if rest
                .trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '.' | ',' | ';' | '!' | '?')
                })
                .is_empty()
            {
                let lead = before.trim_end().trim_end_matches(',');
                self.content_span(window.start, window.start + lead.len())
            } else {
                self.content_span(window.start, window.end)
            }
        };
        if self.word_count(content) < 2 {
            return None;
        }
        let a = Attribution {
            speaker: self.resolve(source, earlier),
            speaker_span: Some(source),
            cue_span: Some(Span::new(cue_first.start, cue_end)),
        };
        Some(self.quote(content, QuoteKind::Indirect, a))
    }

    /// The reported words from `start` to the end of the sentence, without the final stop.
    fn content_span(&self, start: usize, end: usize) -> Span {
        // Wire copy opens with its dateline ("GAZA (Reuters) - "): not reported words.
        let start = match self.reading.doc.meta.dateline.as_ref().map(|d| d.span) {
            Some(d) if start < d.end && d.end < end => {
                let rest = self.text.get(d.end..end).unwrap_or("");
                let skipped = rest.len()
                    - rest
                        .trim_start_matches(|c: char| {
                            c.is_whitespace() || matches!(c, '-' | '–' | '—' | ':' | ')')
                        })
                        .len();
                d.end + skipped
            }
            _ => start,
        };
        let slice = self.text.get(start..end).unwrap_or("");
        let kept = slice.trim_end().trim_end_matches(['.', ';']).trim_end();
        marks::trim(self.text, Span::new(start, start + kept.len()))
    }
}

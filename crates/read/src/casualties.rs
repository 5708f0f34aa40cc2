//! The casualties reader: counts of people killed, injured, arrested, missing,
//! displaced or kidnapped, with the group they belong to, who gave the figure,
//! and (set later by the events reader) the event they belong to.
//!
//! Casualty words, group words, source cues and fallback count words are data
//! (`resources/lang/<iso>/casualty_verbs.tsv`); counts come from the text
//! layer's quantities ("plus de 2 000", "des centaines" -> 200+).
//!
//! ```
//! use dateline_model::{CasualtyKind, Document};
//! let mut doc = Document::new("d1", "Au moins 12 civils ont été tués lundi.".to_string());
//! doc.meta.language = Some("fr".into());
//! let reading = dateline_read::read(doc);
//! let c = &reading.casualties[0];
//! assert_eq!((c.kind, c.min, c.group.as_deref()), (CasualtyKind::Killed, Some(12), Some("civils")));
//! ```

use crate::events::casualty_view;
use crate::events::index::DocIndex;
use crate::events::lexicon::{Direction, Lexicon, Role};
use crate::events::scan::View;
use crate::quotes::QuoteIndex;
use crate::Context;
use dateline_model::{Casualty, GroupRole, Reading, Span, TokenKind};
use std::ops::Range;

/// How far back from a casualty word its counts may stand, in tokens.
const WINDOW: usize = 20;

pub fn read(reading: &mut Reading, cx: &Context) {
    let Some((view, lex)) = casualty_view(reading, &cx.lang) else {
        return;
    };
    let mut found = Vec::new();
    // Sorted once per document so each sentence looks up its own quantities
    // and dates by binary search: a per-sentence scan is quadratic on long texts.
    let index = SpanIndex::new(reading);
    for range in view.sentences.clone() {
        read_sentence(reading, cx, lex, &view, &index, range, &mut found);
    }
    reading.casualties.extend(found);
}

/// The document's quantity indices and date spans, sorted by start.
struct SpanIndex {
    quantities: Vec<(usize, usize)>,
    dates: Vec<Span>,
    mentions: DocIndex,
    quotes: QuoteIndex,
}

impl SpanIndex {
    fn new(reading: &Reading) -> Self {
        let mut quantities: Vec<(usize, usize)> = reading
            .text
            .quantities
            .iter()
            .enumerate()
            .map(|(i, q)| (q.span.start, i))
            .collect();
        quantities.sort_unstable();
        let mut dates: Vec<Span> = reading.text.dates.iter().map(|d| d.span).collect();
        dates.sort_unstable_by_key(|d| d.start);
        Self {
            quantities,
            dates,
            mentions: DocIndex::build(reading),
            quotes: QuoteIndex::build(reading),
        }
    }

    /// Quantity indices whose span starts inside `span`, in text order.
    fn quantities_in(&self, span: Span) -> &[(usize, usize)] {
        let from = self.quantities.partition_point(|(s, _)| *s < span.start);
        let to = self
            .quantities
            .partition_point(|(s, _)| *s < span.end.max(span.start + 1));
        self.quantities.get(from..to).unwrap_or(&[])
    }

    /// Whether a date overlaps `span`. Dates are short, so one that overlaps
    /// starts within a bounded look-back; walk back until dates end before it.
    fn has_date_over(&self, span: Span) -> bool {
        let to = self.dates.partition_point(|d| d.start < span.end);
        self.dates
            .get(..to)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(64)
            .any(|d| d.overlaps(span))
    }
}

/// A count in the text: token range and value.
#[derive(Clone)]
struct Count {
    tokens: Range<usize>,
    min: u64,
    max: Option<u64>,
    approximate: bool,
}

fn read_sentence(
    reading: &Reading,
    cx: &Context,
    lex: &Lexicon,
    view: &View,
    index: &SpanIndex,
    range: Range<usize>,
    out: &mut Vec<Casualty>,
) {
    let counts = counts_in(reading, lex, view, index, range.clone());
    if counts.is_empty() {
        return;
    }
    let mut used: Vec<Range<usize>> = Vec::new();
    let source =
        crate::quotes::attribution_in(reading, cx, &index.quotes, view.cover(range.clone()))
            .and_then(|(entity, _)| entity)
            .or_else(|| source_in(&index.mentions, lex, view, range.clone()));
    let mut i = range.start;
    while i < range.end {
        let hit = lex
            .casualty_first
            .get(view.word(i))
            .into_iter()
            .flatten()
            .filter_map(|&k| lex.casualty_words.get(k))
            .find(|c| {
                c.words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| i + k < range.end && view.word(i + k) == w)
            });
        let Some(word) = hit else {
            i += 1;
            continue;
        };
        let word_end = i + word.words.len();
        // "killing at least nine": the count follows at once (one word may stand between,
        // not a coordinator: "were wounded and 30 people" is another clause's count).
        let reach = if word.direction == Direction::Right {
            2
        } else {
            1
        };
        let right: Vec<&Count> = counts
            .iter()
            .filter(|c| c.tokens.start >= word_end && c.tokens.start <= word_end + reach)
            .filter(|c| {
                (word_end..c.tokens.start).all(|k| {
                    !view.is_break_punct(k) && !lex.role(Role::Coordinator).has(view.word(k))
                })
            })
            .take(1)
            .collect();
        let direction = match word.direction {
            Direction::Both if right.is_empty() => Direction::Left,
            Direction::Both => Direction::Right,
            d => d,
        };
        let picked: Vec<&Count> = match direction {
            Direction::Left => counts_left(lex, view, &counts, range.start, i),
            _ => right,
        };
        for count in picked {
            if used.iter().any(|u| u.start == count.tokens.start) {
                continue;
            }
            used.push(count.tokens.clone());
            let group_tokens = match direction {
                Direction::Left => group_between(lex, view, count.tokens.end, i),
                Direction::Right | Direction::Both => group_between(
                    lex,
                    view,
                    count.tokens.end,
                    (count.tokens.end + 6).min(range.end),
                ),
            };
            let group_tokens = group_tokens.or_else(|| intro_group(lex, view, word_end, range.end));
            let group_role = group_tokens
                .clone()
                .map(|g| role_of(lex, view, g))
                .unwrap_or(GroupRole::Unknown);
            let group_span = group_tokens.map(|g| view.cover(g));
            let span = if direction == Direction::Left {
                view.cover(count.tokens.start..word_end)
            } else {
                view.cover(i..count.tokens.end)
            };
            out.push(Casualty {
                kind: word.kind,
                min: Some(count.min),
                max: count.max,
                approximate: count.approximate,
                group: group_span.map(|g| reading.doc.slice(g).to_string()),
                group_span,
                group_role,
                reported_by: source,
                place: None,
                event: None,
                span,
            });
        }
        i = word_end;
    }
}

/// The counts of a sentence: the text layer's quantities, else digits and the
/// fallback count words of the casualty file. Years and dates are not counts.
fn counts_in(
    reading: &Reading,
    lex: &Lexicon,
    view: &View,
    index: &SpanIndex,
    range: Range<usize>,
) -> Vec<Count> {
    let span = view.cover(range.clone());
    let is_date = |s: Span| index.has_date_over(s);
    let mut out = Vec::new();
    let from_layer: Vec<_> = index
        .quantities_in(span)
        .iter()
        .filter_map(|(_, i)| reading.text.quantities.get(*i))
        .filter(|q| span.contains(q.span) && !is_date(q.span))
        .collect();
    if !from_layer.is_empty() {
        for q in from_layer {
            let first = view.toks.partition_point(|t| t.span.start < q.span.start);
            let last = view.toks.partition_point(|t| t.span.end <= q.span.end);
            if let Some(min) = q.min.filter(|m| m.is_finite() && *m >= 0.0) {
                out.push(Count {
                    tokens: first..last.max(first + 1),
                    min: min as u64,
                    max: q
                        .max
                        .filter(|m| m.is_finite() && *m >= 0.0)
                        .map(|m| m as u64),
                    approximate: q.approximate,
                });
            }
        }
        return out;
    }
    for i in range {
        let w = view.word(i);
        let value = if view.kind(i) == Some(TokenKind::Number) {
            let digits: String = w.chars().filter(char::is_ascii_digit).collect();
            // "1,5" / "2.5" are not head counts; "2 000" and "2,000" are.
            let grouped = w.chars().filter(|c| !c.is_ascii_digit()).count() == 0 || w.len() >= 5;
            digits
                .parse::<u64>()
                .ok()
                .filter(|_| grouped)
                .map(|n| (n, Some(n), false))
        } else {
            lex.numbers.get(w).copied()
        };
        if let Some((min, max, approximate)) = value {
            if (1900..=2100).contains(&min) && w.len() == 4 {
                continue;
            }
            out.push(Count {
                tokens: i..i + 1,
                min,
                max,
                approximate,
            });
        }
    }
    out
}

/// Counts standing before a casualty word in its clause: the one right before it
/// ("12 dead", "des centaines de blessés"), else every count of a coordinated subject
/// ("26 «criminels armés» et 18 membres des forces de sécurité ont été tués").
fn counts_left<'a>(
    lex: &Lexicon,
    view: &View,
    counts: &'a [Count],
    sentence_start: usize,
    at: usize,
) -> Vec<&'a Count> {
    let mut from = at.saturating_sub(WINDOW).max(sentence_start);
    for k in (from..at).rev() {
        let w = view.word(k);
        if matches!(w, "." | ";" | ":" | "!" | "?") || lex.role(Role::ClauseBreak).has(w) {
            from = k + 1;
            break;
        }
    }
    let before: Vec<&Count> = counts
        .iter()
        .filter(|c| c.tokens.start >= from && c.tokens.end <= at)
        .collect();
    match before.last() {
        Some(last) if at - last.tokens.end <= 2 => vec![last],
        _ => before,
    }
}

/// The victims' group between a count and what follows it: up to a coordinator,
/// auxiliary, punctuation or casualty word. Determiners alone are no group.
fn group_between(lex: &Lexicon, view: &View, from: usize, to: usize) -> Option<Range<usize>> {
    let mut end = from;
    while end < to {
        let w = view.word(end);
        let stop = view.is_break_punct(end)
            || lex.role(Role::Coordinator).has(w)
            || lex.role(Role::Aux).has(w)
            || lex.role(Role::PassiveAux).has(w)
            || lex.role(Role::ClauseBreak).has(w)
            || (end > from && lex.role(Role::PlaceIntro).has(w))
            || view.kind(end) == Some(TokenKind::Number)
            || lex.casualty_first.contains_key(w);
        if stop {
            break;
        }
        end += 1;
    }
    trim_group(lex, view, from..end)
}

/// "dans les deux camps", "among them": a group named after the casualty word.
fn intro_group(
    lex: &Lexicon,
    view: &View,
    from: usize,
    sentence_end: usize,
) -> Option<Range<usize>> {
    let limit = (from + 6).min(sentence_end);
    (from..limit).find_map(|i| {
        let n = lex.group_intro.at(view, i)?;
        // The intro phrase itself names the group ("dans les deux camps") when nothing follows it.
        let after = group_between(lex, view, i + n, sentence_end.min(i + n + 6));
        Some(after.map(|a| i..a.end).unwrap_or(i..i + n))
    })
}

fn trim_group(lex: &Lexicon, view: &View, range: Range<usize>) -> Option<Range<usize>> {
    let mut start = range.start;
    let mut end = range.end;
    while start < end
        && (view.is_quote(start)
            || lex.role(Role::Determiner).has(view.word(start))
            || lex.role(Role::Genitive).has(view.word(start)))
    {
        start += 1;
    }
    while end > start && (view.is_quote(end - 1) || lex.role(Role::Adverb).has(view.word(end - 1)))
    {
        end -= 1;
    }
    (end > start).then_some(start..end)
}

fn role_of(lex: &Lexicon, view: &View, range: Range<usize>) -> GroupRole {
    for i in range.clone() {
        for (words, role) in &lex.groups {
            if i + words.len() <= range.end
                && words.iter().enumerate().all(|(k, w)| view.word(i + k) == w)
            {
                return *role;
            }
        }
    }
    GroupRole::Unknown
}

/// Who gave the figures of a sentence: the entity after "selon"/"according to",
/// or before "said"/"a indiqué".
fn source_in(
    mentions: &DocIndex,
    lex: &Lexicon,
    view: &View,
    range: Range<usize>,
) -> Option<usize> {
    for i in range.clone() {
        if let Some(n) = lex.source_before.at(view, i) {
            let after = view.cover(i + n..(i + n + 10).min(range.end));
            if let Some(e) = first_entity_in(mentions, after, true) {
                return Some(e);
            }
        }
        if lex.source_after.at(view, i).is_some() {
            let before = view.cover(i.saturating_sub(8).max(range.start)..i);
            if let Some(e) = first_entity_in(mentions, before, false) {
                return Some(e);
            }
        }
    }
    None
}

fn first_entity_in(mentions: &DocIndex, span: Span, first: bool) -> Option<usize> {
    let mut inside = mentions.mentions_in(span);
    if first {
        inside.next().map(|(_, e)| e)
    } else {
        inside.last().map(|(_, e)| e)
    }
}

//! The events reader: PLOVER 2.0 events coded from trigger words, with actors and
//! recipients read from visible clause structure, negation, modality, place,
//! date, casualty sizes, and CAMEO/ACLED crosswalks.
//!
//! Triggers, inflections and function words are data (`resources/lang/<iso>/
//! event_triggers.tsv`, `verb_forms.tsv`, `event_syntax.tsv`, `negation.tsv`,
//! `modality.tsv`, `event_contexts.tsv`); the crosswalks are
//! `resources/plover/cameo2plover.tsv` (generated) and `acled.tsv` (curated).
//! Scanning is linear in tokens: one hash lookup per token, then bounded
//! look-around inside the sentence.
//!
//! ```
//! use dateline_model::Document;
//! let mut doc = Document::new("d1", "Les manifestants ont bloqué les routes d'accès au port.".to_string());
//! doc.meta.language = Some("fr".into());
//! let reading = dateline_read::read(doc);
//! assert_eq!(reading.events.first().map(|e| e.kind.as_str()), Some("PROTEST"));
//! ```

pub(crate) mod index;
pub(crate) mod lexicon;
pub(crate) mod scan;

use crate::Context;
use dateline_model::{
    Acled, CasualtyKind, Diagnostic, EntityType, Event, EventSize, GroupRole, Modality,
    Participant, Reading, Span, TokenKind,
};
use index::DocIndex;
use lexicon::{
    acled_table, cameo_table, intent_table, lexicon, Lexicon, PatWord, Role, Tag, Trigger, GAP,
};
use scan::View;
use std::ops::Range;

/// PLOVER types that report speech acts: an event named inside what they govern
/// ("threatened to shell", "demanded the withdrawal") is their content, not news.
const VERBAL_TYPES: &[&str] = &[
    "AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONCEDE",
];
/// PLOVER sectors of armed or security actors (for the ACLED crosswalk).
const ARMED_SECTORS: &[&str] = &[
    "MIL", "COP", "REB", "INS", "UAF", "SPY", "PAR", "SEC", "PRM",
];
/// PLOVER sectors of the state's own forces and government (who "regains" territory).
const STATE_SECTORS: &[&str] = &["MIL", "COP", "GOV", "SEC", "SPY"];
/// PLOVER sectors of political figures: their arrest is itself an ACLED arrest.
const POLITICAL_SECTORS: &[&str] = &["OPP", "PTY", "GOV", "LEG"];
/// Longest subject or object phrase looked at, in tokens.
const MAX_PHRASE: usize = 14;

pub fn read(reading: &mut Reading, cx: &Context) {
    let Some(lex) = lexicon(&cx.lang) else { return };
    let view = View::build(reading, &cx.lang);
    if !lex.problems.is_empty() {
        reading.diagnose(Diagnostic::warning(
            "event-lexicon",
            format!(
                "{} unreadable event resource row(s): {}",
                lex.problems.len(),
                lex.problems.join("; ")
            ),
        ));
    }
    let focus = crate::entities::focus_country(reading);
    let index = DocIndex::build(reading);
    let mut events: Vec<Found> = Vec::new();
    {
        let d = Doc {
            reading,
            cx,
            lex,
            view: &view,
            focus: focus.clone(),
            index: &index,
            quotes: crate::quotes::QuoteIndex::build(reading),
        };
        let mut in_sentence = Vec::new();
        for sentence in 0..view.sentences.len() {
            read_sentence(&d, sentence, &mut in_sentence);
            events.append(&mut in_sentence);
        }
    }
    resolve_demonstratives(lex, &view, &mut events);
    for found in &mut events {
        recode_announced(reading, lex, found);
    }
    let mut events = merge_retellings(events, &reading.casualties);
    events.sort_by_key(|f| f.event.trigger.start);
    let fallbacks = locate(reading, &view, &index, &mut events, focus.as_deref());
    imply_protesters(&mut events, reading, focus.as_deref());
    let domestic = domestic_countries(reading, &mut events);
    if domestic > 0 {
        reading.diagnose(Diagnostic::info(
            "event-country-inferred",
            format!("{domestic} event participant(s) named without a country read as of the country where their event took place"),
        ));
    }
    let inferred = infer_recipients(reading, &index, &mut events);
    if inferred > 0 {
        reading.diagnose(Diagnostic::info(
            "event-recipient-inferred",
            format!("{inferred} event recipient(s) read as the country named after the trigger or where a protest took place: no recipient phrase named one"),
        ));
    }
    link_casualties(reading, &view, &mut events);
    crosswalk_acled(reading, &view, lex, &mut events);
    if fallbacks.2 > 0 {
        reading.diagnose(Diagnostic::info(
            "event-date-inherited",
            format!(
                "{} event(s) dated by an earlier sentence of their paragraph: no date in their own sentence",
                fallbacks.2
            ),
        ));
    }
    if fallbacks.0 + fallbacks.1 > 0 {
        reading.diagnose(Diagnostic::info(
            "event-place-inferred",
            format!(
                "{} event(s) placed by the story's focus country and {} by the dateline: no place named in their sentence",
                fallbacks.0, fallbacks.1
            ),
        ));
    }
    reading.events.extend(events.into_iter().map(|f| f.event));
}

/// What the sentence-level passes share for one document.
struct Doc<'a> {
    reading: &'a Reading,
    cx: &'a Context,
    lex: &'static Lexicon,
    view: &'a View,
    focus: Option<String>,
    index: &'a DocIndex,
    quotes: crate::quotes::QuoteIndex,
}

/// An event being assembled, with what later passes need to know about it.
struct Found {
    event: Event,
    /// Index of the trigger row that produced it.
    trigger: usize,
    sentence: usize,
    noun: bool,
    /// Token range of the phrase the actor was read from (for demonstratives).
    actor_tokens: Range<usize>,
    /// The actor phrase starts with a demonstrative ("ces troupes"): resolve later.
    demonstrative: bool,
    /// A nominal event in a "during" adjunct: its actor is the clause's subject.
    during: bool,
    /// Done to a demonstration ("police fired on protesters").
    against_protest: bool,
    /// Done by demonstrators ("rioters set fire to a police station").
    by_protesters: bool,
}

struct Match {
    trigger: usize,
    tag: Tag,
    start: usize,
    end: usize,
}

/// Reads one sentence's events into `out`, which holds only this sentence's events
/// (so the passes below that revisit earlier events stay within the sentence).
fn read_sentence(d: &Doc, sentence: usize, out: &mut Vec<Found>) {
    let (lex, view) = (d.lex, d.view);
    let Some(mut range) = view.sentences.get(sentence).cloned() else {
        return;
    };
    // "PARIS (Reuters) - Police arrested ...": the dateline and the dash after it are
    // not part of the first clause, so no subject phrase reaches into them.
    if let Some(dateline) = d.reading.doc.meta.dateline.as_ref().map(|x| x.span) {
        let starts_inside = view.span(range.start).start < dateline.end;
        if starts_inside && view.span(range.end.saturating_sub(1)).end > dateline.end {
            while range.start < range.end
                && (view.span(range.start).start < dateline.end
                    || matches!(view.kind(range.start), Some(TokenKind::Punct)))
            {
                range.start += 1;
            }
        }
    }
    let dates: Vec<Span> = d
        .index
        .dates_in(view.cover(range.clone()))
        .map(|(s, _)| s)
        .collect();
    let matches = find_matches(lex, view, range.clone(), &dates);
    if matches.is_empty() {
        return;
    }
    // The event's sentence is the whole sentence, dateline included.
    let sentence_span = view
        .sentences
        .get(sentence)
        .map_or_else(|| view.cover(range.clone()), |r| view.cover(r.clone()));
    let first_in_sentence = out.len();
    let sentence_cover = view.cover(range.clone());
    // Once a speech-act event is read, later triggers in its scope are its content.
    let verb_starts: Vec<usize> = matches
        .iter()
        .filter(|m| lex.triggers.get(m.trigger).is_some_and(|t| !t.noun))
        .map(|m| m.start)
        .collect();
    let mut governed_until: Option<usize> = None;
    let mut protest_until: Option<usize> = None;
    let mut consumed: Vec<Range<usize>> = Vec::new();
    // Objects of verb triggers with the verb's type: "will provide food aid" is one act.
    // With whether the object is a complement clause ("demanded that troops withdraw"),
    // whose verbs are acts of their own.
    let mut objects_of: Vec<(Range<usize>, &str, bool)> = Vec::new();
    for (k, m) in matches.iter().enumerate() {
        let Some(trigger) = lex.triggers.get(m.trigger) else {
            continue;
        };
        if governed_until.is_some_and(|end| m.start < end) {
            continue;
        }
        // "staged demonstrations to demand reforms": a protest's demands are its claims.
        if trigger.kind == "REQUEST" && protest_until.is_some_and(|end| m.start < end) {
            continue;
        }
        if trigger.noun && is_background(lex, view, range.start, m.start) {
            continue;
        }
        // "the Swiss Agency for Development and Cooperation", "the Ceasefire Violations
        // Committee": a trigger word inside a longer name is part of the name.
        if inside_name(d, view.cover(m.start..m.end), sentence_cover) {
            continue;
        }
        // "provided food aid", "a demandé une aide": a noun naming the verb's own act in its
        // object; "halted economic aid", "suspended mediation efforts": a noun at the head of
        // a verb's object is what the verb acts on, not a second event.
        if objects_of.iter().any(|(r, kind, clause)| {
            r.contains(&m.start)
                && ((trigger.noun && *kind == trigger.kind)
                    // Weak nouns ("protesters") are participants: see below. A bare verb
                    // form in a noun phrase ("halted economic aid") or an -ing form opening
                    // the object ("resumed shelling") is a noun; a finite one ("Aid agencies
                    // appealed") or an -ing after a noun ("demonstrators protesting") is a predicate.
                    || (trigger.confidence > 0.6
                        && !clause
                        && !is_purpose(lex, view, range.start, m.start)
                        && (trigger.noun
                            || matches!(m.tag, Tag::Inf | Tag::Plain)
                            || (m.tag == Tag::Ing && m.start == r.start))
                        && object_head_end(lex, view, r.clone()) > m.start))
        }) {
            continue;
        }
        // "..., where 24 people were killed in riots last March", "whom they had taken
        // hostage two weeks ago": a later clause dated well before the story recalls an
        // earlier event as background to the one the sentence reports.
        if out.len() > first_in_sentence && dated_before_story(d, range.clone(), m) {
            continue;
        }
        // "..., one day after a Serbian jet shot down a helicopter", "after five days of
        // fighting": a later clause opened by a background cue tells the cause or what came
        // before the sentence's news.
        if out.len() > first_in_sentence && in_background_clause(lex, view, range.start, m.start) {
            continue;
        }
        // "began a hunger strike to protest", "blockaded Paris to demand": a purpose clause
        // after an act is that act's motive, not news of its own, when it names the same
        // kind of event or a speech act.
        let same_clause_earlier = out.get(first_in_sentence..).unwrap_or(&[]);
        let same_kind_earlier = same_clause_earlier
            .iter()
            .any(|f| f.event.kind == trigger.kind);
        if (is_purpose(lex, view, range.start, m.start)
            && (same_kind_earlier
                || (!same_clause_earlier.is_empty()
                    && VERBAL_TYPES.contains(&trigger.kind.as_str()))))
            || (same_kind_earlier
                && cue_before(lex, Role::PurposeSameKind, view, range.start, m.start))
        {
            continue;
        }
        // Weak nouns inside another event's argument ("fired on protesters") are participants, not events.
        if trigger.noun
            && trigger.confidence <= 0.6
            && consumed.iter().any(|r| r.contains(&m.start))
        {
            // "fired on protesters": the sentence's events were done to a demonstration.
            if trigger.kind == "PROTEST" {
                for f in out.iter_mut().skip(first_in_sentence) {
                    f.against_protest = true;
                }
            }
            continue;
        }
        let next_start = matches.get(k + 1).map(|n| n.start).unwrap_or(range.end);
        // A subject does not reach back over an earlier verb trigger (nouns may be inside it).
        let previous_end = matches
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|p| lex.triggers.get(p.trigger).is_some_and(|t| !t.noun))
            .map_or(range.start, |p| p.end);
        let mut found = build_event(
            d,
            m,
            trigger,
            range.clone(),
            sentence,
            out,
            first_in_sentence,
            next_start,
            previous_end,
        );
        found.event.sentence = sentence_span;
        found.during = trigger.noun && in_during(lex, view, range.start, m.start);
        // "Lors d'une réunion ..., X a dénoncé": the meeting is X's.
        if !trigger.noun && !found.event.actor.is_empty() {
            for earlier in out.iter_mut().skip(first_in_sentence).filter(|f| f.during) {
                earlier.event.actor = found.event.actor.clone();
                earlier.during = false;
            }
        }
        if let Some(object) = object_phrase(lex, view, m.end, range.end) {
            if !trigger.noun {
                let clause =
                    (m.end..object.start).any(|i| lex.role(Role::Complementizer).has(view.word(i)));
                objects_of.push((object.clone(), trigger.kind.as_str(), clause));
            }
            consumed.push(object);
        }
        if !found.actor_tokens.is_empty() {
            consumed.push(found.actor_tokens.clone());
        }
        if VERBAL_TYPES.contains(&trigger.kind.as_str())
            && !(trigger.noun && in_during(lex, view, range.start, m.start))
        {
            governed_until = Some(governed_scope_end(
                lex,
                view,
                m.end,
                range.end,
                &verb_starts,
            ));
        }
        if trigger.kind == "PROTEST" {
            protest_until = Some(governed_scope_end(
                lex,
                view,
                m.end,
                range.end,
                &verb_starts,
            ));
        }
        // Weak nouns that were the subject of this event ("Protesters blocked roads") are dropped;
        // violence done by them is a riot's.
        let mut by_protesters = false;
        for f in out.iter().skip(first_in_sentence) {
            let inside = found
                .actor_tokens
                .contains(&token_at(view, f.event.trigger.start));
            if inside && f.event.kind == "PROTEST" && f.noun {
                by_protesters = true;
            }
        }
        found.by_protesters = by_protesters;
        out.retain(|f| {
            !(f.sentence == sentence
                && f.noun
                && lex
                    .triggers
                    .get(f.trigger)
                    .is_some_and(|t| t.confidence <= 0.6)
                && found
                    .actor_tokens
                    .contains(&token_at(view, f.event.trigger.start)))
        });
        out.push(found);
    }
}

fn token_at(view: &View, byte: usize) -> usize {
    view.toks.partition_point(|t| t.span.start < byte)
}

/// Trigger matches in a sentence, left to right; at each token the longest
/// pattern whose conditions hold wins, and its tokens are not matched again.
fn find_matches(lex: &Lexicon, view: &View, range: Range<usize>, dates: &[Span]) -> Vec<Match> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        // "signed in March": words inside a date are not triggers.
        let span = view.span(i);
        if dates.iter().any(|d| d.contains(span)) {
            i += 1;
            continue;
        }
        let mut best: Option<Match> = None;
        // "the attack", "une demande": after a determiner a verb form is a noun.
        let after_determiner = i > range.start
            && lex.role(Role::Determiner).has(view.word(i - 1))
            && !lex.role(Role::Genitive).has(view.word(i - 1));
        for &(t, tag) in lex.candidates(view.word(i)) {
            let Some(trigger) = lex.triggers.get(t) else {
                continue;
            };
            // "the banned movement", "the wounded": a participle after a determiner is an
            // adjective; "the killing of" (an -ing form) still names the event.
            if after_determiner && !trigger.noun && tag != Tag::Ing {
                continue;
            }
            let Some(end) = match_rest(view, &trigger.rest, i + 1, range.end) else {
                continue;
            };
            if !conditions_hold(view, trigger, range.clone())
                || trigger.unless_next.iter().any(|w| w == view.word(end))
            {
                continue;
            }
            if best.as_ref().map_or(true, |b| end > b.end) {
                best = Some(Match {
                    trigger: t,
                    tag,
                    start: i,
                    end,
                });
            }
        }
        match best {
            Some(m) => {
                i = m.end;
                out.push(m);
            }
            None => i += 1,
        }
    }
    out
}

/// Where the rest of a pattern ends when it matches from token `at`.
fn match_rest(view: &View, rest: &[PatWord], at: usize, limit: usize) -> Option<usize> {
    let Some((first, tail)) = rest.split_first() else {
        return Some(at);
    };
    match first {
        PatWord::Alts(alts) => {
            if at < limit && alts.iter().any(|a| a == view.word(at)) {
                match_rest(view, tail, at + 1, limit)
            } else {
                None
            }
        }
        PatWord::Gap => (0..=GAP).find_map(|skip| {
            let gap_ok = (at..at + skip).all(|g| g < limit && !view.is_break_punct(g));
            if gap_ok {
                match_rest(view, tail, at + skip, limit)
            } else {
                None
            }
        }),
    }
}

fn conditions_hold(view: &View, trigger: &Trigger, range: Range<usize>) -> bool {
    let has = |words: &[String]| {
        range
            .clone()
            .any(|i| words.iter().any(|w| w == view.word(i)))
    };
    (trigger.if_any.is_empty() || has(&trigger.if_any)) && !has(&trigger.unless_any)
}

/// A background cue ("after", "depuis") within four tokens before a nominal trigger.
fn is_background(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> bool {
    let from = at.saturating_sub(4).max(sentence_start);
    (from..at).any(|end| {
        lex.role(Role::Background)
            .ending_at(view, end + 1)
            .is_some()
    }) && !(from..at).any(|i| view.is_break_punct(i))
}

/// How many days before publication a clause's date must be for the clause to be a
/// recollection rather than the news (a week and a few days of reporting delay).
const BACKGROUND_DAYS: i64 = 10;

/// Whether the clause holding a trigger (between the nearest boundaries: punctuation or
/// a clause-opening word) names a date well before the story's publication.
fn dated_before_story(d: &Doc, sentence: Range<usize>, m: &Match) -> bool {
    let (lex, view) = (d.lex, d.view);
    let Some(published) = d.reading.doc.meta.published else {
        return false;
    };
    let boundary =
        |i: usize| view.is_break_punct(i) || lex.role(Role::ClauseBreak).has(view.word(i));
    let start = (sentence.start..m.start)
        .rev()
        .find(|&i| boundary(i))
        .map_or(sentence.start, |i| i + 1);
    let end = (m.end..sentence.end)
        .find(|&i| boundary(i))
        .unwrap_or(sentence.end);
    d.index
        .dates_in(view.cover(start..end))
        .filter_map(|(_, date)| date)
        .any(|date| days_before(&date, &published).is_some_and(|n| n > BACKGROUND_DAYS))
}

/// How many days `date` lies before `reference`, at the precision both give: a date
/// known only to the year or month counts from its last day (so "last year" is old news
/// only once the year is over).
fn days_before(
    date: &dateline_model::PartialDate,
    reference: &dateline_model::PartialDate,
) -> Option<i64> {
    let day_number = |year: i32, month: u8, day: u8| -> i64 {
        i64::from(year) * 372 + i64::from(month) * 31 + i64::from(day)
    };
    let (ry, rm, rd) = (
        reference.year?,
        reference.month.unwrap_or(12),
        reference.day.unwrap_or(31),
    );
    let year = date.year?;
    let month = date.month.unwrap_or(12);
    let day = date.day.unwrap_or(31);
    Some(day_number(ry, rm, rd) - day_number(year, month, day))
}

/// A background cue ("after", "following", "in protest of") between the start of a
/// trigger's clause (the nearest punctuation or clause-opening word) and the trigger.
fn in_background_clause(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> bool {
    let boundary = (sentence_start..at)
        .rev()
        .find(|&i| view.is_break_punct(i) || lex.role(Role::ClauseBreak).has(view.word(i)));
    let clause_start = boundary.map_or(sentence_start, |i| i + 1);
    // "un jour après qu'un avion a abattu": the cue stands right before the clause's
    // opening word.
    let cue_opens = boundary.is_some_and(|b| {
        !view.is_break_punct(b) && lex.role(Role::Background).ending_at(view, b).is_some()
    });
    cue_opens || (clause_start..at).any(|i| lex.role(Role::Background).at(view, i).is_some())
}

/// Whether an entity mention longer than the trigger holds it.
fn inside_name(d: &Doc, trigger: Span, sentence: Span) -> bool {
    d.index
        .mentions_in(sentence)
        .take_while(|(m, _)| m.start <= trigger.start)
        .any(|(m, _)| m.contains(trigger) && m.len() > trigger.len())
}

/// A purpose cue ("to", "in order to", "pour") right before a trigger.
fn is_purpose(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> bool {
    cue_before(lex, Role::Purpose, view, sentence_start, at)
}

/// Whether words of `role` end right before `at`, inside the sentence.
fn cue_before(lex: &Lexicon, role: Role, view: &View, sentence_start: usize, at: usize) -> bool {
    at > sentence_start
        && lex
            .role(role)
            .ending_at(view, at)
            .is_some_and(|n| at - n >= sentence_start)
}

/// Where the head noun phrase of a verb's object ends: at its first preposition other
/// than a genitive ("economic aid | to Serbia", "part of a military aid program | for Bosnia").
fn object_head_end(lex: &Lexicon, view: &View, object: Range<usize>) -> usize {
    object
        .clone()
        .find(|&i| {
            let w = view.word(i);
            !lex.role(Role::Genitive).has(w)
                && (lex.role(Role::Against).has(w)
                    || lex.role(Role::PlaceIntro).has(w)
                    || lex.role(Role::Agent).has(w))
        })
        .unwrap_or(object.end)
}

/// A "during"/"lors de" cue within three tokens before a nominal trigger.
fn in_during(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> bool {
    let from = at.saturating_sub(3).max(sentence_start);
    (from..at).any(|i| lex.role(Role::During).at(view, i).is_some())
}

/// The end of what a speech-act trigger governs: the sentence, or the next
/// semicolon or comma + coordinator ("..., and troops fired").
fn governed_scope_end(
    lex: &Lexicon,
    view: &View,
    from: usize,
    end: usize,
    verb_starts: &[usize],
) -> usize {
    for i in from..end {
        let w = view.word(i);
        if w == ";" || (w == "," && lex.role(Role::Coordinator).at(view, i + 1).is_some()) {
            return i;
        }
        // "a rejeté leurs revendications et a appelé ...": a coordinated predicate is news of its own.
        if let Some(n) = lex.role(Role::Coordinator).at(view, i) {
            let next = i + n;
            if lex.role(Role::Aux).has(view.word(next)) || verb_starts.contains(&next) {
                return i;
            }
        }
    }
    end
}

#[allow(clippy::too_many_arguments)]
fn build_event(
    d: &Doc,
    m: &Match,
    trigger: &Trigger,
    sentence: Range<usize>,
    sentence_index: usize,
    earlier: &[Found],
    first_in_sentence: usize,
    next_match: usize,
    previous_match: usize,
) -> Found {
    let (lex, view, focus) = (d.lex, d.view, d.focus.as_deref());
    let trigger_span = view.cover(m.start..m.end);
    // "an informal meeting", "the killing of": an -ing form after a determiner names the
    // event as a noun does, and its arguments are read as a noun's.
    let nominal = trigger.noun
        || (m.tag == Tag::Ing
            && m.start > sentence.start
            && lex.role(Role::Determiner).has(view.word(m.start - 1)));
    let passive =
        !trigger.noun && m.tag == Tag::Pp && is_passive(lex, view, sentence.start, m.start);
    let negated = is_negated(lex, view, sentence.start, m.start, m.end, sentence.end);
    let speech = speech_frame(lex, view, sentence.start, m.start);
    let quote = quote_speaker(d, trigger_span);
    // "Selon les chiffres du ministère, 26 ... ont été tués": a credited figure is the
    // source's, but the event is still told as fact.
    let attribution_only = quote.as_ref().is_some_and(|(_, q)| is_attribution(d, *q));

    let mut modality = modality_of(
        lex,
        view,
        sentence.start,
        m.start,
        m.tag,
        speech.is_some() || quote.is_some(),
        trigger.noun,
    );
    let mut reported_by = None;
    if let Some((speaker, _)) = &quote {
        reported_by = *speaker;
    } else if let Some(frame) = &speech {
        reported_by = participants(d, frame.clone(), None)
            .into_iter()
            .find_map(|p| p.entity);
    }
    if modality == Modality::Asserted
        && ((quote.is_some() && !attribution_only) || speech.is_some())
    {
        modality = Modality::Reported;
    }

    let mut actor = Vec::new();
    let mut recipient = Vec::new();
    let mut actor_tokens = 0..0;
    let object = object_phrase(lex, view, m.end, sentence.end);
    let quote_speaker_entity = quote.as_ref().and_then(|(s, _)| *s);
    if trigger.actor_after {
        if let Some(obj) = object.clone() {
            actor = participants(d, obj.clone(), quote_speaker_entity);
            actor_tokens = obj;
        }
    } else if nominal {
        // Nouns: "X's protest", "la mobilisation des enseignants contre la réforme".
        let before = noun_premodifiers(lex, view, sentence.start, m.start);
        actor = participants(d, before.clone(), quote_speaker_entity);
        actor_tokens = before.clone();
        let (genitive, against) = noun_complements(lex, view, m.end, sentence.end, next_match);
        // "Les enseignants ont entamé une grève", "students staged demonstrations":
        // the subject of a light verb right before the noun did it.
        if actor.is_empty() {
            let from = m.start.saturating_sub(4).max(sentence.start);
            if let Some(light) = (from..m.start)
                .rev()
                .find(|&i| lex.role(Role::LightVerb).has(view.word(i)))
            {
                let subject = subject_phrase(lex, view, sentence.start.max(previous_match), light);
                actor = participants(d, subject.clone(), quote_speaker_entity);
                actor_tokens = subject;
            }
        }
        // "The ILO reiterated its demand", "insisted on their demands": a possessive
        // after the verb (and one preposition) points back to that verb's subject.
        if actor.is_empty() {
            if let Some(subject) =
                possessor_subject(lex, view, sentence.start.max(previous_match), before.start)
            {
                let people = participants(d, subject.clone(), quote_speaker_entity);
                if !people.is_empty() {
                    actor = people;
                    actor_tokens = subject;
                }
            }
        }
        if actor.is_empty() {
            if let Some(g) = genitive {
                actor = participants(d, g.clone(), quote_speaker_entity);
                actor_tokens = g;
            }
        }
        if let Some(a) = against {
            recipient = participants(d, a, quote_speaker_entity);
        }
    } else {
        let mut subject = subject_phrase(lex, view, sentence.start.max(previous_match), m.start);
        let mut subject_people = participants(d, subject.clone(), quote_speaker_entity);
        // "The Nigerian Union of Teachers (NUT), the umbrella union ..., announced": an
        // apposition names no one; the phrase before it does.
        // "Pakistan, a key U.S. ally, has refused": a phrase set off by commas before the
        // verb describes the subject before it, which did the act.
        // "Greece, like most other members, plans to impose": the phrase may be one more
        // comma back, past a comparison set off like an apposition.
        let set_off = view.word(subject.end) == ",";
        if subject_people.is_empty() || set_off {
            let floor = sentence.start.max(previous_match);
            let mut from = subject.start;
            for _ in 0..2 {
                if from <= floor || view.word(from - 1) != "," {
                    break;
                }
                let before = subject_phrase(lex, view, floor, from - 1);
                if before.is_empty() {
                    break;
                }
                let people = participants(d, before.clone(), quote_speaker_entity);
                if !people.is_empty() {
                    subject = before;
                    subject_people = people;
                    break;
                }
                from = before.start;
            }
        }
        // "France, Germany and Italy agreed": a list's earlier conjuncts stand before commas
        // the phrase reading stopped at.
        if !subject_people.is_empty() {
            let floor = sentence.start.max(previous_match);
            let (wider, people) = list_subject(d, floor, subject.clone(), quote_speaker_entity);
            if people.len() > subject_people.len() {
                subject = wider;
                subject_people = people;
            }
        }
        // "L'armée a annoncé vendredi avoir repris la ville": an infinitive right after a
        // speech verb has that verb's subject as its own.
        if subject_people.is_empty() {
            let floor = sentence.start.max(previous_match);
            let mut k = subject.start;
            while k > floor && skippable(lex, view, k - 1) {
                k -= 1;
            }
            if let Some(speech) = k
                .checked_sub(1)
                .filter(|&k| k >= floor && lex.role(Role::Speech).has(view.word(k)))
            {
                let outer = subject_phrase(lex, view, floor, speech);
                let people = participants(d, outer.clone(), quote_speaker_entity);
                if !people.is_empty() {
                    subject = outer;
                    subject_people = people;
                }
            }
        }
        if passive && !trigger.theme_actor {
            recipient = subject_people;
            if let Some(agent) = agent_phrase(lex, view, m.end, sentence.end) {
                actor = participants(d, agent.clone(), quote_speaker_entity);
                actor_tokens = agent;
            }
        } else {
            actor = subject_people;
            actor_tokens = subject.clone();
            if let Some(obj) = object.clone() {
                recipient = complement_subject(d, m.end, obj.clone(), quote_speaker_entity)
                    .unwrap_or_else(|| object_participants(d, obj, quote_speaker_entity));
            }
            if passive && recipient.is_empty() {
                recipient = the_country_after(lex, view, m.end, sentence.end, focus);
            }
        }
        if trigger.speaker_actor {
            if let Some(frame) = speech.clone() {
                recipient = std::mem::take(&mut actor);
                actor = participants(d, frame.clone(), quote_speaker_entity);
                actor_tokens = frame;
            }
        }
        // "Hungary has said it will support": a pronoun subject of a reported clause is the speaker.
        let pronoun_subject =
            subject.len() == 1 && lex.role(Role::Pronoun3).has(view.word(subject.start));
        if actor.is_empty() && pronoun_subject {
            if let Some(frame) = speech.clone() {
                actor = participants(d, frame, quote_speaker_entity);
            }
        }
        // "opened fire to disperse demonstrators": a purpose infinitive's actor is the
        // one who did the act it follows.
        if actor.is_empty() && !passive && is_purpose(lex, view, sentence.start, m.start) {
            if let Some(prev) = earlier.get(first_in_sentence..).and_then(|s| s.last()) {
                actor = prev.event.actor.clone();
            }
        }
        // "..., killing five": an empty subject shares the previous event's actor.
        if actor.is_empty() && subject.is_empty() && !passive {
            if let Some(prev) = earlier.get(first_in_sentence..).and_then(|s| s.last()) {
                actor = prev.event.actor.clone();
            }
        }
    }
    // "Nigeria announced that it will withdraw", "farmers said they would blockade": a
    // pronoun subject of a reported clause is the speaker, whatever the pronoun resolved to.
    if !actor.iter().any(|a| a.country.is_some()) {
        let mut j = m.start;
        while j > sentence.start && skippable(lex, view, j - 1) {
            j -= 1;
        }
        let pronoun = j > sentence.start
            && (lex.role(Role::Pronoun3).has(view.word(j - 1))
                || lex.role(Role::PronounPerson).has(view.word(j - 1)));
        if let Some(frame) = speech.clone().filter(|_| pronoun) {
            let speaker = participants(d, frame.clone(), quote_speaker_entity);
            if speaker.iter().any(|p| p.country.is_some())
                || actor.is_empty() && !speaker.is_empty()
            {
                actor = speaker;
                actor_tokens = frame;
            }
        }
    }
    // "..., a constaté un journaliste de l'AFP", the dateline, "(Reuters)": whoever reports
    // the story or is credited for it is its source, not an actor.
    actor.retain(|p| !is_credited(d.reading, p));
    // A phrase read as the actor is not also the recipient.
    recipient.retain(|r| {
        !actor
            .iter()
            .any(|a| matches!((a.span, r.span), (Some(x), Some(y)) if x.overlaps(y)))
    });
    let demonstrative = !actor_tokens.is_empty()
        && lex
            .role(Role::Demonstrative)
            .has(view.word(actor_tokens.start));

    let mut contexts = trigger.contexts.clone();
    for i in sentence.clone() {
        if let Some(ctx) = lex.contexts.get(view.word(i)) {
            if !contexts.contains(ctx) {
                contexts.push(ctx.clone());
            }
        }
    }
    let mut confidence = trigger.confidence;
    if actor.is_empty() {
        confidence -= 0.1;
    }
    let kind = trigger.kind.clone();
    let cameo = trigger.cameo.clone();
    let mode = trigger.mode.clone();
    let event = Event {
        kind,
        mode,
        context: contexts,
        cameo: Some(cameo),
        acled: None,
        actor,
        recipient,
        place: None,
        date: None,
        negated,
        modality,
        reported_by,
        size: EventSize::default(),
        sentence: Span::default(),
        trigger: trigger_span,
        more_evidence: Vec::new(),
        confidence: confidence.clamp(0.05, 1.0),
        rule: trigger.rule.clone(),
    };
    Found {
        event,
        trigger: m.trigger,
        sentence: sentence_index,
        noun: trigger.noun,
        actor_tokens,
        demonstrative,
        during: false,
        against_protest: false,
        by_protesters: false,
    }
}

/// Negated triggers that mean another event ("will not accept": REJECT), and announced
/// events (resources/plover/intent.tsv): future cooperation is AGREE, future conflict THREATEN.
fn recode_announced(reading: &Reading, lex: &Lexicon, found: &mut Found) {
    let Some(trigger) = lex.triggers.get(found.trigger) else {
        return;
    };
    let e = &mut found.event;
    let recode = |e: &mut Event, code: &str| {
        if let Some(entry) = cameo_table().get(code) {
            e.kind = entry.kind.clone();
            e.mode = entry.mode.clone();
            e.cameo = Some(code.to_string());
        }
    };
    if let Some(code) = trigger.negated_cameo.as_deref().filter(|_| e.negated) {
        recode(e, code);
        e.negated = false;
        return;
    }
    let announced = matches!(
        e.modality,
        Modality::Future | Modality::Intended | Modality::Hypothetical
    );
    if !announced || e.negated {
        return;
    }
    let speaker_country = e
        .reported_by
        .and_then(|i| reading.entities.get(i))
        .and_then(|x| x.country.clone());
    let announced_by_other = speaker_country.is_some_and(|c| {
        !e.actor.is_empty()
            && !e
                .actor
                .iter()
                .any(|a| a.country.as_deref() == Some(c.as_str()))
    });
    let intent = intent_table()
        .get(&trigger.kind)
        .filter(|(_, hypothetical)| *hypothetical || e.modality != Modality::Hypothetical);
    if let Some((code, _)) = intent.filter(|_| !announced_by_other) {
        recode(e, code);
    }
}

/// Skippable words between a subject and its verb: auxiliaries, adverbs, negation, pronoun clitics.
fn skippable(lex: &Lexicon, view: &View, i: usize) -> bool {
    let w = view.word(i);
    lex.role(Role::Aux).has(w)
        || lex.role(Role::Adverb).has(w)
        || lex.role(Role::PassiveAux).has(w)
        || lex.role(Role::Reflexive).has(w)
        || lex.negation_before.has(w)
        || lex.negation_suffix.iter().any(|s| w.ends_with(s.as_str()))
        || view.is_quote(i)
        || lex
            .modality_before
            .iter()
            .any(|(cue, _)| cue.len() == 1 && cue.first().is_some_and(|c| c == w))
}

/// A past participle after a passive auxiliary (not a reflexive "s'est retiré").
fn is_passive(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> bool {
    let from = at.saturating_sub(4).max(sentence_start);
    for i in (from..at).rev() {
        let w = view.word(i);
        if lex.role(Role::PassiveAux).has(w) {
            return !(i > sentence_start && lex.role(Role::Reflexive).has(view.word(i - 1)));
        }
        if !skippable(lex, view, i) {
            return false;
        }
    }
    false
}

fn is_negated(
    lex: &Lexicon,
    view: &View,
    sentence_start: usize,
    start: usize,
    end: usize,
    sentence_end: usize,
) -> bool {
    let from = start.saturating_sub(4).max(sentence_start);
    for i in (from..start).rev() {
        if view.is_break_punct(i) || lex.role(Role::ClauseBreak).has(view.word(i)) {
            break;
        }
        let w = view.word(i);
        if lex.negation_before.at(view, i).is_some()
            || lex.negation_suffix.iter().any(|s| w.ends_with(s.as_str()))
        {
            return true;
        }
    }
    (end..(end + 2).min(sentence_end))
        .take_while(|&i| !view.is_break_punct(i))
        .any(|i| lex.negation_after.at(view, i).is_some())
}

fn modality_of(
    lex: &Lexicon,
    view: &View,
    sentence_start: usize,
    start: usize,
    tag: Tag,
    in_speech: bool,
    noun: bool,
) -> Modality {
    // A noun's modality cue stands right before it ("threat of a strike"); a verb's may
    // be further ("will not be able to attack").
    let reach = if noun { 2 } else { 6 };
    let from = start.saturating_sub(reach).max(sentence_start);
    let mut clause_from = from;
    for i in (from..start).rev() {
        if view.is_break_punct(i) {
            clause_from = i + 1;
            break;
        }
    }
    for (cue, modality) in &lex.modality_before {
        let n = cue.len();
        let found = (clause_from..start).any(|end| {
            end + 1 >= clause_from + n
                && cue
                    .iter()
                    .enumerate()
                    .all(|(k, w)| view.word(end + 1 - n + k) == w)
        });
        if found {
            return *modality;
        }
    }
    let tag_name = match (tag, in_speech) {
        (Tag::Fut, _) => "fut",
        (Tag::Cond, true) => "cond-speech",
        (Tag::Cond, false) => "cond",
        _ => return Modality::Asserted,
    };
    lex.modality_tags
        .iter()
        .find(|(t, _)| t == tag_name)
        .map(|(_, m)| *m)
        .unwrap_or(Modality::Asserted)
}

/// A reporting verb before the trigger whose complement holds it ("a précisé que ...",
/// "said it would ..."): the token range of the speaker's phrase.
fn speech_frame(
    lex: &Lexicon,
    view: &View,
    sentence_start: usize,
    start: usize,
) -> Option<Range<usize>> {
    for p in (sentence_start..start).rev() {
        let w = view.word(p);
        if w == ";" || w == ":" {
            return None;
        }
        if lex.role(Role::Speech).has(w) {
            let complement = lex.role(Role::ClauseBreak).has(view.word(p + 1)) || lex.bare_report;
            if complement && p + 1 < start {
                let mut subject = subject_phrase(lex, view, sentence_start, p);
                // Across an apposition: "X, the umbrella union for teachers, announced".
                if subject.start > sentence_start && view.word(subject.start - 1) == "," {
                    let before = subject_phrase(lex, view, sentence_start, subject.start - 1);
                    if !before.is_empty() {
                        subject = before.start..subject.end;
                    }
                }
                return Some(subject);
            }
        }
    }
    None
}

/// The speaker of the quotation holding a span: from the quotes layer, else `(None, _)` for a bare quoted region.
fn quote_speaker(d: &Doc, span: Span) -> Option<(Option<usize>, Span)> {
    let (reading, view) = (d.reading, d.view);
    if let Some((speaker, index)) = d.quotes.claim_at(reading, span) {
        let quoted = reading.quotes.get(index).map_or(span, |q| q.span);
        return Some((speaker, quoted));
    }
    // Without the quotes layer (unsupported quoting style), a long quoted region still counts.
    if !reading.quotes.is_empty() {
        return None;
    }
    view.quote_around(span)
        .filter(|q| q.len() > 40)
        .map(|q| (None, q))
}

/// Whether a quotation is only a credited source: "selon X, ...", "according to X", or a
/// trailing "..., officials said" (wire copy's sourcing of facts, not a claim).
fn is_attribution(d: &Doc, quoted: Span) -> bool {
    let lex = d.lex;
    d.quotes
        .with_span(quoted)
        .filter_map(|i| d.reading.quotes.get(i))
        .filter(|q| q.kind == dateline_model::QuoteKind::Indirect)
        .any(|q| {
            let trailing = q.cue_span.is_some_and(|c| c.start >= q.span.end);
            trailing
                || q.cue
                    .as_deref()
                    .is_some_and(|cue| lex.source_before.has(&scan::fold(cue)))
        })
}

/// The subject phrase left of a verb: back over auxiliaries and adverbs, across one
/// apposition comma or parenthesis, up to a clause boundary.
fn subject_phrase(lex: &Lexicon, view: &View, sentence_start: usize, verb: usize) -> Range<usize> {
    let mut j = verb;
    while j > sentence_start && skippable(lex, view, j - 1) {
        j -= 1;
    }
    // "le président kazakh, Kassym-Jomart Tokaïev, a dénoncé" / "soldats (organisation ...) ont été".
    if j > sentence_start && view.word(j - 1) == "," {
        j -= 1;
    }
    if j > sentence_start && view.word(j - 1) == ")" {
        j = paren_open(view, sentence_start, j - 1);
    }
    let end = j;
    while j > sentence_start && end - j < MAX_PHRASE {
        let k = j - 1;
        let w = view.word(k);
        // "The Asia-Pacific Economic Cooperation (APEC) forum": parentheses stay inside.
        if w == ")" {
            j = paren_open(view, sentence_start, k);
            continue;
        }
        if view.is_break_punct(k)
            || lex.role(Role::ClauseBreak).has(w)
            || lex.role(Role::Speech).has(w)
        {
            break;
        }
        if lex.role(Role::Coordinator).has(w) && j == end {
            break;
        }
        j -= 1;
    }
    // "said today it had expelled": adverbs opening the phrase are not part of it.
    while j < end && skippable(lex, view, j) && !lex.role(Role::Pronoun3).has(view.word(j)) {
        j += 1;
    }
    j..end
}

/// The subject phrase of the verb before a possessive that opens a noun trigger's
/// phrase (`at` is where the noun's premodifiers start): "X reiterated its demand",
/// "X insisted on its demands". None when no possessive stands there or no verb-like
/// word precedes it.
fn possessor_subject(lex: &Lexicon, view: &View, floor: usize, at: usize) -> Option<Range<usize>> {
    let possessive = at.checked_sub(1).filter(|&p| p >= floor)?;
    if !lex.role(Role::Possessive).has(view.word(possessive)) {
        return None;
    }
    let mut verb = possessive.checked_sub(1).filter(|&v| v >= floor)?;
    let preposition = |w: &str| {
        lex.role(Role::Against).has(w)
            || lex.role(Role::PlaceIntro).has(w)
            || lex.role(Role::Genitive).has(w)
    };
    if preposition(view.word(verb)) {
        verb = verb.checked_sub(1).filter(|&v| v >= floor)?;
    }
    let w = view.word(verb);
    let not_a_verb = view.is_break_punct(verb)
        || preposition(w)
        || lex.role(Role::Determiner).has(w)
        || lex.role(Role::Coordinator).has(w)
        || lex.role(Role::ClauseBreak).has(w);
    if not_a_verb {
        return None;
    }
    let subject = subject_phrase(lex, view, floor, verb);
    (!subject.is_empty()).then_some(subject)
}

/// A subject that ends a list ("Germany and Italy" in "France, Germany and Italy agreed")
/// widened back over the list's comma-separated conjuncts, each a short phrase naming
/// someone; an opening adjunct ("On Monday, ...", "In Paris, ...") names no one or starts
/// with a preposition and stops the walk.
fn list_subject(
    d: &Doc,
    floor: usize,
    subject: Range<usize>,
    speaker: Option<usize>,
) -> (Range<usize>, Vec<Participant>) {
    let (lex, view) = (d.lex, d.view);
    let is_list = subject
        .clone()
        .any(|i| lex.role(Role::Coordinator).has(view.word(i)));
    let mut start = subject.start;
    if is_list {
        // Bounded: a list of more than eight names is not a subject phrase.
        for _ in 0..8 {
            // "La France, l'Allemagne et l'Italie": an elided article the phrase reading
            // trimmed stands between the comma and the conjunct.
            let mut before = start;
            while before > floor && skippable(lex, view, before - 1) {
                before -= 1;
            }
            if before <= floor || view.word(before - 1) != "," {
                break;
            }
            let comma = before - 1;
            let mut j = comma;
            while j > floor && comma - j < 5 {
                let w = view.word(j - 1);
                if view.is_break_punct(j - 1)
                    || lex.role(Role::ClauseBreak).has(w)
                    || lex.role(Role::Speech).has(w)
                {
                    break;
                }
                j -= 1;
            }
            let conjunct = j..comma;
            let opens_with_preposition = conjunct.is_empty()
                || lex.role(Role::PlaceIntro).has(view.word(j))
                || lex.role(Role::Against).has(view.word(j))
                || lex.role(Role::During).has(view.word(j))
                || lex.role(Role::Background).at(view, j).is_some();
            let reached_boundary = j == floor || view.is_break_punct(j - 1);
            if opens_with_preposition
                || !reached_boundary
                || participants(d, conjunct.clone(), speaker).is_empty()
            {
                break;
            }
            start = j;
        }
    }
    let wider = start..subject.end;
    let people = participants(d, wider.clone(), speaker);
    (wider, people)
}

/// The index of the "(" matching the ")" at `close` (or `close` when unmatched).
fn paren_open(view: &View, sentence_start: usize, close: usize) -> usize {
    let mut depth = 0usize;
    for k in (sentence_start..=close).rev() {
        match view.word(k) {
            ")" => depth += 1,
            "(" => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k;
                }
            }
            _ => {}
        }
    }
    close
}

/// The object phrase right of a trigger, up to a clause boundary or the next trigger.
fn object_phrase(
    lex: &Lexicon,
    view: &View,
    from: usize,
    sentence_end: usize,
) -> Option<Range<usize>> {
    let mut start = from;
    if let Some(n) = lex.role(Role::Against).at(view, start) {
        start += n;
    }
    // "demanded Friday that Hamas renounce": the recipient is the complement's subject.
    while start < sentence_end && lex.role(Role::Adverb).has(view.word(start)) {
        start += 1;
    }
    if let Some(n) = lex.role(Role::Complementizer).at(view, start) {
        start += n;
    }
    let mut end = start;
    while end < sentence_end && end - start < MAX_PHRASE {
        let w = view.word(end);
        if view.is_break_punct(end)
            || lex.role(Role::ClauseBreak).has(w)
            || lex.role(Role::Speech).has(w)
            || (end > start && lex.role(Role::Background).at(view, end).is_some())
        {
            break;
        }
        end += 1;
    }
    (end > start).then_some(start..end)
}

/// Words right before a noun trigger that name who did it ("Palestinian riots", "a U.S. request").
fn noun_premodifiers(lex: &Lexicon, view: &View, sentence_start: usize, at: usize) -> Range<usize> {
    let mut j = at;
    while j > sentence_start && at - j < 4 {
        let k = j - 1;
        let w = view.word(k);
        // "Klibi undertook mediation": a verb before the noun ends its modifiers.
        if view.is_break_punct(k)
            || lex.role(Role::Determiner).has(w)
            || lex.role(Role::Genitive).has(w)
            || lex.role(Role::Against).has(w)
            || lex.role(Role::During).has(w)
            || lex.role(Role::LightVerb).has(w)
            || lex.role(Role::Aux).has(w)
            || lex.role(Role::Speech).has(w)
        {
            break;
        }
        j -= 1;
    }
    j..at
}

/// After a noun trigger: a genitive phrase (the actor) and an "against" phrase (the recipient).
fn noun_complements(
    lex: &Lexicon,
    view: &View,
    from: usize,
    sentence_end: usize,
    next_match: usize,
) -> (Option<Range<usize>>, Option<Range<usize>>) {
    let mut genitive = None;
    let mut against = None;
    let mut i = from;
    while i < sentence_end && i < next_match && i - from < MAX_PHRASE && !view.is_break_punct(i) {
        let w = view.word(i);
        if genitive.is_none() && against.is_none() && i == from && lex.role(Role::Genitive).has(w) {
            genitive = phrase_after(lex, view, i + 1, sentence_end);
        } else if against.is_none()
            && lex.role(Role::Against).at(view, i).is_some()
            && !lex.role(Role::Genitive).has(w)
        {
            let n = lex.role(Role::Against).at(view, i).unwrap_or(1);
            against = phrase_after(lex, view, i + n, sentence_end);
            break;
        }
        i += 1;
    }
    (genitive, against)
}

/// A noun phrase from `start`: up to a boundary or the next preposition.
fn phrase_after(
    lex: &Lexicon,
    view: &View,
    start: usize,
    sentence_end: usize,
) -> Option<Range<usize>> {
    let mut end = start;
    while end < sentence_end && end - start < MAX_PHRASE {
        let w = view.word(end);
        if view.is_break_punct(end)
            || lex.role(Role::ClauseBreak).has(w)
            || (end > start
                && (lex.role(Role::Against).has(w)
                    || lex.role(Role::PlaceIntro).has(w)
                    || lex.role(Role::Agent).has(w)))
        {
            break;
        }
        end += 1;
    }
    (end > start).then_some(start..end)
}

/// "by X" / "par X" after a passive verb.
fn agent_phrase(
    lex: &Lexicon,
    view: &View,
    from: usize,
    sentence_end: usize,
) -> Option<Range<usize>> {
    // "accused of misusing public funds by current government officials": the agent may
    // stand well after the verb, but inside its clause.
    let limit = (from + 16).min(sentence_end);
    let mut i = from;
    while i < limit && !view.is_break_punct(i) {
        if let Some(n) = lex.role(Role::Agent).at(view, i) {
            return phrase_after(lex, view, i + n, sentence_end);
        }
        i += 1;
    }
    None
}

/// "déployés dans le pays": the story's focus country as the recipient of a deployment.
fn the_country_after(
    lex: &Lexicon,
    view: &View,
    from: usize,
    sentence_end: usize,
    focus: Option<&str>,
) -> Vec<Participant> {
    let limit = (from + 8).min(sentence_end);
    for i in from..limit {
        if view.is_break_punct(i) {
            break;
        }
        if let Some(n) = lex.role(Role::TheCountry).at(view, i) {
            if let Some(country) = focus {
                let span = view.cover(i..i + n);
                return vec![Participant {
                    entity: None,
                    text: String::new(),
                    span: Some(span),
                    country: Some(country.to_string()),
                    sector: None,
                }];
            }
        }
    }
    Vec::new()
}

/// The participants named in a phrase: one per conjunct ("la Russie, la Biélorussie et
/// l'Arménie"), each the head entity of its conjunct; pronouns resolved to the
/// quote's speaker (first person) or the last person named (third person).
fn participants(d: &Doc, range: Range<usize>, speaker: Option<usize>) -> Vec<Participant> {
    let (reading, lex, view) = (d.reading, d.lex, d.view);
    if range.is_empty() {
        return Vec::new();
    }
    let words: Vec<usize> = range
        .clone()
        .filter(|&i| !view.is_quote(i) && !lex.role(Role::Determiner).has(view.word(i)))
        .collect();
    // "The US rejected": a word written in capitals is an acronym, not the pronoun "us".
    let acronym = |i: usize| {
        let raw = reading.doc.slice(view.span(i));
        raw.chars().count() > 1 && raw.chars().all(|c| c.is_uppercase())
    };
    if let Some(&i) = words.first().filter(|&&i| words.len() == 1 && !acronym(i)) {
        let w = view.word(i);
        if lex.role(Role::Pronoun1).has(w) {
            return speaker
                .map(|e| vec![from_entity(reading, e, None)])
                .unwrap_or_default();
        }
        if lex.role(Role::PronounPerson).has(w) {
            return crate::entities::resolve_speaker(reading, d.cx, view.span(i))
                .or_else(|| d.index.last_person_before(view.span(i).start))
                .map(|e| vec![from_entity(reading, e, Some(view.span(i)))])
                .unwrap_or_default();
        }
    }
    // Split into conjuncts at coordinators and commas.
    let mut conjuncts: Vec<Range<usize>> = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        if view.word(i) == "," || lex.role(Role::Coordinator).has(view.word(i)) {
            if i > start {
                conjuncts.push(start..i);
            }
            start = i + 1;
        }
    }
    if range.end > start {
        conjuncts.push(start..range.end);
    }
    let mut out: Vec<Participant> = Vec::new();
    for conjunct in conjuncts {
        let span = view.cover(conjunct.clone());
        let mut participant = crate::entities::actor_for_span(reading, d.cx, span)
            .or_else(|| entity_participant(reading, d.index, span, lex.head_last));
        // "U.S. Secretary of State Warren Christopher": a person's country from the phrase.
        if let Some(p) = participant.as_mut().filter(|p| p.country.is_none()) {
            p.country = country_in(reading, d.index, span);
        }
        if let Some(p) = participant {
            if !out
                .iter()
                .any(|o| o.entity.is_some() && o.entity == p.entity)
            {
                out.push(p);
            }
        }
    }
    out
}

/// News organisations and their people (sector `JRN`), and the dateline and credited
/// sources' words, report events; they are not their actors.
fn is_credited(reading: &Reading, p: &Participant) -> bool {
    const NEWS_SECTOR: &str = "JRN";
    let meta = &reading.doc.meta;
    let sector = p.sector.as_deref().or_else(|| {
        p.entity
            .and_then(|e| reading.entities.get(e))
            .and_then(|e| e.sector.as_deref())
    });
    // Inside the credit itself; a phrase that merely runs into it ("7 février - La
    // France va déployer") names someone else.
    let in_credit = p.span.is_some_and(|s| {
        meta.dateline.as_ref().is_some_and(|d| d.span.contains(s))
            || meta.sources.iter().any(|src| src.span.contains(s))
    });
    sector == Some(NEWS_SECTOR) || in_credit
}

/// The recipient named by a verb's object: the object's own noun phrase ("Turkey's
/// efforts", "the US" in "that the US cancel plans to ...") when it names a country,
/// else the first prepositional phrase after it that does ("offered concessions to
/// Great Britain", "shared evidence with the U.S."), else whatever the whole phrase names.
fn object_participants(d: &Doc, object: Range<usize>, speaker: Option<usize>) -> Vec<Participant> {
    let (lex, view) = (d.lex, d.view);
    let against = |i: usize| lex.role(Role::Against).has(view.word(i));
    let opens = |i: usize| {
        against(i)
            || lex.role(Role::PlaceIntro).has(view.word(i))
            || lex.role(Role::Agent).has(view.word(i))
    };
    // A country the phrase names, not one a bare noun ("military intelligence") takes from the story.
    let with_country = |people: &[Participant]| {
        people.iter().any(|p| {
            p.country.is_some()
                && (p.entity.is_some()
                    || p.span
                        .is_some_and(|s| country_in(d.reading, d.index, s).is_some()))
        })
    };
    // Segments: the object's own phrase, then each prepositional phrase; "to", "with",
    // "against" phrases may name a target, "in"/"by" ones (places, agents) do not.
    let mut segments: Vec<(Range<usize>, u8)> = Vec::new();
    let mut from = object.start;
    let mut rank = 0;
    let mut k = object.start;
    while k < object.end {
        // "in defiance of Chinese authorities", "à l'encontre du gouvernement": a
        // several-word "against" phrase opens a target like "against" does.
        let phrase = lex
            .role(Role::Against)
            .at(view, k)
            .filter(|&n| n > 1 && k + n <= object.end);
        if let Some(n) = phrase {
            if k > from {
                segments.push((from..k, rank));
            }
            rank = 0;
            from = k + n;
            k += n;
            continue;
        }
        if k > from && opens(k) {
            segments.push((from..k, rank));
            rank = if against(k) { 0 } else { 2 };
            from = k + 1;
        }
        k += 1;
    }
    segments.push((from..object.end, rank));
    // "blocked streets in Hong Kong in defiance of ...": an object that opens with a place
    // preposition names where, not whom.
    let core_is_place = lex.role(Role::PlaceIntro).has(view.word(object.start));
    if let Some((core, _)) = segments.first().filter(|_| !core_is_place) {
        let people = participants(d, core.clone(), speaker);
        if with_country(&people) {
            return people;
        }
    }
    for (segment, _) in segments.iter().skip(1).filter(|(_, r)| *r == 0) {
        let people = participants(d, segment.clone(), speaker);
        if with_country(&people) {
            return people;
        }
    }
    participants(d, object, speaker)
}

/// "demanded Friday that the United States match the EU's support": when the object is
/// a complement clause, its subject (the first name in it) is who is asked, accused or
/// told, not whatever the clause names later. None when the object is not a complement
/// clause or its first name has no country.
fn complement_subject(
    d: &Doc,
    trigger_end: usize,
    object: Range<usize>,
    speaker: Option<usize>,
) -> Option<Vec<Participant>> {
    let (lex, view) = (d.lex, d.view);
    let opens_clause =
        (trigger_end..object.start).any(|i| lex.role(Role::Complementizer).at(view, i).is_some());
    if !opens_clause {
        return None;
    }
    let (first, _) = d.index.mentions_in(view.cover(object.clone())).next()?;
    let end = token_at(view, first.end).clamp(object.start, object.end);
    let people = participants(d, object.start..end, speaker);
    people.iter().any(|p| p.country.is_some()).then_some(people)
}

/// The country of a place, nation or people named inside a span.
fn country_in(reading: &Reading, index: &DocIndex, span: Span) -> Option<String> {
    index
        .mentions_in(span)
        .filter_map(|(_, e)| reading.entities.get(e).map(|x| (e, x)))
        .filter(|(_, x)| matches!(x.kind, EntityType::Gpe | EntityType::Norp))
        .filter(|(_, x)| x.country.is_some())
        .min_by_key(|(e, _)| *e)
        .and_then(|(_, x)| x.country.clone())
}

/// The head entity mentioned inside a span, as a participant. Uses the entity reader's
/// `actor_for_span` when it is available; this fallback reads the entity layer directly.
fn entity_participant(
    reading: &Reading,
    index: &DocIndex,
    span: Span,
    head_last: bool,
) -> Option<Participant> {
    let mut inside = index.mentions_in(span);
    let (mention, entity) = if head_last {
        inside.last()
    } else {
        inside.next()
    }?;
    Some(from_entity(reading, entity, Some(mention)))
}

fn from_entity(reading: &Reading, entity: usize, mention: Option<Span>) -> Participant {
    let ent = reading.entities.get(entity);
    Participant {
        entity: Some(entity),
        text: mention
            .map(|m| reading.doc.slice(m).to_string())
            .or_else(|| ent.map(|e| e.name.clone()))
            .unwrap_or_default(),
        span: mention,
        country: ent.and_then(|e| e.country.clone()),
        sector: ent.and_then(|e| e.sector.clone()),
    }
}

/// "ces troupes se retireraient": a demonstrative phrase takes the actor of the last
/// earlier event whose actor phrase has a word of the same group role.
fn resolve_demonstratives(lex: &Lexicon, view: &View, events: &mut [Found]) {
    for k in 0..events.len() {
        let Some(found) = events.get(k) else { continue };
        if !found.demonstrative || !found.event.actor.iter().all(|p| p.entity.is_none()) {
            continue;
        }
        let role = group_role_in(lex, view, found.actor_tokens.clone());
        if role.is_none() {
            continue;
        }
        let antecedent = events
            .get(..k)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|f| {
                !f.event.actor.is_empty()
                    && group_role_in(lex, view, f.actor_tokens.clone()) == role
            })
            .map(|f| f.event.actor.clone());
        if let (Some(actor), Some(found)) = (antecedent, events.get_mut(k)) {
            found.event.actor = actor;
        }
    }
}

fn group_role_in(lex: &Lexicon, view: &View, range: Range<usize>) -> Option<GroupRole> {
    range.clone().find_map(|i| {
        lex.groups
            .iter()
            .find(|(words, _)| words.iter().enumerate().all(|(k, w)| view.word(i + k) == w))
            .map(|(_, r)| *r)
    })
}

/// One event per happening: the same type told again (same rule, or the same named
/// actors) with the same polarity becomes further evidence of the first telling.
fn merge_retellings(events: Vec<Found>, casualties: &[dateline_model::Casualty]) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(events.len());
    let mut casualty_spans: Vec<Span> = casualties.iter().map(|c| c.span).collect();
    casualty_spans.sort_unstable_by_key(|c| c.start);
    for found in events {
        let sentence = found.event.sentence;
        let from = casualty_spans.partition_point(|c| c.start < sentence.start);
        let counts_victims = casualty_spans
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.start < sentence.end)
            .any(|c| sentence.contains(*c));
        let same = out.iter_mut().find(|o| {
            let e = &o.event;
            let f = &found.event;
            let actors = |p: &[Participant]| p.iter().filter_map(|a| a.entity).collect::<Vec<_>>();
            let same_actor = !actors(&e.actor).is_empty() && actors(&e.actor) == actors(&f.actor);
            // In one sentence, "dispersed ... and arrested" are two coercions; "opened fire, killing" one assault.
            let same_sentence =
                o.sentence == found.sentence && (e.mode == f.mode || e.kind == "ASSAULT");
            // "... ont été tués. Des centaines de blessés sont à déplorer.": violence told
            // right after, with no one named as doing it, is the same violence.
            // A distinct act done to someone named ("Certains agents ont été décapités")
            // stays its own event; a count of victims ("Une vingtaine de personnes ont été
            // blessées") belongs to the violence before it.
            let follow_up = f.kind == "ASSAULT"
                && f.actor.is_empty()
                && (f.recipient.is_empty() || counts_victims)
                && found.sentence > o.sentence
                && found.sentence <= o.sentence + 2
                && e.modality == f.modality;
            e.kind == f.kind
                && e.negated == f.negated
                && (follow_up || same_sentence || e.rule == f.rule || same_actor)
        });
        match same {
            Some(first) => {
                first
                    .event
                    .more_evidence
                    .push((found.event.sentence, found.event.trigger));
                if first.event.actor.is_empty() {
                    first.event.actor = found.event.actor;
                }
                if first.event.recipient.is_empty() {
                    first.event.recipient = found.event.recipient;
                }
            }
            None => out.push(found),
        }
    }
    out
}

/// Place and date of each event. Returns how many were placed by the focus country and by the
/// dateline, and how many took their date from an earlier sentence.
fn locate(
    reading: &Reading,
    view: &View,
    index: &DocIndex,
    events: &mut [Found],
    focus: Option<&str>,
) -> (usize, usize, usize) {
    let mut by_focus = 0;
    let mut by_dateline = 0;
    let mut inherited = 0;
    let dateline = reading
        .doc
        .meta
        .dateline
        .as_ref()
        .and_then(|d| d.place_span);
    let dateline_place = dateline.and_then(|span| {
        reading
            .places
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.overlaps(span)))
    });
    let focus_place = focus.and_then(|c| {
        reading.places.iter().position(|p| {
            p.country.as_deref() == Some(c)
                && p.precision == Some(dateline_model::GeoPrecision::Country)
        })
    });
    for found in events.iter_mut() {
        let sentence = view
            .sentences
            .get(found.sentence)
            .map(|r| view.cover(r.clone()))
            .unwrap_or(found.event.sentence);
        let named = index
            .places_in(sentence)
            .find(|(m, _)| dateline.map_or(true, |d| !m.overlaps(d)))
            .map(|(_, p)| p);
        found.event.place = match (named, focus_place, dateline_place) {
            (Some(p), _, _) => Some(p),
            (None, Some(p), _) => {
                by_focus += 1;
                Some(p)
            }
            (None, None, Some(p)) => {
                by_dateline += 1;
                Some(p)
            }
            _ => None,
        };
        let mut dates = index.dates_in(sentence).peekable();
        let told = dates.peek().is_some();
        found.event.date = dates.find_map(|(_, value)| value);
        if !told && !announced(found.event.modality) {
            found.event.date = date_before(reading, view, index, found.sentence, sentence);
            inherited += usize::from(found.event.date.is_some());
        }
    }
    (by_focus, by_dateline, inherited)
}

fn announced(modality: Modality) -> bool {
    matches!(
        modality,
        Modality::Future | Modality::Intended | Modality::Hypothetical
    )
}

/// How many sentences back in its paragraph an event looks for the date it was told with.
const DATE_LOOKBACK: usize = 3;

/// The date of an undated sentence's event, told earlier in the same paragraph ("Troops
/// shelled the town on Monday. They also arrested 20 men."): the last resolved date of
/// the nearest earlier sentence that names one; nothing when that sentence's date is
/// unresolved or a paragraph break comes first.
fn date_before(
    reading: &Reading,
    view: &View,
    index: &DocIndex,
    sentence: usize,
    span: Span,
) -> Option<dateline_model::PartialDate> {
    let paragraphs = &reading.text.paragraphs;
    let paragraph = paragraphs
        .get(paragraphs.partition_point(|p| p.end <= span.start))
        .filter(|p| p.contains(span))?;
    for k in (sentence.saturating_sub(DATE_LOOKBACK)..sentence).rev() {
        let earlier = view.sentences.get(k).map(|r| view.cover(r.clone()))?;
        if !paragraph.contains(earlier) {
            return None;
        }
        let mut dates = index.dates_in(earlier).peekable();
        if dates.peek().is_some() {
            return dates.filter_map(|(_, value)| value).last();
        }
    }
    None
}

/// Events whose recipient names no country: the first country named after the trigger
/// in its clause ("agreed to re-open its borders to UN peacekeepers", "lifted a state
/// of emergency in West Darfur"), not reaching into a trailing attribution ("...,
/// officials said"); a protest with none is addressed to the country where it took place.
/// Returns how many recipients were inferred.
fn infer_recipients(reading: &Reading, index: &DocIndex, events: &mut [Found]) -> usize {
    let quotes = crate::quotes::QuoteIndex::build(reading);
    let mut inferred = 0;
    for found in events.iter_mut() {
        let e = &mut found.event;
        if e.recipient.iter().any(|p| p.country.is_some()) {
            continue;
        }
        // A trailing attribution ("..., a Jordanian official confirmed") starts where the
        // indirect quotation holding the trigger ends.
        let limit = quotes
            .claim_at(reading, e.trigger)
            .and_then(|(_, q)| reading.quotes.get(q))
            .filter(|q| q.cue_span.is_some_and(|c| c.start >= q.span.end))
            .map_or(e.sentence.end, |q| q.span.end.min(e.sentence.end));
        let after = Span::new(e.trigger.start, limit.max(e.trigger.start));
        let actor_spans: Vec<Span> = e.actor.iter().filter_map(|a| a.span).collect();
        let named = index
            .mentions_in(after)
            .filter(|(m, _)| !actor_spans.iter().any(|a| a.overlaps(*m)))
            .find_map(|(m, i)| {
                reading
                    .entities
                    .get(i)
                    .filter(|x| {
                        matches!(x.kind, EntityType::Gpe | EntityType::Loc | EntityType::Norp)
                            && x.country.is_some()
                    })
                    .map(|x| (m, i, x))
            });
        let participant = match named {
            Some((m, i, x)) => Some(Participant {
                entity: Some(i),
                text: reading.doc.slice(m).to_string(),
                span: Some(m),
                country: x.country.clone(),
                sector: None,
            }),
            None if e.kind == "PROTEST" => e
                .place
                .and_then(|p| reading.places.get(p))
                .and_then(|p| p.country.clone())
                .map(|country| Participant {
                    entity: None,
                    text: String::new(),
                    span: None,
                    country: Some(country),
                    sector: None,
                }),
            None => None,
        };
        if let Some(p) = participant {
            e.recipient.retain(|r| r.country.is_some());
            e.recipient.push(p);
            inferred += 1;
        }
    }
    inferred
}

/// Participants named without a country ("Shona rebels", "the opposition coalition's
/// leaders") are of the country where their event took place: news names the country
/// of foreign parties and leaves domestic ones implicit. Returns how many were filled.
fn domestic_countries(reading: &Reading, events: &mut [Found]) -> usize {
    let mut filled = 0;
    for found in events.iter_mut() {
        let e = &mut found.event;
        let Some(country) = e
            .place
            .and_then(|p| reading.places.get(p))
            .and_then(|p| p.country.clone())
        else {
            continue;
        };
        for p in e.actor.iter_mut().chain(e.recipient.iter_mut()) {
            if p.country.is_none() {
                p.country = Some(country.clone());
                filled += 1;
            }
        }
    }
    filled
}

/// A protest with no visible actor is done by people of the country where it happens.
fn imply_protesters(events: &mut [Found], reading: &Reading, focus: Option<&str>) {
    for found in events.iter_mut() {
        let e = &mut found.event;
        if e.kind != "PROTEST" || !e.actor.is_empty() {
            continue;
        }
        let country = e
            .place
            .and_then(|p| reading.places.get(p))
            .and_then(|p| p.country.clone())
            .or_else(|| focus.map(str::to_string));
        if country.is_some() {
            e.actor.push(Participant {
                entity: None,
                text: reading.doc.slice(e.trigger).to_string(),
                span: Some(e.trigger),
                country,
                sector: Some("CVL".to_string()),
            });
        }
    }
}

/// Each casualty belongs to the violent (or arrest/abduction) event of its sentence,
/// else the last such event earlier in its paragraph; event sizes sum their figures.
fn link_casualties(reading: &mut Reading, view: &View, events: &mut [Found]) {
    let paragraphs = reading.text.paragraphs.clone();
    // (sentence, event) for every sentence an event is told in, sorted: each casualty
    // finds its sentence's events by binary search instead of scanning all events.
    let mut told: Vec<(usize, usize)> = Vec::with_capacity(events.len());
    for (i, f) in events.iter().enumerate() {
        told.push((f.sentence, i));
        for (s, _) in &f.event.more_evidence {
            if let Some(sentence) = token_sentence(view, s.start) {
                told.push((sentence, i));
            }
        }
    }
    told.sort_unstable();
    told.dedup();
    for casualty in reading.casualties.iter_mut() {
        let wanted: &[&str] = match casualty.kind {
            CasualtyKind::Killed | CasualtyKind::Injured => &["ASSAULT"],
            CasualtyKind::Arrested => &["COERCE"],
            CasualtyKind::Kidnapped => &["ASSAULT"],
            CasualtyKind::Missing | CasualtyKind::Displaced => &["ASSAULT", "COERCE"],
        };
        let sentence = token_sentence(view, casualty.span.start);
        let paragraph = paragraphs
            .get(paragraphs.partition_point(|p| p.end <= casualty.span.start))
            .filter(|p| p.contains(casualty.span))
            .copied();
        let fits = |f: &Found| wanted.contains(&f.event.kind.as_str()) && !f.event.negated;
        let same_sentence = sentence.and_then(|s| {
            let from = told.partition_point(|(t, _)| *t < s);
            told.get(from..)
                .unwrap_or(&[])
                .iter()
                .take_while(|(t, _)| *t == s)
                .map(|(_, i)| *i)
                .filter(|&i| events.get(i).is_some_and(fits))
                .min()
        });
        // Events are in text order: walk back from the casualty while within two sentences.
        let earlier = || {
            let before = events.partition_point(|f| f.event.trigger.start < casualty.span.start);
            let s = sentence?;
            (0..before)
                .rev()
                .take_while(|&i| events.get(i).is_some_and(|f| f.sentence + 2 >= s))
                .find(|&i| {
                    events.get(i).is_some_and(|f| {
                        fits(f)
                            && f.event.trigger.end <= casualty.span.start
                            && paragraph.map_or(true, |p| p.contains(f.event.trigger))
                    })
                })
        };
        let Some(index) = same_sentence.or_else(earlier) else {
            continue;
        };
        casualty.event = Some(index);
        if casualty.place.is_none() {
            casualty.place = events.get(index).and_then(|f| f.event.place);
        }
        let Some(found) = events.get_mut(index) else {
            continue;
        };
        let size = &mut found.event.size;
        let slot = match casualty.kind {
            CasualtyKind::Killed => &mut size.dead,
            CasualtyKind::Injured => &mut size.injured,
            CasualtyKind::Arrested => &mut size.arrested,
            _ => continue,
        };
        if let Some(min) = casualty.min {
            *slot = Some(slot.unwrap_or(0) + min);
        }
    }
}

fn token_sentence(view: &View, byte: usize) -> Option<usize> {
    view.sentence_of(token_at(view, byte))
}

/// ACLED event and sub-event types, by resources/plover/acled.tsv: the first row whose
/// type, mode and conditions hold. Rows that need the story to be political are tried
/// only after every other event had its chance (so one violent event makes the
/// story's arrests and agreements strategic developments).
fn crosswalk_acled(reading: &Reading, view: &View, lex: &Lexicon, events: &mut [Found]) {
    let table = acled_table();
    // Each event's casualty groups, gathered in one pass over the casualties.
    let mut groups_of: Vec<Vec<GroupRole>> = vec![Vec::new(); events.len()];
    for c in &reading.casualties {
        if let Some(groups) = c.event.and_then(|e| groups_of.get_mut(e)) {
            groups.push(c.group_role);
        }
    }
    // Per sentence with events (sorted): whether a PROTEST is told there, whether force
    // is used there by others than the protesters, and whether that force killed or hurt.
    let mut sentences: Vec<SentenceFacts> = Vec::new();
    for f in events.iter() {
        let e = &f.event;
        if sentences.last().map(|s| s.sentence) != Some(f.sentence) {
            sentences.push(SentenceFacts {
                sentence: f.sentence,
                cues: sentence_cues(view, lex, f.sentence),
                ..SentenceFacts::default()
            });
        }
        let Some(facts) = sentences.last_mut() else {
            continue;
        };
        if e.negated || !asserted(e.modality) {
            continue;
        }
        match e.kind.as_str() {
            "PROTEST" => facts.protest = true,
            "COERCE" | "ASSAULT" if !f.by_protesters => {
                facts.force = true;
                let hurt =
                    e.size.dead.is_some_and(|n| n > 0) || e.size.injured.is_some_and(|n| n > 0);
                facts.harm |= e.kind == "ASSAULT" && hurt;
            }
            _ => {}
        }
    }
    for pass in 0..2 {
        let political = events.iter().any(|f| {
            f.event
                .acled
                .as_ref()
                .is_some_and(|a| a.event_type != "strategic_developments")
        });
        for (index, found) in events.iter_mut().enumerate() {
            let e = &found.event;
            if e.acled.is_some() || e.negated || !asserted(e.modality) {
                continue;
            }
            let groups: &[GroupRole] = groups_of.get(index).map_or(&[], |g| g.as_slice());
            let facts = sentences
                .binary_search_by_key(&found.sentence, |s| s.sentence)
                .ok()
                .and_then(|i| sentences.get(i));
            let sector_in = |p: &Participant, set: &[&str]| {
                p.sector.as_deref().is_some_and(|s| set.contains(&s))
            };
            let armed_actor = e.actor.iter().any(|p| sector_in(p, ARMED_SECTORS));
            let armed_target = e.recipient.iter().any(|p| sector_in(p, ARMED_SECTORS))
                || groups
                    .iter()
                    .any(|g| matches!(g, GroupRole::Armed | GroupRole::Security));
            let civilian_actor =
                !e.actor.is_empty() && e.actor.iter().all(|p| p.sector.as_deref() == Some("CVL"));
            let civilian_target = (e
                .recipient
                .iter()
                .any(|p| p.sector.as_deref() == Some("CVL"))
                || groups.contains(&GroupRole::Civilian))
                && !civilian_actor;
            let hurt = e.size.dead.is_some_and(|n| n > 0) || e.size.injured.is_some_and(|n| n > 0);
            let holds = |condition: &str| -> bool {
                let (negate, name) = match condition.strip_prefix('!') {
                    Some(rest) => (true, rest),
                    None => (false, condition),
                };
                let value = match name {
                    "*" => true,
                    "armed" => armed_actor || armed_target,
                    "armed_actor" => armed_actor,
                    "both_armed" => armed_actor && armed_target,
                    "state_actor" => e.actor.iter().any(|p| sector_in(p, STATE_SECTORS)),
                    "civilian" => civilian_target,
                    "by_civilians" => civilian_actor && !found.by_protesters,
                    "political_target" => {
                        e.recipient.iter().any(|p| sector_in(p, POLITICAL_SECTORS))
                    }
                    "harm" => hurt,
                    "protesters" => {
                        (facts.is_some_and(|s| s.protest) || found.against_protest)
                            && e.kind != "PROTEST"
                            && !found.by_protesters
                    }
                    "intervened" => facts.is_some_and(|s| s.force),
                    "harmed" => facts.is_some_and(|s| s.harm),
                    "by_protesters" => found.by_protesters,
                    "political" => political,
                    _ => match name.strip_prefix("cue:") {
                        Some(cue) => facts.is_some_and(|s| {
                            s.cues
                                .iter()
                                .any(|&c| lex.acled_cues.get(c).is_some_and(|x| x.name == cue))
                        }),
                        None => false,
                    },
                };
                value != negate
            };
            let row = table.iter().find(|r| {
                let late = r.condition.split(',').any(|c| c.trim() == "political");
                r.kind == e.kind
                    && (r.mode == "*" || e.mode.as_deref() == Some(r.mode.as_str()))
                    && late == (pass == 1)
                    && r.condition.split(',').all(|c| holds(c.trim()))
            });
            if let Some(row) = row {
                found.event.acled = Some(Acled {
                    event_type: row.event_type.clone(),
                    sub_event_type: row.sub_event_type.clone(),
                });
            }
        }
    }
}

/// Events told as facts (not planned, hoped or supposed) are the ones ACLED codes.
fn asserted(modality: Modality) -> bool {
    !matches!(
        modality,
        Modality::Future | Modality::Hypothetical | Modality::Intended
    )
}

/// What the ACLED crosswalk needs to know about one sentence that tells events.
#[derive(Default)]
struct SentenceFacts {
    sentence: usize,
    /// A demonstration is told in it.
    protest: bool,
    /// Force (coercion or assault) by others than demonstrators.
    force: bool,
    /// That force killed or injured someone.
    harm: bool,
    /// Indexes of the ACLED cues found in it.
    cues: Vec<usize>,
}

/// The ACLED cues (resources/lang/<iso>/event_acled_cues.tsv) present in a sentence.
fn sentence_cues(view: &View, lex: &Lexicon, sentence: usize) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(range) = view.sentences.get(sentence).cloned() else {
        return found;
    };
    for at in range.clone() {
        let Some(candidates) = lex.acled_cue_first.get(view.word(at)) else {
            continue;
        };
        for &c in candidates {
            let matched = lex
                .acled_cues
                .get(c)
                .is_some_and(|cue| match_rest(view, &cue.rest, at + 1, range.end).is_some());
            if matched && !found.contains(&c) {
                found.push(c);
            }
        }
    }
    found
}

/// For the casualties reader: the events reader's token view and lexicon.
pub(crate) fn casualty_view(reading: &Reading, lang: &str) -> Option<(View, &'static Lexicon)> {
    lexicon(lang).map(|lex| (View::build(reading, lang), lex))
}

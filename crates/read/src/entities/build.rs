//! From tokens to entities: gazetteer matches, government bodies, titles,
//! capitalised names, then linking mentions into identities.

use super::fast_hash::FastMap;
use super::knowledge::{self, Kind, Known};
use super::lexicon::{CueWhere, Lexicon};
use super::scan::{self, Case, Tok, TokKind};
use dateline_model::{Entity, EntityType, Span};
use dateline_text::Folded;

pub(crate) struct Input<'a> {
    pub toks: &'a [Tok],
    pub view: &'a Folded,
    pub folded: &'a str,
    pub original: &'a str,
    pub lex: &'a Lexicon,
    pub lang: &'a str,
    pub dateline_place: Option<Span>,
    pub title_span: Option<Span>,
    /// News organisations the metadata reader credited ("Source Russia Today").
    pub sources: &'a [Span],
}

/// What one mention refers to, before mentions are grouped into entities.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Key {
    Known(u32),
    /// A name no list knows, by its folded form.
    Name(String),
    /// A demonym noun or adjective ("Kazakhs"), by country.
    Norp(&'static str),
}

#[derive(Clone, Debug)]
struct Mention {
    /// Token range `[start, end)`.
    toks: (usize, usize),
    key: Key,
    kind: EntityType,
    /// Gazetteer candidates still to choose among (homonyms).
    candidates: &'static [u32],
    name: Option<String>,
    country: Option<&'static str>,
    sector: Option<String>,
    role: Option<String>,
}

/// A title with what stands next to it: "le président kazakh", "Kazakh President".
#[derive(Clone, Copy, Debug)]
struct TitleGroup {
    /// Token range of the whole group, country words included.
    start: usize,
    end: usize,
    title: usize,
    country: Option<&'static str>,
}

/// Token ranges of gazetteer matches, by start token.
struct Gazetteer {
    at: Vec<Option<(usize, &'static [u32])>>,
}

impl Gazetteer {
    fn get(&self, start: &usize) -> Option<&(usize, &'static [u32])> {
        self.at.get(*start).and_then(Option::as_ref)
    }
    fn contains_key(&self, start: &usize) -> bool {
        self.get(start).is_some()
    }
}

/// A lexicon phrase found at token boundaries: tokens `[start, end)`.
#[derive(Clone, Copy)]
struct PhraseMatch {
    start: usize,
    end: usize,
    phrase: usize,
}

/// One pass of the lexicon automaton over the document.
fn phrase_matches(input: &Input) -> Vec<PhraseMatch> {
    let Some(matcher) = input.lex.matcher.as_ref() else {
        return Vec::new();
    };
    matcher
        .find_iter(input.folded)
        .filter_map(|m| {
            let start = scan::token_at(input.toks, m.start());
            let end = scan::token_end(input.toks, m.end());
            at_boundaries(input.toks, start, end, m.start(), m.end()).then_some(PhraseMatch {
                start,
                end,
                phrase: m.pattern().as_usize(),
            })
        })
        .collect()
}

pub(crate) fn entities(input: &Input) -> Vec<Entity> {
    let toks = input.toks;
    let mut used = vec![false; toks.len()];
    let gazetteer = gazetteer_matches(input);
    let mut mentions: Vec<Mention> = Vec::new();

    let phrases = phrase_matches(input);
    let bodies = gov_bodies(input, &phrases, &gazetteer, &mut used);
    let titles = title_groups(input, &phrases, &gazetteer, &mut used);
    names(input, &gazetteer, &titles, &used, &mut mentions);

    credited_sources(input, &mut mentions);
    // Surnames first: "Kamau" after "Joseph Kamau" is the person, not a town.
    link_surnames(input, &mut mentions);
    choose_homonyms(input, &mut mentions);
    link_acronyms(input, &mut mentions);

    // Government bodies without a stated country belong to the story's country.
    let focus = focus(
        mentions.iter().filter_map(|m| {
            let span = span_of(toks, m.toks)?;
            let known_country = match m.key {
                Key::Known(id) => knowledge::known(id).and_then(|k| k.country),
                _ => None,
            };
            Some((
                m.country
                    .or(known_country)
                    .filter(|c| *c != "IGO" && *c != "NGO")?,
                span,
                if m.kind == EntityType::Gpe { 2 } else { 1 },
            ))
        }),
        input.title_span,
        600,
    );
    for (mut body, base_name) in bodies {
        body.country = body.country.or(focus);
        let Some(country) = body.country else {
            continue;
        };
        let country_name = knowledge::country_name(country).unwrap_or(country);
        body.name = Some(format!("{base_name} of {country_name}"));
        body.key = Key::Name(format!("body:{base_name}:{country}"));
        mentions.push(body);
    }
    mentions.sort_by_key(|m| m.toks);
    assemble(input, mentions)
}

fn span_of(toks: &[Tok], (start, end): (usize, usize)) -> Option<Span> {
    let first = toks.get(start)?;
    let last = toks.get(end.checked_sub(1)?)?;
    Some(Span::new(first.o.start, last.o.end))
}

fn folded_of<'a>(input: &Input<'a>, (start, end): (usize, usize)) -> &'a str {
    match (
        input.toks.get(start),
        end.checked_sub(1).and_then(|e| input.toks.get(e)),
    ) {
        (Some(a), Some(b)) => input.folded.get(a.f.start..b.f.end).unwrap_or(""),
        _ => "",
    }
}

// ------------------------------------------------------------------ gazetteer

fn gazetteer_matches(input: &Input) -> Gazetteer {
    let toks = input.toks;
    let mut at = vec![None; toks.len()];
    let mut found_all = knowledge::find_all(input.original, input.view);
    rematch_after_elisions(input, &mut found_all);
    for found in found_all {
        let start = scan::token_at(toks, found.range.start);
        let end = scan::token_end(toks, found.range.end);
        let (Some(first), Some(last)) = (
            toks.get(start),
            end.checked_sub(1).and_then(|e| toks.get(e)),
        ) else {
            continue;
        };
        // Aliases count at token boundaries only.
        if first.f.start != found.range.start || last.f.end != found.range.end || end <= start {
            continue;
        }
        if first.kind != TokKind::Word {
            continue;
        }
        let alias = input.folded.get(found.range.clone()).unwrap_or("");
        // Proper names are capitalised in cased scripts; a function word of
        // the language ("un", "us") counts only in capitals.
        let strict = end - start == 1 && input.lex.is_function_word(alias);
        // "Police said...": a common actor noun opening a sentence is not
        // the town that shares its name.
        if end - start == 1 && first.initial && is_lexicon_phrase(input.lex, alias) {
            continue;
        }
        let accepted = match first.case {
            Case::None => true,
            Case::Upper => true,
            Case::Title => !strict,
            Case::Lower => false,
        };
        // An acronym in capitals ("OTAN") that is only a by-name of some
        // town ("Otan Ayegbaju") names the organisation, not the town.
        let acronym_of_town = end - start == 1
            && first.case == Case::Upper
            && found
                .ids
                .iter()
                .filter_map(|id| knowledge::known(*id))
                .all(|k| k.kind == Kind::City && dateline_text::fold(k.name).text() != alias);
        // "Federal Reserve", "the West", "Mobile internet was cut": a one-word
        // alias that is also a common word names a place only standing alone.
        let common_word_misread = end - start == 1
            && first.case == Case::Title
            && knowledge::is_common_word(alias)
            && !stands_alone(input, start);
        if accepted && !acronym_of_town && !common_word_misread && !found.ids.is_empty() {
            if let Some(slot) = at.get_mut(start) {
                *slot = Some((end, found.ids));
            }
        }
    }
    // "South Korean": neither word alone is a place.
    for k in 0..toks.len() {
        if demonym_pair(toks, input.folded, k, input.lang).is_none() {
            continue;
        }
        for (slot, one_word_end) in [(k, k + 1), (k + 1, k + 2)] {
            if let Some(entry) = at.get_mut(slot) {
                if entry.is_some_and(|(end, _)| end == one_word_end) {
                    *entry = None;
                }
            }
        }
    }
    Gazetteer { at }
}

/// Whether the capitalised word at `k` stands alone as a name: not at a
/// sentence start (where capitals prove nothing), not after an article
/// ("the West"), not beside another capitalised word of the same name
/// ("Federal Reserve", "Nile Delta"). Headlines in title case prove nothing
/// either way: words there stand alone.
fn stands_alone(input: &Input, k: usize) -> bool {
    let toks = input.toks;
    let Some(tok) = toks.get(k) else {
        return false;
    };
    if tok.headline {
        return true;
    }
    if tok.initial {
        return false;
    }
    let name_word = |t: &Tok| {
        t.kind == TokKind::Word
            && t.case == Case::Title
            && !t.initial
            && !input.lex.is_function_word(t.folded(input.folded))
    };
    let before = k.checked_sub(1).and_then(|i| toks.get(i));
    if before.is_some_and(|t| input.lex.is_article(t.folded(input.folded)) || name_word(t)) {
        return false;
    }
    // "Storms hit Mobile Monday": a weekday or month is no part of the name.
    let after = toks.get(k + 1).filter(|t| !t.after_break);
    !after.is_some_and(|t| {
        t.kind == TokKind::Word
            && t.case == Case::Title
            && !input.lex.is_function_word(t.folded(input.folded))
    })
}

/// "L'Union africaine": a place whose name keeps its article (the town of
/// L'Union) hides the longer name that starts after the elision. Matches
/// that open with an elision are looked up again from the next word, on
/// the rest of the line; the longer match replaces the shorter.
fn rematch_after_elisions(input: &Input, found: &mut Vec<knowledge::AliasMatch>) {
    /// How far past the elision a name may reach.
    const WINDOW: usize = 160;
    let toks = input.toks;
    let mut extra = Vec::new();
    for m in found.iter_mut() {
        let start = scan::token_at(toks, m.range.start);
        let (Some(first), Some(next)) = (toks.get(start), toks.get(start + 1)) else {
            continue;
        };
        if first.kind != TokKind::Elision || first.f.start != m.range.start {
            continue;
        }
        let mut end = (next.o.start + WINDOW).min(input.original.len());
        while end > next.o.start && !input.original.is_char_boundary(end) {
            end -= 1;
        }
        let Some(window) = input.original.get(next.o.start..end) else {
            continue;
        };
        let window = window.split('\n').next().unwrap_or("");
        let view = dateline_text::fold(window);
        let Some(longer) = knowledge::find_all(window, &view)
            .into_iter()
            .find(|w| w.range.start == 0)
        else {
            continue;
        };
        let from = next.f.start;
        let to = from + longer.range.end;
        // Same folding on the window as on the document, or no offsets to trust.
        if to <= m.range.end || input.folded.get(from..to) != view.text().get(..longer.range.end) {
            continue;
        }
        extra.push(knowledge::AliasMatch {
            range: from..to,
            ids: longer.ids,
        });
        // The article-bearing town gives way.
        m.ids = &[];
    }
    if !extra.is_empty() {
        found.retain(|m| !m.ids.is_empty());
        found.extend(extra);
        found.sort_by_key(|m| m.range.start);
    }
}

// ------------------------------------------------------------------ government bodies

/// Finds government bodies ("ministère de l'Intérieur kazakh", "Kazakhstan's
/// Interior Ministry"). Returns mentions whose name and country are settled
/// later (the country may come from the story), with their base name.
fn gov_bodies(
    input: &Input,
    phrases: &[PhraseMatch],
    gazetteer: &Gazetteer,
    used: &mut [bool],
) -> Vec<(Mention, String)> {
    let (toks, lex) = (input.toks, input.lex);
    let mut found = Vec::new();
    for m in phrases {
        let Some(info) = lex.phrases.get(m.phrase) else {
            continue;
        };
        if info.bodies.is_empty() {
            continue;
        }
        let (start, head_end) = (m.start, m.end);
        if used.get(start).copied().unwrap_or(true) {
            continue;
        }
        if gazetteer.contains_key(&start) {
            continue;
        }
        let mut best: Option<(usize, Option<&'static str>, usize)> = None;
        for body_index in &info.bodies {
            let Some(body) = lex.bodies.get(*body_index) else {
                continue;
            };
            let mut end = head_end;
            let mut country = None;
            if !body.complement.is_empty() {
                // "le ministère kazakh de la Défense": an adjective may stand before the complement.
                if let Some(c) = toks.get(end).and_then(|t| demonym_of(input, t)) {
                    country = Some(c);
                    end += 1;
                }
                let Some(from) = toks.get(end).map(|t| t.f.start) else {
                    continue;
                };
                let rest = input.folded.get(from..).unwrap_or("");
                if !rest.starts_with(body.complement.as_str()) {
                    continue;
                }
                let complement_end = scan::token_end(toks, from + body.complement.len());
                if toks
                    .get(complement_end.wrapping_sub(1))
                    .map_or(true, |t| t.f.end != from + body.complement.len())
                {
                    continue;
                }
                end = complement_end;
            }
            if best.map_or(true, |(e, _, _)| end > e) {
                best = Some((end, country, *body_index));
            }
        }
        let Some((mut end, mut country, body_index)) = best else {
            continue;
        };
        let Some(body) = lex.bodies.get(body_index) else {
            continue;
        };
        let mut start_tok = start;
        // "ministère de l'Intérieur kazakh"
        if country.is_none() {
            if let Some(c) = toks.get(end).and_then(|t| demonym_of(input, t)) {
                country = Some(c);
                end += 1;
            }
        }
        // "the Kazakh Interior Ministry"
        if country.is_none() && start > 0 {
            if let Some(c) = toks.get(start - 1).and_then(|t| demonym_of(input, t)) {
                country = Some(c);
                start_tok = start - 1;
            }
        }
        // "Kazakhstan's Interior Ministry"
        if country.is_none()
            && start >= 2
            && toks
                .get(start - 1)
                .is_some_and(|t| t.kind == TokKind::Possessive)
        {
            country = country_ending_at(input, gazetteer, start - 1);
        }
        // "ministère de l'Intérieur du Kazakhstan", "Ministry of Defence of Russia"
        if country.is_none() {
            if let Some(next) = toks.get(end) {
                if input.lex.particles.contains_key(next.folded(input.folded))
                    || input.lex.is_function_word(next.folded(input.folded))
                {
                    if let Some((gend, ids)) = gazetteer.get(&(end + 1)) {
                        country = country_of_ids(ids).filter(|_| *gend > end);
                    }
                }
            }
        }
        for flag in used.iter_mut().take(end).skip(start_tok) {
            *flag = true;
        }
        let mention = Mention {
            toks: (start_tok, end),
            key: Key::Name(String::new()),
            kind: EntityType::Org,
            candidates: &[],
            name: None,
            country,
            sector: Some(body.sector.clone()),
            role: None,
        };
        found.push((mention, body.name.clone()));
    }
    found
}

fn at_boundaries(toks: &[Tok], start: usize, end: usize, fstart: usize, fend: usize) -> bool {
    end > start
        && toks.get(start).is_some_and(|t| t.f.start == fstart)
        && end
            .checked_sub(1)
            .and_then(|e| toks.get(e))
            .is_some_and(|t| t.f.end == fend)
}

/// The country a token names as an adjective or demonym ("kazakh", "Russian").
fn demonym_of(input: &Input, tok: &Tok) -> Option<&'static str> {
    if tok.kind != TokKind::Word || tok.has_digit {
        return None;
    }
    knowledge::demonym(tok.folded(input.folded), input.lang)
}

/// The country two adjacent words name as one demonym ("South Korean",
/// "Sierra Leonean"), whose first word alone may name some region ("South").
fn demonym_pair(toks: &[Tok], folded: &str, k: usize, lang: &str) -> Option<&'static str> {
    let (first, second) = (toks.get(k)?, toks.get(k + 1)?);
    let words = |t: &Tok| t.kind == TokKind::Word && !t.has_digit;
    if !words(first) || !words(second) || second.after_break || first.f.end + 1 != second.f.start {
        return None;
    }
    knowledge::demonym(folded.get(first.f.start..second.f.end)?, lang)
}

/// A country name whose gazetteer match ends at token `end`.
fn country_ending_at(input: &Input, gazetteer: &Gazetteer, end: usize) -> Option<&'static str> {
    (end.saturating_sub(4)..end)
        .find_map(|start| {
            let (e, ids) = gazetteer.get(&start)?;
            (*e == end).then(|| country_of_ids(ids)).flatten()
        })
        .or_else(|| {
            input
                .toks
                .get(end.checked_sub(1)?)
                .and_then(|t| knowledge::country_named(t.folded(input.folded)))
        })
}

/// The country when the candidates include a country record.
fn country_of_ids(ids: &[u32]) -> Option<&'static str> {
    ids.iter()
        .filter_map(|id| knowledge::known(*id))
        .find(|k| k.kind == Kind::Country)
        .and_then(|k| k.country)
}

// ------------------------------------------------------------------ titles

fn title_groups(
    input: &Input,
    phrases: &[PhraseMatch],
    gazetteer: &Gazetteer,
    used: &mut [bool],
) -> Vec<TitleGroup> {
    let (toks, lex) = (input.toks, input.lex);
    let mut groups = Vec::new();
    for m in phrases {
        let Some(title) = lex.phrases.get(m.phrase).and_then(|p| p.title) else {
            continue;
        };
        let (start, end) = (m.start, m.end);
        if (start..end).any(|i| used.get(i).copied().unwrap_or(true) || gazetteer.contains_key(&i))
        {
            continue;
        }
        let mut group = TitleGroup {
            start,
            end,
            title,
            country: None,
        };
        // "Kazakh President", "the Kazakh president"
        if let Some(c) = start
            .checked_sub(1)
            .and_then(|s| toks.get(s))
            .and_then(|t| demonym_of(input, t))
        {
            group.country = Some(c);
            group.start -= 1;
        } else if start >= 2
            && toks
                .get(start - 1)
                .is_some_and(|t| t.kind == TokKind::Possessive)
        {
            // "Kazakhstan's president": the country stays a mention of its own.
            group.country = country_ending_at(input, gazetteer, start - 1);
        } else if start >= 1 {
            // "U.S. Secretary of State", "Kenya Vice-President": a country's
            // name used as its adjective, on the same line.
            // The period of "U.S." is a token of its own, outside the match.
            let abbreviation_period = start >= 2
                && toks.get(start - 1).is_some_and(|t| {
                    t.kind == TokKind::Punct
                        && t.folded(input.folded) == "."
                        && toks.get(start - 2).is_some_and(|w| w.f.end == t.f.start)
                });
            let end = if abbreviation_period {
                start - 1
            } else {
                start
            };
            group.country = country_ending_at(input, gazetteer, end)
                .filter(|_| toks.get(start).is_some_and(|t| !t.after_break));
        }
        // "le président kazakh"
        if group.country.is_none() {
            if let Some(c) = toks.get(end).and_then(|t| demonym_of(input, t)) {
                group.country = Some(c);
                group.end += 1;
            }
        }
        for flag in used.iter_mut().take(group.end).skip(group.start) {
            *flag = true;
        }
        groups.push(group);
    }
    groups
}

// ------------------------------------------------------------------ names

/// Whether a token may start a name.
fn starts_name(input: &Input, i: usize, used: &[bool]) -> bool {
    let Some(tok) = input.toks.get(i) else {
        return false;
    };
    !used.get(i).copied().unwrap_or(true)
        && tok.kind == TokKind::Word
        && tok.capitalised()
        && !tok.has_digit
}

/// Whether a token may continue a name started before it (not across lines).
fn continues_name(input: &Input, i: usize, used: &[bool]) -> bool {
    let Some(tok) = input.toks.get(i) else {
        return false;
    };
    if tok.after_break {
        return false;
    }
    starts_name(input, i, used) || particle_joined(input, i, used)
}

/// A lower-case particle joined by a hyphen to a capitalised name: "al-Thani", "el-Sisi".
fn particle_joined(input: &Input, i: usize, used: &[bool]) -> bool {
    let Some(tok) = input.toks.get(i) else {
        return false;
    };
    if used.get(i).copied().unwrap_or(true) || tok.kind != TokKind::Word || tok.case != Case::Lower
    {
        return false;
    }
    let folded = tok.folded(input.folded);
    let original = input.original.get(tok.o.start..tok.o.end).unwrap_or("");
    let (Some(dash), Some(original_dash)) = (folded.find('-'), original.find('-')) else {
        return false;
    };
    let prefix = folded.get(..dash).unwrap_or("");
    let capital_after = original
        .get(original_dash + 1..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_uppercase);
    capital_after && input.lex.particles.contains_key(prefix)
}

/// Whether tokens `[i, j)` are a particle inside a name ("de", "van", "d'").
fn particle_len(input: &Input, i: usize) -> usize {
    let toks = input.toks;
    for len in [2usize, 1] {
        let (Some(first), Some(last)) = (toks.get(i), toks.get(i + len - 1)) else {
            continue;
        };
        if first.case != Case::Lower && first.case != Case::None {
            continue;
        }
        if (i..i + len).any(|k| {
            toks.get(k).map_or(true, |t| {
                t.after_break || !matches!(t.kind, TokKind::Word | TokKind::Elision)
            })
        }) {
            continue;
        }
        let text = input.folded.get(first.f.start..last.f.end).unwrap_or("");
        if input.lex.particles.contains_key(text)
            || input
                .lex
                .particles
                .contains_key(text.trim_end_matches('\''))
        {
            return len;
        }
    }
    0
}

fn names(
    input: &Input,
    gazetteer: &Gazetteer,
    titles: &[TitleGroup],
    used: &[bool],
    mentions: &mut Vec<Mention>,
) {
    let toks = input.toks;
    let mut i = 0;
    while i < toks.len() {
        // Gazetteer matches inside lower-case text still count when capitalised
        // ("Organisation du traité de sécurité collective").
        if !used.get(i).copied().unwrap_or(true)
            && (starts_name(input, i, used) || gazetteer.contains_key(&i))
        {
            let start = i;
            let mut end = i;
            loop {
                if let Some((gend, _)) = gazetteer.get(&end) {
                    let same_line = end == start || toks.get(end).is_some_and(|t| !t.after_break);
                    if same_line && (end..*gend).all(|k| !used.get(k).copied().unwrap_or(true)) {
                        end = *gend;
                        continue;
                    }
                }
                if end > start
                    && toks
                        .get(end)
                        .is_some_and(|t| t.kind == TokKind::Punct && t.f.len() == 1)
                    && toks
                        .get(end - 1)
                        .is_some_and(|t| t.f.len() <= 2 && t.case == Case::Upper)
                    && input
                        .folded
                        .get(toks.get(end).map_or(0, |t| t.f.start)..)
                        .is_some_and(|r| r.starts_with('.'))
                    && continues_name(input, end + 1, used)
                {
                    // An initial: "George W. Bush".
                    end += 1;
                    continue;
                }
                if continues_name(input, end, used)
                    || (end == start && starts_name(input, end, used))
                {
                    end += 1;
                    continue;
                }
                let particle = if end > start {
                    particle_len(input, end)
                } else {
                    0
                };
                if particle > 0 && continues_name(input, end + particle, used) {
                    end += particle;
                    continue;
                }
                break;
            }
            if end > start {
                carve(input, gazetteer, titles, (start, end), mentions);
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

/// The title group that stands right before tokens `start` ("le président
/// kazakh, X") or right after `end` in apposition ("X, le président kazakh").
fn title_for(input: &Input, titles: &[TitleGroup], start: usize, end: usize) -> Option<TitleGroup> {
    let toks = input.toks;
    let comma_at = |i: usize| {
        toks.get(i)
            .is_some_and(|t| t.kind == TokKind::Punct && t.folded(input.folded) == ",")
    };
    let on_line = |i: usize| toks.get(i).is_some_and(|t| !t.after_break);
    let particle = |k: usize| {
        toks.get(k)
            .is_some_and(|t| input.lex.particles.contains_key(t.folded(input.folded)))
    };
    // "el alcalde de Medellín, Federico Gutiérrez", "el ministro de Defensa de Colombia, Iván
    // Velásquez": the title's complement (a particle, then capitalised words) before the comma.
    let complemented = |g: &TitleGroup| {
        let Some(comma) = start.checked_sub(1) else {
            return false;
        };
        comma_at(comma)
            && g.end < comma
            && comma - g.end <= 6
            && particle(g.end)
            && (g.end..comma).all(|k| {
                on_line(k) && (particle(k) || toks.get(k).is_some_and(|t| t.capitalised()))
            })
    };
    let before = titles.iter().find(|g| {
        on_line(start)
            && (g.end == start || (g.end + 1 == start && comma_at(g.end)) || complemented(g))
    });
    if before.is_some() {
        return before.copied();
    }
    if !comma_at(end) || !on_line(end) || !on_line(end + 1) {
        return None;
    }
    // Apposition: a comma, at most one determiner, then the title.
    titles
        .iter()
        .find(|g| {
            g.start == end + 1
                || (g.start == end + 2
                    && toks
                        .get(end + 1)
                        .is_some_and(|t| input.lex.is_function_word(t.folded(input.folded))))
        })
        .filter(|g| input.lex.titles.get(g.title).is_some_and(|t| !t.honorific))
        .copied()
}

/// Turns one run of capitalised tokens into mentions.
fn carve(
    input: &Input,
    gazetteer: &Gazetteer,
    titles: &[TitleGroup],
    (mut start, end): (usize, usize),
    out: &mut Vec<Mention>,
) {
    let toks = input.toks;
    let lex = input.lex;
    // Capitals at a sentence start prove nothing for a function word ("Selon Reuters").
    while start < end
        && toks.get(start).is_some_and(|t| {
            (t.initial || t.case == Case::Upper) && lex.is_function_word(t.folded(input.folded))
        })
        && !gazetteer.contains_key(&start)
    {
        start += 1;
    }
    if start >= end {
        return;
    }
    let title = title_for(input, titles, start, end);
    let subs: Vec<(usize, usize, &'static [u32])> = {
        let mut subs = Vec::new();
        let mut k = start;
        while k < end {
            match gazetteer.get(&k) {
                Some((e, ids)) if *e <= end => {
                    subs.push((k, *e, *ids));
                    k = *e;
                }
                _ => k += 1,
            }
        }
        subs
    };
    let words = (start..end)
        .filter(|k| {
            toks.get(*k).is_some_and(|t| {
                t.kind == TokKind::Word && !lex.particles.contains_key(t.folded(input.folded))
            })
        })
        .count();
    // "North Korean troops": a demonym opening the run outranks the head cue
    // its first word may be ("North Waziristan").
    let led_by_demonym = demonym_pair(toks, input.folded, start, input.lang).is_some();
    let cue = match cue_type(input, start, end, !led_by_demonym) {
        Some(None) => return,
        Some(Some(kind)) => Some(kind),
        None => None,
    };

    if let [(s, e, ids)] = subs.as_slice() {
        if *s == start && *e == end {
            // "President Obama": a title makes a person of a name some town shares.
            let titled_person_unknown = title.is_some_and(|g| g.end <= start)
                && ids
                    .iter()
                    .filter_map(|id| knowledge::known(*id))
                    .all(|k| k.kind != Kind::Person);
            if titled_person_unknown {
                if let Some(m) = unknown_mention(input, (start, end), words, None, title, None) {
                    out.push(m);
                    return;
                }
            }
            out.push(known_mention(input, (start, end), ids, title));
            return;
        }
    }
    if subs.is_empty() {
        let cue = cue.or_else(|| noun_before(input, start));
        // "Senior Hungarian": a country adjective is not part of a name.
        // (first token, length, country of a two-word demonym)
        let mut demonyms: Vec<(usize, usize, Option<&'static str>)> = Vec::new();
        let mut k = start;
        while k < end {
            if let Some(country) =
                demonym_pair(toks, input.folded, k, input.lang).filter(|_| k + 2 <= end)
            {
                demonyms.push((k, 2, Some(country)));
                k += 2;
            } else {
                if toks.get(k).is_some_and(|t| demonym_of(input, t).is_some()) {
                    demonyms.push((k, 1, None));
                }
                k += 1;
            }
        }
        if cue.is_none() && title.is_none() && !demonyms.is_empty() && end - start > 1 {
            let mut cursor = start;
            for (k, len, pair_country) in demonyms {
                if k > cursor {
                    leftover(input, titles, (cursor, k), out);
                }
                match pair_country {
                    Some(country) => out.push(Mention {
                        toks: (k, k + len),
                        key: Key::Norp(country),
                        kind: EntityType::Norp,
                        candidates: &[],
                        name: None,
                        country: Some(country),
                        sector: None,
                        role: None,
                    }),
                    None => leftover(input, titles, (k, k + len), out),
                }
                cursor = k + len;
            }
            if cursor < end {
                leftover(input, titles, (cursor, end), out);
            }
            return;
        }
        if let Some(m) = unknown_mention(input, (start, end), words, cue, title, None) {
            out.push(m);
        }
        return;
    }
    // "Idlib Province", "Kherson Oblast": a known place and the word for its
    // kind of division is that place, not a new name.
    if let (Some(EntityType::Gpe), [(s, e, ids)]) = (cue, subs.as_slice()) {
        if *s == start && *e + 1 == end && names_a_place(ids) {
            out.push(known_mention(input, (start, end), ids, None));
            return;
        }
    }
    // A name around known names: "Radio Habana Cuba" (a cue word), "Michael
    // Jordan" (a titled or first-name-led person), else each known name alone.
    let country_inside = subs.iter().find_map(|(_, _, ids)| country_of_ids(ids));
    if cue.is_some() || title.is_some() {
        if let Some(m) = unknown_mention(input, (start, end), words, cue, title, country_inside) {
            out.push(m);
            return;
        }
    }
    {
        // "Michael Jordan", "Barack Obama", "Ahmad Khan Sherpao": a first
        // name no list knows, then words that also name towns or countries.
        let in_sub = |k: usize| subs.iter().any(|(s, e, _)| (*s..*e).contains(&k));
        let person_shaped = (2..=4).contains(&words)
            && !in_sub(start)
            && subs.iter().all(|(s, e, _)| e - s == 1)
            && (start..end).filter(|k| !in_sub(*k)).all(|k| {
                toks.get(k).is_some_and(|t| {
                    lex.particles.contains_key(t.folded(input.folded))
                        || (t.case == Case::Title
                            && demonym_of(input, t).is_none()
                            && !lex.is_function_word(t.folded(input.folded)))
                })
            })
            && subs.iter().all(|(_, _, ids)| {
                ids.iter()
                    .filter_map(|id| knowledge::known(*id))
                    .all(|k| k.kind != Kind::Admin1 && !knowledge::is_capital(&k))
            });
        if person_shaped {
            if let Some(m) = unknown_mention(
                input,
                (start, end),
                words,
                Some(EntityType::Per),
                title,
                None,
            ) {
                out.push(m);
                return;
            }
        }
    }
    let mut cursor = start;
    for (s, e, ids) in subs {
        if s > cursor {
            leftover(input, titles, (cursor, s), out);
        }
        out.push(known_mention(input, (s, e), ids, None));
        cursor = e;
    }
    if cursor < end {
        leftover(input, titles, (cursor, end), out);
    }
}

/// The type a lowercase noun just before a name gives it ("le quartier de
/// Jabal Mohsen", "the town of Kfar Aza"), over at most two function words.
fn noun_before(input: &Input, start: usize) -> Option<EntityType> {
    /// "of the", "de la": what may stand between the noun and the name.
    const MAX_LINKING_WORDS: usize = 2;
    let mut k = start;
    for _ in 0..=MAX_LINKING_WORDS {
        k = k.checked_sub(1)?;
        let tok = input.toks.get(k)?;
        if !matches!(tok.kind, TokKind::Word | TokKind::Elision) || tok.case != Case::Lower {
            return None;
        }
        let word = tok.folded(input.folded);
        if let Some(kind) = input.lex.places_before.get(word) {
            return Some(*kind);
        }
        let linking = tok.kind == TokKind::Elision || input.lex.is_function_word(word);
        if !linking {
            return None;
        }
    }
    None
}

/// Whether some of the records an alias names are places.
fn names_a_place(ids: &[u32]) -> bool {
    ids.iter()
        .filter_map(|id| knowledge::known(*id))
        .any(|k| k.is_place())
}

/// Capitalised words left beside known names: a name of their own when long
/// enough to be one, a demonym, or a surname candidate.
fn leftover(
    input: &Input,
    titles: &[TitleGroup],
    (start, end): (usize, usize),
    out: &mut Vec<Mention>,
) {
    let lex = input.lex;
    let mut start = start;
    let mut end = end;
    while start < end
        && input.toks.get(start).is_some_and(|t| {
            lex.particles.contains_key(t.folded(input.folded)) || t.kind != TokKind::Word
        })
    {
        start += 1;
    }
    while end > start
        && input.toks.get(end - 1).is_some_and(|t| {
            lex.particles.contains_key(t.folded(input.folded)) || t.kind != TokKind::Word
        })
    {
        end -= 1;
    }
    if start >= end {
        return;
    }
    let words = (start..end)
        .filter(|k| input.toks.get(*k).is_some_and(|t| t.kind == TokKind::Word))
        .count();
    let cue = match cue_type(input, start, end, true) {
        Some(None) => return,
        Some(Some(kind)) => Some(kind),
        None => None,
    };
    let title = title_for(input, titles, start, end);
    if let Some(m) = unknown_mention(input, (start, end), words, cue, title, None) {
        out.push(m);
    }
}

/// The type cue words give a name: `Some(None)` when a cue says it is no
/// entity at all ("World War Two"). Tail and head cues outrank cues
/// anywhere ("West Bank City of Tulkarm" is a city, not a bank).
fn cue_type(input: &Input, start: usize, end: usize, head_ok: bool) -> Option<Option<EntityType>> {
    if end - start < 2 {
        return None;
    }
    let word = |k: usize| {
        input
            .toks
            .get(k)
            .map(|t| t.folded(input.folded))
            .unwrap_or("")
    };
    let at = |k: usize, wanted: CueWhere| {
        input
            .lex
            .cues
            .get(word(k))
            .filter(|(_, place)| *place == wanted)
            .map(|(kind, _)| *kind)
    };
    at(end - 1, CueWhere::Tail)
        .or_else(|| at(start, CueWhere::Head).filter(|_| head_ok))
        .or_else(|| (start..end).find_map(|k| at(k, CueWhere::Any)))
}

fn known_mention(
    input: &Input,
    toks: (usize, usize),
    ids: &'static [u32],
    title: Option<TitleGroup>,
) -> Mention {
    let first = ids.first().and_then(|id| knowledge::known(*id));
    // A title describes a person, never the place or body next to it.
    let title = title.filter(|_| {
        ids.iter()
            .filter_map(|id| knowledge::known(*id))
            .any(|k| k.kind == Kind::Person)
    });
    let title_info = title.and_then(|g| input.lex.titles.get(g.title));
    // "A Saudi businessman": a country's short name used as its adjective.
    if toks.1 - toks.0 == 1 {
        if let Some(country) = input.toks.get(toks.0).and_then(|t| demonym_of(input, t)) {
            if first
                .as_ref()
                .is_some_and(|k| k.kind == Kind::Country && k.country == Some(country))
            {
                return Mention {
                    toks,
                    key: Key::Norp(country),
                    kind: EntityType::Norp,
                    candidates: &[],
                    name: None,
                    country: Some(country),
                    sector: None,
                    role: None,
                };
            }
        }
    }
    Mention {
        toks,
        key: Key::Known(ids.first().copied().unwrap_or(0)),
        kind: first.as_ref().map_or(EntityType::Org, Known::entity_type),
        candidates: ids,
        name: None,
        country: title.and_then(|g| g.country),
        sector: title_info.and_then(|t| t.sector.clone()),
        role: title_info.and_then(|t| t.role.clone()),
    }
}

/// A name no list knows, typed by its title, its cue words or its shape;
/// `None` when nothing says what it is.
fn unknown_mention(
    input: &Input,
    toks: (usize, usize),
    words: usize,
    cue: Option<EntityType>,
    title: Option<TitleGroup>,
    country_inside: Option<&'static str>,
) -> Option<Mention> {
    if !dateline_lang::is_supported(input.lang) {
        // Without the language's function words and titles, a capitalised
        // run cannot be told from a sentence opening ("Según Carabineros"):
        // only the gazetteer's names are read.
        return None;
    }
    let (start, end) = toks;
    let first = input.toks.get(start)?;
    if words == 0 {
        // Only particles ("Des", "Van"): nothing names anything.
        return None;
    }
    if first.headline && title.is_none() && cue.is_none() {
        // A headline in title case: only known names and titled persons count.
        return None;
    }
    if end - start == 1 && input.lex.is_function_word(first.folded(input.folded)) {
        // "August", "Monday", "Selon": capitalised, yet no name.
        return None;
    }
    let all_upper = (start..end).all(|k| input.toks.get(k).is_some_and(|t| t.case != Case::Title));
    let title_info = title.and_then(|g| input.lex.titles.get(g.title));
    let kind = if let Some(kind) = cue {
        kind
    } else if words > 1 && names_an_actor(input, toks) {
        // A capitalised actor noun names an institution ("National Guard").
        EntityType::Org
    } else if title.is_some() {
        EntityType::Per
    } else if words == 1 {
        if let Some(country) = demonym_of(input, first) {
            return Some(Mention {
                toks,
                key: Key::Norp(country),
                kind: EntityType::Norp,
                candidates: &[],
                name: None,
                country: Some(country),
                sector: None,
                role: None,
            });
        }
        let letters = first.o.len();
        if first.case == Case::Upper && (2..=6).contains(&letters) && !shouting(input, start) {
            EntityType::Org
        } else {
            // A lone capitalised word: a surname candidate, linked later or dropped.
            return Some(Mention {
                toks,
                key: Key::Name(String::new()),
                kind: EntityType::Group,
                candidates: &[],
                name: None,
                country: None,
                sector: None,
                role: None,
            });
        }
    } else if all_upper || words > 5 {
        return None;
    } else {
        EntityType::Per
    };
    let folded = folded_of(input, toks);
    Some(Mention {
        toks,
        key: Key::Name(format!("{}:{folded}", kind.as_str())),
        kind,
        candidates: &[],
        name: None,
        country: title.and_then(|g| g.country).or(country_inside),
        sector: title_info.and_then(|t| t.sector.clone()),
        role: title_info.and_then(|t| t.role.clone()),
    })
}

/// Whether a folded word is exactly a phrase of the lexicon (title, actor noun, body).
fn is_lexicon_phrase(lex: &Lexicon, folded: &str) -> bool {
    lex.matcher.as_ref().is_some_and(|matcher| {
        matcher
            .find(folded)
            .is_some_and(|m| m.start() == 0 && m.end() == folded.len())
    })
}

/// Whether tokens are exactly an actor noun or government body of the lexicon.
fn names_an_actor(input: &Input, toks: (usize, usize)) -> bool {
    let folded = folded_of(input, toks);
    let Some(matcher) = input.lex.matcher.as_ref() else {
        return false;
    };
    matcher.find(folded).is_some_and(|m| {
        m.start() == 0
            && m.end() == folded.len()
            && input
                .lex
                .phrases
                .get(m.pattern().as_usize())
                .is_some_and(|p| p.actor.is_some() || !p.bodies.is_empty())
    })
}

/// Whether the word before or after token `k` is also in capitals: a
/// headline or a line written in capitals, where capitals say nothing.
fn shouting(input: &Input, k: usize) -> bool {
    let upper_word = |t: &Tok| t.kind == TokKind::Word && t.case == Case::Upper && t.f.len() > 1;
    let own_line_start = input.toks.get(k).is_some_and(|t| t.after_break);
    let prev = input
        .toks
        .get(..k)
        .and_then(|b| b.iter().rev().find(|t| t.kind == TokKind::Word));
    let next = input
        .toks
        .get(k + 1..)
        .and_then(|a| a.iter().find(|t| t.kind == TokKind::Word));
    prev.is_some_and(|t| upper_word(t) && !own_line_start)
        || next.is_some_and(|t| upper_word(t) && !t.after_break)
}

/// A credited source is a news organisation, whatever words its name shares
/// with places ("Russia Today"): one ORG mention replaces what was read there.
fn credited_sources(input: &Input, mentions: &mut Vec<Mention>) {
    for span in input.sources {
        let folded = input.view.to_folded(*span);
        let start = scan::token_at(input.toks, folded.start);
        let end = scan::token_end(input.toks, folded.end);
        if end <= start {
            continue;
        }
        mentions.retain(|m| m.toks.1 <= start || m.toks.0 >= end);
        let name = folded_of(input, (start, end));
        let media = knowledge::lookup(name)
            .iter()
            .copied()
            .find(|id| knowledge::known(*id).is_some_and(|k| k.kind == Kind::Media));
        let key = media.map_or_else(|| Key::Name(format!("ORG:{name}")), Key::Known);
        mentions.push(Mention {
            toks: (start, end),
            key,
            kind: EntityType::Org,
            candidates: &[],
            name: None,
            country: None,
            sector: None,
            role: None,
        });
    }
}

// ------------------------------------------------------------------ homonyms and linking

/// Picks, for every gazetteer match with several candidates, the one the
/// story's context supports: a country named elsewhere in the story (Georgia
/// with Tbilisi or Atlanta), the dateline, then countries over regions over
/// cities, then population (Paris, France over Paris, Texas).
fn choose_homonyms(input: &Input, mentions: &mut Vec<Mention>) {
    let weak: Vec<bool> = mentions.iter().map(|m| weak_alias(input, m)).collect();
    let mut context: FastMap<&'static str, usize> = FastMap::default();
    for (m, _) in mentions.iter().zip(&weak).filter(|(_, weak)| !**weak) {
        // A country's name counts for that country even when some town
        // shares it (Lebanon, Pennsylvania); other names count when all
        // their candidates lie in one country.
        let known: Vec<Known> = m
            .candidates
            .iter()
            .filter_map(|id| knowledge::known(*id))
            .collect();
        let country_record = known
            .iter()
            .find(|k| k.kind == Kind::Country)
            .and_then(|k| k.country);
        let first = known.first().and_then(|k| k.country);
        let single_country = first.filter(|f| known.iter().all(|k| k.country == Some(*f)));
        if let Some(country) = country_record.or(single_country) {
            *context.entry(country).or_default() += 1;
        }
        if let Key::Norp(country) = m.key {
            *context.entry(country).or_default() += 1;
        }
    }
    // A lone word that is only some town's by-name ("Ahmad", "Khan") is no
    // place unless the story is about that town's country.
    let mut index = 0;
    mentions.retain(|m| {
        let keep = !weak.get(index).copied().unwrap_or(false)
            || m.candidates
                .iter()
                .filter_map(|id| knowledge::known(*id)?.country)
                .any(|c| context.contains_key(c));
        index += 1;
        keep
    });
    let qualifiers = qualifiers(input, mentions);
    // The dateline's place is settled first (its own qualifier and the
    // story's countries), then lends its country to the other homonyms.
    let dateline_index = input.dateline_place.and_then(|place| {
        mentions
            .iter()
            .position(|m| span_of(input.toks, m.toks).is_some_and(|s| s.overlaps(place)))
    });
    let mut dateline_country = None;
    let order = dateline_index
        .into_iter()
        .chain((0..mentions.len()).filter(|i| Some(*i) != dateline_index));
    for index in order {
        let qualifier = qualifiers
            .get(index)
            .copied()
            .flatten()
            .and_then(|q| mentions.get(q))
            .map(|q| q.candidates);
        let Some(m) = mentions.get_mut(index) else {
            continue;
        };
        if m.candidates.len() < 2 {
            if Some(index) == dateline_index {
                dateline_country = m
                    .candidates
                    .first()
                    .and_then(|id| knowledge::known(*id)?.country);
            }
            continue;
        }
        // A country named exactly by the word outranks towns that merely
        // carry it as a by-name ("Benin" over "Benin City").
        let alias = folded_of(input, m.toks);
        let exact = |k: &Known| dateline_text::fold(k.name).text() == alias;
        let exact_country = m
            .candidates
            .iter()
            .filter_map(|id| knowledge::known(*id))
            .any(|k| k.kind == Kind::Country && exact(&k));
        let score = |k: &Known| -> (u8, u8, u8, u8, u8, u8, u64) {
            let in_context = k
                .country
                .is_some_and(|c| context.get(c).copied().unwrap_or(0) > 0 && !is_own_country(k, c));
            let at_dateline = k.country.is_some_and(|c| Some(c) == dateline_country);
            let rank = match k.kind {
                Kind::Country => 5,
                Kind::Igo | Kind::GovBody | Kind::Media | Kind::Ngo | Kind::ArmedGroup => 4,
                // A capital outranks the region of the same name (Washington, Mexico).
                Kind::City if knowledge::is_capital(k) => 3,
                Kind::Admin1 => 2,
                Kind::City => 1,
                Kind::Person => 0,
            };
            let person_ok = u8::from(k.kind != Kind::Person || m.role.is_some());
            // "President Bush": a title before the name asks for the person.
            let titled_person = u8::from(k.kind == Kind::Person && m.role.is_some());
            let preferred = u8::from(!exact_country || exact(k));
            (
                person_ok,
                titled_person,
                u8::from(qualifier.is_some_and(|q| lies_in(k, q))),
                preferred,
                u8::from(in_context) + u8::from(at_dateline),
                rank,
                k.population,
            )
        };
        if let Some(best) = m
            .candidates
            .iter()
            .filter_map(|id| knowledge::known(*id))
            .max_by_key(score)
        {
            m.key = Key::Known(best.id);
            m.kind = best.entity_type();
            if Some(index) == dateline_index {
                dateline_country = best.country;
            }
        }
    }
}

/// For each mention, the mention that qualifies it as a place within a
/// country or region, as news writes homonyms: "PARIS, Texas", "London,
/// Ontario", "Valence (Drôme)", "Valence, en Espagne" (a comma or an opening
/// bracket, at most a few function words, then the country or region).
fn qualifiers(input: &Input, mentions: &[Mention]) -> Vec<Option<usize>> {
    /// Function words allowed between the comma and the qualifier ("en", "in the").
    const MAX_LINKING_WORDS: usize = 3;
    let mut by_start: FastMap<usize, usize> = FastMap::default();
    for (i, m) in mentions.iter().enumerate() {
        by_start.entry(m.toks.0).or_insert(i);
    }
    let region_or_country = |q: &Mention| {
        q.candidates.iter().any(|id| {
            knowledge::known(*id).is_some_and(|k| matches!(k.kind, Kind::Country | Kind::Admin1))
        })
    };
    mentions
        .iter()
        .map(|m| {
            if m.candidates.len() < 2 {
                return None;
            }
            let opener = input.toks.get(m.toks.1)?;
            let opens =
                opener.kind == TokKind::Punct && matches!(opener.folded(input.folded), "," | "(");
            if !opens {
                return None;
            }
            for k in (m.toks.1 + 1)..=(m.toks.1 + 1 + MAX_LINKING_WORDS) {
                if let Some(q) = by_start.get(&k).copied() {
                    return mentions.get(q).filter(|q| region_or_country(q)).map(|_| q);
                }
                let linking = input.toks.get(k).is_some_and(|t| {
                    matches!(t.kind, TokKind::Word | TokKind::Elision)
                        && t.case == Case::Lower
                        && input.lex.is_function_word(t.folded(input.folded))
                });
                if !linking {
                    return None;
                }
            }
            None
        })
        .collect()
}

/// Whether a gazetteer record lies in a country or region one of the
/// qualifier's candidates names.
fn lies_in(k: &Known, qualifier: &[u32]) -> bool {
    if !matches!(k.kind, Kind::City | Kind::Admin1) {
        return false;
    }
    qualifier
        .iter()
        .filter_map(|id| knowledge::known(*id))
        .any(|q| match q.kind {
            Kind::Country => q.country.is_some() && q.country == k.country,
            Kind::Admin1 => k.kind == Kind::City && q.admin1.is_some() && q.admin1 == k.admin1,
            _ => false,
        })
}

/// A single word that names only towns, and none by its own name, none big.
fn weak_alias(input: &Input, m: &Mention) -> bool {
    if !matches!(m.key, Key::Known(_)) || m.toks.1 - m.toks.0 != 1 || m.candidates.is_empty() {
        return false;
    }
    let alias = folded_of(input, m.toks);
    m.candidates
        .iter()
        .filter_map(|id| knowledge::known(*id))
        .all(|k| {
            k.kind == Kind::City
                && k.population < 1_000_000
                && dateline_text::fold(k.name).text() != alias
        })
}

/// A country record does not lend context to itself.
fn is_own_country(k: &Known, _country: &str) -> bool {
    k.kind == Kind::Country
}

/// Lone capitalised words that repeat a person's surname ("Tokaïev" after
/// "Kassym-Jomart Tokaïev", "Jordan" after "Michael Jordan") join that
/// person; other lone words are dropped.
fn link_surnames(input: &Input, mentions: &mut Vec<Mention>) {
    let mut surnames: FastMap<&str, Key> = FastMap::default();
    for m in mentions.iter() {
        let person = m.kind == EntityType::Per && m.toks.1 - m.toks.0 >= 2;
        if !person {
            continue;
        }
        if let Some(last) = input.toks.get(m.toks.1 - 1) {
            surnames
                .entry(last.folded(input.folded))
                .or_insert_with(|| m.key.clone());
        }
    }
    mentions.retain_mut(|m| {
        let single = m.toks.1 - m.toks.0 == 1;
        let lone_word =
            m.kind == EntityType::Group && matches!(&m.key, Key::Name(n) if n.is_empty());
        // "M. Maïga", "Jordan": one word that may be a surname.
        let may_be_surname = single && matches!(m.kind, EntityType::Gpe | EntityType::Per);
        if !(lone_word || may_be_surname) {
            return true;
        }
        let word = input
            .toks
            .get(m.toks.0)
            .map(|t| t.folded(input.folded))
            .unwrap_or("");
        // "in Jordan", "à Paris": after a preposition a place stays a place.
        let after_function_word = m.toks.0 > 0
            && input.toks.get(m.toks.0 - 1).is_some_and(|t| {
                t.case == Case::Lower && input.lex.is_function_word(t.folded(input.folded))
            });
        if m.kind == EntityType::Gpe && after_function_word {
            return true;
        }
        match surnames.get(word) {
            Some(key) if *key != m.key => {
                m.key = key.clone();
                m.kind = EntityType::Per;
                m.candidates = &[];
                true
            }
            _ => !lone_word,
        }
    });
}

/// "Palestinian Liberation Organization (PLO)": an acronym in brackets right
/// after a name is that name's; the known one of the two gives the identity.
fn link_acronyms(input: &Input, mentions: &mut [Mention]) {
    let punct = |k: usize, p: &str| {
        input
            .toks
            .get(k)
            .is_some_and(|t| t.kind == TokKind::Punct && t.folded(input.folded) == p)
    };
    for i in 1..mentions.len() {
        let (before, after) = mentions.split_at_mut(i);
        let (Some(name), Some(acronym)) = (before.last_mut(), after.first_mut()) else {
            continue;
        };
        let (s, e) = acronym.toks;
        let bracketed = e - s == 1
            && name.toks.1 + 1 == s
            && punct(s - 1, "(")
            && punct(e, ")")
            && input.toks.get(s).is_some_and(|t| t.case == Case::Upper);
        if !bracketed
            || name.toks.1 - name.toks.0 < 2
            || !matches!(name.kind, EntityType::Org | EntityType::Per)
        {
            continue;
        }
        match (&name.key, &acronym.key) {
            (Key::Known(_), _) => {
                acronym.key = name.key.clone();
                acronym.kind = name.kind;
            }
            (_, Key::Known(_)) => {
                name.key = acronym.key.clone();
                name.kind = acronym.kind;
            }
            _ => {
                acronym.key = name.key.clone();
                acronym.kind = EntityType::Org;
                name.kind = EntityType::Org;
            }
        }
    }
}

// ------------------------------------------------------------------ entities

fn assemble(input: &Input, mentions: Vec<Mention>) -> Vec<Entity> {
    let mut index: FastMap<Key, usize> = FastMap::default();
    let mut entities: Vec<Entity> = Vec::new();
    // The longest written form of an unknown name is its name.
    let mut name_len: Vec<usize> = Vec::new();
    for m in mentions {
        let Some(span) = span_of(input.toks, m.toks) else {
            continue;
        };
        let written = input.original.get(span.start..span.end).unwrap_or("");
        let slot = *index.entry(m.key.clone()).or_insert_with(|| {
            let known = match m.key {
                Key::Known(id) => knowledge::known(id),
                _ => None,
            };
            entities.push(Entity {
                kind: m.kind,
                name: known
                    .as_ref()
                    .map(|k| k.name.to_string())
                    .or(m.name.clone())
                    .unwrap_or_default(),
                kb: known.as_ref().and_then(|k| k.kb.map(str::to_string)),
                country: known.as_ref().and_then(|k| k.country.map(str::to_string)),
                sector: known.as_ref().and_then(|k| k.sector.map(str::to_string)),
                role: known.as_ref().and_then(|k| k.role.map(str::to_string)),
                mentions: Vec::new(),
            });
            name_len.push(if known.is_some() || m.name.is_some() {
                usize::MAX
            } else {
                0
            });
            entities.len() - 1
        });
        let (Some(entity), Some(best_len)) = (entities.get_mut(slot), name_len.get_mut(slot))
        else {
            continue;
        };
        if written.len() > *best_len && *best_len != usize::MAX {
            entity.name = written.to_string();
            *best_len = written.len();
        }
        entity.country = entity.country.take().or(m.country.map(str::to_string));
        entity.sector = entity.sector.take().or(m.sector);
        entity.role = entity.role.take().or(m.role);
        // Mentions come in text order, so a repeated span is the last one pushed.
        if entity.mentions.last() != Some(&span) {
            entity.mentions.push(span);
        }
    }
    entities
}

// ------------------------------------------------------------------ focus country

/// The country with the most weighted mentions: (country, span, weight),
/// counted twice in the lede and three times in the title.
pub(crate) fn focus<'a>(
    mentions: impl Iterator<Item = (&'a str, Span, usize)>,
    title: Option<Span>,
    lede_end: usize,
) -> Option<&'a str> {
    let mut weights: Vec<(&'a str, usize)> = Vec::new();
    for (country, span, weight) in mentions {
        let place = if title.is_some_and(|t| t.contains(span)) {
            3
        } else if span.end <= lede_end {
            2
        } else {
            1
        };
        match weights.iter_mut().find(|(c, _)| *c == country) {
            Some((_, w)) => *w += weight * place,
            None => weights.push((country, weight * place)),
        }
    }
    weights.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    match weights.as_slice() {
        [(country, w), rest @ ..]
            if *w >= 2 && rest.first().map_or(true, |(_, second)| second < w) =>
        {
            Some(country)
        }
        _ => None,
    }
}

// ------------------------------------------------------------------ noun phrases

/// What a short noun phrase says about an actor: its title, sector and country.
pub(crate) struct Phrase {
    pub title: Option<usize>,
    pub sector: Option<String>,
    pub country: Option<&'static str>,
    /// The actor belongs to the story's country unless the phrase says otherwise.
    pub domestic: bool,
    /// A people named by a demonym as residents ("ethnic Albanians in
    /// Serbia"): they belong to the place where they live, which is
    /// `residence` when the phrase names it, else the story's country.
    pub residents: bool,
    pub residence: Option<&'static str>,
}

/// Reads a noun phrase ("les forces de sécurité kazakhes", "Senior Hungarian
/// officials", "le président kazakh") for its actor noun, title or
/// government body and any country adjective or name inside it.
pub(crate) fn read_phrase(text: &str, lex: &Lexicon, lang: &str) -> Option<Phrase> {
    let folded = dateline_text::fold(text);
    let toks = scan::scan(&folded, text, lex, &|w| lex.is_abbreviation(w));
    let ftext = folded.text();
    let mut phrase = Phrase {
        title: None,
        sector: None,
        country: None,
        domestic: false,
        residents: false,
        residence: None,
    };
    let mut found = false;
    if let Some(matcher) = lex.matcher.as_ref() {
        // The last actor noun heads the phrase ("groupes de combattants armés" are fighters).
        for m in matcher.find_iter(ftext) {
            let start = scan::token_at(&toks, m.start());
            let end = scan::token_end(&toks, m.end());
            if !at_boundaries(&toks, start, end, m.start(), m.end()) {
                continue;
            }
            let Some(info) = lex.phrases.get(m.pattern().as_usize()) else {
                continue;
            };
            if let Some(body) = info.bodies.first().and_then(|b| lex.bodies.get(*b)) {
                phrase.sector = Some(body.sector.clone());
                phrase.domestic = true;
                found = true;
            }
            if let Some(title) = info.title.and_then(|t| lex.titles.get(t).map(|x| (t, x))) {
                if !title.1.honorific {
                    phrase.title = Some(title.0);
                    phrase.sector = title.1.sector.clone().or(phrase.sector.take());
                    phrase.domestic = true;
                    found = true;
                }
            }
            if let Some(actor) = info.actor.and_then(|a| lex.actors.get(a)) {
                phrase.sector = Some(actor.sector.clone());
                phrase.domestic = actor.domestic;
                found = true;
            }
        }
    }
    let mut demonym_at = None;
    for (k, tok) in toks.iter().enumerate() {
        if tok.kind != TokKind::Word || tok.has_digit {
            continue;
        }
        if let Some(country) = demonym_pair(&toks, ftext, k, lang) {
            phrase.country = Some(country);
            demonym_at = Some(k + 1);
            found = true;
            break;
        }
        let word = tok.folded(ftext);
        if let Some(country) = knowledge::demonym(word, lang) {
            phrase.country = Some(country);
            demonym_at = Some(k);
            found = true;
            break;
        }
    }
    if let Some(at) = demonym_at {
        phrase.residents = residents(&toks, ftext, lex, at);
        if phrase.residents {
            phrase.residence = place_country_after(text, &folded, &toks, at, phrase.country);
        }
    }
    if phrase.country.is_none() {
        for m in knowledge::find_all(text, &folded) {
            let start = scan::token_at(&toks, m.range.start);
            if toks
                .get(start)
                .is_some_and(|t| t.capitalised() || t.case == Case::None)
            {
                if let Some(country) = country_of_ids(m.ids) {
                    phrase.country = Some(country);
                    found = true;
                    break;
                }
            }
        }
    }
    found.then_some(phrase)
}

/// Whether the demonym at token `at` names a people as residents: a marker
/// word in the phrase ("ethnic"), or a people noun (capitalised) followed by
/// a link word ("Albanians of", "les Albanais de"), not an adjective before
/// an actor noun ("Russian troops in Syria" stay Russian).
fn residents(toks: &[Tok], ftext: &str, lex: &Lexicon, at: usize) -> bool {
    let marker = |t: &Tok| {
        lex.resident_markers
            .get(t.folded(ftext).trim_end_matches('\''))
            .copied()
    };
    if toks
        .iter()
        .filter(|t| matches!(t.kind, TokKind::Word | TokKind::Elision))
        .any(|t| marker(t) == Some(true))
    {
        return true;
    }
    let people_noun = toks.get(at).is_some_and(|t| t.case == Case::Title);
    people_noun && toks.get(at + 1).is_some_and(|t| marker(t) == Some(false))
}

/// The country of the first place named after token `at` that is not the
/// demonym's own country ("in south Serbia" -> SRB).
fn place_country_after(
    text: &str,
    folded: &Folded,
    toks: &[Tok],
    at: usize,
    own: Option<&'static str>,
) -> Option<&'static str> {
    let after = toks.get(at).map_or(0, |t| t.f.end);
    knowledge::find_all(text, folded)
        .into_iter()
        .filter(|m| m.range.start >= after)
        .filter(|m| {
            toks.get(scan::token_at(toks, m.range.start))
                .is_some_and(|t| t.capitalised() || t.case == Case::None)
        })
        .find_map(|m| {
            let known: Vec<Known> = m
                .ids
                .iter()
                .filter_map(|id| knowledge::known(*id))
                .collect();
            let country = known
                .iter()
                .find(|k| k.kind == Kind::Country)
                .or_else(|| known.iter().find(|k| k.is_place()))
                .and_then(|k| k.country)?;
            (Some(country) != own).then_some(country)
        })
}

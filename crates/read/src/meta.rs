//! Document metadata read from the text itself: the title (a first line
//! standing alone), the dateline ("Moscou, 10 janvier (RHC)", "PARIS
//! (Reuters) -"), the sources the story credits ("Source Russia Today",
//! "selon l'AFP", "(avec AFP)"), and a closing URL and publisher line.
//!
//! Metadata the input already gave (an HTML title, a JSON Lines URL) wins over
//! what is read here. The cue words are per-language data in
//! `resources/lang/<iso>/source_cues.tsv`.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use dateline_model::{Dateline, Reading, Source, SourceRole, Span};

use crate::Context;

/// A title is a headline, not a paragraph.
const MAX_TITLE_CHARS: usize = 300;
/// A source or publisher name is a few words.
const MAX_NAME_CHARS: usize = 80;
const MAX_NAME_WORDS: usize = 8;
/// How far from the end a footer line (URL, publisher) may stand.
const FOOTER_LINES: usize = 6;

pub fn read(reading: &mut Reading, cx: &Context) {
    let lines = Line::all(&reading.doc.text);
    let body_start = read_title(reading, &lines);
    read_dateline(reading, cx, &lines, body_start);
    read_sources(reading, cx, &lines);
    read_footer(reading, cx, &lines);
}

/// A non-blank line of the text, trimmed, and whether blank lines surround it.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    blank_before: bool,
    blank_after: bool,
}

impl Line {
    fn all(text: &str) -> Vec<Line> {
        let mut lines: Vec<Line> = Vec::new();
        let mut start = 0;
        let mut previous_blank = true;
        for piece in text.split_inclusive('\n') {
            let end = start + piece.len();
            let content = piece.trim_end_matches('\n');
            let trimmed_start = content.len() - content.trim_start().len();
            let trimmed = content.trim();
            if trimmed.is_empty() {
                if let Some(last) = lines.last_mut() {
                    last.blank_after = true;
                }
                previous_blank = true;
            } else {
                let s = start + trimmed_start;
                lines.push(Line {
                    span: Span::new(s, s + trimmed.len()),
                    blank_before: previous_blank,
                    blank_after: false,
                });
                previous_blank = false;
            }
            start = end;
        }
        if let Some(last) = lines.last_mut() {
            last.blank_after = true;
        }
        lines
    }
}

/// Finds the title; returns the index of the first body line.
fn read_title(reading: &mut Reading, lines: &[Line]) -> usize {
    let Some(first) = lines.first() else { return 0 };
    let text = reading.doc.slice(first.span);
    let stands_alone = first.blank_after && lines.len() > 1;
    let looks_like_headline = text.chars().count() <= MAX_TITLE_CHARS
        && (!text.ends_with('.') || text.ends_with("..."))
        && parse_dateline(text).is_none();
    if !stands_alone || !looks_like_headline {
        return 0;
    }
    if reading.doc.meta.title.is_none() {
        reading.doc.meta.title = Some(text.to_string());
        reading.doc.meta.title_span = Some(first.span);
    }
    1
}

fn read_dateline(reading: &mut Reading, cx: &Context, lines: &[Line], body_start: usize) {
    let Some(line) = lines.get(body_start) else {
        return;
    };
    let text = reading.doc.slice(line.span);
    let Some(found) = parse_dateline(text) else {
        return;
    };
    let at = |s: Span| Span::new(line.span.start + s.start, line.span.start + s.end);
    let date = found.date.and_then(|d| {
        let expr = text.get(d.start..d.end)?;
        dateline_text::parse_date(expr, &cx.lang, reading.doc.meta.published)
    });
    reading.doc.meta.dateline = Some(Dateline {
        span: at(found.span),
        place_text: text
            .get(found.place.start..found.place.end)
            .map(str::to_string),
        place_span: Some(at(found.place)),
        date,
        agency: found
            .agency
            .and_then(|a| text.get(a.start..a.end))
            .map(str::to_string),
    });
}

/// The parts of a dateline, as spans relative to the line.
#[derive(Debug, PartialEq)]
struct DatelineParts {
    span: Span,
    place: Span,
    date: Option<Span>,
    agency: Option<Span>,
}

/// Reads a dateline at the start of a line. Accepted shapes (place words are
/// capitalised; a region and a date may follow after commas; the agency is a
/// short capitalised parenthesis; a dash may close it):
/// `Moscou, 10 janvier (RHC)`, `PARIS (Reuters) -`, `KYIV, Ukraine (AP) —`,
/// `WASHINGTON, Jan. 5 (Xinhua) --`, `PARIS, 5 janvier -`.
fn parse_dateline(line: &str) -> Option<DatelineParts> {
    let place_end = capitalised_run(line, 0, 5)?;
    let place = Span::new(0, place_end);
    let all_caps_place = line.get(..place_end)?.chars().all(|c| !c.is_lowercase());
    let mut pos = place_end;
    let mut date = None;
    let mut comma_parts = 0;
    // Up to two comma-separated parts: a region and/or a date.
    while comma_parts < 2 {
        let rest = line.get(pos..)?;
        let Some(after_comma) = rest.strip_prefix(',') else {
            break;
        };
        let part_start = pos + 1 + (after_comma.len() - after_comma.trim_start().len());
        let part_end = part_end(line, part_start);
        let part = line.get(part_start..part_end)?.trim_end();
        if part.is_empty() || part.chars().count() > 30 {
            break;
        }
        let part_span = Span::new(part_start, part_start + part.len());
        if part.chars().any(|c| c.is_ascii_digit()) {
            date = Some(part_span);
        } else if capitalised_run(line, part_start, 4) != Some(part_span.end) {
            break;
        }
        pos = part_span.end;
        comma_parts += 1;
    }
    let mut agency = None;
    let mut end = pos;
    let rest = line.get(pos..)?;
    let rest_trimmed = rest.trim_start();
    let gap = rest.len() - rest_trimmed.len();
    if let Some(inner) = rest_trimmed.strip_prefix('(') {
        if let Some(close) = inner.find(')') {
            let name = inner.get(..close)?.trim();
            if is_agency_like(name) {
                let start = pos + gap + 1 + (inner.len() - inner.trim_start().len());
                agency = Some(Span::new(start, start + name.len()));
                end = pos + gap + 1 + close + 1;
            }
        }
    }
    let after = line.get(end..)?;
    // Spanish wire copy closes a dateline with ".-" ("Lima, 14 sep (EFE).- La policía").
    let period_dash = after
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(['-', '—', '–']));
    let dash = ["--", "—", "–", "-"]
        .iter()
        .find_map(|d| after.trim_start().strip_prefix(d).map(|_| ()));
    let separated =
        period_dash || (dash.is_some() && after.starts_with(|c: char| c.is_whitespace()));
    let followed_by_body =
        period_dash || after.is_empty() || after.starts_with(|c: char| c.is_whitespace());
    // A capitalised name before a parenthesis is often a person and their
    // party ("Emmanuel Macron (LREM) a ..."): an agency alone is not enough
    // unless the place is in capitals, a date or a dash follows, or the
    // parenthesis names a known news organisation.
    let strong = all_caps_place || date.is_some() || separated;
    let accepted = followed_by_body
        && ((agency.is_some()
            && (strong
                || agency
                    .and_then(|a| line.get(a.start..a.end))
                    .is_some_and(is_news_organisation)))
            || (separated && (all_caps_place || date.is_some())));
    accepted.then_some(DatelineParts {
        span: Span::new(0, end),
        place,
        date,
        agency,
    })
}

/// Where a comma-separated dateline part ends: at the next comma, parenthesis or spaced dash.
fn part_end(line: &str, from: usize) -> usize {
    let rest = line.get(from..).unwrap_or("");
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if c == ',' || c == '(' {
            end = i;
            break;
        }
        if matches!(c, '-' | '–' | '—') && rest.get(..i).is_some_and(|b| b.ends_with(' ')) {
            end = i;
            break;
        }
        // "3 may.- Al menos": a Spanish ".-" closes the date.
        if c == '.'
            && rest
                .get(i + 1..)
                .is_some_and(|r| r.starts_with(['-', '—', '–']))
        {
            end = i;
            break;
        }
    }
    from + end
}

/// The end of a run of 1..=max capitalised words starting at `from`
/// ("Moscou", "KYIV", "Port-au-Prince", "Rio de Janeiro", "St. Louis").
/// Lower-case particles may stand between capitalised words.
fn capitalised_run(line: &str, from: usize, max_words: usize) -> Option<usize> {
    let rest = line.get(from..)?;
    let mut end = None;
    let mut words = 0;
    let mut offset = 0;
    for word in rest.split(' ') {
        let clean = word.trim_end_matches([',', ':']);
        let has_stop = clean.len() < word.len();
        let first = clean.chars().next()?;
        let capitalised = first.is_uppercase()
            && clean
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        let particle = end.is_some() && clean.len() <= 3 && clean.chars().all(|c| c.is_lowercase());
        if capitalised {
            words += 1;
            end = Some(from + offset + clean.len());
        } else if !particle {
            break;
        }
        if has_stop || words >= max_words {
            break;
        }
        offset += word.len() + 1;
    }
    // A trailing abbreviation dot belongs to the place ("St."), but a place
    // does not end a sentence.
    end
}

fn is_agency_like(name: &str) -> bool {
    let words = name.split_whitespace().count();
    !name.is_empty()
        && name.chars().count() <= 40
        && (1..=5).contains(&words)
        && name.chars().next().is_some_and(|c| c.is_uppercase())
        && !name.contains(['.', ';', '!', '?'])
        && !name.chars().any(|c| c.is_ascii_digit())
}

// ------------------------------------------------------------------ sources

#[derive(Default)]
struct Cues {
    /// (folded cue, role), longest first.
    line: Vec<(String, SourceRole)>,
    paren: Vec<(String, SourceRole)>,
    inline: Option<(AhoCorasick, Vec<SourceRole>)>,
    /// Folded determiners, longest first.
    articles: Vec<String>,
}

fn parse_role(s: &str) -> Option<SourceRole> {
    match s {
        "upstream" => Some(SourceRole::Upstream),
        "agency" => Some(SourceRole::Agency),
        "cited" => Some(SourceRole::Cited),
        _ => None,
    }
}

fn cues(lang: &str) -> Option<&'static Cues> {
    static ALL: OnceLock<HashMap<&'static str, Cues>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        let mut all = HashMap::new();
        for (iso, name) in dateline_lang::files() {
            if name != "source_cues.tsv" {
                continue;
            }
            let Some(text) = dateline_lang::file(iso, name) else {
                continue;
            };
            let mut cues = Cues::default();
            let mut inline = Vec::new();
            for row in dateline_lang::rows(text) {
                let (Some(cue), Some(role), Some(place)) = (row.first(), row.get(1), row.get(2))
                else {
                    continue;
                };
                let folded = dateline_text::fold(cue).text().to_string();
                match (*place, parse_role(role)) {
                    ("line", Some(role)) => cues.line.push((folded, role)),
                    ("paren", Some(role)) => cues.paren.push((folded, role)),
                    ("inline", Some(role)) => inline.push((folded, role)),
                    ("article", _) => cues.articles.push(folded),
                    _ => {}
                }
            }
            cues.line.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
            cues.paren.sort_by_key(|(c, _)| std::cmp::Reverse(c.len()));
            cues.articles.sort_by_key(|c| std::cmp::Reverse(c.len()));
            if !inline.is_empty() {
                let patterns: Vec<&str> = inline.iter().map(|(c, _)| c.as_str()).collect();
                if let Ok(matcher) = AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns)
                {
                    cues.inline = Some((matcher, inline.into_iter().map(|(_, r)| r).collect()));
                }
            }
            all.insert(iso, cues);
        }
        all
    });
    all.get(lang)
}

fn read_sources(reading: &mut Reading, cx: &Context, lines: &[Line]) {
    let Some(cues) = cues(&cx.lang) else { return };
    let text = reading.doc.text.as_str();
    let dateline = reading.doc.meta.dateline.as_ref().map(|d| d.span);
    let mut found: Vec<Source> = Vec::new();

    // "Source Russia Today" on a line of its own.
    for line in lines {
        let Some(line_text) = text.get(line.span.start..line.span.end) else {
            continue;
        };
        if line_text.chars().count() > MAX_NAME_CHARS + 20 {
            continue;
        }
        if let Some((name, role)) = after_cue(line_text, &cues.line) {
            let start = line.span.start + name.start;
            push_source(
                &mut found,
                text,
                Span::new(start, line.span.start + name.end),
                role,
            );
        }
    }

    // "(avec AFP)", "(with Reuters)".
    let mut search = 0;
    while let Some(open) = text
        .get(search..)
        .and_then(|r| r.find('('))
        .map(|i| search + i)
    {
        search = open + 1;
        let Some(close) = text.get(open..).and_then(|r| r.find(')')).map(|i| open + i) else {
            break;
        };
        if close - open > MAX_NAME_CHARS
            || dateline.is_some_and(|d| d.contains(Span::new(open, close)))
        {
            continue;
        }
        let Some(inner) = text.get(open + 1..close) else {
            continue;
        };
        if let Some((name, role)) = after_cue(inner, &cues.paren) {
            push_source(
                &mut found,
                text,
                Span::new(open + 1 + name.start, open + 1 + name.end),
                role,
            );
        }
    }

    // "selon l'AFP", "according to Reuters": only for known news organisations.
    if let Some((matcher, roles)) = &cues.inline {
        let folded = cx.folded.text();
        for m in matcher.find_iter(folded) {
            let bounded_left = folded.get(..m.start()).map_or(true, |b| {
                b.is_empty() || b.ends_with([' ', '\n', '(', '"', ','])
            });
            if !bounded_left {
                continue;
            }
            let Some(role) = roles.get(m.pattern().as_usize()).copied() else {
                continue;
            };
            let mut after = m.end();
            let rest = folded.get(after..).unwrap_or("");
            let skipped = rest.len() - rest.trim_start_matches(' ').len();
            after += skipped;
            if skipped == 0 && !folded.get(..after).is_some_and(|b| b.ends_with('\'')) {
                continue;
            }
            let rest = folded.get(after..).unwrap_or("");
            if let Some(article) = cues.articles.iter().find(|a| {
                rest.starts_with(a.as_str())
                    && (a.ends_with('\'')
                        || rest.get(a.len()..).is_some_and(|r| r.starts_with(' ')))
            }) {
                after += article.len();
                after += folded
                    .get(after..)
                    .map_or(0, |r| r.len() - r.trim_start_matches(' ').len());
            }
            let start = cx.folded.to_original(Span::new(after, after)).start;
            if let Some(name) = known_media_at(text, start) {
                push_source(&mut found, text, name, role);
            }
        }
    }
    found.sort_by_key(|s| s.span.start);
    reading.doc.meta.sources = found;
}

/// When `text` opens with one of `cues` (folded, longest first) followed by a
/// separator and a name, the name's span within `text` and the cue's role.
fn after_cue(text: &str, cues: &[(String, SourceRole)]) -> Option<(Span, SourceRole)> {
    let folded = dateline_text::fold(text);
    for (cue, role) in cues {
        let Some(rest) = folded.text().strip_prefix(cue.as_str()) else {
            continue;
        };
        let trimmed = rest.trim_start_matches([' ', ':', '-', '–', '—']);
        if trimmed.len() == rest.len() && !cue.ends_with('\'') {
            continue; // "Sourced" is not "Source".
        }
        let name_start_folded = folded.text().len() - trimmed.len();
        let name_start = folded
            .to_original(Span::new(name_start_folded, name_start_folded))
            .start;
        let name = text
            .get(name_start..)?
            .trim_end()
            .trim_end_matches(['.', ')'])
            .trim_end();
        if looks_like_name(name) {
            return Some((Span::new(name_start, name_start + name.len()), *role));
        }
    }
    None
}

fn looks_like_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    (1..=MAX_NAME_WORDS).contains(&words)
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !name.contains(['.', '!', '?', ';', '«', '»', '"'])
}

/// The longest run of capitalised words at `start` that names a known news organisation.
fn known_media_at(text: &str, start: usize) -> Option<Span> {
    let end = capitalised_run(text, start, 5)?;
    let mut candidate = text.get(start..end)?;
    loop {
        if is_news_organisation(candidate) {
            return Some(Span::new(start, start + candidate.len()));
        }
        let (shorter, _) = candidate.rsplit_once(' ')?;
        candidate = shorter;
    }
}

fn is_news_organisation(name: &str) -> bool {
    let world = dateline_world::world();
    let folded = dateline_text::fold(name);
    world
        .lookup(folded.text())
        .iter()
        .any(|id| world.entity(*id).kind == dateline_world::Kind::Media)
}

fn push_source(found: &mut Vec<Source>, text: &str, span: Span, role: SourceRole) {
    let Some(name) = text.get(span.start..span.end) else {
        return;
    };
    let key = dateline_text::fold(name).text().to_string();
    if found
        .iter()
        .any(|s| dateline_text::fold(&s.name).text() == key)
    {
        return;
    }
    found.push(Source {
        name: name.to_string(),
        role,
        span,
    });
}

// ------------------------------------------------------------------ footer

/// A closing URL line gives `doc.url`; a short name standing alone at the
/// very end, after such a line or a source line, or known as a news
/// organisation, gives `doc.publisher`.
fn read_footer(reading: &mut Reading, _cx: &Context, lines: &[Line]) {
    let text = reading.doc.text.as_str();
    let first_footer = lines.len().saturating_sub(FOOTER_LINES).max(1);
    let mut url = None;
    let mut url_line = None;
    for (i, line) in lines.iter().enumerate().skip(first_footer) {
        let Some(line_text) = text.get(line.span.start..line.span.end) else {
            continue;
        };
        let bare = line_text.trim_start_matches('<').trim_end_matches('>');
        if (bare.starts_with("http://") || bare.starts_with("https://"))
            && !bare.contains(char::is_whitespace)
        {
            url = Some(bare.to_string());
            url_line = Some(i);
        }
    }
    let mut publisher = None;
    if let Some(last) = lines.last().filter(|l| l.blank_before && lines.len() > 2) {
        let last_index = lines.len() - 1;
        let name = text.get(last.span.start..last.span.end).unwrap_or("");
        let after_url = url_line.is_some_and(|u| u + 1 == last_index);
        let after_source = reading.doc.meta.sources.iter().any(|s| {
            lines
                .get(last_index.wrapping_sub(1))
                .is_some_and(|prev| prev.span.contains(s.span))
        });
        let is_source_line = reading
            .doc
            .meta
            .sources
            .iter()
            .any(|s| last.span.contains(s.span));
        if looks_like_name(name)
            && !is_source_line
            && (after_url || after_source || is_news_organisation(name))
        {
            publisher = Some(name.to_string());
        }
    }
    let meta = &mut reading.doc.meta;
    if meta.url.is_none() {
        meta.url = url;
    }
    if meta.publisher.is_none() {
        meta.publisher = publisher;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(line: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        parse_dateline(line).map(|p| {
            let get = |s: Span| line[s.start..s.end].to_string();
            (
                get(p.place),
                p.date.map(get),
                p.agency.map(get),
                get(p.span),
            )
        })
    }

    #[test]
    fn dateline_shapes() {
        assert_eq!(
            parts("Moscou, 10 janvier (RHC) Lors d'une réunion de l'OTSC"),
            Some((
                "Moscou".into(),
                Some("10 janvier".into()),
                Some("RHC".into()),
                "Moscou, 10 janvier (RHC)".into()
            ))
        );
        assert_eq!(
            parts("PARIS (Reuters) - French police said"),
            Some((
                "PARIS".into(),
                None,
                Some("Reuters".into()),
                "PARIS (Reuters)".into()
            ))
        );
        assert_eq!(
            parts("KYIV, Ukraine (AP) — Russian forces"),
            Some((
                "KYIV".into(),
                None,
                Some("AP".into()),
                "KYIV, Ukraine (AP)".into()
            ))
        );
        assert_eq!(
            parts("WASHINGTON, Jan. 5 (Xinhua) -- The United States"),
            Some((
                "WASHINGTON".into(),
                Some("Jan. 5".into()),
                Some("Xinhua".into()),
                "WASHINGTON, Jan. 5 (Xinhua)".into()
            ))
        );
        assert_eq!(
            parts("Lima, 14 sep (EFE).- La policía peruana"),
            Some((
                "Lima".into(),
                Some("14 sep".into()),
                Some("EFE".into()),
                "Lima, 14 sep (EFE)".into()
            ))
        );
        assert_eq!(
            parts("Bogotá, 3 may.- Al menos 8 soldados"),
            Some((
                "Bogotá".into(),
                Some("3 may".into()),
                None,
                "Bogotá, 3 may".into()
            ))
        );
        assert_eq!(
            parts("BAMAKO - Des hommes armés ont attaqué"),
            Some(("BAMAKO".into(), None, None, "BAMAKO".into()))
        );
        assert_eq!(
            parts("RIO DE JANEIRO, 3 mars (AFP) - La police"),
            Some((
                "RIO DE JANEIRO".into(),
                Some("3 mars".into()),
                Some("AFP".into()),
                "RIO DE JANEIRO, 3 mars (AFP)".into()
            ))
        );
    }

    #[test]
    fn sentences_are_not_datelines() {
        assert_eq!(
            parts("Il a assuré que «jamais» ses forces n'ouvriraient le feu."),
            None
        );
        assert_eq!(parts("The president (who spoke) said"), None);
        assert_eq!(
            parts("Kassym-Jomart Tokaïev a précisé que ces troupes se retireraient"),
            None
        );
        assert_eq!(parts("Paris - Lyon: le match est reporté"), None);
        assert_eq!(parts("Emmanuel Macron (LREM) a annoncé"), None);
        assert_eq!(parts(""), None);
    }

    #[test]
    fn lines_know_their_blank_neighbours() {
        let lines = Line::all(" \n\nTitle\n\nBody one\nBody two\n");
        assert_eq!(lines.len(), 3);
        assert!(lines[0].blank_before && lines[0].blank_after);
        assert!(lines[1].blank_before && !lines[1].blank_after);
        assert!(!lines[2].blank_before && lines[2].blank_after);
    }
}

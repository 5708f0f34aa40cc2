//! Scoring one predicted record against one gold reading
//! (`shared/spec/gold.md`), layer by layer.

use crate::fold::{self, find_all, fold_chars};
use crate::gold::{GoldCasualty, GoldDoc, GoldDocFields, GoldEvent, GoldPlace, GoldQuote};
use crate::matching::max_matching;
use crate::record::{overlap, span_of, spans_of, str_of, CharSpan, Predicted};
use crate::report::{Counts, Scores, Tally};
use serde::Serialize;
use serde_json::Value;

/// The great-circle distance within which a place counts as right
/// (100 miles, the geoparsing field's usual accuracy@161km).
pub const PLACE_TOLERANCE_KM: f64 = 161.0;

/// Quotes longer than this product of lengths (gold × predicted chars) are
/// not compared by common substring when they cannot be located in the text
/// (quadratic cost); they count as unmatched.
const MAX_SUBSTRING_WORK: usize = 4_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    Entities,
    Places,
    Quotes,
    Casualties,
    Events,
    Acled,
    Doc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MissKind {
    /// A gold item no prediction matched.
    Missed,
    /// A prediction that matched no gold item.
    Spurious,
    /// Matched, but a judged value is wrong (place point, speaker, field).
    Wrong,
    /// The layer could not be scored on this document.
    Unscored,
}

/// One item of the per-document debugging list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Miss {
    pub layer: Layer,
    pub kind: MissKind,
    pub detail: String,
}

/// The scores of one document and what went wrong in it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DocScore {
    pub id: Option<String>,
    /// Line of the gold file the reading came from.
    pub line: usize,
    pub scores: Scores,
    pub misses: Vec<Miss>,
}

impl Layer {
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Entities => "entities",
            Layer::Places => "places",
            Layer::Quotes => "quotes",
            Layer::Casualties => "casualties",
            Layer::Events => "events",
            Layer::Acled => "acled",
            Layer::Doc => "doc",
        }
    }
}

impl MissKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MissKind::Missed => "missed",
            MissKind::Spurious => "spurious",
            MissKind::Wrong => "wrong",
            MissKind::Unscored => "unscored",
        }
    }
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:<10} {:<8} {}",
            self.layer.as_str(),
            self.kind.as_str(),
            self.detail
        )
    }
}

impl DocScore {
    /// The misses as text, one per line, under a heading naming the document.
    pub fn details(&self) -> String {
        let mut out = format!(
            "{} (gold line {})\n",
            self.id.as_deref().unwrap_or("?"),
            self.line
        );
        for miss in &self.misses {
            out.push_str("  ");
            out.push_str(&miss.to_string());
            out.push('\n');
        }
        out
    }

    fn miss(&mut self, layer: Layer, kind: MissKind, detail: String) {
        self.misses.push(Miss {
            layer,
            kind,
            detail,
        });
    }
}

/// Scores a predicted `dateline/1` record against a gold reading. Only the
/// layers the gold gives are scored.
pub fn score(gold: &GoldDoc, predicted: &Value) -> DocScore {
    let predicted = Predicted::new(predicted);
    let mut out = DocScore {
        id: gold.id.clone(),
        line: gold.line,
        ..Default::default()
    };
    if let Some(fields) = &gold.doc {
        score_doc_fields(fields, &predicted, &mut out);
    }
    if let Some(entities) = &gold.entities {
        score_entities(entities, &predicted, &mut out);
    }
    if let Some(places) = &gold.places {
        score_places(places, &predicted, &mut out);
    }
    if let Some(quotes) = &gold.quotes {
        score_quotes(quotes, &predicted, &mut out);
    }
    if let Some(casualties) = &gold.casualties {
        score_casualties(casualties, &predicted, &mut out);
    }
    if let Some(events) = &gold.events {
        score_events(events, &predicted, &mut out);
    }
    if let Some(expected) = &gold.acled_sub_event_type {
        score_acled(expected.as_deref(), &predicted, &mut out);
    }
    out
}

fn same_folded(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => fold::fold(a) == fold::fold(b),
        (None, None) => true,
        _ => false,
    }
}

/// Document fields compare their words: folded, and without the quotation
/// marks or punctuation that may wrap them (« Titre », "Moscow,").
fn same_field(a: Option<&str>, b: Option<&str>) -> bool {
    let words = |s: &str| {
        fold::fold(s)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string()
    };
    match (a, b) {
        (Some(a), Some(b)) => words(a) == words(b),
        (None, None) => true,
        _ => false,
    }
}

fn shown(value: Option<&str>) -> &str {
    value.unwrap_or("null")
}

// ---------------------------------------------------------------- doc fields

fn judge_field(
    tally: &mut Tally,
    out: &mut Vec<Miss>,
    name: &str,
    gold: Option<&str>,
    candidates: &[Option<&str>],
) {
    let right = if gold.is_none() {
        candidates.iter().all(Option::is_none)
    } else {
        candidates
            .iter()
            .any(|c| c.is_some() && same_field(*c, gold))
    };
    tally.judge(right);
    if !right {
        let got: Vec<&str> = candidates.iter().map(|c| shown(*c)).collect();
        out.push(Miss {
            layer: Layer::Doc,
            kind: MissKind::Wrong,
            detail: format!(
                "{name}: gold {:?}, predicted {:?}",
                shown(gold),
                got.join(" / ")
            ),
        });
    }
}

fn score_doc_fields(gold: &GoldDocFields, predicted: &Predicted, out: &mut DocScore) {
    let fields = &mut out.scores.doc_fields;
    let misses = &mut out.misses;
    let dateline = predicted
        .record
        .pointer("/doc/dateline")
        .filter(|d| d.is_object());
    let dateline_str = |key: &str| dateline.and_then(|d| str_of(d, key));
    if let Some(title) = &gold.title {
        judge_field(
            &mut fields.title,
            misses,
            "title",
            title.as_deref(),
            &[predicted.doc_str("/doc/title")],
        );
    }
    if let Some(place) = &gold.dateline_place {
        // The record names the place by id; its words stand in when no place
        // record was made for them.
        let place_name = dateline_str("place")
            .and_then(|id| predicted.by_id("places", id))
            .and_then(|p| str_of(p, "name"));
        judge_field(
            &mut fields.dateline_place,
            misses,
            "dateline_place",
            place.as_deref(),
            &[place_name, dateline_str("place_text")],
        );
    }
    if let Some(date) = &gold.dateline_date {
        judge_field(
            &mut fields.dateline_date,
            misses,
            "dateline_date",
            date.as_deref(),
            &[dateline_str("date")],
        );
    }
    if let Some(agency) = &gold.agency {
        judge_field(
            &mut fields.agency,
            misses,
            "agency",
            agency.as_deref(),
            &[dateline_str("agency")],
        );
    }
    if let Some(publisher) = &gold.publisher {
        judge_field(
            &mut fields.publisher,
            misses,
            "publisher",
            publisher.as_deref(),
            &[predicted.doc_str("/doc/publisher")],
        );
    }
    if let Some(sources) = &gold.sources {
        let mut want: Vec<String> = sources.iter().map(|s| fold::fold(s)).collect();
        let mut got: Vec<String> = predicted
            .record
            .pointer("/doc/sources")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(|s| str_of(s, "name"))
                    .map(fold::fold)
                    .collect()
            })
            .unwrap_or_default();
        for set in [&mut want, &mut got] {
            set.sort();
            set.dedup();
        }
        let right = want == got;
        fields.sources.judge(right);
        if !right {
            misses.push(Miss {
                layer: Layer::Doc,
                kind: MissKind::Wrong,
                detail: format!("sources: gold {want:?}, predicted {got:?}"),
            });
        }
    }
}

// ---------------------------------------------------------------- entities

/// GPE and LOC count as one type for scoring.
fn type_class(kind: &str) -> &str {
    match kind {
        "LOC" => "GPE",
        other => other,
    }
}

struct GoldMention {
    span: CharSpan,
    class: Option<String>,
    text: String,
}

/// Every occurrence of every gold entity text in `doc.text`. A text found
/// inside a longer gold text ("Tokaïev" inside "Kassym-Jomart Tokaïev") is
/// that longer mention, not a second one. Texts found nowhere are returned
/// apart.
fn locate_mentions<'g>(
    texts: impl Iterator<Item = (&'g str, Option<&'g str>)>,
    folded_text: &[char],
) -> (Vec<GoldMention>, Vec<&'g str>) {
    let mut entries: Vec<(Vec<char>, &str, Option<&str>)> = texts
        .map(|(text, kind)| (fold_chars(text.trim()), text, kind))
        .collect();
    entries.sort_by_key(|(folded, _, _)| std::cmp::Reverse(folded.len()));
    let mut mentions: Vec<GoldMention> = Vec::new();
    let mut unlocated = Vec::new();
    for (folded, text, kind) in &entries {
        let found = find_all(folded_text, folded);
        if found.is_empty() {
            unlocated.push(*text);
        }
        for span in found {
            if mentions.iter().any(|m| overlap(m.span, span) > 0) {
                continue;
            }
            mentions.push(GoldMention {
                span,
                class: kind.map(|k| type_class(k).to_string()),
                text: (*text).to_string(),
            });
        }
    }
    mentions.sort_by_key(|m| m.span);
    (mentions, unlocated)
}

fn score_entities(gold: &[crate::gold::GoldEntity], predicted: &Predicted, out: &mut DocScore) {
    let Some(text) = predicted.folded_text.as_deref() else {
        out.miss(
            Layer::Entities,
            MissKind::Unscored,
            "record has no doc.text: mentions cannot be located".into(),
        );
        return;
    };
    let (mentions, unlocated) = locate_mentions(
        gold.iter().map(|e| (e.text.as_str(), e.kind.as_deref())),
        text,
    );
    let mut predicted_mentions: Vec<(CharSpan, &str, &str)> = Vec::new();
    for entity in predicted.list("entities") {
        let kind = str_of(entity, "type").unwrap_or("");
        let name = str_of(entity, "name").unwrap_or("");
        for span in spans_of(entity.get("mentions")) {
            predicted_mentions.push((span, type_class(kind), name));
        }
    }
    let candidates: Vec<Vec<usize>> = mentions
        .iter()
        .map(|g| {
            let mut fits: Vec<(usize, usize)> = predicted_mentions
                .iter()
                .enumerate()
                .filter(|(_, (span, class, _))| {
                    let shared = overlap(g.span, *span);
                    let longer = (g.span.1 - g.span.0).max(span.1 - span.0);
                    shared > 0
                        && 2 * shared >= longer
                        && g.class.as_deref().map_or(true, |c| c == *class)
                })
                .map(|(i, (span, _, _))| (i, overlap(g.span, *span)))
                .collect();
            fits.sort_by_key(|&(_, shared)| std::cmp::Reverse(shared));
            fits.into_iter().map(|(i, _)| i).collect()
        })
        .collect();
    let pairs = max_matching(&candidates, predicted_mentions.len());
    let matched = pairs.iter().flatten().count();
    let counts = &mut out.scores.entities;
    counts.docs += 1;
    counts.mentions.add(Counts {
        tp: matched,
        fp: predicted_mentions.len() - matched,
        fn_: mentions.len() - matched + unlocated.len(),
    });
    for (g, pair) in mentions.iter().zip(&pairs) {
        if pair.is_none() {
            let detail = format!(
                "{:?} [{}] at {}..{}",
                g.text,
                shown(g.class.as_deref()),
                g.span.0,
                g.span.1
            );
            out.miss(Layer::Entities, MissKind::Missed, detail);
        }
    }
    for text in unlocated {
        out.miss(
            Layer::Entities,
            MissKind::Missed,
            format!("{text:?} not found in doc.text"),
        );
    }
    let mut used = vec![false; predicted_mentions.len()];
    pairs.iter().flatten().for_each(|&p| used[p] = true);
    for ((span, class, name), used) in predicted_mentions.iter().zip(used) {
        if !used {
            let words = predicted.slice(*span).unwrap_or_default();
            let detail = format!(
                "{words:?} [{class}] at {}..{} (entity {name:?})",
                span.0, span.1
            );
            out.miss(Layer::Entities, MissKind::Spurious, detail);
        }
    }
}

// ---------------------------------------------------------------- places

/// Great-circle distance in km (haversine, mean Earth radius).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

fn score_places(gold: &[GoldPlace], predicted: &Predicted, out: &mut DocScore) {
    let places = predicted.list("places");
    let place_mentions: Vec<Vec<CharSpan>> =
        places.iter().map(|p| spans_of(p.get("mentions"))).collect();
    let mut used = vec![false; places.len()];
    let mut found = 0;
    for g in gold {
        let occurrences = predicted
            .folded_text
            .as_deref()
            .map(|t| find_all(t, &fold_chars(g.text.trim())));
        // Located in the text: a predicted mention must overlap it. Not
        // located (or no text): the place's name must equal the gold words.
        let hit = match occurrences.as_deref() {
            Some(occ) if !occ.is_empty() => place_mentions
                .iter()
                .position(|ms| ms.iter().any(|m| occ.iter().any(|o| overlap(*m, *o) > 0))),
            _ => places.iter().position(|p| {
                let name = str_of(p, "name");
                same_folded(name, Some(&g.text))
                    || (g.name.is_some() && same_folded(name, g.name.as_deref()))
            }),
        };
        if let Some(occ) = occurrences.as_deref() {
            for (i, ms) in place_mentions.iter().enumerate() {
                if ms.iter().any(|m| occ.iter().any(|o| overlap(*m, *o) > 0)) {
                    used[i] = true;
                }
            }
        }
        let Some(index) = hit else {
            out.miss(Layer::Places, MissKind::Missed, format!("{:?}", g.text));
            continue;
        };
        used[index] = true;
        found += 1;
        let place = &places[index];
        let number = |key: &str| place.get(key).and_then(Value::as_f64);
        let verdict = match (g.lat, g.lon) {
            (Some(lat), Some(lon)) => Some(match (number("lat"), number("lon")) {
                (Some(plat), Some(plon)) => distance_km(lat, lon, plat, plon) <= PLACE_TOLERANCE_KM,
                _ => false,
            }),
            _ => g
                .country
                .as_deref()
                .map(|c| str_of(place, "country") == Some(c)),
        };
        if let Some(right) = verdict {
            out.scores.places.right.judge(right);
            if !right {
                let detail = format!(
                    "{:?}: gold ({}, {}) {}, predicted {:?} ({}, {}) {}",
                    g.text,
                    g.lat.map_or("null".into(), |v| v.to_string()),
                    g.lon.map_or("null".into(), |v| v.to_string()),
                    shown(g.country.as_deref()),
                    str_of(place, "name").unwrap_or(""),
                    number("lat").map_or("null".into(), |v| v.to_string()),
                    number("lon").map_or("null".into(), |v| v.to_string()),
                    shown(str_of(place, "country")),
                );
                out.miss(Layer::Places, MissKind::Wrong, detail);
            }
        }
    }
    let spurious = used.iter().filter(|u| !**u).count();
    for (place, used) in places.iter().zip(&used) {
        if !used {
            out.miss(
                Layer::Places,
                MissKind::Spurious,
                format!("{:?}", str_of(place, "name").unwrap_or("")),
            );
        }
    }
    let scores = &mut out.scores.places;
    scores.docs += 1;
    scores.found.add(Counts {
        tp: found,
        fp: spurious,
        fn_: gold.len() - found,
    });
}

// ---------------------------------------------------------------- quotes

/// Length of the longest common run of chars.
fn longest_common_run(a: &[char], b: &[char]) -> usize {
    let mut previous = vec![0usize; b.len() + 1];
    let mut current = vec![0usize; b.len() + 1];
    let mut best = 0;
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            current[j + 1] = if ca == cb { previous[j] + 1 } else { 0 };
            best = best.max(current[j + 1]);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    best
}

/// Folded chars with whitespace runs collapsed.
fn folded_compact(text: &str) -> Vec<char> {
    fold::fold(text).chars().collect()
}

/// Whether two person names agree: equal after folding, or one is a
/// trailing part of the other ("Tokayev" for "Kassym-Jomart Tokayev").
pub fn same_person(gold: &str, predicted: &str) -> bool {
    let g = fold::words(gold);
    let p = fold::words(predicted);
    if g.is_empty() || p.is_empty() {
        return false;
    }
    let (short, long) = if g.len() <= p.len() {
        (&g, &p)
    } else {
        (&p, &g)
    };
    long.ends_with(short)
}

fn score_quotes(gold: &[GoldQuote], predicted: &Predicted, out: &mut DocScore) {
    let quotes = predicted.list("quotes");
    let quote_spans: Vec<Option<CharSpan>> =
        quotes.iter().map(|q| span_of(q.get("span"))).collect();
    let quote_texts: Vec<Vec<char>> = quotes
        .iter()
        .map(|q| folded_compact(str_of(q, "text").unwrap_or("")))
        .collect();
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| {
            let gold_chars = folded_compact(&g.text);
            let need = gold_chars.len() * 4;
            let located = predicted
                .folded_text
                .as_deref()
                .map(|t| find_all(t, &fold_chars(g.text.trim())));
            let mut fits: Vec<(usize, usize)> = Vec::new();
            for (i, text) in quote_texts.iter().enumerate() {
                // Shared chars: by offsets where both are placed in the text,
                // else by the longest common run of their words.
                let shared = match (located.as_deref(), quote_spans[i]) {
                    (Some(occ), Some(span)) if !occ.is_empty() => {
                        occ.iter().map(|o| overlap(*o, span)).max().unwrap_or(0)
                    }
                    _ if gold_chars.len().saturating_mul(text.len()) <= MAX_SUBSTRING_WORK => {
                        longest_common_run(&gold_chars, text)
                    }
                    _ => 0,
                };
                if shared > 0 && shared * 5 >= need {
                    fits.push((i, shared));
                }
            }
            fits.sort_by_key(|&(_, shared)| std::cmp::Reverse(shared));
            fits.into_iter().map(|(i, _)| i).collect()
        })
        .collect();
    let pairs = max_matching(&candidates, quotes.len());
    let matched = pairs.iter().flatten().count();
    let scores = &mut out.scores.quotes;
    scores.docs += 1;
    scores.matched.add(Counts {
        tp: matched,
        fp: quotes.len() - matched,
        fn_: gold.len() - matched,
    });
    let mut used = vec![false; quotes.len()];
    for (g, pair) in gold.iter().zip(&pairs) {
        let Some(p) = *pair else {
            out.miss(Layer::Quotes, MissKind::Missed, format!("{:?}", g.text));
            continue;
        };
        used[p] = true;
        let quote = &quotes[p];
        if let Some(speaker) = &g.speaker {
            let name = predicted.entity_name(str_of(quote, "speaker"));
            let right = name.is_some_and(|n| same_person(speaker, n));
            out.scores.quotes.speaker.judge(right);
            if !right {
                let detail = format!(
                    "speaker of {:?}: gold {speaker:?}, predicted {:?}",
                    g.text,
                    shown(name)
                );
                out.miss(Layer::Quotes, MissKind::Wrong, detail);
            }
        }
        if let Some(kind) = &g.kind {
            let right = str_of(quote, "kind") == Some(kind.as_str());
            out.scores.quotes.kind.judge(right);
        }
    }
    for (quote, used) in quotes.iter().zip(used) {
        if !used {
            out.miss(
                Layer::Quotes,
                MissKind::Spurious,
                format!("{:?}", str_of(quote, "text").unwrap_or("")),
            );
        }
    }
}

// ---------------------------------------------------------------- casualties

/// At least half of the gold group's words appear in the predicted group.
pub fn same_group(gold: &str, predicted: &str) -> bool {
    let want = fold::words(gold);
    let got = fold::words(predicted);
    let shared = want.iter().filter(|w| got.contains(w)).count();
    !want.is_empty() && shared * 2 >= want.len()
}

fn count_of(value: &Value, key: &str) -> Option<u64> {
    value.get(key).and_then(Value::as_u64)
}

fn score_casualties(gold: &[GoldCasualty], predicted: &Predicted, out: &mut DocScore) {
    let list = predicted.list("casualties");
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| {
            list.iter()
                .enumerate()
                .filter(|(_, c)| {
                    str_of(c, "kind").is_some_and(|k| k.eq_ignore_ascii_case(g.kind.trim()))
                        && count_of(c, "min") == g.min
                        && count_of(c, "max") == g.max
                })
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let pairs = max_matching(&candidates, list.len());
    let matched = pairs.iter().flatten().count();
    let scores = &mut out.scores.casualties;
    scores.docs += 1;
    scores.matched.add(Counts {
        tp: matched,
        fp: list.len() - matched,
        fn_: gold.len() - matched,
    });
    let range = |min: Option<u64>, max: Option<u64>| {
        format!(
            "{}..{}",
            min.map_or("?".into(), |v| v.to_string()),
            max.map_or("".into(), |v| v.to_string())
        )
    };
    let mut used = vec![false; list.len()];
    for (g, pair) in gold.iter().zip(&pairs) {
        let Some(p) = *pair else {
            let detail = format!(
                "{} {} {:?}",
                g.kind,
                range(g.min, g.max),
                shown(g.group.as_deref())
            );
            out.miss(Layer::Casualties, MissKind::Missed, detail);
            continue;
        };
        used[p] = true;
        if let Some(group) = &g.group {
            let got = str_of(&list[p], "group");
            let right = got.is_some_and(|got| same_group(group, got));
            out.scores.casualties.group.judge(right);
            if !right {
                let detail = format!(
                    "group of {} {}: gold {group:?}, predicted {:?}",
                    g.kind,
                    range(g.min, g.max),
                    shown(got)
                );
                out.miss(Layer::Casualties, MissKind::Wrong, detail);
            }
        }
    }
    for (c, used) in list.iter().zip(used) {
        if !used {
            let detail = format!(
                "{} {} {:?}",
                str_of(c, "kind").unwrap_or("?"),
                range(count_of(c, "min"), count_of(c, "max")),
                shown(str_of(c, "group"))
            );
            out.miss(Layer::Casualties, MissKind::Spurious, detail);
        }
    }
}

// ---------------------------------------------------------------- events

/// How strictly a predicted event must agree with a gold one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EventMatch {
    TypeOnly,
    WithCountries,
    Full,
}

fn countries<'v>(event: &'v Value, role: &str) -> impl Iterator<Item = &'v str> {
    event
        .get(role)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|p| str_of(p, "country"))
}

/// `kind` is the predicted event's type, aliases mapped.
fn event_fits(gold: &GoldEvent, event: &Value, kind: &str, strictness: EventMatch) -> bool {
    if kind != gold.kind {
        return false;
    }
    if strictness == EventMatch::TypeOnly {
        return true;
    }
    let has = |role: &str, want: &Option<String>| {
        want.as_deref().map_or(true, |w| {
            countries(event, role).any(|c| c.eq_ignore_ascii_case(w))
        })
    };
    if !has("actor", &gold.actor_country) || !has("recipient", &gold.recipient_country) {
        return false;
    }
    if strictness == EventMatch::WithCountries {
        return true;
    }
    let negated_ok = gold.negated.map_or(true, |n| {
        event.get("negated").and_then(Value::as_bool) == Some(n)
    });
    let modality_ok = gold
        .modality
        .as_deref()
        .map_or(true, |m| str_of(event, "modality") == Some(m));
    negated_ok && modality_ok
}

fn match_events(
    gold: &[GoldEvent],
    events: &[Value],
    kinds: &[String],
    strictness: EventMatch,
) -> (Counts, Vec<Option<usize>>) {
    let candidates: Vec<Vec<usize>> = gold
        .iter()
        .map(|g| {
            events
                .iter()
                .zip(kinds)
                .enumerate()
                .filter(|(_, (event, kind))| event_fits(g, event, kind, strictness))
                .map(|(i, _)| i)
                .collect()
        })
        .collect();
    let pairs = max_matching(&candidates, events.len());
    let matched = pairs.iter().flatten().count();
    (
        Counts {
            tp: matched,
            fp: events.len() - matched,
            fn_: gold.len() - matched,
        },
        pairs,
    )
}

fn describe_gold_event(g: &GoldEvent) -> String {
    let mut s = g.kind.clone();
    if let Some(t) = &g.trigger {
        s.push_str(&format!(" {t:?}"));
    }
    for (name, value) in [
        ("actor", &g.actor_country),
        ("recipient", &g.recipient_country),
        ("modality", &g.modality),
    ] {
        if let Some(v) = value {
            s.push_str(&format!(" {name}={v}"));
        }
    }
    if let Some(n) = g.negated {
        s.push_str(&format!(" negated={n}"));
    }
    s
}

fn score_events(gold: &[GoldEvent], predicted: &Predicted, out: &mut DocScore) {
    let events = predicted.list("events");
    let kinds: Vec<String> = events
        .iter()
        .map(|e| crate::gold::plover_type(str_of(e, "type").unwrap_or("")).0)
        .collect();
    let (typed, _) = match_events(gold, events, &kinds, EventMatch::TypeOnly);
    let (with_countries, _) = match_events(gold, events, &kinds, EventMatch::WithCountries);
    let (full, pairs) = match_events(gold, events, &kinds, EventMatch::Full);
    let scores = &mut out.scores.events;
    scores.docs += 1;
    scores.typed.add(typed);
    scores.with_countries.add(with_countries);
    scores.full.add(full);
    scores.gold_with_countries += gold
        .iter()
        .filter(|g| g.actor_country.is_some() || g.recipient_country.is_some())
        .count();
    let mut used = vec![false; events.len()];
    for (g, pair) in gold.iter().zip(&pairs) {
        match pair {
            Some(p) => used[*p] = true,
            None => out.miss(Layer::Events, MissKind::Missed, describe_gold_event(g)),
        }
    }
    for (event, used) in events.iter().zip(used) {
        if !used {
            let trigger =
                span_of(event.pointer("/evidence/trigger")).and_then(|s| predicted.slice(s));
            let actors: Vec<&str> = countries(event, "actor").collect();
            let recipients: Vec<&str> = countries(event, "recipient").collect();
            let detail = format!(
                "{} {} {:?} actor={actors:?} recipient={recipients:?} negated={} modality={} rule={}",
                shown(str_of(event, "id")),
                shown(str_of(event, "type")),
                trigger.unwrap_or_default(),
                event.get("negated").and_then(Value::as_bool).unwrap_or(false),
                shown(str_of(event, "modality")),
                shown(str_of(event, "rule")),
            );
            out.miss(Layer::Events, MissKind::Spurious, detail);
        }
    }
}

/// The document's headline event's ACLED sub-event type: the first event in
/// reading order (by trigger, then sentence, then record order) that has an
/// ACLED coding.
pub fn headline_sub_event_type(record: &Value) -> Option<&str> {
    let events = record.get("events").and_then(Value::as_array)?;
    events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let sub = e
                .get("acled")
                .filter(|a| a.is_object())
                .and_then(|a| str_of(a, "sub_event_type"))?;
            let trigger = span_of(e.pointer("/evidence/trigger")).map_or(usize::MAX, |s| s.0);
            let sentence = span_of(e.pointer("/evidence/sentence")).map_or(usize::MAX, |s| s.0);
            Some(((trigger, sentence, i), sub))
        })
        .min_by_key(|(order, _)| *order)
        .map(|(_, sub)| sub)
}

fn score_acled(expected: Option<&str>, predicted: &Predicted, out: &mut DocScore) {
    let got = headline_sub_event_type(predicted.record);
    let right = got == expected;
    out.scores.acled.docs += 1;
    out.scores.acled.headline.judge(right);
    if !right {
        let detail = format!(
            "headline sub_event_type: gold {}, predicted {}",
            shown(expected),
            shown(got)
        );
        out.miss(Layer::Acled, MissKind::Wrong, detail);
    }
}

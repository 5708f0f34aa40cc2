//! Span-sorted indices of a document's entity mentions, places and dates, built
//! once per document so per-sentence and per-event look-ups are binary searches:
//! scanning whole-document vectors for every sentence is quadratic on long texts.

use dateline_model::{EntityType, PartialDate, Reading, Span};

pub(crate) struct DocIndex {
    /// Every entity mention as (span, entity), by start.
    mentions: Vec<(Span, usize)>,
    /// Person mentions as (end, entity), by end.
    person_ends: Vec<(usize, usize)>,
    /// Place mentions as (span, place), by start.
    places: Vec<(Span, usize)>,
    /// Dates as (span, value), by start (stable: text-layer order among equals).
    dates: Vec<(Span, Option<PartialDate>)>,
}

impl DocIndex {
    pub fn build(reading: &Reading) -> DocIndex {
        let mut mentions: Vec<(Span, usize)> = Vec::new();
        let mut person_ends = Vec::new();
        for (e, entity) in reading.entities.iter().enumerate() {
            for m in &entity.mentions {
                mentions.push((*m, e));
                if entity.kind == EntityType::Per {
                    person_ends.push((m.end, e));
                }
            }
        }
        mentions.sort_unstable_by_key(|(m, e)| (m.start, m.end, *e));
        person_ends.sort_unstable();
        let mut places: Vec<(Span, usize)> = reading
            .places
            .iter()
            .enumerate()
            .flat_map(|(p, place)| place.mentions.iter().map(move |m| (*m, p)))
            .collect();
        places.sort_unstable_by_key(|(m, p)| (m.start, *p));
        let mut dates: Vec<(Span, Option<PartialDate>)> = reading
            .text
            .dates
            .iter()
            .map(|d| (d.span, d.value))
            .collect();
        dates.sort_by_key(|(s, _)| s.start);
        DocIndex {
            mentions,
            person_ends,
            places,
            dates,
        }
    }

    /// Entity mentions inside `span`, by start.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        within(&self.mentions, span)
    }

    /// The person whose mention ends last at or before `at`.
    pub fn last_person_before(&self, at: usize) -> Option<usize> {
        let to = self.person_ends.partition_point(|(end, _)| *end <= at);
        to.checked_sub(1)
            .and_then(|i| self.person_ends.get(i))
            .map(|(_, e)| *e)
    }

    /// Place mentions inside `span`, by start.
    pub fn places_in(&self, span: Span) -> impl Iterator<Item = (Span, usize)> + '_ {
        within(&self.places, span)
    }

    /// Dates inside `span`, by start.
    pub fn dates_in(&self, span: Span) -> impl Iterator<Item = (Span, Option<PartialDate>)> + '_ {
        within(&self.dates, span)
    }
}

/// The entries of a start-sorted list that lie inside `span`, by start: a
/// binary search to the first, then a walk that stops past `span`.
fn within<T: Copy>(list: &[(Span, T)], span: Span) -> impl Iterator<Item = (Span, T)> + '_ {
    let from = list.partition_point(|(s, _)| s.start < span.start);
    list.get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(move |(s, _)| s.start < span.end)
        .filter(move |(s, _)| s.end <= span.end)
        .copied()
}
